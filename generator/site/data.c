/*
 * data.c -- the open data: the published records of every quarter and
 * of all quarters, per form, in every download format:
 *
 *	data/2025-q1/incidents.csv.gz    machine file: English snake_case
 *	                                 header, codes, texts kk and ru
 *	data/2025-q1/incidents-kk.csv    Kazakh header, labels and texts
 *	data/2025-q1/incidents-kk.json.gz  metadata block + records
 *	data/2025-q1/incidents-ru.csv    Russian
 *	data/2025-q1/incidents-ru.json.gz
 *	data/all/incidents.csv.gz        all quarters: the machine CSV
 *	data/all/incidents-kk.xlsx       and a workbook per language:
 *	                                 notes, a sheet per quarter
 *	data/SHA256SUMS
 *
 * No byte is written twice without a reason.  The language CSVs are
 * for spreadsheets, which do not open gzip, so they are plain; the
 * files for programs (the machine CSV, the JSON) are compressed, and
 * all quarters' machine file is its quarters' compressed rows again
 * (all_machine).  The pages and the language CSVs carry each text plainly.
 *
 * This is the driver: it opens a file per format and language, feeds
 * each format the records from one pass over them, and writes what the
 * formats produce as it comes, with the file's SHA-256 and size
 * computed on the way.  The list of files it wrote (b->downloads) gives
 * the pages their download links.
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <nettle/sha2.h>
#include <libdeflate.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/config.h"
#include "lib/worker.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/mustache.h"
#include "render/catalog.h"
#include "site/output.h"
#include "site/site.h"
#include "site/build.h"
#include "site/url.h"
#include "site/page.h"
#include "site/download.h"
#include "site/reuse.h"

/* The formats, in the order of their files in a set. */
static const struct dl_format *const formats[] = { &dl_csv, &dl_json,
    &dl_xlsx };
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))
/* The files of a set: per format, the machine file and each language. */
#define NFILES (NFORMATS * (LANG__MAX + 1))

/*
 * The compressed files are gzip files of several members (RFC 1952,
 * 2.2: gzip, zcat, Python, R and Node read them as one): a member
 * for the header, then one for about each GZ_MEMBER bytes of rows,
 * cut at a row's end.  libdeflate compresses a member from memory;
 * level 4, not 6: on a quarter's machine CSV (35.7 MB), 6.43 MB in
 * 0.22 s against 5.99 MB in 0.42 s (zlib's level 1: 10.3 MB in 0.28
 * s); the whole build's files 0.9% larger for 3 s less CPU at 100 000
 * incidents.  A quarter's machine file and all quarters' share
 * their row members: all quarters' is its header member, then each
 * quarter's row members, copied, not compressed again.
 */
#define GZ_MEMBER	(1024 * 1024)
#define GZ_LEVEL	4
/* Bytes read back at a time. */
#define ZCHUNK		65536

/* A file being written: the format's state, its hash and size. */
struct dl_file {
	char		*prev;		/* the target's prev (owned) */
	struct download	*d;
	void		*state;
	FILE		*f;
	struct sha256_ctx sha;
	struct buf	 out;		/* what the format appended */
	int		 gz;		/* gzip members, or as it comes */
	/* The last site's file at this path, for its members (last_open). */
	int		 last_fd;	/* open: has_last */
	int		 has_last;
	unsigned long long last_off, last_size;
};

/* The compressor and its output (one per process: a worker forks). */
static struct libdeflate_compressor *deflater;
static unsigned char *zout;
static size_t	 zcap;
/* The last file's members read back (last_member), inflated. */
static struct libdeflate_decompressor *inflater;
static unsigned char *lin, *lout;
static size_t	 lincap, loutcap;
/* Row members of the changed quarters' files: copied, and in all. */
static size_t	 members_copied, members_all;

static void	 target_flush(void *);

/*
 * A download being written, its file and its format (the entry is the
 * caller's to list); 0, or -1 and rs_err with nothing left to free.
 */
static int
file_open(struct build *b, struct dl_file *df, const struct dl_format *fmt,
    enum form f, const char *quarter, int lang)
{
	struct download	*d;
	struct dl_target t;

	d = xcalloc(1, sizeof(*d));
	df->gz = lang < 0 || fmt->gz;
	d->path = url_download(quarter, f, lang, fmt->ext, df->gz);
	snprintf(d->quarter, sizeof(d->quarter), "%s", quarter ? quarter :
	    "");
	d->form = f;
	d->lang = lang;
	d->fmt = fmt;
	df->d = d;
	sha256_init(&df->sha);
	if (df->gz && deflater == NULL &&
	    (deflater = libdeflate_alloc_compressor(GZ_LEVEL)) == NULL) {
		rs_err("%s: cannot start compressing: out of memory",
		    d->path);
		goto fail;
	}
	if ((df->f = site_fopen(b->site, d->path)) == NULL)
		goto fail;
	t.b = b;
	t.form = f;
	t.quarter = quarter;
	t.lang = lang;
	t.flush = target_flush;
	t.flush_arg = df;
	t.prev = df->prev;
	df->state = fmt->open(&t, &df->out);
	return 0;
fail:
	free(d->path);
	free(d);
	df->d = NULL;
	return -1;
}

/* List a download (b->downloads): the pages link it, SHA256SUMS sums it. */
static void
file_list(struct build *b, struct dl_file *df)
{
	struct downloads *dl = &b->downloads;

	dl->v = xreallocarray(dl->v, dl->n + 1, sizeof(*dl->v));
	dl->v[dl->n++] = df->d;
}

/* Write bytes to the file; hash and count them. */
static void
file_put(struct dl_file *df, const void *data, size_t len)
{
	fwrite(data, 1, len, df->f);
	sha256_update(&df->sha, len, data);
	df->d->bytes += len;
}

