// axe.mjs -- axe-core (WCAG 2.0/2.1 A and AA) on every page type in both
// languages, on the version for visually impaired visitors, and on the
// table script's results view: zero violations.
import path from 'node:path';
import { BASE, NODE_MODULES, launch, ok, fail, finish, pageTypes,
    tablePath, readJSON, TABLE_QUARTER, QUARTERS } from './lib/harness.mjs';

const AXE = path.join(NODE_MODULES, 'axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WORKERS = 2;

const browser = await launch();
// axe is injected as a script element: let it past the page's CSP
// (the CSP itself is checked in network.mjs).
const ctx = await browser.newContext({ bypassCSP: true,
    viewport: { width: 1280, height: 900 } });

// One job: [name, async (page) => { bring the page to the state }].
const jobs = [];
for (const [name, p] of pageTypes()) {
	jobs.push([name, async (page) => {
		await page.goto(BASE + p, { waitUntil: 'load' });
		if (/table/.test(name))
			await page.waitForSelector('#tt-q');
	}]);
}
// The version for visually impaired visitors (remembered: set before
// the page loads, as a returning visitor has it).
const record = pageTypes(['kk']).find((x) => x[0] === 'kk record')[1];
for (const [name, p] of [['home', 'kk/index.html'],
    ['table page 1', tablePath('ru')], ['record', record],
    ['statistics', 'ru/statistics/index.html']]) {
	jobs.push([`visually impaired version: ${name}`, async (page) => {
		await page.addInitScript(() =>
		    localStorage.setItem('regsite-a11y', '1'));
		await page.goto(BASE + p);
		if (!await page.evaluate(() =>
		    document.documentElement.classList.contains('a11y')))
			throw new Error('the version did not switch on');
		if (/table/.test(name))
			await page.waitForSelector('#tt-q');
	}]);
}
// The results of the table script: a sorted, filtered view (the
// rarest profile group keeps it small) with marked search words.
for (const l of ['kk', 'ru']) {
	const ix = readJSON(`${l}/${TABLE_QUARTER}/incidents/records.json.gz`);
	const n = {};
	for (const r of ix.records)
		n[r.codes.group] = (n[r.codes.group] || 0) + 1;
	const code = Object.keys(n).sort((a, b) => n[a] - n[b])[0];
	const word = ix.records.find((r) => r.codes.group === code)
	    .cells[0].split(/\s+/)[0];
	jobs.push([`${l} table: filtered, sorted results with marks`,
	    async (page) => {
		await page.goto(BASE + tablePath(l) + `?group=` +
		    `${encodeURIComponent(code)}&q=${encodeURIComponent(word)}` +
		    '&sort=2&dir=desc');
		await page.waitForSelector('.tt-results:not([hidden]) mark');
	}]);
}

async function run([name, setup]) {
	const page = await ctx.newPage();
	const problems = [];
	try {
		await setup(page);
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
	await page.close();
	return problems;
}

// WORKERS pages at a time; results printed in the jobs' order.
const results = new Array(jobs.length);
let next = 0;
await Promise.all(Array.from({ length: WORKERS }, async () => {
	while (next < jobs.length) {
		const i = next++;
		results[i] = await run(jobs[i]);
	}
}));
jobs.forEach(([name], i) => {
	const msg = `axe: ${name}: no WCAG 2.1 AA violations`;
	if (results[i].length)
		fail(msg, results[i]);
	else
		ok(msg);
});

// On a phone (360 x 740, as the audit), three rules outside the tags
// above: the headings' order (content pages: their Markdown sections
// are <h2> under the template's <h1>), distinct names for landmarks of
// the same kind (the two pagers), and WCAG 2.2's tap-target size (the
// explorer's region links, the hidden values' "*" note links, the
// record references).
const RULES = ['heading-order', 'landmark-unique', 'target-size'];
const phone = await browser.newContext({ bypassCSP: true,
    viewport: { width: 360, height: 740 } });
const phoneJobs = [];
for (const l of ['kk', 'ru']) {
	for (const c of ['about', 'legal', 'methodology'])
		phoneJobs.push([`${l} ${c}`, `${l}/${c}/index.html`]);
	phoneJobs.push([`${l} table page 2`, tablePath(l, TABLE_QUARTER,
	    'incidents', 2)], [`${l} insurance table`, tablePath(l,
	    TABLE_QUARTER, 'insurance')], [`${l} explorer with results`,
	    `${l}/explore/incidents/index.html?q=2025`],
	    [`${l} insurance explorer`, `${l}/explore/insurance/index.html`],
	    [`${l} statistics`, `${l}/statistics/index.html`],
	    [`${l} insurance table, first quarter`, tablePath(l,
	    QUARTERS[0], 'insurance')]);
}
for (const [name, p] of phoneJobs) {
	const page = await phone.newPage();
	const problems = [];
	try {
		await page.goto(BASE + p, { waitUntil: 'load' });
		if (/results/.test(name))
			await page.waitForSelector('#ex-results tbody tr');
		await page.addScriptTag({ path: AXE });
		const r = await page.evaluate((rules) => window.axe.run(
		    document, { runOnly: { type: 'rule', values: rules },
		    resultTypes: ['violations'] }), RULES);
		for (const v of r.violations)
			for (const n of v.nodes.slice(0, 5))
				problems.push(`${v.id}: ${n.target.join(' ')}` +
				    `: ${(n.failureSummary || '').replace(
				    /\s+/g, ' ').slice(0, 200)}`);
		// And measured: the small links the audit found.
		const small = await page.$$eval('a.ref, a.note-ref, ' +
		    '.region-links a', (as) => as.map((a) => {
			const r = a.getBoundingClientRect();
			return [a.className || a.getAttribute('href'),
			    r.width, r.height];
		}).filter(([, w, h]) => w > 0 && (w < 24 || h < 24)));
		for (const [what, w, h] of small.slice(0, 5))
			problems.push(`tap target ${what}: ${w.toFixed(1)} x ` +
			    `${h.toFixed(1)} px (under 24 x 24)`);
	} catch (e) {
		problems.push(`error: ${e.message.split('\n')[0]}`);
	}
	await page.close();
	const msg = `axe at 360 px: ${name}: no ${RULES.join(', ')} violations`;
	if (problems.length)
		fail(msg, problems);
	else
		ok(msg);
}

await finish(browser);
