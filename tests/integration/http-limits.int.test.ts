/**
 * The HTTP hygiene of the service over real HTTP: per-client rate and concurrency limits (429,
 * Retry-After, RATE_LIMITED) on /graphql and /export, separate budgets per credential, the
 * throttle on refused credentials, /metrics access modes, /readyz without internals, operation
 * names cut in the log and kept out of metric labels, and the server's socket timeouts and
 * connection cap. Read-only.
 */
import { connect, type Socket } from 'node:net';
import { createDatabase, type Database } from '../../src/db/driver';
import { NO_CLIENT_LIMITS } from '../../src/http/client-limits';
import { ALPHA_KEY, BETA_KEY, READER_AUTH } from '../helpers/reader-keys';
import { openTestDatabase } from '../helpers/test-database';
import { type TestServer, startTestServer } from '../helpers/test-server';

const QUERY = '{ actors(first: 1) { totalCount } }';
const EXPORT = '/export?format=cytoscape&focus=actor:vladimir-putin&depth=1';

let db: Database;
const servers: TestServer[] = [];
beforeAll(() => {
  db = openTestDatabase();
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await db?.driver.close();
});
async function start(options: Parameters<typeof startTestServer>[2], log: string[] = [], on: Database = db): Promise<TestServer> {
  const server = await startTestServer(on, log, options);
  servers.push(server);
  return server;
}
const post = (server: TestServer, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the rate limit', () => {
  // Bursts of 3, then one request a minute: nothing refills while the test runs.
  const limits = { ...NO_CLIENT_LIMITS, perMinute: 1, burst: 3 };

  test('/graphql answers 429 with Retry-After and RATE_LIMITED past the burst, and says what is left on every answer', async () => {
    const api = await start({ clientLimits: limits });
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await post(api, { query: QUERY }));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((r) => r.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    expect(answers[0].headers.get('ratelimit-limit')).toBe('3');
    const refused = answers[3];
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/RATE_LIMIT_PER_MINUTE/),
        extensions: { code: 'RATE_LIMITED', limit: 'RATE_LIMIT_PER_MINUTE', retryAfterSeconds: Number(refused.headers.get('retry-after')) },
      },
    ]);
    // Health endpoints and pages are not limited.
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${api.url}/`, { headers: { accept: 'text/html' } })).status).toBe(200);
  });

  test('/export shares the budget and answers 429 as {error, code}', async () => {
    const api = await start({ clientLimits: limits });
    expect((await fetch(`${api.url}${EXPORT}`)).status).toBe(200);
    expect((await post(api, { query: QUERY })).status).toBe(200);
    expect((await post(api, { query: QUERY })).status).toBe(200);
    const refused = await fetch(`${api.url}${EXPORT}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED', limit: 'RATE_LIMIT_PER_MINUTE', error: expect.any(String) });
  });

  test('each API key has its own budget, apart from the anonymous callers at the same address', async () => {
    const api = await start({ clientLimits: limits, auth: READER_AUTH });
    const as = (key?: string) => post(api, { query: QUERY }, key ? { 'x-api-key': key } : {});
    for (let i = 0; i < 3; i += 1) expect((await as(ALPHA_KEY)).status).toBe(200);
    expect((await as(ALPHA_KEY)).status).toBe(429);
    // Beta and the anonymous caller, on the same address, still have their whole burst.
    for (let i = 0; i < 3; i += 1) expect((await as(BETA_KEY)).status).toBe(200);
    expect((await as()).status).toBe(200);
    expect((await as(BETA_KEY)).status).toBe(429);
  });
});

describe('the concurrency limit', () => {
  test('a client with MAX_CONCURRENT_PER_CLIENT requests in progress gets 429 until one finishes', async () => {
    const api = await start({ clientLimits: { ...NO_CLIENT_LIMITS, maxConcurrent: 1 } });
    // A request whose body is still coming holds its place.
    const body = JSON.stringify({ query: QUERY });
    const { port } = new URL(api.url);
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
    );
    // Wait until the server has admitted it (its body read is under way).
    for (let i = 0; i < 100; i += 1) {
      const probe = await post(api, { query: QUERY });
      if (probe.status === 429) {
        expect(await probe.json()).toMatchObject({
          errors: [{ extensions: { code: 'RATE_LIMITED', limit: 'MAX_CONCURRENT_PER_CLIENT', retryAfterSeconds: 1 } }],
        });
        expect(probe.headers.get('retry-after')).toBe('1');
        break;
      }
      if (i === 99) throw new Error('the slow request never held its place');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    socket.write(body.slice(5));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect((await post(api, { query: QUERY })).status).toBe(200);
  });
});

