// explore.mjs -- the journalist's tasks, on a phone (375 px) and a
// desktop (1280 px), with and without JavaScript:
//   deaths by region and quarter where published (the explorer's region
//     filter over the protected regional table; plain anchors without
//     JavaScript);
//   one profile group across all quarters, downloaded as rows (the
//     explorer's filter: its count is the records with that code in
//     every quarter's records.json.gz, the CSV has exactly those rows; a
//     shared link shows them again; without JavaScript, a notice and
//     per-quarter group pages with exactly that quarter's rows);
//   a citation (the release page's, and the explorer's naming the
//     filtered view);
//   what changed since the last release (home page -> release page).
import fs from 'node:fs';
import path from 'node:path';
import { BASE, SITE, QUARTERS, RELEASE, launch, ok, fail, expect, finish,
    readJSON, siteInt } from './lib/harness.mjs';

const browser = await launch();

// The most frequent real profile group over all quarters.
function groupCounts(lang) {
	const n = {}, per = {};
	for (const q of QUARTERS) {
		const ix = readJSON(`${lang}/${q}/incidents/records.json.gz`);
		per[q] = {};
		for (const r of ix.records) {
			n[r.codes.group] = (n[r.codes.group] || 0) + 1;
			per[q][r.codes.group] = (per[q][r.codes.group] || 0) +
			    1;
		}
	}
	const [code, total] = Object.entries(n).filter(([c]) =>
	    /^[a-z]+$/.test(c)).sort((a, b) => b[1] - a[1])[0];
	return { code, total, per };
}

