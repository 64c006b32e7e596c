/**
 * The HTTP surface: `/graphql` (Apollo), the playground at `/` and `/graphql` for browsers,
 * the dashboard at `/dashboard`, their static assets, the health endpoints `/healthz` (process
 * alive, and its local database not given up on) and `/readyz` (database reachable and schema
 * applied), and `/export` (the graph as GraphML or Cytoscape JSON). Each GraphQL and export
 * request is authenticated once here; with AUTH_READS=authenticated those two refuse anonymous
 * callers with 401 (the pages, their assets and the health endpoints stay open). Those two also
 * carry the per-client limits (src/http/client-limits.ts): 429 with Retry-After and the code
 * RATE_LIMITED. `/metrics` serves Prometheus metrics (open, to any credential, or not at all:
 * METRICS), and every response carries the request's `x-request-id` (the caller's, when sane).
 * Until the database is prepared (schema, seed), `/graphql` and `/export` answer 503
 * SERVICE_NOT_READY with Retry-After, while the pages and the health endpoints answer as usual.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext, HTTPGraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { Authenticator, RequestHeaders } from '../auth/authenticator';
import type { AuthResult } from '../auth/user';
import type { MetricsAccess } from '../config';
import type { Context, RequestInfo } from '../context';
import { dashboardAsset, dashboardHtml } from '../dashboard/page';
import { describeError, isDatabaseUnavailable } from '../db/errors';
import { MAX_BOOKMARK_LENGTH, MAX_BOOKMARKS } from '../db/driver';
import { RateLimitedError, ServerBusyError, ServiceNotReadyError, UnauthenticatedError } from '../errors';
import { parseExportRequest } from '../export/request';
import { ClientGoneError, writeExport } from '../export/serializer';
import type { ExportRepository } from '../repositories/export-repository';
import type { Ticket, WorkQueue } from '../limits/work-queue';
import { PLAYGROUND_ASSETS, playgroundHtml } from '../playground/page';
import type { TrustedDocuments } from '../limits/trusted-documents';
import type { Metrics } from '../observability/metrics';
import { REQUEST_ID_HEADER, requestIdFrom } from '../observability/request-id';
import { addressKey, type ClientLimiter, type Refusal } from './client-limits';

/** Largest request body accepted, in bytes, where no limit is given (HTTP_MAX_BODY_BYTES sets the service's). */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * What the HTML pages may load: only this host's scripts, styles and connections, plus the
 * playground's one inline script (by its hash, `scriptHash`); GraphiQL sets inline styles and
 * data: images and fonts. Nothing may frame the pages, which stops clickjacking.
 */
function pageHeaders(scriptHash?: string): Record<string, string> {
  const script = scriptHash ? `'self' 'sha256-${scriptHash}'` : `'self'`;
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'self'; script-src ${script}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

interface RouterDeps {
  apollo: ApolloServer<Context>;
  context: (request: RequestInfo) => Context;
  readiness: () => Promise<string | null>;
  /**
   * Why the service is still starting (its database not prepared yet), or null once it has been
   * prepared; until then /graphql and /export answer 503 SERVICE_NOT_READY. Part of what
   * `readiness` reports, and cheap: it is asked on every request.
   */
  starting: () => string | null;
  /** Null when alive, else why the service cannot recover by itself (/healthz then answers 503). */
  liveness: () => string | null;
  exports: ExportRepository;
  auth: Authenticator;
  log: (line: string) => void;
  /** Logs at error level: faults an operator must see. */
  logError: (line: string) => void;
  /** The per-client limits and the throttle on refused credentials. */
  limiter: ClientLimiter;
  /** Who may read /metrics (METRICS). */
  metricsAccess: MetricsAccess;
  /** Largest request body accepted, in bytes; larger ones get 413. */
  maxBodyBytes: number;
  /** Whether GET / and GET /graphql from a browser serve the playground. */
  playground: boolean;
  /** The trusted documents: the playground sends its examples by their manifest hash. */
  trusted: TrustedDocuments;
  metrics: Metrics;
  /** The queue that expensive work waits in; `/export` takes a place there too. */
  work?: WorkQueue;
}

/**
 * Who a request counts against, for the per-client limits and the work queue alike: the
 * credential when there is one (each API key or JWT subject has its own budget, wherever it calls
 * from), else the address (`addressKey`).
 */
export function clientKeyOf(auth: AuthResult, address: string): string {
  return auth.user ? `${auth.user.via}:${auth.user.id}` : address;
}

/** Creates the handler for Node's `http.createServer`. */
export function createRequestHandler(deps: RouterDeps): RequestHandler {
  const readiness = readinessReporter(deps);
  return async (req, res) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    try {
      await route(deps, req, res, requestId, readiness);
    } catch (error) {
      if (!res.headersSent) sendJson(res, error instanceof BodyTooLargeError ? 413 : 400, { error: (error as Error).message });
      else res.end();
    }
  };
}

