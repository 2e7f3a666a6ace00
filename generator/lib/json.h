/*
 * json.h -- a streaming JSON writer: values are appended to a buffer as
 * they come, strings go through the JSON escaper (escape.h), and the
 * writer places the commas.  Members are separated by ", ", keys
 * followed by ": "; jw_break puts other whitespace (a newline, an
 * indentation) before the next member or closing bracket.
 *
 *	struct jw j;
 *	jw_init(&j, &out);
 *	jw_obj_begin(&j);
 *	jw_key(&j, "k"); jw_int(&j, 5);
 *	jw_obj_end(&j);		-> {"k": 5}
 *
 * (Prefix jw_, "JSON writer": json_ is jansson's, which the tests use.)
 *
 * Misuse (a value where a key is due, a key in an array, an unbalanced
 * end, nesting deeper than JW_DEPTH) is a programming error: assert.
 */
#ifndef JSON_H
#define JSON_H

#define JW_DEPTH	32

struct jw {
	struct buf	*out;		/* where the text goes */
	size_t		 depth;		/* containers open */
	unsigned char	 obj[JW_DEPTH];	/* 1 object, 0 array */
	size_t		 n[JW_DEPTH];	/* members written in each */
	int		 key;		/* a key is written, its value due */
	const char	*brk;		/* jw_break's whitespace, or NULL */
};

/* Start writing to out (which the caller owns and may flush and reset
 * between calls: the writer keeps its place, not the text). */
void	 jw_init(struct jw *, struct buf *out);
void	 jw_obj_begin(struct jw *);
void	 jw_obj_end(struct jw *);
void	 jw_arr_begin(struct jw *);
void	 jw_arr_end(struct jw *);
/* The next member's key (objects only). */
void	 jw_key(struct jw *, const char *);
/* A string value, escaped; NULL writes null. */
void	 jw_str(struct jw *, const char *);
void	 jw_strn(struct jw *, const char *, size_t);
void	 jw_int(struct jw *, long long);
/* A number: the shortest form that reads back the same; null if not
 * finite (JSON has no NaN or infinity). */
void	 jw_num(struct jw *, double);
void	 jw_bool(struct jw *, int);
void	 jw_null(struct jw *);
/*
 * A value this writer made before, whole (an object or an array, with
 * its strings escaped then), written as it is: a rebuild's copy of what
 * the last build wrote for the same record.  The caller vouches for it.
 */
void	 jw_copy(struct jw *, const char *, size_t);
/*
 * Write ws (a literal, kept until used) in place of the separator
 * space before the next member, or before the closing bracket if the
 * container ends first.
 */
void	 jw_break(struct jw *, const char *ws);

#endif /* !JSON_H */
