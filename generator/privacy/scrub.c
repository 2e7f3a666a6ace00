/*
 * scrub.c -- the free-text scrubber.
 *
 * The registry's free text (circumstances, anamnesis, care, measures;
 * in Kazakh and in Russian) is published, so whatever identifies a
 * patient, a medical worker or a place below the published level is
 * replaced by a typed marker first.  Medical content is kept: ICD and
 * procedure codes, medicines and doses, units, vital signs, scales,
 * lab values, a pregnancy's weeks, durations, counts.  The rules of
 * both languages apply to every text (Kazakh texts quote Russian words
 * and vice versa).  What the scrubber knows of words -- built-in
 * classes, the data files of content/scrub, the hunspell dictionaries,
 * the morphology of names and places -- is in lexicon.c.
 *
 * One pass over a text:
 *
 *   1. links: e-mail addresses, URLs and @handles are found on the
 *      bytes (they are ASCII and ignore word boundaries);
 *   2. tokens: words (letters, inner hyphens included: "д-р",
 *      "Нұр-Сұлтан"), digit runs, runs of space, single punctuation
 *      code points, the caller's markers and the links; each word gets
 *      its built-in classes (lex_classes), and what the lexicon knows
 *      of it (lex_know) when a rule asks;
 *   3. rules: one recogniser per kind, each looking at a few tokens
 *      around its trigger and proposing a span of tokens with a type,
 *      a confidence and its name (for the report), after a validation
 *      step where the kind has one;
 *   4. spans: overlapping proposals become one span of the most
 *      specific type (prio[]: a date inside an address is part of the
 *      address; a name and a place by the surer recogniser); name spans
 *      one space apart become one ("Иванов Иван Иванович").
 *
 * Every rule looks at a bounded number of tokens around its trigger and
 * the lexicon's lookups are bounded per word, so a pass is linear in
 * the length of the text.
 *
 * The recognisers, by kind:
 *   names        a surname next to initials ("Иванов И.И.", "Ли М.С.");
 *		  up to three name words after a role word ("врач
 *		  Оралбаева", "Dr. Mehmet Yilmaz"; in lower case a given
 *		  name or a surname's ending no dictionary knows:
 *		  "пациентка сидорова"), or before a Kazakh one
 *		  ("Құдайбергенова дәрігер"); a patronymic with its
 *		  neighbours; any capitalised word by what the lexicon
 *		  knows: in mid-sentence a name unless a dictionary knows
 *		  it in lower case, the medical vocabulary lists it, it is
 *		  a place or a medicine (a dose after it); at a sentence's
 *		  start only with strong evidence -- a given name, a
 *		  listed surname, a surname's ending in any case of both
 *		  languages ("Садыкова", "Сейтқалиеваға", "Оралбаеваның")
 *		  -- or a weaker one and a verb or a name next ("Кузнецов
 *		  доложил").  In capitals, only words with that evidence
 *		  ("ИВАНОВА ИРИНА ПЕТРОВНА", not "ОРИТ").
 *   IIN/BIN      12 digits, any grouping; the check digit and the date
 *		  part validate ("0403 1250 0772"); after ИИН/ЖСН/БИН any
 *		  9 to 14 digits.
 *   phones       +7, 8 and 11 digits, mobile numbers without their 8,
 *		  "23-45-67", and anything after тел./телефон.
 *   e-mails      addresses, and said aloud: "собака", "at", "dot",
 *		  "точка", in brackets or not.
 *   links        URLs, bare domains, messenger links, @handles.
 *   dates        day and month in every form, years of birth ("85
 *		  г.р.", "1985 жылы туған", "родилась в 1985 году").
 *   ages         a number in digits or words and a unit of years,
 *		  months or days of life, with a sign it is an age (a
 *		  person before it, "жастағы", "-летний", "в возрасте",
 *		  "жизни", "өмірінің"); never a pregnancy's weeks or a
 *		  duration ("в течение 3 лет", "3 жыл бойы", "на 8-е
 *		  сутки").  Ages from the scrubber's minimum (every age in
 *		  the build's default).
 *   times        "в 14:55", "сағат 09:10-да", "14 ч 55 мин", "около 3
 *		  часов ночи"; not a ratio ("1:10") nor a duration.
 *   addresses    runs of street, house and flat components; a street's
 *		  name and "42-15" without a keyword.
 *   places       a settlement's word and a name ("г. Сатпаев"), a name
 *		  and a place's word ("Ұлытау ауданы", "Улытауского
 *		  района"), the places and adjectives of the lexicon, and
 *		  facilities named by a place, a number or an abbreviation
 *		  ("ЦРБ", "ГКБ №7", "№3 қалалық емхана"); a facility named
 *		  by its kind alone stays ("в областную больницу").
 *   companies    a quoted name with a legal form («…» АҚ, ТОО «…»).
 *   numbers      "№ N" (not a document's), case and record numbers,
 *		  long digit runs, car plates ("315 AKX 02", "907ABD01").
 *
 * A record's texts are scrubbed together (scrub_record): the facts one
 * text masks -- a long number, a name's stem, an age with its unit --
 * are masked where they appear in the others, even where the rules
 * alone were unsure (their weak proposals), so that reading both
 * languages tells no more than reading one.
 *
 * Idempotence.  A marker is one opaque token that stands for what it
 * replaced: no rule starts at, ends in or crosses one, and next to one
 * a rule decides as it did next to the original (a word glued to a
 * marker is glued to digits, a chain of digit groups running into one
 * is open, a marker after a number may be its unit, a capitalised word
 * after one may begin a sentence): a second pass may keep more, never
 * mask more.  As a guarantee rather than a hope, scrub_text scrubs its
 * own result again until nothing changes (at most MAXPASS passes; in
 * practice the second pass finds nothing), mapping every span back onto
 * the input, so scrub(scrub(x)) == scrub(x).
 *
 * A sentence begins at the start of the text or of a line, after
 * . ! ? … : ; after an opening quote, a bullet or "1)" at a line's
 * start, after a code ("O72.1 Кровотечение", "39.65 Экстракорпоральная")
 * and after a marker.  A '.' after a lower-case abbreviation ("ул.",
 * "г.р.", "т.е.") or after an initial does not end a sentence, except
 * after a unit ("5 г."), a Roman numeral ("I.") or a complete "Surname
 * И.И.".
 *
 * Known limits (privacy first: when in doubt, mask).  Kept although
 * identifying: a sentence's first word that no lexicon knows as a name
 * and that no name follows ("Головач доставлен"); a surname that is a
 * common word at a sentence's start with neither a verb nor an age
 * after it ("Морозов в палате"); bare years and month-year dates (by
 * policy); numbers of other shapes.  Masked although harmless:
 * capitalised words no lexicon knows in mid-sentence (brand names,
 * devices: the report lists them for review), ward numbers ("палата №
 * 5"), decimals that read as a day and a month ("12.10").
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "privacy/scrub.h"
#include "privacy/lexicon.h"

#define NONE	SIZE_MAX
#define MAXPASS	6		/* scrub passes of one text, at most */

static void	 numerals_init(void);

struct scrubber {
	struct lexicon	*lx;
	int		 min_age;	/* ages from this one are masked */
};

void
scrub_set_min_age(struct scrubber *scr, int age)
{
	scr->min_age = age < 0 ? 0 : age;
}

struct scrubber *
scrub_new(const char *lexdir, const char *hsdir)
{
	struct scrubber	*scr;
	struct lexicon	*lx;

	numerals_init();
	if ((lx = lex_new(lexdir, hsdir ? hsdir : SCRUB_HUNSPELL_DIR)) == NULL)
		return NULL;
	scr = xcalloc(1, sizeof(*scr));
	scr->lx = lx;
	scr->min_age = 90;
	return scr;
}

void
scrub_free(struct scrubber *scr)
{
	if (scr == NULL)
		return;
	lex_free(scr->lx);
	free(scr);
}

const char *
scrub_type_name(enum scrub_type t)
{
	static const char *const names[SCRUB__MAX] = { "name", "iin",
	    "phone", "email", "url", "date", "age", "address", "number",
	    "time", "place", "org" };

	if ((unsigned)t >= SCRUB__MAX)
		return "?";
	return names[t];
}

/* ------------------------------------------------------------------ */
/* One pass: links, tokens, rules, spans                               */

enum tkind {
	TK_END,		/* past either end of the text */
	TK_WORD,
	TK_NUM,		/* ASCII digits */
	TK_SPACE,	/* a run of white space */
	TK_PUNCT,	/* one other code point (U+FFFD for a bad byte) */
	TK_MARKER,	/* one of the caller's markers */
	TK_LINK		/* an e-mail address or a URL */
};

#define TF_CAP		0x01	/* WORD: begins with a capital */
#define TF_ALLCAPS	0x02	/* WORD: only capitals, two or more */
#define TF_MIXED	0x04	/* WORD: a capital after a small letter */
#define TF_COMPOUND	0x08	/* WORD: parts joined by hyphens */
#define TF_PARTSCAP	0x10	/* WORD: every part begins with a capital */
#define TF_ABBRPART	0x20	/* WORD: a part of two or more capitals */
#define TF_NL		0x40	/* SPACE: holds a line break */

struct tok {
	size_t		 off, len;	/* bytes of the text */
	enum tkind	 kind;
	unsigned	 flags;
	uint64_t	 cls;		/* WORD: lexicon classes */
	uint32_t	 cp;		/* PUNCT: the code point */
	int		 type;		/* MARKER, LINK: the scrub type */
	int		 n;		/* letters, digits or spaces */
	long		 val;		/* NUM: the value; -1 past 9 digits */
	unsigned	 know;		/* WORD: lex_know, once asked */
	int		 known;		/* know is set */
};

/*
 * A proposal of the rules: tokens [a, b) are of type, with a
 * confidence.  A weak proposal (conf below WEAK) is masked only where
 * the record's other texts mask the same fact (scrub_record); key is
 * then the fact: a number's value or a numeral's.
 */
struct cand {
	size_t		 a, b;
	int		 type;
	int		 conf;
	unsigned	 flags;
	const char	*why;
	long		 key;
};

#define WEAK	20		/* proposals below are weak */

struct link {
	size_t		 off, len;
	int		 type;
};

struct pass {
	const struct scrubber *scr;
	const char	*const *markers;
	size_t		 mlen[SCRUB__MAX];
	unsigned char	 mfirst[256];	/* first bytes of the markers */
	const char	*s;		/* the text */
	size_t		 len;
	char		*low;		/* the text with words in lower case */
	size_t		 lowcap;
	struct tok	*t;		/* nt tokens and an END token */
	size_t		 nt, tcap;
	struct link	*lk;
	size_t		 nlk, lkcap;
	struct cand	*c;
	size_t		 nc, ccap;
	struct scrub_span *sp;		/* the result: byte spans */
	size_t		 nsp, spcap;
	struct cand	*wk;		/* weak and keyed proposals, bytes */
	size_t		 nwk, wkcap;
	int		 keepweak;	/* collect them (first pass) */
};

/* The marker of the most specific type wins an overlap. */
static const int prio[SCRUB__MAX] = {
	[SCRUB_EMAIL] = 12, [SCRUB_URL] = 11, [SCRUB_IIN] = 10,
	[SCRUB_PHONE] = 9, [SCRUB_ADDRESS] = 8, [SCRUB_DATE] = 7,
	[SCRUB_TIME] = 6, [SCRUB_AGE] = 5, [SCRUB_ORG] = 4,
	[SCRUB_PLACE] = 3, [SCRUB_NUMBER] = 2, [SCRUB_NAME] = 1
};

/* The length of the marker starting at s[off], or 0. */
static size_t
marker_slow(const struct pass *p, const char *s, size_t len, size_t off)
{
	size_t	 best = 0;
	int	 t;

	for (t = 0; t < SCRUB__MAX; t++)
		if (p->mlen[t] > best && p->mlen[t] <= len - off &&
		    memcmp(s + off, p->markers[t], p->mlen[t]) == 0)
			best = p->mlen[t];
	return best;
}

static inline size_t
marker_at(const struct pass *p, const char *s, size_t len, size_t off)
{
	return p->mfirst[(unsigned char)s[off]] ?
	    marker_slow(p, s, len, off) : 0;
}

static int
marker_type(const struct pass *p, const char *s, size_t ml)
{
	int	 t;

	for (t = 0; t < SCRUB__MAX; t++)
		if (p->mlen[t] == ml && memcmp(s, p->markers[t], ml) == 0)
			return t;
	return SCRUB_NAME;
}

/* --- links ---------------------------------------------------------- */

static int
a_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

static int
a_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A byte of an e-mail address's local part. */
static int
a_local(unsigned char c)
{
	return a_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
	    c == '-';
}

/* A byte of a domain name. */
static int
a_domain(unsigned char c)
{
	return a_alnum(c) || c == '.' || c == '-';
}

/* Where a URL stops: white space, quotes, brackets, non-ASCII. */
static int
a_urlstop(unsigned char c)
{
	return c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"' ||
	    c == '[' || c == ']' || c == '{' || c == '}' || c == '|' ||
	    c == '\\' || c == '^' || c == '`';
}

/* Top-level domains recognised without "http://" or "www.". */
static int
is_tld(const unsigned char *s, size_t n)
{
	static const char *const tlds[] = { "kz", "ru", "com", "org",
	    "net", "gov", "edu", "info", "io", "uz", "su", "biz", "online",
	    "site", "pro", "me", "ly", "tv", "app", "ua", "by", "kg", "gl",
	    "link", "page", "club", "live", "news", "shop", "store" };
	size_t	 i, k;

	for (i = 0; i < sizeof(tlds) / sizeof(tlds[0]); i++) {
		if (strlen(tlds[i]) != n)
			continue;
		for (k = 0; k < n; k++)
			if ((s[k] | 0x20) != (unsigned char)tlds[i][k])
				break;
		if (k == n)
			return 1;
	}
	return 0;
}

/* Extend a URL from e over its path; trailing punctuation is not in it. */
static size_t
url_rest(const struct pass *p, const unsigned char *s, size_t n, size_t e,
    size_t start)
{
	size_t	 i;
	int	 paren = 0;

	while (e < n && !a_urlstop(s[e]) &&
	    marker_at(p, (const char *)s, n, e) == 0)
		e++;
	for (i = start; i < e; i++)
		if (s[i] == '(')
			paren = 1;
	while (e > start && (s[e - 1] == '.' || s[e - 1] == ',' ||
	    s[e - 1] == ';' || s[e - 1] == ':' || s[e - 1] == '!' ||
	    s[e - 1] == '?' || s[e - 1] == '\'' ||
	    (s[e - 1] == ')' && !paren)))
		e--;
	return e;
}

/* "http://", "https://" or "www." at i: the URL's end, else i. */
static size_t
url_at(const struct pass *p, const unsigned char *s, size_t n, size_t i)
{
	static const char *const pre[] = { "https://", "http://", "www." };
	size_t	 k, m, e;

	if (i > 0 && (a_alnum(s[i - 1]) || s[i - 1] == '.' ||
	    s[i - 1] == '@'))
		return i;
	for (k = 0; k < 3; k++) {
		m = strlen(pre[k]);
		if (n - i < m || strncasecmp((const char *)s + i, pre[k], m))
			continue;
		e = url_rest(p, s, n, i + m, i);
		return e > i + m && a_alnum(s[i + m]) ? e : i;
	}
	return i;
}

/* The domain of an e-mail address at j ("mail.ru"): its end, or j. */
static size_t
email_domain(const struct pass *p, const unsigned char *s, size_t n,
    size_t j)
{
	size_t	 e = j, dot = 0, k;

	while (e < n && a_domain(s[e]))
		e++;
	/* Digits that a marker replaced were part of the domain. */
	if (e < n && marker_at(p, (const char *)s, n, e) > 0)
		return j;
	while (e > j && (s[e - 1] == '.' || s[e - 1] == '-'))
		e--;
	if (e == j || !a_alnum(s[j]))
		return j;
	for (k = j; k < e; k++)
		if (s[k] == '.') {
			if (s[k - 1] == '.')
				return j;
			dot = k;
		}
	if (dot == 0 || e - dot - 1 < 2)
		return j;
	for (k = dot + 1; k < e; k++)
		if (!a_alpha(s[k]))
			return j;
	return e;
}

/*
 * A bare domain whose last dot before the top-level domain is at i, its
 * name beginning at ds, an alphanumeric byte ("example.kz/path"): the
 * end, or i.
 */
static size_t
bare_domain(const struct pass *p, const unsigned char *s, size_t n,
    size_t ds, size_t i)
{
	size_t	 t = i + 1, e;

	if (ds >= i || !a_alnum(s[i - 1]))
		return i;
	if (ds > 0 && (s[ds - 1] == '@' || s[ds - 1] == '/'))
		return i;
	while (t < n && a_alpha(s[t]))
		t++;
	if (!is_tld(s + i + 1, t - i - 1) || (t < n && (a_alnum(s[t]) ||
	    s[t] == '-' || s[t] == '_' || s[t] == '@' ||
	    marker_at(p, (const char *)s, n, t) > 0)))
		return i;
	e = t;
	while (e + 1 < n && s[e] == '.' && a_alnum(s[e + 1])) {
		e++;
		while (e < n && (a_alnum(s[e]) || s[e] == '-'))
			e++;
	}
	if (e < n && (s[e] == '/' || s[e] == ':' || s[e] == '?'))
		e = url_rest(p, s, n, e, ds);
	return e;
}

/*
 * A messenger or social handle at the '@' at i ("@almaty_medwatch",
 * "@aigerim.nurse"): three or more letters, digits, '_' or '.', a
 * letter among them, not glued to a word before.  Its end, or i.
 */
static size_t
handle_at(const struct pass *p, const unsigned char *s, size_t n, size_t i)
{
	size_t	 e = i + 1;
	int	 letter = 0;

	if (i > 0 && (a_alnum(s[i - 1]) || s[i - 1] >= 0x80))
		return i;
	while (e < n && (a_alnum(s[e]) || s[e] == '_' || s[e] == '.') &&
	    marker_at(p, (const char *)s, n, e) == 0) {
		if (a_alpha(s[e]))
			letter = 1;
		e++;
	}
	while (e > i + 1 && s[e - 1] == '.')
		e--;
	if (e - i - 1 < 3 || !letter || (e < n && (s[e] == '@' ||
	    s[e] >= 0x80)))
		return i;
	return e;
}

static void
link_add(struct pass *p, size_t off, size_t end, int type)
{
	if (p->nlk == p->lkcap) {
		p->lkcap = p->lkcap ? p->lkcap * 2 : 8;
		p->lk = xreallocarray(p->lk, p->lkcap, sizeof(*p->lk));
	}
	p->lk[p->nlk].off = off;
	p->lk[p->nlk].len = end - off;
	p->lk[p->nlk].type = type;
	p->nlk++;
}

/*
 * Find the e-mail addresses and URLs, in order, never inside a marker.
 * lrun and drun are where the current run of local-part and of domain
 * bytes began, so each byte is looked at a bounded number of times.
 */
static void
links_scan(struct pass *p)
{
	const unsigned char *s = (const unsigned char *)p->s;
	size_t		 n = p->len, i = 0, lrun = 0, drun = 0, e, ml, a;
	size_t		 mend = NONE;	/* where the last marker ended */
	size_t		 dfirst = NONE;	/* the domain run's first alnum */
	unsigned char	 c;

	p->nlk = 0;
	while (i < n) {
		if ((ml = marker_at(p, p->s, n, i)) > 0) {
			i += ml;
			lrun = drun = mend = i;
			dfirst = NONE;
			continue;
		}
		c = s[i];
		/*
		 * A run of non-ASCII bytes (a Cyrillic word) is no part of
		 * a link and begins none: each byte would only end both
		 * runs, so the run is passed at once.
		 */
		if (c >= 0x80) {
			/* (up to a byte a marker may begin with) */
			for (i++; i < n && s[i] >= 0x80 && !p->mfirst[s[i]];
			    i++)
				continue;
			lrun = drun = i;
			dfirst = NONE;
			continue;
		}
		/*
		 * Nothing begins right after a marker: what the marker
		 * replaced would have joined it ("5www.", "12le.kz").
		 */
		if (((c | 0x20) == 'h' || (c | 0x20) == 'w') && i != mend) {
			if ((e = url_at(p, s, n, i)) > i) {
				link_add(p, i, e, SCRUB_URL);
				i = lrun = drun = e;
				dfirst = NONE;
				continue;
			}
		} else if (c == '@' && (lrun == i || s[i - 1] == ' ') &&
		    (e = handle_at(p, s, n, i)) > i) {
			/* @almaty_medwatch */
			link_add(p, i, e, SCRUB_URL);
			i = lrun = drun = e;
			dfirst = NONE;
			continue;
		} else if (c == '@' && lrun < i && lrun != mend) {
			for (a = lrun; a < i && (s[a] == '.' || s[a] == '-');
			    a++)
				continue;
			if (a < i &&
			    (e = email_domain(p, s, n, i + 1)) > i + 1) {
				link_add(p, a, e, SCRUB_EMAIL);
				i = lrun = drun = e;
				dfirst = NONE;
				continue;
			}
		} else if (c == '.' && dfirst != NONE && drun != mend) {
			if ((e = bare_domain(p, s, n, dfirst, i)) > i) {
				link_add(p, dfirst, e, SCRUB_URL);
				i = lrun = drun = e;
				dfirst = NONE;
				continue;
			}
		}
		if (!a_local(c))
			lrun = i + 1;
		if (!a_domain(c)) {
			drun = i + 1;
			dfirst = NONE;
		} else if (dfirst == NONE && a_alnum(c))
			dfirst = i;
		i++;
	}
}

/* --- tokens --------------------------------------------------------- */

static int
is_hspace(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xa0 || c == 0x2007 ||
	    c == 0x2009 || c == 0x200a || c == 0x202f || c == 0x2002 ||
	    c == 0x2003 || c == 0x3000;
}

static int
is_vspace(uint32_t c)
{
	return c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
	    c == 0x85 || c == 0x2028 || c == 0x2029;
}

