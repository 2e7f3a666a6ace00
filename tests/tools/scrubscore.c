/*
 * scrubscore.c -- the scrubber measured on a labelled corpus (issue 12).
 *
 *   scrubscore [-v] [-r RECALL] [-c CLEAN] CORPUS ...
 *	score each corpus (tests/scrub/README has the format): recall per
 *	kind of identifier and the share of clean words masked; one
 *	"ok -"/"not ok -" line per goal (recall >= RECALL %, default
 *	99.5; clean words masked other than ages <= CLEAN %, default
 *	0.5); -v lists every miss and every false alarm.
 *   scrubscore -e kk|ru TEXT
 *	print TEXT scrubbed, and its spans.
 *   scrubscore -s FILE
 *	every replacement in the texts of FILE (one per line, "KK<TAB>RU"
 *	a record), one per line: type, confidence, recogniser, text.
 *   scrubscore -b FILE [ROUNDS]
 *	speed: scrub every line of FILE (a line "KK<TAB>RU" is one record
 *	in two languages) ROUNDS times; texts per second.
 *
 * The lexicon is $TOP/content/scrub (TOP defaults to "."); the
 * dictionaries are where scrub_new looks ($REGSITE_HUNSPELL to
 * override).  Texts are scrubbed as the build does: every age masked,
 * a record's texts together (scrub_record).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/lib.h"
#include "privacy/scrub.h"

static const char *const RU[SCRUB__MAX] = { "[ФИО]", "[ИИН]", "[ТЕЛ]",
    "[E-MAIL]", "[ССЫЛКА]", "[ДАТА]", "[ВОЗРАСТ]", "[АДРЕС]", "[№]",
    "[ВРЕМЯ]", "[МЕСТО]", "[ОРГАНИЗАЦИЯ]" };
static const char *const KK[SCRUB__MAX] = { "[АТЫ-ЖӨНІ]", "[ЖСН]",
    "[ТЕЛ]", "[E-MAIL]", "[СІЛТЕМЕ]", "[КҮНІ]", "[ЖАСЫ]", "[МЕКЕНЖАЙ]",
    "[№]", "[УАҚЫТ]", "[ЖЕР]", "[ҰЙЫМ]" };

static const char *const kinds[] = { "name", "iin", "phone", "email",
    "url", "date", "age", "address", "place", "time", "org", "number",
    "plate" };
#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

struct label {
	int	 kind;
	size_t	 off, len;
};

/* One text of the corpus, its labels stripped. */
struct text {
	int		 line;
	int		 ru;
	int		 joined;	/* scrubbed with the text before */
	struct buf	 s;
	struct label	*lb;
	size_t		 nlb;
	struct scrub_span *sp;		/* what the scrubber masked */
	size_t		 nsp, spcap;
};

static struct scrubber *scr;
static int	 verbose;

static void
on_span(void *arg, size_t field, const struct scrub_span *sp,
    const char *text)
{
	struct text	*t = (struct text *)arg + field;

	(void)text;
	if (t->nsp == t->spcap) {
		t->spcap = t->spcap ? t->spcap * 2 : 8;
		t->sp = xreallocarray(t->sp, t->spcap, sizeof(*t->sp));
	}
	t->sp[t->nsp++] = *sp;
}

/* Parse "kk<TAB>text with {kind:labels}"; 0, or -1 with a message. */
static int
parse_line(const char *path, int line, const char *l, size_t n,
    struct text *t)
{
	const char	*p, *e = l + n, *tab, *colon, *close;
	size_t		 k;

	memset(t, 0, sizeof(*t));
	t->line = line;
	if ((tab = memchr(l, '\t', n)) == NULL)
		goto bad;
	p = l;
	if (*p == '+') {
		t->joined = 1;
		p++;
	}
	if (tab - p != 2 || (memcmp(p, "kk", 2) && memcmp(p, "ru", 2)))
		goto bad;
	t->ru = memcmp(p, "ru", 2) == 0;
	for (p = tab + 1; p < e; ) {
		if (*p != '{') {
			buf_putc(&t->s, *p++);
			continue;
		}
		colon = memchr(p, ':', (size_t)(e - p));
		close = memchr(p, '}', (size_t)(e - p));
		if (colon == NULL || close == NULL || close < colon)
			goto bad;
		for (k = 0; k < NKINDS; k++)
			if (strlen(kinds[k]) == (size_t)(colon - p - 1) &&
			    memcmp(kinds[k], p + 1, (size_t)(colon - p - 1)) == 0)
				break;
		if (k == NKINDS)
			goto bad;
		t->lb = xreallocarray(t->lb, t->nlb + 1, sizeof(*t->lb));
		t->lb[t->nlb].kind = (int)k;
		t->lb[t->nlb].off = t->s.len;
		t->lb[t->nlb].len = (size_t)(close - colon - 1);
		t->nlb++;
		buf_put(&t->s, colon + 1, (size_t)(close - colon - 1));
		p = close + 1;
	}
	if (t->s.data == NULL)
		buf_put(&t->s, "", 0);
	return 0;
bad:
	fprintf(stderr, "%s:%d: malformed line\n", path, line);
	return -1;
}

