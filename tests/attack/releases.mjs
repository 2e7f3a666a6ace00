// releases.mjs K L [--steps=N] NAME=DIR... -- attack 2: an attacker who
// keeps every release compares them.
//
// The releases are given in publication order; between two of them the
// registry changed by a few records (a late record, a withdrawal, an
// overdue submission, a new quarter).  Checks:
//  - every row present in two releases (same ref) has identical
//    published values;
//  - public numbers are stable: a ref never comes to denote another
//    record, a withdrawn ref is never used again;
//  - the union of all rows ever published (by ref, each attribute at
//    the most specific level any release showed; with the text-derived
//    attributes, and with the rows alone) is K-anonymous with L
//    outcomes per quarter;
//  - per step (the first N only, with --steps=N): no count table of a
//    closed quarter or of all quarters changes in a way that tells an
//    attribute of the changed records that their rows do not show (a
//    Form 1 region, a hidden sex or age, a hidden group ...).
// Releases are read one at a time and kept in compact form, so that
// registries of 100 000 records fit in memory.
import crypto from 'node:crypto';
import * as L from './lib.mjs';
import { extract } from './text.mjs';
import { know, merge, classes } from './know.mjs';
import { diffTables } from './diff.mjs';

const [K, LL, ...argv] = process.argv.slice(2);
const k = +K, l = +LL;
const opt = argv.find((a) => a.startsWith('--steps='));
const steps = argv.filter((a) => !a.startsWith('--')).map((a) => {
	const i = a.indexOf('=');
	return { name: a.slice(0, i), dir: a.slice(i + 1) };
});
const only = opt ? +opt.slice(8) : steps.length - 1;

const isText = (c) => /_(kk|ru)$/.test(c);
const hash = (s) => crypto.createHash('sha1').update(s).digest('base64');
// A few words of a record's texts: enough to tell two records apart.
const sig = (r) => new Set(Object.keys(r).filter(isText).sort()
    .flatMap((c) => (r[c].replace(/\[[^\]]*\]/g, ' ').toLowerCase()
    .match(/[\p{L}\p{N}]{5,}/gu) || []).slice(0, 12)));
const sameRecord = (x, y) => {
	let hit = 0;
	for (const w of x)
		if (y.has(w))
			hit++;
	return hit / Math.max(1, Math.min(x.size, y.size)) > 0.6;
};
const NONE = { codes: [], times: [], specs: [], ages: [], dates: [], places: [], sex: null };

const seen = new Map();		// ref -> first version { step, vals, th, sig }
const union = new Map(), bare = new Map();
const gone = new Map();		// ref -> the release it disappeared in
const eCache = new Map();	// texts' hash -> extract()
const changed = [], numbers = [];
let prev = null;
for (const s of steps) {
	const site = L.loadSite(s.dir);
	s.site = { quarters: site.quarters };
	s.recs = new Map();
	for (const x of L.allRecs(site)) {
		const r = x.r, ref = r.ref;
		const tcols = Object.keys(r).filter(isText).sort();
		const th = hash(tcols.map((c) => r[c]).join('\u0001'));
		if (!eCache.has(th))
			eCache.set(th, extract(r));
		x.e = eCache.get(th);
		const Kx = know(x);
		const vals = Object.fromEntries(Object.entries(r).filter(([c]) => !isText(c)));
		if (gone.has(ref))
			numbers.push(`${ref}: withdrawn in ${gone.get(ref)}, used again in ${s.name}`);
		const f = seen.get(ref);
		if (!f)
			seen.set(ref, { step: s.name, vals, th, sig: sig(r) });
		else {
			const cols = [...new Set([...Object.keys(f.vals), ...Object.keys(vals)])]
			    .filter((c) => f.vals[c] !== vals[c]);
			if (f.th !== th || cols.length) {
				if (f.th !== th && !sameRecord(f.sig, sig(r)))
					numbers.push(`${ref}: in ${f.step} one record, in ${s.name} another`);
				else
					changed.push(`${ref} (${f.step} -> ${s.name}): ` +
					    cols.map((c) => `${c} ${f.vals[c] || '""'} -> ${vals[c] || '""'}`)
					    .concat(f.th !== th ? ['the narratives changed'] : []).join(', '));
			}
		}
		const out = x.r[L.OUTCOME[x.form]];
		const u = union.get(ref), b = bare.get(ref);
		union.set(ref, { form: x.form, q: x.q, ref, outcome: out, K: merge(u && u.K, Kx) });
		bare.set(ref, { form: x.form, q: x.q, ref, outcome: out,
		    K: merge(b && b.K, know({ ...x, e: NONE })) });
		// What the differencing needs: the row without its texts.
		s.recs.set(ref, { r: vals, head: x.head, form: x.form, q: x.q });
	}
	if (prev)
		for (const ref of prev.recs.keys())
			if (!s.recs.has(ref) && !gone.has(ref))
				gone.set(ref, s.name);
	prev = s;
}

const nChangedRows = new Set(changed.map((c) => c.split(' ')[0])).size;
L.report(changed.length === 0, `releases: every row published in two releases ` +
    `(${steps.map((s) => s.name).join(', ')}) has identical values` +
    (changed.length ? ` -- ${nChangedRows} rows changed` : ''), changed);
L.report(numbers.length === 0, 'releases: public numbers are never reassigned ' +
    `or reused (${gone.size} withdrawn)`, numbers);

const show = (b) => `${b.qf}: ${b.n} row(s), ${b.outs} outcome(s): ` +
    `${b.refs.slice(0, 4).join(' ')}${b.n > 4 ? ' ...' : ''} [${b.key.slice(0, 150)}]`;
const cl = classes([...union.values()], k, l);
L.report(cl.bad.length === 0, `releases: the union of all ${steps.length} releases ` +
    `(${union.size} rows by ref, text-derived attributes counted) is ` +
    `${k}-anonymous with ${l} outcomes per quarter (smallest class ${cl.smallest}; ` +
    `${cl.bad.reduce((a, b) => a + b.n, 0)} rows in ${cl.bad.length} classes below)`,
    cl.bad.map(show));
const cb = classes([...bare.values()], k, l);
L.report(cb.bad.length === 0, `releases: the union of all ${steps.length} releases, ` +
    `rows alone, is ${k}-anonymous with ${l} outcomes per quarter (smallest class ` +
    `${cb.smallest}; ${cb.bad.reduce((a, b) => a + b.n, 0)} rows in ${cb.bad.length} classes below)`,
    cb.bad.map(show));

// Per step: do the count tables of closed quarters tell more about the
// changed records than their rows?
for (let i = 1; i <= only && i < steps.length; i++) {
	const a = steps[i - 1], b = steps[i];
	const added = [...b.recs.keys()].filter((r) => !a.recs.has(r)).map((r) => b.recs.get(r));
	const removed = [...a.recs.keys()].filter((r) => !b.recs.has(r)).map((r) => a.recs.get(r));
	const list = (xs) => xs.slice(0, 3).map((x) => x.r.ref).join(' ') + (xs.length > 3 ? ' ...' : '');
	const what = [added.length ? `${added.length} added (${list(added)})` : '',
	    removed.length ? `${removed.length} withdrawn (${list(removed)})` : '']
	    .filter(Boolean).join(', ') || 'no record';
	const res = diffTables(a, b, added, removed);
	L.report(res.leaks.length === 0, `releases: ${a.name} -> ${b.name} (${what}): ` +
	    `no figure of a closed quarter or of all quarters changes in a way that tells ` +
	    `what the rows do not show (${res.changed} cells changed in ${res.tables} tables)`,
	    res.leaks);
}
L.done();
