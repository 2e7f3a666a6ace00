/*
 * test_text.c -- the text rules of issue 16: text_check's exact
 * messages for each kind of bad input byte, utf8_strip_hidden's list of
 * invisible characters, and the CSV escapers (a formula neutralised for
 * people, kept for programs).
 */
#include <stdlib.h>

#include "lib/lib.h"
#include "lib/escape.h"
#include "unit.h"

static void
bad(const char *s, size_t len, const char *want, const char *what)
{
	int	 rc;

	rc = text_check("f.txt", s, len);
	CHECK(rc == -1, "text_check: %s: refused", what);
	if (rc == -1)
		EQ_STR(rs_errmsg(), want, "text_check: %s: message", what);
}

static const char *
strip(const char *s)
{
	static struct buf b;

	buf_reset(&b);
	utf8_strip_hidden(&b, s, strlen(s));
	return buf_str(&b);
}

static const char *
csv(const char *s, int raw)
{
	static struct buf b;

	buf_reset(&b);
	if (raw)
		esc_csv_raw(&b, s, strlen(s));
	else
		esc_csvs(&b, s);
	return buf_str(&b);
}

int
main(void)
{
	CHECK(text_check("f.txt", "a\tb\r\nc\n", 7) == 0,
	    "text_check: TAB, CRLF and LF are text");
	CHECK(text_check("f.txt", "Қазақ \xef\xbf\xbd\n", 14) == 0,
	    "text_check: Cyrillic and a real U+FFFD are text");
	bad("ab\ncd\0ef", 8, "f.txt:2:3: a NUL byte", "a NUL byte");
	bad("Қ\xc3(", 4, "f.txt:1:2: not valid UTF-8 (byte 0xC3)",
	    "a broken sequence, its column in characters");
	bad("\xed\xa0\x80", 3, "f.txt:1:1: not valid UTF-8 (byte 0xED)",
	    "a surrogate");
	bad("\xc0\xaf", 2, "f.txt:1:1: not valid UTF-8 (byte 0xC0)",
	    "an overlong form");
	bad("a\rb", 3, "f.txt:1:2: a carriage return (CR) not followed by a "
	    "line feed: use LF or CRLF line ends", "a lone CR");
	bad("x\n\x1b[1m", 5, "f.txt:2:1: the control character U+001B",
	    "an escape sequence");
	bad("\x7f", 1, "f.txt:1:1: the control character U+007F", "DEL");
	bad("a\xc2\x85", 3, "f.txt:1:2: the control character U+0085",
	    "a C1 control");

	EQ_STR(strip("a\u200bb\u200cc\u200dd\u200ee\u200ff"), "abcdef",
	    "strip: U+200B-U+200F");
	EQ_STR(strip("\u202ax\u202by\u202cz\u202dw\u202ev"), "xyzwv",
	    "strip: U+202A-U+202E");
	EQ_STR(strip("\u2066a\u2067b\u2068c\u2069"), "abc",
	    "strip: U+2066-U+2069");
	EQ_STR(strip("\ufeffa\u2060b\u2064c\u061cd\u00ade"), "abcde",
	    "strip: U+FEFF, U+2060-U+2064, U+061C, U+00AD");
	EQ_STR(strip("Я\u00adя\u061cӘ\u200bә\xd0"), "ЯяӘә\xd0",
	    "strip: between Cyrillic letters; a cut Cyrillic letter stays");
	EQ_STR(strip("Ә\u00a0Қ\u2010\u2028 \xff"), "Ә\u00a0Қ\u2010\u2028 \xff",
	    "strip: visible text, no-break space, hyphen, line separator and "
	    "malformed bytes stay");

	EQ_STR(csv("=HYPERLINK(\"http://x\",\"y\")", 0),
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
	    "esc_csv: =HYPERLINK(...) gets an apostrophe");
	EQ_STR(csv("+cmd|' /C calc'!A0", 0), "\"'+cmd|' /C calc'!A0\"",
	    "esc_csv: +cmd|...");
	EQ_STR(csv("-2+3", 0), "\"'-2+3\"", "esc_csv: -2+3");
	EQ_STR(csv("@SUM(1+1)", 0), "\"'@SUM(1+1)\"", "esc_csv: @SUM(...)");
	EQ_STR(csv("\t=1", 0), "\"'\t=1\"", "esc_csv: a leading TAB");
	EQ_STR(csv("\r=1", 0), "\"'\r=1\"", "esc_csv: a leading CR");
	EQ_STR(csv("-5", 0), "\"-5\"", "esc_csv: -5 stays a number");
	EQ_STR(csv("-2.5", 0), "\"-2.5\"", "esc_csv: -2.5 stays a number");
	EQ_STR(csv("-", 0), "\"'-\"", "esc_csv: a lone minus");
	EQ_STR(csv("a=b", 0), "\"a=b\"", "esc_csv: '=' inside is fine");
	EQ_STR(csv("", 0), "\"\"", "esc_csv: empty");
	EQ_STR(csv("=1+1", 1), "\"=1+1\"", "esc_csv_raw: the value as it is");
	CHECK(csv_formula("=", 1) && !csv_formula("", 0) &&
	    !csv_formula("12", 2) && csv_formula("+12", 3),
	    "csv_formula");
	return unit_failed;
}