async function route(
  deps: RouterDeps,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  readiness: () => Promise<ReadinessCategory | null>,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  const path = url.pathname;

  if (path === '/healthz') {
    // The detail (how long, why the restarts failed, the data folder) is in the log at error level;
    // like /readyz, the answer names no internals.
    if (deps.liveness() === null) return sendJson(res, 200, { status: 'ok' });
    return sendJson(res, 503, {
      status: 'failing',
      code: 'DATABASE_NOT_RECOVERED',
      reason: 'the local database could not be brought back within NEO4J_RECOVERY_TIMEOUT_MS',
    });
  }
  if (path === '/favicon.ico') return void res.writeHead(204).end();
  if (path === '/metrics' && method === 'GET' && deps.metricsAccess !== 'off') return metrics(deps, req, res);
  if (path === '/readyz') {
    const reason = await readiness();
    return reason === null ? sendJson(res, 200, { status: 'ready' }) : sendJson(res, 503, { status: 'not ready', reason });
  }
  const asset = PLAYGROUND_ASSETS.get(path);
  if (asset && (method === 'GET' || method === 'HEAD')) {
    res.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'public, max-age=86400' });
    return void res.end(method === 'HEAD' ? undefined : await asset.body());
  }
  if (path === '/dashboard' || path === '/dashboard/') {
    if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, { error: 'The dashboard is read with GET.' });
    if (!(await dashboardAsset('/dashboard/dashboard.js'))) {
      return sendJson(res, 503, { error: 'The dashboard bundle has not been built: run `npm run build:dashboard` (npm start and npm test build it).' });
    }
    res.writeHead(200, pageHeaders());
    return void res.end(method === 'HEAD' ? undefined : dashboardHtml());
  }
  if (path.startsWith('/dashboard/') && (method === 'GET' || method === 'HEAD')) {
    const file = await dashboardAsset(path);
    if (file) {
      res.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
      return void res.end(method === 'HEAD' ? undefined : file.body);
    }
  }
  const wantsHtml = method === 'GET' && (req.headers.accept ?? '').includes('text/html') && !url.searchParams.has('query');
  if ((path === '/' || path === '/graphql') && wantsHtml && deps.playground) {
    const page = playgroundHtml(deps.trusted);
    res.writeHead(200, pageHeaders(page.scriptHash));
    return void res.end(page.html);
  }
  if (path === '/' && !deps.playground)
    return sendJson(res, 404, { error: 'The playground is off (NODE_ENV=production; PLAYGROUND=true turns it on). GraphQL is served at /graphql.' });
  if (path !== '/graphql' && path !== '/export') return sendJson(res, 404, { error: `Nothing at ${path}. GraphQL is served at /graphql.` });
  const starting = deps.starting();
  if (starting !== null) return notReady(res, path, categoryOf(starting));

  const address = addressKey(req.socket.remoteAddress);
  const auth = await authenticate(deps, req.headers, address);
  if ('refusal' in auth) return refuse(res, path, auth.refusal);
  if (deps.auth.reads === 'authenticated' && !auth.user) {
    const refusal = new UnauthenticatedError(auth.problem);
    res.setHeader('www-authenticate', 'Bearer');
    if (path === '/export') return sendJson(res, 401, { error: refusal.message, code: 'UNAUTHENTICATED' });
    return sendJson(res, 401, { errors: [{ message: refusal.message, extensions: refusal.extensions }] });
  }
  const client = clientKeyOf(auth, address);
  const admission = deps.limiter.admit(client);
  for (const [name, value] of Object.entries(admission.headers)) res.setHeader(name, value);
  if (!admission.admitted) return refuse(res, path, admission);
  try {
    if (path === '/graphql') return await graphql(deps, req, res, url, method, auth, requestId, client);
    return await exportGraph(deps, res, url, method, client);
  } finally {
    admission.release();
  }
}

/**
 * Authenticates a request, under the throttle on refused credentials: an address that has used
 * up AUTH_FAILURES_PER_MINUTE is refused before its credential is even looked at.
 */
