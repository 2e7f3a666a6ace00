/*
 * tables.c -- the record tables of a quarter, per form and language, in
 * the form's column order with its column numbers and official
 * headings, paginated at stable URLs:
 *
 *	kk/2025-q1/incidents/index.html          page 1
 *	kk/2025-q1/incidents/page-2/index.html   page 2 ...
 *	kk/2025-q1/incidents/2025Q1-I-0042/index.html   one record
 *
 * (paths from url.c).  Rows stream from the published records
 * (privacy.c); at most one page of records is held at a time (and
 * each profile group's page of coded values).  A rebuild reuses what
 * the last build made of the same records (the map, reuse.h): a whole
 * table's rows (form_reuse), or a page's (struct held).
 */
#include <sys/stat.h>

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>
#include <zlib.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "lib/escape.h"
#include "lib/json.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/mustache.h"
#include "render/catalog.h"
#include "site/output.h"
#include "site/site.h"
#include "site/url.h"
#include "site/page.h"
#include "site/reuse.h"

/*
 * Longer free texts are shown folded in the tables: the text once, in a
 * <summary> whose first lines style.css shows while it is closed (no
 * second copy of its beginning).
 */
#define FOLD_AT		320

/* How record_cells shows the free texts. */
#define TEXTS_WHOLE	0	/* a record page */
#define TEXTS_FOLDED	1	/* a table */
#define TEXTS_NONE	2	/* a group page: its text cells are dropped */

/* Catalog keys of the official column headings, in the form's order. */
static const char *const f1_cols[] = {
	"f1_col1", "f1_col2", "f1_col3", "f1_col4", "f1_col5", "f1_col6",
	"f1_col7", "f1_col8", "f1_col9", "f1_col10", "f1_col11"
};
static const char *const f2_cols[] = {
	"f2_col1", "f2_col2", "f2_col3", "f2_col4", "f2_col5", "f2_col6",
	"f2_col7", "f2_col8", "f2_col9", "f2_col10"
};

/* The class of each column (its cells and its heading). */
static const char *const f1_cls[] = {
	"c-no", "c-date", "c-code", "c-code", "c-text", "c-code", "c-text",
	"c-patient", "c-text", "c-text", "c-code"
};
static const char *const f2_cls[] = {
	"c-no", "c-date", "c-code", "c-patient", "c-code", "c-text", "c-code",
	"c-text", "c-text", "c-text"
};

struct tctx {
	struct build	*b;
	enum lang	 l;
	enum form	 f;
	const char	*quarter;
	long		 total, npages;
	struct buf	 spl;		/* a page's rows, from the last site */
	char		 splsha[65];	/* ... and their records' digest */
	int		 pr;		/* pages may keep their rows (below) */
	XXH3_state_t	*rx;		/* a record's digest */
};

/*
 * A page's rows as the template's "rows": rendered in a scope of their
 * own (their values and the catalog, nothing of the page around them),
 * or, reusing the last build's (spl set), its bytes of them; the mark
 * says where they land, for the map.
 */
static struct mval *
rows_value(struct tctx *t, struct mval *rows, const struct buf *spl,
    struct mv_mark *mk)
{
	struct mval	*scope;

	memset(mk, 0, sizeof(*mk));
	if (spl != NULL) {
		mv_free(rows);
		return mv_splice(spl->data, spl->len, mk);
	}
	scope = mv_map();
	mv_set(scope, "t", mv_ref(t->b->tmap[t->l]));
	return mv_scoped(rows, scope, mk);
}

/* A page written: where its rows are, and the digest of the records
 * they show (struct held), into this build's map. */
static void
rows_mapped(struct tctx *t, const char *path, const struct mv_mark *mk,
    const char *digest)
{
	if (t->b->pm != NULL && mk->times == 1)
		pagemap_add(t->b->pm, path, t->b->last_len, mk->start,
		    mk->len, digest);
}

/* A file of the quarter table written whole: its size and SHA-256,
 * into the map (a later build links it only if it is still that). */
static void
file_mapped(struct tctx *t, const char *rel)
{
	struct stat	 st;
	char		*path, hex[65];

	if (t->b->pm == NULL)
		return;
	path = xasprintf("%s/%s", site_tmpdir(t->b->site), rel);
	if (stat(path, &st) == 0 && file_sha256(path, hex) == 0)
		pagemap_add(t->b->pm, rel, (unsigned long long)st.st_size, 0,
		    0, hex);
	free(path);
}

/*
 * The last build's rows of the page at path, into t->spl: 0, or -1 and
 * rs_err.
 */
static int
rows_reread(struct tctx *t, const char *path)
{
	const struct pment *e;

	if ((e = pagemap_prev(t->b->pm, path)) == NULL)
		return rs_err("%s: not in the last build's map", path);
	snprintf(t->splsha, sizeof(t->splsha), "%s", e->sha);
	return pagemap_read(t->b->pm, e, e->n[1], e->n[2], &t->spl);
}

/* Site path of table page n (1-based). */
static char *
table_path(const struct tctx *t, long n)
{
	return url_table(t->l, t->quarter, t->f, n);
}

static char *
record_path(const struct tctx *t, const char *ref)
{
	return url_record(t->l, t->quarter, t->f, ref);
}

/* A part of a cell: an optional label and a value or "hidden". */
static struct mval *
part(struct mval *parts, const char *label, const char *text, int hidden)
{
	struct mval	*p;

	p = mv_push(parts, mv_map());
	if (label)
		mv_sets(p, "label", label);
	if (hidden)
		mv_set(p, "hidden", mv_bool(1));
	else
		mv_sets(p, "text", text ? text : "");
	return p;
}

/*
 * A free-text part: the page language's text, or the other language's
 * (marked with its lang and a note), folded when long (tables only).
 */
static void
text_part(struct tctx *t, struct mval *parts, const struct pubrec *r,
    enum text_col tc, int fold)
{
	struct mval	*p;
	enum lang	 o = t->l == LANG_KK ? LANG_RU : LANG_KK;
	const char	*s = r->text[tc][t->l];

	if (fold == TEXTS_NONE)
		return;
	if (t->b->cfg.free_text == FREE_TEXT_OFF) {
		p = part(parts, NULL, tr(t->b->cat, t->l, "text_not_published"),
		    0);
		mv_set(p, "muted", mv_bool(1));
		return;
	}
	if (r->withheld) {
		p = part(parts, NULL, tr(t->b->cat, t->l, "text_withheld"), 0);
		mv_set(p, "muted", mv_bool(1));
		return;
	}
	if (s == NULL && (s = r->text[tc][o]) != NULL) {
		p = part(parts, NULL, s, 0);
		mv_sets(p, "fallback", lang_codes[o]);
		mv_sets(p, "fallback_note", tr(t->b->cat, t->l, o == LANG_KK ?
		    "text_in_kk" : "text_in_ru"));
	} else if (s == NULL) {
		p = part(parts, NULL, tr(t->b->cat, t->l, "text_missing"), 0);
		mv_set(p, "muted", mv_bool(1));
		return;
	} else
		p = part(parts, NULL, s, 0);
	if (fold == TEXTS_FOLDED && strlen(s) > FOLD_AT)
		mv_set(p, "long", mv_bool(1));
}

static const char *
yesno(struct tctx *t, const char *v)
{
	return tr(t->b->cat, t->l, strcmp(v, "yes") == 0 ? "yes" : "no");
}

/* The month cell text: month and year, the quarter, or hidden. */
static void
date_part(struct tctx *t, struct mval *parts, const struct pubrec *r,
    const char *label)
{
	struct buf	 s = { 0 };
	int		 y, q;

	if (r->month < 0) {
		part(parts, label, NULL, 1);
		return;
	}
	quarter_parse(r->quarter, &y, &q);
	if (r->month == 0)
		fmt_quarter(&s, t->l, r->quarter, QF_NOM);
	else
		fmt_month_year(&s, t->l, y, r->month);
	part(parts, label, buf_str(&s), 0);
	buf_free(&s);
}

/* "35–39", "90+", with an en dash. */
static char *
age_text(const char *band)
{
	const char	*dash = strchr(band, '-');

	if (dash == NULL)
		return xstrdup(band);
	return xasprintf("%.*s–%s", (int)(dash - band), band, dash + 1);
}

static void
dx_part(struct tctx *t, struct mval *parts, const struct pubrec *r)
{
	const char	*label = tr(t->b->cat, t->l, "label_diagnosis");
	char		*s;

	if (strcmp(r->diagnosis, "*") == 0) {
		part(parts, label, NULL, 1);
		return;
	}
	if (r->lv[QI_DIAGNOSIS] == 0) {
		part(parts, label, r->diagnosis, 0);
		return;
	}
	if (r->lv[QI_DIAGNOSIS] >= 2) {
		part(parts, label, label_chapter(t->b, t->l, r->diagnosis), 0);
		return;
	}
	s = xasprintf("%s %s — %s", tr(t->b->cat, t->l, "icd_chapter"),
	    r->diagnosis, label_chapter(t->b, t->l, r->diagnosis));
	part(parts, label, s, 0);
	free(s);
}

