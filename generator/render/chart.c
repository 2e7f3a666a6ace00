/*
 * chart.c -- the registry's aggregate charts as self-contained SVG.
 *
 * A chart is one <svg> element that works inline in an HTML5 page and
 * as a standalone .svg file: no scripts, no style sheets and no style
 * attributes (the site runs under "default-src 'self'"), no external
 * references, only presentation attributes and a viewBox (the page's
 * CSS sets the width).  Four kinds (enum chart_kind): stacked columns,
 * stacked horizontal bars, a population pyramid and a tile-grid map of
 * Kazakhstan's regions.  One function draws every chart of a kind from
 * its data alone; margins, the wrapping of labels, the scale and its
 * ticks are computed from estimated text widths so nothing overlaps.
 *
 * Privacy: a suppressed value (struct chart_point) carries no number.
 * It is drawn as a hatched stub of a fixed length (a hatched tile on
 * the map) that says nothing about the value, labelled with
 * suppressed_label.  In a stack the stubs go after the drawn segments,
 * so the drawn part keeps its true length on the scale, and the end
 * label reads "120 + <8": the sum of the drawn values, then one
 * suppressed_label per hidden part.
 *
 * Every drawn mark carries data-value="v" (the protected value) or
 * data-suppressed="1" or data-nodata="1", so tests can read the chart.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/escape.h"
#include "lib/format.h"
#include "render/chart.h"

#define CW	 600	/* viewBox width */
#define MAPW	 640	/* viewBox width of the tile map */
#define FS	 15	/* font size: 9 px when 600 units are 360 px */
#define LH	 19	/* line height */
#define TFS	 18	/* the optional heading */
#define PAD	 8	/* outer margin */
#define STUB	 10	/* length of a suppressed bar: fixed, not a value */
#define GAP	 5	/* between a bar and its end label */
#define SWATCH	 14	/* legend swatches */
#define MAXCATS	 60
#define MAXVAL	 1e15	/* v * 10^decimals: fmt_dec exact below 2^53 */
#define PLOTH	 280	/* columns: the plot's height */
#define BARH	 22	/* bars: thickness */
#define PYRH	 20	/* pyramid: thickness */

#define FONTS	 "system-ui, 'Segoe UI', Roboto, 'Noto Sans', " \
		 "'DejaVu Sans', sans-serif"
#define C_TEXT	 "#222222"
#define C_MUTED	 "#555555"	/* 7.5:1 on white */
#define C_GRID	 "#d9d9d9"
#define C_AXIS	 "#333333"
#define C_HATCH	 "#7a7a7a"
#define C_NONE	 "#f2f2f2"

/*
 * Okabe & Ito's colour-blind-safe colours, ordered so neighbours in a
 * stack differ in lightness too (dark blue, light orange, mid green).
 */
static const char *const palette[] = {
	"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"
};
#define NPAL	 (sizeof(palette) / sizeof(palette[0]))

/* A sequential blue scale, light to dark, even steps of lightness. */
static const char *const ramp[] = {
	"#e4eef7", "#b9d3ea", "#89b5da", "#5994c6", "#2f70aa", "#0f4a82"
};
#define NRAMP	 (sizeof(ramp) / sizeof(ramp[0]))

/*
 * The tile grid: 7 columns (west to east) by 5 rows (north to south),
 * each region roughly where it lies; the gap at row 1, column 1 is the
 * Russian salient between the west and Qostanai.  Short labels are the
 * usual abbreviations, with soft hyphens where a name may break; the
 * city of Almaty is "Алматы", the region "Алматы обл.".
 */
static const struct region {
	const char *code;
	int	 col, row;
	const char *abbr[LANG__MAX];
} regions[] = {
	{ "KZ-59", 3, 0, { "СҚО", "СКО" } },
	{ "KZ-27", 0, 1, { "БҚО", "ЗКО" } },
	{ "KZ-39", 2, 1, { "Қос\u00adтанай", "Коста\u00adнай" } },
	{ "KZ-11", 3, 1, { "Ақмола", "Акмола" } },
	{ "KZ-55", 4, 1, { "Пав\u00adлодар", "Пав\u00adлодар" } },
	{ "KZ-23", 0, 2, { "Атырау", "Атырау" } },
	{ "KZ-15", 1, 2, { "Ақтөбе", "Актобе" } },
	{ "KZ-62", 2, 2, { "Ұлытау", "Ұлытау" } },
	{ "KZ-71", 3, 2, { "Астана", "Астана" } },
	{ "KZ-35", 4, 2, { "Қара\u00adғанды", "Кара\u00adганда" } },
	{ "KZ-10", 5, 2, { "Абай", "Абай" } },
	{ "KZ-63", 6, 2, { "ШҚО", "ВКО" } },
	{ "KZ-47", 0, 3, { "Маңғыс\u00adтау", "Мангис\u00adтау" } },
	{ "KZ-43", 1, 3, { "Қызыл\u00adорда", "Кызыл\u00adорда" } },
	{ "KZ-61", 2, 3, { "Түркі\u00adстан", "Турке\u00adстан" } },
	{ "KZ-31", 3, 3, { "Жамбыл", "Жамбыл" } },
	{ "KZ-19", 4, 3, { "Алматы обл.", "Алматин. обл." } },
	{ "KZ-33", 5, 3, { "Жетісу", "Жетісу" } },
	{ "KZ-79", 2, 4, { "Шым\u00adкент", "Шым\u00adкент" } },
	{ "KZ-75", 4, 4, { "Алматы", "Алматы" } },
};
#define NREGIONS (sizeof(regions) / sizeof(regions[0]))
#define MAPCOLS	 7
#define MAPROWS	 5

static const char *const kind_names[] = {
	"columns", "bars", "pyramid", "tilemap"
};

/* A line of text: a piece of a caller's string. */
struct line {
	const char *s;
	size_t	 len;
	int	 hyph;		/* ends in a hyphen it does not contain */
	double	 w;		/* estimated width, hyphen included */
};

/* Wrapped text; lines point into the wrapped string. */
struct lines {
	struct line *v;
	size_t	 n, cap;
	double	 w;		/* the widest line */
	int	 cut;		/* a word had to be cut between letters */
};

/* A value axis from 0 to max. */
struct axis {
	double	 max, step;
	int	 n;		/* intervals */
	int	 ndec;		/* decimals of the tick labels */
	double	 len;		/* pixels from 0 to max */
	double	 k;		/* pixels per unit */
};

/* What one category shows at the end of its bar or stack. */
struct stack {
	double	 sum;		/* of the drawn values */
	int	 ndrawn, nsupp, nround;
	struct buf label;	/* "120", "120 + <8", "<8", "—" */
	double	 labelw;
};

/* The chart being drawn. */
struct ctx {
	const struct chart *c;
	struct buf *b;		/* the body, drawn before the header */
	double	 w;		/* viewBox width */
	int	 nsupp, nnodata, nround;
};

/*
 * Advance widths in ems, in classes rounded up from DejaVu Sans, the
 * widest of the fonts named (system-ui is narrower on every platform
 * we know), so a label that fits here fits everywhere.
 */
static const struct wclass {
	double	 em;
	const char *chars;
} wclasses[] = {
	{ 0.30, "ijlIJ.'\xd1\x96\xd0\x86" },		/* і І */
	{ 0.34, " ,/:;\\|\xc2\xa0" },
	{ 0.42, "f-()[]t!r" },
	{ 0.56, "\"*_`szc?\xe2\x80\x93гзэс" },
	{ 0.64, "0123456789$EhnubdgpqSKЕЁЗhлийнпрңһ" },
	{ 0.70, "AVXZBRCАХЧҺБВЬЯСЭҒцд" },
	{ 0.79, "UNHDGOQ&ъКҚИЙЛНПҢмЦДОӘӨы" },
	{ 0.86, "wM#+<=>^~ЪюфФМ\xe2\x88\x92\xe2\x89\xa4\xe2\x89\xa5" },
	{ 0.95, "%Ыжшщ" },
	{ 1.00, "mW@\xe2\x80\x94" },
	{ 1.10, "ШЖЮЩ" },
};

#define SHY	 0xad	/* U+00AD SOFT HYPHEN: a break with a hyphen */

/* Estimated advance of a code point in ems, from the classes. */
static double
cwidth_slow(uint32_t cp)
{
	const char	*p, *e;
	size_t		 i;

	if (cp == SHY)
		return 0;
	if (cp == 0x202f || cp == 0x2009)
		return 0.2;
	for (i = 0; i < sizeof(wclasses) / sizeof(wclasses[0]); i++) {
		p = wclasses[i].chars;
		e = p + strlen(p);
		while (p < e)
			if (utf8_next(&p, e) == cp)
				return wclasses[i].em;
	}
	if (uc_isupper(cp))
		return 0.79;
	return 0.62;
}

/*
 * Estimated advance of a code point in ems: below UC_TABLE (the
 * letters a label has), from a table made on first use, which the
 * classes' strings, decoded for every character, took 2% of a build's
 * instructions.
 */
