// diff.mjs -- differencing two releases' count tables.
//
// diffTables(a, b, added, removed): a and b are releases ({ dir, site });
// added and removed the rows ({ r, head, form, q }) that differ.  Every
// count table (chart CSVs, HTML tables) of a closed quarter or of all
// quarters present in both is compared cell by cell; a changed cell is
// explained if every changed record's row shows, at the cell's level,
// each quasi-identifier the table is broken down by, or if the cell
// changed by exactly the number of changed rows (of its scope) whose
// published values lie inside it (then the rows already tell what the
// figure tells).  Returns { leaks: [lines],
// changed, tables }.
import * as L from './lib.mjs';

// Does a published row show dimension dim at the level of value v?
export function rowShows(x, dim, v) {
	const { r, head, form } = x;
	switch (dim) {
	case 'region':
		return form === 'insurance' && !!L.rowRegion(r, head);
	case 'sex':
		return !!L.rowSex(r);
	case 'age': {
		const a = form === 'incidents' ? L.rowAge(r, head) : null;
		return !!a && (!v || a[0] >= v[0] && a[1] <= v[1] ||
		    a[1] < v[0] || a[0] > v[1]);
	}
	case 'group': {
		const p = L.rowProfile(r, head);
		return !!p && new Set(p.map((s) => L.GROUP_OF[s])).size === 1;
	}
	case 'specialty': {
		const p = L.rowProfile(r, head);
		return !!p && (p.length === 1 || v && p.every((s) => v.includes(s)) ||
		    v && !p.some((s) => v.includes(s)));
	}
	case 'chapter': {
		const d = L.rowDx(r, head);
		return !!d.chapters && (d.chapters.length === 1 ||
		    v && !d.chapters.some((c) => v.includes(c)));
	}
	case '?':
		return false;
	default:
		return L.NON_QI.has(dim);
	}
}

// Does a published row's value of dimension dim lie inside v (the
// cell's value)?  true / false, or null where the row cannot tell.
export function rowInside(x, dim, v) {
	const { r, head, form } = x;
	switch (dim) {
	case 'region': {
		const g = form === 'insurance' ? L.rowRegion(r, head) : null;
		return g ? v.includes(g) : false;
	}
	case 'sex': {
		const g = L.rowSex(r);
		return g ? v.includes(g) : false;
	}
	case 'age': {
		const a = form === 'incidents' ? L.rowAge(r, head) : null;
		return !!a && a[0] >= v[0] && a[1] <= v[1];
	}
	case 'group': {
		const p = L.rowProfile(r, head);
		return !!p && p.every((s) => v.includes(L.GROUP_OF[s]));
	}
	case 'specialty': {
		const p = L.rowProfile(r, head);
		return !!p && p.every((s) => v.includes(s));
	}
	case 'chapter': {
		const d = L.rowDx(r, head);
		return !!d.chapters && d.chapters.every((c) => v.includes(c));
	}
	case 'quarter':
		return x.q === v;
	default:
		return dim in r ? (Array.isArray(v) ? v.includes(r[dim]) : r[dim] === v)
		    : null;
	}
}

// A changed cell is accounted for by the rows when its change is
// exactly the number of added rows (of its form and scope) whose
// published values lie inside it, less the withdrawn ones: the reader
// could count those rows, and the figure tells nothing more.
function countedByRows(v1, v2, scope, vals, dims, added, removed, form) {
	if (!/^\d+$/.test(String(v1 ?? '0')) || !/^\d+$/.test(String(v2 ?? '0')))
		return false;
	const inside = (x) => (!form || x.form === form) &&
	    (scope === 'all' || x.q === scope) &&
	    dims.every((d) => rowInside(x, d, vals[d]) === true);
	for (const x of [...added, ...removed])
		for (const d of dims)
			if (vals[d] === undefined || rowInside(x, d, vals[d]) === null)
				return false;
	return (+(v2 ?? 0)) - (+(v1 ?? 0)) ===
	    added.filter(inside).length - removed.filter(inside).length;
}

const cache = new WeakMap();
function tablesOf(s) {
	if (!cache.has(s))
		cache.set(s, new Map(L.countTables(s.dir).map((t) => [t.file, t])));
	return cache.get(s);
}

