/*
 * output.c -- the site on disk.  A build writes every file into a
 * temporary directory beside the output directory and swaps it into
 * place only when the build is complete, so a failed or killed build
 * leaves the previous site exactly as it was.
 *
 * The swap is one system call: renameat2(RENAME_EXCHANGE) exchanges
 * the finished tree and the published one atomically, so a visitor
 * finds either the whole old site or the whole new one, never no site
 * and never a mix.  The old tree, now under the temporary name, is
 * then removed.  Only where the file system refuses the exchange
 * (EINVAL: some network and FUSE file systems; ENOSYS: a kernel before
 * Linux 3.15) does the swap take two renames -- the published
 * directory to ".NAME.old-PID", the new tree into place -- and the
 * site is missing between the two: a visitor may then see a 404 for
 * that instant, and a build killed right there leaves the previous site
 * whole under ".NAME.old-PID", which the next build puts back first.
 *
 * The temporary directory is named ".NAME.tmp-PID"; a later build
 * removes those (and the ".NAME.tmp-PID.old" of older regsites, which
 * may be half removed) whose process is gone.  ".NAME.old-PID" only
 * ever holds a whole site: the fallback renames it to ".NAME.tmp-PID"
 * before removing it.  An existing output directory
 * is replaced only if it is empty or carries the marker file ".regsite"
 * that every build writes, so a mistyped --out never deletes someone's
 * files.
 *
 * An output that is a symbolic link stays one: the site is built
 * beside the directory it points to and exchanged with that directory,
 * so the link leads to the new site.  A link to nothing is refused
 * before anything is built.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include <zlib.h>

#include "lib/lib.h"
#include "site/output.h"

#define MARKER ".regsite"
#define MARKER_TEXT "regsite site\n"
#define MEMO ".regsite-memo"
/* Beside the site: its files' digest (site_intact). */
#define FILES ".regsite-files"
/* The files kept beside the site (site_aside), in the order of the
 * "maps" digest (mark_files); the memo first, which that digest
 * leaves out (it is a cache by content). */
static const char *const aside[] = {
	MEMO, ".regsite-map-data", ".regsite-map-kk", ".regsite-map-ru"
};
#define NASIDE	(sizeof(aside) / sizeof(aside[0]))

static void	 mark_maps(struct site *);
static void	 mark_files(struct site *);

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE	(1 << 1)	/* <linux/fs.h> */
#endif

struct site {
	char		*out;		/* the output directory */
	char		*tmp;		/* the tree being built */
	char		*old;		/* the old tree, in the fallback swap */
	size_t		 files;
	unsigned long long bytes;
	int		 linked;	/* site_link_previous: kept whole */
	char		 key[65];	/* site_set_key, "": none */
	char		 maps[65];	/* mark_maps, "": none */
};

