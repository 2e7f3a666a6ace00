/*
 * db.h -- the registry database (SQLite).  Included only by the store
 * (store/) and the privacy stage (privacy/): nothing that renders or
 * writes the site may see a database handle (tests/t_boundary.sh).
 */
#ifndef DB_H
#define DB_H

#include <stdio.h>

#include <sqlite3.h>

struct buf;
struct import_opts;
struct dicts;

/* SQLite's configuration, before the first connection opens. */
void	 db_setup(void);
/* The text of schema.sql, compiled in. */
const char *db_schema_sql(void);
/*
 * Open for a build: read-only, inside one read transaction (a
 * consistent snapshot), refusing another schema version.  A database
 * in a directory nobody can write is opened immutable (read-only file
 * systems).
 */
int	 db_open_read(sqlite3 **, const char *path);
/*
 * db_open_read that also says, when it fails, whether the file was
 * refused (*refused = 1: not a database, not a registry, another schema
 * version) rather than unreadable (I/O).
 */
int	 db_open_check(sqlite3 **, const char *path, int *refused);
/*
 * Open for writing (foreign keys, a busy timeout); with create, a
 * missing or empty file gets the current schema; an older schema is
 * upgraded in one transaction; then (only then) the database is
 * switched to WAL.
 */
int	 db_open_write(sqlite3 **, const char *path, int create);
/* Roll back what is open and close; NULL is fine. */
void	 db_close(sqlite3 *);
/* Run SQL; on failure rs_err with the database's message. */
int	 db_exec(sqlite3 *, const char *);
/* rs_err "FILE: what: sqlite's message" (or a clear lock message). */
int	 db_err(sqlite3 *, const char *what);
/*
 * Drop table's explicit indexes (DB_INDEXES) and triggers (DB_TRIGGERS)
 * for a bulk insert, appending the SQL that makes them again to save;
 * 0, or -1 and rs_err.
 */
#define DB_INDEXES	0x01
#define DB_TRIGGERS	0x02
int	 db_set_aside(sqlite3 *, const char *table, int what,
	    struct buf *save);

/*
 * Register regsite_content(v, ...), a 64-bit key of its arguments'
 * values (equal values, equal keys), for finding repeated records.
 */
int	 db_content_fn(sqlite3 *);
/*
 * Write sql, then its query plan with each line indented, to out
 * (REGSITE_EXPLAIN, for the tests); 0, or -1 and rs_err.
 */
int	 db_explain(sqlite3 *, const char *sql, FILE *out);

/* Load the code lists; dicts_free frees them. */
int	 dicts_load(sqlite3 *, struct dicts *);

/*
 * import_run on an open database (the fuzz target passes an in-memory
 * one); import_run opens o->db and calls this.  Its temporary tables
 * stay until the connection closes or the next import_db.
 */
int	 import_db(sqlite3 *, const struct import_opts *);

/*
 * The cheap checks a build runs inside its read transaction: foreign
 * keys, public numbers present, unique and covered by public_numbers.
 * 0 ok, 1 problems printed to stderr ("PATH: ..."), -1 error (rs_err).
 */
int	 validate_quick(sqlite3 *db, const char *path);

#endif /* !DB_H */
