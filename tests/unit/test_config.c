/*
 * test_config.c -- the INI configuration: defaults, every kind of value,
 * and the exact error (with its line) for each kind of mistake.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "lib/config.h"
#include "unit.h"

static void
bad(const char *text, const char *want, const char *what)
{
	struct config	 c;
	int		 rc;

	config_defaults(&c);
	rc = config_parse(&c, text, "site.ini");
	CHECK(rc == -1, "%s: rejected", what);
	if (rc == -1)
		EQ_STR(rs_errmsg(), want, "%s: message", what);
	config_free(&c);
}

int
main(void)
{
	struct config	 c;
	char		*path, *top;
	int		 rc;

	config_defaults(&c);
	CHECK(c.k == 11 && c.diversity == 2 && c.small_count == 8 &&
	    c.rounding == 5 && c.rows_per_page == 50 &&
	    c.free_text == FREE_TEXT_SCRUBBED, "documented defaults");
	EQ_STR(c.base_url, "http://localhost:8000/", "default base URL");
	EQ_STR(c.licence[LANG_RU], "CC BY 4.0", "default licence");
	EQ_STR(c.licence_url, "https://creativecommons.org/licenses/by/4.0/",
	    "default licence's text");
	CHECK(c.next_release == NULL && c.pop_year == 0,
	    "no next release or population year by default");
	rc = config_parse(&c,
	    "# comment\n"
	    "; another\n"
	    "[site]\n"
	    "name_kk = Тізілім\n"
	    "name_ru =   Реестр  \n"
	    "base_url = https://example.kz/registry\n"
	    "rows_per_page = 25\n"
	    "record_pages = no\n"
	    "licence_ru = Открытая лицензия\n"
	    "next_release = 2028-02-29\n"
	    "\n"
	    "[privacy]\n"
	    "k = 5\n"
	    "free_text = off\n"
	    "age = 10\n"
	    "diagnosis = chapter\n"
	    "[mci]\n"
	    "2025 = 3932\n"
	    "[population]\n"
	    "source_ru = Бюро\n"
	    "year = 2025\n"
	    "KZ-71 = 1423726\n", "site.ini");
	CHECK(rc == 0, "a valid file parses");
	EQ_STR(c.licence[LANG_RU], "Открытая лицензия", "licence by name");
	EQ_STR(c.next_release, "2028-02-29", "next release, a leap day");
	CHECK(c.pop_year == 2025, "population year");
	EQ_STR(c.pop_source[LANG_RU], "Бюро", "population source");
	EQ_STR(c.site_name[LANG_KK], "Тізілім", "kk name");
	EQ_STR(c.site_name[LANG_RU], "Реестр", "spaces trimmed");
	EQ_STR(c.base_url, "https://example.kz/registry/",
	    "base URL gains a final slash");
	CHECK(c.rows_per_page == 25 && c.record_pages == 0 && c.k == 5,
	    "numbers and booleans");
	CHECK(c.free_text == FREE_TEXT_OFF && c.min_level[QI_AGE] == 1 &&
	    c.min_level[QI_DIAGNOSIS] == 1, "choices");
	CHECK(config_mci(&c, 2025) == 3932 && config_mci(&c, 2024) == 0,
	    "MCI per year");
	CHECK(config_population(&c, "KZ-71") == 1423726 &&
	    config_population(&c, "KZ-75") == 0, "population per region");
	config_free(&c);

	bad("[site]\ntitel = x\n", "site.ini:2: unknown key 'titel' in [site]",
	    "unknown key");
	bad("[sight]\n", "site.ini:1: unknown section [sight]",
	    "unknown section");
	bad("[privacy]\nk = 1\n", "site.ini:2: bad value for 'k': expected a "
	    "whole number from 2 to 1000 (got '1')", "k too small");
	bad("[privacy]\n\nk = eleven\n", "site.ini:3: bad value for 'k': "
	    "expected a whole number from 2 to 1000 (got 'eleven')",
	    "k not a number");
	bad("[site]\nrecord_pages = maybe\n", "site.ini:2: bad value for "
	    "'record_pages': expected 'yes' or 'no' (got 'maybe')",
	    "bad boolean");
	bad("[privacy]\nfree_text = raw\n", "site.ini:2: bad value for "
	    "'free_text': expected one of 'off', 'scrubbed' (got 'raw')",
	    "bad choice");
	bad("[site]\nbase_url = example.kz\n", "site.ini:2: bad value for "
	    "'base_url': expected an absolute http:// or https:// URL "
	    "without query or fragment (got 'example.kz')", "relative URL");
	bad("[site]\nname_kk = a\nname_kk = b\n", "site.ini:3: duplicate key "
	    "'name_kk' in [site]", "duplicate key");
	bad("k = 3\n", "site.ini:1: key 'k' outside a section",
	    "key before any section");
	bad("[site]\njust words\n", "site.ini:2: expected 'key = value'",
	    "line without '='");
	bad("[site]\nname_ru =\n", "site.ini:2: 'name_ru' must not be empty",
	    "empty text");
	bad("[mci]\n2023 = 3450\n", "site.ini:2: unknown key '2023' in [mci] "
	    "(expected a year from 2024 to 2100)", "year out of range");
	bad("[population]\nKZ-7 = 10\n", "site.ini:2: unknown key 'KZ-7' in "
	    "[population] (expected a region code such as KZ-71)",
	    "bad region code");
	bad("[site\n", "site.ini:1: expected '[section]'", "broken section");
	bad("[site]\nnext_release = 2025-02-30\n", "site.ini:2: bad value "
	    "for 'next_release': expected a date YYYY-MM-DD (got "
	    "'2025-02-30')", "next release on no real day");
	bad("[population]\nyear = 1800\n", "site.ini:2: bad value for "
	    "'year': expected a whole number from 1990 to 2100 (got '1800')",
	    "population year out of range");

	/* Issue 16.7: hosts, control and invisible characters, lengths. */
	bad("[site]\nbase_url = http://\n", "site.ini:2: bad value for "
	    "'base_url': no host name in 'http://'", "a URL without a host");
	bad("[site]\nbase_url = https://:8000/x/\n", "site.ini:2: bad value "
	    "for 'base_url': no host name in 'https://:8000/x/'",
	    "a URL with a port but no host");
	bad("[site]\nbase_url = https://a..kz/\n", "site.ini:2: bad value "
	    "for 'base_url': no host name in 'https://a..kz/'",
	    "an empty label in the host");
	bad("[site]\nbase_url = https://ex.kz:99999/\n", "site.ini:2: bad "
	    "value for 'base_url': expected an absolute http:// or https:// "
	    "URL without query or fragment (got 'https://ex.kz:99999/')",
	    "a port out of range");
	bad("[site]\nbase_url = https://ex.kz/\x01/\n", "site.ini:2:26: the "
	    "control character U+0001", "a control character in base_url");
	bad("[site]\nbase_url = https://ex.kz/\t/\n", "site.ini:2: bad value "
	    "for 'base_url': expected an absolute http:// or https:// URL "
	    "without query or fragment (got 'https://ex.kz/\t/')",
	    "a TAB in base_url");
	bad("[site]\nname_kk = Тізілім\x1b[31m\n", "site.ini:2:18: the "
	    "control character U+001B", "an escape sequence in a name");
	bad("[site]\nname_kk = a\tb\n", "site.ini:2: bad value for "
	    "'name_kk': the control character U+0009", "a TAB in a name");
	bad("[site]\norganization_ru = Мин\xe2\x80\xaeздрав\n", "site.ini:2: "
	    "bad value for 'organization_ru': the invisible character U+202E",
	    "a bidi override in a name");
	bad("[site]\nname_ru = a\xc2\x80" "b\n", "site.ini:2:12: the control "
	    "character U+0080", "a C1 control in a name");
	bad("[site]\nname_ru = \xff\n", "site.ini:2:11: not valid UTF-8 "
	    "(byte 0xFF)", "invalid UTF-8, with its line and column");
	bad("[site]\rname_ru = x\n", "site.ini:1:7: a carriage return (CR) "
	    "not followed by a line feed: use LF or CRLF line ends",
	    "CR line ends");
	{
		struct buf	 t = { 0 };
		int		 i;

		BUF_LIT(&t, "[site]\nname_ru = ");
		for (i = 0; i < 301; i++)
			BUF_LIT(&t, "я");
		BUF_LIT(&t, "\n");
		bad(buf_str(&t), "site.ini:2: bad value for 'name_ru': 301 "
		    "characters, at most 300", "a name of 301 characters");
		buf_reset(&t);
		BUF_LIT(&t, "[site]\nname_ru = ");
		for (i = 0; i < 300; i++)
			BUF_LIT(&t, "я");
		BUF_LIT(&t, "\n");
		config_defaults(&c);
		CHECK(config_parse(&c, buf_str(&t), "site.ini") == 0,
		    "a name of 300 characters is accepted");
		config_free(&c);
		buf_free(&t);
	}
	config_defaults(&c);
	CHECK(config_parse(&c, "[site]\r\nname_ru = Реестр\r\nbase_url = "
	    "https://[2001:db8::1]:8443/r\r\n", "site.ini") == 0 &&
	    strcmp(c.site_name[LANG_RU], "Реестр") == 0 &&
	    strcmp(c.base_url, "https://[2001:db8::1]:8443/r/") == 0,
	    "CRLF line ends, an IPv6 host and a port");
	config_free(&c);

	/* The shipped example configuration. */
	top = getenv("TOP");
	path = xasprintf("%s/content/site.ini", top ? top : ".");
	rc = config_load(&c, path);
	CHECK(rc == 0, "content/site.ini loads: %s", rc ? rs_errmsg() : "");
	CHECK(rc == 0 && c.npop == 20 && config_mci(&c, 2025) == 3932,
	    "it gives every region's population and the 2025 MCI");
	config_free(&c);
	free(path);
	return unit_failed;
}
