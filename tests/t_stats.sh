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
