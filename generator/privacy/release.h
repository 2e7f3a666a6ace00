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
 * changes; revised counts from 1 to k - 1 are not shown.  0, or -1
 * with rs_err.
 */
int	 release_load(sqlite3 *, const char *policy, int has_memory,
	    const char *current, int recorded, long k,
	    struct release_list *);
/*
 * Call cb with each row of release (current: this build's) of a form,
 * in the order of quarter and number; cb's non-zero ends the scan.
 */
int	 release_scan(sqlite3 *, const char *policy, const char *current,
	    const char *release, enum form,
	    int (*cb)(void *, const struct relrow *), void *);
/* The comparison's query plans, to out (REGSITE_EXPLAIN). */
int	 release_explain(sqlite3 *, FILE *);
void	 release_list_free(struct release_list *);

#endif /* !RELEASE_H */
