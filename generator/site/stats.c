/*
 * stats.c -- the aggregate picture of the registry: the statistics page
 * (trends over all quarters), a dashboard on each quarter page and one
 * chart on the home page.  Every number comes from protected counts
 * (privacy.c agg_count), computed once per build (b->aggs, which
 * the build owns) and shared by both languages.  Each chart is drawn
 * by chart.c inline, and also written beside its page as a standalone
 * SVG and as CSV; a data table follows it in the page.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/escape.h"
#include "lib/format.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/mustache.h"
#include "render/catalog.h"
#include "render/chart.h"
#include "site/output.h"
#include "site/site.h"
#include "site/url.h"
#include "site/page.h"
#include "site/download.h"

#define TOP_SPECIALTIES	10
/* Marks a rounded count, as a footnote symbol (legend: chart_rounded). */
#define ROUNDED_MARK	"\xe2\x89\x88"	/* ≈ */

/* Statutory minimum insurance payments in MCI (Code art. 270-4). */
static const struct {
	const char	*harm;		/* DIM_HARM_DETAIL value */
	int		 mci;
	const char	*key;		/* catalog label */
} payments[] = {
	{ "death", 3000, "harm_death" },
	{ "I", 800, "disability_i" },
	{ "II", 600, "disability_ii" },
	{ "III", 500, "disability_iii" },
	{ "child", 500, "disability_child" },
	{ "none", 300, "disability_none" },
};
#define NPAYMENTS (sizeof(payments) / sizeof(payments[0]))

/* ------------------------------------------------------------------ */
/* Protected cross-tabs, computed once.                                 */

struct cell {
	char		*v1, *v2;
	struct pcount	 c;
};

struct agg {
	enum form	 f;
	char		 quarter[8];	/* "" for all quarters */
	enum dim	 d1, d2;
	struct cell	*cells;
	size_t		 n;
};

/* Collects the cells of one agg_count call into per-quarter tables. */
struct collect {
	struct build	*b;
	enum form	 f;
	enum dim	 d1, d2;
};

/* A new empty table in the set. */
static struct agg *
agg_new(struct aggs *set, enum form f, const char *quarter, enum dim d1,
    enum dim d2)
{
	struct agg	*a;

	a = xcalloc(1, sizeof(*a));
	a->f = f;
	a->d1 = d1;
	a->d2 = d2;
	snprintf(a->quarter, sizeof(a->quarter), "%s", quarter);
	set->v = xreallocarray(set->v, set->n + 1, sizeof(*set->v));
	set->v[set->n++] = a;
	return a;
}

static struct agg *
agg_find(const struct aggs *set, enum form f, const char *quarter,
    enum dim d1, enum dim d2)
{
	size_t	 i;

	for (i = 0; i < set->n; i++)
		if (set->v[i]->f == f && set->v[i]->d1 == d1 &&
		    set->v[i]->d2 == d2 &&
		    strcmp(set->v[i]->quarter, quarter) == 0)
			return set->v[i];
	return NULL;
}

static void
agg_cb(void *arg, const char *quarter, const char *v1, const char *v2,
    struct pcount c)
{
	struct collect	*k = arg;
	struct agg	*a;

	if ((a = agg_find(&k->b->aggs, k->f, quarter, k->d1, k->d2)) == NULL)
		a = agg_new(&k->b->aggs, k->f, quarter, k->d1, k->d2);
	a->cells = xreallocarray(a->cells, a->n + 1, sizeof(*a->cells));
	a->cells[a->n].v1 = xstrdup(v1 ? v1 : "");
	a->cells[a->n].v2 = xstrdup(v2 ? v2 : "");
	a->cells[a->n].c = c;
	a->n++;
}

/*
 * The protected table of a form by d1 and d2 in a quarter, or in all
 * quarters (NULL).  A quarter's table is computed with every other
 * quarter's in one pass over the records.
 */
static const struct agg *
agg(struct build *b, enum form f, const char *quarter, enum dim d1,
    enum dim d2)
{
	struct collect	 k;
	struct agg	*a;
	size_t		 i;

	if ((a = agg_find(&b->aggs, f, quarter ? quarter : "", d1, d2)) !=
	    NULL)
		return a;
	k.b = b;
	k.f = f;
	k.d1 = d1;
	k.d2 = d2;
	if (quarter == NULL) {
		if (agg_count(b->priv, f, NULL, d1, d2, agg_cb, &k) == -1)
			return NULL;
	} else {
		if (agg_count(b->priv, f, "*", d1, d2, agg_cb, &k) == -1)
			return NULL;
		/* Quarters without any record: an empty table. */
		for (i = 0; i < b->nquarters; i++)
			if (agg_find(&b->aggs, f, b->quarters[i], d1, d2) ==
			    NULL)
				agg_new(&b->aggs, f, b->quarters[i], d1, d2);
	}
	if ((a = agg_find(&b->aggs, f, quarter ? quarter : "", d1, d2)) ==
	    NULL)
		a = agg_new(&b->aggs, f, quarter ? quarter : "", d1, d2);
	return a;
}

/* The count of a cell; a cell absent from the table is an exact 0. */
static struct pcount
cell(const struct agg *a, const char *v1, const char *v2)
{
	struct pcount	 zero = { 0, PC_EXACT };
	size_t		 i;

	for (i = 0; i < a->n; i++)
		if (strcmp(a->cells[i].v1, v1) == 0 &&
		    strcmp(a->cells[i].v2, v2 ? v2 : "") == 0)
			return a->cells[i].c;
	return zero;
}

/*
 * Every protected table the pages ask for (the statistics page, the
 * quarters' dashboards, the home page, the explorers), computed here
 * once, before the languages' pages are made in processes of their
 * own: each would otherwise count them again.  A table left out is
 * still counted where it is asked; one too many costs only its query.
 */
static const struct prepared {
	enum form	 f;
	int		 all;	/* all quarters, else each quarter (agg
				 * counts them all for any one) */
	enum dim	 d1, d2;
} prepared[] = {
	{ FORM_INCIDENTS, 0, DIM_NONE, DIM_NONE },
	{ FORM_INCIDENTS, 0, DIM_CATEGORY, DIM_NONE },
	{ FORM_INCIDENTS, 0, DIM_CONSEQUENCE, DIM_NONE },
	{ FORM_INCIDENTS, 0, DIM_CATEGORY, DIM_CONSEQUENCE },
	{ FORM_INCIDENTS, 0, DIM_GROUP, DIM_NONE },
	{ FORM_INCIDENTS, 0, DIM_REGION, DIM_NONE },
	{ FORM_INCIDENTS, 0, DIM_REGION, DIM_CONSEQUENCE },
	{ FORM_INCIDENTS, 0, DIM_AGE10, DIM_SEX },
	{ FORM_INCIDENTS, 1, DIM_GROUP, DIM_NONE },
	{ FORM_INCIDENTS, 1, DIM_PROFILE, DIM_NONE },
	{ FORM_INCIDENTS, 1, DIM_REGION, DIM_NONE },
	{ FORM_INCIDENTS, 1, DIM_CHAPTER, DIM_NONE },
	{ FORM_INCIDENTS, 1, DIM_AGE10, DIM_SEX },
	{ FORM_INSURANCE, 0, DIM_NONE, DIM_NONE },
	{ FORM_INSURANCE, 0, DIM_HARM, DIM_NONE },
	{ FORM_INSURANCE, 0, DIM_INSURED, DIM_NONE },
	{ FORM_INSURANCE, 0, DIM_HARM_DETAIL, DIM_NONE },
	{ FORM_INSURANCE, 0, DIM_HARM, DIM_INSURED },
	{ FORM_INSURANCE, 0, DIM_REGION, DIM_NONE },
	{ FORM_INSURANCE, 0, DIM_REGION, DIM_HARM },
	{ FORM_INSURANCE, 1, DIM_GROUP, DIM_NONE },
	{ FORM_INSURANCE, 1, DIM_REGION, DIM_NONE },
	{ FORM_INSURANCE, 1, DIM_CHAPTER, DIM_NONE },
};

