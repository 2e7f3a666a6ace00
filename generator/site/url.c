/*
 * url.c -- the site's URL scheme (url.h): every site path is spelled
 * here and nowhere else.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "site/url.h"

#define INDEX	"index.html"

static const char *const form_dirs[FORM__MAX] = { "incidents", "insurance" };

const char *
form_dir(enum form f)
{
	return form_dirs[f];
}

void
url_slug(char out[16], const char *quarter)
{
	int	 y, q;

	if (quarter_parse(quarter, &y, &q) == -1)
		snprintf(out, 16, "unknown");
	else
		snprintf(out, 16, "%04d-q%d", y, q);
}

const char *
url_root(void)
{
	return INDEX;
}

const char *
url_notfound(void)
{
	return "404.html";
}

char *
url_home(enum lang l)
{
	return xasprintf("%s/" INDEX, lang_codes[l]);
}

char *
url_archive(enum lang l)
{
	return xasprintf("%s/archive/" INDEX, lang_codes[l]);
}

char *
url_statistics(enum lang l)
{
	return xasprintf("%s/statistics/" INDEX, lang_codes[l]);
}

char *
url_data(enum lang l)
{
	return xasprintf("%s/data/" INDEX, lang_codes[l]);
}

char *
url_dictionary(enum lang l)
{
	return xasprintf("%s/data/dictionary/" INDEX, lang_codes[l]);
}

char *
url_content(enum lang l, const char *slug)
{
	return xasprintf("%s/%s/" INDEX, lang_codes[l], slug);
}

char *
url_releases(enum lang l)
{
	return xasprintf("%s/releases/" INDEX, lang_codes[l]);
}

char *
url_release(enum lang l, const char *release)
{
	char	 slug[16];

	url_slug(slug, release);
	return xasprintf("%s/releases/%s/" INDEX, lang_codes[l], slug);
}

char *
url_release_download(const char *release, enum form f)
{
	char	 slug[16];

	url_slug(slug, release);
	return xasprintf("data/releases/%s/%s.csv", slug, form_dirs[f]);
}

char *
url_explore(enum lang l, enum form f)
{
	return xasprintf("%s/explore/%s/" INDEX, lang_codes[l], form_dirs[f]);
}

char *
url_quarter(enum lang l, const char *quarter)
{
	char	 slug[16];

	url_slug(slug, quarter);
	return xasprintf("%s/%s/" INDEX, lang_codes[l], slug);
}

/* The folder of a quarter's form: "kk/2025-q1/incidents". */
static char *
form_folder(enum lang l, const char *quarter, enum form f)
{
	char	 slug[16];

	url_slug(slug, quarter);
	return xasprintf("%s/%s/%s", lang_codes[l], slug, form_dirs[f]);
}

char *
url_table(enum lang l, const char *quarter, enum form f, long n)
{
	char	*dir, *p;

	dir = form_folder(l, quarter, f);
	if (n <= 1)
		p = xasprintf("%s/" INDEX, dir);
	else
		p = xasprintf("%s/page-%ld/" INDEX, dir, n);
	free(dir);
	return p;
}

char *
url_table_group(enum lang l, const char *quarter, enum form f,
    const char *group, long n)
{
	struct buf	 s = { 0 };
	char		*dir, *p;
	const char	*c;

	/* "*": not shown; "+" joins groups: a path segment of [a-z-]. */
	if (strcmp(group, "*") == 0)
		buf_puts(&s, "not-shown");
	for (c = group; *c && strcmp(group, "*") != 0; c++) {
		if (*c == '+')
			buf_puts(&s, "-and-");
		else if ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		    *c == '-')
			buf_putc(&s, *c);
		else
			buf_putc(&s, '-');
	}
	dir = form_folder(l, quarter, f);
	if (n <= 1)
		p = xasprintf("%s/group/%s/" INDEX, dir, buf_str(&s));
	else
		p = xasprintf("%s/group/%s/page-%ld/" INDEX, dir, buf_str(&s),
		    n);
	free(dir);
	buf_free(&s);
	return p;
}

char *
url_record(enum lang l, const char *quarter, enum form f, const char *ref)
{
	char	*dir, *p;

	dir = form_folder(l, quarter, f);
	p = xasprintf("%s/%s/" INDEX, dir, ref);
	free(dir);
	return p;
}

