/*
 * build.c -- `regsite build`: the pipeline from the registry database
 * to a complete site, in order:
 *
 *   configuration, catalog, templates, scrubber lexicons, content
 *                                  (config.c, catalog.c, content.c)
 *   database snapshot, quick validation, dictionaries    (privacy.c)
 *   privacy stage                                        (privacy.c)
 *   the site, in write_site's order: assets, downloads, root and 404,
 *   per language home, archive, statistics, data and content pages,
 *   each quarter's page and tables; feeds and sitemap
 *                                          (the modules of site.h)
 *   swap the finished tree into place                    (output.c)
 *
 * Any failure leaves the previous site untouched.
 */
#include <errno.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "privacy/scrub.h"
#include "privacy/report.h"
#include "privacy/privacy.h"
#include "render/mustache.h"
#include "render/catalog.h"
#include "site/output.h"
#include "site/reuse.h"
#include "site/build.h"
#include "site/site.h"

/* The last second of 9999-12-31, UTC: dates have four-digit years. */
#define EPOCH_MAX	253402300799L

/* Is dir a source tree (content/, templates/, static/)? */
static int
is_srcdir(const char *dir)
{
	static const char *const subs[] = { "content", "templates", "static" };
	struct stat	 st;
	char		*p;
	size_t		 i;
	int		 ok = 1;

	for (i = 0; i < 3 && ok; i++) {
		p = xasprintf("%s/%s", dir, subs[i]);
		ok = stat(p, &st) == 0 && S_ISDIR(st.st_mode);
		free(p);
	}
	return ok;
}

/*
 * The date the site states it was made: SOURCE_DATE_EPOCH if set (for
 * reproducible builds), else the day after the release quarter ends,
 * so that the same database always gives the same site.
 */
static int
source_date(struct build *b)
{
	const char	*env;
	long		 epoch;
	time_t		 t;
	struct tm	 tm;
	int		 y, q;

	if ((env = getenv("SOURCE_DATE_EPOCH")) != NULL && *env) {
		if (parse_long(env, 0, EPOCH_MAX, &epoch) == -1)
			return rs_err("SOURCE_DATE_EPOCH: expected seconds "
			    "since 1970 from 0 to %ld (the end of the year "
			    "9999), not '%s'", EPOCH_MAX, env);
		t = (time_t)epoch;
		gmtime_r(&t, &tm);
		b->date_iso = xasprintf("%04d-%02d-%02dT%02d:%02d:%02dZ",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min, tm.tm_sec);
		return 0;
	}
	if (quarter_parse(b->release, &y, &q) == -1)
		return rs_err("malformed release quarter '%s'", b->release);
	if (q == 4)
		b->date_iso = xasprintf("%04d-01-01T00:00:00+05:00", y + 1);
	else
		b->date_iso = xasprintf("%04d-%02d-01T00:00:00+05:00", y,
		    q * 3 + 1);
	return 0;
}

/* The scrubber's markers per language, from the catalog. */
static void
load_markers(struct build *b, const char *m[LANG__MAX][SCRUB__MAX],
    const char *tq[LANG__MAX][TQ__MAX])
{
	char	 key[64];
	int	 l, t;

	for (l = 0; l < LANG__MAX; l++) {
		for (t = 0; t < SCRUB__MAX; t++) {
			snprintf(key, sizeof(key), "marker_%s",
			    scrub_type_name(t));
			m[l][t] = tr(b->cat, l, key);
		}
		tq[l][TQ_DIAGNOSIS] = tr(b->cat, l, "marker_diagnosis");
		tq[l][TQ_DEPARTMENT] = tr(b->cat, l, "marker_department");
		tq[l][TQ_PATIENT] = tr(b->cat, l, "marker_patient");
	}
}

/*
 * Every region of [population] must be one of the registry's regions
 * (a typo would otherwise give a region no rate, silently).  0, or -1
 * and rs_err with the configuration's file and line.
 */
static int
check_population(const struct build *b)
{
	size_t	 i;

	for (i = 0; i < b->cfg.npop; i++)
		if (dict_find(b->dicts->regions, b->dicts->nregions,
		    b->cfg.pop[i].code) == NULL)
			return rs_err("%s:%zu: unknown region '%s' in "
			    "[population] (not in the registry's list of "
			    "regions)", b->opts->config, b->cfg.pop[i].line,
			    b->cfg.pop[i].code);
	return 0;
}

