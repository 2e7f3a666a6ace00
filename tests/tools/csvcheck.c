/*
 * csvcheck.c -- read back a site's downloads and check they agree.
 *
 *	csvcheck DATADIR
 *
 * For every quarter directory and form (all/ holds the machine CSV
 * alone: tests/t_data.sh reads it; the machine CSV and the JSON files
 * are read through zlib, which undoes their gzip): each CSV parses with
 * libcsv in strict mode, starts with a byte-order mark and a header, and
 * every row has as many fields as the header; the language CSVs, the
 * machine CSV and the language JSON files (parsed with jansson) hold the
 * same records in the same order, field by field: a language CSV shows
 * the label of the JSON code (from the JSON metadata), the machine CSV
 * the code itself and both languages' texts; a language CSV's headings
 * are the titles of the metadata's columns, one for one.  A value a
 * spreadsheet would run as a formula shows in a language CSV with a
 * leading apostrophe, in the machine CSV as it is.  Prints "ok - ..." or
 * "not ok - ..." lines; a DATADIR without a quarter directory is a
 * failure, not an empty success.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <jansson.h>
#include <zlib.h>

struct table {
	char	***rows;	/* rows[i][j] */
	size_t	*nfields;
	size_t	 n;
	char	**cur;
	size_t	 ncur;
};

static int failures;

static void
on_field(void *s, size_t len, void *arg)
{
	struct table	*t = arg;
	char		*f;

	f = malloc(len + 1);
	memcpy(f, s, len);
	f[len] = '\0';
	t->cur = realloc(t->cur, (t->ncur + 1) * sizeof(*t->cur));
	t->cur[t->ncur++] = f;
}

static void
on_row(int c, void *arg)
{
	struct table	*t = arg;

	(void)c;
	t->rows = realloc(t->rows, (t->n + 1) * sizeof(*t->rows));
	t->nfields = realloc(t->nfields, (t->n + 1) * sizeof(*t->nfields));
	t->rows[t->n] = t->cur;
	t->nfields[t->n] = t->ncur;
	t->n++;
	t->cur = NULL;
	t->ncur = 0;
}

static void
free_table(struct table *t)
{
	size_t	 i, j;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		for (j = 0; j < t->nfields[i]; j++)
			free(t->rows[i][j]);
		free(t->rows[i]);
	}
	for (j = 0; j < t->ncur; j++)
		free(t->cur[j]);
	free(t->cur);
	free(t->rows);
	free(t->nfields);
	free(t);
}

/*
 * Parse a CSV file; NULL (and a message) when it does not parse.  The
 * caller frees the table with free_table (the suite runs this under
 * LeakSanitizer too).
 */
static struct table *
read_csv(const char *path, unsigned char delim, char *why, size_t whylen)
{
	struct csv_parser p;
	struct table	*t;
	gzFile		 f;
	char		 buf[65536];
	size_t		 n, i;
	int		 first = 1, got;

	/* zlib reads a plain file as it is, a gzip file's every member. */
	if ((f = gzopen(path, "rb")) == NULL) {
		snprintf(why, whylen, "%s: cannot open", path);
		return NULL;
	}
	t = calloc(1, sizeof(*t));
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_delim(&p, delim);
	while ((got = gzread(f, buf, sizeof(buf))) > 0) {
		char	*s = buf;

		n = (size_t)got;
		if (first) {
			if (n < 3 || memcmp(buf, "\xef\xbb\xbf", 3) != 0) {
				snprintf(why, whylen, "%s: no byte-order mark",
				    path);
				gzclose(f);
				csv_free(&p);
				free_table(t);
				return NULL;
			}
			s += 3;
			n -= 3;
			first = 0;
		}
		if (csv_parse(&p, s, n, on_field, on_row, t) != n) {
			snprintf(why, whylen, "%s: %s", path,
			    csv_strerror(csv_error(&p)));
			gzclose(f);
			csv_free(&p);
			free_table(t);
			return NULL;
		}
	}
	gzclose(f);
	if (csv_fini(&p, on_field, on_row, t) != 0) {
		snprintf(why, whylen, "%s: %s", path,
		    csv_strerror(csv_error(&p)));
		csv_free(&p);
		free_table(t);
		return NULL;
	}
	csv_free(&p);
	for (i = 1; i < t->n; i++)
		if (t->nfields[i] != t->nfields[0]) {
			snprintf(why, whylen, "%s: row %zu has %zu fields, the "
			    "header %zu", path, i + 1, t->nfields[i],
			    t->nfields[0]);
			free_table(t);
			return NULL;
		}
	return t;
}

