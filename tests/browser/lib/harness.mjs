// harness.mjs -- what the browser tests share: the served site, Chromium,
// result lines, the list of page types, watching a page for errors.
//
// The environment comes from tests/t_browser.sh:
//   BASE_URL   the served site, e.g. http://127.0.0.1:40123/
//   SITE_DIR   the same site on disk (to read records.json.gz, list pages)
//   CHROMIUM   the browser binary (default /usr/bin/chromium)
//   ARTIFACTS  where screenshots go (tests/run.sh exports it)
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const NODE_MODULES = path.resolve(here, '../../node_modules');
const { chromium } = await import(path.join(NODE_MODULES,
    'playwright-core/index.mjs'));

export const BASE = process.env.BASE_URL;
export const SITE = process.env.SITE_DIR;
export const ARTIFACTS = process.env.ARTIFACTS ||
    path.resolve(here, '../../artifacts');
if (!BASE || !SITE) {
	console.log('not ok - BASE_URL and SITE_DIR are set ' +
	    '(run through tests/t_browser.sh)');
	process.exit(1);
}
export const ORIGIN = new URL(BASE).origin;

let failures = 0;
export function ok(msg) {
	console.log(`ok - ${msg}`);
}
export function fail(msg, details = []) {
	failures++;
	console.log(`not ok - ${msg}`);
	for (const d of details.slice(0, 25))
		console.log(`  ${d}`);
	if (details.length > 25)
		console.log(`  ... and ${details.length - 25} more`);
}
export function check(msg, problems) {
	if (problems.length)
		fail(msg, problems);
	else
		ok(msg);
}
export function expect(msg, cond, detail) {
	if (cond)
		ok(msg);
	else
		fail(msg, detail === undefined ? [] : [String(detail)]);
	return cond;
}
export function finish(browser) {
	return (browser ? browser.close() : Promise.resolve()).then(() =>
	    process.exit(failures ? 1 : 0));
}

export async function launch() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic',
		    '--no-first-run', '--disable-background-networking',
		    '--disable-component-update', '--disable-sync'],
	});
}

// An integer as the site writes it in both languages (fmt_int in
// generator/lib/format.c): U+202F between groups of three, four-digit
// numbers ungrouped.
export function siteInt(v) {
	const d = String(Math.abs(v));
	return (v < 0 ? '\u2212' : '') + (d.length > 4 ?
	    d.replace(/\B(?=(\d{3})+$)/g, '\u202f') : d);
}

// --- the site -----------------------------------------------------------

// A JSON file of the site, or a gzip-compressed one (*.json.gz).
export function readJSON(rel) {
	const b = fs.readFileSync(path.join(SITE, rel));
	return JSON.parse((rel.endsWith('.gz') ? zlib.gunzipSync(b) : b)
	    .toString('utf8'));
}

function dirs(rel) {
	return fs.readdirSync(path.join(SITE, rel), { withFileTypes: true })
	    .filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

export const QUARTERS = dirs('kk').filter((d) => /^\d{4}-q[1-4]$/.test(d));
const SPECIAL = new Set(['archive', 'charts', 'data', 'statistics',
    'explore', 'releases']);
export const CONTENT = dirs('kk').filter((d) => !SPECIAL.has(d) &&
    !QUARTERS.includes(d) &&
    fs.existsSync(path.join(SITE, 'kk', d, 'index.html')));

// The quarter the table tests use: the one whose incidents table has
// the most pages (at least two, so that page 2 and a search across
// pages can be checked).
export const TABLE_QUARTER = QUARTERS.map((q) => [q,
    readJSON(`kk/${q}/incidents/records.json.gz`).pages])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0][0];
export const LATEST = QUARTERS[QUARTERS.length - 1];

export function tablePath(lang, q = TABLE_QUARTER, form = 'incidents',
    page = 1) {
	return `${lang}/${q}/${form}/` + (page > 1 ? `page-${page}/` : '') +
	    'index.html';
}

export function firstRecord(lang, q = TABLE_QUARTER, form = 'incidents') {
	const ix = readJSON(`${lang}/${q}/${form}/records.json.gz`);
	return `${lang}/${q}/${form}/${ix.records[0].href}`;
}

