// network.mjs -- under the production headers (regsite serve sends the
// CSP), every page type in both languages loads nothing from another
// origin, fails no request, logs no console error and violates no
// Content-Security-Policy directive; also while the table script
// fetches records.json.gz and renders results.  The headers themselves are
// checked on one page and one asset.
import { BASE, launch, ok, fail, check, expect, finish, pageTypes,
    tablePath, watch } from './lib/harness.mjs';

const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1280,
    height: 900 } });
const page = await ctx.newPage();
const log = await watch(page);
const seen = { offsite: [], failed: [], console: [], csp: [] };

function collect(name) {
	for (const k of Object.keys(seen)) {
		for (const x of log[k])
			seen[k].push(`${name}: ${x}`);
		log[k].length = 0;
	}
}

const types = pageTypes();
for (const [name, p] of types) {
	const r = await page.goto(BASE + p, { waitUntil: 'load' });
	if (name === '404')
		expect('a missing page answers 404 with the site\'s page',
		    r.status() === 404 && (await page.$('main')) !== null,
		    r.status());
	if (/table/.test(name))
		await page.waitForSelector('#tt-q');
	collect(name);
}
// The table script at work: a filter and a search.
for (const l of ['kk', 'ru']) {
	await page.goto(BASE + tablePath(l) + '?sort=3&dir=desc');
	await page.waitForSelector('.tt-results:not([hidden]) tbody tr');
	await page.fill('#tt-q', 'a');
	await page.waitForTimeout(400);
	collect(`${l} table script`);
}
// The version for visually impaired visitors, switched on and off.
await page.goto(`${BASE}kk/index.html`);
await page.click('.a11y-on');
await page.click('.a11y-off');
collect('visually impaired version');

check(`no request leaves the origin (${types.length} page types)`,
    seen.offsite);
check('no request fails', seen.failed);
check('no console error or uncaught exception', seen.console);
check('no Content-Security-Policy violation', seen.csp);

// The headers the pages are tested under.
const res = await page.request.get(`${BASE}kk/index.html`);
const h = res.headers();
expect('pages are served with the strict CSP',
    h['content-security-policy'] === "default-src 'self'; base-uri " +
    "'none'; form-action 'self'; frame-ancestors 'none'",
    h['content-security-policy']);
const css = await page.$eval('link[rel="stylesheet"]', (l) => l.href);
const cres = await page.request.get(css);
expect('fingerprinted CSS is cached as immutable',
    /immutable/.test(cres.headers()['cache-control'] || ''),
    cres.headers()['cache-control']);

await finish(browser);
