/*
 * validate.c -- regsite validate: check a registry database before a
 * build.  The checks, in the order they print:
 *
 *   schema     the version this regsite reads (db_open_read), then
 *              PRAGMA integrity_check
 *   keys       PRAGMA foreign_key_check: every code in its dictionary
 *   records    every row of both forms against the rules of import
 *              (rules.c), so validate accepts what import would load
 *   repeats    records repeated under another submission (the same
 *              source_ref and org_code, or the same values), unless
 *              --allow-duplicates
 *   numbers    every record has a public number, unique in its quarter,
 *              and public_numbers.last_no covers them (so a number is
 *              never given twice)
 *
 * validate_quick, run by regsite build inside its read transaction, is
 * the cheap part: keys and numbers.  Findings go to stderr as
 * "FILE: incidents id 42: field 'age_years': what is wrong (value)", in
 * the operator's language (English for build).  A file it cannot read
 * is a failure (exit status 1); one it reads and refuses, a finding.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/dict.h"
#include "store/db.h"
#include "store/msg.h"
#include "store/rules.h"
#include "store/store.h"

struct vctx {
	sqlite3		*db;
	const char	*path;
	enum oplang	 lang;		/* of the findings */
	long		 n;		/* findings so far */
	int		 err;		/* -1: a query failed (rs_err set) */
};

static void
finding(struct vctx *v, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Print "PATH: <message>" to stderr and count it. */
static void
finding(struct vctx *v, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "%s: ", v->path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	v->n++;
}

/* Prepare sql; on failure rs_err and NULL. */
static sqlite3_stmt *
prep(struct vctx *v, const char *sql)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(v->db, sql, -1, &st, NULL) != SQLITE_OK) {
		v->err = db_err(v->db, "validating");
		return NULL;
	}
	return st;
}

/* Finalize st after its last step returned rc. */
static int
done(struct vctx *v, sqlite3_stmt *st, int rc)
{
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		v->err = db_err(v->db, "validating");
	return v->err;
}

static const char *
text(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return s ? (const char *)s : "";
}

/* How a finding names a row: "incidents id 42" or "profiles row 7". */
static void
row_name(struct buf *b, enum oplang l, const char *table,
    sqlite3_int64 rowid)
{
	if (strcmp(table, "incidents") == 0 ||
	    strcmp(table, "insurance_cases") == 0)
		buf_printf(b, "%s id %lld", table, rowid);
	else
		buf_printf(b, msg(l, M_V_ROW), table, rowid);
}

/*
 * PRAGMA foreign_key_check, each violation shown with the column and
 * its value: "incidents id 3: field 'region': not in regions (KZ-99)".
 */