static void
profile_part(struct tctx *t, struct mval *parts, const struct pubrec *r)
{
	if (strcmp(r->profile, "*") == 0)
		part(parts, NULL, NULL, 1);
	else
		part(parts, NULL, label_profile(t->b, t->l, r->profile,
		    r->lv[QI_PROFILE]), 0);
}

static void
sex_part(struct tctx *t, struct mval *parts, const struct pubrec *r)
{
	const char	*label = tr(t->b->cat, t->l, "label_sex");

	if (strcmp(r->sex, "*") == 0)
		part(parts, label, NULL, 1);
	else
		part(parts, label, tr(t->b->cat, t->l, strcmp(r->sex, "M") == 0
		    ? "sex_m" : "sex_f"), 0);
}

static struct mval *
cell(struct mval *cells, const char *cls)
{
	struct mval	*c;

	c = mv_push(cells, mv_map());
	if (cls)
		mv_sets(c, "cls", cls);
	mv_set(c, "parts", mv_list());
	return c;
}

/*
 * The cells of a record after the "№" column, in the form's order.
 * fold: the free texts as TEXTS_WHOLE, _FOLDED or _NONE.  Each cell
 * also gets its heading (for record pages and narrow screens).
 */
static struct mval *
record_cells(struct tctx *t, const struct pubrec *r, int fold)
{
	struct mval	*cells, *c, *p;
	struct catalog	*cat = t->b->cat;
	enum lang	 l = t->l;
	char		*s;
	size_t		 i;

	cells = mv_list();
	if (t->f == FORM_INCIDENTS) {
		c = cell(cells, "c-date");
		date_part(t, mv_get(c, "parts"), r, NULL);
		c = cell(cells, "c-code");
		part(mv_get(c, "parts"), NULL, tr(cat, l,
		    strcmp(r->category, "clinical") == 0 ? "cat_clinical" :
		    "cat_corporate"), 0);
		c = cell(cells, "c-code");
		part(mv_get(c, "parts"), NULL, tr(cat, l,
		    strcmp(r->consequence, "with") == 0 ? "cons_with" :
		    "cons_without"), 0);
		c = cell(cells, "c-text");
		text_part(t, mv_get(c, "parts"), r, TEXT_CIRC, fold);
		c = cell(cells, "c-code");
		profile_part(t, mv_get(c, "parts"), r);
		c = cell(cells, "c-text");
		text_part(t, mv_get(c, "parts"), r, TEXT_ANAM, fold);
		p = part(mv_get(c, "parts"), tr(cat, l, "label_trigger"),
		    yesno(t, r->trigger), 0);
		mv_set(p, "block", mv_bool(1));
		c = cell(cells, "c-patient");
		sex_part(t, mv_get(c, "parts"), r);
		if (strcmp(r->age, "*") == 0)
			part(mv_get(c, "parts"), tr(cat, l, "label_age"),
			    NULL, 1);
		else {
			s = age_text(r->age);
			part(mv_get(c, "parts"), tr(cat, l, "label_age"), s,
			    0);
			free(s);
		}
		dx_part(t, mv_get(c, "parts"), r);
		c = cell(cells, "c-text");
		text_part(t, mv_get(c, "parts"), r, TEXT_CARE, fold);
		c = cell(cells, "c-text");
		text_part(t, mv_get(c, "parts"), r, TEXT_MEAS, fold);
		c = cell(cells, "c-code");
		part(mv_get(c, "parts"), NULL, yesno(t, r->plan), 0);
	} else {
		c = cell(cells, "c-date");
		date_part(t, mv_get(c, "parts"), r, NULL);
		if (r->region[0] == '\0')
			part(mv_get(c, "parts"), NULL, tr(cat, l,
			    "place_not_published"), 0);
		else if (strcmp(r->region, "*") == 0)
			part(mv_get(c, "parts"), tr(cat, l, "label_region"),
			    NULL, 1);
		else
			part(mv_get(c, "parts"), NULL,
			    label_region(t->b, l, r->region), 0);
		c = cell(cells, "c-code");
		profile_part(t, mv_get(c, "parts"), r);
		c = cell(cells, "c-patient");
		sex_part(t, mv_get(c, "parts"), r);
		dx_part(t, mv_get(c, "parts"), r);
		c = cell(cells, "c-code");
		part(mv_get(c, "parts"), NULL, tr(cat, l,
		    strcmp(r->insured, "yes") == 0 ? "insured_yes" :
		    "insured_no"), 0);
		c = cell(cells, "c-text");
		text_part(t, mv_get(c, "parts"), r, TEXT_ANAM, fold);
		c = cell(cells, "c-code");
		if (strcmp(r->harm, "death") == 0)
			part(mv_get(c, "parts"), NULL, tr(cat, l,
			    "harm_death"), 0);
		else {
			char	 key[32];

			part(mv_get(c, "parts"), NULL, tr(cat, l,
			    "harm_iatrogenic"), 0);
			snprintf(key, sizeof(key), "disability_%s",
			    r->disability);
			for (char *k = key; *k; k++)
				*k = (char)tolower((unsigned char)*k);
			p = part(mv_get(c, "parts"), NULL, tr(cat, l, key), 0);
			mv_set(p, "block", mv_bool(1));
		}
		c = cell(cells, "c-text");
		text_part(t, mv_get(c, "parts"), r, TEXT_CIRC, fold);
		c = cell(cells, "c-text");
		text_part(t, mv_get(c, "parts"), r, TEXT_CARE, fold);
		c = cell(cells, "c-text");
		text_part(t, mv_get(c, "parts"), r, TEXT_MEAS, fold);
	}
	/* A cell of one plain value needs no box of its own. */
	for (i = 0; (c = mv_index(cells, i)) != NULL; i++)
		if (mv_len(mv_get(c, "parts")) == 1 &&
		    (p = mv_index(mv_get(c, "parts"), 0)) != NULL &&
		    mv_get(p, "label") == NULL && mv_get(p, "block") == NULL &&
		    mv_get(p, "muted") == NULL)
			mv_set(p, "bare", mv_bool(1));
	return cells;
}

/* The column headings with their numbers (the form's own, from 1). */
static struct mval *
headings(struct tctx *t)
{
	struct mval	*list, *h;
	const char *const *keys = t->f == FORM_INCIDENTS ? f1_cols : f2_cols;
	size_t		 n = t->f == FORM_INCIDENTS ? 11 : 10, i;

	list = mv_list();
	for (i = 0; i < n; i++) {
		h = mv_push(list, mv_map());
		mv_set(h, "no", mv_strf("%zu", i + 1));
		if (i == 0)
			mv_set(h, "first", mv_bool(1));
		mv_sets(h, "cls", (t->f == FORM_INCIDENTS ? f1_cls : f2_cls)[i]);
		mv_sets(h, "text", tr(t->b->cat, t->l, keys[i]));
	}
	return list;
}

struct mval *
table_headings(struct build *b, enum lang l, enum form f)
{
	struct tctx	 t;

	memset(&t, 0, sizeof(t));
	t.b = b;
	t.l = l;
	t.f = f;
	return headings(&t);
}

/*
 * On a narrow screen a record row is a card and each value sits under
 * its column's heading.  The headings are the same on every row, so the
 * style sheet carries them once, per language, form and column
 * (td:nth-of-type), instead of an attribute on every cell; a group
 * page's table ("coded") has the coded columns only.  The folded texts'
 * "more" and "less" come from here too.
 */
void
table_card_css(struct build *b, enum lang l, struct buf *out)
{
	enum form	 f;
	size_t		 i, n, k;
	const char *const *keys, *const *cls;
	int		 coded;

	/* style.css shows the labels on narrow screens only. */
	BUF_LIT(out, "@charset \"UTF-8\";\n/* regsite: the record tables' "
	    "card labels and the folded texts' links, from its catalog "
	    "(tables.c). */\n");
	for (f = 0; f < FORM__MAX; f++)
		for (coded = 0; coded <= 1; coded++) {
			keys = f == FORM_INCIDENTS ? f1_cols : f2_cols;
			cls = f == FORM_INCIDENTS ? f1_cls : f2_cls;
			n = f == FORM_INCIDENTS ? 11 : 10;
			for (i = 1, k = 0; i < n; i++) {
				if (coded && strcmp(cls[i], "c-text") == 0)
					continue;
				buf_printf(out, "table.cards.form-%s%s "
				    "td:nth-of-type(%zu)::before { content: "
				    "\"%zu. ", form_dir(f), coded ? ".coded" :
				    "", ++k, i + 1);
				esc_csss(out, tr(b->cat, l, keys[i]));
				BUF_LIT(out, "\"; }\n");
			}
		}
	BUF_LIT(out, "details.fold summary::after { content: \"");
	esc_csss(out, tr(b->cat, l, "show_more"));
	BUF_LIT(out, "\"; }\ndetails.fold[open] summary::after { content: "
	    "\"");
	esc_csss(out, tr(b->cat, l, "show_less"));
	BUF_LIT(out, "\"; }\n");
}

/* Attach each heading's text to the cells (labels on narrow screens). */
static void
label_cells(struct tctx *t, struct mval *cells)
{
	const char *const *keys = t->f == FORM_INCIDENTS ? f1_cols : f2_cols;
	size_t		 i;
	struct mval	*c;

	for (i = 0; (c = mv_index(cells, i)) != NULL; i++) {
		mv_sets(c, "heading", tr(t->b->cat, t->l, keys[i + 1]));
		mv_set(c, "no", mv_strf("%zu", i + 2));
	}
}

