/* import.c -- quarterly CSV submissions (placeholder). */
#include "extern.h"

int
import_run(const struct import_opts *o)
{
	(void)o;
	return rs_err("import: not implemented yet");
}
