#!/bin/sh
# tests/bench.sh REGSITE -- benchmarks (make bench).  Prints timings and
# the ratios of issue 13, one a line, labelled "ratio NAME: X (goal
# <= G)"; asserts nothing about them (speed is judged here, not by the
# timed-out test suite).
#
#   BENCH_N        incidents of the main registry (default 100000;
#                  BENCH_N / 10 insurance cases), 9 quarters
#   BENCH_MILLION  1 (default): also build a 10 x BENCH_N registry, for
#                  the scaling ratio and its peak memory; 0 skips it
#   BENCH_IMPORT   rows of the import comparison (default 200000)
#   BENCH_HUGO     1 (default): compare with Hugo (Debian's hugo,
#                  installed here when missing and run as root)
#   BENCH_DROP     1 (default): as root, write back and drop the page
#                  cache before the runs (a cache full of earlier runs'
#                  files makes the kernel reclaim while they write: cp -r
#                  once took 12 s, not 1.6 s); 0 keeps it
#
# The Hugo project is written from regsite's own per-quarter language
# CSV files (tests/bench/hugo-project.py): the same rows, 100 a page,
# both languages, the record tables only.
set -eu
regsite=${1:?usage: tests/bench.sh path/to/regsite}
case $regsite in /*) ;; *) regsite=$(pwd)/$regsite ;; esac
here=$(cd "$(dirname "$0")" && pwd)
n=${BENCH_N:-100000}
import_rows=${BENCH_IMPORT:-200000}
work=$(mktemp -d "${TMPDIR:-/tmp}/regsite-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export TZ=UTC LC_ALL=C.UTF-8
cd "$here/.."
exec 3>&1

now() { date +%s.%N; }
drop_cache() {
	[ "${BENCH_DROP:-1}" = 1 ] && [ "$(id -u)" = 0 ] &&
	    [ -w /proc/sys/vm/drop_caches ] || return 0
	sync && echo 3 >/proc/sys/vm/drop_caches
}
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
ratio() {	# ratio NAME VALUE GOAL
	awk -v n="$1" -v v="$2" -v g="$3" 'BEGIN {
		printf "ratio %s: %.3f (goal <= %s) %s\n", n, v, g,
		    v <= g ? "met" : "NOT met" }'
}
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", (b > 0 ? a / b : 0) }'; }
# timed NAME CMD...: run, print and remember (in $work/t.NAME) the
# seconds and (in $work/k.NAME) the peak memory in KB; the CPU time
# is printed too (the machine may be shared: wall time then says less),
# and the part of it in the kernel: on a virtual machine, writing into
# memory the guest has not used lately is slow (README, Performance),
# and this is where it shows
timed() {
	name=$1; shift
	t0=$(now)
	/usr/bin/time -f '%U %S %M' -o "$work/m.$name" "$@"
	t1=$(now)
	secs "$t0" "$t1" >"$work/t.$name"
	# The last line: user and system seconds, peak memory (KB).
	tail -n 1 "$work/m.$name" | awk '{ print $3 }' >"$work/k.$name"
	echo "$name: $(cat "$work/t.$name") s ($(tail -n 1 "$work/m.$name" |
	    awk '{ printf "%.1f s of CPU, %.1f in the kernel", $1 + $2,
	    $2 }')), peak memory" \
	    "$(($(cat "$work/k.$name") / 1024)) MB" >&3
}
t() { cat "$work/t.$1"; }

printf '[site]\nrecord_pages = no\nrows_per_page = 100\n' >"$work/bench.ini"
# timed_build NAME DB OUT: a timed build, its stage trace in $work/trace
timed_build() {
	REGSITE_TRACE=1 timed "$1" "$regsite" build --db "$2" --out "$3" \
	    --config "$work/bench.ini" --quiet 2>"$work/trace" ||
	    { cat "$work/trace"; exit 1; }
	grep -v '^regsite: \(trace\|warning\): ' "$work/trace" || :
}
stages() { sed -n 's/^regsite: trace: */  stage /p' "$work/trace" |
	grep -v ': levels ' || :; }

# --- the registry and the full build --------------------------------------
drop_cache
echo "registry: $n incidents, $((n / 10)) insurance cases, 9 quarters"
timed demo "$regsite" demo --db "$work/r.db" --quarters 9 \
    --incidents "$n" --insurance $((n / 10))
cp "$work/r.db" "$work/r0.db"	# before any release is remembered
timed_build build "$work/r.db" "$work/site"
stages
bytes=$(du -sb "$work/site" | cut -f1)
files=$(find "$work/site" -type f | wc -l)
echo "output: $bytes bytes in $files files"