/* What the privacy stage did to this form's table, as sentences. */
static struct mval *
privacy_notes(struct tctx *t)
{
	struct mval	*list;
	struct buf	 k = { 0 }, b = { 0 };

	list = mv_list();
	buf_printf(&k, "%ld", t->b->cfg.k);
	trf(&b, t->b->cat, t->l, t->f == FORM_INCIDENTS ? "gen_groups_form1" :
	    "gen_groups_form2", "k", buf_str(&k), (char *)NULL);
	mv_push(list, mv_str(buf_str(&b)));
	if (t->f == FORM_INSURANCE)
		mv_push(list, mv_str(tr(t->b->cat, t->l, "gen_region_rows")));
	mv_push(list, mv_str(tr(t->b->cat, t->l, "gen_texts")));
	buf_free(&k);
	buf_free(&b);
	return list;
}

/*
 * Numbered page links with gaps, 1 … 4 5 [6] 7 8 … 20, on page cur of
 * npages of path; url(arg, i) is page i's address.  A bounded number
 * of links, however many pages: a page that listed every page would
 * make the pages' bytes grow with the square of their number.
 */
static struct mval *
pager(const char *path, long cur, long npages,
    char *(*url)(const void *, long), const void *arg)
{
	struct mval	*m, *list, *p;
	long		 i, last = 0;

	m = mv_map();
	list = mv_set(m, "pages", mv_list());
	/* 1, cur - 2 to cur + 2, npages: the loop skips the rest. */
	for (i = 1; i <= npages;
	    i = i < cur - 2 ? cur - 2 : i >= cur + 2 && i < npages ? npages :
	    i + 1) {
		if (last && i > last + 1)
			mv_set(mv_push(list, mv_map()), "gap", mv_bool(1));
		p = mv_push(list, mv_map());
		mv_set(p, "n", mv_strf("%ld", i));
		page_link(p, "href", path, url(arg, i));
		if (i == cur)
			mv_set(p, "current", mv_bool(1));
		last = i;
	}
	if (cur > 1)
		page_link(m, "prev", path, url(arg, cur - 1));
	if (cur < npages)
		page_link(m, "next", path, url(arg, cur + 1));
	if (npages > 1)
		mv_set(m, "many", mv_bool(1));
	return m;
}

static char *
table_url(const void *arg, long n)
{
	return table_path(arg, n);
}

/* A table page's pager. */
static struct mval *
pagination(struct tctx *t, const char *path, long cur)
{
	return pager(path, cur, t->npages, table_url, t);
}

/* The context shared by a table page and a record page. */
static struct mval *
form_ctx(struct tctx *t, const char *path, const char *title,
    const char *desc)
{
	struct mval	*c, *crumbs;
	struct buf	 s = { 0 };

	c = page_ctx_table(t->b, t->l, path, title, desc, t->quarter, t->f);
	mv_sets(c, "form", form_dir(t->f));
	page_link(c, "href_cards_css", path,
	    xstrdup(t->b->asset_cards[t->l]));
	mv_sets(c, "form_title", tr_form(t->b->cat, t->l, t->f));
	mv_sets(c, "form_annex", tr(t->b->cat, t->l, t->f == FORM_INCIDENTS ?
	    "form1_annex" : "form2_annex"));
	fmt_quarter(&s, t->l, t->quarter, QF_NOM);
	mv_sets(c, "quarter_label", buf_str(&s));
	buf_free(&s);
	mv_sets(c, "quarter", t->quarter);
	crumbs = mv_set(mv_set(c, "breadcrumbs", mv_map()), "items",
	    mv_list());
	page_link(mv_push(crumbs, mv_map()), "href", path,
	    url_quarter(t->l, t->quarter));
	mv_sets(mv_index(crumbs, 0), "label",
	    mv_getstr(c, "quarter_label"));
	return c;
}

static int
write_table_page(struct tctx *t, long n, struct mval *rows, long first,
    long nrows, int reuse, const char *digest)
{
	struct mval	*c;
	struct mv_mark	 mk;
	struct buf	 title = { 0 }, desc = { 0 }, s = { 0 };
	char		*path;
	int		 rc;

	path = table_path(t, n);
	if (reuse && rows_reread(t, path) == -1) {
		mv_free(rows);
		free(path);
		return -1;
	}
	buf_puts(&title, tr_form(t->b->cat, t->l, t->f));
	BUF_LIT(&title, ": ");
	fmt_quarter(&title, t->l, t->quarter, QF_NOM);
	if (t->npages > 1) {
		BUF_LIT(&title, ", ");
		buf_puts(&title, tr(t->b->cat, t->l, "page"));
		buf_printf(&title, " %ld", n);
	}
	buf_puts(&desc, tr(t->b->cat, t->l, t->f == FORM_INCIDENTS ?
	    "form1_description" : "form2_description"));
	BUF_LIT(&desc, " ");
	fmt_quarter(&desc, t->l, t->quarter, QF_NOM);
	BUF_LIT(&desc, ".");
	c = form_ctx(t, path, buf_str(&title), buf_str(&desc));
	page_link(c, "href_tables_js", path, xstrdup(t->b->asset_tables_js));
	mv_set(c, "headings", headings(t));
	mv_set(c, "rows", rows_value(t, rows, reuse ? &t->spl : NULL, &mk));
	fmt_int(&s, t->total);
	mv_sets(c, "total", buf_str(&s));
	buf_reset(&s);
	trn(&s, t->b->cat, t->l, t->f == FORM_INCIDENTS ? "n_incidents" :
	    "n_cases", t->total);
	mv_sets(c, "total_noun", buf_str(&s));
	buf_reset(&s);
	if (t->npages > 1) {
		fmt_int(&s, first);
		buf_puts(&s, "–");
		fmt_int(&s, first + nrows - 1);
		mv_sets(c, "range", buf_str(&s));
	}
	mv_set(c, "pagination", pagination(t, path, n));
	mv_set(c, "privacy_notes", privacy_notes(t));
	mv_set(c, "ncols", mv_strf("%d", t->f == FORM_INCIDENTS ? 11 : 10));
	page_link(c, "href_index", path, url_records_json(t->l, t->quarter,
	    t->f));
	page_link(c, "href_filters", path, url_filters_json(t->l, t->quarter,
	    t->f));
	mv_set(c, "page_no", mv_strf("%ld", n));
	{
		char	*e = url_explore(t->l, t->f), *h;

		/* The explorer's list of this quarter's group pages. */
		h = url_rel(path, e);
		mv_set(c, "href_explore_nojs", mv_strf("%s#nojs-%s", h,
		    t->quarter));
		free(h);
		free(e);
	}
	download_links(t->b, t->l, path, t->quarter, t->f, c);
	rc = page_write_kept(t->b, "table", c, path, reuse);
	if (rc == 0)
		rows_mapped(t, path, &mk, digest ? digest : reuse ?
		    t->splsha : NULL);
	free(path);
	buf_free(&title);
	buf_free(&desc);
	buf_free(&s);
	return rc;
}

static int
write_record_page(struct tctx *t, const struct pubrec *r, long row,
    const char *prev, const char *next)
{
	struct mval	*c, *cells;
	struct buf	 title = { 0 }, desc = { 0 };
	char		*path, *tp, *h;
	int		 rc;

	path = record_path(t, r->ref);
	buf_puts(&title, tr(t->b->cat, t->l, "record"));
	buf_printf(&title, " %s", r->ref);
	buf_puts(&desc, tr(t->b->cat, t->l, t->f == FORM_INCIDENTS ?
	    "record1_description" : "record2_description"));
	BUF_LIT(&desc, " ");
	fmt_quarter(&desc, t->l, t->quarter, QF_NOM);
	BUF_LIT(&desc, ".");
	c = form_ctx(t, path, buf_str(&title), buf_str(&desc));
	mv_sets(c, "ref", r->ref);
	cells = record_cells(t, r, TEXTS_WHOLE);
	label_cells(t, cells);
	mv_set(c, "cells", cells);
	/* Back to the table page holding the row, at its anchor. */
	tp = table_path(t, (row - 1) / t->b->cfg.rows_per_page + 1);
	h = url_rel(path, tp);
	mv_set(c, "href_table", mv_strf("%s#%s", h, r->ref));
	free(h);
	free(tp);
	{
		struct mval *crumbs = mv_get(mv_get(c, "breadcrumbs"),
		    "items"), *cr;

		cr = mv_push(crumbs, mv_map());
		mv_sets(cr, "href", mv_getstr(c, "href_table"));
		mv_sets(cr, "label", mv_getstr(c, "form_title"));
	}
	if (prev) {
		page_link(c, "prev", path, record_path(t, prev));
		mv_sets(c, "prev_ref", prev);
	}
	if (next) {
		page_link(c, "next", path, record_path(t, next));
		mv_sets(c, "next_ref", next);
	}
	{
		char	*u = page_url(t->b, path);
		struct buf	 cite = { 0 };

		/* Registry name. Form. Quarter. Record REF. URL */
		buf_puts(&cite, t->b->cfg.site_name[t->l]);
		BUF_LIT(&cite, ". ");
		buf_puts(&cite, mv_getstr(c, "form_title"));
		BUF_LIT(&cite, ", ");
		buf_puts(&cite, mv_getstr(c, "quarter_label"));
		BUF_LIT(&cite, ". ");
		buf_puts(&cite, tr(t->b->cat, t->l, "record"));
		buf_printf(&cite, " %s. %s", r->ref, u);
		mv_sets(c, "citation", buf_str(&cite));
		mv_sets(c, "url", u);
		buf_free(&cite);
		free(u);
	}
	if (strcmp(r->reported, r->quarter) != 0) {
		struct buf	 s = { 0 };

		fmt_quarter(&s, t->l, r->reported, QF_NOM);
		mv_sets(c, "reported_late", buf_str(&s));
		buf_free(&s);
	}
	mv_set(c, "privacy_notes", privacy_notes(t));
	rc = page_write(t->b, "record", c, path);
	free(path);
	buf_free(&title);
	buf_free(&desc);
	return rc;
}

