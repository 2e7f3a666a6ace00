/*
 * publish.c -- regsite publish: a built site onto the web host without a
 * moment of inconsistency.
 *
 * On the host, PATH holds
 *
 *	releases/20261204T101500Z/	one directory per release
 *	releases/20261204T163000Z/
 *	current -> releases/20261204T163000Z
 *
 * and the web server's root is PATH/current.  A publish
 *
 *  1. prepares: creates PATH/releases, removes what a failed publish or
 *     a rollback left (releases/.*), reads the current release and picks
 *     the new release's name (UTC time; names sort by age);
 *  2. uploads DIR with rsync into releases/.NAME.tmp, with --link-dest
 *     to the current release: a file whose content did not change is a
 *     hard link to the old one, only changed files travel;
 *  3. switches: renames the upload to releases/NAME, points a new
 *     symbolic link .current.tmp at it and renames that over current --
 *     one rename(2), so every request sees the old release or the new
 *     one, never a mixture -- then removes all but the newest --keep
 *     releases.
 *
 * A rollback points current at the release before it and sets the
 * release it leaves aside (releases/.NAME.rolled-back, removed by the
 * next publish).
 *
 * Steps 1 and 3 are small POSIX sh scripts (in the C locale, so that
 * names sort by bytes) run on the host: through
 * "ssh [USER@]HOST sh -c SCRIPT ..." for a remote PATH, directly with
 * sh for a local one, so both take the same path.  The host needs a
 * POSIX shell, GNU mv (-T) and rsync.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/lib.h"
#include "publish.h"

/* Exit statuses of the scripts, each with its message below. */
#define E_MKDIR		10
#define E_NOTLINK	11
#define E_NODIR		12
#define E_NOCURRENT	13
#define E_NOPREV	14
#define E_CLOCK		15

/*
 * $1 PATH, $2 the proposed name.  Prints the current release (or an
 * empty line) and the new release's name.
 */
static const char prepare_sh[] =
    "LC_ALL=C; export LC_ALL\n"
    "mkdir -p -- \"$1/releases\" 2>/dev/null && cd -- \"$1\" || exit 10\n"
    "if [ -e current ] || [ -L current ]; then\n"
    "	[ -L current ] || exit 11\n"
    "fi\n"
    "for d in releases/.[!.]*; do\n"
    "	[ -e \"$d\" ] && rm -rf -- \"$d\"\n"
    "done\n"
    "cur=$(readlink current 2>/dev/null) || cur=\n"
    "last=$(ls -1 releases | sort | tail -n 1)\n"
    "id=$2 n=1\n"
    "while [ -e \"releases/$id\" ]; do\n"
    "	n=$((n + 1)); id=$2-$(printf %02d $n)\n"
    "done\n"
    "if [ -n \"$last\" ] && [ \"$(printf '%s\\n%s\\n' \"$last\" \"$id\" |\n"
    "    sort | tail -n 1)\" != \"$id\" ]; then\n"
    "	echo \"$last\" >&2; exit 15\n"
    "fi\n"
    "printf '%s\\n%s\\n' \"${cur#releases/}\" \"$id\"\n";

/*
 * $1 PATH, $2 the new release, $3 how many to keep.  Prints how many
 * releases there are.
 */
static const char switch_sh[] =
    "LC_ALL=C; export LC_ALL\n"
    "set -e\n"
    "cd -- \"$1\"\n"
    "mv -- \"releases/.$2.tmp\" \"releases/$2\"\n"
    "ln -sfn -- \"releases/$2\" .current.tmp\n"
    "mv -Tf -- .current.tmp current\n"
    "ls -1 releases | sort -r | tail -n +$(($3 + 1)) |\n"
    "while read -r old; do\n"
    "	[ \"$old\" = \"$2\" ] || rm -rf -- \"releases/$old\"\n"
    "done\n"
    "ls -1 releases | wc -l\n";

/* $1 PATH, $2 the release whose upload failed: its partial copy
 * removed, not left to fill the host's disk until the next publish. */
static const char cleanup_sh[] =
    "cd -- \"$1\" && rm -rf -- \"releases/.$2.tmp\"\n";

