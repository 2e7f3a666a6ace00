// know.mjs -- what a reader knows about a record's quasi-identifiers
// from its published row and its narratives, and how two such pieces
// of knowledge (two releases of the same row) combine.
//
// know(x) for x = { r, head, form, q } (and x.e = extract(x.r) if
// already read) gives
//   { sex, age: [lo, hi] days, dx: { code, chapters }, prof: [codes],
//     months: [...], region, extra: Set('time=..', 'day=..', ..) }
// where null means "nothing known"; merge() intersects; key() is the
// equivalence class key used for k-anonymity.
import * as L from './lib.mjs';
import { extract } from './text.mjs';

const DAY = 365.25;

export function know(x) {
	const { r, head, form, q } = x;
	const e = x.e || (x.e = extract(r));
	const K = { sex: L.rowSex(r), age: null, dx: L.rowDx(r, head),
	    prof: L.rowProfile(r, head), months: L.rowMonths(r, head, q),
	    region: form === 'insurance' ? L.rowRegion(r, head) : null,
	    extra: new Set() };
	const band = form === 'incidents' ? L.rowAge(r, head) : null;
	if (band)
		K.age = [band[0] * DAY, (band[1] + 1) * DAY - 1];

	if (!K.sex && e.sex)
		K.sex = e.sex;
	for (const a of e.ages) {
		if (K.age && (a.hi < K.age[0] || a.lo > K.age[1]))
			continue;
		K.age = K.age ? [Math.max(K.age[0], a.lo), Math.min(K.age[1], a.hi)] :
		    [a.lo, a.hi];
	}
	// Codes consistent with the row's diagnosis refine it.
	const codes = new Set();
	for (const c of e.codes) {
		if (c.range)
			continue;
		const cat = c.code.slice(0, 3);
		const ok = K.dx.code ? L.dxCovers(K.dx.code, c.code) ||
		    K.dx.code.startsWith(c.code) :
		    K.dx.chapters ? K.dx.chapters.includes(L.chapterOf(cat)) : true;
		if (ok && (!K.dx.code || c.code.length > K.dx.code.length))
			codes.add(c.code);
	}
	if (codes.size)
		K.dx = { code: [...codes].sort().join('+'),
		    chapters: [...new Set([...codes].map((c) => L.chapterOf(c)))] };
	for (const d of e.specs) {
		const allowed = K.prof ? d.specs.filter((s) => K.prof.includes(s)) :
		    d.specs;
		if (allowed.length && (!K.prof || allowed.length < K.prof.length))
			K.prof = allowed;
	}
	for (const d of e.dates) {
		const mo = d.month ? d.month :
		    `${d.year || q.slice(0, 4)}-${String(d.monthNo).padStart(2, '0')}`;
		if (d.day)
			K.extra.add('day=' + (d.month ? d.text : `${mo}-${d.text}`));
		if (K.months.length > 1 && K.months.includes(mo))
			K.months = [mo];
	}
	for (const t of e.times)
		K.extra.add('time=' + t.time);
	for (const p of e.places) {
		if (p.region && (form === 'incidents' || !K.region))
			K.region = K.region && K.region !== p.region ?
			    K.region + '+' + p.region : p.region;
		else if (!p.region)
			K.extra.add('place=' + p.name);
	}
	return K;
}

// The knowledge of two versions of one record, together.
export function merge(a, b) {
	if (!a)
		return b;
	const inter = (x, y) => !x ? y : !y ? x : x.filter((v) => y.includes(v));
	const K = {
		sex: a.sex || b.sex,
		age: !a.age ? b.age : !b.age ? a.age :
		    [Math.max(a.age[0], b.age[0]), Math.min(a.age[1], b.age[1])],
		dx: (a.dx.code || '').length >= (b.dx.code || '').length &&
		    (a.dx.code || !b.dx.code) ?
		    { code: a.dx.code, chapters: inter(a.dx.chapters, b.dx.chapters) } :
		    { code: b.dx.code, chapters: inter(a.dx.chapters, b.dx.chapters) },
		prof: inter(a.prof, b.prof),
		months: inter(a.months, b.months),
		region: a.region || b.region,
		extra: new Set([...a.extra, ...b.extra]),
	};
	return K;
}

const fmtAge = (a) => a[1] - a[0] < 400 && a[0] < 400 ?
    `${Math.round(a[0])}-${Math.round(a[1])}d` :
    `${Math.floor(a[0] / DAY)}-${Math.floor((a[1] + 1) / DAY) - 1}y`;

export function key(K) {
	return [
		'sex=' + (K.sex || '*'),
		'age=' + (K.age ? fmtAge(K.age) : '*'),
		'dx=' + (K.dx.code || (K.dx.chapters ? K.dx.chapters.join('/') : '*')),
		'prof=' + (!K.prof ? '*' : K.prof.length > 1 &&
		    K.prof.every((s) => L.GROUP_OF[s] === L.GROUP_OF[K.prof[0]]) &&
		    K.prof.length === L.GROUPS[L.GROUP_OF[K.prof[0]]].split(' ').length ?
		    L.GROUP_OF[K.prof[0]] : K.prof.join('/')),
		'month=' + (K.months.length === 3 ? '*' : K.months.join('/')),
		'region=' + (K.region || '*'),
		...[...K.extra].sort(),
	].join(' ');
}

const NOTHING = /^sex=\* age=\* dx=\* prof=\* month=\* region=\*$/;

// classes(items, k, l): group items ({ form, q, K, outcome, ref }) by
// quarter, form and key; the classes below k or l, and the unique
// count and the smallest class.
export function classes(items, k, l) {
	const groups = new Map();
	for (const it of items) {
		const g = `${it.q} ${it.form}\u0001${key(it.K)}`;
		if (!groups.has(g))
			groups.set(g, []);
		groups.get(g).push(it);
	}
	// A quarter table too small (or too uniform) for k and l may
	// publish its rows with nothing known about them.
	const tq = new Map();
	for (const it of items) {
		const t = `${it.q} ${it.form}`;
		if (!tq.has(t))
			tq.set(t, { n: 0, outs: new Set() });
		tq.get(t).n++;
		tq.get(t).outs.add(it.outcome);
	}
	const bad = [];
	let unique = 0, smallest = Infinity;
	for (const [g, its] of groups) {
		const [qf0, k0] = g.split('\u0001');
		const t = tq.get(qf0);
		if ((t.n < k || t.outs.size < l) && NOTHING.test(k0))
			continue;
		if (its.length === 1)
			unique++;
		smallest = Math.min(smallest, its.length);
		const outs = new Set(its.map((i) => i.outcome));
		if (its.length >= k && outs.size >= l)
			continue;
		const [qf, kk] = g.split('\u0001');
		bad.push({ qf, key: kk, n: its.length, outs: outs.size,
		    refs: its.map((i) => i.ref) });
	}
	return { bad, unique, smallest, groups: groups.size };
}