/*
 * Record pages need their neighbours' references, so the stream is read
 * one record ahead: cur is written once next is known.  A page's
 * records are held the same way (struct held).
 */
struct ahead {
	struct pubrec	 rec;
	struct buf	 arena;		/* its strings, each ended by a NUL */
	int		 have;
};

/* Copy a published record out of the cursor's buffers (its texts
 * too, or not) into a's arena, reused from record to record. */
static void
keep(struct ahead *a, const struct pubrec *r, int texts)
{
	const char **const f[] = { &a->rec.region, &a->rec.sex,
		&a->rec.age, &a->rec.diagnosis, &a->rec.profile,
		&a->rec.category, &a->rec.consequence, &a->rec.trigger,
		&a->rec.plan, &a->rec.insured, &a->rec.harm,
		&a->rec.disability };
	size_t		 off[sizeof(f) / sizeof(f[0]) + TEXT__MAX * LANG__MAX];
	size_t		 i, k, nf = sizeof(f) / sizeof(f[0]);
	int		 l;

	a->rec = *r;
	buf_reset(&a->arena);
	for (k = 0; k < nf + TEXT__MAX * LANG__MAX; k++) {
		const char *v = k < nf ? *f[k] : texts ?
		    r->text[(k - nf) / LANG__MAX][(k - nf) % LANG__MAX] : NULL;

		off[k] = v != NULL ? a->arena.len : SIZE_MAX;
		if (v != NULL)
			buf_put(&a->arena, v, strlen(v) + 1);
	}
	/* (The arena is whole: its place in memory is final.) */
	for (k = 0; k < nf; k++)
		*f[k] = off[k] == SIZE_MAX ? NULL : a->arena.data + off[k];
	for (i = 0, k = nf; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++, k++)
			a->rec.text[i][l] = off[k] == SIZE_MAX ? NULL :
			    a->arena.data + off[k];
	a->have = 1;
}

/*
 * What a row is made from, for a rebuild: a record's published values
 * (its digest, XXH3 of 128 bits, each string with its length) and its
 * row number.  A page's digest is that of its rows in order, kept in
 * the map (rows_mapped); the rows' bytes are a function of it and the
 * frame (the map is one of the same frame), so the next build, finding
 * a page of a changed table whose digest is the last one's, takes the
 * rows from the last page (and the records' lines of the record index
 * from the last index) instead of making them again: late records
 * that join a quarter change its last pages only.
 */
struct held {
	struct ahead	 a;		/* the record, copied */
	long		 rowno;
	unsigned char	 dg[16];
};

static void
digest_str(XXH3_state_t *x, const char *s)
{
	uint64_t	 n = s == NULL ? UINT64_MAX : strlen(s);

	XXH3_128bits_update(x, &n, sizeof(n));
	if (s != NULL)
		XXH3_128bits_update(x, s, (size_t)n);
}

static void
record_digest(XXH3_state_t *x, const struct pubrec *r, unsigned char dg[16])
{
	int64_t		 v[6];
	const char	*s[] = { r->quarter, r->ref, r->reported, r->region,
		r->sex, r->age, r->diagnosis, r->profile, r->category,
		r->consequence, r->trigger, r->plan, r->insured, r->harm,
		r->disability };
	XXH128_canonical_t c;
	size_t		 i;
	int		 l;

	XXH3_128bits_reset(x);
	v[0] = r->form;
	v[1] = r->no;
	v[2] = r->month;
	v[3] = r->withheld;
	/* The levels of diagnosis and profile: those of month, sex and
	 * age are in their values, as in the table's digest (pub_digest),
	 * so that a table of the same digest has pages of the same. */
	v[4] = r->lv[QI_DIAGNOSIS];
	v[5] = r->lv[QI_PROFILE];
	XXH3_128bits_update(x, v, sizeof(v));
	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		digest_str(x, s[i]);
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++)
			digest_str(x, r->text[i][l]);
	XXH128_canonicalFromHash(&c, XXH3_128bits_digest(x));
	memcpy(dg, c.digest, 16);
}

/* A row into its page's digest. */
static void
digest_row(XXH3_state_t *x, long rowno, const unsigned char dg[16])
{
	int64_t	 n = rowno;

	XXH3_128bits_update(x, &n, sizeof(n));
	XXH3_128bits_update(x, dg, 16);
}

/* A page's digest in hex; the state starts again. */
static void
digest_hex(XXH3_state_t *x, char hex[33])
{
	XXH128_canonical_t c;

	XXH128_canonicalFromHash(&c, XXH3_128bits_digest(x));
	hex_encode(c.digest, 16, hex);
	XXH3_128bits_reset(x);
}

static void
ahead_free(struct ahead *a)
{
	buf_free(&a->arena);
	a->have = 0;
}

/*
 * The quarter's record index for the table script: every record of the
 * form with its page, its display texts and its codes for filtering:
 *
 *   kk/2025-q1/incidents/records.json.gz (gzip)
 *   { "form", "quarter", "lang", "pages", "filters": [{ "key",
 *     "label", "values": [{ "code", "label" }] }], "records": [{ "ref",
 *     "no", "page", "href", "cells": [...], "codes": { key: code } }] }
 *
 * Published values only, as on the pages.
 */
struct fvalue {
	char	*code, *label;
};

struct filter {
	const char	*key;
	const char	*label_key;	/* catalog: the filter's name */
	struct fvalue	*v;
	size_t		 n;
};

struct index {
	FILE		*f;
	char		*path;
	struct filter	 filters[10];
	size_t		 nfilters;
	long		 nrec;
	struct gzout	*gz;		/* records.json.gz */
	struct jw	 j;		/* the JSON, a record at a time */
	struct buf	 line;		/* what j wrote since the last flush */
	struct pagemap	*pm;		/* its chunks' map entries */
	const struct pment *prev;	/* the last build's index */
	struct buf	 name;
	long		 nchunks, ncopied;
};

/*
 * The name of the map entry of a record index's chunk k, "PATH#k": its
 * offset, compressed and plain lengths.
 */
static const char *
chunk_name(struct buf *b, const char *path, size_t k)
{
	buf_reset(b);
	buf_printf(b, "%s#%zu", path, k);
	return buf_str(b);
}

static int
chunk_old(void *arg, size_t k, size_t len, struct buf *z)
{
	struct index	*ix = arg;
	const struct pment *e;

	/* pagemap_read checks the file's size. */
	if (ix->prev == NULL || (e = pagemap_prev(ix->pm,
	    chunk_name(&ix->name, ix->path, k))) == NULL ||
	    e->n[2] != len || e->n[1] == 0)
		return -1;
	return pagemap_read(ix->pm, ix->prev, e->n[0], e->n[1], z);
}

static void
chunk_made(void *arg, size_t k, unsigned long long off,
    unsigned long long zlen, size_t len, int copied)
{
	struct index	*ix = arg;

	pagemap_add(ix->pm, chunk_name(&ix->name, ix->path, k), off, zlen,
	    len, NULL);
	ix->nchunks++;
	ix->ncopied += copied;
}

static const struct gz_reuse chunk_reuse = { chunk_old, chunk_made };

/* Write what the index's JSON writer appended to its file. */
static void
index_flush(struct index *ix)
{
	gz_write(ix->gz, ix->line.data, ix->line.len);
	buf_reset(&ix->line);
}

/* The index's identity: form, quarter, language (then its count). */
static void
index_head(struct tctx *t, struct jw *j)
{
	jw_obj_begin(j);
	jw_key(j, "form");
	jw_str(j, form_dir(t->f));
	jw_key(j, "quarter");
	jw_str(j, t->quarter);
	jw_key(j, "lang");
	jw_str(j, lang_codes[t->l]);
}

static void
filter_add(struct filter *fl, const char *code, const char *label)
{
	size_t	 i;

	for (i = 0; i < fl->n; i++)
		if (strcmp(fl->v[i].code, code) == 0)
			return;
	fl->v = xreallocarray(fl->v, fl->n + 1, sizeof(*fl->v));
	fl->v[fl->n].code = xstrdup(code);
	fl->v[fl->n].label = xstrdup(label);
	fl->n++;
}

