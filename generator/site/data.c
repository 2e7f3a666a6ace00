/*
 * data.c -- the open data: the published records of every quarter and
 * of all quarters, per form, as
 *
 *	data/2025-q1/incidents.csv       machine file: English snake_case
 *	                                 header, codes, texts kk and ru
 *	data/2025-q1/incidents-kk.csv    Kazakh header, labels and texts
 *	data/2025-q1/incidents-ru.csv    Russian
 *	data/2025-q1/incidents-kk.json   metadata block + records
 *	data/2025-q1/incidents-ru.json
 *	data/all/...                     the same for all quarters
 *	data/SHA256SUMS
 *
 * CSV through libcsv (RFC 4180 quoting), UTF-8 with a byte-order mark,
 * CRLF line ends.  Files stream row by row with their SHA-256 computed
 * as they are written; the downloads page lists every file with its
 * size, row count and checksum.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "lib/lib.h"
#include "lib/escape.h"
#include "lib/format.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/mustache.h"
#include "render/catalog.h"
#include "site/output.h"
#include "site/site.h"

static const char *const form_dir[FORM__MAX] = { "incidents", "insurance" };

/* The published fields of each form, in order (machine names). */
enum field {
	F_REF, F_QUARTER, F_REPORTED, F_MONTH, F_REGION, F_CATEGORY,
	F_CONSEQUENCE, F_PROFILE, F_GROUP, F_SEX, F_AGE, F_DX, F_CHAPTER,
	F_INSURED, F_HARM, F_DISABILITY, F_TRIGGER, F_PLAN,
	F_CIRC, F_ANAM, F_CARE, F_MEAS, F__NONE
};

static const char *const field_names[] = {
	"ref", "quarter", "reported_quarter", "month", "region", "category",
	"consequence", "profile_specialty", "profile_group", "sex",
	"age_band", "diagnosis_category", "diagnosis_chapter", "insured",
	"harm", "disability", "trigger", "corrective_plan",
	"circumstances", "anamnesis", "care", "measures"
};

/* Fields in the form's column order (REGISTRY.md sections 2 and 3). */
static const enum field form_fields[FORM__MAX][20] = {
	{ F_REF, F_QUARTER, F_REPORTED, F_MONTH, F_CATEGORY, F_CONSEQUENCE,
	  F_CIRC, F_PROFILE, F_GROUP, F_ANAM, F_TRIGGER, F_SEX, F_AGE, F_DX,
	  F_CHAPTER, F_CARE, F_MEAS, F_PLAN, F__NONE },
	{ F_REF, F_QUARTER, F_REPORTED, F_MONTH, F_REGION, F_PROFILE,
	  F_GROUP, F_SEX, F_DX, F_CHAPTER, F_INSURED, F_ANAM, F_HARM,
	  F_DISABILITY, F_CIRC, F_CARE, F_MEAS, F__NONE },
};

/* What a field holds when its value is suppressed, in machine files. */
#define SUPPRESSED "suppressed"

struct download {
	char		*path;		/* site path */
	char		 quarter[8];	/* "" for all quarters */
	enum form	 form;
	int		 lang;		/* -1: the machine file */
	const char	*kind;		/* "csv", "json" */
	unsigned long long bytes;
	long		 rows;
	char		 sha[65];
};

static struct download **downloads;	/* each allocated alone */
static size_t ndownloads;

/* A file being written: its hash and size follow the bytes. */
struct dfile {
	FILE		*f;
	struct sha256_ctx sha;
	struct download	*d;
};

static int
dfile_open(struct build *b, struct dfile *df, const char *path,
    const char *quarter, enum form f, int lang, const char *kind)
{
	struct download	*d;

	downloads = xreallocarray(downloads, ndownloads + 1,
	    sizeof(*downloads));
	d = downloads[ndownloads++] = xcalloc(1, sizeof(*d));
	d->path = xstrdup(path);
	snprintf(d->quarter, sizeof(d->quarter), "%s", quarter ? quarter :
	    "");
	d->form = f;
	d->lang = lang;
	d->kind = kind;
	df->d = d;
	sha256_init(&df->sha);
	if ((df->f = site_fopen(b->site, path)) == NULL)
		return -1;
	return 0;
}

