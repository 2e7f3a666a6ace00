// csv.mjs -- RFC 4180 CSV for the test tools (quoted fields, doubled
// quotes, CRLF, a byte-order mark).  The separator is the first ',' or
// ';' outside quotes (the language files use ';', as spreadsheets in
// kk-KZ and ru-RU expect), unless given.
import fs from 'node:fs';
import zlib from 'node:zlib';

// A download's text: the machine CSV and the JSON files are gzip.
export function readText(file) {
	const b = fs.readFileSync(file);
	return (file.endsWith('.gz') ? zlib.gunzipSync(b) : b).toString('utf8');
}

export function separator(text) {
	let q = false;
	for (const c of text) {
		if (c === '"') q = !q;
		else if (!q && (c === ',' || c === ';')) return c;
		else if (!q && c === '\n') break;
	}
	return ',';
}

export function parseCSV(text, sep) {
	if (text.charCodeAt(0) === 0xfeff)
		text = text.slice(1);
	sep = sep || separator(text);
	const rows = [];
	let row = [], field = '', q = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (q) {
			if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
			else if (c === '"') q = false;
			else field += c;
		} else if (c === '"') q = true;
		else if (c === sep) { row.push(field); field = ''; }
		else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
		else if (c !== '\r') field += c;
	}
	if (field !== '' || row.length) { row.push(field); rows.push(row); }
	return rows;
}
