/*
 * cube.c -- the regional tables and their protection (see cube.h).
 *
 * The true counts x[c][r][o] (column, region, outcome) stay here.  The
 * published cells are every x[c][r][o], their sums over the outcome
 * (x[c][r][.]), and the same over all columns (x[.][r][o],
 * x[.][r][.]).  A reader also knows exactly, from the rows, how many
 * records of each outcome every column holds (x[c][.][o]).
 *
 * Primary protection: a count of 1 to small_count-1 is suppressed, any
 * other rounded to the policy's base; a breakdown whose total is below
 * small_count is not published at all (its cells hidden).  Then the
 * audit: the reader's knowledge is a set of linear constraints (each
 * published cell's interval: exact, rounded +-base/2 and >= small_count,
 * 1..small_count-1, or anything >= 0 when hidden); for every suppressed
 * cell, two linear programs give the least and the most it can be.  If
 * that range is narrower than PROTECT, the smallest published cell
 * that shares a margin with it is hidden too, and the audit runs again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glpk.h>

#include "lib/lib.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "store/db.h"
#include "privacy/scrub.h"
#include "privacy/report.h"
#include "privacy/privacy.h"
#include "privacy/cube.h"

/*
 * A suppressed count must stay uncertain by at least this much (less
 * where "<small_count" itself leaves less: small_count = 2 says 1).
 */
#define PROTECT	3
#define NEED(k)	((k)->cfg->small_count - 2 < PROTECT ? \
	(double)((k)->cfg->small_count - 2) : (double)PROTECT)

enum kind {
	K_CRO,		/* x[c][r][o] */
	K_CR,		/* x[c][r][.] */
	K_RO,		/* x[.][r][o] */
	K_R		/* x[.][r][.] */
};

struct cell {
	enum kind	 kind;
	size_t		 c, r;
	int		 o;
	long		 v;		/* the true count */
	struct pcount	 pc;		/* as published */
	int		 primary;	/* suppressed as small */
	int		 row;		/* the LP row (1-based) */
};

struct cube {
	enum form	 f;
	const struct config *cfg;
	char		**cols;		/* columns, oldest first */
	size_t		 ncols;
	char		**regs;		/* region codes, sorted */
	size_t		 nregs;
	long		*x;		/* ncols * nregs * 2 */
	struct cell	*cells;
	size_t		 ncells;
	long		 primary, secondary, hidden_small, rounds;
};

static const char *const outcome_text[FORM__MAX][2] = {
	{ "without", "with" },
	{ "iatrogenic", "death" },
};

