/*
 * fuzz_scrub.c -- scrub arbitrary bytes.
 *
 * The lexicon is content/scrub under $TOP (or the current directory),
 * the dictionaries where scrub_new looks.  The first byte picks the
 * markers: Kazakh, Russian, or
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
 *   - the input cut in two at its second byte's place and scrubbed as
 *     one record (scrub_record): valid UTF-8 out, every span within
 *     its field, in order, not overlapping.
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
    "[№]", "[УАҚЫТ]", "[ЖЕР]", "[ҰЙЫМ]" };
static const char *const ru[SCRUB__MAX] = { "[ФИО]", "[ИИН]", "[ТЕЛ]",
    "[E-MAIL]", "[ССЫЛКА]", "[ДАТА]", "[ВОЗРАСТ]", "[АДРЕС]", "[№]",
    "[ВРЕМЯ]", "[МЕСТО]", "[ОРГАНИЗАЦИЯ]" };
static const char *const empty[SCRUB__MAX] = { "", "", "", "", "", "", "",
    "", "", "", "", "" };

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

/* scrub_record: each field's spans in order, within the field. */
struct rseen {
	const struct scrub_field *f;
	size_t		 field, end;
};

static void
on_rspan(void *arg, size_t field, const struct scrub_span *sp,
    const char *text)
{
	struct rseen	*r = arg;

	if (field != r->field) {
		if (field < r->field)
			abort();
		r->field = field;
		r->end = 0;
	}
	if (text != r->f[field].s || sp->len == 0 || sp->off < r->end ||
	    sp->off + sp->len > r->f[field].len ||
	    (unsigned)sp->type >= SCRUB__MAX)
		abort();
	r->end = sp->off + sp->len;
}

static void
record(const struct scrubber *scr, const char *in, size_t size)
{
	struct scrub_field f[2];
	struct rseen	 r = { f, 0, 0 };
	struct buf	 o[2] = { { 0 }, { 0 } };
	size_t		 cut = size > 1 ? (unsigned char)in[1] % size : 0;

	memset(f, 0, sizeof(f));
	f[0].s = in;
	f[0].len = cut;
	f[0].markers = kk;
	f[0].out = &o[0];
	f[1].s = in + cut;
	f[1].len = size - cut;
	f[1].markers = ru;
	f[1].out = &o[1];
	scrub_record(scr, f, 2, on_rspan, &r);
	if (!utf8_valid(o[0].data, o[0].len) ||
	    !utf8_valid(o[1].data, o[1].len))
		abort();
	buf_free(&o[0]);
	buf_free(&o[1]);
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

		path = xasprintf("%s/content/scrub", top ? top : ".");
		if ((scr = scrub_new(path, getenv("REGSITE_HUNSPELL"))) ==
		    NULL) {
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
	record(scr, in, size);
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
