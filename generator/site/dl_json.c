/*
 * dl_json.c -- the JSON downloads, one per language: a metadata block
 * (the form, quarter, source date, the privacy policy and the levels
 * applied, every column with its title, description and codes), then
 * the records with codes for coded fields (described in the metadata),
 * null for no value, and texts in the file's language.
 *
 *	{
 *	"metadata": {"form": ..., "privacy": {...}, "columns": [...]},
 *	"records": [
 *	{"ref": "2025Q1-I-0001", ...},
 *	...
 *	]}
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/json.h"
#include "lib/config.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/catalog.h"
#include "site/site.h"
#include "site/url.h"
#include "site/download.h"

struct jsonw {
	struct dl_target t;
	struct jw	 j;
	struct buf	 val;		/* a field's value */
};

static void *
json_open(const struct dl_target *t, struct buf *out)
{
	struct jsonw	*w;

	w = xcalloc(1, sizeof(*w));
	w->t = *t;
	jw_init(&w->j, out);
	return w;
}

/* The privacy policy and the levels applied to the form. */
static void
privacy_meta(struct jsonw *w)
{
	static const char *const qnames[QI__MAX] = {
		"date", "place", "sex", "age", "diagnosis", "profile"
	};
	static const char *const lvl[QI__MAX][3] = {
		{ "month", "quarter" }, { "region", "hidden" },
		{ "recorded" }, { "5-year", "10-year", "20-year" },
		{ "category", "chapter" }, { "specialty", "group" }
	};
	struct build	*b = w->t.b;
	struct jw	*j = &w->j;
	enum form	 f = w->t.form;
	int		 q;

	jw_obj_begin(j);
	jw_key(j, "k");
	jw_int(j, b->cfg.k);
	jw_key(j, "diversity");
	jw_int(j, b->cfg.diversity);
	jw_key(j, "small_count");
	jw_int(j, b->cfg.small_count);
	jw_key(j, "rounding");
	jw_int(j, b->cfg.rounding);
	jw_key(j, "free_text");
	jw_str(j, b->cfg.free_text == FREE_TEXT_OFF ? "off" : "scrubbed");
	jw_key(j, "suppressed_value");
	jw_str(j, SUPPRESSED);
	jw_key(j, "suppressed_label");
	jw_str(j, tr(b->cat, w->t.lang, "hidden_value"));
	jw_key(j, "levels");
	jw_obj_begin(j);
	for (q = 0; q < QI__MAX; q++) {
		if ((f == FORM_INCIDENTS && q == QI_REGION) ||
		    (f == FORM_INSURANCE && q == QI_AGE))
			continue;
		jw_key(j, qnames[q]);
		jw_str(j, lvl[q][b->cfg.min_level[q]]);
	}
	jw_obj_end(j);
	jw_obj_end(j);
}

/* Every column: name, title, description, codes if it has them. */
static void
columns_meta(struct jsonw *w)
{
	struct build	*b = w->t.b;
	struct jw	*j = &w->j;
	enum lang	 l = w->t.lang;
	const enum field *fd;
	struct fcode	*codes;
	char		 key[48];
	size_t		 i, n;

	jw_arr_begin(j);
	for (fd = form_fields(w->t.form); *fd != F__NONE; fd++) {
		jw_break(j, "\n  ");
		jw_obj_begin(j);
		jw_key(j, "name");
		jw_str(j, field_names[*fd]);
		jw_key(j, "title");
		snprintf(key, sizeof(key), "field_%s", field_names[*fd]);
		jw_str(j, tr(b->cat, l, key));
		jw_key(j, "description");
		snprintf(key, sizeof(key), "fielddesc_%s", field_names[*fd]);
		jw_str(j, tr(b->cat, l, key));
		if ((codes = field_codes(b, l, *fd, &n)) != NULL) {
			jw_key(j, "codes");
			jw_obj_begin(j);
			for (i = 0; i < n; i++) {
				jw_key(j, codes[i].code);
				jw_str(j, codes[i].label);
			}
			jw_obj_end(j);
			free(codes);
		}
		jw_obj_end(j);
	}
	jw_arr_end(j);
}

static void
json_header(void *arg)
{
	struct jsonw	*w = arg;
	struct build	*b = w->t.b;
	struct jw	*j = &w->j;
	enum lang	 l = w->t.lang;

	jw_obj_begin(j);
	jw_break(j, "\n");
	jw_key(j, "metadata");
	jw_obj_begin(j);
	jw_key(j, "form");
	jw_str(j, form_dir(w->t.form));
	jw_key(j, "title");
	jw_str(j, tr_form(b->cat, l, w->t.form));
	jw_key(j, "quarter");
	jw_str(j, w->t.quarter);
	jw_key(j, "language");
	jw_str(j, lang_codes[l]);
	jw_key(j, "source_date");
	jw_str(j, b->date_iso);
	jw_key(j, "release");
	jw_str(j, b->release);
	jw_key(j, "publisher");
	jw_str(j, b->cfg.org_name[l]);
	jw_key(j, "licence");
	jw_obj_begin(j);
	jw_key(j, "name");
	jw_str(j, b->cfg.licence[l]);
	jw_key(j, "url");
	jw_str(j, b->cfg.licence_url);
	jw_obj_end(j);
	jw_break(j, "\n");
	jw_key(j, "privacy");
	privacy_meta(w);
	jw_break(j, "\n");
	jw_key(j, "columns");
	columns_meta(w);
	jw_obj_end(j);
	jw_break(j, "\n");
	jw_key(j, "records");
	jw_arr_begin(j);
}

static void
json_row(void *arg, const struct pubrec *r)
{
	struct jsonw	*w = arg;
	struct jw	*j = &w->j;
	const enum field *fd;

	jw_break(j, "\n");
	jw_obj_begin(j);
	for (fd = form_fields(r->form); *fd != F__NONE; fd++) {
		buf_reset(&w->val);
		/* Codes (described in the metadata), texts in the language. */
		field_value(w->t.b, r, *fd, -1, w->t.lang, &w->val);
		jw_key(j, field_names[*fd]);
		if (w->val.len == 0 && !field_is_text(*fd))
			jw_null(j);
		else
			jw_strn(j, buf_str(&w->val), w->val.len);
	}
	jw_obj_end(j);
}

static int
json_close(void *arg)
{
	struct jsonw	*w = arg;

	jw_break(&w->j, "\n");
	jw_arr_end(&w->j);
	jw_obj_end(&w->j);
	BUF_LIT(w->j.out, "\n");
	buf_free(&w->val);
	free(w);
	return 0;
}

const struct dl_format dl_json = {
	"json", "JSON", 0, 0, 1, json_open, json_header, json_row,
	json_close, NULL
};
