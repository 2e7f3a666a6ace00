/*
 * page.h -- the kit every page module makes its pages with: the
 * context all pages share, links, the labels of codes, numbers as
 * template values, and page_write.  It calls no page module.
 */
#ifndef PAGE_H
#define PAGE_H

/*
 * The context every page starts from: path is the page's site path
 * ("kk/2025-q1/index.html"), title and description its own.  The
 * caller adds its fields and renders with page_write, which frees it.
 */
struct mval *page_ctx(struct build *, enum lang, const char *path,
	    const char *title, const char *description);
/*
 * ctx's "howto": the "how to read these figures" block of a statistics
 * or quarter page at path (reporting, symbols, rates, how to cite).
 */
void	 page_howto(struct build *, enum lang, const char *path,
	    struct mval *ctx);
/*
 * The context of a page of a quarter's table of form f (its pages, its
 * groups' pages, its records' pages): its menu of quarters names only
 * the quarters beside it, and its date is the one of the release that
 * last changed its rows, so that it stays the same page while its rows
 * do.
 */
struct mval *page_ctx_table(struct build *, enum lang, const char *path,
	    const char *title, const char *description, const char *quarter,
	    enum form f);
/* Render template tmpl with ctx (freed) into the site at path. */
int	 page_write(struct build *, const char *tmpl, struct mval *ctx,
	    const char *path);
/* The same; with kept (its rows are the last site's), the last site's
 * file linked when it is already these bytes. */
int	 page_write_kept(struct build *, const char *tmpl, struct mval *ctx,
	    const char *path, int kept);
/* Set key of map m to the href from the page at path to target, and
 * free target (a url_* result). */
void	 page_link(struct mval *m, const char *key, const char *path,
	    char *target);
/* The public URL of a site path (base URL, no index.html): new. */
char	*page_url(const struct build *, const char *path);

/* The label of a code in a language (the code itself if unknown). */
const char *label_profile(const struct build *, enum lang,
	    const char *code, int level);	/* 0 specialty, 1 group */
const char *label_region(const struct build *, enum lang, const char *);
const char *label_chapter(const struct build *, enum lang, const char *);

/* "12 345" and "I квартал 2025 года" as text values. */
struct mval *num_val(long long);
struct mval *quarter_val(enum lang, const char *quarter, enum qform);
/* Records of a form published in a quarter (NULL: all), or -1. */
long	 records_of(struct build *, enum form, const char *quarter);

#endif /* !PAGE_H */
