/*
 * extern.h -- what regsite's stages share.
 *
 * The pipeline, one file per stage:
 *
 *   db.c       open the registry database (schema.sql), dictionaries
 *   privacy.c  the only reader of raw records: generalize, k-anonymize,
 *              scrub free text (scrub.c), protect counts; publishes
 *              records and counts to everything below
 *   pages.c    the site's pages (tables.c, stats.c, chart.c, data.c, feed.c)
 *   mustache.c templates, markdown.c content pages
 *   output.c   files written into a temporary tree, moved into place
 *
 * Everything not declared here is static to its file.
 */
#ifndef EXTERN_H
#define EXTERN_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define REGSITE_VERSION "0.1.0"

/* PRAGMA user_version of the databases this regsite reads and writes. */
#define SCHEMA_VERSION 1

enum lang {
	LANG_KK = 0,	/* Kazakh: the state language, the default, first */
	LANG_RU,
	LANG__MAX
};

enum form {
	FORM_INCIDENTS = 0,	/* Form 1, table incidents */
	FORM_INSURANCE,		/* Form 2, table insurance_cases */
	FORM__MAX
};

/* "kk", "ru" */
extern const char *const lang_codes[LANG__MAX];

/* ------------------------------------------------------------------ */
/* util.c: memory, errors, buffers, UTF-8                              */

/* Allocation failure is fatal: these never return NULL. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

/*
 * Two error tiers.  Deep code records what failed with rs_err() (which
 * returns -1 so it can end a "return rs_err(...)") and returns a failure
 * status; only main.c prints rs_errmsg() as "regsite: <message>" and
 * exits.  A later rs_err() replaces an earlier message.
 */
int	 rs_err(const char *, ...) __attribute__((format(printf, 1, 2)));
const char *rs_errmsg(void);
/* Print "regsite: warning: ..." to stderr at once. */
void	 rs_warn(const char *, ...) __attribute__((format(printf, 1, 2)));

/*
 * A growable byte buffer.  data is always NUL-terminated after any
 * operation (len does not count the NUL).  Zero-initialised is empty.
 */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_put(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list);
void	 buf_reset(struct buf *);
void	 buf_free(struct buf *);
/* The contents as a C string ("" when empty); still owned by the buffer. */
const char *buf_str(const struct buf *);
/* Give the contents to the caller (who frees them); the buffer is empty. */
char	*buf_detach(struct buf *);
#define	 BUF_LIT(b, s) buf_put((b), (s), sizeof(s) - 1)

/* Whether s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
int	 utf8_valid(const char *, size_t);
/*
 * Decode one code point at *p (not past end) and advance *p.  Malformed
 * input yields U+FFFD and advances one byte.
 */
uint32_t utf8_next(const char **, const char *);
/* Append the UTF-8 encoding of a code point. */
void	 utf8_put(struct buf *, uint32_t);

/* Letters of the Latin and Cyrillic scripts, Kazakh letters included. */
int	 uc_isupper(uint32_t);
int	 uc_islower(uint32_t);
int	 uc_isalpha(uint32_t);
uint32_t uc_tolower(uint32_t);
uint32_t uc_toupper(uint32_t);

/* Parse a whole decimal string into *out; 0 on success, -1 otherwise. */
int	 parse_long(const char *, long min, long max, long *out);

/* Read a whole file into a NUL-terminated string; NULL and rs_err. */
char	*file_read(const char *path, size_t *len);

/* ------------------------------------------------------------------ */
/* escape.c: every value reaches its output through one of these      */

/* HTML text and attribute values (double- or single-quoted). */
void	 esc_html(struct buf *, const char *, size_t);
void	 esc_htmls(struct buf *, const char *);
/* XML and SVG text and attributes; drops code points XML 1.0 forbids. */
void	 esc_xml(struct buf *, const char *, size_t);
void	 esc_xmls(struct buf *, const char *);
/* The inside of a JSON string (no quotes added). */
void	 esc_json(struct buf *, const char *, size_t);
void	 esc_jsons(struct buf *, const char *);
/* One URL path segment or query value, percent-encoded (RFC 3986). */
void	 esc_url(struct buf *, const char *);
/* One CSV field, quoted per RFC 4180 by libcsv. */
void	 esc_csv(struct buf *, const char *, size_t);
void	 esc_csvs(struct buf *, const char *);

