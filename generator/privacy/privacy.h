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
#define PC_HIDDEN	0x08	/* not published (it would let a reader
				   work out a suppressed one, or its
				   breakdown's total is small); n is 0 */

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
 * next pub_next.  Each quasi-identifier is published at its row's own
 * level (lv[], the ladders of privacy/ladder.h; the hidden level shows
 * "*"):
 *   month	1-12, or -1 (hidden: the quarter only)
 *   region	Form 2: "" (no row shows a region; see the regional
 *		counts); Form 1: NULL
 *   sex	"M", "F", "*"
 *   age	Form 1: "0", "1-4", "35-39", "30-39", "20-39", "0-39",
 *		"40-79", "80+", "90+", or "*"
 *   diagnosis	ICD-10 category "K35", chapter "XI", chapter group
 *		"XV-XVII" or "I-XIV,XVIII-XXII", or "*"
 *   profile	specialty code, group code, "obstetric+pediatric" or
 *		"therapeutic+surgical", or "*"
 *   text	scrubbed and brought to the row's level; NULL where
 *		absent, not published, or withheld
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
	int		 lv[QI__MAX];	/* the level of each QI shown */
	int		 withheld;	/* narratives withheld (they would
					   tell the hidden sex) */
};

/* The markers of facts brought to a row's level (catalog keys
 * marker_diagnosis, marker_department, marker_patient). */
enum textqi_marker {
	TQ_DIAGNOSIS,
	TQ_DEPARTMENT,
	TQ_PATIENT,		/* a word that tells a child */
	TQ__MAX
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
	long	 generalized;		/* codes, departments in texts */
	long	 counts_exact, counts_rounded, counts_suppressed, counts_zero;
	long	 counts_hidden;		/* regional cells not published */
	double	 shown[FORM__MAX][QI__MAX + 1];	/* shares of values shown
					   per column, [QI__MAX] overall */
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
 * Run the privacy stage: decide every record's row (remembered, placed,
 * new classes, deferred), scrub and generalize the narratives, publish,
 * protect the regional counts.  markers[lang][type] are the scrubber's
 * markers, tq_markers[lang][TQ_*] textqi's; cfg, scr and the markers
 * must outlive p.  With a report (privacy/report.h, or NULL), every
 * decision and replacement is told to it, until privacy_close; the
 * caller closes it.  0, or -1 with rs_err.
 */
struct report;
/* How many processes privacy_run scrubs with (1 or 2; 1 by default):
 * the output and the report are the same either way. */
void	 privacy_set_jobs(struct privacy *, int);
/* A preview (--no-record): privacy_record will not be called, so the
 * rows it would read are not kept.  Before privacy_run. */
void	 privacy_set_preview(struct privacy *);
/*
 * The scrubbing memo (privacy/memo.h): read the previous site's at
 * prev (NULL: none; not read with a report), write the new one at next
 * (NULL: none); frame is the key of what scrubbing is made from
 * (reuse_frame_key; NULL: no memo).  Before privacy_run.
 */
void	 privacy_set_memo(struct privacy *, const char *prev,
	    const char *next, const char *frame);
int	 privacy_run(struct privacy *, const struct config *,
	    const struct scrubber *, const char *const *markers[LANG__MAX],
	    const char *const *tq_markers[LANG__MAX], struct report *);
/*
 * Remember this build as a release in the registry (published rows,
 * withdrawals, deferred records, the number key), so that later builds
 * keep every published row as it is.  Warns and does nothing when the
 * database cannot take it (not in WAL mode).  0, or -1 with rs_err.
 * locked (if not NULL) is called holding the registry's write lock:
 * before anything is written, with LOCKED_SAME when no other
 * connection has committed since the build's snapshot was taken
 * (privacy_open), else LOCKED_CHANGED; and once more after the commit,
 * with LOCKED_AFTER, when no other writer has committed since.
 */
enum locked { LOCKED_SAME, LOCKED_CHANGED, LOCKED_AFTER };
int	 privacy_record(struct privacy *, void (*locked)(void *, enum locked),
	    void *arg);
/*
 * A digest of a quarter table of published records as pub_next gives
 * them, in order (lower-case hex; "none" for a table without records):
 * every field, and the levels of diagnosis and profile; not the levels
 * of month, sex and age, which their values tell (but for "90+", which
 * two of age's levels show alike).  The same digest, the same rows for
 * every page, chart and download.
 */
