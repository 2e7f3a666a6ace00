/*
 * config.c -- the site configuration: an INI file read over built-in
 * defaults.  Every key is listed in the keys[] table below with its
 * type and range; an unknown section or key, a repeated key or a bad
 * value is an error naming the file and line.
 *
 * The format: "[section]" lines, "key = value" lines (the value is the
 * rest of the line, spaces trimmed), and comment lines starting with
 * '#' or ';'.  No inline comments (values may contain ';').  The file
 * is UTF-8 text: a NUL byte or a control character anywhere is an
 * error (text_check), never the silent end of the file.  Names are
 * published on every page, so they hold no invisible or bidirectional
 * character and at most NAME_MAX_CHARS characters.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/config.h"

/* The longest site or organization name, in characters. */
#define NAME_MAX_CHARS	300
/* The longest base URL, in bytes. */
#define URL_MAX		512

enum ktype {
	K_TEXT,		/* any non-empty UTF-8 text */
	K_URL,		/* absolute http(s) URL, stored with a final '/' */
	K_LONG,		/* whole number in [min, max] */
	K_BOOL,		/* yes | no */
	K_CHOICE,	/* one of choices[], stored as its index */
	K_DATE		/* YYYY-MM-DD, a valid day */
};

struct key {
	const char	*section;
	const char	*name;
	enum ktype	 type;
	size_t		 off;		/* into struct config */
	long		 min, max;
	const char *const *choices;
};

static const char *const free_text_choices[] = { "off", "scrubbed", NULL };
static const char *const date_choices[] = { "month", "quarter", NULL };
static const char *const ages_choices[] = { "all", "over90", NULL };
static const char *const age_choices[] = { "5", "10", "20", NULL };
static const char *const dx_choices[] = { "category", "chapter", NULL };
static const char *const profile_choices[] = { "specialty", "group", NULL };
static const char *const place_choices[] = { "region", "hidden", NULL };

#define OFF(f) offsetof(struct config, f)

static const struct key keys[] = {
	{ "site", "name_kk", K_TEXT, OFF(site_name[LANG_KK]), 0, 0, NULL },
	{ "site", "name_ru", K_TEXT, OFF(site_name[LANG_RU]), 0, 0, NULL },
	{ "site", "organization_kk", K_TEXT, OFF(org_name[LANG_KK]), 0, 0,
	  NULL },
	{ "site", "organization_ru", K_TEXT, OFF(org_name[LANG_RU]), 0, 0,
	  NULL },
	{ "site", "base_url", K_URL, OFF(base_url), 0, 0, NULL },
	{ "site", "rows_per_page", K_LONG, OFF(rows_per_page), 10, 1000,
	  NULL },
	{ "site", "record_pages", K_BOOL, OFF(record_pages), 0, 1, NULL },
	{ "site", "licence_kk", K_TEXT, OFF(licence[LANG_KK]), 0, 0, NULL },
	{ "site", "licence_ru", K_TEXT, OFF(licence[LANG_RU]), 0, 0, NULL },
	{ "site", "licence_url", K_URL, OFF(licence_url), 0, 0, NULL },
	{ "site", "next_release", K_DATE, OFF(next_release), 0, 0, NULL },
	{ "population", "source_kk", K_TEXT, OFF(pop_source[LANG_KK]), 0, 0,
	  NULL },
	{ "population", "source_ru", K_TEXT, OFF(pop_source[LANG_RU]), 0, 0,
	  NULL },
	{ "population", "year", K_LONG, OFF(pop_year), 1990, 2100, NULL },
	{ "privacy", "k", K_LONG, OFF(k), 2, 1000, NULL },
	{ "privacy", "diversity", K_LONG, OFF(diversity), 1, 2, NULL },
	{ "privacy", "small_count", K_LONG, OFF(small_count), 2, 1000, NULL },
	{ "privacy", "rounding", K_LONG, OFF(rounding), 1, 1000, NULL },
	{ "privacy", "free_text", K_CHOICE, OFF(free_text), 0, 0,
	  free_text_choices },
	{ "privacy", "text_ages", K_CHOICE, OFF(text_ages), 0, 0,
	  ages_choices },
	{ "privacy", "date", K_CHOICE, OFF(min_level[QI_MONTH]), 0, 0,
	  date_choices },
	{ "privacy", "age", K_CHOICE, OFF(min_level[QI_AGE]), 0, 0,
	  age_choices },
	{ "privacy", "diagnosis", K_CHOICE, OFF(min_level[QI_DIAGNOSIS]), 0, 0,
	  dx_choices },
	{ "privacy", "profile", K_CHOICE, OFF(min_level[QI_PROFILE]), 0, 0,
	  profile_choices },
	{ "privacy", "place", K_CHOICE, OFF(min_level[QI_REGION]), 0, 0,
	  place_choices },
};

