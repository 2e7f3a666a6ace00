/*
 * releases.c -- releases that stay: a page per release with its key
 * figures, what it changed against the release before it and its rows
 * as published then (data/releases/2025-q2/incidents.csv), and the
 * list of every release.  Everything comes from privacy_releases and
 * release_rows: the registry's memory of what each release published,
 * so an old release's page and files are made again, the same, by
 * every later build.  The what-changed table is shared with the home
 * page, and the release date with the feed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "lib/lib.h"
#include "lib/escape.h"
#include "lib/format.h"
#include "lib/config.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/mustache.h"
#include "render/catalog.h"
#include "site/output.h"
#include "site/site.h"
#include "site/url.h"
#include "site/page.h"
#include "site/download.h"

/* The columns of a release's file (the memory keeps these). */
static const char *const rel_cols[FORM__MAX] = {
	"ref,quarter,first_release,month,sex,age,diagnosis,profile,outcome",
	"ref,quarter,first_release,month,sex,diagnosis,profile,outcome"
};
static const char *const rel_outcome[FORM__MAX][2] = {
	{ "without_consequences", "with_consequences" },
	{ "other", "death" }
};

char *
release_date(const char *release)
{
	int	 y, q;

	if (quarter_parse(release, &y, &q) == -1)
		return xstrdup("1970-01-01T00:00:00Z");
	if (q == 4)
		return xasprintf("%04d-01-01T00:00:00+05:00", y + 1);
	return xasprintf("%04d-%02d-01T00:00:00+05:00", y, q * 3 + 1);
}

/* "1 июля 2025 г." */
static void
release_date_text(struct buf *out, enum lang l, const char *release)
{
	char	*d = release_date(release);

	fmt_date_iso(out, l, d);
	free(d);
}

/* ------------------------------------------------------------------ */
/* The files                                                            */

/* A release's file, written as its rows come (it is the registry's
 * size): out gathers a piece, then it goes to the file and the hash. */
struct relfile {
	struct buf	 out;
	FILE		*fp;
	struct sha256_ctx sha;
	unsigned long long bytes;
	enum form	 f;
	long		 rows;
};

static void
relfile_flush(struct relfile *x)
{
	fwrite(x->out.data, 1, x->out.len, x->fp);
	sha256_update(&x->sha, x->out.len, (const uint8_t *)x->out.data);
	x->bytes += x->out.len;
	buf_reset(&x->out);
}

static void
field(struct buf *b, const char *s, int last)
{
	esc_csv_raw(b, s, strlen(s));
	buf_puts(b, last ? "\r\n" : ",");
}

static int
relfile_row(void *arg, const struct relrow *r)
{
	struct relfile	*x = arg;

	field(&x->out, r->ref, 0);
	field(&x->out, r->quarter, 0);
	field(&x->out, r->first, 0);
	field(&x->out, *r->month ? r->month : "*", 0);
	field(&x->out, r->sex, 0);
	if (x->f == FORM_INCIDENTS)
		field(&x->out, r->age, 0);
	field(&x->out, r->diagnosis, 0);
	field(&x->out, r->profile, 0);
	field(&x->out, rel_outcome[x->f][r->outcome ? 1 : 0], 1);
	x->rows++;
	if (x->out.len >= 65536)
		relfile_flush(x);
	return 0;
}