const char *pub_digest(const struct privacy *, enum form,
	    const char *quarter);
/*
 * The same digest of each PUB_CHUNK rows of the table in turn (the
 * last chunk may be short): chunk k's 16 bytes, or NULL (no such
 * chunk).  Chunk k the same, and the frame, its rows the same: a file
 * that lays its rows out by their place in the table can take them
 * from the last build's (dl_xlsx.c).
 */
#define PUB_CHUNK	256
const uint8_t *pub_chunk(const struct privacy *, enum form,
	    const char *quarter, size_t k);
/* The share of a form's quasi-identifier cells that show a value. */
/*
 * The query plans of the hot statements (the published rows, counts,
 * cross-tabs), after privacy_run: each statement, then its plan's
 * lines indented (REGSITE_EXPLAIN, tests/t_rebuild.sh).  0 or -1.
 */
int	 privacy_explain(struct privacy *, FILE *);
double	 privacy_share(const struct privacy *, enum form);
/* The code lists and the release (latest reporting quarter, "" if none). */
const struct dicts *privacy_dicts(const struct privacy *);
const char *privacy_release(const struct privacy *);
/* The report's last details (the protected counts, the scrubbing's
 * totals), once: nothing is told to the report after it. */
void	 privacy_report_done(struct privacy *);
/* Finish (ok: the report's last details, unless privacy_report_done
 * told them), close the database, free. */
int	 privacy_close(struct privacy *, int ok);
const struct privacy_stats *privacy_stats(const struct privacy *);
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
/* cb(arg, profile, level, n) for the published records of a quarter's
 * form by their published profile code and its level; 0, or -1 and
 * rs_err. */
int	 pub_profile_counts(struct privacy *, enum form, const char *quarter,
	    void (*)(void *, const char *, int, long), void *);

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

/*
 * Releases (privacy/release.c).  A release is named by its latest
 * reporting quarter ("2025Q2"); the registry remembers what each one
 * published (privacy_record), so any of them can be shown again as it
 * was: its rows are those first published in it or before and not yet
 * withdrawn then.  This build is the current release (a preview when
 * it is not remembered: --no-record).
 */
/* What a release changed in a quarter's table, against the release
 * before it: rows new in it, rows gone from it, and of these the pairs
 * that are one record's row replaced (revised; -1: not shown, 1 to
 * k - 1 would link two rows of one record). */
struct rel_change {
	char		 quarter[8];
	enum form	 form;
	long		 added, withdrawn, revised;
};

/* A release's key figures for a quarter: rows and rows with the
 * form's outcome (Form 1: with consequences; Form 2: deaths). */
struct rel_figures {
	char		 quarter[8];
	long		 rows[FORM__MAX];
	long		 outcome[FORM__MAX];
};

struct release {
	char		 id[8];		/* "2025Q2" */
	char		 prev[8];	/* the release before it, "" none */
	int		 current;	/* this build */
	int		 preview;	/* this build, not remembered */
	struct rel_figures *fig;	/* by quarter */
	size_t		 nfig;
	struct rel_change *chg;		/* by quarter, then form */
	size_t		 nchg;
};

struct release_list {
	struct release	*v;		/* oldest first; the last is current */
	size_t		 n;
};

/* A row of a release, as it was published then (its quasi-identifiers
 * at their levels and its outcome; "*": hidden). */
struct relrow {
	char		 quarter[8];
	long		 no;
	char		 ref[32];
	const char	*first;		/* the release that first published it */
	const char	*month, *sex, *age, *diagnosis, *profile;
	int		 outcome;	/* 1: with consequences / death */
};

/*
 * Every release of this policy up to this build's (recorded: this
 * build will be remembered).  Computed once, after privacy_run; valid
 * until privacy_close.  0, or -1 with rs_err.
 */
int	 privacy_releases(struct privacy *, int recorded,
	    const struct release_list **);
/* The rows of a form in a release (from privacy_releases), by quarter
 * and number: cb(arg, row) for each, stopping at a nonzero return. */
int	 release_rows(struct privacy *, const char *release, enum form,
	    int (*cb)(void *, const struct relrow *), void *);

#endif /* !PRIVACY_H */
