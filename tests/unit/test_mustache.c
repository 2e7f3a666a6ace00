/*
 * test_mustache.c -- the template engine against the Mustache
 * specification's tests (tests/mustache-spec/, read from $TOP or
 * argv[1]), then its error messages, strict maps, trusted HTML,
 * template sets and the value tree.
 *
 * The specification's triple mustaches and ampersands write strings
 * raw; here they write only trusted HTML (mv_html).  A test using them
 * runs with its strings made trusted, and again with plain text, which
 * must fail with "needs trusted HTML" wherever a string reaches such a
 * tag.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "lib/lib.h"
#include "render/mustache.h"
#include "unit.h"

/*
 * The shortest "%.*g" of d that reads back as d: 1.21 gives "1.21",
 * not "1.2100000000000000". Returns a static buffer.
 */
static const char *
fmt_real(double d)
{
	static char	 s[64];
	int		 prec;

	for (prec = 1; prec <= 17; prec++) {
		snprintf(s, sizeof(s), "%.*g", prec, d);
		if (strtod(s, NULL) == d)
			break;
	}
	return s;
}

/*
 * The mval tree of a JSON value, its strings text or (trusted) trusted
 * HTML; the caller frees it with mv_free.
 */
static struct mval *
from_json(json_t *j, int trusted)
{
	struct mval	*v;
	const char	*key;
	json_t		*x;
	size_t		 i;
	char		 num[32];

	switch (json_typeof(j)) {
	case JSON_OBJECT:
		v = mv_map();
		json_object_foreach(j, key, x)
			mv_set(v, key, from_json(x, trusted));
		return v;
	case JSON_ARRAY:
		v = mv_list();
		json_array_foreach(j, i, x)
			mv_push(v, from_json(x, trusted));
		return v;
	case JSON_STRING:
		return (trusted ? mv_htmln : mv_strn)(json_string_value(j),
		    json_string_length(j));
	case JSON_INTEGER:
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(j));
		return (trusted ? mv_html : mv_str)(num);
	case JSON_REAL:
		return (trusted ? mv_html : mv_str)(fmt_real(
		    json_real_value(j)));
	case JSON_TRUE:
		return mv_bool(1);
	case JSON_FALSE:
		return mv_bool(0);
	default:
		return mv_null();
	}
}

/* Print s on one line with its control characters made visible. */
static void
dump(const char *label, const char *s)
{
	printf("  %-9s[", label);
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			printf("\\n");
		else if (*s == '\r')
			printf("\\r");
		else if (*s == '\t')
			printf("\\t");
		else
			putchar(*s);
	}
	printf("]\n");
}

/* Whether a test's template or partials have a raw tag. */
static int
uses_raw(json_t *t)
{
	const char	*key, *s;
	json_t		*p;

	s = json_string_value(json_object_get(t, "template"));
	if (strstr(s, "{{{") || strstr(s, "{{&"))
		return 1;
	json_object_foreach(json_object_get(t, "partials"), key, p) {
		s = json_string_value(p);
		if (strstr(s, "{{{") || strstr(s, "{{&"))
			return 1;
	}
	return 0;
}

/* Run every test of TOP/tests/mustache-spec/FILE.json. */
static void
run_spec(const char *top, const char *file)
{
	json_t		*root, *tests, *t, *jp;
	json_error_t	 jerr;
	struct mval	*ctx, *partials;
	struct buf	 out = { 0 };
	char		*path;
	const char	*name, *tmpl, *want;
	size_t		 i;
	int		 rc, same, raw;

	path = xasprintf("%s/tests/mustache-spec/%s.json", top, file);
	root = json_load_file(path, 0, &jerr);
	CHECK(root != NULL, "%s: load %s", file, path);
	free(path);
	if (root == NULL) {
		printf("  %s\n", jerr.text);
		return;
	}
	tests = json_object_get(root, "tests");
	CHECK(json_array_size(tests) > 0, "%s: has tests", file);
	json_array_foreach(tests, i, t) {
		name = json_string_value(json_object_get(t, "name"));
		tmpl = json_string_value(json_object_get(t, "template"));
		want = json_string_value(json_object_get(t, "expected"));
		raw = uses_raw(t);
		ctx = from_json(json_object_get(t, "data"), raw);
		jp = json_object_get(t, "partials");
		partials = jp ? from_json(jp, 0) : NULL;
		buf_reset(&out);
		rc = tmpl_render_str(name, tmpl, ctx, partials, &out);
		same = rc == 0 && strcmp(buf_str(&out), want) == 0;
		CHECK(same, "%s: %s", file, name);
		if (!same) {
			dump("template:", tmpl);
			dump("expected:", want);
			if (rc == 0)
				dump("got:", buf_str(&out));
			else
				dump("error:", rs_errmsg());
		}
		mv_free(ctx);
		if (raw) {
			/* Plain text must not pass through a raw tag. */
			ctx = from_json(json_object_get(t, "data"), 0);
			buf_reset(&out);
			rc = tmpl_render_str(name, tmpl, ctx, partials, &out);
			same = rc == 0 ? strcmp(buf_str(&out), want) == 0 :
			    strstr(rs_errmsg(), " needs trusted HTML, '") != NULL;
			CHECK(same, "%s: %s, with text: %s", file, name,
			    rc == 0 ? "no text reaches a raw tag" :
			    "refused");
			if (!same)
				dump(rc == 0 ? "got:" : "error:", rc == 0 ?
				    buf_str(&out) : rs_errmsg());
			mv_free(ctx);
		}
		mv_free(partials);
	}
	buf_free(&out);
	json_decref(root);
}

