# t_textsafety.sh -- what reaches a reader's spreadsheet and screen:
# cells a spreadsheet would run as formulas (=HYPERLINK(...),
# +cmd|' /C calc'!A0, -2+3, @(...); "@SUM" alone is masked by the scrubber as a handle) are neutralised with a leading
# apostrophe in every human-facing CSV -- the languages' downloads and
# the charts' CSVs -- and kept exactly in the machine CSV, also when the
# import's normalisation or the removal of invisible characters is what
# put the '=' first; bidirectional controls and zero-width characters
# never reach a published page or file; the data dictionary says all
# this in both languages.
. "$TOP/tests/lib.sh"

cd "$WORK" || exit 1
"$REGSITE" import --db reg.db --form incidents --quarter 2025Q1 \
    --source gkb-4 "$TOP/tests/data/incidents-2025Q1.csv" >/dev/null &&
"$REGSITE" import --db reg.db --form insurance --quarter 2025Q1 \
    --source gkb-4 "$TOP/tests/data/insurance-2025Q1.csv" >/dev/null ||
    { fail "the registry could not be made"; exit 1; }

# A resubmission whose first narrative starts with a TAB before '=':
# the import trims it, so the registry holds a formula.
awk 'NR == 2 { sub(/^INC-2025-001,ALM-GKB-4,KZ-75,2025-01-09T03:40,clinical,with,"/, "&\t=1+2 ") } { print }' \
    "$TOP/tests/data/incidents-2025Q1.csv" >tab.csv
"$REGSITE" import --db reg.db --form incidents --quarter 2025Q1 \
    --source gkb-4 tab.csv >/dev/null || fail "the resubmission"
check "the import's normalisation left '=' first" \
    [ "$(sqlite3 reg.db "SELECT substr(circumstances_kk, 1, 5) FROM incidents WHERE source_ref = 'INC-2025-001'")" = "=1+2 " ]

# The issue's payloads, and invisible characters (as SQL, exactly).
zw=$(printf '\342\200\213')	# U+200B zero-width space
rlo=$(printf '\342\200\256')	# U+202E right-to-left override
lri=$(printf '\342\201\246')	# U+2066 left-to-right isolate
bom=$(printf '\357\273\277')	# U+FEFF
shy=$(printf '\302\255')	# U+00AD soft hyphen
sqlite3 reg.db "
UPDATE incidents SET circumstances_ru = '=HYPERLINK(\"http://evil.example/x\",\"Подробнее\")',
    care_kk = '+cmd|'' /C calc''!A0', measures_ru = '-2+3',
    anamnesis_kk = '@(1+1)*cmd|'' /C calc''!A0'
    WHERE source_ref = 'INC-2025-002';
UPDATE incidents SET circumstances_ru = '${zw}=1+1 после${zw}операции',
    care_ru = 'Счёт ${rlo}txt.exe${lri}: ${bom}опла${shy}чен'
    WHERE source_ref = 'INC-2025-003';
UPDATE insurance_cases SET care_ru = '-10', measures_kk = '@ 1+1'
    WHERE source_ref = 'EIP-2025-0101';
UPDATE regions SET name_ru = '=1+1' WHERE code = 'KZ-75';" ||
    fail "the payloads could not be stored"

# A registry this small publishes its texts only at a small k.
printf '[privacy]\nk = 2\ndiversity = 1\n' >small.ini
"$REGSITE" build --db reg.db --out site --source "$TOP" --config small.ini \
    --quiet >build.log 2>&1 ||
    { fail "build"; cat build.log; exit 1; }

# Every language CSV: read with libcsv, compared with the JSON, and no
# field that would run as a formula (csvcheck checks both).
# (csvcheck's own leaks are not under test here: tests/tools.)
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
    "$BUILD/csvcheck" site/data >csvcheck.log 2>&1
rc=$?
check "csvcheck: every download agrees, no formula runs in a language CSV" \
    sh -c "[ $rc -eq 0 ] && grep -q '^# .*values that would run as formulas' csvcheck.log"
[ "$rc" -eq 0 ] || grep -v '^ok' csvcheck.log | head -5

# has FILE STRING: the file holds the bytes of STRING.
has() { grep -qF -- "$2" "$1"; }
for f in site/data/2025-q1/incidents-ru.csv; do
	check "$f: =HYPERLINK(...) is shown as text" \
	    has "$f" "\"'=HYPERLINK(\"\""
	check "$f: -2+3 is shown as text" has "$f" "\"'-2+3\""
