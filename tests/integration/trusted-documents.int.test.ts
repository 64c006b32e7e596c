/**
 * Trusted documents over real HTTP, against the seeded graph: with TRUSTED_DOCUMENTS=only the
 * service runs the manifest's documents (the dashboard's operations and the playground's
 * examples, by hash) and refuses everything else with OPERATION_NOT_TRUSTED before parsing it;
 * automatic persisted queries cannot register a way in. With `allow` (the default) manifest
 * hashes run without registration and any other document, and APQ, work as before.
 */
import { createHash } from 'node:crypto';
import { getOperationAST, parse } from 'graphql';
import * as dashboard from '../../src/dashboard/gql/graphql';
import type { Database } from '../../src/db/driver';
import { TrustedDocuments } from '../../src/limits/trusted-documents';
import { EXAMPLES } from '../../src/playground/examples';
import { waitUntil, wsClient } from '../helpers/subscriptions';
import { openTestDatabase } from '../helpers/test-database';
import { type TestServer, startTestServer } from '../helpers/test-server';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const manifest = TrustedDocuments.load('only');

let db: Database;
let only: TestServer;
let allow: TestServer;
const onlyLog: string[] = [];
beforeAll(async () => {
  db = openTestDatabase();
  only = await startTestServer(db, onlyLog, { trustedDocuments: 'only' });
  allow = await startTestServer(db, [], { trustedDocuments: 'allow' });
});
afterAll(async () => {
  await only?.close();
  await allow?.close();
  await db?.driver.close();
});

interface Answer {
  status: number;
  data?: any;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

/** POSTs a GraphQL request body as JSON, as any client would. */
async function post(api: TestServer, body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as object) };
}

const byHash = (sha256Hash: string, variables: Record<string, unknown> = {}) => ({ variables, extensions: { persistedQuery: { version: 1, sha256Hash } } });
const hashOf = (document: unknown) => String((document as { __meta__?: { hash?: string } }).__meta__?.hash).replace(/^sha256:/, '');
const nameOf = (query: string) => getOperationAST(parse(query))?.name?.value ?? '';

// The dashboard's operations with the variables the dashboard sends (src/dashboard/app).
const DASHBOARD: [string, unknown, Record<string, unknown>][] = [
  ['DashboardStats', dashboard.DashboardStatsDocument, {}],
  ['DashboardTopActors', dashboard.DashboardTopActorsDocument, { by: 'PAGERANK', first: 10 }],
  ['DashboardCoOccurrence', dashboard.DashboardCoOccurrenceDocument, { first: 15 }],
  ['DashboardTimeline', dashboard.DashboardTimelineDocument, { from: '2022-01', to: '2026-12' }],
  ['DashboardStanceMatrix', dashboard.DashboardStanceMatrixDocument, {}],
  ['DashboardActors', dashboard.DashboardActorsDocument, {}],
  ['DashboardNeighbourhood', dashboard.DashboardNeighbourhoodDocument, { id: 'actor:vladimir-putin', depth: 1, limit: 100 }],
];

