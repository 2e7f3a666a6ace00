/*
 * reuse.c -- a rebuild where nothing changed.  The build's key is the
 * SHA-256 of everything a site is made from: the frame key (the
 * regsite program itself and the shared libraries it runs with (their
 * sizes and times), the configuration file, every file of
 * content/, templates/ and static/, REGSITE_HUNSPELL and its
 * dictionaries' sizes and times), SOURCE_DATE_EPOCH, whether the
 * release is remembered, and the registry database's bytes (with its
 * write-ahead log) as the finished build leaves them: as it found them
 * (a preview), or as it was right after this build remembered the
 * release, when no one else committed to it since the build's snapshot
 * (SQLite's data_version, checked under the registry's write lock;
 * else no key, and the next build is a full one).  A build writes the
 * key into the site's
 * marker file; the next build with the same key links every file of
 * the published site into its new tree (hard links: no byte copied)
 * instead of making them again, and swaps it into place as any build
 * does -- atomic, and byte-identical to a full build by construction.
 *
 * The key is taken from bytes, not from meaning: a database that is
 * the same but written differently (a checkpoint) only costs a full
 * build.  A build with --report always builds in full (the report is
 * made by the privacy stage).
 *
 * The registry's bytes go into the key as their XXH3 128-bit hash
 * (libxxhash), at the speed of reading them: the key is taken twice a
 * build (at its start, and under the write lock after the release is
 * remembered), and SHA-256 took 0.44 s each for the 0.5 GB registry of
 * 100 000 incidents, the build's own process alone.  The key tells an
 * unchanged registry from a changed one; it is no defence against
 * someone who can write the registry, who can change what is published
 * anyway.
 */
#define _GNU_SOURCE		/* dl_iterate_phdr */
#include <dirent.h>
#include <errno.h>
#include <link.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>
#include <xxhash.h>

#include "lib/lib.h"
#include "site/output.h"
#include "site/reuse.h"

/*
 * Hash a file's bytes (with its name and size); absent or empty: its
 * name alone (SQLite leaves an empty write-ahead log where there was
 * none).  With fast (the registry), the bytes go in as their XXH3
 * 128-bit hash.
 */
static int
hash_file(struct sha256_ctx *c, const char *label, const char *path,
    int optional, int fast)
{
	static unsigned char chunk[1 << 20];
	XXH3_state_t	*x = NULL;
	XXH128_canonical_t d;
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
		snprintf(head, sizeof(head), " %lld%s\n",
		    (long long)st.st_size, fast ? " xxh3" : "");
		sha256_update(c, strlen(head), (const uint8_t *)head);
	}
	if (fast)
		x = xxh3_new();
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		if (fast)
			XXH3_128bits_update(x, chunk, (size_t)n);
		else
			sha256_update(c, (size_t)n, chunk);
	close(fd);
	if (fast && n != -1) {
		XXH128_canonicalFromHash(&d, XXH3_128bits_digest(x));
		sha256_update(c, sizeof(d.digest), d.digest);
	}
	if (x != NULL)
		XXH3_freeState(x);
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
				rc = hash_file(c, r, p, 0, 0);
			free(p);
			free(r);
		}
		free(v[i]);
	}
	free(v);
	return rc;
}

/* A file's place, size and time, hashed (a file too big to hash each
 * build, which an upgrade replaces). */
