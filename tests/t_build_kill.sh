# t_build_kill.sh -- fault injection for build (issue 16.1), after
# t_import_kill: regsite build killed (SIGKILL) at sampled calls of
# every system call that writes the site or swaps it in (strace -e
# inject=SYSCALL:signal=KILL:when=N), the exchange itself included, and
# at increasing delays after it starts: the published directory is
# afterwards exactly the previous site or exactly the new one, complete,
# and the next build removes every tree the dead ones left; no build,
# killed, failing or not, leaves a file in TMPDIR.
. "$TOP/tests/lib.sh"

if ! command -v strace >/dev/null 2>&1; then
	echo "# skip: strace is not installed (make deps-test)"
	exit 0
fi
if ! strace -f -qq -o /dev/null true 2>/dev/null; then
	echo "# skip: strace cannot trace here (no ptrace)"
	exit 0
fi
cd "$WORK" || exit 1
mkdir tmpdir && TMPDIR=$WORK/tmpdir && export TMPDIR || exit 1
"$REGSITE" import --db reg.db --form incidents --quarter 2025Q1 \
    --source gkb-4 "$TOP/tests/data/incidents-2025Q1.csv" >/dev/null &&
"$REGSITE" import --db reg.db --form insurance --quarter 2025Q1 \
    --source gkb-4 "$TOP/tests/data/insurance-2025Q1.csv" >/dev/null ||
    { fail "the registry could not be made"; exit 1; }
# Two sites that differ on every page: A and B.
printf '[site]\nname_kk = Сайт A\nname_ru = Сайт A\n' >A.ini
printf '[site]\nname_kk = Сайт B\nname_ru = Сайт B\n' >B.ini

# tree DIR: one hash of every file's path and content; the marker
# must be there, its content aside (the key of the registry each build
# leaves: every build remembers its release).
tree() {
	(cd "$1" 2>/dev/null && [ -f .regsite ] &&
	    find . -type f ! -name .regsite -print0 | sort -z |
	    xargs -0 sha256sum | sha256sum | cut -c1-16) || echo missing
}
# (One process, --jobs 1: the injections count one process's calls;
# the delays below kill builds that write both languages side by side.)
build() {	# build CONFIG [strace options]
	c=$1; shift
	"$@" "$REGSITE" build --db reg.db --out pub --source "$TOP" \
	    --config "$c.ini" --quiet --jobs 1 2>>build.log >/dev/null
}
build B && hB=$(tree pub) && mv pub B
build A && hA=$(tree pub) || { fail "the two sites"; exit 1; }
check "the two sites differ" [ "$hA" != "$hB" ]
rm -rf B

# (Under ASan, no leak check: LeakSanitizer cannot stop the world of a
# process that strace already traces.)
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
export ASAN_OPTIONS

# How often a build makes each call (A to B; this binary: ASan makes
# more calls).
strace -f -qq -c -o counts.txt "$REGSITE" build --db reg.db --out pub \
    --source "$TOP" --config B.ini --quiet --jobs 1 >/dev/null 2>&1
naside=$(ls -d .pub.regsite-* 2>/dev/null | wc -l)
# (libzip renames each workbook into its temporary file when it packs
# it: four, in the site's temporary directory.)
check "the swap is one renameat2 (RENAME_EXCHANGE) call that succeeds, and a rename a file kept beside the site ($naside: the scrubbing memo, the maps, the files' digest) or a packed workbook (4)" \
    [ "$(awk '$NF == "renameat2" && NF == 5 { print $4 } $NF == "rename" { print "rename", $4 }' counts.txt | sort | tr '\n' ' ')" = "1 rename $((naside + 4)) " -a "$naside" = 5 ]
cur=B

# leftovers: the trees dead builds left beside pub.
leftovers() { ls -d .pub.tmp-* .pub.old-* 2>/dev/null | wc -l; }

# run_one STRACE-INJECT: a build to the other site, killed; the site
# must be the old or the new one.
runs=0 bad=0 nold=0 nnew=0 sigkilled=0
run_one() {
	if [ $cur = A ]; then next=B; else next=A; fi
	build $next strace -f -qq -o /dev/null -e trace="${1%%:*}" \
	    -e inject="$1"
	rc=$?
	runs=$((runs + 1))
	[ $rc -eq 137 ] && sigkilled=$((sigkilled + 1))
	h=$(tree pub)
	if [ "$h" = "$hA" ]; then now=A
	elif [ "$h" = "$hB" ]; then now=B
	else
		now=bad
		bad=$((bad + 1))
		echo "  $1: exit $rc, the site is neither A nor B ($h)"
	fi
	if [ $now = "$cur" ]; then nold=$((nold + 1))
	elif [ $now = $next ]; then nnew=$((nnew + 1)); fi
	[ $now = bad ] || cur=$now
	[ $now = bad ] && { build A; cur=A; }
}