static void
dfile_put(struct dfile *df, const struct buf *s)
{
	fwrite(s->data, 1, s->len, df->f);
	sha256_update(&df->sha, s->len, (const uint8_t *)s->data);
	df->d->bytes += s->len;
}

static int
dfile_close(struct build *b, struct dfile *df)
{
	uint8_t	 dg[SHA256_DIGEST_SIZE];
	size_t	 i;

	sha256_digest(&df->sha, sizeof(dg), dg);
	for (i = 0; i < sizeof(dg); i++)
		snprintf(df->d->sha + 2 * i, 3, "%02x", dg[i]);
	return site_fclose(b->site, df->f, df->d->path);
}

/* ------------------------------------------------------------------ */

/* The value of a field of a record: codes (machine) or labels (lang). */
static void
field_value(struct build *b, const struct pubrec *r, enum field fd,
    int lang, enum lang textlang, struct buf *out)
{
	struct catalog	*cat = b->cat;
	int		 lvl;
	char		 key[40];
	const char	*v = NULL;

#define HIDDEN() buf_puts(out, lang < 0 ? SUPPRESSED : \
	tr(cat, (enum lang)lang, "hidden_value"))
	switch (fd) {
	case F_REF:
		buf_puts(out, r->ref);
		return;
	case F_QUARTER:
		buf_puts(out, r->quarter);
		return;
	case F_REPORTED:
		buf_puts(out, r->reported);
		return;
	case F_MONTH:
		if (r->month < 0)
			HIDDEN();
		else if (r->month > 0)
			buf_printf(out, "%.4s-%02d", r->quarter, r->month);
		return;
	case F_REGION:
		if (strcmp(r->region, "*") == 0)
			HIDDEN();
		else if (r->region[0] != '\0')
			buf_puts(out, lang < 0 ? r->region :
			    label_region(b, lang, r->region));
		return;
	case F_PROFILE:
	case F_GROUP:
		if (strcmp(r->profile, "*") == 0) {
			HIDDEN();
			return;
		}
		lvl = r->lv[QI_PROFILE];
		if (fd == F_PROFILE && lvl == 0)
			v = lang < 0 ? r->profile :
			    label_profile(b, lang, r->profile, 0);
		else if (fd == F_GROUP) {
			const char *g = r->profile;

			if (lvl == 0) {
				const struct dict_entry *e = dict_find(
				    b->dicts->profiles, b->dicts->nprofiles,
				    r->profile);
				g = e ? e->group : "";
			}
			v = lang < 0 ? g : label_profile(b, lang, g,
			    lvl == 0 ? 1 : lvl);
		}
		if (v)
			buf_puts(out, v);
		return;
	case F_SEX:
		if (strcmp(r->sex, "*") == 0)
			HIDDEN();
		else
			buf_puts(out, lang < 0 ? r->sex : tr(cat, lang,
			    strcmp(r->sex, "M") == 0 ? "sex_m" : "sex_f"));
		return;
	case F_AGE:
		if (strcmp(r->age, "*") == 0)
			HIDDEN();
		else
			buf_puts(out, r->age);
		return;
	case F_DX:
	case F_CHAPTER:
		if (strcmp(r->diagnosis, "*") == 0) {
			HIDDEN();
			return;
		}
		lvl = r->lv[QI_DIAGNOSIS];
		if (fd == F_DX) {
			if (lvl == 0)
				buf_puts(out, r->diagnosis);
			return;
		}
		if (lvl == 2) {
			buf_puts(out, lang < 0 ? r->diagnosis :
			    label_chapter(b, lang, r->diagnosis));
			return;
		}
		{
			const struct dict_entry *e = lvl == 0 ?
			    dict_chapter(b->dicts, r->diagnosis) :
			    dict_find(b->dicts->chapters, b->dicts->nchapters,
			    r->diagnosis);

			if (e == NULL)
				return;
			if (lang < 0)
				buf_puts(out, e->code);
			else
				buf_printf(out, "%s. %s", e->code,
				    e->name[lang]);
		}
		return;
	case F_CATEGORY:
		v = r->category;
		snprintf(key, sizeof(key), "cat_%s", v);
		break;
	case F_CONSEQUENCE:
		v = r->consequence;
		snprintf(key, sizeof(key), "cons_%s", v);
		break;
	case F_INSURED:
		v = r->insured;
		snprintf(key, sizeof(key), "insured_%s", v);
		break;
	case F_HARM:
		v = r->harm;
		snprintf(key, sizeof(key), "harm_%s", v);
		break;
	case F_DISABILITY:
		v = r->disability;
		if (v[0] == '\0')
			return;
		snprintf(key, sizeof(key), "disability_%s", v);
		for (char *k = key; *k; k++)
			*k = (char)tolower((unsigned char)*k);
		break;
	case F_TRIGGER:
		v = r->trigger;
		snprintf(key, sizeof(key), "%s", v);
		break;
	case F_PLAN:
		v = r->plan;
		snprintf(key, sizeof(key), "%s", v);
		break;
	case F_CIRC:
	case F_ANAM:
	case F_CARE:
	case F_MEAS:
		v = r->text[fd - F_CIRC][textlang];
		if (v)
			buf_puts(out, v);
		return;
	case F__NONE:
		return;
	}
