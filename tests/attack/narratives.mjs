// narratives.mjs SITE K L [DB] -- attack 1: what the narratives say,
// joined to the rows.
//
// For every row of every quarter table (machine CSV), read both
// languages of its texts (text.mjs) and check:
//  (a) no text-derived value is more specific than the row: no code
//      finer than the row's diagnosis level, no time of day, no sex the
//      row hides, no specialty where the row shows a group or nothing,
//      no age narrower than the row's band, no day (or a month the row
//      hides), no place beyond the row's region;
//  (b) the rows' quasi-identifiers refined by what the texts say still
//      form classes of >= K rows with >= L outcomes in each quarter
//      table (the share of unique rows is printed);
//  (c) a fact (number, code, time, name) masked in one language of a
//      record is not readable in the other.
// With DB, notes say how often the text-derived values are true.
import * as L from './lib.mjs';
import { extract, textCols, MARKER } from './text.mjs';
import { know, classes } from './know.mjs';

const [dir, K, LL, db] = process.argv.slice(2);
const k = +K, l = +LL;
const site = L.loadSite(dir);
const recs = L.allRecs(site);
if (!recs.length) {
	L.report(false, `narratives: ${dir} publishes no record tables`);
	L.done();
}

const DAY = 365.25;

// Per row and kind, what the text tells beyond the row (each message
// once: the two languages often say the same).
const viol = { code: new Map(), time: new Map(), sex: new Map(),
    spec: new Map(), age: new Map(), date: new Map(), place: new Map() };
const vrows = {};
for (const x of Object.keys(viol))
	vrows[x] = { incidents: new Set(), insurance: new Set() };
const flag = (kind, x, msg) => {
	const m = viol[kind];
	if (!m.has(x.r.ref))
		m.set(x.r.ref, new Set());
	m.get(x.r.ref).add(msg);
	vrows[kind][x.form].add(x.r.ref);
};

for (const x of recs) {
	const { r, head, form, q } = x;
	const e = extract(r);
	x.e = e;
	const ref = { dx: L.rowDx(r, head), sex: L.rowSex(r),
	    age: form === 'incidents' ? L.rowAge(r, head) : null,
	    prof: L.rowProfile(r, head), months: L.rowMonths(r, head, q),
	    region: form === 'insurance' ? L.rowRegion(r, head) : null };
	x.row = ref;

	// Codes: finer than the row's diagnosis level.
	for (const c of e.codes) {
		if (c.range) {
			// A range is finer if it is strictly inside what the row
			// allows.
			const [lo, hi] = c.code.split('-');
			const rr = ref.dx.code && /^[A-Z]\d\d$/.test(ref.dx.code) ? [ref.dx.code, ref.dx.code] :
			    ref.dx.chapters ? [L.CHAPTERS[L.CHAPTER_IDX[ref.dx.chapters[0]]][1],
			    L.CHAPTERS[L.CHAPTER_IDX[ref.dx.chapters[ref.dx.chapters.length - 1]]][2]] :
			    ['A00', 'Z99'];
			if (lo >= rr[0] && hi <= rr[1] && (lo > rr[0] || hi < rr[1]))
				flag('code', x, `"${c.text}" in the text, row shows ` +
				    `${ref.dx.code || (ref.dx.chapters ? 'chapter ' + ref.dx.chapters.join('/') : 'no diagnosis')}`);
			continue;
		}
		let finer;
		if (ref.dx.code && /^[A-Z]\d\d$/.test(ref.dx.code))
			finer = c.code.length > 3;
		else
			finer = true;	// the row shows a chapter or nothing
		if (finer)
			flag('code', x, `"${c.text}" in the text, row shows ` +
			    `${ref.dx.code || (ref.dx.chapters ? 'chapter ' + ref.dx.chapters.join('/') : 'no diagnosis')}`);
	}

	// Times of day: never in a row.
	for (const t of e.times)
		flag('time', x, `"${t.text}"`);

	// Sex.
	if (e.sex && !ref.sex)
		flag('sex', x, `row hides sex, text: ${e.sexEv.map((v) => `"${v.text}"`).join(', ')} -> ${e.sex}`);

	// Specialty from departments.
	for (const d of e.specs) {
		const allowed = ref.prof ? d.specs.filter((s) => ref.prof.includes(s)) :
		    d.specs;
		if (!allowed.length || ref.prof && ref.prof.length <= allowed.length)
			continue;
		flag('spec', x, `"${d.text}" -> ${allowed.join('/')}, row shows ` +
		    `${ref.prof ? (ref.prof.length > 1 ? L.GROUP_OF[ref.prof[0]] + ' (group)' : ref.prof[0]) : 'no profile'}`);
	}

	// Ages.
	const band = ref.age ? [ref.age[0] * DAY, (ref.age[1] + 1) * DAY - 1] : null;
	for (const a of e.ages) {
		const lo = a.lo, hi = a.hi;
		if (band && (hi < band[0] || lo > band[1]))
			continue;	// someone else's age
		if (band && hi - lo >= band[1] - band[0])
			continue;
		flag('age', x, `"${a.text}", row shows ${ref.age ? ref.age.join('-') : 'no age'}`);
	}

	// Dates and months.
	for (const d of e.dates) {
		const mo = d.month ? d.month :
		    `${d.year || q.slice(0, 4)}-${String(d.monthNo).padStart(2, '0')}`;
		if (d.day)
			flag('date', x, `"${d.text}"`);
		else if (ref.months.length > 1 && ref.months.includes(mo))
			flag('date', x, `"${d.text}", row shows ${ref.months.length === 3 ? 'the quarter only' : ref.months.join('/')}`);
	}

	// Places.
	for (const p of e.places) {
		if (form === 'insurance' && ref.region && p.region === ref.region)
			continue;
		if (form === 'insurance' && ref.region && p.region &&
		    p.region !== ref.region)
			continue;	// another region: not this record's place
		flag('place', x, `"${p.text}"${p.region ? ' (' + p.region + ')' : ''}`);
	}
}

