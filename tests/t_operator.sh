# t_operator.sh -- imports that protect the registry from the operator's
# mistakes (issue 15) and the CSV and database edge cases of issue 16:
# --source required, late submissions, records already in the registry,
# unchanged resubmissions, totals after a dry run, regsite withdraw,
# the removal guard, one language per message; control bytes in every
# field, CR-only files, blank rows, white space, invisible characters,
# refused files left alone, read-only databases.
. "$TOP/tests/lib.sh"
cd "$TOP" || exit 1
D=tests/data
INC=$D/incidents-2025Q1.csv
INS=$D/insurance-2025Q1.csv

eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		fail "$1"
		echo "  want: $2"
		echo "  got:  $3"
	fi
}
q() { sqlite3 "$1" "$2"; }
state() {
	sqlite3 "$1" "SELECT * FROM incidents ORDER BY id;
	    SELECT * FROM insurance_cases ORDER BY id;
	    SELECT * FROM public_numbers ORDER BY 1, 2;
	    SELECT * FROM submissions ORDER BY 1, 2, 3" | sha256sum
}
imp() { "$REGSITE" import "$@"; }

db=$WORK/reg.db
imp --db "$db" --form incidents --quarter 2025Q1 --source gkb-4 "$INC" \
    >/dev/null && imp --db "$db" --form insurance --quarter 2025Q1 \
    --source insurance-pool "$INS" >/dev/null || fail "importing the examples"

# ---------------------------------------------------------------------
# Stumble 2: the 2025 Q1 file imported again for 2025 Q2.

s0=$(state "$db")
imp --db "$db" --form incidents --quarter 2025Q2 "$INC" >"$WORK/out" \
    2>"$WORK/err"
eq "no --source: refused (usage)" \
    "2:regsite: import: --source NAME is required (the submitter, so that its quarters are matched)" \
    "$?:$(head -n 1 "$WORK/err")"

imp --db "$db" --form incidents --quarter 2025Q2 --source gkb4 "$INC" \
    >"$WORK/out" 2>"$WORK/err"
eq "another source, the same records: refused" 3 $?
eq "another source: the first problem (kk)" \
    "$INC:2:1: 'source_ref' өрісі: тізілімде бар: оны 'gkb-4' 2025Q1 үшін жіберген (source_ref пен org_code бірдей) (INC-2025-001)" \
    "$(head -n 1 "$WORK/err")"
eq "another source: the hint and the count (kk)" \
    "жазбалар тізілімде бұрыннан бар: --source не --quarter қате емес пе? --allow-duplicates оларды бәрібір жүктейді
12 қате; ештеңе жүктелмеді" "$(tail -n 2 "$WORK/err")"
eq "another source: nothing imported" "$s0" "$(state "$db")"

imp --db "$db" --form incidents --quarter 2025Q2 --source gkb4 --lang ru \
    "$INC" >"$WORK/out" 2>"$WORK/err"
eq "another source: the first problem (ru)" \
    "$INC:2:1: поле 'source_ref': уже есть в реестре: её подал 'gkb-4' за 2025Q1 (те же source_ref и org_code) (INC-2025-001)" \
    "$(head -n 1 "$WORK/err")"
eq "another source: the count (ru)" "12 проблем; ничего не импортировано" \
    "$(tail -n 1 "$WORK/err")"

# The same content under other references (a re-export with new ids).
sed 's/^INC-2025-/R-/' "$INC" >"$WORK/renamed.csv"
imp --db "$db" --form incidents --quarter 2025Q2 --source other \
    --lang en "$WORK/renamed.csv" >"$WORK/out" 2>"$WORK/err"
eq "the same content, other references: refused" \
    "3:$WORK/renamed.csv:2:1: field 'source_ref': the same record is already in the registry: INC-2025-001, submitted by 'gkb-4' for 2025Q1 (R-001)" \
    "$?:$(head -n 1 "$WORK/err")"
imp --db "$db" --form incidents --quarter 2025Q2 --source gkb-4 \
    --lang en "$WORK/renamed.csv" >"$WORK/out" 2>"$WORK/err"
eq "the same content from the same source for another quarter: refused" \
    "3:12 problems; nothing imported" "$?:$(tail -n 1 "$WORK/err")"
eq "... and nothing imported" "$s0" "$(state "$db")"