describe('the throttle on refused credentials', () => {
  test('after AUTH_FAILURES_PER_MINUTE bad keys, the next attempt gets 429 unchecked, even with a good key; callers without a credential go on', async () => {
    const api = await start({ clientLimits: { ...NO_CLIENT_LIMITS, authFailuresPerMinute: 3 }, auth: READER_AUTH });
    for (let i = 0; i < 3; i += 1) {
      const guess = await post(api, { query: QUERY }, { 'x-api-key': `guess-${i}-0123456789abcdefghij` });
      expect(guess.status).toBe(200); // reads are open: a refused key reads as anonymous
    }
    for (const key of ['guess-4-0123456789abcdefghij', ALPHA_KEY]) {
      const refused = await post(api, { query: QUERY }, { 'x-api-key': key });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED', limit: 'AUTH_FAILURES_PER_MINUTE' } }] });
    }
    // A bearer token counts as a credential too.
    expect((await post(api, { query: QUERY }, { authorization: `Bearer ${ALPHA_KEY}` })).status).toBe(429);
    expect((await post(api, { query: QUERY })).status).toBe(200);
  });
});

describe('/metrics', () => {
  test('METRICS=off answers 404', async () => {
    const api = await start({ exposure: { introspection: true, playground: true, schemaHints: true, metrics: 'off' } });
    expect((await fetch(`${api.url}/metrics`)).status).toBe(404);
  });

  test('METRICS=authenticated wants a valid credential of any role', async () => {
    const api = await start({ auth: READER_AUTH, exposure: { introspection: true, playground: true, schemaHints: true, metrics: 'authenticated' } });
    const anonymous = await fetch(`${api.url}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await fetch(`${api.url}/metrics`, { headers: { 'x-api-key': 'wrong-key-0123456789abcdefghij' } })).status).toBe(401);
    const reader = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${ALPHA_KEY}` } });
    expect(reader.status).toBe(200);
    expect(await reader.text()).toMatch(/^graphql_requests_total|# HELP/m);
  });
});

describe('operation names', () => {
  test('a 900 KB operation name is cut in the log line and counted as `other`', async () => {
    const log: string[] = [];
    const api = await start({ slowQueryMs: 600_000 }, log);
    const name = `Q${'x'.repeat(900_000)}`;
    const response = await post(api, { query: `query ${name} { __typename }` }, { 'x-request-id': 'long-name-1' });
    expect(response.status).toBe(200);
    const line = log.find((l) => l.includes('"requestId":"long-name-1"'))!;
    expect(line.length).toBeLessThan(1_000);
    expect(JSON.parse(line).operation).toBe(`${name.slice(0, 100)}…[cut: ${name.length - 100} more characters]`);
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(metrics).toMatch(/^graphql_requests_total\{operation="other",outcome="ok"\} 1$/m);
    expect(metrics).not.toContain('xxxxxxxxxx');
  });
});

describe('/readyz', () => {
  test('says only "database unreachable", and logs the detail once per change', async () => {
    const log: string[] = [];
    // Nothing listens on port 1.
    const unreachable = createDatabase({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: '' });
    try {
      const server = await startTestServer(unreachable, log);
      servers.push(server);
      for (let i = 0; i < 3; i += 1) {
        const response = await fetch(`${server.url}/readyz`);
        expect(response.status).toBe(503);
        const text = await response.text();
        expect(JSON.parse(text)).toEqual({ status: 'not ready', reason: 'database unreachable' });
        for (const internal of ['127.0.0.1', 'bolt', ':1', 'ECONNREFUSED', 'Neo4j', 'at ']) expect(text).not.toContain(internal);
      }
      const details = log.filter((l) => l.includes('not ready'));
      expect(details).toHaveLength(1);
      expect(details[0]).toMatch(/not ready \(database unreachable\)/);
    } finally {
      await unreachable.driver.close();
    }
  });
});

describe('socket timeouts and the connection cap', () => {
  const settings = { headersTimeoutMs: 300, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 1_000, maxConnections: 3 };
  const open = (url: string, write?: string) => {
    const socket: Socket = connect(Number(new URL(url).port), '127.0.0.1', () => write && socket.write(write));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
    return { socket, closed, received: () => received };
  };
  const received = (h: { received: () => string }) => /^HTTP\/1\.1 200/.test(h.received());

  test('a socket that sends half its headers is closed by the server after the headers timeout', async () => {
    const api = await start({ httpServer: settings });
    const slow = open(api.url, 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: appl');
    expect(await slow.closed).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
    expect(slow.socket.destroyed).toBe(true);
  });

  test('a request whose body stops coming gets 408 and is closed', async () => {
    const api = await start({ httpServer: settings });
    const slow = open(api.url, 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
    expect(await slow.closed).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
  });

  test('connections past HTTP_MAX_CONNECTIONS are closed as they arrive, and the service answers once the others are gone', async () => {
    const api = await start({ httpServer: { ...settings, keepAliveTimeoutMs: 3_000, headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 } });
    // Three keep-alive connections, each answered once (so the server has surely accepted them), then idle.
    const held = [0, 1, 2].map(() => open(api.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'));
    for (const h of held) {
      await new Promise<void>((resolve) => {
        const check = () => (received(h) ? resolve() : setTimeout(check, 10));
        check();
      });
    }
    const extra = open(api.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await extra.closed).toBe('');
    expect(held.every((h) => !h.socket.destroyed)).toBe(true);
    // The idle ones go after the keep-alive timeout; then there is room again.
    await Promise.all(held.map((h) => h.closed));
    expect((await post(api, { query: QUERY })).status).toBe(200);
  });
});
