/*
 * cube.h -- the regional tables: no row publishes a region, so regions
 * are published only as counts, protected together: per column (the
 * quarter in which records were reported, or the later release that
 * first published them), region and outcome, with their margins.
 * Small counts are suppressed ("<N"), the rest rounded; a linear
 * program (GLPK) audits what a reader can infer from all of them
 * together with the exact totals the rows give away, and hides further
 * cells (secondary suppression) until no suppressed count can be
 * narrowed below a few values.  Internal to the privacy stage.
 */
#ifndef CUBE_H
#define CUBE_H

struct cube;
struct report;

/*
 * Count the published rows of form f (temp.pub, with their true
 * regions, read through its index pub_meta, which covers form,
 * stats_col, region_true and outcome) and the withdrawn ones that stay
 * counted (temp.gone), and protect every published table.  NULL with
 * rs_err on failure.
 */
struct cube *cube_build(sqlite3 *, enum form f, const struct config *,
	    const struct dicts *);
void	 cube_free(struct cube *);

/*
 * The protected cells, as agg_count: column (quarter "YYYYQn"), every
 * column ("*"), or all together (NULL); by region alone (other ==
 * DIM_NONE) or by region and the form's outcome (DIM_CONSEQUENCE,
 * DIM_HARM).  region_first: the region is the first value.  Cells
 * whose count is 0 are not reported (unless hidden).
 */
int	 cube_count(struct cube *, const char *quarter, enum dim other,
	    int region_first, void (*cb)(void *, const char *, const char *,
	    const char *, struct pcount), void *arg);

/*
 * Audit again from scratch, as a reader would: 0 if no suppressed cell
 * can be narrowed below PROTECT values, else -1 with rs_err naming one.
 */
int	 cube_verify(struct cube *);
/* Whether every cell of column col is hidden (the tests). */
int	 cube_small_hidden(const struct cube *, const char *col);

/* How many cells were suppressed, hidden, rounded. */
void	 cube_stats(const struct cube *, long *suppressed, long *hidden,
	    long *rounded);

/* What was suppressed and why, for the operator's report. */
void	 cube_report(const struct cube *, struct report *);

#endif /* !CUBE_H */
