/**
 * Two readers with API keys of their own, for tests of what the service does per client: each
 * key is a separate client to the per-client limits, whatever address it calls from.
 */
import { type Authenticator, createAuthenticator } from '../../src/auth/authenticator';

export const ALPHA_KEY = 'alpha-key-Q2w9Zr7xLp4Nc8Vb1Mk6';
export const BETA_KEY = 'beta-key-Hs3Df8Gj1Kl5Pq0Wz7Xy2';

/** Accepts ALPHA_KEY and BETA_KEY as the readers `alpha` and `beta`; reads stay open. */
export const READER_AUTH: Authenticator = createAuthenticator({
  jwt: null,
  apiKeys: [
    { name: 'alpha', roles: ['reader'], key: ALPHA_KEY },
    { name: 'beta', roles: ['reader'], key: BETA_KEY },
  ],
  reads: 'open',
});
