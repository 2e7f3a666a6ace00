/*
 * import.c -- regsite import: load one quarterly submission (one or
 * more CSV files of one form from one submitter) into the registry
 * database, all or nothing.
 *
 * Phase 1 takes no lock on the registry: a second process reads each
 * file in chunks, one physical line at a time, through libcsv, checks
 * every row with rules.c and sends it through a pipe (read_files);
 * this one stages the rows in two temporary tables: temp.refs, narrow,
 * for matching, numbering and counting (and its unique source_ref
 * finds duplicates), and temp.rows, the values, read once at the end.
 * Problems go to temp.problems.  Memory does not grow with the file:
 * the temporary tables live in a temporary file.
 *
 * Phase 2 is one write transaction: the staged rows are matched with
 * the records the source submitted before (by source and source_ref);
 * a source_ref the source used in another quarter is a problem too,
 * and so (unless --allow-duplicates) is a record the registry holds
 * under another submission: the same source_ref and org_code from
 * another source, or the same values under another reference.  If
 * there is any problem, they are printed sorted by position and
 * nothing is written.  An import that would remove more than
 * --max-removal percent of the submission is refused unless
 * --allow-removal; one that changes nothing is reported unchanged and
 * writes nothing.  Otherwise the submission's old records are
 * replaced, removed or added, new records get public numbers, and the
 * submission is recorded.  SQLite's write-ahead log makes the commit
 * atomic even if the process dies half-way.
 *
 * Every value loses the spaces and tabs around it, quoted or not (RFC
 * 4180 keeps them as data; a spreadsheet user does not see them), and
 * a line ends with LF, CRLF or a lone CR.  What the operator reads is
 * in the language of --lang (msg.c).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>
#include <nettle/hmac.h>
#include <nettle/sha2.h>
#include <sqlite3.h>
#include <xxhash.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/dict.h"
#include "lib/worker.h"
#include "store/db.h"
#include "store/msg.h"
#include "store/rules.h"
#include "store/store.h"

#define CHUNK		65536		/* bytes read at a time */
#define FIELD_MAX	(1024 * 1024)	/* a longer field: a quote left open */
#define MAXF		256		/* fields of a row kept (more counted) */
#define MAXCOLS		32		/* at least every form's column count */

#define COL_UNKNOWN	(-1)
#define COL_RQ		(-2)		/* the optional reported_quarter */

#define DROP_TEMP	"DROP TABLE IF EXISTS temp.refs;" \
			"DROP TABLE IF EXISTS temp.numbers;" \
			"DROP TABLE IF EXISTS temp.ord;" \
			"DROP TABLE IF EXISTS temp.rows;" \
			"DROP TABLE IF EXISTS temp.problems;" \
			"DROP TABLE IF EXISTS temp.bases;" \
			"DROP TABLE IF EXISTS temp.mkeys;"

struct imp {
	sqlite3		*db;
	const struct import_opts *o;
	enum oplang	 lang;
	enum form	 form;
	struct rules	*rules;
	char		*source;
	size_t		 ncols;		/* the form's columns */
	int		 c_when;	/* occurred_at */
	int		 c_region;	/* region */
	int		 c_dx;		/* diagnosis_icd10 */
	int		 c_class;	/* category (Form 1) or harm (Form 2) */
	int		 c_disab;	/* disability (Form 2), else -1 */
	size_t		*refcol;	/* per file: source_ref's column, 1-based */

	/* The file being read. */
	size_t		 fi;
	const char	*path;
	int		 have_header;
	int		 skip;		/* the header is wrong: skip the rows */
	int		 stop;		/* unreadable from here: stop the file */
	int		 map[MAXF];	/* file column -> form column, COL_* */
	size_t		 nmap;		/* columns in the header */
	size_t		 inv[MAXCOLS];	/* form column -> file column */

	/* Positions: physical lines, 1-based. */
	long		 line;		/* the line being parsed */
	long		 fstart;	/* where the current field began; 0: not
					   yet (between rows) */
	int		 cr;		/* the last byte fed was a CR */

	/* The current row. */
	struct buf	 row;		/* the fields' bytes */
	size_t		 off[MAXF], len[MAXF];
	long		 fline[MAXF];	/* line where each field began */
	size_t		 nf;		/* fields so far (may exceed MAXF) */
	int		 nonempty;	/* a field of the row is not empty */
	int		 bad[MAXCOLS];	/* form columns with a problem */

	struct sha256_ctx sha;		/* all files' bytes, in order */
	uint8_t		 digest[SHA256_DIGEST_SIZE];
	struct hmac_sha256_ctx order;	/* keyed with digest */
	long		 nproblems;
	long		 nutf8;		/* this file's fields not UTF-8 */
	long		 ndups;		/* of them: records already in the
					   registry */
	sqlite3_stmt	*st_problem, *st_ref, *st_row, *st_first;
	int		 err;		/* -1: failed (rs_err set) */

	/* The staged rows by region and by class, for the summary: a
	 * handful of keys, each a code of the code lists (a row is
	 * staged only while no row has a problem). */
	struct tally	*regions, *classes;
	size_t		 nregions, nclasses;

	/* Phase 1's two processes (read_files). */
	int		 reader;	/* this is the reading process */
	int		 wfd;		/* its end of the pipe */
	struct buf	 wbuf;		/* its records not yet written */
	size_t		 rstart;	/* where the record being made began */
	long		 nown;		/* problems the importer found itself */
};

/* What the reading process sends (read_files). */
enum rec {
	REC_PROBLEM = 1,	/* file, line, column, message */
	REC_HEADER,		/* file, source_ref's column */
	REC_ROW,		/* file, line, column of field 0, bad, fields */
	REC_END,		/* the files' digest */
	REC_FAILED		/* why (rs_errmsg) */
};

/* A count by key (struct imp's regions and classes). */
struct tally {
	char		*key;
	long long	 n;
	int		 shown;		/* printed (print_regions) */
};

static void
tally_add(struct tally **t, size_t *n, const char *key, size_t len)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (strncmp((*t)[i].key, key, len) == 0 &&
		    (*t)[i].key[len] == '\0') {
			(*t)[i].n++;
			return;
		}
	*t = xreallocarray(*t, *n + 1, sizeof(**t));
	(*t)[*n].key = xstrndup(key, len);
	(*t)[*n].n = 1;
	(*t)[*n].shown = 0;
	(*n)++;
}

static void
tally_free(struct tally *t, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(t[i].key);
	free(t);
}

/* ------------------------------------------------------------------ */
/* Problems: kept in temp.problems, printed sorted by position.        */

static void	rec_begin(struct imp *, int);
static void	rec_end(struct imp *);

/* Keep a message (vsay's) in temp.problems. */
static void
keep(struct imp *im, size_t fi, long line, size_t col, const char *s,
    size_t len)
{
	sqlite3_stmt	*st = im->st_problem;

	sqlite3_bind_int64(st, 1, (sqlite3_int64)fi);
	sqlite3_bind_int64(st, 2, line < 0 ? INT64_MAX : line);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)col);
	sqlite3_bind_text(st, 4, s, (int)len, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		im->err = db_err(im->db, "recording a problem");
	sqlite3_reset(st);
}

/*
 * Record a message at file fi, line (0: the whole file; -1: the whole
 * file, said after its lines), column col (1-based; 0: the whole row
 * or header), counted as a problem or not.  The message is
 * "PATH:LINE:COL: " followed by fmt.  The reading process sends it
 * (read_files) instead.
 */
static void
vsay(struct imp *im, int counted, size_t fi, long line, size_t col,
    const char *fmt, va_list ap)
{
	struct buf	 b = { 0 };

	if (counted) {
		im->nproblems++;
		im->nown++;
	}
	if (im->err)
		return;
	buf_puts(&b, im->o->files[fi]);
	if (line > 0)
		buf_printf(&b, ":%ld", line);
	if (line > 0 && col > 0)
		buf_printf(&b, ":%zu", col);
	BUF_LIT(&b, ": ");
	buf_vprintf(&b, fmt, ap);
	if (im->reader) {
		/* Sent, with the count that holds it. */
		rec_begin(im, REC_PROBLEM);
		msg_put_int(&im->wbuf, (long long)fi);
		msg_put_int(&im->wbuf, line);
		msg_put_int(&im->wbuf, (long long)col);
		msg_put_str(&im->wbuf, b.data ? b.data : "", b.len);
		rec_end(im);
	} else
		keep(im, fi, line, col, b.data ? b.data : "", b.len);
	buf_free(&b);
}