static int	 last_member(struct dl_file *);

/* What the format appended, as a gzip member. */
static void
file_member(struct dl_file *df)
{
	size_t	 len;

	if (df->out.len == 0)
		return;
	if (df->has_last) {
		members_all++;
		if (last_member(df)) {
			members_copied++;
			buf_reset(&df->out);
			return;
		}
	}
	len = libdeflate_gzip_compress_bound(deflater, df->out.len);
	if (len > zcap) {
		zout = xrealloc(zout, len);
		zcap = len;
	}
	/* Cannot fail: zout holds the bound. */
	len = libdeflate_gzip_compress(deflater, df->out.data, df->out.len,
	    zout, zcap);
	file_put(df, zout, len);
	buf_reset(&df->out);
}

/*
 * A changed quarter's compressed file, as the last site's at its path
 * (the same frame: the same program and compressor) begins: a quarter
 * that late records join has the same rows as before up to them, cut
 * into the same members.  Each row member is compared with the last
 * file's member at the same place, inflated (it must give exactly
 * these bytes, its trailer their CRC-32 and size); an equal one is
 * copied, not compressed again: the bytes compressing would give.
 * The last file is read from its header's end (the map's), member by
 * member; one that cannot be read or inflated within this member's
 * size ends the comparing (the rest is compressed).
 */
static void
last_open(struct build *b, struct dl_file *df)
{
	const struct pment *e;
	struct stat	 st;
	char		*path;
	int		 fd;

	if (!df->gz || b->dm == NULL ||
	    (e = pagemap_prev(b->dm, df->d->path)) == NULL ||
	    e->n[1] >= e->n[0])
		return;
	path = xasprintf("%s/%s", pagemap_prevdir(b->dm), e->path);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd == -1)
		return;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size != e->n[0] ||
	    (inflater == NULL &&
	    (inflater = libdeflate_alloc_decompressor()) == NULL)) {
		close(fd);
		return;
	}
	df->last_fd = fd;
	df->has_last = 1;
	df->last_off = e->n[1];
	df->last_size = e->n[0];
}

static void
last_close(struct dl_file *df)
{
	if (df->has_last)
		close(df->last_fd);
	df->has_last = 0;
}

/* The last file's next member, if it holds df->out's bytes: copied
 * onto the file (1); else 0 (compress it). */
static int
last_member(struct dl_file *df)
{
	enum libdeflate_result r;
	size_t		 len = df->out.len, want, got = 0, in_used, out_used,
			 m;
	ssize_t		 n;
	int		 same;

	want = libdeflate_gzip_compress_bound(deflater, len);
	if (want > df->last_size - df->last_off)
		want = (size_t)(df->last_size - df->last_off);
	if (want < 18)
		goto stop;
	if (want > lincap) {
		lin = xrealloc(lin, want);
		lincap = want;
	}
	if (len > loutcap) {
		lout = xrealloc(lout, len);
		loutcap = len;
	}
	while (got < want) {
		n = pread(df->last_fd, lin + got, want - got,
		    (off_t)(df->last_off + got));
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			goto stop;
		got += (size_t)n;
	}
	/* libdeflate's member header: no name, no time, no extra. */
	if (lin[0] != 0x1f || lin[1] != 0x8b || lin[2] != 8 || lin[3] != 0)
		goto stop;
	r = libdeflate_deflate_decompress_ex(inflater, lin + 10, want - 10,
	    lout, len, &in_used, &out_used);
	if (r != LIBDEFLATE_SUCCESS || (m = 10 + in_used + 8) > want)
		goto stop;
	df->last_off += m;
	same = out_used == len && memcmp(lout, df->out.data, len) == 0 &&
	    le32_get(lin + 10 + in_used + 4) == (uint32_t)len &&
	    le32_get(lin + 10 + in_used) ==
	    libdeflate_crc32(0, df->out.data, len);
	if (same)
		file_put(df, lin, m);
	return same;
stop:
	last_close(df);
	return 0;
}

/* Write what the format appended; hash and count it. */
static void
file_flush(struct dl_file *df)
{
	/* A format may append nothing (a workbook, until its close). */
	if (df->out.len == 0)
		return;
	if (!df->gz)
		file_put(df, df->out.data, df->out.len);
	else if (df->out.len >= GZ_MEMBER)
		file_member(df);
	else
		return;		/* rows gather into a member */
	buf_reset(&df->out);
}

static void
target_flush(void *arg)
{
	file_flush(arg);
}

/* The trailer, the digest; close and check the file. */
static int
file_close(struct build *b, struct dl_file *df, long rows)
{
	uint8_t	 dg[SHA256_DIGEST_SIZE];
	int	 rc;

	if (df->state != NULL) {
		if (df->d->fmt->close(df->state) == -1) {
			char	*why = xstrdup(rs_errmsg());

			buf_free(&df->out);
			site_fclose(b->site, df->f, df->d->path);
			rs_err("%s: %s", df->d->path, why);
			free(why);
			return -1;
		}
		df->state = NULL;
		file_flush(df);
	}
	if (df->gz)
		file_member(df);
	last_close(df);
	sha256_digest(&df->sha, sizeof(dg), dg);
	hex_encode(dg, sizeof(dg), df->d->sha);
	df->d->rows = rows;
	rc = site_fclose(b->site, df->f, df->d->path);
	df->f = NULL;
	buf_free(&df->out);
	return rc;
}

/* Start a file: its header, alone in its first member when compressed. */
static void
file_header(struct dl_file *df)
{
	df->d->fmt->header(df->state);
	if (df->gz)
		file_member(df);
	else
		file_flush(df);
	df->d->head = df->d->bytes;
}

