# t_swap.sh -- the site swap (issue 16.1, 16.10): a reader polling the
# published directory while builds replace it never finds index.html
# missing and never a mix of two sites, even with every rename slowed
# down (strace delay_exit); the trees of dead builds are cleared, and a
# previous site a killed fallback swap left aside is put back; where
# the file system refuses RENAME_EXCHANGE the fallback still works; a
# symbolic link --out stays a link and leads to the new site; a dangling
# one is refused before anything is read.
. "$TOP/tests/lib.sh"

if ! command -v strace >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1
then
	echo "# skip: strace and python3 are needed (make deps-test)"
	exit 0
fi
if ! strace -f -qq -o /dev/null true 2>/dev/null; then
	echo "# skip: strace cannot trace here (no ptrace)"
	exit 0
fi
cd "$WORK" || exit 1
"$REGSITE" import --db reg.db --form incidents --quarter 2025Q1 \
    --source gkb-4 "$TOP/tests/data/incidents-2025Q1.csv" >/dev/null ||
    { fail "the registry could not be made"; exit 1; }
printf '[site]\nname_kk = Сайт A\nname_ru = Сайт A\n' >A.ini
printf '[site]\nname_kk = Сайт B\nname_ru = Сайт B\n' >B.ini
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"	# (strace: see t_build_kill)
export ASAN_OPTIONS

build() {	# build OUT CONFIG [wrapper...]
	o=$1 c=$2; shift 2
	"$@" "$REGSITE" build --db reg.db --out "$o" --source "$TOP" \
	    --config "$c.ini" --quiet 2>>build.log >/dev/null
}

# --- a reader during builds ---------------------------------------------
build pub A || { fail "the first build"; exit 1; }
cat >poll.py <<'EOF'
# Poll pub/ until the file "stop" exists: index.html by its path (never
# missing), and three pages read through one handle of the directory
# (one tree: never two sites; the handle may be that of the old tree,
# whose files vanish as it is removed after the swap).
import os, re, sys
missing = mixed = polls = 0
name = re.compile(rb"\xd0\xa1\xd0\xb0\xd0\xb9\xd1\x82 ([AB])")   # "Сайт X"
def site(fd, path):
    f = os.open(path, os.O_RDONLY, dir_fd=fd)
    try:
        data = b""
        while True:
            chunk = os.read(f, 1 << 16)
            if not chunk:
                break
            data += chunk
    finally:
        os.close(f)
    m = name.search(data)
    return m.group(1) if m else b"?"