# --- the copy floor --------------------------------------------------------
sync
timed cp cp -r "$work/site" "$work/site-copy"
# Trees are removed at the end (or before the registry x10), not
# between timed steps: on this machine's ext4 (no journal) a new inode
# skips, one by one, every inode freed in the last minute (five while
# its block is dirty), so a removed site of 9,600 inodes slowed the
# next step's every mkdir and create (perf: half of rebuild_same's
# CPU after the copy's removal; 383 of Hugo's 6,940 samples after the
# new-quarter site's, against 6 of 5,244 without).  See NOTES.md.

# --- rebuilds ----------------------------------------------------------------
# Nothing changed: the same registry built again over its own site.
timed_build rebuild_same "$work/r.db" "$work/site"
# A new quarter, in the operator's order: the registry without its
# latest quarter built (its release remembered, as every build does),
# that quarter's submissions added to the same registry
# (tests/tools/add-quarter.sh: as an import leaves it), and the site
# built again over the last one.  (Built from two unrelated copies, as
# before 2026-12-05, the two releases number their rows apart: nothing
# but the scrubbing memo could be reused.)
cp "$work/r0.db" "$work/prev.db"
latest=$(sqlite3 "$work/prev.db" "SELECT max(reported_quarter) FROM \
    (SELECT reported_quarter FROM incidents UNION ALL \
    SELECT reported_quarter FROM insurance_cases)")
sqlite3 "$work/prev.db" "PRAGMA foreign_keys = OFF; \
    DELETE FROM incidents WHERE reported_quarter = '$latest'; \
    DELETE FROM insurance_cases WHERE reported_quarter = '$latest'"
timed_build prev "$work/prev.db" "$work/site-q"
sh "$here/tools/add-quarter.sh" "$work/r0.db" "$work/prev.db" "$latest"
sync
timed_build rebuild_quarter "$work/prev.db" "$work/site-q"
stages

# --- Hugo -------------------------------------------------------------------
hugo_t=
if [ "${BENCH_HUGO:-1}" = 1 ]; then
	if ! command -v hugo >/dev/null && [ "$(id -u)" = 0 ]; then
		echo "installing hugo (Debian)..."
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		    --no-install-recommends hugo >/dev/null
	fi
	if command -v hugo >/dev/null; then
		python3 "$here/bench/hugo-project.py" "$work/site" \
		    "$work/hugo" 100
		(cd "$work/hugo" && timed hugo hugo --quiet -d "$work/hugo-out")
		hugo_t=$(t hugo)
		echo "hugo: $(hugo version | cut -d' ' -f1-2)," \
		    "$(du -sb "$work/hugo-out" | cut -f1) bytes"
		rm -rf "$work/hugo" "$work/hugo-out"
	else
		echo "hugo: not installed (apt-get install hugo), skipped"
	fi
fi

# --- import ---------------------------------------------------------------
echo "import: a generated $import_rows-row Form 1 submission"
awk -v n="$import_rows" -f "$here/data/gen-incidents.awk" >"$work/big.csv"
timed import "$regsite" import --db "$work/i.db" --form incidents \
    --quarter 2025Q1 --source bench "$work/big.csv" >/dev/null
timed sqlite_import sqlite3 "$work/s.db" ".mode csv" \
    ".import $work/big.csv t"
rm -f "$work/i.db"* "$work/s.db" "$work/big.csv"

# --- ten times the registry -------------------------------------------------
if [ "${BENCH_MILLION:-1}" = 1 ]; then
	echo "registry x10: $((n * 10)) incidents"
	rm -rf "$work/site" "$work/site-copy" "$work/site-q" \
	    "$work/.site-q.regsite-memo" "$work/prev.db"
	sync	# the freed inodes' blocks clean: skipped for a minute only
	"$regsite" demo --db "$work/big.db" --quarters 9 \
	    --incidents $((n * 10)) --insurance "$n"
	timed_build build10 "$work/big.db" "$work/site10"
	stages
	rm -rf "$work/site10" "$work/big.db"*
fi

# --- the ratios -------------------------------------------------------------
echo
[ -n "$hugo_t" ] && ratio "whole build / Hugo tables-only build" \
    "$(div "$(t build)" "$hugo_t")" 0.5
ratio "whole build / cp -r of its output" "$(div "$(t build)" "$(t cp)")" 3
ratio "output per record (KB)" \
    "$(div "$bytes" "$(((n + n / 10) * 1000))")" 15
[ -f "$work/t.build10" ] && ratio "10x registry / registry build time" \
    "$(div "$(t build10)" "$(t build)")" 10
ratio "rebuild, nothing changed / full build" \
    "$(div "$(t rebuild_same)" "$(t build)")" 0.1
ratio "rebuild after a new quarter / full build" \
    "$(div "$(t rebuild_quarter)" "$(t build)")" 0.3
[ -f "$work/k.build10" ] && ratio "peak memory at 10x (MB)" \
    "$(div "$(cat "$work/k.build10")" 1024)" 64
ratio "regsite import / sqlite3 .import" \
    "$(div "$(t import)" "$(t sqlite_import)")" 2
