# t_rebuild.sh -- rebuilds (issue 13): a build where nothing changed
# since the site in --out was built keeps that site's files (hard links
# into a new tree, swapped in as any build), byte-identical to a full
# build; any change -- the registry, the configuration, a template, the
# program -- builds in full; a build with --report always builds in
# full; the key is written only where the build knows the registry it
# left.
. "$TOP/tests/lib.sh"

db="$WORK/reg.db"
"$REGSITE" demo --db "$db" --quarters 3 --incidents 600 --insurance 90 \
    --source "$TOP" >/dev/null || { fail "the demo registry is made"; exit 1; }
cfg="$WORK/site.ini"
cp "$TOP/content/site.ini" "$cfg"
site="$WORK/site"
build() {	# build OUT [options]: the summary line in $WORK/summary
	_out=$1; shift
	"$REGSITE" build --db "$db" --out "$_out" --config "$cfg" \
	    --source "$TOP" "$@" >"$WORK/summary" 2>"$WORK/stderr"
}

# The registry before its first release: the same release built in full
# from it, in one process, is what the kept site must equal.
sqlite3 "$db" ".backup '$WORK/reg0.db'"
build "$site"
check "the first build (it remembers the release) builds in full" \
    grep -q ' pages, ' "$WORK/summary"
files="$(dirname "$site")/.$(basename "$site").regsite-files"
check "the files' digest beside the site holds the key of the registry as the build left it" \
    grep -Eq '^key [0-9a-f]{64}$' "$files"
check "the marker in the site is the same for every build (no key: the registry's file names when its releases were recorded)" \
    [ "$(cat "$site/.regsite")" = "regsite site" ]
inode=$(stat -c %i "$site")
first=$(find "$site" -name 'index.html' -path '*kk/index.html' | head -n 1)
before=$(stat -c %i "$first")
build "$site"
check "nothing changed: the site is kept ($(cat "$WORK/summary" | cut -c1-80)...)" \
    grep -q "^regsite: built $site: nothing changed since the last build; its [0-9]* files, [0-9.]* MB, kept in [0-9.]* s$" "$WORK/summary"
check_sh "... in a new tree swapped into place, its files the same inodes (hard links)" \
    '[ "$(stat -c %i "$site")" != "$inode" ] && [ "$(stat -c %i "$first")" = "$before" ] && [ -z "$(ls -d "$WORK"/.site.tmp-* 2>/dev/null)" ]'
"$REGSITE" build --db "$WORK/reg0.db" --out "$WORK/full" --config "$cfg" \
    --source "$TOP" --jobs 1 >/dev/null 2>&1
check "the kept site is byte-identical to a full build in one process, its marker too" \
    diff -r "$site" "$WORK/full"

# A site changed since its build (a page edited, a file added, a file
# removed) is not kept: it is built in full, the change undone.
printf '<!-- edited -->' >>"$first"
build "$site"
check "a page edited since the build: the site is built in full" \
    grep -q ' pages, ' "$WORK/summary"
check "... the edit undone: the site is a full build's" \
    diff -r -x .regsite "$site" "$WORK/full"
build "$site"
check "... and the next build keeps it" grep -q 'nothing changed' "$WORK/summary"
touch "$site/kk/extra.html"
build "$site"
check_sh "a file added: built in full, the file gone" \
    'grep -q " pages, " "$WORK/summary" && [ ! -e "$site/kk/extra.html" ]'
rm "$first"
build "$site"
check_sh "a file removed: built in full, the file back" \
    'grep -q " pages, " "$WORK/summary" && diff -r -x .regsite "$site" "$WORK/full"'
rm -rf "$WORK/full"

# Any change builds in full.
printf '\n; a comment\n' >>"$cfg"
build "$site"
check "a changed configuration builds in full" grep -q ' pages, ' "$WORK/summary"
build "$site"
check "... and the next build keeps it again" grep -q 'nothing changed' "$WORK/summary"
sqlite3 "$db" "UPDATE incidents SET care_ru = care_ru || ' ' WHERE id = (SELECT min(id) FROM incidents)"
build "$site"
check "a changed registry builds in full" grep -q ' pages, ' "$WORK/summary"
build "$site" --report "$WORK/report.txt"
check_sh "a build with --report builds in full and writes the report" \
    'grep -q " pages, " "$WORK/summary" && [ -s "$WORK/report.txt" ]'

# A preview (--no-record) leaves the registry as it found it: its key is
# the registry's, and the next preview keeps the site.
build "$WORK/preview" --no-record
build "$WORK/preview" --no-record
check "a preview where nothing changed keeps the preview" \
    grep -q 'nothing changed' "$WORK/summary"
build "$WORK/preview"
check "a build that remembers the release after a preview builds in full" \
    grep -q ' pages, ' "$WORK/summary"