# Both checks look the registry's records up by index, so that an
# import costs its own size, not the registry's (REGSITE_EXPLAIN: each
# query, then its plan).  A refused import, so the database is as it was.
sed 's/^EIP-2025-/R-/' "$INS" >"$WORK/renamed-ins.csv"
rm -f "$WORK/plan.txt"
REGSITE_EXPLAIN="$WORK/plan.txt" "$REGSITE" import --db "$db" \
    --form incidents --quarter 2025Q2 --source other "$WORK/renamed.csv" \
    >/dev/null 2>&1
REGSITE_EXPLAIN="$WORK/plan.txt" "$REGSITE" import --db "$db" \
    --form insurance --quarter 2025Q2 --source other \
    "$WORK/renamed-ins.csv" >/dev/null 2>&1
eq "the duplicate checks' plans: by the indexes, no scan of the registry" \
    "SEARCH m USING INDEX incidents_ref (source_ref=? AND org_code=?)
SEARCH m USING INDEX incidents_content (occurred_at=? AND org_code=? AND diagnosis_icd10=?)
SEARCH m USING INDEX insurance_cases_ref (source_ref=? AND org_code=?)
SEARCH m USING INDEX insurance_cases_content (occurred_at=? AND org_code=? AND diagnosis_icd10=?)" \
    "$(grep '^  .* m\( \|$\)' "$WORK/plan.txt" | sed 's/^ *//')"
eq "... and nothing imported" "$s0" "$(state "$db")"

# Many records of one minute, organization and diagnosis would make the
# index's candidates grow with the square of their number: such a
# submission is matched by a key of every record's values instead, and
# finds the same duplicates.
awk -v n=300 -f "$TOP/tests/data/gen-incidents.awk" | python3 -c '
import csv, sys
r = csv.reader(sys.stdin); w = csv.writer(sys.stdout, lineterminator="\n")
h = next(r); w.writerow(h)
first = None
for row in r:
    first = first or row
    for c in ("occurred_at", "org_code", "diagnosis_icd10"):
        row[h.index(c)] = first[h.index(c)]
    w.writerow(row)' >"$WORK/crowd.csv"
sed 's/^GEN-/ALT-/' "$WORK/crowd.csv" >"$WORK/crowd2.csv"
imp --db "$WORK/crowd.db" --form incidents --quarter 2025Q1 --source a \
    "$WORK/crowd.csv" >/dev/null 2>&1 || fail "importing the crowded file"
rm -f "$WORK/plan.txt"
REGSITE_EXPLAIN="$WORK/plan.txt" "$REGSITE" import --db "$WORK/crowd.db" \
    --form incidents --quarter 2025Q1 --source b --lang en \
    "$WORK/crowd2.csv" >/dev/null 2>"$WORK/err"
eq "300 records of one minute, organization and diagnosis, again under other references: all refused, by the values' keys" \
    "3:$WORK/crowd2.csv:2:1: field 'source_ref': the same record is already in the registry: GEN-0000001, submitted by 'a' for 2025Q1 (ALT-0000001)
300 problems; nothing imported:SEARCH m USING INTEGER PRIMARY KEY (rowid=?)" \
    "$?:$(head -n 1 "$WORK/err")
$(tail -n 1 "$WORK/err"):$(grep -A4 'temp.mkeys' "$WORK/plan.txt" |
    grep '^  SEARCH m ' | sed 's/^ *//')"

# A database of schema version 2 (before those indexes) is upgraded by
# the next import, whole: the indexes and the version, nothing else.
cp "$db" "$WORK/v2.db"
q "$WORK/v2.db" "DROP INDEX incidents_ref; DROP INDEX incidents_content;
    DROP INDEX insurance_cases_ref; DROP INDEX insurance_cases_content;
    PRAGMA user_version = 2"
imp --db "$WORK/v2.db" --form incidents --quarter 2025Q1 --source gkb-4 \
    "$INC" >/dev/null 2>&1
eq "schema version 2: upgraded to 3 by an import, its indexes made" \
    "3 incidents_content incidents_ref insurance_cases_content insurance_cases_ref" \
    "$(q "$WORK/v2.db" "PRAGMA user_version") $(q "$WORK/v2.db" \
    "SELECT name FROM sqlite_schema WHERE name GLOB '*_ref' OR
    name GLOB '*_content' ORDER BY 1" | tr '\n' ' ' | sed 's/ $//')"
