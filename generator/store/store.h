/*
 * store.h -- the commands that write or check the registry database:
 * demo, import, validate.  main.c parses their options; each returns 0
 * on success, -1 on failure (rs_err set), or 1 when the data has
 * problems that it has already printed.  No SQLite here: the database
 * itself is seen only through db.h, by the store and the privacy stage.
 */
#ifndef STORE_H
#define STORE_H

/* PRAGMA user_version of the databases this regsite reads and writes. */
#define SCHEMA_VERSION 1

struct demo_opts {
	const char *db;
	const char *srcdir;	/* has content/demo/; NULL: found as build */
	unsigned long seed;
	int	 quarters;	/* from 2024 Q4 */
	long	 incidents;
	long	 insurance;
};
int	 demo_run(const struct demo_opts *);		/* demo.c */

struct import_opts {
	const char *db;
	enum form form;
	const char *quarter;	/* YYYYQn, the reporting quarter */
	const char *source;	/* the submitter; NULL: from the file name */
	int	 dry_run;
	const char *const *files;
	int	 nfiles;
};
int	 import_run(const struct import_opts *);	/* import.c */
int	 validate_run(const char *db);			/* validate.c */

#endif /* !STORE_H */