/* A problem (counted). */
static void
problem(struct imp *im, size_t fi, long line, size_t col,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
problem(struct imp *im, size_t fi, long line, size_t col,
    const char *fmt, ...)
{
	va_list		 ap;

	va_start(ap, fmt);
	vsay(im, 1, fi, line, col, fmt, ap);
	va_end(ap);
}

/* A note among the problems, about problems counted already. */
static void
note(struct imp *im, size_t fi, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
note(struct imp *im, size_t fi, long line, const char *fmt, ...)
{
	va_list		 ap;

	va_start(ap, fmt);
	vsay(im, 0, fi, line, 0, fmt, ap);
	va_end(ap);
}

/* Print the problems sorted by position, then their count. */
static int
print_problems(struct imp *im)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(im->db, "SELECT msg FROM temp.problems "
	    "ORDER BY file, line, col, seq", -1, &st, NULL) != SQLITE_OK)
		return db_err(im->db, "reading the problems");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fprintf(stderr, "%s\n", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_err(im->db, "reading the problems");
	if (im->ndups > 0)
		fprintf(stderr, "%s\n", msg(im->lang, M_DUP_HINT));
	fprintf(stderr, msg(im->lang, M_NPROBLEMS), im->nproblems,
	    noun(im->lang, N_PROBLEM, im->nproblems));
	fputc('\n', stderr);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Rows.                                                               */

/* The field i of the current row. */
static const char *
fld(const struct imp *im, size_t i)
{
	return im->row.data ? im->row.data + im->off[i] : "";
}

/*
 * A file's fields that are not UTF-8 shown one by one up to this many,
 * then counted: a file saved in another encoding (Excel's "CSV" on a
 * Russian Windows: Windows-1251) has one in every text.
 */
#define UTF8_SHOWN	5

/* A problem in form column col of the current row (rules_check). */
static void
on_problem(void *arg, size_t col, const char *what, const char *v,
    size_t vlen)
{
	struct imp	*im = arg;
	struct buf	 b = { 0 };
	size_t		 fc = im->inv[col];

	im->bad[col] = 1;
	if (strcmp(what, msg(im->lang, M_BAD_UTF8)) == 0 &&
	    ++im->nutf8 > UTF8_SHOWN) {
		im->nproblems++;	/* counted, said at the file's end */
		return;
	}
	rules_describe(&b, im->lang, rules_colname(im->form, col), what, v,
	    vlen);
	problem(im, im->fi, im->fline[fc], fc + 1, "%s", buf_str(&b));
	buf_free(&b);
}

/*
 * A hint for an unknown column name[0..len): it belongs to the other
 * form, or differs from a column only in case.  "" if none.
 */
static const char *
column_hint(enum oplang l, enum form form, const char *name, size_t len,
    char *hint, size_t sz)
{
	enum form	 other;
	const char	*c;
	size_t		 i;

	other = form == FORM_INCIDENTS ? FORM_INSURANCE : FORM_INCIDENTS;
	if (rules_colfind(other, name, len) >= 0) {
		snprintf(hint, sz, msg(l, M_HINT_FORM),
		    rules_formname(other));
		return hint;
	}
	for (i = 0; i < rules_ncols(form); i++) {
		c = rules_colname(form, i);
		if (strlen(c) == len && strncasecmp(c, name, len) == 0) {
			snprintf(hint, sz, msg(l, M_HINT_CASE), c);
			return hint;
		}
	}
	return "";
}

/*
 * The header row: map each column to the form's column.  Unknown,
 * duplicate and missing columns are problems, and then the file's rows
 * are not checked (their fields would be misread).
 */
static void
header(struct imp *im)
{
	struct buf	 b = { 0 };
	const char	*name;
	char		 hint[160];
	size_t		 i, j, len, n;
	long		 before = im->nproblems;
	int		 c, seen[MAXCOLS + 1];

	im->have_header = 1;
	n = im->ncols;
	for (i = 0; i < n; i++)
		seen[i] = 0;
	seen[n] = 0;		/* reported_quarter */
	if (im->nf > MAXF) {
		problem(im, im->fi, im->fline[0], 0, msg(im->lang,
		    M_HDR_TOO_MANY), im->nf, MAXF);
		im->skip = 1;
		return;
	}
	im->nmap = im->nf;
	for (i = 0; i < im->nf; i++) {
		name = fld(im, i);
		len = im->len[i];
		c = rules_colfind(im->form, name, len);
		if (c == COL_UNKNOWN && len == 16 &&
		    memcmp(name, "reported_quarter", 16) == 0)
			c = COL_RQ;
		im->map[i] = c;
		if (c == COL_UNKNOWN) {
			buf_reset(&b);
			rules_show(&b, name, len);
			problem(im, im->fi, im->fline[i], i + 1,
			    msg(im->lang, M_UNKNOWN_COL), buf_str(&b),
			    column_hint(im->lang, im->form, name, len, hint,
			    sizeof(hint)));
			continue;
		}
		j = c == COL_RQ ? n : (size_t)c;
		if (seen[j]) {
			problem(im, im->fi, im->fline[i], i + 1,
			    msg(im->lang, M_DUP_COL),
			    c == COL_RQ ? "reported_quarter" :
			    rules_colname(im->form, j), seen[j]);
			im->map[i] = COL_UNKNOWN;
			continue;
		}
		seen[j] = (int)i + 1;
		if (c != COL_RQ)
			im->inv[c] = i;
	}
	for (j = 0; j < n; j++)
		if (!seen[j])
			problem(im, im->fi, im->fline[0], 0,
			    msg(im->lang, M_MISSING_COL),
			    rules_colname(im->form, j));
	buf_free(&b);
	if (im->nproblems > before)
		im->skip = 1;
	else {
		im->refcol[im->fi] = im->inv[0] + 1;
		if (im->reader) {
			rec_begin(im, REC_HEADER);
			msg_put_int(&im->wbuf, (long long)im->fi);
			msg_put_int(&im->wbuf, (long long)im->refcol[im->fi]);
			rec_end(im);
		}
	}
}

/*
 * The class a summary counts a record under: Form 1 its category,
 * Form 2 its harm and disability.
 */
static void
record_class(const struct imp *im, const struct rfield *f, struct buf *b)
{
	buf_put(b, f[im->c_class].s, f[im->c_class].len);
	if (im->c_disab >= 0 && f[im->c_disab].len > 0) {
		BUF_LIT(b, ", ");
		buf_put(b, f[im->c_disab].s, f[im->c_disab].len);
	}
}

/*
 * A key of a row's values but its source_ref, for self_dups to find the
 * rows of the submission that may repeat one another (the values are
 * then compared).
 */
static sqlite3_int64
content_key(const struct imp *im, const struct rfield *f)
{
	struct buf	 b = { 0 };
	sqlite3_int64	 k;
	size_t		 i;

	for (i = 1; i < im->ncols; i++) {
		buf_put(&b, &f[i].len, sizeof(f[i].len));
		buf_put(&b, f[i].s, f[i].len);
	}
	k = (sqlite3_int64)XXH3_64bits(b.data, b.len);
	buf_free(&b);
	return k;
}

/*
 * Stage a checked row: its reference in temp.refs and, unless there is
 * a problem already (nothing will be written), its values in temp.rows
 * (a dry run too: they are compared with the registry's).
 * A source_ref seen before in this submission is a problem.
 */
static void
stage(struct imp *im, struct rfield *f)
{
	sqlite3_stmt	*st = im->st_ref;
	struct buf	 b = { 0 };
	sqlite3_int64	 seq;
	char		 q[7];
	long		 age;
	size_t		 i;

	sqlite3_bind_int64(st, 1, (sqlite3_int64)im->fi);
	sqlite3_bind_int64(st, 2, im->fline[im->inv[0]]);
	sqlite3_bind_text(st, 3, f[0].s, (int)f[0].len, SQLITE_STATIC);
	if (!im->bad[im->c_when]) {
		/* Checked, so in canonical form now. */
		rules_quarter(f[im->c_when].s, q);
		sqlite3_bind_text(st, 4, q, 6, SQLITE_TRANSIENT);
	} else
		sqlite3_bind_null(st, 4);
	sqlite3_bind_text(st, 5, f[im->c_region].s, (int)f[im->c_region].len,
	    SQLITE_STATIC);
	record_class(im, f, &b);
	sqlite3_bind_text(st, 6, b.data ? b.data : "", (int)b.len,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, f[1].s, (int)f[1].len, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, f[im->c_when].s, (int)f[im->c_when].len,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 9, f[im->c_dx].s, (int)f[im->c_dx].len,
	    SQLITE_STATIC);
	sqlite3_bind_int64(st, 10, content_key(im, f));
	if (sqlite3_step(st) != SQLITE_DONE) {
		im->err = db_err(im->db, "staging a row");
		sqlite3_reset(st);
		goto out;
	}
	sqlite3_reset(st);
	if (sqlite3_changes(im->db) > 0) {
		if (im->nproblems > 0)
			goto out;
		seq = sqlite3_last_insert_rowid(im->db);
		st = im->st_row;
		sqlite3_bind_int64(st, 1, seq);
		for (i = 0; i < im->ncols; i++) {
			/* An integer column is a checked NUL-ended field. */
			if (rules_colint(im->form, i) && !im->bad[i] &&
			    parse_long(f[i].s, 0, 120, &age) == 0)
				sqlite3_bind_int64(st, (int)i + 2, age);
			else
				sqlite3_bind_text(st, (int)i + 2, f[i].s,
				    (int)f[i].len, SQLITE_STATIC);
		}
		if (sqlite3_step(st) != SQLITE_DONE)
			im->err = db_err(im->db, "staging a row");
		sqlite3_reset(st);
		tally_add(&im->regions, &im->nregions, f[im->c_region].s,
		    f[im->c_region].len);
		tally_add(&im->classes, &im->nclasses, b.data ? b.data : "",
		    b.len);
		goto out;
	}

	/* A duplicate: where was the first? */
	buf_reset(&b);
	st = im->st_first;
	sqlite3_bind_text(st, 1, f[0].s, (int)f[0].len, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		im->err = db_err(im->db, "finding a duplicate");
		sqlite3_reset(st);
		goto out;
	}
	if ((size_t)sqlite3_column_int64(st, 0) == im->fi)
		buf_printf(&b, msg(im->lang, M_DUP_LINE),
		    sqlite3_column_int64(st, 1));
	else
		buf_printf(&b, msg(im->lang, M_DUP_FILE),
		    im->o->files[sqlite3_column_int64(st, 0)],
		    sqlite3_column_int64(st, 1));
	sqlite3_reset(st);
	on_problem(im, 0, buf_str(&b), f[0].s, f[0].len);
out:
	buf_free(&b);
}

/* A data row: check it against the header, the rules, and stage it. */
static void
record(struct imp *im)
{
	struct rfield	 f[MAXCOLS];
	struct buf	 b = { 0 };
	char		 what[128];
	unsigned long long bad;
	size_t		 i;

	if (im->nf != im->nmap) {
		problem(im, im->fi, im->fline[0], 0, msg(im->lang, M_NFIELDS),
		    im->nf, noun(im->lang, N_FIELD, (long long)im->nf),
		    im->nmap, noun(im->lang, N_COLUMN, (long long)im->nmap));
		return;
	}
	for (i = 0; i < im->ncols; i++) {
		/* The row buffer is writable: rules may normalize. */
		f[i].s = im->row.data + im->off[im->inv[i]];
		f[i].len = im->len[im->inv[i]];
		im->bad[i] = 0;
	}
	for (i = 0; i < im->nf; i++) {
		if (im->map[i] != COL_RQ)
			continue;
		if (im->len[i] == 6 && memcmp(fld(im, i), im->o->quarter, 6)
		    == 0)
			continue;
		snprintf(what, sizeof(what), msg(im->lang, M_RQ_DIFFERS),
		    im->o->quarter);
		rules_describe(&b, im->lang, "reported_quarter",
		    im->len[i] == 0 ? msg(im->lang, M_MISSING) : what,
		    fld(im, i), im->len[i]);
		problem(im, im->fi, im->fline[i], i + 1, "%s", buf_str(&b));
		buf_free(&b);
	}
	rules_check(im->rules, im->form, im->o->quarter, f, RULES_NORMALIZE,
	    on_problem, im);
	if (im->bad[0])
		return;
	if (!im->reader) {
		stage(im, f);
		return;
	}
	rec_begin(im, REC_ROW);
	msg_put_int(&im->wbuf, (long long)im->fi);
	msg_put_int(&im->wbuf, im->fline[im->inv[0]]);
	msg_put_int(&im->wbuf, (long long)im->inv[0]);
	for (i = 0, bad = 0; i < im->ncols; i++)
		bad |= (unsigned long long)(im->bad[i] != 0) << i;
	msg_put_int(&im->wbuf, (long long)bad);
	for (i = 0; i < im->ncols; i++)
		msg_put_str(&im->wbuf, f[i].s, f[i].len);
	rec_end(im);
}

/* libcsv: a field ended. */
static void
on_field(void *s, size_t len, void *arg)
{
	struct imp	*im = arg;
	const char	*p = s ? s : "";

	if (s == NULL)
		len = 0;
	/*
	 * Spaces and tabs around a value are dropped, quoted or not
	 * (libcsv drops them around an unquoted one): " QS1" is QS1.
	 */
	while (len > 0 && (p[0] == ' ' || p[0] == '\t')) {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
		len--;
	if (len > 0)
		im->nonempty = 1;
	if (im->nf < MAXF) {
		im->off[im->nf] = im->row.len;
		im->len[im->nf] = len;
		im->fline[im->nf] = im->fstart ? im->fstart : im->line;
		buf_put(&im->row, p, len);
		buf_putc(&im->row, '\0');
	}
	im->nf++;
	/* The next field begins after this one's delimiter. */
	im->fstart = im->line;
}

/* libcsv: a row ended. */
static void
on_row(int c, void *arg)
{
	struct imp	*im = arg;

	(void)c;
	if (!im->stop && !im->err) {
		if (!im->nonempty)
			;	/* a row of empty fields: skipped */
		else if (!im->have_header)
			header(im);
		else if (!im->skip)
			record(im);
	}
	im->nf = 0;
	im->nonempty = 0;
	buf_reset(&im->row);
	im->fstart = 0;
}

/* ------------------------------------------------------------------ */
/* Reading a file.                                                     */

static int
blank(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\n')
			return 0;
	return 1;
}

/*
 * The separator of the first non-blank line: ';' if it has more
 * semicolons than commas outside quotes (Russian-locale spreadsheets),
 * else ','.
 */
static unsigned char
detect_delim(const char *s, size_t len)
{
	size_t	 i = 0, commas = 0, semis = 0;
	int	 quoted = 0;

	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
	    s[i] == '\n'))
		i++;
	for (; i < len && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == ',')
			commas++;
		else if (!quoted && s[i] == ';')
			semis++;
	}
	return semis > commas ? ';' : ',';
}

