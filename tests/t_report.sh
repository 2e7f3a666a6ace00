# t_report.sh -- the operator's report cannot be turned against the
# registry (issue 12): every --report path that resolves to the
# database, its -wal/-shm, the configuration, or into the output or its
# temporary build directory is refused with its exact message, and the
# file refused is left as it was; the report is created privately, not
# through planted files or links; it warns at its top, in the
# operator's language, and begins with what needs review.
. "$TOP/tests/lib.sh"

db="$WORK/reg.db"
"$REGSITE" demo --db "$db" --quarters 2 --incidents 120 --insurance 30 \
    >/dev/null || { fail "a small demo registry"; exit 1; }
cfg="$WORK/site.ini"
cp "$TOP/content/site.ini" "$cfg"
out="$WORK/site"
sum() { sha256sum "$1" | cut -c1-64; }
db_sum=$(sum "$db")
cfg_sum=$(sum "$cfg")

expect_err "a report over the database is refused" 1 \
    "regsite: --report '$db' is the database '$db': the report would replace the registry" \
    "$REGSITE" build --db "$db" --out "$out" --config "$cfg" --report "$db"
: >"$db-wal"
expect_err "a report over the database's WAL is refused" 1 \
    "regsite: --report '$db-wal' is the database's write-ahead log '$db-wal': the report would corrupt the registry" \
    "$REGSITE" build --db "$db" --out "$out" --config "$cfg" --report "$db-wal"
rm -f "$db-wal"
expect_err "a report over the database's shared memory, not there yet, is refused" 1 \
    "regsite: --report '$db-shm' is the database's shared-memory file '$db-shm': the report would corrupt the registry" \
    "$REGSITE" build --db "$db" --out "$out" --config "$cfg" --report "$db-shm"
expect_err "a report over the configuration is refused" 1 \
    "regsite: --report '$cfg' is the configuration file '$cfg': the report would replace it" \
    "$REGSITE" build --db "$db" --out "$out" --config "$cfg" --report "$cfg"
ln -s "$db" "$WORK/db-link"
expect_err "a report through a link to the database is refused" 1 \
    "regsite: --report '$WORK/db-link' is the database '$db': the report would replace the registry" \
    "$REGSITE" build --db "$db" --out "$out" --config "$cfg" --report "$WORK/db-link"
mkdir -p "$WORK/sub"
expect_err "a report over the database by another path is refused" 1 \
    "regsite: --report '$WORK/sub/../reg.db' is the database '$db': the report would replace the registry" \
    "$REGSITE" build --db "$db" --out "$out" --config "$cfg" --report "$WORK/sub/../reg.db"
check "the database is unchanged" [ "$(sum "$db")" = "$db_sum" ]
check "the configuration is unchanged" [ "$(sum "$cfg")" = "$cfg_sum" ]

expect_err "a report inside the output directory is refused" 1 \
    "regsite: --report '$out/report.txt' is inside the output directory '$out': the report lists what was masked and must not be published" \
    "$REGSITE" build --db "$db" --out "$out" --config "$cfg" --report "$out/report.txt"
mkdir -p "$WORK/.site.tmp-424242"
ln -s "$WORK/.site.tmp-424242" "$WORK/tmp-link"
expect_err "a report inside the temporary build directory, through a link, is refused" 1 \
    "regsite: --report '$WORK/tmp-link/report.txt' is inside the build's temporary directory '$WORK/.site.tmp-424242': it would be published with the site" \
    "$REGSITE" build --db "$db" --out "$out" --config "$cfg" --report "$WORK/tmp-link/report.txt"
ln -s "$WORK/.site.tmp-99999" "$WORK/dangling"
expect_err "a link planted to a temporary directory that does not exist yet is refused" 1 \
    "regsite: --report '$WORK/dangling/report.txt' is inside the build's temporary directory '$WORK/.site.tmp-99999': it would be published with the site" \
    "$REGSITE" build --db "$db" --out "$out" --config "$cfg" --report "$WORK/dangling/report.txt"
check "no site was built by a refused build" [ ! -e "$out" ]
rmdir "$WORK/.site.tmp-424242"

# Planted files and links where a report's temporary file used to go.
mkdir -p "$WORK/rep"
echo victim >"$WORK/victim"
chmod 644 "$WORK/victim"
# the old names were REPORT.tmp-PID: the next PIDs are near ours
for i in $(seq $$ $(($$ + 400))); do
	ln -s "$WORK/victim" "$WORK/rep/report.txt.tmp-$i"
	ln -s "$WORK/victim" "$WORK/rep/report.txt.repl-$i"
done
(umask 000; "$REGSITE" build --db "$db" --out "$out" --config "$cfg" \
    --report "$WORK/rep/report.txt" --quiet) 2>"$WORK/err"
