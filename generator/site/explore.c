/*
 * explore.c -- the explorer of a form over all quarters
 * (kk/explore/incidents/): the table script's filters and search over
 * every quarter at once, reading each quarter's records.json.gz (written
 * by tables.c, fetched only when asked), the matching rows downloadable
 * as CSV (static/explore.js).  Without JavaScript the page says so and
 * lists every quarter's table and profile-group pages (tables.c) as
 * plain links, which the script also reads its quarters from.
 *
 * Regions are in no row (privacy.c), so the region filter applies to
 * the protected regional counts (stats_regions): a table by region and
 * quarter with the form's outcome, its regions also plain links.
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

static int
explore_page(struct build *b, enum lang l, enum form f)
{
	struct mval	*c, *qs, *q, *gs, *g;
	struct buf	 t = { 0 }, s = { 0 };
	char		*path, *u;
	size_t		 i, k;
	int		 rc;

	path = url_explore(l, f);
	buf_puts(&t, tr(b->cat, l, "explore_title"));
	BUF_LIT(&t, ": ");
	buf_puts(&t, tr_form(b->cat, l, f));
	c = page_ctx(b, l, path, buf_str(&t), tr(b->cat, l,
	    "explore_description"));
	mv_sets(c, "form", form_dir(f));
	mv_sets(c, "form_title", tr_form(b->cat, l, f));
	mv_sets(c, "outcome_title", tr(b->cat, l, f == FORM_INCIDENTS ?
	    "col_with_consequences" : "col_deaths"));
	mv_sets(c, "records_title", tr(b->cat, l, f == FORM_INCIDENTS ?
	    "figure_incidents" : "figure_cases"));
	if (b->asset_explore_js)
		page_link(c, "href_explore_js", path,
		    xstrdup(b->asset_explore_js));
	page_link(c, "href_other_form", path, url_explore(l,
	    f == FORM_INCIDENTS ? FORM_INSURANCE : FORM_INCIDENTS));
	mv_sets(c, "other_form_title", tr_form(b->cat, l,
	    f == FORM_INCIDENTS ? FORM_INSURANCE : FORM_INCIDENTS));
	page_link(c, "href_statistics", path, url_statistics(l));
	page_link(c, "href_release", path, url_release(l,
	    release_current(b)->id));
	mv_set(c, "headings", table_headings(b, l, f));
	qs = mv_set(c, "quarters", mv_list());
	for (i = b->nquarters; i-- > 0; ) {
		const char *qc = b->quarters[i];
		long	 n = records_of(b, f, qc);

		if (n < 0) {
			mv_free(c);
			rc = -1;
			goto out;
		}
		q = mv_push(qs, mv_map());
		mv_sets(q, "code", qc);
		mv_set(q, "label", quarter_val(l, qc, QF_NOM));
		mv_set(q, "n", num_val(n));
		page_link(q, "href", path, url_table(l, qc, f, 1));
		page_link(q, "index", path, url_records_json(l, qc, f));
		page_link(q, "filters", path, url_filters_json(l, qc, f));
		gs = mv_set(q, "groups", mv_list());
		for (k = 0; k < b->glinks.n; k++) {
			const struct grouplink *x = &b->glinks.v[k];

			if (x->form != f || strcmp(x->quarter, qc) != 0)
				continue;
			g = mv_push(gs, mv_map());
			mv_sets(g, "label", x->label);
			page_link(g, "href", path, xstrdup(x->path));
			mv_set(g, "n", num_val(x->n));
			mv_set(q, "has_groups", mv_bool(1));
		}
	}
	if (stats_regions(b, l, f, c) == -1) {
		mv_free(c);
		rc = -1;
		goto out;
	}
	/* The citation; the script adds the filters' address. */
	buf_printf(&s, "%s. %s. %s, ", b->cfg.org_name[l],
	    b->cfg.site_name[l], buf_str(&t));
	buf_puts(&s, tr(b->cat, l, "release_title"));
	BUF_LIT(&s, ": ");
	fmt_quarter(&s, l, release_current(b)->id, QF_NOM);
	u = page_url(b, path);
	mv_sets(c, "citation_head", buf_str(&s));
	mv_sets(c, "citation_url", u);
	free(u);
	rc = page_write(b, "explore", c, path);
out:
	free(path);
	buf_free(&t);
	buf_free(&s);
	return rc;
}

int
explore_pages(struct build *b, enum lang l)
{
	int	 f, rc = 0;

	for (f = 0; f < FORM__MAX && rc == 0; f++)
		rc = explore_page(b, l, f);
	grouplinks_free(&b->glinks);
	return rc;
}