for (const [label, width] of [['phone', 375], ['desktop', 1280]]) {
	const lang = width < 500 ? 'ru' : 'kk';
	const ctx = await browser.newContext({ viewport: { width,
	    height: 800 }, acceptDownloads: true });
	const page = await ctx.newPage();
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const where = `${label} (${width} px, ${lang})`;
	const { code, total, per } = groupCounts(lang);

	// 1. One group across all quarters, downloaded as rows.
	await page.goto(`${BASE}${lang}/index.html`);
	if (await page.isVisible('button.menu-toggle'))
		await page.click('button.menu-toggle');
	await page.click(`.nav-list a[href$="explore/incidents/index.html"]`);
	await page.waitForSelector('#ex-f-group');
	ok(`${where}: the explorer is in the home page's menu`);
	await page.selectOption('#ex-f-group', code);
	await page.waitForFunction(() => /\d/.test(
	    document.querySelector('#ex-status').textContent));
	const st = await page.textContent('#ex-status');
	expect(`${where}: group=${code} over all quarters: the live region counts ${total}`,
	    st.includes(siteInt(total)) &&
	    st.replace(/[\u202f\u00a0]/g, '').replace(/\D+/g, ' ').trim()
	    .split(' ')[0] === String(total), st);
	let all = 0;
	for (const q of QUARTERS)
		all += readJSON(`${lang}/${q}/incidents/records.json.gz`)
		    .records.length;
	expect(`${where}: the count of all records is written as the site writes numbers (${siteInt(all)}, no comma)`,
	    st.includes(siteInt(all)) && !/\d,\d/.test(st), st);
	expect(`${where}: the address carries the filter`,
	    new URL(page.url()).searchParams.get('group') === code,
	    page.url());
	const cite = await page.textContent('#citation');
	expect(`${where}: the explorer's citation names the filtered view`,
	    cite.includes(`group=${code}`), cite);
	const [dl] = await Promise.all([page.waitForEvent('download'),
	    page.click('#ex-download')]);
	const file = await dl.path();
	const csv = fs.readFileSync(file, 'utf8');
	const lines = csv.split('\r\n').filter(Boolean);
	expect(`${where}: the CSV starts with a byte-order mark and the headings, separated by ';' (as the quarter downloads)`,
	    csv.charCodeAt(0) === 0xfeff && lines[0].split('";"').length >
	    8 && !lines[0].includes('","'), lines[0]);
	expect(`${where}: the CSV's lines end in CRLF`,
	    csv.endsWith('\r\n') && !/[^\r]\n/.test(csv));
	expect(`${where}: the CSV's name is plain (${dl.suggestedFilename()})`,
	    /^[a-z]+-[A-Za-z0-9_-]+\.csv$/.test(dl.suggestedFilename()),
	    dl.suggestedFilename());
	expect(`${where}: the CSV has a row per matching record (${total})`,
	    lines.length - 1 === total, lines.length - 1);
	const quarters = new Set(lines.slice(1).map((l) =>
	    l.split('";"')[1]));
	const want = QUARTERS.filter((q) => per[q][code]).length;
	expect(`${where}: the rows come from every quarter with the group (${want})`,
	    quarters.size === want, [...quarters].join(' '));
	// On a phone the results are cards, as the quarter tables: no row
	// wider than the screen, every value under its heading.
	if (width < 500) {
		const m = await page.$eval('#ex-results', (t) => {
			const box = t.closest('.table-scroll');
			const td = t.tBodies[0].rows[0].cells[2];
			return { table: t.getBoundingClientRect().width,
			    box: box.clientWidth, scroll: box.scrollWidth,
			    doc: document.documentElement.scrollWidth,
			    tr: getComputedStyle(t.tBodies[0].rows[0]).display,
			    label: getComputedStyle(td, '::before').content };
		});
		expect(`${where}: the results are cards that fit the screen (table ${Math.round(m.table)} px in ${m.box} px)`,
		    m.tr === 'block' && m.table <= m.box + 1 &&
		    m.scroll <= m.box + 1 && m.doc <= width,
		    JSON.stringify(m));
		expect(`${where}: a card's value is under its heading`,
		    m.label.length > 3 && m.label !== 'none', m.label);
	}

	// A shared link shows the same rows.
	const shared = page.url();
	const p2 = await ctx.newPage();
	await p2.goto(shared);
	await p2.waitForFunction(() => /\d/.test(
	    document.querySelector('#ex-status').textContent));
	const n2 = await p2.$$eval('#ex-results tbody tr', (t) => t.length);
	expect(`${where}: the shared link shows the filtered rows again`,
	    n2 === Math.min(total, 200), n2);
	await p2.close();

	// A search in Cyrillic: the file's name says "search", not the
	// percent-encoded words.
	const p3 = await ctx.newPage();
	await p3.goto(`${BASE}${lang}/explore/incidents/index.html?q=` +
	    encodeURIComponent(lang === 'ru' ? 'пациент' : 'науқас'));
	await p3.waitForFunction(() => /\d/.test(
	    document.querySelector('#ex-status').textContent));
	if (await p3.isEnabled('#ex-download')) {
		const [d3] = await Promise.all([p3.waitForEvent('download'),
		    p3.click('#ex-download')]);
		expect(`${where}: a search's CSV is named plainly (${d3.suggestedFilename()})`,
		    d3.suggestedFilename() === 'incidents-search.csv',
		    d3.suggestedFilename());
	} else
		fail(`${where}: the search for a common word finds rows`);
	await p3.close();

	// 2. Deaths by region and quarter (Form 2's regional counts).
	await page.click('.lede a[href$="explore/insurance/index.html"]');
	await page.waitForSelector('#ex-region');
	const region = await page.$eval('#ex-regions tbody',
	    (tb) => tb.getAttribute('data-region'));
	await page.selectOption('#ex-region', region);
	const vis = await page.$$eval('#ex-regions tbody', (tbs) =>
	    tbs.filter((tb) => !tb.hidden).map((tb) =>
	    tb.getAttribute('data-region')));
	expect(`${where}: the region filter leaves that region's quarters`,
	    vis.length === 1 && vis[0] === region, vis.join(' '));
	const rows = await page.$$eval(`#r-${region} tr`, (trs) =>
	    trs.map((tr) => tr.cells.length));
	expect(`${where}: a row per quarter, with deaths`,
	    rows.length === QUARTERS.length && rows[0] === 4 &&
	    rows.slice(1).every((n) => n === 3), rows.join(' '));
	expect(`${where}: the region is in the address`,
	    new URL(page.url()).searchParams.get('region') === region);
	const regNote = await page.textContent('.explore-regions p');
	expect(`${where}: the explorer says regions are not in rows`,
	    regNote.length > 40);

	// The language switch keeps the reader's place: a record on a
	// table page, the explorer's filters.
	{
		const other = lang === 'ru' ? 'kk' : 'ru';
		const q = QUARTERS[0];
		const ix = readJSON(`${lang}/${q}/incidents/records.json.gz`);
		const rec = ix.records.find((r) => r.page === 2) ||
		    ix.records[ix.records.length - 1];
		const pg = rec.page > 1 ? `page-${rec.page}/` : '';
		await page.goto(`${BASE}${lang}/${q}/incidents/${pg}index.html#${rec.ref}`);
		await Promise.all([page.waitForNavigation(),
		    page.click('a.lang-switch')]);
		expect(`${where}: the language switch keeps a record's anchor (${pg}#${rec.ref})`,
		    page.url() === `${BASE}${other}/${q}/incidents/${pg}index.html#${rec.ref}` &&
		    await page.$(`[id="${rec.ref}"]`) !== null, page.url());
		await page.goto(`${BASE}${lang}/explore/incidents/index.html?group=${code}`);
		await page.waitForFunction(() => /\d/.test(
		    document.querySelector('#ex-status').textContent));
		await page.fill('#ex-q', '2025');
		await page.waitForFunction(() => /q=2025/.test(location.search));
		await Promise.all([page.waitForNavigation(),
		    page.click('a.lang-switch')]);
		const u = new URL(page.url());
		expect(`${where}: the language switch keeps the explorer's filters`,
		    u.pathname === `/${other}/explore/incidents/index.html` &&
		    u.searchParams.get('group') === code &&
		    u.searchParams.get('q') === '2025', page.url());
		await page.waitForFunction(() => /\d/.test(
		    document.querySelector('#ex-status').textContent));
		expect(`${where}: ... and the other language's explorer applies them`,
		    await page.inputValue('#ex-q') === '2025' &&
		    await page.inputValue('#ex-f-group') === code);
	}

	// 3. What changed since the last release, and its citation.
	await page.goto(`${BASE}${lang}/index.html`);
	await page.click('.release-notes a[href*="releases/"]');
	await page.waitForSelector('#citation');
	expect(`${where}: the home page's what-changed links the release page`,
	    page.url().includes(`/${lang}/releases/${RELEASE}/`),
	    page.url());
	const rc = await page.textContent('#citation');
	expect(`${where}: the release page gives a citation with its address`,
	    rc.includes(`/${lang}/releases/${RELEASE}/`), rc);
	expect(`${where}: the release page lists what changed`,
	    await page.$$eval('table.changes tbody tr', (t) => t.length) >
	    0);
	const [rdl] = await Promise.all([page.waitForEvent('download'),
	    page.click('.file-list a')]);
	const rcsv = fs.readFileSync(await rdl.path(), 'utf8');
	expect(`${where}: the release's rows download`,
	    /^\ufeff"ref","quarter","first_release"/.test(rcsv));

	expect(`${where}: no script error`, errors.length === 0,
	    errors.join('; '));
	await ctx.close();

	// 4. Without JavaScript.
	const nctx = await browser.newContext({ viewport: { width,
	    height: 800 }, javaScriptEnabled: false });
	const np = await nctx.newPage();
	await np.goto(`${BASE}${lang}/explore/incidents/index.html`);
	expect(`${where}, no JavaScript: the explorer says so`,
	    await np.isVisible('.noscript-note'));
	expect(`${where}, no JavaScript: the script's panel stays hidden`,
	    !(await np.isVisible('#explorer')));
	const q = QUARTERS.filter((x) => per[x][code]).pop();
	const link = await np.$(`#nojs-${q.replace('-q', 'Q')} a[href*="/group/${code}/"]`);
	expect(`${where}, no JavaScript: a plain link to ${q}'s ${code} rows`,
	    link !== null);
	if (link) {
		await link.click();
		await np.waitForLoadState();
		// Its pages, by the pager's "next" links.
		let n = 0, pages = 0;
		for (;;) {
			n += await np.$$eval('#records tbody tr', (t) => t.length);
			pages++;
			const next = await np.$('.pager a[rel="next"]');
			if (!next || pages > 50)
				break;
			await next.click();
			await np.waitForLoadState();
		}
		expect(`${where}, no JavaScript: its ${pages} page(s) have exactly the quarter's ${code} rows (${per[q][code]})`,
		    n === per[q][code], n);
	}
	await np.goto(`${BASE}${lang}/${q}/incidents/index.html`);
	expect(`${where}, no JavaScript: a table page says the filters need JavaScript and links the group pages`,
	    await np.isVisible('.noscript-note a[href*="explore/incidents"]'));
	await np.goto(`${BASE}${lang}/explore/insurance/index.html`);
	expect(`${where}, no JavaScript: every region's rows are shown`,
	    await np.$$eval('#ex-regions tbody', (tbs) =>
	    tbs.every((tb) => !tb.hidden)) && await np.isVisible(
	    '.region-links a'));
	await nctx.close();
}

await finish(browser);