eq "... and the records are as they were" "$s0" "$(state "$WORK/v2.db")"
cp "$db" "$WORK/v2.db"
q "$WORK/v2.db" "DROP INDEX incidents_ref; PRAGMA user_version = 2"
imp --db "$WORK/v2.db" --form incidents --quarter 2025Q1 --source gkb-4 \
    "$INC" >/dev/null 2>"$WORK/err"
eq "an upgrade that fails says so and changes nothing" \
    "1:regsite: $WORK/v2.db: upgrading schema version 2 to 3: index incidents_content already exists:2" \
    "$?:$(cat "$WORK/err"):$(q "$WORK/v2.db" "PRAGMA user_version")"

# Told so, the records are imported: all of them late.
cp "$db" "$WORK/late.db"
imp --db "$WORK/late.db" --form incidents --quarter 2025Q2 --source other \
    --allow-duplicates --lang en "$WORK/renamed.csv" >"$WORK/out" \
    2>"$WORK/err"
eq "--allow-duplicates: imported, as late records, and it says so" \
    "0:incidents 2025Q2 from 'other': 12 records: 12 added, 0 changed, 0 unchanged, 0 removed
late records: every event lies before 2025Q2; the records are added to the quarters of their events (is --quarter right?)" \
    "$?:$(head -n 2 "$WORK/out")"
eq "late records (kk)" \
    "кешіккен жазбалар: барлық оқиға 2025Q2 тоқсанынан бұрын болған; жазбалар өз оқиғаларының тоқсандарына қосылады (--quarter дұрыс па?)" \
    "$(imp --db "$db" --form incidents --quarter 2025Q2 --source other \
    --allow-duplicates --dry-run "$WORK/renamed.csv" | sed -n 2p)"
eq "late records: stored under their event quarters, reported 2025Q2" \
    "2024Q4|2025Q2|1 2025Q1|2025Q2|11" \
    "$(q "$WORK/late.db" "SELECT quarter, reported_quarter, count(*)
    FROM incidents WHERE source = 'other' GROUP BY 1, 2" | tr '\n' ' ' |
    sed 's/ $//')"

# ---------------------------------------------------------------------
# Stumble 4: an identical resubmission, and the totals of a dry run.

sum0=$(sha256sum "$db" | cut -c1-64)
imp --db "$db" --form incidents --quarter 2025Q1 --source gkb-4 --dry-run \
    --lang en "$INC" >"$WORK/out" 2>"$WORK/err"
eq "identical resubmission, dry run: unchanged" \
    "0:dry run, nothing written: incidents 2025Q1 from 'gkb-4': 12 records: 0 added, 0 changed, 12 unchanged, 0 removed
unchanged: the registry already holds exactly these records; nothing written" \
    "$?:$(head -n 2 "$WORK/out")"
imp --db "$db" --form incidents --quarter 2025Q1 --source gkb-4 "$INC" \
    >"$WORK/out" 2>"$WORK/err"
eq "identical resubmission: unchanged (kk)" \
    "0:оқыс оқиғалар, 2025Q1, жіберуші 'gkb-4': 12 жазба: 0 қосылды, 0 өзгерді, 12 өзгеріссіз, 0 жойылды
өзгеріс жоқ: тізілімде дәл осы жазбалар бар; ештеңе жазылмады" \
    "$?:$(head -n 2 "$WORK/out")"
eq "identical resubmission: the database file is untouched" "$sum0" \
    "$(sha256sum "$db" | cut -c1-64)"

# A dry run shows the totals as they would be after the import.
{ head -n 1 "$INS"; sed -n '2,4p' "$INS"; } >"$WORK/ins3.csv"
imp --db "$db" --form insurance --quarter 2025Q2 --source pool2 --dry-run \
    --lang ru --allow-duplicates "$WORK/ins3.csv" >"$WORK/out"
eq "dry run: the totals after the import (ru)" \
    "в базе после импорта: 12 инцидентов, 15 страховых случаев" \
    "$(tail -n 1 "$WORK/out")"
eq "dry run: the database is unchanged" "$s0" "$(state "$db")"

# ---------------------------------------------------------------------
# Withdrawing a submission (stumble 3), and the removal guard (16.11).

cp "$db" "$WORK/w.db"
head -n 1 "$INC" >"$WORK/header.csv"
s1=$(state "$WORK/w.db")
imp --db "$WORK/w.db" --form incidents --quarter 2025Q1 --source gkb-4 \
    --lang en "$WORK/header.csv" >"$WORK/out" 2>"$WORK/err"
