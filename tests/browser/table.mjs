// table.mjs -- the table script (static/tables.js) on a demo quarter,
// in both languages: filter by profile group (the count equals the
// records with that code in records.json.gz), the filter in the address and
// restored by a reload, sorting by the keyboard (aria-sort, order),
// free-word search that finds a record on another page, clearing, and
// the fallback on a page opened from a file (this page only, a note).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BASE, SITE, launch, ok, fail, expect, finish, readJSON, siteInt,
    tablePath, TABLE_QUARTER } from './lib/harness.mjs';

const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1280,
    height: 900 } });
const page = await ctx.newPage();

const rowsShown = () => page.$$eval('.tt-results tbody tr',
    (trs) => trs.map((tr) => tr.querySelector('.ref') ?
    tr.querySelector('.ref').textContent : null).filter(Boolean));
const status = () => page.textContent('#tt-status');
const fold = (s, l) => s.normalize('NFC').toLocaleLowerCase(l)
    .replace(/ё/g, 'е');

// A word that occurs in few records, one of them on the last page.
function rareWord(ix, lang) {
	const counts = new Map();
	for (const r of ix.records) {
		const ws = new Set(fold(r.cells.join(' '), lang)
		    .split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 4));
		for (const w of ws)
			counts.set(w, (counts.get(w) || 0) + 1);
	}
	const last = ix.records.filter((r) => r.page === ix.pages);
	let best = null;
	for (const r of last) {
		for (const w of fold(r.cells.join(' '), lang)
		    .split(/[^\p{L}\p{N}]+/u).filter((x) => x.length > 4)) {
			const n = counts.get(w);
			if (!best || n < best.n)
				best = { word: w, n, rec: r };
		}
	}
	return best;
}

for (const lang of ['kk', 'ru']) {
	const ix = readJSON(`${lang}/${TABLE_QUARTER}/incidents/records.json.gz`);
	const url = BASE + tablePath(lang);
	const fetched = [];
	const onRequest = (rq) => fetched.push(rq.url());
	page.on('request', onRequest);
	await page.goto(url);
	await page.waitForSelector('#tt-f-group');
	ok(`${lang}: the table tools appear with the profile group filter`);
	if (fetched.some((u) => u.endsWith('/records.json.gz')))
		fail(`${lang}: a plain visit fetches only the filters, not every record`,
		    fetched.filter((u) => u.endsWith('.json')));
	else
		ok(`${lang}: a plain visit fetches only the filters, not every record`);
	page.off('request', onRequest);

	// Filter by the most frequent profile group.
	const freq = {};
	for (const r of ix.records)
		freq[r.codes.group] = (freq[r.codes.group] || 0) + 1;
	const [code, want] = Object.entries(freq).filter(([c]) => c !== '*')
	    .sort((a, b) => b[1] - a[1])[0];
	await page.focus('#tt-f-group');
	await page.selectOption('#tt-f-group', code);
	await page.waitForSelector('.tt-results:not([hidden])');
	let refs = await rowsShown();
	expect(`${lang}: group=${code} shows ${want} rows (records.json.gz)`,
	    refs.length === want, refs.length);
	const wantRefs = ix.records.filter((r) => r.codes.group === code)
	    .map((r) => r.ref);
	expect(`${lang}: they are exactly the records with that code`,
	    JSON.stringify(refs) === JSON.stringify(wantRefs));
	const st = await status();
	expect(`${lang}: the live region counts them`,
	    st.includes(siteInt(want)) &&
	    st.includes(siteInt(ix.records.length)), st);
	expect(`${lang}: the script writes numbers as the static pages do (no comma)`,
	    !/\d,\d/.test(st), st);
	expect(`${lang}: the live region is polite`,
	    await page.getAttribute('#tt-status', 'aria-live') === 'polite');
	expect(`${lang}: the page's own table and pager are hidden`,
	    await page.$eval('#records', (t) =>
	    t.closest('.table-scroll').hidden) &&
	    await page.$eval('.pager', (p) => p.hidden));
	expect(`${lang}: the results have the page's headings`,
	    await page.$eval('.tt-results thead', (h) => h.textContent) ===
	    await page.$eval('#records thead', (h) => h.textContent));
	expect(`${lang}: the address carries the filter`,
	    new URL(page.url()).searchParams.get('group') === code,
	    page.url());

	await page.reload();
	await page.waitForSelector('.tt-results:not([hidden]) tbody tr');
	expect(`${lang}: a reload restores the filter`,
	    await page.$eval('#tt-f-group', (s) => s.value) === code &&
	    (await rowsShown()).length === want);

	// Sort by № with the keyboard: Enter on the heading button.
	await page.focus('.tt-results thead th:nth-child(1) button');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Enter');
	expect(`${lang}: Enter twice on the № heading sorts descending`,
	    await page.getAttribute('.tt-results thead th:nth-child(1)',
	    'aria-sort') === 'descending');
	refs = await rowsShown();
	expect(`${lang}: the rows are in descending order`,
	    JSON.stringify(refs) === JSON.stringify([...wantRefs].reverse()));
	expect(`${lang}: the focus stays on the heading button`,
	    await page.evaluate(() => document.activeElement.matches(
	    '.tt-results th:nth-child(1) button.sort')));
	expect(`${lang}: the sort is in the address`,
	    /[?&]sort=1&dir=desc|[?&]dir=desc.*sort=1/.test(page.url()) ||
	    (new URL(page.url()).searchParams.get('sort') === '1' &&
	    new URL(page.url()).searchParams.get('dir') === 'desc'),
	    page.url());

	// Sort by a text column (6: profile): ascending by the collator.
	await page.click('.tt-results thead th:nth-child(6) button');
	const col = await page.$$eval('.tt-results tbody tr td:nth-child(6)',
	    (tds) => tds.map((t) => t.textContent));
	const coll = new Intl.Collator(lang, { numeric: true,
	    sensitivity: 'base' });
	expect(`${lang}: column 6 sorts ascending (aria-sort, order)`,
	    await page.getAttribute('.tt-results thead th:nth-child(6)',
	    'aria-sort') === 'ascending' &&
	    col.every((v, i) => i === 0 || coll.compare(col[i - 1], v) <= 0));
	// The date column sorts by month, not by the month's name.
	await page.click('.tt-results thead th:nth-child(2) button');
	const months = (await rowsShown()).map((ref) => ix.records.find(
	    (r) => r.ref === ref).codes.month);
	expect(`${lang}: the date column sorts by month`,
	    months.every((m, i) => i === 0 || months[i - 1] <= m ||
	    m === '*'), months.join(','));

	// Clear: the page table is back and the address is clean.
	await page.click('#tt-clear');
	expect(`${lang}: clearing shows the page's table again`,
	    await page.$eval('.tt-results', (r) => r.hidden) &&
	    !await page.$eval('#records', (t) =>
	    t.closest('.table-scroll').hidden) &&
	    new URL(page.url()).search === '', page.url());

	// Free words: a record on the last page, found from page 1.
	const rare = rareWord(ix, lang);
	const q = rare.word.toLocaleUpperCase(lang);
	await page.fill('#tt-q', q);
	// The search waits for a pause in typing, then fills the address.
	await page.waitForFunction((w) => new URLSearchParams(
	    location.search).get('q') === w, q, { timeout: 5000 })
	    .catch(() => {});
	refs = await rowsShown();
	const wantQ = ix.records.filter((r) => fold(r.ref + ' ' +
	    r.cells.join(' '), lang).includes(rare.word)).map((r) => r.ref);
	expect(`${lang}: "${q}" finds ${wantQ.length} records, ` +
	    `${rare.rec.ref} (page ${rare.rec.page}) among them`,
	    JSON.stringify(refs) === JSON.stringify(wantQ) &&
	    refs.includes(rare.rec.ref), refs.join(' '));
	expect(`${lang}: the matches are marked`,
	    await page.$$eval('.tt-results mark', (m) => m.length) > 0);
	expect(`${lang}: the address carries the words`,
	    new URL(page.url()).searchParams.get('q') === q, page.url());
	const link = await page.$(`.tt-results a.ref >> text=${rare.rec.ref}`);
	await Promise.all([page.waitForURL(/\/index\.html$/), link.click()]);
	expect(`${lang}: its link opens the record page`,
	    page.url().endsWith(`/${TABLE_QUARTER}/incidents/` +
	    rare.rec.href), page.url());

	// A shared address opens with the view restored.
	await page.goto(`${url}?q=${encodeURIComponent(q)}&group=nonsense`);
	await page.waitForSelector('.tt-results:not([hidden]) tbody tr');
	expect(`${lang}: a shared address restores the search ` +
	    '(an unknown code is ignored)',
	    (await rowsShown()).length === wantQ.length &&
	    await page.$eval('#tt-f-group', (s) => s.value) === '');

	// No match: a row says so.
	await page.fill('#tt-q', 'zzqqxx');
	await page.waitForFunction(() => document.querySelector(
	    '.tt-results tbody td[colspan]'));
	expect(`${lang}: no match says so`,
	    (await page.textContent('#tt-status')).includes('0'));
}

