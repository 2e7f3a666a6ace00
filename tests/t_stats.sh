# t_stats.sh -- the charts of a demo site: the numbers drawn equal the
# protected aggregates computed independently; every SVG, the sitemap
# and the feeds are well-formed XML; suppressed values never appear.
# Reads the shared demo site (demo_site in lib.sh).
. "$TOP/tests/lib.sh"

db=$(demo_db) || { fail "the demo database could not be made"; exit 1; }
out=$(demo_site) || { fail "the demo site builds"; exit 1; }

tool chart-check.mjs node "$TOP/tests/tools/chart-check.mjs" "$out" "$db" 8 5 11

# Well-formed XML.
find "$out" \( -name '*.svg' -o -name '*.xml' \) >"$WORK/xml"
n=$(wc -l <"$WORK/xml")
if xargs xmllint --noout <"$WORK/xml" >"$WORK/xmlerr" 2>&1; then
	ok "all $n SVG and XML files are well-formed (xmllint)"
else
	fail "all $n SVG and XML files are well-formed (xmllint)"
	head "$WORK/xmlerr"
fi
check "there are standalone charts to embed" [ "$n" -gt 40 ]
find "$out" \( -path '*/statistics/*.svg' -o -path '*/charts/*.svg' \) \
    >"$WORK/charts"
nc=$(wc -l <"$WORK/charts") missing=0
while read -r s; do
	[ -f "${s%.svg}.csv" ] || { missing=$((missing + 1)); echo "  no CSV: $s"; }
done <"$WORK/charts"
check_sh "every chart ($nc) has its CSV beside it" \
    '[ "$nc" -gt 40 ] && [ "$missing" -eq 0 ]'
check "inline charts carry role=img and their labels" sh -c \
    "grep -q 'role=\"img\" aria-labelledby=\"incidents-by-region-title incidents-by-region-desc\"' '$out/kk/statistics/index.html'"
check "the Russian statistics page is in Russian" \
    grep -q 'Медицинские инциденты по регионам' "$out/ru/statistics/index.html"
# The payments chart has counts of five digits and more: plain in its
# CSV, grouped with U+202F in the SVG's text, never ungrouped there.
nb=$(printf '\342\200\257')
pay="$out/kk/statistics/payments-mci"
check_sh "numbers are written with a narrow no-break space" \
    'grep -q "[0-9]\{5\}" "$pay.csv" &&
    grep -q "[0-9]$nb[0-9][0-9][0-9]" "$pay.svg" &&
    ! grep -o ">[^<]*<" "$pay.svg" | grep -q "[0-9]\{5\}"'

# Issue 14: the charts' machine data, on the downloads page and in
# SHA256SUMS; rates per year with the population's source; "largest"
# statements only where sure; the "how to read" block.
mc="$out/data/all/charts.csv"
check "a chart's machine CSV: codes, a decimal point, a status per value" \
    sh -c "sed -n '1s/^\\xef\\xbb\\xbf//p' '$mc' | tr -d '\\r' | grep -qx 'chart,category,series,value,status' &&
	grep -q '^\"incidents-map\",\"KZ-71\",\"per_100000_per_year\",\"[0-9]*\\.[0-9]\",\"\\(exact\\|rounded\\)\"' '$mc' &&
	! grep -q '<8' '$mc'"
nq=$(find "$out/data" -name charts.csv | wc -l)
ns=$(grep -c ' [^ ]*/charts\.csv$' "$out/data/SHA256SUMS")
nd=$(find "$out/data" -maxdepth 1 -type d -name '20*' | wc -l)
check_sh "the charts' machine CSV, one per quarter and one for all ($nq), is in SHA256SUMS ($ns)" \
    '[ "$nq" -eq $((nd + 1)) ] && [ "$ns" -eq "$nq" ]'
check "the downloads page lists the charts' data" \
    grep -q 'href="../../data/2025-q2/charts.csv"' \
    "$out/ru/data/index.html"
check "the language chart CSV: ';' and a decimal comma" \
    grep -q '^"город Астана";"[0-9]*,[0-9]"' \
    "$out/ru/statistics/incidents-map.csv"
