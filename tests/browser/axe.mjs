// axe.mjs -- axe-core (WCAG 2.0/2.1 A and AA) on every page type in both
// languages, on the version for visually impaired visitors, and on the
// table script's results view: zero violations.
import path from 'node:path';
import { BASE, NODE_MODULES, launch, ok, fail, finish, pageTypes,
    tablePath } from './lib/harness.mjs';

const AXE = path.join(NODE_MODULES, 'axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const browser = await launch();
// axe is injected as a script element: let it past the page's CSP
// (the CSP itself is checked in network.mjs).
const ctx = await browser.newContext({ bypassCSP: true,
    viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();

async function axe(name, setup) {
	const problems = [];
	try {
		await setup();
		await page.addScriptTag({ path: AXE });
		const r = await page.evaluate((tags) => window.axe.run(document,
		    { runOnly: { type: 'tag', values: tags },
		      resultTypes: ['violations'] }), TAGS);
		for (const v of r.violations) {
			for (const n of v.nodes.slice(0, 5))
				problems.push(`${v.id} (${v.impact}): ` +
				    `${v.help}: ${n.target.join(' ')}: ` +
				    (n.failureSummary || '').replace(/\s+/g,
				    ' ').slice(0, 240));
		}
	} catch (e) {
		problems.push(`error: ${e.message.split('\n')[0]}`);
	}
	if (problems.length)
		fail(`axe: ${name}: no WCAG 2.1 AA violations`, problems);
	else
		ok(`axe: ${name}: no WCAG 2.1 AA violations`);
}

for (const [name, p] of pageTypes()) {
	await axe(name, async () => {
		await page.goto(BASE + p, { waitUntil: 'load' });
		if (/table/.test(name))
			await page.waitForSelector('#tt-q');
	});
}

// The version for visually impaired visitors (remembered: a reload
// keeps it), on a few page types.
for (const [name, p] of [['home', 'kk/index.html'],
    ['table page 1', tablePath('ru')], ['record', pageTypes(['kk'])
    .find((x) => x[0] === 'kk record')[1]], ['statistics',
    'ru/statistics/index.html']]) {
	await axe(`visually impaired version: ${name}`, async () => {
		await page.goto(BASE + p);
		await page.evaluate(() =>
		    localStorage.setItem('regsite-a11y', '1'));
		await page.reload();
		if (!await page.evaluate(() =>
		    document.documentElement.classList.contains('a11y')))
			throw new Error('the version did not switch on');
	});
}
await page.evaluate(() => localStorage.removeItem('regsite-a11y'));

// The results of a search across the quarter (rendered by the script).
for (const l of ['kk', 'ru']) {
	await axe(`${l} table: search results across pages`, async () => {
		await page.goto(BASE + tablePath(l) + '?sort=2');
		await page.waitForSelector('#tt-caption');
	});
}

await finish(browser);
