// audit.mjs SITE K SMALL ROUND CONFIG -- attack 3: every published count
// table audited as the linear system an attacker can write down, and
// solved with glpsol (GLPK).
//
// One system per form and quasi-identifier family (region; age x sex;
// profile, at specialty level with groups as sums; ICD-10 chapter),
// over all quarters at once:
//  - unknowns y[q, P, v]: how many rows of quarter q that share the
//    published pattern P (the set of values their row allows) truly
//    have value v; rows that show the value exactly are constants;
//  - each pattern's unknowns add up to its number of rows (the record
//    tables' visible counts and the exact quarter totals);
//  - every cell of every chart CSV and page table of the family, per
//    quarter and over all quarters: exact, rounded (true within
//    +-ROUND/2, >= SMALL), "<SMALL" (1..SMALL-1), hidden (>= 0), a rate
//    per 100 000 people (the counts it allows, with the population of
//    CONFIG's [population]).
// Integer unknowns; then
//  (i)  every "<SMALL" or hidden cell's feasible interval is not a
//       single value;
//  (ii) no row whose value is hidden (or generalized) can be proven to
//       hold a particular value: for each pattern P and each value, or
//       set of values a chart cell shows, the minimum number of P's rows
//       that hold it is 0.  A pattern is exempt when it is the whole of
//       its quarter's population for that family (no other row of the
//       quarter shows a value that overlaps it) and has >= K rows: then
//       the chart describes it as a population, not a subset.
// Witness solutions (minimising the sum of what is still unproven) prove
// most pairs at once; the rest are solved one by one, at most
// AUDIT_MAX_SOLVES (60) per family.  AUDIT_KEEP=1 keeps every model
// (CPLEX LP format) and solution in a temporary directory it names.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import * as L from './lib.mjs';

const [dir, K, SMALL, ROUND, config] = process.argv.slice(2);
const k = +K, small = +SMALL, round = +ROUND;
const MAXSOLVES = +(process.env.AUDIT_MAX_SOLVES || 60);
const site = L.loadSite(dir);
const voc = L.vocab(dir);
const tables = L.countTables(dir);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-'));
if (!process.env.AUDIT_KEEP)
	process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
else
	console.log(`# models in ${tmp}`);

// Population per region (for rates).
const pop = {};
if (config && fs.existsSync(config)) {
	let sec = '';
	for (const line of fs.readFileSync(config, 'utf8').split('\n')) {
		const m = line.match(/^\s*\[(\w+)\]/);
		if (m)
			sec = m[1];
		const kv = line.match(/^\s*(KZ-\d\d)\s*=\s*(\d+)/);
		if (sec === 'population' && kv)
			pop[kv[1]] = +kv[2];
	}
}

// ---------------------------------------------------------------- families

const FAMILY = { region: 'region', age: 'agesex', sex: 'agesex',
    group: 'profile', specialty: 'profile', chapter: 'chapter' };
const unparsed = [];

// The fine values of a family, and the set a row allows.
// Age: the finest partition of the bands the charts use (a chart by
// decades and one by 20-year bands share the decades).
const starts = new Set();
for (const t of tables)
	for (const r of t.rows) {
		const v = L.labelValue(r[0], voc);
		if (v && v.dim === 'age') {
			starts.add(v.code[0]);
			starts.add(v.code[1] + 1);
		}
	}