eq "a header-only file for an existing submission: refused" \
    "3:the import would remove records of the submission: 12 of 12 (more than 25%); give --allow-removal if that is intended, or withdraw the whole submission with regsite withdraw
nothing imported" "$?:$(cat "$WORK/err")"
eq "... and nothing removed" "$s1" "$(state "$WORK/w.db")"
# Records missing at the end (a truncated export): refused too.
head -n 8 "$INC" >"$WORK/half.csv"
imp --db "$WORK/w.db" --form incidents --quarter 2025Q1 --source gkb-4 \
    --lang en "$WORK/half.csv" >/dev/null 2>"$WORK/err"
eq "a truncated export: refused" \
    "3:the import would remove records of the submission: 7 of 12 (more than 25%); give --allow-removal if that is intended, or withdraw the whole submission with regsite withdraw" \
    "$?:$(head -n 1 "$WORK/err")"
imp --db "$WORK/w.db" --form incidents --quarter 2025Q1 --source gkb-4 \
    --lang en --max-removal 60 "$WORK/half.csv" >"$WORK/out" 2>"$WORK/err"
eq "--max-removal 60: seven of twelve may go" \
    "0:incidents 2025Q1 from 'gkb-4': 5 records: 0 added, 0 changed, 5 unchanged, 7 removed" \
    "$?:$(head -n 1 "$WORK/out")"

cp "$db" "$WORK/w2.db"
imp --db "$WORK/w2.db" --form incidents --quarter 2025Q1 --source gkb-4 \
    --allow-removal --lang en "$WORK/header.csv" >"$WORK/out" 2>"$WORK/err"
eq "--allow-removal: a header-only file empties the submission" \
    "0:incidents 2025Q1 from 'gkb-4': 0 records: 0 added, 0 changed, 0 unchanged, 12 removed" \
    "$?:$(head -n 1 "$WORK/out")"

s1=$(state "$WORK/w.db")
cp "$db" "$WORK/w.db"
s1=$(state "$WORK/w.db")
"$REGSITE" withdraw --db "$WORK/w.db" --form incidents --quarter 2025Q1 \
    --source gkb-4 >"$WORK/out" 2>"$WORK/err"
eq "withdraw without --yes: a dry run (kk)" \
    "0:сынақ, ештеңе жазылмады: оқыс оқиғалар, 2025Q1, жіберуші 'gkb-4': 12 жазба: қайтарып алынады (--yes қайтарып алады)
қайтарып алудан кейін дерекқорда: 0 оқыс оқиға, 12 сақтандыру жағдайы" \
    "$?:$(cat "$WORK/out")"
eq "withdraw without --yes: nothing changed" "$s1" "$(state "$WORK/w.db")"
"$REGSITE" withdraw --db "$WORK/w.db" --form incidents --quarter 2025Q1 \
    --source gkb-4 --yes --lang ru >"$WORK/out" 2>"$WORK/err"
eq "withdraw --yes (ru)" \
    "0:инциденты, 2025Q1, источник 'gkb-4': 12 записей: отозваны
в базе после отзыва: 0 инцидентов, 12 страховых случаев" \
    "$?:$(cat "$WORK/out")"
eq "withdraw: the records and the submission are gone, the numbers stay taken" \
    "0|insurance|incidents|2024Q4|1 incidents|2025Q1|11 insurance|2025Q1|12" \
    "$(q "$WORK/w.db" "SELECT count(*) FROM incidents;
    SELECT group_concat(form) FROM submissions;
    SELECT * FROM public_numbers ORDER BY 1, 2" | tr '\n' ' ' |
    sed 's/|/|/; s/ $//; s/^\([0-9]*\) /\1|/; s/|insurance /|insurance|/')"
eq "withdraw: the registry is valid" "0" \
    "$("$REGSITE" validate --db "$WORK/w.db" >/dev/null 2>&1; echo $?)"
imp --db "$WORK/w.db" --form incidents --quarter 2025Q1 --source gkb-4 \
    "$INC" >/dev/null
eq "re-imported after a withdrawal: new numbers, never the old ones" \
    "2024Q4|2|2 2025Q1|12|22" "$(q "$WORK/w.db" "SELECT quarter,
    min(public_no), max(public_no) FROM incidents GROUP BY quarter" |
    tr '\n' ' ' | sed 's/ $//')"
