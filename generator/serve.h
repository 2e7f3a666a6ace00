/*
 * serve.h -- `regsite serve`: preview a built site over HTTP.
 */
#ifndef SERVE_H
#define SERVE_H

/* Serve dir on bind:port until SIGINT/SIGTERM; 0, or -1 with rs_err. */
int	 serve_run(const char *dir, const char *bind, int port);

#endif /* !SERVE_H */
