// phone.mjs -- issue 14: the site on a phone (375 CSS px) and the
// large-print version.  Every page type: nothing scrolls sideways, the
// page nor a table's box; record rows are cards, every value under its
// column's heading; the home and downloads tables fit; chart text is
// never below 12 CSS px; the large-print version draws charts larger.
// Screenshots of the phone pages go to ARTIFACTS/phone/.  Then the
// journalist's tasks, by clicks, on a phone: a trend, a regional rate
// per 100 000 a year with its population's source, a citation.
import fs from 'node:fs';
import path from 'node:path';
import { BASE, ARTIFACTS, launch, check, expect, finish, pageTypes,
    tablePath, groupPath, LATEST, QUARTERS, screenshot } from
    './lib/harness.mjs';

const browser = await launch();
const shots = path.join(ARTIFACTS, 'phone');
fs.mkdirSync(shots, { recursive: true });

// What a page does wrong at this width, as strings.
const problemsOf = (page) => page.evaluate(() => {
	const out = [];
	const w = document.documentElement.clientWidth;
	if (document.documentElement.scrollWidth > w)
		out.push(`the page scrolls sideways: ` +
		    `${document.documentElement.scrollWidth} > ${w}`);
	for (const box of document.querySelectorAll('.cards-scroll'))
		if (box.getClientRects().length &&
		    box.scrollWidth > box.clientWidth + 1)
			out.push(`a table scrolls sideways: ${box.scrollWidth}` +
			    ` > ${box.clientWidth} (` +
			    box.querySelector('table').className + ')');
	// Chart text as drawn: the SVG's font size times its scale.
	let min = Infinity, where = '';
	for (const svg of document.querySelectorAll('.chart-svg svg')) {
		if (!svg.getClientRects().length)
			continue;
		const k = svg.getBoundingClientRect().width /
		    svg.viewBox.baseVal.width;
		for (const t of svg.querySelectorAll('text')) {
			const fs = parseFloat(getComputedStyle(t).fontSize) * k;
			if (fs < min) {
				min = fs;
				where = svg.id || svg.getAttribute('aria-labelledby');
			}
		}
	}
	if (min < 12)
		out.push(`chart text of ${min.toFixed(1)} px (${where})`);
	return { out, min };
});

// Every page type in both languages, at 375 px.
{
	const ctx = await browser.newContext({ viewport: { width: 375,
	    height: 740 }, deviceScaleFactor: 1, isMobile: true,
	    hasTouch: true });
	const page = await ctx.newPage();
	const problems = [];
	let mins = [];
	for (const [name, p] of pageTypes()) {
		await page.goto(BASE + p);
		const r = await problemsOf(page);
		for (const o of r.out)
			problems.push(`${name}: ${o}`);
		if (r.min !== Infinity)
			mins.push(r.min);
		if (name.startsWith('ru') || name === 'root')
			await screenshot(page, { path: path.join(shots,
			    name.replace(/\W+/g, '-') + '.png'),
			    fullPage: false });
	}
	check(`375 px: no page or table scrolls sideways, chart text ` +
	    `at least 12 px (${pageTypes().length} pages, smallest chart ` +
	    `text ${Math.min(...mins).toFixed(1)} px)`, problems);

	// Record rows are cards: every cell labelled with its heading (the
	// labels are the style sheet's, per language, form and kind of
	// table: a group page has the coded columns only).
	for (const [lang, form, where] of [['ru', 'incidents', tablePath],
	    ['ru', 'insurance', tablePath], ['kk', 'incidents', tablePath],
	    ['kk', 'insurance', groupPath], ['ru', 'incidents', groupPath]]) {
		await page.goto(BASE + where(lang, undefined, form));
		const r = await page.evaluate(() => {
			const rows = [...document.querySelectorAll(
			    '#records tbody tr')];
			const heads = [...document.querySelectorAll(
			    '#records thead th')].map((th) =>
			    th.textContent.replace(/\s+/g, ' ').trim()
			    .replace(/^(\d+) /, '$1. '));
			const bad = [];
			if (heads.length !== rows[0].cells.length)
				bad.push(`${heads.length} headings, ` +
				    `${rows[0].cells.length} cells`);
			for (const tr of rows.slice(0, 10))
				for (const td of tr.querySelectorAll('td')) {
					const l = getComputedStyle(td,
					    '::before').content.replace(/^"|"$/g, '');
					if (!heads.some((h) => h === l))
						bad.push(`'${l}'`);
					if (td.getBoundingClientRect().right >
					    document.documentElement.clientWidth)
						bad.push('a cell past the edge');
				}
			const tr = rows[0].getBoundingClientRect();
			return { bad: bad.slice(0, 5), n: rows.length,
			    width: tr.width, display:
			    getComputedStyle(rows[0]).display };
		});
		expect(`375 px: ${lang} ${form}${where === groupPath ?
		    ' (a group page)' : ''} rows are cards, every value under ` +
		    `its column's heading (${r.n} rows, ${Math.round(r.width)}` +
		    ' px wide)', r.display === 'block' && r.bad.length === 0 &&
		    r.width <= 375, JSON.stringify(r));
	}
	// A long text is folded: its first three lines and "more" (the
	// style sheet's, in the page's language); a tap opens it: the
	// whole text, "less".  The text is in the page once.
	for (const [lang, more, less] of [['ru', 'подробнее', 'свернуть'],
	    ['kk', 'толығырақ', 'жасыру']]) {
		await page.goto(BASE + tablePath(lang));
		const after = () => page.evaluate(() => {
			const d = document.querySelector('#records details.fold');
			if (!d)
				return null;
			const t = d.querySelector('summary > span');
			const lh = parseFloat(getComputedStyle(t).lineHeight);
			return { link: getComputedStyle(
			    d.querySelector('summary'), '::after').content,
			    lines: Math.round(t.getBoundingClientRect().height /
			    lh),
			    cut: t.scrollHeight > t.clientHeight + 1,
			    once: d.textContent === t.textContent };
		});
		const closed = await after();
		if (closed)
			await page.click('#records details.fold summary');
		const open = closed && await after();
		expect(`375 px, ${lang}: a folded text shows three lines and ` +
		    `"${more}"; a tap shows it whole and "${less}"`, closed &&
		    closed.link === `"${more}"` && closed.lines === 3 &&
		    closed.cut && closed.once && open.link === `"${less}"` &&
		    !open.cut && open.lines > 3,
		    JSON.stringify([closed, open]));
	}
	await ctx.close();
}

