/**
 * Configuration from the environment, validated in one place. Every problem is reported at once,
 * naming the variable, so a misconfigured start fails with a full list instead of one at a time.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { parseApiKeys } from './auth/api-keys';
import type { AuthConfig } from './auth/authenticator';
import { publicKeyAlgorithm } from './auth/jwt';
import { LOCAL_NEO4J_DIR, PROJECT_ROOT } from './paths';
import type { Neo4jConnectionSettings } from './db/connect';
import { MIN_JWT_SECRET_BITS, weakSecretProblem } from './auth/secret-strength';
import { type ClientLimitSettings } from './http/client-limits';
import { DEFAULT_HTTP_SERVER, type HttpServerSettings } from './http/listener';
import { DEFAULT_SUBSCRIPTIONS, type SubscriptionSettings } from './http/subscriptions';
import type { RequestLimits } from './limits/plugin';
import type { TrustedDocumentsMode } from './limits/trusted-documents';
import { WHERE_MAX_DEPTH, WHERE_MAX_FIELDS } from './repositories/where';
import { DEFAULT_SLOW_QUERY_MS } from './observability/plugin';
import { DEFAULT_FACTS_ROOT, type FileRules } from './ingest/read';
import { DEFAULT_REASON_MAX_CHARS, DEFAULT_SOURCE_TEXT_MAX_BYTES } from './facts/validate';

/**
 * The largest text extraction drafts from, in UTF-8 bytes (EXTRACT_TEXT_MAX_BYTES): about 15,000
 * words, past the longest news features. Drafting costs time with the text's length (about 25 ms
 * per KB of news on the reference machine), and a draft is one article to curate, not a book.
 */
export const DEFAULT_EXTRACT_TEXT_MAX_BYTES = 100_000;

const port = z.coerce.number().int().min(0).max(65535);
const megabytes = z.coerce.number().int().min(64);
const positive = z.coerce.number().int().min(1);
/** `true` or `false`, as the words (a bare `z.coerce.boolean()` would read "false" as true). */
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
/** A whole number, or `off` (as 0 does) for a limit that can be turned off. */
const countOrOff = z
  .string()
  .regex(/^(off|\d+)$/, 'must be a whole number, or off (0 also turns it off)')
  .transform((v) => (v === 'off' ? 0 : Number(v)));

