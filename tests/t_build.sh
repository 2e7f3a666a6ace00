# t_build.sh -- regsite build end to end on the demo registry: both
# languages, links, page weights, the Nu Html Checker, numbered columns, determinism,
# a killed build, nothing internal published, and the errors an
# operator meets.  Reads the shared demo site (demo_site in lib.sh).
. "$TOP/tests/lib.sh"

db=$(demo_db) || { fail "the demo database could not be made"; exit 1; }
cfg="$TOP/content/site.ini"
base="http://localhost:8000/"
if ! out=$(demo_site); then
	fail "build succeeds"
	cat "$BUILD/test-site.stderr"
	exit 1
fi
ok "build succeeds"
check_sh "a one-line summary on a pipe; on stderr only the demo configuration's warnings" \
    '[ "$(wc -l <"$out.summary")" -eq 1 ] && [ "$(grep -vc "^regsite: warning: " "$out.stderr")" -eq 0 ]'
check "the summary counts pages, bytes, seconds and privacy work" \
    grep -Eq '^regsite: built .*: [0-9]+ pages, [0-9]+ files, [0-9.]+ MB in [0-9.]+ s; privacy: Form 1 shows [0-9.]+% of its quasi-identifier values \(date [0-9]+% sex [0-9]+% age [0-9]+% diagnosis [0-9]+% profile [0-9]+%\), Form 2 shows [0-9.]+% of its quasi-identifier values \(date [0-9]+% region [0-9]+% sex [0-9]+% diagnosis [0-9]+% profile [0-9]+%\); [0-9]+ text replacements; regional counts: [0-9]+ suppressed, [0-9]+ hidden, [0-9]+ rounded$' \
    "$out.summary"
check "the root page leads to both languages, Kazakh first" \
    sh -c "grep -o 'href=\"[a-z][a-z]/index.html\"' '$out/index.html' | tr '\n' ' ' | grep -q '^href=\"kk/index.html\" href=\"ru/index.html\"'"
check "static assets are fingerprinted" \
    sh -c "ls '$out/static' | grep -Eq '^style\.[0-9a-f]{10}\.css$'"

tool check-site.mjs node "$TOP/tests/tools/check-site.mjs" "$out" "$base"

# The report (in Russian: --lang ru) lists for review every column that
# no published row shows, and only those (the demo's Form 2 never shows
# its month: ~40 records a quarter).
awk '
/^== / { review = ($0 ~ /Требует проверки/) }
review && /^Столбцы, скрытые во всех строках/ { inlist = 1; next }
review && /^$/ { inlist = 0 }
inlist && /^  Форма [12]: / { sub(/^  /, ""); listed[$0] = 1 }
/^== Форма [12] ==/ { form = $2 " " $3 }
/^  показанные значения/ {
	sub(/^[^:]*: /, "")
	k = split($0, w, " ")
	for (i = 1; i + 1 <= k; i += 2) {
		v = w[i + 1]; sub(/;.*/, "", v)
		if (v == "0%") zero[form ": " w[i]] = 1
	}
}
END {
	for (c in zero) { seen++; if (!(c in listed)) { print "not listed: " c; bad = 1 } }
	for (c in listed) if (!(c in zero)) { print "listed, but shown: " c; bad = 1 }
	exit (bad || !seen)
}' "$out.report" >"$WORK/hidden.log"
rc=$?
check "the report lists for review exactly the columns no published row shows" \
    [ $rc -eq 0 ]
[ $rc -eq 0 ] || sed 's/^/  /' "$WORK/hidden.log"
tool page-weight.mjs node "$TOP/tests/tools/page-weight.mjs" "$out" "$base"

# Every quarter of the database has its pages.
quarters=$(sqlite3 "$db" "SELECT DISTINCT quarter FROM incidents UNION SELECT DISTINCT quarter FROM insurance_cases ORDER BY 1")
missing=""
for q in $quarters; do
	slug=$(echo "$q" | sed 's/Q/-q/')
	for l in kk ru; do
		for p in index.html incidents/index.html insurance/index.html; do
			[ -f "$out/$l/$slug/$p" ] || missing="$missing $l/$slug/$p"
		done
	done