describe('TRUSTED_DOCUMENTS=only', () => {
  test.each(DASHBOARD)('the dashboard operation %s runs by the hash the dashboard sends', async (_name, document, variables) => {
    const answer = await post(only, byHash(hashOf(document), variables));
    expect(answer.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(Object.values(answer.data ?? {})[0]).toBeTruthy();
  });

  test.each(EXAMPLES.map((e) => [e.title, e] as const))(
    'the playground example "%s" runs by its manifest hash, with the answer its text gets where any document runs',
    async (_title, example) => {
      const hash = manifest.hashOfOperation(nameOf(example.query));
      expect(hash).toBeDefined();
      const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : {};
      const trusted = await post(only, byHash(hash!, variables));
      expect(trusted.errors).toBeUndefined();
      const asText = await post(allow, { query: example.query, variables });
      expect(asText.errors).toBeUndefined();
      expect(trusted.data).toEqual(asText.data);
    },
  );

  test('a document that is not in the manifest is refused with 403 OPERATION_NOT_TRUSTED, naming the setting', async () => {
    const answer = await post(only, { query: '{ actors(first: 1) { nodes { id name } } }' });
    expect(answer.status).toBe(403);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_NOT_TRUSTED', setting: 'TRUSTED_DOCUMENTS' });
    expect(answer.errors?.[0].message).toContain('TRUSTED_DOCUMENTS=only');
    // Logged like any refused operation, with its code.
    const line = onlyLog.map((l) => JSON.parse(l)).find((l) => l.errorCodes?.includes('OPERATION_NOT_TRUSTED'));
    expect(line).toMatchObject({ msg: 'graphql request', errorCodes: ['OPERATION_NOT_TRUSTED'] });
  });

  test("an example's text as the playground shows it (comments, its own layout) is refused: only its hash, or the manifest's exact text, names it", async () => {
    const example = EXAMPLES.find((e) => e.query.startsWith('#'))!;
    const refused = await post(only, { query: example.query });
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0].extensions?.code).toBe('OPERATION_NOT_TRUSTED');

    const exact = manifest.document(manifest.hashOfOperation(nameOf(example.query))!)!;
    const accepted = await post(only, { query: exact });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data).toBeTruthy();
  });

  test('a refused document is not even parsed: broken syntax gets OPERATION_NOT_TRUSTED, not a parse error', async () => {
    const answer = await post(only, { query: '{ actors( ' });
    expect(answer.status).toBe(403);
    expect(answer.errors?.[0].extensions?.code).toBe('OPERATION_NOT_TRUSTED');
  });

  test('introspection is not a trusted document', async () => {
    const answer = await post(only, { query: '{ __schema { queryType { name } } }' });
    expect(answer.status).toBe(403);
    expect(answer.errors?.[0].extensions?.code).toBe('OPERATION_NOT_TRUSTED');
  });

  test('a mutation outside the manifest is refused as untrusted before it is authorized or run', async () => {
    const answer = await post(only, { query: 'mutation { retractFact(id: "statement:tass-kyiv-pressure", reason: "test") { retractedId } }' });
    expect(answer.status).toBe(403);
    expect(answer.errors?.[0].extensions?.code).toBe('OPERATION_NOT_TRUSTED');
  });

  test('an unknown hash is refused as untrusted (not PERSISTED_QUERY_NOT_FOUND: registering would not help)', async () => {
    const hash = sha256('{ __typename }');
    const answer = await post(only, byHash(hash));
    expect(answer.status).toBe(403);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'OPERATION_NOT_TRUSTED', sha256Hash: hash });
  });

  test('APQ registration cannot let a document in: text with its true hash is refused, and the hash alone stays refused', async () => {
    const query = '{ sources { totalCount } }';
    const register = await post(only, { query, ...byHash(sha256(query)) });
    expect(register.status).toBe(403);
    expect(register.errors?.[0].extensions?.code).toBe('OPERATION_NOT_TRUSTED');
    const again = await post(only, byHash(sha256(query)));
    expect(again.status).toBe(403);
    expect(again.errors?.[0].extensions?.code).toBe('OPERATION_NOT_TRUSTED');
  });

  test('a manifest hash cannot carry other text: a mismatch is refused with 400 PERSISTED_QUERY_INVALID', async () => {
    const answer = await post(only, { query: '{ actors { nodes { id } } }', ...byHash(hashOf(dashboard.DashboardStatsDocument)) });
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_INVALID');
  });

  test('GET works by hash too (with the preflight header CSRF prevention asks for), and GET of other text is refused', async () => {
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(dashboard.DashboardStatsDocument) } }));
    const headers = { 'apollo-require-preflight': 'true' };
    const trusted = await fetch(`${only.url}/graphql?extensions=${extensions}`, { headers });
    expect(trusted.status).toBe(200);
    expect(((await trusted.json()) as Answer).data?.stats.sources).toBeGreaterThan(0);

    const other = await fetch(`${only.url}/graphql?query=${encodeURIComponent('{ sources { totalCount } }')}`, { headers });
    expect(other.status).toBe(403);
    expect(((await other.json()) as Answer).errors?.[0].extensions?.code).toBe('OPERATION_NOT_TRUSTED');
  });

  test('the playground says that only its examples run, and sends them by hash', async () => {
    const page = await (await fetch(`${only.url}/`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('TRUSTED_DOCUMENTS=only');
    expect(page).toContain('OPERATION_NOT_TRUSTED');
    for (const example of EXAMPLES) expect(page).toContain(manifest.hashOfOperation(nameOf(example.query))!);
  });
});

