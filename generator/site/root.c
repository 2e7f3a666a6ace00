/*
 * root.c -- the two pages outside the languages: the language chooser
 * at the site's root and the 404 page, both bilingual.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/config.h"
#include "render/mustache.h"
#include "render/catalog.h"
#include "site/site.h"
#include "site/url.h"
#include "site/page.h"

static const char *const lang_names[LANG__MAX] = { "Қазақша", "Русский" };

/* The chooser is not itself a language page: no switch, no nav. */
int
root_page(struct build *b)
{
	struct mval	*c, *langs, *m;
	const char	*path = url_root();
	int		 l;

	c = page_ctx(b, LANG_KK, path, b->cfg.site_name[LANG_KK],
	    tr(b->cat, LANG_KK, "home_description"));
	langs = mv_set(c, "languages", mv_list());
	for (l = 0; l < LANG__MAX; l++) {
		m = mv_push(langs, mv_map());
		mv_sets(m, "lang", lang_codes[l]);
		mv_sets(m, "name", lang_names[l]);
		page_link(m, "href", path, url_home(l));
		mv_sets(m, "site_name", b->cfg.site_name[l]);
		mv_sets(m, "org_name", b->cfg.org_name[l]);
		mv_sets(m, "intro", tr(b->cat, l, "root_intro"));
		mv_sets(m, "enter", tr(b->cat, l, "root_enter"));
	}
	return page_write(b, "root", c, path);
}

/*
 * Set key of m to the root-relative URL of site path target (freed):
 * the path of the base URL and the site path, without the host, so the
 * page works under any host name (and on a preview with the default
 * base URL).
 */
static void
abs_link(const struct build *b, struct mval *m, const char *key,
    char *target)
{
	char	*u;

	u = url_rootrel(b->cfg.base_url, target);
	mv_sets(m, key, u);
	free(u);
	free(target);
}

/*
 * Served for any missing URL, at any depth, so its links are
 * root-relative (abs_link).
 */
int
notfound_page(struct build *b)
{
	struct mval	*c, *langs, *m;
	const char	*path = url_notfound();
	int		 l;

	c = page_ctx(b, LANG_KK, path, tr(b->cat, LANG_KK, "notfound_title"),
	    tr(b->cat, LANG_KK, "notfound_text"));
	langs = mv_set(c, "languages", mv_list());
	for (l = 0; l < LANG__MAX; l++) {
		m = mv_push(langs, mv_map());
		mv_sets(m, "tag", l == LANG_KK ? "h1" : "h2");
		mv_sets(m, "lang", lang_codes[l]);
		mv_sets(m, "title", tr(b->cat, l, "notfound_title"));
		mv_sets(m, "text", tr(b->cat, l, "notfound_text"));
		mv_sets(m, "home", tr(b->cat, l, "notfound_home"));
		abs_link(b, m, "href", url_home(l));
	}
	abs_link(b, c, "base_css", xstrdup(b->asset_css));
	abs_link(b, c, "base_js", xstrdup(b->asset_js));
	abs_link(b, c, "base_favicon", url_static("favicon.svg"));
	return page_write(b, "404", c, path);
}
