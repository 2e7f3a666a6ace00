/*
 * publish.h -- regsite publish: put a built site on the web host as a
 * new release and switch to it atomically, or roll back to the release
 * before.
 */
#ifndef PUBLISH_H
#define PUBLISH_H

#define PUBLISH_KEEP	5	/* releases kept by default */

struct publish_opts {
	const char *dir;	/* the built site; NULL with rollback */
	const char *to;		/* [USER@HOST:]PATH */
	const char *ssh;	/* the remote shell (rsync -e), "ssh" */
	int	 keep;		/* releases kept, 2 or more */
	int	 rollback;
};

/* 0 on success, -1 (rs_err) on failure. */
int	 publish_run(const struct publish_opts *);

#endif /* !PUBLISH_H */
