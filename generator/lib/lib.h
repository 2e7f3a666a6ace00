/*
 * lib.h -- what every stage of regsite shares: the languages and forms,
 * memory, the two error tiers, byte buffers, UTF-8.  No SQLite here.
 */
#ifndef LIB_H
#define LIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define REGSITE_VERSION "0.1.0"


enum lang {
	LANG_KK = 0,	/* Kazakh: the state language, the default, first */
	LANG_RU,
	LANG__MAX
};

enum form {
	FORM_INCIDENTS = 0,	/* Form 1, table incidents */
	FORM_INSURANCE,		/* Form 2, table insurance_cases */
	FORM__MAX
};

/* "kk", "ru" */
extern const char *const lang_codes[LANG__MAX];


/* Allocation failure is fatal: these never return NULL. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
/* An XXH3 state (libxxhash), reset for 128 bits; XXH3_freeState frees
 * it.  (XXH3_state_t is struct XXH3_state_s.) */
struct XXH3_state_s;
struct XXH3_state_s *xxh3_new(void);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

/*
 * Strings that live and die together (a quarter's records' keys): kept
 * in 64 KiB blocks, a string's pointer stable until arena_free.  Saves
 * each string its own allocation.  Zero-initialised is empty.
 */
struct arena {
	char	**blk;
	size_t	 nblk;
	size_t	 used, cap;	/* bytes used of the last block, its size */
};
char	*arena_strdup(struct arena *, const char *);
void	 arena_free(struct arena *);

/*
 * Two error tiers.  Deep code records what failed with rs_err() (which
 * returns -1 so it can end a "return rs_err(...)") and returns a failure
 * status; only main.c prints rs_errmsg() as "regsite: <message>" and
 * exits.  A later rs_err() replaces an earlier message.
 */
int	 rs_err(const char *, ...) __attribute__((format(printf, 1, 2)));
const char *rs_errmsg(void);
/* Print "regsite: warning: ..." to stderr at once. */
void	 rs_warn(const char *, ...) __attribute__((format(printf, 1, 2)));

/*
 * A growable byte buffer.  data is always NUL-terminated after any
 * operation (len does not count the NUL).  Zero-initialised is empty.
 */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_put(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list);
void	 buf_reset(struct buf *);
void	 buf_free(struct buf *);
/* The contents as a C string ("" when empty); still owned by the buffer. */
const char *buf_str(const struct buf *);
/* Give the contents to the caller (who frees them); the buffer is empty. */
char	*buf_detach(struct buf *);
#define	 BUF_LIT(b, s) buf_put((b), "" s, sizeof(s) - 1)	/* literals only */

/* Whether s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
int	 utf8_valid(const char *, size_t);
/*
 * Whether p (before end) starts a well-formed two-byte sequence
 * (U+0080-07FF: Cyrillic), which a fast path takes without decoding.
 */
static inline int
utf8_two(const char *p, const char *end)
{
	return (unsigned char)p[0] >= 0xc2 && (unsigned char)p[0] <= 0xdf &&
	    end - p >= 2 && ((unsigned char)p[1] & 0xc0) == 0x80;
}
/*
 * Decode one code point at *p (not past end) and advance *p.  Malformed
 * input yields U+FFFD and advances one byte.
 */
static inline uint32_t
utf8_next(const char **pp, const char *end)
{
	const unsigned char *p = (const unsigned char *)*pp;
	const unsigned char *e = (const unsigned char *)end;
	uint32_t	 cp;
	int		 n, i;

	if (p >= e)
		return 0;
	if (*p < 0x80) {
		*pp += 1;
		return *p;
	}
	if (*p >= 0xc2 && *p <= 0xdf) {
		n = 1;
		cp = *p & 0x1f;
	} else if (*p >= 0xe0 && *p <= 0xef) {
		n = 2;
		cp = *p & 0x0f;
	} else if (*p >= 0xf0 && *p <= 0xf4) {
		n = 3;
		cp = *p & 0x07;
	} else
		goto bad;
	if (e - p <= n)
		goto bad;
	for (i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			goto bad;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		goto bad;
	*pp += n + 1;
	return cp;
bad:
	*pp += 1;
	return 0xfffd;
}
/* Append the UTF-8 encoding of a code point. */
void	 utf8_put(struct buf *, uint32_t);
/*
 * Append s[0..len) in lower case (uc_tolower): each malformed byte as
 * U+FFFD, as utf8_next reads it.  ASCII and two-byte sequences are
 * taken without a call per character.
 */
void	 utf8_lower(struct buf *, const char *, size_t);

/*
 * Whether a code point is an invisible format character that published
 * text drops: the bidirectional controls (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069), which can make a text display in
 * another order than it reads; the zero-width characters (U+200B-U+200D,
 * U+2060, U+FEFF) and invisible operators (U+2061-U+2064), which hide
 * inside words; and the soft hyphen U+00AD, which splits a word as
 * search and the scrubber see it without showing anything.
 */
int	 uc_hidden(uint32_t);
/*
 * Append s[0..len) to out without its uc_hidden code points; malformed
 * bytes are copied as they are.  Returns the number of code points
 * dropped.
 */
size_t	 utf8_strip_hidden(struct buf *out, const char *s, size_t len);
/*
 * Check that an input file's text s[0..len) is text: well-formed UTF-8
 * with no NUL byte and no control character but TAB, LF and the CR of
 * a CRLF line end.  0, or -1 and rs_err("PATH:LINE:COL: what"), the
 * column counted in characters from 1.
 */
int	 text_check(const char *path, const char *s, size_t len);

/*
 * Letters of the Latin and Cyrillic scripts, Kazakh letters included:
 * all below UC_TABLE, classed in uc_class (UC_UPPER, UC_LOWER), which
 * util.c fills before main from the ranges it lists.  A table: the
 * scrubber asks several times of every character of every text.
 */
#define UC_TABLE	0x530
#define UC_UPPER	1
#define UC_LOWER	2
extern unsigned char uc_class[UC_TABLE];
static inline int
uc_isupper(uint32_t c)
{
	return c < UC_TABLE && (uc_class[c] & UC_UPPER);
}
static inline int
uc_islower(uint32_t c)
{
	return c < UC_TABLE && (uc_class[c] & UC_LOWER);
}
static inline int
uc_isalpha(uint32_t c)
{
	return c < UC_TABLE && uc_class[c] != 0;
}
static inline uint32_t
uc_tolower(uint32_t c)
{
	if (!uc_isupper(c))
		return c;
	if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde))
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40f)
		return c + 0x50;
	if (c >= 0x410 && c <= 0x42f)
		return c + 0x20;
	if (c == 0x4c0)
		return 0x4cf;
	return c + 1;
}

uint32_t uc_toupper(uint32_t);

/* Parse a whole decimal string into *out; 0 on success, -1 otherwise. */
int	 parse_long(const char *, long min, long max, long *out);

/* REGSITE_TRACE: print the time spent since the last mark (stderr). */
void	 trace(const char *, ...) __attribute__((format(printf, 1, 2)));

/* Lower-case hexadecimal of n bytes into out (2 n + 1 chars, a NUL). */
void	 hex_encode(const void *, size_t n, char *out);
/* A little-endian 32-bit number's 4 bytes (gzip, zip, the memo). */
uint32_t le32_get(const unsigned char *);
void	 le32_put(unsigned char *, uint32_t);

/* Read a whole file into a NUL-terminated string; NULL and rs_err. */
char	*file_read(const char *path, size_t *len);

#endif /* !LIB_H */
