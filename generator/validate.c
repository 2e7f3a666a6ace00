/* validate.c -- database checks (placeholder). */
#include "extern.h"

int
validate_run(const char *db)
{
	(void)db;
	return rs_err("validate: not implemented yet");
}

int
validate_quick(sqlite3 *db, const char *path)
{
	(void)db; (void)path;
	return 0;
}