static void
hash_stat(struct sha256_ctx *c, const char *label, const char *path)
{
	struct stat	 st;
	char		*p;

	if (stat(path, &st) == 0)
		p = xasprintf("%s %s %lld %lld.%09ld\n", label, path,
		    (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		    st.st_mtim.tv_nsec);
	else
		p = xasprintf("%s %s -\n", label, path);
	sha256_update(c, strlen(p), (const uint8_t *)p);
	free(p);
}

static int
hash_lib(struct dl_phdr_info *info, size_t size, void *arg)
{
	(void)size;
	if (info->dlpi_name != NULL && info->dlpi_name[0] == '/')
		hash_stat(arg, "lib", info->dlpi_name);
	return 0;
}

/*
 * What the pages' rows and the scrubbing are made from: the program
 * and its shared libraries (zlib's, libdeflate's, libxlsxwriter's,
 * libzip's bytes are in the files kept from the last site), the
 * configuration, the source tree, and the scrubber's hunspell
 * dictionaries (where they are, their sizes and times).
 */
static int
hash_sources(struct sha256_ctx *c, const struct reuse_in *in)
{
	static const char *const subs[] = { "content", "templates", "static" };
	static const char *const hs[] = { "ru_RU.dic", "ru_RU.aff",
	    "kk_KZ.dic", "kk_KZ.aff" };
	const char	*env;
	char		*p;
	size_t		 i;

	if (hash_file(c, "program", "/proc/self/exe", 0, 0) == -1)
		return -1;
	dl_iterate_phdr(hash_lib, c);
	if (in->config != NULL &&
	    hash_file(c, "config", in->config, 0, 0) == -1)
		return -1;
	for (i = 0; i < 3; i++) {
		p = xasprintf("%s/%s", in->srcdir, subs[i]);
		if (hash_tree(c, p, subs[i]) == -1) {
			free(p);
			return -1;
		}
		free(p);
	}
	/* The scrubber's dictionaries: where it finds them. */
	env = getenv("REGSITE_HUNSPELL");
	p = xasprintf("hunspell %s\n", env ? env : "-");
	sha256_update(c, strlen(p), (const uint8_t *)p);
	free(p);
	for (i = 0; i < sizeof(hs) / sizeof(hs[0]); i++) {
		p = xasprintf("%s/%s", env && *env ? env :
		    "/usr/share/hunspell", hs[i]);
		hash_stat(c, hs[i], p);
		free(p);
	}
	return 0;
}

int
reuse_frame_key(const struct reuse_in *in, char key[65])
{
	struct sha256_ctx c;
	uint8_t		 d[SHA256_DIGEST_SIZE];

	sha256_init(&c);
	sha256_update(&c, 18, (const uint8_t *)"regsite frame v1\n");
	if (hash_sources(&c, in) == -1)
		return -1;
	sha256_digest(&c, sizeof(d), d);
	hex_encode(d, sizeof(d), key);
	return 0;
}

int
reuse_key(const struct reuse_in *in, char key[65])
{
	struct sha256_ctx c;
	uint8_t		 d[SHA256_DIGEST_SIZE];
	const char	*env;
	char		*p, line[64];
	size_t		 i;

	/* The sources, as the frame key has them (hashed once a build). */
	if (in->frame == NULL || *in->frame == '\0')
		return rs_err("the build's sources could not be read");
	sha256_init(&c);
	sha256_update(&c, 16, (const uint8_t *)"regsite key v3\n");
	sha256_update(&c, strlen(in->frame) + 1, (const uint8_t *)in->frame);
	env = getenv("SOURCE_DATE_EPOCH");
	snprintf(line, sizeof(line), "epoch %s record %d\n", env ? env : "-",
	    !in->no_record);
	sha256_update(&c, strlen(line), (const uint8_t *)line);
	if (hash_file(&c, "db", in->db, 0, 1) == -1)
		return -1;
	p = xasprintf("%s-wal", in->db);
	i = hash_file(&c, "wal", p, 1, 1) == -1;
	free(p);
	if (i)
		return -1;
	sha256_digest(&c, sizeof(d), d);
	hex_encode(d, sizeof(d), key);
	return 0;
}

/* ------------------------------------------------------------------ */
/* The map of what the last build made of each quarter table           */

struct pagemap {
	char		*prevdir;	/* the previous site, or NULL */
	char		*prevmap;	/* its map, or NULL */
	char		*name;		/* the map's file in the site */
	char		 frame[65];
	struct pment	*prev;		/* sorted by path */
	size_t		 nprev;
	struct pmq {
		int	 form;
		char	 quarter[8];
		char	 digest[65];
	}		*pq, *cq;	/* the previous build's, this one's */
	size_t		 npq, ncq;
	struct pment	*cur;
	size_t		 ncur;
};

static int
pment_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pment *)a)->path,
	    ((const struct pment *)b)->path);
}

static void
pment_free(struct pment *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i].path);
	free(v);
}

