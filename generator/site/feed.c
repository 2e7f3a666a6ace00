/*
 * feed.c -- what search engines and feed readers read: sitemap.xml with
 * the hreflang alternates of every page, robots.txt, and an Atom feed
 * per language with an entry per release (its page, what it changed).  All XML through
 * esc_xml; all URLs absolute from the configured base URL.
 *
 * The sitemap's pages come from one explicit list (sitemap_pages),
 * made from the URL scheme and the published records, not from the
 * pages written so far: these files may be written at any point of
 * the build.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/escape.h"
#include "lib/format.h"
#include "lib/config.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/catalog.h"
#include "render/markdown.h"
#include "site/output.h"
#include "site/site.h"
#include "site/url.h"
#include "site/page.h"

/* The public URL of a site path, escaped for XML. */
static void
url(struct buf *out, struct build *b, const char *path)
{
	char	*u = page_url(b, path);

	esc_xmls(out, u);
	free(u);
}

/* A list of site paths (each allocated). */
struct paths {
	char	**v;
	size_t	 n;
};

static void
add(struct paths *p, char *path)
{
	p->v = xreallocarray(p->v, p->n + 1, sizeof(*p->v));
	p->v[p->n++] = path;
}

static void
paths_free(struct paths *p)
{
	size_t	 i;

	for (i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
}

/*
 * The table and record pages of a quarter's form, in the order
 * tables.c writes them: a record page once the next record is known,
 * a table page once its rows are complete -- so a full table page
 * comes before the page of its last record.
 */
static int
table_pages(struct build *b, const char *quarter, enum form f,
    struct paths *p)
{
	struct pubcur	*cur;
	const struct pubrec *r;
	char		 prev[32] = "";
	long		 rows = 0, rpp = b->cfg.rows_per_page;
	int		 step;

	/* Without record pages, the count tells the table pages. */
	if (!b->cfg.record_pages) {
		if (pub_count(b->priv, f, quarter, NULL, &rows) == -1)
			return -1;
		for (step = 1; step <= rows / rpp; step++)
			add(p, url_table(LANG_KK, quarter, f, step));
		if (rows % rpp != 0 || rows == 0)
			add(p, url_table(LANG_KK, quarter, f, rows / rpp + 1));
		return 0;
	}
	if ((cur = pub_open(b->priv, f, quarter)) == NULL)
		return -1;
	while ((step = pub_next(cur, &r)) == 1) {
		if (rows > 0 && b->cfg.record_pages)
			add(p, url_record(LANG_KK, quarter, f, prev));
		snprintf(prev, sizeof(prev), "%s", r->ref);
		if (++rows % rpp == 0)
			add(p, url_table(LANG_KK, quarter, f, rows / rpp));
	}
	pub_close(cur);
	if (step == -1)
		return -1;
	if (rows > 0 && b->cfg.record_pages)
		add(p, url_record(LANG_KK, quarter, f, prev));
	if (rows % rpp != 0 || rows == 0)
		add(p, url_table(LANG_KK, quarter, f, rows / rpp + 1));
	return 0;
}

/*
 * Every page that has a Kazakh and a Russian version, by its Kazakh
 * path: the home page, archive, statistics, data pages, content pages,
 * then each quarter's page, tables and records.  The root chooser and
 * the 404 page are not among them.
 */
static int
sitemap_pages(struct build *b, struct paths *p)
{
	size_t	 i;
	int	 f;

	add(p, url_home(LANG_KK));
	add(p, url_archive(LANG_KK));
	add(p, url_statistics(LANG_KK));
	add(p, url_data(LANG_KK));
	add(p, url_dictionary(LANG_KK));
	add(p, url_explore(LANG_KK, FORM_INCIDENTS));
	add(p, url_explore(LANG_KK, FORM_INSURANCE));
	add(p, url_releases(LANG_KK));
	for (i = 0; i < b->rels->n; i++)
		add(p, url_release(LANG_KK, b->rels->v[i].id));
	for (i = 0; i < b->ncontent; i++)
		add(p, url_content(LANG_KK, b->content[LANG_KK][i].slug));
	for (i = 0; i < b->nquarters; i++) {
		add(p, url_quarter(LANG_KK, b->quarters[i]));
		for (f = 0; f < FORM__MAX; f++)
			if (table_pages(b, b->quarters[i], f, p) == -1)
				return -1;
	}
	return 0;
}

static int
sitemap(struct build *b)
{
	struct paths	 pages = { 0 };
	struct buf	 x = { 0 };
	size_t		 i;
	int		 l, a, rc = -1;
	char		*p[LANG__MAX];

	if (sitemap_pages(b, &pages) == -1)
		goto out;

	BUF_LIT(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
	    "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
	BUF_LIT(&x, "<url><loc>");
	url(&x, b, url_root());
	BUF_LIT(&x, "</loc></url>\n");
	for (i = 0; i < pages.n; i++) {
		for (l = 0; l < LANG__MAX; l++)
			p[l] = url_other_lang(pages.v[i], l);
		for (l = 0; l < LANG__MAX; l++) {
			BUF_LIT(&x, "<url><loc>");
			url(&x, b, p[l]);
			BUF_LIT(&x, "</loc>");
			for (a = 0; a < LANG__MAX; a++) {
				buf_printf(&x, "<xhtml:link rel=\"alternate\" "
				    "hreflang=\"%s\" href=\"", lang_codes[a]);
				url(&x, b, p[a]);
				BUF_LIT(&x, "\"/>");
			}
			BUF_LIT(&x, "<xhtml:link rel=\"alternate\" "
			    "hreflang=\"x-default\" href=\"");
			url(&x, b, p[LANG_KK]);
			BUF_LIT(&x, "\"/></url>\n");
		}
		for (l = 0; l < LANG__MAX; l++)
			free(p[l]);
	}
	BUF_LIT(&x, "</urlset>\n");
	rc = site_write(b->site, url_sitemap(), x.data, x.len);
out:
	paths_free(&pages);
	buf_free(&x);
	return rc;
}

static int
robots(struct build *b)
{
	struct buf	 x = { 0 };
	char		*u;
	int		 rc;

	u = page_url(b, url_sitemap());
	buf_printf(&x, "User-agent: *\nAllow: /\n\nSitemap: %s\n", u);
	free(u);
	rc = site_write(b->site, url_robots(), x.data, x.len);
	buf_free(&x);
	return rc;
}

static int
feed(struct build *b, enum lang l)
{
	struct buf	 x = { 0 }, s = { 0 };
	char		*path, *qpath, *d;
	size_t		 i, j;
	int		 rc;

	path = url_feed(l);
	BUF_LIT(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_printf(&x, "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
	    "xml:lang=\"%s\">\n<title>", lang_codes[l]);
	esc_xmls(&x, b->cfg.site_name[l]);
	BUF_LIT(&x, "</title>\n<subtitle>");
	esc_xmls(&x, tr(b->cat, l, "feed_subtitle"));
	BUF_LIT(&x, "</subtitle>\n<id>");
	url(&x, b, path);
	BUF_LIT(&x, "</id>\n<link rel=\"self\" type=\"application/atom+xml\" "
	    "href=\"");
	url(&x, b, path);
	BUF_LIT(&x, "\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
	qpath = url_home(l);
	url(&x, b, qpath);
	free(qpath);
	BUF_LIT(&x, "\"/>\n<updated>");
	d = release_date(b->release);
	esc_xmls(&x, d);
	free(d);
	BUF_LIT(&x, "</updated>\n<author><name>");
	esc_xmls(&x, b->cfg.org_name[l]);
	BUF_LIT(&x, "</name></author>\n");
	/*
	 * An entry per release (privacy_releases), newest first, linking
	 * its page; the summary says what it changed.
	 */
	for (i = b->rels->n; i-- > 0; ) {
		const struct release *r = &b->rels->v[i];
		struct buf	 sum = { 0 };

		for (j = 0; j < r->nchg; j++) {
			const struct rel_change *c = &r->chg[j];

			if (sum.len)
				BUF_LIT(&sum, "; ");
			fmt_quarter(&sum, l, c->quarter, QF_NOM);
			buf_printf(&sum, ", %s: %s ", tr_form(b->cat, l,
			    c->form), tr(b->cat, l, "col_added"));
			fmt_int(&sum, c->added);
			buf_printf(&sum, ", %s ", tr(b->cat, l, "col_revised"));
			if (c->revised < 0)
				buf_puts(&sum, tr(b->cat, l,
				    "value_not_shown"));
			else
				fmt_int(&sum, c->revised);
			buf_printf(&sum, ", %s ", tr(b->cat, l,
			    "col_withdrawn"));
			fmt_int(&sum, c->withdrawn);
		}
		if (sum.len == 0)
			buf_puts(&sum, tr(b->cat, l, "changes_none"));
		qpath = url_release(l, r->id);
		BUF_LIT(&x, "<entry>\n<title>");
		buf_reset(&s);
		buf_puts(&s, tr(b->cat, l, "feed_release"));
		buf_putc(&s, ' ');
		fmt_quarter(&s, l, r->id, QF_NOM);
		if (r->preview) {
			BUF_LIT(&s, " (");
			buf_puts(&s, tr(b->cat, l, "release_preview_short"));
			buf_putc(&s, ')');
		}
		esc_xmls(&x, buf_str(&s));
		BUF_LIT(&x, "</title>\n<id>");
		url(&x, b, qpath);
		BUF_LIT(&x, "</id>\n<link rel=\"alternate\" type=\"text/html\" "
		    "href=\"");
		url(&x, b, qpath);
		BUF_LIT(&x, "\"/>\n<updated>");
		d = release_date(r->id);
		esc_xmls(&x, d);
		free(d);
		BUF_LIT(&x, "</updated>\n<summary>");
		esc_xmls(&x, buf_str(&sum));
		BUF_LIT(&x, "</summary>\n</entry>\n");
		buf_free(&sum);
		free(qpath);
	}
	BUF_LIT(&x, "</feed>\n");
	rc = site_write(b->site, path, x.data, x.len);
	free(path);
	buf_free(&x);
	buf_free(&s);
	return rc;
}

int
feeds_build(struct build *b)
{
	int	 l;

	for (l = 0; l < LANG__MAX; l++)
		if (feed(b, l) == -1)
			return -1;
	return sitemap(b) == -1 || robots(b) == -1 ? -1 : 0;
}
