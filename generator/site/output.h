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
 * header, so the same bytes make the same file.  gz_close writes the
 * trailer and frees (the file stays open): 0, or -1 and rs_err.
 */
struct gzout;
struct gzout *gz_open(FILE *);
void	 gz_write(struct gzout *, const void *, size_t);
int	 gz_close(struct gzout *);
/* Swap the finished tree into place (atomically where possible). */
int	 site_commit(struct site *);
/* Remove the temporary tree and free. */
void	 site_abort(struct site *);
void	 site_free(struct site *);
size_t	 site_files(const struct site *);
unsigned long long site_bytes(const struct site *);
/*
 * The key the published site was built with (its marker's "key"
 * line): 1 and key set, or 0 when it has none.
 */
int	 site_prev_key(const struct site *, char key[65]);
/* Write the key into the new tree's marker. */
int	 site_set_key(struct site *, const char *key);
/* Hard-link every file of the published site into the new tree. */
int	 site_link_previous(struct site *);
/* Count files another process wrote into the tree. */
void	 site_count(struct site *, size_t files, unsigned long long bytes);
/* Lower-case hexadecimal SHA-256 of data. */
void	 sha256_hex(const void *, size_t, char hex[65]);
/* Remove a directory tree (0, or -1 with errno). */
int	 rm_tree(const char *);

#endif /* !OUTPUT_H */
