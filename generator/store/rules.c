/*
 * rules.c -- the rules every value of a record must follow (REGISTRY.md
 * section 4): code lists, dates, ages, ICD-10 codes, the harm and
 * disability pair, free text in both languages.  regsite import applies
 * them to each CSV row and regsite validate to each database row, so a
 * record that validate accepts is exactly one that import would load.
 *
 * Limits of this project (documented in the README):
 *   source_ref, org_code   at most 64 bytes, no control characters
 *   free text (*_kk, *_ru) at most 8000 bytes each, both languages
 *                          present, line breaks and tabs allowed but no
 *                          other control characters
 *   occurred_at            local time 2025-02-14T10:30, from 2024-10-23
 *                          to the end of the reporting quarter and not
 *                          in the future; import also accepts a space
 *                          for the T and seconds (dropped)
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/dict.h"
#include "store/db.h"
#include "store/msg.h"
#include "store/rules.h"

/* The first day of the registry (Order No. 32 in force). */
#define REGISTRY_START	"2024-10-23T00:00"

/* Kazakhstan's one time zone since March 2024: UTC+5. */
#define KZ_UTC_OFFSET	(5 * 3600)

/* How much of an offending value a message shows, in code points. */
#define SHOW_MAX	40

enum kind {
	K_REF,		/* the submitter's reference, org code */
	K_REGION,	/* regions.code */
	K_PROFILE,	/* profiles.code */
	K_DATETIME,	/* occurred_at */
	K_ENUM,		/* one of vals */
	K_AGE,		/* whole years 0-120 */
	K_ICD10,	/* ICD-10 code of an existing category */
	K_TEXT,		/* free text, one language of a pair */
	K_DISABILITY	/* depends on harm */
};

struct col {
	const char	*name;
	enum kind	 kind;
	const char *const *vals;	/* K_ENUM (two), K_DISABILITY */
};

static const char *const v_category[] = { "clinical", "corporate", NULL };
static const char *const v_consequence[] = { "with", "without", NULL };
static const char *const v_yesno[] = { "yes", "no", NULL };
static const char *const v_sex[] = { "M", "F", NULL };
static const char *const v_harm[] = { "iatrogenic", "death", NULL };
static const char *const v_disability[] =
    { "none", "I", "II", "III", "child", NULL };

/* Form 1, Annex 1: medical incidents. */
static const struct col cols_incidents[] = {
	{ "source_ref", K_REF, NULL },
	{ "org_code", K_REF, NULL },
	{ "region", K_REGION, NULL },
	{ "occurred_at", K_DATETIME, NULL },
	{ "category", K_ENUM, v_category },
	{ "consequence", K_ENUM, v_consequence },
	{ "circumstances_kk", K_TEXT, NULL },
	{ "circumstances_ru", K_TEXT, NULL },
	{ "profile", K_PROFILE, NULL },
	{ "anamnesis_kk", K_TEXT, NULL },
	{ "anamnesis_ru", K_TEXT, NULL },
	{ "trigger", K_ENUM, v_yesno },
	{ "sex", K_ENUM, v_sex },
	{ "age_years", K_AGE, NULL },
	{ "diagnosis_icd10", K_ICD10, NULL },
	{ "care_kk", K_TEXT, NULL },
	{ "care_ru", K_TEXT, NULL },
	{ "measures_kk", K_TEXT, NULL },
	{ "measures_ru", K_TEXT, NULL },
	{ "corrective_plan", K_ENUM, v_yesno },
};

/* Form 2, Annex 2: insurance cases.  HARM_COL is the harm column. */
#define HARM_COL 12
static const struct col cols_insurance[] = {
	{ "source_ref", K_REF, NULL },
	{ "org_code", K_REF, NULL },
	{ "region", K_REGION, NULL },
	{ "occurred_at", K_DATETIME, NULL },
	{ "place_kk", K_TEXT, NULL },
	{ "place_ru", K_TEXT, NULL },
	{ "profile", K_PROFILE, NULL },
	{ "sex", K_ENUM, v_sex },
	{ "diagnosis_icd10", K_ICD10, NULL },
	{ "insured", K_ENUM, v_yesno },
	{ "anamnesis_kk", K_TEXT, NULL },
	{ "anamnesis_ru", K_TEXT, NULL },
	{ "harm", K_ENUM, v_harm },
	{ "disability", K_DISABILITY, v_disability },
	{ "circumstances_kk", K_TEXT, NULL },
	{ "circumstances_ru", K_TEXT, NULL },
	{ "care_kk", K_TEXT, NULL },
	{ "care_ru", K_TEXT, NULL },
	{ "measures_kk", K_TEXT, NULL },
	{ "measures_ru", K_TEXT, NULL },
};

