# t_import.sh -- regsite import: the example submissions, every rule's
# message (golden files), CSV edge cases, resubmission and public
# numbers, all-or-nothing on large files, a killed import, concurrent
# readers and writers.
#
# REGEN=1 sh tests/run.sh build rewrites the golden files it compares.
. "$TOP/tests/lib.sh"
cd "$TOP" || exit 1
D=tests/data
INC=$D/incidents-2025Q1.csv
INS=$D/insurance-2025Q1.csv

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

# eq DESC WANT GOT
eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		fail "$1"
		echo "  want: $2"
		echo "  got:  $3"
	fi
}

# q DB SQL: what the query prints.  A query that fails is a failed
# check of its own (on stderr, which tests/run.sh counts too), so that
# two failed queries never compare equal, nor one with "".
q() {
	sqlite3 "$1" "$2" ||
	    echo "not ok - sqlite3 $(basename "$1"): status $?: $2" >&2
}

# The state of a registry, to show that something did not change.
state() {
	sqlite3 "$1" "SELECT * FROM incidents ORDER BY id;
	    SELECT * FROM insurance_cases ORDER BY id;
	    SELECT * FROM public_numbers ORDER BY 1, 2;
	    SELECT * FROM submissions ORDER BY 1, 2, 3" | sha256sum
}

# In English unless a test says otherwise (the operator's default is
# Kazakh: the example summaries and t_operator.sh test kk and ru).
imp() {
	"$REGSITE" import --lang en "$@"
}

# A writer that holds the lock longer than an import waits (30 s): the
# import gives up with a message that says so, and changes nothing.  It
# takes half a minute of waiting, so it starts here, in the background,
# while the rest of this test runs (its results are checked at the
# end), and only in the plain pass.  The writer holds the lock until the
# import has given up.
case $BUILD in */asan) lockwait=0 ;; *) lockwait=1 ;; esac
if [ "$lockwait" -eq 1 ]; then
	imp --db "$WORK/lock.db" --form insurance --quarter 2025Q1 \
	    --source insurance-pool "$INS" >/dev/null 2>&1
	mkfifo "$WORK/lockfifo"
	sqlite3 "$WORK/lock.db" <"$WORK/lockfifo" >/dev/null 2>&1 &
	lpid=$!
	exec 4>"$WORK/lockfifo"
	printf 'BEGIN IMMEDIATE;\n.once %s\nSELECT 1;\n' "$WORK/w2" >&4
	i=0
	while [ ! -s "$WORK/w2" ] && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	lock_before=$(q "$WORK/lock.db" "SELECT count(*) FROM insurance_cases")
	(imp --db "$WORK/lock.db" --form insurance --quarter 2025Q2 \
	    --source insurance-pool "$INS" >"$WORK/lock.out" 2>"$WORK/lock.err"
	    echo $? >"$WORK/lock.rc") 4>&- &
	ipid=$!
fi

# ---------------------------------------------------------------------
# The example submissions.

# The summaries in the operator's languages: Kazakh by default, Russian.
db=$WORK/reg.db
"$REGSITE" import --db "$db" --form incidents --quarter 2025Q1 \
    --source gkb-4 "$INC" >"$WORK/out" 2>"$WORK/err"
eq "incidents example: exit status 0" 0 $?
golden "incidents example: summary (kk)" $D/incidents-2025Q1.out "$WORK/out"
eq "incidents example: nothing on stderr" "" "$(cat "$WORK/err")"
"$REGSITE" import --db "$db" --form insurance --quarter 2025Q1 --lang ru \
    --source insurance-pool "$INS" >"$WORK/out" 2>"$WORK/err"
eq "insurance example: exit status 0" 0 $?
golden "insurance example: summary (ru)" $D/insurance-2025Q1.out "$WORK/out"

eq "new database: schema version 3" 3 "$(q "$db" 'PRAGMA user_version')"
eq "new database: WAL" wal "$(q "$db" 'PRAGMA journal_mode')"
eq "incidents: 12 rows" 12 "$(q "$db" 'SELECT count(*) FROM incidents')"
eq "insurance: 12 rows" 12 \
    "$(q "$db" 'SELECT count(*) FROM insurance_cases')"
eq "stored as given: source, reported quarter, a value" \
    "gkb-4|2025Q1|K80.2|67" "$(q "$db" "SELECT source, reported_quarter,
    diagnosis_icd10, age_years FROM incidents
    WHERE source_ref = 'INC-2025-001'")"
eq "age stored as an integer" integer \
    "$(q "$db" "SELECT DISTINCT typeof(age_years) FROM incidents")"
eq "a quoted multi-line field keeps its line break" 2 \
    "$(q "$db" "SELECT length(measures_ru) - length(replace(measures_ru,
    char(10), '')) + 1 FROM incidents WHERE source_ref = 'INC-2025-001'")"
eq "submissions: records and the file's sha256" \
    "incidents|gkb-4|2025Q1|12|$(sha256sum "$INC" | cut -c1-64)" \
    "$(q "$db" "SELECT * FROM submissions WHERE form = 'incidents'")"
eq "public numbers: per event quarter, 1..n" \
    "2024Q4 1 1 1 2025Q1 11 1 11" \
    "$(q "$db" "SELECT quarter, count(DISTINCT public_no), min(public_no),
    max(public_no) FROM incidents GROUP BY quarter" | tr '\n|' '  ' |
    sed 's/ $//')"
