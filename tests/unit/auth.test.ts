/**
 * Authentication without a database: JWTs (HS256, RS256), API keys, roles and their implications,
 * the requireRole guard, and the AUTH_* configuration.
 */
import { exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { type AuthConfig, createAuthenticator, type RequestHeaders } from '../../src/auth/authenticator';
import { requireRole } from '../../src/auth/require-role';
import { withImpliedRoles } from '../../src/auth/roles';
import type { User } from '../../src/auth/user';
import { ConfigError, loadConfig } from '../../src/config';

const SECRET = 'a-test-secret-of-more-than-32-characters';
const OTHER_SECRET = 'another-secret-nobody-configured-here!!';
const BOT_KEY = 'k3y-for-the-curator-bot-0123456789';
const auth: AuthConfig = {
  jwt: { algorithm: 'HS256', secret: SECRET },
  apiKeys: [{ name: 'curator-bot', roles: ['reader', 'editor'], key: BOT_KEY }],
  reads: 'open',
};
const authenticate = createAuthenticator(auth).authenticate;
const bearer = (token: string): RequestHeaders => ({ authorization: `Bearer ${token}` });
const now = () => Math.floor(Date.now() / 1000);

function hs256(claims: JWTPayload, secret = SECRET): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('JWTs', () => {
  test('a valid HS256 token with the editor role proves an editor (and so a reader)', async () => {
    const token = await hs256({ sub: 'alice', roles: ['editor'], exp: now() + 600 });
    expect(await authenticate(bearer(token))).toEqual({ user: { id: 'alice', roles: ['reader', 'editor'], via: 'jwt' } });
  });

  test('an expired token is refused, saying so, and the result never quotes the token', async () => {
    const token = await hs256({ sub: 'alice', roles: ['editor'], exp: now() - 60 });
    const result = await authenticate(bearer(token));
    expect(result).toEqual({ user: null, problem: 'the token has expired' });
    expect(JSON.stringify(result)).not.toContain(token.split('.')[2]);
  });

  test('a token signed with another secret is refused: the signature does not verify', async () => {
    const token = await hs256({ sub: 'mallory', roles: ['admin'], exp: now() + 600 }, OTHER_SECRET);
    expect(await authenticate(bearer(token))).toEqual({ user: null, problem: "the token's signature does not verify" });
  });

  test('an unsigned token (alg: none) is refused', async () => {
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'mallory', roles: ['admin'], exp: now() + 600 })}.`;
    const result = await authenticate(bearer(token));
    expect(result.user).toBeNull();
    expect(result.problem).toBe('the token is signed with an algorithm this service does not accept');
  });

  test('a token without exp is refused', async () => {
    const token = await hs256({ sub: 'alice', roles: ['editor'] });
    expect(await authenticate(bearer(token))).toEqual({ user: null, problem: 'the token has no "exp" claim' });
  });

  test('a token without sub is refused', async () => {
    const token = await hs256({ roles: ['editor'], exp: now() + 600 });
    expect(await authenticate(bearer(token))).toEqual({ user: null, problem: 'the token has no "sub" claim' });
  });

  test('roles come from a roles array or a role string; unknown roles are ignored', async () => {
    const rolesOf = async (claims: JWTPayload) => (await authenticate(bearer(await hs256({ sub: 'u', exp: now() + 600, ...claims })))).user?.roles;
    expect(await rolesOf({ role: 'editor' })).toEqual(['reader', 'editor']);
    expect(await rolesOf({ roles: ['reader', 'superuser'] })).toEqual(['reader']);
    expect(await rolesOf({ roles: ['owner'], role: 'Admin' })).toEqual([]);
    expect(await rolesOf({ roles: 'admin' })).toEqual([]);
    expect(await rolesOf({ roles: ['reader'], role: 'admin' })).toEqual(['reader', 'editor', 'admin']);
    expect(await rolesOf({})).toEqual([]);
  });

  test('issuer and audience are checked when configured', async () => {
    const strict = createAuthenticator({ ...auth, jwt: { algorithm: 'HS256', secret: SECRET, issuer: 'newsroom', audience: 'facts-api' } });
    const good = await hs256({ sub: 'a', exp: now() + 600, iss: 'newsroom', aud: 'facts-api' });
    const wrongIssuer = await hs256({ sub: 'a', exp: now() + 600, iss: 'elsewhere', aud: 'facts-api' });
    const noAudience = await hs256({ sub: 'a', exp: now() + 600, iss: 'newsroom' });
    expect((await strict.authenticate(bearer(good))).user?.id).toBe('a');
    expect(await strict.authenticate(bearer(wrongIssuer))).toEqual({ user: null, problem: "the token's issuer is not accepted" });
    expect(await strict.authenticate(bearer(noAudience))).toEqual({ user: null, problem: 'the token has no "aud" claim' });
  });

  test('RS256 with a public key: a token signed with its private key is accepted, an HS256 one is not', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    const config = loadConfig({ AUTH_JWT_PUBLIC_KEY: pem });
    expect(config.auth.jwt).toMatchObject({ algorithm: 'RS256' });
    const rs = createAuthenticator(config.auth);
    const token = await new SignJWT({ sub: 'bob', role: 'admin' }).setProtectedHeader({ alg: 'RS256' }).setExpirationTime('5m').sign(privateKey);
    expect(await rs.authenticate(bearer(token))).toEqual({ user: { id: 'bob', roles: ['reader', 'editor', 'admin'], via: 'jwt' } });
    // The classic confusion: HS256 "signed" with the public key as the shared secret.
    const confused = await new SignJWT({ sub: 'mallory', role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(pem));
    expect(await rs.authenticate(bearer(confused))).toEqual({ user: null, problem: 'the token is signed with an algorithm this service does not accept' });
  });

  test('ES256 with an EC P-256 public key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const config = loadConfig({ AUTH_JWT_PUBLIC_KEY: (await exportSPKI(publicKey)).replace(/\n/g, '\\n') });
    expect(config.auth.jwt).toMatchObject({ algorithm: 'ES256' });
    const token = await new SignJWT({ sub: 'carol', roles: ['reader'] }).setProtectedHeader({ alg: 'ES256' }).setExpirationTime('5m').sign(privateKey);
    expect((await createAuthenticator(config.auth).authenticate(bearer(token))).user).toEqual({ id: 'carol', roles: ['reader'], via: 'jwt' });
  });

  test('a JWT is refused when the service has no JWT key', async () => {
    const keysOnly = createAuthenticator({ ...auth, jwt: null });
    const token = await hs256({ sub: 'alice', exp: now() + 600 });
    expect(await keysOnly.authenticate(bearer(token))).toEqual({ user: null, problem: 'this service accepts no JWTs' });
  });
});

describe('API keys and headers', () => {
  test('a configured API key is accepted as Bearer or X-API-Key', async () => {
    const bot: User = { id: 'curator-bot', roles: ['reader', 'editor'], via: 'api-key' };
    expect(await authenticate(bearer(BOT_KEY))).toEqual({ user: bot });
    expect(await authenticate({ 'x-api-key': BOT_KEY })).toEqual({ user: bot });
  });

  test('an unknown API key is refused', async () => {
    expect(await authenticate({ 'x-api-key': 'k3y-for-the-curator-bot-0123456788' })).toEqual({ user: null, problem: 'unknown API key' });
    expect(await authenticate(bearer('short'))).toEqual({ user: null, problem: 'unknown API key' });
  });

  test('no credential is anonymous without a problem; malformed headers have one', async () => {
    expect(await authenticate({})).toEqual({ user: null });
    expect(await authenticate({ authorization: `Basic ${BOT_KEY}` })).toEqual({ user: null, problem: 'the Authorization header must be "Bearer <token>"' });
    expect((await authenticate({ authorization: `Bearer ${BOT_KEY}`, 'x-api-key': BOT_KEY })).user).toBeNull();
  });

  test('with nothing configured nobody can authenticate', async () => {
    const none = createAuthenticator();
    expect(none.reads).toBe('open');
    expect(await none.authenticate({ 'x-api-key': BOT_KEY })).toEqual({ user: null, problem: 'this service accepts no API keys' });
    expect((await none.authenticate(bearer(await hs256({ sub: 'a', exp: now() + 60 })))).user).toBeNull();
  });
});

describe('roles and requireRole', () => {
  test('admin implies editor implies reader', () => {
    expect(withImpliedRoles(['admin'])).toEqual(['reader', 'editor', 'admin']);
    expect(withImpliedRoles(['editor'])).toEqual(['reader', 'editor']);
    expect(withImpliedRoles(['reader'])).toEqual(['reader']);
    expect(withImpliedRoles([])).toEqual([]);
  });

  test('requireRole: UNAUTHENTICATED without a user (with the problem), FORBIDDEN without the role', () => {
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return { code: (error as { extensions: { code: string } }).extensions.code, message: (error as Error).message };
      }
      return null;
    };
    expect(codeOf(() => requireRole({ user: null }, 'reader'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(codeOf(() => requireRole({ user: null, authProblem: 'the token has expired' }, 'editor'))).toEqual({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('the token has expired'),
    });
    const reader: User = { id: 'r', roles: ['reader'], via: 'jwt' };
    expect(codeOf(() => requireRole({ user: reader }, 'editor'))).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('editor') });
    const admin: User = { id: 'a', roles: withImpliedRoles(['admin']), via: 'jwt' };
    expect(requireRole({ user: admin }, 'editor')).toBe(admin);
  });
});

describe('AUTH_* configuration', () => {
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    return '';
  };

  test('a full configuration is typed as config.auth', () => {
    const config = loadConfig({
      AUTH_JWT_SECRET: SECRET,
      AUTH_JWT_ISSUER: 'newsroom',
      AUTH_JWT_AUDIENCE: 'facts-api',
      AUTH_API_KEYS: ` curator-bot:editor:${BOT_KEY} , ops:admin+reader:ops-key-0123456789-abcdefgh:x`,
      AUTH_READS: 'authenticated',
    });
    expect(config.auth).toEqual({
      jwt: { algorithm: 'HS256', secret: SECRET, issuer: 'newsroom', audience: 'facts-api' },
      apiKeys: [
        { name: 'curator-bot', roles: ['reader', 'editor'], key: BOT_KEY },
        { name: 'ops', roles: ['reader', 'editor', 'admin'], key: 'ops-key-0123456789-abcdefgh:x' },
      ],
      reads: 'authenticated',
    });
  });

  test('a short secret, malformed API keys and a bad AUTH_READS are all reported at once, keys unquoted', () => {
    const message = problemsOf({
      AUTH_JWT_SECRET: 'too-short',
      AUTH_API_KEYS: 'bot:editor:tiny-secret-key,nocolons,x:owner:another-long-enough-key-123456',
      AUTH_READS: 'sometimes',
    });
    expect(message).toMatch(/AUTH_JWT_SECRET: must be at least 32 characters/);
    expect(message).toMatch(/AUTH_API_KEYS: entry 1 \(bot\): the key must be at least 24 characters/);
    expect(message).toMatch(/AUTH_API_KEYS: entry 2 is not of the form name:role\[\+role\]:key/);
    expect(message).toMatch(/AUTH_API_KEYS: entry 3 \(x\): unknown role "owner"/);
    expect(message).toMatch(/AUTH_READS: /);
    expect(message).not.toContain('tiny-secret-key');
    expect(message).not.toContain('another-long-enough-key');
  });

  test('combinations that cannot work are reported', () => {
    expect(problemsOf({ AUTH_READS: 'authenticated' })).toMatch(/AUTH_READS: "authenticated" needs/);
    expect(problemsOf({ AUTH_JWT_ISSUER: 'newsroom' })).toMatch(/AUTH_JWT_ISSUER: has no effect without/);
    expect(problemsOf({ AUTH_JWT_SECRET: SECRET, AUTH_JWT_PUBLIC_KEY: 'x' })).toMatch(/set one of them, not both/);
    expect(problemsOf({ AUTH_JWT_PUBLIC_KEY: 'not a key' })).toMatch(/AUTH_JWT_PUBLIC_KEY: is not a PEM public key/);
    expect(problemsOf({ AUTH_API_KEYS: `a:editor:${BOT_KEY},a:reader:${BOT_KEY}` })).toMatch(/entry 2 \(a\): the name is used twice/);
    expect(problemsOf({ AUTH_API_KEYS: 'bot:editor:looks.like.a-jwt-0123456789' })).toMatch(/entry 1 \(bot\): the key must not contain dots/);
  });
});
