/*
 * textqi.c -- codes and departments in the narratives, brought to the
 * level of their row (see textqi.h).
 *
 * ICD-10 codes: a capital letter (Latin, or the Cyrillic letter that
 * looks like it: К35.8 is K35.8), two digits, optionally a point or a
 * comma and one or two digits, standing alone.  A code of the row's own
 * diagnosis is shortened to what the row shows; any other code (a
 * comorbidity, an admission diagnosis) is masked, since it would add a
 * diagnosis the row does not have.  "витамин В12" is a vitamin.
 *
 * Departments: a form of "отделение" with the adjectives before it
 * ("в детском хирургическом отделении") and the genitives after it
 * ("отделение реанимации и интенсивной терапии"); a form of "бөлімше"
 * with the words before it that name a specialty ("балалар хирургиясы
 * бөлімшесіне").  A bare "отделение" names none and stays.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "privacy/ladder.h"
#include "privacy/textqi.h"

struct textqi {
	const struct dicts	*d;
	const char *const	*markers[LANG__MAX];
	char			**stems;	/* every specialty word stem */
	size_t			 nstems;
};

/* A word of the text: bytes [off, off+len), its lower-case form. */
struct word {
	size_t	 off, len;
	char	*low;
	int	 joined;	/* only blanks between it and the last word */
	int	 upper;		/* starts with a capital */
};

/* Cyrillic capitals that look like Latin ones, as codes are typed. */
static int
code_letter(uint32_t c)
{
	static const struct { uint32_t cy; char la; } look[] = {
		{ 0x0410, 'A' }, { 0x0412, 'B' }, { 0x0421, 'C' },
		{ 0x0415, 'E' }, { 0x041D, 'H' }, { 0x041A, 'K' },
		{ 0x041C, 'M' }, { 0x041E, 'O' }, { 0x0420, 'P' },
		{ 0x0422, 'T' }, { 0x0425, 'X' }
	};
	size_t	 i;

	if (c >= 'A' && c <= 'Z')
		return (int)c;
	for (i = 0; i < sizeof(look) / sizeof(look[0]); i++)
		if (look[i].cy == c)
			return look[i].la;
	return 0;
}

static int
is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || uc_isalpha(c);
}

/* Lower-case UTF-8 copy of s[0..len). */
static char *
lower(const char *s, size_t len)
{
	struct buf	 b = { 0 };

	utf8_lower(&b, s, len);
	buf_putc(&b, '\0');
	b.len--;
	return buf_detach(&b);
}

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int
ends(const char *s, const char *suffix)
{
	size_t	 n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The first six letters of every word of five letters or more. */
static void
add_stems(char ***v, size_t *n, const char *name)
{
	const char	*p = name, *end = name + strlen(name), *w;
	struct buf	 b = { 0 };
	size_t		 letters;

	while (p < end) {
		uint32_t c;

		w = p;
		letters = 0;
		buf_reset(&b);
		while (p < end) {
			const char *q = p;

			c = utf8_next(&p, end);
			if (!uc_isalpha(c)) {
				if (c != '-' || letters == 0)
					break;
				p = q + 1;
				break;
			}
			if (letters < 6)
				utf8_put(&b, uc_tolower(c));
			letters++;
		}
		(void)w;
		if (letters >= 5) {
			*v = xreallocarray(*v, *n + 1, sizeof(char *));
			(*v)[(*n)++] = xstrdup(buf_str(&b));
		}
	}
	buf_free(&b);
}

struct textqi *
textqi_new(const struct dicts *d, const char *const *markers[LANG__MAX])
{
	struct textqi	*t;
	size_t		 i;
	int		 l;

	t = xcalloc(1, sizeof(*t));
	t->d = d;
	for (l = 0; l < LANG__MAX; l++)
		t->markers[l] = markers[l];
	for (i = 0; i < d->nprofiles; i++)
		for (l = 0; l < LANG__MAX; l++)
			add_stems(&t->stems, &t->nstems, d->profiles[i].name[l]);
	return t;
}

void
textqi_free(struct textqi *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nstems; i++)
		free(t->stems[i]);
	free(t->stems);
	free(t);
}