void
sha256_hex(const void *data, size_t len, char hex[65])
{
	struct sha256_ctx ctx;
	uint8_t		 d[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof(d), d);
	hex_encode(d, sizeof(d), hex);
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

/*
 * The last site's tree removed once the new one is in its place: in two
 * processes when the build has two, since freeing the files' blocks is
 * the kernel's work (a second of the bench's new-quarter rebuild).  A
 * child removes the first language's pages, this process the rest, then
 * the tree.  0 or -1 (errno set).
 */
static int
rm_site(const char *path, int jobs)
{
	struct dirent	*e;
	DIR		*d;
	char		**names = NULL, *sub;
	const char	*half = lang_codes[0];
	size_t		 n = 0, i;
	pid_t		 pid = -1;
	int		 err = 0, st;

	if (jobs < 2)
		return rm_tree(path);
	/* Its names first: nothing is removed while the directory is
	 * read.  The child's half is not among them, unless no child. */
	if ((d = opendir(path)) == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0 ||
		    (strcmp(e->d_name, half) == 0 && pid == -1 &&
		    (pid = fork()) != -1)) {
			if (pid == 0) {
				sub = xasprintf("%s/%s", path, half);
				_exit(rm_tree(sub) == -1 ? 1 : 0);
			}
			continue;
		}
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	for (i = 0; i < n; i++) {
		sub = xasprintf("%s/%s", path, names[i]);
		if (rm_tree(sub) == -1 && err == 0)
			err = errno;
		free(sub);
		free(names[i]);
	}
	free(names);
	if (pid > 0 && (waitpid(pid, &st, 0) == -1 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0) && err == 0)
		err = EIO;
	if (rmdir(path) == -1 && errno != ENOENT && err == 0)
		err = errno;
	errno = err;
	return err != 0 ? -1 : 0;
}

/*
 * Directory dir (modified on the way, given back as it was) and those
 * leading to it, below root (its first rootlen bytes): from the
 * deepest, so that a page in a directory of its own (page-2/index.html)
 * costs one mkdir, not one a level of its path.
 */
static int
mkdirs(char *dir, size_t rootlen)
{
	char	*slash;
	int	 rc;

	if (mkdir(dir, 0755) == 0 || errno == EEXIST)
		return 0;
	if (errno == ENOENT && (slash = strrchr(dir, '/')) != NULL &&
	    (size_t)(slash - dir) > rootlen) {
		*slash = '\0';
		rc = mkdirs(dir, rootlen);
		*slash = '/';
		if (rc == -1)
			return -1;
		if (mkdir(dir, 0755) == 0 || errno == EEXIST)
			return 0;
	}
	return rs_err("%s: cannot create directory: %s", dir,
	    strerror(errno));
}

/* Create the directories leading to path (a file below root). */
static int
mkparents(const char *root, const char *rel)
{
	char	*s, *slash;
	size_t	 rootlen = strlen(root);
	int	 rc = 0;

	s = xasprintf("%s/%s", root, rel);
	if ((slash = strrchr(s + rootlen + 1, '/')) != NULL) {
		*slash = '\0';
		rc = mkdirs(s, rootlen);
	}
	free(s);
	return rc;
}

/*
 * link(from, to), to being root/rel, its directories made only when
 * they are missing (as site_fopen): 0, or -1 and rs_err.
 */
static int
link_into(const char *root, const char *rel, const char *from,
    const char *to)
{
	if (link(from, to) == 0)
		return 0;
	if (errno == ENOENT) {
		if (mkparents(root, rel) == -1)
			return -1;
		if (link(from, to) == 0)
			return 0;
	}
	return rs_err("%s: cannot link into the new site: %s", from,
	    strerror(errno));
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

/*
 * The process id in a name "PID" or "PID.old" (the old tree of a
 * regsite before the atomic exchange, "*.tmp-PID.old"); *old set for
 * the latter.  0 or -1.
 */
static int
leftover_pid(const char *s, long *pid, int *old)
{
	char	 num[24];
	size_t	 n = strspn(s, "0123456789");

	if (n == 0 || n >= sizeof(num) ||
	    (s[n] != '\0' && strcmp(s + n, ".old") != 0))
		return -1;
	memcpy(num, s, n);
	num[n] = '\0';
	*old = s[n] != '\0';
	return parse_long(num, 1, LONG_MAX, pid);
}

/*
 * Clear what builds that died left beside out (dir/base): ".BASE.tmp-PID"
 * trees (a partial site, or an old one being removed) and the
 * ".BASE.tmp-PID.old" of older regsites are removed; ".BASE.old-PID" (a
 * whole previous site, moved aside by the two-rename swap) is put back
 * as out when out is missing, else removed.  Trees of builds still
 * running are left alone.
 */
static void
remove_stale(const char *dir, const char *base, const char *out)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	char		*tmp, *old, *path;
	size_t		 tlen, olen;
	long		 pid;
	int		 isold;

	if ((d = opendir(dir)) == NULL)
		return;
	tmp = xasprintf(".%s.tmp-", base);
	old = xasprintf(".%s.old-", base);
	tlen = strlen(tmp);
	olen = strlen(old);
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, tmp, tlen) == 0) {
			if (leftover_pid(e->d_name + tlen, &pid, &isold) == -1)
				continue;
			isold = 0;	/* never put back: maybe partial */
		} else if (strncmp(e->d_name, old, olen) == 0) {
			if (leftover_pid(e->d_name + olen, &pid, &isold) == -1
			    || isold)
				continue;
			isold = 1;
		} else
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno == EPERM)
			continue;	/* that build is still running */
		path = xasprintf("%s/%s", dir, e->d_name);
		if (isold && lstat(out, &st) == -1 && errno == ENOENT &&
		    rename(path, out) == 0)
			rs_warn("%s: put back the previous site, which a "
			    "build killed while swapping had left in %s", out,
			    path);
		else
			rm_tree(path);
		free(path);
	}
	closedir(d);
	free(tmp);
	free(old);
}