static int
column(const struct table *t, const char *name)
{
	size_t	 j;

	for (j = 0; j < t->nfields[0]; j++)
		if (strcmp(t->rows[0][j], name) == 0)
			return (int)j;
	return -1;
}

static void
result(int ok, const char *fmt, const char *a, const char *b2,
    const char *why)
{
	printf("%s - ", ok ? "ok" : "not ok");
	printf(fmt, a, b2);
	printf("\n");
	if (!ok) {
		failures++;
		if (why && *why)
			printf("  %s\n", why);
	}
}

/*
 * The text a language CSV shows for a JSON value of a column: the label
 * of its code, "CODE. label" for ICD-10 chapters (not their groups,
 * "XV-XVII", which show the label alone), the localized
 * "hidden" word for suppressed values, the value itself otherwise.
 */
static const char *
label_of(json_t *meta, json_t *col, const char *v, char *tmp, size_t tmplen)
{
	json_t		*codes = json_object_get(col, "codes");
	const char	*name = json_string_value(json_object_get(col, "name"));
	json_t		*lab;

	if (strcmp(v, "suppressed") == 0)
		return json_string_value(json_object_get(json_object_get(meta,
		    "privacy"), "suppressed_label"));
	if (codes == NULL || (lab = json_object_get(codes, v)) == NULL)
		return v;
	if (strcmp(name, "diagnosis_chapter") == 0 && strchr(v, '-') == NULL) {
		snprintf(tmp, tmplen, "%s. %s", v, json_string_value(lab));
		return tmp;
	}
	return json_string_value(lab);
}

/*
 * Whether a spreadsheet would run field v as a formula: it begins with
 * '=', '+', '-', '@', TAB or CR and is not a plain number (OWASP, CSV
 * Injection).  A language CSV must show such a value with a leading
 * apostrophe; the machine CSV exactly as it is.
 */
static int
formula(const char *v)
{
	const char	*p = v;
	int		 digits = 0;

	if (*v == '\0' || strchr("=+-@\t\r", *v) == NULL)
		return 0;
	if (*p == '-')
		p++;
	for (; *p >= '0' && *p <= '9'; p++)
		digits++;
	if (digits && (*p == '.' || *p == ',')) {
		for (p++, digits = 0; *p >= '0' && *p <= '9'; p++)
			digits++;
	}
	return !(digits && *p == '\0');
}

/* A JSON file, gzip-compressed or not. */
static json_t *
load_json(const char *path, json_error_t *jerr)
{
	gzFile		 f;
	char		*data = NULL;
	size_t		 len = 0, cap = 0;
	int		 got;
	json_t		*j;

	memset(jerr, 0, sizeof(*jerr));
	if ((f = gzopen(path, "rb")) == NULL) {
		snprintf(jerr->text, sizeof(jerr->text), "cannot open");
		return NULL;
	}
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? 2 * cap : 1 << 20;
			data = realloc(data, cap);
		}
		if ((got = gzread(f, data + len, 65536)) <= 0)
			break;
		len += (size_t)got;
	}
	gzclose(f);
	if (got < 0) {
		free(data);
		snprintf(jerr->text, sizeof(jerr->text), "cannot read");
		return NULL;
	}
	j = json_loadb(data, len, 0, jerr);
	free(data);
	return j;
}

