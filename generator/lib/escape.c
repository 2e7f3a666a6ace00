/*
 * escape.c -- one escaper per output context.  Nothing reaches HTML,
 * SVG/XML, JSON, a URL, a CSV file, a CSS string or a workbook's cell
 * except through these.
 */
#include <string.h>

#include <csv.h>

#include "lib/lib.h"
#include "lib/escape.h"

/*
 * Whether utf8_next's U+FFFD for the bytes q..p stands for a malformed
 * byte (one byte consumed) rather than U+FFFD itself (three).
 */
static inline int
malformed(uint32_t cp, const char *q, const char *p)
{
	return cp == 0xfffd && !(p - q == 3 && (unsigned char)q[0] == 0xef);
}

/*
 * The escapers below write what passes as it is in runs, one buf_put a
 * run: printable ASCII but '"' and '<' (each escaper excepts more), and
 * a well-formed two-byte sequence (Cyrillic, U+0080-07FF, which none of
 * them changes), taken without decoding.  A character per buf_put was
 * 2-5% of a build's samples.
 */
static inline int
plain_ascii(char c)
{
	return (unsigned char)c >= 0x20 && (unsigned char)c < 0x80 &&
	    c != '"' && c != '<';
}

void
esc_html(struct buf *b, const char *s, size_t len)
{
	size_t	 i, start = 0;
	const char *rep;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		buf_put(b, s + start, i - start);
		buf_puts(b, rep);
		start = i + 1;
	}
	buf_put(b, s + start, len - start);
}

void
esc_htmls(struct buf *b, const char *s)
{
	esc_html(b, s, strlen(s));
}

/*
 * XML 1.0 allows TAB, LF, CR, U+0020-D7FF, U+E000-FFFD, U+10000-10FFFF.
 * Anything else (other C0 controls, malformed UTF-8) is dropped so the
 * document stays well-formed.
 */
void
esc_xml(struct buf *b, const char *s, size_t len)
{
	const char	*p = s, *e = s + len, *q, *run = s;
	const char	*rep;
	uint32_t	 cp;

	while (p < e) {
		if (plain_ascii(*p) && *p != '&' && *p != '>' &&
		    *p != '\'') {
			p++;
			continue;
		}
		if (utf8_two(p, e)) {
			p += 2;
			continue;
		}
		q = p;
		cp = utf8_next(&p, e);
		switch (cp) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&apos;";
			break;
		default:
			/* Dropped: a malformed byte, a control, U+FFFE/F. */
			if (malformed(cp, q, p) || (cp < 0x20 && cp != '\t' &&
			    cp != '\n' && cp != '\r') || cp == 0xfffe ||
			    cp == 0xffff)
				rep = "";
			else
				continue;	/* as it is, in the run */
			break;
		}
		buf_put(b, run, (size_t)(q - run));
		buf_puts(b, rep);
		run = p;
	}
	buf_put(b, run, (size_t)(p - run));
}

void
esc_xmls(struct buf *b, const char *s)
{
	esc_xml(b, s, strlen(s));
}

/* JSON (RFC 8259): quote, backslash and controls; U+2028/9 for JS. */
void
esc_json(struct buf *b, const char *s, size_t len)
{
	const char	*p = s, *e = s + len, *q, *run = s;
	uint32_t	 cp;

	while (p < e) {
		if (plain_ascii(*p) && *p != '\\') {
			p++;
			continue;
		}
		if (utf8_two(p, e)) {
			p += 2;
			continue;
		}
		q = p;
		cp = utf8_next(&p, e);
		if (cp >= 0x20 && cp != '"' && cp != '\\' && cp != '<' &&
		    cp != 0x2028 && cp != 0x2029 && !malformed(cp, q, p))
			continue;	/* as it is, in the run */
		buf_put(b, run, (size_t)(q - run));
		run = p;
		switch (cp) {
		case '"':
			BUF_LIT(b, "\\\"");
			break;
		case '\\':
			BUF_LIT(b, "\\\\");
			break;
		case '\n':
			BUF_LIT(b, "\\n");
			break;
		case '\r':
			BUF_LIT(b, "\\r");
			break;
		case '\t':
			BUF_LIT(b, "\\t");
			break;
		case '<':
			/* Safe even if a document embeds the JSON. */
			BUF_LIT(b, "\\u003c");
			break;
		default:
			if (cp < 0x20 || cp == 0x2028 || cp == 0x2029)
				buf_printf(b, "\\u%04x", (unsigned)cp);
			else
				BUF_LIT(b, "\\ufffd");	/* malformed */
			break;
		}
	}
	buf_put(b, run, (size_t)(p - run));
}

