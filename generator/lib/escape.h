/*
 * escape.h -- every value reaches its output through the escaper of its
 * context: HTML, XML/SVG, JSON, URL, CSV, CSS strings, XLSX cells.
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
/*
 * The inside of a CSS string (no quotes added), for a stylesheet served
 * as UTF-8: '"', '\\', '<', '>', '&' and every control character
 * become hex escapes ("\\22 "), so the string cannot end early, close a
 * <style> element or break a line; malformed UTF-8 becomes U+FFFD.
 */
void	 esc_css(struct buf *, const char *, size_t);
void	 esc_csss(struct buf *, const char *);
/* One URL path segment or query value, percent-encoded (RFC 3986). */
void	 esc_url(struct buf *, const char *);
/*
 * One CSV field for people (a spreadsheet): quoted per RFC 4180 by
 * libcsv, and a field a spreadsheet would run as a formula (it begins
 * with '=', '+', '-', '@', TAB or CR and is not a plain number) gets
 * a leading apostrophe (csv_formula).
 */
void	 esc_csv(struct buf *, const char *, size_t);
void	 esc_csvs(struct buf *, const char *);
/* Whether a spreadsheet would read s[0..len) as a formula. */
int	 csv_formula(const char *, size_t);
/* One CSV field for programs: quoted, its value exactly as it is. */
void	 esc_csv_raw(struct buf *, const char *, size_t);
/*
 * The text of one spreadsheet (XLSX) string cell, NUL-terminated in the
 * buffer: characters XML 1.0 cannot carry (C0 controls but TAB, LF and
 * CR; U+FFFE, U+FFFF; malformed UTF-8) become U+FFFD, and the text is
 * cut to the 32 767 characters a cell holds.  Written as a string cell
 * (worksheet_write_string), never as a formula.
 */
#define XLSX_CELL_MAX	32767
void	 esc_xlsx(struct buf *, const char *, size_t);

#endif /* !ESCAPE_H */