static struct tok *
tok_push(struct pass *p, enum tkind kind, size_t off, size_t len)
{
	struct tok	*t;

	if (p->nt + 1 >= p->tcap) {
		p->tcap = p->tcap ? p->tcap * 2 : 64;
		p->t = xreallocarray(p->t, p->tcap, sizeof(*p->t));
	}
	t = &p->t[p->nt++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->off = off;
	t->len = len;
	return t;
}

/* Encode a code point; returns its length (1-4). */
static size_t
enc_utf8(uint32_t cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * Scan the word at pos (a letter) up to lim: letters, and single
 * hyphens between letters.  Its lower-case form goes into p->low at the
 * same offsets (a letter and its lower case have the same UTF-8 length
 * in the scripts uc_tolower knows; otherwise the letter is copied).
 */
static size_t
scan_word(struct pass *p, size_t pos, size_t lim)
{
	const char	*s = p->s, *q, *r, *src;
	struct tok	*t;
	size_t		 start = pos, plen = 0, pcaps = 0, n = 0, caps = 0;
	size_t		 clen, k;
	uint32_t	 c;
	int		 prevlow = 0, partfirst = 1;
	unsigned	 flags = TF_PARTSCAP;
	char		 enc[4];

	while (pos < lim) {
		if (pos > start && marker_at(p, s, p->len, pos) > 0)
			break;
		q = s + pos;
		c = utf8_next(&q, s + lim);
		if (!uc_isalpha(c)) {
			/* A hyphen between two letters joins two parts. */
			if (c != '-' || plen == 0 || pos + 1 >= lim ||
			    marker_at(p, s, p->len, pos + 1) > 0)
				break;
			r = s + pos + 1;
			if (!uc_isalpha(utf8_next(&r, s + lim)))
				break;
			if (plen >= 2 && pcaps == plen)
				flags |= TF_ABBRPART;
			flags |= TF_COMPOUND;
			p->low[pos++] = '-';
			partfirst = 1;
			prevlow = 0;
			plen = pcaps = 0;
			continue;
		}
		if (partfirst) {
			if (!uc_isupper(c))
				flags &= ~TF_PARTSCAP;
			if (pos == start && uc_isupper(c))
				flags |= TF_CAP;
		} else if (uc_isupper(c) && prevlow)
			flags |= TF_MIXED;
		prevlow = uc_islower(c);
		if (uc_isupper(c)) {
			pcaps++;
			caps++;
		}
		plen++;
		n++;
		partfirst = 0;
		clen = (size_t)(q - (s + pos));
		/* (a byte at a time: a call to memcpy costs more) */
		src = enc_utf8(uc_tolower(c), enc) == clen ? enc : s + pos;
		for (k = 0; k < clen; k++)
			p->low[pos + k] = src[k];
		pos += clen;
	}
	if (plen >= 2 && pcaps == plen)
		flags |= TF_ABBRPART;
	if (n >= 2 && caps == n)
		flags |= TF_ALLCAPS;
	t = tok_push(p, TK_WORD, start, pos - start);
	t->n = n > 100000 ? 100000 : (int)n;
	t->flags = flags;
	t->cls = lex_classes(p->scr->lx, p->low + start, pos - start);
	return pos;
}

/* Split p->s into tokens; the links must have been found. */
static void
tokenize(struct pass *p)
{
	const char	*s = p->s, *q;
	struct tok	*t;
	size_t		 pos = 0, li = 0, lim, ml, start;
	uint32_t	 c;

	p->nt = 0;
	if (p->lowcap < p->len + 1) {
		p->lowcap = p->len + 1;
		free(p->low);
		p->low = xmalloc(p->lowcap);
	}
	while (pos < p->len) {
		if (li < p->nlk && pos == p->lk[li].off) {
			t = tok_push(p, TK_LINK, pos, p->lk[li].len);
			t->type = p->lk[li].type;
			pos += p->lk[li++].len;
			continue;
		}
		lim = li < p->nlk ? p->lk[li].off : p->len;
		if ((ml = marker_at(p, s, p->len, pos)) > 0) {
			t = tok_push(p, TK_MARKER, pos, ml);
			t->type = marker_type(p, s + pos, ml);
			pos += ml;
			continue;
		}
		q = s + pos;
		c = utf8_next(&q, s + lim);
		if (uc_isalpha(c)) {
			pos = scan_word(p, pos, lim);
		} else if (c >= '0' && c <= '9') {
			start = pos;
			t = tok_push(p, TK_NUM, pos, 0);
			t->val = 0;
			while (pos < lim && s[pos] >= '0' && s[pos] <= '9') {
				if (t->n < 9)
					t->val = t->val * 10 + (s[pos] - '0');
				if (t->n < 100000)
					t->n++;
				pos++;
			}
			if (t->n > 9)
				t->val = -1;
			t->len = pos - start;
		} else if (is_hspace(c) || is_vspace(c)) {
			start = pos;
			t = tok_push(p, TK_SPACE, pos, 0);
			while (pos < lim && marker_at(p, s, p->len, pos) == 0) {
				q = s + pos;
				c = utf8_next(&q, s + lim);
				if (is_vspace(c))
					t->flags |= TF_NL;
				else if (!is_hspace(c))
					break;
				if (t->n < 100000)
					t->n++;
				pos = (size_t)(q - s);
			}
			t->len = pos - start;
		} else {
			t = tok_push(p, TK_PUNCT, pos, (size_t)(q - (s + pos)));
			t->cp = c;
			pos = (size_t)(q - s);
		}
	}
	t = tok_push(p, TK_END, p->len, 0);
	p->nt--;		/* the END token stays behind the last */
}

/*
 * Token i.  Every index past either end (i >= nt, including indices
 * that wrapped below 0) gives the END token, so the rules can look
 * around freely.
 */
static const struct tok *
tk(const struct pass *p, size_t i)
{
	return &p->t[i < p->nt ? i : p->nt];
}

static int
is_p(const struct pass *p, size_t i, uint32_t cp)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_PUNCT && t->cp == cp;
}

/* A dash: hyphen-minus, hyphen, en dash, em dash. */
static int
is_dash(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_PUNCT && (t->cp == '-' || t->cp == 0x2010 ||
	    t->cp == 0x2011 || t->cp == 0x2013 || t->cp == 0x2014);
}

/* Space within a line. */
static int
is_hsp(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_SPACE && !(t->flags & TF_NL);
}

static int
is_num(const struct pass *p, size_t i)
{
	return tk(p, i)->kind == TK_NUM;
}

/* A digit run, or a marker (that replaced one), or a link. */
static int
is_numlike(const struct pass *p, size_t i)
{
	enum tkind	 k = tk(p, i)->kind;

	return k == TK_NUM || k == TK_MARKER || k == TK_LINK;
}

/*
 * A word, or a marker or a link (a marker may have replaced a word):
 * for the number rules, which stop at a glued word ("K35.8").
 */
static int
is_wordlike(const struct pass *p, size_t i)
{
	enum tkind	 k = tk(p, i)->kind;

	return k == TK_WORD || k == TK_MARKER || k == TK_LINK;
}

/* A word of one of the classes cls. */
static int
is_w(const struct pass *p, size_t i, uint64_t cls)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_WORD && (t->cls & cls);
}

/* The lower-case word i equals w. */
static int
weq(const struct pass *p, size_t i, const char *w)
{
	const struct tok *t = tk(p, i);

	/* (the first byte before strlen: most words differ there) */
	return t->kind == TK_WORD && p->low[t->off] == w[0] &&
	    t->len == strlen(w) && memcmp(p->low + t->off, w, t->len) == 0;
}

/* The lower-case word i begins with w. */
static int
wpre(const struct pass *p, size_t i, const char *w)
{
	const struct tok *t = tk(p, i);
	size_t	 n = strlen(w);

	return t->kind == TK_WORD && t->len >= n &&
	    memcmp(p->low + t->off, w, n) == 0;
}

/* The lower-case word i ends with suf, with at least two letters before. */
static int
wsuffix(const struct pass *p, size_t i, const char *suf)
{
	const struct tok *t = tk(p, i);
	size_t	 n = strlen(suf);

	return t->kind == TK_WORD && t->len >= n + 2 &&
	    memcmp(p->low + t->off + t->len - n, suf, n) == 0;
}

/* The token after i, past one space within the line. */
static size_t
nexttok(const struct pass *p, size_t i)
{
	if (i >= p->nt)
		return p->nt;
	return is_hsp(p, i + 1) ? i + 2 : i + 1;
}

/* The token before i, past one space within the line; NONE at the start. */
static size_t
prevtok(const struct pass *p, size_t i)
{
	if (i == 0 || i > p->nt)
		return NONE;
	i--;
	if (is_hsp(p, i)) {
		if (i == 0)
			return NONE;
		i--;
	}
	return i;
}

/* After word i and the '.' glued to it, if there is one. */
static size_t
afterdot(const struct pass *p, size_t i)
{
	return is_p(p, i + 1, '.') ? i + 2 : i + 1;
}

/*
 * After a label ending at token i ("ИИН", "тел.", "возраст:"): past a
 * glued '.', spaces and ':', '-', '№', '=' (a few tokens at most).
 */
static size_t
after_label(const struct pass *p, size_t i)
{
	size_t	 j = afterdot(p, i);
	int	 n;

	for (n = 0; n < 4; n++) {
		if (is_hsp(p, j) || is_p(p, j, ':') || is_dash(p, j) ||
		    is_p(p, j, 0x2116) || is_p(p, j, '='))
			j++;
		else
			break;
	}
	return j;
}

/* Digit run i continues a number to its left: "1,5", "12.03", "14:30". */
static int
num_cont_left(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i - 1);

	return t->kind == TK_PUNCT && (t->cp == '.' || t->cp == ',' ||
	    t->cp == ':' || t->cp == '/' || t->cp == '-') &&
	    is_numlike(p, i - 2);
}

/* Digit run i is the fraction of a decimal number: "0,5", "37.5". */
static int
decimal_left(const struct pass *p, size_t i)
{
	return (is_p(p, i - 1, ',') || is_p(p, i - 1, '.')) &&
	    is_numlike(p, i - 2);
}

/* A measurement unit or sign follows token i: "5 мг", "88%", "3 раза". */
static int
unit_after(const struct pass *p, size_t i)
{
	size_t	 j = i + 1;
	const struct tok *t;

	/* "02-[№]": the marker may have replaced the rest and its unit */
	if ((is_p(p, j, '-') || is_p(p, j, '/') || is_p(p, j, '.')) &&
	    tk(p, j + 1)->kind == TK_MARKER)
		return 1;
	if (is_hsp(p, j))
		j++;
	t = tk(p, j);
	if (t->kind == TK_WORD)
		return (t->cls & L_UNIT) != 0;
	if (t->kind == TK_MARKER)
		return 1;	/* it may have replaced the unit */
	return t->kind == TK_PUNCT && (t->cp == '%' || t->cp == 0x2030 ||
	    t->cp == 0xb0 || t->cp == 0x20b8 || t->cp == 0xd7 || t->cp == '*');
}

static int
is_year(const struct tok *t)
{
	return t->kind == TK_NUM && t->n == 4 && t->val >= 1900 &&
	    t->val <= 2100;
}

static int
is_day(const struct tok *t)
{
	return t->kind == TK_NUM && t->n <= 2 && t->val >= 1 && t->val <= 31;
}

/*
 * Propose tokens [a, b) as type with confidence conf (1-100) by the
 * recogniser why; key is the fact (a number's value, -1 if none).  A
 * weak proposal (conf < WEAK) is only remembered, in bytes, for
 * scrub_record, and only in the first pass.
 */
static void
candk(struct pass *p, size_t a, size_t b, int type, int conf,
    unsigned flags, const char *why, long key)
{
	struct cand	*c;

	if (a >= b || b > p->nt)
		return;
	/* keyed proposals are the facts of scrub_record, weak or not */
	if (p->keepweak && key >= 0) {
		if (p->nwk == p->wkcap) {
			p->wkcap = p->wkcap ? p->wkcap * 2 : 16;
			p->wk = xreallocarray(p->wk, p->wkcap, sizeof(*p->wk));
		}
		c = &p->wk[p->nwk++];
		c->a = tk(p, a)->off;
		c->b = tk(p, b - 1)->off + tk(p, b - 1)->len;
		c->type = type;
		c->conf = conf;
		c->flags = flags;
		c->why = why;
		c->key = key;
	}
	if (conf < WEAK)
		return;
	{
		if (p->nc == p->ccap) {
			p->ccap = p->ccap ? p->ccap * 2 : 16;
			p->c = xreallocarray(p->c, p->ccap, sizeof(*p->c));
		}
		c = &p->c[p->nc++];
		c->a = a;
		c->b = b;
	}
	c->type = type;
	c->conf = conf;
	c->flags = flags;
	c->why = why;
	c->key = key;
}

static void
cand(struct pass *p, size_t a, size_t b, int type, int conf, const char *why)
{
	candk(p, a, b, type, conf, 0, why, -1);
}

/* --- numbers -------------------------------------------------------- */

#define SEP_SPACE	0x01	/* one space: "880101 300 123" */
#define SEP_DASH	0x02	/* "23-45-67" */
#define SEP_PAREN	0x04	/* "8(727)123", "8 (727) 123" */
#define SEP_SLASH	0x08	/* "123/45" */

/* Digit groups joined by separators. */
struct chain {
	size_t		 a, b;		/* tokens [a, b) */
	int		 n;		/* groups */
	int		 ndig;		/* digits of all groups */
	int		 g[4];		/* the first groups' lengths */
	int		 open;		/* it runs on into a marker */
};

/* The next group after group j through separators seps, or NONE. */
static size_t
chain_sep(const struct pass *p, size_t j, int seps)
{
	const struct tok *t;
	size_t	 k = j + 1;
	int	 n, sp = 0, pu = 0, par = 0;

	for (n = 0; n < 3; n++, k++) {
		t = tk(p, k);
		if (t->kind == TK_SPACE && !(t->flags & TF_NL) && t->n == 1)
			sp++;
		else if ((seps & SEP_DASH) && t->kind == TK_PUNCT &&
		    (t->cp == '-' || t->cp == 0x2010 || t->cp == 0x2011))
			pu++;
		else if ((seps & SEP_SLASH) && is_p(p, k, '/'))
			pu++;
		else if ((seps & SEP_PAREN) && (is_p(p, k, '(') ||
		    is_p(p, k, ')')))
			par++;
		else
			break;
	}
	if (n == 0 || !is_numlike(p, k) || pu > 1 || par > 1 ||
	    sp > (par ? 2 : 1) || (pu && par))
		return NONE;
	if (sp && !par && !(seps & SEP_SPACE))
		return NONE;
	if (sp && pu)
		return NONE;
	return k;
}

/* The chain of digit groups beginning with the digit run i. */
static void
chain_scan(const struct pass *p, size_t i, int seps, struct chain *ch)
{
	const struct tok *t;
	size_t	 j = i, k;
	int	 n;

	memset(ch, 0, sizeof(*ch));
	ch->a = i;
	for (;;) {
		if (ch->n < 4)
			ch->g[ch->n] = tk(p, j)->n;
		ch->n++;
		ch->ndig += tk(p, j)->n;
		ch->b = j + 1;
		if (ch->ndig > 16 || ch->n >= 8 ||
		    (k = chain_sep(p, j, seps)) == NONE || !is_num(p, k))
			break;
		j = k;
	}
	/* Runs on into a marker, through separators or none. */
	for (k = ch->b, n = 0; n < 3; n++, k++) {
		t = tk(p, k);
		if (t->kind == TK_MARKER) {
			ch->open = 1;
			break;
		}
		if (!(t->kind == TK_SPACE && !(t->flags & TF_NL)) &&
		    !(t->kind == TK_PUNCT && (t->cp == '-' || t->cp == '(' ||
		    t->cp == ')' || t->cp == '/' || t->cp == '.' ||
		    t->cp == 0x2010 || t->cp == 0x2011)))
			break;
	}
}

/* Where a number "123", "123/45", "2025-123", "12А" ends. */
static size_t
num_end(const struct pass *p, size_t j)
{
	size_t	 k = j + 1;
	int	 n;

	for (n = 0; n < 4; n++) {
		if ((is_p(p, k, '/') || is_p(p, k, '-') || is_p(p, k, '.')) &&
		    is_num(p, k + 1))
			k += 2;
		else
			break;
	}
	if (tk(p, k)->kind == TK_WORD && tk(p, k)->n == 1 &&
	    !is_w(p, k, L_UNIT))
		k++;
	else if ((is_p(p, k, '-') || is_p(p, k, '/')) &&
	    tk(p, k + 1)->kind == TK_WORD && tk(p, k + 1)->n == 1 &&
	    !is_w(p, k + 1, L_UNIT))
		k += 2;
	return k;
}

/* Digits in the tokens [a, b). */
static int
digits_in(const struct pass *p, size_t a, size_t b)
{
	int	 n = 0;

	for (; a < b; a++)
		if (is_num(p, a))
			n += tk(p, a)->n;
	return n;
}

/*
 * The validation step of IIN/BIN: the check digit (weights 1..11, then
 * 3..11,1,2 when the first sum gives 10) and the date part -- an IIN
 * begins with the birth date YYMMDD and a century-and-sex digit 0-6, a
 * BIN with the registration year and month and a type digit 4-6.
 */
