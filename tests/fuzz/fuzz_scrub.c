/*
 * fuzz_scrub.c -- scrub arbitrary bytes.
 *
 * The allowlist is content/allowlist.txt under $TOP (or the current
 * directory).  The first byte picks the markers: Kazakh, Russian, or
 * empty ones -- deleting what is masked joins its neighbours, so later
 * passes find more and the fix-point loop in scrub_text has to map
 * their spans back onto the input.  Properties:
 *   - the output is valid UTF-8;
 *   - the spans given to the callback are within the input, in order,
 *     not overlapping, as many as scrub_text returns;
 *   - the output is the input with exactly those spans replaced by
 *     their markers (and malformed bytes by U+FFFD);
 *   - with real markers, scrubbing is idempotent: the output scrubbed
 *     again is the same and has no replacements.  (Empty markers are no
 *     real use: each deletion may join a new "ИБ" and number, one pass
 *     at a time, past any bound on the passes.)
 * Run with the dictionary:
 *   build/fuzz/fuzz_scrub -dict=tests/fuzz/fuzz_scrub.dict \
 *       tests/fuzz/corpus_scrub
 * To see whether one pass is idempotent by itself, build with MAXPASS 1
 * in scrub.c (tests/unit/test_scrub.c keeps its findings).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "privacy/scrub.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const kk[SCRUB__MAX] = { "[АТЫ-ЖӨНІ]", "[ЖСН]",
    "[ТЕЛ]", "[E-MAIL]", "[СІЛТЕМЕ]", "[КҮНІ]", "[ЖАСЫ]", "[МЕКЕНЖАЙ]",
    "[№]" };
static const char *const ru[SCRUB__MAX] = { "[ФИО]", "[ИИН]", "[ТЕЛ]",
    "[E-MAIL]", "[ССЫЛКА]", "[ДАТА]", "[ВОЗРАСТ]", "[АДРЕС]", "[№]" };
static const char *const empty[SCRUB__MAX] = { "", "", "", "", "", "", "",
    "", "" };

struct seen {
	size_t		 size;
	size_t		 n;
	size_t		 end;	/* the previous span's end */
	struct scrub_span sp[4096];
};

static void
on_span(void *arg, const struct scrub_span *sp, const char *text)
{
	struct seen	*s = arg;

	(void)text;
	if (sp->len == 0 || sp->off < s->end || sp->off + sp->len > s->size ||
	    (unsigned)sp->type >= SCRUB__MAX)
		abort();
	s->end = sp->off + sp->len;
	if (s->n < sizeof(s->sp) / sizeof(s->sp[0]))
		s->sp[s->n] = *sp;
	s->n++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct scrubber *scr;
	const char *const *mk = size == 0 || data[0] % 3 == 0 ? ru :
	    data[0] % 3 == 1 ? kk : empty;
	static struct seen s;
	struct buf	 a = { 0 }, b = { 0 }, want = { 0 };
	const char	*p, *e, *in = (const char *)data;
	size_t		 n, i, pos;

	if (scr == NULL) {
		const char	*top = getenv("TOP");
		char		*path;

		path = xasprintf("%s/content/allowlist.txt", top ? top : ".");
		if ((scr = scrub_new(path)) == NULL) {
			fprintf(stderr, "fuzz_scrub: %s\n", rs_errmsg());
			abort();
		}
		free(path);
	}
	memset(&s, 0, sizeof(s));
	s.size = size;
	n = scrub_text(scr, in, size, mk, &a, on_span, &s);
	if (n != s.n || !utf8_valid(a.data, a.len))
		abort();
	/* The input, the spans replaced, malformed bytes as U+FFFD. */
	if (n <= sizeof(s.sp) / sizeof(s.sp[0])) {
		for (i = 0, pos = 0; i <= n; i++) {
			p = in + pos;
			e = in + (i < n ? s.sp[i].off : size);
			while (p < e)
				utf8_put(&want, utf8_next(&p, e));
			if (i < n) {
				buf_puts(&want, mk[s.sp[i].type]);
				pos = s.sp[i].off + s.sp[i].len;
			}
		}
		if (want.len != a.len || (a.len > 0 &&
		    memcmp(want.data, a.data, a.len) != 0))
			abort();
	}
	buf_free(&want);
	if (mk == empty)
		goto out;
	if (scrub_text(scr, a.data, a.len, mk, &b, NULL, NULL) != 0 ||
	    a.len != b.len || memcmp(a.data, b.data, a.len) != 0) {
		fprintf(stderr, "not idempotent:\n[%.*s]\n[%.*s]\n",
		    (int)a.len, a.data, (int)b.len, b.data);
		abort();
	}
out:
	buf_free(&a);
	buf_free(&b);
	return 0;
}
