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

port=$(node -e 'const s = require("net").createServer();
s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
base="http://127.0.0.1:$port/"
sed "s#^base_url *=.*#base_url = $base#" "$TOP/content/site.ini" \
    >"$WORK/site.ini"
if ! "$REGSITE" build --db "$db" --out "$WORK/site" --config "$WORK/site.ini" \
    --quiet 2>"$WORK/build.err"; then
	fail "the site builds"
	cat "$WORK/build.err"
	exit 1
fi

"$REGSITE" serve --dir "$WORK/site" --port "$port" 2>"$WORK/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$WORK"' EXIT
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

export BASE_URL="$base" SITE_DIR="$WORK/site"
for t in "$TOP"/tests/browser/*.mjs; do
	name=$(basename "$t" .mjs)
	node "$t" >"$WORK/out" 2>&1
	rc=$?
	cat "$WORK/out"
	if [ "$rc" -ne 0 ] && ! grep -q '^not ok ' "$WORK/out"; then
		fail "browser/$name exited with status $rc"
	fi
done
