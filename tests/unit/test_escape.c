/*
 * test_escape.c -- the escapers of generator/lib/escape.c, one per
 * output context, with exact expected bytes: HTML text and attributes,
 * XML/SVG (code points XML 1.0 forbids are dropped), JSON strings, URL
 * segments (RFC 3986), CSS strings (a style sheet's card labels) and CSV
 * fields (RFC 4180).  Then properties over
 * random input: JSON and CSV read back (jansson, libcsv) to what went
 * in, XML stays well-formed UTF-8 without a forbidden code point.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <jansson.h>

#include "lib/lib.h"
#include "lib/escape.h"
#include "unit.h"

enum ctx { HTML, XML, JSON, JSONQ, URL, CSV, CSVRAW, CSS };

/* s[0..len) through the escaper of ctx; a static buffer, reset each call. */
static const struct buf *
esc(enum ctx c, const char *s, size_t len)
{
	static struct buf	 b;

	buf_reset(&b);
	switch (c) {
	case HTML:
		esc_html(&b, s, len);
		break;
	case XML:
		esc_xml(&b, s, len);
		break;
	case JSON:
		esc_json(&b, s, len);
		break;
	case JSONQ:
		esc_jsonq(&b, s);	/* NUL-terminated only */
		break;
	case URL:
		esc_url(&b, s);		/* NUL-terminated only */
		break;
	case CSV:
		esc_csv(&b, s, len);
		break;
	case CSVRAW:
		esc_csv_raw(&b, s, len);
		break;
	case CSS:
		esc_css(&b, s, len);
		break;
	}
	return &b;
}

/* Print the bytes of s[0..len) on one line, non-ASCII as \xNN. */
static void
show(const char *label, const char *s, size_t len)
{
	size_t	 i;

	printf("  %-6s[", label);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n')
			printf("\\n");
		else if (c == '\r')
			printf("\\r");
		else if (c == '\t')
			printf("\\t");
		else if (c < 0x20 || c >= 0x7f)
			printf("\\x%02x", c);
		else
			putchar(c);
	}
	printf("]\n");
}

/*
 * IN (a string literal, NULs allowed) through CTX gives exactly WANT
 * (a literal too).  sizeof - 1 keeps embedded NULs in both.
 */
#define ESC(ctx, in, want, ...) do {					\
	const struct buf *g_ = esc((ctx), (in), sizeof(in) - 1);	\
	int same_ = g_->len == sizeof(want) - 1 &&			\
	    memcmp(buf_str(g_), (want), sizeof(want) - 1) == 0 &&	\
	    buf_str(g_)[g_->len] == '\0';				\
	CHECK(same_, __VA_ARGS__);					\
	if (!same_) {							\
		show("in:", (in), sizeof(in) - 1);			\
		show("want:", (want), sizeof(want) - 1);		\
		show("got:", buf_str(g_), g_->len);			\
	}								\
} while (0)

static void
test_html(void)
{
	ESC(HTML, "", "", "html: empty");
	ESC(HTML, "plain text", "plain text", "html: plain text unchanged");
	ESC(HTML, "a & b", "a &amp; b", "html: ampersand");
	ESC(HTML, "<script>alert(1)</script>",
	    "&lt;script&gt;alert(1)&lt;/script&gt;", "html: angle brackets");
	ESC(HTML, "say \"hi\"", "say &quot;hi&quot;",
	    "html: double quotes (attribute values)");
	ESC(HTML, "it's 'quoted'", "it&#39;s &#39;quoted&#39;",
	    "html: apostrophes (single-quoted attributes)");
	ESC(HTML, "\" onmouseover=\"x", "&quot; onmouseover=&quot;x",
	    "html: an attribute value cannot be left");
	ESC(HTML, "&amp;", "&amp;amp;", "html: an entity is text, escaped again");
	ESC(HTML, "Қазақстан, ӘҒҚҢӨҰҮҺІ — «ёлка»",
	    "Қазақстан, ӘҒҚҢӨҰҮҺІ — «ёлка»",
	    "html: Kazakh, Russian and punctuation unchanged");
	ESC(HTML, "<&>\"'", "&lt;&amp;&gt;&quot;&#39;",
	    "html: every special character in a row");
	ESC(HTML, "a\0<b", "a\0&lt;b", "html: the length is honoured past a NUL");
	{
		const struct buf *g = esc(HTML, "<b>", 2);

		EQ_STR(buf_str(g), "&lt;b", "html: only len bytes are read");
	}
}

