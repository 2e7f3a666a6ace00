/*
 * mustache.c -- logic-less templates, compatible with the Mustache
 * specification (interpolation, sections, inverted sections, comments,
 * partials, set delimiters; no lambdas, no inheritance).
 *
 * A template is compiled once into a flat token array: a section token
 * records where its body ends, so rendering is a loop over the array
 * that recurses only into sections and partials.  Text tokens point
 * into the template's own copy of its source.  Names are split into
 * their dotted parts, each with its hash, when compiling, so a lookup
 * while rendering is one hash probe per part.
 *
 * Departures from the specification, all allowed by it:
 *  - an empty string is falsey (like null, false and the empty list);
 *  - a template set opened from a directory refuses a partial it does
 *    not contain (tmpl_render_str renders a missing one as nothing, as
 *    the specification's tests require, but refuses every partial tag
 *    when given no partials at all);
 *  - template files are UTF-8 text without NUL or control bytes;
 *  - one rendering has a budget of output and of tags rendered, so
 *    partials that include each other many times fail at once;
 *  - malformed tags are errors: an unclosed tag or section, a stray
 *    closing tag, an empty or blank-containing name, bad delimiters;
 *  - a strict map (mv_strict) makes a missing key an error;
 *  - {{{name}}} and {{&name}} write only trusted HTML (mv_html), which
 *    code makes and a template cannot: any other value is an error, so
 *    a template cannot switch escaping off.  {{name}} escapes both
 *    kinds of string.
 *
 * Partial indentation follows the specification's model: a standalone
 * partial tag's leading whitespace is prepended to every line of the
 * partial.  The compiler marks each token that begins a source line
 * (bol); when rendering inside an indented partial the indentation is
 * written before such tokens.
 */
#include <sys/types.h>

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/escape.h"
#include "render/mustache.h"

/* How deeply partials may nest while rendering (recursion ends here). */
#define PARTIAL_DEPTH	64
/*
 * The budget of one rendering: its output and the tags it renders.
 * Partials that each include the next one twice, 27 deep, would write
 * gigabytes over minutes; they fail here in a fraction of a second.
 * The largest page regsite writes is well under a megabyte.
 */
#define OUTPUT_MAX	(64u << 20)
#define STEPS_MAX	10000000UL
/* How deeply sections may nest inside one template. */
#define SECTION_DEPTH	100
/* Maps up to this size are searched linearly, bigger ones hashed. */
#define MAP_LINEAR	8
/* Longest delimiter accepted by a set-delimiter tag. */
#define DELIM_MAX	16

/* ------------------------------------------------------------------ */
/* Values                                                              */

enum mtype {
	MV_NULL,
	MV_BOOL,
	MV_STR,
	MV_HTML,	/* trusted HTML: a string made by mv_html */
	MV_LIST,
	MV_MAP,
	MV_REF,		/* a value owned elsewhere (mv_ref) */
	MV_SCOPED,	/* a list rendered in a scope of its own */
	MV_SPLICE	/* what such a list rendered before */
};

struct mentry {
	char		*key;
	size_t		 klen;
	uint32_t	 hash;
	struct mval	*v;
};

struct mval {
	enum mtype	 type;
	union {
		int	 b;
		struct {
			char	*s;
			size_t	 len;
		} str;		/* MV_STR, MV_HTML */
		struct {
			struct mval **v;
			size_t	 n, cap;
		} list;
		const struct mval *ref;
		struct {
			struct mval	*list, *scope;	/* MV_SCOPED */
			char		*s;		/* MV_SPLICE */
			size_t		 len;
			struct mv_mark	*mark;
		} sc;
		struct {
			struct mentry *e;	/* in insertion order */
			size_t	 n, cap;
			uint32_t *idx;		/* entry + 1, 0 is free */
			size_t	 icap;		/* a power of two, or 0 */
			char	*strict;	/* "catalog key", or NULL */
		} map;
	} u;
};

/* FNV-1a: keys are short, this is fast and spreads well enough. */
static uint32_t
hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t	 i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* Follow references to the value itself. */
static const struct mval *
deref(const struct mval *v)
{
	while (v != NULL && v->type == MV_REF)
		v = v->u.ref;
	return v;
}

static struct mval *
mv_new(enum mtype type)
{
	struct mval	*v;

	v = xcalloc(1, sizeof(*v));
	v->type = type;
	return v;
}

struct mval *
mv_null(void)
{
	return mv_new(MV_NULL);
}

struct mval *
mv_bool(int b)
{
	struct mval	*v;

	v = mv_new(MV_BOOL);
	v->u.b = b != 0;
	return v;
}

/* A copy of s[0..len); NULL gives null (a missing database column). */
struct mval *
mv_strn(const char *s, size_t len)
{
	struct mval	*v;

	if (s == NULL)
		return mv_null();
	v = mv_new(MV_STR);
	v->u.str.s = xstrndup(s, len);
	v->u.str.len = len;
	return v;
}