done
# All quarters: the machine file, every value kept exactly.
gzip -dc site/data/all/incidents.csv.gz >all-incidents.csv
check "data/all/incidents.csv.gz keeps =HYPERLINK(...) exactly (machine file)" \
    has all-incidents.csv "\"=HYPERLINK(\"\""
f=site/data/2025-q1/incidents-kk.csv
check "incidents-kk.csv: +cmd|' /C calc'!A0 is shown as text" \
    has "$f" "\"'+cmd|' /C calc'!A0\""
check "incidents-kk.csv: @(...) is shown as text" \
    has "$f" "\"'@(1+1)*cmd|' /C calc'!A0\""
check "incidents-kk.csv: the '=' the import's trimming put first is shown as text" \
    has "$f" "\"'=1+2 "
check "incidents-ru.csv: the '=' that removing U+200B put first is shown as text" \
    has site/data/2025-q1/incidents-ru.csv "\"'=1+1 послеоперации"
f=site/data/2025-q1/insurance-ru.csv
check "insurance-ru.csv: a plain number (-10) stays a number" has "$f" '"-10"'
check "insurance-kk.csv: @ 1+1 is shown as text" \
    has site/data/2025-q1/insurance-kk.csv "\"'@ 1+1\""

gzip -dc site/data/2025-q1/incidents.csv.gz >machine.csv
gzip -dc site/data/2025-q1/incidents-ru.json.gz >ru.json
f=machine.csv
check "the machine CSV keeps =HYPERLINK(...) exactly" \
    has "$f" '"=HYPERLINK(""'
check "the machine CSV keeps +cmd|... exactly" has "$f" "\"+cmd|' /C calc'!A0\""
check "the machine CSV keeps -2+3 and @(...) exactly" \
    sh -c "grep -qF '\"-2+3\"' $f && grep -qF '\"@(1+1)' $f"
check "the JSON keeps the values exactly" \
    has ru.json '"=HYPERLINK(\"'

# The charts' CSVs: a region's name (from the registry's code list).
n=$(grep -l '=1+1' site/kk/charts/*.csv site/ru/charts/*.csv \
    site/ru/statistics/*.csv site/ru/2025-q1/charts/*.csv 2>/dev/null |
    wc -l)
bad=$(grep -lE '(^|,)"[=+@-]1\+1' site/ru/charts/*.csv \
    site/ru/statistics/*.csv site/ru/2025-q1/charts/*.csv 2>/dev/null)
check "chart CSVs show the region named '=1+1' as text ($n files)" \
    [ "$n" -gt 0 -a -z "$bad" ]
[ -z "$bad" ] || echo "  formula cells in: $bad"

# Invisible and bidirectional characters: nowhere in the site (a CSV's
# byte-order mark at its very start aside).
found=""
for c in "$zw" "$rlo" "$lri"; do
	found="$found$(grep -rlF -- "$c" site)"
done
found="$found$(find site -type f -exec sh -c 'tail -c +4 "$1" | grep -qF -- "$2" && echo "$1"' _ {} "$bom" \;)"
check "no U+200B, U+202E, U+2066 or U+FEFF in any published file" \
    [ -z "$found" ]
[ -z "$found" ] || echo "  in: $(echo "$found" | head -3)"
check "a record page shows the text with those characters removed" \
    sh -c "grep -rlF 'Счёт txt.exe: оплачен' site/ru/2025-q1/incidents/*/index.html | grep -q ."
check "the soft hyphen is removed from published text" \
    has machine.csv 'оплачен'

# The data dictionary says so, in both languages.
check "the Kazakh dictionary explains the apostrophe and the machine file" \
    sh -c "grep -qF 'апостроф' site/kk/data/dictionary/index.html &&
	grep -qF 'OWASP' site/kk/data/dictionary/index.html &&
	grep -qF 'U+202A' site/kk/data/dictionary/index.html"
check "the Russian dictionary explains the apostrophe and the machine file" \
    sh -c "grep -qF 'апостроф' site/ru/data/dictionary/index.html &&
	grep -qF 'точно как есть' site/ru/data/dictionary/index.html &&
	grep -qF 'U+202A' site/ru/data/dictionary/index.html"
