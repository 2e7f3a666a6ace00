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

/* Changes by quarter, then form. */
static int
change_cmp(const void *pa, const void *pb)
{
	const struct rel_change *a = pa, *b = pb;
	int	 c = strcmp(a->quarter, b->quarter);

	if (c != 0)
		return c;
	return (int)a->form - (int)b->form;
}

/*
 * The past releases' figures and changes come from one pass over
 * main.published, not from a copy of each release's rows: a row is in
 * the releases from the first at or after its release up to the first
 * at or after its withdrawal (l->v[s] to l->v[e - 1]), so its counts
 * go into per-release differences, summed at the end.  In the order of
 * the records, a record's rows come together: a row first published
 * by release i revises the record when another of its rows left in i.
 * The cost is the rows remembered once, not once per release (read in
 * the table's order and sorted: a search of the table for each entry
 * of the index on the records took longer).
 */
struct tally {
	char		(*q)[8];	/* the quarters met, sorted */
	size_t		 nq;
	size_t		 nrel;		/* the past releases */
	long		*v;		/* [release][quarter][form][what] */
};

enum { T_ROWS, T_OUT, T_ADDED, T_GONE, T_REVISED, T__MAX };

/* Where quarter q0 is (added if new): its index.  A quarter is kept
 * as the figures keep it, in 7 bytes. */
static size_t
tally_quarter(struct tally *t, const char *q0)
{
	size_t	 lo = 0, hi = t->nq, mid, per, i, j, k;
	char	 q[8];
	long	*v;
	int	 c;

	snprintf(q, sizeof(q), "%s", q0);
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(t->q[mid], q)) == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	t->q = xreallocarray(t->q, t->nq + 1, sizeof(*t->q));
	memmove(t->q + lo + 1, t->q + lo, (t->nq - lo) * sizeof(*t->q));
	snprintf(t->q[lo], sizeof(t->q[lo]), "%s", q);
	/* The counts move with their quarters. */
	per = FORM__MAX * T__MAX;
	v = xcalloc((t->nrel + 1) * (t->nq + 1) * per, sizeof(*v));
	for (i = 0; i <= t->nrel; i++)
		for (j = 0, k = 0; j < t->nq; j++, k++) {
			if (j == lo)
				k++;
			memcpy(v + (i * (t->nq + 1) + k) * per,
			    t->v + (i * t->nq + j) * per, per * sizeof(*v));
		}
	free(t->v);
	t->v = v;
	t->nq++;
	return lo;
}

static long *
tally_at(struct tally *t, size_t rel, size_t q, int f)
{
	return t->v + ((rel * t->nq + q) * FORM__MAX + f) * T__MAX;
}