const bounds = [...starts].sort((a, b) => a - b);
const decades = bounds.slice(0, -1).map((a, i) => [a, bounds[i + 1] - 1]);
const domain = {
	region: L.REGIONS,
	agesex: ['M', 'F'].flatMap((s) => decades.map((d) => `${s}|${d.join('-')}`)),
	profile: L.SPECIALTIES,
	chapter: L.CHAPTERS.map((c) => c[0]),
};
function rowSet(fam, x) {
	const { r, head, form } = x;
	switch (fam) {
	case 'region': {
		const g = form === 'insurance' ? L.rowRegion(r, head) : null;
		return g ? [g] : domain.region;
	}
	case 'agesex': {
		const s = L.rowSex(r);
		const a = form === 'incidents' ? L.rowAge(r, head) : null;
		return domain.agesex.filter((v) => {
			const [sx, d] = v.split('|');
			const [lo, hi] = d.split('-').map(Number);
			return (!s || s === sx) && (!a || a[0] <= hi && a[1] >= lo);
		});
	}
	case 'profile':
		return L.rowProfile(r, head) || domain.profile;
	case 'chapter':
		return L.rowDx(r, head).chapters || domain.chapter;
	}
	return null;
}
// The fine values a chart cell counts.
function cellSet(fam, rv, cv) {
	let set = domain[fam];
	for (const v of [rv, cv]) {
		if (!v || L.NON_QI.has(v.dim))
			continue;
		let s;
		switch (v.dim) {
		case 'region': s = v.code; break;
		case 'sex': s = domain.agesex.filter((x) => v.code.includes(x.split('|')[0])); break;
		case 'age': s = domain.agesex.filter((x) => {
			const [lo, hi] = x.split('|')[1].split('-').map(Number);
			return lo >= v.code[0] && hi <= v.code[1];
		}); break;
		case 'group': s = v.code.flatMap((g) => (L.GROUPS[g] || '').split(' ')); break;
		case 'specialty':
			// A name shared by specialties of two groups says
			// nothing sure about either.
			if (new Set(v.code.map((c) => L.GROUP_OF[c])).size > 1)
				return null;
			s = v.code;
			break;
		case 'chapter': s = v.code; break;
		default: return null;
		}
		set = set.filter((x) => s.includes(x));
	}
	return set;
}

// A cell's published value -> [lo, hi] of the true count (or null).
// Rates are per year: a quarter's figure (a table of a quarter, or a
// quarter's column) covers a quarter of a year, all quarters' their
// number over four.
function interval(v, rv, cv, isRate, scope) {
	const c = L.parseCount(v, small, round);
	if (c.kind === 'rate' || isRate && (c.kind === 'exact' || c.kind === 'rounded')) {
		const reg = [rv, cv].find((x) => x && x.dim === 'region');
		const years = scope === 'all' && ![rv, cv].some((x) => x &&
		    x.dim === 'quarter') ? site.quarters.length / 4 : 0.25;
		const p = reg && reg.code.length === 1 ? pop[reg.code[0]] *
		    years : null;
		if (!p)
			return null;
		const s = String(v).replace(',', '.');
		const dec = (s.split('.')[1] || '').length;
		const x = +s, h = 0.5 / 10 ** dec;
		const lo = Math.max(0, Math.ceil((x - h) * p / 1e5 - 1e-9));
		const hi = Math.floor((x + h) * p / 1e5 + 1e-9);
		// The rate of the true count, or of the rounded count.
		let a = lo, b = hi;
		for (let n = lo - 2; n <= hi + 2; n++)
			if (n >= small && n % round === 0 && n * 1e5 / p >= x - h - 1e-9 &&
			    n * 1e5 / p <= x + h + 1e-9) {
				a = Math.min(a, n - Math.floor(round / 2));
				b = Math.max(b, n + Math.floor(round / 2));
			}
		return { lo: Math.max(0, a), hi: b, kind: x === 0 ? 'exact' : 'rate' };
	}
	if (c.kind === 'exact' || c.kind === 'rounded' || c.kind === 'small' || c.kind === 'hidden')
		return c;
	return null;
}

// ---------------------------------------------------------------- glpsol

