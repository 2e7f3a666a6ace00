# t_demo.sh -- regsite demo: the synthetic registry database.
. "$TOP/tests/lib.sh"

# q DB SQL: what the query prints.  A query that fails is a failed
# check of its own (on stderr, which tests/run.sh counts too), so that
# two failed queries never compare equal, nor one with "".
q() {
	sqlite3 "$1" "$2" ||
	    echo "not ok - sqlite3 $(basename "$1"): status $?: $2" >&2
}

# between DESC VALUE LOW HIGH: LOW <= VALUE <= HIGH (integers).
between() {
	if [ "$2" -ge "$3" ] && [ "$2" -le "$4" ]; then
		ok "$1 ($2)"
	else
		fail "$1: $2 not in $3..$4"
	fi
}

# same DESC GOT WANT
same() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		fail "$1"
		echo "  want: [$3]"
		echo "  got:  [$2]"
	fi
}

db=$WORK/demo.db
"$REGSITE" demo --db "$db" >"$WORK/out" 2>"$WORK/err"
same "default demo succeeds" "$?" 0
same "default demo prints nothing" "$(cat "$WORK/out" "$WORK/err")" ""
check "no temporary file is left" test ! -e "$db.tmp"

# --- the database itself ---------------------------------------------
same "integrity_check ok" "$(q "$db" 'PRAGMA integrity_check')" ok
same "foreign_key_check empty" "$(q "$db" 'PRAGMA foreign_key_check')" ""
same "journal mode is WAL" "$(q "$db" 'PRAGMA journal_mode')" wal
same "user_version is the schema's" "$(q "$db" 'PRAGMA user_version')" \
    "$(sed -n 's/^PRAGMA user_version = \([0-9]*\);/\1/p' \
    "$TOP/generator/store/schema.sql")"
same "exactly 2000 incidents" "$(q "$db" 'SELECT count(*) FROM incidents')" 2000
same "exactly 300 insurance cases" \
    "$(q "$db" 'SELECT count(*) FROM insurance_cases')" 300

# --- quarters -----------------------------------------------------------
same "incidents in the 8 quarters from 2024Q4" \
    "$(q "$db" "SELECT group_concat(quarter, ' ') FROM (SELECT DISTINCT
    quarter FROM incidents ORDER BY 1)")" \
    "2024Q4 2025Q1 2025Q2 2025Q3 2025Q4 2026Q1 2026Q2 2026Q3"
same "insurance cases in the same 8 quarters" \
    "$(q "$db" "SELECT count(DISTINCT quarter) || ' ' || min(quarter) ||
    ' ' || max(quarter) FROM insurance_cases")" "8 2024Q4 2026Q3"
same "nothing before 2024-10-23" "$(q "$db" "SELECT count(*) FROM
    (SELECT occurred_at FROM incidents UNION ALL SELECT occurred_at
    FROM insurance_cases) WHERE occurred_at < '2024-10-23'")" 0
same "nothing reported after the last quarter" "$(q "$db" "SELECT count(*)
    FROM (SELECT reported_quarter r FROM incidents UNION ALL SELECT
    reported_quarter FROM insurance_cases) WHERE r > '2026Q3'")" 0
same "2024 Q4 (from 23 October) has fewer incidents than 2025 Q1" \
    "$(q "$db" "SELECT (SELECT count(*) FROM incidents WHERE quarter =
    '2024Q4') < (SELECT count(*) FROM incidents WHERE quarter =
    '2025Q1')")" 1
same "volume grows after the first quarters" "$(q "$db" "SELECT
    (SELECT count(*) FROM incidents WHERE quarter = '2025Q1') <
    (SELECT count(*) FROM incidents WHERE quarter = '2026Q1')")" 1