/*
 * How many pages write_site will write: the root and 404 pages; per
 * language the home, archive, statistics, downloads and dictionary
 * pages and the content pages; per language and quarter its page and,
 * per form, its table pages (one at least), record pages and group
 * pages; per language the explorers, the releases and each release.
 * For the progress line only.
 */
static long
expected_pages(struct build *b)
{
	long	 n, total, per_lang = 5 + (long)b->ncontent;
	size_t	 i;
	int	 f;

	for (i = 0; i < b->nquarters; i++) {
		per_lang++;
		for (f = 0; f < FORM__MAX; f++) {
			if (pub_count(b->priv, f, b->quarters[i], NULL, &n)
			    == -1)
				n = 0;
			per_lang += n > 0 ? (n + b->cfg.rows_per_page - 1) /
			    b->cfg.rows_per_page : 1;
			if (b->cfg.record_pages)
				per_lang += n;
			per_lang += group_pages(b, b->quarters[i], f);
		}
	}
	/* The explorers, the releases and each release. */
	per_lang += FORM__MAX + 1 + (long)b->rels->n;
	total = 2 + LANG__MAX * per_lang;
	return total;
}

int
build_releases(struct build *b)
{
	if (b->rels != NULL)
		return 0;
	return privacy_releases(b->priv, b->recorded, &b->rels);
}

void
build_progress(struct build *b)
{
	struct timespec	 now;
	double		 el, left;
	long		 step, pct;

	if (!b->opts->progress || b->total_pages <= 0)
		return;
	step = b->total_pages / 100 > 0 ? b->total_pages / 100 : 1;
	if (b->pages % step != 0 && b->pages != b->total_pages)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	el = (double)now.tv_sec + (double)now.tv_nsec / 1e9 - b->started;
	pct = b->pages >= b->total_pages ? 100 :
	    b->pages * 100 / b->total_pages;
	left = b->pages > 0 && b->pages < b->total_pages ?
	    el * (double)(b->total_pages - b->pages) / (double)b->pages : 0;
	fprintf(stderr, "\rregsite: %ld of %ld pages (%ld%%), %ld:%02ld "
	    "left\033[K", b->pages, b->total_pages, pct,
	    (long)left / 60, (long)left % 60);
	fflush(stderr);
}

/* A language's pages: home, archive, statistics, content and release
 * pages, each quarter's page and tables, the explorer. */
static int	 lang_pages_map(struct build *, enum lang);

static int
lang_pages(struct build *b, enum lang l)
{
	char	 name[32];
	int	 rc;

	/* The map of its quarter tables: the last build's and this one's. */
	if (b->frame[0]) {
		char	*prev;

		snprintf(name, sizeof(name), ".regsite-map-%s", lang_codes[l]);
		prev = b->maps_ok ? site_aside(b->site, name, 0) : NULL;
		b->pm = pagemap_open(site_outdir(b->site), prev, name,
		    b->frame);
		free(prev);
	}
	rc = lang_pages_map(b, l);
	if (rc == 0 && b->pm != NULL)
		rc = pagemap_write(b->pm, b->site);
	pagemap_free(b->pm);
	b->pm = NULL;
	return rc;
}

static int
lang_pages_map(struct build *b, enum lang l)
{
	size_t	 i;

	if (home_page(b, l) == -1 || archive_page(b, l) == -1 ||
	    stats_page(b, l) == -1 || content_pages(b, l) == -1 ||
	    releases_pages(b, l) == -1)
		return -1;
	trace("%s: home, archive, statistics, releases pages", lang_codes[l]);
	b->reused = 0;		/* this language's */
	b->ixchunks[0] = b->ixchunks[1] = 0;
	b->pgrows[0] = b->pgrows[1] = 0;
	for (i = 0; i < b->nquarters; i++)
		if (quarter_page(b, l, i) == -1 ||
		    tables_build(b, l, b->quarters[i]) == -1)
			return -1;
	if (explore_pages(b, l) == -1)
		return -1;
	trace("%s: quarters and tables, explorer (%d of %zu tables' rows "
	    "reused; of the others' pages, %ld of %ld kept their rows; of "
	    "their record indexes, %ld of %ld chunks copied)", lang_codes[l],
	    b->reused, FORM__MAX * b->nquarters, b->pgrows[1], b->pgrows[0],
	    b->ixchunks[1], b->ixchunks[0]);
	return 0;
}

/* What the process that wrote the Russian pages tells the build. */
struct lang_result {
	int		 rc;
	long		 pages;
	size_t		 files;
	unsigned long long bytes;
	char		 missing[128];	/* a catalog key asked for, absent */
	char		 err[512];	/* its error, when rc is -1 */
};

