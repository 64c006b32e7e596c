/**
 * The HTTP side of a clean shutdown: stop taking connections, let the requests in flight finish,
 * close keep-alive connections left idle (src/index.ts calls it on SIGINT and SIGTERM).
 */
import type { Server as HttpServer } from 'node:http';
import { Server as NetServer } from 'node:net';

/** How long keep-alive connections idle at shutdown stay open for a request their client already sent. */
const DRAIN_GRACE_MS = 1_000;
/**
 * How long the service keeps accepting connections after the signal (answering with `connection:
 * close`; /readyz already says "shutting down"). Closing the listening socket at once resets the
 * connections still waiting in the kernel's accept queue: clients that connected just before the
 * signal would lose their request (the full SIGTERM test saw 2 of 343).
 */
const LISTEN_GRACE_MS = 500;

/**
 * Stops accepting connections (after LISTEN_GRACE_MS) and resolves once every request in flight
 * has its response.
 * `http.Server#close` would also destroy at once every keep-alive connection that is between
 * requests, and with it a request its client has just written but the server has not read yet:
 * so only the listening socket is closed here (net's close), requests arriving on open
 * connections are answered with `connection: close`, and connections still idle after
 * DRAIN_GRACE_MS are closed instead of holding the shutdown for the keep-alive timeout.
 */
export async function drain(http: HttpServer): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, LISTEN_GRACE_MS));
  const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(http, () => resolve()));
  let sweep: NodeJS.Timeout | undefined;
  const grace = setTimeout(() => {
    sweep = setInterval(() => http.closeIdleConnections(), 100);
  }, DRAIN_GRACE_MS);
  return closed.finally(() => {
    clearTimeout(grace);
    clearInterval(sweep);
  });
}
