/*
 * privacy.h -- the privacy stage: the one gate between the registry
 * database and every output.  What it exports is all that the pages,
 * charts and downloads ever see: published records (struct pubrec) and
 * protected counts (struct pcount).  No SQLite here.
 */
#ifndef PRIVACY_H
#define PRIVACY_H

#define PC_EXACT	0x01	/* the true count (exact by policy) */
#define PC_ROUNDED	0x02	/* rounded to the policy's base */
#define PC_SUPPRESSED	0x04	/* 1 .. threshold-1; n is 0, not the value */

/*
 * A count as it may be published.  A suppressed count carries no value
 * at all, so no later stage can leak it.
 */
struct pcount {
	long	 n;
	int	 flags;
};

/* The free-text columns, in both languages. */
enum text_col {
	TEXT_CIRC,	/* circumstances */
	TEXT_ANAM,	/* anamnesis */
	TEXT_CARE,	/* care provided */
	TEXT_MEAS,	/* measures taken */
	TEXT__MAX
};

/*
 * A published record: what the privacy stage lets out, and all that
 * any later stage ever sees of a record.  Strings are valid until the
 * next pub_next.  Generalized and suppressed values:
 *   month	1-12; 0 generalized to the quarter; -1 suppressed
 *   region	Form 2: region code; "" hidden by policy; "*" suppressed
 *   sex	"M", "F", "*"
 *   age	Form 1: band "0", "1-4", "35-39", "30-39", "20-39", "90+",
 *		"80+", or "*"
 *   diagnosis	ICD-10 category ("K35") or chapter ("XI") by the form's
 *		level (privacy_level), or "*"
 *   profile	specialty or group code by level, or "*"
 *   text	scrubbed; NULL where absent or not published
 */
struct pubrec {
	enum form	 form;
	char		 quarter[8];	/* "2025Q1" */
	long		 no;		/* public number in the quarter */
	char		 ref[32];	/* "2025Q1-I-0042" */
	char		 reported[8];	/* release that brought it */
	int		 month;
	const char	*region, *sex, *age, *diagnosis, *profile;
	const char	*category, *consequence, *trigger, *plan; /* Form 1 */
	const char	*insured, *harm, *disability;		/* Form 2 */
	const char	*text[TEXT__MAX][LANG__MAX];
};

/* Dimensions of protected counts. */
enum dim {
	DIM_NONE,	/* the total */
	DIM_CATEGORY, DIM_CONSEQUENCE, DIM_TRIGGER, DIM_PLAN,	/* Form 1 */
	DIM_HARM, DIM_HARM_DETAIL, DIM_INSURED,			/* Form 2 */
	DIM_REGION, DIM_SEX, DIM_AGE10, DIM_GROUP, DIM_PROFILE,
	DIM_CHAPTER, DIM_MONTH, DIM_REPORTED
};

/* What the privacy stage did, for the summary line and the report. */
struct privacy_stats {
	long	 values_suppressed;	/* table cells hidden */
	long	 records_scrubbed;	/* records with text replacements */
	long	 replacements[SCRUB__MAX];
	long	 counts_exact, counts_rounded, counts_suppressed, counts_zero;
};

struct privacy;
struct pubcur;

/*
 * Open the registry database at path for a build: a read-only
 * snapshot, checked (validate_quick), its code lists and latest
 * reporting quarter loaded.  NULL on failure: rs_err set, or, when the
 * data has problems that were printed, *bad_data set to 1.  The
 * database handle never leaves the privacy stage.
 */
struct privacy *privacy_open(const char *path, int *bad_data);
/*
 * Run the privacy stage: choose levels, make every quarter table
 * k-anonymous and diverse, scrub texts, publish.  markers[lang][type]
 * are the scrubber's markers; cfg, scr and markers must outlive p.
 * With a report (privacy/report.h, or NULL), every decision and
 * replacement is told to it, until privacy_close; the caller closes
 * it.  0, or -1 with rs_err.
 */
struct report;
int	 privacy_run(struct privacy *, const struct config *,
	    const struct scrubber *, const char *const *markers[LANG__MAX],
	    struct report *);
/* The code lists and the release (latest reporting quarter, "" if none). */
const struct dicts *privacy_dicts(const struct privacy *);
const char *privacy_release(const struct privacy *);
/* Finish (ok: the report's last details), close the database, free. */
int	 privacy_close(struct privacy *, int ok);
const struct privacy_stats *privacy_stats(const struct privacy *);
/* The level chosen for a quasi-identifier of a form. */
int	 privacy_level(const struct privacy *, enum form, enum qi);
/* Every quarter from the first to the last with records. */
size_t	 privacy_quarters(const struct privacy *, const char *const **);

/* Published records of a form, one quarter or all (NULL), by number. */
struct pubcur *pub_open(struct privacy *, enum form, const char *quarter);
int	 pub_next(struct pubcur *, const struct pubrec **);
void	 pub_close(struct pubcur *);
/*
 * Records published (exact): of a quarter or all (NULL); reported in a
 * given release, or late (">"), or any (NULL).
 */
int	 pub_count(struct privacy *, enum form, const char *quarter,
	    const char *reported, long *);

/*
 * Protected counts of a form's records by one or two dimensions, in a
 * quarter, in all quarters together (NULL), or in each quarter ("*"):
 * cb(arg, quarter, value1, value2, count) per non-empty cell (quarter
 * is "" unless "*").
 */
int	 agg_count(struct privacy *, enum form, const char *quarter,
	    enum dim, enum dim, void (*cb)(void *, const char *,
	    const char *, const char *, struct pcount), void *arg);
/* num/den as a percentage if den is shown and >= the threshold. */
int	 pc_percent(const struct privacy *, struct pcount, struct pcount,
	    double *);


#endif /* !PRIVACY_H */
