/*
 * pages.c -- the site's pages: the root language chooser, and per
 * language the home page, a page per quarter, the archive, the content
 * pages and the 404 page; the static assets; then tables.c (record
 * tables and record pages), stats.c (charts), data.c (downloads) and
 * feed.c (sitemap, feeds).  Everything here sees published records and
 * protected counts only (privacy.c).
 *
 * Paths: a page's site path is "kk/2025-q1/index.html"; links between
 * pages are relative (so the site works from disk and below any base
 * URL) and name index.html; canonical URLs use the configured base URL
 * and end in '/'.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static const char *const lang_names[LANG__MAX] = { "Қазақша", "Русский" };

void
quarter_slug(char out[16], const char *quarter)
{
	int	 y, q;

	if (quarter_parse(quarter, &y, &q) == -1)
		snprintf(out, 16, "unknown");
	else
		snprintf(out, 16, "%04d-q%d", y, q);
}

char *
page_href(const char *path, const char *target)
{
	struct buf	 b = { 0 };
	const char	*p;

	for (p = path; (p = strchr(p, '/')) != NULL; p++)
		BUF_LIT(&b, "../");
	buf_puts(&b, target);
	return buf_detach(&b);
}

char *
page_url(struct build *b, const char *path)
{
	size_t	 len = strlen(path);

	if (len >= 10 && strcmp(path + len - 10, "index.html") == 0)
		return xasprintf("%s%.*s", b->cfg.base_url, (int)(len - 10),
		    path);
	return xasprintf("%s%s", b->cfg.base_url, path);
}

const char *
label_profile(struct build *b, enum lang l, const char *code, int level)
{
	const struct dict_entry *e;

	if (level == 0) {
		e = dict_find(b->dicts->profiles, b->dicts->nprofiles, code);
		if (e)
			return e->name[l];
	}
	e = dict_find(b->dicts->groups, b->dicts->ngroups, code);
	return e ? e->name[l] : code;
}

const char *
label_region(struct build *b, enum lang l, const char *code)
{
	const struct dict_entry *e;

	e = dict_find(b->dicts->regions, b->dicts->nregions, code);
	return e ? e->name[l] : code;
}

const char *
label_chapter(struct build *b, enum lang l, const char *code)
{
	const struct dict_entry *e;

	e = dict_find(b->dicts->chapters, b->dicts->nchapters, code);
	return e ? e->name[l] : code;
}

/* Remember a page (by its Kazakh path) for the sitemap. */
static void
sitemap_add(struct build *b, const char *kkpath)
{
	b->sitemap = xreallocarray(b->sitemap, b->nsitemap + 1,
	    sizeof(*b->sitemap));
	b->sitemap[b->nsitemap++] = xstrdup(kkpath);
}

/* The same page in the other language: swap the leading "kk/"/"ru/". */
static char *
other_path(const char *path, enum lang other)
{
	if (strncmp(path, "kk/", 3) == 0 || strncmp(path, "ru/", 3) == 0)
		return xasprintf("%s/%s", lang_codes[other], path + 3);
	return xstrdup(path);
}

static struct mval *
link(const char *path, const char *target, const char *label, int current)
{
	struct mval	*m;
	char		*h;

	m = mv_map();
	h = page_href(path, target);
	mv_sets(m, "href", h);
	free(h);
	mv_sets(m, "label", label);
	if (current)
		mv_set(m, "current", mv_bool(1));
	return m;
}