let solves = 0;
// solve(vars, cons, obj, sense): cons [{ terms: Map(var -> coef), lo, hi }];
// obj Map(var -> coef).  Returns { status, x: Float64Array } or null.
function solve(nvar, cons, obj, sense) {
	solves++;
	const name = (i) => `y${i}`;
	const lines = [sense === 'max' ? 'Maximize' : 'Minimize'];
	const term = (a, v, first) => a < 0 ? ` - ${-a} ${v}` :
	    `${first ? ' ' : ' + '}${a} ${v}`;
	let ot = '';
	for (let i = 0; i < nvar; i++)
		ot += term(obj.get(i) || 0, name(i), i === 0);
	lines.push(' obj:' + ot);
	lines.push('Subject To');
	cons.forEach((c, j) => {
		const e = [...c.terms].map(([v, a], n) => term(a, name(v), n === 0)).join('');
		if (!e)
			return;
		if (c.lo === c.hi)
			lines.push(` c${j}: ${e} = ${c.lo}`);
		else {
			if (c.lo > 0)
				lines.push(` l${j}: ${e} >= ${c.lo}`);
			if (c.hi !== Infinity)
				lines.push(` u${j}: ${e} <= ${c.hi}`);
		}
	});
	lines.push('General');
	for (let i = 0; i < nvar; i += 20)
		lines.push(' ' + Array.from({ length: Math.min(20, nvar - i) }, (_, t) => name(i + t)).join(' '));
	lines.push('End');
	const base = process.env.AUDIT_KEEP ? `m${solves}` : 'm';
	const lp = path.join(tmp, base + '.lp'), sol = path.join(tmp, base + '.sol');
	fs.writeFileSync(lp, lines.join('\n') + '\n');
	try {
		execFileSync('glpsol', ['--lp', lp, '-w', sol, '--tmlim', '60'],
		    { stdio: 'ignore' });
	} catch {
		return null;
	}
	const out = fs.readFileSync(sol, 'utf8').split('\n');
	const s = out.find((l) => /^s /.test(l));
	if (!s || s.split(' ')[4] !== 'o')
		return { status: s ? s.split(' ')[4] : '?' };
	const x = new Float64Array(nvar);
	for (const l of out)
		if (l.startsWith('j ')) {
			const [, j, v] = l.split(' ');
			x[+j - 1] = Math.round(+v);
		}
	return { status: 'o', x };
}

// ---------------------------------------------------------------- systems

const cellProblems = [], rowProblems = [], notes = [];
let nCells = 0, nPairs = 0, nFamilies = 0, cappedCells = 0, cappedPairs = 0;