/* ------------------------------------------------------------------ */
/* format.c: numbers, dates and quarters per REGISTRY.md section 7     */

enum qform {
	QF_NOM,		/* kk "2025 жылғы I тоқсан", ru "I квартал 2025 года" */
	QF_IN,		/* kk "2025 жылғы I тоқсанда", ru "в I квартале 2025 года" */
	QF_SHORT	/* kk "2025 ж. I тоқс.", ru "I кв. 2025" (chart axes) */
};

/* "12 345": narrow no-break space between thousands, U+2212 minus. */
void	 fmt_int(struct buf *, long long);
/* "12 345,6": decimal comma. */
void	 fmt_dec(struct buf *, double, int decimals);
/* "61 %". */
void	 fmt_pct(struct buf *, double, int decimals);
/* "2025Q1" into year and quarter; -1 if malformed. */
int	 quarter_parse(const char *, int *year, int *q);
void	 fmt_quarter(struct buf *, enum lang, const char *quarter, enum qform);
/* Standalone month name, lower case: kk "қаңтар", ru "январь". */
void	 fmt_month(struct buf *, enum lang, int month);
/* kk "2025 жылғы қаңтар", ru "январь 2025 года". */
void	 fmt_month_year(struct buf *, enum lang, int year, int month);
/* kk "2025 жылғы 5 қаңтар", ru "5 января 2025 года". */
void	 fmt_date(struct buf *, enum lang, int year, int month, int day);

/* ------------------------------------------------------------------ */
/* db.c: the registry database                                         */

#include <sqlite3.h>

/* A dictionary row: a code and its labels. */
struct dict_entry {
	char	*code;
	char	*name[LANG__MAX];
	char	*group;		/* profiles: the group; chapters: first category */
	char	*last;		/* chapters: last category */
};

struct dicts {
	struct dict_entry *regions, *groups, *profiles, *chapters;
	size_t	 nregions, ngroups, nprofiles, nchapters;
};

/* The text of schema.sql, compiled in. */
const char *db_schema_sql(void);
/*
 * Open for a build: read-only, inside one read transaction (a
 * consistent snapshot), refusing another schema version.
 */
int	 db_open_read(sqlite3 **, const char *path);
/*
 * Open for writing (WAL, foreign keys, a busy timeout); with create, a
 * missing or empty file gets the current schema; an older schema is
 * upgraded in one transaction.
 */
int	 db_open_write(sqlite3 **, const char *path, int create);
/* Roll back what is open and close; NULL is fine. */
void	 db_close(sqlite3 *);
/* Run SQL; on failure rs_err with the database's message. */
int	 db_exec(sqlite3 *, const char *);
/* rs_err "FILE: what: sqlite's message" (or a clear lock message). */
int	 db_err(sqlite3 *, const char *what);

int	 dicts_load(sqlite3 *, struct dicts *);
void	 dicts_free(struct dicts *);
const struct dict_entry *dict_find(const struct dict_entry *, size_t,
	    const char *code);
const struct dict_entry *dict_chapter(const struct dicts *, const char *icd10);

/* ------------------------------------------------------------------ */
/* chart.c: the aggregate charts, as self-contained SVG               */

enum chart_kind {
	CHART_COLUMNS,	/* vertical stacked columns, categories (quarters)
			   along the bottom */
	CHART_BARS,	/* horizontal stacked bars, one row per category,
			   wrapped labels on the left */
	CHART_PYRAMID,	/* population pyramid: categories are age bands,
			   youngest first (drawn at the bottom); series[0]
			   to the left (men), series[1] to the right */
	CHART_TILEMAP	/* tile grid of the 20 regions, shaded by series[0] */
};

