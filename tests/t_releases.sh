# t_releases.sh -- releases that stay.  Three releases of the golden
# registry (tests/regress, k = 2), each built and remembered in turn:
# 2025Q1; 2025Q2 (a new quarter); 2025Q3 (a new quarter, a submission
# withdrawn, two records revised).  Each later build makes every
# earlier release's page figures and rows again, byte for byte as its
# own build wrote them; what changed is counted per quarter and form
# (added, revised, withdrawn); the feed has an entry per release; a
# preview (--no-record) is marked and remembers nothing.
. "$TOP/tests/lib.sh"

db=$WORK/rel.db
ini=$TOP/tests/regress/site.ini
imp() {	# FORM QUARTER FILE [SOURCE]
	"$REGSITE" import --db "$db" --form "$1" --quarter "$2" \
	    --source "${4:-regress-$1}" "$3" >/dev/null
}
build() {	# OUT [OPTIONS]
	_o=$1; shift
	SOURCE_DATE_EPOCH=1751328000 "$REGSITE" build --db "$db" \
	    --out "$_o" --config "$ini" --source "$TOP" --quiet "$@"
}
R=$TOP/tests/regress

# Release 1: 2025Q1.
imp incidents 2025Q1 "$R/incidents-2025Q1.csv" &&
    imp insurance 2025Q1 "$R/insurance-2025Q1.csv"
check "release 2025Q1 imports" [ $? -eq 0 ]
build "$WORK/s1"
check "release 2025Q1 builds" [ $? -eq 0 ]
check "release 2025Q1 is remembered" \
    [ "$(sqlite3 "$db" 'SELECT group_concat(release) FROM releases')" = 2025Q1 ]

# Release 2: 2025Q2 (its late Q1 record too).
imp incidents 2025Q2 "$R/incidents-2025Q2.csv" &&
    imp insurance 2025Q2 "$R/insurance-2025Q2.csv"
build "$WORK/s2"
check "release 2025Q2 builds" [ $? -eq 0 ]
cp "$db" "$WORK/rel2.db"

# A preview of release 3 changes nothing remembered.
sed -e 's/^R-20/R-30/' -e 's/2025-04-/2025-07-/' -e 's/2025-05-/2025-08-/' \
    -e 's/2025-03-20/2025-07-20/' "$R/incidents-2025Q2.csv" >"$WORK/i3.csv"
imp incidents 2025Q3 "$WORK/i3.csv" regress-q3
build "$WORK/p3" --no-record
check "a preview builds" [ $? -eq 0 ]
check "a preview is not remembered" \
    [ "$(sqlite3 "$db" 'SELECT group_concat(release) FROM releases')" = 2025Q1,2025Q2 ]
check "a preview's release page says it is a preview" \
    grep -q '<p class="release-status">Предпросмотр: эта сборка не сохранена как выпуск.</p>' \
    "$WORK/p3/ru/releases/2025-q3/index.html"
check "a preview's feed entry says it is a preview" \
    grep -q '<title>Выпуск: III квартал 2025 года (предпросмотр)</title>' \
    "$WORK/p3/ru/feed.xml"

# Release 3: the Q1 insurance submission withdrawn, R-101 and R-102
# revised (another diagnosis, both: a class of their own).
"$REGSITE" withdraw --db "$db" --form insurance --quarter 2025Q1 \
    --source regress-insurance --yes >/dev/null 2>&1
check "a submission is withdrawn" [ $? -eq 0 ]
sed -e '/^R-10[12],/s/,K80\.[0-9]*,/,K81.0,/' "$R/incidents-2025Q1.csv" \
    >"$WORK/i1.csv"
check "the revision changes two records" \
    [ "$(diff "$R/incidents-2025Q1.csv" "$WORK/i1.csv" | grep -c '^>')" -eq 2 ]
imp incidents 2025Q1 "$WORK/i1.csv"
build "$WORK/s3"
check "release 2025Q3 builds" [ $? -eq 0 ]
check "three releases are remembered" \
    [ "$(sqlite3 "$db" 'SELECT group_concat(release) FROM releases')" = 2025Q1,2025Q2,2025Q3 ]

