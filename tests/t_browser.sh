# t_browser.sh -- the built site in Chromium (playwright-core, axe-core):
# accessibility, a keyboard-only journey, the table script, screenshots,
# no request to another origin, no console error or CSP violation,
# reflow on a narrow screen, the version for visually impaired visitors.
#
# Builds its own site from the demo database with the base URL of a
# free local port, serves it with `regsite serve` (the production
# headers, CSP included) and runs every tests/browser/*.mjs against it.
# Missing Node modules or Chromium are a failure, not a skip: `make
# deps` installs them.
. "$TOP/tests/lib.sh"

nm="$TOP/tests/node_modules"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM
if [ ! -f "$nm/playwright-core/index.mjs" ] ||
    [ ! -f "$nm/axe-core/axe.min.js" ]; then
	fail "tests/node_modules has playwright-core and axe-core (make deps)"
	exit 1
fi
if ! command -v node >/dev/null 2>&1 || [ ! -x "$CHROMIUM" ]; then
	fail "node and $CHROMIUM are installed (make deps)"
	exit 1
fi

# The database: the shared demo one, or REGSITE_TEST_DB (a copy of it
# is used; the file itself is never touched).
if [ -n "${REGSITE_TEST_DB:-}" ]; then
	cp "$REGSITE_TEST_DB" "$WORK/test.db" && db="$WORK/test.db"
else
	db=$(demo_db) || { fail "the demo database could not be made"; exit 1; }
fi

# The site (some 200 MB) in memory where there is /dev/shm: removing it
# from a disk takes longer than the tests.
site=$WORK/site
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	site=$(mktemp -d /dev/shm/regsite-browser.XXXXXX) || site=$WORK/site
fi
# The site, and the files a build keeps beside it (.NAME.regsite-*).
rm_site() {
	[ "$site" = "$WORK/site" ] ||
	    rm -rf "$site" "$(dirname "$site")/.$(basename "$site").regsite-"*
}
trap 'rm -rf "$WORK"; rm_site' EXIT

