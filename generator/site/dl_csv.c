/*
 * dl_csv.c -- the CSV downloads: UTF-8 with a byte-order mark, CRLF
 * line ends, every field through libcsv's RFC 4180 quoting (esc_csv,
 * which also defuses formulas in the languages' files).  A language's
 * file is for spreadsheets in its locale: fields separated by ';' (the
 * list separator of kk-KZ and ru-RU), months as "2025-04 (апрель)" so
 * they stay text.
 * The machine file has the machine names and codes, with each free
 * text twice (name_kk, name_ru); a language's file has its headings,
 * labels and texts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/escape.h"
#include "lib/config.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/catalog.h"
#include "site/site.h"
#include "site/download.h"

struct csvw {
	struct dl_target t;
	struct buf	*out;
	struct buf	 val;		/* a field's value */
	int		 first;		/* no field yet on this line */
};

static void *
csv_open(const struct dl_target *t, struct buf *out)
{
	struct csvw	*w;

	w = xcalloc(1, sizeof(*w));
	w->t = *t;
	w->out = out;
	return w;
}

/*
 * One field of the current line.  A language's file is read in
 * spreadsheets: a field that would run as a formula is neutralised
 * (esc_csv).  The machine file keeps every value exactly (esc_csv_raw);
 * the data dictionary says so.
 */
static void
field(struct csvw *w, const char *s, size_t len)
{
	/* Spreadsheets in the kk-KZ and ru-RU locales split on ';'. */
	if (!w->first)
		buf_putc(w->out, w->t.lang < 0 ? ',' : ';');
	w->first = 0;
	if (w->t.lang < 0)
		esc_csv_raw(w->out, s, len);
	else
		esc_csv(w->out, s, len);
}

static void
csv_header(void *arg)
{
	struct csvw	*w = arg;
	const enum field *fd;
	const char	*title;
	char		*s, key[48];
	int		 l;

	BUF_LIT(w->out, "\xef\xbb\xbf");
	w->first = 1;
	for (fd = form_fields(w->t.form); *fd != F__NONE; fd++) {
		if (w->t.lang < 0 && field_is_text(*fd)) {
			for (l = 0; l < LANG__MAX; l++) {
				s = xasprintf("%s_%s", field_names[*fd],
				    lang_codes[l]);
				field(w, s, strlen(s));
				free(s);
			}
		} else if (w->t.lang < 0)
			field(w, field_names[*fd], strlen(field_names[*fd]));
		else {
			snprintf(key, sizeof(key), "field_%s",
			    field_names[*fd]);
			title = tr(w->t.b->cat, w->t.lang, key);
			field(w, title, strlen(title));
		}
	}
	BUF_LIT(w->out, "\r\n");
}

static void
csv_row(void *arg, const struct pubrec *r)
{
	struct csvw	*w = arg;
	const enum field *fd;
	int		 l, n;

	w->first = 1;
	for (fd = form_fields(r->form); *fd != F__NONE; fd++) {
		/* The machine file has a column per language of a text. */
		n = w->t.lang < 0 && field_is_text(*fd) ? LANG__MAX : 1;
		for (l = 0; l < n; l++) {
			buf_reset(&w->val);
			field_value(w->t.b, r, *fd, w->t.lang, w->t.lang >= 0 ?
			    (enum lang)w->t.lang : (enum lang)l, &w->val);
			field(w, buf_str(&w->val), w->val.len);
		}
	}
	BUF_LIT(w->out, "\r\n");
}

static int
csv_close(void *arg)
{
	struct csvw	*w = arg;

	buf_free(&w->val);
	free(w);
	return 0;
}

const struct dl_format dl_csv = {
	"csv", "CSV", 1, 0, 0, csv_open, csv_header, csv_row, csv_close,
	NULL
};