/* Is byte off of t inside a span? Which one (index), or -1. */
static long
span_at(const struct text *t, size_t off)
{
	size_t	 i;

	for (i = 0; i < t->nsp; i++)
		if (off >= t->sp[i].off && off < t->sp[i].off + t->sp[i].len)
			return (long)i;
	return -1;
}

/* A letter or a digit starts at s[off]; its length in *n. */
static int
alnum_at(const char *s, size_t len, size_t off, size_t *n)
{
	const char	*p = s + off;
	uint32_t	 c;

	c = utf8_next(&p, s + len);
	*n = (size_t)(p - (s + off));
	return uc_isalpha(c) || (c >= '0' && c <= '9');
}

/* Does span i cover any label of t? */
static int
span_covers_label(const struct text *t, size_t i)
{
	size_t	 k, a = t->sp[i].off, b = a + t->sp[i].len;

	for (k = 0; k < t->nlb; k++)
		if (t->lb[k].off < b && t->lb[k].off + t->lb[k].len > a)
			return 1;
	return 0;
}

static void
show(const struct text *t, const char *what, size_t off, size_t len)
{
	struct buf	 o = { 0 };

	scrub_text(scr, buf_str(&t->s), t->s.len, t->ru ? RU : KK, &o, NULL,
	    NULL);
	printf("#   %s '%.*s' line %d: %s\n", what, (int)len,
	    t->s.data + off, t->line, buf_str(&o));
	buf_free(&o);
}

struct score {
	long	 found[NKINDS], total[NKINDS];
	long	 clean, fp, ages;
};

static void
score_text(const struct text *t, struct score *sc)
{
	const char	*s = t->s.data;
	size_t		 k, off, n, i, wstart;
	long		 sp;
	int		 caught, inlabel, hit, fp, age;

	for (k = 0; k < t->nlb; k++) {
		caught = 1;
		for (off = t->lb[k].off; off < t->lb[k].off + t->lb[k].len;
		    off += n)
			if (alnum_at(s, t->s.len, off, &n) &&
			    span_at(t, off) < 0)
				caught = 0;
		sc->total[t->lb[k].kind]++;
		if (caught)
			sc->found[t->lb[k].kind]++;
		else if (verbose)
			show(t, kinds[t->lb[k].kind], t->lb[k].off,
			    t->lb[k].len);
	}
	/* clean words: runs of letters and digits outside the labels */
	for (off = 0; off < t->s.len; ) {
		if (!alnum_at(s, t->s.len, off, &n)) {
			off += n;
			continue;
		}
		wstart = off;
		inlabel = hit = fp = age = 0;
		while (off < t->s.len && alnum_at(s, t->s.len, off, &n)) {
			for (i = 0; i < t->nlb; i++)
				if (off >= t->lb[i].off &&
				    off < t->lb[i].off + t->lb[i].len)
					inlabel = 1;
			if ((sp = span_at(t, off)) >= 0) {
				hit = 1;
				if (!span_covers_label(t, (size_t)sp)) {
					fp = 1;
					if (t->sp[sp].type == SCRUB_AGE)
						age = 1;
				}
			}
			off += n;
		}
		if (inlabel)
			continue;
		sc->clean++;
		if (hit && fp) {
			if (age)
				sc->ages++;
			else {
				sc->fp++;
				if (verbose)
					show(t, "false alarm", wstart,
					    off - wstart);
			}
		}
	}
}

