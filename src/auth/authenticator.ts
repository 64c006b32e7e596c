/**
 * Turns a request's credential into a user: `Authorization: Bearer <token>`, where a token of
 * three dot-separated parts is a JWT and anything else an API key, or `X-API-Key: <key>`.
 * Credentials are never logged or echoed; a refused one yields a problem in plain words.
 */
import { type ApiKey, createApiKeyLookup } from './api-keys';
import { type JwtConfig, createJwtVerifier } from './jwt';
import type { AuthResult } from './user';

/**
 * Who can authenticate, and whether reads need it. With neither a JWT key nor API keys nobody
 * can authenticate: write operations are refused to everyone and reads stay open.
 */
export interface AuthConfig {
  /** AUTH_JWT_SECRET (HS256) or AUTH_JWT_PUBLIC_KEY (RS256/ES256), with AUTH_JWT_ISSUER/AUDIENCE. */
  jwt: JwtConfig | null;
  /** AUTH_API_KEYS. */
  apiKeys: ApiKey[];
  /** AUTH_READS: `open` (default) or `authenticated` (every GraphQL operation needs a user). */
  reads: 'open' | 'authenticated';
}

/** Request headers as Node gives them: names in lower case. */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/** Authenticates requests under one configuration. */
export interface Authenticator {
  /** The user the request's credential proves; `{ user: null }` without a credential. Never rejects. */
  authenticate(headers: RequestHeaders): Promise<AuthResult>;
  /** `authenticated`: every GraphQL operation (and /export) needs a user; `open`: reads need none. */
  reads: AuthConfig['reads'];
}

/** Nothing configured: nobody can authenticate, and reads are open. */
export const NO_AUTH: AuthConfig = { jwt: null, apiKeys: [], reads: 'open' };

/** Builds the authenticator for `config` (config.auth). */
export function createAuthenticator(config: AuthConfig = NO_AUTH): Authenticator {
  const verifyJwt = config.jwt ? createJwtVerifier(config.jwt) : null;
  const findApiKey = config.apiKeys.length > 0 ? createApiKeyLookup(config.apiKeys) : null;

  const checkApiKey = (key: string): AuthResult => {
    if (!findApiKey) return { user: null, problem: 'this service accepts no API keys' };
    const found = findApiKey(key);
    return found ? { user: { id: found.name, roles: found.roles, via: 'api-key' } } : { user: null, problem: 'unknown API key' };
  };

  const authenticate = async (headers: RequestHeaders): Promise<AuthResult> => {
    const authorization = single(headers.authorization);
    const apiKey = single(headers['x-api-key']);
    if (authorization === undefined && apiKey === undefined) return { user: null };
    if (authorization !== undefined && apiKey !== undefined)
      return { user: null, problem: 'the request carries two credentials (Authorization and X-API-Key); send one' };
    if (apiKey !== undefined) return apiKey === '' ? { user: null, problem: 'the API key is empty' } : checkApiKey(apiKey);

    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
    if (!match) return { user: null, problem: 'the Authorization header must be "Bearer <token>"' };
    const token = match[1];
    if (token.split('.').length === 3) {
      return verifyJwt ? verifyJwt(token) : { user: null, problem: 'this service accepts no JWTs' };
    }
    return checkApiKey(token);
  };
  return { authenticate, reads: config.reads };
}

/** A header sent more than once is ambiguous: treated as malformed (an empty value). */
function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? value[0].trim() : '';
  return value?.trim();
}
