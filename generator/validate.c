/* validate.c -- database checks (placeholder). */
#include "extern.h"

int
validate_run(const char *db)
{
	(void)db;
	return rs_err("validate: not implemented yet");
}
