#!/bin/sh
# tests/run.sh BUILD -- run every test against the programs in BUILD
# (build or build/asan) and print "N passed, N failed".
#
# A test is a unit-test program BUILD/test_* or a script tests/t_*.sh.
# Each prints one line per check: "ok - what" or "not ok - what"
# (diagnostics on other lines).  A test that exits non-zero without a
# "not ok" line counts as one failure; so does a test that checks
# nothing, unless it says why on a line "# skip: why".
#
# The scripts run REGSITE_JOBS at a time (default 2, the cores of the
# machine the suite is timed on: several scripts mostly wait, on a lock
# held for 30 s, a browser, a server), each with its own output; the
# results are printed in the scripts' order.  REGSITE_JOBS=1 runs them
# one after the other.
set -u
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) ;; *) build=$top/$build ;; esac
export REGSITE="$build/regsite" BUILD="$build" TOP="$top"
export TZ=UTC LC_ALL=C.UTF-8
export ARTIFACTS="$top/tests/artifacts"
mkdir -p "$ARTIFACTS"
jobs=${REGSITE_JOBS:-2}
case $jobs in ''|*[!0-9]*|0) jobs=1 ;; esac

pass=0 fail=0 start=$(date +%s)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run K CMD...: run a test, its output in $tmp/K.log, its exit status
# and seconds in $tmp/K.rc, then mark it done ($tmp/K.done).
run() {
	_k=$1; shift
	_t0=$(date +%s)
	"$@" >"$tmp/$_k.log" 2>&1
	echo "$? $(($(date +%s) - _t0))" >"$tmp/$_k.rc"
	: >"$tmp/$_k.done"
}

# report K NAME: count and print the result of test K.
report() {
	name=$2 log=$tmp/$1.log
	read -r rc secs <"$tmp/$1.rc"
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $name exited with status $rc" >>"$log"
		f=1
	fi
	why=$(sed -n 's/^# skip: //p' "$log" | head -n 1)
	if [ "$f" -eq 0 ] && [ "$p" -eq 0 ] && [ -z "$why" ]; then
		echo "not ok - $name checked nothing" >>"$log"
		f=1
	fi
	pass=$((pass + p)); fail=$((fail + f))
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
# not a test that silently did not run), one after the other.
for c in "$top"/tests/unit/test_*.c; do
	t=$build/$(basename "$c" .c)
	if [ -x "$t" ]; then
		run u "$t"
		report u "$(basename "$t")"
	else
		echo "FAIL $(basename "$t") (not built: make $t)"
		fail=$((fail + 1))
	fi
done

# The shared demo database and site (tests/lib.sh), made before the
# scripts start, so that two of them never make them at once.
sh -c '. "$TOP/tests/lib.sh"; demo_site >/dev/null' >/dev/null 2>&1

# The scripts, $jobs at a time.
set -- "$top"/tests/t_*.sh
n=$#
[ -f "$1" ] || n=0
started=0 shown=0
while [ "$shown" -lt "$n" ]; do
	done_=$(ls "$tmp" | grep -c '^s[0-9]*\.done$')
	while [ $((started - done_)) -lt "$jobs" ] && [ "$started" -lt "$n" ]; do
		started=$((started + 1))
		eval "t=\${$started}"
		run "s$started" sh "$t" &
	done
	k=$((shown + 1))
	if [ -f "$tmp/s$k.done" ]; then
		eval "t=\${$k}"
		report "s$k" "$(basename "$t" .sh)"
		shown=$k
	else
		sleep 0.2
	fi
done
wait

echo "$pass passed, $fail failed ($(($(date +%s) - start)) s)"
[ "$fail" -eq 0 ]
