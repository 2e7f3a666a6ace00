/*
 * page.c -- the page kit (page.h): what every page shares -- its
 * languages, canonical and alternate URLs, assets, the navigation with
 * every quarter (a quarter table's: the quarters beside it) -- and the
 * writing of a rendered page.  Page modules call it; it calls none of
 * them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/mustache.h"
#include "render/catalog.h"
#include "render/markdown.h"
#include "site/output.h"
#include "site/build.h"
#include "site/site.h"
#include "site/url.h"
#include "site/page.h"

static const char *const lang_names[LANG__MAX] = { "Қазақша", "Русский" };

void
page_link(struct mval *m, const char *key, const char *path, char *target)
{
	char	*h;

	h = url_rel(path, target);
	mv_sets(m, key, h);
	free(h);
	free(target);
}

char *
page_url(const struct build *b, const char *path)
{
	return url_abs(b->cfg.base_url, path);
}

const char *
label_profile(const struct build *b, enum lang l, const char *code,
    int level)
{
	const struct dict_entry *e;

	if (level == 0) {
		e = dict_find(b->dicts->profiles, b->dicts->nprofiles, code);
		if (e)
			return e->name[l];
	}
	if (strcmp(code, "obstetric+pediatric") == 0)
		return tr(b->cat, l, "profile_obstetric_pediatric");
	if (strcmp(code, "therapeutic+surgical") == 0)
		return tr(b->cat, l, "profile_therapeutic_surgical");
	e = dict_find(b->dicts->groups, b->dicts->ngroups, code);
	return e ? e->name[l] : code;
}

const char *
label_region(const struct build *b, enum lang l, const char *code)
{
	const struct dict_entry *e;

	e = dict_find(b->dicts->regions, b->dicts->nregions, code);
	return e ? e->name[l] : code;
}

const char *
label_chapter(const struct build *b, enum lang l, const char *code)
{
	const struct dict_entry *e;

	if (strcmp(code, "XV-XVII") == 0)
		return tr(b->cat, l, "dx_group_perinatal");
	if (strcmp(code, "I-XIV,XVIII-XXII") == 0)
		return tr(b->cat, l, "dx_group_other");
	e = dict_find(b->dicts->chapters, b->dicts->nchapters, code);
	return e ? e->name[l] : code;
}

struct mval *
num_val(long long n)
{
	struct buf	 b = { 0 };
	struct mval	*v;

	fmt_int(&b, n);
	v = mv_str(buf_str(&b));
	buf_free(&b);
	return v;
}

struct mval *
quarter_val(enum lang l, const char *quarter, enum qform f)
{
	struct buf	 b = { 0 };
	struct mval	*v;

	fmt_quarter(&b, l, quarter, f);
	v = mv_str(buf_str(&b));
	buf_free(&b);
	return v;
}

long
records_of(struct build *b, enum form f, const char *quarter)
{
	long	 n = 0;

	if (pub_count(b->priv, f, quarter, NULL, &n) == -1)
		return -1;
	return n;
}

/* A navigation link from the page at path to target (freed). */
static struct mval *
link(const char *path, char *target, const char *label, int current)
{
	struct mval	*m;

	m = mv_map();
	page_link(m, "href", path, target);
	mv_sets(m, "label", label);
	if (current)
		mv_set(m, "current", mv_bool(1));
	return m;
}

/* A section of the main navigation, current when path is in it. */
static void
nav_section(struct mval *nav, const char *path, char *target,
    const char *label)
{
	int	 cur = url_in_section(path, target);

	mv_push(nav, link(path, target, label, cur));
}

