#!/bin/sh
# tests/run.sh BUILD -- run every test against the programs in BUILD
# (build or build/asan) and print "N passed, N failed".
#
# A test is a unit-test program BUILD/test_* or a script tests/t_*.sh.
# Each prints one line per check: "ok - what" or "not ok - what"
# (diagnostics on other lines).  A test that exits non-zero without a
# "not ok" line counts as one failure; so does a test that checks
# nothing, unless it says why on a line "# skip: why".
set -u
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) ;; *) build=$top/$build ;; esac
export REGSITE="$build/regsite" BUILD="$build" TOP="$top"
export TZ=UTC LC_ALL=C.UTF-8
export ARTIFACTS="$top/tests/artifacts"
mkdir -p "$ARTIFACTS"

pass=0 fail=0 start=$(date +%s)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_one() {
	name=$1; shift
	t0=$(date +%s)
	"$@" >"$log" 2>&1
	rc=$?
	secs=$(($(date +%s) - t0))
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $name exited with status $rc" >>"$log"
		f=1
	fi
	pass=$((pass + p)); fail=$((fail + f))
	why=$(sed -n 's/^# skip: //p' "$log" | head -n 1)
	if [ "$f" -eq 0 ] && [ "$p" -eq 0 ] && [ -z "$why" ]; then
		echo "not ok - $name checked nothing" >>"$log"
		f=1
		fail=$((fail + 1))
	fi
	if [ "$f" -eq 0 ] && [ "$p" -eq 0 ]; then
		echo "SKIP $name ($why)"
	elif [ "$f" -gt 0 ]; then
		echo "FAIL $name ($p passed, $f failed; $secs s)"
		sed 's/^/    /' "$log" | grep -v '^    ok ' | tail -n 60
	else
		echo "PASS $name ($p; $secs s)"
	fi
}

# Every unit test of tests/unit/, built (a missing one is a failure,
# not a test that silently did not run).
for c in "$top"/tests/unit/test_*.c; do
	t=$build/$(basename "$c" .c)
	if [ -x "$t" ]; then
		run_one "$(basename "$t")" "$t"
	else
		echo "FAIL $(basename "$t") (not built: make $t)"
		fail=$((fail + 1))
	fi
done
for t in "$top"/tests/t_*.sh; do
	[ -f "$t" ] || continue
	run_one "$(basename "$t" .sh)" sh "$t"
done

echo "$pass passed, $fail failed ($(($(date +%s) - start)) s)"
[ "$fail" -eq 0 ]