static void
test_xml(void)
{
	ESC(XML, "", "", "xml: empty");
	ESC(XML, "<a href=\"x\">'&'</a>",
	    "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;",
	    "xml: the five predefined entities");
	ESC(XML, "a\tb\nc\rd", "a\tb\nc\rd", "xml: tab, line feed, CR kept");
	ESC(XML, "a\x01" "b\x08" "c\x0b" "d\x0c" "e\x1f" "f", "abcdef",
	    "xml: other C0 controls dropped (U+0001, U+0008, U+000B, "
	    "U+000C, U+001F)");
	ESC(XML, "a\0b", "ab", "xml: NUL dropped");
	ESC(XML, "\x7f|\xc2\x85|\xc2\x9f", "\x7f|\xc2\x85|\xc2\x9f",
	    "xml: DEL and C1 controls kept (XML 1.0 allows them)");
	ESC(XML, "x\xef\xbf\xbey\xef\xbf\xbfz", "xyz",
	    "xml: U+FFFE and U+FFFF dropped");
	ESC(XML, "\xef\xbf\xbd", "\xef\xbf\xbd", "xml: U+FFFD itself kept");
	ESC(XML, "\xed\x9f\xbf|\xee\x80\x80", "\xed\x9f\xbf|\xee\x80\x80",
	    "xml: U+D7FF and U+E000, the edges of the surrogates, kept");
	ESC(XML, "a\xed\xa0\x80" "b\xed\xbf\xbf" "c", "abc",
	    "xml: lone surrogates encoded in bytes (U+D800, U+DFFF) dropped");
	ESC(XML, "\xf0\x9f\x98\x80|\xf4\x8f\xbf\xbf",
	    "\xf0\x9f\x98\x80|\xf4\x8f\xbf\xbf",
	    "xml: U+1F600 and U+10FFFF kept");
	ESC(XML, "a\xf4\x90\x80\x80" "b", "ab",
	    "xml: past U+10FFFF dropped");
	ESC(XML, "a\xc0\xaf" "b\xe0\x80\xaf" "c", "abc",
	    "xml: overlong encodings dropped");
	ESC(XML, "a\xff" "b\xfe" "c\x80" "d", "abcd",
	    "xml: bytes that never start a character dropped");
	ESC(XML, "ok\xd0", "ok", "xml: a sequence cut at the end dropped");
	ESC(XML, "\xd0\x20\xd2\x9b", " \xd2\x9b",
	    "xml: a sequence cut short keeps what follows");
	ESC(XML, "Ақтөбе <10", "Ақтөбе &lt;10", "xml: Kazakh text kept");
}

static void
test_json(void)
{
	ESC(JSON, "", "", "json: empty");
	ESC(JSON, "say \"hi\"", "say \\\"hi\\\"", "json: quotes");
	ESC(JSON, "C:\\dir\\", "C:\\\\dir\\\\", "json: backslashes");
	ESC(JSON, "a\nb\rc\td", "a\\nb\\rc\\td",
	    "json: line feed, CR, tab as short escapes");
	ESC(JSON, "\x01\x08\x0b\x0c\x1f", "\\u0001\\u0008\\u000b\\u000c\\u001f",
	    "json: other controls as \\u00XX");
	ESC(JSON, "a\0b", "a\\u0000b", "json: NUL as \\u0000");
	ESC(JSON, "\x7f", "\x7f", "json: DEL needs no escape");
	ESC(JSON, "</script><!--", "\\u003c/script>\\u003c!--",
	    "json: < escaped, safe inside a <script> element");
	ESC(JSON, "a/b & c > d", "a/b & c > d",
	    "json: slash, ampersand, > unchanged");
	ESC(JSON, "x\xe2\x80\xa8y\xe2\x80\xa9z", "x\\u2028y\\u2029z",
	    "json: U+2028 and U+2029 escaped (JavaScript line ends)");
	ESC(JSON, "Шымкент ә", "Шымкент ә", "json: Cyrillic unchanged");
	ESC(JSON, "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80",
	    "json: a character outside the BMP unchanged");
	ESC(JSON, "a\xff" "b", "a\\ufffdb",
	    "json: an invalid byte becomes \\ufffd");
	ESC(JSON, "\xed\xa0\x80", "\\ufffd\\ufffd\\ufffd",
	    "json: a lone surrogate in bytes becomes \\ufffd per byte");
	ESC(JSON, "\xc0\xaf", "\\ufffd\\ufffd", "json: an overlong encoding");
	ESC(JSON, "ok\xe2\x80", "ok\\ufffd\\ufffd", "json: a cut sequence");
	ESC(JSON, "\xef\xbf\xbd", "\xef\xbf\xbd",
	    "json: U+FFFD itself passes as it is");
	ESC(JSONQ, "a\"b", "\"a\\\"b\"", "jsonq: the quotes are added");
	ESC(JSONQ, "", "\"\"", "jsonq: the empty string");
}

