/*
 * privacy.c -- the one gate between the registry database and every
 * output.  This is the only file that reads the record tables
 * (incidents, insurance_cases).  What leaves it:
 *
 *   published records  (struct pubrec, through pub_open/pub_next):
 *	quasi-identifiers generalized along their ladders and locally
 *	suppressed until every quarter table is k-anonymous and each
 *	class has `diversity` distinct outcomes; free text scrubbed;
 *	never id, source, source_ref, org_code, place_*, the time of day,
 *	the exact age or the full diagnosis code;
 *   protected counts  (struct pcount, through agg_count): exact only for
 *	a quarter's totals along a single non-identifying column, else
 *	0 / "<small_count" / rounded to `rounding`.
 *
 * The policy (REGISTRY.md sections 1 and 5; NHS small numbers, the
 * EMA/Health Canada threshold of 11, HIPAA Safe Harbor) is documented
 * in the README and on the methodology page; its values come from the
 * [privacy] section of the configuration.
 *
 * How the record tables are protected (privacy_open):
 *  1. The finest classes are counted per quarter into a temporary table
 *     (quarter, month, sex, exact age or region, ICD-10 category,
 *     specialty, outcome) -- counts only, no records.
 *  2. Every combination of generalization levels (the lattice) is
 *     tried: records of classes of at least k records with at least
 *     `diversity` outcomes keep their values; the others are placed by
 *     hiding the cheapest set of columns under which they form such
 *     classes (local suppression); a remainder that fails even with
 *     everything hidden joins a hidden class of its quarter.  Records
 *     are never dropped.
 *  3. The combination whose tables lose the least information wins (a
 *     hidden value loses 1, a generalization step its share of the
 *     ladder).  One choice per form for every quarter of the build, so
 *     releases cannot be differenced.
 *  4. Records are published into a temporary table with their
 *     generalized, suppressed values and scrubbed texts; the report
 *     records every decision.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "store/db.h"
#include "privacy/scrub.h"
#include "privacy/report.h"
#include "privacy/privacy.h"

/* Levels per quasi-identifier (index 0 is the finest). */
static const int nlevels[QI__MAX] = { 2, 2, 1, 3, 2, 2 };

static const char *const qi_names[QI__MAX] = {
	"date", "place", "sex", "age", "diagnosis", "profile"
};

static const char *const level_names[QI__MAX][3] = {
	{ "month", "quarter", NULL },
	{ "region", "hidden", NULL },
	{ "as recorded", NULL, NULL },
	{ "5-year bands", "10-year bands", "20-year bands" },
	{ "ICD-10 category", "ICD-10 chapter", NULL },
	{ "specialty", "profile group", NULL },
};

/* The quasi-identifiers of each form's table. */
static const int form_has_qi[FORM__MAX][QI__MAX] = {
	/* month region sex age dx profile */
	{ 1, 0, 1, 1, 1, 1 },
	{ 1, 1, 1, 0, 1, 1 },
};


static const char *const form_table[FORM__MAX] = {
	"incidents", "insurance_cases"
};
static const char *const form_letter[FORM__MAX] = { "I", "S" };
static const char *const form_outcome[FORM__MAX] = {
	"consequence", "harm"
};

static const char *const text_cols[TEXT__MAX] = {
	"circumstances", "anamnesis", "care", "measures"
};