/* The previous build's map, if it is one of this frame; else none. */
static void
pagemap_load(struct pagemap *m)
{
	struct pment	 e;
	struct pmq	 q;
	FILE		*f;
	char		*line = NULL, p[512], sha[65];
	size_t		 cap = 0;
	ssize_t		 n;
	int		 ok = 0, first = 1;

	f = fopen(m->prevmap, "r");
	if (f == NULL)
		return;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (line[n - 1] != '\n' || (size_t)n >= sizeof(p))
			goto bad;
		if (first) {
			if (sscanf(line, "regsite map v1 frame %64s", p) != 1 ||
			    strcmp(p, m->frame) != 0)
				goto bad;
			first = 0;
		} else if (line[0] == 'q') {
			memset(&q, 0, sizeof(q));
			if (sscanf(line, "q %d %7s %64s", &q.form, q.quarter,
			    q.digest) != 3)
				goto bad;
			m->pq = xreallocarray(m->pq, m->npq + 1,
			    sizeof(*m->pq));
			m->pq[m->npq++] = q;
		} else if (line[0] == 'e') {
			memset(&e, 0, sizeof(e));
			if (sscanf(line, "e %511s %llu %llu %llu %64s", p,
			    &e.n[0], &e.n[1], &e.n[2], sha) != 5)
				goto bad;
			snprintf(e.sha, sizeof(e.sha), "%s", strcmp(sha, "-") ?
			    sha : "");
			e.path = xstrdup(p);
			m->prev = xreallocarray(m->prev, m->nprev + 1,
			    sizeof(*m->prev));
			m->prev[m->nprev++] = e;
		} else
			goto bad;
	}
	ok = !first && !ferror(f);
bad:
	free(line);
	fclose(f);
	if (!ok) {
		pment_free(m->prev, m->nprev);
		free(m->pq);
		m->prev = NULL;
		m->pq = NULL;
		m->nprev = m->npq = 0;
		return;
	}
	qsort(m->prev, m->nprev, sizeof(*m->prev), pment_cmp);
}

struct pagemap *
pagemap_open(const char *prevdir, const char *prevmap, const char *name,
    const char *frame)
{
	struct pagemap	*m;

	m = xcalloc(1, sizeof(*m));
	m->name = xstrdup(name);
	snprintf(m->frame, sizeof(m->frame), "%s", frame);
	if (prevdir != NULL && prevmap != NULL) {
		m->prevdir = xstrdup(prevdir);
		m->prevmap = xstrdup(prevmap);
		pagemap_load(m);
	}
	return m;
}

int
pagemap_same(struct pagemap *m, int form, const char *quarter,
    const char *digest)
{
	struct pmq	*q;
	size_t		 i;

	m->cq = xreallocarray(m->cq, m->ncq + 1, sizeof(*m->cq));
	q = &m->cq[m->ncq++];
	memset(q, 0, sizeof(*q));
	q->form = form;
	snprintf(q->quarter, sizeof(q->quarter), "%s", quarter);
	snprintf(q->digest, sizeof(q->digest), "%s", digest);
	for (i = 0; i < m->npq; i++)
		if (m->pq[i].form == form &&
		    strcmp(m->pq[i].quarter, quarter) == 0)
			return strcmp(m->pq[i].digest, digest) == 0;
	return 0;
}

const struct pment *
pagemap_prev(const struct pagemap *m, const char *path)
{
	struct pment	 key;

	if (m->nprev == 0)
		return NULL;
	key.path = (char *)path;
	return bsearch(&key, m->prev, m->nprev, sizeof(*m->prev),
	    pment_cmp);
}

void
pagemap_add(struct pagemap *m, const char *path, unsigned long long n0,
    unsigned long long n1, unsigned long long n2, const char *sha)
{
	struct pment	*e;

	m->cur = xreallocarray(m->cur, m->ncur + 1, sizeof(*m->cur));
	e = &m->cur[m->ncur++];
	memset(e, 0, sizeof(*e));
	e->path = xstrdup(path);
	e->n[0] = n0;
	e->n[1] = n1;
	e->n[2] = n2;
	snprintf(e->sha, sizeof(e->sha), "%s", sha ? sha : "");
}

