/*
 * chart.h -- the aggregate charts, as self-contained SVG.
 */
#ifndef CHART_H
#define CHART_H


enum chart_kind {
	CHART_COLUMNS,	/* vertical stacked columns, categories (quarters)
			   along the bottom */
	CHART_BARS,	/* horizontal stacked bars, one row per category,
			   wrapped labels on the left */
	CHART_PYRAMID,	/* population pyramid: categories are age bands,
			   youngest first (drawn at the bottom); series[0]
			   to the left (men), series[1] to the right */
	CHART_TILEMAP	/* tile grid of the 20 regions, shaded by series[0] */
};

/*
 * One protected value.  A suppressed value (a small count) carries no
 * number: v must be 0.  nodata: no value at all (a region without
 * data, a rate that cannot be computed); v must be 0.
 */
struct chart_point {
	double	 v;
	int	 suppressed;
	int	 nodata;
	int	 rounded;	/* v is rounded (labelled with rounded_label) */
};

struct chart_series {
	const char *label;		/* legend text (pyramid: half title) */
	const struct chart_point *v;	/* ncats values */
	const char *code;		/* for the data files, or NULL */
};

/*
 * A chart to draw.  Strings are UTF-8 in the page's language; the
 * chart borrows everything and keeps nothing.
 */
struct chart {
	enum chart_kind kind;
	enum lang lang;			/* tile map: built-in short labels */
	const char *id;			/* [A-Za-z][A-Za-z0-9_-]*, unique
					   in a page; element ids derive
					   from it */
	const char *title;		/* <title>, aria-labelledby */
	const char *desc;		/* one sentence, <desc>: the text
					   alternative */
	const char *const *cats;	/* ncats category labels, full names */
	const char *const *codes;	/* tile map: ISO 3166-2:KZ codes;
					   others: category codes for the
					   data files, or NULL */
	const char *const *short_labels; /* tile map: tile labels, or NULL
					   for built-in abbreviations */
	size_t	 ncats;
	const struct chart_series *series;
	size_t	 nseries;		/* 1..6; pyramid 2; tile map 1 */
	int	 decimals;		/* value labels, 0..6 */
	const char *unit;		/* axis or legend caption, or NULL */
	const char *suppressed_label;	/* "<8": required if any suppressed */
	const char *suppressed_legend;	/* "fewer than 8, hidden": idem */
	const char *rounded_label;	/* "≈": prefix of rounded values and
					   of stacks with a rounded part, or
					   NULL to mark nothing */
	const char *rounded_legend;	/* its legend line: required if
					   rounded_label and any rounded */
	const char *nodata_label;	/* legend text: required if any
					   nodata (and on a tile map with
					   regions missing) */
	const char *note;		/* a line under the chart (the
					   source), or NULL */
	int	 show_title;		/* draw the title as a heading too
					   (standalone files) */
	int	 narrow;		/* the phone layout: NARROW_W units
					   wide (about a phone's CSS px, so
					   text stays near 15 px), columns
					   and tile maps as horizontal bars */
};

/*
 * Append one standalone SVG document fragment (<svg xmlns=...>...</svg>
 * and a newline) for c to out: a viewBox about 600 units wide and no
 * size (the page's CSS sets width: 100%), on a white ground.  Stacks
 * end in their total; one with suppressed parts reads "120 + <8".
 * Suppressed values are hatched stubs of a fixed length; categories
 * without data have no mark, a "—" and a legend line.  Values over
 * 10^15 / 10^decimals are refused.  On bad input append nothing,
 * return -1 with rs_err set.  The output depends on c alone.
 */
int	 chart_svg(struct buf *out, const struct chart *c);
#define NARROW_W	340

#endif /* !CHART_H */
