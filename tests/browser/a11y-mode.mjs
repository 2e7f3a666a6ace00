// a11y-mode.mjs -- the version for visually impaired visitors: reachable
// from every page type; without JavaScript the #a11y link turns it on
// for the page (CSS :target) and "#" turns it off; with JavaScript it is
// remembered across pages and reloads (localStorage) until switched
// off.  Larger type and black text when on.
import fs from 'node:fs';
import path from 'node:path';
import { BASE, SITE, launch, check, expect, finish, pageTypes } from
    './lib/harness.mjs';

const browser = await launch();

const look = (page) => page.evaluate(() => {
	const cs = getComputedStyle(document.documentElement);
	const vis = (sel) => {
		const el = document.querySelector(sel);
		return !!el && el.getClientRects().length > 0;
	};
	return {
		size: parseFloat(cs.fontSize),
		text: getComputedStyle(document.body).color,
		on: vis('.a11y-on'), off: vis('.a11y-off'),
		cls: document.documentElement.className,
	};
});

// Every page type has the switch (read from the built files: the same
// bytes the browser gets).
{
	const problems = [];
	for (const [name, p] of pageTypes()) {
		const file = name === '404' ? '404.html' : p;
		const html = fs.readFileSync(path.join(SITE, file), 'utf8');
		const m = html.match(/<div class="a11y-bar" id="a11y">\s*<div class="wrap">\s*<a class="a11y-on" href="#a11y">([^<]{5,})/);
		if (!m)
			problems.push(`${name}: no link to #a11y`);
	}
	check('every page type links to the version for visually ' +
	    'impaired visitors', problems);
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await page.goto(`${BASE}ru/index.html`);
	const t = await page.textContent('.a11y-on');
	expect('the link is in the page\'s language (ru)',
	    /слабовидящих/.test(t), t);
	await page.goto(`${BASE}kk/index.html`);
	expect('the link is in the page\'s language (kk)',
	    /көретіндерге/.test(await page.textContent('.a11y-on')));
	await ctx.close();
}

// Without JavaScript: CSS :target.
{
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const page = await ctx.newPage();
	await page.goto(`${BASE}kk/index.html`);
	const off = await look(page);
	await page.click('.a11y-on');
	const on = await look(page);
	expect('without JavaScript: the link switches the version on',
	    page.url().endsWith('#a11y') && on.size >= off.size * 1.3 &&
	    on.text === 'rgb(0, 0, 0)' && on.off && !on.on,
	    JSON.stringify({ off, on }));
	await page.click('.a11y-off');
	const back = await look(page);
	expect('without JavaScript: "normal version" switches it off',
	    back.size === off.size && back.on && !back.off,
	    JSON.stringify(back));
	await ctx.close();
}

// With JavaScript: remembered.
{
	const ctx = await browser.newContext();
	const page = await ctx.newPage();
	await page.goto(`${BASE}ru/index.html`);
	const off = await look(page);
	await page.focus('.a11y-on');
	await page.keyboard.press('Enter');
	const on = await look(page);
	expect('with JavaScript: Enter on the link switches it on',
	    on.size >= off.size * 1.3 && on.off && !on.on &&
	    !page.url().includes('#a11y'), JSON.stringify(on));
	expect('the focus moves to the way back',
	    await page.evaluate(() => document.activeElement.matches(
	    '.a11y-off')));
	await page.goto(`${BASE}ru/statistics/index.html`);
	expect('it is remembered on the next page',
	    (await look(page)).size === on.size);
	await page.reload();
	expect('and after a reload', (await look(page)).size === on.size);
	await page.click('.a11y-off');
	expect('"normal version" switches it off',
	    (await look(page)).size === off.size);
	await page.goto(`${BASE}ru/index.html`);
	expect('and that is remembered too',
	    (await look(page)).size === off.size);
	// A #a11y address (a link shared without JavaScript) switches it
	// on and remembers it; switching off wins over the :target.
	await page.goto(`${BASE}kk/index.html#a11y`);
	expect('an address ending in #a11y switches it on',
	    (await look(page)).size === on.size);
	await page.click('.a11y-off');
	expect('and "normal version" wins over the #a11y target',
	    (await look(page)).size === off.size);
	await ctx.close();
}

await finish(browser);
