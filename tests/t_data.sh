# t_data.sh -- the open data of a demo site: every download read back
# (libcsv, jansson) agrees with the others; checksums; the downloads and
# dictionary pages; the record index of the table script; references
# stable across a release that adds a late record.  Reads the shared
# demo site (demo_site in lib.sh), then builds its own with the late
# record.
. "$TOP/tests/lib.sh"

db=$(demo_db) || { fail "the demo database could not be made"; exit 1; }
out=$(demo_site) || { fail "the demo site builds"; exit 1; }

tool csvcheck "$BUILD/csvcheck" "$out/data"

# Form 2's region column: no row shows a region, so every cell says it
# is withheld, as other hidden values do, never an empty cell that a
# spreadsheet reads as missing data.
check "every insurance row's region is withheld: 'скрыто', 'жасырылған', 'suppressed'" \
    node --input-type=module -e "
	import { parseCSV, readText } from '$TOP/tests/tools/csv.mjs';
	let n = 0;
	for (const [file, want] of [['insurance-ru.csv', 'скрыто'],
	    ['insurance-kk.csv', 'жасырылған'], ['insurance.csv.gz', 'suppressed']]) {
		const t = parseCSV(readText('$out/data/2025-q1/' + file));
		const i = t[0].findIndex((h) => /^(\uFEFF)?(Регион|Өңір|region)\$/.test(h));
		if (i < 0) { console.log(file, 'no region column'); process.exit(1); }
		for (const r of t.slice(1)) {
			if (r[i] !== want) { console.log(file, r[0], JSON.stringify(r[i])); process.exit(1); }
			n++;
		}
	}
	process.exit(n > 30 ? 0 : 1)"

# All quarters: the machine CSV alone, gzip: each quarter's rows in
# order under one header, and nothing else in data/all/.
for form in incidents insurance; do
	(set -e; f=$(ls "$out"/data/2*/$form.csv.gz | head -n 1)
	gzip -dc "$f" | head -n 1
	for q in "$out"/data/2*/$form.csv.gz; do gzip -dc "$q" | tail -n +2; done) \
	    >"$WORK/all-$form.csv"
	check "data/all/$form.csv.gz is gzip holding every quarter's machine rows" \
	    sh -c "gzip -dc '$out/data/all/$form.csv.gz' | cmp -s - '$WORK/all-$form.csv' && [ \$(wc -l <'$WORK/all-$form.csv') -gt 100 ]"
done
# A quarter's machine CSV and its JSON files are gzip files of several
# members (the header's, then the rows'): gzip, Python and Node read
# them whole, to the same bytes.
f="$out/data/2025-q1/incidents.csv.gz"
check "a quarter's machine CSV is gzip of more than one member" \
    python3 -c "
import sys, zlib
b = open('$f', 'rb').read(); n = 0
while b:
	d = zlib.decompressobj(31); d.decompress(b); b = d.unused_data; n += 1
sys.exit(0 if n >= 2 else 1)"
for f in "$out"/data/2025-q1/incidents.csv.gz "$out"/data/2025-q1/insurance-kk.json.gz; do
	gzip -dc "$f" >"$WORK/z.gzip"
	python3 -c "import gzip, sys; sys.stdout.buffer.write(gzip.open('$f').read())" >"$WORK/z.py"
	node -e "process.stdout.write(require('zlib').gunzipSync(require('fs').readFileSync('$f')))" >"$WORK/z.node"
	check "${f#$out/} reads the same in gzip, Python and Node" \
	    sh -c "[ -s '$WORK/z.gzip' ] && cmp -s '$WORK/z.gzip' '$WORK/z.py' && cmp -s '$WORK/z.gzip' '$WORK/z.node'"
done
check "no quarter's machine CSV or JSON is left uncompressed" \
    sh -c "! ls '$out'/data/2*/*.json '$out'/data/2*/incidents.csv '$out'/data/2*/insurance.csv 2>/dev/null | grep -q ."
check "data/all/ holds the compressed machine files, the workbooks and the charts' data alone" \
    [ "$(ls "$out/data/all" | tr '\n' ' ')" = "charts.csv incidents-kk.xlsx incidents-ru.xlsx incidents.csv.gz insurance-kk.xlsx insurance-ru.xlsx insurance.csv.gz " ]

check "SHA256SUMS verifies every download" \
    sh -c "cd '$out/data' && sha256sum --quiet -c SHA256SUMS"
