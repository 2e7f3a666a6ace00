// lib.mjs -- what the attacker suite shares: reading a published site
// (machine CSVs, chart CSVs, HTML tables), the quasi-identifiers and
// their levels, the registry's code lists, the ground-truth database
// (through the sqlite3 command), and the "ok"/"not ok" lines.
//
// Everything here reads outputs only; nothing imports the generator.
// Levels are parsed by "hidden or not" and by what a value can mean,
// not by a fixed vocabulary, so that new generalization levels (age
// "0-39", "80+", chapter ranges "I-XIV", a profile level broader than
// the group) are understood.
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

// parseCSV(text): RFC 4180 rows (quoted fields, doubled quotes, CRLF, a
// byte-order mark); a regex tokenizer, fast on large downloads.
// The separator is ';' where the first line has one outside quotes
// before any ',' (the language files, for kk-KZ and ru-RU
// spreadsheets), else ','.
export function parseCSV(text) {
	if (text.charCodeAt(0) === 0xfeff)
		text = text.slice(1);
	const rows = [];
	let sep = ',';
	for (let i = 0, q = false; i < text.length && text[i] !== '\n'; i++) {
		if (text[i] === '"')
			q = !q;
		else if (!q && (text[i] === ',' || text[i] === ';')) {
			sep = text[i];
			break;
		}
	}
	const re = sep === ',' ? /"((?:[^"]|"")*)"|([^,\r\n"]*)/y :
	    /"((?:[^"]|"")*)"|([^;\r\n"]*)/y;
	let row = [], i = 0;
	const n = text.length;
	while (i < n) {
		re.lastIndex = i;
		const m = re.exec(text);
		row.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
		i = re.lastIndex;
		const c = text[i];
		if (c === sep) {
			i++;
			if (i === n)
				row.push('');
		} else {
			if (c === '\r')
				i++;
			if (text[i] === '\n')
				i++;
			else if (i < n && c !== '\r') {
				// A stray quote: take it literally.
				row[row.length - 1] += text[i++];
				continue;
			}
			rows.push(row);
			row = [];
		}
	}
	if (row.length)
		rows.push(row);
	return rows;
}

// ---------------------------------------------------------------- output

let failures = 0;

// report(ok, desc, lines): one "ok"/"not ok" line, then the
// diagnostic lines (indented), at most ATTACK_LINES (default 6) of
// them, so that tests/run.sh's summary shows every check.
export function report(good, desc, lines = []) {
	const max = +(process.env.ATTACK_LINES || 6);
	console.log(`${good ? 'ok' : 'not ok'} - ${desc}`);
	for (const l of lines.slice(0, max))
		console.log(`  ${l}`);
	if (lines.length > max)
		console.log(`  ... and ${lines.length - max} more`);
	if (!good)
		failures++;
}
export function note(line) { console.log(`# ${line}`); }
export function done() { process.exit(failures ? 1 : 0); }
export const pct = (a, b) => b ? (100 * a / b).toFixed(1) + '%' : 'n/a';

// ---------------------------------------------------------------- forms

export const FORMS = ['incidents', 'insurance'];
export const OUTCOME = { incidents: 'consequence', insurance: 'harm' };
// The quasi-identifier attributes of each form; an attribute is every
// machine-CSV column whose name starts with one of its prefixes (so a
// new level column, e.g. "profile_broad", joins its attribute).
export const ATTRS = {
	incidents: ['month', 'sex', 'age', 'diagnosis', 'profile'],
	insurance: ['month', 'region', 'sex', 'diagnosis', 'profile'],
};
const PREFIX = { month: /^month/, sex: /^sex/, age: /^age/,
    diagnosis: /^diagnosis_/, profile: /^profile_/, region: /^region/ };

export const isHidden = (v) => v === undefined || v === '' ||
    v === 'suppressed' || v === '-' || v === '*';

// The columns of attribute a in a header.
export function attrCols(head, a) {
	return head.filter((c) => PREFIX[a].test(c) && !/_(kk|ru)$/.test(c));
}

// ---------------------------------------------------------------- site

const QDIR = /^\d{4}-q[1-4]$/;
export const qOfDir = (d) => d.slice(0, 4) + 'Q' + d.slice(6);
export const dirOfQ = (q) => q.slice(0, 4) + '-q' + q.slice(5);