/* The placeholders: the defaults, and the demo's names begin with them. */
static const char *const placeholder_org[LANG__MAX] = {
	"Тізілімді жүргізетін ұйым", "Организация, ведущая реестр"
};
#define DEFAULT_BASE_URL "http://localhost:8000/"

void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->site_name[LANG_KK] = xstrdup("Медициналық оқыс оқиғалар мен "
	    "сақтандыру жағдайларының бірыңғай тізілімі");
	c->site_name[LANG_RU] = xstrdup("Единый реестр медицинских "
	    "инцидентов и страховых случаев");
	c->org_name[LANG_KK] = xstrdup(placeholder_org[LANG_KK]);
	c->org_name[LANG_RU] = xstrdup(placeholder_org[LANG_RU]);
	c->base_url = xstrdup(DEFAULT_BASE_URL);
	c->licence[LANG_KK] = xstrdup("CC BY 4.0");
	c->licence[LANG_RU] = xstrdup("CC BY 4.0");
	c->licence_url = xstrdup(
	    "https://creativecommons.org/licenses/by/4.0/");
	c->rows_per_page = 50;
	c->record_pages = 1;
	c->k = 11;
	c->diversity = 2;
	c->small_count = 8;
	c->rounding = 5;
	c->free_text = FREE_TEXT_SCRUBBED;
}

void
config_free(struct config *c)
{
	int	 l;

	for (l = 0; l < LANG__MAX; l++) {
		free(c->site_name[l]);
		free(c->org_name[l]);
		free(c->licence[l]);
		free(c->pop_source[l]);
	}
	free(c->base_url);
	free(c->licence_url);
	free(c->next_release);
	free(c->mci);
	free(c->pop);
	memset(c, 0, sizeof(*c));
}

/* Trim spaces and tabs at both ends, in place. */
static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/*
 * A name shown on every page: no control, invisible or bidirectional
 * character, at most NAME_MAX_CHARS characters.  0, or -1 and rs_err.
 */
static int
check_name(const char *v, const char *key, const char *file, size_t line)
{
	const char	*p = v, *e = v + strlen(v);
	size_t		 n = 0;
	uint32_t	 cp;

	while (p < e) {
		cp = utf8_next(&p, e);
		n++;
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			return rs_err("%s:%zu: bad value for '%s': the control "
			    "character U+%04X", file, line, key,
			    (unsigned)cp);
		if (uc_hidden(cp))
			return rs_err("%s:%zu: bad value for '%s': the "
			    "invisible character U+%04X", file, line, key,
			    (unsigned)cp);
	}
	if (n > NAME_MAX_CHARS)
		return rs_err("%s:%zu: bad value for '%s': %zu characters, "
		    "at most %d", file, line, key, n, NAME_MAX_CHARS);
	return 0;
}

/*
 * An absolute http(s) URL: a scheme, a host of letters, digits, '-'
 * and '.' (or an IPv6 address in brackets), an optional port, an
 * optional path; printable ASCII only, no query or fragment.  0, or
 * -1 and rs_err.
 */