static void
check_set(const char *dir, const char *form)
{
	static const char *const langs[] = { "kk", "ru" };
	struct table	*lc[2] = { NULL, NULL }, *mc;
	json_t		*js[2] = { NULL, NULL }, *cols, *recs, *meta;
	json_error_t	 jerr;
	char		 path[2048], why[8192] = "", tmp[1024];
	size_t		 l, i, j, formulas = 0;
	int		 ok = 1;

	snprintf(path, sizeof(path), "%s/%s.csv.gz", dir, form);
	mc = read_csv(path, ',', why, sizeof(why));
	result(mc != NULL, "%s/%s.csv.gz parses with libcsv (strict)", dir,
	    form, why);
	if (mc == NULL)
		return;
	for (l = 0; l < 2; l++) {
		snprintf(path, sizeof(path), "%s/%s-%s.csv", dir, form,
		    langs[l]);
		/* A language's file: ';', the list separator of its locale. */
		lc[l] = read_csv(path, ';', why, sizeof(why));
		result(lc[l] != NULL, "%s/%s parses with libcsv (strict)", dir,
		    strrchr(path, '/') + 1, why);
		snprintf(path, sizeof(path), "%s/%s-%s.json.gz", dir, form,
		    langs[l]);
		js[l] = load_json(path, &jerr);
		snprintf(why, sizeof(why), "%s:%d: %s", path, jerr.line,
		    jerr.text);
		result(js[l] != NULL, "%s/%s parses as JSON", dir,
		    strrchr(path, '/') + 1, why);
		if (lc[l] == NULL || js[l] == NULL)
			goto out;
	}
	why[0] = '\0';
	for (l = 0; l < 2 && ok; l++) {
		meta = json_object_get(js[l], "metadata");
		cols = json_object_get(meta, "columns");
		recs = json_object_get(js[l], "records");
		if (json_array_size(cols) == 0 ||
		    json_array_size(cols) != lc[l]->nfields[0]) {
			snprintf(why, sizeof(why), "%s: %zu columns in the JSON "
			    "metadata, %zu in the CSV", langs[l],
			    json_array_size(cols), lc[l]->nfields[0]);
			ok = 0;
			break;
		}
		for (j = 0; j < json_array_size(cols); j++) {
			const char *title = json_string_value(json_object_get(
			    json_array_get(cols, j), "title"));

			if (title == NULL || strcmp(title, lc[l]->rows[0][j])) {
				snprintf(why, sizeof(why), "%s column %zu: "
				    "heading '%s', metadata title '%s'",
				    langs[l], j + 1, lc[l]->rows[0][j],
				    title ? title : "(none)");
				ok = 0;
				break;
			}
		}
		if (!ok)
			break;
		if (json_array_size(recs) != lc[l]->n - 1 ||
		    mc->n != lc[l]->n) {
			snprintf(why, sizeof(why), "%s: %zu JSON records, %zu "
			    "CSV rows, %zu machine rows", langs[l],
			    json_array_size(recs), lc[l]->n - 1, mc->n - 1);
			ok = 0;
			break;
		}
		for (i = 0; i < json_array_size(recs) && ok; i++) {
			json_t	*r = json_array_get(recs, i);

			for (j = 0; j < json_array_size(cols) && ok; j++) {
				json_t	*col = json_array_get(cols, j);
				const char *name = json_string_value(
				    json_object_get(col, "name"));
				json_t	*jv = json_object_get(r, name);
				const char *v = json_is_string(jv) ?
				    json_string_value(jv) : "";
				const char *want = label_of(meta, col, v, tmp,
				    sizeof(tmp));
				const char *got = lc[l]->rows[i + 1][j];
				int	 mcol;
				char	 mname[128];

				if (formula(want)) {
					if (got[0] != '\'' || strcmp(got + 1,
					    want) != 0) {
						snprintf(why, sizeof(why), "%s "
						    "row %zu %s: CSV '%s' runs "
						    "as a formula or differs "
						    "from JSON '%s'", langs[l],
						    i + 1, name, got, want);
						ok = 0;
						break;
					}
					formulas++;
				} else if (strcmp(name, "month") == 0 &&
				    strlen(want) == 7 && want[4] == '-' &&
				    (strncmp(got, want, 7) != 0 ||
				    strncmp(got + strlen(want), " (", 2) != 0 ||
				    got[strlen(got) - 1] != ')')) {
					/* "2025-04 (сәуір)": no date for a
					 * spreadsheet to make of it. */
					snprintf(why, sizeof(why), "%s row %zu "
					    "month: CSV '%s', JSON '%s'",
					    langs[l], i + 1, got, want);
					ok = 0;
					break;
				} else if ((strcmp(name, "month") != 0 ||
				    strlen(want) != 7 || want[4] != '-') &&
				    strcmp(got, want) != 0) {
					snprintf(why, sizeof(why), "%s row %zu "
					    "%s: CSV '%s', JSON '%s'", langs[l],
					    i + 1, name, got, want);
					ok = 0;
					break;
				}
				/* The machine CSV: codes, texts per language. */
				snprintf(mname, sizeof(mname), "%s_%s", name,
				    langs[l]);
				if ((mcol = column(mc, name)) < 0)
					mcol = column(mc, mname);
				if (mcol < 0 || strcmp(mc->rows[i + 1][mcol],
				    v) != 0) {
					snprintf(why, sizeof(why), "machine row "
					    "%zu %s: '%s', JSON '%s'", i + 1,
					    name, mcol < 0 ? "(no column)" :
					    mc->rows[i + 1][mcol], v);
					ok = 0;
				}
			}
		}
	}
	result(ok, "%s/%s: language CSVs, machine CSV and JSON hold the same "
	    "records", dir, form, why);
	if (formulas)
		printf("# %s/%s: %zu values that would run as formulas, "
		    "neutralised in the language CSVs\n", dir, form,
		    formulas);
out:
	for (l = 0; l < 2; l++) {
		free_table(lc[l]);
		json_decref(js[l]);
	}
	free_table(mc);
}

