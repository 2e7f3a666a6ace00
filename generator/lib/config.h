/*
 * config.h -- the INI configuration (content/site.ini): site names,
 * base URL, pagination, the privacy policy, MCI, populations.
 */
#ifndef CONFIG_H
#define CONFIG_H


/* The quasi-identifiers of the record tables (privacy.c). */
enum qi {
	QI_MONTH,	/* event date: 0 month, 1 quarter */
	QI_REGION,	/* Form 2 place: 0 region, 1 hidden */
	QI_SEX,		/* no ladder: only suppression */
	QI_AGE,		/* Form 1: 0 5-year bands, 1 10-year, 2 20-year */
	QI_DIAGNOSIS,	/* 0 ICD-10 category, 1 chapter */
	QI_PROFILE,	/* 0 specialty, 1 profile group */
	QI__MAX
};

#define FREE_TEXT_OFF		0
#define FREE_TEXT_SCRUBBED	1
#define TEXT_AGES_ALL		0	/* every age in free text masked */
#define TEXT_AGES_OVER90	1	/* only ages of 90 and over */

struct config {
	char	*site_name[LANG__MAX];
	char	*org_name[LANG__MAX];
	char	*base_url;		/* absolute, ends with '/' */
	long	 rows_per_page;
	int	 record_pages;		/* a page per record */
	char	*licence[LANG__MAX];	/* the data's licence, by name */
	char	*licence_url;		/* its text */
	char	*next_release;		/* YYYY-MM-DD, or NULL */
	/* [privacy] */
	long	 k;			/* smallest class size */
	long	 diversity;		/* distinct outcomes per class */
	long	 small_count;		/* 1..small_count-1 shown "<N" */
	long	 rounding;		/* counts rounded to this base */
	int	 free_text;		/* FREE_TEXT_* */
	int	 text_ages;		/* TEXT_AGES_* */
	int	 min_level[QI__MAX];	/* finest level published per QI */
	/* [mci] */
	struct { int year; long tenge; } *mci;
	size_t	 nmci;
	/* [population]; line: where the file gives it */
	struct { char code[6]; long people; size_t line; } *pop;
	size_t	 npop;
	char	*pop_source[LANG__MAX];	/* where the figures come from */
	long	 pop_year;		/* as of the start of; 0 unknown */
};

void	 config_defaults(struct config *);
/* Defaults, then the INI text (file names it in errors). */
int	 config_parse(struct config *, const char *text, const char *file);
/* Defaults, then the file at path if not NULL. */
int	 config_load(struct config *, const char *path);
void	 config_free(struct config *);
/*
 * Warn (rs_warn) about settings a published site should not keep: the
 * default base URL (a local preview), a base URL without HTTPS, a
 * placeholder organization name.  file: the configuration, or NULL
 * for the defaults.  Returns the number of warnings.
 */
int	 config_warn(const struct config *, const char *file);
long	 config_mci(const struct config *, int year);
long	 config_population(const struct config *, const char *region);

#endif /* !CONFIG_H */
