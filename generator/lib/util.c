/*
 * util.c -- memory, error messages, growable buffers, UTF-8 and the
 * letter classes of the scripts the registry is written in.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#include "lib/lib.h"

const char *const lang_codes[LANG__MAX] = { "kk", "ru" };

/*
 * Allocation failure is fatal: say so and exit with status 1, a failure
 * like any other (regsite(1), EXIT STATUS; 2 is kept for usage errors).
 */
static void
oom(void)
{
	fputs("regsite: out of memory\n", stderr);
	exit(1);
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n ? n : 1)) == NULL)
		oom();
	return p;
}

XXH3_state_t *
xxh3_new(void)
{
	XXH3_state_t	*x;

	if ((x = XXH3_createState()) == NULL)
		oom();
	XXH3_128bits_reset(x);
	return x;
}

void *
xcalloc(size_t n, size_t sz)
{
	void	*p;

	if ((p = calloc(n ? n : 1, sz ? sz : 1)) == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t sz)
{
	if (sz && n > SIZE_MAX / sz)
		oom();
	return xrealloc(p, n * sz);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

#define ARENA_BLOCK	65536

char *
arena_strdup(struct arena *a, const char *s)
{
	size_t	 n = strlen(s) + 1;
	char	*d;

	if (a->nblk == 0 || a->used + n > a->cap) {
		/* A new block; a long string has one of its own size. */
		a->cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		a->blk = xreallocarray(a->blk, a->nblk + 1, sizeof(*a->blk));
		a->blk[a->nblk++] = xmalloc(a->cap);
		a->used = 0;
	}
	d = a->blk[a->nblk - 1] + a->used;
	memcpy(d, s, n);
	a->used += n;
	return d;
}

void
arena_free(struct arena *a)
{
	size_t	 i;

	for (i = 0; i < a->nblk; i++)
		free(a->blk[i]);
	free(a->blk);
	memset(a, 0, sizeof(*a));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct buf	 b = { 0 };
	va_list		 ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_detach(&b);
}

static char errmsg[2048];

int
rs_err(const char *fmt, ...)
{
	va_list	 ap;
	char	 tmp[sizeof(errmsg)];

	/* Through tmp, so a message may quote rs_errmsg() itself. */
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	memcpy(errmsg, tmp, sizeof(errmsg));
	return -1;
}

const char *
rs_errmsg(void)
{
	return errmsg[0] ? errmsg : "unknown error";
}

void
rs_warn(const char *fmt, ...)
{
	va_list	 ap;

	fputs("regsite: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Make room for n more bytes and the terminating NUL. */
static void
buf_grow(struct buf *b, size_t n)
{
	size_t	 need;

	if (n > SIZE_MAX - b->len - 1)
		oom();
	need = b->len + n + 1;
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->data = xrealloc(b->data, b->cap);
}

void
buf_put(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	char	 ch = (char)c;

	buf_put(b, &ch, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

const char *
buf_str(const struct buf *b)
{
	return b->data ? b->data : "";
}

char *
buf_detach(struct buf *b)
{
	char	*p;

	p = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

int
utf8_valid(const char *s, size_t len)
{
	const char	*p = s, *e = s + len, *q;
	unsigned char	 c;

	/* utf8_next gives U+FFFD for a malformed byte and moves one; the
	 * character itself is three bytes.  ASCII and the two-byte
	 * sequences (Cyrillic) are taken here, without decoding. */
	while (p < e) {
		c = (unsigned char)*p;
		if (c < 0x80) {
			p++;
			continue;
		}
		if (utf8_two(p, e)) {
			p += 2;
			continue;
		}
		q = p;
		if (utf8_next(&q, e) == 0xfffd && q - p != 3)
			return 0;
		p = q;
	}
	return 1;
}

void
utf8_put(struct buf *b, uint32_t cp)
{
	char	 s[4];

	if (cp < 0x80) {
		s[0] = (char)cp;
		buf_put(b, s, 1);
	} else if (cp < 0x800) {
		s[0] = (char)(0xc0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, s, 2);
	} else if (cp < 0x10000) {
		s[0] = (char)(0xe0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, s, 3);
	} else {
		s[0] = (char)(0xf0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[3] = (char)(0x80 | (cp & 0x3f));
		buf_put(b, s, 4);
	}
}

void
utf8_lower(struct buf *b, const char *s, size_t len)
{
	const char	*p = s, *e = s + len;
	unsigned char	 x;
	uint32_t	 c;

	/* The fast paths write no more than they read: room for it all. */
	buf_grow(b, len);
	while (p < e) {
		x = (unsigned char)*p;
		if (x < 0x80) {
			b->data[b->len++] = (char)(x >= 'A' && x <= 'Z' ?
			    x + 0x20 : x);
			p++;
			continue;
		}
		if (utf8_two(p, e)) {
			c = uc_tolower((uint32_t)(x & 0x1f) << 6 |
			    ((unsigned char)p[1] & 0x3f));
			if (c >= 0x80 && c < 0x800) {
				b->data[b->len++] = (char)(0xc0 | (c >> 6));
				b->data[b->len++] = (char)(0x80 | (c & 0x3f));
				p += 2;
				continue;
			}
		}
		utf8_put(b, uc_tolower(utf8_next(&p, e)));
		buf_grow(b, (size_t)(e - p));	/* U+FFFD: 3 for 1 */
	}
	b->data[b->len] = '\0';
}

int
uc_hidden(uint32_t cp)
{
	return cp == 0xad || cp == 0x61c || (cp >= 0x200b && cp <= 0x200f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

size_t
utf8_strip_hidden(struct buf *out, const char *s, size_t len)
{
	const char	*p = s, *e = s + len, *run = s, *at;
	size_t		 n = 0;
	uint32_t	 cp;

	while (p < e) {
		at = p;
		if ((unsigned char)*p < 0x80) {
			p++;
			continue;
		}
		/* Cyrillic (U+0400-U+04FF, lead D0-D3) hides nothing. */
		if (((unsigned char)*p & 0xfc) == 0xd0 && utf8_two(p, e)) {
			p += 2;
			continue;
		}
		cp = utf8_next(&p, e);
		if (!uc_hidden(cp))
			continue;
		buf_put(out, run, (size_t)(at - run));
		run = p;
		n++;
	}
	buf_put(out, run, (size_t)(e - run));
	return n;
}

/*
 * One pass over the text: lines by LF, columns by character.  A CR is
 * allowed only right before an LF.
 */
int
text_check(const char *path, const char *s, size_t len)
{
	const char	*p = s, *e = s + len, *at;
	size_t		 line = 1, col = 1;
	uint32_t	 cp;

	for (; p < e; col++) {
		at = p;
		cp = utf8_next(&p, e);
		if (cp == 0xfffd && !utf8_valid(at, (size_t)(p - at)))
			return rs_err("%s:%zu:%zu: not valid UTF-8 (byte "
			    "0x%02X)", path, line, col, (unsigned char)*at);
		if (cp == '\n') {
			line++;
			col = 0;
			continue;
		}
		if (cp == '\t')
			continue;
		if (cp == 0)
			return rs_err("%s:%zu:%zu: a NUL byte", path, line, col);
		if (cp == '\r') {
			if (p < e && *p == '\n')
				continue;
			return rs_err("%s:%zu:%zu: a carriage return (CR) not "
			    "followed by a line feed: use LF or CRLF line "
			    "ends", path, line, col);
		}
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			return rs_err("%s:%zu:%zu: the control character "
			    "U+%04X", path, line, col, (unsigned)cp);
	}
	return 0;
}

/*
 * Cyrillic case pairs.  U+0400-040F/0450-045F and U+0410-042F/0430-044F
 * are regular; U+0460-04FF alternate upper (even) and lower (odd) with
 * the exception of U+04C0 (palochka) and the U+04C1-04CE odd/even run.
 * Kazakh letters live there: Ә U+04D8, Ғ U+0492, Қ U+049A, Ң U+04A2,
 * Ө U+04E8, Ұ U+04B0, Ү U+04AE, Һ U+04BA, І U+0406.
 */

unsigned char uc_class[UC_TABLE];

/* A letter's class (UC_UPPER, UC_LOWER or 0): Latin, Latin-1, Cyrillic
 * and its supplement (Kazakh), where case pairs alternate (even upper,
 * odd lower, but for U+04C1-U+04CE, which U+04C0 shifts). */
static unsigned char
letter_class(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return UC_UPPER;
	if (c >= 'a' && c <= 'z')
		return UC_LOWER;
	if (c >= 0xc0 && c <= 0xde && c != 0xd7)
		return UC_UPPER;
	if (c >= 0xdf && c <= 0xff && c != 0xf7)
		return UC_LOWER;
	if (c >= 0x400 && c <= 0x42f)
		return UC_UPPER;
	if (c >= 0x430 && c <= 0x45f)
		return UC_LOWER;
	if ((c >= 0x460 && c <= 0x481) || (c >= 0x48a && c <= 0x4bf) ||
	    (c >= 0x4d0 && c <= 0x52f))
		return c & 1 ? UC_LOWER : UC_UPPER;
	if (c == 0x4c0)
		return UC_UPPER;
	if (c == 0x4cf)
		return UC_LOWER;
	if (c >= 0x4c1 && c <= 0x4ce)
		return c & 1 ? UC_UPPER : UC_LOWER;
	return 0;
}

/* uc_class filled before main (and before any test's). */
__attribute__((constructor)) static void
uc_class_fill(void)
{
	uint32_t	 c;

	for (c = 0; c < UC_TABLE; c++)
		uc_class[c] = letter_class(c);
}

uint32_t
uc_toupper(uint32_t c)
{
	if (!uc_islower(c))
		return c;
	if (c == 0xdf || c == 0xff)
		return c;
	if ((c >= 'a' && c <= 'z') || (c >= 0xe0 && c <= 0xfe))
		return c - 0x20;
	if (c >= 0x450 && c <= 0x45f)
		return c - 0x50;
	if (c >= 0x430 && c <= 0x44f)
		return c - 0x20;
	if (c == 0x4cf)
		return 0x4c0;
	return c - 1;
}

int
parse_long(const char *s, long min, long max, long *out)
{
	char	*end;
	long	 v;

	if (*s == '\0' || *s == ' ' || *s == '\t' || *s == '+')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

char *
file_read(const char *path, size_t *lenp)
{
	FILE		*f;
	struct buf	 b = { 0 };
	char		 chunk[65536];
	size_t		 n;

	if ((f = fopen(path, "rb")) == NULL) {
		rs_err("%s: %s", path, strerror(errno));
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	if (ferror(f)) {
		rs_err("%s: %s", path, strerror(errno));
		fclose(f);
		buf_free(&b);
		return NULL;
	}
	fclose(f);
	if (lenp)
		*lenp = b.len;
	return buf_detach(&b);
}

/*
 * With REGSITE_TRACE set in the environment, print the time since the
 * previous mark of this process, the time since the first mark of the
 * command (a forked process keeps its parent's), and what was done,
 * to stderr (for benchmarks).
 */
void
trace(const char *fmt, ...)
{
	static struct timespec	 last, first;
	static int		 on = -1;
	struct timespec		 now;
	va_list			 ap;
	char			 line[512];
	int			 n, k;

	if (on == -1)
		on = getenv("REGSITE_TRACE") != NULL;
	if (!on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (last.tv_sec == 0)
		first = last = now;
	/* One write a line: the processes of a build trace side by side,
	 * and their lines must not interleave. */
	n = snprintf(line, sizeof(line), "regsite: trace: %7.2f s "
	    "[%7.2f]  ", (double)(now.tv_sec - last.tv_sec) +
	    (double)(now.tv_nsec - last.tv_nsec) / 1e9,
	    (double)(now.tv_sec - first.tv_sec) +
	    (double)(now.tv_nsec - first.tv_nsec) / 1e9);
	va_start(ap, fmt);
	k = vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	va_end(ap);
	if (k > 0)
		n += k;
	if ((size_t)n > sizeof(line) - 2)
		n = (int)sizeof(line) - 2;
	line[n++] = '\n';
	fflush(stderr);
	last = now;
	if (write(STDERR_FILENO, line, (size_t)n) == -1)
		return;		/* a trace that cannot be written: none */
}

uint32_t
le32_get(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

void
le32_put(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

void
hex_encode(const void *p, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	const unsigned char *b = p;
	size_t	 i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[b[i] >> 4];
		out[2 * i + 1] = digits[b[i] & 0xf];
	}
	out[2 * n] = '\0';
}
