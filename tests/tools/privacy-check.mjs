// privacy-check.mjs SITE K L SMALL ROUNDING -- recompute, from what the
// site publishes, the guarantees of the privacy stage:
//
//  - every published quarter table (the machine CSV of each quarter and
//    form, and the same records in the HTML tables) is k-anonymous on
//    its quasi-identifiers, and each class has L distinct outcomes --
//    or the quarter holds fewer than K records / one outcome, and then
//    every quasi-identifier of the quarter is hidden;
//  - the tables, CSV and JSON of a quarter publish the same records;
//  - every count in every chart is 0, exact, "<SMALL", or a multiple of
//    ROUNDING not below SMALL; a suppressed mark in an SVG carries no
//    number anywhere.
import fs from 'node:fs';
import path from 'node:path';
import { parseCSV, readText } from './csv.mjs';

const [site, K, L, SMALL, ROUND] = process.argv.slice(2);
const k = +K, l = +L, small = +SMALL, rounding = +ROUND;
let failures = 0;
const report = (msg, probs) => {
	if (probs.length) {
		failures++;
		console.log(`not ok - ${msg}`);
		for (const p of probs.slice(0, 15))
			console.log(`  ${p}`);
	} else
		console.log(`ok - ${msg}`);
};

const qi = {
	incidents: ['month', 'sex', 'age_band', 'diagnosis_category',
	    'diagnosis_chapter', 'profile_specialty', 'profile_group'],
	insurance: ['month', 'region', 'sex', 'diagnosis_category',
	    'diagnosis_chapter', 'profile_specialty', 'profile_group'],
};
const outcome = { incidents: 'consequence', insurance: 'harm' };

const dataDir = path.join(site, 'data');
const quarters = fs.readdirSync(dataDir).filter((d) => /^\d{4}-q\d$/.test(d));
const kprobs = [], same = [];
let tables = 0, records = 0, classes = 0, allHidden = 0;
for (const q of quarters) {
	for (const form of ['incidents', 'insurance']) {
		const rows = parseCSV(readText(
		    path.join(dataDir, q, `${form}.csv.gz`)));
		const head = rows.shift();
		const idx = (n) => head.indexOf(n);
		const recs = rows.filter((r) => r.length === head.length);
		// A row of another length is not read as a record: say so.
		for (const r of rows)
			if (r.length !== head.length && !(r.length === 1 &&
			    r[0] === ''))
				kprobs.push(`${q} ${form}: a row of ${r.length} ` +
				    `fields, the header has ${head.length}`);
		for (const n of [...qi[form], outcome[form], 'ref'])
			if (idx(n) < 0)
				kprobs.push(`${q} ${form}: no column ${n}`);
		tables++;
		records += recs.length;
		const groups = new Map();
		for (const r of recs) {
			const key = qi[form].map((n) => r[idx(n)]).join('\u0001');
			if (!groups.has(key))
				groups.set(key, []);
			groups.get(key).push(r[idx(outcome[form])]);
		}
		const outcomes = new Set(recs.map((r) => r[idx(outcome[form])]));
		for (const [key, outs] of groups) {
			classes++;
			const distinct = new Set(outs).size;
			if (outs.length >= k && distinct >= l)
				continue;
			// Allowed only when the quarter itself cannot reach it:
			// then everything identifying is hidden.
			const hidden = key.split('\u0001').every((v) =>
			    v === 'suppressed' || v === '');
			const unreachable = recs.length < k ||
			    outcomes.size < l || groups.size === 1;
			if (hidden && unreachable) {
				allHidden++;
				continue;
			}
			kprobs.push(`${q} ${form}: class of ${outs.length} ` +
			    `with ${distinct} outcome(s): ${key.split('\u0001').join(' | ')}`);
		}
		// The same records in the HTML tables and the JSON.
		const refs = recs.map((r) => r[idx('ref')]).sort();
		for (const lang of ['kk', 'ru']) {
			const json = JSON.parse(readText(path.join(dataDir,
			    q, `${form}-${lang}.json.gz`)));
			const jrefs = json.records.map((r) => r.ref).sort();
			if (JSON.stringify(jrefs) !== JSON.stringify(refs))
				same.push(`${q} ${form} ${lang}: JSON has ${jrefs.length}, CSV ${refs.length}`);
			const lcsv = parseCSV(fs.readFileSync(path.join(dataDir, q,
			    `${form}-${lang}.csv`), 'utf8')).slice(1)
			    .filter((r) => r.length > 1).map((r) => r[0]).sort();
			if (JSON.stringify(lcsv) !== JSON.stringify(refs))
				same.push(`${q} ${form} ${lang}: ${lang} CSV differs`);
			const tdir = path.join(site, lang, q, form);
			const html = [];
			for (const d of ['.', ...fs.readdirSync(tdir)
			    .filter((x) => x.startsWith('page-'))]) {
				const t = fs.readFileSync(path.join(tdir, d,
				    'index.html'), 'utf8');
				for (const m of t.matchAll(/<tr id="([^"]+)">/g))
					html.push(m[1]);
			}
			html.sort();
			if (JSON.stringify(html) !== JSON.stringify(refs))
				same.push(`${q} ${form} ${lang}: HTML tables have ${html.length}, CSV ${refs.length}`);
		}
	}
}
if (tables === 0 || records === 0)
	kprobs.push(`no quarter tables with records under ${dataDir}`);
report(`${tables} quarter tables (${records} records, ${classes} classes) ` +
    `are ${k}-anonymous with ${l} outcomes per class` +
    (allHidden ? ` (${allHidden} quarter(s) too small: all hidden)` : ''),
    kprobs);
report('HTML tables, CSV and JSON of every quarter publish the same records',
    same);

// Chart counts and marks.
const cprobs = [];
let ncharts = 0;
function charts(dir) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) {
			charts(p);
			continue;
		}
		if (!/\/(statistics|charts)\//.test(p))
			continue;
		// Rates (the maps, the per-region trends: each quarter's
		// column is that quarter's map, t_stats) are no counts.
		if (p.endsWith('.csv') && !/payments/.test(p) &&
		    !/map|region-trend/.test(p)) {
			ncharts++;
			const rows = parseCSV(fs.readFileSync(p, 'utf8')).slice(1);
			for (const r of rows)
				for (const v of r.slice(1)) {
					if (v === '' || v === `<${small}`)
						continue;
					const n = +v;
					if (!Number.isInteger(n) || n < 0)
						cprobs.push(`${p}: '${v}'`);
				}
		}
		if (p.endsWith('.svg')) {
			const t = fs.readFileSync(p, 'utf8');
			for (const m of t.matchAll(/<[^>]*data-suppressed="1"[^>]*>([\s\S]*?)<\/(rect|path|g)>/g)) {
				if (/data-value=/.test(m[0].split('>')[0]))
					cprobs.push(`${p}: a suppressed mark carries data-value`);
				const inner = m[1].replace(/<[^>]+>/g, '');
				const digits = inner.replace(`<${small}`, '')
				    .replace(/&lt;\d+/g, '');
				if (/\d/.test(digits.replace(/[^:]*:\s*/, '')))
					cprobs.push(`${p}: a suppressed mark shows a number: ${inner.trim()}`);
			}
		}
	}
}
charts(site);
if (ncharts === 0)
	cprobs.push('no chart data found');
report(`chart data (${ncharts} files) shows only whole counts or "<${small}", ` +
    'and no suppressed mark carries a number', cprobs);
process.exit(failures ? 1 : 0);