static int
iin_valid(const char d[12])
{
	static const int w2[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
	int	 k, sum = 0, mm, dd;

	for (k = 0; k < 11; k++)
		sum += (d[k] - '0') * (k + 1);
	if (sum % 11 == 10) {
		for (sum = 0, k = 0; k < 11; k++)
			sum += (d[k] - '0') * w2[k];
		if (sum % 11 == 10)
			return 0;
	}
	if (sum % 11 != d[11] - '0')
		return 0;
	mm = (d[2] - '0') * 10 + (d[3] - '0');
	dd = (d[4] - '0') * 10 + (d[5] - '0');
	if (mm < 1 || mm > 12)
		return 0;
	if (d[4] >= '4' && d[4] <= '6')
		return 1;		/* a BIN */
	return dd >= 1 && dd <= 31 && d[6] <= '6';
}

/* The date part of an IIN or BIN alone: a typo spoils the check digit. */
static int
iin_date(const char d[12])
{
	int	 mm = (d[2] - '0') * 10 + (d[3] - '0');
	int	 dd = (d[4] - '0') * 10 + (d[5] - '0');

	return mm >= 1 && mm <= 12 && ((dd >= 1 && dd <= 31 && d[6] <= '6') ||
	    (d[4] >= '4' && d[4] <= '6'));
}

/* The digits of the tokens [a, b) into d (at most 12); their number. */
static int
chain_digits(const struct pass *p, size_t a, size_t b, char d[12])
{
	int	 n = 0;
	size_t	 k;

	for (; a < b; a++)
		if (is_num(p, a))
			for (k = 0; k < tk(p, a)->len; k++) {
				if (n == 12)
					return 13;
				d[n++] = p->s[tk(p, a)->off + k];
			}
	return n;
}

/*
 * IIN/BIN: any run of 12 digits (valid or not: a typo is still one);
 * 12 digits in two to six groups joined by spaces or dashes when they
 * pass the validation step ("0403 1250 0772", "85 03 07 40 01 20"), or
 * when the first group is the six-digit birth date ("880101 300 123")
 * or the groups are joined by dashes.
 */
static void
num_iin(struct pass *p, size_t i)
{
	struct chain	 ch;
	char		 d[12];

	if (tk(p, i)->n == 12) {
		if (chain_digits(p, i, i + 1, d) == 12 && iin_valid(d))
			cand(p, i, i + 1, SCRUB_IIN, 98, "IIN, check digit");
		else
			cand(p, i, i + 1, SCRUB_IIN, 75, "12 digits");
		return;
	}
	if (num_cont_left(p, i) || tk(p, i)->n > 12 || tk(p, i)->n < 2 ||
	    is_wordlike(p, i - 1))
		return;
	chain_scan(p, i, SEP_SPACE | SEP_DASH, &ch);
	if (ch.n >= 2 && ch.n <= 6 && ch.ndig == 12 && !ch.open &&
	    !is_wordlike(p, ch.b) && chain_digits(p, ch.a, ch.b, d) == 12 &&
	    !unit_after(p, ch.b - 1)) {
		if (iin_valid(d)) {
			cand(p, ch.a, ch.b, SCRUB_IIN, 95,
			    "IIN in groups, check digit");
			return;
		}
		if (iin_date(d) && ch.g[0] >= 2) {
			cand(p, ch.a, ch.b, SCRUB_IIN, 60,
			    "12 digits in groups, a date first");
			return;
		}
	}
	chain_scan(p, i, tk(p, i)->n == 6 ? SEP_SPACE | SEP_DASH : SEP_DASH,
	    &ch);
	if (ch.n >= 2 && ch.n <= 4 && ch.ndig == 12 && !ch.open)
		cand(p, ch.a, ch.b, SCRUB_IIN, 70, "12 digits in groups");
}

/*
 * Phones: "+7 701 234 56 78" (a '+' and 10 to 13 digits); 11 digits
 * beginning with 7 or 8, whole or as "8 (727) 123-45-67"; a mobile
 * number without its 8 in three groups or more ("701 234 56 78");
 * "23-45-67" and "234-56-78".
 */
static void
num_phone(struct pass *p, size_t i)
{
	struct chain	 ch;
	char		 d0 = p->s[tk(p, i)->off];

	if (num_cont_left(p, i) || is_wordlike(p, i - 1))
		return;
	chain_scan(p, i, SEP_SPACE | SEP_DASH | SEP_PAREN, &ch);
	if (!is_wordlike(p, ch.b) && !ch.open) {
		if (is_p(p, i - 1, '+')) {
			if (ch.ndig >= 10 && ch.ndig <= 13)
				cand(p, i - 1, ch.b, SCRUB_PHONE, 90, NULL);
			return;
		}
		if ((d0 == '7' || d0 == '8') && ch.ndig == 11 &&
		    (ch.n == 1 || ch.g[0] <= 4)) {
			cand(p, i, ch.b, SCRUB_PHONE, 90, NULL);
			return;
		}
		/* A mobile number without its 8: "701 234 56 78" */
		if (d0 == '7' && ch.g[0] == 3 && ch.n >= 3 && ch.ndig == 10) {
			cand(p, i - (is_p(p, i - 1, '(') ? 1 : 0), ch.b,
			    SCRUB_PHONE, 90, NULL);
			return;
		}
	}
	chain_scan(p, i, SEP_DASH, &ch);
	if (ch.n == 3 && (ch.g[0] == 2 || ch.g[0] == 3) && ch.g[1] == 2 &&
	    ch.g[2] == 2 && !is_wordlike(p, ch.b) && !ch.open)
		cand(p, ch.a, ch.b, SCRUB_PHONE, 90, NULL);
}

/*
 * "day [-ordinal] month" at i ("12 марта", "12-го марта", "3-наурыз",
 * "3 наурызда"): the token after the month, or NONE.
 */
static size_t
day_month(const struct pass *p, size_t i)
{
	size_t	 j = i + 1;

	if (!is_day(tk(p, i)) || decimal_left(p, i))
		return NONE;
	if (is_p(p, j, '-') && is_w(p, j + 1, L_ORD))
		j += 2;
	if (is_hsp(p, j) || is_p(p, j, '-'))
		j++;
	if (!is_w(p, j, L_MONTH))
		return NONE;
	/* An abbreviated month takes its dot: "12 янв. 2025". */
	if (tk(p, j)->n <= 4 && is_p(p, j + 1, '.'))
		return j + 2;
	return j + 1;
}

/* After a date's day and month at e: "2025", "2025 г.", "2025 года". */
static size_t
date_tail(const struct pass *p, size_t e)
{
	size_t	 j = is_hsp(p, e) ? e + 1 : e;

	if (!is_year(tk(p, j)) || (is_wordlike(p, j + 1) &&
	    !is_w(p, j + 1, L_YEAR)))
		return e;
	if (is_w(p, j + 1, L_YEAR))		/* "2025г." */
		return tk(p, j + 1)->n <= 2 ? afterdot(p, j + 1) : j + 2;
	e = j + 1;
	j = nexttok(p, j);
	if (is_w(p, j, L_YEAR))
		e = tk(p, j)->n <= 2 ? afterdot(p, j) : j + 1;
	return e;
}

static int
valid_dm(long d, long m)
{
	return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/* A separator and a digit run follow token i: "2025" in "12.03.2025.1". */
static int
num_cont_right(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i + 1);

	return t->kind == TK_PUNCT && (t->cp == '.' || t->cp == ',' ||
	    t->cp == '/' || t->cp == '-' || t->cp == ':') &&
	    is_numlike(p, i + 2);
}

static int	 win(const struct pass *, size_t, const char *);
static int	 win_str(const char *, size_t, const char *);
static int	 not_age_before(const struct pass *, size_t);

/* Word i is a month in Roman numerals, I to XII. */
static int
roman_month(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_WORD && t->n <= 4 && win_str(p->s + t->off,
	    t->len, "I II III IV V VI VII VIII IX X XI XII");
}

/*
 * Dates: 12.03.2025, 12/03/25, 12-03-2025, 2025-03-12, 12.03; with a
 * month's name; "2025 жылғы 12 наурыз"; years of birth: "1956 г.р.",
 * "1956 года рождения", "1956 ж.т.", "1956 жылы туған".
 */
static void
num_date(struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i), *a, *b;
	uint32_t	 sep;
	size_t		 j, k, e;

	if (!is_wordlike(p, i - 1) && !num_cont_left(p, i)) {
		a = tk(p, i + 2);
		b = tk(p, i + 4);
		sep = tk(p, i + 1)->kind == TK_PUNCT ? tk(p, i + 1)->cp : 0;
		if ((sep == '.' || sep == '/' || sep == '-') &&
		    a->kind == TK_NUM && a->n <= 2) {
			if (is_p(p, i + 3, sep) && b->kind == TK_NUM &&
			    !num_cont_right(p, i + 4) &&
			    !is_wordlike(p, i + 5)) {
				/* 12.03.2025, 2025-03-12 */
				if (t->n <= 2 && (b->n == 2 || b->n == 4) &&
				    valid_dm(t->val, a->val))
					cand(p, i, i + 5, SCRUB_DATE, 90, NULL);
				else if (t->n == 4 && b->n <= 2 &&
				    valid_dm(b->val, a->val))
					cand(p, i, i + 5, SCRUB_DATE, 90, NULL);
			} else if (sep == '.' && t->n <= 2 && a->n == 2 &&
			    valid_dm(t->val, a->val) &&
			    !num_cont_right(p, i + 2) &&
			    !is_wordlike(p, i + 3) &&
			    !unit_after(p, i + 2)) {
				/* 12.03 */
				cand(p, i, i + 3, SCRUB_DATE, 90, NULL);
			}
		}
	}
	/* 14-го числа, айдың 14-і күні: a day of the month alone */
	if (is_day(t) && is_p(p, i + 1, '-') && !is_wordlike(p, i - 1) &&
	    !num_cont_left(p, i) && (is_w(p, i + 2, L_ORD) ||
	    win(p, i + 2, "і ы ші шы")) && ((win(p, nexttok(p, i + 2),
	    "числа число") && !not_age_before(p, i)) ||
	    weq(p, prevtok(p, i), "айдың"))) {
		cand(p, i, nexttok(p, i + 2) + 1, SCRUB_DATE, 85,
		    "day of the month");
		return;
	}
	/* 1.I.1985, 12.XII.85: a Roman month */
	if (is_day(t) && is_p(p, i + 1, '.') && is_p(p, i + 3, '.') &&
	    roman_month(p, i + 2) && is_num(p, i + 4) &&
	    (tk(p, i + 4)->n == 4 || tk(p, i + 4)->n == 2) &&
	    !is_wordlike(p, i - 1) && !num_cont_right(p, i + 4)) {
		cand(p, i, i + 5, SCRUB_DATE, 90, "date, Roman month");
		return;
	}
	/* 12 марта 2025 г., 3 наурызда */
	if ((e = day_month(p, i)) != NONE) {
		cand(p, i, date_tail(p, e), SCRUB_DATE, 90, NULL);
		return;
	}
	if (!is_year(t) || num_cont_left(p, i))
		return;
	j = is_hsp(p, i + 1) ? i + 2 : i + 1;
	if (!is_w(p, j, L_YEAR))
		return;
	k = afterdot(p, j);
	if (is_hsp(p, k))
		k++;
	/* 2025 жылғы 12 наурыз */
	if ((e = day_month(p, k)) != NONE) {
		cand(p, i, e, SCRUB_DATE, 90, NULL);
		return;
	}
	/* 1956 г.р., 1956 года рождения, 1956 ж.т. */
	if (is_w(p, k, L_BIRTH))
		cand(p, i, tk(p, k)->n <= 4 ? afterdot(p, k) : k + 1,
		    SCRUB_DATE, 90, NULL);
}

/* --- ages, times, car plates ------------------------------------------ */

/* Letters (code points) in s[0..len). */
static size_t
count_letters(const char *s, size_t len)
{
	const char	*p = s, *e = s + len;
	size_t		 n = 0;

	while (p < e)
		if (uc_isalpha(utf8_next(&p, e)))
			n++;
	return n;
}

static int	 name_word(const struct pass *, size_t);
static int	 sentence_start(const struct pass *, size_t);
static int	 is_patronymic(const struct pass *, size_t);

/* The lower-case word i is one of the space-separated words of list. */
static int
win(const struct pass *p, size_t i, const char *list)
{
	const struct tok *t = tk(p, i);

	if (t->kind != TK_WORD)
		return 0;
	return win_str(p->low + t->off, t->len, list);
}

/* w[0..len) is one of the words of list ('*' ends a stem). */
static int
win_str(const char *w, size_t len, const char *list)
{
	const char	*q;
	size_t		 n;

	for (; *list != '\0'; list = q) {
		while (*list == ' ')
			list++;
		/* (libc's search, not a byte at a time: 3% of scrubbing) */
		if ((q = strchr(list, ' ')) == NULL)
			q = list + strlen(list);
		n = (size_t)(q - list);
		if (n == 0)
			continue;
		if (list[n - 1] == '*' ? (len >= n - 1 &&
		    memcmp(w, list, n - 1) == 0) : (len == n &&
		    memcmp(w, list, n) == 0))
			return 1;
	}
	return 0;
}

/* Numerals in words, any case: value and rank (1 unit, 2 teen, 3 ten, 4 hundred). */
static const struct {
	const char	*w;
	int		 val, rank;
} numerals[] = {
	{ "один", 1, 1 }, { "одного", 1, 1 }, { "одному", 1, 1 },
	{ "одним", 1, 1 }, { "одна", 1, 1 }, { "одной", 1, 1 },
	{ "одну", 1, 1 }, { "два", 2, 1 }, { "две", 2, 1 }, { "двух", 2, 1 },
	{ "двум", 2, 1 }, { "двумя", 2, 1 }, { "три", 3, 1 }, { "трёх", 3, 1 },
	{ "трех", 3, 1 }, { "трём", 3, 1 }, { "трем", 3, 1 },
	{ "тремя", 3, 1 }, { "четыре", 4, 1 }, { "четырёх", 4, 1 },
	{ "четырех", 4, 1 }, { "четырём", 4, 1 }, { "четырем", 4, 1 },
	{ "пять", 5, 1 }, { "пяти", 5, 1 }, { "шесть", 6, 1 },
	{ "шести", 6, 1 }, { "семь", 7, 1 }, { "семи", 7, 1 },
	{ "восемь", 8, 1 }, { "восьми", 8, 1 }, { "девять", 9, 1 },
	{ "девяти", 9, 1 }, { "десять", 10, 2 }, { "десяти", 10, 2 },
	{ "одиннадцать", 11, 2 }, { "одиннадцати", 11, 2 },
	{ "двенадцать", 12, 2 }, { "двенадцати", 12, 2 },
	{ "тринадцать", 13, 2 }, { "тринадцати", 13, 2 },
	{ "четырнадцать", 14, 2 }, { "четырнадцати", 14, 2 },
	{ "пятнадцать", 15, 2 }, { "пятнадцати", 15, 2 },
	{ "шестнадцать", 16, 2 }, { "шестнадцати", 16, 2 },
	{ "семнадцать", 17, 2 }, { "семнадцати", 17, 2 },
	{ "восемнадцать", 18, 2 }, { "восемнадцати", 18, 2 },
	{ "девятнадцать", 19, 2 }, { "девятнадцати", 19, 2 },
	{ "двадцать", 20, 3 }, { "двадцати", 20, 3 }, { "тридцать", 30, 3 },
	{ "тридцати", 30, 3 }, { "сорок", 40, 3 }, { "сорока", 40, 3 },
	{ "пятьдесят", 50, 3 }, { "пятидесяти", 50, 3 },
	{ "шестьдесят", 60, 3 }, { "шестидесяти", 60, 3 },
	{ "семьдесят", 70, 3 }, { "семидесяти", 70, 3 },
	{ "восемьдесят", 80, 3 }, { "восьмидесяти", 80, 3 },
	{ "девяносто", 90, 3 }, { "девяноста", 90, 3 }, { "сто", 100, 4 },
	{ "ста", 100, 4 },
	{ "бір", 1, 1 }, { "екі", 2, 1 }, { "үш", 3, 1 }, { "төрт", 4, 1 },
	{ "бес", 5, 1 }, { "алты", 6, 1 }, { "жеті", 7, 1 },
	{ "сегіз", 8, 1 }, { "тоғыз", 9, 1 }, { "он", 10, 3 },
	{ "жиырма", 20, 3 }, { "отыз", 30, 3 }, { "қырық", 40, 3 },
	{ "елу", 50, 3 }, { "алпыс", 60, 3 }, { "жетпіс", 70, 3 },
	{ "сексен", 80, 3 }, { "тоқсан", 90, 3 }, { "жүз", 100, 4 },
};

#define NNUMERALS	(sizeof(numerals) / sizeof(numerals[0]))

/*
 * The numerals by length, set once by scrub_new: byl[bylen[n] ..
 * bylen[n + 1]) are the indices of those n bytes long, in numerals[]
 * order (the first match is the one taken).  Every numeral is 4 to 24
 * bytes; a word is looked up among those of its length alone.
 */
#define NUMERAL_MAX	24
static size_t	 bylen[NUMERAL_MAX + 2];
static unsigned char byl[NNUMERALS];
_Static_assert(NNUMERALS <= 256, "byl holds a numeral's index in a byte");

static void
numerals_init(void)
{
	size_t	 k, n, at[NUMERAL_MAX + 2];

	memset(bylen, 0, sizeof(bylen));
	for (k = 0; k < NNUMERALS; k++) {
		n = strlen(numerals[k].w);
		assert(n >= 4 && n <= NUMERAL_MAX);
		bylen[n + 1]++;
	}
	for (n = 1; n < NUMERAL_MAX + 2; n++)
		bylen[n] += bylen[n - 1];
	memcpy(at, bylen, sizeof(at));
	for (k = 0; k < NNUMERALS; k++)
		byl[at[strlen(numerals[k].w)]++] = (unsigned char)k;
}

/* The numeral w[0..n) (lower case): its index in numerals[], or -1. */
static int
numeral_at(const char *w, size_t n)
{
	size_t	 i, k;

	/* every numeral is Cyrillic */
	if (n < 4 || n > NUMERAL_MAX || ((unsigned char)w[0] & 0xe0) != 0xc0)
		return -1;
	for (i = bylen[n]; i < bylen[n + 1]; i++) {
		k = byl[i];
		if (numerals[k].w[1] == w[1] && memcmp(numerals[k].w, w, n) ==
		    0)
			return (int)k;
	}
	return -1;
}

/*
 * A number in words at i ("шестьдесят семь", "сорока пяти", "алпыс
 * жеті"): its value (1-199), *end set past its last word; 0 if none.
 */
static int
num_words(const struct pass *p, size_t i, size_t *end)
{
	const struct tok *t;
	int	 val = 0, rank = 5, k, n = 0;
	size_t	 j = i;

	for (;;) {
		t = tk(p, j);
		if (t->kind != TK_WORD ||
		    (k = numeral_at(p->low + t->off, t->len)) < 0 ||
		    numerals[k].rank >= rank || n == 3)
			break;
		/* "он бес": the Kazakh ten takes a unit, no teen */
		val += numerals[k].val;
		rank = numerals[k].rank == 2 ? 1 : numerals[k].rank;
		n++;
		*end = j + 1;
		if (!is_hsp(p, j + 1))
			break;
		j += 2;
	}
	return n > 0 && val <= 199 ? val : 0;
}

#define AU_YEAR		1
#define AU_MONTH	2
#define AU_DAY		3
#define AU_WEEK		4

/*
 * Compound adjectives of age: "двухмесячный", "семидесятилетний",
 * "сорокалетняя", "пятидневный", "годовалый".  The value, *unit set;
 * 0 if the word is none.
 */
static int
age_compound(const struct pass *p, size_t i, int *unit)
{
	static const struct {
		const char	*stem;
		int		 unit;
	} stems[] = { { "летн", AU_YEAR }, { "месячн", AU_MONTH },
	    { "дневн", AU_DAY }, { "суточн", AU_DAY },
	    { "недельн", AU_WEEK } };
	static const char *const gen[] = { "двадцати", "тридцати", "сорока",
	    "пятидесяти", "шестидесяти", "семидесяти", "восьмидесяти",
	    "девяноста", "ста", "одиннадцати", "двенадцати", "тринадцати",
	    "четырнадцати", "пятнадцати", "шестнадцати", "семнадцати",
	    "восемнадцати", "девятнадцати", "десяти", "одно", "двух",
	    "трёх", "трех", "четырёх", "четырех", "пяти", "шести", "семи",
	    "восьми", "девяти", "сто" };
	static const int genval[] = { 20, 30, 40, 50, 60, 70, 80, 90, 100,
	    11, 12, 13, 14, 15, 16, 17, 18, 19, 10, 1, 2, 3, 3, 4, 4, 5, 6, 7,
	    8, 9, 100 };
	const struct tok *t = tk(p, i);
	const char	*w = p->low + t->off, *at;
	size_t		 k, s, pos, n;
	int		 val = 0, parts = 0, found;

	/* "двухлетний" and longer; a numeral's first letter */
	if (t->kind != TK_WORD || t->len < 16 || t->len > 80 ||
	    (t->flags & TF_MIXED))
		return 0;
	if (t->len >= 16 && memcmp(w, "годовал", 14) == 0) {
		*unit = AU_YEAR;
		return 1;
	}
	/* A numeral first, or none of it (most long words: asked first). */
	for (k = 0; k < sizeof(gen) / sizeof(gen[0]); k++)
		if (w[1] == gen[k][1] && (n = strlen(gen[k])) <= t->len &&
		    memcmp(w, gen[k], n) == 0)
			break;
	if (k == sizeof(gen) / sizeof(gen[0]))
		return 0;
	for (s = 0; s < sizeof(stems) / sizeof(stems[0]); s++) {
		n = strlen(stems[s].stem);
		/* (the second byte first: a Cyrillic letter's first byte
		 * is one of two) */
		for (at = w + 1; at + n <= w + t->len; at++)
			if (at[1] == stems[s].stem[1] &&
			    memcmp(at, stems[s].stem, n) == 0)
				break;
		if (at + n > w + t->len)
			continue;
		for (pos = 0; pos < (size_t)(at - w); ) {
			found = 0;
			for (k = 0; k < sizeof(gen) / sizeof(gen[0]); k++) {
				n = strlen(gen[k]);
				if (pos + n <= (size_t)(at - w) &&
				    w[pos + 1] == gen[k][1] &&
				    memcmp(w + pos, gen[k], n) == 0) {
					val += genval[k];
					pos += n;
					found = 1;
					parts++;
					break;
				}
			}
			if (!found)
				return 0;
		}
		if (parts == 0 || val > 130)
			return 0;
		*unit = stems[s].unit;
		return val;
	}
	return 0;
}

/*
 * The unit of an age at j: AU_* or 0; *sure set when the word is only
 * said of an age ("жастағы", "жасар", "-летний"), *adj when it is an
 * adjective that needs a person next to it to be one ("айлық",
 * "күндік": "5 айлық бала", but "3 айлық ем").
 */
static int
age_unit(const struct pass *p, size_t j, int *sure, int *adj)
{
	*sure = *adj = 0;
	if (!is_w(p, j, L_AGEUNIT))
		return 0;
	if (win(p, j, "жаста жастағы жасар жасында жасындағы жастан "
	    "жасқа летн* годовал*")) {
		*sure = 1;
		return AU_YEAR;
	}
	if (win(p, j, "год года году лет годик* жас жасы"))
		return AU_YEAR;
	if (win(p, j, "айлық* месячн*")) {
		*adj = 1;
		return AU_MONTH;
	}
	if (win(p, j, "месяц месяца месяцев мес ай"))
		return AU_MONTH;
	if (win(p, j, "күндік* тәуліктік* дневн* суточн*")) {
		*adj = 1;
		return AU_DAY;
	}
	if (win(p, j, "день дня дней дн сутки суток сут күн күндік "
	    "тәулік тәулігінде тәулікте күні тәуліктен тәулікке тәуліктің "
	    "тәулігі тәулігіне тәулігінен күннен күнге күнінде"))
		return AU_DAY;
	if (win(p, j, "недел* нед апта* недельн*"))
		return AU_WEEK;
	return 0;
}

/*
 * A person just before an age ("пациентка 33 лет", "Сидорова, 45 лет"),
 * or earlier in the sentence with a comma before the age ("Пациент
 * Hakan Demir, гражданин Турции, 44 года").
 */
static int
person_before(struct pass *p, size_t i)
{
	size_t	 k = prevtok(p, i);
	int	 n, comma = 0;

	if (k != NONE && (is_p(p, k, ',') || is_dash(p, k))) {
		comma = is_p(p, k, ',');
		k = prevtok(p, k);
	}
	if (k == NONE)
		return 0;
	if (tk(p, k)->kind == TK_MARKER)
		return tk(p, k)->type == SCRUB_NAME;
	if (is_w(p, k, L_PERSON) || name_word(p, k))
		return 1;
	for (n = 0; comma && n < 12 && k != NONE; n++, k = prevtok(p, k)) {
		if (is_p(p, k, '.') || is_p(p, k, ';') || is_p(p, k, '!') ||
		    is_p(p, k, '?') || is_p(p, k, ':'))
			return 0;
		if ((tk(p, k)->kind == TK_MARKER && tk(p, k)->type ==
		    SCRUB_NAME) || (is_w(p, k, L_PERSON) &&
		    !(tk(p, k)->cls & L_ROLE)) || is_w(p, k, L_ROLE))
			return 1;
	}
	return 0;
}

/* Words before a number that make it a duration or a pregnancy's term. */
static int
not_age_before(const struct pass *p, size_t i)
{
	size_t	 k = prevtok(p, i);

	return k != NONE && win(p, k, "течение протяжении последние "
	    "более менее свыше через спустя за стаж стажем болеет курит "
	    "страдает срок сроке сроком гестации гестационный "
	    "гестационного беременность беременности жүктілігі "
	    "жүктіліктің жүктілік шамамен соңғы");
}

/* Words after an age's unit that make it a duration. */
static int
not_age_after(const struct pass *p, size_t j)
{
	size_t	 k = nexttok(p, j);

	return win(p, k, "назад бұрын бойы ішінде после кейін подряд "
	    "стаж стажа опыт тәжірибе ем емі емдеу курс курса курсом "
	    "демалыс жоспар мерзім перерыв");
}

/*
 * An age at i (a number in digits or words, or a compound adjective),
 * its unit at j: years, months or days of life, but not a pregnancy's
 * weeks nor a duration ("курит 20 лет", "3 жыл бұрын", "в течение 3
 * лет").  Sure: "жастағы", "-летний"; "айлық"/"күндік" with a person
 * next to it; a person just before; a day of life ("на 5-е сутки
 * жизни", "өмірінің 6-тәулігінде").  Else a weak proposal, for the
 * record's other language to confirm.
 */
