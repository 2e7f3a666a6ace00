/*
 * partition.c -- local recoding of one quarter's records into
 * k-anonymous, diverse classes along the generalization ladders.
 *
 * A class starts with every quasi-identifier hidden.  For each QI that
 * can be shown one level finer, its records are grouped by their value
 * at that level; groups that are classes on their own (k records, the
 * required outcomes) split off with the finer value, the others stay
 * together as the rest, which keeps the coarser value and must itself
 * be a class (the smallest passing groups are given back to it until
 * it is).  Of all such splits the one that shows the most worth
 * (partition_utility times the QI's weight, over the records that gain)
 * is made, and each part is split again the same way.  Each step is a
 * sort, so a quarter of n records costs O(n log n) times the depth.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/config.h"
#include "privacy/ladder.h"
#include "privacy/partition.h"

struct kv;

struct pstate {
	struct prec			*v;
	const struct partition_opts	*o;
	size_t				*tmp;	/* scratch, n entries */
	struct kv			*kv;	/* scratch, n entries */
};

double
partition_utility(enum qi q, int level)
{
	int	 h = ladder_hidden[q];

	if (level >= h)
		return 0.0;
	if (h == 1)
		return 1.0;
	return 0.6 + 0.4 * (double)(h - 1 - level) / (double)(h - 1);
}

int
partition_ok(const struct partition_opts *o, size_t n, const size_t oc[2])
{
	long	 d = (oc[0] > 0) + (oc[1] > 0);

	return (long)n >= o->k && d >= o->diversity;
}

/* A record's index and its code at the split's level. */
struct kv {
	int	 code;
	size_t	 idx;
};