# Frozen: the later builds make the earlier releases' files again.
for r in 2025-q1 2025-q2; do
	for f in incidents insurance; do
		n=$(echo "$r" | tr -d -- '-q')
		case $r in 2025-q1) first=s1 ;; *) first=s2 ;; esac
		check "release $r's $f rows are the same in the last build as in its own" \
		    cmp -s "$WORK/$first/data/releases/$r/$f.csv" \
		    "$WORK/s3/data/releases/$r/$f.csv"
	done
done
check "release 2025-q1's page figures are the same in the last build" \
    sh -c "sed -n '/<tbody>/,/<\/tfoot>/p' '$WORK/s1/ru/releases/2025-q1/index.html' >'$WORK/f1' &&
	sed -n '/<tbody>/,/<\/tfoot>/p' '$WORK/s3/ru/releases/2025-q1/index.html' >'$WORK/f3' &&
	[ -s '$WORK/f1' ] && diff -u '$WORK/f1' '$WORK/f3'"
n1=$(($(wc -l <"$WORK/s3/data/releases/2025-q1/insurance.csv") - 1))
n3=$(($(wc -l <"$WORK/s3/data/releases/2025-q3/insurance.csv") - 1))
check_sh "the withdrawn rows stay in release 2025Q1's file ($n1), not in 2025Q3's ($n3)" \
    '[ "$n1" -eq 4 ] && [ "$n3" -eq 4 ]'
check "release 2025Q3's insurance rows have no Q1 row" \
    sh -c "! grep -q '^\"2025Q1-S-' '$WORK/s3/data/releases/2025-q3/insurance.csv'"

# What changed in 2025Q3, per quarter and form.
row() {	# PAGE QUARTER FORM -> "added revised withdrawn"
	grep "<th scope=\"row\"><a [^>]*>$2</a></th><td>$3</td>" "$1" |
	    head -n 1 | sed -E 's|.*<td class="num">([^<]*)</td><td class="num">([^<]*)</td><td class="num">([^<]*)</td></tr>.*|\1 \2 \3|'
}
p=$WORK/s3/ru/releases/2025-q3/index.html
check "2025Q3: Form 2 of I quarter: 4 withdrawn" \
    [ "$(row "$p" 'I квартал 2025 года' 'Страховые случаи')" = "0 0 4" ]
check "2025Q3: Form 1 of I quarter: 2 revised (2 added, 2 withdrawn)" \
    [ "$(row "$p" 'I квартал 2025 года' 'Медицинские инциденты')" = "2 2 2" ]
got=$(row "$p" 'III квартал 2025 года' 'Медицинские инциденты')
check "2025Q3: Form 1 of III quarter: added, none revised or withdrawn ($got)" \
    sh -c "echo '$got' | grep -Eq '^[1-9][0-9]* 0 0$'"
check "2025Q3: quarters without changes are not listed" \
    sh -c "! grep -q '<th scope=\"row\"><a [^>]*>II квартал 2025 года</a></th>' '$p'"
check "2025Q3 is compared with 2025Q2, which it links" \
    grep -q 'По сравнению с предыдущим выпуском: <a href="../../../ru/releases/2025-q2/index.html">II квартал 2025 года</a>.' "$p"
check "the home page shows the same what-changed table" \
    sh -c "sed -n '/<caption id=\"chg-cap\">/,/<\/tbody>/p' '$p' >'$WORK/c1' &&
	sed -n '/<caption id=\"chg-cap\">/,/<\/tbody>/p' '$WORK/s3/ru/index.html' | sed 's|\.\./ru/|../../../ru/|g' >'$WORK/c2' &&
	[ -s '$WORK/c1' ] && cmp -s '$WORK/c1' '$WORK/c2'"
check "release 2025Q1 says a later release exists" \
    grep -q 'Следующий выпуск: <a href="../../../ru/releases/2025-q2/index.html">' \
    "$WORK/s3/ru/releases/2025-q1/index.html"
check "a release page gives a citation with its address" \
    grep -q '<p class="citation" id="citation">Тестовая организация. Тестовый реестр. Выпуск: I квартал 2025 года, 1 апреля 2025 года. https://registry.example.kz/ru/releases/2025-q1/</p>' \
    "$WORK/s3/ru/releases/2025-q1/index.html"