static void
age_at(struct pass *p, size_t i, size_t num_end, int val, size_t j,
    int unit, int sure, int adj)
{
	size_t	 e = j + 1, k;
	int	 conf = 0;
	const char *why = NULL;

	if (unit == 0 || val <= 0 || val > 130)
		return;
	if (unit == AU_YEAR && val < p->scr->min_age)
		return;
	if (unit != AU_YEAR && p->scr->min_age > 0)
		return;
	/* "2 мес., вес": an abbreviated unit's dot inside the sentence */
	if (tk(p, j)->n <= 3 && is_p(p, e, '.') && (is_p(p, e + 1, ',') ||
	    (is_hsp(p, e + 1) && tk(p, e + 2)->kind == TK_WORD &&
	    !(tk(p, e + 2)->flags & TF_CAP))))
		e++;
	/* A day of life: "5-е сутки жизни", "өмірінің 6-тәулігінде" */
	k = nexttok(p, j);
	if ((unit == AU_DAY || unit == AU_WEEK) && (win(p, k, "жизни") ||
	    (win(p, k, "от") && win(p, nexttok(p, k), "роду")))) {
		conf = 90;
		why = "day of life";
		e = win(p, k, "жизни") ? k + 1 : nexttok(p, k) + 1;
	} else if ((unit == AU_DAY || unit == AU_WEEK) &&
	    (k = prevtok(p, i)) != NONE && win(p, k, "өмірінің өмірдің "
	    "туғанына туылғанына")) {
		conf = 90;
		why = "day of life";
	} else if (unit == AU_WEEK) {
		return;			/* a pregnancy's weeks */
	} else if (unit == AU_DAY && is_p(p, num_end, '-')) {
		/* "на 8-е сутки", "8-тәулікте": a day of the stay */
		if (not_age_before(p, i) || not_age_after(p, j))
			return;
		conf = 10;
		why = "day of a stay";
	} else if (sure && !not_age_after(p, j)) {
		conf = 90;
		why = "age";
	} else if (adj && (is_w(p, nexttok(p, j), L_PERSON) ||
	    person_before(p, i) || tk(p, nexttok(p, j))->kind == TK_PUNCT ||
	    tk(p, nexttok(p, j))->kind == TK_END) && !not_age_after(p, j)) {
		conf = 85;
		why = "age of a child";
	} else if (!adj && person_before(p, i) && !not_age_after(p, j)) {
		conf = 85;
		why = "age after a person";
	} else if (unit == AU_YEAR && val >= 90 && !not_age_before(p, i) &&
	    !not_age_after(p, j)) {
		conf = 70;
		why = "age of 90 or more";
	} else if (!not_age_before(p, i) && !not_age_after(p, j)) {
		conf = 10;		/* weak: a number of years or days */
		why = "number of years, months or days";
	} else
		return;
	(void)num_end;
	candk(p, i, e, SCRUB_AGE, conf, 0, why, val * 4L + unit);
}

/* The second part of "1 года 2 месяцев", "1 жас 2 айлық" is an age too. */
static void
age_chain(struct pass *p)
{
	size_t	 k, j, c;
	int	 sure, adj, unit, n = (int)p->nc;

	for (c = 0; c < (size_t)n; c++) {
		if (p->c[c].type != SCRUB_AGE || p->c[c].conf < 80)
			continue;
		k = nexttok(p, p->c[c].b - 1);
		if (!is_num(p, k) || tk(p, k)->n > 2)
			continue;
		j = nexttok(p, k);
		unit = age_unit(p, j, &sure, &adj);
		if (unit == AU_MONTH || unit == AU_DAY)
			candk(p, k, j + 1, SCRUB_AGE, 85, 0, "age",
			    tk(p, k)->val * 4L + unit);
	}
}

static int	 verb_like(const struct pass *, size_t);

/*
 * An age's unit cut short at j: "г.", "л.", "ж." with their dot, then a
 * comma, a bracket, the end or a verb ("Женщина, 34 г., доставлена",
 * "Пациентка 34 л. поступила", "34 ж., жеткізілді"); not a dose ("2 г.
 * цефазолина": a noun follows).  "y.o.", "y/o".  Where it ends, or 0.
 */
static size_t
age_abbr(const struct pass *p, size_t j)
{
	const struct tok *t = tk(p, j);
	size_t	 k;

	if (t->kind != TK_WORD || t->n != 1)
		return 0;
	if (p->s[t->off] == 'y' && (is_p(p, j + 1, '.') ||
	    is_p(p, j + 1, '/')) && weq(p, j + 2, "o"))
		return afterdot(p, j + 2);
	if (!win(p, j, "г л ж") || !is_p(p, j + 1, '.'))
		return 0;
	k = nexttok(p, j + 1);
	if (tk(p, k)->kind == TK_END || is_p(p, k, ',') || is_p(p, k, ')') ||
	    is_p(p, k, ';') || verb_like(p, k))
		return j + 2;
	return 0;
}

/*
 * "Пациентка (34)", "мать (30)": a number of years alone in brackets,
 * right after one person (not "пациентов (5)", a count).
 */
static void
age_bracket(struct pass *p, size_t i)
{
	size_t	 k;

	if (!is_p(p, i - 1, '(') || !is_p(p, i + 1, ')') ||
	    tk(p, i)->val < p->scr->min_age || tk(p, i)->val < 1)
		return;
	k = prevtok(p, i - 1);
	if (k == NONE)
		return;
	if (is_w(p, k, L_PERSON | L_ROLE) && (win(p, k, "женщин мужчин "
	    "пациентов больных детей") || wsuffix(p, k, "ы") ||
	    wsuffix(p, k, "ов") || wsuffix(p, k, "ей") ||
	    wsuffix(p, k, "ам") || wsuffix(p, k, "ах") ||
	    wsuffix(p, k, "лар") || wsuffix(p, k, "лер")))
		return;
	if (is_w(p, k, L_PERSON | L_ROLE) || (tk(p, k)->kind ==
	    TK_MARKER && tk(p, k)->type == SCRUB_NAME))
		candk(p, i, i + 1, SCRUB_AGE, 80, 0, "age in brackets",
		    tk(p, i)->val * 4L + AU_YEAR);
}

/* A number in digits at i and its unit: an age? */
static void
num_age(struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	size_t	 j = i + 1, e;
	int	 unit, sure, adj, val = (int)t->val;

	if (t->n > 3 || t->val > 130 || decimal_left(p, i) ||
	    is_wordlike(p, i - 1))
		return;
	age_bracket(p, i);
	if (is_hsp(p, j) && (e = age_abbr(p, j + 1)) != 0) {
		if (val >= 1 && val >= p->scr->min_age &&
		    (person_before(p, i) || weq(p, j + 1, "y")) &&
		    !not_age_before(p, i))
			candk(p, i, e, SCRUB_AGE, 85, 0, "age, a short unit",
			    val * 4L + AU_YEAR);
		return;
	}
	/* "1,5 года", "2,5 жаста": a half counts as the whole */
	if ((is_p(p, j, ',') || is_p(p, j, '.')) && is_num(p, j + 1) &&
	    tk(p, j + 1)->n == 1 && !num_cont_right(p, j + 1))
		j += 2;
	else if (num_cont_right(p, i))
		return;
	/* "5-е сутки", "6-тәулігінде", "5-ші күні", "72-летняя", "5 айлық" */
	if (is_p(p, j, '-')) {
		j++;
		if (tk(p, j)->kind == TK_WORD && (tk(p, j)->cls & L_ORD) &&
		    is_hsp(p, j + 1))
			j += 2;
	} else if (is_hsp(p, j))
		j++;
	unit = age_unit(p, j, &sure, &adj);
	age_at(p, i, i + 1, val, j, unit, sure, adj);
}

/* A number in words and its unit, or a compound adjective, at i. */
static void
word_age(struct pass *p, size_t i)
{
	size_t	 e = i + 1, j;
	int	 val, unit, sure, adj;

	if (tk(p, i)->n < 2 || (!(tk(p, i)->cls & L_NUMERAL) &&
	    tk(p, i)->len < 16))
		return;
	if ((val = age_compound(p, i, &unit)) > 0) {
		if (unit == AU_WEEK && !win(p, nexttok(p, i), "ребенок "
		    "ребёнок младенец новорожденный новорождённый"))
			return;
		if ((unit == AU_YEAR && val >= p->scr->min_age) ||
		    p->scr->min_age == 0)
			candk(p, i, i + 1, SCRUB_AGE, 85, 0, "age in words",
			    val * 4L + unit);
		return;
	}
	if (i > 0 && tk(p, i - 1)->kind == TK_SPACE &&
	    numeral_at(p->low + tk(p, i - 2)->off, tk(p, i - 2)->len) >= 0 &&
	    tk(p, i - 2)->kind == TK_WORD)
		return;			/* inside a number already seen */
	if ((val = num_words(p, i, &e)) == 0)
		return;
	j = is_hsp(p, e) ? e + 1 : e;
	unit = age_unit(p, j, &sure, &adj);
	age_at(p, i, e, val, j, unit, sure, adj);
}

/* Words before a time of day ("в 14:55", "сағат 09:10-да"). */
static int
time_before(const struct pass *p, size_t i)
{
	size_t	 k = prevtok(p, i);

	return k != NONE && win(p, k, "в во около к примерно ориентировочно "
	    "сағат сағ шамамен часов с до после между и");
}

/* Words before a ratio ("в разведении 1:10"). */
static int
ratio_before(const struct pass *p, size_t i)
{
	size_t	 k = prevtok(p, i), m;

	if (k == NONE)
		return 0;
	m = k != NONE ? prevtok(p, k) : NONE;
	return win(p, k, "разведени* соотношени* титр* сұйылт* пропорци* "
	    "разбавлени* катушк*") || (m != NONE &&
	    win(p, m, "разведени* соотношени* титр* сұйылт* пропорци*"));
}

/*
 * Times of day, always masked (the tables never show the time): "в
 * 14:55", "сағат 09:10-да", "22:30-да", "в 23.40", "14 ч 55 мин", "в 14
 * часов 20 минут", "14 сағат 20 минутта", "около 3 часов ночи",
 * "сағат 3-те"; not a ratio ("в разведении 1:10") nor a duration ("в
 * течение 2 ч 15 мин").
 */
static void
num_time(struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i), *m;
	size_t	 j, k, e;

	if (t->n > 2 || t->val > 24 || num_cont_left(p, i) ||
	    is_wordlike(p, i - 1))
		return;
	m = tk(p, i + 2);
	/* 14:55, 14.55 */
	if ((is_p(p, i + 1, ':') || is_p(p, i + 1, '.')) &&
	    m->kind == TK_NUM && m->n == 2 && m->val <= 59 &&
	    !(is_p(p, i + 3, ':') && is_num(p, i + 4) && is_p(p, i + 5, ':')) &&
	    (!is_wordlike(p, i + 3) || win(p, i + 3, "ч час часов сағ "
	    "сағатта")) && !ratio_before(p, i)) {
		e = i + 3;
		if (is_p(p, e, ':') && tk(p, e + 1)->kind == TK_NUM &&
		    tk(p, e + 1)->n == 2)
			e += 2;		/* seconds */
		if (is_p(p, i + 1, ':'))
			cand(p, i, e, SCRUB_TIME, 95, "time of day");
		else if (time_before(p, i) || (is_p(p, e, '-') &&
		    win(p, e + 1, "да де та те дан ден тан тен ға ге қа ке")))
			cand(p, i, e, SCRUB_TIME, 80, "time of day");
		return;
	}
	/* 14 ч 55 мин, 14 часов 20 минут, 14 сағат 20 минутта */
	j = is_hsp(p, i + 1) ? i + 2 : i + 1;
	if (win(p, j, "ч час часа часов сағат сағ")) {
		k = is_p(p, j + 1, '.') ? j + 2 : j + 1;
		if (is_hsp(p, k))
			k++;
		if (is_num(p, k) && tk(p, k)->n <= 2 && tk(p, k)->val <= 59) {
			size_t	 u = is_hsp(p, k + 1) ? k + 2 : k + 1;

			if (win(p, u, "мин минут минуты минута минутта "
			    "минутте минутында") && (time_before(p, i) ||
			    win(p, u, "минутта минутте минутында"))) {
				e = u + 1;
				if (is_p(p, e, '.') && !(tk(p, e + 1)->kind ==
				    TK_END || (is_hsp(p, e + 1) &&
				    (tk(p, e + 2)->flags & TF_CAP))))
					e++;
				cand(p, i, e, SCRUB_TIME, 85, "time of day");
				return;
			}
		}
		/* около 3 часов ночи, в 2 часа ночи, в 14 часов, в 23 ч. */
		k = nexttok(p, j);
		if (time_before(p, i) && (win(p, k, "ночи утра дня вечера") ||
		    (win(p, prevtok(p, i), "в во к") &&
		    win(p, j, "ч час часа часов")))) {
			cand(p, i, win(p, k, "ночи утра дня вечера") ? k + 1 :
			    j + 1, SCRUB_TIME, 80, "time of day");
			return;
		}
	}
	/* в 8 утра, около 11 вечера */
	if (time_before(p, i) && win(p, j, "ночи утра вечера дня") &&
	    t->val <= 12) {
		cand(p, i, j + 1, SCRUB_TIME, 80, "time of day");
		return;
	}
	/* сағат 3-те, сағат 14-те */
	k = prevtok(p, i);
	if (k != NONE && win(p, k, "сағат сағ") && is_p(p, i + 1, '-') &&
	    win(p, i + 2, "да де та те дан ден тан тен ға ге қа ке"))
		cand(p, i, i + 1, SCRUB_TIME, 85, "time of day");
}

/* A letter of Kazakhstan's car plates; *latin set for Latin. */
static int
plate_letters(const struct pass *p, size_t i, int *latin)
{
	const struct tok *t = tk(p, i);
	const char	*s = p->s + t->off, *e = s + t->len;
	uint32_t	 c;

	if (t->kind != TK_WORD || t->n < 1 || t->n > 3 ||
	    !(t->flags & TF_CAP) || (t->n > 1 && !(t->flags & TF_ALLCAPS)))
		return 0;
	*latin = 1;
	while (s < e) {
		c = utf8_next(&s, e);
		if (c >= 'A' && c <= 'Z')
			continue;
		*latin = 0;
		/* А В Е К М Н О Р С Т У Х */
		if (c != 0x410 && c != 0x412 && c != 0x415 && c != 0x41a &&
		    c != 0x41c && c != 0x41d && c != 0x41e && c != 0x420 &&
		    c != 0x421 && c != 0x422 && c != 0x423 && c != 0x425)
			return 0;
	}
	return 1;
}

/* A word before a plate that says it is one: "госномер", "көлік". */
static int
plate_context(const struct pass *p, size_t i)
{
	size_t	 k = prevtok(p, i);
	int	 n;

	for (n = 0; n < 3 && k != NONE; n++, k = prevtok(p, k))
		if (win(p, k, "номер* госномер* гос г/н автомобил* машин* "
		    "авто* көлік* нөмір* транспорт*"))
			return 1;
	return 0;
}

/*
 * Car plates: "315 AKX 02", "907ABD01", "123 AB 17" (three digits,
 * two or three letters, the region 01-20) and the older "A 123 BCD";
 * Latin letters, or Cyrillic ones that look alike after a word that
 * announces a plate.
 */
static void
num_plate(struct pass *p, size_t i)
{
	size_t	 j, k;
	int	 lat1, lat2;

	if (tk(p, i)->n != 3 || num_cont_left(p, i) || decimal_left(p, i))
		return;
	j = is_hsp(p, i + 1) && tk(p, i + 1)->n == 1 ? i + 2 : i + 1;
	if (plate_letters(p, j, &lat1) && tk(p, j)->n >= 2) {
		k = is_hsp(p, j + 1) && tk(p, j + 1)->n == 1 ? j + 2 : j + 1;
		if (is_num(p, k) && tk(p, k)->n == 2 && tk(p, k)->val >= 1 &&
		    tk(p, k)->val <= 20 && !num_cont_right(p, k) &&
		    !is_wordlike(p, k + 1) && (lat1 || plate_context(p, i))) {
			cand(p, i, k + 1, SCRUB_NUMBER, 90, "car plate");
			return;
		}
	}
	/* A 123 BCD */
	k = i - 1;
	if (is_hsp(p, k) && tk(p, k)->n == 1)
		k--;
	if (k < p->nt && plate_letters(p, k, &lat1) && tk(p, k)->n == 1 &&
	    !is_p(p, k - 1, '.') && plate_letters(p, j, &lat2) &&
	    tk(p, j)->n >= 2 && !is_wordlike(p, j + 1) &&
	    ((lat1 && lat2) || plate_context(p, k)))
		cand(p, k, j + 1, SCRUB_NUMBER, 85, "car plate");
}

/*
 * A year of birth written short or with a verb: "85 г.р.", "85 ж.т.",
 * "85 жылы туған", "родилась в 1985 году", "родился в 79-м году",
 * "Рожд. 1966".
 */
static void
num_birthyear(struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	size_t	 j, k, e;
	int	 n;

	if ((t->n != 2 && t->n != 4) || (t->n == 4 && !is_year(t)) ||
	    num_cont_left(p, i) || num_cont_right(p, i) ||
	    is_wordlike(p, i - 1))
		return;
	/* 85 г.р., 85 ж.т., 85 жылы туған, 85 года рождения */
	j = is_hsp(p, i + 1) ? i + 2 : i + 1;
	if (t->n == 2 && is_w(p, j, L_YEAR)) {
		k = afterdot(p, j);
		if (is_hsp(p, k))
			k++;
		if (is_w(p, k, L_BIRTH)) {
			cand(p, i, tk(p, k)->n <= 4 ? afterdot(p, k) : k + 1,
			    SCRUB_DATE, 90, "year of birth");
			return;
		}
	}
	/* 85гр, 85 гр */
	if (t->n == 2 && win(p, j, "гр") && !is_w(p, nexttok(p, j), L_UNIT)) {
		cand(p, i, j + 1, SCRUB_DATE, 80, "year of birth");
		return;
	}
	/* родилась в 1985 году, 1985 жылы дүниеге келген */
	for (k = prevtok(p, i), n = 0; k != NONE && n < 3;
	    k = prevtok(p, k), n++)
		if (win(p, k, "родил* рожд* туған туды туылған дүниеге "
		    "рождения"))
			break;
	if (k == NONE || n == 3) {
		k = nexttok(p, i);
		if (is_p(p, k, '-'))
			k = k + 2;
		if (is_w(p, k, L_YEAR))
			k = nexttok(p, afterdot(p, k) - 1);
		if (!win(p, k, "туған туды туылған дүниеге"))
			return;
	}
	e = i + 1;
	if (is_p(p, e, '-') && tk(p, e + 1)->kind == TK_WORD &&
	    tk(p, e + 1)->n <= 2)
		e += 2;			/* 79-м */
	j = is_hsp(p, e) ? e + 1 : e;
	if (is_w(p, j, L_YEAR))
		e = tk(p, j)->n <= 2 ? afterdot(p, j) : j + 1;
	else if (t->n == 2 && e == i + 1)
		return;			/* "в 85" alone is no year */
	cand(p, i, e, SCRUB_DATE, 85, "year of birth");
}

/* A long run of digits (7 or more) that is no measurement. */
static void
num_long(struct pass *p, size_t i)
{
	struct chain	 ch;

	if (decimal_left(p, i))
		return;
	if (tk(p, i)->n >= 7 && tk(p, i)->n != 12) {
		if (!unit_after(p, i))
			cand(p, i, i + 1, SCRUB_NUMBER, 90, NULL);
		return;
	}
	if (num_cont_left(p, i))
		return;
	chain_scan(p, i, SEP_DASH | SEP_SLASH, &ch);
	if (ch.n >= 2 && ch.ndig >= 7 && !ch.open && !unit_after(p, ch.b - 1))
		cand(p, ch.a, ch.b, SCRUB_NUMBER, 90, NULL);
}

/* "№ 5", "№123/45", "№ 2025-123", unless a document's number. */
static void
rule_numsign(struct pass *p, size_t i)
{
	size_t	 j = is_hsp(p, i + 1) ? i + 2 : i + 1, b;
	int	 n;

	if (!is_num(p, j))
		return;
	/* "№ 32 бұйрығына": the document's word after the number */
	if (is_w(p, nexttok(p, num_end(p, j) - 1), L_DOC))
		return;
	/* "приказ № 32", "приказом МЗ РК № 32", "пункт 3 приложения № 2" */
	for (b = prevtok(p, i), n = 0; b != NONE && n < 3; n++) {
		if (is_w(p, b, L_DOC))
			return;
		if (!is_wordlike(p, b) && !is_p(p, b, '.'))
			break;
		b = prevtok(p, b);
	}
	cand(p, i, num_end(p, j), SCRUB_NUMBER, 90, NULL);
}

/* A context word and a number: ИИН, тел., возраст, ГКБ, ИБ. */
static void
ctx_number(struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	struct chain	 ch;
	size_t		 j, k, e;

	if (t->cls & L_IIN) {
		j = after_label(p, i);
		if (is_num(p, j)) {
			chain_scan(p, j, SEP_SPACE | SEP_DASH, &ch);
			if (ch.ndig >= 9 && ch.ndig <= 14 && !ch.open)
				cand(p, j, ch.b, SCRUB_IIN, 90, NULL);
		}
	}
	if (t->cls & L_PHONE) {
		/* тел. 23-45-67, 23-45-68; телефон: +7 (701) 234-56-78 */
		j = after_label(p, i);
		for (;;) {
			k = j;
			if (is_p(p, k, '+') || is_p(p, k, '('))
				k++;
			if (!is_num(p, k))
				break;
			chain_scan(p, k, SEP_SPACE | SEP_DASH | SEP_PAREN, &ch);
			if (ch.ndig < 5 || ch.ndig > 13 || ch.open)
				break;
			cand(p, j, ch.b, SCRUB_PHONE, 90, NULL);
			j = nexttok(p, ch.b - 1);
			if (is_p(p, j, ',') || is_p(p, j, ';'))
				j = nexttok(p, j);
			else if (weq(p, j, "или") || weq(p, j, "и") ||
			    weq(p, j, "немесе") || weq(p, j, "және"))
				j = nexttok(p, j);
			else
				break;
		}
	}
	if ((t->cls & L_AGECTX) && !win(p, prevtok(p, i), "гестационный "
	    "гестационного гестационном гестациялық постконцептуальный "
	    "скорректированный")) {
		/* в возрасте 91 года, жасы 92-де; not a pregnancy's weeks */
		const struct tok *v;
		int	 unit = AU_YEAR, u, sure, adj;

		j = after_label(p, i);
		v = tk(p, j);
		if (v->kind == TK_NUM && v->n <= 3 &&
		    v->val >= p->scr->min_age && v->val <= 130) {
			e = j + 1;
			k = is_hsp(p, e) || is_p(p, e, '-') ? e + 1 : e;
			if ((u = age_unit(p, k, &sure, &adj)) != 0) {
				unit = u;
				e = k + 1;
			} else if (is_p(p, e, '-') &&
			    tk(p, e + 1)->kind == TK_WORD &&
			    tk(p, e + 1)->n <= 4)
				e += 2;
			if (unit != AU_WEEK && (unit == AU_YEAR ||
			    p->scr->min_age == 0))
				candk(p, j, e, SCRUB_AGE, 90, 0, "age",
				    v->val * 4L + unit);
		}
	}
	if (t->cls & L_FACIL) {
		/* ГКБ 7, больница 3 (not "больница 3 раза") */
		j = nexttok(p, i);
		if (is_num(p, j) && tk(p, j)->n <= 4 && !unit_after(p, j) &&
		    !num_cont_right(p, j))
			cand(p, j, num_end(p, j), SCRUB_NUMBER, 90, NULL);
	}
	if (t->cls & L_CASE) {
		/* история болезни 12345, ИБ 123/45, ауру тарихы: 456 */
		j = after_label(p, i);
		if (is_num(p, j)) {
			e = num_end(p, j);
			if (digits_in(p, j, e) >= 3 && !unit_after(p, e - 1))
				cand(p, j, e, SCRUB_NUMBER, 90, NULL);
		}
	}
	if ((t->cls & L_MONTH) && (wsuffix(p, i, "ның") ||
	    wsuffix(p, i, "нің") || wsuffix(p, i, "дың") ||
	    wsuffix(p, i, "дің") || wsuffix(p, i, "тың") ||
	    wsuffix(p, i, "тің"))) {
		/* наурыздың 3-і, наурыздың 3-інде */
		j = nexttok(p, i);
		if (is_day(tk(p, j)) && !num_cont_right(p, j)) {
			e = j + 1;
			if (is_p(p, e, '-') && tk(p, e + 1)->kind == TK_WORD &&
			    tk(p, e + 1)->n <= 5)
				e += 2;
			cand(p, i, e, SCRUB_DATE, 90, NULL);
		}
	}
	if (t->cls & L_BIRTH) {
		/* г.р. 1956, год рождения: 1956, туған жылы 1956 */
		e = NONE;
		k = prevtok(p, i);
		if (is_p(p, i - 1, '.') && is_w(p, i - 2, L_YEAR | L_DATEW))
			e = i;
		else if (k != NONE && is_w(p, k, L_YEAR | L_DATEW))
			e = i;
		else if (is_w(p, (k = nexttok(p, i)), L_YEAR | L_DATEW))
			e = k;
		if (e != NONE) {
			j = after_label(p, e);
			if ((is_year(tk(p, j)) || (is_num(p, j) &&
			    tk(p, j)->n == 2)) && !num_cont_right(p, j) &&
			    !is_wordlike(p, j + 1) && !unit_after(p, j))
				cand(p, j, j + 1, SCRUB_DATE, 90,
				    "year of birth");
		}
	}
}