function readCSV(file) {
	const b = fs.readFileSync(file);
	const rows = parseCSV((file.endsWith('.gz') ? zlib.gunzipSync(b) :
	    b).toString('utf8'));
	const head = rows.shift() || [];
	return { head, rows: rows.filter((r) => r.length === head.length) };
}

// loadSite(dir): every quarter table of the machine CSVs, as
// { quarters: [...], forms: { incidents: { '2025Q1': { head, recs } } } }
// where each rec is an object by column name.
export function loadSite(dir) {
	const site = { dir, quarters: [], forms: {} };
	const data = path.join(dir, 'data');
	const qs = fs.existsSync(data) ?
	    fs.readdirSync(data).filter((d) => QDIR.test(d)).sort() : [];
	site.quarters = qs.map(qOfDir);
	for (const form of FORMS) {
		site.forms[form] = {};
		for (const d of qs) {
			// A quarter's machine CSV (gzip); a form without
			// records in a quarter has one with a header alone.
			const f = path.join(data, d, `${form}.csv.gz`);
			if (!fs.existsSync(f))
				throw new Error(`${f}: missing`);
			const { head, rows } = readCSV(f);
			const recs = rows.map((r) => Object.fromEntries(
			    head.map((c, i) => [c, r[i]])));
			site.forms[form][qOfDir(d)] = { head, recs };
		}
	}
	return site;
}

// All records of a site, with form and quarter.
export function allRecs(site) {
	const out = [];
	for (const form of FORMS)
		for (const [q, t] of Object.entries(site.forms[form]))
			for (const r of t.recs)
				out.push({ form, q, r, head: t.head });
	return out;
}

// Every count table the site publishes besides the record tables: the
// chart CSVs (both languages) and the tables of the HTML pages that
// are not record tables.  Each: { file, lang, scope: quarter | 'all',
// head: [...], rows: [[label, cells...]] }.
export function countTables(dir, { html = true } = {}) {
	const out = [];
	for (const lang of ['kk', 'ru']) {
		const walk = (d) => {
			for (const e of fs.readdirSync(d, { withFileTypes: true })) {
				const p = path.join(d, e.name);
				if (e.isDirectory()) {
					// Record pages and tables hold no charts.
					// A release's page counts that release's
					// rows (data/releases/), which
					// tests/t_releases.sh checks cell by cell.
					if (/^\d{4}Q[1-4]-[IS]-/.test(e.name) ||
					    e.name === 'incidents' || e.name === 'insurance' ||
					    e.name === 'data' || e.name === 'releases')
						continue;
					walk(p);
				} else if (e.name.endsWith('.csv')) {
					const { head, rows } = readCSV(p);
					out.push({ file: path.relative(dir, p), lang,
					    scope: scopeOf(path.relative(dir, p)),
					    head, rows });
				} else if (html && e.name === 'index.html') {
					for (const t of htmlTables(fs.readFileSync(p, 'utf8')))
						out.push({ file: path.relative(dir, p) +
						    `#table${t.n}`, lang,
						    scope: scopeOf(path.relative(dir, p)),
						    head: t.head, rows: t.rows, html: true });
				}
			}
		};
		const root = path.join(dir, lang);
		if (fs.existsSync(root))
			walk(root);
	}
	// An HTML table that repeats a chart's CSV (the chart's data table)
	// is left out.
	const norm = (t) => JSON.stringify([t.lang, t.scope, t.head,
	    t.rows.map((r) => r.map((v) => v.replace(/^\u2248/, '')
	    .replace(/(\d)[\s\u00a0\u202f](?=\d{3})/g, '$1')
	    .replace(/(\d),(\d)/g, '$1.$2')))]);
	const csv = new Set(out.filter((t) => !t.html).map(norm));
	return out.filter((t) => !t.html || !csv.has(norm(t)));
}

function scopeOf(rel) {
	const m = rel.match(/(?:^|\/)(\d{4}-q[1-4])(?:\/|$)/);
	return m ? qOfDir(m[1]) : 'all';
}

const unent = (s) => s.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/[\s\u00a0\u202f]+/g, ' ').trim();

