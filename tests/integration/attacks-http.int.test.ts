/**
 * The red team's HTTP attacks (issue 18), replayed against a real server with the service's
 * default per-client limits (loadConfig's): API-key guessing, a 900 KB operationName, 2,000
 * sockets that never finish their headers, and one client's burst beyond the rate limit while
 * another client goes on. Each asserts what the attacker and an honest client would see; the
 * process's memory is printed, not asserted (it is this test process's, client sockets included).
 */
import { connect, type Socket } from 'node:net';
import { loadConfig } from '../../src/config';
import { ALPHA_KEY, BETA_KEY, READER_AUTH as auth } from '../helpers/reader-keys';
import { openTestDatabase } from '../helpers/test-database';
import { type TestServer, startTestServer } from '../helpers/test-server';
import type { Database } from '../../src/db/driver';

const DEFAULTS = loadConfig({});
const LOOKUP = '{ actor(id: "actor:vladimir-putin") { name } }';
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

let db: Database;
const servers: TestServer[] = [];
beforeAll(() => {
  db = openTestDatabase();
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await db?.driver.close();
});
async function start(options: Parameters<typeof startTestServer>[2], log: string[] = []): Promise<TestServer> {
  const server = await startTestServer(db, log, { auth, clientLimits: DEFAULTS.clientLimits, ...options });
  servers.push(server);
  return server;
}
const post = (server: TestServer, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

test('API-key guessing: 200 concurrent guesses, and only AUTH_FAILURES_PER_MINUTE of them are checked', async () => {
  const api = await start({});
  const threshold = DEFAULTS.clientLimits.authFailuresPerMinute;
  const guesses = await Promise.all(
    Array.from({ length: 200 }, (_, i) => post(api, { query: LOOKUP }, { 'x-api-key': `guess-${String(i).padStart(4, '0')}-abcdefghijklmnopqrst` })),
  );
  // A guess refused unchecked names AUTH_FAILURES_PER_MINUTE; the checked ones read as anonymous
  // (reads are open), except those the anonymous client's MAX_CONCURRENT_PER_CLIENT turned away.
  const limits = await Promise.all(
    guesses.map(async (r) =>
      r.status === 429 ? ((await r.json()) as { errors: { extensions: { limit: string } }[] }).errors[0].extensions.limit : String(r.status),
    ),
  );
  const unchecked = guesses.filter((_, i) => limits[i] === 'AUTH_FAILURES_PER_MINUTE');
  console.log(`attacks-http: API-key guessing: ${200 - unchecked.length} of 200 concurrent guesses checked, ${unchecked.length} refused unchecked with 429`);
  expect(200 - unchecked.length).toBe(threshold);
  expect(Number(unchecked[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  // The right key, guessed next, is not even looked at.
  const right = await post(api, { query: LOOKUP }, { 'x-api-key': ALPHA_KEY });
  expect(right.status).toBe(429);
  expect(await right.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED', limit: 'AUTH_FAILURES_PER_MINUTE' } }] });
});

test('a 900 KB operationName: the log line stays short and the metric label is `other`', async () => {
  const log: string[] = [];
  const api = await start({ slowQueryMs: 600_000 }, log);
  const name = 'x'.repeat(900_000);
  const response = await post(
    api,
    { query: 'query Lookup { actor(id: "actor:vladimir-putin") { name } }', operationName: name },
    { 'x-request-id': 'attack-op-name' },
  );
  expect(response.status).toBe(400); // no operation of that name in the document
  const line = log.find((l) => l.includes('"requestId":"attack-op-name"'))!;
  console.log(`attacks-http: 900 KB operationName: log line of ${line.length} characters`);
  expect(line.length).toBeLessThan(1_000);
  expect(JSON.parse(line).operation).toMatch(/^x{100}…\[cut: 899900 more characters\]$/);
  const metrics = await (await fetch(`${api.url}/metrics`)).text();
  expect(metrics).toMatch(/^graphql_requests_total\{operation="other",outcome="error"\} 1$/m);
  expect(metrics).not.toContain('xxxxxxxxxx');
});

test('2,000 slow sockets: the server closes every one, and a one-node lookup still answers meanwhile', async () => {
  // The defaults but a short headers timeout and room for all 2,000 (HTTP_MAX_CONNECTIONS, 1,000 by
  // default, would close half of them at once: tests/integration/http-limits.int.test.ts).
  const api = await start({ httpServer: { ...DEFAULTS.httpServer, headersTimeoutMs: 3_000, requestTimeoutMs: 6_000, maxConnections: 4_000 } });
  const port = Number(new URL(api.url).port);
  expect((await post(api, { query: LOOKUP })).status).toBe(200);
  const before = process.memoryUsage().rss;
  const sockets: { socket: Socket; closed: Promise<void> }[] = [];
  for (let i = 0; i < 2_000; i += 1) {
    const socket = connect(port, '127.0.0.1', () => socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nX-Padding: ${'p'.repeat(200)}`));
    socket.on('error', () => undefined);
    // Reading (and dropping) what arrives is how the socket learns the server closed it.
    socket.resume();
    sockets.push({ socket, closed: new Promise((resolve) => socket.on('close', () => resolve())) });
  }
  const during = await post(api, { query: LOOKUP });
  expect(during.status).toBe(200);
  expect(await during.json()).toEqual({ data: { actor: { name: 'Vladimir Putin' } } });
  const peak = process.memoryUsage().rss;
  // Never closed by the client: only the server's headers timeout ends them.
  await Promise.all(sockets.map((s) => s.closed));
  expect(sockets.every((s) => s.socket.destroyed)).toBe(true);
  const after = process.memoryUsage().rss;
  console.log(
    `attacks-http: 2,000 slow sockets: RSS ${mb(before)} before, ${mb(peak)} while held, ${mb(after)} after the server closed them (test process, both ends)`,
  );
  expect((await post(api, { query: LOOKUP })).status).toBe(200);
});

test('a burst beyond the rate limit from one client: it gets 429s, another client is unaffected', async () => {
  const api = await start({});
  const { burst, maxConcurrent } = DEFAULTS.clientLimits;
  const as = (key: string) => post(api, { query: LOOKUP }, { 'x-api-key': key });
  const limitOf = async (r: Response) =>
    r.status === 429 ? ((await r.json()) as { errors: { extensions: { code: string; limit: string } }[] }).errors[0].extensions : null;
  // Alpha sends three times its burst at once: every request takes a token as it arrives (those
  // turned away for concurrency too), so the bucket runs dry whatever the machine's speed.
  const alpha = await Promise.all(Array.from({ length: burst * 3 }, () => as(ALPHA_KEY)));
  const refusals = await Promise.all(alpha.map(limitOf));
  const byLimit = (limit: string) => refusals.filter((r) => r?.limit === limit).length;
  const answered = alpha.filter((r) => r.status === 200).length;
  // Beta, meanwhile out of budget on alpha's side, has all of its own.
  const beta = await Promise.all(Array.from({ length: maxConcurrent }, () => as(BETA_KEY)));
  console.log(
    `attacks-http: burst of ${alpha.length} from alpha: ${answered} answered, ${byLimit('RATE_LIMIT_PER_MINUTE')} refused by the rate, ${byLimit('MAX_CONCURRENT_PER_CLIENT')} by concurrency; beta ${beta.filter((r) => r.status === 200).length}/${beta.length} answered`,
  );
  expect(alpha.every((r) => r.status === 200 || r.status === 429)).toBe(true);
  expect(refusals.every((r) => r === null || r.code === 'RATE_LIMITED')).toBe(true);
  expect(byLimit('RATE_LIMIT_PER_MINUTE')).toBeGreaterThan(0);
  // The burst, plus whatever refilled while the 300 arrived (10 a second by default).
  expect(answered).toBeGreaterThan(0);
  expect(answered).toBeLessThan(alpha.length);
  expect(beta.map((r) => r.status)).toEqual(Array(maxConcurrent).fill(200));
  expect(await Promise.all(beta.map((r) => r.json()))).toEqual(Array(maxConcurrent).fill({ data: { actor: { name: 'Vladimir Putin' } } }));
});