/* The main navigation. */
static void
nav_main(struct build *b, enum lang l, const char *path, struct mval *c)
{
	struct mval	*nav;
	char		*target;
	size_t		 i;
	int		 cur;

	nav = mv_set(c, "nav", mv_list());
	target = url_home(l);
	cur = strcmp(path, target) == 0;
	mv_push(nav, link(path, target, tr(b->cat, l, "nav_home"), cur));
	nav_section(nav, path, url_statistics(l),
	    tr(b->cat, l, "nav_statistics"));
	nav_section(nav, path, url_archive(l), tr(b->cat, l, "nav_archive"));
	nav_section(nav, path, url_data(l), tr(b->cat, l, "nav_data"));
	nav_section(nav, path, url_explore(l, FORM_INCIDENTS), tr(b->cat, l,
	    "nav_explore"));
	nav_section(nav, path, url_releases(l), tr(b->cat, l,
	    "nav_releases"));
	for (i = 0; i < b->ncontent; i++) {
		target = url_content(l, b->content[l][i].slug);
		cur = strcmp(path, target) == 0;
		mv_push(nav, link(path, target, b->content[l][i].title, cur));
	}
}

/* Every quarter grouped by year, newest year first. */
static void
nav_years(struct build *b, enum lang l, const char *path, struct mval *c)
{
	struct mval	*years, *yq = NULL, *y, *a;
	struct buf	 lbl = { 0 };
	char		*target;
	size_t		 i;
	int		 yr, q, lastyr = 0, cur;

	years = mv_set(c, "nav_years", mv_list());
	for (i = b->nquarters; i-- > 0; ) {
		quarter_parse(b->quarters[i], &yr, &q);
		if (yr != lastyr) {
			y = mv_push(years, mv_map());
			mv_set(y, "year", mv_strf("%d", yr));
			yq = mv_set(y, "quarters", mv_list());
			lastyr = yr;
		}
		buf_reset(&lbl);
		fmt_quarter(&lbl, l, b->quarters[i], QF_NOM);
		target = url_quarter(l, b->quarters[i]);
		cur = url_in_section(path, target);
		a = mv_push(yq, link(path, target, buf_str(&lbl), cur));
		mv_set(a, "numeral", mv_strf("%s", q == 1 ? "I" : q == 2 ?
		    "II" : q == 3 ? "III" : "IV"));
	}
	buf_free(&lbl);
}

/*
 * A quarter table's menu of quarters: the form's table of the quarter
 * before and after it, its own quarter and the archive of all.  Unlike
 * the list of every quarter, it does not change when a quarter is
 * added (except beside the newest), so a table whose rows stay the
 * same stays the same page, and a rebuild links it (page_write_kept).
 */
static void
nav_near(struct build *b, enum lang l, const char *path,
    const char *quarter, enum form f, struct mval *c)
{
	struct mval	*near;
	struct buf	 lbl = { 0 };
	size_t		 i, j;
	int		 k;

	near = mv_set(c, "nav_near", mv_list());
	for (i = 0; i < b->nquarters; i++)
		if (strcmp(b->quarters[i], quarter) == 0)
			break;
	/* The quarter before (k -1), this one, the one after (k 1). */
	for (k = -1; k <= 1; k++) {
		buf_reset(&lbl);
		if (k == 0) {
			fmt_quarter(&lbl, l, quarter, QF_NOM);
			mv_push(near, link(path, url_quarter(l, quarter),
			    buf_str(&lbl), 1));
			continue;
		}
		if (i >= b->nquarters || (k < 0 && i == 0) ||
		    (k > 0 && i + 1 == b->nquarters))
			continue;
		j = k < 0 ? i - 1 : i + 1;
		buf_puts(&lbl, tr(b->cat, l, k < 0 ? "nav_quarter_prev" :
		    "nav_quarter_next"));
		BUF_LIT(&lbl, " ");
		fmt_quarter(&lbl, l, b->quarters[j], QF_NOM);
		mv_push(near, link(path, url_table(l, b->quarters[j], f, 1),
		    buf_str(&lbl), 0));
	}
	mv_push(near, link(path, url_archive(l), tr(b->cat, l,
	    "nav_quarters_all"), 0));
	buf_free(&lbl);
}

