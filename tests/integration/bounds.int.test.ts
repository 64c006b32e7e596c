/**
 * The bounds on the work a request asks for, as a client meets them over HTTP: filters measured
 * with variables applied, the number of expensive fields, the statement size, and the work queue
 * that keeps cheap requests answered while expensive ones wait or are refused with SERVER_BUSY
 * (HTTP 429 and Retry-After). Legitimate filters, the operations in the README and docs/ and the
 * playground's examples stay under every bound.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { createAuthenticator } from '../../src/auth/authenticator';
import { defaultLimits } from '../../src/config';
import { PROJECT_ROOT } from '../../src/paths';
import type { Ticket } from '../../src/limits/work-queue';
import { EXAMPLES } from '../../src/playground/examples';
import { deepNot, wideOr } from '../helpers/filters';
import { openTestDatabase } from '../helpers/test-database';
import { type TestServer, startTestServer, useTestApi } from '../helpers/test-server';

const t = useTestApi();
const limits = defaultLimits();
const BY_VARIABLE = 'query ($w: ActorWhere) { actors(where: $w) { nodes { id } } }';
const LOOKUP = '{ actor(id: "actor:andrii-sybiha") { id name } }';
const LOOKED_UP = { actor: { id: 'actor:andrii-sybiha', name: 'Andrii Sybiha' } };
const SEARCH = '{ search(text: "Sybiha") { nodes { node { id } } } }';

function expectRefusal(response: Awaited<ReturnType<TestServer['gql']>>, code: string, limit: string, max: number): void {
  expect(response.status).toBe(400);
  expect(response.data).toBeUndefined();
  expect(response.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code, limit, max, value: expect.any(Number) }) })]);
  expect(response.errors![0].message).toContain(limit);
  expect(response.errors![0].extensions!.value as number).toBeGreaterThan(max);
}

describe('filters are bounded after variables are applied', () => {
  test.each([
    ['nested deeper than GRAPHQL_MAX_FILTER_DEPTH', deepNot(limits.maxFilterDepth), 'FILTER_TOO_DEEP', 'GRAPHQL_MAX_FILTER_DEPTH', limits.maxFilterDepth],
    [
      'with more branches than GRAPHQL_MAX_FILTER_BRANCHES',
      wideOr(limits.maxFilterBranches + 1),
      'FILTER_TOO_WIDE',
      'GRAPHQL_MAX_FILTER_BRANCHES',
      limits.maxFilterBranches,
    ],
    [
      'with more fields than GRAPHQL_MAX_FILTER_FIELDS',
      { AND: Array.from({ length: 13 }, () => ({ name: 'a', kind: 'PERSON', id: 'x', meetingId: 'y', positionId: 'z', metActorId: 'w', NOT: { name: 'b' } })) },
      'FILTER_TOO_LARGE',
      'GRAPHQL_MAX_FILTER_FIELDS',
      limits.maxFilterFields,
    ],
  ])('a filter in a variable %s is refused before it runs', async (_name, where, code, limit, max) => {
    expectRefusal(await t.api.gql(BY_VARIABLE, { w: where }), code, limit, max);
  });

  test('a filter written inline is bounded the same way', async () => {
    let inline = '{ name: "a" }';
    for (let i = 0; i < limits.maxFilterDepth; i++) inline = `{ NOT: ${inline} }`;
    expectRefusal(await t.api.gql(`{ actors(where: ${inline}) { nodes { id } } }`), 'FILTER_TOO_DEEP', 'GRAPHQL_MAX_FILTER_DEPTH', limits.maxFilterDepth);
  });

  test('a filter at the bounds runs and answers correctly', async () => {
    // Depth 8: seven NOTs around a name filter, an odd number, so it matches every actor without "sybiha" in its names.
    let where: Record<string, unknown> = { name: 'sybiha' };
    for (let i = 0; i < limits.maxFilterDepth - 1; i++) where = { NOT: where };
    const deep = await t.api.data(BY_VARIABLE, { w: where });
    const ids = deep.actors.nodes.map((n: { id: string }) => n.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).not.toContain('actor:andrii-sybiha');
    const notSybiha = await t.api.data(BY_VARIABLE, { w: { NOT: { name: 'sybiha' } } });
    expect(ids).toEqual(notSybiha.actors.nodes.map((n: { id: string }) => n.id));
    // 20 branches: an OR of ids finds exactly those that exist.
    const or = {
      OR: [
        { id: 'actor:andrii-sybiha' },
        { id: 'actor:vladimir-putin' },
        ...Array.from({ length: limits.maxFilterBranches - 2 }, (_, i) => ({ id: `actor:none-${i}` })),
      ],
    };
    const wide = await t.api.data(BY_VARIABLE, { w: or });
    expect(wide.actors.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['actor:andrii-sybiha', 'actor:vladimir-putin']);
  });

  test('every use of a filter counts: the same variable in many aliases is refused by its total', async () => {
    const aliased = `query ($w: ActorWhere) { ${Array.from({ length: 3 }, (_, i) => `a${i}: actors(where: $w) { nodes { id } }`).join(' ')} }`;
    expectRefusal(await t.api.gql(aliased, { w: wideOr(10) }), 'FILTER_TOO_WIDE', 'GRAPHQL_MAX_FILTER_BRANCHES', limits.maxFilterBranches);
  });
});

test(`more than GRAPHQL_MAX_EXPENSIVE_FIELDS (${limits.maxExpensiveFields}) expensive fields are refused; that many are answered`, async () => {
  const fields = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: search(text: "Sybiha") { totalCount }`).join(' ')} }`;
  expectRefusal(await t.api.gql(fields(limits.maxExpensiveFields + 1)), 'TOO_MANY_EXPENSIVE_FIELDS', 'GRAPHQL_MAX_EXPENSIVE_FIELDS', limits.maxExpensiveFields);
  const answered = await t.api.gql(fields(limits.maxExpensiveFields));
  expect(answered.errors).toBeUndefined();
  expect(answered.data.s0.totalCount).toBeGreaterThan(0);
});

test('the playground examples and the operations in the README and docs/ stay under every bound', async () => {
  const BOUND_CODES = ['FILTER_TOO_DEEP', 'FILTER_TOO_WIDE', 'FILTER_TOO_LARGE', 'TOO_MANY_EXPENSIVE_FIELDS', 'STATEMENT_TOO_LARGE', 'SERVER_BUSY'];
  for (const example of EXAMPLES) {
    const response = await t.api.gql(example.query, example.variables ? JSON.parse(example.variables) : undefined);
    expect({ title: example.title, errors: response.errors }).toEqual({ title: example.title, errors: undefined });
  }
  const docs = [
    'README.md',
    ...readdirSync(join(PROJECT_ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join('docs', f)),
  ];
  const markdown = docs.map((file) => readFileSync(join(PROJECT_ROOT, file), 'utf8')).join('\n');
  const operations = [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]).filter((op) => /^\s*(query|\{)/m.test(op));
  expect(operations.length).toBeGreaterThanOrEqual(3);
  for (const text of operations) {
    let document;
    try {
      document = parse(text);
    } catch {
      continue; // a snippet, not a whole operation
    }
    if (!document.definitions.every((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query')) continue;
    const response = await t.api.gql(text);
    expect(response.errors?.map((e) => e.extensions?.code).filter((code) => BOUND_CODES.includes(code as string)) ?? []).toEqual([]);
  }
});

test('outside production, variable errors keep their suggestions (production drops them: production.int.test.ts)', async () => {
  const response = await t.api.gql(BY_VARIABLE, { w: { kind: 'PERSN' } });
  expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(response.errors?.[0].message).toMatch(/Did you mean the enum value "PERSON"\?/);
});

describe('the statement bound', () => {
  let small: TestServer;
  const db = openTestDatabase();
  beforeAll(async () => {
    small = await startTestServer(db, [], { limits: { ...limits, maxStatementBytes: 1_000 } });
  });
  afterAll(async () => {
    await small?.close();
    await db.driver.close();
  });

  test('a read larger than STATEMENT_MAX_BYTES is refused with STATEMENT_TOO_LARGE before it is sent; a small one is answered', async () => {
    expect(await small.data(LOOKUP)).toEqual(LOOKED_UP);
    const response = await small.gql(
      '{ actors(where: { OR: [{ name: "a" }, { name: "b" }, { name: "c" }] }, orderBy: { field: DEGREE }) { totalCount nodes { id } } }',
    );
    expect(response.errors).toEqual([
      expect.objectContaining({
        path: ['actors'],
        extensions: expect.objectContaining({ code: 'STATEMENT_TOO_LARGE', limit: 'STATEMENT_MAX_BYTES', max: 1_000 }),
      }),
    ]);
  });
});

describe('the work queue', () => {
  let api: TestServer;
  const db = openTestDatabase();
  const BOT_KEY = 'bounds-test-bot-key-0123456789abcdef';
  const held: Ticket[] = [];
  beforeAll(async () => {
    api = await startTestServer(db, [], {
      limits: { ...limits, queue: { maxConcurrent: 1, maxQueued: 3, maxPerClient: 2, maxWaitMs: 60_000 } },
      auth: createAuthenticator({ jwt: null, reads: 'open', apiKeys: [{ name: 'bot', roles: ['reader'], key: BOT_KEY }] }),
    });
  });
  afterEach(() => {
    for (const ticket of held.splice(0)) ticket.leave();
  });
  afterAll(async () => {
    await api?.close();
    await db.driver.close();
  });
  /** Takes the only running place, as a long expensive operation of another client would. */
  const occupy = () => held.push(api.work.enter('someone-else'));
  const waitingCount = async (n: number) => {
    while (api.work.load.waiting < n) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  test('while expensive work holds every place, an expensive request waits and a cheap one is answered; the waiting one is answered once a place frees', async () => {
    occupy();
    const search = api.gql(SEARCH);
    await waitingCount(1);
    expect(await api.data(LOOKUP)).toEqual(LOOKED_UP);
    expect(api.work.load).toEqual({ running: 1, waiting: 1 });
    held.pop()!.leave();
    const answered = await search;
    expect(answered.errors).toBeUndefined();
    expect(answered.data.search.nodes.map((n: { node: { id: string } }) => n.node.id)).toContain('actor:andrii-sybiha');
    expect(api.work.load).toEqual({ running: 0, waiting: 0 });
  });

  test('one client may hold EXPENSIVE_MAX_PER_CLIENT places; beyond that it gets 429 SERVER_BUSY with Retry-After, and another client still gets in', async () => {
    occupy();
    const first = api.gql(SEARCH);
    const second = api.gql(SEARCH);
    await waitingCount(2);
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SEARCH }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('60');
    const body = (await response.json()) as { errors: unknown[] };
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'SERVER_BUSY', limit: 'EXPENSIVE_MAX_PER_CLIENT', retryAfterSeconds: 60 }) }),
    ]);
    // The bot is another client: it takes the last queue place.
    const bot = api.gql(SEARCH, undefined, { 'x-api-key': BOT_KEY });
    await waitingCount(3);
    const full = await api.gql(SEARCH, undefined, { 'x-api-key': BOT_KEY });
    expect(full.status).toBe(429);
    expect(full.errors?.[0].extensions).toMatchObject({ code: 'SERVER_BUSY', limit: 'EXPENSIVE_MAX_QUEUED' });
    held.pop()!.leave();
    for (const answered of await Promise.all([first, second, bot])) expect(answered.errors).toBeUndefined();
  });

  test('/export waits in the same queue and is refused with 429 SERVER_BUSY when it cannot', async () => {
    occupy();
    for (let i = 0; i < 3; i++) held.push(api.work.enter(`queued-${i}`));
    const busy = await fetch(`${api.url}/export?format=cytoscape`);
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('60');
    expect(await busy.json()).toMatchObject({ code: 'SERVER_BUSY', limit: 'EXPENSIVE_MAX_QUEUED' });
    for (const ticket of held.splice(0)) ticket.leave();
    const served = await fetch(`${api.url}/export?format=cytoscape`);
    expect(served.status).toBe(200);
    expect(((await served.json()) as { elements: { nodes: unknown[] } }).elements.nodes.length).toBeGreaterThan(0);
    expect(api.work.load).toEqual({ running: 0, waiting: 0 });
  });

  test('an expensive request that waits longer than EXPENSIVE_MAX_WAIT_MS gets SERVER_BUSY, and its place is freed', async () => {
    const quick = await startTestServer(db, [], { limits: { ...limits, queue: { maxConcurrent: 1, maxQueued: 3, maxPerClient: 2, maxWaitMs: 200 } } });
    try {
      const blocker = quick.work.enter('someone-else');
      const response = await quick.gql(SEARCH);
      expect(response.status).toBe(429);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'SERVER_BUSY', limit: 'EXPENSIVE_MAX_WAIT_MS', retryAfterSeconds: 1 });
      expect(quick.work.load).toEqual({ running: 1, waiting: 0 });
      blocker.leave();
    } finally {
      await quick.close();
    }
  });

  test('a refused or failed expensive request gives its place back', async () => {
    // A search refused by argument validation inside the resolver, and one refused by a limit.
    expect((await api.gql('{ search(text: "x", first: 1000) { totalCount } }')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(`query ($w: ActorWhere) { search(text: "x") { totalCount } actors(where: $w) { totalCount } }`, { w: deepNot(50) })).status).toBe(
      400,
    );
    expect(api.work.load).toEqual({ running: 0, waiting: 0 });
    expect((await api.gql(SEARCH)).errors).toBeUndefined();
  });
});
