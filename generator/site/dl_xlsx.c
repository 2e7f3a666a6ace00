/*
 * dl_xlsx.c -- the spreadsheet downloads (libxlsxwriter): one workbook
 * per form and language, of all quarters only.  A notes sheet first
 * (the source, date, publisher, licence, what the values mean, the
 * records per quarter as numbers, the dictionary of columns), then a
 * sheet per quarter ("2025Q1") with the language file's headings,
 * labels and texts.  Every text is a string cell (esc_xlsx), never a
 * formula; a month stays "2025-04 (сәуір)", text, not a date; counts
 * are number cells.
 *
 * libxlsxwriter writes a file, not memory: the workbook goes to a
 * temporary file, which close reads back into the driver's buffer.  Its
 * document properties are dated with the source date, so that the same
 * database gives the same bytes.
 */
#define _GNU_SOURCE		/* RTLD_NEXT */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zlib.h>

#include "lib/lib.h"
#include "lib/escape.h"
#include "lib/config.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/catalog.h"
#include "site/site.h"
#include "site/download.h"

/*
 * The workbooks' compression level.  libxlsxwriter (1.1.4 in Debian 12)
 * packs a workbook with minizip at zlib's default level, 6, and has no
 * setting for it; on every build that was a tenth of the CPU time.
 * regsite defines zlib's deflateInit2_ itself (the Makefile exports it:
 * the dynamic linker binds minizip's call here) and asks zlib's own
 * (RTLD_NEXT) for level 4 where the caller asked for the default: on a
 * 20 000-record registry's Russian workbook, 0.45 s instead of 1.38 s,
 * 8.9 MB instead of 7.1 MB, the same cells.  A caller that names its
 * level (regsite's gzip streams) gets it; zlib's output is a function
 * of the level and the bytes, so the build stays reproducible.
 */
#define XLSX_ZLEVEL	4

int	 deflateInit2_(z_streamp, int, int, int, int, int, const char *, int);

int
deflateInit2_(z_streamp strm, int level, int method, int window_bits,
    int mem_level, int strategy, const char *version, int stream_size)
{
	static int (*zlib_init)(z_streamp, int, int, int, int, int,
	    const char *, int);

	if (zlib_init == NULL) {
		*(void **)&zlib_init = dlsym(RTLD_NEXT, "deflateInit2_");
		if (zlib_init == NULL)
			return Z_VERSION_ERROR;
	}
	if (level == Z_DEFAULT_COMPRESSION)
		level = XLSX_ZLEVEL;
	return zlib_init(strm, level, method, window_bits, mem_level,
	    strategy, version, stream_size);
}

/* Quarters a workbook may have sheets for. */
#define MAXSHEETS	200

struct xlsxw {
	struct dl_target t;
	struct buf	*out;
	char		 path[64];	/* the temporary file */
	lxw_workbook	*wb;
	lxw_worksheet	*notes;
	lxw_format	*bold, *wrap;
	struct {
		char		 q[8];
		lxw_worksheet	*ws;
		lxw_row_t	 row;
	} sheet[MAXSHEETS];
	size_t		 nsheets;
	struct buf	 val, cell;
};

/* A string cell through the sanitiser. */
static void
put_str(struct xlsxw *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *s, size_t len, lxw_format *fmt)
{
	buf_reset(&w->cell);
	esc_xlsx(&w->cell, s, len);
	worksheet_write_string(ws, r, c, buf_str(&w->cell), fmt);
}

static void
put_strs(struct xlsxw *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
    const char *s, lxw_format *fmt)
{
	put_str(w, ws, r, c, s, strlen(s), fmt);
}

/* "2026-10-01T00:00:00+05:00" as a time_t (the date at UTC midnight). */
static time_t
source_time(const char *iso)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	if (sscanf(iso, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) !=
	    3)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

