/**
 * Subscriptions over WebSocket (the graphql-ws protocol, subprotocol `graphql-transport-ws`), on
 * the HTTP server's own port and path, `/graphql`. Queries and mutations stay on HTTP, where the
 * request limits and the work queue apply; a WebSocket carries subscriptions only.
 *
 * Connections are authenticated once, from `connection_init`'s payload (`authorization` or
 * `x-api-key`, as the HTTP headers are) or else the upgrade request's headers, under the same
 * throttle on refused credentials as HTTP; with AUTH_READS=authenticated an anonymous one is
 * closed with 4401. Each limit has its own close code or error code:
 *
 * - SUBSCRIPTION_MAX_CONNECTIONS: further connections are closed at once with 4429;
 * - SUBSCRIPTION_MAX_OPERATIONS: subscriptions open at once on one connection; one more gets an
 *   `error` message with TOO_MANY_SUBSCRIPTIONS (the connection stays);
 * - SUBSCRIPTION_MAX_MESSAGE_BYTES: a larger message closes the connection with 1009;
 * - SUBSCRIPTION_IDLE_TIMEOUT_MS: a connection with no subscription for this long is closed
 *   with 4408;
 * - GRAPHQL_MAX_TOKENS applies to a subscription's document as to any other.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { Gauge, type Registry } from 'prom-client';
import { type GraphQLSchema, GraphQLError, getOperationAST, parse, validate } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator, RequestHeaders } from '../auth/authenticator';
import type { AuthResult } from '../auth/user';
import type { Context, RequestInfo } from '../context';
import { OperationNotSupportedError, PersistedQueryNotFoundError, TooManySubscriptionsError } from '../errors';
import type { TrustedDocuments } from '../limits/trusted-documents';
import { addressKey, type ClientLimiter } from './client-limits';
import { clientKeyOf } from './router';
import { randomUUID } from 'node:crypto';

/** The settings (config.subscriptions). */
export interface SubscriptionSettings {
  /** SUBSCRIPTION_POLL_MS: how often the change record is read while anyone is subscribed. */
  pollMs: number;
  /** SUBSCRIPTION_MAX_CONNECTIONS: WebSocket connections open at once in this process. */
  maxConnections: number;
  /** SUBSCRIPTION_MAX_OPERATIONS: subscriptions open at once on one connection. */
  maxOperations: number;
  /** SUBSCRIPTION_MAX_MESSAGE_BYTES: the largest message a client may send. */
  maxMessageBytes: number;
  /** SUBSCRIPTION_IDLE_TIMEOUT_MS: how long a connection may stay open with no subscription. */
  idleTimeoutMs: number;
}

/** The defaults of the settings above (see docs/operations.md, Configuration). */
export const DEFAULT_SUBSCRIPTIONS: SubscriptionSettings = {
  pollMs: 250,
  maxConnections: 1_000,
  maxOperations: 10,
  maxMessageBytes: 16_384,
  idleTimeoutMs: 60_000,
};

/** Close codes of this service's own (4000-4999 are the application's; graphql-ws uses some). */
export const SUBSCRIPTION_CLOSE = {
  /** No credential, where reads need one. */
  unauthenticated: 4401,
  /** A credential that was refused (or the address is throttled for refused ones). */
  forbidden: CloseCode.Forbidden,
  /** No subscription for SUBSCRIPTION_IDLE_TIMEOUT_MS. */
  idle: 4408,
  /** SUBSCRIPTION_MAX_CONNECTIONS reached. */
  tooManyConnections: 4429,
  /** The service is not ready (database being prepared) or is shutting down. */
  unavailable: 1013,
  /** A message over SUBSCRIPTION_MAX_MESSAGE_BYTES (ws closes with it by itself). */
  messageTooBig: 1009,
} as const;