late=$(q "$db" "SELECT count(*) FROM incidents WHERE reported_quarter
    <> quarter")
between "incidents reported late, per mille" $((late * 1000 / 2000)) 30 70
same "late by one or two quarters only" "$(q "$db" "SELECT count(*) FROM
    incidents WHERE reported_quarter NOT IN (quarter,
    CASE substr(quarter, 6) WHEN '4' THEN (substr(quarter, 1, 4) + 1)
    || 'Q1' ELSE substr(quarter, 1, 5) || (substr(quarter, 6) + 1) END,
    CASE substr(quarter, 6) WHEN '4' THEN (substr(quarter, 1, 4) + 1)
    || 'Q2' WHEN '3' THEN (substr(quarter, 1, 4) + 1) || 'Q1'
    ELSE substr(quarter, 1, 5) || (substr(quarter, 6) + 2) END)")" 0
same "times of day are mostly daytime" "$(q "$db" "SELECT
    sum(substr(occurred_at, 12, 2) BETWEEN '08' AND '19') * 2 > count(*)
    FROM incidents")" 1

# --- public numbers -----------------------------------------------------
for t in incidents:incidents insurance_cases:insurance; do
	tab=${t%%:*} form=${t#*:}
	same "$tab: public numbers are 1..n without gaps per quarter" \
	    "$(q "$db" "SELECT count(*) FROM (SELECT quarter, count(*) n,
	    min(public_no) lo, max(public_no) hi, count(DISTINCT public_no) d
	    FROM $tab GROUP BY quarter) WHERE lo <> 1 OR hi <> n OR d <> n")" 0
	same "$tab: public_numbers holds each quarter's last number" \
	    "$(q "$db" "SELECT count(*) FROM (SELECT quarter, count(*) n FROM
	    $tab GROUP BY quarter) c LEFT JOIN public_numbers p ON
	    p.form = '$form' AND p.quarter = c.quarter
	    WHERE p.last_no IS NOT c.n")" 0
	same "$tab: on-time records are numbered before late ones" \
	    "$(q "$db" "SELECT count(*) FROM $tab a JOIN $tab b ON
	    a.quarter = b.quarter AND a.reported_quarter = a.quarter AND
	    b.reported_quarter <> b.quarter AND a.public_no > b.public_no")" 0
done
same "one late quarter's records come before the next's" "$(q "$db" "SELECT
    count(*) FROM incidents a JOIN incidents b ON a.quarter = b.quarter
    AND a.reported_quarter < b.reported_quarter
    AND a.public_no > b.public_no")" 0
# Public numbers must say nothing about dates: within a quarter the
# number is not in date order (Spearman-like: count concordant pairs).
conc=$(q "$db" "SELECT count(*) FROM incidents a JOIN incidents b ON
    a.quarter = '2025Q2' AND b.quarter = '2025Q2' AND a.reported_quarter =
    a.quarter AND b.reported_quarter = b.quarter AND a.id < b.id AND
    (a.occurred_at < b.occurred_at) = (a.public_no < b.public_no)")
pairs=$(q "$db" "SELECT count(*) * (count(*) - 1) / 2 FROM incidents
    WHERE quarter = '2025Q2' AND reported_quarter = quarter")
between "public numbers follow dates in about half the pairs, per mille" \
    $((conc * 1000 / pairs)) 450 550

# --- determinism ----------------------------------------------------------
db2=$WORK/demo2.db
"$REGSITE" demo --db "$db2"
sqlite3 "$db" .dump >"$WORK/dump1"
sqlite3 "$db2" .dump >"$WORK/dump2"
check "the same seed gives the same database" cmp -s "$WORK/dump1" \
    "$WORK/dump2"
"$REGSITE" demo --db "$db2" --seed 2
sqlite3 "$db2" .dump >"$WORK/dump3"
check "another seed gives another database" \
    sh -c '! cmp -s "$1" "$2"' sh "$WORK/dump1" "$WORK/dump3"
same "an existing file is replaced" \
    "$(q "$db2" 'SELECT count(*) FROM incidents')" 2000
between "another seed, other organizations (shared BINs)" "$(q "$db2" "ATTACH
    '$db' AS a; SELECT count(*) FROM (SELECT DISTINCT org_code FROM
    incidents) WHERE org_code IN (SELECT org_code FROM a.incidents)")" 0 3

# --- the corpus: content/demo/ -----------------------------------------
# A copy of the source tree's corpus (with the empty templates/ and
# static/ that make it a source tree): regsite demo finds it in the
# current directory, or through --source.
src=$WORK/src
mkdir -p "$src/content" "$src/templates" "$src/static"
cp -R "$TOP/content/demo" "$src/content/demo"
cp -R "$src/content/demo" "$WORK/pristine"
"$REGSITE" demo --db "$WORK/src.db" --source "$src"
sqlite3 "$WORK/src.db" .dump >"$WORK/dump4"
check "--source DIR: the same corpus gives the same database" \
    cmp -s "$WORK/dump1" "$WORK/dump4"
(cd "$src" && "$REGSITE" demo --db "$WORK/cwd.db" --quarters 1 \
    --incidents 20 --insurance 5) >"$WORK/out" 2>&1
same "the corpus of the current source tree is found" "$(cat "$WORK/out")" ""

# corpus_err DESC MESSAGE: regsite demo in $src fails with status 1 and
# "regsite: MESSAGE", creates no database, and the corpus is restored.
in_src() {
	(cd "$src" && "$REGSITE" demo --db "$WORK/bad.db" --quarters 1 \
	    --incidents 20 --insurance 5)
}
corpus_err() {
	expect_err "$1" 1 "regsite: $2" in_src
	check "$1: no database" test ! -e "$WORK/bad.db"
	rm -rf "$src/content/demo"
	cp -R "$WORK/pristine" "$src/content/demo"
}
# next FILE: the number of the line a row appended to FILE will have
next() { echo $(($(wc -l <"$src/content/demo/$1") + 1)); }

rm "$src/content/demo/towns.csv"
corpus_err "a missing corpus file" \
    "content/demo/towns.csv: No such file or directory"

n=$(next phrases.csv)
echo 'lead.new,any,"Бір [сөз|сөйлем].",Одно слово.' \
    >>"$src/content/demo/phrases.csv"
corpus_err "a phrase whose languages draw differently" "content/demo/\
phrases.csv:$n: kk and ru draw differently (the same [ ] groups and < > \
numbers, in the same order): kk has [2], ru has nothing"

n=$(next phrases.csv)
echo 'lead.new,any,{PTX} келді.,{PT} пришёл.' >>"$src/content/demo/phrases.csv"
corpus_err "an unknown slot" "content/demo/phrases.csv:$n: kk: an unknown \
slot at character 1: '{PTX} келді.'"

n=$(next phrases.csv)
echo 'lead.new,any,Жаңа сөйлем.' >>"$src/content/demo/phrases.csv"
corpus_err "a row with a missing field" "content/demo/phrases.csv:$n: \
expected 4 fields (key,fits,kk,ru), found 3"

n=$(next phrases.csv)
echo 'lead.new,old,Жаңа сөйлем.,Новое предложение.' \
    >>"$src/content/demo/phrases.csv"
corpus_err "an unknown word in fits" "content/demo/phrases.csv:$n: fits: \
unknown word 'old' (any, adult, child, newborn, not-newborn, AGE-AGE, \
alive, clinical, not-obstetrics, inpatient)"

n=$(next phrases.csv)
printf 'lead.new,any,"Жаңа сөйлем.,Новое предложение.\n' \
    >>"$src/content/demo/phrases.csv"
corpus_err "an unterminated quoted field" "content/demo/phrases.csv:$n: \
unterminated quoted field"

n=$(next scenarios.csv)
tail -n 1 "$src/content/demo/scenarios.csv" |
    sed 's/^[^,]*,[^,]*,/new.1,surgeon,/' >>"$src/content/demo/scenarios.csv"
corpus_err "a scenario of an unknown family" "content/demo/scenarios.csv:\
$n: families: unknown family 'surgeon' (any, or the families named in \
README.md)"

sed -i '1s/.*/key,kz,ru/' "$src/content/demo/words.csv"
corpus_err "a wrong header" \
    "content/demo/words.csv:1: expected the header 'key,kk,ru'"

sed -i 's/^\(date,\)/\1{HOUR} /' "$src/content/demo/words.csv"
n=$(grep -n '^date,' "$src/content/demo/words.csv" | cut -d: -f1)
corpus_err "an unknown placeholder" "content/demo/words.csv:$n: kk: unknown \
placeholder {HOUR} (here: DAY MONTH YEAR)"

expect_err "--source without content/demo/" 1 "regsite: $WORK/none: not a \
regsite source directory (needs content/demo/)" \
    "$REGSITE" demo --db "$WORK/bad.db" --source "$WORK/none"

# --- codes and distributions ---------------------------------------------
same "obstetrics and gynecology: women aged 15-50" "$(q "$db" "SELECT count(*)
    FROM incidents WHERE profile IN ('obstetrics', 'gynecology') AND
    (sex <> 'F' OR age_years NOT BETWEEN 15 AND 50)")" 0
same "no men in obstetrics in Form 2" "$(q "$db" "SELECT count(*) FROM
    insurance_cases WHERE profile IN ('obstetrics', 'gynecology') AND
    sex <> 'F'")" 0
same "andrology: men" "$(q "$db" "SELECT count(*) FROM incidents WHERE
    profile = 'andrology' AND sex <> 'M'")" 0
same "neonatology: newborns" "$(q "$db" "SELECT count(*) FROM incidents
    WHERE profile IN ('neonatology', 'obstetric-neonatology') AND
    age_years <> 0")" 0
same "pediatric profiles: 0-17" "$(q "$db" "SELECT count(*) FROM incidents
    JOIN profiles p ON p.code = profile WHERE p.grp = 'pediatric' AND
    age_years > 17")" 0
same "gerontology: 60 and over" "$(q "$db" "SELECT count(*) FROM incidents
    WHERE profile = 'gerontology' AND age_years < 60")" 0
between "patients aged 90 and over" "$(q "$db" "SELECT count(*) FROM
    incidents WHERE age_years >= 90")" 5 60
same "women-only diagnoses only for women" "$(q "$db" "SELECT count(*) FROM
    (SELECT sex, diagnosis_icd10 d FROM incidents UNION ALL SELECT sex,
    diagnosis_icd10 FROM insurance_cases) WHERE sex = 'M' AND
    (d GLOB 'O*' OR d GLOB 'N8[0-9]*' OR d IN ('C50.9', 'C53.9', 'C56'))")" 0
same "men-only diagnoses only for men" "$(q "$db" "SELECT count(*) FROM
    incidents WHERE sex = 'F' AND diagnosis_icd10 IN ('C61', 'N40', 'N44',
    'N46')")" 0
same "ICD-10 codes with subcodes where real" "$(q "$db" "SELECT count(*) > 0
    FROM incidents WHERE diagnosis_icd10 IN ('K80.1', 'O72.1', 'P07.3',
    'S72.0') ")" 1
between "profiles used" "$(q "$db" "SELECT count(DISTINCT profile) FROM
    incidents")" 60 99
same "surgery and obstetrics among the commonest profiles" "$(q "$db" "SELECT
    count(*) FROM (SELECT profile FROM incidents GROUP BY profile ORDER BY
    count(*) DESC LIMIT 5) WHERE profile IN ('surgery', 'obstetrics')")" 2
between "leprology is very rare" "$(q "$db" "SELECT count(*) FROM incidents
    WHERE profile = 'leprology'")" 0 5
same "Almaty has more incidents than Ulytau" "$(q "$db" "SELECT
    (SELECT count(*) FROM incidents WHERE region = 'KZ-75') >
    4 * (SELECT count(*) FROM incidents WHERE region = 'KZ-62')")" 1
same "every region reports" "$(q "$db" "SELECT count(DISTINCT region) FROM
    incidents")" 20
pm() { q "$db" "SELECT count(*) * 1000 / (SELECT count(*) FROM $1) FROM $1
    WHERE $2"; }
between "clinical incidents, per mille" "$(pm incidents "category =
    'clinical'")" 620 780
between "with consequences, per mille" "$(pm incidents "consequence =
    'with'")" 280 420
between "trigger present, per mille" "$(pm incidents "trigger = 'yes'")" 330 470
between "corrective plan, per mille" "$(pm incidents "corrective_plan =
    'yes'")" 740 860
between "deaths, per mille" "$(pm insurance_cases "harm = 'death'")" 130 270
between "insured, per mille" "$(pm insurance_cases "insured = 'yes'")" 780 920
between "iatrogenic without disability, per mille of iatrogenic" \
    "$(q "$db" "SELECT count(*) * 1000 / (SELECT count(*) FROM
    insurance_cases WHERE harm = 'iatrogenic') FROM insurance_cases WHERE
    disability = 'none'")" 450 680
same "disability only for iatrogenic harm" "$(q "$db" "SELECT count(*) FROM
    insurance_cases WHERE (harm = 'death') <> (disability = '')")" 0
same "disabled child only in pediatric or newborn profiles" "$(q "$db" "SELECT
    count(*) FROM insurance_cases JOIN profiles p ON p.code =
    profile WHERE disability = 'child' AND p.grp <> 'pediatric' AND
    profile NOT LIKE '%neonatology'")" 0

# --- never published: source, source_ref, org_code, place ----------------
d12='[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
same "org_code is a 12-digit BIN" "$(q "$db" "SELECT count(*) FROM (SELECT
    org_code FROM incidents UNION ALL SELECT org_code FROM insurance_cases)
    WHERE org_code NOT GLOB '$d12'")" 0
same "Form 1 source is mo-<org_code>" "$(q "$db" "SELECT count(*) FROM
    incidents WHERE source <> 'mo-' || org_code")" 0
same "Form 2 source is the insurance pool" "$(q "$db" "SELECT
    group_concat(DISTINCT source) FROM insurance_cases")" insurance-pool
between "a few hundred organizations report" "$(q "$db" "SELECT count(DISTINCT
    org_code) FROM incidents")" 200 600
same "each organization in one region" "$(q "$db" "SELECT count(*) FROM
    (SELECT org_code FROM incidents GROUP BY org_code
    HAVING count(DISTINCT region) > 1)")" 0
same "source_ref looks like a submitter's reference" "$(q "$db" "SELECT
    count(*) FROM incidents WHERE NOT (source_ref GLOB 'ИБ-20[0-9][0-9]-*'
    OR source_ref GLOB 'INC-20[0-9][0-9]-*' OR source_ref GLOB
    'ОИ-20[0-9][0-9]/*')")" 0
same "Form 2 place names a facility and department" "$(q "$db" "SELECT
    count(*) FROM insurance_cases WHERE place_kk NOT LIKE '%бөлімшесі' OR
    place_ru NOT LIKE '%отделени%'")" 0

# --- the free text ------------------------------------------------------
same "both languages non-empty" "$(q "$db" "SELECT count(*) FROM incidents
    WHERE '' IN (circumstances_kk, circumstances_ru, anamnesis_kk,
    anamnesis_ru, care_kk, care_ru, measures_kk, measures_ru)")" 0
same "Form 2: both languages non-empty" "$(q "$db" "SELECT count(*) FROM
    insurance_cases WHERE '' IN (circumstances_kk, circumstances_ru,
    anamnesis_kk, anamnesis_ru, care_kk, care_ru, measures_kk, measures_ru,
    place_kk, place_ru)")" 0
distinct=$(q "$db" "SELECT count(DISTINCT circumstances_ru) FROM incidents")
between "distinct circumstances_ru texts" "$distinct" 1990 2000
same "Kazakh texts are in Kazakh" "$(q "$db" "SELECT count(*) FROM incidents
    WHERE circumstances_kk NOT GLOB '*[әғқңөұүһі]*'")" 0
same "Russian texts have Kazakh letters only in names" "$(q "$db" "SELECT
    count(*) FROM incidents WHERE circumstances_ru || anamnesis_ru ||
    care_ru || measures_ru GLOB '*[әғқңөұүһӘҒҚҢӨҰҮҺІ]*' AND circumstances_ru
    || anamnesis_ru || care_ru || measures_ru NOT GLOB
    '*[А-ЯЁӘҒҚҢӨҰҮҺІ].[А-ЯЁӘҒҚҢӨҰҮҺІ].*'")" 0
same "no template marks left in the text" "$(q "$db" "SELECT count(*) FROM
    incidents WHERE circumstances_ru || anamnesis_ru || care_ru ||
    measures_ru || circumstances_kk || anamnesis_kk || care_kk ||
    measures_kk GLOB '*[][{}<>|^~@]*'")" 0
same "no doubled full stops" "$(q "$db" "SELECT count(*) FROM incidents
    WHERE circumstances_ru || measures_ru || care_ru || anamnesis_ru ||
    circumstances_kk || measures_kk GLOB '*..*'")" 0
same "sentences start with a capital" "$(q "$db" "SELECT count(*) FROM
    incidents WHERE substr(circumstances_ru, 1, 1) GLOB '[а-яё]' OR
    substr(circumstances_kk, 1, 1) GLOB '[а-яёәғқңөұүһі]'")" 0
lengths=$(q "$db" "SELECT min(length(circumstances_ru)) < 160 AND
    max(length(circumstances_ru)) > 600 FROM incidents")
same "lengths from one sentence to a paragraph" "$lengths" 1
between "records with identifying detail, per mille" "$(pm incidents "
    circumstances_ru || anamnesis_ru || care_ru || measures_ru GLOB
    '*[А-ЯӘҒҚҢӨҰҮҺІ].[А-ЯӘҒҚҢӨҰҮҺІ].*' OR circumstances_ru || anamnesis_ru
    || care_ru || measures_ru GLOB '*[0-9][0-9].[0-9][0-9].20[0-9][0-9]*'
    OR anamnesis_ru GLOB '*ИИН [0-9]*' OR circumstances_ru GLOB
    '*+7 7*' OR anamnesis_ru GLOB '*г.р.*' OR circumstances_ru GLOB
    '*20[0-9][0-9] г.*' OR anamnesis_ru GLOB '*20[0-9][0-9] г.*' OR
    circumstances_ru || anamnesis_ru GLOB '*ул. *' OR anamnesis_ru GLOB
    '*история болезни*' OR circumstances_ru || care_ru || anamnesis_ru
    GLOB '*№[0-9]*'")" 80 180
same "the same identifier appears in both languages" "$(q "$db" "SELECT
    count(*) FROM incidents WHERE anamnesis_ru GLOB '*ИИН [0-9]*' AND
    substr(anamnesis_ru, instr(anamnesis_ru, 'ИИН ') + 4, 12) <>
    substr(anamnesis_kk, instr(anamnesis_kk, 'ЖСН ') + 4, 12)")" 0
same "ICD-9-CM procedure codes appear in the care text" "$(q "$db" "SELECT
    count(*) > 0 FROM incidents WHERE care_ru LIKE '%(39.65)%' OR
    circumstances_ru LIKE '%(37.94)%' OR circumstances_ru LIKE '%(50.52)%'")" 1

# --- other options, errors -------------------------------------------------
db3=$WORK/one.db
"$REGSITE" demo --db "$db3" --quarters 1 --incidents 50 --insurance 0 --seed 7
same "--quarters 1: one quarter, nobody late" "$(q "$db3" "SELECT count(*) ||
    ' ' || min(quarter) || ' ' || sum(reported_quarter <> quarter) FROM
    incidents")" "50 2024Q4 0"
same "--insurance 0: no insurance cases" "$(q "$db3" "SELECT count(*) FROM
    insurance_cases")" 0

expect_err "--quarters 0 is refused" 2 \
    "regsite: --quarters: expected a whole number from 1 to 40, not '0'" \
    "$REGSITE" demo --db "$WORK/x.db" --quarters 0
expect_err "--incidents x is refused" 2 "regsite: --incidents: expected \
a whole number from 0 to 100000000, not 'x'" \
    "$REGSITE" demo --db "$WORK/x.db" --incidents x
check "a refused run creates nothing" test ! -e "$WORK/x.db"

# A failed run leaves the existing database as it was.
cp "$db3" "$WORK/keep.db"
mkdir "$WORK/keep.db.tmp"
"$REGSITE" demo --db "$WORK/keep.db" >"$WORK/out" 2>"$WORK/err"
rc=$?
same "a failed run exits with status 1" "$rc" 1
check "a failed run says why" grep -q "keep.db.tmp: cannot remove" "$WORK/err"
check "a failed run leaves the old database" cmp -s "$db3" "$WORK/keep.db"
expect_err "a database in a missing directory" 1 "regsite: \
$WORK/none/d.db.tmp: cannot create the database: unable to open database file" \
    "$REGSITE" demo --db "$WORK/none/d.db"
