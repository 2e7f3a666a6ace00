/*
 * fields.c -- the published fields of the downloads: their machine
 * names, each form's column order, the value of a field of a published
 * record (a code, or a label in a language), and the code lists that
 * the JSON metadata and the data dictionary describe.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "render/catalog.h"
#include "site/site.h"
#include "site/page.h"
#include "site/download.h"

const char *const field_names[F__NONE] = {
	"ref", "quarter", "reported_quarter", "month", "region", "category",
	"consequence", "profile_specialty", "profile_group", "sex",
	"age_band", "diagnosis_category", "diagnosis_chapter", "insured",
	"harm", "disability", "trigger", "corrective_plan",
	"circumstances", "anamnesis", "care", "measures"
};

/* Fields in the form's column order (REGISTRY.md sections 2 and 3). */
static const enum field fields[FORM__MAX][20] = {
	{ F_REF, F_QUARTER, F_REPORTED, F_MONTH, F_CATEGORY, F_CONSEQUENCE,
	  F_CIRC, F_PROFILE, F_GROUP, F_ANAM, F_TRIGGER, F_SEX, F_AGE, F_DX,
	  F_CHAPTER, F_CARE, F_MEAS, F_PLAN, F__NONE },
	{ F_REF, F_QUARTER, F_REPORTED, F_MONTH, F_REGION, F_PROFILE,
	  F_GROUP, F_SEX, F_DX, F_CHAPTER, F_INSURED, F_ANAM, F_HARM,
	  F_DISABILITY, F_CIRC, F_CARE, F_MEAS, F__NONE },
};

const enum field *
form_fields(enum form f)
{
	return fields[f];
}

int
field_is_text(enum field fd)
{
	return fd >= F_CIRC && fd <= F_MEAS;
}

void
field_value(struct build *b, const struct pubrec *r, enum field fd,
    int lang, enum lang textlang, struct buf *out)
{
	struct catalog	*cat = b->cat;
	int		 lvl;
	char		 key[40];
	const char	*v = NULL;

#define HIDDEN() buf_puts(out, lang < 0 ? SUPPRESSED : \
	tr(cat, (enum lang)lang, "hidden_value"))
	switch (fd) {
	case F_REF:
		buf_puts(out, r->ref);
		return;
	case F_QUARTER:
		buf_puts(out, r->quarter);
		return;
	case F_REPORTED:
		buf_puts(out, r->reported);
		return;
	case F_MONTH:
		if (r->month < 0)
			HIDDEN();
		else if (r->month > 0) {
			/* A language's file is opened in spreadsheets, which
			 * would read "2025-04" as a date. */
			buf_printf(out, "%.4s-%02d", r->quarter, r->month);
			if (lang >= 0) {
				BUF_LIT(out, " (");
				fmt_month(out, (enum lang)lang, r->month);
				buf_putc(out, ')');
			}
		}
		return;
	case F_REGION:
		/* No row shows its region (privacy.c): withheld, like any
		 * hidden value, not an empty cell a spreadsheet reads as
		 * missing data. */
		if (strcmp(r->region, "*") == 0 || r->region[0] == '\0')
			HIDDEN();
		else
			buf_puts(out, lang < 0 ? r->region :
			    label_region(b, lang, r->region));
		return;
	case F_PROFILE:
	case F_GROUP:
		if (strcmp(r->profile, "*") == 0) {
			HIDDEN();
			return;
		}
		lvl = r->lv[QI_PROFILE];
		if (fd == F_PROFILE && lvl == 0)
			v = lang < 0 ? r->profile :
			    label_profile(b, lang, r->profile, 0);
		else if (fd == F_GROUP) {
			const char *g = r->profile;

			if (lvl == 0) {
				const struct dict_entry *e = dict_find(
				    b->dicts->profiles, b->dicts->nprofiles,
				    r->profile);
				g = e ? e->group : "";
			}
			v = lang < 0 ? g : label_profile(b, lang, g,
			    lvl == 0 ? 1 : lvl);
		}
		if (v)
			buf_puts(out, v);
		return;
	case F_SEX:
		if (strcmp(r->sex, "*") == 0)
			HIDDEN();
		else
			buf_puts(out, lang < 0 ? r->sex : tr(cat, lang,
			    strcmp(r->sex, "M") == 0 ? "sex_m" : "sex_f"));
		return;
	case F_AGE:
		if (strcmp(r->age, "*") == 0)
			HIDDEN();
		else
			buf_puts(out, r->age);
		return;
	case F_DX:
	case F_CHAPTER:
		if (strcmp(r->diagnosis, "*") == 0) {
			HIDDEN();
			return;
		}
		lvl = r->lv[QI_DIAGNOSIS];
		if (fd == F_DX) {
			if (lvl == 0)
				buf_puts(out, r->diagnosis);
			return;
		}
		if (lvl == 2) {
			buf_puts(out, lang < 0 ? r->diagnosis :
			    label_chapter(b, lang, r->diagnosis));
			return;
		}
		{
			const struct dict_entry *e = lvl == 0 ?
			    dict_chapter(b->dicts, r->diagnosis) :
			    dict_find(b->dicts->chapters, b->dicts->nchapters,
			    r->diagnosis);

			if (e == NULL)
				return;
			if (lang < 0)
				buf_puts(out, e->code);
			else
				buf_printf(out, "%s. %s", e->code,
				    e->name[lang]);
		}
		return;
	case F_CATEGORY:
		v = r->category;
		snprintf(key, sizeof(key), "cat_%s", v);
		break;
	case F_CONSEQUENCE:
		v = r->consequence;
		snprintf(key, sizeof(key), "cons_%s", v);
		break;
	case F_INSURED:
		v = r->insured;
		snprintf(key, sizeof(key), "insured_%s", v);
		break;
	case F_HARM:
		v = r->harm;
		snprintf(key, sizeof(key), "harm_%s", v);
		break;
	case F_DISABILITY:
		v = r->disability;
		if (v[0] == '\0')
			return;
		snprintf(key, sizeof(key), "disability_%s", v);
		for (char *k = key; *k; k++)
			*k = (char)tolower((unsigned char)*k);
		break;
	case F_TRIGGER:
		v = r->trigger;
		snprintf(key, sizeof(key), "%s", v);
		break;
	case F_PLAN:
		v = r->plan;
		snprintf(key, sizeof(key), "%s", v);
		break;
	case F_CIRC:
	case F_ANAM:
	case F_CARE:
	case F_MEAS:
		v = r->text[fd - F_CIRC][textlang];
		if (v)
			buf_puts(out, v);
		return;
	case F__NONE:
		return;
	}
