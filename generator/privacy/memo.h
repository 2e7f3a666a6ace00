/*
 * memo.h -- the scrubbing memo: what the privacy stage made of each
 * record's texts, kept with the site (".regsite-memo", never published)
 * so that the next build scrubs only the records whose texts or row
 * changed (memo.c).
 *
 * An entry's key is a keyed hash (HMAC-SHA-256 under a key derived from
 * the registry, which the site does not carry) of everything scrubbing
 * takes: the texts and the row's published levels.  Its value is what
 * scrubbing made, compressed with the record's own texts as the
 * dictionary: the published texts cost a few bytes each, and nothing
 * in the memo can be read without the registry.  The memo is tied to
 * what scrubbing is made from (the program, the configuration, the
 * source tree, the dictionaries, the code lists): with another, it is
 * not used.
 */
#ifndef MEMO_H
#define MEMO_H

#include <stddef.h>
#include <stdint.h>

#define MEMO_KEYLEN	16

struct buf;
struct memo;

/*
 * Open the previous build's memo prev (NULL, or absent, unreadable or
 * of another key: none) for reading and start the new one at next
 * (NULL: none), both under key.  NULL and rs_err when next cannot be
 * made.
 */
struct memo *memo_open(const char *prev, const char *next,
	    const uint8_t key[32]);
/* Is there a previous memo to look in? */
int	 memo_has_prev(const struct memo *);
/* The entry's key for the message in (the record's scrubbing input). */
void	 memo_key(const struct memo *, const void *in, size_t len,
	    uint8_t k[MEMO_KEYLEN]);
/*
 * Look k up in the previous memo: 1 and *val (the stored value, in the
 * memo's buffer until the next call), 0 when absent.  A memo that fails
 * to read is dropped (0 from then on).
 */
int	 memo_get(struct memo *, const uint8_t k[MEMO_KEYLEN], struct buf *val);
/* Add an entry to the new memo; 0, or -1 and rs_err. */
int	 memo_put(struct memo *, const uint8_t k[MEMO_KEYLEN], const void *,
	    size_t);
/* Finish the new memo (ok) or remove it; 0, or -1 and rs_err; frees. */
int	 memo_close(struct memo *, int ok);

/*
 * The values: out = the payload compressed against dict (the
 * record's texts), then its tag (a keyed hash of the entry's key k and
 * the compressed bytes); memo_unpack gives the payload back, or -1
 * when the tag is not right (checked first: the entry is then not
 * used, damaged or not made with this key for this entry) or the
 * value does not unpack against dict.
 * One struct memozip per process, made from the memo (its key).
 */
struct memozip;
struct memozip *memozip_new(const struct memo *);
void	 memozip_free(struct memozip *);
void	 memo_pack(struct memozip *, const uint8_t k[MEMO_KEYLEN],
	    const void *dict, size_t dlen, const void *payload, size_t plen,
	    struct buf *out);
int	 memo_unpack(struct memozip *, const uint8_t k[MEMO_KEYLEN],
	    const void *dict, size_t dlen, const void *val, size_t vlen,
	    struct buf *payload);

#endif /* !MEMO_H */