done
nq=$(echo $quarters | wc -w)
check_sh "every quarter ($nq) has its page and both tables in both languages" \
    '[ "$nq" -ge 8 ] && [ -z "$missing" ]'
[ -z "$missing" ] || echo "  missing:$missing"

# Pagination covers every record exactly once.
for f in incidents insurance; do
	table=$f; [ $f = insurance ] && table=insurance_cases
	want=$(sqlite3 "$db" "SELECT count(*) FROM $table")
	got=$(cat "$out"/kk/*/$f/index.html "$out"/kk/*/$f/page-*/index.html \
	    2>/dev/null | grep -o '<tr id="[0-9]\{4\}Q[1-4]-[IS]-[0-9]*"' |
	    sort -u | wc -l)
	check "the $f tables show every record once ($got of $want)" \
	    [ "$got" -eq "$want" ]
done

# The W3C Nu Html Checker, over every page.  (A JVM that compiles with
# C1 only and collects on one thread spends a fifth less CPU on it.)
vnu="$TOP/tests/node_modules/vnu-jar/build/dist/vnu.jar"
if java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$vnu" --errors-only \
    --skip-non-html --format gnu "$out" >"$WORK/vnu" 2>&1; then
	ok "the HTML passes the Nu Html Checker"
else
	fail "the HTML passes the Nu Html Checker"
	sed "s|$out/||" "$WORK/vnu" | head -20
fi

# Nothing internal reaches any output byte, file names included.
sqlite3 "$db" "SELECT source_ref FROM incidents UNION SELECT source_ref FROM insurance_cases UNION SELECT org_code FROM incidents UNION SELECT org_code FROM insurance_cases UNION SELECT place_kk FROM insurance_cases UNION SELECT place_ru FROM insurance_cases" >"$WORK/secrets"
n=$(wc -l <"$WORK/secrets")
check "the canary list is not empty ($n values)" [ "$n" -gt 100 ]
# (grep: 0 found, 1 not found, 2 could not read; only 1 passes.)
grep -rlF -f "$WORK/secrets" "$out" >"$WORK/leaks"
in_files=$?
(cd "$out" && find .) >"$WORK/names" &&
    grep -F -f "$WORK/secrets" "$WORK/names" >>"$WORK/leaks"
in_names=$?
files=$(wc -l <"$WORK/names")
if [ "$in_files" -eq 1 ] && [ "$in_names" -eq 1 ] && [ "$files" -gt 1000 ]; then
	ok "no output file or name contains a source_ref, org_code or place ($files files)"
else
	fail "no output file or name contains a source_ref, org_code or place ($files files; grep status $in_files, $in_names)"
	head -5 "$WORK/leaks"
fi

# A killed build leaves the previous site as it was; the next one
# succeeds, clears the dead build's tree and is byte-identical to the
# shared site (deterministic).  The previous site: the small golden one.
prev="$WORK/public"
regress_site "$REGSITE" "$prev" || fail "the small site builds"
cp -r "$prev" "$WORK/before"
"$REGSITE" build --db "$db" --out "$prev" --config "$cfg" --no-record \
    --quiet &
pid=$!
# Polled until the tree has 300 files or the build has ended: a
# sanitized build on a busy machine may take a minute to get there.
i=0 partial=0
while [ $i -lt 6000 ] && kill -0 $pid 2>/dev/null; do
	tmp=$(ls -d "$WORK"/.public.tmp-* 2>/dev/null | head -1)
	if [ -n "$tmp" ] && [ "$(find "$tmp" -type f | head -300 | wc -l)" -ge 300 ]; then
		partial=1
		break
	fi
	i=$((i + 1))
	sleep 0.02
done
kill -9 $pid 2>/dev/null
killed=$?
wait $pid 2>/dev/null
rc=$?
check_sh "the build was killed midway (a partial tree of 300 files; polled $i times, partial $partial, kill status $killed, status $rc)" \
    '[ "$partial" -eq 1 ] && [ "$killed" -eq 0 ] && [ "$rc" -eq 137 ]'
