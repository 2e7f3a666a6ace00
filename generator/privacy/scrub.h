/*
 * scrub.h -- the free-text scrubber: finds identifiers in a narrative
 * and replaces them by typed markers.
 */
#ifndef SCRUB_H
#define SCRUB_H


enum scrub_type {
	SCRUB_NAME,	/* person names: [АТЫ-ЖӨНІ] / [ФИО] */
	SCRUB_IIN,	/* 12-digit IIN/BIN: [ЖСН] / [ИИН] */
	SCRUB_PHONE,	/* [ТЕЛ] */
	SCRUB_EMAIL,	/* [E-MAIL] */
	SCRUB_URL,	/* [СІЛТЕМЕ] / [ССЫЛКА] */
	SCRUB_DATE,	/* dates, years of birth: [КҮНІ] / [ДАТА] */
	SCRUB_AGE,	/* ages of 90 and over: [ЖАСЫ] / [ВОЗРАСТ] */
	SCRUB_ADDRESS,	/* [МЕКЕНЖАЙ] / [АДРЕС] */
	SCRUB_NUMBER,	/* facility, case, record numbers, long digit runs: [№] */
	SCRUB__MAX
};

/* One replacement: the bytes [off, off+len) of the input were masked. */
struct scrub_span {
	enum scrub_type type;
	size_t	 off;
	size_t	 len;
};

struct scrubber;

/* Load the allowlist (one word per line, # comments); NULL and rs_err. */
struct scrubber *scrub_new(const char *allowlist_path);
void	 scrub_free(struct scrubber *);
/* Mask ages from this one up (default 90; 0 masks every age). */
void	 scrub_set_min_age(struct scrubber *, int);
/*
 * Append to out the text s[0..len) with every identifier replaced by
 * markers[type].  cb, if not NULL, is called once per replacement, in
 * order, with the span in the input.  Returns the number of
 * replacements.  Never fails; malformed UTF-8 is replaced by U+FFFD.
 */
size_t	 scrub_text(const struct scrubber *, const char *s, size_t len,
	    const char *const markers[SCRUB__MAX], struct buf *out,
	    void (*cb)(void *, const struct scrub_span *, const char *),
	    void *arg);
/* "name", "iin", ...: the type's name in reports and catalog keys. */
const char *scrub_type_name(enum scrub_type);

#endif /* !SCRUB_H */