/*
 * A release's rows as published then (data/releases/<slug>/): each
 * form's machine CSV parses, with a rectangular table and a row per
 * reference of the release's own form.
 */
static void
check_release(const char *dir, const char *form)
{
	struct table	*t;
	char		 path[2048], why[8192] = "";
	size_t		 i;
	int		 ok = 1;

	snprintf(path, sizeof(path), "%s/%s.csv", dir, form);
	t = read_csv(path, ',', why, sizeof(why));
	result(t != NULL, "%s/%s.csv parses with libcsv (strict)", dir, form,
	    why);
	if (t == NULL)
		return;
	for (i = 1; i < t->n; i++)
		if (t->nfields[i] != t->nfields[0] || strstr(t->rows[i][0],
		    strcmp(form, "incidents") == 0 ? "-I-" : "-S-") == NULL)
			ok = 0;
	result(t->n >= 1 && strcmp(t->rows[0][0], "ref") == 0 && ok,
	    "%s/%s.csv: a header, and a row of the form per reference", dir,
	    form, "");
	free_table(t);
}

int
main(int argc, char *argv[])
{
	struct dirent	**names;
	char		 dir[4096];
	int		 n, i, sets = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: csvcheck DATADIR\n");
		return 2;
	}
	if ((n = scandir(argv[1], &names, NULL, alphasort)) < 0) {
		perror(argv[1]);
		return 1;
	}
	for (i = 0; i < n; i++) {
		/* charts/: the charts' data, not a set of records. */
		if (names[i]->d_name[0] == '.' ||
		    strcmp(names[i]->d_name, "SHA256SUMS") == 0 ||
		    strcmp(names[i]->d_name, "charts") == 0 ||
		    strcmp(names[i]->d_name, "all") == 0)
			continue;
		snprintf(dir, sizeof(dir), "%s/%s", argv[1], names[i]->d_name);
		if (strcmp(names[i]->d_name, "releases") == 0) {
			struct dirent	**rs;
			char		 rd[4352];
			int		 nr, k;

			if ((nr = scandir(dir, &rs, NULL, alphasort)) < 0) {
				perror(dir);
				return 1;
			}
			for (k = 0; k < nr; k++) {
				if (rs[k]->d_name[0] != '.') {
					snprintf(rd, sizeof(rd), "%s/%s", dir,
					    rs[k]->d_name);
					check_release(rd, "incidents");
					check_release(rd, "insurance");
				}
				free(rs[k]);
			}
			free(rs);
			continue;
		}
		check_set(dir, "incidents");
		check_set(dir, "insurance");
		sets++;
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	result(sets > 0, "%s: the quarters (%s)", argv[1],
	    sets > 0 ? "found" : "none found", "");
	return failures ? 1 : 0;
}