/* A release's rows of a form: data/releases/<slug>/<form>.csv. */
static int
release_file(struct build *b, const struct release *r, enum form f)
{
	struct relfile	 x;
	struct download	*d;
	uint8_t		 dg[SHA256_DIGEST_SIZE];
	const char	*c;
	char		*path;
	int		 rc;

	memset(&x, 0, sizeof(x));
	x.f = f;
	path = url_release_download(r->id, f);
	if ((x.fp = site_fopen(b->site, path)) == NULL) {
		free(path);
		return -1;
	}
	sha256_init(&x.sha);
	buf_puts(&x.out, "\xef\xbb\xbf");
	for (c = rel_cols[f]; *c; ) {
		size_t	 n = strcspn(c, ",");
		char	*name = xasprintf("%.*s", (int)n, c);

		field(&x.out, name, c[n] == '\0');
		free(name);
		c += n + (c[n] != '\0');
	}
	rc = release_rows(b->priv, r->id, f, relfile_row, &x);
	relfile_flush(&x);
	buf_free(&x.out);
	if (site_fclose(b->site, x.fp, path) == -1 || rc == -1) {
		free(path);
		return -1;
	}
	d = xcalloc(1, sizeof(*d));
	d->path = path;
	snprintf(d->release, sizeof(d->release), "%s", r->id);
	d->form = f;
	d->lang = -1;
	d->fmt = &dl_csv;
	d->bytes = x.bytes;
	d->rows = x.rows;
	sha256_digest(&x.sha, sizeof(dg), dg);
	hex_encode(dg, sizeof(dg), d->sha);
	b->downloads.v = xreallocarray(b->downloads.v, b->downloads.n + 1,
	    sizeof(*b->downloads.v));
	b->downloads.v[b->downloads.n++] = d;
	return 0;
}

