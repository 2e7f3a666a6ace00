/*
 * privacy.c -- the one gate between the registry database and every
 * output.  This is the only file that reads the record tables
 * (incidents, insurance_cases).  What leaves it:
 *
 *   published records  (struct pubrec, through pub_open/pub_next):
 *	each quarter table k-anonymous with `diversity` distinct outcomes
 *	per class, the quasi-identifiers generalized per class along their
 *	ladders (ladder.h); the narratives scrubbed (scrub.h) and brought
 *	to the level of their row (textqi.h); never id, source,
 *	source_ref, org_code, place_*, the region of a record, the time of
 *	day, the exact age or the full diagnosis code;
 *   counts (struct pcount, through agg_count): counted from the
 *	published records themselves, so that no count says more about a
 *	record than its row does; the regions, which no row shows, in
 *	protected tables (cube.h).
 *
 * One risk model for the whole published record.  The narratives tell
 * the patient's sex (Russian grammar: "Пациентка ... поступила"), so the
 * sex counts as published: every class shows it, and records whose sex
 * is too rare in a quarter to form a class are published with the sex
 * hidden and their narratives withheld, or deferred.  Everything else a
 * narrative carries is masked or generalized to the row's level.
 *
 * Releases that stay.  What a build publishes is remembered in the
 * registry (tables published, deferred, releases; privacy_record), per
 * privacy policy.  A row once published keeps its values, its number
 * and the region the regional tables count it in (a corrected region
 * is not told) in every later release; a withdrawn record's row stays
 * counted (it is in the earlier releases); a late record joins a remembered
 * class of its quarter that it fits, or waits (deferred) until enough
 * late records of that quarter form classes of their own.  So the union
 * of all releases is k-anonymous, and comparing two releases shows only
 * whole rows coming and going.
 *
 * Public numbers are given at first publication, in the order of the
 * published month and then of a keyed hash of the record's reference
 * (a secret of the registry), so that they say nothing about who
 * submitted a record or when.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <nettle/hmac.h>
#include <nettle/sha2.h>
#include <xxhash.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "lib/worker.h"
#include "store/db.h"
#include "privacy/scrub.h"
#include "privacy/report.h"
#include "privacy/privacy.h"
#include "privacy/ladder.h"
#include "privacy/partition.h"
#include "privacy/textqi.h"
#include "privacy/cube.h"
#include "privacy/release.h"
#include "privacy/memo.h"

static const char *const qi_names[QI__MAX] = {
	"date", "place", "sex", "age", "diagnosis", "profile"
};

static const char *const level_names[QI__MAX][LADDER_MAX] = {
	{ "month", "hidden" },
	{ "hidden" },
	{ "shown", "hidden" },
	{ "5-year bands", "10-year bands", "20-year bands", "broad bands",
	  "hidden" },
	{ "ICD-10 category", "ICD-10 chapter", "chapter group", "hidden" },
	{ "specialty", "profile group", "broad group", "hidden" },
};

/* The quasi-identifiers of each form's rows (no row shows a region). */
static const int form_has_qi[FORM__MAX][QI__MAX] = {
	/* month region sex age dx profile */
	{ 1, 0, 1, 1, 1, 1 },
	{ 1, 0, 1, 0, 1, 1 },
};

/* What a shown value is worth when classes are formed. */
static const double qi_weight[QI__MAX] = {
	/* month region sex age diagnosis profile */
	1.0, 0.0, 1.0, 1.5, 2.0, 2.0
};

static const char *const form_table[FORM__MAX] = {
	"incidents", "insurance_cases"
};
static const char *const form_name[FORM__MAX] = { "incidents", "insurance" };
static const char *const form_letter[FORM__MAX] = { "I", "S" };
static const char *const form_outcome[FORM__MAX] = {
	"consequence", "harm"
};
/* The outcome value counted as 1 (the other is 0). */
static const char *const form_outcome1[FORM__MAX] = { "with", "death" };

static const char *const text_cols[TEXT__MAX] = {
	"circumstances", "anamnesis", "care", "measures"
};

/* What happened to a current record in this build. */
enum status {
	ST_FROZEN,	/* published before, kept as it was */
	ST_REJOINED,	/* published before, withdrawn, back again */
	ST_NEW,		/* published for the first time now */
	ST_DEFERRED	/* not published (yet) */
};

struct privacy {
	sqlite3			*db;		/* owned: a read snapshot */
	long			 version;	/* its data_version */
	char			*path;
	struct dicts		 dicts;
	char			 release[8];	/* latest reporting quarter */
	const struct config	*cfg;
	const struct scrubber	*scr;
	const char *const	*markers[LANG__MAX];
	const char *const	*tq_markers[LANG__MAX];
	struct textqi		*tq;
	char			*policy;	/* the policy's fingerprint */
	int			 has_memory;	/* tables present (v2) */
	int			 preview;	/* privacy_set_preview */
	int			 fresh[FORM__MAX];	/* nothing remembered */
	long			 remembered;	/* rows remembered, policy */
	unsigned char		 key[32];	/* the number key */
	int			 key_stored;
	sqlite3_stmt		*st_rel;	/* publish: into temp.rel (none in a preview) */
	long			 records[FORM__MAX];
	long			 status[FORM__MAX][4];
	long			 withdrawn[FORM__MAX];	/* newly */
	long			 withheld[FORM__MAX];
	long			 shown[FORM__MAX][QI__MAX];
	long			 published[FORM__MAX];
	struct privacy_stats	 stats;
	char			**quarters;
	size_t			 nquarters;
	struct cube		*cube[FORM__MAX];
	struct report		*report;	/* NULL without --report */
	struct release_list	 rels;		/* privacy_releases */
	int			 rels_done;
	/* During publication: the record being scrubbed. */
	const char		*cur_ref;
	long long		 cur_id;
	const char		*cur_src;
	const char		*cur_col;
	enum lang		 cur_lang;
	long			 cur_repl;
	int			 jobs;		/* processes scrubbing */
	/* The scrubbing memo (privacy_set_memo). */
	char			*memo_prev, *memo_next, *memo_frame;
	struct memo		*memo;
	long			 memo_hits, memo_rows;
	long			 ahead[2];	/* scrubbed ahead by the
						   worker, by this process */
	/* Each quarter table's digest (pub_digest), made as published. */
	XXH3_state_t		*dig;
	int			 dig_open;
	enum form		 dig_f;
	char			 dig_q[8];
	/* ... and of each PUB_CHUNK rows of it (pub_chunk). */
	XXH3_state_t		*cdig;
	size_t			 dig_rows;
	uint8_t			(*chunks)[16];
	size_t			 nchunks;
	struct qdigest {
		enum form	 f;
		char		 quarter[8];
		char		 hex[65];
		uint8_t		(*chunks)[16];
		size_t		 nchunks;
	}			*digs;
	size_t			 ndigs;
};

/* ------------------------------------------------------------------ */
/* SQL helpers                                                         */

static int
exec_sql(struct privacy *p, const char *sql)
{
	return db_exec(p->db, sql);
}

/* Run a query returning one integer. */
static int
query_long(struct privacy *p, const char *sql, long *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(p->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_err(p->db, "privacy stage");
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_err(p->db, "privacy stage");
	return 0;
}

static int
prepare(struct privacy *p, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(p->db, sql, -1, st, NULL) != SQLITE_OK)
		return db_err(p->db, "privacy stage");
	return 0;
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

/* The latest reporting quarter: the release this build publishes. */
static int
load_release(struct privacy *p)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (prepare(p, "SELECT max(r) FROM (SELECT max(reported_quarter) AS "
	    "r FROM incidents UNION ALL SELECT max(reported_quarter) FROM "
	    "insurance_cases)", &st) == -1)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(p->release, sizeof(p->release), "%s",
		    sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_err(p->db, "reading the release");
	return 0;
}

static int
load_quarters(struct privacy *p)
{
	sqlite3_stmt	*st;
	int		 step, y0, q0, y1, q1, y, q;
	char		*lo = NULL, *hi = NULL;

	/* Each from an end of the index of (quarter, public_no): a
	 * min() over both tables at once scanned their rows. */
	if (prepare(p, "SELECT min(q), max(q) FROM (SELECT (SELECT "
	    "min(quarter) FROM main.incidents) AS q UNION ALL SELECT (SELECT "
	    "max(quarter) FROM main.incidents) UNION ALL SELECT (SELECT "
	    "min(quarter) FROM main.insurance_cases) UNION ALL SELECT (SELECT "
	    "max(quarter) FROM main.insurance_cases))", &st) == -1)
		return -1;
	step = sqlite3_step(st);
	if (step == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL) {
		lo = xstrdup((const char *)sqlite3_column_text(st, 0));
		hi = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (step != SQLITE_ROW)
		return db_err(p->db, "reading quarters");
	if (lo == NULL)
		return rs_err("the database holds no records");
	if (quarter_parse(lo, &y0, &q0) == -1 ||
	    quarter_parse(hi, &y1, &q1) == -1) {
		rs_err("malformed quarter '%s'", lo);
		free(lo);
		free(hi);
		return -1;
	}
	free(lo);
	free(hi);
	/* Every quarter from the first to the last, empty ones included. */
	for (y = y0, q = q0; y < y1 || (y == y1 && q <= q1); ) {
		p->quarters = xreallocarray(p->quarters, p->nquarters + 1,
		    sizeof(*p->quarters));
		p->quarters[p->nquarters++] = xasprintf("%04dQ%d", y, q);
		if (++q > 4) {
			q = 1;
			y++;
		}
	}
	return 0;
}

/* PRAGMA data_version of a connection: changes when another commits. */
static long
data_version(sqlite3 *db)
{
	sqlite3_stmt	*st;
	long		 v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &st, NULL)
	    != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

struct privacy *
privacy_open(const char *path, int *bad_data)
{
	struct privacy	*p;
	long		 n;
	int		 vq;

	*bad_data = 0;
	p = xcalloc(1, sizeof(*p));
	p->path = xstrdup(path);
	if (db_open_read(&p->db, path) == -1)
		goto fail;
	if ((vq = validate_quick(p->db, path)) != 0) {
		if (vq == 1)
			*bad_data = 1;
		goto fail;
	}
	/* The snapshot's, for privacy_record (the read began above). */
	p->version = data_version(p->db);
	if (dicts_load(p->db, &p->dicts) == -1 || load_release(p) == -1)
		goto fail;
	/* A registry made by an import that published nothing (refused,
	 * or killed before its commit): refused, as bad data is. */
	if (p->release[0] == '\0') {
		fprintf(stderr, "regsite: %s: the registry holds no records "
		    "yet: nothing to publish (regsite import adds a "
		    "submission)\n", path);
		*bad_data = 1;
		goto fail;
	}
	if (query_long(p, "SELECT count(*) FROM sqlite_schema WHERE "
	    "type = 'table' AND name IN ('published', 'deferred', "
	    "'releases', 'privacy_state')", &n) == -1)
		goto fail;
	p->has_memory = n == 4;
	return p;
fail:
	privacy_close(p, 0);
	return NULL;
}

const struct dicts *
privacy_dicts(const struct privacy *p)
{
	return &p->dicts;
}

const char *
privacy_release(const struct privacy *p)
{
	return p->release;
}

/* ------------------------------------------------------------------ */
/* The policy and the number key                                       */

static void
make_policy(struct privacy *p)
{
	const struct config *c = p->cfg;

	free(p->policy);
	p->policy = xasprintf("v2 k=%ld l=%ld small=%ld round=%ld text=%d "
	    "ages=%d levels=%d,%d,%d,%d,%d,%d", c->k, c->diversity,
	    c->small_count, c->rounding, c->free_text, c->text_ages,
	    c->min_level[0], c->min_level[1], c->min_level[2],
	    c->min_level[3], c->min_level[4], c->min_level[5]);
}

/*
 * The key that orders new public numbers: remembered in the registry,
 * else derived from what never leaves it (every submitter's reference
 * and organization), so that the same database always gives the same
 * numbers and nobody outside can compute them.
 */
static int
load_key(struct privacy *p)
{
	struct sha256_ctx ctx;
	sqlite3_stmt	*st;
	int		 step, f;

	if (p->has_memory) {
		if (prepare(p, "SELECT value FROM main.privacy_state WHERE "
		    "name = 'number_key'", &st) == -1)
			return -1;
		step = sqlite3_step(st);
		if (step == SQLITE_ROW && sqlite3_column_bytes(st, 0) ==
		    (int)sizeof(p->key)) {
			memcpy(p->key, sqlite3_column_blob(st, 0),
			    sizeof(p->key));
			p->key_stored = 1;
		}
		sqlite3_finalize(st);
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			return db_err(p->db, "reading the number key");
		if (p->key_stored)
			return 0;
	}
	sha256_init(&ctx);
	sha256_update(&ctx, 20, (const uint8_t *)"regsite number key\n");
	for (f = 0; f < FORM__MAX; f++) {
		struct buf	 q = { 0 };

		buf_printf(&q, "SELECT source, source_ref, org_code FROM "
		    "main.%s ORDER BY id", form_table[f]);
		if (prepare(p, buf_str(&q), &st) == -1) {
			buf_free(&q);
			return -1;
		}
		buf_free(&q);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			int	 i;

			for (i = 0; i < 3; i++)
				sha256_update(&ctx,
				    (size_t)sqlite3_column_bytes(st, i) + 1,
				    (const uint8_t *)col_text(st, i));
		}
		sqlite3_finalize(st);
		if (step != SQLITE_DONE)
			return db_err(p->db, "deriving the number key");
	}
	sha256_digest(&ctx, sizeof(p->key), p->key);
	return 0;
}

/*
 * Releases remembered under another policy, none under this one: this
 * build starts afresh, and a reader can set it beside those releases.
 */
static int
policy_changed(struct privacy *p)
{
	sqlite3_stmt	*st;
	int		 step, mine = 0, other = 0;
	char		*last = NULL;

	if (prepare(p, "SELECT policy = ?1, release FROM main.releases "
	    "ORDER BY release", &st) == -1)
		return -1;
	sqlite3_bind_text(st, 1, p->policy, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int(st, 0))
			mine = 1;
		else {
			other = 1;
			free(last);
			last = xstrdup(col_text(st, 1));
		}
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		free(last);
		return db_err(p->db, "reading the releases");
	}
	if (other && !mine)
		rs_warn("%s: release %s was published under another privacy "
		    "policy; this one is anonymized afresh, and a reader who "
		    "compares the two may learn what either hid (keep the "
		    "policy, or see regsite reanonymize)", p->path, last);
	free(last);
	return 0;
}

/* The order of a new record among new records: a keyed hash. */
static uint64_t
order_hash(const struct privacy *p, enum form f, const char *source,
    const char *ref)
{
	struct hmac_sha256_ctx ctx;
	uint8_t		 d[SHA256_DIGEST_SIZE];
	uint64_t	 h = 0;
	int		 i;

	hmac_sha256_set_key(&ctx, sizeof(p->key), p->key);
	hmac_sha256_update(&ctx, strlen(form_name[f]) + 1,
	    (const uint8_t *)form_name[f]);
	hmac_sha256_update(&ctx, strlen(source) + 1, (const uint8_t *)source);
	hmac_sha256_update(&ctx, strlen(ref), (const uint8_t *)ref);
	hmac_sha256_digest(&ctx, sizeof(d), d);
	for (i = 0; i < 8; i++)
		h = h << 8 | d[i];
	return h;
}

/* ------------------------------------------------------------------ */
/* Deciding, per quarter: remembered rows, late records, new classes    */

#define INTERN_MAX	64	/* distinct names kept once (intern()) */

/* A row an earlier release published (the registry's memory). */
struct mrow {
	char		*source, *ref;	/* the quarter's arena */
	const char	*region;	/* interned (struct decide) */
	const char	*stats_col;	/* interned; NULL: not yet counted */
	long		 no;
	ladder_code	 code[QI__MAX];	/* -1: hidden */
	int8_t		 lv[QI__MAX];
	char		 release[8];
	uint8_t		 withheld;
	uint8_t		 outcome;
	uint8_t		 withdrawn;	/* before this build */
	uint8_t		 matched;
};

/* A record of the registry as it is now. */
struct crec {
	long long	 id;
	char		*source, *ref;	/* the quarter's arena, or its mrow's */
	const char	*region;	/* interned (struct decide) */
	struct prec	*pr;		/* in the quarter's array of them */
	struct mrow	*m;		/* its remembered row: its release */
	long		 no;
	char		 reported[8];
	uint8_t		 st;		/* enum status */
};

/* A newly published record and its place among them (order_hash). */
struct ordered {
	uint64_t	 order;
	struct crec	*c;
};

/* One form's decisions, as they are written to temp.dec. */
struct decide {
	struct privacy	*p;
	enum form	 f;
	sqlite3_stmt	*rec, *mem, *nmem, *ins, *gone;
	int		 rec_step, mem_step;
	struct partition_opts po;
	char		**deferred;	/* "quarter\tsource\tref" this release */
	size_t		 ndeferred;
	int		 fresh;		/* nothing remembered for this form */
	/* The few distinct regions and statistics columns, once each. */
	struct arena	 names;
	const char	*name[INTERN_MAX];
	size_t		 nname;
};

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
was_deferred(const struct decide *d, const char *quarter,
    const struct crec *c)
{
	char	*key, **hit;

	if (d->ndeferred == 0)
		return 0;
	key = xasprintf("%s\t%s\t%s", quarter, c->source, c->ref);
	hit = bsearch(&key, d->deferred, d->ndeferred, sizeof(char *),
	    str_cmp);
	free(key);
	return hit != NULL;
}

/*
 * The string s, once for the form's decisions: regions and statistics
 * columns are a few values repeated in every row (a quarter of the
 * 1 000 000-incident registry has 111 000 records and as many rows
 * remembered).  Past INTERN_MAX distinct values, each is copied into
 * the quarter's arena.
 */
static const char *
intern(struct decide *d, struct arena *quarter, const char *s)
{
	size_t	 i;

	for (i = 0; i < d->nname; i++)
		if (strcmp(d->name[i], s) == 0)
			return d->name[i];
	if (d->nname == INTERN_MAX)
		return arena_strdup(quarter, s);
	return d->name[d->nname++] = arena_strdup(&d->names, s);
}

