/**
 * What operators see: JSON request logs with the request id and operation name, the id echoed in
 * the response, slow operations logged as warnings, and Prometheus metrics at /metrics.
 */
import { openTestDatabase } from '../helpers/test-database';
import { type TestServer, startTestServer } from '../helpers/test-server';
import type { Database } from '../../src/db/driver';

let db: Database;
const lines: string[] = [];
const slowLines: string[] = [];
let api: TestServer;
let slowApi: TestServer;

beforeAll(async () => {
  db = openTestDatabase();
  // A threshold no request reaches on a busy machine, so this server's requests log at info.
  api = await startTestServer(db, lines, { slowQueryMs: 600_000 });
  slowApi = await startTestServer(db, slowLines, { slowQueryMs: 0 });
});
afterAll(async () => {
  await api?.close();
  await slowApi?.close();
  await db?.driver.close();
});

const post = (server: TestServer, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const records = (from: string[]) => from.map((line) => JSON.parse(line) as Record<string, unknown>);

test('a sane x-request-id is echoed and logged with the operation name and database figures', async () => {
  const response = await post(api, { query: 'query TwoActors { actors(first: 2) { nodes { id } } }' }, { 'x-request-id': 'trace-abc.123' });
  expect(response.status).toBe(200);
  expect(response.headers.get('x-request-id')).toBe('trace-abc.123');
  const record = records(lines).find((r) => r.requestId === 'trace-abc.123');
  expect(record).toMatchObject({ level: 30, operation: 'TwoActors', msg: 'graphql request', roundTrips: expect.any(Number), dbTimeMs: expect.any(Number) });
  expect(record!.roundTrips).toBeGreaterThan(0);
});

test.each([
  ['absent', undefined],
  ['too long', 'x'.repeat(200)],
  ['with odd characters', 'a b"<script>'],
])('an x-request-id %s is replaced by a fresh one', async (_name, incoming) => {
  const response = await post(api, { query: '{ actors(first: 1) { totalCount } }' }, incoming === undefined ? {} : { 'x-request-id': incoming });
  const id = response.headers.get('x-request-id');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(records(lines).find((r) => r.requestId === id)).toMatchObject({ operation: null });
});

test('errors are logged with their codes', async () => {
  const response = await post(api, { query: 'query Broken { nope }' }, { 'x-request-id': 'broken-1' });
  expect(response.status).toBe(400);
  expect(records(lines).find((r) => r.requestId === 'broken-1')).toMatchObject({ errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
});

test('a request slower than the slow-query threshold is logged as a warning naming its operation', async () => {
  await post(slowApi, { query: 'query SlowOne { actors(first: 1) { totalCount } }' }, { 'x-request-id': 'slow-1' });
  expect(records(slowLines).find((r) => r.requestId === 'slow-1')).toMatchObject({
    level: 40,
    slow: true,
    operation: 'SlowOne',
    msg: expect.stringMatching(/^slow operation SlowOne: \d+ ms$/),
  });
});

test('GET /metrics counts requests by operation (the shipped ones) and outcome, errors by code, latency and database use', async () => {
  const before = await (await fetch(`${api.url}/metrics`)).text();
  const count = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  // DashboardStats is one of the dashboard's operations, so it has a label of its own.
  const ok = /^graphql_requests_total\{operation="DashboardStats",outcome="ok"\} (\d+)$/m;
  const failed = /^graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} (\d+)$/m;
  await post(api, { query: 'query DashboardStats { actors(first: 1) { totalCount } }' });
  await post(api, { query: 'query DashboardStats { actors(first: 1) { totalCount } }' });
  await post(api, { query: '{ nope }' });
  const response = await fetch(`${api.url}/metrics`);
  const after = await response.text();
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  expect(count(after, ok) - count(before, ok)).toBe(2);
  expect(count(after, failed) - count(before, failed)).toBe(1);
  expect(after).toMatch(/^graphql_request_duration_seconds_count\{operation="DashboardStats"\} 2$/m);
  expect(after).toMatch(/^graphql_db_round_trips_count\{operation="DashboardStats"\} 2$/m);
  expect(after).toMatch(/^graphql_db_time_seconds_sum\{operation="DashboardStats"\} \d/m);
  expect(after).toMatch(/^neo4j_transactions_in_flight 0$/m);
  expect(after).toMatch(/^process_resident_memory_bytes \d+/m);
});