char *
url_records_json(enum lang l, const char *quarter, enum form f)
{
	char	*dir, *p;

	dir = form_folder(l, quarter, f);
	p = xasprintf("%s/records.json.gz", dir);
	free(dir);
	return p;
}

char *
url_filters_json(enum lang l, const char *quarter, enum form f)
{
	char	*dir, *p;

	dir = form_folder(l, quarter, f);
	p = xasprintf("%s/filters.json", dir);
	free(dir);
	return p;
}

char *
url_chart(enum lang l, enum chart_page where, const char *quarter,
    const char *id, const char *ext)
{
	char	 slug[16];

	switch (where) {
	case CHARTS_HOME:
		return xasprintf("%s/charts/%s.%s", lang_codes[l], id, ext);
	case CHARTS_STATISTICS:
		return xasprintf("%s/statistics/%s.%s", lang_codes[l], id,
		    ext);
	case CHARTS_QUARTER:
		break;
	}
	url_slug(slug, quarter);
	return xasprintf("%s/%s/charts/%s.%s", lang_codes[l], slug, id, ext);
}

char *
url_chart_data(const char *quarter)
{
	char	 slug[16];

	if (quarter == NULL)
		return xstrdup("data/all/charts.csv");
	url_slug(slug, quarter);
	return xasprintf("data/%s/charts.csv", slug);
}

char *
url_feed(enum lang l)
{
	return xasprintf("%s/feed.xml", lang_codes[l]);
}

const char *
url_sitemap(void)
{
	return "sitemap.xml";
}

const char *
url_robots(void)
{
	return "robots.txt";
}

char *
url_download(const char *quarter, enum form f, int lang, const char *ext,
    int gz)
{
	char	 slug[16];

	if (quarter != NULL)
		url_slug(slug, quarter);
	else
		snprintf(slug, sizeof(slug), "all");
	if (lang < 0)
		return xasprintf("data/%s/%s.%s%s", slug, form_dirs[f], ext,
		    gz ? ".gz" : "");
	return xasprintf("data/%s/%s-%s.%s%s", slug, form_dirs[f],
	    lang_codes[lang], ext, gz ? ".gz" : "");
}

const char *
url_sums(void)
{
	return "data/SHA256SUMS";
}

char *
url_static(const char *name)
{
	return xasprintf("static/%s", name);
}

/* "static/style.0123456789.css": the first ten hex digits. */
char *
url_asset(const char *name, const char *hex)
{
	const char	*dot;

	if ((dot = strrchr(name, '.')) == NULL)
		return xasprintf("static/%s.%.10s", name, hex);
	return xasprintf("static/%.*s.%.10s%s", (int)(dot - name), name, hex,
	    dot);
}

/* Swap the leading "kk/" or "ru/". */
char *
url_other_lang(const char *path, enum lang l)
{
	int	 i;

	for (i = 0; i < LANG__MAX; i++)
		if (strncmp(path, lang_codes[i], 2) == 0 && path[2] == '/')
			return xasprintf("%s/%s", lang_codes[l], path + 3);
	return xstrdup(path);
}

/* One "../" per folder of path, then target. */
char *
url_rel(const char *path, const char *target)
{
	struct buf	 b = { 0 };
	const char	*p;

	for (p = path; (p = strchr(p, '/')) != NULL; p++)
		BUF_LIT(&b, "../");
	buf_puts(&b, target);
	return buf_detach(&b);
}

char *
url_rel_below(const char *path, const char *target)
{
	const char	*slash = strrchr(path, '/');
	size_t		 dlen = slash ? (size_t)(slash - path) + 1 : 0;

	if (strncmp(path, target, dlen) == 0)
		return xstrdup(target + dlen);
	return url_rel(path, target);
}

char *
url_abs(const char *base, const char *path)
{
	size_t	 len = strlen(path), ilen = strlen(INDEX);

	if (len >= ilen && strcmp(path + len - ilen, INDEX) == 0)
		return xasprintf("%s%.*s", base, (int)(len - ilen), path);
	return xasprintf("%s%s", base, path);
}

char *
url_rootrel(const char *base, const char *path)
{
	const char	*p = strstr(base, "//");

	p = p ? strchr(p + 2, '/') : NULL;
	return url_abs(p ? p : "/", path);
}

int
url_in_section(const char *path, const char *section)
{
	size_t	 len = strlen(section), ilen = strlen(INDEX);

	if (len >= ilen && strcmp(section + len - ilen, INDEX) == 0)
		len -= ilen;
	return strncmp(path, section, len) == 0;
}
