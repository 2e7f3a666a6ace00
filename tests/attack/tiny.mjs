// tiny.mjs K BEFORE AFTER -- attack 4: a quarter that holds a single
// record.  AFTER is a release that adds a new quarter with fewer than K
// records (one, in the suite) to BEFORE.  Nothing published about that
// quarter may tell any quasi-identifier of its records:
//  - their rows are not published, or show no quasi-identifier, in the
//    columns or in the narratives;
//  - every count table of the quarter broken down by a
//    quasi-identifier is absent or shows nothing beyond the total (all
//    its cells alike);
//  - the figures of all quarters do not change from BEFORE to AFTER in
//    a way that tells what the rows do not show.
import * as L from './lib.mjs';
import { know, key } from './know.mjs';
import { diffTables } from './diff.mjs';

const [K, before, after] = process.argv.slice(2);
const k = +K;
const a = { dir: before, site: L.loadSite(before) };
const b = { dir: after, site: L.loadSite(after) };
a.recs = new Map(L.allRecs(a.site).map((x) => [x.r.ref, x]));
b.recs = new Map(L.allRecs(b.site).map((x) => [x.r.ref, x]));
const qs = b.site.quarters.filter((q) => !a.site.quarters.includes(q));
const voc = L.vocab(after);
const nothing = key(know({ r: {}, head: [], form: 'incidents', q: '2000Q1',
    e: { codes: [], times: [], specs: [], ages: [], dates: [], places: [], sex: null } }));

if (!qs.length)
	L.report(false, `tiny: ${after} adds no quarter to ${before}`);
for (const q of qs) {
	const rows = [...b.recs.values()].filter((x) => x.q === q);
	if (rows.length >= k) {
		L.report(false, `tiny: ${q} holds ${rows.length} records, not fewer than ${k}`);
		continue;
	}
	// The rows.
	const told = [];
	for (const x of rows) {
		const kx = know({ ...x, q: '2000Q1' });
		const kn = key(kx);
		if (kn !== nothing)
			told.push(`${x.r.ref}: ${kn.split(' ').filter((p) => !/=\*$/.test(p)).join(' ')}`);
	}
	L.report(!told.length, `tiny: the ${rows.length} row(s) of ${q} show no ` +
	    'quasi-identifier, in the columns or the narratives', told);
	// The quarter's own breakdowns.
	const bad = [];
	let n = 0;
	for (const t of L.countTables(after).filter((t) => t.scope === q)) {
		const d = L.tableDims(t, voc);
		if (d.dims.every((x) => L.NON_QI.has(x)))
			continue;
		n++;
		const cells = t.rows.flatMap((r) => r.slice(1));
		if (new Set(cells).size > 1)
			bad.push(`${t.file} (${d.dims.join(' x ')}): ` + t.rows.filter((r) =>
			    r.slice(1).some((v) => v !== '0')).map((r) =>
			    `"${r[0]}": ${r.slice(1).join(' / ')}`).join(', '));
	}
	L.report(!bad.length, `tiny: the ${n} breakdowns of ${q} by a quasi-identifier ` +
	    'show nothing beyond the total', bad, 10);
}
// Differencing BEFORE and AFTER.
const added = [...b.recs.keys()].filter((r) => !a.recs.has(r)).map((r) => b.recs.get(r));
const removed = [...a.recs.keys()].filter((r) => !b.recs.has(r)).map((r) => a.recs.get(r));
const res = diffTables(a, b, added, removed);
L.report(!res.leaks.length, `tiny: adding ${qs.join(', ')} changes no figure of all quarters ` +
    `or of another quarter in a way that tells what its rows do not show ` +
    `(${res.changed} cells changed)`, res.leaks, 10);
L.done();