function audit(form, fam, tabs, membership, feasOnly = false) {
	// Rows -> patterns.
	const pats = [];	// { q, set, n, vars: Map(v -> var index) }
	const pidx = new Map();
	const consts = new Map();	// `${q}|${v}` -> count
	let nvar = 0;
	for (const [q, t] of Object.entries(site.forms[form]))
		for (const r of t.recs) {
			const x = { r, head: t.head, form, q };
			const qq = membership === 'reported' ? r.reported_quarter || q : q;
			const set = rowSet(fam, x);
			if (set.length === 1) {
				const key = `${qq}\u0001${set[0]}`;
				consts.set(key, (consts.get(key) || 0) + 1);
				continue;
			}
			const key = `${qq}\u0001${set.join(',')}`;
			if (!pidx.has(key)) {
				pidx.set(key, pats.length);
				pats.push({ q: qq, set, n: 0, vars: new Map(set.map((v) => [v, nvar++])) });
			}
			pats[pidx.get(key)].n++;
		}
	const cons = pats.map((p) => ({ terms: new Map([...p.vars.values()].map((i) => [i, 1])),
	    lo: p.n, hi: p.n }));
	// Chart cells.
	const cells = [];	// { desc, set, scope, lo, hi, kind, terms, c0 }
	const seen = new Set();
	for (const t of tabs) {
		const d = L.tableDims(t, voc);
		t.rows.forEach((row, i) => {
			row.slice(1).forEach((v, j) => {
				const rv = d.rows[i], cv = d.cols[j];
				const set = cellSet(fam, rv, cv);
				const iv = interval(v, rv, cv, d.rate, t.scope);
				if (!set || !iv)
					return;
				const scope = rv && rv.dim === 'quarter' ? rv.code :
				    cv && cv.dim === 'quarter' ? cv.code : t.scope;
				const sig = `${scope}|${set.join(',')}|${iv.lo}|${iv.hi}`;
				if (seen.has(sig))
					return;
				seen.add(sig);
				let c0 = 0;
				for (const [key, n] of consts) {
					const [q, val] = key.split('\u0001');
					if ((scope === 'all' || q === scope) && set.includes(val))
						c0 += n;
				}
				const terms = new Map();
				for (const p of pats)
					if (scope === 'all' || p.q === scope)
						for (const [val, vi] of p.vars)
							if (set.includes(val))
								terms.set(vi, 1);
				cells.push({ desc: `${t.file}: "${row[0]}" / "${t.head[j + 1]}" = "${v}"`,
				    set, scope, lo: iv.lo, hi: iv.hi, kind: iv.kind, terms, c0 });
				cons.push({ terms, lo: Math.max(0, iv.lo - c0),
				    hi: iv.hi === Infinity ? Infinity : iv.hi - c0 });
			});
		});
	}
	if (!cells.length)
		return true;
	const feas = solve(nvar, cons, new Map(), 'min');
	if (!feas || feas.status !== 'o')
		return false;
	if (feasOnly)
		return true;
	nFamilies++;
	// What to prove.
	const protect = cells.filter((c) => c.kind === 'small' || c.kind === 'hidden');
	nCells += protect.length;
	const pairs = [];
	for (const p of pats) {
		const overlap = pats.some((o) => o !== p && o.q === p.q &&
		    o.set.some((v) => p.vars.has(v))) ||
		    [...consts.keys()].some((key) => key.startsWith(p.q + '\u0001') &&
		    p.vars.has(key.split('\u0001')[1]));
		if (!overlap && p.n >= k)
			continue;
		const sets = new Map();
		for (const v of p.set)
			sets.set(v, [v]);
		for (const c of cells) {
			const s = p.set.filter((v) => c.set.includes(v));
			if (s.length && s.length < p.set.length)
				sets.set(s.join(','), s);
		}
		for (const [, s] of sets)
			pairs.push({ p, s, vars: s.map((v) => p.vars.get(v)) });
	}
	nPairs += pairs.length;
	const val = (x, vars) => vars.reduce((a, i) => a + x[i], 0);
	const cval = (x, c) => c.c0 + [...c.terms.keys()].reduce((a, i) => a + x[i], 0);
	const seenVals = protect.map(() => new Set());
	const collect = (x) => protect.forEach((c, i) => seenVals[i].add(cval(x, c)));
	collect(feas.x);
	// Witnesses for the pairs: minimise the sum of the unproven.
	let open = pairs.filter((pr) => val(feas.x, pr.vars) > 0);
	for (let round = 0; round < 6 && open.length; round++) {
		const obj = new Map();
		for (const pr of open)
			for (const i of pr.vars)
				obj.set(i, (obj.get(i) || 0) + 1);
		const w = solve(nvar, cons, obj, 'min');
		if (!w || w.status !== 'o')
			break;
		collect(w.x);
		const before = open.length;
		open = open.filter((pr) => val(w.x, pr.vars) > 0);
		if (open.length === before)
			break;
	}
	// Witnesses for the cells: in each round half of the undecided
	// cells are pushed up and the others down (by the bits of their
	// index, then the complement), so that each goes both ways.
	const R = Math.max(1, Math.ceil(Math.log2(protect.length + 1)));
	for (let round = 0; round < 2 * R; round++) {
		const und = protect.map((c, i) => i).filter((i) => seenVals[i].size < 2);
		if (!und.length)
			break;
		const obj = new Map();
		for (const i of und) {
			const up = ((i >> (round % R)) & 1) ^ (round >= R ? 1 : 0);
			for (const t of protect[i].terms.keys())
				obj.set(t, (obj.get(t) || 0) + (up ? 1 : -1));
		}
		const w = solve(nvar, cons, obj, 'max');
		if (w && w.status === 'o')
			collect(w.x);
	}
	let budget = MAXSOLVES;
	// Pairs: one by one.
	const byPat = new Map();
	for (const pr of open) {
		if (budget <= 0) {
			cappedPairs++;
			continue;
		}
		budget--;
		const obj = new Map(pr.vars.map((i) => [i, 1]));
		const w = solve(nvar, cons, obj, 'min');
		if (!w || w.status !== 'o')
			continue;
		const m = val(w.x, pr.vars);
		if (m > 0) {
			if (!byPat.has(pr.p))
				byPat.set(pr.p, []);
			byPat.get(pr.p).push({ s: pr.s, min: m });
		}
	}
	for (const [p, l] of byPat) {
		const desc = describe(fam, p.set);
		const forced = l.sort((a, b) => b.min - a.min || a.s.length - b.s.length)
		    .filter((x, i, a) => a.findIndex((y) => y.s.join() === x.s.join()) === i)
		    .slice(0, 4).map((x) => `>= ${x.min} ${describe(fam, x.s)}`);
		rowProblems.push(`${p.q} ${form}: ${p.n} row(s) showing ${desc}: ` +
		    `the tables force ${forced.join(', ')}`);
	}
	// Protected cells: one by one where the witnesses agree.
	budget = MAXSOLVES;
	protect.forEach((c, i) => {
		if (seenVals[i].size > 1)
			return;
		if (budget <= 1) {
			cappedCells++;
			return;
		}
		budget -= 2;
		const lo = solve(nvar, cons, new Map([...c.terms.keys()].map((t) => [t, 1])), 'min');
		const hi = solve(nvar, cons, new Map([...c.terms.keys()].map((t) => [t, 1])), 'max');
		if (!lo || !hi || lo.status !== 'o' || hi.status !== 'o')
			return;
		const a = cval(lo.x, c), b = cval(hi.x, c);
		if (a === b)
			cellProblems.push(`${c.desc}: the tables force exactly ${a}`);
	});
	return true;
}