// The tables of an HTML page (not record tables: those have
// <tr id="REF">), as header and rows of cell texts.
export function htmlTables(t) {
	const out = [];
	let n = 0;
	for (const m of t.matchAll(/<table\b[\s\S]*?<\/table>/g)) {
		n++;
		if (/<tr id="/.test(m[0]))
			continue;
		const rows = [];
		for (const tr of m[0].matchAll(/<tr\b[\s\S]*?<\/tr>/g))
			rows.push([...tr[0].matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)]
			    .map((c) => unent(c[1])));
		if (rows.length < 2)
			continue;
		out.push({ n, head: rows[0], rows: rows.slice(1) });
	}
	return out;
}

// A published count: { lo, hi, kind } for the true value it allows.
// kind: exact, rounded (multiple of ROUND: +-ROUND/2), small ("<S":
// 1..S-1), hidden (anything >= 0), rate (not a count).
export function parseCount(v, small = 8, round = 5) {
	// "≈165": a rounded figure's footnote mark (the value as it is).
	const s = String(v).replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2248/, '');
	if (s === '' || s === '—' || s === '-' || /^(suppressed|скрыто|жасырылған)$/i.test(s))
		return { lo: 0, hi: Infinity, kind: 'hidden' };
	let m;
	if ((m = s.match(/^<(\d+)$/)))
		return { lo: 1, hi: +m[1] - 1, kind: 'small' };
	if (/^\d+$/.test(s)) {
		const n = +s;
		if (round > 1 && n >= small && n % round === 0)
			return { lo: n - Math.floor(round / 2),
			    hi: n + Math.floor(round / 2), kind: 'rounded', n };
		return { lo: n, hi: n, kind: 'exact', n };
	}
	if (/^\d+[.,]\d+$/.test(s))
		return { kind: 'rate', x: +s.replace(',', '.') };
	if (/^\d+[.,]?\d*%$/.test(s))
		return { kind: 'percent' };
	return { kind: 'text' };
}

// ---------------------------------------------------------------- codes

export const REGIONS = ['KZ-71', 'KZ-75', 'KZ-79', 'KZ-10', 'KZ-11',
    'KZ-15', 'KZ-19', 'KZ-23', 'KZ-27', 'KZ-31', 'KZ-33', 'KZ-35', 'KZ-39',
    'KZ-43', 'KZ-47', 'KZ-55', 'KZ-59', 'KZ-61', 'KZ-62', 'KZ-63'];
// Region names as the charts print them (both languages), and the
// stems by which a narrative names a region or its main towns.
export const REGION_NAMES = {
	'KZ-71': ['Астана', 'Астана қаласы', 'город Астана'],
	'KZ-75': ['Алматы қаласы', 'город Алматы'],
	'KZ-79': ['Шымкент', 'Шымкент қаласы', 'город Шымкент'],
	'KZ-10': ['Абай облысы', 'область Абай'],
	'KZ-11': ['Ақмола облысы', 'Акмолинская область'],
	'KZ-15': ['Ақтөбе облысы', 'Актюбинская область'],
	'KZ-19': ['Алматы облысы', 'Алматинская область'],
	'KZ-23': ['Атырау облысы', 'Атырауская область'],
	'KZ-27': ['Батыс Қазақстан облысы', 'Западно-Казахстанская область'],
	'KZ-31': ['Жамбыл облысы', 'Жамбылская область'],
	'KZ-33': ['Жетісу облысы', 'область Жетісу'],
	'KZ-35': ['Қарағанды облысы', 'Карагандинская область'],
	'KZ-39': ['Қостанай облысы', 'Костанайская область'],
	'KZ-43': ['Қызылорда облысы', 'Кызылординская область'],
	'KZ-47': ['Маңғыстау облысы', 'Мангистауская область'],
	'KZ-55': ['Павлодар облысы', 'Павлодарская область'],
	'KZ-59': ['Солтүстік Қазақстан облысы', 'Северо-Казахстанская область'],
	'KZ-61': ['Түркістан облысы', 'Туркестанская область'],
	'KZ-62': ['Ұлытау облысы', 'область Ұлытау'],
	'KZ-63': ['Шығыс Қазақстан облысы', 'Восточно-Казахстанская область'],
};
export function regionOfName(s) {
	const t = s.trim().toLowerCase();
	for (const [code, names] of Object.entries(REGION_NAMES))
		if (names.some((n) => n.toLowerCase() === t))
			return code;
	return null;
}

