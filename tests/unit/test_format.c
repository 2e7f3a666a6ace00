/*
 * test_format.c -- numbers, months, dates and quarters in Kazakh and
 * Russian (REGISTRY.md section 7).
 */
#include "lib/lib.h"
#include "lib/format.h"
#include "unit.h"

#define NB "\xe2\x80\xaf"	/* narrow no-break space */

static const char *
s_int(long long v)
{
	static struct buf b;

	buf_reset(&b);
	fmt_int(&b, v);
	return buf_str(&b);
}

static const char *
s_dec(double v, int d)
{
	static struct buf b;

	buf_reset(&b);
	fmt_dec(&b, v, d);
	return buf_str(&b);
}

static const char *
s_q(enum lang l, const char *q, enum qform f)
{
	static struct buf b;

	buf_reset(&b);
	fmt_quarter(&b, l, q, f);
	return buf_str(&b);
}

int
main(void)
{
	struct buf	 b = { 0 };
	int		 y, q;

	EQ_STR(s_int(0), "0", "int 0");
	EQ_STR(s_int(7), "7", "int 7");
	EQ_STR(s_int(2025), "2025", "four digits stay ungrouped");
	EQ_STR(s_int(12345), "12" NB "345", "int 12 345");
	EQ_STR(s_int(1000000), "1" NB "000" NB "000", "int 1 000 000");
	EQ_STR(s_int(-12345), "\xe2\x88\x92" "12" NB "345", "negative int");
	EQ_STR(s_dec(12345.6, 1), "12" NB "345,6", "decimal comma");
	EQ_STR(s_dec(0.05, 1), "0,1", "rounding half away");
	EQ_STR(s_dec(3.0, 2), "3,00", "fixed decimals");
	EQ_STR(s_dec(99999.96, 1), "100" NB "000,0", "carry into grouping");
	EQ_STR(s_dec(-0.04, 1), "0,0", "negative rounding to zero has no sign");

	EQ_STR(s_q(LANG_KK, "2025Q1", QF_NOM), "2025 жылғы I тоқсан",
	    "kk quarter");
	EQ_STR(s_q(LANG_KK, "2025Q1", QF_IN), "2025 жылғы I тоқсанда",
	    "kk quarter, locative");
	EQ_STR(s_q(LANG_RU, "2025Q1", QF_NOM), "I квартал 2025 года",
	    "ru quarter");
	EQ_STR(s_q(LANG_RU, "2024Q4", QF_IN), "в IV квартале 2024 года",
	    "ru quarter, prepositional");
	EQ_STR(s_q(LANG_RU, "2026Q3", QF_SHORT), "III кв. 2026",
	    "ru quarter, short");
	EQ_STR(s_q(LANG_RU, "2024Q4", QF_GEN), "IV квартала 2024 года",
	    "ru quarter, genitive (\"С IV квартала\")");
	EQ_STR(s_q(LANG_KK, "2024Q4", QF_GEN), "2024 жылғы IV тоқсан",
	    "kk quarter for \"{first} — {last} аралығында\"");
	CHECK(quarter_parse("2025Q5", &y, &q) == -1, "quarter 5 rejected");
	CHECK(quarter_parse("2025q1", &y, &q) == -1, "lower-case q rejected");
	CHECK(quarter_parse("2025Q3", &y, &q) == 0 && y == 2025 && q == 3,
	    "2025Q3 parsed");

	fmt_month(&b, LANG_KK, 1);
	EQ_STR(buf_str(&b), "қаңтар", "kk January, lower case");
	buf_reset(&b);
	fmt_month(&b, LANG_RU, 12);
	EQ_STR(buf_str(&b), "декабрь", "ru December, standalone");
	buf_reset(&b);
	fmt_month_year(&b, LANG_KK, 2025, 3);
	EQ_STR(buf_str(&b), "2025 жылғы наурыз", "kk month and year");
	buf_reset(&b);
	fmt_month_year(&b, LANG_RU, 2025, 3);
	EQ_STR(buf_str(&b), "март 2025 года", "ru month and year");
	buf_reset(&b);
	fmt_date(&b, LANG_RU, 2025, 1, 5);
	EQ_STR(buf_str(&b), "5 января 2025 года", "ru date, genitive month");
	buf_reset(&b);
	fmt_date(&b, LANG_KK, 2025, 9, 14);
	EQ_STR(buf_str(&b), "2025 жылғы 14 қыркүйек", "kk date");
	buf_reset(&b);
	fmt_pct(&b, 61.04, 0);
	EQ_STR(buf_str(&b), "61" NB "%", "percent");
	buf_free(&b);
	return unit_failed;
}