/* Whether a record's true values generalize to a published vector. */
static int
fits(const struct prec *r, const int8_t *lv, const ladder_code *code,
    const int *use)
{
	int	 q;

	for (q = 0; q < QI__MAX; q++) {
		if (!use[q] || lv[q] >= ladder_hidden[q])
			continue;
		if (r->code[q][lv[q]] != code[q])
			return 0;
	}
	return 1;
}

/* A record takes a remembered row's levels. */
static void
set_levels(struct prec *r, const int8_t *lv)
{
	memcpy(r->lv, lv, sizeof(r->lv));
}

static double
vector_worth(const int8_t *lv, const int *use)
{
	double	 w = 0;
	int	 q;

	for (q = 0; q < QI__MAX; q++)
		if (use[q])
			w += qi_weight[q] * partition_utility(q, lv[q]);
	return w;
}

static int
fresh_order_cmp(const void *a, const void *b)
{
	const struct ordered *fx = a, *fy = b;
	const struct crec *x = fx->c, *y = fy->c;
	int	 mx = x->pr->lv[QI_MONTH] == 0 ? x->pr->code[QI_MONTH][0] : 99;
	int	 my = y->pr->lv[QI_MONTH] == 0 ? y->pr->code[QI_MONTH][0] : 99;

	if (mx != my)
		return mx < my ? -1 : 1;
	if (fx->order != fy->order)
		return fx->order < fy->order ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int
mrow_ref_cmp(const void *a, const void *b)
{
	const struct mrow *x = a, *y = b;
	int	 c;

	if ((c = strcmp(x->source, y->source)) != 0)
		return c;
	if ((c = strcmp(x->ref, y->ref)) != 0)
		return c;
	/* A row still published before a withdrawn one. */
	return x->withdrawn - y->withdrawn;
}

/*
 * Read the current quarter's remembered rows (d->mem is on its first),
 * their strings into the quarter's arena: one array of the counted
 * size (a quarter of the 1 000 000-incident registry remembers 111 000
 * rows; grown row by row, with four strings of their own, they took
 * 28 MB).
 */
static int
read_memory(struct decide *d, const char *quarter, struct arena *keys,
    struct mrow **mp, size_t *np)
{
	struct privacy	*p = d->p;
	struct mrow	*m = NULL, *r;
	size_t		 n = 0, cap = 0;
	int		 q;

	*mp = NULL;
	*np = 0;
	while (d->mem_step == SQLITE_ROW &&
	    strcmp(col_text(d->mem, 0), quarter) < 0)
		d->mem_step = sqlite3_step(d->mem);
	if (d->mem_step != SQLITE_ROW ||
	    strcmp(col_text(d->mem, 0), quarter) != 0)
		goto done;
	sqlite3_reset(d->nmem);
	sqlite3_bind_text(d->nmem, 3, quarter, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(d->nmem) != SQLITE_ROW) {
		db_err(p->db, "reading what earlier releases published");
		return -1;
	}
	cap = (size_t)sqlite3_column_int64(d->nmem, 0);
	sqlite3_reset(d->nmem);
	m = xreallocarray(NULL, cap ? cap : 1, sizeof(*m));
	while (d->mem_step == SQLITE_ROW &&
	    strcmp(col_text(d->mem, 0), quarter) == 0) {
		if (n == cap) {
			rs_err("%s: %s: more remembered rows than counted",
			    p->path, quarter);
			goto fail;
		}
		r = &m[n++];
		memset(r, 0, sizeof(*r));
		r->no = (long)sqlite3_column_int64(d->mem, 1);
		r->source = arena_strdup(keys, col_text(d->mem, 2));
		r->ref = arena_strdup(keys, col_text(d->mem, 3));
		snprintf(r->release, sizeof(r->release), "%s",
		    col_text(d->mem, 4));
		for (q = 0; q < QI__MAX; q++) {
			static const int colof[QI__MAX] = {
				5, -1, 6, 7, 8, 9
			};
			int	 lv = ladder_hidden[q], code = -1;

			if (colof[q] >= 0 && form_has_qi[d->f][q] &&
			    (ladder_parse(&p->dicts, q, col_text(d->mem,
			    colof[q]), &lv, &code) == -1 ||
			    code > LADDER_CODE_MAX)) {
				rs_err("%s: remembered row %s-%s-%04ld: "
				    "malformed %s '%s'", p->path, quarter,
				    form_letter[d->f], r->no, qi_names[q],
				    col_text(d->mem, colof[q]));
				goto fail;
			}
			r->lv[q] = (int8_t)lv;
			r->code[q] = (ladder_code)code;
		}
		r->withheld = sqlite3_column_int(d->mem, 10) != 0;
		r->outcome = strcmp(col_text(d->mem, 11),
		    form_outcome1[d->f]) == 0;
		r->region = intern(d, keys, col_text(d->mem, 12));
		if (sqlite3_column_type(d->mem, 13) != SQLITE_NULL)
			r->stats_col = intern(d, keys, col_text(d->mem, 13));
		r->withdrawn = sqlite3_column_type(d->mem, 14) != SQLITE_NULL;
		d->mem_step = sqlite3_step(d->mem);
	}
done:
	if (d->mem_step != SQLITE_ROW && d->mem_step != SQLITE_DONE) {
		db_err(p->db, "reading what earlier releases published");
		goto fail;
	}
	if (n > 1)
		qsort(m, n, sizeof(*m), mrow_ref_cmp);
	*mp = m;
	*np = n;
	return 0;
fail:
	*mp = m;
	*np = n;
	return -1;
}

static void
free_quarter(struct crec *c, struct prec *pv, struct mrow *m)
{
	free(c);	/* their strings are the arena's */
	free(pv);
	free(m);
}

static struct mrow *
find_memory(struct mrow *m, size_t nm, const char *source, const char *ref)
{
	size_t	 lo = 0, hi = nm, mid;
	int	 c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(m[mid].source, source)) == 0)
			c = strcmp(m[mid].ref, ref);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < nm && strcmp(m[lo].source, source) == 0 &&
	    strcmp(m[lo].ref, ref) == 0)
		return &m[lo];
	return NULL;
}

