/*
 * site.h -- what the site's page modules share while a build runs.
 * They see published records and protected counts (privacy.h) only:
 * no database handle, no <sqlite3.h>.
 */
#ifndef SITE_H
#define SITE_H

struct build {
	const struct build_opts *opts;
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
	char		**sitemap;	/* kk paths of every page pair */
	size_t		 nsitemap;
	long		 pages;		/* HTML pages written */
};

/* pages.c */
int	 pages_build(struct build *);
/* "2025Q1" -> "2025-q1" into buf. */
void	 quarter_slug(char out[16], const char *quarter);
/*
 * The context every page starts from: path is the page's site path
 * ("kk/2025-q1/index.html"), title and description its own.  The
 * caller adds its fields, renders with page_write, which frees ctx.
 */
struct mval *page_ctx(struct build *, enum lang, const char *path,
	    const char *title, const char *description);
/* The public URL of a site path: base URL, "index.html" dropped. */
char	*page_url(struct build *, const char *path);
/* Relative href from the page at path to site path target. */
char	*page_href(const char *path, const char *target);
int	 page_write(struct build *, const char *tmpl, struct mval *ctx,
	    const char *path);
/* The label of a code in a language: profiles, regions, chapters... */
const char *label_profile(struct build *, enum lang, const char *code,
	    int level);
const char *label_region(struct build *, enum lang, const char *code);
const char *label_chapter(struct build *, enum lang, const char *code);

/* tables.c */
int	 tables_build(struct build *, enum lang, const char *quarter);

/* data.c: downloads (written first), their links, the data pages */
int	 data_build(struct build *);
int	 data_links(struct build *, enum lang, const char *path,
	    const char *quarter, enum form, struct mval *ctx);
int	 data_pages(struct build *, enum lang);
void	 data_free(void);

/* stats.c: charts on the home, quarter and statistics pages */
int	 stats_home(struct build *, enum lang, const char *path,
	    struct mval *ctx);
int	 stats_quarter(struct build *, enum lang, const char *path,
	    const char *quarter, struct mval *ctx);
int	 stats_page(struct build *, enum lang);
void	 stats_free(void);

/* feed.c: sitemap.xml, robots.txt, Atom feeds */
int	 feeds_build(struct build *);

#endif /* !SITE_H */