/*
 * The length of the physical line at s[0..len): up to and including
 * its end (LF, CRLF or a lone CR), or all of s.
 */
static size_t
line_len(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			return i + 1;
		if (s[i] == '\r')
			return i + 1 < len && s[i + 1] == '\n' ? i + 2 : i + 1;
	}
	return len;
}

/*
 * Feed s[0..len) to the parser one physical line at a time, so that
 * im->line is the line being parsed when libcsv calls back.  A line
 * ends with LF, CRLF or a lone CR (old Mac spreadsheets); a CRLF split
 * between two chunks is one line end.
 */
static void
feed(struct imp *im, struct csv_parser *p, const char *s, size_t len)
{
	size_t		 seg;
	int		 end;

	while (len > 0 && !im->stop && !im->err) {
		if (im->cr && s[0] == '\n') {
			/* The LF of a CRLF whose CR ended the last chunk. */
			seg = 1;
			end = 0;
		} else {
			seg = line_len(s, len);
			end = s[seg - 1] == '\n' || s[seg - 1] == '\r';
		}
		im->cr = s[seg - 1] == '\r';
		if (im->fstart == 0 && !blank(s, seg))
			im->fstart = im->line;
		if (csv_parse(p, s, seg, on_field, on_row, im) != seg) {
			if (csv_error(p) == CSV_EPARSE) {
				problem(im, im->fi, im->line, im->nf + 1, "%s",
				    msg(im->lang, M_BAD_QUOTE));
				im->stop = 1;
			} else
				im->err = rs_err("%s:%ld: %s", im->path,
				    im->line, csv_strerror(csv_error(p)));
			return;
		}
		if (csv_get_buffer_size(p) > FIELD_MAX) {
			problem(im, im->fi, im->fstart ? im->fstart : im->line,
			    im->nf + 1, msg(im->lang, M_LONG_FIELD), FIELD_MAX);
			im->stop = 1;
			return;
		}
		if (end)
			im->line++;
		s += seg;
		len -= seg;
	}
}

/* Read, check and stage the file files[fi]. */
static int
read_file(struct imp *im, size_t fi)
{
	struct csv_parser p;
	FILE		*f;
	char		*chunk;
	const char	*s;
	size_t		 n;
	int		 first = 1, rc = -1;

	im->fi = fi;
	im->path = im->o->files[fi];
	im->nutf8 = 0;
	im->have_header = im->skip = im->stop = 0;
	im->line = 1;
	im->fstart = 0;
	im->cr = 0;
	im->nf = 0;
	im->nonempty = 0;
	buf_reset(&im->row);
	if ((f = fopen(im->path, "rb")) == NULL)
		return rs_err("%s: %s", im->path, strerror(errno));
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
	    != 0) {
		fclose(f);
		return rs_err("%s: out of memory", im->path);
	}
	/* libcsv grows a field's buffer by this much at a time. */
	csv_set_blk_size(&p, 16384);
	chunk = xmalloc(CHUNK);
	while (!im->stop && !im->err &&
	    (n = fread(chunk, 1, CHUNK, f)) > 0) {
		sha256_update(&im->sha, n, (const uint8_t *)chunk);
		s = chunk;
		if (first) {
			first = 0;
			if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
				s += 3;
				n -= 3;
			} else if (n >= 2 && (memcmp(s, "\xff\xfe", 2) == 0 ||
			    memcmp(s, "\xfe\xff", 2) == 0)) {
				problem(im, fi, 0, 0, "%s",
				    msg(im->lang, M_UTF16));
				im->stop = 1;
				break;
			}
			csv_set_delim(&p, detect_delim(s, n));
		}
		feed(im, &p, s, n);
	}
	if (ferror(f)) {
		rs_err("%s: %s", im->path, strerror(errno));
		goto out;
	}
	if (!im->stop && !im->err) {
		if (csv_fini(&p, on_field, on_row, im) != 0) {
			/* The only error csv_fini reports: an open quote. */
			problem(im, fi, im->fstart ? im->fstart : im->line,
			    im->nf + 1, "%s", msg(im->lang, M_OPEN_QUOTE));
		} else if (!im->have_header)
			problem(im, fi, 0, 0, "%s", msg(im->lang,
			    M_NO_HEADER));
	}
	if (im->nutf8 > UTF8_SHOWN)	/* one line for those not shown */
		note(im, fi, -1, msg(im->lang, M_MORE_UTF8),
		    im->nutf8 - UTF8_SHOWN, noun(im->lang, N_FIELD,
		    im->nutf8 - UTF8_SHOWN));
	rc = im->err ? -1 : 0;