/* Write one decision into temp.dec. */
static int
write_decision(struct decide *d, const char *quarter, struct crec *c)
{
	struct privacy	*p = d->p;
	sqlite3_stmt	*s = d->ins;
	char		 buf[32];
	int		 q, col, lv, code;

	sqlite3_reset(s);
	sqlite3_bind_int(s, 1, d->f);
	sqlite3_bind_int64(s, 2, c->id);
	sqlite3_bind_text(s, 3, quarter, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 4, c->st);
	if (c->st == ST_DEFERRED) {
		for (col = 5; col <= 18; col++)
			sqlite3_bind_null(s, col);
		sqlite3_bind_text(s, 19, c->source, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 20, c->ref, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(s, 21, c->pr->outcome);
		sqlite3_bind_text(s, 22, c->region, -1, SQLITE_TRANSIENT);
		sqlite3_bind_null(s, 23);
		sqlite3_bind_text(s, 24, p->release, -1, SQLITE_TRANSIENT);
		goto step;
	}
	sqlite3_bind_int64(s, 5, c->no);
	sqlite3_bind_text(s, 6, c->m != NULL ? c->m->release : p->release,
	    -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 7, c->reported, -1, SQLITE_TRANSIENT);
	for (q = 0, col = 8; q < QI__MAX; q++) {
		if (q == QI_REGION)
			continue;
		lv = form_has_qi[d->f][q] ? c->pr->lv[q] : ladder_hidden[q];
		code = lv < ladder_hidden[q] ? c->pr->code[q][lv] : -1;
		sqlite3_bind_int(s, col, lv);
		sqlite3_bind_text(s, col + 5, form_has_qi[d->f][q] ?
		    ladder_text(&p->dicts, q, lv, code, buf) : "",
		    -1, SQLITE_TRANSIENT);
		col++;
		if (lv < ladder_hidden[q] && form_has_qi[d->f][q])
			p->shown[d->f][q]++;
	}
	sqlite3_bind_int(s, 18, c->pr->withheld);
	sqlite3_bind_text(s, 19, c->source, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 20, c->ref, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 21, c->pr->outcome);
	/*
	 * A row an earlier release published is counted where that
	 * release counted it: a record whose region alone was corrected
	 * would otherwise move a closed quarter's regional figures and
	 * tell the correction (its row shows no region).
	 */
	sqlite3_bind_text(s, 22, c->m != NULL ? c->m->region : c->region,
	    -1, SQLITE_TRANSIENT);
	if (c->m != NULL && c->m->stats_col != NULL)
		sqlite3_bind_text(s, 23, c->m->stats_col, -1,
		    SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, 23);
	sqlite3_bind_null(s, 24);
	if (c->pr->withheld)
		p->withheld[d->f]++;
	p->published[d->f]++;
step:
	p->status[d->f][c->st]++;
	if (sqlite3_step(s) != SQLITE_DONE)
		return db_err(p->db, "privacy stage: deciding");
	return 0;
}

/* Remember a remembered row that is gone now (or was already). */
static int
write_gone(struct decide *d, const char *quarter, const struct mrow *m)
{
	sqlite3_stmt	*s = d->gone;

	sqlite3_reset(s);
	sqlite3_bind_int(s, 1, d->f);
	sqlite3_bind_text(s, 2, quarter, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, m->no);
	sqlite3_bind_text(s, 4, m->source, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, m->ref, -1, SQLITE_TRANSIENT);
	if (m->stats_col)
		sqlite3_bind_text(s, 6, m->stats_col, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, 6);
	sqlite3_bind_text(s, 7, m->region, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 8, m->outcome);
	sqlite3_bind_int(s, 9, !m->withdrawn);
	if (sqlite3_step(s) != SQLITE_DONE)
		return db_err(d->p->db, "privacy stage: deciding");
	if (!m->withdrawn)
		d->p->withdrawn[d->f]++;
	return 0;
}

/* Order remembered rows by their published vector (levels, codes). */
static int
mrow_class_cmp(const void *a, const void *b)
{
	const struct mrow *x = *(struct mrow *const *)a;
	const struct mrow *y = *(struct mrow *const *)b;
	int	 c;

	if ((c = memcmp(x->lv, y->lv, sizeof(x->lv))) != 0)
		return c;
	return memcmp(x->code, y->code, sizeof(x->code));
}

/*
 * The size of each remembered row's class in the union of releases (the
 * rows of the same levels and codes), m[i]'s at [i]: one sort, so that
 * placing a quarter's late records stays linear in its rows.
 */
static size_t *
class_sizes(struct mrow *m, size_t nm)
{
	struct mrow	**v;
	size_t		 *n, i, j, k;

	n = xcalloc(nm ? nm : 1, sizeof(*n));
	v = xreallocarray(NULL, nm ? nm : 1, sizeof(*v));
	for (i = 0; i < nm; i++)
		v[i] = &m[i];
	qsort(v, nm, sizeof(*v), mrow_class_cmp);
	for (i = 0; i < nm; i = j) {
		for (j = i + 1; j < nm && mrow_class_cmp(&v[i], &v[j]) == 0;
		    j++)
			continue;
		for (k = i; k < j; k++)
			n[v[k] - m] = j - i;
	}
	free(v);
	return n;
}

/*
 * Decide one quarter: remembered rows stay; records that fit no
 * remembered row are placed into remembered classes they fit, or form
 * classes of their own (partition), or are deferred.
 */
static int
decide_quarter(struct decide *d, const char *quarter, struct crec *c,
    size_t nc, struct mrow *m, size_t nm)
{
	struct privacy	*p = d->p;
	struct prec	*pool = NULL;
	struct crec	**fresh = NULL;
	struct ordered	*order = NULL;
	size_t		 npool = 0, nfresh = 0, i, j, *members = NULL;
	long		 maxno = 0;
	int		 remembered = 0, rc = -1;

	/* The records without a remembered row, at most all. */
	fresh = xreallocarray(NULL, nc ? nc : 1, sizeof(*fresh));
	for (i = 0; i < nm; i++) {
		if (m[i].no > maxno)
			maxno = m[i].no;
		remembered = 1;
	}
	/* Each record and its remembered row. */
	for (i = 0; i < nc; i++) {
		struct mrow	*r;

		c[i].st = ST_NEW;
		r = find_memory(m, nm, c[i].source, c[i].ref);
		/* The first match is the one still published, if any. */
		for (; r != NULL && r < m + nm &&
		    strcmp(r->source, c[i].source) == 0 &&
		    strcmp(r->ref, c[i].ref) == 0; r++) {
			if (r->matched)
				continue;
			if (fits(c[i].pr, r->lv, r->code,
			    form_has_qi[d->f]) && r->outcome ==
			    c[i].pr->outcome) {
				r->matched = 1;
				c[i].m = r;
				c[i].st = r->withdrawn ? ST_REJOINED :
				    ST_FROZEN;
				c[i].no = r->no;
				set_levels(c[i].pr, r->lv);
				c[i].pr->withheld = r->withheld;
				c[i].pr->placed = 1;
				break;
			}
		}
	}
	/* Remembered rows no record matches: withdrawn (or revised). */
	for (i = 0; i < nm; i++)
		if (!m[i].matched && write_gone(d, quarter, &m[i]) == -1)
			goto out;
	/* New records: into a remembered class they fit. */
	for (i = 0; i < nc; i++) {
		struct mrow	*best = NULL;
		double		 bw = -1, w;

		if (c[i].st != ST_NEW)
			continue;
		if (was_deferred(d, quarter, &c[i])) {
			/* Decided in this release already: stays so. */
			c[i].st = ST_DEFERRED;
			continue;
		}
		if (!remembered) {
			fresh[nfresh++] = &c[i];
			continue;
		}
		if (members == NULL)
			members = class_sizes(m, nm);
		for (j = 0; j < nm; j++) {
			if (!fits(c[i].pr, m[j].lv, m[j].code,
			    form_has_qi[d->f]))
				continue;
			/* The class's size in the union of releases. */
			if ((long)members[j] < p->cfg->k)
				continue;
			w = vector_worth(m[j].lv, form_has_qi[d->f]);
			if (w > bw + 1e-9) {
				bw = w;
				best = &m[j];
			}
		}
		if (best != NULL) {
			set_levels(c[i].pr, best->lv);
			c[i].pr->withheld = best->withheld;
			c[i].pr->placed = 1;
			fresh[nfresh++] = &c[i];
			continue;
		}
		/* Into the pool of the quarter's unplaced late records. */
		c[i].pr->placed = 0;
		fresh[nfresh++] = &c[i];
	}
	/* The pool: new classes of their own, or deferred. */
	for (i = 0; i < nfresh; i++)
		if (!fresh[i]->pr->placed || !remembered)
			npool++;
	if (npool > 0 && npool == nc) {
		/* Every record, in order (a quarter no release has seen):
		 * the quarter's own array, without a copy. */
		partition(c[0].pr, nc, &d->po);
	} else if (npool > 0) {
		pool = xreallocarray(NULL, npool, sizeof(*pool));
		for (i = 0, j = 0; i < nfresh; i++)
			if (!fresh[i]->pr->placed || !remembered)
				pool[j++] = *fresh[i]->pr;
		partition(pool, npool, &d->po);
		for (i = 0, j = 0; i < nfresh; i++)
			if (!fresh[i]->pr->placed || !remembered)
				*fresh[i]->pr = pool[j++];
	}
	/* Numbers for the newly published, in a meaningless order (their
	 * release is this one: they have no remembered row). */
	order = xreallocarray(NULL, nfresh ? nfresh : 1, sizeof(*order));
	for (i = 0, j = 0; i < nfresh; i++) {
		if (!fresh[i]->pr->placed) {
			fresh[i]->st = ST_DEFERRED;
			continue;
		}
		order[j].order = order_hash(p, d->f, fresh[i]->source,
		    fresh[i]->ref);
		order[j++].c = fresh[i];
	}
	if (j > 1)
		qsort(order, j, sizeof(*order), fresh_order_cmp);
	for (i = 0; i < j; i++)
		order[i].c->no = ++maxno;
	for (i = 0; i < nc; i++)
		if (write_decision(d, quarter, &c[i]) == -1)
			goto out;
	rc = 0;
out:
	free(pool);
	free(fresh);
	free(order);
	free(members);
	return rc;
}

static int
load_deferred(struct decide *d)
{
	struct privacy	*p = d->p;
	sqlite3_stmt	*st;
	int		 step;

	if (!p->has_memory)
		return 0;
	if (prepare(p, "SELECT quarter, source, source_ref FROM "
	    "main.deferred WHERE policy = ?1 AND form = ?2 AND release = ?3",
	    &st) == -1)
		return -1;
	sqlite3_bind_text(st, 1, p->policy, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, form_name[d->f], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->release, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		d->deferred = xreallocarray(d->deferred, d->ndeferred + 1,
		    sizeof(char *));
		d->deferred[d->ndeferred++] = xasprintf("%s\t%s\t%s",
		    col_text(st, 0), col_text(st, 1), col_text(st, 2));
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_err(p->db, "reading the deferred records");
	if (d->ndeferred > 1)
		qsort(d->deferred, d->ndeferred, sizeof(char *), str_cmp);
	return 0;
}

static int
decide(struct privacy *p, enum form f)
{
	struct decide	 d;
	struct buf	 q = { 0 };
	struct crec	*c = NULL;
	struct prec	*pv = NULL;	/* c[i].pr is pv + i */
	struct mrow	*m = NULL;
	struct arena	 keys = { 0 };	/* the quarter's records' strings */
	size_t		 nc = 0, cc = 0, nm = 0, i;
	char		 quarter[8];
	long		 n;
	int		 rc = -1, qi;

	memset(&d, 0, sizeof(d));
	d.p = p;
	d.f = f;
	d.po.k = p->cfg->k;
	d.po.diversity = p->cfg->diversity;
	d.po.pin_sex = 1;
	for (qi = 0; qi < QI__MAX; qi++) {
		d.po.use[qi] = form_has_qi[f][qi];
		d.po.weight[qi] = qi_weight[qi];
		d.po.min_level[qi] = p->cfg->min_level[qi];
	}
	/* The configuration's finest levels name the old ladders' rungs. */
	d.po.min_level[QI_REGION] = 0;
	if (load_deferred(&d) == -1)
		goto out;
	if (p->has_memory) {
		buf_printf(&q, "SELECT count(*) FROM main.published WHERE "
		    "policy = '%s' AND form = '%s'", p->policy, form_name[f]);
		if (query_long(p, buf_str(&q), &n) == -1)
			goto out;
		d.fresh = n == 0;
		p->remembered += n;
	} else
		d.fresh = 1;
	p->fresh[f] = d.fresh;
	/*
	 * The records in one pass over the table and sorted, not through
	 * the index of (quarter, public_no), which gave the rows in
	 * random order, each read on its own (twice the time).
	 */
	buf_reset(&q);
	buf_printf(&q, "SELECT id, source, source_ref, quarter, "
	    "reported_quarter, CAST(substr(occurred_at, 6, 2) AS INTEGER), "
	    "sex, %s, diagnosis_category, profile, %s, region FROM main.%s "
	    "NOT INDEXED ORDER BY quarter, id",
	    f == FORM_INCIDENTS ? "age_years" : "0",
	    form_outcome[f], form_table[f]);
	if (prepare(p, buf_str(&q), &d.rec) == -1)
		goto out;
	if (p->has_memory) {
		if (prepare(p, "SELECT quarter, no, source, source_ref, "
		    "release, month, sex, age, dx, profile, withheld, outcome, "
		    "region, stats_col, withdrawn FROM main.published WHERE "
		    "policy = ?1 AND form = ?2 ORDER BY quarter, no",
		    &d.mem) == -1)
			goto out;
		sqlite3_bind_text(d.mem, 1, p->policy, -1, SQLITE_STATIC);
		sqlite3_bind_text(d.mem, 2, form_name[f], -1, SQLITE_STATIC);
		if (prepare(p, "SELECT count(*) FROM main.published WHERE "
		    "policy = ?1 AND form = ?2 AND quarter = ?3",
		    &d.nmem) == -1)
			goto out;
		sqlite3_bind_text(d.nmem, 1, p->policy, -1, SQLITE_STATIC);
		sqlite3_bind_text(d.nmem, 2, form_name[f], -1, SQLITE_STATIC);
		d.mem_step = sqlite3_step(d.mem);
	} else
		d.mem_step = SQLITE_DONE;
	if (prepare(p, "INSERT INTO temp.dec (form, id, quarter, status, "
	    "no, release, reported, lv_month, lv_sex, lv_age, lv_dx, "
	    "lv_profile, month, sex, age, dx, profile, withheld, source, "
	    "source_ref, outcome, region, stats_col, deferred_release) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	    "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
	    &d.ins) == -1 ||
	    prepare(p, "INSERT INTO temp.gone VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9)", &d.gone) == -1)
		goto out;
	d.rec_step = sqlite3_step(d.rec);
	/* Quarter by quarter, every quarter with records or memory. */
	for (i = 0; i < p->nquarters; i++) {
		snprintf(quarter, sizeof(quarter), "%s", p->quarters[i]);
		nc = 0;
		/* The quarter's records, counted: one array of that size
		 * (the build reads one snapshot: the count holds). */
		buf_reset(&q);
		buf_printf(&q, "SELECT count(*) FROM main.%s WHERE quarter = "
		    "'%s'", form_table[f], quarter);
		if (query_long(p, buf_str(&q), &n) == -1)
			goto out;
		if (n > 0) {
			cc = (size_t)n;
			c = xreallocarray(NULL, cc, sizeof(*c));
			pv = xreallocarray(NULL, cc, sizeof(*pv));
		}
		/* What earlier releases published of it first: a record
		 * they did takes its row's strings. */
		if (read_memory(&d, quarter, &keys, &m, &nm) == -1)
			goto out;
		while (d.rec_step == SQLITE_ROW &&
		    strcmp(col_text(d.rec, 3), quarter) == 0) {
			struct crec	*r;
			struct mrow	*hit;
			struct qivals	 v;

			if (nc == cc) {
				rs_err("%s: %s %s: more records than counted",
				    p->path, form_table[f], quarter);
				goto out;
			}
			r = &c[nc];
			memset(r, 0, sizeof(*r));
			r->pr = pv + nc++;
			memset(r->pr, 0, sizeof(*r->pr));
			r->id = sqlite3_column_int64(d.rec, 0);
			if ((hit = find_memory(m, nm, col_text(d.rec, 1),
			    col_text(d.rec, 2))) != NULL) {
				r->source = hit->source;
				r->ref = hit->ref;
			} else {
				r->source = arena_strdup(&keys,
				    col_text(d.rec, 1));
				r->ref = arena_strdup(&keys,
				    col_text(d.rec, 2));
			}
			snprintf(r->reported, sizeof(r->reported), "%s",
			    col_text(d.rec, 4));
			v.month = sqlite3_column_int(d.rec, 5);
			v.sex = col_text(d.rec, 6);
			v.age = sqlite3_column_int(d.rec, 7);
			v.category = col_text(d.rec, 8);
			v.profile = col_text(d.rec, 9);
			if (ladder_codes(&p->dicts, &v, r->pr->code) == -1) {
				rs_err("%s: %s id %lld: a code not in the "
				    "code lists (regsite validate explains)",
				    p->path, form_table[f], r->id);
				goto out;
			}
			r->pr->outcome = (uint8_t)(strcmp(col_text(d.rec,
			    10), form_outcome1[f]) == 0);
			r->region = intern(&d, &keys, col_text(d.rec, 11));
			p->records[f]++;
			d.rec_step = sqlite3_step(d.rec);
		}
		if (d.rec_step != SQLITE_ROW && d.rec_step != SQLITE_DONE) {
			db_err(p->db, "privacy stage: reading records");
			goto out;
		}
		if (decide_quarter(&d, quarter, c, nc, m, nm) == -1)
			goto out;
		free_quarter(c, pv, m);
		arena_free(&keys);
		c = NULL;
		pv = NULL;
		m = NULL;
		nc = cc = nm = 0;
	}
	if (d.rec_step == SQLITE_ROW) {
		rs_err("%s: %s: a record outside the quarters", p->path,
		    form_table[f]);
		goto out;
	}
	rc = 0;
out:
	free_quarter(c, pv, m);
	arena_free(&keys);
	arena_free(&d.names);
	for (i = 0; i < d.ndeferred; i++)
		free(d.deferred[i]);
	free(d.deferred);
	sqlite3_finalize(d.rec);
	sqlite3_finalize(d.mem);
	sqlite3_finalize(d.nmem);
	sqlite3_finalize(d.ins);
	sqlite3_finalize(d.gone);
	buf_free(&q);
	return rc;
}

/*
 * Whether the published, not yet counted records that match cond can
 * form a column of the regional tables: at least k of them, and no
 * region holding more than half, so that a column never tells the
 * region of the records it holds (a late submission comes from one
 * hospital).
 */
static int
column_ok(struct privacy *p, enum form f, const char *cond, int *ok)
{
	struct buf	 b = { 0 };
	sqlite3_stmt	*st;
	long		 n = 0, most = 0;
	int		 step;

	buf_printf(&b, "SELECT region, count(*) FROM temp.dec WHERE form = "
	    "%d AND status <> %d AND stats_col IS NULL AND %s GROUP BY region",
	    f, ST_DEFERRED, cond);
	if (prepare(p, buf_str(&b), &st) == -1) {
		buf_free(&b);
		return -1;
	}
	buf_free(&b);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		long	 c = (long)sqlite3_column_int64(st, 1);

		n += c;
		if (c > most)
			most = c;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_err(p->db, "privacy stage: regional columns");
	*ok = n >= p->cfg->k && n >= p->cfg->small_count && 2 * most <= n;
	return 0;
}

/*
 * The column of the regional tables each published record is counted
 * in, once and for good: remembered; or, in the first release, its
 * reporting quarter; or, for records published later, the first
 * release after them whose column has not been published yet.  A
 * column is made only when column_ok; until then its records wait,
 * counted nowhere.  So a column, once published, never changes, and
 * no release adds a handful of records whose regions could be told
 * apart by comparing releases.
 */
static int
stats_columns(struct privacy *p, enum form f)
{
	struct buf	 b = { 0 }, cond = { 0 };
	sqlite3_stmt	*st = NULL;
	char		**rq = NULL;
	size_t		 n = 0, i;
	long		 used = 0;
	int		 step, ok = 0, rc = -1;

	if (p->fresh[f]) {
		buf_printf(&b, "SELECT DISTINCT reported FROM temp.dec WHERE "
		    "form = %d AND status <> %d ORDER BY 1", f, ST_DEFERRED);
		if (prepare(p, buf_str(&b), &st) == -1)
			goto out;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			rq = xreallocarray(rq, n + 1, sizeof(*rq));
			rq[n++] = xstrdup(col_text(st, 0));
		}
		sqlite3_finalize(st);
		if (step != SQLITE_DONE) {
			db_err(p->db, "privacy stage: regional columns");
			goto out;
		}
		for (i = 0; i < n; i++) {
			buf_reset(&cond);
			buf_printf(&cond, "reported = '%s'", rq[i]);
			if (column_ok(p, f, buf_str(&cond), &ok) == -1)
				goto out;
			if (!ok)
				continue;
			buf_reset(&b);
			buf_printf(&b, "UPDATE temp.dec SET stats_col = '%s', "
			    "stats_new = 1 WHERE form = %d AND status <> %d AND "
			    "stats_col IS NULL AND %s", rq[i], f, ST_DEFERRED,
			    buf_str(&cond));
			if (exec_sql(p, buf_str(&b)) == -1)
				goto out;
		}
		rc = 0;
		goto out;
	}
	/*
	 * This release's column, if it is not published yet.  A column
	 * is named by a reporting quarter or a release, never later than
	 * the release that made it, which was remembered with it: with no
	 * remembered release from this one on, there is none, and the
	 * published rows are not read (0.16 s of the bench's rebuild).
	 */
	buf_printf(&b, "SELECT count(*) FROM main.releases WHERE policy = "
	    "'%s' AND release >= '%s'", p->policy, p->release);
	if (query_long(p, buf_str(&b), &used) == -1)
		goto out;
	buf_reset(&b);
	buf_printf(&b, "SELECT count(*) FROM main.published WHERE policy = "
	    "'%s' AND form = '%s' AND stats_col = '%s'", p->policy,
	    form_name[f], p->release);
	if (used > 0 && query_long(p, buf_str(&b), &used) == -1)
		goto out;
	if (used > 0) {
		rc = 0;		/* published: its records wait for the next */
		goto out;
	}
	if (column_ok(p, f, "1", &ok) == -1)
		goto out;
	if (!ok) {
		rc = 0;
		goto out;
	}
	buf_reset(&b);
	buf_printf(&b, "UPDATE temp.dec SET stats_col = '%s', stats_new = 1 "
	    "WHERE form = %d AND status <> %d AND stats_col IS NULL",
	    p->release, f, ST_DEFERRED);
	rc = exec_sql(p, buf_str(&b));
out:
	for (i = 0; i < n; i++)
		free(rq[i]);
	free(rq);
	buf_free(&b);
	buf_free(&cond);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Publication                                                          */

/*
 * The decisions (dec), in the order published by dec_order, which
 * holds each row's status too: comparing this build with the last
 * release (release.c) reads the index alone.  What the release will
 * remember of the rows it publishes anew (rel) is written as publish
 * reads them, in the order they are remembered in (privacy_record).
 */
static int
make_tables(struct privacy *p)
{
	return exec_sql(p, "DROP TABLE IF EXISTS temp.dec;"
	    "CREATE TEMP TABLE dec ("
	    " form INTEGER NOT NULL, id INTEGER NOT NULL,"
	    " quarter TEXT NOT NULL, status INTEGER NOT NULL,"
	    " no INTEGER, release TEXT, reported TEXT,"
	    " lv_month INTEGER, lv_sex INTEGER, lv_age INTEGER,"
	    " lv_dx INTEGER, lv_profile INTEGER,"
	    " month TEXT, sex TEXT, age TEXT, dx TEXT, profile TEXT,"
	    " withheld INTEGER, source TEXT, source_ref TEXT,"
	    " outcome INTEGER, region TEXT, stats_col TEXT,"
	    " deferred_release TEXT, stats_new INTEGER DEFAULT 0,"
	    " PRIMARY KEY (form, id)) WITHOUT ROWID;"
	    "CREATE INDEX temp.dec_order ON dec(form, quarter, no, status);"
	    "DROP TABLE IF EXISTS temp.rel;"
	    "CREATE TEMP TABLE rel ("
	    " form INTEGER NOT NULL, quarter TEXT NOT NULL, no INTEGER,"
	    " source TEXT, source_ref TEXT, release TEXT, month TEXT,"
	    " sex TEXT, age TEXT, dx TEXT, profile TEXT, withheld INTEGER,"
	    " outcome INTEGER, region TEXT, stats_col TEXT);"
	    "DROP TABLE IF EXISTS temp.gone;"
	    "CREATE TEMP TABLE gone ("
	    " form INTEGER NOT NULL, quarter TEXT NOT NULL,"
	    " no INTEGER NOT NULL, source TEXT, source_ref TEXT,"
	    " stats_col TEXT, region TEXT, outcome INTEGER,"
	    " newly INTEGER NOT NULL);"
	    "DROP TABLE IF EXISTS temp.pub;"
	    "CREATE TEMP TABLE pub ("
	    " form INTEGER NOT NULL, quarter TEXT NOT NULL,"
	    " no INTEGER NOT NULL, reported TEXT NOT NULL,"
	    " month INTEGER NOT NULL, region TEXT, sex TEXT NOT NULL,"
	    " age TEXT, dx TEXT NOT NULL, profile TEXT NOT NULL,"
	    " c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT,"
	    " t0kk TEXT, t0ru TEXT, t1kk TEXT, t1ru TEXT,"
	    " t2kk TEXT, t2ru TEXT, t3kk TEXT, t3ru TEXT,"
	    " lv_month INTEGER, lv_sex INTEGER, lv_age INTEGER,"
	    " lv_dx INTEGER, lv_profile INTEGER, withheld INTEGER,"
	    " stats_col TEXT, region_true TEXT, outcome INTEGER,"
	    " PRIMARY KEY (form, quarter, no))");
}

/*
 * Counts and cross-tabs read this covering index, never the rows with
 * their texts (tests/t_rebuild.sh checks the plans).  It is made once
 * the first form's rows are in (they are the most): those come in
 * their key's order, not this index's, and inserted one by one, a
 * quarter's entries (at 1 000 000 incidents, more than the cache)
 * were written in random places; CREATE INDEX sorts them.  The second
 * form's rows go in at the index's end, a range that the cache holds.
 */
static int
make_meta_index(struct privacy *p)
{
	return exec_sql(p, "CREATE INDEX temp.pub_meta ON pub(form, quarter,"
	    " reported, month, sex, age, dx, profile, c1, c2, c3, c4,"
	    " lv_month, lv_sex, lv_age, lv_dx, lv_profile, stats_col,"
	    " region_true, outcome)");
}

/* Scrubber callback: one line of the report per replacement. */
static void
on_replace(void *arg, const struct scrub_span *sp, const char *text)
{
	struct privacy	*p = arg;
	struct report_repl x;

	p->cur_repl++;
	p->stats.replacements[sp->type]++;
	if (p->report == NULL)
		return;
	x.ref = p->cur_ref;
	x.id = p->cur_id;
	x.source_ref = p->cur_src;
	x.column = p->cur_col;
	x.lang = p->cur_lang;
	x.sp = sp;
	x.text = text;
	report_replacement(p->report, &x);
}

/* scrub_record callback: field i is text column i / 2, language i % 2. */
static void
on_field(void *arg, size_t i, const struct scrub_span *sp, const char *text)
{
	struct privacy	*p = arg;

	p->cur_col = text_cols[i / LANG__MAX];
	p->cur_lang = (enum lang)(i % LANG__MAX);
	on_replace(p, sp, text);
}

/* textqi callback: a fact brought to the row's level. */
static void
on_textqi(void *arg, const char *kind, const char *was, size_t len)
{
	struct privacy	*p = arg;
	struct buf	 b = { 0 };
	size_t		 i;

	p->cur_repl++;
	p->stats.generalized++;
	if (p->report == NULL)
		return;
	for (i = 0; i < len; i++)
		buf_putc(&b, was[i] == '\n' || was[i] == '\t' ||
		    was[i] == '\r' ? ' ' : was[i]);
	report_decision(p->report, "text", "%s\t%lld\t%s\t%s\t%s\t%s\t%s",
	    p->cur_ref, p->cur_id, p->cur_src, p->cur_col,
	    lang_codes[p->cur_lang], kind, buf_str(&b));
	buf_free(&b);
}

/* ------------------------------------------------------------------ */
/* Scrubbing a record's texts, here or in a worker                      */

/* A record's texts (NULL: none to publish) and its row's levels. */
struct sin {
	struct textqi_row tr;
	const char	*s[TEXT__MAX][LANG__MAX];
	size_t		 len[TEXT__MAX][LANG__MAX];
};

/*
 * What scrubbing made of them: the texts to publish (has 0: NULL) and
 * the log of what was replaced or generalised, in the order it was
 * found, told to the report and the statistics when the row is
 * published (replay): the same whichever process scrubbed.
 */
struct sout {
	struct buf	 out[TEXT__MAX][LANG__MAX];
	int		 has[TEXT__MAX][LANG__MAX];
	struct buf	 log;
	struct buf	 memo;		/* its memo value (memo.h) */
	long		 cnt[SCRUB__MAX + 1];	/* from the memo: the
					   replacements per type, and
					   the facts generalised */
};

/* The log's entries. */
enum { LOG_REPL = 1, LOG_TEXTQI };

/*
 * What textqi_apply generalised in a text, kept from the first pass
 * (the pointers are into the scrubbed text, which stays): when the
 * second pass would be the same call, its output is reused and these
 * are logged instead.
 */
struct tq_events {
	struct tq_event {
		const char	*kind, *was;
		size_t		 len;
	}		*v;
	size_t		 n, cap;
};

/* The scrubbing's tools and scratch buffers (one set per process). */
struct scrubwork {
	const struct scrubber	*scr;
	const struct textqi	*tq;
	const char *const	*markers[LANG__MAX];
	struct tq_events	 ev[TEXT__MAX][LANG__MAX];
	struct buf		 tmp[TEXT__MAX][LANG__MAX];
	struct buf		 vis[TEXT__MAX][LANG__MAX];
	struct sout		*o;		/* being filled */
	int			 col, lang;	/* for log_textqi */
	struct memozip		*z;		/* with a memo: values made */
	struct buf		 dict, payload;
};

static void
on_textqi_keep(void *arg, const char *kind, const char *was, size_t len)
{
	struct tq_events *e = arg;

	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 8;
		e->v = xreallocarray(e->v, e->cap, sizeof(*e->v));
	}
	e->v[e->n].kind = kind;
	e->v[e->n].was = was;
	e->v[e->n].len = len;
	e->n++;
}

/* scrub_record callback: field i is text column i / 2, language i % 2.
 * The recogniser's name is static: the same address in a worker. */
static void
log_field(void *arg, size_t i, const struct scrub_span *sp, const char *text)
{
	struct scrubwork *w = arg;
	struct buf	*b = &w->o->log;

	msg_put_int(b, LOG_REPL);
	msg_put_int(b, (long long)i);
	msg_put_int(b, sp->type);
	msg_put_int(b, sp->conf);
	msg_put_int(b, sp->flags);
	msg_put_int(b, (long long)(intptr_t)sp->why);
	msg_put_str(b, text + sp->off, sp->len);
}

/* textqi callback (kind is static too). */
static void
log_textqi(void *arg, const char *kind, const char *was, size_t len)
{
	struct scrubwork *w = arg;
	struct buf	*b = &w->o->log;

	msg_put_int(b, LOG_TEXTQI);
	msg_put_int(b, w->col);
	msg_put_int(b, w->lang);
	msg_put_int(b, (long long)(intptr_t)kind);
	msg_put_str(b, was, len);
}

/* ------------------------------------------------------------------ */
/* The memo's values (memo.h)                                          */

/* A memo value's dictionary: the record's texts as they came. */
static void
memo_dict(const struct sin *in, struct buf *d)
{
	int	 i, l;

	buf_reset(d);
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++)
			if (in->s[i][l] != NULL)
				buf_put(d, in->s[i][l], in->len[i][l]);
}