/*
 * Is format k in language l (-1: the machine file) one of the files of
 * a quarter's set, or (quarter NULL) of all quarters' (the workbooks, a
 * sheet per quarter; all quarters' machine file is the quarters')?
 */
static int
in_set(size_t k, int l, const char *quarter)
{
	if (l < 0 && !formats[k]->machine)
		return 0;
	return quarter != NULL ? !formats[k]->all_only : formats[k]->all_only;
}

/* Does the file being written begin as the last site's (its header)? */
static int
same_head(struct build *b, struct dl_file *df, const struct pment *e)
{
	struct buf	 old = { 0 }, now = { 0 };
	int		 same;

	if (df->d->head != e->n[1] || fflush(df->f) != 0)
		return 0;
	same = pagemap_read(b->dm, e, 0, e->n[1], &old) == 0 &&
	    site_read(b->site, df->d->path, e->n[1], &now) == 0 &&
	    old.len == now.len && memcmp(old.data, now.data, old.len) == 0;
	buf_free(&old);
	buf_free(&now);
	return same;
}


/*
 * A quarter's files as the last build wrote them, from the same rows
 * (the same digest) and frame: each file's header made anew (a JSON
 * file's names the release and its date), its rows copied from the
 * last site's file, or the whole file linked where the header is the
 * same.  1 done, 0 when the last site lacks a file (nothing written),
 * -1 and rs_err.
 */
static int
set_reuse(struct build *b, enum form f, const char *quarter)
{
	const struct pment *e[NFILES];
	struct dl_file	 df;
	unsigned char	 chunk[ZCHUNK];
	char		*path;
	FILE		*in;
	size_t		 nf = 0, i, k, got;
	int		 l, rc;

	for (l = -1; l < LANG__MAX; l++)
		for (k = 0; k < NFORMATS; k++) {
			if (!in_set(k, l, quarter))
				continue;
			path = url_download(quarter, f, l, formats[k]->ext,
			    l < 0 || formats[k]->gz);
			e[nf] = pagemap_prev(b->dm, path);
			free(path);
			if (e[nf] == NULL || !pagemap_summed(b->dm, e[nf]))
				return 0;
			nf++;
		}
	i = 0;
	for (l = -1; l < LANG__MAX; l++)
		for (k = 0; k < NFORMATS; k++) {
			if (!in_set(k, l, quarter))
				continue;
			memset(&df, 0, sizeof(df));
			if (file_open(b, &df, formats[k], f, quarter, l) == -1)
				return -1;
			file_list(b, &df);
			file_header(&df);
			/* The format's state, its trailer unwritten (the
			 * last file's rows end with it). */
			(void)df.d->fmt->close(df.state);
			df.state = NULL;
			buf_reset(&df.out);
			if (same_head(b, &df, e[i])) {
				fclose(df.f);
				path = xasprintf("%s/%s", site_tmpdir(b->site),
				    df.d->path);
				rc = unlink(path);
				free(path);
				buf_free(&df.out);
				if (rc == -1 || site_link(b->site, df.d->path)
				    == -1)
					return rs_err("%s: cannot link the last "
					    "site's file", df.d->path);
				df.d->bytes = e[i]->n[0];
				df.d->rows = (long)e[i]->n[2];
				snprintf(df.d->sha, sizeof(df.d->sha), "%s",
				    e[i]->sha);
				i++;
				continue;
			}
			path = xasprintf("%s/%s", pagemap_prevdir(b->dm),
			    e[i]->path);
			in = fopen(path, "rb");
			rc = in == NULL || fseek(in, (long)e[i]->n[1],
			    SEEK_SET) == -1 ? -1 : 0;
			while (rc == 0 && (got = fread(chunk, 1, sizeof(chunk),
			    in)) > 0)
				file_put(&df, chunk, got);
			if (rc == 0 && ferror(in))
				rc = -1;
			if (in != NULL)
				fclose(in);
			if (rc == -1) {
				rs_err("%s: cannot read the last site's file",
				    path);
				free(path);
				buf_free(&df.out);
				site_fclose(b->site, df.f, df.d->path);
				return -1;
			}
			free(path);
			if (file_close(b, &df, (long)e[i]->n[2]) == -1)
				return -1;
			i++;
		}
	return 1;
}

/*
 * Write every file of a form for a quarter (NULL: all quarters'
 * workbooks): the machine file first, then each language's, each in
 * format order.
 */
static size_t
quarter_index(const struct build *b, const char *quarter)
{
	size_t	 i;

	for (i = 0; i < b->nquarters; i++)
		if (strcmp(b->quarters[i], quarter) == 0)
			return i;
	return 0;
}

/*
 * The last site's file at rel, if the last build's map has it and its
 * bytes are still the ones the map summed: its path (new), or NULL.
 */
static char *
prev_file(struct build *b, const char *rel)
{
	const struct pment *e;

	if (b->dm == NULL || (e = pagemap_prev(b->dm, rel)) == NULL ||
	    !pagemap_summed(b->dm, e))
		return NULL;
	return xasprintf("%s/%s", pagemap_prevdir(b->dm), e->path);
}

/* Feed quarter's records (NULL: all quarters') to the files of a set
 * not keeping it (keep[i] 0); their count to *n.  0, or -1 and rs_err. */
static int
feed(struct build *b, enum form f, const char *quarter,
    struct dl_file *files, const int *keep, size_t nf, long *n)
{
	struct pubcur	*cur;
	const struct pubrec *r;
	size_t		 i;
	int		 step;

	if ((cur = pub_open(b->priv, f, quarter)) == NULL)
		return -1;
	while ((step = pub_next(cur, &r)) == 1) {
		for (i = 0; i < nf; i++) {
			if (keep[i])
				continue;
			files[i].d->fmt->row(files[i].state, r);
			file_flush(&files[i]);
		}
		(*n)++;
	}
	pub_close(cur);
	return step == -1 ? -1 : 0;
}

