/* serve.c -- preview server (placeholder). */
#include "extern.h"

int
serve_run(const char *dir, const char *bind, int port)
{
	(void)dir; (void)bind; (void)port;
	return rs_err("serve: not implemented yet");
}