// Do the tables count the rows by the values the rows publish (a row
// counts in a cell only if its published value lies within the cell)?
function publishedFits(form, fam, tabs) {
	for (const t of tabs) {
		const d = L.tableDims(t, voc);
		for (let i = 0; i < t.rows.length; i++)
			for (let j = 1; j < t.rows[i].length; j++) {
				const rv = d.rows[i], cv = d.cols[j - 1];
				const set = cellSet(fam, rv, cv);
				const iv = interval(t.rows[i][j], rv, cv, d.rate,
				    t.scope);
				if (!set || !iv)
					continue;
				const scope = rv && rv.dim === 'quarter' ? rv.code :
				    cv && cv.dim === 'quarter' ? cv.code : t.scope;
				let n = 0;
				for (const [q, tt] of Object.entries(site.forms[form]))
					if (scope === 'all' || q === scope)
						for (const r of tt.recs)
							if (rowSet(fam, { r, head: tt.head, form, q }).every((v) => set.includes(v)))
								n++;
				if (n < iv.lo || n > iv.hi)
					return false;
			}
	}
	return true;
}

function describe(fam, set) {
	if (set.length === domain[fam].length)
		return fam === 'agesex' ? 'neither age nor sex' : `no ${fam}`;
	if (fam === 'profile') {
		const gs = Object.keys(L.GROUPS).filter((g) => L.GROUPS[g].split(' ').every((s) => set.includes(s)));
		const rest = set.filter((s) => !gs.includes(L.GROUP_OF[s]));
		return [...gs, ...rest].join('/');
	}
	if (fam === 'agesex') {
		const sx = [...new Set(set.map((v) => v.split('|')[0]))];
		const ag = [...new Set(set.map((v) => v.split('|')[1]))];
		if (sx.length * ag.length === set.length) {
			const age = ag.length === decades.length ? 'any age' :
			    ag.length === 1 ? ag[0] : `${ag[0].split('-')[0]}-${ag[ag.length - 1].split('-')[1]}`;
			return `${sx.length === 2 ? 'either sex' : sx[0]}, ${age}`;
		}
	}
	return set.length > 6 ? `${set.slice(0, 6).join('/')}/...` : set.join('/');
}