/* What a log tells the statistics: replacements per type, facts
 * generalised (replay's counting, without the report). */
static int
log_counts(const struct buf *log, long cnt[SCRUB__MAX + 1])
{
	struct msgin	 m = { log->data, log->len, 0 };
	size_t		 len;
	long long	 t;
	int		 k;

	for (k = 0; k <= SCRUB__MAX; k++)
		cnt[k] = 0;
	while (m.left > 0 && !m.bad) {
		switch (msg_get_int(&m)) {
		case LOG_REPL:
			(void)msg_get_int(&m);
			t = msg_get_int(&m);
			(void)msg_get_int(&m);
			(void)msg_get_int(&m);
			(void)msg_get_int(&m);
			(void)msg_get_str(&m, &len);
			if (!m.bad && t >= 0 && t < SCRUB__MAX)
				cnt[t]++;
			break;
		case LOG_TEXTQI:
			(void)msg_get_int(&m);
			(void)msg_get_int(&m);
			(void)msg_get_int(&m);
			(void)msg_get_str(&m, &len);
			cnt[SCRUB__MAX]++;
			break;
		default:
			m.bad = 1;
		}
	}
	return m.bad ? -1 : 0;
}

/*
 * The memo value of what scrubbing made of in: the statistics' counts,
 * then each text (or none), packed against the texts that came in.
 */
static void
memo_make(struct scrubwork *w, const struct sin *in, const uint8_t *mk,
    struct sout *o)
{
	long	 cnt[SCRUB__MAX + 1];
	int	 i, l, k;

	buf_reset(&o->memo);
	if (log_counts(&o->log, cnt) == -1)
		return;		/* (replay fails on it) */
	buf_reset(&w->payload);
	for (k = 0; k <= SCRUB__MAX; k++)
		msg_put_int(&w->payload, cnt[k]);
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++)
			msg_put_str(&w->payload, o->has[i][l] ?
			    buf_str(&o->out[i][l]) : NULL, o->out[i][l].len);
	memo_dict(in, &w->dict);
	memo_pack(w->z, mk, w->dict.data, w->dict.len, w->payload.data,
	    w->payload.len, &o->memo);
}

/* o from the memo value val of in: 0, or -1 (not used). */
static int
memo_take(struct scrubwork *w, const struct sin *in, const uint8_t *mk,
    const struct buf *val, struct sout *o)
{
	struct msgin	 m;
	const char	*s;
	size_t		 len;
	int		 i, l, k;

	memo_dict(in, &w->dict);
	if (memo_unpack(w->z, mk, w->dict.data, w->dict.len, val->data,
	    val->len, &w->payload) == -1)
		return -1;
	m.p = w->payload.data;
	m.left = w->payload.len;
	m.bad = 0;
	for (k = 0; k <= SCRUB__MAX; k++)
		o->cnt[k] = (long)msg_get_int(&m);
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++) {
			buf_reset(&o->out[i][l]);
			s = msg_get_str(&m, &len);
			o->has[i][l] = s != NULL;
			if (s != NULL)
				buf_put(&o->out[i][l], s, len);
		}
	for (k = 0; k <= SCRUB__MAX; k++)
		if (o->cnt[k] < 0)
			m.bad = 1;
	if (m.bad || m.left != 0)
		return -1;
	buf_reset(&o->log);
	buf_reset(&o->memo);
	buf_put(&o->memo, val->data, val->len);
	return 0;
}

/*
 * The record's texts, both languages, scrubbed together (what one
 * masks, the others mask too), then brought to the row's level, a
 * department masked in one language masked in the other.
 */
static void
scrub_one(struct scrubwork *w, const struct sin *in, const uint8_t *mk,
    struct sout *o)
{
	struct scrub_field fld[TEXT__MAX * LANG__MAX];
	int		 i, l;

	w->o = o;
	buf_reset(&o->log);
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++) {
			struct scrub_field *fd = &fld[i * LANG__MAX + l];

			memset(fd, 0, sizeof(*fd));
			fd->s = in->s[i][l];
			fd->len = in->len[i][l];
			/* Invisible and bidi controls go first, so none
			 * hides an identifier (uc_hidden). */
			if (fd->s != NULL) {
				buf_reset(&w->vis[i][l]);
				utf8_strip_hidden(&w->vis[i][l], fd->s,
				    fd->len);
				fd->s = buf_str(&w->vis[i][l]);
				fd->len = w->vis[i][l].len;
			}
			fd->markers = w->markers[l];
			buf_reset(&w->tmp[i][l]);
			fd->out = &w->tmp[i][l];
		}
	scrub_record(w->scr, fld, TEXT__MAX * LANG__MAX, log_field, w);
	for (i = 0; i < TEXT__MAX; i++) {
		size_t	 dept[LANG__MAX];

		for (l = 0; l < LANG__MAX; l++) {
			struct scrub_field *fd = &fld[i * LANG__MAX + l];

			o->has[i][l] = fd->s != NULL && fd->len > 0;
			buf_reset(&o->out[i][l]);
			w->ev[i][l].n = 0;
			dept[l] = o->has[i][l] ? textqi_apply(w->tq, &in->tr,
			    l, buf_str(&w->tmp[i][l]), w->tmp[i][l].len, 0,
			    &o->out[i][l], on_textqi_keep, &w->ev[i][l]) : 0;
		}
		for (l = 0; l < LANG__MAX; l++) {
			size_t	 e;

			if (!o->has[i][l])
				continue;
			w->col = i;
			w->lang = l;
			if (!(dept[l] == 0 && dept[l == 0 ? 1 : 0] > 0)) {
				/* The first pass was this very call. */
				for (e = 0; e < w->ev[i][l].n; e++)
					log_textqi(w, w->ev[i][l].v[e].kind,
					    w->ev[i][l].v[e].was,
					    w->ev[i][l].v[e].len);
			} else {
				buf_reset(&o->out[i][l]);
				textqi_apply(w->tq, &in->tr, l,
				    buf_str(&w->tmp[i][l]), w->tmp[i][l].len,
				    1, &o->out[i][l], log_textqi, w);
			}
		}
	}
	if (w->z != NULL)
		memo_make(w, in, mk, o);
}

static void
scrubwork_free(struct scrubwork *w)
{
	int	 i, l;

	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++) {
			free(w->ev[i][l].v);
			buf_free(&w->tmp[i][l]);
			buf_free(&w->vis[i][l]);
		}
	buf_free(&w->dict);
	buf_free(&w->payload);
	memozip_free(w->z);
}

static void
sout_free(struct sout *o)
{
	int	 i, l;

	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++)
			buf_free(&o->out[i][l]);
	buf_free(&o->log);
	buf_free(&o->memo);
}

/* Tell the report and the statistics what scrubbing o logged. */
static int
replay(struct privacy *p, const struct sout *o)
{
	struct msgin	 m = { o->log.data, o->log.len, 0 };
	struct scrub_span sp;
	const char	*s;
	size_t		 len;
	long long	 i, l, kind;

	while (m.left > 0 && !m.bad) {
		switch (msg_get_int(&m)) {
		case LOG_REPL:
			i = msg_get_int(&m);
			memset(&sp, 0, sizeof(sp));
			sp.type = (enum scrub_type)msg_get_int(&m);
			sp.conf = (int)msg_get_int(&m);
			sp.flags = (unsigned)msg_get_int(&m);
			sp.why = (const char *)(intptr_t)msg_get_int(&m);
			s = msg_get_str(&m, &len);
			if (m.bad || s == NULL || i < 0 ||
			    i >= TEXT__MAX * LANG__MAX)
				break;
			sp.len = len;
			on_field(p, (size_t)i, &sp, s);
			break;
		case LOG_TEXTQI:
			i = msg_get_int(&m);
			l = msg_get_int(&m);
			kind = msg_get_int(&m);
			s = msg_get_str(&m, &len);
			if (m.bad || s == NULL || i < 0 || i >= TEXT__MAX ||
			    l < 0 || l >= LANG__MAX)
				break;
			p->cur_col = text_cols[i];
			p->cur_lang = (enum lang)l;
			on_textqi(p, (const char *)(intptr_t)kind, s, len);
			break;
		default:
			m.bad = 1;
		}
	}
	if (m.bad)
		return rs_err("privacy stage: scrubbing: a garbled log");
	return 0;
}

/* A batch of records for the worker: each one's levels and texts. */
static void
sin_put(struct buf *b, const struct sin *in)
{
	int	 i, l;

	msg_put_int(b, in->tr.dx_level);
	msg_put_str(b, in->tr.dx, strlen(in->tr.dx));
	msg_put_int(b, in->tr.profile_level);
	msg_put_str(b, in->tr.profile, strlen(in->tr.profile));
	msg_put_int(b, in->tr.age_level);
	msg_put_str(b, in->tr.age, in->tr.age ? strlen(in->tr.age) : 0);
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++)
			msg_put_str(b, in->s[i][l], in->len[i][l]);
}

static void
sin_get(struct msgin *m, struct sin *in)
{
	size_t	 len;
	int	 i, l;

	memset(in, 0, sizeof(*in));
	in->tr.dx_level = (int)msg_get_int(m);
	in->tr.dx = msg_get_str(m, &len);
	in->tr.profile_level = (int)msg_get_int(m);
	in->tr.profile = msg_get_str(m, &len);
	in->tr.age_level = (int)msg_get_int(m);
	in->tr.age = msg_get_str(m, &len);
	if (in->tr.dx == NULL)
		in->tr.dx = "";
	if (in->tr.profile == NULL)
		in->tr.profile = "";
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++)
			in->s[i][l] = msg_get_str(m, &in->len[i][l]);
}

static void
sout_put(struct buf *b, const struct sout *o)
{
	int	 i, l;

	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++)
			msg_put_str(b, o->has[i][l] ? buf_str(&o->out[i][l]) :
			    NULL, o->out[i][l].len);
	msg_put_str(b, buf_str(&o->log), o->log.len);
	msg_put_str(b, buf_str(&o->memo), o->memo.len);
}

static void
sout_get(struct msgin *m, struct sout *o)
{
	const char	*s;
	size_t		 len;
	int		 i, l;

	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++) {
			buf_reset(&o->out[i][l]);
			s = msg_get_str(m, &len);
			o->has[i][l] = s != NULL;
			if (s != NULL)
				buf_put(&o->out[i][l], s, len);
		}
	buf_reset(&o->log);
	if ((s = msg_get_str(m, &len)) != NULL)
		buf_put(&o->log, s, len);
	buf_reset(&o->memo);
	if ((s = msg_get_str(m, &len)) != NULL)
		buf_put(&o->memo, s, len);
}

/* The worker: a batch of records in, their scrubbed texts and logs out. */
static int
scrub_batch(void *arg, const char *msg, size_t len, struct buf *ans)
{
	struct scrubwork *w = arg;
	struct msgin	 m = { msg, len, 0 };
	struct sout	 o;
	struct sin	 in;
	const uint8_t	*mk;
	size_t		 klen;
	long long	 n, k;

	memset(&o, 0, sizeof(o));
	n = msg_get_int(&m);
	for (k = 0; k < n && !m.bad; k++) {
		sin_get(&m, &in);
		mk = (const uint8_t *)msg_get_str(&m, &klen);
		if (mk == NULL || klen != MEMO_KEYLEN)
			m.bad = 1;
		if (m.bad)
			break;
		scrub_one(w, &in, mk, &o);
		sout_put(ans, &o);
	}
	sout_free(&o);
	return m.bad ? -1 : 0;
}

/* The rows read at a time; the worker scrubs the second half. */
#define BATCH	64

/* The columns publish reads: fixed ones, four coded, the texts, then
 * what only temp.rel takes: source, release, status, stats_new and the
 * region decided (the true one, or the one remembered). */
#define PCOL_CODED	19
#define PCOL_TEXT	(PCOL_CODED + 4)
#define PCOL_REL	(PCOL_TEXT + TEXT__MAX * LANG__MAX)
#define NREL		5
/* Where a row keeps those five (its texts are in its arena). */
#define PROW_REL	PCOL_TEXT
#define PROW__MAX	(PROW_REL + NREL)

/* A row being published: its columns (copies; the texts, most of its
 * bytes, in an arena of their own, reused from row to row), texts in
 * and out. */
struct prow {
	sqlite3_value	*v[PROW__MAX];
	struct buf	 txt;		/* the texts, each ended by a NUL */
	struct sin	 in;
	struct sout	 o;
	uint8_t		 mk[MEMO_KEYLEN];	/* its memo key */
	int		 hit;		/* o came from the memo */
};

static const char *
val_text(sqlite3_value *v)
{
	const char *s = (const char *)sqlite3_value_text(v);

	return s ? s : "";
}

/* Copy the statement's row into r, its texts as the scrubbing takes
 * them. */
static void
prow_read(struct privacy *p, enum form f, sqlite3_stmt *sel, struct prow *r)
{
	const unsigned char *s;
	size_t	 off[TEXT__MAX][LANG__MAX];
	int	 i, l, c, withheld;

	for (c = 0; c < PCOL_TEXT; c++)
		r->v[c] = sqlite3_value_dup(sqlite3_column_value(sel, c));
	for (c = 0; c < NREL; c++)
		r->v[PROW_REL + c] = sqlite3_value_dup(
		    sqlite3_column_value(sel, PCOL_REL + c));
	memset(&r->in, 0, sizeof(r->in));
	r->in.tr.dx_level = sqlite3_value_int(r->v[13]);
	r->in.tr.dx = val_text(r->v[8]);
	r->in.tr.profile_level = sqlite3_value_int(r->v[14]);
	r->in.tr.profile = val_text(r->v[9]);
	r->in.tr.age_level = sqlite3_value_int(r->v[12]);
	r->in.tr.age = f == FORM_INCIDENTS ? val_text(r->v[7]) : NULL;
	withheld = sqlite3_value_int(r->v[15]);
	buf_reset(&r->txt);
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++) {
			c = PCOL_TEXT + i * LANG__MAX + l;
			s = sqlite3_column_text(sel, c);
			r->in.len[i][l] = (size_t)sqlite3_column_bytes(sel, c);
			off[i][l] = s != NULL ? r->txt.len : SIZE_MAX;
			if (s != NULL) {
				buf_put(&r->txt, s, r->in.len[i][l]);
				buf_putc(&r->txt, '\0');
			}
		}
	/* (The arena is whole: its place in memory is final.) */
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++)
			r->in.s[i][l] = off[i][l] == SIZE_MAX ||
			    p->cfg->free_text == FREE_TEXT_OFF || withheld ?
			    NULL : r->txt.data + off[i][l];
}

/* r's memo key, from what scrubbing takes (put into kin). */
static void
prow_key(struct privacy *p, struct prow *r, struct buf *kin)
{
	buf_reset(kin);
	sin_put(kin, &r->in);
	memo_key(p->memo, kin->data, kin->len, r->mk);
}

static void
prow_clear(struct prow *r)
{
	int	 c;

	for (c = 0; c < PROW__MAX; c++) {
		sqlite3_value_free(r->v[c]);
		r->v[c] = NULL;
	}
}

/* ... and its arena gone. */
static void
prow_free(struct prow *r)
{
	prow_clear(r);
	buf_free(&r->txt);
}

/* ------------------------------------------------------------------ */
/* The digests of the quarter tables, over what pub_next gives          */

/*
 * A value: its tag and length (9 bytes), then its bytes.  The digest
 * is XXH3 of 128 bits (libxxhash), as the registry's in the build's
 * key (reuse.c): it tells a table that changed from one that did not,
 * at the speed of reading the rows (it was SHA-256, with a printf per
 * value); it is no defence against someone who can write the
 * registry, who can change what is published anyway.
 */