void
esc_jsons(struct buf *b, const char *s)
{
	esc_json(b, s, strlen(s));
}

/* A whole JSON string: quotes and the escaped text. */
void
esc_jsonq(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	esc_json(b, s, strlen(s));
	buf_putc(b, '"');
}

/* Unreserved characters of RFC 3986 pass; every other byte is %XX. */
void
esc_url(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~')
			buf_putc(b, *p);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

/*
 * libcsv quotes every field it writes, which RFC 4180 allows, and
 * doubles embedded quotes.  Line breaks inside a field are kept.
 */
void
esc_csv_raw(struct buf *b, const char *s, size_t len)
{
	size_t	 need;

	/* Worst case: every byte a quote, plus the two enclosing quotes. */
	need = len * 2 + 2;
	if (b->cap < b->len + need + 1) {
		buf_put(b, "", 0);
		b->data = xrealloc(b->data, b->len + need + 1);
		b->cap = b->len + need + 1;
	}
	b->len += csv_write(b->data + b->len, need, s, len);
	b->data[b->len] = '\0';
}

/* Whether s[0..len) is a plain decimal number: -12, 3.5, -0,25. */
static int
csv_number(const char *s, size_t len)
{
	size_t	 i = 0, digits = 0;

	if (i < len && s[i] == '-')
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (digits && i < len && (s[i] == '.' || s[i] == ',')) {
		for (i++, digits = 0; i < len && s[i] >= '0' && s[i] <= '9';
		    i++)
			digits++;
	}
	return digits > 0 && i == len;
}

int
csv_formula(const char *s, size_t len)
{
	return len > 0 && strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0' &&
	    !csv_number(s, len);
}

/*
 * A spreadsheet runs a cell that begins with '=', '+', '-' or '@' (and
 * some read past a leading TAB or CR) as a formula: =HYPERLINK(...)
 * or +cmd|' /C calc'!A0 in a narrative would run on the reader's
 * machine.  As OWASP recommends (CSV Injection), such a field gets a
 * leading apostrophe, which spreadsheets show as text and hide; a
 * plain number (-5, -2.5) is left alone, being no formula.
 */
void
esc_csv(struct buf *b, const char *s, size_t len)
{
	struct buf	 t = { 0 };

	if (!csv_formula(s, len)) {
		esc_csv_raw(b, s, len);
		return;
	}
	buf_putc(&t, '\'');
	buf_put(&t, s, len);
	esc_csv_raw(b, t.data, t.len);
	buf_free(&t);
}

void
esc_csvs(struct buf *b, const char *s)
{
	esc_csv(b, s, strlen(s));
}

void
esc_css(struct buf *b, const char *s, size_t len)
{
	const char	*p = s, *e = s + len, *q;
	uint32_t	 cp;

	while (p < e) {
		q = p;
		cp = utf8_next(&p, e);
		if (cp < 0x20 || cp == 0x7f || cp == '"' || cp == '\\' ||
		    cp == '<' || cp == '>' || cp == '&' ||
		    (cp >= 0x80 && cp < 0xa0))
			/* The space ends the escape before a hex digit. */
			buf_printf(b, "\\%x ", (unsigned)(cp == 0 ? 0xfffd :
			    cp));
		else if (malformed(cp, q, p))
			BUF_LIT(b, "\\fffd ");
		else
			buf_put(b, q, (size_t)(p - q));
	}
}

void
esc_csss(struct buf *b, const char *s)
{
	esc_css(b, s, strlen(s));
}

void
esc_xlsx(struct buf *b, const char *s, size_t len)
{
	const char	*p = s, *end = s + len, *q, *run = s;
	uint32_t	 cp;
	size_t		 n = 0;

	buf_put(b, "", 0);
	/* Excel counts UTF-16 units: a supplementary char is two. */
	while (p < end && n < XLSX_CELL_MAX) {
		if (plain_ascii(*p) || utf8_two(p, end)) {
			p += (unsigned char)*p < 0x80 ? 1 : 2;
			n++;
			continue;
		}
		q = p;
		cp = utf8_next(&p, end);
		n += cp > 0xffff ? 2 : 1;
		if ((cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r') &&
		    cp != 0xfffe && cp != 0xffff && !malformed(cp, q, p))
			continue;	/* as it is, in the run */
		buf_put(b, run, (size_t)(q - run));
		utf8_put(b, 0xfffd);
		run = p;
	}
	buf_put(b, run, (size_t)(p - run));
}
