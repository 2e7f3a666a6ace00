# t_validate.sh -- regsite validate: a good registry, one damaged in
# every way validate looks for (golden messages), databases it cannot
# read.
#
# REGEN=1 sh tests/run.sh build rewrites the golden file it compares.
. "$TOP/tests/lib.sh"
D=$TOP/tests/data
cd "$WORK" || exit 1

# golden DESC WANT GOT: GOT equals the file WANT (REGEN=1 rewrites it).
golden() {
	if [ "${REGEN:-}" = 1 ]; then
		cp "$3" "$2"
	fi
	if diff -u "$2" "$3" >"$WORK/diff"; then
		ok "$1"
	else
		fail "$1"
		sed 's/^/  /' "$WORK/diff" | head -n 40
	fi
}

"$REGSITE" import --db good.db --form incidents --quarter 2025Q1 \
    --source gkb-4 "$D/incidents-2025Q1.csv" >/dev/null &&
"$REGSITE" import --db good.db --form insurance --quarter 2025Q1 \
    --source insurance-pool "$D/insurance-2025Q1.csv" >/dev/null ||
    fail "importing the examples"

# The operator's language: Kazakh by default, Russian, English.
for l in "kk:good.db: дұрыс: 12 оқыс оқиға, 12 сақтандыру жағдайы" \
    "ru:good.db: в порядке: 12 инцидентов, 12 страховых случаев" \
    "en:good.db: ok: 12 incidents, 12 insurance cases"; do
	lang=${l%%:*}
	if [ "$lang" = kk ]; then
		"$REGSITE" validate --db good.db >out 2>err
	else
		"$REGSITE" validate --db good.db --lang "$lang" >out 2>err
	fi
	rc=$?
	if [ $rc -eq 0 ] && [ "$(cat out)" = "${l#*:}" ] && [ ! -s err ]; then
		ok "an imported registry is valid ($lang)"
	else
		fail "an imported registry is valid ($lang)"
		cat out err
	fi
done

# Damage a copy the way only another program could: with the
# constraints off.  Rows by source_ref, ids as imported (file order).
cp good.db bad.db
sqlite3 bad.db <<'EOF' || fail "damaging a copy"
PRAGMA ignore_check_constraints = ON;
PRAGMA foreign_keys = OFF;
UPDATE incidents SET age_years = 130 WHERE id = 1;
UPDATE incidents SET circumstances_ru = '' WHERE id = 2;
UPDATE incidents SET occurred_at = '2025-02-14 10:30' WHERE id = 3;
UPDATE incidents SET region = 'KZ-99' WHERE id = 4;
UPDATE incidents SET reported_quarter = '2024Q4' WHERE id = 5;
UPDATE incidents SET care_kk = 'a' || char(13, 10) || 'b' WHERE id = 6;
UPDATE incidents SET public_no = NULL WHERE id = 7;
UPDATE incidents SET age_years = 12.5 WHERE id = 9;
UPDATE incidents SET reported_quarter = '2025-1' WHERE id = 10;
UPDATE insurance_cases SET disability = 'II' WHERE id = 2;
UPDATE insurance_cases SET diagnosis_icd10 = 'K96.1' WHERE id = 3;
UPDATE insurance_cases SET reported_quarter = '2099Q1',
    occurred_at = '2099-01-01T00:00' WHERE id = 4;
DROP INDEX insurance_cases_public;
UPDATE insurance_cases SET public_no = (SELECT public_no
    FROM insurance_cases WHERE id = 6) WHERE id = 5;
UPDATE public_numbers SET last_no = 5
    WHERE form = 'incidents' AND quarter = '2025Q1';
DELETE FROM public_numbers WHERE form = 'insurance';
UPDATE submissions SET records = 11 WHERE form = 'incidents';
EOF
# With the constraints on, the schema itself refuses what only a bug
# could write: a record reported before the quarter of its event, in
# either form, inserted or updated (schema.sql: CHECK (reported_quarter
# >= quarter), against the stored quarter).
cp good.db strict.db
# refused WHAT SQL: SQL fails on the reported-quarter check.
refused() {
	if sqlite3 strict.db "$2" 2>err; then
		fail "the schema refuses a report before its event: $1"
	elif grep -q 'CHECK constraint failed: reported_quarter >= quarter' err
	then
		ok "the schema refuses a report before its event: $1"
	else
		fail "the schema refuses a report before its event: $1"
		cat err
	fi
}
refused "Form 1, the reported quarter updated" \
    "UPDATE incidents SET reported_quarter = '2024Q4' WHERE id = 5"
refused "Form 2, the event's date updated" \
    "UPDATE insurance_cases SET occurred_at = '2025-12-01T10:00' WHERE id = 1"
