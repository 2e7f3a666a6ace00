/*
 * lexicon.h -- what the scrubber knows about words (privacy/scrub.c
 * and privacy/lexicon.c only): the built-in word classes of both
 * languages, the data files of content/scrub/ (given names, surnames,
 * places, the medical vocabulary) and the hunspell dictionaries of
 * Russian and Kazakh, with the morphology of names and places.
 */
#ifndef LEXICON_H
#define LEXICON_H

#include <stdint.h>

/* Built-in classes of a lower-case word (lex_classes). */
#define L_KEEP		0x00000001ULL	/* medical vocabulary: never a name */
#define L_COMMON	0x00000002ULL	/* a common word: never a name */
#define L_ROLE		0x00000004ULL	/* пациент, врач: a name follows */
#define L_ROLEKK	0x00000008ULL	/* дәрігер: a name may precede */
#define L_MONTH		0x00000010ULL
#define L_UNIT		0x00000020ULL	/* мг, мл, раз: a measurement */
#define L_AGE		0x00000040ULL	/* года, лет, жаста: after an age */
#define L_AGECTX	0x00000080ULL	/* возрасте, жасы: before an age */
#define L_STREET	0x00000100ULL	/* ул., проспект: a name follows */
#define L_MKR		0x00000200ULL	/* мкр.: its name may be a number */
#define L_HOUSE		0x00000400ULL	/* д., кв., үй: a number follows */
#define L_HOUSEPOST	0x00000800ULL	/* үй, пәтер: after a number */
#define L_KSTREET	0x00001000ULL	/* көшесі: after a street's name */
#define L_KSTREET2	0x00002000ULL	/* шағын (ауданы) */
#define L_SETTLE	0x00004000ULL	/* с., пос., ауыл: a place follows */
#define L_SETTLEPOST	0x00008000ULL	/* ауылы, қаласы: after a place */
#define L_ADDRLBL	0x00010000ULL	/* адрес, мекенжайы */
#define L_PHONE		0x00020000ULL	/* тел., телефон */
#define L_IIN		0x00040000ULL	/* ИИН, ЖСН, БИН */
#define L_FACIL		0x00080000ULL	/* больница, ГКБ: a facility */
#define L_CASE		0x00100000ULL	/* ИБ, карта, нөмірі */
#define L_DOC		0x00200000ULL	/* приказ, пункт: "№ N" is kept */
#define L_YEAR		0x00400000ULL	/* г., года, жылы */
#define L_BIRTH		0x00800000ULL	/* р., рождения, туған */
#define L_DATEW		0x01000000ULL	/* дата, күні */
#define L_ABBR		0x02000000ULL	/* its '.' does not end a sentence */
#define L_PARTICLE	0x04000000ULL	/* батыр, би: inside a street's name */
#define L_ORD		0x08000000ULL	/* -ші, -й, -го: ordinal endings */
#define L_GIVEN		0x10000000ULL	/* азамат: also a given name */
#define L_PERSON	0x20000000ULL	/* пациентка, бала: an age may follow */
#define L_AGEADJ	0x40000000ULL	/* жастағы, -летний: surely an age */
#define L_PLACEKW	0x80000000ULL	/* району, облысы: after a place */
#define L_PLACEADJ	0x100000000ULL	/* карагандинская: a place's adjective */
#define L_FACABBR	0x200000000ULL	/* ЦРБ, ГКБ: a facility's abbreviation */
#define L_NUMERAL	0x400000000ULL	/* шестьдесят, қырық: a number in words */
#define L_AT		0x800000000ULL	/* собака, at: "@" said aloud */
#define L_AGEUNIT	0x1000000000ULL	/* лет, айлық, тәулік: a unit of an age */

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
uint64_t lex_classes(const struct lexicon *, const char *, size_t);
/* What the lexicon knows (K_*) of the lower-case word; cached. */
unsigned lex_know(const struct lexicon *, const char *, size_t);
/* Lower-case s[0..len) into a new NUL-terminated string (for tests). */
char	*lex_lower(const char *, size_t);

#endif /* !LEXICON_H */