while not os.path.exists("stop"):
    polls += 1
    try:
        with open("pub/index.html", "rb") as f:
            f.read()
    except FileNotFoundError:
        missing += 1
    try:
        fd = os.open("pub", os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:
        continue
    try:
        seen = {site(fd, p) for p in ("index.html", "kk/index.html",
                                      "ru/data/index.html")}
        if len(seen) != 1 or b"?" in seen:
            mixed += 1
    except FileNotFoundError:
        pass    # the old tree, being removed after the swap
    finally:
        os.close(fd)
print(polls, missing, mixed)
EOF
python3 poll.py >poll.out 2>&1 &
ppid=$!
# Every rename of any kind held for 0.3 s after it returns: a gap
# between two renames would be seen for sure.
for c in B A B A; do
	build pub $c strace -f -qq -o /dev/null \
	    -e trace=rename,renameat,renameat2 \
	    -e inject=rename,renameat,renameat2:delay_exit=300000 ||
	    fail "a build under strace"
done
build pub B
: >stop
wait $ppid
read -r polls missing mixed <poll.out
check "a reader polled the site during 5 builds ($polls times)" \
    [ "${polls:-0}" -gt 100 ]
check "index.html was never missing ($missing times)" [ "${missing:-1}" -eq 0 ]
check "no read saw a mix of two sites ($mixed times)" [ "${mixed:-1}" -eq 0 ]
rm -f stop
# Each last site removed after its swap (in two processes: output.c's
# rm_site), nothing of it left beside the site.
ls -a | grep '^\.pub\.\(tmp\|old\)' >left || :
check "the last sites are removed whole, nothing left beside the site" \
    [ ! -s left ]

# --- the leftovers of dead builds ---------------------------------------
# A process id that is not running.
dead=$((100000 + $$ % 100000))
while kill -0 $dead 2>/dev/null; do dead=$((dead + 1)); done
for d in .pub.tmp-$dead .pub.tmp-$dead.old .pub.old-$dead; do
	mkdir -p "$d/kk" && echo x >"$d/kk/index.html"
done
mkdir .pub.tmp-$$	# this shell: a build still running
build pub A
check "a build removes the .tmp-PID, .tmp-PID.old and .old-PID trees of dead builds" \
    [ -z "$(ls -d .pub.*-$dead* 2>/dev/null)" ]
check "and leaves those of running ones" [ -d .pub.tmp-$$ ]
rmdir .pub.tmp-$$

# A build killed between the two renames of the fallback left the site
# aside and none in place: the next build puts it back first, even if
# it fails itself.
hA=$(cd pub && find . -type f | sort | xargs cat | sha256sum)
mv pub .pub.old-$dead
expect_err "a failing build still puts the previous site back" 1 \
    "regsite: warning: $WORK/pub: put back the previous site, which a build killed while swapping had left in $WORK/.pub.old-$dead
regsite: none.db: no such database file" \
    "$REGSITE" build --db none.db --out "$WORK/pub" --source "$TOP" --quiet
check "the previous site is back, whole" \
    [ "$(cd pub && find . -type f | sort | xargs cat | sha256sum)" = "$hA" ]

# --- where the file system refuses RENAME_EXCHANGE -----------------------
build pub B strace -f -qq -o /dev/null -e trace=renameat2 \
    -e inject=renameat2:error=EINVAL
check "without RENAME_EXCHANGE (EINVAL), the two-rename fallback publishes the site" \
    sh -c "grep -q 'Сайт B' pub/index.html && [ -z \"\$(ls -d .pub.* 2>/dev/null | grep -v '^.pub.regsite-')\" ]"
# (The first renames put the scrubbing memo and the maps beside the
# site: one a file there.)
when=$(($(ls -d .pub.regsite-* | wc -l) + 2))
build pub A strace -f -qq -o /dev/null -e trace=renameat2,rename \
    -e inject=renameat2:error=EINVAL -e inject=rename:signal=KILL:when=$when
check "killed between the fallback's two renames: no site in place, the previous one aside" \
    sh -c "[ ! -e pub ] && grep -q 'Сайт B' .pub.old-*/index.html"
build pub A
check "the next build puts it back and publishes over it" \
    sh -c "grep -q 'Сайт A' pub/index.html && [ -z \"\$(ls -d .pub.* 2>/dev/null | grep -v '^.pub.regsite-')\" ]"

# --- a symbolic link as --out ---------------------------------------------
mkdir releases
build releases/r1 A
ln -s releases/r1 current
build current B
check "a symbolic link --out stays a link to the same directory" \
    [ -L current -a "$(readlink current)" = releases/r1 ]
check "which now holds the new site" grep -q 'Сайт B' releases/r1/index.html
check "and nothing is left beside either but the scrubbing memo, the maps and the files' digest, beside the directory the link leads to" \
    [ -z "$(ls -A releases | grep -v '^r1$' | grep -v '^.r1.regsite-\(memo\|files\|map-\(data\|kk\|ru\)\)$')$(ls -d .current.* 2>/dev/null)" -a -s releases/.r1.regsite-memo -a -s releases/.r1.regsite-map-kk ]
ln -s releases/nowhere dangling
expect_err "a dangling link is refused before the database is read" 1 \
    "regsite: dangling: a symbolic link to 'releases/nowhere', which does not exist: create that directory or point the link at one" \
    "$REGSITE" build --db none.db --out dangling --source "$TOP" --quiet
check "and nothing is created" \
    [ ! -e releases/nowhere -a -z "$(ls -A releases | grep -v '^r1$' | grep -v '^.r1.regsite-')" ]
