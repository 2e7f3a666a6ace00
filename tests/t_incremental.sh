# t_incremental.sh -- a rebuild after a new quarter (issue 13), in the
# operator's order: the registry's release built and remembered, the
# next quarter's submissions added, the site built again over it.
#
# The scrubbing memo: a build keeps what scrubbing made of each
# record's texts beside the site (.NAME.regsite-memo, never in it), and
# the next build scrubs only the records whose texts or row changed.
# The maps (.regsite-map-*): a quarter table whose rows are the last
# build's (its digest) keeps its pages' rows and its files' rows, each
# page and file made anew around them, and the all-quarters workbooks
# take its sheets from the last ones.  The site, its summary and the
# memo are byte-identical to a full build's; a memo of another
# configuration, or a damaged one, is not used, nor a last site changed
# since its build, nor a workbook whose bytes are not the map's (the
# site is still right); a build with --report scrubs every text; the
# maps are not published.  Last, what an operator does between two
# releases (a text corrected, a submission withdrawn, a record removed,
# one process, a preview first): each time a full build's site.
. "$TOP/tests/lib.sh"

cd "$WORK" || exit 1
"$REGSITE" demo --db all.db --quarters 4 --incidents 1400 --insurance 160 \
    --source "$TOP" >/dev/null || { fail "the demo registry is made"; exit 1; }
latest=$(sqlite3 all.db "SELECT max(reported_quarter) FROM (SELECT \
    reported_quarter FROM incidents UNION ALL SELECT reported_quarter \
    FROM insurance_cases)")
sqlite3 all.db ".backup prev.db"
sqlite3 prev.db "PRAGMA foreign_keys = OFF; \
    DELETE FROM incidents WHERE reported_quarter = '$latest'; \
    DELETE FROM insurance_cases WHERE reported_quarter = '$latest'"
# A few pages a table, several a group; no page per record (whose
# quarters are made in full).
sed 's/^rows_per_page = .*/rows_per_page = 25/; s/^record_pages = .*/record_pages = no/' \
    "$TOP/content/site.ini" >site.ini
cp site.ini site.ini.orig
# add_quarter DB: the latest quarter's submissions, as an import puts them
add_quarter() { sh "$TOP/tests/tools/add-quarter.sh" all.db "$1" "$latest"; }

build() {	# build DB OUT [options]: summary, trace
	_db=$1 _out=$2; shift 2
	REGSITE_TRACE=1 "$REGSITE" build --db "$_db" --out "$_out" \
	    --config site.ini --source "$TOP" "$@" >summary 2>trace
}
# "REUSED TOTAL" from the trace
reused() {
	sed -n "s/.*privacy: memo: \([0-9]*\) of \([0-9]*\) records' texts reused;.*/\1 \2/p" trace
}
# "WORKER THIS" records scrubbed ahead by each process, from the trace
ahead() {
	sed -n "s/.*; scrubbed ahead: \([0-9]*\) by the worker, \([0-9]*\) by this process$/\1 \2/p" trace
}
# "KEPT QUARTERS" of form $1's workbooks from the trace
sheets() {
	sed -n "s/.*form $1's workbooks: \([0-9]*\) of \([0-9]*\) quarters kept$/\1 \2/p" trace
}
# "KEPT ALL" compressed members of the changed quarters' files, summed
members() {
	sed -n "s/.*downloads: [0-9Q]* [a-z]*: \([0-9]*\) of \([0-9]*\) members kept$/\1 \2/p" \
	    trace | awk '{ k += $1; n += $2 } END { print k + 0, n + 0 }'
}
# "TAKEN ALL" chunks of rows of the written sheets of the workbooks,
# summed (a workbook that takes none says nothing)
taken() {
	sed -n "s/.* workbook ([a-z]*): \([0-9]*\) of \([0-9]*\) chunks of rows taken from the last one$/\1 \2/p" \
	    trace | awk '{ k += $1; n += $2 } END { print k + 0, n + 0 }'
}
# the summary line without its time
counts() { sed 's/ in [0-9.]* s;/;/; s/built [^:]*:/built:/' summary; }

