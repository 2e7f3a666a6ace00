/*
 * test_util.c -- memory and buffers (generator/lib/util.c): an
 * allocation that cannot succeed ends the program with exit status 1
 * and "regsite: out of memory" (regsite(1), EXIT STATUS), whichever
 * wrapper meets it.
 */
#include <sys/wait.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/lib.h"
#include "unit.h"

/*
 * Run fn in a child with its standard error on a pipe; store what it
 * wrote in err (NUL-terminated) and return its wait status, or -1.
 */
static int
in_child(void (*fn)(void), char *err, size_t errlen)
{
	int	 fd[2], status;
	pid_t	 pid;
	ssize_t	 n;
	size_t	 got = 0;

	err[0] = '\0';
	fflush(stdout);
	if (pipe(fd) == -1 || (pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], STDERR_FILENO);
		fn();
		_exit(99);	/* fn returned: the wrapper did not stop */
	}
	close(fd[1]);
	while (got + 1 < errlen &&
	    (n = read(fd[0], err + got, errlen - 1 - got)) > 0)
		got += (size_t)n;
	err[got] = '\0';
	close(fd[0]);
	if (waitpid(pid, &status, 0) == -1)
		return -1;
	return status;
}

static void
array_overflow(void)
{
	/* SIZE_MAX elements of 2 bytes: no malloc is even tried. */
	free(xreallocarray(NULL, SIZE_MAX, 2));
}

static void
buffer_overflow(void)
{
	struct buf	 b = { 0 };

	BUF_LIT(&b, "x");
	buf_put(&b, "", SIZE_MAX);
	buf_free(&b);
}

#if !defined(__SANITIZE_ADDRESS__)
static void
huge_malloc(void)
{
	/* Refused by malloc itself (ASan would report it instead). */
	free(xmalloc(SIZE_MAX - 4096));
}
#endif

/* fn must exit with status 1 and say exactly "regsite: out of memory". */
static void
expect_oom(void (*fn)(void), const char *what)
{
	char	 err[256];
	int	 st;

	st = in_child(fn, err, sizeof(err));
	CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 1,
	    "%s: exit status 1", what);
	if (st != -1 && !(WIFEXITED(st) && WEXITSTATUS(st) == 1))
		printf("  got wait status %#x\n", (unsigned)st);
	EQ_STR(err, "regsite: out of memory\n", "%s: the message", what);
}

/*
 * utf8_valid: well-formed UTF-8 only -- no overlong forms, surrogates,
 * code points past U+10FFFF, stray or missing continuation bytes; a
 * literal U+FFFD is a character like any other.
 */