const Env = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI (optionally +s or +ssc)')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).optional(),
  NEO4J_LOCAL_DIR: z.string().min(1).default(join(LOCAL_NEO4J_DIR, 'data')),
  NEO4J_LOCAL_PORT: port.optional(),
  NEO4J_LOCAL_HEAP_MB: megabytes.default(1024),
  NEO4J_LOCAL_PAGECACHE_MB: megabytes.default(256),
  // A dead local Neo4j is restarted after 1 s, then 2, 4 ... at most 30 s apart; down for 2 minutes,
  // /healthz fails so that an orchestrator restarts the service (src/db/supervisor.ts).
  NEO4J_RESTART_BACKOFF_MS: positive.default(1_000),
  NEO4J_RESTART_BACKOFF_MAX_MS: positive.default(30_000),
  NEO4J_RECOVERY_TIMEOUT_MS: positive.default(120_000),
  SEED_ON_START: z.enum(['if-empty', 'always', 'never']).default('if-empty'),
  SEED_FILES: z
    .string()
    .min(1)
    .default(join(PROJECT_ROOT, 'seed', 'data', 'uae-talks.json')),
  // Where a facts file's `textFile` may point besides its own directory, and the largest text.
  FACTS_ROOT: z.string().min(1).default(DEFAULT_FACTS_ROOT),
  SOURCE_TEXT_MAX_BYTES: positive.default(DEFAULT_SOURCE_TEXT_MAX_BYTES),
  REASON_MAX_CHARS: positive.default(DEFAULT_REASON_MAX_CHARS),
  EXTRACT_TEXT_MAX_BYTES: positive.default(DEFAULT_EXTRACT_TEXT_MAX_BYTES),
  NODE_ENV: z.string().default('development'),
  AUTH_JWT_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (an HS256 shared secret)')
    .superRefine((secret, ctx) => {
      // The problem names the rule, never the secret.
      const weak = weakSecretProblem(secret, MIN_JWT_SECRET_BITS);
      if (weak) ctx.addIssue({ code: 'custom', message: `is too weak: it ${weak}` });
    })
    .optional(),
  AUTH_JWT_PUBLIC_KEY: z
    .string()
    .transform((pem, ctx) => {
      const key = publicKeyAlgorithm(pem);
      if ('problem' in key) {
        ctx.addIssue({ code: 'custom', message: key.problem });
        return z.NEVER;
      }
      return key;
    })
    .optional(),
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  AUTH_API_KEYS: z
    .string()
    .transform((text, ctx) => {
      const { keys, problems } = parseApiKeys(text);
      for (const problem of problems) ctx.addIssue({ code: 'custom', message: problem });
      return problems.length > 0 ? z.NEVER : keys;
    })
    .optional(),
  AUTH_READS: z.enum(['open', 'authenticated']).default('open'),
  // The defaults leave room above every playground example, dashboard operation and GraphiQL's
  // own introspection query (tests/unit/limits.test.ts measures them) and every operation of the
  // test suite. The cost counts a plain link list as the items such a list holds on average in the
  // graph, and any other plain list as 100 items, so three nested plain lists that are not links
  // (about 8 million) set its default. What a request reads is bounded as it runs: GRAPHQL_MAX_ROWS.
  GRAPHQL_MAX_DEPTH: positive.default(15),
  GRAPHQL_MAX_ALIASES: positive.default(30),
  GRAPHQL_MAX_DIRECTIVES: positive.default(30),
  GRAPHQL_MAX_TOKENS: positive.default(5_000),
  GRAPHQL_MAX_COST: positive.default(10_000_000),
  GRAPHQL_MAX_ROWS: positive.default(100_000),
  // Input objects are measured with variables applied (src/limits/measure.ts), because Neo4j plans
  // a filter's Cypher before any timeout applies, and planning grows faster than the filter: on
  // the 2-core test machine an OR of 100 name filters took 3 s of CPU, one of 1,000 took 44 s
  // (docs/operations.md, "Bounds on the work a request asks for"). The playground's richest filter
  // (with its sort order) has depth 2, 2 branches and 6 fields.
  GRAPHQL_MAX_FILTER_DEPTH: positive.max(WHERE_MAX_DEPTH).default(8),
  GRAPHQL_MAX_FILTER_BRANCHES: positive.default(20),
  GRAPHQL_MAX_FILTER_FIELDS: positive.max(WHERE_MAX_FIELDS).default(100),
  GRAPHQL_MAX_EXPENSIVE_FIELDS: positive.default(4),
  // A federation gateway sends one `_entities` request per subgraph fetch, with the distinct
  // entities of a page (at most 100 per connection) or of a few nested lists. All of them are read
  // in one statement, whose id list must stay well inside STATEMENT_MAX_BYTES (1,000 ids of the
  // seed's length are about 30 KB).
  GRAPHQL_MAX_REPRESENTATIONS: positive.default(1_000),
  // The largest read statement the integration tests sent (lists, explore, search, analytics,
  // export, injection) was about 22 KB (4 KB of Cypher, the rest an injection payload); a list
  // whose filter is at the default bounds comes to about 20 KB.
  STATEMENT_MAX_BYTES: positive.default(100_000),
  EXPENSIVE_MAX_CONCURRENT: positive.default(2),
  EXPENSIVE_MAX_QUEUED: z.coerce.number().int().min(0).default(32),
  EXPENSIVE_MAX_PER_CLIENT: positive.default(8),
  EXPENSIVE_MAX_WAIT_MS: positive.default(10_000),
  HTTP_MAX_BODY_BYTES: positive.default(1_000_000),
  QUERY_TIMEOUT_MS: positive.default(15_000),
  GRAPHQL_INTROSPECTION: flag.optional(),
  PLAYGROUND: flag.optional(),
  // src/limits/trusted-documents.ts: `allow` runs manifest documents by hash and any other
  // document (APQ on); `only` runs manifest documents alone (APQ off).
  TRUSTED_DOCUMENTS: z.enum(['allow', 'only']).default('allow'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SLOW_QUERY_MS: z.coerce.number().int().min(0).default(DEFAULT_SLOW_QUERY_MS),
  // Per client (credential, else address); see src/http/client-limits.ts.
  RATE_LIMIT_PER_MINUTE: countOrOff.default(600),
  RATE_LIMIT_BURST: positive.default(100),
  MAX_CONCURRENT_PER_CLIENT: countOrOff.default(8),
  RATE_LIMIT_MAX_CLIENTS: positive.default(10_000),
  AUTH_FAILURES_PER_MINUTE: countOrOff.default(10),
  METRICS: z.enum(['open', 'authenticated', 'off']).optional(),
  HTTP_HEADERS_TIMEOUT_MS: positive.default(DEFAULT_HTTP_SERVER.headersTimeoutMs),
  HTTP_REQUEST_TIMEOUT_MS: positive.default(DEFAULT_HTTP_SERVER.requestTimeoutMs),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: positive.default(DEFAULT_HTTP_SERVER.keepAliveTimeoutMs),
  HTTP_MAX_CONNECTIONS: positive.default(DEFAULT_HTTP_SERVER.maxConnections),
  // Subscriptions over WebSocket (src/http/subscriptions.ts, src/subscriptions/change-feed.ts).
  SUBSCRIPTION_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(DEFAULT_SUBSCRIPTIONS.pollMs),
  SUBSCRIPTION_MAX_CONNECTIONS: positive.default(DEFAULT_SUBSCRIPTIONS.maxConnections),
  SUBSCRIPTION_MAX_OPERATIONS: positive.default(DEFAULT_SUBSCRIPTIONS.maxOperations),
  SUBSCRIPTION_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1_024).default(DEFAULT_SUBSCRIPTIONS.maxMessageBytes),
  SUBSCRIPTION_IDLE_TIMEOUT_MS: positive.default(DEFAULT_SUBSCRIPTIONS.idleTimeoutMs),
});

