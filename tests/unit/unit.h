/*
 * unit.h -- the smallest test harness: CHECK prints "ok - what" or
 * "not ok - what" (tests/run.sh counts them); EQ_STR compares strings
 * and shows both on failure.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failed;

#define CHECK(cond, ...) do {						\
	if (cond)							\
		printf("ok - ");					\
	else {								\
		printf("not ok - ");					\
		unit_failed = 1;					\
	}								\
	printf(__VA_ARGS__);						\
	printf("\n");							\
} while (0)

#define EQ_STR(got, want, ...) do {					\
	const char *g_ = (got), *w_ = (want);				\
	int same_ = g_ != NULL && strcmp(g_, w_) == 0;			\
	CHECK(same_, __VA_ARGS__);					\
	if (!same_)							\
		printf("  want: [%s]\n  got:  [%s]\n", w_,		\
		    g_ ? g_ : "(null)");				\
} while (0)

#endif