#undef HIDDEN
	buf_puts(out, lang < 0 ? v : tr(cat, lang, key));
}

static int
is_text(enum field fd)
{
	return fd >= F_CIRC && fd <= F_MEAS;
}

/* The CSV header: machine names (texts _kk and _ru) or a language's. */
static void
csv_header(struct build *b, enum form f, int lang, struct buf *out)
{
	const enum field *fd;
	char		 key[48];
	int		 first = 1, l;

	BUF_LIT(out, "\xef\xbb\xbf");
	for (fd = form_fields[f]; *fd != F__NONE; fd++) {
		if (lang < 0 && is_text(*fd)) {
			for (l = 0; l < LANG__MAX; l++) {
				char	*n = xasprintf("%s_%s",
				    field_names[*fd], lang_codes[l]);

				if (!first)
					buf_putc(out, ',');
				first = 0;
				esc_csvs(out, n);
				free(n);
			}
			continue;
		}
		if (!first)
			buf_putc(out, ',');
		first = 0;
		if (lang < 0)
			esc_csvs(out, field_names[*fd]);
		else {
			snprintf(key, sizeof(key), "field_%s",
			    field_names[*fd]);
			esc_csvs(out, tr(b->cat, lang, key));
		}
	}
	BUF_LIT(out, "\r\n");
}

static void
csv_row(struct build *b, const struct pubrec *r, int lang, struct buf *out,
    struct buf *tmp)
{
	const enum field *fd;
	int		 first = 1, l;

	for (fd = form_fields[r->form]; *fd != F__NONE; fd++) {
		for (l = 0; l < LANG__MAX; l++) {
			if (!is_text(*fd) || lang >= 0) {
				if (l > 0)
					break;
			}
			buf_reset(tmp);
			field_value(b, r, *fd, lang, lang >= 0 ?
			    (enum lang)lang : (enum lang)l, tmp);
			if (!first)
				buf_putc(out, ',');
			first = 0;
			esc_csv(out, tmp->data ? tmp->data : "", tmp->len);
		}
	}
	BUF_LIT(out, "\r\n");
}

static void	 field_codes(struct build *, enum lang, enum field,
		    struct mval *);


