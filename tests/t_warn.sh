# t_warn.sh -- builds that warn (issue 15, item 3): the default or a
# non-HTTPS base_url and placeholder organization names give
# "regsite: warning: ..." lines after a successful build, which still
# succeeds; a configuration fit to publish gives none; the 404 page
# links root-relative, so it works under any host; on a terminal the
# progress line has a total, a percentage and the time left, and on a
# pipe there is none.
. "$TOP/tests/lib.sh"

cd "$WORK" || exit 1
"$REGSITE" import --db reg.db --form incidents --quarter 2025Q1 \
    --source gkb-4 "$TOP/tests/data/incidents-2025Q1.csv" >/dev/null ||
    { fail "the registry could not be made"; exit 1; }
build() {	# build CONFIG|- [OUT]
	cfg=""
	[ "$1" = - ] || cfg="--config $1"
	# shellcheck disable=SC2086
	"$REGSITE" build --db reg.db --out "${2:-site}" --source "$TOP" $cfg \
	    >out 2>err
}

build -
rc=$?
check "the defaults: the build succeeds" [ $rc -eq 0 ]
check "the defaults: three warnings, exactly" [ "$(cat err)" = \
"regsite: warning: the built-in defaults: base_url is http://localhost:8000/ (the default), a local preview address: the canonical URLs, sitemap and feeds point there; set [site] base_url to the address the site is published at
regsite: warning: the built-in defaults: organization_kk is a placeholder ('Тізілімді жүргізетін ұйым'): name the organization that keeps the registry
regsite: warning: the built-in defaults: organization_ru is a placeholder ('Организация, ведущая реестр'): name the organization that keeps the registry" ]
check "and the summary on standard output" grep -q '^regsite: built site: ' out

build "$TOP/content/site.ini"
check "the demo configuration: warned about its placeholder organization names" \
    sh -c "[ \$(grep -c '^regsite: warning: .*organization_.. is a placeholder (.*демонстра' err) -eq 2 ]"

printf '[site]\nbase_url = http://registry.example.kz/\norganization_kk = Денсаулық сақтау министрлігі\norganization_ru = Министерство здравоохранения\n' >http.ini
build http.ini
check "a plain-HTTP base_url: one warning" [ "$(cat err)" = \
"regsite: warning: http.ini: base_url http://registry.example.kz/ is not HTTPS: browsers mark the site not secure and the canonical URLs, sitemap and feeds say http://; publish it over https://" ]

printf '[site]\nbase_url = https://registry.example.kz/open/\norganization_kk = Денсаулық сақтау министрлігі\norganization_ru = Министерство здравоохранения\n' >good.ini
build good.ini
check "a configuration fit to publish: no warning" [ ! -s err ]

# The 404 page: root-relative links only.
f=site/404.html
check "404.html names no host (no http://localhost:8000/)" \
    sh -c "! grep -q 'localhost\|https\?://' $f"
check "404.html links below the base URL's path (/open/...)" \
    sh -c "[ \$(grep -o '\(href\|src\)=\"[^\"#][^\"]*\"' $f | grep -vc '\"/open/') -eq 0 ] &&
	grep -q 'href=\"/open/static/style\.[0-9a-f]*\.css\"' $f &&
	grep -q 'href=\"/open/kk/\"' $f"
build -
check "with the default base URL, the 404 page links from the root (/static/...)" \
    grep -q 'href="/static/style\.[0-9a-f]*\.css"' site/404.html

# Progress: on a terminal (script gives the build one), not on a pipe.
if command -v script >/dev/null 2>&1; then
	script -qfec "'$REGSITE' build --db reg.db --out site --source '$TOP' --config good.ini" \
	    /dev/null >tty.out 2>&1
	pages=$(grep -o 'built site: [0-9]* pages' tty.out | grep -o '[0-9]*')
	tr '\r' '\n' <tty.out | grep 'pages (' >progress
	check "a terminal shows 'N of TOTAL pages (P%), M:SS left'" \
	    grep -Eq '^regsite: [0-9]+ of [0-9]+ pages \([0-9]+%\), [0-9]+:[0-9]{2} left' progress
	check "its total is the number of pages written ($pages)" \
	    grep -q "^regsite: $pages of $pages pages (100%), 0:00 left" progress
	check "the percentage climbs ($(wc -l <progress) updates)" \
	    sh -c "[ \$(wc -l <progress) -ge 10 ] && [ \$(sed -n 's/.*(\([0-9]*\)%).*/\1/p' progress | sort -n -c && echo sorted) = sorted ]"
else
	echo "# skip: no script(1) for a terminal"
fi
build good.ini
check "on a pipe: no progress" sh -c "! grep -q 'pages\|$(printf '\r')' err"
