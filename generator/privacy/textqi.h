/*
 * textqi.h -- the quasi-identifiers a narrative carries, brought to the
 * level its row publishes: ICD-10 codes ("(S52.5)" becomes "(S52)" where
 * the row shows the category, "(XIX)" where it shows the chapter, a
 * marker where it shows less) and departments ("в травматологическом
 * отделении", "травматология бөлімшесінде": kept only where the row
 * shows that very specialty, else a marker).  Times of day, dates,
 * ages, places and names are the scrubber's (scrub.h).
 */
#ifndef TEXTQI_H
#define TEXTQI_H

/* What the row publishes of the diagnosis and the profile. */
struct textqi_row {
	int		 dx_level;	/* ladder level (ladder.h) */
	const char	*dx;		/* the published code at that level */
	int		 profile_level;
	const char	*profile;	/* the published code */
	int		 age_level;
	const char	*age;		/* the published band, or NULL */
};

struct textqi;

/* markers[lang][TQ_*] must outlive the result. */
struct textqi *textqi_new(const struct dicts *,
	    const char *const *markers[LANG__MAX]);
void	 textqi_free(struct textqi *);

/*
 * Append s[0..len) to out with every code and department brought to
 * the row's level; force: mask every department named at all (its
 * other language masked one).  cb, if not NULL, is called per change
 * with its kind ("icd10", "department") and the original bytes.
 * Returns the number of departments masked.
 */
size_t	 textqi_apply(const struct textqi *, const struct textqi_row *,
	    enum lang, const char *s, size_t len, int force, struct buf *out,
	    void (*cb)(void *, const char *kind, const char *was, size_t len),
	    void *arg);

#endif /* !TEXTQI_H */
