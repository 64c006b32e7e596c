/**
 * Configuration from the environment, validated in one place. Every problem is reported at once,
 * naming the variable, so a misconfigured start fails with a full list instead of one at a time.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { type ApiKey, parseApiKeys } from './auth/api-keys';
import { type JwtConfig, publicKeyAlgorithm } from './auth/jwt';
import { LOCAL_NEO4J_DIR, PROJECT_ROOT } from './db/local-neo4j';
import type { RestartPolicy } from './db/supervisor';
import type { RequestLimits } from './limits/plugin';
import { DEFAULT_SLOW_QUERY_MS } from './observability/plugin';

const port = z.coerce.number().int().min(0).max(65535);
const megabytes = z.coerce.number().int().min(64);
const positive = z.coerce.number().int().min(1);
/** `true` or `false`, as the words (a bare `z.coerce.boolean()` would read "false" as true). */
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

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
  SEED_FILES: z.string().min(1).default(join(PROJECT_ROOT, 'seed', 'data', 'uae-talks.json')),
  NODE_ENV: z.string().default('development'),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters (an HS256 shared secret)').optional(),
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
  // test suite. The cost is an upper bound that counts each plain list as 100 items, so three
  // nested plain lists (sources -> credits -> evidence, about 8 million) set its default.
  GRAPHQL_MAX_DEPTH: positive.default(15),
  GRAPHQL_MAX_ALIASES: positive.default(30),
  GRAPHQL_MAX_DIRECTIVES: positive.default(30),
  GRAPHQL_MAX_TOKENS: positive.default(5_000),
  GRAPHQL_MAX_COST: positive.default(10_000_000),
  HTTP_MAX_BODY_BYTES: positive.default(1_000_000),
  QUERY_TIMEOUT_MS: positive.default(15_000),
  GRAPHQL_INTROSPECTION: flag.optional(),
  PLAYGROUND: flag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SLOW_QUERY_MS: z.coerce.number().int().min(0).default(DEFAULT_SLOW_QUERY_MS),
});

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
  return problems;
}

/** Typed configuration of the service. */
export interface Config {
  http: { port: number; host: string };
  /** An external Neo4j (NEO4J_URI set) or a local one the service provisions and starts. */
  neo4j:
    | { mode: 'external'; uri: string; user: string; password: string; database?: string }
    | { mode: 'local'; dataDir: string; port?: number; heapMb: number; pageCacheMb: number; database?: string; restart: RestartPolicy };
  seed: { onStart: 'if-empty' | 'always' | 'never'; files: string[] };
  /** NODE_ENV=production: debugging aids such as `x-debug-db` are off. */
  production: boolean;
  auth: AuthConfig;
  limits: RequestLimits;
  /** Which developer aids the server offers; off in production unless asked for. */
  exposure: Exposure;
  /** LOG_LEVEL of the JSON logs, and SLOW_QUERY_MS: requests slower than this are logged as slow. */
  observability: { logLevel: string; slowQueryMs: number };
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
}

/**
 * Who can authenticate, and whether reads need it. With neither a JWT key nor API keys nobody
 * can authenticate: write operations are refused to everyone and reads stay open.
 */
export interface AuthConfig {
  /** AUTH_JWT_SECRET (HS256) or AUTH_JWT_PUBLIC_KEY (RS256/ES256), with AUTH_JWT_ISSUER/AUDIENCE. */
  jwt: JwtConfig | null;
  /** AUTH_API_KEYS. */
  apiKeys: ApiKey[];
  /** AUTH_READS: `open` (default) or `authenticated` (every GraphQL operation needs a user). */
  reads: 'open' | 'authenticated';
}

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
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)), ...authProblems(defined)];
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
    seed: { onStart: e.SEED_ON_START, files: e.SEED_FILES.split(',').map((f) => f.trim()).filter(Boolean) },
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
      maxBodyBytes: e.HTTP_MAX_BODY_BYTES,
      queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    },
    exposure: {
      introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
      playground: e.PLAYGROUND ?? e.NODE_ENV !== 'production',
      schemaHints: e.NODE_ENV !== 'production',
    },
    observability: { logLevel: e.LOG_LEVEL, slowQueryMs: e.SLOW_QUERY_MS },
  };
}
