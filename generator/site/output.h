/*
 * output.h -- the site's files, written into a temporary tree that is
 * swapped into place when complete.
 */
#ifndef OUTPUT_H
#define OUTPUT_H


struct site;

/* Start a site that will replace directory out; NULL and rs_err. */
struct site *site_open(const char *out);
const char *site_tmpdir(const struct site *);
/* Write a whole file (rel: path inside the site; parents created). */
int	 site_write(struct site *, const char *rel, const void *, size_t);
/* Stream a large file: open, write, then site_fclose checks errors. */
FILE	*site_fopen(struct site *, const char *rel);
int	 site_fclose(struct site *, FILE *, const char *rel);
/*
 * gzip onto a file opened with site_fopen: no name and no time in the
 * header, so the same bytes make the same file; one member, in chunks
 * compressed apart (output.c).  gz_cut ends a chunk where a write
 * ended, one the next chunk does not refer to (a file's header).
 * gz_close writes the trailer and frees (the file stays open): 0, or
 * -1 and rs_err.
 */
struct gzout;
struct buf;
/*
 * Chunks from the last build: old puts chunk k's compressed bytes into
 * z when the last build had a chunk k of len bytes (0; else -1, with
 * nothing to report); made tells where this build's chunk k is, and
 * whether it was copied from the last build's.
 */
struct gz_reuse {
	int	(*old)(void *, size_t k, size_t len, struct buf *z);
	void	(*made)(void *, size_t k, unsigned long long off,
		    unsigned long long zlen, size_t len, int copied);
};
struct gzout *gz_open(FILE *);
void	 gz_set_reuse(struct gzout *, const struct gz_reuse *, void *);
void	 gz_write(struct gzout *, const void *, size_t);
void	 gz_cut(struct gzout *);
int	 gz_close(struct gzout *);
/* Swap the finished tree into place (atomically where possible), the
 * last one removed by jobs processes (1 or 2). */
int	 site_commit(struct site *, int jobs);
/* Remove the temporary tree and free. */
void	 site_abort(struct site *);
void	 site_free(struct site *);
size_t	 site_files(const struct site *);
unsigned long long site_bytes(const struct site *);
/*
 * The key the published site was built with (the "key" line of its
 * files' digest beside it): 1 and key set, or 0 when it has none.
 */
int	 site_prev_key(const struct site *, char key[65]);
/*
 * The scrubbing memo (privacy/memo.h): next, the new one's path in the
 * tree being built, which site_commit moves beside the site; else the
 * one kept there, ".BASE.regsite-memo" beside the site BASE (never in
 * a site).  A new string.
 */
char	*site_memo(const struct site *, int next);
/*
 * The same for a file kept beside the site by name (".regsite-map-kk"):
 * written into the new tree with site_write_aside (not counted as the
 * site's), moved beside it by site_commit.  The marker names the maps'
 * digest; site_maps_ok: are the maps beside the published site the
 * ones its marker names?
 */
char	*site_aside(const struct site *, const char *name, int next);
int	 site_write_aside(struct site *, const char *name, const void *,
	    size_t);
int	 site_maps_ok(const struct site *);
/*
 * Is the published site as its build left it: the digest of its files
 * (each one's path, size, time and inode) the one its build kept beside
 * it (".BASE.regsite-files")?  A site
 * changed since (a page edited, a file added or removed) is neither
 * kept nor reused from: the build makes it in full.
 */
int	 site_intact(const struct site *);
/* The key the new tree is built with, for its files' digest to name
 * (beside the site: the marker in it is the same for every build). */
void	 site_set_key(struct site *, const char *key);
/* Hard-link every file of the published site into the new tree. */
int	 site_link_previous(struct site *);
/* Hard-link one file of the published site into the new tree. */
int	 site_link(struct site *, const char *rel);
/* Write a whole file, or link the published site's file at rel when
 * it already has these bytes (read and compared). */
int	 site_write_same(struct site *, const char *rel, const void *,
	    size_t);
/* The first len bytes of a file of the new tree; 0, or -1 and rs_err. */
struct buf;
int	 site_read(struct site *, const char *rel, size_t len, struct buf *);
/* The directory the site replaces (holding the published site). */
const char *site_outdir(const struct site *);
/* Count files another process wrote into the tree. */
void	 site_count(struct site *, size_t files, unsigned long long bytes);
/* Lower-case hexadecimal SHA-256 of data. */
void	 sha256_hex(const void *, size_t, char hex[65]);
/* Remove a directory tree (0, or -1 with errno). */
int	 rm_tree(const char *);

#endif /* !OUTPUT_H */
