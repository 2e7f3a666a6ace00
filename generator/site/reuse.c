/*
 * reuse.c -- a rebuild where nothing changed.  The build's key is the
 * SHA-256 of everything a site is made from: the regsite program
 * itself, the configuration file, every file of content/, templates/
 * and static/, SOURCE_DATE_EPOCH and REGSITE_HUNSPELL, whether the
 * release is remembered, and the registry database's bytes (with its
 * write-ahead log) as the finished build leaves them: as it found them
 * (a preview), or as it was right after this build remembered the
 * release, when no one else wrote to it during the build (checked
 * under the registry's write lock; else no key, and the next build is
 * a full one).  A build writes the key into the site's
 * marker file; the next build with the same key links every file of
 * the published site into its new tree (hard links: no byte copied)
 * instead of making them again, and swaps it into place as any build
 * does -- atomic, and byte-identical to a full build by construction.
 *
 * The key is taken from bytes, not from meaning: a database that is
 * the same but written differently (a checkpoint) only costs a full
 * build.  A build with --report always builds in full (the report is
 * made by the privacy stage).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "lib/lib.h"
#include "site/output.h"
#include "site/reuse.h"

/*
 * Hash a file's bytes (with its name and size); absent or empty: its
 * name alone (SQLite leaves an empty write-ahead log where there was
 * none).
 */
static int
hash_file(struct sha256_ctx *c, const char *label, const char *path,
    int optional)
{
	unsigned char	 chunk[1 << 16];
	char		 head[64];
	struct stat	 st;
	ssize_t		 n;
	int		 fd;

	sha256_update(c, strlen(label) + 1, (const uint8_t *)label);
	if ((fd = open(path, O_RDONLY)) == -1) {
		if (errno == ENOENT && optional)
			return 0;
		return rs_err("%s: cannot read: %s", path, strerror(errno));
	}
	if (fstat(fd, &st) == 0 && st.st_size == 0) {
		close(fd);
		return 0;
	}
	if (fstat(fd, &st) == 0) {
		snprintf(head, sizeof(head), " %lld\n", (long long)st.st_size);
		sha256_update(c, strlen(head), (const uint8_t *)head);
	}
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		sha256_update(c, (size_t)n, chunk);
	close(fd);
	if (n == -1)
		return rs_err("%s: cannot read: %s", path, strerror(errno));
	return 0;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Hash every file below dir, in name order, with its path below top. */
static int
hash_tree(struct sha256_ctx *c, const char *dir, const char *rel)
{
	struct dirent	**v;
	struct stat	 st;
	char		*p, *r;
	int		 n, i, rc = 0;

	if ((n = scandir(dir, &v, NULL, by_name)) < 0)
		return rs_err("%s: cannot read: %s", dir, strerror(errno));
	for (i = 0; i < n; i++) {
		if (rc == 0 && strcmp(v[i]->d_name, ".") != 0 &&
		    strcmp(v[i]->d_name, "..") != 0) {
			p = xasprintf("%s/%s", dir, v[i]->d_name);
			r = xasprintf("%s/%s", rel, v[i]->d_name);
			if (stat(p, &st) == -1)
				rc = rs_err("%s: %s", p, strerror(errno));
			else if (S_ISDIR(st.st_mode))
				rc = hash_tree(c, p, r);
			else
				rc = hash_file(c, r, p, 0);
			free(p);
			free(r);
		}
		free(v[i]);
	}
	free(v);
	return rc;
}

int
reuse_key(const struct reuse_in *in, char key[65])
{
	static const char *const subs[] = { "content", "templates", "static" };
	struct sha256_ctx c;
	uint8_t		 d[SHA256_DIGEST_SIZE];
	const char	*env;
	char		*p, line[64];
	size_t		 i;

	sha256_init(&c);
	sha256_update(&c, 16, (const uint8_t *)"regsite key v1\n");
	if (hash_file(&c, "program", "/proc/self/exe", 0) == -1)
		return -1;
	if (in->config != NULL && hash_file(&c, "config", in->config, 0) == -1)
		return -1;
	for (i = 0; i < 3; i++) {
		p = xasprintf("%s/%s", in->srcdir, subs[i]);
		if (hash_tree(&c, p, subs[i]) == -1) {
			free(p);
			return -1;
		}
		free(p);
	}
	env = getenv("SOURCE_DATE_EPOCH");
	snprintf(line, sizeof(line), "epoch %s record %d\n", env ? env : "-",
	    !in->no_record);
	sha256_update(&c, strlen(line), (const uint8_t *)line);
	/* The scrubber's dictionaries: where it finds them. */
	env = getenv("REGSITE_HUNSPELL");
	p = xasprintf("hunspell %s\n", env ? env : "-");
	sha256_update(&c, strlen(p), (const uint8_t *)p);
	free(p);
	if (hash_file(&c, "db", in->db, 0) == -1)
		return -1;
	p = xasprintf("%s-wal", in->db);
	i = hash_file(&c, "wal", p, 1) == -1;
	free(p);
	if (i)
		return -1;
	sha256_digest(&c, sizeof(d), d);
	for (i = 0; i < sizeof(d); i++)
		snprintf(key + 2 * i, 3, "%02x", d[i]);
	return 0;
}
