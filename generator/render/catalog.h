/*
 * catalog.h -- the translation catalog (content/catalog.csv).
 */
#ifndef CATALOG_H
#define CATALOG_H


struct catalog;

struct catalog *catalog_load(const char *path);
struct catalog *catalog_parse(const char *text, size_t len, const char *path);
void	 catalog_free(struct catalog *);
/* The text of key; a missing key yields "" and is remembered. */
const char *tr(struct catalog *, enum lang, const char *key);
/* The title of a form ("form1_title", "form2_title"). */
const char *tr_form(struct catalog *, enum lang, enum form);
/* Append the form of key agreeing with n ("запись|записи|записей"). */
void	 trn(struct buf *, struct catalog *, enum lang, const char *key,
	    long long n);
/* Append key's text with "{name}" placeholders filled from name, value
 * pairs ending in NULL. */
void	 trf(struct buf *, struct catalog *, enum lang, const char *key, ...)
	    __attribute__((sentinel));
/* The first key asked for that the catalog lacks, or NULL. */
const char *catalog_missing(const struct catalog *);
/* Remember key as missing (asked for in another process). */
void	 catalog_set_missing(struct catalog *, const char *key);
/* Every text of a language as a strict map, for templates' {{t.key}}. */
struct mval *catalog_mval(const struct catalog *, enum lang);
size_t	 catalog_size(const struct catalog *);

#endif /* !CATALOG_H */