int
stats_prepare(struct build *b)
{
	const struct prepared *p;
	size_t		 i;

	if (b->nquarters == 0)
		return 0;
	for (i = 0; i < sizeof(prepared) / sizeof(prepared[0]); i++) {
		p = &prepared[i];
		if (agg(b, p->f, p->all ? NULL : b->quarters[0], p->d1,
		    p->d2) == NULL)
			return -1;
	}
	return 0;
}

void
aggs_free(struct aggs *set)
{
	size_t	 i, j;

	for (i = 0; i < set->n; i++) {
		for (j = 0; j < set->v[i]->n; j++) {
			free(set->v[i]->cells[j].v1);
			free(set->v[i]->cells[j].v2);
		}
		free(set->v[i]->cells);
		free(set->v[i]);
	}
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

static struct chart_point
point(struct pcount c)
{
	struct chart_point	 p;

	memset(&p, 0, sizeof(p));
	if (c.flags & PC_SUPPRESSED)
		p.suppressed = 1;
	else if (c.flags & PC_HIDDEN)
		p.nodata = 1;
	else {
		p.v = (double)c.n;
		p.rounded = (c.flags & PC_ROUNDED) != 0;
	}
	return p;
}

/* ------------------------------------------------------------------ */
/* The values of a dimension, with their labels.                        */

struct dimvals {
	size_t		 n;
	const char	*code[64];
	const char	*label[64];
};

static const char *const age_bands[] = {
	"0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69",
	"70-79", "80-89", "90+"
};
/* The ladder's wider bands (ladder.c): 20 and 40 years. */
static const char *const age_bands20[] = {
	"0-19", "20-39", "40-59", "60-79", "80+"
};
static const char *const age_bands40[] = { "0-39", "40-79", "80+" };

/* The ladder level of an age band as DIM_AGE10 counts it: 1 for 10
 * years (5-year bands are folded in), 2 for 20, 3 for 40 ("80+" is
 * a band of levels 2 and 3 only). */
static int
band_level(const char *code)
{
	int	 lo, hi;

	if (sscanf(code, "%d-%d", &lo, &hi) == 2)
		return hi - lo >= 39 ? 3 : hi - lo >= 19 ? 2 : 1;
	return atoi(code) == 80 ? 2 : 1;
}

/* The band of level lv (1-3) that holds the band code. */
static const char *
band_fold(const char *code, int lv)
{
	int	 a = atoi(code);

	if (lv == 3)
		return age_bands40[a >= 80 ? 2 : a >= 40 ? 1 : 0];
	if (lv == 2)
		return age_bands20[a >= 80 ? 4 : a / 20];
	return age_bands[a >= 90 ? 9 : a / 10];
}

static void
dim_values(struct build *b, enum lang l, enum dim d, struct dimvals *v)
{
	size_t	 i;

	memset(v, 0, sizeof(*v));
#define ADD(c, k) do { v->code[v->n] = (c); \
	v->label[v->n++] = tr(b->cat, l, (k)); } while (0)
	switch (d) {
	case DIM_CATEGORY:
		ADD("clinical", "cat_clinical");
		ADD("corporate", "cat_corporate");
		break;
	case DIM_CONSEQUENCE:
		ADD("with", "cons_with");
		ADD("without", "cons_without");
		break;
	case DIM_HARM:
		ADD("iatrogenic", "harm_iatrogenic");
		ADD("death", "harm_death");
		break;
	case DIM_INSURED:
		ADD("yes", "insured_yes");
		ADD("no", "insured_no");
		break;
	case DIM_SEX:
		ADD("M", "sex_m");
		ADD("F", "sex_f");
		ADD("*", "value_not_shown");
		break;
	case DIM_HARM_DETAIL:
		for (i = 0; i < NPAYMENTS; i++)
			ADD(payments[i].harm, payments[i].key);
		break;
	case DIM_AGE10:
		for (i = 0; i < sizeof(age_bands) / sizeof(age_bands[0]); i++) {
			v->code[v->n] = age_bands[i];
			v->label[v->n++] = age_bands[i];
		}
		ADD("*", "value_not_shown");
		break;
	case DIM_GROUP:
		for (i = 0; i < b->dicts->ngroups; i++) {
			v->code[v->n] = b->dicts->groups[i].code;
			v->label[v->n++] = b->dicts->groups[i].name[l];
		}
		ADD("*", "value_not_shown");
		break;
	case DIM_REGION:
		for (i = 0; i < b->dicts->nregions; i++) {
			v->code[v->n] = b->dicts->regions[i].code;
			v->label[v->n++] = b->dicts->regions[i].name[l];
		}
		break;
	case DIM_CHAPTER:
		for (i = 0; i < b->dicts->nchapters && i < 64; i++) {
			v->code[v->n] = b->dicts->chapters[i].code;
			v->label[v->n++] = b->dicts->chapters[i].name[l];
		}
		ADD("*", "value_not_shown");
		break;
	default:
		break;
	}
#undef ADD
}

/* ------------------------------------------------------------------ */
/* Drawing a chart into a page.                                         */

/* The page a chart goes on, and where its files go (url_chart). */
struct dest {
	const char	*path;		/* the page's site path */
	enum chart_page	 page;
	const char	*quarter;	/* CHARTS_QUARTER: its quarter */
};

/* Text of a point in the page's language: "12 345", "<8", "—". */
static void
point_text(struct buf *out, struct build *b, const struct chart_point *p,
    int decimals)
{
	if (p->suppressed)
		buf_printf(out, "<%ld", b->cfg.small_count);
	else if (p->nodata)
		buf_puts(out, "—");
	else {
		if (p->rounded)
			buf_puts(out, ROUNDED_MARK);
		if (decimals > 0)
			fmt_dec(out, p->v, decimals);
		else
			fmt_int(out, (long long)llround(p->v));
	}
}

/* The data table shown beside a chart. */
static void
data_table(struct buf *h, struct build *b, const struct chart *c,
    const char *cathead)
{
	struct buf	 t = { 0 };
	size_t		 i, s;

	BUF_LIT(h, "<div class=\"table-scroll\"><table class=\"chart-table\">"
	    "<caption>");
	esc_htmls(h, c->title);
	BUF_LIT(h, "</caption>\n<thead><tr><th scope=\"col\">");
	esc_htmls(h, cathead);
	BUF_LIT(h, "</th>");
	for (s = 0; s < c->nseries; s++) {
		BUF_LIT(h, "<th scope=\"col\" class=\"num\">");
		esc_htmls(h, c->series[s].label);
		BUF_LIT(h, "</th>");
	}
	BUF_LIT(h, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < c->ncats; i++) {
		BUF_LIT(h, "<tr><th scope=\"row\">");
		esc_htmls(h, c->cats[i]);
		BUF_LIT(h, "</th>");
		for (s = 0; s < c->nseries; s++) {
			buf_reset(&t);
			point_text(&t, b, &c->series[s].v[i], c->decimals);
			BUF_LIT(h, "<td class=\"num\">");
			esc_html(h, t.data ? t.data : "", t.len);
			BUF_LIT(h, "</td>");
		}
		BUF_LIT(h, "</tr>\n");
	}
	BUF_LIT(h, "</tbody></table></div>\n");
	buf_free(&t);
}

/* A number as the machine file writes it: a decimal point, no grouping. */
static void
machine_num(struct buf *o, double v, int decimals)
{
	buf_printf(o, "%.*f", decimals, v);
}

/*
 * The chart's data as CSV (UTF-8 with a byte-order mark) for
 * spreadsheets in the page's language: ';' between fields, a decimal
 * comma, "<8" for a hidden count.
 */