# "REUSED TOTAL" tables of a language from the trace
tables() {
	sed -n "s/.*$1: quarters and tables, explorer (\([0-9]*\) of \([0-9]*\) tables' rows reused;.*/\1 \2/p" trace
}
# "KEPT MADE" pages of the changed tables, those that kept their rows
pages() {
	sed -n "s/.*$1: quarters and tables, explorer (.*; of the others' pages, \([0-9]*\) of \([0-9]*\) kept their rows;.*/\1 \2/p" trace
}
# "COPIED MADE" chunks of the record indexes made again, a language's
chunks() {
	sed -n "s/.*$1: quarters and tables, explorer (.*, \([0-9]*\) of \([0-9]*\) chunks copied)$/\1 \2/p" trace
}

sqlite3 prev.db ".backup p0.db"
build prev.db site
r=$(reused) t=$(tables kk)
check_sh "a first build reuses nothing ($r; tables $t)" \
    '[ "${r%% *}" = 0 ] && [ "${r#* }" -gt 0 ] && [ "${t%% *}" = 0 ]'
check_sh "the memo is kept beside the site, not in it" \
    '[ -s .site.regsite-memo ] && [ -z "$(find site -name "*memo*")" ]'
check_sh "its maps (each language's tables, the files) are beside it, named by its files' digest there, not in it" \
    '[ -s .site.regsite-map-kk ] && [ -s .site.regsite-map-ru ] && [ -s .site.regsite-map-data ] && grep -Eq "^maps [0-9a-f]{64}$" .site.regsite-files && [ -z "$(find site -name ".regsite-map*")" ] && [ "$(cat site/.regsite)" = "regsite site" ]'

# The next quarter's submissions (late records of earlier quarters among
# them) added to the registry that remembers the release; a copy of it
# is built in full, elsewhere, in one process.
add_quarter prev.db
for n in full r1 r2 r3 r4; do sqlite3 prev.db ".backup $n.db"; done
# The table pages (a table's, its groups') and their inodes; the last
# site kept aside by hard links (a build never writes into a file).
tpages() {
	(cd "$1" && find kk ru -path '*/20*-q*/incidents/*' -name '*.html' \
	    -printf '%i %p\n' -o -path '*/20*-q*/insurance/*' \
	    -name '*.html' -printf '%i %p\n') | sort -k2
}
tpages site >pages.before
cp -al site before
build prev.db site
tpages site >pages.after
linked=$(join -1 2 -2 2 pages.before pages.after | awk '$2 == $3' | wc -l)
ntp=$(wc -l <pages.after)
r=$(reused) tk=$(tables kk) tr=$(tables ru) m0=$(members) x0=$(taken)
c0=$(chunks kk) c1=$(chunks ru) p0=$(pages kk) p1=$(pages ru)
counts >summary.memo
a=$(ahead)
check_sh "a new quarter: the records that did not change come from the memo ($r)" \
    '[ "${r%% *}" -gt 0 ] && [ "${r%% *}" -lt "${r#* }" ]'
check_sh "... and the worker scrubbed new records ahead while this process published the others ($a)" \
    '[ "${a%% *}" -gt 0 ]'
check_sh "... its answers waited in a file beside the memo that is gone (none left beside or in the site)" \
    '[ -z "$(find . -name "*spill*")" ]'
check_sh "... and the quarter tables whose rows did not change keep their rows (kk $tk, ru $tr)" \
    '[ "${tk%% *}" -gt 0 ] && [ "${tk%% *}" -lt "${tk#* }" ] && [ "$tk" = "$tr" ]'
w0=$(sheets 0) w1=$(sheets 1)
check_sh "... and the all-quarters workbooks take those quarters' sheets from the last site's (form 1: $w0, form 2: $w1)" \
    '[ "${w0%% *}" -gt 0 ] && [ "${w0%% *}" -lt "${w0#* }" ] && [ "${w1%% *}" -gt 0 ]'
check_sh "... and their sheets of the quarters that late records join take the pieces of the rows before them from the last ones ($x0)" \
    '[ "${x0%% *}" -gt 0 ] && [ "${x0%% *}" -lt "${x0#* }" ]'