static int
score_file(const char *path, double min_recall, double max_clean)
{
	struct text	*t = NULL;
	struct scrub_field *fld;
	struct buf	*out;
	struct score	 sc;
	char		*data, *p, *e, *nl;
	const char	*name;
	size_t		 len, nt = 0, i, j, k;
	long		 found = 0, total = 0;
	int		 line = 0, rc = 0;
	double		 r, c;

	if ((data = file_read(path, &len)) == NULL) {
		fprintf(stderr, "scrubscore: %s\n", rs_errmsg());
		return 2;
	}
	for (p = data, e = data + len; p < e; p = nl + 1) {
		line++;
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		if (nl == p || *p == '#')
			continue;
		t = xreallocarray(t, nt + 1, sizeof(*t));
		if (parse_line(path, line, p, (size_t)(nl - p), &t[nt]) == -1)
			return 2;
		nt++;
	}
	free(data);
	/* scrub record by record: a line and the "+" lines after it */
	for (i = 0; i < nt; i = j) {
		for (j = i + 1; j < nt && t[j].joined; j++)
			continue;
		fld = xcalloc(j - i, sizeof(*fld));
		out = xcalloc(j - i, sizeof(*out));
		for (k = i; k < j; k++) {
			fld[k - i].s = t[k].s.data;
			fld[k - i].len = t[k].s.len;
			fld[k - i].markers = t[k].ru ? RU : KK;
			fld[k - i].out = &out[k - i];
		}
		scrub_record(scr, fld, j - i, on_span, &t[i]);
		for (k = 0; k < j - i; k++)
			buf_free(&out[k]);
		free(fld);
		free(out);
	}
	memset(&sc, 0, sizeof(sc));
	for (i = 0; i < nt; i++)
		score_text(&t[i], &sc);
	name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	printf("# %s: %zu texts\n#   %-8s %6s %6s %8s\n", name, nt, "kind",
	    "found", "total", "recall");
	for (k = 0; k < NKINDS; k++) {
		if (sc.total[k] == 0)
			continue;
		printf("#   %-8s %6ld %6ld %7.1f%%\n", kinds[k], sc.found[k],
		    sc.total[k], 100.0 * (double)sc.found[k] /
		    (double)sc.total[k]);
		found += sc.found[k];
		total += sc.total[k];
	}
	r = total ? 100.0 * (double)found / (double)total : 100.0;
	c = sc.clean ? 100.0 * (double)sc.fp / (double)sc.clean : 0.0;
	printf("#   %-8s %6ld %6ld %7.2f%%\n", "all", found, total, r);
	printf("%s - %s: recall %.2f%% (%ld of %ld identifiers) >= %.1f%%\n",
	    r >= min_recall ? "ok" : "not ok", name, r, found, total,
	    min_recall);
	printf("%s - %s: clean words masked %.2f%% (%ld of %ld; and %ld as "
	    "ages) <= %.1f%%\n", c <= max_clean ? "ok" : "not ok", name, c,
	    sc.fp, sc.clean, sc.ages, max_clean);
	if (r < min_recall || c > max_clean)
		rc = 1;
	for (i = 0; i < nt; i++) {
		buf_free(&t[i].s);
		free(t[i].lb);
		free(t[i].sp);
	}
	free(t);
	return rc;
}

static int
one(const char *lang, const char *text)
{
	struct buf	 o = { 0 };
	struct text	 t;
	struct scrub_field f;
	size_t		 i;

	memset(&t, 0, sizeof(t));
	memset(&f, 0, sizeof(f));
	f.s = text;
	f.len = strlen(text);
	f.markers = strcmp(lang, "ru") == 0 ? RU : KK;
	f.out = &o;
	scrub_record(scr, &f, 1, on_span, &t);
	printf("%s\n", buf_str(&o));
	for (i = 0; i < t.nsp; i++)
		printf("  %-7s %3d%s%s '%.*s' (%s)\n",
		    scrub_type_name(t.sp[i].type), t.sp[i].conf,
		    t.sp[i].flags & SCRUB_F_DICT ? " dict" : "",
		    t.sp[i].flags & SCRUB_F_SHARED ? " shared" : "",
		    (int)t.sp[i].len, text + t.sp[i].off, t.sp[i].why);
	free(t.sp);
	buf_free(&o);
	return 0;
}

static void
on_list(void *arg, size_t field, const struct scrub_span *sp,
    const char *text)
{
	(void)arg;
	printf("%s\t%s\t%d\t%s\t%.*s\n", field ? "ru" : "kk",
	    scrub_type_name(sp->type), sp->conf, sp->why, (int)sp->len,
	    text + sp->off);
}