// The clinical profiles by group (REGISTRY.md §6, the order's list;
// the codes are the ones the data dictionary page publishes).
export const GROUPS = {
	therapeutic: 'therapy allergology gastroenterology hematology nephrology cardiology cardiorheumatology pulmonology endocrinology psychiatry psychotherapy medical-psychology neurology therapeutic-dentistry sexopathology rehabilitation occupational-pathology occupational-therapy narcology phthisiology gerontology hirudotherapy toxicology exercise-therapy dietology radiology su-jok-therapy manual-therapy reflexology homeopathy dermatovenereology dermatocosmetology infectious-diseases immunology leprology',
	surgical: 'surgery cardiac-surgery neurosurgery endoscopy oncology traumatology combustiology urology andrology otorhinolaryngology ophthalmology proctology mammology surgical-dentistry orthodontics orthopedic-dentistry maxillofacial-surgery transplantology extracorporeal-detoxification hyperbaric-oxygenation surgical-toxicology anesthesiology',
	pediatric: 'pediatrics phthisiopediatrics pediatric-anesthesiology pediatric-surgery pediatric-neurosurgery pediatric-endoscopy pediatric-traumatology pediatric-combustiology pediatric-transplantology pediatric-extracorporeal-detoxification pediatric-allergology medical-genetics pediatric-cardiorheumatology pediatric-infectious-diseases pediatric-immunology pediatric-oncology pediatric-oncohematology pediatric-neurology pediatric-nephrology pediatric-endocrinology pediatric-psychiatry pediatric-psychotherapy pediatric-toxicology pediatric-hyperbaric-oxygenation pediatric-pulmonology pediatric-gastroenterology pediatric-otorhinolaryngology pediatric-ophthalmology pediatric-dentistry pediatric-maxillofacial-surgery pediatric-urology pediatric-gynecology pediatric-dermatovenereology adolescent-narcology adolescent-therapy pediatric-rehabilitation neonatology',
	obstetric: 'gynecology obstetrics obstetric-neonatology obstetric-medical-genetics reproductive-technologies',
};
export const GROUP_OF = {};
for (const [g, l] of Object.entries(GROUPS))
	for (const s of l.split(' '))
		GROUP_OF[s] = g;
export const SPECIALTIES = Object.keys(GROUP_OF);

// ICD-10 chapters: [roman, first category, last category].
export const CHAPTERS = [
	['I', 'A00', 'B99'], ['II', 'C00', 'D48'], ['III', 'D50', 'D89'],
	['IV', 'E00', 'E90'], ['V', 'F00', 'F99'], ['VI', 'G00', 'G99'],
	['VII', 'H00', 'H59'], ['VIII', 'H60', 'H95'], ['IX', 'I00', 'I99'],
	['X', 'J00', 'J99'], ['XI', 'K00', 'K93'], ['XII', 'L00', 'L99'],
	['XIII', 'M00', 'M99'], ['XIV', 'N00', 'N99'], ['XV', 'O00', 'O99'],
	['XVI', 'P00', 'P96'], ['XVII', 'Q00', 'Q99'], ['XVIII', 'R00', 'R99'],
	['XIX', 'S00', 'T98'], ['XX', 'V01', 'Y98'], ['XXI', 'Z00', 'Z99'],
	['XXII', 'U00', 'U85'],
];
export const CHAPTER_IDX = Object.fromEntries(CHAPTERS.map((c, i) => [c[0], i]));
export function chapterOf(code) {
	const cat = code.slice(0, 3);
	for (const [r, a, b] of CHAPTERS)
		if (cat >= a && cat <= b)
			return r;
	return null;
}
// The chapters a published diagnosis value allows: a category, a
// chapter, a range of chapters "I-XIV" or a list "I, II".
export function chaptersOf(v) {
	if (isHidden(v))
		return null;
	if (/^[A-Z]\d\d/.test(v))
		return [chapterOf(v)];
	const m = v.match(/^([IVX]+)\s*[-–—]\s*([IVX]+)$/);
	if (m && m[1] in CHAPTER_IDX && m[2] in CHAPTER_IDX)
		return CHAPTERS.slice(CHAPTER_IDX[m[1]], CHAPTER_IDX[m[2]] + 1)
		    .map((c) => c[0]);
	const parts = v.split(/[,;\s]+/).filter((x) => x in CHAPTER_IDX);
	return parts.length ? parts : null;
}