struct mval *
mv_str(const char *s)
{
	return mv_strn(s, s ? strlen(s) : 0);
}

/* Trusted HTML: a copy of s[0..len), or null for NULL. */
struct mval *
mv_htmln(const char *s, size_t len)
{
	struct mval	*v;

	if ((v = mv_strn(s, len))->type == MV_STR)
		v->type = MV_HTML;
	return v;
}

struct mval *
mv_html(const char *s)
{
	return mv_htmln(s, s ? strlen(s) : 0);
}

struct mval *
mv_strf(const char *fmt, ...)
{
	struct mval	*v;
	struct buf	 b = { 0 };
	va_list		 ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	v = mv_new(MV_STR);
	v->u.str.len = b.len;
	v->u.str.s = buf_detach(&b);
	return v;
}

struct mval *
mv_ref(const struct mval *target)
{
	struct mval	*v;

	v = mv_new(MV_REF);
	v->u.ref = target;
	return v;
}

struct mval *
mv_list(void)
{
	return mv_new(MV_LIST);
}

struct mval *
mv_map(void)
{
	return mv_new(MV_MAP);
}

struct mval *
mv_push(struct mval *list, struct mval *v)
{
	assert(list != NULL && list->type == MV_LIST && v != NULL);
	if (list->u.list.n == list->u.list.cap) {
		list->u.list.cap = list->u.list.cap ? list->u.list.cap * 2 : 4;
		list->u.list.v = xreallocarray(list->u.list.v,
		    list->u.list.cap, sizeof(*list->u.list.v));
	}
	list->u.list.v[list->u.list.n++] = v;
	return v;
}

/*
 * The entry of key s[0..len) (hash h) in map m, or NULL.  Small maps
 * are scanned; bigger ones probe the open-addressing index.
 */
static struct mentry *
map_find(const struct mval *m, const char *s, size_t len, uint32_t h)
{
	struct mentry	*e;
	size_t		 i, mask;
	uint32_t	 slot;

	if (m->u.map.idx == NULL) {
		for (i = 0; i < m->u.map.n; i++) {
			e = &m->u.map.e[i];
			if (e->hash == h && e->klen == len &&
			    memcmp(e->key, s, len) == 0)
				return e;
		}
		return NULL;
	}
	mask = m->u.map.icap - 1;
	for (i = h & mask; (slot = m->u.map.idx[i]) != 0; i = (i + 1) & mask) {
		e = &m->u.map.e[slot - 1];
		if (e->hash == h && e->klen == len &&
		    memcmp(e->key, s, len) == 0)
			return e;
	}
	return NULL;
}

/* Rebuild the index of map m with room for twice its entries. */
static void
map_reindex(struct mval *m)
{
	size_t	 i, j, mask, icap;

	icap = 16;
	while (icap < m->u.map.n * 2 + 2)
		icap *= 2;
	free(m->u.map.idx);
	m->u.map.idx = xcalloc(icap, sizeof(*m->u.map.idx));
	m->u.map.icap = icap;
	mask = icap - 1;
	for (i = 0; i < m->u.map.n; i++) {
		for (j = m->u.map.e[i].hash & mask; m->u.map.idx[j] != 0;
		    j = (j + 1) & mask)
			continue;
		m->u.map.idx[j] = (uint32_t)(i + 1);
	}
}

struct mval *
mv_set(struct mval *map, const char *key, struct mval *v)
{
	struct mentry	*e;
	size_t		 len = strlen(key), mask, j;
	uint32_t	 h = hash(key, len);

	assert(map != NULL && map->type == MV_MAP && v != NULL);
	if ((e = map_find(map, key, len, h)) != NULL) {
		if (e->v != v)
			mv_free(e->v);
		e->v = v;
		return v;
	}
	assert(map->u.map.n < UINT32_MAX - 1);
	if (map->u.map.n == map->u.map.cap) {
		map->u.map.cap = map->u.map.cap ? map->u.map.cap * 2 : 4;
		map->u.map.e = xreallocarray(map->u.map.e, map->u.map.cap,
		    sizeof(*map->u.map.e));
	}
	e = &map->u.map.e[map->u.map.n++];
	e->key = xstrndup(key, len);
	e->klen = len;
	e->hash = h;
	e->v = v;

	/* Keep the index at most half full; start one past MAP_LINEAR. */
	if (map->u.map.idx == NULL) {
		if (map->u.map.n > MAP_LINEAR)
			map_reindex(map);
	} else if (map->u.map.n * 2 > map->u.map.icap)
		map_reindex(map);
	else {
		mask = map->u.map.icap - 1;
		for (j = h & mask; map->u.map.idx[j] != 0; j = (j + 1) & mask)
			continue;
		map->u.map.idx[j] = (uint32_t)map->u.map.n;
	}
	return v;
}

struct mval *
mv_sets(struct mval *map, const char *key, const char *s)
{
	return mv_set(map, key, mv_str(s));
}

