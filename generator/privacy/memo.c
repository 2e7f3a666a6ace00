/*
 * memo.c -- the scrubbing memo (memo.h): an SQLite file of entries
 * (key, value), appended in the order the records are published and
 * indexed by key at the end, so that writing it costs a sort, not a
 * search per record; LZ4 with the record's texts as its dictionary for
 * the values.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <nettle/hmac.h>
#include <nettle/sha2.h>
#include <lz4.h>

#include "lib/lib.h"
#include "store/db.h"
#include "privacy/memo.h"

/* The largest payload an entry unpacks to (a record's texts). */
#define PAYLOAD_MAX	(64u << 20)

struct memo {
	sqlite3		*prev, *next;
	sqlite3_stmt	*get, *put;
	char		*next_path;
	/* HMAC keyed once: set_key hashes two blocks, each use copies. */
	struct hmac_sha256_ctx keyed;
	char		 check[65];	/* names the key, does not give it */
};

/* The memo's meta value for key: SHA-256 of it, in hex. */
static void
key_check(const uint8_t key[32], char hex[65])
{
	struct sha256_ctx c;
	uint8_t		 d[SHA256_DIGEST_SIZE];

	sha256_init(&c);
	sha256_update(&c, 17, (const uint8_t *)"regsite memo key\n");
	sha256_update(&c, 32, key);
	sha256_digest(&c, sizeof(d), d);
	hex_encode(d, sizeof(d), hex);
}

static void
drop_prev(struct memo *m)
{
	sqlite3_finalize(m->get);
	m->get = NULL;
	if (m->prev != NULL)
		sqlite3_close(m->prev);
	m->prev = NULL;
}

/* The previous memo, if it is one of this key; else none, silently
 * (it only saves time). */
static void
open_prev(struct memo *m, const char *path)
{
	sqlite3_stmt	*st = NULL;
	int		 ok = 0;

	if (access(path, R_OK) != 0)
		return;
	if (sqlite3_open_v2(path, &m->prev, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK || sqlite3_exec(m->prev, "PRAGMA cache_size = -1024",
	    NULL, NULL, NULL) != SQLITE_OK)
		goto out;
	if (sqlite3_prepare_v2(m->prev, "SELECT value FROM meta WHERE "
	    "name = 'key'", -1, &st, NULL) != SQLITE_OK)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
	    strcmp((const char *)sqlite3_column_text(st, 0), m->check) == 0)
		ok = sqlite3_prepare_v2(m->prev, "SELECT v FROM memo WHERE "
		    "k = ?1 LIMIT 1", -1, &m->get, NULL) == SQLITE_OK;
	/*
	 * One read transaction for every lookup, ended by drop_prev's
	 * close: a lookup of its own took the file's lock, looked for a
	 * hot journal and read the header again (7.8% of the build's
	 * samples while it published from the memo, in a profile).
	 */
	sqlite3_reset(st);
	if (ok && sqlite3_exec(m->prev, "BEGIN", NULL, NULL, NULL) !=
	    SQLITE_OK)
		ok = 0;
out:
	sqlite3_finalize(st);
	if (!ok)
		drop_prev(m);
}

static int
next_err(struct memo *m, const char *what)
{
	return rs_err("%s: %s: %s", m->next_path, what,
	    sqlite3_errmsg(m->next));
}

