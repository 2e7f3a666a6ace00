/* demo.c -- synthetic registry (placeholder until implemented). */
#include "extern.h"

int
demo_run(const struct demo_opts *o)
{
	(void)o;
	return rs_err("demo: not implemented yet");
}