/* The metadata block of a JSON file. */
static void
json_meta(struct build *b, enum form f, const char *quarter, enum lang l,
    struct buf *out)
{
	const enum field *fd;
	char		 key[48];
	int		 first = 1, q;
	static const char *const qnames[QI__MAX] = {
		"date", "place", "sex", "age", "diagnosis", "profile"
	};
	static const char *const lvl[QI__MAX][3] = {
		{ "month", "quarter" }, { "region", "hidden" },
		{ "recorded" }, { "5-year", "10-year", "20-year" },
		{ "category", "chapter" }, { "specialty", "group" }
	};

	BUF_LIT(out, "{\n\"metadata\": {\"form\": ");
	esc_jsonq(out, form_dir[f]);
	BUF_LIT(out, ", \"title\": ");
	esc_jsonq(out, tr(b->cat, l, f == FORM_INCIDENTS ? "form1_title" :
	    "form2_title"));
	BUF_LIT(out, ", \"quarter\": ");
	if (quarter)
		esc_jsonq(out, quarter);
	else
		BUF_LIT(out, "null");
	BUF_LIT(out, ", \"language\": ");
	esc_jsonq(out, lang_codes[l]);
	BUF_LIT(out, ", \"source_date\": ");
	esc_jsonq(out, b->date_iso);
	BUF_LIT(out, ", \"release\": ");
	esc_jsonq(out, b->release);
	BUF_LIT(out, ", \"publisher\": ");
	esc_jsonq(out, b->cfg.org_name[l]);
	BUF_LIT(out, ",\n\"privacy\": {\"k\": ");
	buf_printf(out, "%ld, \"diversity\": %ld, \"small_count\": %ld, "
	    "\"rounding\": %ld, \"free_text\": \"%s\", \"suppressed_value\": ",
	    b->cfg.k, b->cfg.diversity, b->cfg.small_count, b->cfg.rounding,
	    b->cfg.free_text == FREE_TEXT_OFF ? "off" : "scrubbed");
	esc_jsonq(out, "suppressed");
	BUF_LIT(out, ", \"suppressed_label\": ");
	esc_jsonq(out, tr(b->cat, l, "hidden_value"));
	BUF_LIT(out, ", \"levels\": {");
	for (q = 0; q < QI__MAX; q++) {
		if ((f == FORM_INCIDENTS && q == QI_REGION) ||
		    (f == FORM_INSURANCE && q == QI_AGE))
			continue;
		if (!first)
			BUF_LIT(out, ", ");
		first = 0;
		esc_jsonq(out, qnames[q]);
		BUF_LIT(out, ": ");
		esc_jsonq(out, lvl[q][b->cfg.min_level[q]]);
	}
	BUF_LIT(out, "}},\n\"columns\": [");
	first = 1;
	for (fd = form_fields[f]; *fd != F__NONE; fd++) {
		if (!first)
			BUF_LIT(out, ",");
		first = 0;
		BUF_LIT(out, "\n  {\"name\": ");
		esc_jsonq(out, field_names[*fd]);
		BUF_LIT(out, ", \"title\": ");
		snprintf(key, sizeof(key), "field_%s", field_names[*fd]);
		esc_jsonq(out, tr(b->cat, l, key));
		BUF_LIT(out, ", \"description\": ");
		snprintf(key, sizeof(key), "fielddesc_%s", field_names[*fd]);
		esc_jsonq(out, tr(b->cat, l, key));
		{
			struct mval	*codes = mv_list(), *c;
			size_t		 i;

			field_codes(b, l, *fd, codes);
			if (mv_len(codes) > 0) {
				BUF_LIT(out, ", \"codes\": {");
				for (i = 0; (c = mv_index(codes, i)) != NULL;
				    i++) {
					if (i)
						BUF_LIT(out, ", ");
					esc_jsonq(out, mv_getstr(c, "code"));
					BUF_LIT(out, ": ");
					esc_jsonq(out, mv_getstr(c, "label"));
				}
				BUF_LIT(out, "}");
			}
			mv_free(codes);
		}
		BUF_LIT(out, "}");
	}
	BUF_LIT(out, "]},\n\"records\": [");
}

