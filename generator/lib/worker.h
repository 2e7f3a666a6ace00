/*
 * worker.h -- a second process for pure work: the parent sends it a
 * message, goes on with its own share, then takes the answer.  The
 * child is a fork of the caller, so it has the caller's data (tables,
 * lexicons) as they were when it started; it touches nothing else (no
 * stdio, no database) and ends with _exit.
 *
 * And the messages' encoding: integers and byte strings, in a buf.
 */
#ifndef WORKER_H
#define WORKER_H

struct buf;
struct worker;

/*
 * Start a worker that answers each message in with fn(arg, in, len,
 * out): what fn appends to out is the answer; fn returns 0, or -1 to
 * end the worker (the parent's worker_recv then fails).  NULL and
 * rs_err when no process could be started; what names the work in the
 * messages.
 */
struct worker *worker_start(const char *what,
	    int (*fn)(void *, const char *, size_t, struct buf *), void *arg);
/* Send a message; 0, or -1 and rs_err. */
int	 worker_send(struct worker *, const struct buf *);
/* The answer to the message sent last, into out (reset first); 0, or
 * -1 and rs_err. */
int	 worker_recv(struct worker *, struct buf *out);
/* Has the answer begun to arrive (worker_recv would not wait for the
 * worker to start it)?  1 or 0. */
int	 worker_ready(struct worker *);
/* End the worker and wait for it; 0 when it ended well, else -1 and
 * rs_err (unless ok is 0: the caller is failing already). */
int	 worker_stop(struct worker *, int ok);

/*
 * Start a worker that writes one stream: fn(arg, fd) runs in the child,
 * writes to fd and never returns (it ends with _exit, 0 when all was
 * written).  The parent reads worker_fd to its end, then worker_stop
 * (which closes it).  pipe_size: the pipe's room in bytes (0: the
 * system's), so that the two wait on each other less.  NULL and rs_err
 * when no process could be started.
 */
struct worker *worker_stream(const char *what, void (*fn)(void *, int),
	    void *arg, size_t pipe_size);
/* The end of a stream worker's pipe that the parent reads. */
int	 worker_fd(const struct worker *);
/* Write all len bytes of p to fd: 0, or -1 (errno). */
int	 worker_write(int fd, const void *p, size_t len);

/* A message's reader: where next, how much is left. */
struct msgin {
	const char	*p;
	size_t		 left;
	int		 bad;		/* read past the end */
};

void	 msg_put_int(struct buf *, long long);
/* A string of len bytes, or NULL (a different thing from ""). */
void	 msg_put_str(struct buf *, const char *, size_t len);
long long msg_get_int(struct msgin *);
/* Points into the message; NUL-terminated only when the sender's
 * string was followed by a NUL (msg_put_str writes one). */
const char *msg_get_str(struct msgin *, size_t *len);

#endif /* !WORKER_H */
