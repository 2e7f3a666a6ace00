#!/bin/sh
# tests/bench.sh REGSITE -- benchmarks (make bench).  Prints timings;
# asserts nothing about them.
#
#   import   a generated 1,000,000-row Form 1 submission into a new
#            database, then the same file again (a resubmission that
#            replaces every record)
set -eu
regsite=${1:?usage: tests/bench.sh path/to/regsite}
case $regsite in /*) ;; *) regsite=$(pwd)/$regsite ;; esac
rows=${BENCH_ROWS:-1000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/regsite-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export TZ=UTC LC_ALL=C.UTF-8

now() { date +%s.%N; }
# rate ROWS START END: "N rows in S s (R rows/s)"
rate() {
	awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN {
		s = b - a; if (s <= 0) s = 0.001
		printf "%d rows in %.2f s (%d rows/s)\n", n, s, n / s }'
}

echo "generating a $rows-row Form 1 submission..."
awk -v n="$rows" -f "$(dirname "$0")/data/gen-incidents.awk" >"$work/big.csv"
echo "  $(wc -c <"$work/big.csv") bytes"

t0=$(now)
"$regsite" import --db "$work/bench.db" --form incidents --quarter 2025Q1 \
    --source bench "$work/big.csv" >/dev/null
t1=$(now)
printf 'import (new database): '; rate "$rows" "$t0" "$t1"

t0=$(now)
"$regsite" import --db "$work/bench.db" --form incidents --quarter 2025Q1 \
    --source bench "$work/big.csv" >/dev/null
t1=$(now)
printf 'import (identical resubmission: every record compared, unchanged): '; rate "$rows" "$t0" "$t1"

t0=$(now)
"$regsite" validate --db "$work/bench.db" >/dev/null
t1=$(now)
printf 'validate: '; rate "$rows" "$t0" "$t1"

# --- demo and build -----------------------------------------------------
#
#   demo     a 1,000,000-incident synthetic registry
#   build    the site of a BENCH_BUILD-incident registry (default 100,000;
#            tables of 500 rows, no record pages), with peak memory

demo_n=${BENCH_DEMO:-1000000}
t0=$(now)
"$regsite" demo --db "$work/demo.db" --incidents "$demo_n" \
    --insurance $((demo_n / 10))
t1=$(now)
printf 'demo: '; rate "$demo_n" "$t0" "$t1"
rm -f "$work/demo.db"

build_n=${BENCH_BUILD:-100000}
"$regsite" demo --db "$work/build.db" --incidents "$build_n" \
    --insurance $((build_n / 10))
printf '[site]\nrecord_pages = no\nrows_per_page = 500\n' >"$work/bench.ini"
t0=$(now)
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f '%M' -o "$work/rss" "$regsite" build \
	    --db "$work/build.db" --out "$work/site" --config "$work/bench.ini"
else
	"$regsite" build --db "$work/build.db" --out "$work/site" \
	    --config "$work/bench.ini"
fi
t1=$(now)
printf 'build: '; rate "$build_n" "$t0" "$t1"
[ -f "$work/rss" ] && echo "build: peak memory $(($(cat "$work/rss") / 1024)) MB"
REGSITE_TRACE=1 "$regsite" build --db "$work/build.db" --out "$work/site" \
    --config "$work/bench.ini" --quiet 2>&1 | grep -v ': levels ' || true

# --- the scrubber --------------------------------------------------------
#
#   scrub    every free text of the build's registry, each record's
#            Kazakh and Russian texts together (tests/tools/scrubscore.c)
scrubscore=$(dirname "$regsite")/scrubscore
if [ -x "$scrubscore" ] && command -v sqlite3 >/dev/null; then
	for c in circumstances anamnesis care measures; do
		sqlite3 -separator '	' "$work/build.db" "SELECT \
		    replace(replace(${c}_kk, char(10), ' '), char(9), ' '), \
		    replace(replace(${c}_ru, char(10), ' '), char(9), ' ') \
		    FROM incidents UNION ALL SELECT \
		    replace(replace(${c}_kk, char(10), ' '), char(9), ' '), \
		    replace(replace(${c}_ru, char(10), ' '), char(9), ' ') \
		    FROM insurance_cases"
	done >"$work/texts.tsv"
	printf 'scrub: '
	(cd "$(dirname "$0")/.." && TOP=$(pwd) "$scrubscore" -b \
	    "$work/texts.tsv" 1) | sed 's/^# //'
fi