static void
rule_numbers(struct pass *p)
{
	size_t	 i;

	for (i = 0; i < p->nt; i++)
		switch (tk(p, i)->kind) {
		case TK_NUM:
			num_iin(p, i);
			num_phone(p, i);
			num_date(p, i);
			num_birthyear(p, i);
			num_age(p, i);
			num_time(p, i);
			num_plate(p, i);
			num_long(p, i);
			break;
		case TK_WORD:
			ctx_number(p, i);
			word_age(p, i);
			break;
		case TK_PUNCT:
			if (tk(p, i)->cp == 0x2116)
				rule_numsign(p, i);
			break;
		default:
			break;
		}
	age_chain(p);
}

/* --- names ---------------------------------------------------------- */

/* A digit run is glued to word i: "COVID-19", "K35", "SpO2", "№3Ахметов". */
static int
digit_glued(const struct pass *p, size_t i)
{
	return is_numlike(p, i - 1) || is_numlike(p, i + 1) ||
	    ((is_p(p, i + 1, '-') || is_p(p, i + 1, '.')) &&
	    is_numlike(p, i + 2)) ||
	    (is_p(p, i - 1, '-') && is_numlike(p, i - 2));
}

/*
 * What the lexicon knows of word i (K_*), asked once per token.  The
 * answer is remembered in the token: a memo in the pass's own array,
 * hence the cast.
 */
static unsigned
kn(const struct pass *p, size_t i)
{
	struct tok	*t;

	if (i >= p->nt || p->t[i].kind != TK_WORD)
		return 0;
	t = (struct tok *)&p->t[i];
	if (!t->known) {
		t->know = lex_know(p->scr->lx, p->low + t->off, t->len);
		t->known = 1;
	}
	return t->know;
}

/* A Roman numeral, perhaps with a letter: "II", "IIIb", "IVa". */
static int
is_roman(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	const char	*w = p->s + t->off;
	size_t		 k, n = t->len;

	if (n > 5 || n < 2)
		return 0;
	if (w[n - 1] >= 'a' && w[n - 1] <= 'c')
		n--;
	for (k = 0; k < n; k++)
		if (w[k] != 'I' && w[k] != 'V' && w[k] != 'X' && w[k] != 'L')
			return 0;
	return 1;
}

#define EV_NONE		0	/* a common or medical word */
#define EV_UNKNOWN	1	/* no lexicon knows it */
#define EV_MEDIUM	2	/* a proper noun, or a name that is a word */
#define EV_STRONG	3	/* a given name, a surname */

/* Classes of the built-in lexicon that make a word no name. */
#define L_NOTNAME	(~(L_KEEP | L_ROLE | L_ROLEKK | L_GIVEN | L_PERSON))

/*
 * How much word i looks like a name by itself: EV_*.  A given name, a
 * listed surname or a surname's ending (-ов, -ева, -ского, -ұлы) is
 * strong unless a dictionary knows the word in lower case ("Козлов",
 * "Роза", "Бұрын"): then medium, as is a proper noun the dictionaries
 * know (not a place).  A word nobody knows is unknown; a common word,
 * a medical word or a place is none.
 */
static int
evidence(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	unsigned	 k;

	if (t->kind != TK_WORD)
		return EV_NONE;
	k = kn(p, i);
	if (k & K_MEDICAL)
		return EV_NONE;
	/*
	 * The Kazakh dictionary lists many given names in lower case
	 * (ерболат, нұрлан) and takes "иванова" for a word: for a name,
	 * only the Russian one says it is a common word.
	 */
	/* a place's adjective is none; "Сатпаев" may be either */
	if ((k & K_PLACEADJ) && !(k & (K_GIVEN | K_SURNAME)))
		return EV_NONE;
	if ((k & K_PLACE) && !(k & (K_GIVEN | K_SURNAME)))
		return k & (K_SURMORPH | K_KKPATRON) ? EV_MEDIUM : EV_NONE;
	/* "Маркировка" is no "Маркиров" with a Kazakh ending */
	if ((k & K_RUCOMMON) && (k & K_SURKK) &&
	    !(k & (K_GIVEN | K_SURNAME | K_KKPATRON)))
		return EV_NONE;
	if (k & (K_GIVEN | K_SURMORPH | K_KKPATRON))
		return (k & K_RUCOMMON) || (t->cls & L_NOTNAME) ? EV_MEDIUM :
		    EV_STRONG;
	if (k & K_SURNAME)	/* "Ким", "Пак"; "Қан" is blood */
		return (k & K_COMMON) || (t->cls & L_NOTNAME) ? EV_MEDIUM :
		    EV_STRONG;
	if (t->cls & L_NOTNAME)
		return EV_NONE;
	if ((k & K_SURIN) && (k & K_COMMON))
		return t->cls & L_NOTNAME ? EV_NONE : EV_UNKNOWN;
	if (k & (K_COMMON | K_PLACE | K_PLACEADJ | K_FACIL))
		return EV_NONE;
	if (k & (K_PROPER | K_SURIN | K_GIVENLIKE))
		return EV_MEDIUM;

	return EV_UNKNOWN;
}

/*
 * Word i has the shape of a name: capitalised, two letters or more, no
 * capital after a small letter (SpO2), no Roman numeral, not glued to
 * digits, every part of a compound capitalised and none an
 * abbreviation (ВГС-инфекция).  In capitals only with the evidence of
 * a name ("ИВАНОВА", "ИРИНА"; not "ОРИТ", "РНЦЭМП").
 */
static int
name_shape(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	if (t->kind != TK_WORD || !(t->flags & TF_CAP) || t->n < 2)
		return 0;
	if ((t->flags & TF_MIXED) || is_roman(p, i))
		return 0;
	if ((t->flags & TF_COMPOUND) && (!(t->flags & TF_PARTSCAP) ||
	    (!(t->flags & TF_ALLCAPS) && (t->flags & TF_ABBRPART))))
		return 0;
	if ((t->flags & TF_ALLCAPS) && (t->n < 3 ||
	    !(kn(p, i) & (K_GIVEN | K_SURNAME | K_SURMORPH | K_KKPATRON))) &&
	    !(t->n >= 6 && is_patronymic(p, i)))
		return 0;
	return !digit_glued(p, i);
}

/*
 * Word i may be part of a name next to a sure sign of one (a role word,
 * initials, a patronymic): the shape of a name and some evidence, or a
 * listed name even if it is a common word too ("Ли М.С.", "Роза").
 * Role words are no names, unless also given names ("Азамат").
 */
static int
name_word(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	if (!name_shape(p, i))
		return 0;
	if ((t->cls & (L_ROLE | L_ROLEKK)) && !(t->cls & L_GIVEN))
		return 0;
	if (kn(p, i) & K_MEDICAL)
		return 0;
	if (kn(p, i) & (K_GIVEN | K_SURNAME))
		return 1;
	return evidence(p, i) >= EV_UNKNOWN;
}

/* A name word that is no place ("Абай" alone is the district). */
static int
namelike(const struct pass *p, size_t i)
{
	return name_word(p, i) && (!(kn(p, i) & (K_PLACE | K_PLACEADJ)) ||
	    (kn(p, i) & (K_SURMORPH | K_KKPATRON)));
}

/*
 * A name in lower case after a role word ("пациентка сидорова", "врач
 * оралбаева"): a given name or a surname's ending, and no dictionary
 * knows it.
 */
static int
lname_word(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_WORD && !(t->flags & TF_CAP) && t->n >= 3 &&
	    !(t->cls & (L_NOTNAME | L_KEEP | L_ROLE | L_ROLEKK)) &&
	    ((kn(p, i) & (K_SURNAME | K_SURMORPH | K_KKPATRON)) ||
	    ((kn(p, i) & K_GIVEN) && !(kn(p, i) & K_COMMON))) &&
	    !(kn(p, i) & (K_RUCOMMON | K_MEDICAL)) && !digit_glued(p, i);
}

/*
 * A dose follows word i ("Ванкомицин 1 г", "Урапидил 25 мг"): a medicine,
 * no name.
 */
static int
dose_after(const struct pass *p, size_t i)
{
	size_t	 j = i + 1, k;

	if (is_hsp(p, j))
		j++;
	if (!is_num(p, j))
		return 0;
	k = j + 1;
	if ((is_p(p, k, ',') || is_p(p, k, '.')) && is_num(p, k + 1))
		k += 2;
	if (is_hsp(p, k))
		k++;
	return win(p, k, "мг мкг г гр мл л ед ме хб тб таб табл амп капс "
	    "мг/кг мкг/кг мл/ч mg ml iu нг ммоль") || is_p(p, k, '%');
}

/* A word before a medicine: "введен", "назначен", "енгізілді". */
static int
drug_before(const struct pass *p, size_t i)
{
	size_t	 k = prevtok(p, i);

	return k != NONE && win(p, k, "введен* введён* назначен* получал* "
	    "получает принимал* принимает препарат* раствор* инфузи* "
	    "енгізілді тағайындалды қабылдады қабылдайды қабылдаған "
	    "таблетк* ампул* капсул*");
}

/*
 * Word i looks like a verb in the past or present ("доложил",
 * "жаловалась", "келді", "қарады"): after a sentence's first word it
 * tells that word is the subject, a person.
 */
static int
verb_like(const struct pass *p, size_t i)
{
	static const char *const ends[] = { "л", "ла", "ли", "лся",
	    "лась", "лись", "ет", "ит", "ает", "ует", "яет", "ды",
	    "ді", "ты", "ті", "ған", "ген", "қан", "кен", "ады", "еді",
	    "йды", "йді", "ан", "ен", "ана", "ена", "ян", "яна" };
	const struct tok *t = tk(p, i);
	size_t	 k;

	if (win(p, i, "не емес"))
		return verb_like(p, nexttok(p, i));
	if (t->kind != TK_WORD || (t->flags & TF_CAP) || t->n < 3 ||
	    win(p, i, "было нет есть будет стало может могут надо нужно "
	    "можно"))
		return 0;
	for (k = 0; k < sizeof(ends) / sizeof(ends[0]); k++)
		if (wsuffix(p, i, ends[k]))
			return 1;
	return 0;
}

/* An initial: one capital letter ("И", "Ә", "I"). */
static int
is_initial(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_WORD && t->n == 1 && (t->flags & TF_CAP);
}

/* A Latin I, V or X: alone, a Roman numeral ("I. Общие сведения"). */
static int
is_roman_letter(const struct pass *p, size_t i)
{
	char	 c = p->s[tk(p, i)->off];

	return c == 'I' || c == 'V' || c == 'X';
}

/*
 * The initials at i: "И.И.", "И. И.", "Ә.Ғ.", "И.И" (up to three).
 * Returns the end and sets *n to their number (0: none).
 */
static size_t
initials(const struct pass *p, size_t i, int *n)
{
	size_t	 j = i, end = i;

	*n = 0;
	while (*n < 3 && is_initial(p, j)) {
		if (is_p(p, j + 1, '.'))
			end = j + 2;
		else if (*n > 0 && tk(p, j + 1)->kind != TK_WORD) {
			end = j + 1;
			(*n)++;
			break;
		} else
			break;
		(*n)++;
		j = end;
		if (is_hsp(p, j) && tk(p, j)->n == 1 && is_initial(p, j + 1) &&
		    is_p(p, j + 2, '.'))
			j++;
	}
	return end;
}

/*
 * The first token of the initials group whose last initial is k
 * (walking back over at most two more initials).
 */
static size_t
initials_start(const struct pass *p, size_t k)
{
	size_t	 g = k, h;
	int	 n;

	for (n = 0; n < 2; n++) {
		h = g - 1;		/* the '.' of the initial before */
		if (is_hsp(p, h))
			h--;
		if (!is_p(p, h, '.') || !is_initial(p, h - 1))
			break;
		g = h - 1;
	}
	return g;
}

/* Token j is at a line's start, past spaces. */
static int
line_start(const struct pass *p, size_t j)
{
	const struct tok *t = tk(p, j - 1);

	if (t->kind == TK_SPACE && !(t->flags & TF_NL))
		t = tk(p, j - 2);
	return t->kind == TK_END || (t->kind == TK_SPACE &&
	    (t->flags & TF_NL));
}

/* The '.' at j ends a sentence (not "ул.", "т.е.", "И.И." alone). */
static int
dot_ends(const struct pass *p, size_t j)
{
	const struct tok *t = tk(p, j - 1);
	size_t	 b;

	if (t->kind != TK_WORD)
		return 1;
	/* A unit after a number: "68 г/л. Далее", "5200 г. Родители" */
	if (is_numlike(p, j - 2) || is_p(p, j - 2, '/') ||
	    (is_hsp(p, j - 2) && is_numlike(p, j - 3)))
		return 1;
	if (t->n == 1) {
		if (!(t->flags & TF_CAP))
			return 0;
		if (is_roman_letter(p, j - 1) &&
		    initials_start(p, j - 1) == j - 1)
			return 1;	/* "I. Общие сведения" */
		/* After "Иванов И.И." a new sentence may begin. */
		b = prevtok(p, initials_start(p, j - 1));
		return b != NONE && name_word(p, b);
	}
	return !(t->cls & L_ABBR);
}

/*
 * The digits at j end a code that heads what follows: an ICD-10 code
 * ("O72.1 Кровотечение") or a procedure code ("39.65 Экстракорпоральная").
 */
static int
code_before(const struct pass *p, size_t j)
{
	const struct tok *t;

	if (is_p(p, j - 1, '.') && is_numlike(p, j - 2)) {
		if (!is_num(p, j - 2))
			return 1;	/* a marker may have replaced a code */
		if (tk(p, j)->n <= 2 && tk(p, j - 2)->n == 2 &&
		    !is_wordlike(p, j - 3) && !num_cont_left(p, j - 2) &&
		    !valid_dm(tk(p, j - 2)->val, tk(p, j)->val))
			return 1;	/* 39.65, not 12.03 */
		j -= 2;
	}
	t = tk(p, j - 1);
	if (t->kind == TK_MARKER)
		return 1;	/* it may have replaced the code's letter */
	return t->kind == TK_WORD && t->n == 1 && tk(p, j)->n == 2 &&
	    p->s[t->off] >= 'A' && p->s[t->off] <= 'Z';
}

/* Word i begins a sentence (see the comment at the top). */
static int
sentence_start(const struct pass *p, size_t i)
{
	size_t	 j = i - 1;
	const struct tok *t = tk(p, j);

	if (t->kind == TK_SPACE) {
		if (t->flags & TF_NL)
			return 1;
		t = tk(p, --j);
	}
	if (t->kind == TK_END || t->kind == TK_MARKER)
		return 1;
	if (t->kind == TK_NUM)
		return code_before(p, j);
	if (t->kind != TK_PUNCT)
		return 0;
	switch (t->cp) {
	case '!':
	case '?':
	case ':':
	case ';':
	case 0x2026:		/* … */
	case 0xab:		/* « */
	case 0x201c:		/* “ */
	case 0x201e:		/* „ */
		return 1;
	case '"':
	case '\'':
		return j + 1 == i;	/* an opening quote */
	case '.':
		return dot_ends(p, j);
	case ')':
		/* "1)", "а)" at a line's start */
		return (is_numlike(p, j - 1) ||
		    (tk(p, j - 1)->kind == TK_WORD &&
		    tk(p, j - 1)->n == 1)) && line_start(p, j - 1);
	case '-':
	case 0x2013:
	case 0x2014:
	case 0x2022:		/* • */
	case 0xb7:
	case '*':
		return line_start(p, j);	/* a bullet */
	}
	return 0;
}

/* Propose a name [a, b), flagged when a dictionary knows one of its words. */
static void
name_cand(struct pass *p, size_t a, size_t b, int conf, const char *why)
{
	unsigned	 flags = 0;
	size_t		 k;

	/*
	 * Flagged for review: a word a dictionary knows, masked on weak
	 * grounds (not next to initials, a patronymic, a role word).
	 */
	for (k = a; conf < 90 && k < b; k++)
		if (tk(p, k)->kind == TK_WORD && tk(p, k)->n >= 2 &&
		    ((kn(p, k) & K_RUCOMMON) || ((kn(p, k) & K_COMMON) &&
		    !(kn(p, k) & (K_GIVEN | K_SURNAME | K_SURMORPH |
		    K_KKPATRON)))))
			flags |= SCRUB_F_DICT;
	candk(p, a, b, SCRUB_NAME, conf, flags, why, -1);
}

/* Surnames next to initials: "Иванов И.И.", "И.И. Иванов", "А. Сейткали". */
static size_t
rule_initials(struct pass *p, size_t i)
{
	size_t	 end, a, b;
	int	 n;

	end = initials(p, i, &n);
	if (n == 0 || (n == 1 && is_roman_letter(p, i)))
		return i + 1;
	b = prevtok(p, i);
	a = is_hsp(p, end) ? end + 1 : end;
	if (n >= 2) {
		if (b != NONE && name_word(p, b))
			name_cand(p, b, end, 95, "surname and initials");
		else if (name_word(p, a))
			name_cand(p, i, a + 1, 95, "initials and surname");
		else
			name_cand(p, i, end, 90, "initials");
	} else if (name_word(p, a) && evidence(p, a) >= EV_UNKNOWN)
		name_cand(p, i, a + 1, 85, "initial and surname");
	else if (b != NONE && name_word(p, b) && tk(p, a)->kind != TK_MARKER &&
	    !(tk(p, a)->kind == TK_WORD && (tk(p, a)->flags & TF_CAP)))
		name_cand(p, b, end, 85, "surname and initial");
	return end;
}

/*
 * The word j right after role word i (one space, no punctuation) is
 * capitalised, and nothing but a name explains the capital: no
 * lexicon's class, no medical, place or facility word, no medicine (a
 * dose after it), no abbreviation.  "Медсестра Валя": a name that is
 * also a word (валя, гуля) and that no list knows.
 */
static int
role_capital(const struct pass *p, size_t i, size_t j)
{
	const struct tok *t = tk(p, j);

	if (j != i + 2 || !is_hsp(p, i + 1) || !name_shape(p, j) ||
	    (t->flags & TF_ALLCAPS) || (t->cls & (L_NOTNAME | L_KEEP |
	    L_ROLE | L_ROLEKK)))
		return 0;
	return !(kn(p, j) & (K_MEDICAL | K_PLACE | K_PLACEADJ | K_FACIL)) &&
	    !dose_after(p, j);
}

/*
 * Names after a role word: "пациентка Иванова", "ФИО: Иванов Иван",
 * "Dr. Mehmet Yilmaz", "пациентка сидорова" (in lower case: a given
 * name or a surname's ending no dictionary knows).
 */
static void
rule_role(struct pass *p, size_t i)
{
	size_t	 j = i + 1, k, last = NONE;
	int	 n, strong = 0;

	if (is_p(p, j, '.')) {
		if (!(tk(p, i)->cls & L_ABBR))
			return;
		j++;
	}
	if (is_hsp(p, j))
		j++;
	if (is_p(p, j, ':') || is_p(p, j, ',') || is_dash(p, j)) {
		j++;
		if (is_hsp(p, j))
			j++;
	}
	for (k = j, n = 0; n < 3 && name_word(p, k); n++) {
		/* "врач Абай ауданы": a place, not a name */
		if (evidence(p, k) >= EV_UNKNOWN && !(kn(p, k) & K_PLACE) &&
		    !dose_after(p, k))
			strong = 1;
		last = k;
		k = nexttok(p, k);
	}
	if (strong) {
		name_cand(p, j, last + 1, 90, "after a role word");
		return;
	}
	if (role_capital(p, i, j)) {
		name_cand(p, j, j + 1, 80, "capitalised after a role word");
		return;
	}
	for (k = j, n = 0; n < 3 && lname_word(p, k); n++) {
		last = k;
		k = nexttok(p, k);
	}
	if (n > 0)
		name_cand(p, j, last + 1, 75, "lower case after a role word");
}

