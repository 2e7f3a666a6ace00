/*
 * build.h -- `regsite build`: the registry database in, a complete
 * bilingual site out (site/build.c runs the pipeline).
 */
#ifndef BUILD_H
#define BUILD_H

struct build_opts {
	const char *db;		/* the registry database */
	const char *out;	/* the site directory, replaced when complete */
	const char *config;	/* INI file, or NULL for the defaults */
	const char *report;	/* the privacy report, or NULL */
	int	 report_lang;	/* its language: LANG_KK (default), LANG_RU */
	const char *srcdir;	/* content/, templates/, static/; NULL: auto */
	int	 progress;	/* a progress line on stderr (a terminal) */
	int	 quiet;		/* no summary line */
	int	 no_record;	/* a preview: not remembered as a release */
	int	 jobs;		/* processes writing pages (1: one), 0: 2 */
};

/*
 * 0 on success, -1 on failure (rs_err set), 1 when the database has
 * problems that were printed.  Any failure leaves the previous site.
 */
int	 build_run(const struct build_opts *);

struct build;
/*
 * A page was written (page.c): on a terminal, the progress line "N of
 * TOTAL pages (P%), M:SS left" on stderr, at most once per percent.
 */
void	 build_progress(struct build *);
/*
 * The releases compared (privacy_releases) into b->rels, once: 0, or
 * -1 and rs_err.
 */
int	 build_releases(struct build *);

#endif /* !BUILD_H */
