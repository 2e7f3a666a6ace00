/*
 * corpus.c -- read the demo corpus, the CSV files of content/demo/,
 * with libcsv.
 *
 * Each file has a header row naming its columns, exactly, and one row
 * per entry; rows are used in the order of the file (the order is part
 * of what makes `regsite demo` deterministic).  Every row is checked
 * here -- keys, the words of the condition columns, references between
 * the files, the placeholders of the formats -- so that a mistake is
 * reported as "FILE:LINE: what is wrong" before any record is drawn.
 * The template syntax of the phrases is checked by demo.c when it
 * compiles them, with the same FILE:LINE.
 *
 * The strings of the corpus point into the cells read from the files,
 * which the corpus owns until corpus_free.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <csv.h>

#include "lib/lib.h"
#include "store/corpus.h"

/* A file as read: nrows rows of ncols cells, and the line of each row. */
struct ctable {
	char	*path;
	const char *const *cols;
	size_t	 ncols;
	char	**cell;
	size_t	*line;
	size_t	 nrows, cap;
};

#define CELL(t, r, c)	((t)->cell[(r) * (t)->ncols + (c)])

/* ------------------------------------------------------------------ */
/* Reading a file                                                      */

/* The libcsv callbacks' state. */
struct rd {
	struct ctable *t;
	char	**field;	/* the current row, ncols cells */
	size_t	 nfield;
	size_t	 line;		/* the line the current row started on */
	size_t	 cur;		/* the line being fed */
	int	 header;	/* the header row was seen */
	int	 failed;
};

/* libcsv's end of a field: keep a copy (the row's first ncols). */
static void
rd_field(void *s, size_t len, void *arg)
{
	struct rd	*p = arg;

	if (p->nfield == 0)
		p->line = p->cur;
	if (p->nfield < p->t->ncols)
		p->field[p->nfield] = s != NULL ? xstrndup(s, len) :
		    xstrdup("");
	p->nfield++;
}

/* "a,b,c" for messages. */
static char *
cols_list(const struct ctable *t)
{
	struct buf	 b = { 0 };
	size_t		 i;

	for (i = 0; i < t->ncols; i++) {
		if (i > 0)
			buf_putc(&b, ',');
		buf_puts(&b, t->cols[i]);
	}
	return buf_detach(&b);
}

/*
 * libcsv's end of a row: the first must be the header; the others are
 * appended to the table with their line, or the read fails (rs_err).
 * Blank lines are skipped.
 */
static void
rd_row(int c, void *arg)
{
	struct rd	*p = arg;
	struct ctable	*t = p->t;
	char		*cols;
	size_t		 i;

	(void)c;
	if (p->failed || (p->nfield == 1 && p->field[0][0] == '\0'))
		goto out;		/* after an error; a blank line */
	if (!p->header) {
		p->header = 1;
		for (i = 0; i < t->ncols && p->nfield == t->ncols; i++)
			if (strcmp(p->field[i], t->cols[i]) != 0)
				break;
		if (p->nfield != t->ncols || i < t->ncols) {
			cols = cols_list(t);
			rs_err("%s:%zu: expected the header '%s'", t->path,
			    p->line, cols);
			free(cols);
			p->failed = 1;
		}
		goto out;
	}
	if (p->nfield != t->ncols) {
		cols = cols_list(t);
		rs_err("%s:%zu: expected %zu fields (%s), found %zu", t->path,
		    p->line, t->ncols, cols, p->nfield);
		free(cols);
		p->failed = 1;
		goto out;
	}
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cell = xreallocarray(t->cell, t->cap * t->ncols,
		    sizeof(*t->cell));
		t->line = xreallocarray(t->line, t->cap, sizeof(*t->line));
	}
	for (i = 0; i < t->ncols; i++) {
		CELL(t, t->nrows, i) = p->field[i];
		p->field[i] = NULL;
	}
	t->line[t->nrows++] = p->line;
out:
	for (i = 0; i < t->ncols; i++) {
		free(p->field[i]);
		p->field[i] = NULL;
	}
	p->nfield = 0;
}

/*
 * Read dir/name into t, checking its header against cols.  0, or -1
 * and rs_err.  The table is freed by ctable_free either way.
 */
static int
ctable_read(struct ctable *t, const char *dir, const char *name,
    const char *const *cols, size_t ncols)
{
	struct csv_parser csv;
	struct rd	 p;
	char		*text;
	const char	*s, *e, *nl;
	size_t		 len;

	t->path = xasprintf("%s/%s", dir, name);
	t->cols = cols;
	t->ncols = ncols;
	if ((text = file_read(t->path, &len)) == NULL)
		return -1;
	memset(&p, 0, sizeof(p));
	p.t = t;
	p.field = xcalloc(ncols, sizeof(*p.field));
	s = text;
	e = text + len;
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	if (csv_init(&csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
	    != 0) {
		rs_err("%s: cannot initialise the CSV parser", t->path);
		p.failed = 1;
		goto out;
	}
	/* Line by line, so that rows know their line numbers. */
	for (p.cur = 1; s < e && !p.failed; p.cur++, s = nl) {
		if ((nl = memchr(s, '\n', (size_t)(e - s))) == NULL)
			nl = e;
		else
			nl++;
		if (!utf8_valid(s, (size_t)(nl - s))) {
			rs_err("%s:%zu: not valid UTF-8", t->path, p.cur);
			p.failed = 1;
		} else if (csv_parse(&csv, s, (size_t)(nl - s), rd_field,
		    rd_row, &p) != (size_t)(nl - s)) {
			rs_err("%s:%zu: malformed quoting (a quote inside an "
			    "unquoted field, or text after a closing quote)",
			    t->path, p.cur);
			p.failed = 1;
		}
	}
	p.cur--;
	if (!p.failed && csv_fini(&csv, rd_field, rd_row, &p) != 0) {
		rs_err("%s:%zu: unterminated quoted field", t->path, p.cur);
		p.failed = 1;
	}
	csv_free(&csv);
	if (!p.failed && !p.header) {
		rs_err("%s: empty file", t->path);
		p.failed = 1;
	}
out:
	for (len = 0; len < ncols; len++)
		free(p.field[len]);
	free(p.field);
	free(text);
	return p.failed ? -1 : 0;
}

static void
ctable_free(struct ctable *t)
{
	size_t	 i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cell[i]);
	free(t->cell);
	free(t->line);
	free(t->path);
}

