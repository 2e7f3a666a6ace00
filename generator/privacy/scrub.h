/*
 * scrub.h -- the free-text scrubber: finds identifiers in a narrative
 * and replaces them by typed markers.
 */
#ifndef SCRUB_H
#define SCRUB_H

/* Where Debian installs the hunspell dictionaries (ru_RU, kk_KZ). */
#define SCRUB_HUNSPELL_DIR "/usr/share/hunspell"

enum scrub_type {
	SCRUB_NAME,	/* person names: [АТЫ-ЖӨНІ] / [ФИО] */
	SCRUB_IIN,	/* 12-digit IIN/BIN: [ЖСН] / [ИИН] */
	SCRUB_PHONE,	/* [ТЕЛ] */
	SCRUB_EMAIL,	/* [E-MAIL] */
	SCRUB_URL,	/* links, messenger handles: [СІЛТЕМЕ] / [ССЫЛКА] */
	SCRUB_DATE,	/* dates, years of birth: [КҮНІ] / [ДАТА] */
	SCRUB_AGE,	/* ages: [ЖАСЫ] / [ВОЗРАСТ] */
	SCRUB_ADDRESS,	/* [МЕКЕНЖАЙ] / [АДРЕС] */
	SCRUB_NUMBER,	/* case, record, document numbers, car plates: [№] */
	SCRUB_TIME,	/* times of day: [УАҚЫТ] / [ВРЕМЯ] */
	SCRUB_PLACE,	/* settlements, districts, cities, regions,
			   facilities: [ЖЕР] / [МЕСТО] */
	SCRUB_ORG,	/* companies: [ҰЙЫМ] / [ОРГАНИЗАЦИЯ] */
	SCRUB__MAX
};

/* scrub_span flags */
#define SCRUB_F_DICT	0x01	/* a name a dictionary knows as a word */
#define SCRUB_F_SHARED	0x02	/* masked because the record's other
				   text masked the same fact */

/* One replacement: the bytes [off, off+len) of the input were masked. */
struct scrub_span {
	enum scrub_type type;
	size_t	 off;
	size_t	 len;
	int	 conf;		/* how sure the recogniser was, 1-100 */
	unsigned flags;		/* SCRUB_F_* */
	const char *why;	/* the recogniser, for the report (static) */
};

struct scrubber;
struct buf;

/*
 * Load the scrubber's lexicon: the data files of lexdir (content/scrub)
 * and the hunspell dictionaries ru_RU and kk_KZ of hsdir (NULL:
 * SCRUB_HUNSPELL_DIR).  NULL and rs_err on failure.
 */
struct scrubber *scrub_new(const char *lexdir, const char *hsdir);
void	 scrub_free(struct scrubber *);
/* Mask ages from this one up (default 90; 0 masks every age). */
void	 scrub_set_min_age(struct scrubber *, int);
/*
 * Append to out the text s[0..len) with every identifier replaced by
 * markers[type].  cb, if not NULL, is called once per replacement, in
 * order, with the span in the input.  Returns the number of
 * replacements.  Never fails; malformed UTF-8 is replaced by U+FFFD.
 * The result scrubbed again is the same.
 */
size_t	 scrub_text(const struct scrubber *, const char *s, size_t len,
	    const char *const markers[SCRUB__MAX], struct buf *out,
	    void (*cb)(void *, const struct scrub_span *, const char *),
	    void *arg);

/* One text of a record for scrub_record. */
struct scrub_field {
	const char	*s;		/* NULL or "": absent */
	size_t		 len;
	const char *const *markers;	/* the markers of its language */
	struct buf	*out;		/* receives the scrubbed text */
	size_t		 nrepl;		/* set: its replacements */
};

/*
 * Scrub the texts of one record together (its columns in Kazakh and in
 * Russian): each as scrub_text would, and then whatever one text masks
 * is masked in the others too -- the same number, name, age, date --
 * where it appears there, even where that text alone would have kept
 * it.  cb gets the index of the field, the span in its input and the
 * input.  Returns the number of replacements.
 */
size_t	 scrub_record(const struct scrubber *, struct scrub_field *,
	    size_t n, void (*cb)(void *, size_t, const struct scrub_span *,
	    const char *), void *arg);
/* "name", "iin", ...: the type's name in reports and catalog keys. */
const char *scrub_type_name(enum scrub_type);

#endif /* !SCRUB_H */