check "the rate map's legend: its rates come from rounded counts (not 'rounded to a multiple of 5'), in both languages" \
    sh -c "grep -q 'рассчитано по числу, округлённому до кратного 5' '$out/ru/statistics/incidents-map.svg' &&
	! grep -q 'округлено до числа, кратного' '$out/ru/statistics/incidents-map.svg' &&
	grep -q '5-ке еселі санға дейін дөңгелектелген саннан есептелген' '$out/kk/statistics/incidents-map.svg' &&
	grep -q 'округлено до числа, кратного 5' '$out/ru/statistics/incidents-by-region.svg'"
check "the map's leading figure carries '≈' where its bar does" \
    grep -q 'Наибольший показатель за все кварталы: [^<]*, ≈[0-9]' \
    "$out/ru/statistics/index.html"
check "rates are per year and name the population's source and year" \
    sh -c "grep -q 'на 100 000 жителей в год' '$out/ru/statistics/index.html' &&
	grep -q 'Население: Бюро национальной статистики[^<]*, 2025\\.' '$out/ru/statistics/index.html'"
check "'100 000' keeps its narrow no-break space, as every number (no '100 / 000' on a phone)" \
    sh -c "! grep -rq '100 000' '$out/ru/statistics/index.html' '$out/kk/statistics/index.html' '$out'/ru/20*/index.html"
check "a rate from a suppressed count is not shown as '<8'" \
    sh -c "! grep -q ';\"<8\"' '$out/ru/statistics/incidents-map.csv'"
check "no 'largest' statement names a region beside a hidden larger one" \
    sh -c "! grep -q 'Больше всего записей[^<]*(0)' '$out/ru/statistics/index.html' '$out'/ru/20*/index.html"
check "no stack label reads '0 + <8'" \
    sh -c "! grep -rq '>0 + &lt;8<' '$out/ru' '$out/kk'"
check "the statistics and quarter pages say how to read the figures" \
    sh -c "grep -q 'Как читать эти цифры' '$out/ru/statistics/index.html' &&
	grep -q 'а не истинное число инцидентов' '$out/ru/2025-q2/index.html' &&
	grep -q 'rel=\"license\"' '$out/kk/index.html'"
check "Russian: 'С IV квартала', never 'С IV квартал '" \
    sh -c "grep -q 'С IV квартала 2024 года' '$out/ru/statistics/index.html' &&
	! grep -rq 'С [IV]* квартал [0-9]' '$out/ru'"
check "the hidden language-switch label is in the page's language" \
    sh -c "grep -q '<span class=\"visually-hidden\">Сменить язык: </span><span lang=\"kk\">' '$out/ru/index.html' &&
	! grep -q ' lang=\"kk\"><span class=\"visually-hidden\">Сменить' '$out/ru/index.html'"
check "per-region trends: each quarter's column is that quarter's map (the same protected counts), in the machine CSV too" \
    node --input-type=module -e "
	import fs from 'node:fs';
	import { parseCSV } from '$TOP/tests/tools/csv.mjs';
	const site = '$out';
	const t = parseCSV(fs.readFileSync(site + '/ru/statistics/incidents-region-trend.csv', 'utf8'));
	const qs = fs.readdirSync(site + '/ru').filter((d) => /^\\d{4}-q\\d\$/.test(d)).sort();
	if (t[0].length !== qs.length + 1) process.exit(1);
	let n = 0;
	qs.forEach((q, j) => {
		const m = Object.fromEntries(parseCSV(fs.readFileSync(site + '/ru/' + q + '/charts/q-incidents-map.csv', 'utf8')).slice(1));
		for (const r of t.slice(1)) {
			const want = m[r[0]] === undefined || m[r[0]] === '' ? '—' : m[r[0]];
			if (r[j + 1] !== want) { console.log(q, r[0], r[j + 1], want); process.exit(1); }
			n++;
		}
	});
	const mc = parseCSV(fs.readFileSync(site + '/data/all/charts.csv', 'utf8'))
	    .filter((r) => r[0] === 'incidents-region-trend');
	process.exit(n === 20 * qs.length && mc.length === n &&
	    mc.every((r) => /^KZ-\\d\\d\$/.test(r[1]) && /^\\d{4}Q\\d\$/.test(r[2]) &&
	    (r[4] === 'suppressed' || r[4] === 'missing' ? r[3] === '' : /^\\d+\$/.test(r[3]))) ? 0 : 1)"
