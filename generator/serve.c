/*
 * serve.c -- `regsite serve`: preview a built site over HTTP before
 * publishing it, with the same security headers as the shipped nginx
 * configuration (a strict Content-Security-Policy among them) on every
 * response it makes -- files, the 404 page, the plain "not found", the
 * 405 -- so what works here works on the web host.  Static files only,
 * GET and HEAD; nothing outside the served directory, symbolic links
 * that lead out of it included; a connection idle for --timeout
 * seconds (15 by default) is closed, so idle or garbage connections do
 * not pile up.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>

#include "lib/lib.h"
#include "serve.h"

/* The headers every response carries (as in content/nginx.conf). */
static const struct {
	const char	*name, *value;
} security_headers[] = {
	{ "Content-Security-Policy", "default-src 'self'; "
	  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "Referrer-Policy", "strict-origin-when-cross-origin" },
	{ "X-Frame-Options", "DENY" },
};

static const struct {
	const char	*ext, *type;
} types[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".json", "application/json" },
	{ ".csv", "text/csv; charset=utf-8" },
	{ ".gz", "application/gzip" },
	{ ".xlsx", "application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet" },
	{ ".svg", "image/svg+xml" },
	{ ".xml", "application/xml" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".png", "image/png" },
	{ ".ico", "image/x-icon" },
	{ ".woff2", "font/woff2" },
};

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static const char *
content_type(const char *path)
{
	const char	*dot = strrchr(path, '.');
	size_t		 i;

	if (dot && strcmp(dot, ".xml") == 0 && strstr(path, "feed.xml"))
		return "application/atom+xml";
	for (i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	if (strcmp(strrchr(path, '/') ? strrchr(path, '/') + 1 : path,
	    "SHA256SUMS") == 0)
		return "text/plain; charset=utf-8";
	return "application/octet-stream";
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The file under root for a request path, or NULL when the path is not
 * acceptable (percent-decoded; no "..", no hidden segments, no NUL).
 */
static char *
resolve(const char *root, const char *url)
{
	struct buf	 p = { 0 };
	struct stat	 st;
	const char	*s;
	char		*path;
	int		 hi, lo;

	for (s = url; *s && *s != '?' && *s != '#'; s++) {
		if (*s == '%' && (hi = hexval(s[1])) >= 0 &&
		    (lo = hexval(s[2])) >= 0) {
			if (hi == 0 && lo == 0)
				goto bad;
			buf_putc(&p, hi * 16 + lo);
			s += 2;
		} else
			buf_putc(&p, *s);
	}
	if (p.len == 0 || p.data[0] != '/' || strstr(p.data, "/.") != NULL)
		goto bad;
	path = xasprintf("%s%s", root, p.data);
	buf_free(&p);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		char	*idx;

		idx = xasprintf("%s%sindex.html", path,
		    path[strlen(path) - 1] == '/' ? "" : "/");
		free(path);
		path = idx;
	}
	return path;
bad:
	buf_free(&p);
	return NULL;
}

/* The security headers, which every response carries. */
static void
add_security(struct MHD_Response *r)
{
	size_t	 i;

	for (i = 0; i < sizeof(security_headers) /
	    sizeof(security_headers[0]); i++)
		MHD_add_response_header(r, security_headers[i].name,
		    security_headers[i].value);
}

/*
 * Open the regular file at path for reading if it lies inside root
 * once every symbolic link is resolved (root is itself resolved); the
 * descriptor with *st, or -1.
 */
static int
open_inside(const char *root, const char *path, struct stat *st)
{
	char	 real[PATH_MAX];
	size_t	 rlen = strlen(root);
	int	 fd;

	if (path == NULL || realpath(path, real) == NULL)
		return -1;
	if (strncmp(real, root, rlen) != 0 || real[rlen] != '/')
		return -1;
	if ((fd = open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, st) == -1 || !S_ISREG(st->st_mode)) {
		close(fd);
		return -1;
	}
	return fd;
}

static void
add_headers(struct MHD_Response *r, const char *path)
{
	add_security(r);
	MHD_add_response_header(r, "Content-Type", content_type(path));
	/* Fingerprinted assets never change; everything else may. */
	MHD_add_response_header(r, "Cache-Control",
	    strstr(path, "/static/") && (strstr(path, ".css") ||
	    strstr(path, ".js")) ? "public, max-age=31536000, immutable" :
	    "no-cache");
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	const char		*root = cls;
	struct MHD_Response	*r;
	struct stat		 st;
	char			*path, *nf;
	unsigned int		 status = MHD_HTTP_OK;
	enum MHD_Result		 ret;
	int			 fd = -1;

	(void)version;
	(void)upload;
	(void)upload_size;
	(void)state;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		r = MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT);
		add_security(r);
		MHD_add_response_header(r, "Allow", "GET, HEAD");
		ret = MHD_queue_response(conn, MHD_HTTP_METHOD_NOT_ALLOWED, r);
		MHD_destroy_response(r);
		return ret;
	}
	path = resolve(root, url);
	fd = open_inside(root, path, &st);
	if (fd == -1) {
		/* The site's own 404 page. */
		status = MHD_HTTP_NOT_FOUND;
		free(path);
		path = nf = xasprintf("%s/404.html", root);
		fd = open_inside(root, nf, &st);
	}
	if (fd == -1) {
		static const char msg[] = "not found\n";

		r = MHD_create_response_from_buffer(sizeof(msg) - 1,
		    (void *)msg, MHD_RESPMEM_PERSISTENT);
		add_security(r);
		MHD_add_response_header(r, "Content-Type",
		    "text/plain; charset=utf-8");
	} else {
		r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
		add_headers(r, path);
	}
	fprintf(stderr, "%u %s %s\n", status, method, url);
	ret = MHD_queue_response(conn, status, r);
	MHD_destroy_response(r);
	free(path);
	return ret;
}

int
serve_run(const char *dir, const char *bind, int port, int timeout)
{
	struct MHD_Daemon	*d;
	struct sockaddr_in	 sa;
	struct stat		 st;
	char			 root[PATH_MAX];

	if (realpath(dir, root) == NULL || stat(root, &st) == -1 ||
	    !S_ISDIR(st.st_mode))
		return rs_err("%s: not a directory", dir);
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, bind, &sa.sin_addr) != 1)
		return rs_err("--bind: '%s' is not an IPv4 address", bind);
	/* No MHD_USE_ERROR_LOG: a busy port is said once, below. */
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD,
	    (uint16_t)port, NULL, NULL, handle, root,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)timeout,
	    MHD_OPTION_END);
	if (d == NULL)
		return rs_err("cannot listen on %s:%d: %s", bind, port,
		    errno ? strerror(errno) : "address in use?");
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	fprintf(stderr, "regsite: serving %s at http://%s:%d/ (interrupt to "
	    "stop)\n", dir, bind, port);
	while (!stop)
		pause();
	MHD_stop_daemon(d);
	return 0;
}
