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
 * temporary file, which close packs again (repack) and reads back into
 * the driver's buffer.  Those files, and libxlsxwriter's own of each
 * sheet, are made in the site's temporary directory, not in /tmp: a
 * build that fails removes them with it, and the next build removes
 * what a killed one left (output.c).  Its document properties and its
 * entries are dated with the source date, so that the same database
 * gives the same bytes.
 *
 * Each quarter's sheet is written as a workbook of its own (a part:
 * an empty first sheet, as the notes are, then the quarter's), closed
 * as the next quarter begins; the workbook itself has the quarter's
 * headings only, and packing takes the sheet from the part.  So
 * libxlsxwriter's file of one sheet at a time waits on the disk, not
 * those of every quarter until the end: at 1 000 000 incidents they
 * were 10 GB that the page cache held, or the disk, while the tables
 * were read and written (README, Performance).
 *
 * A quarter whose rows are the last build's (keep) is not written
 * again: its sheet's compressed bytes are copied from the last site's
 * workbook, whose xl/workbook.xml names each quarter's sheet.  Every
 * workbook, new or not, is packed by libzip from compressed entries
 * copied as they are, so a sheet's bytes are the same whichever
 * workbook they come from, and a rebuild's workbook is a full build's.
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
#include <zip.h>
#include <zlib.h>

#include "lib/lib.h"
#include "lib/escape.h"
#include "lib/config.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/catalog.h"
#include "site/output.h"
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
	char		*path;		/* the temporary file */
	char		*packed;	/* ... packed again */
	int		 terr;		/* errno, when they cannot be made */
	lxw_workbook	*wb;
	zip_t		*prev;		/* the last site's workbook */
	struct buf	 book;		/* its xl/workbook.xml */
	lxw_worksheet	*notes;
	lxw_format	*bold, *wrap;
	struct {
		char		 q[8];
		lxw_worksheet	*ws;
		lxw_row_t	 row;
		long		 old;	/* kept: its sheet's number in prev */
		char		*part;	/* written: its part's file */
		zip_t		*pz;	/* ... open while packing */
	} sheet[MAXSHEETS];
	size_t		 nsheets;
	/* The part being written: sheet pi's, into pws. */
	lxw_workbook	*pwb;
	lxw_worksheet	*pws;
	lxw_format	*pbold;
	size_t		 pi;
	int		 perr;		/* a part failed (errno, or -1) */
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

/* The same date in the zip's MS-DOS form (no time zone: no time). */
static zip_uint16_t
dos_date(const char *iso)
{
	int	 y, m, d;

	if (sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3 || y < 1980 ||
	    y > 2107 || m < 1 || m > 12 || d < 1 || d > 31)
		return 1 << 5 | 1;	/* 1980-01-01 */
	return (zip_uint16_t)((y - 1980) << 9 | m << 5 | d);
}

/* A temporary file made in dir: its name, or NULL. */
static char *
temp_file(const char *dir)
{
	char	*path;
	int	 fd;

	path = xasprintf("%s/.xlsx.XXXXXX", dir);
	if ((fd = mkstemp(path)) == -1) {
		free(path);
		return NULL;
	}
	close(fd);
	return path;
}

/*
 * The last site's workbook, for keep: open, with its xl/workbook.xml
 * read.  Without it (none, or unreadable), every quarter is written.
 */
static void
prev_open(struct xlsxw *w, const char *path)
{
	zip_file_t	*zf;
	char		 chunk[8192];
	zip_int64_t	 n;
	int		 err;

	if (path == NULL || (w->prev = zip_open(path, ZIP_RDONLY,
	    &err)) == NULL)
		return;
	if ((zf = zip_fopen(w->prev, "xl/workbook.xml", 0)) != NULL) {
		while ((n = zip_fread(zf, chunk, sizeof(chunk))) > 0 &&
		    w->book.len < 1024 * 1024)
			buf_put(&w->book, chunk, (size_t)n);
		if (zip_fclose(zf) == 0 && n == 0)
			return;
	}
	buf_free(&w->book);
	zip_discard(w->prev);
	w->prev = NULL;
}

