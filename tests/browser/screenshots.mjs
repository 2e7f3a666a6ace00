// screenshots.mjs -- screenshots at 1280 and 375 px of the home page, a
// quarter table, a record, the statistics page and a content page, in
// both languages (and the home page in the version for visually
// impaired visitors), into $ARTIFACTS/browser/ for people to look at.
// Long pages are cut at MAX_HEIGHT.
import fs from 'node:fs';
import path from 'node:path';
import { BASE, launch, ok, fail, finish, tablePath, firstRecord, CONTENT,
    screenshotDir, screenshot } from './lib/harness.mjs';

const MAX_HEIGHT = 3200;
const dir = screenshotDir();
const browser = await launch();
const content = CONTENT.includes('about') ? 'about' : CONTENT[0];

const shots = [];
for (const lang of ['kk', 'ru']) {
	shots.push([`home-${lang}`, `${lang}/index.html`],
	    [`table-${lang}`, tablePath(lang)],
	    [`record-${lang}`, firstRecord(lang)],
	    [`statistics-${lang}`, `${lang}/statistics/index.html`],
	    [`content-${lang}`, `${lang}/${content}/index.html`]);
}

for (const width of [1280, 375]) {
	const ctx = await browser.newContext({ viewport: { width,
	    height: 900 } });
	const page = await ctx.newPage();
	const list = shots.concat([[`home-kk-a11y`, 'kk/index.html#a11y']]);
	for (const [name, p] of list) {
		const file = path.join(dir, `${name}-${width}.png`);
		try {
			fs.rmSync(file, { force: true });
			await page.goto(BASE + p);
			const h = await page.evaluate(() =>
			    document.documentElement.scrollHeight);
			await screenshot(page, { path: file, fullPage: true,
			    clip: { x: 0, y: 0, width,
			    height: Math.min(h, MAX_HEIGHT) } });
			if (fs.statSync(file).size > 10000)
				ok(`screenshot ${name}-${width}.png`);
			else
				fail(`screenshot ${name}-${width}.png is ` +
				    'not empty');
		} catch (e) {
			fail(`screenshot ${name}-${width}.png`,
			    [e.message.split('\n')[0]]);
		}
	}
	await ctx.close();
}

// Print: the table on a landscape A4 page, the statistics on portrait
// (screen pixels at 96 dpi), the navigation gone, the table unboxed.
{
	const ctx = await browser.newContext({ viewport: { width: 1123,
	    height: 794 } });
	const page = await ctx.newPage();
	for (const [name, p, width] of [['print-table-kk', tablePath('kk'),
	    1083], ['print-statistics-ru', 'ru/statistics/index.html', 748]]) {
		await page.setViewportSize({ width, height: 794 });
		await page.goto(BASE + p);
		await page.emulateMedia({ media: 'print' });
		const file = path.join(dir, `${name}.png`);
		await screenshot(page, { path: file, fullPage: true,
		    clip: { x: 0, y: 0, width, height: 2400 } });
		const r = await page.evaluate(() => ({
			nav: getComputedStyle(document.querySelector(
			    '.site-nav')).display,
			wide: document.documentElement.scrollWidth,
			w: window.innerWidth,
		}));
		if (r.nav === 'none' && r.wide <= r.w)
			ok(`print: ${name}.png: no navigation, nothing cut ` +
			    'at the right edge');
		else
			fail(`print: ${name}: no navigation, nothing cut`,
			    [JSON.stringify(r)]);
		await page.emulateMedia({ media: 'screen' });
	}
	await ctx.close();
}

await finish(browser);