n=$(wc -l <"$out/data/SHA256SUMS")
files=$(find "$out/data" -type f ! -name SHA256SUMS | wc -l)
check_sh "SHA256SUMS lists every file of data/ ($n of $files)" \
    '[ "$n" -gt 20 ] && [ "$n" -eq "$files" ]'
for l in kk ru; do
	shown=$(grep -o '<code class="sha">[0-9a-f]*</code>' \
	    "$out/$l/data/index.html" | wc -l)
	check "the $l downloads page lists every file with its SHA-256 ($shown)" \
	    [ "$shown" -eq "$n" ]
	# A card on a phone hides the headings: each row count says what
	# it counts.
	w=$(awk -F, -v lang=$l '$1 == "rows_word" { print lang == "kk" ? $2 : $3 }' \
	    "$TOP/content/catalog.csv")
	counted=$(grep -o '<td class="num">[^<]*</td><td class="c-sha">' \
	    "$out/$l/data/index.html" | grep -c "&nbsp;$w</td>")
	check "the $l downloads page says '$w' after every file's row count ($counted)" \
	    [ "$counted" -eq "$n" ]
	check "the $l data dictionary describes columns, codes and markers" \
	    sh -c "grep -q '<code>circumstances</code>' '$out/$l/data/dictionary/index.html' && grep -q '<code>KZ-71</code>' '$out/$l/data/dictionary/index.html' && grep -q '<code>&lt;8</code>' '$out/$l/data/dictionary/index.html'"
done
# (Byte for byte: the mark, then the first heading in Kazakh.)
printf '\357\273\277"Жазба сілтемесі";"Оқиға тоқсаны";' >"$WORK/kk-head"
check "a Kazakh CSV starts with a byte-order mark and Kazakh headings, ';' between them" \
    sh -c "head -c $(wc -c <"$WORK/kk-head") '$out/data/2025-q1/incidents-kk.csv' |
	cmp -s - '$WORK/kk-head'"
check "the machine CSV has English snake_case headings" \
    sh -c "gzip -dc '$out/data/2025-q1/incidents.csv.gz' | sed -n '1s/^\\xef\\xbb\\xbf//p' | grep -q '^\"ref\",\"quarter\",\"reported_quarter\",\"month\",\"category\",'"
check "JSON metadata: form, quarter, language, columns, privacy, date" \
    node -e "
	const m = JSON.parse(require('zlib').gunzipSync(require('fs').readFileSync('$out/data/2025-q1/incidents-ru.json.gz'))).metadata;
	process.exit(m.form === 'incidents' && m.quarter === '2025Q1' &&
	    m.language === 'ru' && m.columns.length > 10 &&
	    m.privacy.k === 11 && /^\\d{4}-\\d\\d-\\d\\d/.test(m.source_date) &&
	    m.licence.name === 'CC BY 4.0' &&
	    m.licence.url === 'https://creativecommons.org/licenses/by/4.0/' ? 0 : 1)"
check "the record index of each table is gzip-compressed JSON with every record" \
    node -e "
	const fs = require('fs');
	const ix = JSON.parse(require('zlib').gunzipSync(fs.readFileSync('$out/kk/2025-q1/incidents/records.json.gz')));
	const rows = require('zlib').gunzipSync(fs.readFileSync('$out/data/2025-q1/incidents.csv.gz')).toString('utf8').split('\\r\\n').filter(Boolean).length - 1;
	process.exit(ix.records.length === rows && ix.filters.length > 5 ? 0 : 1)"

# A late record: reported in the latest release for an earlier quarter.
refs() {
	# ref and Russian circumstances of every published incident
	for f in "$1"/data/2*/incidents-ru.json.gz; do
		node -e "
		const t = require('zlib').gunzipSync(require('fs').readFileSync('$f'));
		for (const r of JSON.parse(t).records)
			console.log(r.ref + '\t' + r.circumstances);"
	done | sort
}
# The release before it: built from the registry's own copy, which then
# remembers what it published (the shared demo site is a preview).
cp "$db" "$WORK/reg.db"
"$REGSITE" build --db "$WORK/reg.db" --out "$WORK/release1" \
    --config "$TOP/content/site.ini" --quiet 2>/dev/null
check "the first release builds and is remembered" \
    [ "$(sqlite3 "$WORK/reg.db" 'SELECT count(*) FROM published')" -eq 2300 ]