/* $1 PATH.  Prints the release left and the release now current. */
static const char rollback_sh[] =
    "LC_ALL=C; export LC_ALL\n"
    "cd -- \"$1\" 2>/dev/null || exit 12\n"
    "[ -L current ] || exit 13\n"
    "cur=$(readlink current) && cur=${cur#releases/} || exit 13\n"
    "[ -d \"releases/$cur\" ] || exit 13\n"
    "prev=$(ls -1 releases | sort | awk -v c=\"$cur\" '$0 < c' |\n"
    "    tail -n 1)\n"
    "[ -n \"$prev\" ] || exit 14\n"
    "set -e\n"
    "ln -sfn -- \"releases/$prev\" .current.tmp\n"
    "mv -Tf -- .current.tmp current\n"
    "mv -- \"releases/$cur\" \"releases/.$cur.rolled-back\"\n"
    "printf '%s\\n%s\\n' \"$cur\" \"$prev\"\n";

struct dest {
	char	*host;		/* [USER@]HOST, NULL when local */
	char	*path;
	char	**ssh;		/* the remote shell's words, NULL-ended */
	const struct publish_opts *o;
};

/* Append s to b quoted for a POSIX shell ('...', ' as '\''). */
static void
shquote(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s != '\0'; s++)
		if (*s == '\'')
			BUF_LIT(b, "'\\''");
		else
			buf_putc(b, *s);
	buf_putc(b, '\'');
}

/* Split s at spaces and tabs into a NULL-ended vector (freed by vfree). */
static char **
words(const char *s)
{
	char	**v = NULL;
	size_t	 n = 0, len;

	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		len = strcspn(s, " \t");
		v = xreallocarray(v, n + 2, sizeof(*v));
		v[n++] = xstrndup(s, len);
		s += len;
	}
	v = xreallocarray(v, n + 1, sizeof(*v));
	v[n] = NULL;
	return v;
}