check "a killed build leaves the previous site intact" \
    diff -r "$WORK/before" "$prev"
"$REGSITE" build --db "$db" --out "$prev" --config "$cfg" --no-record --quiet
rc=$?
check_sh "the next build succeeds (status $rc) and clears the dead build's tree" \
    '[ "$rc" -eq 0 ] && [ -z "$(ls -d "$WORK"/.public.tmp-* 2>/dev/null)" ]'
check "a rebuild is byte-identical" diff -r "$out" "$prev"
# The languages' pages are written side by side by default: one process
# (--jobs 1) writes the same site.
"$REGSITE" build --db "$db" --out "$WORK/seq" --config "$cfg" --no-record \
    --quiet --jobs 1
check "a build in one process (--jobs 1) is byte-identical to the parallel one" \
    diff -r "$out" "$WORK/seq"
rm -rf "$WORK/seq"
# The narratives are scrubbed by two processes, the downloads written by
# three (the quarters' files split between two, the workbooks by a
# third): the report too is the same with one process.
for j in 1 2; do
	"$REGSITE" build --db "$db" --out "$WORK/j$j" --config "$cfg" \
	    --no-record --quiet --jobs $j --report "$WORK/report$j.txt" ||
	    fail "the build with --jobs $j"
done
check_sh "the report is byte-identical with --jobs 1 and 2 ($(wc -l <"$WORK/report1.txt") lines)" \
    '[ "$(wc -l <"$WORK/report1.txt")" -gt 1000 ] && cmp "$WORK/report1.txt" "$WORK/report2.txt"'
rm -rf "$WORK/j1" "$WORK/j2"
"$REGSITE" build --db "$db" --out "$WORK/x" --jobs 3 2>"$WORK/err"
rc=$?
check_sh "--jobs takes 1 or 2 (status $rc)" \
    '[ "$rc" -eq 2 ] && [ "$(head -n 1 "$WORK/err")" = "regsite: build: --jobs: expected 1 or 2, not '"'3'"'" ] && [ ! -e "$WORK/x" ]'
rm -rf "$WORK/before"
out=$prev	# from here on, a site this test may try to replace

# A failed build changes nothing either.
inode=$(stat -c %i "$out")
cp "$cfg" "$WORK/bad.ini"
printf '[site]\ntitel = x\n' >>"$WORK/bad.ini"
expect_err "an unknown configuration key names its line" 1 \
    "regsite: $WORK/bad.ini:$(wc -l <"$WORK/bad.ini"): unknown key 'titel' in [site]" \
    "$REGSITE" build --db "$db" --out "$out" --config "$WORK/bad.ini"
check_sh "and the site is left as it was" \
    '[ "$(stat -c %i "$out")" = "$inode" ] && [ -f "$out/.regsite" ] &&
    [ -z "$(ls -d "$WORK"/.public.tmp-* 2>/dev/null)" ]'

# Errors an operator meets, exactly.
expect_err "a missing database" 1 \
    "regsite: $WORK/none.db: no such database file" \
    "$REGSITE" build --db "$WORK/none.db" --out "$WORK/x"
cp "$db" "$WORK/v99.db"
sqlite3 "$WORK/v99.db" "PRAGMA user_version = 99"
expect_err "a database of another schema version" 1 \
    "regsite: $WORK/v99.db: schema version 99, but this regsite needs version 3 (a newer regsite made it)" \
    "$REGSITE" build --db "$WORK/v99.db" --out "$WORK/x"
: >"$WORK/empty.db"
expect_err "an empty file" 1 \
    "regsite: $WORK/empty.db: not a registry database (schema version 0, empty; regsite needs version 3)" \
    "$REGSITE" build --db "$WORK/empty.db" --out "$WORK/x"
# A registry whose only import had a header and no rows: its schema, no
# records.  (A refused import leaves no registry it created.)
head -n 1 "$TOP/tests/data/incidents-2025Q1.csv" >"$WORK/header.csv"
"$REGSITE" import --db "$WORK/norecords.db" --form incidents \
    --quarter 2025Q1 --source x "$WORK/header.csv" >/dev/null 2>&1
