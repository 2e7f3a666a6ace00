/*
 * datapages.c -- the pages about the open data: the downloads page
 * (every file of every quarter, with its size, row count and SHA-256)
 * and the data dictionary (every column of each form, its codes, the
 * text markers and the conventions for hidden values).
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
#include "site/download.h"

/* The columns of form f with their codes. */
static void
dictionary_form(struct build *b, enum lang l, enum form f, struct mval *fm)
{
	struct mval	*cols, *col, *codes, *m;
	const enum field *fd;
	struct fcode	*v;
	char		 key[48];
	size_t		 i, n;

	mv_sets(fm, "title", tr_form(b->cat, l, f));
	mv_sets(fm, "id", form_dir(f));
	cols = mv_set(fm, "columns", mv_list());
	for (fd = form_fields(f); *fd != F__NONE; fd++) {
		col = mv_push(cols, mv_map());
		mv_sets(col, "name", field_names[*fd]);
		snprintf(key, sizeof(key), "field_%s", field_names[*fd]);
		mv_sets(col, "title", tr(b->cat, l, key));
		snprintf(key, sizeof(key), "fielddesc_%s", field_names[*fd]);
		mv_sets(col, "description", tr(b->cat, l, key));
		if (field_is_text(*fd))
			mv_set(col, "bilingual", mv_bool(1));
		if ((v = field_codes(b, l, *fd, &n)) == NULL)
			continue;
		codes = mv_set(col, "codes", mv_list());
		for (i = 0; i < n; i++) {
			m = mv_push(codes, mv_map());
			mv_sets(m, "code", v[i].code);
			mv_sets(m, "label", v[i].label);
		}
		free(v);
		mv_set(col, "has_codes", mv_bool(1));
		if (n > 12)
			mv_set(col, "many", mv_bool(1));
	}
}

static int
dictionary_page(struct build *b, enum lang l)
{
	struct mval	*c, *forms, *marks, *m;
	char		*path, key[48];
	int		 f, t, rc;

	path = url_dictionary(l);
	c = page_ctx(b, l, path, tr(b->cat, l, "dictionary_title"),
	    tr(b->cat, l, "dictionary_description"));
	forms = mv_set(c, "forms", mv_list());
	for (f = 0; f < FORM__MAX; f++)
		dictionary_form(b, l, f, mv_push(forms, mv_map()));
	marks = mv_set(c, "markers", mv_list());
	for (t = 0; t < SCRUB__MAX; t++) {
		m = mv_push(marks, mv_map());
		snprintf(key, sizeof(key), "marker_%s", scrub_type_name(t));
		mv_sets(m, "marker", tr(b->cat, l, key));
		snprintf(key, sizeof(key), "markerdesc_%s", scrub_type_name(t));
		mv_sets(m, "meaning", tr(b->cat, l, key));
	}
	mv_set(c, "small", mv_strf("<%ld", b->cfg.small_count));
	mv_sets(c, "hidden_value", tr(b->cat, l, "hidden_value"));
	mv_set(c, "rounding", mv_strf("%ld", b->cfg.rounding));
	{
		struct buf	 fm = { 0 };
		char		 sm1[24];

		snprintf(sm1, sizeof(sm1), "%ld", b->cfg.small_count - 1);
		trf(&fm, b->cat, l, "formats_machine_csv", "smallm1", sm1,
		    (char *)NULL);
		mv_sets(c, "formats_machine_csv", buf_str(&fm));
		buf_free(&fm);
	}
	rc = page_write(b, "dictionary", c, path);
	free(path);
	return rc;
}

/*
 * A group of the downloads page: each form's files of quarter q ("":
 * all quarters), or of release r (q NULL).
 */
static void
form_files(struct build *b, enum lang l, const char *path,
    struct mval *forms, const char *q, const char *r)
{
	const struct downloads *dl = &b->downloads;
	struct mval	*fm, *files;
	size_t		 i;
	int		 f;

	for (f = 0; f < FORM__MAX; f++) {
		fm = mv_push(forms, mv_map());
		mv_sets(fm, "title", tr_form(b->cat, l, f));
		files = mv_set(fm, "files", mv_list());
		for (i = 0; i < dl->n; i++) {
			const struct download *d = dl->v[i];

			if (d->chart || d->form != (enum form)f)
				continue;
			if (r != NULL ? strcmp(d->release, r) != 0 :
			    d->release[0] != '\0' || strcmp(d->quarter, q) != 0)
				continue;
			mv_push(files, download_entry(b, l, path, d));
		}
	}
}

/* The downloads page: all quarters first, then each, newest first. */
static int
downloads_page(struct build *b, enum lang l)
{
	const struct downloads *dl = &b->downloads;
	struct mval	*c, *groups, *g, *forms, *fm, *files;
	struct buf	 s = { 0 };
	char		*path;
	size_t		 qi, i;
	int		 rc;

	path = url_data(l);
	c = page_ctx(b, l, path, tr(b->cat, l, "data_title"),
	    tr(b->cat, l, "data_description"));
	page_link(c, "href_sums", path, xstrdup(url_sums()));
	page_link(c, "href_dictionary", path, url_dictionary(l));
	groups = mv_set(c, "groups", mv_list());
	for (qi = b->nquarters + 1; qi-- > 0; ) {
		const char *q = qi == b->nquarters ? NULL : b->quarters[qi];

		g = mv_push(groups, mv_map());
		buf_reset(&s);
		if (q)
			fmt_quarter(&s, l, q, QF_NOM);
		else
			buf_puts(&s, tr(b->cat, l, "all_quarters"));
		mv_sets(g, "label", buf_str(&s));
		mv_set(g, "id", mv_strf("d-%s", q ? q : "all"));
		forms = mv_set(g, "forms", mv_list());
		form_files(b, l, path, forms, q ? q : "", NULL);
		/* The charts' data of the quarter, or of all quarters. */
		files = NULL;
		for (i = 0; i < dl->n; i++) {
			const struct download *d = dl->v[i];

			if (!d->chart || strcmp(d->quarter, q ? q : "") != 0)
				continue;
			if (files == NULL) {
				fm = mv_push(forms, mv_map());
				mv_sets(fm, "title", tr(b->cat, l,
				    "charts_data_title"));
				files = mv_set(fm, "files", mv_list());
			}
			mv_push(files, download_entry(b, l, path, d));
		}
	}
	/* Each release's rows as published then, newest first. */
	for (qi = b->rels->n; qi-- > 0; ) {
		const char *r = b->rels->v[qi].id;

		g = mv_push(groups, mv_map());
		buf_reset(&s);
		buf_puts(&s, tr(b->cat, l, "release_title"));
		BUF_LIT(&s, ": ");
		fmt_quarter(&s, l, r, QF_NOM);
		mv_sets(g, "label", buf_str(&s));
		mv_set(g, "id", mv_strf("d-release-%s", r));
		page_link(g, "href_release", path, url_release(l, r));
		forms = mv_set(g, "forms", mv_list());
		form_files(b, l, path, forms, NULL, r);
	}
	buf_free(&s);
	rc = page_write(b, "data", c, path);
	free(path);
	return rc;
}

int
data_pages(struct build *b, enum lang l)
{
	if (downloads_page(b, l) == -1)
		return -1;
	return dictionary_page(b, l);
}
