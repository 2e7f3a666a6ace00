/*
 * home.c -- a language's home page (the latest quarter, what changed
 * in this release (releases.c), every quarter, one chart) and the archive (every
 * quarter with its counts).
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

/*
 * One row per quarter (newest first): label, link, counts per form,
 * records added in later releases.
 */
static int
quarter_rows(struct build *b, enum lang l, const char *path,
    struct mval *list)
{
	struct mval	*r;
	size_t		 i;
	long		 ni, ns, late_i, late_s;

	for (i = b->nquarters; i-- > 0; ) {
		const char *q = b->quarters[i];

		if ((ni = records_of(b, FORM_INCIDENTS, q)) < 0 ||
		    (ns = records_of(b, FORM_INSURANCE, q)) < 0 ||
		    pub_count(b->priv, FORM_INCIDENTS, q, ">", &late_i) == -1
		    || pub_count(b->priv, FORM_INSURANCE, q, ">", &late_s)
		    == -1)
			return -1;
		r = mv_push(list, mv_map());
		mv_set(r, "label", quarter_val(l, q, QF_NOM));
		mv_sets(r, "code", q);
		page_link(r, "href", path, url_quarter(l, q));
		mv_set(r, "incidents", num_val(ni));
		mv_set(r, "insurance", num_val(ns));
		if (late_i + late_s > 0)
			mv_set(r, "late", num_val(late_i + late_s));
	}
	return 0;
}

int
home_page(struct build *b, enum lang l)
{
	struct mval	*c, *latest;
	struct buf	 s = { 0 };
	const char	*q;
	char		*path;
	long		 ni, ns;
	int		 rc = -1;

	path = url_home(l);
	c = page_ctx(b, l, path, b->cfg.site_name[l],
	    tr(b->cat, l, "home_description"));
	mv_set(c, "is_home", mv_bool(1));
	q = b->quarters[b->nquarters - 1];
	latest = mv_set(c, "latest", mv_map());
	mv_set(latest, "label", quarter_val(l, q, QF_NOM));
	mv_set(latest, "label_in", quarter_val(l, q, QF_IN));
	page_link(latest, "href", path, url_quarter(l, q));
	if ((ni = records_of(b, FORM_INCIDENTS, q)) < 0 ||
	    (ns = records_of(b, FORM_INSURANCE, q)) < 0)
		goto out;
	mv_set(latest, "incidents", num_val(ni));
	mv_set(latest, "insurance", num_val(ns));
	trn(&s, b->cat, l, "n_incidents", ni);
	mv_sets(latest, "incidents_noun", buf_str(&s));
	buf_reset(&s);
	trn(&s, b->cat, l, "n_cases", ns);
	mv_sets(latest, "insurance_noun", buf_str(&s));
	if ((ni = records_of(b, FORM_INCIDENTS, NULL)) < 0 ||
	    (ns = records_of(b, FORM_INSURANCE, NULL)) < 0)
		goto out;
	mv_set(c, "total_incidents", num_val(ni));
	mv_set(c, "total_insurance", num_val(ns));
	release_changes(b, l, path, release_current(b), c);
	if (quarter_rows(b, l, path, mv_set(c, "quarters", mv_list())) == -1 ||
	    stats_home(b, l, path, c) == -1)
		goto out;
	rc = page_write(b, "home", c, path);
	c = NULL;
out:
	mv_free(c);
	buf_free(&s);
	free(path);
	return rc;
}

int
archive_page(struct build *b, enum lang l)
{
	struct mval	*c;
	char		*path;
	int		 rc = -1;

	path = url_archive(l);
	c = page_ctx(b, l, path, tr(b->cat, l, "archive_title"),
	    tr(b->cat, l, "archive_description"));
	if (quarter_rows(b, l, path, mv_set(c, "quarters", mv_list())) == 0)
		rc = page_write(b, "archive", c, path);
	else
		mv_free(c);
	free(path);
	return rc;
}
