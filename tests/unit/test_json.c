/*
 * test_json.c -- the streaming JSON writer (lib/json.c): exact text
 * for the separators, breaks and escapes the site's files rely on, and
 * every document read back by jansson.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lib/lib.h"
#include "lib/json.h"
#include "unit.h"

/* Whether jansson reads s as one JSON document. */
static int
valid(const char *s)
{
	json_error_t	 e;
	json_t		*v;

	v = json_loads(s, JSON_DECODE_ANY, &e);
	if (v == NULL)
		printf("  jansson: %s (line %d, column %d)\n", e.text, e.line,
		    e.column);
	json_decref(v);
	return v != NULL;
}

static void
test_values(void)
{
	struct buf	 b = { 0 };
	struct jw	 j;

	jw_init(&j, &b);
	jw_obj_begin(&j);
	jw_key(&j, "s");
	jw_str(&j, "a\"b\\c\nd\te\r<f>\xe2\x80\xa8");
	jw_key(&j, "null");
	jw_str(&j, NULL);
	jw_key(&j, "n");
	jw_strn(&j, "xyz", 2);
	jw_key(&j, "i");
	jw_int(&j, LLONG_MIN);
	jw_key(&j, "t");
	jw_bool(&j, 1);
	jw_key(&j, "f");
	jw_bool(&j, 0);
	jw_key(&j, "z");
	jw_null(&j);
	jw_obj_end(&j);
	EQ_STR(buf_str(&b), "{\"s\": \"a\\\"b\\\\c\\nd\\te\\r\\u003cf>"
	    "\\u2028\", \"null\": null, \"n\": \"xy\", \"i\": "
	    "-9223372036854775808, \"t\": true, \"f\": false, \"z\": null}",
	    "scalars: escapes, null string, separators");
	CHECK(valid(buf_str(&b)), "scalars: jansson reads it");

	buf_reset(&b);
	jw_init(&j, &b);
	jw_arr_begin(&j);
	jw_num(&j, 0.1);
	jw_num(&j, 5);
	jw_num(&j, -2.5e-300);
	jw_num(&j, 1e300 * 1e300);
	jw_num(&j, NAN);
	jw_arr_end(&j);
	EQ_STR(buf_str(&b), "[0.1, 5, -2.5e-300, null, null]",
	    "numbers: shortest form, non-finite as null");
	CHECK(valid(buf_str(&b)), "numbers: jansson reads them");

	buf_reset(&b);
	jw_init(&j, &b);
	jw_str(&j, "top");
	EQ_STR(buf_str(&b), "\"top\"", "a lone value at the top");
	buf_free(&b);
}

static void
test_nesting(void)
{
	struct buf	 b = { 0 };
	struct jw	 j;

	jw_init(&j, &b);
	jw_obj_begin(&j);
	jw_key(&j, "a");
	jw_arr_begin(&j);
	jw_arr_end(&j);
	jw_key(&j, "o");
	jw_obj_begin(&j);
	jw_obj_end(&j);
	jw_key(&j, "l");
	jw_arr_begin(&j);
	jw_obj_begin(&j);
	jw_key(&j, "x");
	jw_arr_begin(&j);
	jw_int(&j, 1);
	jw_arr_begin(&j);
	jw_arr_end(&j);
	jw_arr_end(&j);
	jw_obj_end(&j);
	jw_obj_begin(&j);
	jw_obj_end(&j);
	jw_arr_end(&j);
	jw_obj_end(&j);
	EQ_STR(buf_str(&b), "{\"a\": [], \"o\": {}, \"l\": [{\"x\": [1, []]}, "
	    "{}]}", "nesting: empty and nested containers");
	CHECK(valid(buf_str(&b)), "nesting: jansson reads it");
	CHECK(j.depth == 0, "nesting: balanced");
	buf_free(&b);
}

/* The layout of the site's downloads: breaks before members and ends. */
static void
test_breaks(void)
{
	struct buf	 b = { 0 };
	struct jw	 j;
	int		 i;

	jw_init(&j, &b);
	jw_obj_begin(&j);
	jw_break(&j, "\n");
	jw_key(&j, "meta");
	jw_obj_begin(&j);
	jw_key(&j, "k");
	jw_int(&j, 5);
	jw_obj_end(&j);
	jw_break(&j, "\n");
	jw_key(&j, "cols");
	jw_arr_begin(&j);
	for (i = 0; i < 2; i++) {
		jw_break(&j, "\n  ");
		jw_obj_begin(&j);
		jw_key(&j, "n");
		jw_int(&j, i);
		jw_obj_end(&j);
	}
	jw_arr_end(&j);
	jw_break(&j, "\n");
	jw_key(&j, "none");
	jw_arr_begin(&j);
	jw_break(&j, "\n");
	jw_arr_end(&j);
	jw_obj_end(&j);
	EQ_STR(buf_str(&b), "{\n\"meta\": {\"k\": 5},\n\"cols\": [\n  {\"n\": "
	    "0},\n  {\"n\": 1}],\n\"none\": [\n]}",
	    "breaks: before members, first included, and before an end");
	CHECK(valid(buf_str(&b)), "breaks: jansson reads it");
	buf_free(&b);
}