eq "public_numbers: last numbers" "incidents|2024Q4|1 incidents|2025Q1|11 insurance|2025Q1|12" \
    "$(q "$db" 'SELECT * FROM public_numbers ORDER BY 1, 2' | tr '\n' ' ' |
    sed 's/ $//')"
order=$(q "$db" "SELECT public_no FROM incidents WHERE quarter = '2025Q1'
    ORDER BY source_ref" | tr '\n' ' ')
sorted=$(q "$db" "SELECT public_no FROM incidents WHERE quarter = '2025Q1'
    ORDER BY public_no" | tr '\n' ' ')
check "public numbers: not in file order" [ "$order" != "$sorted" ]
dates=$(q "$db" "SELECT public_no FROM incidents WHERE quarter = '2025Q1'
    ORDER BY occurred_at" | tr '\n' ' ')
check "public numbers: not in date order" [ "$dates" != "$sorted" ]

# The same files into a new database: the same numbers (the order key
# is the submission's own digest), so a registry rebuilt from its
# archived submissions keeps its public references.
imp --db "$WORK/again.db" --form incidents --quarter 2025Q1 --source gkb-4 \
    "$INC" >/dev/null
eq "public numbers: reproducible" \
    "$(q "$db" 'SELECT source_ref, public_no FROM incidents ORDER BY 1')" \
    "$(q "$WORK/again.db" 'SELECT source_ref, public_no FROM incidents
    ORDER BY 1')"

# ---------------------------------------------------------------------
# Re-import, resubmission, dry run.

before=$(q "$db" 'SELECT * FROM incidents ORDER BY id' | sha256sum)
imp --db "$db" --form incidents --quarter 2025Q1 --source gkb-4 "$INC" \
    >"$WORK/out"
eq "re-import: unchanged" \
    "incidents 2025Q1 from 'gkb-4': 12 records: 0 added, 0 changed, 12 unchanged, 0 removed
unchanged: the registry already holds exactly these records; nothing written" \
    "$(head -n 2 "$WORK/out")"
eq "re-import: the same rows and public numbers" "$before" \
    "$(q "$db" 'SELECT * FROM incidents ORDER BY id' | sha256sum)"

# A corrected resubmission: INC-2025-003 withdrawn, INC-2025-013 added,
# INC-2025-002 corrected (age), INC-2025-005 moved to December 2024.
no3=$(q "$db" "SELECT public_no FROM incidents
    WHERE source_ref = 'INC-2025-003'")
no2=$(q "$db" "SELECT public_no FROM incidents
    WHERE source_ref = 'INC-2025-002'")
awk -F, 'BEGIN { OFS = "," }
	/^INC-2025-002,/ { sub(/,F,58,/, ",F,59,") }
	/^INC-2025-005,/ { sub(/2025-02-19T09:20/, "2024-12-19T09:20") }
	{ print }' "$INC" |
    awk '/^INC-2025-003,/ { skip = 1 } /^INC-2025-004,/ { skip = 0 }
	!skip { print }' >"$WORK/resub.csv"
sed -n '/^INC-2025-002,/,/^INC-2025-003,/p' "$INC" | sed '$d' |
    sed 's/^INC-2025-002,/INC-2025-013,/' >>"$WORK/resub.csv"
imp --db "$db" --form incidents --quarter 2025Q1 --source gkb-4 \
    "$WORK/resub.csv" >"$WORK/out"
eq "resubmission: counts" \
    "incidents 2025Q1 from 'gkb-4': 12 records: 1 added, 2 changed, 9 unchanged (1 renumbered: event quarter changed), 1 removed" \
    "$(head -n 1 "$WORK/out")"
eq "resubmission: the withdrawn record is gone" 0 \
    "$(q "$db" "SELECT count(*) FROM incidents
    WHERE source_ref = 'INC-2025-003'")"
eq "resubmission: a corrected record keeps its number" "$no2|59" \
    "$(q "$db" "SELECT public_no, age_years FROM incidents
    WHERE source_ref = 'INC-2025-002'")"
eq "resubmission: the new record gets the next number (12), not $no3" \
    "2025Q1|12" "$(q "$db" "SELECT quarter, public_no FROM incidents
    WHERE source_ref = 'INC-2025-013'")"
eq "resubmission: a record moved to 2024Q4 gets the next number there" \
    "2024Q4|2" "$(q "$db" "SELECT quarter, public_no FROM incidents
    WHERE source_ref = 'INC-2025-005'")"
eq "resubmission: last numbers" "incidents|2024Q4|2 incidents|2025Q1|12" \
    "$(q "$db" "SELECT * FROM public_numbers WHERE form = 'incidents'
    ORDER BY 2" | tr '\n' ' ' | sed 's/ $//')"
eq "resubmission: records in the submission" 12 \
    "$(q "$db" "SELECT records FROM submissions WHERE source = 'gkb-4'")"

# A number is never given twice: withdraw INC-2025-013 (number 12) and
# add INC-2025-014; it gets 13.
grep -v '^INC-2025-013,' "$WORK/resub.csv" >"$WORK/resub2.csv"
sed -n '/^INC-2025-013,/,$p' "$WORK/resub.csv" |
    sed 's/^INC-2025-013,/INC-2025-014,/' >>"$WORK/resub2.csv"
imp --db "$db" --form incidents --quarter 2025Q1 --source gkb-4 \
    "$WORK/resub2.csv" >/dev/null
eq "a removed record's number is never reused" 13 \
    "$(q "$db" "SELECT public_no FROM incidents
    WHERE source_ref = 'INC-2025-014'")"

# --dry-run: the report, and nothing written.
s0=$(state "$db")
sum0=$(sha256sum "$db" | cut -c1-64)
imp --db "$db" --form incidents --quarter 2025Q1 --source gkb-4 --dry-run \
    "$INC" >"$WORK/out" 2>"$WORK/err"
eq "dry run: exit status 0" 0 $?
eq "dry run: what it would do" \
    "dry run, nothing written: incidents 2025Q1 from 'gkb-4': 12 records: 1 added, 2 changed, 9 unchanged (1 renumbered: event quarter changed), 1 removed" \
    "$(head -n 1 "$WORK/out")"
eq "dry run: the totals after the import" \
    "in the database after the import: 12 incidents, 12 insurance cases" \
    "$(tail -n 1 "$WORK/out")"
eq "dry run: the database is unchanged" "$s0" "$(state "$db")"
eq "dry run: the database file is unchanged" "$sum0" \
    "$(sha256sum "$db" | cut -c1-64)"
imp --db "$WORK/none.db" --form incidents --quarter 2025Q1 --dry-run \
    --source gkb-4 "$INC" >"$WORK/out"
eq "dry run into a new database: exit status 0" 0 $?
check "dry run: no database file is created" [ ! -e "$WORK/none.db" ]
imp --db "$db" --form incidents --quarter 2025Q1 --dry-run --source bad \
    $D/bad-incidents.csv >/dev/null 2>"$WORK/err"
eq "dry run: problems give exit status 3" 3 $?

# --source is required: without it a submission under the file's name
# would duplicate the records of the submitter's real name.
imp --db "$WORK/src.db" --form insurance --quarter 2025Q1 "$INS" \
    >"$WORK/out" 2>"$WORK/err"
eq "no --source: a usage error" \
    "2:regsite: import: --source NAME is required (the submitter, so that its quarters are matched)" \
    "$?:$(head -n 1 "$WORK/err")"
check "no --source: no database" [ ! -e "$WORK/src.db" ]

# A source_ref the source used in another quarter.
s0=$(state "$db")
imp --db "$db" --form insurance --quarter 2025Q2 --source insurance-pool \
    "$INS" >/dev/null 2>"$WORK/err"
eq "another quarter: exit status 3" 3 $?
eq "another quarter: one problem per record" \
    "$D/insurance-2025Q1.csv:2:1: field 'source_ref': this source already submitted it for 2025Q1 (EIP-2025-0101)" \
    "$(head -n 1 "$WORK/err")"
eq "another quarter: count line" "12 problems; nothing imported" \
    "$(tail -n 1 "$WORK/err")"
eq "another quarter: nothing imported" "$s0" "$(state "$db")"

# ---------------------------------------------------------------------
# Every rule's message (golden files); nothing imported.

for f in bad-incidents:incidents bad-insurance:insurance \
    bad-header:incidents; do
	name=${f%%:*}
	s0=$(state "$db")
	imp --db "$db" --form "${f#*:}" --quarter 2025Q1 --source bad \
	    $D/$name.csv >"$WORK/out" 2>"$WORK/err"
	eq "$name: exit status 3" 3 $?
	golden "$name: messages" $D/$name.err "$WORK/err"
	eq "$name: nothing on stdout" "" "$(cat "$WORK/out")"
	eq "$name: nothing imported" "$s0" "$(state "$db")"
done

# reported_quarter may appear, and must then be the --quarter.  (The
# rows of the example end with their corrective_plan, yes or no.)
awk 'NR == 1 { print $0 ",reported_quarter"; next }
	/,(yes|no)$/ { print $0 ",2025Q1"; next } { print }' "$INC" \
    >"$WORK/rq.csv"
imp --db "$WORK/rq.db" --form incidents --quarter 2025Q1 --source t \
    "$WORK/rq.csv" \
    >/dev/null 2>"$WORK/err"
eq "reported_quarter column: accepted" "0:" "$?:$(cat "$WORK/err")"
sed '5s/,2025Q1$/,2025Q2/' "$WORK/rq.csv" >"$WORK/rq2.csv"
printf 'R-1,O,KZ-71,2025-02-14T10:30,clinical,with,a,b,surgery,a,b,no,M,60,K35,a,b,a,b,yes,\n' >>"$WORK/rq2.csv"
expect_err "reported_quarter column: must be the --quarter" 3 "$WORK/rq2.csv:5:21: field 'reported_quarter': differs from --quarter 2025Q1 (2025Q2)
$WORK/rq2.csv:16:21: field 'reported_quarter': missing
2 problems; nothing imported" imp --db "$WORK/rq.db" --form incidents \
    --quarter 2025Q1 --source t "$WORK/rq2.csv"

# ---------------------------------------------------------------------
# CSV edge cases.

# As a Russian-locale spreadsheet saves it: byte-order mark, semicolons,
# CRLF between rows (LF inside cells).  The same records result.
excel() {
	printf '\357\273\277'
	awk '{
		out = ""
		for (i = 1; i <= length($0); i++) {
			c = substr($0, i, 1)
			if (c == "\"")
				q = !q
			else if (c == "," && !q)
				c = ";"
			out = out c
		}
		printf "%s%s", out, q ? "\n" : "\r\n"
	}' "$1"
}
excel "$INC" >"$WORK/excel.csv"
eq "excel variant: a BOM, semicolons, CRLF" " ef bb bf:15:13" \
    "$(head -c 3 "$WORK/excel.csv" | od -An -tx1):$(grep -c ';' \
    "$WORK/excel.csv"):$(grep -c "$(printf '\r')" "$WORK/excel.csv")"
imp --db "$WORK/excel.db" --form incidents --quarter 2025Q1 --source gkb-4 \
    "$WORK/excel.csv" >/dev/null 2>"$WORK/err"
eq "excel variant: imported" "0:" "$?:$(cat "$WORK/err")"
cols="source_ref, org_code, region, occurred_at, category, consequence,
    circumstances_kk, circumstances_ru, profile, anamnesis_kk, anamnesis_ru,
    trigger, sex, age_years, diagnosis_icd10, care_kk, care_ru, measures_kk,
    measures_ru, corrective_plan, quarter, public_no"
# (Public numbers aside: their order is keyed with the file's digest.)
cols=${cols%, public_no}
eq "excel variant: the same records as the plain file" \
    "$(q "$WORK/again.db" "SELECT $cols FROM incidents ORDER BY 1" |
    sha256sum)" \
    "$(q "$WORK/excel.db" "SELECT $cols FROM incidents ORDER BY 1" |
    sha256sum)"
# Line numbers count physical lines after the BOM, quoted breaks included.
excel $D/bad-incidents.csv >"$WORK/bad-excel.csv"
imp --db "$WORK/excel.db" --form incidents --quarter 2025Q1 --source bad \
    "$WORK/bad-excel.csv" >/dev/null 2>"$WORK/err0"
eq "excel variant of the bad file: exit status 3" 3 $?
sed "s|$WORK/bad-excel.csv|$D/bad-incidents.csv|" "$WORK/err0" >"$WORK/err"
golden "excel variant: the same messages at the same positions" \
    $D/bad-incidents.err "$WORK/err"

# Quotes: embedded separators, doubled quotes, breaks; trailing blank
# lines and rows of empty fields are skipped; spaces around unquoted
# fields are dropped.
{
	head -n 1 "$INC"
	printf 'Q-1 , ORG ,KZ-71,2025-02-14T10:30,clinical,with,"Ол ""сақ"" деді, бірақ",'
	printf '"Он сказал ""осторожно"", но",surgery,"a\n\nb","c,d",no,M,60,K35,a,b,a,b,yes\n'
	printf ',,,,,,,,,,,,,,,,,,,\n\n  \n'
} >"$WORK/quotes.csv"
imp --db "$WORK/quotes.db" --form incidents --quarter 2025Q1 --source t \
    "$WORK/quotes.csv" >/dev/null 2>"$WORK/err"
eq "quotes: imported" "0:" "$?:$(cat "$WORK/err")"
eq "quotes: values" "Q-1|ORG|Ол \"сақ\" деді, бірақ|Он сказал \"осторожно\", но|c,d" \
    "$(q "$WORK/quotes.db" 'SELECT source_ref, org_code, circumstances_kk,
    circumstances_ru, anamnesis_ru FROM incidents')"
eq "quotes: an empty line inside a quoted field stays" "a||b" \
    "$(q "$WORK/quotes.db" "SELECT replace(anamnesis_kk, char(10), '|')
    FROM incidents")"

# Lenient forms are normalised: a space for the T and seconds (dropped),
# CRLF inside text, white space around text.
{
	head -n 1 "$INC"
	printf 'L-1,ORG,KZ-71,2025-02-14 10:30:59,clinical,with,a,b,surgery,'
	printf 'a,b,no,M,60,K35,"  line 1\r\nline 2\r\n",b,a,b,yes\r\n'
} >"$WORK/lenient.csv"
imp --db "$WORK/lenient.db" --form incidents --quarter 2025Q1 --source t \
    "$WORK/lenient.csv" >/dev/null 2>"$WORK/err"
eq "lenient forms: accepted" "0:" "$?:$(cat "$WORK/err")"
eq "lenient forms: stored in canonical form" \
    "2025-02-14T10:30|line 1\\nline 2" \
    "$(q "$WORK/lenient.db" "SELECT occurred_at, replace(care_kk, char(10),
    '\\n') FROM incidents")"

: >"$WORK/empty.csv"
expect_err "empty file" 3 "$WORK/empty.csv: no header row (the file is empty)
1 problem; nothing imported" imp --db "$WORK/e.db" --form incidents \
    --quarter 2025Q1 --source t "$WORK/empty.csv"
printf '\357\273\277\r\n\r\n' >"$WORK/blank.csv"
expect_err "only a BOM and blank lines" 3 "$WORK/blank.csv: no header row (the file is empty)
1 problem; nothing imported" imp --db "$WORK/e.db" --form incidents \
    --quarter 2025Q1 --source t "$WORK/blank.csv"

head -n 1 "$INC" >"$WORK/header.csv"
imp --db "$WORK/e.db" --form incidents --quarter 2025Q1 --source h \
    "$WORK/header.csv" >"$WORK/out" 2>"$WORK/err"
eq "header only: a valid, empty submission" \
    "0:incidents 2025Q1 from 'h': 0 records: 0 added, 0 changed, 0 unchanged, 0 removed" \
    "$?:$(head -n 1 "$WORK/out")"
eq "header only: recorded" "incidents|h|2025Q1|0" \
    "$(q "$WORK/e.db" 'SELECT form, source, reported_quarter, records
    FROM submissions')"

{ head -n 1 "$INC"; printf 'a,b,c\n'; printf '%s,x\n' \
    "$(sed -n 5p "$INC")"; } >"$WORK/ragged.csv"
expect_err "ragged rows" 3 "$WORK/ragged.csv:2: 3 fields, but the header has 20 columns
$WORK/ragged.csv:3: 21 fields, but the header has 20 columns
2 problems; nothing imported" imp --db "$WORK/e.db" --form incidents \
    --quarter 2025Q1 --source t "$WORK/ragged.csv"

{ head -n 1 "$INC"; printf 'a,b"c,d\n'; } >"$WORK/stray.csv"
expect_err "a quote inside an unquoted field" 3 "$WORK/stray.csv:2:2: malformed CSV: a quote inside an unquoted field or after a closing quote; the rest of the file was not read
1 problem; nothing imported" imp --db "$WORK/e.db" --form incidents \
    --quarter 2025Q1 --source t "$WORK/stray.csv"

{ head -n 1 "$INC"; printf 'a,b,"c\nd\n'; } >"$WORK/open.csv"
expect_err "a quote left open at the end" 3 "$WORK/open.csv:2:3: malformed CSV: a quoted field without its closing quote
1 problem; nothing imported" imp --db "$WORK/e.db" --form incidents \
    --quarter 2025Q1 --source t "$WORK/open.csv"

printf '\377\376s\000o\000' >"$WORK/utf16.csv"
expect_err "UTF-16" 3 "$WORK/utf16.csv: UTF-16 text; save the file as CSV UTF-8
1 problem; nothing imported" imp --db "$WORK/e.db" --form incidents \
    --quarter 2025Q1 --source t "$WORK/utf16.csv"

# A file saved as Windows-1251 (Excel's "CSV" on a Russian Windows):
# every text is not UTF-8.  The first five are shown where they are,
# then one line counts the rest and names the likely encoding.
iconv -c -f UTF-8 -t CP1251 "$INC" >"$WORK/cp1251.csv"
imp --db "$WORK/e.db" --form incidents --quarter 2025Q1 --source t \
    "$WORK/cp1251.csv" >/dev/null 2>"$WORK/cp1251.err"
rc=$?
check "Windows-1251: exit 3" [ $rc -eq 3 ]
check "Windows-1251: the first five fields not UTF-8 shown by line and column" \
    [ "$(grep -c "^$WORK/cp1251.csv:[0-9]*:[0-9]*: field '[a-z_]*': not valid UTF-8 (save the file as CSV UTF-8) (" "$WORK/cp1251.err")" -eq 5 ]
check "Windows-1251: then one line for the other 91, and all 96 counted" \
    [ "$(tail -n 2 "$WORK/cp1251.err")" = "$WORK/cp1251.csv: 91 more fields not valid UTF-8: the file has another encoding (Windows-1251?); save the file as CSV UTF-8
96 problems; nothing imported" ]
check "Windows-1251: nothing else said" [ "$(wc -l <"$WORK/cp1251.err")" -eq 7 ]

{ head -n 1 "$INC"; printf 'a,"'; head -c 1100000 /dev/zero | tr '\0' x; } \
    >"$WORK/long.csv"
expect_err "a field longer than 1 MiB" 3 "$WORK/long.csv:2:2: a field longer than 1048576 bytes (a quote left open?); the rest of the file was not read
1 problem; nothing imported" imp --db "$WORK/e.db" --form incidents \
    --quarter 2025Q1 --source t "$WORK/long.csv"

# Several files are one submission; a source_ref twice is a problem.
{ head -n 1 "$INC"; sed -n '2,7p' "$INC"; } >"$WORK/part1.csv"
{ head -n 1 "$INC"; sed -n '8,$p' "$INC"; } >"$WORK/part2.csv"
imp --db "$WORK/parts.db" --form incidents --quarter 2025Q1 --source part1 \
    "$WORK/part1.csv" "$WORK/part2.csv" >"$WORK/out"
eq "two files: one submission" \
    "incidents 2025Q1 from 'part1': 12 records: 12 added, 0 changed, 0 unchanged, 0 removed" \
    "$(head -n 1 "$WORK/out")"
eq "two files: the digest of both" \
    "$(cat "$WORK/part1.csv" "$WORK/part2.csv" | sha256sum | cut -c1-64)" \
    "$(q "$WORK/parts.db" 'SELECT sha256 FROM submissions')"
imp --db "$WORK/parts.db" --form incidents --quarter 2025Q1 --source part1 \
    "$INC" "$WORK/part1.csv" >/dev/null 2>"$WORK/err"
eq "two files: a duplicate across them" \
    "3:$WORK/part1.csv:2:1: field 'source_ref': duplicate of $INC:2 (INC-2025-001)" \
    "$?:$(head -n 1 "$WORK/err")"
eq "two files: every duplicate" "4 problems; nothing imported" \
    "$(tail -n 1 "$WORK/err")"

# Options.
expect_err "a missing file" 1 "regsite: $WORK/nope.csv: No such file or directory" \
    imp --db "$WORK/e.db" --form incidents --quarter 2025Q1 --source t \
    "$WORK/nope.csv"
expect_err "a quarter before the registry" 1 "regsite: --quarter 2024Q3: the registry began on 2024-10-23, in 2024Q4" \
    imp --db "$WORK/e.db" --form incidents --quarter 2024Q3 --source t "$INC"
expect_err "a quarter not yet begun" 1 "regsite: --quarter 2999Q1 has not begun yet" \
    imp --db "$WORK/e.db" --form incidents --quarter 2999Q1 --source t "$INC"
expect_err "a source too long" 1 "regsite: --source: expected a name of 1 to 64 bytes of UTF-8 without control characters or surrounding spaces" \
    imp --db "$WORK/e.db" --form incidents --quarter 2025Q1 \
    --source "$(printf '%065d' 0)" "$INC"

# ---------------------------------------------------------------------
# A large file: a 100 MB submission, all or nothing.

# The indexes and triggers of a registry (an import may set them aside
# and make them again).
sqlite3 "$WORK/ref.db" <generator/store/schema.sql
aside() {
	q "$1" "SELECT type, name, sql FROM sqlite_schema WHERE type IN
	    ('index', 'trigger') ORDER BY type, name" | sha256sum
}

N=160000
awk -v n=$N -f $D/gen-incidents.awk >"$WORK/big.csv"
check "large file: over 95 MB" [ "$(wc -c <"$WORK/big.csv")" -gt 95000000 ]
cp "$db" "$WORK/big.db"
s0=$(state "$WORK/big.db")
awk -v n=$N -v bad=1 -f $D/gen-incidents.awk >"$WORK/bigbad.csv"
expect_err "large file, bad last row: its message" 3 "$WORK/bigbad.csv:$((N + 1)):14: field 'age_years': not a whole number of years from 0 to 120 (130)
1 problem; nothing imported" imp --db "$WORK/big.db" --form incidents \
    --quarter 2025Q1 --source big "$WORK/bigbad.csv"
eq "large file, bad last row: nothing imported" "$s0" "$(state "$WORK/big.db")"

# kill -9 while the records are being written: wait until the write-
# ahead log grows (phase 2), then kill.
# (Not through imp: $! must be regsite itself, not a subshell.)
"$REGSITE" import --db "$WORK/big.db" --form incidents --quarter 2025Q1 \
    --source big "$WORK/big.csv" >/dev/null 2>&1 &
pid=$!
grew=0 i=0
while [ $i -lt 1200 ] && kill -0 $pid 2>/dev/null; do
	if [ "$(stat -c %s "$WORK/big.db-wal" 2>/dev/null || echo 0)" \
	    -gt 4000000 ]; then
		grew=1
		break
	fi
	sleep 0.05
	i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid
rc=$?
eq "killed import: killed while writing" "1:137" "$grew:$rc"
eq "killed import: integrity_check" ok \
    "$(q "$WORK/big.db" 'PRAGMA integrity_check')"
eq "killed import: the database is unchanged" "$s0" \
    "$(state "$WORK/big.db")"
eq "killed import: the indexes and triggers are the schema's" \
    "$(aside "$WORK/ref.db")" "$(aside "$WORK/big.db")"
# ... and its second process, which reads the files, went with it.
sleep 0.2
eq "killed import: its reading process went with it" "" \
    "$(pgrep -f -- "--source big $WORK/big.csv" || :)"

# kill -9 the process that reads the files, as soon as it runs: the
# import fails, says why, and changes nothing.
"$REGSITE" import --db "$WORK/big.db" --form incidents --quarter 2025Q1 \
    --source big "$WORK/big.csv" >/dev/null 2>"$WORK/err" &
pid=$!
reader= i=0
while [ -z "$reader" ] && [ $i -lt 1000 ] && kill -0 $pid 2>/dev/null; do
	reader=$(pgrep -P $pid || :)
	i=$((i + 1))
done
[ -n "$reader" ] && kill -9 $reader
wait $pid
eq "killed reader: the import fails and says why" \
    "1:regsite: import: the process reading the files ended early" \
    "$?:$(cat "$WORK/err")"
eq "killed reader: the database is unchanged" "$s0" "$(state "$WORK/big.db")"

base=$(q "$WORK/big.db" "SELECT last_no FROM public_numbers
    WHERE form = 'incidents' AND quarter = '2025Q1'")
imp --db "$WORK/big.db" --form incidents --quarter 2025Q1 --source big \
    "$WORK/big.csv" >"$WORK/out" 2>"$WORK/err"
eq "large file: imported after all" \
    "0:incidents 2025Q1 from 'big': $N records: $N added, 0 changed, 0 unchanged, 0 removed" \
    "$?:$(head -n 1 "$WORK/out")"
eq "large file: the next public numbers, each once" \
    "$((base + 1))|$((base + N))|$N" \
    "$(q "$WORK/big.db" "SELECT min(public_no), max(public_no),
    count(DISTINCT public_no) FROM incidents WHERE source = 'big'")"

# A submission larger than its table goes in without the table's
# indexes and trigger, each made again from the schema's own SQL (a
# smaller one, without the trigger alone): the schema after either is
# the one schema.sql makes, and the trigger still numbers a record
# inserted without a number.
eq "large file: the indexes and triggers are the schema's" \
    "$(aside "$WORK/ref.db")" "$(aside "$WORK/big.db")"
imp --db "$WORK/big.db" --form incidents --quarter 2025Q1 --source small \
    --allow-duplicates "$INC" >"$WORK/out"
eq "a small submission then: imported" \
    "0:incidents 2025Q1 from 'small': 12 records: 12 added, 0 changed, 0 unchanged, 0 removed" \
    "$?:$(head -n 1 "$WORK/out")"
eq "a small submission then: the indexes and triggers are the schema's" \
    "$(aside "$WORK/ref.db")" "$(aside "$WORK/big.db")"
eq "after both: integrity_check" ok \
    "$(q "$WORK/big.db" 'PRAGMA integrity_check')"
last=$(q "$WORK/big.db" "SELECT max(public_no) FROM incidents
    WHERE quarter = '2025Q1'")
q "$WORK/big.db" "INSERT INTO incidents (source, source_ref, org_code,
    region, reported_quarter, occurred_at, category, consequence,
    circumstances_kk, circumstances_ru, profile, anamnesis_kk, anamnesis_ru,
    trigger, sex, age_years, diagnosis_icd10, care_kk, care_ru, measures_kk,
    measures_ru, corrective_plan) SELECT 'manual', source_ref, org_code,
    region, reported_quarter, occurred_at, category, consequence,
    circumstances_kk, circumstances_ru, profile, anamnesis_kk, anamnesis_ru,
    trigger, sex, age_years, diagnosis_icd10, care_kk, care_ru, measures_kk,
    measures_ru, corrective_plan FROM incidents WHERE source = 'small'
    ORDER BY id LIMIT 1"
eq "after both: the trigger numbers a record inserted without a number" \
    "$((last + 1))" "$(q "$WORK/big.db" "SELECT public_no FROM incidents
    WHERE source = 'manual'")"

# ---------------------------------------------------------------------
# Concurrency: a reader keeps its snapshot while an import commits; an
# import waits for another writer.

# sqlite3 reads the fifo as the test writes; each .once file closes
# (and so is complete) after its query.
mkfifo "$WORK/fifo"
sqlite3 "$WORK/parts.db" <"$WORK/fifo" >/dev/null 2>&1 &
rpid=$!
exec 3>"$WORK/fifo"
printf 'BEGIN;\n.once %s\nSELECT count(*) FROM incidents;\n' \
    "$WORK/r1" >&3
i=0
while [ ! -s "$WORK/r1" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
imp --db "$WORK/parts.db" --form insurance --quarter 2025Q1 \
    --source insurance-2025Q1 "$INS" >/dev/null 2>"$WORK/err"
eq "import during a read transaction: succeeds" "0:" "$?:$(cat "$WORK/err")"
printf '.once %s\nSELECT count(*) FROM insurance_cases;\nCOMMIT;\n' \
    "$WORK/r2" >&3
printf '.once %s\nSELECT count(*) FROM insurance_cases;\n' "$WORK/r3" >&3
exec 3>&-
wait $rpid
eq "import during a read transaction: the reader keeps its snapshot" \
    "12 0 12" "$(cat "$WORK/r1" "$WORK/r2" "$WORK/r3" | tr '\n' ' ' |
    sed 's/ $//')"

# Another writer holds the lock for a second: the import waits.
{ printf 'BEGIN IMMEDIATE;\n.once %s\nSELECT 1;\n' "$WORK/w1"; sleep 1;
    printf 'COMMIT;\n'; } | sqlite3 "$WORK/parts.db" &
wpid=$!
i=0
while [ ! -s "$WORK/w1" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
imp --db "$WORK/parts.db" --form insurance --quarter 2025Q1 \
    --source insurance-2025Q1 "$INS" >"$WORK/out" 2>"$WORK/err"
eq "import while another process writes: waits, then succeeds" \
    "0::insurance 2025Q1 from 'insurance-2025Q1': 12 records: 0 added, 0 changed, 12 unchanged, 0 removed" \
    "$?:$(cat "$WORK/err"):$(head -n 1 "$WORK/out")"
wait $wpid

# The writer that held the lock too long (started at the top).
if [ "$lockwait" -eq 1 ]; then
	wait $ipid
	eq "import while another process holds the lock too long: a clear error" \
	    "1:regsite: lock.db: opening for writing: the database is locked by another process (waited 30 s)" \
	    "$(cat "$WORK/lock.rc"):$(sed "s|$WORK/||" "$WORK/lock.err")"
	printf 'COMMIT;\n.quit\n' >&4
	exec 4>&-
	wait $lpid
	eq "... and the database is as it was" "$lock_before" \
	    "$(q "$WORK/lock.db" "SELECT count(*) FROM insurance_cases")"
fi

# One process or two (--jobs 1 reads the files in the importing process,
# the default in a second one): the same output, status and registry,
# for good submissions, bad ones, and several files with a reference
# repeated across them.
sed -n '1p;/^INC-2025-003,/,/^INC-2025-004,/p' "$INC" | sed '$d' \
    >"$WORK/part2.csv"
for case in "incidents $INC" "insurance $INS" \
    "incidents $D/bad-incidents.csv" "insurance $D/bad-insurance.csv" \
    "incidents $D/bad-header.csv" "incidents $INC $WORK/part2.csv" \
    "incidents $WORK/bigbad.csv" "incidents $WORK/nope.csv"; do
	set -- $case
	form=$1
	shift
	for j in 1 2; do
		rm -f "$WORK/j$j.db"*
		cp "$db" "$WORK/j$j.db"
		imp --db "$WORK/j$j.db" --form "$form" --quarter 2025Q1 \
		    --source jobs --jobs $j "$@" >"$WORK/out$j" 2>"$WORK/err$j"
		echo "status $?" >>"$WORK/out$j"
		state "$WORK/j$j.db" >>"$WORK/out$j"
		sed -i "s|$WORK/j$j.db|DB|g" "$WORK/err$j"
	done
	if cmp -s "$WORK/out1" "$WORK/out2" &&
	    cmp -s "$WORK/err1" "$WORK/err2"; then
		ok "--jobs 1 and 2: the same result ($(basename "$1"), $#)"
	else
		fail "--jobs 1 and 2: the same result ($(basename "$1"), $#)"
		diff -u "$WORK/out1" "$WORK/out2" | head -n 20
		diff -u "$WORK/err1" "$WORK/err2" | head -n 20
	fi
done
imp --db "$WORK/j1.db" --form incidents --quarter 2025Q1 --source x \
    --jobs 3 "$INC" >/dev/null 2>"$WORK/err"
eq "--jobs: 1 or 2, then the usage" \
    "2:regsite: import: --jobs: expected 1 or 2, not '3'" \
    "$?:$(head -n 1 "$WORK/err")"

# A write that fails (a full disk) prints no summary of success: only
# what failed and that nothing was imported; the registry is as it was.
mkdir -p "$WORK/tinydb"
if mount -t tmpfs -o size=4m tmpfs "$WORK/tinydb" 2>/dev/null; then
	"$REGSITE" import --db "$WORK/tinydb/r.db" --form incidents \
	    --quarter 2025Q1 --source small "$INC" >/dev/null 2>&1
	awk -v n=20000 -f "$TOP/tests/data/gen-incidents.awk" >"$WORK/big.csv"
	s0=$(sha256sum "$WORK/tinydb/r.db" | cut -c1-64)
	"$REGSITE" import --db "$WORK/tinydb/r.db" --form incidents \
	    --quarter 2025Q1 --source big --lang en "$WORK/big.csv" \
	    >"$WORK/full.out" 2>"$WORK/full.err"
	rc=$?
	check_sh "an import onto a full disk: exit 1, nothing on standard output, what failed and 'nothing imported' ($(head -c 120 "$WORK/full.err"))" \
	    '[ $rc -eq 1 ] && [ ! -s "$WORK/full.out" ] && [ "$(wc -l <"$WORK/full.err")" -eq 1 ] && grep -q "^regsite: $WORK/tinydb/r.db: [a-z ]*: database or disk is full; nothing imported$" "$WORK/full.err"'
	check "... and the registry is as it was" \
	    [ "$(sha256sum "$WORK/tinydb/r.db" | cut -c1-64)" = "$s0" ]
	unmount "$WORK/tinydb"
	rm -f "$WORK/big.csv"
else
	echo "# skip: no tmpfs could be mounted (not root?): the full disk"
fi

# The same record twice in one submission under two references (a row
# exported twice) would count twice: refused, like the same record in
# another submission, unless --allow-duplicates.
python3 - "$INC" "$WORK/self.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
r = list(rows[3])
r[rows[0].index('source_ref')] = 'DUP-REF-1'
csv.writer(open(sys.argv[2], 'w', newline='')).writerows(rows + [r])
PY
expect_err "the same record twice in one submission, under two references" 3 \
    "$WORK/self.csv:16:1: field 'source_ref': the same record is already in this submission: INC-2025-003, line 6 (DUP-REF-1)
1 problem; nothing imported" imp --db "$WORK/self.db" --form incidents \
    --quarter 2025Q1 --source mo1 "$WORK/self.csv"
check "... and no registry was created for it" [ ! -e "$WORK/self.db" ]
imp --db "$WORK/self.db" --form incidents --quarter 2025Q1 --source mo1 \
    --allow-duplicates "$WORK/self.csv" >/dev/null 2>&1
check "... imported with --allow-duplicates (13 records)" \
    [ "$(q "$WORK/self.db" 'SELECT count(*) FROM incidents')" -eq 13 ]
"$REGSITE" validate --db "$WORK/self.db" --lang en >"$WORK/v.out" 2>&1
rc=$?
check_sh "... and validate finds the repeat (status $rc)" \
    '[ $rc -eq 3 ] && grep -qx "$WORK/self.db: incidents id 13: a repeat of id 3 (the same content)" "$WORK/v.out"'