/*
 * Render src with ctx and partials; the output, or "ERROR: message".
 * Returns a static buffer's contents.
 */
static const char *
render(const char *src, const struct mval *ctx, const struct mval *partials)
{
	static struct buf out;

	buf_reset(&out);
	if (tmpl_render_str("templates/page.html", src, ctx, partials,
	    &out) == -1) {
		buf_reset(&out);
		buf_printf(&out, "ERROR: %s", rs_errmsg());
	}
	return buf_str(&out);
}

static void
test_errors(void)
{
	struct mval	*ctx, *partials;
	struct buf	 b = { 0 };
	int		 i;

	ctx = mv_map();
	EQ_STR(render("a\nb\n{{#y}}{{/x}}{{/y}}", ctx, NULL),
	    "ERROR: templates/page.html:3: unexpected closing tag 'x' "
	    "(open section is 'y')", "error: closing tag of another section");
	EQ_STR(render("a\n{{/x}}", ctx, NULL),
	    "ERROR: templates/page.html:2: unexpected closing tag 'x'",
	    "error: closing tag with no open section");
	EQ_STR(render("1\n2\n3\n{{#a}}\n{{/a}} {{b}\n6", ctx, NULL),
	    "ERROR: templates/page.html:5: unclosed tag",
	    "error: unclosed tag");
	EQ_STR(render("{{{b}}", ctx, NULL),
	    "ERROR: templates/page.html:1: unclosed tag",
	    "error: unclosed triple mustache");
	EQ_STR(render("1\n{{=<% =}}", ctx, NULL),
	    "ERROR: templates/page.html:2: invalid delimiters '<%'",
	    "error: one delimiter");
	EQ_STR(render("1\n{{=<% %> x=}}", ctx, NULL),
	    "ERROR: templates/page.html:2: invalid delimiters '<% %> x'",
	    "error: three delimiters");
	EQ_STR(render("{{#a}}\n{{#rows}}\n{{/a}}", ctx, NULL),
	    "ERROR: templates/page.html:3: unexpected closing tag 'a' "
	    "(open section is 'rows')", "error: crossed sections");
	EQ_STR(render("x\n{{#a}}\n{{^rows}}\n", ctx, NULL),
	    "ERROR: templates/page.html:3: unclosed section 'rows'",
	    "error: unclosed inverted section");
	EQ_STR(render("{{ }}", ctx, NULL),
	    "ERROR: templates/page.html:1: empty tag", "error: empty tag");
	EQ_STR(render("{{a b}}", ctx, NULL),
	    "ERROR: templates/page.html:1: invalid name 'a b'",
	    "error: blank in a name");
	EQ_STR(render("\n{{#a..b}}{{/a..b}}", ctx, NULL),
	    "ERROR: templates/page.html:2: invalid name 'a..b'",
	    "error: empty dotted part");

	buf_reset(&b);
	for (i = 0; i < 101; i++)
		BUF_LIT(&b, "{{#a}}");
	EQ_STR(render(buf_str(&b), ctx, NULL),
	    "ERROR: templates/page.html:1: sections nested too deeply "
	    "(more than 100 levels)", "error: section nesting limit");

	/* Recursion that never ends stops at the depth limit. */
	partials = mv_map();
	mv_sets(partials, "loop", "x\n{{>loop}}");
	EQ_STR(render("{{>loop}}", ctx, partials),
	    "ERROR: loop:2: partial 'loop' nested too deeply "
	    "(more than 64 levels)", "error: endless partial recursion");
	/* The spec's behaviour for a partial missing from the map. */
	EQ_STR(render("[{{>nav}}]", ctx, partials), "[]",
	    "string templates render a missing partial as nothing");
	mv_set(partials, "bad", mv_list());
	EQ_STR(render("x", ctx, partials),
	    "ERROR: templates/page.html: partial 'bad' is not a string",
	    "error: a partial that is not a string");
	mv_free(partials);

	/* A failed render leaves the output as it was. */
	buf_reset(&b);
	BUF_LIT(&b, "keep");
	CHECK(tmpl_render_str("t", "abc{{#a}}", ctx, NULL, &b) == -1 &&
	    strcmp(buf_str(&b), "keep") == 0, "failed render appends nothing");
	mv_set(ctx, "t", mv_map());
	mv_strict(mv_get(ctx, "t"), "catalog key");
	CHECK(tmpl_render_str("t", "abc{{t.x}}def", ctx, NULL, &b) == -1 &&
	    strcmp(buf_str(&b), "keep") == 0,
	    "failed render (at render time) appends nothing");
	buf_free(&b);
	mv_free(ctx);
}