static long *
X(struct cube *k, size_t c, size_t r, int o)
{
	return &k->x[(c * k->nregs + r) * 2 + (size_t)o];
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static ssize_t
find(char **v, size_t n, const char *s)
{
	char	**hit;

	hit = bsearch(&s, v, n, sizeof(char *), str_cmp);
	return hit ? hit - v : -1;
}

/* Whether the cell counts x[c][r][o]. */
static int
member(const struct cell *e, size_t c, size_t r, int o)
{
	if (e->r != r)
		return 0;
	if ((e->kind == K_CRO || e->kind == K_CR) && e->c != c)
		return 0;
	if ((e->kind == K_CRO || e->kind == K_RO) && e->o != o)
		return 0;
	return 1;
}

/* The interval a reader gives a published cell. */
static void
interval(const struct cube *k, const struct cell *e, double *lo, double *hi,
    int *type)
{
	long	 base = k->cfg->rounding;

	if (e->pc.flags & PC_HIDDEN) {
		*lo = 0;
		*hi = 0;
		*type = GLP_LO;
	} else if (e->pc.flags & PC_SUPPRESSED) {
		*lo = 1;
		*hi = (double)k->cfg->small_count - 1;
		*type = *lo < *hi ? GLP_DB : GLP_FX;
	} else if (e->pc.flags & PC_ROUNDED) {
		*lo = (double)(e->pc.n - (base - 1) / 2);
		if (*lo < (double)k->cfg->small_count)
			*lo = (double)k->cfg->small_count;
		*hi = (double)(e->pc.n + base / 2);
		*type = *lo < *hi ? GLP_DB : GLP_FX;
	} else {
		*lo = *hi = (double)e->pc.n;
		*type = GLP_FX;
	}
}

static void
add_cell(struct cube *k, enum kind kind, size_t c, size_t r, int o, long v)
{
	struct cell	*e;

	k->cells = xreallocarray(k->cells, k->ncells + 1, sizeof(*k->cells));
	e = &k->cells[k->ncells++];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->c = c;
	e->r = r;
	e->o = o;
	e->v = v;
	if (v == 0) {
		e->pc.flags = PC_EXACT;
	} else if (v < k->cfg->small_count) {
		e->pc.flags = PC_SUPPRESSED;
		e->primary = 1;
		k->primary++;
	} else {
		long	 b = k->cfg->rounding;

		e->pc.n = (v + b / 2) / b * b;
		e->pc.flags = b > 1 ? PC_ROUNDED : PC_EXACT;
		k->rounds++;
	}
}

static void
hide(struct cube *k, struct cell *e, int small)
{
	if (e->pc.flags & PC_HIDDEN)
		return;
	if (e->primary) {
		e->primary = 0;
		k->primary--;
	}
	e->pc.n = 0;
	e->pc.flags = PC_HIDDEN;
	if (small)
		k->hidden_small++;
	else
		k->secondary++;
}

/* A breakdown whose total is small is not published, only its total. */
static void
hide_small(struct cube *k)
{
	size_t	 c, r, i;
	long	 tot[2], all[2] = { 0, 0 };
	int	 o;

	for (c = 0; c < k->ncols; c++) {
		tot[0] = tot[1] = 0;
		for (r = 0; r < k->nregs; r++)
			for (o = 0; o < 2; o++)
				tot[o] += *X(k, c, r, o);
		all[0] += tot[0];
		all[1] += tot[1];
		for (i = 0; i < k->ncells; i++) {
			struct cell *e = &k->cells[i];

			if (e->kind == K_CR && e->c == c &&
			    tot[0] + tot[1] < k->cfg->small_count)
				hide(k, e, 1);
			if (e->kind == K_CRO && e->c == c &&
			    (tot[e->o] < k->cfg->small_count ||
			    tot[0] + tot[1] < k->cfg->small_count))
				hide(k, e, 1);
		}
	}
	for (i = 0; i < k->ncells; i++) {
		struct cell *e = &k->cells[i];

		if (e->kind == K_R && all[0] + all[1] < k->cfg->small_count)
			hide(k, e, 1);
		if (e->kind == K_RO && all[e->o] < k->cfg->small_count)
			hide(k, e, 1);
	}
}

/* The linear program of a reader's knowledge. */
static glp_prob *
model(struct cube *k)
{
	glp_prob	*lp;
	int		*ia, *ja, ne = 0, row, cap;
	double		*ar, lo, hi;
	size_t		 nv = k->ncols * k->nregs * 2, i, c, r;
	int		 o, type;

	lp = glp_create_prob();
	glp_add_cols(lp, (int)nv);
	for (i = 1; i <= nv; i++)
		glp_set_col_bnds(lp, (int)i, GLP_LO, 0, 0);
	glp_add_rows(lp, (int)(k->ncells + k->ncols * 2));
	cap = (int)(k->ncells * (k->ncols * 2 + 2) + k->ncols * 2 *
	    k->nregs + 1);
	ia = xreallocarray(NULL, (size_t)cap + 1, sizeof(int));
	ja = xreallocarray(NULL, (size_t)cap + 1, sizeof(int));
	ar = xreallocarray(NULL, (size_t)cap + 1, sizeof(double));
	row = 0;
	for (i = 0; i < k->ncells; i++) {
		struct cell *e = &k->cells[i];

		e->row = ++row;
		interval(k, e, &lo, &hi, &type);
		glp_set_row_bnds(lp, row, type, lo, hi);
		for (c = 0; c < k->ncols; c++)
			for (o = 0; o < 2; o++)
				if (member(e, c, e->r, o)) {
					ne++;
					ia[ne] = row;
					ja[ne] = (int)((c * k->nregs + e->r) *
					    2 + (size_t)o) + 1;
					ar[ne] = 1;
				}
	}
	/* The rows tell each column's count per outcome exactly. */
	for (c = 0; c < k->ncols; c++)
		for (o = 0; o < 2; o++) {
			long	 t = 0;

			row++;
			for (r = 0; r < k->nregs; r++) {
				t += *X(k, c, r, o);
				ne++;
				ia[ne] = row;
				ja[ne] = (int)((c * k->nregs + r) * 2 +
				    (size_t)o) + 1;
				ar[ne] = 1;
			}
			glp_set_row_bnds(lp, row, GLP_FX, (double)t,
			    (double)t);
		}
	glp_load_matrix(lp, ne, ia, ja, ar);
	free(ia);
	free(ja);
	free(ar);
	return lp;
}

/* Least and most the cell e can be, given everything published. */
static int
range(struct cube *k, glp_prob *lp, const struct cell *e, double *lo,
    double *hi)
{
	glp_smcp	 parm;
	size_t		 nv = k->ncols * k->nregs * 2, j, c;
	int		 o, dir;

	for (j = 1; j <= nv; j++)
		glp_set_obj_coef(lp, (int)j, 0);
	for (c = 0; c < k->ncols; c++)
		for (o = 0; o < 2; o++)
			if (member(e, c, e->r, o))
				glp_set_obj_coef(lp, (int)((c * k->nregs +
				    e->r) * 2 + (size_t)o) + 1, 1);
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	for (dir = 0; dir < 2; dir++) {
		glp_set_obj_dir(lp, dir == 0 ? GLP_MIN : GLP_MAX);
		if (glp_simplex(lp, &parm) != 0)
			return rs_err("regional tables: the audit's linear "
			    "program failed");
		if (glp_get_status(lp) == GLP_UNBND) {
			*hi = 1e18;
			continue;
		}
		if (glp_get_status(lp) != GLP_OPT)
			return rs_err("regional tables: the audit's linear "
			    "program has no solution");
		if (dir == 0)
			*lo = glp_get_obj_val(lp);
		else
			*hi = glp_get_obj_val(lp);
	}
	return 0;
}

/* Whether two cells share a margin (one constrains the other). */
static int
related(const struct cell *a, const struct cell *b)
{
	if (a == b)
		return 0;
	/* Same region: a common member, or one sums the other. */
	if (a->r == b->r)
		return 1;
	/* Same column (and outcome): the column's exact total binds them. */
	if ((a->kind == K_CRO || a->kind == K_CR) &&
	    (b->kind == K_CRO || b->kind == K_CR) && a->c == b->c)
		return !(a->kind == K_CRO && b->kind == K_CRO && a->o != b->o);
	return 0;
}

/*
 * Check every suppressed cell; hide more until each passes.  Hiding
 * only widens what a reader can infer, so a cell that passed stays so
 * and one pass over the cells suffices.
 */
static int
audit(struct cube *k)
{
	glp_prob	*lp;
	size_t		 i, j;
	double		 lo = 0, hi = 0;
	int		 rc = -1;

	if (k->primary == 0 || k->ncols == 0)
		return 0;	/* nothing to protect */
	glp_term_out(GLP_OFF);
	lp = model(k);
	for (i = 0; i < k->ncells; i++) {
		struct cell	*e = &k->cells[i], *best;

		while (e->primary) {
			if (range(k, lp, e, &lo, &hi) == -1)
				goto out;
			if (hi - lo >= NEED(k) - 1e-6)
				break;
			/* Hide the smallest published cell that binds it. */
			best = NULL;
			for (j = 0; j < k->ncells; j++) {
				struct cell *g = &k->cells[j];

				if ((g->pc.flags & (PC_HIDDEN |
				    PC_SUPPRESSED)) || !related(e, g))
					continue;
				if (best == NULL || g->v < best->v ||
				    (g->v == best->v && g->kind < best->kind))
					best = g;
			}
			if (best == NULL)
				best = e;	/* nothing left but itself */
			hide(k, best, 0);
			glp_set_row_bnds(lp, best->row, GLP_LO, 0, 0);
		}
	}
	rc = 0;
out:
	glp_delete_prob(lp);
	return rc;
}

int
cube_verify(struct cube *k)
{
	glp_prob	*lp;
	size_t		 i;
	double		 lo = 0, hi = 0;
	int		 rc = 0;

	if (k->primary == 0 || k->ncols == 0)
		return 0;
	glp_term_out(GLP_OFF);
	lp = model(k);
	for (i = 0; i < k->ncells && rc == 0; i++) {
		const struct cell *e = &k->cells[i];

		if (!(e->pc.flags & PC_SUPPRESSED))
			continue;
		if (range(k, lp, e, &lo, &hi) == -1)
			rc = -1;
		else if (hi - lo < NEED(k) - 1e-6)
			rc = rs_err("%s %s: a suppressed count lies between "
			    "%.0f and %.0f", e->kind == K_R || e->kind ==
			    K_RO ? "all" : k->cols[e->c], k->regs[e->r], lo,
			    hi);
	}
	glp_delete_prob(lp);
	return rc;
}

int
cube_small_hidden(const struct cube *k, const char *col)
{
	size_t	 i, n = 0;

	for (i = 0; i < k->ncells; i++) {
		const struct cell *e = &k->cells[i];

		if ((e->kind != K_CR && e->kind != K_CRO) ||
		    strcmp(k->cols[e->c], col) != 0)
			continue;
		if (!(e->pc.flags & PC_HIDDEN))
			return 0;
		n++;
	}
	return n > 0;
}

struct cube *
cube_build(sqlite3 *db, enum form f, const struct config *cfg,
    const struct dicts *d)
{
	struct cube	*k;
	sqlite3_stmt	*st = NULL;
	size_t		 c, r, i;
	ssize_t		 ci, ri;
	int		 step, o;

	k = xcalloc(1, sizeof(*k));
	k->f = f;
	k->cfg = cfg;
	for (i = 0; i < d->nregions; i++) {
		k->regs = xreallocarray(k->regs, k->nregs + 1, sizeof(char *));
		k->regs[k->nregs++] = xstrdup(d->regions[i].code);
	}
	if (k->nregs > 1)
		qsort(k->regs, k->nregs, sizeof(char *), str_cmp);
	/* The published rows' index (pub_meta) covers what is read here:
	 * the rows with their texts are not read. */
	if (sqlite3_prepare_v2(db, "SELECT DISTINCT stats_col FROM (SELECT "
	    "stats_col FROM temp.pub INDEXED BY pub_meta WHERE form = ?1 "
	    "UNION ALL SELECT "
	    "stats_col FROM temp.gone WHERE form = ?1) WHERE stats_col IS NOT "
	    "NULL ORDER BY 1", -1, &st, NULL) != SQLITE_OK)
		goto dberr;
	sqlite3_bind_int(st, 1, f);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		k->cols = xreallocarray(k->cols, k->ncols + 1, sizeof(char *));
		k->cols[k->ncols++] = xstrdup((const char *)
		    sqlite3_column_text(st, 0));
	}
	if (step != SQLITE_DONE)
		goto dberr;
	sqlite3_finalize(st);
	st = NULL;
	k->x = xcalloc(k->ncols * k->nregs * 2 + 1, sizeof(long));
	if (sqlite3_prepare_v2(db, "SELECT stats_col, region, outcome, "
	    "count(*) FROM (SELECT stats_col, region_true AS region, outcome "
	    "FROM temp.pub INDEXED BY pub_meta WHERE form = ?1 UNION ALL "
	    "SELECT stats_col, region, "
	    "outcome FROM temp.gone WHERE form = ?1) WHERE stats_col IS NOT "
	    "NULL GROUP BY 1, 2, 3", -1, &st, NULL) != SQLITE_OK)
		goto dberr;
	sqlite3_bind_int(st, 1, f);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		ci = find(k->cols, k->ncols,
		    (const char *)sqlite3_column_text(st, 0));
		ri = find(k->regs, k->nregs,
		    (const char *)sqlite3_column_text(st, 1));
		o = sqlite3_column_int(st, 2) != 0;
		if (ci < 0 || ri < 0) {
			rs_err("regional tables: unknown region '%s'",
			    sqlite3_column_text(st, 1));
			goto fail;
		}
		*X(k, (size_t)ci, (size_t)ri, o) +=
		    (long)sqlite3_column_int64(st, 3);
	}
	if (step != SQLITE_DONE)
		goto dberr;
	sqlite3_finalize(st);
	st = NULL;
	/* The published cells. */
	for (r = 0; r < k->nregs; r++) {
		long	 all[2] = { 0, 0 };

		for (c = 0; c < k->ncols; c++) {
			add_cell(k, K_CR, c, r, 0, *X(k, c, r, 0) +
			    *X(k, c, r, 1));
			for (o = 0; o < 2; o++) {
				add_cell(k, K_CRO, c, r, o, *X(k, c, r, o));
				all[o] += *X(k, c, r, o);
			}
		}
		add_cell(k, K_R, 0, r, 0, all[0] + all[1]);
		for (o = 0; o < 2; o++)
			add_cell(k, K_RO, 0, r, o, all[o]);
	}
	if (cfg->min_level[QI_REGION] > 0) {
		/* place = hidden: no regional table at all. */
		for (i = 0; i < k->ncells; i++)
			hide(k, &k->cells[i], 1);
		return k;
	}
	hide_small(k);
	if (audit(k) == -1)
		goto fail;
	return k;