static void
json_row(struct build *b, const struct pubrec *r, enum lang l, int first,
    struct buf *out, struct buf *tmp)
{
	const enum field *fd;
	int		 f1 = 1;

	buf_puts(out, first ? "\n{" : ",\n{");
	for (fd = form_fields[r->form]; *fd != F__NONE; fd++) {
		buf_reset(tmp);
		/* Codes (described in the metadata), texts in l. */
		field_value(b, r, *fd, -1, l, tmp);
		if (!f1)
			BUF_LIT(out, ", ");
		f1 = 0;
		esc_jsonq(out, field_names[*fd]);
		BUF_LIT(out, ": ");
		if (tmp->len == 0 && !is_text(*fd))
			BUF_LIT(out, "null");
		else
			esc_jsonq(out, buf_str(tmp));
	}
	BUF_LIT(out, "}");
}

/* Write the five files of a form for a quarter (NULL: all quarters). */
static int
write_set(struct build *b, enum form f, const char *quarter)
{
	struct dfile	 csv[LANG__MAX + 1], json[LANG__MAX];
	struct pubcur	*cur = NULL;
	const struct pubrec *r;
	struct buf	 row = { 0 }, tmp = { 0 };
	char		 dir[32], slug[16], *path;
	int		 l, step, rc = -1, i;
	long		 n = 0;

	memset(csv, 0, sizeof(csv));
	memset(json, 0, sizeof(json));
	if (quarter) {
		quarter_slug(slug, quarter);
		snprintf(dir, sizeof(dir), "data/%s", slug);
	} else
		snprintf(dir, sizeof(dir), "data/all");
	path = xasprintf("%s/%s.csv", dir, form_dir[f]);
	rc = dfile_open(b, &csv[LANG__MAX], path, quarter, f, -1, "csv");
	free(path);
	for (l = 0; l < LANG__MAX && rc == 0; l++) {
		path = xasprintf("%s/%s-%s.csv", dir, form_dir[f],
		    lang_codes[l]);
		rc = dfile_open(b, &csv[l], path, quarter, f, l, "csv");
		free(path);
		if (rc == 0) {
			path = xasprintf("%s/%s-%s.json", dir, form_dir[f],
			    lang_codes[l]);
			rc = dfile_open(b, &json[l], path, quarter, f, l,
			    "json");
			free(path);
		}
	}
	if (rc == -1)
		goto out;
	rc = -1;
	for (l = -1; l < LANG__MAX; l++) {
		buf_reset(&row);
		csv_header(b, f, l, &row);
		dfile_put(&csv[l < 0 ? LANG__MAX : l], &row);
	}
	for (l = 0; l < LANG__MAX; l++) {
		buf_reset(&row);
		json_meta(b, f, quarter, l, &row);
		dfile_put(&json[l], &row);
	}
	if ((cur = pub_open(b->priv, f, quarter)) == NULL)
		goto out;
	while ((step = pub_next(cur, &r)) == 1) {
		for (l = -1; l < LANG__MAX; l++) {
			buf_reset(&row);
			csv_row(b, r, l, &row, &tmp);
			dfile_put(&csv[l < 0 ? LANG__MAX : l], &row);
		}
		for (l = 0; l < LANG__MAX; l++) {
			buf_reset(&row);
			json_row(b, r, l, n == 0, &row, &tmp);
			dfile_put(&json[l], &row);
		}
		n++;
	}
	if (step == -1)
		goto out;
	for (l = 0; l < LANG__MAX; l++) {
		buf_reset(&row);
		BUF_LIT(&row, "\n]}\n");
		dfile_put(&json[l], &row);
	}
	rc = 0;
out:
	pub_close(cur);
	for (i = 0; i < LANG__MAX + 1; i++)
		if (csv[i].f) {
			csv[i].d->rows = n;
			if (dfile_close(b, &csv[i]) == -1)
				rc = -1;
		}
	for (i = 0; i < LANG__MAX; i++)
		if (json[i].f) {
			json[i].d->rows = n;
			if (dfile_close(b, &json[i]) == -1)
				rc = -1;
		}
	buf_free(&row);
	buf_free(&tmp);
	return rc;
}

