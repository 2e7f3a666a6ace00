/*
 * catalog.c -- the translation catalog: every word of the interface,
 * in Kazakh and Russian, from content/catalog.csv (read with libcsv).
 *
 * The file has the header "key,kk,ru" and one row per key.  A key is
 * lower case ASCII letters, digits and '_'.  Both texts must be
 * present.  Words that agree with a number in Russian hold three forms
 * separated by '|' ("запись|записи|записей"; one, few, many); trn()
 * picks one.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "lib/lib.h"
#include "render/mustache.h"
#include "render/catalog.h"

struct entry {
	char	*key;
	char	*text[LANG__MAX];
	size_t	 line;
};

struct catalog {
	struct entry	*v;
	size_t		 n;
	char		*missing;	/* first key asked for and absent */
	const char	*path;
};

/* Parsing state for the libcsv callbacks. */
struct parse {
	struct catalog	*cat;
	char		*field[3];
	size_t		 nfield;
	size_t		 line;		/* line the current row started on */
	size_t		 cur;		/* line being fed */
	int		 header;	/* header row seen */
	int		 failed;
};

static void
parse_field(void *s, size_t len, void *arg)
{
	struct parse	*p = arg;

	if (p->nfield == 0)
		p->line = p->cur;
	if (p->nfield < 3)
		p->field[p->nfield] = xstrndup(s, len);
	p->nfield++;
}

static int
valid_key(const char *k)
{
	if (*k == '\0')
		return 0;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') ||
		    *k == '_'))
			return 0;
	return 1;
}

static void
parse_row(int c, void *arg)
{
	struct parse	*p = arg;
	struct catalog	*cat = p->cat;
	struct entry	*e;
	size_t		 i;

	(void)c;
	if (p->failed)
		goto out;
	if (p->nfield == 1 && p->field[0][0] == '\0')
		goto out;			/* blank line */
	if (!p->header) {
		if (p->nfield != 3 || strcmp(p->field[0], "key") ||
		    strcmp(p->field[1], "kk") || strcmp(p->field[2], "ru")) {
			rs_err("%s:%zu: expected the header 'key,kk,ru'",
			    cat->path, p->line);
			p->failed = 1;
		}
		p->header = 1;
		goto out;
	}
	if (p->nfield != 3) {
		rs_err("%s:%zu: expected 3 fields (key,kk,ru), found %zu",
		    cat->path, p->line, p->nfield);
		p->failed = 1;
		goto out;
	}
	if (!valid_key(p->field[0])) {
		rs_err("%s:%zu: invalid key '%s'", cat->path, p->line,
		    p->field[0]);
		p->failed = 1;
		goto out;
	}
	for (i = 0; i < cat->n; i++)
		if (strcmp(cat->v[i].key, p->field[0]) == 0) {
			rs_err("%s:%zu: duplicate key '%s' (first on line "
			    "%zu)", cat->path, p->line, p->field[0],
			    cat->v[i].line);
			p->failed = 1;
			goto out;
		}
	for (i = 1; i < 3; i++)
		if (p->field[i][0] == '\0') {
			rs_err("%s:%zu: key '%s' has no %s text", cat->path,
			    p->line, p->field[0],
			    i == 1 ? "Kazakh (kk)" : "Russian (ru)");
			p->failed = 1;
			goto out;
		}
	cat->v = xreallocarray(cat->v, cat->n + 1, sizeof(*cat->v));
	e = &cat->v[cat->n++];
	e->key = p->field[0];
	e->text[LANG_KK] = p->field[1];
	e->text[LANG_RU] = p->field[2];
	e->line = p->line;
	p->field[0] = p->field[1] = p->field[2] = NULL;
out:
	for (i = 0; i < 3; i++) {
		free(p->field[i]);
		p->field[i] = NULL;
	}
	p->nfield = 0;
}

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->key,
	    ((const struct entry *)b)->key);
}

/*
 * Parse catalog text (named path in messages).  Returns a catalog the
 * caller frees with catalog_free, or NULL and rs_err.
 */