async function authenticate(deps: RouterDeps, headers: RequestHeaders, address: string): Promise<AuthResult | { refusal: Refusal }> {
  const carriesCredential = headers.authorization !== undefined || headers['x-api-key'] !== undefined;
  if (carriesCredential) {
    const refusal = deps.limiter.authRefusal(address);
    if (refusal) return { refusal };
  }
  // Checked first and counted after: an API key is looked up without yielding to other requests,
  // so concurrent guesses cannot slip between the two; a JWT check does yield, but a forged
  // signature is hopeless anyway. Reserving a place per attempt instead would refuse busy
  // clients with valid credentials behind one address.
  const auth = await deps.auth.authenticate(headers);
  if (auth.problem !== undefined) deps.limiter.authFailed(address);
  return auth;
}

/** 429 with Retry-After and the code RATE_LIMITED, as GraphQL errors on /graphql and as `{error, code}` elsewhere. */
function refuse(res: ServerResponse, path: string, refusal: Refusal): void {
  res.setHeader('retry-after', String(refusal.retryAfterSeconds));
  const { message, extensions } = new RateLimitedError(refusal.message, refusal.limit, refusal.retryAfterSeconds);
  if (path === '/graphql') return sendJson(res, 429, { errors: [{ message, extensions }] });
  return sendJson(res, 429, { error: message, ...extensions });
}

/** How long a client is told to wait (Retry-After) while the database is being prepared. */
export const NOT_READY_RETRY_AFTER_SECONDS = 5;

/**
 * 503 with Retry-After and the code SERVICE_NOT_READY: before the database is prepared an answer
 * could be an empty one that looks real (`{"actor": null}`).
 */
function notReady(res: ServerResponse, path: string, reason: ReadinessCategory): void {
  res.setHeader('retry-after', String(NOT_READY_RETRY_AFTER_SECONDS));
  const { message, extensions } = new ServiceNotReadyError(reason, NOT_READY_RETRY_AFTER_SECONDS);
  if (path === '/graphql') return sendJson(res, 503, { errors: [{ message, extensions }] });
  return sendJson(res, 503, { error: message, ...extensions });
}

/** GET /metrics: open, or (METRICS=authenticated) to any valid credential, whatever its role. */
async function metrics(deps: RouterDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (deps.metricsAccess === 'authenticated') {
    const auth = await authenticate(deps, req.headers, addressKey(req.socket.remoteAddress));
    if ('refusal' in auth) return refuse(res, '/metrics', auth.refusal);
    if (!auth.user) {
      res.setHeader('www-authenticate', 'Bearer');
      return sendJson(res, 401, { error: new UnauthenticatedError(auth.problem).message, code: 'UNAUTHENTICATED' });
    }
  }
  res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
  res.end(await deps.metrics.registry.metrics());
}

/** What /readyz says when not ready: a category, never a URI, port or driver message. */
export type ReadinessCategory = 'preparing' | 'database unreachable' | 'shutting down';

/**
 * /readyz's answer: the category of `deps.readiness()`'s reason, whose detail (which may name the
 * database's address and quote the driver) goes to the log once each time it changes.
 */
function readinessReporter(deps: RouterDeps): () => Promise<ReadinessCategory | null> {
  let last: string | null = null;
  return async () => {
    let detail: string | null;
    let category: ReadinessCategory | null;
    try {
      detail = await deps.readiness();
      category = detail === null ? null : categoryOf(detail);
    } catch (error) {
      // readiness() throws when it cannot reach the database (readinessProblem's verifyConnectivity).
      detail = `database unreachable: ${(error as Error)?.message ?? String(error)}`;
      category = 'database unreachable';
    }
    if (detail !== last) {
      deps.log(detail === null ? '[readyz] ready' : `[readyz] not ready (${category}): ${detail}`);
      last = detail;
    }
    return category;
  };
}

function categoryOf(detail: string): ReadinessCategory {
  if (/shutting down/i.test(detail)) return 'shutting down';
  if (/waiting for the database|unreachable|not reachable|ServiceUnavailable|connect|died|restart/i.test(detail)) return 'database unreachable';
  return 'preparing';
}

function graphql(
  deps: RouterDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: string,
  auth: AuthResult,
  requestId: string,
  clientKey: string,
): Promise<void> {
  const bookmarks = bookmarksFrom(req.headers[BOOKMARK_HEADER]);
  if ('error' in bookmarks)
    return Promise.resolve(sendJson(res, 400, { errors: [{ message: bookmarks.error, extensions: { code: 'BAD_USER_INPUT', header: BOOKMARK_HEADER } }] }));
  const context = (headers: HeaderMap) =>
    deps.context({ debugDb: headers.get('x-debug-db') === '1', auth, requestId, clientKey, bookmarks: bookmarks.bookmarks });
  return executeGraphQL(deps.apollo, req, res, url, method, context, deps.maxBodyBytes);
}

