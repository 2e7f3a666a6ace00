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
 * The free text is composed from parallel Kazakh/Russian templates,
 * the corpus, read from the CSV files of content/demo/ by corpus.c
 * (content/demo/README.md describes the files and what a translator
 * may change).  A template is plain text with a few marks:
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
 * mismatch is an error naming the file and line, not a silently
 * different text.  The model -- profiles, their weights and ages, the
 * kinds of organization, volumes, times -- stays in this file; the
 * corpus's rows are used in the order of the files, so the same corpus
 * and options always give the same database.
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
#include "store/corpus.h"

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

/* The corpus of the run (content/demo/), set by world_init. */
static const struct corpus *K;

/*
 * The Kazakh locative ending after a number read aloud (0..59):
 * "14:30-да", "14:05-те", "12:50-де".  It follows the last word; the
 * endings are words.csv's time.ending.1-9 and time.ending.0-50.
 */
static const char *
kk_loc(int n)
{
	if (n % 10 != 0)
		return K->kk_end_digit[n % 10];
	return K->kk_end_tens[(n / 10) % 6];
}

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

/* Why the last template failed to compile, for the message. */
static char tpl_why[96];

/* Record why compiling failed at p; returns -1. */
static int
tpl_fail(const char **pp, const char *p, const char *why)
{
	*pp = p;
	snprintf(tpl_why, sizeof(tpl_why), "%s", why);
	return -1;
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
				return tpl_fail(pp, p, "a '|' or ']' outside "
				    "[ ]");
			break;
		}
		if (*p == '^') {
			node_add(N_CAP);
			p++;
		} else if (*p == '{') {
			q = strchr(p, '}');
			if (q == NULL)
				return tpl_fail(pp, p, "a '{' without '}'");
			n = (size_t)(q - p - 1);
			for (k = 0; k < S__MAX; k++)
				if (strlen(slot_names[k]) == n &&
				    strncmp(slot_names[k], p + 1, n) == 0)
					break;
			if (k == S__MAX)
				return tpl_fail(pp, p, "an unknown slot");
			g = node_add(N_SLOT);
			T.nodes[g].n = (uint16_t)k;
			if (k == S_AT)
				cp->uses_at = 1;
			if (k == S_DXN)
				cp->uses_dxn = 1;
			p = q + 1;
		} else if (*p == '<') {
			q = p++;
			if (compile_num(&p, cp) == -1)
				return tpl_fail(pp, q, "a malformed number "
				    "(<lo-hi>, <lo-hi/step>, <lo-hi~one~few~"
				    "many>)");
		} else if (*p == '[') {
			q = p++;
			if (parse_label(&p, &label) == -1)
				return tpl_fail(pp, q, "an unknown label (@1: "
				    "to @4:, @a:, @c:, @d:, @g:)");
			g = node_add(N_GROUP);
			T.nodes[g].label = label;
			nb = 0;
			for (;;) {
				if (nb == NELEM(starts))
					return tpl_fail(pp, q, "more than 24 "
					    "alternatives");
				starts[nb] = (uint32_t)T.nnodes;
				if (compile_seq(&p, depth + 1, cp) == -1) {
					*pp = p;
					return -1;
				}
				ends[nb++] = node_add(N_END);
				if (*p == '|') {
					p++;
					continue;
				}
				if (*p != ']')
					return tpl_fail(pp, q, "a '[' without "
					    "']'");
				p++;
				break;
			}
			if (nb < 2 && label != 0)
				return tpl_fail(pp, q, "a labelled group with "
				    "one alternative");
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

/* A number scaled by 10^dec, with a decimal comma. */
static void
sig_num(struct buf *b, long v, int dec)
{
	long	 sc = scale10(dec);

	if (dec > 0)
		buf_printf(b, "%ld,%0*ld", v / sc, dec, v % sc);
	else
		buf_printf(b, "%ld", v);
}

/* A label as written: "", "@1:" or "@a:". */
static void
sig_label(struct buf *b, uint8_t label)
{
	if (label >= 1 && label <= 4)
		buf_printf(b, "@%u:", label);
	else if (label != 0)
		buf_printf(b, "@%c:", label);
}

/*
 * The shape of a template that must agree between the languages, as
 * written in messages: "seq" gets the draws in order (unlabelled groups
 * and numbers, and labelled groups that contain draws, with their
 * branches: "[3]", "[2: <1-3/1> | ]"), "set" the labelled items that
 * draw nothing, one a line (order-free).  Groups by sex are Russian
 * grammar and are left out, but may not draw.
 */
static int
tpl_signature(uint32_t i, struct buf *seq, struct buf *set)
{
	const struct node *nd;
	struct buf	*o, br = { 0 }, all = { 0 };
	uint32_t	 b;
	int		 ordered, rc = 0;

	for (;;) {
		nd = &T.nodes[i];
		switch (nd->type) {
		case N_END:
			goto out;
		case N_NUM:
			o = nd->label ? set : seq;
			if (o->len > 0 && o->data[o->len - 1] != '\n')
				buf_putc(o, ' ');
			buf_putc(o, '<');
			sig_label(o, nd->label);
			sig_num(o, nd->lo, nd->dec);
			buf_putc(o, '-');
			sig_num(o, nd->hi, nd->dec);
			buf_putc(o, '/');
			sig_num(o, nd->step, nd->dec);
			buf_puts(o, nd->label ? ">\n" : ">");
			break;
		case N_GROUP:
			ordered = nd->label == 0;
			for (b = 0; b < nd->n; b++)
				if (draws(T.brs[nd->first + b]))
					ordered = 1;
			if (nd->label == 'g') {
				if (nd->n != 2 || ordered) {
					rc = -1;
					goto out;
				}
			} else if (!ordered) {
				buf_putc(set, '[');
				sig_label(set, nd->label);
				buf_printf(set, "%u]\n", nd->n);
			} else {
				buf_reset(&all);
				for (b = 0; b < nd->n; b++) {
					buf_reset(&br);
					if (tpl_signature(T.brs[nd->first + b],
					    &br, set) == -1) {
						rc = -1;
						goto out;
					}
					buf_puts(&all, b ? " | " : ": ");
					buf_puts(&all, buf_str(&br));
				}
				if (seq->len > 0)
					buf_putc(seq, ' ');
				buf_putc(seq, '[');
				sig_label(seq, nd->label);
				buf_printf(seq, "%u", nd->n);
				/* "[3]" when no branch draws */
				for (b = 0; b < all.len; b++)
					if (strchr(":| ", all.data[b]) == NULL)
						break;
				if (b < all.len)
					buf_puts(seq, buf_str(&all));
				buf_putc(seq, ']');
			}
			i = nd->next;
			continue;
		default:
			break;
		}
		i++;
	}
out:
	buf_free(&br);
	buf_free(&all);
	return rc;
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
 * The shape of one language for a message: its draws, then its
 * order-free items ("[2] <1-3/1> and [@c:2]"), or "nothing".
 */
static const char *
sig_str(struct buf *seq, struct buf *set)
{
	size_t	 i;

	while (set->len > 0 && set->data[set->len - 1] == '\n')
		set->data[--set->len] = '\0';
	for (i = 0; i < set->len; i++)
		if (set->data[i] == '\n')
			set->data[i] = ' ';
	if (seq->len > 0 && set->len > 0)
		buf_puts(seq, " and ");
	buf_puts(seq, buf_str(set));
	return seq->len ? buf_str(seq) : "nothing";
}

/*
 * Compile a Kazakh/Russian pair (columns col of line of path, for
 * messages) and check that both draw alike.  The strings belong to the
 * corpus and stay referenced by the nodes.
 */
static int
compile_pair(const char *const src[LANG__MAX], struct cpair *cp,
    const char *path, size_t line, const char *const col[LANG__MAX])
{
	struct buf	 seq[LANG__MAX], set[LANG__MAX];
	const char	*p, *e;
	size_t		 k;
	int		 l, rc = 0;

	memset(cp, 0, sizeof(*cp));
	memset(seq, 0, sizeof(seq));
	memset(set, 0, sizeof(set));
	for (l = 0; l < LANG__MAX; l++) {
		p = src[l];
		cp->at[l] = (uint32_t)T.nnodes;
		if (compile_seq(&p, 0, cp) == -1) {
			/* Where (in letters), and 30 bytes from there. */
			for (e = src[l], k = 1; e < p; e++)
				k += (*e & 0xc0) != 0x80;
			for (e = p; *e != '\0' && e - p < 30; e++)
				;
			while (*e != '\0' && (*e & 0xc0) == 0x80)
				e--;
			rc = rs_err("%s:%zu: %s: %s at character %zu: '%.*s'",
			    path, line, col[l], tpl_why, k, (int)(e - p), p);
			goto out;
		}
		node_add(N_END);
	}
	for (l = 0; l < LANG__MAX; l++) {
		if (tpl_signature(cp->at[l], &seq[l], &set[l]) == -1) {
			rc = rs_err("%s:%zu: %s: a [@g:...] group must have "
			    "two alternatives and draw nothing", path, line,
			    col[l]);
			goto out;
		}
		sort_lines(&set[l]);
	}
	if (strcmp(buf_str(&seq[0]), buf_str(&seq[1])) != 0 ||
	    strcmp(buf_str(&set[0]), buf_str(&set[1])) != 0) {
		rc = rs_err("%s:%zu: %s and %s draw differently (the same [ ] "
		    "groups and < > numbers, in the same order): %s has %s, "
		    "%s has %s", path, line, col[0], col[1], col[0],
		    sig_str(&seq[0], &set[0]), col[1],
		    sig_str(&seq[1], &set[1]));
	}
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
/* Medical organizations                                               */

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
/* Clinical profiles                                                   */

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

/*
 * A clinical profile (the schema's code), how often it reports, its
 * family, its department (a key of departments.csv), the patients'
 * sex and ages, and its usual diagnoses (codes of diagnoses.csv).
 */
struct profile {
	const char *code;
	int	 weight;	/* relative frequency in Form 1 */
	int	 fam;
	const char *dept;
	int	 male;		/* men per thousand (0: women only) */
	int	 amin, amax;
	int	 agemode;
	const char *dx;		/* the usual diagnoses, space-separated */
};

static const struct profile profiles[] = {
	{ "therapy", 650, F_THER, "therapy", 480, 18, 100, AG_ADULT,
	  "J44.1 E11.6 I10 J18.9 I50.0 N39.0 D50.0" },
	{ "allergology", 25, F_THER, "allergology", 450, 18, 80, AG_ADULT,
	  "J45.9 T78.3 J30.4 L20.8" },
	{ "gastroenterology", 90, F_THER, "gastroenterology", 500, 18, 90,
	  AG_ADULT, "K74.6 K21.0 K25.4 K85.1" },
	{ "hematology", 50, F_THER, "hematology", 500, 18, 90, AG_ADULT,
	  "D61.9 C92.0 D50.0 C91.0" },
	{ "nephrology", 70, F_THER, "nephrology", 520, 18, 90, AG_ADULT,
	  "N18.5 N18.3 N10 N39.0" },
	{ "cardiology", 500, F_CARD, "cardiology", 560, 25, 100, AG_ADULT,
	  "I21.0 I21.4 I48.0 I50.0 I20.0 I44.2 I10" },
	{ "cardiorheumatology", 20, F_CARD, "cardiorheumatology", 350, 18, 80,
	  AG_ADULT, "I05.0 M32.1 I50.0" },
	{ "pulmonology", 120, F_THER, "pulmonology", 560, 18, 95, AG_ADULT,
	  "J44.1 J18.9 J45.9 J62.8" },
	{ "endocrinology", 90, F_THER, "endocrinology", 420, 18, 90, AG_ADULT,
	  "E11.6 E10.1 E05.0 E66.0" },
	{ "psychiatry", 100, F_PSY, "psychiatry", 550, 18, 85, AG_ADULT,
	  "F20.0 F32.2 F31.1 F03" },
	{ "psychotherapy", 8, F_PSY, "psychiatry", 400, 18, 75, AG_UNI,
	  "F41.1 F43.2 F32.2" },
	{ "medical-psychology", 5, F_PSY, "psychiatry", 400, 18, 75, AG_UNI,
	  "F43.2 F41.1" },
	{ "neurology", 250, F_NEURO, "neurology", 500, 25, 100, AG_ADULT,
	  "I63.5 I63.3 I61.0 G40.9 G35 G45.9" },
	{ "therapeutic-dentistry", 50, F_DENT, "dentistry", 450, 18, 85,
	  AG_ADULT, "K02.1 K04.0 K04.5" },
	{ "sexopathology", 3, F_PSY, "psychiatry", 800, 20, 70, AG_UNI,
	  "F52.2 F41.1" },
	{ "rehabilitation", 40, F_REHAB, "rehabilitation", 500, 18, 90,
	  AG_ADULT, "I69.3 M51.1 S72.0 M17.1" },
	{ "occupational-pathology", 5, F_THER, "occupational-pathology", 750,
	  30, 75, AG_UNI, "J62.8 T75.2 J44.1" },
	{ "occupational-therapy", 3, F_REHAB, "rehabilitation", 500, 18, 80,
	  AG_ADULT, "I69.3 G80.0 F20.0" },
	{ "narcology", 30, F_PSY, "narcology", 820, 18, 75, AG_UNI,
	  "F10.3 F10.4 F11.2" },
	{ "phthisiology", 60, F_INF, "tuberculosis", 650, 18, 85, AG_ADULT,
	  "A15.0 A16.2" },
	{ "gerontology", 30, F_THER, "geriatrics", 400, 60, 100, AG_ADULT,
	  "F03 M81.0 R54 I10 I50.0" },
	{ "hirudotherapy", 1, F_REHAB, "physiotherapy", 400, 25, 80, AG_ADULT,
	  "I83.9 M42.1" },
	{ "toxicology", 20, F_THER, "toxicology", 600, 16, 85, AG_UNI,
	  "T42.4 T51.0 T58" },
	{ "exercise-therapy", 8, F_REHAB, "rehabilitation", 500, 18, 85,
	  AG_ADULT, "M51.1 I69.3 M42.1" },
	{ "dietology", 3, F_THER, "therapy", 350, 18, 80, AG_ADULT,
	  "E66.0 E11.6" },
	{ "radiology", 40, F_DIAG, "radiology", 500, 18, 95, AG_ADULT,
	  "N18.3 I63.3 C34.1 J18.9" },
	{ "su-jok-therapy", 1, F_REHAB, "physiotherapy", 400, 20, 75, AG_UNI,
	  "G43.9 M54.5" },
	{ "manual-therapy", 6, F_REHAB, "rehabilitation", 450, 25, 80, AG_ADULT,
	  "M50.1 M51.1 M42.1 M81.0" },
	{ "reflexology", 4, F_REHAB, "physiotherapy", 400, 20, 80, AG_UNI,
	  "G43.9 M54.5 M42.1" },
	{ "homeopathy", 1, F_REHAB, "physiotherapy", 350, 18, 80, AG_UNI,
	  "J30.4 L20.8" },
	{ "dermatovenereology", 20, F_DERM, "dermatology", 500, 18, 85,
	  AG_ADULT, "L40.0 L30.9 L27.0 A51.3" },
	{ "dermatocosmetology", 10, F_DERM, "dermatology", 150, 18, 65, AG_UNI,
	  "L70.0 L81.4 L91.0" },
	{ "infectious-diseases", 120, F_INF, "infectious", 500, 18, 90,
	  AG_ADULT, "A41.9 A02.0 A46 B01.9 J10.0 A39.0" },
	{ "immunology", 8, F_THER, "allergology", 450, 18, 80, AG_ADULT,
	  "D61.9 T78.3 J45.9" },
	{ "leprology", 1, F_DERM, "dermatology", 600, 30, 85, AG_ADULT,
	  "A30.9" },
	{ "surgery", 1000, F_SURG, "surgery", 500, 18, 95, AG_ADULT,
	  "K35.8 K80.0 K80.1 K56.6 K40.3 K42.9 K85.1 K25.4 K26.5 K65.0 E04.2" },
	{ "cardiac-surgery", 120, F_CSURG, "cardiac-surgery", 650, 25, 85,
	  AG_ADULT, "I25.1 I35.0 I34.0 Q21.1 I71.0" },
	{ "neurosurgery", 150, F_NSURG, "neurosurgery", 580, 18, 90, AG_ADULT,
	  "S06.5 S06.2 D32.0 I60.1 M51.1 C71.1" },
	{ "endoscopy", 80, F_DIAG, "endoscopy", 500, 25, 90, AG_ADULT,
	  "K57.3 K63.5 K21.0 K25.4 K80.5" },
	{ "oncology", 220, F_ONCO, "oncology", 450, 25, 95, AG_ADULT,
	  "C50.9 C18.7 C20 C34.1 C16.9 C53.9 C56 C61 C64 C67.9" },
	{ "traumatology", 500, F_TRAUMA, "traumatology", 520, 18, 100, AG_ADULT,
	  "S72.0 S82.2 S52.5 S42.2 S32.0 S83.2 M16.1 M17.1 T84.5" },
	{ "combustiology", 40, F_BURN, "burns", 600, 18, 90, AG_ADULT,
	  "T31.2 T31.3 T24.3 T21.3 T22.2 T20.2" },
	{ "urology", 150, F_URO, "urology", 700, 18, 95, AG_ADULT,
	  "N20.0 N20.1 N40 C67.9 N13.6 N35.9" },
	{ "andrology", 10, F_URO, "urology", 1000, 18, 80, AG_UNI,
	  "N43.3 N46 I86.1" },
	{ "otorhinolaryngology", 90, F_ENT, "ent", 500, 18, 85, AG_ADULT,
	  "J35.0 J32.0 J34.2 H66.1" },
	{ "ophthalmology", 90, F_EYE, "ophthalmology", 450, 18, 95, AG_ADULT,
	  "H25.9 H40.1 H33.0 H35.3" },
	{ "proctology", 50, F_SURG, "proctology", 550, 20, 90, AG_ADULT,
	  "K64.2 K60.3 K61.0 C20" },
	{ "mammology", 40, F_ONCO, "oncology", 15, 20, 85, AG_TRI,
	  "C50.9 D24 N62" },
	{ "surgical-dentistry", 60, F_DENT, "dentistry", 500, 16, 85, AG_ADULT,
	  "K01.1 K04.5 K12.2" },
	{ "orthodontics", 10, F_DENT, "dentistry", 400, 12, 40, AG_UNI,
	  "K07.2" },
	{ "orthopedic-dentistry", 15, F_DENT, "dentistry", 450, 30, 90,
	  AG_ADULT, "K08.1" },
	{ "maxillofacial-surgery", 30, F_DENT, "dentistry", 650, 16, 80,
	  AG_ADULT, "S02.6 K12.2" },
	{ "transplantology", 20, F_TRANSPL, "transplantation", 550, 18, 65,
	  AG_UNI, "K74.6 N18.5 I42.0" },
	{ "extracorporeal-detoxification", 20, F_ANES, "dialysis", 550, 18, 85,
	  AG_ADULT, "N17.9 T42.4 A41.9 K85.1" },
	{ "hyperbaric-oxygenation", 5, F_ANES, "hyperbaric", 600, 18, 80,
	  AG_UNI, "T58 I83.9" },
	{ "surgical-toxicology", 15, F_ANES, "toxicology", 600, 16, 85, AG_UNI,
	  "T42.4 T51.0 T58" },
	{ "anesthesiology", 700, F_ANES, "icu", 500, 18, 100, AG_ADULT,
	  "T88.2 T88.4 T88.5 T88.6 R57.1 A41.9 K65.0" },
	{ "pediatrics", 450, F_PED, "pediatrics", 520, 0, 17, AG_CHILD,
	  "J18.9 J20.9 J21.9 A09 J06.9 J05.0 E86 R56.0 D50.9" },
	{ "phthisiopediatrics", 6, F_INF, "tuberculosis", 500, 1, 17, AG_CHILD,
	  "A16.2 A15.0" },
	{ "pediatric-anesthesiology", 120, F_PANES, "pediatric-icu", 550, 0, 17,
	  AG_CHILD, "T88.4 T88.5 T88.6 K35.8 J35.3" },
	{ "pediatric-surgery", 180, F_PSURG, "pediatric-surgery", 600, 0, 17,
	  AG_CHILD, "K35.8 K40.3 K56.1 Q40.0 Q53.1 N44" },
	{ "pediatric-neurosurgery", 15, F_NSURG, "neurosurgery", 580, 0, 17,
	  AG_CHILD, "G91.1 S06.5 S06.2" },
	{ "pediatric-endoscopy", 8, F_PSURG, "endoscopy", 550, 0, 17, AG_CHILD,
	  "T18.1 K21.9" },
	{ "pediatric-traumatology", 90, F_TRAUMA, "traumatology", 600, 1, 17,
	  AG_CHILD, "S42.4 S52.5 S82.2" },
	{ "pediatric-combustiology", 20, F_BURN, "burns", 580, 0, 17, AG_CHILD,
	  "T31.2 T22.2 T20.2 T24.3" },
	{ "pediatric-transplantology", 4, F_TRANSPL, "transplantation", 500, 1,
	  17, AG_CHILD, "K74.6 N18.5" },
	{ "pediatric-extracorporeal-detoxification", 4, F_PANES, "dialysis",
	  500, 1, 17, AG_CHILD, "N17.9 T42.4" },
	{ "pediatric-allergology", 10, F_PED, "allergology", 550, 1, 17,
	  AG_CHILD, "L20.8 J45.9 T78.3" },
	{ "medical-genetics", 4, F_PED, "medical-genetics", 500, 0, 17,
	  AG_CHILD, "E84.0 E70.0" },
	{ "pediatric-cardiorheumatology", 8, F_CARD, "cardiorheumatology", 480,
	  3, 17, AG_CHILD, "I05.0 M32.1" },
	{ "pediatric-infectious-diseases", 80, F_INF, "pediatric-infectious",
	  520, 0, 17, AG_CHILD, "A08.0 A09 B05.9 B01.9 A37.9 A39.0" },
	{ "pediatric-immunology", 4, F_PED, "allergology", 500, 1, 17, AG_CHILD,
	  "D61.9 T78.3" },
	{ "pediatric-oncology", 30, F_ONCO, "chemotherapy", 550, 1, 17,
	  AG_CHILD, "C91.0 C40.2 C74.9 C64 C71.1" },
	{ "pediatric-oncohematology", 30, F_ONCO, "chemotherapy", 550, 1, 17,
	  AG_CHILD, "C91.0 C92.0 D61.9" },
	{ "pediatric-neurology", 40, F_NEURO, "neurology", 550, 0, 17, AG_CHILD,
	  "G40.9 G80.0 R56.0" },
	{ "pediatric-nephrology", 12, F_PED, "nephrology", 450, 1, 17, AG_CHILD,
	  "N10 N13.7 N18.3" },
	{ "pediatric-endocrinology", 12, F_PED, "endocrinology", 480, 1, 17,
	  AG_CHILD, "E10.1 E66.0" },
	{ "pediatric-psychiatry", 10, F_PSY, "psychiatry", 600, 5, 17, AG_CHILD,
	  "F84.0 F32.2 F43.2" },
	{ "pediatric-psychotherapy", 3, F_PSY, "psychiatry", 500, 6, 17,
	  AG_CHILD, "F43.2 F41.1" },
	{ "pediatric-toxicology", 8, F_PANES, "toxicology", 550, 1, 17,
	  AG_CHILD, "T42.4 T58" },
	{ "pediatric-hyperbaric-oxygenation", 2, F_PANES, "hyperbaric", 550, 1,
	  17, AG_CHILD, "T58" },
	{ "pediatric-pulmonology", 20, F_PED, "pulmonology", 550, 0, 17,
	  AG_CHILD, "J18.9 J45.9 E84.0 J21.9" },
	{ "pediatric-gastroenterology", 15, F_PED, "gastroenterology", 500, 0,
	  17, AG_CHILD, "K21.9 A09" },
	{ "pediatric-otorhinolaryngology", 25, F_ENT, "ent", 550, 1, 17,
	  AG_CHILD, "J35.3 J35.0 H66.1 T17.5" },
	{ "pediatric-ophthalmology", 12, F_EYE, "ophthalmology", 520, 0, 17,
	  AG_CHILD, "H35.1 H50.0" },
	{ "pediatric-dentistry", 15, F_DENT, "dentistry", 500, 2, 17, AG_CHILD,
	  "K02.1 K04.0" },
	{ "pediatric-maxillofacial-surgery", 6, F_DENT, "dentistry", 550, 0, 17,
	  AG_CHILD, "Q37.9 S02.6" },
	{ "pediatric-urology", 15, F_PSURG, "urology", 800, 0, 17, AG_CHILD,
	  "N13.7 Q54.1 Q53.1 N44" },
	{ "pediatric-gynecology", 8, F_GYN, "gynecology", 0, 3, 17, AG_CHILD,
	  "N76.0 N83.5 N83.2" },
	{ "pediatric-dermatovenereology", 5, F_DERM, "dermatology", 500, 0, 17,
	  AG_CHILD, "L20.8 L30.9" },
	{ "adolescent-narcology", 3, F_PSY, "narcology", 700, 12, 17, AG_UNI,
	  "F12.1 F10.3" },
	{ "adolescent-therapy", 8, F_PED, "pediatrics", 500, 12, 17, AG_UNI,
	  "J18.9 J06.9 D50.9" },
	{ "pediatric-rehabilitation", 8, F_REHAB, "rehabilitation", 550, 1, 17,
	  AG_CHILD, "G80.0 I69.3" },
	{ "neonatology", 350, F_NEO, "neonatal-icu", 520, 0, 0, AG_NEO,
	  "P07.3 P22.0 P21.0 P21.1 P59.9 P36.9 P52.1 P05.1 P13.4" },
	{ "gynecology", 550, F_GYN, "gynecology", 0, 15, 50, AG_TRI,
	  "N83.2 D25.1 N80.0 N80.1 O00.1 N70.1 N84.0 N85.0 N81.2" },
	{ "obstetrics", 900, F_OBST, "maternity", 0, 15, 50, AG_TRI,
	  "O72.0 O72.1 O14.1 O62.2 O45.9 O42.0 O24.4 O68.0 O80 O82" },
	{ "obstetric-neonatology", 150, F_NEO, "newborns", 520, 0, 0, AG_NEO,
	  "P07.3 P22.0 P21.1 P59.9 P05.1 P13.4" },
	{ "obstetric-medical-genetics", 4, F_OBST, "medical-genetics", 0, 18,
	  45, AG_TRI, "O42.0 O24.4 O80" },
	{ "reproductive-technologies", 25, F_GYN, "reproductive", 0, 22, 45,
	  AG_TRI, "N97.1 N98.1 N80.1" },
};
#define NPROFILES NELEM(profiles)


/* Mobile operators' codes for the phone numbers of identifier text. */
static const char *const phone_ops[] = {
	"700", "701", "702", "705", "707", "708", "747", "771", "775",
	"776", "777", "778"
};

/* ------------------------------------------------------------------ */
/* Records and their slots                                             */

struct rec {
	int	 form;
	int	 prof, fam, dept, region, org;
	int	 sex;		/* 0 male, 1 female */
	int	 age, months;	/* months: infants (age 0, not newborn) */
	int	 agecls;	/* AC_ADULT, AC_CHILD, AC_NEO */
	int	 dx;		/* index into K->dx */
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

/*
 * A non-negative number in decimal, into b; returns b.  (Cheaper than
 * snprintf for the values of the words' placeholders.)
 */
static const char *
dec(char b[16], long v)
{
	char	 t[16];
	size_t	 n = 0, i;

	do
		t[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0 && n < sizeof(t) - 1);
	for (i = 0; i < n; i++)
		b[i] = t[n - 1 - i];
	b[n] = '\0';
	return b;
}

/* Scratch space for x_word (reused: no allocation per record). */
static struct buf xw;

/*
 * Append the format word of words.csv in the context's language with
 * its placeholders filled, as one piece of text (like x_printf).
 */
static void
x_word(struct xctx *x, int word, const struct fvar *v, size_t nv)
{
	buf_reset(&xw);
	fmt_expand(&xw, K->word[word][x->lang], v, nv);
	x_text(x->out, &x->cap, buf_str(&xw), xw.len);
}

/* The date of a day as "12 марта 2025 г." or "2025 жылғы 12 наурызда". */
static void
x_date(struct xctx *x, long day)
{
	struct fvar	 v[3];
	char		 ds[16], ys[16];
	int		 y, m, d;

	civil_from_days(day, &y, &m, &d);
	v[0] = (struct fvar){ "DAY", dec(ds, d), d };
	v[1] = (struct fvar){ "MONTH", K->month[m - 1][x->lang], 0 };
	v[2] = (struct fvar){ "YEAR", dec(ys, y), y };
	x_word(x, W_DATE, v, 3);
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
	struct fvar	 v[2];
	char		 ts[16];

	ts[0] = (char)('0' + hh / 10);		/* "%02d:%02d" */
	ts[1] = (char)('0' + hh % 10);
	ts[2] = ':';
	ts[3] = (char)('0' + mi / 10);
	ts[4] = (char)('0' + mi % 10);
	ts[5] = '\0';
	v[0] = (struct fvar){ "TIME", ts, 0 };
	v[1] = (struct fvar){ "ENDING", kk_loc(mi != 0 ? mi : hh % 60), 0 };
	x_word(x, W_TIME, v, 2);
}

/*
 * A person's name with initials (names.csv); a woman's surname ending
 * in -ов, -ев or -ин takes -а, in both languages.
 */
static void
x_name(struct xctx *x, uint64_t v, int female)
{
	const struct names *sn = &K->surnames, *in = &K->initials;
	const char	*s;
	size_t		 n;

	s = sn->v[v % sn->n][x->lang];
	n = strlen(s);
	x_puts(x, s);
	if (female && n > 4 && (strcmp(s + n - 4, "ов") == 0 ||
	    strcmp(s + n - 4, "ев") == 0 || strcmp(s + n - 4, "ин") == 0))
		x_puts(x, "а");
	x_printf(x, " %s.%s.", in->v[(v >> 8) % in->n][x->lang],
	    in->v[(v >> 16) % in->n][x->lang]);
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
	const struct rec *r = x->r;
	const struct department *dp = &K->dept[r->dept];
	const struct diagnosis *dx = &K->dx[r->dx];
	const char	*pt = K->patient[r->agecls][r->sex][PC_NOM][x->lang];
	const char	*street;
	struct fvar	 fv[3];
	char		 n1[16], n2[16];
	int		 l = x->lang, y, m, d;
	uint64_t	 v;

	switch (id) {
	case S_PT:
	case S_PTG:
	case S_PTD:
	case S_PTV:
		x_puts(x, K->patient[r->agecls][r->sex][id - S_PT][l]);
		break;
	case S_PTA:
		fv[0] = (struct fvar){ "PATIENT", pt, 0 };
		if (r->agecls == AC_NEO)
			x_word(x, W_AGED_NEWBORN, fv, 1);
		else {
			m = r->age == 0 ? r->months : r->age;
			fv[1] = (struct fvar){ r->age == 0 ? "MONTHS" : "AGE",
			    dec(n1, m), m };
			x_word(x, r->age == 0 ? W_AGED_MONTHS : W_AGED_YEARS,
			    fv, 2);
		}
		break;
	case S_DEP:
		x_puts(x, dp->in[l]);
		break;
	case S_DEPA:
		x_puts(x, dp->into[l]);
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
		x_word(x, r->weekend ? W_SHIFT_WEEKEND : r->hh >= 8 &&
		    r->hh < 16 ? W_SHIFT_DAY : r->hh >= 16 && r->hh < 21 ?
		    W_SHIFT_EVENING : W_SHIFT_NIGHT, NULL, 0);
		break;
	case S_DXN:
		x_puts(x, dx->name[l]);
		break;
	case S_DXC:
		x_puts(x, dx->code);
		break;
	case S_TOPIC:
		x_puts(x, K->topic[r->topic].text[l]);
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
		street = K->streets.v[v % K->streets.n][l];
		fv[0] = (struct fvar){ "STREET", street, 0 };
		fv[1] = (struct fvar){ "HOUSE", dec(n1, (long)(v / 17 % 150) +
		    1), 0 };
		fv[2] = (struct fvar){ "FLAT", dec(n2, (long)(v / 2550 % 120) +
		    1), 0 };
		x_word(x, W_ADDRESS, fv, 3);
		break;
	case S_AGEN:
		x_printf(x, "%d", r->age);
		break;
	case S_AGEY:
		fv[0] = (struct fvar){ "AGE", dec(n1, r->age), r->age };
		x_word(x, W_AGE, fv, 1);
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

/* A pool of phrases and its compiled pairs. */
struct ctab {
	const struct phrase *v;
	size_t	 n;
	struct cpair *c;
};

static struct ctab tabs[P__MAX];

struct world {
	uint64_t seed;
	struct org *orgs;
	size_t	 norgs;
	size_t	*rfirst;		/* region r: rfirst[r].. */
	uint32_t pcum[FORM__MAX][NPROFILES];	/* cumulative profile weights */
	uint32_t *rcum;			/* cumulative region weights */
	int	 pdept[NPROFILES];		/* index into K->dept */
	int	 pdx[NPROFILES][MAXDX], npdx[NPROFILES];
	struct cpair *scirc, *scare;	/* per scenario */
	long	 ins_seq;		/* Form 2 source_ref numbers */
	struct corpus corpus;
};

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
 * look of its references, its Kazakh and Russian names from
 * organizations.csv (no: its number, town: its town for OT_TOWN).
 */
static void
org_add(struct world *w, struct rng *g, int region, int type, int no,
    int town)
{
	const struct region *rg = &K->region[region];
	struct fvar	 v[7];
	struct buf	 b = { 0 };
	struct org	*o;
	char		 ns[16];
	size_t		 i;
	int		 l;

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
	snprintf(ns, sizeof(ns), "%d", no);
	for (l = 0; l < LANG__MAX; l++) {
		v[0] = (struct fvar){ "REGION", rg->adj_kk, 0 };
		v[1] = (struct fvar){ "REGION_F", rg->adj_f_ru, 0 };
		v[2] = (struct fvar){ "REGION_M", rg->adj_m_ru, 0 };
		v[3] = (struct fvar){ "OF_REGION", rg->of_ru, 0 };
		v[4] = (struct fvar){ "CENTRE", rg->centre[l], 0 };
		v[5] = (struct fvar){ "TOWN", type == OT_TOWN ?
		    rg->town[town][l] : "", 0 };
		v[6] = (struct fvar){ "NO", ns, no };
		fmt_expand(&b, K->org[type][l], v, NELEM(v));
		o->name[l] = buf_detach(&b);
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
	const struct region *rg;
	struct rng	 g;
	size_t		 r, i;
	int		 pop, n, k;

	rng_init(&g, seed_of(w->seed, 0x0e6, 0, 0));
	for (r = 0; r < K->nregion; r++) {
		rg = &K->region[r];
		w->rfirst[r] = w->norgs;
		pop = rg->pop;
		for (i = 0; i < NELEM(once); i++)
			org_add(w, &g, (int)r, once[i], 0, 0);
		if (pop >= 700)
			org_add(w, &g, (int)r, OT_CARDIO, 0, 0);
		if (pop >= 900 || rg->city)
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
		for (k = 0; (size_t)k < rg->ntowns; k++)
			org_add(w, &g, (int)r, OT_TOWN, 0, k);
	}
	w->rfirst[K->nregion] = w->norgs;
}

/* Compile the pairs of a pool of phrases.csv. */
static int
ctab_compile(struct ctab *t, const struct phrase *v, size_t n)
{
	static const char *const col[LANG__MAX] = { "kk", "ru" };
	size_t	 i;

	t->v = v;
	t->n = n;
	t->c = xcalloc(t->n, sizeof(*t->c));
	for (i = 0; i < t->n; i++)
		if (compile_pair(t->v[i].text, &t->c[i], K->path_phrases,
		    t->v[i].line, col) == -1)
			return -1;
	return 0;
}

/* Free the organizations, every compiled template and the corpus. */
static void
world_free(struct world *w)
{
	size_t	 i;

	for (i = 0; i < w->norgs; i++) {
		free(w->orgs[i].name[LANG_KK]);
		free(w->orgs[i].name[LANG_RU]);
	}
	free(w->orgs);
	free(w->rfirst);
	free(w->rcum);
	free(w->scirc);
	free(w->scare);
	for (i = 0; i < P__MAX; i++) {
		free(tabs[i].c);
		memset(&tabs[i], 0, sizeof(tabs[i]));
	}
	tpl_free();
	buf_free(&xw);
	corpus_free(&w->corpus);
	K = NULL;
}

/*
 * Read the corpus of srcdir (NULL: found as by build), compile every
 * template, resolve the profiles' departments and diagnoses, make the
 * organizations.  world_free even after a failure.
 */
static int
world_init(struct world *w, uint64_t seed, const char *srcdir)
{
	static const char *const circ[LANG__MAX] = {
		"circumstances_kk", "circumstances_ru"
	};
	static const char *const care[LANG__MAX] = { "care_kk", "care_ru" };
	const struct scenario *s;
	const struct profile *p;
	uint32_t	 sum[FORM__MAX] = { 0, 0 }, rs = 0;
	char		*where;
	size_t		 i;
	int		 tied, l, rc;

	memset(w, 0, sizeof(*w));
	w->seed = seed;
	K = &w->corpus;
	if (corpus_load(&w->corpus, srcdir) == -1)
		return -1;
	for (i = 0; i < P__MAX; i++)
		if (ctab_compile(&tabs[i], K->pool[i], K->npool[i]) == -1)
			return -1;
	w->scirc = xcalloc(K->nscen, sizeof(*w->scirc));
	w->scare = xcalloc(K->nscen, sizeof(*w->scare));
	for (i = 0; i < K->nscen; i++) {
		s = &K->scen[i];
		if (compile_pair(s->circ, &w->scirc[i], K->path_scenarios,
		    s->line, circ) == -1 || compile_pair(s->care,
		    &w->scare[i], K->path_scenarios, s->line, care) == -1)
			return -1;
		/* The diagnosis follows label 1: its groups must agree. */
		for (l = 0; s->tied && l < LANG__MAX; l++)
			if (!label_arity_ok(w->scirc[i].at[l], 1,
			    (unsigned)s->ndx) ||
			    !label_arity_ok(w->scare[i].at[l], 1,
			    (unsigned)s->ndx))
				return rs_err("%s:%zu: the [@1:...] groups "
				    "do not have one alternative for each of "
				    "its %d diagnoses", K->path_scenarios,
				    s->line, s->ndx);
	}
	for (i = 0; i < NPROFILES; i++) {
		p = &profiles[i];
		where = xasprintf("demo: profile '%s'", p->code);
		rc = corpus_dx_list(K, p->dx, w->pdx[i], &w->npdx[i], &tied,
		    where);
		free(where);
		if (rc == -1)
			return -1;
		if ((w->pdept[i] = corpus_dept(K, p->dept)) == -1)
			return rs_err("demo: profile '%s': unknown department "
			    "'%s' (not in %s/departments.csv)", p->code,
			    p->dept, K->dir);
		sum[FORM_INCIDENTS] += (uint32_t)p->weight * 100;
		sum[FORM_INSURANCE] += (uint32_t)(p->weight * fam_f2[p->fam]);
		w->pcum[FORM_INCIDENTS][i] = sum[FORM_INCIDENTS];
		w->pcum[FORM_INSURANCE][i] = sum[FORM_INSURANCE];
	}
	/* Cities report a little more: more hospitals per person. */
	w->rcum = xcalloc(K->nregion, sizeof(*w->rcum));
	w->rfirst = xcalloc(K->nregion + 1, sizeof(*w->rfirst));
	for (i = 0; i < K->nregion; i++) {
		rs += (uint32_t)K->region[i].pop *
		    (K->region[i].city ? 115U : 100U);
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

/* A random phrase of pool p that fits r and is not in skip, or -1. */
static int
ctab_pick(int p, const struct rec *r, struct rng *g, int flags,
    uint32_t skip)
{
	const struct ctab *t = &tabs[p];
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
 * Emit a random fitting phrase of pool p not in *skip (may be NULL) and
 * add it there; returns its index or -1.
 */
static int
ctab_emit(int p, const struct rec *r, struct rng *g, int flags,
    uint32_t *skip, struct buf out[LANG__MAX], const char *sep)
{
	int	 i;

	i = ctab_pick(p, r, g, flags, skip ? *skip : 0);
	if (i == -1)
		return -1;
	emit(r, &tabs[p].c[i], rng_next(g), out, sep);
	if (skip != NULL && i < 32)
		*skip |= 1U << i;
	return i;
}

static int
dx_fits(const struct rec *r, int dx)
{
	return !((K->dx[dx].flags & DX_F) && r->sex == 0) &&
	    !((K->dx[dx].flags & DX_M) && r->sex == 1);
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
	const struct scenario *s = &K->scen[i];
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
	if (s->ndx > 0) {
		for (k = 0; k < s->ndx; k++)
			if (dx_fits(r, s->dx[k]))
				break;
		if (k == s->ndx)
			return 0;
	}
	return 1;
}

enum scen_pool { POOL_FAM, POOL_GENERIC, POOL_CORP };

/* A random scenario of the pool that fits the record, or -1. */
static int
scen_pick(const struct world *w, const struct rec *r, struct rng *g,
    enum scen_pool pool, int want)
{
	const struct scenario *s;
	uint32_t	 seen = 0;
	size_t		 i;
	int		 got = -1;

	for (i = 0; i < K->nscen; i++) {
		s = &K->scen[i];
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
	const struct scenario *s;
	const char	*c;
	int		 want, sc, corp, i, alt, pass, n, cand[MAXDX];

	memset(r, 0, sizeof(*r));
	r->form = form;
	r->prof = (int)pick_cum(g, w->pcum[form], NPROFILES);
	p = &profiles[r->prof];
	r->fam = p->fam;
	r->dept = w->pdept[r->prof];
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
	r->region = (int)pick_cum(g, w->rcum, K->nregion);
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
	s = &K->scen[sc];
	r->topic = s->topic;
	r->corp = (s->flags & SC_CORP) != 0;
	r->outpat = (s->flags & SC_OUT) != 0;

	/*
	 * The scenario's diagnosis, one the profile also has if it can
	 * (a TB ward's case is tuberculosis, not measles).
	 */
	r->dx = -1;
	for (pass = 0; pass < 2 && r->dx == -1; pass++) {
		if (s->ndx == 0)
			break;
		n = 0;
		for (i = 0; i < s->ndx; i++) {
			alt = (int)((r->lab[1] + (uint32_t)i) %
			    (uint32_t)s->ndx);
			if (!dx_fits(r, s->dx[alt]) || (pass == 0 &&
			    !in_list(s->dx[alt], w->pdx[r->prof],
			    w->npdx[r->prof])))
				continue;
			if (s->tied) {
				r->lab[1] = (uint32_t)alt;
				r->dx = s->dx[alt];
				break;
			}
			cand[n++] = s->dx[alt];
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
		c = K->dx[r->dx].code;
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

	ctab_emit(P_ANAM_OPEN, r, g, K->dx[r->dx].flags & DX_CX ?
	    PK_NODXN : 0, NULL, out, " ");
	if (r->fam == F_OBST && r->agecls == AC_ADULT)
		ctab_emit(P_ANAM_OBST, r, g, 0, NULL, out, " ");
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
		if (ctab_pick(P_COMORB, r, g, 0, used) == -1)
			break;
		if (k == 0) {
			lit(out, out[LANG_KK].len ? " " : "",
			    out[LANG_RU].len ? " " : "");
			lit(out, K->word[W_COMORBIDITIES][LANG_KK],
			    K->word[W_COMORBIDITIES][LANG_RU]);
			lit(out, " ", " ");
		}
		ctab_emit(P_COMORB, r, g, 0, &used, out, k ? ", " : NULL);
	}
	if (k > 0)
		lit(out, ".", ".");
	else if (r->agecls != AC_NEO && rng_pm(g, 500))
		ctab_emit(P_NO_COMORB, r, g, 0, NULL, out, " ");
	if (!trig)
		ctab_emit(P_NO_TRIGGER, r, g, 0, NULL, out, " ");
	else if ((r->fam == F_OBST || r->fam == F_GYN) && r->agecls ==
	    AC_ADULT && rng_pm(g, 700))
		ctab_emit(P_TRIGGER_OBST, r, g, 0, NULL, out, " ");
	else
		ctab_emit(P_TRIGGER, r, g, 0, NULL, out, " ");
}

/* The closing sentence of the circumstances. */
static void
compose_outcome(const struct rec *r, struct rng *g,
    struct buf out[LANG__MAX])
{
	int	 i;

	if (r->form == FORM_INCIDENTS) {
		ctab_emit(r->cons == 0 ? P_OUT_WITH : P_OUT_WITHOUT, r, g,
		    0, NULL, out, " ");
		return;
	}
	if (r->death) {
		ctab_emit(P_OUT_DEATH, r, g, 0, NULL, out, " ");
		return;
	}
	i = r->dis == 0 ? (r->agecls == AC_ADULT ? 0 : 1) :
	    r->dis == 4 ? 3 : 2;
	emit(r, &tabs[P_HARM].c[i], rng_next(g), out, " ");
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
	struct fvar	 pv[2];
	uint32_t	 used;
	int		 len, i, n;

	texts_reset(t);
	if (ident == FD_ANAM)
		ctab_emit(P_ID_ANAM, r, g, 0, NULL, t->f[FD_ANAM], " ");
	compose_anam(r, g, trig, t->f[FD_ANAM]);

	/* Column 5/8: one short sentence to a paragraph of 4-6. */
	len = rng_range(g, 0, 99);
	if (len >= 20 && (len >= 65 || rng_pm(g, 550)) && !r->outpat)
		ctab_emit(P_LEAD, r, g, (core->uses_at ? PK_NOAT : 0) |
		    (K->dx[r->dx].flags & DX_CX ? PK_NODXN : 0), NULL,
		    t->f[FD_CIRC], " ");
	emit(r, core, rng_next(g), t->f[FD_CIRC], " ");
	if (len >= 65) {
		used = 0;
		n = rng_range(g, 1, 2);
		for (i = 0; i < n; i++)
			ctab_emit(P_DETAIL, r, g, 0, &used, t->f[FD_CIRC],
			    " ");
	}
	if (len >= 20 || r->form == FORM_INSURANCE || rng_pm(g, 400))
		compose_outcome(r, g, t->f[FD_CIRC]);
	if (ident == FD_CIRC)
		ctab_emit(P_ID_CIRC, r, g, 0, NULL, t->f[FD_CIRC], " ");

	/* Column 9: the scenario's care and, for longer texts, more. */
	emit(r, &w->scare[sc], rng_next(g), t->f[FD_CARE], " ");
	n = rng_range(g, len < 20 ? 0 : 1, 2);
	for (i = 0, used = 0; i < n; i++)
		ctab_emit(P_CARE, r, g, 0, &used, t->f[FD_CARE], " ");
	if (ident == FD_CARE)
		ctab_emit(P_ID_CARE, r, g, 0, NULL, t->f[FD_CARE], " ");

	/* Column 10: measures. */
	if (r->form == FORM_INSURANCE) {
		ctab_emit(P_COMMISSION, r, g, 0, NULL, t->f[FD_MEAS], " ");
		ctab_emit(plan ? P_INSURED : P_UNINSURED, r, g, 0,
		    NULL, t->f[FD_MEAS], " ");
		n = rng_range(g, 0, 2);
	} else
		n = rng_range(g, 1, 3);
	for (i = 0, used = 0; i < n; i++)
		ctab_emit(P_MEASURE, r, g, 0, &used, t->f[FD_MEAS], " ");
	if (r->form == FORM_INCIDENTS) {
		if (plan || rng_pm(g, 600))
			ctab_emit(plan ? P_PLAN_YES : P_PLAN_NO, r, g, 0,
			    NULL, t->f[FD_MEAS], " ");
	}
	if (ident == FD_MEAS)
		ctab_emit(P_ID_MEAS, r, g, 0, NULL, t->f[FD_MEAS], " ");

	/* Form 2, column 2: the facility and department (not published). */
	for (i = 0; r->form == FORM_INSURANCE && i < LANG__MAX; i++) {
		pv[0] = (struct fvar){ "ORGANIZATION", o->name[i], 0 };
		pv[1] = (struct fvar){ "DEPARTMENT", K->dept[r->dept].name[i],
		    0 };
		fmt_expand(&t->place[i], K->word[W_PLACE][i], pv, 2);
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
	size_t		 i, j, n;
	char		 cat[4];
	const char	*code;
	int		 rc = -1;
	static const char *const q[3] = {
		"SELECT 1 FROM regions WHERE code = ?1",
		"SELECT 1 FROM profiles WHERE code = ?1",
		"SELECT 1 FROM icd10_categories WHERE code = ?1",
	};
	static const char *const what[3] = {
		"region", "profile", "ICD-10 category of"
	};

	for (i = 0; i < 3; i++) {
		if (sqlite3_prepare_v2(db, q[i], -1, &st, NULL) != SQLITE_OK)
			return db_err(db, "checking the dictionaries");
		n = i == 0 ? K->nregion : i == 1 ? NPROFILES : K->ndx;
		for (j = 0; j < n; j++) {
			code = i == 0 ? K->region[j].code : i == 1 ?
			    profiles[j].code : K->dx[j].code;
			memcpy(cat, code, 3);	/* ICD-10 codes: at least 3 */
			cat[3] = '\0';
			bind_s(st, 1, i == 2 ? cat : code);
			if (sqlite3_step(st) != SQLITE_ROW) {
				if (i == 1)
					rs_err("demo: profile '%s' is not in "
					    "the schema's dictionary", code);
				else
					rs_err("%s:%zu: %s '%s' is not in the "
					    "schema's dictionary", i == 0 ?
					    K->path_regions :
					    K->path_diagnoses, i == 0 ?
					    K->region[j].line :
					    K->dx[j].line, what[i], code);
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

	db_setup();
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
			bind_s(st, 4, K->region[r.region].code);
			bind_s(st, 5, rq);
			bind_s(st, 6, when);
			if (form == FORM_INCIDENTS) {
				snprintf(source, sizeof(source), "mo-%s",
				    org->code);
				incident_ref(org, y, ref, sizeof(ref));
				bind_s(st, 1, source);
				bind_s(st, 2, ref);
				bind_s(st, 7, K->scen[sc].flags & SC_CORP ?
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
				bind_s(st, 17, K->dx[r.dx].code);
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
				bind_s(st, 11, K->dx[r.dx].code);
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
	    db_exec(db, "BEGIN") == -1 ||
	    /* Each index sorted once, at the end (the triggers stay). */
	    db_set_aside(db, "incidents", DB_INDEXES, &idx) == -1 ||
	    db_set_aside(db, "insurance_cases", DB_INDEXES, &idx) == -1)
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
	if (world_init(&w, (uint64_t)o->seed, o->srcdir) == -1)
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
