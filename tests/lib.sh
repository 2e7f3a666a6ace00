# tests/lib.sh -- sourced by the tests/t_*.sh scripts.
#
# ok DESC / fail DESC print a result line; check DESC CMD... runs CMD
# and prints ok or not ok; WORK is a scratch directory removed at exit.
set -u
: "${REGSITE:?run the tests through tests/run.sh}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/regsite-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

ok() { echo "ok - $*"; }
fail() { echo "not ok - $*"; }

check() {
	desc=$1; shift
	if "$@"; then ok "$desc"; else fail "$desc"; fi
}

# expect_err DESC STATUS MESSAGE CMD... : CMD fails with exit status
# STATUS and its standard error is exactly MESSAGE.
expect_err() {
	desc=$1 want_rc=$2 want_msg=$3; shift 3
	"$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	got=$(cat "$WORK/err")
	if [ "$rc" -eq "$want_rc" ] && [ "$got" = "$want_msg" ]; then
		ok "$desc"
	else
		fail "$desc"
		echo "  want status $want_rc: $want_msg"
		echo "  got status $rc: $got"
	fi
}

# A shared demo database per build directory (made once, reused).
demo_db() {
	db="$BUILD/test-demo.db"
	if [ ! -f "$db" ] || [ "$REGSITE" -nt "$db" ]; then
		rm -f "$db" "$db-wal" "$db-shm"
		"$REGSITE" demo --db "$db" >/dev/null || return 1
	fi
	echo "$db"
}