/* By code, then by position. */
static int
kv_cmp(const void *a, const void *b)
{
	const struct kv *x = a, *y = b;

	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sort ix[0..n) by the code of QI q at level l, then by position. */
static void
sort_by(struct pstate *s, size_t *ix, size_t n, int q, int l)
{
	struct kv	*kv = s->kv;
	size_t		 i;

	for (i = 0; i < n; i++) {
		kv[i].code = s->v[ix[i]].code[q][l];
		kv[i].idx = ix[i];
	}
	qsort(kv, n, sizeof(*kv), kv_cmp);
	for (i = 0; i < n; i++)
		ix[i] = kv[i].idx;
}

/* A group of equal codes: [lo, hi) of the sorted segment. */
struct group {
	size_t	 lo, hi;
	int	 pass;
};

static int
group_cmp(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	size_t	 nx = x->hi - x->lo, ny = y->hi - y->lo;

	if (nx != ny)
		return nx < ny ? -1 : 1;
	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static int
seg_ok(struct pstate *s, const size_t *ix, size_t lo, size_t hi)
{
	size_t	 oc[2] = { 0, 0 }, i;

	for (i = lo; i < hi; i++)
		oc[s->v[ix[i]].outcome != 0]++;
	return partition_ok(s->o, hi - lo, oc);
}

/*
 * Try to split ix[0..n) on QI q one level finer than gen[q]: sort it,
 * find the groups, decide which pass.  Fills g (ng groups, sorted by
 * size) and returns the worth gained, or -1 if no valid split.
 */
static double
try_split(struct pstate *s, size_t *ix, size_t n, const int *gen, int q,
    struct group **gp, size_t *ngp, size_t *nrest)
{
	struct group	*g = NULL;
	size_t		 ng = 0, i, j, rest = 0, passing = 0;
	size_t		 oc[2] = { 0, 0 };
	int		 nl = gen[q] - 1;
	double		 gain;

	sort_by(s, ix, n, q, nl);
	for (i = 0; i < n; i = j) {
		int	 c = s->v[ix[i]].code[q][nl];

		for (j = i; j < n && s->v[ix[j]].code[q][nl] == c; j++)
			;
		g = xreallocarray(g, ng + 1, sizeof(*g));
		g[ng].lo = i;
		g[ng].hi = j;
		g[ng].pass = seg_ok(s, ix, i, j);
		ng++;
	}
	qsort(g, ng, sizeof(*g), group_cmp);
	for (i = 0; i < ng; i++)
		if (!g[i].pass) {
			rest += g[i].hi - g[i].lo;
			for (j = g[i].lo; j < g[i].hi; j++)
				oc[s->v[ix[j]].outcome != 0]++;
		}
	/* Give the smallest passing groups back until the rest passes. */
	for (i = 0; rest > 0 && !partition_ok(s->o, rest, oc) && i < ng;
	    i++) {
		if (!g[i].pass)
			continue;
		g[i].pass = 0;
		rest += g[i].hi - g[i].lo;
		for (j = g[i].lo; j < g[i].hi; j++)
			oc[s->v[ix[j]].outcome != 0]++;
	}
	for (i = 0; i < ng; i++)
		if (g[i].pass)
			passing += g[i].hi - g[i].lo;
	if (passing == 0 || (rest > 0 && !partition_ok(s->o, rest, oc))) {
		free(g);
		return -1;
	}
	gain = s->o->weight[q] * (double)passing *
	    (partition_utility(q, nl) - partition_utility(q, gen[q]));
	*gp = g;
	*ngp = ng;
	*nrest = rest;
	return gain;
}

static void
place(struct pstate *s, size_t *ix, size_t n, const int *gen, int withheld)
{
	size_t	 i;
	int	 q;

	for (i = 0; i < n; i++) {
		for (q = 0; q < QI__MAX; q++)
			s->v[ix[i]].lv[q] = (int8_t)gen[q];
		s->v[ix[i]].placed = 1;
		s->v[ix[i]].withheld = (uint8_t)withheld;
	}
}

/*
 * Split ix[0..n) (a class under gen) as far as it goes; avail: the QIs
 * still worth trying (a bit per QI).
 */
static void
split(struct pstate *s, size_t *ix, size_t n, const int *gen, int avail,
    int withheld)
{
	struct group	*best = NULL, *g;
	size_t		 nbest = 0, ng, rest, nrest_best = 0, i, j, k;
	int		 q, bq = -1, sub[QI__MAX];
	double		 gain, bgain = 0;

	for (q = 0; q < QI__MAX; q++) {
		if (!(avail & (1 << q)) || gen[q] <= s->o->min_level[q])
			continue;
		if ((gain = try_split(s, ix, n, gen, q, &g, &ng, &rest)) < 0)
			continue;
		if (bq < 0 || gain > bgain + 1e-9) {
			free(best);
			best = g;
			nbest = ng;
			nrest_best = rest;
			bq = q;
			bgain = gain;
		} else
			free(g);
	}
	if (bq < 0) {
		place(s, ix, n, gen, withheld);
		return;
	}
	/* Redo the winner's sort, then lay the parts out: passing groups
	 * first (each contiguous), the rest last. */
	sort_by(s, ix, n, bq, gen[bq] - 1);
	k = 0;
	for (i = 0; i < nbest; i++)
		if (best[i].pass)
			for (j = best[i].lo; j < best[i].hi; j++)
				s->tmp[k++] = ix[j];
	for (i = 0; i < nbest; i++)
		if (!best[i].pass)
			for (j = best[i].lo; j < best[i].hi; j++)
				s->tmp[k++] = ix[j];
	memcpy(ix, s->tmp, n * sizeof(*ix));
	k = 0;
	memcpy(sub, gen, sizeof(sub));
	sub[bq] = gen[bq] - 1;
	for (i = 0; i < nbest; i++) {
		size_t	 len;

		if (!best[i].pass)
			continue;
		len = best[i].hi - best[i].lo;
		split(s, ix + k, len, sub, avail, withheld);
		k += len;
	}
	free(best);
	if (nrest_best > 0)
		split(s, ix + k, nrest_best, gen, avail & ~(1 << bq),
		    withheld);
}

void
partition(struct prec *v, size_t n, const struct partition_opts *o)
{
	struct pstate	 s;
	size_t		*ix, nix = 0, pool = 0, i, sex;
	size_t		 oc[2];
	int		 gen[QI__MAX], q, avail = 0;

	for (i = 0; i < n; i++) {
		v[i].placed = 0;
		v[i].withheld = 0;
		for (q = 0; q < QI__MAX; q++)
			v[i].lv[q] = ladder_hidden[q];
	}
	if (n == 0)
		return;
	memset(&s, 0, sizeof(s));
	s.v = v;
	s.o = o;
	s.tmp = xreallocarray(NULL, n, sizeof(size_t));
	s.kv = xreallocarray(NULL, n, sizeof(struct kv));
	ix = xreallocarray(NULL, n, sizeof(size_t));
	for (q = 0; q < QI__MAX; q++) {
		gen[q] = ladder_hidden[q];
		if (o->use[q] && q != QI_SEX)
			avail |= 1 << q;
	}
	if (!o->pin_sex || !o->use[QI_SEX]) {
		for (i = 0; i < n; i++)
			ix[i] = i;
		if (seg_ok(&s, ix, 0, n))
			split(&s, ix, n, gen, avail | (o->use[QI_SEX] ?
			    1 << QI_SEX : 0), 0);
		goto out;
	}
	/* The sex first: each sex that forms a class on its own. */
	for (sex = 0; sex < 2; sex++) {
		nix = 0;
		oc[0] = oc[1] = 0;
		for (i = 0; i < n; i++)
			if ((size_t)v[i].code[QI_SEX][0] == sex) {
				ix[nix++] = i;
				oc[v[i].outcome != 0]++;
			}
		if (nix == 0 || !partition_ok(o, nix, oc) ||
		    o->min_level[QI_SEX] > 0)
			continue;
		gen[QI_SEX] = 0;
		split(&s, ix, nix, gen, avail, 0);
	}
	/* The others together, the sex hidden and the texts withheld. */
	gen[QI_SEX] = ladder_hidden[QI_SEX];
	oc[0] = oc[1] = 0;
	for (i = 0; i < n; i++)
		if (!v[i].placed) {
			ix[pool++] = i;
			oc[v[i].outcome != 0]++;
		}
	if (pool > 0 && partition_ok(o, pool, oc))
		split(&s, ix, pool, gen, avail, 1);
out:
	free(ix);
	free(s.tmp);
	free(s.kv);
}
