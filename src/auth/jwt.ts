/**
 * JSON Web Token verification with jose. The accepted algorithm follows from the configured key
 * (HS256 for a shared secret, RS256 or ES256 for a public key), so a token cannot choose its own
 * (`none`, or HS256 signed with the public key as secret); `exp` and `sub` are required.
 */
import { createPublicKey } from 'node:crypto';
import { errors, importSPKI, type JWTPayload, jwtVerify } from 'jose';
import { isRole, type Role, withImpliedRoles } from './roles';
import type { AuthResult } from './user';

/** Algorithms this service verifies. */
export type JwtAlgorithm = 'HS256' | 'RS256' | 'ES256';

/** How tokens are verified: one key, and the issuer and audience to insist on when set. */
export type JwtConfig = ({ algorithm: 'HS256'; secret: string } | { algorithm: 'RS256' | 'ES256'; publicKey: string }) & {
  issuer?: string;
  audience?: string;
};

/**
 * The algorithm a PEM public key is for: RSA -> RS256, EC P-256 -> ES256; otherwise a problem
 * in plain words. Literal `\n` sequences (a PEM squeezed onto one line of an env file) are read
 * as line breaks.
 */
export function publicKeyAlgorithm(pem: string): { algorithm: 'RS256' | 'ES256'; pem: string } | { problem: string } {
  const text = normalisePem(pem);
  let key;
  try {
    key = createPublicKey({ key: text, format: 'pem' });
  } catch {
    return { problem: 'is not a PEM public key (-----BEGIN PUBLIC KEY----- ...)' };
  }
  if (key.asymmetricKeyType === 'rsa') {
    if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) return { problem: 'an RSA key must have at least 2048 bits' };
    return { algorithm: 'RS256', pem: text };
  }
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { algorithm: 'ES256', pem: text };
  return { problem: 'must be an RSA key (RS256) or an EC P-256 key (ES256)' };
}

/** A verifier: resolves with the user a token proves, or with a problem; never rejects. */
export function createJwtVerifier(config: JwtConfig): (token: string) => Promise<AuthResult> {
  const key: Promise<Uint8Array | Awaited<ReturnType<typeof importSPKI>>> =
    config.algorithm === 'HS256' ? Promise.resolve(new TextEncoder().encode(config.secret)) : importSPKI(config.publicKey, config.algorithm);
  // loadConfig has already parsed the key; should importing still fail, each verification says so.
  const usableKey = key.catch(() => null);
  return async (token) => {
    const verificationKey = await usableKey;
    if (!verificationKey) return { user: null, problem: 'the service cannot verify tokens (its public key is unusable)' };
    try {
      const { payload } = await jwtVerify(token, verificationKey, {
        algorithms: [config.algorithm],
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ['exp', 'sub'],
      });
      if (typeof payload.sub !== 'string' || payload.sub === '') return { user: null, problem: 'the token has an empty subject ("sub")' };
      return { user: { id: payload.sub, roles: rolesFromClaims(payload), via: 'jwt' } };
    } catch (error) {
      return { user: null, problem: describeFailure(error) };
    }
  };
}

/**
 * The roles a token grants: a `roles` array and/or a `role` string; unknown names are ignored
 * (other services may share the issuer), implied roles added.
 */
export function rolesFromClaims(payload: JWTPayload): Role[] {
  const named: unknown[] = [];
  if (Array.isArray(payload.roles)) named.push(...payload.roles);
  if (typeof payload.role === 'string') named.push(payload.role);
  return withImpliedRoles(named.filter(isRole));
}

function describeFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return "the token's signature does not verify";
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm this service does not accept';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `the token has no "${error.claim}" claim`;
    if (error.claim === 'iss') return "the token's issuer is not accepted";
    if (error.claim === 'aud') return "the token's audience is not accepted";
    if (error.claim === 'nbf') return 'the token is not valid yet';
    return `the token's "${error.claim}" claim is not valid`;
  }
  return 'the token is not a well-formed JWT';
}

function normalisePem(pem: string): string {
  return pem.replace(/\\n/g, '\n').trim();
}