out:
	csv_free(&p);
	free(chunk);
	fclose(f);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Phase 1 in two processes.                                           */

/*
 * The files are read, parsed and checked by a forked process, which
 * sends each checked row and each message through a pipe, in order,
 * while this one stages them (in one process each part took about half
 * of the phase, 0.65 and 0.7 s of the bench's 200 000 rows; the phase
 * went from about 1.5 to 1.0 s).  The reader touches no
 * database (the code lists were loaded before it started); it counts
 * the problems it finds, and each record carries that count, so that a
 * row's values are staged only while no row has a problem, as in one
 * process.  A record is its length (4 bytes, le32_put) and its values
 * (msg_put_int, msg_put_str): its kind, the count, then as enum rec
 * says.  The pipe bounds what waits: the reader blocks while it is
 * full.
 */
#define REC_CHUNK	131072		/* the reader writes this much at once */

static void
rec_flush(struct imp *im)
{
	if (worker_write(im->wfd, im->wbuf.data, im->wbuf.len) == -1)
		_exit(1);	/* the importer is gone */
	buf_reset(&im->wbuf);
}

static void
rec_begin(struct imp *im, int kind)
{
	im->rstart = im->wbuf.len;
	buf_put(&im->wbuf, "\0\0\0\0", 4);
	msg_put_int(&im->wbuf, kind);
	msg_put_int(&im->wbuf, im->nproblems);
}

static void
rec_end(struct imp *im)
{
	le32_put((unsigned char *)im->wbuf.data + im->rstart,
	    (uint32_t)(im->wbuf.len - im->rstart - 4));
	if (im->wbuf.len >= REC_CHUNK)
		rec_flush(im);
}

/* The reading process: every file, then the digest; never returns. */
static void
reader(void *arg, int fd)
{
	struct imp	*im = arg;
	size_t		 i;

	im->reader = 1;
	im->wfd = fd;
	for (i = 0; i < (size_t)im->o->nfiles; i++)
		if (read_file(im, i) == -1) {
			rec_begin(im, REC_FAILED);
			msg_put_str(&im->wbuf, rs_errmsg(),
			    strlen(rs_errmsg()));
			rec_end(im);
			rec_flush(im);
			_exit(1);
		}
	sha256_digest(&im->sha, sizeof(im->digest), im->digest);
	rec_begin(im, REC_END);
	msg_put_str(&im->wbuf, (const char *)im->digest, sizeof(im->digest));
	rec_end(im);
	rec_flush(im);
	_exit(0);
}

/* Do what a record says: 1 at the end, 0, or -1 (said). */
static int
replay(struct imp *im, struct msgin *m)
{
	struct rfield	 f[MAXCOLS];
	const char	*s;
	unsigned long long bad;
	size_t		 i, len, fi;
	long		 line;
	int		 kind;

	kind = (int)msg_get_int(m);
	im->nproblems = (long)msg_get_int(m) + im->nown;
	switch (kind) {
	case REC_PROBLEM:
		fi = (size_t)msg_get_int(m);
		line = (long)msg_get_int(m);
		i = (size_t)msg_get_int(m);
		s = msg_get_str(m, &len);
		if (!m->bad && s != NULL && fi < (size_t)im->o->nfiles)
			keep(im, fi, line, i, s, len);
		break;
	case REC_HEADER:
		fi = (size_t)msg_get_int(m);
		i = (size_t)msg_get_int(m);
		if (fi < (size_t)im->o->nfiles)
			im->refcol[fi] = i;
		break;
	case REC_ROW:
		fi = (size_t)msg_get_int(m);
		line = (long)msg_get_int(m);
		i = (size_t)msg_get_int(m);
		bad = (unsigned long long)msg_get_int(m);
		if (fi >= (size_t)im->o->nfiles || i >= MAXF)
			m->bad = 1;
		for (len = 0; len < im->ncols && !m->bad; len++) {
			f[len].s = (char *)msg_get_str(m, &f[len].len);
			im->bad[len] = (bad >> len) & 1;
			if (f[len].s == NULL)
				m->bad = 1;
		}
		if (m->bad)
			break;
		/* As stage and on_problem find them in one process. */
		im->fi = fi;
		im->inv[0] = i;
		im->fline[i] = line;
		stage(im, f);
		break;
	case REC_END:
		s = msg_get_str(m, &len);
		if (s == NULL || len != sizeof(im->digest)) {
			m->bad = 1;
			break;
		}
		memcpy(im->digest, s, sizeof(im->digest));
		return 1;
	case REC_FAILED:
		s = msg_get_str(m, &len);
		return rs_err("%s", s != NULL ? s : "import: reading the "
		    "files failed");
	default:
		m->bad = 1;
	}
	if (m->bad)
		return rs_err("import: reading the files: a garbled record");
	return im->err ? -1 : 0;
}

/*
 * Phase 1: read, check and stage every file, the reading in a second
 * process.  0, or -1 (said).
 */
