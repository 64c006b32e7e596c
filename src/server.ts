/**
 * Builds the GraphQL server and the HTTP request handler around it, without listening, so tests
 * build exactly the server that `npm start` runs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server as HttpServer } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { GraphQLError, type GraphQLFormattedError, GraphQLScalarType, type GraphQLSchema, parse, type ValidationRule } from 'graphql';
import { defaultLimits, type Exposure } from './config';
import { AnalyticsCache } from './analytics/cache';
import { type Authenticator, createAuthenticator } from './auth/authenticator';
import { type Context, createContext, type RequestInfo, type ServerState } from './context';
import type { StatementTrace } from './repositories/graph-reader';
import { typicalListSizes } from './repositories/link-stats';
import type { Database } from './db/driver';
import { describeError, isDatabaseUnavailable, isQueryTimeout } from './db/errors';
import { PROJECT_ROOT } from './paths';
import { BadUserInputError, DatabaseUnavailableError, InternalServerError, OperationNotSupportedError, QueryTimeoutError } from './errors';
import { type RequestLimits, requestLimitsPlugin } from './limits/plugin';
import { TrustedDocuments, type TrustedDocumentsMode } from './limits/trusted-documents';
import { WorkQueue } from './limits/work-queue';
import { ExportRepository } from './repositories/export-repository';
import type { TextLimits } from './facts/validate';
import { ClientLimiter, type ClientLimitSettings, NO_CLIENT_LIMITS } from './http/client-limits';
import { BOOKMARK_HEADER, createRequestHandler, type RequestHandler } from './http/router';
import { createSubscriptionServer, DEFAULT_SUBSCRIPTIONS, type SubscriptionServer, type SubscriptionSettings } from './http/subscriptions';
import { ChangeFeed } from './subscriptions/change-feed';
import { resolvers } from './resolvers';
import { type Logger, lineLogger, loggerOver } from './observability/logger';
import { Metrics } from './observability/metrics';
import { DEFAULT_SLOW_QUERY_MS, observabilityPlugin } from './observability/plugin';

/** What the server needs from the outside. */
export interface ServerDeps {
  db: Database;
  /** Resolves to null when ready, or to the reason it is not. */
  readiness: () => Promise<string | null>;
  /**
   * Why the service is still starting (its database being prepared: schema, seed), or null once
   * it has been; until then GraphQL requests get 503 SERVICE_NOT_READY. Never starting without it
   * (tests and tools build servers over a prepared database).
   */
  starting?: () => string | null;
  /**
   * Null while the service can serve or recover by itself, else why not (its local Neo4j stayed
   * down past NEO4J_RECOVERY_TIMEOUT_MS): /healthz then answers 503. Always alive without it.
   */
  liveness?: () => string | null;
  log?: (line: string) => void;
  /** Whether `x-debug-db: 1` may add database statistics to responses (never in production). */
  allowDebugDb?: boolean;
  /** Sees every statement sent to the database (profiling tools only). */
  trace?: StatementTrace;
  /** Who may call (config.auth made into an authenticator); without it nobody can authenticate and reads are open. */
  auth?: Authenticator;
  /** Limits on each request (config.limits); defaultLimits() without it. */
  limits?: RequestLimits;
  /** Introspection, playground and schema hints (config.exposure); all on without it. */
  exposure?: Exposure;
  /** Structured request logs; without it they go, as JSON lines, to `log`. */
  logger?: Logger;
  /** Requests slower than this are logged as slow (DEFAULT_SLOW_QUERY_MS when omitted). */
  slowQueryMs?: number;
  /** The largest source text a mutation may bring (config.facts); the default limit without it. */
  textLimits?: TextLimits;
  /** Per-client limits (config.clientLimits); none without it (the tools and tests that build servers in-process). */
  clientLimits?: ClientLimitSettings;
  /** TRUSTED_DOCUMENTS (config.trustedDocuments); `allow` without it. */
  trustedDocuments?: TrustedDocumentsMode;
  /** Subscriptions over WebSocket (config.subscriptions); DEFAULT_SUBSCRIPTIONS without it. */
  subscriptions?: SubscriptionSettings;
}