/* What every page's context has, but its quarters and its date. */
static struct mval *
ctx_common(struct build *b, enum lang l, const char *path, const char *title,
    const char *description)
{
	struct mval	*c, *alts, *a;
	enum lang	 o = l == LANG_KK ? LANG_RU : LANG_KK;
	char		*s, *op;
	int		 i;

	c = mv_map();
	mv_sets(c, "lang", lang_codes[l]);
	mv_sets(c, "other_lang", lang_codes[o]);
	mv_sets(c, "other_lang_name", lang_names[o]);
	mv_sets(c, "title", title);
	mv_sets(c, "description", description);
	mv_sets(c, "site_name", b->cfg.site_name[l]);
	mv_sets(c, "org_name", b->cfg.org_name[l]);
	/* The catalog map is shared by every page: borrowed, not owned. */
	mv_set(c, "t", mv_ref(b->tmap[l]));
	s = page_url(b, path);
	mv_sets(c, "canonical", s);
	free(s);
	page_link(c, "root", path, xstrdup(""));
	page_link(c, "href_home", path, url_home(l));
	op = url_other_lang(path, o);
	page_link(c, "href_other", path, xstrdup(op));
	alts = mv_set(c, "alternates", mv_list());
	for (i = 0; i < LANG__MAX; i++) {
		a = mv_push(alts, mv_map());
		mv_sets(a, "hreflang", lang_codes[i]);
		s = page_url(b, i == (int)l ? path : op);
		mv_sets(a, "href", s);
		free(s);
	}
	a = mv_push(alts, mv_map());
	mv_sets(a, "hreflang", "x-default");
	s = page_url(b, l == LANG_KK ? path : op);
	mv_sets(a, "href", s);
	free(s);
	free(op);
	page_link(c, "href_css", path, xstrdup(b->asset_css));
	page_link(c, "href_print", path, xstrdup(b->asset_print));
	page_link(c, "href_js", path, xstrdup(b->asset_js));
	page_link(c, "href_favicon", path, url_static("favicon.svg"));
	nav_main(b, l, path, c);
	mv_sets(c, "licence", b->cfg.licence[l]);
	mv_sets(c, "licence_url", b->cfg.licence_url);
	return c;
}

struct mval *
page_ctx(struct build *b, enum lang l, const char *path, const char *title,
    const char *description)
{
	struct mval	*c, *a;
	struct buf	 lbl = { 0 };

	c = ctx_common(b, l, path, title, description);
	nav_years(b, l, path, c);
	mv_sets(c, "date", b->date_iso);
	fmt_date_iso(&lbl, l, b->date_iso);
	mv_sets(c, "date_text", buf_str(&lbl));
	/* A date already past is no announcement. */
	buf_reset(&lbl);
	if (b->cfg.next_release != NULL &&
	    strncmp(b->cfg.next_release, b->date_iso, 10) > 0 &&
	    fmt_date_iso(&lbl, l, b->cfg.next_release) == 0) {
		a = mv_set(c, "next_release", mv_map());
		mv_sets(a, "date", b->cfg.next_release);
		mv_sets(a, "text", buf_str(&lbl));
	}
	buf_free(&lbl);
	return c;
}

/*
 * The release that last added, revised or withdrew rows of a quarter's
 * table (the registry's memory of releases); for a table that never
 * had any, the first release of its quarter; NULL: no release.
 */
static const char *
table_release(const struct build *b, const char *quarter, enum form f)
{
	const struct release *r;
	size_t		 i, k;

	if (b->rels == NULL || b->rels->n == 0)
		return NULL;
	for (i = b->rels->n; i-- > 0; ) {
		r = &b->rels->v[i];
		for (k = 0; k < r->nchg; k++)
			if (r->chg[k].form == f &&
			    strcmp(r->chg[k].quarter, quarter) == 0 &&
			    (r->chg[k].added != 0 || r->chg[k].revised != 0 ||
			    r->chg[k].withdrawn != 0))
				return r->id;
	}
	for (i = 0; i < b->rels->n; i++)
		if (strcmp(b->rels->v[i].id, quarter) >= 0)
			return b->rels->v[i].id;
	return b->rels->v[b->rels->n - 1].id;
}

struct mval *
page_ctx_table(struct build *b, enum lang l, const char *path,
    const char *title, const char *description, const char *quarter,
    enum form f)
{
	struct mval	*c, *a;
	struct buf	 lbl = { 0 };
	const char	*rel;
	char		*d;