check "with planted links, the build succeeds" [ $? -eq 0 ]
check "the planted links' target is untouched" \
    [ "$(cat "$WORK/victim")" = victim ]
check "the report is a regular file, mode 0600 even with umask 000" \
    sh -c "[ -f '$WORK/rep/report.txt' ] && [ ! -L '$WORK/rep/report.txt' ] && [ \"\$(stat -c %a '$WORK/rep/report.txt')\" = 600 ]"
check "it leaves no temporary file behind" \
    [ "$(ls -A "$WORK/rep" | grep -vc '^report.txt')" -eq 0 ]
ln -sf "$WORK/victim" "$WORK/rep/report.txt"
"$REGSITE" build --db "$db" --out "$out" --config "$cfg" \
    --report "$WORK/rep/report.txt" --quiet
check "a link at the report's own path is replaced, not followed" \
    sh -c "[ \"\$(cat '$WORK/victim')\" = victim ] && [ ! -L '$WORK/rep/report.txt' ]"

# Its first lines: a warning, in the operator's language (Kazakh first).
check "the report's first line names it (Kazakh by default)" \
    [ "$(sed -n 1p "$WORK/rep/report.txt")" = "regsite: құпиялылық есебі" ]
check "it warns that it must never be published and maps references to source_ref" \
    sh -c "sed -n 3p '$WORK/rep/report.txt' | grep -q '^ЖАРИЯЛАМАҢЫЗ.' && sed -n 4p '$WORK/rep/report.txt' | grep -q 'source_ref'"
check "then what needs review" \
    [ "$(sed -n 7p "$WORK/rep/report.txt")" = "== Тексеруді қажет етеді ==" ]
"$REGSITE" build --db "$db" --out "$out" --config "$cfg" \
    --report "$WORK/rep/report-ru.txt" --lang ru --quiet
check "--lang ru: the report in Russian" \
    sh -c "[ \"\$(sed -n 1p '$WORK/rep/report-ru.txt')\" = 'regsite: отчёт о защите данных' ] && grep -qx '== Требует проверки ==' '$WORK/rep/report-ru.txt'"
check "the review lists the columns hidden for every row" \
    grep -q '^Столбцы, скрытые во всех строках:' "$WORK/rep/report-ru.txt"
"$REGSITE" build --db "$db" --out "$out" --lang en >/dev/null 2>"$WORK/err"
check "--lang en is a usage error" \
    sh -c "head -1 '$WORK/err' | grep -qx \"regsite: build: --lang: expected kk or ru, not 'en'\""
"$REGSITE" build --db "$db" --out "$out" --lang en >/dev/null 2>&1
check "and exits 2" [ $? -eq 2 ]

# A report that cannot be written (a full disk) fails the build before
# the release is recorded: the registry stays as it was, no site, no
# report.  Needs a small tmpfs (root); skipped where none can be made.
fr="$WORK/fresh.db"
"$REGSITE" demo --db "$fr" --quarters 2 --incidents 120 --insurance 30 \
    >/dev/null || fail "a fresh demo registry"
mkdir -p "$WORK/tiny"
if mount -t tmpfs -o size=8k tmpfs "$WORK/tiny" 2>/dev/null; then
	fr_sum=$(sum "$fr")
	"$REGSITE" build --db "$fr" --out "$WORK/fsite" --config "$cfg" \
	    --report "$WORK/tiny/report.txt" --quiet 2>"$WORK/err"
	rc=$?
	check_sh "a report on a full disk: exit 1, the write error ($(head -c 120 "$WORK/err"))" \
	    '[ $rc -eq 1 ] && grep -q "^regsite: $WORK/tiny/report.txt: write error: No space left on device$" "$WORK/err"'
	check_sh "... nothing recorded: the registry's file is as it was, no release, no site, no report" \
	    '[ "$(sum "$fr")" = "$fr_sum" ] && [ "$(sqlite3 "$fr" "SELECT count(*) FROM releases")" -eq 0 ] && [ ! -e "$WORK/fsite" ] && [ -z "$(ls -A "$WORK/tiny")" ]'
	unmount "$WORK/tiny"
	"$REGSITE" build --db "$fr" --out "$WORK/fsite" --config "$cfg" \
	    --report "$WORK/tiny/report.txt" --quiet 2>/dev/null
	rc=$?
	check_sh "... and the same build with room for its report records its release" \
	    '[ $rc -eq 0 ] && [ "$(sqlite3 "$fr" "SELECT count(*) FROM releases")" -eq 1 ] && [ -s "$WORK/tiny/report.txt" ]'
else
	echo "# skip: no tmpfs could be mounted (not root?): the full-disk report"
fi
