/*
 * serve.h -- `regsite serve`: preview a built site over HTTP.
 */
#ifndef SERVE_H
#define SERVE_H

/* The seconds a connection may stay idle before it is closed. */
#define SERVE_TIMEOUT	15

/*
 * Serve dir on bind:port until SIGINT/SIGTERM, closing connections idle
 * for timeout seconds; 0, or -1 with rs_err.
 */
int	 serve_run(const char *dir, const char *bind, int port, int timeout);

#endif /* !SERVE_H */
