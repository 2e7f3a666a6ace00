/*
 * download.h -- the open data files.  The published fields of each
 * form (fields.c), the formats that write them, one file each
 * (dl_csv.c, dl_json.c), and the driver that feeds them the records
 * (data.c).  A new format is a new dl_*.c with its struct dl_format,
 * listed in data.c.
 */
#ifndef DOWNLOAD_H
#define DOWNLOAD_H

/* The published fields, by machine name (field_names). */
enum field {
	F_REF, F_QUARTER, F_REPORTED, F_MONTH, F_REGION, F_CATEGORY,
	F_CONSEQUENCE, F_PROFILE, F_GROUP, F_SEX, F_AGE, F_DX, F_CHAPTER,
	F_INSURED, F_HARM, F_DISABILITY, F_TRIGGER, F_PLAN,
	F_CIRC, F_ANAM, F_CARE, F_MEAS, F__NONE
};

/* What a field holds when its value is suppressed, in machine files. */
#define SUPPRESSED "suppressed"

/* "ref", "quarter", ..., "measures". */
extern const char *const field_names[F__NONE];
/* A form's fields in its column order (REGISTRY.md 2, 3), F__NONE last. */
const enum field *form_fields(enum form);
/* Free text (a column per language in machine files). */
int	 field_is_text(enum field);
/*
 * Append the value of field fd of record r: codes (lang -1) or labels
 * in lang; free texts in textlang.  "" for no value.
 */
void	 field_value(struct build *, const struct pubrec *r, enum field fd,
	    int lang, enum lang textlang, struct buf *);
/* A code a field may hold, with its label. */
struct fcode {
	const char	*code, *label;
};
/* The codes of a field with their labels in l: a new array (freed by
 * the caller) of *n, or NULL for a field without a code list. */
struct fcode *field_codes(struct build *, enum lang, enum field, size_t *n);

/* The file a format writes: a form's records, a quarter or all. */
struct dl_target {
	struct build	*b;
	enum form	 form;
	const char	*quarter;	/* NULL: all quarters */
	int		 lang;		/* -1: the machine file */
	/* The driver's: writes what out holds so far (a format that
	 * appends a large file at close, in pieces). */
	void		 (*flush)(void *);
	void		*flush_arg;
	/* The last site's file of all quarters, its SHA-256 checked, or
	 * NULL: a format with keep takes unchanged quarters from it. */
	const char	*prev;
};

/*
 * A download format, cmark-renderer style: the driver calls open once
 * per file (the format's state is returned), header, row once per
 * record, then close (the trailer; frees the state).  Each appends the
 * file's bytes to the out given to open; the driver writes, counts and
 * hashes them after each call, or when the format calls the target's
 * flush.  Only close may fail (-1 with rs_err): a format that
 * writes through a library.
 */
struct dl_format {
	const char	*ext;		/* "csv": extension and kind */
	const char	*name;		/* "CSV", on the downloads page */
	int		 machine;	/* a machine file (lang -1) too */
	int		 all_only;	/* only of all quarters (no quarter) */
	int		 gz;		/* language files gzip-compressed too
					 * (machine files always are) */
	void		*(*open)(const struct dl_target *, struct buf *out);
	void		 (*header)(void *);
	void		 (*row)(void *, const struct pubrec *);
	int		 (*close)(void *);
	/*
	 * Or NULL.  A quarter of rows records that the last build had the
	 * same (the same digest and frame): 0 when the format takes them
	 * from the target's prev as that build wrote them (row is then not
	 * called for them), -1 when it cannot (row is).
	 */
	int		 (*keep)(void *, const char *quarter, long rows);
};

extern const struct dl_format dl_csv;	/* dl_csv.c */
extern const struct dl_format dl_json;	/* dl_json.c */
extern const struct dl_format dl_xlsx;	/* dl_xlsx.c */

/* A file written (data.c), for the pages and SHA256SUMS. */
struct download {
	char		*path;		/* site path */
	char		 quarter[8];	/* "" for all quarters */
	char		 release[8];	/* a release's rows (releases.c) */
	enum form	 form;
	int		 lang;		/* -1: the machine file */
	int		 chart;		/* a chart's data (stats.c), no form */
	const struct dl_format *fmt;
	unsigned long long bytes;
	unsigned long long head;	/* gzip: its header's member's bytes */
	long		 rows;
	char		 sha[65];
};

/*
 * Write a chart's machine CSV (rows data lines) at site path and list
 * it with the downloads of quarter (NULL: all quarters), for the
 * downloads page and SHA256SUMS.  0, or -1 with rs_err.
 */
int	 download_chart(struct build *, const char *path, const struct buf *,
	    const char *quarter, long rows);

/* The entry of download d for the page at path (datapages.c too). */
struct mval *download_entry(struct build *, enum lang, const char *path,
	    const struct download *d);

#endif /* !DOWNLOAD_H */
