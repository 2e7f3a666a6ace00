/*
 * url.h -- the site's URL scheme, in one place.  A site path is a
 * file's path inside the site; pages link to each other relatively
 * (url_rel), so the site works from disk and below any base URL, and
 * name index.html; canonical URLs are absolute (url_abs) and end in
 * '/'.
 *
 *	index.html, 404.html             the language chooser, not found
 *	kk/index.html                    a language's home page
 *	kk/archive/index.html            every quarter
 *	kk/statistics/index.html         charts over all quarters
 *	kk/data/index.html               the downloads
 *	kk/data/dictionary/index.html    the data dictionary
 *	kk/SLUG/index.html               a content page
 *	kk/2025-q1/index.html            a quarter
 *	kk/2025-q1/incidents/index.html  its record table, page 1
 *	kk/2025-q1/incidents/page-2/index.html
 *	kk/2025-q1/incidents/2025Q1-I-0042/index.html   a record
 *	kk/2025-q1/incidents/records.json.gz, filters.json  for the table script
 *	kk/2025-q1/incidents/group/surgical/index.html  a profile group's rows
 *	kk/2025-q1/incidents/group/surgical/page-2/index.html
 *	kk/charts/ID.svg, .csv           the home page's chart
 *	kk/statistics/ID.svg, .csv       the statistics page's charts
 *	kk/2025-q1/charts/ID.svg, .csv   a quarter's charts
 *	kk/feed.xml                      the Atom feed
 *	kk/releases/index.html           every release
 *	kk/releases/2025-q2/index.html   a release, as it was published
 *	data/releases/2025-q2/incidents.csv  its rows as published then
 *	kk/explore/incidents/index.html  the explorer over all quarters
 *	data/2025-q1/incidents.csv       downloads: the machine file,
 *	data/2025-q1/incidents-kk.csv    and per language (CSV, JSON);
 *	data/all/...                     all quarters
 *	data/SHA256SUMS
 *	static/style.0123456789.css      assets, CSS and JS fingerprinted
 *	sitemap.xml, robots.txt
 *
 * Functions returning char * return a new string the caller frees;
 * those returning const char * return a constant.
 */
#ifndef URL_H
#define URL_H

/* The path segment of a form: "incidents", "insurance". */
const char *form_dir(enum form);
/* "2025Q1" -> "2025-q1" into out ("unknown" if malformed). */
void	 url_slug(char out[16], const char *quarter);

const char *url_root(void);
const char *url_notfound(void);
char	*url_home(enum lang);
char	*url_archive(enum lang);
char	*url_statistics(enum lang);
char	*url_data(enum lang);
char	*url_dictionary(enum lang);
char	*url_content(enum lang, const char *slug);
char	*url_quarter(enum lang, const char *quarter);
/* Page n (from 1) of a quarter's record table. */
char	*url_table(enum lang, const char *quarter, enum form, long n);
char	*url_record(enum lang, const char *quarter, enum form,
	    const char *ref);
/* The rows of a quarter's form in one profile group (code "surgical",
 * "therapeutic+surgical", "*"), for readers without JavaScript. */
char	*url_table_group(enum lang, const char *quarter, enum form,
	    const char *group, long n);
/* The table script's record index and filters of a quarter's form. */
char	*url_records_json(enum lang, const char *quarter, enum form);
char	*url_filters_json(enum lang, const char *quarter, enum form);

/* The pages with charts; quarter only for CHARTS_QUARTER. */
enum chart_page {
	CHARTS_HOME,
	CHARTS_STATISTICS,
	CHARTS_QUARTER
};
/* A chart's file: ext "svg" or "csv". */
char	*url_chart(enum lang, enum chart_page, const char *quarter,
	    const char *id, const char *ext);
/* The charts' machine CSV: data/all/charts.csv, data/2025-q1/charts.csv. */
char	*url_chart_data(const char *quarter);

char	*url_feed(enum lang);
/* Every release; a release (its id "2025Q2"); its rows of a form. */
char	*url_releases(enum lang);
char	*url_release(enum lang, const char *release);
char	*url_release_download(const char *release, enum form);
/* The explorer of a form over all quarters. */
char	*url_explore(enum lang, enum form);
const char *url_sitemap(void);
const char *url_robots(void);
/*
 * A download of a form: of a quarter or all (NULL); the machine file
 * (lang -1) or a language's; ext "csv", "json"...; gz: gzip-compressed
 * ("data/2025-q1/incidents.csv.gz").
 */
char	*url_download(const char *quarter, enum form, int lang,
	    const char *ext, int gz);
const char *url_sums(void);
/* static/NAME as it is, or fingerprinted with a hex digest's start. */
char	*url_static(const char *name);
char	*url_asset(const char *name, const char *hex);

/* The same page in language l (a language page; others unchanged). */
char	*url_other_lang(const char *path, enum lang);
/* The relative href from the page at path to site path target. */
char	*url_rel(const char *path, const char *target);
/* target relative to path's directory if below it, else url_rel. */
char	*url_rel_below(const char *path, const char *target);
/* The public URL of a site path: base (ends in '/'), no index.html. */
char	*url_abs(const char *base, const char *path);
/*
 * The root-relative URL of a site path ("/static/x.css", or
 * "/registry/static/x.css" below base https://host/registry/): the
 * same on any host, for the 404 page, which is served at any depth.
 */
char	*url_rootrel(const char *base, const char *path);
/* Whether the page at path is the page section (an index.html) or
 * below it: the navigation marks its current section. */
int	 url_in_section(const char *path, const char *section);

#endif /* !URL_H */