static int
check_url(const char *v, const char *key, const char *file, size_t line)
{
	const char	*h, *p;
	size_t		 hlen;
	long		 port;
	char		 num[8];

	if (strncmp(v, "https://", 8) == 0)
		h = v + 8;
	else if (strncmp(v, "http://", 7) == 0)
		h = v + 7;
	else
		goto bad;
	for (p = v; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f ||
		    strchr("\"'<>\\?#`{}|^", *p) != NULL)
			goto bad;
	if (strlen(v) > URL_MAX)
		return rs_err("%s:%zu: bad value for '%s': %zu bytes, at most "
		    "%d", file, line, key, strlen(v), URL_MAX);
	if (*h == '[') {
		for (p = h + 1; *p && (isxdigit((unsigned char)*p) ||
		    *p == ':' || *p == '.'); p++)
			continue;
		if (*p != ']' || p == h + 1)
			goto nohost;
		p++;
	} else {
		/* Labels of letters, digits and '-', between dots. */
		for (p = h, hlen = 0; isalnum((unsigned char)*p) ||
		    *p == '-' || *p == '.'; p++) {
			if (*p != '.') {
				hlen++;
				continue;
			}
			if (hlen == 0)
				goto nohost;
			hlen = 0;
		}
		if (p == h)
			goto nohost;
	}
	if (*p == ':') {
		hlen = strcspn(p + 1, "/");
		if (hlen == 0 || hlen >= sizeof(num))
			goto bad;
		memcpy(num, p + 1, hlen);
		num[hlen] = '\0';
		if (parse_long(num, 1, 65535, &port) == -1)
			goto bad;
		p += 1 + hlen;
	}
	if (*p != '\0' && *p != '/')
		goto bad;
	return 0;
nohost:
	return rs_err("%s:%zu: bad value for '%s': no host name in '%s'",
	    file, line, key, v);
bad:
	return rs_err("%s:%zu: bad value for '%s': expected an absolute "
	    "http:// or https:// URL without query or fragment (got '%s')",
	    file, line, key, v);
}

/* A day "YYYY-MM-DD" from 2000 to 2100: 0, else -1. */
static int
check_date(const char *v)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	 y, m, d, i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? v[i] != '-' :
		    !isdigit((unsigned char)v[i]))
			return -1;
	if (v[10] != '\0')
		return -1;
	y = atoi(v);
	m = atoi(v + 5);
	d = atoi(v + 8);
	if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] || (m == 2 && d == 29 &&
	    (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0))))
		return -1;
	return 0;
}

static int
set_value(struct config *c, const struct key *k, const char *v,
    const char *file, size_t line)
{
	char	**sp;
	long	 n;
	size_t	 i, len;

	switch (k->type) {
	case K_TEXT:
		if (*v == '\0')
			return rs_err("%s:%zu: '%s' must not be empty", file,
			    line, k->name);
		if (check_name(v, k->name, file, line) == -1)
			return -1;
		sp = (char **)((char *)c + k->off);
		free(*sp);
		*sp = xstrdup(v);
		return 0;
	case K_URL:
		if (check_url(v, k->name, file, line) == -1)
			return -1;
		sp = (char **)((char *)c + k->off);
		free(*sp);
		len = strlen(v);
		*sp = len && v[len - 1] == '/' ? xstrdup(v) :
		    xasprintf("%s/", v);
		return 0;
	case K_LONG:
		if (parse_long(v, k->min, k->max, &n) == -1)
			return rs_err("%s:%zu: bad value for '%s': expected a "
			    "whole number from %ld to %ld (got '%s')", file,
			    line, k->name, k->min, k->max, v);
		*(long *)((char *)c + k->off) = n;
		return 0;
	case K_BOOL:
		if (strcmp(v, "yes") == 0)
			n = 1;
		else if (strcmp(v, "no") == 0)
			n = 0;
		else
			return rs_err("%s:%zu: bad value for '%s': expected "
			    "'yes' or 'no' (got '%s')", file, line, k->name,
			    v);
		*(int *)((char *)c + k->off) = (int)n;
		return 0;
	case K_DATE:
		if (check_date(v) == -1)
			return rs_err("%s:%zu: bad value for '%s': expected a "
			    "date YYYY-MM-DD (got '%s')", file, line, k->name,
			    v);
		sp = (char **)((char *)c + k->off);
		free(*sp);
		*sp = xstrdup(v);
		return 0;
	case K_CHOICE:
		for (i = 0; k->choices[i] != NULL; i++)
			if (strcmp(v, k->choices[i]) == 0) {
				*(int *)((char *)c + k->off) = (int)i;
				return 0;
			}
		{
			struct buf	 b = { 0 };
			int		 rc;

			for (i = 0; k->choices[i] != NULL; i++)
				buf_printf(&b, "%s'%s'", i ? ", " : "",
				    k->choices[i]);
			rc = rs_err("%s:%zu: bad value for '%s': expected "
			    "one of %s (got '%s')", file, line, k->name,
			    buf_str(&b), v);
			buf_free(&b);
			return rc;
		}
	}
	return -1;
}

