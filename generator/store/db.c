/*
 * db.c -- the registry database: creating it from schema.sql, opening
 * it for a build (read-only, one consistent snapshot) or for writing
 * (demo, import), the schema version check, and the dictionaries
 * (regions, profile groups, profiles, ICD-10 chapters) that label codes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>
#include <sqlite3.h>

#include "lib/lib.h"
#include "lib/dict.h"
#include "store/db.h"
#include "store/msg.h"
#include "store/store.h"

static const char schema_sql[] =
#include "schema.inc"
;

/* How long a writer waits for another process's lock. */
#define BUSY_TIMEOUT_MS 30000

int
db_exec(sqlite3 *db, const char *sql)
{
	char	*msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		rs_err("%s: %s", sqlite3_db_filename(db, "main") &&
		    *sqlite3_db_filename(db, "main") ?
		    sqlite3_db_filename(db, "main") : "database",
		    msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/*
 * Drop table's explicit indexes (what has DB_INDEXES) and triggers
 * (DB_TRIGGERS), their SQL (the schema's own) appended to save:
 * db_exec(save) makes them again.  A bulk insert between the two sorts
 * each index once instead of inserting row by row into it, and runs no
 * trigger; inside one transaction, no other connection sees the table
 * without them.
 */
int
db_set_aside(sqlite3 *db, const char *table, int what, struct buf *save)
{
	sqlite3_stmt	*st;
	struct buf	 drop = { 0 };
	const char	*type;
	int		 rc;

	if (sqlite3_prepare_v2(db, "SELECT type, name, sql FROM sqlite_schema "
	    "WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND "
	    "tbl_name = ?1 ORDER BY type, name", -1, &st, NULL) != SQLITE_OK)
		return db_err(db, "reading the schema");
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		type = (const char *)sqlite3_column_text(st, 0);
		if (!(what & (strcmp(type, "index") == 0 ? DB_INDEXES :
		    DB_TRIGGERS)))
			continue;
		buf_printf(&drop, "DROP %s \"%s\";", strcmp(type, "index") ?
		    "TRIGGER" : "INDEX", (const char *)sqlite3_column_text(st,
		    1));
		buf_printf(save, "%s;", (const char *)sqlite3_column_text(st,
		    2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_free(&drop);
		return db_err(db, "reading the schema");
	}
	rc = drop.len ? db_exec(db, buf_str(&drop)) : 0;
	buf_free(&drop);
	return rc;
}

int
db_err(sqlite3 *db, const char *what)
{
	const char *fn = sqlite3_db_filename(db, "main");

	if (sqlite3_errcode(db) == SQLITE_BUSY ||
	    sqlite3_errcode(db) == SQLITE_LOCKED)
		return rs_err("%s: %s: the database is locked by another "
		    "process (waited %d s)", fn && *fn ? fn : "database",
		    what, BUSY_TIMEOUT_MS / 1000);
	return rs_err("%s: %s: %s", fn && *fn ? fn : "database", what,
	    sqlite3_errmsg(db));
}

const char *
db_schema_sql(void)
{
	return schema_sql;
}

static int
user_version(sqlite3 *db, long *v)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL)
	    != SQLITE_OK)
		return db_err(db, "reading the schema version");
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_err(db, "reading the schema version");
	}
	*v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* Number of tables in the main schema (0 for a new, empty database). */
static int
table_count(sqlite3 *db, long *n)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema "
	    "WHERE type = 'table'", -1, &st, NULL) != SQLITE_OK)
		return db_err(db, "reading the schema");
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_err(db, "reading the schema");
	}
	*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/*
 * Refuse another schema version; readonly: an older one is fine (a
 * build reads it as it is; the next write upgrades it).
 */
static int
check_version(sqlite3 *db, const char *path, int readonly)
{
	long	 v, n;

	if (user_version(db, &v) == -1)
		return -1;
	if (v == SCHEMA_VERSION || (readonly && v >= 1 && v < SCHEMA_VERSION))
		return 0;
	if (v == 0) {
		if (table_count(db, &n) == -1)
			return -1;
		return rs_err("%s: not a registry database (schema version "
		    "0, %s; regsite needs version %d)", path,
		    n ? "unknown tables" : "empty", SCHEMA_VERSION);
	}
	return rs_err("%s: schema version %ld, but this regsite needs "
	    "version %d%s", path, v, SCHEMA_VERSION, v < SCHEMA_VERSION ?
	    " (regsite import upgrades it)" : " (a newer regsite made it)");
}

/*
 * Whether nobody can be writing the database at path: its directory
 * is not writable (a read-only file system, a read-only mount, a
 * directory of another user) and it has no write-ahead log with
 * content.  SQLite then cannot create the -shm file a WAL database
 * needs even for reading, so such a database is opened immutable.
 */
