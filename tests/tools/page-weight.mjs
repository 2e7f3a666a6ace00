// page-weight.mjs SITE BASE_URL -- what a visitor downloads per page:
// the HTML with every stylesheet, script and icon it references (each
// counted once, before compression, as the budget says).
//
// The budget: a typical page with its CSS and JS under 100 KB.
// Typical pages are every page but the two kinds that are data by
// nature, which get budgets of their own, held near today's sizes so
// that growth is noticed:
//  - record table pages: rows_per_page records with their full texts
//    (and the profile-group pages: as many, their coded columns;
//    issue 14: and each value's column heading, the label of a card on
//    a phone: 320 -> 345 KB);
//  - the statistics pages: every chart of every quarter, inline SVG
//    (issue 14: the column and tile-map charts also in a phone layout,
//    the per-region trends, how to read the figures: 220 -> 260 KB).
// Prints the heaviest page of each kind, also gzipped, for the record.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [site, base] = process.argv.slice(2);
const KB = 1000;
const kinds = [
	// [name, test on the page's path, budget in bytes]
	['record table page', (p) => /^(kk|ru)\/\d{4}-q\d\/(incidents|insurance)\/(group\/[a-z0-9-]+\/)?(page-\d+\/)?index\.html$/.test(p), 345 * KB],
	['statistics page', (p) => /^(kk|ru)\/statistics\/index\.html$/.test(p), 260 * KB],
	['typical page', () => true, 100 * KB],
];

function walk(dir, out = []) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory())
			walk(p, out);
		else if (e.name.endsWith('.html'))
			out.push(path.relative(site, p));
	}
	return out;
}

// The site file a reference from page p names, or null if off-site.
function target(p, ref) {
	ref = ref.replace(/[?#].*$/, '');
	if (ref.startsWith(base))
		return path.join(site, ref.slice(base.length));
	if (/^[a-z]+:|^\/\//i.test(ref))
		return null;
	return path.join(site, path.dirname(p), ref);
}

const size = new Map();
function fileSize(f) {
	if (!size.has(f))
		size.set(f, fs.statSync(f).size);
	return size.get(f);
}

const heaviest = new Map();
const over = [];
let missing = [];
for (const p of walk(site).sort()) {
	const html = fs.readFileSync(path.join(site, p));
	const text = html.toString('utf8');
	const seen = new Set();
	let total = html.length;
	const re = /<(?:link\b[^>]*\brel="(?:stylesheet|icon)"[^>]*\bhref|script\b[^>]*\bsrc)="([^"]+)"/g;
	for (const m of text.matchAll(re)) {
		const f = target(p, m[1]);
		if (f === null || seen.has(f))
			continue;
		seen.add(f);
		if (!fs.existsSync(f)) {
			missing.push(`${p}: ${m[1]}`);
			continue;
		}
		total += fileSize(f);
	}
	const [kind, , budget] = kinds.find(([, t]) => t(p));
	const h = heaviest.get(kind);
	if (!h || total > h.total)
		heaviest.set(kind, { p, total, html });
	if (total > budget)
		over.push(`${p}: ${total} bytes, over the ${kind} budget of ${budget}`);
}

for (const [kind, , budget] of kinds) {
	const h = heaviest.get(kind);
	if (!h) {
		console.log(`not ok - there is a ${kind}`);
		continue;
	}
	const gz = zlib.gzipSync(h.html, { level: 6 }).length;
	console.log(`# heaviest ${kind}: ${h.p}, ${h.total} bytes with its ` +
	    `assets (budget ${budget}); its HTML ${h.html.length} bytes, ` +
	    `${gz} gzipped`);
}
const report = (m, probs) => {
	console.log(`${probs.length ? 'not ok' : 'ok'} - ${m}`);
	for (const d of probs.slice(0, 20))
		console.log(`  ${d}`);
};
report('every stylesheet, script and icon a page references is counted', missing);
report('every page is within the weight budget of its kind (typical pages: 100 KB with CSS and JS)', over);