dberr:
	rs_err("regional tables: %s", sqlite3_errmsg(db));
fail:
	sqlite3_finalize(st);
	cube_free(k);
	return NULL;
}

void
cube_free(struct cube *k)
{
	size_t	 i;

	if (k == NULL)
		return;
	for (i = 0; i < k->ncols; i++)
		free(k->cols[i]);
	for (i = 0; i < k->nregs; i++)
		free(k->regs[i]);
	free(k->cols);
	free(k->regs);
	free(k->x);
	free(k->cells);
	free(k);
}

int
cube_count(struct cube *k, const char *quarter, enum dim other,
    int region_first, void (*cb)(void *, const char *, const char *,
    const char *, struct pcount), void *arg)
{
	size_t		 i;
	int		 each, by_outcome;
	const char	*q, *v1, *v2;

	by_outcome = other != DIM_NONE;
	if (by_outcome && !((k->f == FORM_INCIDENTS &&
	    other == DIM_CONSEQUENCE) || (k->f == FORM_INSURANCE &&
	    other == DIM_HARM)))
		return rs_err("regional tables: counts by region are "
		    "published alone or by outcome only");
	each = quarter != NULL && strcmp(quarter, "*") == 0;
	for (i = 0; i < k->ncells; i++) {
		const struct cell *e = &k->cells[i];
		enum kind	 want;

		if (quarter == NULL)
			want = by_outcome ? K_RO : K_R;
		else
			want = by_outcome ? K_CRO : K_CR;
		if (e->kind != want)
			continue;
		if (quarter != NULL && !each &&
		    strcmp(k->cols[e->c], quarter) != 0)
			continue;
		if (e->v == 0 && !(e->pc.flags & PC_HIDDEN))
			continue;
		q = each ? k->cols[e->c] : "";
		v1 = k->regs[e->r];
		v2 = by_outcome ? outcome_text[k->f][e->o] : "";
		if (region_first)
			cb(arg, q, v1, v2, e->pc);
		else
			cb(arg, q, v2, v1, e->pc);
	}
	return 0;
}

