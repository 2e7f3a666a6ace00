# t_scrub.sh -- the scrubber measured on its labelled corpus (issue 12):
# recall per kind of identifier and the share of clean words masked, on
# the part it was tuned on (tests/scrub/dev.txt) and on the held-out
# parts (heldout.txt, heldout2.txt; tests/scrub/README).  Goals: recall
# >= 99.5%, clean words masked other than ages <= 0.5%, on each part.
. "$TOP/tests/lib.sh"

score=$BUILD/scrubscore
[ -x "$score" ] || { fail "the scorer is built (make $score)"; exit 1; }
for part in dev heldout heldout2; do
	tool "scrubscore $part.txt" "$score" "$TOP/tests/scrub/$part.txt"
done
# The same texts scrubbed as records of two languages, for the speed
# (informational: the machine is shared).
awk -F '\t' '$1 == "kk" || $1 == "ru" { sub(/^[^\t]*\t/, ""); gsub(/\{[a-z]+:/, ""); gsub(/}/, ""); print }' \
    "$TOP/tests/scrub/dev.txt" >"$WORK/texts"
"$score" -b "$WORK/texts" 3