/*
 * Both languages' pages side by side: a child process writes the
 * Russian pages into the same temporary tree while this one writes the
 * Kazakh ones (no file is written by both), then reports through a
 * pipe what it wrote.  The registry is only read while they run: the
 * child reads the privacy stage's tables through its copy of the
 * connection and ends with _exit, touching nothing of it.  Either
 * failing fails the build (the tree is then removed whole).
 */
static int
lang_pages_both(struct build *b)
{
	struct lang_result r;
	size_t		 files0 = site_files(b->site);
	unsigned long long bytes0 = site_bytes(b->site);
	long		 pages0 = b->pages;
	ssize_t		 n;
	pid_t		 pid, parent;
	int		 fd[2], rc, st;

	if (pipe(fd) == -1)
		return rs_err("cannot start the Russian pages: pipe: %s",
		    strerror(errno));
	fflush(stdout);
	fflush(stderr);
	parent = getpid();
	if ((pid = fork()) == -1) {
		close(fd[0]);
		close(fd[1]);
		return rs_err("cannot start the Russian pages: fork: %s",
		    strerror(errno));
	}
	if (pid == 0) {
		/* Killed with the build: no orphan writes into its tree. */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
		    getppid() != parent)
			_exit(1);
		close(fd[0]);
		memset(&r, 0, sizeof(r));
		b->total_pages = 0;	/* one progress line: the parent's */
		r.rc = lang_pages(b, LANG_RU);
		if (r.rc == -1)
			snprintf(r.err, sizeof(r.err), "%s", rs_errmsg());
		r.pages = b->pages - pages0;
		r.files = site_files(b->site) - files0;
		r.bytes = site_bytes(b->site) - bytes0;
		if (catalog_missing(b->cat) != NULL)
			snprintf(r.missing, sizeof(r.missing), "%s",
			    catalog_missing(b->cat));
		fflush(stdout);
		fflush(stderr);
		n = write(fd[1], &r, sizeof(r));
		_exit(n == (ssize_t)sizeof(r) && r.rc == 0 ? 0 : 1);
	}
	close(fd[1]);
	/* The Kazakh pages failed: the Russian ones are not waited for. */
	if ((rc = lang_pages(b, LANG_KK)) == -1)
		kill(pid, SIGKILL);
	memset(&r, 0, sizeof(r));
	do
		n = read(fd[0], &r, sizeof(r));
	while (n == -1 && errno == EINTR);
	close(fd[0]);
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR) {
			st = -1;
			break;
		}
	if (rc == -1)
		return -1;
	if (n == (ssize_t)sizeof(r) && r.rc == -1)
		return rs_err("%s", r.err);
	if (n != (ssize_t)sizeof(r) || st == -1 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		return rs_err("the Russian pages: the process writing them "
		    "ended %s", st != -1 && WIFSIGNALED(st) ?
		    "on a signal" : "without a result");
	b->pages += r.pages;
	site_count(b->site, r.files, r.bytes);
	if (r.missing[0])
		catalog_set_missing(b->cat, r.missing);
	build_progress(b);	/* the line counts the child's pages too */
	return 0;
}

/*
 * The site's files, each page module in turn.  The downloads come
 * before the pages that link them; the downloads page and SHA256SUMS
 * after the pages with charts, whose data files they list (the Kazakh
 * pages collect the charts' machine data).  The two languages' pages
 * are written side by side (--jobs 2, the default) or one after the
 * other: the same files either way.
 */
static int
write_site(struct build *b)
{
	int	 l;

	if (assets_copy(b) == -1 || downloads_write(b) == -1)
		return -1;
	trace("downloads");
	if (root_page(b) == -1 || notfound_page(b) == -1)
		return -1;
	if (b->jobs > 1 && LANG__MAX == 2) {
		if (lang_pages_both(b) == -1)
			return -1;
	} else
		for (l = 0; l < LANG__MAX; l++)
			if (lang_pages(b, l) == -1)
				return -1;
	/* The charts' data files are downloads too: the downloads page
	 * and SHA256SUMS come after every chart. */
	if (downloads_wait(b, 1) == -1 || downloads_map(b) == -1 ||
	    downloads_charts(b) == -1)
		return -1;
	for (l = 0; l < LANG__MAX; l++)
		if (data_pages(b, l) == -1)
			return -1;
	if (downloads_sums(b) == -1)
		return -1;
	trace("data pages, SHA256SUMS");
	if (feeds_build(b) == -1)
		return -1;
	trace("feeds and sitemap");
	return 0;
}

