/*
 * dict.c -- lookups in the code lists (loaded by store/db.c).
 */
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/dict.h"

static void
free_entries(struct dict_entry *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].code);
		free(v[i].name[LANG_KK]);
		free(v[i].name[LANG_RU]);
		free(v[i].group);
		free(v[i].last);
	}
	free(v);
}

void
dicts_free(struct dicts *d)
{
	free_entries(d->regions, d->nregions);
	free_entries(d->groups, d->ngroups);
	free_entries(d->profiles, d->nprofiles);
	free_entries(d->chapters, d->nchapters);
	memset(d, 0, sizeof(*d));
}

const struct dict_entry *
dict_find(const struct dict_entry *v, size_t n, const char *code)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].code, code) == 0)
			return &v[i];
	return NULL;
}

/*
 * The chapter of a diagnosis (any ICD-10 code; its first three
 * characters are compared with each chapter's range), or NULL.  For
 * chapters, group holds the first category of the range and last the
 * last one.
 */
const struct dict_entry *
dict_chapter(const struct dicts *d, const char *icd10)
{
	char	 cat[4];
	size_t	 i;

	if (strlen(icd10) < 3)
		return NULL;
	memcpy(cat, icd10, 3);
	cat[3] = '\0';
	for (i = 0; i < d->nchapters; i++)
		if (strcmp(cat, d->chapters[i].group) >= 0 &&
		    strcmp(cat, d->chapters[i].last) <= 0)
			return &d->chapters[i];
	return NULL;
}