int
data_build(struct build *b)
{
	struct buf	 sums = { 0 };
	size_t		 i;
	int		 f, rc;

	data_free();
	for (f = 0; f < FORM__MAX; f++) {
		for (i = 0; i < b->nquarters; i++)
			if (write_set(b, f, b->quarters[i]) == -1)
				return -1;
		if (write_set(b, f, NULL) == -1)
			return -1;
	}
	/* "sha256  path" relative to data/, as sha256sum -c reads it. */
	for (i = 0; i < ndownloads; i++)
		buf_printf(&sums, "%s  %s\n", downloads[i]->sha,
		    downloads[i]->path + 5);
	rc = site_write(b->site, "data/SHA256SUMS", sums.data, sums.len);
	buf_free(&sums);
	return rc;
}

/* ------------------------------------------------------------------ */

/* "1,2 MB" / "850 KB". */
static void
fmt_size(struct buf *out, enum lang l, unsigned long long bytes,
    struct catalog *cat)
{
	if (bytes >= 1000000) {
		fmt_dec(out, (double)bytes / 1e6, 1);
		buf_puts(out, "\xc2\xa0");
		buf_puts(out, tr(cat, l, "unit_mb"));
	} else {
		fmt_int(out, (long long)((bytes + 999) / 1000));
		buf_puts(out, "\xc2\xa0");
		buf_puts(out, tr(cat, l, "unit_kb"));
	}
}

static struct mval *
file_entry(struct build *b, enum lang l, const char *path,
    const struct download *d)
{
	struct mval	*m;
	struct buf	 s = { 0 };
	char		*h;

	m = mv_map();
	h = page_href(path, d->path);
	mv_sets(m, "href", h);
	free(h);
	mv_sets(m, "name", strrchr(d->path, '/') + 1);
	mv_sets(m, "kind", d->kind);
	mv_sets(m, "kind_upper", strcmp(d->kind, "csv") == 0 ? "CSV" : "JSON");
	mv_sets(m, "what", tr(b->cat, l, d->lang < 0 ? "file_machine" :
	    d->lang == LANG_KK ? "file_kk" : "file_ru"));
	if (d->lang >= 0)
		mv_sets(m, "hreflang", lang_codes[d->lang]);
	fmt_size(&s, l, d->bytes, b->cat);
	mv_sets(m, "size", buf_str(&s));
	buf_reset(&s);
	fmt_int(&s, d->rows);
	mv_sets(m, "rows", buf_str(&s));
	mv_sets(m, "sha256", d->sha);
	buf_free(&s);
	return m;
}

/*
 * Download links of a quarter's form for the page at path: the files in
 * the page's language first, then the machine file.
 */
int
data_links(struct build *b, enum lang l, const char *path,
    const char *quarter, enum form f, struct mval *ctx)
{
	struct mval	*list;
	size_t		 i;
	int		 pass;

	list = mv_set(ctx, "downloads", mv_list());
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < ndownloads; i++) {
			const struct download *d = downloads[i];

			if (d->form != f || strcmp(d->quarter, quarter ?
			    quarter : "") != 0)
				continue;
			if ((pass == 0 && d->lang != (int)l) ||
			    (pass == 1 && d->lang != -1))
				continue;
			mv_push(list, file_entry(b, l, path, d));
		}
	return 0;
}