expect_err "withdraw: no such submission" 1 \
    "regsite: no such submission in the registry: incidents 2025Q3 from 'gkb-4'" \
    "$REGSITE" withdraw --db "$WORK/w.db" --form incidents --quarter 2025Q3 \
    --source gkb-4 --yes --lang en
expect_err "withdraw: no such database" 1 \
    "regsite: $WORK/nope.db: no such database file" \
    "$REGSITE" withdraw --db "$WORK/nope.db" --form incidents \
    --quarter 2025Q1 --source gkb-4
check "withdraw: no database file created" [ ! -e "$WORK/nope.db" ]

# ---------------------------------------------------------------------
# One language per line: the region names follow --lang; English shows
# the codes only.
for l in kk:Алматы ru:Алматы en:; do
	lang=${l%%:*}
	line=$(imp --db "$WORK/l.db" --form incidents --quarter 2025Q1 \
	    --source gkb-4 --dry-run --lang "$lang" "$INC" | grep KZ-75)
	case $lang in
	kk) want="       12  KZ-75  Алматы қаласы" ;;
	ru) want="       12  KZ-75  город Алматы" ;;
	en) want="       12  KZ-75" ;;
	esac
	eq "the region names in the summary ($lang)" "$want" "$line"
done
expect_err "--lang: kk or ru" 2 "regsite: import: --lang: expected 'kk' or 'ru', not 'de'
$("$REGSITE" --help 2>&1)" imp --db "$WORK/l.db" --form incidents \
    --quarter 2025Q1 --source t --lang de "$INC"

# ---------------------------------------------------------------------
# Issue 16.4: a NUL (or any control byte) in any field is rejected.

line5=$(sed -n 5p "$INC")
{ head -n 1 "$INC"; printf '%s\n' "$line5" |
    sed 's/,F,58,/,F,5\x00999,/'; } >"$WORK/nul.csv"
expect_err "a NUL in age_years: rejected" 3 \
    "$WORK/nul.csv:2:14: field 'age_years': contains the control character U+0000 (5<U+0000>999)
1 problem; nothing imported" imp --db "$WORK/n.db" --form incidents \
    --quarter 2025Q1 --source t --lang en "$WORK/nul.csv"
check "a NUL in age_years: nothing stored, not even the registry the import would have created" \
    [ ! -e "$WORK/n.db" -a ! -e "$WORK/n.db-wal" -a ! -e "$WORK/n.db-shm" ]

# Every column of both forms, with a NUL, a BEL, a DEL and the first and
# last C1 controls in turn.
ctl_all() {
	form=$1 file=$2 row=$3
	ncol=$(head -n 1 "$file" | tr ',' '\n' | wc -l)
	bad=0
	for b in '\000' '\007' '\177' '\302\200' '\302\237'; do
		i=1
		while [ $i -le "$ncol" ]; do
			{
				head -n 1 "$file"
				# The row, the byte after its field i.
				j=1 IFS=,
				for f in $row; do
					[ $j -gt 1 ] && printf ,
					printf '%s' "$f"
					[ $j -eq $i ] && printf "$b"
					j=$((j + 1))
				done
				unset IFS
				echo
			} >"$WORK/ctl.csv"
			imp --db "$WORK/c.db" --form "$form" --quarter 2025Q1 \
			    --source t --lang en "$WORK/ctl.csv" \
			    >/dev/null 2>"$WORK/err"
			if [ $? -ne 3 ] || ! grep -q "contains the control character U+00" "$WORK/err"; then
				bad=$((bad + 1))
				echo "  $form column $i, byte $b: $(head -n 1 "$WORK/err")"
			fi
			i=$((i + 1))
		done
	done
	eq "a NUL, BEL, DEL or C1 control in any of the $ncol $form columns is rejected" 0 $bad
}
ctl_all incidents "$INC" \
    "C-1,ORG,KZ-71,2025-02-14T10:30,clinical,with,a,b,surgery,a,b,no,M,60,K35,a,b,a,b,yes"
ctl_all insurance "$INS" \
    "C-1,ORG,KZ-71,2025-02-14T10:30,a,b,surgery,M,K35,yes,a,b,iatrogenic,none,a,b,a,b,a,b"
