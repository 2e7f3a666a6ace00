/*
 * fuzz_import.c -- libFuzzer target for regsite import: the input is a
 * CSV file, read, checked and merged through import_db (the same path
 * as regsite import) into an in-memory registry, once as Form 1 and
 * once as Form 2.  Messages go to stdout and stderr: run with
 * -close_fd_mask=3.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/lib.h"
#include "lib/dict.h"
#include "store/db.h"
#include "store/msg.h"
#include "store/store.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char	 path[64];

static void
cleanup(void)
{
	unlink(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sqlite3	*db;
	struct import_opts o;
	const char	*files[1];
	FILE		*f;
	int		 fd, form;

	if (db == NULL) {
		snprintf(path, sizeof(path), "%s/fuzz_import.XXXXXX",
		    getenv("TMPDIR") && strlen(getenv("TMPDIR")) < 40 ?
		    getenv("TMPDIR") : "/tmp");
		if ((fd = mkstemp(path)) == -1)
			abort();
		close(fd);
		atexit(cleanup);
		if (db_open_write(&db, ":memory:", 1) == -1)
			abort();
	}
	if ((f = fopen(path, "wb")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);

	files[0] = path;
	for (form = 0; form < FORM__MAX; form++) {
		memset(&o, 0, sizeof(o));
		o.db = ":memory:";
		o.form = (enum form)form;
		o.quarter = "2025Q1";
		o.source = "fuzz";
		o.allow_removal = 1;
		o.jobs = 1;	/* read here, where coverage is counted */
		o.files = files;
		o.nfiles = 1;
		/* Real imports: each replaces the last submission. */
		if (import_db(db, &o) == -1 &&
		    !sqlite3_get_autocommit(db))
			abort();	/* an error must not leave a transaction */
	}
	return 0;
}