describe('TRUSTED_DOCUMENTS=allow (the default)', () => {
  test('a manifest hash runs on a fresh server with no registration', async () => {
    const answer = await post(allow, byHash(hashOf(dashboard.DashboardStatsDocument)));
    expect(answer.errors).toBeUndefined();
    expect(answer.data.stats.sources).toBeGreaterThan(0);
  });

  test('any other document runs', async () => {
    const answer = await post(allow, { query: '{ actors(first: 1) { nodes { id } } }' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.actors.nodes).toHaveLength(1);
  });

  test('APQ works as Apollo does it: an unknown hash is PERSISTED_QUERY_NOT_FOUND, text with its hash registers it, then the hash runs it', async () => {
    const query = `{ actors(first: 2) { totalCount } } # ${Date.now()}`;
    const hash = sha256(query);
    const unknown = await post(allow, byHash(hash));
    expect(unknown.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await post(allow, { query, ...byHash(hash) });
    expect(register.errors).toBeUndefined();
    const known = await post(allow, byHash(hash));
    expect(known.errors).toBeUndefined();
    expect(known.data).toEqual(register.data);
  });

  test.each([
    ['a version other than 1', { version: 2, sha256Hash: sha256('{ __typename }') }],
    ['a prefixed hash', { version: 1, sha256Hash: `sha256:${sha256('{ __typename }')}` }],
    ['a hash of the wrong length', { version: 1, sha256Hash: 'abc' }],
    ['no hash', { version: 1 }],
  ])('a persisted query with %s is refused with 400 PERSISTED_QUERY_INVALID', async (_name, persistedQuery) => {
    const answer = await post(allow, { extensions: { persistedQuery } });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_INVALID');
  });

  test('the playground shows no trusted-documents notice', async () => {
    const page = await (await fetch(`${allow.url}/`, { headers: { accept: 'text/html' } })).text();
    expect(page).not.toContain('TRUSTED_DOCUMENTS=only');
  });
});

describe('subscriptions over WebSocket pass the same check', () => {
  /** Subscribes with `payload` on `api` and resolves once the server holds the subscription, or with the errors it sent. */
  async function trySubscribe(api: TestServer, payload: { query: string; extensions?: Record<string, unknown> }): Promise<{ open: boolean; errors: any[] }> {
    const before = api.changes.opened;
    const { client } = wsClient(api.wsUrl);
    const errors: any[] = [];
    const stop = client.subscribe(payload, {
      next: (result) => errors.push(...(result.errors ?? [])),
      error: (error) => errors.push(...(Array.isArray(error) ? error : [error])),
      complete: () => undefined,
    });
    try {
      await waitUntil(() => api.changes.opened > before || errors.length > 0, 10_000, 'the subscription or its refusal');
      return { open: api.changes.opened > before, errors };
    } finally {
      stop();
      await client.dispose();
    }
  }

  test("with `only`, the dashboard's subscription runs by its hash (as the dashboard sends it)", async () => {
    const answer = await trySubscribe(only, { query: '', extensions: byHash(hashOf(dashboard.DashboardChangesDocument)).extensions });
    expect(answer).toEqual({ open: true, errors: [] });
  });

  test('with `only`, a subscription that is not in the manifest is refused with OPERATION_NOT_TRUSTED', async () => {
    const answer = await trySubscribe(only, { query: 'subscription { graphChanged { version kind ids } }' });
    expect(answer.open).toBe(false);
    expect(answer.errors.map((e) => e.extensions?.code)).toEqual(['OPERATION_NOT_TRUSTED']);
  });

  test('with `allow`, any subscription text runs, and an unknown hash is PERSISTED_QUERY_NOT_FOUND (nothing registers over WebSocket)', async () => {
    expect(await trySubscribe(allow, { query: 'subscription { graphChanged { version } }' })).toEqual({ open: true, errors: [] });
    const unknown = await trySubscribe(allow, { query: '', extensions: byHash(sha256('subscription { graphChanged { at } }')).extensions });
    expect(unknown.open).toBe(false);
    expect(unknown.errors.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});