/** Problems between settings that are each fine alone, outside AUTH_. */
function crossProblems(env: z.infer<typeof Env>): string[] {
  const problems: string[] = [];
  // Node refuses a headers timeout longer than the request timeout.
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) problems.push('HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS');
  return problems;
}

/** Problems that involve more than one AUTH_ variable (each one alone may be fine). */
function authProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const hasJwtKey = Boolean(env.AUTH_JWT_SECRET || env.AUTH_JWT_PUBLIC_KEY);
  if (env.AUTH_JWT_SECRET && env.AUTH_JWT_PUBLIC_KEY) problems.push('AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY: set one of them, not both');
  for (const name of ['AUTH_JWT_ISSUER', 'AUTH_JWT_AUDIENCE']) {
    if (env[name] && !hasJwtKey) problems.push(`${name}: has no effect without AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY`);
  }
  if (env.AUTH_READS === 'authenticated' && !hasJwtKey && !env.AUTH_API_KEYS) {
    problems.push('AUTH_READS: "authenticated" needs AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY or AUTH_API_KEYS, or nobody could read');
  }
  // Only when asked for: production's default `authenticated` without credentials just closes /metrics.
  if (env.METRICS === 'authenticated' && !hasJwtKey && !env.AUTH_API_KEYS) {
    problems.push('METRICS: "authenticated" needs AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY or AUTH_API_KEYS, or nobody could read /metrics');
  }
  return problems;
}

/** Typed configuration of the service. */
export interface Config {
  http: { port: number; host: string };
  /** An external Neo4j (NEO4J_URI set) or a local one the service provisions and starts. */
  neo4j: Neo4jConnectionSettings;
  seed: { onStart: 'if-empty' | 'always' | 'never'; files: string[] };
  /**
   * FACTS_ROOT (a directory any facts file's `textFile` may point into, besides its own) and
   * SOURCE_TEXT_MAX_BYTES (the largest source text, for files and mutations alike).
   */
  facts: FileRules;
  /** EXTRACT_TEXT_MAX_BYTES: the largest text `npm run extract` and `extract:eval` draft from. */
  extract: { maxTextBytes: number };
  /** NODE_ENV=production: debugging aids such as `x-debug-db` are off. */
  production: boolean;
  auth: AuthConfig;
  limits: RequestLimits;
  /** Which developer aids the server offers; off in production unless asked for. */
  exposure: Exposure;
  /** TRUSTED_DOCUMENTS: whether documents outside the trusted-documents manifest run. */
  trustedDocuments: TrustedDocumentsMode;
  /** LOG_LEVEL of the JSON logs, and SLOW_QUERY_MS: requests slower than this are logged as slow. */
  observability: { logLevel: string; slowQueryMs: number };
  /** Per-client rate and concurrency limits, and the throttle on refused credentials. */
  clientLimits: ClientLimitSettings;
  /** Timeouts and connection cap of the HTTP server. */
  httpServer: HttpServerSettings;
  /** Subscriptions over WebSocket: the change record's poll interval and the connection limits. */
  subscriptions: SubscriptionSettings;
}

/**
 * The developer aids a server offers. All on by default; with NODE_ENV=production introspection
 * and the playground are off unless GRAPHQL_INTROSPECTION=true or PLAYGROUND=true, and schema
 * hints ("Did you mean ...?") are always off, since they spell out the schema to any caller.
 */
export interface Exposure {
  introspection: boolean;
  playground: boolean;
  schemaHints: boolean;
  /**
   * METRICS: who may read GET /metrics: `open` (default; anyone who can reach the port),
   * `authenticated` (default in production; any valid credential, whatever its role, so a
   * Prometheus scraper can hold a reader key) or `off` (404).
   */
  metrics: MetricsAccess;
}

