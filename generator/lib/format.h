/*
 * format.h -- numbers, dates and quarters per REGISTRY.md section 7.
 */
#ifndef FORMAT_H
#define FORMAT_H


enum qform {
	QF_NOM,		/* kk "2025 жылғы I тоқсан", ru "I квартал 2025 года" */
	QF_IN,		/* kk "2025 жылғы I тоқсанда", ru "в I квартале 2025 года" */
	QF_SHORT,	/* kk "2025 ж. I тоқс.", ru "I кв. 2025" (chart axes) */
	QF_GEN		/* kk as QF_NOM, ru "I квартала 2025 года" ("с ...") */
};

/* "12 345": narrow no-break space between thousands, U+2212 minus. */
void	 fmt_int(struct buf *, long long);
/* "12 345,6": decimal comma. */
void	 fmt_dec(struct buf *, double, int decimals);
/* "61 %". */
void	 fmt_pct(struct buf *, double, int decimals);
/* "2025Q1" into year and quarter; -1 if malformed. */
int	 quarter_parse(const char *, int *year, int *q);
void	 fmt_quarter(struct buf *, enum lang, const char *quarter, enum qform);
/* Standalone month name, lower case: kk "қаңтар", ru "январь". */
void	 fmt_month(struct buf *, enum lang, int month);
/* kk "2025 жылғы қаңтар", ru "январь 2025 года". */
void	 fmt_month_year(struct buf *, enum lang, int year, int month);
/* kk "2025 жылғы 5 қаңтар", ru "5 января 2025 года". */
void	 fmt_date(struct buf *, enum lang, int year, int month, int day);
/* The same of an ISO date ("2025-01-05", a time after it ignored); 0,
 * or -1 and nothing written when it does not start with one. */
int	 fmt_date_iso(struct buf *, enum lang, const char *iso);

#endif /* !FORMAT_H */
