/*
 * msg.h -- what import, validate and withdraw tell the operator, in the
 * operator's language (--lang kk|ru, default kk; en for developers and
 * for regsite build, whose own messages are English).  Every line is in
 * one language: codes, column names and values from the data stay as
 * they are.  The program's own errors ("regsite: FILE: ...") stay
 * English.
 */
#ifndef MSG_H
#define MSG_H

enum oplang {
	OPLANG_KK = 0,
	OPLANG_RU,
	OPLANG_EN,
	OPLANG__MAX
};

enum msg {
	/* rules.c: what is wrong with a value */
	M_FIELD,		/* "field '%s': %s" */
	M_BAD_UTF8,
	M_MISSING,
	M_DISAB_NEEDED,
	M_TOO_LONG,		/* %zu bytes, %d */
	M_CONTROL,		/* U+%04X */
	M_INVISIBLE,		/* U+%04X */
	M_SPACE,
	M_REGION,
	M_PROFILE,
	M_EXPECT2,		/* %s or %s */
	M_EXPECT_DISAB,
	M_DISAB_DEATH,
	M_AGE,
	M_ICD,
	M_ICD_CAT,		/* %.3s */
	M_DATETIME,
	M_NO_DATE,
	M_BEFORE_START,
	M_AFTER_Q,		/* %s */
	M_FUTURE,
	/* import.c: the file */
	M_NPROBLEMS,		/* %ld %s */
	M_UNKNOWN_COL,		/* %s %s */
	M_HINT_FORM,		/* %s */
	M_HINT_CASE,		/* %s */
	M_HDR_TOO_MANY,		/* %zu %d */
	M_DUP_COL,		/* %s %d */
	M_MISSING_COL,		/* %s */
	M_DUP_LINE,		/* %lld */
	M_DUP_FILE,		/* %s %lld */
	M_NFIELDS,		/* %zu %s %zu %s */
	M_RQ_DIFFERS,		/* %s */
	M_BAD_QUOTE,
	M_LONG_FIELD,		/* %d */
	M_UTF16,
	M_MORE_UTF8,
	M_OPEN_QUOTE,
	M_NO_HEADER,
	M_OTHER_QUARTER,	/* %s */
	M_DUP_REF,		/* %s %s */
	M_DUP_CONTENT,		/* %s %s %s */
	M_DUP_SELF,		/* %s %s */
	M_DUP_HINT,
	M_REMOVAL,		/* %ld %ld %ld */
	M_NOTHING_IMPORTED,
	/* import.c: the summary */
	M_DRY_RUN,
	M_SUM_HEAD,		/* %s %s %s %ld %s */
	M_SUM_COUNTS,		/* %ld %ld %ld */
	M_SUM_RENUM,		/* %ld */
	M_SUM_REMOVED,		/* %ld */
	M_UNCHANGED,
	M_LATE,			/* %s */
	M_BY_REGION,
	M_BY_CATEGORY,
	M_BY_HARM,
	M_IN_DB_IMPORT,		/* %lld %s %lld %s */
	/* withdraw.c */
	M_WD_DRY,
	M_WD_DONE,
	M_WD_NONE,		/* %s %s %s */
	M_IN_DB_WITHDRAW,	/* %lld %s %lld %s */
	/* validate.c */
	M_V_ROW,		/* %s %lld */
	M_V_NOT_IN,		/* %s */
	M_V_PUBNO_DUP,		/* %s %s %lld %s */
	M_V_PN_NOROW,		/* %s %s %lld */
	M_V_PN_LOW,		/* %s %s %lld %lld */
	M_V_QUARTER,
	M_V_SUBMISSIONS,	/* %s %s %s %lld %lld */
	M_V_REPEAT,		/* %lld %s */
	M_V_SAME_REF,
	M_V_SAME_CONTENT,
	M_V_NPROBLEMS,		/* %s %ld %s */
	M_V_OK,			/* %s %lld %s %lld %s */
	M_FORGET_WARN,
	M_FORGET_WOULD,		/* %s %ld %s %ld %s %ld %s */
	M_FORGOT,		/* %s %ld %s %ld %s %ld %s */
	/* names */
	M_FORM_INCIDENTS,
	M_FORM_INSURANCE,
	/* nouns: singular|plural (ru: one|few|many; kk: one form) */
	N_PROBLEM,
	N_RECORD,
	N_FIELD,
	N_COLUMN,
	N_INCIDENT,
	N_INSURANCE,
	N_RELEASE,
	N_PUB_ROW,
	N_DEFERRED,
	M__MAX
};

/* The text of m in lang (a printf format where marked above). */
const char *msg(enum oplang, enum msg);
/* The form of the noun n that goes with the number v ("3 records"). */
const char *noun(enum oplang, enum msg n, long long v);
/* "kk", "ru", "en" -> the language; -1 if none. */
int	 oplang_parse(const char *);

#endif /* !MSG_H */
