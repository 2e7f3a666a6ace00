/*
 * rules.h -- the field rules of REGISTRY.md section 4, one set for both
 * regsite import (CSV rows) and regsite validate (database rows).
 */
#ifndef RULES_H
#define RULES_H


#define RULES_REF_MAX	64	/* bytes: source_ref, org_code, --source */
#define RULES_TEXT_MAX	8000	/* bytes: each *_kk and *_ru free text */

/* Check flags. */
#define RULES_NORMALIZE	0x01	/* import: accept and rewrite the lenient
				   forms (date-time with a space or
				   seconds, CRLF and surrounding line
				   breaks in free text) */

/* One value: not NUL-terminated; RULES_NORMALIZE may shorten it. */
struct rfield {
	char	*s;
	size_t	 len;
};

struct rules;

/* The columns of a form, in the order of REGISTRY.md section 4. */
size_t	 rules_ncols(enum form);
const char *rules_colname(enum form, size_t col);
/* The column named name[0..len) or -1. */
int	 rules_colfind(enum form, const char *name, size_t len);
/* Whether the column holds an integer (age_years). */
int	 rules_colint(enum form, size_t col);
/* "incidents" / "insurance" and the table "incidents" / "insurance_cases". */
const char *rules_formname(enum form);
const char *rules_table(enum form);

/*
 * Load the code lists from the database; what rules_check reports is
 * in lang.  NULL and rs_err.
 */
struct rules *rules_new(sqlite3 *, enum oplang lang);
enum oplang rules_lang(const struct rules *);
void	 rules_free(struct rules *);
/*
 * Check the values f[0..rules_ncols(form)) of one record reported in
 * quarter rq (YYYYQn; a malformed rq skips the quarter rules).  cb is
 * called once per problem, in column order, with the column, what is
 * wrong ("missing", "expected yes or no") and the offending value.
 * Returns the number of problems.
 */
size_t	 rules_check(const struct rules *, enum form, const char *rq,
	    struct rfield *f, int flags,
	    void (*cb)(void *, size_t col, const char *what, const char *v,
	    size_t vlen), void *arg);
/*
 * Append "field 'name': what (value)" in lang, with the value shortened
 * and its control and invisible characters and malformed bytes escaped
 * (omitted when empty).
 */
void	 rules_describe(struct buf *, enum oplang, const char *name,
	    const char *what, const char *v, size_t vlen);
/*
 * Append v shortened, controls and invisible characters and malformed
 * bytes escaped (\n, <U+FEFF>, \xC3).
 */
void	 rules_show(struct buf *, const char *v, size_t vlen);
/* The quarter "YYYYQn" of a valid occurred_at into out[7]. */
void	 rules_quarter(const char *occurred_at, char out[7]);

#endif /* !RULES_H */
