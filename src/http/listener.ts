/**
 * The node:http server the service listens with, built in one place so `npm start` and the tests
 * run the same one. Its timeouts and connection cap keep slow or idle sockets from holding memory
 * without bound: a red-team run of 20,000 sockets that never finished their headers took the
 * process from 217 MB to 1.34 GB, and Node's defaults never gave it back.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';

/** Timeouts and the connection cap (config.httpServer). */
export interface HttpServerSettings {
  /** HTTP_HEADERS_TIMEOUT_MS: a request's headers must all arrive within this, from its first byte or the connection's start. */
  headersTimeoutMs: number;
  /** HTTP_REQUEST_TIMEOUT_MS: the whole request, headers and body, must arrive within this (else 408 and the connection closes). */
  requestTimeoutMs: number;
  /** HTTP_KEEP_ALIVE_TIMEOUT_MS: how long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** HTTP_MAX_CONNECTIONS: connections open at once; further ones are closed as they arrive. */
  maxConnections: number;
}

/** The defaults of the settings above (see docs/operations.md, Configuration). */
export const DEFAULT_HTTP_SERVER: HttpServerSettings = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 };

/** An http.Server over `handler` with `settings` applied. */
export function createHttpServer(handler: (req: IncomingMessage, res: ServerResponse) => void, settings: HttpServerSettings = DEFAULT_HTTP_SERVER): Server {
  const server = createServer(
    {
      headersTimeout: settings.headersTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      keepAliveTimeout: settings.keepAliveTimeoutMs,
      // Node checks the two timeouts above only every this often (30 s by default), which would
      // let a 1 s timeout run for 30 s.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(settings.headersTimeoutMs / 4))),
    },
    handler,
  );
  server.maxConnections = settings.maxConnections;
  return server;
}