const nf = (f) => recs.filter((x) => x.form === f).length;
const NAMES = {
	code: 'no ICD-10 code in a narrative is finer than the row\'s diagnosis (a category where it shows the category, nothing where it shows a chapter or nothing)',
	time: 'no narrative tells a time of day',
	sex: 'no narrative tells the sex of a patient whose row hides it',
	spec: 'no narrative names a department that tells a specialty the row does not show',
	age: 'no narrative tells an age narrower than the row\'s band',
	date: 'no narrative tells a day, or a month the row hides',
	place: 'no narrative names a place beyond the row\'s region',
};
for (const [kind, m] of Object.entries(viol)) {
	const lines = [...m].map(([ref, msgs]) => `${ref}: ${[...msgs].join('; ')}`);
	const counts = L.FORMS.map((f) => `${vrows[kind][f].size} of ${nf(f)} ${f}`).join(', ');
	L.report(lines.length === 0, `narratives (a): ${NAMES[kind]}` +
	    (lines.length ? ` -- ${counts}` : ''), lines);
}

// (b) Classes with the text-derived attributes.
const items = recs.map((x) => ({ form: x.form, q: x.q, ref: x.r.ref,
    outcome: x.r[L.OUTCOME[x.form]], K: know(x) }));
const cl = classes(items, k, l);
const uniq = {};
for (const form of L.FORMS) {
	const n = items.filter((i) => i.form === form).length;
	const bf = cl.bad.filter((b) => b.qf.endsWith(form));
	uniq[form] = { n, unique: bf.filter((b) => b.n === 1).length,
	    inbad: bf.reduce((a, b) => a + b.n, 0) };
}
const bad = cl.bad.map((b) => `${b.qf}: ${b.n} row(s), ${b.outs} outcome(s): ` +
    `${b.refs.slice(0, 3).join(' ')}${b.n > 3 ? ' ...' : ''} [${b.key.slice(0, 170)}]`);
L.report(bad.length === 0, `narratives (b): with the text-derived attributes ` +
    `joined, every quarter table is ${k}-anonymous with ${l} outcomes per ` +
    `class (unique rows: ${L.FORMS.map((f) => `${f} ${L.pct(uniq[f].unique, uniq[f].n)}`).join(', ')}; ` +
    `rows in classes below ${k}/${l}: ${L.FORMS.map((f) => `${f} ${L.pct(uniq[f].inbad, uniq[f].n)}`).join(', ')})`,
    bad);

