/* build.c -- the build pipeline (placeholder). */
#include "extern.h"

int
build_run(const struct build_opts *o)
{
	(void)o;
	return rs_err("build: not implemented yet");
}