/* The key of the registry as this build leaves it (privacy_record). */
struct keyrec {
	const struct reuse_in *in;
	int		 locked;	/* privacy_record wrote (or meant to) */
	int		 same;		/* ... to the registry it read */
	int		 have;		/* key1 is the registry it left */
	char		 key1[65];
};

static void
key_locked(void *arg, enum locked state)
{
	struct keyrec	*k = arg;

	if (state != LOCKED_AFTER) {
		k->locked = 1;
		k->same = state == LOCKED_SAME;
	} else if (k->same)
		k->have = reuse_key(k->in, k->key1) == 0;
}

/*
 * Nothing changed since the site in --out was built: its files linked
 * into the new tree, which is swapped into place as any build's.
 */
static int
reuse_site(struct build *b, const char *key, const struct timespec *t0)
{
	struct timespec	 t1;

	if (site_link_previous(b->site) == -1)
		return -1;
	site_set_key(b->site, key);
	if (site_commit(b->site, b->jobs) == -1)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	config_warn(&b->cfg, b->opts->config);
	if (!b->opts->quiet)
		printf("regsite: built %s: nothing changed since the last "
		    "build; its %zu files, %.1f MB, kept in %.1f s\n",
		    b->opts->out, site_files(b->site),
		    (double)site_bytes(b->site) / 1e6,
		    (double)(t1.tv_sec - t0->tv_sec) +
		    (double)(t1.tv_nsec - t0->tv_nsec) / 1e9);
	site_free(b->site);
	b->site = NULL;
	return 0;
}

static void
build_free(struct build *b)
{
	int	 l;

	for (l = 0; l < LANG__MAX; l++)
		mv_free(b->tmap[l]);
	content_free(b);
	downloads_free(&b->downloads);
	pagemap_free(b->dm);
	free(b->dsame);
	free(b->dorder);
	if (b->dnext != NULL)
		munmap(b->dnext, sizeof(*b->dnext));
	free(b->drows);
	aggs_free(&b->aggs);
	{
		size_t	 i;

		for (i = 0; i < b->ncdata; i++)
			buf_free(&b->cdata[i].csv);
		free(b->cdata);
	}
	free(b->asset_css);
	free(b->asset_js);
	free(b->asset_tables_js);
	for (l = 0; l < LANG__MAX; l++)
		free(b->asset_cards[l]);
	free(b->asset_explore_js);
	grouplinks_free(&b->glinks);
	free(b->asset_print);
	free(b->date_iso);
	scrub_free(b->scr);
	tmpl_close(b->tmpl);
	catalog_free(b->cat);
	config_free(&b->cfg);
	free(b->srcdir);
}

