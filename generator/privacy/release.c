/*
 * release.c -- releases that stay.  The registry remembers every row a
 * release published (main.published: the release that first published
 * it, the release it was withdrawn in), so the rows of any release R
 * are those first published in R or before and not withdrawn by R; the
 * current build's are its decisions (temp.dec).  From these rows, per
 * release, come its key figures (rows and outcomes per quarter and
 * form: counts of published rows) and what it changed against the
 * release before it: rows added, rows withdrawn, and of these the
 * revisions (a record whose row was replaced by another row).  Rows are
 * told apart by their public number, records by their submitter's
 * reference, which never leaves this file.
 *
 * A revision links two published rows of one record; a count of one
 * or two in a quarter could single such a pair out and set two
 * generalizations of one record side by side, so counts from 1 to
 * k - 1 are not shown (-1).  Added and withdrawn rows are whole
 * published rows: any reader can count them by comparing releases.
 *
 * Not remembered (documented limit): a row withdrawn and later
 * published again (the same number) loses the release it was withdrawn
 * in, so the releases in between show it as present.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "store/db.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "privacy/release.h"

static const char *const form_letter[FORM__MAX] = { "I", "S" };

static int
prep(sqlite3 *db, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return db_err(db, "reading the releases");
	return 0;
}

static const char *
text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

static struct release *
add_release(struct release_list *l, const char *id)
{
	struct release	*r;

	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	r = &l->v[l->n++];
	memset(r, 0, sizeof(*r));
	snprintf(r->id, sizeof(r->id), "%s", id);
	if (l->n > 1)
		snprintf(r->prev, sizeof(r->prev), "%s", l->v[l->n - 2].id);
	return r;
}

/* The releases remembered before current, oldest first. */
static int
list_releases(sqlite3 *db, const char *policy, const char *current,
    struct release_list *l)
{
	sqlite3_stmt	*st;
	int		 step;

