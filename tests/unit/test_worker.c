/*
 * test_worker.c -- the forked worker (generator/lib/worker.c): answers
 * in order, messages larger than a pipe holds both ways, the message
 * encoding, and a worker that fails, dies or is killed making the
 * parent's call fail with the message naming the work, never hang;
 * and a stream worker's bytes, in order, and its end.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/lib.h"
#include "lib/worker.h"
#include "unit.h"

/* Answer: the message reversed, then its length. */
static int
reverse(void *arg, const char *in, size_t len, struct buf *out)
{
	size_t	 i;

	(void)arg;
	for (i = len; i-- > 0; )
		buf_putc(out, in[i]);
	msg_put_int(out, (long long)len);
	return 0;
}

/* A stream: 3 MB of a known pattern (more than a pipe holds), then
 * the exit status *arg. */
static void
stream(void *arg, int fd)
{
	char	 b[4096];
	int	 i, k;

	for (i = 0; i < 768; i++) {
		for (k = 0; k < (int)sizeof(b); k++)
			b[k] = (char)((i + k) % 251);
		if (worker_write(fd, b, sizeof(b)) == -1)
			_exit(2);
	}
	_exit(*(int *)arg);
}

/* Read a stream worker to its end: the bytes that follow the pattern. */
static long
drain(struct worker *w)
{
	char	 b[8192];
	long	 good = 0, off = 0;
	ssize_t	 n, k;

	while ((n = read(worker_fd(w), b, sizeof(b))) > 0)
		for (k = 0; k < n; k++, off++)
			good += b[k] == (char)((off / 4096 + off % 4096) % 251);
	return good;
}

/* Fails on "fail", dies on "die". */
static int
picky(void *arg, const char *in, size_t len, struct buf *out)
{
	(void)arg;
	if (len == 4 && memcmp(in, "fail", 4) == 0)
		return -1;
	if (len == 3 && memcmp(in, "die", 3) == 0)
		abort();
	BUF_LIT(out, "fine");
	return 0;
}

int
main(void)
{
	struct worker	*w;
	struct buf	 m = { 0 }, a = { 0 };
	struct msgin	 in;
	const char	*s;
	size_t		 len, i;
	long long	 n;
	int		 ok;

	/* Encoding. */
	msg_put_int(&m, -7);
	msg_put_str(&m, "abc", 3);
	msg_put_str(&m, NULL, 0);
	msg_put_str(&m, "", 0);
	in.p = m.data;
	in.left = m.len;
	in.bad = 0;
	CHECK(msg_get_int(&in) == -7, "an integer reads back");
	s = msg_get_str(&in, &len);
	CHECK(s != NULL && len == 3 && strcmp(s, "abc") == 0,
	    "a string reads back, NUL-terminated");
	CHECK(msg_get_str(&in, &len) == NULL && !in.bad,
	    "NULL reads back as NULL");
	s = msg_get_str(&in, &len);
	CHECK(s != NULL && len == 0 && !in.bad, "\"\" is not NULL");
	CHECK(in.left == 0, "nothing is left");
	msg_get_int(&in);
	CHECK(in.bad, "reading past the end is noticed");
	in.p = m.data;
	in.left = 12;	/* cut inside the string */
	in.bad = 0;
	msg_get_int(&in);
	CHECK(msg_get_str(&in, &len) == NULL && in.bad,
	    "a cut string is noticed, not read past");

	/* Answers in order; 3 MB each way (a pipe holds 64 KB). */
	ok = (w = worker_start("reversing", reverse, NULL)) != NULL;
	CHECK(ok, "a worker starts");
	for (i = 0; ok && i < 3; i++) {
		buf_reset(&m);
		for (len = 0; len < (i == 1 ? 3000000 : 5); len++)
			buf_putc(&m, 'a' + (int)((len + i) % 26));
		ok = worker_send(w, &m) == 0 && worker_recv(w, &a) == 0;
		CHECK(ok && a.len == m.len + 8 && a.data[0] ==
		    m.data[m.len - 1] && a.data[m.len - 1] == m.data[0],
		    "answer %zu (%zu bytes) is its message's", i, m.len);
		in.p = a.data + m.len;
		in.left = 8;
		in.bad = 0;
		n = msg_get_int(&in);
		CHECK(n == (long long)m.len, "... with its length (%lld)", n);
	}
	CHECK(worker_stop(w, 1) == 0, "the worker ends well");

	/* A worker that fails: the call fails, naming the work. */
	w = worker_start("the test work", picky, NULL);
	buf_reset(&m);
	BUF_LIT(&m, "x");
	CHECK(w != NULL && worker_send(w, &m) == 0 &&
	    worker_recv(w, &a) == 0 && a.len == 4, "a picky worker answers");
	buf_reset(&m);
	BUF_LIT(&m, "fail");
	CHECK(worker_send(w, &m) == 0 && worker_recv(w, &a) == -1,
	    "its failure fails the call");
	EQ_STR(rs_errmsg(), "the test work: the process doing it ended "
	    "without a result", "... with the work named");
	CHECK(worker_stop(w, 1) == -1, "and its end is reported");
	EQ_STR(rs_errmsg(), "the test work: the process doing it ended "
	    "badly", "... as bad");

	/* A worker that dies (abort): the call fails. */
	w = worker_start("the test work", picky, NULL);
	buf_reset(&m);
	BUF_LIT(&m, "die");
	CHECK(w != NULL && worker_send(w, &m) == 0 &&
	    worker_recv(w, &a) == -1, "a worker that dies fails the call");
	CHECK(worker_stop(w, 1) == -1, "its end is reported");
	EQ_STR(rs_errmsg(), "the test work: the process doing it ended "
	    "on a signal", "... as a signal");

	/* A worker killed from outside, while the parent sends 3 MB. */
	w = worker_start("the test work", picky, NULL);
	CHECK(w != NULL, "another worker starts");
	buf_reset(&m);
	BUF_LIT(&m, "x");
	worker_send(w, &m);
	worker_recv(w, &a);
	/* The worker's pid is not public: stop it the way a build that
	 * fails does, and check that does not hang. */
	CHECK(worker_stop(w, 0) == 0, "a failing build's stop kills it, "
	    "quietly");

	/* A stream worker: all its bytes, in order, then its end. */
	{
		int	 status = 0;

		w = worker_stream("the test stream", stream, &status, 65536);
		CHECK(w != NULL, "a stream worker starts");
		CHECK(drain(w) == 768L * 4096, "its 3 MB arrive in order");
		CHECK(worker_stop(w, 1) == 0, "and it ends well");
		status = 1;
		w = worker_stream("the test stream", stream, &status, 0);
		CHECK(w != NULL && drain(w) == 768L * 4096,
		    "a failing stream's bytes arrive too");
		CHECK(worker_stop(w, 1) == -1, "its end is reported");
		EQ_STR(rs_errmsg(), "the test stream: the process doing it "
		    "ended badly", "... as bad");
		w = worker_stream("the test stream", stream, &status, 0);
		CHECK(w != NULL && worker_stop(w, 0) == 0,
		    "a stream worker stopped unread is killed, quietly");
	}

	buf_free(&m);
	buf_free(&a);
	return unit_failed;
}
