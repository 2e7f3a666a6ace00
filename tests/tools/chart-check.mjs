// chart-check.mjs SITE DB SMALL ROUNDING -- the numbers drawn in the
// charts equal the protected aggregates computed here independently
// from the raw database (sqlite3 -json) with the published rule:
// exact for a quarter's total and its one-way split by a
// non-identifying column; otherwise 0 stays 0, 1..SMALL-1 is "<SMALL",
// the rest is rounded to the nearest multiple of ROUNDING.  Both the
// chart's CSV and the marks of its SVG (data-value) are compared.
import fs from 'node:fs';
import path from 'node:path';
import { parseCSV } from './csv.mjs';
import { execFileSync } from 'node:child_process';

const [site, db, SMALL, ROUND] = process.argv.slice(2);
const small = +SMALL, rounding = +ROUND;
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
	const rows = parseCSV(fs.readFileSync(p, 'utf8'));
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

// 1. A one-way table of all quarters by a protected dimension.
function oneWay(file, table, expr, labelToCode) {
	const probs = [];
	const raw = Object.fromEntries(sql(`SELECT ${expr} AS k, count(*) AS n FROM ${table} t JOIN profiles pf ON pf.code = t.profile GROUP BY 1`).map((r) => [r.k, r.n]));
	const { rows } = csv(path.join(site, lang, 'statistics', `${file}.csv`));
	const drawn = [];
	const shown = new Set(rows.map((r) => labelToCode[r[0]]));
	for (const code of Object.keys(raw))
		if (!shown.has(code))
			probs.push(`${file}: ${code} (${raw[code]} records) is missing`);
	if (rows.length === 0)
		probs.push(`${file}: no rows`);
	for (const r of rows) {
		const code = labelToCode[r[0]];
		if (code === undefined) {
			probs.push(`${file}: unknown category '${r[0]}'`);
			continue;
		}
		const want = protect(raw[code] || 0);
		if (r[1] !== want)
			probs.push(`${file}: ${code} shows ${r[1]}, expected ${want}`);
		if (!r[1].startsWith('<') && +r[1] > 0)
			drawn.push(+r[1]);
	}
	const svg = marks(path.join(site, lang, 'statistics', `${file}.svg`));
	if (JSON.stringify(svg) !== JSON.stringify(drawn.sort((a, b) => a - b)))
		probs.push(`${file}: SVG marks ${svg} differ from ${drawn}`);
	report(`${file}: drawn numbers equal the protected aggregates`, probs);
}
oneWay('incidents-by-region', 'incidents', 't.region', regions);
oneWay('cases-by-region', 'insurance_cases', 't.region', regions);
oneWay('incidents-by-group', 'incidents', 'pf.grp', groups);
oneWay('cases-by-group', 'insurance_cases', 'pf.grp', groups);

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

// 3. The age-sex pyramid (a two-way, protected breakdown).
{
	const probs = [];
	const raw = {};
	for (const r of sql("SELECT CASE WHEN age_years >= 90 THEN '90+' ELSE (age_years / 10 * 10) || '-' || (age_years / 10 * 10 + 9) END AS a, sex AS s, count(*) AS n FROM incidents GROUP BY 1, 2"))
		raw[`${r.a}|${r.s}`] = r.n;
	const { rows } = csv(path.join(site, lang, 'statistics', 'incidents-pyramid.csv'));
	for (const r of rows)
		['M', 'F'].forEach((s, j) => {
			const want = protect(raw[`${r[0]}|${s}`] || 0);
			if (r[j + 1] !== want)
				probs.push(`pyramid ${r[0]} ${s}: ${r[j + 1]}, expected ${want}`);
		});
	if (rows.length !== 10)
		probs.push(`pyramid has ${rows.length} age bands`);
	report('incidents-pyramid: drawn numbers equal the protected aggregates', probs);
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