static int
write_set(struct build *b, enum form f, const char *quarter)
{
	struct dl_file	 files[NFILES];
	int		 keep[NFILES];
	size_t		 nf = 0, i, k, q, kept = 0;
	size_t		 copied = members_copied, all = members_all;
	long		 n = 0, rows;
	int		 l, from, any, rc = -1;

	memset(files, 0, sizeof(files));
	memset(keep, 0, sizeof(keep));
	/* The same rows as the last build's: its files' rows. */
	if (quarter != NULL && b->dsame != NULL &&
	    b->dsame[f * b->nquarters + quarter_index(b, quarter)] &&
	    (rc = set_reuse(b, f, quarter)) != 0)
		return rc == 1 ? 0 : -1;
	for (l = -1; l < LANG__MAX; l++)
		for (k = 0; k < NFORMATS; k++) {
			if (!in_set(k, l, quarter))
				continue;
			if (quarter == NULL && b->dsame != NULL &&
			    formats[k]->keep != NULL) {
				char	*rel = url_download(NULL, f, l,
				    formats[k]->ext, l < 0 || formats[k]->gz);

				files[nf].prev = prev_file(b, rel);
				free(rel);
			}
			if (file_open(b, &files[nf], formats[k], f, quarter,
			    l) == -1) {
				free(files[nf].prev);
				goto out;
			}
			file_list(b, &files[nf]);
			nf++;
		}
	for (i = 0; i < nf; i++)
		file_header(&files[i]);
	if (quarter != NULL)
		for (i = 0; i < nf; i++)
			last_open(b, &files[i]);
	/* The files of all quarters that have a last site's to keep from,
	 * when the quarters hold every row (else: one pass over all). */
	for (i = 0, from = 0; i < nf; i++)
		from |= files[i].prev != NULL;
	if (!from || !b->dwhole[f]) {
		if (feed(b, f, quarter, files, keep, nf, &n) == -1)
			goto out;
	} else {
		/*
		 * All quarters' files, quarter by quarter: a quarter of
		 * the last build's rows kept by the files that can (taken
		 * from the last site's), fed to the others.
		 */
		for (q = 0; q < b->nquarters; q++) {
			memset(keep, 0, sizeof(keep));
			any = 0;
			if (b->dsame[f * b->nquarters + q]) {
				rows = b->drows[f * b->nquarters + q];
				for (i = 0; i < nf; i++)
					keep[i] = files[i].prev != NULL &&
					    files[i].d->fmt->keep(
					    files[i].state, b->quarters[q],
					    rows) == 0;
				for (i = 0; i < nf; i++)
					any |= !keep[i];
				if (!any) {
					n += rows;
					kept++;
					continue;
				}
			}
			if (feed(b, f, b->quarters[q], files, keep, nf, &n) ==
			    -1)
				goto out;
		}
	}
	rc = 0;
out:
	for (i = 0; i < nf; i++)
		if (files[i].f != NULL && file_close(b, &files[i], n) == -1)
			rc = -1;
	for (i = 0; i < nf; i++)
		last_close(&files[i]);
	/* (after the close, which packs the workbooks) */
	if (rc == 0 && quarter == NULL)
		trace("form %d's workbooks: %zu of %zu quarters kept", f,
		    kept, b->nquarters);
	if (rc == 0 && members_all > all)
		trace("downloads: %s %s: %zu of %zu members kept", quarter,
		    form_dir(f), members_copied - copied, members_all - all);
	for (i = 0; i < nf; i++)
		free(files[i].prev);
	return rc;
}

/*
 * With two processes, two workers go beside this one.  One writes all
 * quarters' workbooks, the slowest files, which only the downloads page
 * lists: downloads_wait puts their entries where a one-process build
 * lists them.  The other writes its share of the quarters' files
 * (share) while this one writes the rest; its entries come back before
 * the pages, which link the quarters' files.
 */
struct dl_all {
	struct worker	*w;
	size_t		 at[FORM__MAX];	/* where each form's go */
};

static void
entry_put(struct buf *m, const struct download *d)
{
	msg_put_str(m, d->path, strlen(d->path));
	msg_put_str(m, d->quarter, strlen(d->quarter));
	msg_put_str(m, d->release, strlen(d->release));
	msg_put_int(m, d->form);
	msg_put_int(m, d->lang);
	msg_put_int(m, d->chart);
	msg_put_int(m, (long long)(intptr_t)d->fmt);	/* same program */
	msg_put_int(m, (long long)d->bytes);
	msg_put_int(m, (long long)d->head);
	msg_put_int(m, d->rows);
	msg_put_str(m, d->sha, strlen(d->sha));
}

static struct download *
entry_get(struct msgin *m)
{
	struct download	*d;
	const char	*s;
	size_t		 len;

	d = xcalloc(1, sizeof(*d));
	s = msg_get_str(m, &len);
	d->path = xstrdup(s ? s : "");
	s = msg_get_str(m, &len);
	snprintf(d->quarter, sizeof(d->quarter), "%s", s ? s : "");
	s = msg_get_str(m, &len);
	snprintf(d->release, sizeof(d->release), "%s", s ? s : "");
	d->form = (enum form)msg_get_int(m);
	d->lang = (int)msg_get_int(m);
	d->chart = (int)msg_get_int(m);
	d->fmt = (const struct dl_format *)(intptr_t)msg_get_int(m);
	d->bytes = (unsigned long long)msg_get_int(m);
	d->head = (unsigned long long)msg_get_int(m);
	d->rows = (long)msg_get_int(m);
	s = msg_get_str(m, &len);
	snprintf(d->sha, sizeof(d->sha), "%s", s ? s : "");
	return d;
}