// ---------------------------------------------------------------- levels

// The feasible set of a record's value per attribute, from what its row
// shows.  Each returns null for "nothing shown" (every value possible).

// Age: [lo, hi] in years from a band "30-39", "80+", "0", "<1".
export function ageRange(v) {
	if (isHidden(v))
		return null;
	let m;
	if ((m = v.match(/^(\d+)\s*[-–—]\s*(\d+)$/)))
		return [+m[1], +m[2]];
	if ((m = v.match(/^(\d+)\s*\+$/)))
		return [+m[1], 120];
	if ((m = v.match(/^(\d+)$/)))
		return [+m[1], +m[1]];
	if ((m = v.match(/^<\s*(\d+)$/)))
		return [0, +m[1] - 1];
	return null;
}

// The row's age range from every age column (the narrowest).
export function rowAge(rec, head) {
	let best = null;
	for (const c of attrCols(head, 'age')) {
		const r = ageRange(rec[c]);
		if (r && (!best || r[1] - r[0] < best[1] - best[0]))
			best = r;
	}
	return best;
}

// Whether a published diagnosis value (a category "S52", a code
// "S52.5", a block "S50-S59") covers an ICD-10 code.
export function dxCovers(v, code) {
	const m = v.match(/^([A-Z]\d\d)\s*[-–—]\s*([A-Z]\d\d)$/);
	if (m)
		return code.slice(0, 3) >= m[1] && code.slice(0, 3) <= m[2];
	return code.startsWith(v);
}

// The row's diagnosis: { code: 'S52' | null, chapters: [...] | null }.
export function rowDx(rec, head) {
	let code = null, chapters = null;
	for (const c of attrCols(head, 'diagnosis')) {
		const v = rec[c];
		if (isHidden(v))
			continue;
		if (/^[A-Z]\d\d/.test(v))
			code = v;
		const ch = chaptersOf(v);
		if (ch && (!chapters || ch.length < chapters.length))
			chapters = ch;
	}
	return { code, chapters };
}

// The row's profile: the set of specialty codes it allows, or null.
export function rowProfile(rec, head) {
	let set = null;
	for (const c of attrCols(head, 'profile')) {
		const v = rec[c];
		if (isHidden(v))
			continue;
		let s = null;
		if (v in GROUP_OF)
			s = [v];
		else if (v in GROUPS)
			s = GROUPS[v].split(' ');
		else {
			// A broader level: a list of groups or specialties.
			const parts = v.split(/[,;+|/\s]+/);
			s = parts.flatMap((p) => p in GROUPS ?
			    GROUPS[p].split(' ') : p in GROUP_OF ? [p] : []);
			if (!s.length)
				s = null;
		}
		if (s && (!set || s.length < set.length))
			set = s;
	}
	return set;
}

// The months a row's month allows within quarter q ('YYYYQn').
export function quarterMonths(q) {
	const y = q.slice(0, 4), n = +q[5];
	return [1, 2, 3].map((i) => `${y}-${String(3 * (n - 1) + i).padStart(2, '0')}`);
}
export function rowMonths(rec, head, q) {
	const all = quarterMonths(q);
	for (const c of attrCols(head, 'month')) {
		const v = rec[c];
		if (isHidden(v))
			continue;
		const ms = [...v.matchAll(/\d{4}-\d\d/g)].map((m) => m[0]);
		if (ms.length === 1)
			return ms;
		if (ms.length === 2) {
			const s = all.filter((m) => m >= ms[0] && m <= ms[1]);
			if (s.length)
				return s;
		}
	}
	return all;
}
export function rowRegion(rec, head) {
	for (const c of attrCols(head, 'region'))
		if (!isHidden(rec[c]) && /^KZ-\d\d$/.test(rec[c]))
			return rec[c];
	return null;
}
export function rowSex(rec) {
	return rec.sex === 'M' || rec.sex === 'F' ? rec.sex : null;
}

// ---------------------------------------------------------------- database

// sql(db, query): rows as objects, through the sqlite3 command (-json).
export function sql(db, query) {
	const out = execFileSync('sqlite3', ['-readonly', '-json', db, query],
	    { maxBuffer: 1 << 30, encoding: 'utf8' });
	return out.trim() ? JSON.parse(out) : [];
}

