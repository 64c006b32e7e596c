/**
 * Configuration from the environment, validated in one place. Every problem is reported at once,
 * naming the variable, so a misconfigured start fails with a full list instead of one at a time.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { LOCAL_NEO4J_DIR, PROJECT_ROOT } from './db/local-neo4j';

const port = z.coerce.number().int().min(0).max(65535);
const megabytes = z.coerce.number().int().min(64);

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
  SEED_ON_START: z.enum(['if-empty', 'always', 'never']).default('if-empty'),
  SEED_FILES: z.string().min(1).default(join(PROJECT_ROOT, 'seed', 'data', 'uae-talks.json')),
  NODE_ENV: z.string().default('development'),
});

/** Typed configuration of the service. */
export interface Config {
  http: { port: number; host: string };
  /** An external Neo4j (NEO4J_URI set) or a local one the service provisions and starts. */
  neo4j:
    | { mode: 'external'; uri: string; user: string; password: string; database?: string }
    | { mode: 'local'; dataDir: string; port?: number; heapMb: number; pageCacheMb: number; database?: string };
  seed: { onStart: 'if-empty' | 'always' | 'never'; files: string[] };
  /** NODE_ENV=production: debugging aids such as `x-debug-db` are off. */
  production: boolean;
}

/** Thrown with every configuration problem listed. */
export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates configuration from `env` (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(defined);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
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
        },
    seed: { onStart: e.SEED_ON_START, files: e.SEED_FILES.split(',').map((f) => f.trim()).filter(Boolean) },
    production: e.NODE_ENV === 'production',
  };
}
