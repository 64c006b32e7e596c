/**
 * A service whose database is still being prepared (schema, seed) as a client sees it: every
 * GraphQL and export request gets 503 SERVICE_NOT_READY with Retry-After, instead of an empty
 * answer that looks real, while the health endpoints and pages keep answering; once prepared,
 * the same request gets the data.
 */
import { useTestApi } from '../helpers/test-server';

let starting: string | null = 'preparing the database (schema, seed)';
const t = useTestApi({ starting: () => starting });
const ACTOR = '{ actor(id: "actor:andrii-sybiha") { name } }';

test('before the database is prepared, GraphQL answers 503 SERVICE_NOT_READY with Retry-After; afterwards it answers the data', async () => {
  const response = await fetch(`${t.api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: ACTOR }),
  });
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('5');
  const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(body.data).toBeUndefined();
  expect(body.errors).toEqual([
    {
      message: expect.stringContaining('not ready yet'),
      extensions: { code: 'SERVICE_NOT_READY', reason: 'preparing', retryAfterSeconds: 5, retryable: true },
    },
  ]);

  starting = null;
  expect(await t.api.data(ACTOR)).toEqual({ actor: { name: 'Andrii Sybiha' } });
});

test('a database still unreachable at start is a reason too, and /export is held back the same way', async () => {
  starting = 'waiting for the database: connect ECONNREFUSED 127.0.0.1:7687';
  try {
    const graphql = await t.api.gql('{ __typename }');
    expect(graphql.status).toBe(503);
    expect(graphql.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_NOT_READY', reason: 'database unreachable' });
    expect(JSON.stringify(graphql)).not.toContain('7687');
    const exported = await fetch(`${t.api.url}/export?format=cytoscape`);
    expect(exported.status).toBe(503);
    expect(await exported.json()).toMatchObject({ code: 'SERVICE_NOT_READY' });
  } finally {
    starting = null;
  }
});

test('the health endpoints and the playground answer while the database is being prepared', async () => {
  starting = 'preparing the database (schema, seed)';
  try {
    expect((await fetch(`${t.api.url}/healthz`)).status).toBe(200);
    // The test database is prepared, so /readyz (which asks the database itself) says ready.
    expect((await fetch(`${t.api.url}/readyz`)).status).toBe(200);
    const page = await fetch(`${t.api.url}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
  } finally {
    starting = null;
  }
});
