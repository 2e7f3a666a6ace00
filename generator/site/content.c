/*
 * content.c -- the content pages (about, methodology, legal...):
 * content/<lang>/<slug>.md with front matter, expanded with the
 * privacy policy in force ({{privacy.k}}), rendered by markdown.c when
 * the build starts, and written as kk/<slug>/index.html.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/config.h"
#include "render/mustache.h"
#include "render/markdown.h"
#include "site/site.h"
#include "site/url.h"
#include "site/page.h"

static int
content_cmp(const void *a, const void *b)
{
	const struct md_page *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->slug, y->slug);
}

/*
 * Load and render content/<lang>/<slug>.md for both languages into
 * b->content, in navigation order; both languages must have the same
 * pages.  0, or -1 and rs_err.
 */
int
content_load(struct build *b)
{
	struct dirent **names = NULL;
	struct mval	*ctx;
	char		*dir, *path;
	int		 n, i, l, rc = -1;
	size_t		 j;

	dir = xasprintf("%s/content/kk", b->srcdir);
	n = scandir(dir, &names, NULL, alphasort);
	if (n < 0) {
		rs_err("%s: %s", dir, strerror(errno));
		free(dir);
		return -1;
	}
	free(dir);
	for (l = 0; l < LANG__MAX; l++)
		b->content[l] = xcalloc((size_t)n + 1, sizeof(struct md_page));
	for (i = 0; i < n; i++) {
		size_t	 len = strlen(names[i]->d_name);

		if (len < 4 || strcmp(names[i]->d_name + len - 3, ".md") != 0)
			continue;
		for (l = 0; l < LANG__MAX; l++) {
			path = xasprintf("%s/content/%s/%s", b->srcdir,
			    lang_codes[l], names[i]->d_name);
			ctx = mv_map();
			mv_sets(ctx, "site_name", b->cfg.site_name[l]);
			{
				struct mval *pv = mv_set(ctx, "privacy",
				    mv_map());

				mv_set(pv, "k", mv_strf("%ld", b->cfg.k));
				mv_set(pv, "diversity",
				    mv_strf("%ld", b->cfg.diversity));
				mv_set(pv, "small_count",
				    mv_strf("%ld", b->cfg.small_count));
				mv_set(pv, "small_max",
				    mv_strf("%ld", b->cfg.small_count - 1));
				mv_set(pv, "rounding",
				    mv_strf("%ld", b->cfg.rounding));
				mv_set(pv, "free_text", mv_bool(
				    b->cfg.free_text == FREE_TEXT_SCRUBBED));
				mv_set(pv, "all_ages", mv_bool(
				    b->cfg.text_ages == TEXT_AGES_ALL));
			}
			rc = md_render_file(path, ctx,
			    &b->content[l][b->ncontent]);
			mv_free(ctx);
			if (rc == -1) {
				if (l == LANG_RU && access(path, F_OK) != 0)
					rs_err("%s: missing (the Kazakh page "
					    "content/kk/%s exists)", path,
					    names[i]->d_name);
				/* The other language's page of this slot,
				 * not yet counted in ncontent. */
				md_page_free(&b->content[LANG_KK][b->ncontent]);
				free(path);
				goto out;
			}
			free(path);
		}
		b->ncontent++;
	}
	/* A Russian page without its Kazakh counterpart. */
	dir = xasprintf("%s/content/ru", b->srcdir);
	{
		struct dirent **ru = NULL;
		int		 m, k;

		m = scandir(dir, &ru, NULL, alphasort);
		for (k = 0; k < m; k++) {
			size_t	 len = strlen(ru[k]->d_name);
			int	 found = 0;

			if (len >= 4 &&
			    strcmp(ru[k]->d_name + len - 3, ".md") == 0) {
				for (j = 0; j < b->ncontent; j++)
					if (strncmp(b->content[LANG_RU][j].slug,
					    ru[k]->d_name, len - 3) == 0 &&
					    strlen(b->content[LANG_RU][j].slug)
					    == len - 3)
						found = 1;
				if (!found && rc != -2) {
					rs_err("%s/%s: missing its Kazakh "
					    "page content/kk/%s", dir,
					    ru[k]->d_name, ru[k]->d_name);
					rc = -2;
				}
			}
			free(ru[k]);
		}
		free(ru);
	}
	free(dir);
	if (rc == -2) {
		rc = -1;
		goto out;
	}
	for (l = 0; l < LANG__MAX && b->ncontent > 1; l++)
		qsort(b->content[l], b->ncontent, sizeof(struct md_page),
		    content_cmp);
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

void
content_free(struct build *b)
{
	size_t	 j;
	int	 l;

	for (l = 0; l < LANG__MAX; l++) {
		if (b->content[l] == NULL)
			continue;
		for (j = 0; j < b->ncontent; j++)
			md_page_free(&b->content[l][j]);
		free(b->content[l]);
		b->content[l] = NULL;
	}
	b->ncontent = 0;
}

/* The content pages of language l; the body is trusted HTML. */
int
content_pages(struct build *b, enum lang l)
{
	struct md_page	*p;
	struct mval	*c;
	char		*path;
	size_t		 i;
	int		 rc;

	for (i = 0; i < b->ncontent; i++) {
		p = &b->content[l][i];
		path = url_content(l, p->slug);
		c = page_ctx(b, l, path, p->title, p->description);
		mv_set(c, "body", mv_ref(p->html));
		rc = page_write(b, "content", c, path);
		free(path);
		if (rc == -1)
			return -1;
	}
	return 0;
}
