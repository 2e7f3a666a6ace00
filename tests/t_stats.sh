# t_stats.sh -- the charts of a demo site: the numbers drawn equal the
# protected aggregates computed independently; every SVG, the sitemap
# and the feeds are well-formed XML; suppressed values never appear.
. "$TOP/tests/lib.sh"

db=$(demo_db) || { fail "the demo database could not be made"; exit 1; }
out="$WORK/site"
"$REGSITE" build --db "$db" --out "$out" --config "$TOP/content/site.ini" \
    --quiet || { fail "build"; exit 1; }

node "$TOP/tests/tools/chart-check.mjs" "$out" "$db" 8 5

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
check "every chart has its CSV beside it" sh -c "
	for s in \$(find '$out' -path '*/statistics/*.svg' -o -path '*/charts/*.svg'); do
		[ -f \"\${s%.svg}.csv\" ] || exit 1
	done"
check "inline charts carry role=img and their labels" sh -c \
    "grep -q 'role=\"img\" aria-labelledby=\"incidents-by-region-title incidents-by-region-desc\"' '$out/kk/statistics/index.html'"
check "the Russian statistics page is in Russian" \
    grep -q 'Медицинские инциденты по регионам' "$out/ru/statistics/index.html"
check "numbers are written with a narrow no-break space" sh -c \
    "grep -q '[0-9] [0-9][0-9][0-9]' '$out/kk/statistics/incidents-by-category.svg' || ! grep -q '[0-9][0-9][0-9][0-9][0-9]' '$out/kk/statistics/incidents-by-category.csv'"