/* ------------------------------------------------------------------ */
/* Codes                                                                */

/*
 * A code at s[i]: its length in bytes and the category (Latin letter,
 * two digits) in cat; 0 if none.
 */
static size_t
code_at(const char *s, size_t len, size_t i, char cat[4])
{
	const char	*p = s + i, *end = s + len;
	uint32_t	 c;
	int		 letter;

	c = utf8_next(&p, end);
	if ((letter = code_letter(c)) == 0)
		return 0;
	if (end - p < 2 || p[0] < '0' || p[0] > '9' || p[1] < '0' ||
	    p[1] > '9')
		return 0;
	cat[0] = (char)letter;
	cat[1] = p[0];
	cat[2] = p[1];
	cat[3] = '\0';
	p += 2;
	if (end - p >= 2 && (p[0] == '.' || p[0] == ',') && p[1] >= '0' &&
	    p[1] <= '9') {
		p += 2;
		if (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < end) {
		const char *q = p;

		c = utf8_next(&q, end);
		if (is_alnum(c))
			return 0;
	}
	return (size_t)(p - (s + i));
}

/* Whether the word before byte i is a vitamin ("витамин В12"). */
static int
after_vitamin(const char *s, size_t i)
{
	size_t	 j = i;
	char	*w;
	int	 v;

	while (j > 0 && s[j - 1] == ' ')
		j--;
	while (i - j < 40 && j > 0 && s[j - 1] != ' ' && s[j - 1] != '\n' &&
	    s[j - 1] != '(')
		j--;
	w = lower(s + j, i - j);
	v = starts(w, "витамин") || starts(w, "вит.") ||
	    starts(w, "дәрумен") || starts(w, "vitamin");
	free(w);
	return v;
}

/* Whether the code point before byte i is a letter or a digit. */
static int
alnum_before(const char *s, size_t i)
{
	const char	*p;
	size_t		 j = i;

	if (i == 0)
		return 0;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
		j--;
	if (j == 0)
		return 0;
	j--;
	p = s + j;
	return is_alnum(utf8_next(&p, s + i));
}

/* The replacement of a code in a row: the category, chapter or NULL. */
static const char *
code_for_row(const struct textqi *t, const struct textqi_row *r,
    const char *cat)
{
	int	 ch;

	if (r->dx_level == 0)
		return strcmp(cat, r->dx) == 0 ? cat : NULL;
	if (r->dx_level == 1) {
		ch = ladder_chapter(t->d, cat);
		if (ch >= 0 && strcmp(t->d->chapters[ch].code, r->dx) == 0)
			return r->dx;
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Departments                                                          */

static void
words_free(struct word *w, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(w[i].low);
	free(w);
}

/* The words of s: letters and inner hyphens. */
static struct word *
words(const char *s, size_t len, size_t *np)
{
	struct word	*w = NULL;
	const char	*p = s, *end = s + len, *q, *start;
	size_t		 n = 0, cap = 0;
	int		 blank = 1;
	uint32_t	 c;

	while (p < end) {
		q = p;
		c = utf8_next(&p, end);
		if (!uc_isalpha(c)) {
			if (c != ' ' && c != 0xA0)
				blank = 0;
			continue;
		}
		start = q;
		for (;;) {
			q = p;
			if (p >= end)
				break;
			c = utf8_next(&p, end);
			if (uc_isalpha(c))
				continue;
			if (c == '-' && p < end) {
				const char *r = p;

				if (uc_isalpha(utf8_next(&r, end)))
					continue;
			}
			p = q;
			break;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			w = xreallocarray(w, cap, sizeof(*w));
		}
		w[n].off = (size_t)(start - s);
		w[n].len = (size_t)(p - start);
		w[n].low = lower(start, w[n].len);
		w[n].joined = blank && n > 0;
		{
			const char *r = start;

			w[n].upper = uc_isupper(utf8_next(&r, end));
		}
		n++;
		blank = 1;
	}
	*np = n;
	return w;
}

static int
ru_adjective(const char *w)
{
	static const char *const end[] = {
		"ом", "ое", "ого", "ой", "ый", "ий", "ая", "яя", "ую", "юю",
		"ые", "ие", "ых", "их", "ым", "им", "ыми", "ими", "ому", "ему",
		"ем", "его", "ее", "ей", NULL
	};
	static const char *const stop[] = {
		"больной", "больного", "больному", "больным", "этом", "этой",
		"этого", "том", "той", "того", "котором", "которой", "каждом",
		"каждой", "своём", "своем", "другом", "другой", "нашем",
		"новой", "одном", "одной", "нём", "ней", "всем", "всей",
		"всех", "других", "этих", "тех", "наших", "каждого", NULL
	};
	size_t	 i;

	for (i = 0; stop[i]; i++)
		if (strcmp(w, stop[i]) == 0)
			return 0;
	if (starts(w, "заведующ") || starts(w, "старш") ||
	    starts(w, "руководящ"))
		return 0;
	for (i = 0; end[i]; i++)
		if (ends(w, end[i]) && strlen(w) > strlen(end[i]) + 3)
			return 1;
	return 0;
}

static int
ru_genitive(const char *w)
{
	static const char *const end[] = {
		"ии", "ой", "ых", "их", "ей", "ого", "его", NULL
	};
	/* Nouns in -а, -я that name what a department does. */
	static const char *const noun[] = {
		"гемодиализ", "диализ", "реанимац", "хирург", "терап",
		"патолог", "кардиолог", "травматолог", "невролог", "онколог",
		"уролог", "гинеколог", "акушер", "педиатр", "неонатолог",
		"токсиколог", "наркол", "психиатр", "ожог", "туберкул",
		"инсульт", "инфаркт", "профпатолог", "трансплант", NULL
	};
	size_t	 i;

	for (i = 0; noun[i]; i++)
		if (starts(w, noun[i]))
			return 1;
	if (starts(w, "пациент") || starts(w, "больн") ||
	    starts(w, "котор") || strcmp(w, "этой") == 0 ||
	    starts(w, "организац") || starts(w, "стационар") ||
	    starts(w, "учрежден") || starts(w, "клиник") ||
	    starts(w, "городск") ||
	    starts(w, "областн") || starts(w, "районн"))
		return 0;
	for (i = 0; end[i]; i++)
		if (ends(w, end[i]) && strlen(w) > strlen(end[i]) + 3)
			return 1;
	return 0;
}

static int
stem_match(char *const *stems, size_t n, const char *w)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (starts(w, stems[i]))
			return 1;
	return 0;
}

/* Kazakh words that make a department's name. */
static int
kk_modifier(const struct textqi *t, const char *w)
{
	static const char *const dept[] = {
		"реанимац", "қарқынды", "терапия", "балалар", "жедел",
		"қабылда", "босану", "патология", "жаңа", "туған",
		"нәресте", "жұқпалы", "ересектер", "жалпы", "перзентхана",
		"перинатал", "анестезиол", "оңалту", "күйік", "туберкул",
		"жарақат", "жүрек", "бүйрек", "инфекц", "көз", "құлақ",
		"тіс", "тері", "жүйке", "әйел",
		"гинеколог", "акушер", "педиатр", "неонатол", "онколог",
		"кардиол", "невролог", "хирург", "травматол", "ортопед",
		"уролог", "психиатр", "наркол", "медициналық", "нәрестелер",
		"шала", "диагност", "сәулелік", "гемодиализ", "диализ",
		"химиотерап", "физиотерап", "трансплант", "кәсіптік",
		"патолог", "генетик", "репродуктив", "технология", "қосалқы",
		"гипербари", "оксигенац", "жүктілік", "колопроктол",
		"эндоскоп", "аурулар", "кейінгі", "алдындағы", "ауру",
		"эндокрин", "гастро", "гематол", "гериатр", "токсикол",
		"аллергол", "пульмонол", "нефрол", "дерматол", "стоматол",
		"офтальмол", "оториноларинг", "онкол", "нейрохирург",
		"кардиохирург", NULL
	};
	static const char *const suffix[] = {
		"лық", "лік", "дық", "дік", "тық", "тік", "ия", "иясы",
		"иялық", "логия", "логиясы", NULL
	};
	static const char *const stop[] = {
		"барлық", "осы", "сол", "біздің", "әр", "әрбір", "басқа",
		"бірнеше", "екі", "үш", "бір", "аурухананың", "ауруханасының",
		"ұйымның", "тәулік", "сағат", "күн", "апта", "ай", NULL
	};
	size_t	 i;

	for (i = 0; stop[i]; i++)
		if (strcmp(w, stop[i]) == 0)
			return 0;
	for (i = 0; dept[i]; i++)
		if (starts(w, dept[i]))
			return 1;
	if (stem_match(t->stems, t->nstems, w))
		return 1;
	for (i = 0; suffix[i]; i++)
		if (ends(w, suffix[i]) && strlen(w) > strlen(suffix[i]) + 4)
			return 1;
	return 0;
}

/* Whether a department's words match the row's own specialty. */
static int
row_specialty(const struct textqi *t, const struct textqi_row *r,
    const struct word *w, size_t lo, size_t hi)
{
	const struct dict_entry *e;
	char		**stems = NULL;
	size_t		 n = 0, i;
	int		 l, hit = 0;

	if (r->profile_level != 0 ||
	    (e = dict_find(t->d->profiles, t->d->nprofiles, r->profile))
	    == NULL)
		return 0;
	for (l = 0; l < LANG__MAX; l++)
		add_stems(&stems, &n, e->name[l]);
	for (i = lo; i < hi && !hit; i++)
		if (!starts(w[i].low, "отделен") &&
		    !starts(w[i].low, "бөлімше"))
			hit = stem_match(stems, n, w[i].low);
	for (i = 0; i < n; i++)
		free(stems[i]);
	free(stems);
	return hit;
}

/*
 * Words that tell the patient is a child.  They stay only where the
 * row itself says so (an age band under 20, or the pediatric profile).
 */
static int
child_word(enum lang l, const char *w)
{
	static const char *const ru[] = {
		"мальчик", "девочк", "ребён", "ребен", "новорождён",
		"новорожден", "младен", "подрост", "недоношен", "грудничк",
		NULL
	};
	static const char *const kk_exact[] = {
		"бала", "баланың", "балаға", "баланы", "балада", "баладан",
		"баламен", "баласы", "баласының", NULL
	};
	static const char *const kk[] = {
		"нәресте", "жасөспірім", NULL
	};
	size_t	 i;

	/* (each list's words have two bytes or more: the first two are
	 * compared before a call) */
	for (i = 0; ru[i]; i++)
		if (w[0] == ru[i][0] && w[1] == ru[i][1] && starts(w, ru[i]))
			return 1;
	for (i = 0; kk[i]; i++)
		if (w[0] == kk[i][0] && w[1] == kk[i][1] && starts(w, kk[i]))
			return 1;
	for (i = 0; kk_exact[i]; i++)
		if (w[0] == kk_exact[i][0] && w[1] == kk_exact[i][1] &&
		    strcmp(w, kk_exact[i]) == 0)
			return 1;
	(void)l;
	return 0;
}

/*
 * Words that tell a newborn, and so neonatology.  They stay only where
 * the row shows a neonatology specialty.  w[i] is the word; a newborn
 * may take two ("жаңа туған", "шала туған"): *n is how many.
 */
static int
newborn_words(const struct word *w, size_t nw, size_t i, size_t *n)
{
	static const char *const one[] = {
		"новорожд", "нәресте", "недоношен", "перинатал", NULL
	};
	size_t	 k;

	*n = 1;
	for (k = 0; one[k]; k++)
		if (starts(w[i].low, one[k]))
			return 1;
	if ((strcmp(w[i].low, "жаңа") == 0 || strcmp(w[i].low, "шала") == 0)
	    && i + 1 < nw && w[i + 1].joined && starts(w[i + 1].low, "туған")) {
		*n = 2;
		return 1;
	}
	if (strcmp(w[i].low, "шала") == 0 && i + 1 < nw &&
	    starts(w[i + 1].low, "туу")) {
		*n = 2;
		return 1;
	}
	return 0;
}

static int
row_neonatal(const struct textqi_row *r)
{
	return r->profile_level == 0 && (strcmp(r->profile,
	    "neonatology") == 0 || strcmp(r->profile,
	    "obstetric-neonatology") == 0);
}

/* The row's profile group, or NULL where it shows none. */
static const char *
row_group(const struct textqi *t, const struct textqi_row *r)
{
	const struct dict_entry *e;

	if (r->profile_level == 1)
		return r->profile;
	if (r->profile_level == 0 && (e = dict_find(t->d->profiles,
	    t->d->nprofiles, r->profile)) != NULL)
		return e->group;
	return NULL;
}

/*
 * A delivery room ("родильный зал", "родзал", "босану залы") tells the
 * obstetric profile: *n words, or 0.
 */
static int
delivery_room(const struct word *w, size_t nw, size_t i, size_t *n)
{
	*n = 1;
	if (starts(w[i].low, "родзал"))
		return 1;
	if ((starts(w[i].low, "родильн") || strcmp(w[i].low, "босану") == 0)
	    && i + 1 < nw && w[i + 1].joined && starts(w[i + 1].low, "зал")) {
		*n = 2;
		return 1;
	}
	return 0;
}

/* Whether the row shows that the patient is a child. */
static int
row_child(const struct textqi *t, const struct textqi_row *r)
{
	const struct dict_entry *e;
	int	 lo, hi;

	if (r->age != NULL && r->age_level < 3 &&
	    (sscanf(r->age, "%d-%d", &lo, &hi) == 2 ? hi < 20 :
	    strcmp(r->age, "0") == 0))
		return 1;
	if (r->profile_level == 1)
		return strcmp(r->profile, "pediatric") == 0;
	if (r->profile_level == 0 && (e = dict_find(t->d->profiles,
	    t->d->nprofiles, r->profile)) != NULL)
		return strcmp(e->group, "pediatric") == 0;
	return 0;
}

/* A span of bytes to replace. */
struct span {
	size_t		 off, len;
	const char	*with;		/* replacement */
	const char	*kind;
};

static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->off < y->off ? -1 : x->off > y->off;
}

/* Append the span [off, off + len) of kind, replaced by with. */
static void
span_add(struct span **sp, size_t *nsp, size_t off, size_t len,
    const char *with, const char *kind)
{
	*sp = xreallocarray(*sp, *nsp + 1, sizeof(**sp));
	(*sp)[*nsp].off = off;
	(*sp)[*nsp].len = len;
	(*sp)[*nsp].with = with;
	(*sp)[*nsp].kind = kind;
	(*nsp)++;
}

/* The words w[i, i + n) as a span. */
#define WORDS_SPAN(w, i, n) \
	(w)[i].off, (w)[(i) + (n) - 1].off + (w)[(i) + (n) - 1].len - (w)[i].off

/* The department phrases of s, as spans (words w[0..nw)). */
static size_t
departments(const struct textqi *t, const struct textqi_row *r,
    enum lang l, const struct word *w, size_t nw, int force,
    struct span **sp, size_t *nsp)
{
	size_t	 i, lo, hi, masked = 0;
	int	 named;

	for (i = 0; i < nw; i++) {
		int	 ru = starts(w[i].low, "отделен");
		int	 kk = starts(w[i].low, "бөлімше");

		if (!ru && !kk)
			continue;
		lo = i;
		hi = i + 1;
		named = 0;
		if (ru) {
			while (lo > 0 && i - lo < 3 && w[lo].joined &&
			    ru_adjective(w[lo - 1].low))
				lo--;
			while (hi < nw && hi - i < 6 && w[hi].joined &&
			    (ru_genitive(w[hi].low) ||
			    (strcmp(w[hi].low, "и") == 0 && hi + 1 < nw &&
			    w[hi + 1].joined && ru_genitive(w[hi + 1].low))))
				hi += strcmp(w[hi].low, "и") == 0 ? 2 : 1;
		} else {
			while (lo > 0 && i - lo < 4 && w[lo].joined &&
			    (kk_modifier(t, w[lo - 1].low) ||
			    (strcmp(w[lo - 1].low, "және") == 0 && lo > 1 &&
			    w[lo - 1].joined && kk_modifier(t,
			    w[lo - 2].low))))
				lo -= strcmp(w[lo - 1].low, "және") == 0 ?
				    2 : 1;
		}
		named = lo < i || hi > i + 1;
		if (!named)
			continue;
		if (!force && row_specialty(t, r, w, lo, hi))
			continue;
		span_add(sp, nsp, WORDS_SPAN(w, lo, hi - lo),
		    t->markers[l][TQ_DEPARTMENT], "department");
		masked++;
		i = hi - 1;
	}
	return masked;
}

size_t
textqi_apply(const struct textqi *t, const struct textqi_row *r,
    enum lang l, const char *s, size_t len, int force, struct buf *out,
    void (*cb)(void *, const char *, const char *, size_t), void *arg)
{
	struct span	*sp = NULL;
	struct word	*w;
	size_t		 nsp = 0, nw, i, n, pos, clen, masked;
	char		 cat[4];
	const char	*p, *g;

	/* Codes. */
	for (i = 0; i < len; ) {
		/*
		 * A code starts with A-Z or a Cyrillic capital А-Х (D0 90
		 * .. D0 A5), a digit right after it: looked at closer
		 * only then (a Cyrillic text is half D0 bytes).
		 */
		if (((s[i] >= 'A' && s[i] <= 'Z' && i + 1 < len &&
		    s[i + 1] >= '0' && s[i + 1] <= '9') ||
		    ((unsigned char)s[i] == 0xD0 && i + 2 < len &&
		    (unsigned char)s[i + 1] >= 0x90 &&
		    (unsigned char)s[i + 1] <= 0xA5 &&
		    s[i + 2] >= '0' && s[i + 2] <= '9')) &&
		    !alnum_before(s, i) &&
		    (clen = code_at(s, len, i, cat)) > 0 &&
		    !after_vitamin(s, i)) {
			p = code_for_row(t, r, cat);
			span_add(&sp, &nsp, i, clen, p == NULL ?
			    t->markers[l][TQ_DIAGNOSIS] : p == cat ? r->dx : p,
			    "icd10");
			i += clen;
			continue;
		}
		i++;
	}
	/* Departments (outside the codes); children. */
	w = words(s, len, &nw);
	masked = departments(t, r, l, w, nw, force, &sp, &nsp);
	g = row_group(t, r);
	if (g == NULL || strcmp(g, "obstetric") != 0)
		for (i = 0; i < nw; i++) {
			if (!delivery_room(w, nw, i, &n))
				continue;
			span_add(&sp, &nsp, WORDS_SPAN(w, i, n),
			    t->markers[l][TQ_DEPARTMENT], "department");
			i += n - 1;
		}
	if (!row_neonatal(r))
		for (i = 0; i < nw; i++) {
			if (!newborn_words(w, nw, i, &n))
				continue;
			span_add(&sp, &nsp, WORDS_SPAN(w, i, n),
			    t->markers[l][TQ_PATIENT], "newborn");
			i += n - 1;
		}
	if (!row_child(t, r))
		for (i = 0; i < nw; i++)
			if (child_word(l, w[i].low))
				span_add(&sp, &nsp, w[i].off, w[i].len,
				    t->markers[l][TQ_PATIENT], "child");
	words_free(w, nw);
	if (nsp > 1)
		qsort(sp, nsp, sizeof(*sp), span_cmp);
	for (pos = 0, i = 0; i < nsp; i++) {
		if (sp[i].off < pos)
			continue;	/* overlaps the last */
		buf_put(out, s + pos, sp[i].off - pos);
		buf_puts(out, sp[i].with);
		if (cb != NULL && (sp[i].len != strlen(sp[i].with) ||
		    memcmp(s + sp[i].off, sp[i].with, sp[i].len) != 0))
			cb(arg, sp[i].kind, s + sp[i].off, sp[i].len);
		pos = sp[i].off + sp[i].len;
	}
	buf_put(out, s + pos, len - pos);
	free(sp);
	return masked;
}