static void
test_strict(void)
{
	struct mval	*ctx, *t;

	ctx = mv_map();
	mv_sets(ctx, "title", "Title");
	t = mv_set(ctx, "t", mv_map());
	mv_sets(t, "a", "Alpha");
	mv_set(t, "sub", mv_map());
	mv_strict(t, "catalog key");

	EQ_STR(render("{{t.a}}", ctx, NULL), "Alpha", "strict: known key");
	EQ_STR(render("x\n{{t.a}}\n{{t.missing}}", ctx, NULL),
	    "ERROR: templates/page.html:3: unknown catalog key 'missing'",
	    "strict: {{t.missing}}");
	EQ_STR(render("{{#t.missing}}x{{/t.missing}}", ctx, NULL),
	    "ERROR: templates/page.html:1: unknown catalog key 'missing'",
	    "strict: section on a missing key");
	EQ_STR(render("{{^t.missing}}x{{/t.missing}}", ctx, NULL),
	    "ERROR: templates/page.html:1: unknown catalog key 'missing'",
	    "strict: inverted section on a missing key");
	EQ_STR(render("{{#t}}{{a}} {{title}}{{/t}}", ctx, NULL),
	    "Alpha Title", "strict: outer contexts still reachable");
	EQ_STR(render("{{#t}}\n{{nokey}}{{/t}}", ctx, NULL),
	    "ERROR: templates/page.html:2: unknown catalog key 'nokey'",
	    "strict: a key found in no context");
	EQ_STR(render("[{{t.sub.x}}][{{nokey}}]", ctx, NULL), "[][]",
	    "strict: maps below and beside it are not strict");
	mv_free(ctx);
}

