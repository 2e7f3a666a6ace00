// chart-check.mjs SITE DB SMALL ROUNDING -- the numbers drawn in the
// charts equal the aggregates computed here independently:
//  - breakdowns by a quasi-identifier (profile group, the age-sex
//    pyramid) count the published rows (the machine CSVs) by what they
//    show, exactly, with "Көрсетілмеген" (not shown) for the rows that
//    do not show the dimension at the chart's level;
//  - the regions, which no row shows, count the true regions in the raw
//    database (sqlite3 -json) with the published rule: 0 stays 0,
//    1..SMALL-1 is "<SMALL", the rest is rounded to the nearest multiple
//    of ROUNDING, or the cell is hidden (secondary suppression);
//  - quarterly splits by a non-identifying column are exact.
// Both the chart's CSV and the marks of its SVG (data-value) are compared.
import fs from 'node:fs';
import path from 'node:path';
import { parseCSV, readText } from './csv.mjs';
import { execFileSync } from 'node:child_process';

const [site, db, SMALL, ROUND, KK] = process.argv.slice(2);
const small = +SMALL, rounding = +ROUND, K = +(KK || 11);
let failures = 0;
const report = (msg, probs) => {
	if (probs.length) {
		failures++;
		console.log(`not ok - ${msg}`);
		for (const p of probs.slice(0, 12))
			console.log(`  ${p}`);
	} else
		console.log(`ok - ${msg}`);
};
const sql = (q) => JSON.parse(execFileSync('sqlite3', ['-json', db, q],
    { encoding: 'utf8' }) || '[]');
const protect = (n) => n === 0 ? '0' : n < small ? `<${small}` :
    String(Math.floor((n + Math.floor(rounding / 2)) / rounding) * rounding);

const csv = (p) => {
	const rows = parseCSV(readText(p));
	const head = rows.shift();
	return { head, rows };
};
// Marks drawn in an SVG: the data-value of each non-suppressed mark.
const marks = (p) => [...fs.readFileSync(p, 'utf8')
    .matchAll(/data-value="([0-9.]+)"/g)].map((m) => +m[1]).filter((v) => v > 0)
    .sort((a, b) => a - b);

const lang = 'kk';
const regions = Object.fromEntries(sql('SELECT code, name_kk AS n FROM regions')
    .map((r) => [r.n, r.code]));
const groups = Object.fromEntries(sql('SELECT code, name_kk AS n FROM profile_groups')
    .map((r) => [r.n, r.code]));
const quarters = sql("SELECT DISTINCT quarter AS q FROM (SELECT quarter FROM incidents UNION SELECT quarter FROM insurance_cases) ORDER BY 1").map((r) => r.q);

// The published rows of a form, from the machine CSVs.
function published(form) {
	const rows = [];
	for (const q of fs.readdirSync(path.join(site, 'data'))) {
		if (!/^\d{4}-q\d$/.test(q))
			continue;
		const f = path.join(site, 'data', q, `${form}.csv.gz`);
		if (!fs.existsSync(f))
			throw new Error(`${f}: missing`);
		const t = csv(f);
		for (const r of t.rows)
			rows.push(Object.fromEntries(t.head.map((h, i) => [h.replace(/^\uFEFF/, ''), r[i]])));
	}
	return rows;
}
const NOT_SHOWN = 'Көрсетілмеген';
const profileGroup = Object.fromEntries(sql('SELECT code, grp FROM profiles')
    .map((r) => [r.code, r.grp]));
const groupOf = (r) => profileGroup[r.profile_specialty] ||
    (Object.values(groups).includes(r.profile_group) ? r.profile_group : '*');