static void
data_csv(struct buf *o, struct build *b, const struct chart *c,
    const char *cathead)
{
	struct buf	 t = { 0 };
	size_t		 i, s, k;

	BUF_LIT(o, "\xef\xbb\xbf");
	esc_csvs(o, cathead);
	for (s = 0; s < c->nseries; s++) {
		buf_putc(o, ';');
		esc_csvs(o, c->series[s].label);
	}
	BUF_LIT(o, "\r\n");
	for (i = 0; i < c->ncats; i++) {
		esc_csvs(o, c->cats[i]);
		for (s = 0; s < c->nseries; s++) {
			const struct chart_point *p = &c->series[s].v[i];

			buf_reset(&t);
			if (p->suppressed)
				buf_printf(&t, "<%ld", b->cfg.small_count);
			else if (!p->nodata) {
				machine_num(&t, p->v, c->decimals);
				for (k = 0; k < t.len; k++)
					if (t.data[k] == '.')
						t.data[k] = ',';
			}
			buf_putc(o, ';');
			esc_csv(o, t.data ? t.data : "", t.len);
		}
		BUF_LIT(o, "\r\n");
	}
	buf_free(&t);
}

/*
 * The chart's data for programs, one line per value: chart id, category
 * and series codes, the value with a decimal point (empty when not
 * shown) and its status: exact, rounded, suppressed (1 to
 * small_count-1) or missing.  Appends the lines (data.c writes the
 * header); returns how many.
 */
static long
machine_csv(struct buf *o, const struct chart *c);

/* The machine data of the charts of quarter (NULL: all quarters). */
static struct chartdata *
chartdata(struct build *b, const char *quarter)
{
	size_t	 i;

	for (i = 0; i < b->ncdata; i++)
		if (strcmp(b->cdata[i].quarter, quarter ? quarter : "") == 0)
			return &b->cdata[i];
	b->cdata = xreallocarray(b->cdata, b->ncdata + 1, sizeof(*b->cdata));
	memset(&b->cdata[b->ncdata], 0, sizeof(*b->cdata));
	snprintf(b->cdata[b->ncdata].quarter, sizeof(b->cdata[0].quarter),
	    "%s", quarter ? quarter : "");
	return &b->cdata[b->ncdata++];
}

static long
machine_csv(struct buf *o, const struct chart *c)
{
	struct buf	 t = { 0 };
	size_t		 i, s;
	long		 n = 0;

	for (i = 0; i < c->ncats; i++)
		for (s = 0; s < c->nseries; s++) {
			const struct chart_point *p = &c->series[s].v[i];

			esc_csv_raw(o, c->id, strlen(c->id));
			buf_putc(o, ',');
			esc_csv_raw(o, c->codes ? c->codes[i] : c->cats[i],
			    strlen(c->codes ? c->codes[i] : c->cats[i]));
			buf_putc(o, ',');
			esc_csv_raw(o, c->series[s].code ? c->series[s].code :
			    "value", strlen(c->series[s].code ?
			    c->series[s].code : "value"));
			buf_putc(o, ',');
			buf_reset(&t);
			if (!p->suppressed && !p->nodata)
				machine_num(&t, p->v, c->decimals);
			esc_csv_raw(o, t.data ? t.data : "", t.len);
			buf_putc(o, ',');
			buf_reset(&t);
			buf_puts(&t, p->suppressed ? "suppressed" : p->nodata ?
			    "missing" : p->rounded ? "rounded" : "exact");
			esc_csv_raw(o, t.data, t.len);
			BUF_LIT(o, "\r\n");
			n++;
		}
	buf_free(&t);
	return n;
}

/*
 * Draw chart c for the page to: inline SVG, data table, and the files
 * ID.svg (standalone, with its title and source) and ID.csv where
 * url_chart puts them.  Appends the template's chart map to list.
 */
static int
emit(struct build *b, enum lang l, const struct dest *to,
    struct chart *c, const char *cathead, struct mval *list)
{
	struct buf	 svg = { 0 }, html = { 0 }, note = { 0 },
			 rlegend = { 0 };
	struct mval	*m;
	char		*file, rbase[24];
	int		 rc = -1, one, own_legend = 0;

	c->lang = l;
	snprintf(rbase, sizeof(rbase), "%ld", b->cfg.rounding);
	if (c->suppressed_label == NULL) {
		c->suppressed_label = xasprintf("<%ld", b->cfg.small_count);
		c->suppressed_legend = tr(b->cat, l, "chart_suppressed");
	}
	if (c->nodata_label == NULL)
		c->nodata_label = tr(b->cat, l, "chart_nodata");
	c->rounded_label = ROUNDED_MARK;
	if (c->rounded_legend == NULL) {
		trf(&rlegend, b->cat, l, "chart_rounded", "base", rbase,
		    (char *)NULL);
		c->rounded_legend = buf_str(&rlegend);
		own_legend = 1;
	}
	c->show_title = 0;
	c->note = NULL;
	/* Bars read at any width: their phone layout alone, on every
	 * screen; columns and tile maps twice, the phone's shown instead
	 * below a breakpoint (style.css). */
	one = c->kind == CHART_BARS || c->kind == CHART_PYRAMID;
	c->narrow = one;
	rc = chart_svg(&svg, c);
	c->narrow = 0;
	if (rc == -1)
		goto out;
	rc = -1;
	m = mv_push(list, mv_map());
	mv_sets(m, "id", c->id);
	mv_set(m, "svg", mv_html(buf_str(&svg)));
	if (!one) {
		const char	*id = c->id;
		char		*nid = xasprintf("%s-n", id);

		buf_reset(&svg);
		c->id = nid;
		c->narrow = 1;
		rc = chart_svg(&svg, c);
		c->id = id;
		c->narrow = 0;
		free(nid);
		if (rc == -1)
			goto out;
		rc = -1;
		mv_set(m, "svg_narrow", mv_html(buf_str(&svg)));
	}
	mv_sets(m, "title", c->title);
	mv_sets(m, "desc", c->desc);
	data_table(&html, b, c, cathead);
	mv_set(m, "table", mv_html(buf_str(&html)));

	/* The files: CSV, and the SVG to embed elsewhere. */
	buf_reset(&html);
	data_csv(&html, b, c, cathead);
	file = url_chart(l, to->page, to->quarter, c->id, "csv");
	rc = site_write(b->site, file, html.data, html.len);
	page_link(m, "csv", to->path, file);
	if (rc == -1)
		goto out;
	/* The machine data, once for both languages. */
	if (l == LANG_KK) {
		struct chartdata *cd = chartdata(b, to->quarter);

		cd->rows += machine_csv(&cd->csv, c);
	}
	page_link(m, "csv_machine", to->path, url_chart_data(to->quarter));
	buf_reset(&svg);
	trf(&note, b->cat, l, "chart_source", "site", b->cfg.site_name[l],
	    "date", b->date_iso, (char *)NULL);
	c->note = buf_str(&note);
	c->show_title = 1;
	if ((rc = chart_svg(&svg, c)) == -1)
		goto out;
	file = url_chart(l, to->page, to->quarter, c->id, "svg");
	buf_reset(&html);
	BUF_LIT(&html, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_put(&html, svg.data, svg.len);
	rc = site_write(b->site, file, html.data, html.len);
	page_link(m, "svgfile", to->path, file);
out:
	free((char *)c->suppressed_label);
	c->suppressed_label = NULL;
	if (own_legend)
		c->rounded_legend = NULL;	/* rlegend's, freed */
	buf_free(&svg);
	buf_free(&html);
	buf_free(&note);
	buf_free(&rlegend);
	return rc;
}

/* "61 %" of num/den if the policy allows it, else "—". */
static void
pct_text(struct buf *out, struct build *b, struct pcount num,
    struct pcount den)
{
	double	 p;

