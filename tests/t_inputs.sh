# t_inputs.sh -- the files an operator edits (issue 16.7, 16.8): the
# configuration, templates, content pages and the catalog are UTF-8 text
# or an error at file:line:col (a NUL byte never silently ends a file);
# base_url needs a host; [population] names the registry's regions;
# SOURCE_DATE_EPOCH stays within four-digit years; {{>head}} in a
# content page is an error; partials that multiply fail fast; CRLF
# content pages work; a duplicate catalog key is an error.  Under ASan
# the failing builds also show that their error paths leak nothing.
. "$TOP/tests/lib.sh"

cd "$WORK" || exit 1
"$REGSITE" import --db reg.db --form incidents --quarter 2025Q1 \
    --source gkb-4 "$TOP/tests/data/incidents-2025Q1.csv" >/dev/null ||
    { fail "the registry could not be made"; exit 1; }

# fresh: a copy of the source tree to break, in $WORK/src.
fresh() {
	rm -rf src
	mkdir src
	cp -R "$TOP/content" "$TOP/templates" "$TOP/static" src/
}
build() {
	"$REGSITE" build --db reg.db --out site --source src --quiet "$@"
}

# --- the configuration ------------------------------------------------
fresh
printf '[site]\nname_kk = Тізілім\n\000[privacy]\nk = 50\n' >nul.ini
expect_err "a NUL byte in the INI is an error, not the end of the file" 1 \
    "regsite: nul.ini:3:1: a NUL byte" build --config nul.ini
printf '[site]\nbase_url = http://\n' >nohost.ini
expect_err "base_url = http:// (no host) is refused" 1 \
    "regsite: nohost.ini:2: bad value for 'base_url': no host name in 'http://'" \
    build --config nohost.ini
printf '[site]\nbase_url = https://reg.kz/\033[2J/\n' >ctl.ini
expect_err "a control character in base_url is refused" 1 \
    "regsite: ctl.ini:2:27: the control character U+001B" \
    build --config ctl.ini
printf '[site]\norganization_ru = \342\200\256\320\260\320\261\n' >bidi.ini
expect_err "a bidi override in a name is refused" 1 \
    "regsite: bidi.ini:2: bad value for 'organization_ru': the invisible character U+202E" \
    build --config bidi.ini
awk 'BEGIN { printf "[site]\nname_ru = "; for (i = 0; i < 100000; i++) printf "Я"; print "" }' >long.ini
expect_err "a name of 100 000 characters is refused" 1 \
    "regsite: long.ini:2: bad value for 'name_ru': 100000 characters, at most 300" \
    build --config long.ini
printf '[population]\nKZ-71 = 1423700\nKZ-99 = 10\n' >pop.ini
expect_err "[population] KZ-99, not a region of the registry, is refused" 1 \
    "regsite: pop.ini:3: unknown region 'KZ-99' in [population] (not in the registry's list of regions)" \
    build --config pop.ini
expect_err "SOURCE_DATE_EPOCH beyond the year 9999 is refused" 1 \
    "regsite: SOURCE_DATE_EPOCH: expected seconds since 1970 from 0 to 253402300799 (the end of the year 9999), not '99999999999999'" \
    env SOURCE_DATE_EPOCH=99999999999999 "$REGSITE" build --db reg.db \
    --out site --source src --quiet
SOURCE_DATE_EPOCH=253402300799 build 2>/dev/null
check "SOURCE_DATE_EPOCH at the end of 9999 works" \
    grep -q '9999-12-31T23:59:59Z' site/kk/index.html

# --- templates ----------------------------------------------------------
fresh
printf '<p>\377</p>\n' >>src/templates/foot.html
n=$(wc -l <src/templates/foot.html)
expect_err "invalid UTF-8 in a template is an error at its line and column" 1 \
    "regsite: src/templates/foot.html:$n:4: not valid UTF-8 (byte 0xFF)" build
fresh
printf 'a\000b\n' >>src/templates/foot.html
n=$(wc -l <src/templates/foot.html)
expect_err "a NUL byte in a template is an error" 1 \
    "regsite: src/templates/foot.html:$n:2: a NUL byte" build

