# t_chart_gallery.sh -- lay out the charts test_chart drew in a real
# browser (Playwright driving Debian's chromium): no two labels overlap,
# no label crosses a bar or tile it is not inside, every label stays in
# its chart's viewBox; the same for the random charts of random.html.
# Leaves screenshots of the gallery, 1280 and 375 pixels wide, in
# $ARTIFACTS/chart/ to look at.  Missing Node modules or Chromium are a
# failure, not a skip (make deps installs them, as for t_browser); the
# gallery comes from test_chart, which tests/run.sh runs first.
. "$TOP/tests/lib.sh"

gallery="$ARTIFACTS/chart/gallery.html"
pw="$TOP/tests/node_modules/playwright-core"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ ! -d "$pw" ] || [ -z "$browser" ] || ! command -v node >/dev/null; then
	fail "node, playwright-core and chromium are installed (make deps)"
	exit 1
fi
if [ ! -f "$gallery" ]; then
	echo "# skip: no $gallery: run build/test_chart first (tests/run.sh does)"
	exit 0
fi

cat >"$WORK/layout.js" <<'EOF'
const { chromium } = require(process.argv[2]);
const [, , , exe, gallery, outdir] = process.argv;

/* Runs in the page: the problems of each chart, in viewBox units. */
function check() {
	const out = [];
	for (const svg of document.querySelectorAll('svg.chart')) {
		const name = svg.closest('figure')
		    .querySelector('figcaption').textContent;
		const r0 = svg.getBoundingClientRect();
		const vb = svg.viewBox.baseVal;
		const s = r0.width / vb.width;
		const box = (el) => {
			const r = el.getBoundingClientRect();
			return { x0: (r.left - r0.left) / s,
			    y0: (r.top - r0.top) / s,
			    x1: (r.right - r0.left) / s,
			    y1: (r.bottom - r0.top) / s };
		};
		/* Boxes meeting by less than a unit do not count. */
		const cross = (a, b) => a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 &&
		    a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1;
		const within = (a, b) => a.x0 >= b.x0 - 1 &&
		    a.x1 <= b.x1 + 1 && a.y0 >= b.y0 - 1 && a.y1 <= b.y1 + 1;
		const texts = [...svg.querySelectorAll('text')].filter(t => t.closest('.halo') === null)
		    .filter((t) => t.textContent.trim() !== '')
		    .map((t) => ({ t: t.textContent, b: box(t),
			inside: t.closest('.inside') !== null }));
		const marks = [...svg.querySelectorAll('rect[data-value], ' +
		    'rect[data-suppressed], rect[data-nodata]')]
		    .map(box).filter((b) => b.x1 - b.x0 > 0.5 &&
			b.y1 - b.y0 > 0.5);
		const problems = [];
		const view = { x0: 0, y0: 0, x1: vb.width, y1: vb.height };
		texts.forEach((a, i) => {
			if (!within(a.b, view))
				problems.push(`"${a.t}" leaves the viewBox`);
			for (const b of texts.slice(i + 1))
				if (cross(a.b, b.b))
					problems.push(
					    `"${a.t}" overlaps "${b.t}"`);
			if (a.inside) {
				if (!marks.some((m) => within(a.b, m)))
					problems.push(`"${a.t}" sticks out`);
			} else if (marks.some((m) => cross(a.b, m)))
				problems.push(`"${a.t}" crosses a mark`);
		});
		out.push({ name, n: texts.length, problems });
	}
	return out;
}

function report(res, width) {
	if (res.length === 0)
		console.log(`not ok - the page has charts at ${width} px`);
	for (const r of res) {
		const ok = r.problems.length === 0 && r.n > 0;
		console.log(`${ok ? 'ok' : 'not ok'} - ${r.name} ` +
		    `at ${width} px: ${r.n} labels clear`);
		for (const p of r.problems.slice(0, 8))
			console.log('  ' + p);
	}
}

(async () => {
	const browser = await chromium.launch({ executablePath: exe,
	    args: ['--no-sandbox', '--disable-gpu'] });
	try {
		for (const width of [1280, 375]) {
			const page = await browser.newPage({
			    viewport: { width, height: 900 } });
			await page.goto('file://' + gallery);
			report(await page.evaluate(check), width);
			// A picture for people, not a check: Chromium under
			// load sometimes cannot capture one; tried three times.
			for (let i = 0; i < 3; i++) {
				try {
					await page.screenshot({ fullPage: true,
					    path: `${outdir}/gallery-${width}.png` });
					break;
				} catch (e) {
					console.log(`# screenshot: ${e.message.split('\n')[0]}`);
					await new Promise((r) => setTimeout(r, 500));
				}
			}
			await page.goto('file://' + outdir + '/random.html');
			report(await page.evaluate(check), width);
			await page.close();
		}
	} finally {
		await browser.close();
	}
})().catch((e) => { console.log('not ok - layout: ' + e); });
EOF
node "$WORK/layout.js" "$pw" "$browser" "$gallery" "$ARTIFACTS/chart"