static int
fvalue_cmp(const void *a, const void *b)
{
	return strcmp(((const struct fvalue *)a)->code,
	    ((const struct fvalue *)b)->code);
}

static int
index_open(struct tctx *t, struct index *ix)
{
	static const struct { const char *key, *label; int form; } fl[] = {
		{ "month", "filter_month", -1 },
		{ "category", "filter_category", FORM_INCIDENTS },
		{ "consequence", "filter_consequence", FORM_INCIDENTS },
		{ "region", "filter_region", FORM_INSURANCE },
		{ "group", "filter_group", -1 },
		{ "sex", "filter_sex", -1 },
		{ "age", "filter_age", FORM_INCIDENTS },
		{ "insured", "filter_insured", FORM_INSURANCE },
		{ "harm", "filter_harm", FORM_INSURANCE },
		{ "plan", "filter_plan", FORM_INCIDENTS },
	};
	size_t	 i;

	memset(ix, 0, sizeof(*ix));
	for (i = 0; i < sizeof(fl) / sizeof(fl[0]); i++)
		if (fl[i].form == -1 || fl[i].form == (int)t->f) {
			ix->filters[ix->nfilters].key = fl[i].key;
			ix->filters[ix->nfilters].label_key = fl[i].label;
			ix->nfilters++;
		}
	ix->path = url_records_json(t->l, t->quarter, t->f);
	if ((ix->f = site_fopen(t->b->site, ix->path)) == NULL)
		return -1;
	ix->gz = gz_open(ix->f);
	if (t->b->pm != NULL) {
		ix->pm = t->b->pm;
		ix->prev = pagemap_prev(ix->pm, ix->path);
		gz_set_reuse(ix->gz, &chunk_reuse, ix);
	}
	jw_init(&ix->j, &ix->line);
	index_head(t, &ix->j);
	jw_key(&ix->j, "pages");
	jw_int(&ix->j, t->npages);
	jw_break(&ix->j, "\n");
	jw_key(&ix->j, "records");
	jw_arr_begin(&ix->j);
	index_flush(ix);
	/* The header (its count of pages changes) a chunk of its own. */
	gz_cut(ix->gz);
	return 0;
}


/* A cell as plain text: its parts, "label: value", joined by "; ". */
static void
cell_text(struct buf *out, struct tctx *t, const struct mval *c)
{
	const struct mval *parts = mv_get(c, "parts"), *p;
	size_t		 i;

	for (i = 0; (p = mv_index(parts, i)) != NULL; i++) {
		if (i > 0)
			BUF_LIT(out, "; ");
		if (*mv_getstr(p, "label")) {
			buf_puts(out, mv_getstr(p, "label"));
			BUF_LIT(out, ": ");
		}
		if (mv_get(p, "hidden"))
			buf_puts(out, tr(t->b->cat, t->l, "hidden_value"));
		else
			buf_puts(out, mv_getstr(p, "text"));
	}
}

/* The filter code of a record for a key, and its label. */
static void
record_code(struct tctx *t, const struct pubrec *r, const char *key,
    const char **code, const char **label, char *tmp, size_t tmplen)
{
	struct catalog	*cat = t->b->cat;
	enum lang	 l = t->l;
	const char	*hidden = tr(cat, l, "hidden_value");
	int		 y, q;

	*code = "";
	*label = "";
	if (strcmp(key, "month") == 0) {
		if (r->month < 0) {
			*code = "*";
			*label = hidden;
		} else if (r->month > 0) {
			struct buf	 s = { 0 };

			quarter_parse(r->quarter, &y, &q);
			snprintf(tmp, tmplen, "%.4s-%02d", r->quarter, r->month);
			*code = tmp;
			fmt_month_year(&s, l, y, r->month);
			snprintf(tmp + 8, tmplen - 8, "%s", buf_str(&s));
			*label = tmp + 8;
			buf_free(&s);
		}
	} else if (strcmp(key, "category") == 0) {
		*code = r->category;
		*label = tr(cat, l, strcmp(r->category, "clinical") == 0 ?
		    "cat_clinical" : "cat_corporate");
	} else if (strcmp(key, "consequence") == 0) {
		*code = r->consequence;
		*label = tr(cat, l, strcmp(r->consequence, "with") == 0 ?
		    "cons_with" : "cons_without");
	} else if (strcmp(key, "region") == 0) {
		*code = r->region;
		*label = r->region[0] == '\0' ? "" : strcmp(r->region, "*") == 0 ?
		    hidden : label_region(t->b, l, r->region);
	} else if (strcmp(key, "group") == 0) {
		if (strcmp(r->profile, "*") == 0) {
			*code = "*";
			*label = hidden;
		} else if (r->lv[QI_PROFILE] == 0) {
			const struct dict_entry *e = dict_find(
			    t->b->dicts->profiles, t->b->dicts->nprofiles,
			    r->profile);

			*code = e ? e->group : "";
			*label = label_profile(t->b, l, *code, 1);
		} else {
			*code = r->profile;
			*label = label_profile(t->b, l, r->profile,
			    r->lv[QI_PROFILE]);
		}
	} else if (strcmp(key, "sex") == 0) {
		*code = r->sex;
		*label = strcmp(r->sex, "*") == 0 ? hidden : tr(cat, l,
		    strcmp(r->sex, "M") == 0 ? "sex_m" : "sex_f");
	} else if (strcmp(key, "age") == 0) {
		*code = r->age;
		*label = strcmp(r->age, "*") == 0 ? hidden : r->age;
	} else if (strcmp(key, "insured") == 0) {
		*code = r->insured;
		*label = tr(cat, l, strcmp(r->insured, "yes") == 0 ?
		    "insured_yes" : "insured_no");
	} else if (strcmp(key, "harm") == 0) {
		*code = r->harm;
		*label = tr(cat, l, strcmp(r->harm, "death") == 0 ?
		    "harm_death" : "harm_iatrogenic");
	} else if (strcmp(key, "plan") == 0) {
		*code = r->plan;
		*label = tr(cat, l, strcmp(r->plan, "yes") == 0 ? "yes" : "no");
	}
}

static void
index_add(struct tctx *t, struct index *ix, const struct pubrec *r,
    long rowno, long page, const struct mval *cells)
{
	struct jw	*j = &ix->j;
	struct buf	 txt = { 0 };
	const struct mval *c;
	const char	*code, *label;
	char		 tmp[128], *rp, *h;
	size_t		 i;

	jw_break(j, "\n");
	jw_obj_begin(j);
	jw_key(j, "ref");
	jw_str(j, r->ref);
	jw_key(j, "no");
	jw_int(j, rowno);
	jw_key(j, "page");
	jw_int(j, page);
	if (t->b->cfg.record_pages) {
		/* Relative to the index's folder. */
		rp = record_path(t, r->ref);
		h = url_rel_below(ix->path, rp);
		jw_key(j, "href");
		jw_str(j, h);
		free(h);
		free(rp);
	}
	jw_key(j, "cells");
	jw_arr_begin(j);
	for (i = 0; (c = mv_index(cells, i)) != NULL; i++) {
		buf_reset(&txt);
		cell_text(&txt, t, c);
		jw_strn(j, buf_str(&txt), txt.len);
	}
	jw_arr_end(j);
	jw_key(j, "codes");
	jw_obj_begin(j);
	for (i = 0; i < ix->nfilters; i++) {
		record_code(t, r, ix->filters[i].key, &code, &label, tmp,
		    sizeof(tmp));
		jw_key(j, ix->filters[i].key);
		jw_str(j, code);
		if (*code)
			filter_add(&ix->filters[i], code, label);
	}
	jw_obj_end(j);
	jw_obj_end(j);
	index_flush(ix);
	ix->nrec++;
	buf_free(&txt);
}

/* A record's values of the filters (index_add's, without its line). */
static void
index_filters(struct tctx *t, struct index *ix, const struct pubrec *r)
{
	const char	*code, *label;
	char		 tmp[128];
	size_t		 i;

	for (i = 0; i < ix->nfilters; i++) {
		record_code(t, r, ix->filters[i].key, &code, &label, tmp,
		    sizeof(tmp));
		if (*code)
			filter_add(&ix->filters[i], code, label);
	}
}

/* A record's line of the last build's index, as index_add wrote it. */
static void
index_copy(struct tctx *t, struct index *ix, const struct pubrec *r,
    const struct buf *line)
{
	jw_break(&ix->j, "\n");
	jw_copy(&ix->j, line->data, line->len);
	index_flush(ix);
	index_filters(t, ix, r);
	ix->nrec++;
}

/*
 * The last build's record index of a table, read line by line (a
 * record a line, in row order) for the pages that keep their rows.
 * Taken only when its SHA-256 is the map's; a line is a record's only
 * when it begins with that record's reference and row number.
 */
struct oldix {
	gzFile		 gz;
	struct buf	 in;		/* inflated, not yet read */
	size_t		 pos;
	struct buf	*lines;		/* a page's records' lines */
	int		 ok;		/* in step with the rows */
};