	c = ctx_common(b, l, path, title, description);
	nav_near(b, l, path, quarter, f, c);
	rel = table_release(b, quarter, f);
	d = release_date(rel != NULL ? rel : quarter);
	a = mv_set(c, "table_date", mv_map());
	mv_sets(a, "date", d);
	fmt_date_iso(&lbl, l, d);
	mv_sets(a, "text", buf_str(&lbl));
	free(d);
	buf_free(&lbl);
	return c;
}

/* One line of the "how to read" block. */
static void
howto_line(struct mval *list, struct build *b, enum lang l, const char *key,
    ...)
{
	struct buf	 t = { 0 };
	va_list		 ap;
	const char	*name, *val;

	(void)b;
	va_start(ap, key);
	{
		/* trf takes name, value pairs: at most four here. */
		const char	*nv[8] = { NULL };
		int		 i;

		for (i = 0; i < 8 && (name = va_arg(ap, const char *)) !=
		    NULL; i += 2) {
			val = va_arg(ap, const char *);
			nv[i] = name;
			nv[i + 1] = val;
		}
		trf(&t, b->cat, l, key, nv[0], nv[1], nv[2], nv[3], nv[4],
		    nv[5], nv[6], nv[7], (char *)NULL);
	}
	va_end(ap);
	mv_sets(mv_push(list, mv_map()), "text", buf_str(&t));
	buf_free(&t);
}

void
page_howto(struct build *b, enum lang l, const char *path, struct mval *ctx)
{
	struct mval	*h, *list;
	struct buf	 d = { 0 };
	char		 sm[24], sm1[24], base[24], yr[24], *url;

	snprintf(sm, sizeof(sm), "%ld", b->cfg.small_count);
	snprintf(sm1, sizeof(sm1), "%ld", b->cfg.small_count - 1);
	snprintf(base, sizeof(base), "%ld", b->cfg.rounding);
	snprintf(yr, sizeof(yr), "%ld", b->cfg.pop_year);
	h = mv_set(ctx, "howto", mv_map());
	list = mv_set(h, "items", mv_list());
	howto_line(list, b, l, "howto_reporting", (char *)NULL);
	howto_line(list, b, l, "howto_small", "small", sm, "smallm1", sm1,
	    (char *)NULL);
	if (b->cfg.rounding > 1)
		howto_line(list, b, l, "howto_rounded", "base", base,
		    (char *)NULL);
	howto_line(list, b, l, "howto_nodata", "notshown",
	    tr(b->cat, l, "value_not_shown"), (char *)NULL);
	howto_line(list, b, l, "howto_rates", "source",
	    b->cfg.pop_source[l] ? b->cfg.pop_source[l] :
	    tr(b->cat, l, "population_source_unknown"), "year",
	    b->cfg.pop_year ? yr : "—", (char *)NULL);
	fmt_date_iso(&d, l, b->date_iso);
	url = page_url(b, path);
	{
		struct buf	 t = { 0 };

		trf(&t, b->cat, l, "howto_cite", "site", b->cfg.site_name[l],
		    "date", buf_str(&d), "url", url, "licence",
		    b->cfg.licence[l], (char *)NULL);
		mv_sets(h, "cite", buf_str(&t));
		buf_free(&t);
	}
	free(url);
	buf_free(&d);
}

static int
write_page(struct build *b, const char *tmpl, struct mval *ctx,
    const char *path, int kept)
{
	struct buf	 out = { 0 };
	int		 rc;

	rc = tmpl_render(b->tmpl, tmpl, ctx, &out);
	mv_free(ctx);
	b->last_len = out.len;
	if (rc == 0 && kept)
		rc = site_write_same(b->site, path, out.data, out.len);
	else if (rc == 0)
		rc = site_write(b->site, path, out.data, out.len);
	buf_free(&out);
	if (rc == 0) {
		b->pages++;
		build_progress(b);
	}
	return rc;
}

int
page_write(struct build *b, const char *tmpl, struct mval *ctx,
    const char *path)
{
	return write_page(b, tmpl, ctx, path, 0);
}

int
page_write_kept(struct build *b, const char *tmpl, struct mval *ctx,
    const char *path, int kept)
{
	return write_page(b, tmpl, ctx, path, kept);
}