/** A started Apollo server and the HTTP handler that serves it. */
export interface Server {
  apollo: ApolloServer<Context>;
  handle: RequestHandler;
  /** What GET /metrics serves. */
  metrics: Metrics;
  /** The queue expensive operations and exports wait in. */
  work: WorkQueue;
  /** The trusted-documents manifest and mode; other transports (WebSockets) check operations with `trusted.check`. */
  trusted: TrustedDocuments;
  /** Subscriptions over WebSocket: `attach` them to the HTTP server that serves `handle`. */
  subscriptions: SubscriptionServer;
  /** The change feed subscriptions read (its `size` is the number open). */
  changes: ChangeFeed;
  /** Serves `handle` and the WebSocket subscriptions on `http`. */
  attach(http: HttpServer): void;
  stop(): Promise<void>;
}

/** How long the graph's typical list sizes (for request costs) are kept before they are counted again. */
const TYPICAL_SIZES_TTL_MS = 60_000;

/**
 * The typical sizes of link lists (src/repositories/link-stats.ts), counted at most once a
 * minute. Until the first count arrives, or when counting fails, lists count at their largest.
 */
function typicalSizesOf(db: Database): () => Promise<Record<string, number>> {
  let sizes: Record<string, number> = {};
  let countedAt = Number.NEGATIVE_INFINITY;
  let counting: Promise<void> | null = null;
  return async () => {
    if (!counting && performance.now() - countedAt > TYPICAL_SIZES_TTL_MS) {
      counting = typicalListSizes(db)
        .then((counted) => {
          sizes = counted;
          countedAt = performance.now();
        })
        .catch(() => {
          countedAt = performance.now();
        })
        .finally(() => {
          counting = null;
        });
    }
    // The first request waits for the first count; later ones use the last while a new one runs.
    if (countedAt === Number.NEGATIVE_INFINITY && counting) await counting;
    return sizes;
  };
}

/** The SDL of schema/*.graphql, in file-name order. */
export function loadTypeDefs(): string[] {
  const dir = join(PROJECT_ROOT, 'schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/**
 * The executable schema: schema/*.graphql with every resolver, built as an Apollo Federation 2
 * subgraph (so it also answers `_service` and `_entities`; see docs/api.md). Every server and
 * tool that runs the API builds it here.
 */
export function buildSchema(): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: loadTypeDefs().map((sdl) => parse(sdl)), resolvers: subgraphResolvers() });
}

/**
 * The resolver map as @apollo/subgraph takes it. It copies every own property of a scalar's
 * resolver onto the schema's scalar, so a GraphQLScalarType would also overwrite the description
 * the SDL gives: a scalar passes only its functions.
 */
function subgraphResolvers(): GraphQLResolverMap<unknown> {
  const out: Record<string, unknown> = {};
  for (const [type, value] of Object.entries(resolvers)) {
    out[type] = value instanceof GraphQLScalarType ? { serialize: value.serialize, parseValue: value.parseValue, parseLiteral: value.parseLiteral } : value;
  }
  return out as GraphQLResolverMap<unknown>;
}

