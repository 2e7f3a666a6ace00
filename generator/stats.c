/*
 * stats.c -- the aggregate picture: charts on the home page, a
 * dashboard per quarter and the statistics page (placeholder until the
 * chart renderer lands).
 */
#include <stdio.h>
#include <stdlib.h>

#include "extern.h"

int
stats_home(struct build *b, enum lang l, const char *path, struct mval *c)
{
	(void)b; (void)l; (void)path; (void)c;
	return 0;
}

int
stats_quarter(struct build *b, enum lang l, const char *path,
    const char *quarter, struct mval *c)
{
	(void)b; (void)l; (void)path; (void)quarter; (void)c;
	return 0;
}

int
stats_page(struct build *b, enum lang l)
{
	char	 path[64];

	snprintf(path, sizeof(path), "%s/statistics/index.html",
	    lang_codes[l]);
	return page_write(b, "statistics", page_ctx(b, l, path,
	    tr(b->cat, l, "stats_title"), tr(b->cat, l, "stats_description")),
	    path);
}
