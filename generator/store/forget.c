/*
 * forget.c -- `regsite reanonymize`: forget what earlier releases
 * published, so that the next build anonymizes every record afresh.
 * This is the one way to undo the privacy stage's memory
 * (privacy/privacy.c), and it is deliberate: without --yes it only
 * says what it would forget and why that is dangerous, in the
 * operator's language.
 */
#include <stdio.h>

#include "lib/lib.h"
#include "store/db.h"
#include "store/msg.h"
#include "store/store.h"

static int
count(sqlite3 *db, const char *sql, long *n)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_err(db, "reading the release memory");
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_err(db, "reading the release memory");
	return 0;
}

int
forget_run(const char *path, int yes, enum oplang l)
{
	sqlite3	*db = NULL;
	long	 rows, releases, deferred;
	int	 rc = -1;

	if (db_open_write(&db, path, 0) == -1)
		return -1;
	if (db_exec(db, "BEGIN IMMEDIATE") == -1 ||
	    count(db, "SELECT count(*) FROM published", &rows) == -1 ||
	    count(db, "SELECT count(DISTINCT release) FROM releases",
	    &releases) == -1 ||
	    count(db, "SELECT count(*) FROM deferred", &deferred) == -1)
		goto out;
	fprintf(stderr, "regsite: warning: %s\n", msg(l, M_FORGET_WARN));
	if (yes && db_exec(db, "DELETE FROM published; DELETE FROM deferred; "
	    "DELETE FROM releases; COMMIT") == -1)
		goto out;
	printf(msg(l, yes ? M_FORGOT : M_FORGET_WOULD), path, releases,
	    noun(l, N_RELEASE, releases), rows, noun(l, N_PUB_ROW, rows),
	    deferred, noun(l, N_DEFERRED, deferred));
	putchar('\n');
	rc = 0;
out:
	db_close(db);
	return rc;
}