/* rs_err "FILE:LINE: message" for row r of t; returns -1. */
static int
row_err(const struct ctable *t, size_t r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
row_err(const struct ctable *t, size_t r, const char *fmt, ...)
{
	struct buf	 b = { 0 };
	va_list		 ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	rs_err("%s:%zu: %s", t->path, t->line[r], buf_str(&b));
	buf_free(&b);
	return -1;
}

/* Column c of row r must not be empty. */
static int
need(const struct ctable *t, size_t r, size_t c)
{
	if (CELL(t, r, c)[0] == '\0')
		return row_err(t, r, "the column '%s' is empty", t->cols[c]);
	return 0;
}

/* Columns from c on must not be empty. */
static int
need_from(const struct ctable *t, size_t r, size_t c)
{
	for (; c < t->ncols; c++)
		if (need(t, r, c) == -1)
			return -1;
	return 0;
}

/* A key: lower case ASCII letters, digits, '.', '-', '_'. */
static int
valid_key(const char *k)
{
	if (*k == '\0')
		return 0;
	for (; *k != '\0'; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') ||
		    *k == '.' || *k == '-' || *k == '_'))
			return 0;
	return 1;
}

/* Column c of each row holds a unique valid key (check = valid_key). */
static int
check_keys(const struct ctable *t, size_t c, int (*check)(const char *))
{
	size_t	 r, q;

	for (r = 0; r < t->nrows; r++) {
		if (check != NULL && !check(CELL(t, r, c)))
			return row_err(t, r, "invalid %s '%s'", t->cols[c],
			    CELL(t, r, c));
		for (q = 0; q < r; q++)
			if (strcmp(CELL(t, q, c), CELL(t, r, c)) == 0)
				return row_err(t, r, "duplicate %s '%s' "
				    "(first on line %zu)", t->cols[c],
				    CELL(t, r, c), t->line[q]);
	}
	return 0;
}

/* Index of word w in the list v of n, or -1. */
static int
word_index(const char *const *v, size_t n, const char *w, size_t len)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strlen(v[i]) == len && strncmp(v[i], w, len) == 0)
			return (int)i;
	return -1;
}

/*
 * Call fn for each space-separated word of s, stopping at the first
 * that returns -1.
 */
static int
each_word(const char *s, int (*fn)(const char *, size_t, void *), void *arg)
{
	size_t	 n;

	for (;;) {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			return 0;
		n = strcspn(s, " ");
		if (fn(s, n, arg) == -1)
			return -1;
		s += n;
	}
}