/** Creates and starts the Apollo server (not listening) and its request handler. */
export async function createServer(deps: ServerDeps): Promise<Server> {
  const log = deps.log ?? ((line: string) => console.error(line));
  const limits = deps.limits ?? defaultLimits();
  const exposure: Exposure = deps.exposure ?? { introspection: true, playground: true, schemaHints: true, metrics: 'open' };
  const logger = deps.logger ?? loggerOver(log);
  // Faults go to the structured logger at error level (tests, which pass only `log`, get them as JSON lines).
  const logError = lineLogger(logger, 'error');
  const metrics = new Metrics();
  // Every read a request makes goes through this handle, so every one is held to the statement bound.
  const db: Database = { ...deps.db, maxStatementBytes: limits.maxStatementBytes };
  const work = new WorkQueue(limits.queue);
  const trusted = TrustedDocuments.load(deps.trustedDocuments ?? 'allow');
  const schema = buildSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: false,
    introspection: exposure.introspection,
    // `_service { sdl }` is the whole schema, so it is off when introspection is.
    validationRules: exposure.introspection ? [] : [noSubgraphSdlRule],
    hideSchemaDetailsFromClientErrors: !exposure.schemaHints,
    // Apollo's defaults, stated because they are security decisions: a GET or a simple-content-type
    // POST must carry a preflight-forcing header, and one HTTP request is one operation.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    // Automatic persisted queries: Apollo's default (in-memory) with TRUSTED_DOCUMENTS=allow, off
    // with `only`, where no registration may let a document in (src/limits/trusted-documents.ts).
    persistedQueries: trusted.mode === 'only' ? false : undefined,
    // src/index.ts owns signal handling (and the order of shutdown); Apollo must not add its own.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      trusted.plugin(),
      // Apollo turns on federated tracing (`extensions.ftv1`, for Apollo Studio) for a subgraph
      // schema; the service has its own logs and metrics, and a client should not read resolver timings.
      ApolloServerPluginInlineTraceDisabled(),
      noSubscriptionsPlugin,
      requestLimitsPlugin(limits, work, typicalSizesOf(db)),
      internalErrorPlugin(logError),
      dbStatsPlugin,
      bookmarksPlugin,
      observabilityPlugin({ logger, metrics, slowQueryMs: deps.slowQueryMs ?? DEFAULT_SLOW_QUERY_MS }),
    ],
    formatError: (formatted, error) => formatError(formatted, error, limits, exposure),
  });
  await apollo.start();
  const subscriptionSettings = deps.subscriptions ?? DEFAULT_SUBSCRIPTIONS;
  // One change feed per server: one poller of the graph's change record for all its subscribers.
  const changes = new ChangeFeed(db, { pollMs: subscriptionSettings.pollMs }, logError);
  // One analytics cache per server: it outlives requests and is invalidated by the graph version.
  const state: ServerState = { analyticsCache: new AnalyticsCache(), textLimits: deps.textLimits, maxRows: limits.maxRows, changes };
  const context = (request: RequestInfo) =>
    createContext(db, { ...request, debugDb: request.debugDb && (deps.allowDebugDb ?? true), trace: deps.trace }, state);
  const auth = deps.auth ?? createAuthenticator();
  const limiter = new ClientLimiter(deps.clientLimits ?? NO_CLIENT_LIMITS);
  const starting = deps.starting ?? (() => null);
  const subscriptions = createSubscriptionServer({
    schema,
    context,
    auth,
    limiter,
    starting,
    settings: subscriptionSettings,
    maxTokens: limits.maxTokens,
    trusted,
    registry: metrics.registry,
    subscriptions: () => changes.size,
  });
  const handle = createRequestHandler({
    apollo,
    context,
    readiness: deps.readiness,
    starting,
    liveness: deps.liveness ?? (() => null),
    exports: new ExportRepository(db),
    auth,
    log,
    logError,
    limiter,
    metricsAccess: exposure.metrics,
    maxBodyBytes: limits.maxBodyBytes,
    playground: exposure.playground,
    trusted,
    metrics,
    work,
  });
  return {
    apollo,
    handle,
    metrics,
    work,
    trusted,
    subscriptions,
    changes,
    attach: (http) => subscriptions.attach(http),
    stop: async () => {
      await subscriptions.close();
      await changes.stop();
      await apollo.stop();
    },
  };
}

/**
 * Refuses a subscription sent over HTTP with a coded error that points to the WebSocket endpoint,
 * before anything runs (graphql-js would fail it as an internal error).
 */

/** Refuses the subgraph's `_service` field as introspection is refused (see formatValidationError). */
const noSubgraphSdlRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value !== '_service' || context.getParentType() !== context.getSchema().getQueryType()) return;
    context.reportError(
      new GraphQLError('The subgraph SDL (_service) is not served without introspection.', {
        nodes: [node],
        extensions: { validationErrorCode: 'INTROSPECTION_DISABLED' },
      }),
    );
  },
});

/**
 * Refuses a subscription sent over HTTP with a coded error that points to the WebSocket endpoint,
 * before anything runs (graphql-js would fail it as an internal error).
 */
const noSubscriptionsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') throw new OperationNotSupportedError('subscription');
      },
    };
  },
};

/**
 * Gives a mutation's response the driver bookmarks of its writes, as `extensions.bookmarks` and
 * the `neo4j-bookmark` header, so a client can send them back to any replica and read its writes.
 */
const bookmarksPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operation, response }) {
        if (operation?.operation !== 'mutation' || response.body.kind !== 'single') return;
        const bookmarks = await contextValue.bookmarks();
        if (!bookmarks.length) return;
        response.http.headers.set(BOOKMARK_HEADER, bookmarks.join(','));
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, bookmarks };
      },
    };
  },
};

