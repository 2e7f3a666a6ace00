/*
 * test_msg.c -- the operator's messages: every message exists in the
 * three languages with the same printf conversions in the same order
 * (a Kazakh text with a %s where English has %ld would crash), and the
 * nouns agree with their numbers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "store/msg.h"
#include "unit.h"

/* The conversions of a printf format, e.g. "%s%ld%.3s". */
static void
conversions(const char *f, char *out, size_t sz)
{
	size_t	 n = 0;

	out[0] = '\0';
	for (; *f != '\0'; f++) {
		if (*f != '%')
			continue;
		if (f[1] == '%') {
			f++;
			continue;
		}
		do {
			if (n + 2 < sz)
				out[n++] = *f;
		} while (*f != '\0' && strchr("sdiuxXc", *f++) == NULL);
		f--;
		out[n] = '\0';
	}
}

int
main(void)
{
	char	 want[64], got[64];
	int	 m, l, bad = 0, missing = 0;

	for (m = 0; m < M__MAX; m++) {
		for (l = 0; l < OPLANG__MAX; l++)
			if (msg((enum oplang)l, (enum msg)m) == NULL ||
			    *msg((enum oplang)l, (enum msg)m) == '\0') {
				printf("  message %d has no text in language "
				    "%d\n", m, l);
				missing++;
			}
		if (missing)
			continue;
		conversions(msg(OPLANG_EN, (enum msg)m), want, sizeof(want));
		for (l = 0; l < OPLANG_EN; l++) {
			conversions(msg((enum oplang)l, (enum msg)m), got,
			    sizeof(got));
			if (strcmp(want, got) != 0) {
				printf("  message %d, language %d: %s, English "
				    "%s\n", m, l, got, want);
				bad++;
			}
		}
	}
	CHECK(missing == 0, "every message in kk, ru and en");
	CHECK(bad == 0, "the same conversions in every language");

	EQ_STR(noun(OPLANG_RU, N_RECORD, 1), "запись", "ru: 1 запись");
	EQ_STR(noun(OPLANG_RU, N_RECORD, 3), "записи", "ru: 3 записи");
	EQ_STR(noun(OPLANG_RU, N_RECORD, 12), "записей", "ru: 12 записей");
	EQ_STR(noun(OPLANG_RU, N_RECORD, 21), "запись", "ru: 21 запись");
	EQ_STR(noun(OPLANG_RU, N_RECORD, 112), "записей", "ru: 112 записей");
	EQ_STR(noun(OPLANG_RU, N_RECORD, 0), "записей", "ru: 0 записей");
	EQ_STR(noun(OPLANG_KK, N_RECORD, 12), "жазба", "kk: 12 жазба");
	EQ_STR(noun(OPLANG_EN, N_RECORD, 1), "record", "en: 1 record");
	EQ_STR(noun(OPLANG_EN, N_RECORD, 2), "records", "en: 2 records");
	CHECK(oplang_parse("kk") == OPLANG_KK && oplang_parse("ru") ==
	    OPLANG_RU && oplang_parse("de") == -1, "--lang values");
	return unit_failed;
}
