/*
 * partition.h -- local recoding of one quarter's records: split them
 * into equivalence classes of at least k records with at least
 * `diversity` distinct outcomes, each class publishing every
 * quasi-identifier at the finest level of its ladder (ladder.h) on
 * which all its records agree.  Pure computation, no database.
 */
#ifndef PARTITION_H
#define PARTITION_H

/* One record to place. */
struct prec {
	ladder_code code[QI__MAX][LADDER_MAX];	/* ladder_codes() */
	uint8_t	 outcome;		/* 0 or 1 */
	/* Results. */
	int8_t	 lv[QI__MAX];	/* the level published per QI */
	uint8_t	 placed;	/* 1 placed in a class; 0 deferred */
	uint8_t	 withheld;	/* 1: its texts must not be published */
};

struct partition_opts {
	long	 k;
	long	 diversity;
	int	 use[QI__MAX];		/* the form's QIs in its rows */
	int	 min_level[QI__MAX];	/* the finest level allowed */
	double	 weight[QI__MAX];	/* worth of a shown value */
	int	 pin_sex;		/* the texts tell the sex */
};

/*
 * Place the n records v[0..n) (top-down specialization with partial
 * splits, Mondrian-like, along the ladders).  With pin_sex, every
 * class shows the sex, because the narratives tell it; records of a
 * sex too rare to form a class join one class with the sex hidden and
 * their texts withheld, if that class can be formed, and are otherwise
 * deferred (placed = 0).  Deterministic: the result depends on the
 * order of v only through ties, which are broken by position.
 */
void	 partition(struct prec *v, size_t n, const struct partition_opts *);

/* Whether n records with these outcome counts form a class. */
int	 partition_ok(const struct partition_opts *, size_t n,
	    const size_t outcomes[2]);

/*
 * The worth of a value shown at a level: 0 hidden, 1 at the finest,
 * 0.6 at the coarsest shown level and in between linearly.
 */
double	 partition_utility(enum qi, int level);

#endif /* !PARTITION_H */
