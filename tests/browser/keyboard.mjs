// keyboard.mjs -- a keyboard-only journey in both languages: the skip
// link, then home -> quarter -> table -> record -> back to the table ->
// (Shift+Tab) the quarter -> a download link, with nothing but Tab,
// Shift+Tab and Enter.  Every
// element that takes the focus on the way must show a focus indicator.
import { BASE, launch, ok, fail, expect, finish, LATEST } from
    './lib/harness.mjs';

const browser = await launch();
const ctx = await browser.newContext({ acceptDownloads: true,
    viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
const MAX_TABS = 800;
let noIndicator = [];

// What has the focus: its tag, class, href (absolute) and whether a
// focus indicator is drawn (outline, shadow or a changed background).
function focused() {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body)
			return null;
		const cs = getComputedStyle(el);
		const shown = (cs.outlineStyle !== 'none' &&
		    parseFloat(cs.outlineWidth) >= 2 &&
		    cs.outlineColor !== 'rgba(0, 0, 0, 0)') ||
		    cs.boxShadow !== 'none' ||
		    cs.backgroundColor === 'rgb(255, 221, 0)';
		return {
			tag: el.tagName.toLowerCase(),
			cls: el.className || '',
			href: el.href || '',
			text: (el.textContent || '').trim().slice(0, 60),
			inMain: !!el.closest('main'),
			shown,
		};
	});
}

// Press key (Tab or Shift+Tab) until want(focus) holds; the focus
// must move at every step and show an indicator.
async function tabTo(want, key = 'Tab') {
	for (let i = 0; i < MAX_TABS; i++) {
		await page.keyboard.press(key);
		const f = await focused();
		if (f && !f.shown && noIndicator.length < 10)
			noIndicator.push(`${page.url()}: ${f.tag}.${f.cls} ` +
			    `"${f.text}"`);
		if (f && want(f))
			return f;
	}
	return null;
}

async function enterAndWait(urlPart) {
	await Promise.all([page.waitForURL((u) => u.href.includes(urlPart)),
	    page.keyboard.press('Enter')]);
}

const ends = (s) => (f) => f.href.split('#')[0].endsWith(s);

for (const lang of ['kk', 'ru']) {
	noIndicator = [];
	await page.goto(`${BASE}${lang}/index.html`);

	// The skip link is the first stop and leads into the main content.
	let f = await tabTo(() => true);
	expect(`${lang}: the first Tab reaches the skip link`,
	    f && f.cls.includes('skip-link'), f && f.text);
	await page.keyboard.press('Enter');
	// page.url() follows the fragment navigation asynchronously.
	await page.waitForURL(/#main$/, { timeout: 3000 }).catch(() => {});
	expect(`${lang}: Enter on the skip link goes to #main`,
	    page.url().endsWith('#main'), page.url());
	f = await tabTo(() => true);
	expect(`${lang}: the next Tab lands inside main`, f && f.inMain,
	    f && JSON.stringify(f));

	// Home -> the latest quarter.
	const quarter = `${lang}/${LATEST}/index.html`;
	f = await tabTo(ends(quarter));
	if (!expect(`${lang}: Tab reaches the link to the latest quarter`,
	    f))
		continue;
	await enterAndWait(quarter);
	ok(`${lang}: Enter opens the quarter (${quarter})`);

	// Quarter -> the incidents table.
	const table = `${lang}/${LATEST}/incidents/index.html`;
	f = await tabTo(ends(table));
	if (!expect(`${lang}: Tab reaches the link to the incidents table`,
	    f))
		continue;
	await enterAndWait(table);
	ok(`${lang}: Enter opens the table (${table})`);

	// Table -> the first record (past the filters and sort buttons).
	f = await tabTo((x) => x.cls.includes('ref') && x.href);
	if (!expect(`${lang}: Tab reaches the first record's link`, f))
		continue;
	const record = new URL(f.href).pathname.slice(1);
	await enterAndWait(record);
	const h1 = await page.textContent('h1');
	expect(`${lang}: Enter opens the record page (${record})`,
	    h1.includes(f.text), h1);

	// Record -> back to the table (at the record's row) -> Shift+Tab
	// back up to the breadcrumb of the quarter -> the quarter page ->
	// Tab to a download link, Enter downloads the file.
	f = await tabTo((x) => x.href.includes(`/${LATEST}/incidents/` +
	    'index.html#'));
	if (!expect(`${lang}: Tab reaches "back to the table"`, f))
		continue;
	await enterAndWait(table);
	const back = new URL(page.url()).hash.slice(1);
	expect(`${lang}: the table opens at the record's row`,
	    back && record.includes(back), page.url());
	f = await tabTo((x) => !x.inMain && ends(quarter)(x), 'Shift+Tab');
	if (!expect(`${lang}: Shift+Tab goes back up to the quarter's ` +
	    'breadcrumb', f))
		continue;
	await enterAndWait(quarter);
	f = await tabTo((x) => /\/data\/.*\.(csv|json)$/.test(x.href));
	if (!expect(`${lang}: Tab reaches a download link`, f))
		continue;
	const [dl] = await Promise.all([page.waitForEvent('download'),
	    page.keyboard.press('Enter')]);
	expect(`${lang}: Enter on it downloads ${dl.suggestedFilename()}`,
	    f.href.endsWith(dl.suggestedFilename()) &&
	    (await dl.failure()) === null, f.href);
	if (noIndicator.length)
		fail(`${lang}: every focused element shows a focus indicator`,
		    noIndicator);
	else
		ok(`${lang}: every focused element shows a focus indicator`);
}

await finish(browser);