check_sh "... and the compressed files of the quarters that late records join copy the members of the rows before them from the last ones ($m0)" \
    '[ "${m0%% *}" -gt 0 ] && [ "${m0%% *}" -lt "${m0#* }" ]'
check_sh "... and so do their tables' record indexes, chunk by chunk (kk $c0, ru $c1)" \
    '[ "${c0%% *}" -gt 0 ] && [ "${c0%% *}" -lt "${c0#* }" ] && [ "${c1%% *}" -gt 0 ]'
check_sh "... and their pages (a table's and its groups') before the late records keep their rows, the last ones are made (kk $p0, ru $p1)" \
    '[ "${p0%% *}" -gt 0 ] && [ "${p0%% *}" -lt "${p0#* }" ] && [ "$p0" = "$p1" ]'
build full.db full --jobs 1
r=$(reused) t=$(tables kk) p=$(pages kk)
m=$(members) c=$(chunks kk)
check "... which a full build compresses all ($m)" [ "$m" = "0 0" ]
check_sh "... and all the chunks of its record indexes ($c)" \
    '[ "${c%% *}" = 0 ] && [ "${c#* }" -gt 0 ]'
# One member, nothing after it (as DecompressionStream wants), and
# the bytes gzip reads.
python3 -c '
import sys, zlib, gzip
for f in sys.argv[1:]:
    b = open(f, "rb").read()
    d = zlib.decompressobj(16 + 15)
    x = d.decompress(b)
    if not d.eof or d.unused_data or x != gzip.decompress(b):
        print(f)
' full/kk/20*/*/records.json.gz site/ru/20*/*/records.json.gz >badgz
check "... which are each one gzip member, whole" [ ! -s badgz ]
counts >summary.full
check "a full build (no memo, no site before it) reuses nothing ($r; tables $t; pages $p)" \
    [ "${r%% *}" = 0 -a "${t%% *}" = 0 -a "${p%% *}" = 0 ]
check "the site built over the last one is byte-identical to the full build, maps included" \
    diff -r -x .regsite site full
check "so is its summary: the same pages, files, replacements" \
    diff -u summary.full summary.memo
check "and so is the memo it leaves" cmp .site.regsite-memo .full.regsite-memo
check_sh "the table pages whose rows and neighbours did not change are the last site's files, linked, not written ($linked of $ntp)" \
    '[ "$linked" -gt 0 ] && [ "$linked" -lt "$ntp" ]'

# A table page does not change when a later quarter is added: a page of
# the last site whose rows and figures (its tbody, its lede, its table's
# files' rows) are the full build's is the full build's, byte for byte,
# but in the quarter beside the new one (whose menu gains it).
beside=$(sqlite3 p0.db "SELECT lower(replace(max(reported_quarter), 'Q', \
    '-q')) FROM incidents")
: >frames.bad
nsame=0
for f in $(sed 's/^[0-9]* //' pages.before); do
	case $f in */"$beside"/*) continue ;; esac
	[ -f "full/$f" ] || continue
	for part in '/<tbody>/,/<\/tbody>/p' '/class="lede"/p' \
	    '/file-meta/p'; do
		sed -n "$part" "before/$f" >a.part
		sed -n "$part" "full/$f" >b.part
		cmp -s a.part b.part || continue 2
	done
	nsame=$((nsame + 1))
	cmp -s "before/$f" "full/$f" || echo "$f" >>frames.bad
done
check_sh "a table page whose rows did not change is the same page when a quarter is added ($nsame pages; beside the new quarter: $beside)" \
    '[ "$nsame" -gt 0 ] && [ ! -s frames.bad ]'
[ -s frames.bad ] && sed 's/^/  /' frames.bad | head -5
# Its footer's date is the release that last changed its rows: the
# new release's for a table that late records joined, the one it had
# for the others.
newdate=$(sed -n 's/.*class="footer-date">[^<]*<time datetime="\([^"]*\)".*/\1/p' \
    "full/kk/$(echo "$latest" | sed s/Q/-q/)/incidents/index.html")