/* The number of quarter q's sheet in the last workbook, or 0. */
static long
prev_sheet(const struct xlsxw *w, const char *q)
{
	char		 key[48], name[48];
	const char	*p;
	long		 no;

	if (w->prev == NULL)
		return 0;
	/* libxlsxwriter's: <sheet name="2025Q1" sheetId="3" r:id="rId3"/>
	 * for xl/worksheets/sheet3.xml. */
	snprintf(key, sizeof(key), "<sheet name=\"%s\" sheetId=\"", q);
	if ((p = memmem(w->book.data, w->book.len, key, strlen(key))) ==
	    NULL)
		return 0;
	no = strtol(p + strlen(key), NULL, 10);
	if (no < 2 || no > MAXSHEETS + 1)
		return 0;
	snprintf(name, sizeof(name), "xl/worksheets/sheet%ld.xml", no);
	return zip_name_locate(w->prev, name, 0) < 0 ? 0 : no;
}

static void *
xlsx_open(const struct dl_target *t, struct buf *out)
{
	struct xlsxw	*w;
	lxw_workbook_options opt;
	lxw_doc_properties props;
	const char	*dir;

	w = xcalloc(1, sizeof(*w));
	w->t = *t;
	w->out = out;
	dir = site_tmpdir(t->b->site);
	if ((w->path = temp_file(dir)) == NULL ||
	    (w->packed = temp_file(dir)) == NULL) {
		w->terr = errno;
		return w;
	}
	prev_open(w, t->prev);
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

/* A quarter's sheet's headings, its columns, its first row frozen. */
static void
headings(struct xlsxw *w, lxw_worksheet *ws, lxw_format *bold)
{
	const enum field *fd;
	char		 key[48];
	lxw_col_t	 c = 0;

	for (fd = form_fields(w->t.form); *fd != F__NONE; fd++, c++) {
		snprintf(key, sizeof(key), "field_%s", field_names[*fd]);
		put_strs(w, ws, 0, c, tr(w->t.b->cat, w->t.lang, key), bold);
		worksheet_set_column(ws, c, c, field_is_text(*fd) ? 60 : 18,
		    NULL);
	}
	worksheet_freeze_panes(ws, 1, 1);
}

/* The sheet of quarter q, made with its headings the first time. */
static struct xlsxw *
sheet_of(struct xlsxw *w, const char *q, size_t *i)
{
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
	headings(w, w->sheet[*i].ws, w->bold);
	w->sheet[*i].row = 1;
	return w;
}

/* The part being written closed: its file is its sheet's. */
static void
part_end(struct xlsxw *w)
{
	char	*path = w->sheet[w->pi].part;

	if (w->pwb == NULL)
		return;
	if (workbook_close(w->pwb) != LXW_NO_ERROR && w->perr == 0)
		w->perr = -1;
	w->pwb = NULL;
	w->pws = NULL;
	if (w->perr != 0 && path != NULL) {
		unlink(path);
		free(path);
		w->sheet[w->pi].part = NULL;
	}
}

/* Sheet i's part begun: an empty first sheet, then the quarter's. */
static void
part_start(struct xlsxw *w, size_t i)
{
	lxw_workbook_options opt;
	char		*path;

	part_end(w);
	if (w->perr != 0)
		return;
	if ((path = temp_file(site_tmpdir(w->t.b->site))) == NULL) {
		w->perr = errno;
		return;
	}
	w->sheet[i].part = path;
	w->pi = i;
	memset(&opt, 0, sizeof(opt));
	opt.tmpdir = (char *)site_tmpdir(w->t.b->site);
	opt.constant_memory = LXW_TRUE;
	if ((w->pwb = workbook_new_opt(path, &opt)) == NULL) {
		w->perr = -1;
		return;
	}
	/* A cell names its format by number, given at the format's first
	 * use: bold is the first in the workbook (its headings), and so
	 * in the part. */
	w->pbold = workbook_add_format(w->pwb);
	format_set_bold(w->pbold);
	if (workbook_add_worksheet(w->pwb, "notes") == NULL ||
	    (w->pws = workbook_add_worksheet(w->pwb, w->sheet[i].q)) ==
	    NULL) {
		w->perr = -1;
		part_end(w);
		return;
	}
	headings(w, w->pws, w->pbold);
}

static void
xlsx_row(void *arg, const struct pubrec *r)
{
	struct xlsxw	*w = arg;
	const enum field *fd;
	lxw_worksheet	*ws;
	lxw_col_t	 c = 0;
	size_t		 i, n = w->nsheets;

	if (w->wb == NULL || sheet_of(w, r->quarter, &i) == NULL)
		return;
	if (w->nsheets > n)
		part_start(w, i);
	if ((ws = w->pws) == NULL || w->pi != i) {
		/* The part failed, or the rows are not in order: told at
		 * close. */
		if (w->perr == 0)
			w->perr = -1;
		return;
	}
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

/* Quarter q's rows records as the last workbook has them: its sheet,
 * with its headings only, to be replaced by that workbook's. */
static int
xlsx_keep(void *arg, const char *q, long rows)
{
	struct xlsxw	*w = arg;
	size_t		 i, n = w->nsheets;
	long		 old;

	if (rows == 0)
		return 0;	/* no sheet, as without the rows */
	if (w->wb == NULL || (old = prev_sheet(w, q)) == 0 ||
	    sheet_of(w, q, &i) == NULL || w->nsheets == n)
		return -1;
	w->sheet[i].old = old;
	w->sheet[i].row = (lxw_row_t)rows + 1;
	return 0;
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
 * Is entry name a quarter's sheet that comes from elsewhere: a kept
 * one's from prev, a written one's from its part?  Its entry there
 * (*from set), -1 (not one), or -2 (one that is not there).
 */
static zip_int64_t
sheet_entry(struct xlsxw *w, const char *name, zip_t **from)
{
	char		 old[48];
	zip_int64_t	 at;
	unsigned	 no;
	int		 end = 0, err;

	if (sscanf(name, "xl/worksheets/sheet%u.xml%n", &no, &end) != 1 ||
	    name[end] != '\0' || no < 2 || no - 2 >= w->nsheets)
		return -1;
	no -= 2;
	if (w->sheet[no].old != 0) {
		snprintf(old, sizeof(old), "xl/worksheets/sheet%ld.xml",
		    w->sheet[no].old);
		*from = w->prev;
	} else if (w->sheet[no].part != NULL) {
		if (w->sheet[no].pz == NULL && (w->sheet[no].pz =
		    zip_open(w->sheet[no].part, ZIP_RDONLY, &err)) == NULL)
			return -2;
		/* The part's second sheet. */
		snprintf(old, sizeof(old), "xl/worksheets/sheet2.xml");
		*from = w->sheet[no].pz;
	} else
		return -1;
	return (at = zip_name_locate(*from, old, 0)) < 0 ? -2 : at;
}

static int
zip_fail(zip_t *z, const char *what)
{
	return rs_err("spreadsheet: %s: %s", what, zip_strerror(z));
}

/*
 * libxlsxwriter's workbook (path) packed again into packed: each entry
 * in its order, its compressed bytes copied as they are (a kept
 * quarter's sheet from the last workbook, a written one's from its
 * part), dated with the source date.
 */
static int
repack(struct xlsxw *w)
{
	zip_t		*src, *dst, *from;
	zip_source_t	*zs;
	zip_int64_t	 n, i, at, idx;
	const char	*name;
	zip_uint16_t	 date = dos_date(w->t.b->date_iso);
	int		 err, rc = -1;

	if ((src = zip_open(w->path, ZIP_RDONLY, &err)) == NULL)
		return rs_err("spreadsheet: cannot read it back: libzip "
		    "error %d", err);
	if ((dst = zip_open(w->packed, ZIP_CREATE | ZIP_TRUNCATE,
	    &err)) == NULL) {
		zip_discard(src);
		return rs_err("spreadsheet: cannot pack it: libzip error %d",
		    err);
	}
	n = zip_get_num_entries(src, 0);
	for (i = 0; i < n; i++) {
		if ((name = zip_get_name(src, (zip_uint64_t)i, 0)) == NULL) {
			zip_fail(src, "reading it back");
			goto out;
		}
		from = src;
		at = i;
		if ((idx = sheet_entry(w, name, &from)) == -2) {
			rs_err("spreadsheet: %s: not in the %s", name,
			    from == w->prev ? "last site's workbook" :
			    "quarter's part");
			goto out;
		} else if (idx >= 0)
			at = idx;
		if ((zs = zip_source_zip(dst, from, (zip_uint64_t)at,
		    ZIP_FL_COMPRESSED, 0, -1)) == NULL) {
			zip_fail(dst, name);
			goto out;
		}
		if ((idx = zip_file_add(dst, name, zs, 0)) < 0) {
			zip_source_free(zs);
			zip_fail(dst, name);
			goto out;
		}
		if (zip_file_set_dostime(dst, (zip_uint64_t)idx, 0, date,
		    0) == -1) {
			zip_fail(dst, name);
			goto out;
		}
	}
	if (zip_close(dst) == -1) {
		zip_fail(dst, "packing it");
		goto out;
	}
	dst = NULL;
	rc = 0;
out:
	if (dst != NULL)
		zip_discard(dst);
	zip_discard(src);
	return rc;
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

	if ((f = fopen(w->packed, "rb")) == NULL)
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
	size_t		 i;
	int		 rc = -1;

	part_end(w);		/* the last quarter's */
	if (w->path == NULL || w->packed == NULL)
		rs_err("spreadsheet: cannot make a temporary file: %s",
		    strerror(w->terr));
	else if (w->wb == NULL)
		rs_err("spreadsheet: libxlsxwriter cannot start a workbook");
	else if (w->nsheets == MAXSHEETS)
		rs_err("spreadsheet: more than %d quarters", MAXSHEETS);
	else if (w->perr > 0)
		rs_err("spreadsheet: a quarter's sheet: %s",
		    strerror(w->perr));
	else if (w->perr < 0)
		rs_err("spreadsheet: libxlsxwriter cannot write a quarter's "
		    "sheet");
	else {
		notes(w);
		e = workbook_close(w->wb);
		w->wb = NULL;
		if (e != LXW_NO_ERROR)
			rs_err("spreadsheet: %s", lxw_strerror(e));
		else if (repack(w) == 0)
			rc = copy_back(w);
	}
	if (w->wb != NULL)
		workbook_close(w->wb);
	for (i = 0; i < w->nsheets; i++) {
		if (w->sheet[i].pz != NULL)
			zip_discard(w->sheet[i].pz);
		if (w->sheet[i].part != NULL)
			unlink(w->sheet[i].part);
		free(w->sheet[i].part);
	}
	if (w->prev != NULL)
		zip_discard(w->prev);
	buf_free(&w->book);
	if (w->path != NULL)
		unlink(w->path);
	if (w->packed != NULL)
		unlink(w->packed);
	free(w->path);
	free(w->packed);
	buf_free(&w->val);
	buf_free(&w->cell);
	free(w);
	return rc;
}

const struct dl_format dl_xlsx = {
	"xlsx", "XLSX", 0, 1, 0, xlsx_open, xlsx_header, xlsx_row, xlsx_close,
	xlsx_keep
};