struct mval *
mv_get(const struct mval *map, const char *key)
{
	struct mentry	*e;
	size_t		 len;

	if (map == NULL || map->type != MV_MAP)
		return NULL;
	len = strlen(key);
	e = map_find(map, key, len, hash(key, len));
	return e ? e->v : NULL;
}

const char *
mv_getstr(const struct mval *map, const char *key)
{
	const struct mval *v = deref(mv_get(map, key));

	return v != NULL && (v->type == MV_STR || v->type == MV_HTML) ?
	    v->u.str.s : "";
}

struct mval *
mv_index(const struct mval *list, size_t i)
{
	if (list == NULL || list->type != MV_LIST || i >= list->u.list.n)
		return NULL;
	return list->u.list.v[i];
}

size_t
mv_len(const struct mval *list)
{
	return list != NULL && list->type == MV_LIST ? list->u.list.n : 0;
}

void
mv_strict(struct mval *map, const char *what)
{
	assert(map != NULL && map->type == MV_MAP);
	free(map->u.map.strict);
	map->u.map.strict = xstrdup(what);
}

void
mv_free(struct mval *v)
{
	size_t	 i;

	if (v == NULL)
		return;
	switch (v->type) {
	case MV_STR:
	case MV_HTML:
		free(v->u.str.s);
		break;
	case MV_LIST:
		for (i = 0; i < v->u.list.n; i++)
			mv_free(v->u.list.v[i]);
		free(v->u.list.v);
		break;
	case MV_MAP:
		for (i = 0; i < v->u.map.n; i++) {
			free(v->u.map.e[i].key);
			mv_free(v->u.map.e[i].v);
		}
		free(v->u.map.e);
		free(v->u.map.idx);
		free(v->u.map.strict);
		break;
	case MV_SCOPED:
		mv_free(v->u.sc.list);
		mv_free(v->u.sc.scope);
		break;
	case MV_SPLICE:
		free(v->u.sc.s);
		break;
	default:
		break;
	}
	free(v);
}

struct mval *
mv_scoped(struct mval *list, struct mval *scope, struct mv_mark *mark)
{
	struct mval	*v;

	v = mv_new(MV_SCOPED);
	v->u.sc.list = list;
	v->u.sc.scope = scope;
	v->u.sc.mark = mark;
	return v;
}

struct mval *
mv_splice(const char *s, size_t len, struct mv_mark *mark)
{
	struct mval	*v;

	v = mv_new(MV_SPLICE);
	v->u.sc.s = xmalloc(len + 1);
	memcpy(v->u.sc.s, s, len);
	v->u.sc.s[len] = '\0';
	v->u.sc.len = len;
	v->u.sc.mark = mark;
	return v;
}

/* Whether a section over v renders (a list: whether it has items). */
static int
mv_truthy(const struct mval *v)
{
	v = deref(v);
	if (v == NULL)
		return 0;
	switch (v->type) {
	case MV_BOOL:
		return v->u.b;
	case MV_STR:
	case MV_HTML:
		return v->u.str.len > 0;
	case MV_LIST:
		return v->u.list.n > 0;
	case MV_MAP:
		return 1;
	case MV_SCOPED:
		return mv_truthy(v->u.sc.list);
	case MV_SPLICE:
		return v->u.sc.len > 0;
	default:
		return 0;
	}
}

/* ------------------------------------------------------------------ */
/* Compiling                                                           */

enum ttype {
	T_TEXT,		/* literal text */
	T_VAR,		/* {{name}}, HTML-escaped */
	T_RAW,		/* {{{name}}}, {{& name}}: trusted HTML only */
	T_SECTION,	/* {{#name}} .. {{/name}} */
	T_INVERTED,	/* {{^name}} .. {{/name}} */
	T_PARTIAL	/* {{> name}} */
};

struct part {
	const char	*s;	/* into the token's name */
	size_t		 len;
	uint32_t	 hash;
};

struct tmpl;

struct tok {
	enum ttype	 type;
	int		 bol;	/* begins a source line: indent first */
	int		 sigil;	/* T_RAW: '{' or '&', for messages */
	size_t		 line;
	const char	*text;	/* T_TEXT: into the template's source */
	size_t		 len;
	char		*name;	/* tags: the name as written */
	struct part	*parts;	/* dotted parts; none for "." */
	size_t		 nparts;
	size_t		 end;	/* sections: index after the closing tag */
	char		*indent; /* standalone partial: its indentation */
	struct tmpl	*partial; /* T_PARTIAL: resolved when linking */
};

struct tmpl {
	char		*name;	/* "page", looked up by partial tags */
	char		*file;	/* "templates/page.html", for errors */
	char		*src;
	struct tok	*toks;
	size_t		 ntoks, cap;
};

struct tmplset {
	char		*dir;
	struct tmpl	**v;	/* sorted by name */
	size_t		 n;
};