int
build_run(const struct build_opts *o)
{
	struct build	 b;
	const char	*markers[LANG__MAX][SCRUB__MAX];
	const char	*tqm[LANG__MAX][TQ__MAX];
	const char *const *mk[LANG__MAX], *const *tk[LANG__MAX];
	const struct privacy_stats *ps;
	struct report_guard guard;
	struct report	*rep = NULL;
	struct reuse_in	 ri;
	const char	*env;
	struct keyrec	 kr;
	char		 key0[65], prev[65], frame[65] = "";
	struct timespec	 t0, t1;
	char		*path;
	long		 repl = 0;
	int		 rc = -1, l, t, bad = 0, intact;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&b, 0, sizeof(b));
	memset(&kr, 0, sizeof(kr));
	b.opts = o;
	if (o->srcdir != NULL) {
		if (!is_srcdir(o->srcdir)) {
			rs_err("%s: not a regsite source directory (needs "
			    "content/, templates/ and static/)", o->srcdir);
			goto out;
		}
		b.srcdir = xstrdup(o->srcdir);
	} else if (is_srcdir("."))
		b.srcdir = xstrdup(".");
	else if (is_srcdir(DATADIR))
		b.srcdir = xstrdup(DATADIR);
	else {
		rs_err("no content/, templates/ and static/ here or in %s: "
		    "run regsite from its source tree, pass --source DIR, or "
		    "make install", DATADIR);
		goto out;
	}
	/*
	 * The report holds what the site hides: never over the registry,
	 * its configuration, or where the site is built or published.
	 */
	guard.db = o->db;
	guard.out = o->out;
	guard.config = o->config;
	if (o->report != NULL && report_check(o->report, &guard) == -1)
		goto out;
	if (config_load(&b.cfg, o->config) == -1)
		goto out;
	path = xasprintf("%s/content/catalog.csv", b.srcdir);
	b.cat = catalog_load(path);
	free(path);
	if (b.cat == NULL)
		goto out;
	path = xasprintf("%s/templates", b.srcdir);
	b.tmpl = tmpl_open(path);
	free(path);
	if (b.tmpl == NULL)
		goto out;
	path = xasprintf("%s/content/scrub", b.srcdir);
	b.scr = scrub_new(path, getenv("REGSITE_HUNSPELL"));
	free(path);
	if (b.scr == NULL)
		goto out;
	/*
	 * The tables publish ages in bands at most; an exact age in a text
	 * would undo that.  (over90: HIPAA's rule alone.)
	 */
	scrub_set_min_age(b.scr, b.cfg.text_ages == TEXT_AGES_ALL ? 0 : 90);
	for (l = 0; l < LANG__MAX; l++)
		b.tmap[l] = catalog_mval(b.cat, l);
	load_markers(&b, markers, tqm);
	if (catalog_missing(b.cat) != NULL) {
		rs_err("content/catalog.csv: missing key '%s'",
		    catalog_missing(b.cat));
		goto out;
	}
	if (content_load(&b) == -1)
		goto out;
	/* The output before the database: a bad --out fails at once. */
	if ((b.site = site_open(o->out)) == NULL)
		goto out;
	memset(&ri, 0, sizeof(ri));
	ri.db = o->db;
	ri.config = o->config;
	ri.srcdir = b.srcdir;
	ri.no_record = o->no_record;
	if (reuse_frame_key(&ri, frame) == -1)
		frame[0] = '\0';
	ri.frame = frame;
	if (reuse_key(&ri, key0) == -1)
		key0[0] = '\0';	/* no reuse, no key */
	kr.in = &ri;
	/* The report is the privacy stage's: made by a full build only. */
	intact = site_intact(b.site);
	trace("build: sources read, registry keyed, last site checked");
	if (o->report == NULL && key0[0] && site_prev_key(b.site, prev) &&
	    strcmp(prev, key0) == 0 && intact) {
		rc = reuse_site(&b, key0, &t0);
		goto out;
	}

	if ((b.priv = privacy_open(o->db, &bad)) == NULL) {
		if (bad)
			rc = 1;
		goto out;
	}
	b.dicts = privacy_dicts(b.priv);
	/* The pages' frame: the sources, the code lists (their labels);
	 * the maps beside the site, if they are the site's. */
	b.maps_ok = intact && site_maps_ok(b.site);
	if (frame[0]) {
		char	 dd[65], *x;

		dicts_digest(b.dicts, dd);
		x = xasprintf("%s %s", frame, dd);
		sha256_hex(x, strlen(x), b.frame);
		free(x);
	}
	snprintf(b.release, sizeof(b.release), "%s",
	    privacy_release(b.priv));
	if (source_date(&b) == -1 || check_population(&b) == -1)
		goto out;

	for (l = 0; l < LANG__MAX; l++) {
		mk[l] = markers[l];
		tk[l] = tqm[l];
	}
	if (o->report != NULL && (rep = report_open(o->report,
	    (enum lang)o->report_lang, &guard)) == NULL)
		goto out;
	b.jobs = o->jobs == 1 ? 1 : 2;
	privacy_set_jobs(b.priv, b.jobs);
	/* The scrubbing memo: the last build's, and this one's. */
	if (frame[0]) {
		char	*mp, *mn;

		mp = site_memo(b.site, 0);
		mn = site_memo(b.site, 1);
		privacy_set_memo(b.priv, mp, mn, frame);
		free(mp);
		free(mn);
	}
	if (o->no_record)
		privacy_set_preview(b.priv);
	if (privacy_run(b.priv, &b.cfg, b.scr, mk, tk, rep) == -1)
		goto out;
	/*
	 * Every text is scrubbed: the scrubber's lexicon and hunspell
	 * dictionaries (some 20 MB) go before the pages are made and the
	 * workers are forked, and the heap they held goes back to the
	 * system (glibc keeps freed memory otherwise).
	 */
	scrub_free(b.scr);
	b.scr = NULL;
#ifdef __GLIBC__
	malloc_trim(0);
