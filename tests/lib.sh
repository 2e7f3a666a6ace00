# tests/lib.sh -- sourced by the tests/t_*.sh scripts.
#
# ok DESC / fail DESC print a result line; check DESC CMD... runs CMD
# and prints ok or not ok (check_sh: a shell expression); WORK is a
# scratch directory removed at exit.
set -u
: "${REGSITE:?run the tests through tests/run.sh}"
# Scratch space in memory where there is /dev/shm, unless TMPDIR says
# otherwise: a demo site is 150 MB, and writing and removing it on a
# shared disk costs more than the checks.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	WORK=$(mktemp -d /dev/shm/regsite-test.XXXXXX)
else
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/regsite-test.XXXXXX")
fi
trap 'rm -rf "$WORK"' EXIT

ok() { echo "ok - $*"; }
fail() { echo "not ok - $*"; }

check() {
	desc=$1; shift
	if "$@"; then ok "$desc"; else fail "$desc"; fi
}

# check_sh DESC 'EXPR': like check, for a shell expression of several
# commands ('[ "$a" -eq 1 ] && [ -z "$b" ]'; single-quoted, so that it
# is read when checked).  "check DESC [ x ] && [ y ]" would leave the
# second test outside the check.
check_sh() {
	desc=$1
	if eval "$2"; then ok "$desc"; else fail "$desc"; fi
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

# tool DESC CMD...: run a checker that prints its own ok / not ok lines
# (tests/tools/*, csvcheck); its exit status counts too, so a checker
# that dies before its verdict, or prints none, is a failure.
tool() {
	desc=$1; shift
	"$@" >"$WORK/tool.out" 2>&1
	rc=$?
	cat "$WORK/tool.out"
	if grep -q '^not ok ' "$WORK/tool.out"; then
		:
	elif [ "$rc" -ne 0 ]; then
		fail "$desc exited with status $rc"
	elif ! grep -q '^ok ' "$WORK/tool.out"; then
		fail "$desc checked nothing"
	fi
}

# unmount DIR: a tmpfs a test mounted, unmounted; a process of the
# command just tested (rsync's receiver) may hold it a moment longer.
unmount() {
	for _i in 1 2 3 4 5 6 7 8 9 10; do
		umount "$1" 2>/dev/null && return 0
		sleep 0.5
	done
	fail "$1: unmounted"
	return 0
}

# A shared demo database per build directory (made once, reused; made
# again when regsite or the demo corpus in content/demo/ is newer).
demo_db() {
	db="$BUILD/test-demo.db"
	if [ ! -f "$db" ] || [ "$REGSITE" -nt "$db" ] ||
	    [ -n "$(find "$TOP/content/demo" -newer "$db" 2>/dev/null |
	    head -n 1)" ]; then
		rm -f "$db" "$db-wal" "$db-shm"
		"$REGSITE" demo --db "$db" --source "$TOP" >/dev/null ||
		    return 1
	fi
	echo "$db"
}

# The demo site, built once per build directory from demo_db with
# content/site.ini and shared by the tests that only read it; rebuilt
# when regsite, the database or anything in content/, templates/ or
# static/ is newer.  Beside it: test-site.report (--report, in Russian),
# test-site.summary and test-site.stderr (what the build printed),
# test-site.status (its exit status).  Prints the site's directory.
# Tests must not change it: copy it, or build their own.
demo_site() {
	_db=$(demo_db) || return 1
	_site="$BUILD/test-site"
	_stamp="$BUILD/test-site.status"
	if [ "$(cat "$_stamp" 2>/dev/null)" != 0 ] ||
	    [ "$REGSITE" -nt "$_stamp" ] ||
	    [ "$_db" -nt "$_stamp" ] || [ -n "$(find "$TOP/content" \
	    "$TOP/templates" "$TOP/static" -newer "$_stamp" 2>/dev/null |
	    head -n 1)" ]; then
		rm -f "$_stamp" "$_site.report"
		"$REGSITE" build --db "$_db" --out "$_site" --no-record \
		    --config "$TOP/content/site.ini" --source "$TOP" \
		    --report "$_site.report" --lang ru >"$_site.summary" \
		    2>"$_site.stderr"
		echo $? >"$_stamp"
	fi
	[ "$(cat "$_stamp")" = 0 ] || return 1
	echo "$_site"
}

# regress_site REGSITE OUT [SOURCE]: the golden tests' registry, a few
# records per form over two quarters (tests/regress/*.csv, one late),
# imported in a fixed order and built into OUT with
# tests/regress/site.ini from SOURCE (default $TOP), at a fixed time.
regress_site() {
	_rs=$1 _out=$2 _src=${3:-$TOP}
	_rdb="$WORK/regress.db"
	rm -f "$_rdb" "$_rdb-wal" "$_rdb-shm"
	for _f in incidents-2025Q1 insurance-2025Q1 incidents-2025Q2 \
	    insurance-2025Q2; do
		"$_rs" import --db "$_rdb" --form "${_f%-*}" \
		    --quarter "${_f#*-}" --source "regress-${_f%-*}" \
		    "$TOP/tests/regress/$_f.csv" >/dev/null || return 1
	done
	SOURCE_DATE_EPOCH=1751328000 "$_rs" build --db "$_rdb" --out "$_out" \
	    --config "$TOP/tests/regress/site.ini" --source "$_src" --quiet
}

# regress_normalise FILE: FILE as the golden files keep it, the
# fingerprints of static assets (style.0123456789.css) made HASH, so
# that a change of CSS or JavaScript leaves the pages' goldens alone;
# a gzip file (records.json.gz) as the text it holds.
regress_normalise() {
	case $1 in
	*.gz)	gzip -dc "$1" ;;
	*)	cat "$1" ;;
	esac | sed -E 's/\.[0-9a-f]{10}\.(css|js)/.HASH.\1/g'
}