/* Streaming: the caller flushes and resets the buffer between items. */
static void
test_streaming(void)
{
	struct buf	 b = { 0 }, file = { 0 };
	struct jw	 j;
	int		 i;

	jw_init(&j, &b);
	jw_obj_begin(&j);
	jw_key(&j, "records");
	jw_arr_begin(&j);
	for (i = 0; i < 3; i++) {
		buf_put(&file, b.data, b.len);
		buf_reset(&b);
		jw_break(&j, "\n");
		jw_obj_begin(&j);
		jw_key(&j, "no");
		jw_int(&j, i + 1);
		jw_obj_end(&j);
	}
	jw_break(&j, "\n");
	jw_arr_end(&j);
	jw_obj_end(&j);
	buf_put(&file, b.data, b.len);
	EQ_STR(buf_str(&file), "{\"records\": [\n{\"no\": 1},\n{\"no\": 2},\n"
	    "{\"no\": 3}\n]}", "streaming: the writer keeps its place");
	CHECK(valid(buf_str(&file)), "streaming: jansson reads it");
	buf_free(&b);
	buf_free(&file);
}

/* One record's line of a record index (as tables.c writes it). */
static void
record(struct jw *j, int no)
{
	jw_break(j, "\n");
	jw_obj_begin(j);
	jw_key(j, "ref");
	jw_str(j, "2025Q1-I-0001");
	jw_key(j, "no");
	jw_int(j, no);
	jw_key(j, "cells");
	jw_arr_begin(j);
	jw_str(j, "«текст» \"x\"");
	jw_arr_end(j);
	jw_obj_end(j);
}

/* A rebuild copies a record's value from the last file (its line, less
 * the comma that begins the next): the same document. */
static void
test_copy(void)
{
	struct buf	 made = { 0 }, copied = { 0 }, line = { 0 };
	struct jw	 j;
	const char	*nl, *s;
	int		 i;

	jw_init(&j, &made);
	jw_obj_begin(&j);
	jw_key(&j, "records");
	jw_arr_begin(&j);
	for (i = 1; i <= 3; i++)
		record(&j, i);
	jw_break(&j, "\n");
	jw_arr_end(&j);
	jw_obj_end(&j);

	/* Line 2 of the made file is record 2's, ending in a comma. */
	s = strchr(buf_str(&made), '\n') + 1;
	s = strchr(s, '\n') + 1;
	nl = strchr(s, '\n');
	buf_put(&line, s, (size_t)(nl - s));
	CHECK(line.len > 0 && line.data[line.len - 1] == ',',
	    "copy: a record's line ends with the next one's comma");
	line.data[--line.len] = '\0';

	jw_init(&j, &copied);
	jw_obj_begin(&j);
	jw_key(&j, "records");
	jw_arr_begin(&j);
	record(&j, 1);
	jw_break(&j, "\n");
	jw_copy(&j, line.data, line.len);
	record(&j, 3);
	jw_break(&j, "\n");
	jw_arr_end(&j);
	jw_obj_end(&j);
	EQ_STR(buf_str(&copied), buf_str(&made),
	    "copy: a value copied is written as made, with its separators");
	CHECK(valid(buf_str(&copied)), "copy: jansson reads it");

	/* First in its array: no comma before it. */
	buf_reset(&copied);
	jw_init(&j, &copied);
	jw_arr_begin(&j);
	jw_copy(&j, "{\"a\": 1}", 8);
	jw_int(&j, 2);
	jw_arr_end(&j);
	EQ_STR(buf_str(&copied), "[{\"a\": 1}, 2]",
	    "copy: the first member, then a separator after it");
	buf_free(&made);
	buf_free(&copied);
	buf_free(&line);
}

int
main(void)
{
	test_values();
	test_nesting();
	test_breaks();
	test_streaming();
	test_copy();
	return unit_failed;
}
