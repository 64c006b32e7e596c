/**
 * How the API behaves at its edges: paging with cursors, bad arguments, unknown ids, a database
 * that is down, the health endpoints, and the playground and dashboard pages a browser opens.
 */
import { createDatabase } from '../../src/db/driver';
import { freePort } from '../../src/db/local-neo4j';
import { EXAMPLES } from '../../src/playground/examples';
import { ensureDashboardBuilt } from '../helpers/browser';
import { testDatabaseSettings } from '../helpers/test-database';
import { startTestServer, useTestApi } from '../helpers/test-server';

const t = useTestApi();

const PAGE = `query ($first: Int, $after: String) {
  actors(first: $first, after: $after) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage endCursor } }
}`;

test('paging through actors with cursors visits each actor once, in name order', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const { actors }: { actors: any } = await t.api.data(PAGE, { first: 7, after });
    seen.push(...actors.edges.map((e: { node: { name: string } }) => e.node.name));
    expect(actors.pageInfo.hasPreviousPage).toBe(after !== null);
    pages += 1;
    if (!actors.pageInfo.hasNextPage) break;
    after = actors.pageInfo.endCursor;
  }
  const { actors: all } = await t.api.data(PAGE, { first: 100 });
  expect(pages).toBe(Math.ceil(all.totalCount / 7));
  expect(seen).toEqual(all.edges.map((e: { node: { name: string } }) => e.node.name));
  expect(new Set(seen).size).toBe(all.totalCount);
  expect([...seen].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(seen);
});

test('the default page size is 20, and first: 0 returns only the count', async () => {
  const { actors } = await t.api.data('{ actors { totalCount nodes { id } pageInfo { hasNextPage } } }');
  expect(actors.nodes).toHaveLength(20);
  const zero = await t.api.data('{ actors(first: 0) { totalCount nodes { id } pageInfo { hasNextPage } } }');
  expect(zero.actors).toEqual({ totalCount: actors.totalCount, nodes: [], pageInfo: { hasNextPage: true } });
});

test('bad paging arguments are BAD_USER_INPUT errors that say what is wrong', async () => {
  for (const [variables, argument] of [
    [{ first: -1 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ first: 5, after: 'not-a-cursor' }, 'after'],
    [{ first: 5, after: Buffer.from('{"a":1}').toString('base64url') }, 'after'],
  ] as const) {
    const response = await t.api.gql(PAGE, variables);
    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument }, message: expect.stringContaining(argument) }),
    ]);
  }
});

test('unknown ids are null, and an id of another type is null too', async () => {
  const data = await t.api.data(`{
    actor(id: "actor:nobody") { id }
    node(id: "nothing:here") { id }
    meeting(id: "actor:andrii-sybiha") { id }
    location(id: "actor:vladimir-putin") { id }
  }`);
  expect(data).toEqual({ actor: null, node: null, meeting: null, location: null });
});

test('invalid documents are refused with a GraphQL validation code', async () => {
  const response = await t.api.gql('{ actor(id: "actor:andrii-sybiha") { salary } }');
  expect(response.status).toBe(400);
  expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

test('every playground example runs without errors against the seeded graph', async () => {
  for (const example of EXAMPLES) {
    const response = await t.api.gql(example.query, example.variables ? JSON.parse(example.variables) : undefined);
    expect({ title: example.title, errors: response.errors }).toEqual({ title: example.title, errors: undefined });
  }
});

test('healthz and readyz answer 200 while the database is up', async () => {
  const health = await fetch(`${t.api.url}/healthz`);
  expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
  const ready = await fetch(`${t.api.url}/readyz`);
  expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
});

test('with the database down: readyz is 503 and queries fail with DATABASE_UNAVAILABLE, no stack trace', async () => {
  const down = createDatabase({ uri: `bolt://127.0.0.1:${await freePort()}`, user: 'neo4j', password: '' });
  const log: string[] = [];
  const offline = await startTestServer(down, log);
  try {
    const ready = await fetch(`${offline.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not ready' });
    const health = await fetch(`${offline.url}/healthz`);
    expect(health.status).toBe(200);

    const response = await offline.gql('{ actor(id: "actor:andrii-sybiha") { name } }');
    expect(response.data).toEqual({ actor: null });
    expect(response.errors).toEqual([
      {
        message: 'The graph database is not reachable at the moment. Try again shortly.',
        path: ['actor'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true },
      },
    ]);
  } finally {
    await offline.close();
    await down.driver.close();
  }
});

test('the playground page opens from /graphql and / for a browser, and loads nothing from other hosts', async () => {
  for (const path of ['/', '/graphql']) {
    const page = await fetch(`${t.api.url}${path}`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(references.length).toBeGreaterThanOrEqual(4);
    for (const reference of references) {
      expect(reference.startsWith('/')).toBe(true);
      const asset = await fetch(`${t.api.url}${reference}`);
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  }
});

test('the dashboard page and its bundle are served from this service, with nothing from other hosts', async () => {
  ensureDashboardBuilt();
  for (const path of ['/dashboard', '/dashboard/']) {
    const page = await fetch(`${t.api.url}${path}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    for (const panel of ['stats', 'top-actors', 'co-occurrence', 'timeline', 'stance-matrix', 'graph']) expect(html).toContain(`id="${panel}"`);
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(references).toEqual(expect.arrayContaining(['/dashboard/dashboard.css', '/dashboard/dashboard.js']));
    for (const reference of references) expect(reference.startsWith('/')).toBe(true);
  }
  for (const [asset, type] of [
    ['/dashboard/dashboard.js', 'text/javascript'],
    ['/dashboard/dashboard.css', 'text/css'],
  ]) {
    const response = await fetch(`${t.api.url}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(type);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  }
  expect((await fetch(`${t.api.url}/dashboard/nope.js`)).status).toBe(404);
  expect((await fetch(`${t.api.url}/dashboard`, { method: 'POST' })).status).toBe(405);
});

test('unknown paths are 404 and oversized bodies are 413', async () => {
  expect((await fetch(`${t.api.url}/nope`)).status).toBe(404);
  const big = await fetch(`${t.api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ actors { totalCount } } # ${'x'.repeat(1_100_000)}` }),
  });
  expect(big.status).toBe(413);
});

test('a neo4j:// routing URI works: reads go through the routing table to a reader', async () => {
  const settings = testDatabaseSettings();
  const routed = createDatabase({ ...settings, uri: settings.uri.replace(/^bolt:/, 'neo4j:') });
  const routedApi = await startTestServer(routed);
  try {
    const data = await routedApi.data('{ actor(id: "actor:andrii-sybiha") { name positions { position { title } } } }');
    expect(data.actor).toEqual({ name: 'Andrii Sybiha', positions: [{ position: { title: 'Minister for foreign affairs of Ukraine' } }] });
    const ready = await fetch(`${routedApi.url}/readyz`);
    expect(ready.status).toBe(200);
  } finally {
    await routedApi.close();
    await routed.driver.close();
  }
});