static void
vfree(char **v)
{
	size_t	 i;

	if (v == NULL)
		return;
	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/*
 * Run argv[0] with argv, its standard output into out (when not NULL;
 * else inherited), standard error inherited.  Returns its exit status,
 * or -1 (rs_err) if it could not be run or died of a signal.
 */
static int
spawn(char *const argv[], struct buf *out)
{
	char		 chunk[4096];
	pid_t		 pid;
	ssize_t		 n;
	int		 fd[2], status;

	if (out != NULL && pipe(fd) == -1)
		return rs_err("pipe: %s", strerror(errno));
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == -1) {
		if (out != NULL) {
			close(fd[0]);
			close(fd[1]);
		}
		return rs_err("fork: %s", strerror(errno));
	}
	if (pid == 0) {
		if (out != NULL) {
			dup2(fd[1], STDOUT_FILENO);
			close(fd[0]);
			close(fd[1]);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "regsite: %s: %s\n", argv[0],
		    strerror(errno));
		_exit(127);
	}
	if (out != NULL) {
		close(fd[1]);
		while ((n = read(fd[0], chunk, sizeof(chunk))) != 0) {
			if (n == -1 && errno == EINTR)
				continue;
			if (n == -1)
				break;
			buf_put(out, chunk, (size_t)n);
		}
		close(fd[0]);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return rs_err("waitpid: %s", strerror(errno));
	if (WIFSIGNALED(status))
		return rs_err("%s: killed by signal %d", argv[0],
		    WTERMSIG(status));
	if (WEXITSTATUS(status) == 127)
		return rs_err("%s: cannot run it (is it installed? make "
		    "deps-build)", argv[0]);
	return WEXITSTATUS(status);
}

/*
 * Run script with the arguments args on the destination's host: with
 * sh here, or through the remote shell as one command line.  Its
 * output goes to out.  Returns the script's exit status or -1.
 */
static int
host_sh(const struct dest *d, const char *script, const char *const *args,
    struct buf *out)
{
	struct buf	 cmd = { 0 };
	char		**argv;
	size_t		 i, n, na;
	int		 rc;

	for (na = 0; args[na] != NULL; na++)
		;
	if (d->host == NULL) {
		argv = xcalloc(na + 5, sizeof(*argv));
		argv[0] = "sh";
		argv[1] = "-c";
		argv[2] = (char *)script;
		argv[3] = "sh";
		for (i = 0; i < na; i++)
			argv[4 + i] = (char *)args[i];
		rc = spawn(argv, out);
		free(argv);
		return rc;
	}
	/* ssh joins its arguments into one line for the remote shell. */
	BUF_LIT(&cmd, "sh -c ");
	shquote(&cmd, script);
	BUF_LIT(&cmd, " sh");
	for (i = 0; i < na; i++) {
		buf_putc(&cmd, ' ');
		shquote(&cmd, args[i]);
	}
	for (n = 0; d->ssh[n] != NULL; n++)
		;
	argv = xcalloc(n + 4, sizeof(*argv));
	for (i = 0; i < n; i++)
		argv[i] = d->ssh[i];
	argv[n] = "--";
	argv[n + 1] = d->host;
	argv[n + 2] = cmd.data;
	rc = spawn(argv, out);
	if (rc == 255)
		rc = rs_err("%s: %s could not reach the host (exit status "
		    "255)", d->host, d->ssh[0]);
	free(argv);
	buf_free(&cmd);
	return rc;
}

/* The message of a script's exit status rc for the destination. */
static int
script_err(const struct dest *d, int rc, const char *what)
{
	const char	*to = d->o->to;

	switch (rc) {
	case -1:
		return -1;
	case E_MKDIR:
		return rs_err("%s: cannot create the releases directory",
		    to);
	case E_NOTLINK:
		return rs_err("%s: 'current' is there and is not a symbolic "
		    "link: regsite publish keeps releases in PATH/releases "
		    "and points the symbolic link PATH/current at one (move "
		    "the old site away, point the web server at "
		    "PATH/current)", to);
	case E_NODIR:
		return rs_err("%s: no such directory", to);
	case E_NOCURRENT:
		return rs_err("%s: nothing to roll back: 'current' is not a "
		    "symbolic link to a release", to);
	case E_NOPREV:
		return rs_err("%s: nothing to roll back to: no release "
		    "before the current one", to);
	case E_CLOCK:
		return rs_err("%s: the clock of this machine is behind the "
		    "newest release's name", to);
	default:
		return rs_err("%s: %s failed (exit status %d)", to, what, rc);
	}
}

/* Split "[USER@]HOST:PATH" (a ':' before any '/') or take a local path. */
static int
parse_dest(struct dest *d, const struct publish_opts *o)
{
	const char	*colon, *slash;

	memset(d, 0, sizeof(*d));
	d->o = o;
	if (*o->to == '\0')
		return rs_err("--to: expected [USER@HOST:]PATH, not ''");
	colon = strchr(o->to, ':');
	slash = strchr(o->to, '/');
	if (colon != NULL && (slash == NULL || colon < slash)) {
		if (colon == o->to || o->to[0] == '-' || colon[1] == '\0')
			return rs_err("--to: expected [USER@HOST:]PATH, not "
			    "'%s'", o->to);
		d->host = xstrndup(o->to, (size_t)(colon - o->to));
		d->path = xstrdup(colon + 1);
		d->ssh = words(o->ssh);
		if (d->ssh[0] == NULL) {
			vfree(d->ssh);
			d->ssh = NULL;
			free(d->host);
			free(d->path);
			return rs_err("--ssh: empty");
		}
	} else
		d->path = xstrdup(o->to);
	return 0;
}

static void
free_dest(struct dest *d)
{
	free(d->host);
	free(d->path);
	vfree(d->ssh);
}

/* The first line of s[*pos..] (without its LF) into a new string. */
static char *
line(const struct buf *b, size_t *pos)
{
	const char	*s = buf_str(b) + *pos, *nl;
	size_t		 len;

	if (*pos >= b->len)
		return xstrdup("");
	nl = strchr(s, '\n');
	len = nl ? (size_t)(nl - s) : strlen(s);
	*pos += len + (nl != NULL);
	return xstrndup(s, len);
}

/*
 * What must never be published, found by its first bytes: a SQLite
 * database (the registry, a copy, its journal) or the operator's
 * privacy report (its first line, in either language).  nftw has no
 * argument: the first one found.
 */
static char	*forbidden;

static int
forbid_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	static const char *const heads[] = {
		"SQLite format 3", "regsite: \xd2\x9b\xd2\xb1\xd0\xbf",
		"regsite: \xd0\xbe\xd1\x82\xd1\x87\xd1\x91\xd1\x82"
	};
	char	 b[32];
	ssize_t	 n;
	size_t	 i, len;
	int	 fd;

	(void)ftw;
	if (flag != FTW_F || !S_ISREG(st->st_mode))
		return 0;
	len = strlen(path);
	if ((len > 3 && strcmp(path + len - 3, ".db") == 0) ||
	    (len > 4 && (strcmp(path + len - 4, "-wal") == 0 ||
	    strcmp(path + len - 4, "-shm") == 0))) {
		forbidden = xstrdup(path);
		return 1;
	}
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW)) == -1)
		return 0;
	n = read(fd, b, sizeof(b));
	close(fd);
	for (i = 0; n > 0 && i < sizeof(heads) / sizeof(heads[0]); i++)
		if ((size_t)n >= strlen(heads[i]) &&
		    memcmp(b, heads[i], strlen(heads[i])) == 0) {
			forbidden = xstrdup(path);
			return 1;
		}
	return 0;
}