static void
dig_put(struct privacy *p, char tag, const void *s, size_t len)
{
	unsigned char	 h[9];
	uint64_t	 n = len;

	h[0] = (unsigned char)tag;
	memcpy(h + 1, &n, sizeof(n));
	XXH3_128bits_update(p->dig, h, sizeof(h));
	XXH3_128bits_update(p->cdig, h, sizeof(h));
	if (len > 0) {
		XXH3_128bits_update(p->dig, s, len);
		XXH3_128bits_update(p->cdig, s, len);
	}
}

static void
dig_int(struct privacy *p, long long v)
{
	int64_t	 n = v;

	dig_put(p, 'i', &n, sizeof(n));
}

static void
dig_text(struct privacy *p, const char *s, size_t len)
{
	if (s == NULL)
		dig_put(p, 'n', NULL, 0);
	else
		dig_put(p, 't', s, len);
}

static void
dig_value(struct privacy *p, sqlite3_value *v)
{
	switch (sqlite3_value_type(v)) {
	case SQLITE_NULL:
		dig_put(p, 'n', NULL, 0);
		break;
	case SQLITE_INTEGER:
		dig_int(p, sqlite3_value_int64(v));
		break;
	default:
		dig_text(p, (const char *)sqlite3_value_text(v),
		    (size_t)sqlite3_value_bytes(v));
		break;
	}
}

/* The chunk of rows being digested is complete (it has a row). */
static void
dig_chunk(struct privacy *p)
{
	XXH128_canonical_t x;

	XXH128_canonicalFromHash(&x, XXH3_128bits_digest(p->cdig));
	p->chunks = xreallocarray(p->chunks, p->nchunks + 1,
	    sizeof(*p->chunks));
	memcpy(p->chunks[p->nchunks++], x.digest, sizeof(x.digest));
	XXH3_128bits_reset(p->cdig);
	XXH3_128bits_update(p->cdig, "regsite rows v1\n", 16);
}

/* The quarter table being digested is complete. */
static void
dig_close(struct privacy *p)
{
	struct qdigest	*d;
	XXH128_canonical_t x;

	if (!p->dig_open)
		return;
	p->dig_open = 0;
	XXH128_canonicalFromHash(&x, XXH3_128bits_digest(p->dig));
	p->digs = xreallocarray(p->digs, p->ndigs + 1, sizeof(*p->digs));
	d = &p->digs[p->ndigs++];
	d->f = p->dig_f;
	snprintf(d->quarter, sizeof(d->quarter), "%s", p->dig_q);
	hex_encode(x.digest, sizeof(x.digest), d->hex);
	dig_chunk(p);
	d->chunks = p->chunks;
	d->nchunks = p->nchunks;
	p->chunks = NULL;
	p->nchunks = 0;
}

/* A row of f's quarter table: digested in the order published. */
static void
dig_row(struct privacy *p, enum form f, const char *quarter)
{
	if (p->dig_open && (p->dig_f != f || strcmp(p->dig_q, quarter) != 0))
		dig_close(p);
	if (!p->dig_open) {
		p->dig_open = 1;
		p->dig_f = f;
		snprintf(p->dig_q, sizeof(p->dig_q), "%s", quarter);
		if (p->dig == NULL) {
			p->dig = xxh3_new();
			p->cdig = xxh3_new();
		}
		XXH3_128bits_reset(p->dig);
		XXH3_128bits_update(p->dig, "regsite table v2\n", 17);
		XXH3_128bits_reset(p->cdig);
		XXH3_128bits_update(p->cdig, "regsite rows v1\n", 16);
		p->dig_rows = 0;
	} else if (p->dig_rows % PUB_CHUNK == 0)
		dig_chunk(p);
	p->dig_rows++;
}

const char *
pub_digest(const struct privacy *p, enum form f, const char *quarter)
{
	size_t	 i;

	for (i = 0; i < p->ndigs; i++)
		if (p->digs[i].f == f && strcmp(p->digs[i].quarter,
		    quarter) == 0)
			return p->digs[i].hex;
	return "none";
}

const uint8_t *
pub_chunk(const struct privacy *p, enum form f, const char *quarter,
    size_t k)
{
	size_t	 i;

	for (i = 0; i < p->ndigs; i++)
		if (p->digs[i].f == f && strcmp(p->digs[i].quarter,
		    quarter) == 0)
			return k < p->digs[i].nchunks ? p->digs[i].chunks[k] :
			    NULL;
	return NULL;
}

/* What privacy_record reads of temp.rel, and in which order. */
static const char sql_remember[] = "SELECT form, quarter, no, source, "
    "source_ref, release, month, sex, age, dx, profile, withheld, "
    "outcome, region, stats_col FROM temp.rel ORDER BY ";

/*
 * What the release remembers of a row published anew (new, back, or
 * given its regional column): into temp.rel, in the order published,
 * for privacy_record, which read it from temp.dec through dec_order
 * before, each row from its own place (9.1 s of the 1 000 000-incident
 * build's 18 s of remembering).  The columns are privacy_record's.
 */
static int
prow_remember(struct privacy *p, enum form f, const struct prow *r)
{
	sqlite3_stmt	*st = p->st_rel;
	int		 status = sqlite3_value_int(r->v[PROW_REL + 2]);
	int		 i;

	if (st == NULL || (status != ST_REJOINED && status != ST_NEW &&
	    sqlite3_value_int(r->v[PROW_REL + 3]) != 1))
		return 0;	/* a preview, or nothing to remember */
	sqlite3_reset(st);
	sqlite3_bind_int(st, 1, f);
	sqlite3_bind_value(st, 2, r->v[2]);		/* quarter */
	sqlite3_bind_value(st, 3, r->v[3]);		/* no */
	sqlite3_bind_value(st, 4, r->v[PROW_REL]);	/* source */
	sqlite3_bind_value(st, 5, r->v[1]);		/* source_ref */
	sqlite3_bind_value(st, 6, r->v[PROW_REL + 1]);	/* release */
	for (i = 0; i < 5; i++)		/* month, sex, age, dx, profile */
		sqlite3_bind_value(st, 7 + i, r->v[5 + i]);
	sqlite3_bind_value(st, 12, r->v[15]);		/* withheld */
	sqlite3_bind_value(st, 13, r->v[18]);		/* outcome */
	sqlite3_bind_value(st, 14, r->v[PROW_REL + 4]);	/* region */
	sqlite3_bind_value(st, 15, r->v[16]);		/* stats_col */
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_err(p->db, "privacy stage: publishing");
	return 0;
}

/* Insert a scrubbed row into temp.pub, telling the report its log. */
static int
prow_insert(struct privacy *p, enum form f, sqlite3_stmt *ins,
    struct prow *r)
{
	const char	*quarter = val_text(r->v[2]);
	long		 no = (long)sqlite3_value_int64(r->v[3]);
	int		 lvm = sqlite3_value_int(r->v[10]);
	int		 i, l, k;
	char		 ref[64];

	snprintf(ref, sizeof(ref), "%s-%s-%04ld", quarter, form_letter[f], no);
	sqlite3_reset(ins);
	sqlite3_bind_int(ins, 1, f);
	sqlite3_bind_text(ins, 2, quarter, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(ins, 3, no);
	sqlite3_bind_value(ins, 4, r->v[4]);
	sqlite3_bind_int(ins, 5, lvm == 0 ? atoi(val_text(r->v[5])) : -1);
	if (f == FORM_INSURANCE)
		sqlite3_bind_text(ins, 6, "", -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(ins, 6);
	sqlite3_bind_value(ins, 7, r->v[6]);
	if (f == FORM_INCIDENTS)
		sqlite3_bind_value(ins, 8, r->v[7]);
	else
		sqlite3_bind_null(ins, 8);
	sqlite3_bind_value(ins, 9, r->v[8]);
	sqlite3_bind_value(ins, 10, r->v[9]);
	for (i = 0; i < 4; i++)
		sqlite3_bind_value(ins, 11 + i, r->v[PCOL_CODED + i]);
	for (i = 0; i < 5; i++)
		sqlite3_bind_int(ins, 23 + i, sqlite3_value_int(r->v[10 + i]));
	sqlite3_bind_int(ins, 28, sqlite3_value_int(r->v[15]));
	sqlite3_bind_value(ins, 29, r->v[16]);
	sqlite3_bind_value(ins, 30, r->v[17]);
	sqlite3_bind_int(ins, 31, sqlite3_value_int(r->v[18]));
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++) {
			k = 15 + i * 2 + l;
			if (r->o.has[i][l])
				sqlite3_bind_text(ins, k,
				    buf_str(&r->o.out[i][l]),
				    (int)r->o.out[i][l].len, SQLITE_STATIC);
			else
				sqlite3_bind_null(ins, k);
		}
	/* The digest: the bound values pub_next gives, in its order. */
	dig_row(p, f, quarter);
	dig_int(p, no);
	dig_value(p, r->v[4]);
	dig_int(p, lvm == 0 ? atoi(val_text(r->v[5])) : -1);
	dig_text(p, f == FORM_INSURANCE ? "" : NULL, 0);
	dig_value(p, r->v[6]);
	if (f == FORM_INCIDENTS)
		dig_value(p, r->v[7]);
	else
		dig_text(p, NULL, 0);
	dig_value(p, r->v[8]);
	dig_value(p, r->v[9]);
	for (i = 0; i < 4; i++)
		dig_value(p, r->v[PCOL_CODED + i]);
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++)
			dig_text(p, r->o.has[i][l] ? buf_str(&r->o.out[i][l]) :
			    NULL, r->o.out[i][l].len);
	/* The levels of diagnosis and profile; those of month, sex and
	 * age are in their values ("90+" is at two of age's levels). */
	dig_int(p, sqlite3_value_int(r->v[13]));
	dig_int(p, sqlite3_value_int(r->v[14]));
	dig_int(p, sqlite3_value_int(r->v[15]));
	p->cur_ref = ref;
	p->cur_id = sqlite3_value_int64(r->v[0]);
	p->cur_src = val_text(r->v[1]);
	p->cur_repl = 0;
	if (r->hit) {
		/* From the memo (no report): the counts alone. */
		for (k = 0; k < SCRUB__MAX; k++) {
			p->stats.replacements[k] += r->o.cnt[k];
			p->cur_repl += r->o.cnt[k];
		}
		p->stats.generalized += r->o.cnt[SCRUB__MAX];
		p->cur_repl += r->o.cnt[SCRUB__MAX];
	} else if (replay(p, &r->o) == -1)
		return -1;
	if (p->cur_repl)
		p->stats.records_scrubbed++;
	if (sqlite3_step(ins) != SQLITE_DONE)
		return db_err(p->db, "privacy stage: publishing");
	if (p->memo != NULL && memo_put(p->memo, r->mk, r->o.memo.data,
	    r->o.memo.len) == -1)
		return -1;
	return prow_remember(p, f, r);
}

struct ahead;
static int	ahead_often(struct ahead *, size_t, const struct prow *);

static int
prows_insert(struct privacy *p, enum form f, sqlite3_stmt *ins,
    struct prow *r, size_t n, struct ahead *a)
{
	size_t	 k;