static int
oldix_line(struct oldix *o, struct buf *out)
{
	const char	*nl;
	size_t		 len;
	int		 n;

	buf_reset(out);
	for (;;) {
		if ((nl = memchr(o->in.data + o->pos, '\n', o->in.len -
		    o->pos)) != NULL) {
			len = (size_t)(nl - (o->in.data + o->pos));
			buf_put(out, o->in.data + o->pos, len);
			o->pos += len + 1;
			return 0;
		}
		memmove(o->in.data, o->in.data + o->pos, o->in.len - o->pos);
		o->in.len -= o->pos;
		o->pos = 0;
		if (o->in.cap < o->in.len + 65536 + 1) {
			o->in.cap = o->in.len + 65536 + 1;
			o->in.data = xrealloc(o->in.data, o->in.cap);
		}
		n = gzread(o->gz, o->in.data + o->in.len, 65536);
		if (n <= 0)
			return -1;
		o->in.len += (size_t)n;
	}
}

static void
oldix_open(struct tctx *t, struct oldix *o, const char *rel)
{
	struct buf	 line = { 0 };
	char		*path;
	int		 i;

	memset(o, 0, sizeof(*o));
	o->in.data = xmalloc(1);
	o->in.cap = 1;
	path = xasprintf("%s/%s", pagemap_prevdir(t->b->pm), rel);
	if ((o->gz = gzopen(path, "rb")) != NULL) {
		o->lines = xcalloc((size_t)t->b->cfg.rows_per_page,
		    sizeof(*o->lines));
		/* The header: the identity, then the records' array. */
		for (i = 0; i < 2 && !o->ok; i++)
			o->ok = oldix_line(o, &line) == 0 &&
			    strcmp(buf_str(&line), "\"records\": [") == 0;
	}
	free(path);
	buf_free(&line);
}

static void
oldix_close(struct tctx *t, struct oldix *o)
{
	long	 i;

	if (o->gz != NULL)
		gzclose(o->gz);
	for (i = 0; o->lines != NULL && i < t->b->cfg.rows_per_page; i++)
		buf_free(&o->lines[i]);
	free(o->lines);
	buf_free(&o->in);
	memset(o, 0, sizeof(*o));
}

/* The lines of a page's n records: 0, or -1 (and no more pages keep
 * their rows: the lines are out of step). */
static int
oldix_page(struct oldix *o, const struct held *v, size_t n)
{
	struct buf	 pre = { 0 };
	struct buf	*l;
	struct jw	 j;
	size_t		 i;

	for (i = 0; o->ok && i < n; i++) {
		l = &o->lines[i];
		if (oldix_line(o, l) == -1) {
			o->ok = 0;
			break;
		}
		/* The next one's comma ends the line. */
		if (l->len > 0 && l->data[l->len - 1] == ',')
			l->data[--l->len] = '\0';
		buf_reset(&pre);
		jw_init(&j, &pre);
		jw_obj_begin(&j);
		jw_key(&j, "ref");
		jw_str(&j, v[i].a.rec.ref);
		jw_key(&j, "no");
		jw_int(&j, v[i].rowno);
		BUF_LIT(&pre, ",");
		if (l->len < pre.len + 1 || memcmp(l->data, pre.data,
		    pre.len) != 0 || l->data[l->len - 1] != '}')
			o->ok = 0;
	}
	buf_free(&pre);
	return o->ok ? 0 : -1;
}

/* The filters of the index: [{ "key", "label", "values" }]. */
static void
filters_json(struct tctx *t, struct index *ix, struct jw *j)
{
	struct filter	*fl;
	size_t		 i, k;

	jw_arr_begin(j);
	for (i = 0; i < ix->nfilters; i++) {
		fl = &ix->filters[i];
		if (fl->n > 1)
			qsort(fl->v, fl->n, sizeof(*fl->v), fvalue_cmp);
		jw_break(j, "\n");
		jw_obj_begin(j);
		jw_key(j, "key");
		jw_str(j, fl->key);
		jw_key(j, "label");
		jw_str(j, tr(t->b->cat, t->l, fl->label_key));
		jw_key(j, "values");
		jw_arr_begin(j);
		for (k = 0; k < fl->n; k++) {
			jw_obj_begin(j);
			jw_key(j, "code");
			jw_str(j, fl->v[k].code);
			jw_key(j, "label");
			jw_str(j, fl->v[k].label);
			jw_obj_end(j);
		}
		jw_arr_end(j);
		jw_obj_end(j);
	}
	jw_break(j, "\n");
	jw_arr_end(j);
}

/*
 * End the index: its filters, also alone in filters.json (which the
 * script fetches at once; records.json.gz only when it is needed).
 */
static int
index_close(struct tctx *t, struct index *ix, int ok)
{
	struct buf	 fj = { 0 };
	struct jw	 j;
	size_t		 i, k;
	int		 rc = 0;
	char		*path;

	if (ix->f) {
		jw_break(&ix->j, "\n");
		jw_arr_end(&ix->j);
		jw_break(&ix->j, "\n");
		jw_key(&ix->j, "filters");
		filters_json(t, ix, &ix->j);
		jw_obj_end(&ix->j);
		BUF_LIT(&ix->line, "\n");
		index_flush(ix);
		rc = gz_close(ix->gz);
		ix->gz = NULL;
		t->b->ixchunks[0] += ix->nchunks;
		t->b->ixchunks[1] += ix->ncopied;
		if (site_fclose(t->b->site, ix->f, ix->path) == -1)
			rc = -1;
		ix->f = NULL;
		if (rc == 0 && ok)
			file_mapped(t, ix->path);
		if (rc == 0 && ok) {
			jw_init(&j, &fj);
			index_head(t, &j);
			jw_key(&j, "records");
			jw_int(&j, ix->nrec);
			jw_break(&j, "\n");
			jw_key(&j, "filters");
			filters_json(t, ix, &j);
			jw_obj_end(&j);
			BUF_LIT(&fj, "\n");
			path = url_filters_json(t->l, t->quarter, t->f);
			rc = site_write(t->b->site, path, fj.data, fj.len);
			if (rc == 0)
				file_mapped(t, path);
			free(path);
			buf_free(&fj);
		}
	}
	for (i = 0; i < ix->nfilters; i++) {
		for (k = 0; k < ix->filters[i].n; k++) {
			free(ix->filters[i].v[k].code);
			free(ix->filters[i].v[k].label);
		}
		free(ix->filters[i].v);
	}
	free(ix->path);
	buf_free(&ix->line);
	buf_free(&ix->name);
	return ok ? rc : -1;
}

/*
 * The rows of each profile group (the filter "group"): a page per
 * rows_per_page rows of a group, so that the common filter works as a
 * plain link without JavaScript (listed by the explorer).  The groups'
 * sizes are counted first (the covering index), so that each page is
 * written, with its pager, as soon as its rows are there: a group
 * holds one page of rows at a time.
 */
struct grp {
	char		*code, *label, *path;	/* path: its page 1 */
	struct held	*hv;		/* the page being filled: its records */
	size_t		 nh;
	XXH3_state_t	*x;		/* ... their digest */
	long		 n, total, page, npages;
};

struct grps {
	struct tctx	*t;
	struct grp	*v;
	size_t		 n;
};

static struct grp *
group_find(struct grps *g, const char *code)
{
	size_t	 i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->v[i].code, code) == 0)
			return &g->v[i];
	return NULL;
}

/* pub_profile_counts callback: a profile's records added to its group. */
static void
group_count(void *arg, const char *profile, int level, long n)
{
	struct grps	*g = arg;
	struct tctx	*t = g->t;
	struct pubrec	 r;
	const char	*code, *label;
	char		 tmp[128];
	struct grp	*x;

	memset(&r, 0, sizeof(r));
	r.profile = profile;
	r.lv[QI_PROFILE] = level;
	record_code(t, &r, "group", &code, &label, tmp, sizeof(tmp));
	if (*code == '\0')
		return;
	if ((x = group_find(g, code)) == NULL) {
		g->v = xreallocarray(g->v, g->n + 1, sizeof(*g->v));
		x = &g->v[g->n++];
		memset(x, 0, sizeof(*x));
		x->code = xstrdup(code);
		x->label = xstrdup(label);
		x->path = url_table_group(t->l, t->quarter, t->f, code, 1);
		x->page = 1;
	}
	x->total += n;
	x->npages = (x->total + t->b->cfg.rows_per_page - 1) /
	    t->b->cfg.rows_per_page;
}

static int	 group_page(struct tctx *, struct grp *, long, long,
		    struct mval *, int, const char *);

/* A row of the page at path: its number, its reference and, with
 * record pages, its link. */
static struct mval *
row_new(struct tctx *t, struct mval *rows, const struct held *h,
    const char *path)
{
	struct mval	*row;

	row = mv_push(rows, mv_map());
	mv_set(row, "no", mv_strf("%ld", h->rowno));
	mv_sets(row, "ref", h->a.rec.ref);
	if (t->b->cfg.record_pages)
		page_link(row, "href", path, record_path(t, h->a.rec.ref));
	return row;
}

/* A group's page, its records all there: its rows kept from the last
 * build's page (the same digest) or made. */