# A registry written while the build ran, after the build had taken its
# snapshot: the build is of the snapshot, so it writes no key, and the
# next build is a full one.  The build is held while the registry is
# written: its standard error is a pipe kept full, and its trace lines
# wait there (tests/tools/hold.py).
held() {	# held SQL: a build held after "privacy: started" while SQL runs
	REGSITE_TRACE=1 python3 "$TOP/tests/tools/hold.py" "privacy: started" \
	    "sqlite3 '$db' \"$1\"" "$WORK/held.err" \
	    "$REGSITE" build --db "$db" --out "$site" --config "$cfg" \
	    --source "$TOP" >"$WORK/summary"
}
sqlite3 "$db" "UPDATE incidents SET care_ru = care_ru || ' ' WHERE id = (SELECT min(id) FROM incidents)"
held "SELECT 1"
check_sh "a build held, the registry only read meanwhile: it writes its key" \
    'grep -q " pages, " "$WORK/summary" && grep -Eq "^key [0-9a-f]{64}$" "$files" && grep -q "^held$" "$WORK/held.err"'
build "$site"
check "... and the next build keeps the site" grep -q 'nothing changed' "$WORK/summary"
sqlite3 "$db" "UPDATE incidents SET care_ru = care_ru || ' ' WHERE id = (SELECT min(id) FROM incidents)"
held "UPDATE incidents SET care_ru = care_ru || ' ' WHERE id = (SELECT max(id) FROM incidents)"
check_sh "a build held while an import commits: it writes no key" \
    'grep -q " pages, " "$WORK/summary" && [ -s "$files" ] && ! grep -q "^key " "$files" && grep -q "^held$" "$WORK/held.err"'
build "$site"
check "... and the next build builds in full" grep -q ' pages, ' "$WORK/summary"
build "$site"
check "... and the one after it keeps the site" grep -q 'nothing changed' "$WORK/summary"

# The hot queries' plans (REGSITE_EXPLAIN): the published rows read in
# their primary key's order (its index; the rows, with their texts,
# kept whole on their pages in a rowid table), no sort; every count and
# cross-tab from the covering index pub_meta, never the rows with their
# texts; this build compared with the last release by reading both
# rows' keys in their order, side by side (no sort), and any search
# made for a row by a whole key (a search by a key's first column alone
# would make it quadratic); the rows a release remembers read in the
# order they were written in (temp.rel), not each from its own place.
REGSITE_EXPLAIN="$WORK/plan.txt" "$REGSITE" build --db "$db" \
    --out "$WORK/plan" --config "$cfg" --source "$TOP" --no-record \
    --quiet 2>/dev/null
awk '
/^SELECT .* FROM temp\.rel / { kind = "remember"; nrem++; next }
/^SELECT \* FROM temp\.pub/ { kind = "rows"; nrows++; next }
/^SELECT .*(main\.published|FROM temp\.dec)/ {
	kind = "release"; nrel++; corr = 0
	inorder = /ORDER BY (p\.)?form, (p\.)?quarter, (p\.)?no$/
	next
}
/^SELECT/ { kind = "count"; ncount++; first = 1; next }
kind == "release" && /CORRELATED/ { corr = 1 }
kind == "release" && inorder && /TEMP B-TREE/ { bad = bad "\n" $0 }
kind == "release" && /SEARCH/ {
	if ($0 ~ /USING (COVERING )?INDEX dec_order \(form=\? AND quarter=\? AND no=\?\)$/ ||
	    $0 ~ /USING INDEX sqlite_autoindex_published_1 \(policy=\? AND form=\? AND quarter=\? AND no=\?\)$/ ||
	    $0 ~ /USING INDEX published_record \(policy=\? AND form=\? AND source=\? AND source_ref=\?\)$/ ||
	    (!corr && $0 ~ /USING PRIMARY KEY \(form=\? AND id=\?\)$/) ||
	    (!corr && inorder && $0 ~ /USING INDEX sqlite_autoindex_published_1 \(policy=\?\)$/))
		okrel++
	else
		bad = bad "\n" $0
}
kind == "rows" && /TEMP B-TREE|SCAN/ { bad = bad "\n" $0 }
kind == "remember" && /^  SCAN temp\.rel$/ { okrem++ }
kind == "remember" && /TEMP B-TREE|SEARCH|INDEX/ { bad = bad "\n" $0 }
kind == "rows" && /^  SEARCH temp\.pub USING INDEX sqlite_autoindex_pub_1 / { okrows++ }
kind == "count" && first {
	first = 0
	if ($0 ~ /USING COVERING INDEX pub_meta/) okcount++
	else bad = bad "\n" $0
}
END {
	printf "%d %d %d %d %d %d %d %d%s\n", nrows, okrows, ncount, okcount,
	    nrel, okrel, nrem, okrem, bad
}' "$WORK/plan.txt" >"$WORK/plan.sum"
check "EXPLAIN QUERY PLAN: the rows by their primary key's index, unsorted; counts and cross-tabs by the covering index; releases compared in their keys' order and by whole keys; a release's rows remembered in order ($(head -n 1 "$WORK/plan.sum"))" \
    [ "$(cat "$WORK/plan.sum")" = "2 2 8 8 4 4 1 1" ]