static const struct {
	const struct col *cols;
	size_t		 ncols;
	const char	*name;
	const char	*table;
} forms[FORM__MAX] = {
	{ cols_incidents, sizeof(cols_incidents) / sizeof(cols_incidents[0]),
	    "incidents", "incidents" },
	{ cols_insurance, sizeof(cols_insurance) / sizeof(cols_insurance[0]),
	    "insurance", "insurance_cases" },
};

struct rules {
	char	**regions;		/* sorted (memcmp order) */
	size_t	  nregions;
	char	**profiles;		/* sorted */
	size_t	  nprofiles;
	unsigned char icd[26 * 100];	/* 1: category A00..Z99 exists */
	char	  now[17];		/* local time, YYYY-MM-DDTHH:MM */
	enum oplang lang;		/* of the messages */
};

size_t
rules_ncols(enum form form)
{
	return forms[form].ncols;
}

const char *
rules_colname(enum form form, size_t col)
{
	return forms[form].cols[col].name;
}

int
rules_colfind(enum form form, const char *name, size_t len)
{
	size_t	 i;

	for (i = 0; i < forms[form].ncols; i++)
		if (strlen(forms[form].cols[i].name) == len &&
		    memcmp(forms[form].cols[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

int
rules_colint(enum form form, size_t col)
{
	return forms[form].cols[col].kind == K_AGE;
}

const char *
rules_formname(enum form form)
{
	return forms[form].name;
}

const char *
rules_table(enum form form)
{
	return forms[form].table;
}

static int
isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* Load one column of codes, sorted by the database's binary collation. */
static int
load_codes(sqlite3 *db, const char *sql, char ***out, size_t *np)
{
	sqlite3_stmt	*st;
	const unsigned char *s;
	char		**v = NULL;
	size_t		 n = 0;
	int		 rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_err(db, "reading the code lists");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((s = sqlite3_column_text(st, 0)) == NULL)
			continue;
		v = xreallocarray(v, n + 1, sizeof(*v));
		v[n++] = xstrdup((const char *)s);
	}
	sqlite3_finalize(st);
	*out = v;
	*np = n;
	if (rc != SQLITE_DONE)
		return db_err(db, "reading the code lists");
	return 0;
}

/*
 * The code lists of the database: regions, profiles, ICD-10 categories.
 * The caller frees the result with rules_free.
 */
struct rules *
rules_new(sqlite3 *db, enum oplang lang)
{
	struct rules	*r;
	sqlite3_stmt	*st;
	const unsigned char *c;
	time_t		 t;
	struct tm	 tm;
	int		 rc;

	r = xcalloc(1, sizeof(*r));
	r->lang = lang;
	if (load_codes(db, "SELECT code FROM regions ORDER BY code",
	    &r->regions, &r->nregions) == -1 ||
	    load_codes(db, "SELECT code FROM profiles ORDER BY code",
	    &r->profiles, &r->nprofiles) == -1)
		goto fail;
	if (sqlite3_prepare_v2(db, "SELECT code FROM icd10_categories", -1,
	    &st, NULL) != SQLITE_OK) {
		db_err(db, "reading the code lists");
		goto fail;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c = sqlite3_column_text(st, 0);
		if (sqlite3_column_bytes(st, 0) == 3 && c[0] >= 'A' &&
		    c[0] <= 'Z' && isdig((char)c[1]) && isdig((char)c[2]))
			r->icd[(c[0] - 'A') * 100 + (c[1] - '0') * 10 +
			    (c[2] - '0')] = 1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_err(db, "reading the code lists");
		goto fail;
	}
	t = time(NULL) + KZ_UTC_OFFSET;
	gmtime_r(&t, &tm);
	strftime(r->now, sizeof(r->now), "%Y-%m-%dT%H:%M", &tm);
	return r;
fail:
	rules_free(r);
	return NULL;
}

void
rules_free(struct rules *r)
{
	size_t	 i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nregions; i++)
		free(r->regions[i]);
	for (i = 0; i < r->nprofiles; i++)
		free(r->profiles[i]);
	free(r->regions);
	free(r->profiles);
	free(r);
}

/* Whether s[0..len) is one of the sorted codes v[0..n). */
static int
in_sorted(char *const *v, size_t n, const char *s, size_t len)
{
	size_t	 lo = 0, hi = n, mid, l;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		l = strlen(v[mid]);
		c = memcmp(v[mid], s, l < len ? l : len);
		if (c == 0)
			c = l < len ? -1 : l > len;
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Whether s[0..len) is one of the NULL-terminated list v. */
static int
in_list(const char *const *v, const char *s, size_t len)
{
	for (; *v != NULL; v++)
		if (strlen(*v) == len && memcmp(*v, s, len) == 0)
			return 1;
	return 0;
}

/* The value of the n digits at s, or -1 if any is not a digit. */
static int
digits(const char *s, int n)
{
	int	 v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdig(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
days_in_month(int y, int m)
{
	static const int days[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/*
 * Parse YYYY-MM-DDTHH:MM; lenient also takes a space for the T and
 * ":SS" seconds.  On success write the canonical form (16 bytes) to
 * out.  Returns 0, -1 if the shape is wrong, -2 if it names no real
 * date or time.
 */
static int
parse_datetime(const char *s, size_t len, int lenient, char out[17])
{
	int	 y, mo, d, h, mi, sec;

	if (len != 16 && !(lenient && len == 19))
		return -1;
	if (s[4] != '-' || s[7] != '-' || s[13] != ':')
		return -1;
	if (s[10] != 'T' && !(lenient && s[10] == ' '))
		return -1;
	if ((y = digits(s, 4)) < 0 || (mo = digits(s + 5, 2)) < 0 ||
	    (d = digits(s + 8, 2)) < 0 || (h = digits(s + 11, 2)) < 0 ||
	    (mi = digits(s + 14, 2)) < 0)
		return -1;
	sec = 0;
	if (len == 19 && (s[16] != ':' || (sec = digits(s + 17, 2)) < 0))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
	    h > 23 || mi > 59 || sec > 59)
		return -2;
	memcpy(out, s, 16);
	out[10] = 'T';
	out[16] = '\0';
	return 0;
}

void
rules_quarter(const char *dt, char out[7])
{
	memcpy(out, dt, 4);
	out[4] = 'Q';
	out[5] = (char)('1' + ((dt[5] - '0') * 10 + (dt[6] - '0') - 1) / 3);
	out[6] = '\0';
}

/*
 * Rewrite free text in place: CRLF and lone CR become LF, and white
 * space (space, tab, line breaks) around the text is dropped.
 */
static void
normalize_text(struct rfield *f)
{
	size_t	 i, j, start, end;
	char	*s = f->s;

	if ((i = j = f->len) > 0 && memchr(s, '\r', f->len) != NULL)
		i = j = 0;
	for (; i < f->len; i++) {
		if (s[i] == '\r') {
			s[j++] = '\n';
			if (i + 1 < f->len && s[i + 1] == '\n')
				i++;
		} else
			s[j++] = s[i];
	}
	start = 0;
	end = j;
	while (start < end && (s[start] == ' ' || s[start] == '\t' ||
	    s[start] == '\n'))
		start++;
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t' ||
	    s[end - 1] == '\n'))
		end--;
	if (start > 0)
		memmove(s, s + start, end - start);
	f->len = end - start;
}

/*
 * Whether a code point is invisible or may reorder what is shown: the
 * no-break and other format spaces, zero-width characters, the
 * bidirectional controls, the byte-order mark.  A message shows them
 * escaped, and a reference must not hold them (" QS1" with a
 * zero-width space would be another reference than "QS1").
 */
static int
invisible(uint32_t cp)
{
	return cp == 0xa0 || cp == 0xad || cp == 0x34f || cp == 0x61c ||
	    cp == 0x180e || (cp >= 0x2000 && cp <= 0x200f) ||
	    (cp >= 0x2028 && cp <= 0x202f) || cp == 0x205f ||
	    (cp >= 0x2060 && cp <= 0x206f) || cp == 0x3000 ||
	    cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb);
}

/*
 * Whether valid UTF-8 s[0..len) holds a control character (C0, DEL,
 * C1; LF and TAB are allowed in text) or, with refs, an invisible one;
 * the first goes to *cp and *inv says which kind.
 */
static int
find_control(const char *s, size_t len, int text, int refs, uint32_t *cp,
    int *inv)
{
	const unsigned char *u = (const unsigned char *)s;
	const char	*p = s, *e = s + len;
	uint32_t	 c;
	size_t		 i;

	if (!refs) {
		/*
		 * Byte by byte (texts are long): in valid UTF-8 a C0 or DEL
		 * is its own byte and a C1 is C2 80..C2 9F.
		 */
		for (i = 0; i < len; i++) {
			if (u[i] >= 0x20 && u[i] != 0x7f && (u[i] != 0xc2 ||
			    i + 1 == len || u[i + 1] > 0x9f))
				continue;
			if (u[i] == 0xc2)
				c = u[i + 1];
			else if (text && (u[i] == '\n' || u[i] == '\t'))
				continue;
			else
				c = u[i];
			*cp = c;
			*inv = 0;
			return 1;
		}
		return 0;
	}
	while (p < e) {
		c = utf8_next(&p, e);
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
			if (text && (c == '\n' || c == '\t'))
				continue;
			*cp = c;
			*inv = 0;
			return 1;
		}
		if (refs && invisible(c)) {
			*cp = c;
			*inv = 1;
			return 1;
		}
	}
	return 0;
}

/* Whether s[0..len) begins or ends with white space. */
static int
surrounding_space(const char *s, size_t len, int text)
{
	const char	*ws = text ? " \t\n" : " \t";

	return len > 0 && (strchr(ws, s[0]) != NULL ||
	    strchr(ws, s[len - 1]) != NULL);
}

/*
 * Check the value of one column; NULL if it is fine, else what is wrong
 * (a message of the catalog or msg).  May normalize f[col] in place.
 */
static const char *
check_one(const struct rules *r, enum form form, size_t col,
    struct rfield *f, const char *rq, int flags, char *m, size_t msz)
{
	const struct col *c = &forms[form].cols[col];
	struct rfield	*v = &f[col];
	const char	*s = v->s;
	enum oplang	 l = r->lang;
	char		 dt[17], q[7], tmp[16];
	long		 age;
	uint32_t	 cp;
	int		 rc, n, ry, rqn, inv;

	if (c->kind == K_TEXT && (flags & RULES_NORMALIZE)) {
		normalize_text(v);
		s = v->s;
	}
	if (!utf8_valid(s, v->len))
		return msg(l, M_BAD_UTF8);
	/* Every field: no control characters (a NUL would end it). */
	if (find_control(s, v->len, c->kind == K_TEXT, c->kind == K_REF,
	    &cp, &inv)) {
		snprintf(m, msz, msg(l, inv ? M_INVISIBLE : M_CONTROL),
		    (unsigned)cp);
		return m;
	}
	/* Import trims every field; a stored value must be trimmed. */
	if (surrounding_space(s, v->len, c->kind == K_TEXT))
		return msg(l, M_SPACE);
	if (v->len == 0) {
		if (c->kind != K_DISABILITY)
			return msg(l, M_MISSING);
		if (f[HARM_COL].len == 5 && memcmp(f[HARM_COL].s, "death",
		    5) == 0)
			return NULL;
		if (f[HARM_COL].len == 10 && memcmp(f[HARM_COL].s,
		    "iatrogenic", 10) == 0)
			return msg(l, M_DISAB_NEEDED);
		return NULL;	/* harm itself is wrong */
	}

	switch (c->kind) {
	case K_REF:
	case K_TEXT:
		n = c->kind == K_REF ? RULES_REF_MAX : RULES_TEXT_MAX;
		if (v->len > (size_t)n) {
			snprintf(m, msz, msg(l, M_TOO_LONG), v->len, n);
			return m;
		}
		return NULL;
	case K_REGION:
		if (!in_sorted(r->regions, r->nregions, s, v->len))
			return msg(l, M_REGION);
		return NULL;
	case K_PROFILE:
		if (!in_sorted(r->profiles, r->nprofiles, s, v->len))
			return msg(l, M_PROFILE);
		return NULL;
	case K_ENUM:
		if (!in_list(c->vals, s, v->len)) {
			snprintf(m, msz, msg(l, M_EXPECT2), c->vals[0],
			    c->vals[1]);
			return m;
		}
		return NULL;
	case K_DISABILITY:
		if (!in_list(c->vals, s, v->len))
			return msg(l, M_EXPECT_DISAB);
		if (f[HARM_COL].len == 5 && memcmp(f[HARM_COL].s, "death",
		    5) == 0)
			return msg(l, M_DISAB_DEATH);
		return NULL;
	case K_AGE:
		if (v->len >= sizeof(tmp))
			return msg(l, M_AGE);
		memcpy(tmp, s, v->len);
		tmp[v->len] = '\0';
		if (parse_long(tmp, 0, 120, &age) == -1)
			return msg(l, M_AGE);
		return NULL;
	case K_ICD10:
		if ((v->len != 3 && v->len != 5 && v->len != 6) ||
		    s[0] < 'A' || s[0] > 'Z' || !isdig(s[1]) ||
		    !isdig(s[2]) || (v->len > 3 && (s[3] != '.' ||
		    !isdig(s[4]) || (v->len == 6 && !isdig(s[5])))))
			return msg(l, M_ICD);
		if (!r->icd[(s[0] - 'A') * 100 + (s[1] - '0') * 10 +
		    (s[2] - '0')]) {
			snprintf(m, msz, msg(l, M_ICD_CAT), s);
			return m;
		}
		return NULL;
	case K_DATETIME:
		rc = parse_datetime(s, v->len, flags & RULES_NORMALIZE, dt);
		if (rc == -1)
			return msg(l, M_DATETIME);
		if (rc == -2)
			return msg(l, M_NO_DATE);
		if (strcmp(dt, REGISTRY_START) < 0)
			return msg(l, M_BEFORE_START);
		rules_quarter(dt, q);
		if (quarter_parse(rq, &ry, &rqn) == 0 && strcmp(q, rq) > 0) {
			snprintf(m, msz, msg(l, M_AFTER_Q), rq);
			return m;
		}
		if (strcmp(dt, r->now) > 0)
			return msg(l, M_FUTURE);
		if (flags & RULES_NORMALIZE) {
			memcpy(v->s, dt, 16);
			v->len = 16;
		}
		return NULL;
	}
	return NULL;
}

size_t
rules_check(const struct rules *r, enum form form, const char *rq,
    struct rfield *f, int flags,
    void (*cb)(void *, size_t, const char *, const char *, size_t),
    void *arg)
{
	char		 m[320];
	const char	*what;
	size_t		 i, n = 0;

	for (i = 0; i < forms[form].ncols; i++) {
		what = check_one(r, form, i, f, rq, flags, m, sizeof(m));
		if (what != NULL) {
			cb(arg, i, what, f[i].s, f[i].len);
			n++;
		}
	}
	return n;
}

enum oplang
rules_lang(const struct rules *r)
{
	return r->lang;
}

/*
 * Show a value in a message: at most SHOW_MAX code points then an
 * ellipsis; line breaks and tabs as \n \r \t, other controls and the
 * invisible characters as <U+XXXX>, malformed bytes as \xHH, so a
 * message stays on one line and shows what is there.
 */
void
rules_show(struct buf *b, const char *v, size_t vlen)
{
	const char	*p = v, *e = v + vlen, *q;
	uint32_t	 cp;
	int		 shown = 0;

	while (p < e) {
		if (shown++ == SHOW_MAX) {
			BUF_LIT(b, "\xe2\x80\xa6");	/* ... */
			break;
		}
		q = p;
		cp = utf8_next(&p, e);
		if (cp == 0xfffd && (p - q != 3 || memcmp(q, "\xef\xbf\xbd",
		    3) != 0)) {
			buf_printf(b, "\\x%02X", (unsigned char)*q);
			continue;
		}
		if (cp == '\n')
			BUF_LIT(b, "\\n");
		else if (cp == '\r')
			BUF_LIT(b, "\\r");
		else if (cp == '\t')
			BUF_LIT(b, "\\t");
		else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
		    invisible(cp))
			buf_printf(b, "<U+%04X>", cp);
		else
			buf_put(b, q, (size_t)(p - q));
	}
}

void
rules_describe(struct buf *b, enum oplang l, const char *name,
    const char *what, const char *v, size_t vlen)
{
	buf_printf(b, msg(l, M_FIELD), name, what);
	if (vlen == 0)
		return;
	BUF_LIT(b, " (");
	rules_show(b, v, vlen);
	buf_putc(b, ')');
}