// 1a. Regions: the protected cube, from the raw registry.
function regionsOneWay(file, table) {
	const probs = [];
	// A first release counts each reporting quarter as a column, when
	// it holds at least k records and no region holds half of them.
	const raw = {};
	const cols = {};
	for (const r of sql(`SELECT reported_quarter AS c, region AS k, count(*) AS n FROM ${table} GROUP BY 1, 2`))
		(cols[r.c] ??= []).push(r);
	for (const list of Object.values(cols)) {
		const n = list.reduce((a, r) => a + r.n, 0);
		const most = Math.max(...list.map((r) => r.n));
		if (n < K || n < small || 2 * most > n)
			continue;
		for (const r of list)
			raw[r.k] = (raw[r.k] || 0) + r.n;
	}
	const { rows } = csv(path.join(site, lang, 'statistics', `${file}.csv`));
	const drawn = [];
	let hidden = 0;
	if (rows.length === 0)
		probs.push(`${file}: no rows`);
	for (const r of rows) {
		const code = regions[r[0]];
		if (code === undefined) {
			probs.push(`${file}: unknown category '${r[0]}'`);
			continue;
		}
		const want = protect(raw[code] || 0);
		if (r[1] === '' || r[1] === '—') {
			hidden++;
			continue;
		}
		if (r[1] !== want)
			probs.push(`${file}: ${code} shows ${r[1]}, expected ${want}`);
		if (!r[1].startsWith('<') && +r[1] > 0)
			drawn.push(+r[1]);
	}
	if (hidden * 2 > rows.length)
		probs.push(`${file}: ${hidden} of ${rows.length} regions hidden`);
	const svg = marks(path.join(site, lang, 'statistics', `${file}.svg`));
	if (JSON.stringify(svg) !== JSON.stringify(drawn.sort((a, b) => a - b)))
		probs.push(`${file}: SVG marks ${svg} differ from ${drawn}`);
	report(`${file}: drawn numbers equal the protected regional counts (${hidden} hidden)`, probs);
}
regionsOneWay('incidents-by-region', 'incidents');
regionsOneWay('cases-by-region', 'insurance_cases');

// 1b. Profile groups: the published rows, exactly.
function groupsOneWay(file, form) {
	const probs = [];
	const want = {};
	for (const r of published(form)) {
		const g = groupOf(r);
		want[g] = (want[g] || 0) + 1;
	}
	const { rows } = csv(path.join(site, lang, 'statistics', `${file}.csv`));
	const drawn = [];
	if (rows.length === 0)
		probs.push(`${file}: no rows`);
	const seen = new Set();
	for (const r of rows) {
		const code = r[0] === NOT_SHOWN ? '*' : groups[r[0]];
		if (code === undefined) {
			probs.push(`${file}: unknown category '${r[0]}'`);
			continue;
		}
		seen.add(code);
		if (r[1] !== String(want[code] || 0))
			probs.push(`${file}: ${code} shows ${r[1]}, expected ${want[code] || 0}`);
		if (+r[1] > 0)
			drawn.push(+r[1]);
	}
	for (const c of Object.keys(want))
		if (!seen.has(c))
			probs.push(`${file}: ${c} (${want[c]} rows) is missing`);
	const svg = marks(path.join(site, lang, 'statistics', `${file}.svg`));
	if (JSON.stringify(svg) !== JSON.stringify(drawn.sort((a, b) => a - b)))
		probs.push(`${file}: SVG marks ${svg} differ from ${drawn}`);
	report(`${file}: drawn numbers count the published rows by their group`, probs);
}
groupsOneWay('incidents-by-group', 'incidents');
groupsOneWay('cases-by-group', 'insurance');

// 2. Per-quarter trends by an exact dimension.
function trend(file, table, col, codes) {
	const probs = [];
	const raw = {};
	for (const r of sql(`SELECT quarter AS q, ${col} AS k, count(*) AS n FROM ${table} GROUP BY 1, 2`))
		raw[`${r.q}|${r.k}`] = r.n;
	const { rows } = csv(path.join(site, lang, 'statistics', `${file}.csv`));
	if (rows.length !== quarters.length || quarters.length === 0)
		probs.push(`${file}: ${rows.length} rows for ${quarters.length} quarters`);
	rows.forEach((r, i) => codes.forEach((c, j) => {
		const want = String(raw[`${quarters[i]}|${c}`] || 0);
		if (r[j + 1] !== want)
			probs.push(`${file}: ${quarters[i]} ${c} shows ${r[j + 1]}, expected ${want} (exact)`);
	}));
	report(`${file}: quarterly counts are exact`, probs);
}
trend('incidents-by-category', 'incidents', 'category', ['clinical', 'corporate']);
trend('incidents-by-consequence', 'incidents', 'consequence', ['with', 'without']);
trend('cases-by-harm', 'insurance_cases', 'harm', ['iatrogenic', 'death']);
trend('cases-by-insurance', 'insurance_cases', 'insured', ['yes', 'no']);