expect_err "a registry with no records: refused, nothing written" 3 \
    "regsite: $WORK/norecords.db: the registry holds no records yet: nothing to publish (regsite import adds a submission)" \
    "$REGSITE" build --db "$WORK/norecords.db" --out "$WORK/norecords"
check "... and no site, no temporary directory" \
    [ -z "$(ls -A "$WORK" | grep norecords | grep -v '^norecords\.db')" ]
expect_err "a report inside the site" 1 \
    "regsite: --report '$out/report.txt' is inside the output directory '$out': the report lists what was masked and must not be published" \
    "$REGSITE" build --db "$db" --out "$out" --report "$out/report.txt"
mkdir -p "$WORK/home/docs" && : >"$WORK/home/notes.txt"
expect_err "a directory that is not a site is never replaced" 1 \
    "regsite: $WORK/home: exists, is not empty and is not a site regsite built (no .regsite file); refusing to replace it" \
    "$REGSITE" build --db "$db" --out "$WORK/home"
check "and it is left alone" [ -f "$WORK/home/notes.txt" ]
expect_err "a usage error exits 2" 2 \
    "regsite: build: --out DIR is required
$("$REGSITE" --help)" \
    "$REGSITE" build --db "$db"
check "--version" sh -c "'$REGSITE' --version | grep -q '^regsite [0-9.]* (schema version 3)$'"
check "--help exits 0" "$REGSITE" --help

# Every pager, a table's or a profile group's, links a bounded number of
# pages: the first, the last, and two on each side of the current one,
# with a gap between.  A pager that listed every page would make a
# group's pages grow with the square of their number (at 1 000 000
# incidents, half of a group page was its two pagers).  Ten rows a page,
# so that groups have many pages.
printf '[site]\nrecord_pages = no\nrows_per_page = 10\n' >"$WORK/small.ini"
if "$REGSITE" build --db "$db" --out "$WORK/small" --config "$WORK/small.ini" \
    --source "$TOP" --no-record --quiet 2>/dev/null; then
	python3 - "$WORK/small" >"$WORK/pagers" <<'PY'
import os, re, sys
root = sys.argv[1]
bad, pages, most = [], 0, {"table": 0, "group": 0}
nav = re.compile(r'<nav class="pager"[^>]*>(.*?)</nav>', re.S)
num = re.compile(r'<li><a href="([^"]*)"( aria-current="page")?>'
                 r'<span class="visually-hidden">[^<]*</span>(\d+)</a></li>')
for d, _, files in os.walk(root):
    if "index.html" not in files or not re.search(r"/(incidents|insurance)(/|$)", d):
        continue
    kind = "group" if "/group/" in d else "table"
    html = open(os.path.join(d, "index.html"), encoding="utf-8").read()
    for block in nav.findall(html):
        links = num.findall(block)
        if not links:
            continue
        pages += 1
        ns = [int(n) for _, _, n in links]
        cur = [int(n) for _, c, n in links if c]
        last = max(ns)
        most[kind] = max(most[kind], last)
        want = sorted({1, last} | {i for i in range(cur[0] - 2, cur[0] + 3)
                                   if 1 <= i <= last}) if len(cur) == 1 else None
        if ns != want or (("…" in block) != (len(ns) < last)):
            bad.append("%s: %s" % (d[len(root):], ns))
print("pagers %d, most pages: table %d, group %d" % (pages, most["table"], most["group"]))
for b in bad[:5]:
    print("bad " + b)
PY
	check "every pager links the first and last pages and two on each side, with gaps ($(head -n 1 "$WORK/pagers"))" \
	    sh -c "! grep -q '^bad ' '$WORK/pagers' && grep -Eq 'table [0-9]{2,}, group [0-9]{2,}$' '$WORK/pagers'"
	grep '^bad ' "$WORK/pagers" | sed 's/^/  /'
else
	fail "a build with ten rows a page"
fi
rm -rf "$WORK/small"
