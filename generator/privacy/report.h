/*
 * report.h -- the operator's privacy report: every decision of the
 * privacy stage and every masked text, in the operator's language,
 * what needs review first.  The report holds what the site must never
 * show, so it is created privately and never where the site, the
 * registry or the configuration are.
 */
#ifndef REPORT_H
#define REPORT_H

struct report;
struct scrub_span;

/* What a report must never overwrite or land in. */
struct report_guard {
	const char	*db;	 /* the registry database (and -wal, -shm) */
	const char	*out;	 /* the output directory (and .DIR.tmp-*) */
	const char	*config; /* the configuration file, or NULL */
};

/*
 * Refuse a report path that resolves (symbolic links followed, the
 * longest existing prefix) to the database, its -wal or -shm, the
 * configuration, or into the output directory or its temporary build
 * directory.  0, or -1 with rs_err.
 */
int	 report_check(const char *path, const struct report_guard *);
/*
 * Start a report at path (checked as report_check does; again before
 * it is moved into place).  Every file is created exclusively, 0600,
 * without following links.  NULL and rs_err.
 */
struct report *report_open(const char *path, enum lang,
	    const struct report_guard *);
/* The report written whole and made durable, not yet named (a full
 * disk fails here); report_close names it.  0, or -1 with rs_err. */
int	 report_write(struct report *);
/* ok: write the report (unless report_write did) and move it into
 * place; else discard it.  Frees. */
int	 report_close(struct report *, int ok);
enum lang report_lang(const struct report *);
/* The report's phrase for an English key, in its language. */
const char *report_tr(const struct report *, const char *);

/* The details, in order: a section, then its lines. */
void	 report_section(struct report *, const char *title);
void	 report_line(struct report *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/* What the operator should look at first. */
enum report_review {
	RR_UNSURE,	/* replacements the scrubber was least sure of */
	RR_DICTNAME,	/* words masked as names that a dictionary knows */
	RR_HIDDEN,	/* columns hidden for every row */
	RR_SMALL,	/* quarters too small to break down */
	RR__MAX
};
void	 report_review(struct report *, enum report_review, const char *,
	    ...) __attribute__((format(printf, 3, 4)));

/* One replacement of the scrubber. */
struct report_repl {
	const char	*ref;		/* the public reference */
	long long	 id;
	const char	*source_ref;
	const char	*column;
	enum lang	 lang;
	const struct scrub_span *sp;
	const char	*text;		/* the input the span is in */
};
void	 report_replacement(struct report *, const struct report_repl *);
/* One decision of the privacy stage: what it concerns, and why. */
void	 report_decision(struct report *, const char *what, const char *,
	    ...) __attribute__((format(printf, 3, 4)));

#endif /* !REPORT_H */