struct mval *
page_ctx(struct build *b, enum lang l, const char *path, const char *title,
    const char *description)
{
	struct mval	*c, *alts, *a, *nav, *years = NULL, *yq = NULL, *y;
	enum lang	 o = l == LANG_KK ? LANG_RU : LANG_KK;
	char		*s, *op, target[64], slug[16];
	struct buf	 lbl = { 0 };
	size_t		 i;
	int		 yr, q, lastyr = 0;

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
	s = page_href(path, "");
	mv_sets(c, "root", s);
	free(s);
	snprintf(target, sizeof(target), "%s/index.html", lang_codes[l]);
	s = page_href(path, target);
	mv_sets(c, "href_home", s);
	free(s);
	op = other_path(path, o);
	s = page_href(path, op);
	mv_sets(c, "href_other", s);
	free(s);
	alts = mv_set(c, "alternates", mv_list());
	for (i = 0; i < LANG__MAX; i++) {
		a = mv_push(alts, mv_map());
		mv_sets(a, "hreflang", lang_codes[i]);
		s = page_url(b, i == (size_t)l ? path : op);
		mv_sets(a, "href", s);
		free(s);
	}
	a = mv_push(alts, mv_map());
	mv_sets(a, "hreflang", "x-default");
	s = page_url(b, l == LANG_KK ? path : op);
	mv_sets(a, "href", s);
	free(s);
	free(op);
	s = page_href(path, b->asset_css);
	mv_sets(c, "href_css", s);
	free(s);
	s = page_href(path, b->asset_print);
	mv_sets(c, "href_print", s);
	free(s);
	s = page_href(path, b->asset_js);
	mv_sets(c, "href_js", s);
	free(s);
	s = page_href(path, "static/favicon.svg");
	mv_sets(c, "href_favicon", s);
	free(s);

	/* The main navigation. */
	nav = mv_set(c, "nav", mv_list());
	snprintf(target, sizeof(target), "%s/index.html", lang_codes[l]);
	mv_push(nav, link(path, target, tr(b->cat, l, "nav_home"),
	    strcmp(path, target) == 0));
	snprintf(target, sizeof(target), "%s/statistics/index.html",
	    lang_codes[l]);
	mv_push(nav, link(path, target, tr(b->cat, l, "nav_statistics"),
	    strncmp(path, target, strlen(target) - 10) == 0));
	snprintf(target, sizeof(target), "%s/archive/index.html",
	    lang_codes[l]);
	mv_push(nav, link(path, target, tr(b->cat, l, "nav_archive"),
	    strncmp(path, target, strlen(target) - 10) == 0));
	snprintf(target, sizeof(target), "%s/data/index.html", lang_codes[l]);
	mv_push(nav, link(path, target, tr(b->cat, l, "nav_data"),
	    strncmp(path, target, strlen(target) - 10) == 0));
	for (i = 0; i < b->ncontent; i++) {
		snprintf(target, sizeof(target), "%s/%s/index.html",
		    lang_codes[l], b->content[l][i].slug);
		mv_push(nav, link(path, target, b->content[l][i].title,
		    strcmp(path, target) == 0));
	}

	/* Every quarter, grouped by year, newest year first. */
	years = mv_set(c, "nav_years", mv_list());
	for (i = b->nquarters; i-- > 0; ) {
		quarter_parse(b->quarters[i], &yr, &q);
		if (yr != lastyr) {
			y = mv_push(years, mv_map());
			mv_set(y, "year", mv_strf("%d", yr));
			yq = mv_set(y, "quarters", mv_list());
			lastyr = yr;
		}
		quarter_slug(slug, b->quarters[i]);
		snprintf(target, sizeof(target), "%s/%s/index.html",
		    lang_codes[l], slug);
		buf_reset(&lbl);
		fmt_quarter(&lbl, l, b->quarters[i], QF_NOM);
		a = mv_push(yq, link(path, target, buf_str(&lbl),
		    strncmp(path, target, strlen(target) - 10) == 0));
		mv_set(a, "numeral", mv_strf("%s", q == 1 ? "I" : q == 2 ?
		    "II" : q == 3 ? "III" : "IV"));
	}
	mv_sets(c, "date", b->date_iso);
	{
		int	 dy, dm, dd;

		buf_reset(&lbl);
		if (sscanf(b->date_iso, "%d-%d-%d", &dy, &dm, &dd) == 3)
			fmt_date(&lbl, l, dy, dm, dd);
		mv_sets(c, "date_text", buf_str(&lbl));
	}
	buf_free(&lbl);
	return c;
}