# Partials that each include the next one twice, 27 deep (2^27 copies).
fresh
i=0
while [ $i -lt 27 ]; do
	printf '{{>bomb%d}}{{>bomb%d}}\n' $((i + 1)) $((i + 1)) \
	    >src/templates/bomb$i.html
	i=$((i + 1))
done
printf 'boom ' >src/templates/bomb27.html
sed 's|^<main|{{>bomb0}}\n<main|' "$TOP/templates/root.html" >src/templates/root.html
start=$(date +%s)
timeout 60 "$REGSITE" build --db reg.db --out site --source src --quiet >out 2>err
rc=$?
secs=$(($(date +%s) - start))
check "partials that multiply fail (status 1) with a clear error" \
    sh -c "[ $rc -eq 1 ] && grep -Eq '^regsite: src/templates/bomb26.html:1: (more than 10000000 tags rendered for one page|the page grows beyond 64 MB): partials or sections that repeat without end\?$' err"
check "and fast (${secs} s)" [ "$secs" -le 20 ]
[ $rc -eq 1 ] || cat err

# --- content pages ------------------------------------------------------
fresh
printf '\n{{>head}}\n' >>src/content/kk/about.md
n=$(wc -l <src/content/kk/about.md)
expect_err "{{>head}} in Markdown is an error, not silence" 1 \
    "regsite: src/content/kk/about.md:$n: {{>head}}: no partials can be used here" \
    build
fresh
printf 'x\000y\n' >>src/content/ru/legal.md
n=$(wc -l <src/content/ru/legal.md)
expect_err "a NUL byte in a content page is an error" 1 \
    "regsite: src/content/ru/legal.md:$n:2: a NUL byte" build
fresh
printf '\376\n' >>src/content/kk/legal.md
n=$(wc -l <src/content/kk/legal.md)
expect_err "invalid UTF-8 in a content page is an error" 1 \
    "regsite: src/content/kk/legal.md:$n:1: not valid UTF-8 (byte 0xFE)" \
    build
# The Russian page of a pair fails after the Kazakh one was rendered
# (the leak of issue 16.8 under ASan).
fresh
sed -i 's/^title:/titel:/' src/content/ru/methodology.md
expect_err "a broken Russian page: the exact error (and no leak)" 1 \
    "regsite: src/content/ru/methodology.md:2: unknown key 'titel'" build

# CRLF content pages give the same site as LF ones.
fresh
build 2>/dev/null && mv site lf
for f in src/content/kk/*.md src/content/ru/*.md; do
	sed 's/$/\r/' "$f" >"$f.crlf" && mv "$f.crlf" "$f"
done
check "content pages with CRLF line ends are CRLF files" \
    grep -q "$(printf '\r')\$" src/content/kk/about.md
build 2>err
check "CRLF content pages build" [ $? -eq 0 ]
check "and give the same pages as LF ones" diff -r -x .regsite lf site
rm -rf lf
printf 'a\rb\n' >>src/content/kk/about.md
n=$(wc -l <src/content/kk/about.md)
expect_err "a lone CR in a content page is an error" 1 \
    "regsite: src/content/kk/about.md:$n:2: a carriage return (CR) not followed by a line feed: use LF or CRLF line ends" \
    build

# --- the catalog ----------------------------------------------------------
fresh
sed -n 2p "$TOP/content/catalog.csv" >>src/content/catalog.csv
n=$(wc -l <src/content/catalog.csv)
key=$(sed -n 2p "$TOP/content/catalog.csv" | cut -d, -f1)
expect_err "a duplicate catalog key is an error" 1 \
    "regsite: src/content/catalog.csv:$n: duplicate key '$key' (first on line 2)" \
    build
fresh
printf 'zz_nul,a\000b,c\n' >>src/content/catalog.csv
n=$(wc -l <src/content/catalog.csv)
expect_err "a NUL byte in the catalog is an error" 1 \
    "regsite: src/content/catalog.csv:$n:9: a NUL byte" build
