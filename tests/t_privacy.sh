# t_privacy.sh -- nothing published identifies anyone.  A demo registry
# with planted identifiers (tests/data/canaries.sql: in every free-text
# column in both languages, and in the internal fields) is built; no
# output byte and no file name may contain any canary
# (tests/data/canaries.txt); the published tables are recomputed from
# the output and must be k-anonymous and diverse; the report lists every
# replacement and stays private.
. "$TOP/tests/lib.sh"

db=$(demo_db) || { fail "the demo database could not be made"; exit 1; }
cp "$db" "$WORK/canary.db"
sqlite3 "$WORK/canary.db" <"$TOP/tests/data/canaries.sql" ||
    { fail "the canaries could be planted"; exit 1; }
canaries="$TOP/tests/data/canaries.txt"
out="$WORK/site"
"$REGSITE" build --db "$WORK/canary.db" --out "$out" \
    --config "$TOP/content/site.ini" --report "$WORK/report.txt" --lang ru \
    >"$WORK/summary" 2>&1
rc=$?
check "the canary registry builds" [ $rc -eq 0 ]
[ $rc -eq 0 ] || { cat "$WORK/summary"; exit 1; }

check "the canary list has every kind of identifier" \
    [ "$(grep -c . "$canaries")" -ge 60 ]
# (grep: 0 found, 1 not found, 2 could not read; only 1 passes.)
files=$(find "$out" -type f | wc -l)
grep -rlF -f "$canaries" "$out" >"$WORK/leaks"
rc=$?
if [ "$rc" -eq 1 ] && [ "$files" -gt 1000 ]; then
	ok "no output byte contains a canary ($files files)"
else
	fail "no output byte contains a canary ($files files, grep status $rc)"
	while read -r f; do
		echo "  $f: $(grep -oF -f "$canaries" "$f" | sort -u | head -3 | tr '\n' ' ')"
	done <"$WORK/leaks" | head -10
fi
(cd "$out" && find .) >"$WORK/names" &&
    grep -F -f "$canaries" "$WORK/names" >"$WORK/leaks"
check "no file name contains a canary" [ $? -eq 1 ]

# The planted records are published, readable, with typed markers.  Their
# public numbers are given in a keyed order: the report maps them.
ref=$(awk -F '\t' '$2 == "9000001" { print $1; exit }' "$WORK/report.txt")
check "the report names the canary record's reference" \
    sh -c "echo '$ref' | grep -Eq '^2025Q2-I-[0-9]{4}$'"
rec="$out/ru/2025-q2/incidents/$ref/index.html"
check "a canary record is published" [ -f "$rec" ]
check "its Russian text carries Russian markers" \
    sh -c "grep -q '\[ФИО\]' '$rec' && grep -q '\[ИИН\]' '$rec' && grep -q '\[ТЕЛ\]' '$rec'"
check "its Kazakh page carries Kazakh markers" \
    sh -c "grep -q '\[АТЫ-ЖӨНІ\]' '${rec%/ru/*}/kk/2025-q2/incidents/$ref/index.html' && grep -q '\[ЖСН\]' '${rec%/ru/*}/kk/2025-q2/incidents/$ref/index.html'"
check "times of day are masked: the row never shows them" \
    sh -c "! grep -q '14:30' '$rec' && grep -q '\[ВРЕМЯ\]' '$rec'"
check "places below the published level are masked (the facility)" \
    sh -c "! grep -q 'ГКБ №7' '$rec' && grep -q '\[МЕСТО\]' '$rec'"

# A text missing in one language is shown in the other, marked.
lang_rec=$(grep -l 'Пропущена плановая доза' "$out"/kk/2025-q2/incidents/2025Q2-I-*/index.html | head -n 1)
check "a text missing in Kazakh is shown in Russian, marked lang=ru, with a note" \
    sh -c "grep -q '<summary><span lang=\"ru\">Пропущена плановая доза\|<span class=\"value\" lang=\"ru\">Пропущена плановая доза' '$lang_rec' && grep -q 'fallback-note' '$lang_rec'"

# The operator's report.
check "the report is private (mode 0600)" \
    [ "$(stat -c %a "$WORK/report.txt")" = 600 ]
check "the report says at its top that it must never be published" \
    sh -c "sed -n 3p '$WORK/report.txt' | grep -q '^НЕ ПУБЛИКОВАТЬ.' && sed -n 4p '$WORK/report.txt' | grep -q 'source_ref'"
check "the report begins with what needs review, in the operator's language" \
    sh -c "sed -n 7p '$WORK/report.txt' | grep -qx '== Требует проверки =='"
check "the report lists levels and class sizes per quarter" \
    sh -c "grep -q '^  уровни, возраст: ' '$WORK/report.txt' && grep -q '^  2025Q2 ' '$WORK/report.txt'"
check "the report lists the canaries' replacements (record, column, language, type, text)" \
    grep -q "$ref	9000001	CANARY-SRC-41f9	circumstances	ru	iin	560312400123" "$WORK/report.txt"
check "the summary counts the replacements" \
    sh -c "grep -Eq ' [1-9][0-9]* text replacements' '$WORK/summary'"

# k-anonymity and diversity, recomputed from what was published.
tool privacy-check.mjs node "$TOP/tests/tools/privacy-check.mjs" "$out" 11 2 8 5

# Other policies: a smaller k, and free text switched off.  Phrases of
# the canary records that the scrubber keeps (above) appear nowhere.
sed -e 's/^k = 11/k = 5/' -e 's/^free_text = scrubbed/free_text = off/' \
    "$TOP/content/site.ini" >"$WORK/k5.ini"
check "the k = 5 configuration differs from the demo's" \
    sh -c "grep -qx 'k = 5' '$WORK/k5.ini' && grep -qx 'free_text = off' '$WORK/k5.ini'"
"$REGSITE" build --db "$WORK/canary.db" --out "$WORK/k5" --config "$WORK/k5.ini" \
    --quiet
rc=$?
check "the k = 5 registry builds" [ $rc -eq 0 ]
[ $rc -eq 0 ] || exit 1
k5rec="$WORK/k5/ru/2025-q2/incidents/2025Q2-I-0238/index.html"
check "with free_text = off the record page says the text is not published" \
    grep -q 'Текст не публикуется' "$k5rec"
grep -rlF -e '14:30' -e 'Пропущена плановая доза' "$WORK/k5" >"$WORK/texts"
rc=$?
check "with free_text = off no free text is published (grep status $rc)" \
    [ $rc -eq 1 ]
head -5 "$WORK/texts"
tool privacy-check.mjs node "$TOP/tests/tools/privacy-check.mjs" "$WORK/k5" 5 2 8 5