static int
read_files(struct imp *im)
{
	struct worker	*w;
	struct buf	 rb = { 0 };
	struct msgin	 m;
	uint32_t	 len;
	size_t		 off;
	ssize_t		 n;
	int		 fd, rc = 0;

	if ((w = worker_stream("import: reading the files", reader, im,
	    4 * REC_CHUNK)) == NULL)
		return -1;
	fd = worker_fd(w);
	rb.data = xmalloc(4 * REC_CHUNK);
	rb.cap = 4 * REC_CHUNK;
	while (rc == 0) {
		if (rb.cap - rb.len < REC_CHUNK) {
			rb.cap *= 2;
			rb.data = xrealloc(rb.data, rb.cap);
		}
		if ((n = read(fd, rb.data + rb.len, rb.cap - rb.len)) == -1) {
			if (errno == EINTR)
				continue;
			rc = rs_err("import: reading the files: %s",
			    strerror(errno));
			break;
		}
		if (n == 0) {
			rc = rs_err("import: the process reading the files "
			    "ended early");
			break;
		}
		rb.len += (size_t)n;
		for (off = 0; rc == 0 && rb.len - off >= 4; off += 4 + len) {
			len = le32_get((unsigned char *)rb.data + off);
			if (rb.len - off - 4 < len)
				break;
			m.p = rb.data + off + 4;
			m.left = len;
			m.bad = 0;
			rc = replay(im, &m);
		}
		if (rc == 1) {
			rc = 0;
			break;
		}
		memmove(rb.data, rb.data + off, rb.len - off);
		rb.len -= off;
	}
	if (worker_stop(w, rc == 0) == -1)
		rc = -1;
	buf_free(&rb);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The database side.                                                  */

/* Append the form's column names from the first, quoted, with pfx. */
static void
put_cols_from(struct buf *b, enum form form, size_t first, const char *pfx)
{
	size_t	 i;

	for (i = first; i < rules_ncols(form); i++)
		buf_printf(b, "%s%s\"%s\"", i > first ? ", " : "", pfx,
		    rules_colname(form, i));
}

/* Append the form's column names, quoted, each prefixed by pfx. */
static void
put_cols(struct buf *b, enum form form, const char *pfx)
{
	put_cols_from(b, form, 0, pfx);
}

/*
 * regsite_order(source_ref): the first 8 bytes of HMAC-SHA256 keyed
 * with the submission's digest, of the source and the source_ref.  New
 * records are numbered in this order: neither file order nor date
 * order, so a public number tells nothing about either.
 */
static void
sql_order(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct imp	*im = sqlite3_user_data(ctx);
	uint8_t		 d[SHA256_DIGEST_SIZE];
	sqlite3_int64	 v = 0;
	int		 i;

	(void)argc;
	hmac_sha256_update(&im->order, strlen(im->source) + 1,
	    (const uint8_t *)im->source);
	hmac_sha256_update(&im->order, (size_t)sqlite3_value_bytes(argv[0]),
	    (const uint8_t *)sqlite3_value_blob(argv[0]));
	hmac_sha256_digest(&im->order, sizeof(d), d);
	for (i = 0; i < 8; i++)
		v = (sqlite3_int64)(((uint64_t)v << 8) | d[i]);
	sqlite3_result_int64(ctx, v);
}

/*
 * Run sql with ?1 = source, ?2 = the reporting quarter, ?3 = the form
 * name; the first nout columns of its first row go to out[] (NULL: 0).
 */
static int
run_n(struct imp *im, const char *sql, sqlite3_int64 *const *out,
    int nout)
{
	sqlite3_stmt	*st;
	int		 rc, n, i;

	if (sqlite3_prepare_v2(im->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_err(im->db, "importing");
	n = sqlite3_bind_parameter_count(st);
	if (n >= 1)
		sqlite3_bind_text(st, 1, im->source, -1, SQLITE_STATIC);
	if (n >= 2)
		sqlite3_bind_text(st, 2, im->o->quarter, -1, SQLITE_STATIC);
	if (n >= 3)
		sqlite3_bind_text(st, 3, rules_formname(im->form), -1,
		    SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < nout; i++)
			*out[i] = sqlite3_column_int64(st, i);
		nout = 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_err(im->db, "importing");
	return 0;
}

/* run_n() of at most one column: with out, its first row's goes there. */
static int
run(struct imp *im, const char *sql, sqlite3_int64 *out)
{
	return run_n(im, sql, &out, out != NULL);
}

/* run() on SQL built in b, which is then emptied. */
static int
runb(struct imp *im, struct buf *b, sqlite3_int64 *out)
{
	int	 rc;

	rc = run(im, buf_str(b), out);
	buf_reset(b);
	return rc;
}

/* The temporary tables and the statements of phase 1. */
static int
prepare(struct imp *im)
{
	struct buf	 b = { 0 };
	size_t		 i;
	int		 rc = -1;

	if (db_exec(im->db, DROP_TEMP
	    "PRAGMA temp.page_size = 16384;"
	    "PRAGMA temp.cache_size = -65536;"
	    "CREATE TEMP TABLE problems (seq INTEGER PRIMARY KEY, "
	    "file INTEGER, line INTEGER, col INTEGER, msg TEXT);"
	    "CREATE TEMP TABLE bases (quarter TEXT PRIMARY KEY, "
	    "base INTEGER NOT NULL);"
	    "CREATE TEMP TABLE ord (n INTEGER PRIMARY KEY, "
	    "seq INTEGER NOT NULL, quarter TEXT);"
	    "CREATE TEMP TABLE numbers (seq INTEGER PRIMARY KEY, "
	    "public_no INTEGER NOT NULL);"
	    "CREATE TEMP TABLE refs (seq INTEGER PRIMARY KEY, "
	    "file INTEGER NOT NULL, line INTEGER NOT NULL, "
	    "source_ref TEXT NOT NULL UNIQUE, quarter TEXT, region TEXT, "
	    "class TEXT, org_code TEXT, occurred_at TEXT, dx TEXT, "
	    "id INTEGER, old_rq TEXT, public_no INTEGER, "
	    "same INTEGER NOT NULL DEFAULT 0, ck INTEGER)") == -1)
		return -1;
	BUF_LIT(&b, "CREATE TEMP TABLE rows (seq INTEGER PRIMARY KEY");
	for (i = 0; i < im->ncols; i++)
		buf_printf(&b, ", \"%s\"", rules_colname(im->form, i));
	BUF_LIT(&b, ")");
	if (db_exec(im->db, buf_str(&b)) == -1)
		goto out;
	buf_reset(&b);
	BUF_LIT(&b, "INSERT INTO temp.rows (seq, ");
	put_cols(&b, im->form, "");
	BUF_LIT(&b, ") VALUES (?1");
	for (i = 0; i < im->ncols; i++)
		buf_printf(&b, ", ?%zu", i + 2);
	BUF_LIT(&b, ")");
	if (sqlite3_prepare_v2(im->db, buf_str(&b), -1, &im->st_row, NULL)
	    != SQLITE_OK ||
	    sqlite3_prepare_v2(im->db, "INSERT INTO temp.refs (file, line, "
	    "source_ref, quarter, region, class, org_code, occurred_at, dx, "
	    "ck) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
	    "ON CONFLICT (source_ref) DO NOTHING", -1,
	    &im->st_ref, NULL)
	    != SQLITE_OK ||
	    sqlite3_prepare_v2(im->db, "SELECT file, line FROM temp.refs "
	    "WHERE source_ref = ?1", -1, &im->st_first, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(im->db, "INSERT INTO temp.problems (file, "
	    "line, col, msg) VALUES (?1, ?2, ?3, ?4)", -1, &im->st_problem,
	    NULL) != SQLITE_OK) {
		db_err(im->db, "preparing the import");
		goto out;
	}
	rc = 0;
out:
	buf_free(&b);
	return rc;
}

/*
 * REGSITE_EXPLAIN=FILE (tests): append sql and its query plan, each
 * line of the plan indented, to FILE.
 */
static int
explain(struct imp *im, const char *sql)
{
	const char	*path = getenv("REGSITE_EXPLAIN");
	FILE		*f;
	int		 rc;

	if (path == NULL || *path == '\0')
		return 0;
	if ((f = fopen(path, "a")) == NULL)
		return rs_err("%s: %s", path, strerror(errno));
	rc = db_explain(im->db, sql, f);
	if (fclose(f) == EOF && rc == 0)
		rc = rs_err("%s: %s", path, strerror(errno));
	return rc;
}

/*
 * Run sql (?1 source, ?2 quarter) whose rows are (file, line,
 * source_ref, a, b, c) and record a problem in the source_ref column of
 * each: the message m of the catalog with the arguments a, b, c (as
 * many as it takes).  With dup, each is counted as a record already in
 * the registry.
 */
static int
report(struct imp *im, const char *sql, enum msg m, int nargs, int dup)
{
	struct buf	 b = { 0 }, what = { 0 };
	sqlite3_stmt	*st;
	const char	*v[3];
	size_t		 fi;
	int		 rc, i;

	if (explain(im, sql) == -1)
		return -1;
	if (sqlite3_prepare_v2(im->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_err(im->db, "importing");
	sqlite3_bind_text(st, 1, im->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, im->o->quarter, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fi = (size_t)sqlite3_column_int64(st, 0);
		for (i = 0; i < 3; i++)
			v[i] = i < nargs && sqlite3_column_text(st, 3 + i) ?
			    (const char *)sqlite3_column_text(st, 3 + i) : "";
		buf_reset(&what);
		buf_printf(&what, msg(im->lang, m), v[0], v[1], v[2]);
		buf_reset(&b);
		rules_describe(&b, im->lang, "source_ref", buf_str(&what),
		    (const char *)sqlite3_column_text(st, 2),
		    (size_t)sqlite3_column_bytes(st, 2));
		problem(im, fi, (long)sqlite3_column_int64(st, 1),
		    im->refcol[fi], "%s", buf_str(&b));
		if (dup)
			im->ndups++;
	}
	sqlite3_finalize(st);
	buf_free(&b);
	buf_free(&what);
	if (rc != SQLITE_DONE)
		return db_err(im->db, "importing");
	return im->err;
}

/* Append "a.c IS b.c AND ..." for the form's columns from the first. */
static void
same_cols(struct buf *b, enum form form, size_t first, const char *x,
    const char *y)
{
	size_t	 i;

	for (i = first; i < rules_ncols(form); i++)
		buf_printf(b, "%s%s.\"%s\" IS %s.\"%s\"", i > first ?
		    " AND " : "", x, rules_colname(form, i), y,
		    rules_colname(form, i));
}

/*
 * A record the registry holds under another submission with the same
 * values (but the source_ref) is a problem.  The candidates are the
 * records of the same minute, organization and diagnosis, found by the
 * index on those columns and compared value by value: the submission's
 * size, not the registry's.  A submission whose rows meet too many
 * candidates (many records of one minute, organization and diagnosis:
 * the pairs would grow with the square of their number) is matched by
 * a key of the values of every record instead, which costs the
 * registry's size once.  0, or -1.
 */
static int
dup_content(struct imp *im)
{
	struct buf	 b = { 0 };
	const char	*t = rules_table(im->form);
	sqlite3_int64	 staged, pairs, bound;
	int		 rc = -1;

	/* Every staged row has its ref (no problem yet); the refs
	 * carry the index's columns, so that the rows, with their
	 * texts, are read for candidates alone. */
	if (run(im, "SELECT count(*) FROM temp.refs", &staged) == -1)
		goto out;
	bound = 8 * staged + 10000;
	buf_printf(&b, "SELECT count(*) FROM (SELECT 1 FROM temp.refs AS r "
	    "JOIN main.%s AS m ON m.occurred_at = r.occurred_at AND "
	    "m.org_code = r.org_code AND m.diagnosis_icd10 = r.dx "
	    "LIMIT %lld)", t, (long long)bound);
	if (runb(im, &b, &pairs) == -1)
		goto out;
	if (pairs < bound) {
		BUF_LIT(&b, "SELECT r.file, r.line, r.source_ref, "
		    "m.source_ref, m.source, m.reported_quarter, min(m.id) "
		    "FROM temp.refs AS r ");
		/* In this order: a row is read for a candidate. */
		buf_printf(&b, "CROSS JOIN main.%s AS m ON m.occurred_at = "
		    "r.occurred_at AND m.org_code = r.org_code AND "
		    "m.diagnosis_icd10 = r.dx CROSS JOIN temp.rows AS w "
		    "ON w.seq = r.seq AND ", t);
	} else {
		if (db_content_fn(im->db) == -1)
			goto out;
		BUF_LIT(&b, "CREATE TEMP TABLE mkeys AS SELECT id, "
		    "regsite_content(");
		put_cols_from(&b, im->form, 1, "");
		buf_printf(&b, ") AS k FROM main.%s WHERE source <> ?1 OR "
		    "reported_quarter <> ?2", t);
		if (runb(im, &b, NULL) == -1 || run(im, "CREATE INDEX "
		    "temp.mkeys_k ON mkeys (k)", NULL) == -1)
			goto out;
		/* In this order, the record by its id alone. */
		BUF_LIT(&b, "SELECT r.file, r.line, r.source_ref, "
		    "m.source_ref, m.source, m.reported_quarter, min(m.id) "
		    "FROM temp.refs AS r CROSS JOIN temp.rows AS w "
		    "ON w.seq = r.seq CROSS JOIN temp.mkeys AS h "
		    "ON h.k = regsite_content(");
		put_cols_from(&b, im->form, 1, "w.");
		buf_printf(&b, ") CROSS JOIN main.%s AS m NOT INDEXED "
		    "ON m.id = h.id AND ", t);
	}
	same_cols(&b, im->form, 1, "m", "w");
	BUF_LIT(&b, " WHERE m.source <> ?1 OR m.reported_quarter <> ?2 "
	    "GROUP BY r.seq ORDER BY r.seq");
	rc = report(im, buf_str(&b), M_DUP_CONTENT, 3, 1);
out:
	buf_free(&b);
	return rc;
}

/*
 * A row of the submission with the same values as an earlier row of it
 * but the source_ref: the same record exported twice, which would count
 * twice.  Candidates by their content_key, then compared value by
 * value.  0, or -1.
 */
static int
self_dups(struct imp *im)
{
	struct buf	 b = { 0 };
	int		 rc;

	BUF_LIT(&b, "SELECT r.file, r.line, r.source_ref, f.source_ref, "
	    "f.line FROM (SELECT ck, min(seq) AS first FROM temp.refs "
	    "GROUP BY ck HAVING count(*) > 1) AS d JOIN temp.refs AS r "
	    "ON r.ck = d.ck AND r.seq > d.first JOIN temp.refs AS f "
	    "ON f.seq = d.first JOIN temp.rows AS w ON w.seq = r.seq "
	    "JOIN temp.rows AS v ON v.seq = f.seq WHERE ");
	same_cols(&b, im->form, 1, "w", "v");
	BUF_LIT(&b, " ORDER BY r.seq");
	rc = report(im, buf_str(&b), M_DUP_SELF, 2, 0);
	buf_free(&b);
	return rc;
}

/*
 * Match the staged rows with the source's records: a replaced record
 * keeps its public number unless its event quarter changed, and is
 * marked the same when no value changed.  Problems: a source_ref the
 * source used in another quarter; and, unless --allow-duplicates, a
 * record already in the registry under another source (the same
 * source_ref and org_code) or another submission (the same values but
 * the source_ref).
 */
static int
match(struct imp *im)
{
	struct buf	 b = { 0 };
	const char	*t = rules_table(im->form);
	int		 rc = -1;

	buf_printf(&b, "UPDATE temp.refs AS s SET id = m.id, "
	    "old_rq = m.reported_quarter, public_no = CASE WHEN m.quarter = "
	    "s.quarter THEN m.public_no END FROM main.%s AS m "
	    "WHERE m.source = ?1 AND m.source_ref = s.source_ref", t);
	if (runb(im, &b, NULL) == -1)
		goto out;
	if (report(im, "SELECT file, line, source_ref, old_rq "
	    "FROM temp.refs WHERE old_rq <> ?2 ORDER BY seq",
	    M_OTHER_QUARTER, 1, 0) == -1)
		goto out;
	if (!im->o->allow_duplicates) {
		buf_printf(&b, "SELECT r.file, r.line, r.source_ref, "
		    "m.source, m.reported_quarter, min(m.id) "
		    "FROM temp.refs AS r JOIN main.%s AS m "
		    "ON m.source_ref = r.source_ref AND "
		    "m.org_code = r.org_code WHERE m.source <> ?1 "
		    "GROUP BY r.seq ORDER BY r.seq", t);
		rc = report(im, buf_str(&b), M_DUP_REF, 2, 1);
		buf_reset(&b);
		if (rc == -1)
			goto out;
		rc = -1;
	}
	/* The values are staged only while there is no problem. */
	if (im->nproblems > 0) {
		rc = 0;
		goto out;
	}
	if (!im->o->allow_duplicates && (dup_content(im) == -1 ||
	    self_dups(im) == -1))
		goto out;
	/* The refs that matched a record alone: a scan of the rows
	 * read every text staged. */
	buf_printf(&b, "UPDATE temp.refs AS r SET same = 1 FROM temp.rows "
	    "AS w, main.%s AS m WHERE r.id IS NOT NULL AND w.seq = r.seq "
	    "AND m.id = r.id AND ", t);
	same_cols(&b, im->form, 0, "m", "w");
	if (runb(im, &b, NULL) == -1)
		goto out;
	rc = im->err;
out:
	buf_free(&b);
	return rc;
}

/*
 * Number the staged rows without a number (new records, and replaced
 * ones whose event quarter changed) in temp.numbers: the next numbers
 * of their event quarter, in regsite_order order.  A number once
 * given is never given again: numbering starts above both
 * public_numbers.last_no and the highest number in use.
 */
static int
number(struct imp *im)
{
	struct buf	 b = { 0 };
	const char	*t = rules_table(im->form);

	/*
	 * The order first, as the rowids of temp.ord: one sort, where
	 * row_number() over the same order also wrote each partition to
	 * an ephemeral table (0.55 s against 0.3 s for the bench's
	 * 200 000 rows).  A quarter's numbers follow its first rowid.
	 */
	if (run(im, "INSERT INTO temp.ord (seq, quarter) SELECT seq, "
	    "quarter FROM temp.refs WHERE public_no IS NULL ORDER BY "
	    "quarter, regsite_order(source_ref), source_ref", NULL) == -1)
		return -1;
	buf_printf(&b, "INSERT INTO temp.bases (quarter, base) SELECT q, "
	    "max(coalesce((SELECT last_no FROM main.public_numbers "
	    "WHERE form = ?3 AND quarter = q), 0), "
	    "coalesce((SELECT max(public_no) FROM main.%s "
	    "WHERE quarter = q), 0)) - first + 1 FROM (SELECT quarter AS q, "
	    "min(n) AS first FROM temp.ord GROUP BY quarter)", t);
	if (runb(im, &b, NULL) == -1)
		return -1;
	/* Into a narrow table in seq order: cheaper than updating refs. */
	BUF_LIT(&b, "INSERT INTO temp.numbers (seq, public_no) "
	    "SELECT o.seq, b.base + o.n FROM temp.ord AS o "
	    "JOIN temp.bases AS b ON b.quarter = o.quarter ORDER BY o.seq");
	if (runb(im, &b, NULL) == -1)
		return -1;
	buf_free(&b);
	return 0;
}

/*
 * Replace the submission's records with the staged ones.  The new
 * records go in without the table's trigger (they are numbered) and,
 * with bulk (more of them than the table holds), without its indexes,
 * each made again in one sort.
 */
static int
apply(struct imp *im, long records, int bulk)
{
	struct buf	 b = { 0 }, aside = { 0 };
	const char	*t = rules_table(im->form);
	char		 hex[2 * SHA256_DIGEST_SIZE + 1];
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc = -1;

	/* Numbers of removed records and of moved ones stay taken. */
	buf_printf(&b, "INSERT INTO main.public_numbers (form, quarter, "
	    "last_no) SELECT ?3, quarter, max(public_no) FROM main.%s "
	    "WHERE source = ?1 AND reported_quarter = ?2 AND public_no IS "
	    "NOT NULL GROUP BY quarter ON CONFLICT (form, quarter) "
	    "DO UPDATE SET last_no = max(last_no, excluded.last_no)", t);
	if (runb(im, &b, NULL) == -1)
		goto out;
	buf_printf(&b, "DELETE FROM main.%s WHERE source = ?1 AND "
	    "reported_quarter = ?2 AND id NOT IN (SELECT id FROM "
	    "temp.refs WHERE id IS NOT NULL)", t);
	if (runb(im, &b, NULL) == -1)
		goto out;
	/*
	 * Every value was checked by rules.c, which accepts less than the
	 * schema's CHECKs (regsite validate applies the same rules to the
	 * database, and its PRAGMA integrity_check evaluates the CHECKs):
	 * evaluating them again per row took 0.36 s of the bench's 200 000
	 * rows.  The foreign keys are off for the same reason (import_db).
	 */
	if (db_exec(im->db, "PRAGMA ignore_check_constraints = ON") == -1)
		goto out;
	buf_printf(&b, "UPDATE main.%s AS m SET reported_quarter = ?2", t);
	for (i = 1; i < im->ncols; i++)
		buf_printf(&b, ", \"%s\" = w.\"%s\"", rules_colname(im->form,
		    i), rules_colname(im->form, i));
	BUF_LIT(&b, ", public_no = coalesce(r.public_no, n.public_no) "
	    "FROM temp.refs AS r JOIN temp.rows AS w ON w.seq = r.seq "
	    "LEFT JOIN temp.numbers AS n ON n.seq = r.seq WHERE m.id = r.id");
	if (runb(im, &b, NULL) == -1)
		goto out;
	if (db_set_aside(im->db, t, bulk ? DB_INDEXES | DB_TRIGGERS :
	    DB_TRIGGERS, &aside) == -1)
		goto out;
	buf_printf(&b, "INSERT INTO main.%s (source, reported_quarter, ", t);
	put_cols(&b, im->form, "");
	BUF_LIT(&b, ", public_no) SELECT ?1, ?2, ");
	put_cols(&b, im->form, "w.");
	BUF_LIT(&b, ", n.public_no FROM temp.refs AS r JOIN temp.rows AS w "
	    "ON w.seq = r.seq JOIN temp.numbers AS n ON n.seq = r.seq "
	    "WHERE r.id IS NULL ORDER BY r.seq");
	if (runb(im, &b, NULL) == -1 ||
	    db_exec(im->db, "PRAGMA ignore_check_constraints = OFF") == -1 ||
	    db_exec(im->db, buf_str(&aside)) == -1)
		goto out;
	BUF_LIT(&b, "INSERT INTO main.public_numbers (form, quarter, "
	    "last_no) SELECT ?3, r.quarter, max(coalesce(r.public_no, "
	    "n.public_no)) FROM temp.refs AS r LEFT JOIN temp.numbers AS n "
	    "ON n.seq = r.seq WHERE true GROUP BY r.quarter "
	    "ON CONFLICT (form, quarter) "
	    "DO UPDATE SET last_no = max(last_no, excluded.last_no)");
	if (runb(im, &b, NULL) == -1)
		goto out;

	hex_encode(im->digest, SHA256_DIGEST_SIZE, hex);
	if (sqlite3_prepare_v2(im->db, "INSERT INTO main.submissions (form, "
	    "source, reported_quarter, records, sha256) VALUES (?3, ?1, ?2, "
	    "?4, ?5) ON CONFLICT (form, source, reported_quarter) DO UPDATE "
	    "SET records = excluded.records, sha256 = excluded.sha256", -1,
	    &st, NULL) != SQLITE_OK) {
		db_err(im->db, "recording the submission");
		goto out;
	}
	sqlite3_bind_text(st, 1, im->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, im->o->quarter, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, rules_formname(im->form), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, records);
	sqlite3_bind_text(st, 5, hex, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_err(im->db, "recording the submission");
		sqlite3_finalize(st);
		goto out;
	}
	sqlite3_finalize(st);
	rc = 0;
out:
	sqlite3_exec(im->db, "PRAGMA ignore_check_constraints = OFF", NULL,
	    NULL, NULL);
	buf_free(&b);
	buf_free(&aside);
	return rc;
}

/* A line of the summary's counts: "  COUNT  KEY[  LABEL]". */
static void
print_count(long long n, const char *key, const char *label)
{
	printf("  %7lld  %s", n, key);
	if (label != NULL)
		printf("  %s", label);
	putchar('\n');
}

/* The staged rows by region, in the regions' order, named in the
 * operator's language (codes alone in English). */
static int
print_regions(struct imp *im)
{
	sqlite3_stmt	*st;
	const char	*code, *name;
	size_t		 i;
	int		 rc;

	if (sqlite3_prepare_v2(im->db, im->lang == OPLANG_KK ?
	    "SELECT code, name_kk FROM main.regions ORDER BY sort" :
	    "SELECT code, name_ru FROM main.regions ORDER BY sort", -1, &st,
	    NULL) != SQLITE_OK)
		return db_err(im->db, "summarizing");
	printf("%s\n", msg(im->lang, M_BY_REGION));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		code = (const char *)sqlite3_column_text(st, 0);
		name = (const char *)sqlite3_column_text(st, 1);
		for (i = 0; code != NULL && i < im->nregions; i++) {
			if (strcmp(im->regions[i].key, code) != 0)
				continue;
			print_count(im->regions[i].n, code,
			    im->lang == OPLANG_EN ? NULL : name);
			im->regions[i].shown = 1;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_err(im->db, "summarizing");
	/* (A staged region is a code of the list: none is left.) */
	for (i = 0; i < im->nregions; i++)
		if (!im->regions[i].shown)
			print_count(im->regions[i].n, im->regions[i].key,
			    NULL);
	return 0;
}

/* Most first, then by the bytes of the key. */
static int
tally_cmp(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* What an import does, counted before it is done. */
struct counts {
	sqlite3_int64	 records;	/* in the files */
	sqlite3_int64	 added, changed, unchanged, renumbered, removed;
	sqlite3_int64	 before;	/* the submission's records before */
	sqlite3_int64	 known;		/* it was imported before */
	sqlite3_int64	 late;		/* events before the quarter */
	sqlite3_int64	 ninc, nins;	/* in the registry before */
};

/*
 * The summary on stdout, in the operator's language: the submission and
 * what happens to it, then its records by region and by category
 * (Form 1) or harm and disability (Form 2), and the registry's totals
 * as they are after the import (for a dry run, as they would be).
 */
static int
summary(struct imp *im, const struct counts *c)
{
	enum oplang	 l = im->lang;
	sqlite3_int64	 ninc = c->ninc, nins = c->nins, *mine;
	size_t		 i;

	if (im->o->dry_run)
		fputs(msg(l, M_DRY_RUN), stdout);
	printf(msg(l, M_SUM_HEAD), msg(l, im->form == FORM_INCIDENTS ?
	    M_FORM_INCIDENTS : M_FORM_INSURANCE), im->o->quarter, im->source,
	    (long)c->records, noun(l, N_RECORD, c->records));
	printf(msg(l, M_SUM_COUNTS), (long)c->added, (long)c->changed,
	    (long)c->unchanged);
	if (c->renumbered > 0)
		printf(msg(l, M_SUM_RENUM), (long)c->renumbered);
	printf(msg(l, M_SUM_REMOVED), (long)c->removed);
	putchar('\n');
	if (c->known && c->added + c->changed + c->removed == 0)
		printf("%s\n", msg(l, M_UNCHANGED));
	else if (c->records > 0 && c->late == c->records) {
		printf(msg(l, M_LATE), im->o->quarter);
		putchar('\n');
	}
	/* Counted as staged: grouping the staged refs twice took 0.12 s
	 * of the bench's 200 000 rows. */
	if (print_regions(im) == -1)
		return -1;
	printf("%s\n", msg(l, im->form == FORM_INCIDENTS ? M_BY_CATEGORY :
	    M_BY_HARM));
	if (im->nclasses > 0)
		qsort(im->classes, im->nclasses, sizeof(*im->classes),
		    tally_cmp);
	for (i = 0; i < im->nclasses; i++)
		print_count(im->classes[i].n, im->classes[i].key, NULL);
	mine = im->form == FORM_INCIDENTS ? &ninc : &nins;
	*mine += c->added - c->removed;
	printf(msg(l, M_IN_DB_IMPORT), (long long)ninc,
	    noun(l, N_INCIDENT, ninc), (long long)nins,
	    noun(l, N_INSURANCE, nins));
	putchar('\n');
	return 0;
}

/*
 * Phase 2: match, check across quarters and submissions, then (unless
 * there is a problem, a dry run or nothing changes) replace the
 * submission, in one transaction.  Returns 0, 1 (refused: problems
 * printed) or -1.
 */
static int
merge(struct imp *im)
{
	struct buf	 b = { 0 };
	struct counts	 c;
	const char	*t = rules_table(im->form);
	int		 write = !im->o->dry_run && im->nproblems == 0;
	long		 max = im->o->max_removal;

	memset(&c, 0, sizeof(c));
	if (db_exec(im->db, write ? "BEGIN IMMEDIATE" : "BEGIN") == -1) {
		if ((sqlite3_errcode(im->db) & 0xff) == SQLITE_BUSY)
			db_err(im->db, "starting the import");
		return -1;
	}
	if (match(im) == -1)
		goto fail;
	trace("import: matched");
	if (im->nproblems > 0) {
		if (print_problems(im) == -1)
			goto fail;
		db_exec(im->db, "ROLLBACK");
		return 1;
	}
	/* The staged rows counted in one pass. */
	if (run_n(im, "SELECT count(*), count(*) - count(id), "
	    "sum(id IS NOT NULL AND NOT same), sum(same), "
	    "sum(id IS NOT NULL AND public_no IS NULL), sum(quarter < ?2) "
	    "FROM temp.refs", (sqlite3_int64 *[]){ &c.records, &c.added,
	    &c.changed, &c.unchanged, &c.renumbered, &c.late }, 6) == -1 ||
	    run(im, "SELECT count(*) FROM main.incidents", &c.ninc) == -1 ||
	    run(im, "SELECT count(*) FROM main.insurance_cases",
	    &c.nins) == -1 ||
	    run(im, "SELECT count(*) FROM main.submissions WHERE form = ?3 "
	    "AND source = ?1 AND reported_quarter = ?2", &c.known) == -1)
		goto fail;
	buf_printf(&b, "SELECT count(*) FROM main.%s WHERE source = ?1 AND "
	    "reported_quarter = ?2", t);
	if (runb(im, &b, &c.before) == -1)
		goto fail;
	c.removed = c.before - c.changed - c.unchanged;

	/* A truncated export must not wipe a submission. */
	if (c.removed > 0 && !im->o->allow_removal &&
	    c.removed * 100 > (sqlite3_int64)max * c.before) {
		fprintf(stderr, msg(im->lang, M_REMOVAL), (long)c.removed,
		    (long)c.before, max);
		fprintf(stderr, "\n%s\n", msg(im->lang, M_NOTHING_IMPORTED));
		db_exec(im->db, "ROLLBACK");
		buf_free(&b);
		return 1;
	}
	if (c.known && c.added + c.changed + c.removed == 0)
		write = 0;	/* unchanged: nothing to write */
	if (number(im) == -1)
		goto fail;
	trace("import: counted and numbered");
	if (write && apply(im, (long)c.records, c.added >
	    (im->form == FORM_INCIDENTS ? c.ninc : c.nins)) == -1)
		goto fail;
	trace("import: applied");
	if (!write) {
		if (summary(im, &c) == -1)
			goto fail;
		if (db_exec(im->db, "ROLLBACK") == -1)
			goto fail;
	} else {
		/* The summary once the import is in: a commit that fails
		 * (a full disk) must not follow a report of success. */
		if (sqlite3_exec(im->db, "COMMIT", NULL, NULL, NULL) !=
		    SQLITE_OK) {
			db_err(im->db, "committing the import");
			goto fail;
		}
		if (summary(im, &c) == -1)
			rs_warn("the import is in the database; its summary "
			    "could not be printed");
	}
	trace("import: summarized and committed");
	buf_free(&b);
	return 0;
fail:
	buf_free(&b);
	sqlite3_exec(im->db, "ROLLBACK", NULL, NULL, NULL);
	rs_err("%s; %s", rs_errmsg(), msg(im->lang, M_NOTHING_IMPORTED));
	return -1;
}

/* Refuse a quarter before the registry began or not yet begun. */
static int
check_quarter(const char *quarter)
{
	time_t		 t;
	struct tm	 tm;
	char		 now[32];
	int		 y, q;

	if (quarter_parse(quarter, &y, &q) == -1)
		return rs_err("--quarter: expected YYYYQn (e.g. 2025Q1), "
		    "not '%s'", quarter);
	if (strcmp(quarter, "2024Q4") < 0)
		return rs_err("--quarter %s: the registry began on "
		    "2024-10-23, in 2024Q4", quarter);
	t = time(NULL) + 5 * 3600;
	gmtime_r(&t, &tm);
	snprintf(now, sizeof(now), "%04dQ%d", tm.tm_year + 1900,
	    tm.tm_mon / 3 + 1);
	if (strcmp(quarter, now) > 0)
		return rs_err("--quarter %s has not begun yet", quarter);
	return 0;
}

/*
 * Check --source: 1 to RULES_REF_MAX bytes of UTF-8 without control
 * characters and without white space around it.
 */
int
import_check_source(const char *src)
{
	size_t	 i, n;

	if (src == NULL)
		return rs_err("--source NAME is required: the submitter, "
		    "so that its quarters are matched");
	for (i = 0; src[i] != '\0'; i++)
		if ((unsigned char)src[i] < 0x20 || src[i] == 0x7f)
			break;
	n = i;
	if (n == 0 || n > RULES_REF_MAX || src[n] != '\0' ||
	    !utf8_valid(src, n) || src[0] == ' ' || src[n - 1] == ' ')
		return rs_err("--source: expected a name of 1 to %d bytes of "
		    "UTF-8 without control characters or surrounding "
		    "spaces", RULES_REF_MAX);
	return 0;
}

int
import_db(sqlite3 *db, const struct import_opts *o)
{
	struct imp	 im;
	struct buf	 b = { 0 };
	size_t		 i;
	int		 rc = -1;

	memset(&im, 0, sizeof(im));
	im.db = db;
	im.o = o;
	im.lang = o->lang;
	im.form = o->form;
	im.ncols = rules_ncols(o->form);
	im.c_when = rules_colfind(o->form, "occurred_at", 11);
	im.c_region = rules_colfind(o->form, "region", 6);
	im.c_dx = rules_colfind(o->form, "diagnosis_icd10", 15);
	if (o->form == FORM_INCIDENTS) {
		im.c_class = rules_colfind(o->form, "category", 8);
		im.c_disab = -1;
	} else {
		im.c_class = rules_colfind(o->form, "harm", 4);
		im.c_disab = rules_colfind(o->form, "disability", 10);
	}
	im.refcol = xcalloc((size_t)o->nfiles, sizeof(*im.refcol));
	sha256_init(&im.sha);

	if (check_quarter(o->quarter) == -1 ||
	    import_check_source(o->source) == -1)
		goto out;
	im.source = xstrdup(o->source);
	if ((im.rules = rules_new(db, o->lang)) == NULL ||
	    prepare(&im) == -1)
		goto out;

	/* Phase 1: read, check and stage every file. */
	trace("import: started");
	if (db_exec(db, "BEGIN") == -1)
		goto out;
	if (o->jobs == 1) {
		/* In this process (the fuzzer: libFuzzer sees its paths). */
		for (i = 0; i < (size_t)o->nfiles; i++)
			if (read_file(&im, i) == -1) {
				sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
				goto out;
			}
		sha256_digest(&im.sha, sizeof(im.digest), im.digest);
	} else if (read_files(&im) == -1) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		goto out;
	}
	if (db_exec(db, "COMMIT") == -1)
		goto out;
	trace("import: read, checked and staged");
	hmac_sha256_set_key(&im.order, sizeof(im.digest), im.digest);
	if (sqlite3_create_function(db, "regsite_order", 1, SQLITE_UTF8,
	    &im, sql_order, NULL, NULL) != SQLITE_OK) {
		db_err(db, "preparing the import");
		goto out;
	}

	/*
	 * Phase 2, the foreign keys off: every code was checked against
	 * the code lists by rules.c (0.2 s of the bench's 200 000 rows to
	 * look each up again), and regsite build checks the keys before
	 * anything is published (validate_quick).  The pragma does
	 * nothing inside a transaction, so it brackets merge's.
	 */
	if (db_exec(db, "PRAGMA foreign_keys = OFF") == -1)
		goto out;
	rc = merge(&im);
	if (db_exec(db, "PRAGMA foreign_keys = ON") == -1)
		rc = -1;
	sqlite3_create_function(db, "regsite_order", 1, SQLITE_UTF8, NULL,
	    NULL, NULL, NULL);
out:
	sqlite3_finalize(im.st_ref);
	sqlite3_finalize(im.st_row);
	sqlite3_finalize(im.st_first);
	sqlite3_finalize(im.st_problem);
	/* The temporary tables stay: they go with the connection (import_run
	 * closes it; dropping the staged rows took 0.18 s of the bench's
	 * 200 000-row import), or the next import_db drops them. */
	rules_free(im.rules);
	tally_free(im.regions, im.nregions);
	tally_free(im.classes, im.nclasses);
	buf_free(&im.wbuf);
	buf_free(&im.row);
	buf_free(&b);
	free(im.refcol);
	free(im.source);
	return rc;
}

int
import_run(const struct import_opts *o)
{
	sqlite3		*db;
	FILE		*f;
	struct stat	 st;
	char		*p;
	int		 rc, made = 0;

	if (o->dry_run) {
		/* Write nothing: not even a new database file. */
		if ((f = fopen(o->db, "rb")) != NULL) {
			fclose(f);
			if (db_open_read(&db, o->db) == -1)
				return -1;
			if (db_exec(db, "COMMIT") == -1) {
				db_close(db);
				return -1;
			}
		} else if (db_open_write(&db, ":memory:", 1) == -1)
			return -1;
	} else {
		made = stat(o->db, &st) == -1 && errno == ENOENT;
		if (db_open_write(&db, o->db, 1) == -1)
			return -1;
	}
	db_exec(db, "PRAGMA cache_size = -32768");
	rc = import_db(db, o);
	db_close(db);
	/* A refused import into a registry it created leaves none: a
	 * mistyped --db is no new empty registry. */
	if (rc != 0 && made) {
		unlink(o->db);
		p = xasprintf("%s-wal", o->db);
		unlink(p);
		free(p);
		p = xasprintf("%s-shm", o->db);
		unlink(p);
		free(p);
	}
	trace("import: closed");
	return rc;
}