refused "Form 1, a record inserted" "INSERT INTO incidents (source, \
    source_ref, org_code, region, reported_quarter, occurred_at, category, \
    consequence, circumstances_kk, circumstances_ru, profile, anamnesis_kk, \
    anamnesis_ru, trigger, sex, age_years, diagnosis_icd10, care_kk, \
    care_ru, measures_kk, measures_ru, corrective_plan) SELECT 'x', 'x', \
    org_code, region, '2025Q1', '2025-04-01T00:00', category, consequence, \
    circumstances_kk, circumstances_ru, profile, anamnesis_kk, \
    anamnesis_ru, trigger, sex, age_years, diagnosis_icd10, care_kk, \
    care_ru, measures_kk, measures_ru, corrective_plan FROM incidents \
    WHERE id = 1"
if sqlite3 strict.db "UPDATE incidents SET reported_quarter = '2026Q1' \
    WHERE id = 5" 2>err; then
	ok "the schema takes a late report"
else
	fail "the schema takes a late report"; cat err
fi

"$REGSITE" validate --db bad.db --lang en >out 2>err
rc=$?
if [ $rc -eq 3 ]; then ok "damaged: exit status 3"; else
	fail "damaged: exit status 3 (got $rc)"; fi
golden "damaged: every finding" "$D/validate-bad.err" err
"$REGSITE" validate --db bad.db --lang ru >out 2>err
golden "damaged: every finding in Russian" "$D/validate-bad.ru.err" err
"$REGSITE" validate --db bad.db >out 2>err
golden "damaged: every finding in Kazakh (the default)" \
    "$D/validate-bad.kk.err" err
if [ ! -s out ]; then ok "damaged: nothing on stdout"; else
	fail "damaged: nothing on stdout"; fi

# Databases validate cannot read.
expect_err "no such file" 1 "regsite: nope.db: no such database file" \
    "$REGSITE" validate --db nope.db
: >empty.db
expect_err "an empty file" 3 "empty.db: not a registry database (schema version 0, empty; regsite needs version 3)" \
    "$REGSITE" validate --db empty.db
echo "source_ref,org_code" >text.db
expect_err "not a database" 3 "$(pwd -P)/text.db: reading the schema version: file is not a database" \
    "$REGSITE" validate --db text.db
cp good.db newer.db
sqlite3 newer.db 'PRAGMA user_version = 4'
expect_err "a newer schema" 3 "newer.db: schema version 4, but this regsite needs version 3 (a newer regsite made it)" \
    "$REGSITE" validate --db newer.db
expect_err "import refuses a newer schema too" 1 "regsite: newer.db: schema version 4, but this regsite needs version 3 (a newer regsite made it)" \
    "$REGSITE" import --db newer.db --form incidents --quarter 2025Q1 \
    --source gkb-4 "$D/incidents-2025Q1.csv"

# Records repeated under another submission: what import refuses without
# --allow-duplicates is a problem for validate too.
cp good.db dup.db
"$REGSITE" import --db dup.db --form incidents --quarter 2025Q2 \
    --source other --allow-duplicates "$D/incidents-2025Q1.csv" >/dev/null
sed 's/^INC-2025-/X-/' "$D/incidents-2025Q1.csv" >renamed.csv
"$REGSITE" import --db dup.db --form incidents --quarter 2025Q2 \
    --source third --allow-duplicates renamed.csv >/dev/null
"$REGSITE" validate --db dup.db --lang en >out 2>err
rc=$?
check "repeated records: exit status 3" [ $rc -eq 3 ]
want="dup.db: incidents id 13: a repeat of id 1 (the same source_ref and org_code)
dup.db: incidents id 25: a repeat of id 1 (the same content)
dup.db: 24 problems"
got="$(sed -n '1p;13p;$p' err)"
if [ "$got" = "$want" ]; then ok "repeated records: the same reference, the same content"
else fail "repeated records: the same reference, the same content"
	echo "$got"; fi
"$REGSITE" validate --db dup.db --lang en --allow-duplicates >out 2>err
rc=$?
check_sh "repeated records: --allow-duplicates accepts them" \
    '[ $rc -eq 0 ] && [ "$(cat out)" = "dup.db: ok: 36 incidents, 12 insurance cases" ]'

# Exit status 1 when the database cannot be read (I/O), 3 when it is read
# and refused (above).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	mkdir -p locked && cp good.db locked/ && chmod 0600 locked/good.db &&
	    chmod 0755 locked . &&
	expect_err "an unreadable database: exit status 1" 1 \
	    "regsite: locked/good.db: cannot open the database: unable to open database file" \
	    setpriv --reuid=nobody --regid=nogroup --clear-groups \
	    "$REGSITE" validate --db locked/good.db
fi
