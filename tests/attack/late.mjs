// late.mjs DB CSV OUT QUARTER [REF [REST]] -- write OUT, a one-record
// submission: the first record of CSV (the exchange format of
// tests/data), moved into QUARTER's first month, with source_ref REF
// and the region a differencing attacker would hope for: one that
// QUARTER's incidents never show (a 0 becomes "<8"), else one whose
// count over all quarters is 2 above a multiple of 5 (one more record
// moves the rounded figure), then the rarest in QUARTER.  Prints the
// region chosen.  REST, if given, gets the other records of CSV as
// they are.
import fs from 'node:fs';
import { parseCSV, sql } from './lib.mjs';

const [db, src, out, quarter, ref = 'ATTACK-LATE-1', rest] = process.argv.slice(2);
const rows = parseCSV(fs.readFileSync(src, 'utf8'));
const head = rows[0], rec = [...rows[1]];
const counts = new Map(sql(db, 'SELECT code FROM regions').map((r) =>
    [r.code, { q: 0, all: 0 }]));
for (const r of sql(db, `SELECT region, sum(quarter = '${quarter}') AS q,
    count(*) AS n FROM incidents GROUP BY region`))
	counts.set(r.region, { q: r.q, all: r.n });
const score = ([, c]) => [c.q === 0 ? 0 : 1, c.all % 5 === 2 ? 0 : 1, c.q];
const region = [...counts].sort((a, b) => {
	const x = score(a), y = score(b);
	return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || (a[0] < b[0] ? -1 : 1);
})[0][0];
const set = (c, v) => { rec[head.indexOf(c)] = v; };
const y = quarter.slice(0, 4), m = 3 * (+quarter[5] - 1) + 1;
set('region', region);
set('source_ref', ref);
set('occurred_at', `${y}-${String(m).padStart(2, '0')}-15T10:20`);
const q = (v) => /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
fs.writeFileSync(out, [head, rec].map((r) => r.map(q).join(',')).join('\n') + '\n');
if (rest)
	fs.writeFileSync(rest, [head, ...rows.slice(2).filter((r) => r.length === head.length)]
	    .map((r) => r.map(q).join(',')).join('\n') + '\n');
console.log(region);
