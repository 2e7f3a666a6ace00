/*
 * site.h -- the state of a build and its page modules, in the order
 * build.c runs them.  The modules see published records and protected
 * counts (privacy.h) only: no database handle, no <sqlite3.h>.  They
 * make their pages with the page kit (page.h) and name files with the
 * URL scheme (url.h).
 */
#ifndef SITE_H
#define SITE_H

/* The downloads written (data.c), for the pages that link them. */
struct downloads {
	struct download	**v;		/* each allocated alone */
	size_t		 n;
};

/* Protected cross-tabs (stats.c), computed once, shared by languages. */
struct aggs {
	struct agg	**v;
	size_t		 n;
};

/* A page of one profile group's rows in a quarter's form (tables.c). */
struct grouplink {
	char		 quarter[8];
	enum form	 form;
	char		*label, *path;
	long		 n;
};

struct grouplinks {
	struct grouplink *v;
	size_t		 n;
};

struct build {
	const struct build_opts *opts;
	int		 jobs;		/* processes: 1 or 2 (--jobs) */
	struct config	 cfg;
	struct catalog	*cat;
	struct tmplset	*tmpl;
	struct scrubber	*scr;
	const struct dicts *dicts;	/* the code lists (privacy_dicts) */
	struct site	*site;
	struct privacy	*priv;
	char		*srcdir;	/* content/, templates/, static/ */
	const char *const *quarters;	/* every quarter, oldest first */
	size_t		 nquarters;
	char		 release[8];	/* the latest reporting quarter */
	char		*date_iso;	/* the source date, ISO 8601 */
	struct mval	*tmap[LANG__MAX];	/* the catalog, per language */
	struct md_page	*content[LANG__MAX];	/* content pages, by order */
	size_t		 ncontent;
	char		*asset_css, *asset_js, *asset_print;	/* site paths */
	char		*asset_tables_js;	/* table pages only */
	char		*asset_cards[LANG__MAX];	/* ... and their labels */
	char		*asset_explore_js;	/* the explorer (or NULL) */
	struct downloads downloads;	/* filled by downloads_write */
	struct dl_all	*dl_all;	/* ... and downloads_wait */
	struct grouplinks glinks;	/* a language's group pages (tables.c),
					   listed by its explorer */
	const struct release_list *rels;	/* privacy_releases */
	int		 recorded;	/* the release is remembered */
	struct aggs	 aggs;		/* filled as charts ask */
	/* The charts' machine data, a file per quarter and one for all
	 * (stats.c appends, data.c writes them as downloads). */
	struct chartdata {
		char		 quarter[8];	/* "" for all quarters */
		struct buf	 csv;		/* lines, no header */
		long		 rows;
	} *cdata;
	size_t		 ncdata;
	long		 pages;		/* HTML pages written */
	size_t		 last_len;	/* the last page's bytes (page_write) */
	char		 frame[65];	/* what the pages are made from, the
					   registry apart ("": no reuse) */
	struct pagemap	*pm;		/* the language's map (reuse.h) */
	struct pagemap	*dm;		/* the quarters' files' map */
	int		*dsame;		/* [form * nquarters + i]: quarter
					   i's rows the last build's */
	size_t		*dorder;	/* form * nquarters + i, the
					   largest work first */
	size_t		*dnext;		/* the next of dorder to write,
					   shared with the quarters' worker */
	long		*drows;		/* [form * nquarters + i]: quarter
					   i's published rows */
	int		 dwhole[FORM__MAX]; /* the quarters hold every
					   published row of the form */
	int		 reused;	/* quarter tables whose rows were */
	long		 pgrows[2];	/* the other tables' pages: made,
					   their rows the last build's */
	long		 ixchunks[2];	/* record indexes' chunks: made,
					   copied from the last site */
	int		 maps_ok;	/* the maps beside the site are its */
	long		 total_pages;	/* expected, for the progress line */
	double		 started;	/* when the pages began (s, monotonic) */
};