# Their neighbours are no controls: U+00A0 (C2 A0), guillemets (C2 AB,
# C2 BB), U+00BF and U+0100 (C4 80) in a text.
{ head -n 1 "$INC"; printf 'C-1,ORG,KZ-71,2025-02-14T10:30,clinical,with,a\302\253\302\240\302\273\302\277\304\200b,b,surgery,a,b,no,M,60,K35,a,b,a,b,yes\n'; } >"$WORK/nbsp.csv"
imp --db "$WORK/nb.db" --form incidents --quarter 2025Q1 --source t \
    --lang en "$WORK/nbsp.csv" >/dev/null 2>"$WORK/err"
rc=$?
eq "no-break space, guillemets, U+00BF and U+0100 in a text: imported" \
    "0:$(printf 'a\302\253\302\240\302\273\302\277\304\200b')" \
    "$rc:$(q "$WORK/nb.db" 'SELECT circumstances_kk FROM incidents')"

# ---------------------------------------------------------------------
# Issue 16.5: CR-only line ends, blank rows, white space, invisibles.

# (The file's one CRLF becomes a CR; the org_code with a quoted line
# break now holds a CR.)
sed 's/\r$//' $D/bad-incidents.csv | tr '\n' '\r' >"$WORK/cr.csv"
imp --db "$WORK/c.db" --form incidents --quarter 2025Q1 --source t \
    --lang en "$WORK/cr.csv" 2>&1 >/dev/null |
    sed "s|$WORK/cr.csv|$D/bad-incidents.csv|" >"$WORK/err"
sed 's/U+000A (ALM\\nGKB)/U+000D (ALM\\rGKB)/' $D/bad-incidents.err \
    >"$WORK/want"
if diff -u "$WORK/want" "$WORK/err" >"$WORK/diff"; then
	ok "CR-only line ends: the same messages at the same lines"
else
	fail "CR-only line ends: the same messages at the same lines"
	head -n 20 "$WORK/diff"
fi

{ head -n 1 "$INC"; awk 'BEGIN { for (i = 0; i < 256; i++) printf ",";
    for (i = 0; i < 43; i++) printf "x,"; print "x" }'; } >"$WORK/wide.csv"
expect_err "300 fields, the first 256 empty: not a blank row" 3 \
    "$WORK/wide.csv:2: 300 fields, but the header has 20 columns
1 problem; nothing imported" imp --db "$WORK/c.db" --form incidents \
    --quarter 2025Q1 --source t --lang en "$WORK/wide.csv"

# Spaces around values are dropped, quoted or not: " QS1" is QS1.
row='ORG,KZ-71,2025-02-14T10:30,clinical,with,a,b,surgery,a,b,no,M,60,K35,a,b,a,b,yes'
{ head -n 1 "$INC"; printf '" QS1 ",%s\n' "$row"; } >"$WORK/sp1.csv"
{ head -n 1 "$INC"; printf 'QS1,%s\n' "$row"; } >"$WORK/sp2.csv"
{ head -n 1 "$INC"; printf '  QS1  ,%s\n' "$row" |
    sed 's/,KZ-71,/," KZ-71 ",/; s/,M,/, M ,/; s/,60,/,"60 ",/'; } \
    >"$WORK/sp3.csv"
imp --db "$WORK/sp.db" --form incidents --quarter 2025Q1 --source t \
    --lang en "$WORK/sp1.csv" >/dev/null 2>"$WORK/err"
eq "a quoted value with spaces around it: imported" "0:" \
    "$?:$(cat "$WORK/err")"
imp --db "$WORK/sp.db" --form incidents --quarter 2025Q1 --source t \
    --lang en "$WORK/sp2.csv" >"$WORK/out" 2>"$WORK/err"
eq "\" QS1 \" and QS1 are the same record" \
    "incidents 2025Q1 from 't': 1 record: 0 added, 0 changed, 1 unchanged, 0 removed" \
    "$(head -n 1 "$WORK/out")"
imp --db "$WORK/sp.db" --form incidents --quarter 2025Q1 --source t \
    --lang en "$WORK/sp3.csv" >"$WORK/out" 2>"$WORK/err"
eq "codes with spaces around them, quoted or not: the same record" \
    "incidents 2025Q1 from 't': 1 record: 0 added, 0 changed, 1 unchanged, 0 removed" \
    "$(head -n 1 "$WORK/out")"
eq "stored trimmed" "QS1|KZ-71|M|60" \
    "$(q "$WORK/sp.db" 'SELECT source_ref, region, sex, age_years
    FROM incidents')"

# Invisible characters are shown escaped, and a reference must not hold
# them.
{ head -n 1 "$INC" | sed 's/,org_code,/,\xef\xbb\xbforg_code,/'; } \
    >"$WORK/bom.csv"
