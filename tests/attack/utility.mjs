// utility.mjs SITE MIN_INCIDENTS MIN_INSURANCE -- attack 6, the other
// half of issue 11: how much the record tables show.
//
// A quasi-identifier cell (Form 1: month, sex, age, diagnosis, profile;
// Form 2: month, region, sex, diagnosis, profile) shows a value if any
// of its attribute's columns holds something other than "hidden" (empty
// or "suppressed"), whatever the level; a month counts only where it
// is narrower than the quarter.  The share of cells that show a value
// must reach MIN_* percent per form.
import * as L from './lib.mjs';

const [dir, MIN1, MIN2] = process.argv.slice(2);
const min = { incidents: +MIN1, insurance: +MIN2 };
const site = L.loadSite(dir);

for (const form of L.FORMS) {
	const shown = {}, total = {};
	let rows = 0;
	for (const [q, t] of Object.entries(site.forms[form])) {
		for (const r of t.recs) {
			rows++;
			for (const a of L.ATTRS[form]) {
				total[a] = (total[a] || 0) + 1;
				let show;
				if (a === 'month')
					show = L.rowMonths(r, t.head, q).length < 3;
				else
					show = L.attrCols(t.head, a).some((c) => !L.isHidden(r[c]));
				if (show)
					shown[a] = (shown[a] || 0) + 1;
			}
		}
	}
	const cells = Object.values(total).reduce((a, b) => a + b, 0);
	const sh = Object.values(shown).reduce((a, b) => a + b, 0);
	const per = L.ATTRS[form].map((a) => `${a} ${L.pct(shown[a] || 0, total[a] || 0)}`);
	const share = cells ? 100 * sh / cells : 0;
	L.report(rows > 0 && share >= min[form], `utility: ${form}: ` +
	    `${share.toFixed(1)}% of the quasi-identifier cells show a value ` +
	    `(need >= ${min[form]}%; ${rows} rows: ${per.join(', ')})`);
}
L.done();