/* [mci]: "2025 = 3932", the monthly calculation index in tenge. */
static int
set_mci(struct config *c, const char *key, const char *v, const char *file,
    size_t line)
{
	long	 year, tenge;
	size_t	 i;

	if (parse_long(key, 2024, 2100, &year) == -1)
		return rs_err("%s:%zu: unknown key '%s' in [mci] (expected a "
		    "year from 2024 to 2100)", file, line, key);
	if (parse_long(v, 1, 1000000, &tenge) == -1)
		return rs_err("%s:%zu: bad value for '%s': expected a whole "
		    "number of tenge from 1 to 1000000 (got '%s')", file,
		    line, key, v);
	for (i = 0; i < c->nmci; i++)
		if (c->mci[i].year == year)
			return rs_err("%s:%zu: duplicate key '%s' in [mci]",
			    file, line, key);
	c->mci = xreallocarray(c->mci, c->nmci + 1, sizeof(*c->mci));
	c->mci[c->nmci].year = (int)year;
	c->mci[c->nmci].tenge = tenge;
	c->nmci++;
	return 0;
}

/* [population]: "KZ-71 = 1423726", residents of a region. */
static int
set_pop(struct config *c, const char *key, const char *v, const char *file,
    size_t line)
{
	long	 n;
	size_t	 i;

	if (strlen(key) != 5 || strncmp(key, "KZ-", 3) != 0 ||
	    !isdigit((unsigned char)key[3]) || !isdigit((unsigned char)key[4]))
		return rs_err("%s:%zu: unknown key '%s' in [population] "
		    "(expected a region code such as KZ-71)", file, line, key);
	if (parse_long(v, 1, 100000000, &n) == -1)
		return rs_err("%s:%zu: bad value for '%s': expected a whole "
		    "number of people from 1 to 100000000 (got '%s')", file,
		    line, key, v);
	for (i = 0; i < c->npop; i++)
		if (strcmp(c->pop[i].code, key) == 0)
			return rs_err("%s:%zu: duplicate key '%s' in "
			    "[population]", file, line, key);
	c->pop = xreallocarray(c->pop, c->npop + 1, sizeof(*c->pop));
	memcpy(c->pop[c->npop].code, key, 6);
	c->pop[c->npop].people = n;
	c->pop[c->npop].line = line;
	c->npop++;
	return 0;
}

/*
 * Parse INI text over the values already in c.  file names the text in
 * error messages.
 */
int
config_parse(struct config *c, const char *text, const char *file)
{
	char		*copy, *p, *nl, *ln, *eq, *key, *val;
	char		 section[32] = "";
	unsigned char	 seen[sizeof(keys) / sizeof(keys[0])];
	size_t		 line = 0, i;
	int		 rc = -1;

	memset(seen, 0, sizeof(seen));
	if (text_check(file, text, strlen(text)) == -1)
		return -1;
	copy = p = xstrdup(text);
	if (strncmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p != NULL; p = nl) {
		line++;
		if ((nl = strchr(p, '\n')) != NULL)
			*nl++ = '\0';
		ln = trim(p);
		if (*ln == '\0' || *ln == '#' || *ln == ';')
			continue;
		if (*ln == '[') {
			if (ln[strlen(ln) - 1] != ']') {
				rs_err("%s:%zu: expected '[section]'", file,
				    line);
				goto out;
			}
			ln[strlen(ln) - 1] = '\0';
			key = trim(ln + 1);
			if (strcmp(key, "site") && strcmp(key, "privacy") &&
			    strcmp(key, "mci") && strcmp(key, "population")) {
				rs_err("%s:%zu: unknown section [%s]", file,
				    line, key);
				goto out;
			}
			snprintf(section, sizeof(section), "%s", key);
			continue;
		}
		if ((eq = strchr(ln, '=')) == NULL) {
			rs_err("%s:%zu: expected 'key = value'", file, line);
			goto out;
		}
		*eq = '\0';
		key = trim(ln);
		val = trim(eq + 1);
		if (*key == '\0') {
			rs_err("%s:%zu: expected 'key = value'", file, line);
			goto out;
		}
		if (section[0] == '\0') {
			rs_err("%s:%zu: key '%s' outside a section", file,
			    line, key);
			goto out;
		}
		if (strcmp(section, "mci") == 0) {
			if (set_mci(c, key, val, file, line) == -1)
				goto out;
			continue;
		}
		if (strcmp(section, "population") == 0 &&
		    strcmp(key, "source_kk") != 0 &&
		    strcmp(key, "source_ru") != 0 &&
		    strcmp(key, "year") != 0) {
			if (set_pop(c, key, val, file, line) == -1)
				goto out;
			continue;
		}
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (strcmp(keys[i].section, section) == 0 &&
			    strcmp(keys[i].name, key) == 0)
				break;
		if (i == sizeof(keys) / sizeof(keys[0])) {
			rs_err("%s:%zu: unknown key '%s' in [%s]", file, line,
			    key, section);
			goto out;
		}
		if (seen[i]) {
			rs_err("%s:%zu: duplicate key '%s' in [%s]", file,
			    line, key, section);
			goto out;
		}
		seen[i] = 1;
		if (set_value(c, &keys[i], val, file, line) == -1)
			goto out;
	}
	rc = 0;
out:
	free(copy);
	return rc;
}