int
pagemap_read(const struct pagemap *m, const struct pment *e,
    unsigned long long off, unsigned long long len, struct buf *out)
{
	struct stat	 st;
	char		*path;
	ssize_t		 n;
	size_t		 got = 0;
	int		 fd;

	path = xasprintf("%s/%s", m->prevdir, e->path);
	if ((fd = open(path, O_RDONLY)) == -1) {
		rs_err("%s: cannot read the previous site's file: %s", path,
		    strerror(errno));
		free(path);
		return -1;
	}
	buf_reset(out);
	if (fstat(fd, &st) == -1 || (unsigned long long)st.st_size !=
	    e->n[0] || off + len > e->n[0]) {
		close(fd);
		rs_err("%s: the previous site's file changed since it was "
		    "built", path);
		free(path);
		return -1;
	}
	if (out->cap < len + 1) {
		out->data = xrealloc(out->data, len + 1);
		out->cap = len + 1;
	}
	while (got < len) {
		n = pread(fd, out->data + got, len - got, (off_t)(off + got));
		if (n <= 0) {
			if (n == -1 && errno == EINTR)
				continue;
			close(fd);
			rs_err("%s: cannot read the previous site's file: %s",
			    path, n == 0 ? "it is shorter" : strerror(errno));
			free(path);
			return -1;
		}
		got += (size_t)n;
	}
	close(fd);
	free(path);
	out->len = len;
	out->data[len] = '\0';
	return 0;
}

int
pagemap_check(const struct pagemap *m, const struct pment *e)
{
	struct stat	 st;
	char		*path;
	int		 ok;

	path = xasprintf("%s/%s", m->prevdir, e->path);
	ok = stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size == e->n[0];
	free(path);
	return ok;
}

/* The SHA-256 of a file, lower-case hex: 0, or -1. */
int
file_sha256(const char *path, char hex[65])
{
	struct sha256_ctx sha;
	unsigned char	 chunk[65536];
	uint8_t		 dg[SHA256_DIGEST_SIZE];
	size_t		 got;
	FILE		*in;
	int		 bad;

	if ((in = fopen(path, "rb")) == NULL)
		return -1;
	sha256_init(&sha);
	while ((got = fread(chunk, 1, sizeof(chunk), in)) > 0)
		sha256_update(&sha, got, chunk);
	bad = ferror(in);
	fclose(in);
	sha256_digest(&sha, sizeof(dg), dg);
	hex_encode(dg, sizeof(dg), hex);
	return bad ? -1 : 0;
}

int
pagemap_summed(const struct pagemap *m, const struct pment *e)
{
	char	 hex[65], *path;
	int	 ok;

	if (e->sha[0] == '\0' || !pagemap_check(m, e))
		return 0;
	path = xasprintf("%s/%s", m->prevdir, e->path);
	ok = file_sha256(path, hex) == 0 && strcmp(hex, e->sha) == 0;
	free(path);
	return ok;
}

const char *
pagemap_prevdir(const struct pagemap *m)
{
	return m->prevdir;
}

int
pagemap_write(struct pagemap *m, struct site *s)
{
	struct buf	 b = { 0 };
	size_t		 i;
	int		 rc;

	qsort(m->cur, m->ncur, sizeof(*m->cur), pment_cmp);
	buf_printf(&b, "regsite map v1 frame %s\n", m->frame);
	for (i = 0; i < m->ncq; i++)
		buf_printf(&b, "q %d %s %s\n", m->cq[i].form,
		    m->cq[i].quarter, m->cq[i].digest);
	for (i = 0; i < m->ncur; i++)
		buf_printf(&b, "e %s %llu %llu %llu %s\n", m->cur[i].path,
		    m->cur[i].n[0], m->cur[i].n[1], m->cur[i].n[2],
		    m->cur[i].sha[0] ? m->cur[i].sha : "-");
	rc = site_write_aside(s, m->name, b.data, b.len);
	buf_free(&b);
	return rc;
}

void
pagemap_free(struct pagemap *m)
{
	if (m == NULL)
		return;
	pment_free(m->prev, m->nprev);
	pment_free(m->cur, m->ncur);
	free(m->pq);
	free(m->cq);
	free(m->prevdir);
	free(m->prevmap);
	free(m->name);
	free(m);
}
