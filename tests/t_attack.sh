# t_attack.sh -- the attacker suite of issue 11: a determined reader
# with every release, both languages and a solver tries to learn what
# the tables hide.  Independent of the privacy stage: everything is
# read back from the published site (and the registry is used only as
# the ground truth an attack is scored against).
#
# The scenario: the demo registry is built (release A); a late incident
# for 2025 Q1 from a region that quarter rarely shows, reported in the
# latest quarter, is imported (B); one record is withdrawn (C); an
# overdue submission of 11 incidents for 2025 Q1 is imported (D); a new
# quarter with a single record is added (E).  Each release is built into a new
# directory from the same registry file (the privacy stage may keep its
# memory there).  The attacks (tests/attack/, one "ok"/"not ok" line
# each, with the offending records and figures):
#   1 narratives.mjs   text-derived attributes joined to the rows (A)
#   2 releases.mjs     the releases A..E compared (stable rows and
#                      numbers, the union k-anonymous, no revealing
#                      differences of closed quarters' figures)
#   3 audit.mjs        every count table audited as a linear program
#                      with glpsol (A)
#   4 tiny.mjs         the one-record quarter (E)
#   5 order.mjs        public numbers vs import order, submissions and
#                      hidden months (D, scored against the registry)
#   6 utility.mjs      the share of quasi-identifier cells shown (A)
#
# ATTACK_INCIDENTS / ATTACK_INSURANCE run it on a larger demo registry
# (make attack-big).  ATTACK_WORK=DIR keeps the releases in DIR, and
# with ATTACK_REUSE=1 the attacks run again on them without building.
. "$TOP/tests/lib.sh"
# Under ASan+UBSan (make test-asan) the five builds take minutes and test
# nothing about memory the other tests do not: the attacks run once.
case $BUILD in */asan)
	echo "# skip: the attacker suite runs in the plain build only"; exit 0 ;;
esac
W=${ATTACK_WORK:-$WORK}
mkdir -p "$W"

K=11 L=2 SMALL=8 ROUND=5
A="$TOP/tests/attack"
NODE="node --max-semi-space-size=32"
t0=$(date +%s)
reg="$W/reg.db"

if [ -n "${ATTACK_REUSE:-}" ] && [ -d "$W/E" ]; then
	echo "# reusing the releases in $W"
else
rm -f "$W/reg.db"*
if [ -n "${ATTACK_INCIDENTS:-}" ]; then
	"$REGSITE" demo --db "$W/reg.db" --incidents "$ATTACK_INCIDENTS" \
	    --insurance "${ATTACK_INSURANCE:-$((ATTACK_INCIDENTS / 10))}" \
	    >/dev/null || { fail "the large demo registry is made"; exit 1; }
else
	db=$(demo_db) || { fail "the demo database could not be made"; exit 1; }
	sqlite3 "$db" ".backup '$W/reg.db'" ||
	    { fail "the demo database is copied"; exit 1; }
fi