/* The first past release at or after id: l->v[0..n) are sorted. */
static size_t
rel_bound(const struct release_list *l, size_t n, const char *id)
{
	size_t	 lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (strcmp(l->v[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Every row remembered, a record's together. */
static const char sql_past[] =
    "SELECT form, source, source_ref, quarter, release, withdrawn, "
    "outcome IN ('with', 'death') FROM main.published NOT INDEXED "
    "WHERE policy = ?1 ORDER BY form, source, source_ref";

/* A record's rows, while its group is read. */
struct grow {
	size_t		 q, s, e;
	int		 f;
};

/* The revisions among one record's rows. */
static void
group_done(struct tally *t, const struct grow *g, size_t n)
{
	size_t	 a, b;

	if (n < 2)
		return;
	for (a = 0; a < n; a++) {
		if (g[a].s == 0 || g[a].s >= g[a].e)
			continue;
		for (b = 0; b < n; b++)
			if (b != a && g[b].s < g[b].e && g[b].e == g[a].s) {
				tally_at(t, g[a].s, g[a].q,
				    g[a].f)[T_REVISED]++;
				break;
			}
	}
}

/* The past releases l->v[0..n) from main.published, into t. */
static int
tally_past(sqlite3 *db, const char *policy, const struct release_list *l,
    size_t n, struct tally *t)
{
	sqlite3_stmt	*st;
	struct grow	*g = NULL;
	size_t		 ng = 0, cap = 0, s, e, q;
	char		*ksrc = NULL, *kref = NULL;
	const char	*src, *ref, *w;
	int		 kf = -1;
	long		*x;
	int		 step, f, out, same;

	t->nrel = n;
	if (prep(db, sql_past, &st) == -1)
		return -1;
	sqlite3_bind_text(st, 1, policy, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		f = strcmp(text(st, 0), "incidents") == 0 ? 0 : 1;
		src = text(st, 1);
		ref = text(st, 2);
		same = f == kf && strcmp(ksrc, src) == 0 &&
		    strcmp(kref, ref) == 0;
		if (!same) {
			group_done(t, g, ng);
			ng = 0;
			kf = f;
			free(ksrc);
			free(kref);
			ksrc = xstrdup(src);
			kref = xstrdup(ref);
		}
		s = rel_bound(l, n, text(st, 4));
		w = (const char *)sqlite3_column_text(st, 5);
		e = w != NULL ? rel_bound(l, n, w) : n;
		if (s >= e)
			continue;	/* in no past release */
		q = tally_quarter(t, text(st, 3));
		out = sqlite3_column_int(st, 6);
		x = tally_at(t, s, q, f);
		x[T_ROWS]++;
		x[T_OUT] += out;
		x[T_ADDED]++;
		x = tally_at(t, e, q, f);
		x[T_ROWS]--;
		x[T_OUT] -= out;
		if (e < n)
			x[T_GONE]++;
		if (ng == cap) {
			cap = cap ? 2 * cap : 4;
			g = xreallocarray(g, cap, sizeof(*g));
		}
		g[ng].q = q;
		g[ng].s = s;
		g[ng].e = e;
		g[ng].f = f;
		ng++;
	}
	group_done(t, g, ng);
	free(g);
	free(ksrc);
	free(kref);
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return db_err(db, "reading what the releases published");
	return 0;
}

static struct rel_change *
change(struct release *r, const char *quarter, enum form f)
{
	struct rel_change *c;

	r->chg = xreallocarray(r->chg, r->nchg + 1, sizeof(*r->chg));
	c = &r->chg[r->nchg++];
	memset(c, 0, sizeof(*c));
	c->form = f;
	snprintf(c->quarter, sizeof(c->quarter), "%s", quarter);
	return c;
}

/* Release r's figures from slot i of the tally: the quarters with rows. */
static void
tally_figures(struct tally *t, size_t i, struct release *r)
{
	struct rel_figures *fg;
	size_t	 q;
	long	*x;
	int	 f;

	for (q = 0; q < t->nq; q++) {
		fg = NULL;
		for (f = 0; f < FORM__MAX; f++) {
			x = tally_at(t, i, q, f);
			if (x[T_ROWS] <= 0)
				continue;
			if (fg == NULL)
				fg = figure(r, t->q[q]);
			fg->rows[f] = x[T_ROWS];
			fg->outcome[f] = x[T_OUT];
		}
	}
}

/* The past releases' figures and changes from the tally. */
static void
tally_releases(struct tally *t, struct release_list *l, long k)
{
	struct rel_change *c;
	size_t	 i, q;
	long	*x, *y;
	int	 f;

	/* The differences summed: each release's rows. */
	for (i = 1; i < t->nrel; i++)
		for (q = 0; q < t->nq; q++)
			for (f = 0; f < FORM__MAX; f++) {
				x = tally_at(t, i, q, f);
				y = tally_at(t, i - 1, q, f);
				x[T_ROWS] += y[T_ROWS];
				x[T_OUT] += y[T_OUT];
			}
	for (i = 0; i < t->nrel; i++) {
		tally_figures(t, i, &l->v[i]);
		for (q = 0; q < t->nq; q++)
			for (f = 0; f < FORM__MAX; f++) {
				x = tally_at(t, i, q, f);
				if (x[T_ADDED] == 0 && x[T_GONE] == 0)
					continue;
				c = change(&l->v[i], t->q[q], f);
				c->added = x[T_ADDED];
				c->withdrawn = x[T_GONE];
				c->revised = x[T_REVISED];
				if (c->revised > 0 && c->revised < k)
					c->revised = -1;
			}
	}
}

/*
 * This build's figures: its decisions (temp.dec), counted as they are
 * read (a GROUP BY sorted them all: 6.4 s at 1 000 000 incidents).
 */
static int
figures_current(sqlite3 *db, struct release *r)
{
	sqlite3_stmt	*st;
	struct tally	 t;
	size_t		 q;
	long		*x;
	int		 step, f, rc = -1;

	memset(&t, 0, sizeof(t));
	if (prep(db, "SELECT quarter, form, outcome FROM temp.dec "
	    "WHERE status <> 3", &st) == -1)
		return -1;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		f = sqlite3_column_int(st, 1);
		if (f < 0 || f >= FORM__MAX)
			continue;
		q = tally_quarter(&t, text(st, 0));
		x = tally_at(&t, 0, q, f);
		x[T_ROWS]++;
		x[T_OUT] += sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		db_err(db, "counting a release's rows");
		goto out;
	}
	tally_figures(&t, 0, r);
	rc = 0;
out:
	free(t.q);
	free(t.v);
	return rc;
}

/* The published row p is in release ?2 (the one before this build). */
#define IN_PREV(p) \
	p ".policy = ?1 AND " p ".release <= ?2 AND (" p ".withdrawn IS " \
	"NULL OR " p ".withdrawn > ?2)"
/* The form of d (0 or 1) as main.published names it. */
#define FORM_TEXT(d) \
	"CASE " d ".form WHEN 0 THEN 'incidents' ELSE 'insurance' END"
/*
 * This build's rows (temp.dec, by dec_order, which holds their status)
 * and the rows of the release before it (main.published, by its
 * primary key), both in the order of their key (form, quarter,
 * number).  Read side by side, they tell the rows either lacks in one
 * pass, not by a search of one for every row of the other.
 */
static const char sql_cur_keys[] =
    "SELECT form, quarter, no, id FROM temp.dec INDEXED BY dec_order "
    "WHERE status <> 3 ORDER BY form, quarter, no";
static const char sql_prev_keys[] =
    "SELECT CASE p.form WHEN 'incidents' THEN 0 ELSE 1 END, p.quarter, "
    "p.no FROM main.published p WHERE " IN_PREV("p")
    " ORDER BY p.form, p.quarter, p.no";
/* A row this build adds revises its record when the record had a row
 * in that release that this build lacks (searched by record: few rows
 * are added). */
static const char sql_revises[] =
    "SELECT EXISTS (SELECT 1 FROM main.published g WHERE " IN_PREV("g")
    " AND g.form = " FORM_TEXT("d") " AND g.source = d.source "
    "AND g.source_ref = d.source_ref AND NOT EXISTS (SELECT 1 FROM "
    "temp.dec AS x INDEXED BY dec_order WHERE x.form = d.form AND "
    "x.quarter = g.quarter AND x.no = g.no AND x.status <> 3)) "
    "FROM temp.dec d WHERE d.form = ?3 AND d.id = ?4";

/* The key of a row as read by sql_cur_keys or sql_prev_keys. */
struct rowkey {
	int		 form;
	char		 quarter[8];
	long long	 no;
};

/* The next key of st into k: 1, 0 at the end, -1 on an error. */
static int
next_key(sqlite3_stmt *st, struct rowkey *k)
{
	int	 step = sqlite3_step(st);

	if (step != SQLITE_ROW)
		return step == SQLITE_DONE ? 0 : -1;
	k->form = sqlite3_column_int(st, 0) ? FORM_INSURANCE : FORM_INCIDENTS;
	snprintf(k->quarter, sizeof(k->quarter), "%s", text(st, 1));
	k->no = sqlite3_column_int64(st, 2);
	return 1;
}

static int
key_cmp(const struct rowkey *a, const struct rowkey *b)
{
	int	 c;

	if (a->form != b->form)
		return a->form < b->form ? -1 : 1;
	if ((c = strcmp(a->quarter, b->quarter)) != 0)
		return c;
	return a->no < b->no ? -1 : a->no > b->no;
}

/* The change of r for k's quarter and form, made when it is not there. */
static struct rel_change *
change_of(struct release *r, const struct rowkey *k)
{
	size_t	 i;

	for (i = r->nchg; i > 0; i--)
		if (r->chg[i - 1].form == (enum form)k->form &&
		    strcmp(r->chg[i - 1].quarter, k->quarter) == 0)
			return &r->chg[i - 1];
	return change(r, k->quarter, (enum form)k->form);
}

/*
 * What this build changes against the release before it (prev, "" for
 * none): its rows that release lacks (added; revised when the record
 * has a row that left), and that release's rows it lacks (withdrawn),
 * per quarter and form, as the past releases' are counted.
 */
static int
changes_current(sqlite3 *db, const char *policy, struct release *r,
    long k)
{
	sqlite3_stmt	*st[3] = { NULL, NULL, NULL };
	struct rowkey	 a, b;
	struct rel_change *c;
	size_t		 i;
	int		 ha, hb, cmp, f, rc = -1;

	if (!r->prev[0]) {
		/* The first release: every row is added. */
		for (i = 0; i < r->nfig; i++)
			for (f = 0; f < FORM__MAX; f++)
				if (r->fig[i].rows[f] > 0)
					change(r, r->fig[i].quarter,
					    f)->added = r->fig[i].rows[f];
		return 0;
	}
	if (prep(db, sql_cur_keys, &st[0]) == -1 ||
	    prep(db, sql_prev_keys, &st[1]) == -1 ||
	    prep(db, sql_revises, &st[2]) == -1)
		goto out;
	for (i = 1; i < 3; i++) {
		sqlite3_bind_text(st[i], 1, policy, -1, SQLITE_STATIC);
		sqlite3_bind_text(st[i], 2, r->prev, -1, SQLITE_STATIC);
	}
	ha = next_key(st[0], &a);
	hb = next_key(st[1], &b);
	while (ha == 1 || hb == 1) {
		cmp = ha != 1 ? 1 : hb != 1 ? -1 : key_cmp(&a, &b);
		if (cmp < 0) {
			c = change_of(r, &a);
			c->added++;
			/* The record of a, whose row st[0] is on. */
			sqlite3_bind_int(st[2], 3, a.form);
			sqlite3_bind_int64(st[2], 4,
			    sqlite3_column_int64(st[0], 3));
			if (sqlite3_step(st[2]) != SQLITE_ROW)
				break;
			c->revised += sqlite3_column_int(st[2], 0);
			sqlite3_reset(st[2]);
		} else if (cmp > 0)
			change_of(r, &b)->withdrawn++;
		if (cmp <= 0)
			ha = next_key(st[0], &a);
		if (cmp >= 0)
			hb = next_key(st[1], &b);
	}
	if (ha == -1 || hb == -1 || ha == 1 || hb == 1) {
		db_err(db, "comparing releases");
		goto out;
	}
	for (i = 0; i < r->nchg; i++)
		if (r->chg[i].revised > 0 && r->chg[i].revised < k)
			r->chg[i].revised = -1;
	qsort(r->chg, r->nchg, sizeof(*r->chg), change_cmp);
	rc = 0;
out:
	for (i = 0; i < 3; i++)
		sqlite3_finalize(st[i]);
	return rc;
}

int
release_load(sqlite3 *db, const char *policy, int has_memory,
    const char *current, int recorded, long k, struct release_list *l)
{
	struct tally	 t;
	struct release	*r;
	size_t		 n;
	int		 rc = -1;

	memset(l, 0, sizeof(*l));
	memset(&t, 0, sizeof(t));
	if (has_memory && list_releases(db, policy, current, l) == -1)
		goto fail;
	n = l->n;
	if (n > 0) {
		if (tally_past(db, policy, l, n, &t) == -1)
			goto fail;
		tally_releases(&t, l, k);
	}
	r = add_release(l, current);
	r->current = 1;
	r->preview = !recorded;
	if (figures_current(db, r) == -1 ||
	    changes_current(db, policy, r, k) == -1)
		goto fail;
	rc = 0;
fail:
	free(t.q);
	free(t.v);
	if (rc == -1)
		release_list_free(l);
	return rc;
}

/*
 * The rows of release id as published then, of form f, in order: this
 * build's from its decisions, an earlier one's from main.published.
 */
int
release_scan(sqlite3 *db, const char *policy, const char *current,
    const char *release, enum form f,
    int (*cb)(void *, const struct relrow *), void *arg)
{
	sqlite3_stmt	*st;
	struct relrow	 x;
	int		 step, rc = 0, cur = strcmp(release, current) == 0;

	if (prep(db, cur ? "SELECT quarter, no, coalesce(release, ?1), "
	    "month, sex, age, dx, profile, outcome FROM temp.dec "
	    "WHERE form = ?3 AND status <> 3 ORDER BY quarter, no" :
	    "SELECT quarter, no, release, month, sex, age, dx, profile, "
	    "outcome IN ('with', 'death') FROM main.published WHERE "
	    "policy = ?2 AND form = ?4 AND release <= ?1 AND "
	    "(withdrawn IS NULL OR withdrawn > ?1) ORDER BY quarter, no",
	    &st) == -1)
		return -1;
	sqlite3_bind_text(st, 1, release, -1, SQLITE_STATIC);
	if (!cur) {
		sqlite3_bind_text(st, 2, policy, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, f == FORM_INCIDENTS ? "incidents" :
		    "insurance", -1, SQLITE_STATIC);
	} else
		sqlite3_bind_int(st, 3, f);
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

int
release_explain(sqlite3 *db, FILE *out)
{
	return db_explain(db, sql_past, out) | db_explain(db, sql_cur_keys,
	    out) | db_explain(db, sql_prev_keys, out) |
	    db_explain(db, sql_revises, out) ? -1 : 0;
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