// A table page's menu of quarters, by taps on a phone: the form's table
// of the quarter before and after, this quarter (current) and the
// archive, each a target of 24 px or more inside the screen; "next"
// opens the next quarter's table.  Other pages list every quarter.
if (QUARTERS.length >= 3) {
	const ctx = await browser.newContext({ viewport: { width: 375,
	    height: 740 }, deviceScaleFactor: 1, isMobile: true,
	    hasTouch: true });
	const page = await ctx.newPage();
	const [prev, q, next] = QUARTERS.slice(0, 3);
	for (const lang of ['kk', 'ru']) {
		await page.goto(BASE + tablePath(lang, q));
		if (await page.isVisible('.menu-toggle'))
			await page.tap('.menu-toggle');
		await page.tap('.nav-quarters summary');
		const links = await page.evaluate(() => [...document
		    .querySelectorAll('.quarter-menu a')].map((a) => {
			const r = a.getBoundingClientRect();
			return { href: a.getAttribute('href'), text:
			    a.textContent, current: a.getAttribute(
			    'aria-current'), h: Math.round(r.height), right:
			    Math.round(r.right), shown: r.width > 0 &&
			    r.height > 0 };
		}));
		const w = await page.evaluate(() =>
		    document.documentElement.clientWidth);
		const want = [`${prev}/incidents/index.html`,
		    `${q}/index.html`, `${next}/incidents/index.html`,
		    'archive/index.html'];
		expect(`375 px, ${lang}: a table page's menu of quarters: ` +
		    'the tables before and after, its quarter, the archive; ' +
		    'each tappable (24 px or more) inside the screen',
		    links.length === 4 && links.every((l, i) =>
		    l.href.endsWith(`/${lang}/${want[i]}`) && l.shown &&
		    l.h >= 24 && l.right <= w) && links[1].current === 'page' &&
		    links.filter((l) => l.current).length === 1,
		    JSON.stringify(links));
		const to = `/${lang}/${next}/incidents/index.html`;
		await Promise.all([page.waitForNavigation(),
		    page.tap(`.quarter-menu a[href$="${to}"]`)]);
		expect(`375 px, ${lang}: "next" opens the next quarter's ` +
		    'table', page.url().endsWith(to), page.url());
		await page.goto(`${BASE}${lang}/archive/index.html`);
		const n = await page.evaluate(() =>
		    document.querySelectorAll('.quarter-menu .year-quarters a')
		    .length);
		expect(`${lang}: other pages' menu lists every quarter (${n})`,
		    n === QUARTERS.length, String(n));
	}
	await ctx.close();
}

