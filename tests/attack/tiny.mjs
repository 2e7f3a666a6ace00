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
import fs from 'node:fs';
import path from 'node:path';

const fsQuarters = (dir) => fs.existsSync(path.join(dir, 'data')) ?
    fs.readdirSync(path.join(dir, 'data')).filter((d) => /^\d{4}-q[1-4]$/.test(d))
    .map(L.qOfDir) : [];

const [K, before, after] = process.argv.slice(2);
const k = +K;
// A release without the texts of the quarters not in keep (memory).
function load(dir, keep) {
	const site = L.loadSite(dir);
	const recs = new Map();
	for (const x of L.allRecs(site)) {
		if (!keep.includes(x.q))
			for (const c of Object.keys(x.r))
				if (/_(kk|ru)$/.test(c))
					delete x.r[c];
		recs.set(x.r.ref, x);
	}
	return { dir, site: { quarters: site.quarters }, recs };
}
const a = load(before, []);
const b = load(after, fsQuarters(after).filter((q) => !a.site.quarters.includes(q)));
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
		const freq = new Map();
		for (const v of cells)
			freq.set(v, (freq.get(v) || 0) + 1);
		const common = [...freq].sort((x, y) => y[1] - x[1])[0][0];
		if (freq.size > 1)
			bad.push(`${t.file} (${d.dims.join(' x ')}): ` + t.rows.filter((r) =>
			    r.slice(1).some((v) => v !== common)).map((r) =>
			    `"${r[0]}": ${r.slice(1).join(' / ')}`).join(', ') +
			    ` (every other cell "${common}")`);
	}
	L.report(!bad.length, `tiny: the ${n} breakdowns of ${q} by a quasi-identifier ` +
	    'show nothing beyond the total', bad);
}
// Differencing BEFORE and AFTER.
const added = [...b.recs.keys()].filter((r) => !a.recs.has(r)).map((r) => b.recs.get(r));
const removed = [...a.recs.keys()].filter((r) => !b.recs.has(r)).map((r) => a.recs.get(r));
const res = diffTables(a, b, added, removed);
L.report(!res.leaks.length, `tiny: adding ${qs.join(', ')} changes no figure of all quarters ` +
    `or of another quarter in a way that tells what its rows do not show ` +
    `(${res.changed} cells changed)`, res.leaks);
L.done();