# build NAME: a release of the registry as it is now.  The demo site's
# settings, without the page per record (it repeats the table rows,
# and t_privacy checks that they agree; leaving it out saves most of
# the files).
sed 's/^record_pages *=.*/record_pages = no/' "$TOP/content/site.ini" >"$W/site.ini"
build() {
	"$REGSITE" build --db "$reg" --out "$W/$1" \
	    --config "$W/site.ini" --report "$W/$1.report" \
	    --quiet >"$W/$1.log" 2>&1 ||
	    { fail "release $1 builds"; sed 's/^/  /' "$W/$1.log"; return 1; }
	# A large registry's release keeps only what the attacks read: the
	# machine CSVs, the charts and the pages that are not tables.
	[ -z "${ATTACK_INCIDENTS:-}" ] || rm -rf "$W/$1/data/all" \
	    "$W/$1"/data/*/*-kk.* "$W/$1"/data/*/*-ru.* \
	    "$W/$1"/kk/data/*.csv "$W/$1"/kk/data/*.json \
	    "$W/$1"/ru/data/*.csv "$W/$1"/ru/data/*.json \
	    "$W/$1"/kk/*/incidents "$W/$1"/kk/*/insurance \
	    "$W/$1"/ru/*/incidents "$W/$1"/ru/*/insurance
}
latest=$(sqlite3 "$reg" "SELECT max(reported_quarter) FROM (SELECT reported_quarter FROM incidents UNION ALL SELECT reported_quarter FROM insurance_cases)")
next=$(echo "$latest" | awk '{ y = substr($0, 1, 4); q = substr($0, 6, 1) + 1; if (q > 4) { y++; q = 1 } printf "%dQ%d\n", y, q }')

# A: the registry as it is (A.db keeps it, the ground truth of A).
rm -f "$W/A.db"*
sqlite3 "$reg" ".backup '$W/A.db'"
build A || exit 1

# B: a late incident for 2025 Q1, reported in the latest quarter.
region=$($NODE "$A/late.mjs" "$reg" "$TOP/tests/data/incidents-2025Q1.csv" \
    "$W/late.csv" 2025Q1 ATTACK-LATE-1 "$W/submission.csv") &&
"$REGSITE" import --db "$reg" --form incidents --quarter "$latest" \
    --source attack-late "$W/late.csv" >"$W/import-B.log" 2>&1 ||
    { fail "the late record is imported"; cat "$W/import-B.log"; exit 1; }
echo "# B: a late incident for 2025Q1 from $region, reported in $latest"
build B || exit 1

# C: one record withdrawn -- a 2025 Q2 record of release A's smallest
# class (matched to the registry by its content).
victim=$($NODE "$A/victim.mjs" "$W/A" "$W/A.db" 2025Q2) ||
    { fail "a record to withdraw is found"; exit 1; }
set -- $victim
sqlite3 "$reg" "DELETE FROM incidents WHERE id = $2" ||
    { fail "the record is withdrawn"; exit 1; }
echo "# C: $1 (id $2) withdrawn"
build C || exit 1

# D: one hospital's overdue submission for 2025 Q1 (the other records of
# tests/data/incidents-2025Q1.csv), reported for 2025 Q1 like the
# records already published.
"$REGSITE" import --db "$reg" --form incidents --quarter 2025Q1 \
    --source attack-submission "$W/submission.csv" \
    >"$W/import-D.log" 2>&1 ||
    { fail "the late submission is imported"; cat "$W/import-D.log"; exit 1; }
echo "# D: $(head -n 1 "$W/import-D.log")"
build D || exit 1

# E: a new quarter with a single record.
$NODE "$A/late.mjs" "$reg" "$TOP/tests/data/incidents-2025Q1.csv" \
    "$W/tiny.csv" "$next" ATTACK-TINY-1 >/dev/null &&
"$REGSITE" import --db "$reg" --form incidents --quarter "$next" \
    --source attack-tiny "$W/tiny.csv" >"$W/import-E.log" 2>&1 ||
    { fail "the one-record quarter is imported"; cat "$W/import-E.log"; exit 1; }
echo "# E: one incident in $next"
build E || exit 1
t1=$(date +%s)
echo "# five releases built in $((t1 - t0)) s"
fi
t1=$(date +%s)

# run TOOL ARGS: one attack, its time on a comment line.
status=0
run() {
	s=$(date +%s)
	$NODE "$A/$@" || status=1
	echo "# $1: $(($(date +%s) - s)) s"
}
run selftest.mjs
run narratives.mjs "$W/A" $K $L "$W/A.db"
if command -v glpsol >/dev/null 2>&1; then
	run audit.mjs "$W/A" $K $SMALL $ROUND "$TOP/content/site.ini"
else
	fail "audit: glpsol (Debian glpk-utils; make deps installs it) is installed"
	status=1
fi
run releases.mjs $K $L --steps=3 A="$W/A" B="$W/B" C="$W/C" D="$W/D" \
    E="$W/E"
run tiny.mjs $K "$W/D" "$W/E"
run order.mjs "$W/D" "$reg" "$W/A" "$W/B" "$W/C"
run utility.mjs "$W/A" 60 30
echo "# attacks ran in $(($(date +%s) - t1)) s"
exit $status