static void *
xlsx_open(const struct dl_target *t, struct buf *out)
{
	struct xlsxw	*w;
	lxw_workbook_options opt;
	lxw_doc_properties props;
	const char	*dir;
	int		 fd;

	w = xcalloc(1, sizeof(*w));
	w->t = *t;
	w->out = out;
	if ((dir = getenv("TMPDIR")) == NULL || strlen(dir) > 40)
		dir = "/tmp";
	snprintf(w->path, sizeof(w->path), "%s/regsite-xlsx.XXXXXX", dir);
	if ((fd = mkstemp(w->path)) == -1) {
		w->path[0] = '\0';
		return w;
	}
	close(fd);
	memset(&opt, 0, sizeof(opt));
	opt.tmpdir = (char *)dir;
	/* Each row goes to the sheet's file as the next one starts (the
	 * rows come in order, the notes at the end), strings inline: the
	 * memory stays that of a row, not of the registry. */
	opt.constant_memory = LXW_TRUE;
	if ((w->wb = workbook_new_opt(w->path, &opt)) == NULL)
		return w;
	memset(&props, 0, sizeof(props));
	props.title = (char *)tr_form(t->b->cat, t->lang, t->form);
	props.company = t->b->cfg.org_name[t->lang];
	props.created = source_time(t->b->date_iso);
	workbook_set_properties(w->wb, &props);
	w->bold = workbook_add_format(w->wb);
	format_set_bold(w->bold);
	w->wrap = workbook_add_format(w->wb);
	format_set_text_wrap(w->wrap);
	w->notes = workbook_add_worksheet(w->wb, tr(t->b->cat, t->lang,
	    "xlsx_notes"));
	return w;
}

static void
xlsx_header(void *arg)
{
	(void)arg;
}

/* The sheet of quarter q, made with its headings the first time. */
static struct xlsxw *
sheet_of(struct xlsxw *w, const char *q, size_t *i)
{
	const enum field *fd;
	char		 key[48];
	lxw_col_t	 c = 0;

	for (*i = 0; *i < w->nsheets; (*i)++)
		if (strcmp(w->sheet[*i].q, q) == 0)
			return w;
	if (w->nsheets == MAXSHEETS)
		return NULL;
	*i = w->nsheets++;
	snprintf(w->sheet[*i].q, sizeof(w->sheet[*i].q), "%s", q);
	w->sheet[*i].ws = workbook_add_worksheet(w->wb, w->sheet[*i].q);
	if (w->sheet[*i].ws == NULL) {
		w->nsheets--;
		return NULL;
	}
	for (fd = form_fields(w->t.form); *fd != F__NONE; fd++, c++) {
		snprintf(key, sizeof(key), "field_%s", field_names[*fd]);
		put_strs(w, w->sheet[*i].ws, 0, c, tr(w->t.b->cat, w->t.lang,
		    key), w->bold);
		worksheet_set_column(w->sheet[*i].ws, c, c,
		    field_is_text(*fd) ? 60 : 18, NULL);
	}
	worksheet_freeze_panes(w->sheet[*i].ws, 1, 1);
	w->sheet[*i].row = 1;
	return w;
}

static void
xlsx_row(void *arg, const struct pubrec *r)
{
	struct xlsxw	*w = arg;
	const enum field *fd;
	lxw_worksheet	*ws;
	lxw_col_t	 c = 0;
	size_t		 i;

	if (w->wb == NULL || sheet_of(w, r->quarter, &i) == NULL)
		return;
	ws = w->sheet[i].ws;
	for (fd = form_fields(r->form); *fd != F__NONE; fd++, c++) {
		buf_reset(&w->val);
		field_value(w->t.b, r, *fd, w->t.lang, (enum lang)w->t.lang,
		    &w->val);
		if (w->val.len > 0)
			put_str(w, ws, w->sheet[i].row, c, w->val.data,
			    w->val.len, NULL);
	}
	w->sheet[i].row++;
}

