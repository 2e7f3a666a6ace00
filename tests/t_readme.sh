# t_readme.sh -- the README's walkthrough, as a new operator follows it:
# every command between <!-- walkthrough --> and <!-- /walkthrough -->
# runs as written (build/regsite, the example submissions, site.ini),
# in a scratch copy of the tree, /srv/registry moved into it.  `make
# site` has been run (this is the suite); `serve` runs on a free port
# until it answers; `less` is only read.  Then: a published, withdrawn,
# rolled-back and re-published site.
. "$TOP/tests/lib.sh"

w=$WORK/tree
mkdir -p "$w/build"
for d in content templates static tests; do ln -s "$TOP/$d" "$w/$d"; done
ln -s "$REGSITE" "$w/build/regsite"
srv=$WORK/srv/registry

# The walkthrough's lines, continuations joined, comments dropped.
sed -n '/^<!-- walkthrough -->$/,/^<!-- \/walkthrough -->$/p' \
    "$TOP/README.md" | sed -e '/^<!--/d' -e '/^```/d' -e '/^#/d' |
    sed -e ':a' -e '/\\$/N; s/\\\n *//; ta' >"$WORK/steps"
check "the README has a walkthrough" [ "$(wc -l <"$WORK/steps")" -gt 10 ]

cd "$w" || exit 1
n=0 ran=0
while IFS= read -r cmd; do
	n=$((n + 1))
	cmd=$(printf '%s' "$cmd" | sed "s#/srv/registry#$srv#g")
	case $cmd in
	"make site")
		continue ;;
	"less "*)
		f=${cmd#less }
		check "step $n: $f is there to read" [ -s "$f" ]
		continue ;;
	*" serve "*)
		# A port another test holds makes the server exit: then the
		# next one.  Up to 30 s to answer (a sanitizer build on a
		# loaded machine).
		up=0
		for try in 0 1 2; do
			port=$((30000 + ($$ * 13 + try * 173) % 20000))
			# exec: the server is the job, so the kill below
			# reaches it (a shell in between was killed and left
			# it listening).
			sh -c "exec $cmd --port $port" >"$WORK/serve.log" 2>&1 &
			spid=$!
			i=0
			while [ $i -lt 300 ] && kill -0 $spid 2>/dev/null; do
				if curl -sf -o /dev/null "http://127.0.0.1:$port/"
				then
					up=1
					break
				fi
				sleep 0.1; i=$((i + 1))
			done
			kill $spid 2>/dev/null; wait $spid 2>/dev/null
			[ $up = 1 ] && break
		done
		check "step $n: $cmd answers" [ $up = 1 ]
		[ $up = 1 ] || sed 's/^/  serve: /' "$WORK/serve.log"
		continue ;;
	esac
	sh -c "$cmd" </dev/null >"$WORK/out" 2>"$WORK/err"
	rc=$?
	ran=$((ran + 1))
	if [ $rc -eq 0 ]; then
		ok "step $n: $cmd"
	else
		fail "step $n: $cmd (exit status $rc)"
		cat "$WORK/out" "$WORK/err" | head -n 10
	fi
	# A release name has one-second resolution.
	case $cmd in *" publish "*) sleep 1 ;; esac
done <"$WORK/steps"

# Where the walkthrough ends: three releases were made, the second
# (without the withdrawn submission) was rolled back and set aside, the
# third is current and serves the corrected data.
rels=$(ls "$srv/releases" | wc -l)
cur=$(readlink "$srv/current")
check_sh "the end: two releases kept, the newest current ($rels, $cur)" \
    '[ "$rels" -eq 2 ] && [ "$cur" = "releases/$(ls "$srv/releases" |
    tail -n 1)" ]'
check "the end: the current site has the insurance cases again" \
    grep -q . "$srv/current/data/2025-q1/insurance-ru.csv"
check "the end: the registry is valid" \
    "$REGSITE" validate --db registry.db