static int
check_keys(struct vctx *v)
{
	sqlite3_stmt	*st, *col, *val;
	struct buf	 b = { 0 }, sql = { 0 }, what = { 0 };
	const char	*table, *from;
	int		 rc;

	if ((st = prep(v, "PRAGMA foreign_key_check")) == NULL)
		return -1;
	if ((col = prep(v, "SELECT \"from\" FROM pragma_foreign_key_list(?1) "
	    "WHERE id = ?2")) == NULL) {
		sqlite3_finalize(st);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		table = text(st, 0);
		buf_reset(&b);
		row_name(&b, v->lang, table, sqlite3_column_int64(st, 1));
		sqlite3_bind_text(col, 1, table, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(col, 2, sqlite3_column_int64(st, 3));
		from = sqlite3_step(col) == SQLITE_ROW ? text(col, 0) : "?";
		buf_reset(&what);
		buf_printf(&what, msg(v->lang, M_V_NOT_IN), text(st, 2));
		/* The offending value, read by rowid. */
		buf_reset(&sql);
		buf_printf(&sql, "SELECT \"%s\" FROM \"%s\" WHERE rowid = ?1",
		    from, table);
		if (sqlite3_prepare_v2(v->db, buf_str(&sql), -1, &val, NULL)
		    == SQLITE_OK) {
			sqlite3_bind_int64(val, 1, sqlite3_column_int64(st, 1));
			if (sqlite3_step(val) == SQLITE_ROW) {
				BUF_LIT(&b, ": ");
				rules_describe(&b, v->lang, from,
				    buf_str(&what),
				    text(val, 0),
				    (size_t)sqlite3_column_bytes(val, 0));
			}
			sqlite3_finalize(val);
		}
		sqlite3_reset(col);
		finding(v, "%s", buf_str(&b));
	}
	sqlite3_finalize(col);
	buf_free(&b);
	buf_free(&sql);
	buf_free(&what);
	return done(v, st, rc);
}

/*
 * Public numbers of one form: present, unique in their quarter, and
 * covered by public_numbers.last_no.  The queries walk the (quarter,
 * public_no) index.
 */
static int
check_numbers(struct vctx *v, enum form form)
{
	sqlite3_stmt	*st;
	struct buf	 sql = { 0 };
	const char	*t = rules_table(form);
	int		 rc, indexed;

	/*
	 * Through the index of (quarter, public_no) where it is there:
	 * public_no is the last column of a row of some 4 KB, and SQLite
	 * chose to read every page of the table for it.  A registry
	 * without the index (a damaged one) is checked all the same.
	 */
	buf_printf(&sql, "SELECT count(*) FROM pragma_index_list('%s') "
	    "WHERE name = '%s_public' AND partial = 0", t, t);
	if ((st = prep(v, buf_str(&sql))) == NULL)
		goto out;
	rc = sqlite3_step(st);
	indexed = rc == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
	if (done(v, st, rc == SQLITE_ROW ? SQLITE_DONE : rc) == -1)
		goto out;
	buf_reset(&sql);
	buf_printf(&sql, "SELECT id FROM %s", t);
	if (indexed)
		buf_printf(&sql, " INDEXED BY %s_public", t);
	BUF_LIT(&sql, " WHERE public_no IS NULL ORDER BY id");
	st = prep(v, buf_str(&sql));
	buf_reset(&sql);
	if (st == NULL)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		buf_reset(&sql);
		rules_describe(&sql, v->lang, "public_no",
		    msg(v->lang, M_MISSING), "", 0);
		finding(v, "%s id %lld: %s", t, sqlite3_column_int64(st, 0),
		    buf_str(&sql));
	}
	buf_reset(&sql);
	if (done(v, st, rc) == -1)
		goto out;

	buf_printf(&sql, "SELECT quarter, public_no, group_concat(id, ', ') "
	    "FROM %s WHERE public_no IS NOT NULL GROUP BY quarter, public_no "
	    "HAVING count(*) > 1", t);
	st = prep(v, buf_str(&sql));
	buf_reset(&sql);
	if (st == NULL)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		finding(v, msg(v->lang, M_V_PUBNO_DUP), t, text(st, 0),
		    sqlite3_column_int64(st, 1), text(st, 2));
	if (done(v, st, rc) == -1)
		goto out;

	buf_printf(&sql, "SELECT m.quarter, m.top, p.last_no FROM (SELECT "
	    "quarter, max(public_no) AS top FROM %s WHERE public_no IS NOT "
	    "NULL GROUP BY quarter) AS m LEFT JOIN public_numbers AS p "
	    "ON p.form = ?1 AND p.quarter = m.quarter "
	    "WHERE p.last_no IS NULL OR p.last_no < m.top ORDER BY m.quarter",
	    t);
	st = prep(v, buf_str(&sql));
	if (st == NULL)
		goto out;
	sqlite3_bind_text(st, 1, rules_formname(form), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 2) == SQLITE_NULL)
			finding(v, msg(v->lang, M_V_PN_NOROW),
			    rules_formname(form), text(st, 0),
			    sqlite3_column_int64(st, 1));
		else
			finding(v, msg(v->lang, M_V_PN_LOW),
			    rules_formname(form), text(st, 0),
			    sqlite3_column_int64(st, 2),
			    sqlite3_column_int64(st, 1));
	}
	done(v, st, rc);
out:
	buf_free(&sql);
	return v->err;
}

/* The cheap checks, shared by validate_quick and validate_run. */
static int
quick(struct vctx *v)
{
	if (check_keys(v) == -1 ||
	    check_numbers(v, FORM_INCIDENTS) == -1 ||
	    check_numbers(v, FORM_INSURANCE) == -1)
		return -1;
	return 0;
}

int
validate_quick(sqlite3 *db, const char *path)
{
	/* In English, like the rest of what regsite build says. */
	struct vctx	 v = { db, path, OPLANG_EN, 0, 0 };

	if (quick(&v) == -1)
		return -1;
	return v.n > 0;
}

/* ------------------------------------------------------------------ */

/* PRAGMA integrity_check: anything but "ok" is a finding. */
static int
check_integrity(struct vctx *v)
{
	sqlite3_stmt	*st;
	const char	*s;
	int		 rc;

	if ((st = prep(v, "PRAGMA integrity_check")) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s = text(st, 0);
		if (strcmp(s, "ok") != 0)
			finding(v, "integrity_check: %s", s);
	}
	return done(v, st, rc);
}

struct rowctx {
	struct vctx	*v;
	enum form	 form;
	sqlite3_int64	 id;
};

