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
    maxBodyBytes: 1_000_000,
    queryTimeoutMs: 15_000,
  });
  const set = loadConfig({ GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_COST: '5000', HTTP_MAX_BODY_BYTES: '2048', QUERY_TIMEOUT_MS: '2500' }).limits;
  expect(set).toMatchObject({ maxDepth: 8, maxCost: 5000, maxBodyBytes: 2048, queryTimeoutMs: 2500 });
  expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0', QUERY_TIMEOUT_MS: 'soon' })).toThrow(/GRAPHQL_MAX_DEPTH[\s\S]*QUERY_TIMEOUT_MS/);
});

test('NODE_ENV=production turns introspection, the playground and schema hints off; two of them can be turned back on', () => {
  expect(loadConfig({}).exposure).toEqual({ introspection: true, playground: true, schemaHints: true });
  expect(loadConfig({ NODE_ENV: 'production' }).exposure).toEqual({ introspection: false, playground: false, schemaHints: false });
  expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', PLAYGROUND: 'true' }).exposure).toEqual({ introspection: true, playground: true, schemaHints: false });
  expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).exposure.introspection).toBe(false);
  expect(() => loadConfig({ PLAYGROUND: 'yes' })).toThrow(/PLAYGROUND/);
});

test('the local Neo4j restart settings default to 1 s backoff doubling to 30 s, and 2 minutes before /healthz fails', () => {
  expect(loadConfig({}).neo4j).toMatchObject({ restart: { backoffMs: 1_000, maxBackoffMs: 30_000, recoveryTimeoutMs: 120_000 } });
  const set = loadConfig({ NEO4J_RESTART_BACKOFF_MS: '500', NEO4J_RESTART_BACKOFF_MAX_MS: '4000', NEO4J_RECOVERY_TIMEOUT_MS: '20000' });
  expect(set.neo4j).toMatchObject({ restart: { backoffMs: 500, maxBackoffMs: 4_000, recoveryTimeoutMs: 20_000 } });
  expect(() => loadConfig({ NEO4J_RECOVERY_TIMEOUT_MS: '0' })).toThrow(/NEO4J_RECOVERY_TIMEOUT_MS/);
});