static void
test_url(void)
{
	ESC(URL, "", "", "url: empty");
	ESC(URL, "AZaz09-._~", "AZaz09-._~",
	    "url: the unreserved characters of RFC 3986 kept");
	ESC(URL, " !\"#$%&'()*+,/:;=?@[]",
	    "%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D",
	    "url: reserved and other ASCII percent-encoded");
	ESC(URL, "<>\\^`{|}", "%3C%3E%5C%5E%60%7B%7C%7D",
	    "url: unsafe ASCII percent-encoded");
	ESC(URL, "\x01\x1f\x7f", "%01%1F%7F", "url: controls percent-encoded");
	ESC(URL, "Алматы ә/2025?q=1&x=%+",
	    "%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B%20%D3%99%2F2025%3Fq%3D1"
	    "%26x%3D%25%2B", "url: UTF-8 encoded byte by byte, upper-case hex");
	ESC(URL, "\xff\xfe", "%FF%FE", "url: any byte, even invalid UTF-8");
}

static void
test_css(void)
{
	ESC(CSS, "", "", "css: empty");
	ESC(CSS, "2. Дата, время инцидента", "2. Дата, время инцидента",
	    "css: a heading in Russian unchanged (the sheet is UTF-8)");
	ESC(CSS, "Қазақстан, ӘҒҚҢӨҰҮҺІ — «ёлка» (a/b)",
	    "Қазақстан, ӘҒҚҢӨҰҮҺІ — «ёлка» (a/b)",
	    "css: Kazakh letters and punctuation unchanged");
	ESC(CSS, "a\"} body{display:none", "a\\22 } body{display:none",
	    "css: a double quote cannot end the string");
	ESC(CSS, "a\\\"", "a\\5c \\22 ", "css: a backslash is escaped");
	ESC(CSS, "</style><script>", "\\3c /style\\3e \\3c script\\3e ",
	    "css: angle brackets cannot close a style element");
	ESC(CSS, "a&b", "a\\26 b", "css: ampersand escaped");
	ESC(CSS, "a\nb\rc\fd\te", "a\\a b\\d c\\c d\\9 e",
	    "css: line breaks and tabs escaped (a string cannot span lines)");
	ESC(CSS, "1\n2", "1\\a 2",
	    "css: a space ends the escape before a hex digit");
	ESC(CSS, "a\0b\x7f\xc2\x85", "a\\fffd b\\7f \\85 ",
	    "css: NUL is U+FFFD; DEL and C1 controls escaped");
	ESC(CSS, "x\xffy\xe2\x82", "x\\fffd y\\fffd \\fffd ",
	    "css: malformed UTF-8 is U+FFFD, a byte each");
	ESC(CSS, "\xef\xbf\xbd", "\xef\xbf\xbd", "css: U+FFFD itself kept");
}