int
config_load(struct config *c, const char *path)
{
	char	*text;
	size_t	 len;
	int	 rc;

	config_defaults(c);
	if (path == NULL)
		return 0;
	if ((text = file_read(path, &len)) == NULL)
		return rs_err("cannot read the configuration: %s",
		    rs_errmsg());
	/* A NUL byte would end the text early: the rest unread. */
	if (text_check(path, text, len) == -1) {
		free(text);
		return -1;
	}
	rc = config_parse(c, text, path);
	free(text);
	if (rc == -1)
		return -1;
	return 0;
}

/* The MCI in tenge for a year, or 0 when the configuration has none. */
long
config_mci(const struct config *c, int year)
{
	size_t	 i;

	for (i = 0; i < c->nmci; i++)
		if (c->mci[i].year == year)
			return c->mci[i].tenge;
	return 0;
}

/* Residents of a region, or 0 when the configuration has none. */
long
config_population(const struct config *c, const char *region)
{
	size_t	 i;

	for (i = 0; i < c->npop; i++)
		if (strcmp(c->pop[i].code, region) == 0)
			return c->pop[i].people;
	return 0;
}

/* Whether the URL's host is this machine (a preview, not the web). */
static int
local_host(const char *url)
{
	static const char *const local[] = { "localhost", "127.", "[::1]",
	    "0.0.0.0" };
	const char	*h = strstr(url, "//") + 2;
	size_t		 i, n;

	for (i = 0; i < sizeof(local) / sizeof(local[0]); i++) {
		n = strlen(local[i]);
		if (strncmp(h, local[i], n) == 0 && (local[i][n - 1] == '.' ||
		    h[n] == ':' || h[n] == '/' || h[n] == '\0'))
			return 1;
	}
	return 0;
}

int
config_warn(const struct config *c, const char *file)
{
	const char	*f = file ? file : "the built-in defaults";
	int		 l, n = 0;

	if (local_host(c->base_url)) {
		rs_warn("%s: base_url is %s%s, a local preview address: the "
		    "canonical URLs, sitemap and feeds point there; set "
		    "[site] base_url to the address the site is published "
		    "at", f, c->base_url, strcmp(c->base_url,
		    DEFAULT_BASE_URL) == 0 ? " (the default)" : "");
		n++;
	} else if (strncmp(c->base_url, "https://", 8) != 0) {
		rs_warn("%s: base_url %s is not HTTPS: browsers mark the site "
		    "not secure and the canonical URLs, sitemap and feeds "
		    "say http://; publish it over https://", f, c->base_url);
		n++;
	}
	for (l = 0; l < LANG__MAX; l++)
		if (strncmp(c->org_name[l], placeholder_org[l],
		    strlen(placeholder_org[l])) == 0) {
			rs_warn("%s: organization_%s is a placeholder ('%s'): "
			    "name the organization that keeps the registry",
			    f, lang_codes[l], c->org_name[l]);
			n++;
		}
	return n;
}