/*
 * One protected value.  A suppressed value (a small count) carries no
 * number: v must be 0.  nodata: no value at all (a region without
 * data, a rate that cannot be computed); v must be 0.
 */
struct chart_point {
	double	 v;
	int	 suppressed;
	int	 nodata;
};

struct chart_series {
	const char *label;		/* legend text (pyramid: half title) */
	const struct chart_point *v;	/* ncats values */
};

/*
 * A chart to draw.  Strings are UTF-8 in the page's language; the
 * chart borrows everything and keeps nothing.
 */
struct chart {
	enum chart_kind kind;
	enum lang lang;			/* tile map: built-in short labels */
	const char *id;			/* [A-Za-z][A-Za-z0-9_-]*, unique
					   in a page; element ids derive
					   from it */
	const char *title;		/* <title>, aria-labelledby */
	const char *desc;		/* one sentence, <desc>: the text
					   alternative */
	const char *const *cats;	/* ncats category labels, full names */
	const char *const *codes;	/* tile map: ISO 3166-2:KZ codes */
	const char *const *short_labels; /* tile map: tile labels, or NULL
					   for built-in abbreviations */
	size_t	 ncats;
	const struct chart_series *series;
	size_t	 nseries;		/* 1..6; pyramid 2; tile map 1 */
	int	 decimals;		/* value labels, 0..6 */
	const char *unit;		/* axis or legend caption, or NULL */
	const char *suppressed_label;	/* "<8": required if any suppressed */
	const char *suppressed_legend;	/* "fewer than 8, hidden": idem */
	const char *nodata_label;	/* legend text: required if any
					   nodata (and on a tile map with
					   regions missing) */
	const char *note;		/* a line under the chart (the
					   source), or NULL */
	int	 show_title;		/* draw the title as a heading too
					   (standalone files) */
};

/*
 * Append one standalone SVG document fragment (<svg xmlns=...>...</svg>
 * and a newline) for c to out: a viewBox about 600 units wide and no
 * size (the page's CSS sets width: 100%), on a white ground.  Stacks
 * end in their total; one with suppressed parts reads "120 + <8".
 * Suppressed values are hatched stubs of a fixed length; categories
 * without data have no mark, a "—" and a legend line.  Values over
 * 10^15 / 10^decimals are refused.  On bad input append nothing,
 * return -1 with rs_err set.  The output depends on c alone.
 */
int	 chart_svg(struct buf *out, const struct chart *c);

/* ------------------------------------------------------------------ */
/* The commands: main.c parses the options, these run them.  Each      */
/* returns 0 on success, -1 on failure (rs_err set), or 1 when the     */
/* data has problems that it has already printed.                      */

struct build_opts {
	const char *db;		/* the registry database */
	const char *out;	/* the site directory, replaced when complete */
	const char *config;	/* INI file, or NULL for the defaults */
	const char *report;	/* the privacy report, or NULL */
	const char *srcdir;	/* content/, templates/, static/; NULL: auto */
	int	 progress;	/* a progress line on stderr (a terminal) */
	int	 quiet;		/* no summary line */
};
int	 build_run(const struct build_opts *);		/* build.c */

struct demo_opts {
	const char *db;
	unsigned long seed;
	int	 quarters;	/* from 2024 Q4 */
	long	 incidents;
	long	 insurance;
};
int	 demo_run(const struct demo_opts *);		/* demo.c */

struct import_opts {
	const char *db;
	enum form form;
	const char *quarter;	/* YYYYQn, the reporting quarter */
	const char *source;	/* the submitter; NULL: from the file name */
	int	 dry_run;
	const char *const *files;
	int	 nfiles;
};
int	 import_run(const struct import_opts *);	/* import.c */
int	 validate_run(const char *db);			/* validate.c */
int	 serve_run(const char *dir, const char *bind, int port); /* serve.c */

/* ------------------------------------------------------------------ */
/* privacy.c: protected counts (see also the published records there)  */

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