/* A rules.c problem in a database row. */
static void
on_problem(void *arg, size_t col, const char *what, const char *s,
    size_t len)
{
	struct rowctx	*r = arg;
	struct buf	 b = { 0 };

	rules_describe(&b, r->v->lang, rules_colname(r->form, col), what, s,
	    len);
	finding(r->v, "%s id %lld: %s", rules_table(r->form), r->id,
	    buf_str(&b));
	buf_free(&b);
}

/*
 * Every record of a form against the rules of import, and the columns
 * import sets itself: source and reported_quarter.
 */
static int
check_records(struct vctx *v, const struct rules *rules, enum form form)
{
	sqlite3_stmt	*st;
	struct buf	 sql = { 0 }, vals = { 0 }, b = { 0 };
	struct rfield	 f[32];
	struct rowctx	 r = { v, form, 0 };
	size_t		 i, n = rules_ncols(form), off[32];
	const char	*rq, *src;
	int		 rc, y, q;

	BUF_LIT(&sql, "SELECT id, source, reported_quarter");
	for (i = 0; i < n; i++)
		buf_printf(&sql, ", \"%s\"", rules_colname(form, i));
	buf_printf(&sql, " FROM %s ORDER BY id", rules_table(form));
	st = prep(v, buf_str(&sql));
	buf_free(&sql);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(st, 0);
		src = text(st, 1);
		rq = text(st, 2);
		if (*src == '\0') {
			buf_reset(&b);
			rules_describe(&b, v->lang, "source",
			    msg(v->lang, M_MISSING), "", 0);
			finding(v, "%s id %lld: %s", rules_table(form), r.id,
			    buf_str(&b));
		}
		if (quarter_parse(rq, &y, &q) == -1) {
			buf_reset(&b);
			rules_describe(&b, v->lang, "reported_quarter", *rq ?
			    msg(v->lang, M_V_QUARTER) :
			    msg(v->lang, M_MISSING), rq, strlen(rq));
			finding(v, "%s id %lld: %s", rules_table(form), r.id,
			    buf_str(&b));
		}
		/* Copies: the rules get writable values. */
		buf_reset(&vals);
		for (i = 0; i < n; i++) {
			off[i] = vals.len;
			buf_put(&vals, text(st, (int)i + 3),
			    (size_t)sqlite3_column_bytes(st, (int)i + 3));
			f[i].len = vals.len - off[i];
		}
		for (i = 0; i < n; i++)
			f[i].s = vals.data + off[i];
		rules_check(rules, form, rq, f, 0, on_problem, &r);
	}
	buf_free(&vals);
	buf_free(&b);
	return done(v, st, rc);
}

/*
 * The submissions table is a record of imports, not something a build
 * reads: a count that no longer matches is a warning only.
 */
static int
check_submissions(struct vctx *v)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = prep(v, "SELECT s.form, s.source, s.reported_quarter, "
	    "s.records, CASE s.form WHEN 'incidents' THEN (SELECT count(*) "
	    "FROM incidents AS t WHERE t.source = s.source AND "
	    "t.reported_quarter = s.reported_quarter) ELSE (SELECT count(*) "
	    "FROM insurance_cases AS t WHERE t.source = s.source AND "
	    "t.reported_quarter = s.reported_quarter) END AS n "
	    "FROM submissions AS s WHERE n <> s.records "
	    "ORDER BY s.form, s.source, s.reported_quarter")) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* A warning: not counted. */
		fprintf(stderr, "%s: ", v->path);
		fprintf(stderr, msg(v->lang, M_V_SUBMISSIONS), text(st, 0),
		    text(st, 2), text(st, 1), sqlite3_column_int64(st, 3),
		    sqlite3_column_int64(st, 4));
		fputc('\n', stderr);
	}
	return done(v, st, rc);
}

/*
 * Records that repeat another: the same source_ref and org_code
 * (another source), or the same values but the source_ref (in another
 * submission or in the same one) -- what regsite import refuses
 * without --allow-duplicates.  Each later one is a finding.
 * Same values are found by a key of the values (regsite_content), then
 * compared value by value.
 */
