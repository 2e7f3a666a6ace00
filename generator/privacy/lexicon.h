/*
 * lexicon.h -- what the scrubber knows about words (privacy/scrub.c
 * and privacy/lexicon.c only): the built-in word classes of both
 * languages, the data files of content/scrub/ (given names, surnames,
 * places, the medical vocabulary) and the hunspell dictionaries of
 * Russian and Kazakh, with the morphology of names and places.
 */
#ifndef LEXICON_H
#define LEXICON_H

/* Built-in classes of a lower-case word (lex_classes). */
#define L_KEEP		0x00000001u	/* medical vocabulary: never a name */
#define L_COMMON	0x00000002u	/* a common word: never a name */
#define L_ROLE		0x00000004u	/* пациент, врач: a name follows */
#define L_ROLEKK	0x00000008u	/* дәрігер: a name may precede */
#define L_MONTH		0x00000010u
#define L_UNIT		0x00000020u	/* мг, мл, раз: a measurement */
#define L_AGE		0x00000040u	/* года, лет, жаста: after an age */
#define L_AGECTX	0x00000080u	/* возрасте, жасы: before an age */
#define L_STREET	0x00000100u	/* ул., проспект: a name follows */
#define L_MKR		0x00000200u	/* мкр.: its name may be a number */
#define L_HOUSE		0x00000400u	/* д., кв., үй: a number follows */
#define L_HOUSEPOST	0x00000800u	/* үй, пәтер: after a number */
#define L_KSTREET	0x00001000u	/* көшесі: after a street's name */
#define L_KSTREET2	0x00002000u	/* шағын (ауданы) */
#define L_SETTLE	0x00004000u	/* с., пос., ауыл: a place follows */
#define L_SETTLEPOST	0x00008000u	/* ауылы, қаласы: after a place */
#define L_ADDRLBL	0x00010000u	/* адрес, мекенжайы */
#define L_PHONE		0x00020000u	/* тел., телефон */
#define L_IIN		0x00040000u	/* ИИН, ЖСН, БИН */
#define L_FACIL		0x00080000u	/* больница, ГКБ: a facility */
#define L_CASE		0x00100000u	/* ИБ, карта, нөмірі */
#define L_DOC		0x00200000u	/* приказ, пункт: "№ N" is kept */
#define L_YEAR		0x00400000u	/* г., года, жылы */
#define L_BIRTH		0x00800000u	/* р., рождения, туған */
#define L_DATEW		0x01000000u	/* дата, күні */
#define L_ABBR		0x02000000u	/* its '.' does not end a sentence */
#define L_PARTICLE	0x04000000u	/* батыр, би: inside a street's name */
#define L_ORD		0x08000000u	/* -ші, -й, -го: ordinal endings */
#define L_GIVEN		0x10000000u	/* азамат: also a given name */
#define L_PERSON	0x20000000u	/* пациентка, бала: an age may follow */
#define L_AGEADJ	0x40000000u	/* жастағы, -летний: surely an age */
#define L_PLACEKW	0x80000000u	/* району, облысы: after a place */

/* Knowledge of a word from the data files and dictionaries (lex_know). */
#define K_COMMON	0x0001u	/* a dictionary knows it in lower case */
#define K_PROPER	0x0002u	/* a dictionary knows it capitalised only */
#define K_GIVEN		0x0004u	/* a given name, in any case form */
#define K_SURNAME	0x0008u	/* a surname of the list, any case form */
#define K_SURMORPH	0x0010u	/* ends like a surname: -ов, -ева, -ский */
#define K_KKPATRON	0x0020u	/* ends like -ұлы, -қызы (a surname too) */
#define K_PLACE		0x0040u	/* a place of Kazakhstan, any case form */
#define K_PLACEADJ	0x0080u	/* карагандинская: a place's adjective */
#define K_GIVENLIKE	0x0100u	/* ends like a Kazakh given name: -бек */
#define K_FACIL		0x0200u	/* a facility's abbreviation: ЦРБ */
#define K_RUCOMMON	0x0400u	/* the Russian dictionary knows it */
#define K_SURIN		0x0800u	/* ends like -ин, -ына: weaker than -ов */
#define K_MEDICAL	0x1000u	/* the medical vocabulary covers it */
#define K_PLACELONG	0x2000u	/* a place of five letters or more */
#define K_SURKK		0x4000u	/* K_SURMORPH with a Kazakh ending after */

struct lexicon;

/*
 * Load the lexicon: the built-in classes, the data files of dir
 * (content/scrub: given-names.txt, surnames.txt, places.txt,
 * medical.txt) and the hunspell dictionaries ru_RU and kk_KZ of
 * hsdir.  NULL and rs_err on failure.
 */
struct lexicon *lex_new(const char *dir, const char *hsdir);
void	 lex_free(struct lexicon *);
/* The built-in and medical classes (L_*) of the lower-case word. */
unsigned lex_classes(const struct lexicon *, const char *, size_t);
/* What the lexicon knows (K_*) of the lower-case word; cached. */
unsigned lex_know(const struct lexicon *, const char *, size_t);
/* Lower-case s[0..len) into a new NUL-terminated string (for tests). */
char	*lex_lower(const char *, size_t);

#endif /* !LEXICON_H */
