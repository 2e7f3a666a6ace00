/*
 * ladder.c -- the generalization ladders (see ladder.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "privacy/ladder.h"

const int ladder_hidden[QI__MAX] = {
	/* month region sex age diagnosis profile */
	1, 0, 1, 4, 3, 3
};

/* The chapters whose diagnoses belong to pregnancy, birth, infancy. */
static const char *const perinatal[] = { "XV", "XVI", "XVII" };

static const char *const dx_broad[2] = {
	"I-XIV,XVIII-XXII", "XV-XVII"
};
static const char *const pr_broad[2] = {
	"therapeutic+surgical", "obstetric+pediatric"
};

int
ladder_chapter(const struct dicts *d, const char *category)
{
	const struct dict_entry *e;

	if ((e = dict_chapter(d, category)) == NULL)
		return -1;
	return (int)(e - d->chapters);
}

/* "K35" -> 1035; -1 if not a category. */
static int
category_code(const char *s)
{
	if (s == NULL || s[0] < 'A' || s[0] > 'Z' || s[1] < '0' ||
	    s[1] > '9' || s[2] < '0' || s[2] > '9' || s[3] != '\0')
		return -1;
	return (s[0] - 'A') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
}

static int
age5(int a)
{
	if (a <= 0)
		return 0;
	if (a < 5)
		return 1;
	if (a >= 90)
		return 90;
	return a / 5 * 5;
}

int
ladder_codes(const struct dicts *d, const struct qivals *v,
    ladder_code code[QI__MAX][LADDER_MAX])
{
	const struct dict_entry *pe, *ge;
	int	 q, l, c, ch;
	size_t	 i;

	for (q = 0; q < QI__MAX; q++)
		for (l = 0; l < LADDER_MAX; l++)
			code[q][l] = -1;
	code[QI_MONTH][0] = v->month;
	code[QI_SEX][0] = strcmp(v->sex, "M") == 0;
	code[QI_AGE][0] = age5(v->age);
	code[QI_AGE][1] = v->age >= 90 ? 90 : v->age / 10 * 10;
	code[QI_AGE][2] = v->age >= 80 ? 80 : v->age / 20 * 20;
	code[QI_AGE][3] = v->age >= 80 ? 80 : v->age >= 40 ? 40 : 0;
	if ((c = category_code(v->category)) == -1 ||
	    (ch = ladder_chapter(d, v->category)) == -1)
		return -1;
	if (ch > LADDER_CODE_MAX)
		return -1;
	code[QI_DIAGNOSIS][0] = (ladder_code)c;	/* at most 2599 */
	code[QI_DIAGNOSIS][1] = (ladder_code)ch;
	code[QI_DIAGNOSIS][2] = 0;
	for (i = 0; i < sizeof(perinatal) / sizeof(perinatal[0]); i++)
		if (strcmp(d->chapters[ch].code, perinatal[i]) == 0)
			code[QI_DIAGNOSIS][2] = 1;
	if ((pe = dict_find(d->profiles, d->nprofiles, v->profile)) == NULL ||
	    (ge = dict_find(d->groups, d->ngroups, pe->group)) == NULL ||
	    pe - d->profiles > LADDER_CODE_MAX ||
	    ge - d->groups > LADDER_CODE_MAX)
		return -1;
	code[QI_PROFILE][0] = (ladder_code)(pe - d->profiles);
	code[QI_PROFILE][1] = (ladder_code)(ge - d->groups);
	code[QI_PROFILE][2] = strcmp(ge->code, "obstetric") == 0 ||
	    strcmp(ge->code, "pediatric") == 0;
	return 0;
}