#endif
	/* REGSITE_EXPLAIN=FILE: the hot queries' plans (tests). */
	if ((env = getenv("REGSITE_EXPLAIN")) != NULL && *env) {
		FILE	*f;

		if ((f = fopen(env, "w")) == NULL) {
			rs_err("%s: cannot create: %s", env, strerror(errno));
			goto out;
		}
		t = privacy_explain(b.priv, f);
		if (fclose(f) != 0 || t == -1)
			goto out;
	}
	b.nquarters = privacy_quarters(b.priv, &b.quarters);
	b.recorded = !o->no_record;
	/* The releases are compared while the downloads' workers write
	 * (downloads_write), unless the progress line counts them now. */
	if (o->progress) {
		if (build_releases(&b) == -1)
			goto out;
		b.total_pages = expected_pages(&b);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		b.started = (double)t1.tv_sec + (double)t1.tv_nsec / 1e9;
	}

	if (write_site(&b) == -1) {
		downloads_wait(&b, 0);
		goto out;
	}
	if (catalog_missing(b.cat) != NULL) {
		rs_err("content/catalog.csv: missing key '%s'",
		    catalog_missing(b.cat));
		goto out;
	}
	ps = privacy_stats(b.priv);
	for (t = 0; t < SCRUB__MAX; t++)
		repl += ps->replacements[t];
	{
		long	 cs = ps->counts_suppressed, ch = ps->counts_hidden;
		long	 cr = ps->counts_rounded;
		struct buf shares = { 0 };
		int	 f, q;

		/* The shares of quasi-identifier values shown. */
		for (f = 0; f < FORM__MAX; f++) {
			static const char *const names[QI__MAX] = {
				"date", "region", "sex", "age", "diagnosis",
				"profile"
			};

			buf_printf(&shares, "%sForm %d shows %.1f%% of its "
			    "quasi-identifier values (", f ? ", " : "",
			    f + 1, 100 * ps->shown[f][QI__MAX]);
			for (q = 0; q < QI__MAX; q++) {
				if (f == FORM_INCIDENTS && q == QI_REGION)
					continue;
				if (f == FORM_INSURANCE && q == QI_AGE)
					continue;
				buf_printf(&shares, "%s%s %.0f%%",
				    q ? " " : "", names[q],
				    100 * ps->shown[f][q]);
			}
			buf_putc(&shares, ')');
		}

		/*
		 * The report written whole before the release is recorded:
		 * a report that cannot be written (a full disk) fails the
		 * build while the registry is as it was.  It is named
		 * (report_close) once the release is recorded.
		 */
		privacy_report_done(b.priv);
		if (report_write(rep) == -1) {
			buf_free(&shares);
			goto out;
		}
		if (!o->no_record && privacy_record(b.priv, key_locked,
		    &kr) == -1) {
			buf_free(&shares);
			goto out;
		}
		trace("build: release remembered, registry keyed");
		rc = privacy_close(b.priv, 1);
		b.priv = NULL;		/* freed either way */
		if (rc == -1) {
			buf_free(&shares);
			goto out;
		}
		rc = report_close(rep, 1);
		rep = NULL;		/* freed either way */
		if (rc == -1) {
			buf_free(&shares);
			goto out;
		}
		rc = -1;
		/* The key for the next build, where it is known. */
		if (key0[0] && (!kr.locked || kr.have))
			site_set_key(b.site, kr.locked ? kr.key1 : key0);
		if (site_commit(b.site, b.jobs) == -1) {
			buf_free(&shares);
			goto out;
		}
		trace("build: site swapped in, the last one removed");
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (o->progress)
			fputs("\r\033[K", stderr);
		config_warn(&b.cfg, o->config);
		if (!o->quiet) {
			printf("regsite: built %s: %ld pages, %zu files, "
			    "%.1f MB in %.1f s; privacy: %s; %ld text "
			    "replacements; regional counts: %ld suppressed, "
			    "%ld hidden, %ld rounded\n", o->out, b.pages,
			    site_files(b.site),
			    (double)site_bytes(b.site) / 1e6,
			    (double)(t1.tv_sec - t0.tv_sec) +
			    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
			    buf_str(&shares), repl, cs, ch, cr);
		}
		buf_free(&shares);
	}
	site_free(b.site);
	b.site = NULL;
	rc = 0;
out:
	if (b.priv)
		privacy_close(b.priv, 0);
	report_close(rep, 0);
	if (b.site)
		site_abort(b.site);
	if (rc != 0 && o->progress)
		fputs("\r\033[K", stderr);
	build_free(&b);
	return rc;
}
