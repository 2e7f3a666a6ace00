/*
 * dict.c -- lookups in the code lists (loaded by store/db.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

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

static void
digest_list(struct sha256_ctx *c, const struct dict_entry *v, size_t n)
{
	const char	*f[5];
	size_t		 i, k;

	for (i = 0; i < n; i++) {
		f[0] = v[i].code;
		f[1] = v[i].name[LANG_KK];
		f[2] = v[i].name[LANG_RU];
		f[3] = v[i].group;
		f[4] = v[i].last;
		for (k = 0; k < 5; k++)
			/* A field and its end; an absent one: a 1 byte. */
			sha256_update(c, f[k] ? strlen(f[k]) + 1 : 1,
			    (const uint8_t *)(f[k] ? f[k] : "\1"));
	}
	sha256_update(c, 1, (const uint8_t *)"\n");
}

void
dicts_digest(const struct dicts *d, char hex[65])
{
	struct sha256_ctx c;
	uint8_t		 x[SHA256_DIGEST_SIZE];

	sha256_init(&c);
	digest_list(&c, d->regions, d->nregions);
	digest_list(&c, d->groups, d->ngroups);
	digest_list(&c, d->profiles, d->nprofiles);
	digest_list(&c, d->chapters, d->nchapters);
	sha256_digest(&c, sizeof(x), x);
	hex_encode(x, sizeof(x), hex);
}