// On a desktop the record table is a table: no card labels in its cells.
{
	const ctx = await browser.newContext({ viewport: { width: 1280,
	    height: 900 } });
	const page = await ctx.newPage();
	await page.goto(BASE + tablePath('ru'));
	const shown = await page.evaluate(() => [...document.querySelectorAll(
	    '#records tbody tr:first-child td')].filter((td) =>
	    getComputedStyle(td, '::before').display !== 'none').length);
	expect('1280 px: the record table\'s cells show no card labels',
	    shown === 0, `${shown} cells with a label`);
	await ctx.close();
}

// The large-print version enlarges chart text (desktop width).
{
	const sizes = [];
	for (const a11y of [false, true]) {
		const ctx = await browser.newContext({ viewport: { width: 1280,
		    height: 900 } });
		const page = await ctx.newPage();
		if (a11y)
			await page.addInitScript(() =>
			    localStorage.setItem('regsite-a11y', '1'));
		await page.goto(`${BASE}kk/statistics/index.html`);
		const r = await problemsOf(page);
		// Kazakh axis labels keep their spaces: letter-spacing of the
		// large print does not reach the charts.
		const ls = await page.evaluate(() => getComputedStyle(
		    [...document.querySelectorAll('.chart-svg svg')].find(
		    (s) => s.getClientRects().length)).letterSpacing);
		sizes.push([r.min, ls]);
		await ctx.close();
	}
	expect(`the large-print version draws chart text larger ` +
	    `(${sizes[0][0].toFixed(1)} -> ${sizes[1][0].toFixed(1)} px), ` +
	    'with normal letter-spacing', sizes[1][0] >= sizes[0][0] * 1.3 &&
	    sizes[1][1] === 'normal', JSON.stringify(sizes));
}

// A journalist on a phone: home -> statistics (menu) -> the regional
// rates' table; the population's source; how to cite; the workbook.
{
	const ctx = await browser.newContext({ viewport: { width: 375,
	    height: 740 }, isMobile: true, hasTouch: true });
	const page = await ctx.newPage();
	await page.goto(`${BASE}ru/index.html`);
	const toggle = page.locator('.menu-toggle');
	if (await toggle.count())
		await toggle.click();
	await page.click('.site-nav a[href$="statistics/index.html"]');
	await page.waitForURL(/statistics/);
	// The trend: the first chart's data table, by quarter.
	await page.click('#incidents-by-category .chart-data summary');
	const trend = await page.locator(
	    '#incidents-by-category .chart-table tbody tr').count();
	// The regional rates: a value per region per 100 000 a year.
	await page.click('#incidents-map .chart-data summary');
	const rate = await page.evaluate(() => {
		const t = document.querySelector('#incidents-map .chart-table');
		const head = t.querySelector('thead').textContent;
		const row = [...t.querySelectorAll('tbody tr')].find((r) =>
		    /Алматы/.test(r.textContent));
		return { head, row: row && row.textContent,
		    plain100k: /100 000/.test(document.body.textContent),
		    nb100k: document.body.textContent.includes('100\u202f000'),
		    caption: document.querySelector('#incidents-map figcaption')
		    .textContent };
	});
	const cite = await page.textContent('.howto .cite');
	const visible = await page.locator('.howto .cite').isVisible();
	expect('on a phone, in a few taps: the trend by quarter, a ' +
	    'region\'s rate per 100 000 a year, the population\'s source, ' +
	    'how to cite', trend >= 2 && /в год/.test(rate.head) &&
	    /\d,\d/.test(rate.row || '') && /Население: .+, \d{4}/.test(
	    rate.caption) && visible && /Лицензия: CC BY 4\.0/.test(cite) &&
	    !rate.plain100k && rate.nb100k,
	    JSON.stringify({ trend, rate, cite }));
	await page.goto(`${BASE}ru/data/index.html`);
	const x = await page.locator('a[href$="all/incidents-ru.xlsx"]')
	    .first().isVisible();
	expect('on a phone: the workbook is on the downloads page', x);
	await page.goto(`${BASE}ru/${LATEST}/index.html`);
	expect('a quarter page says how to read its figures',
	    await page.locator('.howto').isVisible());
	await ctx.close();
}

await finish(browser);