/* "LO-HI", ages 0..120. */
static int
parse_ages(const char *s, size_t len, int *lo, int *hi)
{
	char	 tmp[16], *dash;
	long	 a, b;

	if (len == 0 || len >= sizeof(tmp))
		return -1;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	if ((dash = strchr(tmp, '-')) == NULL)
		return -1;
	*dash = '\0';
	if (parse_long(tmp, 0, 120, &a) == -1 ||
	    parse_long(dash + 1, 0, 120, &b) == -1 || a > b)
		return -1;
	*lo = (int)a;
	*hi = (int)b;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Formats                                                             */

int
ru_plural(long n)
{
	long	 a = n % 10, b = n % 100;

	if (a == 1 && b != 11)
		return 0;
	if (a >= 2 && a <= 4 && (b < 12 || b > 14))
		return 1;
	return 2;
}

void
fmt_expand(struct buf *out, const char *fmt, const struct fvar *v,
    size_t nv)
{
	const char	*p = fmt, *q, *e, *t, *f;
	size_t		 i, n;
	int		 k;

	while ((q = strchr(p, '{')) != NULL &&
	    (e = strchr(q, '}')) != NULL) {
		buf_put(out, p, (size_t)(q - p));
		t = memchr(q + 1, '~', (size_t)(e - q - 1));
		n = (size_t)((t != NULL ? t : e) - q - 1);
		for (i = 0; i < nv; i++)
			if (strlen(v[i].name) == n &&
			    strncmp(v[i].name, q + 1, n) == 0)
				break;
		p = e + 1;
		if (i == nv)
			continue;	/* refused on load */
		buf_puts(out, v[i].s);
		if (t == NULL)
			continue;
		/* "~one~few~many": the form agreeing with the number */
		for (k = ru_plural(v[i].n); k > 0 && t != NULL; k--)
			t = memchr(t + 1, '~', (size_t)(e - t - 1));
		if (t == NULL)
			continue;
		f = memchr(t + 1, '~', (size_t)(e - t - 1));
		buf_putc(out, ' ');
		buf_put(out, t + 1, (size_t)((f != NULL ? f : e) - t - 1));
	}
	buf_puts(out, p);
}

/*
 * Check the placeholders of column c of row r against allow, the names
 * it may use ("PATIENT AGE#": '#' marks a number, which may take noun
 * forms "{AGE~год~года~лет}").  NULL allows none.
 */
static int
fmt_check(const struct ctable *t, size_t r, size_t c, const char *allow)
{
	const char	*s = CELL(t, r, c), *q, *e, *tl, *nx, *a;
	size_t		 n, m = 0, forms;
	int		 empty;

	for (; (q = strpbrk(s, "{}")) != NULL; s = e + 1) {
		if (*q == '}' || (e = strchr(q, '}')) == NULL)
			return row_err(t, r, "%s: unbalanced '{' or '}'",
			    t->cols[c]);
		tl = memchr(q + 1, '~', (size_t)(e - q - 1));
		n = (size_t)((tl != NULL ? tl : e) - q - 1);
		for (a = allow; a != NULL && *a != '\0'; a += m) {
			while (*a == ' ')
				a++;
			m = strcspn(a, " #");
			if (m == n && strncmp(a, q + 1, n) == 0)
				break;
			m += strspn(a + m, "#");
		}
		if (a == NULL || *a == '\0')
			return row_err(t, r, "%s: unknown placeholder "
			    "{%.*s} (%s%s)", t->cols[c], (int)n, q + 1,
			    allow != NULL ? "here: " : "none here",
			    allow != NULL ? allow : "");
		if (tl == NULL)
			continue;
		if (a[m] != '#')
			return row_err(t, r, "%s: {%.*s} is not a number and "
			    "takes no noun forms", t->cols[c], (int)n, q + 1);
		for (forms = 0, empty = 0; tl != NULL; forms++, tl = nx) {
			nx = memchr(tl + 1, '~', (size_t)(e - tl - 1));
			if ((nx != NULL ? nx : e) == tl + 1)
				empty = 1;
		}
		if (forms != 3 || empty)
			return row_err(t, r, "%s: {%.*s~...} needs three noun "
			    "forms (~one~few~many)", t->cols[c], (int)n,
			    q + 1);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The files                                                           */

enum {
	T_DIAGNOSES, T_DEPARTMENTS, T_TOPICS, T_REGIONS, T_TOWNS, T_NAMES,
	T_WORDS, T_ORGS, T_PHRASES, T_SCENARIOS, T__MAX
};

static const char *const c_dx[] = { "code", "flags", "kk", "ru" };
static const char *const c_dept[] = {
	"key", "kk", "ru", "kk_in", "ru_in", "kk_into", "ru_into"
};
static const char *const c_kkru[] = { "key", "kk", "ru" };
static const char *const c_region[] = {
	"code", "population", "city", "centre_kk", "centre_ru", "region_kk",
	"region_f_ru", "region_m_ru", "of_region_ru"
};
static const char *const c_town[] = { "region", "kk", "ru" };
static const char *const c_names[] = { "kind", "kk", "ru" };
static const char *const c_orgs[] = { "kind", "kk", "ru" };
static const char *const c_phrases[] = { "key", "fits", "kk", "ru" };
static const char *const c_scen[] = {
	"key", "families", "flags", "ages", "sex", "topic", "diagnoses",
	"circumstances_kk", "circumstances_ru", "care_kk", "care_ru"
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *name;
	const char *const *cols;
	size_t	 ncols;
} files[T__MAX] = {
	{ "diagnoses.csv", c_dx, NELEM(c_dx) },
	{ "departments.csv", c_dept, NELEM(c_dept) },
	{ "topics.csv", c_kkru, NELEM(c_kkru) },
	{ "regions.csv", c_region, NELEM(c_region) },
	{ "towns.csv", c_town, NELEM(c_town) },
	{ "names.csv", c_names, NELEM(c_names) },
	{ "words.csv", c_kkru, NELEM(c_kkru) },
	{ "organizations.csv", c_orgs, NELEM(c_orgs) },
	{ "phrases.csv", c_phrases, NELEM(c_phrases) },
	{ "scenarios.csv", c_scen, NELEM(c_scen) },
};

static const char *const fam_names[F__MAX] = {
	"surgery", "obstetrics", "gynecology", "newborns", "therapy",
	"cardiology", "cardiac-surgery", "anesthesiology", "pediatrics",
	"pediatric-surgery", "pediatric-anesthesiology", "trauma", "burns",
	"neurology", "neurosurgery", "oncology", "urology", "eye", "ent",
	"dentistry", "psychiatry", "infections", "skin", "rehabilitation",
	"diagnostics", "transplantation"
};

static const char *const pool_names[P__MAX] = {
	"lead", "detail", "outcome-with", "outcome-without", "outcome-death",
	"harm", "anamnesis-open", "anamnesis-obstetric", "comorbidity",
	"no-comorbidity", "trigger", "trigger-obstetric", "no-trigger",
	"care", "measure", "plan-yes", "plan-no", "commission", "insured",
	"uninsured", "id-anamnesis", "id-circumstances", "id-care",
	"id-measures"
};

static const char *const harm_names[HARM__MAX] = {
	"harm.none-adult", "harm.none-child", "harm.group", "harm.child"
};

static const char *const org_names[OT__MAX] = {
	"multi", "children", "perinatal", "oncology", "cardiology",
	"psychiatry", "tuberculosis", "infectious", "emergency",
	"rehabilitation", "dermatology", "city-hospital", "polyclinic",
	"maternity", "dental", "town-hospital"
};

static const char *const org_allow[LANG__MAX] = {
	"REGION CENTRE TOWN NO", "REGION_F REGION_M OF_REGION CENTRE TOWN NO"
};

/* The rows of words.csv. */
enum wkind { WK_MONTH, WK_END_DIGIT, WK_END_TENS, WK_PATIENT, WK_FORMAT };

static const struct wkey {
	const char *key;
	enum wkind kind;
	int	 i;		/* month, class * 2 + sex, or the word */
	const char *allow[LANG__MAX];
} wkeys[] = {
	{ "month.1", WK_MONTH, 0, { NULL, NULL } },
	{ "month.2", WK_MONTH, 1, { NULL, NULL } },
	{ "month.3", WK_MONTH, 2, { NULL, NULL } },
	{ "month.4", WK_MONTH, 3, { NULL, NULL } },
	{ "month.5", WK_MONTH, 4, { NULL, NULL } },
	{ "month.6", WK_MONTH, 5, { NULL, NULL } },
	{ "month.7", WK_MONTH, 6, { NULL, NULL } },
	{ "month.8", WK_MONTH, 7, { NULL, NULL } },
	{ "month.9", WK_MONTH, 8, { NULL, NULL } },
	{ "month.10", WK_MONTH, 9, { NULL, NULL } },
	{ "month.11", WK_MONTH, 10, { NULL, NULL } },
	{ "month.12", WK_MONTH, 11, { NULL, NULL } },
	{ "date", WK_FORMAT, W_DATE,
	  { "DAY MONTH YEAR", "DAY MONTH YEAR" } },
	{ "time", WK_FORMAT, W_TIME, { "TIME ENDING", "TIME" } },
	{ "time.ending.1-9", WK_END_DIGIT, 0, { NULL, NULL } },
	{ "time.ending.0-50", WK_END_TENS, 0, { NULL, NULL } },
	{ "shift.weekend", WK_FORMAT, W_SHIFT_WEEKEND, { NULL, NULL } },
	{ "shift.day", WK_FORMAT, W_SHIFT_DAY, { NULL, NULL } },
	{ "shift.evening", WK_FORMAT, W_SHIFT_EVENING, { NULL, NULL } },
	{ "shift.night", WK_FORMAT, W_SHIFT_NIGHT, { NULL, NULL } },
	{ "patient.adult.m", WK_PATIENT, AC_ADULT * 2, { NULL, NULL } },
	{ "patient.adult.f", WK_PATIENT, AC_ADULT * 2 + 1, { NULL, NULL } },
	{ "patient.child.m", WK_PATIENT, AC_CHILD * 2, { NULL, NULL } },
	{ "patient.child.f", WK_PATIENT, AC_CHILD * 2 + 1, { NULL, NULL } },
	{ "patient.newborn.m", WK_PATIENT, AC_NEO * 2, { NULL, NULL } },
	{ "patient.newborn.f", WK_PATIENT, AC_NEO * 2 + 1, { NULL, NULL } },
	{ "aged.newborn", WK_FORMAT, W_AGED_NEWBORN,
	  { "PATIENT", "PATIENT" } },
	{ "aged.months", WK_FORMAT, W_AGED_MONTHS,
	  { "PATIENT MONTHS#", "PATIENT MONTHS#" } },
	{ "aged.years", WK_FORMAT, W_AGED_YEARS,
	  { "PATIENT AGE#", "PATIENT AGE#" } },
	{ "age", WK_FORMAT, W_AGE, { "AGE#", "AGE#" } },
	{ "address", WK_FORMAT, W_ADDRESS,
	  { "STREET HOUSE FLAT", "STREET HOUSE FLAT" } },
	{ "comorbidities", WK_FORMAT, W_COMORBIDITIES, { NULL, NULL } },
	{ "place", WK_FORMAT, W_PLACE,
	  { "ORGANIZATION DEPARTMENT", "ORGANIZATION DEPARTMENT" } },
};

/* ICD-10: a letter, two digits, optionally a dot and one or two. */
static int
valid_icd(const char *s)
{
	size_t	 n = strlen(s);

	return (n == 3 || n == 5 || n == 6) && s[0] >= 'A' && s[0] <= 'Z' &&
	    s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' &&
	    (n == 3 || (s[3] == '.' && s[4] >= '0' && s[4] <= '9' &&
	    (n == 5 || (s[5] >= '0' && s[5] <= '9'))));
}

/*
 * The loaders: each turns the rows of one file into the corpus and
 * checks them, in the order of corpus_load (a file may refer to those
 * before it); 0, or -1 and rs_err naming the file and line.
 */

/* Parse state of the word lists of one cell. */
struct words {
	const struct ctable *t;
	size_t	 r;
	int	 flags;
	int	 cls, amin, amax, ncls;
};

static int
dx_word(const char *w, size_t n, void *arg)
{
	static const char *const v[] = { "women", "men", "complication" };
	struct words	*s = arg;
	int		 i;

	if ((i = word_index(v, NELEM(v), w, n)) == -1)
		return row_err(s->t, s->r, "flags: unknown word '%.*s' "
		    "(women, men, complication)", (int)n, w);
	s->flags |= 1 << i;
	return 0;
}

static int
load_diagnoses(struct corpus *c, const struct ctable *t)
{
	struct words	 w;
	size_t		 r;

	if (check_keys(t, 0, valid_icd) == -1)
		return -1;
	c->dx = xcalloc(t->nrows, sizeof(*c->dx));
	c->ndx = t->nrows;
	for (r = 0; r < t->nrows; r++) {
		memset(&w, 0, sizeof(w));
		w.t = t;
		w.r = r;
		if (each_word(CELL(t, r, 1), dx_word, &w) == -1 ||
		    need_from(t, r, 2) == -1)
			return -1;
		c->dx[r].code = CELL(t, r, 0);
		c->dx[r].flags = w.flags;	/* DX_F, DX_M, DX_CX */
		c->dx[r].name[LANG_KK] = CELL(t, r, 2);
		c->dx[r].name[LANG_RU] = CELL(t, r, 3);
		c->dx[r].line = t->line[r];
	}
	return 0;
}

static int
load_departments(struct corpus *c, const struct ctable *t)
{
	struct department *d;
	size_t		 r;
	int		 l;

	if (check_keys(t, 0, valid_key) == -1)
		return -1;
	c->dept = xcalloc(t->nrows, sizeof(*c->dept));
	c->ndept = t->nrows;
	for (r = 0; r < t->nrows; r++) {
		if (need_from(t, r, 1) == -1)
			return -1;
		d = &c->dept[r];
		d->key = CELL(t, r, 0);
		for (l = 0; l < LANG__MAX; l++) {
			d->name[l] = CELL(t, r, 1 + l);
			d->in[l] = CELL(t, r, 3 + l);
			d->into[l] = CELL(t, r, 5 + l);
		}
	}
	return 0;
}

static int
load_topics(struct corpus *c, const struct ctable *t)
{
	size_t	 r;

	if (check_keys(t, 0, valid_key) == -1)
		return -1;
	c->topic = xcalloc(t->nrows, sizeof(*c->topic));
	c->ntopic = t->nrows;
	for (r = 0; r < t->nrows; r++) {
		if (need_from(t, r, 1) == -1)
			return -1;
		c->topic[r].key = CELL(t, r, 0);
		c->topic[r].text[LANG_KK] = CELL(t, r, 1);
		c->topic[r].text[LANG_RU] = CELL(t, r, 2);
	}
	return 0;
}

static int
load_regions(struct corpus *c, const struct ctable *t)
{
	struct region	*g;
	const char	*city;
	size_t		 r, k;
	long		 pop;

	if (check_keys(t, 0, NULL) == -1)
		return -1;
	if (t->nrows == 0)
		return rs_err("%s: no regions", t->path);
	c->region = xcalloc(t->nrows, sizeof(*c->region));
	c->nregion = t->nrows;
	for (r = 0; r < t->nrows; r++) {
		for (k = 0; k < 8; k++)
			if (need(t, r, k) == -1)
				return -1;
		g = &c->region[r];
		city = CELL(t, r, 2);
		if (parse_long(CELL(t, r, 1), 1, 100000, &pop) == -1)
			return row_err(t, r, "population: expected thousands "
			    "of people, 1 to 100000, not '%s'",
			    CELL(t, r, 1));
		if (strcmp(city, "yes") != 0 && strcmp(city, "no") != 0)
			return row_err(t, r, "city: expected 'yes' or 'no', "
			    "not '%s'", city);
		g->code = CELL(t, r, 0);
		g->pop = (int)pop;
		g->city = strcmp(city, "yes") == 0;
		g->centre[LANG_KK] = CELL(t, r, 3);
		g->centre[LANG_RU] = CELL(t, r, 4);
		g->adj_kk = CELL(t, r, 5);
		g->adj_f_ru = CELL(t, r, 6);
		g->adj_m_ru = CELL(t, r, 7);
		g->of_ru = CELL(t, r, 8);
		g->line = t->line[r];
	}
	return 0;
}

/* Towns after regions: each region gets its towns in file order. */
static int
load_towns(struct corpus *c, const struct ctable *t)
{
	struct region	*g;
	size_t		 r, i;

	for (r = 0; r < t->nrows; r++) {
		if (need_from(t, r, 0) == -1)
			return -1;
		for (i = 0; i < c->nregion; i++)
			if (strcmp(c->region[i].code, CELL(t, r, 0)) == 0)
				break;
		if (i == c->nregion)
			return row_err(t, r, "unknown region '%s' (not in "
			    "regions.csv)", CELL(t, r, 0));
		g = &c->region[i];
		g->town = xreallocarray(g->town, g->ntowns + 1,
		    sizeof(*g->town));
		g->town[g->ntowns][LANG_KK] = CELL(t, r, 1);
		g->town[g->ntowns][LANG_RU] = CELL(t, r, 2);
		g->ntowns++;
	}
	return 0;
}

static int
load_names(struct corpus *c, const struct ctable *t)
{
	static const char *const kinds[] = { "surname", "initial", "street" };
	struct names	*lists[3];
	struct names	*n;
	size_t		 r;
	int		 k;

	lists[0] = &c->surnames;
	lists[1] = &c->initials;
	lists[2] = &c->streets;
	for (r = 0; r < t->nrows; r++) {
		k = word_index(kinds, NELEM(kinds), CELL(t, r, 0),
		    strlen(CELL(t, r, 0)));
		if (k == -1)
			return row_err(t, r, "unknown kind '%s' (surname, "
			    "initial, street)", CELL(t, r, 0));
		if (need_from(t, r, 1) == -1)
			return -1;
		n = lists[k];
		n->v = xreallocarray(n->v, n->n + 1, sizeof(*n->v));
		n->v[n->n][LANG_KK] = CELL(t, r, 1);
		n->v[n->n][LANG_RU] = CELL(t, r, 2);
		n->n++;
	}
	for (k = 0; k < 3; k++)
		if (lists[k]->n == 0)
			return rs_err("%s: no rows of kind '%s'", t->path,
			    kinds[k]);
	return 0;
}

/*
 * Split cell (r, c) in place into want words separated by sep; -1 and
 * rs_err if the count differs.
 */
static int
split_cell(const struct ctable *t, size_t r, size_t c, int sep,
    const char **out, size_t want, const char *what)
{
	char	*s = CELL(t, r, c), *p;
	size_t	 n = 0;

	for (;;) {
		while (sep == ' ' && *s == ' ')
			s++;
		if (*s == '\0')
			break;
		if (n == want)
			return row_err(t, r, "%s: expected %zu %s, found "
			    "more", t->cols[c], want, what);
		out[n++] = s;
		if ((p = strchr(s, sep)) == NULL)
			break;
		*p = '\0';
		s = p + 1;
	}
	if (n != want)
		return row_err(t, r, "%s: expected %zu %s, found %zu",
		    t->cols[c], want, what, n);
	for (n = 0; n < want; n++)
		if (out[n][0] == '\0')
			return row_err(t, r, "%s: an empty form", t->cols[c]);
	return 0;
}

static int
load_words(struct corpus *c, const struct ctable *t)
{
	const struct wkey *w;
	const char	*forms[PC__MAX];
	size_t		 r, i, seen[NELEM(wkeys)];
	int		 l, k;

	memset(seen, 0, sizeof(seen));
	for (r = 0; r < t->nrows; r++) {
		for (i = 0; i < NELEM(wkeys); i++)
			if (strcmp(wkeys[i].key, CELL(t, r, 0)) == 0)
				break;
		if (i == NELEM(wkeys))
			return row_err(t, r, "unknown key '%s'",
			    CELL(t, r, 0));
		if (seen[i])
			return row_err(t, r, "duplicate key '%s' (first on "
			    "line %zu)", wkeys[i].key, seen[i]);
		seen[i] = t->line[r];
		w = &wkeys[i];
		/* The Kazakh endings have no Russian counterpart. */
		if (need(t, r, 1) == -1 || (w->kind != WK_END_DIGIT &&
		    w->kind != WK_END_TENS && need(t, r, 2) == -1))
			return -1;
		for (l = 0; l < LANG__MAX; l++)
			if (fmt_check(t, r, 1 + (size_t)l, w->allow[l]) == -1)
				return -1;
		switch (w->kind) {
		case WK_MONTH:
			for (l = 0; l < LANG__MAX; l++)
				c->month[w->i][l] = CELL(t, r, 1 + l);
			break;
		case WK_END_DIGIT:
			if (split_cell(t, r, 1, ' ', c->kk_end_digit + 1, 9,
			    "endings") == -1)
				return -1;
			c->kk_end_digit[0] = "";
			break;
		case WK_END_TENS:
			if (split_cell(t, r, 1, ' ', c->kk_end_tens, 6,
			    "endings") == -1)
				return -1;
			break;
		case WK_PATIENT:
			for (l = 0; l < LANG__MAX; l++) {
				if (split_cell(t, r, 1 + (size_t)l, '|', forms,
				    PC__MAX, "forms (nominative|genitive|"
				    "dative|accusative)") == -1)
					return -1;
				for (k = 0; k < PC__MAX; k++)
					c->patient[w->i / 2][w->i % 2][k][l] =
					    forms[k];
			}
			break;
		case WK_FORMAT:
			for (l = 0; l < LANG__MAX; l++)
				c->word[w->i][l] = CELL(t, r, 1 + l);
			break;
		}
	}
	for (i = 0; i < NELEM(wkeys); i++)
		if (!seen[i])
			return rs_err("%s: no row for the key '%s'", t->path,
			    wkeys[i].key);
	return 0;
}

static int
load_orgs(struct corpus *c, const struct ctable *t)
{
	size_t	 r, seen[OT__MAX];
	int	 k, l;

	memset(seen, 0, sizeof(seen));
	for (r = 0; r < t->nrows; r++) {
		k = word_index(org_names, OT__MAX, CELL(t, r, 0),
		    strlen(CELL(t, r, 0)));
		if (k == -1)
			return row_err(t, r, "unknown kind '%s'",
			    CELL(t, r, 0));
		if (seen[k])
			return row_err(t, r, "duplicate kind '%s' (first on "
			    "line %zu)", org_names[k], seen[k]);
		seen[k] = t->line[r];
		if (need_from(t, r, 1) == -1)
			return -1;
		for (l = 0; l < LANG__MAX; l++) {
			if (fmt_check(t, r, 1 + (size_t)l, org_allow[l]) ==
			    -1)
				return -1;
			c->org[k][l] = CELL(t, r, 1 + l);
		}
	}
	for (k = 0; k < OT__MAX; k++)
		if (!seen[k])
			return rs_err("%s: no row for the kind '%s'", t->path,
			    org_names[k]);
	return 0;
}

/* A word of a phrase's "fits". */
static int
fits_word(const char *w, size_t n, void *arg)
{
	static const char *const cls[] = {
		"adult", "child", "newborn", "not-newborn", "any"
	};
	static const char *const flags[] = {
		"alive", "clinical", "not-obstetrics", "inpatient"
	};
	struct words	*s = arg;
	int		 i;

	if ((i = word_index(cls, NELEM(cls), w, n)) != -1) {
		if (s->ncls++ > 0)
			return row_err(s->t, s->r, "fits: more than one age "
			    "class");
		s->cls = i == 4 ? AC_ANY : i;	/* AC_ADULT ... AC_NOTNEO */
	} else if ((i = word_index(flags, NELEM(flags), w, n)) != -1)
		s->flags |= 1 << i;		/* PF_ALIVE ... PF_INPAT */
	else if (parse_ages(w, n, &s->amin, &s->amax) == -1)
		return row_err(s->t, s->r, "fits: unknown word '%.*s' (any, "
		    "adult, child, newborn, not-newborn, AGE-AGE, alive, "
		    "clinical, not-obstetrics, inpatient)", (int)n, w);
	return 0;
}

static int
load_phrases(struct corpus *c, const struct ctable *t)
{
	struct phrase	*p;
	struct words	 w;
	const char	*key, *dot;
	size_t		 r, h;
	int		 k;

	if (check_keys(t, 0, valid_key) == -1)
		return -1;
	for (r = 0; r < t->nrows; r++) {
		key = CELL(t, r, 0);
		dot = strchr(key, '.');
		k = word_index(pool_names, P__MAX, key, dot != NULL ?
		    (size_t)(dot - key) : strlen(key));
		if (k == -1 || dot == NULL || dot[1] == '\0')
			return row_err(t, r, "key '%s': expected POOL.NAME "
			    "with a pool named in README.md", key);
		memset(&w, 0, sizeof(w));
		w.t = t;
		w.r = r;
		w.cls = AC_ANY;
		w.amax = 120;
		if (each_word(CELL(t, r, 1), fits_word, &w) == -1 ||
		    need_from(t, r, 2) == -1)
			return -1;
		if (k == P_HARM) {
			/* One phrase per role, kept in the roles' order. */
			for (h = 0; h < HARM__MAX; h++)
				if (strcmp(harm_names[h], key) == 0)
					break;
			if (h == HARM__MAX)
				return row_err(t, r, "key '%s': the harm "
				    "phrases are harm.none-adult, "
				    "harm.none-child, harm.group and "
				    "harm.child", key);
			if (c->pool[k] == NULL) {
				c->pool[k] = xcalloc(HARM__MAX,
				    sizeof(*c->pool[k]));
				c->npool[k] = HARM__MAX;
			}
			p = &c->pool[k][h];
		} else {
			c->pool[k] = xreallocarray(c->pool[k],
			    c->npool[k] + 1, sizeof(*c->pool[k]));
			p = &c->pool[k][c->npool[k]++];
		}
		p->key = key;
		p->cls = w.cls;
		p->amin = w.amin;
		p->amax = w.amax;
		p->flags = w.flags;
		p->text[LANG_KK] = CELL(t, r, 2);
		p->text[LANG_RU] = CELL(t, r, 3);
		p->line = t->line[r];
	}
	for (k = 0; k < P__MAX; k++)
		if (c->npool[k] == 0)
			return rs_err("%s: no phrases in the pool '%s'",
			    t->path, pool_names[k]);
	for (h = 0; h < HARM__MAX; h++)
		if (c->pool[P_HARM][h].key == NULL)
			return rs_err("%s: no row for the key '%s'", t->path,
			    harm_names[h]);
	return 0;
}

static int
fam_word(const char *w, size_t n, void *arg)
{
	struct words	*s = arg;
	int		 i;

	if (n == 3 && strncmp(w, "any", 3) == 0 && s->ncls++ == 0)
		return 0;
	if ((i = word_index(fam_names, F__MAX, w, n)) == -1)
		return row_err(s->t, s->r, "families: unknown family '%.*s' "
		    "(any, or the families named in README.md)", (int)n, w);
	s->flags |= (int)FM(i);
	return 0;
}

static int
scen_flag(const char *w, size_t n, void *arg)
{
	static const char *const v[] = {
		"with", "without", "death", "corporate", "outside"
	};
	struct words	*s = arg;
	int		 i;

	if ((i = word_index(v, NELEM(v), w, n)) == -1)
		return row_err(s->t, s->r, "flags: unknown word '%.*s' (with, "
		    "without, death, corporate, outside)", (int)n, w);
	s->flags |= 1 << i;		/* SC_W ... SC_OUT */
	return 0;
}

static int
load_scenarios(struct corpus *c, const struct ctable *t)
{
	struct scenario	*s;
	struct words	 w;
	char		*where;
	const char	*sex;
	size_t		 r, i;
	int		 l, rc;

	if (check_keys(t, 0, valid_key) == -1)
		return -1;
	c->scen = xcalloc(t->nrows, sizeof(*c->scen));
	c->nscen = t->nrows;
	for (r = 0; r < t->nrows; r++) {
		s = &c->scen[r];
		s->key = CELL(t, r, 0);
		s->line = t->line[r];
		memset(&w, 0, sizeof(w));
		w.t = t;
		w.r = r;
		if (each_word(CELL(t, r, 1), fam_word, &w) == -1)
			return -1;
		if (w.ncls > 0 && w.flags != 0)
			return row_err(t, r, "families: 'any' and a family");
		s->fams = (unsigned)w.flags;
		w.flags = 0;
		if (each_word(CELL(t, r, 2), scen_flag, &w) == -1)
			return -1;
		s->flags = w.flags;
		if (parse_ages(CELL(t, r, 3), strlen(CELL(t, r, 3)), &s->amin,
		    &s->amax) == -1)
			return row_err(t, r, "ages: expected AGE-AGE (0 to "
			    "120), not '%s'", CELL(t, r, 3));
		sex = CELL(t, r, 4);
		if (strcmp(sex, "F") == 0 || strcmp(sex, "M") == 0)
			s->sex = sex[0];
		else if (strcmp(sex, "any") != 0)
			return row_err(t, r, "sex: expected F, M or any, not "
			    "'%s'", sex);
		for (i = 0; i < c->ntopic; i++)
			if (strcmp(c->topic[i].key, CELL(t, r, 5)) == 0)
				break;
		if (i == c->ntopic)
			return row_err(t, r, "unknown topic '%s' (not in "
			    "topics.csv)", CELL(t, r, 5));
		s->topic = (int)i;
		if (CELL(t, r, 6)[0] != '\0') {
			where = xasprintf("%s:%zu", t->path, t->line[r]);
			rc = corpus_dx_list(c, CELL(t, r, 6), s->dx, &s->ndx,
			    &s->tied, where);
			free(where);
			if (rc == -1)
				return -1;
		}
		if (need_from(t, r, 7) == -1)
			return -1;
		for (l = 0; l < LANG__MAX; l++) {
			s->circ[l] = CELL(t, r, 7 + l);
			s->care[l] = CELL(t, r, 9 + l);
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

static int
is_dir(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Is dir a source tree (content/, templates/, static/), as for build? */
static int
is_srcdir(const char *dir)
{
	static const char *const subs[] = { "content", "templates", "static" };
	char	*p;
	size_t	 i;
	int	 ok = 1;

	for (i = 0; i < NELEM(subs) && ok; i++) {
		p = xasprintf("%s/%s", dir, subs[i]);
		ok = is_dir(p);
		free(p);
	}
	return ok;
}

/* The corpus directory of srcdir ("content/demo" for the current one). */
static int
find_dir(struct corpus *c, const char *srcdir)
{
	char	*base, *p;
	size_t	 n;

	if (srcdir != NULL) {
		base = xstrdup(srcdir);
		for (n = strlen(base); n > 1 && base[n - 1] == '/'; n--)
			base[n - 1] = '\0';
		p = xasprintf("%s/content/demo", base);
		if (!is_dir(p)) {
			free(p);
			free(base);
			return rs_err("%s: not a regsite source directory "
			    "(needs content/demo/)", srcdir);
		}
		free(p);
	} else if (is_srcdir("."))
		base = xstrdup(".");
	else if (is_srcdir(DATADIR))
		base = xstrdup(DATADIR);
	else
		return rs_err("no content/, templates/ and static/ here or in "
		    "%s: run regsite from its source tree, pass --source DIR, "
		    "or make install", DATADIR);
	c->dir = strcmp(base, ".") == 0 ? xstrdup("content/demo") :
	    xasprintf("%s/content/demo", base);
	free(base);
	return 0;
}

int
corpus_load(struct corpus *c, const char *srcdir)
{
	static int (*const load[T__MAX])(struct corpus *,
	    const struct ctable *) = {
		load_diagnoses, load_departments, load_topics, load_regions,
		load_towns, load_names, load_words, load_orgs, load_phrases,
		load_scenarios
	};
	size_t	 i;

	memset(c, 0, sizeof(*c));
	if (find_dir(c, srcdir) == -1)
		return -1;
	c->tab = xcalloc(T__MAX, sizeof(*c->tab));
	c->ntab = T__MAX;
	for (i = 0; i < T__MAX; i++)
		if (ctable_read(&c->tab[i], c->dir, files[i].name,
		    files[i].cols, files[i].ncols) == -1 ||
		    load[i](c, &c->tab[i]) == -1)
			return -1;
	c->path_phrases = c->tab[T_PHRASES].path;
	c->path_scenarios = c->tab[T_SCENARIOS].path;
	c->path_regions = c->tab[T_REGIONS].path;
	c->path_diagnoses = c->tab[T_DIAGNOSES].path;
	return 0;
}

void
corpus_free(struct corpus *c)
{
	size_t	 i;

	for (i = 0; i < c->ntab; i++)
		ctable_free(&c->tab[i]);
	free(c->tab);
	for (i = 0; i < P__MAX; i++)
		free(c->pool[i]);
	for (i = 0; i < c->nregion; i++)
		free(c->region[i].town);
	free(c->region);
	free(c->scen);
	free(c->dx);
	free(c->dept);
	free(c->topic);
	free(c->surnames.v);
	free(c->initials.v);
	free(c->streets.v);
	free(c->dir);
	memset(c, 0, sizeof(*c));
}

int
corpus_dept(const struct corpus *c, const char *key)
{
	size_t	 i;

	for (i = 0; i < c->ndept; i++)
		if (strcmp(c->dept[i].key, key) == 0)
			return (int)i;
	return -1;
}

int
corpus_dx_list(const struct corpus *c, const char *s, int out[MAXDX],
    int *n, int *tied, const char *where)
{
	size_t	 len, i;

	*n = 0;
	*tied = strchr(s, '|') != NULL;
	while (*s != '\0') {
		len = strcspn(s, " |");
		if (len == 0 || *n == MAXDX)
			return rs_err("%s: bad diagnosis list (at most %d "
			    "codes separated by spaces, or by '|')", where,
			    MAXDX);
		for (i = 0; i < c->ndx; i++)
			if (strlen(c->dx[i].code) == len &&
			    strncmp(c->dx[i].code, s, len) == 0)
				break;
		if (i == c->ndx)
			return rs_err("%s: unknown diagnosis '%.*s' (not in "
			    "diagnoses.csv)", where, (int)len, s);
		out[(*n)++] = (int)i;
		s += len;
		if (*s != '\0')
			s++;
	}
	return 0;
}