/* A name right before a Kazakh role word: "Құдайбергенова дәрігер". */
static void
rule_role_after(struct pass *p, size_t i)
{
	size_t	 b = prevtok(p, i), a;

	if (b == NONE || !name_word(p, b) || evidence(p, b) < EV_UNKNOWN ||
	    (tk(p, b)->cls & L_ROLE) || (kn(p, b) & (K_PLACE | K_PLACEADJ)))
		return;
	if (sentence_start(p, b) && evidence(p, b) < EV_MEDIUM)
		return;
	a = prevtok(p, b);
	if (a == NONE || !name_word(p, a))
		a = b;
	name_cand(p, a, b + 1, 85, "before a role word");
}

/*
 * A patronymic glued to its stem: -ович, -евич (and their case
 * endings), -овна, -евна, -ична (likewise), -ұлы, -қызы, -улы, -кызы
 * (and up to four letters of ending), with two letters or more before.
 */
static int
is_patronymic(const struct pass *p, size_t i)
{
	static const char *const ru[] = {
		"ович", "овича", "овичу", "овичем", "овиче", "овичом",
		"евич", "евича", "евичу", "евичем", "евиче", "евичом",
		"овна", "овны", "овне", "овну", "овной", "овною",
		"евна", "евны", "евне", "евну", "евной", "евною",
		"ична", "ичны", "ичне", "ичну", "ичной", "ичною" };
	static const char *const kk[] = { "ұлы", "улы", "қызы", "кызы" };
	const struct tok *t = tk(p, i);
	const char	*w = p->low + t->off, *h, *e = w + t->len;
	size_t		 a, n;

	if (t->kind != TK_WORD || t->n < 5 || (t->flags & TF_COMPOUND))
		return 0;
	for (a = 0; a < sizeof(ru) / sizeof(ru[0]); a++)
		if (wsuffix(p, i, ru[a]))
			return 1;
	/* The Kazakh ones: find the suffix, then count what follows. */
	for (a = 0; a < sizeof(kk) / sizeof(kk[0]); a++) {
		n = strlen(kk[a]);
		for (h = w + 2; h + n <= e; h++)
			if (memcmp(h, kk[a], n) == 0 &&
			    count_letters(w, (size_t)(h - w)) >= 2 &&
			    count_letters(h + n, (size_t)(e - h - n)) <= 4)
				return 1;
	}
	return 0;
}

/*
 * Patronymics and the capitalised words next to them: "Иван Иванович
 * Иванов", "Нұрлан Сейітұлы", "Сейтқали ұлы".
 */
static void
rule_patronymic(struct pass *p, size_t i)
{
	size_t	 a, e, k;
	int	 n, ext = 0;

	if (weq(p, i, "ұлы") || weq(p, i, "қызы") || weq(p, i, "улы") ||
	    weq(p, i, "кызы") || weq(p, i, "оглы") || weq(p, i, "кизи")) {
		/* "Сейтқали ұлы": the separate word needs its name */
		if ((a = prevtok(p, i)) == NONE || !name_word(p, a))
			return;
		ext = 1;
	} else if (name_shape(p, i) && !(tk(p, i)->cls &
	    (L_NOTNAME | L_KEEP)) && is_patronymic(p, i))
		a = i;
	else
		return;
	e = i + 1;
	for (n = 0; n < 2; n++) {
		k = prevtok(p, a);
		if (k == NONE || !name_word(p, k))
			break;
		a = k;
		ext = 1;
	}
	k = nexttok(p, i);
	if (name_word(p, k) && !is_patronymic(p, k)) {
		e = k + 1;
		ext = 1;
	}
	/* "Основной диагноз": a patronymic-like word alone is not one. */
	if (ext || (tk(p, i)->flags & TF_CAP))
		name_cand(p, a, e, ext ? 95 : 80, "patronymic");
}

/* An age follows at i: "45 лет", "45 жаста". */
static int
age_follows(const struct pass *p, size_t i)
{
	int	 sure, adj;

	return is_num(p, i) && tk(p, i)->n <= 3 &&
	    age_unit(p, nexttok(p, i), &sure, &adj) == AU_YEAR &&
	    !not_age_after(p, nexttok(p, i));
}

/*
 * Capitalised words by what the lexicon knows of them.  In mid-sentence
 * a capital says a proper noun: a name unless a dictionary knows the
 * word in lower case, the medical vocabulary lists it, or it is a
 * place (rule_place).  At a sentence's start the capital says nothing:
 * a name needs strong evidence (a given name, a surname of the list or
 * a surname's ending, "Садыкова жаловалась", "Сейтқалиеваға"), or a
 * medium one and a verb next ("Кузнецов доложил"), or a name next.
 */
static void
rule_capitals(struct pass *p, size_t i)
{
	int	 ev;
	size_t	 k;

	if (!name_shape(p, i) || !namelike(p, i))
		return;
	ev = evidence(p, i);
	if (ev == EV_NONE)
		return;
	if ((ev <= EV_UNKNOWN || (kn(p, i) & K_SURIN)) &&
	    !(kn(p, i) & (K_GIVEN | K_SURNAME)) &&
	    (dose_after(p, i) || drug_before(p, i)))
		return;			/* a medicine */
	if (!sentence_start(p, i)) {
		if (ev == EV_STRONG)
			name_cand(p, i, i + 1, 90, "name");
		else if (ev == EV_MEDIUM)
			name_cand(p, i, i + 1, 75, "proper noun");
		else
			name_cand(p, i, i + 1, 50,
			    "capitalised word no lexicon knows");
		return;
	}
	k = nexttok(p, i);
	if (ev == EV_STRONG)
		name_cand(p, i, i + 1, 85, "name at a sentence's start");
	else if (ev >= EV_MEDIUM && verb_like(p, k) && !(kn(p, i) & K_GIVENLIKE))
		name_cand(p, i, i + 1, 65, "name before a verb");
	else if (ev >= EV_MEDIUM && (kn(p, i) & (K_GIVEN | K_SURNAME |
	    K_SURMORPH)) && is_p(p, k, ',') && age_follows(p, nexttok(p, k)))
		name_cand(p, i, i + 1, 65, "name before an age");
	else if (ev >= EV_MEDIUM && (kn(p, i) & (K_GIVEN | K_SURNAME |
	    K_SURMORPH | K_KKPATRON | K_PROPER | K_SURIN | K_GIVENLIKE)) &&
	    !(kn(p, i) & K_COMMON))
		name_cand(p, i, i + 1, 70, "name at a sentence's start");
	else if (ev >= EV_UNKNOWN && namelike(p, k) &&
	    evidence(p, k) >= EV_UNKNOWN && !(tk(p, k)->flags & TF_ALLCAPS))
		name_cand(p, i, i + 1, 60, "name before a name");
}

static void
rule_names(struct pass *p)
{
	size_t	 i, skip = 0;

	for (i = 0; i < p->nt; i++) {
		if (tk(p, i)->kind != TK_WORD)
			continue;
		if (i >= skip && is_initial(p, i) && is_p(p, i + 1, '.'))
			skip = rule_initials(p, i);
		/* "по имени Гуля" ("имени" alone: "больница имени Абая") */
		if ((tk(p, i)->cls & L_ROLE) || (weq(p, i, "имени") &&
		    weq(p, prevtok(p, i), "по")))
			rule_role(p, i);
		if (tk(p, i)->cls & L_ROLEKK)
			rule_role_after(p, i);
		rule_patronymic(p, i);
		if (tk(p, i)->flags & TF_CAP)
			rule_capitals(p, i);
	}
}

/* --- addresses ------------------------------------------------------ */

/*
 * A word of a street's or a place's name: capitalised, two letters or
 * more, not common, not glued to digits ("N03.2" is a code).
 */
static int
addr_word(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	/* "Мамыр-4", "Самал-2": a microdistrict may be named by a month */
	if (t->kind == TK_WORD && (t->cls & L_MONTH) && (t->flags & TF_CAP) &&
	    is_p(p, i + 1, '-') && is_num(p, i + 2))
		return 1;
	return t->kind == TK_WORD && (t->flags & TF_CAP) && t->n >= 2 &&
	    !(t->cls & (L_NOTNAME | L_ROLE | L_ROLEKK | L_KEEP)) &&
	    !(t->flags & TF_MIXED) && !is_numlike(p, i - 1) &&
	    !is_numlike(p, i + 1);
}

/*
 * Next to a street's keyword ("көшесі", "ул.", "проспект") any
 * capitalised word is a name, common or not: "Желтоқсан көшесі" (a
 * month), "Достық даңғылы", "ул. Мира".
 */
static int
addr_word_kw(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_WORD && (t->flags & TF_CAP) && t->n >= 2 &&
	    !(t->cls & (L_ROLE | L_ROLEKK)) && !(t->flags & TF_MIXED) &&
	    !is_numlike(p, i - 1) && !is_numlike(p, i + 1);
}

/*
 * The name of a street or a place at i: up to four capitalised words
 * and particles ("Қабанбай батыр", "Абая", "Самал-2"); with kw, next
 * to a street's keyword, any capitalised words.  Returns its end or
 * NONE.
 */
static size_t
street_name_at(const struct pass *p, size_t i, int kw)
{
	size_t	 k = i, end = NONE;
	int	 n;

	for (n = 0; n < 4; n++) {
		if (!(kw ? addr_word_kw(p, k) : addr_word(p, k)) &&
		    !(n > 0 && is_w(p, k, L_PARTICLE)))
			break;
		end = k + 1;
		if (is_p(p, end, '-') && is_num(p, end + 1))
			end += 2;
		if (!is_hsp(p, end))
			break;
		k = end + 1;
	}
	return end;
}

static size_t
street_name(const struct pass *p, size_t i)
{
	return street_name_at(p, i, 0);
}

/* A house number at i: "12", "12А", "12/1", "12-а", "5-2"; end or NONE. */
static size_t
house_num(const struct pass *p, size_t i)
{
	if (!is_num(p, i) || tk(p, i)->n > 5 || decimal_left(p, i))
		return NONE;
	return num_end(p, i);
}

/* After keyword i: its '.' (required for one letter) and a space. */
static size_t
kw_next(const struct pass *p, size_t i)
{
	size_t	 j = i + 1;

	if (is_p(p, j, '.'))
		j++;
	else if (tk(p, i)->n == 1)
		return NONE;
	return is_hsp(p, j) ? j + 1 : j;
}

/* A Roman numeral before i: "I кв. 2025" is a quarter. */
static int
roman_before(const struct pass *p, size_t i)
{
	size_t	 b = prevtok(p, i), k;
	const struct tok *t = tk(p, b);
	char	 c;

	if (t->kind == TK_MARKER)
		return 1;	/* it may have replaced the numeral */
	if (b == NONE || t->kind != TK_WORD || t->n > 4)
		return 0;
	for (k = 0; k < t->len; k++) {
		c = p->s[t->off + k];
		if (c != 'I' && c != 'V' && c != 'X' && c != 'i' && c != 'v')
			return 0;
	}
	return 1;
}

/* The end of the Kazakh street word at k ("көшесі", "шағын ауданы"). */
static size_t
kstreet_end(const struct pass *p, size_t k)
{
	size_t	 j;

	if (is_w(p, k, L_KSTREET2)) {
		j = nexttok(p, k);
		return wpre(p, j, "аудан") ? j + 1 : NONE;
	}
	return k + 1;
}

/* "ы.а." (шағын аудан) at k: its end or NONE. */
static size_t
ya_at(const struct pass *p, size_t k)
{
	if (!weq(p, k, "ы") || !is_p(p, k + 1, '.') || !weq(p, k + 2, "а"))
		return NONE;
	return is_p(p, k + 3, '.') ? k + 4 : k + 3;
}

/*
 * The address component at i: its end, or NONE.  *street is set when it
 * is a street (a bare number may follow it in the run).
 */
static size_t
addr_comp(const struct pass *p, size_t i, int *street)
{
	const struct tok *t = tk(p, i);
	size_t	 j, k, e, h;

	*street = 0;
	if (t->kind == TK_NUM) {
		/* 12-үй, 5-пәтер, 12 үй, 5 мкр., 5 шағын ауданы */
		if ((e = house_num(p, i)) == NONE)
			return NONE;
		k = is_p(p, e, '-') || is_hsp(p, e) ? e + 1 : e;
		if (is_w(p, k, L_HOUSEPOST))
			return k + 1;
		if (is_w(p, k, L_MKR)) {
			*street = 1;
			return afterdot(p, k);
		}
		if (is_w(p, k, L_KSTREET2))
			return kstreet_end(p, k);
		return NONE;
	}
	if (t->kind != TK_WORD)
		return NONE;
	if ((t->cls & L_STREET) && (j = kw_next(p, i)) != NONE) {
		/* ул. Абая 12, ул.Абая, 12; мкр. Самал-2; мкр. 5 */
		e = street_name_at(p, j, 1);
		if (e == NONE && (t->cls & L_MKR))
			e = house_num(p, j);
		if (e != NONE) {
			*street = 1;
			k = nexttok(p, e - 1);
			if (is_p(p, k, ','))
				k = nexttok(p, k);
			if ((h = house_num(p, k)) != NONE &&
			    !unit_after(p, h - 1))
				e = h;
			return e;
		}
	}
	if ((t->cls & L_HOUSE) && !roman_before(p, i) &&
	    (j = kw_next(p, i)) != NONE) {
		/* д. 12, кв. 5, дом № 3, үй 12 */
		if (is_p(p, j, 0x2116))
			j = is_hsp(p, j + 1) ? j + 2 : j + 1;
		if ((e = house_num(p, j)) != NONE && !unit_after(p, e - 1))
			return e;
	}
	if (addr_word_kw(p, i) && (e = street_name_at(p, i, 1)) != NONE &&
	    is_w(p, (k = nexttok(p, e - 1)), L_KSTREET) &&
	    (h = kstreet_end(p, k)) != NONE) {
		/* Желтоқсан көшесі: a keyword after any capitalised name */
		*street = 1;
		return h;
	}
	if (addr_word(p, i)) {
		/* Абай көшесі, Қабанбай батыр даңғылы, Самал ы.а. */
		e = street_name(p, i);
		k = nexttok(p, e - 1);
		if ((h = ya_at(p, k)) != NONE) {
			*street = 1;
			return h;
		}
	}
	return NONE;
}

/* After "адрес:", "мекенжайы:": "Абая 12-5", "Абая, 12". */
static size_t
addr_label(const struct pass *p, size_t i, size_t *start)
{
	size_t	 j = after_label(p, i), e, k;

	if ((e = street_name(p, j)) == NONE)
		return NONE;
	k = nexttok(p, e - 1);
	if (is_p(p, k, ','))
		k = nexttok(p, k);
	if ((e = house_num(p, k)) == NONE)
		return NONE;
	*start = j;
	return e;
}

/*
 * A street's name and a house and flat number without a keyword:
 * "Тимирязева 42-15", "Гагарина 12/3", "Ленина, 5-2", "Абылай хана
 * 12-45".  The name must be no common, medical or place word ("Апгар
 * 8-9" is a score).
 */
static size_t
addr_bare(const struct pass *p, size_t i)
{
	size_t	 e, k, h;

	if (!addr_word(p, i) || !name_shape(p, i) || (kn(p, i) & K_PLACEADJ) ||
	    (evidence(p, i) < EV_UNKNOWN && !(kn(p, i) & K_PLACE)))
		return NONE;
	if ((e = street_name(p, i)) == NONE)
		return NONE;
	k = nexttok(p, e - 1);
	if (is_p(p, k, ','))
		k = nexttok(p, k);
	if ((h = house_num(p, k)) == NONE || unit_after(p, h - 1) ||
	    tk(p, k)->n > 3)
		return NONE;
	if (h - k >= 3 && (is_p(p, k + 1, '-') || is_p(p, k + 1, '/')))
		return h;		/* 42-15 */
	/* "Жандосова 58, кв. 7": a flat's keyword follows */
	k = nexttok(p, h - 1);
	if (is_p(p, k, ','))
		k = nexttok(p, k);
	if (win(p, k, "кв квартира пәтер"))
		return h;
	return NONE;
}

/* Runs of address components joined by commas. */
static void
rule_address(struct pass *p)
{
	size_t	 i, e, k, start, last;
	int	 street, st;

	for (i = 0; i < p->nt; i++) {
		start = i;
		if ((e = addr_comp(p, i, &street)) == NONE) {
			if ((!is_w(p, i, L_ADDRLBL) ||
			    (e = addr_label(p, i, &start)) == NONE) &&
			    (e = addr_bare(p, i)) == NONE)
				continue;
			street = 1;
		}
		for (last = e;; last = e) {
			k = nexttok(p, last - 1);
			if (is_p(p, k, ','))
				k = nexttok(p, k);
			if ((e = addr_comp(p, k, &st)) != NONE) {
				street = st;
				continue;
			}
			if (street && (e = house_num(p, k)) != NONE &&
			    !unit_after(p, e - 1)) {
				street = 0;
				continue;
			}
			break;
		}
		cand(p, start, last, SCRUB_ADDRESS, 85, "address");
		i = last - 1;
	}
}

/* --- places, facilities, organisations -------------------------------- */

/*
 * A word of a place's name: capitalised, no role, no medicine, no
 * common word of the built-in lexicon ("г. Алматы", "с. Каменка",
 * "Ұлытау ауданы", "пос. Отеген батыр").
 */
static int
place_word(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_WORD && (t->flags & TF_CAP) && t->n >= 2 &&
	    !(t->cls & (L_ROLE | L_ROLEKK | L_KEEP | L_UNIT | L_MONTH |
	    L_COMMON)) &&
	    !(t->flags & TF_MIXED) && !digit_glued(p, i);
}

/* A place's Russian adjective: "Улытауского", "Карагандинской". */
static int
place_adj(const struct pass *p, size_t i)
{
	static const char *const ends[] = { "ский", "ская", "ское", "ского",
	    "скому", "ским", "ском", "ской", "скую", "ские", "ских", "цкий",
	    "цкая", "цкого", "цкой", "цком", "цкому", "цкую" };
	size_t	 k;

	if (tk(p, i)->kind != TK_WORD)
		return 0;
	if (tk(p, i)->cls & L_PLACEADJ)
		return 1;
	if (!place_word(p, i) || (tk(p, i)->cls & L_COMMON))
		return 0;
	for (k = 0; k < sizeof(ends) / sizeof(ends[0]); k++)
		if (wsuffix(p, i, ends[k]))
			return 1;
	return 0;
}

/* The facility adjectives: "городская", "облыстық", "№3", "5-ші". */
static int
facil_adj(const struct pass *p, size_t i)
{
	return win(p, i, "городск* областн* районн* центральн* "
	    "республиканск* многопрофильн* детск* клиническ* региональн* "
	    "перинатальн* инфекционн* туберкулезн* туберкулёзн* "
	    "онкологическ* психиатрическ* наркологическ* кардиологическ* "
	    "травматологическ* родильн* межрайонн* сельск* участков* "
	    "консультативно-диагностическ* стоматологическ* "
	    "қалалық облыстық аудандық орталық көпбейінді балалар "
	    "клиникалық перинаталдық жұқпалы аурулар онкологиялық "
	    "ауылдық республикалық өңірлік аймақтық стоматологиялық "
	    "туберкулезге қарсы ауданаралық");
}

/*
 * Facilities: a hospital, clinic or centre named by a place, a number or
 * an abbreviation -- "Карагандинская областная больница", "Шетская
 * ЦРБ", "ЦРБ", "ГКБ №7", "поликлиника №3", "№3 қалалық емхана", "5-ші
 * қалалық аурухана", "Жезқазған қалалық ауруханасы".  A facility named
 * by its kind alone ("в областную больницу") says nothing of the place
 * and stays.
 */
static void
rule_facility(struct pass *p, size_t i)
{
	size_t	 a = i, e = i + 1, k, j;
	int	 named = 0, n;

	if (!is_w(p, i, L_FACIL | L_FACABBR))
		return;
	if (tk(p, i)->cls & L_FACABBR)
		named = 1;
	/* leftwards: adjectives, places, "№3", "5-ші" */
	for (n = 0; n < 5; n++) {
		k = prevtok(p, a);
		if (k == NONE)
			break;
		if (facil_adj(p, k)) {
			a = k;
			continue;
		}
		if (place_adj(p, k) || (place_word(p, k) &&
		    (kn(p, k) & K_PLACE))) {
			a = k;
			named = 1;
			continue;
		}
		if (tk(p, k)->kind == TK_WORD && (tk(p, k)->cls & L_ORD) &&
		    is_p(p, k - 1, '-') && is_num(p, k - 2)) {
			a = k - 2;	/* 5-ші */
			named = 1;
			continue;
		}
		if (is_num(p, k) && is_p(p, k - 1, 0x2116)) {
			a = k - 1;	/* №3 */
			named = 1;
			continue;
		}
		if (is_num(p, k) && is_hsp(p, k - 1) &&
		    is_p(p, k - 2, 0x2116)) {
			a = k - 2;	/* № 3 */
			named = 1;
			continue;
		}
		break;
	}
	/* rightwards: "№ 7", "7", "№3" (not "3 раза") */
	j = e;
	if (is_hsp(p, j))
		j++;
	if (is_p(p, j, 0x2116)) {
		j = is_hsp(p, j + 1) ? j + 2 : j + 1;
		if (is_num(p, j)) {
			e = num_end(p, j);
			named = 1;
		}
	} else if (is_num(p, j) && tk(p, j)->n <= 3 && !unit_after(p, j) &&
	    !num_cont_right(p, j)) {
		e = num_end(p, j);
		named = 1;
	}
	if (named)
		cand(p, a, e, SCRUB_PLACE, 85, "facility");
}

/*
 * Places: a settlement's word and a name ("г. Сатпаев", "с. Каменка",
 * "аул Аксу"); a name and a place's word after it ("Ұлытау ауданы",
 * "Улытауского района", "Жезқазған қаласына"); a place of the lexicon
 * or its adjective anywhere ("в Шымкенте", "Ақтөбеде", "карагандинская").
 * The words "г.", "ауданы" stay: they say no more than the row.
 */
