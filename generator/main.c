/*
 * main.c -- regsite's command line: parse the options of each command
 * and dispatch to its stage.  Only this file prints errors and exits.
 *
 * Exit status: 0 success, 1 failure, 2 usage error, 3 the data has
 * problems (import, validate, or a build refusing its database).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "store/msg.h"
#include "store/store.h"
#include "site/build.h"
#include "publish.h"
#include "serve.h"

static void
usage(FILE *f)
{
	fputs("usage: regsite build --db FILE --out DIR [--config FILE] "
	    "[--report FILE]\n"
	    "                     [--lang kk|ru] [--source DIR] [--no-record] "
	    "[--quiet]\n"
	    "                     [--jobs N]\n"
	    "       regsite demo --db FILE [--seed N] [--quarters N] "
	    "[--incidents N]\n"
	    "                    [--insurance N] [--source DIR]\n"
	    "       regsite import --db FILE --form incidents|insurance "
	    "--quarter YYYYQn\n"
	    "                      --source NAME [--dry-run] "
	    "[--allow-duplicates]\n"
	    "                      [--allow-removal] [--max-removal PERCENT] "
	    "[--lang kk|ru]\n"
	    "                      [--jobs N] CSV ...\n"
	    "       regsite validate --db FILE [--allow-duplicates] "
	    "[--lang kk|ru]\n"
	    "       regsite withdraw --db FILE --form incidents|insurance "
	    "--source NAME\n"
	    "                        --quarter YYYYQn [--yes] [--lang kk|ru]\n"
	    "       regsite publish --dir DIR --to [USER@HOST:]PATH [--keep N] "
	    "[--ssh CMD]\n"
	    "       regsite publish --rollback --to [USER@HOST:]PATH "
	    "[--ssh CMD]\n"
	    "       regsite reanonymize --db FILE [--yes] [--lang kk|ru]\n"
	    "       regsite serve --dir DIR [--port N] [--bind ADDR] "
	    "[--timeout SECONDS]\n"
	    "       regsite --help | --version\n", f);
}

static int
misuse(const char *fmt, const char *arg)
{
	fputs("regsite: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	usage(stderr);
	return 2;
}

/* Report a stage's failure; status 1 (or 3 when the data is at fault). */
static int
failed(int rc)
{
	if (rc == 0)
		return 0;
	if (rc == -1)
		fprintf(stderr, "regsite: %s\n", rs_errmsg());
	return rc == 1 ? 3 : 1;
}

static int
number(const char *opt, const char *arg, long min, long max, long *out)
{
	if (parse_long(arg, min, max, out) == -1) {
		fprintf(stderr, "regsite: --%s: expected a whole number from "
		    "%ld to %ld, not '%s'\n", opt, min, max, arg);
		return -1;
	}
	return 0;
}

/* --jobs: 1 or 2 into *out; 0 or misuse's status. */
static int
jobs_opt(const char *cmd, const char *arg, int *out)
{
	if (strcmp(arg, "1") != 0 && strcmp(arg, "2") != 0) {
		fprintf(stderr, "regsite: %s: --jobs: expected 1 or 2, "
		    "not '%s'\n", cmd, arg);
		usage(stderr);
		return 2;
	}
	*out = arg[0] - '0';
	return 0;
}

