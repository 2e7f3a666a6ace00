/*
 * assets.c -- the static assets: every regular file of static/ copied
 * into the site; CSS and JS fingerprinted with their SHA-256, so a page
 * always loads the assets it was built with (their site paths go to
 * b->asset_*).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/lib.h"
#include "lib/config.h"
#include "site/output.h"
#include "site/site.h"
#include "site/url.h"

/* Copy static/ into the site; the four assets pages need must exist. */
int
assets_copy(struct build *b)
{
	struct dirent	**names = NULL;
	char		*dir, *src, *dst, hex[65], *data, *dot;
	const char	*name;
	size_t		 len;
	int		 n, i, rc = -1;
	enum lang	 l;

	dir = xasprintf("%s/static", b->srcdir);
	if ((n = scandir(dir, &names, NULL, alphasort)) < 0) {
		rs_err("%s: %s", dir, strerror(errno));
		free(dir);
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct stat	 st;

		name = names[i]->d_name;
		if (name[0] == '.')
			continue;
		src = xasprintf("%s/%s", dir, name);
		if (stat(src, &st) == -1 || !S_ISREG(st.st_mode)) {
			free(src);
			continue;
		}
		data = file_read(src, &len);
		free(src);
		if (data == NULL)
			goto out;
		dot = strrchr(name, '.');
		if (dot && (strcmp(dot, ".css") == 0 ||
		    strcmp(dot, ".js") == 0)) {
			sha256_hex(data, len, hex);
			dst = url_asset(name, hex);
			if (strcmp(name, "style.css") == 0)
				b->asset_css = xstrdup(dst);
			else if (strcmp(name, "print.css") == 0)
				b->asset_print = xstrdup(dst);
			else if (strcmp(name, "regsite.js") == 0)
				b->asset_js = xstrdup(dst);
			else if (strcmp(name, "tables.js") == 0)
				b->asset_tables_js = xstrdup(dst);
			else if (strcmp(name, "explore.js") == 0)
				b->asset_explore_js = xstrdup(dst);
		} else
			dst = url_static(name);
		rc = site_write(b->site, dst, data, len);
		free(dst);
		free(data);
		if (rc == -1)
			goto out;
		rc = -1;
	}
	/* The table pages' labels, a sheet per language. */
	for (l = 0; l < LANG__MAX; l++) {
		struct buf	 css = { 0 };
		char		*cname;

		table_card_css(b, l, &css);
		sha256_hex(css.data, css.len, hex);
		cname = xasprintf("cards-%s.css", lang_codes[l]);
		b->asset_cards[l] = url_asset(cname, hex);
		free(cname);
		rc = site_write(b->site, b->asset_cards[l], css.data, css.len);
		buf_free(&css);
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
