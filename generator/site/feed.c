/*
 * feed.c -- what search engines and feed readers read: sitemap.xml with
 * the hreflang alternates of every page, robots.txt, and an Atom feed
 * per language with an entry per quarterly release.  All XML through
 * esc_xml; all URLs absolute from the configured base URL.
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
#include "site/output.h"
#include "site/site.h"

/* The public URL of a site path, escaped for XML. */
static void
url(struct buf *out, struct build *b, const char *path)
{
	char	*u = page_url(b, path);

	esc_xmls(out, u);
	free(u);
}

static int
sitemap(struct build *b)
{
	struct buf	 x = { 0 };
	size_t		 i;
	int		 l, a, rc;
	char		*p[LANG__MAX];

	BUF_LIT(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
	    "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
	BUF_LIT(&x, "<url><loc>");
	url(&x, b, "index.html");
	BUF_LIT(&x, "</loc></url>\n");
	for (i = 0; i < b->nsitemap; i++) {
		p[LANG_KK] = xstrdup(b->sitemap[i]);
		p[LANG_RU] = xasprintf("ru/%s", b->sitemap[i] + 3);
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
		free(p[LANG_KK]);
		free(p[LANG_RU]);
	}
	BUF_LIT(&x, "</urlset>\n");
	rc = site_write(b->site, "sitemap.xml", x.data, x.len);
	buf_free(&x);
	return rc;
}

static int
robots(struct build *b)
{
	struct buf	 x = { 0 };
	int		 rc;

	buf_printf(&x, "User-agent: *\nAllow: /\n\nSitemap: %ssitemap.xml\n",
	    b->cfg.base_url);
	rc = site_write(b->site, "robots.txt", x.data, x.len);
	buf_free(&x);
	return rc;
}

/* The moment a release was published: the day after its quarter. */
static char *
release_date(const char *quarter)
{
	int	 y, q;

	if (quarter_parse(quarter, &y, &q) == -1)
		return xstrdup("1970-01-01T00:00:00Z");
	if (q == 4)
		return xasprintf("%04d-01-01T00:00:00+05:00", y + 1);
	return xasprintf("%04d-%02d-01T00:00:00+05:00", y, q * 3 + 1);
}

static int
feed(struct build *b, enum lang l)
{
	struct buf	 x = { 0 }, s = { 0 };
	char		 path[32], slug[16], qpath[64], *d;
	size_t		 i, j;
	long		 n[FORM__MAX], any;
	int		 f, rc;

	snprintf(path, sizeof(path), "%s/feed.xml", lang_codes[l]);
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
	snprintf(qpath, sizeof(qpath), "%s/index.html", lang_codes[l]);
	url(&x, b, qpath);
	BUF_LIT(&x, "\"/>\n<updated>");
	d = release_date(b->release);
	esc_xmls(&x, d);
	free(d);
	BUF_LIT(&x, "</updated>\n<author><name>");
	esc_xmls(&x, b->cfg.org_name[l]);
	BUF_LIT(&x, "</name></author>\n");
	/* An entry per release (reporting quarter), newest first. */
	for (i = b->nquarters; i-- > 0; ) {
		const char *r = b->quarters[i];
		struct buf	 sum = { 0 };

		if (strcmp(r, b->release) > 0)
			continue;
		any = 0;
		for (j = 0; j < b->nquarters; j++) {
			for (f = 0; f < FORM__MAX; f++)
				if (pub_count(b->priv, f, b->quarters[j], r,
				    &n[f]) == -1) {
					buf_free(&sum);
					goto fail;
				}
			if (n[0] + n[1] == 0)
				continue;
			any += n[0] + n[1];
			if (sum.len)
				BUF_LIT(&sum, "; ");
			fmt_quarter(&sum, l, b->quarters[j], QF_NOM);
			BUF_LIT(&sum, ": ");
			fmt_int(&sum, n[0]);
			buf_putc(&sum, ' ');
			trn(&sum, b->cat, l, "n_incidents", n[0]);
			BUF_LIT(&sum, ", ");
			fmt_int(&sum, n[1]);
			buf_putc(&sum, ' ');
			trn(&sum, b->cat, l, "n_cases", n[1]);
		}
		if (any == 0) {
			buf_free(&sum);
			continue;
		}
		quarter_slug(slug, r);
		snprintf(qpath, sizeof(qpath), "%s/%s/index.html",
		    lang_codes[l], slug);
		BUF_LIT(&x, "<entry>\n<title>");
		buf_reset(&s);
		buf_puts(&s, tr(b->cat, l, "feed_release"));
		buf_putc(&s, ' ');
		fmt_quarter(&s, l, r, QF_NOM);
		esc_xmls(&x, buf_str(&s));
		BUF_LIT(&x, "</title>\n<id>");
		url(&x, b, qpath);
		BUF_LIT(&x, "</id>\n<link rel=\"alternate\" type=\"text/html\" "
		    "href=\"");
		url(&x, b, qpath);
		BUF_LIT(&x, "\"/>\n<updated>");
		d = release_date(r);
		esc_xmls(&x, d);
		free(d);
		BUF_LIT(&x, "</updated>\n<summary>");
		esc_xmls(&x, buf_str(&sum));
		BUF_LIT(&x, "</summary>\n</entry>\n");
		buf_free(&sum);
	}
	BUF_LIT(&x, "</feed>\n");
	rc = site_write(b->site, path, x.data, x.len);
	buf_free(&x);
	buf_free(&s);
	return rc;
fail:
	buf_free(&x);
	buf_free(&s);
	return -1;
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