export const TABLE = { incidents: 'incidents', insurance: 'insurance_cases' };

// The registry's records of a form (ground truth), with quarter: the
// columns an attack scores against and the Russian texts (enough to
// match a published row to its record).
const TEXTS = ['circumstances', 'anamnesis', 'care', 'measures'];
const EXACT = { incidents: ['category', 'consequence', 'trigger', 'corrective_plan'],
    insurance: ['insured', 'harm', 'disability'] };
export function dbRecords(db, form) {
	const cols = ['id', 'source', 'source_ref', 'region', 'reported_quarter',
	    'occurred_at', 'quarter', 'sex', 'diagnosis_icd10', 'profile',
	    ...(form === 'incidents' ? ['age_years'] : []), ...EXACT[form],
	    ...TEXTS.map((t) => t + '_ru')];
	return sql(db, `SELECT ${cols.join(', ')} FROM ${TABLE[form]} ORDER BY id`);
}

// ---------------------------------------------------------------- matching

// Words of a text, for matching published rows to database records:
// markers and anything in brackets dropped, lower case.
function words(s) {
	return (s || '').replace(/\[[^\]]*\]/g, ' ').toLowerCase()
	    .match(/[\p{L}\p{N}]{3,}/gu) || [];
}

// matchRecords(recs, dbrecs): map each published row (of one form) to
// the database record it publishes, by its exact non-identifying
// columns and the words of its Russian texts (the published text is
// the original with spans masked or generalized, so nearly all its
// words occur in the original).  Returns Map(ref -> db record); rows
// with no clear best match are left out.  One quarter at a time.
export function matchRecords(recs, dbrecs) {
	const out = new Map();
	const byQ = new Map();
	for (const d of dbrecs) {
		if (!byQ.has(d.quarter))
			byQ.set(d.quarter, { db: [], rows: [] });
		byQ.get(d.quarter).db.push(d);
	}
	for (const r of recs)
		if (byQ.has(r.quarter))
			byQ.get(r.quarter).rows.push(r);
	const exact = (r, d) => Object.values(EXACT).flat().every((c) =>
	    !(c in r) || !(c in d) || String(d[c] ?? '') === r[c]);
	for (const { db: list, rows } of byQ.values()) {
		const inv = new Map();
		const ws = list.map((d, i) => {
			const w = new Set(TEXTS.flatMap((t) => words(d[t + '_ru'])));
			for (const x of w) {
				if (!inv.has(x))
					inv.set(x, []);
				inv.get(x).push(i);
			}
			return w;
		});
		for (const r of rows) {
			const rw = [...new Set(TEXTS.flatMap((t) => words(r[t + '_ru'])))];
			if (!rw.length)
				continue;
			// Candidates: records holding the two rarest words, else
			// any of the four rarest.
			const rare = rw.filter((w) => inv.has(w))
			    .sort((a, b) => inv.get(a).length - inv.get(b).length)
			    .slice(0, 4);
			let cand = rare.length >= 2 ?
			    new Set(inv.get(rare[0]).filter((i) => ws[i].has(rare[1]))) : new Set();
			if (!cand.size)
				cand = new Set(rare.flatMap((w) => inv.get(w)));
			let best = null, bs = -1, second = -1;
			// With a single candidate a sample of the words suffices.
			if (cand.size === 1 && rw.length > 60)
				rw.length = 60;
			for (const i of cand) {
				const d = list[i];
				if (!exact(r, d))
					continue;
				let hit = 0;
				for (const w of rw)
					if (ws[i].has(w))
						hit++;
				const sc = hit / rw.length;
				if (sc > bs) { second = bs; bs = sc; best = d; }
				else if (sc > second) second = sc;
			}
			if (best && bs >= 0.8 && bs - second >= 0.05)
				out.set(r.ref, best);
		}
	}
	return out;
}

// ---------------------------------------------------------------- charts