/* content.c: content/<lang>/<slug>.md, loaded first; their pages */
int	 content_load(struct build *);
void	 content_free(struct build *);
int	 content_pages(struct build *, enum lang);

/* assets.c: static/ copied, CSS and JS fingerprinted (asset_*) */
int	 assets_copy(struct build *);

/* data.c: the downloads, written before any page links them */
int	 downloads_write(struct build *);
/* The downloads written by another process (--jobs 2) listed with the
 * others; before the downloads page.  ok 0: the build failed, the
 * process is ended.  0, or -1 and rs_err. */
int	 downloads_wait(struct build *, int ok);
/* The charts' data files (b->cdata), then data/SHA256SUMS: once every
 * page with charts is written. */
int	 downloads_charts(struct build *);
int	 downloads_sums(struct build *);
/* This build's map of the quarters' files (reuse.h), into the site. */
int	 downloads_map(struct build *);
void	 downloads_free(struct downloads *);
/*
 * The download links of a quarter's form (NULL: all quarters) for the
 * page at path, as ctx's "downloads": the page language's files first.
 */
void	 download_links(struct build *, enum lang, const char *path,
	    const char *quarter, enum form, struct mval *ctx);

/* root.c: the language chooser and the 404 page */
int	 root_page(struct build *);
int	 notfound_page(struct build *);

/* home.c: a language's home page and the archive */
int	 home_page(struct build *, enum lang);
int	 archive_page(struct build *, enum lang);

/* stats.c: charts on the home, quarter and statistics pages */
int	 stats_home(struct build *, enum lang, const char *path,
	    struct mval *ctx);
int	 stats_quarter(struct build *, enum lang, const char *path,
	    const char *quarter, struct mval *ctx);
int	 stats_page(struct build *, enum lang);
/* Count every table the pages ask for, before the languages' processes
 * start (each would count them again). */
int	 stats_prepare(struct build *);
/* The protected counts of a form by region and quarter (the quarter
 * its records were reported in), with the form's outcome, into ctx
 * "regions": [{code, label, rows: [{first, span, quarter, total,
 * outcome}]}], newest quarter first. */
int	 stats_regions(struct build *, enum lang, enum form,
	    struct mval *ctx);
void	 aggs_free(struct aggs *);

/* datapages.c: the downloads page and the data dictionary */
int	 data_pages(struct build *, enum lang);

/* quarter.c: the page of a quarter (index qi) */
int	 quarter_page(struct build *, enum lang, size_t qi);

/* tables.c: record tables, record pages, the table script's index,
 * a page per profile group (into b->glinks) */
int	 tables_build(struct build *, enum lang, const char *quarter);
void	 grouplinks_free(struct grouplinks *);
/* How many group pages a quarter's form has (for the progress line). */
long	 group_pages(struct build *, const char *quarter, enum form);
/* The headings of a form's table: [{no, cls, text}]. */
struct mval *table_headings(struct build *, enum lang, enum form);
/* The record tables' card labels and fold links: a language's sheet. */
void	 table_card_css(struct build *, enum lang, struct buf *);

/* explore.c: the explorer of each form over all quarters (then frees
 * b->glinks) */
int	 explore_pages(struct build *, enum lang);

/*
 * releases.c: a page per release (key figures, what changed, its rows
 * as published then, a citation) and the list of releases; the rows'
 * files (written by downloads_write, listed in b->downloads).
 */
int	 releases_downloads(struct build *);
int	 releases_pages(struct build *, enum lang);
const struct release *release_current(const struct build *);
/* What release r changed, into ctx ("changes", "release", ...). */
void	 release_changes(struct build *, enum lang, const char *path,
	    const struct release *r, struct mval *ctx);
/* When a release was published (ISO 8601): the day after its quarter. */
char	*release_date(const char *release);

/* feed.c: Atom feeds, sitemap.xml (its explicit page list), robots.txt */
int	 feeds_build(struct build *);

#endif /* !SITE_H */