/* The notes sheet: what the workbook is and how to read it. */
static void
notes(struct xlsxw *w)
{
	struct build	*b = w->t.b;
	enum lang	 l = (enum lang)w->t.lang;
	lxw_worksheet	*ws = w->notes;
	const enum field *fd;
	struct buf	 t = { 0 };
	char		 key[48], sm[24];
	lxw_row_t	 r = 0;
	size_t		 i;

	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, 1, 100, w->wrap);
	put_strs(w, ws, r++, 0, b->cfg.site_name[l], w->bold);
	put_strs(w, ws, r++, 0, tr_form(b->cat, l, w->t.form), w->bold);
	r++;
	put_strs(w, ws, r, 0, tr(b->cat, l, "xlsx_source_date"), NULL);
	put_strs(w, ws, r++, 1, b->date_iso, NULL);
	put_strs(w, ws, r, 0, tr(b->cat, l, "xlsx_publisher"), NULL);
	put_strs(w, ws, r++, 1, b->cfg.org_name[l], NULL);
	put_strs(w, ws, r, 0, tr(b->cat, l, "licence_label"), NULL);
	trf(&t, b->cat, l, "xlsx_licence", "licence", b->cfg.licence[l],
	    "url", b->cfg.licence_url, (char *)NULL);
	put_strs(w, ws, r++, 1, buf_str(&t), NULL);
	r++;
	put_strs(w, ws, r++, 0, tr(b->cat, l, "howto_title"), w->bold);
	buf_reset(&t);
	trf(&t, b->cat, l, "howto_reporting", (char *)NULL);
	put_strs(w, ws, r++, 1, buf_str(&t), NULL);
	buf_reset(&t);
	trf(&t, b->cat, l, "howto_nodata", "notshown", tr(b->cat, l,
	    "value_not_shown"), (char *)NULL);
	put_strs(w, ws, r++, 1, buf_str(&t), NULL);
	buf_reset(&t);
	snprintf(sm, sizeof(sm), "%ld", b->cfg.k);
	trf(&t, b->cat, l, "xlsx_generalised", "k", sm, (char *)NULL);
	put_strs(w, ws, r++, 1, buf_str(&t), NULL);
	r++;
	put_strs(w, ws, r++, 0, tr(b->cat, l, "xlsx_records_per_quarter"),
	    w->bold);
	for (i = 0; i < w->nsheets; i++) {
		put_strs(w, ws, r, 0, w->sheet[i].q, NULL);
		worksheet_write_number(ws, r++, 1,
		    (double)(w->sheet[i].row - 1), NULL);
	}
	r++;
	put_strs(w, ws, r++, 0, tr(b->cat, l, "dictionary_title"), w->bold);
	for (fd = form_fields(w->t.form); *fd != F__NONE; fd++) {
		snprintf(key, sizeof(key), "field_%s", field_names[*fd]);
		put_strs(w, ws, r, 0, tr(b->cat, l, key), NULL);
		snprintf(key, sizeof(key), "fielddesc_%s", field_names[*fd]);
		put_strs(w, ws, r++, 1, tr(b->cat, l, key), NULL);
	}
	buf_free(&t);
}

/*
 * The workbook's bytes to the driver, 64 KiB at a time: a workbook of
 * every quarter is the registry's size, and is never held in memory.
 */
static int
copy_back(struct xlsxw *w)
{
	char	 chunk[65536];
	size_t	 n;
	FILE	*f;
	int	 bad;

	if ((f = fopen(w->path, "rb")) == NULL)
		return rs_err("spreadsheet: cannot read it back: %s",
		    strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_put(w->out, chunk, n);
		w->t.flush(w->t.flush_arg);
	}
	bad = ferror(f);
	fclose(f);
	if (bad)
		return rs_err("spreadsheet: cannot read it back: a read "
		    "error");
	return 0;
}

static int
xlsx_close(void *arg)
{
	struct xlsxw	*w = arg;
	lxw_error	 e;
	int		 rc = -1;

	if (w->path[0] == '\0')
		rs_err("spreadsheet: cannot make a temporary file");
	else if (w->wb == NULL)
		rs_err("spreadsheet: libxlsxwriter cannot start a workbook");
	else if (w->nsheets == MAXSHEETS)
		rs_err("spreadsheet: more than %d quarters", MAXSHEETS);
	else {
		notes(w);
		e = workbook_close(w->wb);
		w->wb = NULL;
		if (e != LXW_NO_ERROR)
			rs_err("spreadsheet: %s", lxw_strerror(e));
		else
			rc = copy_back(w);
	}
	if (w->wb != NULL)
		workbook_close(w->wb);
	if (w->path[0] != '\0')
		unlink(w->path);
	buf_free(&w->val);
	buf_free(&w->cell);
	free(w);
	return rc;
}

const struct dl_format dl_xlsx = {
	"xlsx", "XLSX", 0, 1, 0, xlsx_open, xlsx_header, xlsx_row, xlsx_close
};