static int
check_repeats(struct vctx *v, enum form form)
{
	sqlite3_stmt	*st;
	struct buf	 sql = { 0 }, what = { 0 };
	const char	*t = rules_table(form), *c;
	size_t		 i;
	int		 rc, pass;

	BUF_LIT(&sql, "DROP TABLE IF EXISTS temp.vkeys; CREATE TEMP TABLE "
	    "vkeys AS SELECT id, regsite_content(");
	for (i = 1; i < rules_ncols(form); i++)
		buf_printf(&sql, "%s\"%s\"", i > 1 ? ", " : "",
		    rules_colname(form, i));
	buf_printf(&sql, ") AS k FROM %s; CREATE INDEX temp.vkeys_k ON "
	    "vkeys (k)", t);
	if (sqlite3_exec(v->db, buf_str(&sql), NULL, NULL, NULL) !=
	    SQLITE_OK) {
		v->err = db_err(v->db, "validating");
		buf_free(&sql);
		return -1;
	}
	for (pass = 0; pass < 2; pass++) {
		buf_reset(&sql);
		if (pass == 0)
			buf_printf(&sql, "SELECT b.id, min(a.id) FROM %s AS a "
			    "JOIN %s AS b ON a.id < b.id AND "
			    "a.source_ref = b.source_ref AND "
			    "a.org_code = b.org_code AND "
			    "a.source <> b.source", t, t);
		else {
			buf_printf(&sql, "SELECT b.id, min(a.id) FROM "
			    "temp.vkeys AS ka JOIN temp.vkeys AS kb "
			    "ON ka.k = kb.k AND ka.id < kb.id "
			    "JOIN %s AS a ON a.id = ka.id "
			    "JOIN %s AS b ON b.id = kb.id AND ", t, t);
			for (i = 1; i < rules_ncols(form); i++) {
				c = rules_colname(form, i);
				buf_printf(&sql, "a.\"%s\" IS b.\"%s\" AND ",
				    c, c);
			}
			BUF_LIT(&sql, "NOT (a.source_ref = b.source_ref AND "
			    "a.org_code = b.org_code)");
		}
		BUF_LIT(&sql, " GROUP BY b.id ORDER BY b.id");
		if ((st = prep(v, buf_str(&sql))) == NULL)
			break;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			buf_reset(&what);
			buf_printf(&what, msg(v->lang, M_V_REPEAT),
			    sqlite3_column_int64(st, 1), msg(v->lang,
			    pass == 0 ? M_V_SAME_REF : M_V_SAME_CONTENT));
			finding(v, "%s id %lld: %s", t,
			    sqlite3_column_int64(st, 0), buf_str(&what));
		}
		if (done(v, st, rc) == -1)
			break;
	}
	sqlite3_exec(v->db, "DROP TABLE IF EXISTS temp.vkeys", NULL, NULL,
	    NULL);
	buf_free(&sql);
	buf_free(&what);
	return v->err;
}

int
validate_run(const struct validate_opts *o)
{
	struct vctx	 v = { NULL, o->db, o->lang, 0, 0 };
	const char	*path = o->db;
	struct stat	 sb;
	struct rules	*rules = NULL;
	sqlite3_int64	 ninc = 0, nins = 0;
	sqlite3_stmt	*st;
	int		 rc = -1, refused;

	if (stat(path, &sb) == -1 || !S_ISREG(sb.st_mode))
		return rs_err("%s: no such database file", path);
	if (db_open_check(&v.db, path, &refused) == -1) {
		if (!refused)
			return -1;	/* cannot read it: exit status 1 */
		/* A database this regsite refuses is a finding. */
		fprintf(stderr, "%s\n", rs_errmsg());
		return 1;
	}
	if (check_integrity(&v) == -1 || check_keys(&v) == -1)
		goto out;
	if ((rules = rules_new(v.db, o->lang)) == NULL ||
	    db_content_fn(v.db) == -1)
		goto out;
	if (check_records(&v, rules, FORM_INCIDENTS) == -1 ||
	    check_records(&v, rules, FORM_INSURANCE) == -1 ||
	    check_numbers(&v, FORM_INCIDENTS) == -1 ||
	    check_numbers(&v, FORM_INSURANCE) == -1)
		goto out;
	if (!o->allow_duplicates &&
	    (check_repeats(&v, FORM_INCIDENTS) == -1 ||
	    check_repeats(&v, FORM_INSURANCE) == -1))
		goto out;
	if (check_submissions(&v) == -1)
		goto out;
	if (v.n > 0) {
		fprintf(stderr, msg(o->lang, M_V_NPROBLEMS), path, v.n,
		    noun(o->lang, N_PROBLEM, v.n));
		fputc('\n', stderr);
		rc = 1;
		goto out;
	}
	if ((st = prep(&v, "SELECT (SELECT count(*) FROM incidents), "
	    "(SELECT count(*) FROM insurance_cases)")) == NULL)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW) {
		ninc = sqlite3_column_int64(st, 0);
		nins = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	printf(msg(o->lang, M_V_OK), path, (long long)ninc,
	    noun(o->lang, N_INCIDENT, ninc), (long long)nins,
	    noun(o->lang, N_INSURANCE, nins));
	putchar('\n');
	rc = 0;
out:
	rules_free(rules);
	db_close(v.db);
	return rc;
}