static void
utf8_cases(void)
{
	static const struct { const char *s; int ok; } c[] = {
		{ "", 1 }, { "abc", 1 }, { "\xc3\xa9", 1 },
		{ "\xd2\x9b\xd3\x99", 1 },		/* Kazakh letters */
		{ "\xef\xbf\xbd", 1 },			/* U+FFFD itself */
		{ "x\xef\xbf\xbdy", 1 },
		{ "\xf0\x9f\x98\x80", 1 },		/* U+1F600 */
		{ "\xf4\x8f\xbf\xbf", 1 },		/* U+10FFFF */
		{ "\xc3", 0 }, { "a\xef\xbf", 0 },	/* cut short */
		{ "\xef\xbf\xbd\xc3", 0 },
		{ "\x80", 0 }, { "a\xbf" "b", 0 },		/* stray */
		{ "\xc0\xaf", 0 }, { "\xc1\xbf", 0 },	/* overlong */
		{ "\xe0\x80\xaf", 0 }, { "\xf0\x80\x80\xaf", 0 },
		{ "\xed\xa0\x80", 0 }, { "\xed\xbf\xbf", 0 },	/* surrogates */
		{ "\xf4\x90\x80\x80", 0 }, { "\xf5\x80\x80\x80", 0 },
		{ "\xff", 0 }, { "\xfe", 0 }, { "\xc3\x28", 0 },
		/* The two-byte sequences' ends, whole and cut. */
		{ "\xc2\x80", 1 }, { "\xdf\xbf", 1 }, { "\xc2\xc0", 0 },
		{ "\xd0\xb0\xd0", 0 }, { "\xdf\x7f", 0 }, { "a\xd0", 0 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		CHECK(utf8_valid(c[i].s, strlen(c[i].s)) == c[i].ok,
		    "utf8_valid case %zu is %s", i, c[i].ok ? "valid" :
		    "malformed");
}

/* The arena: every string intact after many more, long ones too. */
static void
arena_cases(void)
{
	struct arena	 a = { 0 };
	char		*p[5000], want[32], *big;
	size_t		 i, bad = 0;

	EQ_STR(arena_strdup(&a, ""), "", "arena: the empty string");
	big = xmalloc(100001);
	memset(big, 'x', 100000);
	big[100000] = '\0';
	for (i = 0; i < 5000; i++) {
		snprintf(want, sizeof(want), "key-%zu", i);
		p[i] = arena_strdup(&a, i % 1000 == 999 ? big : want);
	}
	for (i = 0; i < 5000; i++) {
		snprintf(want, sizeof(want), "key-%zu", i);
		if (strcmp(p[i], i % 1000 == 999 ? big : want) != 0)
			bad++;
	}
	CHECK(bad == 0, "arena: 5000 strings (5 of 100 000 bytes) read back "
	    "after all were added (%zu did not)", bad);
	CHECK(a.nblk > 5 && a.nblk < 20, "arena: 64 KiB blocks, one each for "
	    "the long strings (%zu blocks)", a.nblk);
	CHECK(p[1] == p[0] + strlen(p[0]) + 1,
	    "arena: short strings share a block, one after the other");
	arena_free(&a);
	CHECK(a.nblk == 0 && a.blk == NULL && a.used == 0,
	    "arena: freed, it is empty again");
	EQ_STR(arena_strdup(&a, "again"), "again", "arena: usable after free");
	arena_free(&a);
	/* A long string first, then short ones in a block of their own. */
	p[0] = arena_strdup(&a, big);
	p[1] = arena_strdup(&a, "a");
	p[2] = arena_strdup(&a, "b");
	CHECK(strcmp(p[0], big) == 0 && strcmp(p[1], "a") == 0 &&
	    strcmp(p[2], "b") == 0 && p[2] == p[1] + 2 && a.nblk == 2,
	    "arena: a long string first, then short ones");
	arena_free(&a);
	free(big);
}

/*
 * The letter classes (uc_class, filled before main) against the case
 * pairs written out again here: every code point, both directions.
 */
static void
uc_cases(void)
{
	static uint32_t	 up[0x110000 / 32 + 1], lo[0x110000 / 32 + 1];
	static uint32_t	 pair[UC_TABLE];
	uint32_t	 c, u, bad = 0, badcase = 0, n = 0;

#define SET(v, x)	((v)[(x) / 32] |= 1u << ((x) % 32))
#define HAS(v, x)	(((v)[(x) / 32] >> ((x) % 32)) & 1)
#define PAIR(a, b)	do { SET(up, a); SET(lo, b); pair[a] = b;	\
			    pair[b] = a; n++; } while (0)
	for (u = 'A'; u <= 'Z'; u++)
		PAIR(u, u + 0x20);
	for (u = 0xc0; u <= 0xde; u++)		/* À-Þ but × */
		if (u != 0xd7)
			PAIR(u, u + 0x20);
	for (u = 0x400; u <= 0x40f; u++)	/* Ѐ-Џ */
		PAIR(u, u + 0x50);
	for (u = 0x410; u <= 0x42f; u++)	/* А-Я */
		PAIR(u, u + 0x20);
	for (u = 0x460; u <= 0x480; u += 2)	/* Ѡ-Ҁ */
		PAIR(u, u + 1);
	for (u = 0x48a; u <= 0x4be; u += 2)	/* Ҋ-Ҿ: Қ Ң Ү Ұ Һ */
		PAIR(u, u + 1);
	for (u = 0x4d0; u <= 0x52e; u += 2)	/* Ӑ-Ԯ: Ә Ө */
		PAIR(u, u + 1);
	PAIR(0x4c0, 0x4cf);			/* Ӏ ӏ */
	for (u = 0x4c1; u <= 0x4cd; u += 2)	/* Ӂ-Ӎ */
		PAIR(u, u + 1);
	SET(lo, 0xdf);				/* ß, ÿ: no upper here */
	SET(lo, 0xff);
	for (c = 0; c < 0x110000; c++) {
		if (uc_isupper(c) != (int)HAS(up, c) ||
		    uc_islower(c) != (int)HAS(lo, c) ||
		    uc_isalpha(c) != (int)(HAS(up, c) | HAS(lo, c)))
			bad++;
		if (HAS(up, c) ? uc_tolower(c) != pair[c] ||
		    uc_toupper(c) != c : HAS(lo, c) ? uc_toupper(c) !=
		    (c == 0xdf || c == 0xff ? c : pair[c]) ||
		    uc_tolower(c) != c : uc_tolower(c) != c ||
		    uc_toupper(c) != c)
			badcase++;
	}
	CHECK(bad == 0, "letters: upper, lower and alphabetic as the %u case "
	    "pairs and ß, ÿ say, for every code point (%u differ)", n, bad);
	CHECK(badcase == 0, "letters: each case pair maps both ways, every "
	    "other code point to itself (%u differ)", badcase);
#undef SET
#undef HAS
#undef PAIR
}

/*
 * utf8_lower against its definition, a character at a time, on random
 * byte strings: letters of every case range, ASCII, malformed and
 * cut sequences, appended to a buffer that holds something already.
 */
static void
lower_cases(void)
{
	static const char *const pieces[] = { "A", "Z", "@", "[", "a", "z",
	    "Q", "`", "{", "0", " ", "-", "À", "Þ", "×", "ß", "ÿ", "Ѐ", "Џ", "А", "Я", "я", "ё", "Ѡ", "Ҋ",
	    "Қ", "Ӏ", "Ӂ", "Ӎ", "ӎ", "Ә", "Ԯ", "ԯ", "Ұ", "Һ", "—", "€", "😀",
	    "\xff", "\xc0\xaf", "\xc3", "\xd0", "\x80", "\xed\xa0\x80",
	    "\xe2\x80", "\xf4\x90\x80\x80" };
	static uint32_t	 rng = 2463534242u;
	struct buf	 got = { 0 }, want = { 0 };
	char		 in[400];
	const char	*p, *e;
	size_t		 n, k, bad = 0, i, m;

	for (i = 0; i < 20000; i++) {
		n = 0;
		rng ^= rng << 13;
		rng ^= rng >> 17;
		rng ^= rng << 5;
		for (m = rng % 60; m > 0; m--) {
			rng ^= rng << 13;
			rng ^= rng >> 17;
			rng ^= rng << 5;
			p = pieces[rng % (sizeof(pieces) / sizeof(pieces[0]))];
			k = strlen(p);
			memcpy(in + n, p, k);
			n += k;
		}
		buf_reset(&got);
		buf_reset(&want);
		BUF_LIT(&got, "x");
		BUF_LIT(&want, "x");
		utf8_lower(&got, in, n);
		for (p = in, e = in + n; p < e; )
			utf8_put(&want, uc_tolower(utf8_next(&p, e)));
		if (got.len != want.len || memcmp(got.data, want.data,
		    got.len) != 0 || got.data[got.len] != '\0')
			bad++;
	}
	CHECK(bad == 0, "utf8_lower: as utf8_next, uc_tolower and utf8_put "
	    "a character at a time, on 20 000 random byte strings (%zu "
	    "differ)", bad);
	buf_free(&got);
	buf_free(&want);
}

/* le32_put then le32_get: the number back, its low byte first. */
static void
le32_cases(void)
{
	uint32_t	 rng = 2463534242u, v;
	unsigned char	 c[4];
	size_t		 i, bad = 0;

	for (i = 0; i < 10000; i++) {
		rng ^= rng << 13;
		rng ^= rng >> 17;
		rng ^= rng << 5;
		v = i < 2 ? (i ? 0xffffffffu : 0) : rng;
		le32_put(c, v);
		if (le32_get(c) != v || c[0] != (v & 0xff) ||
		    c[3] != v >> 24)
			bad++;
	}
	CHECK(bad == 0, "le32_put and le32_get: 10 000 numbers back, low "
	    "byte first (%zu wrong)", bad);
	c[0] = 0x78, c[1] = 0x56, c[2] = 0x34, c[3] = 0x12;
	CHECK(le32_get(c) == 0x12345678u, "le32_get reads little-endian");
}

int
main(void)
{
	struct buf	 b = { 0 };
	char		*s;

	arena_cases();
	le32_cases();
	expect_oom(array_overflow, "xreallocarray overflowing size_t");
	expect_oom(buffer_overflow, "a buffer growing past size_t");
#if !defined(__SANITIZE_ADDRESS__)
	expect_oom(huge_malloc, "xmalloc refused by malloc");
#endif

	/* The buffer's contract: always a C string, detach empties it. */
	EQ_STR(buf_str(&b), "", "an empty buffer reads as \"\"");
	buf_printf(&b, "%s-%d", "q", 4);
	BUF_LIT(&b, "\xc3\xa9");
	buf_putc(&b, '!');
	EQ_STR(buf_str(&b), "q-4\xc3\xa9!", "put, printf, literal, putc");
	CHECK(b.len == 6, "len counts bytes, not the NUL (%zu)", b.len);
	s = buf_detach(&b);
	EQ_STR(s, "q-4\xc3\xa9!", "detach hands over the contents");
	EQ_STR(buf_str(&b), "", "and leaves the buffer empty");
	free(s);
	s = xasprintf("%s %03d", "x", 7);
	EQ_STR(s, "x 007", "xasprintf");
	free(s);
	utf8_cases();
	uc_cases();
	lower_cases();
	return unit_failed;
}