: >dates.bad
for f in $(cd full && ls kk/20*-q*/*/index.html ru/20*-q*/*/index.html); do
	[ -f "before/$f" ] || continue
	d=$(grep 'class="footer-date"' "full/$f")
	if cmp -s "before/$f" "full/$f"; then
		continue
	elif [ "$(grep 'class="lede"' "before/$f")" = \
	    "$(grep 'class="lede"' "full/$f")" ]; then
		[ "$d" = "$(grep 'class="footer-date"' "before/$f")" ] ||
		    echo "$f: $d" >>dates.bad
	else
		case $d in *"datetime=\"$newdate\""*) ;;
		*) echo "$f: $d" >>dates.bad ;; esac
	fi
done
check_sh "a table's date is the release that last changed its rows ($newdate for the tables late records joined)" \
    '[ -n "$newdate" ] && [ ! -s dates.bad ]'
[ -s dates.bad ] && sed 's/^/  /' dates.bad | head -5
rm -rf before

# The same two builds, the last site's compressed files damaged in
# between: a byte changed in their first row member, their size, time
# and inode the same.  A member is copied only when it inflates to the
# bytes it replaces, and a quarter's files are kept only when their
# SHA-256 is still the map's: the site is the same.
build p0.db dam
add_quarter p0.db
for f in dam/data/20*/*.gz; do
	h=$(sed -n "s|^e ${f#dam/} [0-9]* \([0-9]*\) .*|\1|p" .dam.regsite-map-data)
	t=$(stat -c %y $f)
	printf 'x' | dd of=$f bs=1 seek=$((h + 64)) conv=notrunc 2>/dev/null
	touch -d "$t" $f
done
# ... and the record indexes' first chunk of records
for f in dam/kk/20*/*/records.json.gz; do
	h=$(sed -n "s|^e ${f#dam/}#1 \([0-9]*\) .*|\1|p" .dam.regsite-map-kk)
	[ -n "$h" ] || continue
	t=$(stat -c %y $f)
	printf 'x' | dd of=$f bs=1 seek=$((h + 64)) conv=notrunc 2>/dev/null
	touch -d "$t" $f
done
build p0.db dam
md=$(members) cd=$(chunks kk) td=$(tables kk) pd=$(pages kk) pr=$(pages ru)
check_sh "the last site's record indexes damaged the same way: fewer tables reused whole ($td, against $tk undamaged) and more chunks compressed ($cd copied, against $c0)" \
    '[ "${td%% *}" -lt "${tk%% *}" ] && [ $((${cd#* } - ${cd%% *})) -gt $((${c0#* } - ${c0%% *})) ]' 
check_sh "... and fewer of the changed tables' pages keep their rows, none of a table whose index is damaged ($pd, against $p0 undamaged; ru $pr)" \
    '[ "${pd%% *}" -lt "${p0%% *}" ] && [ "$pr" = "$p1" ]'
check_sh "the last site's compressed files damaged since, their size and time the same: no damaged member is copied ($md, against $m0 undamaged)" \
    '[ "${md%% *}" -lt "${m0%% *}" ]'
check "... and the site is the same as the one built over the undamaged site" \
    diff -r -x .regsite dam site

# A last site changed since its build (a page edited) is not reused
# from; nor a workbook whose bytes are not the map's, even with its
# size and time set back.  The site is the same either way.
# (A copy by hard links with the files beside it is the site itself,
# as the scenarios at the end show.)
cp -al full edited
for f in memo map-data map-kk map-ru files; do
	cp .full.regsite-$f .edited.regsite-$f
