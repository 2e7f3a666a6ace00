/*
 * escape.h -- every value reaches its output through the escaper of its
 * context: HTML, XML/SVG, JSON, URL, CSV.
 */
#ifndef ESCAPE_H
#define ESCAPE_H


/* HTML text and attribute values (double- or single-quoted). */
void	 esc_html(struct buf *, const char *, size_t);
void	 esc_htmls(struct buf *, const char *);
/* XML and SVG text and attributes; drops code points XML 1.0 forbids. */
void	 esc_xml(struct buf *, const char *, size_t);
void	 esc_xmls(struct buf *, const char *);
/* The inside of a JSON string (no quotes added). */
void	 esc_json(struct buf *, const char *, size_t);
void	 esc_jsons(struct buf *, const char *);
/* A whole JSON string, with its quotes. */
void	 esc_jsonq(struct buf *, const char *);
/* One URL path segment or query value, percent-encoded (RFC 3986). */
void	 esc_url(struct buf *, const char *);
/* One CSV field, quoted per RFC 4180 by libcsv. */
void	 esc_csv(struct buf *, const char *, size_t);
void	 esc_csvs(struct buf *, const char *);

#endif /* !ESCAPE_H */
