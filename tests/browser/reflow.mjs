// reflow.mjs -- WCAG 1.4.10: at 320 CSS px (1280 px at 400 % zoom) and
// at 640 px (1280 px at 200 % zoom) no page scrolls sideways as a whole;
// below the breakpoint record rows are cards (phone.mjs checks them).  Also the version for visually impaired visitors at 320 px and
// the page weight of a typical page.
import { BASE, launch, ok, fail, check, finish, pageTypes,
    tablePath } from './lib/harness.mjs';

const browser = await launch();

async function overflow(page) {
	return page.evaluate(() => {
		const w = document.documentElement.clientWidth;
		const sw = document.documentElement.scrollWidth;
		if (sw <= w)
			return null;
		// Name the widest culprit for the failure message.
		let worst = null;
		const clipped = (el) => {
			for (let a = el.parentElement; a && a !==
			    document.body; a = a.parentElement)
				if (getComputedStyle(a).overflowX !== 'visible')
					return true;
			return false;
		};
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.right <= w + 1 || clipped(el))
				continue;
			if (r.right > w + 1 && (!worst || r.right > worst.r))
				worst = { r: r.right, d: el.tagName + '.' +
				    el.className };
		}
		return `${sw} > ${w}` + (worst ? ` (${worst.d})` : '');
	});
}

// One pass over every page type at a width; returns the result lines
// to print, [ok, message, details].
async function pass(width, a11y, langs) {
	const out = [];
	const ctx = await browser.newContext({ viewport: { width,
	    height: 800 } });
	const page = await ctx.newPage();
	if (a11y)
		await page.addInitScript(() =>
		    localStorage.setItem('regsite-a11y', '1'));
	const problems = [];
	const types = pageTypes(langs);
	for (const [name, p] of types) {
		await page.goto(BASE + p);
		const o = await overflow(page);
		if (o)
			problems.push(`${name}: ${o}`);
	}
	// The results of the table script too.
	await page.goto(BASE + tablePath(langs[0]) + '?sort=2');
	await page.waitForSelector('.tt-results:not([hidden]) tbody tr');
	const o = await overflow(page);
	if (o)
		problems.push(`table script results: ${o}`);
	out.push([problems.length === 0, `${width} px` +
	    `${a11y ? ', visually impaired version' : ''}: no page ` +
	    `scrolls sideways (${langs.join(', ')}: ${types.length + 1} ` +
	    'pages)', problems]);

	if (width === 320 && !a11y) {
		// Issue 14: below the breakpoint the record rows are cards:
		// nothing scrolls sideways in the table's box either.
		await page.goto(BASE + tablePath('ru'));
		const r = await page.evaluate(() => {
			const box = document.querySelector('#records')
			    .closest('.table-scroll');
			return { scrolls: box.scrollWidth > box.clientWidth + 1,
			    display: getComputedStyle(document.querySelector(
			    '#records tbody tr')).display };
		});
		out.push([!r.scrolls && r.display === 'block', '320 px: the ' +
		    'record rows are cards, nothing scrolls sideways',
		    [JSON.stringify(r)]]);
	}
	await ctx.close();
	return out;
}

// 320 px in both languages; 640 px and the larger type of the version
// for visually impaired visitors in one each (time).
const passes = await Promise.all([pass(320, false, ['kk', 'ru']),
    pass(640, false, ['ru']), pass(320, true, ['kk'])]);
for (const [good, msg, details] of passes.flat()) {
	if (good)
		ok(msg);
	else
		fail(msg, details);
}

// Page weight: HTML + CSS + JS of typical pages (uncompressed).
{
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	const problems = [];
	const report = [];
	for (const p of ['kk/index.html', 'ru/about/index.html',
	    pageTypes(['kk']).find((x) => x[0] === 'kk record')[1]]) {
		let bytes = 0;
		const seen = [];
		page.on('response', async function count(r) {
			seen.push(r.body().then((b) => { bytes += b.length; },
			    () => {}));
		});
		await page.goto(BASE + p, { waitUntil: 'load' });
		await Promise.all(seen);
		page.removeAllListeners('response');
		report.push(`${p}: ${(bytes / 1024).toFixed(1)} KB`);
		if (bytes === 0 || bytes >= 100 * 1024)
			problems.push(`${p}: ${bytes} bytes`);
	}
	check(`a typical page with its CSS and JS is under 100 KB ` +
	    `(${report.join(', ')})`, problems);
	await ctx.close();
}

await finish(browser);