/*
 * The directory a build replaces: out itself, or the directory a
 * symbolic link out leads to (a new string, or NULL and rs_err).
 */
static char *
out_target(const char *out)
{
	struct stat	 st;
	char		 buf[PATH_MAX], *link;
	ssize_t		 n;

	if (lstat(out, &st) == -1 || !S_ISLNK(st.st_mode))
		return xstrdup(out);
	if (realpath(out, buf) != NULL)
		return xstrdup(buf);
	if (errno != ENOENT) {
		rs_err("%s: %s", out, strerror(errno));
		return NULL;
	}
	if ((n = readlink(out, buf, sizeof(buf) - 1)) == -1)
		n = 0;
	buf[n] = '\0';
	link = buf;
	rs_err("%s: a symbolic link to '%s', which does not exist: create "
	    "that directory or point the link at one", out, link);
	return NULL;
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

/*
 * Start a site that will replace out: resolve a symbolic link, clear
 * the leftovers of dead builds, refuse a directory that is not a site,
 * and create the temporary tree with its marker file.
 */
struct site *
site_open(const char *out)
{
	struct site	*s;
	char		*target, *dir, *base;

	if ((target = out_target(out)) == NULL)
		return NULL;
	split_path(target, &dir, &base);
	if (*base == '\0' || strcmp(base, ".") == 0 ||
	    strcmp(base, "..") == 0 || strcmp(base, "/") == 0) {
		rs_err("%s: not a usable output directory name", out);
		goto fail;
	}
	remove_stale(dir, base, target);
	if (replaceable(target) == -1)
		goto fail;
	s = xcalloc(1, sizeof(*s));
	s->out = target;
	s->tmp = xasprintf("%s/.%s.tmp-%ld", dir, base, (long)getpid());
	s->old = xasprintf("%s/.%s.old-%ld", dir, base, (long)getpid());
	free(dir);
	free(base);
	rm_tree(s->tmp);
	if (mkdir(s->tmp, 0755) == -1) {
		rs_err("%s: cannot create the temporary directory: %s",
		    s->tmp, strerror(errno));
		site_free(s);
		return NULL;
	}
	if (site_write(s, MARKER, MARKER_TEXT, strlen(MARKER_TEXT)) == -1) {
		site_abort(s);
		return NULL;
	}
	return s;
fail:
	free(target);
	free(dir);
	free(base);
	return NULL;
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

	path = xasprintf("%s/%s", s->tmp, rel);
	/* Its directory made only when it is not there yet: a mkdir of
	 * each of a path's directories for each file took 7% of a page
	 * writer's time (the directory locked, EEXIST). */
	if ((f = fopen(path, "wbx")) == NULL && errno == ENOENT) {
		if (mkparents(s->tmp, rel) == -1) {
			free(path);
			return NULL;
		}
		f = fopen(path, "wbx");
	}
	if (f == NULL)
		rs_err("%s: cannot create: %s", rel, strerror(errno));
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
 * Move the finished tree into place: renamed there when nothing is
 * published yet, else exchanged with the published tree in one atomic
 * step, the old tree then removed.  The two-rename fallback (see the
 * top of this file) only where the file system refuses the exchange.
 */
int
site_commit(struct site *s, int jobs)
{
	struct stat	 st;
	char		*next, *kept;
	size_t		 i;

	/*
	 * What goes beside the site, never in it: the scrubbing memo and
	 * the maps.  The files' digest beside the site names the maps'
	 * one, so that the next build uses only maps of the site it
	 * replaces; the memo is a cache by content, right for any site.
	 */
	mark_maps(s);
	mark_files(s);
	for (i = 0; i < NASIDE; i++) {
		next = site_aside(s, aside[i], 1);
		kept = site_aside(s, aside[i], 0);
		if (lstat(next, &st) == 0 && rename(next, kept) == -1) {
			rs_warn("%s: cannot keep it beside the site: %s", kept,
			    strerror(errno));
			unlink(next);
		}
		free(next);
		free(kept);
	}

	if (lstat(s->out, &st) == -1) {
		if (rename(s->tmp, s->out) == -1)
			return rs_err("%s: cannot move the site into place: "
			    "%s", s->out, strerror(errno));
		return 0;
	}
#ifdef SYS_renameat2
	if (syscall(SYS_renameat2, AT_FDCWD, s->tmp, AT_FDCWD, s->out,
	    RENAME_EXCHANGE) == 0) {
		/* s->tmp now holds the previous site. */
		if (rm_site(s->tmp, jobs) == -1)
			rs_warn("%s: cannot remove the previous site: %s",
			    s->tmp, strerror(errno));
		return 0;
	}
	if (errno != EINVAL && errno != ENOSYS)
		return rs_err("%s: cannot swap the new site into place: %s",
		    s->out, strerror(errno));
#endif
	if (rename(s->out, s->old) == -1)
		return rs_err("%s: cannot move the old site away: %s", s->out,
		    strerror(errno));
	if (rename(s->tmp, s->out) == -1) {
		rs_err("%s: cannot move the site into place: %s", s->out,
		    strerror(errno));
		rename(s->old, s->out);
		return -1;
	}
	/* Under the temporary name, a half-removed tree is never put back. */
	if (rename(s->old, s->tmp) == 0)
		rm_site(s->tmp, jobs);
	else
		rm_site(s->old, jobs);
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
	free(s->old);
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

void
site_count(struct site *s, size_t files, unsigned long long bytes)
{
	s->files += files;
	s->bytes += bytes;
}

/*
 * The 64 hex digits of the line "NAME HEX" that the published site's
 * files' digest beside it names (mark_files: "key", "maps"): 1 and hex
 * set, or 0 when it has none.  Not in the marker, which every site of
 * the same registry must carry alike: the key hashes the registry's
 * file, which names when each release was recorded.
 */
static int
marker_line(const struct site *s, const char *name, char hex[65])
{
	char	*path, *text, *k, *want;
	size_t	 len, n;
	int	 found = 0;

	path = site_aside(s, FILES, 0);
	text = file_read(path, &len);
	free(path);
	if (text == NULL)
		return 0;
	want = xasprintf("\n%s ", name);
	n = strlen(want);
	if ((k = strstr(text, want)) != NULL && strlen(k + n) >= 65 &&
	    k[n + 64] == '\n') {
		memcpy(hex, k + n, 64);
		hex[64] = '\0';
		found = 1;
	}
	free(want);
	free(text);
	return found;
}

/* Write (mode "wb") or append ("ab") a whole file: 0, or -1 and rs_err. */
static int
put_file(const char *path, const char *mode, const void *data, size_t len)
{
	FILE	*f;
	int	 bad;

	if ((f = fopen(path, mode)) == NULL)
		return rs_err("%s: cannot write: %s", path, strerror(errno));
	bad = len > 0 && fwrite(data, 1, len, f) != len;
	bad |= fclose(f) != 0;
	if (bad)
		return rs_err("%s: write error: %s", path, strerror(errno));
	return 0;
}

int
site_prev_key(const struct site *s, char key[65])
{
	return marker_line(s, "key", key);
}

char *
site_aside(const struct site *s, const char *name, int next)
{
	char	*dir, *base, *p;

	if (next)
		return xasprintf("%s/%s", s->tmp, name);
	split_path(s->out, &dir, &base);
	p = xasprintf("%s/.%s%s", dir, base, name);
	free(dir);
	free(base);
	return p;
}

char *
site_memo(const struct site *s, int next)
{
	return site_aside(s, MEMO, next);
}

/* The digest of the maps (next: the new tree's; else those beside the
 * published site), "" when there are none. */
static void
maps_digest(const struct site *s, int next, char hex[65])
{
	struct sha256_ctx c;
	uint8_t		 d[SHA256_DIGEST_SIZE];
	char		*path, *text;
	size_t		 i, len, n = 0;

	sha256_init(&c);
	for (i = 1; i < NASIDE; i++) {
		path = site_aside(s, aside[i], next);
		text = file_read(path, &len);
		free(path);
		if (text == NULL)
			continue;
		sha256_update(&c, strlen(aside[i]) + 1,
		    (const uint8_t *)aside[i]);
		sha256_update(&c, len, (const uint8_t *)text);
		free(text);
		n++;
	}
	hex[0] = '\0';
	if (n == 0)
		return;
	sha256_digest(&c, sizeof(d), d);
	hex_encode(d, sizeof(d), hex);
}

/*
 * The files of a tree, for tree_digest (nftw has no argument): each
 * one's path below the root, size, time and inode, a line each.
 */
static struct {
	char	**v;
	size_t	 n, root;
} files;

static int
file_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	const char	*rel = path + files.root;

	if (*rel == '/')
		rel++;
	/* The marker and the files kept beside the site, before
	 * site_commit moves them there. */
	if (ftw->level == 1 && strncmp(rel, MARKER, strlen(MARKER)) == 0)
		return 0;
	/* Not stat'ed or not readable: a tree that cannot be read. */
	if (flag == FTW_NS || flag == FTW_DNR)
		return -1;
	if (flag == FTW_D || *rel == '\0')
		return 0;
	files.v = xreallocarray(files.v, files.n + 1, sizeof(*files.v));
	files.v[files.n++] = xasprintf("%s %d %lld %lld.%09ld %llu\n", rel,
	    flag == FTW_F && S_ISREG(st->st_mode), (long long)st->st_size,
	    (long long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec,
	    (unsigned long long)st->st_ino);
	return 0;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The digest of the files of the tree at root, the marker apart: each
 * one's path, size, modification time and inode, in path order.  A
 * file written, added, removed or replaced since changes it; "" when
 * the tree cannot be read.
 */
static void
tree_digest(const char *root, char hex[65])
{
	struct sha256_ctx c;
	uint8_t		 d[SHA256_DIGEST_SIZE];
	size_t		 i;
	int		 rc;

	hex[0] = '\0';
	files.root = strlen(root);
	files.n = 0;
	rc = nftw(root, file_entry, 32, FTW_PHYS);
	if (files.n > 0)
		qsort(files.v, files.n, sizeof(*files.v), str_cmp);
	sha256_init(&c);
	sha256_update(&c, 15, (const uint8_t *)"regsite tree 1\n");
	for (i = 0; i < files.n; i++) {
		sha256_update(&c, strlen(files.v[i]),
		    (const uint8_t *)files.v[i]);
		free(files.v[i]);
	}
	free(files.v);
	files.v = NULL;
	if (rc != 0)
		return;
	sha256_digest(&c, sizeof(d), d);
	hex_encode(d, sizeof(d), hex);
}

/* The new tree's maps' digest, for mark_files to name. */
static void
mark_maps(struct site *s)
{
	/* A site kept whole (nothing changed) keeps the maps beside it. */
	maps_digest(s, 1, s->maps);
	if (s->maps[0] == '\0' && s->linked && site_maps_ok(s))
		maps_digest(s, 0, s->maps);
}

/*
 * The new tree's files' digest, beside the site (not in it: it names
 * times and inodes, which a site published twice does not share).  The
 * tree is moved into place as it is: its files keep them.  Written
 * whole or not at all; without it the next build trusts nothing.
 */
static void
mark_files(struct site *s)
{
	char	 hex[65], *path, *tmp, *line;

	path = site_aside(s, FILES, 0);
	tmp = xasprintf("%s.new", path);
	tree_digest(s->tmp, hex);
	unlink(path);
	/* The registry's key and the maps' digest (marker_line) are
	 * trusted with the tree they were made with. */
	line = xasprintf("regsite files\n%s\n%s%s%s%s%s%s", hex,
	    s->key[0] ? "key " : "", s->key, s->key[0] ? "\n" : "",
	    s->maps[0] ? "maps " : "", s->maps, s->maps[0] ? "\n" : "");
	if (hex[0] != '\0' && put_file(tmp, "wb", line, strlen(line)) == 0 &&
	    rename(tmp, path) == -1)
		unlink(tmp);
	free(line);
	free(tmp);
	free(path);
}

int
site_intact(const struct site *s)
{
	char	 hex[65], *path, *text, *want;
	size_t	 len;
	int	 ok;

	path = site_aside(s, FILES, 0);
	text = file_read(path, &len);
	free(path);
	if (text == NULL)
		return 0;
	tree_digest(s->out, hex);
	want = xasprintf("regsite files\n%s\n", hex);
	ok = hex[0] != '\0' && strncmp(text, want, strlen(want)) == 0;
	free(want);
	free(text);
	return ok;
}

int
site_maps_ok(const struct site *s)
{
	char	 hex[65], named[65];

	maps_digest(s, 0, hex);
	return hex[0] != '\0' && marker_line(s, "maps", named) &&
	    strcmp(named, hex) == 0;
}

int
site_write_aside(struct site *s, const char *name, const void *data,
    size_t len)
{
	char	*path;
	int	 rc;

	path = site_aside(s, name, 1);
	rc = put_file(path, "wb", data, len);
	free(path);
	return rc;
}

void
site_set_key(struct site *s, const char *key)
{
	snprintf(s->key, sizeof(s->key), "%s", key);
}

/* nftw has no argument: the site being linked into. */
static struct site *linking;
static size_t linking_root;

static int
link_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	const char	*rel = path + linking_root;
	char		*to;

	(void)ftw;
	if (*rel == '/')
		rel++;
	if (*rel == '\0' || strcmp(rel, MARKER) == 0)
		return 0;
	if (flag == FTW_D)
		return 0;
	if (flag != FTW_F || !S_ISREG(st->st_mode))
		return rs_err("%s: not a regular file or directory", path);
	to = xasprintf("%s/%s", linking->tmp, rel);
	if (link_into(linking->tmp, rel, path, to) == -1) {
		free(to);
		return -1;
	}
	free(to);
	linking->files++;
	linking->bytes += (unsigned long long)st->st_size;
	return 0;
}

int
site_link(struct site *s, const char *rel)
{
	struct stat	 st;
	char		*from, *to;
	int		 rc = 0;

	from = xasprintf("%s/%s", s->out, rel);
	to = xasprintf("%s/%s", s->tmp, rel);
	if (lstat(from, &st) == -1)
		rc = rs_err("%s: cannot link into the new site: %s", from,
		    strerror(errno));
	else if (!S_ISREG(st.st_mode))
		rc = rs_err("%s: cannot link into the new site: not a "
		    "regular file", from);
	else if ((rc = link_into(s->tmp, rel, from, to)) == 0) {
		s->files++;
		s->bytes += (unsigned long long)st.st_size;
	}
	free(from);
	free(to);
	return rc;
}

/* Are the rest of fd's bytes these len? */
static int
same_bytes(int fd, const unsigned char *p, size_t len)
{
	unsigned char	 buf[32768];
	ssize_t		 n;

	while (len > 0) {
		n = read(fd, buf, len < sizeof(buf) ? len : sizeof(buf));
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0 || memcmp(buf, p, (size_t)n) != 0)
			return 0;
		p += n;
		len -= (size_t)n;
	}
	return read(fd, buf, 1) == 0;
}

int
site_write_same(struct site *s, const char *rel, const void *data,
    size_t len)
{
	struct stat	 st;
	char		*from;
	int		 fd, same = 0;

	from = xasprintf("%s/%s", s->out, rel);
	if ((fd = open(from, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) != -1) {
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    (unsigned long long)st.st_size == len)
			same = same_bytes(fd, data, len);
		close(fd);
	}
	free(from);
	if (same)
		return site_link(s, rel);
	return site_write(s, rel, data, len);
}

int
site_read(struct site *s, const char *rel, size_t len, struct buf *out)
{
	FILE	*f;
	char	*path;
	size_t	 got;

	path = xasprintf("%s/%s", s->tmp, rel);
	f = fopen(path, "rb");
	free(path);
	if (f == NULL)
		return rs_err("%s: cannot read: %s", rel, strerror(errno));
	buf_reset(out);
	if (out->cap < len + 1) {
		out->data = xrealloc(out->data, len + 1);
		out->cap = len + 1;
	}
	got = fread(out->data, 1, len, f);
	fclose(f);
	out->len = got;
	out->data[got] = '\0';
	return got == len ? 0 : rs_err("%s: shorter than %zu bytes", rel, len);
}

const char *
site_outdir(const struct site *s)
{
	return s->out;
}

int
site_link_previous(struct site *s)
{
	int	 rc;

	linking = s;
	linking_root = strlen(s->out);
	s->linked = 1;
	rs_err("%s: cannot read the previous site", s->out);
	rc = nftw(s->out, link_entry, 32, FTW_PHYS);
	linking = NULL;
	return rc != 0 ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* gzip                                                                 */

#define GZ_INDEX_LEVEL	5
#define GZ_CHUNK	(512 * 1024)
#define GZ_WINDOW	32768

/*
 * One gzip member (browsers' DecompressionStream wants one: so zlib, a
 * stream, not libdeflate's members) made of chunks: each chunk of
 * about GZ_CHUNK bytes (ended where a write ends: a whole record) is
 * compressed by a fresh raw deflate stream whose dictionary is the 32
 * KiB of text before it (as pigz does), ending with a sync flush,
 * byte-aligned and not final; an empty final block and the trailer
 * end the member.  So a chunk's bytes depend on its text and the text
 * before it alone, and the same text compressed again gives the bytes
 * the last build wrote: a table that late records join has its earlier
 * records' chunks copied from the last site (after inflating them, with
 * that dictionary, to check they give exactly this text), not
 * compressed again.  A chunk ended by gz_cut (a header, whose count of
 * pages changes) is no dictionary for the next.  Level 5: on a table's
 * record index, 41% smaller than level 1 for 1.5 times its CPU time;
 * level 6 is 14% smaller again for twice level 5's time.  Chunks of 512
 * KiB with their dictionaries are 0.1% larger than one stream (without
 * them, 3%), and a quarter of 128 KiB chunks' map entries (18 000 a
 * language at 1 000 000 incidents).
 */
struct gzout {
	FILE		*f;
	z_stream	 z, inf;
	int		 bad, inf_ok;
	struct buf	 in, old, dict;
	uLong		 crc;
	unsigned long long isize, off;
	size_t		 k;		/* the next chunk's number */
	const struct gz_reuse *r;
	void		*arg;
};

struct gzout *
gz_open(FILE *f)
{
	struct gzout	*g = xcalloc(1, sizeof(*g));
	/* zlib's own gzip header: no name, no time, level 5's flags,
	 * Unix. */
	static const unsigned char head[10] = {
		0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3
	};

	g->f = f;
	g->crc = crc32(0, NULL, 0);
	if (deflateInit2(&g->z, GZ_INDEX_LEVEL, Z_DEFLATED, -15, 9,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		g->bad = 1;
	fwrite(head, 1, sizeof(head), f);
	g->off = sizeof(head);
	return g;
}

void
gz_set_reuse(struct gzout *g, const struct gz_reuse *r, void *arg)
{
	g->r = r;
	g->arg = arg;
}

/* Does the last build's chunk (g->old) give exactly len bytes at p?
 * Inflated a piece at a time, each compared as it comes. */
static int
gz_same(struct gzout *g, const unsigned char *p, size_t len)
{
	unsigned char	 piece[16384];
	size_t		 done = 0, n;
	int		 zr;

	if (g->old.len < 4 || memcmp(g->old.data + g->old.len - 4,
	    "\0\0\377\377", 4) != 0)
		return 0;	/* not ended as a sync flush ends */
	if (!g->inf_ok) {
		if (inflateInit2(&g->inf, -15) != Z_OK)
			return 0;
		g->inf_ok = 1;
	} else if (inflateReset(&g->inf) != Z_OK)
		return 0;
	if (g->dict.len > 0 && inflateSetDictionary(&g->inf,
	    (const unsigned char *)g->dict.data, (uInt)g->dict.len) != Z_OK)
		return 0;
	g->inf.next_in = (unsigned char *)g->old.data;
	g->inf.avail_in = (uInt)g->old.len;
	for (;;) {
		g->inf.next_out = piece;
		g->inf.avail_out = sizeof(piece);
		zr = inflate(&g->inf, Z_SYNC_FLUSH);
		n = sizeof(piece) - g->inf.avail_out;
		if (n > len - done || memcmp(piece, p + done, n) != 0)
			return 0;
		done += n;
		/* No final block in a chunk; the end: all of it read. */
		if (zr == Z_BUF_ERROR && n == 0)
			break;
		if (zr != Z_OK)
			return 0;
		if (g->inf.avail_in == 0 && g->inf.avail_out != 0)
			break;
	}
	return g->inf.avail_in == 0 && done == len;
}

/* Compress (or copy) the gathered chunk; with alone, the next chunk
 * does not refer to it. */
static void
gz_chunk(struct gzout *g, int alone)
{
	unsigned char	 out[65536];
	unsigned long long start = g->off;
	int		 copied = 0;
	const unsigned char *p = (const unsigned char *)g->in.data;
	size_t		 len = g->in.len;
	int		 zr;

	if (g->bad || len == 0)
		return;
	g->crc = crc32(g->crc, p, (uInt)len);
	g->isize += len;
	if (g->r != NULL && g->r->old(g->arg, g->k, len, &g->old) == 0 &&
	    gz_same(g, p, len)) {
		fwrite(g->old.data, 1, g->old.len, g->f);
		g->off += g->old.len;
		copied = 1;
	} else {
		if (deflateReset(&g->z) != Z_OK || (g->dict.len > 0 &&
		    deflateSetDictionary(&g->z, (const unsigned char *)
		    g->dict.data, (uInt)g->dict.len) != Z_OK)) {
			g->bad = 1;
			return;
		}
		g->z.next_in = (unsigned char *)(uintptr_t)p;
		g->z.avail_in = (uInt)len;
		do {
			g->z.next_out = out;
			g->z.avail_out = sizeof(out);
			zr = deflate(&g->z, Z_SYNC_FLUSH);
			if (zr == Z_STREAM_ERROR) {
				g->bad = 1;
				return;
			}
			fwrite(out, 1, sizeof(out) - g->z.avail_out, g->f);
			g->off += sizeof(out) - g->z.avail_out;
		} while (g->z.avail_out == 0 || g->z.avail_in > 0);
	}
	if (g->r != NULL)
		g->r->made(g->arg, g->k, start, g->off - start, len, copied);
	g->k++;
	/* The next chunk's dictionary: the last 32 KiB of text. */
	if (alone)
		buf_reset(&g->dict);
	else if (len >= GZ_WINDOW) {
		buf_reset(&g->dict);
		buf_put(&g->dict, p + len - GZ_WINDOW, GZ_WINDOW);
	} else {
		buf_put(&g->dict, p, len);
		if (g->dict.len > GZ_WINDOW) {
			memmove(g->dict.data, g->dict.data + g->dict.len -
			    GZ_WINDOW, GZ_WINDOW);
			g->dict.len = GZ_WINDOW;
		}
	}
	buf_reset(&g->in);
}

void
gz_write(struct gzout *g, const void *p, size_t len)
{
	if (g->bad || len == 0)
		return;
	buf_put(&g->in, p, len);
	if (g->in.len >= GZ_CHUNK)
		gz_chunk(g, 0);
}

void
gz_cut(struct gzout *g)
{
	gz_chunk(g, 1);
}

int
gz_close(struct gzout *g)
{
	unsigned char	 tail[10];
	int		 bad, i;

	gz_chunk(g, 1);
	if (!g->bad) {
		/* The final block, empty, fixed codes: 03 00. */
		tail[0] = 3;
		tail[1] = 0;
		for (i = 0; i < 4; i++) {
			tail[2 + i] = (unsigned char)(g->crc >> (8 * i));
			tail[6 + i] = (unsigned char)(g->isize >> (8 * i));
		}
		fwrite(tail, 1, sizeof(tail), g->f);
	}
	deflateEnd(&g->z);
	if (g->inf_ok)
		inflateEnd(&g->inf);
	bad = g->bad;
	buf_free(&g->in);
	buf_free(&g->old);
	buf_free(&g->dict);
	free(g);
	return bad ? rs_err("gzip: zlib failed") : 0;
}
