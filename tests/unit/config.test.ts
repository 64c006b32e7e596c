import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

test('with nothing configured: port 4000 on loopback, a local Neo4j, seed if empty', () => {
  const config = loadConfig({});
  expect(config.http).toEqual({ port: 4000, host: '127.0.0.1' });
  expect(config.neo4j).toMatchObject({ mode: 'local', heapMb: 1024, pageCacheMb: 256 });
  expect(config.neo4j.mode === 'local' && config.neo4j.dataDir).toMatch(/\.neo4j\/data$/);
  expect(config.seed.onStart).toBe('if-empty');
  expect(config.seed.files).toEqual([expect.stringMatching(/seed\/data\/uae-talks\.json$/)]);
});

test('NEO4J_URI selects an external server, routing URIs included', () => {
  const config = loadConfig({ NEO4J_URI: 'neo4j+s://db.example:7687', NEO4J_USER: 'reader', NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'news' });
  expect(config.neo4j).toEqual({ mode: 'external', uri: 'neo4j+s://db.example:7687', user: 'reader', password: 'pw', database: 'news' });
});

test('every problem is reported at once, naming the variable', () => {
  let error: unknown;
  try {
    loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', SEED_ON_START: 'sometimes' });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as Error).message;
  expect(message).toMatch(/PORT: /);
  expect(message).toMatch(/NEO4J_URI: must be a bolt:\/\/ or neo4j:\/\/ URI/);
  expect(message).toMatch(/SEED_ON_START: /);
});

test('authentication problems are listed with the others', () => {
  expect(() => loadConfig({ PORT: 'eighty', AUTH_JWT_SECRET: 'short', AUTH_API_KEYS: 'bot:editor' })).toThrow(
    /PORT: [\s\S]*AUTH_JWT_SECRET: must be at least 32 characters[\s\S]*AUTH_API_KEYS: entry 1 is not of the form/,
  );
});

test('with no AUTH_ variables nobody can authenticate and reads are open', () => {
  expect(loadConfig({}).auth).toEqual({ jwt: null, apiKeys: [], reads: 'open' });
});

test('request limits have documented defaults and are set by their variables', () => {
  expect(loadConfig({}).limits).toEqual({
    maxDepth: 15,
    maxAliases: 30,
    maxDirectives: 30,
    maxTokens: 5_000,
    maxCost: 10_000_000,
    maxRows: 100_000,
    maxFilterDepth: 8,
    maxFilterBranches: 20,
    maxFilterFields: 100,
    maxExpensiveFields: 4,
    maxRepresentations: 1_000,
    maxStatementBytes: 100_000,
    queue: { maxConcurrent: 2, maxQueued: 32, maxPerClient: 8, maxWaitMs: 10_000 },
    maxBodyBytes: 1_000_000,
    queryTimeoutMs: 15_000,
  });
  const bounds = loadConfig({
    GRAPHQL_MAX_FILTER_DEPTH: '4',
    STATEMENT_MAX_BYTES: '5000',
    EXPENSIVE_MAX_CONCURRENT: '1',
    EXPENSIVE_MAX_QUEUED: '0',
    GRAPHQL_MAX_REPRESENTATIONS: '50',
  }).limits;
  expect(bounds).toMatchObject({ maxFilterDepth: 4, maxStatementBytes: 5000, queue: { maxConcurrent: 1, maxQueued: 0 }, maxRepresentations: 50 });
  expect(() => loadConfig({ GRAPHQL_MAX_REPRESENTATIONS: '0' })).toThrow(/GRAPHQL_MAX_REPRESENTATIONS/);
  // The where compiler refuses deeper filters whatever the setting says, so the setting may not exceed it.
  expect(() => loadConfig({ GRAPHQL_MAX_FILTER_DEPTH: '33' })).toThrow(/GRAPHQL_MAX_FILTER_DEPTH/);
  const set = loadConfig({ GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_COST: '5000', HTTP_MAX_BODY_BYTES: '2048', QUERY_TIMEOUT_MS: '2500' }).limits;
  expect(set).toMatchObject({ maxDepth: 8, maxCost: 5000, maxBodyBytes: 2048, queryTimeoutMs: 2500 });
  expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0', QUERY_TIMEOUT_MS: 'soon' })).toThrow(/GRAPHQL_MAX_DEPTH[\s\S]*QUERY_TIMEOUT_MS/);
});

test('NODE_ENV=production turns introspection, the playground and schema hints off and puts /metrics behind a credential; all but hints can be turned back', () => {
  expect(loadConfig({}).exposure).toEqual({ introspection: true, playground: true, schemaHints: true, metrics: 'open' });
  expect(loadConfig({ NODE_ENV: 'production' }).exposure).toEqual({ introspection: false, playground: false, schemaHints: false, metrics: 'authenticated' });
  expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', PLAYGROUND: 'true', METRICS: 'open' }).exposure).toEqual({
    introspection: true,
    playground: true,
    schemaHints: false,
    metrics: 'open',
  });
  expect(loadConfig({ METRICS: 'off' }).exposure.metrics).toBe('off');
  expect(() => loadConfig({ METRICS: 'authenticated' })).toThrow(/METRICS: "authenticated" needs AUTH_JWT_SECRET/);
  expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).exposure.introspection).toBe(false);
  expect(() => loadConfig({ PLAYGROUND: 'yes' })).toThrow(/PLAYGROUND/);
});