static void
test_csv(void)
{
	struct buf	 b = { 0 };
	char		*big, *want;
	size_t		 i;

	ESC(CSV, "", "\"\"", "csv: the empty field, quoted");
	ESC(CSV, "plain", "\"plain\"", "csv: every field is quoted");
	ESC(CSV, "a,b;c", "\"a,b;c\"", "csv: separators inside the quotes");
	ESC(CSV, "say \"hi\"", "\"say \"\"hi\"\"\"", "csv: quotes doubled");
	ESC(CSV, "\"", "\"\"\"\"", "csv: a lone quote");
	ESC(CSV, "line 1\nline 2\r\nline 3", "\"line 1\nline 2\r\nline 3\"",
	    "csv: line breaks kept inside the quotes");
	ESC(CSV, "  lead and trail  ", "\"  lead and trail  \"",
	    "csv: leading and trailing spaces kept");
	ESC(CSV, "=SUM(A1)", "\"'=SUM(A1)\"",
	    "csv: a formula gets a leading apostrophe (OWASP)");
	ESC(CSV, "+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\"",
	    "csv: + too");
	ESC(CSV, "-5", "\"-5\"", "csv: a plain negative number stays");
	ESC(CSV, "@x", "\"'@x\"", "csv: @ too");
	ESC(CSVRAW, "=SUM(A1)", "\"=SUM(A1)\"",
	    "csv raw (machine files): text is written as it is");
	ESC(CSV, "Қарағанды", "\"Қарағанды\"", "csv: UTF-8 unchanged");
	ESC(CSV, "a\0b", "\"a\0b\"", "csv: the length is honoured past a NUL");

	/* Appending, and the worst case: every byte a quote. */
	BUF_LIT(&b, "x,");
	esc_csvs(&b, "y");
	buf_putc(&b, ',');
	big = xmalloc(1001);
	memset(big, '"', 1000);
	big[1000] = '\0';
	esc_csvs(&b, big);
	want = xmalloc(2008 + 1);
	memcpy(want, "x,\"y\",\"", 7);
	memset(want + 7, '"', 2000);
	memcpy(want + 2007, "\"", 2);
	CHECK(b.len == 2008 && strcmp(buf_str(&b), want) == 0,
	    "csv: appended after other fields; 1000 quotes give 2002 bytes "
	    "(%zu in all)", b.len);
	for (i = 0; i < 10; i++)
		esc_csvs(&b, "");
	CHECK(b.len == 2028 && b.data[b.len] == '\0',
	    "csv: the buffer stays NUL-terminated as it grows");
	free(big);
	free(want);
	buf_free(&b);
}

/* --- properties over random input ------------------------------------ */

static uint32_t rng = 2463534242u;

