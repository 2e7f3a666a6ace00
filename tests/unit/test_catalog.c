/*
 * test_catalog.c -- the translation catalog: parsing with libcsv, the
 * exact errors for bad catalogs, Russian plural forms, and the shipped
 * catalog (every key has both languages, markers are bracketed).
 */
#include <stdlib.h>

#include "lib/lib.h"
#include "render/catalog.h"
#include "unit.h"

static void
badn(const char *text, size_t len, const char *want, const char *what)
{
	struct catalog	*c;

	c = catalog_parse(text, len, "cat.csv");
	CHECK(c == NULL, "%s: rejected", what);
	if (c == NULL)
		EQ_STR(rs_errmsg(), want, "%s: message", what);
	catalog_free(c);
}

static void
bad(const char *text, const char *want, const char *what)
{
	struct catalog	*c;

	c = catalog_parse(text, strlen(text), "cat.csv");
	CHECK(c == NULL, "%s: rejected", what);
	if (c == NULL)
		EQ_STR(rs_errmsg(), want, "%s: message", what);
	catalog_free(c);
}

static const char *
plural(struct catalog *c, long long n)
{
	static struct buf b;

	buf_reset(&b);
	trn(&b, c, LANG_RU, "rec", n);
	return buf_str(&b);
}

int
main(void)
{
	const char	*ok = "\xef\xbb\xbfkey,kk,ru\n"
	    "a,Ақ,Белый\n"
	    "multi,\"бір, екі\",\"строка\nвторая \"\"в кавычках\"\"\"\n"
	    "rec,жазба,запись|записи|записей\n";
	struct catalog	*c;
	char		*path, *top;
	size_t		 i;

	c = catalog_parse(ok, strlen(ok), "cat.csv");
	CHECK(c != NULL, "a valid catalog parses (BOM, quotes, newlines)");
	if (c == NULL)
		return 1;
	EQ_STR(tr(c, LANG_KK, "a"), "Ақ", "kk text");
	EQ_STR(tr(c, LANG_RU, "a"), "Белый", "ru text");
	EQ_STR(tr(c, LANG_KK, "multi"), "бір, екі", "quoted comma");
	EQ_STR(tr(c, LANG_RU, "multi"), "строка\nвторая \"в кавычках\"",
	    "embedded newline and doubled quotes");
	CHECK(catalog_missing(c) == NULL, "nothing missing yet");
	EQ_STR(tr(c, LANG_RU, "nope"), "", "a missing key yields \"\"");
	EQ_STR(catalog_missing(c), "nope", "and is remembered by name");
	EQ_STR(plural(c, 1), "запись", "ru plural 1");
	EQ_STR(plural(c, 3), "записи", "ru plural 3");
	EQ_STR(plural(c, 5), "записей", "ru plural 5");
	EQ_STR(plural(c, 11), "записей", "ru plural 11");
	EQ_STR(plural(c, 21), "запись", "ru plural 21");
	EQ_STR(plural(c, 112), "записей", "ru plural 112");
	EQ_STR(plural(c, 1024), "записи", "ru plural 1024");
	{
		struct buf	 b = { 0 };

		trn(&b, c, LANG_KK, "rec", 5);
		EQ_STR(buf_str(&b), "жазба", "kk has one form");
		buf_free(&b);
	}
	catalog_free(c);

	bad("key,kk,ru\nx,текст,\n", "cat.csv:2: key 'x' has no Russian (ru) "
	    "text", "missing Russian");
	bad("key,kk,ru\nx,,текст\n", "cat.csv:2: key 'x' has no Kazakh (kk) "
	    "text", "missing Kazakh");
	bad("key,kk,ru\na,b,c\n\na,d,e\n", "cat.csv:4: duplicate key 'a' "
	    "(first on line 2)", "duplicate key");
	bad("key,ru,kk\n", "cat.csv:1: expected the header 'key,kk,ru'",
	    "wrong header");
	bad("key,kk,ru\na,b\n", "cat.csv:2: expected 3 fields (key,kk,ru), "
	    "found 2", "too few fields");
	bad("key,kk,ru\nBad Key,b,c\n", "cat.csv:2: invalid key 'Bad Key'",
	    "invalid key");
	bad("key,kk,ru\na,\"b,c\n", "cat.csv:2: unterminated quoted field",
	    "unterminated quote");
	bad("key,kk,ru\na,b\"c,d\n", "cat.csv:2: malformed quoting (a quote "
	    "inside an unquoted field, or text after a closing quote)",
	    "stray quote");
	bad("key,kk,ru\na,\xff,c\n", "cat.csv:2:3: not valid UTF-8 (byte "
	    "0xFF)", "bad UTF-8");
	badn("key,kk,ru\na,b\0x,c\nz,y,x\n", 22, "cat.csv:2:4: a NUL byte",
	    "a NUL byte (issue 16.8)");
	bad("key,kk,ru\na,b\x07,c\n", "cat.csv:2:4: the control character "
	    "U+0007", "a control character");

	/* The shipped catalog. */
	top = getenv("TOP");
	path = xasprintf("%s/content/catalog.csv", top ? top : ".");
	c = catalog_load(path);
	CHECK(c != NULL, "content/catalog.csv loads: %s",
	    c ? "" : rs_errmsg());
	if (c != NULL) {
		static const char *const types[] = { "name", "iin", "phone",
		    "email", "url", "date", "age", "address", "number" };

		CHECK(catalog_size(c) > 150, "the catalog has %zu keys",
		    catalog_size(c));
		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
			char	 key[32];
			const char *kk, *ru;

			snprintf(key, sizeof(key), "marker_%s", types[i]);
			kk = tr(c, LANG_KK, key);
			ru = tr(c, LANG_RU, key);
			CHECK(kk[0] == '[' && kk[strlen(kk) - 1] == ']' &&
			    ru[0] == '[' && ru[strlen(ru) - 1] == ']',
			    "marker %s is bracketed in both languages",
			    types[i]);
		}
		CHECK(catalog_missing(c) == NULL, "every marker key exists");
		catalog_free(c);
	}
	free(path);
	return unit_failed;
}
