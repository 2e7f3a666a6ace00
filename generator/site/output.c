/*
 * output.c -- the site on disk.  A build writes every file into a
 * temporary directory beside the output directory and swaps it into
 * place only when the build is complete, so a failed or killed build
 * leaves the previous site exactly as it was.
 *
 * The temporary directory is named ".NAME.tmp-PID"; a later build
 * removes those whose process is gone.  An existing output directory
 * is replaced only if it is empty or carries the marker file ".regsite"
 * that every build writes, so a mistyped --out never deletes someone's
 * files.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "lib/lib.h"
#include "site/output.h"

#define MARKER ".regsite"

struct site {
	char		*out;		/* the output directory */
	char		*tmp;		/* the tree being built */
	size_t		 files;
	unsigned long long bytes;
};

void
sha256_hex(const void *data, size_t len, char hex[65])
{
	struct sha256_ctx ctx;
	uint8_t		 d[SHA256_DIGEST_SIZE];
	size_t		 i;

	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof(d), d);
	for (i = 0; i < sizeof(d); i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path) == -1 && errno != ENOENT ? -1 : 0;
}

/* Remove a tree; 0 or -1 (errno set). */
int
rm_tree(const char *path)
{
	struct stat	 st;

	if (lstat(path, &st) == -1)
		return errno == ENOENT ? 0 : -1;
	return nftw(path, rm_entry, 32, FTW_DEPTH | FTW_PHYS);
}

/* Create the directories leading to path (a file below root). */
static int
mkparents(const char *root, const char *rel)
{
	char	*p, *s;

	s = xasprintf("%s/%s", root, rel);
	for (p = s + strlen(root) + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(s, 0755) == -1 && errno != EEXIST) {
			rs_err("%s: cannot create directory: %s", s,
			    strerror(errno));
			free(s);
			return -1;
		}
		*p = '/';
	}
	free(s);
	return 0;
}

/* Split path into its parent directory and base name (both new). */
static void
split_path(const char *path, char **dir, char **base)
{
	const char	*slash;
	size_t		 len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	slash = NULL;
	for (size_t i = 0; i < len; i++)
		if (path[i] == '/')
			slash = path + i;
	if (slash == NULL) {
		*dir = xstrdup(".");
		*base = xstrndup(path, len);
	} else {
		*dir = slash == path ? xstrdup("/") :
		    xstrndup(path, (size_t)(slash - path));
		*base = xstrndup(slash + 1, len - (size_t)(slash - path) - 1);
	}
}

/* Remove ".BASE.tmp-PID" directories left by builds that died. */
static void
remove_stale(const char *dir, const char *base)
{
	DIR		*d;
	struct dirent	*e;
	char		*prefix, *path;
	size_t		 plen;
	long		 pid;

	if ((d = opendir(dir)) == NULL)
		return;
	prefix = xasprintf(".%s.tmp-", base);
	plen = strlen(prefix);
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, prefix, plen) != 0 ||
		    parse_long(e->d_name + plen, 1, LONG_MAX, &pid) == -1)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno == EPERM)
			continue;	/* that build is still running */
		path = xasprintf("%s/%s", dir, e->d_name);
		rm_tree(path);
		free(path);
	}
	closedir(d);
	free(prefix);
}

/* Whether out may be replaced: absent, empty, or a regsite site. */
static int
replaceable(const char *out)
{
	struct stat	 st;
	DIR		*d;
	struct dirent	*e;
	char		*marker;
	int		 empty = 1, ours;

	if (stat(out, &st) == -1)
		return errno == ENOENT ? 0 : rs_err("%s: %s", out,
		    strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return rs_err("%s: exists and is not a directory", out);
	marker = xasprintf("%s/" MARKER, out);
	ours = access(marker, F_OK) == 0;
	free(marker);
	if (ours)
		return 0;
	if ((d = opendir(out)) == NULL)
		return rs_err("%s: %s", out, strerror(errno));
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			empty = 0;
			break;
		}
	closedir(d);
	if (!empty)
		return rs_err("%s: exists, is not empty and is not a site "
		    "regsite built (no %s file); refusing to replace it", out,
		    MARKER);
	return 0;
}