struct memo *
memo_open(const char *prev, const char *next, const uint8_t key[32])
{
	struct memo	*m;
	sqlite3_stmt	*st = NULL;

	m = xcalloc(1, sizeof(*m));
	hmac_sha256_set_key(&m->keyed, 32, key);
	key_check(key, m->check);
	if (prev != NULL)
		open_prev(m, prev);
	if (next == NULL)
		return m;
	m->next_path = xstrdup(next);
	if (unlink(next) == -1 && errno != ENOENT) {
		rs_err("%s: cannot replace: %s", next, strerror(errno));
		goto fail;
	}
	/* A file for this build alone: no journal, no syncs (a failed
	 * build removes its tree); appended to, so a small cache (the
	 * build's memory is bounded). */
	if (sqlite3_open_v2(next, &m->next, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		next_err(m, "cannot create");
		goto fail;
	}
	if (sqlite3_exec(m->next, "PRAGMA journal_mode = OFF;"
	    "PRAGMA synchronous = OFF; PRAGMA cache_size = -512;"
	    "PRAGMA temp_store = FILE;"
	    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);"
	    "CREATE TABLE memo (k BLOB NOT NULL, v BLOB NOT NULL);"
	    "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(m->next, "INSERT INTO meta VALUES "
	    "('key', ?1)", -1, &st, NULL) != SQLITE_OK) {
		next_err(m, "cannot create");
		goto fail;
	}
	sqlite3_bind_text(st, 1, m->check, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE ||
	    sqlite3_prepare_v2(m->next, "INSERT INTO memo VALUES (?1, ?2)",
	    -1, &m->put, NULL) != SQLITE_OK) {
		next_err(m, "cannot create");
		goto fail;
	}
	sqlite3_finalize(st);
	return m;
fail:
	sqlite3_finalize(st);
	memo_close(m, 0);
	return NULL;
}

int
memo_has_prev(const struct memo *m)
{
	return m->get != NULL;
}

void
memo_key(const struct memo *m, const void *in, size_t len,
    uint8_t k[MEMO_KEYLEN])
{
	struct hmac_sha256_ctx c = m->keyed;

	hmac_sha256_update(&c, len, in);
	hmac_sha256_digest(&c, MEMO_KEYLEN, k);
}

int
memo_get(struct memo *m, const uint8_t k[MEMO_KEYLEN], struct buf *val)
{
	int	 step;

	if (m->get == NULL)
		return 0;
	sqlite3_reset(m->get);
	sqlite3_bind_blob(m->get, 1, k, MEMO_KEYLEN, SQLITE_STATIC);
	step = sqlite3_step(m->get);
	if (step == SQLITE_ROW) {
		buf_reset(val);
		buf_put(val, sqlite3_column_blob(m->get, 0),
		    (size_t)sqlite3_column_bytes(m->get, 0));
		sqlite3_reset(m->get);
		return 1;
	}
	if (step != SQLITE_DONE)
		drop_prev(m);
	return 0;
}

int
memo_put(struct memo *m, const uint8_t k[MEMO_KEYLEN], const void *v,
    size_t len)
{
	if (m->put == NULL)
		return 0;
	sqlite3_reset(m->put);
	sqlite3_bind_blob(m->put, 1, k, MEMO_KEYLEN, SQLITE_STATIC);
	sqlite3_bind_blob(m->put, 2, len ? v : "", (int)len, SQLITE_STATIC);
	if (sqlite3_step(m->put) != SQLITE_DONE)
		return next_err(m, "writing");
	return 0;
}

