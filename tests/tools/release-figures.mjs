// release-figures.mjs SITE SLUG -- a release page's key figures are the
// counts of that release's own rows (data/releases/SLUG/*.csv): rows and
// rows with the form's outcome, per quarter and in total.  Prints one
// line per difference; exits 1 on any.
import fs from 'node:fs';

const [site, r] = process.argv.slice(2);
const want = new Map();
const add = (q, i, v) => {
	if (!want.has(q))
		want.set(q, [0, 0, 0, 0]);
	want.get(q)[i] += v;
};
['incidents', 'insurance'].forEach((f, k) => {
	const lines = fs.readFileSync(`${site}/data/releases/${r}/${f}.csv`,
	    'utf8').replace(/^\ufeff/, '').split('\r\n').filter(Boolean)
	    .slice(1);
	for (const l of lines) {
		const c = l.slice(1, -1).split('","');
		const out = /^(with_consequences|death)$/.test(c[c.length - 1]) ?
		    1 : 0;
		for (const q of [c[1], 'total']) {
			add(q, 2 * k, 1);
			add(q, 2 * k + 1, out);
		}
	}
});
const h = fs.readFileSync(`${site}/ru/releases/${r}/index.html`, 'utf8');
const body = h.slice(h.indexOf('id="fig-cap"'), h.indexOf('</tfoot>'));
const rows = [...body.matchAll(/<tr><th scope="row">([^<]*)<\/th>((?:<td class="num">[^<]*<\/td>){4})<\/tr>/g)];
const roman = { I: 1, II: 2, III: 3, IV: 4 };
let bad = 0;
if (rows.length !== want.size) {
	console.log(`${rows.length} rows, ${want.size} wanted`);
	bad++;
}
for (const m of rows) {
	const q = m[1] === 'Всего' ? 'total' : m[1].replace(
	    /^([IV]+) квартал (\d{4}) года$/, (x, a, y) => `${y}Q${roman[a]}`);
	const got = [...m[2].matchAll(/<td class="num">([^<]*)<\/td>/g)].map((x) =>
	    +x[1].replace(/\D/g, ''));
	if (JSON.stringify(got) !== JSON.stringify(want.get(q))) {
		console.log(`${q}: ${got} shown, ${want.get(q)} counted`);
		bad++;
	}
}
process.exit(bad ? 1 : 0);
