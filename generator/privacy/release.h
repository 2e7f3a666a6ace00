/*
 * release.h -- the releases the registry remembers, read back for the
 * release pages, what changed and the feed (privacy.h's struct
 * release_list).  Internal to the privacy stage.
 */
#ifndef RELEASE_H
#define RELEASE_H

/*
 * Read every release of policy before current from main.published and
 * main.releases (has_memory: the tables exist), add current from this
 * build's decisions (temp.dec), and work out each one's figures and
 * changes; revised counts from 1 to k - 1 are not shown.  The rows of
 * every release stay in temp.rel for release_scan.  0, or -1 with
 * rs_err.
 */
int	 release_load(sqlite3 *, const char *policy, int has_memory,
	    const char *current, int recorded, long k,
	    struct release_list *);
int	 release_scan(sqlite3 *, const char *release, enum form,
	    int (*cb)(void *, const struct relrow *), void *);
void	 release_list_free(struct release_list *);

#endif /* !RELEASE_H */