static void
test_values(void)
{
	struct mval	*ctx, *big, *l;
	char		 key[32], want[32];
	int		 i, found;

	ctx = mv_map();
	mv_sets(ctx, "s", "<a href=\"x\">'&");
	mv_sets(ctx, "e", "");
	mv_set(ctx, "n", mv_str(NULL));
	mv_set(ctx, "yes", mv_bool(1));
	mv_set(ctx, "no", mv_bool(0));
	mv_set(ctx, "f", mv_strf("%d-%s", 42, "x"));
	mv_set(ctx, "m", mv_map());
	l = mv_set(ctx, "l", mv_list());
	mv_push(l, mv_str("a"));
	mv_push(l, mv_str("b"));

	EQ_STR(render("{{s}}", ctx, NULL),
	    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;", "escaped interpolation");
	mv_set(ctx, "h", mv_html("<a href=\"x\">'&"));
	EQ_STR(render("{{{h}}}{{&h}}", ctx, NULL),
	    "<a href=\"x\">'&<a href=\"x\">'&",
	    "raw interpolation of trusted HTML");
	EQ_STR(render("[{{#e}}y{{/e}}{{^e}}n{{/e}}]", ctx, NULL), "[n]",
	    "empty string is falsey");
	EQ_STR(render("[{{n}}{{#n}}y{{/n}}{{^n}}n{{/n}}]", ctx, NULL), "[n]",
	    "mv_str(NULL) is null");
	EQ_STR(render("{{yes}} {{no}}", ctx, NULL), "true false",
	    "booleans interpolate as true/false");
	EQ_STR(render("{{f}}", ctx, NULL), "42-x", "mv_strf");
	EQ_STR(render("[{{m}}{{l}}][{{#m}}map{{/m}}]", ctx, NULL), "[][map]",
	    "maps and lists interpolate as nothing; an empty map is truthy");
	EQ_STR(render("{{#l}}{{.}}{{#yes}}!{{/yes}}{{/l}}", ctx, NULL),
	    "a!b!", "list iteration with parent lookup");

	mv_sets(ctx, "s", "first");
	mv_sets(ctx, "s", "second");
	EQ_STR(render("{{s}}", ctx, NULL), "second", "mv_set replaces");
	CHECK(mv_get(ctx, "nope") == NULL, "mv_get: missing key");
	CHECK(mv_get(l, "a") == NULL, "mv_get: not a map");
	CHECK(mv_get(NULL, "a") == NULL, "mv_get: NULL");

	/* A catalog-sized map: hashed lookups, replacement. */
	big = mv_set(ctx, "big", mv_map());
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		mv_set(big, key, mv_strf("v%d", i));
	}
	for (i = 0; i < 1000; i += 7) {
		snprintf(key, sizeof(key), "k%d", i);
		mv_set(big, key, mv_strf("w%d", i));
	}
	found = 1;
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		if (mv_get(big, key) == NULL)
			found = 0;
	}
	CHECK(found, "mv_get: all 1000 keys found");
	CHECK(mv_get(big, "k1000") == NULL, "mv_get: big map, missing key");
	snprintf(want, sizeof(want), "v1w7v999");
	EQ_STR(render("{{big.k1}}{{big.k7}}{{#big}}{{k999}}{{/big}}", ctx,
	    NULL), want, "big map: lookups and replaced values");
	mv_free(ctx);
}

/* Only trusted HTML passes a raw tag; {{x}} escapes both kinds. */
static void
test_trusted(void)
{
	struct mval	*ctx, *h, *partials;
	struct buf	 b = { 0 };

	ctx = mv_map();
	mv_sets(ctx, "s", "<b>text</b>");
	h = mv_set(ctx, "h", mv_html("<b>html</b>"));
	mv_set(ctx, "e", mv_html(""));
	mv_set(ctx, "n", mv_html(NULL));
	mv_set(ctx, "yes", mv_bool(1));
	mv_set(ctx, "l", mv_list());
	mv_set(mv_set(ctx, "m", mv_map()), "h", mv_ref(h));
	mv_set(ctx, "r", mv_ref(h));

	EQ_STR(render("{{{h}}} {{&h}} {{{r}}} {{{m.h}}}", ctx, NULL),
	    "<b>html</b> <b>html</b> <b>html</b> <b>html</b>",
	    "trusted: raw tags write trusted HTML (also by reference)");
	EQ_STR(render("{{h}} {{s}}", ctx, NULL),
	    "&lt;b&gt;html&lt;/b&gt; &lt;b&gt;text&lt;/b&gt;",
	    "trusted: {{x}} escapes trusted HTML and text alike");
	EQ_STR(render("[{{{missing}}}{{&n}}{{{e}}}]", ctx, NULL), "[]",
	    "trusted: missing, null and empty write nothing");
	EQ_STR(render("{{#h}}1{{/h}}{{^e}}2{{/e}}", ctx, NULL), "12",
	    "trusted: truthy unless empty");
	EQ_STR(mv_getstr(ctx, "h"), "<b>html</b>", "trusted: mv_getstr");

	EQ_STR(render("{{{h}}}\n\n{{{s}}}", ctx, NULL),
	    "ERROR: templates/page.html:3: {{{s}}} needs trusted HTML, "
	    "'s' is text", "trusted: {{{x}}} on text fails");
	EQ_STR(render("{{& s }}", ctx, NULL),
	    "ERROR: templates/page.html:1: {{&s}} needs trusted HTML, "
	    "'s' is text", "trusted: {{&x}} on text fails");
	EQ_STR(render("{{=<% %>=}}\n<%{s}%>", ctx, NULL),
	    "ERROR: templates/page.html:2: {{{s}}} needs trusted HTML, "
	    "'s' is text", "trusted: other delimiters do not help");
	EQ_STR(render("{{#m}}{{{yes}}}{{/m}}", ctx, NULL),
	    "ERROR: templates/page.html:1: {{{yes}}} needs trusted HTML, "
	    "'yes' is a boolean", "trusted: a boolean fails");
	EQ_STR(render("{{{l}}}", ctx, NULL),
	    "ERROR: templates/page.html:1: {{{l}}} needs trusted HTML, "
	    "'l' is a list", "trusted: a list fails");
	EQ_STR(render("{{&m}}", ctx, NULL),
	    "ERROR: templates/page.html:1: {{&m}} needs trusted HTML, "
	    "'m' is a map", "trusted: a map fails");
	EQ_STR(render("{{#l}}{{/l}}{{#s}}{{{.}}}{{/s}}", ctx, NULL),
	    "ERROR: templates/page.html:1: {{{.}}} needs trusted HTML, "
	    "'.' is text", "trusted: the implicit iterator on text fails");

	/* In a partial: the partial's name and line. */
	partials = mv_map();
	mv_sets(partials, "part", "a\n{{{s}}}");
	EQ_STR(render("{{>part}}", ctx, partials),
	    "ERROR: part:2: {{{s}}} needs trusted HTML, 's' is text",
	    "trusted: a partial's raw tag fails with its own line");
	mv_free(partials);

	/* A refused raw tag appends nothing. */
	BUF_LIT(&b, "keep");
	CHECK(tmpl_render_str("t", "x{{{h}}}{{{s}}}", ctx, NULL, &b) == -1 &&
	    strcmp(buf_str(&b), "keep") == 0,
	    "trusted: a refused render appends nothing");
	buf_free(&b);
	mv_free(ctx);
}

