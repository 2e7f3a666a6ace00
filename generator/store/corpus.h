/*
 * corpus.h -- the demo corpus: every Kazakh and Russian text of
 * `regsite demo`, read from the CSV files of content/demo/ (its
 * README.md explains the files to translators).  corpus.c reads and
 * checks the files; demo.c compiles the phrases and draws the records.
 * Seen by those two only.
 */
#ifndef CORPUS_H
#define CORPUS_H

/* Age classes of a patient, and the classes a phrase fits. */
#define AC_ANY	  -1
#define AC_ADULT  0
#define AC_CHILD  1
#define AC_NEO	  2
#define AC_NOTNEO 3

/* Conditions on a phrase ("fits" in phrases.csv). */
#define PF_ALIVE  0x01	/* not after a death (apologies to the patient) */
#define PF_CLIN	  0x02	/* only after a clinical incident */
#define PF_NOOBST 0x04	/* not in obstetrics (a woman in labour) */
#define PF_INPAT  0x08	/* only for an incident on the ward */

/* What a scenario may describe ("flags" in scenarios.csv). */
#define SC_W	0x01	/* with consequences */
#define SC_O	0x02	/* without consequences */
#define SC_D	0x04	/* ending in death (Form 2) */
#define SC_CORP	0x08	/* a corporate (organisational) incident */
#define SC_OUT	0x10	/* begins outside the ward: no inpatient opening */

/* Diagnoses ("flags" in diagnoses.csv). */
#define DX_F	0x01	/* women only */
#define DX_M	0x02	/* men only */
#define DX_CX	0x04	/* a complication, not an admission diagnosis */

/* Families of profiles that share scenarios (names in corpus.c). */
enum fam {
	F_SURG, F_OBST, F_GYN, F_NEO, F_THER, F_CARD, F_CSURG, F_ANES,
	F_PED, F_PSURG, F_PANES, F_TRAUMA, F_BURN, F_NEURO, F_NSURG,
	F_ONCO, F_URO, F_EYE, F_ENT, F_DENT, F_PSY, F_INF, F_DERM,
	F_REHAB, F_DIAG, F_TRANSPL, F__MAX
};
#define FM(f)	(1u << (f))

/* Kinds of medical organization (rows of organizations.csv). */
enum otype {
	OT_MULTI, OT_CHILD, OT_PERI, OT_ONCO, OT_CARDIO, OT_PSY, OT_TB,
	OT_INFECT, OT_EMERG, OT_REHAB, OT_DERM, OT_CITY, OT_POLY,
	OT_MATERN, OT_DENT, OT_TOWN, OT__MAX
};

/* The pools of phrases.csv (the part of a key before the dot). */
enum pool {
	P_LEAD, P_DETAIL, P_OUT_WITH, P_OUT_WITHOUT, P_OUT_DEATH, P_HARM,
	P_ANAM_OPEN, P_ANAM_OBST, P_COMORB, P_NO_COMORB, P_TRIGGER,
	P_TRIGGER_OBST, P_NO_TRIGGER, P_CARE, P_MEASURE, P_PLAN_YES,
	P_PLAN_NO, P_COMMISSION, P_INSURED, P_UNINSURED, P_ID_ANAM,
	P_ID_CIRC, P_ID_CARE, P_ID_MEAS, P__MAX
};

/* The harm pool holds one phrase per role, in this order. */
enum { HARM_NONE_ADULT, HARM_NONE_CHILD, HARM_GROUP, HARM_CHILD,
	HARM__MAX };

/* The formats of words.csv ({NAME} placeholders, see fmt_expand). */
enum word {
	W_DATE, W_TIME, W_SHIFT_WEEKEND, W_SHIFT_DAY, W_SHIFT_EVENING,
	W_SHIFT_NIGHT, W_AGED_NEWBORN, W_AGED_MONTHS, W_AGED_YEARS, W_AGE,
	W_ADDRESS, W_COMORBIDITIES, W_PLACE, W__MAX
};

/* Cases of the patient's noun: nominative, genitive, dative, accusative. */
enum { PC_NOM, PC_GEN, PC_DAT, PC_ACC, PC__MAX };

#define MAXDX	16	/* diagnoses in one list */

/* A phrase of a pool: whom it fits, and its two texts. */
struct phrase {
	const char *key;
	int	 cls;		/* AC_* */
	int	 amin, amax;
	int	 flags;		/* PF_* */
	const char *text[LANG__MAX];
	size_t	 line;
};

