/*
 * fuzz_scrub.c -- scrub arbitrary bytes.
 *
 * The allowlist is content/allowlist.txt under $TOP (or the current
 * directory).  An odd first byte picks the Kazakh markers, else the
 * Russian ones.  Properties:
 *   - the output is valid UTF-8;
 *   - the spans given to the callback are within the input, in order,
 *     not overlapping, as many as scrub_text returns;
 *   - scrubbing is idempotent: the output scrubbed again is the same
 *     and has no replacements.
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

#include "extern.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const kk[SCRUB__MAX] = { "[АТЫ-ЖӨНІ]", "[ЖСН]",
    "[ТЕЛ]", "[E-MAIL]", "[СІЛТЕМЕ]", "[КҮНІ]", "[ЖАСЫ]", "[МЕКЕНЖАЙ]",
    "[№]" };
static const char *const ru[SCRUB__MAX] = { "[ФИО]", "[ИИН]", "[ТЕЛ]",
    "[E-MAIL]", "[ССЫЛКА]", "[ДАТА]", "[ВОЗРАСТ]", "[АДРЕС]", "[№]" };

struct seen {
	size_t		 size;
	size_t		 n;
	size_t		 end;	/* the previous span's end */
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
	s->n++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct scrubber *scr;
	const char *const *mk = size > 0 && (data[0] & 1) ? kk : ru;
	struct buf	 a = { 0 }, b = { 0 };
	struct seen	 s = { 0 };
	size_t		 n;

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
	s.size = size;
	n = scrub_text(scr, (const char *)data, size, mk, &a, on_span, &s);
	if (n != s.n || !utf8_valid(a.data, a.len))
		abort();
	if (scrub_text(scr, a.data, a.len, mk, &b, NULL, NULL) != 0 ||
	    a.len != b.len || memcmp(a.data, b.data, a.len) != 0) {
		fprintf(stderr, "not idempotent:\n[%.*s]\n[%.*s]\n",
		    (int)a.len, a.data, (int)b.len, b.data);
		abort();
	}
	buf_free(&a);
	buf_free(&b);
	return 0;
}
