/*
 * markdown.c -- content pages: content/<lang>/<slug>.md, a front matter
 * block and CommonMark rendered by cmark.
 *
 *	---
 *	title: Тізілім туралы
 *	description: One sentence for search engines and link previews.
 *	order: 1
 *	---
 *	Markdown text...
 *
 * The file is UTF-8 text (text_check), with LF or CRLF line ends.  The
 * text is first expanded as a template ({{privacy.k}} and the like, so
 * the methodology states the policy actually applied; a partial such
 * as {{>head}} is an error, a content page having none), then parsed.
 * Raw HTML is dropped (both blocks and inline), cmark's safe mode
 * removes dangerous link schemes, and headings start at level 2 (the
 * page template owns the one h1).
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "lib/lib.h"
#include "render/mustache.h"
#include "render/markdown.h"

void
md_page_free(struct md_page *p)
{
	free(p->slug);
	free(p->title);
	free(p->description);
	mv_free(p->html);
	memset(p, 0, sizeof(*p));
}

/*
 * Parse the front matter at the start of text into p.  Returns a
 * pointer to the body and sets *bodyline to its first line, or NULL and
 * rs_err with file:line.
 */
static const char *
front_matter(const char *text, const char *path, struct md_page *p,
    size_t *bodyline)
{
	const char	*s, *nl, *colon;
	char		*key, *val;
	size_t		 line = 1, klen;
	long		 n;

	if (strncmp(text, "---\n", 4) != 0) {
		rs_err("%s:1: expected a front matter block ('---')", path);
		return NULL;
	}
	s = text + 4;
	for (line = 2; ; line++) {
		if (*s == '\0') {
			rs_err("%s:%zu: unterminated front matter (no "
			    "closing '---')", path, line);
			return NULL;
		}
		nl = strchr(s, '\n');
		if (nl == NULL)
			nl = s + strlen(s);
		if ((size_t)(nl - s) == 3 && strncmp(s, "---", 3) == 0) {
			s = *nl ? nl + 1 : nl;
			break;
		}
		if ((colon = memchr(s, ':', (size_t)(nl - s))) == NULL) {
			rs_err("%s:%zu: expected 'key: value'", path, line);
			return NULL;
		}
		klen = (size_t)(colon - s);
		key = xstrndup(s, klen);
		for (colon++; colon < nl && (*colon == ' ' || *colon == '\t');
		    colon++)
			continue;
		val = xstrndup(colon, (size_t)(nl - colon));
		while (*val && (val[strlen(val) - 1] == ' ' ||
		    val[strlen(val) - 1] == '\r'))
			val[strlen(val) - 1] = '\0';
		if (strcmp(key, "title") == 0 && !p->title && *val)
			p->title = val, val = NULL;
		else if (strcmp(key, "description") == 0 && !p->description &&
		    *val)
			p->description = val, val = NULL;
		else if (strcmp(key, "order") == 0 &&
		    parse_long(val, 0, 999, &n) == 0)
			p->order = n;
		else {
			if (strcmp(key, "title") && strcmp(key, "description")
			    && strcmp(key, "order"))
				rs_err("%s:%zu: unknown key '%s'", path, line,
				    key);
			else
				rs_err("%s:%zu: bad or repeated value for "
				    "'%s'", path, line, key);
			free(key);
			free(val);
			return NULL;
		}
		free(key);
		free(val);
		s = *nl ? nl + 1 : nl;
	}
	if (p->title == NULL) {
		rs_err("%s: front matter has no 'title'", path);
		return NULL;
	}
	if (p->description == NULL) {
		rs_err("%s: front matter has no 'description'", path);
		return NULL;
	}
	*bodyline = line + 1;
	return s;
}

/*
 * Drop raw HTML nodes and move the headings so that the document's
 * highest level becomes <h2>: the template writes the page's <h1>
 * (content.html), so a body's "# Part" and "## Part" alike are its
 * sections, never a second <h1>, and no level is skipped under the
 * page's title.  Levels keep their distances; none goes past 6.
 */
static void
clean_tree(cmark_node *root)
{
	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node	*n, **drop = NULL, **heads = NULL;
	size_t		 ndrop = 0, nheads = 0, i;
	int		 lvl, top = 6;

	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			drop = xreallocarray(drop, ndrop + 1, sizeof(*drop));
			drop[ndrop++] = n;
			break;
		case CMARK_NODE_HEADING:
			heads = xreallocarray(heads, nheads + 1,
			    sizeof(*heads));
			heads[nheads++] = n;
			lvl = cmark_node_get_heading_level(n);
			if (lvl < top)
				top = lvl;
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < nheads; i++) {
		lvl = cmark_node_get_heading_level(heads[i]) + 2 - top;
		cmark_node_set_heading_level(heads[i], lvl > 6 ? 6 : lvl);
	}
	free(heads);
	for (i = 0; i < ndrop; i++)
		cmark_node_free(drop[i]);
	free(drop);
}

int
md_render_file(const char *path, const struct mval *ctx, struct md_page *p)
{
	char		*text = NULL, *html, *base, *dot;
	const char	*body, *slash;
	struct buf	 expanded = { 0 };
	cmark_node	*doc;
	size_t		 len, bodyline;
	int		 rc = -1;

	memset(p, 0, sizeof(*p));
	slash = strrchr(path, '/');
	base = xstrdup(slash ? slash + 1 : path);
	if ((dot = strrchr(base, '.')) != NULL)
		*dot = '\0';
	p->slug = base;
	if ((text = file_read(path, &len)) == NULL)
		goto out;
	if (text_check(path, text, len) == -1)
		goto out;
	/* CRLF line ends (a file saved on Windows) read as LF. */
	{
		size_t	 i, j;

		for (i = j = 0; i < len; i++)
			if (text[i] != '\r')
				text[j++] = text[i];
		text[j] = '\0';
		len = j;
	}
	if ((body = front_matter(text, path, p, &bodyline)) == NULL)
		goto out;
	{
		/* Blank lines in place of the front matter keep the
		 * template engine's line numbers those of the file. */
		struct buf	 src = { 0 };
		size_t		 i;
		int		 trc;

		for (i = 1; i < bodyline; i++)
			buf_putc(&src, '\n');
		buf_puts(&src, body);
		trc = tmpl_render_str(path, buf_str(&src), ctx, NULL,
		    &expanded);
		buf_free(&src);
		if (trc == -1)
			goto out;
	}
	doc = cmark_parse_document(buf_str(&expanded), expanded.len,
	    CMARK_OPT_DEFAULT);
	clean_tree(doc);
	html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
	p->html = mv_html(html);
	free(html);
	cmark_node_free(doc);
	rc = 0;
out:
	free(text);
	buf_free(&expanded);
	if (rc == -1)
		md_page_free(p);
	return rc;
}