// The current release's folder (the newest of kk/releases/).
export const RELEASE = dirs('kk/releases').sort().pop();

// The page of the table quarter's first profile group (incidents).
export function groupPath(lang, q = TABLE_QUARTER, form = 'incidents') {
	const g = dirs(`${lang}/${q}/${form}/group`)[0];
	return `${lang}/${q}/${form}/group/${g}/index.html`;
}

// Every page type: [name, path].  Root and 404 are bilingual pages.
export function pageTypes(langs = ['kk', 'ru']) {
	const list = [['root', 'index.html']];
	for (const l of langs) {
		list.push([`${l} home`, `${l}/index.html`],
		    [`${l} quarter`, `${l}/${TABLE_QUARTER}/index.html`],
		    [`${l} table page 1`, tablePath(l)],
		    [`${l} table page 2`, tablePath(l, TABLE_QUARTER,
			'incidents', 2)],
		    [`${l} insurance table`, tablePath(l, TABLE_QUARTER,
			'insurance')],
		    [`${l} record`, firstRecord(l)],
		    [`${l} insurance record`, firstRecord(l, TABLE_QUARTER,
			'insurance')],
		    [`${l} statistics`, `${l}/statistics/index.html`],
		    [`${l} archive`, `${l}/archive/index.html`],
		    [`${l} data`, `${l}/data/index.html`],
		    [`${l} dictionary`, `${l}/data/dictionary/index.html`],
		    [`${l} explorer`, `${l}/explore/incidents/index.html`],
		    [`${l} insurance explorer`,
			`${l}/explore/insurance/index.html`],
		    [`${l} group page`, groupPath(l)],
		    [`${l} releases`, `${l}/releases/index.html`],
		    [`${l} release`, `${l}/releases/${RELEASE}/index.html`]);
		for (const c of CONTENT)
			list.push([`${l} ${c}`, `${l}/${c}/index.html`]);
	}
	list.push(['404', 'kk/no-such-page/']);
	return list;
}

// --- watching a page ------------------------------------------------------

// Collects, per page: requests to another origin, failed requests,
// console errors, uncaught exceptions and CSP violations (reported by
// the browser on the console and by a securitypolicyviolation
// listener, installed by CDP: no inline script).
export async function watch(page) {
	const log = { offsite: [], failed: [], console: [], csp: [] };
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			console.error(`CSP violation: ${e.violatedDirective} ` +
			    `${e.blockedURI}`);
		});
	});
	page.on('request', (r) => {
		const u = r.url();
		if (!u.startsWith('data:') && !u.startsWith('about:') &&
		    new URL(u).origin !== ORIGIN)
			log.offsite.push(u);
	});
	page.on('requestfailed', (r) => {
		const why = r.failure() ? r.failure().errorText : '?';
		// Requests cancelled by leaving the page are not failures.
		if (why !== 'net::ERR_ABORTED')
			log.failed.push(`${r.url()}: ${why}`);
	});
	page.on('response', (r) => {
		// The 404 page itself is expected; nothing it loads is.
		if (r.status() >= 400 && r.request().resourceType() !==
		    'document')
			log.failed.push(`${r.url()}: HTTP ${r.status()}`);
	});
	page.on('console', (m) => {
		if (m.type() !== 'error')
			return;
		// The 404 page's own status, which Chromium logs.
		if (/status of 404/.test(m.text()) && m.location().url ===
		    page.url() && /no-such-page/.test(page.url()))
			return;
		(/Content Security Policy|CSP violation/.test(m.text()) ?
		    log.csp : log.console).push(m.text());
	});
	page.on('pageerror', (e) => log.console.push(`uncaught: ${e.message}`));
	return log;
}

// screenshot: page.screenshot, tried again after a pause when Chromium
// answers "Unable to capture screenshot", which it does now and then
// under load (a compositor frame not ready); any other error, or the
// third failure, is thrown.
export async function screenshot(page, opts) {
	for (let i = 0; ; i++) {
		try {
			return await page.screenshot(opts);
		} catch (e) {
			if (i >= 2 || !/Unable to capture screenshot/.test(
			    e.message))
				throw e;
			await new Promise((r) => setTimeout(r, 500));
		}
	}
}

export function screenshotDir() {
	const dir = path.join(ARTIFACTS, 'browser');
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}