static int
group_flush(struct tctx *t, struct grp *x)
{
	const struct pment *e;
	const struct held *h;
	struct mval	*rows, *row, *all, *cells, *c;
	char		 hex[33], *page;
	size_t		 i, j;

	digest_hex(x->x, hex);
	page = url_table_group(t->l, t->quarter, t->f, x->code, x->page);
	t->b->pgrows[0]++;
	if (t->pr && x->nh > 0 && (e = pagemap_prev(t->b->pm, page)) !=
	    NULL && strcmp(e->sha, hex) == 0 &&
	    pagemap_check(t->b->pm, e)) {
		free(page);
		x->nh = 0;
		t->b->pgrows[1]++;
		return group_page(t, x, x->page++, x->npages, NULL, 1, hex);
	}
	rows = mv_list();
	for (i = 0; i < x->nh; i++) {
		h = &x->hv[i];
		row = row_new(t, rows, h, page);
		/* The coded columns only (the texts are on the record
		 * pages and in the quarter's table): "all" owns, "cells"
		 * refers. */
		all = mv_set(row, "all", record_cells(t, &h->a.rec,
		    TEXTS_NONE));
		cells = mv_set(row, "cells", mv_list());
		for (j = 0; (c = mv_index(all, j)) != NULL; j++)
			if (strcmp(mv_getstr(c, "cls"), "c-text") != 0)
				mv_push(cells, mv_ref(c));
	}
	free(page);
	x->nh = 0;
	return group_page(t, x, x->page++, x->npages, rows, 0, hex);
}

/* A row into its group's page; the page written when full, or when it
 * is the group's last. */
static int
group_add(struct tctx *t, struct grps *g, const struct held *h)
{
	const char	*code, *label;
	char		 tmp[128];
	struct grp	*x;
	struct held	*k;

	record_code(t, &h->a.rec, "group", &code, &label, tmp, sizeof(tmp));
	if (*code == '\0')
		return 0;
	if ((x = group_find(g, code)) == NULL || x->n == x->total)
		return rs_err("%s: %s: the group '%s' has more rows than "
		    "counted", t->quarter, form_dir(t->f), code);
	if (x->hv == NULL) {
		x->hv = xcalloc((size_t)t->b->cfg.rows_per_page,
		    sizeof(*x->hv));
		x->x = xxh3_new();
	}
	x->n++;
	k = &x->hv[x->nh++];
	keep(&k->a, &h->a.rec, 0);
	k->rowno = h->rowno;
	memcpy(k->dg, h->dg, sizeof(k->dg));
	digest_row(x->x, k->rowno, k->dg);
	if (x->nh < (size_t)t->b->cfg.rows_per_page && x->n < x->total)
		return 0;
	return group_flush(t, x);
}

/* The headings of the coded columns (a group page's). */
static struct mval *
headings_coded(struct tctx *t)
{
	struct mval	*all, *list, *h;
	size_t		 i;

	all = headings(t);
	list = mv_list();
	for (i = 0; (h = mv_index(all, i)) != NULL; i++) {
		if (strcmp(mv_getstr(h, "cls"), "c-text") == 0)
			continue;
		mv_push(list, mv_map());
		mv_sets(mv_index(list, mv_len(list) - 1), "no",
		    mv_getstr(h, "no"));
		mv_sets(mv_index(list, mv_len(list) - 1), "cls",
		    mv_getstr(h, "cls"));
		mv_sets(mv_index(list, mv_len(list) - 1), "text",
		    mv_getstr(h, "text"));
	}
	mv_free(all);
	return list;
}

static int
group_cmp(const void *a, const void *b)
{
	return strcmp(((const struct grp *)a)->code,
	    ((const struct grp *)b)->code);
}

/* Page n of a group: what its pager's addresses need. */
struct group_url {
	const struct tctx *t;
	const char	*code;
};

static char *
group_url(const void *arg, long n)
{
	const struct group_url *g = arg;

	return url_table_group(g->t->l, g->t->quarter, g->t->f, g->code, n);
}

/* Page n of a group's rows: its pager; the rows (taken from pages). */
static int
group_page(struct tctx *t, struct grp *x, long n, long npages,
    struct mval *rows, int reuse, const char *digest)
{
	struct group_url gu;
	struct mval	*c;
	struct mv_mark	 mk;
	struct buf	 title = { 0 }, s = { 0 };
	char		*path;
	int		 rc;

	path = url_table_group(t->l, t->quarter, t->f, x->code, n);
	if (reuse && rows_reread(t, path) == -1) {
		mv_free(rows);
		free(path);
		return -1;
	}
	buf_puts(&title, tr_form(t->b->cat, t->l, t->f));
	BUF_LIT(&title, ": ");
	fmt_quarter(&title, t->l, t->quarter, QF_NOM);
	BUF_LIT(&title, ", ");
	buf_puts(&title, x->label);
	if (npages > 1) {
		BUF_LIT(&title, ", ");
		buf_puts(&title, tr(t->b->cat, t->l, "page"));
		buf_printf(&title, " %ld", n);
	}
	c = form_ctx(t, path, buf_str(&title), buf_str(&title));
	mv_sets(c, "group_label", x->label);
	page_link(c, "href_all_rows", path, table_path(t, 1));
	page_link(c, "href_explore", path, url_explore(t->l, t->f));
	mv_set(c, "headings", headings_coded(t));
	mv_set(c, "rows", rows_value(t, rows, reuse ? &t->spl : NULL, &mk));
	fmt_int(&s, x->total);
	mv_sets(c, "total", buf_str(&s));
	buf_reset(&s);
	trn(&s, t->b->cat, t->l, t->f == FORM_INCIDENTS ? "n_incidents" :
	    "n_cases", x->total);
	mv_sets(c, "total_noun", buf_str(&s));
	gu.t = t;
	gu.code = x->code;
	mv_set(c, "pagination", pager(path, n, npages, group_url, &gu));
	mv_set(c, "privacy_notes", privacy_notes(t));
	download_links(t->b, t->l, path, t->quarter, t->f, c);
	rc = page_write_kept(t->b, "table", c, path, reuse);
	if (rc == 0)
		rows_mapped(t, path, &mk, digest ? digest : reuse ?
		    t->splsha : NULL);
	free(path);
	buf_free(&title);
	buf_free(&s);
	return rc;
}

static void
groups_free(struct grps *g)
{
	size_t	 i, k;

	for (i = 0; i < g->n; i++) {
		if (g->v[i].hv != NULL) {
			for (k = 0; k < (size_t)g->t->b->cfg.rows_per_page;
			    k++)
				ahead_free(&g->v[i].hv[k].a);
			free(g->v[i].hv);
			XXH3_freeState(g->v[i].x);
		}
		free(g->v[i].code);
		free(g->v[i].label);
		free(g->v[i].path);
	}
	free(g->v);
	g->v = NULL;
	g->n = 0;
}

/* Every group's pages written: hand the links to the explorer. */
static int
groups_done(struct tctx *t, struct grps *g)
{
	struct grouplinks *gl = &t->b->glinks;
	struct grouplink *k;
	size_t		 i;

	if (g->n > 1)
		qsort(g->v, g->n, sizeof(*g->v), group_cmp);
	for (i = 0; i < g->n; i++) {
		struct grp *x = &g->v[i];

		if (x->n != x->total)
			return rs_err("%s: %s: the group '%s' has fewer rows "
			    "than counted", t->quarter, form_dir(t->f),
			    x->code);
		gl->v = xreallocarray(gl->v, gl->n + 1, sizeof(*gl->v));
		k = &gl->v[gl->n++];
		snprintf(k->quarter, sizeof(k->quarter), "%s", t->quarter);
		k->form = t->f;
		k->label = xstrdup(x->label);
		k->path = xstrdup(x->path);
		k->n = x->n;
	}
	return 0;
}

long
group_pages(struct build *b, const char *quarter, enum form f)
{
	struct tctx	 t;
	struct grps	 g = { NULL, NULL, 0 };
	long		 pages = 0;
	size_t		 i;

	memset(&t, 0, sizeof(t));
	t.b = b;
	t.l = LANG_KK;
	t.f = f;
	t.quarter = quarter;
	g.t = &t;
	if (pub_profile_counts(b->priv, f, quarter, group_count, &g) == 0)
		for (i = 0; i < g.n; i++)
			pages += g.v[i].npages;
	groups_free(&g);
	return pages;
}

void
grouplinks_free(struct grouplinks *gl)
{
	size_t	 i;

	for (i = 0; i < gl->n; i++) {
		free(gl->v[i].label);
		free(gl->v[i].path);
	}
	free(gl->v);
	gl->v = NULL;
	gl->n = 0;
}

/* Is the last build's file at rel (its map entry, its size) there?
 * With whole (a file to link), its SHA-256 too. */
static int
prev_ok(struct tctx *t, const char *rel, int whole)
{
	const struct pment *e;

	return (e = pagemap_prev(t->b->pm, rel)) != NULL && (whole ?
	    pagemap_summed(t->b->pm, e) : pagemap_check(t->b->pm, e));
}

/* The file at rel linked from the last site, and mapped again (with
 * its chunks' entries, if it has). */
