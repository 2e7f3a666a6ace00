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
#define	 BUF_LIT(b, s) buf_put((b), "" s, sizeof(s) - 1)	/* literals only */

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

/* REGSITE_TRACE: print the time spent since the last mark (stderr). */
void	 trace(const char *, ...) __attribute__((format(printf, 1, 2)));

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
/* A whole JSON string, with its quotes. */
void	 esc_jsonq(struct buf *, const char *);
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
/* rules.c: the field rules of REGISTRY.md section 4, one set for both */
/* regsite import (CSV rows) and regsite validate (database rows)      */

#define RULES_REF_MAX	64	/* bytes: source_ref, org_code, --source */
#define RULES_TEXT_MAX	8000	/* bytes: each *_kk and *_ru free text */

/* Check flags. */
#define RULES_NORMALIZE	0x01	/* import: accept and rewrite the lenient
				   forms (date-time with a space or
				   seconds, CRLF and surrounding white
				   space in free text) */

/* One value: not NUL-terminated; RULES_NORMALIZE may shorten it. */
struct rfield {
	char	*s;
	size_t	 len;
};

struct rules;

/* The columns of a form, in the order of REGISTRY.md section 4. */
size_t	 rules_ncols(enum form);
const char *rules_colname(enum form, size_t col);
/* The column named name[0..len) or -1. */
int	 rules_colfind(enum form, const char *name, size_t len);
/* Whether the column holds an integer (age_years). */
int	 rules_colint(enum form, size_t col);
/* "incidents" / "insurance" and the table "incidents" / "insurance_cases". */
const char *rules_formname(enum form);
const char *rules_table(enum form);

/* Load the code lists from the database; NULL and rs_err. */
struct rules *rules_new(sqlite3 *);
void	 rules_free(struct rules *);
/*
 * Check the values f[0..rules_ncols(form)) of one record reported in
 * quarter rq (YYYYQn; a malformed rq skips the quarter rules).  cb is
 * called once per problem, in column order, with the column, what is
 * wrong ("missing", "expected yes or no") and the offending value.
 * Returns the number of problems.
 */
size_t	 rules_check(const struct rules *, enum form, const char *rq,
	    struct rfield *f, int flags,
	    void (*cb)(void *, size_t col, const char *what, const char *v,
	    size_t vlen), void *arg);
/*
 * Append "field 'name': what (value)" with the value shortened and its
 * control characters and malformed bytes escaped (omitted when empty).
 */
void	 rules_describe(struct buf *, const char *name, const char *what,
	    const char *v, size_t vlen);
/* Append v shortened, controls and malformed bytes escaped (\n, \xC3). */
void	 rules_show(struct buf *, const char *v, size_t vlen);
/* The quarter "YYYYQn" of a valid occurred_at into out[7]. */
void	 rules_quarter(const char *occurred_at, char out[7]);

/* ------------------------------------------------------------------ */
/* import.c                                                            */

/*
 * import_run on an open database (the fuzz target passes an in-memory
 * one); import_run opens o->db and calls this.
 */
int	 import_db(sqlite3 *, const struct import_opts *);

/* ------------------------------------------------------------------ */
/* validate.c                                                          */

/*
 * The cheap checks a build runs inside its read transaction: foreign
 * keys, public numbers present, unique and covered by public_numbers.
 * 0 ok, 1 problems printed to stderr ("PATH: ..."), -1 error (rs_err).
 */
int	 validate_quick(sqlite3 *db, const char *path);

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
/* Mask ages from this one up (default 90; 0 masks every age). */
void	 scrub_set_min_age(struct scrubber *, int);
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
/* The string of a map's key, or "" (not a string, absent). */
const char *mv_getstr(const struct mval *map, const char *key);
/* The i-th element of a list, or NULL; the length of a list. */
struct mval *mv_index(const struct mval *list, size_t i);
size_t	 mv_len(const struct mval *list);
/*
 * A reference to a value owned elsewhere (it must outlive the tree):
 * renders as the value itself; mv_free does not free what it refers to.
 */
struct mval *mv_ref(const struct mval *);
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

/* ------------------------------------------------------------------ */
/* config.c: the INI configuration                                     */

/* The quasi-identifiers of the record tables (privacy.c). */
enum qi {
	QI_MONTH,	/* event date: 0 month, 1 quarter */
	QI_REGION,	/* Form 2 place: 0 region, 1 hidden */
	QI_SEX,		/* no ladder: only suppression */
	QI_AGE,		/* Form 1: 0 5-year bands, 1 10-year, 2 20-year */
	QI_DIAGNOSIS,	/* 0 ICD-10 category, 1 chapter */
	QI_PROFILE,	/* 0 specialty, 1 profile group */
	QI__MAX
};

#define FREE_TEXT_OFF		0
#define FREE_TEXT_SCRUBBED	1
#define TEXT_AGES_ALL		0	/* every age in free text masked */
#define TEXT_AGES_OVER90	1	/* only ages of 90 and over */