static double
cwidth(uint32_t cp)
{
	static double	 w[UC_TABLE];
	static int	 filled;
	uint32_t	 c;

	if (cp >= UC_TABLE)
		return cwidth_slow(cp);
	if (!filled) {
		for (c = 0; c < UC_TABLE; c++)
			w[c] = cwidth_slow(c);
		filled = 1;
	}
	return w[cp];
}

/* Estimated width of s[0..len) at font size fs. */
static double
textw(const char *s, size_t len, double fs)
{
	const char	*p = s, *e = s + len;
	double		 w = 0;

	while (p < e)
		w += cwidth(utf8_next(&p, e));
	return w * fs;
}

static double
textws(const char *s, double fs)
{
	return textw(s, strlen(s), fs);
}

/* Add s[0..len) as a line, with a hyphen after it if hyph. */
static void
lines_add(struct lines *l, const char *s, size_t len, int hyph, double fs)
{
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n].s = s;
	l->v[l->n].len = len;
	l->v[l->n].hyph = hyph;
	l->v[l->n].w = textw(s, len, fs) + (hyph ? cwidth('-') * fs : 0);
	if (l->v[l->n].w > l->w)
		l->w = l->v[l->n].w;
	l->n++;
}

static void
lines_free(struct lines *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* The start of the code point before p (not before s). */
static const char *
utf8_prev(const char *s, const char *p)
{
	if (p > s)
		p--;
	while (p > s && ((unsigned char)*p & 0xc0) == 0x80)
		p--;
	return p;
}

/* A vowel of Kazakh, Russian or English, either case. */
static int
is_vowel(uint32_t c)
{
	static const uint32_t v[] = {
		'a', 'e', 'i', 'o', 'u', 'y', 0x430, 0x435, 0x451, 0x438,
		0x43e, 0x443, 0x44b, 0x44d, 0x44e, 0x44f, 0x4d9, 0x456,
		0x4e9, 0x4af, 0x4b1
	};
	size_t	 i;

	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	else if (c >= 0x410 && c <= 0x42f)
		c += 0x20;
	else if (c == 0x401)
		c = 0x451;
	else if (c == 0x4d8 || c == 0x4e8 || c == 0x4ae || c == 0x4b0)
		c++;
	else if (c == 0x406)
		c = 0x456;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (c == v[i])
			return 1;
	return 0;
}

/* A consonant a line may start with: not й, ь, ъ (they stay with the
 * letter before them). */
static int
starts_syllable(uint32_t c)
{
	return uc_isalpha(c) && !is_vowel(c) && c != 0x439 && c != 0x419 &&
	    c != 0x44c && c != 0x42c && c != 0x44a && c != 0x42a;
}

/*
 * Where to cut a word too long for its line, at most at cut: after a
 * vowel and before a consonant, with two letters at least on each
 * side ("гинеко-логический", not "гинекологическ-ий"); cut itself
 * when no such place is in the line's second half.
 */
static const char *
syllable_cut(const char *line, const char *cut, const char *e)
{
	const char	*p, *q, *r;
	uint32_t	 a, b;
	size_t		 after;

	for (p = cut; p > line; p = utf8_prev(line, p)) {
		if ((size_t)(p - line) * 2 < (size_t)(cut - line))
			break;
		q = utf8_prev(line, p);
		if (q == line || utf8_prev(line, q) == line)
			break;		/* two letters before */
		r = q;
		a = utf8_next(&r, e);
		r = p;
		b = utf8_next(&r, e);
		if (!is_vowel(a) || !starts_syllable(b))
			continue;
		/* Two letters after, in the same word. */
		for (after = 0, r = p; r < e && after < 2; after++)
			if (!uc_isalpha(utf8_next(&r, e)))
				break;
		if (after == 2)
			return p;
	}
	return cut;
}

/*
 * Break s into lines no wider than maxw at font size fs: at spaces,
 * after a hyphen, dash or slash that follows a letter (not in "0–9"),
 * and at soft hyphens (shown as "-" where a line ends).  A word wider
 * than maxw on its own is cut with a hyphen, between syllables where
 * the line has room for it (syllable_cut; l->cut set).  The lines
 * point into s, which must outlive l.
 */
static void
wrap(struct lines *l, const char *s, double maxw, double fs)
{
	const char	*p, *q, *e, *line, *cut;
	const char	*brk = NULL, *brk_end = NULL;
	double		 cur = 0, hw = cwidth('-') * fs;
	uint32_t	 cp, prev = 0;
	int		 brk_hyph = 0;

	memset(l, 0, sizeof(*l));
	e = s + strlen(s);
	for (p = s; *p == ' '; p++)
		continue;
	line = p;
	while (p < e) {
		q = p;
		cp = utf8_next(&p, e);
		if (cp == ' ') {
			brk_end = q;
			while (*p == ' ')
				p++;
			brk = p;
			brk_hyph = 0;
			cur += cwidth(' ') * fs;
			prev = ' ';
			continue;
		}
		if (cp == SHY) {
			if (cur + hw <= maxw && q > line) {
				brk_end = q;
				brk = p;
				brk_hyph = 1;
			}
			continue;
		}
		cur += cwidth(cp) * fs;
		if (cur > maxw && q > line && brk != NULL) {
			lines_add(l, line, (size_t)(brk_end - line), brk_hyph,
			    fs);
			line = brk;
			brk = NULL;
			cur = textw(line, (size_t)(p - line), fs);
		}
		while (cur > maxw && q > line) {
			/* Cut before q, or earlier to make room for "-". */
			cut = q;
			while (utf8_prev(line, cut) > line &&
			    textw(line, (size_t)(cut - line), fs) + hw > maxw)
				cut = utf8_prev(line, cut);
			cut = syllable_cut(line, cut, e);
			lines_add(l, line, (size_t)(cut - line), 1, fs);
			line = cut;
			brk = NULL;
			cur = textw(line, (size_t)(p - line), fs);
			l->cut = 1;
		}
		if ((cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == '/') &&
		    uc_isalpha(prev) && p < e && *p != ' ') {
			brk_end = brk = p;
			brk_hyph = 0;
		}
		prev = cp;
	}
	if (p > line)
		lines_add(l, line, (size_t)(p - line), 0, fs);
}

/* Text for XML without soft hyphens, and "-" if hyph. */
static void
esc_label(struct buf *b, const char *s, size_t len, int hyph)
{
	const char	*p = s, *e = s + len, *q, *start = s;

	while (p < e) {
		q = p;
		if (utf8_next(&p, e) == SHY) {
			esc_xml(b, start, (size_t)(q - start));
			start = p;
		}
	}
	esc_xml(b, start, (size_t)(e - start));
	if (hyph)
		buf_putc(b, '-');
}

/* A coordinate: at most two decimals, no "-0". */
static void
put_num(struct buf *b, double v)
{
	long long	 r = llround(v * 100);

	if (r < 0) {
		buf_putc(b, '-');
		r = -r;
	}
	if (r % 100 == 0)
		buf_printf(b, "%lld", r / 100);
	else if (r % 10 == 0)
		buf_printf(b, "%lld.%lld", r / 100, (r % 100) / 10);
	else
		buf_printf(b, "%lld.%02lld", r / 100, r % 100);
}

/*
 * Print attributes from a format where "%N" is a coordinate (put_num),
 * "%s" a string copied verbatim (a constant of this file, never data)
 * and "%d" an int.
 */
static void
put_fmt(struct buf *b, const char *fmt, ...)
{
	va_list		 ap;
	const char	*p;

	va_start(ap, fmt);
	for (p = fmt; *p != '\0'; p++) {
		if (*p != '%' || p[1] == '\0') {
			buf_putc(b, *p);
			continue;
		}
		switch (*++p) {
		case 'N':
			put_num(b, va_arg(ap, double));
			break;
		case 's':
			buf_puts(b, va_arg(ap, const char *));
			break;
		case 'd':
			buf_printf(b, "%d", va_arg(ap, int));
			break;
		default:
			buf_putc(b, *p);
			break;
		}
	}
	va_end(ap);
}

/* A value as the labels show it: "12 345", "12,5". */
static void
fmt_value(struct buf *b, const struct chart *c, double v)
{
	fmt_dec(b, v, c->decimals);
}

/* A drawn point as the labels show it: "≈165" where it is rounded. */
static void
fmt_point(struct buf *b, const struct chart *c, const struct chart_point *pt)
{
	if (pt->rounded && c->rounded_label != NULL)
		buf_puts(b, c->rounded_label);
	fmt_value(b, c, pt->v);
}

/* The protected value as data-value: exact, locale-free. */
static void
put_data_value(struct buf *b, double v)
{
	char	 s[64];

	snprintf(s, sizeof(s), "%.15g", v);
	buf_printf(b, " data-value=\"%s\"", s);
}

/* Relative luminance of "#rrggbb" (WCAG 2). */
static double
luminance(const char *hex)
{
	double		 ch[3], x;
	unsigned long	 rgb = strtoul(hex + 1, NULL, 16);
	int		 i;

	for (i = 0; i < 3; i++) {
		x = (double)((rgb >> (16 - 8 * i)) & 0xff) / 255;
		ch[i] = x <= 0.03928 ? x / 12.92 :
		    pow((x + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

/* The text colour with more contrast on background bg. */
static const char *
ink(const char *bg)
{
	double	 l = luminance(bg), dark = luminance(C_TEXT);

	return (l + 0.05) / (dark + 0.05) >= 1.05 / (l + 0.05) ?
	    C_TEXT : "#ffffff";
}

/* Attributes of a label inside a mark of colour bg. */
static const char *
inside_attrs(const char *bg)
{
	return strcmp(ink(bg), C_TEXT) == 0 ?
	    "class=\"inside\" fill=\"" C_TEXT "\"" :
	    "class=\"inside\" fill=\"#ffffff\"";
}

/*
 * The anchor for a label of width w centred on x that keeps it within
 * [lo, hi].
 */
static const char *
fit_anchor(double x, double w, double lo, double hi)
{
	if (x - w / 2 < lo)
		return "start";
	if (x + w / 2 > hi)
		return "end";
	return "middle";
}

/*
 * One line of text at (x, y) (y the baseline), anchored start, middle
 * or end; attrs (constant markup) is added to the element.
 */
static void
put_line(struct buf *b, double x, double y, const char *anchor,
    const char *attrs, const struct line *ln)
{
	put_fmt(b, "<text x=\"%N\" y=\"%N\"", x, y);
	if (strcmp(anchor, "start") != 0)
		put_fmt(b, " text-anchor=\"%s\"", anchor);
	if (attrs != NULL && *attrs != '\0')
		put_fmt(b, " %s", attrs);
	buf_putc(b, '>');
	esc_label(b, ln->s, ln->len, ln->hyph);
	BUF_LIT(b, "</text>\n");
}

static void
put_text(struct buf *b, double x, double y, const char *anchor,
    const char *attrs, const char *s, size_t len)
{
	struct line	 ln = { s, len, 0, 0 };

	put_line(b, x, y, anchor, attrs, &ln);
}

/*
 * Wrapped lines with the first baseline at y, one line height apart,
 * as tspans of one text element.
 */
static void
put_lines(struct buf *b, double x, double y, const char *anchor,
    const char *attrs, const struct lines *l, double lh)
{
	size_t	 i;

	if (l->n == 0)
		return;
	if (l->n == 1) {
		put_line(b, x, y, anchor, attrs, &l->v[0]);
		return;
	}
	BUF_LIT(b, "<text");
	if (strcmp(anchor, "start") != 0)
		put_fmt(b, " text-anchor=\"%s\"", anchor);
	if (attrs != NULL && *attrs != '\0')
		put_fmt(b, " %s", attrs);
	buf_putc(b, '>');
	for (i = 0; i < l->n; i++) {
		put_fmt(b, "<tspan x=\"%N\" y=\"%N\">", x, y + lh * i);
		esc_label(b, l->v[i].s, l->v[i].len, l->v[i].hyph);
		BUF_LIT(b, "</tspan>");
	}
	BUF_LIT(b, "</text>\n");
}

/* A tooltip for a mark: "category, series: value". */
static void
put_tip(struct buf *b, const struct ctx *x, size_t cat, size_t s,
    const struct chart_point *pt)
{
	const struct chart *c = x->c;

	BUF_LIT(b, "<title>");
	esc_xmls(b, c->cats[cat]);
	if (c->series[s].label != NULL && *c->series[s].label != '\0' &&
	    c->nseries > 1) {
		BUF_LIT(b, ", ");
		esc_xmls(b, c->series[s].label);
	}
	BUF_LIT(b, ": ");
	if (pt->suppressed)
		esc_xmls(b, c->suppressed_label);
	else if (pt->nodata)
		esc_xmls(b, c->nodata_label);
	else {
		struct buf v = { 0 };

		fmt_point(&v, c, pt);
		esc_xml(b, v.data, v.len);
		buf_free(&v);
	}
	BUF_LIT(b, "</title>");
}

/*
 * A bar, a segment or a stub: rect (x, y, w, h) for point pt of
 * category cat, series s.  Suppressed points are hatched in the
 * series colour and outlined.
 */
static void
put_mark(struct ctx *x, double rx, double ry, double rw, double rh,
    size_t cat, size_t s, const struct chart_point *pt, int outline)
{
	struct buf	*b = x->b;

	put_fmt(b, "<rect x=\"%N\" y=\"%N\" width=\"%N\" height=\"%N\"",
	    rx, ry, rw, rh);
	if (pt->suppressed) {
		BUF_LIT(b, " fill=\"url(#");
		esc_xmls(b, x->c->id);
		put_fmt(b, "-h%d)\" stroke=\"%s\" stroke-width=\"1\""
		    " data-suppressed=\"1\"", (int)s, palette[s]);
	} else {
		put_fmt(b, " fill=\"%s\"", palette[s]);
		if (outline)
			BUF_LIT(b, " stroke=\"#ffffff\" stroke-width=\"1\"");
		put_data_value(b, pt->v);
	}
	buf_putc(b, '>');
	put_tip(b, x, cat, s, pt);
	BUF_LIT(b, "</rect>\n");
}

/* The number of decimals a tick step needs (0.5 -> 1, 0.05 -> 2). */
static int
step_decimals(double step)
{
	int	 d = 0;

	while (d < 6 && fabs(step - llround(step)) > step * 1e-6) {
		step *= 10;
		d++;
	}
	return d;
}

/* m x 10^e without the drift of m * pow(10, -e). */
static double
scaled(double m, int e)
{
	return e >= 0 ? m * pow(10, e) : m / pow(10, -e);
}

/*
 * Choose round ticks (1, 2, 5 x 10^n, at most 6 intervals, no finer
 * than the value labels' decimals) from 0 to at least vmax over len
 * pixels.  A horizontal axis needs room for each tick label between
 * ticks, a vertical one a line of text.
 */
static void
axis_ticks(struct axis *ax, double vmax, int decimals, double len,
    int horiz)
{
	static const double m[] = { 1, 2, 5 };
	double		 minstep = scaled(1, -decimals), step, need;
	struct buf	 t = { 0 };
	int		 e, j, n;

	if (vmax < minstep)
		vmax = 5 * minstep;	/* nothing drawn: a plain 0..5 */
	for (e = (int)floor(log10(vmax / 6)) - 1;; e++) {
		for (j = 0; j < 3; j++) {
			step = scaled(m[j], e);
			if (step < minstep * (1 - 1e-9))
				continue;
			n = (int)ceil(vmax / step - 1e-9);
			if (n > 6)
				continue;
			ax->step = step;
			ax->n = n < 1 ? 1 : n;
			ax->max = scaled(m[j] * ax->n, e);
			ax->ndec = step_decimals(step);
			if (horiz) {
				buf_reset(&t);
				fmt_dec(&t, ax->max, ax->ndec);
				need = textw(t.data, t.len, FS) + 14;
			} else
				need = LH + 6;
			if (len / ax->n >= need || ax->n == 1) {
				buf_free(&t);
				ax->len = len;
				ax->k = len / ax->max;
				return;
			}
		}
	}
}

/*
 * Choose the longest axis (at most len pixels) on which every bar, its
 * stubs and end label fit in len: sums[i] is a bar's value, extra[i]
 * the pixels it needs beyond its end.  A horizontal axis also leaves
 * room for half its last tick label, which stays centred on its tick.
 * The axis never shrinks below 40 % of len (a label as long as the
 * plot is not worth a flat chart).
 */
static void
axis_fit(struct axis *ax, const double *sums, const double *extra,
    size_t n, double len, int decimals, int horiz)
{
	struct buf t = { 0 };
	double	 vmax = 0, a = len, need, lim;
	size_t	 i;
	int	 iter;

	for (i = 0; i < n; i++)
		if (sums[i] > vmax)
			vmax = sums[i];
	for (iter = 0; iter < 8; iter++) {
		axis_ticks(ax, vmax, decimals, a, horiz);
		need = a;
		if (horiz) {
			buf_reset(&t);
			fmt_dec(&t, ax->max, ax->ndec);
			need = len - textw(t.data, t.len, FS) / 2;
			if (need > a)
				need = a;
		}
		for (i = 0; i < n; i++) {
			if (sums[i] <= 0)
				continue;
			lim = (len - extra[i]) * ax->max / sums[i];
			if (lim < need)
				need = lim;
		}
		if (need < len * 0.4)
			need = len * 0.4;
		if (need >= a - 0.01)
			break;
		a = need;
	}
	axis_ticks(ax, vmax, decimals, a, horiz);
	buf_free(&t);
}

/* A tick value i. */
static double
tick_value(const struct axis *ax, int i)
{
	return ax->max * i / ax->n;
}

/*
 * Sum up category cat over series [s0, s1) and make its end label:
 * the drawn total; where a part is hidden, every part that is not zero
 * in legend order ("<8 + 120", never "0 + <8"), or past three parts
 * the drawn total then the hidden parts; "—" when nothing at all is
 * known.
 */
static void
stack_make(struct stack *st, const struct chart *c, size_t cat, size_t s0,
    size_t s1)
{
	const struct chart_point *pt;
	size_t	 s;

	memset(st, 0, sizeof(*st));
	for (s = s0; s < s1; s++) {
		pt = &c->series[s].v[cat];
		if (pt->suppressed)
			st->nsupp++;
		else if (!pt->nodata) {
			st->ndrawn++;
			st->sum += pt->v;
			if (pt->rounded)
				st->nround++;
		}
	}
	if (st->nsupp == 0) {
		if (st->nround > 0 && c->rounded_label != NULL)
			buf_puts(&st->label, c->rounded_label);
		if (st->ndrawn > 0)
			fmt_value(&st->label, c, st->sum);
	} else if (s1 - s0 > 3) {
		/* Too many parts to list: the drawn total, if not 0,
		 * then the hidden ones. */
		if (st->sum > 0) {
			if (st->nround > 0 && c->rounded_label != NULL)
				buf_puts(&st->label, c->rounded_label);
			fmt_value(&st->label, c, st->sum);
		}
		for (s = 0; s < (size_t)st->nsupp; s++) {
			if (st->label.len > 0)
				BUF_LIT(&st->label, " + ");
			buf_puts(&st->label, c->suppressed_label);
		}
	} else {
		/* The parts in legend order, zeros left out. */
		for (s = s0; s < s1; s++) {
			pt = &c->series[s].v[cat];
			if (pt->nodata || (!pt->suppressed && pt->v == 0))
				continue;
			if (st->label.len > 0)
				BUF_LIT(&st->label, " + ");
			if (pt->suppressed)
				buf_puts(&st->label, c->suppressed_label);
			else
				fmt_point(&st->label, c, pt);
		}
	}
	if (st->label.len == 0)
		buf_puts(&st->label, "\xe2\x80\x94");
	st->labelw = textw(st->label.data, st->label.len, FS);
}

static void
stacks_free(struct stack *st, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		buf_free(&st[i].label);
	free(st);
}

/*
 * A legend entry: a colour, the hatching of suppressed values, a
 * missing tile, or the dash that stands for a missing bar.
 */
enum swatch { SW_FILL, SW_HATCH, SW_NODATA, SW_DASH, SW_SYMBOL };
struct litem {
	enum swatch sw;
	const char *fill;	/* SW_FILL */
	const char *text;
};

/* The swatch of a legend entry with its top left corner at (sx, sy). */
static void
put_swatch(struct ctx *x, double sx, double sy, const struct litem *it)
{
	struct buf	*b = x->b;

	switch (it->sw) {
	case SW_FILL:
		put_fmt(b, "<rect x=\"%N\" y=\"%N\" width=\"%d\" height=\"%d\""
		    " fill=\"%s\"/>\n", sx, sy, SWATCH, SWATCH, it->fill);
		break;
	case SW_HATCH:
		put_fmt(b, "<rect x=\"%N\" y=\"%N\" width=\"%d\" height=\"%d\""
		    " fill=\"url(#", sx, sy, SWATCH, SWATCH);
		esc_xmls(b, x->c->id);
		put_fmt(b, "-hn)\" stroke=\"%s\" stroke-width=\"1\"/>\n",
		    C_HATCH);
		break;
	case SW_NODATA:
		put_fmt(b, "<rect x=\"%N\" y=\"%N\" width=\"%d\" height=\"%d\""
		    " fill=\"%s\" stroke=\"%s\" stroke-width=\"1\""
		    " stroke-dasharray=\"3 2\"/>\n", sx + 0.5, sy + 0.5,
		    SWATCH - 1, SWATCH - 1, C_NONE, C_HATCH);
		break;
	case SW_DASH:
		put_text(b, sx + SWATCH / 2.0, sy + 12, "middle", NULL,
		    "\xe2\x80\x94", 3);
		break;
	case SW_SYMBOL:
		put_text(b, sx + SWATCH / 2.0, sy + 12, "middle", NULL,
		    x->c->rounded_label, strlen(x->c->rounded_label));
		break;
	}
}

/*
 * Append the legend entries of the marks a chart drew: suppressed
 * values (hatched) and, where there are any, places without data (drawn
 * as nodata).  Returns the new number of entries.
 */
static size_t
legend_marks(const struct ctx *x, const struct chart *c, struct litem *it,
    size_t n, enum swatch nodata)
{
	if (x->nsupp > 0) {
		it[n].sw = SW_HATCH;
		it[n].fill = NULL;
		it[n++].text = c->suppressed_legend;
	}
	if (x->nnodata > 0) {
		it[n].sw = nodata;
		it[n].fill = NULL;
		it[n++].text = c->nodata_label;
	}
	if (x->nround > 0 && c->rounded_label != NULL) {
		it[n].sw = SW_SYMBOL;
		it[n].fill = NULL;
		it[n++].text = c->rounded_legend;
	}
	return n;
}

/*
 * Lay out legend entries left to right from (x0, y), the top of the
 * first line, wrapping within x1; an entry too long for a line wraps
 * its text.  Returns the y under the legend.
 */
static double
draw_legend(struct ctx *x, double x0, double x1, double y,
    const struct litem *it, size_t n)
{
	struct lines	 l;
	double		 cx = x0, w, lineh = LH + 4;
	size_t		 i;

	if (n == 0)
		return y;
	for (i = 0; i < n; i++) {
		w = SWATCH + 6 + textws(it[i].text, FS);
		if (cx > x0 && cx + w > x1) {
			cx = x0;
			y += lineh;
		}
		wrap(&l, it[i].text, x1 - cx - SWATCH - 6, FS);
		put_swatch(x, cx, y + 2, &it[i]);
		put_lines(x->b, cx + SWATCH + 6, y + 14, "start", NULL, &l, LH);
		if (l.n > 1) {
			y += lineh + (l.n - 1) * LH;
			cx = x0;
		} else
			cx += w + 18;
		lines_free(&l);
	}
	if (cx > x0)
		y += lineh;
	return y + 4;
}

/*
 * The legend of a bar or column chart: the series (when there is more
 * than one), the suppressed and no-data marks when the chart has any.
 */
static double
series_legend(struct ctx *x, double y, int with_series)
{
	const struct chart *c = x->c;
	struct litem	 it[NPAL + 3];
	size_t		 n = 0, s;

	if (with_series && c->nseries > 1)
		for (s = 0; s < c->nseries; s++) {
			it[n].sw = SW_FILL;
			it[n].fill = palette[s];
			it[n++].text = c->series[s].label;
		}
	n = legend_marks(x, c, it, n, SW_DASH);
	return draw_legend(x, PAD, x->w - PAD, y, it, n);
}

/* The unit as a caption over the value axis; returns the y under it. */
static double
draw_unit(struct ctx *x, double ux, double y, const char *anchor)
{
	struct lines	 l;

	if (x->c->unit == NULL || *x->c->unit == '\0')
		return y;
	/* From ux to the right edge when it starts there. */
	wrap(&l, x->c->unit, strcmp(anchor, "start") == 0 ? x->w - PAD - ux :
	    x->w - 2 * PAD, FS);
	put_lines(x->b, ux, y + 14, anchor, "fill=\"" C_MUTED "\"", &l, LH);
	y += l.n * LH + 4;
	lines_free(&l);
	return y;
}

/* Column labels rotated to read upwards, hanging below y. */
static void
put_vlines(struct buf *b, double cx, double y, const char *anchor,
    const struct lines *l)
{
	size_t	 i;
	double	 off;

	put_fmt(b, "<text transform=\"rotate(-90 %N %N)\" text-anchor=\"%s\">",
	    cx, y, anchor);
	for (i = 0; i < l->n; i++) {
		off = 0.35 * FS + LH * ((double)i - (double)(l->n - 1) / 2);
		put_fmt(b, "<tspan x=\"%N\" y=\"%N\">", cx, y + off);
		esc_label(b, l->v[i].s, l->v[i].len, l->v[i].hyph);
		BUF_LIT(b, "</tspan>");
	}
	BUF_LIT(b, "</text>\n");
}

/*
 * Stacked columns: a value axis on the left, categories along the
 * bottom (their labels wrapped under each column, or turned upright
 * when the columns are too narrow), the total over each column.
 */
static double
draw_columns(struct ctx *x, double y)
{
	const struct chart *c = x->c;
	struct buf	*b = x->b, t = { 0 };
	struct stack	*st;
	struct lines	*cl;
	struct axis	 ax;
	double		*sums, *extra, x0, x1, slot, colw, vmax = 0, top, bot;
	double		 cx, yy, h, lw, maxlw = 0, labh;
	size_t		 i, s, maxlines;
	int		 upright = 0, vtotals = 0;
	const struct chart_point *pt;

	st = xcalloc(c->ncats, sizeof(*st));
	cl = xcalloc(c->ncats, sizeof(*cl));
	sums = xcalloc(c->ncats, sizeof(*sums));
	extra = xcalloc(c->ncats, sizeof(*extra));
	for (i = 0; i < c->ncats; i++) {
		stack_make(&st[i], c, i, 0, c->nseries);
		if (st[i].sum > vmax)
			vmax = st[i].sum;
	}

	y = series_legend(x, y, 1);
	y = draw_unit(x, PAD, y, "start");

	/*
	 * Room for the widest tick label, the top one, whatever length
	 * axis_fit chooses; then a slot of at least a line per column,
	 * widening the chart if there are very many.
	 */
	x0 = 0;
	for (lw = PLOTH; lw >= PLOTH * 0.4 - 1; lw -= PLOTH * 0.1) {
		axis_ticks(&ax, vmax, c->decimals, lw, 0);
		buf_reset(&t);
		fmt_dec(&t, ax.max, ax.ndec);
		if (textw(t.data, t.len, FS) > x0)
			x0 = textw(t.data, t.len, FS);
	}
	x0 += PAD + 8;
	if (x0 + c->ncats * (LH + 4) + PAD > x->w)
		x->w = ceil(x0 + c->ncats * (LH + 4) + PAD);
	x1 = x->w - PAD;
	slot = (x1 - x0) / c->ncats;
	colw = slot * 0.64 > 72 ? 72 : slot * 0.64;

	/* Category labels: wrapped across, else upright. */
	for (i = 0; i < c->ncats && !upright; i++) {
		wrap(&cl[i], c->cats[i], slot - 6, FS);
		if (cl[i].cut || cl[i].n > 3)
			upright = 1;
	}
	if (upright) {
		maxlines = (size_t)(slot / LH) < 1 ? 1 : (size_t)(slot / LH);
		for (i = 0; i < c->ncats; i++) {
			lines_free(&cl[i]);
			lw = textws(c->cats[i], FS) / maxlines;
			if (lw < 160)
				lw = 160;
			for (;;) {
				wrap(&cl[i], c->cats[i], lw, FS);
				if (cl[i].n <= maxlines)
					break;
				lines_free(&cl[i]);
				lw *= 1.2;
			}
		}
	}
	for (i = 0; i < c->ncats; i++) {
		if (cl[i].w > maxlw)
			maxlw = cl[i].w;
		if (st[i].labelw > slot - 2)
			vtotals = 1;
	}
	for (i = 0; i < c->ncats; i++) {
		sums[i] = st[i].sum;
		extra[i] = st[i].nsupp * STUB + GAP +
		    (vtotals ? st[i].labelw + 2 : LH);
	}
	axis_fit(&ax, sums, extra, c->ncats, PLOTH, c->decimals, 0);

	top = y + 8;
	bot = top + PLOTH;

	/* Gridlines and tick labels. */
	BUF_LIT(b, "<g shape-rendering=\"crispEdges\">\n");
	for (i = 1; i <= (size_t)ax.n; i++) {
		yy = bot - ax.k * tick_value(&ax, (int)i);
		put_fmt(b, "<line x1=\"%N\" y1=\"%N\" x2=\"%N\" y2=\"%N\""
		    " stroke=\"%s\" stroke-width=\"1\"/>\n", x0, yy, x1, yy,
		    C_GRID);
	}
	BUF_LIT(b, "</g>\n<g fill=\"" C_MUTED "\">\n");
	for (i = 0; i <= (size_t)ax.n; i++) {
		yy = bot - ax.k * tick_value(&ax, (int)i);
		buf_reset(&t);
		fmt_dec(&t, tick_value(&ax, (int)i), ax.ndec);
		put_text(b, x0 - 6, yy + 5, "end", NULL, t.data, t.len);
	}
	BUF_LIT(b, "</g>\n");

	/* The stacks: drawn values from the axis up, then the stubs. */
	for (i = 0; i < c->ncats; i++) {
		cx = x0 + slot * (i + 0.5);
		yy = bot;
		for (s = 0; s < c->nseries; s++) {
			pt = &c->series[s].v[i];
			if (pt->suppressed || pt->nodata)
				continue;
			h = pt->v * ax.k;
			put_mark(x, cx - colw / 2, yy - h, colw, h, i, s, pt,
			    c->nseries > 1);
			if (c->nseries > 1) {
				buf_reset(&t);
				fmt_point(&t, c, pt);
				if (h >= LH + 2 &&
				    textw(t.data, t.len, FS) <= colw - 4)
					put_text(b, cx, yy - h / 2 + 5,
					    "middle", inside_attrs(palette[s]),
					    t.data, t.len);
			}
			yy -= h;
		}
		for (s = 0; s < c->nseries; s++) {
			pt = &c->series[s].v[i];
			if (!pt->suppressed)
				continue;
			put_mark(x, cx - colw / 2, yy - STUB, colw, STUB, i, s,
			    pt, 0);
			yy -= STUB;
		}
		if (vtotals) {
			put_fmt(b, "<text transform=\"rotate(-90 %N %N)\""
			    " x=\"%N\" y=\"%N\">", cx, yy - GAP, cx,
			    yy - GAP + 0.35 * FS);
			esc_xml(b, st[i].label.data, st[i].label.len);
			BUF_LIT(b, "</text>\n");
		} else
			put_text(b, cx, yy - GAP, "middle", NULL,
			    st[i].label.data, st[i].label.len);
	}

	/* The zero line and the category labels. */
	put_fmt(b, "<line x1=\"%N\" y1=\"%N\" x2=\"%N\" y2=\"%N\" stroke=\"%s\""
	    " stroke-width=\"1.5\" shape-rendering=\"crispEdges\"/>\n",
	    x0, bot, x1, bot, C_AXIS);
	for (i = 0; i < c->ncats; i++) {
		cx = x0 + slot * (i + 0.5);
		if (upright)
			put_vlines(b, cx, bot + 8, "end", &cl[i]);
		else
			put_lines(b, cx, bot + 8 + 14, "middle", NULL, &cl[i],
			    LH);
	}
	/* The labels' extent under the axis. */
	if (upright)
		labh = maxlw;
	else
		for (labh = 0, i = 0; i < c->ncats; i++)
			if (cl[i].n * LH > labh)
				labh = cl[i].n * LH;
	for (i = 0; i < c->ncats; i++)
		lines_free(&cl[i]);
	free(cl);
	free(sums);
	free(extra);
	stacks_free(st, c->ncats);
	buf_free(&t);
	return bot + 8 + labh;
}

/*
 * Stacked horizontal bars: wrapped category labels on the left, the
 * value axis along the top, the total at the end of each bar.
 */
static double
draw_bars(struct ctx *x, double y)
{
	const struct chart *c = x->c;
	struct buf	*b = x->b, t = { 0 };
	struct stack	*st;
	struct lines	*cl;
	struct axis	 ax;
	double		*sums, *extra, *rowh, x0, x1, lw = 0, top, bot;
	double		 xx, yy, w, mid, tx, tw;
	size_t		 i, s;
	const struct chart_point *pt;

	st = xcalloc(c->ncats, sizeof(*st));
	cl = xcalloc(c->ncats, sizeof(*cl));
	sums = xcalloc(c->ncats, sizeof(*sums));
	extra = xcalloc(c->ncats, sizeof(*extra));
	rowh = xcalloc(c->ncats, sizeof(*rowh));
	for (i = 0; i < c->ncats; i++) {
		stack_make(&st[i], c, i, 0, c->nseries);
		wrap(&cl[i], c->cats[i], x->w * 0.42, FS);
		if (cl[i].w > lw)
			lw = cl[i].w;
		sums[i] = st[i].sum;
		extra[i] = st[i].nsupp * STUB + GAP + st[i].labelw + 2;
		rowh[i] = (cl[i].n * LH > BARH ? cl[i].n * LH : BARH) + 10;
	}
	x0 = PAD + lw + 10;
	x1 = x->w - PAD;
	axis_fit(&ax, sums, extra, c->ncats, x1 - x0, c->decimals, 1);

	y = series_legend(x, y, 1);
	y = draw_unit(x, x0, y + 4, "start");

	/* Tick labels over the plot, gridlines through it. */
	BUF_LIT(b, "<g fill=\"" C_MUTED "\">\n");
	for (i = 0; i <= (size_t)ax.n; i++) {
		buf_reset(&t);
		fmt_dec(&t, tick_value(&ax, (int)i), ax.ndec);
		xx = x0 + ax.k * tick_value(&ax, (int)i);
		put_text(b, xx, y + 14, i == 0 ? "start" : fit_anchor(xx,
		    textw(t.data, t.len, FS), PAD, x->w - PAD), NULL,
		    t.data, t.len);
	}
	BUF_LIT(b, "</g>\n");
	top = y + LH + 4;
	for (bot = top, i = 0; i < c->ncats; i++)
		bot += rowh[i];
	BUF_LIT(b, "<g shape-rendering=\"crispEdges\">\n");
	for (i = 1; i <= (size_t)ax.n; i++) {
		xx = x0 + ax.k * tick_value(&ax, (int)i);
		put_fmt(b, "<line x1=\"%N\" y1=\"%N\" x2=\"%N\" y2=\"%N\""
		    " stroke=\"%s\" stroke-width=\"1\"/>\n", xx, top - 4, xx,
		    bot, C_GRID);
	}
	BUF_LIT(b, "</g>\n");

	for (yy = top, i = 0; i < c->ncats; yy += rowh[i], i++) {
		mid = yy + rowh[i] / 2;
		put_lines(b, x0 - 10, mid - (cl[i].n - 1) * LH / 2.0 + 5,
		    "end", NULL, &cl[i], LH);
		xx = x0;
		for (s = 0; s < c->nseries; s++) {
			pt = &c->series[s].v[i];
			if (pt->suppressed || pt->nodata)
				continue;
			w = pt->v * ax.k;
			put_mark(x, xx, mid - BARH / 2.0, w, BARH, i, s, pt,
			    c->nseries > 1);
			if (c->nseries > 1) {
				buf_reset(&t);
				fmt_point(&t, c, pt);
				tw = textw(t.data, t.len, FS);
				if (tw + 8 <= w)
					put_text(b, xx + w / 2, mid + 5,
					    "middle", inside_attrs(palette[s]),
					    t.data, t.len);
			}
			xx += w;
		}
		for (s = 0; s < c->nseries; s++) {
			pt = &c->series[s].v[i];
			if (!pt->suppressed)
				continue;
			put_mark(x, xx, mid - BARH / 2.0, STUB, BARH, i, s, pt,
			    0);
			xx += STUB;
		}
		tx = xx + GAP;
		put_text(b, tx, mid + 5, "start", NULL, st[i].label.data,
		    st[i].label.len);
	}
	put_fmt(b, "<line x1=\"%N\" y1=\"%N\" x2=\"%N\" y2=\"%N\" stroke=\"%s\""
	    " stroke-width=\"1.5\" shape-rendering=\"crispEdges\"/>\n",
	    x0, top - 4, x0, bot, C_AXIS);

	for (i = 0; i < c->ncats; i++)
		lines_free(&cl[i]);
	free(cl);
	free(sums);
	free(extra);
	free(rowh);
	stacks_free(st, c->ncats);
	buf_free(&t);
	return bot + 4;
}

/*
 * A population pyramid: age bands in a middle column, youngest at the
 * bottom, series[0] growing to the left and series[1] to the right on
 * one symmetric scale, the value at the end of each bar.
 */
static double
draw_pyramid(struct ctx *x, double y)
{
	const struct chart *c = x->c;
	struct buf	*b = x->b, t = { 0 };
	struct stack	*st;
	struct lines	*cl, hl[2];
	struct axis	 ax;
	double		*sums, *extra, *rowh, gw = 0, half, gx0, gx1, top, bot;
	double		 yy, mid, w, xx, lx, dir, hh, tw;
	size_t		 i, r, side, n2 = 2 * c->ncats;
	const struct chart_point *pt;

	st = xcalloc(n2, sizeof(*st));
	cl = xcalloc(c->ncats, sizeof(*cl));
	sums = xcalloc(n2, sizeof(*sums));
	extra = xcalloc(n2, sizeof(*extra));
	rowh = xcalloc(c->ncats, sizeof(*rowh));
	for (i = 0; i < c->ncats; i++) {
		wrap(&cl[i], c->cats[i], 140, FS);
		if (cl[i].w > gw)
			gw = cl[i].w;
		rowh[i] = (cl[i].n * LH > PYRH ? cl[i].n * LH : PYRH) + 6;
		for (side = 0; side < 2; side++) {
			r = side * c->ncats + i;
			stack_make(&st[r], c, i, side, side + 1);
			sums[r] = st[r].sum;
			extra[r] = st[r].nsupp * STUB + GAP + st[r].labelw + 2;
		}
	}
	gw += 20;
	if (gw < 48)
		gw = 48;
	half = (x->w - 2 * PAD - gw) / 2;
	gx0 = PAD + half;
	gx1 = gx0 + gw;
	axis_fit(&ax, sums, extra, n2, half, c->decimals, 1);

	y = series_legend(x, y, 0);

	/* The halves' titles, each with its colour, near the middle. */
	for (side = 0; side < 2; side++)
		wrap(&hl[side], c->series[side].label, half - SWATCH - 12, FS);
	hh = (hl[0].n > hl[1].n ? hl[0].n : hl[1].n) * LH;
	put_fmt(b, "<rect x=\"%N\" y=\"%N\" width=\"%d\" height=\"%d\""
	    " fill=\"%s\"/>\n", gx0 - 4 - SWATCH, y + 2, SWATCH, SWATCH,
	    palette[0]);
	put_lines(b, gx0 - SWATCH - 10, y + 14, "end", "font-weight=\"bold\"",
	    &hl[0], LH);
	put_fmt(b, "<rect x=\"%N\" y=\"%N\" width=\"%d\" height=\"%d\""
	    " fill=\"%s\"/>\n", gx1 + 4, y + 2, SWATCH, SWATCH, palette[1]);
	put_lines(b, gx1 + SWATCH + 10, y + 14, "start", "font-weight=\"bold\"",
	    &hl[1], LH);
	lines_free(&hl[0]);
	lines_free(&hl[1]);
	top = y + hh + 8;
	for (bot = top, i = 0; i < c->ncats; i++)
		bot += rowh[i];

	/* Gridlines on both halves. */
	BUF_LIT(b, "<g shape-rendering=\"crispEdges\">\n");
	for (i = 1; i <= (size_t)ax.n; i++) {
		w = ax.k * tick_value(&ax, (int)i);
		put_fmt(b, "<line x1=\"%N\" y1=\"%N\" x2=\"%N\" y2=\"%N\""
		    " stroke=\"%s\" stroke-width=\"1\"/>\n", gx0 - w, top,
		    gx0 - w, bot + 4, C_GRID);
		put_fmt(b, "<line x1=\"%N\" y1=\"%N\" x2=\"%N\" y2=\"%N\""
		    " stroke=\"%s\" stroke-width=\"1\"/>\n", gx1 + w, top,
		    gx1 + w, bot + 4, C_GRID);
	}
	BUF_LIT(b, "</g>\n");

	/* Rows from the oldest band at the top to the youngest. */
	for (yy = top, r = 0; r < c->ncats; r++) {
		i = c->ncats - 1 - r;
		mid = yy + rowh[i] / 2;
		put_lines(b, (gx0 + gx1) / 2,
		    mid - (cl[i].n - 1) * LH / 2.0 + 5, "middle", NULL,
		    &cl[i], LH);
		for (side = 0; side < 2; side++) {
			pt = &c->series[side].v[i];
			dir = side == 0 ? -1 : 1;
			xx = side == 0 ? gx0 : gx1;
			w = 0;
			if (pt->suppressed)
				w = STUB;
			else if (!pt->nodata)
				w = pt->v * ax.k;
			if (!pt->nodata)
				put_mark(x, side == 0 ? xx - w : xx,
				    mid - PYRH / 2.0, w, PYRH, i, side, pt, 0);
			lx = xx + dir * (w + GAP);
			put_text(b, lx, mid + 5, side == 0 ? "end" : "start",
			    NULL, st[side * c->ncats + i].label.data,
			    st[side * c->ncats + i].label.len);
		}
		yy += rowh[i];
	}

	/* Zero lines, ticks mirrored on both halves, the unit. */
	put_fmt(b, "<g stroke=\"%s\" stroke-width=\"1.5\""
	    " shape-rendering=\"crispEdges\">\n", C_AXIS);
	put_fmt(b, "<line x1=\"%N\" y1=\"%N\" x2=\"%N\" y2=\"%N\"/>\n",
	    gx0, top, gx0, bot + 4);
	put_fmt(b, "<line x1=\"%N\" y1=\"%N\" x2=\"%N\" y2=\"%N\"/>\n",
	    gx1, top, gx1, bot + 4);
	BUF_LIT(b, "</g>\n<g fill=\"" C_MUTED "\">\n");
	for (i = 0; i <= (size_t)ax.n; i++) {
		buf_reset(&t);
		fmt_dec(&t, tick_value(&ax, (int)i), ax.ndec);
		w = ax.k * tick_value(&ax, (int)i);
		tw = textw(t.data, t.len, FS);
		put_text(b, gx0 - w, bot + 4 + 16, i == 0 ? "end" :
		    fit_anchor(gx0 - w, tw, PAD, x->w), NULL, t.data, t.len);
		put_text(b, gx1 + w, bot + 4 + 16, i == 0 ? "start" :
		    fit_anchor(gx1 + w, tw, 0, x->w - PAD), NULL, t.data,
		    t.len);
	}
	BUF_LIT(b, "</g>\n");
	y = draw_unit(x, (gx0 + gx1) / 2, bot + 4 + LH + 4, "middle");

	for (i = 0; i < c->ncats; i++)
		lines_free(&cl[i]);
	free(cl);
	free(sums);
	free(extra);
	free(rowh);
	stacks_free(st, n2);
	buf_free(&t);
	return y;
}

/*
 * Bins for the map: round steps (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^n, no
 * finer than the labels' decimals) so that at most 6 bins cover vmax.
 * Returns the number of bins; *stepp the width of each.
 */
static int
map_bins(double vmax, int decimals, double *stepp)
{
	static const double m[] = { 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 };
	double	 minstep = scaled(1, -decimals), step;
	int	 e, j, n;

	if (vmax <= 0) {
		*stepp = minstep;
		return 1;
	}
	for (e = (int)floor(log10(vmax / 6)) - 1;; e++)
		for (j = 0; j < 9; j++) {
			step = scaled(m[j], e);
			if (step < minstep * (1 - 1e-9) ||
			    step_decimals(step) > decimals)
				continue;
			n = (int)ceil(vmax / step - 1e-9);
			if (n <= 6) {
				*stepp = step;
				return n < 1 ? 1 : n;
			}
		}
}

static const struct region *
region_find(const char *code)
{
	size_t	 i;

	for (i = 0; i < NREGIONS; i++)
		if (strcmp(regions[i].code, code) == 0)
			return &regions[i];
	return NULL;
}

/*
 * The tile map: one tile per region in a 7 x 5 grid, each with its
 * short label and value, shaded by bins of round width; suppressed
 * tiles hatched, tiles without data dashed; the bins' legend under it.
 */
static double
draw_tilemap(struct ctx *x, double y)
{
	const struct chart *c = x->c;
	struct buf	*b = x->b, t = { 0 };
	struct lines	 l[NREGIONS];
	const struct chart_point *pt;
	const struct chart_point nodata = { 0, 0, 1, 0 };
	const char	*fill, *fg, *label;
	double		 tile, tileh, gap = 4, vmax = 0, step, tx, ty;
	double		 bw, lw, vw, sx;
	char		 attrs[128];
	int		 stagger;
	size_t		 cat[NREGIONS], i, j, maxl = 1;
	int		 nbins, bin, ri;
	struct litem	 it[3];

	for (i = 0; i < c->ncats; i++) {
		pt = &c->series[0].v[i];
		if (!pt->suppressed && !pt->nodata && pt->v > vmax)
			vmax = pt->v;
	}
	nbins = map_bins(vmax, c->decimals, &step);
	tile = (x->w - 2 * PAD - (MAPCOLS - 1) * gap) / MAPCOLS;

	for (i = 0; i < NREGIONS; i++) {
		cat[i] = c->ncats;
		for (j = 0; j < c->ncats; j++)
			if (strcmp(c->codes[j], regions[i].code) == 0)
				cat[i] = j;
		if (cat[i] < c->ncats && c->short_labels != NULL)
			label = c->short_labels[cat[i]];
		else
			label = regions[i].abbr[c->lang];
		wrap(&l[i], label, tile - 8, FS);
		if (l[i].n > maxl)
			maxl = l[i].n;
	}
	tileh = maxl * LH + 40;

	for (i = 0; i < NREGIONS; i++) {
		tx = PAD + regions[i].col * (tile + gap);
		ty = y + regions[i].row * (tileh + gap);
		pt = cat[i] < c->ncats ? &c->series[0].v[cat[i]] : &nodata;
		BUF_LIT(b, "<g>\n");
		put_fmt(b, "<rect x=\"%N\" y=\"%N\" width=\"%N\" height=\"%N\""
		    " rx=\"3\"", tx, ty, tile, tileh);
		bin = -1;
		if (pt->suppressed) {
			BUF_LIT(b, " fill=\"url(#");
			esc_xmls(b, c->id);
			put_fmt(b, "-hn)\" stroke=\"%s\" stroke-width=\"1\""
			    " data-suppressed=\"1\"", C_HATCH);
			fg = C_TEXT;
		} else if (pt->nodata) {
			put_fmt(b, " fill=\"%s\" stroke=\"%s\""
			    " stroke-width=\"1\" stroke-dasharray=\"4 3\""
			    " data-nodata=\"1\"", C_NONE, C_HATCH);
			fg = C_TEXT;
		} else {
			bin = (int)floor(pt->v / step + 1e-9);
			if (bin >= nbins)
				bin = nbins - 1;
			ri = nbins == 1 ? 1 :
			    (int)lround(bin * (NRAMP - 1.0) / (nbins - 1));
			fill = ramp[ri];
			fg = ink(fill);
			put_fmt(b, " fill=\"%s\" data-bin=\"%d\"", fill, bin);
			put_data_value(b, pt->v);
		}
		put_fmt(b, " data-region=\"%s\">", regions[i].code);
		BUF_LIT(b, "<title>");
		if (cat[i] < c->ncats)
			esc_xmls(b, c->cats[cat[i]]);
		else
			esc_label(b, regions[i].abbr[c->lang],
			    strlen(regions[i].abbr[c->lang]), 0);
		BUF_LIT(b, ": ");
		buf_reset(&t);
		if (pt->suppressed)
			buf_puts(&t, c->suppressed_label);
		else if (pt->nodata)
			buf_puts(&t, c->nodata_label);
		else
			fmt_point(&t, c, pt);
		esc_xml(b, t.data, t.len);
		BUF_LIT(b, "</title></rect>\n");

		/*
		 * Label and value.  On hatching, a white halo keeps them
		 * legible: the same text drawn first with a wide white
		 * stroke, then on top without one.
		 */
		{
			struct buf	 lab = { 0 };

			put_lines(&lab, tx + tile / 2, ty + 10 + 14, "middle",
			    NULL, &l[i], LH);
			buf_reset(&t);
			if (pt->suppressed)
				buf_puts(&t, c->suppressed_label);
			else if (pt->nodata)
				buf_puts(&t, "\xe2\x80\x94");
			else
				fmt_point(&t, c, pt);
			/* A number too wide for the tile is squeezed. */
			vw = textw(t.data, t.len, 17) * 1.1;
			if (vw > tile - 6)
				snprintf(attrs, sizeof(attrs),
				    "font-weight=\"bold\" font-size=\"17\""
				    " textLength=\"%d\""
				    " lengthAdjust=\"spacingAndGlyphs\"",
				    (int)(tile - 6));
			else
				snprintf(attrs, sizeof(attrs),
				    "font-weight=\"bold\" font-size=\"17\"");
			put_text(&lab, tx + tile / 2, ty + 10 + maxl * LH + 19,
			    "middle", attrs, t.data, t.len);
			if (pt->suppressed) {
				BUF_LIT(b, "<g class=\"halo\" fill=\"#ffffff\" "
				    "stroke=\"#ffffff\" stroke-width=\"4\" "
				    "stroke-linejoin=\"round\">\n");
				buf_put(b, lab.data, lab.len);
				BUF_LIT(b, "</g>\n");
			}
			put_fmt(b, "<g class=\"inside\" fill=\"%s\">\n", fg);
			buf_put(b, lab.data, lab.len);
			buf_free(&lab);
		}
		BUF_LIT(b, "</g>\n</g>\n");
	}
	y += MAPROWS * (tileh + gap) + 12;

	/*
	 * The bins: a strip of boxes with their bounds centred under the
	 * joints, on two staggered rows when they are too wide for one.
	 */
	y = draw_unit(x, PAD, y, "start");
	buf_reset(&t);
	fmt_dec(&t, step * nbins, step_decimals(step));
	lw = textw(t.data, t.len, FS);
	buf_reset(&t);
	fmt_dec(&t, 0, step_decimals(step));
	sx = PAD + textw(t.data, t.len, FS) / 2;
	bw = (x->w - sx - PAD - lw / 2) / nbins;
	if (bw > (x->w - 2 * PAD) / NRAMP)
		bw = (x->w - 2 * PAD) / NRAMP;
	stagger = bw < lw + 8;
	BUF_LIT(b, "<g class=\"bins\">\n");
	for (i = 0; i < (size_t)nbins; i++) {
		ri = nbins == 1 ? 1 :
		    (int)lround(i * (NRAMP - 1.0) / (nbins - 1));
		put_fmt(b, "<rect x=\"%N\" y=\"%N\" width=\"%N\" height=\"16\""
		    " fill=\"%s\"/>\n", sx + i * bw, y, bw, ramp[ri]);
	}
	for (i = 0; i <= (size_t)nbins; i++) {
		buf_reset(&t);
		fmt_dec(&t, step * i, step_decimals(step));
		put_text(b, sx + i * bw, y + 16 + 17 + (stagger && i % 2 ?
		    LH : 0), "middle", NULL, t.data, t.len);
	}
	BUF_LIT(b, "</g>\n");
	y += 16 + LH + 10 + (stagger ? LH : 0);
	j = legend_marks(x, c, it, 0, SW_NODATA);
	y = draw_legend(x, PAD, x->w - PAD, y, it, j);

	for (i = 0; i < NREGIONS; i++)
		lines_free(&l[i]);
	buf_free(&t);
	return y;
}

/* Whether the id can prefix element ids: [A-Za-z][A-Za-z0-9_-]{0,63}. */
static int
id_ok(const char *id)
{
	size_t	 i;

	if (id == NULL || !((*id >= 'a' && *id <= 'z') ||
	    (*id >= 'A' && *id <= 'Z')))
		return 0;
	for (i = 1; id[i] != '\0'; i++)
		if (i >= 64 || !((id[i] >= 'a' && id[i] <= 'z') ||
		    (id[i] >= 'A' && id[i] <= 'Z') ||
		    (id[i] >= '0' && id[i] <= '9') ||
		    id[i] == '-' || id[i] == '_'))
			return 0;
	return 1;
}

/*
 * Check the chart's contract and count its suppressed and missing
 * values into x.  Returns 0, or -1 with rs_err.
 */
static int
chart_check(struct ctx *x, const struct chart *c)
{
	const struct chart_point *pt;
	size_t	 i, j, s;

	if (!id_ok(c->id))
		return rs_err("chart: bad id '%s'", c->id ? c->id : "(null)");
	if ((unsigned)c->kind > CHART_TILEMAP)
		return rs_err("chart '%s': unknown kind %d", c->id, c->kind);
	if ((unsigned)c->lang >= LANG__MAX)
		return rs_err("chart '%s': unknown language", c->id);
	if (c->title == NULL || *c->title == '\0' || c->desc == NULL ||
	    *c->desc == '\0')
		return rs_err("chart '%s': no title or description", c->id);
	if (c->ncats == 0 || c->ncats > MAXCATS || c->cats == NULL)
		return rs_err("chart '%s': %zu categories (1 to %d)", c->id,
		    c->ncats, MAXCATS);
	for (i = 0; i < c->ncats; i++)
		if (c->cats[i] == NULL)
			return rs_err("chart '%s': category %zu has no label",
			    c->id, i);
	if (c->series == NULL || c->nseries == 0 || c->nseries > NPAL)
		return rs_err("chart '%s': %zu series (1 to %zu)", c->id,
		    c->nseries, NPAL);
	if (c->kind == CHART_PYRAMID && c->nseries != 2)
		return rs_err("chart '%s': a pyramid needs 2 series", c->id);
	if (c->kind == CHART_TILEMAP && c->nseries != 1)
		return rs_err("chart '%s': a tile map needs 1 series", c->id);
	if (c->decimals < 0 || c->decimals > 6)
		return rs_err("chart '%s': decimals %d (0 to 6)", c->id,
		    c->decimals);
	for (s = 0; s < c->nseries; s++) {
		if (c->series[s].v == NULL)
			return rs_err("chart '%s': series %zu has no values",
			    c->id, s);
		if (c->series[s].label == NULL && (c->nseries > 1 ||
		    c->kind == CHART_PYRAMID))
			return rs_err("chart '%s': series %zu has no label",
			    c->id, s);
		for (i = 0; i < c->ncats; i++) {
			pt = &c->series[s].v[i];
			if (pt->suppressed || pt->nodata) {
				if (pt->v != 0)
					return rs_err("chart '%s': a hidden "
					    "value carries a number", c->id);
				if (pt->suppressed)
					x->nsupp++;
				else
					x->nnodata++;
			} else if (!isfinite(pt->v) || pt->v < 0 ||
			    pt->v > MAXVAL / scaled(1, c->decimals))
				return rs_err("chart '%s': value out of "
				    "range in series %zu, category %zu",
				    c->id, s, i);
			else if (pt->rounded)
				x->nround++;
		}
	}
	if (c->kind == CHART_TILEMAP) {
		if (c->codes == NULL)
			return rs_err("chart '%s': a tile map needs region "
			    "codes", c->id);
		for (i = 0; i < c->ncats; i++) {
			if (c->codes[i] == NULL || region_find(c->codes[i]) ==
			    NULL)
				return rs_err("chart '%s': unknown region "
				    "'%s'", c->id, c->codes[i] ?
				    c->codes[i] : "(null)");
			for (j = 0; j < i; j++)
				if (strcmp(c->codes[i], c->codes[j]) == 0)
					return rs_err("chart '%s': region "
					    "'%s' twice", c->id, c->codes[i]);
			if (c->short_labels != NULL &&
			    c->short_labels[i] == NULL)
				return rs_err("chart '%s': region '%s' has "
				    "no short label", c->id, c->codes[i]);
		}
		x->nnodata += NREGIONS - c->ncats;
	}
	if (x->nsupp > 0 && (c->suppressed_label == NULL ||
	    c->suppressed_legend == NULL))
		return rs_err("chart '%s': suppressed values need "
		    "suppressed_label and suppressed_legend", c->id);
	if (x->nround > 0 && c->rounded_label != NULL &&
	    c->rounded_legend == NULL)
		return rs_err("chart '%s': rounded_label needs "
		    "rounded_legend", c->id);
	if (x->nnodata > 0 && c->nodata_label == NULL)
		return rs_err("chart '%s': missing values need nodata_label",
		    c->id);
	return 0;
}

/* The hatching patterns: one per series colour, one neutral. */
static void
put_patterns(struct buf *b, const struct chart *c)
{
	size_t	 s;

	BUF_LIT(b, "<defs>\n");
	for (s = 0; s <= c->nseries; s++) {
		BUF_LIT(b, "<pattern id=\"");
		esc_xmls(b, c->id);
		if (s < c->nseries)
			buf_printf(b, "-h%zu", s);
		else
			BUF_LIT(b, "-hn");
		put_fmt(b, "\" width=\"6\" height=\"6\""
		    " patternUnits=\"userSpaceOnUse\""
		    " patternTransform=\"rotate(45)\">"
		    "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
		    "<rect width=\"2.5\" height=\"6\" fill=\"%s\"/>"
		    "</pattern>\n",
		    s < c->nseries ? palette[s] : C_HATCH);
	}
	BUF_LIT(b, "</defs>\n");
}

int
chart_svg(struct buf *out, const struct chart *c)
{
	struct ctx	 x;
	struct buf	 body = { 0 };
	struct lines	 l;
	struct chart	 nc;
	double		 y = PAD;

	memset(&x, 0, sizeof(x));
	if (c == NULL)
		return rs_err("chart: no chart");
	if (chart_check(&x, c) == -1)
		return -1;
	x.w = c->kind == CHART_TILEMAP ? MAPW : CW;
	if (c->narrow) {
		/* Rows read on a phone; columns and tiles would not. */
		nc = *c;
		if (nc.kind == CHART_COLUMNS || nc.kind == CHART_TILEMAP) {
			/* A tile map's regions without data are no rows. */
			if (nc.kind == CHART_TILEMAP)
				x.nnodata -= NREGIONS - (int)c->ncats;
			nc.kind = CHART_BARS;
		}
		c = &nc;
		x.w = NARROW_W;
	}
	x.c = c;
	x.b = &body;

	if (c->show_title) {
		wrap(&l, c->title, x.w - 2 * PAD, TFS);
		put_lines(&body, PAD, y + 17, "start",
		    "font-size=\"18\" font-weight=\"bold\"", &l, 23);
		y += l.n * 23 + 8;
		lines_free(&l);
	}
	switch (c->kind) {
	case CHART_COLUMNS:
		y = draw_columns(&x, y);
		break;
	case CHART_BARS:
		y = draw_bars(&x, y);
		break;
	case CHART_PYRAMID:
		y = draw_pyramid(&x, y);
		break;
	case CHART_TILEMAP:
		y = draw_tilemap(&x, y);
		break;
	}
	if (c->note != NULL && *c->note != '\0') {
		wrap(&l, c->note, x.w - 2 * PAD, FS);
		put_lines(&body, PAD, y + 4 + 14, "start",
		    "fill=\"" C_MUTED "\"", &l, LH);
		y += 4 + l.n * LH;
		lines_free(&l);
	}
	y += PAD;

	put_fmt(out, "<svg xmlns=\"http://www.w3.org/2000/svg\""
	    " viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"",
	    (int)x.w, (int)ceil(y));
	esc_xmls(out, c->id);
	BUF_LIT(out, "-title ");
	esc_xmls(out, c->id);
	put_fmt(out, "-desc\" class=\"chart chart-%s\""
	    " font-family=\"" FONTS "\" font-size=\"%d\" fill=\"%s\">\n",
	    kind_names[c->kind], FS, C_TEXT);
	BUF_LIT(out, "<title id=\"");
	esc_xmls(out, c->id);
	BUF_LIT(out, "-title\">");
	esc_xmls(out, c->title);
	BUF_LIT(out, "</title>\n<desc id=\"");
	esc_xmls(out, c->id);
	BUF_LIT(out, "-desc\">");
	esc_xmls(out, c->desc);
	BUF_LIT(out, "</desc>\n");
	if (x.nsupp > 0)
		put_patterns(out, c);
	/* The colours, halos and separators assume a white ground. */
	put_fmt(out, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
	    (int)x.w, (int)ceil(y));
	buf_put(out, body.data, body.len);
	BUF_LIT(out, "</svg>\n");
	buf_free(&body);
	return 0;
}