static void
rule_place(struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	size_t	 j, e, k, a;
	int	 n;

	if (t->kind != TK_WORD)
		return;
	/* "с. Каменка", not the initial in "Ұзақбаев З.Д. Мальчик" */
	if ((t->cls & L_SETTLE) && !(t->n == 1 && (t->flags & TF_CAP)) &&
	    (j = kw_next(p, i)) != NONE &&
	    (!is_numlike(p, prevtok(p, i)) || (kn(p, j) & K_PLACE)) &&
	    place_word(p, j) &&
	    !(tk(p, j)->flags & TF_ALLCAPS)) {
		/* с. Каменка, пос. Отеген батыр, г. Нур-Султан */
		for (e = j + 1, n = 0; n < 2; n++) {
			k = e;
			if (!is_hsp(p, k) || !(place_word(p, k + 1) ||
			    is_w(p, k + 1, L_PARTICLE)))
				break;
			if (is_w(p, k + 2, L_PLACEKW) || (tk(p, k + 1)->cls &
			    L_COMMON))
				break;
			e = k + 2;
		}
		cand(p, j, e, SCRUB_PLACE, 90, "after a settlement's word");
	}
	if (t->cls & L_PLACEKW) {
		/* Ұлытау ауданы, Бұқар жырау ауданы, Улытауского района */
		a = NONE;
		for (k = prevtok(p, i), n = 0; k != NONE && n < 3;
		    k = prevtok(p, k), n++) {
			if (place_adj(p, k) || (place_word(p, k) &&
			    !(tk(p, k)->cls & L_COMMON)) ||
			    (n > 0 && is_w(p, k, L_PARTICLE)))
				a = k;
			else
				break;
			if (n == 0 && place_adj(p, k))
				break;
		}
		if (a != NONE)
			cand(p, a, prevtok(p, i) + 1, SCRUB_PLACE, 90,
			    "before a place's word");
	}
	if (t->cls & L_PLACEADJ) {
		cand(p, i, i + 1, SCRUB_PLACE, 85, "place's adjective");
		return;
	}
	if (!(t->flags & TF_CAP))
		return;
	/*
	 * At a sentence's start a short place that is also a word ("Шет",
	 * "Есік", "Алға") is the word.
	 */
	if ((kn(p, i) & K_PLACE) && place_word(p, i) &&
	    !(t->flags & TF_ALLCAPS) && (!(kn(p, i) & K_COMMON) ||
	    (kn(p, i) & K_PLACELONG) || !sentence_start(p, i)))
		cand(p, i, i + 1, SCRUB_PLACE, 85, "place");
}

/* A legal form before or after a company's name: ТОО, АО, ЖШС, АҚ. */
static int
legal_form(const struct pass *p, size_t i)
{
	return win(p, i, "тоо ао оао зао ооо нао ип жшс ақ аақ жақ жк кгп "
	    "гкп ргп ркп гу кмм мкк пк кеақ шжқ мкп рмк рмқк llp llc jsc "
	    "ltd inc компания компании компанией компаниясы компаниясының "
	    "фирма фирмы фирмой банк банка банке сақтандыру страховая "
	    "страховой корпорация корпорациясы холдинг холдингі");
}

/* The closing quote for the opening one at i, on its line; NONE. */
static size_t
close_quote(const struct pass *p, size_t i)
{
	uint32_t	 o = tk(p, i)->cp, c;
	size_t		 k;
	int		 n;

	c = o == 0xab ? 0xbb : o == 0x201e ? 0x201c : o == 0x201c ?
	    0x201d : o;
	for (k = i + 1, n = 0; k < p->nt && n < 16; k++, n++) {
		if (tk(p, k)->kind == TK_SPACE && (tk(p, k)->flags & TF_NL))
			return NONE;
		if (tk(p, k)->kind == TK_PUNCT && (tk(p, k)->cp == c ||
		    (o == 0x201c && tk(p, k)->cp == 0x201c)))
			return k > i + 1 ? k : NONE;
	}
	return NONE;
}

/*
 * Companies: a name in quotes with its legal form before or after it
 * («Қазақтелеком» АҚ, ТОО «Медикер», АО "Казахмыс", «Евразия»
 * сақтандыру компаниясы), or a legal form and capitalised words (ТОО
 * Медикер).  The quoted name is masked, the legal form stays.
 */
static void
rule_org(struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	size_t	 c, k, e;
	int	 n;

	if (t->kind == TK_PUNCT && (t->cp == 0xab || t->cp == 0x201e ||
	    t->cp == 0x201c || t->cp == '"')) {
		if ((c = close_quote(p, i)) == NONE)
			return;
		if (tk(p, i + 1)->kind != TK_WORD && tk(p, i + 1)->kind !=
		    TK_NUM)
			return;
		k = prevtok(p, i);
		if ((k != NONE && legal_form(p, k)) ||
		    legal_form(p, nexttok(p, c)))
			cand(p, i, c + 1, SCRUB_ORG, 90, "company");
		return;
	}
	if (t->kind == TK_WORD && (t->flags & TF_ALLCAPS) && t->n <= 4 &&
	    legal_form(p, i) && !is_p(p, nexttok(p, i), 0xab) &&
	    !is_p(p, nexttok(p, i), '"')) {
		/* ТОО Медикер, ИП Сейткали */
		e = NONE;
		for (k = nexttok(p, i), n = 0; n < 3 && place_word(p, k) &&
		    !(tk(p, k)->flags & TF_ALLCAPS) && evidence(p, k) >=
		    EV_UNKNOWN; n++) {
			e = k + 1;
			k = nexttok(p, k);
		}
		if (e != NONE)
			cand(p, nexttok(p, i), e, SCRUB_ORG, 80, "company");
	}
}

static void
rule_places(struct pass *p)
{
	size_t	 i;

	for (i = 0; i < p->nt; i++) {
		rule_place(p, i);
		rule_facility(p, i);
		rule_org(p, i);
	}
}

/* --- e-mails said aloud ------------------------------------------------ */

/* An ASCII word or number, or '.', '_', '-' between them. */
static int
is_ascii_tok(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	size_t	 k;

	if (t->kind == TK_PUNCT)
		return t->cp == '.' || t->cp == '_' || t->cp == '-';
	if (t->kind != TK_WORD && t->kind != TK_NUM)
		return 0;
	for (k = 0; k < t->len; k++)
		if ((unsigned char)p->s[t->off + k] >= 0x80)
			return 0;
	return 1;
}

/* A bracket around a spoken "at" or "dot": ( ) [ ] < >. */
static int
is_bracket(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_PUNCT && (t->cp == '(' || t->cp == ')' ||
	    t->cp == '[' || t->cp == ']' || t->cp == '<' || t->cp == '>' ||
	    t->cp == '{' || t->cp == '}');
}

/* Past an optional space, bracket, space after i; the next token. */
static size_t
skip_br(const struct pass *p, size_t i, int fwd)
{
	size_t	 k = i;
	int	 n;

	for (n = 0; n < 3; n++) {
		size_t	 m = fwd ? k + 1 : k - 1;

		if ((is_hsp(p, m) && tk(p, m)->n <= 2) || is_bracket(p, m))
			k = m;
		else
			break;
	}
	return fwd ? k + 1 : k - 1;
}

/* A top-level domain said or written: "ru", "kz", "com". */
static int
tld_word(const struct pass *p, size_t i)
{
	return win(p, i, "ru kz com org net info io uz su kg by ua me biz "
	    "ру кз ком");
}

/*
 * E-mail addresses said aloud or disguised: "gulnaz_sadyk (собака)
 * mail.ru", "ivanova at mail dot ru", "a.sadykova[at]gmail[dot]com",
 * "marat.k собака yandex точка kz", "aigerim_89 @ mail.ru".
 */
static void
rule_spoken_email(struct pass *p, size_t i)
{
	size_t	 a, k, e = NONE, n;
	int	 dots = 0;

	/* "ivanova @mail.ru": the handle is the address's domain */
	if (tk(p, i)->kind == TK_LINK && p->s[tk(p, i)->off] == '@' &&
	    memchr(p->s + tk(p, i)->off, '.', tk(p, i)->len) != NULL &&
	    is_hsp(p, i - 1) && tk(p, i - 1)->n == 1 &&
	    is_ascii_tok(p, i - 2) && tk(p, i - 2)->kind != TK_PUNCT) {
		for (a = i - 2, n = 0; n < 12 && a > 0 &&
		    is_ascii_tok(p, a - 1); n++)
			a--;
		while (tk(p, a)->kind == TK_PUNCT)
			a++;
		cand(p, a, i + 1, SCRUB_EMAIL, 85, "e-mail with spaces");
		return;
	}
	if (!is_p(p, i, '@') && !is_w(p, i, L_AT))
		return;
	/* the local part: ASCII tokens glued together, right before */
	k = skip_br(p, i, 0);
	if (k >= p->nt || !is_ascii_tok(p, k) || tk(p, k)->kind == TK_PUNCT)
		return;
	if (is_p(p, i, '@') && is_hsp(p, i - 1) == 0 && is_hsp(p, i + 1) == 0)
		return;			/* a plain address: links_scan */
	a = k;
	for (n = 0; n < 12 && a > 0 && is_ascii_tok(p, a - 1); n++)
		a--;
	while (tk(p, a)->kind == TK_PUNCT)
		a++;
	/* the domain: words joined by '.', "dot", "точка", "нүкте" */
	k = skip_br(p, i, 1);
	if (tk(p, k)->kind == TK_LINK && tk(p, k)->type == SCRUB_URL)
		e = k + 1;		/* "mail.ru" found as a link */
	for (n = 0; n < 8 && e == NONE; n++) {
		if (tk(p, k)->kind != TK_WORD || !is_ascii_tok(p, k))
			break;
		if (dots > 0 && tld_word(p, k))
			e = k + 1;
		if (is_p(p, k + 1, '.') && is_ascii_tok(p, k + 2) &&
		    tk(p, k + 2)->kind == TK_WORD) {
			k += 2;
			dots++;
			continue;
		}
		{
			size_t	 d = skip_br(p, k, 1);

			if (win(p, d, "dot точка нүкте дот") ||
			    is_p(p, d, '.')) {
				k = skip_br(p, d, 1);
				dots++;
				continue;
			}
		}
		break;
	}
	if (e == NONE && tk(p, k)->kind == TK_WORD && dots > 0 &&
	    tld_word(p, k))
		e = k + 1;
	if (e == NONE)
		return;
	if (is_bracket(p, e) && (tk(p, e)->cp == ')' || tk(p, e)->cp == ']'))
		e++;
	cand(p, a, e, SCRUB_EMAIL, 90, "e-mail said aloud");
}

/* --- spans ---------------------------------------------------------- */

/* --- days, times and years in words; short surnames ------------------- */

/* Ordinals in the genitive, 1-31: "четырнадцатого", "третьего". */
#define ORD_GEN	"первого второго третьего четвёртого четвертого пятого " \
	"шестого седьмого восьмого девятого десятого одиннадцатого " \
	"двенадцатого тринадцатого четырнадцатого пятнадцатого " \
	"шестнадцатого семнадцатого восемнадцатого девятнадцатого " \
	"двадцатого тридцатого"

/*
 * A day in words and its month: "четырнадцатого марта", "двадцать
 * пятого мая" -- the day of an event, which the rows publish only as
 * its month.
 */
static void
rule_day_words(struct pass *p, size_t i)
{
	size_t	 a = i, k;

	/* The month first: a class bit, where ORD_GEN is a list to read
	 * (these rules run at every word). */
	if (!is_w(p, nexttok(p, i), L_MONTH) || !win(p, i, ORD_GEN))
		return;
	k = prevtok(p, i);
	if (k != NONE && win(p, k, "двадцать тридцать"))
		a = k;
	cand(p, a, nexttok(p, i) + 1, SCRUB_DATE, 85, "day in words");
}

/*
 * A time in words: "около половины третьего ночи", "в половине
 * пятого", "без четверти три" is left.
 */
static void
rule_time_words(struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	size_t	 j = nexttok(p, i), e;

	if (t->len < 14 || memcmp(p->low + t->off, "полови", 12) != 0 ||
	    !win(p, i, "половины половине половина") || !win(p, j, ORD_GEN
	    " одиннадцатого двенадцатого"))
		return;
	e = j + 1;
	if (win(p, nexttok(p, j), "ночи утра дня вечера"))
		e = nexttok(p, j) + 1;
	cand(p, i, e, SCRUB_TIME, 85, "time in words");
}

/*
 * A year of birth in words after its label: "год рождения — тысяча
 * девятьсот восемьдесят пятый", "г.р. две тысячи пятый".
 */
static void
rule_year_words(struct pass *p, size_t i)
{
	size_t	 j, k, e;
	int	 n;

	if (!weq(p, i, "рождения") && !(weq(p, i, "р") &&
	    is_p(p, i - 1, '.') && weq(p, i - 2, "г")))
		return;
	j = after_label(p, i);
	if (!win(p, j, "тысяча тысячи тысячу две"))
		return;
	for (k = j, e = j, n = 0; n < 8 && win(p, k, "тысяч* девятьсот "
	    "две двух* двадцат* тридцат* сорок* пятьдесят* пятидесят* "
	    "шестьдесят* шестидесят* семьдесят* семидесят* восемьдесят* "
	    "восьмидесят* девяност* перв* втор* трет* четв* пят* шест* "
	    "седьм* восьм* девят* десят* одиннадцат* двенадцат* "
	    "тринадцат* четырнадцат* пятнадцат* шестнадцат* семнадцат* "
	    "восемнадцат* девятнадцат*"); n++) {
		e = k + 1;
		k = nexttok(p, k);
	}
	if (n >= 2)
		cand(p, j, e, SCRUB_DATE, 85, "year of birth in words");
}

/*
 * A surname cut to its initial and ending: "врач Б-ов", "Б-ва".
 */
static void
rule_short_surname(struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	const char	*w = p->low + t->off, *h;

	if (!(t->flags & TF_CAP) || !(t->flags & TF_COMPOUND) ||
	    t->len > 16 || (h = memchr(w, '-', t->len)) == NULL ||
	    count_letters(w, (size_t)(h - w)) != 1)
		return;
	h++;
	if (win_str(h, (size_t)(w + t->len - h), "ов ев ёв ин ова ева ина "
	    "ый ий ская ский ву ой ову ева ой ым ну ной ких ко енко ук юк"))
		cand(p, i, i + 1, SCRUB_NAME, 85, "initial and ending");
}

/* --- numbers in disguise, handles ------------------------------------ */

/*
 * Word i is made of letters that stand for digits: O, О, o, о for 0, l
 * and I for 1 ("8501O1...", "7О1 222").
 */
static int
digit_alike(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	const unsigned char *w = (const unsigned char *)p->s + t->off;
	size_t	 k;

	if (t->kind != TK_WORD || t->n > 3)
		return 0;
	for (k = 0; k < t->len; k++) {
		if (w[k] == 'O' || w[k] == 'o' || w[k] == 'l' || w[k] == 'I')
			continue;
		if (w[k] == 0xd0 && k + 1 < t->len && (w[k + 1] == 0x9e ||
		    w[k + 1] == 0xbe)) {
			k++;
			continue;
		}
		return 0;
	}
	return 1;
}

/*
 * The run of digits and look-alikes at j, through single spaces, dashes
 * and '|' ("8 5 0 1 0 1 4 5 0 0 1 9", "7О1 222 33 44"): where it ends
 * (past its last digit), *nd its digits and look-alikes, *alike set if
 * it holds a look-alike or four single digits; j itself if none or if
 * it runs into a marker (what that replaced may have joined it).
 */
static size_t
digit_run(const struct pass *p, size_t j, int *nd, int *alike)
{
	size_t	 k, e = j;
	int	 n, ones = 0;

	*nd = *alike = 0;
	for (k = j, n = 0; n < 48 && *nd <= 16; k++, n++) {
		if (is_num(p, k) || digit_alike(p, k)) {
			if (!is_num(p, k))
				*alike = 1;
			else if (tk(p, k)->n == 1 && ++ones >= 4)
				*alike = 1;
			*nd += tk(p, k)->n;
			e = k + 1;
		} else if (!(is_hsp(p, k) && tk(p, k)->n == 1) &&
		    !is_dash(p, k) && !is_p(p, k, '|') && !is_p(p, k, '(') &&
		    !is_p(p, k, ')'))
			break;
	}
	/* glued to a word: a code, not a number; into a marker: open */
	if (e > j && (tk(p, e)->kind == TK_WORD || tk(p, e)->kind ==
	    TK_MARKER || tk(p, nexttok(p, e - 1))->kind == TK_MARKER))
		return j;
	return e;
}

/*
 * After ИИН/ЖСН and тел./телефон, the numbers the digit rules miss:
 * spaced digit by digit or with letters for digits.  The label says
 * what they are.
 */
static void
rule_disguised(struct pass *p, size_t i)
{
	size_t	 j, e;
	int	 nd, alike, iin = (tk(p, i)->cls & L_IIN) != 0;

	if (!iin && !(tk(p, i)->cls & L_PHONE) && !weq(p, i, "iin"))
		return;
	j = after_label(p, i);
	/* "телефон матери 8 7О7 ...": whose number it is */
	if (is_w(p, j, L_ROLE | L_PERSON))
		j = after_label(p, j);
	if (is_p(p, j, '+'))
		j++;
	e = digit_run(p, j, &nd, &alike);
	if (e == j || !alike || !is_num(p, j))
		return;
	if (iin || weq(p, i, "iin")) {
		if (nd >= 9 && nd <= 14)
			cand(p, j, e, SCRUB_IIN, 90, "IIN in disguise");
	} else if (nd >= 7 && nd <= 13)
		cand(p, j - is_p(p, j - 1, '+'), e, SCRUB_PHONE, 90,
		    "phone in disguise");
}

/* A digit said as a word: 0-9, Russian or Kazakh.  Its value or -1. */
static int
digit_word(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	int	 k;

	if (t->kind != TK_WORD)
		return -1;
	if ((t->len == 8 || t->len == 6) && win(p, i, "ноль нуль нөл"))
		return 0;
	if (!(t->cls & L_NUMERAL) ||
	    (k = numeral_at(p->low + t->off, t->len)) < 0 ||
	    numerals[k].rank != 1)
		return -1;
	return numerals[k].val;
}

/*
 * A phone number said digit by digit: seven digit words or more in a
 * row ("восемь семь ноль один два ..."); no count or dose reads so.
 */
static void
rule_digit_words(struct pass *p, size_t i)
{
	size_t	 k, e;
	int	 n;

	if (digit_word(p, i) < 0 || digit_word(p, prevtok(p, i)) >= 0)
		return;
	for (k = i, e = i, n = 0; n < 16 && digit_word(p, k) >= 0; n++) {
		e = k + 1;
		k = nexttok(p, k);
		if (is_p(p, k, ',') || is_dash(p, k))
			k = nexttok(p, k);
	}
	if (n >= 7)
		cand(p, i, e, SCRUB_PHONE, 85, "phone in words");
}

/*
 * A handle without its '@' after a network's name: "Инстаграм
 * aigerim_85", "тг: @..." is a link already.  A handle is one run of
 * Latin letters, digits, '_' and '.', three characters or more.
 */
static void
rule_handle(struct pass *p, size_t i)
{
	size_t	 j, k, e;
	int	 nch = 0;

	/* A Latin handle after it first: most words have none. */
	j = after_label(p, i);
	if ((tk(p, j)->kind != TK_WORD && !is_num(p, j)) ||
	    !is_ascii_tok(p, j) || !win(p, i, "инстаграм* инстаграмм* "
	    "инста insta instagram* телеграм* телеграмм* тг tg telegram "
	    "вк vk вконтакте тикток* tiktok whatsapp ватсап* вотсап* "
	    "facebook фейсбук* threads"))
		return;
	for (k = j, e = j; is_ascii_tok(p, k) && nch < 64; k++) {
		nch += (int)tk(p, k)->len;
		if (!is_p(p, k, '.'))
			e = k + 1;
	}
	if (e > j && nch >= 3 && tk(p, e)->kind != TK_WORD &&
	    !is_num(p, e))
		cand(p, j, e, SCRUB_URL, 85, "handle after a network");
}

static int
cand_cmp(const void *va, const void *vb)
{
	const struct cand *a = va, *b = vb;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b > b->b ? -1 : 1;
	return 0;
}

/*
 * Which of two overlapping proposals names the span: the more specific
 * type (prio[]), except that a name and a place are told apart by the
 * surer recogniser ("врач Абай Құнанбайұлы" a name, "г. Сатпаев" a
 * place).
 */
static int
cand_wins(const struct cand *c, const struct cand *m)
{
	if ((c->type == SCRUB_NAME && m->type == SCRUB_PLACE) ||
	    (c->type == SCRUB_PLACE && m->type == SCRUB_NAME))
		return c->conf > m->conf;
	return prio[c->type] > prio[m->type];
}

/*
 * Turn the proposals into p->sp: overlaps joined into the most specific
 * type, names one space apart joined, tokens turned into bytes.
 */
static void
spans_make(struct pass *p)
{
	struct cand	*m = p->c, *c;
	size_t		 i, n = 0;

	if (p->nc > 1)
		qsort(p->c, p->nc, sizeof(*p->c), cand_cmp);
	for (i = 0; i < p->nc; i++) {
		c = &p->c[i];
		if (n > 0 && c->a < m[n - 1].b) {
			if (c->b > m[n - 1].b)
				m[n - 1].b = c->b;
			if (cand_wins(c, &m[n - 1])) {
				m[n - 1].type = c->type;
				m[n - 1].why = c->why;
			}
			if (c->conf > m[n - 1].conf &&
			    c->type == m[n - 1].type)
				m[n - 1].conf = c->conf;
			m[n - 1].flags |= c->flags;
		} else if (n > 0 && c->type == SCRUB_NAME &&
		    m[n - 1].type == SCRUB_NAME && c->a == m[n - 1].b + 1 &&
		    is_hsp(p, m[n - 1].b)) {
			m[n - 1].b = c->b;
			if (c->conf > m[n - 1].conf)
				m[n - 1].conf = c->conf;
			m[n - 1].flags |= c->flags;
		} else
			m[n++] = *c;
	}
	/*
	 * A span ending in an initial's or an abbreviation's '.' that also
	 * ends the sentence leaves the '.' to the sentence: "врачом [ФИО].
	 * Назначено" rather than "врачом [ФИО] Назначено".
	 */
	for (i = 0; i < n; i++) {
		size_t	 b = m[i].b;

		if (b - m[i].a >= 2 && is_p(p, b - 1, '.') &&
		    tk(p, b - 2)->kind == TK_WORD && tk(p, b - 2)->n <= 3 &&
		    (tk(p, b)->kind == TK_END ||
		    (tk(p, b)->kind == TK_SPACE && (tk(p, b)->flags & TF_NL)) ||
		    (is_hsp(p, b) && tk(p, b + 1)->kind == TK_WORD &&
		    (tk(p, b + 1)->flags & TF_CAP))))
			m[i].b--;
	}
	if (n > p->spcap) {
		p->spcap = n;
		p->sp = xreallocarray(p->sp, p->spcap, sizeof(*p->sp));
	}
	for (i = 0; i < n; i++) {
		p->sp[i].type = m[i].type;
		p->sp[i].off = tk(p, m[i].a)->off;
		p->sp[i].len = tk(p, m[i].b - 1)->off + tk(p, m[i].b - 1)->len -
		    p->sp[i].off;
		p->sp[i].conf = m[i].conf;
		p->sp[i].flags = m[i].flags;
		p->sp[i].why = m[i].why ? m[i].why : scrub_type_name(m[i].type);
	}
	p->nsp = n;
}