static int
frozen(const char *path)
{
	struct stat	 st;
	char		*dir, *wal, *slash;
	int		 rc;

	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) == NULL) {
		free(dir);
		dir = xstrdup(".");
	} else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	rc = access(dir, W_OK) == -1;
	free(dir);
	if (rc) {
		wal = xasprintf("%s-wal", path);
		if (stat(wal, &st) == 0 && st.st_size > 0)
			rc = 0;		/* committed pages may be there */
		free(wal);
	}
	return rc;
}

/*
 * Before the first connection: no connection is used by two threads
 * (regsite forks, it does not start threads), so SQLite's per-call
 * mutexes go, and with them the memory statistics' lock taken on every
 * allocation (2.3% of an import's samples).  Later calls do nothing.
 */
void
db_setup(void)
{
	static int	 done;

	if (done)
		return;
	done = 1;
	sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* URI-escape path into a "file:" URI (sqlite3_open_v2, SQLITE_OPEN_URI). */
static char *
file_uri(const char *path, const char *query)
{
	struct buf	 b = { 0 };
	const unsigned char *p;

	BUF_LIT(&b, "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++)
		if (*p == '%' || *p == '?' || *p == '#' || *p <= 0x20 ||
		    *p >= 0x7f)
			buf_printf(&b, "%%%02X", *p);
		else
			buf_putc(&b, *p);
	buf_printf(&b, "?%s", query);
	return buf_detach(&b);
}

int
db_open_read(sqlite3 **dbp, const char *path)
{
	return db_open_check(dbp, path, NULL);
}

int
db_open_check(sqlite3 **dbp, const char *path, int *refused)
{
	sqlite3		*db = NULL;
	struct stat	 st;
	char		*uri = NULL;
	int		 rc, flags = SQLITE_OPEN_READONLY;

	db_setup();
	*dbp = NULL;
	if (refused)
		*refused = 0;
	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode))
		return rs_err("%s: no such database file", path);
	if (frozen(path)) {
		uri = file_uri(path, "mode=ro&immutable=1");
		flags |= SQLITE_OPEN_URI;
	}
	rc = sqlite3_open_v2(uri ? uri : path, &db, flags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		rs_err("%s: cannot open the database: %s", path,
		    db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return -1;
	}
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db, 1);
	/*
	 * One read transaction for the whole build: every query sees the
	 * same snapshot even while an import commits (WAL) or waits for
	 * us (rollback journal).  The first read starts it.
	 */
	if (db_exec(db, "BEGIN") == -1 ||
	    check_version(db, path, 1) == -1) {
		/* Not a registry this regsite reads, or not a database. */
		rc = sqlite3_errcode(db) & 0xff;
		if (refused && rc != SQLITE_IOERR && rc != SQLITE_CANTOPEN &&
		    rc != SQLITE_BUSY && rc != SQLITE_NOMEM &&
		    rc != SQLITE_PERM && rc != SQLITE_READONLY)
			*refused = 1;
		sqlite3_close(db);
		return -1;
	}
	*dbp = db;
	return 0;
}

/*
 * Schema migrations: migrations[v] is the SQL that turns a version v
 * database into a version v + 1 one.  To make version 2: change
 * schema.sql (it creates new databases), raise SCHEMA_VERSION, and add
 * the SQL for version 1 -> 2 here (ALTER TABLE, new tables and their
 * contents, a rebuilt table copied over).  db_open_write runs them in
 * order inside its one write transaction, so an upgrade happens whole
 * or not at all; foreign keys are on and cannot be turned off there
 * (use PRAGMA defer_foreign_keys when rebuilding a table).  Version 0
 * is no registry at all: it gets schema.sql.
 */