struct config {
	char	*site_name[LANG__MAX];
	char	*org_name[LANG__MAX];
	char	*base_url;		/* absolute, ends with '/' */
	long	 rows_per_page;
	int	 record_pages;		/* a page per record */
	/* [privacy] */
	long	 k;			/* smallest class size */
	long	 diversity;		/* distinct outcomes per class */
	long	 small_count;		/* 1..small_count-1 shown "<N" */
	long	 rounding;		/* counts rounded to this base */
	int	 free_text;		/* FREE_TEXT_* */
	int	 text_ages;		/* TEXT_AGES_* */
	int	 min_level[QI__MAX];	/* finest level published per QI */
	/* [mci] */
	struct { int year; long tenge; } *mci;
	size_t	 nmci;
	/* [population] */
	struct { char code[6]; long people; } *pop;
	size_t	 npop;
};

void	 config_defaults(struct config *);
/* Defaults, then the INI text (file names it in errors). */
int	 config_parse(struct config *, const char *text, const char *file);
/* Defaults, then the file at path if not NULL. */
int	 config_load(struct config *, const char *path);
void	 config_free(struct config *);
long	 config_mci(const struct config *, int year);
long	 config_population(const struct config *, const char *region);

/* ------------------------------------------------------------------ */
/* catalog.c: the translation catalog (content/catalog.csv)            */

struct catalog;

struct catalog *catalog_load(const char *path);
struct catalog *catalog_parse(const char *text, size_t len, const char *path);
void	 catalog_free(struct catalog *);
/* The text of key; a missing key yields "" and is remembered. */
const char *tr(struct catalog *, enum lang, const char *key);
/* Append the form of key agreeing with n ("запись|записи|записей"). */
void	 trn(struct buf *, struct catalog *, enum lang, const char *key,
	    long long n);
/* Append key's text with "{name}" placeholders filled from name, value
 * pairs ending in NULL. */
void	 trf(struct buf *, struct catalog *, enum lang, const char *key, ...)
	    __attribute__((sentinel));
/* The first key asked for that the catalog lacks, or NULL. */
const char *catalog_missing(const struct catalog *);
/* Every text of a language as a strict map, for templates' {{t.key}}. */
struct mval *catalog_mval(const struct catalog *, enum lang);
size_t	 catalog_size(const struct catalog *);

/* ------------------------------------------------------------------ */
/* markdown.c: content pages                                           */

struct md_page {
	char	*slug;		/* file name without .md */
	char	*title;
	char	*description;
	long	 order;		/* position in the navigation */
	char	*html;		/* rendered body */
};

/* Render content file path (front matter + Markdown) with ctx. */
int	 md_render_file(const char *path, const struct mval *ctx,
	    struct md_page *);
void	 md_page_free(struct md_page *);

/* ------------------------------------------------------------------ */
/* output.c: the site's files, swapped into place when complete        */

struct site;

/* Start a site that will replace directory out; NULL and rs_err. */
struct site *site_open(const char *out);
const char *site_tmpdir(const struct site *);
/* Write a whole file (rel: path inside the site; parents created). */
int	 site_write(struct site *, const char *rel, const void *, size_t);
/* Stream a large file: open, write, then site_fclose checks errors. */
FILE	*site_fopen(struct site *, const char *rel);
int	 site_fclose(struct site *, FILE *, const char *rel);
/* Swap the finished tree into place (atomically where possible). */
int	 site_commit(struct site *);
/* Remove the temporary tree and free. */
void	 site_abort(struct site *);
void	 site_free(struct site *);
size_t	 site_files(const struct site *);
unsigned long long site_bytes(const struct site *);
/* Lower-case hexadecimal SHA-256 of data. */
void	 sha256_hex(const void *, size_t, char hex[65]);
/* Remove a directory tree (0, or -1 with errno). */
int	 rm_tree(const char *);

/* ------------------------------------------------------------------ */
/* privacy.c: the only reader of raw records                          */

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
 * Run the privacy stage over the open database: choose levels, make
 * every quarter table k-anonymous and diverse, scrub texts, publish.
 * markers[lang][type] are the scrubber's markers.  With report_path,
 * the operator's report is prepared (and written by privacy_close).
 */
struct privacy *privacy_open(sqlite3 *, const struct config *,
	    const struct dicts *, const struct scrubber *,
	    const char *const *markers[LANG__MAX], const char *report_path);
/* Finish (ok: write the report) and free. */
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

/* ------------------------------------------------------------------ */
/* build.c and the page files: what a build holds while it runs        */

struct build {
	const struct build_opts *opts;
	struct config	 cfg;
	struct catalog	*cat;
	struct tmplset	*tmpl;
	struct scrubber	*scr;
	sqlite3		*db;
	struct dicts	 dicts;
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

#endif /* !EXTERN_H */