export function diffTables(a, b, added, removed) {
	const ta = tablesOf(a), tb = tablesOf(b);
	const voc = L.vocab(b.dir);
	const open = b.site.quarters[b.site.quarters.length - 1];
	const delta = [...added, ...removed];
	const dq = new Set(delta.map((x) => x.q));
	const leaks = [];
	let changed = 0, tables = 0;
	for (const [file, t1] of ta) {
		const t2 = tb.get(file);
		if (!t2 || t1.scope === open)
			continue;
		tables++;
		const d = L.tableDims(t2, voc);
		// Breakdowns by what every row publishes exactly (quarter,
		// category, consequence, harm, insured, disability) tell
		// nothing the rows do not.
		if (d.dims.every((x) => L.NON_QI.has(x)))
			continue;
		const cell = (t) => new Map(t.rows.flatMap((r) =>
		    r.slice(1).map((v, j) => [`${r[0]}\u0001${t.head[j + 1]}`, v])));
		const c1 = cell(t1), c2 = cell(t2);
		const keys = new Set([...c1.keys(), ...c2.keys()]);
		for (const key of keys) {
			const v1 = c1.get(key), v2 = c2.get(key);
			if (v1 === v2)
				continue;
			// A rate of all quarters is per year: with a quarter more,
			// the same count gives a smaller rate.  Compared per
			// year-quarters, within the rounding of one decimal.
			if (t1.scope === 'all' && v1 !== undefined && v2 !== undefined) {
				const r1 = L.parseCount(v1), r2 = L.parseCount(v2);
				const y1 = a.site.quarters.length, y2 = b.site.quarters.length;
				if (r1.kind === 'rate' && r2.kind === 'rate' && y1 !== y2 &&
				    Math.abs(r1.x * y1 - r2.x * y2) <= 0.05 * (y1 + y2) + 1e-9)
					continue;
			}
			changed++;
			const [rl, ch] = key.split('\u0001');
			const ri = t2.rows.findIndex((r) => r[0] === rl);
			const ci = t2.head.indexOf(ch) - 1;
			// The records whose value is not shown: the rows tell that.
			if (ri >= 0 && d.rows[ri] && d.rows[ri].dim === 'rest')
				continue;
			// A quarter's row or column is a figure of that quarter
			// (the open one is the tiny attack's).
			const qof = (x) => x && x.dim === 'quarter' ? x.code : null;
			const scope = qof(ri >= 0 && d.rows[ri]) ||
			    qof(ci >= 0 && d.cols[ci]) || t1.scope;
			if (scope === open)
				continue;
			const vals = {};
			if (ri >= 0 && d.rows[ri])
				vals[d.rows[ri].dim] = d.rows[ri].code;
			if (ci >= 0 && d.cols[ci])
				vals[d.cols[ci].dim] = d.cols[ci].code;
			const dims = d.dims.filter((x) => !L.NON_QI.has(x));
			const who = delta.filter((x) => !d.form || x.form === d.form);
			const why = [];
			if (scope !== 'all' && !dq.has(scope))
				why.push(`a figure of ${scope}, where no record changed`);
			else if (!who.length)
				why.push('no changed record is of this form');
			for (const dim of dims) {
				const hid = who.filter((x) => !rowShows(x, dim, vals[dim]));
				if (hid.length)
					why.push(`${dim === '?' ? 'an unrecognised breakdown' : dim} ` +
					    `(not shown by ${hid.slice(0, 3).map((x) => x.r.ref).join(' ')})`);
			}
			if (why.length && countedByRows(v1, v2, t1.scope, vals,
			    d.dims.filter((x) => x !== '?'), added, removed, d.form) &&
			    !d.dims.includes('?'))
				continue;
			if (why.length)
				leaks.push(`${file}: "${rl}" / "${ch}": ${v1 ?? '(absent)'} -> ` +
				    `${v2 ?? '(absent)'} tells ${why.join('; ')}`);
		}
	}
	// Russian files first, each figure once per language.
	leaks.sort((x, y) => (y.startsWith('ru/') - x.startsWith('ru/')) ||
	    (x < y ? -1 : x > y ? 1 : 0));
	return { leaks, changed, tables };
}