/* The answer's end: the files and bytes the worker wrote. */
static void
answer_counts(struct build *b, struct buf *ans, size_t files0,
    unsigned long long bytes0)
{
	msg_put_int(ans, (long long)(site_files(b->site) - files0));
	msg_put_int(ans, (long long)(site_bytes(b->site) - bytes0));
}

/* The entries listed since n0, after their count. */
static void
answer_entries(struct build *b, struct buf *ans, size_t n0)
{
	size_t	 i;

	msg_put_int(ans, (long long)(b->downloads.n - n0));
	for (i = n0; i < b->downloads.n; i++)
		entry_put(ans, b->downloads.v[i]);
}

/* An answer that failed: -1 and why. */
static void
answer_error(struct buf *ans)
{
	buf_reset(ans);
	msg_put_int(ans, -1);
	msg_put_str(ans, rs_errmsg(), strlen(rs_errmsg()));
}

/*
 * The workbooks' worker.  The answer: 0 and per form its entries, or
 * -1 and the error; then the files and bytes it wrote.
 */
static int
all_sets(void *arg, const char *msg, size_t len, struct buf *ans)
{
	struct build	*b = arg;
	size_t		 files0 = site_files(b->site), n0;
	unsigned long long bytes0 = site_bytes(b->site);
	int		 f, rc = 0;

	(void)msg;
	(void)len;
	for (f = 0; f < FORM__MAX && rc == 0; f++) {
		n0 = b->downloads.n;
		if ((rc = write_set(b, f, NULL)) == -1)
			break;
		answer_entries(b, ans, n0);
	}
	if (rc == -1)
		answer_error(ans);
	answer_counts(b, ans, files0, bytes0);
	return 0;
}

/*
 * Share the quarters' files between this process and the worker: each
 * takes the next set in the order of their work, the largest first,
 * when it is done with the last one (a counter in memory the two
 * share).  A set's work: its rows, or a twentieth of them where they
 * are the last build's (copied): all of a quarter whose rows are the
 * same, those its last files had of a quarter that late records joined
 * (their members are copied; an estimate, for the order only).  The
 * sets were shared out before they began, each to the one with less
 * work so far: at 1 000 000 incidents this process then waited 9.0 s
 * for the worker (both share the cores with the workbooks' process).
 * Which process writes a set changes no byte of it.
 */
struct work {
	long long	 n;
	size_t		 k;
};

static int
work_cmp(const void *pa, const void *pb)
{
	const struct work *a = pa, *b = pb;

	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return a->k < b->k ? -1 : a->k > b->k;
}

/* The rows of a quarter's files in the last build (its machine file's
 * entry in the map), or -1. */
static long long
rows_before(struct build *b, enum form f, const char *quarter)
{
	const struct pment *e;
	char		*path;
	size_t		 k;

	if (b->dm == NULL)
		return -1;
	for (k = 0; k < NFORMATS; k++)
		if (in_set(k, -1, quarter)) {
			path = url_download(quarter, f, -1, formats[k]->ext, 1);
			e = pagemap_prev(b->dm, path);
			free(path);
			return e != NULL ? (long long)e->n[2] : -1;
		}
	return -1;
}