killed=0
for sc in mkdir openat write close renameat2 rename renameat unlink rmdir; do
	n=$(awk -v s="$sc" '$NF == s { print $4 }' counts.txt)
	[ -n "$n" ] || continue
	seen=" "
	for w in 1 2 $((n / 4)) $((n / 2)) $((3 * n / 4)) $((n - 1)) $n; do
		[ "$w" -ge 1 ] && [ "$w" -le "$n" ] || continue
		case $seen in *" $w "*) continue ;; esac
		seen="$seen$w "
		run_one "$sc:signal=KILL:when=$w"
		killed=$((killed + 1))
	done
done
check "killed at $killed system calls (the exchange and the removal of the old tree among them): the old site or the new one, whole ($bad bad)" \
    [ "$bad" -eq 0 -a "$killed" -gt 25 ]
check "the injected SIGKILL did kill ($sigkilled of $killed runs)" \
    [ "$sigkilled" -eq "$killed" ]
check "$nold kills left the old site, $nnew the new one (before and after the swap)" \
    [ "$nold" -gt 0 -a "$nnew" -gt 0 ]
n=$(leftovers)
check "the dead builds left trees behind ($n)" [ "$n" -gt 0 ]
build A && cur=A
check "the next build removes them all" [ "$(leftovers)" -eq 0 ]
check "and publishes its site" [ "$(tree pub)" = "$hA" ]

# Killed at increasing delays after the start (no strace).
bad=0
for d in 0.01 0.03 0.06 0.1 0.15 0.2 0.3 0.45 0.7; do
	if [ $cur = A ]; then next=B; else next=A; fi
	"$REGSITE" build --db reg.db --out pub --source "$TOP" \
	    --config $next.ini --quiet >/dev/null 2>&1 &
	pid=$!
	sleep $d
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	h=$(tree pub)
	if [ "$h" = "$hA" ]; then cur=A
	elif [ "$h" = "$hB" ]; then cur=B
	else
		bad=$((bad + 1))
		echo "  killed after $d s: the site is neither A nor B"
		build A; cur=A
	fi
	build $cur
	[ "$(leftovers)" -eq 0 ] || {
		bad=$((bad + 1))
		echo "  after the kill at $d s, the next build left: $(ls -da .pub.*)"
	}
done
check "killed at 9 delays: the old or the new site, and the next build cleans up ($bad bad)" \
    [ "$bad" -eq 0 ]

# A write that fails (ENOSPC) in a parallel build: in the build, the
# scrubber's worker, the downloads' workers or the pages' (which one
# depends on how the processes' calls interleave): the build either
# fails, saying so last on its standard error ("regsite: ...", after
# any library's own words), with the site as it was, or never met the
# failure and publishes the new site; never a crash, never a mix, no
# tree left behind.
bad=0 failed=0 runs=0
for w in 1 2 5 10 20 30 40 60 100 150 200; do
	if [ $cur = A ]; then next=B; else next=A; fi
	strace -f -qq -o /dev/null -e trace=write \
	    -e inject=write:error=ENOSPC:when=$w "$REGSITE" build --db reg.db \
	    --out pub --source "$TOP" --config $next.ini --quiet --jobs 2 \
	    >/dev/null 2>err.txt
	rc=$?
	runs=$((runs + 1))
	h=$(tree pub)
	last=$(tail -n 1 err.txt)
	if [ $rc -eq 1 ]; then
		failed=$((failed + 1))
		case $last in
		"regsite: warning: "*|"") bad=$((bad + 1))
			echo "  write $w: exit 1, saying: $last" ;;
		"regsite: "*) ;;
		*)	bad=$((bad + 1)); echo "  write $w: exit 1, saying: $last" ;;
		esac
		[ "$h" = "$(eval echo \$h$cur)" ] ||
		    { bad=$((bad + 1)); echo "  write $w: failed, and the site changed"; }
	elif [ $rc -eq 0 ]; then
		[ "$h" = "$(eval echo \$h$next)" ] &&
		    cur=$next ||
		    { bad=$((bad + 1)); echo "  write $w: succeeded, not the new site"; }
	else
		bad=$((bad + 1)); echo "  write $w: exit $rc: $last"
	fi
	[ "$(leftovers)" -eq 0 ] ||
	    { bad=$((bad + 1)); echo "  write $w: a tree left: $(ls -da .pub.*)"; }
done
check "a write failing in a parallel build ($failed of $runs builds failed): exit 1 and why, the old site, or the new one; no tree left ($bad bad)" \
    [ "$bad" -eq 0 -a "$failed" -gt 0 ]
n=$(ls -A tmpdir | wc -l)
check "no build, killed, failing or not, left a file in TMPDIR ($n files: $(ls -A tmpdir | head -n 3 | tr '\n' ' '))" \
    [ "$n" -eq 0 ]
