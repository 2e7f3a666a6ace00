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

"$REGSITE" validate --db good.db >out 2>err
rc=$?
if [ $rc -eq 0 ] && [ "$(cat out)" = \
    "good.db: ok: 12 incidents, 12 insurance cases" ] && [ ! -s err ]; then
	ok "an imported registry is valid"
else
	fail "an imported registry is valid"
	cat out err
fi

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
"$REGSITE" validate --db bad.db >out 2>err
rc=$?
if [ $rc -eq 3 ]; then ok "damaged: exit status 3"; else
	fail "damaged: exit status 3 (got $rc)"; fi
golden "damaged: every finding" "$D/validate-bad.err" err
if [ ! -s out ]; then ok "damaged: nothing on stdout"; else
	fail "damaged: nothing on stdout"; fi

# Databases validate cannot read.
expect_err "no such file" 1 "regsite: nope.db: no such database file" \
    "$REGSITE" validate --db nope.db
: >empty.db
expect_err "an empty file" 3 "empty.db: not a registry database (schema version 0, empty; regsite needs version 1)" \
    "$REGSITE" validate --db empty.db
echo "source_ref,org_code" >text.db
expect_err "not a database" 3 "$(pwd -P)/text.db: reading the schema version: file is not a database" \
    "$REGSITE" validate --db text.db
cp good.db newer.db
sqlite3 newer.db 'PRAGMA user_version = 2'
expect_err "a newer schema" 3 "newer.db: schema version 2, but this regsite needs version 1 (a newer regsite made it)" \
    "$REGSITE" validate --db newer.db
expect_err "import refuses a newer schema too" 1 "regsite: newer.db: schema version 2, but this regsite needs version 1 (a newer regsite made it)" \
    "$REGSITE" import --db newer.db --form incidents --quarter 2025Q1 \
    "$D/incidents-2025Q1.csv"
