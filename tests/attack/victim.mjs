// victim.mjs SITE DB QUARTER -- the record a withdrawal should hurt
// most: the first incident of QUARTER's smallest class (by the
// published quasi-identifiers) in SITE, matched to DB by its content.
// Prints "REF ID".
import * as L from './lib.mjs';

const [dir, db, q] = process.argv.slice(2);
const t = L.loadSite(dir).forms.incidents[q];
if (!t) {
	console.error(`victim: ${dir} has no incidents of ${q}`);
	process.exit(1);
}
const cols = t.head.filter((c) => L.ATTRS.incidents.some((a) => L.attrCols([c], a).length));
const groups = new Map();
for (const r of t.recs) {
	const key = cols.map((c) => r[c]).join('|');
	if (!groups.has(key))
		groups.set(key, []);
	groups.get(key).push(r);
}
const rows = [...groups.values()].sort((a, b) => a.length - b.length)[0];
const map = L.matchRecords(rows, L.dbRecords(db, 'incidents').filter((d) => d.quarter === q));
const r = rows.find((x) => map.has(x.ref));
if (!r) {
	console.error(`victim: no row of ${q} matches the registry`);
	process.exit(1);
}
console.log(`${r.ref} ${map.get(r.ref).id}`);