// 3. The age-sex pyramids, of all quarters and of each: the published
// rows by band and sex, in the bands of the widest ladder level any of
// the scope's rows shows its age in (10, 20 or 40 years; 5-year bands
// fold into 10-year ones), so that every row whose age is shown is
// counted in a band; a hidden age: "not shown".
{
	const probs = [];
	const width = (a) => {
		const m = a.match(/^(\d+)-(\d+)$/);
		if (m)
			return +m[2] - +m[1] + 1;
		return a === '0' ? 1 : a === '90+' ? 10 : a === '80+' ? 20 : 0;
	};
	const bandsOf = (w) => w === 40 ? ['0-39', '40-79', '80+'] :
	    w === 20 ? ['0-19', '20-39', '40-59', '60-79', '80+'] :
	    [...Array(9).keys()].map((i) => `${i * 10}-${i * 10 + 9}`).concat('90+');
	const fold = (a, w) => {
		const x = parseInt(a, 10);
		if (w === 40)
			return x >= 80 ? '80+' : x >= 40 ? '40-79' : '0-39';
		if (w === 20)
			return x >= 80 ? '80+' : `${x - x % 20}-${x - x % 20 + 19}`;
		return x >= 90 ? '90+' : `${x - x % 10}-${x - x % 10 + 9}`;
	};
	const rowsAll = published('incidents');
	const pyramid = (name, pub, file) => {
		let w = 10;
		for (const r of pub)
			w = Math.max(w, width(r.age_band));
		const want = {};
		for (const r of pub) {
			if (r.sex !== 'M' && r.sex !== 'F')
				continue;
			const k = `${width(r.age_band) ? fold(r.age_band, w) : NOT_SHOWN}|${r.sex}`;
			want[k] = (want[k] || 0) + 1;
		}
		const { rows } = csv(file);
		const bands = bandsOf(w).concat(NOT_SHOWN);
		if (rows.map((r) => r[0]).join(' ') !== bands.join(' '))
			probs.push(`${name}: bands ${rows.map((r) => r[0]).join(' ')}, expected ${bands.join(' ')}`);
		for (const r of rows)
			['M', 'F'].forEach((s, j) => {
				const v = String(want[`${r[0]}|${s}`] || 0);
				if (r[j + 1] !== v)
					probs.push(`${name} ${r[0]} ${s}: ${r[j + 1]}, expected ${v}`);
			});
	};
	pyramid('all quarters', rowsAll, path.join(site, lang, 'statistics', 'incidents-pyramid.csv'));
	let nq = 0;
	for (const q of quarters) {
		const file = path.join(site, lang, q.replace('Q', '-q'), 'charts', 'q-incidents-pyramid.csv');
		if (!fs.existsSync(file))
			continue;
		pyramid(q, rowsAll.filter((r) => r.quarter === q), file);
		nq++;
	}
	if (nq !== quarters.length)
		probs.push(`${nq} of ${quarters.length} quarters have a pyramid`);
	report(`incidents-pyramid: drawn numbers count the published rows by band and sex (all quarters and ${nq} quarters)`, probs);
}

// 4. Statutory minimum payments, in MCI, per quarter.
{
	const probs = [];
	const mci = { death: 3000, I: 800, II: 600, III: 500, child: 500, none: 300 };
	const raw = {};
	for (const r of sql("SELECT quarter AS q, CASE WHEN harm = 'death' THEN 'death' ELSE disability END AS h, count(*) AS n FROM insurance_cases GROUP BY 1, 2"))
		raw[r.q] = (raw[r.q] || 0) + mci[r.h] * r.n;
	const { rows } = csv(path.join(site, lang, 'statistics', 'payments-mci.csv'));
	if (rows.length !== quarters.length || quarters.length === 0)
		probs.push(`${rows.length} rows for ${quarters.length} quarters`);
	rows.forEach((r, i) => {
		const sum = r.slice(1).reduce((a, v) => a + (+v || 0), 0);
		if (sum !== (raw[quarters[i]] || 0))
			probs.push(`${quarters[i]}: ${sum} MCI, expected ${raw[quarters[i]] || 0}`);
	});
	report('payments-mci: statutory minimum payments per quarter', probs);
}
process.exit(failures ? 1 : 0);