/** Who may read GET /metrics. */
export type MetricsAccess = 'open' | 'authenticated' | 'off';

/** Thrown with every configuration problem listed. */
export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The limits that apply when no variable sets them. */
export function defaultLimits(): RequestLimits {
  return loadConfig({}).limits;
}

/** Reads and validates configuration from `env` (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(defined);
  const problems = [
    ...(parsed.success ? crossProblems(parsed.data) : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...authProblems(defined),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const jwtClaims = { issuer: e.AUTH_JWT_ISSUER, audience: e.AUTH_JWT_AUDIENCE };
  return {
    http: { port: e.PORT, host: e.HOST },
    neo4j: e.NEO4J_URI
      ? { mode: 'external', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : {
          mode: 'local',
          dataDir: e.NEO4J_LOCAL_DIR,
          port: e.NEO4J_LOCAL_PORT,
          heapMb: e.NEO4J_LOCAL_HEAP_MB,
          pageCacheMb: e.NEO4J_LOCAL_PAGECACHE_MB,
          database: e.NEO4J_DATABASE,
          restart: { backoffMs: e.NEO4J_RESTART_BACKOFF_MS, maxBackoffMs: e.NEO4J_RESTART_BACKOFF_MAX_MS, recoveryTimeoutMs: e.NEO4J_RECOVERY_TIMEOUT_MS },
        },
    seed: {
      onStart: e.SEED_ON_START,
      files: e.SEED_FILES.split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    },
    facts: { root: resolve(e.FACTS_ROOT), maxTextBytes: e.SOURCE_TEXT_MAX_BYTES, maxReasonChars: e.REASON_MAX_CHARS },
    extract: { maxTextBytes: e.EXTRACT_TEXT_MAX_BYTES },
    production: e.NODE_ENV === 'production',
    auth: {
      jwt: e.AUTH_JWT_SECRET
        ? { algorithm: 'HS256', secret: e.AUTH_JWT_SECRET, ...jwtClaims }
        : e.AUTH_JWT_PUBLIC_KEY
          ? { algorithm: e.AUTH_JWT_PUBLIC_KEY.algorithm, publicKey: e.AUTH_JWT_PUBLIC_KEY.pem, ...jwtClaims }
          : null,
      apiKeys: e.AUTH_API_KEYS ?? [],
      reads: e.AUTH_READS,
    },
    limits: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxCost: e.GRAPHQL_MAX_COST,
      maxRows: e.GRAPHQL_MAX_ROWS,
      maxFilterDepth: e.GRAPHQL_MAX_FILTER_DEPTH,
      maxFilterBranches: e.GRAPHQL_MAX_FILTER_BRANCHES,
      maxFilterFields: e.GRAPHQL_MAX_FILTER_FIELDS,
      maxExpensiveFields: e.GRAPHQL_MAX_EXPENSIVE_FIELDS,
      maxRepresentations: e.GRAPHQL_MAX_REPRESENTATIONS,
      maxStatementBytes: e.STATEMENT_MAX_BYTES,
      queue: {
        maxConcurrent: e.EXPENSIVE_MAX_CONCURRENT,
        maxQueued: e.EXPENSIVE_MAX_QUEUED,
        maxPerClient: e.EXPENSIVE_MAX_PER_CLIENT,
        maxWaitMs: e.EXPENSIVE_MAX_WAIT_MS,
      },
      maxBodyBytes: e.HTTP_MAX_BODY_BYTES,
      queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    },
    exposure: {
      introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
      playground: e.PLAYGROUND ?? e.NODE_ENV !== 'production',
      schemaHints: e.NODE_ENV !== 'production',
      metrics: e.METRICS ?? (e.NODE_ENV === 'production' ? 'authenticated' : 'open'),
    },
    trustedDocuments: e.TRUSTED_DOCUMENTS,
    observability: { logLevel: e.LOG_LEVEL, slowQueryMs: e.SLOW_QUERY_MS },
    clientLimits: {
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      burst: e.RATE_LIMIT_BURST,
      maxConcurrent: e.MAX_CONCURRENT_PER_CLIENT,
      maxClients: e.RATE_LIMIT_MAX_CLIENTS,
      authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
    },
    httpServer: {
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
    },
    subscriptions: {
      pollMs: e.SUBSCRIPTION_POLL_MS,
      maxConnections: e.SUBSCRIPTION_MAX_CONNECTIONS,
      maxOperations: e.SUBSCRIPTION_MAX_OPERATIONS,
      maxMessageBytes: e.SUBSCRIPTION_MAX_MESSAGE_BYTES,
      idleTimeoutMs: e.SUBSCRIPTION_IDLE_TIMEOUT_MS,
    },
  };
}