	if (pc_percent(b->priv, num, den, &p) == -1)
		buf_puts(out, "—");
	else
		fmt_pct(out, p, 0);
}

/* ------------------------------------------------------------------ */
/* The charts.                                                          */

/* Short quarter labels for the axis, oldest first. */
static char **
quarter_labels(struct build *b, enum lang l)
{
	struct buf	 s = { 0 };
	char		**v;
	size_t		 i;

	v = xcalloc(b->nquarters, sizeof(*v));
	for (i = 0; i < b->nquarters; i++) {
		buf_reset(&s);
		fmt_quarter(&s, l, b->quarters[i], QF_SHORT);
		v[i] = xstrdup(buf_str(&s));
	}
	buf_free(&s);
	return v;
}

static void
free_labels(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/*
 * Records of a form per quarter, stacked by an exact dimension (the
 * quarter's one-way totals are exact by policy).  desc_key gets
 * {first}, {last}, {total}, {last_in}, {pct} (share of the first value
 * in the last quarter).
 */
static int
trend_chart(struct build *b, enum lang l, const struct dest *to,
    enum form f, enum dim d, const char *id, const char *title_key,
    const char *desc_key, struct mval *list)
{
	struct dimvals	 dv;
	struct chart	 c;
	struct chart_series sr[8];
	struct chart_point *pts;
	struct buf	 desc = { 0 }, a = { 0 }, z = { 0 }, tot = { 0 },
			 li = { 0 }, pc = { 0 };
	char		**labels;
	const struct agg *ag, *at;
	size_t		 i, s;
	long		 total = 0;
	int		 rc;

	dim_values(b, l, d, &dv);
	pts = xcalloc(dv.n * b->nquarters, sizeof(*pts));
	for (i = 0; i < b->nquarters; i++) {
		if ((ag = agg(b, f, b->quarters[i], d, DIM_NONE)) == NULL ||
		    (at = agg(b, f, b->quarters[i], DIM_NONE, DIM_NONE))
		    == NULL) {
			free(pts);
			return -1;
		}
		for (s = 0; s < dv.n; s++)
			pts[s * b->nquarters + i] = point(cell(ag, dv.code[s],
			    NULL));
		total += cell(at, "", NULL).n;
		if (i + 1 == b->nquarters)
			pct_text(&pc, b, cell(ag, dv.code[0], NULL),
			    cell(at, "", NULL));
	}
	for (s = 0; s < dv.n; s++) {
		sr[s].label = dv.label[s];
		sr[s].code = dv.code[s];
		sr[s].v = pts + s * b->nquarters;
	}
	labels = quarter_labels(b, l);
	fmt_quarter(&a, l, b->quarters[0], QF_GEN);
	fmt_quarter(&z, l, b->quarters[b->nquarters - 1], QF_NOM);
	fmt_quarter(&li, l, b->quarters[b->nquarters - 1], QF_IN);
	fmt_int(&tot, total);
	trf(&desc, b->cat, l, desc_key, "first", buf_str(&a), "last",
	    buf_str(&z), "total", buf_str(&tot), "last_in", buf_str(&li),
	    "pct", buf_str(&pc), (char *)NULL);
	memset(&c, 0, sizeof(c));
	c.kind = CHART_COLUMNS;
	c.id = id;
	c.title = tr(b->cat, l, title_key);
	c.desc = buf_str(&desc);
	c.cats = (const char *const *)labels;
	c.codes = b->quarters;
	c.ncats = b->nquarters;
	c.series = sr;
	c.nseries = dv.n;
	rc = emit(b, l, to, &c, tr(b->cat, l, "col_quarter"), list);
	free_labels(labels, b->nquarters);
	free(pts);
	buf_free(&desc);
	buf_free(&a);
	buf_free(&z);
	buf_free(&tot);
	buf_free(&li);
	buf_free(&pc);
	return rc;
}

/*
 * The statutory minimum payments implied by the insurance cases of
 * each quarter: in MCI (stacked by harm), and in tenge with the MCI of
 * the quarter's year where the configuration gives it.
 */
static int
payment_charts(struct build *b, enum lang l, const struct dest *to,
    struct mval *list)
{
	struct chart	 c;
	struct chart_series sr[NPAYMENTS], tg;
	struct chart_point *pts, *tenge;
	struct buf	 desc = { 0 }, v = { 0 }, li = { 0 };
	char		**labels;
	const struct agg *ag;
	size_t		 i, s;
	double		 last = 0;
	int		 rc = -1, y, q;

	pts = xcalloc(NPAYMENTS * b->nquarters, sizeof(*pts));
	tenge = xcalloc(b->nquarters, sizeof(*tenge));
	for (i = 0; i < b->nquarters; i++) {
		double	 mci = 0;
		long	 rate;

		if ((ag = agg(b, FORM_INSURANCE, b->quarters[i],
		    DIM_HARM_DETAIL, DIM_NONE)) == NULL)
			goto out;
		for (s = 0; s < NPAYMENTS; s++) {
			struct pcount	 n = cell(ag, payments[s].harm, NULL);

			pts[s * b->nquarters + i].v =
			    (double)n.n * payments[s].mci;
			mci += (double)n.n * payments[s].mci;
		}
		quarter_parse(b->quarters[i], &y, &q);
		if ((rate = config_mci(&b->cfg, y)) > 0)
			tenge[i].v = mci * (double)rate / 1e6;
		else
			tenge[i].nodata = 1;
		if (i + 1 == b->nquarters)
			last = mci;
	}
	for (s = 0; s < NPAYMENTS; s++) {
		sr[s].label = tr(b->cat, l, payments[s].key);
		sr[s].code = payments[s].harm;
		sr[s].v = pts + s * b->nquarters;
	}
	labels = quarter_labels(b, l);
	fmt_quarter(&li, l, b->quarters[b->nquarters - 1], QF_IN);
	fmt_int(&v, (long long)last);
	trf(&desc, b->cat, l, "chart_payments_desc", "last_in", buf_str(&li),
	    "mci", buf_str(&v), (char *)NULL);
	memset(&c, 0, sizeof(c));
	c.kind = CHART_COLUMNS;
	c.id = "payments-mci";
	c.title = tr(b->cat, l, "chart_payments_title");
	c.desc = buf_str(&desc);
	c.cats = (const char *const *)labels;
	c.codes = b->quarters;
	c.ncats = b->nquarters;
	c.series = sr;
	c.nseries = NPAYMENTS;
	c.unit = tr(b->cat, l, "unit_mci");
	if ((rc = emit(b, l, to, &c, tr(b->cat, l, "col_quarter"),
	    list)) == -1)
		goto labels;
	buf_reset(&desc);
	trf(&desc, b->cat, l, "chart_tenge_desc", (char *)NULL);
	tg.label = tr(b->cat, l, "unit_mln_tenge");
	tg.code = "million_tenge";
	tg.v = tenge;
	c.id = "payments-tenge";
	c.title = tr(b->cat, l, "chart_tenge_title");
	c.desc = buf_str(&desc);
	c.series = &tg;
	c.nseries = 1;
	c.decimals = 1;
	c.unit = tr(b->cat, l, "unit_mln_tenge");
	rc = emit(b, l, to, &c, tr(b->cat, l, "col_quarter"), list);
labels:
	free_labels(labels, b->nquarters);
out:
	free(pts);
	free(tenge);
	buf_free(&desc);
	buf_free(&v);
	buf_free(&li);
	return rc;
}

/*
 * The leader for a "largest" statement: its label where it is sure to
 * be the largest, else why not.  A hidden value (1 to small_count-1, or
 * not published) could be larger than a shown value below small_count;
 * a tie has no leader; nothing above zero, neither.
 */
static void
lead_text(struct buf *out, struct build *b, enum lang l, const char *label,
    double v, int tie, int hidden)
{
	char	 sc[24];

	snprintf(sc, sizeof(sc), "%ld", b->cfg.small_count);
	if (label != NULL && v > 0 && !tie &&
	    (!hidden || v >= (double)b->cfg.small_count))
		buf_puts(out, label);
	else
		trf(out, b->cat, l, "chart_lead_unknown", "small", sc,
		    (char *)NULL);
}

struct ranked {
	const char		*code, *label;
	struct chart_point	 p;
	size_t			 order;
};

/* Largest first; suppressed after every shown value; then list order. */
static int
ranked_cmp(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;

	if (a->p.suppressed != b->p.suppressed)
		return a->p.suppressed - b->p.suppressed;
	if (a->p.v != b->p.v)
		return a->p.v > b->p.v ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/*
 * Horizontal bars of a form's records by a dimension, in a quarter or
 * all (NULL): in the dimension's own order, or sorted by value (and cut
 * to top, if not 0).  Values absent from the data are dropped when
 * drop_zero.
 */
static int
bars_chart(struct build *b, enum lang l, const struct dest *to,
    enum form f, const char *quarter, enum dim d, int sorted, size_t top,
    int drop_zero, const char *id, const char *title_key,
    const char *desc_key, const char *cathead, struct mval *list)
{
	struct dimvals	 dv;
	struct ranked	*r;
	struct chart	 c;
	struct chart_series sr;
	struct chart_point *pts;
	const char	**cats, **codes;
	struct buf	 desc = { 0 }, lead = { 0 }, q = { 0 };
	const struct agg *ag;
	size_t		 i, n = 0, nall;
	int		 rc;

	if ((ag = agg(b, f, quarter, d, DIM_NONE)) == NULL)
		return -1;
	if (d == DIM_PROFILE) {
		memset(&dv, 0, sizeof(dv));
		r = xcalloc(b->dicts->nprofiles + 1, sizeof(*r));
		for (i = 0; i <= b->dicts->nprofiles; i++) {
			r[n].code = i < b->dicts->nprofiles ?
			    b->dicts->profiles[i].code : "*";
			r[n].label = i < b->dicts->nprofiles ?
			    b->dicts->profiles[i].name[l] :
			    tr(b->cat, l, "value_not_shown");
			r[n].p = point(cell(ag, r[n].code, NULL));
			r[n].order = i;
			if (!drop_zero || r[n].p.suppressed || r[n].p.v > 0)
				n++;
		}
	} else {
		dim_values(b, l, d, &dv);
		r = xcalloc(dv.n, sizeof(*r));
		for (i = 0; i < dv.n; i++) {
			r[n].code = dv.code[i];
			r[n].label = dv.label[i];
			r[n].p = point(cell(ag, dv.code[i], NULL));
			r[n].order = i;
			if (!drop_zero || r[n].p.suppressed || r[n].p.v > 0)
				n++;
		}
	}
	if (n == 0) {
		free(r);
		return 0;
	}
	if (sorted)
		qsort(r, n, sizeof(*r), ranked_cmp);
	nall = n;
	if (top && n > top)
		n = top;
	cats = xcalloc(n, sizeof(*cats));
	codes = xcalloc(n, sizeof(*codes));
	pts = xcalloc(n, sizeof(*pts));
	for (i = 0; i < n; i++) {
		cats[i] = r[i].label;
		codes[i] = r[i].code;
		pts[i] = r[i].p;
	}
	/* The leading value, for the description: only where it is sure. */
	{
		size_t	 best = n;
		int	 tie = 0, hidden = 0;

		/* Not "not shown", which is no category.  Every category
		 * counts, those cut by top too. */
		for (i = 0; i < n; i++) {
			if (strcmp(r[i].code, "*") == 0)
				continue;
			if (pts[i].suppressed || pts[i].nodata)
				continue;
			if (best == n || pts[i].v > pts[best].v) {
				best = i;
				tie = 0;
			} else if (pts[i].v == pts[best].v)
				tie = 1;
		}
		for (i = 0; i < nall; i++)
			if (strcmp(r[i].code, "*") != 0 &&
			    (r[i].p.suppressed || r[i].p.nodata))
				hidden = 1;
		lead_text(&lead, b, l, best < n ? cats[best] : NULL,
		    best < n ? pts[best].v : 0, tie, hidden);
	}
	if (quarter)
		fmt_quarter(&q, l, quarter, QF_IN);
	else
		buf_puts(&q, tr(b->cat, l, "all_quarters_in"));
	trf(&desc, b->cat, l, desc_key, "lead", buf_str(&lead), "in",
	    buf_str(&q), (char *)NULL);
	sr.label = tr(b->cat, l, f == FORM_INCIDENTS ? "figure_incidents" :
	    "figure_cases");
	sr.code = "records";
	sr.v = pts;
	memset(&c, 0, sizeof(c));
	c.kind = CHART_BARS;
	c.id = id;
	c.title = tr(b->cat, l, title_key);
	c.desc = buf_str(&desc);
	c.cats = cats;
	c.codes = codes;
	c.ncats = n;
	c.series = &sr;
	c.nseries = 1;
	rc = emit(b, l, to, &c, cathead, list);
	free(cats);
	free(codes);
	free(pts);
	free(r);
	buf_free(&desc);
	buf_free(&lead);
	buf_free(&q);
	return rc;
}

/*
 * An age table folded into the bands of the widest level its rows
 * show (into fold, whose cells point to ag's strings and the bands),
 * and the chart's categories (v1) those bands: a row the privacy
 * stage published in a 20- or 40-year band is counted in it, not as
 * "not shown" beside empty 10-year bands.  The table's counts are of
 * the published rows, exact: the sums are too.
 */
static const struct agg *
age_fold(struct build *b, enum lang l, const struct agg *ag,
    struct agg *fold, struct dimvals *v1)
{
	const char *const *bands;
	const char	*c1;
	size_t		 i, j, nb;
	int		 lv = 1;

	for (i = 0; i < ag->n; i++)
		if (strcmp(ag->cells[i].v1, "*") != 0 &&
		    band_level(ag->cells[i].v1) > lv)
			lv = band_level(ag->cells[i].v1);
	*fold = *ag;
	fold->cells = xcalloc(ag->n ? ag->n : 1, sizeof(*fold->cells));
	fold->n = 0;
	for (i = 0; i < ag->n; i++) {
		c1 = strcmp(ag->cells[i].v1, "*") == 0 ? "*" :
		    band_fold(ag->cells[i].v1, lv);
		for (j = 0; j < fold->n; j++)
			if (strcmp(fold->cells[j].v1, c1) == 0 &&
			    strcmp(fold->cells[j].v2, ag->cells[i].v2) == 0)
				break;
		if (j == fold->n) {
			fold->cells[j].v1 = (char *)c1;
			fold->cells[j].v2 = ag->cells[i].v2;
			fold->cells[j].c = ag->cells[i].c;
			fold->n++;
		} else {
			fold->cells[j].c.n += ag->cells[i].c.n;
			fold->cells[j].c.flags |= ag->cells[i].c.flags;
		}
	}
	bands = lv == 3 ? age_bands40 : lv == 2 ? age_bands20 : age_bands;
	nb = lv == 3 ? 3 : lv == 2 ? 5 : 10;
	v1->n = 0;
	for (i = 0; i < nb; i++) {
		v1->code[v1->n] = bands[i];
		v1->label[v1->n++] = bands[i];
	}
	v1->code[v1->n] = "*";
	v1->label[v1->n++] = tr(b->cat, l, "value_not_shown");
	return fold;
}

/* Two-way bars: categories of d1, one series per value of d2. */
static int
cross_chart(struct build *b, enum lang l, const struct dest *to,
    enum form f, const char *quarter, enum dim d1, enum dim d2,
    const char *id, const char *title_key, const char *desc_key,
    const char *cathead, struct mval *list)
{
	struct dimvals	 v1, v2;
	struct chart	 c;
	struct chart_series sr[8];
	struct chart_point *pts;
	struct buf	 desc = { 0 }, q = { 0 };
	struct agg	 fold;
	const struct agg *ag;
	size_t		 i, s;
	int		 rc;

	if ((ag = agg(b, f, quarter, d1, d2)) == NULL)
		return -1;
	dim_values(b, l, d1, &v1);
	dim_values(b, l, d2, &v2);
	memset(&fold, 0, sizeof(fold));
	if (d1 == DIM_AGE10)
		ag = age_fold(b, l, ag, &fold, &v1);
	/* A pyramid has two sides: records with the sex hidden are not in
	 * it (the chart's table says how many are "not shown" by age). */
	if (d1 == DIM_AGE10 && d2 == DIM_SEX)
		v2.n = 2;
	pts = xcalloc(v1.n * v2.n, sizeof(*pts));
	for (s = 0; s < v2.n; s++) {
		for (i = 0; i < v1.n; i++)
			pts[s * v1.n + i] = point(cell(ag, v1.code[i],
			    v2.code[s]));
		sr[s].label = v2.label[s];
		sr[s].code = v2.code[s];
		sr[s].v = pts + s * v1.n;
	}
	if (quarter)
		fmt_quarter(&q, l, quarter, QF_IN);
	else
		buf_puts(&q, tr(b->cat, l, "all_quarters_in"));
	trf(&desc, b->cat, l, desc_key, "in", buf_str(&q), (char *)NULL);
	memset(&c, 0, sizeof(c));
	c.kind = d1 == DIM_AGE10 ? CHART_PYRAMID : CHART_BARS;
	c.id = id;
	c.title = tr(b->cat, l, title_key);
	c.desc = buf_str(&desc);
	c.cats = v1.label;
	c.codes = v1.code;
	c.ncats = v1.n;
	c.series = sr;
	c.nseries = v2.n;
	rc = emit(b, l, to, &c, cathead, list);
	free(pts);
	free(fold.cells);
	buf_free(&desc);
	buf_free(&q);
	return rc;
}

/*
 * The tile map of a form's records by region: rates per 100 000 people
 * where the configuration gives every population, else counts.
 */
static int
map_chart(struct build *b, enum lang l, const struct dest *to,
    enum form f, const char *quarter, const char *id, struct mval *list)
{
	struct dimvals	 dv;
	struct chart	 c;
	struct chart_series sr;
	struct chart_point pts[64];
	double		 lo[64], hi[64], years;
	struct buf	 desc = { 0 }, q = { 0 }, val = { 0 }, yrs = { 0 },
			 legend = { 0 };
	const struct agg *ag;
	size_t		 i, j, best = 0;
	int		 rates = 1, rc, found = 0;
	char		 sc[24], py[24], rb[24];

	if ((ag = agg(b, f, quarter, DIM_REGION, DIM_NONE)) == NULL)
		return -1;
	dim_values(b, l, DIM_REGION, &dv);
	for (i = 0; i < dv.n; i++)
		if (config_population(&b->cfg, dv.code[i]) <= 0)
			rates = 0;
	/* Rates per year: a quarter is a quarter of a year. */
	years = quarter ? 0.25 : (double)b->nquarters / 4.0;
	for (i = 0; i < dv.n; i++) {
		struct pcount	 n = cell(ag, dv.code[i], NULL);
		double		 k = 1, slack = 0;

		pts[i] = point(n);
		if (pts[i].rounded)
			slack = (double)(b->cfg.rounding / 2);
		if (rates)
			k = 100000.0 / (double)config_population(&b->cfg,
			    dv.code[i]) / years;
		/* What the true value may be, for the leader. */
		if (pts[i].suppressed) {
			lo[i] = k;
			hi[i] = (double)(b->cfg.small_count - 1) * k;
		} else if (pts[i].nodata) {
			lo[i] = 0;
			hi[i] = HUGE_VAL;
		} else {
			lo[i] = ((double)n.n - slack) * k;
			hi[i] = ((double)n.n + slack) * k;
		}
		/* A hidden count has no rate. */
		if (rates && pts[i].suppressed) {
			pts[i].suppressed = 0;
			pts[i].nodata = 1;
		} else if (rates && !pts[i].nodata)
			pts[i].v = (double)n.n * k;
		if (!pts[i].suppressed && !pts[i].nodata &&
		    (!found || pts[i].v > pts[best].v)) {
			best = i;
			found = 1;
		}
	}
	/* The leader is sure when no other can be as large. */
	for (j = 0; found && j < dv.n; j++)
		if (j != best && hi[j] >= lo[best])
			found = 0;
	if (quarter)
		fmt_quarter(&q, l, quarter, QF_IN);
	else
		buf_puts(&q, tr(b->cat, l, "all_quarters_in"));
	snprintf(sc, sizeof(sc), "%ld", b->cfg.small_count);
	if (found) {
		/* "≈" where the figure drawn has it. */
		point_text(&val, b, &pts[best], rates ? 1 : 0);
		trf(&desc, b->cat, l, rates ? "chart_map_rate_desc" :
		    "chart_map_count_desc", "in", buf_str(&q), "lead",
		    dv.label[best], "value", buf_str(&val), (char *)NULL);
	} else
		trf(&desc, b->cat, l, "chart_map_lead_unknown", "in",
		    buf_str(&q), "small", sc, (char *)NULL);
	if (rates) {
		fmt_dec(&yrs, years, years == floor(years) ? 0 : 2);
		snprintf(py, sizeof(py), "%ld", b->cfg.pop_year);
		buf_putc(&desc, ' ');
		trf(&desc, b->cat, l, "chart_rate_note", "years",
		    buf_str(&yrs), "small", sc, "source",
		    b->cfg.pop_source[l] ? b->cfg.pop_source[l] :
		    tr(b->cat, l, "population_source_unknown"), "year",
		    b->cfg.pop_year ? py : "—", (char *)NULL);
	}
	sr.label = tr(b->cat, l, rates ? "unit_per_100k" :
	    f == FORM_INCIDENTS ? "figure_incidents" : "figure_cases");
	sr.code = rates ? "per_100000_per_year" : "records";
	sr.v = pts;
	memset(&c, 0, sizeof(c));
	if (rates) {
		/* A rate is not rounded: its count is. */
		c.nodata_label = tr(b->cat, l, "chart_rate_nodata");
		snprintf(rb, sizeof(rb), "%ld", b->cfg.rounding);
		trf(&legend, b->cat, l, "chart_rounded_rate", "base", rb,
		    (char *)NULL);
		c.rounded_legend = buf_str(&legend);
	}
	c.kind = CHART_TILEMAP;
	c.id = id;
	c.title = tr(b->cat, l, rates ? (f == FORM_INCIDENTS ?
	    "chart_map_rate_title" : "chart_map_rate_title_ins") :
	    (f == FORM_INCIDENTS ? "chart_map_count_title" :
	    "chart_map_count_title_ins"));
	c.desc = buf_str(&desc);
	c.cats = dv.label;
	c.codes = dv.code;
	c.ncats = dv.n;
	c.series = &sr;
	c.nseries = 1;
	c.decimals = rates ? 1 : 0;
	c.unit = rates ? tr(b->cat, l, "unit_per_100k") : NULL;
	rc = emit(b, l, to, &c, tr(b->cat, l, "col_region"), list);
	buf_free(&desc);
	buf_free(&q);
	buf_free(&val);
	buf_free(&yrs);
	buf_free(&legend);
	return rc;
}

/*
 * Per-region trends: each region's records per quarter, from the
 * protected regional counts of each quarter (the cube's published
 * columns), as rates per 100 000 people a year where the configuration
 * gives every population (else the counts).  A table (rows: regions,
 * columns: quarters) for the page, with its CSV for spreadsheets and
 * its machine CSV (a download).  Appends the block to list.
 */
static int
region_trend(struct build *b, enum lang l, const struct dest *to,
    enum form f, const char *id, struct mval *list)
{
	struct dimvals	 dv;
	struct buf	 h = { 0 }, csv = { 0 }, mc = { 0 }, t = { 0 },
			 desc = { 0 };
	struct mval	*m;
	const struct agg *ag;
	char		*file, sc[24], py[24];
	size_t		 i, q;
	long		 nrows = 0, pop;
	int		 rates = 1, rc = -1;

	dim_values(b, l, DIM_REGION, &dv);
	for (i = 0; i < dv.n; i++)
		if (config_population(&b->cfg, dv.code[i]) <= 0)
			rates = 0;
	snprintf(sc, sizeof(sc), "%ld", b->cfg.small_count);
	snprintf(py, sizeof(py), "%ld", b->cfg.pop_year);
	trf(&desc, b->cat, l, rates ? "region_trend_desc_rate" :
	    "region_trend_desc_count", "small", sc, "source",
	    b->cfg.pop_source[l] ? b->cfg.pop_source[l] :
	    tr(b->cat, l, "population_source_unknown"), "year",
	    b->cfg.pop_year ? py : "\xe2\x80\x94", (char *)NULL);

	BUF_LIT(&h, "<div class=\"table-scroll\" role=\"region\" "
	    "aria-labelledby=\"");
	esc_htmls(&h, id);
	BUF_LIT(&h, "-cap\" tabindex=\"0\"><table class=\"chart-table "
	    "trend-table\"><caption id=\"");
	esc_htmls(&h, id);
	BUF_LIT(&h, "-cap\">");
	esc_htmls(&h, tr(b->cat, l, rates ? "region_trend_title_rate" :
	    "region_trend_title_count"));
	BUF_LIT(&h, "</caption>\n<thead><tr><th scope=\"col\">");
	esc_htmls(&h, tr(b->cat, l, "col_region"));
	BUF_LIT(&h, "</th>");
	BUF_LIT(&csv, "\xef\xbb\xbf");
	esc_csvs(&csv, tr(b->cat, l, "col_region"));
	for (q = 0; q < b->nquarters; q++) {
		buf_reset(&t);
		fmt_quarter(&t, l, b->quarters[q], QF_SHORT);
		BUF_LIT(&h, "<th scope=\"col\" class=\"num\">");
		esc_html(&h, t.data, t.len);
		BUF_LIT(&h, "</th>");
		buf_putc(&csv, ';');
		esc_csv(&csv, t.data, t.len);
	}
	BUF_LIT(&h, "</tr></thead>\n<tbody>\n");
	BUF_LIT(&csv, "\r\n");
	for (i = 0; i < dv.n; i++) {
		pop = config_population(&b->cfg, dv.code[i]);
		BUF_LIT(&h, "<tr><th scope=\"row\">");
		esc_htmls(&h, dv.label[i]);
		BUF_LIT(&h, "</th>");
		esc_csvs(&csv, dv.label[i]);
		for (q = 0; q < b->nquarters; q++) {
			struct chart_point p;
			struct pcount	 n;
			double		 r = 0;

			if ((ag = agg(b, f, b->quarters[q], DIM_REGION,
			    DIM_NONE)) == NULL)
				goto out;
			n = cell(ag, dv.code[i], NULL);
			p = point(n);
			if (rates && !p.suppressed && !p.nodata)
				r = (double)n.n * 100000.0 / (double)pop * 4;
			/* The page and the language CSV. */
			buf_reset(&t);
			if (rates && p.suppressed)
				buf_puts(&t, "\xe2\x80\x94");
			else if (rates && !p.nodata) {
				p.v = r;
				point_text(&t, b, &p, 1);
			} else
				point_text(&t, b, &p, 0);
			BUF_LIT(&h, "<td class=\"num\">");
			esc_html(&h, t.data, t.len);
			BUF_LIT(&h, "</td>");
			/* A spreadsheet's number has no mark. */
			buf_putc(&csv, ';');
			if (p.rounded && !p.suppressed && !p.nodata)
				esc_csv(&csv, t.data + strlen(ROUNDED_MARK),
				    t.len - strlen(ROUNDED_MARK));
			else
				esc_csv(&csv, t.data, t.len);
			/* The machine data: region, quarter, the count. */
			BUF_LIT(&mc, "\"");
			buf_puts(&mc, id);
			BUF_LIT(&mc, "\",");
			esc_csv_raw(&mc, dv.code[i], strlen(dv.code[i]));
			buf_putc(&mc, ',');
			esc_csv_raw(&mc, b->quarters[q], strlen(b->quarters[q]));
			buf_reset(&t);
			if (!p.suppressed && !p.nodata)
				buf_printf(&t, "%ld", n.n);
			buf_putc(&mc, ',');
			esc_csv_raw(&mc, t.data ? t.data : "", t.len);
			buf_putc(&mc, ',');
			buf_reset(&t);
			buf_puts(&t, p.suppressed ? "suppressed" : p.nodata ?
			    "missing" : p.rounded ? "rounded" : "exact");
			esc_csv_raw(&mc, t.data, t.len);
			BUF_LIT(&mc, "\r\n");
			nrows++;
		}
		BUF_LIT(&h, "</tr>\n");
		BUF_LIT(&csv, "\r\n");
	}
	BUF_LIT(&h, "</tbody></table></div>\n");

	m = mv_push(list, mv_map());
	mv_sets(m, "id", id);
	mv_sets(m, "title", tr(b->cat, l, rates ? "region_trend_title_rate" :
	    "region_trend_title_count"));
	mv_sets(m, "desc", buf_str(&desc));
	mv_set(m, "table", mv_html(buf_str(&h)));
	file = url_chart(l, to->page, to->quarter, id, "csv");
	rc = site_write(b->site, file, csv.data, csv.len);
	page_link(m, "csv", to->path, file);
	if (rc == -1)
		goto out;
	if (l == LANG_KK) {
		struct chartdata *cd = chartdata(b, to->quarter);

		buf_put(&cd->csv, mc.data, mc.len);
		cd->rows += nrows;
	}
	page_link(m, "csv_machine", to->path, url_chart_data(to->quarter));
out:
	buf_free(&h);
	buf_free(&csv);
	buf_free(&mc);
	buf_free(&t);
	buf_free(&desc);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The pages.                                                           */

static struct mval *
section(struct mval *sections, const char *id, const char *title)
{
	struct mval	*s;

	s = mv_push(sections, mv_map());
	mv_sets(s, "id", id);
	mv_sets(s, "title", title);
	return mv_set(s, "charts", mv_list());
}

int
stats_page(struct build *b, enum lang l)
{
	struct mval	*c, *secs, *list;
	struct dest	 dd, *to = &dd;
	char		*path;
	int		 rc;

	path = url_statistics(l);
	dd.path = path;
	dd.page = CHARTS_STATISTICS;
	dd.quarter = NULL;
	c = page_ctx(b, l, path, tr(b->cat, l, "stats_title"),
	    tr(b->cat, l, "stats_description"));
	secs = mv_set(c, "sections", mv_list());

	list = section(secs, "trends", tr(b->cat, l, "stats_sec_trends"));
	if (trend_chart(b, l, to, FORM_INCIDENTS, DIM_CATEGORY,
	    "incidents-by-category", "chart_inc_category_title",
	    "chart_inc_category_desc", list) == -1 ||
	    trend_chart(b, l, to, FORM_INCIDENTS, DIM_CONSEQUENCE,
	    "incidents-by-consequence", "chart_inc_consequence_title",
	    "chart_inc_consequence_desc", list) == -1 ||
	    trend_chart(b, l, to, FORM_INSURANCE, DIM_HARM,
	    "cases-by-harm", "chart_ins_harm_title", "chart_ins_harm_desc",
	    list) == -1 ||
	    trend_chart(b, l, to, FORM_INSURANCE, DIM_INSURED,
	    "cases-by-insurance", "chart_ins_insured_title",
	    "chart_ins_insured_desc", list) == -1)
		goto fail;

	list = section(secs, "profiles", tr(b->cat, l, "stats_sec_profiles"));
	if (bars_chart(b, l, to, FORM_INCIDENTS, NULL, DIM_GROUP, 0,
	    0, 0, "incidents-by-group", "chart_inc_group_title",
	    "chart_group_desc", tr(b->cat, l, "col_group"), list) == -1 ||
	    bars_chart(b, l, to, FORM_INSURANCE, NULL, DIM_GROUP, 0,
	    0, 0, "cases-by-group", "chart_ins_group_title",
	    "chart_group_desc", tr(b->cat, l, "col_group"), list) == -1 ||
	    bars_chart(b, l, to, FORM_INCIDENTS, NULL, DIM_PROFILE, 1,
	    TOP_SPECIALTIES, 1, "incidents-top-specialties",
	    "chart_inc_specialty_title", "chart_specialty_desc",
	    tr(b->cat, l, "col_specialty"), list) == -1)
		goto fail;

	list = section(secs, "regions", tr(b->cat, l, "stats_sec_regions"));
	if (map_chart(b, l, to, FORM_INCIDENTS, NULL,
	    "incidents-map", list) == -1 ||
	    bars_chart(b, l, to, FORM_INCIDENTS, NULL, DIM_REGION, 1,
	    0, 0, "incidents-by-region", "chart_inc_region_title",
	    "chart_region_desc", tr(b->cat, l, "col_region"), list) == -1 ||
	    bars_chart(b, l, to, FORM_INSURANCE, NULL, DIM_REGION, 1,
	    0, 0, "cases-by-region", "chart_ins_region_title",
	    "chart_region_desc", tr(b->cat, l, "col_region"), list) == -1 ||
	    region_trend(b, l, to, FORM_INCIDENTS, "incidents-region-trend",
	    mv_set(mv_index(secs, mv_len(secs) - 1), "trends",
	    mv_list())) == -1)
		goto fail;

	list = section(secs, "patients", tr(b->cat, l, "stats_sec_patients"));
	if (cross_chart(b, l, to, FORM_INCIDENTS, NULL, DIM_AGE10,
	    DIM_SEX, "incidents-pyramid", "chart_pyramid_title",
	    "chart_pyramid_desc", tr(b->cat, l, "col_age"), list) == -1 ||
	    bars_chart(b, l, to, FORM_INCIDENTS, NULL, DIM_CHAPTER, 1,
	    0, 1, "incidents-by-chapter", "chart_inc_chapter_title",
	    "chart_chapter_desc", tr(b->cat, l, "col_chapter"), list) == -1 ||
	    bars_chart(b, l, to, FORM_INSURANCE, NULL, DIM_CHAPTER, 1,
	    0, 1, "cases-by-chapter", "chart_ins_chapter_title",
	    "chart_chapter_desc", tr(b->cat, l, "col_chapter"), list) == -1)
		goto fail;

	list = section(secs, "payments", tr(b->cat, l, "stats_sec_payments"));
	if (payment_charts(b, l, to, list) == -1)
		goto fail;
	page_howto(b, l, path, c);
	rc = page_write(b, "statistics", c, path);
	free(path);
	return rc;
fail:
	mv_free(c);
	free(path);
	return -1;
}

int
stats_quarter(struct build *b, enum lang l, const char *path,
    const char *quarter, struct mval *ctx)
{
	struct mval	*list;
	struct dest	 dd, *to = &dd;

	dd.path = path;
	dd.page = CHARTS_QUARTER;
	dd.quarter = quarter;
	list = mv_set(mv_set(ctx, "charts_quarter", mv_map()), "charts",
	    mv_list());
	if (cross_chart(b, l, to, FORM_INCIDENTS, quarter,
	    DIM_CATEGORY, DIM_CONSEQUENCE, "q-incidents-category",
	    "chart_q_cat_title", "chart_q_cat_desc",
	    tr(b->cat, l, "col_category"), list) == -1 ||
	    bars_chart(b, l, to, FORM_INCIDENTS, quarter, DIM_GROUP, 0,
	    0, 0, "q-incidents-group", "chart_inc_group_title",
	    "chart_group_desc", tr(b->cat, l, "col_group"), list) == -1 ||
	    map_chart(b, l, to, FORM_INCIDENTS, quarter,
	    "q-incidents-map", list) == -1 ||
	    cross_chart(b, l, to, FORM_INCIDENTS, quarter, DIM_AGE10,
	    DIM_SEX, "q-incidents-pyramid", "chart_pyramid_title",
	    "chart_pyramid_desc", tr(b->cat, l, "col_age"), list) == -1 ||
	    cross_chart(b, l, to, FORM_INSURANCE, quarter, DIM_HARM,
	    DIM_INSURED, "q-cases-harm", "chart_q_harm_title",
	    "chart_q_harm_desc", tr(b->cat, l, "col_harm"), list) == -1)
		return -1;
	return 0;
}

int
stats_home(struct build *b, enum lang l, const char *path, struct mval *ctx)
{
	struct dest	 d;

	d.path = path;
	d.page = CHARTS_HOME;
	d.quarter = NULL;
	return trend_chart(b, l, &d, FORM_INCIDENTS, DIM_CATEGORY,
	    "home-incidents-by-category", "chart_inc_category_title",
	    "chart_inc_category_desc", mv_set(ctx, "charts_home",
	    mv_list()));
}

/* ------------------------------------------------------------------ */
/* The regional counts by quarter (the explorer).                      */

static struct mval *
pcount_val(struct build *b, struct pcount c)
{
	struct chart_point p = point(c);
	struct buf	 s = { 0 };
	struct mval	*v;

	point_text(&s, b, &p, 0);
	v = mv_str(buf_str(&s));
	buf_free(&s);
	return v;
}

int
stats_regions(struct build *b, enum lang l, enum form f, struct mval *ctx)
{
	struct dimvals	 dv;
	struct mval	*list, *reg, *rows, *m;
	const struct agg *tot, *out;
	enum dim	 od = f == FORM_INCIDENTS ? DIM_CONSEQUENCE : DIM_HARM;
	const char	*ov = f == FORM_INCIDENTS ? "with" : "death";
	size_t		 i, q;

	dim_values(b, l, DIM_REGION, &dv);
	list = mv_set(ctx, "regions", mv_list());
	for (i = 0; i < dv.n; i++) {
		reg = mv_push(list, mv_map());
		mv_sets(reg, "code", dv.code[i]);
		mv_sets(reg, "label", dv.label[i]);
		rows = mv_set(reg, "rows", mv_list());
		for (q = b->nquarters; q-- > 0; ) {
			if ((tot = agg(b, f, b->quarters[q], DIM_REGION,
			    DIM_NONE)) == NULL || (out = agg(b, f,
			    b->quarters[q], DIM_REGION, od)) == NULL)
				return -1;
			m = mv_push(rows, mv_map());
			if (q == b->nquarters - 1) {
				mv_set(m, "first", mv_bool(1));
				mv_set(m, "span", mv_strf("%zu", b->nquarters));
			}
			mv_set(m, "quarter", quarter_val(l, b->quarters[q],
			    QF_SHORT));
			mv_set(m, "total", pcount_val(b, cell(tot, dv.code[i],
			    NULL)));
			mv_set(m, "outcome", pcount_val(b, cell(out,
			    dv.code[i], ov)));
		}
	}
	return 0;
}