static uint32_t
xorshift(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/*
 * Random well-formed UTF-8 of up to 40 code points, weighted towards
 * what the escapers treat specially (controls, quotes, U+2028...).
 */
static size_t
random_text(char *s, int valid)
{
	static const char *const pieces[] = { "\"", "\\", "<", ">", "&", "'",
	    ",", ";", "\n", "\r", "\t", "\x01", "\x1f", " ", "a", "Z", "0",
	    "ә", "Ё", "—", "\xe2\x80\xa8", "\xe2\x80\xa9", "\xef\xbf\xbd",
	    "\xef\xbf\xbe", "\xf0\x9f\x98\x80", "\x7f", "%", "/" };
	static const char *const bad[] = { "\xff", "\xc0\xaf", "\xed\xa0\x80",
	    "\xe2\x80", "\x80", "\xf4\x90\x80\x80" };
	size_t	 n = 0, k;
	uint32_t i, m;

	m = xorshift() % 40;
	for (i = 0; i < m; i++) {
		const char *p;

		if (!valid && xorshift() % 8 == 0)
			p = bad[xorshift() % (sizeof(bad) / sizeof(bad[0]))];
		else
			p = pieces[xorshift() %
			    (sizeof(pieces) / sizeof(pieces[0]))];
		k = strlen(p);
		memcpy(s + n, p, k);
		n += k;
	}
	s[n] = '\0';
	return n;
}

struct fields {
	char	 got[512];
	size_t	 len;
	int	 n;
};

static void
on_field(void *s, size_t len, void *arg)
{
	struct fields	*f = arg;

	f->n++;
	if (len < sizeof(f->got)) {
		memcpy(f->got, s, len);
		f->len = len;
	}
}

static void
test_properties(void)
{
	char		 in[512];
	struct buf	 b = { 0 };
	size_t		 n, i;
	int		 json_bad = 0, csv_bad = 0, xml_bad = 0, k;
	int		 css_bad = 0;

	for (k = 0; k < 3000; k++) {
		/* JSON: jansson reads back exactly the valid input. */
		n = random_text(in, 1);
		buf_reset(&b);
		buf_putc(&b, '"');
		esc_json(&b, in, n);
		buf_putc(&b, '"');
		{
			json_t		*j;
			json_error_t	 e;

			j = json_loadb(b.data, b.len, JSON_DECODE_ANY, &e);
			if ((j == NULL || json_string_length(j) != n ||
			    memcmp(json_string_value(j), in, n) != 0) &&
			    json_bad++ == 0)
				show("json:", in, n);
			json_decref(j);
		}

		/* CSV: libcsv (strict) reads back one field, the input
		 * (the machine files' escaper: nothing neutralised). */
		buf_reset(&b);
		esc_csv_raw(&b, in, n);
		{
			struct csv_parser p;
			struct fields	 f = { .n = 0 };

			csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
			if ((csv_parse(&p, b.data, b.len, on_field, NULL,
			    &f) != b.len || csv_fini(&p, on_field, NULL,
			    &f) != 0 || f.n != 1 || f.len != n ||
			    memcmp(f.got, in, n) != 0) && csv_bad++ == 0)
				show("csv:", in, n);
			csv_free(&p);
		}

		/* XML, from any bytes: valid UTF-8, no forbidden code point. */
		n = random_text(in, 0);
		buf_reset(&b);
		esc_xml(&b, in, n);
		{
			const char	*p = b.data, *e = b.data + b.len;
			uint32_t	 cp;
			int		 bad = !utf8_valid(b.data, b.len);

			while (!bad && p < e) {
				cp = utf8_next(&p, e);
				bad = (cp < 0x20 && cp != '\t' && cp != '\n' &&
				    cp != '\r') || cp == 0xfffe ||
				    cp == 0xffff || cp == '<' || cp == '"';
			}
			for (i = 0; !bad && i < b.len; i++)
				bad = b.data[i] == '&' &&
				    strncmp(b.data + i, "&amp;", 5) != 0 &&
				    strncmp(b.data + i, "&lt;", 4) != 0 &&
				    strncmp(b.data + i, "&gt;", 4) != 0 &&
				    strncmp(b.data + i, "&quot;", 6) != 0 &&
				    strncmp(b.data + i, "&apos;", 6) != 0;
			if (bad && xml_bad++ == 0)
				show("xml:", in, n);
		}

		/*
		 * CSS, from any bytes: valid UTF-8 that no quote, angle
		 * bracket, ampersand or control character can leave, and
		 * every backslash a hex escape ended by a space.
		 */
		buf_reset(&b);
		esc_css(&b, in, n);
		{
			const char	*p = b.data, *e = b.data + b.len;
			uint32_t	 cp;
			int		 bad = !utf8_valid(b.data, b.len);

			while (!bad && p < e) {
				cp = utf8_next(&p, e);
				bad = cp < 0x20 || cp == 0x7f || cp == '"' ||
				    cp == '<' || cp == '>' || cp == '&' ||
				    (cp >= 0x80 && cp < 0xa0);
				if (!bad && cp == '\\') {
					size_t	 h = strspn(p,
					    "0123456789abcdef");

					bad = h < 1 || h > 6 || p[h] != ' ';
					p += h + 1;
				}
			}
			if (bad && css_bad++ == 0)
				show("css:", in, n);
		}
	}
	CHECK(css_bad == 0, "css: 3000 random byte strings stay one CSS "
	    "string (%d did not)", css_bad);
	CHECK(json_bad == 0, "json: 3000 random strings read back exactly "
	    "with jansson (%d did not)", json_bad);
	CHECK(csv_bad == 0, "csv: 3000 random fields read back exactly with "
	    "libcsv (%d did not)", csv_bad);
	CHECK(xml_bad == 0, "xml: 3000 random byte strings give well-formed "
	    "text (%d did not)", xml_bad);
	buf_free(&b);
}

/*
 * The escapers' definitions, a character at a time (as they were
 * written before they wrote in runs): each escaper must give their
 * bytes for any input.
 */
static int
ref_malformed(uint32_t cp, const char *q, const char *p)
{
	return cp == 0xfffd && !(p - q == 3 && (unsigned char)q[0] == 0xef);
}

static void
ref_json(struct buf *b, const char *s, size_t len)
{
	const char	*p = s, *e = s + len, *q;
	uint32_t	 cp;

	while (p < e) {
		q = p;
		cp = utf8_next(&p, e);
		if (cp == '"')
			buf_puts(b, "\\\"");
		else if (cp == '\\')
			buf_puts(b, "\\\\");
		else if (cp == '\n')
			buf_puts(b, "\\n");
		else if (cp == '\r')
			buf_puts(b, "\\r");
		else if (cp == '\t')
			buf_puts(b, "\\t");
		else if (cp == '<')
			buf_puts(b, "\\u003c");
		else if (cp == 0x2028 || cp == 0x2029 || cp < 0x20)
			buf_printf(b, "\\u%04x", (unsigned)cp);
		else if (ref_malformed(cp, q, p))
			buf_puts(b, "\\ufffd");
		else
			buf_put(b, q, (size_t)(p - q));
	}
}

static void
ref_xml(struct buf *b, const char *s, size_t len)
{
	const char	*p = s, *e = s + len, *q;
	uint32_t	 cp;

	while (p < e) {
		q = p;
		cp = utf8_next(&p, e);
		if (cp == '&')
			buf_puts(b, "&amp;");
		else if (cp == '<')
			buf_puts(b, "&lt;");
		else if (cp == '>')
			buf_puts(b, "&gt;");
		else if (cp == '"')
			buf_puts(b, "&quot;");
		else if (cp == '\'')
			buf_puts(b, "&apos;");
		else if (ref_malformed(cp, q, p) || (cp < 0x20 && cp != '\t' &&
		    cp != '\n' && cp != '\r') || cp == 0xfffe || cp == 0xffff)
			continue;
		else
			buf_put(b, q, (size_t)(p - q));
	}
}

static void
ref_xlsx(struct buf *b, const char *s, size_t len)
{
	const char	*p = s, *end = s + len;
	uint32_t	 cp;
	size_t		 n = 0;

	buf_put(b, "", 0);
	while (p < end && n < XLSX_CELL_MAX) {
		cp = utf8_next(&p, end);
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    cp == 0xfffe || cp == 0xffff)
			cp = 0xfffd;
		utf8_put(b, cp);
		n += cp > 0xffff ? 2 : 1;
	}
}