static void
tmpl_free(struct tmpl *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ntoks; i++) {
		free(t->toks[i].name);
		free(t->toks[i].parts);
		free(t->toks[i].indent);
	}
	free(t->toks);
	free(t->name);
	free(t->file);
	free(t->src);
	free(t);
}

static struct tok *
tok_add(struct tmpl *t, enum ttype type, size_t line)
{
	struct tok	*k;

	if (t->ntoks == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->toks = xreallocarray(t->toks, t->cap, sizeof(*t->toks));
	}
	k = &t->toks[t->ntoks++];
	memset(k, 0, sizeof(*k));
	k->type = type;
	k->line = line;
	return k;
}

/*
 * Add the literal text src[a..b) as one token per source line, each
 * marked bol when it starts a line.
 */
static void
add_text(struct tmpl *t, size_t a, size_t b)
{
	const char	*nl;
	size_t		 e;
	struct tok	*k;

	while (a < b) {
		nl = memchr(t->src + a, '\n', b - a);
		e = nl ? (size_t)(nl - t->src) + 1 : b;
		k = tok_add(t, T_TEXT, 0);
		k->bol = a == 0 || t->src[a - 1] == '\n';
		k->text = t->src + a;
		k->len = e - a;
		a = e;
	}
}

static int
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
	    c == '\v' || c == '\f';
}

/*
 * Check the tag name s[0..len) and store it in k: "." or dot-separated
 * non-empty parts without blanks.  -1 and rs_err on a bad name.
 */
static int
set_name(struct tok *k, const char *file, const char *s, size_t len)
{
	size_t	 i, n, start;

	if (len == 0)
		return rs_err("%s:%zu: empty tag", file, k->line);
	k->name = xstrndup(s, len);
	for (i = 0; i < len; i++)
		if (is_blank((unsigned char)s[i]))
			return rs_err("%s:%zu: invalid name '%s'", file,
			    k->line, k->name);
	if (len == 1 && s[0] == '.')
		return 0;
	for (n = 1, i = 0; i < len; i++)
		if (s[i] == '.')
			n++;
	k->parts = xcalloc(n, sizeof(*k->parts));
	for (start = 0, i = 0; i <= len; i++) {
		if (i < len && k->name[i] != '.')
			continue;
		if (i == start)
			return rs_err("%s:%zu: invalid name '%s'", file,
			    k->line, k->name);
		k->parts[k->nparts].s = k->name + start;
		k->parts[k->nparts].len = i - start;
		k->parts[k->nparts].hash = hash(k->name + start, i - start);
		k->nparts++;
		start = i + 1;
	}
	return 0;
}

/*
 * Parse "OPEN CLOSE" (already trimmed) into the delimiters: two words
 * of 1..DELIM_MAX bytes without blanks, separated by blanks.
 */
static int
set_delims(const char *file, size_t line, const char *s, size_t len,
    char *otag, size_t *olen, char *ctag, size_t *clen)
{
	size_t	 a, b, c;

	for (a = 0; a < len && !is_blank((unsigned char)s[a]); a++)
		continue;
	for (b = a; b < len && is_blank((unsigned char)s[b]); b++)
		continue;
	for (c = b; c < len && !is_blank((unsigned char)s[c]); c++)
		continue;
	if (a == 0 || a > DELIM_MAX || b == len || c != len ||
	    len - b > DELIM_MAX)
		return rs_err("%s:%zu: invalid delimiters '%.*s'", file, line,
		    (int)(len > 80 ? 80 : len), s);
	memcpy(otag, s, a);
	*olen = a;
	memcpy(ctag, s + b, len - b);
	*clen = len - b;
	return 0;
}

/*
 * The offset of needle (1..DELIM_MAX + 1 bytes) in s[from..len), or len
 * if absent.  (memmem is not POSIX.)
 */
static size_t
find(const char *s, size_t from, size_t len, const char *needle, size_t nlen)
{
	const char	*p;

	while (from < len && len - from >= nlen) {
		if ((p = memchr(s + from, needle[0], len - from - nlen + 1)) ==
		    NULL)
			break;
		from = (size_t)(p - s);
		if (memcmp(p, needle, nlen) == 0)
			return from;
		from++;
	}
	return len;
}

/*
 * Compile src (len bytes; the template takes ownership of it) into
 * tokens.  Returns the template, or NULL with rs_err
 * "FILE:LINE: problem".
 */
