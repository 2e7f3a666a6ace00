# t_fuzz.sh -- a short, seeded run of every libFuzzer target over its
# corpus (longer runs: build/fuzz/fuzz_NAME -max_total_time=600 CORPUS).
# The targets are ASan+UBSan builds already, so this runs once, in the
# plain pass.
. "$TOP/tests/lib.sh"

case $BUILD in */asan) echo '# skip: the fuzz targets are sanitized builds already; they ran in the plain pass'; exit 0 ;; esac
# Every target of tests/fuzz/fuzz_*.c, built (make fuzz; make test
# builds them too).  The targets run side by side (two cores), and are
# reported in order.
names=""
for src in "$TOP"/tests/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c | sed 's/^fuzz_//')
	f="$TOP/build/fuzz/fuzz_$name"
	if [ ! -x "$f" ]; then
		fail "fuzz_$name is built (make fuzz)"
		continue
	fi
	names="$names $name"
	mkdir -p "$WORK/$name"
	[ -d "$TOP/tests/fuzz/corpus_$name" ] &&
	    cp -r "$TOP/tests/fuzz/corpus_$name/." "$WORK/$name/"
	("$f" -runs="${FUZZ_RUNS:-3000}" -seed=1 -max_len=4096 \
	    -timeout=10 -artifact_prefix="$WORK/$name-" "$WORK/$name" >"$WORK/$name.log" 2>&1
	    echo $? >"$WORK/$name.rc") &
done
wait
for name in $names; do
	if [ "$(cat "$WORK/$name.rc")" = 0 ]; then
		ok "fuzz_$name: ${FUZZ_RUNS:-3000} runs without a finding"
	else
		fail "fuzz_$name: ${FUZZ_RUNS:-3000} runs without a finding"
		grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$WORK/$name.log" | head -6
		# the input that failed outlives $WORK (tests/artifacts/)
		mkdir -p "${ARTIFACTS:-$TOP/tests/artifacts}"
		cp "$WORK/$name"-* "${ARTIFACTS:-$TOP/tests/artifacts}/" 2>/dev/null
	fi
done