int
page_write(struct build *b, const char *tmpl, struct mval *ctx,
    const char *path)
{
	struct buf	 out = { 0 };
	int		 rc;

	rc = tmpl_render(b->tmpl, tmpl, ctx, &out);
	mv_free(ctx);
	if (rc == 0)
		rc = site_write(b->site, path, out.data, out.len);
	buf_free(&out);
	if (rc == 0) {
		b->pages++;
		if (b->opts->progress && b->pages % 100 == 0)
			fprintf(stderr, "\rregsite: %ld pages", b->pages);
		if (strncmp(path, "kk/", 3) == 0)
			sitemap_add(b, path);
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* Static assets: static/ copied; CSS and JS fingerprinted.             */

static int
copy_static(struct build *b)
{
	struct dirent	**names = NULL;
	char		*dir, *src, *dst, hex[65], *data, *dot;
	size_t		 len;
	int		 n, i, rc = -1;

	dir = xasprintf("%s/static", b->srcdir);
	if ((n = scandir(dir, &names, NULL, alphasort)) < 0) {
		rs_err("%s: %s", dir, strerror(errno));
		free(dir);
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct stat	 st;

		if (names[i]->d_name[0] == '.')
			continue;
		src = xasprintf("%s/%s", dir, names[i]->d_name);
		if (stat(src, &st) == -1 || !S_ISREG(st.st_mode)) {
			free(src);
			continue;
		}
		data = file_read(src, &len);
		free(src);
		if (data == NULL)
			goto out;
		dot = strrchr(names[i]->d_name, '.');
		if (dot && (strcmp(dot, ".css") == 0 ||
		    strcmp(dot, ".js") == 0)) {
			sha256_hex(data, len, hex);
			dst = xasprintf("static/%.*s.%.10s%s",
			    (int)(dot - names[i]->d_name), names[i]->d_name,
			    hex, dot);
			if (strcmp(names[i]->d_name, "style.css") == 0)
				b->asset_css = xstrdup(dst);
			else if (strcmp(names[i]->d_name, "print.css") == 0)
				b->asset_print = xstrdup(dst);
			else if (strcmp(names[i]->d_name, "regsite.js") == 0)
				b->asset_js = xstrdup(dst);
			else if (strcmp(names[i]->d_name, "tables.js") == 0)
				b->asset_tables_js = xstrdup(dst);
		} else
			dst = xasprintf("static/%s", names[i]->d_name);
		rc = site_write(b->site, dst, data, len);
		free(dst);
		free(data);
		if (rc == -1)
			goto out;
		rc = -1;
	}
	if (b->asset_css == NULL || b->asset_js == NULL ||
	    b->asset_print == NULL || b->asset_tables_js == NULL) {
		rs_err("%s: style.css, print.css, regsite.js and tables.js "
		    "are required",
		    dir);
		goto out;
	}
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(dir);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Counts used on several pages.                                        */

/* Exact number of records of a form in a quarter (NULL: all). */
static long
count_of(struct build *b, enum form f, const char *quarter)
{
	long	 n = 0;

	if (pub_count(b->priv, f, quarter, NULL, &n) == -1)
		return -1;
	return n;
}

/* A formatted number as a string value. */
static struct mval *
mv_num(enum lang l, long long n)
{
	struct buf	 b = { 0 };
	struct mval	*v;

	fmt_int(&b, n);
	v = mv_str(buf_str(&b));
	buf_free(&b);
	return v;
}

static struct mval *
mv_quarter(enum lang l, const char *quarter, enum qform f)
{
	struct buf	 b = { 0 };
	struct mval	*v;

	fmt_quarter(&b, l, quarter, f);
	v = mv_str(buf_str(&b));
	buf_free(&b);
	return v;
}

/*
 * One row per quarter (newest first): label, link, counts per form,
 * records added in later releases.
 */
static int
quarter_rows(struct build *b, enum lang l, const char *path,
    struct mval *list)
{
	struct mval	*r;
	char		 slug[16], target[64], *h;
	size_t		 i;
	long		 ni, ns, late_i, late_s;

	for (i = b->nquarters; i-- > 0; ) {
		const char *q = b->quarters[i];

		if ((ni = count_of(b, FORM_INCIDENTS, q)) < 0 ||
		    (ns = count_of(b, FORM_INSURANCE, q)) < 0 ||
		    pub_count(b->priv, FORM_INCIDENTS, q, ">", &late_i) == -1
		    || pub_count(b->priv, FORM_INSURANCE, q, ">", &late_s)
		    == -1)
			return -1;
		r = mv_push(list, mv_map());
		mv_set(r, "label", mv_quarter(l, q, QF_NOM));
		mv_sets(r, "code", q);
		quarter_slug(slug, q);
		snprintf(target, sizeof(target), "%s/%s/index.html",
		    lang_codes[l], slug);
		h = page_href(path, target);
		mv_sets(r, "href", h);
		free(h);
		mv_set(r, "incidents", mv_num(l, ni));
		mv_set(r, "insurance", mv_num(l, ns));
		if (late_i + late_s > 0)
			mv_set(r, "late", mv_num(l, late_i + late_s));
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The pages.                                                           */

static int
root_page(struct build *b)
{
	struct mval	*c, *langs, *m;
	int		 l;

	c = page_ctx(b, LANG_KK, "index.html", b->cfg.site_name[LANG_KK],
	    tr(b->cat, LANG_KK, "home_description"));
	langs = mv_set(c, "languages", mv_list());
	for (l = 0; l < LANG__MAX; l++) {
		m = mv_push(langs, mv_map());
		mv_sets(m, "lang", lang_codes[l]);
		mv_sets(m, "name", lang_names[l]);
		mv_set(m, "href", mv_strf("%s/index.html", lang_codes[l]));
		mv_sets(m, "site_name", b->cfg.site_name[l]);
		mv_sets(m, "org_name", b->cfg.org_name[l]);
		mv_sets(m, "intro", tr(b->cat, l, "root_intro"));
		mv_sets(m, "enter", tr(b->cat, l, "root_enter"));
	}
	/* The chooser is not itself a language page: no switch, no nav. */
	return page_write(b, "root", c, "index.html");
}

/* "What changed in this release": new quarter and late additions. */
static int
release_notes(struct build *b, enum lang l, const char *path,
    struct mval *c)
{
	struct mval	*list, *r;
	struct buf	 s = { 0 };
	size_t		 i;
	long		 ni, ns;
	char		 slug[16], target[64], *h;

	mv_set(c, "release", mv_quarter(l, b->release, QF_NOM));
	list = mv_set(c, "changes", mv_list());
	for (i = b->nquarters; i-- > 0; ) {
		const char *q = b->quarters[i];

		if (pub_count(b->priv, FORM_INCIDENTS, q, b->release, &ni)
		    == -1 || pub_count(b->priv, FORM_INSURANCE, q,
		    b->release, &ns) == -1) {
			buf_free(&s);
			return -1;
		}
		if (ni + ns == 0)
			continue;
		r = mv_push(list, mv_map());
		mv_set(r, "quarter", mv_quarter(l, q, QF_NOM));
		quarter_slug(slug, q);
		snprintf(target, sizeof(target), "%s/%s/index.html",
		    lang_codes[l], slug);
		h = page_href(path, target);
		mv_sets(r, "href", h);
		free(h);
		mv_set(r, strcmp(q, b->release) == 0 ? "new" : "revised",
		    mv_bool(1));
		buf_reset(&s);
		fmt_int(&s, ni);
		buf_putc(&s, ' ');
		trn(&s, b->cat, l, "n_incidents", ni);
		BUF_LIT(&s, ", ");
		fmt_int(&s, ns);
		buf_putc(&s, ' ');
		trn(&s, b->cat, l, "n_cases", ns);
		mv_sets(r, "counts", buf_str(&s));
	}
	buf_free(&s);
	return 0;
}

static int
home_page(struct build *b, enum lang l)
{
	struct mval	*c, *latest;
	char		 path[32], slug[16], target[64], *h;
	const char	*q;
	long		 ni, ns;

	snprintf(path, sizeof(path), "%s/index.html", lang_codes[l]);
	c = page_ctx(b, l, path, b->cfg.site_name[l],
	    tr(b->cat, l, "home_description"));
	mv_set(c, "is_home", mv_bool(1));
	q = b->quarters[b->nquarters - 1];
	latest = mv_set(c, "latest", mv_map());
	mv_set(latest, "label", mv_quarter(l, q, QF_NOM));
	mv_set(latest, "label_in", mv_quarter(l, q, QF_IN));
	quarter_slug(slug, q);
	snprintf(target, sizeof(target), "%s/%s/index.html", lang_codes[l],
	    slug);
	h = page_href(path, target);
	mv_sets(latest, "href", h);
	free(h);
	if ((ni = count_of(b, FORM_INCIDENTS, q)) < 0 ||
	    (ns = count_of(b, FORM_INSURANCE, q)) < 0)
		goto fail;
	mv_set(latest, "incidents", mv_num(l, ni));
	mv_set(latest, "insurance", mv_num(l, ns));
	{
		struct buf	 s = { 0 };

		trn(&s, b->cat, l, "n_incidents", ni);
		mv_sets(latest, "incidents_noun", buf_str(&s));
		buf_reset(&s);
		trn(&s, b->cat, l, "n_cases", ns);
		mv_sets(latest, "insurance_noun", buf_str(&s));
		buf_free(&s);
	}
	if ((ni = count_of(b, FORM_INCIDENTS, NULL)) < 0 ||
	    (ns = count_of(b, FORM_INSURANCE, NULL)) < 0)
		goto fail;
	mv_set(c, "total_incidents", mv_num(l, ni));
	mv_set(c, "total_insurance", mv_num(l, ns));
	if (release_notes(b, l, path, c) == -1 ||
	    quarter_rows(b, l, path, mv_set(c, "quarters", mv_list())) == -1)
		goto fail;
	if (stats_home(b, l, path, c) == -1)
		goto fail;
	return page_write(b, "home", c, path);
fail:
	mv_free(c);
	return -1;
}

static int
archive_page(struct build *b, enum lang l)
{
	struct mval	*c;
	char		 path[64];

	snprintf(path, sizeof(path), "%s/archive/index.html", lang_codes[l]);
	c = page_ctx(b, l, path, tr(b->cat, l, "archive_title"),
	    tr(b->cat, l, "archive_description"));
	if (quarter_rows(b, l, path, mv_set(c, "quarters", mv_list())) == -1)
		goto fail;
	return page_write(b, "archive", c, path);
fail:
	mv_free(c);
	return -1;
}

static int
quarter_page(struct build *b, enum lang l, size_t qi)
{
	const char	*q = b->quarters[qi];
	struct mval	*c, *forms, *fm;
	struct buf	 title = { 0 }, desc = { 0 };
	char		 path[64], slug[16], target[96], *h;
	long		 n, late, pages;
	int		 f;

	quarter_slug(slug, q);
	snprintf(path, sizeof(path), "%s/%s/index.html", lang_codes[l], slug);
	fmt_quarter(&title, l, q, QF_NOM);
	buf_puts(&desc, tr(b->cat, l, "quarter_description"));
	BUF_LIT(&desc, " ");
	fmt_quarter(&desc, l, q, QF_NOM);
	BUF_LIT(&desc, ".");
	c = page_ctx(b, l, path, buf_str(&title), buf_str(&desc));
	buf_free(&title);
	buf_free(&desc);
	mv_sets(c, "quarter", q);
	mv_set(c, "quarter_in", mv_quarter(l, q, QF_IN));
	if (qi > 0) {
		quarter_slug(slug, b->quarters[qi - 1]);
		snprintf(target, sizeof(target), "%s/%s/index.html",
		    lang_codes[l], slug);
		h = page_href(path, target);
		mv_set(c, "prev", mv_map());
		mv_sets(mv_get(c, "prev"), "href", h);
		mv_set(mv_get(c, "prev"), "label",
		    mv_quarter(l, b->quarters[qi - 1], QF_NOM));
		free(h);
	}
	if (qi + 1 < b->nquarters) {
		quarter_slug(slug, b->quarters[qi + 1]);
		snprintf(target, sizeof(target), "%s/%s/index.html",
		    lang_codes[l], slug);
		h = page_href(path, target);
		mv_set(c, "next", mv_map());
		mv_sets(mv_get(c, "next"), "href", h);
		mv_set(mv_get(c, "next"), "label",
		    mv_quarter(l, b->quarters[qi + 1], QF_NOM));
		free(h);
	}
	quarter_slug(slug, q);
	forms = mv_set(c, "forms", mv_list());
	for (f = 0; f < FORM__MAX; f++) {
		if ((n = count_of(b, f, q)) < 0 ||
		    pub_count(b->priv, f, q, ">", &late) == -1)
			goto fail;
		fm = mv_push(forms, mv_map());
		mv_sets(fm, "id", f == FORM_INCIDENTS ? "incidents" :
		    "insurance");
		mv_sets(fm, "title", tr(b->cat, l, f == FORM_INCIDENTS ?
		    "form1_title" : "form2_title"));
		mv_sets(fm, "annex", tr(b->cat, l, f == FORM_INCIDENTS ?
		    "form1_annex" : "form2_annex"));
		mv_set(fm, "count", mv_num(l, n));
		{
			struct buf	 s = { 0 };

			trn(&s, b->cat, l, f == FORM_INCIDENTS ?
			    "n_incidents" : "n_cases", n);
			mv_sets(fm, "noun", buf_str(&s));
			buf_free(&s);
		}
		if (late > 0)
			mv_set(fm, "late", mv_num(l, late));
		snprintf(target, sizeof(target), "%s/%s/%s/index.html",
		    lang_codes[l], slug, f == FORM_INCIDENTS ? "incidents" :
		    "insurance");
		h = page_href(path, target);
		mv_sets(fm, "href", h);
		free(h);
		pages = (n + b->cfg.rows_per_page - 1) / b->cfg.rows_per_page;
		mv_set(fm, "pages", mv_num(l, pages > 0 ? pages : 1));
		if (data_links(b, l, path, q, f, fm) == -1)
			goto fail;
	}
	if (stats_quarter(b, l, path, q, c) == -1)
		goto fail;
	return page_write(b, "quarter", c, path);
fail:
	mv_free(c);
	return -1;
}

static int
content_page(struct build *b, enum lang l, size_t i)
{
	struct md_page	*p = &b->content[l][i];
	struct mval	*c;
	char		*path;
	int		 rc;

	path = xasprintf("%s/%s/index.html", lang_codes[l], p->slug);
	c = page_ctx(b, l, path, p->title, p->description);
	mv_set(c, "body", mv_ref(p->html));
	rc = page_write(b, "content", c, path);
	free(path);
	return rc;
}

static int
notfound_page(struct build *b)
{
	struct mval	*c, *langs, *m;
	int		 l;

	/*
	 * Served for any missing URL, so its links are absolute paths
	 * from the base URL.
	 */
	c = page_ctx(b, LANG_KK, "404.html", tr(b->cat, LANG_KK,
	    "notfound_title"), tr(b->cat, LANG_KK, "notfound_text"));
	langs = mv_set(c, "languages", mv_list());
	for (l = 0; l < LANG__MAX; l++) {
		m = mv_push(langs, mv_map());
		mv_sets(m, "tag", l == LANG_KK ? "h1" : "h2");
		mv_sets(m, "lang", lang_codes[l]);
		mv_sets(m, "title", tr(b->cat, l, "notfound_title"));
		mv_sets(m, "text", tr(b->cat, l, "notfound_text"));
		mv_sets(m, "home", tr(b->cat, l, "notfound_home"));
		mv_set(m, "href", mv_strf("%s%s/", b->cfg.base_url,
		    lang_codes[l]));
	}
	mv_set(c, "base_css", mv_strf("%s%s", b->cfg.base_url,
	    b->asset_css));
	mv_set(c, "base_js", mv_strf("%s%s", b->cfg.base_url, b->asset_js));
	mv_set(c, "base_favicon", mv_strf("%sstatic/favicon.svg",
	    b->cfg.base_url));
	return page_write(b, "404", c, "404.html");
}

int
pages_build(struct build *b)
{
	size_t	 i;
	int	 l;

	if (copy_static(b) == -1 || data_build(b) == -1)
		return -1;
	trace("downloads");
	if (root_page(b) == -1 || notfound_page(b) == -1)
		return -1;
	for (l = 0; l < LANG__MAX; l++) {
		if (home_page(b, l) == -1 || archive_page(b, l) == -1 ||
		    stats_page(b, l) == -1 || data_pages(b, l) == -1)
			return -1;
		for (i = 0; i < b->ncontent; i++)
			if (content_page(b, l, i) == -1)
				return -1;
		trace("%s: home, archive, statistics, data pages",
		    lang_codes[l]);
		for (i = 0; i < b->nquarters; i++)
			if (quarter_page(b, l, i) == -1 ||
			    tables_build(b, l, b->quarters[i]) == -1)
				return -1;
		trace("%s: quarters and tables", lang_codes[l]);
	}
	return feeds_build(b);
}
