// order.mjs SITE DB -- attack 5: what public numbers say about the
// submitter.
//
// Each published row is matched to its registry record by content
// (lib.mjs matchRecords: the exact non-identifying columns and the
// words of its texts; the operator's report is not needed).  Then, per
// form:
//  - within each quarter, the rank correlation (Spearman) between the
//    public number and the registry's import order (id) is near 0:
//    |rho| < 0.2 pooled over the quarters (ranks normalised within each
//    quarter), and per quarter |rho| < max(0.2, 3.5/sqrt(n-1)) (3.5
//    standard errors of a random order, for small quarters);
//  - the records of one submission (source, reported quarter) do not
//    form a block of consecutive numbers in a quarter: checked for
//    submissions of 3 or more records that are not all the quarter's
//    rows of their reported quarter and of their first release (the
//    rows publish the one, comparing releases shows the other), where
//    a random order of those rows would make such a block less likely
//    than 1 in 1000; EARLIER... are the sites of earlier releases,
//    oldest first, that tell when a row first appeared;
//  - among rows whose month is hidden, the number does not predict the
//    true month: the same |rho| bounds.
import * as L from './lib.mjs';

const [dir, db, ...earlier] = process.argv.slice(2);
const site = L.loadSite(dir);
// The release in which each reference first appeared (-1: this one).
const firstSeen = new Map();
earlier.forEach((d, i) => {
	const s = L.loadSite(d);
	for (const f of L.FORMS)
		for (const t of Object.values(s.forms[f]))
			for (const r of t.recs)
				if (!firstSeen.has(r.ref))
					firstSeen.set(r.ref, i);
});
const seen = (r) => firstSeen.has(r.ref) ? firstSeen.get(r.ref) : -1;

function ranks(xs) {
	const idx = xs.map((x, i) => [x, i]).sort((a, b) => a[0] - b[0]);
	const r = new Array(xs.length);
	for (let i = 0; i < idx.length;) {
		let j = i;
		while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0])
			j++;
		for (let t = i; t <= j; t++)
			r[idx[t][1]] = (i + j) / 2;
		i = j + 1;
	}
	return r;
}
function pearson(a, b) {
	const n = a.length;
	if (n < 3)
		return 0;
	const ma = a.reduce((s, x) => s + x, 0) / n, mb = b.reduce((s, x) => s + x, 0) / n;
	let sab = 0, saa = 0, sbb = 0;
	for (let i = 0; i < n; i++) {
		sab += (a[i] - ma) * (b[i] - mb);
		saa += (a[i] - ma) ** 2;
		sbb += (b[i] - mb) ** 2;
	}
	return saa && sbb ? sab / Math.sqrt(saa * sbb) : 0;
}
const spearman = (a, b) => pearson(ranks(a), ranks(b));
// Ranks normalised to [0, 1] within a group, for pooling.
const norm = (xs) => { const r = ranks(xs); const m = Math.max(1, xs.length - 1); return r.map((x) => x / m); };
const bound = (n) => Math.max(0.2, 3.5 / Math.sqrt(Math.max(1, n - 1)));
const f2 = (x) => (x >= 0 ? '+' : '') + x.toFixed(2);
// The chance that m of n randomly ordered records take consecutive
// numbers: (n - m + 1) m! (n - m)! / n!.
function pBlock(m, n) {
	let lp = Math.log(n - m + 1);
	for (let i = 1; i <= m; i++)
		lp += Math.log(i);
	for (let i = n - m + 1; i <= n; i++)
		lp -= Math.log(i);
	return Math.exp(lp);
}

for (const form of L.FORMS) {
	const tables = site.forms[form];
	const recs = Object.values(tables).flatMap((t) => t.recs);
	const map = L.matchRecords(recs, L.dbRecords(db, form));
	const num = (r) => +r.ref.match(/(\d+)$/)[1];
	const pooled = { id: [[], []], month: [[], []] };
	const idBad = [], monthBad = [], blocks = [];
	let matched = 0, hiddenRows = 0;
	for (const [q, t] of Object.entries(tables)) {
		const rows = t.recs.filter((r) => map.has(r.ref));
		matched += rows.length;
		if (rows.length < 3)
			continue;
		const no = rows.map(num), id = rows.map((r) => map.get(r.ref).id);
		const rho = spearman(no, id);
		pooled.id[0].push(...norm(no));
		pooled.id[1].push(...norm(id));
		if (Math.abs(rho) >= bound(rows.length))
			idBad.push(`${q}: rho(number, id) = ${f2(rho)} over ${rows.length} rows (bound ${bound(rows.length).toFixed(2)})`);
		// Submissions.
		const subs = new Map();
		for (const r of rows) {
			const d = map.get(r.ref);
			const s = `${d.source} ${d.reported_quarter}`;
			if (!subs.has(s))
				subs.set(s, []);
			subs.get(s).push(r);
		}
		for (const [s, rs] of subs) {
			const rq = map.get(rs[0].ref).reported_quarter;
			const fs = seen(rs[0]);
			const m = rs.length, n = rows.filter((r) =>
			    r.reported_quarter === rq && seen(r) === fs).length;
			if (rs.some((r) => seen(r) !== fs))
				continue;
			if (m < 3 || m >= n)
				continue;
			const ns = rs.map(num).sort((a, b) => a - b);
			const p = pBlock(m, n);
			if (ns[m - 1] - ns[0] + 1 === m && p < 1e-3)
				blocks.push(`${q}: submission "${s}" is numbered ` +
				    `${rs.find((r) => num(r) === ns[0]).ref}..${rs.find((r) => num(r) === ns[m - 1]).ref} ` +
				    `(${m} consecutive numbers; ${n} rows of the quarter reported in ${rq}; by chance p = ${p.toExponential(1)})`);
		}
		// Hidden months.
		const hid = rows.filter((r) => L.rowMonths(r, t.head, q).length === 3);
		hiddenRows += hid.length;
		if (hid.length >= 3) {
			const hn = hid.map(num), hm = hid.map((r) => +map.get(r.ref).occurred_at.slice(5, 7));
			const rh = spearman(hn, hm);
			pooled.month[0].push(...norm(hn));
			pooled.month[1].push(...norm(hm));
			if (Math.abs(rh) >= bound(hid.length))
				monthBad.push(`${q}: rho(number, true month) = ${f2(rh)} over ${hid.length} rows with the month hidden`);
		}
	}
	const rid = pearson(pooled.id[0], pooled.id[1]);
	const rmo = pearson(pooled.month[0], pooled.month[1]);
	// Rows whose narratives are withheld carry too little to be told
	// apart by content; they are scored where they match.
	const silent = recs.filter((r) => !map.has(r.ref) &&
	    Object.keys(r).every((k) => !/_(kk|ru)$/.test(k) || !r[k])).length;
	L.report(recs.length > 0 && matched >= 0.98 * (recs.length - silent), `order: ${form}: the published rows ` +
	    `are matched to their registry records by content (${matched} of ${recs.length}` +
	    `${silent ? `, ${silent} without narratives` : ''}; at least 98% of the others needed to score the order)`);
	L.report(Math.abs(rid) < 0.2 && !idBad.length, `order: ${form}: public numbers do not follow ` +
	    `the import order (pooled rho = ${f2(rid)})`, idBad);
	L.report(!blocks.length, `order: ${form}: no submission is a block of consecutive numbers`, blocks);
	L.report(Math.abs(rmo) < 0.2 && !monthBad.length, `order: ${form}: where the month is hidden ` +
	    `(${hiddenRows} rows) the number does not tell it (pooled rho = ${f2(rmo)})`, monthBad);
}
L.done();
