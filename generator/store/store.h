/*
 * store.h -- the commands that write or check the registry database:
 * demo, import, validate, withdraw (msg.h before it: the operator's
 * language).  main.c parses their options; each returns 0
 * on success, -1 on failure (rs_err set), or 1 when the data has
 * problems that it has already printed.  No SQLite here: the database
 * itself is seen only through db.h, by the store and the privacy stage.
 */
#ifndef STORE_H
#define STORE_H

/* PRAGMA user_version of the databases this regsite reads and writes. */
#define SCHEMA_VERSION 3

struct demo_opts {
	const char *db;
	const char *srcdir;	/* has content/demo/; NULL: found as build */
	unsigned long seed;
	int	 quarters;	/* from 2024 Q4 */
	long	 incidents;
	long	 insurance;
};
int	 demo_run(const struct demo_opts *);		/* demo.c */

/* The share of a submission an import may remove (--max-removal). */
#define IMPORT_MAX_REMOVAL 25	/* percent */

struct import_opts {
	const char *db;
	enum form form;
	const char *quarter;	/* YYYYQn, the reporting quarter */
	const char *source;	/* the submitter (required) */
	int	 dry_run;
	int	 allow_duplicates; /* records already in the registry */
	int	 allow_removal;	/* more than max_removal % removed */
	int	 max_removal;	/* percent */
	enum oplang lang;	/* of the summary and the problems */
	int	 jobs;		/* 1: the files read in this process;
				   else in a second one */
	const char *const *files;
	int	 nfiles;
};
int	 import_run(const struct import_opts *);	/* import.c */
/* Whether --source is a usable name (rs_err if not). */
int	 import_check_source(const char *);

struct validate_opts {
	const char *db;
	int	 allow_duplicates; /* repeated records: not a problem */
	enum oplang lang;
};
int	 validate_run(const struct validate_opts *);	/* validate.c */

/*
 * Withdraw one submission (form, source, quarter): its records are
 * deleted in one transaction, their public numbers stay taken, and
 * the submission is no longer recorded.  Without yes, a dry run that
 * says what would be withdrawn.
 */
struct withdraw_opts {
	const char *db;
	enum form form;
	const char *source;
	const char *quarter;
	int	 yes;
	enum oplang lang;
};
int	 withdraw_run(const struct withdraw_opts *);	/* withdraw.c */
/* Forget the release memory; without yes, only tell.  (forget.c) */
int	 forget_run(const char *db, int yes, enum oplang);

#endif /* !STORE_H */
