/*
 * json.c -- the streaming JSON writer (json.h).  The writer keeps only
 * its position: which containers are open, how many members each has,
 * whether a key awaits its value.  Text is appended to the caller's
 * buffer, so a long document streams into a file a record at a time.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/escape.h"
#include "lib/json.h"

void
jw_init(struct jw *j, struct buf *out)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
}

/*
 * Before a value or a key: the comma and whitespace that separate it
 * from the previous member.  A value after its key needs nothing.
 */
static void
sep(struct jw *j, int is_key)
{
	size_t	 d = j->depth;

	if (j->key) {
		assert(!is_key);
		j->key = 0;
		return;
	}
	if (d == 0)
		return;
	/* In an object a value comes after its key, never alone. */
	assert(j->obj[d - 1] == is_key);
	if (j->n[d - 1] > 0)
		buf_putc(j->out, ',');
	if (j->brk != NULL)
		buf_puts(j->out, j->brk);
	else if (j->n[d - 1] > 0)
		buf_putc(j->out, ' ');
	j->brk = NULL;
	j->n[d - 1]++;
}

static void
begin(struct jw *j, int obj)
{
	sep(j, 0);
	assert(j->depth < JW_DEPTH);
	buf_putc(j->out, obj ? '{' : '[');
	j->obj[j->depth] = (unsigned char)obj;
	j->n[j->depth] = 0;
	j->depth++;
}

static void
end(struct jw *j, int obj)
{
	assert(j->depth > 0 && j->obj[j->depth - 1] == obj && !j->key);
	if (j->brk != NULL)
		buf_puts(j->out, j->brk);
	j->brk = NULL;
	j->depth--;
	buf_putc(j->out, obj ? '}' : ']');
}

void
jw_obj_begin(struct jw *j)
{
	begin(j, 1);
}

void
jw_obj_end(struct jw *j)
{
	end(j, 1);
}

void
jw_arr_begin(struct jw *j)
{
	begin(j, 0);
}

void
jw_arr_end(struct jw *j)
{
	end(j, 0);
}

void
jw_key(struct jw *j, const char *k)
{
	assert(j->depth > 0);
	sep(j, 1);
	esc_jsonq(j->out, k);
	BUF_LIT(j->out, ": ");
	j->key = 1;
}

void
jw_strn(struct jw *j, const char *s, size_t len)
{
	sep(j, 0);
	buf_putc(j->out, '"');
	esc_json(j->out, s, len);
	buf_putc(j->out, '"');
}

void
jw_str(struct jw *j, const char *s)
{
	if (s == NULL)
		jw_null(j);
	else
		jw_strn(j, s, strlen(s));
}

void
jw_int(struct jw *j, long long n)
{
	sep(j, 0);
	buf_printf(j->out, "%lld", n);
}

void
jw_num(struct jw *j, double d)
{
	char	 s[32];
	int	 prec;

	if (!isfinite(d)) {
		jw_null(j);
		return;
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(s, sizeof(s), "%.*g", prec, d);
		if (strtod(s, NULL) == d)
			break;
	}
	sep(j, 0);
	buf_puts(j->out, s);
}

void
jw_bool(struct jw *j, int b)
{
	sep(j, 0);
	buf_puts(j->out, b ? "true" : "false");
}

void
jw_null(struct jw *j)
{
	sep(j, 0);
	BUF_LIT(j->out, "null");
}

void
jw_copy(struct jw *j, const char *s, size_t len)
{
	sep(j, 0);
	buf_put(j->out, s, len);
}

void
jw_break(struct jw *j, const char *ws)
{
	j->brk = ws;
}