/** Adds `extensions.db: { roundTrips, dbTimeMs }` to the responses of requests that asked for it. */
const dbStatsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.debugDb || response.body.kind !== 'single') return;
        const { roundTrips, dbTimeMs } = contextValue.dbStats;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, db: { roundTrips, dbTimeMs: Math.round(dbTimeMs * 100) / 100 } };
      },
    };
  },
};

/**
 * Logs the details of errors that clients will see as INTERNAL_SERVER_ERROR, under the request's
 * id, and gives that id to the client in `extensions.requestId` so a report can be matched to
 * the log line (the `x-request-id` header carries it too).
 */
function internalErrorPlugin(logError: (line: string) => void): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (error.extensions?.code !== undefined || isDatabaseUnavailable(original) || isQueryTimeout(original)) continue;
            logError(`[graphql] internal error in request ${contextValue.requestId} at ${error.path?.join('.') ?? '(request)'}: ${describeError(original)}`);
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}

/**
 * Clients see coded errors only: their own mistakes as they are, a statement stopped by the query
 * timeout as QUERY_TIMEOUT, a database outage as DATABASE_UNAVAILABLE, a document over the token
 * limit as TOO_MANY_TOKENS, one too repetitive to validate as TOO_MANY_REPEATED_FIELDS, a bad
 * scalar literal (an impossible date) as BAD_USER_INPUT, and anything else as a bare
 * INTERNAL_SERVER_ERROR (never a stack or Cypher; internalErrorPlugin logs the details). Refused
 * introspection names the setting that allows it. Without schema hints no message suggests names.
 */
function formatError(formatted: GraphQLFormattedError, error: unknown, limits: RequestLimits, exposure: Exposure): GraphQLFormattedError {
  // Apollo's hideSchemaDetailsFromClientErrors strips "Did you mean" from validation errors only;
  // graphql-js adds it to variable coercion errors too (a bad enum value, an unknown input field).
  if (!exposure.schemaHints) {
    const message = formatted.message.replace(SUGGESTION, '');
    if (message !== formatted.message) formatted = { ...formatted, message };
  }
  const original = unwrapResolverError(error);
  if (isQueryTimeout(original)) return toFormatted(new QueryTimeoutError(limits.queryTimeoutMs), formatted);
  if (isDatabaseUnavailable(original)) return toFormatted(new DatabaseUnavailableError(), formatted);
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && /Document contains more th(?:an|at) \d+ tokens/.test(formatted.message)) {
    return {
      ...formatted,
      message: `${formatted.message} The limit GRAPHQL_MAX_TOKENS is ${limits.maxTokens}.`,
      extensions: { code: 'TOO_MANY_TOKENS', max: limits.maxTokens },
    };
  }
  if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') return formatValidationError(formatted, error);
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
  return toFormatted(new InternalServerError(), formatted);
}

/** Validation errors whose graphql-js or Apollo wording would send a client the wrong way. */
function formatValidationError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // A scalar's parseLiteral threw it (PartialDate "2025-13-01"): the value is wrong, not the document.
  if (error instanceof Error && 'originalError' in error && error.originalError instanceof BadUserInputError) {
    return toFormatted(error.originalError, formatted);
  }
  if (formatted.extensions?.validationErrorCode === 'INTROSPECTION_DISABLED') {
    return {
      ...formatted,
      message:
        'Introspection is not allowed on this server: GRAPHQL_INTROSPECTION is off (the default with NODE_ENV=production); GRAPHQL_INTROSPECTION=true turns it on.',
    };
  }
  // graphql-js gives up checking that repeated fields can be merged after a fixed amount of work.
  if (formatted.message === 'Validation aborted.') {
    return {
      ...formatted,
      message:
        'The operation repeats the same fields (or fragments) too many times to be checked, so it was not run. Select each field once per selection set.',
      extensions: { ...formatted.extensions, code: 'TOO_MANY_REPEATED_FIELDS' },
    };
  }
  return formatted;
}
/** graphql-js's suggestions, as in "Value "X" does not exist in "Kind" enum. Did you mean the enum value "Y"?". */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

function toFormatted(error: GraphQLError, original: GraphQLFormattedError): GraphQLFormattedError {
  return { message: error.message, locations: original.locations, path: original.path, extensions: error.extensions };
}