static void
test_indent(void)
{
	struct mval	*ctx, *partials;

	ctx = mv_map();
	mv_sets(ctx, "v", "1\n2");
	partials = mv_map();
	mv_sets(partials, "outer", "<o>\n  {{>inner}}\n</o>\n");
	mv_sets(partials, "inner", "a\n{{#v}}\n{{v}}\n{{/v}}\nb\n");
	EQ_STR(render(" {{>outer}}\n", ctx, partials),
	    " <o>\n   a\n   1\n2\n   b\n </o>\n",
	    "nested standalone partials add their indentation");
	EQ_STR(render("x{{>outer}}", ctx, partials),
	    "x<o>\n  a\n  1\n2\n  b\n</o>\n",
	    "an inline partial is not indented");
	mv_free(partials);
	mv_free(ctx);
}

static int
write_file(const char *path, const char *s)
{
	FILE	*f;

	if ((f = fopen(path, "w")) == NULL)
		return -1;
	fputs(s, f);
	return fclose(f);
}

/* Template sets, in a scratch directory: ./templates/. */
static void
test_sets(void)
{
	char		 dir[] = "/tmp/test_mustache.XXXXXX";
	char		 cwd[4096];
	struct tmplset	*set;
	struct mval	*ctx, *items;
	struct buf	 out = { 0 };
	int		 ok;

	if (getcwd(cwd, sizeof(cwd)) == NULL || mkdtemp(dir) == NULL ||
	    chdir(dir) == -1 || mkdir("templates", 0755) == -1) {
		CHECK(0, "scratch directory: %s", strerror(errno));
		return;
	}

	write_file("templates/page.html",
	    "<h1>{{title}}</h1>\n  {{> nav}}\n<p>{{t.x}}</p>\n");
	write_file("templates/nav.html",
	    "<ul>\n{{#items}}\n  <li>{{.}}</li>\n{{/items}}\n</ul>\n");
	write_file("templates/notes.txt", "{{#broken");
	write_file("templates/.hidden.html", "{{#broken");

	set = tmpl_open("templates");
	CHECK(set != NULL, "tmpl_open: loads the .html files only");
	ctx = mv_map();
	mv_sets(ctx, "title", "A & B");
	items = mv_set(ctx, "items", mv_list());
	mv_push(items, mv_str("one"));
	mv_push(items, mv_str("<two>"));
	mv_set(ctx, "t", mv_map());
	mv_sets(mv_get(ctx, "t"), "x", "catalog");
	mv_strict(mv_get(ctx, "t"), "catalog key");
	if (set != NULL) {
		ok = tmpl_render(set, "page", ctx, &out) == 0;
		EQ_STR(ok ? buf_str(&out) : rs_errmsg(),
		    "<h1>A &amp; B</h1>\n  <ul>\n    <li>one</li>\n"
		    "    <li>&lt;two&gt;</li>\n  </ul>\n<p>catalog</p>\n",
		    "tmpl_render: page with an indented partial");
		buf_reset(&out);
		ok = tmpl_render(set, "page", ctx, &out) == 0 &&
		    tmpl_render(set, "nav", ctx, &out) == 0;
		EQ_STR(ok ? buf_str(&out) : rs_errmsg(),
		    "<h1>A &amp; B</h1>\n  <ul>\n    <li>one</li>\n"
		    "    <li>&lt;two&gt;</li>\n  </ul>\n<p>catalog</p>\n"
		    "<ul>\n  <li>one</li>\n  <li>&lt;two&gt;</li>\n</ul>\n",
		    "tmpl_render: renders again, appends");
		buf_reset(&out);
		CHECK(tmpl_render(set, "notes", ctx, &out) == -1,
		    "tmpl_render: unknown template");
		EQ_STR(rs_errmsg(), "templates: unknown template 'notes'",
		    "tmpl_render: unknown template message");
		mv_sets(mv_get(ctx, "t"), "y", "");
		write_file("templates/page.html", "\n{{t.z}}");
		tmpl_close(set);
	}
	set = tmpl_open("templates");
	CHECK(set != NULL && tmpl_render(set, "page", ctx, &out) == -1,
	    "tmpl_render: fails on a strict map miss");
	EQ_STR(rs_errmsg(), "templates/page.html:2: unknown catalog key 'z'",
	    "tmpl_render: strict map miss message");
	tmpl_close(set);

	write_file("templates/page.html",
	    "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n<h1>{{{title}}}</h1>\n");
	set = tmpl_open("templates");
	buf_reset(&out);
	CHECK(set != NULL && tmpl_render(set, "page", ctx, &out) == -1 &&
	    out.len == 0, "tmpl_render: {{{title}}} on text fails");
	EQ_STR(rs_errmsg(), "templates/page.html:12: {{{title}}} needs "
	    "trusted HTML, 'title' is text",
	    "tmpl_render: {{{title}}} on text message");
	mv_set(ctx, "title", mv_html("A <i>&amp;</i> B"));
	CHECK(set != NULL && tmpl_render(set, "page", ctx, &out) == 0 &&
	    strstr(buf_str(&out), "<h1>A <i>&amp;</i> B</h1>") != NULL,
	    "tmpl_render: {{{title}}} on trusted HTML");
	buf_reset(&out);
	mv_sets(ctx, "title", "A & B");
	tmpl_close(set);

	write_file("templates/page.html",
	    "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n{{#rows}}\n<tr>\n");
	set = tmpl_open("templates");
	CHECK(set == NULL, "tmpl_open: unclosed section fails");
	EQ_STR(rs_errmsg(), "templates/page.html:12: unclosed section 'rows'",
	    "tmpl_open: unclosed section message");
	tmpl_close(set);

	write_file("templates/page.html",
	    "1\n2\n3\n4\n5\n6\n  {{> nav }}\n8\n");
	unlink("templates/nav.html");
	set = tmpl_open("templates");
	CHECK(set == NULL, "tmpl_open: unknown partial fails");
	EQ_STR(rs_errmsg(), "templates/page.html:7: unknown partial 'nav'",
	    "tmpl_open: unknown partial message");
	tmpl_close(set);

	set = tmpl_open("missing");
	CHECK(set == NULL, "tmpl_open: missing directory fails");
	EQ_STR(rs_errmsg(), "missing: No such file or directory",
	    "tmpl_open: missing directory message");

	unlink("templates/page.html");
	unlink("templates/notes.txt");
	unlink("templates/.hidden.html");
	set = tmpl_open("templates");
	CHECK(set != NULL, "tmpl_open: an empty directory is an empty set");
	tmpl_close(set);
	rmdir("templates");
	if (chdir(cwd) == 0)
		rmdir(dir);
	mv_free(ctx);
	buf_free(&out);
}

int
main(int argc, char *argv[])
{
	static const char *const files[] = { "interpolation", "sections",
	    "inverted", "comments", "partials", "delimiters" };
	const char	*top;
	size_t		 i;

	if ((top = argc > 1 ? argv[1] : getenv("TOP")) == NULL)
		top = ".";
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		run_spec(top, files[i]);
	test_errors();
	test_strict();
	test_values();
	test_trusted();
	test_indent();
	test_sets();
	return unit_failed;
}