# Issue 14: the workbooks, a notes sheet then a sheet per quarter;
# the same data gives the same bytes (the preview and the release).
x="$out/data/all/incidents-ru.xlsx"
check "a workbook per form and language, the same bytes from two builds" \
    sh -c "for f in incidents-kk incidents-ru insurance-kk insurance-ru; do
	cmp -s '$out/data/all/'\$f.xlsx '$WORK/release1/data/all/'\$f.xlsx || exit 1; done"
check "the workbook's sheets: notes, then each quarter" \
    sh -c "unzip -p '$x' xl/workbook.xml | grep -o '<sheet name=\"[^\"]*\"' |
	sed 's/.*=\"//;s/\"//' | tr '\n' ' ' | grep -qx 'Пояснения 2024Q4 2025Q1 2025Q2 2025Q3 2025Q4 2026Q1 2026Q2 2026Q3 '"
# Each quarter's sheet is made in a workbook of its own and copied in
# (dl_xlsx.c): it must come as a sheet of this workbook would, not
# selected (two selected tabs are grouped, and an edit goes to both),
# its headings bold in this workbook's styles, and the notes the one
# tab selected.
check "the quarters' sheets: none selected, headings in the workbook's bold" \
    python3 -c "
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = sorted((n for n in z.namelist() if re.fullmatch(r'xl/worksheets/sheet\d+\.xml', n)),
    key=lambda n: int(re.sub(r'\D', '', n)))
sel = [n for n in names if b'tabSelected=\"1\"' in z.read(n)]
styles = z.read('xl/styles.xml').decode()
xfs = re.search(r'<cellXfs[^>]*>(.*?)</cellXfs>', styles, re.S).group(1)
xf = re.findall(r'<xf [^>]*fontId=\"(\d+)\"', xfs)
fonts = re.findall(r'<font>.*?</font>', re.search(r'<fonts[^>]*>(.*?)</fonts>', styles, re.S).group(1), re.S)
ok = sel == ['xl/worksheets/sheet1.xml'] and len(names) > 2
for n in names[1:]:
	s = z.read(n).decode()
	m = re.search(r'<c r=\"A1\" s=\"(\d+)\"', s)
	ok = ok and m is not None and '<b/>' in fonts[int(xf[int(m.group(1))])]
sys.exit(0 if ok else 1)" "$x"
check "the workbook: numbers as number cells, no formula, months as text" \
    sh -c "unzip -p '$x' xl/worksheets/sheet1.xml | grep -Eq '<c r=\"B[0-9]+\"( s=\"[0-9]+\")?><v>[0-9]+</v>' &&
	! unzip -p '$x' 'xl/worksheets/*.xml' | grep -q '<f>' &&
	unzip -p '$x' 'xl/worksheets/*.xml' | grep -q '>2025-04 (апрель)<' &&
	unzip -p '$x' 'xl/worksheets/*.xml' | grep -q 'CC BY 4.0: https://creativecommons.org/licenses/by/4.0/'"
# Issue 13: a quarter's sheet is compressed at zlib's level 4, not the
# default 6, in pieces (dl_xlsx.c): the sheet's start, each 256 rows,
# its end, each a raw deflate stream of its own ended by a full flush,
# then the final empty block; the entry's extra field 0x6772 lists the
# rows' pieces (compressed and plain sizes, CRC-32) as they are.
check "the workbook's sheets are compressed at zlib's level 4 in pieces, listed in the entry" \
    python3 -c "
import re, struct, sys, zipfile, zlib
z = zipfile.ZipFile(sys.argv[1])
i = max(z.infolist(), key=lambda i: i.file_size)
d = z.read(i)
cuts = [m.start() for m in re.finditer(rb'<row r=\"(\\d+)\"', d)
    if int(m.group(1)) >= 2 and (int(m.group(1)) - 2) % 256 == 0]
bounds = [0] + cuts + [d.index(b'</sheetData>'), len(d)]
pieces = [d[a:b] for a, b in zip(bounds, bounds[1:])]
def packed(lv):
	out = []
	for p in pieces:
		c = zlib.compressobj(lv, zlib.DEFLATED, -15, 8)
		out.append(c.compress(p) + c.flush(zlib.Z_FULL_FLUSH))
	return out