void
cube_stats(const struct cube *k, long *suppressed, long *hidden,
    long *rounded)
{
	*suppressed += k->primary;
	*hidden += k->secondary + k->hidden_small;
	*rounded += k->rounds;
}

void
cube_report(const struct cube *k, struct report *r)
{
	struct buf	 b = { 0 };
	size_t		 i, c;

	for (c = 0; c < k->ncols; c++)
		buf_printf(&b, " %s", k->cols[c]);
	report_section(r, report_tr(r, k->f == FORM_INCIDENTS ?
	    "regional tables, Form 1" : "regional tables, Form 2"));
	report_line(r, "  %s:%s", report_tr(r, "columns"), buf_str(&b));
	report_line(r, "  %zu %s: %ld %s, %ld %s, %ld %s, %ld %s", k->ncells,
	    report_tr(r, "cells"), k->rounds, report_tr(r, "rounded"),
	    k->primary, report_tr(r, "suppressed as small"), k->hidden_small,
	    report_tr(r, "hidden, small total"), k->secondary,
	    report_tr(r, "hidden, secondary"));
	for (i = 0; i < k->ncells; i++) {
		const struct cell *e = &k->cells[i];

		if (!(e->pc.flags & PC_HIDDEN) || e->v == 0)
			continue;
		if (e->kind != K_CR && e->kind != K_R)
			continue;
		report_decision(r, "regional", "%s %s %s (%ld)",
		    k->f == FORM_INCIDENTS ? "incidents" : "insurance",
		    e->kind == K_R ? "all" : k->cols[e->c], k->regs[e->r],
		    e->v);
	}
	buf_free(&b);
}