# One revision alone is not shown (it would link two rows of a
# record): after release 2025Q2, R-101 becomes like R-105 and joins its
# remembered class; a preview of 2025Q2 again, against 2025Q1.
python3 - "$R/incidents-2025Q1.csv" "$WORK/i1b.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='')))
h = rows[0]
for r in rows[1:]:
	if r[0] == 'R-101':
		r[h.index('occurred_at')] = '2025-03-05T10:00'
		r[h.index('sex')] = 'F'
		r[h.index('age_years')] = '58'
		r[h.index('diagnosis_icd10')] = 'I50.0'
		r[h.index('profile')] = 'therapy'
csv.writer(open(sys.argv[2], 'w', newline='')).writerows(rows)
PY
db=$WORK/rel2.db
imp incidents 2025Q1 "$WORK/i1b.csv"
build "$WORK/s4" --no-record
got=$(row "$WORK/s4/ru/releases/2025-q2/index.html" 'I квартал 2025 года' 'Медицинские инциденты')
check "a single revision is shown as not shown, never as 1 ($got)" \
    [ "$got" = "2 Не показано 1" ]

# Each release's figures are counts of its own rows (its file): rows
# and outcomes per quarter and form, and the totals -- nothing the rows
# do not show.
for r in 2025-q1 2025-q2 2025-q3; do
	check "release $r's figures are the counts of its own rows" \
	    node "$TOP/tests/tools/release-figures.mjs" "$WORK/s3" "$r"
done

# The feed: an entry per release, newest first, each linking its page.
check "the feed has an entry per release, newest first" \
    [ "$(grep -o '<id>https://registry.example.kz/kk/releases/[^<]*</id>' "$WORK/s3/kk/feed.xml" | tr '\n' ' ')" = \
    "<id>https://registry.example.kz/kk/releases/2025-q3/</id> <id>https://registry.example.kz/kk/releases/2025-q2/</id> <id>https://registry.example.kz/kk/releases/2025-q1/</id> " ]
check "the feed is well-formed XML" \
    python3 -c "import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])" "$WORK/s3/kk/feed.xml"
check "the releases page lists the three" \
    [ "$(grep -c '<tr><th scope="row"><a href="../../kk/releases/2025-q[123]/index.html">' "$WORK/s3/kk/releases/index.html")" -eq 3 ]
check "SHA256SUMS covers the releases' files" \
    sh -c "cd '$WORK/s3/data' && sha256sum --quiet -c SHA256SUMS && grep -c 'releases/' SHA256SUMS | grep -qx 6"
db=$WORK/rel.db
build "$WORK/s3b" --no-record
check "a rebuild from the same database: the same releases' files and pages" \
    sh -c "diff -r '$WORK/s3/data/releases' '$WORK/s3b/data/releases' >/dev/null &&
	cmp -s '$WORK/s3/ru/releases/2025-q1/index.html' '$WORK/s3b/ru/releases/2025-q1/index.html'"

# regsite reanonymize: without --yes it warns in the operator's
# language, says what it would forget and changes nothing; with --yes
# it forgets every release, and the next build remembers afresh.
f=$WORK/forget.db
cp "$db" "$f"
nrel=$(sqlite3 "$f" 'SELECT count(DISTINCT release) FROM releases')
nrow=$(sqlite3 "$f" 'SELECT count(*) FROM published')
ndef=$(sqlite3 "$f" 'SELECT count(*) FROM deferred')
check "the release memory has 3 releases, 25 published rows and no deferred record to forget ($nrel, $nrow, $ndef)" \
    [ "$nrel" -eq 3 -a "$nrow" -eq 25 -a "$ndef" -eq 0 ]
sum0=$(sqlite3 "$f" 'SELECT release, form, quarter, no FROM published ORDER BY 1, 2, 3, 4' | sha256sum)
"$REGSITE" reanonymize --db "$f" >"$WORK/fo.out" 2>"$WORK/fo.err"
rc=$?
check "reanonymize without --yes: exit 0, what it would forget, in Kazakh" \
    [ $rc -eq 0 -a "$(cat "$WORK/fo.out")" = "$f: ұмытылар еді: 3 шығарылым: 25 жарияланған жол, 0 кейінге қалдырылған жазба (--yes қосып қайта іске қосыңыз)" ]