static int
prev_link(struct tctx *t, const char *rel)
{
	const struct pment *e = pagemap_prev(t->b->pm, rel);
	struct buf	 name = { 0 };
	size_t		 k;

	if (e == NULL || site_link(t->b->site, rel) == -1)
		return -1;
	pagemap_add(t->b->pm, rel, e->n[0], e->n[1], e->n[2], e->sha);
	for (k = 0; (e = pagemap_prev(t->b->pm, chunk_name(&name, rel, k)))
	    != NULL; k++)
		pagemap_add(t->b->pm, buf_str(&name), e->n[0], e->n[1],
		    e->n[2], NULL);
	buf_free(&name);
	return 0;
}

/*
 * A quarter table the last build made from the same records (the same
 * digest) with the same frame: each page made again around the rows it
 * had (read back from the last site), the record index linked.  1 done,
 * 0 when the last site lacks something (nothing written then), -1 and
 * rs_err.
 */
static int
form_reuse(struct tctx *t, struct grps *g)
{
	struct build	*b = t->b;
	long		 rpp = b->cfg.rows_per_page, n, first;
	char		*p, *ix, *fj;
	size_t		 i;
	int		 ok = 1;

	ix = url_records_json(t->l, t->quarter, t->f);
	fj = url_filters_json(t->l, t->quarter, t->f);
	ok = prev_ok(t, ix, 1) && prev_ok(t, fj, 1);
	for (n = 1; ok && n <= t->npages; n++) {
		p = table_path(t, n);
		ok = prev_ok(t, p, 0);
		free(p);
	}
	for (i = 0; ok && i < g->n; i++)
		for (n = 1; ok && n <= g->v[i].npages; n++) {
			p = url_table_group(t->l, t->quarter, t->f,
			    g->v[i].code, n);
			ok = prev_ok(t, p, 0);
			free(p);
		}
	if (!ok) {
		free(ix);
		free(fj);
		return 0;
	}
	for (n = 1, first = 1; ok && n <= t->npages; n++, first += rpp)
		ok = write_table_page(t, n, NULL, first, t->total - first + 1 <
		    rpp ? t->total - first + 1 : rpp, 1, NULL) == 0;
	for (i = 0; ok && i < g->n; i++) {
		for (n = 1; ok && n <= g->v[i].npages; n++)
			ok = group_page(t, &g->v[i], n, g->v[i].npages, NULL,
			    1, NULL) == 0;
		g->v[i].n = g->v[i].total;
	}
	if (ok)
		ok = prev_link(t, ix) == 0 && prev_link(t, fj) == 0;
	free(ix);
	free(fj);
	return ok ? 1 : -1;
}

/* A table page's records. */
struct pagebuf {
	struct held	*v;		/* rows_per_page */
	size_t		 n;
	XXH3_state_t	*x;		/* their digest */
};

/*
 * A table page, its records all there: its rows kept from the last
 * build's page (the same digest, and the last index's lines of its
 * records) or made; then each record to its group's page.
 */
static int
page_out(struct tctx *t, struct pagebuf *pb, long page, long first,
    struct index *ix, struct grps *g, struct oldix *o)
{
	const struct pment *e;
	struct held	*h;
	struct mval	*rows, *row;
	char		 hex[33], *path;
	size_t		 i;
	int		 kept = 0, rc;

	digest_hex(pb->x, hex);
	path = table_path(t, page);
	/* The index's lines of these rows are read whether or not they
	 * are taken: the next page's are next. */
	if (t->pr && o->ok && oldix_page(o, pb->v, pb->n) == 0 &&
	    pb->n > 0 && (e = pagemap_prev(t->b->pm, path)) != NULL &&
	    strcmp(e->sha, hex) == 0 && pagemap_check(t->b->pm, e))
		kept = 1;
	t->b->pgrows[0]++;
	if (kept) {
		t->b->pgrows[1]++;
		for (i = 0; i < pb->n; i++)
			index_copy(t, ix, &pb->v[i].a.rec, &o->lines[i]);
		rc = write_table_page(t, page, NULL, first, (long)pb->n, 1,
		    hex);
	} else {
		rows = mv_list();
		for (i = 0; i < pb->n; i++) {
			h = &pb->v[i];
			row = row_new(t, rows, h, path);
			mv_set(row, "cells", record_cells(t, &h->a.rec,
			    TEXTS_FOLDED));
			index_add(t, ix, &h->a.rec, h->rowno, page,
			    mv_get(row, "cells"));
		}
		rc = write_table_page(t, page, rows, first, (long)pb->n, 0,
		    hex);
	}
	free(path);
	for (i = 0; rc == 0 && i < pb->n; i++)
		rc = group_add(t, g, &pb->v[i]);
	pb->n = 0;
	return rc;
}

static int
form_tables(struct build *b, enum lang l, const char *quarter, enum form f)
{
	struct grps	 groups = { NULL, NULL, 0 };
	struct tctx	 t;
	struct pubcur	*cur;
	const struct pubrec *r;
	struct pagebuf	 pb;
	struct oldix	 old;
	struct ahead	 held;
	struct index	 ix;
	struct held	*h;
	char		 prevref[32] = "", *ixp, *p1;
	long		 rowno = 0, page = 1, first = 1, rpp;
	size_t		 i;
	int		 step, rc = -1;

	memset(&t, 0, sizeof(t));
	memset(&held, 0, sizeof(held));
	memset(&old, 0, sizeof(old));
	memset(&pb, 0, sizeof(pb));
	t.b = b;
	t.l = l;
	t.f = f;
	t.quarter = quarter;
	rpp = b->cfg.rows_per_page;
	if (pub_count(b->priv, f, quarter, NULL, &t.total) == -1)
		return -1;
	t.npages = (t.total + rpp - 1) / rpp;
	if (t.npages == 0)
		t.npages = 1;
	groups.t = &t;
	if (pub_profile_counts(b->priv, f, quarter, group_count, &groups) ==
	    -1) {
		groups_free(&groups);
		return -1;
	}
	/* The same records as the last build's, the same frame: its rows.
	 * (Not with a page per record, which this does not make.) */
	if (b->pm != NULL && pagemap_same(b->pm, f, quarter,
	    pub_digest(b->priv, f, quarter)) && !b->cfg.record_pages) {
		rc = form_reuse(&t, &groups);
		b->reused += rc == 1;
		if (rc != 0) {
			buf_free(&t.spl);
			if (rc == 1)
				rc = groups_done(&t, &groups);
			groups_free(&groups);
			return rc;
		}
	}
	/* Other records: the pages whose records did not change keep
	 * their rows (struct held), if the last index is there whole. */
	ixp = url_records_json(l, quarter, f);
	p1 = table_path(&t, 1);
	if (b->pm != NULL && !b->cfg.record_pages &&
	    pagemap_prev(b->pm, p1) != NULL && prev_ok(&t, ixp, 1)) {
		oldix_open(&t, &old, ixp);
		t.pr = old.ok;
	}
	free(ixp);
	free(p1);
	if (index_open(&t, &ix) == -1) {
		index_close(&t, &ix, 0);
		oldix_close(&t, &old);
		groups_free(&groups);
		return -1;
	}
	if ((cur = pub_open(b->priv, f, quarter)) == NULL) {
		groups_free(&groups);
		oldix_close(&t, &old);
		index_close(&t, &ix, 0);
		return -1;
	}
	t.rx = xxh3_new();
	pb.x = xxh3_new();
	pb.v = xcalloc((size_t)rpp, sizeof(*pb.v));
	for (;;) {
		step = pub_next(cur, &r);
		if (step == -1)
			goto out;
		/* The held record's page, now that its successor is known. */
		if (held.have && b->cfg.record_pages) {
			if (write_record_page(&t, &held.rec, rowno,
			    prevref[0] ? prevref : NULL,
			    step == 1 ? r->ref : NULL) == -1)
				goto out;
			snprintf(prevref, sizeof(prevref), "%s", held.rec.ref);
		}
		if (step == 0)
			break;
		rowno++;
		h = &pb.v[pb.n++];
		keep(&h->a, r, 1);
		h->rowno = rowno;
		record_digest(t.rx, r, h->dg);
		digest_row(pb.x, rowno, h->dg);
		if (b->cfg.record_pages)
			keep(&held, r, 1);
		if (pb.n == (size_t)rpp) {
			if (page_out(&t, &pb, page, first, &ix, &groups,
			    &old) == -1)
				goto out;
			page++;
			first = rowno + 1;
		}
	}
	if (pb.n > 0 || page == 1)
		if (page_out(&t, &pb, page, first, &ix, &groups, &old) == -1)
			goto out;
	rc = 0;
out:
	ahead_free(&held);
	for (i = 0; i < (size_t)rpp; i++)
		ahead_free(&pb.v[i].a);
	free(pb.v);
	XXH3_freeState(pb.x);
	XXH3_freeState(t.rx);
	buf_free(&t.spl);
	oldix_close(&t, &old);
	pub_close(cur);
	if (rc == 0)
		rc = groups_done(&t, &groups);
	groups_free(&groups);
	return index_close(&t, &ix, rc == 0);
}

int
tables_build(struct build *b, enum lang l, const char *quarter)
{
	int	 f;

	for (f = 0; f < FORM__MAX; f++)
		if (form_tables(b, l, quarter, f) == -1)
			return -1;
	return 0;
}
