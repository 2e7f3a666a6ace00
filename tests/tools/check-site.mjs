// check-site.mjs SITE BASE_URL -- structural checks of a built site.
// Prints "ok - ..." / "not ok - ..." lines (tests/run.sh counts them).
//
//  - every page of one language exists in the other;
//  - every internal link and asset reference resolves to a file;
//  - every absolute URL is under the site's base URL (nothing off-site);
//  - no inline script, inline style, style attribute or event handler;
//  - every record table carries its form's numbered columns (11 / 10);
//  - every page has one h1, <html lang>, a canonical link, hreflang
//    alternates and a link to the same page in the other language.
import fs from 'node:fs';
import path from 'node:path';

const [site, base] = process.argv.slice(2);
let failures = 0;
const ok = (m) => console.log(`ok - ${m}`);
const fail = (m, detail) => {
	failures++;
	console.log(`not ok - ${m}`);
	for (const d of (detail || []).slice(0, 20))
		console.log(`  ${d}`);
};
const check = (m, problems) => problems.length ? fail(m, problems) : ok(m);

function walk(dir, out = []) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory())
			walk(p, out);
		else
			out.push(path.relative(site, p));
	}
	return out;
}

const files = walk(site).sort();
const fileset = new Set(files);
const html = files.filter((f) => f.endsWith('.html'));

// Both languages.
{
	const probs = [];
	for (const f of html) {
		const m = f.match(/^(kk|ru)\/(.*)$/);
		if (!m)
			continue;
		const other = (m[1] === 'kk' ? 'ru/' : 'kk/') + m[2];
		if (!fileset.has(other))
			probs.push(`${f}: no ${other}`);
	}
	const kk = html.filter((f) => f.startsWith('kk/')).length;
	const ru = html.filter((f) => f.startsWith('ru/')).length;
	if (kk === 0)
		probs.push('no Kazakh pages at all');
	check(`every page exists in both languages (${kk} kk, ${ru} ru)`,
	    probs);
}

const attrRe = /\s(href|src|srcset|action|poster|data)\s*=\s*"([^"]*)"/g;
const linkProbs = [], offsite = [], inline = [], structure = [],
    columns = [];
let tables = 0;
const unescape = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

for (const f of html) {
	const text = fs.readFileSync(path.join(site, f), 'utf8');
	const dir = path.dirname(f);
	for (const m of text.matchAll(attrRe)) {
		const url = unescape(m[2]);
		if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
			if (!url.startsWith(base) && !url.startsWith('mailto:'))
				offsite.push(`${f}: ${url}`);
			continue;
		}
		if (url.startsWith('#') || url === '')
			continue;
		let target = url.split('#')[0].split('?')[0];
		target = decodeURIComponent(target);
		let p = path.normalize(path.join(dir, target));
		if (target.endsWith('/'))
			p = path.join(p, 'index.html');
		if (p.startsWith('..'))
			linkProbs.push(`${f}: ${url} leaves the site`);
		else if (!fileset.has(p))
			linkProbs.push(`${f}: ${url} (${p}) does not exist`);
	}
	// Fragment links inside the same page.
	for (const m of text.matchAll(/href="#([^"]+)"/g)) {
		if (!text.includes(`id="${m[1]}"`))
			linkProbs.push(`${f}: #${m[1]} has no target`);
	}
	if (/<script(?![^>]*\ssrc=)[^>]*>/i.test(text))
		inline.push(`${f}: inline <script>`);
	if (/<style[\s>]/i.test(text))
		inline.push(`${f}: <style> element`);
	if (/\sstyle\s*=/i.test(text))
		inline.push(`${f}: style attribute`);
	if (/\son[a-z]+\s*=/i.test(text))
		inline.push(`${f}: event handler attribute`);
	if (f === '404.html' || f === 'index.html')
		continue;
	const h1 = (text.match(/<h1[\s>]/g) || []).length;
	if (h1 !== 1)
		structure.push(`${f}: ${h1} h1 elements`);
	const lang = f.slice(0, 2);
	if (!text.includes(`<html lang="${lang}">`))
		structure.push(`${f}: no <html lang="${lang}">`);
	if (!/<link rel="canonical" href="[^"]+">/.test(text))
		structure.push(`${f}: no canonical link`);
	for (const hl of ['kk', 'ru', 'x-default'])
		if (!text.includes(`hreflang="${hl}" href=`))
			structure.push(`${f}: no hreflang ${hl} alternate`);
	if (!/class="lang-switch" href="[^"]+"/.test(text))
		structure.push(`${f}: no language switch`);
	// Record tables.
	const tm = f.match(/\/\d{4}-q\d\/(incidents|insurance)\/(page-\d+\/)?index\.html$/);
	if (tm) {
		tables++;
		const want = tm[1] === 'incidents' ? 11 : 10;
		const thead = (text.match(/<thead>([\s\S]*?)<\/thead>/) ||
		    [])[1] || '';
		const nums = [...thead.matchAll(
		    /<span class="colno">(\d+)<\/span>/g)].map((x) => +x[1]);
		const expect = Array.from({ length: want }, (_, i) => i + 1);
		if (JSON.stringify(nums) !== JSON.stringify(expect))
			columns.push(`${f}: columns ${nums.join(',')}`);
		const rows = [...text.matchAll(/<tr id="[^"]+">([\s\S]*?)<\/tr>/g)];
		for (const r of rows) {
			const cells = (r[1].match(/<t[hd][\s>]/g) || []).length;
			if (cells !== want)
				columns.push(`${f}: a row with ${cells} cells`);
		}
	}
}
check('every internal link and asset resolves', linkProbs);
check('no URL points off the site', offsite);
check('no inline script, style or event handler', inline);
check('every page: one h1, lang, canonical, hreflang, language switch',
    structure);
check(`every record table (${tables}) carries its form's numbered columns`,
    tables ? columns : ['no record tables found']);
process.exit(failures ? 1 : 0);
