/*
 * mustache.h -- logic-less templates and their rendering contexts.
 */
#ifndef MUSTACHE_H
#define MUSTACHE_H


/*
 * A rendering context is a tree of values.  Strings are copied; a map
 * or list owns its children; mv_free frees a whole tree.
 *
 * Two kinds of string: text (mv_str and friends), which {{name}}
 * escapes, and trusted HTML (mv_html), made only by the code that
 * produced the markup (charts, Markdown bodies, tables built in C).
 * {{{name}}} and {{&name}} write trusted HTML as it is and refuse
 * anything else, so no template can turn escaping off.
 */
struct mval;

struct mval *mv_null(void);
struct mval *mv_bool(int);
struct mval *mv_str(const char *);
struct mval *mv_strn(const char *, size_t);
struct mval *mv_strf(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Trusted HTML (a copy; NULL gives null): for markup regsite made. */
struct mval *mv_html(const char *);
struct mval *mv_htmln(const char *, size_t);
struct mval *mv_list(void);
struct mval *mv_map(void);
/* Append v to a list; returns v. */
struct mval *mv_push(struct mval *list, struct mval *v);
/* Set key in a map (replacing any earlier value); returns v. */
struct mval *mv_set(struct mval *map, const char *key, struct mval *v);
/* Shorthands: mv_set(map, key, mv_str(s)). */
struct mval *mv_sets(struct mval *map, const char *key, const char *s);
struct mval *mv_get(const struct mval *map, const char *key);
/* The string (either kind) of a map's key, or "" (not one, absent). */
const char *mv_getstr(const struct mval *map, const char *key);
/* The i-th element of a list, or NULL; the length of a list. */
struct mval *mv_index(const struct mval *list, size_t i);
size_t	 mv_len(const struct mval *list);
/*
 * A reference to a value owned elsewhere (it must outlive the tree):
 * renders as the value itself; mv_free does not free what it refers to.
 */
struct mval *mv_ref(const struct mval *);
/*
 * A list whose section renders in a scope of its own: its items see
 * their own values and the map scope's, nothing of the page around
 * them, so that what the section renders depends on them alone; where
 * it lands in the page (the offset from the rendering's start and the
 * length) and how often it rendered are told to mark, which must
 * outlive the rendering.  Takes list and scope.
 */
struct mv_mark {
	size_t	 start, len;
	int	 times;
};
struct mval *mv_scoped(struct mval *list, struct mval *scope,
	    struct mv_mark *mark);
/*
 * What such a section rendered before (regsite's own bytes, from the
 * page it wrote), written as it is where the section is; mark as above.
 */
struct mval *mv_splice(const char *, size_t, struct mv_mark *mark);
/*
 * Make a map strict: a template naming a key it lacks is an error
 * "unknown <what> 'key'" (the translation catalog is strict).
 */
void	 mv_strict(struct mval *map, const char *what);
void	 mv_free(struct mval *);

struct tmplset;

/* Load every .html file of dir as a template (and partial), by base name. */
struct tmplset *tmpl_open(const char *dir);
void	 tmpl_close(struct tmplset *);
/*
 * Render template name ("page" for DIR/page.html) with ctx, appending
 * to out.  Errors: rs_err("DIR/page.html:12: problem"), among them
 * "{{{key}}} needs trusted HTML, 'key' is text".
 */
int	 tmpl_render(struct tmplset *, const char *name,
	    const struct mval *ctx, struct buf *out);
/*
 * Render source text (named name in errors) with partials taken from
 * the map partials (name -> string value): a partial missing from the
 * map renders as nothing (as the specification requires); with no map
 * (NULL), any partial tag is an error.
 *
 * Either kind of rendering fails, with the tag's file and line, when
 * one rendering writes more than 64 MB or renders ten million tags
 * (partials including each other many times over).
 */
int	 tmpl_render_str(const char *name, const char *src,
	    const struct mval *ctx, const struct mval *partials,
	    struct buf *out);

#endif /* !MUSTACHE_H */