// (c) Bilingual consistency: a fact present in one language of a text
// column while the other language has a marker where it would stand.
const FACT = /(?<![\p{L}\p{N}])\d+(?:[.,:/]\d+)*|(?<![\p{L}\p{N}])[A-ZАВСЕНКМОРТХУ]\d\d(?:\.\d{1,2})?(?![\p{L}\p{N}])/gu;
const NAME = /(?<![\p{L}])[А-ЯЁӘҒҚҢӨҰҮҺІA-Z][а-яёәғқңөұүһіa-z]+(?:ова|ева|ина|ов|ев|ин|ко|ұлы|қызы|улы|кызы)?\s+[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]\.\s?[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]\./gu;
const LATIN = { 'А': 'A', 'В': 'B', 'С': 'C', 'Е': 'E', 'Н': 'H', 'К': 'K',
    'М': 'M', 'О': 'O', 'Р': 'P', 'Т': 'T', 'Х': 'X', 'У': 'Y' };
const canon = (v) => v.replace(/^[АВСЕНКМОРТХУ](?=\d)/, (c) => LATIN[c]).replace(/,/g, '.');
const facts = (s) => [...s.replace(MARKER, ' ').matchAll(FACT)].map((m) => canon(m[0]))
    .concat([...s.replace(MARKER, ' ').matchAll(NAME)].map((m) => m[0]));
const bil = [];
let bilCells = { kk: 0, ru: 0 };
for (const x of recs)
	for (const [col, t] of Object.entries(textCols(x.r))) {
		const f = { kk: facts(t.kk), ru: facts(t.ru) };
		const mk = { kk: t.kk.match(MARKER) || [], ru: t.ru.match(MARKER) || [] };
		for (const [a, b] of [['kk', 'ru'], ['ru', 'kk']]) {
			const only = f[a].filter((v) => !f[b].includes(v));
			if (!only.length || !mk[b].length || !t[b])
				continue;
			bilCells[a]++;
			bil.push(`${x.r.ref} ${col}: ${a} reads ${only.map((v) => `"${v}"`).join(', ')}, ` +
			    `${b} has ${[...new Set(mk[b])].join(' ')}`);
		}
	}
L.report(bil.length === 0, 'narratives (c): nothing masked in one language ' +
    'of a record is readable in the other' + (bil.length ?
    ` -- ${bilCells.kk} Kazakh and ${bilCells.ru} Russian cells read what the other language masks` : ''),
    bil);

// Ground truth: how often the text-derived values are right.
if (db) {
	for (const form of L.FORMS) {
		const rows = recs.filter((x) => x.form === form);
		const map = L.matchRecords(rows.map((x) => x.r), L.dbRecords(db, form));
		let n = 0, sx = 0, sxok = 0, hid = 0, hidok = 0, cd = 0, cdok = 0,
		    tm = 0, tmok = 0, sp = 0, spok = 0;
		for (const x of rows) {
			const d = map.get(x.r.ref);
			if (!d)
				continue;
			n++;
			if (x.e.sex) { sx++; if (x.e.sex === d.sex) sxok++; }
			if (!x.row.sex) { hid++; if (x.e.sex === d.sex) hidok++; }
			if (x.e.codes.length) { cd++; if (x.e.codes.some((c) => c.code === d.diagnosis_icd10)) cdok++; }
			if (x.e.times.length) { tm++; if (x.e.times.some((t) => t.time === d.occurred_at.slice(11))) tmok++; }
			if (x.e.specs.length) { sp++; if (x.e.specs.some((s) => s.specs.includes(d.profile))) spok++; }
		}
		L.note(`truth (${form}, ${n} rows matched to the registry): ` +
		    `sex read from the text in ${sx} (right ${L.pct(sxok, sx)}), ` +
		    `${hidok} of ${hid} hidden sexes told right; ` +
		    `the exact diagnosis code in ${cdok} of ${n}; the event's time in ${tmok}; ` +
		    `a department naming the exact specialty in ${spok} of ${sp}`);
	}
}
L.done();