static int
publish(const struct dest *d)
{
	const struct publish_opts *o = d->o;
	struct buf	 out = { 0 }, src = { 0 }, to = { 0 }, link = { 0 };
	char		 name[32], keep[16], *cur = NULL, *id = NULL;
	char		*argv[16], *marker;
	const char	*args[4];
	struct stat	 st;
	struct tm	 tm;
	time_t		 t;
	size_t		 pos = 0, n = 0;
	int		 rc = -1, r;

	if (stat(o->dir, &st) == -1 || !S_ISDIR(st.st_mode))
		return rs_err("%s: no such directory", o->dir);
	marker = xasprintf("%s/.regsite", o->dir);
	r = stat(marker, &st);
	free(marker);
	if (r == -1)
		return rs_err("%s: not a site regsite built (no .regsite "
		    "marker): refusing to publish it", o->dir);
	/* A registry or a report copied into the site by mistake. */
	forbidden = NULL;
	if (nftw(o->dir, forbid_entry, 32, FTW_PHYS) == 1) {
		rs_err("%s: a database or a privacy report, which must never "
		    "be published: refusing to publish %s", forbidden, o->dir);
		free(forbidden);
		forbidden = NULL;
		return -1;
	}

	t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(name, sizeof(name), "%Y%m%dT%H%M%SZ", &tm);
	args[0] = d->path;
	args[1] = name;
	args[2] = NULL;
	if ((r = host_sh(d, prepare_sh, args, &out)) != 0) {
		script_err(d, r, "preparing the release");
		goto out;
	}
	cur = line(&out, &pos);
	id = line(&out, &pos);
	if (*id == '\0') {
		rs_err("%s: preparing the release: no release name", o->to);
		goto out;
	}

	/* Upload: every file, unchanged ones as links to the current. */
	buf_printf(&src, "%s/", o->dir);
	if (d->host != NULL)
		buf_printf(&to, "%s:", d->host);
	buf_printf(&to, "%s/releases/.%s.tmp/", d->path, id);
	argv[n++] = "rsync";
	argv[n++] = "-rlpc";		/* -c: content decides, not times */
	argv[n++] = "--delete";
	argv[n++] = "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r";
	if (*cur != '\0') {
		buf_printf(&link, "--link-dest=../%s", cur);
		argv[n++] = link.data;
	}
	if (d->host != NULL) {
		argv[n++] = "-e";
		argv[n++] = (char *)o->ssh;
	}
	argv[n++] = "--";
	argv[n++] = src.data;
	argv[n++] = to.data;
	argv[n] = NULL;
	if ((r = spawn(argv, NULL)) != 0) {
		if (r > 0)
			rs_err("%s: rsync failed (exit status %d); the site "
			    "is unchanged", o->to, r);
		args[1] = id;
		args[2] = NULL;
		buf_reset(&out);
		host_sh(d, cleanup_sh, args, &out);
		goto out;
	}

	/* The switch: one rename on the host. */
	snprintf(keep, sizeof(keep), "%d", o->keep);
	args[1] = id;
	args[2] = keep;
	args[3] = NULL;
	buf_reset(&out);
	if ((r = host_sh(d, switch_sh, args, &out)) != 0) {
		script_err(d, r, "switching to the new release");
		goto out;
	}
	pos = 0;
	printf("published %s to %s: release %s", o->dir, o->to, id);
	{
		char	*nrel = line(&out, &pos);

		printf(" (%s release%s kept)\n", nrel, strcmp(nrel, "1") ?
		    "s" : "");
		free(nrel);
	}
	rc = 0;
out:
	free(cur);
	free(id);
	buf_free(&out);
	buf_free(&src);
	buf_free(&to);
	buf_free(&link);
	return rc;
}

static int
rollback(const struct dest *d)
{
	struct buf	 out = { 0 };
	const char	*args[2];
	char		*left, *now;
	size_t		 pos = 0;
	int		 r;

	args[0] = d->path;
	args[1] = NULL;
	if ((r = host_sh(d, rollback_sh, args, &out)) != 0) {
		buf_free(&out);
		return script_err(d, r, "rolling back");
	}
	left = line(&out, &pos);
	now = line(&out, &pos);
	printf("rolled back %s: release %s is current again (%s set aside "
	    "until the next publish)\n", d->o->to, now, left);
	free(left);
	free(now);
	buf_free(&out);
	return 0;
}

int
publish_run(const struct publish_opts *o)
{
	struct dest	 d;
	int		 rc;

	if (parse_dest(&d, o) == -1)
		return -1;
	rc = o->rollback ? rollback(&d) : publish(&d);
	free_dest(&d);
	return rc;
}