four = packed(4)
x = i.extra
tag, n = struct.unpack('<HH', x[:4])
x = x[4:4 + n]
ok = tag == 0x6772 and x[:4] == b'rsx1'
r, head, k = struct.unpack('<III', x[4:16])
ok = ok and r == 256 and head == len(four[0]) and k == len(pieces) - 2 >= 2
for j in range(k):
	clen, ulen, crc = struct.unpack('<III', x[16 + 28 * j + 16:16 + 28 * j + 28])
	p = pieces[1 + j]
	ok = ok and (clen, ulen, crc) == (len(four[1 + j]), len(p), zlib.crc32(p))
sys.exit(0 if ok and i.compress_type == zipfile.ZIP_DEFLATED and
    i.compress_size == sum(map(len, four)) + 2 !=
    sum(map(len, packed(6))) + 2 else 1)" "$x"
check "the workbook is dated with the source date, not the build's time" \
    sh -c "unzip -p '$x' docProps/core.xml | grep -q '<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-10-01T00:00:00Z<'"
check "the workbooks are on the downloads page" \
    grep -q 'href="../../data/all/insurance-kk.xlsx"' "$out/ru/data/index.html"
refs "$WORK/release1" >"$WORK/before"
n=$(wc -l <"$WORK/before")
check "every published incident has a reference ($n)" [ "$n" -eq 2000 ]
late_before=$(grep -o 'добавлено в последующих выпусках: [0-9]*' \
    "$WORK/release1/ru/2025-q2/index.html" | head -n 1 | grep -o '[0-9]*$')
release=$(sqlite3 "$WORK/reg.db" "SELECT max(reported_quarter) FROM incidents")
cat >"$WORK/late.csv" <<'CSV'
source_ref,org_code,region,occurred_at,category,consequence,circumstances_kk,circumstances_ru,profile,anamnesis_kk,anamnesis_ru,trigger,sex,age_years,diagnosis_icd10,care_kk,care_ru,measures_kk,measures_ru,corrective_plan
LATE-TEST-1,ALM-GKB-4,KZ-75,2025-05-20T11:15,clinical,without,"Кешіктіріп берілген оқиға: дәрі дозасы қате есептелді, әкімшілік алдында анықталды.","Поздно поданный случай: доза препарата рассчитана неверно, ошибка выявлена до введения.",therapy,"Созылмалы жүрек жеткіліксіздігі.","Хроническая сердечная недостаточность.",no,F,58,I50.0,"Доза қайта есептелді.","Доза пересчитана.","Екі адамның тексеруі енгізілді.","Введена двойная проверка.",yes
CSV
"$REGSITE" import --db "$WORK/reg.db" --form incidents --quarter "$release" \
    --source late-test "$WORK/late.csv" >"$WORK/import.out" 2>&1
check "a late record imports into the latest release" [ $? -eq 0 ]
out="$WORK/site"
"$REGSITE" build --db "$WORK/reg.db" --out "$out" \
    --config "$TOP/content/site.ini" --quiet
check "the registry with the late record builds" [ $? -eq 0 ]
refs "$out" >"$WORK/after"
check_sh "every earlier reference still names the same record" \
    '[ -s "$WORK/before" ] && [ -z "$(comm -23 "$WORK/before" "$WORK/after")" ]'
new=$(comm -13 "$WORK/before" "$WORK/after" | cut -f1)
max=$(grep '^2025Q2-I-' "$WORK/before" | cut -f1 | sort | tail -1)
check "the late record gets the next number of its quarter ($new after $max)" \
    sh -c "[ \"$new\" \\> \"$max\" ] && echo '$new' | grep -q '^2025Q2-I-'"
late_after=$(grep -o 'добавлено в последующих выпусках: [0-9]*' \
    "$out/ru/2025-q2/index.html" | head -n 1 | grep -o '[0-9]*$')
check_sh "the quarter page counts records added in later releases ($late_before, then $late_after)" \
    '[ -n "$late_before" ] && [ "$late_after" -eq $((late_before + 1)) ]'
# Both builds are the one release (the same latest reporting quarter):
# its what-changed table counts the late record among the added rows.
added() {
	grep '<th scope="row"><a href="../ru/2025-q2/index.html">II квартал 2025 года</a></th><td>Медицинские инциденты</td>' \
	    "$1/ru/index.html" | sed -E 's|^<tr><th.*</th><td>[^<]*</td><td class="num">([^<]*)</td>.*|\1|' | tr -d ' \302\240'
}
a1=$(added "$WORK/release1") a2=$(added "$out")
check_sh "the home page's what-changed table counts the late record as added ($a1, then $a2)" \
    '[ -n "$a1" ] && [ "$a2" -eq $((a1 + 1)) ]'