/*
 * A scenario: what happened (circ) and the care given (care) for the
 * families in fams (0: any).  dx, when set, replaces the profile's
 * diagnoses: "A B" one of them, "A|B|C" (tied) the one matching label
 * 1, so that the diagnosis agrees with the [@1:...] groups.
 */
struct scenario {
	const char *key;
	unsigned fams;
	int	 flags;		/* SC_* */
	int	 amin, amax;
	char	 sex;		/* 'F', 'M' or 0 */
	int	 topic;		/* index into topics */
	int	 dx[MAXDX], ndx, tied;
	const char *circ[LANG__MAX], *care[LANG__MAX];
	size_t	 line;
};

struct diagnosis {
	const char *code;
	int	 flags;		/* DX_* */
	const char *name[LANG__MAX];
	size_t	 line;
};

/* A department: its name, "in" it and "into" it. */
struct department {
	const char *key;
	const char *name[LANG__MAX], *in[LANG__MAX], *into[LANG__MAX];
};

struct topic {
	const char *key;
	const char *text[LANG__MAX];
};

struct region {
	const char *code;
	int	 pop;		/* thousands of people */
	int	 city;		/* a city of republican significance */
	const char *centre[LANG__MAX];
	const char *adj_kk;	/* "Қарағанды облыстық" */
	const char *adj_f_ru;	/* "Карагандинская областная" */
	const char *adj_m_ru;	/* "Карагандинский областной" */
	const char *of_ru;	/* " области Абай", " г. Астана" or "" */
	const char *(*town)[LANG__MAX];
	size_t	 ntowns;
	size_t	 line;
};

/* A list of names in both languages. */
struct names {
	const char *(*v)[LANG__MAX];
	size_t	 n;
};

struct ctable;

/*
 * The corpus.  Every string points into the tables read from the
 * files, which it owns: they live until corpus_free.
 */
struct corpus {
	char	*dir;		/* "content/demo" or "DIR/content/demo" */
	struct ctable *tab;	/* the files as read */
	size_t	 ntab;
	const char *path_phrases, *path_scenarios;	/* for messages */
	const char *path_regions, *path_diagnoses;
	struct phrase *pool[P__MAX];
	size_t	 npool[P__MAX];
	struct scenario *scen;
	size_t	 nscen;
	struct diagnosis *dx;
	size_t	 ndx;
	struct department *dept;
	size_t	 ndept;
	struct topic *topic;
	size_t	 ntopic;
	struct region *region;
	size_t	 nregion;
	struct names surnames, initials, streets;
	const char *month[12][LANG__MAX];	/* kk locative, ru genitive */
	const char *kk_end_digit[10];	/* after 1..9 read aloud ([0] unused) */
	const char *kk_end_tens[6];	/* after 0, 10, ..., 50 */
	const char *patient[3][2][PC__MAX][LANG__MAX];	/* class, sex, case */
	const char *word[W__MAX][LANG__MAX];
	const char *org[OT__MAX][LANG__MAX];
};

/*
 * Read content/demo/ of srcdir (NULL: the current directory if it is a
 * source tree, else DATADIR, as `regsite build` does).  0, or -1 and
 * rs_err naming the file and line.  corpus_free even after a failure.
 */
int	 corpus_load(struct corpus *, const char *srcdir);
void	 corpus_free(struct corpus *);
/* Index of a department key or a diagnosis code, or -1. */
int	 corpus_dept(const struct corpus *, const char *key);
/*
 * Parse a diagnosis list, "A B C" or "A|B|C" (tied), into indices;
 * -1 and rs_err prefixed with where if a code is unknown.
 */
int	 corpus_dx_list(const struct corpus *, const char *s, int out[MAXDX],
	    int *n, int *tied, const char *where);

/* Russian plural class: 0 for 1, 21..; 1 for 2-4, 22-24..; 2 otherwise. */
int	 ru_plural(long);

/*
 * A value for a placeholder: {NAME} appends s, {NAME~one~few~many}
 * appends s, a space and the Russian form agreeing with n.
 */
struct fvar {
	const char *name;
	const char *s;
	long	 n;
};
/* Append fmt with its placeholders filled (formats are checked on load). */
void	 fmt_expand(struct buf *, const char *fmt, const struct fvar *,
	    size_t);

#endif /* !CORPUS_H */