/**
 * The header that carries driver bookmarks both ways: a mutation's response sets it (and
 * `extensions.bookmarks`), and a request that sends it back, to any replica, reads after those
 * writes. Several bookmarks are comma-separated.
 */
export const BOOKMARK_HEADER = 'neo4j-bookmark';

/** The bookmarks of a request's `neo4j-bookmark` header, within MAX_BOOKMARKS and MAX_BOOKMARK_LENGTH. */
export function bookmarksFrom(header: string | string[] | undefined): { bookmarks: string[] } | { error: string } {
  if (header === undefined) return { bookmarks: [] };
  const bookmarks = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (bookmarks.length > MAX_BOOKMARKS)
    return { error: `The ${BOOKMARK_HEADER} header carries ${bookmarks.length} bookmarks; at most ${MAX_BOOKMARKS} are accepted.` };
  if (bookmarks.some((b) => b.length > MAX_BOOKMARK_LENGTH || !/^[\x21-\x7e]+$/.test(b)))
    return { error: `A bookmark in the ${BOOKMARK_HEADER} header is not one this service returned (printable, at most ${MAX_BOOKMARK_LENGTH} characters).` };
  return { bookmarks };
}

/**
 * Hands one HTTP request to an Apollo server and writes its answer: headers and a JSON body (at
 * most `maxBodyBytes`) in, status, headers and body out. The benchmark's library arm serves
 * through it too.
 */
export async function executeGraphQL<C extends BaseContext>(
  apollo: ApolloServer<C>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  method: string,
  context: (headers: HeaderMap) => C | Promise<C>,
  maxBodyBytes = MAX_BODY_BYTES,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const raw = method === 'POST' ? await readBody(req, maxBodyBytes) : '';
  let body: unknown = raw;
  if (raw && (headers.get('content-type') ?? '').includes('application/json')) {
    try {
      body = JSON.parse(raw);
    } catch {
      return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    }
  }
  const request: HTTPGraphQLRequest = { method: method.toUpperCase(), headers, search: url.search, body };
  const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => context(headers) });

  res.statusCode = response.status ?? 200;
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (response.body.kind === 'complete') return void res.end(response.body.string);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** `GET /export?format=graphml|cytoscape[&focus=<id>&depth=<n>]`: streams the graph or a neighbourhood. */
async function exportGraph(deps: RouterDeps, res: ServerResponse, url: URL, method: string, clientKey: string): Promise<void> {
  if (method !== 'GET') return sendJson(res, 405, { error: 'Use GET for /export.', code: 'METHOD_NOT_ALLOWED' });
  const request = parseExportRequest(url.searchParams);
  if ('error' in request) return sendJson(res, 400, { error: request.error, code: 'BAD_USER_INPUT' });
  let ticket: Ticket | undefined;
  try {
    ticket = deps.work?.enter(clientKey);
    await ticket?.admitted;
  } catch (error) {
    ticket?.leave();
    if (!(error instanceof ServerBusyError)) throw error;
    const retryAfter = String(error.extensions.retryAfterSeconds);
    res.setHeader('retry-after', retryAfter);
    return sendJson(res, 429, {
      error: error.message,
      code: 'SERVER_BUSY',
      limit: error.extensions.limit,
      retryAfterSeconds: error.extensions.retryAfterSeconds,
    });
  }
  try {
    const graph = request.focus === null ? deps.exports.wholeGraph() : await deps.exports.neighbourhood(request.focus, request.depth);
    if (!graph) return sendJson(res, 404, { error: `No node has the id "${request.focus}".`, code: 'NOT_FOUND' });
    await writeExport(res, request.format, graph, request.filename);
  } catch (error) {
    // Once the status line is out, writeExport has aborted the response; only the log can be told.
    if (res.headersSent) {
      if (!(error instanceof ClientGoneError)) deps.logError(`[export] aborted: ${describeError(error)}`);
      return;
    }
    if (isDatabaseUnavailable(error))
      return sendJson(res, 503, { error: 'The graph database is not reachable at the moment. Try again shortly.', code: 'DATABASE_UNAVAILABLE' });
    deps.logError(`[export] internal error: ${describeError(error)}`);
    return sendJson(res, 500, { error: 'Internal server error.', code: 'INTERNAL_SERVER_ERROR' });
  } finally {
    ticket?.leave();
  }
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLargeError(`The request body is larger than ${maxBytes} bytes (HTTP_MAX_BODY_BYTES).`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}