static const char *const migrations[SCHEMA_VERSION] = {
	NULL,		/* 0: no registry (schema.sql creates version 3) */
	/* 1 -> 2: the memory of published releases (privacy/privacy.c). */
	    "CREATE TABLE releases (\n"
	    "	policy  TEXT NOT NULL,\n"
	    "	release TEXT NOT NULL CHECK (release GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),\n"
	    "	builds  INTEGER NOT NULL DEFAULT 1,\n"
	    "	PRIMARY KEY (policy, release)\n"
	    ");\n"
	    "CREATE TABLE published (\n"
	    "	policy     TEXT NOT NULL,\n"
	    "	form       TEXT NOT NULL CHECK (form IN ('incidents', 'insurance')),\n"
	    "	quarter    TEXT NOT NULL,\n"
	    "	no         INTEGER NOT NULL CHECK (no > 0),\n"
	    "	source     TEXT NOT NULL,\n"
	    "	source_ref TEXT NOT NULL,\n"
	    "	release    TEXT NOT NULL,\n"
	    "	month      TEXT NOT NULL,\n"
	    "	sex        TEXT NOT NULL,\n"
	    "	age        TEXT NOT NULL,\n"
	    "	dx         TEXT NOT NULL,\n"
	    "	profile    TEXT NOT NULL,\n"
	    "	withheld   INTEGER NOT NULL DEFAULT 0,\n"
	    "	outcome    TEXT NOT NULL,\n"
	    "	region     TEXT NOT NULL,\n"
	    "\n"
	    "	stats_col  TEXT,\n"
	    "	withdrawn  TEXT,\n"
	    "	PRIMARY KEY (policy, form, quarter, no)\n"
	    ");\n"
	    "CREATE INDEX published_record ON published(policy, form, source, source_ref);\n"
	    "CREATE TABLE deferred (\n"
	    "	policy     TEXT NOT NULL,\n"
	    "	form       TEXT NOT NULL CHECK (form IN ('incidents', 'insurance')),\n"
	    "	quarter    TEXT NOT NULL,\n"
	    "	source     TEXT NOT NULL,\n"
	    "	source_ref TEXT NOT NULL,\n"
	    "	release    TEXT NOT NULL,\n"
	    "	PRIMARY KEY (policy, form, quarter, source, source_ref)\n"
	    ");\n"
	    "CREATE TABLE privacy_state (\n"
	    "	name  TEXT PRIMARY KEY,\n"
	    "	value BLOB NOT NULL\n"
	    ");\n",
	/* 2 -> 3: an import's duplicate checks by index (store/import.c). */
	    "CREATE INDEX incidents_ref ON incidents(source_ref, org_code);\n"
	    "CREATE INDEX incidents_content ON incidents(occurred_at, org_code, diagnosis_icd10);\n"
	    "CREATE INDEX insurance_cases_ref ON insurance_cases(source_ref, org_code);\n"
	    "CREATE INDEX insurance_cases_content ON insurance_cases(occurred_at, org_code, diagnosis_icd10);\n",
};

static int
upgrade(sqlite3 *db, long from)
{
	char	 sql[64];
	long	 v;

	for (v = from; v < SCHEMA_VERSION; v++) {
		if (migrations[v] == NULL)
			return rs_err("%s: no upgrade from schema version %ld",
			    sqlite3_db_filename(db, "main"), v);
		if (sqlite3_exec(db, migrations[v], NULL, NULL, NULL)
		    != SQLITE_OK)
			return rs_err("%s: upgrading schema version %ld to %ld: "
			    "%s", sqlite3_db_filename(db, "main"), v, v + 1,
			    sqlite3_errmsg(db));
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
	    SCHEMA_VERSION);
	return db_exec(db, sql);
}

int
db_open_write(sqlite3 **dbp, const char *path, int create)
{
	sqlite3		*db = NULL;
	struct stat	 st;
	long		 v, n;
	int		 flags;

	db_setup();
	*dbp = NULL;
	flags = SQLITE_OPEN_READWRITE;
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	else if (stat(path, &st) == -1)
		return rs_err("%s: no such database file", path);
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		rs_err("%s: cannot open the database: %s", path,
		    db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return -1;
	}
	sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(db, 1);
	/*
	 * A new registry gets 16 KiB pages, as the demo's does: a record
	 * with both languages' texts takes about 4 KB, so 4 KiB pages
	 * would hold one or two.  The pragma writes nothing, and changes
	 * nothing in a database that has pages already.
	 */
	if (db_exec(db, "PRAGMA foreign_keys = ON") == -1 ||
	    (create && db_exec(db, "PRAGMA page_size = 16384") == -1))
		goto fail;
	/*
	 * Look before switching to WAL: a file that is refused must be
	 * left exactly as it was.
	 */
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL)
	    != SQLITE_OK) {
		db_err(db, "opening for writing");	/* says if locked */
		goto fail;
	}
	if (user_version(db, &v) == -1 || table_count(db, &n) == -1)
		goto fail;
	if (v == 0 && n == 0) {
		if (!create) {
			rs_err("%s: not a registry database (empty)", path);
			goto fail;
		}
		if (db_exec(db, schema_sql) == -1)
			goto fail;
	} else if (v > 0 && v < SCHEMA_VERSION) {
		if (upgrade(db, v) == -1)
			goto fail;
	} else if (v != SCHEMA_VERSION) {
		check_version(db, path, 0);
		goto fail;
	}
	if (db_exec(db, "COMMIT") == -1 ||
	    db_exec(db, "PRAGMA journal_mode = WAL") == -1)
		goto fail;
	*dbp = db;
	return 0;
