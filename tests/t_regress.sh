# t_regress.sh -- golden pages, in the manner of sblg's and lowdown's
# regress/: a registry of a few records per form over two quarters
# (tests/regress/*.csv) is imported and built with tests/regress/site.ini
# (k = 2, so values show) at a fixed SOURCE_DATE_EPOCH; every file that
# tests/regress/files lists must equal tests/regress/expected/FILE
# (diff -u; asset fingerprints read HASH).
#
#   make regress          these checks alone (well under a second)
#   make regress-update   (REGEN=1) rewrite the expected files from this
#                         build, showing the diff of each one that changes
#
# Exits non-zero when a file differs, so that `make regress` fails.
. "$TOP/tests/lib.sh"

R="$TOP/tests/regress"
out="$WORK/site"
if ! regress_site "$REGSITE" "$out" >"$WORK/build.log" 2>&1; then
	fail "the golden registry imports and builds"
	cat "$WORK/build.log"
	exit 1
fi

bad=0 n=0
while read -r f; do
	case $f in ''|'#'*) continue ;; esac
	n=$((n + 1))
	want="$R/expected/$f"
	if [ ! -f "$out/$f" ]; then
		fail "$f: built"
		bad=1
		continue
	fi
	regress_normalise "$out/$f" >"$WORK/got"
	if [ "${REGEN:-}" = 1 ]; then
		if [ ! -f "$want" ]; then
			echo "# new: $f"
		elif ! cmp -s "$want" "$WORK/got"; then
			diff -u "$want" "$WORK/got" |
			    sed "1s|^--- .*|--- a/tests/regress/expected/$f|;2s|^+++ .*|+++ b/tests/regress/expected/$f|"
		fi
		mkdir -p "$(dirname "$want")"
		cp "$WORK/got" "$want"
	fi
	if diff -u "$want" "$WORK/got" >"$WORK/diff" 2>&1; then
		ok "$f"
	else
		fail "$f equals tests/regress/expected/$f"
		sed 's/^/  /' "$WORK/diff"
		bad=1
	fi
done <"$R/files"

# Every expected file is still listed (REGEN=1 removes the others).
(cd "$R/expected" && find . -type f | sed 's|^\./||' | sort) >"$WORK/have"
grep -v '^#' "$R/files" | grep . | sort >"$WORK/listed"
stale=$(comm -23 "$WORK/have" "$WORK/listed")
if [ -n "$stale" ] && [ "${REGEN:-}" = 1 ]; then
	for f in $stale; do
		echo "# removed: $f"
		rm -f "$R/expected/$f"
	done
	find "$R/expected" -type d -empty -delete
	stale=""
fi
check "every expected file is listed in tests/regress/files" [ -z "$stale" ]
[ -z "$stale" ] || { echo "  not listed: $stale"; bad=1; }
check "the list names files ($n)" [ "$n" -gt 0 ]
[ "$bad" -eq 0 ] && [ "$n" -gt 0 ]
