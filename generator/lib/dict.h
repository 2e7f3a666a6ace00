/*
 * dict.h -- the code lists (regions, profile groups, profiles, ICD-10
 * chapters) with their Kazakh and Russian labels.  The store loads them
 * (dicts_load); everything else only reads them.
 */
#ifndef DICT_H
#define DICT_H

/* A dictionary row: a code and its labels. */
struct dict_entry {
	char	*code;
	char	*name[LANG__MAX];
	char	*group;		/* profiles: the group; chapters: first category */
	char	*last;		/* chapters: last category */
};

struct dicts {
	struct dict_entry *regions, *groups, *profiles, *chapters;
	size_t	 nregions, ngroups, nprofiles, nchapters;
};

void	 dicts_free(struct dicts *);
/* Lower-case hex SHA-256 of every code list's entries, in order. */
void	 dicts_digest(const struct dicts *, char hex[65]);
/* The entry of code in a list of n, or NULL. */
const struct dict_entry *dict_find(const struct dict_entry *, size_t,
	    const char *code);
/* The chapter an ICD-10 code belongs to, or NULL. */
const struct dict_entry *dict_chapter(const struct dicts *, const char *icd10);

#endif /* !DICT_H */