int
releases_downloads(struct build *b)
{
	size_t	 i;
	int	 f;

	for (i = 0; i < b->rels->n; i++)
		for (f = 0; f < FORM__MAX; f++)
			if (release_file(b, &b->rels->v[i], f) == -1)
				return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The pages                                                            */

static struct mval *
count_val(struct build *b, enum lang l, long n)
{
	if (n < 0)
		return mv_str(tr(b->cat, l, "value_not_shown"));
	return num_val(n);
}

const struct release *
release_current(const struct build *b)
{
	return &b->rels->v[b->rels->n - 1];
}

void
release_changes(struct build *b, enum lang l, const char *path,
    const struct release *r, struct mval *c)
{
	struct mval	*list, *m;
	size_t		 i;

	mv_sets(c, "release_code", r->id);
	mv_set(c, "release", quarter_val(l, r->id, QF_NOM));
	page_link(c, "href_release", path, url_release(l, r->id));
	page_link(c, "href_releases", path, url_releases(l));
	if (r->prev[0]) {
		mv_set(c, "prev_release", quarter_val(l, r->prev, QF_NOM));
		page_link(c, "href_prev_release", path, url_release(l,
		    r->prev));
	} else
		mv_set(c, "first_release", mv_bool(1));
	if (r->preview)
		mv_set(c, "preview", mv_bool(1));
	list = mv_set(c, "changes", mv_list());
	for (i = 0; i < r->nchg; i++) {
		const struct rel_change *x = &r->chg[i];

		m = mv_push(list, mv_map());
		mv_set(m, "quarter", quarter_val(l, x->quarter, QF_NOM));
		page_link(m, "href", path, url_quarter(l, x->quarter));
		mv_sets(m, "form", tr_form(b->cat, l, x->form));
		mv_set(m, "added", num_val(x->added));
		mv_set(m, "withdrawn", num_val(x->withdrawn));
		mv_set(m, "revised", count_val(b, l, x->revised));
	}
	if (r->nchg > 0)
		mv_set(c, "has_changes", mv_bool(1));
}

/* Key figures: per quarter, rows and outcomes per form; totals. */
static void
figures(struct build *b, enum lang l, const char *path,
    const struct release *r, struct mval *c)
{
	struct mval	*list, *m;
	long		 tot[4] = { 0, 0, 0, 0 };
	size_t		 i;

	list = mv_set(c, "figures", mv_list());
	for (i = 0; i < r->nfig; i++) {
		const struct rel_figures *x = &r->fig[i];

		m = mv_push(list, mv_map());
		mv_set(m, "quarter", quarter_val(l, x->quarter, QF_NOM));
		page_link(m, "href", path, url_quarter(l, x->quarter));
		mv_set(m, "incidents", num_val(x->rows[FORM_INCIDENTS]));
		mv_set(m, "with", num_val(x->outcome[FORM_INCIDENTS]));
		mv_set(m, "insurance", num_val(x->rows[FORM_INSURANCE]));
		mv_set(m, "deaths", num_val(x->outcome[FORM_INSURANCE]));
		tot[0] += x->rows[FORM_INCIDENTS];
		tot[1] += x->outcome[FORM_INCIDENTS];
		tot[2] += x->rows[FORM_INSURANCE];
		tot[3] += x->outcome[FORM_INSURANCE];
	}
	m = mv_set(c, "total", mv_map());
	mv_set(m, "incidents", num_val(tot[0]));
	mv_set(m, "with", num_val(tot[1]));
	mv_set(m, "insurance", num_val(tot[2]));
	mv_set(m, "deaths", num_val(tot[3]));
}

static int
release_page(struct build *b, enum lang l, size_t ri)
{
	const struct release *r = &b->rels->v[ri];
	struct mval	*c, *files, *m;
	struct buf	 t = { 0 }, s = { 0 };
	char		*path, *u;
	size_t		 i;
	int		 rc;

	path = url_release(l, r->id);
	buf_puts(&t, tr(b->cat, l, "release_title"));
	BUF_LIT(&t, ": ");
	fmt_quarter(&t, l, r->id, QF_NOM);
	c = page_ctx(b, l, path, buf_str(&t),
	    tr(b->cat, l, "release_description"));
	release_changes(b, l, path, r, c);
	figures(b, l, path, r, c);
	release_date_text(&s, l, r->id);
	mv_sets(c, "release_date", buf_str(&s));
	if (r->current)
		mv_set(c, "current", mv_bool(1));
	else {
		const struct release *n = &b->rels->v[ri + 1];

		mv_set(c, "superseded_by", quarter_val(l, n->id, QF_NOM));
		page_link(c, "href_superseded_by", path, url_release(l,
		    n->id));
		page_link(c, "href_latest", path, url_release(l,
		    release_current(b)->id));
	}
	files = mv_set(c, "files", mv_list());
	for (i = 0; i < b->downloads.n; i++) {
		const struct download *d = b->downloads.v[i];

		if (strcmp(d->release, r->id) != 0)
			continue;
		m = mv_push(files, download_entry(b, l, path, d));
		mv_sets(m, "form", tr_form(b->cat, l, d->form));
	}
	/* A citation: organization, site, release, date, address. */
	buf_reset(&s);
	buf_printf(&s, "%s. %s. %s, ", b->cfg.org_name[l],
	    b->cfg.site_name[l], buf_str(&t));
	release_date_text(&s, l, r->id);
	u = page_url(b, path);
	buf_printf(&s, ". %s", u);
	free(u);
	mv_sets(c, "citation", buf_str(&s));
	buf_free(&s);
	buf_free(&t);
	rc = page_write(b, "release", c, path);
	free(path);
	return rc;
}

static int
releases_index(struct build *b, enum lang l)
{
	struct mval	*c, *list, *m;
	struct buf	 s = { 0 };
	char		*path;
	size_t		 i, j;
	long		 n[FORM__MAX];
	int		 rc;

	path = url_releases(l);
	c = page_ctx(b, l, path, tr(b->cat, l, "releases_title"),
	    tr(b->cat, l, "releases_description"));
	list = mv_set(c, "releases", mv_list());
	for (i = b->rels->n; i-- > 0; ) {
		const struct release *r = &b->rels->v[i];

		m = mv_push(list, mv_map());
		mv_set(m, "label", quarter_val(l, r->id, QF_NOM));
		page_link(m, "href", path, url_release(l, r->id));
		buf_reset(&s);
		release_date_text(&s, l, r->id);
		mv_sets(m, "date", buf_str(&s));
		n[0] = n[1] = 0;
		for (j = 0; j < r->nfig; j++) {
			n[0] += r->fig[j].rows[0];
			n[1] += r->fig[j].rows[1];
		}
		mv_set(m, "incidents", num_val(n[0]));
		mv_set(m, "insurance", num_val(n[1]));
		if (r->preview)
			mv_set(m, "preview", mv_bool(1));
		else if (r->current)
			mv_set(m, "current", mv_bool(1));
	}
	buf_free(&s);
	rc = page_write(b, "releases", c, path);
	free(path);
	return rc;
}

int
releases_pages(struct build *b, enum lang l)
{
	size_t	 i;

	if (releases_index(b, l) == -1)
		return -1;
	for (i = 0; i < b->rels->n; i++)
		if (release_page(b, l, i) == -1)
			return -1;
	return 0;
}