struct catalog *
catalog_parse(const char *text, size_t len, const char *path)
{
	struct csv_parser csv;
	struct parse	 p;
	struct catalog	*cat;
	const char	*s = text, *e = text + len, *nl;
	size_t		 i;

	/* Text first: a NUL byte would cut a field short unseen. */
	if (text_check(path, text, len) == -1)
		return NULL;
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	cat = xcalloc(1, sizeof(*cat));
	cat->path = path;
	memset(&p, 0, sizeof(p));
	p.cat = cat;
	if (csv_init(&csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
	    != 0)
		goto fail_init;
	/* Feed line by line so rows know their line numbers. */
	for (p.cur = 1; s < e && !p.failed; p.cur++, s = nl) {
		if ((nl = memchr(s, '\n', (size_t)(e - s))) == NULL)
			nl = e;
		else
			nl++;
		if (csv_parse(&csv, s, (size_t)(nl - s), parse_field,
		    parse_row, &p) != (size_t)(nl - s)) {
			rs_err("%s:%zu: malformed quoting (a quote inside an "
			    "unquoted field, or text after a closing quote)",
			    path, p.cur);
			p.failed = 1;
		}
	}
	p.cur--;
	if (!p.failed && csv_fini(&csv, parse_field, parse_row, &p) != 0) {
		rs_err("%s:%zu: unterminated quoted field", path, p.cur);
		p.failed = 1;
	}
	csv_free(&csv);
	for (i = 0; i < 3; i++)
		free(p.field[i]);
	if (!p.failed && !p.header) {
		rs_err("%s: empty catalog", path);
		p.failed = 1;
	}
	if (p.failed) {
		catalog_free(cat);
		return NULL;
	}
	if (cat->n > 1)
		qsort(cat->v, cat->n, sizeof(*cat->v), entry_cmp);
	return cat;
fail_init:
	free(cat);
	rs_err("%s: cannot initialise the CSV parser", path);
	return NULL;
}

struct catalog *
catalog_load(const char *path)
{
	struct catalog	*cat;
	char		*text;
	size_t		 len;

	if ((text = file_read(path, &len)) == NULL)
		return NULL;
	cat = catalog_parse(text, len, path);
	free(text);
	return cat;
}

void
catalog_free(struct catalog *cat)
{
	size_t	 i;

	if (cat == NULL)
		return;
	for (i = 0; i < cat->n; i++) {
		free(cat->v[i].key);
		free(cat->v[i].text[LANG_KK]);
		free(cat->v[i].text[LANG_RU]);
	}
	free(cat->v);
	free(cat->missing);
	free(cat);
}

static const struct entry *
find(const struct catalog *cat, const char *key)
{
	struct entry	 k;

	k.key = (char *)key;
	return bsearch(&k, cat->v, cat->n, sizeof(*cat->v), entry_cmp);
}

/*
 * The text of key in lang.  A missing key is remembered (the build
 * fails on it at the end, naming it: catalog_missing) and yields "".
 */
const char *
tr(struct catalog *cat, enum lang lang, const char *key)
{
	const struct entry *e;

	if ((e = find(cat, key)) != NULL)
		return e->text[lang];
	if (cat->missing == NULL)
		cat->missing = xstrdup(key);
	return "";
}

/* The title of form f in lang. */
const char *
tr_form(struct catalog *cat, enum lang lang, enum form f)
{
	return tr(cat, lang, f == FORM_INCIDENTS ? "form1_title" :
	    "form2_title");
}

/*
 * The form of key that agrees with n: Russian one/few/many ("1 запись,
 * 2 записи, 5 записей"); a text without '|' is used for every n.
 * Appended to out.
 */
void
trn(struct buf *out, struct catalog *cat, enum lang lang, const char *key,
    long long n)
{
	const char	*s, *bar;
	int		 form, i;
	long long	 m10, m100;

	s = tr(cat, lang, key);
	if (n < 0)
		n = -n;
	m10 = n % 10;
	m100 = n % 100;
	if (m10 == 1 && m100 != 11)
		form = 0;
	else if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14))
		form = 1;
	else
		form = 2;
	/* With fewer forms than needed, the last one serves. */
	for (i = 0; i < form; i++) {
		if ((bar = strchr(s, '|')) == NULL)
			break;
		s = bar + 1;
	}
	bar = strchr(s, '|');
	buf_put(out, s, bar ? (size_t)(bar - s) : strlen(s));
}

/*
 * Append the text of key with its placeholders filled: "{name}" is
 * replaced by the value following name in the NULL-terminated list of
 * name, value pairs.  An unknown placeholder is kept as it is.  The
 * result is plain text, for the caller to escape.
 */
void
trf(struct buf *out, struct catalog *cat, enum lang lang, const char *key,
    ...)
{
	const char	*s, *open, *close, *name, *val;
	va_list		 ap;
	size_t		 len;

	s = tr(cat, lang, key);
	while ((open = strchr(s, '{')) != NULL &&
	    (close = strchr(open, '}')) != NULL) {
		buf_put(out, s, (size_t)(open - s));
		len = (size_t)(close - open - 1);
		va_start(ap, key);
		val = NULL;
		while ((name = va_arg(ap, const char *)) != NULL) {
			const char *v = va_arg(ap, const char *);

			if (strlen(name) == len &&
			    strncmp(name, open + 1, len) == 0) {
				val = v;
				break;
			}
		}
		va_end(ap);
		if (val != NULL)
			buf_puts(out, val);
		else
			buf_put(out, open, (size_t)(close - open + 1));
		s = close + 1;
	}
	buf_puts(out, s);
}

const char *
catalog_missing(const struct catalog *cat)
{
	return cat->missing;
}

/* All texts of lang as a strict map for templates ({{t.key}}). */
struct mval *
catalog_mval(const struct catalog *cat, enum lang lang)
{
	struct mval	*m;
	size_t		 i;

	m = mv_map();
	mv_strict(m, "catalog key");
	for (i = 0; i < cat->n; i++)
		mv_sets(m, cat->v[i].key, cat->v[i].text[lang]);
	return m;
}

size_t
catalog_size(const struct catalog *cat)
{
	return cat->n;
}

void
catalog_set_missing(struct catalog *cat, const char *key)
{
	if (cat->missing == NULL)
		cat->missing = xstrdup(key);
}
