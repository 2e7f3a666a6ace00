/*
 * test_validate.c -- validate_quick, as regsite build runs it: inside
 * the build's read transaction, on a good registry and on damaged ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/lib.h"
#include "lib/dict.h"
#include "store/db.h"
#include "store/msg.h"
#include "store/store.h"
#include "unit.h"

/* Run sql on a writable connection to path (constraints off). */
static int
damage(const char *path, const char *sql)
{
	sqlite3	*db;
	int	 rc;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	rc = sqlite3_exec(db, "PRAGMA ignore_check_constraints = ON;"
	    "PRAGMA foreign_keys = OFF;", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}

/* validate_quick on a fresh read connection; -2 if it cannot open. */
static int
quick(const char *path, int *still_in_txn)
{
	sqlite3	*db;
	int	 rc;

	if (db_open_read(&db, path) == -1)
		return -2;
	rc = validate_quick(db, path);
	*still_in_txn = !sqlite3_get_autocommit(db);
	db_close(db);
	return rc;
}

int
main(void)
{
	struct import_opts o;
	const char	*top = getenv("TOP"), *files[1];
	char		 dir[] = "/tmp/regsite-unit.XXXXXX", path[256], csv[512];
	int		 txn = 0;

	if (top == NULL || mkdtemp(dir) == NULL) {
		printf("not ok - setup (TOP unset or no temporary directory)\n");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/reg.db", dir);
	snprintf(csv, sizeof(csv), "%s/tests/data/incidents-2025Q1.csv", top);
	files[0] = csv;
	memset(&o, 0, sizeof(o));
	o.db = path;
	o.form = FORM_INCIDENTS;
	o.quarter = "2025Q1";
	o.source = "gkb-4";
	o.files = files;
	o.nfiles = 1;
	fflush(stdout);
	CHECK(import_run(&o) == 0, "import the example");

	CHECK(quick(path, &txn) == 0, "a good registry passes");
	CHECK(txn, "the read transaction stays open");

	CHECK(damage(path, "UPDATE public_numbers SET last_no = 3 "
	    "WHERE quarter = '2025Q1'") == 0, "damage: last_no");
	CHECK(quick(path, &txn) == 1, "last_no below a public number fails");

	CHECK(damage(path, "UPDATE public_numbers SET last_no = 11 "
	    "WHERE quarter = '2025Q1'; UPDATE incidents SET public_no = NULL "
	    "WHERE id = 2") == 0, "damage: public_no");
	CHECK(quick(path, &txn) == 1, "a record without a number fails");

	CHECK(damage(path, "UPDATE incidents SET public_no = 12 WHERE id = 2; "
	    "UPDATE public_numbers SET last_no = 12 "
	    "WHERE quarter = '2025Q1'") == 0, "repair");
	CHECK(quick(path, &txn) == 0, "repaired, it passes again");

	CHECK(damage(path, "UPDATE incidents SET profile = 'cardio' "
	    "WHERE id = 3") == 0, "damage: a foreign key");
	CHECK(quick(path, &txn) == 1, "a code not in its dictionary fails");

	snprintf(csv, sizeof(csv), "rm -rf '%s'", dir);
	if (system(csv) != 0)
		printf("# could not remove %s\n", dir);
	return unit_failed;
}
