/*
 * demo.c -- regsite demo: a deterministic synthetic registry.
 *
 * demo_run() writes a database with the schema of schema.sql and
 * --incidents Form 1 and --insurance Form 2 records spread over
 * --quarters quarters from 2024 Q4 (the registry starts on 23 October
 * 2024).  The same options always give the same rows: every random
 * choice comes from a xoshiro256** generator seeded, per record, from
 * (--seed, form, quarter, index), never from rand() or the clock.
 *
 * The free text is composed from parallel Kazakh/Russian templates
 * (the content tables in the middle of this file).  A template is
 * plain text with a few marks:
 *
 *   [a|b|c]      one alternative, drawn from the part's random stream
 *   [@1:a|b]     one alternative chosen by record label 1..4, so that
 *                several fields (and both languages) agree
 *   [@g:m|f]     by the patient's sex (Russian agreement only)
 *   [@a:x|y|z]   by age class: adult, child, newborn
 *   [@c:x|y]     by consequence: with, without
 *   [@d:x|y]     by harm: death, alive
 *   <lo-hi/st>   a number (decimal comma: <0,5-2,5/0,5>); "~one~few~many"
 *                after the range appends the Russian plural noun;
 *                <@2:lo-hi> takes the number from a record label
 *   {SLOT}       a record value: {PT} the patient, {AT} the time...
 *   ^            capitalise the next letter
 *
 * The Kazakh and Russian template of a pair are expanded with the same
 * random stream, so they must draw in the same order: every pair is
 * checked when the templates are compiled (see tpl_signature), and a
 * mismatch is an error, not a silently different text.
 *
 * The database is written to FILE.tmp (16 KiB pages, which hold a
 * record with both languages without overflow pages) in one
 * transaction with two prepared statements, journalling and per-row
 * foreign key checks off (every code is checked against the
 * dictionaries first; the CHECK constraints still apply), then
 * switched to WAL, synced and renamed over FILE: a failed run leaves
 * no half database.  Memory does not depend on the number of records:
 * records are drawn one at a time into reused buffers, public numbers
 * come from a keyed permutation, and SQLite's cache is capped.
 *
 * Never published, and used by the privacy tests as canaries: source
 * ("mo-<BIN>" for Form 1, "insurance-pool" for Form 2), source_ref,
 * org_code and place_*.  About 12% of the records carry identifying
 * detail (names, dates, IINs, phones, addresses, numbers) in one free
 * text field, in both languages, for the scrubber to find.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "lib/lib.h"
#include "lib/dict.h"
#include "store/db.h"
#include "store/msg.h"
#include "store/store.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Random numbers                                                      */

/* splitmix64: seeds the generators and drives the template streams. */
static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t	 z;

	z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A uniform number in [0, n) from a splitmix64 stream. */
static uint32_t
sm_below(uint64_t *x, uint32_t n)
{
	return (uint32_t)(((splitmix64(x) >> 32) * (uint64_t)n) >> 32);
}

struct rng {
	uint64_t s[4];
};

static void
rng_init(struct rng *g, uint64_t seed)
{
	uint64_t	 x = seed;
	int		 i;

	for (i = 0; i < 4; i++)
		g->s[i] = splitmix64(&x);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* xoshiro256** (Blackman and Vigna). */
static uint64_t
rng_next(struct rng *g)
{
	uint64_t	 r, t;

	r = rotl(g->s[1] * 5, 7) * 9;
	t = g->s[1] << 17;
	g->s[2] ^= g->s[0];
	g->s[3] ^= g->s[1];
	g->s[1] ^= g->s[2];
	g->s[0] ^= g->s[3];
	g->s[2] ^= t;
	g->s[3] = rotl(g->s[3], 45);
	return r;
}

/* Uniform in [0, n) (multiply-shift; the bias is far below 2^-32). */
static uint32_t
rng_below(struct rng *g, uint32_t n)
{
	return (uint32_t)(((rng_next(g) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]. */
static int
rng_range(struct rng *g, int lo, int hi)
{
	return lo + (int)rng_below(g, (uint32_t)(hi - lo + 1));
}

/* True with probability permille / 1000. */
static int
rng_pm(struct rng *g, int permille)
{
	return (int)rng_below(g, 1000) < permille;
}

/* A seed for one purpose of one record: mixes all four numbers. */
static uint64_t
seed_of(uint64_t seed, uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t	 x;

	x = seed ^ 0x5eed5eed5eedULL;
	x = splitmix64(&x) ^ a;
	x = splitmix64(&x) ^ (b << 1);
	x = splitmix64(&x) ^ (c << 2);
	return splitmix64(&x);
}

/*
 * A pseudo-random permutation of [0, n) without memory: a four-round
 * Feistel network on the smallest even number of bits covering n,
 * cycle-walking until the value falls inside.  Used for the public
 * numbers, which must not follow the order of the dates.
 */
static uint32_t
permute(uint32_t i, uint32_t n, uint64_t key)
{
	uint32_t	 half, mask, l, r, t;
	uint64_t	 k;
	int		 bits, round;

	if (n <= 1)
		return 0;
	for (bits = 2; bits < 32 && (1UL << bits) < n; bits += 2)
		;
	half = (uint32_t)bits / 2;
	mask = (1U << half) - 1;
	do {
		l = i >> half;
		r = i & mask;
		for (round = 0; round < 4; round++) {
			k = key + (uint64_t)round * 0x632be59bd9b4e019ULL +
			    r;
			t = l ^ ((uint32_t)splitmix64(&k) & mask);
			l = r;
			r = t;
		}
		i = (l << half) | r;
	} while (i >= n);
	return i;
}

/* ------------------------------------------------------------------ */
/* The calendar (proleptic Gregorian, days since 1970-01-01)           */

static long
days_from_civil(int y, int m, int d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 0 Sunday .. 6 Saturday */
static int
weekday(long z)
{
	return (int)(((z % 7) + 11) % 7);
}

/* Quarter k (0 = 2024 Q4) as year and number. */
static void
quarter_of(int k, int *y, int *q)
{
	*y = 2024 + (k + 3) / 4;
	*q = (k + 3) % 4 + 1;
}

static void
quarter_name(int k, char out[16])
{
	int	 y, q;

	quarter_of(k, &y, &q);
	snprintf(out, 16, "%04dQ%d", y % 10000, q);
}

/* First and last day of quarter k; 2024 Q4 starts on 23 October. */
static void
quarter_days(int k, long *first, long *last)
{
	int	 y, q;

	quarter_of(k, &y, &q);
	*first = k == 0 ? days_from_civil(2024, 10, 23) :
	    days_from_civil(y, 3 * (q - 1) + 1, 1);
	*last = q == 4 ? days_from_civil(y + 1, 1, 1) - 1 :
	    days_from_civil(y, 3 * q + 1, 1) - 1;
}

/* ------------------------------------------------------------------ */
/* Language helpers                                                    */

/* Russian plural: 0 for 1, 21..; 1 for 2-4, 22-24..; 2 otherwise. */
static int
ru_plural(long n)
{
	long	 a = n % 10, b = n % 100;

	if (a == 1 && b != 11)
		return 0;
	if (a >= 2 && a <= 4 && (b < 12 || b > 14))
		return 1;
	return 2;
}

/*
 * The Kazakh locative ending after a number read aloud (0..59):
 * "14:30-да", "14:05-те", "12:50-де".  It follows the last word.
 */
static const char *
kk_loc(int n)
{
	static const char *const units[10] = {
		"де", "де", "де", "те", "те", "те", "да", "де", "де", "да"
	};
	static const char *const tens[6] = {
		"де", "да", "да", "да", "та", "де"
	};

	if (n % 10 != 0)
		return units[n % 10];
	return tens[(n / 10) % 6];
}

static const char *const ru_months_gen[12] = {
	"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
	"августа", "сентября", "октября", "ноября", "декабря"
};

/* Kazakh month names in the locative: "наурызда". */
static const char *const kk_months_loc[12] = {
	"қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда",
	"маусымда", "шілдеде", "тамызда", "қыркүйекте", "қазанда",
	"қарашада", "желтоқсанда"
};

/* ------------------------------------------------------------------ */
/* Templates                                                           */

enum slot {
	S_PT, S_PTG, S_PTD, S_PTV, S_PTA,	/* the patient */
	S_DEP, S_DEPA,				/* department: in, into */
	S_AT, S_AT2, S_T, S_SHIFT,		/* times */
	S_DXN, S_DXC,				/* diagnosis name, code */
	S_TOPIC, S_MRP, S_DIS,
	S_NAME, S_SNAME, S_SNAME2,		/* identifiers */
	S_DATE, S_ADMDATE, S_DATEN, S_DATEN2, S_YOB, S_IIN, S_PHONE,
	S_ADDR, S_AGEN, S_AGEY,
	S__MAX
};

static const char *const slot_names[S__MAX] = {
	"PT", "PTG", "PTD", "PTV", "PTA", "DEP", "DEPA", "AT", "AT2", "T",
	"SHIFT", "DXN", "DXC", "TOPIC", "MRP", "DIS", "NAME", "SNAME",
	"SNAME2", "DATE", "ADMDATE", "DATEN", "DATEN2", "YOB", "IIN",
	"PHONE", "ADDR", "AGEN", "AGEY"
};

enum ntype { N_TEXT, N_SLOT, N_NUM, N_GROUP, N_CAP, N_END };

/*
 * A compiled template is a run of nodes ending in N_END.  A group is
 * followed by its branches; brs[first + i] is where branch i starts,
 * each branch ends in N_END, and the group's next is the node after
 * its last branch.
 */
struct node {
	uint8_t	 type;
	uint8_t	 label;		/* 0 sequential, 1-4, 'a', 'c', 'd', 'g' */
	uint8_t	 dec;		/* number: decimals */
	uint16_t n;		/* group: arity; slot: id */
	uint32_t first;		/* group: index into brs */
	uint32_t next;		/* group: the node after it */
	const char *s;		/* text; number: plural forms "~a~b~c" */
	uint32_t len;
	int32_t	 lo, hi, step;	/* number, scaled by 10^dec */
};

struct tpl {
	struct node *nodes;
	size_t	 nnodes, cap;
	uint32_t *brs;
	size_t	 nbrs, brcap;
};

static struct tpl T;

/* A compiled pair: the first node of each language and what it uses. */
struct cpair {
	uint32_t at[LANG__MAX];
	unsigned uses_at:1;	/* mentions the event time */
	unsigned uses_dxn:1;	/* names the diagnosis */
};

static uint32_t
node_add(uint8_t type)
{
	if (T.nnodes == T.cap) {
		T.cap = T.cap ? T.cap * 2 : 4096;
		T.nodes = xreallocarray(T.nodes, T.cap, sizeof(*T.nodes));
	}
	memset(&T.nodes[T.nnodes], 0, sizeof(*T.nodes));
	T.nodes[T.nnodes].type = type;
	return (uint32_t)T.nnodes++;
}

/* Parse a decimal "12" or "0,5" into *v scaled later; count decimals. */
static int
parse_dec(const char **pp, long *ip, long *fp, int *fd)
{
	const char	*p = *pp;

	*ip = *fp = 0;
	*fd = 0;
	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9')
		*ip = *ip * 10 + (*p++ - '0');
	if (*p == ',') {
		p++;
		if (*p < '0' || *p > '9')
			return -1;
		while (*p >= '0' && *p <= '9') {
			*fp = *fp * 10 + (*p++ - '0');
			(*fd)++;
		}
	}
	*pp = p;
	return 0;
}

static long
scale10(int n)
{
	long	 s = 1;

	while (n-- > 0)
		s *= 10;
	return s;
}

/* An optional "@L:" label: 1-4 or a, c, d, g; 0 when there is none. */
static int
parse_label(const char **pp, uint8_t *label)
{
	const char	*p = *pp;

	*label = 0;
	if (*p != '@')
		return 0;
	p++;
	if ((*p >= '1' && *p <= '4') || *p == 'a' || *p == 'c' ||
	    *p == 'd' || *p == 'g')
		*label = (uint8_t)*p;
	else
		return -1;
	if (*label >= '1' && *label <= '4')
		*label = (uint8_t)(*label - '0');
	if (p[1] != ':')
		return -1;
	*pp = p + 2;
	return 0;
}

/* "<[@L:]lo-hi[/step][~one~few~many]>" after the '<'. */
static int
compile_num(const char **pp, struct cpair *cp)
{
	const char	*p = *pp, *f;
	struct node	*nd;
	uint32_t	 i;
	long		 li, lf, hi_, hf, si, sf;
	int		 ld, hd, sd, dec;
	uint8_t		 label;

	(void)cp;
	if (parse_label(&p, &label) == -1 ||
	    parse_dec(&p, &li, &lf, &ld) == -1 || *p++ != '-' ||
	    parse_dec(&p, &hi_, &hf, &hd) == -1)
		return -1;
	si = 1;
	sf = 0;
	sd = 0;
	if (*p == '/') {
		p++;
		if (parse_dec(&p, &si, &sf, &sd) == -1)
			return -1;
	}
	dec = ld > hd ? ld : hd;
	dec = dec > sd ? dec : sd;
	if (dec > 0 && si == 1 && sf == 0 && sd == 0) {
		si = 0;	/* "<0,5-2,5>": steps of the last digit */
		sf = 1;
		sd = dec;
	}
	i = node_add(N_NUM);
	nd = &T.nodes[i];
	nd->label = label;
	nd->dec = (uint8_t)dec;
	nd->lo = (int32_t)(li * scale10(dec) + lf * scale10(dec - ld));
	nd->hi = (int32_t)(hi_ * scale10(dec) + hf * scale10(dec - hd));
	nd->step = (int32_t)(si * scale10(dec) + sf * scale10(dec - sd));
	if (*p == '~') {
		f = p;
		while (*p != '\0' && *p != '>')
			p++;
		nd->s = f;
		nd->len = (uint32_t)(p - f);
		if (dec > 0)
			return -1;
	}
	if (*p != '>' || nd->step <= 0 || nd->hi < nd->lo)
		return -1;
	*pp = p + 1;
	return 0;
}

/*
 * Compile text up to an unmatched '|' or ']' (inside a group) or the
 * end.  Appends nodes; the caller adds the closing N_END.
 */
static int
compile_seq(const char **pp, int depth, struct cpair *cp)
{
	const char	*p = *pp, *q;
	uint32_t	 g, starts[24], ends[24], e;
	uint8_t		 label;
	size_t		 nb, i, k, n;

	while (*p != '\0') {
		if (*p == '|' || *p == ']') {
			if (depth == 0)
				return -1;
			break;
		}
		if (*p == '^') {
			node_add(N_CAP);
			p++;
		} else if (*p == '{') {
			q = strchr(p, '}');
			if (q == NULL)
				return -1;
			n = (size_t)(q - p - 1);
			for (k = 0; k < S__MAX; k++)
				if (strlen(slot_names[k]) == n &&
				    strncmp(slot_names[k], p + 1, n) == 0)
					break;
			if (k == S__MAX)
				return -1;
			g = node_add(N_SLOT);
			T.nodes[g].n = (uint16_t)k;
			if (k == S_AT)
				cp->uses_at = 1;
			if (k == S_DXN)
				cp->uses_dxn = 1;
			p = q + 1;
		} else if (*p == '<') {
			p++;
			if (compile_num(&p, cp) == -1)
				return -1;
		} else if (*p == '[') {
			p++;
			if (parse_label(&p, &label) == -1)
				return -1;
			g = node_add(N_GROUP);
			T.nodes[g].label = label;
			nb = 0;
			for (;;) {
				if (nb == NELEM(starts))
					return -1;
				starts[nb] = (uint32_t)T.nnodes;
				if (compile_seq(&p, depth + 1, cp) == -1)
					return -1;
				ends[nb++] = node_add(N_END);
				if (*p == '|') {
					p++;
					continue;
				}
				if (*p != ']')
					return -1;
				p++;
				break;
			}
			if (nb < 2 && label != 0)
				return -1;
			e = (uint32_t)T.nnodes;
			for (i = 0; i < nb; i++)
				T.nodes[ends[i]].next = e;
			if (T.nbrs + nb > T.brcap) {
				T.brcap = T.brcap ? T.brcap * 2 : 1024;
				T.brs = xreallocarray(T.brs, T.brcap,
				    sizeof(*T.brs));
			}
			T.nodes[g].first = (uint32_t)T.nbrs;
			T.nodes[g].n = (uint16_t)nb;
			T.nodes[g].next = e;
			memcpy(&T.brs[T.nbrs], starts, nb * sizeof(*starts));
			T.nbrs += nb;
		} else {
			q = p;
			while (*q != '\0' && strchr("|][^{<", *q) == NULL)
				q++;
			g = node_add(N_TEXT);
			T.nodes[g].s = p;
			T.nodes[g].len = (uint32_t)(q - p);
			p = q;
		}
	}
	*pp = p;
	return 0;
}

/* Whether the nodes from i to the closing N_END draw sequentially. */
static int
draws(uint32_t i)
{
	const struct node *nd;
	uint32_t	 b;

	for (;;) {
		nd = &T.nodes[i];
		switch (nd->type) {
		case N_END:
			return 0;
		case N_NUM:
			if (nd->label == 0)
				return 1;
			break;
		case N_GROUP:
			if (nd->label == 0)
				return 1;
			for (b = 0; b < nd->n; b++)
				if (draws(T.brs[nd->first + b]))
					return 1;
			i = nd->next;
			continue;
		default:
			break;
		}
		i++;
	}
}

/*
 * The shape of a template that must agree between the languages:
 * "seq" gets the draws in order (unlabelled groups and numbers, and
 * labelled groups that contain draws, with their branches), "set" the
 * labelled items that draw nothing (order-free).  Groups by sex are
 * Russian grammar and are left out, but may not draw.
 */
static int
tpl_signature(uint32_t i, struct buf *seq, struct buf *set)
{
	const struct node *nd;
	uint32_t	 b;
	int		 ordered;

	for (;;) {
		nd = &T.nodes[i];
		switch (nd->type) {
		case N_END:
			return 0;
		case N_NUM:
			buf_printf(nd->label ? set : seq, "<%u:%d-%d/%d.%u>",
			    nd->label, nd->lo, nd->hi, nd->step, nd->dec);
			if (nd->label)
				buf_putc(set, '\n');
			break;
		case N_GROUP:
			ordered = nd->label == 0;
			for (b = 0; b < nd->n; b++)
				if (draws(T.brs[nd->first + b]))
					ordered = 1;
			if (nd->label == 'g') {
				if (nd->n != 2 || ordered)
					return -1;
			} else if (!ordered) {
				buf_printf(set, "[%u:%u]\n", nd->label, nd->n);
			} else {
				buf_printf(seq, "[%u:%u", nd->label, nd->n);
				for (b = 0; b < nd->n; b++) {
					buf_putc(seq, '(');
					if (tpl_signature(T.brs[nd->first + b],
					    seq, set) == -1)
						return -1;
					buf_putc(seq, ')');
				}
				buf_putc(seq, ']');
			}
			i = nd->next;
			continue;
		default:
			break;
		}
		i++;
	}
}

static int
cmp_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort and dedupe the lines of a signature set (order-free items). */
static void
sort_lines(struct buf *b)
{
	char		**v = NULL, *p, *copy;
	size_t		 n = 0, i;

	if (b->len == 0)
		return;
	copy = xstrdup(b->data);
	for (p = strtok(copy, "\n"); p != NULL; p = strtok(NULL, "\n")) {
		v = xreallocarray(v, n + 1, sizeof(*v));
		v[n++] = p;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_lines);
	buf_reset(b);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(v[i], v[i - 1]) == 0)
			continue;	/* the same label twice is harmless */
		buf_puts(b, v[i]);
		buf_putc(b, '\n');
	}
	free(v);
	free(copy);
}

/*
 * Compile a Kazakh/Russian pair and check that both draw alike.  The
 * strings are static and stay referenced by the nodes.
 */
static int
compile_pair(const char *kk, const char *ru, struct cpair *cp)
{
	struct buf	 seq[LANG__MAX], set[LANG__MAX];
	const char	*src[LANG__MAX], *p;
	int		 l, rc = 0;

	memset(cp, 0, sizeof(*cp));
	memset(seq, 0, sizeof(seq));
	memset(set, 0, sizeof(set));
	src[LANG_KK] = kk;
	src[LANG_RU] = ru;
	for (l = 0; l < LANG__MAX; l++) {
		p = src[l];
		cp->at[l] = (uint32_t)T.nnodes;
		if (compile_seq(&p, 0, cp) == -1 || *p != '\0') {
			rc = rs_err("demo: template syntax error at byte %zu "
			    "of '%s'", (size_t)(p - src[l]), src[l]);
			goto out;
		}
		node_add(N_END);
	}
	for (l = 0; l < LANG__MAX; l++) {
		if (tpl_signature(cp->at[l], &seq[l], &set[l]) == -1) {
			rc = rs_err("demo: template '%s': a sex group draws "
			    "or is not binary", src[l]);
			goto out;
		}
		sort_lines(&set[l]);
	}
	if (strcmp(buf_str(&seq[0]), buf_str(&seq[1])) != 0 ||
	    strcmp(buf_str(&set[0]), buf_str(&set[1])) != 0)
		rc = rs_err("demo: templates draw differently: kk '%s' "
		    "(%s %s) and ru '%s' (%s %s)", kk, buf_str(&seq[0]),
		    buf_str(&set[0]), ru, buf_str(&seq[1]), buf_str(&set[1]));
out:
	for (l = 0; l < LANG__MAX; l++) {
		buf_free(&seq[l]);
		buf_free(&set[l]);
	}
	return rc;
}

/* The arities of the groups with label L in a compiled template. */
static int
label_arity_ok(uint32_t i, uint8_t label, unsigned want)
{
	const struct node *nd;
	uint32_t	 b;

	for (;;) {
		nd = &T.nodes[i];
		if (nd->type == N_END)
			return 1;
		if (nd->type == N_GROUP) {
			if (nd->label == label && nd->n != want)
				return 0;
			for (b = 0; b < nd->n; b++)
				if (!label_arity_ok(T.brs[nd->first + b], label,
				    want))
					return 0;
			i = nd->next;
			continue;
		}
		i++;
	}
}

static void
tpl_free(void)
{
	free(T.nodes);
	free(T.brs);
	memset(&T, 0, sizeof(T));
}

/* ------------------------------------------------------------------ */
/* Regions and medical organizations                                   */

struct region {
	const char *code;
	int	 pop;		/* thousands of people, 2024 */
	int	 city;		/* a city of republican significance */
	const char *center[LANG__MAX];	/* the administrative centre */
	const char *pre_kk;	/* "Қарағанды облыстық" */
	const char *pre_f;	/* "Карагандинская областная" */
	const char *pre_m;	/* "Карагандинский областной" */
	const char *post;	/* " области Абай", " г. Астана" or "" */
	const char *town[3][LANG__MAX];
};

static const struct region regions[] = {
	{ "KZ-71", 1420, 1, { "Астана", "Астана" }, "Астана қалалық",
	  "Городская", "Городской", " г. Астана", { { NULL } } },
	{ "KZ-75", 2260, 1, { "Алматы", "Алматы" }, "Алматы қалалық",
	  "Городская", "Городской", " г. Алматы", { { NULL } } },
	{ "KZ-79", 1250, 1, { "Шымкент", "Шымкент" }, "Шымкент қалалық",
	  "Городская", "Городской", " г. Шымкент", { { NULL } } },
	{ "KZ-10", 605, 0, { "Семей", "Семей" }, "Абай облыстық",
	  "Областная", "Областной", " области Абай",
	  { { "Аягөз", "Аягоз" }, { "Курчатов", "Курчатов" } } },
	{ "KZ-11", 785, 0, { "Көкшетау", "Кокшетау" }, "Ақмола облыстық",
	  "Акмолинская областная", "Акмолинский областной", "",
	  { { "Степногор", "Степногорск" }, { "Щучинск", "Щучинск" } } },
	{ "KZ-15", 930, 0, { "Ақтөбе", "Актобе" }, "Ақтөбе облыстық",
	  "Актюбинская областная", "Актюбинский областной", "",
	  { { "Хромтау", "Хромтау" }, { "Қандыағаш", "Кандыагаш" } } },
	{ "KZ-19", 1520, 0, { "Қонаев", "Конаев" }, "Алматы облыстық",
	  "Алматинская областная", "Алматинский областной", "",
	  { { "Талғар", "Талгар" }, { "Қаскелең", "Каскелен" },
	    { "Есік", "Есик" } } },
	{ "KZ-23", 700, 0, { "Атырау", "Атырау" }, "Атырау облыстық",
	  "Атырауская областная", "Атырауский областной", "",
	  { { "Құлсары", "Кульсары" } } },
	{ "KZ-27", 690, 0, { "Орал", "Уральск" },
	  "Батыс Қазақстан облыстық", "Западно-Казахстанская областная",
	  "Западно-Казахстанский областной", "",
	  { { "Ақсай", "Аксай" } } },
	{ "KZ-31", 1220, 0, { "Тараз", "Тараз" }, "Жамбыл облыстық",
	  "Жамбылская областная", "Жамбылский областной", "",
	  { { "Қаратау", "Каратау" }, { "Шу", "Шу" } } },
	{ "KZ-33", 700, 0, { "Талдықорған", "Талдыкорган" },
	  "Жетісу облыстық", "Областная", "Областной", " области Жетісу",
	  { { "Текелі", "Текели" }, { "Жаркент", "Жаркент" } } },
	{ "KZ-35", 1135, 0, { "Қарағанды", "Караганда" },
	  "Қарағанды облыстық", "Карагандинская областная",
	  "Карагандинский областной", "",
	  { { "Теміртау", "Темиртау" }, { "Шахтинск", "Шахтинск" },
	    { "Балқаш", "Балхаш" } } },
	{ "KZ-39", 830, 0, { "Қостанай", "Костанай" }, "Қостанай облыстық",
	  "Костанайская областная", "Костанайский областной", "",
	  { { "Рудный", "Рудный" }, { "Лисаков", "Лисаковск" } } },
	{ "KZ-43", 830, 0, { "Қызылорда", "Кызылорда" },
	  "Қызылорда облыстық", "Кызылординская областная",
	  "Кызылординский областной", "",
	  { { "Арал", "Аральск" }, { "Қазалы", "Казалинск" } } },
	{ "KZ-47", 790, 0, { "Ақтау", "Актау" }, "Маңғыстау облыстық",
	  "Мангистауская областная", "Мангистауский областной", "",
	  { { "Жаңаөзен", "Жанаозен" } } },
	{ "KZ-55", 755, 0, { "Павлодар", "Павлодар" }, "Павлодар облыстық",
	  "Павлодарская областная", "Павлодарский областной", "",
	  { { "Екібастұз", "Экибастуз" }, { "Ақсу", "Аксу" } } },
	{ "KZ-59", 530, 0, { "Петропавл", "Петропавловск" },
	  "Солтүстік Қазақстан облыстық", "Северо-Казахстанская областная",
	  "Северо-Казахстанский областной", "",
	  { { "Булаев", "Булаево" } } },
	{ "KZ-61", 2140, 0, { "Түркістан", "Туркестан" },
	  "Түркістан облыстық", "Туркестанская областная",
	  "Туркестанский областной", "",
	  { { "Кентау", "Кентау" }, { "Сарыағаш", "Сарыагаш" },
	    { "Арыс", "Арыс" } } },
	{ "KZ-62", 220, 0, { "Жезқазған", "Жезказган" },
	  "Ұлытау облыстық", "Областная", "Областной", " области Ұлытау",
	  { { "Сәтбаев", "Сатпаев" }, { "Қаражал", "Каражал" } } },
	{ "KZ-63", 730, 0, { "Өскемен", "Усть-Каменогорск" },
	  "Шығыс Қазақстан облыстық", "Восточно-Казахстанская областная",
	  "Восточно-Казахстанский областной", "",
	  { { "Риддер", "Риддер" }, { "Алтай", "Алтай" } } },
};
#define NREGIONS NELEM(regions)

/* Kinds of medical organization, and whom they treat. */
enum otype {
	OT_MULTI, OT_CHILD, OT_PERI, OT_ONCO, OT_CARDIO, OT_PSY, OT_TB,
	OT_INFECT, OT_EMERG, OT_REHAB, OT_DERM, OT_CITY, OT_POLY,
	OT_MATERN, OT_DENT, OT_TOWN, OT__MAX
};
#define OM(t)	(1u << (t))

/* How often a kind of organization reports (relative). */
static const int otype_weight[OT__MAX] = {
	6, 4, 4, 3, 3, 2, 1, 2, 4, 1, 1, 3, 1, 2, 1, 2
};

/* Kinds that treat children (pediatric profiles go only there). */
#define OM_CHILDREN (OM(OT_CHILD) | OM(OT_PERI) | OM(OT_POLY) | \
	OM(OT_INFECT) | OM(OT_TB) | OM(OT_DENT) | OM(OT_TOWN) | \
	OM(OT_MATERN) | OM(OT_REHAB))

struct org {
	int	 region;
	int	 type;
	int	 refstyle;	/* the look of its source_ref */
	long	 seq;		/* its last source_ref number */
	char	 code[13];	/* BIN */
	char	*name[LANG__MAX];
};

/* ------------------------------------------------------------------ */
/* Departments                                                         */

/*
 * A department: the Kazakh name (the locative and the dative add
 * "нде" and "не" to its final "бөлімшесі"), and the Russian
 * nominative, "in" and "into" forms.
 */
struct dept {
	const char *kk;
	const char *ru, *ru_in, *ru_to;
};

enum {
	D_SURG, D_PROCT, D_ENDO, D_MATERN, D_OBPATH, D_GYN, D_NICU, D_NEO,
	D_THER, D_CARD, D_CSURG, D_ICU, D_PED, D_PSURG, D_PICU, D_TRAUMA,
	D_BURN, D_NEURO, D_NSURG, D_ONCO, D_CHEMO, D_URO, D_EYE, D_ENT,
	D_DENT, D_PSY, D_NARC, D_INF, D_TB, D_DERM, D_REHAB, D_PHYSIO,
	D_RAD, D_TRANSPL, D_PULM, D_NEPH, D_ENDOCR, D_GASTRO, D_HEM, D_GER,
	D_TOX, D_DIAL, D_HBO, D_PINF, D_ALLERG, D_CRH, D_MGEN, D_ART, D_OCC,
	D__MAX
};

static const struct dept depts[D__MAX] = {
	{ "хирургия бөлімшесі", "хирургическое отделение",
	  "в хирургическом отделении", "в хирургическое отделение" },
	{ "колопроктология бөлімшесі", "отделение колопроктологии",
	  "в отделении колопроктологии", "в отделение колопроктологии" },
	{ "эндоскопия бөлімшесі", "эндоскопическое отделение",
	  "в эндоскопическом отделении", "в эндоскопическое отделение" },
	{ "босану бөлімшесі", "родильное отделение",
	  "в родильном отделении", "в родильное отделение" },
	{ "жүктілік патологиясы бөлімшесі",
	  "отделение патологии беременности",
	  "в отделении патологии беременности",
	  "в отделение патологии беременности" },
	{ "гинекология бөлімшесі", "гинекологическое отделение",
	  "в гинекологическом отделении", "в гинекологическое отделение" },
	{ "жаңа туған нәрестелердің реанимация және қарқынды терапия "
	  "бөлімшесі", "отделение реанимации и интенсивной терапии "
	  "новорождённых", "в отделении реанимации и интенсивной терапии "
	  "новорождённых", "в отделение реанимации и интенсивной терапии "
	  "новорождённых" },
	{ "жаңа туған нәрестелер бөлімшесі", "отделение новорождённых",
	  "в отделении новорождённых", "в отделение новорождённых" },
	{ "терапия бөлімшесі", "терапевтическое отделение",
	  "в терапевтическом отделении", "в терапевтическое отделение" },
	{ "кардиология бөлімшесі", "кардиологическое отделение",
	  "в кардиологическом отделении", "в кардиологическое отделение" },
	{ "кардиохирургия бөлімшесі", "кардиохирургическое отделение",
	  "в кардиохирургическом отделении",
	  "в кардиохирургическое отделение" },
	{ "анестезиология, реанимация және қарқынды терапия бөлімшесі",
	  "отделение анестезиологии, реанимации и интенсивной терапии",
	  "в отделении анестезиологии, реанимации и интенсивной терапии",
	  "в отделение анестезиологии, реанимации и интенсивной терапии" },
	{ "педиатрия бөлімшесі", "педиатрическое отделение",
	  "в педиатрическом отделении", "в педиатрическое отделение" },
	{ "балалар хирургиясы бөлімшесі", "отделение детской хирургии",
	  "в отделении детской хирургии", "в отделение детской хирургии" },
	{ "балалар реанимациясы бөлімшесі", "отделение детской реанимации",
	  "в отделении детской реанимации",
	  "в отделение детской реанимации" },
	{ "травматология бөлімшесі", "травматологическое отделение",
	  "в травматологическом отделении",
	  "в травматологическое отделение" },
	{ "күйік бөлімшесі", "ожоговое отделение", "в ожоговом отделении",
	  "в ожоговое отделение" },
	{ "неврология бөлімшесі", "неврологическое отделение",
	  "в неврологическом отделении", "в неврологическое отделение" },
	{ "нейрохирургия бөлімшесі", "нейрохирургическое отделение",
	  "в нейрохирургическом отделении",
	  "в нейрохирургическое отделение" },
	{ "онкология бөлімшесі", "онкологическое отделение",
	  "в онкологическом отделении", "в онкологическое отделение" },
	{ "химиотерапия бөлімшесі", "отделение химиотерапии",
	  "в отделении химиотерапии", "в отделение химиотерапии" },
	{ "урология бөлімшесі", "урологическое отделение",
	  "в урологическом отделении", "в урологическое отделение" },
	{ "офтальмология бөлімшесі", "офтальмологическое отделение",
	  "в офтальмологическом отделении",
	  "в офтальмологическое отделение" },
	{ "оториноларингология бөлімшесі",
	  "оториноларингологическое отделение",
	  "в оториноларингологическом отделении",
	  "в оториноларингологическое отделение" },
	{ "стоматология бөлімшесі", "стоматологическое отделение",
	  "в стоматологическом отделении", "в стоматологическое отделение" },
	{ "жалпы психиатрия бөлімшесі", "отделение общей психиатрии",
	  "в отделении общей психиатрии", "в отделение общей психиатрии" },
	{ "наркология бөлімшесі", "наркологическое отделение",
	  "в наркологическом отделении", "в наркологическое отделение" },
	{ "жұқпалы аурулар бөлімшесі", "инфекционное отделение",
	  "в инфекционном отделении", "в инфекционное отделение" },
	{ "туберкулез бөлімшесі", "туберкулёзное отделение",
	  "в туберкулёзном отделении", "в туберкулёзное отделение" },
	{ "дерматология бөлімшесі", "дерматологическое отделение",
	  "в дерматологическом отделении", "в дерматологическое отделение" },
	{ "медициналық оңалту бөлімшесі",
	  "отделение медицинской реабилитации",
	  "в отделении медицинской реабилитации",
	  "в отделение медицинской реабилитации" },
	{ "физиотерапия бөлімшесі", "физиотерапевтическое отделение",
	  "в физиотерапевтическом отделении",
	  "в физиотерапевтическое отделение" },
	{ "сәулелік диагностика бөлімшесі", "отделение лучевой диагностики",
	  "в отделении лучевой диагностики",
	  "в отделение лучевой диагностики" },
	{ "трансплантология бөлімшесі", "отделение трансплантологии",
	  "в отделении трансплантологии", "в отделение трансплантологии" },
	{ "пульмонология бөлімшесі", "пульмонологическое отделение",
	  "в пульмонологическом отделении",
	  "в пульмонологическое отделение" },
	{ "нефрология бөлімшесі", "нефрологическое отделение",
	  "в нефрологическом отделении", "в нефрологическое отделение" },
	{ "эндокринология бөлімшесі", "эндокринологическое отделение",
	  "в эндокринологическом отделении",
	  "в эндокринологическое отделение" },
	{ "гастроэнтерология бөлімшесі", "гастроэнтерологическое отделение",
	  "в гастроэнтерологическом отделении",
	  "в гастроэнтерологическое отделение" },
	{ "гематология бөлімшесі", "гематологическое отделение",
	  "в гематологическом отделении", "в гематологическое отделение" },
	{ "гериатрия бөлімшесі", "гериатрическое отделение",
	  "в гериатрическом отделении", "в гериатрическое отделение" },
	{ "токсикология бөлімшесі", "токсикологическое отделение",
	  "в токсикологическом отделении", "в токсикологическое отделение" },
	{ "гемодиализ бөлімшесі", "отделение гемодиализа",
	  "в отделении гемодиализа", "в отделение гемодиализа" },
	{ "гипербариялық оксигенация бөлімшесі",
	  "отделение гипербарической оксигенации",
	  "в отделении гипербарической оксигенации",
	  "в отделение гипербарической оксигенации" },
	{ "балалар жұқпалы аурулар бөлімшесі", "детское инфекционное "
	  "отделение", "в детском инфекционном отделении",
	  "в детское инфекционное отделение" },
	{ "аллергология бөлімшесі", "аллергологическое отделение",
	  "в аллергологическом отделении", "в аллергологическое отделение" },
	{ "кардиоревматология бөлімшесі", "кардиоревматологическое "
	  "отделение", "в кардиоревматологическом отделении",
	  "в кардиоревматологическое отделение" },
	{ "медициналық генетика бөлімшесі", "медико-генетическое отделение",
	  "в медико-генетическом отделении",
	  "в медико-генетическое отделение" },
	{ "қосалқы репродуктивті технологиялар бөлімшесі",
	  "отделение вспомогательных репродуктивных технологий",
	  "в отделении вспомогательных репродуктивных технологий",
	  "в отделение вспомогательных репродуктивных технологий" },
	{ "кәсіптік патология бөлімшесі", "отделение профпатологии",
	  "в отделении профпатологии", "в отделение профпатологии" },
};

/* ------------------------------------------------------------------ */
/* Diagnoses (ICD-10) with their names                                 */

#define DX_F	0x01	/* women only */
#define DX_M	0x02	/* men only */
#define DX_CX	0x04	/* a complication, not an admission diagnosis */

struct dx {
	const char *code;
	int	 flags;
	const char *kk, *ru;
};

static const struct dx dxs[] = {
	/* surgery */
	{ "K35.8", 0, "жедел аппендицит", "острый аппендицит" },
	{ "K35.2", 0, "жайылған перитонитпен жедел аппендицит",
	  "острый аппендицит с генерализованным перитонитом" },
	{ "K80.0", 0, "жедел калькулезді холецистит",
	  "острый калькулёзный холецистит" },
	{ "K80.1", 0, "созылмалы калькулезді холецистит",
	  "хронический калькулёзный холецистит" },
	{ "K80.5", 0, "өт өзегінің тастары",
	  "камни желчного протока без холангита или холецистита" },
	{ "K56.6", 0, "ішек өтімсіздігі", "кишечная непроходимость" },
	{ "K56.5", 0, "өтімсіздікпен ішектің жабысқақ ауруы",
	  "спайки кишечника с непроходимостью" },
	{ "K56.1", 0, "инвагинация", "инвагинация" },
	{ "K40.3", 0, "қысылған шап жарығы", "ущемлённая паховая грыжа" },
	{ "K40.9", 0, "шап жарығы", "паховая грыжа" },
	{ "K42.9", 0, "кіндік жарығы", "пупочная грыжа" },
	{ "K85.1", 0, "билиарлық жедел панкреатит",
	  "острый билиарный панкреатит" },
	{ "K25.4", 0, "қан кетумен асқынған асқазан ойық жарасы",
	  "язва желудка, осложнённая кровотечением" },
	{ "K26.5", 0, "он екі елі ішектің тесілген ойық жарасы",
	  "перфоративная язва двенадцатиперстной кишки" },
	{ "K65.0", 0, "жедел перитонит", "острый перитонит" },
	{ "K64.2", 0, "үшінші дәрежелі геморрой",
	  "геморрой третьей степени" },
	{ "K60.3", 0, "тік ішек жыланкөзі", "свищ заднего прохода" },
	{ "K61.0", 0, "жедел парапроктит", "острый парапроктит" },
	{ "K57.3", 0, "тоқ ішектің дивертикулалық ауруы",
	  "дивертикулярная болезнь толстой кишки" },
	{ "K63.5", 0, "тоқ ішек полипі", "полип ободочной кишки" },
	{ "K21.0", 0, "эзофагитпен гастроэзофагеальды рефлюкс",
	  "гастроэзофагеальный рефлюкс с эзофагитом" },
	{ "D17.1", 0, "дене терісі мен тері асты шелінің липомасы",
	  "липома кожи и подкожной клетчатки туловища" },
	{ "E04.2", 0, "уытты емес көп түйінді зоб",
	  "нетоксический многоузловой зоб" },
	{ "I83.9", 0, "аяқтың варикозды кеңеюі",
	  "варикозное расширение вен нижних конечностей" },
	{ "T81.0", DX_CX, "процедураны асқындырған қан кету",
	  "кровотечение, осложняющее процедуру" },
	{ "T81.4", DX_CX, "процедурадан кейінгі инфекция",
	  "инфекция, связанная с процедурой" },
	/* obstetrics and gynecology */
	{ "O72.0", DX_F | DX_CX, "босанудың үшінші кезеңіндегі қан кету",
	  "кровотечение в третьем периоде родов" },
	{ "O72.1", DX_F | DX_CX, "босанудан кейінгі ерте кезеңдегі қан кету",
	  "кровотечение в раннем послеродовом периоде" },
	{ "O14.1", DX_F, "ауыр преэклампсия", "тяжёлая преэклампсия" },
	{ "O15.0", DX_F, "жүктілік кезіндегі эклампсия",
	  "эклампсия во время беременности" },
	{ "O62.2", DX_F, "босану әрекетінің әлсіздігі",
	  "слабость родовой деятельности" },
	{ "O75.1", DX_F | DX_CX, "босану кезіндегі немесе босанудан кейінгі "
	  "шок", "шок во время или после родов" },
	{ "O45.9", DX_F, "плацентаның мерзімінен бұрын ажырауы",
	  "преждевременная отслойка плаценты" },
	{ "O71.1", DX_F | DX_CX, "босану кезіндегі жатырдың жыртылуы",
	  "разрыв матки во время родов" },
	{ "O70.2", DX_F | DX_CX, "бұтаның III дәрежелі жыртылуы",
	  "разрыв промежности III степени" },
	{ "O85", DX_F | DX_CX, "босанудан кейінгі сепсис",
	  "послеродовой сепсис" },
	{ "O88.1", DX_F | DX_CX, "қағанақ суының эмболиясы",
	  "эмболия амниотической жидкостью" },
	{ "O42.0", DX_F, "жарғақ қабықтардың мерзімінен бұрын жыртылуы",
	  "преждевременный разрыв плодных оболочек" },
	{ "O24.4", DX_F, "жүктілік кезінде пайда болған қант диабеті",
	  "сахарный диабет, развившийся во время беременности" },
	{ "O68.0", DX_F, "ұрықтың жүрек соғу жиілігінің өзгеруімен асқынған "
	  "босану", "роды, осложнившиеся изменениями частоты сердечных "
	  "сокращений плода" },
	{ "O80", DX_F, "бір ұрықпен өздігінен босану",
	  "роды одноплодные, самопроизвольное родоразрешение" },
	{ "O82", DX_F, "кесар тілігі арқылы бір ұрықпен босану",
	  "роды одноплодные, родоразрешение посредством кесарева сечения" },
	{ "O00.1", DX_F, "түтіктік жүктілік", "трубная беременность" },
	{ "N83.2", DX_F, "аналық без кистасы", "киста яичника" },
	{ "N83.5", DX_F, "аналық бездің бұралуы", "перекрут яичника" },
	{ "D25.1", DX_F, "жатырдың интрамуралды лейомиомасы",
	  "интрамуральная лейомиома матки" },
	{ "N80.0", DX_F, "жатыр эндометриозы (аденомиоз)",
	  "эндометриоз матки (аденомиоз)" },
	{ "N80.1", DX_F, "аналық без эндометриозы",
	  "эндометриоз яичников" },
	{ "N70.1", DX_F, "созылмалы сальпингит және оофорит",
	  "хронический сальпингит и оофорит" },
	{ "N84.0", DX_F, "жатыр денесінің полипі", "полип тела матки" },
	{ "N85.0", DX_F, "эндометрийдің бездік гиперплазиясы",
	  "железистая гиперплазия эндометрия" },
	{ "N81.2", DX_F, "жатыр мен қынаптың толық емес түсуі",
	  "неполное выпадение матки и влагалища" },
	{ "N97.1", DX_F, "түтіктік бедеулік",
	  "женское бесплодие трубного происхождения" },
	{ "N98.1", DX_F, "аналық бездердің гиперстимуляциясы",
	  "гиперстимуляция яичников" },
	{ "N76.0", DX_F, "жедел вагинит", "острый вагинит" },
	/* newborns */
	{ "P07.3", 0, "шала туылу", "недоношенность" },
	{ "P22.0", 0, "нәрестенің респираторлық дистресс-синдромы",
	  "респираторный дистресс-синдром новорождённого" },
	{ "P21.0", 0, "туылу кезіндегі ауыр асфиксия",
	  "тяжёлая асфиксия при рождении" },
	{ "P21.1", 0, "туылу кезіндегі орташа асфиксия",
	  "средняя и умеренная асфиксия при рождении" },
	{ "P59.9", 0, "нәресте сарғаюы", "неонатальная желтуха" },
	{ "P36.9", 0, "нәрестенің бактериялық сепсисі",
	  "бактериальный сепсис новорождённого" },
	{ "P52.1", 0, "нәрестенің II дәрежелі қарынішілік қан құйылуы",
	  "внутрижелудочковое кровоизлияние II степени у новорождённого" },
	{ "P05.1", 0, "гестациялық жасы үшін кішкентай нәресте",
	  "малый размер плода для гестационного возраста" },
	{ "P13.4", 0, "босану жарақатынан бұғана сынуы",
	  "перелом ключицы при родовой травме" },
	/* therapy */
	{ "J44.1", 0, "өршу кезеңіндегі өкпенің созылмалы обструктивті "
	  "ауруы", "хроническая обструктивная болезнь лёгких с "
	  "обострением" },
	{ "E11.6", 0, "асқынулары бар 2-типті қант диабеті",
	  "сахарный диабет 2 типа с осложнениями" },
	{ "E10.1", 0, "кетоацидозбен 1-типті қант диабеті",
	  "сахарный диабет 1 типа с кетоацидозом" },
	{ "I10", 0, "эссенциалды артериялық гипертензия",
	  "эссенциальная артериальная гипертензия" },
	{ "J18.9", 0, "пневмония", "пневмония неуточнённая" },
	{ "N18.3", 0, "бүйректің созылмалы ауруы, 3-сатысы",
	  "хроническая болезнь почек, стадия 3" },
	{ "N18.5", 0, "бүйректің созылмалы ауруы, 5-сатысы",
	  "хроническая болезнь почек, стадия 5" },
	{ "K74.6", 0, "бауыр циррозы", "цирроз печени" },
	{ "D50.0", 0, "созылмалы қан жоғалтудан болған темір тапшылықты "
	  "анемия", "железодефицитная анемия вследствие хронической "
	  "кровопотери" },
	{ "J45.9", 0, "бронх демікпесі", "бронхиальная астма" },
	{ "T78.3", 0, "ангионевроздық ісіну", "ангионевротический отёк" },
	{ "D61.9", 0, "апластикалық анемия", "апластическая анемия" },
	{ "E05.0", 0, "диффузды уытты зоб",
	  "тиреотоксикоз с диффузным зобом" },
	{ "T42.4", 0, "бензодиазепиндермен улану",
	  "отравление бензодиазепинами" },
	{ "T51.0", 0, "этанолмен улану", "токсическое действие этанола" },
	{ "T58", 0, "көміртек тотығымен улану",
	  "токсическое действие окиси углерода" },
	{ "F03", 0, "деменция", "деменция неуточнённая" },
	{ "M81.0", 0, "постменопаузалық остеопороз",
	  "постменопаузальный остеопороз" },
	{ "R54", 0, "кәрілік астениясы", "старческая астения" },
	{ "J62.8", 0, "кремний шаңынан болған пневмокониоз",
	  "пневмокониоз, вызванный пылью, содержащей кремний" },
	{ "T75.2", 0, "діріл ауруы", "вибрационная болезнь" },
	{ "E66.0", 0, "артық калориядан болған семіздік",
	  "ожирение, обусловленное избыточным поступлением энергетических "
	  "ресурсов" },
	{ "N39.0", 0, "зәр шығару жолдарының инфекциясы",
	  "инфекция мочевыводящих путей" },
	{ "A41.9", 0, "сепсис", "сепсис неуточнённый" },
	/* cardiology and cardiac surgery */
	{ "I21.0", 0, "миокардтың алдыңғы қабырғасының жедел трансмуральды "
	  "инфарктісі", "острый трансмуральный инфаркт передней стенки "
	  "миокарда" },
	{ "I21.1", 0, "миокардтың төменгі қабырғасының жедел трансмуральды "
	  "инфарктісі", "острый трансмуральный инфаркт нижней стенки "
	  "миокарда" },
	{ "I21.4", 0, "миокардтың жедел субэндокардтық инфарктісі",
	  "острый субэндокардиальный инфаркт миокарда" },
	{ "I48.0", 0, "жүрекшелер фибрилляциясының пароксизмдік түрі",
	  "пароксизмальная фибрилляция предсердий" },
	{ "I50.0", 0, "іркілісті жүрек жеткіліксіздігі",
	  "застойная сердечная недостаточность" },
	{ "I20.0", 0, "тұрақсыз стенокардия", "нестабильная стенокардия" },
	{ "I44.2", 0, "толық атриовентрикулярлық блокада",
	  "полная атриовентрикулярная блокада" },
	{ "I47.2", 0, "қарыншалық тахикардия", "желудочковая тахикардия" },
	{ "I26.9", 0, "өкпе артериясының тромбоэмболиясы",
	  "тромбоэмболия лёгочной артерии" },
	{ "I05.0", 0, "митралды стеноз", "митральный стеноз" },
	{ "M32.1", 0, "ағзалық зақымданумен жүйелі қызыл жегі",
	  "системная красная волчанка с поражением органов" },
	{ "I25.1", 0, "жүректің атеросклероздық ауруы",
	  "атеросклеротическая болезнь сердца" },
	{ "I35.0", 0, "қолқа қақпақшасының стенозы",
	  "стеноз аортального клапана" },
	{ "I34.0", 0, "митралды қақпақшаның жеткіліксіздігі",
	  "митральная недостаточность" },
	{ "Q21.1", 0, "жүрекшеаралық перденің ақауы",
	  "дефект предсердной перегородки" },
	{ "I71.0", 0, "қолқаның қатпарлануы", "расслоение аорты" },
	{ "I42.0", 0, "кеңейген кардиомиопатия",
	  "дилатационная кардиомиопатия" },
	/* anesthesiology */
	{ "T88.2", DX_CX, "анестезиядан болған шок",
	  "шок, вызванный анестезией" },
	{ "T88.3", DX_CX, "анестезиядан болған қатерлі гипертермия",
	  "злокачественная гипертермия, вызванная анестезией" },
	{ "T88.4", DX_CX, "сәтсіз немесе қиын интубация",
	  "неудачная или трудная интубация" },
	{ "T88.5", DX_CX, "анестезияның басқа асқынулары",
	  "другие осложнения анестезии" },
	{ "T88.6", DX_CX, "дәрілік затқа анафилаксиялық шок",
	  "анафилактический шок, вызванный лекарственным средством" },
	{ "R57.1", 0, "гиповолемиялық шок", "гиповолемический шок" },
	{ "N17.9", 0, "бүйректің жедел жеткіліксіздігі",
	  "острая почечная недостаточность" },
	/* pediatrics */
	{ "A09", 0, "жұқпалы гастроэнтерит және колит",
	  "инфекционный гастроэнтерит и колит" },
	{ "A08.0", 0, "ротавирустық энтерит", "ротавирусный энтерит" },
	{ "J20.9", 0, "жедел бронхит", "острый бронхит" },
	{ "J21.9", 0, "жедел бронхиолит", "острый бронхиолит" },
	{ "J06.9", 0, "жоғарғы тыныс жолдарының жедел инфекциясы",
	  "острая инфекция верхних дыхательных путей" },
	{ "J05.0", 0, "жедел обструктивті ларингит (круп)",
	  "острый обструктивный ларингит (круп)" },
	{ "E86", 0, "сусыздану", "обезвоживание" },
	{ "R56.0", 0, "қызбалық құрысулар", "фебрильные судороги" },
	{ "D50.9", 0, "темір тапшылықты анемия", "железодефицитная анемия" },
	{ "N10", 0, "жедел пиелонефрит", "острый пиелонефрит" },
	{ "E84.0", 0, "муковисцидоз, өкпелік түрі",
	  "муковисцидоз с лёгочными проявлениями" },
	{ "E70.0", 0, "классикалық фенилкетонурия",
	  "классическая фенилкетонурия" },
	{ "K21.9", 0, "гастроэзофагеальды рефлюкс",
	  "гастроэзофагеальный рефлюкс без эзофагита" },
	{ "L20.8", 0, "атопиялық дерматит", "атопический дерматит" },
	{ "Z00.1", DX_CX, "баланың денсаулық жағдайын жоспарлы тексеру",
	  "рутинное обследование состояния здоровья ребёнка" },
	{ "Q40.0", 0, "туа біткен гипертрофиялық пилоростеноз",
	  "врождённый гипертрофический пилоростеноз" },
	{ "Q53.1", DX_M, "бір жақты крипторхизм",
	  "неопустившееся яичко одностороннее" },
	{ "N44", DX_M, "аталық бездің бұралуы", "перекрут яичка" },
	{ "T18.1", 0, "өңештегі бөгде дене", "инородное тело в пищеводе" },
	{ "N13.7", 0, "везикоуретералды рефлюкс",
	  "пузырно-мочеточниковый рефлюкс" },
	{ "Q54.1", DX_M, "гипоспадия", "гипоспадия пенильная" },
	/* trauma and burns */
	{ "S72.0", 0, "сан сүйегі мойнының сынуы", "перелом шейки бедра" },
	{ "S82.2", 0, "үлкен жіліншік денесінің сынуы",
	  "перелом тела большеберцовой кости" },
	{ "S52.5", 0, "кәріжіліктің төменгі ұшының сынуы",
	  "перелом нижнего конца лучевой кости" },
	{ "S42.2", 0, "тоқпан жіліктің жоғарғы ұшының сынуы",
	  "перелом верхнего конца плечевой кости" },
	{ "S42.4", 0, "тоқпан жіліктің төменгі ұшының сынуы",
	  "перелом нижнего конца плечевой кости" },
	{ "S32.0", 0, "бел омыртқасының сынуы",
	  "перелом поясничного позвонка" },
	{ "S83.2", 0, "менискінің жыртылуы", "разрыв мениска" },
	{ "M16.1", 0, "біріншілік коксартроз", "первичный коксартроз" },
	{ "M17.1", 0, "біріншілік гонартроз", "первичный гонартроз" },
	{ "T84.5", 0, "буын эндопротезінің инфекциясы",
	  "инфекция, обусловленная эндопротезом сустава" },
	{ "T31.2", 0, "дене бетінің 20–29%-ын қамтитын күйік",
	  "термический ожог 20–29% поверхности тела" },
	{ "T31.3", 0, "дене бетінің 30–39%-ын қамтитын күйік",
	  "термический ожог 30–39% поверхности тела" },
	{ "T31.4", 0, "дене бетінің 40–49%-ын қамтитын күйік",
	  "термический ожог 40–49% поверхности тела" },
	{ "T24.3", 0, "аяқтың III дәрежелі термиялық күйігі",
	  "термический ожог нижней конечности III степени" },
	{ "T21.3", 0, "дененің III дәрежелі термиялық күйігі",
	  "термический ожог туловища III степени" },
	{ "T22.2", 0, "иық белдеуі мен қолдың II дәрежелі күйігі",
	  "термический ожог плечевого пояса и верхней конечности II "
	  "степени" },
	{ "T20.2", 0, "бас пен мойынның II дәрежелі күйігі",
	  "термический ожог головы и шеи II степени" },
	/* neurology and neurosurgery */
	{ "I63.5", 0, "ми артерияларының окклюзиясынан болған ми "
	  "инфарктісі", "инфаркт мозга, вызванный закупоркой мозговых "
	  "артерий" },
	{ "I63.3", 0, "ми артерияларының тромбозынан болған ми инфарктісі",
	  "инфаркт мозга, вызванный тромбозом мозговых артерий" },
	{ "I61.0", 0, "субкортикалық ми ішіне қан құйылу",
	  "внутримозговое субкортикальное кровоизлияние" },
	{ "G40.9", 0, "эпилепсия", "эпилепсия" },
	{ "G35", 0, "шашыраңқы склероз", "рассеянный склероз" },
	{ "G45.9", 0, "транзиторлық ишемиялық шабуыл",
	  "транзиторная ишемическая атака" },
	{ "G80.0", 0, "спастикалық церебральды сал",
	  "спастический церебральный паралич" },
	{ "M51.1", 0, "радикулопатиямен бел омыртқааралық дискісінің "
	  "зақымдануы", "поражение межпозвоночного диска поясничного "
	  "отдела с радикулопатией" },
	{ "M50.1", 0, "радикулопатиямен мойын омыртқааралық дискісінің "
	  "зақымдануы", "поражение межпозвоночного диска шейного отдела "
	  "с радикулопатией" },
	{ "S06.5", 0, "травматикалық субдуральды қан құйылу",
	  "травматическое субдуральное кровоизлияние" },
	{ "S06.2", 0, "мидың диффузды жарақаты",
	  "диффузная травма головного мозга" },
	{ "D32.0", 0, "ми қабықтарының қатерсіз ісігі",
	  "доброкачественное новообразование оболочек головного мозга" },
	{ "I60.1", 0, "ортаңғы ми артериясынан субарахноидалды қан құйылу",
	  "субарахноидальное кровоизлияние из средней мозговой артерии" },
	{ "C71.1", 0, "маңдай бөлігінің қатерлі ісігі",
	  "злокачественное новообразование лобной доли" },
	{ "G91.1", 0, "окклюзиялық гидроцефалия",
	  "обструктивная гидроцефалия" },
	/* oncology */
	{ "C50.9", DX_F, "сүт безінің қатерлі ісігі",
	  "злокачественное новообразование молочной железы" },
	{ "C18.7", 0, "сигма тәрізді ішектің қатерлі ісігі",
	  "злокачественное новообразование сигмовидной кишки" },
	{ "C18.2", 0, "өрлеме тоқ ішектің қатерлі ісігі",
	  "злокачественное новообразование восходящей ободочной кишки" },
	{ "C20", 0, "тік ішектің қатерлі ісігі",
	  "злокачественное новообразование прямой кишки" },
	{ "C34.1", 0, "өкпенің жоғарғы бөлігінің қатерлі ісігі",
	  "злокачественное новообразование верхней доли лёгкого" },
	{ "C16.9", 0, "асқазанның қатерлі ісігі",
	  "злокачественное новообразование желудка" },
	{ "C53.9", DX_F, "жатыр мойнының қатерлі ісігі",
	  "злокачественное новообразование шейки матки" },
	{ "C56", DX_F, "аналық бездің қатерлі ісігі",
	  "злокачественное новообразование яичника" },
	{ "C61", DX_M, "қуықасты безінің қатерлі ісігі",
	  "злокачественное новообразование предстательной железы" },
	{ "C64", 0, "бүйректің қатерлі ісігі",
	  "злокачественное новообразование почки" },
	{ "C67.9", 0, "қуықтың қатерлі ісігі",
	  "злокачественное новообразование мочевого пузыря" },
	{ "C91.0", 0, "жедел лимфобластты лейкоз",
	  "острый лимфобластный лейкоз" },
	{ "C92.0", 0, "жедел миелоидты лейкоз",
	  "острый миелоидный лейкоз" },
	{ "C40.2", 0, "аяқтың ұзын сүйектерінің қатерлі ісігі",
	  "злокачественное новообразование длинных костей нижней "
	  "конечности" },
	{ "C74.9", 0, "бүйрек үсті безінің қатерлі ісігі",
	  "злокачественное новообразование надпочечника" },
	{ "N62", 0, "сүт безінің гипертрофиясы",
	  "гипертрофия молочной железы" },
	{ "D24", DX_F, "сүт безінің қатерсіз ісігі",
	  "доброкачественное новообразование молочной железы" },
	/* urology and andrology */
	{ "N20.0", 0, "бүйрек тасы", "камни почки" },
	{ "N20.1", 0, "несепағар тасы", "камни мочеточника" },
	{ "N40", DX_M, "қуықасты безінің гиперплазиясы",
	  "гиперплазия предстательной железы" },
	{ "N13.6", 0, "пионефроз", "пионефроз" },
	{ "N35.9", 0, "несеп шығару өзегінің тарылуы", "стриктура уретры" },
	{ "N43.3", DX_M, "аталық без қабының шемені", "гидроцеле" },
	{ "N46", DX_M, "ер адамның бедеулігі", "мужское бесплодие" },
	{ "I86.1", DX_M, "ұма веналарының варикозды кеңеюі",
	  "варикозное расширение вен мошонки" },
	/* eye and ENT */
	{ "H25.9", 0, "кәрілік катаракта", "старческая катаракта" },
	{ "H40.1", 0, "біріншілік ашық бұрышты глаукома",
	  "первичная открытоугольная глаукома" },
	{ "H33.0", 0, "жыртылуы бар тор қабықтың ажырауы",
	  "отслойка сетчатки с разрывом" },
	{ "H35.3", 0, "тор қабықтың сары дағының дегенерациясы",
	  "дегенерация макулы и заднего полюса" },
	{ "H35.1", 0, "шала туылғандардың ретинопатиясы",
	  "ретинопатия недоношенных" },
	{ "H50.0", 0, "жинақталған қылилық",
	  "сходящееся содружественное косоглазие" },
	{ "J35.0", 0, "созылмалы тонзиллит", "хронический тонзиллит" },
	{ "J35.3", 0, "бадамша бездер мен аденоидтардың гипертрофиясы",
	  "гипертрофия миндалин с гипертрофией аденоидов" },
	{ "J32.0", 0, "созылмалы гайморит",
	  "хронический верхнечелюстной синусит" },
	{ "J34.2", 0, "мұрын перделерінің қисаюы",
	  "искривление носовой перегородки" },
	{ "H66.1", 0, "созылмалы іріңді ортаңғы отит",
	  "хронический гнойный средний отит" },
	{ "T17.5", 0, "бронхтағы бөгде дене", "инородное тело в бронхе" },
	/* dentistry */
	{ "K02.1", 0, "дентин тісжегісі", "кариес дентина" },
	{ "K04.0", 0, "пульпит", "пульпит" },
	{ "K04.5", 0, "созылмалы апикальды периодонтит",
	  "хронический апикальный периодонтит" },
	{ "K01.1", 0, "шықпай қалған тіс", "ретинированный зуб" },
	{ "K12.2", 0, "ауыз қуысының флегмонасы және абсцесі",
	  "флегмона и абсцесс области рта" },
	{ "K07.2", 0, "тіс доғаларының арақатынасының ауытқулары",
	  "аномалии соотношения зубных дуг" },
	{ "K08.1", 0, "тістердің жоғалуы", "потеря зубов" },
	{ "S02.6", 0, "төменгі жақ сүйегінің сынуы",
	  "перелом нижней челюсти" },
	{ "Q37.9", 0, "жырық ерін және таңдай",
	  "расщелина нёба и губы" },
	/* psychiatry and narcology */
	{ "F20.0", 0, "параноидты шизофрения", "параноидная шизофрения" },
	{ "F32.2", 0, "психотикалық белгілерсіз ауыр депрессиялық эпизод",
	  "тяжёлый депрессивный эпизод без психотических симптомов" },
	{ "F31.1", 0, "биполярлық аффективтік бұзылыс, маниакальды эпизод",
	  "биполярное аффективное расстройство, маниакальный эпизод" },
	{ "F10.3", 0, "алкогольден бас тарту жағдайы",
	  "синдром отмены алкоголя" },
	{ "F10.4", 0, "делирийі бар алкогольдік абстиненция",
	  "алкогольный абстинентный синдром с делирием" },
	{ "F11.2", 0, "опиоидтарға тәуелділік синдромы",
	  "синдром зависимости от опиоидов" },
	{ "F12.1", 0, "каннабиноидтарды зиянды қолдану",
	  "пагубное употребление каннабиноидов" },
	{ "F41.1", 0, "жайылған мазасыздық бұзылысы",
	  "генерализованное тревожное расстройство" },
	{ "F43.2", 0, "бейімделу бұзылысы",
	  "расстройство приспособительных реакций" },
	{ "F52.2", 0, "генитальды реакцияның жеткіліксіздігі",
	  "недостаточность генитальной реакции" },
	{ "F84.0", 0, "балалық аутизм", "детский аутизм" },
	/* infections */
	{ "A15.0", 0, "бактериоскопиямен расталған өкпе туберкулезі",
	  "туберкулёз лёгких, подтверждённый бактериоскопически" },
	{ "A16.2", 0, "өкпе туберкулезі", "туберкулёз лёгких" },
	{ "B05.9", 0, "қызылша", "корь без осложнений" },
	{ "B01.9", 0, "желшешек", "ветряная оспа" },
	{ "A39.0", 0, "менингококктық менингит",
	  "менингококковый менингит" },
	{ "A02.0", 0, "сальмонеллезді энтерит", "сальмонеллёзный энтерит" },
	{ "A46", 0, "тілме", "рожа" },
	{ "A37.9", 0, "көкжөтел", "коклюш" },
	{ "J10.0", 0, "пневмониямен тұмау", "грипп с пневмонией" },
	/* skin */
	{ "L40.0", 0, "қарапайым псориаз", "псориаз обыкновенный" },
	{ "L30.9", 0, "дерматит", "дерматит неуточнённый" },
	{ "L27.0", 0, "дәрілік заттардан жайылған тері бөртпесі",
	  "генерализованное высыпание на коже, вызванное лекарственными "
	  "средствами" },
	{ "A51.3", 0, "тері мен шырышты қабықтардың екіншілік мерезі",
	  "вторичный сифилис кожи и слизистых оболочек" },
	{ "L70.0", 0, "қарапайым безеу", "угри обыкновенные" },
	{ "L81.4", 0, "меланиндік гиперпигментация",
	  "меланиновая гиперпигментация" },
	{ "L91.0", 0, "келоидты тыртық", "келоидный рубец" },
	{ "A30.9", 0, "лепра", "лепра неуточнённая" },
	/* rehabilitation and other */
	{ "I69.3", 0, "ми инфарктісінің салдары",
	  "последствия инфаркта мозга" },
	{ "M54.5", 0, "бел тұсының ауыруы", "боль внизу спины" },
	{ "M42.1", 0, "ересектердің омыртқа остеохондрозы",
	  "остеохондроз позвоночника у взрослых" },
	{ "G43.9", 0, "бас сақинасы", "мигрень" },
	{ "J30.4", 0, "аллергиялық ринит", "аллергический ринит" },
	/* transplantation */
	{ "T86.1", DX_CX, "бүйрек трансплантатының ажырауы",
	  "отторжение трансплантата почки" },
	{ "T86.4", DX_CX, "бауыр трансплантатының ажырауы",
	  "отторжение трансплантата печени" },
};
#define NDX NELEM(dxs)

/* ------------------------------------------------------------------ */
/* Clinical profiles                                                   */

/* Families of profiles that share incident scenarios. */
enum fam {
	F_SURG, F_OBST, F_GYN, F_NEO, F_THER, F_CARD, F_CSURG, F_ANES,
	F_PED, F_PSURG, F_PANES, F_TRAUMA, F_BURN, F_NEURO, F_NSURG,
	F_ONCO, F_URO, F_EYE, F_ENT, F_DENT, F_PSY, F_INF, F_DERM,
	F_REHAB, F_DIAG, F_TRANSPL, F__MAX
};
#define FM(f)	(1u << (f))

/* The kinds of organization where each family is treated. */
static const unsigned fam_orgs[F__MAX] = {
	[F_SURG] = OM(OT_MULTI) | OM(OT_CITY) | OM(OT_EMERG) | OM(OT_TOWN),
	[F_OBST] = OM(OT_PERI) | OM(OT_MATERN) | OM(OT_TOWN),
	[F_GYN] = OM(OT_PERI) | OM(OT_MULTI) | OM(OT_CITY) | OM(OT_TOWN) |
	    OM(OT_POLY) | OM(OT_CHILD),
	[F_NEO] = OM(OT_PERI) | OM(OT_MATERN) | OM(OT_CHILD) | OM(OT_TOWN),
	[F_THER] = OM(OT_MULTI) | OM(OT_CITY) | OM(OT_TOWN) | OM(OT_POLY),
	[F_CARD] = OM(OT_CARDIO) | OM(OT_MULTI) | OM(OT_CITY) |
	    OM(OT_EMERG) | OM(OT_CHILD),
	[F_CSURG] = OM(OT_CARDIO) | OM(OT_MULTI),
	[F_ANES] = OM(OT_MULTI) | OM(OT_CITY) | OM(OT_EMERG) | OM(OT_PERI) |
	    OM(OT_TOWN) | OM(OT_ONCO) | OM(OT_CARDIO),
	[F_PED] = OM(OT_CHILD) | OM(OT_POLY) | OM(OT_TOWN),
	[F_PSURG] = OM(OT_CHILD),
	[F_PANES] = OM(OT_CHILD),
	[F_TRAUMA] = OM(OT_EMERG) | OM(OT_MULTI) | OM(OT_CITY) |
	    OM(OT_TOWN) | OM(OT_CHILD),
	[F_BURN] = OM(OT_EMERG) | OM(OT_MULTI) | OM(OT_CHILD),
	[F_NEURO] = OM(OT_MULTI) | OM(OT_CITY) | OM(OT_EMERG) |
	    OM(OT_REHAB) | OM(OT_CHILD),
	[F_NSURG] = OM(OT_MULTI) | OM(OT_EMERG) | OM(OT_CHILD),
	[F_ONCO] = OM(OT_ONCO) | OM(OT_MULTI) | OM(OT_CHILD),
	[F_URO] = OM(OT_MULTI) | OM(OT_CITY) | OM(OT_CHILD),
	[F_EYE] = OM(OT_MULTI) | OM(OT_CITY) | OM(OT_POLY) | OM(OT_CHILD),
	[F_ENT] = OM(OT_MULTI) | OM(OT_CITY) | OM(OT_CHILD),
	[F_DENT] = OM(OT_DENT) | OM(OT_POLY),
	[F_PSY] = OM(OT_PSY),
	[F_INF] = OM(OT_INFECT) | OM(OT_TB),
	[F_DERM] = OM(OT_DERM) | OM(OT_POLY),
	[F_REHAB] = OM(OT_REHAB) | OM(OT_POLY) | OM(OT_CITY),
	[F_DIAG] = OM(OT_MULTI) | OM(OT_CITY) | OM(OT_POLY) | OM(OT_ONCO),
	[F_TRANSPL] = OM(OT_MULTI) | OM(OT_CHILD),
};

/* How Form 2 (insurance) weights a family against Form 1, percent. */
static const int fam_f2[F__MAX] = {
	[F_SURG] = 130, [F_OBST] = 170, [F_GYN] = 100, [F_NEO] = 150,
	[F_THER] = 70, [F_CARD] = 90, [F_CSURG] = 130, [F_ANES] = 150,
	[F_PED] = 80, [F_PSURG] = 120, [F_PANES] = 140, [F_TRAUMA] = 120,
	[F_BURN] = 100, [F_NEURO] = 80, [F_NSURG] = 120, [F_ONCO] = 80,
	[F_URO] = 90, [F_EYE] = 60, [F_ENT] = 80, [F_DENT] = 70,
	[F_PSY] = 50, [F_INF] = 60, [F_DERM] = 40, [F_REHAB] = 40,
	[F_DIAG] = 80, [F_TRANSPL] = 100,
};

enum agemode {
	AG_ADULT,	/* the age structure of adult inpatients */
	AG_UNI,		/* uniform */
	AG_TRI,		/* triangular, peak in the middle */
	AG_CHILD,	/* 0-17, infants and toddlers most often */
	AG_NEO		/* a newborn */
};

struct profile {
	const char *code;
	int	 weight;	/* relative frequency in Form 1 */
	int	 fam;
	int	 dept;
	int	 male;		/* men per thousand (0: women only) */
	int	 amin, amax;
	int	 agemode;
	const char *dx;		/* the usual diagnoses, space-separated */
};

static const struct profile profiles[] = {
	{ "therapy", 650, F_THER, D_THER, 480, 18, 100, AG_ADULT,
	  "J44.1 E11.6 I10 J18.9 I50.0 N39.0 D50.0" },
	{ "allergology", 25, F_THER, D_ALLERG, 450, 18, 80, AG_ADULT,
	  "J45.9 T78.3 J30.4 L20.8" },
	{ "gastroenterology", 90, F_THER, D_GASTRO, 500, 18, 90, AG_ADULT,
	  "K74.6 K21.0 K25.4 K85.1" },
	{ "hematology", 50, F_THER, D_HEM, 500, 18, 90, AG_ADULT,
	  "D61.9 C92.0 D50.0 C91.0" },
	{ "nephrology", 70, F_THER, D_NEPH, 520, 18, 90, AG_ADULT,
	  "N18.5 N18.3 N10 N39.0" },
	{ "cardiology", 500, F_CARD, D_CARD, 560, 25, 100, AG_ADULT,
	  "I21.0 I21.4 I48.0 I50.0 I20.0 I44.2 I10" },
	{ "cardiorheumatology", 20, F_CARD, D_CRH, 350, 18, 80, AG_ADULT,
	  "I05.0 M32.1 I50.0" },
	{ "pulmonology", 120, F_THER, D_PULM, 560, 18, 95, AG_ADULT,
	  "J44.1 J18.9 J45.9 J62.8" },
	{ "endocrinology", 90, F_THER, D_ENDOCR, 420, 18, 90, AG_ADULT,
	  "E11.6 E10.1 E05.0 E66.0" },
	{ "psychiatry", 100, F_PSY, D_PSY, 550, 18, 85, AG_ADULT,
	  "F20.0 F32.2 F31.1 F03" },
	{ "psychotherapy", 8, F_PSY, D_PSY, 400, 18, 75, AG_UNI,
	  "F41.1 F43.2 F32.2" },
	{ "medical-psychology", 5, F_PSY, D_PSY, 400, 18, 75, AG_UNI,
	  "F43.2 F41.1" },
	{ "neurology", 250, F_NEURO, D_NEURO, 500, 25, 100, AG_ADULT,
	  "I63.5 I63.3 I61.0 G40.9 G35 G45.9" },
	{ "therapeutic-dentistry", 50, F_DENT, D_DENT, 450, 18, 85,
	  AG_ADULT, "K02.1 K04.0 K04.5" },
	{ "sexopathology", 3, F_PSY, D_PSY, 800, 20, 70, AG_UNI,
	  "F52.2 F41.1" },
	{ "rehabilitation", 40, F_REHAB, D_REHAB, 500, 18, 90, AG_ADULT,
	  "I69.3 M51.1 S72.0 M17.1" },
	{ "occupational-pathology", 5, F_THER, D_OCC, 750, 30, 75, AG_UNI,
	  "J62.8 T75.2 J44.1" },
	{ "occupational-therapy", 3, F_REHAB, D_REHAB, 500, 18, 80,
	  AG_ADULT, "I69.3 G80.0 F20.0" },
	{ "narcology", 30, F_PSY, D_NARC, 820, 18, 75, AG_UNI,
	  "F10.3 F10.4 F11.2" },
	{ "phthisiology", 60, F_INF, D_TB, 650, 18, 85, AG_ADULT,
	  "A15.0 A16.2" },
	{ "gerontology", 30, F_THER, D_GER, 400, 60, 100, AG_ADULT,
	  "F03 M81.0 R54 I10 I50.0" },
	{ "hirudotherapy", 1, F_REHAB, D_PHYSIO, 400, 25, 80, AG_ADULT,
	  "I83.9 M42.1" },
	{ "toxicology", 20, F_THER, D_TOX, 600, 16, 85, AG_UNI,
	  "T42.4 T51.0 T58" },
	{ "exercise-therapy", 8, F_REHAB, D_REHAB, 500, 18, 85, AG_ADULT,
	  "M51.1 I69.3 M42.1" },
	{ "dietology", 3, F_THER, D_THER, 350, 18, 80, AG_ADULT,
	  "E66.0 E11.6" },
	{ "radiology", 40, F_DIAG, D_RAD, 500, 18, 95, AG_ADULT,
	  "N18.3 I63.3 C34.1 J18.9" },
	{ "su-jok-therapy", 1, F_REHAB, D_PHYSIO, 400, 20, 75, AG_UNI,
	  "G43.9 M54.5" },
	{ "manual-therapy", 6, F_REHAB, D_REHAB, 450, 25, 80, AG_ADULT,
	  "M50.1 M51.1 M42.1 M81.0" },
	{ "reflexology", 4, F_REHAB, D_PHYSIO, 400, 20, 80, AG_UNI,
	  "G43.9 M54.5 M42.1" },
	{ "homeopathy", 1, F_REHAB, D_PHYSIO, 350, 18, 80, AG_UNI,
	  "J30.4 L20.8" },
	{ "dermatovenereology", 20, F_DERM, D_DERM, 500, 18, 85, AG_ADULT,
	  "L40.0 L30.9 L27.0 A51.3" },
	{ "dermatocosmetology", 10, F_DERM, D_DERM, 150, 18, 65, AG_UNI,
	  "L70.0 L81.4 L91.0" },
	{ "infectious-diseases", 120, F_INF, D_INF, 500, 18, 90, AG_ADULT,
	  "A41.9 A02.0 A46 B01.9 J10.0 A39.0" },
	{ "immunology", 8, F_THER, D_ALLERG, 450, 18, 80, AG_ADULT,
	  "D61.9 T78.3 J45.9" },
	{ "leprology", 1, F_DERM, D_DERM, 600, 30, 85, AG_ADULT,
	  "A30.9" },
	{ "surgery", 1000, F_SURG, D_SURG, 500, 18, 95, AG_ADULT,
	  "K35.8 K80.0 K80.1 K56.6 K40.3 K42.9 K85.1 K25.4 K26.5 K65.0 "
	  "E04.2" },
	{ "cardiac-surgery", 120, F_CSURG, D_CSURG, 650, 25, 85, AG_ADULT,
	  "I25.1 I35.0 I34.0 Q21.1 I71.0" },
	{ "neurosurgery", 150, F_NSURG, D_NSURG, 580, 18, 90, AG_ADULT,
	  "S06.5 S06.2 D32.0 I60.1 M51.1 C71.1" },
	{ "endoscopy", 80, F_DIAG, D_ENDO, 500, 25, 90, AG_ADULT,
	  "K57.3 K63.5 K21.0 K25.4 K80.5" },
	{ "oncology", 220, F_ONCO, D_ONCO, 450, 25, 95, AG_ADULT,
	  "C50.9 C18.7 C20 C34.1 C16.9 C53.9 C56 C61 C64 C67.9" },
	{ "traumatology", 500, F_TRAUMA, D_TRAUMA, 520, 18, 100, AG_ADULT,
	  "S72.0 S82.2 S52.5 S42.2 S32.0 S83.2 M16.1 M17.1 T84.5" },
	{ "combustiology", 40, F_BURN, D_BURN, 600, 18, 90, AG_ADULT,
	  "T31.2 T31.3 T24.3 T21.3 T22.2 T20.2" },
	{ "urology", 150, F_URO, D_URO, 700, 18, 95, AG_ADULT,
	  "N20.0 N20.1 N40 C67.9 N13.6 N35.9" },
	{ "andrology", 10, F_URO, D_URO, 1000, 18, 80, AG_UNI,
	  "N43.3 N46 I86.1" },
	{ "otorhinolaryngology", 90, F_ENT, D_ENT, 500, 18, 85, AG_ADULT,
	  "J35.0 J32.0 J34.2 H66.1" },
	{ "ophthalmology", 90, F_EYE, D_EYE, 450, 18, 95, AG_ADULT,
	  "H25.9 H40.1 H33.0 H35.3" },
	{ "proctology", 50, F_SURG, D_PROCT, 550, 20, 90, AG_ADULT,
	  "K64.2 K60.3 K61.0 C20" },
	{ "mammology", 40, F_ONCO, D_ONCO, 15, 20, 85, AG_TRI,
	  "C50.9 D24 N62" },
	{ "surgical-dentistry", 60, F_DENT, D_DENT, 500, 16, 85, AG_ADULT,
	  "K01.1 K04.5 K12.2" },
	{ "orthodontics", 10, F_DENT, D_DENT, 400, 12, 40, AG_UNI,
	  "K07.2" },
	{ "orthopedic-dentistry", 15, F_DENT, D_DENT, 450, 30, 90,
	  AG_ADULT, "K08.1" },
	{ "maxillofacial-surgery", 30, F_DENT, D_DENT, 650, 16, 80,
	  AG_ADULT, "S02.6 K12.2" },
	{ "transplantology", 20, F_TRANSPL, D_TRANSPL, 550, 18, 65, AG_UNI,
	  "K74.6 N18.5 I42.0" },
	{ "extracorporeal-detoxification", 20, F_ANES, D_DIAL, 550, 18, 85,
	  AG_ADULT, "N17.9 T42.4 A41.9 K85.1" },
	{ "hyperbaric-oxygenation", 5, F_ANES, D_HBO, 600, 18, 80, AG_UNI,
	  "T58 I83.9" },
	{ "surgical-toxicology", 15, F_ANES, D_TOX, 600, 16, 85, AG_UNI,
	  "T42.4 T51.0 T58" },
	{ "anesthesiology", 700, F_ANES, D_ICU, 500, 18, 100, AG_ADULT,
	  "T88.2 T88.4 T88.5 T88.6 R57.1 A41.9 K65.0" },
	{ "pediatrics", 450, F_PED, D_PED, 520, 0, 17, AG_CHILD,
	  "J18.9 J20.9 J21.9 A09 J06.9 J05.0 E86 R56.0 D50.9" },
	{ "phthisiopediatrics", 6, F_INF, D_TB, 500, 1, 17, AG_CHILD,
	  "A16.2 A15.0" },
	{ "pediatric-anesthesiology", 120, F_PANES, D_PICU, 550, 0, 17,
	  AG_CHILD, "T88.4 T88.5 T88.6 K35.8 J35.3" },
	{ "pediatric-surgery", 180, F_PSURG, D_PSURG, 600, 0, 17, AG_CHILD,
	  "K35.8 K40.3 K56.1 Q40.0 Q53.1 N44" },
	{ "pediatric-neurosurgery", 15, F_NSURG, D_NSURG, 580, 0, 17,
	  AG_CHILD, "G91.1 S06.5 S06.2" },
	{ "pediatric-endoscopy", 8, F_PSURG, D_ENDO, 550, 0, 17, AG_CHILD,
	  "T18.1 K21.9" },
	{ "pediatric-traumatology", 90, F_TRAUMA, D_TRAUMA, 600, 1, 17,
	  AG_CHILD, "S42.4 S52.5 S82.2" },
	{ "pediatric-combustiology", 20, F_BURN, D_BURN, 580, 0, 17,
	  AG_CHILD, "T31.2 T22.2 T20.2 T24.3" },
	{ "pediatric-transplantology", 4, F_TRANSPL, D_TRANSPL, 500, 1, 17,
	  AG_CHILD, "K74.6 N18.5" },
	{ "pediatric-extracorporeal-detoxification", 4, F_PANES, D_DIAL,
	  500, 1, 17, AG_CHILD, "N17.9 T42.4" },
	{ "pediatric-allergology", 10, F_PED, D_ALLERG, 550, 1, 17,
	  AG_CHILD, "L20.8 J45.9 T78.3" },
	{ "medical-genetics", 4, F_PED, D_MGEN, 500, 0, 17, AG_CHILD,
	  "E84.0 E70.0" },
	{ "pediatric-cardiorheumatology", 8, F_CARD, D_CRH, 480, 3, 17,
	  AG_CHILD, "I05.0 M32.1" },
	{ "pediatric-infectious-diseases", 80, F_INF, D_PINF, 520, 0, 17,
	  AG_CHILD, "A08.0 A09 B05.9 B01.9 A37.9 A39.0" },
	{ "pediatric-immunology", 4, F_PED, D_ALLERG, 500, 1, 17, AG_CHILD,
	  "D61.9 T78.3" },
	{ "pediatric-oncology", 30, F_ONCO, D_CHEMO, 550, 1, 17, AG_CHILD,
	  "C91.0 C40.2 C74.9 C64 C71.1" },
	{ "pediatric-oncohematology", 30, F_ONCO, D_CHEMO, 550, 1, 17,
	  AG_CHILD, "C91.0 C92.0 D61.9" },
	{ "pediatric-neurology", 40, F_NEURO, D_NEURO, 550, 0, 17, AG_CHILD,
	  "G40.9 G80.0 R56.0" },
	{ "pediatric-nephrology", 12, F_PED, D_NEPH, 450, 1, 17, AG_CHILD,
	  "N10 N13.7 N18.3" },
	{ "pediatric-endocrinology", 12, F_PED, D_ENDOCR, 480, 1, 17,
	  AG_CHILD, "E10.1 E66.0" },
	{ "pediatric-psychiatry", 10, F_PSY, D_PSY, 600, 5, 17, AG_CHILD,
	  "F84.0 F32.2 F43.2" },
	{ "pediatric-psychotherapy", 3, F_PSY, D_PSY, 500, 6, 17, AG_CHILD,
	  "F43.2 F41.1" },
	{ "pediatric-toxicology", 8, F_PANES, D_TOX, 550, 1, 17, AG_CHILD,
	  "T42.4 T58" },
	{ "pediatric-hyperbaric-oxygenation", 2, F_PANES, D_HBO, 550, 1, 17,
	  AG_CHILD, "T58" },
	{ "pediatric-pulmonology", 20, F_PED, D_PULM, 550, 0, 17, AG_CHILD,
	  "J18.9 J45.9 E84.0 J21.9" },
	{ "pediatric-gastroenterology", 15, F_PED, D_GASTRO, 500, 0, 17,
	  AG_CHILD, "K21.9 A09" },
	{ "pediatric-otorhinolaryngology", 25, F_ENT, D_ENT, 550, 1, 17,
	  AG_CHILD, "J35.3 J35.0 H66.1 T17.5" },
	{ "pediatric-ophthalmology", 12, F_EYE, D_EYE, 520, 0, 17, AG_CHILD,
	  "H35.1 H50.0" },
	{ "pediatric-dentistry", 15, F_DENT, D_DENT, 500, 2, 17, AG_CHILD,
	  "K02.1 K04.0" },
	{ "pediatric-maxillofacial-surgery", 6, F_DENT, D_DENT, 550, 0, 17,
	  AG_CHILD, "Q37.9 S02.6" },
	{ "pediatric-urology", 15, F_PSURG, D_URO, 800, 0, 17, AG_CHILD,
	  "N13.7 Q54.1 Q53.1 N44" },
	{ "pediatric-gynecology", 8, F_GYN, D_GYN, 0, 3, 17, AG_CHILD,
	  "N76.0 N83.5 N83.2" },
	{ "pediatric-dermatovenereology", 5, F_DERM, D_DERM, 500, 0, 17,
	  AG_CHILD, "L20.8 L30.9" },
	{ "adolescent-narcology", 3, F_PSY, D_NARC, 700, 12, 17, AG_UNI,
	  "F12.1 F10.3" },
	{ "adolescent-therapy", 8, F_PED, D_PED, 500, 12, 17, AG_UNI,
	  "J18.9 J06.9 D50.9" },
	{ "pediatric-rehabilitation", 8, F_REHAB, D_REHAB, 550, 1, 17,
	  AG_CHILD, "G80.0 I69.3" },
	{ "neonatology", 350, F_NEO, D_NICU, 520, 0, 0, AG_NEO,
	  "P07.3 P22.0 P21.0 P21.1 P59.9 P36.9 P52.1 P05.1 P13.4" },
	{ "gynecology", 550, F_GYN, D_GYN, 0, 15, 50, AG_TRI,
	  "N83.2 D25.1 N80.0 N80.1 O00.1 N70.1 N84.0 N85.0 N81.2" },
	{ "obstetrics", 900, F_OBST, D_MATERN, 0, 15, 50, AG_TRI,
	  "O72.0 O72.1 O14.1 O62.2 O45.9 O42.0 O24.4 O68.0 O80 O82" },
	{ "obstetric-neonatology", 150, F_NEO, D_NEO, 520, 0, 0, AG_NEO,
	  "P07.3 P22.0 P21.1 P59.9 P05.1 P13.4" },
	{ "obstetric-medical-genetics", 4, F_OBST, D_MGEN, 0, 18, 45,
	  AG_TRI, "O42.0 O24.4 O80" },
	{ "reproductive-technologies", 25, F_GYN, D_ART, 0, 22, 45, AG_TRI,
	  "N97.1 N98.1 N80.1" },
};
#define NPROFILES NELEM(profiles)

/* Topics of corrective measures: SOPs, training. */
enum topic {
	TP_SURG, TP_MEDS, TP_ID, TP_FALL, TP_HAI, TP_TRANSF, TP_EQUIP,
	TP_HANDOFF, TP_OBST, TP_NEO, TP_DETER, TP_ANES, TP_VTE, TP_SKIN,
	TP_DIAG, TP_PSY, TP_DOCS, TP_SECUR, TP_FOOD, TP_LAB, TP__MAX
};

static const char *const topics[TP__MAX][LANG__MAX] = {
	{ "хирургиялық қауіпсіздік", "хирургическая безопасность" },
	{ "дәрілік заттарды қауіпсіз қолдану",
	  "безопасное применение лекарственных средств" },
	{ "пациентті сәйкестендіру", "идентификация пациента" },
	{ "құлаудың алдын алу", "профилактика падений" },
	{ "медициналық көмек көрсетуге байланысты инфекциялардың алдын алу",
	  "профилактика инфекций, связанных с оказанием медицинской "
	  "помощи" },
	{ "гемотрансфузия қауіпсіздігі", "безопасность гемотрансфузии" },
	{ "медициналық бұйымдарды пайдалану",
	  "эксплуатация медицинских изделий" },
	{ "ауысым ауысқанда ақпарат беру",
	  "передача информации при пересменке" },
	{ "акушерлік қан кетулер кезінде көмек көрсету",
	  "оказание помощи при акушерских кровотечениях" },
	{ "жаңа туған нәрестелерді реанимациялау және тұрақтандыру",
	  "реанимация и стабилизация новорождённых" },
	{ "науқастың жағдайының нашарлауын ерте анықтау",
	  "раннее распознавание ухудшения состояния пациента" },
	{ "анестезия қауіпсіздігі", "безопасность анестезии" },
	{ "веналық тромбоэмболиялық асқынулардың алдын алу",
	  "профилактика венозных тромбоэмболических осложнений" },
	{ "ойылулардың алдын алу", "профилактика пролежней" },
	{ "науқастарды уақтылы диагностикалау және бағыттау",
	  "своевременная диагностика и маршрутизация пациентов" },
	{ "суицидтік мінез-құлықтың алдын алу",
	  "профилактика суицидального поведения" },
	{ "медициналық құжаттаманы жүргізу",
	  "ведение медицинской документации" },
	{ "қызметкерлер мен пациенттердің қауіпсіздігі",
	  "безопасность персонала и пациентов" },
	{ "емдік тамақтануды ұйымдастыру",
	  "организация лечебного питания" },
	{ "зертханалық зерттеулердің преаналитикалық кезеңі",
	  "преаналитический этап лабораторных исследований" },
};

/* ------------------------------------------------------------------ */
/* Incident scenarios                                                  */

#define SC_W	0x01	/* may have consequences */
#define SC_O	0x02	/* may be without consequences */
#define SC_D	0x04	/* may end in death (Form 2) */
#define SC_CORP	0x08	/* a corporate (organisational) incident */
#define SC_OUT	0x10	/* begins outside the ward: no inpatient opening */

/*
 * A scenario: what happened (circ) and the care given (care), in both
 * languages, for the families in fams (0: any family).  dx, when set,
 * replaces the profile's diagnoses: "A B" one of them, "A|B|C" the one
 * matching label 1, so that the diagnosis agrees with the [@1:...]
 * alternatives of the text.
 */
struct scen {
	unsigned fams;
	int	 flags;
	int	 amin, amax;
	char	 sex;
	int	 topic;
	const char *dx;
	const char *circ_kk, *circ_ru;
	const char *care_kk, *care_ru;
};

static const struct scen scens[] = {
/* --- surgery --- */
{ FM(F_SURG), SC_W | SC_D, 18, 95, 0, TP_SURG, "K80.1|K80.0",
  "[@1:Жоспарлы|Шұғыл] лапароскопиялық холецистэктомия кезінде {AT} "
  "[өт қабы төсегінен|өт қабы артериясынан] қан кету байқалды; конверсия "
  "жасалып, гемостаз жүргізілді. Қан жоғалту шамамен <@2:500-1500/50> мл.",
  "Во время [@1:плановой|экстренной] лапароскопической холецистэктомии "
  "{AT} отмечено кровотечение из [ложа желчного пузыря|пузырной "
  "артерии]; выполнена конверсия, гемостаз. Кровопотеря около "
  "<@2:500-1500/50> мл.",
  "Лапаротомияға конверсия, [өт қабы төсегін тігу|өт қабы артериясын "
  "клиптеу және байлау], бауыр асты кеңістігін дренаждау жүргізілді. "
  "Гемотрансфузия жасалды: эритроцит суспензиясы — <1-3> доза, жаңа "
  "мұздатылған плазма — <2-5> доза.",
  "Выполнены конверсия в лапаротомию, [ушивание ложа желчного "
  "пузыря|клипирование и лигирование пузырной артерии], дренирование "
  "подпечёночного пространства. Гемотрансфузия: эритроцитная взвесь — "
  "<1-3~доза~дозы~доз>, свежезамороженная плазма — <2-5~доза~дозы~доз>." },
{ FM(F_SURG), SC_W | SC_D, 30, 95, 0, TP_SURG, "C18.7|C18.2|C20",
  "[@1:Сигма тәрізді ішек резекциясынан|Оң жақты гемиколэктомиядан|Тік "
  "ішектің алдыңғы резекциясынан] кейінгі <4-7>-тәулікте іштің ауыруы, "
  "<38,2-39,6/0,1> °C дейін қызба пайда болды; релапаротомия кезінде "
  "перитонит дамыған анастомоз жеткіліксіздігі анықталды.",
  "На <4-7>-е сутки после [@1:резекции сигмовидной кишки|правосторонней "
  "гемиколэктомии|передней резекции прямой кишки] появились боли в "
  "животе, лихорадка до <38,2-39,6/0,1> °C; при релапаротомии выявлена "
  "несостоятельность анастомоза с развитием перитонита.",
  "Релапаротомия жасалды: [@1:анастомоз аймағы резекцияланып, колостома "
  "шығарылды|анастомоз ажыратылып, илеостома шығарылды|анастомоз ақауы "
  "тігіліп, қорғаныш илеостомасы шығарылды]; құрсақ қуысы санацияланып, "
  "дренаждалды. Бактерияға қарсы терапия: [меропенем 1 г тәулігіне 3 "
  "рет|пиперациллин/тазобактам 4,5 г тәулігіне 3 рет|цефоперазон/сульбактам "
  "2 г тәулігіне 2 рет] көктамыр ішіне.",
  "Выполнена релапаротомия: [@1:резекция зоны анастомоза с выведением "
  "колостомы|разобщение анастомоза с выведением илеостомы|ушивание "
  "дефекта анастомоза с наложением превентивной илеостомы]; санация и "
  "дренирование брюшной полости. Антибактериальная терапия: [меропенем 1 "
  "г 3 раза в сутки|пиперациллин/тазобактам 4,5 г 3 раза в "
  "сутки|цефоперазон/сульбактам 2 г 2 раза в сутки] внутривенно." },
{ FM(F_SURG), SC_W | SC_O, 18, 95, 0, TP_SURG, "K56.5|K80.1|K40.9",
  "[@1:Жабысқақ ішек өтімсіздігіне байланысты лапаротомиядан|Ашық "
  "холецистэктомиядан|Торлы имплантпен пластика жасалған жарық "
  "тілуден] кейін бақылау санау кезінде майлықтар саны сәйкес келмеді "
  "(<1-2> дана жетіспеді); [@c:рентгенограммада құрсақ қуысынан дәке "
  "майлық табылды|майлық жараны тікпес бұрын операциялық бөлмеден "
  "табылды].",
  "После [@1:лапаротомии по поводу спаечной кишечной "
  "непроходимости|открытой холецистэктомии|грыжесечения с пластикой "
  "сетчатым имплантом] при контрольном подсчёте выявлено несоответствие "
  "количества салфеток (недоставало <1-2~салфетки~салфеток~салфеток>); "
  "[@c:на рентгенограмме в брюшной полости обнаружена марлевая "
  "салфетка|салфетка найдена в операционной до ушивания раны].",
  "[@c:Релапаротомия жасалып, бөгде дене алынып, құрсақ қуысы "
  "санацияланды; операциядан кейінгі кезең <6-12> тәулікке "
  "ұзарды|Материал қайта саналғаннан кейін жара тігілді; құрсақ "
  "қуысының бақылау рентгенографиясы жасалды — бөгде дене жоқ].",
  "[@c:Выполнены релапаротомия, удаление инородного тела, санация "
  "брюшной полости; послеоперационный период удлинился на <6-12> "
  "суток|Рана ушита после повторного подсчёта материала; выполнена "
  "контрольная рентгенография брюшной полости — без инородных тел]." },
{ FM(F_SURG) | FM(F_PSURG), SC_W | SC_D | SC_OUT, 5, 90, 0, TP_DIAG, "K35.2",
  "^{PT} оң жақ мықын аймағындағы ауырсынумен қабылдау бөлімшесіне "
  "жүгінді; [хирург қарамады|ультрадыбыстық зерттеу бойынша аппендицит "
  "белгілері анықталмады|жалпы қан талдауындағы лейкоцитоз "
  "бағаланбады], үйіне жіберілді. <18-40> сағаттан кейін жайылған "
  "перитонит белгілерімен қайта жеткізілді.",
  "^{PT} [@g:обратился|обратилась] в приёмное отделение с болями в "
  "правой подвздошной области; [осмотр хирургом не проведён|по данным УЗИ "
  "признаков аппендицита не выявлено|лейкоцитоз в ОАК не был оценён], "
  "[@g:отпущен|отпущена] домой. Повторно [@g:доставлен|доставлена] через "
  "<18-40~час~часа~часов> с признаками разлитого перитонита.",
  "Шұғыл лапаротомия, аппендэктомия, құрсақ қуысын санациялау және "
  "дренаждау жасалды. Операциядан кейінгі кезең [кіші жамбас абсцесімен "
  "асқынып, ультрадыбыстық бақылаумен тері арқылы дренаждау "
  "жасалды|ауыр өтіп, реанимация бөлімшесінде <2-6> тәулік бойы қарқынды "
  "терапия жүргізілді].",
  "Выполнены экстренная лапаротомия, аппендэктомия, санация и "
  "дренирование брюшной полости. Послеоперационный период [осложнился "
  "абсцессом малого таза, выполнено чрескожное дренирование под "
  "контролем УЗИ|протекал тяжело, интенсивная терапия в ОРИТ в течение "
  "<2-6~суток~суток~суток>]." },
{ FM(F_SURG), SC_W | SC_O, 18, 90, 0, TP_SURG, "K40.9|I83.9|D17.1",
  "[@1:Жарық тілуге|Флебэктомияға|Липоманы алып тастауға] дайындық "
  "кезінде {AT} операциялық өріс басқа жағынан белгіленгені анықталды; "
  "[@c:қарама-қарсы жағынан тілік басталып, тігілді, операция дұрыс "
  "жағынан жасалды|қате операция басталғанға дейін «тайм-аут» рәсімі "
  "кезінде анықталды].",
  "При подготовке к [@1:грыжесечению|флебэктомии|удалению липомы] {AT} "
  "выявлено, что маркировка операционного поля выполнена не на той "
  "стороне; [@c:разрез начат на противоположной стороне и ушит, операция "
  "выполнена с правильной стороны|ошибка обнаружена при проведении "
  "процедуры «тайм-аут» до начала операции].",
  "[@c:Қате жағындағы тілік тігіліп, операция дұрыс жағынан толық "
  "көлемде орындалды; {PTD} және туыстарына түсіндірме "
  "берілді|Белгі медициналық картамен және науқастың келісімімен "
  "салыстырылып түзетілді; операция жоспарлы түрде орындалды].",
  "[@c:Разрез на ошибочной стороне ушит, операция выполнена в полном "
  "объёме с правильной стороны; {PTD} и родственникам даны "
  "разъяснения|Маркировка исправлена после сверки с медицинской картой "
  "и информированным согласием; операция выполнена в плановом "
  "порядке]." },
{ FM(F_SURG), SC_W | SC_D, 18, 85, 0, TP_DETER, "E05.0|E04.2",
  "[@1:Тиреоидэктомиядан|Гемитиреоидэктомиядан] <3-8> сағаттан кейін "
  "{AT2} мойынның үдемелі ісінуі мен ентігу пайда болды; кеңірдекті "
  "қысып тұрған операциядан кейінгі жара аймағындағы гематома "
  "анықталды.",
  "Через <3-8~час~часа~часов> после "
  "[@1:тиреоидэктомии|гемитиреоидэктомии] {AT2} появились нарастающий "
  "отёк шеи и одышка; диагностирована гематома в области "
  "послеоперационной раны со сдавлением трахеи.",
  "Жара науқастың төсегінің жанында ашылып, гематома шығарылды; "
  "операциялық бөлмеде шұғыл ревизия жасалып, қан кетіп тұрған тамыр "
  "байланды. [Кеңірдек интубациясы екінші әрекеттен "
  "жасалды|Интубация бейнеларингоскоппен жасалды].",
  "Рана раскрыта у постели больного, гематома эвакуирована; в "
  "операционной выполнены экстренная ревизия, лигирование "
  "кровоточащего сосуда. [Интубация трахеи выполнена со второй "
  "попытки|Интубация выполнена видеоларингоскопом]." },
/* --- obstetrics --- */
{ FM(F_OBST), SC_W | SC_D, 16, 50, 'F', TP_OBST, "O72.1",
  "[@1:Өздігінен босанудан|Кесар тілігі операциясынан] кейін {AT} "
  "гипотониялық қан кету дамыды; жалпы қан жоғалту <@2:1000-2600/50> мл "
  "құрады.",
  "После [@1:самопроизвольных родов|операции кесарева сечения] {AT} "
  "развилось гипотоническое кровотечение; общая кровопотеря составила "
  "<@2:1000-2600/50> мл.",
  "Жатырды бимануалды қысу, окситоцинді 10 бірлік көктамыр ішіне "
  "тамшылатып енгізу жүргізілді[, карбетоцин 100 мкг енгізілді|, "
  "мизопростол 800 мкг тік ішек арқылы енгізілді|]; жатырішілік "
  "баллонды тампонатор орнатылды. [Қан кету тоқтамағандықтан "
  "лапаротомия жасалып, жатыр артериялары байланды|Қан кету "
  "консервативтік шаралармен тоқтатылды], эритроцит суспензиясының <2-6> "
  "дозасы құйылды.",
  "Проведены бимануальная компрессия матки, введение окситоцина 10 ЕД "
  "внутривенно капельно[, карбетоцина 100 мкг|, мизопростола 800 мкг "
  "ректально|]; установлен внутриматочный баллонный тампонатор. [В "
  "связи с продолжающимся кровотечением выполнены лапаротомия, "
  "перевязка маточных артерий|Кровотечение остановлено консервативными "
  "мерами], перелито <2-6~доза~дозы~доз> эритроцитной взвеси." },
{ FM(F_OBST), SC_W | SC_O, 16, 48, 'F', TP_MEDS, "O14.1",
  "Ауыр преэклампсиясы бар босанушы әйелге [<32-39> апталық жүктілік "
  "кезінде|босану кезінде] магнезиялық терапия жүргізілді; "
  "[инфузоматтың дұрыс бапталмауынан|енгізу жылдамдығын есептеудегі "
  "қатеден] магний сульфатының дозасы сағатына 1 г орнына <3-4> г болды; "
  "[@c:<40-90/5> минуттан кейін тыныс алудың бәсеңдеуі, сіңір "
  "рефлекстерінің төмендеуі дамыды|артық доза <15-40/5> минуттан кейін "
  "бақылау кезінде акушермен анықталды].",
  "Роженице с тяжёлой преэклампсией [при сроке беременности "
  "<32-39~неделя~недели~недель>|в родах] проводилась магнезиальная "
  "терапия; из-за [неправильной настройки инфузомата|ошибки в расчёте "
  "скорости введения] доза сульфата магния составила <3-4> г/ч вместо "
  "1 г/ч; [@c:через <40-90/5> минут развились угнетение дыхания, "
  "снижение сухожильных рефлексов|передозировка выявлена акушеркой "
  "через <15-40/5> минут при контроле].",
  "Магний сульфатының инфузиясы тоқтатылып, кальций глюконаты 10% — 10 "
  "мл көктамыр ішіне енгізілді[@c:; қысқа мерзімді көмекші желдету "
  "жүргізілді|]. Сіңір рефлекстері, диурез және тыныс алу жиілігі әр "
  "<15-30/15> минут сайын бақыланды.",
  "Инфузия сульфата магния прекращена, введён кальция глюконат 10% — 10 "
  "мл внутривенно[@c:; проводилась кратковременная вспомогательная "
  "вентиляция|]. Контроль сухожильных рефлексов, диуреза и частоты "
  "дыхания каждые <15-30/15> минут." },
{ FM(F_OBST), SC_W | SC_D, 20, 48, 'F', TP_OBST, "O71.1",
  "Анамнезінде кесар тілігінен кейінгі жатыр тыртығы бар босанушы "
  "әйелде {AT} [окситоцинмен босануды қоздыру|өздігінен басталған "
  "босану әрекеті] аясында кенет ауырсыну, ұрықтың жүрек соғуының "
  "минутына <60-90> дейін баяулауы пайда болды; жатырдың тыртық бойымен "
  "жыртылуы анықталды.",
  "У роженицы с рубцом на матке после кесарева сечения {AT} на фоне "
  "[родовозбуждения окситоцином|самопроизвольной родовой деятельности] "
  "появились резкие боли, брадикардия плода до <60-90> в минуту; "
  "диагностирован разрыв матки по рубцу.",
  "Шұғыл лапаротомия жасалып, ұрық алынды (Апгар шкаласы бойынша "
  "[2/4|3/5|4/6|1/3] балл), [жатырдың жыртылған жері "
  "тігілді|ағзаны сақтау мүмкін болмағандықтан жатыр экстирпациясы "
  "жасалды]. Қан жоғалту <1200-2800/100> мл; қанды қайта құю аппараты "
  "арқылы аутоэритроциттер реинфузиясы жүргізілді.",
  "Выполнены экстренное чревосечение, извлечение плода (оценка по шкале "
  "Апгар [2/4 балла|3/5 баллов|4/6 баллов|1/3 балла]), [ушивание разрыва "
  "матки|экстирпация матки ввиду невозможности сохранения органа]. "
  "Кровопотеря <1200-2800/100> мл; проведена реинфузия аутоэритроцитов "
  "аппаратом для интраоперационной реинфузии крови." },
{ FM(F_OBST), SC_W | SC_O, 16, 45, 'F', TP_OBST, "O70.2",
  "Күшену кезеңінде [ірі ұрық туылған кезде|вакуум-экстрактормен "
  "қынаптық оперативті босандыру кезінде] бұтаның III дәрежелі "
  "жыртылуы болды (ұрық салмағы <3700-4800/10> г); [@c:жыртылу тек "
  "<2-6> сағаттан кейін босанудан "
  "кейінгі бөлімшеде қарау кезінде анықталды|жыртылу бала жолдасы "
  "туылғаннан кейін бірден анықталып, тігілді].",
  "В потужном периоде [при рождении крупного плода|при оперативном "
  "влагалищном родоразрешении вакуум-экстрактором] произошёл разрыв "
  "промежности III степени (масса плода <3700-4800/10> г); [@c:разрыв "
  "диагностирован только через "
  "<2-6~час~часа~часов> при осмотре в послеродовом отделении|разрыв "
  "выявлен и ушит сразу после рождения последа].",
  "[Спинальды анестезиямен|Көктамыр ішілік наркозбен] сыртқы "
  "сфинктерді қалпына келтіре отырып, бұтаның жыртылуы қабат-қабатымен "
  "тігілді; антибиотикпен алдын алу, іш жүргізетін дәрілер тағайындалды.",
  "Под [спинальной анестезией|внутривенным наркозом] выполнено "
  "послойное ушивание разрыва промежности с восстановлением наружного "
  "сфинктера; назначены антибиотикопрофилактика, слабительные "
  "средства." },
{ FM(F_OBST), SC_W | SC_D, 16, 48, 'F', TP_DETER, "O15.0",
  "[@1:Жүктілік патологиясы бөлімшесінде|Қабылдау бөлімшесінде] жүкті "
  "әйелде {AT} құрысу ұстамасы дамыды; оған дейін АҚ — "
  "<160-190/5>/<100-120/5> сын. бағ. мм, [протеинурия "
  "тексерілмеген|бас ауруы туралы шағымдар бақылау парағына "
  "тіркелмеген].",
  "У беременной [@1:в отделении патологии беременности|в приёмном "
  "отделении] {AT} развился приступ судорог; АД перед этим — "
  "<160-190/5>/<100-120/5> мм рт. ст., [протеинурия не "
  "исследовалась|жалобы на головную боль не зафиксированы в листе "
  "наблюдения].",
  "Құрысу көктамыр ішіне болюспен 4 г магний сульфатымен басылып, "
  "сағатына 1 г қолдаушы инфузия басталды; [жалпы "
  "анестезиямен|жағдайы тұрақтанғаннан кейін] шұғыл кесар тілігі "
  "жасалды. Жаңа туған нәресте: Апгар шкаласы бойынша [6/7|7/8|5/7] "
  "балл.",
  "Судороги купированы сульфатом магния 4 г внутривенно болюсно, начата "
  "поддерживающая инфузия 1 г/ч; выполнено экстренное кесарево сечение "
  "[под общей анестезией|после стабилизации состояния]. Новорождённый: "
  "оценка по шкале Апгар [6/7|7/8|5/7] баллов." },
{ FM(F_OBST), SC_W | SC_O | SC_D, 16, 48, 'F', TP_OBST, "O68.0",
  "Кардиотокография кезінде {AT} минутына <70-100> соққыға дейін кеш "
  "децелерациялар тіркелді; [босандыру туралы шешім кешігіп "
  "қабылданды|кезекші акушер-гинеколог басқа операцияда болды], «шешім — "
  "ұрықты алу» аралығы <45-110/5> минутты құрады.",
  "При кардиотокографии {AT} зарегистрированы поздние децелерации до "
  "<70-100> в минуту; [решение о родоразрешении принято с "
  "задержкой|дежурный акушер-гинеколог находился на другой операции], "
  "интервал «решение — извлечение плода» составил <45-110/5> минут.",
  "Шұғыл кесар тілігі жасалды. Жаңа туған нәресте [@c:Апгар шкаласы "
  "бойынша [2/5|3/5|3/6] балл бағасымен жаңа туған нәрестелер "
  "реанимациясына ауыстырылды|бірден айқайлады, Апгар шкаласы бойынша "
  "7/8 балл].",
  "Выполнено экстренное кесарево сечение. Новорождённый [@c:с оценкой по "
  "шкале Апгар [2/5|3/5|3/6] баллов переведён в отделение реанимации "
  "новорождённых|закричал сразу, оценка по шкале Апгар 7/8 баллов]." },
{ FM(F_OBST), SC_W | SC_D, 18, 48, 'F', TP_OBST, "O88.1",
  "[@1:Кесар тілігі операциясы|Өздігінен босану] кезінде {AT} босанушы "
  "әйелде кенеттен ентігу, цианоз, АҚ <50-70/5>/<20-40/5> сын. бағ. мм "
  "дейін төмендеуі дамыды; қағанақ суының эмболиясы деп күдіктенілді.",
  "Во время [@1:операции кесарева сечения|самопроизвольных родов] {AT} у "
  "роженицы внезапно развились одышка, цианоз, падение АД до "
  "<50-70/5>/<20-40/5> мм рт. ст.; заподозрена эмболия околоплодными "
  "водами.",
  "Жүрек-өкпе реанимациясы басталып, кеңірдек интубацияланды, ӨЖЖ "
  "жүргізілді; адреналин, <2000-4500/100> мл көлемінде қан препараттары "
  "енгізілді; тамырішілік шашыраңқы қан ұю синдромы дамыды. [Жатыр "
  "экстирпациясы жасалды|Веноартериялық ЭКМО қосылды (39.65)].",
  "Начаты сердечно-лёгочная реанимация, интубация трахеи, ИВЛ; введены "
  "адреналин, препараты крови в объёме <2000-4500/100> мл; развился "
  "ДВС-синдром. [Выполнена экстирпация матки|Подключена "
  "вено-артериальная ЭКМО (39.65)]." },
{ FM(F_OBST), SC_W | SC_O, 18, 45, 'F', TP_MEDS, "O80",
  "Резус-теріс қаны бар әйелге резус-оң бала туғаннан кейін [72 сағат "
  "ішінде|уақтылы] антирезус иммуноглобулині енгізілмеді (босану "
  "{AT} болған); олқылық <4-5>-тәулікте [тағайындау парағын салыстыру "
  "кезінде|шығару құжаттарын рәсімдеу кезінде|аға акушердің тексеруі "
  "кезінде] анықталды.",
  "Родильнице с резус-отрицательной кровью после рождения "
  "резус-положительного ребёнка [в течение 72 часов|своевременно] не "
  "введён антирезусный иммуноглобулин (роды {AT}); упущение выявлено "
  "на <4-5>-е сутки [при сверке листа назначений|при оформлении "
  "выписки|при проверке старшей акушеркой].",
  "Антирезус иммуноглобулині анықталғаннан кейін бірден енгізілді; "
  "[6 айдан кейін антидене титрін анықтау|тұрғылықты жері бойынша "
  "әйелдер консультациясында бақылау] тағайындалды.",
  "Антирезусный иммуноглобулин введён сразу после выявления упущения; "
  "назначено [определение титра антител через 6 месяцев|наблюдение в "
  "женской консультации по месту жительства]." },
/* --- gynecology --- */
{ FM(F_GYN), SC_W | SC_O | SC_D, 25, 50, 'F', TP_SURG, "D25.1|N80.0",
  "[@1:Жатыр миомасы|Аденомиоз] бойынша [лапароскопиялық|лапаротомиялық] "
  "гистерэктомия кезінде [сол жақ|оң жақ] несепағар зақымданды; "
  "[@c:зақымдану <4-6>-тәулікте дренаж бойынша бөлінген сұйықтықта "
  "несептің пайда болуынан анықталды|зақымдану операция кезінде "
  "анықталды].",
  "При [лапароскопической|лапаротомной] гистерэктомии по поводу "
  "[@1:миомы матки|аденомиоза] повреждён [левый|правый] мочеточник; "
  "[@c:повреждение распознано на <4-6>-е сутки по появлению мочи в "
  "отделяемом по дренажу|повреждение выявлено интраоперационно].",
  "[@c:Релапаротомия, уретероцистонеоанастомоз жасалды|Несепағар "
  "стентке тігілді], қуыққа <10-14> тәулікке катетер қойылды. Урологтың "
  "кеңесі берілді.",
  "[@c:Выполнены релапаротомия, уретероцистонеоанастомоз|Мочеточник "
  "ушит на стенте], в мочевой пузырь установлен катетер на <10-14> "
  "суток. Консультирована урологом." },
{ FM(F_GYN), SC_W | SC_O, 22, 45, 'F', TP_MEDS, "N98.1",
  "ЭКО бағдарламасында [суперовуляцияны ынталандырудан|фолликулдарды "
  "пункциялаудан] кейін [орташа|ауыр] дәрежелі аналық бездердің "
  "гиперстимуляция синдромы дамыды: асцит, гидроторакс, гематокрит "
  "<45-52>%.",
  "После [стимуляции суперовуляции|пункции фолликулов] в программе ЭКО "
  "развился синдром гиперстимуляции яичников [средней|тяжёлой] степени: "
  "асцит, гидроторакс, гематокрит <45-52>%.",
  "Гинекология бөлімшесіне жатқызылды; коллоидтармен және "
  "кристаллоидтармен инфузиялық терапия, тері астына эноксапарин 40 мг "
  "профилактикалық дозасы, [<1500-3000/100> мл асциттік сұйықтықты "
  "шығара отырып лапароцентез|плевралық пункция] жүргізілді.",
  "Госпитализирована в гинекологическое отделение; инфузионная терапия "
  "коллоидами и кристаллоидами, профилактическая доза эноксапарина 40 мг "
  "подкожно, [лапароцентез с эвакуацией <1500-3000/100> мл асцитической "
  "жидкости|плевральная пункция]." },
{ FM(F_GYN), SC_W | SC_D | SC_OUT, 16, 45, 'F', TP_DIAG, "O00.1",
  "Етеккірі кешігіп, іштің төменгі жағы ауыратын {PT} [қабылдау "
  "бөлімшесінде қаралды|амбулаториялық бақыланды]; [кіші жамбас "
  "ағзаларының ультрадыбыстық зерттеуі жасалмады|хорионикалық "
  "гонадотропин деңгейі анықталмады]. <6-30> сағаттан кейін "
  "геморрагиялық шок белгілерімен жеткізілді; үзілген түтіктік "
  "жүктілік анықталды.",
  "^{PT} с задержкой менструации и болями внизу живота [осмотрена в "
  "приёмном отделении|наблюдалась амбулаторно]; [УЗИ органов малого "
  "таза не выполнено|уровень хорионического гонадотропина не "
  "определён]. Через <6-30~час~часа~часов> доставлена с клиникой "
  "геморрагического шока; диагностирована прервавшаяся трубная "
  "беременность.",
  "Шұғыл [лапароскопия|лапаротомия], тубэктомия жасалды; құрсақ "
  "қуысында <800-2200/100> мл дейін қан болды. Гемотрансфузия, "
  "инфузиялық терапия жүргізілді.",
  "Выполнены экстренная [лапароскопия|лапаротомия], тубэктомия; в "
  "брюшной полости до <800-2200/100> мл крови. Проведены гемотрансфузия, "
  "инфузионная терапия." },
{ FM(F_GYN), SC_W | SC_O, 18, 50, 'F', TP_SURG, "N84.0 N85.0",
  "[Полипэктомиямен гистероскопия|Бөлек диагностикалық қырып тазалау] "
  "кезінде {AT} жатыр тесілді; [@c:құрсақ ішілік қан кетуге байланысты "
  "лапароскопия жасалып, тесік тігілді|тесілу бірден анықталып, рәсім "
  "тоқтатылды, динамикалық бақылау жүргізілді].",
  "При [гистероскопии с полипэктомией|раздельном диагностическом "
  "выскабливании] {AT} произошла перфорация матки; [@c:в связи с "
  "внутрибрюшным кровотечением выполнены лапароскопия, ушивание "
  "перфорации|перфорация выявлена сразу, процедура прекращена, "
  "проводилось динамическое наблюдение].",
  "[Цефазолин 1 г тәулігіне 3 рет бактерияға қарсы терапия|Утеротониктер "
  "және іштің төменгі бөлігіне суық] тағайындалды; жалпы қан талдауы "
  "және кіші жамбас ағзаларының ультрадыбыстық зерттеуі динамикада "
  "бақыланды.",
  "Назначены [антибактериальная терапия цефазолином 1 г 3 раза в "
  "сутки|утеротоники и холод на низ живота]; контроль ОАК и УЗИ органов "
  "малого таза в динамике." },
{ FM(F_GYN), SC_W | SC_O, 3, 35, 'F', TP_DIAG, "N83.5",
  "Іштің төменгі жағы ауырған {PT} <6-20> сағат бойы «[ішек "
  "шаншуы|жедел гастроэнтерит]» диагнозымен бақыланды; [кіші жамбас "
  "ағзаларының ультрадыбыстық зерттеуі кешігіп жасалды|гинеколог кеңесі "
  "ұйымдастырылмады]. [Оң жақ|Сол жақ] аналық бездің бұралуы анықталды.",
  "^{PT} с болями внизу живота <6-20~час~часа~часов> наблюдалась с "
  "диагнозом «[кишечная колика|острый гастроэнтерит]»; [УЗИ органов "
  "малого таза выполнено с задержкой|консультация гинеколога не была "
  "организована]. Выявлен перекрут [правого|левого] яичника.",
  "Шұғыл лапароскопия, деторсия жасалды[@c:; аналық без өміршең емес "
  "деп танылып, аднексэктомия жасалды|, аналық без сақталды].",
  "Выполнены экстренная лапароскопия, деторсия[@c:; яичник признан "
  "нежизнеспособным, выполнена аднексэктомия|, яичник сохранён]." },
/* --- newborns --- */
{ FM(F_NEO), SC_W | SC_D, 0, 0, 0, TP_NEO, "P21.0",
  "^{PT} ауыр асфиксиямен туылды (Апгар шкаласы бойынша "
  "[1/3|2/4|2/5|3/5] балл); [неонатолог босану залына <7-15> минуттан "
  "кейін келді|қолмен желдетуге арналған қап ақаулы болып шықты], "
  "желдетуді бастау кешікті.",
  "^{PT} [@g:родился|родилась] в тяжёлой асфиксии (оценка по шкале Апгар "
  "[1/3 балла|2/4 балла|2/5 баллов|3/5 баллов]); [неонатолог прибыл в "
  "родильный зал через <7-15> минут|мешок для ручной вентиляции оказался "
  "неисправен], начало вентиляции задержалось.",
  "Бастапқы реанимация жүргізілді: маскамен ӨЖЖ, [кеңірдек "
  "интубациясы|кіндік катетері арқылы адреналин 0,01 мг/кг енгізу]; жаңа "
  "туған нәрестелер реанимациясына ауыстырылып, 72 сағат бойы емдік "
  "гипотермия жүргізілді.",
  "Проведена первичная реанимация: ИВЛ маской, [интубация "
  "трахеи|введение адреналина 0,01 мг/кг через пупочный катетер]; "
  "[@g:переведён|переведена] в отделение реанимации новорождённых, "
  "лечебная гипотермия в течение 72 часов." },
{ FM(F_NEO), SC_W | SC_O, 0, 0, 0, TP_EQUIP, "P07.3 P05.1",
  "Кувезде {AT} дене температурасы <34,5-35,5/0,1> °C тіркелді; себебі — "
  "[температура датчигінің ақаулығы|кувез терезесінің ашық қалуы].",
  "В кувезе {AT} зарегистрирована температура тела <34,5-35,5/0,1> °C; "
  "причина — [неисправность датчика температуры|открытое окошко "
  "кувеза].",
  "Біртіндеп жылыту басталып, қандағы глюкоза бақыланды ([@c:гипогликемия "
  "<1,8-2,4/0,1> ммоль/л, 10% глюкоза 2 мл/кг енгізілді|гликемия "
  "қалыпты]); кувез ауыстырылды.",
  "Начато поэтапное согревание, контроль глюкозы крови ([@c:гипогликемия "
  "<1,8-2,4/0,1> ммоль/л, введена глюкоза 10% 2 мл/кг|гликемия в "
  "норме]); кувез заменён." },
{ FM(F_NEO), SC_W | SC_O | SC_D, 0, 0, 0, TP_MEDS, "P07.3 P22.0 P36.9",
  "[@2:Жаңа туған нәрестелер реанимациясында|Жаңа туған нәрестелер "
  "патологиясы бөлімшесінде] {AT} {PTD} сұйылту кезіндегі қатеден "
  "[@1:гентамициннің (4 мг/кг тағайындалған)|ампициллиннің (50 мг/кг "
  "тағайындалған)|кофеин цитратының (20 мг/кг тағайындалған)] он есе "
  "дозасы енгізілді.",
  "^{PTD} [@2:в отделении реанимации новорождённых|в отделении "
  "патологии новорождённых] {AT} из-за ошибки при разведении введена "
  "десятикратная доза [@1:гентамицина (назначено 4 мг/кг)|ампициллина "
  "(назначено 50 мг/кг)|кофеина цитрата (назначено 20 мг/кг)].",
  "Енгізу тоқтатылды; [@1:бүйрек қызметі мен есту бақыланып, қалдық "
  "концентрация анықталды|бақылау жүргізіліп, құрысуға бейімділік "
  "бағаланды|ЖСЖ мониторингі жүргізіліп, электролиттер бақыланды]; "
  "[@c:<2-5> тәулік бойы қарқынды терапияны қажет еткен бұзылыстар "
  "дамыды|клиникалық көріністер байқалмады].",
  "Введение прекращено; [@1:контроль функции почек и слуха, определение "
  "остаточной концентрации|наблюдение, оценка судорожной "
  "готовности|мониторинг ЧСС, контроль электролитов]; [@c:развились "
  "нарушения, потребовавшие интенсивной терапии в течение "
  "<2-5~суток~суток~суток>|клинических проявлений не отмечено]." },
{ FM(F_NEO), SC_W | SC_D, 0, 0, 0, TP_DETER, "P36.9",
  "Нәрестеде <2-6> тәулік жасында әлсіздік, емшек емуден бас тарту, "
  "[38,4 °C дейін гипертермия|терінің мәрмәрлануы] байқалды; [таңғы "
  "аралауға дейін дәрігер шақырылмады|лейкоцитоз көрсеткен жалпы қан "
  "талдауының нәтижесі уақтылы бағаланбады].",
  "У [@g:новорождённого|новорождённой] в возрасте <2-6~суток~суток~суток> "
  "отмечены вялость, отказ от груди, [гипертермия до 38,4 "
  "°C|мраморность кожи]; [врач не был вызван до утреннего "
  "обхода|результаты ОАК с лейкоцитозом не были своевременно оценены].",
  "Жаңа туған нәрестелер реанимациясына ауыстырылды; қанның себіндісі "
  "алынып, ампициллин және гентамицинмен эмпирикалық бактерияға қарсы "
  "терапия басталды, [жағдайы нашарлағанда — меропенем, минутына "
  "<5-10> мкг/кг допаминмен инотропты қолдау|терапия аясында жағдайы "
  "<2-3> тәулікте тұрақтанды].",
  "^[@g:Переведён|Переведена] в отделение реанимации новорождённых; "
  "взят посев крови, начата эмпирическая антибактериальная терапия "
  "ампициллином и гентамицином, [при ухудшении — меропенем, инотропная "
  "поддержка допамином <5-10> мкг/кг/мин|состояние стабилизировалось на "
  "фоне терапии за <2-3~сутки~суток~суток>]." },
{ FM(F_NEO), SC_W | SC_O, 0, 0, 0, TP_MEDS, "P07.3 P59.9 P22.0",
  "Шеткі катетер арқылы инфузия кезінде {AT} [кальций "
  "глюконаты|12,5% глюкоза] ерітіндісінің экстравазациясы болып, "
  "[@2:қол басының сыртында|тобық буыны аймағында] [@c:жұмсақ тіндердің "
  "некрозы|ісіну мен гиперемия] дамыды.",
  "При инфузии через периферический катетер {AT} произошла "
  "экстравазация раствора [глюконата кальция|глюкозы 12,5%] с "
  "развитием [@c:некроза мягких тканей|отёка и гиперемии] [@2:тыла "
  "кисти|области голеностопного сустава].",
  "Инфузия тоқтатылып, катетер алынды, аяқ-қолға жоғары қалып берілді; "
  "[@c:балалар хирургының кеңесі берілді, <5-9>-тәуліктен бастап "
  "некрэктомия және таңу жүргізілді|ісіну бір тәулік ішінде қайтты].",
  "Инфузия остановлена, катетер удалён, конечности придано возвышенное "
  "положение; [@c:консультация детского хирурга, с <5-9>-х суток — "
  "некрэктомия и перевязки|отёк регрессировал в течение суток]." },
/* --- therapy --- */
{ FM(F_THER), SC_W | SC_O, 18, 100, 0, TP_MEDS, "E11.6 E10.1",
  "Қант диабеті бар {PTD} {AT} [@1:қысқа әсерлі инсулин <20-40/2> бірлік "
  "(тағайындалғаны <4-8/2> бірлік) енгізілді|ұзақ әсерлі инсулин қайта "
  "енгізілді, себебі алдыңғы енгізу тағайындау парағында "
  "белгіленбеген]; [@c:<40-120/10> минуттан кейін гипогликемиялық кома "
  "дамыды, қандағы глюкоза <1,2-2,0/0,1> ммоль/л|бір сағаттан кейін "
  "гликемияны бақылау кезінде глюкозаның <3,0-3,8/0,1> ммоль/л дейін "
  "төмендегені анықталды].",
  "^{PTD} с сахарным диабетом {AT} [@1:введено <20-40/2> ЕД инсулина "
  "короткого действия (назначено <4-8/2> ЕД)|повторно введён инсулин "
  "длительного действия, так как предыдущее введение не было отмечено в "
  "листе назначений]; [@c:через <40-120/10> минут развилась "
  "гипогликемическая кома, глюкоза крови <1,2-2,0/0,1> ммоль/л|при "
  "контроле гликемии через час выявлено снижение глюкозы до "
  "<3,0-3,8/0,1> ммоль/л].",
  "Көктамыр ішіне 40% глюкозаның <40-80/20> мл енгізіліп, кейін 10% "
  "глюкоза инфузиясы жүргізілді; гликемия әр <30-60/30> минут сайын "
  "бақыланды[@c:; реанимация бөлімшесіне ауыстырылды|].",
  "Внутривенно введено <40-80/20> мл 40% глюкозы, далее инфузия 10% "
  "глюкозы; контроль гликемии каждые <30-60/30> минут[@c:; "
  "[@g:переведён|переведена] в ОРИТ|]." },
{ FM(F_THER), SC_W | SC_D, 18, 100, 0, TP_MEDS, NULL,
  "Гипокалиемияны түзету кезінде калий хлоридінің 7,5% ерітіндісі "
  "[тамшылатудың орнына ағынмен енгізілді|тағайындалғаннан <3-5> есе "
  "жоғары жылдамдықпен енгізілді]; {AT} брадиаритмия дамыды.",
  "При коррекции гипокалиемии раствор калия хлорида 7,5% [введён "
  "струйно вместо капельного введения|введён со скоростью, в "
  "<3-5~раз~раза~раз> превышающей назначенную]; {AT} развилась "
  "брадиаритмия.",
  "Инфузия тоқтатылды; кальций глюконаты 10% — 20 мл, глюкозамен "
  "инсулин енгізілді; [@d:жүрек-өкпе реанимациясы, уақытша "
  "электрокардиостимуляция жүргізілді|ЭКГ мониторингі жүргізілді, 1 "
  "сағаттан кейін сарысудағы калий — <5,6-6,8/0,1> ммоль/л].",
  "Инфузия прекращена; введены кальция глюконат 10% — 20 мл, инсулин с "
  "глюкозой; [@d:проводились сердечно-лёгочная реанимация, временная "
  "электрокардиостимуляция|мониторинг ЭКГ, калий сыворотки через 1 час "
  "— <5,6-6,8/0,1> ммоль/л]." },
{ FM(F_THER) | FM(F_CARD), SC_W | SC_O, 40, 100, 0, TP_MEDS, "I48.0",
  "[<2-4> апта бойы|Терапияға кларитромицин қосылғаннан кейін] ХҚҚ "
  "бақылаусыз варфарин қабылдау аясында [асқазан-ішектен қан "
  "кету|гематурия және мұрыннан қан кету] дамыды; ХҚҚ <5,8-9,5/0,1>.",
  "На фоне приёма варфарина без контроля МНО [в течение "
  "<2-4~недели~недель~недель>|после добавления к терапии "
  "кларитромицина] [развилось желудочно-кишечное "
  "кровотечение|развились гематурия и носовое кровотечение]; МНО "
  "<5,8-9,5/0,1>.",
  "Варфарин тоқтатылды; көктамыр ішіне фитоменадион 10 мг[, протромбин "
  "кешенінің концентраты <25-50/5> бірлік/кг|, жаңа мұздатылған плазма "
  "<10-15> мл/кг] енгізілді; [@c:эндоскопиялық гемостазбен ФГДС "
  "жасалып, эритроцит суспензиясының <2-3> дозасы құйылды|24 сағаттан "
  "кейін ХҚҚ — <1,8-2,5/0,1>].",
  "Варфарин отменён; введены фитоменадион 10 мг внутривенно[, концентрат "
  "протромбинового комплекса <25-50/5> ЕД/кг|, свежезамороженная плазма "
  "<10-15> мл/кг]; [@c:выполнена ФГДС с эндоскопическим гемостазом, "
  "перелито <2-3~доза~дозы~доз> эритроцитной взвеси|МНО через 24 часа — "
  "<1,8-2,5/0,1>]." },
{ FM(F_THER) | FM(F_CARD), SC_W | SC_O, 40, 100, 0, TP_MEDS, NULL,
  "Түсу кезінде [{PTG} үйде қабылдаған дәрілерінің тізімі "
  "нақтыланбады|кардиолог амбулаториялық тағайындаған дәрілер "
  "ескерілмеді]; [@1:метопролол|бисопролол|амлодипин] қайталап екі есе "
  "дозада тағайындалды, {AT} [@1:минутына <38-46> брадикардия|минутына "
  "<38-46> брадикардия|гипотония (АҚ <70-85/5>/<40-50/5> сын. бағ. мм)] "
  "тіркелді.",
  "При поступлении [не уточнён перечень препаратов, которые {PT} "
  "[@g:принимал|принимала] дома|не учтены препараты, назначенные "
  "кардиологом амбулаторно]; [@1:метопролол|бисопролол|амлодипин] "
  "назначен повторно в удвоенной дозе, {AT} зарегистрирована "
  "[@1:брадикардия <38-46> в минуту|брадикардия <38-46> в "
  "минуту|гипотония (АД <70-85/5>/<40-50/5> мм рт. ст.)].",
  "Дәрі тоқтатылды; [@1:көктамыр ішіне атропин 0,5 мг "
  "енгізілді|көктамыр ішіне атропин 0,5 мг енгізілді|<500-1000/250> мл "
  "инфузиялық жүктеме жүргізілді]; бір тәулік бойы АҚ және ЖСЖ "
  "мониторингі жүргізілді.",
  "Препарат отменён; [@1:введён атропин 0,5 мг внутривенно|введён "
  "атропин 0,5 мг внутривенно|проведена инфузионная нагрузка "
  "<500-1000/250> мл]; мониторинг АД и ЧСС в течение суток." },
{ FM(F_THER) | FM(F_INF), SC_W | SC_D, 18, 100, 0, TP_DETER,
  "J18.9 N39.0 A41.9",
  "Түнгі уақытта {PTG} [АҚ <80-90/5>/<45-55/5> сын. бағ. мм дейін "
  "төмендеуі және минутына <115-135/5> дейін тахикардия|сананың "
  "шатасуы және диурездің азаюы] байқалды; [кезекші дәрігерге "
  "хабарланбады|ерте ескерту шкаласы бойынша бағалау жүргізілмеді], "
  "қарқынды терапия тек {AT2} басталды.",
  "У {PTG} в ночное время [отмечались снижение АД до "
  "<80-90/5>/<45-55/5> мм рт. ст. и тахикардия до <115-135/5> в "
  "минуту|отмечались спутанность сознания и снижение диуреза]; "
  "[дежурный врач не был информирован|оценка по шкале раннего "
  "предупреждения не проводилась], интенсивная терапия начата лишь "
  "{AT2}.",
  "Реанимация бөлімшесіне ауыстырылды; кристаллоидтар инфузиясы 30 "
  "мл/кг, гемокультураға қан алу, [меропенеммен|азитромицинмен бірге "
  "цефтриаксонмен] эмпирикалық бактерияға қарсы терапия, [минутына "
  "<0,10-0,40/0,05> мкг/кг норадреналин|мұрын канюлялары арқылы оттегі "
  "терапиясы] жүргізілді.",
  "^[@g:Переведён|Переведена] в ОРИТ; проведены инфузия кристаллоидов "
  "30 мл/кг, забор гемокультуры, эмпирическая антибактериальная терапия "
  "[меропенемом|цефтриаксоном с азитромицином], [норадреналин "
  "<0,10-0,40/0,05> мкг/кг/мин|оксигенотерапия через носовые "
  "канюли]." },
/* --- cardiology, cardiac surgery --- */
{ FM(F_CARD), SC_W | SC_D, 30, 100, 0, TP_DIAG, "I21.0|I21.1",
  "Миокардтың [@1:алдыңғы қабырғасының|төменгі қабырғасының] жедел "
  "инфарктісі бар {PT} {AT} жеткізілді; [@2:ангиографтың "
  "ақаулығынан|рентгеноперациялық бөлменің бос болмауынан] "
  "[коронарография түскен сәттен тек <140-260/10> минуттан кейін "
  "жасалды|тромболизис туралы шешім <60-120/10> минутқа кешігіп "
  "қабылданды].",
  "^{PT} с острым инфарктом миокарда [@1:передней стенки|нижней стенки] "
  "[@g:доставлен|доставлена] {AT}; [коронарография выполнена лишь через "
  "<140-260/10> минут от поступления|решение о тромболизисе принято с "
  "задержкой на <60-120/10> минут] из-за [@2:неисправности "
  "ангиографа|занятости рентгеноперационной].",
  "[@1:Алдыңғы төмендейтін|Оң жақ коронарлық] артерияға стент қойылды; "
  "[@d:кардиогендік шок дамып, инотропты қолдау жүргізілді|ЭхоКГ "
  "бойынша лақтыру фракциясы <35-45>%].",
  "Выполнено стентирование [@1:передней нисходящей|правой коронарной] "
  "артерии; [@d:развился кардиогенный шок, проводилась инотропная "
  "поддержка|фракция выброса по ЭхоКГ <35-45>%]." },
{ FM(F_CARD), SC_W | SC_O, 35, 95, 0, TP_MEDS, "I48.0",
  "Ұзақтығы 48 сағаттан асатын жүрекшелер фибрилляциясына байланысты "
  "электрлік кардиоверсия алдында [өңеш арқылы ЭхоКГ "
  "жасалмады|антикоагулянттық дайындық жүргізілмеді]; [@c:ырғақ қалпына "
  "келгеннен <3-10> сағаттан кейін оң жақты гемиплегия дамыды|қате "
  "дайындық барысында анықталып, рәсім кейінге қалдырылды].",
  "Перед электрической кардиоверсией по поводу фибрилляции предсердий "
  "продолжительностью более 48 часов [не выполнена чреспищеводная "
  "ЭхоКГ|не проведена антикоагулянтная подготовка]; [@c:через "
  "<3-10~час~часа~часов> после восстановления ритма развилась "
  "правосторонняя гемиплегия|ошибка выявлена в процессе подготовки, "
  "процедура отложена].",
  "[@c:Бас миының КТ-сы жасалып, ортаңғы ми артериясынан тромбэкстракция "
  "жүргізілді; неврология бөлімшесіне ауыстырылды|Тәулігіне 2 рет "
  "апиксабан 5 мг тағайындалды; кардиоверсия 3 аптадан кейін "
  "жасалды].",
  "[@c:Выполнены КТ головного мозга, тромбэкстракция из средней "
  "мозговой артерии; [@g:переведён|переведена] в неврологическое "
  "отделение|Назначен апиксабан 5 мг 2 раза в сутки; кардиоверсия "
  "выполнена через 3 недели]." },
{ FM(F_CARD), SC_W | SC_D, 30, 95, 0, TP_DETER, "I44.2|I21.4|I47.2",
  "[@1:Тұрақты электрокардиостимулятор имплантациясынан|Тері арқылы "
  "коронарлық араласудан|Кардиовертер-дефибриллятор имплантациясынан "
  "(37.94)] кейін {AT2} гипотония, мойын веналарының ісінуі пайда "
  "болды; ЭхоКГ бойынша — тампонада белгілері бар гемоперикард.",
  "После [@1:имплантации постоянного электрокардиостимулятора|чрескожного "
  "коронарного вмешательства|имплантации кардиовертера-дефибриллятора "
  "(37.94)] {AT2} появились гипотония, набухание шейных вен; по данным "
  "ЭхоКГ — гемоперикард с признаками тампонады.",
  "Ультрадыбыстық бақылаумен шұғыл перикардиоцентез жасалып, "
  "<200-450/10> мл қан шығарылды; [@d:жүрек-өкпе реанимациясы "
  "жүргізілді|дренаж <2-3> тәуліктен кейін алынды].",
  "Выполнен экстренный перикардиоцентез под контролем УЗИ, эвакуировано "
  "<200-450/10> мл крови; [@d:проводилась сердечно-лёгочная "
  "реанимация|дренаж удалён через <2-3~сутки~суток~суток>]." },
{ FM(F_CSURG), SC_W | SC_D, 30, 85, 0, TP_SURG, "I25.1|I35.0|I34.0",
  "[@1:Аортокоронарлық шунттаудан|Қолқа қақпақшасын "
  "протездеуден|Митралды қақпақшаны протездеуден] кейін [айқын жүрек "
  "жеткіліксіздігіне|операция кезеңіндегі миокард инфарктісіне] "
  "байланысты жасанды қан айналымын ажырату мүмкін болмады; "
  "веноартериялық ЭКМО қосылды (39.65).",
  "После [@1:аортокоронарного шунтирования|протезирования аортального "
  "клапана|протезирования митрального клапана] не удалось отключить "
  "искусственное кровообращение из-за [выраженной сердечной "
  "недостаточности|периоперационного инфаркта миокарда]; подключена "
  "вено-артериальная ЭКМО (39.65).",
  "ЭКМО <4-9> тәулік бойы жалғасты; [канюляция орындарынан қан кетумен "
  "және аяқтың ишемиясымен асқынды|сәтті деканюляция жүргізілді]. "
  "Добутамин, адреналинмен инотропты қолдау көрсетілді.",
  "ЭКМО продолжалась <4-9> суток; [осложнилась кровотечением из мест "
  "канюляции и ишемией нижней конечности|проведена успешная "
  "деканюляция]. Инотропная поддержка добутамином, адреналином." },
{ FM(F_CSURG), SC_W | SC_D, 30, 85, 0, TP_HAI, "I25.1|I35.0",
  "[@1:Аортокоронарлық шунттаудан|Қолқа қақпақшасын протездеуден] "
  "кейінгі <7-14>-тәулікте стернотомиялық жарадан ірің бөлінуі, төс "
  "сүйегінің тұрақсыздығы анықталды; [алдыңғы медиастинит|төс жарасының "
  "терең инфекциясы] диагнозы қойылды.",
  "На <7-14>-е сутки после [@1:аортокоронарного "
  "шунтирования|протезирования аортального клапана] выявлены гнойное "
  "отделяемое из стернотомной раны, нестабильность грудины; "
  "диагностирована [передний медиастинит|глубокая инфекция стернальной "
  "раны].",
  "Жараны хирургиялық өңдеу, вакуумдық терапия, [төс сүйегінің қайта "
  "остеосинтезі|бұлшықет кесіндісімен пластика] жүргізілді; "
  "сезімталдығы бойынша бактерияға қарсы терапия ([ванкомицин|линезолид] "
  "<3-6> апта бойы).",
  "Проведены хирургическая обработка раны, вакуумная терапия, "
  "[повторный остеосинтез грудины|пластика мышечным лоскутом]; "
  "антибактериальная терапия по чувствительности "
  "([ванкомицин|линезолид] в течение <3-6~недели~недель~недель>)." },
/* --- anesthesiology --- */
{ FM(F_ANES), SC_W | SC_O | SC_D, 18, 95, 0, TP_ANES, "T88.4",
  "[@1:Жоспарлы холецистэктомия|Жарық тілу|Тиреоидэктомия] алдында "
  "кіріспе анестезия кезінде {AT} [интубациялық түтік өңешке орнатылып, "
  "бұл <3-6> минут бойы анықталмады|кеңірдекті <3-4> әрекетпен "
  "интубациялау мүмкін болмады]; SpO2 <55-75>% дейін төмендеді.",
  "При вводной анестезии перед [@1:плановой "
  "холецистэктомией|грыжесечением|тиреоидэктомией] {AT} "
  "[интубационная трубка была установлена в пищевод, что не распознано "
  "в течение <3-6~минуты~минут~минут>|интубация трахеи не удалась с "
  "<3-4> попыток]; SpO2 снизилась до <55-75>%.",
  "Түтік бейнеларингоскоп бақылауымен қайта орнатылып, орны "
  "капнографиямен расталды; [@c:операциядан кейін ұзартылған ӨЖЖ үшін "
  "реанимация бөлімшесіне ауыстырылды, гипоксиялық энцефалопатия "
  "белгілері байқалды|операция жоспарланған көлемде орындалып, үстелде "
  "экстубация жасалды].",
  "Трубка переустановлена под контролем видеоларингоскопа, положение "
  "подтверждено капнографией; [@c:после операции "
  "[@g:переведён|переведена] в ОРИТ на продлённую ИВЛ, отмечены признаки "
  "гипоксической энцефалопатии|операция выполнена в запланированном "
  "объёме, экстубация на столе]." },
{ FM(F_ANES) | FM(F_PANES), SC_W | SC_D, 3, 80, 0, TP_ANES, "T88.3",
  "[Севофлуранмен|Десфлуранмен] наркоз кезінде суксаметоний "
  "енгізілгеннен кейін {AT} шайнау бұлшықеттерінің ригидтілігі, дем "
  "шығарудағы көмірқышқыл газының <70-95> сын. бағ. мм дейін артуы, "
  "<39,5-41,2/0,1> °C дейін гипертермия байқалды.",
  "Во время наркоза [севофлураном|десфлураном] после введения "
  "суксаметония {AT} отмечены ригидность жевательных мышц, рост "
  "углекислого газа в выдыхаемом воздухе до <70-95> мм рт. ст., "
  "гипертермия до <39,5-41,2/0,1> °C.",
  "Ингаляциялық анестетик тоқтатылып, 100% оттегімен гипервентиляция, "
  "[көктамыр ішіне дантролен 2,5 мг/кг|дантролен операциялық блокта "
  "болмай, <40-90/5> минуттан кейін жеткізілді], физикалық салқындату, "
  "гиперкалиемияны түзету жүргізілді.",
  "Ингаляционный анестетик отменён, гипервентиляция 100% кислородом, "
  "[дантролен 2,5 мг/кг внутривенно|дантролен отсутствовал в "
  "операционном блоке и доставлен через <40-90/5> минут], физическое "
  "охлаждение, коррекция гиперкалиемии." },
{ FM(F_ANES), SC_W | SC_O, 18, 90, 0, TP_ANES, "O82|M16.1|N40",
  "[@1:Кесар тілігі|Жамбас-сан буынын эндопротездеу|Трансуретралдық "
  "резекция] алдында [бупивакаин 0,5% — <12-20> мг|ропивакаин] арқылы "
  "спинальды анестезиядан <5-15> минуттан кейін жоғары спинальды блок "
  "дамыды: минутына <35-45> брадикардия, АҚ <60-75/5>/<30-40/5> сын. "
  "бағ. мм, тыныс алудың қиындауы.",
  "После спинальной анестезии [бупивакаином 0,5% — <12-20> "
  "мг|ропивакаином] перед [@1:кесаревым "
  "сечением|эндопротезированием тазобедренного сустава|трансуретральной "
  "резекцией] через <5-15~минуту~минуты~минут> развился высокий "
  "спинальный блок: брадикардия <35-45> в минуту, АД "
  "<60-75/5>/<30-40/5> мм рт. ст., затруднение дыхания.",
  "[<10-20/5> мг эфедрин|<100-200/50> мкг фенилэфрин] және атропин 0,5 "
  "мг енгізіліп, кристаллоидтар инфузиясы жүргізілді; [@c:кеңірдек "
  "интубациясы және <1-3> сағат бойы ӨЖЖ қажет болды|жағдайы "
  "интубациясыз тұрақтандырылып, операция жалғастырылды].",
  "Введены [эфедрин <10-20/5> мг|фенилэфрин <100-200/50> мкг] и атропин "
  "0,5 мг, инфузия кристаллоидов; [@c:потребовались интубация трахеи и "
  "ИВЛ в течение <1-3~часа~часов~часов>|состояние стабилизировано без "
  "интубации, операция продолжена]." },
{ FM(F_ANES) | FM(F_PANES), SC_W | SC_O | SC_D, 0, 100, 0, TP_EQUIP,
  NULL,
  "Реанимация бөлімшесінде {AT} ӨЖЖ аппаратының тыныс алу контуры "
  "ажырап кетті; [дабыл белгісі өшірулі болды|дабыл белгісін "
  "қызметкерлер естімеді], SpO2 <50-70>% дейін төмендегені <4-10> "
  "минуттан кейін анықталды.",
  "В ОРИТ {AT} произошло рассоединение дыхательного контура аппарата "
  "ИВЛ; [тревожная сигнализация была отключена|сигнал тревоги не был "
  "услышан персоналом], десатурация до <50-70>% выявлена через "
  "<4-10~минуту~минуты~минут>.",
  "Контур қалпына келтіріліп, 100% оттегімен ӨЖЖ жүргізілді[@c:; "
  "брадикардия дамып, <2-5> минут бойы жүрекке жанама массаж жасалды, "
  "адреналин енгізілді|; сатурация бір минут ішінде <94-98>% дейін "
  "қалпына келді].",
  "Контур восстановлен, ИВЛ 100% кислородом[@c:; развилась брадикардия, "
  "проводился непрямой массаж сердца в течение <2-5~минуты~минут~минут>, "
  "введён адреналин|; сатурация восстановлена до <94-98>% в течение "
  "минуты]." },
{ FM(F_ANES) | FM(F_PANES), SC_W | SC_O, 1, 95, 0, TP_ANES, NULL,
  "^{AT} [@1:бұғанаасты|ішкі мойындырық] венасын [ультрадыбыстық "
  "навигациясыз|<2-4> әрекетпен] катетерлеу кезінде [@c:пневмоторакс "
  "дамыды, SpO2 <84-91>% дейін төмендеді|пневмоторакс белгілерісіз тері "
  "астындағы гематома пайда болды]; [катетерлеуді "
  "[резидент|кезекші анестезиолог] жүргізді|науқаста семіздік бар "
  "еді|коагулограмма алдын ала бағаланбады].",
  "^{AT} при катетеризации [@1:подключичной|внутренней яремной] вены "
  "[без ультразвуковой навигации|с <2-4> попыток] [@c:развился "
  "пневмоторакс, SpO2 снизилась до <84-91>%|образовалась подкожная "
  "гематома без признаков пневмоторакса]; [катетеризацию выполнял "
  "[резидент|дежурный анестезиолог]|у пациента имелось "
  "ожирение|коагулограмма предварительно не оценена].",
  "[@c:Плевра қуысы дренаждалып, өкпе <1-3> тәуліктен кейін "
  "жазылды|Гематома жергілікті суықпен басылып, катетер ультрадыбыстық "
  "бақылаумен басқа венаға орнатылды].",
  "[@c:Выполнено дренирование плевральной полости, лёгкое расправлено "
  "через <1-3~сутки~суток~суток>|Гематома купирована местным холодом, "
  "катетер установлен в другую вену под контролем УЗИ]." },
{ FM(F_PANES), SC_W | SC_O | SC_D, 1, 17, 0, TP_ANES,
  "J35.3|J35.0|K40.9|K35.8",
  "[@1:Аденотомиядан|Тонзиллэктомиядан|Жарық тілуден|Аппендэктомиядан] "
  "кейін экстубация кезінде {AT} ларингоспазм, SpO2 <40-70>% дейін "
  "төмендеуі, минутына <50-70> брадикардия дамыды.",
  "После [@1:аденотомии|тонзиллэктомии|грыжесечения|аппендэктомии] при "
  "экстубации {AT} развились ларингоспазм, десатурация до <40-70>%, "
  "брадикардия <50-70> в минуту.",
  "Оң қысыммен 100% оттегімен маска арқылы желдету жүргізіліп, "
  "[пропофол 1 мг/кг|сукцинилхолин 1 мг/кг және атропин 0,02 мг/кг] "
  "енгізілді, қайта интубация жасалды[@c:; өкпе ісінуі дамып, <1-3> "
  "тәулік реанимация бөлімшесінде ӨЖЖ жүргізілді|; <30-60/10> минуттан "
  "кейін асқынусыз қайта экстубация жасалды].",
  "Вентиляция маской 100% кислородом с положительным давлением, введены "
  "[пропофол 1 мг/кг|сукцинилхолин 1 мг/кг и атропин 0,02 мг/кг], "
  "реинтубация[@c:; развился отёк лёгких, ИВЛ в отделении реанимации в "
  "течение <1-3~суток~суток~суток>|; повторная экстубация через "
  "<30-60/10> минут без осложнений]." },
/* --- pediatrics, pediatric surgery --- */
{ FM(F_PED), SC_W | SC_O | SC_D, 1, 17, 0, TP_MEDS, NULL,
  "^{PTD} {AT} дене салмағына есептеудегі қатеден "
  "[@1:парацетамол|гентамицин|ибупрофен] жас мөлшерінен <3-10> есе "
  "асатын дозада [@1:енгізілді|енгізілді|берілді].",
  "^{PTD} {AT} из-за ошибки в расчёте на массу тела [@1:введён "
  "парацетамол|введён гентамицин|дан ибупрофен] в дозе, превышающей "
  "возрастную в <3-10~раз~раза~раз>.",
  "[@1:Хаттама бойынша ацетилцистеин тағайындалып, бауыр "
  "трансаминазалары бақыланды|Бүйрек қызметі және есту бақыланып, "
  "инфузиялық терапия жүргізілді|Инфузиялық терапия, гастропротекция "
  "жүргізіліп, бүйрек қызметі бақыланды]; [@c:АЛТ <250-900/50> бірлік/л "
  "дейін жоғарылағаны анықталып, <2-4> тәулік реанимация бөлімшесінде "
  "емделді|талдауларда ауытқулар анықталмады].",
  "[@1:Назначен ацетилцистеин по протоколу, контроль печёночных "
  "трансаминаз|Контроль функции почек и слуха, инфузионная "
  "терапия|Инфузионная терапия, гастропротекция, контроль функции "
  "почек]; [@c:выявлено повышение АЛТ до <250-900/50> ед/л, лечение в "
  "ОРИТ <2-4~суток~суток~суток>|отклонений в анализах не выявлено]." },
{ FM(F_PED) | FM(F_INF), SC_W | SC_D, 0, 6, 0, TP_DETER, "A09|A08.0",
  "[@1:Жедел гастроэнтериті|Ротавирус инфекциясы] және [орташа|айқын] "
  "сусыздану белгілері бар {PT} <6-16> сағат бойы көктамыр ішілік "
  "регидратациясыз бақыланды; [дәрігер сусыздану дәрежесін "
  "бағаламады|диурез бақыланбады]. ^{AT} құрысулар мен сананың тежелуі "
  "дамыды, қандағы натрий <152-165> ммоль/л.",
  "^{PT} с [@1:острым гастроэнтеритом|ротавирусной инфекцией] и "
  "признаками [умеренной|выраженной] дегидратации "
  "[@g:наблюдался|наблюдалась] <6-16~час~часа~часов> без внутривенной "
  "регидратации; [врач не оценил степень обезвоживания|не "
  "контролировался диурез]. ^{AT} развились судороги и угнетение "
  "сознания, натрий крови <152-165> ммоль/л.",
  "Реанимация бөлімшесіне ауыстырылды; натрийді әр 4 сағат сайын "
  "бақылай отырып гипернатриемия баяу түзетілді, құрысуға қарсы терапия "
  "жүргізілді ([тік ішек арқылы диазепам 0,5 мг/кг|көктамыр ішіне "
  "мидазолам 0,2 мг/кг]).",
  "^[@g:Переведён|Переведена] в ОРИТ; медленная коррекция "
  "гипернатриемии с контролем натрия каждые 4 часа, противосудорожная "
  "терапия ([диазепам 0,5 мг/кг ректально|мидазолам 0,2 мг/кг "
  "внутривенно])." },
{ FM(F_PED), SC_W | SC_O | SC_OUT, 0, 17, 0, TP_MEDS, "Z00.1",
  "^{PTD} {AT} екпе кабинетінде [ұлттық күнтізбе бойынша жасына сәйкес "
  "келмейтін вакцина|жарамдылық мерзімі өткен вакцина|<2-4> апта бұрын "
  "алған вакцинасы қайта] енгізілді; [@c:<1-2> сағаттан кейін "
  "аллергиялық реакция дамыды|вакцинадан кейінгі реакциялар "
  "байқалмады].",
  "^{PTD} {AT} в прививочном кабинете введена [вакцина, не "
  "соответствующая "
  "возрасту по национальному календарю|вакцина с истёкшим сроком "
  "годности|повторно вакцина, уже полученная <2-4~неделю~недели~недель> "
  "ранее]; [@c:через <1-2~час~часа~часов> развилась аллергическая "
  "реакция|поствакцинальных реакций не отмечено].",
  "[3 тәулік бойы|Учаскелік педиатрдың үйде] бақылауы ұйымдастырылды; "
  "ата-анасына хабарланды; [@c:антигистаминдік терапия жүргізіліп, "
  "реакция басылды|иммунологтың кеңесі берілді, екпелердің жеке кестесі "
  "жасалды].",
  "Организовано наблюдение [в течение 3 суток|участковым педиатром на "
  "дому]; родители проинформированы; [@c:проведена антигистаминная "
  "терапия, реакция купирована|консультация иммунолога, составлен "
  "индивидуальный график прививок]." },
{ FM(F_PSURG), SC_W | SC_O | SC_OUT, 0, 4, 0, TP_DIAG, "K56.1",
  "Іштің ұстамалы ауыруы және [құсу|нәжісте қан қоспасы] бар {PT} "
  "<8-20> сағат бойы «[ішек шаншуы|жедел гастроэнтерит]» диагнозымен "
  "бақыланды; құрсақ қуысының ультрадыбыстық зерттеуі кешігіп жасалып, "
  "[илеоцекальды инвагинация|жіңішке ішек инвагинациясы] анықталды.",
  "^{PT} с приступообразными болями в животе и [рвотой|примесью крови в "
  "стуле] <8-20~час~часа~часов> [@g:наблюдался|наблюдалась] с диагнозом "
  "«[кишечная колика|острый гастроэнтерит]»; УЗИ брюшной полости "
  "выполнено с задержкой, выявлена [илеоцекальная "
  "инвагинация|тонкокишечная инвагинация].",
  "[@c:Пневматикалық дезинвагинация нәтижесіз болды; лапаротомия "
  "жасалып, ішектің некрозданған <10-25> см бөлігі "
  "резекцияланды|Ультрадыбыстық бақылаумен гидростатикалық "
  "дезинвагинация сәтті жасалды].",
  "[@c:Пневматическая дезинвагинация безуспешна; выполнены "
  "лапаротомия, резекция участка некротизированной кишки <10-25> "
  "см|Успешно выполнена гидростатическая дезинвагинация под контролем "
  "УЗИ]." },
{ FM(F_PSURG), SC_W | SC_O | SC_OUT, 1, 17, 'M', TP_DIAG, "N44",
  "[@1:Ұманың сол жақ|Ұманың оң жақ] бөлігінде жедел ауырсынуы бар {PT} "
  "[педиатр қарап|қабылдау бөлімшесінде қаралып], балалар хирургының "
  "кеңесінсіз [үйге жіберілді|бақылауға қалдырылды]; <8-24> сағаттан "
  "кейін аталық бездің бұралуы анықталды.",
  "^{PT} с острой болью в [@1:левой|правой] половине мошонки [осмотрен "
  "педиатром|осмотрен в приёмном отделении] и без консультации детского "
  "хирурга [отпущен домой|оставлен под наблюдением]; через "
  "<8-24~час~часа~часов> диагностирован перекрут яичка.",
  "Ұманы шұғыл ревизиялау, деторсия жасалды; [@c:аталық без өміршең "
  "емес, орхэктомия жасалды|жылытудан кейін аталық без өміршең деп "
  "танылып, орхопексия жасалды].",
  "Выполнены экстренная ревизия мошонки, деторсия; [@c:яичко "
  "нежизнеспособно, выполнена орхэктомия|яичко после согревания "
  "признано жизнеспособным, орхопексия]." },
/* --- trauma, burns --- */
{ FM(F_TRAUMA), SC_W, 50, 100, 0, TP_SKIN, "S72.0",
  "Сан сүйегі мойнының сынуы бар {PT} [@2:импланттардың "
  "болмауынан|операциялық бөлменің бос болмауынан|терапевт кеңесінің "
  "уақтылы берілмеуінен] түскеннен кейін <72-120/12> сағаттан соң "
  "операцияланды; осы кезеңде [@3:сегізкөз аймағында II дәрежелі "
  "ойылу|гипостатикалық пневмония] дамыды.",
  "^{PT} с переломом шейки бедра [@g:оперирован|оперирована] через "
  "<72-120/12~час~часа~часов> после поступления [@2:из-за отсутствия "
  "имплантов|в связи с загруженностью операционной|из-за "
  "несвоевременной консультации терапевта]; за этот период развилась "
  "[@3:пролежень крестцовой области II степени|гипостатическая "
  "пневмония].",
  "[Жамбас-сан буынын эндопротездеу|Канюляцияланған бұрандалармен сан "
  "мойнын остеосинтездеу] жасалды; [@3:ойылуды емдеу, ойылуға қарсы "
  "матрас|бактерияға қарсы терапия, тыныс алу гимнастикасы], "
  "эноксапаринмен тромбоэмболиялық асқынулардың алдын алу жүргізілді.",
  "Выполнен [эндопротезирование тазобедренного сустава|остеосинтез "
  "шейки бедра канюлированными винтами]; [@3:лечение пролежня, "
  "противопролежневый матрас|антибактериальная терапия, дыхательная "
  "гимнастика], профилактика тромбоэмболических осложнений "
  "эноксапарином." },
{ FM(F_TRAUMA), SC_W | SC_O, 5, 90, 0, TP_DETER, "S82.2|S82.2|S52.5",
  "[@1:Жіліншік сүйектерінің сынуы бойынша репозиция жасалып, "
  "циркулярлық гипс таңғыш салынғаннан|Үлкен жіліншікті "
  "остеосинтездеуден|Білек сынығын репозициялаудан] кейін {AT2} {PT} "
  "үдемелі "
  "ауырсынуға және саусақтарының ұюына шағымданды; [шағымдар әдеттегі "
  "операциядан кейінгі ауырсыну синдромы ретінде бағаланды|таңғыш "
  "<6-12> сағат бойы кесілмеді].",
  "После [@1:репозиции и наложения циркулярной гипсовой повязки по "
  "поводу перелома костей голени|остеосинтеза большеберцовой "
  "кости|репозиции перелома предплечья] {AT2} {PT} "
  "[@g:пожаловался|пожаловалась] на нарастающие боли и онемение "
  "пальцев; [жалобы расценены как обычный "
  "послеоперационный болевой синдром|повязка не рассекалась в течение "
  "<6-12~часа~часов~часов>].",
  "Компартмент-синдром анықталды; шұғыл фасциотомия жасалды[@c:, "
  "<4-6>-тәулікте өміршең емес бұлшықеттерге некрэктомия "
  "жүргізілді|, қанмен қамтамасыз ету қалпына келді].",
  "Диагностирован компартмент-синдром; выполнена экстренная "
  "фасциотомия[@c:, на <4-6>-е сутки — некрэктомия нежизнеспособных "
  "мышц|, кровоснабжение восстановлено]." },
{ FM(F_TRAUMA), SC_W, 40, 90, 0, TP_HAI, "T84.5",
  "[@1:Жамбас-сан буынын|Тізе буынын] эндопротездеуден <3-8> аптадан "
  "кейін операциядан кейінгі тыртық аймағында ауырсыну, ісіну және "
  "іріңді жыланкөз пайда болды; [операция алдындағы антибиотикпен алдын "
  "алу тілікке дейін 60 минуттан кешірек енгізілген|операциялық бөлмеде "
  "желдету режимінің бұзылуы тіркелген].",
  "Через <3-8~неделю~недели~недель> после эндопротезирования "
  "[@1:тазобедренного|коленного] сустава появились боли, отёк и свищ с "
  "гнойным отделяемым в области послеоперационного рубца; "
  "[антибиотикопрофилактика была введена позже чем за 60 минут до "
  "разреза|в операционной зафиксировано нарушение режима "
  "проветривания].",
  "[Ревизия, төсемді ауыстыра отырып дебридмент|Антибиотигі бар спейсер "
  "орната отырып эндопротезді алып тастау] жасалды, себінді — [алтын "
  "түсті стафилококк|эпидермальді стафилококк]; кемінде 6 апта "
  "[ванкомицинмен|цефазолин және рифампицинмен] бактерияға қарсы "
  "терапия.",
  "Выполнены [ревизия, дебридмент с заменой вкладыша|удаление "
  "эндопротеза с установкой спейсера с антибиотиком], посев — "
  "[золотистый стафилококк|эпидермальный стафилококк]; антибактериальная "
  "терапия [ванкомицином|цефазолином и рифампицином] не менее 6 "
  "недель." },
{ FM(F_BURN), SC_W | SC_D, 1, 90, 0, TP_DETER, "T31.2|T31.3|T31.4",
  "Дене бетінің [@1:<20-29>|<30-39>|<40-45>]%-ы термиялық күйген {PTD} "
  "түскеннен кейінгі алғашқы 8 сағатта есептік формула бойынша "
  "инфузия көлемінің тек <30-50>%-ы енгізілді; диурез сағатына "
  "<0,1-0,3/0,1> мл/кг дейін төмендеді.",
  "В первые 8 часов после поступления {PTD} с термическим ожогом "
  "[@1:<20-29>|<30-39>|<40-45>]% поверхности тела введено лишь "
  "<30-50>% расчётного объёма инфузии; диурез снизился до "
  "<0,1-0,3/0,1> мл/кг/ч.",
  "Инфузиялық терапия түзетілді, [бүйректің жедел зақымдануы дамып, "
  "<2-4> гемодиализ сеансы жүргізілді|диурез қалпына келді]; [ерте "
  "некрэктомия және аутодермопластика|күміс қосылған таңғыштармен "
  "таңу] жүргізілді.",
  "Инфузионная терапия скорректирована, [развилось острое почечное "
  "повреждение, проведено <2-4> сеанса гемодиализа|диурез "
  "восстановлен]; [ранняя некрэктомия и аутодермопластика|перевязки с "
  "повязками с серебром]." },
{ FM(F_BURN), SC_W, 1, 90, 0, TP_HAI, "T24.3|T21.3",
  "[@1:Аяқтың|Дененің] аутодермопластикасынан кейінгі <5-9>-тәулікте "
  "трансплантаттардың <30-60/10>%-ының лизисі байқалды, себебі — жара "
  "инфекциясы ([көкіріңді таяқша|алтын түсті стафилококк]); [таңу "
  "асептика сақталмай жүргізілді|таңғыштар жүйесіз ауыстырылды].",
  "На <5-9>-е сутки после аутодермопластики [@1:нижней "
  "конечности|туловища] отмечен лизис <30-60/10>% трансплантатов, "
  "причина — раневая инфекция ([синегнойная палочка|золотистый "
  "стафилококк]); [перевязки выполнялись без соблюдения "
  "асептики|смена повязок проводилась нерегулярно].",
  "Бактериологиялық бақылау жүргізіліп, сезімталдығы бойынша бактерияға "
  "қарсы терапия ауыстырылды, <7-12> тәуліктен кейін қайта "
  "аутодермопластика жасалды.",
  "Проведены бактериологический контроль, смена антибактериальной "
  "терапии по чувствительности, повторная аутодермопластика через "
  "<7-12> суток." },
/* --- neurology, neurosurgery --- */
{ FM(F_NEURO), SC_W | SC_D, 35, 95, 0, TP_DIAG, "I63.5",
  "[Оң жақты гемипарезі және афазиясы|Сол жақты гемипарезі] бар {PT} "
  "белгілер басталғаннан <70-150/5> минуттан кейін қабылдау бөлімшесіне "
  "жеткізілді; бас миының КТ-сы [@2:томографтың "
  "ақаулығынан|рентген-зертханашының болмауынан] <60-140/5> минуттан "
  "кейін жасалды, тромболизиске арналған емдік терезе өткізіп алынды.",
  "^{PT} с [правосторонним гемипарезом и афазией|левосторонним "
  "гемипарезом] [@g:доставлен|доставлена] в приёмное отделение через "
  "<70-150/5> минут от начала симптомов; КТ головного мозга выполнена "
  "через <60-140/5> минут [@2:из-за неисправности томографа|из-за "
  "отсутствия рентгенолаборанта], терапевтическое окно для тромболизиса "
  "упущено.",
  "[Ортаңғы ми артериясынан тромбэкстракция|Базистік терапия, "
  "антиагреганттар, статиндер], ерте оңалту, аспирацияның алдын алу "
  "жүргізілді.",
  "Проведены [тромбэкстракция из средней мозговой артерии|базисная "
  "терапия, антиагреганты, статины], ранняя реабилитация, профилактика "
  "аспирации." },
{ FM(F_NEURO), SC_W | SC_D, 40, 100, 0, TP_DETER, "I63.3 I61.0",
  "Ми қан айналымының жедел бұзылысы бар {PTD} [@2:алғашқы "
  "тәулікте|екінші тәулікте] жұтыну қызметін бағаламай ауыз арқылы тамақ "
  "берілді; {AT} тамақ тыныс жолына түсіп, жөтел, SpO2 <78-88>% дейін "
  "төмендеу дамыды.",
  "^{PTD} с острым нарушением мозгового кровообращения [@2:в первые "
  "сутки|на вторые сутки] проведено кормление через рот без оценки "
  "функции глотания; {AT} [@g:поперхнулся|поперхнулась], развились "
  "кашель, десатурация до <78-88>%.",
  "Тыныс жолдары санацияланып, оттегі терапиясы жүргізілді; "
  "рентгенограммада — оң жақты төменгі бөліктік аспирациялық "
  "пневмония; көктамыр ішіне [амоксициллин/клавуланат|метронидазолмен "
  "бірге цефтриаксон] енгізіліп, назогастралдық зонд орнатылды.",
  "Санация дыхательных путей, оксигенотерапия; на рентгенограмме — "
  "правосторонняя нижнедолевая аспирационная пневмония; "
  "[амоксициллин/клавуланат|цефтриаксон с метронидазолом] внутривенно, "
  "установлен назогастральный зонд." },
{ FM(F_NEURO), SC_W | SC_O, 1, 90, 0, TP_MEDS, "G40.9",
  "Эпилепсиясы бар {PTV} ауруханаға жатқызу кезінде тұрақты "
  "қабылдайтын [вальпроаты|леветирацетамы|карбамазепині] "
  "тағайындалмады; <30-50> сағаттан кейін сериялық эпилепсиялық ұстама "
  "дамыды.",
  "При госпитализации {PTG} с эпилепсией не был назначен постоянно "
  "принимаемый [вальпроат|леветирацетам|карбамазепин]; через "
  "<30-50~час~часа~часов> развились серийные эпилептические приступы.",
  "Құрысу көктамыр ішіне [диазепам 0,3 мг/кг|мидазолам 0,2 мг/кг] "
  "енгізу арқылы басылды; эпилепсияға қарсы терапия қайта басталды, "
  "[@c:эпилепсиялық статусқа байланысты реанимация бөлімшесіне "
  "ауыстырылып, <1-2> тәулік ӨЖЖ жүргізілді|қайталама ұстамалар "
  "болмады].",
  "Судороги купированы введением [диазепама 0,3 мг/кг|мидазолама 0,2 "
  "мг/кг] внутривенно; противоэпилептическая терапия возобновлена, "
  "[@c:в связи с эпилептическим статусом — перевод в ОРИТ, ИВЛ "
  "<1-2~сутки~суток~суток>|повторных приступов не было]." },
{ FM(F_NSURG) | FM(F_TRAUMA), SC_W | SC_D | SC_OUT, 40, 95, 0, TP_DIAG, "S06.5",
  "Басын соғып құлағаннан кейін {PT} [варфарин|ривароксабан] "
  "қабылдағанына қарамастан бас миының КТ-сынсыз травматологпен "
  "қаралып, үйіне жіберілді; <6-20> сағаттан кейін сопор жағдайында "
  "(Глазго кома шкаласы бойынша <8-11> балл) жеткізілді.",
  "^{PT} после падения с ударом головой [@g:был осмотрен|была "
  "осмотрена] травматологом и [@g:отпущен|отпущена] домой без КТ "
  "головного мозга, несмотря на приём [варфарина|ривароксабана]; через "
  "<6-20~час~часа~часов> [@g:доставлен|доставлена] в сопоре (<8-11> "
  "баллов по шкале комы Глазго).",
  "КТ — ортаңғы құрылымдары ығысқан, көлемі <60-120/10> мл жедел "
  "субдуральды гематома; шұғыл декомпрессиялық бас сүйегі "
  "трепанациясы жасалып, гематома алынды; [протромбин кешенінің "
  "концентраты енгізілді|жаңа мұздатылған плазма құйылды].",
  "КТ — острая субдуральная гематома объёмом <60-120/10> мл со "
  "смещением срединных структур; выполнена экстренная декомпрессивная "
  "трепанация черепа, удаление гематомы; [введён концентрат "
  "протромбинового комплекса|перелита свежезамороженная плазма]." },
{ FM(F_NSURG), SC_W | SC_O, 25, 80, 0, TP_SURG, "M51.1",
  "[@1:Микродискэктомия|Транспедикулярлық бекіту] кезінде [деңгейді "
  "операция кезінде рентгенмен бақыламай|рентгенограмманы дұрыс "
  "түсіндірмей] араласу жоғарыда жатқан омыртқааралық деңгейде "
  "жасалды; [@c:қате сақталған түбіршектік синдром және МРТ деректері "
  "бойынша анықталды|қате дискіні алып тастағанға дейін операция "
  "кезінде анықталды].",
  "При [@1:микродискэктомии|транспедикулярной фиксации] [без "
  "интраоперационного рентгеноконтроля уровня|при неправильной "
  "интерпретации рентгенограммы] вмешательство выполнено на "
  "вышележащем межпозвонковом уровне; [@c:ошибка выявлена по "
  "сохраняющемуся корешковому синдрому и данным МРТ|ошибка распознана "
  "интраоперационно до удаления диска].",
  "[@c:<2-5> тәуліктен кейін дұрыс деңгейде қайта операция "
  "жасалды|Рентгенмен бақылаудан кейін операция дұрыс деңгейде "
  "жалғастырылды].",
  "[@c:Через <2-5~сутки~суток~суток> выполнена повторная операция на "
  "правильном уровне|Операция продолжена на правильном уровне после "
  "рентгеноконтроля]." },
{ FM(F_NSURG), SC_W | SC_D, 0, 17, 0, TP_DIAG, "G91.1",
  "Вентрикулоперитонеалдық шунты бар {PTG} құсуы, бас ауыруы және "
  "ұйқышылдығы пайда болды; [шағымдар ішек инфекциясы ретінде "
  "бағаланды|нейрохирург <10-20> сағат бойы шақырылмады].",
  "У {PTG} с вентрикулоперитонеальным шунтом появились рвота, головная "
  "боль и сонливость; [жалобы расценены как кишечная "
  "инфекция|нейрохирург не вызывался в течение <10-20~часа~часов~часов>].",
  "КТ — вентрикуломегалияның үдеуі; [проксималды катетерді|клапанды] "
  "ауыстыра отырып шунт ревизиясы жасалды[@c:; неврологиялық тапшылық "
  "сақталуда|].",
  "КТ — нарастание вентрикуломегалии; выполнена ревизия шунта с заменой "
  "[проксимального катетера|клапана][@c:; сохраняется неврологический "
  "дефицит|]." },
/* --- oncology --- */
{ FM(F_ONCO), SC_W | SC_O | SC_D, 1, 90, 0, TP_MEDS, NULL,
  "Кезекті химиотерапия курсы кезінде "
  "[@1:доксорубициннің|цисплатиннің|карбоплатиннің|метотрексаттың] "
  "дозасы [дене салмағы туралы ескірген деректер бойынша|дене бетінің "
  "ауданындағы қатемен] есептеліп, қажеттіден <20-60/5>% асып кетті; "
  "[@c:фебрильді нейтропения және мукозит дамыды|қатені енгізуге "
  "дейін клиникалық фармаколог анықтады].",
  "При проведении очередного курса химиотерапии доза "
  "[@1:доксорубицина|цисплатина|карбоплатина|метотрексата] рассчитана "
  "[по устаревшим данным о массе тела|с ошибкой в площади поверхности "
  "тела] и превысила необходимую на <20-60/5>%; [@c:развились "
  "фебрильная нейтропения и мукозит|ошибка выявлена клиническим "
  "фармакологом до введения].",
  "[@c:Оқшаулау, бактерияға қарсы терапия, гранулоцитарлық колония "
  "ынталандырушы фактор, тромбоконцентрат трансфузиясы "
  "жүргізілді|Доза қайта есептеліп, дұрыс дозада енгізілді]; келесі "
  "курс <1-2> аптаға шегерілді.",
  "[@c:Проведены изоляция, антибактериальная терапия, "
  "гранулоцитарный колониестимулирующий фактор, трансфузия "
  "тромбоконцентрата|Доза пересчитана, препарат введён в правильной "
  "дозе]; следующий курс отложен на <1-2~неделю~недели~недель>." },
{ FM(F_ONCO), SC_W | SC_O, 1, 90, 0, TP_MEDS, NULL,
  "[@1:Доксорубицинді|Винкристинді] шеткі веналық катетер арқылы "
  "енгізу кезінде {AT} экстравазация болды; [@c:кейін білектің жұмсақ "
  "тіндерінің ауданы <4-12> см² некрозы қалыптасты|мейірбике уақтылы "
  "анықтады, экстравазат көлемі шамалы].",
  "При введении [@1:доксорубицина|винкристина] через периферический "
  "венозный катетер {AT} произошла экстравазация; [@c:в последующем "
  "сформировался некроз мягких тканей предплечья площадью <4-12> "
  "см²|своевременно выявлена медсестрой, объём экстравазата "
  "минимален].",
  "Инфузия тоқтатылып, дәрі катетер арқылы сорылды, [@1:дексразоксан, "
  "жергілікті суық|гиалуронидаза, жергілікті құрғақ жылу]; "
  "[@c:хирургиялық некрэктомия, аутодермопластика|онколог бақылауы, "
  "ісіну <3-5> тәулікте қайтты].",
  "Инфузия прекращена, аспирация препарата через катетер, "
  "[@1:дексразоксан, местно холод|гиалуронидаза, местно сухое тепло]; "
  "[@c:хирургическая некрэктомия, аутодермопластика|наблюдение "
  "онколога, регресс отёка за <3-5~сутки~суток~суток>]." },
{ FM(F_ONCO), SC_W | SC_O, 25, 90, 0, TP_LAB, "C50.9|C16.9",
  "[@1:Сүт безі биопсиясының|Асқазан биопсиясының] гистологиялық "
  "қорытындысы қателесіп басқа науқастың картасына енгізілді; "
  "[@c:морфологиялық растаусыз {PTD} неоадъюванттық ем басталды|қате ем "
  "басталғанға дейін онкологиялық консилиумда анықталды].",
  "Гистологическое заключение [@1:биопсии молочной железы|биопсии "
  "желудка] ошибочно внесено в карту другого пациента; [@c:{PTD} "
  "начато неоадъювантное лечение без морфологического "
  "подтверждения|ошибка выявлена на онкологическом консилиуме до "
  "начала лечения].",
  "Гистологиялық препараттар қайта қаралды[@c:; ем тоқтатылып, қосымша "
  "тексеру тағайындалды|]; биоматериал контейнерлерінің таңбалануы "
  "тексерілді.",
  "Проведён повторный пересмотр гистологических препаратов[@c:; лечение "
  "прекращено, назначено дообследование|]; проверена маркировка "
  "контейнеров с биоматериалом." },
/* --- urology --- */
{ FM(F_URO), SC_W | SC_D, 45, 90, 0, TP_SURG, "N40|C67.9",
  "[@1:Қуықасты безінің|Қуықтың] трансуретралдық резекциясы кезінде "
  "операция ұзақтығы <80-130/5> минут болғанда [@2:натрийдің <118-126> "
  "ммоль/л дейін төмендеуі, сананың шатасуы|қуық тампонадасымен айқын "
  "гематурия] дамыды.",
  "Во время трансуретральной резекции [@1:предстательной "
  "железы|мочевого пузыря] при длительности операции <80-130/5> минут "
  "развились [@2:гипонатриемия до <118-126> ммоль/л, спутанность "
  "сознания|выраженная гематурия с тампонадой мочевого пузыря].",
  "[@2:Операция тоқтатылып, гипертониялық натрий хлориді ерітіндісі, "
  "фуросемид енгізілді; электролиттер бақыланды|Ұйындылар жуылып, "
  "қайта эндоскопиялық коагуляция, гемотрансфузия жасалды].",
  "[@2:Операция прекращена, введены гипертонический раствор натрия "
  "хлорида, фуросемид; контроль электролитов|Выполнены отмывание "
  "сгустков, повторная эндоскопическая коагуляция, гемотрансфузия]." },
{ FM(F_URO), SC_W | SC_D, 20, 90, 0, TP_HAI, "N20.1|N20.0",
  "[@1:Контактілі уретеролитотрипсиядан|Тері арқылы нефролитотомиядан] "
  "кейін {AT2} қалтырау, <39,0-40,2/0,1> °C дейін гипертермия, "
  "гипотония дамыды; [операция алдында несеп себіндісі "
  "алынбаған|операция несеп жолдарының белсенді инфекциясы кезінде "
  "жүргізілген].",
  "После [@1:контактной уретеролитотрипсии|чрескожной "
  "нефролитотомии] {AT2} развились озноб, гипертермия до "
  "<39,0-40,2/0,1> °C, гипотония; [предоперационный посев мочи не "
  "выполнялся|операция проведена при активной инфекции мочевых путей].",
  "Реанимация бөлімшесіне ауыстырылды; көктамыр ішіне [тәулігіне 3 рет "
  "меропенем 1 г|имипенем/циластатин], норадреналинмен вазопрессорлық "
  "қолдау, бүйректі [нефростомамен|стентпен] дренаждау жүргізілді.",
  "^[@g:Переведён|Переведена] в ОРИТ; [меропенем 1 г 3 раза в "
  "сутки|имипенем/циластатин] внутривенно, вазопрессорная поддержка "
  "норадреналином, дренирование почки [нефростомой|стентом]." },
/* --- eye, ENT, dentistry --- */
{ FM(F_EYE), SC_W | SC_O, 50, 95, 0, TP_ID, "H25.9",
  "Катарактаның факоэмульсификациясына дайындық кезінде имплантацияға "
  "оптикалық күші дұрыс емес көзішілік линза таңдалды ([екі науқастың "
  "биометрия деректері шатастырылды|калькуляторға деректер енгізу "
  "кезінде қате жіберілді]); [@c:линза имплантацияланып, операциядан "
  "кейінгі рефракция −<3-7> дптр болды|қате операциялық бөлмеде "
  "салыстыру кезінде имплантацияға дейін анықталды].",
  "При подготовке к факоэмульсификации катаракты для имплантации "
  "выбрана интраокулярная линза неверной оптической силы ([перепутаны "
  "данные биометрии двух пациентов|ошибка при вводе данных в "
  "калькулятор]); [@c:линза имплантирована, послеоперационная "
  "рефракция −<3-7> дптр|ошибка выявлена до имплантации при сверке в "
  "операционной].",
  "[@c:<5-14> тәуліктен кейін көзішілік линза ауыстырылды|Дұрыс "
  "күштегі линза имплантацияланып, операция асқынусыз аяқталды].",
  "[@c:Через <5-14~сутки~суток~суток> выполнена замена интраокулярной "
  "линзы|Имплантирована линза правильной силы, операция завершена без "
  "осложнений]." },
{ FM(F_EYE), SC_W | SC_O, 50, 95, 0, TP_HAI, "H25.9|H35.3",
  "[@1:Катарактаның факоэмульсификациясынан|Ангиогенез тежегішін көз "
  "ішіне енгізуден] <2-4> тәуліктен кейін ауырсыну, көрудің жарық "
  "сезуге дейін төмендеуі, гипопион дамыды; жедел эндофтальмит "
  "анықталды.",
  "Через <2-4~сутки~суток~суток> после [@1:факоэмульсификации "
  "катаракты|интравитреального введения ингибитора ангиогенеза] "
  "развились боль, снижение зрения до светоощущения, гипопион; "
  "диагностирован острый эндофтальмит.",
  "Көз ішіне ванкомицин және цефтазидим енгізілді, [@c:шұғыл "
  "витрэктомия; шығару кезіндегі көру өткірлігі "
  "<0,05-0,20/0,05>|консервативтік терапия, көру өткірлігі "
  "<0,5-0,8/0,1> дейін қалпына келді].",
  "Интравитреальное введение ванкомицина и цефтазидима, [@c:экстренная "
  "витрэктомия; острота зрения при выписке "
  "<0,05-0,20/0,05>|консервативная терапия, острота зрения восстановлена "
  "до <0,5-0,8/0,1>]." },
{ FM(F_EYE), SC_W | SC_O, 0, 0, 0, TP_DIAG, "H35.1",
  "<26-31> апталық мерзімде туылған шала туылған балаға [шала "
  "туылғандар ретинопатиясының скринингі белгіленген мерзімде "
  "жүргізілмеді|шығарылғаннан кейін офтальмологтың қайта қарауы "
  "тағайындалмады]; [@c:<3-5> айлық кезінде 4-сатыдағы ретинопатия "
  "анықталды|ретинопатия жоспарлы қарау кезінде анықталып, ем қажет "
  "болмады].",
  "Недоношенному ребёнку, родившемуся при сроке беременности "
  "<26-31~неделя~недели~недель>, [не проведён скрининг ретинопатии "
  "недоношенных в установленные сроки|не назначен повторный осмотр "
  "офтальмолога после выписки]; [@c:в возрасте "
  "<3-5~месяца~месяцев~месяцев> выявлена ретинопатия 4 "
  "стадии|ретинопатия выявлена при плановом осмотре, лечение не "
  "потребовалось].",
  "[@c:Витрэктомия жасалды; бала офтальмологтың бақылауында, көру "
  "болжамы қолайсыз|Әр 2 апта сайын офтальмологтың динамикалық "
  "бақылауы тағайындалды].",
  "[@c:Выполнена витрэктомия; ребёнок наблюдается офтальмологом, прогноз "
  "для зрения неблагоприятный|Назначено динамическое наблюдение "
  "офтальмолога каждые 2 недели]." },
{ FM(F_ENT), SC_W | SC_D, 3, 60, 0, TP_DOCS, "J35.0 J35.3",
  "Тонзиллэктомиядан кейінгі <5-8>-тәулікте {AT} [сол жақ|оң жақ] "
  "бадамша без қуысынан қан кету басталды; [{PT} бір күн бұрын қан "
  "кеткенде не істеу керектігі туралы нұсқаусыз шығарылған|кезекші "
  "оториноларингологты шақыру <30-60/10> минутқа кешікті].",
  "На <5-8>-е сутки после тонзиллэктомии {AT} возникло кровотечение из "
  "ниши [левой|правой] миндалины; [{PT} [@g:был выписан|была выписана] "
  "накануне без инструкций о действиях при кровотечении|вызов "
  "дежурного оториноларинголога задержался на <30-60/10> минут].",
  "Жалпы анестезиямен [қан кетіп тұрған тамыр "
  "коагуляцияланды|бадамша без қуысы тігілді], транексам қышқылымен "
  "гемостатикалық терапия жүргізілді[; гемотрансфузия (эритроцит "
  "суспензиясының <1-2> дозасы)|].",
  "Под общей анестезией выполнены [коагуляция кровоточащего "
  "сосуда|прошивание ниши миндалины], гемостатическая терапия "
  "транексамовой кислотой[; гемотрансфузия "
  "(<1-2~доза~дозы~доз> эритроцитной взвеси)|]." },
{ FM(F_ENT) | FM(F_PED), SC_W | SC_OUT, 1, 6, 0, TP_DIAG, "T17.5",
  "^{PT} [@2:жаңғақ|шемішке] жеп отырғанда кенеттен жөтелумен "
  "жеткізілді; кеуде қуысының рентгенографиясы патологиясыз, «жедел "
  "бронхит» диагнозымен үйге жіберілді. <3-9> тәуліктен кейін — [оң "
  "жақ төменгі бөліктің пневмониясы|оң жақ төменгі бөліктің "
  "ателектазы].",
  "^{PT} [@g:доставлен|доставлена] с внезапным кашлем во время еды "
  "[@2:орехов|семечек]; рентгенография грудной клетки без патологии, "
  "[@g:отпущен|отпущена] домой с диагнозом «острый бронхит». Через "
  "<3-9~сутки~суток~суток> — [пневмония нижней доли "
  "справа|ателектаз нижней доли справа].",
  "Ригидті бронхоскопия жасалып, [оң жақ негізгі бронхтан|аралық "
  "бронхтан] бөгде дене ([@2:жаңғақ|шемішке] бөлігі) алынды; бактерияға "
  "қарсы терапия жүргізілді.",
  "Выполнена ригидная бронхоскопия, из [правого главного "
  "бронха|промежуточного бронха] удалено инородное тело (фрагмент "
  "[@2:ореха|семечка]); антибактериальная терапия." },
{ FM(F_DENT), SC_W | SC_O, 16, 80, 0, TP_ID, "K01.1|K04.5",
  "[@1:Үшінші молярды|Бұзылған тісті] жұлу кезінде [@c:қателесіп "
  "көршілес сау тіс жұлынды|қате анестезиядан кейін, жұлуды бастағанға "
  "дейін анықталды].",
  "При удалении [@1:третьего моляра|разрушенного зуба] [@c:по ошибке "
  "удалён соседний интактный зуб|ошибка выявлена после анестезии, до "
  "начала удаления].",
  "[@c:Жұлынған тіс қайта орнатылып, шиналанды; {PTD} түсініктеме "
  "берілді, ем ұйым есебінен жүргізілді|Рентгенограммамен "
  "салыстырғаннан кейін жолдамада көрсетілген тіс жұлынды].",
  "[@c:Проведена реплантация удалённого зуба с шинированием; {PTD} "
  "даны разъяснения, лечение за счёт организации|После сверки с "
  "рентгенограммой удалён зуб, указанный в направлении]." },
{ FM(F_DENT), SC_W | SC_D | SC_OUT, 16, 85, 0, TP_DIAG, "K12.2",
  "Тіс жұлынғаннан <2-4> тәуліктен кейін {PTG} [@2:төменгі жақ асты "
  "аймағының|ауыз қуысы түбінің] ісінуі, жұтынудың қиындауы пайда "
  "болды; [қайта қабылдау тек бір аптадан кейін "
  "тағайындалды|антибиотикпен емдеу тағайындалмады], флегмонамен "
  "стационарға түсті.",
  "Через <2-4~сутки~суток~суток> после удаления зуба у {PTG} появились "
  "отёк [@2:поднижнечелюстной области|дна полости рта], затруднение "
  "глотания; [повторный приём назначен лишь через "
  "неделю|антибиотикотерапия не назначена], в стационар "
  "[@g:поступил|поступила] с флегмоной.",
  "Жалпы анестезиямен [@2:төменгі жақ асты аймағының|ауыз қуысы "
  "түбінің] флегмонасы ашылып, дренаждалды, [ампициллин/сульбактаммен|"
  "клиндамицин және метронидазолмен] бактерияға қарсы терапия "
  "жүргізілді[; тыныс жолдарының обструкциясы қаупіне байланысты "
  "трахеостома салынды|].",
  "Под общей анестезией выполнены вскрытие и дренирование флегмоны "
  "[@2:поднижнечелюстной области|дна полости рта], антибактериальная "
  "терапия [ампициллином/сульбактамом|клиндамицином и метронидазолом][; "
  "в связи с угрозой обструкции дыхательных путей наложена "
  "трахеостома|]." },
{ FM(F_DENT), SC_W | SC_O, 6, 85, 0, TP_EQUIP, "K04.0 K04.5",
  "Коффердамсыз эндодонтиялық ем кезінде {AT} {PT} эндодонтиялық "
  "құралды жұтып қойды; [@c:құрал рентгенологиялық тұрғыдан "
  "[асқазаннан|он екі елі ішектен] табылды|құрал бірден "
  "ауыз-жұтқыншақтан алынды].",
  "Во время эндодонтического лечения без коффердама {AT} {PT} "
  "[@g:проглотил|проглотила] эндодонтический инструмент; [@c:инструмент "
  "обнаружен рентгенологически в [желудке|двенадцатиперстной "
  "кишке]|инструмент сразу извлечён из ротоглотки].",
  "[@c:Құрал алына отырып ФГДС жасалды|Кеуде қуысы ағзаларының "
  "рентгенографиясы жасалды — бөгде дене жоқ]; тісті емдеу коффердамды "
  "қолдана отырып жалғастырылды.",
  "[@c:Выполнена ФГДС с извлечением инструмента|Выполнена "
  "рентгенография органов грудной клетки — без инородных тел]; лечение "
  "зуба продолжено с использованием коффердама." },
/* --- psychiatry, narcology --- */
{ FM(F_PSY), SC_W | SC_D, 16, 80, 0, TP_PSY, "F32.2|F20.0",
  "[@1:Ауыр депрессиялық эпизоды|Параноидты шизофрениясы] бар {PT} {AT} "
  "[санитарлық бөлмеде|палатада] суицидтік әрекет жасады; [«қатаң "
  "қадағалау» режимінде бақылау жүзеге асырылмады|түсу кезінде "
  "суицидтік қауіп бағаланбады].",
  "^{PT} с [@1:тяжёлым депрессивным эпизодом|параноидной шизофренией] "
  "{AT} [@g:совершил|совершила] суицидальную попытку [в санитарной "
  "комнате|в палате]; [наблюдение в режиме «строгого надзора» не "
  "осуществлялось|при поступлении не проведена оценка суицидального "
  "риска].",
  "Шұғыл көмек көрсетілді, [@d:<30-40/5> минут бойы жүрек-өкпе "
  "реанимациясы жүргізілді|хирург қарап, білектің кесілген жараларына "
  "тігіс салынды]; жеке бақылау тағайындалды.",
  "Оказана неотложная помощь, [@d:проводилась сердечно-лёгочная "
  "реанимация в течение <30-40/5> минут|осмотр хирурга, наложены швы на "
  "резаные раны предплечья]; назначено индивидуальное наблюдение." },
{ FM(F_PSY), SC_W, 18, 75, 0, TP_MEDS, "F20.0|F31.1",
  "^{PTG} [@1:клозапинмен емдеу кезінде <3-6> апта бойы лейкоциттер апта "
  "сайын бақыланбады|литий препараттарымен емдеу кезінде <3-6> апта бойы "
  "қандағы литий концентрациясы бақыланбады]; [@1:агранулоцитоз "
  "анықталды, нейтрофилдер <0,2-0,5/0,1>×10⁹/л|литий интоксикациясы "
  "дамыды: тремор, атаксия, литий <2,0-3,2/0,1> ммоль/л].",
  "У {PTG} при терапии [@1:клозапином в течение "
  "<3-6~недели~недель~недель> не проводился еженедельный контроль "
  "лейкоцитов|препаратами лития в течение <3-6~недели~недель~недель> не "
  "контролировалась концентрация лития в крови]; [@1:выявлен "
  "агранулоцитоз, нейтрофилы <0,2-0,5/0,1>×10⁹/л|развилась литиевая "
  "интоксикация: тремор, атаксия, литий <2,0-3,2/0,1> ммоль/л].",
  "[@1:Клозапин тоқтатылып, оқшаулау, гранулоцитарлық колония "
  "ынталандырушы фактор, бактерияға қарсы профилактика "
  "жүргізілді|Литий препараттары тоқтатылып, инфузиялық терапия "
  "жүргізілді, гемодиализ үшін реанимация бөлімшесіне ауыстырылды].",
  "[@1:Клозапин отменён, изоляция, гранулоцитарный колониестимулирующий "
  "фактор, антибактериальная профилактика|Препараты лития отменены, "
  "инфузионная терапия, [@g:переведён|переведена] в ОРИТ для "
  "гемодиализа]." },
{ FM(F_PSY) | FM(F_SURG) | FM(F_TRAUMA), SC_W | SC_O, 25, 75, 0,
  TP_DETER, "F10.4",
  "Алкогольден бас тарту синдромы бар {PTD} [делирийдің алдын алу "
  "тағайындалмады|абстиненцияның ауырлығы бағаланбады]; <40-72/4> "
  "сағаттан кейін алкогольдік делирий дамыды: бағдардан айырылу, көру "
  "галлюцинациялары, [@c:қозу жағдайында {PT} құлап, кәріжілік сүйегі "
  "сынды|психомоторлық қозу жарақатсыз басылды].",
  "^{PTD} с синдромом отмены алкоголя [не назначена профилактика "
  "делирия|не проводилась оценка тяжести абстиненции]; через "
  "<40-72/4~час~часа~часов> развился алкогольный делирий: "
  "дезориентация, зрительные галлюцинации, [@c:в состоянии возбуждения "
  "{PT} [@g:упал|упала] и [@g:получил|получила] перелом лучевой "
  "кости|психомоторное возбуждение купировано без травм].",
  "Диазепам [көктамыр ішіне 10 мг|дозаны титрлеу схемасы бойынша], "
  "бұлшықет ішіне тиамин 200 мг, инфузиялық терапия "
  "тағайындалды[@c:; білекке гипс иммобилизациясы|]; жеке бақылау "
  "бекеті қойылды.",
  "Назначены диазепам [10 мг внутривенно|по схеме с титрованием дозы], "
  "тиамин 200 мг внутримышечно, инфузионная терапия[@c:; гипсовая "
  "иммобилизация предплечья|]; выставлен индивидуальный пост "
  "наблюдения." },
/* --- infections --- */
{ FM(F_INF), SC_W | SC_O, 1, 85, 0, TP_HAI, "A15.0|B05.9",
  "[@1:Бактерия бөлетін өкпе туберкулезі|Қызылша] бар {PT} диагноз "
  "қойылғанға дейін <2-4> тәулік жалпы палатада болды; <4-15> науқас пен "
  "қызметкер байланыста болған деп танылды[@c:; кейін байланыста "
  "болғандар арасында екіншілік жағдайлар анықталды|].",
  "^{PT} с [@1:туберкулёзом лёгких с бактериовыделением|корью] "
  "<2-4~сутки~суток~суток> до установления диагноза "
  "[@g:находился|находилась] в общей палате; контактными признаны "
  "<4-15~человек~человека~человек> из числа пациентов и "
  "сотрудников[@c:; впоследствии среди контактных выявлены вторичные "
  "случаи|].",
  "[@1:Туберкулезге қарсы диспансерге|Жұқпалы аурулар ауруханасының "
  "бокстелген бөлімшесіне] ауыстырылды; қорытынды дезинфекция, "
  "байланыстағыларды тексеру [@1:(рентгенография, квантиферон "
  "тесті)|(антиденелерді анықтау, екпе алмағандарды вакцинациялау)] "
  "жүргізілді.",
  "^[@g:Переведён|Переведена] в [@1:противотуберкулёзный "
  "диспансер|боксированное отделение инфекционной больницы]; проведены "
  "заключительная дезинфекция, обследование контактных "
  "[@1:(рентгенография, квантифероновый тест)|(определение антител, "
  "вакцинация непривитых)]." },
{ FM(F_INF), SC_W | SC_D | SC_OUT, 0, 40, 0, TP_DIAG, "A39.0",
  "Қызбасы және [@2:аяқтарында геморрагиялық бөртпесі|желке "
  "бұлшықеттерінің ригидтілігі] бар {PT} [жедел жәрдем "
  "дәрігерімен|қабылдау бөлімшесінде] «ЖРВИ» диагнозымен қаралды; <4-10> "
  "сағаттан кейін септикалық шок дамыды.",
  "^{PT} с лихорадкой и [@2:геморрагической сыпью на нижних "
  "конечностях|ригидностью затылочных мышц] [@g:осмотрен|осмотрена] "
  "[врачом скорой помощи|в приёмном отделении] с диагнозом «ОРВИ»; "
  "через <4-10~час~часа~часов> развился септический шок.",
  "Цефтриаксонмен (100 мг/кг) бактерияға қарсы терапия басталып, "
  "реанимация бөлімшесіне ауыстырылды; ӨЖЖ, инотропты қолдау, "
  "[@d:көп ағзалық жеткіліксіздік белгілері үдеді|<7-12>-тәулікте "
  "бейінді бөлімшеге ауыстырылды].",
  "Начата антибактериальная терапия цефтриаксоном 100 мг/кг, "
  "[@g:переведён|переведена] в ОРИТ; ИВЛ, инотропная поддержка, "
  "[@d:нарастали признаки полиорганной недостаточности|на <7-12>-е "
  "сутки [@g:переведён|переведена] в профильное отделение]." },
/* --- skin --- */
{ FM(F_DERM), SC_W | SC_O | SC_D, 18, 85, 0, TP_MEDS, "L27.0",
  "[@1:Аллопуринолды|Карбамазепинді|Ламотриджинді] қабылдаудың "
  "<10-21>-тәулігінде [@c:тері мен шырышты қабықтарда көпіршіктер мен "
  "эрозиялар, дене бетінің <10-25>%-ында эпидермистің "
  "сылынуы|жайылған дақты-папулалық бөртпе] пайда болды; дәрі "
  "[анамнездегі бұрынғы реакция|дозаны баяу титрлеу туралы ұсынымдар] "
  "ескерілмей тағайындалды.",
  "На <10-21>-е сутки приёма "
  "[@1:аллопуринола|карбамазепина|ламотриджина] появились [@c:пузыри и "
  "эрозии кожи и слизистых оболочек, отслойка эпидермиса на "
  "<10-25>% поверхности тела|распространённая пятнисто-папулёзная "
  "сыпь]; препарат назначен без учёта [предыдущей реакции в "
  "анамнезе|рекомендаций о медленном титровании дозы].",
  "Дәрі тоқтатылды; [@c:күйік бөлімшесі жағдайында емдеу, тері мен "
  "шырышты қабықтарды күту, инфузиялық терапия|антигистаминдік "
  "препараттар, жергілікті глюкокортикостероидтар].",
  "Препарат отменён; [@c:лечение в условиях ожогового отделения, уход "
  "за кожей и слизистыми, инфузионная терапия|антигистаминные "
  "препараты, топические глюкокортикостероиды]." },
{ FM(F_DERM), SC_W | SC_O, 20, 65, 0, TP_MEDS, "L70.0 L81.4",
  "[@1:Гиалурон қышқылы негізіндегі филлерді [мұрын-ерін|қабақаралық] "
  "аймағына инъекциялаудан|Трихлорсірке қышқылымен химиялық "
  "пилингтен] кейін [@1:терінің бозаруы және ливедо — тамыр "
  "окклюзиясының белгілері|бетінің II дәрежелі химиялық күйігі] "
  "дамыды.",
  "После [@1:инъекции филлера на основе гиалуроновой кислоты в "
  "[носогубную|межбровную] область|химического пилинга "
  "трихлоруксусной кислотой] развились [@1:побледнение и ливедо кожи — "
  "признаки окклюзии сосуда|химический ожог лица II степени].",
  "[@1:<150-450/150> бірлік гиалуронидаза енгізілді, жылы компресстер, "
  "антиагреганттар|Бейтараптандыру, салқындату, жергілікті жара "
  "жазатын терапия][@c:; ауданы <1-3> см² тыртықты деформация "
  "сақталуда|; тері толық қалпына келді].",
  "[@1:Введена гиалуронидаза <150-450/150> ЕД, тёплые компрессы, "
  "антиагреганты|Нейтрализация, охлаждение, местная ранозаживляющая "
  "терапия][@c:; сохраняется рубцовая деформация площадью <1-3> "
  "см²|; полное восстановление кожи]." },
/* --- rehabilitation, physiotherapy --- */
{ FM(F_REHAB), SC_W | SC_O, 18, 85, 0, TP_EQUIP, NULL,
  "[@1:Парафинотерапия|Электрофорез рәсімі|Балшық аппликациясы] кезінде "
  "{PTD} [тізе буыны аймағына|бел аймағына] дене бетінің <1-4>%-ын "
  "алатын I–II дәрежелі термиялық күйік келтірілді; [парафин "
  "температурасы бақыланбады|рәсім мейірбикенің қадағалауынсыз "
  "жүргізілді].",
  "Во время [@1:парафинотерапии|процедуры электрофореза|грязевой "
  "аппликации] на [область коленного сустава|поясничную область] {PTD} "
  "причинён термический ожог I–II степени площадью <1-4>% поверхности "
  "тела; [температура парафина не контролировалась|процедура "
  "проводилась без присмотра медсестры].",
  "Рәсім тоқтатылып, салқындату жүргізілді, [@c:күміс сульфадиазинімен "
  "таңу, <10-18> тәулікте жазылды|жергілікті ем, <5-7> тәулікте "
  "жазылды].",
  "Процедура прекращена, охлаждение, [@c:перевязки с сульфадиазином "
  "серебра, заживление за <10-18> суток|местное лечение, заживление "
  "за <5-7> суток]." },
{ FM(F_REHAB), SC_W | SC_D, 30, 80, 0, TP_DIAG, "M50.1|M81.0",
  "^{PT} [алдын ала рентгенологиялық тексерусіз|айқын остеопорозға "
  "қарамастан] [@1:омыртқаның мойын бөліміне|омыртқаның кеуде "
  "бөліміне] мануалды терапия сеансы кезінде [@1:бас айналуды сезініп, "
  "құсу және үйлестірудің бұзылуы пайда болды|арқасында қатты "
  "ауырсынуды сезінді].",
  "Во время сеанса мануальной терапии [@1:на шейном отделе "
  "позвоночника|на грудном отделе позвоночника] [без предварительного "
  "рентгенологического обследования|несмотря на выраженный остеопороз] "
  "{PT} [@1:[@g:почувствовал|почувствовала] головокружение, появились "
  "рвота и нарушение координации|[@g:почувствовал|почувствовала] резкую "
  "боль в спине].",
  "[@1:МРТ — мишықтың инфарктісі бар омыртқа артериясының диссекциясы; "
  "антикоагулянттық терапия, невролог бақылауы|Рентгенография — кеуде "
  "омыртқасы денесінің компрессиялық сынуы; корсет, ауырсынуды басу, "
  "остеопорозды емдеу].",
  "[@1:МРТ — диссекция позвоночной артерии с инфарктом мозжечка; "
  "антикоагулянтная терапия, наблюдение невролога|Рентгенография — "
  "компрессионный перелом тела грудного позвонка; корсет, "
  "обезболивание, лечение остеопороза]." },
{ FM(F_REHAB), SC_W | SC_O, 18, 80, 0, TP_HAI, NULL,
  "[@1:Гирудотерапия|Инемен рефлексотерапия|Инелер қолданылған су-джок "
  "терапия] сеансынан кейін [@1:сүліктер жабысқан|инелер "
  "енгізілген|инелер енгізілген] жерлерде [@c:[сирақтың|білектің] "
  "флегмонасы, <38,5-39,5/0,1> °C дейін қызба|жергілікті гиперемия мен "
  "ісіну] дамыды.",
  "После сеанса [@1:гирудотерапии|иглорефлексотерапии|су-джок терапии "
  "с применением игл] в местах [@1:прикрепления пиявок|введения "
  "игл|введения игл] развились [@c:флегмона [голени|предплечья], "
  "лихорадка до <38,5-39,5/0,1> °C|местная гиперемия и отёк].",
  "[@c:Флегмона ашылып, дренаждалды, [цефазолинмен|амоксициллин/"
  "клавуланатпен] бактерияға қарсы терапия жүргізілді|Жергілікті "
  "антисептикалық өңдеу, бақылау]; [бір реттік инелерді қайта пайдалану "
  "жоққа шығарылды|рәсім алдында теріні өңдеудің бұзылуы анықталды].",
  "[@c:Вскрытие и дренирование флегмоны, антибактериальная терапия "
  "[цефазолином|амоксициллином/клавуланатом]|Местная антисептическая "
  "обработка, наблюдение]; [повторное использование одноразовых игл "
  "исключено|выявлено нарушение обработки кожи перед процедурой]." },
/* --- diagnostics, endoscopy --- */
{ FM(F_DIAG), SC_W | SC_O, 45, 90, 0, TP_DIAG, "N18.3",
  "Бүйректің созылмалы ауруы 3б сатысы бар {PTD} [бүйрек қызметін "
  "бағаламай|алдын алу гидратациясынсыз] көктамыр ішіне контраст "
  "енгізіп КТ жасалды; <48-72/24> сағаттан кейін креатинин "
  "<110-140/5> мкмоль/л деңгейінен <230-400/10> мкмоль/л дейін "
  "көтерілді.",
  "^{PTD} с хронической болезнью почек 3б стадии выполнена КТ с "
  "внутривенным контрастированием [без оценки функции почек|без "
  "профилактической гидратации]; через <48-72/24~час~часа~часов> "
  "креатинин повысился с <110-140/5> до <230-400/10> мкмоль/л.",
  "Инфузиялық терапия, нефроуытты дәрілерді тоқтату, диурез бен "
  "креатининді бақылау; [@c:<2-3> гемодиализ сеансы қажет "
  "болды|бүйрек қызметі <7-10> тәуліктен кейін қалпына келді].",
  "Инфузионная терапия, отмена нефротоксичных препаратов, контроль "
  "диуреза и креатинина; [@c:потребовалось <2-3> сеанса "
  "гемодиализа|функция почек восстановилась через <7-10> суток]." },
{ FM(F_DIAG), SC_W | SC_D, 30, 90, 0, TP_SURG, "K57.3|K63.5",
  "[@1:Диагностикалық колоноскопия|Эндоскопиялық полипэктомия] кезінде "
  "[сигма тәрізді ішек|соқыр ішек] тесілді; [@2:тесілу іштің ауыруы "
  "күшейгеннен <6-14> сағаттан кейін анықталды|тесілу зерттеу кезінде "
  "анықталды].",
  "При [@1:диагностической колоноскопии|эндоскопической "
  "полипэктомии] произошла перфорация [сигмовидной кишки|слепой "
  "кишки]; [@2:перфорация распознана через <6-14~час~часа~часов> по "
  "нарастанию болей в животе|перфорация распознана во время "
  "исследования].",
  "[@2:Лапароскопия жасалып, тесік тігілді, құрсақ қуысы "
  "санацияланды|Тесік эндоскопиялық клиптелді, консервативтік терапия "
  "жүргізілді].",
  "[@2:Выполнены лапароскопия, ушивание перфорации, санация брюшной "
  "полости|Выполнено эндоскопическое клипирование перфорации, "
  "консервативная терапия]." },
{ FM(F_DIAG), SC_W | SC_O, 35, 90, 0, TP_SURG, "K80.5",
  "Холедохолитиазға байланысты папиллосфинктеротомиямен эндоскопиялық "
  "ретроградты холангиопанкреатографиядан кейін жедел панкреатит "
  "дамыды; [тік ішек арқылы индометацинмен алдын алу "
  "жүргізілмеді|канюляцияның <4-7> әрекеті жасалды].",
  "После эндоскопической ретроградной холангиопанкреатографии с "
  "папиллосфинктеротомией по поводу холедохолитиаза развился острый "
  "панкреатит; [профилактика ректальным индометацином не "
  "проведена|выполнено <4-7~попытка~попытки~попыток> канюляции].",
  "Инфузиялық терапия, ауырсынуды басу, [@c:КТ-да — панкреонекроз, "
  "сұйықтық жиынын тері арқылы дренаждау|панкреатит көріністері <4-6> "
  "тәулікте басылды].",
  "Инфузионная терапия, обезболивание, [@c:при КТ — панкреонекроз, "
  "чрескожное дренирование жидкостного скопления|явления панкреатита "
  "купированы за <4-6~сутки~суток~суток>]." },
/* --- transplantation --- */
{ FM(F_TRANSPL), SC_W | SC_D, 1, 65, 0, TP_SURG, "K74.6",
  "[@1:Қайтыс болған донордан бауыр трансплантациясынан (50.52)|Тірі "
  "туыс донордан бауырдың оң бөлігін трансплантациялаудан (50.59)] "
  "<2-5> тәуліктен кейін допплерография бойынша бауыр артериясының "
  "тромбозы, трансаминазалардың <1500-4000/100> бірлік/л дейін артуы "
  "анықталды.",
  "Через <2-5~сутки~суток~суток> после [@1:трансплантации печени от "
  "посмертного донора (50.52)|трансплантации правой доли печени от "
  "живого родственного донора (50.59)] по данным допплерографии выявлены "
  "тромбоз печёночной артерии, рост трансаминаз до <1500-4000/100> "
  "ед/л.",
  "Шұғыл тромбэктомия, артериялық анастомозды қайта құру жасалды; "
  "[@d:трансплантаттың біріншілік дисфункциясы дамыды, донорлық ағза "
  "болмағандықтан ретрансплантация жасалмады|қан ағымы қалпына келді, "
  "трансплантат қызметі қанағаттанарлық].",
  "Выполнены экстренная тромбэктомия, реконструкция артериального "
  "анастомоза; [@d:развилась первичная дисфункция трансплантата, "
  "ретрансплантация не выполнена из-за отсутствия донорского "
  "органа|кровоток восстановлен, функция трансплантата "
  "удовлетворительная]." },
{ FM(F_TRANSPL), SC_W | SC_O, 5, 65, 0, TP_MEDS, "N18.5",
  "Бүйрек трансплантациясынан кейін {PTG} қанындағы такролимус "
  "концентрациясы [@2:флуконазол қосылғаннан кейін|генерик "
  "ауыстырылғаннан кейін] <2-5> апта бойы бақыланбады; [@c:дәрі деңгейі "
  "<18-28> нг/мл, креатинин <210-350/10> мкмоль/л дейін артты|дәрінің "
  "жоғары деңгейі жоспарлы келу кезінде анықталып, доза түзетілді].",
  "У {PTG} после трансплантации почки в течение "
  "<2-5~недели~недель~недель> не контролировалась концентрация "
  "такролимуса [@2:после добавления флуконазола|после смены генерика]; "
  "[@c:уровень препарата <18-28> нг/мл, креатинин вырос до "
  "<210-350/10> мкмоль/л|повышенный уровень препарата выявлен при "
  "плановом визите, доза скорректирована].",
  "Такролимус дозасы азайтылып, концентрациясы <3-5> тәуліктен кейін "
  "бақыланды[@c:; трансплантат биопсиясы — кальциневрин "
  "тежегіштерінің жедел уыттылығы|].",
  "Доза такролимуса снижена, контроль концентрации через "
  "<3-5~сутки~суток~суток>[@c:; биопсия трансплантата — острая "
  "токсичность ингибиторов кальциневрина|]." },
/* --- any family: clinical --- */
{ 0, SC_W | SC_O | SC_D, 1, 100, 0, TP_MEDS, NULL,
  "[@1:Цефтриаксонды көктамыр ішіне|Цефазолинді бұлшықет "
  "ішіне|Құрамында йод бар контраст затты|Лидокаинмен жергілікті "
  "анестезия үшін препаратты] енгізгеннен <3-15> минуттан кейін {PTG} "
  "[@c:АҚ <50-70/5>/<20-40/5> сын. бағ. мм дейін күрт төмендеуі, бронх "
  "түйілуі, есінен тануы|есекжем, еріннің ісінуі, орташа тахикардия] "
  "дамыды; [енгізер алдында аллергиялық анамнез жиналмады|дәріні көтере "
  "алмау туралы мәлімет медициналық картаның титулдық парағына "
  "шығарылмаған|тері сынамасы жүргізілмеді].",
  "Через <3-15~минуту~минуты~минут> после [@1:внутривенного введения "
  "цефтриаксона|внутримышечного введения цефазолина|введения "
  "йодсодержащего контрастного вещества|местной анестезии лидокаином] у "
  "{PTG} развились [@c:резкое падение АД до <50-70/5>/<20-40/5> мм рт. "
  "ст., бронхоспазм, потеря сознания|крапивница, отёк губ, умеренная "
  "тахикардия]; [аллергоанамнез перед введением не был "
  "собран|сведения о непереносимости не были вынесены на титульный лист "
  "медицинской карты|кожная проба не проводилась].",
  "[@c:Бұлшықет ішіне адреналин [@a:0,5 мг|0,01 мг/кг|0,01 мг/кг], "
  "көктамыр ішіне [преднизолон <60-120/30> мг|дексаметазон <8-16/4> мг], "
  "<1000-2000/500> мл кристаллоидтар инфузиясы енгізіліп, реанимация "
  "бөлімшесіне ауыстырылды|Препаратты енгізу тоқтатылды; "
  "антигистаминдік препараттар, көктамыр ішіне [преднизолон "
  "<60-90/30> мг|дексаметазон 8 мг] тағайындалып, бір тәулік бойы "
  "бақыланды].",
  "[@c:Введены адреналин [@a:0,5 мг|0,01 мг/кг|0,01 мг/кг] "
  "внутримышечно, [преднизолон <60-120/30> мг|дексаметазон <8-16/4> мг] "
  "внутривенно, инфузия кристаллоидов <1000-2000/500> мл; "
  "[@g:переведён|переведена] в ОРИТ|Введение препарата прекращено; "
  "назначены антигистаминные препараты, [преднизолон <60-90/30> "
  "мг|дексаметазон 8 мг] внутривенно, наблюдение в течение суток]." },
{ 0, SC_W | SC_O | SC_D, 0, 100, 0, TP_MEDS, NULL,
  "^{AT} {PTD} [@1:тағайындалған дәрінің орнына көрші палатадағы "
  "науқасқа тағайындалған дәрі енгізілді|өлшем бірліктерінің "
  "шатасуынан гепариннің он есе дозасы енгізілді|натрий хлоридінің "
  "орнына калий хлориді ерітіндісі енгізілді|картада аллергиясы "
  "белгіленген дәрі енгізілді]; [@c:қарқынды терапияны қажет ететін "
  "жағдайдың нашарлауы дамыды|қате бірнеше минуттан кейін анықталып, "
  "енгізу тоқтатылды, жағдайы нашарлаған жоқ]. [Тағайындау ауызша "
  "жасалған|Мейірбике қатарынан екінші ауысымда жұмыс істеген|Дәрілер "
  "бір-біріне ұқсас ампулаларда қатар сақталған|Қос тексеру "
  "жүргізілмеген].",
  "^{AT} {PTD} [@1:вместо назначенного препарата введён препарат, "
  "назначенный пациенту соседней палаты|введена десятикратная доза "
  "гепарина из-за путаницы в единицах измерения|введён раствор калия "
  "хлорида вместо натрия хлорида|введён препарат, на который в карте "
  "была отмечена аллергия]; [@c:развилось ухудшение состояния, "
  "потребовавшее интенсивной терапии|ошибка распознана через несколько "
  "минут, введение прекращено, состояние не ухудшилось]. [Назначение "
  "было сделано устно|Медсестра работала вторую смену подряд|Препараты "
  "хранились рядом в похожих ампулах|Двойная проверка не проводилась].",
  "[@1:Бақылау, симптоматикалық терапия жүргізілді|Протамин сульфаты "
  "енгізіліп, қан ұю көрсеткіштері бақыланды|ЭКГ мониторингі жүргізіліп, "
  "кальций глюконаты және глюкозамен инсулин енгізілді|Антигистаминдік "
  "препараттар мен глюкокортикостероидтар енгізілді]; [@c:{PT} <1-3> "
  "тәулікке реанимация бөлімшесіне ауыстырылды|бөлімшеде одан әрі "
  "бақылау жүргізілді].",
  "[@1:Проведены наблюдение, симптоматическая терапия|Введён протамина "
  "сульфат, контроль показателей свёртывания крови|Мониторинг ЭКГ, "
  "введены кальция глюконат и инсулин с глюкозой|Введены "
  "антигистаминные препараты и глюкокортикостероиды]; [@c:{PT} "
  "[@g:переведён|переведена] в ОРИТ на <1-3~сутки~суток~суток>|дальнейшее "
  "наблюдение в отделении]." },
{ 0, SC_W | SC_O, 0, 100, 0, TP_HAI, NULL,
  "<3-5> тәулік бұрын [орнатылған күні белгіленбей|орнатылып, уақытында "
  "ауыстырылмаған] шеткі веналық катетер орнында [@2:білекте|қол басының "
  "сыртында|шынтақ бүгілісінде] [@c:іріңді тромбофлебит|гиперемиясы мен "
  "ауырсынуы бар флебит] дамыды; өзгерістер {AT} [аралау кезінде|таңғышты "
  "ауыстыру кезінде|антибиотик енгізу кезінде] анықталды.",
  "На месте периферического венозного катетера, установленного "
  "<3-5~сутки~суток~суток> назад [без отметки о дате установки|и не "
  "заменённого в срок], [@2:на предплечье|на тыльной стороне кисти|в "
  "локтевом сгибе] развился [@c:гнойный тромбофлебит|флебит с "
  "гиперемией и болезненностью]; изменения выявлены {AT} [при "
  "обходе|при смене повязки|при введении антибиотика].",
  "Катетер алынды, [@c:ашу және дренаждау, [цефазолинмен|оксациллинмен] "
  "бактерияға қарсы терапия, себінді — алтын түсті "
  "стафилококк|[жергілікті жартылай спирттік компресс|гепарин жақпасы "
  "бар таңғыш], қол жоғары қалыпта, гиперемия <2-4> тәулікте қайтты]; "
  "жаңа катетер [қарама-қарсы қолға|басқа венаға] орнатылды.",
  "Катетер удалён, [@c:вскрытие и дренирование, антибактериальная "
  "терапия [цефазолином|оксациллином], посев — золотистый "
  "стафилококк|[местно полуспиртовой компресс|повязка с гепариновой "
  "мазью], возвышенное положение руки, гиперемия регрессировала за "
  "<2-4~сутки~суток~суток>]; новый катетер установлен [на "
  "противоположной руке|в другую вену]." },
{ 0, SC_W, 1, 100, 0, TP_SKIN, NULL,
  "[Төсек режимінде|ӨЖЖ-да] <7-21> тәулік жатқан {PTG} [сегізкөз "
  "аймағында|өкше аймағында] [@2:II|III|IV] сатыдағы ойылу анықталды; "
  "[ойылу қаупі бағаланбады|ойылуға қарсы матрас болмады|дене қалпын "
  "өзгерту құжатталмады].",
  "У {PTG}, [@g:находившегося|находившейся] [на постельном режиме|на "
  "ИВЛ] <7-21~сутки~суток~суток>, выявлен пролежень [крестцовой "
  "области|пяточной области] [@2:II|III|IV] стадии; [оценка риска "
  "пролежней не проводилась|противопролежневый матрас отсутствовал|смена "
  "положения тела не документировалась].",
  "Ойылуды хирургиялық өңдеу, [вакуумдық терапия|гидроколлоидты "
  "таңғыштармен таңу], ойылуға қарсы матрас, әр 2 сағат сайын дене "
  "қалпын өзгерту, тамақтануды түзету жүргізілді.",
  "Хирургическая обработка пролежня, [вакуумная терапия|перевязки с "
  "гидроколлоидными повязками], противопролежневый матрас, смена "
  "положения каждые 2 часа, коррекция питания." },
{ 0, SC_W | SC_D, 0, 100, 0, TP_HAI, NULL,
  "[@1:Орталық венаны катетерлеудің|ӨЖЖ-ның] <5-12>-тәулігінде {PTG} "
  "қызбасы және [@1:катетерге байланысты қан ағымы инфекциясының "
  "белгілері|желдеткішке байланысты пневмония белгілері] дамыды; "
  "[күтім парағында катетер орнын күнделікті қарау "
  "белгіленбеген|қызметкерлер қол гигиенасын әрдайым "
  "сақтамаған|төсектің бас жағы көтерілмеген].",
  "На <5-12>-е сутки [@1:катетеризации центральной вены|ИВЛ] у {PTG} "
  "развились лихорадка и [@1:признаки катетер-ассоциированной инфекции "
  "кровотока|признаки вентилятор-ассоциированной пневмонии]; [в листе "
  "ухода не отмечались ежедневные осмотры места "
  "катетеризации|персонал соблюдал гигиену рук не всегда|головной конец "
  "кровати не был приподнят].",
  "[@1:Катетер алынды, қан мен катетер ұшының себіндісі — "
  "[@2:клебсиелла|көкіріңді таяқша|алтын түсті "
  "стафилококк]|Бронхоальвеолярлық лаваж, себінді — [@2:клебсиелла|"
  "көкіріңді таяқша|алтын түсті стафилококк]]; <7-14> тәулік бойы "
  "сезімталдығы бойынша бактерияға қарсы терапия.",
  "[@1:Катетер удалён, посев крови и кончика катетера — "
  "[@2:клебсиелла|синегнойная палочка|золотистый "
  "стафилококк]|Бронхоальвеолярный лаваж, посев — [@2:клебсиелла|"
  "синегнойная палочка|золотистый стафилококк]]; антибактериальная "
  "терапия по чувствительности в течение <7-14~суток~суток~суток>." },
{ 0, SC_W | SC_D, 18, 100, 0, TP_VTE, NULL,
  "[@1:Операциядан|Сынықтан|Ұзақ иммобилизациядан] кейін {PTD} қауіп "
  "жоғары болғанына қарамастан веналық тромбоэмболиялық асқынулардың "
  "алдын алу тағайындалмады; <4-10>-тәулікте [@2:өкпе артериясының "
  "тромбоэмболиясы|сирақтың терең веналарының тромбозы] дамыды.",
  "^{PTD} после [@1:операции|перелома|длительной иммобилизации] не "
  "назначена профилактика венозных тромбоэмболических осложнений, "
  "несмотря на высокий риск; на <4-10>-е сутки развилась [@2:ТЭЛА|"
  "тромбоз глубоких вен голени].",
  "[@2:Өкпе артерияларының КТ-ангиографиясы, алтеплазамен тромболиздік "
  "терапия|Аяқ веналарының ультрадыбыстық зерттеуі, тәулігіне 2 рет "
  "эноксапарин 1 мг/кг антикоагулянттық терапия]; [@d:емге қарамастан "
  "қан айналымы тоқтады|жағдайы тұрақтанды].",
  "[@2:КТ-ангиография лёгочных артерий, тромболитическая терапия "
  "алтеплазой|УЗИ вен нижних конечностей, антикоагулянтная терапия "
  "эноксапарином 1 мг/кг 2 раза в сутки]; [@d:несмотря на лечение, "
  "развилась остановка кровообращения|состояние стабилизировалось]." },
{ 0, SC_W | SC_O | SC_D, 1, 100, 0, TP_TRANSF, NULL,
  "Гемотрансфузия кезінде {AT} [@c:{PTD} қан тобы бойынша үйлесімсіз "
  "эритроцит суспензиясының шамамен <50-150/10> мл құйылды; қалтырау, "
  "бел ауыруы, гемоглобинурия пайда болды|компоненттің сәйкестендіру "
  "қатесі трансфузия басталғанға дейін науқастың төсегінің жанында "
  "қайта тексеру кезінде анықталды]; [үйлесімділікке сынама "
  "жүргізілмеген|контейнер тегі ұқсас басқа науқасқа арналған].",
  "При гемотрансфузии {AT} [@c:{PTD} перелито около <50-150/10> мл "
  "эритроцитной взвеси, несовместимой по группе крови; появились озноб, "
  "боли в пояснице, гемоглобинурия|ошибка идентификации компонента "
  "выявлена при повторной проверке у постели пациента до начала "
  "трансфузии]; [пробы на совместимость не проводились|контейнер "
  "предназначался пациенту с похожей фамилией].",
  "[@c:Трансфузия тоқтатылды, инфузиялық терапия, мәжбүрлі диурез "
  "жүргізіліп, реанимация бөлімшесіне ауыстырылды; креатинин мен "
  "билирубин бақыланды|Компонент ауыстырылып, трансфузия реакциясыз "
  "жүргізілді].",
  "[@c:Трансфузия остановлена, инфузионная терапия, форсированный "
  "диурез, [@g:переведён|переведена] в ОРИТ; контроль креатинина и "
  "билирубина|Компонент заменён, трансфузия проведена без реакций]." },
{ 0, SC_W | SC_O | SC_D, 18, 100, 0, TP_HANDOFF, NULL,
  "Шекті мәні бар [@1:тропонин талдауының|кеуде қуысы КТ-сының|қан "
  "себіндісінің] нәтижесі бөлімшеге {AT} келіп түсті, бірақ емдеуші "
  "дәрігерге тек <5-14> сағаттан кейін жеткізілді; [@1:миокард "
  "инфарктісін емдеу|өкпе артериясының тромбоэмболиясын "
  "емдеу|бактерияға қарсы терапия] кешігіп басталды.",
  "Результат [@1:анализа на тропонин|КТ грудной клетки|посева крови] с "
  "критическим значением поступил в отделение {AT}, но был доведён до "
  "лечащего врача лишь через <5-14~час~часа~часов>; [@1:лечение "
  "инфаркта миокарда|лечение ТЭЛА|антибактериальная терапия] начато с "
  "задержкой.",
  "[@1:Стент қоя отырып коронарография жасалды|Антикоагулянттық терапия "
  "басталды|Сезімталдығы бойынша бактерияға қарсы терапия "
  "тағайындалды]; [@c:реанимация бөлімшесінде емдеуді қажет ететін "
  "асқынулар дамыды|әрі қарай хаттама бойынша ем жүргізілді].",
  "[@1:Выполнена коронарография со стентированием|Начата "
  "антикоагулянтная терапия|Назначена антибактериальная терапия по "
  "чувствительности]; [@c:развились осложнения, потребовавшие лечения в "
  "ОРИТ|дальнейшее лечение по протоколу]." },
{ 0, SC_W | SC_D, 18, 100, 0, TP_EQUIP, NULL,
  "Назогастралдық зонд орны бақыланбай орнатылды; {AT} энтералдық "
  "тамақтандыру басталып, <150-300/50> мл қоспа енгізілгеннен кейін "
  "жөтел және SpO2 <75-85>% дейін төмендеуі дамыды; рентгенограммада — "
  "зонд [оң жақ негізгі бронхта|оң өкпенің төменгі бөлігінде].",
  "Назогастральный зонд установлен без контроля положения; {AT} начато "
  "энтеральное питание, после введения <150-300/50> мл смеси развились "
  "кашель и десатурация до <75-85>%; на рентгенограмме — зонд [в правом "
  "главном бронхе|в нижней доле правого лёгкого].",
  "Зонд алынып, санациялық бронхоскопия жасалды, ӨЖЖ-ға ауыстырылды, "
  "аспирациялық пневмонияға бактерияға қарсы терапия жүргізілді.",
  "Зонд удалён, санационная бронхоскопия, [@g:переведён|переведена] на "
  "ИВЛ, антибактериальная терапия аспирационной пневмонии." },
/* --- any family: corporate --- */
{ 0, SC_CORP | SC_W | SC_O, 0, 100, 0, TP_FALL, NULL,
  "^{AT} {PT} [@a:бөгде көмексіз төсектен тұрып жатып палатада|ата-анасының "
  "қадағалауынсыз қалып, палатадағы төсектен|іш киімін ауыстыру кезінде "
  "жөргектеу үстелінен] құлап қалды; [@a:[еден жинаудан кейін дымқыл "
  "болды|төсектің қоршауы көтерілмеген|персоналды шақыру түймесі жұмыс "
  "істемеді]|[төсектің қоршауы көтерілмеген|анасы палатадан шығып "
  "кеткен]|мейірбике жаялық алу үшін бұрылып кеткен].",
  "^{AT} {PT} [@g:упал|упала] [@a:в палате, поднимаясь с кровати без "
  "посторонней помощи|с кровати в палате, оставшись без присмотра "
  "родителей|с пеленального стола во время смены белья]; [@a:[пол был "
  "влажным после уборки|ограждение кровати не было поднято|кнопка "
  "вызова персонала не работала]|[ограждение кровати не было "
  "поднято|мать отлучилась из палаты]|медсестра отвернулась за "
  "подгузником].",
  "Кезекші дәрігер және [@a:травматолог|балалар хирургы|неонатолог] "
  "қарады; [@c:[@a:рентгенография — кәріжіліктің әдеттегі жерден "
  "сынуы, гипс лонгетасы салынды|бас КТ-сы — төбе сүйегінің сызықтық "
  "сынуы, нейрохирург бақылауы|бас миының ультрадыбыстық зерттеуі — "
  "кефалогематома, бақылау]|жарақаттар анықталмады, бір тәулік бойы "
  "бақылау жүргізілді].",
  "Осмотр дежурного врача и [@a:травматолога|детского "
  "хирурга|неонатолога]; [@c:[@a:рентгенография — перелом лучевой кости "
  "в типичном месте, наложена гипсовая лонгета|КТ головы — линейный "
  "перелом теменной кости, наблюдение нейрохирурга|УЗИ головного мозга "
  "— кефалогематома, наблюдение]|повреждений не выявлено, наблюдение в "
  "течение суток]." },
{ 0, SC_CORP | SC_W | SC_O, 0, 100, 0, TP_ID, NULL,
  "[@1:Биохимиялық талдауға|Қан тобына|Коагулограммаға] қан алу кезінде "
  "[сәйкестендіру білезіктерінің|науқас төсегінің жанындағы "
  "таңбалаудың] болмауынан [@2:тектері бірдей екі науқастың|бір "
  "палатадағы екі науқастың] сынауықтары шатастырылды; [@c:басқа "
  "адамның нәтижесі негізінде {PTD} ем өзгертіліп, жағдайы "
  "нашарлады|қатені алдыңғы нәтижелермен сәйкес келмеуі бойынша "
  "зертхана анықтады].",
  "При заборе крови на [@1:биохимический анализ|группу "
  "крови|коагулограмму] пробирки [@2:двух пациентов с одинаковыми "
  "фамилиями|двух пациентов одной палаты] были перепутаны из-за "
  "отсутствия [идентификационных браслетов|маркировки у постели "
  "пациента]; [@c:на основании чужого результата {PTD} изменено "
  "лечение, что привело к ухудшению состояния|ошибка выявлена "
  "лабораторией по несоответствию с предыдущими результатами].",
  "Екі белгі бойынша сәйкестендіріп қан қайта алынды; [@c:ем түзетіліп, "
  "жағдайы тұрақтандырылды|нәтижелер расталып, ем өзгертілмеді].",
  "Повторный забор крови с идентификацией по двум признакам; "
  "[@c:лечение скорректировано, состояние стабилизировано|результаты "
  "подтверждены, лечение не изменялось]." },
{ 0, SC_CORP | SC_W | SC_O | SC_D, 0, 100, 0, TP_EQUIP, NULL,
  "^{AT} [@1:норадреналин енгізу кезінде инфузиялық сорғы|науқасты "
  "тасымалдау кезінде ӨЖЖ аппараты|реанимациялық іс-шаралар кезінде "
  "дефибриллятор|операция кезінде наркоз-тыныс алу аппараты] істен "
  "шықты; [жоспарлы техникалық қызмет көрсету <2-7> айға "
  "кешіктірілген|бөлімшеде резервтік жабдық болмады|аккумулятор "
  "зарядталмаған].",
  "^{AT} произошёл отказ [@1:инфузионного насоса при введении "
  "норадреналина|аппарата ИВЛ при транспортировке "
  "пациента|дефибриллятора во время реанимационных "
  "мероприятий|наркозно-дыхательного аппарата во время операции]; "
  "[плановое техническое обслуживание было просрочено на "
  "<2-7~месяц~месяца~месяцев>|резервное оборудование в отделении "
  "отсутствовало|аккумулятор не был заряжен].",
  "[@1:Сорғы ауыстырылып, енгізу <5-15> минуттан кейін қайта "
  "басталды|Аппарат ауыстырылғанға дейін қаппен қолмен желдету "
  "басталды|Көрші бөлімшенің <2-5> минуттан кейін жеткізілген "
  "дефибрилляторы қолданылды|Қолмен желдетуге және жалпы көктамыр "
  "ішілік анестезияға көшті]; [@c:гипотония дамып, вазопрессорлар "
  "дозасын түзету қажет болды|жағдайы нашарлаған жоқ].",
  "[@1:Насос заменён, введение возобновлено через "
  "<5-15~минуту~минуты~минут>|Начата ручная вентиляция мешком до замены "
  "аппарата|Использован дефибриллятор соседнего отделения, доставленный "
  "через <2-5~минуту~минуты~минут>|Переход на ручную вентиляцию и "
  "тотальную внутривенную анестезию]; [@c:развилась гипотония, "
  "потребовалась коррекция доз вазопрессоров|состояние не "
  "ухудшилось]." },
{ 0, SC_CORP | SC_O, 0, 100, 0, TP_DOCS, NULL,
  "^{PTG} медициналық картасы [бөлімшелер арасында ауыстыру кезінде "
  "жоғалып кетті|науқаспен бірге бөлімшеге келмеді]; [тағайындаулар "
  "<4-12> сағат бойы жаддан орындалды|тексеру нәтижелерін қайта "
  "сұратуға тура келді].",
  "Медицинская карта {PTG} [была утеряна при переводе между "
  "отделениями|не поступила в отделение вместе с пациентом]; "
  "[назначения в течение <4-12~часа~часов~часов> выполнялись по "
  "памяти|результаты обследований пришлось запрашивать повторно].",
  "Карта медициналық ақпараттық жүйенің деректері бойынша қалпына "
  "келтірілді; тағайындауларды емдеуші дәрігер қайта тексерді.",
  "Карта восстановлена по данным медицинской информационной системы; "
  "назначения перепроверены лечащим врачом." },
{ 0, SC_CORP | SC_W | SC_D, 0, 100, 0, TP_DIAG, NULL,
  "^{PTG} [@2:шұғыл оперативті емдеу|ЭКМО жүргізу|нейрохирургиялық "
  "араласу] үшін [@1:облыстық ауруханаға|республикалық орталыққа] "
  "ауыстырылуы [@3:бос реанимациялық бригаданың "
  "болмауынан|санитарлық авиацияға қолайсыз ауа райынан|бағыттау "
  "кезіндегі келісушіліктің болмауынан] <3-9> сағатқа кешікті.",
  "Перевод {PTG} [@1:в областную больницу|в республиканский центр] для "
  "[@2:экстренного оперативного лечения|проведения "
  "ЭКМО|нейрохирургического вмешательства] задержался на "
  "<3-9~час~часа~часов> из-за [@3:отсутствия свободной реанимационной "
  "бригады|неблагоприятных погодных условий для санитарной "
  "авиации|несогласованности при маршрутизации].",
  "Ауыстырылғанға дейін орнында қарқынды терапия жүргізілді, "
  "[[@1:облыстық ауруханамен|республикалық орталықпен] телемедициналық "
  "кеңес өткізілді|санитарлық авиация арқылы кеңесші шақырылды]; "
  "[@d:күту кезінде қан айналымы тоқтады|{PT} тұрақты ауыр жағдайда "
  "жеткізілді].",
  "До перевода проводилась интенсивная терапия на месте, "
  "[телемедицинская консультация с [@1:областной "
  "больницей|республиканским центром]|выезд консультанта по линии "
  "санитарной авиации]; [@d:во время ожидания развилась остановка "
  "кровообращения|{PT} [@g:доставлен|доставлена] в стабильно тяжёлом "
  "состоянии]." },
{ 0, SC_CORP | SC_O, 16, 90, 0, TP_SECUR, NULL,
  "^{AT} [алкогольдік мас|психомоторлық қозу] күйіндегі {PT} бөлімшенің "
  "[мейірбикесіне|кезекші дәрігеріне] соққы жасады; [дабыл түймесі "
  "іске қосылмады|күзет <10-20> минуттан кейін келді].",
  "^{AT} {PT} в состоянии [алкогольного опьянения|психомоторного "
  "возбуждения] [@g:нанёс|нанесла] удары [медсестре|дежурному врачу] "
  "отделения; [тревожная кнопка не сработала|охрана прибыла через "
  "<10-20> минут].",
  "Күзет пен полиция шақырылды; {PTD} [психиатрдың|кезекші "
  "дәрігердің] тағайындауы бойынша седация жүргізілді; зардап шеккен "
  "қызметкерге медициналық көмек көрсетілді.",
  "Вызваны охрана и полиция; {PTD} проведена седация по назначению "
  "[психиатра|дежурного врача]; пострадавшему сотруднику оказана "
  "медицинская помощь." },
{ 0, SC_CORP | SC_W | SC_O, 0, 100, 0, TP_EQUIP, NULL,
  "^{AT} [@1:операция|гемодиализ|реанимация бөлімшесінде ӨЖЖ] кезінде "
  "электрмен жабдықтау ажыратылды; резервтік генератор "
  "[@2:автоматты ауыстырып-қосқыштың ақаулығынан|белгіленген 10 "
  "секундтың орнына] <40-180/10> секундтан кейін қосылды.",
  "^{AT} во время [@1:операции|проведения гемодиализа|проведения ИВЛ в "
  "ОРИТ] произошло отключение электроснабжения; резервный генератор "
  "включился через <40-180/10> секунд [@2:из-за неисправности "
  "автоматического переключателя|вместо положенных 10 секунд].",
  "[@1:Операция автономды жарықпен жалғастырылды|Гемодиализ қуат "
  "қалпына келгеннен кейін аяқталды|Қаппен қолмен желдету "
  "жүргізілді]; [@c:{PTG} SpO2 <80-88>% дейін төмендегені "
  "тіркелді|өмірлік маңызды көрсеткіштері тұрақты болды].",
  "[@1:Операция продолжена при автономном освещении|Гемодиализ завершён "
  "после восстановления питания|Проводилась ручная вентиляция мешком]; "
  "[@c:у {PTG} зарегистрирована десатурация до <80-88>%|показатели "
  "жизненно важных функций оставались стабильными]." },
{ 0, SC_CORP | SC_W | SC_O, 10, 95, 0, TP_SECUR, NULL,
  "^{PT} {AT} бөлімшеден өз бетінше кетіп қалды; оның жоқтығы <2-6> "
  "сағаттан кейін [кешкі аралау кезінде|дәрі тарату кезінде] анықталды. "
  "[@c:Көшеден тоңған күйінде табылды|Өзі оралды, жағдайы нашарлаған "
  "жоқ].",
  "^{PT} [@g:самовольно покинул|самовольно покинула] отделение {AT}; "
  "отсутствие обнаружено через <2-6~час~часа~часов> [при вечернем "
  "обходе|при раздаче лекарств]. [@c:[@g:Найден|Найдена] на улице в "
  "состоянии переохлаждения|[@g:Вернулся|Вернулась] самостоятельно, "
  "состояние не ухудшилось].",
  "Күзет пен полицияны тарта отырып іздеу ұйымдастырылды, туыстарына "
  "хабарланды; [@c:жылыту, қол басының үсігін емдеу жүргізілді|тексеріліп, "
  "ем жалғастырылды].",
  "Организован розыск с привлечением охраны и полиции, уведомлены "
  "родственники; [@c:проведены согревание, лечение отморожения "
  "кистей|проведён осмотр, лечение продолжено]." },
{ 0, SC_CORP | SC_W, 18, 100, 0, TP_SKIN, NULL,
  "Операциядан кейін {PTV} жылыту үшін қабы жоқ жылытқыш қолданылды; "
  "спинальды анестезия тарағаннан кейін [сирақтың|санның] дене бетінің "
  "<1-3>%-ын алатын II дәрежелі күйігі анықталды.",
  "Для согревания {PTG} после операции использована грелка без чехла; "
  "после разрешения спинальной анестезии выявлен ожог [голени|бедра] II "
  "степени площадью <1-3>% поверхности тела.",
  "Күйікті жергілікті емдеу, таңу, комбустиолог кеңесі; <12-20> "
  "тәулікте жазылды.",
  "Местное лечение ожога, перевязки, консультация комбустиолога; "
  "заживление за <12-20> суток." },
{ 0, SC_CORP | SC_W | SC_O, 1, 100, 0, TP_FOOD, NULL,
  "[@1:Жаңғаққа|Сүт ақуызына|Жұмыртқаға] аллергиясы белгілі {PTD} тамақ "
  "блогынан {AT} құрамында [@1:жаңғақ|сүт|жұмыртқа] бар тағам берілді; "
  "[тамақтану парағында диета таңбасы болмады|диеталық мейірбикеге "
  "тағамдық аллергия туралы хабарланбады]. [@c:<10-30/5> минуттан кейін "
  "есекжем мен бронх түйілуі дамыды|Қатені тамақ ішкенге дейін туыстары "
  "байқады].",
  "^{PTD} с известной аллергией на [@1:орехи|молочный белок|яйца] из "
  "пищеблока {AT} выдано блюдо, содержащее [@1:орехи|молоко|яйцо]; "
  "[маркировка диеты в листе питания отсутствовала|диетсестра не была "
  "уведомлена о пищевой аллергии]. [@c:Через <10-30/5> минут развились "
  "крапивница и бронхоспазм|Ошибка замечена родственниками до приёма "
  "пищи].",
  "[@c:Адреналин, антигистаминдік препараттар енгізілді, сальбутамол "
  "ингаляциясы жасалды; бір тәулік реанимация бөлімшесінде "
  "бақыланды|Тағам ауыстырылып, тамақ блогының қызметкерлерімен әңгіме "
  "жүргізілді].",
  "[@c:Введены адреналин, антигистаминные препараты, ингаляция "
  "сальбутамола; наблюдение в ОРИТ в течение суток|Блюдо заменено, "
  "проведена беседа с персоналом пищеблока]." },
{ 0, SC_CORP | SC_W | SC_O, 1, 100, 0, TP_LAB, NULL,
  "^{AT} алынған [@1:биопсиядан|операциядан] кейінгі биоматериал "
  "[патоморфологиялық "
  "зертханаға тасымалдау кезінде жоғалып кетті|зертханаға жолдамасыз "
  "және таңбасыз түсті]; [@c:қайта биопсия қажет болды|материал <1-2> "
  "тәуліктен кейін табылып, сәйкестендірілді].",
  "Биоматериал, взятый {AT} [@1:при биопсии|при операции], [был "
  "утерян при "
  "транспортировке в патоморфологическую лабораторию|поступил в "
  "лабораторию без направления и маркировки]; [@c:потребовалась "
  "повторная биопсия|материал найден и идентифицирован через "
  "<1-2~сутки~суток~суток>].",
  "[@c:[Жергілікті анестезиямен|Седациямен] қайта биопсия "
  "жасалды|Гистологиялық зерттеу кешігіп жасалды]; нәтижелер {PTD} "
  "жеткізілді.",
  "[@c:Выполнена повторная биопсия под [местной "
  "анестезией|седацией]|Гистологическое исследование выполнено с "
  "задержкой]; результаты доведены до сведения {PTG}." },
{ 0, SC_CORP | SC_W | SC_O, 0, 100, 0, TP_DOCS, NULL,
  "^{AT} медициналық ақпараттық жүйеде <2-6> сағатқа созылған іркіліс "
  "болды; [тағайындау парақтары қолжетімсіз болды|зертханалық "
  "зерттеулердің нәтижелері көрсетілмеді], [@c:{PTD} жоспарлы "
  "[бактерияға қарсы дәрі|ауырсынуды басатын дәрі] уақтылы "
  "енгізілмеді|жұмыс тағайындауларды өткізіп алмай қағаз "
  "тасымалдағыштарға көшірілді].",
  "^{AT} произошёл сбой медицинской информационной системы "
  "продолжительностью <2-6~час~часа~часов>; [листы назначений были "
  "недоступны|результаты лабораторных исследований не отображались], "
  "[@c:{PTD} не было своевременно введено плановое "
  "[антибактериальное средство|обезболивающее]|работа переведена на "
  "бумажные носители без пропуска назначений].",
  "[@c:Өткізіп алынған доза кешігіп енгізіліп, жағдайы бағаланды|Жүйе "
  "қалпына келгеннен кейін тағайындаулар салыстырылды].",
  "[@c:Пропущенная доза введена с задержкой, проведена оценка "
  "состояния|Назначения сверены после восстановления системы]." },
{ 0, SC_CORP | SC_W | SC_O | SC_D, 0, 100, 0, TP_EQUIP, NULL,
  "^{AT} [@1:реанимация бөлімшесінде|бөлімшеде] [@2:редуктордың қатып "
  "қалуынан|рампадағы баллондарды ауыстыру кезіндегі қатеден] "
  "орталық жүйеден оттегі беру тоқтады; [резервтік баллондарға көшу "
  "<5-15> минутқа созылды|резервтік баллондар болмады].",
  "^{AT} [@1:в ОРИТ|в отделении] прекратилась подача кислорода из "
  "центральной системы из-за [@2:замерзания редуктора|ошибки при "
  "замене баллонов в рампе]; [переход на резервные баллоны занял "
  "<5-15~минуту~минуты~минут>|резервные баллоны отсутствовали].",
  "[Оттегі концентраторлары қосылды|Тасымалы баллондар пайдаланылды], "
  "{PTD} [@c:қолмен желдету жүргізілді; SpO2 <60-80>% дейін гипоксемия "
  "тіркелді|оттегі үзіліссіз берілді, десатурация байқалмады].",
  "[Подключены кислородные концентраторы|Использованы переносные "
  "баллоны]; {PTD} [@c:проводилась ручная вентиляция, зарегистрирована "
  "гипоксемия до <60-80>%|подача кислорода обеспечена без перерыва, "
  "десатурации не отмечено]." },
};
#define NSCENS NELEM(scens)

/* ------------------------------------------------------------------ */
/* Phrases shared by all scenarios                                     */

/* Who a phrase fits: an age class and an age range in years. */
#define AC_ANY	  -1
#define AC_ADULT  0
#define AC_CHILD  1
#define AC_NEO	  2
#define AC_NOTNEO 3

#define PF_ALIVE 0x01	/* not after a death (apologies to the patient) */
#define PF_CLIN	 0x02	/* only after a clinical incident */
#define PF_NOOBST 0x04	/* not in obstetrics (a woman in labour) */
#define PF_INPAT 0x08	/* only for an incident on the ward */

struct ptx {
	int	 cls;		/* AC_* */
	int	 amin, amax;
	int	 flags;		/* PF_* */
	const char *kk, *ru;
};

#define ANY	AC_ANY, 0, 120, 0
#define ADULT	AC_ADULT, 0, 120, 0
#define CHILD	AC_CHILD, 0, 120, 0
#define NEO	AC_NEO, 0, 120, 0
#define NOTNEO	AC_NOTNEO, 0, 120, 0

/* An opening sentence of the circumstances. */
static const struct ptx leads[] = {
	{ ANY, "^{PTA} {DEP} стационарлық емде болды.",
	  "^{PTA} [@g:находился|находилась] на стационарном лечении {DEP}." },
	{ NOTNEO, "^{PTA} [жоспарлы|шұғыл] түрде {DEPA} жатқызылды.",
	  "^{PTA} [@g:госпитализирован|госпитализирована] в "
	  "[плановом|экстренном] порядке {DEPA}." },
	{ ANY, "Оқыс оқиға {AT} {DEP} орын алды.",
	  "Инцидент произошёл {DEP} {AT}." },
	{ NOTNEO, "^{PTA} {DEPA} «{DXN}» ({DXC}) диагнозымен түсті.",
	  "^{PTA} [@g:поступил|поступила] {DEPA} с диагнозом «{DXN}» "
	  "({DXC})." },
	{ ANY, "Оқиға {DEP} {SHIFT} тіркелді.",
	  "Событие зарегистрировано {DEP} {SHIFT}." },
	{ AC_ADULT, 0, 120, PF_NOOBST,
	  "^{PTA} {DEP} <4-14>-тәулік ем қабылдап жатқан.",
	  "^{PTA} [@g:находился|находилась] {DEP} на <4-14>-е сутки "
	  "лечения." },
	{ NEO, "^{PT} {DEP} өмірінің <1-7>-тәулігінде болды.",
	  "^{PT} [@g:находился|находилась] {DEP}, возраст — "
	  "<1-7~сутки~суток~суток>." },
};

/* Details added to long circumstances. */
static const struct ptx details[] = {
	{ ANY, "Жағдай туралы дереу [бөлімше меңгерушісіне хабарланды|бас "
	  "дәрігердің орынбасарына баяндалды] және оқыс оқиғаларды тіркеу "
	  "журналына жазба енгізілді.",
	  "О случае незамедлительно [сообщено заведующему "
	  "отделением|доложено заместителю главного врача], сделана запись в "
	  "журнале регистрации инцидентов." },
	{ ANY, "Себептердің бірі — [қызметкерлерге жүктеменің жоғары "
	  "болуы|клиникалық хаттаманы жеткіліксіз білу|іс-әрекет "
	  "алгоритмінің болмауы|ауысымды тапсыру кезіндегі сабақтастықтың "
	  "бұзылуы|түнгі уақытта кадр тапшылығы].",
	  "Среди причин — [высокая нагрузка на персонал|недостаточное знание "
	  "клинического протокола|отсутствие алгоритма действий|нарушение "
	  "преемственности при передаче смены|дефицит кадров в ночное "
	  "время]." },
	{ AC_ANY, 0, 120, PF_INPAT,
	  "Оқиға сәтінде бөлімшеде <18-46> науқас болды, бекетте — "
	  "<1-2> мейірбике.",
	  "На момент события в отделении находилось "
	  "<18-46~пациент~пациента~пациентов>, на посту — "
	  "<1-2~медсестра~медсестры~медсестёр>." },
	{ ANY, "[Мейірбикенің|Дәрігердің] түсініктемесіне сәйкес, "
	  "[ауысым ауысқанда науқастың жағдайы туралы ақпарат "
	  "берілмеген|қызметкерлер сол уақытта басқа ауыр науқаспен "
	  "айналысқан|іс-әрекет алгоритміндегі өзгерістер туралы барлық "
	  "қызметкерлер білмеген].",
	  "Согласно объяснительной [медсестры|врача], [информация о состоянии "
	  "пациента не была передана при пересменке|персонал в это время был "
	  "занят с другим тяжёлым пациентом|об изменениях в алгоритме действий "
	  "знали не все сотрудники]." },
	{ AC_ANY, 0, 120, PF_INPAT,
	  "Оқиға сәтіндегі стационарда болу ұзақтығы — <1-21> тәулік.",
	  "Длительность пребывания в стационаре на момент события — "
	  "<1-21~сутки~суток~суток>." },
	{ ANY, "Оқыс оқиғаны [емдеуші дәрігер|кезекші мейірбике|бөлімше "
	  "меңгерушісі|аға мейірбике] [таңғы аралау кезінде|бірден|ауысымды "
	  "тапсыру кезінде] анықтады.",
	  "Инцидент выявлен [лечащим врачом|дежурной медсестрой|заведующим "
	  "отделением|старшей медсестрой] [при утреннем "
	  "обходе|незамедлительно|при передаче смены]." },
};

/* Closing sentences by consequence (Form 1). */
static const struct ptx out_with[] = {
	{ ANY, "Оқыс оқиға салдарынан емдеу мерзімі <3-14> тәулікке ұзарды.",
	  "В результате инцидента срок госпитализации увеличился на "
	  "<3-14~сутки~суток~суток>." },
	{ ANY, "Оқыс оқиға қосымша араласуларды қажет етті; <4-20>-тәулікте "
	  "жақсарып шығарылды.",
	  "Инцидент потребовал дополнительных вмешательств; "
	  "[@g:выписан|выписана] на <4-20>-е сутки с улучшением." },
	{ ANY, "Салдары: жағдайдың уақытша нашарлауы, <1-5> тәулікке "
	  "реанимация бөлімшесіне ауыстыру.",
	  "Последствия: временное ухудшение состояния, перевод в ОРИТ на "
	  "<1-5~сутки~суток~суток>." },
	{ NOTNEO, "Шығару кезінде: [орташа функционалдық бұзылыстар|қалдық "
	  "ауырсыну синдромы|қозғалыстың шектелуі]; оңалту ұсынылды.",
	  "При выписке: [умеренные функциональные нарушения|остаточный "
	  "болевой синдром|ограничение подвижности]; рекомендована "
	  "реабилитация." },
};

static const struct ptx out_without[] = {
	{ ANY, "^{PTG} денсаулығына зиян келтірілмеді.",
	  "Вред здоровью {PTG} не причинён." },
	{ ANY, "Оқыс оқиға {PTG} денсаулығына салдар әкелмеді.",
	  "Инцидент не повлёк последствий для здоровья {PTG}." },
	{ ANY, "^{PTG} жағдайы нашарлаған жоқ; жоспарлы түрде шығарылды.",
	  "Состояние {PTG} не ухудшилось; [@g:выписан|выписана] в плановом "
	  "порядке." },
	{ ANY, "[Жағдай салдарсыз оқыс оқиға ретінде сараланды|Талдау "
	  "қорытындысы бойынша оқиға салдарсыз оқыс оқиғаларға "
	  "жатқызылды|Оқыс оқиға зиян келтірмеген деп жіктелді].",
	  "[Ситуация квалифицирована как инцидент без последствий|По итогам "
	  "разбора событие отнесено к инцидентам без "
	  "последствий|Инцидент классифицирован как не повлёкший вреда]." },
	{ ANY, "Қауіп уақтылы жойылып, {PTG} денсаулығына әсер еткен жоқ.",
	  "Риск своевременно устранён, на здоровье {PTG} не повлиял." },
};

/* Closing sentences of Form 2: death, then harm without death. */
static const struct ptx out_death[] = {
	{ ANY, "Жүргізілген реанимациялық іс-шараларға қарамастан, {AT2} "
	  "биологиялық өлім тіркелді.",
	  "Несмотря на проводимые реанимационные мероприятия, {AT2} "
	  "констатирована биологическая смерть." },
	{ ANY, "Оқиғадан <2-12> тәуліктен кейін {PT} қайтыс болды.",
	  "Через <2-12~сутки~суток~суток> после события наступил летальный "
	  "исход." },
	{ ANY, "^{PT} <4-20>-тәулікте [@3:көп ағзалық "
	  "жеткіліксіздіктен|септикалық шоктан|бас миының ісінуінен] қайтыс "
	  "болды.",
	  "Летальный исход наступил на <4-20>-е сутки [@3:от полиорганной "
	  "недостаточности|от септического шока|от отёка головного мозга]." },
};

/* Indexed by disability: none (adult), none (child), group, child. */
static const struct ptx out_harm[] = {
	{ ANY, "Еңбек ету қабілетінің тұрақты жоғалуы анықталған жоқ; зиян "
	  "мүгедектіксіз ятрогения ретінде сараланды.",
	  "Стойкой утраты трудоспособности не установлено; вред "
	  "квалифицирован как ятрогения без инвалидности." },
	{ ANY, "Мүгедектік белгіленген жоқ; зиян ятрогения ретінде "
	  "сараланды.",
	  "Инвалидность не установлена; вред квалифицирован как "
	  "ятрогения." },
	{ ANY, "Медициналық-әлеуметтік сараптама қорытындысы бойынша {DIS} "
	  "топтағы мүгедектік белгіленді.",
	  "По заключению медико-социальной экспертизы установлена {DIS} "
	  "группа инвалидности." },
	{ ANY, "«Мүгедектігі бар бала» санаты белгіленді.",
	  "Установлена категория «ребёнок с инвалидностью»." },
};

/* Anamnesis: the opening. */
static const struct ptx anam_open[] = {
	{ ADULT, "^{PTA}.", "^{PTA}." },
	{ NOTNEO, "^{PTA}, түскен кездегі диагнозы: «{DXN}» ({DXC}).",
	  "^{PTA}, диагноз при поступлении: «{DXN}» ({DXC})." },
	{ CHILD, "^{PTA}, [жасына сай екпе алған|ата-анасының бас тартуына "
	  "байланысты вакцинация аяқталмаған|жеке кесте бойынша екпе "
	  "алған].",
	  "^{PTA}, [[@g:привит|привита] по возрасту|вакцинация не завершена "
	  "из-за отказа родителей|[@g:привит|привита] по индивидуальному "
	  "графику]." },
	{ NEO, "Туылған кездегі гестациялық жасы — [@4:<26-31> апта, дене "
	  "салмағы — <800-1600/10> г|<32-36> апта, дене салмағы — "
	  "<1700-2600/10> г|<37-41> апта, дене салмағы — <2700-4300/10> г]; "
	  "Апгар шкаласы бойынша бағасы [4/6|5/7|6/7|7/8|8/9] балл.",
	  "Гестационный возраст при рождении — "
	  "[@4:<26-31~неделя~недели~недель>, масса тела — <800-1600/10> "
	  "г|<32-36~неделя~недели~недель>, масса тела — <1700-2600/10> "
	  "г|<37-41~неделя~недели~недель>, масса тела — <2700-4300/10> г]; "
	  "оценка по шкале Апгар [4/6|5/7|6/7|7/8|8/9] баллов." },
};

/* Anamnesis of an obstetric patient, after the opening. */
static const struct ptx anam_obst[] = {
	{ ANY, "[Алғашқы жүктілік, алғашқы босану|<2-6>-жүктілік, қайталама "
	  "босану], гестация мерзімі — <34-41> апта.",
	  "[Беременность первая, роды первые|Беременность <2-6>-я, роды "
	  "повторные], срок гестации — <34-41~неделя~недели~недель>." },
};

/* Chronic diseases, listed after "Сопутствующие заболевания:". */
static const struct ptx comorb[] = {
	{ AC_ADULT, 40, 120, 0, "[II|III] дәрежелі артериялық гипертензия",
	  "артериальная гипертензия [II|III] степени" },
	{ AC_ADULT, 40, 120, 0, "2-типті қант диабеті",
	  "сахарный диабет 2 типа" },
	{ AC_ADULT, 45, 120, 0, "жүректің ишемиялық ауруы",
	  "ишемическая болезнь сердца" },
	{ ADULT, "[I|II|III] дәрежелі семіздік (дене салмағының индексі "
	  "<31-45>)", "ожирение [I|II|III] степени (индекс массы тела "
	  "<31-45>)" },
	{ AC_ADULT, 45, 120, 0, "бүйректің созылмалы ауруы, <2-4>-сатысы",
	  "хроническая болезнь почек <2-4> стадии" },
	{ AC_ADULT, 45, 120, 0, "өкпенің созылмалы обструктивті ауруы",
	  "хроническая обструктивная болезнь лёгких" },
	{ AC_ADULT, 50, 120, 0, "жүрекшелер фибрилляциясы",
	  "фибрилляция предсердий" },
	{ AC_ADULT, 50, 120, 0, "<2-8> жыл бұрын ишемиялық инсульт алған",
	  "перенесённый <2-8~год~года~лет> назад ишемический инсульт" },
	{ ADULT, "аяқтың варикоз ауруы",
	  "варикозная болезнь нижних конечностей" },
	{ ADULT, "созылмалы вирустық гепатит",
	  "хронический вирусный гепатит" },
	{ ADULT, "темір тапшылықты анемия (гемоглобин <78-105> г/л)",
	  "железодефицитная анемия (гемоглобин <78-105> г/л)" },
	{ AC_ADULT, 60, 120, 0, "остеопороз", "остеопороз" },
	{ AC_ADULT, 70, 120, 0, "когнитивтік бұзылыстар",
	  "когнитивные нарушения" },
	{ ADULT, "бронх демікпесі", "бронхиальная астма" },
	{ ADULT, "созылмалы гастрит", "хронический гастрит" },
	{ ADULT, "гипотиреоз", "гипотиреоз" },
	{ CHILD, "темір тапшылықты анемия", "железодефицитная анемия" },
	{ CHILD, "жиі респираторлық инфекциялар",
	  "частые респираторные инфекции" },
	{ CHILD, "атопиялық дерматит", "атопический дерматит" },
	{ CHILD, "туа біткен жүрек ақауы (жүрекшеаралық перденің ақауы)",
	  "врождённый порок сердца (дефект межпредсердной перегородки)" },
};

/* A risk factor: the trigger of column 7 (trigger = yes). */
static const struct ptx triggers[] = {
	{ ADULT, "Анамнезінде — [пенициллиндерге есекжем түріндегі "
	  "аллергиялық реакция|құрамында йод бар контрастқа анафилаксиялық "
	  "реакция|стероидты емес қабынуға қарсы препараттарды көтере "
	  "алмау].",
	  "В анамнезе — [аллергическая реакция на пенициллины в виде "
	  "крапивницы|анафилактическая реакция на йодсодержащий "
	  "контраст|непереносимость нестероидных противовоспалительных "
	  "препаратов]." },
	{ ADULT, "Ұзақ уақыт бойы [варфарин|клопидогрел және ацетилсалицил "
	  "қышқылын|тәулігіне <10-30/5> мг преднизолон] қабылдайды.",
	  "Длительно принимает [варфарин|клопидогрел и ацетилсалициловую "
	  "кислоту|преднизолон <10-30/5> мг в сутки]." },
	{ ADULT, "Анамнезінде алкогольді шамадан тыс ішу бар, соңғы рет "
	  "ауруханаға жатқызылардан <1-3> тәулік бұрын ішкен.",
	  "Злоупотребление алкоголем в анамнезе, последний приём — за "
	  "<1-3~сутки~суток~суток> до госпитализации." },
	{ AC_ADULT, 30, 120, 0, "<10-40> жыл бойы күніне <10-30/5> темекі "
	  "шегеді.", "Курит <10-40~год~года~лет>, по <10-30/5> сигарет в "
	  "день." },
	{ ADULT, "Анамнезінде — [құрсақ қуысы ағзаларына жасалған <2-3> "
	  "операция|<1-5> жыл бұрын терең веналар тромбозы|соңғы жылы құлау "
	  "эпизодтары].",
	  "В анамнезе — [<2-3> операции на органах брюшной "
	  "полости|тромбоз глубоких вен <1-5~год~года~лет> назад|эпизоды "
	  "падений за последний год]." },
	{ AC_ADULT, 60, 120, 0, "Өз бетінше қозғалуы шектеулі, [таяқпен|арнайы "
	  "тірекпен|бөгде көмекпен] жүреді.",
	  "Передвижение ограничено, ходит [с тростью|с ходунками|с "
	  "посторонней помощью]." },
	{ CHILD, "Анамнезінде — [шала туылу|жиі респираторлық "
	  "инфекциялар|атопиялық дерматит, тағамдық аллергия|қызбалық "
	  "құрысулар].",
	  "В анамнезе — [недоношенность|частые респираторные "
	  "инфекции|атопический дерматит, пищевая аллергия|фебрильные "
	  "судороги]." },
	{ NEO, "Анасы: [босану кезіндегі хориоамнионит|<18-36> сағаттық "
	  "сусыз кезең|гестациялық қант диабеті|ауыр дәрежелі преэклампсия].",
	  "Мать: [хориоамнионит в родах|безводный промежуток "
	  "<18-36~час~часа~часов>|гестационный сахарный диабет|преэклампсия "
	  "тяжёлой степени]." },
};

static const struct ptx triggers_obst[] = {
	{ ANY, "Ауырлатылған акушерлік анамнез: [анамнезінде <1-2> рет кесар "
	  "тілігі|алдыңғы жүктілікте преэклампсия|алдыңғы босануда босанудан "
	  "кейінгі қан кету|<2-3> өздігінен түсік].",
	  "Отягощённый акушерский анамнез: [кесарево сечение "
	  "<1-2~раз~раза~раз> в анамнезе|преэклампсия в предыдущую "
	  "беременность|послеродовое кровотечение в предыдущих "
	  "родах|<2-3> самопроизвольных выкидыша]." },
	{ ANY, "Жүктілік барысы [анемиямен (гемоглобин <80-98> "
	  "г/л)|гестациялық қант диабетімен|қағанақ суының "
	  "көптігімен|преэклампсиямен] асқынды.",
	  "Течение беременности осложнилось [анемией (гемоглобин <80-98> "
	  "г/л)|гестационным сахарным диабетом|многоводием|преэклампсией]." },
};

/* No trigger. */
static const struct ptx no_trigger[] = {
	{ NOTNEO, "[Аллергиялық анамнезі ауыртпалықсыз|Анамнезінде "
	  "аллергиялық реакциялар жоқ|Дәрілік көтере алмаушылық "
	  "байқалмаған|Бұрын антибиотиктер мен анестетиктерге аллергиялық "
	  "реакциялар болмаған|Аллергиялық анамнезі — ерекшеліксіз].",
	  "[Аллергоанамнез не отягощён|Аллергических реакций в анамнезе "
	  "нет|Лекарственной непереносимости не отмечено|Аллергических реакций "
	  "на антибиотики и анестетики ранее не было|Аллергоанамнез — без "
	  "особенностей]." },
	{ NOTNEO, "[Оқиғаның дамуына ықпал ететін қауіп факторлары "
	  "анықталмаған|Түсу кезінде елеулі қауіп факторлары "
	  "анықталмаған|Түсу кезінде қауіпті бағалау шкалалары бойынша — төмен "
	  "қауіп[ (құлау)| (ойылу)| (тромбоэмболиялық асқынулар)]].",
	  "[Факторов риска, способствующих развитию события, не "
	  "выявлено|Значимых факторов риска при поступлении не выявлено|По "
	  "шкалам оценки риска при поступлении — низкий риск[ "
	  "(падения)| (пролежни)| (тромбоэмболические осложнения)]]." },
	{ NEO, "Анасының жүктілігі мен босануы асқынусыз өтті.",
	  "Беременность и роды у матери протекали без осложнений." },
};

/* More about the care given. */
static const struct ptx care_more[] = {
	{ AC_NOTNEO, 0, 120, PF_CLIN,
	  "Жалпы қан талдауы, қанның биохимиялық талдауы, "
	  "коагулограмма[, ЭКГ|, КТ|] жасалды.",
	  "Выполнены ОАК, биохимический анализ крови, коагулограмма[, "
	  "ЭКГ|, КТ|]." },
	{ AC_ANY, 0, 120, PF_CLIN,
	  "[Реаниматологтың|Клиникалық фармакологтың|Кардиологтың|"
	  "Невропатологтың] кеңесі берілді.",
	  "^[@g:Консультирован|Консультирована] "
	  "[реаниматологом|клиническим фармакологом|кардиологом|неврологом]." },
	{ AC_ADULT, 0, 120, PF_CLIN,
	  "Мониторинг: АҚ <90-150/5>/<50-95/5> сын. бағ. мм, ЖСЖ "
	  "минутына <58-118>, SpO2 <92-99>%.",
	  "Мониторинг: АД <90-150/5>/<50-95/5> мм рт. ст., ЧСС <58-118> в "
	  "минуту, SpO2 <92-99>%." },
	{ AC_ANY, 0, 120, PF_CLIN,
	  "[@a:<500-2500/100> мл|<20-60/5> мл/кг|<60-150/10> мл/кг/тәул] "
	  "көлемінде инфузиялық терапия жүргізілді.",
	  "Проведена инфузионная терапия в объёме [@a:<500-2500/100> "
	  "мл|<20-60/5> мл/кг|<60-150/10> мл/кг/сут]." },
	{ AC_ADULT, 0, 120, PF_CLIN,
	  "Ауырсынуды басу: бұлшықет ішіне [трамадол 100 "
	  "мг|кеторолак 30 мг|морфин 10 мг].",
	  "Обезболивание: [трамадол 100 мг|кеторолак 30 мг|морфин 10 мг] "
	  "внутримышечно." },
	{ ANY, "[Динамикалық бақылау|Емдеуші дәрігердің бақылауы|Жағдайды "
	  "бақылау] <2-7> тәулік бойы[ ерте ескерту шкаласы бойынша күнделікті "
	  "бағалаумен|] жүргізілді.",
	  "[Динамическое наблюдение|Наблюдение лечащего врача|Контроль "
	  "состояния] в течение <2-7~суток~суток~суток>[ с ежедневной оценкой "
	  "по шкале раннего предупреждения|]." },
	{ NOTNEO, "[Туыстарына|Жақын туыстарына|Отбасы мүшелеріне] [болған "
	  "жағдай және одан әрі емдеу жоспары туралы хабарланды|болған жағдай "
	  "туралы хабарланып, түсініктеме берілді|{AT2} болған жағдай туралы "
	  "хабарланды].",
	  "[Родственники|Близкие родственники|Члены семьи] [информированы о "
	  "случившемся и дальнейшем плане лечения|проинформированы о "
	  "случившемся, им даны разъяснения|уведомлены о случившемся {AT2}]." },
};

/* Measures taken (Form 1 and, some of them, Form 2). */
static const struct ptx measures[] = {
	{ ANY, "Жағдай пациентті қолдау және ішкі сараптама қызметінің "
	  "отырысында [оқиғадан кейін <3-10> жұмыс күні ішінде|сол "
	  "аптада|оқиға болған күні|келесі күні] талқыланды.",
	  "Случай разобран на заседании службы поддержки пациента и "
	  "внутренней экспертизы [в течение <3-10~рабочего дня~рабочих "
	  "дней~рабочих дней> после "
	  "события|на той же неделе|в день события|на следующий день]." },
	{ ANY, "Бөлімше қызметкерлеріне жоспардан тыс нұсқама өткізілді "
	  "(<8-45> адам).",
	  "Проведён внеплановый инструктаж персонала отделения "
	  "(<8-45~человек~человека~человек>)." },
	{ ANY, "Стандартты операциялық рәсім қайта қаралды: «{TOPIC}».",
	  "Пересмотрена стандартная операционная процедура «{TOPIC}»." },
	{ ANY, "Қызметкерлер «{TOPIC}» тақырыбы бойынша оқытылып, кейін "
	  "тестілеуден өтті.",
	  "Проведено обучение персонала по теме «{TOPIC}» с последующим "
	  "тестированием." },
	{ ANY, "Соңғы <2-6> айдағы [@4:бөлімшенің медициналық "
	  "карталарына|тағайындау парақтарына|есепке алу журналдарына] ішкі "
	  "аудит жүргізілді.",
	  "Проведён внутренний аудит [@4:медицинских карт отделения|листов "
	  "назначений|журналов учёта] за последние "
	  "<2-6~месяц~месяца~месяцев>." },
	{ ANY, "[Кінәлі қызметкерге ескерту жарияланды|Мейірбикеге тәртіптік "
	  "жаза қолданылды|Тәртіптік шаралар қолданылмады: жүйелік себептер "
	  "анықталды].",
	  "[Виновному сотруднику объявлено замечание|К медсестре применено "
	  "дисциплинарное взыскание|Дисциплинарные меры не применялись: "
	  "выявлены системные причины]." },
	{ ANY, "[Бөлімше меңгерушісінің|Аға мейірбикенің] [хаттаманың "
	  "сақталуын|тағайындаулардың орындалуын|құжаттаманың жүргізілуін] "
	  "бақылауы күшейтілді.",
	  "Усилен контроль [заведующего отделением|старшей медсестры] за "
	  "[соблюдением протокола|выполнением назначений|ведением "
	  "документации]." },
	{ ANY, "Жағдай туралы ақпарат [медициналық кеңеске|ұйымның барлық "
	  "бөлімшелеріне|бөлімшелердің аға мейірбикелеріне|жалпы ауруханалық "
	  "конференция қатысушыларына] [сабақ алу үшін|қателерден үйрену "
	  "аясында|себептерін талдай отырып] жеткізілді.",
	  "Информация о случае доведена до [медицинского совета|всех отделений "
	  "организации|старших медсестёр отделений|участников общебольничной "
	  "конференции] [для извлечения уроков|в рамках обучения на "
	  "ошибках|с разбором причин]." },
	{ AC_NOTNEO, 0, 120, PF_ALIVE,
	  "^{PTD} және туыстарына [кешірім сұралып, түсініктеме "
	  "берілді|болған жағдайдың себептері түсіндіріліп, кешірім "
	  "сұралды|әкімшілік атынан ресми кешірім сұралды].",
	  "^{PTD} и родственникам [принесены извинения, даны "
	  "разъяснения|разъяснены причины произошедшего, принесены "
	  "извинения|принесены официальные извинения от имени "
	  "администрации]." },
	{ NEO, "Ата-анасына болған жағдай түсіндіріліп, кешірім сұралды.",
	  "Родителям разъяснены обстоятельства случая, принесены "
	  "извинения." },
	{ ANY, "[Инфузиялық сорғыларды|Мониторларды|Функционалдық "
	  "төсектерді] сатып алуға өтінім берілді (<2-6> дана).",
	  "Подана заявка на закупку [инфузионных насосов|мониторов|"
	  "функциональных кроватей] (<2-6> шт.)." },
	{ ANY, "Бөлімше тәжірибесіне енгізілді: [ауысымды тапсыру "
	  "парағы|жоғары қауіпті дәрілерді бөлек сақтау|қос тексеру "
	  "ережесі|хирургиялық қауіпсіздіктің бақылау парағы|шприцтерді түспен "
	  "таңбалау|тоңазытқыштардағы температураны күнделікті "
	  "бақылау|сәйкестендіру білезіктері|құлау қаупін күнделікті бағалау].",
	  "В практику отделения внедрено: [лист передачи смены|раздельное "
	  "хранение препаратов высокого риска|правило двойной "
	  "проверки|чек-лист хирургической безопасности|цветовая маркировка "
	  "шприцев|ежедневный контроль температуры в "
	  "холодильниках|идентификационные браслеты|ежедневная оценка риска "
	  "падений]." },
};

static const struct ptx plan_yes[] = {
	{ ANY, "Орындалу мерзімі <1-3> ай болатын түзету шаралары жоспары "
	  "әзірленіп, бекітілді[; жауаптысы — сапа жөніндегі бас дәрігер "
	  "орынбасары|; жауаптысы — бөлімше меңгерушісі|; орындалуы келесі "
	  "тоқсанда тексеріледі|].",
	  "Разработан и утверждён план корректирующих мероприятий со сроком "
	  "исполнения <1-3~месяц~месяца~месяцев>[; ответственный — "
	  "заместитель главного врача по качеству|; ответственный — "
	  "заведующий отделением|; исполнение будет проверено в следующем "
	  "квартале|]." },
	{ ANY, "Оқиғаның дамуына әсер еткен факторларды талдау нәтижелері "
	  "бойынша түзету шаралары жоспары бекітілді ([<3-7> "
	  "тармақ|жауаптылар — бөлімше меңгерушілері|мерзімі — келесі айдың "
	  "<15-30>-күніне дейін]).",
	  "По результатам анализа факторов, повлиявших на развитие события, "
	  "утверждён план корректирующих мероприятий "
	  "([<3-7~пункт~пункта~пунктов>|ответственные — заведующие "
	  "отделениями|срок — до <15-30> числа следующего месяца])." },
	{ ANY, "Түзету шаралары жоспарына [<3-7> іс-шара|жабдықты ауыстыру "
	  "және қызметкерлерді оқыту] енгізілді; орындалуы [бас "
	  "мейірбикенің|сапа жөніндегі бас дәрігер орынбасарының] "
	  "бақылауында.",
	  "В план корректирующих мероприятий включены "
	  "[<3-7~мероприятие~мероприятия~мероприятий>|замена оборудования и "
	  "обучение персонала]; исполнение на контроле [главной "
	  "медсестры|заместителя главного врача по качеству]." },
};

static const struct ptx plan_no[] = {
	{ ANY, "Түзету шаралары жоспары әзірленбеді[, себебі оқиғаның дамуына "
	  "әсер еткен факторлар анықталмады|].",
	  "План корректирующих мероприятий не разрабатывался[, так как "
	  "факторы, повлиявшие на развитие события, не выявлены|]." },
};

/* Form 2: the commission, then the insurance (insured, uninsured). */
static const struct ptx f2_commission[] = {
	{ ANY, "Тәуелсіз сараптама комиссиясы [құрылды|жасақталды]; "
	  "қорытынды <3-5> жұмыс күні ішінде шығарылып, жағдай сақтандыру "
	  "жағдайы деп танылды.",
	  "[Создана|Сформирована] независимая экспертная комиссия; "
	  "заключение вынесено в течение <3-5~рабочего дня~рабочих "
	  "дней~рабочих дней>, случай признан страховым." },
	{ ANY, "Зиян келтіру туралы өтініш бойынша <1-3> жұмыс күні ішінде "
	  "тәуелсіз сараптама комиссиясы құрылды; оның қорытындысы "
	  "сақтандыру жағдайын тануға негіз болды.",
	  "По заявлению о причинении вреда в течение <1-3~рабочего "
	  "дня~рабочих дней~рабочих дней> "
	  "создана независимая экспертная комиссия; её заключение стало "
	  "основанием для признания страхового случая." },
};

static const struct ptx f2_insured[] = {
	{ ANY, "Материалдар бірыңғай сақтандыру пулының ақпараттық "
	  "платформасы арқылы сақтандырушыға жіберілді; сақтандыру төлемінің "
	  "мөлшері кемінде {MRP} АЕК болып айқындалды.",
	  "Материалы направлены страховщику через информационную платформу "
	  "единого страхового пула; размер страховой выплаты определён не "
	  "ниже {MRP} МРП." },
	{ ANY, "Сақтандыру төлемі (кемінде {MRP} АЕК) <10-30> жұмыс күні "
	  "ішінде [@d:қайтыс болған адамның отбасына|жәбірленушіге] төленді.",
	  "Страховая выплата (не менее {MRP} МРП) произведена "
	  "[@d:семье умершего|пострадавшему] в течение <10-30~рабочего "
	  "дня~рабочих дней~рабочих дней>." },
};

static const struct ptx f2_uninsured[] = {
	{ ANY, "Оқиға сәтінде медицина қызметкерінің кәсіптік жауапкершілігі "
	  "сақтандырылмаған; зиянды өтеу мәселесі заңнамада белгіленген "
	  "тәртіппен қаралуда.",
	  "Профессиональная ответственность медицинского работника на момент "
	  "события не была застрахована; вопрос возмещения вреда "
	  "рассматривается в установленном законодательством порядке." },
};

/*
 * Identifying detail as real submissions sometimes carry it, for the
 * scrubber to find: names, dates, phones, IINs, addresses, numbers.
 */
static const struct ptx id_anam[] = {
	{ ANY, "^{PT} {NAME}, {YOB} ж.т., ЖСН {IIN}.",
	  "^{PT} {NAME}, {YOB} г.р., ИИН {IIN}." },
	{ ANY, "^{PT} {NAME} ({YOB} ж.т.), мекенжайы: {ADDR}.",
	  "^{PT} {NAME} ({YOB} г.р.), проживает по адресу: {ADDR}." },
	{ ANY, "{ADMDATE} ауруханаға жатқызылды (ауру тарихы № "
	  "<1000-99999>).",
	  "^[@g:Госпитализирован|Госпитализирована] {ADMDATE} (история "
	  "болезни № <1000-99999>)." },
	{ NOTNEO, "Тұрғылықты жері бойынша №<1-40> емханада бақыланады, "
	  "учаскелік дәрігері — {SNAME}.",
	  "Наблюдается в поликлинике №<1-40> по месту жительства, "
	  "участковый врач — {SNAME}." },
	{ AC_ADULT, 90, 120, 0, "Оқиға кезінде науқасқа {AGEN} жас толған.",
	  "На момент события {PTD} исполнилось {AGEY}." },
	{ ADULT, "Қызының байланыс телефоны: {PHONE}.",
	  "Контактный телефон дочери: {PHONE}." },
};

static const struct ptx id_circ[] = {
	{ ANY, "Кезекші дәрігер — {SNAME}, мейірбике — {SNAME2}.",
	  "Дежурный врач — {SNAME}, медсестра — {SNAME2}." },
	{ ANY, "Оқиға {DATE} №<1-24> палатада болды.",
	  "Событие произошло {DATE} в палате №<1-24>." },
	{ ANY, "^{PT} {NAME}, {YOB} ж.т., №<1-24> палатада жатқан.",
	  "^{PT} {NAME}, {YOB} г.р., [@g:находился|находилась] в палате "
	  "№<1-24>." },
	{ ANY, "Жағдай туралы {DATEN} ж. {AT} бөлімше меңгерушісіне "
	  "({SNAME}) баяндалды.",
	  "О случае {DATEN} {AT} доложено заведующему отделением ({SNAME})." },
	{ ANY, "Туыстарына {PHONE} телефоны арқылы хабарланды.",
	  "Родственники уведомлены по телефону {PHONE}." },
	{ ANY, "Жедел жәрдем бригадасымен {ADDR} мекенжайындағы үйінен "
	  "жеткізілді.",
	  "^[@g:Доставлен|Доставлена] бригадой скорой помощи из дома по "
	  "адресу: {ADDR}." },
	{ ANY, "{ADMDATE} №<1-12> қалалық клиникалық ауруханадан "
	  "ауыстырылды.",
	  "^[@g:Переведён|Переведена] {ADMDATE} из ГКБ №<1-12>." },
};

static const struct ptx id_care[] = {
	{ ANY, "Консилиум өткізілді (төрағасы — {SNAME}).",
	  "Проведён консилиум (председатель — {SNAME})." },
	{ ANY, "Емдеуші дәрігер: {SNAME}, тел. {PHONE}.",
	  "Лечащий врач: {SNAME}, тел. {PHONE}." },
	{ ANY, "{DATEN} ж. {AT2} №<1-12> қалалық клиникалық ауруханаға "
	  "ауыстырылды.",
	  "^[@g:Переведён|Переведена] в ГКБ №<1-12> {DATEN} {AT2}." },
	{ ANY, "Қан компоненттері {DATEN} ж. № <100-9999> талап бойынша "
	  "берілді.",
	  "Компоненты крови выданы по требованию № <100-9999> от {DATEN}." },
};

static const struct ptx id_meas[] = {
	{ ANY, "Бөлімше мейірбикесіне ({SNAME}) тәртіптік жаза жарияланды.",
	  "Дисциплинарное взыскание объявлено медсестре отделения "
	  "({SNAME})." },
	{ ANY, "{DATEN2} ж. № <10-450>-П бұйрық шығарылды.",
	  "Издан приказ № <10-450>-П от {DATEN2}." },
	{ ANY, "Жоспардың орындалуына жауапты — бас дәрігердің орынбасары "
	  "{SNAME}, тел. {PHONE}.",
	  "Ответственный за исполнение плана — заместитель главного врача "
	  "{SNAME}, тел. {PHONE}." },
	{ ANY, "Талдау нәтижелері {DATEN2} ж. № <100-999> хатпен денсаулық "
	  "сақтау басқармасына жіберілді.",
	  "Результаты разбора направлены в управление здравоохранения "
	  "письмом от {DATEN2} № <100-999>." },
};

/* Surnames (the men's form) and initials for identifier sentences. */
static const char *const surnames[] = {
	"Сәрсенбаев", "Жұмабаев", "Нұрланов", "Әбдірахманов", "Қасымов",
	"Оспанов", "Төлеуов", "Ғабдуллин", "Үсенов", "Құрманғалиев",
	"Ақылбеков", "Байжанов", "Есенов", "Шәріпов", "Мұхамеджанов",
	"Жаһанов", "Тұңғышбаев", "Жеңісов", "Көңілбаев", "Өмірзақов",
	"Ілиясов", "Серікбаев", "Иванов", "Петров", "Ким", "Ли",
	"Шевченко", "Кузнецов", "Смағұлов", "Ермеков", "Дүйсенбаев",
	"Әлімжанов", "Қайратов", "Ұзақбаев", "Бекмұхамбетов", "Нұрғалиев",
};

static const char *const initials[] = {
	"А", "Ә", "Б", "Ғ", "Д", "Е", "Ж", "З", "І", "Қ", "Л", "М", "Н",
	"Ө", "Р", "С", "Т", "Ұ", "Ү", "Ш", "Һ", "А", "Г", "Н", "С"
};

/* Streets: Kazakh name, Russian "ул. X". */
static const char *const streets[][LANG__MAX] = {
	{ "Абай", "Абая" }, { "Сейфуллин", "Сейфуллина" },
	{ "Төле би", "Толе би" }, { "Райымбек", "Райымбека" },
	{ "Сәтбаев", "Сатпаева" }, { "Әуезов", "Ауэзова" },
	{ "Кенесары", "Кенесары" }, { "Момышұлы", "Момышулы" },
	{ "Пушкин", "Пушкина" }, { "Гагарин", "Гагарина" },
	{ "Жамбыл", "Жамбыла" }, { "Байтұрсынов", "Байтурсынова" },
	{ "Қабанбай батыр", "Кабанбай батыра" },
	{ "Желтоқсан", "Желтоксан" }, { "Бөгенбай батыр", "Богенбай батыра" },
	{ "Есенберлин", "Есенберлина" },
};

static const char *const phone_ops[] = {
	"700", "701", "702", "705", "707", "708", "747", "771", "775",
	"776", "777", "778"
};

static const struct ptx no_comorb[] = {
	{ NOTNEO, "[Қосалқы патологиясы анықталмаған|Созылмалы аурулары "
	  "жоқ|Диспансерлік есепте тұрмайды|Созылмалы ауруларын жоққа "
	  "шығарады].",
	  "[Сопутствующей патологии не выявлено|Хронических заболеваний "
	  "нет|На диспансерном учёте не состоит|Хронические заболевания "
	  "отрицает]." },
};

/* ------------------------------------------------------------------ */
/* Records and their slots                                             */

struct rec {
	int	 form;
	int	 prof, fam, dept, region, org;
	int	 sex;		/* 0 male, 1 female */
	int	 age, months;	/* months: infants (age 0, not newborn) */
	int	 agecls;	/* AC_ADULT, AC_CHILD, AC_NEO */
	int	 dx;		/* index into dxs */
	long	 day;		/* the event, days since 1970-01-01 */
	int	 hh, mi, hh2, mi2;
	int	 weekend;
	int	 cons;		/* 0 with consequences, 1 without */
	int	 corp;		/* a corporate incident */
	int	 outpat;	/* it began outside the ward */
	int	 death;		/* Form 2 */
	int	 dis;		/* 0 none, 1-3 group I-III, 4 disabled child */
	int	 topic;
	uint32_t lab[5];	/* labels 1-4 of [@n:...] */
	uint64_t idseed;	/* names, phones, addresses */
};

/*
 * Append text, capitalising its first letter if *cap is set.  A full
 * stop right after one that ends an abbreviation ("г.", "Ә.Қ.") is
 * dropped.
 */
static void
x_text(struct buf *out, int *cap, const char *s, size_t n)
{
	const char	*p = s, *e = s + n, *q;
	uint32_t	 c;

	if (p < e && *p == '.' && out->len > 0 &&
	    out->data[out->len - 1] == '.')
		p++;
	if (*cap) {
		while (p < e && *p == ' ')
			buf_putc(out, *p++);
		if (p < e) {
			q = p;
			c = utf8_next(&q, e);
			if (uc_islower(c)) {
				utf8_put(out, uc_toupper(c));
				p = q;
			}
			*cap = 0;
		}
	}
	buf_put(out, p, (size_t)(e - p));
}

struct xctx {
	const struct rec *r;
	int	 lang;
	uint64_t st;		/* the part's random stream */
	int	 cap;
	struct buf *out;
	char	 tmp[160];
};

static void
x_puts(struct xctx *x, const char *s)
{
	x_text(x->out, &x->cap, s, strlen(s));
}

static void
x_printf(struct xctx *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
x_printf(struct xctx *x, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(x->tmp, sizeof(x->tmp), fmt, ap);
	va_end(ap);
	x_puts(x, x->tmp);
}

/* The date of a day as "12 марта 2025 г." or "2025 жылғы 12 наурызда". */
static void
x_date(struct xctx *x, long day)
{
	int	 y, m, d;

	civil_from_days(day, &y, &m, &d);
	if (x->lang == LANG_RU)
		x_printf(x, "%d %s %d г.", d, ru_months_gen[m - 1], y);
	else
		x_printf(x, "%d жылғы %d %s", y, d, kk_months_loc[m - 1]);
}

static void
x_daten(struct xctx *x, long day)
{
	int	 y, m, d;

	civil_from_days(day, &y, &m, &d);
	x_printf(x, "%02d.%02d.%04d", d, m, y);
}

/* "в 14:30" or "сағат 14:30-да". */
static void
x_time(struct xctx *x, int hh, int mi)
{
	if (x->lang == LANG_RU)
		x_printf(x, "в %02d:%02d", hh, mi);
	else
		x_printf(x, "сағат %02d:%02d-%s", hh, mi,
		    kk_loc(mi != 0 ? mi : hh % 60));
}

/* A person's name with initials; women take the feminine surname. */
static void
x_name(struct xctx *x, uint64_t v, int female)
{
	const char	*s;
	size_t		 n;

	s = surnames[v % NELEM(surnames)];
	n = strlen(s);
	x_puts(x, s);
	if (female && n > 4 && (strcmp(s + n - 4, "ов") == 0 ||
	    strcmp(s + n - 4, "ев") == 0 || strcmp(s + n - 4, "ин") == 0))
		x_puts(x, "а");
	x_printf(x, " %s.%s.", initials[(v >> 8) % NELEM(initials)],
	    initials[(v >> 16) % NELEM(initials)]);
}

/* The birth date of the patient (days since the epoch). */
static long
birth_day(const struct rec *r)
{
	uint64_t	 v = r->idseed >> 24;

	if (r->agecls == AC_NEO)
		return r->day - (long)(v % 7);
	if (r->age == 0)
		return r->day - r->months * 30L - (long)(v % 30);
	return r->day - r->age * 365L - r->age / 4 - (long)(v % 365);
}

/*
 * The check digit of a Kazakhstani IIN/BIN: weights 1..11, then
 * 3..11,1,2 if the first sum gives 10; -1 if both give 10.
 */
static int
iin_check(const int d[11])
{
	static const int w2[11] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2 };
	int		 i, s = 0;

	for (i = 0; i < 11; i++)
		s += d[i] * (i + 1);
	if (s % 11 != 10)
		return s % 11;
	for (s = 0, i = 0; i < 11; i++)
		s += d[i] * w2[i];
	return s % 11 == 10 ? -1 : s % 11;
}

/* An IIN for the patient: birth date, century and sex, serial, check. */
static void
x_iin(struct xctx *x, const struct rec *r)
{
	int		 d[11], y, m, dd, c, i;
	unsigned	 serial;

	civil_from_days(birth_day(r), &y, &m, &dd);
	serial = (unsigned)((r->idseed >> 32) % 10000);
	for (;;) {
		d[0] = (y / 10) % 10;
		d[1] = y % 10;
		d[2] = m / 10;
		d[3] = m % 10;
		d[4] = dd / 10;
		d[5] = dd % 10;
		d[6] = (y >= 2000 ? 5 : 3) + r->sex;
		d[7] = (int)(serial / 1000 % 10);
		d[8] = (int)(serial / 100 % 10);
		d[9] = (int)(serial / 10 % 10);
		d[10] = (int)(serial % 10);
		if ((c = iin_check(d)) >= 0)
			break;
		serial = (serial + 1) % 10000;
	}
	for (i = 0; i < 11; i++)
		x->tmp[i] = (char)('0' + d[i]);
	x->tmp[11] = (char)('0' + c);
	x->tmp[12] = '\0';
	x_puts(x, x->tmp);
}

static const int mrp_harm[5] = { 300, 800, 600, 500, 500 };

/*
 * Append the record's value for slot id in the context's language:
 * the patient in a case form, the department, times, diagnosis, and
 * the identifying details (derived from idseed, so that both languages
 * name the same person, phone and address).
 */
static void
x_slot(struct xctx *x, int id)
{
	static const char *const pt[3][4] = {	/* Kazakh: nom gen dat acc */
		{ "науқас", "науқастың", "науқасқа", "науқасты" },
		{ "бала", "баланың", "балаға", "баланы" },
		{ "нәресте", "нәрестенің", "нәрестеге", "нәрестені" },
	};
	static const char *const ptru[3][2][4] = {
		{ { "пациент", "пациента", "пациенту", "пациента" },
		  { "пациентка", "пациентки", "пациентке", "пациентку" } },
		{ { "мальчик", "мальчика", "мальчику", "мальчика" },
		  { "девочка", "девочки", "девочке", "девочку" } },
		{ { "новорождённый", "новорождённого", "новорождённому",
		    "новорождённого" },
		  { "новорождённая", "новорождённой", "новорождённой",
		    "новорождённую" } },
	};
	const struct rec *r = x->r;
	const struct dept *dp = &depts[r->dept];
	int		 ru = x->lang == LANG_RU, y, m, d;
	uint64_t	 v;

	switch (id) {
	case S_PT:
	case S_PTG:
	case S_PTD:
	case S_PTV:
		x_puts(x, ru ? ptru[r->agecls][r->sex][id - S_PT] :
		    pt[r->agecls][id - S_PT]);
		break;
	case S_PTA:
		if (r->agecls == AC_NEO)
			x_puts(x, ru ? ptru[AC_NEO][r->sex][0] :
			    "жаңа туған нәресте");
		else if (r->age == 0 && ru)
			x_printf(x, "%s %d %s", ptru[AC_CHILD][r->sex][0],
			    r->months, ru_plural(r->months) == 0 ?
			    "месяца" : "месяцев");
		else if (r->age == 0)
			x_printf(x, "%d айлық бала", r->months);
		else if (ru)
			x_printf(x, "%s %d %s", ptru[r->agecls][r->sex][0],
			    r->age, ru_plural(r->age) == 0 ? "года" : "лет");
		else
			x_printf(x, "%d жастағы %s", r->age,
			    pt[r->agecls][0]);
		break;
	case S_DEP:
		if (ru)
			x_puts(x, dp->ru_in);
		else
			x_printf(x, "%sнде", dp->kk);
		break;
	case S_DEPA:
		if (ru)
			x_puts(x, dp->ru_to);
		else
			x_printf(x, "%sне", dp->kk);
		break;
	case S_AT:
		x_time(x, r->hh, r->mi);
		break;
	case S_AT2:
		x_time(x, r->hh2, r->mi2);
		break;
	case S_T:
		x_printf(x, "%02d:%02d", r->hh, r->mi);
		break;
	case S_SHIFT:
		if (r->weekend)
			x_puts(x, ru ? "в выходной день" : "демалыс күні");
		else if (r->hh >= 8 && r->hh < 16)
			x_puts(x, ru ? "в дневную смену" : "күндізгі ауысымда");
		else if (r->hh >= 16 && r->hh < 21)
			x_puts(x, ru ? "в вечернее время" : "кешкі уақытта");
		else
			x_puts(x, ru ? "в ночную смену" : "түнгі ауысымда");
		break;
	case S_DXN:
		x_puts(x, ru ? dxs[r->dx].ru : dxs[r->dx].kk);
		break;
	case S_DXC:
		x_puts(x, dxs[r->dx].code);
		break;
	case S_TOPIC:
		x_puts(x, topics[r->topic][x->lang]);
		break;
	case S_MRP:
		x_printf(x, "%d", r->death ? 3000 : mrp_harm[r->dis]);
		break;
	case S_DIS:
		x_puts(x, r->dis == 1 ? "I" : r->dis == 2 ? "II" : "III");
		break;
	case S_NAME:
		x_name(x, r->idseed, r->sex);
		break;
	case S_SNAME:
		v = r->idseed >> 20 | r->idseed << 44;
		x_name(x, v, (int)((v >> 30) & 1));
		break;
	case S_SNAME2:
		v = r->idseed >> 40 | r->idseed << 24;
		x_name(x, v, (int)((v >> 29) & 3) != 0);
		break;
	case S_DATE:
		x_date(x, r->day);
		break;
	case S_ADMDATE:
		x_date(x, r->day - (long)((r->idseed >> 12) % 6));
		break;
	case S_DATEN:
		x_daten(x, r->day);
		break;
	case S_DATEN2:
		x_daten(x, r->day + 3 + (long)((r->idseed >> 14) % 18));
		break;
	case S_YOB:
		civil_from_days(birth_day(r), &y, &m, &d);
		x_printf(x, "%d", y);
		break;
	case S_IIN:
		x_iin(x, r);
		break;
	case S_PHONE:
		v = r->idseed >> 6;
		x_printf(x, "+7 %s %03d %02d %02d",
		    phone_ops[v % NELEM(phone_ops)], (int)(v / 13 % 1000),
		    (int)(v / 13000 % 100), (int)(v / 1300000 % 100));
		break;
	case S_ADDR:
		v = r->idseed >> 10;
		if (ru)
			x_printf(x, "ул. %s, д. %d, кв. %d",
			    streets[v % NELEM(streets)][1],
			    (int)(v / 17 % 150) + 1, (int)(v / 2550 % 120) + 1);
		else
			x_printf(x, "%s көшесі, %d-үй, %d-пәтер",
			    streets[v % NELEM(streets)][0],
			    (int)(v / 17 % 150) + 1, (int)(v / 2550 % 120) + 1);
		break;
	case S_AGEN:
		x_printf(x, "%d", r->age);
		break;
	case S_AGEY:
		if (ru)
			x_printf(x, "%d %s", r->age,
			    ru_plural(r->age) == 0 ? "год" :
			    ru_plural(r->age) == 1 ? "года" : "лет");
		else
			x_printf(x, "%d", r->age);
		break;
	default:
		break;
	}
}

/*
 * Append a number node's value (its own draw, or its label's), with a
 * decimal comma, and the Russian noun form that agrees with it.
 */
static void
x_num(struct xctx *x, const struct node *nd)
{
	const char	*f, *e, *forms[3];
	size_t		 flen[3];
	uint32_t	 count, k;
	long		 v, sc;
	int		 i;

	count = (uint32_t)((nd->hi - nd->lo) / nd->step) + 1;
	k = nd->label ? x->r->lab[nd->label] % count :
	    sm_below(&x->st, count);
	v = nd->lo + (long)k * nd->step;
	sc = scale10(nd->dec);
	if (nd->dec)
		x_printf(x, "%ld,%0*ld", v / sc, (int)nd->dec, v % sc);
	else
		x_printf(x, "%ld", v);
	if (nd->s == NULL)
		return;
	/* "~one~few~many" */
	f = nd->s;
	e = nd->s + nd->len;
	for (i = 0; i < 3; i++) {
		if (f >= e || *f != '~')
			return;
		forms[i] = ++f;
		while (f < e && *f != '~')
			f++;
		flen[i] = (size_t)(f - forms[i]);
	}
	i = ru_plural(v);
	buf_putc(x->out, ' ');
	x_text(x->out, &x->cap, forms[i], flen[i]);
}

/*
 * Expand the compiled template from node i to its N_END.  A group's
 * branch comes from the part's random stream or from the record
 * (labels, sex, age class, consequence, death).
 */
static void
x_run(struct xctx *x, uint32_t i)
{
	const struct node *nd;
	const struct rec *r = x->r;
	uint32_t	 b;

	for (;;) {
		nd = &T.nodes[i];
		switch (nd->type) {
		case N_END:
			return;
		case N_TEXT:
			x_text(x->out, &x->cap, nd->s, nd->len);
			break;
		case N_CAP:
			x->cap = 1;
			break;
		case N_SLOT:
			x_slot(x, nd->n);
			break;
		case N_NUM:
			x_num(x, nd);
			break;
		case N_GROUP:
			switch (nd->label) {
			case 0:
				b = sm_below(&x->st, nd->n);
				break;
			case 'g':
				b = (uint32_t)r->sex;
				break;
			case 'a':
				b = (uint32_t)r->agecls;
				break;
			case 'c':
				b = (uint32_t)r->cons;
				break;
			case 'd':
				b = r->death ? 0 : 1;
				break;
			default:
				b = r->lab[nd->label];
				break;
			}
			x_run(x, T.brs[nd->first + b % nd->n]);
			i = nd->next;
			continue;
		default:
			break;
		}
		i++;
	}
}

/*
 * Append a compiled pair to both languages, after sep when the buffer
 * is not empty.  seed drives the pair's random choices, the same for
 * both languages.
 */
static void
emit(const struct rec *r, const struct cpair *p, uint64_t seed,
    struct buf out[LANG__MAX], const char *sep)
{
	struct xctx	 x;
	int		 l;

	for (l = 0; l < LANG__MAX; l++) {
		if (out[l].len > 0 && sep != NULL)
			buf_puts(&out[l], sep);
		x.r = r;
		x.lang = l;
		x.st = seed;
		x.cap = 0;
		x.out = &out[l];
		x_run(&x, p->at[l]);
	}
}

/* ------------------------------------------------------------------ */
/* The world: organizations and the compiled phrase tables             */

struct ctab {
	const struct ptx *v;
	size_t	 n;
	struct cpair *c;
};

#define CTAB(a)	{ a, NELEM(a), NULL }

static struct ctab t_leads = CTAB(leads), t_details = CTAB(details),
    t_out_with = CTAB(out_with), t_out_without = CTAB(out_without),
    t_out_death = CTAB(out_death), t_out_harm = CTAB(out_harm),
    t_anam_open = CTAB(anam_open), t_anam_obst = CTAB(anam_obst),
    t_comorb = CTAB(comorb), t_triggers = CTAB(triggers),
    t_triggers_obst = CTAB(triggers_obst), t_no_trigger = CTAB(no_trigger),
    t_no_comorb = CTAB(no_comorb), t_care_more = CTAB(care_more),
    t_measures = CTAB(measures), t_plan_yes = CTAB(plan_yes),
    t_plan_no = CTAB(plan_no), t_f2_commission = CTAB(f2_commission),
    t_f2_insured = CTAB(f2_insured), t_f2_uninsured = CTAB(f2_uninsured),
    t_id_anam = CTAB(id_anam), t_id_circ = CTAB(id_circ),
    t_id_care = CTAB(id_care), t_id_meas = CTAB(id_meas);

static struct ctab *const ctabs[] = {
	&t_leads, &t_details, &t_out_with, &t_out_without, &t_out_death,
	&t_out_harm, &t_anam_open, &t_anam_obst, &t_comorb, &t_triggers,
	&t_triggers_obst, &t_no_trigger, &t_no_comorb, &t_care_more,
	&t_measures, &t_plan_yes, &t_plan_no, &t_f2_commission,
	&t_f2_insured, &t_f2_uninsured, &t_id_anam, &t_id_circ, &t_id_care,
	&t_id_meas,
};

#define MAXDX	16

struct world {
	uint64_t seed;
	struct org *orgs;
	size_t	 norgs;
	size_t	 rfirst[NREGIONS + 1];	/* region r: rfirst[r].. */
	uint32_t pcum[FORM__MAX][NPROFILES];	/* cumulative profile weights */
	uint32_t rcum[NREGIONS];		/* cumulative region weights */
	int	 pdx[NPROFILES][MAXDX], npdx[NPROFILES];
	int	 sdx[NSCENS][MAXDX], nsdx[NSCENS], stied[NSCENS];
	struct cpair scirc[NSCENS], scare[NSCENS];
	long	 ins_seq;		/* Form 2 source_ref numbers */
};

static int
dx_find(const char *code)
{
	size_t	 i;

	for (i = 0; i < NDX; i++)
		if (strcmp(dxs[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* Parse "A B C" or "A|B|C" into indices; -1 and rs_err if unknown. */
static int
dx_list(const char *s, int out[MAXDX], int *n, int *tied)
{
	char	 code[8];
	size_t	 len;
	int	 i;

	*n = 0;
	*tied = strchr(s, '|') != NULL;
	while (*s != '\0') {
		len = strcspn(s, " |");
		if (len == 0 || len >= sizeof(code) || *n == MAXDX)
			return rs_err("demo: bad diagnosis list '%s'", s);
		memcpy(code, s, len);
		code[len] = '\0';
		if ((i = dx_find(code)) == -1)
			return rs_err("demo: diagnosis '%s' has no name", code);
		out[(*n)++] = i;
		s += len;
		if (*s != '\0')
			s++;
	}
	return 0;
}

/* A BIN: registration year and month, legal entity, serial, check. */
static void
make_bin(struct rng *g, char out[13])
{
	int	 d[11], c, i, y;

	do {
		y = rng_range(g, 95, 120) % 100;
		d[0] = y / 10;
		d[1] = y % 10;
		i = rng_range(g, 1, 12);
		d[2] = i / 10;
		d[3] = i % 10;
		d[4] = 4;
		d[5] = 0;
		for (i = 6; i < 11; i++)
			d[i] = rng_range(g, 0, 9);
	} while ((c = iin_check(d)) < 0);
	for (i = 0; i < 11; i++)
		out[i] = (char)('0' + d[i]);
	out[11] = (char)('0' + c);
	out[12] = '\0';
}

/*
 * Add an organization of the given kind to region: a unique BIN, the
 * look of its references, its Kazakh and Russian names (no: its
 * number, town: its town for OT_TOWN).
 */
static void
org_add(struct world *w, struct rng *g, int region, int type, int no,
    int town)
{
	const struct region *rg = &regions[region];
	struct org	*o;
	size_t		 i;

	w->orgs = xreallocarray(w->orgs, w->norgs + 1, sizeof(*w->orgs));
	o = &w->orgs[w->norgs++];
	memset(o, 0, sizeof(*o));
	o->region = region;
	o->type = type;
	o->refstyle = rng_range(g, 0, 2);
again:
	make_bin(g, o->code);
	for (i = 0; i + 1 < w->norgs; i++)
		if (strcmp(w->orgs[i].code, o->code) == 0)
			goto again;
	switch (type) {
	case OT_MULTI:
		o->name[LANG_KK] = xasprintf("%s көпбейінді ауруханасы",
		    rg->pre_kk);
		o->name[LANG_RU] = xasprintf("%s многопрофильная больница%s",
		    rg->pre_f, rg->post);
		break;
	case OT_CHILD:
		o->name[LANG_KK] = xasprintf("%s балалар ауруханасы",
		    rg->pre_kk);
		o->name[LANG_RU] = xasprintf("%s детская больница%s",
		    rg->pre_f, rg->post);
		break;
	case OT_PERI:
		o->name[LANG_KK] = xasprintf("%s перинаталдық орталығы",
		    rg->pre_kk);
		o->name[LANG_RU] = xasprintf("%s перинатальный центр%s",
		    rg->pre_m, rg->post);
		break;
	case OT_ONCO:
		o->name[LANG_KK] = xasprintf("%s онкологиялық орталығы",
		    rg->pre_kk);
		o->name[LANG_RU] = xasprintf("%s онкологический центр%s",
		    rg->pre_m, rg->post);
		break;
	case OT_CARDIO:
		o->name[LANG_KK] = xasprintf("%s кардиологиялық орталығы",
		    rg->pre_kk);
		o->name[LANG_RU] = xasprintf("%s кардиологический центр%s",
		    rg->pre_m, rg->post);
		break;
	case OT_PSY:
		o->name[LANG_KK] = xasprintf("%s психикалық денсаулық "
		    "орталығы", rg->pre_kk);
		o->name[LANG_RU] = xasprintf("%s центр психического "
		    "здоровья%s", rg->pre_m, rg->post);
		break;
	case OT_TB:
		o->name[LANG_KK] = xasprintf("%s фтизиопульмонология "
		    "орталығы", rg->pre_kk);
		o->name[LANG_RU] = xasprintf("%s центр фтизиопульмонологии%s",
		    rg->pre_m, rg->post);
		break;
	case OT_INFECT:
		o->name[LANG_KK] = xasprintf("%s жұқпалы аурулар ауруханасы",
		    rg->pre_kk);
		o->name[LANG_RU] = xasprintf("%s инфекционная больница%s",
		    rg->pre_f, rg->post);
		break;
	case OT_EMERG:
		o->name[LANG_KK] = xasprintf("%s жедел медициналық жәрдем "
		    "ауруханасы", rg->pre_kk);
		o->name[LANG_RU] = xasprintf("%s больница скорой медицинской "
		    "помощи%s", rg->pre_f, rg->post);
		break;
	case OT_REHAB:
		o->name[LANG_KK] = xasprintf("%s оңалту орталығы",
		    rg->pre_kk);
		o->name[LANG_RU] = xasprintf("%s реабилитационный центр%s",
		    rg->pre_m, rg->post);
		break;
	case OT_DERM:
		o->name[LANG_KK] = xasprintf("%s тері-венерологиялық "
		    "диспансері", rg->pre_kk);
		o->name[LANG_RU] = xasprintf("%s кожно-венерологический "
		    "диспансер%s", rg->pre_m, rg->post);
		break;
	case OT_CITY:
		o->name[LANG_KK] = xasprintf("%s қаласының №%d қалалық "
		    "ауруханасы", rg->center[LANG_KK], no);
		o->name[LANG_RU] = xasprintf("Городская больница №%d г. %s",
		    no, rg->center[LANG_RU]);
		break;
	case OT_POLY:
		o->name[LANG_KK] = xasprintf("%s қаласының №%d қалалық "
		    "емханасы", rg->center[LANG_KK], no);
		o->name[LANG_RU] = xasprintf("Городская поликлиника №%d г. %s",
		    no, rg->center[LANG_RU]);
		break;
	case OT_MATERN:
		o->name[LANG_KK] = xasprintf("%s қаласының №%d перзентханасы",
		    rg->center[LANG_KK], no);
		o->name[LANG_RU] = xasprintf("Родильный дом №%d г. %s", no,
		    rg->center[LANG_RU]);
		break;
	case OT_DENT:
		o->name[LANG_KK] = xasprintf("%s қаласының №%d "
		    "стоматологиялық емханасы", rg->center[LANG_KK], no);
		o->name[LANG_RU] = xasprintf("Стоматологическая поликлиника "
		    "№%d г. %s", no, rg->center[LANG_RU]);
		break;
	default:
		o->name[LANG_KK] = xasprintf("%s қалалық ауруханасы",
		    rg->town[town][LANG_KK]);
		o->name[LANG_RU] = xasprintf("Городская больница г. %s",
		    rg->town[town][LANG_RU]);
		break;
	}
}

/*
 * The medical organizations of each region, in proportion to its
 * population: one of each regional service, numbered city hospitals,
 * polyclinics, maternity and dental clinics, and town hospitals.
 */
static void
orgs_make(struct world *w)
{
	static const int once[] = {
		OT_MULTI, OT_CHILD, OT_PERI, OT_ONCO, OT_PSY, OT_TB,
		OT_INFECT, OT_DERM
	};
	struct rng	 g;
	size_t		 r, i;
	int		 pop, n, k;

	rng_init(&g, seed_of(w->seed, 0x0e6, 0, 0));
	for (r = 0; r < NREGIONS; r++) {
		w->rfirst[r] = w->norgs;
		pop = regions[r].pop;
		for (i = 0; i < NELEM(once); i++)
			org_add(w, &g, (int)r, once[i], 0, 0);
		if (pop >= 700)
			org_add(w, &g, (int)r, OT_CARDIO, 0, 0);
		if (pop >= 900 || regions[r].city)
			org_add(w, &g, (int)r, OT_EMERG, 0, 0);
		if (pop >= 900)
			org_add(w, &g, (int)r, OT_REHAB, 0, 0);
		n = pop / 280 > 1 ? pop / 280 : 1;
		for (k = 1; k <= n; k++)
			org_add(w, &g, (int)r, OT_CITY, k, 0);
		n = pop / 140 > 2 ? pop / 140 : 2;
		for (k = 1; k <= n; k++)
			org_add(w, &g, (int)r, OT_POLY, k, 0);
		for (k = 1; k <= pop / 650; k++)
			org_add(w, &g, (int)r, OT_MATERN, k, 0);
		n = pop / 600 > 1 ? pop / 600 : 1;
		for (k = 1; k <= n; k++)
			org_add(w, &g, (int)r, OT_DENT, k, 0);
		for (k = 0; k < 3 && regions[r].town[k][0] != NULL; k++)
			org_add(w, &g, (int)r, OT_TOWN, 0, k);
	}
	w->rfirst[NREGIONS] = w->norgs;
}

static int
ctab_compile(struct ctab *t)
{
	size_t	 i;

	t->c = xcalloc(t->n, sizeof(*t->c));
	for (i = 0; i < t->n; i++)
		if (compile_pair(t->v[i].kk, t->v[i].ru, &t->c[i]) == -1)
			return -1;
	return 0;
}

/* Free the organizations and every compiled template. */
static void
world_free(struct world *w)
{
	size_t	 i;

	for (i = 0; i < w->norgs; i++) {
		free(w->orgs[i].name[LANG_KK]);
		free(w->orgs[i].name[LANG_RU]);
	}
	free(w->orgs);
	for (i = 0; i < NELEM(ctabs); i++) {
		free(ctabs[i]->c);
		ctabs[i]->c = NULL;
	}
	tpl_free();
}

/* Compile every template, parse the diagnosis lists, make the orgs. */
static int
world_init(struct world *w, uint64_t seed)
{
	const struct scen *s;
	uint32_t	 sum[FORM__MAX] = { 0, 0 }, rs = 0;
	size_t		 i;
	int		 tied, l;

	memset(w, 0, sizeof(*w));
	w->seed = seed;
	for (i = 0; i < NELEM(ctabs); i++)
		if (ctab_compile(ctabs[i]) == -1)
			return -1;
	for (i = 0; i < NSCENS; i++) {
		s = &scens[i];
		if (compile_pair(s->circ_kk, s->circ_ru, &w->scirc[i]) == -1 ||
		    compile_pair(s->care_kk, s->care_ru, &w->scare[i]) == -1)
			return -1;
		if (s->dx == NULL)
			continue;
		if (dx_list(s->dx, w->sdx[i], &w->nsdx[i], &tied) == -1)
			return -1;
		w->stied[i] = tied;
		/* The diagnosis follows label 1: its groups must agree. */
		for (l = 0; tied && l < LANG__MAX; l++)
			if (!label_arity_ok(w->scirc[i].at[l], 1,
			    (unsigned)w->nsdx[i]) ||
			    !label_arity_ok(w->scare[i].at[l], 1,
			    (unsigned)w->nsdx[i]))
				return rs_err("demo: scenario '%s': label 1 "
				    "groups do not match its %d diagnoses",
				    s->circ_ru, w->nsdx[i]);
	}
	for (i = 0; i < NPROFILES; i++) {
		if (dx_list(profiles[i].dx, w->pdx[i], &w->npdx[i],
		    &tied) == -1)
			return -1;
		sum[FORM_INCIDENTS] += (uint32_t)profiles[i].weight * 100;
		sum[FORM_INSURANCE] += (uint32_t)(profiles[i].weight *
		    fam_f2[profiles[i].fam]);
		w->pcum[FORM_INCIDENTS][i] = sum[FORM_INCIDENTS];
		w->pcum[FORM_INSURANCE][i] = sum[FORM_INSURANCE];
	}
	/* Cities report a little more: more hospitals per person. */
	for (i = 0; i < NREGIONS; i++) {
		rs += (uint32_t)regions[i].pop *
		    (regions[i].city ? 115U : 100U);
		w->rcum[i] = rs;
	}
	orgs_make(w);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Drawing a record                                                    */

/* An index into a cumulative weight table. */
static size_t
pick_cum(struct rng *g, const uint32_t *cum, size_t n)
{
	uint32_t	 v;
	size_t		 lo = 0, hi = n - 1, mid;

	v = rng_below(g, cum[n - 1]);
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cum[mid] > v)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Whether a phrase for age class cls and ages amin..amax fits r. */
static int
fits(const struct rec *r, int cls, int amin, int amax)
{
	if (r->age < amin || r->age > amax)
		return 0;
	switch (cls) {
	case AC_ANY:
		return 1;
	case AC_NOTNEO:
		return r->agecls != AC_NEO;
	default:
		return r->agecls == cls;
	}
}

#define PK_NOAT		0x01	/* not one that mentions the time */
#define PK_NODXN	0x02	/* not one that names the diagnosis */

/* A random entry of t that fits r and is not in skip, or -1. */
static int
ctab_pick(const struct ctab *t, const struct rec *r, struct rng *g,
    int flags, uint32_t skip)
{
	uint32_t	 seen = 0;
	size_t		 i;
	int		 got = -1;

	for (i = 0; i < t->n; i++) {
		if ((i < 32 && (skip & (1U << i))) ||
		    !fits(r, t->v[i].cls, t->v[i].amin, t->v[i].amax) ||
		    ((t->v[i].flags & PF_ALIVE) && r->death) ||
		    ((t->v[i].flags & PF_CLIN) && r->corp) ||
		    ((t->v[i].flags & PF_NOOBST) && r->fam == F_OBST) ||
		    ((t->v[i].flags & PF_INPAT) && r->outpat))
			continue;
		if (((flags & PK_NOAT) && t->c[i].uses_at) ||
		    ((flags & PK_NODXN) && t->c[i].uses_dxn))
			continue;
		if (rng_below(g, ++seen) == 0)
			got = (int)i;
	}
	return got;
}

/*
 * Emit a random fitting entry of t not in *skip (may be NULL) and add
 * it there; returns its index or -1.
 */
static int
ctab_emit(const struct ctab *t, const struct rec *r, struct rng *g,
    int flags, uint32_t *skip, struct buf out[LANG__MAX], const char *sep)
{
	int	 i;

	i = ctab_pick(t, r, g, flags, skip ? *skip : 0);
	if (i == -1)
		return -1;
	emit(r, &t->c[i], rng_next(g), out, sep);
	if (skip != NULL && i < 32)
		*skip |= 1U << i;
	return i;
}

static int
dx_fits(const struct rec *r, int dx)
{
	return !((dxs[dx].flags & DX_F) && r->sex == 0) &&
	    !((dxs[dx].flags & DX_M) && r->sex == 1);
}

/* A random diagnosis of the list that fits the patient's sex, or -1. */
static int
dx_pick(struct rng *g, const struct rec *r, const int *v, int n)
{
	uint32_t	 seen = 0;
	int		 i, got = -1;

	for (i = 0; i < n; i++)
		if (dx_fits(r, v[i]) && rng_below(g, ++seen) == 0)
			got = v[i];
	return got;
}

static int
in_list(int v, const int *list, int n)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (list[i] == v)
			return 1;
	return 0;
}

/*
 * Whether scenario i can describe the record: the wanted outcome
 * flags, the patient's age and sex, a diagnosis that fits.
 */
static int
scen_fits(const struct world *w, const struct rec *r, size_t i, int want)
{
	const struct scen *s = &scens[i];
	int		 k;

	if ((s->flags & want) != want)
		return 0;
	if (r->age < s->amin || r->age > s->amax)
		return 0;
	if (s->sex == 'M' && r->sex != 0)
		return 0;
	if (s->sex == 'F' && r->sex != 1)
		return 0;
	if (s->amax == 0 && r->agecls != AC_NEO && s->fams == FM(F_NEO))
		return 0;
	if (s->dx != NULL) {
		for (k = 0; k < w->nsdx[i]; k++)
			if (dx_fits(r, w->sdx[i][k]))
				break;
		if (k == w->nsdx[i])
			return 0;
	}
	return 1;
}

enum pool { POOL_FAM, POOL_GENERIC, POOL_CORP };

/* A random scenario of the pool that fits the record, or -1. */
static int
scen_pick(const struct world *w, const struct rec *r, struct rng *g,
    enum pool pool, int want)
{
	const struct scen *s;
	uint32_t	 seen = 0;
	size_t		 i;
	int		 got = -1;

	for (i = 0; i < NSCENS; i++) {
		s = &scens[i];
		if (pool == POOL_FAM && !(s->fams & FM(r->fam)))
			continue;
		if (pool == POOL_GENERIC && (s->fams != 0 ||
		    (s->flags & SC_CORP)))
			continue;
		if (pool == POOL_CORP && !(s->flags & SC_CORP))
			continue;
		if (!scen_fits(w, r, i, want))
			continue;
		if (rng_below(g, ++seen) == 0)
			got = (int)i;
	}
	return got;
}

/* An age in years for a patient of profile p, by its age mode. */
static int
draw_age(struct rng *g, const struct profile *p)
{
	static const int adult[5][3] = {	/* weight, from, to */
		{ 22, 18, 39 }, { 30, 40, 59 }, { 36, 60, 79 },
		{ 9, 80, 89 }, { 3, 90, 100 }
	};
	static const int child[4][3] = {
		{ 18, 0, 0 }, { 35, 1, 5 }, { 25, 6, 11 }, { 22, 12, 17 }
	};
	const int	(*b)[3];
	int		 tries, v, k, acc;

	switch (p->agemode) {
	case AG_NEO:
		return 0;
	case AG_UNI:
		return rng_range(g, p->amin, p->amax);
	case AG_TRI:
		return (rng_range(g, p->amin, p->amax) +
		    rng_range(g, p->amin, p->amax) + 1) / 2;
	default:
		b = p->agemode == AG_ADULT ? adult : child;
		for (tries = 0; tries < 24; tries++) {
			v = rng_range(g, 0, 99);
			for (k = 0, acc = b[0][0]; acc <= v; acc += b[++k][0])
				;
			v = rng_range(g, b[k][1], b[k][2]);
			if (v >= p->amin && v <= p->amax)
				return v;
		}
		return rng_range(g, p->amin, p->amax);
	}
}

/* The reporting organization: of the region, treating such patients. */
static int
draw_org(const struct world *w, const struct rec *r, struct rng *g)
{
	unsigned	 mask;
	uint32_t	 total = 0, v;
	size_t		 i;
	int		 want;

	mask = fam_orgs[r->fam];
	if (r->agecls != AC_ADULT)
		mask &= OM_CHILDREN;
	else
		mask &= ~OM(OT_CHILD);
	for (i = w->rfirst[r->region]; i < w->rfirst[r->region + 1]; i++)
		if (mask & OM(w->orgs[i].type))
			total += (uint32_t)otype_weight[w->orgs[i].type];
	if (total == 0) {
		want = r->agecls != AC_ADULT ? OT_CHILD : OT_MULTI;
		for (i = w->rfirst[r->region]; i < w->rfirst[r->region + 1];
		    i++)
			if (w->orgs[i].type == want)
				return (int)i;
		return (int)w->rfirst[r->region];
	}
	v = rng_below(g, total);
	for (i = w->rfirst[r->region]; ; i++)
		if (mask & OM(w->orgs[i].type)) {
			if (v < (uint32_t)otype_weight[w->orgs[i].type])
				return (int)i;
			v -= (uint32_t)otype_weight[w->orgs[i].type];
		}
}

/* Hours of the day by how often incidents happen then. */
static const uint32_t hour_cum[24] = {
	2, 4, 6, 8, 10, 12, 16, 24, 36, 50, 64, 78, 91, 104, 117, 129,
	140, 150, 158, 165, 171, 176, 180, 183
};

/* A day of quarter k (weekends less often) and a time of day. */
static void
draw_when(struct rng *g, int k, struct rec *r)
{
	long	 first, last;

	quarter_days(k, &first, &last);
	do {
		r->day = first + rng_below(g, (uint32_t)(last - first + 1));
		r->weekend = weekday(r->day) == 0 || weekday(r->day) == 6;
	} while (r->weekend && rng_pm(g, 300));
	r->hh = (int)pick_cum(g, hour_cum, 24);
	r->mi = rng_pm(g, 600) ? 5 * rng_range(g, 0, 11) :
	    rng_range(g, 0, 59);
	r->mi2 = r->mi + 5 * rng_range(g, 3, 48);
	r->hh2 = (r->hh + r->mi2 / 60) % 24;
	r->mi2 %= 60;
}

/*
 * Everything about a record but its text: who, where, when, what
 * happened (the scenario), with which diagnosis.  Returns the
 * scenario.
 */
static int
draw_record(const struct world *w, struct rng *g, int form, int k,
    struct rec *r)
{
	const struct profile *p;
	const char	*c;
	int		 want, sc, corp, i, alt, pass, n, cand[MAXDX];

	memset(r, 0, sizeof(*r));
	r->form = form;
	r->prof = (int)pick_cum(g, w->pcum[form], NPROFILES);
	p = &profiles[r->prof];
	r->fam = p->fam;
	r->dept = p->dept;
	r->sex = rng_pm(g, p->male) ? 0 : 1;
	r->age = draw_age(g, p);
	if (p->agemode == AG_NEO)
		r->agecls = AC_NEO;
	else if (r->age < 14 || (r->age < 18 && p->agemode == AG_CHILD))
		r->agecls = AC_CHILD;
	else
		r->agecls = AC_ADULT;
	if (r->age == 0 && r->agecls != AC_NEO)
		r->months = rng_range(g, 1, 11);
	r->region = (int)pick_cum(g, w->rcum, NREGIONS);
	r->org = draw_org(w, r, g);
	draw_when(g, k, r);
	for (i = 1; i <= 4; i++)
		r->lab[i] = (uint32_t)(rng_next(g) >> 32);
	r->idseed = rng_next(g);

	if (form == FORM_INCIDENTS) {
		r->cons = rng_pm(g, 350) ? 0 : 1;
		want = r->cons == 0 ? SC_W : SC_O;
		corp = rng_pm(g, 300);
	} else {
		r->cons = 0;
		r->death = rng_pm(g, 200);
		want = r->death ? SC_D : SC_W;
		corp = rng_pm(g, 120);
		if (!r->death) {
			i = rng_range(g, 0, 99);
			if (r->agecls != AC_ADULT)
				r->dis = i < 60 ? 0 : 4;
			else
				r->dis = i < 60 ? 0 : i < 82 ? 3 :
				    i < 95 ? 2 : 1;
		}
	}
	sc = corp ? scen_pick(w, r, g, POOL_CORP, want) :
	    scen_pick(w, r, g, rng_pm(g, 700) ? POOL_FAM : POOL_GENERIC,
	    want);
	if (sc == -1)
		sc = scen_pick(w, r, g, POOL_GENERIC, want);
	if (sc == -1)
		sc = scen_pick(w, r, g, POOL_CORP, want);
	if (sc == -1)
		sc = scen_pick(w, r, g, POOL_FAM, want);
	if (sc == -1) {
		/* Nothing fits "without": the record has consequences. */
		r->cons = 0;
		sc = scen_pick(w, r, g, POOL_GENERIC, SC_W);
	}
	if (sc == -1)
		return -1;
	r->topic = scens[sc].topic;
	r->corp = (scens[sc].flags & SC_CORP) != 0;
	r->outpat = (scens[sc].flags & SC_OUT) != 0;

	/*
	 * The scenario's diagnosis, one the profile also has if it can
	 * (a TB ward's case is tuberculosis, not measles).
	 */
	r->dx = -1;
	for (pass = 0; pass < 2 && r->dx == -1; pass++) {
		if (scens[sc].dx == NULL)
			break;
		n = 0;
		for (i = 0; i < w->nsdx[sc]; i++) {
			alt = (int)((r->lab[1] + (uint32_t)i) %
			    (uint32_t)w->nsdx[sc]);
			if (!dx_fits(r, w->sdx[sc][alt]) || (pass == 0 &&
			    !in_list(w->sdx[sc][alt], w->pdx[r->prof],
			    w->npdx[r->prof])))
				continue;
			if (w->stied[sc]) {
				r->lab[1] = (uint32_t)alt;
				r->dx = w->sdx[sc][alt];
				break;
			}
			cand[n++] = w->sdx[sc][alt];
		}
		if (n > 0)
			r->dx = cand[rng_below(g, (uint32_t)n)];
	}
	if (r->dx == -1)
		r->dx = dx_pick(g, r, w->pdx[r->prof], w->npdx[r->prof]);
	if (r->dx == -1)
		r->dx = w->pdx[r->prof][0];
	/* A newborn's gestational age (label 4) agrees with the diagnosis. */
	if (r->agecls == AC_NEO) {
		c = dxs[r->dx].code;
		if (strcmp(c, "P07.3") == 0 || strcmp(c, "P22.0") == 0 ||
		    strcmp(c, "P52.1") == 0)
			r->lab[4] = (uint32_t)rng_range(g, 0, 1);
		else if (strcmp(c, "P36.9") == 0 || strcmp(c, "P59.9") == 0)
			r->lab[4] = (uint32_t)rng_range(g, 0, 2);
		else
			r->lab[4] = (uint32_t)rng_range(g, 1, 2);
	}
	return sc;
}

/* ------------------------------------------------------------------ */
/* Composing the free text                                             */

enum field { FD_CIRC, FD_ANAM, FD_CARE, FD_MEAS, FD__MAX };

struct texts {
	struct buf f[FD__MAX][LANG__MAX];
	struct buf place[LANG__MAX];
};

static void
texts_reset(struct texts *t)
{
	int	 f, l;

	for (f = 0; f < FD__MAX; f++)
		for (l = 0; l < LANG__MAX; l++)
			buf_reset(&t->f[f][l]);
	for (l = 0; l < LANG__MAX; l++)
		buf_reset(&t->place[l]);
}

static void
texts_free(struct texts *t)
{
	int	 f, l;

	for (f = 0; f < FD__MAX; f++)
		for (l = 0; l < LANG__MAX; l++)
			buf_free(&t->f[f][l]);
	for (l = 0; l < LANG__MAX; l++)
		buf_free(&t->place[l]);
}

static void
lit(struct buf out[LANG__MAX], const char *kk, const char *ru)
{
	buf_puts(&out[LANG_KK], kk);
	buf_puts(&out[LANG_RU], ru);
}

/* Column 7 (anamnesis): who, chronic diseases, the trigger or none. */
static void
compose_anam(const struct rec *r, struct rng *g, int trig,
    struct buf out[LANG__MAX])
{
	uint32_t	 used = 0;
	int		 n, k;

	ctab_emit(&t_anam_open, r, g, dxs[r->dx].flags & DX_CX ? PK_NODXN :
	    0, NULL, out, " ");
	if (r->fam == F_OBST && r->agecls == AC_ADULT)
		ctab_emit(&t_anam_obst, r, g, 0, NULL, out, " ");
	if (r->agecls == AC_ADULT)
		n = r->age >= 60 ? rng_range(g, 1, 3) : r->age >= 40 ?
		    rng_range(g, 0, 2) : rng_range(g, 0, 1);
	else if (r->agecls == AC_CHILD)
		n = rng_pm(g, 250);
	else
		n = 0;
	if ((r->fam == F_OBST || r->fam == F_GYN) && n > 1)
		n = 1;
	for (k = 0; k < n; k++) {
		if (ctab_pick(&t_comorb, r, g, 0, used) == -1)
			break;
		if (k == 0) {
			lit(out, out[LANG_KK].len ? " " : "",
			    out[LANG_RU].len ? " " : "");
			lit(out, "Қосалқы аурулары: ",
			    "Сопутствующие заболевания: ");
		}
		ctab_emit(&t_comorb, r, g, 0, &used, out, k ? ", " : NULL);
	}
	if (k > 0)
		lit(out, ".", ".");
	else if (r->agecls != AC_NEO && rng_pm(g, 500))
		ctab_emit(&t_no_comorb, r, g, 0, NULL, out, " ");
	if (!trig)
		ctab_emit(&t_no_trigger, r, g, 0, NULL, out, " ");
	else if ((r->fam == F_OBST || r->fam == F_GYN) && r->agecls ==
	    AC_ADULT && rng_pm(g, 700))
		ctab_emit(&t_triggers_obst, r, g, 0, NULL, out, " ");
	else
		ctab_emit(&t_triggers, r, g, 0, NULL, out, " ");
}

/* The closing sentence of the circumstances. */
static void
compose_outcome(const struct rec *r, struct rng *g,
    struct buf out[LANG__MAX])
{
	int	 i;

	if (r->form == FORM_INCIDENTS) {
		ctab_emit(r->cons == 0 ? &t_out_with : &t_out_without, r, g, 0,
		    NULL, out, " ");
		return;
	}
	if (r->death) {
		ctab_emit(&t_out_death, r, g, 0, NULL, out, " ");
		return;
	}
	i = r->dis == 0 ? (r->agecls == AC_ADULT ? 0 : 1) :
	    r->dis == 4 ? 3 : 2;
	emit(r, &t_out_harm.c[i], rng_next(g), out, " ");
}

/*
 * All the free text of a record.  trig and plan are Form 1's columns 7
 * and 11; ident is the field that carries identifying detail, or -1.
 */
static void
compose(const struct world *w, const struct rec *r, int sc,
    struct rng *g, int trig, int plan, int ident, struct texts *t)
{
	const struct cpair *core = &w->scirc[sc];
	const struct org *o = &w->orgs[r->org];
	uint32_t	 used;
	int		 len, i, n;

	texts_reset(t);
	if (ident == FD_ANAM)
		ctab_emit(&t_id_anam, r, g, 0, NULL, t->f[FD_ANAM], " ");
	compose_anam(r, g, trig, t->f[FD_ANAM]);

	/* Column 5/8: one short sentence to a paragraph of 4-6. */
	len = rng_range(g, 0, 99);
	if (len >= 20 && (len >= 65 || rng_pm(g, 550)) && !r->outpat)
		ctab_emit(&t_leads, r, g, (core->uses_at ? PK_NOAT : 0) |
		    (dxs[r->dx].flags & DX_CX ? PK_NODXN : 0), NULL,
		    t->f[FD_CIRC], " ");
	emit(r, core, rng_next(g), t->f[FD_CIRC], " ");
	if (len >= 65) {
		used = 0;
		n = rng_range(g, 1, 2);
		for (i = 0; i < n; i++)
			ctab_emit(&t_details, r, g, 0, &used, t->f[FD_CIRC],
			    " ");
	}
	if (len >= 20 || r->form == FORM_INSURANCE || rng_pm(g, 400))
		compose_outcome(r, g, t->f[FD_CIRC]);
	if (ident == FD_CIRC)
		ctab_emit(&t_id_circ, r, g, 0, NULL, t->f[FD_CIRC], " ");

	/* Column 9: the scenario's care and, for longer texts, more. */
	emit(r, &w->scare[sc], rng_next(g), t->f[FD_CARE], " ");
	n = rng_range(g, len < 20 ? 0 : 1, 2);
	for (i = 0, used = 0; i < n; i++)
		ctab_emit(&t_care_more, r, g, 0, &used, t->f[FD_CARE], " ");
	if (ident == FD_CARE)
		ctab_emit(&t_id_care, r, g, 0, NULL, t->f[FD_CARE], " ");

	/* Column 10: measures. */
	if (r->form == FORM_INSURANCE) {
		ctab_emit(&t_f2_commission, r, g, 0, NULL, t->f[FD_MEAS], " ");
		ctab_emit(plan ? &t_f2_insured : &t_f2_uninsured, r, g, 0,
		    NULL, t->f[FD_MEAS], " ");
		n = rng_range(g, 0, 2);
	} else
		n = rng_range(g, 1, 3);
	for (i = 0, used = 0; i < n; i++)
		ctab_emit(&t_measures, r, g, 0, &used, t->f[FD_MEAS], " ");
	if (r->form == FORM_INCIDENTS) {
		if (plan || rng_pm(g, 600))
			ctab_emit(plan ? &t_plan_yes : &t_plan_no, r, g, 0,
			    NULL, t->f[FD_MEAS], " ");
	}
	if (ident == FD_MEAS)
		ctab_emit(&t_id_meas, r, g, 0, NULL, t->f[FD_MEAS], " ");

	/* Form 2, column 2: the facility and department (not published). */
	for (i = 0; r->form == FORM_INSURANCE && i < LANG__MAX; i++) {
		buf_puts(&t->place[i], o->name[i]);
		buf_puts(&t->place[i], ", ");
	}
	if (r->form == FORM_INSURANCE) {
		buf_puts(&t->place[LANG_KK], depts[r->dept].kk);
		buf_puts(&t->place[LANG_RU], depts[r->dept].ru);
	}
}

/* ------------------------------------------------------------------ */
/* Volumes                                                             */

/*
 * How many of total records fall in each of nq quarters: a ramp-up
 * over the first quarters (slower for the insurance pool), slow
 * growth, a seasonal swing, and 2024 Q4's 70 days.  Largest remainders
 * make the counts add up exactly.
 */
static void
quarter_counts(int form, long total, int nq, long *out)
{
	static const double ramp[FORM__MAX][4] = {
		{ 0.45, 0.70, 0.85, 0.95 }, { 0.30, 0.60, 0.80, 0.92 }
	};
	static const double season[4] = { 1.04, 0.97, 0.91, 1.06 };
	double		 wt[40], sum = 0, frac[40], best;
	long		 first, last, given = 0;
	int		 k, y, q, b;

	for (k = 0; k < nq; k++) {
		quarter_of(k, &y, &q);
		quarter_days(k, &first, &last);
		wt[k] = (k < 4 ? ramp[form][k] : 1.0) * (1.0 + 0.015 * k) *
		    season[q - 1] * (double)(last - first + 1) / 91.25;
		sum += wt[k];
	}
	for (k = 0; k < nq; k++) {
		out[k] = (long)((double)total * wt[k] / sum);
		frac[k] = (double)total * wt[k] / sum - (double)out[k];
		given += out[k];
	}
	while (given < total) {
		for (b = 0, best = -1, k = 0; k < nq; k++)
			if (frac[k] > best) {
				best = frac[k];
				b = k;
			}
		out[b]++;
		frac[b] = -1;
		given++;
	}
}

/* ------------------------------------------------------------------ */
/* The database                                                        */

static const char ins_incident[] =
    "INSERT INTO incidents (source, source_ref, org_code, region, "
    "reported_quarter, occurred_at, category, consequence, "
    "circumstances_kk, circumstances_ru, profile, anamnesis_kk, "
    "anamnesis_ru, trigger, sex, age_years, diagnosis_icd10, care_kk, "
    "care_ru, measures_kk, measures_ru, corrective_plan, public_no) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
    "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)";

static const char ins_insurance[] =
    "INSERT INTO insurance_cases (source, source_ref, org_code, region, "
    "reported_quarter, occurred_at, place_kk, place_ru, profile, sex, "
    "diagnosis_icd10, insured, anamnesis_kk, anamnesis_ru, harm, "
    "disability, circumstances_kk, circumstances_ru, care_kk, care_ru, "
    "measures_kk, measures_ru, public_no) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
    "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)";

static void
bind_s(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

static void
bind_b(sqlite3_stmt *st, int i, const struct buf *b)
{
	sqlite3_bind_text(st, i, buf_str(b), (int)b->len, SQLITE_STATIC);
}

/* The dictionaries of the schema must know every code used here. */
static int
check_dicts(sqlite3 *db)
{
	sqlite3_stmt	*st = NULL;
	size_t		 i, j;
	char		 cat[4];
	int		 rc = -1;
	static const char *const q[3] = {
		"SELECT 1 FROM regions WHERE code = ?1",
		"SELECT 1 FROM profiles WHERE code = ?1",
		"SELECT 1 FROM icd10_categories WHERE code = ?1",
	};
	static const char *const what[3] = {
		"region", "profile", "ICD-10 category"
	};

	for (i = 0; i < 3; i++) {
		if (sqlite3_prepare_v2(db, q[i], -1, &st, NULL) != SQLITE_OK)
			return db_err(db, "checking the dictionaries");
		for (j = 0; j < (i == 0 ? NREGIONS : i == 1 ? NPROFILES :
		    NDX); j++) {
			if (i == 0)
				bind_s(st, 1, regions[j].code);
			else if (i == 1)
				bind_s(st, 1, profiles[j].code);
			else {
				memcpy(cat, dxs[j].code, 3);
				cat[3] = '\0';
				sqlite3_bind_text(st, 1, cat, 3,
				    SQLITE_TRANSIENT);
			}
			if (sqlite3_step(st) != SQLITE_ROW) {
				rs_err("demo: %s '%s' is not in the schema's "
				    "dictionary", what[i], i == 0 ?
				    regions[j].code : i == 1 ?
				    profiles[j].code : dxs[j].code);
				goto out;
			}
			sqlite3_reset(st);
		}
		sqlite3_finalize(st);
		st = NULL;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

/* Remove a file if it exists. */
static int
remove_file(const char *path)
{
	if (unlink(path) == -1 && errno != ENOENT)
		return rs_err("%s: cannot remove: %s", path, strerror(errno));
	return 0;
}

/* Remove FILE and its -wal, -shm and -journal companions. */
static int
remove_db(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	char		*p;
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < NELEM(ext); i++) {
		p = xasprintf("%s%s", path, ext[i]);
		if (remove_file(p) == -1)
			rc = -1;
		free(p);
	}
	return rc;
}

/* fsync a file or a directory. */
static int
sync_path(const char *path, int dir)
{
	int	 fd;

	if ((fd = open(path, O_RDONLY | (dir ? O_DIRECTORY : 0))) == -1)
		return rs_err("%s: cannot open: %s", path, strerror(errno));
	if (fsync(fd) == -1) {
		close(fd);
		return rs_err("%s: cannot sync: %s", path, strerror(errno));
	}
	close(fd);
	return 0;
}

/* The directory of path, allocated. */
static char *
dir_of(const char *path)
{
	const char	*s = strrchr(path, '/');

	if (s == NULL)
		return xstrdup(".");
	if (s == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(s - path));
}

/*
 * Create an empty database with 16 KiB pages: a record with its
 * Kazakh and Russian texts takes 3-10 KiB, more than a default 4 KiB
 * page holds without overflow pages.  The page size is fixed by the
 * first write; db_open_write() then sees an empty file and creates
 * the schema.
 */
static int
make_empty(const char *path)
{
	sqlite3	*db = NULL;
	int	 rc = 0;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		rs_err("%s: cannot create the database: %s", path,
		    db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return -1;
	}
	if (db_exec(db, "PRAGMA page_size = 16384; "
	    "CREATE TABLE demo_page_size (x); DROP TABLE demo_page_size") == -1)
		rc = -1;
	if (sqlite3_close(db) != SQLITE_OK && rc == 0)
		rc = rs_err("%s: cannot close the database", path);
	return rc;
}

/* Form 1's source_ref: the organization's own numbering. */
static void
incident_ref(struct org *o, int year, char *out, size_t sz)
{
	o->seq++;
	switch (o->refstyle) {
	case 0:
		snprintf(out, sz, "ИБ-%d-%06ld", year, o->seq);
		break;
	case 1:
		snprintf(out, sz, "INC-%d-%07ld", year, o->seq);
		break;
	default:
		snprintf(out, sz, "ОИ-%d/%05ld", year, o->seq);
		break;
	}
}

/*
 * Write one form: for each event quarter its records, the on-time ones
 * first with public numbers 1..n in a random order, then those
 * reported one or two quarters late, numbered after them.
 */
static int
write_form(sqlite3 *db, struct world *w, const struct demo_opts *o,
    int form, struct texts *t)
{
	sqlite3_stmt	*st = NULL, *pn = NULL;
	struct rng	 g, lg;
	struct rec	 r;
	struct org	*org;
	long		 counts[40], n, i, non, late1, late2, no;
	char		 q[16], rq[16], when[40], ref[40], source[40];
	uint64_t	 key;
	int		 k, rk, sc, y, mo, d, trig, plan, ident, rc = -1;

	if (sqlite3_prepare_v2(db, form == FORM_INCIDENTS ? ins_incident :
	    ins_insurance, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO public_numbers (form, "
	    "quarter, last_no) VALUES (?1, ?2, ?3)", -1, &pn, NULL) !=
	    SQLITE_OK) {
		db_err(db, "preparing the inserts");
		goto out;
	}
	quarter_counts(form, form == FORM_INCIDENTS ? o->incidents :
	    o->insurance, o->quarters, counts);
	for (k = 0; k < o->quarters; k++) {
		n = counts[k];
		if (n == 0)
			continue;
		quarter_name(k, q);
		/* How many are reported late, by one or two quarters. */
		rng_init(&lg, seed_of(w->seed, (uint64_t)form, (uint64_t)k,
		    0x1a7eULL));
		late1 = late2 = 0;
		for (i = 0; i < n && k + 1 < o->quarters; i++)
			if (rng_pm(&lg, 55)) {
				if (k + 2 < o->quarters && rng_pm(&lg, 120))
					late2++;
				else
					late1++;
			}
		non = n - late1 - late2;
		key = seed_of(w->seed, (uint64_t)form, (uint64_t)k, 0x9e7ULL);
		for (i = 0; i < n; i++) {
			rng_init(&g, seed_of(w->seed, (uint64_t)form,
			    (uint64_t)k, (uint64_t)i + 0x100000));
			sc = draw_record(w, &g, form, k, &r);
			if (sc == -1) {
				rs_err("demo: no scenario fits profile '%s' "
				    "aged %d", profiles[r.prof].code, r.age);
				goto out;
			}
			if (i < non) {
				rk = k;
				no = 1 + permute((uint32_t)i, (uint32_t)non,
				    key);
			} else if (i < non + late1) {
				rk = k + 1;
				no = non + 1 + permute((uint32_t)(i - non),
				    (uint32_t)late1, key + 1);
			} else {
				rk = k + 2;
				no = non + late1 + 1 + permute((uint32_t)(i -
				    non - late1), (uint32_t)late2, key + 2);
			}
			quarter_name(rk, rq);
			trig = rng_pm(&g, 400);
			plan = form == FORM_INCIDENTS ? rng_pm(&g, 800) :
			    rng_pm(&g, 850);	/* Form 2: insured */
			ident = rng_pm(&g, 120) ? (int)pick_cum(&g,
			    (const uint32_t[]){ 35, 70, 85, 100 }, 4) : -1;
			compose(w, &r, sc, &g, trig, plan, ident, t);

			civil_from_days(r.day, &y, &mo, &d);
			snprintf(when, sizeof(when), "%04d-%02d-%02dT%02d:%02d",
			    y, mo, d, r.hh, r.mi);
			org = &w->orgs[r.org];
			bind_s(st, 3, org->code);
			bind_s(st, 4, regions[r.region].code);
			bind_s(st, 5, rq);
			bind_s(st, 6, when);
			if (form == FORM_INCIDENTS) {
				snprintf(source, sizeof(source), "mo-%s",
				    org->code);
				incident_ref(org, y, ref, sizeof(ref));
				bind_s(st, 1, source);
				bind_s(st, 2, ref);
				bind_s(st, 7, scens[sc].flags & SC_CORP ?
				    "corporate" : "clinical");
				bind_s(st, 8, r.cons == 0 ? "with" : "without");
				bind_b(st, 9, &t->f[FD_CIRC][LANG_KK]);
				bind_b(st, 10, &t->f[FD_CIRC][LANG_RU]);
				bind_s(st, 11, profiles[r.prof].code);
				bind_b(st, 12, &t->f[FD_ANAM][LANG_KK]);
				bind_b(st, 13, &t->f[FD_ANAM][LANG_RU]);
				bind_s(st, 14, trig ? "yes" : "no");
				bind_s(st, 15, r.sex ? "F" : "M");
				sqlite3_bind_int(st, 16, r.age);
				bind_s(st, 17, dxs[r.dx].code);
				bind_b(st, 18, &t->f[FD_CARE][LANG_KK]);
				bind_b(st, 19, &t->f[FD_CARE][LANG_RU]);
				bind_b(st, 20, &t->f[FD_MEAS][LANG_KK]);
				bind_b(st, 21, &t->f[FD_MEAS][LANG_RU]);
				bind_s(st, 22, plan ? "yes" : "no");
			} else {
				snprintf(ref, sizeof(ref), "SP-%d-%05ld", y,
				    ++w->ins_seq);
				bind_s(st, 1, "insurance-pool");
				bind_s(st, 2, ref);
				bind_b(st, 7, &t->place[LANG_KK]);
				bind_b(st, 8, &t->place[LANG_RU]);
				bind_s(st, 9, profiles[r.prof].code);
				bind_s(st, 10, r.sex ? "F" : "M");
				bind_s(st, 11, dxs[r.dx].code);
				bind_s(st, 12, plan ? "yes" : "no");
				bind_b(st, 13, &t->f[FD_ANAM][LANG_KK]);
				bind_b(st, 14, &t->f[FD_ANAM][LANG_RU]);
				bind_s(st, 15, r.death ? "death" :
				    "iatrogenic");
				bind_s(st, 16, r.death ? "" : r.dis == 0 ?
				    "none" : r.dis == 1 ? "I" : r.dis == 2 ?
				    "II" : r.dis == 3 ? "III" : "child");
				bind_b(st, 17, &t->f[FD_CIRC][LANG_KK]);
				bind_b(st, 18, &t->f[FD_CIRC][LANG_RU]);
				bind_b(st, 19, &t->f[FD_CARE][LANG_KK]);
				bind_b(st, 20, &t->f[FD_CARE][LANG_RU]);
				bind_b(st, 21, &t->f[FD_MEAS][LANG_KK]);
				bind_b(st, 22, &t->f[FD_MEAS][LANG_RU]);
			}
			sqlite3_bind_int64(st, 23, no);
			if (sqlite3_step(st) != SQLITE_DONE) {
				db_err(db, form == FORM_INCIDENTS ?
				    "inserting an incident" :
				    "inserting an insurance case");
				goto out;
			}
			sqlite3_reset(st);
		}
		bind_s(pn, 1, form == FORM_INCIDENTS ? "incidents" :
		    "insurance");
		bind_s(pn, 2, q);
		sqlite3_bind_int64(pn, 3, n);
		if (sqlite3_step(pn) != SQLITE_DONE) {
			db_err(db, "inserting the public numbers");
			goto out;
		}
		sqlite3_reset(pn);
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	sqlite3_finalize(pn);
	return rc;
}

/*
 * The explicit indexes of the record tables (the schema's own SQL),
 * dropped while filling and created again at the end: one sort instead
 * of a random B-tree insertion per row.  Their UNIQUE still applies.
 */
static int
indexes_drop(sqlite3 *db, struct buf *save)
{
	sqlite3_stmt	*st;
	struct buf	 drop = { 0 };
	int		 rc;

	if (sqlite3_prepare_v2(db, "SELECT name, sql FROM sqlite_schema "
	    "WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
	    "('incidents', 'insurance_cases') ORDER BY name", -1, &st,
	    NULL) != SQLITE_OK)
		return db_err(db, "reading the indexes");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		buf_printf(&drop, "DROP INDEX \"%s\";",
		    (const char *)sqlite3_column_text(st, 0));
		buf_printf(save, "%s;", (const char *)sqlite3_column_text(st,
		    1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_free(&drop);
		return db_err(db, "reading the indexes");
	}
	rc = drop.len ? db_exec(db, buf_str(&drop)) : 0;
	buf_free(&drop);
	return rc;
}

/*
 * Fill the open database in one transaction, journalling off (the
 * file is temporary; a failure discards it), then switch to WAL.
 */
static int
fill(sqlite3 *db, struct world *w, const struct demo_opts *o)
{
	struct texts	 t;
	struct buf	 idx = { 0 };
	int		 rc = -1;

	memset(&t, 0, sizeof(t));
	/*
	 * Every code was checked against the dictionaries above, so the
	 * foreign keys hold; checking them per row only costs time.
	 */
	if (check_dicts(db) == -1 ||
	    db_exec(db, "PRAGMA foreign_keys = OFF") == -1 ||
	    db_exec(db, "PRAGMA journal_mode = OFF") == -1 ||
	    db_exec(db, "PRAGMA synchronous = OFF") == -1 ||
	    db_exec(db, "PRAGMA cache_size = -32768") == -1 ||
	    db_exec(db, "BEGIN") == -1 || indexes_drop(db, &idx) == -1)
		goto out;
	if (write_form(db, w, o, FORM_INCIDENTS, &t) == -1 ||
	    write_form(db, w, o, FORM_INSURANCE, &t) == -1 ||
	    (idx.len > 0 && db_exec(db, buf_str(&idx)) == -1))
		goto out;
	if (db_exec(db, "COMMIT") == -1 ||
	    db_exec(db, "PRAGMA foreign_keys = ON") == -1 ||
	    db_exec(db, "PRAGMA journal_mode = WAL") == -1 ||
	    db_exec(db, "PRAGMA synchronous = FULL") == -1)
		goto out;
	rc = 0;
out:
	texts_free(&t);
	buf_free(&idx);
	return rc;
}

int
demo_run(const struct demo_opts *o)
{
	struct world	 w;
	sqlite3		*db = NULL;
	char		*tmp = NULL, *wal = NULL, *shm = NULL, *dir = NULL;
	int		 rc = -1;

	if (o->quarters < 1 || o->quarters > 40)
		return rs_err("demo: --quarters must be from 1 to 40");
	if (world_init(&w, (uint64_t)o->seed) == -1)
		goto out;
	tmp = xasprintf("%s.tmp", o->db);
	wal = xasprintf("%s-wal", o->db);
	shm = xasprintf("%s-shm", o->db);
	if (remove_db(tmp) == -1 || make_empty(tmp) == -1 ||
	    db_open_write(&db, tmp, 1) == -1)
		goto fail;
	if (fill(db, &w, o) == -1)
		goto fail;
	if (sqlite3_close(db) != SQLITE_OK) {
		rs_err("%s: cannot close the database: %s", tmp,
		    sqlite3_errmsg(db));
		goto fail;
	}
	db = NULL;
	dir = dir_of(o->db);
	if (sync_path(tmp, 0) == -1 || remove_file(wal) == -1 ||
	    remove_file(shm) == -1)
		goto fail;
	if (rename(tmp, o->db) == -1) {
		rs_err("%s: cannot rename to '%s': %s", tmp, o->db,
		    strerror(errno));
		goto fail;
	}
	if (sync_path(dir, 1) == -1)
		goto out;
	rc = 0;
	goto out;
fail:
	db_close(db);
	if (tmp != NULL)
		remove_db(tmp);
out:
	world_free(&w);
	free(tmp);
	free(wal);
	free(shm);
	free(dir);
	return rc;
}