static void
code(struct mval *codes, const char *c, const char *label)
{
	struct mval	*m;

	m = mv_push(codes, mv_map());
	mv_sets(m, "code", c);
	mv_sets(m, "label", label);
}

/* The codes a field may hold, with their labels in l. */
static void
field_codes(struct build *b, enum lang l, enum field fd, struct mval *codes)
{
	struct catalog	*cat = b->cat;
	size_t		 i;

	switch (fd) {
	case F_CATEGORY:
		code(codes, "clinical", tr(cat, l, "cat_clinical"));
		code(codes, "corporate", tr(cat, l, "cat_corporate"));
		break;
	case F_CONSEQUENCE:
		code(codes, "with", tr(cat, l, "cons_with"));
		code(codes, "without", tr(cat, l, "cons_without"));
		break;
	case F_TRIGGER:
	case F_PLAN:
		code(codes, "yes", tr(cat, l, "yes"));
		code(codes, "no", tr(cat, l, "no"));
		break;
	case F_INSURED:
		code(codes, "yes", tr(cat, l, "insured_yes"));
		code(codes, "no", tr(cat, l, "insured_no"));
		break;
	case F_SEX:
		code(codes, "M", tr(cat, l, "sex_m"));
		code(codes, "F", tr(cat, l, "sex_f"));
		break;
	case F_HARM:
		code(codes, "iatrogenic", tr(cat, l, "harm_iatrogenic"));
		code(codes, "death", tr(cat, l, "harm_death"));
		break;
	case F_DISABILITY:
		code(codes, "none", tr(cat, l, "disability_none"));
		code(codes, "I", tr(cat, l, "disability_i"));
		code(codes, "II", tr(cat, l, "disability_ii"));
		code(codes, "III", tr(cat, l, "disability_iii"));
		code(codes, "child", tr(cat, l, "disability_child"));
		break;
	case F_REGION:
		for (i = 0; i < b->dicts->nregions; i++)
			code(codes, b->dicts->regions[i].code,
			    b->dicts->regions[i].name[l]);
		break;
	case F_GROUP:
		for (i = 0; i < b->dicts->ngroups; i++)
			code(codes, b->dicts->groups[i].code,
			    b->dicts->groups[i].name[l]);
		break;
	case F_PROFILE:
		for (i = 0; i < b->dicts->nprofiles; i++)
			code(codes, b->dicts->profiles[i].code,
			    b->dicts->profiles[i].name[l]);
		break;
	case F_CHAPTER:
		for (i = 0; i < b->dicts->nchapters; i++)
			code(codes, b->dicts->chapters[i].code,
			    b->dicts->chapters[i].name[l]);
		break;
	default:
		break;
	}
}

