/*
 * withdraw.c -- regsite withdraw: take one submission (form, source,
 * reporting quarter) out of the registry.  Without --yes it is a dry
 * run that opens the database read-only and says what would go; with
 * it, one write transaction deletes the submission's records, keeps
 * their public numbers taken (public_numbers.last_no, so that a number
 * once published never names another record) and removes the
 * submission from the submissions table.  The next build publishes the
 * records as withdrawn.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/dict.h"
#include "store/db.h"
#include "store/msg.h"
#include "store/rules.h"
#include "store/store.h"

/*
 * Run sql with ?1 source, ?2 quarter, ?3 form name; the first column of
 * its first row goes to *out (when out is not NULL).
 */
static int
q(sqlite3 *db, const struct withdraw_opts *o, const char *sql,
    sqlite3_int64 *out)
{
	sqlite3_stmt	*st;
	int		 rc, n;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_err(db, "withdrawing");
	n = sqlite3_bind_parameter_count(st);
	if (n >= 1)
		sqlite3_bind_text(st, 1, o->source, -1, SQLITE_STATIC);
	if (n >= 2)
		sqlite3_bind_text(st, 2, o->quarter, -1, SQLITE_STATIC);
	if (n >= 3)
		sqlite3_bind_text(st, 3, rules_formname(o->form), -1,
		    SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (out != NULL) {
			*out = sqlite3_column_int64(st, 0);
			out = NULL;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_err(db, "withdrawing");
	return 0;
}

/* The SQL of fmt with the form's table for %s (freed by the caller). */
static char *
sqlt(const struct withdraw_opts *o, const char *fmt)
{
	return xasprintf(fmt, rules_table(o->form), rules_table(o->form));
}

int
withdraw_run(const struct withdraw_opts *o)
{
	sqlite3		*db = NULL;
	sqlite3_int64	 n = 0, subs = 0, ninc = 0, nins = 0;
	enum oplang	 l = o->lang;
	char		*sql;
	int		 rc, y, qn;

	if (quarter_parse(o->quarter, &y, &qn) == -1)
		return rs_err("--quarter: expected YYYYQn (e.g. 2025Q1), "
		    "not '%s'", o->quarter);
	if (import_check_source(o->source) == -1)
		return -1;
	if (o->yes) {
		if (db_open_write(&db, o->db, 0) == -1)
			return -1;
		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL)
		    != SQLITE_OK) {
			db_err(db, "starting the withdrawal");
			goto fail;
		}
	} else {
		/* Write nothing: read-only, one snapshot. */
		if (db_open_read(&db, o->db) == -1)
			return -1;
	}

	sql = sqlt(o, "SELECT count(*) FROM main.%s WHERE source = ?1 AND "
	    "reported_quarter = ?2");
	rc = q(db, o, sql, &n);
	free(sql);
	if (rc == -1 || q(db, o, "SELECT count(*) FROM main.submissions "
	    "WHERE form = ?3 AND source = ?1 AND reported_quarter = ?2",
	    &subs) == -1)
		goto fail;
	if (n == 0 && subs == 0) {
		rs_err(msg(l, M_WD_NONE), msg(l, o->form == FORM_INCIDENTS ?
		    M_FORM_INCIDENTS : M_FORM_INSURANCE), o->quarter,
		    o->source);
		goto fail;
	}
	if (o->yes) {
		/* Their numbers stay taken, then the records go. */
		sql = sqlt(o, "INSERT INTO main.public_numbers (form, "
		    "quarter, last_no) SELECT ?3, quarter, max(public_no) "
		    "FROM main.%s WHERE source = ?1 AND reported_quarter = ?2 "
		    "AND public_no IS NOT NULL GROUP BY quarter "
		    "ON CONFLICT (form, quarter) DO UPDATE "
		    "SET last_no = max(last_no, excluded.last_no)");
		rc = q(db, o, sql, NULL);
		free(sql);
		if (rc == -1)
			goto fail;
		sql = sqlt(o, "DELETE FROM main.%s WHERE source = ?1 AND "
		    "reported_quarter = ?2");
		rc = q(db, o, sql, NULL);
		free(sql);
		if (rc == -1 || q(db, o, "DELETE FROM main.submissions "
		    "WHERE form = ?3 AND source = ?1 AND "
		    "reported_quarter = ?2", NULL) == -1)
			goto fail;
	}
	if (q(db, o, "SELECT count(*) FROM main.incidents", &ninc) == -1 ||
	    q(db, o, "SELECT count(*) FROM main.insurance_cases",
	    &nins) == -1)
		goto fail;
	if (!o->yes) {
		if (o->form == FORM_INCIDENTS)
			ninc -= n;
		else
			nins -= n;
	}
	if (o->yes && db_exec(db, "COMMIT") == -1) {
		if ((sqlite3_errcode(db) & 0xff) == SQLITE_BUSY)
			db_err(db, "committing the withdrawal");
		goto fail;
	}

	if (!o->yes)
		fputs(msg(l, M_DRY_RUN), stdout);
	printf(msg(l, M_SUM_HEAD), msg(l, o->form == FORM_INCIDENTS ?
	    M_FORM_INCIDENTS : M_FORM_INSURANCE), o->quarter, o->source,
	    (long)n, noun(l, N_RECORD, n));
	printf("%s\n", msg(l, o->yes ? M_WD_DONE : M_WD_DRY));
	printf(msg(l, M_IN_DB_WITHDRAW), (long long)ninc,
	    noun(l, N_INCIDENT, ninc), (long long)nins,
	    noun(l, N_INSURANCE, nins));
	putchar('\n');
	db_close(db);
	return 0;
fail:
	db_close(db);
	return -1;
}