/* ------------------------------------------------------------------ */
/* scrub.c: the free-text scrubber                                     */

enum scrub_type {
	SCRUB_NAME,	/* person names: [АТЫ-ЖӨНІ] / [ФИО] */
	SCRUB_IIN,	/* 12-digit IIN/BIN: [ЖСН] / [ИИН] */
	SCRUB_PHONE,	/* [ТЕЛ] */
	SCRUB_EMAIL,	/* [E-MAIL] */
	SCRUB_URL,	/* [СІЛТЕМЕ] / [ССЫЛКА] */
	SCRUB_DATE,	/* dates, years of birth: [КҮНІ] / [ДАТА] */
	SCRUB_AGE,	/* ages of 90 and over: [ЖАСЫ] / [ВОЗРАСТ] */
	SCRUB_ADDRESS,	/* [МЕКЕНЖАЙ] / [АДРЕС] */
	SCRUB_NUMBER,	/* facility, case, record numbers, long digit runs: [№] */
	SCRUB__MAX
};

/* One replacement: the bytes [off, off+len) of the input were masked. */
struct scrub_span {
	enum scrub_type type;
	size_t	 off;
	size_t	 len;
};

struct scrubber;

/* Load the allowlist (one word per line, # comments); NULL and rs_err. */
struct scrubber *scrub_new(const char *allowlist_path);
void	 scrub_free(struct scrubber *);
/*
 * Append to out the text s[0..len) with every identifier replaced by
 * markers[type].  cb, if not NULL, is called once per replacement, in
 * order, with the span in the input.  Returns the number of
 * replacements.  Never fails; malformed UTF-8 is replaced by U+FFFD.
 */
size_t	 scrub_text(const struct scrubber *, const char *s, size_t len,
	    const char *const markers[SCRUB__MAX], struct buf *out,
	    void (*cb)(void *, const struct scrub_span *, const char *),
	    void *arg);
/* "name", "iin", ...: the type's name in reports and catalog keys. */
const char *scrub_type_name(enum scrub_type);

/* ------------------------------------------------------------------ */
/* mustache.c: logic-less templates                                   */

/*
 * A rendering context is a tree of values.  Strings are copied; a map
 * or list owns its children; mv_free frees a whole tree.
 */
struct mval;

struct mval *mv_null(void);
struct mval *mv_bool(int);
struct mval *mv_str(const char *);
struct mval *mv_strn(const char *, size_t);
struct mval *mv_strf(const char *, ...) __attribute__((format(printf, 1, 2)));
struct mval *mv_list(void);
struct mval *mv_map(void);
/* Append v to a list; returns v. */
struct mval *mv_push(struct mval *list, struct mval *v);
/* Set key in a map (replacing any earlier value); returns v. */
struct mval *mv_set(struct mval *map, const char *key, struct mval *v);
/* Shorthands: mv_set(map, key, mv_str(s)). */
struct mval *mv_sets(struct mval *map, const char *key, const char *s);
struct mval *mv_get(const struct mval *map, const char *key);
/*
 * Make a map strict: a template naming a key it lacks is an error
 * "unknown <what> 'key'" (the translation catalog is strict).
 */
void	 mv_strict(struct mval *map, const char *what);
void	 mv_free(struct mval *);

struct tmplset;

/* Load every .html file of dir as a template (and partial), by base name. */
struct tmplset *tmpl_open(const char *dir);
void	 tmpl_close(struct tmplset *);
/*
 * Render template name ("page" for DIR/page.html) with ctx, appending
 * to out.  Errors: rs_err("DIR/page.html:12: problem").
 */
int	 tmpl_render(struct tmplset *, const char *name,
	    const struct mval *ctx, struct buf *out);
/*
 * Render source text (named name in errors) with partials taken from
 * the map partials (name -> string value; may be NULL).
 */
int	 tmpl_render_str(const char *name, const char *src,
	    const struct mval *ctx, const struct mval *partials,
	    struct buf *out);

#endif /* !EXTERN_H */