	if (prep(db, "SELECT release FROM main.releases WHERE policy = ?1 "
	    "AND release < ?2 ORDER BY release", &st) == -1)
		return -1;
	sqlite3_bind_text(st, 1, policy, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, current, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		add_release(l, text(st, 0));
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_err(db, "reading the releases");
	return 0;
}

/* The rows of every release into temp.rel. */
static int
collect_rows(sqlite3 *db, const char *policy, const char *current,
    const struct release_list *l)
{
	sqlite3_stmt	*st;
	size_t		 i;

	if (db_exec(db, "DROP TABLE IF EXISTS temp.rel;"
	    "CREATE TEMP TABLE rel ("
	    " rel TEXT NOT NULL, form INTEGER NOT NULL, quarter TEXT NOT NULL,"
	    " no INTEGER NOT NULL, source TEXT, source_ref TEXT,"
	    " first TEXT NOT NULL, month TEXT, sex TEXT, age TEXT, dx TEXT,"
	    " profile TEXT, outcome INTEGER NOT NULL,"
	    " PRIMARY KEY (rel, form, quarter, no)) WITHOUT ROWID;"
	    "CREATE INDEX temp.rel_record ON rel(rel, form, source, "
	    "source_ref)") == -1)
		return -1;
	for (i = 0; i + 1 < l->n; i++) {
		if (prep(db, "INSERT INTO temp.rel SELECT ?2, CASE form WHEN "
		    "'incidents' THEN 0 ELSE 1 END, quarter, no, source, "
		    "source_ref, release, month, sex, age, dx, profile, "
		    "outcome IN ('with', 'death') FROM main.published WHERE "
		    "policy = ?1 AND release <= ?2 AND (withdrawn IS NULL OR "
		    "withdrawn > ?2)", &st) == -1)
			return -1;
		sqlite3_bind_text(st, 1, policy, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, l->v[i].id, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return db_err(db, "reading what a release published");
		}
		sqlite3_finalize(st);
	}
	if (prep(db, "INSERT INTO temp.rel SELECT ?1, form, quarter, no, "
	    "source, source_ref, coalesce(release, ?1), month, sex, age, dx, "
	    "profile, outcome FROM temp.dec WHERE status <> 3", &st) == -1)
		return -1;
	sqlite3_bind_text(st, 1, current, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return db_err(db, "reading what this release publishes");
	}
	sqlite3_finalize(st);
	return 0;
}

static struct rel_figures *
figure(struct release *r, const char *quarter)
{
	if (r->nfig == 0 || strcmp(r->fig[r->nfig - 1].quarter, quarter)) {
		r->fig = xreallocarray(r->fig, r->nfig + 1, sizeof(*r->fig));
		memset(&r->fig[r->nfig], 0, sizeof(*r->fig));
		snprintf(r->fig[r->nfig].quarter, sizeof(r->fig->quarter),
		    "%s", quarter);
		r->nfig++;
	}
	return &r->fig[r->nfig - 1];
}

static int
figures(sqlite3 *db, struct release *r)
{
	sqlite3_stmt	*st;
	struct rel_figures *fg;
	int		 step, f;

	if (prep(db, "SELECT quarter, form, count(*), sum(outcome) FROM "
	    "temp.rel WHERE rel = ?1 GROUP BY quarter, form ORDER BY "
	    "quarter, form", &st) == -1)
		return -1;
	sqlite3_bind_text(st, 1, r->id, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		fg = figure(r, text(st, 0));
		f = sqlite3_column_int(st, 1);
		if (f < 0 || f >= FORM__MAX)
			continue;
		fg->rows[f] = (long)sqlite3_column_int64(st, 2);
		fg->outcome[f] = (long)sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_err(db, "counting a release's rows");
	return 0;
}

/* Added (0), withdrawn (1) and revised (2) rows, per quarter and form. */
static int
changes(sqlite3 *db, struct release *r, long k)
{
	sqlite3_stmt	*st;
	struct rel_change *c;
	int		 step;

	if (prep(db, "WITH added AS (SELECT a.* FROM temp.rel a WHERE "
	    "a.rel = ?1 AND NOT EXISTS (SELECT 1 FROM temp.rel b WHERE "
	    "b.rel = ?2 AND b.form = a.form AND b.quarter = a.quarter AND "
	    "b.no = a.no)), gone AS (SELECT b.* FROM temp.rel b WHERE "
	    "b.rel = ?2 AND NOT EXISTS (SELECT 1 FROM temp.rel a WHERE "
	    "a.rel = ?1 AND a.form = b.form AND a.quarter = b.quarter AND "
	    "a.no = b.no)) "
	    "SELECT form, quarter, sum(kind = 0), sum(kind = 1), "
	    "sum(kind = 2) FROM ("
	    "SELECT form, quarter, 0 AS kind FROM added UNION ALL "
	    "SELECT form, quarter, 1 FROM gone UNION ALL "
	    "SELECT a.form, a.quarter, 2 FROM added a WHERE EXISTS (SELECT 1 "
	    "FROM gone g WHERE g.form = a.form AND g.source = a.source AND "
	    "g.source_ref = a.source_ref)) "
	    "GROUP BY quarter, form ORDER BY quarter, form", &st) == -1)
		return -1;
	sqlite3_bind_text(st, 1, r->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->prev, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		r->chg = xreallocarray(r->chg, r->nchg + 1, sizeof(*r->chg));
		c = &r->chg[r->nchg++];
		memset(c, 0, sizeof(*c));
		c->form = sqlite3_column_int(st, 0) ? FORM_INSURANCE :
		    FORM_INCIDENTS;
		snprintf(c->quarter, sizeof(c->quarter), "%s", text(st, 1));
		c->added = (long)sqlite3_column_int64(st, 2);
		c->withdrawn = (long)sqlite3_column_int64(st, 3);
		c->revised = (long)sqlite3_column_int64(st, 4);
		if (c->revised > 0 && c->revised < k)
			c->revised = -1;
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_err(db, "comparing releases");
	return 0;
}

int
release_load(sqlite3 *db, const char *policy, int has_memory,
    const char *current, int recorded, long k, struct release_list *l)
{
	struct release	*r;
	size_t		 i;

	memset(l, 0, sizeof(*l));
	if (has_memory && list_releases(db, policy, current, l) == -1)
		goto fail;
	r = add_release(l, current);
	r->current = 1;
	r->preview = !recorded;
	if (collect_rows(db, policy, current, l) == -1)
		goto fail;
	for (i = 0; i < l->n; i++)
		if (figures(db, &l->v[i]) == -1 ||
		    changes(db, &l->v[i], k) == -1)
			goto fail;
	return 0;
fail:
	release_list_free(l);
	return -1;
}

int
release_scan(sqlite3 *db, const char *release, enum form f,
    int (*cb)(void *, const struct relrow *), void *arg)
{
	sqlite3_stmt	*st;
	struct relrow	 x;
	int		 step, rc = 0;

	if (prep(db, "SELECT quarter, no, first, month, sex, age, dx, "
	    "profile, outcome FROM temp.rel WHERE rel = ?1 AND form = ?2 "
	    "ORDER BY quarter, no", &st) == -1)
		return -1;
	sqlite3_bind_text(st, 1, release, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, f);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&x, 0, sizeof(x));
		snprintf(x.quarter, sizeof(x.quarter), "%s", text(st, 0));
		x.no = (long)sqlite3_column_int64(st, 1);
		snprintf(x.ref, sizeof(x.ref), "%s-%s-%04ld", x.quarter,
		    form_letter[f], x.no);
		x.first = text(st, 2);
		x.month = text(st, 3);
		x.sex = text(st, 4);
		x.age = text(st, 5);
		x.diagnosis = text(st, 6);
		x.profile = text(st, 7);
		x.outcome = sqlite3_column_int(st, 8);
		rc = cb(arg, &x);
	}
	sqlite3_finalize(st);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (step != SQLITE_DONE)
		return db_err(db, "reading a release's rows");
	return 0;
}

void
release_list_free(struct release_list *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].fig);
		free(l->v[i].chg);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}
