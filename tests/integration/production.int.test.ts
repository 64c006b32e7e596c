/**
 * NODE_ENV=production as a client sees it: no introspection, no schema hints in error messages,
 * no playground, CSRF prevention, internal errors reduced to a code and a request id (the details
 * only in the log, under that id), and security headers on the HTML pages.
 */
import { createHash } from 'node:crypto';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/driver';
import { openTestDatabase } from '../helpers/test-database';
import { type TestServer, startTestServer } from '../helpers/test-server';

const production = loadConfig({ NODE_ENV: 'production' });
const INTROSPECTION = '{ __schema { queryType { name } } }';

let db: Database;
let api: TestServer;
const log: string[] = [];
beforeAll(async () => {
  db = openTestDatabase();
  api = await startTestServer(db, log, { limits: production.limits, exposure: production.exposure });
});
afterAll(async () => {
  await api?.close();
  await db?.driver.close();
});

const page = (url: string, path: string) => fetch(`${url}${path}`, { headers: { accept: 'text/html' } });

test("introspection is refused, naming the setting that allows it rather than Apollo's", async () => {
  const response = await api.gql(INTROSPECTION);
  expect(response.data).toBeUndefined();
  expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  expect(response.errors?.[0].message).toMatch(/introspection is not allowed/i);
  expect(response.errors?.[0].message).toContain('GRAPHQL_INTROSPECTION=true');
  expect(response.errors?.[0].message).not.toMatch(/Apollo|pass introspection/);
});

test("a misspelt field is refused without suggesting the schema's names", async () => {
  const response = await api.gql('{ actorz { nodes { id } } }');
  expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(response.errors?.[0].message).not.toMatch(/did you mean/i);
  expect(JSON.stringify(response.errors)).not.toContain('actors');
});

test("a variable with a wrong enum value or an unknown input field is refused without suggesting the schema's names", async () => {
  const query = 'query ($w: ActorWhere) { actors(where: $w) { nodes { id } } }';
  const kind = await api.gql(query, { w: { kind: 'PERSN' } });
  expect(kind.status).toBe(400);
  expect(kind.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(kind.errors?.[0].message).not.toMatch(/did you mean/i);
  expect(JSON.stringify(kind.errors)).not.toContain('PERSON');
  const field = await api.gql(query, { w: { nam: 'Sybiha' } });
  expect(field.status).toBe(400);
  expect(field.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(field.errors?.[0].message).not.toMatch(/did you mean/i);
  expect(JSON.stringify(field.errors)).not.toContain('"name"');
});

test('the playground is off: GET / is 404 and GET /graphql from a browser gets no page', async () => {
  const root = await page(api.url, '/');
  expect(root.status).toBe(404);
  expect(await root.json()).toEqual({ error: expect.stringContaining('PLAYGROUND=true') });
  const graphql = await page(api.url, '/graphql');
  expect(graphql.headers.get('content-type')).not.toContain('text/html');
  expect(graphql.status).toBe(400);
});

test('CSRF prevention: a GET operation without a preflight-forcing header is refused; with one it is served', async () => {
  const bare = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
  expect(bare.status).toBe(400);
  expect(await bare.text()).toMatch(/CSRF/);
  const withHeader = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
  expect(withHeader.status).toBe(200);
  expect(await withHeader.json()).toEqual({ data: { __typename: 'Query' } });
});

test('every GraphQL response carries an x-request-id', async () => {
  const first = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
  const second = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{"}' });
  expect(first.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
});

describe('an internal error', () => {
  let broken: TestServer;
  let brokenDb: Database;
  const brokenLog: string[] = [];
  beforeAll(async () => {
    // A database name the server does not have: every statement fails with a Neo4j client error.
    brokenDb = { ...openTestDatabase(), database: 'nosuchdatabase' };
    broken = await startTestServer(brokenDb, brokenLog, { limits: production.limits, exposure: production.exposure });
  });
  afterAll(async () => {
    await broken?.close();
    await brokenDb?.driver.close();
  });

  test('reaches the client as a code and a request id, and the log as the details under that id', async () => {
    const response = await fetch(`${broken.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actor(id: "actor:vladimir-putin") { name } }' }),
    });
    const body = (await response.json()) as { errors: unknown[] };
    const requestId = response.headers.get('x-request-id');
    expect(body.errors).toEqual([
      { message: 'Internal server error.', locations: [{ line: 1, column: 3 }], path: ['actor'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } },
    ]);
    const text = JSON.stringify(body);
    for (const leak of ['MATCH', 'Neo4j', 'nosuchdatabase', 'at ', '.ts:']) expect(text).not.toContain(leak);
    const line = brokenLog.find((l) => l.includes(requestId!));
    expect(line).toMatch(/internal error in request [0-9a-f-]{36} at actor: Neo4jError/);
    // At error level, so an alert on errors sees it.
    expect(JSON.parse(line!)).toMatchObject({ level: 50, component: 'graphql' });
  });
});

describe('opted back in', () => {
  let open: TestServer;
  const config = loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', PLAYGROUND: 'true' });
  beforeAll(async () => {
    open = await startTestServer(db, [], { limits: config.limits, exposure: config.exposure });
  });
  afterAll(() => open?.close());

  test('GRAPHQL_INTROSPECTION=true allows introspection', async () => {
    expect(await open.data(INTROSPECTION)).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  test.each(['/', '/graphql', '/dashboard'])('PLAYGROUND=true serves the page at %s with security headers', async (path) => {
    const response = await page(open.url, path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  test("the playground's one inline script is the one its CSP hash allows", async () => {
    const response = await page(open.url, '/');
    const html = await response.text();
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]).digest('base64');
    expect(response.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
  });
});