static int
share(struct build *b)
{
	struct work	*w;
	long long	 before;
	size_t		 i, k, nw = FORM__MAX * b->nquarters;
	void		*shared;

	if ((shared = mmap(NULL, sizeof(*b->dnext), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED)
		return rs_err("the quarters' downloads: shared memory: %s",
		    strerror(errno));
	b->dnext = shared;
	*b->dnext = 0;
	b->dorder = xreallocarray(NULL, nw + 1, sizeof(*b->dorder));
	w = xreallocarray(NULL, nw + 1, sizeof(*w));
	for (k = 0; k < nw; k++) {
		w[k].n = b->drows[k];
		if (b->dsame != NULL && b->dsame[k])
			w[k].n /= 20;
		else if ((before = rows_before(b, (enum form)(k /
		    b->nquarters), b->quarters[k % b->nquarters])) >= 0 &&
		    before <= w[k].n)
			w[k].n -= before - before / 20;
		w[k].n++;
		w[k].k = k;
	}
	qsort(w, nw, sizeof(*w), work_cmp);
	for (i = 0; i < nw; i++)
		b->dorder[i] = w[i].k;
	free(w);
	return 0;
}

/* Write the sets this process takes, until none is left; 0, or -1. */
static int
take_sets(struct build *b)
{
	size_t	 i, k, nw = FORM__MAX * b->nquarters;

	while ((i = __atomic_fetch_add(b->dnext, 1, __ATOMIC_RELAXED)) < nw) {
		k = b->dorder[i];
		if (write_set(b, (enum form)(k / b->nquarters),
		    b->quarters[k % b->nquarters]) == -1)
			return -1;
	}
	return 0;
}

/*
 * Each quarter's published rows per form (b->drows), and whether the
 * quarters hold them all (b->dwhole: a quarter whose records are all
 * gone from the registry keeps its published rows, in no quarter
 * listed).  0, or -1 and rs_err.
 */
static int
count_rows(struct build *b)
{
	long	 all, sum;
	size_t	 i, k;
	int	 f;

	b->drows = xcalloc(FORM__MAX * b->nquarters + 1, sizeof(*b->drows));
	for (f = 0; f < FORM__MAX; f++) {
		if (pub_count(b->priv, f, NULL, NULL, &all) == -1)
			return -1;
		for (i = 0, sum = 0; i < b->nquarters; i++) {
			k = f * b->nquarters + i;
			if (pub_count(b->priv, f, b->quarters[i], NULL,
			    &b->drows[k]) == -1)
				return -1;
			sum += b->drows[k];
		}
		b->dwhole[f] = sum == all;
	}
	return 0;
}

/*
 * The quarters' worker: its share of the quarters' files of each form.  The
 * answer: their entries' count and the entries, or -1 and the error;
 * then the files and bytes it wrote.
 */
static int
half_sets(void *arg, const char *msg, size_t len, struct buf *ans)
{
	struct build	*b = arg;
	size_t		 files0 = site_files(b->site), n0;
	unsigned long long bytes0 = site_bytes(b->site);
	int		 rc;

	(void)msg;
	(void)len;
	n0 = b->downloads.n;
	rc = take_sets(b);
	if (rc == 0)
		answer_entries(b, ans, n0);
	else
		answer_error(ans);
	answer_counts(b, ans, files0, bytes0);
	return 0;
}

/* An answer's end (answer_counts): count the worker's files; 0, or -1
 * and rs_err when the answer was cut short. */
static int
answer_end(struct build *b, struct msgin *m, const char *what)
{
	long long	 n;

	n = msg_get_int(m);
	site_count(b->site, (size_t)n, (unsigned long long)msg_get_int(m));
	return m->bad ? rs_err("%s: a garbled answer", what) : 0;
}

/* The quarters' worker's entries, onto the list; 0, or -1 and rs_err. */
static int
half_wait(struct build *b, struct worker *w)
{
	struct buf	 ans = { 0 };
	struct msgin	 m;
	struct downloads *dl = &b->downloads;
	const char	*err;
	size_t		 len;
	long long	 n, k;
	int		 rc = 0;

	if (worker_recv(w, &ans) == -1) {
		worker_stop(w, 0);
		return -1;
	}
	m.p = ans.data;
	m.left = ans.len;
	m.bad = 0;
	if ((n = msg_get_int(&m)) < 0) {
		err = msg_get_str(&m, &len);
		rc = rs_err("%s", err ? err : "the quarters' downloads failed");
	} else {
		dl->v = xreallocarray(dl->v, dl->n + (size_t)n + 1,
		    sizeof(*dl->v));
		for (k = 0; k < n; k++)
			dl->v[dl->n++] = entry_get(&m);
		rc = answer_end(b, &m, "the quarters' downloads");
	}
	buf_free(&ans);
	if (worker_stop(w, rc == 0) == -1)
		rc = -1;
	return rc;
}

/*
 * A form's all-quarters machine file: its header's member, then each
 * quarter's machine file after its header's member (the same bytes:
 * the same header, compressed alike), read back from the new tree.
 */
static int
all_machine(struct build *b, enum form f)
{
	const struct downloads *dl = &b->downloads;
	const struct download *q;
	struct dl_file	 all;
	unsigned char	 chunk[ZCHUNK];
	char		*path;
	FILE		*in;
	size_t		 i, got;
	long		 total = 0;
	int		 rc = 0;

	memset(&all, 0, sizeof(all));
	if (file_open(b, &all, &dl_csv, f, NULL, -1) == -1)
		return -1;
	file_header(&all);
	/* The list holds the quarters' files in quarter order. */
	for (i = 0; i < dl->n && rc == 0; i++) {
		q = dl->v[i];
		if (q->form != f || q->lang != -1 || q->quarter[0] == '\0' ||
		    q->release[0] != '\0' || q->chart || q->fmt != &dl_csv)
			continue;
		if (q->head != all.d->head) {
			rc = rs_err("%s: a header unlike all quarters' one",
			    q->path);
			break;
		}
		path = xasprintf("%s/%s", site_tmpdir(b->site), q->path);
		if ((in = fopen(path, "rb")) == NULL ||
		    fseek(in, (long)q->head, SEEK_SET) == -1) {
			rc = rs_err("%s: cannot read back: %s", q->path,
			    strerror(errno));
		} else {
			while ((got = fread(chunk, 1, sizeof(chunk), in)) > 0)
				file_put(&all, chunk, got);
			if (ferror(in))
				rc = rs_err("%s: cannot read back: %s",
				    q->path, strerror(errno));
		}
		if (in != NULL)
			fclose(in);
		free(path);
		total += q->rows;
	}
	file_list(b, &all);
	if (file_close(b, &all, total) == -1)
		rc = -1;
	return rc;
}

/* The downloads' order: by form, each quarter's set in quarter order,
 * then all quarters' files; as they were listed within that. */
struct ranked {
	struct download	*d;
	size_t		 seq;
};

static int
rank_cmp(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	int		 c;

	if (a->d->form != b->d->form)
		return a->d->form < b->d->form ? -1 : 1;
	if ((a->d->quarter[0] == '\0') != (b->d->quarter[0] == '\0'))
		return a->d->quarter[0] == '\0' ? 1 : -1;
	if ((c = strcmp(a->d->quarter, b->d->quarter)) != 0)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void
rank(struct downloads *dl)
{
	struct ranked	*r;
	size_t		 i;

	r = xreallocarray(NULL, dl->n + 1, sizeof(*r));
	for (i = 0; i < dl->n; i++) {
		r[i].d = dl->v[i];
		r[i].seq = i;
	}
	qsort(r, dl->n, sizeof(*r), rank_cmp);
	for (i = 0; i < dl->n; i++)
		dl->v[i] = r[i].d;
	free(r);
}

/* Start a worker on its message; NULL and rs_err. */
static struct worker *
start(struct build *b, const char *what,
    int (*fn)(void *, const char *, size_t, struct buf *))
{
	struct worker	*w;
	struct buf	 go = { 0 };

	if ((w = worker_start(what, fn, b)) == NULL)
		return NULL;
	BUF_LIT(&go, "go");
	if (worker_send(w, &go) == -1) {
		worker_stop(w, 0);
		w = NULL;
	}
	buf_free(&go);
	return w;
}

int
downloads_write(struct build *b)
{
	struct dl_all	*all = NULL;
	struct worker	*half = NULL;
	size_t		 i, n0 = b->downloads.n;
	int		 f;

	/* The last build's map of the quarters' files: which quarters'
	 * rows are the same (decided here, before the workers start). */
	if (b->frame[0]) {
		char	*prev = b->maps_ok ? site_aside(b->site,
		    ".regsite-map-data", 0) : NULL;

		b->dm = pagemap_open(site_outdir(b->site), prev,
		    ".regsite-map-data", b->frame);
		free(prev);
		b->dsame = xcalloc(FORM__MAX * (b->nquarters + 1),
		    sizeof(*b->dsame));
		for (f = 0; f < FORM__MAX; f++)
			for (i = 0; i < b->nquarters; i++)
				b->dsame[f * b->nquarters + i] =
				    pagemap_same(b->dm, f, b->quarters[i],
				    pub_digest(b->priv, f, b->quarters[i]));
	}
	if (count_rows(b) == -1)
		return -1;
	if (b->jobs > 1) {
		if (share(b) == -1)
			return -1;
		all = xcalloc(1, sizeof(*all));
		if ((all->w = start(b, "the all-quarters workbooks",
		    all_sets)) == NULL) {
			free(all);
			return -1;
		}
		b->dl_all = all;
		if ((half = start(b, "the quarters' downloads",
		    half_sets)) == NULL)
			return -1;
	}
	/* The releases compared and the statistics' tables counted while
	 * the workers write (the release files come last, below). */
	if (build_releases(b) == -1 || stats_prepare(b) == -1) {
		if (half != NULL)
			worker_stop(half, 0);
		return -1;
	}
	trace("downloads: releases compared, statistics counted");
	if (half != NULL) {
		if (take_sets(b) == -1) {
			worker_stop(half, 0);
			return -1;
		}
	} else
		for (f = 0; f < FORM__MAX; f++)
			for (i = 0; i < b->nquarters; i++)
				if (write_set(b, f, b->quarters[i]) == -1)
					return -1;
	trace("downloads: this process's quarters");
	if (half != NULL && half_wait(b, half) == -1)
		return -1;
	trace("downloads: the other process's quarters");
	/* Nothing is listed before the downloads. */
	if (n0 != 0)
		return rs_err("downloads listed before the quarters' files");
	rank(&b->downloads);
	for (f = 0; f < FORM__MAX; f++) {
		if (all_machine(b, f) == -1)
			return -1;
		if (all == NULL && write_set(b, f, NULL) == -1)
			return -1;
	}
	rank(&b->downloads);
	trace("downloads: all quarters' machine files");
	if (all != NULL)
		for (f = 0, i = 0; f < FORM__MAX; f++) {
			while (i < b->downloads.n &&
			    b->downloads.v[i]->form <= (enum form)f)
				i++;
			all->at[f] = i;
		}
	if (releases_downloads(b) == -1)
		return -1;
	return 0;
}

/*
 * This build's map of the quarters' files (after downloads_wait): each
 * one's size, header, rows and digest, for the next build.
 */
int
downloads_map(struct build *b)
{
	const struct download *d;
	size_t		 i;
	int		 rc;

	if (b->dm == NULL)
		return 0;
	for (i = 0; i < b->downloads.n; i++) {
		d = b->downloads.v[i];
		if (!d->chart && !d->release[0] && (d->quarter[0] ||
		    (d->fmt != NULL && d->fmt->keep != NULL)))
			pagemap_add(b->dm, d->path, d->bytes, d->head,
			    (unsigned long long)d->rows, d->sha);
	}
	rc = pagemap_write(b->dm, b->site);
	pagemap_free(b->dm);
	b->dm = NULL;
	return rc;
}

/* Splice n entries into dl at position at. */
static void
splice(struct downloads *dl, size_t at, struct download **v, size_t n)
{
	dl->v = xreallocarray(dl->v, dl->n + n, sizeof(*dl->v));
	memmove(dl->v + at + n, dl->v + at, (dl->n - at) * sizeof(*dl->v));
	memcpy(dl->v + at, v, n * sizeof(*v));
	dl->n += n;
}

int
downloads_wait(struct build *b, int ok)
{
	struct dl_all	*all = b->dl_all;
	struct buf	 ans = { 0 };
	struct msgin	 m;
	struct download	**v = NULL;
	const char	*err;
	size_t		 len, shift = 0, k;
	long long	 n;
	int		 f, rc = 0;

	if (all == NULL)
		return 0;
	b->dl_all = NULL;
	if (!ok || worker_recv(all->w, &ans) == -1) {
		worker_stop(all->w, 0);
		free(all);
		buf_free(&ans);
		return ok ? -1 : 0;
	}
	m.p = ans.data;
	m.left = ans.len;
	m.bad = 0;
	for (f = 0; f < FORM__MAX && rc == 0; f++) {
		if ((n = msg_get_int(&m)) < 0) {
			err = msg_get_str(&m, &len);
			rc = rs_err("%s", err ? err : "the all-quarters "
			    "workbooks failed");
			break;
		}
		v = xreallocarray(v, (size_t)n + 1, sizeof(*v));
		for (k = 0; k < (size_t)n; k++)
			v[k] = entry_get(&m);
		splice(&b->downloads, all->at[f] + shift, v, (size_t)n);
		shift += (size_t)n;
	}
	if (rc == 0)
		rc = answer_end(b, &m, "the all-quarters workbooks");
	free(v);
	buf_free(&ans);
	if (worker_stop(all->w, rc == 0) == -1)
		rc = -1;
	free(all);
	return rc;
}

int
download_chart(struct build *b, const char *path, const struct buf *data,
    const char *quarter, long rows)
{
	struct downloads *dl = &b->downloads;
	struct download	*d;
	struct sha256_ctx sha;
	uint8_t		 dig[SHA256_DIGEST_SIZE];

	if (site_write(b->site, path, data->data, data->len) == -1)
		return -1;
	d = xcalloc(1, sizeof(*d));
	d->path = xstrdup(path);
	snprintf(d->quarter, sizeof(d->quarter), "%s", quarter ? quarter : "");
	d->lang = -1;
	d->chart = 1;
	d->fmt = &dl_csv;
	d->bytes = data->len;
	d->rows = rows;
	sha256_init(&sha);
	sha256_update(&sha, data->len, (const uint8_t *)data->data);
	sha256_digest(&sha, sizeof(dig), dig);
	hex_encode(dig, sizeof(dig), d->sha);
	dl->v = xreallocarray(dl->v, dl->n + 1, sizeof(*dl->v));
	dl->v[dl->n++] = d;
	return 0;
}

/* The header of the charts' machine CSV (stats.c writes its lines). */
#define CHARTS_HEAD	"\xef\xbb\xbf" "chart,category,series,value,status\r\n"

int
downloads_charts(struct build *b)
{
	struct buf	 out = { 0 };
	char		*path;
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < b->ncdata && rc == 0; i++) {
		buf_reset(&out);
		BUF_LIT(&out, CHARTS_HEAD);
		buf_put(&out, b->cdata[i].csv.data, b->cdata[i].csv.len);
		path = url_chart_data(b->cdata[i].quarter[0] ?
		    b->cdata[i].quarter : NULL);
		rc = download_chart(b, path, &out, b->cdata[i].quarter[0] ?
		    b->cdata[i].quarter : NULL, b->cdata[i].rows);
		free(path);
	}
	buf_free(&out);
	return rc;
}

int
downloads_sums(struct build *b)
{
	struct downloads *dl = &b->downloads;
	struct buf	 sums = { 0 };
	char		*rel;
	size_t		 i;
	int		 rc;

	/* "sha256  path" relative to data/, as sha256sum -c reads it. */
	for (i = 0; i < dl->n; i++) {
		rel = url_rel_below(url_sums(), dl->v[i]->path);
		buf_printf(&sums, "%s  %s\n", dl->v[i]->sha, rel);
		free(rel);
	}
	rc = site_write(b->site, url_sums(), sums.data, sums.len);
	buf_free(&sums);
	return rc;
}

void
downloads_free(struct downloads *dl)
{
	size_t	 i;

	libdeflate_free_compressor(deflater);
	deflater = NULL;
	free(zout);
	zout = NULL;
	zcap = 0;
	libdeflate_free_decompressor(inflater);
	inflater = NULL;
	free(lin);
	free(lout);
	lin = lout = NULL;
	lincap = loutcap = 0;
	for (i = 0; i < dl->n; i++) {
		free(dl->v[i]->path);
		free(dl->v[i]);
	}
	free(dl->v);
	dl->v = NULL;
	dl->n = 0;
}

/* "1,2 MB" / "850 KB". */
static void
fmt_size(struct buf *out, enum lang l, unsigned long long bytes,
    struct catalog *cat)
{
	if (bytes >= 1000000) {
		fmt_dec(out, (double)bytes / 1e6, 1);
		buf_puts(out, "\xc2\xa0");
		buf_puts(out, tr(cat, l, "unit_mb"));
	} else {
		fmt_int(out, (long long)((bytes + 999) / 1000));
		buf_puts(out, "\xc2\xa0");
		buf_puts(out, tr(cat, l, "unit_kb"));
	}
}

struct mval *
download_entry(struct build *b, enum lang l, const char *path,
    const struct download *d)
{
	struct mval	*m;
	struct buf	 s = { 0 };

	m = mv_map();
	page_link(m, "href", path, xstrdup(d->path));
	mv_sets(m, "name", strrchr(d->path, '/') + 1);
	mv_sets(m, "kind", d->fmt->ext);
	if (strlen(d->path) > 3 &&
	    strcmp(d->path + strlen(d->path) - 3, ".gz") == 0)
		mv_set(m, "kind_upper", mv_strf("%s, gzip", d->fmt->name));
	else
		mv_sets(m, "kind_upper", d->fmt->name);
	mv_sets(m, "what", tr(b->cat, l, d->lang < 0 ? "file_machine" :
	    d->lang == LANG_KK ? "file_kk" : "file_ru"));
	if (d->lang >= 0)
		mv_sets(m, "hreflang", lang_codes[d->lang]);
	fmt_size(&s, l, d->bytes, b->cat);
	mv_sets(m, "size", buf_str(&s));
	buf_reset(&s);
	fmt_int(&s, d->rows);
	mv_sets(m, "rows", buf_str(&s));
	mv_sets(m, "sha256", d->sha);
	buf_free(&s);
	return m;
}

void
download_links(struct build *b, enum lang l, const char *path,
    const char *quarter, enum form f, struct mval *ctx)
{
	const struct downloads *dl = &b->downloads;
	const struct download *d;
	struct mval	*list;
	size_t		 i;
	int		 pass;

	list = mv_set(ctx, "downloads", mv_list());
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < dl->n; i++) {
			d = dl->v[i];
			if (d->chart || d->form != f || d->release[0] ||
			    strcmp(d->quarter, quarter ? quarter : "") != 0)
				continue;
			if ((pass == 0 && d->lang != (int)l) ||
			    (pass == 1 && d->lang != -1))
				continue;
			mv_push(list, download_entry(b, l, path, d));
		}
}