test('FACTS_ROOT defaults to seed/ and is made absolute; SOURCE_TEXT_MAX_BYTES defaults to 2,000,000, REASON_MAX_CHARS to 2,000', () => {
  expect(loadConfig({}).facts).toEqual({ root: expect.stringMatching(/\/seed$/), maxTextBytes: 2_000_000, maxReasonChars: 2_000 });
  const set = loadConfig({ FACTS_ROOT: 'corpus/texts', SOURCE_TEXT_MAX_BYTES: '500000', REASON_MAX_CHARS: '300' }).facts;
  expect(set).toEqual({ root: join(process.cwd(), 'corpus', 'texts'), maxTextBytes: 500_000, maxReasonChars: 300 });
  expect(() => loadConfig({ REASON_MAX_CHARS: '-1' })).toThrow(/REASON_MAX_CHARS: /);
  expect(() => loadConfig({ SOURCE_TEXT_MAX_BYTES: '0' })).toThrow(/SOURCE_TEXT_MAX_BYTES: /);
});

test('EXTRACT_TEXT_MAX_BYTES defaults to 100,000 and must be a positive whole number', () => {
  expect(loadConfig({}).extract).toEqual({ maxTextBytes: 100_000 });
  expect(loadConfig({ EXTRACT_TEXT_MAX_BYTES: '250000' }).extract).toEqual({ maxTextBytes: 250_000 });
  expect(() => loadConfig({ EXTRACT_TEXT_MAX_BYTES: '0' })).toThrow(/EXTRACT_TEXT_MAX_BYTES: /);
});

test('per-client limits and HTTP server settings have documented defaults; off or 0 turns a limit off', () => {
  const config = loadConfig({});
  expect(config.clientLimits).toEqual({ perMinute: 600, burst: 100, maxConcurrent: 8, maxClients: 10_000, authFailuresPerMinute: 10 });
  expect(config.httpServer).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 });
  const off = loadConfig({ RATE_LIMIT_PER_MINUTE: 'off', MAX_CONCURRENT_PER_CLIENT: '0', AUTH_FAILURES_PER_MINUTE: 'off' }).clientLimits;
  expect(off).toMatchObject({ perMinute: 0, maxConcurrent: 0, authFailuresPerMinute: 0 });
  expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '5', HTTP_MAX_CONNECTIONS: '50' })).toMatchObject({
    clientLimits: { perMinute: 60, burst: 5 },
    httpServer: { maxConnections: 50 },
  });
  expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'lots', RATE_LIMIT_BURST: '0', HTTP_HEADERS_TIMEOUT_MS: '-1' })).toThrow(
    /RATE_LIMIT_PER_MINUTE: must be a whole number, or off[\s\S]*RATE_LIMIT_BURST[\s\S]*HTTP_HEADERS_TIMEOUT_MS/,
  );
  expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '60000', HTTP_REQUEST_TIMEOUT_MS: '30000' })).toThrow(
    /HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS/,
  );
});

test('a weak AUTH_JWT_SECRET or API key is refused, naming the variable and the rule but never the secret', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      return (error as Error).message;
    }
    return '';
  };
  const spaces = ' '.repeat(32);
  // An empty variable counts as unset, but 32 spaces are a value (the red team's).
  expect(problems({ AUTH_JWT_SECRET: spaces })).toMatch(/AUTH_JWT_SECRET: is too weak: it is only whitespace/);
  const repeated = 'abcdefghijklmnop'.repeat(2);
  const message = problems({ AUTH_JWT_SECRET: repeated, AUTH_API_KEYS: 'bot:editor:aaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
  expect(message).toMatch(/AUTH_JWT_SECRET: is too weak: it repeats a sequence of 16 characters/);
  expect(message).toMatch(/AUTH_API_KEYS: entry 1 \(bot\): the key has only 1 distinct characters/);
  expect(message).not.toContain(repeated);
  expect(message).not.toContain('aaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  // 32 hex digits are 128 bits exactly; the estimate, which cannot know they are random, falls short.
  expect(problems({ AUTH_JWT_SECRET: 'aaba1860c22c07efd2b134ed6b65d2f9' })).toMatch(
    /AUTH_JWT_SECRET: is too weak: it has an estimated entropy of \d+ bits \(at least 128/,
  );
  expect(loadConfig({ AUTH_JWT_SECRET: 'q3V9yXr0Zt+8WkLmPa2/Ns5HdJcE7uBfGh1oRiTx4vY=' }).auth.jwt).toMatchObject({ algorithm: 'HS256' });
});

test('the local Neo4j restart settings default to 1 s backoff doubling to 30 s, and 2 minutes before /healthz fails', () => {
  expect(loadConfig({}).neo4j).toMatchObject({ restart: { backoffMs: 1_000, maxBackoffMs: 30_000, recoveryTimeoutMs: 120_000 } });
  const set = loadConfig({ NEO4J_RESTART_BACKOFF_MS: '500', NEO4J_RESTART_BACKOFF_MAX_MS: '4000', NEO4J_RECOVERY_TIMEOUT_MS: '20000' });
  expect(set.neo4j).toMatchObject({ restart: { backoffMs: 500, maxBackoffMs: 4_000, recoveryTimeoutMs: 20_000 } });
  expect(() => loadConfig({ NEO4J_RECOVERY_TIMEOUT_MS: '0' })).toThrow(/NEO4J_RECOVERY_TIMEOUT_MS/);
});
