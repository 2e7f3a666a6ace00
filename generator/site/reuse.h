/*
 * reuse.h -- the key of a build, for rebuilding nothing when nothing
 * changed (reuse.c; the linking is output.c's site_link_previous).
 */
#ifndef REUSE_H
#define REUSE_H

/* What a site is made from. */
struct reuse_in {
	const char	*db;		/* the registry database */
	const char	*config;	/* the configuration file, or NULL */
	const char	*srcdir;	/* content/, templates/, static/ */
	int		 no_record;
	const char	*frame;		/* reuse_frame_key's, for reuse_key */
};

/*
 * The build's key, lower-case hex, from the frame key (in->frame) and
 * the rest; 0, or -1 and rs_err (the build then neither reuses nor
 * leaves a key: its program or a source unreadable).
 */
int	 reuse_key(const struct reuse_in *, char key[65]);
/*
 * The key of what a page's rows and the scrubbing are made from, the
 * registry and the date apart: the program, the configuration, the
 * source tree, the hunspell dictionaries.  0, or -1 and rs_err.
 */
int	 reuse_frame_key(const struct reuse_in *, char key[65]);

/*
 * The map of a build's quarter tables (".BASE.regsite-map-*" beside
 * the site BASE, which names their digest in its marker; never in it):
 * the frame it was made with (reuse_frame_key and
 * the code lists), each quarter table's digest (pub_digest), and an
 * entry per file made from a quarter table: a table page's size,
 * where its rows are in it (n[0..2]: size, start, length) and the
 * digest of its rows' records (sha: tables.c's struct held), a
 * download's size, header length, rows and SHA-256.  The next build
 * with the same frame reuses what it made of a quarter table whose
 * digest is the same: the rows of its pages, its files' bytes; of
 * another, the rows of each page whose records' digest is the same.
 */
struct pment {
	char		*path;
	unsigned long long n[3];
	char		 sha[65];
};
struct pagemap;
struct site;
struct buf;

/*
 * The previous build's map at prevmap, of the site in prevdir (either
 * NULL: none), and a new one, NAME.
 */
struct pagemap *pagemap_open(const char *prevdir, const char *prevmap,
	    const char *name, const char *frame);
/* Note this build's digest of a quarter table; 1 when the previous
 * build had the same frame and digest. */
int	 pagemap_same(struct pagemap *, int form, const char *quarter,
	    const char *digest);
/* The previous build's entry for a file, or NULL. */
const struct pment *pagemap_prev(const struct pagemap *, const char *path);
/* Is the previous site's file still as the entry says (its size)? */
int	 pagemap_check(const struct pagemap *, const struct pment *);
/*
 * ... and its bytes still the ones the entry summed (its SHA-256; none:
 * 0)?  A file changed in place, its size, time and inode kept, is not
 * taken from.  Checked before anything is written from it, so a kept
 * file is read twice (from the page cache: 0.3 GB for the bench's
 * rebuild's downloads); hashing while copying would find a bad file
 * only after its copy was half written.
 */
int	 pagemap_summed(const struct pagemap *, const struct pment *);
/* The SHA-256 of a file, lower-case hex: 0, or -1. */
int	 file_sha256(const char *path, char hex[65]);
/* Bytes [off, off + len) of the previous site's file: 0, or -1 and
 * rs_err (the file changed or is gone). */
int	 pagemap_read(const struct pagemap *, const struct pment *,
	    unsigned long long off, unsigned long long len, struct buf *);
const char *pagemap_prevdir(const struct pagemap *);
/* An entry of this build's map. */
void	 pagemap_add(struct pagemap *, const char *path, unsigned long long,
	    unsigned long long, unsigned long long, const char *sha);
/* This build's map into the new tree, to go beside the site (entries
 * sorted by path). */
int	 pagemap_write(struct pagemap *, struct site *);
void	 pagemap_free(struct pagemap *);

#endif /* !REUSE_H */