// From a file: no fetch; the search works on this page only.
{
	const lang = 'ru';
	const ix = readJSON(`${lang}/${TABLE_QUARTER}/incidents/records.json.gz`);
	const file = pathToFileURL(path.join(SITE, tablePath(lang))).href;
	const fpage = await ctx.newPage();
	const errors = [];
	fpage.on('pageerror', (e) => errors.push(e.message));
	await fpage.goto(file);
	await fpage.waitForSelector('.tt-note:not([hidden])',
	    { timeout: 5000 }).catch(() => {});
	expect('file://: a note says the search covers this page only',
	    await fpage.$('.tt-note:not([hidden])') !== null);
	const onPage = ix.records.filter((r) => r.page === 1);
	// A word in some but not all of this page's records.
	const tally = new Map();
	for (const r of onPage)
		for (const w of new Set(fold(r.cells.join(' '), lang)
		    .split(/[^\p{L}\p{N}]+/u).filter((x) => x.length > 3)))
			tally.set(w, (tally.get(w) || 0) + 1);
	const word = [...tally].filter(([, n]) => n < onPage.length)
	    .sort((a, b) => b[1] - a[1])[0][0];
	await fpage.fill('#tt-q', word);
	await fpage.waitForFunction(() => /\d/.test(document.querySelector(
	    '#tt-status').textContent));
	const visible = await fpage.$$eval('#records tbody tr',
	    (trs) => trs.filter((tr) => !tr.hidden).length);
	const want = (await fpage.$$eval('#records tbody tr', (trs, w) =>
	    trs.filter((tr) => tr.textContent.normalize('NFC')
	    .toLocaleLowerCase().replace(/ё/g, 'е').includes(w)).length,
	    word));
	expect(`file://: "${word}" leaves ${want} of ${onPage.length} ` +
	    'rows of this page', visible === want && want > 0 &&
	    want < onPage.length, visible);
	expect('file://: no uncaught error', errors.length === 0,
	    errors.join('; '));
	await fpage.close();
}

// Pages without a record table: the script does nothing (no tools).
await page.goto(`${BASE}kk/statistics/index.html`);
expect('the script is a no-op on a page without a table',
    await page.$('.tt-form') === null &&
    await page.evaluate(() => document.documentElement.classList
    .contains('js')));

await finish(browser);