/** What the WebSocket side needs from the server. */
export interface SubscriptionDeps {
  schema: GraphQLSchema;
  context: (request: RequestInfo) => Context;
  auth: Authenticator;
  limiter: ClientLimiter;
  /** Why the service is still starting, or null once it serves. */
  starting: () => string | null;
  settings: SubscriptionSettings;
  /** GRAPHQL_MAX_TOKENS. */
  maxTokens: number;
  /** The trusted-documents check HTTP requests pass (TRUSTED_DOCUMENTS); a subscription passes the same one. */
  trusted: Pick<TrustedDocuments, 'check'>;
  /** Where the connection and subscription gauges are registered. */
  registry: Registry;
  /** Open subscriptions in this process (the change feed's count). */
  subscriptions: () => number;
}

/** The WebSocket side of one server. */
export interface SubscriptionServer {
  /** Serves WebSocket upgrades of `http` at /graphql. */
  attach(http: HttpServer): void;
  /** Connections open now. */
  connections(): number;
  /** Closes every connection (1001, going away) and stops taking new ones. */
  close(): Promise<void>;
}

/** What this server keeps about a connection in graphql-ws's `ctx.extra`, beside its socket and upgrade request. */
type Extra = { auth?: AuthResult };

/** Builds the WebSocket side; nothing listens until `attach`. */
export function createSubscriptionServer(deps: SubscriptionDeps): SubscriptionServer {
  const { settings } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: settings.maxMessageBytes });
  let closing = false;
  let closed: Promise<void> | null = null;
  new Gauge({
    name: 'graphql_ws_connections',
    help: 'WebSocket (graphql-ws) connections open now.',
    registers: [deps.registry],
    collect() {
      this.set(wss.clients.size);
    },
  });
  new Gauge({
    name: 'graphql_subscriptions_active',
    help: 'Subscriptions open now, over all WebSocket connections.',
    registers: [deps.registry],
    collect() {
      this.set(deps.subscriptions());
    },
  });

  // Each connection's idle timer: running while it has no subscription.
  const idleTimers = new Map<WebSocket, NodeJS.Timeout>();
  const idleAfter = (socket: WebSocket, open: number) => {
    clearTimeout(idleTimers.get(socket));
    idleTimers.delete(socket);
    if (open > 0 || socket.readyState !== socket.OPEN) return;
    const timer = setTimeout(
      () => socket.close(SUBSCRIPTION_CLOSE.idle, `No subscription for ${settings.idleTimeoutMs} ms (SUBSCRIPTION_IDLE_TIMEOUT_MS)`),
      settings.idleTimeoutMs,
    );
    timer.unref();
    idleTimers.set(socket, timer);
  };

  // Registered before graphql-ws's own handler, so a connection over the cap is closed first.
  wss.on('connection', (socket: WebSocket) => {
    if (closing || wss.clients.size > settings.maxConnections) {
      socket.close(
        closing ? SUBSCRIPTION_CLOSE.unavailable : SUBSCRIPTION_CLOSE.tooManyConnections,
        closing ? 'Shutting down' : `Too many connections: SUBSCRIPTION_MAX_CONNECTIONS is ${settings.maxConnections}`,
      );
      return;
    }
    // A connection that never subscribes is idle from the start.
    idleAfter(socket, 0);
    socket.once('close', () => {
      clearTimeout(idleTimers.get(socket));
      idleTimers.delete(socket);
    });
  });

  const server = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema: deps.schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const fromParams: RequestHeaders = {
          authorization: typeof params.authorization === 'string' ? params.authorization : undefined,
          'x-api-key': typeof params['x-api-key'] === 'string' ? params['x-api-key'] : undefined,
        };
        const carries = fromParams.authorization !== undefined || fromParams['x-api-key'] !== undefined;
        const headers = carries ? fromParams : ctx.extra.request.headers;
        const address = addressKey(ctx.extra.request.socket.remoteAddress);
        const close = (code: number, reason: string) => {
          ctx.extra.socket.close(code, reason);
          // graphql-ws would close again with 4403 on `false`; the socket is closing already.
          return new Promise<never>(() => undefined);
        };
        if (headers.authorization !== undefined || headers['x-api-key'] !== undefined) {
          const refusal = deps.limiter.authRefusal(address);
          if (refusal) return close(SUBSCRIPTION_CLOSE.forbidden, `Forbidden: ${refusal.message}`.slice(0, 120));
        }
        const auth = await deps.auth.authenticate(headers);
        if (auth.problem !== undefined) {
          deps.limiter.authFailed(address);
          return close(SUBSCRIPTION_CLOSE.forbidden, `Forbidden: ${auth.problem}`.slice(0, 120));
        }
        if (deps.auth.reads === 'authenticated' && !auth.user)
          return close(SUBSCRIPTION_CLOSE.unauthenticated, 'Unauthorized: AUTH_READS=authenticated; send authorization or x-api-key in connection_init');
        ctx.extra.auth = auth;
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        const open = Object.keys(ctx.subscriptions).length;
        if (open > settings.maxOperations) return [new TooManySubscriptionsError(settings.maxOperations)];
        let document;
        try {
          // A manifest document may come by hash alone (`extensions.persistedQuery`), with an empty query.
          const { query } = deps.trusted.check({ query: payload.query || undefined, extensions: payload.extensions ?? undefined });
          // APQ registration is Apollo's, over HTTP: an unknown hash cannot be registered here.
          if (query === undefined) return [new PersistedQueryNotFoundError()];
          document = parse(query, { maxTokens: deps.maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && error.extensions.code) return [error];
          const message = error instanceof GraphQLError ? error.message : String(error);
          const tooMany = /more than \d+ tokens/.test(message);
          return [
            new GraphQLError(tooMany ? `${message} The limit GRAPHQL_MAX_TOKENS is ${deps.maxTokens}.` : message, {
              extensions: tooMany ? { code: 'TOO_MANY_TOKENS', max: deps.maxTokens } : { code: 'GRAPHQL_PARSE_FAILED' },
            }),
          ];
        }
        const errors = validate(deps.schema, document);
        if (errors.length) return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        const operation = getOperationAST(document, payload.operationName)?.operation;
        if (operation && operation !== 'subscription') return [new OperationNotSupportedError(operation)];
        idleAfter(ctx.extra.socket, open);
        const auth = ctx.extra.auth ?? { user: null };
        const address = addressKey(ctx.extra.request.socket.remoteAddress);
        const contextValue = deps.context({ debugDb: false, auth, requestId: randomUUID(), clientKey: clientKeyOf(auth, address) });
        return { schema: deps.schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onComplete: (ctx, id) => {
        // graphql-ws removes the subscription from ctx.subscriptions after this hook.
        idleAfter(ctx.extra.socket, Object.keys(ctx.subscriptions).filter((key) => key !== id).length);
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => codedError(e)),
    },
    wss,
  );

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== '/graphql') return refuseUpgrade(socket, 404, `Nothing at ${path} for WebSocket: subscriptions are served at /graphql.`);
    if (closing) return refuseUpgrade(socket, 503, 'The service is shutting down.');
    if (deps.starting() !== null) return refuseUpgrade(socket, 503, 'The service is not ready yet: its database is still being prepared.');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };

  return {
    attach(http) {
      http.on('upgrade', onUpgrade);
    },
    connections: () => wss.clients.size,
    close() {
      closing = true;
      for (const timer of idleTimers.values()) clearTimeout(timer);
      idleTimers.clear();
      closed ??= Promise.resolve(server.dispose());
      return closed;
    },
  };
}

/** Errors thrown by a subscription's iterator (SUBSCRIBER_TOO_SLOW) keep their code; others are internal. */
function codedError(error: GraphQLError): ReturnType<GraphQLError['toJSON']> {
  const original = error.originalError;
  if (error.extensions?.code) return error.toJSON();
  if (original instanceof GraphQLError && original.extensions?.code) return { ...error.toJSON(), message: original.message, extensions: original.extensions };
  return { message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Answers an upgrade request it will not serve with a plain HTTP response, then closes the socket. */
function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: message, code: status === 404 ? 'NOT_FOUND' : 'SERVICE_NOT_READY' });
  socket.end(
    `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Service Unavailable'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
