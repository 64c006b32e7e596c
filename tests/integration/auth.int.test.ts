/**
 * AUTH_READS=authenticated over HTTP against the seeded graph: anonymous and refused callers get
 * 401 with UNAUTHENTICATED for any operation (and /export), a valid token or API key reads as
 * usual, and the health endpoints and the playground page stay open. Read-only.
 */
import { SignJWT } from 'jose';
import { createAuthenticator } from '../../src/auth/authenticator';
import { useTestApi } from '../helpers/test-server';

const SECRET = 'integration-test-secret-0123456789abcdef';
const BOT_KEY = 'integration-bot-key-0123456789abcdef';
const t = useTestApi({
  auth: createAuthenticator({
    jwt: { algorithm: 'HS256', secret: SECRET },
    apiKeys: [{ name: 'curator-bot', roles: ['reader', 'editor'], key: BOT_KEY }],
    reads: 'authenticated',
  }),
});

const QUERY = '{ actors(first: 1) { totalCount } }';
const token = (expires: string | number) =>
  new SignJWT({ role: 'reader' }).setProtectedHeader({ alg: 'HS256' }).setSubject('alice').setExpirationTime(expires).sign(new TextEncoder().encode(SECRET));

test('an anonymous query, even introspection, is refused with 401 and UNAUTHENTICATED', async () => {
  for (const query of [QUERY, '{ __typename }']) {
    const response = await t.api.gql(query);
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
  }
});

test('a refused credential says why, without echoing it', async () => {
  const expired = await token(Math.floor(Date.now() / 1000) - 60);
  const response = await t.api.gql(QUERY, undefined, { authorization: `Bearer ${expired}` });
  expect(response.status).toBe(401);
  expect(response.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', problem: 'the token has expired' });
  expect(JSON.stringify(response)).not.toContain(expired);
  const unknown = await t.api.gql(QUERY, undefined, { 'x-api-key': 'not-a-configured-key-0123456789' });
  expect(unknown.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', problem: 'unknown API key' });
});

test('a valid token or API key reads the graph', async () => {
  const withToken = await t.api.gql(QUERY, undefined, { authorization: `Bearer ${await token('5m')}` });
  expect(withToken.status).toBe(200);
  expect(withToken.errors).toBeUndefined();
  expect(withToken.data.actors.totalCount).toBeGreaterThan(0);
  const withKey = await t.api.gql(QUERY, undefined, { 'x-api-key': BOT_KEY });
  expect(withKey.data).toEqual(withToken.data);
});

test('health endpoints and the playground stay open; /export needs a user', async () => {
  expect((await fetch(`${t.api.url}/healthz`)).status).toBe(200);
  expect((await fetch(`${t.api.url}/readyz`)).status).toBe(200);
  const page = await fetch(`${t.api.url}/`, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  const anonymous = await fetch(`${t.api.url}/export?format=cytoscape`);
  expect(anonymous.status).toBe(401);
  expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  const authorised = await fetch(`${t.api.url}/export?format=cytoscape`, { headers: { 'x-api-key': BOT_KEY } });
  expect(authorised.status).toBe(200);
  await authorised.arrayBuffer();
});