check "... warned first, in Kazakh, on standard error" \
    [ "$(head -n 1 "$WORK/fo.err")" = "regsite: warning: reanonymize бұрынғы шығарылымдар жариялағанның бәрін ұмытады." -a "$(wc -l <"$WORK/fo.err")" -eq 7 ]
check "... and forgot nothing" \
    [ "$(sqlite3 "$f" 'SELECT release, form, quarter, no FROM published ORDER BY 1, 2, 3, 4' | sha256sum)" = "$sum0" ]
"$REGSITE" reanonymize --db "$f" --lang ru >"$WORK/fo.out" 2>"$WORK/fo.err"
check "reanonymize --lang ru: the same in Russian" \
    [ "$(cat "$WORK/fo.out")" = "$f: было бы забыто: 3 выпуска: 25 опубликованных строк, 0 отложенных записей (повторите с --yes)" -a \
    "$(head -n 1 "$WORK/fo.err")" = "regsite: warning: reanonymize забывает всё, что опубликовали прежние выпуски." ]
expect_err "reanonymize --lang xx: a usage error" 2 "regsite: reanonymize: --lang: expected 'kk' or 'ru', not 'xx'
$("$REGSITE" --help 2>&1)" "$REGSITE" reanonymize --db "$f" --lang xx
"$REGSITE" reanonymize --db "$f" --yes --lang ru >"$WORK/fo.out" 2>/dev/null
rc=$?
check "reanonymize --yes: exit 0, what it forgot" \
    [ $rc -eq 0 -a "$(cut -d';' -f2- "$WORK/fo.out")" = " следующая сборка начнёт с начала" ]
check "... every release, published row and deferred record" \
    [ "$(sqlite3 "$f" 'SELECT (SELECT count(*) FROM releases) + (SELECT count(*) FROM published) + (SELECT count(*) FROM deferred)')" -eq 0 ]
db=$f
build "$WORK/s4"
check "the next build succeeds and remembers one release" \
    [ $? -eq 0 -a "$(sqlite3 "$f" 'SELECT count(DISTINCT release) FROM releases')" -eq 1 ]
db=$WORK/rel.db

# A region corrected alone (an organisation's records were coded with
# the wrong region, and the corrected submission is imported): no row
# shows a region, so no published file may change, not even the closed
# quarter's regional figures (they would tell which records moved).
# Five records of 2025Q2's most frequent region: a move of five changes
# every rounded figure it touches.
demo=$(demo_db) && cp "$demo" "$WORK/region.db"
check "the demo registry is copied" [ $? -eq 0 ]
db=$WORK/region.db
build "$WORK/g1" --config "$TOP/content/site.ini" 2>/dev/null
check "the demo registry's release builds" [ $? -eq 0 ]
from=$(sqlite3 "$db" "SELECT region FROM incidents WHERE quarter = '2025Q2' GROUP BY region ORDER BY count(*) DESC, region LIMIT 1")
to=$(sqlite3 "$db" "SELECT code FROM regions WHERE code <> '$from' ORDER BY code LIMIT 1")
n0=$(sqlite3 "$db" "SELECT count(*) FROM incidents WHERE quarter = '2025Q2' AND region = '$from'")
sqlite3 "$db" "UPDATE incidents SET region = '$to' WHERE id IN (SELECT id FROM incidents WHERE quarter = '2025Q2' AND region = '$from' ORDER BY id LIMIT 5)"
n1=$(sqlite3 "$db" "SELECT count(*) FROM incidents WHERE quarter = '2025Q2' AND region = '$from'")
check "five 2025Q2 records move from $from to $to ($n0 -> $n1)" \
    [ "$n0" -ge 10 -a "$n1" -eq $((n0 - 5)) ]
build "$WORK/g2" --config "$TOP/content/site.ini" 2>/dev/null
check "the next build succeeds" [ $? -eq 0 ]
check "after a region corrected alone, no published file changed" \
    diff -r -x .regsite "$WORK/g1" "$WORK/g2"
db=$WORK/rel.db