/* Scrub s[0..len) once: the spans are left in p->sp. */
static void
pass_run(struct pass *p, const char *s, size_t len)
{
	size_t	 i;

	p->s = s;
	p->len = len;
	p->nc = p->nsp = 0;
	links_scan(p);
	tokenize(p);
	for (i = 0; i < p->nt; i++)
		if (tk(p, i)->kind == TK_LINK)
			cand(p, i, i + 1, tk(p, i)->type, 95,
			    tk(p, i)->type == SCRUB_EMAIL ? "e-mail" : "link");
	rule_numbers(p);
	rule_address(p);
	rule_places(p);
	for (i = 0; i < p->nt; i++) {
		rule_spoken_email(p, i);
		if (tk(p, i)->kind == TK_WORD) {
			rule_day_words(p, i);
			rule_time_words(p, i);
			rule_year_words(p, i);
			rule_short_surname(p, i);
			rule_disguised(p, i);
			rule_digit_words(p, i);
			rule_handle(p, i);
		}
	}
	rule_names(p);
	spans_make(p);
}

/* Append s[0..len) with every malformed byte replaced by U+FFFD. */
static void
put_clean(struct buf *b, const char *s, size_t len)
{
	const char	*p = s, *e = s + len, *run = s, *q;

	while (p < e) {
		if ((unsigned char)*p < 0x80) {
			p++;
			continue;
		}
		if (utf8_two(p, e)) {		/* well-formed: Cyrillic */
			p += 2;
			continue;
		}
		q = p;
		if (utf8_next(&q, e) == 0xfffd && q - p == 1) {
			buf_put(b, run, (size_t)(p - run));
			BUF_LIT(b, "\xef\xbf\xbd");
			run = q;
		}
		p = q;
	}
	buf_put(b, run, (size_t)(e - run));
}

/*
 * Append s with the spans replaced by their markers; clean: malformed
 * bytes of the kept text become U+FFFD, else they stay as they are (the
 * intermediate texts of the fix-point loop keep the input's bytes, so
 * their offsets map back onto it).
 */
static void
render(struct buf *b, const char *s, size_t len,
    const struct scrub_span *sp, size_t n, const char *const *markers,
    int clean)
{
	size_t	 i, pos = 0;

	for (i = 0; i < n; i++) {
		if (clean)
			put_clean(b, s + pos, sp[i].off - pos);
		else
			buf_put(b, s + pos, sp[i].off - pos);
		buf_puts(b, markers[sp[i].type]);
		pos = sp[i].off + sp[i].len;
	}
	if (clean)
		put_clean(b, s + pos, len - pos);
	else
		buf_put(b, s + pos, len - pos);
}

struct spanv {
	struct scrub_span *v;
	size_t		 n, cap;
};

static void
spanv_push(struct spanv *sv, const struct scrub_span *sp, size_t off,
    size_t len)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 16;
		sv->v = xreallocarray(sv->v, sv->cap, sizeof(*sv->v));
	}
	sv->v[sv->n] = *sp;
	sv->v[sv->n].off = off;
	sv->v[sv->n].len = len;
	sv->n++;
}

/*
 * fin holds spans of the input; the text T = render(input, fin) was
 * scrubbed again and gave the spans nsp of T.  Replace fin by the
 * spans of the input that render to the same result: each new span is
 * mapped back (a position inside an old marker snaps to that marker's
 * edge) and swallows the old spans it covers.  A new span that would
 * cover nothing but old markers is dropped, so every kept one shrinks
 * the text outside markers and the loop ends.  Returns whether
 * anything changed.
 */
static int
compose(struct spanv *fin, const struct scrub_span *nsp, size_t nn,
    const size_t *mlen)
{
	struct spanv	 res = { 0 };
	const struct scrub_span *o;
	size_t		 i, k = 0, first, sa, sb, a, b, covered, ts;
	long long	 shift = 0;	/* T offset minus input offset */
	int		 changed = 0, snapped;

	for (i = 0; i < nn; i++) {
		sa = nsp[i].off;
		sb = sa + nsp[i].len;
		/* Old spans whose markers end before sa stay. */
		for (; k < fin->n; k++) {
			o = &fin->v[k];
			ts = (size_t)((long long)o->off + shift);
			if (ts + mlen[o->type] > sa)
				break;
			spanv_push(&res, o, o->off, o->len);
			shift += (long long)mlen[o->type] - (long long)o->len;
		}
		/* Old markers that begin before sb are swallowed. */
		first = k;
		a = NONE;
		covered = 0;
		snapped = 0;
		for (; k < fin->n; k++) {
			o = &fin->v[k];
			ts = (size_t)((long long)o->off + shift);
			if (ts >= sb)
				break;
			if (a == NONE)
				a = ts < sa ? o->off :
				    (size_t)((long long)sa - shift);
			snapped = ts + mlen[o->type] > sb;
			covered += o->len;
			shift += (long long)mlen[o->type] - (long long)o->len;
		}
		if (a == NONE)
			a = (size_t)((long long)sa - shift);
		if (snapped)
			b = fin->v[k - 1].off + fin->v[k - 1].len;
		else
			b = (size_t)((long long)sb - shift);
		if (b - a > covered) {
			spanv_push(&res, &nsp[i], a, b - a);
			changed = 1;
		} else
			for (; first < k; first++)
				spanv_push(&res, &fin->v[first],
				    fin->v[first].off, fin->v[first].len);
	}
	for (; k < fin->n; k++)
		spanv_push(&res, &fin->v[k], fin->v[k].off, fin->v[k].len);
	free(fin->v);
	*fin = res;
	return changed;
}

static void	 pass_markers(struct pass *, const struct scrubber *,
		    const char *const [SCRUB__MAX], const char **);

/* Set up a pass with the caller's markers (NULL: none). */
static void
pass_init(struct pass *p, const struct scrubber *scr,
    const char *const markers[SCRUB__MAX], const char **mk)
{
	memset(p, 0, sizeof(*p));
	pass_markers(p, scr, markers, mk);
}

/*
 * Set the scrubber and markers of a pass, keeping its buffers (one
 * pass serves every text of a record).
 */
static void
pass_markers(struct pass *p, const struct scrubber *scr,
    const char *const markers[SCRUB__MAX], const char **mk)
{
	int	 t;

	p->scr = scr;
	p->keepweak = 0;
	p->nwk = 0;
	memset(p->mfirst, 0, sizeof(p->mfirst));
	for (t = 0; t < SCRUB__MAX; t++) {
		mk[t] = markers != NULL && markers[t] != NULL ? markers[t] :
		    "";
		p->mlen[t] = strlen(mk[t]);
		if (p->mlen[t] > 0)
			p->mfirst[(unsigned char)mk[t][0]] = 1;
	}
	p->markers = mk;
}

static void
pass_free(struct pass *p)
{
	free(p->low);
	free(p->t);
	free(p->lk);
	free(p->c);
	free(p->sp);
	free(p->wk);
}

/*
 * The spans of s[0..len) (in the input) into fin: one pass, then the
 * result scrubbed again until it stays as it is (at most MAXPASS
 * passes; in practice the second finds nothing).  The weak proposals
 * of the first pass are left in p->wk when p->keepweak.
 */
static void
scrub_spans(struct pass *p, const char *s, size_t len, struct spanv *fin)
{
	struct buf	 cur = { 0 };
	size_t		 i;
	int		 round;

	fin->n = 0;
	p->nwk = 0;
	pass_run(p, s, len);
	for (i = 0; i < p->nsp; i++)
		spanv_push(fin, &p->sp[i], p->sp[i].off, p->sp[i].len);
	p->keepweak = 0;
	for (round = 1; fin->n > 0 && round < MAXPASS; round++) {
		buf_reset(&cur);
		render(&cur, s, len, fin->v, fin->n, p->markers, 0);
		pass_run(p, buf_str(&cur), cur.len);
		if (p->nsp == 0 || !compose(fin, p->sp, p->nsp, p->mlen))
			break;
	}
	buf_free(&cur);
}

size_t
scrub_text(const struct scrubber *scr, const char *s, size_t len,
    const char *const markers[SCRUB__MAX], struct buf *out,
    void (*cb)(void *, const struct scrub_span *, const char *),
    void *arg)
{
	const char	*mk[SCRUB__MAX];
	struct pass	 p;
	struct spanv	 fin = { 0 };
	size_t		 i, n;

	pass_init(&p, scr, markers, mk);
	scrub_spans(&p, s, len, &fin);
	if (cb != NULL)
		for (i = 0; i < fin.n; i++)
			cb(arg, &fin.v[i], s);
	render(out, s, len, fin.v, fin.n, mk, 1);
	if (out->data == NULL)
		buf_put(out, "", 0);
	n = fin.n;
	free(fin.v);
	pass_free(&p);
	return n;
}

/* --- records: the same facts masked in every text -------------------- */

/* A fact one text masked: a number, or a name's stem (folded). */
struct fact {
	int		 type;
	long		 num;		/* >= 0: a number's value */
	char		 digits[24];	/* a long number's digits */
	char		 stem[24];	/* a name's first letters, folded */
	size_t		 stemlen;
};

struct factv {
	struct fact	*v;
	size_t		 n, cap;
};

static struct fact *
fact_new(struct factv *fv, int type)
{
	struct fact	*f;

	if (fv->n == fv->cap) {
		fv->cap = fv->cap ? fv->cap * 2 : 16;
		fv->v = xreallocarray(fv->v, fv->cap, sizeof(*fv->v));
	}
	f = &fv->v[fv->n++];
	memset(f, 0, sizeof(*f));
	f->type = type;
	f->num = -1;
	return f;
}

/* Kazakh letters folded onto Russian ones, lower case, in a few bytes. */
static size_t
stem_of(const char *w, size_t len, char *out, size_t cap)
{
	const char	*p = w, *e = w + len;
	uint32_t	 c;
	size_t		 n = 0, letters = 0;
	char		 enc[4];
	size_t		 k;

	while (p < e && letters < 5) {
		c = uc_tolower(utf8_next(&p, e));
		switch (c) {
		case 0x4d9: c = 0x430; break;
		case 0x493: c = 0x433; break;
		case 0x49b: c = 0x43a; break;
		case 0x4a3: c = 0x43d; break;
		case 0x4e9: c = 0x43e; break;
		case 0x4b1: case 0x4af: c = 0x443; break;
		case 0x4bb: c = 0x445; break;
		case 0x456: c = 0x438; break;
		case 0x451: c = 0x435; break;
		}
		k = enc_utf8(c, enc);
		if (n + k >= cap)
			break;
		memcpy(out + n, enc, k);
		n += k;
		letters++;
	}
	out[n] = '\0';
	return letters;
}

/* Code points in s[0..len). */
static size_t
count_cp(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * A word (its first five letters folded, n letters in all) bears the
 * name of fact f: the same five letters ("Сейтқалиеваға", "Сейткалиевой");
 * a short name ("Ким", "Омар") and its case endings, up to four letters.
 */
static int
stem_match(const struct fact *f, const char *stem, int n)
{
	size_t	 sl = strlen(f->stem);

	if (f->stemlen == 5)
		return strcmp(f->stem, stem) == 0;
	return strncmp(f->stem, stem, sl) == 0 &&
	    (size_t)n <= f->stemlen + 4;
}

/* The facts of one span of text s: its numbers and its names' stems. */
static void
facts_of(struct factv *fv, const char *s, const struct scrub_span *sp)
{
	const char	*p = s + sp->off, *e = p + sp->len, *q, *w;
	struct fact	*f;
	size_t		 nd;
	uint32_t	 c;

	while (p < e) {
		if (*p >= '0' && *p <= '9') {
			for (q = p; q < e && *q >= '0' && *q <= '9'; q++)
				continue;
			nd = (size_t)(q - p);
			if (nd >= 3 && nd < sizeof(f->digits)) {
				f = fact_new(fv, sp->type);
				memcpy(f->digits, p, nd);
				f->digits[nd] = '\0';
			}
			p = q;
			continue;
		}
		q = p;
		c = utf8_next(&q, e);
		if (sp->type == SCRUB_NAME && uc_isupper(c)) {
			w = p;
			while (q < e) {
				const char *r = q;

				if (!uc_isalpha(utf8_next(&r, e)))
					break;
				q = r;
			}
			f = fact_new(fv, SCRUB_NAME);
			if ((f->stemlen = stem_of(w, (size_t)(q - w), f->stem,
			    sizeof(f->stem))) < 3)
				fv->n--;	/* an initial, "Ли" */
			else if (count_cp(w, (size_t)(q - w)) > 5)
				f->stemlen = 5;	/* "Сейтқ": a long name */
		}
		p = q;
	}
}

/* Merge span sp into the sorted, disjoint spans of sv. */
static void
spanv_merge(struct spanv *sv, const struct scrub_span *sp)
{
	size_t	 i, j, a = sp->off, b = sp->off + sp->len;
	struct scrub_span m = *sp;

	for (i = 0; i < sv->n && sv->v[i].off + sv->v[i].len <= a; i++)
		continue;
	/* spans [i, j) overlap the new one */
	for (j = i; j < sv->n && sv->v[j].off < b; j++) {
		if (sv->v[j].off < a)
			a = sv->v[j].off;
		if (sv->v[j].off + sv->v[j].len > b)
			b = sv->v[j].off + sv->v[j].len;
		m.type = sv->v[j].type;
		m.conf = sv->v[j].conf;
		m.why = sv->v[j].why;
		m.flags = sv->v[j].flags;
	}
	m.off = a;
	m.len = b - a;
	if (i == j) {
		spanv_push(sv, &m, m.off, m.len);	/* grows by one */
		memmove(&sv->v[i + 1], &sv->v[i],
		    (sv->n - 1 - i) * sizeof(*sv->v));
		sv->v[i] = m;
		return;
	}
	sv->v[i] = m;
	memmove(&sv->v[i + 1], &sv->v[j], (sv->n - j) * sizeof(*sv->v));
	sv->n -= j - i - 1;
}

/*
 * The unit of a span of time at word j, in any case of either language
 * ("суток", "тәулікте", "айға", "недели"): AU_*, or 0.  A number before
 * it that the other text masked as an age in that unit is masked here
 * too, whether this text says an age or a duration ("за 4 суток", "4
 * тәулікте"); "29-күніне" (a date) is not "29 жаста".
 */
static int
time_unit(const struct pass *p, size_t j)
{
	int	 sure, adj, u;

	if (j >= p->nt)
		return 0;
	if ((u = age_unit(p, j, &sure, &adj)) != 0)
		return u;
	if (win(p, j, "ай ай* месяц* мес*"))
		return AU_MONTH;
	if (win(p, j, "апта* нед*"))
		return AU_WEEK;
	if (win(p, j, "тәулі* күн* сут* дн* день"))
		return AU_DAY;
	if (win(p, j, "жыл* год* лет*"))
		return AU_YEAR;
	return 0;
}

/* An age of value v in unit u (its key is v * 4 + u) is in fv. */
static int
age_fact(const struct factv *fv, long v, int u)
{
	size_t	 k;

	for (k = 0; k < fv->n; k++)
		if (fv->v[k].type == SCRUB_AGE && fv->v[k].num == v * 4 + u)
			return 1;
	return 0;
}

/*
 * Number token i and its unit of time ("4 суток", "13-тәулікте", "13-е
 * сутки") say an age of fv: the end of the unit, or 0.
 */
static size_t
age_in_time(const struct pass *p, size_t i, const struct factv *fv)
{
	const struct tok *t = tk(p, i);
	size_t	 j;
	int	 u;

	if (t->kind != TK_NUM || t->val < 0)
		return 0;
	j = nexttok(p, i);
	if (j < p->nt && is_dash(p, j))
		j = nexttok(p, j);
	if (j < p->nt && tk(p, j)->kind == TK_WORD && tk(p, j)->n <= 3 &&
	    !time_unit(p, j))
		j = nexttok(p, j);	/* "-е", "-го" */
	if ((u = time_unit(p, j)) == 0 || !age_fact(fv, t->val, u))
		return 0;
	return tk(p, j)->off + tk(p, j)->len;
}

/* A weak proposal of type t and key states fact f. */
static int
fact_matches(const struct fact *f, int t, long key)
{
	return f->num >= 0 && key >= 0 && f->num == key && f->type == t;
}

/*
 * Spread the facts over field s: weak proposals of the same value,
 * long numbers with the same digits, words with a masked name's stem.
 */
static void
spread(struct pass *p, const char *s, size_t len, const struct cand *wk,
    size_t nwk, const struct factv *fv, struct spanv *fin)
{
	struct scrub_span sp;
	char		 stem[24];
	size_t		 i, k, e;
	const struct tok *t;

	memset(&sp, 0, sizeof(sp));
	sp.flags = SCRUB_F_SHARED;
	for (i = 0; i < nwk; i++)
		for (k = 0; k < fv->n && wk[i].conf < WEAK; k++)
			if (fact_matches(&fv->v[k], wk[i].type, wk[i].key)) {
				sp.type = wk[i].type;
				sp.off = wk[i].a;
				sp.len = wk[i].b - wk[i].a;
				sp.conf = 60;
				sp.why = "masked in the other text";
				spanv_merge(fin, &sp);
				break;
			}
	/* tokens of the input: long numbers, names */
	for (k = 0; k < fv->n; k++)
		if (fv->v[k].digits[0] != '\0' || fv->v[k].stemlen > 0 ||
		    (fv->v[k].type == SCRUB_AGE && fv->v[k].num >= 0))
			break;
	if (k == fv->n)
		return;			/* no such fact */
	p->keepweak = 0;
	p->s = s;
	p->len = len;
	links_scan(p);
	tokenize(p);
	for (i = 0; i < p->nt; i++) {
		t = tk(p, i);
		if ((e = age_in_time(p, i, fv)) != 0) {
			sp.type = SCRUB_AGE;
			sp.off = t->off;
			sp.len = e - t->off;
			sp.conf = 60;
			sp.why = "masked in the other text";
			spanv_merge(fin, &sp);
			continue;
		}
		if (t->kind == TK_NUM && t->n >= 3) {
			for (k = 0; k < fv->n; k++)
				if (fv->v[k].digits[0] != '\0' &&
				    strlen(fv->v[k].digits) == t->len &&
				    memcmp(fv->v[k].digits, s + t->off,
				    t->len) == 0)
					break;
			if (k == fv->n)
				continue;
			sp.type = fv->v[k].type;
		} else if (t->kind == TK_WORD && (t->flags & TF_CAP) &&
		    t->n >= 3 && !(t->cls & (L_KEEP | L_COMMON | L_ROLE |
		    L_ROLEKK | L_UNIT | L_MONTH)) && !(t->flags & TF_MIXED)) {
			if (stem_of(s + t->off, t->len, stem, sizeof(stem)) < 3)
				continue;
			for (k = 0; k < fv->n; k++)
				if (fv->v[k].stemlen > 0 && stem_match(&fv->v[k],
				    stem, t->n))
					break;
			if (k == fv->n)
				continue;
			sp.type = SCRUB_NAME;
		} else
			continue;
		sp.off = t->off;
		sp.len = t->len;
		sp.conf = 60;
		sp.why = "masked in the other text";
		spanv_merge(fin, &sp);
	}
}

size_t
scrub_record(const struct scrubber *scr, struct scrub_field *fld, size_t n,
    void (*cb)(void *, size_t, const struct scrub_span *, const char *),
    void *arg)
{
	const char	*mk[SCRUB__MAX];
	struct pass	 p;
	struct spanv	*fin;
	struct cand	**wk;
	size_t		*nwk, i, k, total = 0;
	struct factv	 fv = { 0 };

	fin = xcalloc(n ? n : 1, sizeof(*fin));
	wk = xcalloc(n ? n : 1, sizeof(*wk));
	nwk = xcalloc(n ? n : 1, sizeof(*nwk));
	pass_init(&p, scr, NULL, mk);
	for (i = 0; i < n; i++) {
		if (fld[i].s == NULL || fld[i].len == 0)
			continue;
		pass_markers(&p, scr, fld[i].markers, mk);
		p.keepweak = 1;
		scrub_spans(&p, fld[i].s, fld[i].len, &fin[i]);
		/* the field's keyed proposals: its own copy */
		if (p.nwk > 0) {
			wk[i] = xreallocarray(NULL, p.nwk, sizeof(*wk[i]));
			memcpy(wk[i], p.wk, p.nwk * sizeof(*wk[i]));
		}
		nwk[i] = p.nwk;
		for (k = 0; k < fin[i].n; k++)
			facts_of(&fv, fld[i].s, &fin[i].v[k]);
		/* the values of the strong proposals: ages with their units */
		for (k = 0; k < nwk[i]; k++)
			if (wk[i][k].conf >= WEAK)
				fact_new(&fv, wk[i][k].type)->num = wk[i][k].key;
	}
	for (i = 0; i < n; i++) {
		if (fld[i].s == NULL || fld[i].len == 0) {
			fld[i].nrepl = 0;
			if (fld[i].out != NULL && fld[i].out->data == NULL)
				buf_put(fld[i].out, "", 0);
			continue;
		}
		pass_markers(&p, scr, fld[i].markers, mk);
		if (fv.n > 0)
			spread(&p, fld[i].s, fld[i].len, wk[i], nwk[i], &fv,
			    &fin[i]);
		if (cb != NULL)
			for (k = 0; k < fin[i].n; k++)
				cb(arg, i, &fin[i].v[k], fld[i].s);
		render(fld[i].out, fld[i].s, fld[i].len, fin[i].v, fin[i].n,
		    mk, 1);
		if (fld[i].out->data == NULL)
			buf_put(fld[i].out, "", 0);
		fld[i].nrepl = fin[i].n;
		total += fin[i].n;
	}
	pass_free(&p);
	for (i = 0; i < n; i++) {
		free(fin[i].v);
		free(wk[i]);
	}
	free(fin);
	free(wk);
	free(nwk);
	free(fv.v);
	return total;
}