for (const form of L.FORMS) {
	const byFam = new Map();
	for (const t of tables) {
		const d = L.tableDims(t, voc);
		if (d.form && d.form !== form)
			continue;
		if (d.dims.includes('?')) {
			if (!unparsed.includes(t.file))
				unparsed.push(t.file);
			continue;
		}
		const qi = d.dims.filter((x) => !L.NON_QI.has(x));
		if (!qi.length)
			continue;
		const fams = new Set(qi.map((x) => FAMILY[x]));
		if (fams.size !== 1)
			continue;
		// A page table without a form (an HTML chart table) belongs to
		// the form of the CSV it repeats; those are left out already.
		if (!d.form)
			continue;
		const f = [...fams][0];
		if (!byFam.has(f))
			byFam.set(f, []);
		byFam.get(f).push(t);
	}
	for (const [fam, all] of byFam) {
		// A table with a row for the records whose value is not shown
		// counts published values: it can tell nothing beyond the rows
		// if its counts are those of the rows.
		const hasRest = (t) => L.tableDims(t, voc).rows.some((r) => r && r.dim === 'rest');
		for (const t of all.filter(hasRest))
			if (!publishedFits(form, fam, [t]))
				cellProblems.push(`${t.file}: its counts are not those of the published rows`);
		const tabs = all.filter((t) => !hasRest(t));
		if (!tabs.length)
			continue;
		// The charts count a quarter's rows by their event quarter; if
		// that does not fit the figures, by their reported quarter, or
		// by the values the rows publish.
		if (audit(form, fam, tabs, 'event'))
			continue;
		if (audit(form, fam, tabs, 'reported')) {
			notes.push(`${form} ${fam}: the figures count late records in their reported quarter`);
			continue;
		}
		if (publishedFits(form, fam, tabs)) {
			notes.push(`${form} ${fam}: the figures count the values the rows publish (they tell nothing beyond the rows)`);
			continue;
		}
		// Which tables contradict the rows on their own?
		const alone = tabs.filter((t) => !audit(form, fam, [t], 'event', true));
		cellProblems.push(`${form} ${fam}: the figures contradict the record ` +
		    `tables: no count fits both (cannot audit); on their own: ` +
		    `${alone.length ? alone.map((t) => t.file).slice(0, 4).join(', ') : 'none, only together'}`);
	}
}

for (const n of notes)
	L.note(n);
if (unparsed.length)
	L.note(`tables whose breakdown the audit could not read: ${unparsed.join(', ')}`);
L.report(!cellProblems.length && !cappedCells, `audit: no "<${small}" or hidden figure ` +
    `can be pinned down from totals, margins, other charts and the record ` +
    `tables (${nCells} protected cells in ${nFamilies} systems` +
    `${cappedCells ? `; ${cappedCells} left unaudited over the limit of ${MAXSOLVES} solves per system` : ''})`,
    cellProblems);
L.report(!rowProblems.length && !cappedPairs, `audit: no row whose value is hidden can be ` +
    `proven to hold a particular value (${nPairs} pattern/value pairs, ${solves} glpsol runs in all` +
    `${cappedPairs ? `; ${cappedPairs} pairs left unaudited over the limit of ${MAXSOLVES} solves per system` : ''})`,
    rowProblems);
L.done();