int
memo_close(struct memo *m, int ok)
{
	int	 rc = 0;

	if (m == NULL)
		return 0;
	drop_prev(m);
	sqlite3_finalize(m->put);
	if (m->next != NULL) {
		if (ok && sqlite3_exec(m->next, "CREATE INDEX memo_k ON "
		    "memo (k); COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			rc = next_err(m, "finishing");
		if (sqlite3_close(m->next) != SQLITE_OK && rc == 0 && ok)
			rc = rs_err("%s: cannot close", m->next_path);
		if ((!ok || rc == -1) && m->next_path != NULL)
			unlink(m->next_path);
	}
	free(m->next_path);
	free(m);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The values                                                          */

struct memozip {
	LZ4_stream_t	*lz;
	struct hmac_sha256_ctx keyed;	/* the memo's key, set */
};

#define TAGLEN	8
/* The payload's length, before the compressed bytes: 4 bytes, LSB
 * first. */
#define LENLEN	4
/* How far back LZ4's matches reach: the part of a dictionary used. */
#define WINDOW	(64 * 1024)

/* The value's tag: HMAC of its entry's key and its compressed
 * payload, so that only the registry's key makes a value that is
 * used. */
static void
tag(const struct memozip *z, const uint8_t k[MEMO_KEYLEN], const void *p,
    size_t len, uint8_t t[TAGLEN])
{
	struct hmac_sha256_ctx c = z->keyed;

	hmac_sha256_update(&c, MEMO_KEYLEN, k);
	hmac_sha256_update(&c, len, p);
	hmac_sha256_digest(&c, TAGLEN, t);
}

/* The dictionary's last WINDOW bytes, which both sides use. */
static void
window(const void **dict, size_t *dlen)
{
	if (*dlen > WINDOW) {
		*dict = (const char *)*dict + (*dlen - WINDOW);
		*dlen = WINDOW;
	}
}

/*
 * LZ4, not zlib's deflate: a rebuild unpacks every unchanged record's
 * texts and a full build packs every record's.  On the demo's records
 * (their texts as the dictionary, the payload the same texts with a
 * replacement), LZ4 packed 30 000 of them in 0.09 s against deflate's
 * 0.37 s at level 1, unpacked them in 0.02 s against 0.09 s, and
 * made 1.6 MB against 3.3 MB: it finds the dictionary's long matches
 * that deflate's fastest level skips.
 */
struct memozip *
memozip_new(const struct memo *m)
{
	struct memozip	*z;

	z = xcalloc(1, sizeof(*z));
	z->keyed = m->keyed;
	z->lz = LZ4_initStream(xmalloc(sizeof(*z->lz)), sizeof(*z->lz));
	return z;
}

void
memozip_free(struct memozip *z)
{
	if (z == NULL)
		return;
	free(z->lz);
	free(z);
}

void
memo_pack(struct memozip *z, const uint8_t k[MEMO_KEYLEN], const void *dict,
    size_t dlen, const void *payload, size_t plen, struct buf *out)
{
	unsigned char	*o;
	size_t		 bound;
	int		 n;

	buf_reset(out);
	if (plen > PAYLOAD_MAX)
		return;		/* an empty value, never used (a record's
				 * texts: never that long) */
	LZ4_resetStream_fast(z->lz);
	window(&dict, &dlen);
	if (dlen > 0)
		LZ4_loadDict(z->lz, dict, (int)dlen);
	bound = LENLEN + (size_t)LZ4_compressBound((int)plen) + TAGLEN;
	if (out->cap < bound) {
		out->data = xrealloc(out->data, bound);
		out->cap = bound;
	}
	o = (unsigned char *)out->data;
	le32_put(o, (uint32_t)plen);
	/* Within the bound it does not fail; if it did, an empty value. */
	if ((n = LZ4_compress_fast_continue(z->lz, payload, out->data +
	    LENLEN, (int)plen, LZ4_compressBound((int)plen), 1)) <= 0)
		return;
	out->len = LENLEN + (size_t)n;
	/* The tag last, of the compressed bytes (far fewer than the
	 * payload's), checked before anything is unpacked. */
	tag(z, k, out->data, out->len, (uint8_t *)out->data + out->len);
	out->len += TAGLEN;
}

int
memo_unpack(struct memozip *z, const uint8_t k[MEMO_KEYLEN],
    const void *dict, size_t dlen, const void *val, size_t vlen,
    struct buf *payload)
{
	const unsigned char *v = val;
	uint8_t		 t[TAGLEN];
	size_t		 plen;
	int		 n;

	if (vlen < LENLEN + TAGLEN)
		return -1;
	vlen -= TAGLEN;
	tag(z, k, val, vlen, t);
	if (memcmp(t, v + vlen, TAGLEN) != 0)
		return -1;
	plen = le32_get(v);
	if (plen > PAYLOAD_MAX || vlen - LENLEN > INT_MAX)
		return -1;
	buf_reset(payload);
	if (payload->cap < plen + 1) {
		payload->data = xrealloc(payload->data, plen + 1);
		payload->cap = plen + 1;
	}
	window(&dict, &dlen);
	n = LZ4_decompress_safe_usingDict((const char *)v + LENLEN,
	    payload->data, (int)(vlen - LENLEN), (int)plen, dict, (int)dlen);
	if (n < 0 || (size_t)n != plen)
		return -1;
	payload->len = plen;
	payload->data[plen] = '\0';
	return 0;
}