imp --db "$WORK/c.db" --form incidents --quarter 2025Q1 --source t \
    --lang en "$WORK/bom.csv" >/dev/null 2>"$WORK/err"
eq "a BOM inside the header: shown escaped" \
    "$WORK/bom.csv:1: missing column 'org_code'
$WORK/bom.csv:1:2: unknown column '<U+FEFF>org_code'" \
    "$(head -n 2 "$WORK/err")"
{ head -n 1 "$INC"; printf 'QS1\342\200\213,%s\n' "$row"; } >"$WORK/zw.csv"
expect_err "a zero-width space in source_ref: rejected, shown escaped" 3 \
    "$WORK/zw.csv:2:1: field 'source_ref': contains the invisible character U+200B (QS1<U+200B>)
1 problem; nothing imported" imp --db "$WORK/c.db" --form incidents \
    --quarter 2025Q1 --source t --lang en "$WORK/zw.csv"

# ---------------------------------------------------------------------
# Issue 16.6: a refused file is left as it was; a read-only database can
# be built and validated.

sqlite3 "$WORK/other.db" 'CREATE TABLE notes (t TEXT); INSERT INTO notes
    VALUES (1)'
sum0=$(sha256sum "$WORK/other.db" | cut -c1-64)
expect_err "a non-registry SQLite file: refused" 1 \
    "regsite: $WORK/other.db: not a registry database (schema version 0, unknown tables; regsite needs version 3)" \
    imp --db "$WORK/other.db" --form incidents --quarter 2025Q1 \
    --source t "$INC"
eq "... not switched to WAL, not changed" "delete:$sum0:" \
    "$(q "$WORK/other.db" 'PRAGMA journal_mode'):$(sha256sum \
    "$WORK/other.db" | cut -c1-64):$(ls "$WORK"/other.db-* 2>/dev/null)"

if [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null &&
    unshare -m true 2>/dev/null; then
	mkdir -p "$WORK/ro"
	# In a private mount namespace: a read-only tmpfs holding the
	# registry (in WAL mode, as regsite leaves it).
	unshare -m sh -c '
		mount -t tmpfs tmpfs "$1/ro" && cp "$2" "$1/ro/reg.db" &&
		mount -o remount,ro "$1/ro" || exit 9
		"$3" validate --db "$1/ro/reg.db" --lang en >"$1/ro.out" 2>&1
		echo "validate $?" >>"$1/ro.out"
		"$3" build --db "$1/ro/reg.db" --out "$1/ro-site" --quiet \
		    >"$1/ro.build" 2>&1
		echo "build $?" >>"$1/ro.build"
		# (the defaults warn: not the subject here)
		grep -v "^regsite: warning: " "$1/ro.build" >>"$1/ro.out"
		ls "$1/ro" >>"$1/ro.out"' sh "$WORK" "$db" "$REGSITE"
	eq "a database on a read-only file system: validated and built" \
	    "$WORK/ro/reg.db: ok: 12 incidents, 12 insurance cases
validate 0
build 0
reg.db" "$(cat "$WORK/ro.out")"
	check "... the site is there" [ -f "$WORK/ro-site/index.html" ]
else
	echo "# skip: read-only file system (needs root and unshare -m)"
fi

# ---------------------------------------------------------------------
# Issue 15, stumble 6: a busy port is said once.

mkdir -p "$WORK/site0" && echo x >"$WORK/site0/index.html"
# (A port another test holds fails the first server: try the next.)
try=0
while :; do
	bport=$((40000 + ($$ * 11 + try * 7) % 20000))
	"$REGSITE" serve --dir "$WORK/site0" --port "$bport" 2>/dev/null &
	spid=$!
	i=0
	while ! curl -sf -o /dev/null "http://127.0.0.1:$bport/" &&
	    kill -0 $spid 2>/dev/null && [ $i -lt 100 ]
	do
		sleep 0.1; i=$((i + 1))
	done
	kill -0 $spid 2>/dev/null && break
	try=$((try + 1))
	[ $try -lt 10 ] || { fail "no free port for the busy-port test"; break; }
done
expect_err "serve on a busy port: one message" 1 \
    "regsite: cannot listen on 127.0.0.1:$bport: Address already in use" \
    "$REGSITE" serve --dir "$WORK/site0" --port "$bport"
kill $spid 2>/dev/null
wait $spid 2>/dev/null
:
