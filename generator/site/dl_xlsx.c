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
#include <fcntl.h>
#include <stdint.h>
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
#include "site/url.h"

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

/*
 * A quarter's sheet is compressed in pieces, each a deflate stream of
 * its own ended by a full flush, one after another in the entry: the
 * sheet's start, each PUB_CHUNK rows (pub_chunk), its end.  The entry's
 * central extra field XID lists the rows' pieces: "rsx1", PUB_CHUNK,
 * the start's compressed bytes, the count, then per piece the chunk's
 * digest, its compressed and plain bytes and CRC-32 (little-endian).
 * A quarter that gained rows, or changed some, takes from the last
 * workbook each piece whose rows are the same (digest and frame): its
 * rows are not written again, nor compressed.  A row's cells name its
 * row number, so only a piece at the same place is taken; the last
 * one is always written (its end gives the sheet's dimension).
 */
#define XID		0x6772
#define XHEAD		16
#define XENT		28
#define XMAX		((65535 - XHEAD) / XENT)

struct xchunk {
	uint8_t		 dig[16];
	uint32_t	 clen, ulen, crc;
	unsigned long long off;		/* in the last sheet's entry */
};

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
		zip_int64_t	 old;	/* kept: its sheet's entry in prev,
					 * else -1 */
		char		*part;	/* written: its part's file, */
		struct pieces	*pk;	/* ... then its pieces */
		/* Written: the last workbook's sheet of the quarter, its
		 * pieces, and which of them this one takes. */
		zip_int64_t	 pidx;
		struct xchunk	*pc;
		size_t		 npc;
		unsigned char	*take;
		size_t		 ntake;
		int		 taking;
	} sheet[MAXSHEETS];
	size_t		 nsheets;
	/* The part being written: sheet pi's, into pws. */
	lxw_workbook	*pwb;
	lxw_worksheet	*pws;
	lxw_format	*pbold;
	size_t		 pi;
	int		 perr;		/* a part failed (errno, -1, or -2:
					 * perrmsg) */
	char		*perrmsg;
	size_t		 taken, chunks;	/* of the written sheets' rows */
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

/* Quarter q's sheet's entry in the last workbook, or -1. */
static zip_int64_t
prev_sheet(const struct xlsxw *w, const char *q)
{
	char		 key[48], name[48];
	const char	*p;
	long		 no;

	if (w->prev == NULL)
		return -1;
	/* libxlsxwriter's: <sheet name="2025Q1" sheetId="3" r:id="rId3"/>
	 * for xl/worksheets/sheet3.xml. */
	snprintf(key, sizeof(key), "<sheet name=\"%s\" sheetId=\"", q);
	if ((p = memmem(w->book.data, w->book.len, key, strlen(key))) ==
	    NULL)
		return -1;
	no = strtol(p + strlen(key), NULL, 10);
	if (no < 2 || no > MAXSHEETS + 1)
		return -1;
	snprintf(name, sizeof(name), "xl/worksheets/sheet%ld.xml", no);
	return zip_name_locate(w->prev, name, 0);
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
	w->sheet[*i].old = w->sheet[*i].pidx = -1;
	return w;
}

struct pieces;
static struct pieces *pk_begin(struct xlsxw *, size_t);
static int	 pk_end(struct pieces *);
static void	 pk_free(struct pieces *);
/* The pieces of the part being closed (zipWriteInFileInZip, below). */
static struct pieces *capture;
static int	 capturing;

/* The part being written closed: its sheet is in its pieces; the part
 * itself is not needed. */
static void
part_end(struct xlsxw *w)
{
	struct pieces	*pp = NULL;
	size_t		 i = w->pi;

	if (w->pwb == NULL)
		return;
	if (w->perr == 0 && (pp = pk_begin(w, i)) == NULL)
		w->perr = -2;
	capture = pp;
	if (workbook_close(w->pwb) != LXW_NO_ERROR && w->perr == 0)
		w->perr = -1;
	capture = NULL;
	capturing = 0;
	w->pwb = NULL;
	w->pws = NULL;
	if (pp != NULL && pk_end(pp) == -1 && w->perr == 0)
		w->perr = -2;
	if (w->perr == -2 && w->perrmsg == NULL)
		w->perrmsg = xstrdup(rs_errmsg());
	if (w->perr == 0)
		w->sheet[i].pk = pp;
	else
		pk_free(pp);
	if (w->sheet[i].part != NULL) {
		unlink(w->sheet[i].part);
		free(w->sheet[i].part);
		w->sheet[i].part = NULL;
	}
}

static void
put32(struct buf *b, uint32_t v)
{
	unsigned char	 c[4];

	le32_put(c, v);
	buf_put(b, c, sizeof(c));
}

/* The last workbook's pieces of sheet i's quarter, if its sheet has
 * them and they fit in its entry; else none (every row written). */
static void
prev_chunks(struct xlsxw *w, size_t i)
{
	const zip_uint8_t *x, *e;
	struct xchunk	*pc;
	zip_stat_t	 st;
	zip_int64_t	 at;
	zip_uint16_t	 len;
	unsigned long long sum;
	uint32_t	 n, k;

	if ((at = prev_sheet(w, w->sheet[i].q)) < 0 ||
	    zip_stat_index(w->prev, (zip_uint64_t)at, 0, &st) == -1 ||
	    (st.valid & (ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD)) !=
	    (ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD) ||
	    st.comp_method != ZIP_CM_DEFLATE ||
	    (x = zip_file_extra_field_get_by_id(w->prev, (zip_uint64_t)at,
	    XID, 0, &len, ZIP_FL_CENTRAL)) == NULL || len < XHEAD ||
	    memcmp(x, "rsx1", 4) != 0 || le32_get(x + 4) != PUB_CHUNK ||
	    (n = le32_get(x + 12)) > XMAX || len != XHEAD + n * XENT)
		return;
	pc = xcalloc(n + 1, sizeof(*pc));
	sum = le32_get(x + 8);
	for (k = 0; k < n; k++) {
		e = x + XHEAD + (size_t)k * XENT;
		memcpy(pc[k].dig, e, sizeof(pc[k].dig));
		pc[k].clen = le32_get(e + 16);
		pc[k].ulen = le32_get(e + 20);
		pc[k].crc = le32_get(e + 24);
		pc[k].off = sum;
		sum += pc[k].clen;
	}
	/* Then at least the end's piece and the final block. */
	if (sum + 2 > st.comp_size) {
		free(pc);
		return;
	}
	w->sheet[i].pidx = at;
	w->sheet[i].pc = pc;
	w->sheet[i].npc = n;
}

/* Does sheet i take chunk k of its rows from the last workbook?  Its
 * rows the same, and a chunk after it (the last is written). */
static int
take_chunk(struct xlsxw *w, size_t i, size_t k)
{
	const struct privacy *p = w->t.b->priv;
	const uint8_t	*d;
	const char	*q = w->sheet[i].q;
	int		 t;

	d = pub_chunk(p, w->t.form, q, k);
	t = d != NULL && k < w->sheet[i].npc &&
	    pub_chunk(p, w->t.form, q, k + 1) != NULL &&
	    memcmp(d, w->sheet[i].pc[k].dig, sizeof(w->sheet[i].pc[k].dig))
	    == 0;
	if (k >= w->sheet[i].ntake) {
		w->sheet[i].take = xreallocarray(w->sheet[i].take, k + 1, 1);
		memset(w->sheet[i].take + w->sheet[i].ntake, 0,
		    k + 1 - w->sheet[i].ntake);
		w->sheet[i].ntake = k + 1;
	}
	w->sheet[i].take[k] = (unsigned char)t;
	return t;
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
	prev_chunks(w, i);
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
	if ((w->sheet[i].row - 1) % PUB_CHUNK == 0)
		w->sheet[i].taking = take_chunk(w, i,
		    (size_t)(w->sheet[i].row - 1) / PUB_CHUNK);
	if (w->sheet[i].taking) {
		w->sheet[i].row++;
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
	zip_int64_t	 old;

	if (rows == 0)
		return 0;	/* no sheet, as without the rows */
	if (w->wb == NULL || (old = prev_sheet(w, q)) < 0 ||
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
 * one's from prev, a written one's from its pieces?  Its entry in prev
 * (>= 0), -3 (its pieces), or -1 (not one); *sno its sheet.
 */
static zip_int64_t
sheet_entry(struct xlsxw *w, const char *name, size_t *sno)
{
	unsigned	 no;
	int		 end = 0;

	if (sscanf(name, "xl/worksheets/sheet%u.xml%n", &no, &end) != 1 ||
	    name[end] != '\0' || no < 2 || no - 2 >= w->nsheets)
		return -1;
	no -= 2;
	*sno = no;
	if (w->sheet[no].old >= 0)
		return w->sheet[no].old;
	return w->sheet[no].pk != NULL ? -3 : -1;
}

static int
zip_fail(zip_t *z, const char *what)
{
	return rs_err("spreadsheet: %s: %s", what, zip_strerror(z));
}

/* A sheet packed in pieces (pack_sheet), into a temporary file. */
struct pieces {
	struct xlsxw	*w;
	size_t		 si;			/* its sheet */
	int		 fd;
	z_stream	 z;
	unsigned long long csize, usize;
	uLong		 crc;			/* the entry's */
	uLong		 pcrc;			/* the piece's */
	uint32_t	 pclen, pulen;
	zip_file_t	*pf;			/* the last sheet's bytes */
	unsigned long long ppos;
	struct xchunk	*nc;			/* this sheet's pieces */
	size_t		 nnc;
	uint32_t	 head;
	struct buf	 cur;			/* bytes not yet scanned */
	size_t		 next;			/* the next chunk in order */
	long		 piece;			/* this one's chunk, or -1 */
	int		 inhead;		/* the sheet's start, so far */
	int		 err;			/* errno, or -1 */
	unsigned char	 out[65536];
};

static void
pc_write(struct pieces *pp, const void *data, size_t n)
{
	const char	*p = data;
	ssize_t		 k;

	pp->csize += n;
	while (pp->err == 0 && n > 0) {
		if ((k = write(pp->fd, p, n)) == -1) {
			if (errno != EINTR)
				pp->err = errno;
			continue;
		}
		p += k;
		n -= (size_t)k;
	}
}

static void
pc_deflate(struct pieces *pp, const unsigned char *data, size_t n,
    int flush)
{
	if (n > 0)	/* (crc32 of NULL is crc32's start) */
		pp->pcrc = crc32_z(pp->pcrc, data, n);
	pp->pulen += (uint32_t)n;
	pp->usize += n;
	pp->z.next_in = (unsigned char *)data;
	pp->z.avail_in = (uInt)n;
	do {
		pp->z.next_out = pp->out;
		pp->z.avail_out = sizeof(pp->out);
		if (deflate(&pp->z, flush) == Z_STREAM_ERROR && pp->err == 0)
			pp->err = -1;
		pc_write(pp, pp->out, sizeof(pp->out) - pp->z.avail_out);
		pp->pclen += (uint32_t)(sizeof(pp->out) - pp->z.avail_out);
	} while (pp->z.avail_out == 0);
}

/* The piece being compressed ended: chunk k's (or the sheet's start or
 * end, k -1). */
static void
pc_end(struct pieces *pp, long k)
{
	const uint8_t	*d;
	struct xchunk	*c;

	pc_deflate(pp, NULL, 0, Z_FULL_FLUSH);
	if (k >= 0 && (size_t)k < pp->nnc) {
		c = &pp->nc[k];
		if ((d = pub_chunk(pp->w->t.b->priv, pp->w->t.form,
		    pp->w->sheet[pp->si].q, (size_t)k)) != NULL)
			memcpy(c->dig, d, sizeof(c->dig));
		c->clen = pp->pclen;
		c->ulen = pp->pulen;
		c->crc = (uint32_t)pp->pcrc;
	}
	pp->crc = crc32_combine(pp->crc, pp->pcrc, pp->pulen);
	deflateReset(&pp->z);
	pp->pcrc = crc32(0, NULL, 0);
	pp->pclen = pp->pulen = 0;
}

/* Chunk k copied from the last workbook's sheet, as it is there. */
static void
pc_take(struct pieces *pp, size_t k)
{
	const struct xchunk *c = &pp->w->sheet[pp->si].pc[k];
	unsigned long long at = c->off;
	size_t		 n;
	zip_int64_t	 got;

	if (pp->ppos > at && pp->err == 0)
		pp->err = -1;
	/* To the piece (read: the entry's bytes are read in order), then
	 * the piece. */
	while (pp->err == 0 && pp->ppos < at + c->clen) {
		n = sizeof(pp->out);
		if (pp->ppos < at && n > at - pp->ppos)
			n = (size_t)(at - pp->ppos);
		else if (pp->ppos >= at && n > at + c->clen - pp->ppos)
			n = (size_t)(at + c->clen - pp->ppos);
		if ((got = zip_fread(pp->pf, pp->out, n)) <= 0) {
			pp->err = -1;
			break;
		}
		if (pp->ppos >= at)
			pc_write(pp, pp->out, (size_t)got);
		pp->ppos += (unsigned long long)got;
	}
	pp->nc[k] = *c;
	pp->crc = crc32_combine(pp->crc, c->crc, c->ulen);
	pp->usize += c->ulen;
}

/* The chunks taken from the last workbook before chunk k, in order. */
static void
pc_taken(struct pieces *pp, size_t *next, size_t k)
{
	const unsigned char *take = pp->w->sheet[pp->si].take;

	for (; *next < k; (*next)++) {
		if (*next >= pp->w->sheet[pp->si].ntake || !take[*next]) {
			if (pp->err == 0)
				pp->err = -1;	/* a chunk neither written
						 * nor taken */
			return;
		}
		pc_take(pp, *next);
	}
}

/*
 * Where the next piece of the part's sheet begins at or after from:
 * a row that begins a chunk (*k its number) or the rows' end (*k -1);
 * or NULL.  Cell texts are escaped: a '<' in them is "&lt;".
 */
static const char *
pc_next(const char *s, size_t len, size_t from, long *k)
{
	const char	*p, *row, *end;
	char		*ep;
	unsigned long	 r;

	end = memmem(s + from, len - from, "</sheetData>", 12);
	for (p = s + from; ; p = row + 1) {
		row = memmem(p, len - (size_t)(p - s), "<row r=\"", 8);
		if (row == NULL || (end != NULL && end < row)) {
			*k = -1;
			return end;
		}
		if (len - (size_t)(row - s) < 24)
			return NULL;	/* read more */
		r = strtoul(row + 8, &ep, 10);
		if (*ep == '"' && r >= 2 && (r - 2) % PUB_CHUNK == 0) {
			*k = (long)((r - 2) / PUB_CHUNK);
			return row;
		}
	}
}

static zip_int64_t
pc_source(void *arg, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct pieces	*pp = arg;
	zip_stat_t	*st;
	ssize_t		 n;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		pp->ppos = 0;
		return 0;
	case ZIP_SOURCE_READ:
		if (len > pp->csize - pp->ppos)
			len = pp->csize - pp->ppos;
		if ((n = pread(pp->fd, data, (size_t)len, (off_t)pp->ppos)) ==
		    -1)
			return -1;
		pp->ppos += (unsigned long long)n;
		return n;
	case ZIP_SOURCE_CLOSE:
		return 0;
	case ZIP_SOURCE_STAT:
		st = data;
		zip_stat_init(st);
		st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE |
		    ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
		st->size = pp->usize;
		st->comp_size = pp->csize;
		st->comp_method = ZIP_CM_DEFLATE;
		st->crc = (zip_uint32_t)pp->crc;
		return sizeof(*st);
	case ZIP_SOURCE_ERROR:
		return 2 * sizeof(int);
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN,
		    ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
		    ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		return -1;
	}
}

/*
 * Sheet i's entry in pieces (see XID), made as libxlsxwriter writes the
 * part's sheet (zipWriteInFileInZip, below): each piece compressed, the
 * chunks the part lacks taken from the last workbook in their places,
 * then the final block, into a temporary file.  NULL and rs_err.
 */
static struct pieces *
pk_begin(struct xlsxw *w, size_t i)
{
	struct pieces	*pp;
	char		*tmp;

	pp = xcalloc(1, sizeof(*pp));
	pp->w = w;
	pp->si = i;
	pp->fd = -1;
	pp->piece = -1;
	pp->inhead = 1;
	pp->nnc = w->sheet[i].ntake;
	pp->nc = xcalloc(pp->nnc + 1, sizeof(*pp->nc));
	pp->crc = pp->pcrc = crc32(0, NULL, 0);
	if ((tmp = temp_file(site_tmpdir(w->t.b->site))) == NULL ||
	    (pp->fd = open(tmp, O_RDWR | O_CLOEXEC)) == -1) {
		rs_err("spreadsheet: cannot make a temporary file: %s",
		    strerror(errno));
		free(tmp);
		free(pp->nc);
		free(pp);
		return NULL;
	}
	unlink(tmp);
	free(tmp);
	if (deflateInit2(&pp->z, XLSX_ZLEVEL, Z_DEFLATED, -15, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK) {
		rs_err("spreadsheet: zlib cannot start");
		close(pp->fd);
		free(pp->nc);
		free(pp);
		return NULL;
	}
	if (w->sheet[i].pidx >= 0 && (pp->pf = zip_fopen_index(w->prev,
	    (zip_uint64_t)w->sheet[i].pidx, ZIP_FL_COMPRESSED)) == NULL)
		pp->err = -1;	/* told at pk_end */
	return pp;
}

/* What came so far, to its pieces; the last bytes, which may begin a
 * piece (at most 24 of them), wait for the next, but at the end. */
static void
pk_scan(struct pieces *pp, int end)
{
	struct buf	*c = &pp->cur;
	const char	*at;
	size_t		 st = 0, scan = 0, limit;
	long		 k;

	limit = end ? c->len : c->len > 24 ? c->len - 24 : 0;
	while (scan < limit && (at = pc_next(c->data, c->len, scan, &k)) !=
	    NULL && (size_t)(at - c->data) < limit) {
		pc_deflate(pp, (unsigned char *)c->data + st,
		    (size_t)(at - c->data) - st, Z_NO_FLUSH);
		st = scan = (size_t)(at - c->data);
		pc_end(pp, pp->piece);
		if (pp->inhead) {
			pp->head = (uint32_t)pp->csize;
			pp->inhead = 0;
		}
		pc_taken(pp, &pp->next, k >= 0 ? (size_t)k : pp->nnc);
		pp->piece = k;
		if (k >= 0)
			pp->next = (size_t)k + 1;
		scan++;
	}
	if (scan < limit)
		scan = limit;
	pc_deflate(pp, (unsigned char *)c->data + st, scan - st, Z_NO_FLUSH);
	memmove(c->data, c->data + scan, c->len - scan);
	c->len -= scan;
}

static void
pk_feed(struct pieces *pp, const void *data, size_t len)
{
	buf_put(&pp->cur, data, len);
	pk_scan(pp, 0);
}

/* The sheet's end: 0, or -1 and rs_err. */
static int
pk_end(struct pieces *pp)
{
	struct xlsxw	*w = pp->w;
	size_t		 k;

	if (pp->cur.len > 0)
		pk_scan(pp, 1);
	pc_end(pp, pp->piece);
	pc_write(pp, "\003\000", 2);	/* the final block, empty */
	deflateEnd(&pp->z);
	buf_free(&pp->cur);
	if (pp->pf != NULL)
		zip_fclose(pp->pf);
	pp->pf = NULL;
	if (pp->err == 0 && (pp->inhead || pp->piece != -1 ||
	    pp->next != pp->nnc))
		pp->err = -1;	/* no rows' end, or a chunk missing */
	for (k = 0; k < w->sheet[pp->si].ntake; k++)
		w->taken += w->sheet[pp->si].take[k];
	w->chunks += w->sheet[pp->si].ntake;
	if (pp->err > 0)
		return rs_err("spreadsheet: a quarter's sheet: %s",
		    strerror(pp->err));
	if (pp->err < 0)
		return rs_err("spreadsheet: a quarter's sheet cannot be "
		    "packed");
	return 0;
}

static void
pk_free(struct pieces *pp)
{
	if (pp == NULL)
		return;
	if (pp->fd != -1)
		close(pp->fd);
	if (pp->pf != NULL)
		zip_fclose(pp->pf);
	buf_free(&pp->cur);
	free(pp->nc);
	free(pp);
}

/*
 * libxlsxwriter writes a part's sheet through minizip, which regsite
 * lets do its work but for that one entry: while part_end closes a
 * part (capture set), the bytes of its xl/worksheets/sheet2.xml go to
 * its pieces instead, and the part's entry is left empty (the part is
 * not used after).  The Makefile exports both, as deflateInit2_ above.
 */
int	 zipOpenNewFileInZip4_64(void *, const char *, const void *,
	    const void *, unsigned, const void *, unsigned, const char *, int,
	    int, int, int, int, int, const char *, unsigned long,
	    unsigned long, unsigned long, int);
int	 zipWriteInFileInZip(void *, const void *, unsigned);

int
zipOpenNewFileInZip4_64(void *file, const char *name, const void *fi,
    const void *xl, unsigned nxl, const void *xg, unsigned nxg,
    const char *comment, int method, int level, int raw, int wbits,
    int memlevel, int strategy, const char *password, unsigned long crc,
    unsigned long made_by, unsigned long flags, int zip64)
{
	static int (*open_entry)(void *, const char *, const void *,
	    const void *, unsigned, const void *, unsigned, const char *, int,
	    int, int, int, int, int, const char *, unsigned long,
	    unsigned long, unsigned long, int);

	if (open_entry == NULL) {
		*(void **)&open_entry = dlsym(RTLD_NEXT,
		    "zipOpenNewFileInZip4_64");
		if (open_entry == NULL)
			return -104;	/* ZIP_INTERNALERROR */
	}
	capturing = capture != NULL && name != NULL &&
	    strcmp(name, "xl/worksheets/sheet2.xml") == 0;
	return open_entry(file, name, fi, xl, nxl, xg, nxg, comment, method,
	    level, raw, wbits, memlevel, strategy, password, crc, made_by,
	    flags, zip64);
}

int
zipWriteInFileInZip(void *file, const void *buf, unsigned len)
{
	static int (*write_entry)(void *, const void *, unsigned);

	if (capturing) {
		pk_feed(capture, buf, len);
		return 0;		/* ZIP_OK */
	}
	if (write_entry == NULL) {
		*(void **)&write_entry = dlsym(RTLD_NEXT,
		    "zipWriteInFileInZip");
		if (write_entry == NULL)
			return -104;
	}
	return write_entry(file, buf, len);
}

/* Sheet pieces pp's entry added to dst as name (its index to *idx). */
static int
add_sheet(zip_t *dst, const char *name, struct pieces *pp,
    zip_int64_t *idx)
{
	zip_source_t	*zs;
	struct buf	 x = { 0 };
	size_t		 k;
	int		 rc = 0;

	if ((zs = zip_source_function(dst, pc_source, pp)) == NULL)
		return zip_fail(dst, name);
	if ((*idx = zip_file_add(dst, name, zs, 0)) < 0) {
		zip_source_free(zs);
		return zip_fail(dst, name);
	}
	if (pp->nnc > XMAX)
		return 0;
	buf_put(&x, "rsx1", 4);
	put32(&x, PUB_CHUNK);
	put32(&x, pp->head);
	put32(&x, (uint32_t)pp->nnc);
	for (k = 0; k < pp->nnc; k++) {
		buf_put(&x, pp->nc[k].dig, sizeof(pp->nc[k].dig));
		put32(&x, pp->nc[k].clen);
		put32(&x, pp->nc[k].ulen);
		put32(&x, pp->nc[k].crc);
	}
	if (zip_file_extra_field_set(dst, (zip_uint64_t)*idx, XID,
	    ZIP_EXTRA_FIELD_NEW, (const zip_uint8_t *)x.data,
	    (zip_uint16_t)x.len, ZIP_FL_CENTRAL) == -1)
		rc = zip_fail(dst, name);
	buf_free(&x);
	return rc;
}

/* A kept sheet's pieces' list, as the last workbook has it. */
static int
copy_extra(zip_t *dst, zip_int64_t idx, zip_t *from, zip_int64_t at,
    const char *name)
{
	const zip_uint8_t *x;
	zip_uint16_t	 len;

	if ((x = zip_file_extra_field_get_by_id(from, (zip_uint64_t)at, XID,
	    0, &len, ZIP_FL_CENTRAL)) == NULL)
		return 0;
	if (zip_file_extra_field_set(dst, (zip_uint64_t)idx, XID,
	    ZIP_EXTRA_FIELD_NEW, x, len, ZIP_FL_CENTRAL) == -1)
		return zip_fail(dst, name);
	return 0;
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
	size_t		 no = 0;
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
		if ((idx = sheet_entry(w, name, &no)) == -3) {
			if (add_sheet(dst, name, w->sheet[no].pk, &idx) == -1)
				goto out;
		} else {
			if (idx >= 0) {
				from = w->prev;
				at = idx;
			}
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
			if (from == w->prev && copy_extra(dst, idx, from, at,
			    name) == -1)
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
	else if (w->perr == -2)
		rs_err("%s", w->perrmsg != NULL ? w->perrmsg :
		    "spreadsheet: a quarter's sheet cannot be packed");
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
		if (rc == 0 && w->taken > 0)
			trace("%s workbook (%s): %zu of %zu chunks of rows taken "
			    "from the last one", form_dir(w->t.form),
			    lang_codes[w->t.lang], w->taken, w->chunks);
	}
	if (w->wb != NULL)
		workbook_close(w->wb);
	for (i = 0; i < w->nsheets; i++) {
		free(w->sheet[i].pc);
		free(w->sheet[i].take);
		pk_free(w->sheet[i].pk);
		if (w->sheet[i].part != NULL)
			unlink(w->sheet[i].part);
		free(w->sheet[i].part);
	}
	if (w->prev != NULL)
		zip_discard(w->prev);
	free(w->perrmsg);
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
