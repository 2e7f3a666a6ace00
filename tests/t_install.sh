# t_install.sh -- make install / uninstall honour DESTDIR and PREFIX, and
# the installed regsite builds a site from the installed content and
# makes the demo database from the installed corpus.
. "$TOP/tests/lib.sh"

case $BUILD in */asan) echo '# skip: install is tested once, in the plain pass'; exit 0 ;; esac
dest="$WORK/dest"
make -s -C "$TOP" install DESTDIR="$dest" PREFIX=/opt/regsite >"$WORK/log" 2>&1
check "make install succeeds" [ $? -eq 0 ]
check "the program, the man page and the data are installed under DESTDIR/PREFIX" \
    sh -c "[ -x '$dest/opt/regsite/bin/regsite' ] && [ -f '$dest/opt/regsite/share/man/man1/regsite.1' ] && [ -f '$dest/opt/regsite/share/regsite/content/catalog.csv' ] && [ -d '$dest/opt/regsite/share/regsite/templates' ] && [ -d '$dest/opt/regsite/share/regsite/static' ]"
# The installed regsite builds the golden registry from the installed
# content, templates and static files: the same pages as t_regress.
prefix="$dest/opt/regsite"
regress_site "$prefix/bin/regsite" "$WORK/site" "$prefix/share/regsite" \
    >"$WORK/build.log" 2>&1
rc=$?
bad=0 n=0
while read -r f; do
	case $f in ''|'#'*) continue ;; esac
	n=$((n + 1))
	regress_normalise "$WORK/site/$f" 2>/dev/null |
	    cmp -s - "$TOP/tests/regress/expected/$f" || { bad=1; echo "  differs: $f"; }
done <"$TOP/tests/regress/files"
check_sh "the installed regsite builds the golden pages from the installed content (status $rc, $n files)" \
    '[ "$rc" -eq 0 ] && [ "$n" -gt 0 ] && [ "$bad" -eq 0 ]'
[ "$rc" -eq 0 ] || cat "$WORK/build.log"
db=$(demo_db) || fail "the demo database could not be made"
# The demo corpus is installed too: the installed regsite makes the
# same demo database from it, run from a directory without a source tree.
(cd "$WORK" && "$dest/opt/regsite/bin/regsite" demo --db "$WORK/inst.db" \
    --source "$dest/opt/regsite/share/regsite") >"$WORK/demo.out" 2>&1
rc=$?
check "the installed regsite runs demo from the installed corpus" \
    sh -c "[ $rc -eq 0 ] && [ ! -s '$WORK/demo.out' ]"
sqlite3 "$db" .dump >"$WORK/dump.src"
sqlite3 "$WORK/inst.db" .dump >"$WORK/dump.inst" 2>/dev/null
check "... and the same database as from the source tree" \
    cmp -s "$WORK/dump.src" "$WORK/dump.inst"
make -s -C "$TOP" uninstall DESTDIR="$dest" PREFIX=/opt/regsite >>"$WORK/log" 2>&1
check "make uninstall removes everything it installed" \
    sh -c "[ -z \"\$(find '$dest' -type f)\" ]"
