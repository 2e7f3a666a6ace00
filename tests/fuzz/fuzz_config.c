/*
 * fuzz_config.c -- the INI configuration and the input-text checks.
 *
 * The input is a configuration file's bytes: text_check must accept it
 * or name a line and column, and config_parse must then accept it or
 * fail with a "site.ini:LINE: ..." message, never crash or leak.  The
 * same bytes go through utf8_strip_hidden, whose output must be no
 * longer and hold no uc_hidden code point.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/config.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config	 c;
	struct buf	 b = { 0 };
	const char	*p, *e;
	char		*text;

	text = xstrndup((const char *)data, size);
	if (text_check("site.ini", (const char *)data, size) == 0) {
		config_defaults(&c);
		if (config_parse(&c, text, "site.ini") == -1 &&
		    strncmp(rs_errmsg(), "site.ini:", 9) != 0)
			abort();
		config_free(&c);
	} else if (strncmp(rs_errmsg(), "site.ini:", 9) != 0)
		abort();
	free(text);

	utf8_strip_hidden(&b, (const char *)data, size);
	if (b.len > size)
		abort();
	if (utf8_valid((const char *)data, size)) {
		p = buf_str(&b);
		e = p + b.len;
		while (p < e)
			if (uc_hidden(utf8_next(&p, e)))
				abort();
	}
	buf_free(&b);
	return 0;
}