static int
cmd_build(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "out", required_argument, NULL, 'o' },
		{ "config", required_argument, NULL, 'c' },
		{ "report", required_argument, NULL, 'r' },
		{ "lang", required_argument, NULL, 'l' },
		{ "source", required_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "no-record", no_argument, NULL, 'N' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct build_opts o;
	int		 c;

	memset(&o, 0, sizeof(o));
	o.progress = isatty(STDERR_FILENO);
	o.report_lang = LANG_KK;
	while ((c = getopt_long(argc, argv, "d:o:c:r:l:s:qNj:h", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'j':
			if (jobs_opt("build", optarg, &o.jobs) != 0)
				return 2;
			break;
		case 'd':
			o.db = optarg;
			break;
		case 'o':
			o.out = optarg;
			break;
		case 'c':
			o.config = optarg;
			break;
		case 'r':
			o.report = optarg;
			break;
		case 'l':
			if (strcmp(optarg, "kk") == 0)
				o.report_lang = LANG_KK;
			else if (strcmp(optarg, "ru") == 0)
				o.report_lang = LANG_RU;
			else
				return misuse("build: --lang: expected kk or "
				    "ru, not '%s'", optarg);
			break;
		case 's':
			o.srcdir = optarg;
			break;
		case 'q':
			o.quiet = 1;
			o.progress = 0;
			break;
		case 'N':
			o.no_record = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc)
		return misuse("build: unexpected argument '%s'", argv[optind]);
	if (o.db == NULL)
		return misuse("build: %s", "--db FILE is required");
	if (o.out == NULL)
		return misuse("build: %s", "--out DIR is required");
	return failed(build_run(&o));
}

static int
cmd_demo(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "seed", required_argument, NULL, 's' },
		{ "quarters", required_argument, NULL, 'q' },
		{ "incidents", required_argument, NULL, 'i' },
		{ "insurance", required_argument, NULL, 'n' },
		{ "source", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct demo_opts o;
	long		 v;
	int		 c;

	memset(&o, 0, sizeof(o));
	o.seed = 1;
	o.quarters = 8;
	o.incidents = 2000;
	o.insurance = 300;
	while ((c = getopt_long(argc, argv, "d:s:q:i:n:S:h", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'd':
			o.db = optarg;
			break;
		case 'S':
			o.srcdir = optarg;
			break;
		case 's':
			if (number("seed", optarg, 0, 2147483647L, &v) == -1)
				return 2;
			o.seed = (unsigned long)v;
			break;
		case 'q':
			if (number("quarters", optarg, 1, 40, &v) == -1)
				return 2;
			o.quarters = (int)v;
			break;
		case 'i':
			if (number("incidents", optarg, 0, 100000000L, &v)
			    == -1)
				return 2;
			o.incidents = v;
			break;
		case 'n':
			if (number("insurance", optarg, 0, 100000000L, &v)
			    == -1)
				return 2;
			o.insurance = v;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc)
		return misuse("demo: unexpected argument '%s'", argv[optind]);
	if (o.db == NULL)
		return misuse("demo: %s", "--db FILE is required");
	return failed(demo_run(&o));
}

/* --form: 0 or misuse's status. */
static int
form_opt(const char *cmd, const char *arg, enum form *out)
{
	if (strcmp(arg, "incidents") == 0)
		*out = FORM_INCIDENTS;
	else if (strcmp(arg, "insurance") == 0)
		*out = FORM_INSURANCE;
	else {
		fprintf(stderr, "regsite: %s: --form: expected 'incidents' or "
		    "'insurance', not '%s'\n", cmd, arg);
		usage(stderr);
		return 2;
	}
	return 0;
}

/* --lang: 0 or misuse's status. */
static int
lang_opt(const char *cmd, const char *arg, enum oplang *out)
{
	int	 l;

	if ((l = oplang_parse(arg)) == -1) {
		fprintf(stderr, "regsite: %s: --lang: expected 'kk' or 'ru', "
		    "not '%s'\n", cmd, arg);
		usage(stderr);
		return 2;
	}
	*out = (enum oplang)l;
	return 0;
}

static int
cmd_import(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "form", required_argument, NULL, 'f' },
		{ "quarter", required_argument, NULL, 'q' },
		{ "source", required_argument, NULL, 's' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "allow-duplicates", no_argument, NULL, 'D' },
		{ "allow-removal", no_argument, NULL, 'R' },
		{ "max-removal", required_argument, NULL, 'm' },
		{ "lang", required_argument, NULL, 'l' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct import_opts o;
	long		 v;
	int		 c, y, q, rc;

	memset(&o, 0, sizeof(o));
	o.form = -1;
	o.max_removal = IMPORT_MAX_REMOVAL;
	o.lang = OPLANG_KK;
	while ((c = getopt_long(argc, argv, "d:f:q:s:nj:h", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'j':
			if (jobs_opt("import", optarg, &o.jobs) != 0)
				return 2;
			break;
		case 'd':
			o.db = optarg;
			break;
		case 'f':
			if ((rc = form_opt("import", optarg, &o.form)) != 0)
				return rc;
			break;
		case 'q':
			if (quarter_parse(optarg, &y, &q) == -1)
				return misuse("import: --quarter: expected "
				    "YYYYQn (e.g. 2025Q1), not '%s'", optarg);
			o.quarter = optarg;
			break;
		case 's':
			o.source = optarg;
			break;
		case 'n':
			o.dry_run = 1;
			break;
		case 'D':
			o.allow_duplicates = 1;
			break;
		case 'R':
			o.allow_removal = 1;
			break;
		case 'm':
			if (number("max-removal", optarg, 0, 100, &v) == -1)
				return 2;
			o.max_removal = (int)v;
			break;
		case 'l':
			if ((rc = lang_opt("import", optarg, &o.lang)) != 0)
				return rc;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (o.db == NULL)
		return misuse("import: %s", "--db FILE is required");
	if ((int)o.form == -1)
		return misuse("import: %s", "--form incidents|insurance is "
		    "required");
	if (o.quarter == NULL)
		return misuse("import: %s", "--quarter YYYYQn is required");
	if (o.source == NULL)
		return misuse("import: %s", "--source NAME is required (the "
		    "submitter, so that its quarters are matched)");
	if (optind == argc)
		return misuse("import: %s", "no CSV file given");
	o.files = (const char *const *)argv + optind;
	o.nfiles = argc - optind;
	return failed(import_run(&o));
}

static int
cmd_validate(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "allow-duplicates", no_argument, NULL, 'D' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct validate_opts o;
	int		 c, rc;

	memset(&o, 0, sizeof(o));
	o.lang = OPLANG_KK;
	while ((c = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			o.db = optarg;
			break;
		case 'D':
			o.allow_duplicates = 1;
			break;
		case 'l':
			if ((rc = lang_opt("validate", optarg, &o.lang)) != 0)
				return rc;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc)
		return misuse("validate: unexpected argument '%s'",
		    argv[optind]);
	if (o.db == NULL)
		return misuse("validate: %s", "--db FILE is required");
	return failed(validate_run(&o));
}

static int
cmd_withdraw(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "form", required_argument, NULL, 'f' },
		{ "source", required_argument, NULL, 's' },
		{ "quarter", required_argument, NULL, 'q' },
		{ "yes", no_argument, NULL, 'y' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct withdraw_opts o;
	int		 c, y, q, rc;

	memset(&o, 0, sizeof(o));
	o.form = -1;
	o.lang = OPLANG_KK;
	while ((c = getopt_long(argc, argv, "d:f:s:q:yh", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'd':
			o.db = optarg;
			break;
		case 'f':
			if ((rc = form_opt("withdraw", optarg, &o.form)) != 0)
				return rc;
			break;
		case 's':
			o.source = optarg;
			break;
		case 'q':
			if (quarter_parse(optarg, &y, &q) == -1)
				return misuse("withdraw: --quarter: expected "
				    "YYYYQn (e.g. 2025Q1), not '%s'", optarg);
			o.quarter = optarg;
			break;
		case 'y':
			o.yes = 1;
			break;
		case 'l':
			if ((rc = lang_opt("withdraw", optarg, &o.lang)) != 0)
				return rc;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc)
		return misuse("withdraw: unexpected argument '%s'",
		    argv[optind]);
	if (o.db == NULL)
		return misuse("withdraw: %s", "--db FILE is required");
	if ((int)o.form == -1)
		return misuse("withdraw: %s", "--form incidents|insurance is "
		    "required");
	if (o.source == NULL)
		return misuse("withdraw: %s", "--source NAME is required");
	if (o.quarter == NULL)
		return misuse("withdraw: %s", "--quarter YYYYQn is required");
	return failed(withdraw_run(&o));
}

static int
cmd_reanonymize(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "yes", no_argument, NULL, 'y' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*db = NULL;
	enum oplang	 lang = OPLANG_KK;
	int		 c, rc, yes = 0;

	while ((c = getopt_long(argc, argv, "d:yh", longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'y':
			yes = 1;
			break;
		case 'l':
			if ((rc = lang_opt("reanonymize", optarg, &lang)) != 0)
				return rc;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc)
		return misuse("reanonymize: unexpected argument '%s'",
		    argv[optind]);
	if (db == NULL)
		return misuse("reanonymize: %s", "--db FILE is required");
	return failed(forget_run(db, yes, lang));
}

static int
cmd_serve(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "dir", required_argument, NULL, 'd' },
		{ "port", required_argument, NULL, 'p' },
		{ "bind", required_argument, NULL, 'b' },
		{ "timeout", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*dir = NULL, *bind = "127.0.0.1";
	long		 port = 8000, timeout = SERVE_TIMEOUT;
	int		 c;

	while ((c = getopt_long(argc, argv, "d:p:b:t:h", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'd':
			dir = optarg;
			break;
		case 'p':
			if (number("port", optarg, 1, 65535, &port) == -1)
				return 2;
			break;
		case 'b':
			bind = optarg;
			break;
		case 't':
			if (number("timeout", optarg, 1, 3600, &timeout) == -1)
				return 2;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc)
		return misuse("serve: unexpected argument '%s'", argv[optind]);
	if (dir == NULL)
		return misuse("serve: %s", "--dir DIR is required");
	return failed(serve_run(dir, bind, (int)port, (int)timeout));
}

static int
cmd_publish(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "dir", required_argument, NULL, 'd' },
		{ "to", required_argument, NULL, 't' },
		{ "keep", required_argument, NULL, 'k' },
		{ "rollback", no_argument, NULL, 'r' },
		{ "ssh", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct publish_opts o;
	long		 v;
	int		 c;

	memset(&o, 0, sizeof(o));
	o.keep = PUBLISH_KEEP;
	o.ssh = "ssh";
	while ((c = getopt_long(argc, argv, "d:t:k:rs:h", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'd':
			o.dir = optarg;
			break;
		case 't':
			o.to = optarg;
			break;
		case 'k':
			if (number("keep", optarg, 2, 1000, &v) == -1)
				return 2;
			o.keep = (int)v;
			break;
		case 'r':
			o.rollback = 1;
			break;
		case 's':
			o.ssh = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc)
		return misuse("publish: unexpected argument '%s'",
		    argv[optind]);
	if (o.to == NULL)
		return misuse("publish: %s", "--to [USER@HOST:]PATH is "
		    "required");
	if (o.rollback && o.dir != NULL)
		return misuse("publish: %s", "--rollback takes no --dir");
	if (!o.rollback && o.dir == NULL)
		return misuse("publish: %s", "--dir DIR is required");
	return failed(publish_run(&o));
}

int
main(int argc, char *argv[])
{
	static const struct {
		const char *name;
		int	(*fn)(int, char *[]);
	} cmds[] = {
		{ "build", cmd_build },
		{ "demo", cmd_demo },
		{ "import", cmd_import },
		{ "validate", cmd_validate },
		{ "reanonymize", cmd_reanonymize },
		{ "withdraw", cmd_withdraw },
		{ "publish", cmd_publish },
		{ "serve", cmd_serve },
	};
	size_t	 i;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("regsite %s (schema version %d)\n", REGSITE_VERSION,
		    SCHEMA_VERSION);
		return 0;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].fn(argc - 1, argv + 1);
	return misuse("unknown command '%s'", argv[1]);
}
