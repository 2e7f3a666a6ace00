/*
 * worker.c -- a forked process answering messages through two pipes.
 *
 * A message is its length (8 bytes, this machine's order: both ends are
 * the same program) and its bytes.  The parent writes a whole message
 * before it reads the answer, and the child reads a whole message
 * before it writes: neither waits on the other while holding a full
 * pipe, so they cannot block each other.
 *
 * A stream worker (worker_stream) only writes: one pipe, read by the
 * parent to its end.
 */
#define _GNU_SOURCE		/* F_SETPIPE_SZ */
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/lib.h"
#include "lib/worker.h"

struct worker {
	const char	*what;
	pid_t		 pid;
	int		 to, from;	/* the pipes' parent ends */
};

#define ANSWER_FAILED	UINT64_MAX

int
worker_write(int fd, const void *p, size_t len)
{
	const char	*s = p;
	ssize_t		 n;

	while (len > 0) {
		if ((n = write(fd, s, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

/* 1 read, 0 at the end before any byte, -1 on an error or a cut. */
static int
read_all(int fd, void *p, size_t len)
{
	char	*s = p;
	size_t	 got = 0;
	ssize_t	 n;

	while (got < len) {
		if ((n = read(fd, s + got, len - got)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			return got == 0 ? 0 : -1;
		got += (size_t)n;
	}
	return 1;
}

/* Read a message into b; 1, 0 at the end, -1. */
static int
read_msg(int fd, struct buf *b, uint64_t *len)
{
	int	 r;

	buf_reset(b);
	if ((r = read_all(fd, len, sizeof(*len))) != 1)
		return r;
	if (*len == ANSWER_FAILED)
		return 1;
	if (b->cap < (size_t)*len + 1) {
		b->data = xrealloc(b->data, (size_t)*len + 1);
		b->cap = (size_t)*len + 1;
	}
	if (*len > 0 && read_all(fd, b->data, (size_t)*len) != 1)
		return -1;
	b->len = (size_t)*len;
	b->data[b->len] = '\0';
	return 1;
}

static void
child(int in, int out, int (*fn)(void *, const char *, size_t, struct buf *),
    void *arg)
{
	struct buf	 msg = { 0 }, ans = { 0 };
	uint64_t	 len;
	int		 r;

	while ((r = read_msg(in, &msg, &len)) == 1) {
		buf_reset(&ans);
		if (fn(arg, msg.data ? msg.data : "", msg.len, &ans) == -1) {
			len = ANSWER_FAILED;
			(void)worker_write(out, &len, sizeof(len));
			_exit(1);
		}
		len = ans.len;
		if (worker_write(out, &len, sizeof(len)) == -1 ||
		    worker_write(out, ans.data, ans.len) == -1)
			_exit(1);
	}
	_exit(r == 0 ? 0 : 1);
}

/* Fork; the child (0) dies with the caller: no orphan left working. */
static pid_t
spawn(const char *what)
{
	pid_t	 parent = getpid(), pid;

	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == -1) {
		rs_err("cannot start %s: fork: %s", what, strerror(errno));
		return -1;
	}
	if (pid == 0 && (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
	    getppid() != parent))
		_exit(1);
	return pid;
}

struct worker *
worker_start(const char *what,
    int (*fn)(void *, const char *, size_t, struct buf *), void *arg)
{
	struct worker	*w;
	int		 down[2], up[2];

	if (pipe(down) == -1) {
		rs_err("cannot start %s: pipe: %s", what, strerror(errno));
		return NULL;
	}
	if (pipe(up) == -1) {
		rs_err("cannot start %s: pipe: %s", what, strerror(errno));
		close(down[0]);
		close(down[1]);
		return NULL;
	}
	w = xcalloc(1, sizeof(*w));
	w->what = what;
	if ((w->pid = spawn(what)) == -1) {
		close(down[0]);
		close(down[1]);
		close(up[0]);
		close(up[1]);
		free(w);
		return NULL;
	}
	if (w->pid == 0) {
		close(down[1]);
		close(up[0]);
		child(down[0], up[1], fn, arg);
	}
	close(down[0]);
	close(up[1]);
	w->to = down[1];
	w->from = up[0];
	return w;
}

struct worker *
worker_stream(const char *what, void (*fn)(void *, int), void *arg,
    size_t pipe_size)
{
	struct worker	*w;
	int		 up[2];

	if (pipe(up) == -1) {
		rs_err("cannot start %s: pipe: %s", what, strerror(errno));
		return NULL;
	}
	if (pipe_size > 0)
		(void)fcntl(up[1], F_SETPIPE_SZ, (int)pipe_size);
	w = xcalloc(1, sizeof(*w));
	w->what = what;
	w->to = -1;
	if ((w->pid = spawn(what)) == -1) {
		close(up[0]);
		close(up[1]);
		free(w);
		return NULL;
	}
	if (w->pid == 0) {
		close(up[0]);
		fn(arg, up[1]);
		_exit(1);
	}
	close(up[1]);
	w->from = up[0];
	return w;
}

int
worker_fd(const struct worker *w)
{
	return w->from;
}

int
worker_send(struct worker *w, const struct buf *m)
{
	uint64_t	 len = m->len;
	void		(*old)(int) = signal(SIGPIPE, SIG_IGN);
	int		 rc;

	rc = worker_write(w->to, &len, sizeof(len)) == -1 ||
	    worker_write(w->to, m->data, m->len) == -1 ? -1 : 0;
	signal(SIGPIPE, old);
	if (rc == -1)
		return rs_err("%s: the process doing it ended early", w->what);
	return 0;
}

int
worker_recv(struct worker *w, struct buf *out)
{
	uint64_t	 len;

	if (read_msg(w->from, out, &len) != 1 || len == ANSWER_FAILED)
		return rs_err("%s: the process doing it ended without a "
		    "result", w->what);
	return 0;
}

int
worker_ready(struct worker *w)
{
	struct pollfd	 pf = { .fd = w->from, .events = POLLIN };

	return poll(&pf, 1, 0) == 1;
}

int
worker_stop(struct worker *w, int ok)
{
	int	 st = 0, rc = 0;

	if (w == NULL)
		return 0;
	if (w->to != -1)
		close(w->to);
	if (!ok)
		kill(w->pid, SIGKILL);
	while (waitpid(w->pid, &st, 0) == -1)
		if (errno != EINTR) {
			st = -1;
			break;
		}
	close(w->from);
	if (ok && (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0))
		rc = rs_err("%s: the process doing it ended %s", w->what,
		    st != -1 && WIFSIGNALED(st) ? "on a signal" : "badly");
	free(w);
	return rc;
}

void
msg_put_int(struct buf *b, long long v)
{
	buf_put(b, &v, sizeof(v));
}

void
msg_put_str(struct buf *b, const char *s, size_t len)
{
	msg_put_int(b, s == NULL ? -1 : (long long)len);
	if (s != NULL) {
		buf_put(b, s, len);
		buf_putc(b, '\0');
	}
}

long long
msg_get_int(struct msgin *m)
{
	long long v;

	if (m->left < sizeof(v)) {
		m->bad = 1;
		m->left = 0;
		return 0;
	}
	memcpy(&v, m->p, sizeof(v));
	m->p += sizeof(v);
	m->left -= sizeof(v);
	return v;
}

const char *
msg_get_str(struct msgin *m, size_t *len)
{
	long long n = msg_get_int(m);
	const char *s;

	*len = 0;
	if (n < 0 || m->bad)
		return NULL;
	if ((unsigned long long)n + 1 > m->left) {
		m->bad = 1;
		m->left = 0;
		return NULL;
	}
	s = m->p;
	*len = (size_t)n;
	m->p += n + 1;
	m->left -= (size_t)n + 1;
	return s;
}
