/*
 * format.c -- numbers, months, dates and quarters as REGISTRY.md section 7
 * writes them, in Kazakh and Russian.  The results are plain text: the
 * caller escapes them for their context.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/format.h"

/* U+202F NARROW NO-BREAK SPACE between groups of thousands. */
#define THIN_NBSP "\xe2\x80\xaf"

static const char *const roman[] = { "", "I", "II", "III", "IV" };

static const char *const month_kk[12] = {
	"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
	"шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"
};
static const char *const month_ru[12] = {
	"январь", "февраль", "март", "апрель", "май", "июнь",
	"июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"
};
/* Russian genitive, as in "5 января". */
static const char *const month_ru_gen[12] = {
	"января", "февраля", "марта", "апреля", "мая", "июня",
	"июля", "августа", "сентября", "октября", "ноября", "декабря"
};

/* Append the digits of v (>= 0) grouped by three. */
static void
put_grouped(struct buf *b, unsigned long long v)
{
	char	 digits[32];
	int	 n, i;

	n = snprintf(digits, sizeof(digits), "%llu", v);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0 && n > 4)
			BUF_LIT(b, THIN_NBSP);
		buf_putc(b, digits[i]);
	}
}

/*
 * Integers: "12 345", "-7".  Four-digit numbers stay ungrouped ("2025",
 * "1234"), as Russian and Kazakh typography does.
 */
void
fmt_int(struct buf *b, long long v)
{
	if (v < 0) {
		buf_puts(b, "\xe2\x88\x92");	/* U+2212 MINUS SIGN */
		put_grouped(b, (unsigned long long)(-(v + 1)) + 1);
	} else
		put_grouped(b, (unsigned long long)v);
}

/* Decimals with a comma: "12 345,6". */
void
fmt_dec(struct buf *b, double v, int decimals)
{
	double		 scale, r;
	long long	 whole, frac;
	int		 i;

	if (decimals < 0)
		decimals = 0;
	if (decimals > 6)
		decimals = 6;
	for (scale = 1, i = 0; i < decimals; i++)
		scale *= 10;
	r = llround(fabs(v) * scale);
	whole = (long long)(r / scale);
	frac = (long long)(r - (double)whole * scale);
	if (v < 0 && r > 0)
		buf_puts(b, "\xe2\x88\x92");
	put_grouped(b, (unsigned long long)whole);
	if (decimals > 0)
		buf_printf(b, ",%0*lld", decimals, frac);
}

/* Percent: "61 %" (narrow no-break space before the sign). */
void
fmt_pct(struct buf *b, double pct, int decimals)
{
	fmt_dec(b, pct, decimals);
	BUF_LIT(b, THIN_NBSP "%");
}

int
quarter_parse(const char *s, int *year, int *q)
{
	if (strlen(s) != 6 || s[4] != 'Q' || s[5] < '1' || s[5] > '4')
		return -1;
	if (s[0] < '1' || s[0] > '9' || s[1] < '0' || s[1] > '9' ||
	    s[2] < '0' || s[2] > '9' || s[3] < '0' || s[3] > '9')
		return -1;
	*year = atoi(s);
	*q = s[5] - '0';
	return 0;
}

void
fmt_quarter(struct buf *b, enum lang lang, const char *quarter,
    enum qform form)
{
	int	 y, q;

	if (quarter_parse(quarter, &y, &q) == -1) {
		buf_puts(b, quarter);
		return;
	}
	if (lang == LANG_KK) {
		switch (form) {
		case QF_NOM:
		case QF_GEN:
			buf_printf(b, "%d жылғы %s тоқсан", y, roman[q]);
			break;
		case QF_IN:
			buf_printf(b, "%d жылғы %s тоқсанда", y, roman[q]);
			break;
		case QF_SHORT:
			buf_printf(b, "%d ж. %s тоқс.", y, roman[q]);
			break;
		}
	} else {
		switch (form) {
		case QF_NOM:
			buf_printf(b, "%s квартал %d года", roman[q], y);
			break;
		case QF_IN:
			buf_printf(b, "в %s квартале %d года", roman[q], y);
			break;
		case QF_SHORT:
			buf_printf(b, "%s кв. %d", roman[q], y);
			break;
		case QF_GEN:
			buf_printf(b, "%s квартала %d года", roman[q], y);
			break;
		}
	}
}

void
fmt_month(struct buf *b, enum lang lang, int month)
{
	if (month < 1 || month > 12)
		return;
	buf_puts(b, lang == LANG_KK ? month_kk[month - 1] :
	    month_ru[month - 1]);
}

/* kk "2025 жылғы қаңтар", ru "январь 2025 года". */
void
fmt_month_year(struct buf *b, enum lang lang, int year, int month)
{
	if (month < 1 || month > 12)
		return;
	if (lang == LANG_KK)
		buf_printf(b, "%d жылғы %s", year, month_kk[month - 1]);
	else
		buf_printf(b, "%s %d года", month_ru[month - 1], year);
}

/* kk "2025 жылғы 5 қаңтар", ru "5 января 2025 года". */
void
fmt_date(struct buf *b, enum lang lang, int year, int month, int day)
{
	if (month < 1 || month > 12)
		return;
	if (lang == LANG_KK)
		buf_printf(b, "%d жылғы %d %s", year, day, month_kk[month - 1]);
	else
		buf_printf(b, "%d %s %d года", day, month_ru_gen[month - 1],
		    year);
}

int
fmt_date_iso(struct buf *b, enum lang lang, const char *iso)
{
	int	 y, m, d;

	if (sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3)
		return -1;
	fmt_date(b, lang, y, m, d);
	return 0;
}
