/**
 * The request limits as a client meets them over HTTP: each refusal comes before anything runs,
 * with HTTP 400 (413 for a body too large), a code, and a message naming the limit and the value;
 * batched requests are refused; and a statement that runs past the query timeout is stopped by
 * Neo4j and reported as QUERY_TIMEOUT.
 */
import { SignJWT } from 'jose';
import { createAuthenticator } from '../../src/auth/authenticator';
import { defaultLimits } from '../../src/config';
import { type Database, read } from '../../src/db/driver';
import { isQueryTimeout } from '../../src/db/errors';
import { openTestDatabase } from '../helpers/test-database';
import { type TestServer, startTestServer, useTestApi } from '../helpers/test-server';

const t = useTestApi();
const limits = defaultLimits();

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

function nested(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i++)
    selection = `meetingsConnection(first: 1) { nodes { participantsConnection(first: 1) { nodes { actor { ${selection} } } } } }`;
  return `{ actors(first: 1) { nodes { ${selection} } } }`;
}

test.each([
  ['too deep', 'QUERY_TOO_DEEP', nested(4), 'GRAPHQL_MAX_DEPTH', limits.maxDepth],
  [
    'too many aliases',
    'TOO_MANY_ALIASES',
    `{ ${Array.from({ length: limits.maxAliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    'GRAPHQL_MAX_ALIASES',
    limits.maxAliases,
  ],
  [
    'too many directives',
    'TOO_MANY_DIRECTIVES',
    `{ ${'__typename @include(if: true) '.repeat(limits.maxDirectives + 1)}}`,
    'GRAPHQL_MAX_DIRECTIVES',
    limits.maxDirectives,
  ],
  [
    'too costly',
    'QUERY_TOO_COMPLEX',
    '{ actors(first: 100) { nodes { meetingsConnection(first: 100) { nodes { participantsConnection(first: 100) { nodes { actor { meetingsConnection(first: 100) { nodes { id } } } } } } } } } }',
    'GRAPHQL_MAX_COST',
    limits.maxCost,
  ],
])('an operation %s is refused with %s before it runs', async (_name, code, query, limit, max) => {
  const response = await t.api.gql(query);
  expect(response.status).toBe(400);
  expect(response.data).toBeUndefined();
  expect(response.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code, limit, max, value: expect.any(Number) }) })]);
  const { message, extensions } = response.errors![0];
  expect(message).toContain(limit);
  expect(message).toContain(String(max));
  expect(message).toContain(String(extensions!.value));
  expect(extensions!.value as number).toBeGreaterThan(max);
});

test('a document with more tokens than GRAPHQL_MAX_TOKENS is refused by the parser with TOO_MANY_TOKENS', async () => {
  const response = await t.api.gql(`{ ${'__typename '.repeat(limits.maxTokens)}}`);
  expect(response.status).toBe(400);
  expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'TOO_MANY_TOKENS', max: limits.maxTokens } })]);
  expect(response.errors![0].message).toContain(`GRAPHQL_MAX_TOKENS is ${limits.maxTokens}`);
});

test('the limits count variables: `first` sent as a variable multiplies the cost', async () => {
  const query =
    'query ($n: Int) { actors(first: $n) { nodes { meetingsConnection(first: $n) { nodes { participantsConnection(first: $n) { nodes { actor { meetingsConnection(first: $n) { nodes { id } } } } } } } } } }';
  expect((await t.api.gql(query, { n: 2 })).errors).toBeUndefined();
  expect((await t.api.gql(query, { n: 100 })).errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
});

test('plain link lists count as many items as they hold on average, so a natural nested question is answered, in one round trip', async () => {
  // Counted at their largest (100 items each), these four levels were refused with an estimated cost of 20.6 million.
  const query = '{ actors(first: 20) { nodes { name meetings { name participants { actor { name statements { text } } } } } } }';
  const response = await t.api.gql(query, {}, { 'x-debug-db': '1' });
  expect(response.errors).toBeUndefined();
  expect(response.extensions?.db.roundTrips).toBe(1);
  // Each actor meets itself among its meetings' participants, with its own statements.
  const actor = response.data.actors.nodes.find((a: any) => a.meetings.length > 0);
  const itself = actor.meetings[0].participants.find((p: any) => p.actor.name === actor.name);
  const alone = await t.api.data('query($name: String!) { actors(where: { name: $name }, first: 1) { nodes { statements { text } } } }', { name: actor.name });
  expect(itself.actor.statements).toEqual(alone.actors.nodes[0].statements);
  expect(response.data.actors.nodes).toHaveLength(20);
});

test('reads past GRAPHQL_MAX_ROWS are refused as they run with RESULT_TOO_LARGE, naming the bound', async () => {
  const small = await startTestServer(t.db, [], { limits: { ...limits, maxRows: 30 } });
  try {
    expect((await small.gql('{ actors(first: 5) { nodes { name meetings { name } } } }')).errors).toBeUndefined();
    const response = await small.gql('{ actors(first: 20) { nodes { name meetings { name participants { actor { name } } } } } }');
    expect(response.data?.actors ?? null).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({ path: ['actors'], extensions: expect.objectContaining({ code: 'RESULT_TOO_LARGE', limit: 'GRAPHQL_MAX_ROWS', max: 30 }) }),
    ]);
    expect(response.errors![0].message).toContain('GRAPHQL_MAX_ROWS is 30');
  } finally {
    await small.close();
  }
});

test('a page larger than 100 is refused with BAD_USER_INPUT', async () => {
  const response = await t.api.gql('{ actors(first: 101) { nodes { id } } }');
  expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
});

test('a batched request (a JSON array) is refused with 400 and says why', async () => {
  const response = await post(t.api.url, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
  expect(response.status).toBe(400);
  expect(await response.text()).toMatch(/batching/i);
});

describe('with limits of its own', () => {
  let db: Database;
  let api: TestServer;
  const SECRET = 'limits-test-secret-0123456789abcdef0123';
  beforeAll(async () => {
    db = { ...openTestDatabase(), timeoutMs: 500 };
    const auth = createAuthenticator({ jwt: { algorithm: 'HS256', secret: SECRET }, apiKeys: [], reads: 'open' });
    api = await startTestServer(db, [], { auth, limits: { ...limits, maxBodyBytes: 2_000, queryTimeoutMs: 500 } });
  });
  afterAll(async () => {
    await api?.close();
    await db?.driver.close();
  });

  test('a body over HTTP_MAX_BODY_BYTES gets 413, naming the limit; one under it is served', async () => {
    const padding = (n: number) => JSON.stringify({ query: `{ __typename }${' '.repeat(n)}` });
    const over = await post(api.url, padding(2_000));
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({ error: 'The request body is larger than 2000 bytes (HTTP_MAX_BODY_BYTES).' });
    expect((await post(api.url, padding(1_900))).status).toBe(200);
  });

  test('Neo4j stops a read that runs past the timeout', async () => {
    const error = await read(db, 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n').catch((e: unknown) => e);
    expect(isQueryTimeout(error)).toBe(true);
  });

  test('an operation whose statement runs past the timeout gets QUERY_TIMEOUT, and writes nothing', async () => {
    // Another transaction holds the idempotency key the mutation must claim, so the mutation waits
    // until the database stops it.
    const token = await new SignJWT({ role: 'editor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('tim')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    const session = db.driver.session({ database: db.database });
    const blocker = await session.beginTransaction();
    try {
      await blocker.run('MERGE (k:IdempotencyKey {key: $key})', { key: 'tim\u0000held' });
      const response = await api.gql(
        'mutation { retractFact(id: "statement:none", reason: "timeout test", idempotencyKey: "held") { retractedId } }',
        {},
        { authorization: `Bearer ${token}` },
      );
      expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TIMEOUT', timeoutMs: 500 } })]);
      expect(response.errors![0].message).toContain('QUERY_TIMEOUT_MS');
    } finally {
      await blocker.rollback();
      await session.close();
    }
    expect(await read(db, "MATCH (k:IdempotencyKey) WHERE k.key STARTS WITH 'tim' RETURN k")).toEqual([]);
  }, 30_000);
});