#undef HIDDEN
	buf_puts(out, lang < 0 ? v : tr(cat, lang, key));
}

/* Append a code and its label to the list *v of *n. */
static void
code(struct fcode **v, size_t *n, const char *c, const char *label)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[*n].code = c;
	(*v)[*n].label = label;
	(*n)++;
}

/* Every entry of a code list. */
static void
dict_codes(struct fcode **v, size_t *n, const struct dict_entry *e,
    size_t ne, enum lang l)
{
	size_t	 i;

	for (i = 0; i < ne; i++)
		code(v, n, e[i].code, e[i].name[l]);
}

struct fcode *
field_codes(struct build *b, enum lang l, enum field fd, size_t *np)
{
	struct catalog	*cat = b->cat;
	const struct dicts *d = b->dicts;
	struct fcode	*v = NULL;
	size_t		 n = 0;

	switch (fd) {
	case F_CATEGORY:
		code(&v, &n, "clinical", tr(cat, l, "cat_clinical"));
		code(&v, &n, "corporate", tr(cat, l, "cat_corporate"));
		break;
	case F_CONSEQUENCE:
		code(&v, &n, "with", tr(cat, l, "cons_with"));
		code(&v, &n, "without", tr(cat, l, "cons_without"));
		break;
	case F_TRIGGER:
	case F_PLAN:
		code(&v, &n, "yes", tr(cat, l, "yes"));
		code(&v, &n, "no", tr(cat, l, "no"));
		break;
	case F_INSURED:
		code(&v, &n, "yes", tr(cat, l, "insured_yes"));
		code(&v, &n, "no", tr(cat, l, "insured_no"));
		break;
	case F_SEX:
		code(&v, &n, "M", tr(cat, l, "sex_m"));
		code(&v, &n, "F", tr(cat, l, "sex_f"));
		break;
	case F_HARM:
		code(&v, &n, "iatrogenic", tr(cat, l, "harm_iatrogenic"));
		code(&v, &n, "death", tr(cat, l, "harm_death"));
		break;
	case F_DISABILITY:
		code(&v, &n, "none", tr(cat, l, "disability_none"));
		code(&v, &n, "I", tr(cat, l, "disability_i"));
		code(&v, &n, "II", tr(cat, l, "disability_ii"));
		code(&v, &n, "III", tr(cat, l, "disability_iii"));
		code(&v, &n, "child", tr(cat, l, "disability_child"));
		break;
	case F_REGION:
		dict_codes(&v, &n, d->regions, d->nregions, l);
		break;
	case F_GROUP:
		dict_codes(&v, &n, d->groups, d->ngroups, l);
		code(&v, &n, "obstetric+pediatric",
		    tr(cat, l, "profile_obstetric_pediatric"));
		code(&v, &n, "therapeutic+surgical",
		    tr(cat, l, "profile_therapeutic_surgical"));
		break;
	case F_PROFILE:
		dict_codes(&v, &n, d->profiles, d->nprofiles, l);
		break;
	case F_CHAPTER:
		dict_codes(&v, &n, d->chapters, d->nchapters, l);
		code(&v, &n, "XV-XVII", tr(cat, l, "dx_group_perinatal"));
		code(&v, &n, "I-XIV,XVIII-XXII", tr(cat, l, "dx_group_other"));
		break;
	default:
		break;
	}
	*np = n;
	return v;
}
