/**
 * The errors a client can see. Each carries `extensions.code`, so clients branch on codes, not on
 * message text.
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** The request itself is wrong: a bad argument, a malformed cursor. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
  }
}

/** The database cannot be reached right now; retrying later may work. */
export class DatabaseUnavailableError extends GraphQLError {
  constructor() {
    super('The graph database is not reachable at the moment. Try again shortly.', {
      extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true },
    });
  }
}

/** Something failed on the server's side; the details are logged, not sent. */
export class InternalServerError extends GraphQLError {
  constructor() {
    super('Internal server error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}

/**
 * No caller is known: no credential was sent, or the one sent was refused (`problem` says why,
 * in plain words, and never quotes the credential).
 */
export class UnauthenticatedError extends GraphQLError {
  constructor(problem?: string) {
    super(
      problem ? `Authentication is required, and the credential sent was refused: ${problem}.` : 'Authentication is required: send a token or an API key.',
      {
        extensions: { code: 'UNAUTHENTICATED', ...(problem ? { problem } : {}) },
      },
    );
  }
}

/** The caller is known but lacks the role the operation needs. */
export class ForbiddenError extends GraphQLError {
  constructor(requiredRole: string) {
    super(`This operation needs the ${requiredRole} role, which the caller does not have.`, {
      extensions: { code: 'FORBIDDEN', requiredRole },
    });
  }
}

/**
 * The request exceeds one of the server's limits (see src/limits); `limit` names it, `value` is
 * what the request measured and `max` what is allowed. Sent with HTTP 400.
 */
export class RequestLimitError extends GraphQLError {
  constructor(code: string, what: string, limit: string, value: number, max: number) {
    super(`The operation has ${what} ${value}; the limit ${limit} is ${max}.`, {
      extensions: { code, limit, value, max, http: { status: 400 } },
    });
  }
}

/** The database stopped a statement that ran longer than the query timeout. */
export class QueryTimeoutError extends GraphQLError {
  constructor(timeoutMs: number) {
    super(`The query took longer than the ${timeoutMs} ms the server allows (QUERY_TIMEOUT_MS) and was stopped. Ask for less: fewer items, less nesting.`, {
      extensions: { code: 'QUERY_TIMEOUT', timeoutMs },
    });
  }
}

/**
 * The client is over one of its per-client limits (src/http/client-limits.ts): `limit` names the
 * setting, `retryAfterSeconds` says when to try again (also the Retry-After header). Sent with
 * HTTP 429, before the request reaches Apollo.
 */
export class RateLimitedError extends GraphQLError {
  constructor(message: string, limit: string, retryAfterSeconds: number) {
    super(message, { extensions: { code: 'RATE_LIMITED', limit, retryAfterSeconds } });
  }
}

/**
 * A read statement (Cypher plus parameters) larger than STATEMENT_MAX_BYTES: refused before it is
 * sent, since Neo4j's parser and planner, unlike execution, do not stop at the query timeout.
 */
export class StatementTooLargeError extends GraphQLError {
  constructor(bytes: number, max: number) {
    super(`The statement this request needs is ${bytes} bytes; the limit STATEMENT_MAX_BYTES is ${max}. Ask for less: smaller filters, fewer fields.`, {
      extensions: { code: 'STATEMENT_TOO_LARGE', limit: 'STATEMENT_MAX_BYTES', value: bytes, max },
    });
  }
}

/**
 * The server is running as much expensive work (search, paths, analytics, exports) as it allows
 * and cannot queue this request: `limit` names the bound that was met. Sent with HTTP 429 and a
 * `Retry-After` header of `retryAfterSeconds`.
 */
export class ServerBusyError extends GraphQLError {
  constructor(reason: string, limit: string, retryAfterSeconds: number) {
    super(`The server is busy: ${reason} (${limit}). Retry after ${retryAfterSeconds} s.`, {
      extensions: {
        code: 'SERVER_BUSY',
        limit,
        retryAfterSeconds,
        retryable: true,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

/**
 * The service has started but its database is not prepared yet (schema applied, seed loaded), so
 * an answer now could be an empty one that looks real. `reason` is a category, never an address.
 * Sent with HTTP 503 and a `Retry-After` header of `retryAfterSeconds`; /readyz turns 200 when
 * requests will be served.
 */
export class ServiceNotReadyError extends GraphQLError {
  constructor(reason: string, retryAfterSeconds: number) {
    super(
      `The service is not ready yet (${reason}): its database is still being prepared. Retry after ${retryAfterSeconds} s; /readyz answers 200 once it is ready.`,
      {
        extensions: { code: 'SERVICE_NOT_READY', reason, retryAfterSeconds, retryable: true },
      },
    );
  }
}

/**
 * An operation sent over a transport that does not serve its type: a subscription over HTTP
 * (sent with HTTP 400, before anything is resolved), or a query or mutation over WebSocket.
 */
export class OperationNotSupportedError extends GraphQLError {
  constructor(operation: string) {
    super(
      operation === 'subscription'
        ? 'subscription operations are not served over HTTP: open a WebSocket to the same path (/graphql) with the graphql-ws protocol (subprotocol "graphql-transport-ws") and subscribe there.'
        : `${operation} operations are not served over WebSocket, which carries subscriptions only: send them with HTTP POST to /graphql.`,
      { extensions: { code: 'OPERATION_NOT_SUPPORTED', operation, http: { status: 400 } } },
    );
  }
}

/** A WebSocket connection asked for more subscriptions at once than SUBSCRIPTION_MAX_OPERATIONS allows. */
export class TooManySubscriptionsError extends GraphQLError {
  constructor(max: number) {
    super(`This connection has ${max} subscriptions open, the most SUBSCRIPTION_MAX_OPERATIONS allows: complete one first, or open another connection.`, {
      extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', max },
    });
  }
}

/** A subscription whose client read its changes too slowly, ended rather than buffered without bound. */
export class SubscriberTooSlowError extends GraphQLError {
  constructor(max: number) {
    super(`This subscription fell more than ${max} changes behind its client and was ended; subscribe again.`, {
      extensions: { code: 'SUBSCRIBER_TOO_SLOW', max },
    });
  }
}

/**
 * With TRUSTED_DOCUMENTS=only, a document that is not in the trusted-documents manifest: a
 * persisted-query hash the manifest lacks, or document text that is not exactly a manifest
 * document. Sent with HTTP 403: the request is understood, and the server will not run it
 * however often it is sent (registering it as an automatic persisted query does not help).
 */
export class OperationNotTrustedError extends GraphQLError {
  constructor(what: 'hash' | 'document', sha256Hash?: string) {
    const sent =
      what === 'hash'
        ? `the persisted query hash ${sha256Hash} is not in its manifest`
        : 'the document text sent is not a document in its manifest (send a trusted document by its hash, in extensions.persistedQuery.sha256Hash)';
    super(`This server runs only trusted documents (TRUSTED_DOCUMENTS=only), and ${sent}.`, {
      extensions: {
        code: 'OPERATION_NOT_TRUSTED',
        setting: 'TRUSTED_DOCUMENTS',
        ...(sha256Hash ? { sha256Hash } : {}),
        http: { status: 403 },
      },
    });
  }
}

/**
 * An `extensions.persistedQuery` that cannot name a document: not version 1, a `sha256Hash` that
 * is not 64 lowercase hex digits, or a hash that is not the SHA-256 of the `query` sent with it.
 * Sent with HTTP 400.
 */
/**
 * A subscription named by a hash that is not in the trusted-documents manifest (TRUSTED_DOCUMENTS=allow).
 * Over HTTP Apollo answers the same case (an APQ miss) with the same code; over a WebSocket there is no
 * registration, so the client must send the text.
 */
export class PersistedQueryNotFoundError extends GraphQLError {
  constructor() {
    super('PersistedQueryNotFound: a subscription sent by hash must name a trusted document; send the query text instead.', {
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    });
  }
}

export class PersistedQueryInvalidError extends GraphQLError {
  constructor(problem: string) {
    super(`The persisted query is invalid: ${problem}.`, { extensions: { code: 'PERSISTED_QUERY_INVALID', http: { status: 400 } } });
  }
}