fail:
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
	return -1;
}

void
db_close(sqlite3 *db)
{
	if (db == NULL)
		return;
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(db);
}

/*
 * regsite_content(v, ...): the first 8 bytes of SHA-256 over the types,
 * lengths and bytes of its arguments, as an integer: equal values give
 * equal keys, so records with the same content are found by grouping
 * or joining on a short key instead of on every column.
 */
static void
sql_content(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct sha256_ctx sha;
	uint8_t		 d[SHA256_DIGEST_SIZE], head[5];
	const uint8_t	*p;
	sqlite3_int64	 v = 0;
	int		 i, n, t;

	sha256_init(&sha);
	for (i = 0; i < argc; i++) {
		/* The type first, then the bytes, then their length. */
		t = sqlite3_value_type(argv[i]);
		p = t == SQLITE_TEXT ? sqlite3_value_text(argv[i]) :
		    sqlite3_value_blob(argv[i]);
		n = sqlite3_value_bytes(argv[i]);
		head[0] = (uint8_t)t;
		head[1] = (uint8_t)(n >> 24);
		head[2] = (uint8_t)(n >> 16);
		head[3] = (uint8_t)(n >> 8);
		head[4] = (uint8_t)n;
		sha256_update(&sha, sizeof(head), head);
		if (n > 0 && p != NULL)
			sha256_update(&sha, (size_t)n, p);
	}
	sha256_digest(&sha, sizeof(d), d);
	for (i = 0; i < 8; i++)
		v = (sqlite3_int64)(((uint64_t)v << 8) | d[i]);
	sqlite3_result_int64(ctx, v);
}

int
db_content_fn(sqlite3 *db)
{
	if (sqlite3_create_function(db, "regsite_content", -1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_content, NULL,
	    NULL) != SQLITE_OK)
		return db_err(db, "preparing the content keys");
	return 0;
}

/* ------------------------------------------------------------------ */

static int
load_dict(sqlite3 *db, const char *sql, struct dict_entry **out, size_t *np)
{
	sqlite3_stmt	*st;
	struct dict_entry *v = NULL, *e;
	size_t		 n = 0;
	int		 rc, ncol;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_err(db, "reading the dictionaries");
	ncol = sqlite3_column_count(st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xreallocarray(v, n + 1, sizeof(*v));
		e = &v[n++];
		memset(e, 0, sizeof(*e));
		e->code = xstrdup((const char *)sqlite3_column_text(st, 0));
		e->name[LANG_KK] =
		    xstrdup((const char *)sqlite3_column_text(st, 1));
		e->name[LANG_RU] =
		    xstrdup((const char *)sqlite3_column_text(st, 2));
		if (ncol > 3 && sqlite3_column_text(st, 3))
			e->group =
			    xstrdup((const char *)sqlite3_column_text(st, 3));
		if (ncol > 4 && sqlite3_column_text(st, 4))
			e->last =
			    xstrdup((const char *)sqlite3_column_text(st, 4));
	}
	sqlite3_finalize(st);
	*out = v;
	*np = n;
	if (rc != SQLITE_DONE)
		return db_err(db, "reading the dictionaries");
	return 0;
}

int
dicts_load(sqlite3 *db, struct dicts *d)
{
	memset(d, 0, sizeof(*d));
	if (load_dict(db, "SELECT code, name_kk, name_ru FROM regions "
	    "ORDER BY sort", &d->regions, &d->nregions) == -1 ||
	    load_dict(db, "SELECT code, name_kk, name_ru FROM profile_groups "
	    "ORDER BY sort", &d->groups, &d->ngroups) == -1 ||
	    load_dict(db, "SELECT code, name_kk, name_ru, grp FROM profiles "
	    "ORDER BY sort", &d->profiles, &d->nprofiles) == -1 ||
	    load_dict(db, "SELECT code, name_kk, name_ru, first, last "
	    "FROM icd10_chapters ORDER BY sort", &d->chapters,
	    &d->nchapters) == -1) {
		dicts_free(d);
		return -1;
	}
	return 0;
}

int
db_explain(sqlite3 *db, const char *sql, FILE *out)
{
	sqlite3_stmt	*st;
	char		*q;
	int		 step;

	q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	step = sqlite3_prepare_v2(db, q, -1, &st, NULL);
	free(q);
	if (step != SQLITE_OK)
		return db_err(db, "explaining a query");
	fprintf(out, "%s\n", sql);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		fprintf(out, "  %s\n", (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? 0 : db_err(db, "explaining a query");
}
