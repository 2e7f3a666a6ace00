/*
 * ladder.h -- the generalization ladders of the record tables'
 * quasi-identifiers: for each, its levels from the finest (0) to
 * hidden, a small integer code of a record's value at every level, and
 * the published text of a code.  Pure functions over the code lists;
 * no database.
 *
 *   QI_MONTH	  0 month; 1 hidden (the quarter only)
 *   QI_REGION	  never in the rows: regions are published in protected
 *		  tables (cube.h)
 *   QI_SEX	  0 sex; 1 hidden
 *   QI_AGE	  0 5-year bands (0, 1-4, 5-9 ... 85-89, 90+); 1 10-year
 *		  (0-9 ... 80-89, 90+); 2 20-year (0-19 ... 60-79, 80+);
 *		  3 broad (0-39, 40-79, 80+); 4 hidden
 *   QI_DIAGNOSIS 0 ICD-10 category (K35); 1 chapter (XI); 2 broad: the
 *		  chapters of pregnancy, the perinatal period and
 *		  congenital anomalies ("XV-XVII") or the others
 *		  ("I-XIV,XVIII-XXII"); 3 hidden
 *   QI_PROFILE	  0 specialty; 1 profile group; 2 broad: obstetric and
 *		  pediatric ("obstetric+pediatric") or therapeutic and
 *		  surgical ("therapeutic+surgical"); 3 hidden
 *
 * Every level's value is a function of the level below it, so a value
 * published at one level never contradicts another record's at a finer
 * one.
 */
#ifndef LADDER_H
#define LADDER_H

struct dicts;

#define LADDER_MAX	5	/* levels of the longest ladder, hidden included */

/* The hidden level of each quasi-identifier (its number of levels - 1). */
extern const int ladder_hidden[QI__MAX];

/* A record's quasi-identifiers at their finest, as the store holds them. */
struct qivals {
	int		 month;		/* 1-12 */
	const char	*sex;		/* "M", "F" */
	int		 age;		/* years, 0-120 (Form 1) */
	const char	*category;	/* ICD-10 category, "K35" */
	const char	*profile;	/* specialty code */
};

/*
 * The codes of a record's values at every level: code[q][level], -1 at
 * the hidden level.  Codes are small non-negative integers, equal for
 * equal values, indices into the code lists (d) where there is one;
 * each fits a ladder_code (the privacy stage holds a quarter's records
 * in memory: two bytes a code, not four).  0, or -1 when a value is not
 * in the code lists (or a list too long for the codes).
 */
typedef int16_t ladder_code;
#define LADDER_CODE_MAX	INT16_MAX

int	 ladder_codes(const struct dicts *d, const struct qivals *v,
	    ladder_code code[QI__MAX][LADDER_MAX]);

/*
 * The published text of a code at a level ("35-39", "K35", "XI",
 * "XV-XVII", "surgical", "obstetric+pediatric", "F", "4"), or "*" at
 * the hidden level.  The string is static or owned by d.
 */
const char *ladder_text(const struct dicts *d, enum qi q, int level,
	    int code, char buf[32]);

/*
 * The level and code of a published text (as ladder_text makes it);
 * the level is the hidden one for "*".  0, or -1 if malformed.
 */
int	 ladder_parse(const struct dicts *d, enum qi q, const char *text,
	    int *level, int *code);

/* The ICD-10 chapter (index into d->chapters) of a category, or -1. */
int	 ladder_chapter(const struct dicts *d, const char *category);

#endif /* !LADDER_H */