struct privacy {
	sqlite3			*db;		/* owned: a read snapshot */
	struct dicts		 dicts;
	char			 release[8];	/* latest reporting quarter */
	const struct config	*cfg;
	const struct scrubber	*scr;
	const char *const	*markers[LANG__MAX];
	int			 level[FORM__MAX][QI__MAX];
	long			 records[FORM__MAX];
	double			 loss[FORM__MAX];	/* at chosen levels */
	long			 suppressed[FORM__MAX][QI__MAX];
	long			 unreachable[FORM__MAX];	/* quarters */
	struct privacy_stats	 stats;
	char			**quarters;
	size_t			 nquarters;
	struct report		*report;	/* NULL without --report */
	/* During publication: the record being scrubbed. */
	const char		*cur_ref;
	long long		 cur_id;
	const char		*cur_src;
	const char		*cur_col;
	enum lang		 cur_lang;
	const char		*cur_text;
	long			 cur_repl;
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

/*
 * The finest age published, a 5-year band (0, 1-4, 5-9, ..., 85-89,
 * 90+), as the band's lower bound: the classes never need exact ages.
 */
#define AGE5_SQL "(CASE WHEN age_years = 0 THEN 0 WHEN age_years < 5 " \
	"THEN 1 WHEN age_years >= 90 THEN 90 ELSE age_years / 5 * 5 END)"

/*
 * The SQL expression of a quasi-identifier at a level, over the base
 * table's columns (m month, sex, age, region, dx category, ch chapter,
 * pr specialty, pg group).  Texts, so '*' can stand for suppressed.
 */
static void
gen_expr(struct buf *b, enum qi q, int level)
{
	switch (q) {
	case QI_MONTH:
		buf_puts(b, level == 0 ? "CAST(m AS TEXT)" : "''");
		break;
	case QI_REGION:
		buf_puts(b, level == 0 ? "region" : "''");
		break;
	case QI_SEX:
		buf_puts(b, "sex");
		break;
	case QI_AGE:
		/* age is the lower bound of the 5-year band (AGE5_SQL). */
		if (level == 0)
			buf_puts(b, "(CASE WHEN age = 0 THEN '0' "
			    "WHEN age = 1 THEN '1-4' WHEN age >= 90 THEN '90+' "
			    "ELSE age || '-' || (age + 4) END)");
		else if (level == 1)
			buf_puts(b, "(CASE WHEN age >= 90 THEN '90+' "
			    "ELSE (age / 10 * 10) || '-' || (age / 10 * 10 + 9) "
			    "END)");
		else
			buf_puts(b, "(CASE WHEN age >= 80 THEN '80+' "
			    "ELSE (age / 20 * 20) || '-' || (age / 20 * 20 + 19) "
			    "END)");
		break;
	case QI_DIAGNOSIS:
		buf_puts(b, level == 0 ? "dx" : "ch");
		break;
	case QI_PROFILE:
		buf_puts(b, level == 0 ? "pr" : "pg");
		break;
	default:
		buf_puts(b, "''");
		break;
	}
}

/* ------------------------------------------------------------------ */
/* Step 1: the finest classes.                                          */

static int
make_base(struct privacy *p, enum form f)
{
	struct buf	 b = { 0 };
	int		 rc;

	buf_printf(&b, "DROP TABLE IF EXISTS temp.base%d;"
	    "CREATE TEMP TABLE base%d AS SELECT t.quarter AS quarter, "
	    "CAST(substr(t.occurred_at, 6, 2) AS INTEGER) AS m, t.sex AS sex, "
	    "%s AS age, %s AS region, t.diagnosis_category AS dx, "
	    "c.chapter AS ch, t.profile AS pr, pf.grp AS pg, "
	    "t.%s AS outcome, count(*) AS n "
	    "FROM main.%s t "
	    "JOIN main.icd10_categories c ON c.code = t.diagnosis_category "
	    "JOIN main.profiles pf ON pf.code = t.profile "
	    "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
	    f, f, f == FORM_INCIDENTS ? AGE5_SQL : "0",
	    f == FORM_INSURANCE ? "t.region" : "''", form_outcome[f],
	    form_table[f]);
	rc = exec_sql(p, buf_str(&b));
	buf_free(&b);
	if (rc == -1)
		return -1;
	buf_printf(&b, "SELECT coalesce(sum(n), 0) FROM temp.base%d", f);
	rc = query_long(p, buf_str(&b), &p->records[f]);
	buf_free(&b);
	return rc;
}

/*
 * Steps 2 and 3: for each combination of levels, local suppression on
 * the class table cls<f> (one row per quarter, generalized
 * quasi-identifiers g0..g5 and outcome), then its information loss.
 */

/*
 * How much a column's detail is worth: the columns that answer the
 * registry's questions (in which profile, where, with what diagnosis)
 * weigh more than the patient's demographic detail.
 */
static const double qi_weight[QI__MAX] = {
	/* month region sex age diagnosis profile */
	1.0, 2.0, 1.0, 1.0, 2.0, 3.0
};

/*
 * Loss of one published value: its weight times the share of the
 * ladder climbed, hidden being the rung above the last (age: 5-year
 * bands 0, 10-year 1/3, 20-year 2/3, hidden 1).  A month generalized
 * to the quarter or a place hidden by policy says nothing within a
 * quarter table: the whole weight.
 */
static double
level_loss(enum qi q, int level)
{
	if ((q == QI_MONTH || q == QI_REGION) && level == 1)
		return qi_weight[q];
	return qi_weight[q] * (double)level / nlevels[q];
}

/* Whether a QI at this level still says something within a quarter. */
static int
informative(enum form f, enum qi q, int level)
{
	if (!form_has_qi[f][q])
		return 0;
	return !((q == QI_MONTH || q == QI_REGION) && level == 1);
}

static int
make_classes(struct privacy *p, enum form f, const int *lv)
{
	struct buf	 b = { 0 };
	int		 q, rc;

	buf_printf(&b, "DROP TABLE IF EXISTS temp.cls%d;"
	    "CREATE TEMP TABLE cls%d AS SELECT quarter", f, f);
	for (q = 0; q < QI__MAX; q++) {
		buf_puts(&b, ", ");
		if (form_has_qi[f][q])
			gen_expr(&b, q, lv[q]);
		else
			buf_puts(&b, "''");
		buf_printf(&b, " AS g%d", q);
	}
	buf_printf(&b, ", outcome, sum(n) AS n, 0 AS mask, 0 AS placed "
	    "FROM temp.base%d GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;"
	    "CREATE INDEX temp.cls%d_key ON cls%d(quarter, g0, g1, g2, g3, g4, "
	    "g5, outcome);"
	    "CREATE INDEX temp.cls%d_todo ON cls%d(placed, quarter, g0, g1, "
	    "g2, g3, g4, g5, outcome, n)",
	    f, f, f, f, f);
	rc = exec_sql(p, buf_str(&b));
	buf_free(&b);
	return rc;
}

/* "g0, g2, ..." : the QIs of the form not hidden by pattern. */
static void
projection(struct buf *b, enum form f, int pattern)
{
	int	 q, first = 1;

	for (q = 0; q < QI__MAX; q++) {
		if (!form_has_qi[f][q] || (pattern & (1 << q)))
			continue;
		buf_printf(b, "%sg%d", first ? "" : ", ", q);
		first = 0;
	}
	if (first)
		buf_puts(b, "''");
}

/* The published key: each QI column, or '*' where its mask bit is set. */
static void
pub_key(struct buf *b, enum form f)
{
	int	 q, first = 1;

	for (q = 0; q < QI__MAX; q++) {
		if (!form_has_qi[f][q])
			continue;
		if (!first)
			buf_puts(b, ", ");
		first = 0;
		buf_printf(b, "(CASE WHEN mask & %d THEN '*' ELSE g%d END)",
		    1 << q, q);
	}
}

/*
 * Place the records still unplaced whose classes pass once the columns
 * of pattern are hidden: they are published with those columns hidden.
 */
static int
place(struct privacy *p, enum form f, int pattern)
{
	struct buf	 b = { 0 }, pr = { 0 };
	int		 rc;

	projection(&pr, f, pattern);
	buf_printf(&b, "UPDATE temp.cls%d SET mask = %d, placed = 1 "
	    "WHERE placed = 0 AND (quarter, %s) IN (SELECT quarter, %s "
	    "FROM temp.cls%d WHERE placed = 0 GROUP BY quarter, %s "
	    "HAVING sum(n) >= %ld AND count(DISTINCT outcome) >= %ld)",
	    f, pattern, buf_str(&pr), buf_str(&pr), f, buf_str(&pr),
	    p->cfg->k, p->cfg->diversity);
	rc = exec_sql(p, buf_str(&b));
	buf_free(&b);
	buf_free(&pr);
	return rc;
}

struct pattern {
	int	 mask;
	double	 cost;
	int	 bits;
};

static int
pattern_cmp(const void *a, const void *b)
{
	const struct pattern *x = a, *y = b;

	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	if (x->bits != y->bits)
		return x->bits - y->bits;
	return x->mask - y->mask;
}

/*
 * A quarter may keep records that fail even with every column hidden
 * (too few of them, or one outcome).  They join the smallest class of
 * their quarter that was placed with every column hidden, or else the
 * smallest placed class at all, which is then hidden entirely: the
 * union of a passing class and anything else passes.  A quarter that
 * holds no passing class at all is published all hidden and counted
 * as unreachable.
 */
static int
merge_remainders(struct privacy *p, enum form f, int all, long *unreach)
{
	struct buf	 b = { 0 }, key = { 0 };
	sqlite3_stmt	*st = NULL;
	char		**qs = NULL;
	size_t		 nq = 0, i;
	int		 rc = -1, step;

	*unreach = 0;
	buf_printf(&b, "SELECT DISTINCT quarter FROM temp.cls%d WHERE "
	    "placed = 0 ORDER BY quarter", f);
	if (sqlite3_prepare_v2(p->db, buf_str(&b), -1, &st, NULL) != SQLITE_OK)
		goto dberr;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		qs = xreallocarray(qs, nq + 1, sizeof(*qs));
		qs[nq++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	if (step != SQLITE_DONE)
		goto dberr;
	sqlite3_finalize(st);
	st = NULL;
	pub_key(&key, f);
	for (i = 0; i < nq; i++) {
		char	*quoted = sqlite3_mprintf("%Q", qs[i]);

		buf_reset(&b);
		buf_printf(&b, "UPDATE temp.cls%d SET mask = %d WHERE "
		    "quarter = %s AND placed = 1 AND (%s) IN (SELECT %s FROM "
		    "temp.cls%d WHERE quarter = %s AND placed = 1 GROUP BY %s "
		    "ORDER BY mask = %d DESC, sum(n), %s LIMIT 1);"
		    "UPDATE temp.cls%d SET mask = %d, placed = 1 WHERE "
		    "quarter = %s AND placed = 0", f, all, quoted,
		    buf_str(&key), buf_str(&key), f, quoted, buf_str(&key),
		    all, buf_str(&key), f, all, quoted);
		if (exec_sql(p, buf_str(&b)) == -1) {
			sqlite3_free(quoted);
			goto out;
		}
		/* Did that leave a failing all-hidden class? */
		buf_reset(&b);
		buf_printf(&b, "SELECT count(*) FROM (SELECT sum(n) AS s, "
		    "count(DISTINCT outcome) AS d FROM temp.cls%d WHERE "
		    "quarter = %s AND mask = %d) WHERE s > 0 AND (s < %ld OR "
		    "d < %ld)", f, quoted, all, p->cfg->k, p->cfg->diversity);
		sqlite3_free(quoted);
		{
			long	 bad;

			if (query_long(p, buf_str(&b), &bad) == -1)
				goto out;
			*unreach += bad;
		}
	}
	rc = 0;
	goto out;
dberr:
	db_err(p->db, "privacy stage");
out:
	sqlite3_finalize(st);
	for (i = 0; i < nq; i++)
		free(qs[i]);
	free(qs);
	buf_free(&b);
	buf_free(&key);
	return rc;
}

/*
 * Local suppression at levels lv: records of passing classes keep every
 * value; the rest are placed by hiding the cheapest set of columns
 * (least information lost) under which they form passing classes.
 */
static int
suppress(struct privacy *p, enum form f, const int *lv, long *unreach)
{
	struct pattern	 pats[1 << QI__MAX];
	int		 n = 0, m, q, all = 0;

	for (q = 0; q < QI__MAX; q++)
		if (informative(f, q, lv[q]))
			all |= 1 << q;
	for (m = 0; m < (1 << QI__MAX); m++) {
		if ((m & ~all) != 0)
			continue;
		pats[n].mask = m;
		pats[n].cost = 0;
		pats[n].bits = 0;
		for (q = 0; q < QI__MAX; q++)
			if (m & (1 << q)) {
				pats[n].cost += qi_weight[q] -
				    level_loss(q, lv[q]);
				pats[n].bits++;
			}
		n++;
	}
	qsort(pats, (size_t)n, sizeof(pats[0]), pattern_cmp);
	for (m = 0; m < n; m++) {
		struct buf	 b = { 0 };
		long		 left;
		int		 rc;

		if (place(p, f, pats[m].mask) == -1)
			return -1;
		buf_printf(&b, "SELECT EXISTS (SELECT 1 FROM temp.cls%d WHERE "
		    "placed = 0)", f);
		rc = query_long(p, buf_str(&b), &left);
		buf_free(&b);
		if (rc == -1)
			return -1;
		if (!left)
			break;
	}
	return merge_remainders(p, f, all, unreach);
}

/* Information lost by the published table: one per hidden value, a
 * share per generalization step, summed over records and columns. */
static int
table_loss(struct privacy *p, enum form f, const int *lv, double *out)
{
	struct buf	 b = { 0 };
	sqlite3_stmt	*st;
	int		 q, rc;

	buf_printf(&b, "SELECT coalesce(sum(n * (0");
	for (q = 0; q < QI__MAX; q++) {
		if (!form_has_qi[f][q])
			continue;
		buf_printf(&b, " + CASE WHEN mask & %d THEN %.6f ELSE %.6f END",
		    1 << q, qi_weight[q], level_loss(q, lv[q]));
	}
	buf_printf(&b, ")), 0) FROM temp.cls%d", f);
	if (sqlite3_prepare_v2(p->db, buf_str(&b), -1, &st, NULL) != SQLITE_OK)
		rc = db_err(p->db, "privacy stage");
	else {
		rc = sqlite3_step(st) == SQLITE_ROW ? 0 :
		    db_err(p->db, "privacy stage");
		*out = sqlite3_column_double(st, 0);
	}
	sqlite3_finalize(st);
	buf_free(&b);
	return rc;
}

/*
 * Try every combination of levels allowed by the configuration; keep
 * the one whose published tables lose the least information.  The
 * class table of the winner is left in cls<f>.
 */
struct node {
	int	 lv[QI__MAX];
	double	 bound;		/* loss of the generalization alone */
};

static int
node_cmp(const void *a, const void *b)
{
	const struct node *x = a, *y = b;

	if (x->bound != y->bound)
		return x->bound < y->bound ? -1 : 1;
	return memcmp(x->lv, y->lv, sizeof(x->lv));
}

/*
 * Try the combinations of levels allowed by the configuration; keep
 * the one whose published tables lose the least information.  The loss
 * of a combination's generalization alone bounds its total from below,
 * so combinations are tried in that order and the search stops when no
 * remaining one can win.  The class table of the winner is left in
 * cls<f>.
 */
static int
choose_levels(struct privacy *p, enum form f)
{
	struct node	 nodes[64];
	int		 lv[QI__MAX], best = -1, q, n = 0, i;
	long		 unreach;
	double		 l = 0, best_loss = 0;

	for (q = 0; q < QI__MAX; q++)
		lv[q] = form_has_qi[f][q] ? p->cfg->min_level[q] : 0;
	for (;;) {
		memcpy(nodes[n].lv, lv, sizeof(lv));
		nodes[n].bound = 0;
		for (q = 0; q < QI__MAX; q++)
			if (form_has_qi[f][q])
				nodes[n].bound += level_loss(q, lv[q]);
		nodes[n].bound *= (double)p->records[f];
		n++;
		/* Next combination, odometer-style from the last QI. */
		for (q = QI__MAX - 1; q >= 0; q--) {
			if (!form_has_qi[f][q] || lv[q] + 1 >= nlevels[q]) {
				if (form_has_qi[f][q])
					lv[q] = p->cfg->min_level[q];
				continue;
			}
			lv[q]++;
			break;
		}
		if (q < 0)
			break;
	}
	qsort(nodes, (size_t)n, sizeof(nodes[0]), node_cmp);
	for (i = 0; i < n; i++) {
		if (best >= 0 && nodes[i].bound >= best_loss - 1e-9)
			break;
		if (make_classes(p, f, nodes[i].lv) == -1 ||
		    suppress(p, f, nodes[i].lv, &unreach) == -1 ||
		    table_loss(p, f, nodes[i].lv, &l) == -1)
			return -1;
		trace("privacy: form %d: levels %d%d%d%d%d%d lose %.0f", f,
		    nodes[i].lv[0], nodes[i].lv[1], nodes[i].lv[2],
		    nodes[i].lv[3], nodes[i].lv[4], nodes[i].lv[5], l);
		if (best < 0 || l < best_loss - 1e-9) {
			best = i;
			best_loss = l;
		}
	}
	memcpy(p->level[f], nodes[best].lv, sizeof(p->level[f]));
	p->loss[f] = best_loss;
	if (make_classes(p, f, nodes[best].lv) == -1 ||
	    suppress(p, f, nodes[best].lv, &unreach) == -1)
		return -1;
	p->unreachable[f] = unreach;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Step 4: publication.                                                 */

static int
make_pub(struct privacy *p)
{
	return exec_sql(p, "DROP TABLE IF EXISTS temp.pub;"
	    "CREATE TEMP TABLE pub ("
	    " form INTEGER NOT NULL, quarter TEXT NOT NULL,"
	    " no INTEGER NOT NULL, reported TEXT NOT NULL,"
	    " month INTEGER NOT NULL, region TEXT, sex TEXT NOT NULL,"
	    " age TEXT, dx TEXT NOT NULL, profile TEXT NOT NULL,"
	    " c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT,"
	    " t0kk TEXT, t0ru TEXT, t1kk TEXT, t1ru TEXT,"
	    " t2kk TEXT, t2ru TEXT, t3kk TEXT, t3ru TEXT,"
	    " PRIMARY KEY (form, quarter, no)) WITHOUT ROWID");
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

static int
publish(struct privacy *p, enum form f)
{
	struct buf	 q = { 0 }, out[TEXT__MAX][LANG__MAX];
	struct scrub_field fld[TEXT__MAX * LANG__MAX];
	sqlite3_stmt	*sel = NULL, *ins = NULL;
	int		 i, l, k, step, rc = -1, mask, col;
	char		 ref[64];

	memset(out, 0, sizeof(out));
	buf_puts(&q, "SELECT t.id, t.source_ref, t.quarter, t.public_no, "
	    "t.reported_quarter, c.mask");
	for (i = 0; i < QI__MAX; i++)
		buf_printf(&q, ", c.g%d", i);
	if (f == FORM_INCIDENTS)
		buf_puts(&q, ", t.category, t.consequence, t.trigger, "
		    "t.corrective_plan");
	else
		buf_puts(&q, ", t.insured, t.harm, t.disability, NULL");
	for (i = 0; i < TEXT__MAX; i++)
		buf_printf(&q, ", t.%s_kk, t.%s_ru", text_cols[i],
		    text_cols[i]);
	buf_printf(&q, " FROM (SELECT *, CAST(substr(occurred_at, 6, 2) AS "
	    "INTEGER) AS m, %s AS age, diagnosis_category AS dx, "
	    "(SELECT chapter FROM main.icd10_categories WHERE code = "
	    "diagnosis_category) AS ch, profile AS pr, (SELECT grp FROM "
	    "main.profiles WHERE code = profile) AS pg FROM main.%s) t "
	    "JOIN temp.cls%d c ON c.quarter = t.quarter",
	    f == FORM_INCIDENTS ? AGE5_SQL : "0", form_table[f], f);
	for (i = 0; i < QI__MAX; i++) {
		buf_printf(&q, " AND c.g%d = ", i);
		if (form_has_qi[f][i]) {
			struct buf	 e = { 0 };

			gen_expr(&e, i, p->level[f][i]);
			buf_puts(&q, buf_str(&e));
			buf_free(&e);
		} else
			buf_puts(&q, "''");
	}
	buf_printf(&q, " AND c.outcome = t.%s ORDER BY t.quarter, t.public_no",
	    form_outcome[f]);
	if (sqlite3_prepare_v2(p->db, buf_str(&q), -1, &sel, NULL)
	    != SQLITE_OK) {
		db_err(p->db, "privacy stage: reading records");
		goto out;
	}
	if (sqlite3_prepare_v2(p->db, "INSERT INTO temp.pub VALUES (?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1,
	    &ins, NULL) != SQLITE_OK) {
		db_err(p->db, "privacy stage");
		goto out;
	}
	while ((step = sqlite3_step(sel)) == SQLITE_ROW) {
		const char	*quarter, *g[QI__MAX];
		long		 no;

		quarter = (const char *)sqlite3_column_text(sel, 2);
		no = (long)sqlite3_column_int64(sel, 3);
		if (no <= 0) {
			rs_err("%s id %lld: record without a public number "
			    "(regsite validate explains)", form_table[f],
			    (long long)sqlite3_column_int64(sel, 0));
			goto out;
		}
		snprintf(ref, sizeof(ref), "%s-%s-%04ld", quarter,
		    form_letter[f], no);
		mask = sqlite3_column_int(sel, 5);
		for (i = 0; i < QI__MAX; i++) {
			g[i] = (const char *)sqlite3_column_text(sel, 6 + i);
			if (mask & (1 << i) && form_has_qi[f][i]) {
				g[i] = "*";
				p->suppressed[f][i]++;
				p->stats.values_suppressed++;
			}
		}
		sqlite3_reset(ins);
		sqlite3_bind_int(ins, 1, f);
		sqlite3_bind_text(ins, 2, quarter, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ins, 3, no);
		sqlite3_bind_value(ins, 4, sqlite3_column_value(sel, 4));
		if (strcmp(g[QI_MONTH], "*") == 0)
			sqlite3_bind_int(ins, 5, -1);
		else
			sqlite3_bind_int(ins, 5, atoi(g[QI_MONTH]));
		if (form_has_qi[f][QI_REGION])
			sqlite3_bind_text(ins, 6, g[QI_REGION], -1,
			    SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(ins, 6);
		sqlite3_bind_text(ins, 7, g[QI_SEX], -1, SQLITE_TRANSIENT);
		if (form_has_qi[f][QI_AGE])
			sqlite3_bind_text(ins, 8, g[QI_AGE], -1,
			    SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(ins, 8);
		sqlite3_bind_text(ins, 9, g[QI_DIAGNOSIS], -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 10, g[QI_PROFILE], -1,
		    SQLITE_TRANSIENT);
		col = 6 + QI__MAX;
		for (i = 0; i < 4; i++)
			sqlite3_bind_value(ins, 11 + i,
			    sqlite3_column_value(sel, col + i));
		col += 4;
		p->cur_ref = ref;
		p->cur_id = sqlite3_column_int64(sel, 0);
		p->cur_src = (const char *)sqlite3_column_text(sel, 1);
		p->cur_repl = 0;
		/*
		 * The record's texts, both languages, scrubbed together:
		 * what one masks, the others mask too.
		 */
		for (i = 0; i < TEXT__MAX; i++)
			for (l = 0; l < LANG__MAX; l++) {
				struct scrub_field *fd = &fld[i * LANG__MAX + l];

				fd->s = (const char *)sqlite3_column_text(sel,
				    col + i * 2 + l);
				fd->len = (size_t)sqlite3_column_bytes(sel,
				    col + i * 2 + l);
				if (p->cfg->free_text == FREE_TEXT_OFF)
					fd->s = NULL;
				fd->markers = p->markers[l];
				buf_reset(&out[i][l]);
				fd->out = &out[i][l];
			}
		scrub_record(p->scr, fld, TEXT__MAX * LANG__MAX, on_field, p);
		for (i = 0; i < TEXT__MAX; i++)
			for (l = 0; l < LANG__MAX; l++) {
				k = 15 + i * 2 + l;
				if (fld[i * LANG__MAX + l].s == NULL ||
				    fld[i * LANG__MAX + l].len == 0)
					sqlite3_bind_null(ins, k);
				else
					sqlite3_bind_text(ins, k,
					    buf_str(&out[i][l]),
					    (int)out[i][l].len, SQLITE_STATIC);
			}
		if (p->cur_repl)
			p->stats.records_scrubbed++;
		if (sqlite3_step(ins) != SQLITE_DONE) {
			db_err(p->db, "privacy stage: publishing");
			goto out;
		}
	}
	if (step != SQLITE_DONE) {
		db_err(p->db, "privacy stage: reading records");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	buf_free(&q);
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++)
			buf_free(&out[i][l]);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The report                                                           */

/* Class-size distribution and k reached, per quarter table. */
static int
report_classes(struct privacy *p, enum form f)
{
	static const long edges[] = { 1, 2, 5, 11, 20, 50, 100, 1000 };
	struct buf	 b = { 0 }, key = { 0 };
	sqlite3_stmt	*st = NULL;
	char		 last[8] = "";
	long		 hist[8], minsz = 0, classes = 0, recs = 0, sz;
	int		 step, rc = -1;
	size_t		 i;

	pub_key(&key, f);
	buf_printf(&b, "SELECT quarter, sum(n) FROM temp.cls%d GROUP BY "
	    "quarter, %s ORDER BY quarter", f, buf_str(&key));
	if (sqlite3_prepare_v2(p->db, buf_str(&b), -1, &st, NULL) != SQLITE_OK) {
		db_err(p->db, "privacy report");
		goto out;
	}
	report_line(p->report, "\n  %s | %s | %s | %s | %s (1 | 2-4 | 5-10 | "
	    "11-19 | 20-49 | 50-99 | 100-999 | 1000+)",
	    report_tr(p->report, "quarter"), report_tr(p->report, "records"),
	    report_tr(p->report, "classes"), report_tr(p->report,
	    "smallest"), report_tr(p->report, "class sizes"));
	memset(hist, 0, sizeof(hist));
	for (;;) {
		step = sqlite3_step(st);
		if (step == SQLITE_ROW && last[0] != '\0' &&
		    strcmp(last, (const char *)sqlite3_column_text(st, 0)) == 0)
			;
		else if (last[0] != '\0') {
			struct buf	 h = { 0 };

			for (i = 0; i < 8; i++)
				buf_printf(&h, "%s%ld", i ? " | " : "",
				    hist[i]);
			report_line(p->report, "  %-7s  %7ld  %7ld  %8ld  %s%s%s%s",
			    last, recs, classes, minsz, buf_str(&h),
			    minsz < p->cfg->k ? "  (" : "", minsz < p->cfg->k ?
			    report_tr(p->report, "k not reached") : "",
			    minsz < p->cfg->k ? ")" : "");
			if (minsz < p->cfg->k)
				report_review(p->report, RR_SMALL, "%s %s: "
				    "%ld %s, %s %ld < k = %ld", report_tr(
				    p->report, f == FORM_INCIDENTS ? "Form 1" :
				    "Form 2"), last, recs, report_tr(p->report,
				    "records"), report_tr(p->report,
				    "smallest"), minsz, p->cfg->k);
			buf_free(&h);
			memset(hist, 0, sizeof(hist));
			minsz = classes = recs = 0;
		}
		if (step != SQLITE_ROW)
			break;
		snprintf(last, sizeof(last), "%s", sqlite3_column_text(st, 0));
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
	buf_free(&key);
	return rc;
}

static int
report_form(struct privacy *p, enum form f)
{
	struct report	*r = p->report;
	struct buf	 b = { 0 };
	int		 q, first = 1;
	double		 w = 0;

	report_section(r, report_tr(r, f == FORM_INCIDENTS ? "Form 1" :
	    "Form 2"));
	report_line(r, "%s (%s): %ld %s", report_tr(r, f == FORM_INCIDENTS ?
	    "Form 1" : "Form 2"), form_table[f], p->records[f],
	    report_tr(r, "records"));
	for (q = 0; q < QI__MAX; q++) {
		if (!form_has_qi[f][q])
			continue;
		buf_printf(&b, "%s %s = %s", first ? "" : ",",
		    report_tr(r, qi_names[q]),
		    report_tr(r, level_names[q][p->level[f][q]]));
		/* The level says little when suppression took every value. */
		if (p->records[f] > 0 &&
		    p->suppressed[f][q] == p->records[f]) {
			buf_printf(&b, " (%s)", report_tr(r,
			    "every value hidden"));
			report_review(r, RR_HIDDEN, "%s: %s", report_tr(r,
			    f == FORM_INCIDENTS ? "Form 1" : "Form 2"),
			    report_tr(r, qi_names[q]));
		}
		first = 0;
	}
	report_line(r, "  %s:%s", report_tr(r, "levels"), buf_str(&b));
	report_decision(r, "levels", "%s:%s", form_table[f], buf_str(&b));
	for (q = 0; q < QI__MAX; q++)
		if (form_has_qi[f][q])
			w += qi_weight[q];
	report_line(r, "  %s: %.1f%%", report_tr(r, "information lost"),
	    p->records[f] ? 100.0 * p->loss[f] / ((double)p->records[f] * w) :
	    0.0);
	buf_reset(&b);
	first = 1;
	for (q = 0; q < QI__MAX; q++) {
		if (!form_has_qi[f][q])
			continue;
		buf_printf(&b, "%s %s %ld", first ? "" : ",",
		    report_tr(r, qi_names[q]), p->suppressed[f][q]);
		first = 0;
	}
	report_line(r, "  %s:%s", report_tr(r, "values suppressed"),
	    buf_str(&b));
	buf_free(&b);
	if (p->unreachable[f]) {
		report_line(r, "  %s: %ld", report_tr(r, "unreachable"),
		    p->unreachable[f]);
		report_review(r, RR_SMALL, "%s: %s: %ld", report_tr(r,
		    f == FORM_INCIDENTS ? "Form 1" : "Form 2"),
		    report_tr(r, "unreachable"), p->unreachable[f]);
	}
	return report_classes(p, f);
}

/* ------------------------------------------------------------------ */

static int
load_quarters(struct privacy *p)
{
	sqlite3_stmt	*st;
	int		 step, y0, q0, y1, q1, y, q;
	char		*lo = NULL, *hi = NULL;

	if (sqlite3_prepare_v2(p->db, "SELECT min(q), max(q) FROM ("
	    "SELECT quarter AS q FROM main.incidents UNION ALL "
	    "SELECT quarter FROM main.insurance_cases)", -1, &st, NULL)
	    != SQLITE_OK)
		return db_err(p->db, "reading quarters");
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

/* The latest reporting quarter: the release this build publishes. */
static int
load_release(struct privacy *p)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(p->db, "SELECT max(r) FROM (SELECT "
	    "max(reported_quarter) AS r FROM incidents UNION ALL SELECT "
	    "max(reported_quarter) FROM insurance_cases)", -1, &st, NULL)
	    != SQLITE_OK)
		return db_err(p->db, "reading the release");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(p->release, sizeof(p->release), "%s",
		    sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_err(p->db, "reading the release");
	return 0;
}

struct privacy *
privacy_open(const char *path, int *bad_data)
{
	struct privacy	*p;
	int		 vq;

	*bad_data = 0;
	p = xcalloc(1, sizeof(*p));
	if (db_open_read(&p->db, path) == -1)
		goto fail;
	if ((vq = validate_quick(p->db, path)) != 0) {
		if (vq == 1)
			*bad_data = 1;
		goto fail;
	}
	if (dicts_load(p->db, &p->dicts) == -1 || load_release(p) == -1)
		goto fail;
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

int
privacy_run(struct privacy *p, const struct config *cfg,
    const struct scrubber *scr, const char *const *markers[LANG__MAX],
    struct report *report)
{
	enum form	 f;

	p->cfg = cfg;
	p->scr = scr;
	p->markers[LANG_KK] = markers[LANG_KK];
	p->markers[LANG_RU] = markers[LANG_RU];
	p->report = report;
	if (exec_sql(p, "PRAGMA temp_store = FILE") == -1 ||
	    load_quarters(p) == -1 || make_pub(p) == -1)
		return -1;
	if (p->report) {
		report_section(p->report, report_tr(p->report, "policy"));
		report_line(p->report, "k = %ld, diversity = %ld, small counts "
		    "1-%ld: \"<%ld\", rounding %ld, %s: %s", cfg->k,
		    cfg->diversity, cfg->small_count - 1, cfg->small_count,
		    cfg->rounding, report_tr(p->report, "free text"),
		    report_tr(p->report, cfg->free_text == FREE_TEXT_OFF ?
		    "not published" : "scrubbed"));
	}
	for (f = 0; f < FORM__MAX; f++) {
		if (make_base(p, f) == -1)
			return -1;
		trace("privacy: form %d: finest classes", f);
		if (choose_levels(p, f) == -1)
			return -1;
		trace("privacy: form %d: levels and suppression", f);
		if (publish(p, f) == -1)
			return -1;
		trace("privacy: form %d: published", f);
		if (p->report && report_form(p, f) == -1)
			return -1;
	}
	return 0;
}

/*
 * Finish the report's details (the counts protected while the pages
 * were made, the free text); the caller closes the report.  Frees p.
 */
int
privacy_close(struct privacy *p, int ok)
{
	struct buf	 b = { 0 };
	size_t		 i;
	int		 t;

	if (p == NULL)
		return 0;
	if (p->report && ok) {
		struct report	*r = p->report;

		report_section(r, report_tr(r, "counts"));
		report_line(r, "  %ld %s, %ld %s %ld, %ld %s (1-%ld), %ld %s",
		    p->stats.counts_exact, report_tr(r, "exact"),
		    p->stats.counts_rounded, report_tr(r, "rounded to"),
		    p->cfg->rounding, p->stats.counts_suppressed,
		    report_tr(r, "suppressed"), p->cfg->small_count - 1,
		    p->stats.counts_zero, report_tr(r, "zero"));
		for (t = 0; t < SCRUB__MAX; t++)
			buf_printf(&b, " %s %ld", scrub_type_name(t),
			    p->stats.replacements[t]);
		report_section(r, report_tr(r, "free text"));
		report_line(r, "  %ld %s;%s", p->stats.records_scrubbed,
		    report_tr(r, "records with replacements"), buf_str(&b));
		buf_free(&b);
	}
	for (i = 0; i < p->nquarters; i++)
		free(p->quarters[i]);
	free(p->quarters);
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

int
privacy_level(const struct privacy *p, enum form f, enum qi q)
{
	return p->level[f][q];
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

struct pubcur *
pub_open(struct privacy *p, enum form f, const char *quarter)
{
	struct pubcur	*c;
	const char	*sql;

	c = xcalloc(1, sizeof(*c));
	sql = quarter ?
	    "SELECT * FROM temp.pub WHERE form = ?1 AND quarter = ?2 "
	    "ORDER BY no" :
	    "SELECT * FROM temp.pub WHERE form = ?1 ORDER BY quarter, no";
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
col_text(sqlite3_stmt *st, int i)
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
	snprintf(x->quarter, sizeof(x->quarter), "%s", col_text(c->st, 1));
	x->no = (long)sqlite3_column_int64(c->st, 2);
	snprintf(x->ref, sizeof(x->ref), "%s-%s-%04ld", x->quarter,
	    form_letter[x->form], x->no);
	snprintf(x->reported, sizeof(x->reported), "%s", col_text(c->st, 3));
	x->month = sqlite3_column_int(c->st, 4);
	x->region = col_text(c->st, 5);
	x->sex = col_text(c->st, 6);
	x->age = col_text(c->st, 7);
	x->diagnosis = col_text(c->st, 8);
	x->profile = col_text(c->st, 9);
	if (x->form == FORM_INCIDENTS) {
		x->category = col_text(c->st, 10);
		x->consequence = col_text(c->st, 11);
		x->trigger = col_text(c->st, 12);
		x->plan = col_text(c->st, 13);
		x->insured = x->harm = x->disability = NULL;
	} else {
		x->insured = col_text(c->st, 10);
		x->harm = col_text(c->st, 11);
		x->disability = col_text(c->st, 12);
		x->category = x->consequence = x->trigger = x->plan = NULL;
	}
	for (i = 0; i < TEXT__MAX; i++)
		for (l = 0; l < LANG__MAX; l++)
			x->text[i][l] = col_text(c->st, 14 + i * 2 + l);
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

/* The exact number of published records (records are never dropped). */
int
pub_count(struct privacy *p, enum form f, const char *quarter,
    const char *reported, long *n)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(p->db, "SELECT count(*) FROM temp.pub "
	    "WHERE form = ?1 AND (?2 IS NULL OR quarter = ?2) AND "
	    "(?3 IS NULL OR (?3 = '>' AND reported > quarter) OR reported = ?3)",
	    -1, &st, NULL) != SQLITE_OK)
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

/* ------------------------------------------------------------------ */
/* Protected counts                                                     */

/* The SQL of a dimension over a record table t (joined as below). */
static const char *
dim_sql(enum dim d)
{
	switch (d) {
	case DIM_CATEGORY:	return "t.category";
	case DIM_CONSEQUENCE:	return "t.consequence";
	case DIM_TRIGGER:	return "t.trigger";
	case DIM_PLAN:		return "t.corrective_plan";
	case DIM_HARM:		return "t.harm";
	case DIM_HARM_DETAIL:
		return "(CASE WHEN t.harm = 'death' THEN 'death' "
		    "ELSE t.disability END)";
	case DIM_INSURED:	return "t.insured";
	case DIM_REGION:	return "t.region";
	case DIM_SEX:		return "t.sex";
	case DIM_AGE10:
		return "(CASE WHEN t.age_years >= 90 THEN '90+' "
		    "ELSE (t.age_years / 10 * 10) || '-' || "
		    "(t.age_years / 10 * 10 + 9) END)";
	case DIM_GROUP:		return "pf.grp";
	case DIM_PROFILE:	return "t.profile";
	case DIM_CHAPTER:	return "c.chapter";
	case DIM_MONTH:
		return "CAST(substr(t.occurred_at, 6, 2) AS INTEGER)";
	case DIM_REPORTED:	return "t.reported_quarter";
	case DIM_NONE:
		break;
	}
	return "''";
}

/* Columns shown exactly in the record tables and never suppressed. */
static int
dim_exact(enum dim d)
{
	switch (d) {
	case DIM_CATEGORY:
	case DIM_CONSEQUENCE:
	case DIM_TRIGGER:
	case DIM_PLAN:
	case DIM_HARM:
	case DIM_HARM_DETAIL:
	case DIM_INSURED:
	case DIM_REPORTED:
		return 1;
	default:
		return 0;
	}
}

/* Protect one raw count under the policy; the raw value stays here. */
static struct pcount
protect(struct privacy *p, long raw, int exact)
{
	struct pcount	 c;
	long		 r = p->cfg->rounding;

	c.n = 0;
	c.flags = 0;
	if (exact || raw == 0) {
		c.n = raw;
		c.flags = PC_EXACT;
		if (raw == 0)
			p->stats.counts_zero++;
		else
			p->stats.counts_exact++;
		return c;
	}
	if (raw < p->cfg->small_count) {
		c.flags = PC_SUPPRESSED;
		p->stats.counts_suppressed++;
		return c;
	}
	c.n = (raw + r / 2) / r * r;
	c.flags = PC_ROUNDED;
	p->stats.counts_rounded++;
	return c;
}

int
agg_count(struct privacy *p, enum form f, const char *quarter, enum dim d1,
    enum dim d2, void (*cb)(void *, const char *, const char *,
    const char *, struct pcount), void *arg)
{
	struct buf	 b = { 0 };
	sqlite3_stmt	*st = NULL;
	int		 rc = -1, step, exact, each;

	/* A quarter's (or all quarters') total, or its one-way table by a
	 * column shown exactly, is exact; everything else is protected. */
	exact = d2 == DIM_NONE && (d1 == DIM_NONE || dim_exact(d1));
	each = quarter != NULL && strcmp(quarter, "*") == 0;
	buf_printf(&b, "SELECT %s, %s, %s, count(*) FROM main.%s t "
	    "JOIN main.icd10_categories c ON c.code = t.diagnosis_category "
	    "JOIN main.profiles pf ON pf.code = t.profile "
	    "WHERE (?1 IS NULL OR t.quarter = ?1) GROUP BY 1, 2, 3 "
	    "ORDER BY 1, 2, 3", each ? "t.quarter" : "''", dim_sql(d1),
	    dim_sql(d2), form_table[f]);
	if (sqlite3_prepare_v2(p->db, buf_str(&b), -1, &st, NULL)
	    != SQLITE_OK) {
		db_err(p->db, "counting");
		goto out;
	}
	if (quarter && !each)
		sqlite3_bind_text(st, 1, quarter, -1, SQLITE_TRANSIENT);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		cb(arg, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2),
		    protect(p, (long)sqlite3_column_int64(st, 3), exact));
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
	if ((num.flags & PC_SUPPRESSED) || (den.flags & PC_SUPPRESSED) ||
	    den.n < p->cfg->small_count || den.n <= 0)
		return -1;
	*pct = 100.0 * (double)num.n / (double)den.n;
	return 0;
}
