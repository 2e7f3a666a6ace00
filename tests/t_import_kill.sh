# t_import_kill.sh -- fault injection: regsite import killed (SIGKILL)
# at every call of every system call that touches the database files
# (strace -e inject=SYSCALL:signal=KILL:when=N), and failing with ENOSPC
# or EIO at every write and sync: the registry is afterwards exactly the
# old state or exactly the new one, PRAGMA integrity_check is ok, and
# the next import works.
. "$TOP/tests/lib.sh"

if ! command -v strace >/dev/null 2>&1; then
	echo "# skip: strace is not installed (make deps-test)"
	exit 0
fi
if ! strace -f -qq -o /dev/null true 2>/dev/null; then
	echo "# skip: strace cannot trace here (no ptrace)"
	exit 0
fi

INC=$TOP/tests/data/incidents-2025Q1.csv
cd "$WORK" || exit 1

state() {
	sqlite3 "$1" "SELECT * FROM incidents ORDER BY id;
	    SELECT * FROM public_numbers ORDER BY 1, 2;
	    SELECT * FROM submissions ORDER BY 1, 2, 3" | sha256sum
}

# The registry before: the example; the resubmission changes a record,
# withdraws one, adds one (so every kind of write happens).
"$REGSITE" import --db base.db --form incidents --quarter 2025Q1 \
    --source gkb-4 "$INC" >/dev/null || fail "the base registry"
awk '/^INC-2025-003,/ { skip = 1 } /^INC-2025-004,/ { skip = 0 }
    !skip { print }' "$INC" | sed 's/,F,58,/,F,59,/' >resub.csv
sed -n '/^INC-2025-002,/,/^INC-2025-003,/p' "$INC" | sed '$d' |
    sed 's/^INC-2025-002,/INC-2025-013,/' >>resub.csv
old=$(state base.db)
cp base.db new.db
"$REGSITE" import --db new.db --form incidents --quarter 2025Q1 \
    --source gkb-4 resub.csv >/dev/null || fail "the resubmission"
new=$(state new.db)
check "the resubmission changes the registry" [ "$old" != "$new" ]

# (Under ASan, no leak check: LeakSanitizer cannot stop the world of a
# process that strace already traces.)
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
export ASAN_OPTIONS

# How often the import makes each call (this binary: ASan makes more):
# the most that one of its two processes makes (the second reads the
# files), since strace counts each process's calls apart.
rm -f t.db t.db-wal t.db-shm
cp base.db t.db
strace -f -qq -o calls.txt "$REGSITE" import --db t.db \
    --form incidents --quarter 2025Q1 --source gkb-4 resub.csv >/dev/null
calls="pwrite64 write fdatasync fsync ftruncate unlink openat close fcntl"
ncalls() {
	awk -v s="$1(" 'index($2, s) == 1 { c[$1]++ }
	    END { m = 0; for (p in c) if (c[p] > m) m = c[p]; print m }' \
	    calls.txt
}

# run_one INJECT: the import with strace -e inject=INJECT; the state
# must be old or new, the database intact.  Counts runs and bad ones.
# A kill can also hit the process that reads the files (strace -f):
# then the import fails (status 1) and says so, and nothing changed;
# or dies itself when it says so (its own first write).  t_import.sh
# kills the reader alone.
runs=0 bad=0 sigkilled=0 readerkilled=0
run_one() {
	rm -f t.db t.db-wal t.db-shm
	cp base.db t.db
	strace -f -qq -o /dev/null -e trace="${1%%:*}" -e inject="$1" \
	    "$REGSITE" import --db t.db --form incidents --quarter 2025Q1 \
	    --source gkb-4 resub.csv >/dev/null 2>err
	rc=$?
	runs=$((runs + 1))
	[ "$2" = kill ] && [ $rc -eq 137 ] && sigkilled=$((sigkilled + 1))
	ic=$(sqlite3 t.db 'PRAGMA integrity_check' 2>&1)
	s=$(state t.db)
	if [ "$2" = kill ] && [ $rc -eq 1 ] && [ "$(cat err)" = \
	    "regsite: import: the process reading the files ended early" ]
	then
		readerkilled=$((readerkilled + 1))
		if [ "$s" != "$old" ]; then
			bad=$((bad + 1))
			echo "  $1: the reader killed, but the state changed"
		fi
	fi
	if [ "$ic" != ok ] || { [ "$s" != "$old" ] && [ "$s" != "$new" ]; }
	then
		bad=$((bad + 1))
		echo "  $1: exit $rc, integrity_check: $ic, state:" \
		    "$([ "$s" = "$old" ] && echo old || { [ "$s" = "$new" ] &&
		    echo new || echo neither; })"
	fi
	if [ "$2" = error ] && [ "$s" = "$old" ] && [ $rc -ne 1 ]; then
		bad=$((bad + 1))
		echo "  $1: the import failed but exit status $rc: $(cat err)"
	fi
}

killed=0
for sc in $calls; do
	n=$(ncalls "$sc")
	i=1
	while [ "$i" -le "$n" ]; do
		run_one "$sc:signal=KILL:when=$i" kill
		i=$((i + 1))
		killed=$((killed + 1))
	done
done
check_sh "killed at each of $killed system calls: old or new state, intact ($bad bad)" \
    '[ "$bad" -eq 0 ] && [ "$killed" -gt 50 ]'
# (strace injects only into calls it traces: -e trace=none would make
# every injection a no-op and this test vacuous.)
check "the injected SIGKILL did kill the import or its reader ($sigkilled and $readerkilled of $killed runs)" \
    [ "$((sigkilled + readerkilled))" -eq "$killed" ]

bad=0
failed=0
for sc in pwrite64 fdatasync ftruncate; do
	n=$(ncalls "$sc")
	i=1
	while [ "$i" -le "$n" ]; do
		run_one "$sc:error=ENOSPC:when=$i" error
		run_one "$sc:error=EIO:when=$i" error
		i=$((i + 1))
		failed=$((failed + 2))
	done
done
check_sh "ENOSPC or EIO at each of $failed writes and syncs: old or new, status 1 when old ($bad bad)" \
    '[ "$bad" -eq 0 ] && [ "$failed" -gt 10 ]'

# After a kill in the middle, the next import completes.
rm -f t.db t.db-wal t.db-shm
cp base.db t.db
strace -f -qq -o /dev/null -e trace=pwrite64 \
    -e inject=pwrite64:signal=KILL:when=3 "$REGSITE" import --db t.db \
    --form incidents --quarter 2025Q1 --source gkb-4 resub.csv \
    >/dev/null 2>&1
"$REGSITE" import --db t.db --form incidents --quarter 2025Q1 \
    --source gkb-4 resub.csv >/dev/null 2>&1
check "after a kill, the import is simply run again" \
    [ "$(state t.db)" = "$new" ]
