/*
 * fuzz_mustache.c -- compile and render arbitrary template bytes.
 *
 * The input up to its first NUL is the template (also the partial
 * "self"); what follows is the partial "rest", NUL bytes included.  The
 * context is small and fixed: text, trusted HTML (which raw tags
 * write; on anything else they fail), booleans, null, lists, maps.  Its lists' items hide every list name
 * ("l", "w") so that nested sections and self-recursion end after a few
 * levels instead of multiplying: the fuzzer looks for memory errors,
 * not for templates that are merely expensive.
 *
 * Property: rendering is deterministic and leaves the context alone, so
 * a second render gives the same result.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "render/mustache.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct mval *ctx, *partials;

static void
setup(void)
{
	struct mval	*m, *l, *item;
	int		 i;

	ctx = mv_map();
	mv_sets(ctx, "s", "a<b&\"c'd");
	mv_set(ctx, "h", mv_html("<b>x</b>&amp;"));
	mv_sets(ctx, "n", "42");
	mv_sets(ctx, "e", "");
	mv_set(ctx, "t", mv_bool(1));
	mv_set(ctx, "f", mv_bool(0));
	mv_set(ctx, "z", mv_null());
	mv_set(ctx, "el", mv_list());
	m = mv_set(ctx, "m", mv_map());
	mv_sets(m, "x", "1");
	mv_set(m, "h", mv_html("<i>y</i>"));
	mv_sets(mv_set(m, "y", mv_map()), "z", "deep");
	l = mv_set(ctx, "l", mv_list());
	for (i = 0; i < 2; i++) {
		item = mv_push(l, mv_map());
		mv_set(item, "v", mv_strf("%d", i));
		mv_set(item, "l", mv_list());
		mv_set(item, "w", mv_list());
	}
	mv_push(mv_set(ctx, "w", mv_list()), mv_str("only\nline"));
	m = mv_set(ctx, "c", mv_map());
	mv_sets(m, "k", "v");
	mv_strict(m, "catalog key");

	partials = mv_map();
	mv_sets(partials, "p", "<{{s}}>\n  {{#l}}{{v}}{{/l}}\n");
	mv_sets(partials, "loop", "{{>loop}}");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf	 a = { 0 }, b = { 0 };
	const char	*nul;
	char		*src;
	size_t		 n;
	int		 ra, rb;

	if (ctx == NULL)
		setup();
	nul = memchr(data, '\0', size);
	n = nul ? (size_t)(nul - (const char *)data) : size;
	src = xstrndup((const char *)data, n);
	mv_set(partials, "self", mv_str(src));
	if (nul != NULL)
		mv_set(partials, "rest", mv_strn(nul + 1, size - n - 1));
	else
		mv_set(partials, "rest", mv_str(""));

	ra = tmpl_render_str("fuzz", src, ctx, partials, &a);
	rb = tmpl_render_str("fuzz", src, ctx, partials, &b);
	if (ra != rb || (ra == 0 && (a.len != b.len ||
	    memcmp(buf_str(&a), buf_str(&b), a.len) != 0)))
		abort();
	buf_free(&a);
	buf_free(&b);
	free(src);
	return 0;
}