/* The escapers that write in runs against their definitions. */
static void
test_runs(void)
{
	static const struct {
		const char	*name;
		void		(*esc)(struct buf *, const char *, size_t);
		void		(*ref)(struct buf *, const char *, size_t);
	} fn[] = {
		{ "json", esc_json, ref_json },
		{ "xml", esc_xml, ref_xml },
		{ "xlsx", esc_xlsx, ref_xlsx },
	};
	static char	 in[XLSX_CELL_MAX + 600];
	struct buf	 got = { 0 }, want = { 0 };
	size_t		 n, f;
	int		 k, bad[3] = { 0, 0, 0 };

	for (k = 0; k < 20000; k++) {
		/* Half of them long, to cross the cell's limit. */
		n = 0;
		if (k % 2) {
			n = XLSX_CELL_MAX - 20 + (size_t)(xorshift() % 10);
			memset(in, k % 4 == 1 ? 'a' : 0, n);
			if (k % 4 == 3)
				for (size_t i = 0; i + 1 < n; i += 2)
					memcpy(in + i, "\xd0\x96", 2);
		}
		n += random_text(in + n, k % 3 != 0);
		for (f = 0; f < 3; f++) {
			buf_reset(&got);
			buf_reset(&want);
			fn[f].esc(&got, in, n);
			fn[f].ref(&want, in, n);
			if ((got.len != want.len || memcmp(got.data,
			    want.data, got.len) != 0) && bad[f]++ == 0)
				show(fn[f].name, in, n < 80 ? n : 80);
		}
	}
	for (f = 0; f < 3; f++)
		CHECK(bad[f] == 0, "%s: 20000 random byte strings, half of "
		    "them past a workbook cell's limit, escaped in runs give "
		    "the bytes of a character at a time (%d did not)",
		    fn[f].name, bad[f]);
	buf_free(&got);
	buf_free(&want);
}

/* The text of an XLSX string cell (issue 14). */
static void
test_xlsx(void)
{
	struct buf	 b = { 0 };
	char		*big;
	size_t		 i, n;
	const char	*p;

	p = "=1+1\x01" "a\tb\nc\xef\xbf\xbe\xff";
	esc_xlsx(&b, p, strlen(p));
	EQ_STR(buf_str(&b), "=1+1\xef\xbf\xbd" "a\tb\nc\xef\xbf\xbd"
	    "\xef\xbf\xbd", "xlsx: controls, U+FFFE and a bad byte become "
	    "U+FFFD; TAB, LF kept; a formula stays text");
	buf_reset(&b);
	esc_xlsx(&b, "", 0);
	CHECK(b.data != NULL && buf_str(&b)[0] == '\0',
	    "xlsx: an empty cell is an empty string");
	big = xmalloc(40000 * 2);
	for (i = 0; i < 40000; i++)
		memcpy(big + 2 * i, "\xd0\x96", 2);	/* Ж */
	buf_reset(&b);
	esc_xlsx(&b, big, 80000);
	for (n = 0, p = b.data; p < b.data + b.len; n++)
		utf8_next(&p, b.data + b.len);
	CHECK(n == XLSX_CELL_MAX && utf8_valid(b.data, b.len),
	    "xlsx: cut to %d characters, on a character boundary (%zu)",
	    XLSX_CELL_MAX, n);
	free(big);
	buf_free(&b);
}

int
main(void)
{
	test_xlsx();
	test_html();
	test_xml();
	test_json();
	test_url();
	test_css();
	test_csv();
	test_properties();
	test_runs();
	return unit_failed;
}