	for (k = 0; k < n; k++) {
		if (prow_insert(p, f, ins, &r[k]) == -1 ||
		    ahead_often(a, k, NULL) == -1)
			return -1;
		prow_clear(&r[k]);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Scrubbing ahead                                                      */

/*
 * A rebuild finds most records' texts in the last build's memo; the
 * records it must scrub are the new ones, most of them the new
 * quarter's, last in the order published.  Splitting each batch
 * between the two processes would leave the worker idle while this
 * one publishes the earlier quarters from the memo.  So, with a memo,
 * the worker is fed ahead: a second cursor walks the records published
 * for the first time that the memo lacks, and the worker scrubs them a
 * chunk at a time.  Its answers wait in a temporary file beside the
 * memo until publishing reaches them (a file, not memory: the new
 * quarter of a large registry is a gigabyte of texts).  When
 * publishing reaches the chunk the worker is scrubbing, this process
 * scrubs the next one instead of waiting.  An answer is taken by the
 * record of its place and memo key; a record no answer is for (the
 * cursor was behind it, or it is no new record) is scrubbed here, in
 * its turn.  Scrubbing is a function of what the memo key is made of,
 * so the output and the report are those of scrubbing every record in
 * order.
 */
#define CHUNK	32

/* A record scrubbed ahead: its place in the order published, its key. */
struct aitem {
	char		 quarter[16];
	long long	 no;
	uint8_t		 mk[MEMO_KEYLEN];
};

struct ahead {
	struct privacy	*p;
	enum form	 f;
	struct worker	*wk;
	struct scrubwork *w;
	sqlite3_stmt	*sel;		/* the new records, in order */
	int		 done;		/* sel is at its end */
	int		 fd;		/* the answers waiting, in order */
	off_t		 rd, wr;
	struct aitem	 out[CHUNK];	/* the chunk at the worker */
	size_t		 nout;
	int		 out_first;	/* it comes before the held chunk */
	struct prow	 held[CHUNK];	/* the chunk scrubbed here */
	struct prow	 one;		/* a record being sent */
	struct aitem	 hitem[CHUNK];
	size_t		 nheld;
	char		 pos_q[16];	/* the last record publishing read */
	long long	 pos_no;
	char		*head;		/* the first answer waiting */
	size_t		 headcap;
	int		 hashead;
	struct aitem	 hh;		/* its record */
	struct msgin	 hm;		/* its scrubbed texts */
	struct buf	 msg, kin, val, ent;
	struct sout	 tmp;
};

static int
place_cmp(const char *q1, long long n1, const char *q2, long long n2)
{
	int	 c = strcmp(q1, q2);

	if (c != 0)
		return c;
	return n1 < n2 ? -1 : n1 > n2;
}

static void
aitem_set(struct aitem *it, const struct prow *r)
{
	snprintf(it->quarter, sizeof(it->quarter), "%s", val_text(r->v[2]));
	it->no = sqlite3_value_int64(r->v[3]);
	memcpy(it->mk, r->mk, MEMO_KEYLEN);
}

static int
spill_err(void)
{
	return rs_err("privacy stage: a temporary file: %s", strerror(errno));
}

/* The next record to scrub ahead into r: 1, 0 at the end, -1. */
static int
ahead_row(struct ahead *a, struct prow *r)
{
	struct privacy	*p = a->p;
	int		 step;

	while (!a->done) {
		if ((step = sqlite3_step(a->sel)) == SQLITE_DONE) {
			a->done = 1;
			break;
		}
		if (step != SQLITE_ROW)
			return db_err(p->db, "privacy stage: reading records");
		/* Publishing has read it: it scrubs it in its turn. */
		if (place_cmp(col_text(a->sel, 2), sqlite3_column_int64(a->sel,
		    3), a->pos_q, a->pos_no) <= 0)
			continue;
		prow_read(p, a->f, a->sel, r);
		prow_key(p, r, &a->kin);
		if (memo_get(p->memo, r->mk, &a->val) == 1) {
			prow_clear(r);
			continue;
		}
		return 1;
	}
	return 0;
}

/* Append an answer for it to the file. */
static int
spill_put(struct ahead *a, const struct aitem *it, const struct sout *o)
{
	uint64_t	 len;
	int		 fd = a->fd;

	buf_reset(&a->ent);
	msg_put_str(&a->ent, it->quarter, strlen(it->quarter));
	msg_put_int(&a->ent, it->no);
	msg_put_str(&a->ent, (const char *)it->mk, MEMO_KEYLEN);
	sout_put(&a->ent, o);
	len = a->ent.len;
	if (pwrite(fd, &len, sizeof(len), a->wr) != (ssize_t)sizeof(len) ||
	    pwrite(fd, a->ent.data, a->ent.len, a->wr + (off_t)sizeof(len)) !=
	    (ssize_t)a->ent.len)
		return spill_err();
	a->wr += (off_t)(sizeof(len) + a->ent.len);
	return 0;
}

/* Send the worker the next chunk, if it has none. */
static int
ahead_send(struct ahead *a)
{
	struct prow	*r = &a->one;
	size_t		 n = 0;
	int		 rc;

	if (a->nout > 0 || a->done)
		return 0;
	buf_reset(&a->msg);
	msg_put_int(&a->msg, 0);	/* the count, set below */
	while (n < CHUNK && (rc = ahead_row(a, r)) == 1) {
		sin_put(&a->msg, &r->in);
		msg_put_str(&a->msg, (const char *)r->mk, MEMO_KEYLEN);
		aitem_set(&a->out[n++], r);
		prow_clear(r);
	}
	if (n < CHUNK && rc == -1)
		return -1;
	if (n == 0)
		return 0;
	memcpy(a->msg.data, &(long long){ (long long)n }, sizeof(long long));
	if (worker_send(a->wk, &a->msg) == -1)
		return -1;
	a->nout = n;
	a->out_first = 0;
	return 0;
}

/* The worker's answer to its chunk, into the file. */
static int
ahead_collect(struct ahead *a)
{
	struct msgin	 m;
	size_t		 k;

	if (worker_recv(a->wk, &a->msg) == -1)
		return -1;
	m.p = a->msg.data;
	m.left = a->msg.len;
	m.bad = 0;
	for (k = 0; k < a->nout; k++) {
		sout_get(&m, &a->tmp);
		if (m.bad)
			return rs_err("privacy stage: scrubbing: a garbled "
			    "answer");
		if (spill_put(a, &a->out[k], &a->tmp) == -1)
			return -1;
	}
	a->p->ahead[0] += (long)a->nout;
	a->nout = 0;
	a->out_first = 0;
	return 0;
}

/* Keep the worker busy: take its answer if there is one, send more. */
static int
ahead_pump(struct ahead *a)
{
	/* (A chunk sent after the held one waits until that is in.) */
	if (a->nout > 0 && (a->nheld == 0 || a->out_first) &&
	    worker_ready(a->wk) && ahead_collect(a) == -1)
		return -1;
	return ahead_send(a);
}

/*
 * Between a batch's records: the worker, done with its chunk, would
 * wait for the next one until the batch ends (a third of its time in
 * a rebuild, by its CPU), so every PUMP records it is given it.  read:
 * the record publishing has just read, which the cursor ahead then
 * leaves to publishing.
 */
#define PUMP	8

static void	ahead_at(struct ahead *, const struct prow *);

static int
ahead_often(struct ahead *a, size_t k, const struct prow *read)
{
	if (a == NULL || k % PUMP != PUMP - 1)
		return 0;
	if (read != NULL)
		ahead_at(a, read);
	return ahead_pump(a);
}

/* Publishing waits on the worker's chunk: scrub the next one here. */
static int
ahead_self(struct ahead *a)
{
	size_t	 k, n = 0;
	int	 rc = 0;

	while (n < CHUNK && (rc = ahead_row(a, &a->held[n])) == 1)
		n++;
	if (rc == -1) {
		while (n > 0)
			prow_clear(&a->held[--n]);
		return -1;
	}
	a->nheld = n;
	a->out_first = 1;
	for (k = 0; k < n; k++) {
		aitem_set(&a->hitem[k], &a->held[k]);
		scrub_one(a->w, &a->held[k].in, a->held[k].mk,
		    &a->held[k].o);
		prow_clear(&a->held[k]);
		if (a->out_first && ahead_pump(a) == -1)
			return -1;
	}
	/* The worker's chunk, then this one, then the next one sent. */
	if (a->out_first && a->nout > 0 && ahead_collect(a) == -1)
		return -1;
	for (k = 0; k < n; k++)
		if (spill_put(a, &a->hitem[k], &a->held[k].o) == -1)
			return -1;
	a->p->ahead[1] += (long)n;
	a->nheld = 0;
	return ahead_send(a);
}

/* Read the first answer waiting, if any: 1, 0, -1. */
static int
ahead_head(struct ahead *a)
{
	uint64_t	 len;
	const char	*s;
	size_t		 n;
	int		 fd = a->fd;

	if (a->hashead)
		return 1;
	if (a->rd == a->wr)
		return 0;
	if (pread(fd, &len, sizeof(len), a->rd) != (ssize_t)sizeof(len) ||
	    len > (uint64_t)(a->wr - a->rd))
		return spill_err();
	if (len > a->headcap) {
		a->head = xrealloc(a->head, (size_t)len);
		a->headcap = (size_t)len;
	}
	if (pread(fd, a->head, (size_t)len, a->rd + (off_t)sizeof(len)) !=
	    (ssize_t)len)
		return spill_err();
	a->rd += (off_t)(sizeof(len) + len);
	a->hm.p = a->head;
	a->hm.left = (size_t)len;
	a->hm.bad = 0;
	s = msg_get_str(&a->hm, &n);
	snprintf(a->hh.quarter, sizeof(a->hh.quarter), "%s", s ? s : "");
	a->hh.no = msg_get_int(&a->hm);
	s = msg_get_str(&a->hm, &n);
	if (a->hm.bad || s == NULL || n != MEMO_KEYLEN)
		return rs_err("privacy stage: scrubbing: a garbled answer");
	memcpy(a->hh.mk, s, MEMO_KEYLEN);
	a->hashead = 1;
	return 1;
}

/*
 * What scrubbing ahead made of r into r->o: 1, or 0 when nothing was
 * scrubbed ahead for it (r is then scrubbed in its turn), or -1.
 */
static int
ahead_take(struct ahead *a, struct prow *r)
{
	const char	*q = val_text(r->v[2]);
	long long	 no = sqlite3_value_int64(r->v[3]);
	int		 c, rc;

	for (;;) {
		if ((rc = ahead_head(a)) == -1)
			return -1;
		if (rc == 0) {
			/* Not at the worker either, or not yet reached. */
			if (a->nout == 0 || place_cmp(a->out[0].quarter,
			    a->out[0].no, q, no) > 0)
				return 0;
			/* It is: scrub the next chunk here meanwhile. */
			if (!a->done && a->nheld == 0) {
				if (ahead_self(a) == -1)
					return -1;
			} else if (ahead_collect(a) == -1)
				return -1;
			continue;
		}
		c = place_cmp(a->hh.quarter, a->hh.no, q, no);
		if (c > 0)
			return 0;
		a->hashead = 0;
		if (c < 0 || memcmp(a->hh.mk, r->mk, MEMO_KEYLEN) != 0)
			continue;	/* for a record gone by */
		sout_get(&a->hm, &r->o);
		if (a->hm.bad || a->hm.left != 0)
			return rs_err("privacy stage: scrubbing: a garbled "
			    "answer");
		return 1;
	}
}

/* Publishing has read up to r: the cursor leaves it to publishing. */
static void
ahead_at(struct ahead *a, const struct prow *r)
{
	snprintf(a->pos_q, sizeof(a->pos_q), "%s", val_text(r->v[2]));
	a->pos_no = sqlite3_value_int64(r->v[3]);
}

/*
 * Scrubbing ahead for form f, the worker wk, this process's w (the
 * select's columns as publish's): *out NULL when there is nothing to
 * do ahead.  0, or -1 and rs_err.
 */
static int
ahead_open(struct privacy *p, enum form f, const char *cols,
    struct worker *wk, struct scrubwork *w, struct ahead **out)
{
	struct ahead	*a;
	struct buf	 q = { 0 };
	char		*tmpl;
	int		 rc;

	*out = NULL;
	if (wk == NULL || p->memo == NULL || !memo_has_prev(p->memo) ||
	    p->memo_next == NULL)
		return 0;
	a = xcalloc(1, sizeof(*a));
	a->p = p;
	a->f = f;
	a->wk = wk;
	a->w = w;
	buf_printf(&q, "%s AND d.status = %d ORDER BY d.quarter, d.no", cols,
	    ST_NEW);
	rc = prepare(p, buf_str(&q), &a->sel);
	buf_free(&q);
	if (rc == -1) {
		free(a);
		return -1;
	}
	/* Beside the memo, where the site is (and its room), not /tmp;
	 * unlinked at once, so that nothing is left if the build dies. */
	tmpl = xasprintf("%s.spill-XXXXXX", p->memo_next);
	if ((a->fd = mkstemp(tmpl)) == -1) {
		rs_err("privacy stage: %s: cannot create: %s", tmpl,
		    strerror(errno));
		free(tmpl);
		sqlite3_finalize(a->sel);
		free(a);
		return -1;
	}
	unlink(tmpl);
	free(tmpl);
	*out = a;
	return 0;
}

/* 0, or -1 and rs_err; ok 0: the build is failing, the worker killed. */
static int
ahead_close(struct ahead *a, int ok)
{
	size_t	 k;
	int	 rc = 0;

	if (a == NULL)
		return 0;
	/* An answer left unread would keep the worker from ending. */
	if (ok && a->nout > 0)
		rc = ahead_collect(a);
	for (k = 0; k < CHUNK; k++) {
		prow_free(&a->held[k]);
		sout_free(&a->held[k].o);
	}
	prow_free(&a->one);
	sout_free(&a->one.o);
	sqlite3_finalize(a->sel);
	close(a->fd);
	free(a->head);
	buf_free(&a->msg);
	buf_free(&a->kin);
	buf_free(&a->val);
	buf_free(&a->ent);
	sout_free(&a->tmp);
	free(a);
	return rc;
}

/* Read up to BATCH rows into b: how many, or (size_t)-1 and rs_err. */
static size_t
read_batch(struct privacy *p, enum form f, sqlite3_stmt *sel, int *step,
    struct ahead *a, struct prow *b)
{
	size_t	 n = 0;

	if (*step == SQLITE_ROW)
		for (; n < BATCH && (*step = sqlite3_step(sel)) ==
		    SQLITE_ROW; n++) {
			prow_read(p, f, sel, &b[n]);
			if (ahead_often(a, n, &b[n]) == -1)
				return (size_t)-1;
		}
	if (*step != SQLITE_ROW && *step != SQLITE_DONE) {
		db_err(p->db, "privacy stage: reading records");
		return (size_t)-1;
	}
	if (a != NULL && n > 0)
		ahead_at(a, &b[n - 1]);
	return n;
}

/*
 * Publish a form's rows: read BATCH at a time in order, scrub them
 * (with two processes, the worker the last part of each batch while
 * this one does the first), insert them in order.  The output and the
 * report are the same with one process or two, whatever the parts.
 */
static int
publish(struct privacy *p, enum form f)
{
	struct prow	*rows;
	struct scrubwork w;
	struct worker	*wk = NULL;
	struct buf	 q = { 0 }, msg = { 0 }, kin = { 0 }, val = { 0 };
	struct msgin	 m;
	sqlite3_stmt	*sel = NULL, *ins = NULL;
	struct ahead	*a = NULL;
	char		*cols = NULL;
	size_t		 n, k, half, nprev = 0, nneed, need[BATCH];
	size_t		 share = BATCH / 2, nnext;
	int		 i, cur, step = SQLITE_ROW, rc = -1;

	rows = xcalloc(2 * BATCH, sizeof(*rows));
	memset(&w, 0, sizeof(w));
	w.scr = p->scr;
	w.tq = p->tq;
	w.markers[LANG_KK] = p->markers[LANG_KK];
	w.markers[LANG_RU] = p->markers[LANG_RU];
	if (p->memo != NULL)
		w.z = memozip_new(p->memo);
	buf_printf(&q, "SELECT t.id, d.source_ref, d.quarter, d.no, d.reported, "
	    "d.month, d.sex, d.age, d.dx, d.profile, d.lv_month, d.lv_sex, "
	    "d.lv_age, d.lv_dx, d.lv_profile, d.withheld, d.stats_col, "
	    "d.region, d.outcome");
	if (f == FORM_INCIDENTS)
		buf_puts(&q, ", t.category, t.consequence, t.trigger, "
		    "t.corrective_plan");
	else
		buf_puts(&q, ", t.insured, t.harm, t.disability, NULL");
	for (i = 0; i < TEXT__MAX; i++)
		buf_printf(&q, ", t.%s_kk, t.%s_ru", text_cols[i],
		    text_cols[i]);
	buf_puts(&q, ", d.source, d.release, d.status, d.stats_new, "
	    "d.region");
	buf_printf(&q, " FROM temp.dec d JOIN main.%s t ON t.id = d.id "
	    "WHERE d.form = %d AND d.status <> %d", form_table[f], f,
	    ST_DEFERRED);
	cols = xstrdup(buf_str(&q));
	buf_puts(&q, " ORDER BY d.quarter, d.no");
	if (prepare(p, buf_str(&q), &sel) == -1 ||
	    prepare(p, "INSERT INTO temp.pub VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
	    "?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)",
	    &ins) == -1 || (!p->preview &&
	    prepare(p, "INSERT INTO temp.rel VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)", &p->st_rel) == -1))
		goto out;
	/* A worker when there is work for two (free text off: none). */
	if (p->jobs > 1 && p->cfg->free_text != FREE_TEXT_OFF &&
	    p->records[f] > 4 * BATCH &&
	    (wk = worker_start("privacy stage: scrubbing", scrub_batch,
	    &w)) == NULL)
		goto out;
	if (ahead_open(p, f, cols, wk, &w, &a) == -1)
		goto out;
	/*
	 * Two batches in turn: while the worker scrubs its part of this
	 * one, this process inserts the last one, scrubs its part and
	 * reads the next one (into the last one's rows).
	 */
	if ((n = read_batch(p, f, sel, &step, a, rows)) == (size_t)-1)
		goto out;
	for (cur = 0; ; cur ^= 1) {
		struct prow	*b = rows + cur * BATCH;

		/* What the memo has needs no scrubbing, nor what was
		 * scrubbed ahead. */
		for (k = nneed = 0; k < n; k++) {
			b[k].hit = 0;
			if (p->memo != NULL) {
				prow_key(p, &b[k], &kin);
				b[k].hit = memo_get(p->memo, b[k].mk,
				    &val) == 1 && memo_take(&w, &b[k].in,
				    b[k].mk, &val, &b[k].o) == 0;
				p->memo_hits += b[k].hit;
				p->memo_rows++;
			}
			if (ahead_often(a, k, NULL) == -1)
				goto out;
			if (b[k].hit)
				continue;
			if (a != NULL && (i = ahead_take(a, &b[k])) != 0) {
				if (i == -1)
					goto out;
				continue;
			}
			need[nneed++] = k;
		}
		if (a != NULL && ahead_pump(a) == -1)
			goto out;
		/*
		 * The worker's part, of BATCH: this process also reads and
		 * inserts, so an even split left the worker idle a quarter
		 * of the stage (a third at 300 000 incidents).  The part
		 * follows which of the two finished first, batch by batch.
		 */
		half = wk != NULL && a == NULL ?
		    nneed - (nneed * share + BATCH / 2) / BATCH : nneed;
		if (half < nneed) {
			buf_reset(&msg);
			msg_put_int(&msg, (long long)(nneed - half));
			for (k = half; k < nneed; k++) {
				sin_put(&msg, &b[need[k]].in);
				msg_put_str(&msg, (const char *)b[need[k]].mk,
				    MEMO_KEYLEN);
			}
			if (worker_send(wk, &msg) == -1)
				goto out;
		}
		if (prows_insert(p, f, ins, rows + (cur ^ 1) * BATCH,
		    nprev, a) == -1)
			goto out;
		for (k = 0; k < half; k++) {
			scrub_one(&w, &b[need[k]].in, b[need[k]].mk,
			    &b[need[k]].o);
			if (a != NULL && ahead_pump(a) == -1)
				goto out;
		}
		if ((nnext = read_batch(p, f, sel, &step, a,
		    rows + (cur ^ 1) * BATCH)) == (size_t)-1)
			goto out;
		if (half < nneed) {
			if (worker_ready(wk)) {
				if (share < BATCH - BATCH / 16)
					share++;
			} else if (share > BATCH / 16)
				share--;
			if (worker_recv(wk, &msg) == -1)
				goto out;
			m.p = msg.data;
			m.left = msg.len;
			m.bad = 0;
			for (k = half; k < nneed; k++)
				sout_get(&m, &b[need[k]].o);
			if (m.bad) {
				rs_err("privacy stage: scrubbing: a garbled "
				    "answer");
				goto out;
			}
		}
		if ((nprev = n) == 0)
			break;
		n = nnext;
	}
	dig_close(p);
	rc = 0;
out:
	if (ahead_close(a, rc == 0) == -1)
		rc = -1;
	if (worker_stop(wk, rc == 0) == -1)
		rc = -1;
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	sqlite3_finalize(p->st_rel);
	p->st_rel = NULL;
	free(cols);
	buf_free(&q);
	buf_free(&msg);
	buf_free(&kin);
	buf_free(&val);
	for (k = 0; k < 2 * BATCH; k++) {
		prow_free(&rows[k]);
		sout_free(&rows[k].o);
	}
	free(rows);
	scrubwork_free(&w);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The report                                                           */

/* Classes per quarter table in the union of releases (withdrawn rows
 * included): class = identical published row. */
static int
report_classes(struct privacy *p, enum form f)
{
	static const long edges[] = { 1, 2, 5, 11, 20, 50, 100, 1000 };
	struct report	*r = p->report;
	struct buf	 b = { 0 }, h = { 0 };
	sqlite3_stmt	*st = NULL;
	char		 last[8] = "";
	long		 hist[8], minsz = 0, classes = 0, recs = 0, sz;
	int		 step, rc = -1;
	size_t		 i;

	buf_printf(&b, "SELECT quarter, count(*) FROM (SELECT quarter, month, "
	    "sex, age, dx, profile FROM temp.dec WHERE form = %d AND "
	    "status <> %d", f, ST_DEFERRED);
	if (p->has_memory)
		buf_printf(&b, " UNION ALL SELECT g.quarter, d.month, d.sex, "
		    "d.age, d.dx, d.profile FROM temp.gone g JOIN "
		    "main.published d ON d.policy = '%s' AND d.form = '%s' AND "
		    "d.quarter = g.quarter AND d.no = g.no WHERE g.form = %d",
		    p->policy, form_name[f], f);
	buf_puts(&b, ") GROUP BY quarter, month, sex, age, dx, profile "
	    "ORDER BY quarter");
	if (prepare(p, buf_str(&b), &st) == -1)
		goto out;
	report_line(r, "  %s:", report_tr(r, "classes in the union"));
	report_line(r, "  %s | %s | %s | %s | %s (1 | 2-4 | 5-10 | 11-19 | "
	    "20-49 | 50-99 | 100-999 | 1000+)", report_tr(r, "quarter"),
	    report_tr(r, "records"), report_tr(r, "classes"),
	    report_tr(r, "smallest"), report_tr(r, "class sizes"));
	memset(hist, 0, sizeof(hist));
	for (;;) {
		step = sqlite3_step(st);
		if (step == SQLITE_ROW && last[0] != '\0' &&
		    strcmp(last, col_text(st, 0)) == 0)
			;
		else if (last[0] != '\0') {
			buf_reset(&h);
			for (i = 0; i < 8; i++)
				buf_printf(&h, "%s%ld", i ? " | " : "",
				    hist[i]);
			report_line(r, "  %-7s  %7ld  %7ld  %8ld  %s%s", last,
			    recs, classes, minsz, buf_str(&h),
			    minsz < p->cfg->k ? "  (BELOW k)" : "");
			memset(hist, 0, sizeof(hist));
			minsz = classes = recs = 0;
		}
		if (step != SQLITE_ROW)
			break;
		snprintf(last, sizeof(last), "%s", col_text(st, 0));
		sz = (long)sqlite3_column_int64(st, 1);
		classes++;
		recs += sz;
		if (minsz == 0 || sz < minsz)
			minsz = sz;
		for (i = 7; i > 0 && sz < edges[i]; i--)
			continue;
		hist[i]++;
	}
	if (step != SQLITE_DONE) {
		db_err(p->db, "privacy report");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	buf_free(&b);
	buf_free(&h);
	return rc;
}

/* The levels published, as shares of the rows. */
static void
report_shares(struct privacy *p, enum form f)
{
	struct report	*r = p->report;
	struct buf	 b = { 0 };
	int		 q;

	for (q = 0; q < QI__MAX; q++) {
		if (!form_has_qi[f][q])
			continue;
		buf_printf(&b, " %s %.0f%%", report_tr(r, qi_names[q]),
		    p->published[f] ? 100.0 * (double)p->shown[f][q] /
		    (double)p->published[f] : 0.0);
		if (p->published[f] > 0 && p->shown[f][q] == 0)
			report_review(r, RR_HIDDEN, "%s: %s", report_tr(r,
			    f == FORM_INCIDENTS ? "Form 1" : "Form 2"),
			    report_tr(r, qi_names[q]));
	}
	report_line(r, "  %s (%ld):%s; %s: %.1f%%", report_tr(r,
	    "values shown"), p->published[f], buf_str(&b),
	    report_tr(r, "cells shown"), 100.0 * privacy_share(p, f));
	buf_free(&b);
}

static int
report_form(struct privacy *p, enum form f)
{
	struct report	*r = p->report;
	struct buf	 b = { 0 };
	sqlite3_stmt	*st = NULL;
	int		 q, l, step;

	report_section(r, report_tr(r, f == FORM_INCIDENTS ? "Form 1" :
	    "Form 2"));
	report_line(r, "%s (%s): %ld %s", report_tr(r, f == FORM_INCIDENTS ?
	    "Form 1" : "Form 2"), form_table[f], p->records[f],
	    report_tr(r, "records"));
	report_line(r, "  %s: %ld; %s: %ld; %s: %ld; %s: %ld; %s: %ld; "
	    "%s: %ld", report_tr(r, "kept as published"),
	    p->status[f][ST_FROZEN], report_tr(r, "published again"),
	    p->status[f][ST_REJOINED], report_tr(r, "published first"),
	    p->status[f][ST_NEW], report_tr(r, "deferred"),
	    p->status[f][ST_DEFERRED], report_tr(r, "withdrawn now"),
	    p->withdrawn[f], report_tr(r, "narratives withheld"),
	    p->withheld[f]);
	report_shares(p, f);
	for (q = 0; q < QI__MAX; q++) {
		if (!form_has_qi[f][q] || q == QI_REGION)
			continue;
		buf_reset(&b);
		buf_printf(&b, "SELECT lv_%s, count(*) FROM temp.dec WHERE "
		    "form = %d AND status <> %d GROUP BY 1 ORDER BY 1",
		    q == QI_MONTH ? "month" : q == QI_SEX ? "sex" :
		    q == QI_AGE ? "age" : q == QI_DIAGNOSIS ? "dx" :
		    "profile", f, ST_DEFERRED);
		if (prepare(p, buf_str(&b), &st) == -1) {
			buf_free(&b);
			return -1;
		}
		buf_reset(&b);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			l = sqlite3_column_int(st, 0);
			buf_printf(&b, " %s %lld;", report_tr(r, l >= 0 &&
			    l < LADDER_MAX && level_names[q][l] ?
			    level_names[q][l] : "?"),
			    (long long)sqlite3_column_int64(st, 1));
		}
		sqlite3_finalize(st);
		if (step != SQLITE_DONE) {
			buf_free(&b);
			return db_err(p->db, "privacy report");
		}
		report_line(r, "  %s, %s:%s", report_tr(r, "levels"),
		    report_tr(r, qi_names[q]), buf_str(&b));
		report_decision(r, "levels", "%s %s:%s", form_table[f],
		    qi_names[q], buf_str(&b));
	}
	buf_reset(&b);
	buf_printf(&b, "SELECT quarter, source, source_ref FROM temp.dec "
	    "WHERE form = %d AND status = %d ORDER BY quarter, source, "
	    "source_ref", f, ST_DEFERRED);
	if (prepare(p, buf_str(&b), &st) == -1) {
		buf_free(&b);
		return -1;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		report_decision(r, "deferred", "%s %s %s %s", form_table[f],
		    col_text(st, 0), col_text(st, 1), col_text(st, 2));
		report_review(r, RR_SMALL, "%s %s: %s %s", report_tr(r,
		    "deferred"), col_text(st, 0), col_text(st, 1),
		    col_text(st, 2));
	}
	sqlite3_finalize(st);
	buf_free(&b);
	if (step != SQLITE_DONE)
		return db_err(p->db, "privacy report");
	return report_classes(p, f);
}

/* ------------------------------------------------------------------ */

void
privacy_set_preview(struct privacy *p)
{
	p->preview = 1;
}

void
privacy_set_memo(struct privacy *p, const char *prev, const char *next,
    const char *frame)
{
	free(p->memo_prev);
	free(p->memo_next);
	free(p->memo_frame);
	p->memo_prev = prev ? xstrdup(prev) : NULL;
	p->memo_next = next ? xstrdup(next) : NULL;
	p->memo_frame = frame ? xstrdup(frame) : NULL;
}

/*
 * The memo's key: what scrubbing is made from (the frame key, the code
 * lists) under a secret of the registry that the site does not carry: a
 * digest of each form's first record as submitted, its texts included,
 * which later quarters leave as it is (a first quarter may hold few
 * records of a form, so one).  Not the number key: a registry that has
 * none yet gets one from its whole content at its first release.
 */
static int
memo_secret(struct privacy *p, uint8_t key[32])
{
	struct sha256_ctx ctx;
	sqlite3_stmt	*st;
	struct buf	 q = { 0 };
	char		 dd[65];
	int		 f, i, n, step;

	sha256_init(&ctx);
	sha256_update(&ctx, 16, (const uint8_t *)"regsite memo v2\n");
	sha256_update(&ctx, strlen(p->memo_frame) + 1,
	    (const uint8_t *)p->memo_frame);
	dicts_digest(&p->dicts, dd);
	sha256_update(&ctx, sizeof(dd), (const uint8_t *)dd);
	for (f = 0; f < FORM__MAX; f++) {
		buf_reset(&q);
		buf_puts(&q, "SELECT source, source_ref, org_code");
		for (i = 0; i < TEXT__MAX; i++)
			buf_printf(&q, ", %s_kk, %s_ru", text_cols[i],
			    text_cols[i]);
		buf_printf(&q, " FROM main.%s ORDER BY id LIMIT 1",
		    form_table[f]);
		if (prepare(p, buf_str(&q), &st) == -1) {
			buf_free(&q);
			return -1;
		}
		n = sqlite3_column_count(st);
		while ((step = sqlite3_step(st)) == SQLITE_ROW)
			for (i = 0; i < n; i++)
				sha256_update(&ctx,
				    (size_t)sqlite3_column_bytes(st, i) + 1,
				    (const uint8_t *)col_text(st, i));
		sqlite3_finalize(st);
		if (step != SQLITE_DONE) {
			buf_free(&q);
			return db_err(p->db, "deriving the memo key");
		}
	}
	buf_free(&q);
	sha256_digest(&ctx, 32, key);
	return 0;
}

int
privacy_run(struct privacy *p, const struct config *cfg,
    const struct scrubber *scr, const char *const *markers[LANG__MAX],
    const char *const *tq_markers[LANG__MAX], struct report *report)
{
	enum form	 f;
	int		 qi;

	p->cfg = cfg;
	p->scr = scr;
	p->markers[LANG_KK] = markers[LANG_KK];
	p->markers[LANG_RU] = markers[LANG_RU];
	p->tq_markers[LANG_KK] = tq_markers[LANG_KK];
	p->tq_markers[LANG_RU] = tq_markers[LANG_RU];
	make_policy(p);
	p->report = report;
	trace("privacy: started");
	/*
	 * Caches sized to the work.  This stage reads each table in one
	 * sorted pass and appends to temporary tables, beside a quarter's
	 * records and, from the first text scrubbed, the hunspell
	 * dictionaries: small caches, 1 MB and 2 MB (with 4 and 8, the
	 * 1 000 000-incident build's peak was 66 MB).  The pages get
	 * larger ones once the scrubber is gone (privacy_run's end): the
	 * published rows' metadata (the index pub_meta) stays in memory
	 * while they count; the rows with their texts are read in order,
	 * once per writer.  No mmap: the registry mapped would count in
	 * the build's memory for no gain (the temporary tables are where
	 * reads go).  Their pages are 16 KiB, as the registry's: a
	 * published row with its texts (about 4 KB) took a 4 KiB page
	 * and overflow pages.  So temp.pub has rowids (its key an
	 * index): a row of a table without rowid keeps at most about
	 * 4 KB on its page, the rest on an overflow page of its own (16%
	 * of the rows at 100 000 incidents); a rowid table's row keeps
	 * up to 16 KB.
	 */
	if (exec_sql(p, "PRAGMA temp_store = FILE;"
	    "PRAGMA temp.page_size = 16384;"
	    "PRAGMA main.cache_size = -1024;"
	    "PRAGMA temp.cache_size = -2048") == -1 ||
	    load_quarters(p) == -1 || make_tables(p) == -1 ||
	    load_key(p) == -1)
		return -1;
	if ((p->tq = textqi_new(&p->dicts, tq_markers)) == NULL)
		return -1;
	if (p->has_memory && policy_changed(p) == -1)
		return -1;
	/* The memo: with free text published; read without a report
	 * (whose lines need every text scrubbed). */
	if (p->memo_frame != NULL && cfg->free_text != FREE_TEXT_OFF) {
		uint8_t	 mkey[32];

		if (memo_secret(p, mkey) == -1 || (p->memo = memo_open(
		    report ? NULL : p->memo_prev, p->memo_next, mkey)) == NULL)
			return -1;
	}
	if (p->report) {
		report_section(p->report, report_tr(p->report, "policy"));
		report_line(p->report, "k = %ld, diversity = %ld, small counts "
		    "1-%ld: \"<%ld\", rounding %ld, %s: %s", cfg->k,
		    cfg->diversity, cfg->small_count - 1, cfg->small_count,
		    cfg->rounding, report_tr(p->report, "free text"),
		    report_tr(p->report, cfg->free_text == FREE_TEXT_OFF ?
		    "not published" : "scrubbed"));
		report_line(p->report, "%s: %s; %s: %ld", report_tr(p->report,
		    "release"), p->release, report_tr(p->report,
		    "rows remembered"), p->remembered);
	}
	for (f = 0; f < FORM__MAX; f++) {
		if (decide(p, f) == -1)
			return -1;
		trace("privacy: form %d: decided", f);
		if (stats_columns(p, f) == -1 || publish(p, f) == -1 ||
		    (f == 0 && make_meta_index(p) == -1))
			return -1;
		trace("privacy: form %d: published", f);
		if ((p->cube[f] = cube_build(p->db, f, cfg, &p->dicts))
		    == NULL)
			return -1;
		cube_stats(p->cube[f], &p->stats.counts_suppressed,
		    &p->stats.counts_hidden, &p->stats.counts_rounded);
		trace("privacy: form %d: regional tables", f);
		if (p->report && report_form(p, f) == -1)
			return -1;
		for (qi = 0; qi < QI__MAX; qi++)
			p->stats.shown[f][qi] = p->published[f] ?
			    (double)p->shown[f][qi] / (double)p->published[f] :
			    0;
		p->stats.shown[f][QI__MAX] = privacy_share(p, f);
	}
	if (p->memo != NULL) {
		struct memo	*m = p->memo;

		trace("privacy: memo: %ld of %ld records' texts reused; "
		    "scrubbed ahead: %ld by the worker, %ld by this process",
		    p->memo_hits, p->memo_rows, p->ahead[0], p->ahead[1]);
		p->memo = NULL;
		if (memo_close(m, 1) == -1)
			return -1;
	}
	/* For the pages: the caches grow as they are used, after the
	 * scrubber is freed. */
	return exec_sql(p, "PRAGMA main.cache_size = -4096;"
	    "PRAGMA temp.cache_size = -8192");
}

void
privacy_set_jobs(struct privacy *p, int jobs)
{
	p->jobs = jobs;
}

double
privacy_share(const struct privacy *p, enum form f)
{
	long	 cells = 0;
	int	 q;

	if (p->published[f] == 0)
		return 0;
	for (q = 0; q < QI__MAX; q++)
		cells += p->shown[f][q];
	/* Each form's table has five quasi-identifier columns. */
	return (double)cells / (5.0 * (double)p->published[f]);
}

/* ------------------------------------------------------------------ */
/* Remembering the release                                              */

int
privacy_record(struct privacy *p, void (*locked)(void *, enum locked),
    void *arg)
{
	sqlite3		*w = NULL;
	sqlite3_stmt	*sel = NULL, *ins = NULL;
	struct buf	 b = { 0 }, aside = { 0 };
	long		 nnew = 0;	/* rows published for the first time */
	int		 step, rc = -1, i;
	char		*mode = NULL;

	if (p->preview)
		return rs_err("%s: a preview's release is not remembered",
		    p->path);
	{
		sqlite3_stmt	*st;

		if (prepare(p, "PRAGMA journal_mode", &st) == -1)
			return -1;
		if (sqlite3_step(st) == SQLITE_ROW)
			mode = xstrdup(col_text(st, 0));
		sqlite3_finalize(st);
	}
	if (mode == NULL || strcmp(mode, "wal") != 0) {
		rs_warn("%s: not in WAL mode (journal_mode %s): this release "
		    "is not remembered; run regsite import or validate on "
		    "it first, or do not publish this build", p->path,
		    mode ? mode : "unknown");
		free(mode);
		return 0;
	}
	free(mode);
	if (db_open_write(&w, p->path, 0) == -1)
		return -1;
	if (db_exec(w, "BEGIN IMMEDIATE") == -1)
		goto out;
	/*
	 * Whether another connection committed since this build's
	 * snapshot: its read transaction ended, the version of its
	 * connection is the snapshot's only if none did.  (The registry
	 * was hashed again here before, 0.12 s for 100 000 incidents'
	 * 0.5 GB and seconds for 1 000 000's 4.7 GB.)
	 */
	if (locked != NULL) {
		int	 same = p->version != -1 &&
		    (sqlite3_get_autocommit(p->db) ||
		    db_exec(p->db, "COMMIT") == 0) &&
		    data_version(p->db) == p->version;

		locked(arg, same ? LOCKED_SAME : LOCKED_CHANGED);
	}
	/* The number key, once. */
	if (!p->key_stored) {
		if (sqlite3_prepare_v2(w, "INSERT OR IGNORE INTO privacy_state "
		    "(name, value) VALUES ('number_key', ?1)", -1, &ins, NULL)
		    != SQLITE_OK)
			goto dberr;
		sqlite3_bind_blob(ins, 1, p->key, sizeof(p->key),
		    SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE)
			goto dberr;
		sqlite3_finalize(ins);
		ins = NULL;
	}
	/*
	 * More new rows than the table holds under this policy (a first
	 * release): its index by record is made again in one sort, as an
	 * import does, not filled in random places.  For the first release
	 * of 1 000 000 incidents: 8.6 s of inserts with the index, against
	 * 1.1 s without it and 1.7 s for the sort (sqlite3, a 2 MB cache).
	 */
	for (i = 0; i < FORM__MAX; i++)
		nnew += p->status[i][ST_NEW];
	if (nnew > p->remembered && db_set_aside(w, "published",
	    DB_INDEXES, &aside) == -1)
		goto out;
	/*
	 * New rows, rows back, columns given (temp.rel), rows gone.
	 * With the index by record set aside, in the order of the
	 * table's key, temp.rel's own, so that its entries are appended.
	 * Else in the order of the index by record: a new row's key is
	 * the next number of its quarter, at the end of the quarter's
	 * entries wherever it comes, but its record is anywhere in that
	 * index, and filled in the table's order with a 2 MB cache, the
	 * index's pages went to the write-ahead log again and again (202
	 * MB for the 16 639 new rows of the bench's new quarter, the
	 * index being 14 MB).
	 */
	buf_printf(&b, "%s%s", sql_remember, aside.len > 0 ? "rowid" :
	    "form, source, source_ref");
	if (prepare(p, buf_str(&b), &sel) == -1)
		goto out;
	buf_reset(&b);
	if (sqlite3_prepare_v2(w, "INSERT INTO published (policy, form, "
	    "quarter, no, source, source_ref, release, month, sex, age, dx, "
	    "profile, withheld, outcome, region, stats_col) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
	    "ON CONFLICT (policy, form, quarter, no) DO UPDATE SET "
	    "withdrawn = NULL, stats_col = coalesce(stats_col, "
	    "excluded.stats_col)", -1, &ins, NULL) != SQLITE_OK)
		goto dberr;
	while ((step = sqlite3_step(sel)) == SQLITE_ROW) {
		int	 f = sqlite3_column_int(sel, 0);

		sqlite3_reset(ins);
		sqlite3_bind_text(ins, 1, p->policy, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, form_name[f], -1, SQLITE_STATIC);
		for (i = 1; i <= 11; i++)
			sqlite3_bind_value(ins, i + 2,
			    sqlite3_column_value(sel, i));
		sqlite3_bind_text(ins, 14, sqlite3_column_int(sel, 12) ?
		    form_outcome1[f] : f == FORM_INCIDENTS ? "without" :
		    "iatrogenic", -1, SQLITE_STATIC);
		sqlite3_bind_value(ins, 15, sqlite3_column_value(sel, 13));
		sqlite3_bind_value(ins, 16, sqlite3_column_value(sel, 14));
		if (sqlite3_step(ins) != SQLITE_DONE)
			goto dberr;
	}
	if (step != SQLITE_DONE) {
		db_err(p->db, "recording the release");
		goto out;
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	sel = ins = NULL;
	/* Rows gone now, and the rows deferred: each in the order of
	 * its table's key, as the rows above. */
	if (prepare(p, "SELECT form, quarter, no FROM temp.gone WHERE "
	    "newly = 1 ORDER BY form, quarter, no", &sel) == -1)
		goto out;
	if (sqlite3_prepare_v2(w, "UPDATE published SET withdrawn = ?1 "
	    "WHERE policy = ?2 AND form = ?3 AND quarter = ?4 AND no = ?5",
	    -1, &ins, NULL) != SQLITE_OK)
		goto dberr;
	while ((step = sqlite3_step(sel)) == SQLITE_ROW) {
		sqlite3_reset(ins);
		sqlite3_bind_text(ins, 1, p->release, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, p->policy, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, form_name[sqlite3_column_int(sel,
		    0)], -1, SQLITE_STATIC);
		sqlite3_bind_value(ins, 4, sqlite3_column_value(sel, 1));
		sqlite3_bind_value(ins, 5, sqlite3_column_value(sel, 2));
		if (sqlite3_step(ins) != SQLITE_DONE)
			goto dberr;
	}
	if (step != SQLITE_DONE) {
		db_err(p->db, "recording the release");
		goto out;
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	sel = ins = NULL;
	/* Deferred in this release. */
	if (sqlite3_prepare_v2(w, "DELETE FROM deferred WHERE policy = ?1",
	    -1, &ins, NULL) != SQLITE_OK)
		goto dberr;
	sqlite3_bind_text(ins, 1, p->policy, -1, SQLITE_STATIC);
	if (sqlite3_step(ins) != SQLITE_DONE)
		goto dberr;
	sqlite3_finalize(ins);
	ins = NULL;
	if (prepare(p, "SELECT form, quarter, source, source_ref FROM "
	    "temp.dec WHERE status = 3 ORDER BY form, quarter, source, "
	    "source_ref", &sel) == -1)
		goto out;
	if (sqlite3_prepare_v2(w, "INSERT OR IGNORE INTO deferred (policy, "
	    "form, quarter, source, source_ref, release) VALUES (?1, ?2, ?3, "
	    "?4, ?5, ?6)", -1, &ins, NULL) != SQLITE_OK)
		goto dberr;
	while ((step = sqlite3_step(sel)) == SQLITE_ROW) {
		sqlite3_reset(ins);
		sqlite3_bind_text(ins, 1, p->policy, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, form_name[sqlite3_column_int(sel,
		    0)], -1, SQLITE_STATIC);
		for (i = 1; i <= 3; i++)
			sqlite3_bind_value(ins, i + 2,
			    sqlite3_column_value(sel, i));
		sqlite3_bind_text(ins, 6, p->release, -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE)
			goto dberr;
	}
	if (step != SQLITE_DONE) {
		db_err(p->db, "recording the release");
		goto out;
	}
	sqlite3_finalize(ins);
	ins = NULL;
	buf_printf(&b, "INSERT INTO releases (policy, release) VALUES "
	    "(%s, '%s') ON CONFLICT (policy, release) DO UPDATE SET "
	    "builds = builds + 1", "?1", p->release);
	if (sqlite3_prepare_v2(w, buf_str(&b), -1, &ins, NULL) != SQLITE_OK)
		goto dberr;
	sqlite3_bind_text(ins, 1, p->policy, -1, SQLITE_STATIC);
	if (sqlite3_step(ins) != SQLITE_DONE)
		goto dberr;
	if ((aside.len > 0 && db_exec(w, buf_str(&aside)) == -1) ||
	    db_exec(w, "COMMIT") == -1)
		goto out;
	rc = 0;
	/* The registry as this build left it, if no one wrote since. */
	if (locked != NULL) {
		long	 v = data_version(w);

		if (db_exec(w, "BEGIN IMMEDIATE") == 0) {
			if (v != -1 && data_version(w) == v)
				locked(arg, LOCKED_AFTER);
			db_exec(w, "COMMIT");
		}
	}
	goto out;
dberr:
	db_err(w, "recording the release");
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	buf_free(&b);
	buf_free(&aside);
	db_close(w);
	return rc;
}

/*
 * Finish the report (the counts protected while the pages were made,
 * then every replacement) and move it into place; or, with ok == 0,
 * throw it away.  Closes the database and frees p.
 */
void
privacy_report_done(struct privacy *p)
{
	struct report	*r;
	struct buf	 b = { 0 };
	int		 t, f;

	if (p == NULL || (r = p->report) == NULL)
		return;
	for (f = 0; f < FORM__MAX; f++)
		if (p->cube[f])
			cube_report(p->cube[f], r);
	for (t = 0; t < SCRUB__MAX; t++)
		buf_printf(&b, " %s %ld", scrub_type_name(t),
		    p->stats.replacements[t]);
	report_section(r, report_tr(r, "free text"));
	report_line(r, "  %ld %s;%s; %s %ld", p->stats.records_scrubbed,
	    report_tr(r, "records with replacements"), buf_str(&b),
	    report_tr(r, "generalized to the row"), p->stats.generalized);
	buf_free(&b);
	p->report = NULL;	/* told everything */
}

int
privacy_close(struct privacy *p, int ok)
{
	size_t		 i;
	int		 f;

	if (p == NULL)
		return 0;
	if (ok)
		privacy_report_done(p);
	for (f = 0; f < FORM__MAX; f++)
		cube_free(p->cube[f]);
	memo_close(p->memo, 0);
	for (i = 0; i < p->ndigs; i++)
		free(p->digs[i].chunks);
	free(p->digs);
	free(p->chunks);
	XXH3_freeState(p->dig);
	XXH3_freeState(p->cdig);
	free(p->memo_prev);
	free(p->memo_next);
	free(p->memo_frame);
	release_list_free(&p->rels);
	textqi_free(p->tq);
	for (i = 0; i < p->nquarters; i++)
		free(p->quarters[i]);
	free(p->quarters);
	free(p->policy);
	free(p->path);
	dicts_free(&p->dicts);
	db_close(p->db);
	free(p);
	return 0;
}

const struct privacy_stats *
privacy_stats(const struct privacy *p)
{
	return &p->stats;
}

size_t
privacy_quarters(const struct privacy *p, const char *const **qs)
{
	*qs = (const char *const *)p->quarters;
	return p->nquarters;
}

/* ------------------------------------------------------------------ */
/* Published records                                                    */

struct pubcur {
	sqlite3_stmt	*st;
	struct pubrec	 rec;
};

/*
 * The hot statements: the published rows in order (each writer's pass)
 * and the counts (every page).  privacy_explain shows their plans.
 */
static const char sql_pub_quarter[] =
    "SELECT * FROM temp.pub WHERE form = ?1 AND quarter = ?2 ORDER BY no";
static const char sql_pub_all[] =
    "SELECT * FROM temp.pub WHERE form = ?1 ORDER BY quarter, no";
/* pub_count: [quarter given][reported: none, '>', a release] */
static const char *const sql_count[2][3] = {
	{ "SELECT count(*) FROM temp.pub INDEXED BY pub_meta "
	  "WHERE form = ?1",
	  "SELECT count(*) FROM temp.pub INDEXED BY pub_meta "
	  "WHERE form = ?1 AND reported > quarter",
	  "SELECT count(*) FROM temp.pub INDEXED BY pub_meta "
	  "WHERE form = ?1 AND reported = ?3" },
	{ "SELECT count(*) FROM temp.pub INDEXED BY pub_meta "
	  "WHERE form = ?1 AND quarter = ?2",
	  "SELECT count(*) FROM temp.pub INDEXED BY pub_meta "
	  "WHERE form = ?1 AND quarter = ?2 AND reported > quarter",
	  "SELECT count(*) FROM temp.pub INDEXED BY pub_meta "
	  "WHERE form = ?1 AND quarter = ?2 AND reported = ?3" },
};

struct pubcur *
pub_open(struct privacy *p, enum form f, const char *quarter)
{
	struct pubcur	*c;
	const char	*sql;

	c = xcalloc(1, sizeof(*c));
	sql = quarter ? sql_pub_quarter : sql_pub_all;
	if (sqlite3_prepare_v2(p->db, sql, -1, &c->st, NULL) != SQLITE_OK) {
		db_err(p->db, "reading published records");
		free(c);
		return NULL;
	}
	sqlite3_bind_int(c->st, 1, f);
	if (quarter)
		sqlite3_bind_text(c->st, 2, quarter, -1, SQLITE_TRANSIENT);
	c->rec.form = f;
	return c;
}

static const char *
col_textn(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* 1 with *r set (valid until the next call), 0 at the end, -1 error. */
int
pub_next(struct pubcur *c, const struct pubrec **r)
{
	struct pubrec	*x = &c->rec;
	int		 rc, i, l;

	rc = sqlite3_step(c->st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_err(sqlite3_db_handle(c->st),
		    "reading published records");
	snprintf(x->quarter, sizeof(x->quarter), "%s", col_textn(c->st, 1));
	x->no = (long)sqlite3_column_int64(c->st, 2);
	snprintf(x->ref, sizeof(x->ref), "%s-%s-%04ld", x->quarter,
	    form_letter[x->form], x->no);
	snprintf(x->reported, sizeof(x->reported), "%s", col_textn(c->st, 3));
	x->month = sqlite3_column_int(c->st, 4);
	x->region = col_textn(c->st, 5);
	x->sex = col_textn(c->st, 6);
	x->age = col_textn(c->st, 7);
	x->diagnosis = col_textn(c->st, 8);
	x->profile = col_textn(c->st, 9);
	if (x->form == FORM_INCIDENTS) {
		x->category = col_textn(c->st, 10);
		x->consequence = col_textn(c->st, 11);
		x->trigger = col_textn(c->st, 12);
		x->plan = col_textn(c->st, 13);
		x->insured = x->harm = x->disability = NULL;
	} else {
		x->insured = col_textn(c->st, 10);
		x->harm = col_textn(c->st, 11);
		x->disability = col_textn(c->st, 12);
		x->category = x->consequence = x->trigger = x->plan = NULL;
	}
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++)
			x->text[i][l] = col_textn(c->st, 14 + i * 2 + l);
	x->lv[QI_MONTH] = sqlite3_column_int(c->st, 22);
	x->lv[QI_REGION] = ladder_hidden[QI_REGION];
	x->lv[QI_SEX] = sqlite3_column_int(c->st, 23);
	x->lv[QI_AGE] = sqlite3_column_int(c->st, 24);
	x->lv[QI_DIAGNOSIS] = sqlite3_column_int(c->st, 25);
	x->lv[QI_PROFILE] = sqlite3_column_int(c->st, 26);
	x->withheld = sqlite3_column_int(c->st, 27);
	*r = x;
	return 1;
}

void
pub_close(struct pubcur *c)
{
	if (c == NULL)
		return;
	sqlite3_finalize(c->st);
	free(c);
}

/* The exact number of published records. */
int
pub_count(struct privacy *p, enum form f, const char *quarter,
    const char *reported, long *n)
{
	sqlite3_stmt	*st;
	const char	*sql;
	int		 rc;

	/* Each case its own statement, so that the index is searched. */
	sql = sql_count[quarter != NULL][reported == NULL ? 0 :
	    strcmp(reported, ">") == 0 ? 1 : 2];
	if (sqlite3_prepare_v2(p->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_err(p->db, "counting records");
	sqlite3_bind_int(st, 1, f);
	if (quarter)
		sqlite3_bind_text(st, 2, quarter, -1, SQLITE_TRANSIENT);
	if (reported)
		sqlite3_bind_text(st, 3, reported, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_err(p->db, "counting records");
	return 0;
}

/* The exact number of published records of a quarter's form by their
 * published profile and its level (the covering index alone). */
int
pub_profile_counts(struct privacy *p, enum form f, const char *quarter,
    void (*cb)(void *, const char *profile, int level, long n), void *arg)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(p->db, "SELECT profile, lv_profile, count(*) "
	    "FROM temp.pub INDEXED BY pub_meta WHERE form = ?1 AND "
	    "quarter = ?2 GROUP BY profile, lv_profile", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_err(p->db, "counting records");
	sqlite3_bind_int(st, 1, f);
	sqlite3_bind_text(st, 2, quarter, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		cb(arg, col_text(st, 0), sqlite3_column_int(st, 1),
		    (long)sqlite3_column_int64(st, 2));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_err(p->db, "counting records");
	return 0;
}

/* ------------------------------------------------------------------ */
/* Counts                                                               */

/*
 * The SQL of a dimension over the published rows (temp.pub p): the
 * published value, or '*' where the row does not show it at the
 * dimension's level.
 */
static const char *
dim_sql(enum dim d)
{
	switch (d) {
	case DIM_CATEGORY:	return "p.c1";
	case DIM_CONSEQUENCE:	return "p.c2";
	case DIM_TRIGGER:	return "p.c3";
	case DIM_PLAN:		return "p.c4";
	case DIM_HARM:		return "p.c2";
	case DIM_HARM_DETAIL:
		return "(CASE WHEN p.c2 = 'death' THEN 'death' "
		    "ELSE p.c3 END)";
	case DIM_INSURED:	return "p.c1";
	case DIM_SEX:		return "p.sex";
	case DIM_AGE10:
		/* 5-year bands fold into 10-year ones; wider bands (20 and
		 * 40 years) as published, for the chart to fold into the
		 * widest it holds; hidden: '*'. */
		return "(CASE p.lv_age WHEN 0 THEN (CASE "
		    "WHEN p.age IN ('0', '1-4', '5-9') THEN '0-9' "
		    "WHEN p.age = '90+' THEN '90+' "
		    "ELSE (CAST(p.age AS INTEGER) / 10 * 10) || '-' || "
		    "(CAST(p.age AS INTEGER) / 10 * 10 + 9) END) "
		    "WHEN 1 THEN p.age WHEN 2 THEN p.age WHEN 3 THEN p.age "
		    "ELSE '*' END)";
	case DIM_GROUP:
		return "(CASE p.lv_profile WHEN 0 THEN (SELECT grp FROM "
		    "main.profiles WHERE code = p.profile) WHEN 1 THEN "
		    "p.profile ELSE '*' END)";
	case DIM_PROFILE:
		return "(CASE p.lv_profile WHEN 0 THEN p.profile ELSE '*' "
		    "END)";
	case DIM_CHAPTER:
		return "(CASE p.lv_dx WHEN 0 THEN (SELECT chapter FROM "
		    "main.icd10_categories WHERE code = p.dx) WHEN 1 THEN p.dx "
		    "ELSE '*' END)";
	case DIM_MONTH:
		return "(CASE WHEN p.month > 0 THEN p.month ELSE '*' END)";
	case DIM_REPORTED:	return "p.reported";
	case DIM_REGION:
	case DIM_NONE:
		break;
	}
	return "''";
}

/* The cross-tab of d1 and d2 over the published rows of a form. */
static void
agg_sql(struct buf *b, enum form f, const char *quarter, int each,
    enum dim d1, enum dim d2)
{
	buf_printf(b, "SELECT %s, %s, %s, count(*) FROM temp.pub p "
	    "INDEXED BY pub_meta WHERE p.form = %d%s "
	    "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", each ? "p.quarter" : "''",
	    dim_sql(d1), dim_sql(d2), f,
	    quarter && !each ? " AND p.quarter = ?1" : "");
}

int
privacy_explain(struct privacy *p, FILE *out)
{
	struct buf	 b = { 0 };
	int		 i, j, rc = 0;

	rc |= db_explain(p->db, sql_pub_quarter, out);
	rc |= db_explain(p->db, sql_pub_all, out);
	for (i = 0; i < 2; i++)
		for (j = 0; j < 3; j++)
			rc |= db_explain(p->db, sql_count[i][j], out);
	agg_sql(&b, FORM_INCIDENTS, "2025Q1", 0, DIM_CHAPTER, DIM_SEX);
	rc |= db_explain(p->db, buf_str(&b), out);
	buf_reset(&b);
	agg_sql(&b, FORM_INSURANCE, "*", 1, DIM_GROUP, DIM_NONE);
	rc |= db_explain(p->db, buf_str(&b), out);
	buf_reset(&b);
	buf_printf(&b, "%srowid", sql_remember);
	rc |= db_explain(p->db, buf_str(&b), out);
	buf_free(&b);
	if (p->has_memory)
		rc |= release_explain(p->db, out);
	return rc ? -1 : 0;
}

int
agg_count(struct privacy *p, enum form f, const char *quarter, enum dim d1,
    enum dim d2, void (*cb)(void *, const char *, const char *,
    const char *, struct pcount), void *arg)
{
	struct buf	 b = { 0 };
	sqlite3_stmt	*st = NULL;
	struct pcount	 c;
	int		 rc = -1, step, each;

	if (d1 == DIM_REGION || d2 == DIM_REGION)
		return cube_count(p->cube[f], quarter, d1 == DIM_REGION ? d2 :
		    d1, d1 == DIM_REGION, cb, arg);
	/*
	 * Every other count is counted from the published rows: a
	 * reader could count the rows themselves, so it is exact and
	 * tells nothing the rows do not.
	 */
	each = quarter != NULL && strcmp(quarter, "*") == 0;
	agg_sql(&b, f, quarter, each, d1, d2);
	if (prepare(p, buf_str(&b), &st) == -1)
		goto out;
	if (quarter && !each)
		sqlite3_bind_text(st, 1, quarter, -1, SQLITE_TRANSIENT);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		c.n = (long)sqlite3_column_int64(st, 3);
		c.flags = PC_EXACT;
		p->stats.counts_exact++;
		cb(arg, col_text(st, 0), col_text(st, 1), col_text(st, 2), c);
	}
	if (step != SQLITE_DONE) {
		db_err(p->db, "counting");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	buf_free(&b);
	return rc;
}

/*
 * A percentage num/den of protected counts, only where the denominator
 * is known and at least the small-count threshold: 0 with *pct set, or
 * -1 when it must not be shown.
 */
int
pc_percent(const struct privacy *p, struct pcount num, struct pcount den,
    double *pct)
{
	if ((num.flags & (PC_SUPPRESSED | PC_HIDDEN)) ||
	    (den.flags & (PC_SUPPRESSED | PC_HIDDEN)) ||
	    den.n < p->cfg->small_count || den.n <= 0)
		return -1;
	*pct = 100.0 * (double)num.n / (double)den.n;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Releases (release.c)                                                 */

int
privacy_releases(struct privacy *p, int recorded,
    const struct release_list **out)
{
	if (!p->rels_done) {
		if (p->policy == NULL)
			return rs_err("releases: the privacy stage has not run");
		if (release_load(p->db, p->policy, p->has_memory, p->release,
		    recorded, p->cfg->k, &p->rels) == -1)
			return -1;
		p->rels_done = 1;
	}
	*out = &p->rels;
	return 0;
}

int
release_rows(struct privacy *p, const char *release, enum form f,
    int (*cb)(void *, const struct relrow *), void *arg)
{
	return release_scan(p->db, p->policy, p->release, release, f, cb,
	    arg);
}