port=$(node -e 'const s = require("net").createServer();
s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
base="http://127.0.0.1:$port/"
sed "s#^base_url *=.*#base_url = $base#" "$TOP/content/site.ini" \
    >"$WORK/site.ini"
if ! "$REGSITE" build --db "$db" --out "$site" --config "$WORK/site.ini" --no-record \
    --quiet 2>"$WORK/build.err"; then
	fail "the site builds"
	cat "$WORK/build.err"
	exit 1
fi

"$REGSITE" serve --dir "$site" --port "$port" 2>"$WORK/serve.log" &
server=$!
cleanup() {
	kill $server ${nginx_pid:-} 2>/dev/null
	wait $server 2>/dev/null
	rm -rf "$WORK"
	rm_site
}
trap cleanup EXIT
# Wait (up to 20 s, ASan is slow to start) until it answers.
if ! node -e 'const u = process.argv[1];
let n = 0;
const t = () => fetch(u).then(() => process.exit(0), () =>
    ++n < 200 ? setTimeout(t, 100) : process.exit(1));
t();' "$base"; then
	fail "regsite serve answers on $base"
	cat "$WORK/serve.log"
	exit 1
fi

export BASE_URL="$base" SITE_DIR="$site"
for t in "$TOP"/tests/browser/*.mjs; do
	name=$(basename "$t" .mjs)
	t0=$(date +%s)
	node "$t" >"$WORK/out" 2>&1
	rc=$?
	echo "# browser/$name: $(($(date +%s) - t0)) s"
	cat "$WORK/out"
	if [ "$rc" -ne 0 ] && ! grep -q '^not ok ' "$WORK/out"; then
		fail "browser/$name exited with status $rc"
	fi
done

# content/nginx.conf, the example production server: the same security
# headers as the preview server; if nginx is installed, it passes
# `nginx -t` and serves this site with the right types and caching.
csp=$(node -e 'fetch(process.argv[1]).then((r) =>
    console.log(r.headers.get("content-security-policy")))' "$base")
check "nginx.conf sends the same CSP as regsite serve" \
    grep -qF "add_header Content-Security-Policy \"$csp\" always;" \
    "$TOP/content/nginx.conf"
for h in Strict-Transport-Security X-Content-Type-Options Referrer-Policy; do
	check "nginx.conf sends $h" \
	    grep -q "^	add_header $h .* always;" "$TOP/content/nginx.conf"
done
if command -v nginx >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1 &&
    command -v curl >/dev/null 2>&1; then
	ng="$WORK/nginx"
	mkdir -p "$ng/tmp"
	: >"$ng/main.conf"
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$ng/key.pem" \
	    -out "$ng/cert.pem" -days 1 -subj /CN=localhost 2>/dev/null
	p2=$(node -e 'const s = require("net").createServer();
s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
	p3=$(node -e 'const s = require("net").createServer();
s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
	sed -e "s#/etc/ssl/registry/fullchain.pem#$ng/cert.pem#" \
	    -e "s#/etc/ssl/registry/privkey.pem#$ng/key.pem#" \
	    -e "s#/srv/registry/current#$site#" \
	    -e "s#listen 443 ssl;#listen 127.0.0.1:$p2 ssl;#" \
	    -e "s#listen 80;#listen 127.0.0.1:$p3;#" \
	    -e "/listen \[::\]/d" "$TOP/content/nginx.conf" >"$ng/site.conf"
	# Workers as root only when root (they must read $WORK, mode 0700).
	[ "$(id -u)" -eq 0 ] && echo "user root;" >"$ng/main.conf"
	cat >>"$ng/main.conf" <<NGINX
error_log $ng/error.log;
pid $ng/nginx.pid;
events {}
http {
	access_log off;
	client_body_temp_path $ng/tmp;
	proxy_temp_path $ng/tmp;
	fastcgi_temp_path $ng/tmp;
	uwsgi_temp_path $ng/tmp;
	scgi_temp_path $ng/tmp;
	include $ng/site.conf;
}
NGINX
	if nginx -t -q -p "$ng" -c "$ng/main.conf" 2>"$ng/t.err" &&
	    ! grep -q warn "$ng/t.err"; then
		ok "nginx.conf passes nginx -t without warnings"
	else
		fail "nginx.conf passes nginx -t without warnings"
		cat "$ng/t.err"
	fi
	if nginx -p "$ng" -c "$ng/main.conf" 2>>"$ng/t.err"; then
		nginx_pid=$(cat "$ng/nginx.pid")
		u="https://127.0.0.1:$p2"
		# has_header PATH LINE: the answer to PATH has header LINE.
		has_header() {
			curl -sk -o /dev/null -D - -H 'Accept-Encoding: gzip' \
			    "$u/$1" | tr -d '\r' | grep -qxF "$2"
		}
		status_is() {
			[ "$(curl -sk -o "$ng/body" -w '%{http_code}' "$u/$1")" = "$2" ]
		}
		check "nginx: HTML is UTF-8" \
		    has_header kk/index.html "Content-Type: text/html; charset=utf-8"
		check "nginx: HTML is compressed" \
		    has_header kk/index.html "Content-Encoding: gzip"
		check "nginx: HTML is revalidated" \
		    has_header kk/index.html "Cache-Control: no-cache"
		check "nginx: HTML has the CSP" \
		    has_header kk/index.html "Content-Security-Policy: $csp"
		css=$(cd "$site/static" && ls style.*.css)
		check "nginx: fingerprinted CSS is immutable for a year" \
		    has_header "static/$css" \
		    "Cache-Control: public, max-age=31536000, immutable"
		q=$(cd "$site/kk" && ls -d 20*-q* | head -1)
		for t in "data/$q/incidents-ru.csv text/csv" \
		    "kk/feed.xml application/atom+xml" \
		    "data/SHA256SUMS text/plain"; do
			set -- $t
			check "nginx: $1 is $2; charset=utf-8" \
			    has_header "$1" "Content-Type: $2; charset=utf-8"
		done
		check "nginx: a table's record index is application/gzip, sent as it is" \
		    sh -c "curl -sk -D '$ng/h' -o '$ng/ix' -H 'Accept-Encoding: gzip' '$u/kk/$q/incidents/records.json.gz' &&
		    tr -d '\r' <'$ng/h' | grep -qx 'Content-Type: application/gzip' &&
		    ! grep -qi '^Content-Encoding' '$ng/h' &&
		    cmp -s '$ng/ix' '$site/kk/$q/incidents/records.json.gz'"
		check "nginx: a quarter's JSON download is application/gzip, sent as it is" \
		    sh -c "curl -sk -D '$ng/h' -o '$ng/js' -H 'Accept-Encoding: gzip' '$u/data/$q/incidents-kk.json.gz' &&
		    tr -d '\r' <'$ng/h' | grep -qx 'Content-Type: application/gzip' &&
		    ! grep -qi '^Content-Encoding' '$ng/h' &&
		    cmp -s '$ng/js' '$site/data/$q/incidents-kk.json.gz'"
		check "nginx: a workbook is a spreadsheet" \
		    has_header data/all/incidents-kk.xlsx \
		    "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		check "nginx: a missing page is the site's 404 page" sh -c \
		    "[ \"\$(curl -sk -o '$ng/404' -w '%{http_code}' '$u/kk/nope/')\" = 404 ] &&
		    cmp -s '$ng/404' '$site/404.html'"
		check "nginx: the .regsite marker is not served" \
		    status_is .regsite 404
		check "nginx: plain HTTP redirects to HTTPS" sh -c \
		    "curl -s -D - -o /dev/null 'http://127.0.0.1:$p3/kk/' | tr -d '\r' |
		    grep -q '^Location: https://'"
		kill "$(cat "$ng/nginx.pid")" 2>/dev/null
	else
		fail "nginx starts with nginx.conf"
		cat "$ng/t.err"
	fi
else
	echo "# nginx, openssl or curl not installed: nginx.conf not run"
fi

# The preview server stops cleanly on SIGTERM, with nothing from the
# sanitizers when they are built in.
kill "$server"
wait "$server"
rc=$?
check "regsite serve stops on SIGTERM (status $rc)" [ "$rc" -eq 0 ]
if grep -Eq 'AddressSanitizer|LeakSanitizer|runtime error' "$WORK/serve.log"; then
	fail "regsite serve: no sanitizer report"
	grep -E -A5 'AddressSanitizer|LeakSanitizer|runtime error' \
	    "$WORK/serve.log" | head -30
else
	ok "regsite serve: no sanitizer report"
fi
