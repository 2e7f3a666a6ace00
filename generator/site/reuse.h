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
};

/*
 * The build's key, lower-case hex; 0, or -1 and rs_err (the build then
 * neither reuses nor leaves a key: its program or a source unreadable).
 */
int	 reuse_key(const struct reuse_in *, char key[65]);

#endif /* !REUSE_H */