done
cp -pR full forged
cp .full.regsite-memo .forged.regsite-memo
page=$(ls edited/kk/*/incidents/page-2/index.html | head -n 1)
cp "$page" page.new && printf '<!-- edited -->' >>page.new && mv page.new "$page"
build r4.db edited --no-record
tk=$(tables kk) tr=$(tables ru) w0=$(sheets 0)
build r4.db plain4 --no-record
check_sh "a page edited since the last build: nothing of that site is reused (kk $tk, ru $tr, sheets $w0)" \
    '[ "${tk%% *}" = 0 ] && [ "${tr%% *}" = 0 ] && [ "${w0%% *}" = 0 ]'
check "... and the site is byte-identical to a build without a last site" \
    diff -r -x .regsite edited plain4
# (a copy has other inodes: a build makes it anew, whose workbook is
# then forged)
build r4.db forged --no-record
wb=forged/data/all/incidents-kk.xlsx
t=$(stat -c %y $wb)
printf 'x' | dd of=$wb bs=1 seek=$(($(wc -c <$wb) / 2)) conv=notrunc 2>/dev/null
touch -d "$t" $wb
# (the same registry written anew: not a site kept whole)
sqlite3 r4.db ".backup r5.db" && sqlite3 r5.db VACUUM
build r5.db forged --no-record
tk=$(tables kk) w0=$(sheets 0) w1=$(sheets 1)
check_sh "a workbook changed since, its size and time the same: no sheet is taken from it (form 1: $w0; form 2: $w1; tables $tk)" \
    '[ "${w0%% *}" = 0 ] && [ "${w1%% *}" = "${w1#* }" ] && [ "${tk%% *}" = "${tk#* }" ]'
check "... and the site is byte-identical to a build without a last site" \
    diff -r -x .regsite forged plain4

# Maps that are not the site's (the marker names another digest) are
# not used: nothing is reused, the site is the same.
cp -al full stale
for f in memo map-data map-kk map-ru files; do
	cp .full.regsite-$f .stale.regsite-$f
done
sed -i 's/^\(e [^ ]*\) [0-9]*/\1 1/' .stale.regsite-map-ru
build r4.db stale --no-record
tk=$(tables kk) tr=$(tables ru)
check_sh "maps beside the site that its marker does not name are not used (kk $tk, ru $tr)" \
    '[ "${tk%% *}" = 0 ] && [ "${tr%% *}" = 0 ]'
check "... and the site is the same" diff -r -x .regsite stale plain4

# Nothing changed: the site kept whole keeps its maps.
cp -R full kept
for f in memo map-data map-kk map-ru; do
	cp .full.regsite-$f .kept.regsite-$f
done
build full.db kept
build full.db kept
check "nothing changed: the site is kept" grep -q 'nothing changed' summary
sqlite3 full.db "UPDATE incidents SET care_ru = care_ru || ' ' WHERE id = \
    (SELECT max(id) FROM incidents)"
build full.db kept
tk=$(tables kk)
check_sh "... and the maps with it: the next build reuses the tables (kk $tk)" \
    '[ "${tk%% *}" -gt 0 ]'

# A memo made under another configuration is not used.
cp .full.regsite-memo .other.regsite-memo
printf '\n; a comment\n' >>site.ini
build r1.db other --no-record
r=$(reused)
check "a memo of another configuration is not used ($r)" [ "${r%% *}" = 0 ]
cp site.ini.orig site.ini

# Damaged memos: the build succeeds, uses what still unpacks to its
# record, and makes the same site as a preview without a memo.
build r2.db plain --no-record
sqlite3 .full.regsite-memo ".backup .bad.regsite-memo"
sqlite3 .bad.regsite-memo "UPDATE memo SET v = randomblob(length(v)) \
    WHERE rowid % 3 = 0; UPDATE memo SET v = (SELECT v FROM memo \
    WHERE rowid = 2) WHERE rowid % 3 = 1 AND rowid > 2"
build r2.db bad --no-record
r=$(reused)
good=$(sqlite3 .full.regsite-memo "SELECT count(*) FROM memo WHERE \
    rowid % 3 = 2 OR rowid = 1")
check_sh "a memo with garbled and swapped values: only the intact ones are used ($r, $good intact)" \
    '[ "${r%% *}" -le "$good" ] && [ "${r%% *}" -gt 0 ]'
check "... and the site is byte-identical to a build without a memo" \
    diff -r -x .regsite bad plain
head -c 65536 /dev/urandom >.junk.regsite-memo
build r2.db junk --no-record
r=$(reused)
check_sh "a memo that is not a database: the build succeeds, reuses nothing ($r) and makes the same site" \
    '[ "${r%% *}" = 0 ] && diff -r -x .regsite junk plain'
: >.empty.regsite-memo
build r2.db empty --no-record
check "an empty memo: the build succeeds and makes the same site" \
    diff -r -x .regsite empty plain

# A forged value: an entry whose record has no texts to scrub unpacks
# without the registry (its dictionary is empty); rewritten to carry a
# text and the tag recomputed as an unkeyed hash of the entry's key and
# the compressed payload, it must not be used (the tag is the
# registry's keyed hash of them).
sqlite3 .full.regsite-memo ".backup .forge.regsite-memo"
python3 - .forge.regsite-memo >forged.txt <<'PY'
import hashlib, sqlite3, struct, sys

def lz4_block_decode(src, n):
    """An LZ4 block without a dictionary; None if it refers before its
    start (to the record's texts) or is malformed."""
    out = bytearray()
    i = 0
    while i < len(src):
        tok = src[i]; i += 1
        lit = tok >> 4
        if lit == 15:
            while True:
                b = src[i]; i += 1; lit += b
                if b != 255:
                    break
        out += src[i:i + lit]; i += lit
        if i >= len(src):
            break
        off = src[i] | src[i + 1] << 8; i += 2
        ml = tok & 15
        if ml == 15:
            while True:
                b = src[i]; i += 1; ml += b
                if b != 255:
                    break
        ml += 4
        if off == 0 or off > len(out):
            return None
        for _ in range(ml):
            out.append(out[-off])
    return bytes(out) if len(out) == n else None

def lz4_block_literals(data):
    """data as one LZ4 sequence of literals alone: a valid block."""
    n = len(data)
    if n < 15:
        return bytes([n << 4]) + data
    rest, ext = n - 15, bytearray()
    while rest >= 255:
        ext.append(255); rest -= 255
    ext.append(rest)
    return bytes([0xF0]) + bytes(ext) + data

db = sqlite3.connect(sys.argv[1])
n = 0
for rowid, k, v in db.execute("SELECT rowid, k, v FROM memo").fetchall():
    if len(v) < 12:
        continue
    plen = struct.unpack_from("<I", v, 0)[0]
    try:
        body = lz4_block_decode(v[4:-8], plen)
    except IndexError:
        body = None
    if body is None:
        continue                # it refers to the record's texts
    # the counts, then 8 texts: -1 (none) or a length, bytes and NUL
    i = 0
    while struct.unpack_from("<q", body, i)[0] >= 0 and i < len(body) - 64:
        i += 8
    text = "FORGED-TEXT-%d" % rowid
    t = text.encode()
    forged = body[:i] + struct.pack("<q", len(t)) + t + b"\0" + body[i + 8:]
    z = struct.pack("<I", len(forged)) + lz4_block_literals(forged)
    tag = hashlib.sha256(k + z).digest()[:8]
    db.execute("UPDATE memo SET v = ? WHERE rowid = ?", (z + tag, rowid))
    n += 1
db.commit()
print(n)
PY
nf=$(cat forged.txt)
build r2.db forge --no-record
check_sh "forged memo values ($nf of them, records without texts) are not used: no forged text in the site, the same site" \
    '[ "$nf" -gt 0 ] && ! grep -rq FORGED-TEXT forge && diff -r -x .regsite forge plain'

# A report needs every text scrubbed: with a memo beside the site, a
# build with --report reads nothing from it, and its report is the
# full build's.
cp .full.regsite-memo .rep.regsite-memo
build r3.db rep --no-record --report "$WORK/rep-memo.txt"
r=$(reused)
check "a build with --report reuses nothing ($r)" [ "${r%% *}" = 0 ]
build r3.db rep2 --no-record --report "$WORK/rep-full.txt"
check "its report is a full build's" diff -u rep-full.txt rep-memo.txt

# The memo's keys are keyed hashes: the same texts under another
# registry's key are other entries.  Another registry (its first
# records differ) reuses nothing from this one's memo.
sqlite3 r1.db ".backup other.db"
sqlite3 other.db "UPDATE incidents SET source_ref = source_ref || 'x' \
    WHERE id = (SELECT min(id) FROM incidents)"
cp .full.regsite-memo .oreg.regsite-memo
build other.db oreg --no-record
r=$(reused)
check "another registry reuses nothing from this one's memo ($r)" \
    [ "${r%% *}" = 0 ]

# What an operator does between two releases, each on the last
# release's site (its files linked, its memo and maps beside it): the
# site built over it is byte-identical to a full build of the same
# registry, and something of it is reused.
sqlite3 all.db ".backup s0.db"
sqlite3 s0.db "PRAGMA foreign_keys = OFF; \
    DELETE FROM incidents WHERE reported_quarter = '$latest'; \
    DELETE FROM insurance_cases WHERE reported_quarter = '$latest'"
build s0.db sbase
scenario() {	# NAME WHAT [build options]: $change applied to the registries
	_n=$1 _what=$2; shift 2
	cp -al sbase "$_n"
	for f in memo map-data map-kk map-ru files; do
		cp .sbase.regsite-$f ".$_n.regsite-$f"
	done
	for d in "$_n" "$_n-full"; do
		sqlite3 s0.db ".backup $d.db"
		add_quarter "$d.db"
		$change "$d.db"
	done
	build "$_n.db" "$_n" "$@"
	_t=$(tables kk) _r=$(reused) _p=$(pages kk)
	build "$_n-full.db" "$_n-full" --jobs 2
	check_sh "$_what: the site built over the last one is a full build's (memo $_r; tables $_t; pages $_p)" \
	    'diff -r -x .regsite "$_n" "$_n-full" && cmp -s ".$_n.regsite-memo" ".$_n-full.regsite-memo" && { [ "${reuse:-1}" = 0 ] || { [ "${_t%% *}" -gt 0 ] && [ "${_p%% *}" -gt 0 ]; }; }'
}
nothing() { :; }
correct() {	# a narrative corrected in the first quarter
	sqlite3 "$1" "UPDATE incidents SET circumstances_ru = \
	    circumstances_ru || ' Уточнено.' WHERE id = \
	    (SELECT min(id) + 3 FROM incidents)"
}
withdraw() {	# a submission of the first quarter withdrawn
	"$REGSITE" withdraw --db "$1" --form insurance --quarter "$q1" \
	    --source "$s1" --yes >/dev/null
}
remove() {	# a record gone from an earlier quarter
	sqlite3 "$1" "PRAGMA foreign_keys = OFF; DELETE FROM incidents \
	    WHERE id = (SELECT min(id) + 9 FROM incidents)"
}
first() {	# every record of the first quarter gone (its rows stay published)
	sqlite3 "$1" "PRAGMA foreign_keys = OFF; \
	    DELETE FROM incidents WHERE quarter = (SELECT min(quarter) FROM \
	    (SELECT quarter FROM incidents UNION ALL SELECT quarter FROM \
	    insurance_cases)); DELETE FROM insurance_cases WHERE quarter < \
	    (SELECT min(quarter) FROM incidents)"
}
q1=$(sqlite3 s0.db "SELECT min(reported_quarter) FROM insurance_cases")
s1=$(sqlite3 s0.db "SELECT source FROM insurance_cases WHERE \
    reported_quarter = '$q1' ORDER BY id DESC LIMIT 1")
change=correct scenario sc-correct "a narrative corrected in an earlier quarter"
change=withdraw scenario sc-withdraw "a submission withdrawn ($s1, $q1)"
change=remove scenario sc-remove "a record removed from an earlier quarter"
# (whether anything is reused here depends on the rows: the sites are compared)
reuse=0 change=first scenario sc-first "every record of the first quarter removed"
change=nothing scenario sc-jobs1 "a new quarter, built in one process" --jobs 1
preview() {	# the release previewed first, elsewhere (the registry as it was)
	build "$1" "$1.preview" --no-record
}
change=preview scenario sc-preview "a release built after its preview"