const char *
ladder_text(const struct dicts *d, enum qi q, int level, int code,
    char buf[32])
{
	if (level >= ladder_hidden[q] || code < 0)
		return "*";
	switch (q) {
	case QI_MONTH:
		snprintf(buf, 32, "%d", code);
		return buf;
	case QI_SEX:
		return code ? "M" : "F";
	case QI_AGE:
		if (level == 0 && code == 0)
			return "0";
		if (level == 0 && code == 1)
			return "1-4";
		if ((level <= 1 && code >= 90) || (level >= 2 && code >= 80))
			snprintf(buf, 32, "%d+", code);
		else if (level == 3)
			snprintf(buf, 32, "%d-%d", code, code + 39);
		else
			snprintf(buf, 32, "%d-%d", code, code +
			    (level == 0 ? 4 : level == 1 ? 9 : 19));
		return buf;
	case QI_DIAGNOSIS:
		if (level == 0) {
			snprintf(buf, 32, "%c%02d", 'A' + code / 100,
			    code % 100);
			return buf;
		}
		if (level == 1)
			return (size_t)code < d->nchapters ?
			    d->chapters[code].code : "*";
		return dx_broad[code != 0];
	case QI_PROFILE:
		if (level == 0)
			return (size_t)code < d->nprofiles ?
			    d->profiles[code].code : "*";
		if (level == 1)
			return (size_t)code < d->ngroups ?
			    d->groups[code].code : "*";
		return pr_broad[code != 0];
	default:
		return "*";
	}
}

int
ladder_parse(const struct dicts *d, enum qi q, const char *s, int *level,
    int *code)
{
	const struct dict_entry *e;
	int	 a, b, n = 0;

	*level = ladder_hidden[q];
	*code = -1;
	if (strcmp(s, "*") == 0)
		return 0;
	switch (q) {
	case QI_MONTH:
		if (sscanf(s, "%d%n", &a, &n) != 1 || s[n] != '\0' || a < 1 ||
		    a > 12)
			return -1;
		*level = 0;
		*code = a;
		return 0;
	case QI_SEX:
		if (strcmp(s, "M") != 0 && strcmp(s, "F") != 0)
			return -1;
		*level = 0;
		*code = s[0] == 'M';
		return 0;
	case QI_AGE:
		if (strcmp(s, "0") == 0 || strcmp(s, "1-4") == 0) {
			*level = 0;
			*code = s[0] == '1';
			return 0;
		}
		if (sscanf(s, "%d+%n", &a, &n) == 1 && s[n] == '\0' &&
		    strchr(s, '+') != NULL) {
			/* 90+ at 5- and 10-year bands, 80+ above. */
			if (a != 90 && a != 80)
				return -1;
			*level = a == 90 ? 1 : 2;
			*code = a;
			return 0;
		}
		if (sscanf(s, "%d-%d%n", &a, &b, &n) != 2 || s[n] != '\0')
			return -1;
		switch (b - a) {
		case 4:
			*level = 0;
			break;
		case 9:
			*level = 1;
			break;
		case 19:
			*level = 2;
			break;
		case 39:
			*level = 3;
			break;
		default:
			return -1;
		}
		*code = a;
		return 0;
	case QI_DIAGNOSIS:
		if ((a = category_code(s)) != -1) {
			*level = 0;
			*code = a;
			return 0;
		}
		for (a = 0; a < 2; a++)
			if (strcmp(s, dx_broad[a]) == 0) {
				*level = 2;
				*code = a;
				return 0;
			}
		if ((e = dict_find(d->chapters, d->nchapters, s)) == NULL)
			return -1;
		*level = 1;
		*code = (int)(e - d->chapters);
		return 0;
	case QI_PROFILE:
		for (a = 0; a < 2; a++)
			if (strcmp(s, pr_broad[a]) == 0) {
				*level = 2;
				*code = a;
				return 0;
			}
		if ((e = dict_find(d->groups, d->ngroups, s)) != NULL) {
			*level = 1;
			*code = (int)(e - d->groups);
			return 0;
		}
		if ((e = dict_find(d->profiles, d->nprofiles, s)) == NULL)
			return -1;
		*level = 0;
		*code = (int)(e - d->profiles);
		return 0;
	default:
		return -1;
	}
}