struct site *
site_open(const char *out)
{
	struct site	*s;
	char		*dir, *base;

	if (replaceable(out) == -1)
		return NULL;
	split_path(out, &dir, &base);
	if (*base == '\0' || strcmp(base, ".") == 0 ||
	    strcmp(base, "..") == 0 || strcmp(base, "/") == 0) {
		rs_err("%s: not a usable output directory name", out);
		free(dir);
		free(base);
		return NULL;
	}
	remove_stale(dir, base);
	s = xcalloc(1, sizeof(*s));
	s->out = xstrdup(out);
	s->tmp = xasprintf("%s/.%s.tmp-%ld", dir, base, (long)getpid());
	free(dir);
	free(base);
	rm_tree(s->tmp);
	if (mkdir(s->tmp, 0755) == -1) {
		rs_err("%s: cannot create the temporary directory: %s",
		    s->tmp, strerror(errno));
		free(s->out);
		free(s->tmp);
		free(s);
		return NULL;
	}
	if (site_write(s, MARKER, "regsite site\n", 13) == -1) {
		site_abort(s);
		return NULL;
	}
	return s;
}

const char *
site_tmpdir(const struct site *s)
{
	return s->tmp;
}

FILE *
site_fopen(struct site *s, const char *rel)
{
	FILE	*f;
	char	*path;

	if (mkparents(s->tmp, rel) == -1)
		return NULL;
	path = xasprintf("%s/%s", s->tmp, rel);
	if ((f = fopen(path, "wbx")) == NULL)
		rs_err("%s: cannot create: %s", rel, strerror(errno == EEXIST ?
		    EEXIST : errno));
	free(path);
	return f;
}

int
site_fclose(struct site *s, FILE *f, const char *rel)
{
	long	 size;
	int	 bad;

	bad = fflush(f) != 0 || ferror(f);
	size = ftell(f);
	if (fclose(f) != 0 || bad)
		return rs_err("%s: write error: %s", rel, strerror(errno));
	s->files++;
	if (size > 0)
		s->bytes += (unsigned long long)size;
	return 0;
}

int
site_write(struct site *s, const char *rel, const void *data, size_t len)
{
	FILE	*f;

	if ((f = site_fopen(s, rel)) == NULL)
		return -1;
	if (len && fwrite(data, 1, len, f) != len) {
		fclose(f);
		return rs_err("%s: write error: %s", rel, strerror(errno));
	}
	return site_fclose(s, f, rel);
}

/*
 * Move the finished tree into place.  With an existing site, the two
 * directories are exchanged in one atomic step (renameat2), so a
 * visitor never finds the directory missing; the old tree is then
 * removed.
 */
int
site_commit(struct site *s)
{
	struct stat	 st;

	if (stat(s->out, &st) == -1) {
		if (rename(s->tmp, s->out) == -1)
			return rs_err("%s: cannot move the site into place: "
			    "%s", s->out, strerror(errno));
		return 0;
	}
#ifdef SYS_renameat2
	if (syscall(SYS_renameat2, AT_FDCWD, s->tmp, AT_FDCWD, s->out,
	    1 /* RENAME_EXCHANGE */) == 0) {
		if (rm_tree(s->tmp) == -1)
			rs_warn("%s: cannot remove the previous site: %s",
			    s->tmp, strerror(errno));
		return 0;
	}
#endif
	{
		char	*old = xasprintf("%s.old", s->tmp);

		if (rename(s->out, old) == -1) {
			rs_err("%s: cannot move the old site away: %s",
			    s->out, strerror(errno));
			free(old);
			return -1;
		}
		if (rename(s->tmp, s->out) == -1) {
			rs_err("%s: cannot move the site into place: %s",
			    s->out, strerror(errno));
			rename(old, s->out);
			free(old);
			return -1;
		}
		rm_tree(old);
		free(old);
	}
	return 0;
}

void
site_abort(struct site *s)
{
	if (s == NULL)
		return;
	rm_tree(s->tmp);
	site_free(s);
}

void
site_free(struct site *s)
{
	if (s == NULL)
		return;
	free(s->out);
	free(s->tmp);
	free(s);
}

size_t
site_files(const struct site *s)
{
	return s->files;
}

unsigned long long
site_bytes(const struct site *s)
{
	return s->bytes;
}
