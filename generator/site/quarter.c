/*
 * quarter.c -- the page of a quarter: its two forms with their counts,
 * table links and downloads, its neighbours, and its charts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/config.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/mustache.h"
#include "render/catalog.h"
#include "site/site.h"
#include "site/url.h"
#include "site/page.h"

/* The link to a neighbouring quarter, as ctx's key. */
static void
neighbour(struct build *b, enum lang l, const char *path, const char *q,
    struct mval *c, const char *key)
{
	struct mval	*m;

	m = mv_set(c, key, mv_map());
	page_link(m, "href", path, url_quarter(l, q));
	mv_set(m, "label", quarter_val(l, q, QF_NOM));
}

/* A form of the quarter: its count, table, downloads. */
static int
form_entry(struct build *b, enum lang l, const char *path, const char *q,
    enum form f, struct mval *forms)
{
	struct mval	*fm;
	struct buf	 s = { 0 };
	long		 n, late, pages;

	if ((n = records_of(b, f, q)) < 0 ||
	    pub_count(b->priv, f, q, ">", &late) == -1)
		return -1;
	fm = mv_push(forms, mv_map());
	mv_sets(fm, "id", form_dir(f));
	mv_sets(fm, "title", tr_form(b->cat, l, f));
	mv_sets(fm, "annex", tr(b->cat, l, f == FORM_INCIDENTS ?
	    "form1_annex" : "form2_annex"));
	mv_set(fm, "count", num_val(n));
	trn(&s, b->cat, l, f == FORM_INCIDENTS ? "n_incidents" : "n_cases",
	    n);
	mv_sets(fm, "noun", buf_str(&s));
	buf_free(&s);
	if (late > 0)
		mv_set(fm, "late", num_val(late));
	page_link(fm, "href", path, url_table(l, q, f, 1));
	pages = (n + b->cfg.rows_per_page - 1) / b->cfg.rows_per_page;
	mv_set(fm, "pages", num_val(pages > 0 ? pages : 1));
	download_links(b, l, path, q, f, fm);
	return 0;
}

int
quarter_page(struct build *b, enum lang l, size_t qi)
{
	const char	*q = b->quarters[qi];
	struct mval	*c, *forms;
	struct buf	 title = { 0 }, desc = { 0 };
	char		*path;
	int		 f, rc = -1;

	path = url_quarter(l, q);
	fmt_quarter(&title, l, q, QF_NOM);
	buf_puts(&desc, tr(b->cat, l, "quarter_description"));
	BUF_LIT(&desc, " ");
	fmt_quarter(&desc, l, q, QF_NOM);
	BUF_LIT(&desc, ".");
	c = page_ctx(b, l, path, buf_str(&title), buf_str(&desc));
	buf_free(&title);
	buf_free(&desc);
	mv_sets(c, "quarter", q);
	mv_set(c, "quarter_in", quarter_val(l, q, QF_IN));
	if (qi > 0)
		neighbour(b, l, path, b->quarters[qi - 1], c, "prev");
	if (qi + 1 < b->nquarters)
		neighbour(b, l, path, b->quarters[qi + 1], c, "next");
	forms = mv_set(c, "forms", mv_list());
	for (f = 0; f < FORM__MAX; f++)
		if (form_entry(b, l, path, q, f, forms) == -1)
			goto out;
	if (stats_quarter(b, l, path, q, c) == -1)
		goto out;
	page_howto(b, l, path, c);
	rc = page_write(b, "quarter", c, path);
	c = NULL;
out:
	mv_free(c);
	free(path);
	return rc;
}
