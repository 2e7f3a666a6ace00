// releases.mjs K L [--steps=N] NAME=DIR... -- attack 2: an attacker who keeps every
// release compares them.
//
// The releases are given in publication order; between two of them the
// registry changed by a few records (a late record, a withdrawal, a late
// submission).  Checks:
//  - every row present in two releases (same ref) has identical
//    published values;
//  - public numbers are stable: a ref never comes to denote another
//    record, a withdrawn ref is never used again, a new record never
//    takes a ref used before;
//  - the union of all rows ever published (by ref, each attribute at
//    the most specific level any release showed, text-derived
//    attributes counted) is K-anonymous with L outcomes per quarter;
//  - per step (the first N only, with --steps=N): no count table of a closed quarter or of
//    all quarters changes in a way that tells an attribute of the
//    changed records that their rows do not show (a Form 1 region, a
//    hidden sex or age, a hidden group ...).
import * as L from './lib.mjs';
import { know, merge, classes } from './know.mjs';
import { diffTables } from './diff.mjs';

const [K, LL, ...argv] = process.argv.slice(2);
const k = +K, l = +LL;
const opt = argv.find((a) => a.startsWith('--steps='));
const args = argv.filter((a) => !a.startsWith('--'));
let steps = args.map((a) => { const i = a.indexOf('='); return { name: a.slice(0, i), dir: a.slice(i + 1) }; });
const last = steps.length;
const only = opt ? +opt.slice(8) : last - 1;

for (const s of steps) {
	s.site = L.loadSite(s.dir);
	s.recs = new Map(L.allRecs(s.site).map((x) => [x.r.ref, x]));
}

// A record's identity across releases: its texts' words.
const wordsOf = (r) => new Set(Object.entries(r).filter(([c]) => /_(kk|ru)$/.test(c))
    .flatMap(([, v]) => (v.replace(/\[[^\]]*\]/g, ' ').toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) || [])));
const sameRecord = (a, b) => {
	const x = wordsOf(a), y = wordsOf(b);
	let hit = 0;
	for (const w of x)
		if (y.has(w))
			hit++;
	return hit / Math.max(1, Math.min(x.size, y.size)) > 0.7;
};

// Stable rows and numbers.
const changed = [], numbers = [];
const firstSeen = new Map();	// ref -> { step, x }
const gone = new Map();		// ref -> step it disappeared in
steps.forEach((s, i) => {
	for (const [ref, x] of s.recs) {
		if (gone.has(ref))
			numbers.push(`${ref}: withdrawn in ${gone.get(ref)}, used again in ${s.name}`);
		const f = firstSeen.get(ref);
		if (!f) {
			firstSeen.set(ref, { step: s.name, x });
			continue;
		}
		const cols = [...new Set([...Object.keys(f.x.r), ...Object.keys(x.r)])]
		    .filter((c) => f.x.r[c] !== x.r[c]);
		if (!cols.length)
			continue;
		if (!sameRecord(f.x.r, x.r)) {
			numbers.push(`${ref}: in ${f.step} one record, in ${s.name} another`);
			continue;
		}
		changed.push(`${ref} (${f.step} -> ${s.name}): ` + cols.map((c) =>
		    /_(kk|ru)$/.test(c) ? `${c} changed` :
		    `${c} ${f.x.r[c] || '""'} -> ${x.r[c] || '""'}`).join(', '));
	}
	if (i > 0)
		for (const ref of steps[i - 1].recs.keys())
			if (!s.recs.has(ref) && !gone.has(ref))
				gone.set(ref, s.name);
});
const nChangedRows = new Set(changed.map((c) => c.split(' ')[0])).size;
L.report(changed.length === 0, `releases: every row published in two releases ` +
    `(${steps.map((s) => s.name).join(', ')}) has identical values` +
    (changed.length ? ` -- ${nChangedRows} rows changed` : ''), changed, 12);
L.report(numbers.length === 0, 'releases: public numbers are never reassigned ' +
    `or reused (${gone.size} withdrawn)`, numbers, 12);

// The union of every release: what an archive of all releases knows.
const union = new Map();
for (const s of steps)
	for (const [ref, x] of s.recs) {
		const u = union.get(ref);
		const Kx = know(x);
		union.set(ref, { form: x.form, q: x.q, ref,
		    outcome: x.r[L.OUTCOME[x.form]], K: merge(u && u.K, Kx) });
	}
const cl = classes([...union.values()], k, l);
const smallest = cl.smallest;
L.report(cl.bad.length === 0, `releases: the union of all ${steps.length} releases ` +
    `(${union.size} rows by ref, text-derived attributes counted) is ` +
    `${k}-anonymous with ${l} outcomes per quarter (smallest class ${smallest}; ` +
    `${cl.bad.reduce((a, b) => a + b.n, 0)} rows in ${cl.bad.length} classes below)`,
    cl.bad.map((b) => `${b.qf}: ${b.n} row(s), ${b.outs} outcome(s): ` +
    `${b.refs.slice(0, 4).join(' ')}${b.n > 4 ? ' ...' : ''} [${b.key.slice(0, 150)}]`), 10);

// The same without the narratives: what the rows alone give away when
// releases are combined.
const bare = new Map();
const NONE = { codes: [], times: [], specs: [], ages: [], dates: [], places: [], sex: null };
for (const s of steps)
	for (const [ref, x] of s.recs) {
		const u = bare.get(ref);
		bare.set(ref, { form: x.form, q: x.q, ref, outcome: x.r[L.OUTCOME[x.form]],
		    K: merge(u && u.K, know({ ...x, e: NONE })) });
	}
const cb = classes([...bare.values()], k, l);
L.report(cb.bad.length === 0, `releases: the union of all ${steps.length} releases, ` +
    `rows alone, is ${k}-anonymous with ${l} outcomes per quarter (smallest class ` +
    `${cb.smallest}; ${cb.bad.reduce((a, b) => a + b.n, 0)} rows in ${cb.bad.length} classes below)`,
    cb.bad.map((b) => `${b.qf}: ${b.n} row(s), ${b.outs} outcome(s): ` +
    `${b.refs.slice(0, 4).join(' ')}${b.n > 4 ? ' ...' : ''} [${b.key.slice(0, 150)}]`), 10);

// Per step: do the count tables of closed quarters tell more about the
// changed records than their rows?
for (let i = 1; i <= only && i < steps.length; i++) {
	const a = steps[i - 1], b = steps[i];
	const added = [...b.recs.keys()].filter((r) => !a.recs.has(r)).map((r) => b.recs.get(r));
	const removed = [...a.recs.keys()].filter((r) => !b.recs.has(r)).map((r) => a.recs.get(r));
	const what = [added.length ? `${added.length} added (${added.slice(0, 3).map((x) => x.r.ref).join(' ')}${added.length > 3 ? ' ...' : ''})` : '',
	    removed.length ? `${removed.length} withdrawn (${removed.map((x) => x.r.ref).slice(0, 3).join(' ')})` : '']
	    .filter(Boolean).join(', ') || 'no record';
	const res = diffTables(a, b, added, removed);
	L.report(res.leaks.length === 0, `releases: ${a.name} -> ${b.name} (${what}): ` +
	    `no figure of a closed quarter or of all quarters changes in a way that tells ` +
	    `what the rows do not show (${res.changed} cells changed in ${res.tables} tables)`,
	    res.leaks, 12);
}
L.done();