static struct tmpl *
compile(const char *name, const char *file, char *src, size_t len)
{
	struct tmpl	*t;
	struct tok	*k;
	char		 otag[DELIM_MAX], ctag[DELIM_MAX], close[DELIM_MAX + 1];
	size_t		 olen = 2, clen = 2, pos = 0, text = 0, last = 0;
	size_t		 line = 1, lpos = 0, tline, p, q, e, ws, r, end;
	size_t		 open[SECTION_DEPTH], nopen = 0, a, b;
	int		 sigil, standalone;

	t = xcalloc(1, sizeof(*t));
	t->name = xstrdup(name);
	t->file = xstrdup(file);
	t->src = src;
	memcpy(otag, "{{", 2);
	memcpy(ctag, "}}", 2);

	for (;;) {
		if ((p = find(src, pos, len, otag, olen)) == len) {
			add_text(t, text, len);
			break;
		}

		/* The line of the tag; lines are counted once, forward. */
		for (; lpos < p; lpos++)
			if (src[lpos] == '\n')
				line++;
		tline = line;

		q = p + olen;
		while (q < len && is_blank((unsigned char)src[q]))
			q++;
		sigil = 0;
		if (q < len && src[q] != '\0' && strchr("#^/>&!={", src[q]))
			sigil = src[q++];

		/* The content is [q, e); the tag ends at end. */
		if (sigil == '{' || sigil == '=') {
			close[0] = sigil == '{' ? '}' : '=';
			memcpy(close + 1, ctag, clen);
			e = find(src, q, len, close, clen + 1);
			end = e + 1 + clen;
		} else {
			e = find(src, q, len, ctag, clen);
			end = e + clen;
		}
		if (e == len) {
			rs_err("%s:%zu: unclosed tag", file, tline);
			goto fail;
		}

		/*
		 * Standalone: a section, inverted, closing, partial,
		 * comment or delimiter tag alone on its line but for
		 * blanks.  The line, its end included, is not output.
		 * The blanks before it stop at the previous tag (last),
		 * so a second tag on a line is never standalone.
		 */
		standalone = 0;
		ws = p;
		r = end;
		if (sigil != 0 && sigil != '&' && sigil != '{') {
			while (ws > last && (src[ws - 1] == ' ' ||
			    src[ws - 1] == '\t'))
				ws--;
			while (r < len && (src[r] == ' ' || src[r] == '\t'))
				r++;
			if (ws == 0 || src[ws - 1] == '\n') {
				if (r == len)
					standalone = 1;
				else if (src[r] == '\n') {
					standalone = 1;
					r++;
				} else if (src[r] == '\r' && r + 1 < len &&
				    src[r + 1] == '\n') {
					standalone = 1;
					r += 2;
				}
			}
		}
		if (standalone) {
			add_text(t, text, ws);
			pos = r;
		} else {
			add_text(t, text, p);
			pos = end;
			ws = p;
		}
		last = text = pos;

		/* Trim the content. */
		a = q;
		b = e;
		while (a < b && is_blank((unsigned char)src[a]))
			a++;
		while (b > a && is_blank((unsigned char)src[b - 1]))
			b--;

		switch (sigil) {
		case '!':
			break;
		case '=':
			if (set_delims(file, tline, src + a, b - a, otag, &olen,
			    ctag, &clen) == -1)
				goto fail;
			break;
		case '#':
		case '^':
			if (nopen == SECTION_DEPTH) {
				rs_err("%s:%zu: sections nested too deeply "
				    "(more than %d levels)", file, tline,
				    SECTION_DEPTH);
				goto fail;
			}
			k = tok_add(t, sigil == '#' ? T_SECTION : T_INVERTED,
			    tline);
			k->bol = !standalone && (p == 0 || src[p - 1] == '\n');
			open[nopen++] = t->ntoks - 1;
			if (set_name(k, file, src + a, b - a) == -1)
				goto fail;
			break;
		case '/':
			if (b == a) {
				rs_err("%s:%zu: empty tag", file, tline);
				goto fail;
			}
			if (nopen == 0) {
				rs_err("%s:%zu: unexpected closing tag '%.*s'",
				    file, tline, (int)(b - a), src + a);
				goto fail;
			}
			k = &t->toks[open[nopen - 1]];
			if (strlen(k->name) != b - a ||
			    memcmp(k->name, src + a, b - a) != 0) {
				rs_err("%s:%zu: unexpected closing tag '%.*s' "
				    "(open section is '%s')", file, tline,
				    (int)(b - a), src + a, k->name);
				goto fail;
			}
			/* An indented inline closing tag: indent the body. */
			if (!standalone && (p == 0 || src[p - 1] == '\n')) {
				k = tok_add(t, T_TEXT, tline);
				k->bol = 1;
				k->text = src + p;
			}
			nopen--;
			t->toks[open[nopen]].end = t->ntoks;
			break;
		case '>':
			k = tok_add(t, T_PARTIAL, tline);
			k->bol = !standalone && (p == 0 || src[p - 1] == '\n');
			if (set_name(k, file, src + a, b - a) == -1)
				goto fail;
			if (standalone)
				k->indent = xstrndup(src + ws, p - ws);
			break;
		default:
			k = tok_add(t, sigil == 0 ? T_VAR : T_RAW, tline);
			k->bol = p == 0 || src[p - 1] == '\n';
			k->sigil = sigil;
			if (set_name(k, file, src + a, b - a) == -1)
				goto fail;
			break;
		}
	}
	if (nopen > 0) {
		k = &t->toks[open[nopen - 1]];
		rs_err("%s:%zu: unclosed section '%s'", file, k->line, k->name);
		goto fail;
	}
	return t;
fail:
	tmpl_free(t);
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Template sets                                                       */

static int
tmpl_cmp(const void *a, const void *b)
{
	const struct tmpl *const *x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

static struct tmpl *
set_find(const struct tmplset *set, const char *name)
{
	size_t	 lo = 0, hi = set->n, mid;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(name, set->v[mid]->name)) == 0)
			return set->v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/*
 * Resolve the partial tags of t against set.  A missing partial is an
 * error when strict, otherwise it renders as nothing.
 */
static int
tmpl_link(const struct tmplset *set, struct tmpl *t, int strict)
{
	struct tok	*k;
	size_t		 i;

	for (i = 0; i < t->ntoks; i++) {
		k = &t->toks[i];
		if (k->type != T_PARTIAL)
			continue;
		k->partial = set_find(set, k->name);
		if (k->partial == NULL && strict)
			return rs_err("%s:%zu: unknown partial '%s'", t->file,
			    k->line, k->name);
	}
	return 0;
}

static void
set_free(struct tmplset *set)
{
	size_t	 i;

	for (i = 0; i < set->n; i++)
		tmpl_free(set->v[i]);
	free(set->v);
	free(set->dir);
}

/*
 * Read and compile every "*.html" file of dir (not hidden ones), in
 * name order, then resolve their partial tags within the set.
 */
struct tmplset *
tmpl_open(const char *dir)
{
	struct tmplset	*set;
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL, *path, *src;
	size_t		 n = 0, cap = 0, i, len, nlen;
	struct tmpl	*t;

	if ((d = opendir(dir)) == NULL) {
		rs_err("%s: %s", dir, strerror(errno));
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		nlen = strlen(de->d_name);
		if (de->d_name[0] == '.' || nlen <= 5 ||
		    strcmp(de->d_name + nlen - 5, ".html") != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = xreallocarray(names, cap, sizeof(*names));
		}
		names[n++] = xstrndup(de->d_name, nlen - 5);
	}
	closedir(d);

	set = xcalloc(1, sizeof(*set));
	set->dir = xstrdup(dir);
	set->v = xcalloc(n, sizeof(*set->v));
	for (i = 0; i < n; i++) {
		path = xasprintf("%s%s%s.html", dir, *dir != '\0' &&
		    dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		src = file_read(path, &len);
		/* Text only: a stray byte would reach every page. */
		if (src != NULL && text_check(path, src, len) == -1) {
			free(src);
			src = NULL;
		}
		t = src ? compile(names[i], path, src, len) : NULL;
		free(path);
		if (t == NULL)
			goto fail;
		set->v[set->n++] = t;
	}
	if (set->n > 1)
		qsort(set->v, set->n, sizeof(*set->v), tmpl_cmp);
	for (i = 0; i < set->n; i++)
		if (tmpl_link(set, set->v[i], 1) == -1)
			goto fail;
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return set;
fail:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	set_free(set);
	free(set);
	return NULL;
}

void
tmpl_close(struct tmplset *set)
{
	if (set == NULL)
		return;
	set_free(set);
	free(set);
}

/* ------------------------------------------------------------------ */
/* Rendering                                                           */

/* The context stack: one frame per open section, on the C stack. */
struct ctx {
	const struct mval *v;
	const struct ctx *up;
};

struct render {
	struct buf	*out;
	size_t		 olen;		/* out's length before this rendering */
	unsigned long	 steps;		/* tags rendered (STEPS_MAX) */
	struct buf	 indent;	/* of the enclosing standalone partials */
	size_t		 ibase;		/* in force: indent[ibase..len) */
	int		 depth;		/* partials open */
};

/*
 * Resolve the name of tag k (of template t) in the context stack c
 * into *vp (NULL when missing).  The first part is looked up from the
 * top of the stack down, every further part in the value before it.
 * A strict map lacking a key is an error: as a later part, or as the
 * first part when no context on the stack has it.
 */
static int
lookup(const struct tmpl *t, const struct tok *k, const struct ctx *c,
    const struct mval **vp)
{
	const struct mentry *e = NULL;
	const struct mval *v, *strict = NULL;
	const struct ctx *f;
	const struct part *pt;
	size_t		 i;

	*vp = NULL;
	if (k->nparts == 0) {
		*vp = c->v;
		return 0;
	}
	pt = &k->parts[0];
	for (f = c; f != NULL; f = f->up) {
		if (f->v == NULL || f->v->type != MV_MAP)
			continue;
		if ((e = map_find(f->v, pt->s, pt->len, pt->hash)) != NULL)
			break;
		if (strict == NULL && f->v->u.map.strict != NULL)
			strict = f->v;
	}
	if (e == NULL) {
		if (strict != NULL)
			return rs_err("%s:%zu: unknown %s '%.*s'", t->file,
			    k->line, strict->u.map.strict, (int)pt->len,
			    pt->s);
		return 0;
	}
	v = deref(e->v);
	for (i = 1; i < k->nparts; i++) {
		if (v->type != MV_MAP)
			return 0;
		pt = &k->parts[i];
		if ((e = map_find(v, pt->s, pt->len, pt->hash)) == NULL) {
			if (v->u.map.strict != NULL)
				return rs_err("%s:%zu: unknown %s '%.*s'",
				    t->file, k->line, v->u.map.strict,
				    (int)pt->len, pt->s);
			return 0;
		}
		v = deref(e->v);
	}
	*vp = v;
	return 0;
}

/* {{name}}: a string of either kind HTML-escaped, a boolean's name. */
static void
put_value(struct buf *out, const struct mval *v)
{
	v = deref(v);
	if (v == NULL)
		return;
	switch (v->type) {
	case MV_BOOL:
		buf_puts(out, v->u.b ? "true" : "false");
		break;
	case MV_STR:
	case MV_HTML:
		esc_html(out, v->u.str.s, v->u.str.len);
		break;
	default:
		break;
	}
}

/*
 * {{{name}}} or {{&name}} (tag k of t): trusted HTML as it is, nothing
 * for a missing or null value; any other value is an error, since
 * writing it raw would switch escaping off.
 */
static int
put_raw(struct buf *out, const struct tmpl *t, const struct tok *k,
    const struct mval *v)
{
	const char	*what;

	v = deref(v);
	if (v == NULL || v->type == MV_NULL)
		return 0;
	switch (v->type) {
	case MV_HTML:
		buf_put(out, v->u.str.s, v->u.str.len);
		return 0;
	case MV_STR:
		what = "text";
		break;
	case MV_BOOL:
		what = "a boolean";
		break;
	case MV_LIST:
	case MV_SCOPED:
	case MV_SPLICE:
		what = "a list";
		break;
	default:
		what = "a map";
		break;
	}
	return rs_err("%s:%zu: %s%s%s needs trusted HTML, '%s' is %s",
	    t->file, k->line, k->sigil == '&' ? "{{&" : "{{{", k->name,
	    k->sigil == '&' ? "}}" : "}}}", k->name, what);
}

static int	 render(struct render *, const struct tmpl *, size_t,
		    size_t, const struct ctx *);

/*
 * Section tag i of t over a scoped list or its splice: the list's items
 * rendered with nothing above them but the scope, or the bytes they
 * rendered before as they are; where in the page, told to the mark.
 */
static int
scoped(struct render *rs, const struct tmpl *t, size_t i,
    const struct mval *v)
{
	const struct tok *k = &t->toks[i];
	const struct mval *list;
	struct ctx	 top, sub;
	struct mv_mark	*m = v->u.sc.mark;
	size_t		 j, start = rs->out->len - rs->olen;

	if (v->type == MV_SPLICE)
		buf_put(rs->out, v->u.sc.s, v->u.sc.len);
	else if ((list = deref(v->u.sc.list)) != NULL &&
	    list->type == MV_LIST) {
		top.v = v->u.sc.scope;
		top.up = NULL;
		sub.up = &top;
		for (j = 0; j < list->u.list.n; j++) {
			sub.v = deref(list->u.list.v[j]);
			if (render(rs, t, i + 1, k->end, &sub) == -1)
				return -1;
		}
	}
	if (m != NULL) {
		m->start = start;
		m->len = rs->out->len - rs->olen - start;
		m->times++;
	}
	return 0;
}

/*
 * Render tokens [from, to) of t with context stack c to rs->out.
 * -1 and rs_err on a strict-map miss or partials nested too deeply.
 */
static int
render(struct render *rs, const struct tmpl *t, size_t from, size_t to,
    const struct ctx *c)
{
	const struct tok *k;
	const struct mval *v;
	struct ctx	 sub;
	size_t		 i, j, ilen, ibase;
	int		 rc;

	for (i = from; i < to; i++) {
		k = &t->toks[i];
		/* The budget, checked at tags (they have a line). */
		if (++rs->steps > STEPS_MAX && k->type != T_TEXT)
			return rs_err("%s:%zu: more than %lu tags rendered for "
			    "one page: partials or sections that repeat "
			    "without end?", t->file, k->line, STEPS_MAX);
		if (rs->out->len - rs->olen > OUTPUT_MAX && k->type != T_TEXT)
			return rs_err("%s:%zu: the page grows beyond %u MB: "
			    "partials or sections that repeat without end?",
			    t->file, k->line, OUTPUT_MAX >> 20);
		if (k->bol && rs->indent.len > rs->ibase)
			buf_put(rs->out, rs->indent.data + rs->ibase,
			    rs->indent.len - rs->ibase);
		switch (k->type) {
		case T_TEXT:
			buf_put(rs->out, k->text, k->len);
			break;
		case T_VAR:
			if (lookup(t, k, c, &v) == -1)
				return -1;
			put_value(rs->out, v);
			break;
		case T_RAW:
			if (lookup(t, k, c, &v) == -1 ||
			    put_raw(rs->out, t, k, v) == -1)
				return -1;
			break;
		case T_SECTION:
			if (lookup(t, k, c, &v) == -1)
				return -1;
			sub.up = c;
			if (v != NULL && (v->type == MV_SCOPED ||
			    v->type == MV_SPLICE)) {
				if (scoped(rs, t, i, v) == -1)
					return -1;
			} else if (mv_truthy(v) && v->type == MV_LIST) {
				for (j = 0; j < v->u.list.n; j++) {
					sub.v = deref(v->u.list.v[j]);
					if (render(rs, t, i + 1, k->end,
					    &sub) == -1)
						return -1;
				}
			} else if (mv_truthy(v)) {
				sub.v = v;
				if (render(rs, t, i + 1, k->end, &sub) == -1)
					return -1;
			}
			i = k->end - 1;
			break;
		case T_INVERTED:
			if (lookup(t, k, c, &v) == -1)
				return -1;
			if (!mv_truthy(v) &&
			    render(rs, t, i + 1, k->end, c) == -1)
				return -1;
			i = k->end - 1;
			break;
		case T_PARTIAL:
			if (k->partial == NULL)
				break;
			if (rs->depth >= PARTIAL_DEPTH)
				return rs_err("%s:%zu: partial '%s' nested too "
				    "deeply (more than %d levels)", t->file,
				    k->line, k->name, PARTIAL_DEPTH);
			/*
			 * A standalone partial adds its indentation to
			 * that in force; an inline one has none.
			 */
			ilen = rs->indent.len;
			ibase = rs->ibase;
			if (k->indent != NULL)
				buf_puts(&rs->indent, k->indent);
			else
				rs->ibase = ilen;
			rs->depth++;
			rc = render(rs, k->partial, 0, k->partial->ntoks, c);
			rs->depth--;
			rs->indent.len = ilen;
			rs->ibase = ibase;
			if (rc == -1)
				return -1;
			break;
		}
	}
	return 0;
}

/* Render all of t with ctx to out; on failure out is as it was. */
static int
render_top(const struct tmpl *t, const struct mval *ctx, struct buf *out)
{
	struct render	 rs;
	struct ctx	 c;
	size_t		 olen = out->len;
	int		 rc;

	memset(&rs, 0, sizeof(rs));
	rs.out = out;
	rs.olen = olen;
	c.v = ctx;
	c.up = NULL;
	rc = render(&rs, t, 0, t->ntoks, &c);
	buf_free(&rs.indent);
	if (rc == -1 && out->data != NULL) {
		out->len = olen;
		out->data[olen] = '\0';
	}
	return rc;
}

int
tmpl_render(struct tmplset *set, const char *name, const struct mval *ctx,
    struct buf *out)
{
	struct tmpl	*t;

	if ((t = set_find(set, name)) == NULL)
		return rs_err("%s: unknown template '%s'", set->dir, name);
	return render_top(t, ctx, out);
}

int
tmpl_render_str(const char *name, const char *src, const struct mval *ctx,
    const struct mval *partials, struct buf *out)
{
	struct tmplset	 set;
	struct tmpl	*t = NULL, *p;
	const struct mentry *e;
	size_t		 i, len;
	int		 rc = -1;

	memset(&set, 0, sizeof(set));
	if (partials != NULL && partials->type == MV_MAP &&
	    partials->u.map.n > 0) {
		set.v = xcalloc(partials->u.map.n, sizeof(*set.v));
		for (i = 0; i < partials->u.map.n; i++) {
			e = &partials->u.map.e[i];
			if (e->v->type != MV_STR) {
				rs_err("%s: partial '%s' is not a string",
				    name, e->key);
				goto out;
			}
			p = compile(e->key, e->key, xstrndup(e->v->u.str.s,
			    e->v->u.str.len), e->v->u.str.len);
			if (p == NULL)
				goto out;
			set.v[set.n++] = p;
		}
		if (set.n > 1)
			qsort(set.v, set.n, sizeof(*set.v), tmpl_cmp);
	}
	len = strlen(src);
	if ((t = compile(name, name, xstrndup(src, len), len)) == NULL)
		goto out;
	/* Without a partials map, a partial tag is a mistake: say so. */
	for (i = 0; partials == NULL && i < t->ntoks; i++)
		if (t->toks[i].type == T_PARTIAL) {
			rs_err("%s:%zu: {{>%s}}: no partials can be used here",
			    name, t->toks[i].line, t->toks[i].name);
			goto out;
		}
	tmpl_link(&set, t, 0);
	for (i = 0; i < set.n; i++)
		tmpl_link(&set, set.v[i], 0);
	rc = render_top(t, ctx, out);
out:
	tmpl_free(t);
	set_free(&set);
	return rc;
}