/* Every replacement in the lines of path. */
static int
list(const char *path)
{
	struct scrub_field f[2];
	struct buf	 o[2] = { { 0 }, { 0 } };
	char		*data, *p, *e, *nl, *tab;
	size_t		 len;

	if ((data = file_read(path, &len)) == NULL) {
		fprintf(stderr, "scrubscore: %s\n", rs_errmsg());
		return 2;
	}
	for (p = data, e = data + len; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			nl = e;
		memset(f, 0, sizeof(f));
		f[0].s = p;
		f[0].markers = KK;
		f[0].out = &o[0];
		f[1].markers = RU;
		f[1].out = &o[1];
		if ((tab = memchr(p, '\t', (size_t)(nl - p))) != NULL) {
			f[0].len = (size_t)(tab - p);
			f[1].s = tab + 1;
			f[1].len = (size_t)(nl - tab - 1);
		} else
			f[0].len = (size_t)(nl - p);
		scrub_record(scr, f, 2, on_list, NULL);
		buf_reset(&o[0]);
		buf_reset(&o[1]);
	}
	buf_free(&o[0]);
	buf_free(&o[1]);
	free(data);
	return 0;
}

static int
bench(const char *path, int rounds)
{
	struct scrub_field f[2];
	struct buf	 o[2] = { { 0 }, { 0 } };
	struct timespec	 a, b;
	char		*data, *p, *e, *nl, *tab;
	size_t		 len;
	long		 texts = 0;
	double		 sec, bytes = 0;
	int		 r;

	if ((data = file_read(path, &len)) == NULL) {
		fprintf(stderr, "scrubscore: %s\n", rs_errmsg());
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (r = 0; r < rounds; r++)
		for (p = data, e = data + len; p < e; p = nl + 1) {
			if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
				nl = e;
			memset(f, 0, sizeof(f));
			f[0].s = p;
			f[0].markers = KK;
			f[0].out = &o[0];
			f[1].markers = RU;
			f[1].out = &o[1];
			if ((tab = memchr(p, '\t', (size_t)(nl - p))) != NULL) {
				f[0].len = (size_t)(tab - p);
				f[1].s = tab + 1;
				f[1].len = (size_t)(nl - tab - 1);
			} else
				f[0].len = (size_t)(nl - p);
			scrub_record(scr, f, 2, NULL, NULL);
			texts += f[1].s ? 2 : 1;
			bytes += (double)(nl - p);
			buf_reset(&o[0]);
			buf_reset(&o[1]);
		}
	clock_gettime(CLOCK_MONOTONIC, &b);
	sec = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec -
	    a.tv_nsec) / 1e9;
	printf("# %ld texts, %.1f MB in %.2f s: %.0f texts/s, %.2f MB/s\n",
	    texts, bytes / 1e6, sec, (double)texts / sec, bytes / 1e6 / sec);
	buf_free(&o[0]);
	buf_free(&o[1]);
	free(data);
	return 0;
}

int
main(int argc, char *argv[])
{
	const char	*top = getenv("TOP"), *lang = NULL, *bfile = NULL;
	const char	*sfile = NULL;
	double		 min_recall = 99.5, max_clean = 0.5;
	char		*dir;
	int		 c, rc = 0;

	while ((c = getopt(argc, argv, "ve:b:r:c:s:")) != -1)
		switch (c) {
		case 's':
			sfile = optarg;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'e':
			lang = optarg;
			break;
		case 'b':
			bfile = optarg;
			break;
		case 'r':
			min_recall = atof(optarg);
			break;
		case 'c':
			max_clean = atof(optarg);
			break;
		default:
			fprintf(stderr, "usage: scrubscore [-v] [-r RECALL] "
			    "[-c CLEAN] CORPUS ...\n       scrubscore -e "
			    "kk|ru TEXT\n       scrubscore -s FILE\n"
			    "       scrubscore -b FILE [ROUNDS]\n");
			return 2;
		}
	dir = xasprintf("%s/content/scrub", top ? top : ".");
	if ((scr = scrub_new(dir, getenv("REGSITE_HUNSPELL"))) == NULL) {
		fprintf(stderr, "scrubscore: %s\n", rs_errmsg());
		return 2;
	}
	free(dir);
	scrub_set_min_age(scr, 0);
	if (lang != NULL)
		rc = optind < argc ? one(lang, argv[optind]) : 2;
	else if (sfile != NULL)
		rc = list(sfile);
	else if (bfile != NULL)
		rc = bench(bfile, optind < argc ? atoi(argv[optind]) : 1);
	else
		for (; optind < argc; optind++)
			rc |= score_file(argv[optind], min_recall, max_clean);
	scrub_free(scr);
	return rc;
}