// vocab(dir): the names the site gives to codes, from the data
// dictionary pages of both languages: Map(lower-case name ->
// [{ col, code }]).
export function vocab(dir) {
	const v = new Map();
	for (const lang of ['kk', 'ru']) {
		const f = path.join(dir, lang, 'data', 'dictionary', 'index.html');
		if (!fs.existsSync(f))
			continue;
		const t = fs.readFileSync(f, 'utf8');
		for (const m of t.matchAll(/<dt>([\s\S]*?)<\/dt>([\s\S]*?)<\/dd>/g)) {
			const col = (m[1].match(/<code>(.*?)<\/code>/) || [])[1];
			if (!col)
				continue;
			for (const c of m[2].matchAll(/<li><code>(.*?)<\/code>\s*—\s*([\s\S]*?)<\/li>/g)) {
				const name = unent(c[2]).toLowerCase();
				if (!v.has(name))
					v.set(name, []);
				if (!v.get(name).some((e) => e.col === col && e.code === c[1]))
					v.get(name).push({ col, code: c[1] });
			}
		}
	}
	return v;
}

const ROMAN = { I: 1, II: 2, III: 3, IV: 4 };
// A label's value: { dim, code } -- dims: region, sex, age, group,
// chapter, specialty, quarter, and the non-identifying columns
// (category, consequence, harm, insured, disability).
export function labelValue(label, voc) {
	const s = label.trim();
	let m;
	if ((m = s.match(/^(\d+)\s*[-–—]\s*(\d+)$/)))
		return { dim: 'age', code: [+m[1], +m[2]] };
	if ((m = s.match(/^(\d+)\s*\+$/)))
		return { dim: 'age', code: [+m[1], 120] };
	if ((m = s.match(/\b(I{1,3}|IV)\b.*\b(20\d\d)\b|\b(20\d\d)\b.*\b(I{1,3}|IV)\b/)))
		return { dim: 'quarter', code: `${m[2] || m[3]}Q${ROMAN[m[1] || m[4]]}` };
	const e = voc.get(s.toLowerCase());
	if (!e)
		return null;
	const DIM = { region: 'region', sex: 'sex', profile_group: 'group',
	    diagnosis_chapter: 'chapter', profile_specialty: 'specialty',
	    category: 'category', consequence: 'consequence', harm: 'harm',
	    insured: 'insured', disability: 'disability' };
	// A name may stand for several codes of one column (two
	// "Токсикология"); prefer a quasi-identifier column.
	const cols = [...new Set(e.map((x) => x.col))].filter((c) => c in DIM);
	if (!cols.length)
		return null;
	const col = cols.find((c) => !['harm', 'disability'].includes(c)) || cols[0];
	return { dim: DIM[col], code: e.filter((x) => x.col === col).map((x) => x.code) };
}

export const NON_QI = new Set(['quarter', 'category', 'consequence', 'harm',
    'insured', 'disability']);

// tableDims(t, voc): what a count table is broken down by.  rows[i] and
// cols[j] are the values of row i and count column j (null: a measure
// name such as "медицинских инцидентов"); dims lists the dimensions,
// '?' where row labels are not understood.
// A row for the records whose value is not shown ("скрыто", "other").
export const REST_LABEL = /^(скрыто|скрыт\p{L}*|жасырылған|жасырын|не указано|не указан|не показано|көрсетілмеген|неизвестно|белгісіз|другие|басқа\p{L}*|прочие|hidden|unknown|other|suppressed)$/iu;

export function tableDims(t, voc) {
	const rows = t.rows.map((r) => REST_LABEL.test(r[0].trim()) ? { dim: 'rest' } :
	    labelValue(r[0], voc));
	const cols = t.head.slice(1).map((h) => labelValue(h, voc));
	const dims = new Set();
	const known = rows.filter((r) => r && r.dim !== 'rest');
	if (known.length && rows.every((r) => r) &&
	    new Set(known.map((r) => r.dim)).size === 1)
		dims.add(known[0].dim);
	else
		dims.add('?');
	for (const c of cols)
		if (c)
			dims.add(c.dim);
	// A form: from the file name or the measure's words.
	const text = (t.file + ' ' + t.head.join(' ')).toLowerCase();
	const form = /incident|инцидент|оқыс/.test(text) ? 'incidents' :
	    /cases|insurance|payment|страхов|сақтандыру|тенге|теңге/.test(text) ?
	    'insurance' : null;
	const rate = t.rows.some((r) => r.slice(1).some((v) => parseCount(v).kind === 'rate'));
	return { rows, cols, dims: [...dims], form, rate };
}