static int
dictionary_page(struct build *b, enum lang l)
{
	struct mval	*c, *forms, *fm, *cols, *col, *codes, *marks, *m;
	const enum field *fd;
	char		 path[64], key[48];
	int		 f, t;

	snprintf(path, sizeof(path), "%s/data/dictionary/index.html",
	    lang_codes[l]);
	c = page_ctx(b, l, path, tr(b->cat, l, "dictionary_title"),
	    tr(b->cat, l, "dictionary_description"));
	forms = mv_set(c, "forms", mv_list());
	for (f = 0; f < FORM__MAX; f++) {
		fm = mv_push(forms, mv_map());
		mv_sets(fm, "title", tr(b->cat, l, f == FORM_INCIDENTS ?
		    "form1_title" : "form2_title"));
		mv_sets(fm, "id", form_dir[f]);
		cols = mv_set(fm, "columns", mv_list());
		for (fd = form_fields[f]; *fd != F__NONE; fd++) {
			col = mv_push(cols, mv_map());
			mv_sets(col, "name", field_names[*fd]);
			snprintf(key, sizeof(key), "field_%s",
			    field_names[*fd]);
			mv_sets(col, "title", tr(b->cat, l, key));
			snprintf(key, sizeof(key), "fielddesc_%s",
			    field_names[*fd]);
			mv_sets(col, "description", tr(b->cat, l, key));
			if (is_text(*fd))
				mv_set(col, "bilingual", mv_bool(1));
			codes = mv_list();
			field_codes(b, l, *fd, codes);
			if (mv_len(codes) > 0) {
				mv_set(col, "codes", codes);
				mv_set(col, "has_codes", mv_bool(1));
				if (mv_len(codes) > 12)
					mv_set(col, "many", mv_bool(1));
			} else
				mv_free(codes);
		}
	}
	marks = mv_set(c, "markers", mv_list());
	for (t = 0; t < SCRUB__MAX; t++) {
		m = mv_push(marks, mv_map());
		snprintf(key, sizeof(key), "marker_%s", scrub_type_name(t));
		mv_sets(m, "marker", tr(b->cat, l, key));
		snprintf(key, sizeof(key), "markerdesc_%s", scrub_type_name(t));
		mv_sets(m, "meaning", tr(b->cat, l, key));
	}
	mv_set(c, "small", mv_strf("<%ld", b->cfg.small_count));
	mv_sets(c, "hidden_value", tr(b->cat, l, "hidden_value"));
	mv_set(c, "rounding", mv_strf("%ld", b->cfg.rounding));
	return page_write(b, "dictionary", c, path);
}

/* The downloads page and the data dictionary. */
int
data_pages(struct build *b, enum lang l)
{
	struct mval	*c, *groups, *g, *forms, *fm, *files;
	struct buf	 s = { 0 };
	char		 path[64], *h;
	size_t		 qi, i;
	int		 f, rc;

	snprintf(path, sizeof(path), "%s/data/index.html", lang_codes[l]);
	c = page_ctx(b, l, path, tr(b->cat, l, "data_title"),
	    tr(b->cat, l, "data_description"));
	h = page_href(path, "data/SHA256SUMS");
	mv_sets(c, "href_sums", h);
	free(h);
	{
		char	 dpath[64];

		snprintf(dpath, sizeof(dpath), "%s/data/dictionary/index.html",
		    lang_codes[l]);
		h = page_href(path, dpath);
		mv_sets(c, "href_dictionary", h);
		free(h);
	}
	groups = mv_set(c, "groups", mv_list());
	/* All quarters first, then each quarter, newest first. */
	for (qi = b->nquarters + 1; qi-- > 0; ) {
		const char *q = qi == b->nquarters ? NULL : b->quarters[qi];

		g = mv_push(groups, mv_map());
		buf_reset(&s);
		if (q)
			fmt_quarter(&s, l, q, QF_NOM);
		else
			buf_puts(&s, tr(b->cat, l, "all_quarters"));
		mv_sets(g, "label", buf_str(&s));
		mv_set(g, "id", mv_strf("d-%s", q ? q : "all"));
		forms = mv_set(g, "forms", mv_list());
		for (f = 0; f < FORM__MAX; f++) {
			fm = mv_push(forms, mv_map());
			mv_sets(fm, "title", tr(b->cat, l, f == FORM_INCIDENTS ?
			    "form1_title" : "form2_title"));
			files = mv_set(fm, "files", mv_list());
			for (i = 0; i < ndownloads; i++) {
				const struct download *d = downloads[i];

				if (d->form != (enum form)f ||
				    strcmp(d->quarter, q ? q : "") != 0)
					continue;
				mv_push(files, file_entry(b, l, path, d));
			}
		}
	}
	buf_free(&s);
	if ((rc = page_write(b, "data", c, path)) == -1)
		return -1;
	return dictionary_page(b, l);
}

void
data_free(void)
{
	size_t	 i;

	for (i = 0; i < ndownloads; i++) {
		free(downloads[i]->path);
		free(downloads[i]);
	}
	free(downloads);
	downloads = NULL;
	ndownloads = 0;
}
