/**
 * Client-side load for the reliability tests: a curator's addStatement writes (each with its own
 * id and idempotency key, retried with the same key until acknowledged, as a careful client would)
 * and anonymous reads, with every response classified and timed.
 */
import { SignJWT } from 'jose';
import { createAuthenticator } from '../../src/auth/authenticator';
import type { Authenticator } from '../../src/auth/authenticator';

/** `RELIABILITY=full` (npm run test:reliability) runs the long versions; `short` (default) runs inside npm test. */
export const FULL = process.env.RELIABILITY === 'full';

const SECRET = 'reliability-test-secret-0123456789abcdef';
/** The authenticator the service under test is built with: editors sign with SECRET. */
export const AUTH: Authenticator = createAuthenticator({ jwt: { algorithm: 'HS256', secret: SECRET }, apiKeys: [], reads: 'open' });
/** The same settings as environment variables, for the service run as a child process. */
export const AUTH_ENV = { AUTH_JWT_SECRET: SECRET };
/** For the service run as a child process under load from one address: no per-client limits, and room in the work queue for one client's whole load. */
export const NO_CLIENT_LIMITS_ENV = {
  RATE_LIMIT_PER_MINUTE: 'off',
  MAX_CONCURRENT_PER_CLIENT: 'off',
  AUTH_FAILURES_PER_MINUTE: 'off',
  EXPENSIVE_MAX_PER_CLIENT: '100',
  EXPENSIVE_MAX_QUEUED: '100',
};

/** An editor's Authorization header. */
export async function editorHeaders(): Promise<Record<string, string>> {
  const token = await new SignJWT({ role: 'editor' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('reliability')
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(SECRET));
  return { authorization: `Bearer ${token}` };
}

export const ADD_STATEMENT = `mutation AddStatement($input: AddStatementInput!, $key: String) {
  addStatement(input: $input, idempotencyKey: $key) { statement { id } userErrors { code message } } }`;
export const READ = `query ReadActors { actors(first: 5) { totalCount nodes { id name } } }`;

/** A statement on the seed article with this id. */
export function statementInput(id: string): Record<string, unknown> {
  return {
    sourceId: 'source:observer-uae-talks',
    id,
    text: 'Kyiv is under serious pressure.',
    kind: 'REPORTED',
    speakerId: 'actor:tass',
    evidence: [{ sentence: 13, excerpt: 'Kyiv is under serious pressure' }],
  };
}

/** One response as the client saw it. */
export interface Outcome {
  ok: boolean;
  status: number;
  /** extensions.code of each error; `NETWORK` when no HTTP response came, `UNCODED` for an error without a code. */
  codes: string[];
  startedAt: number;
  ms: number;
}

/** POSTs one operation and classifies the answer; never throws. */
export async function send(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Outcome & { data?: any }> {
  const startedAt = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
    const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'UNCODED');
    return { ok: response.status === 200 && codes.length === 0, status: response.status, codes, startedAt, ms: performance.now() - startedAt, data: body.data };
  } catch {
    return { ok: false, status: 0, codes: ['NETWORK'], startedAt, ms: performance.now() - startedAt };
  }
}

/** The value at quantile `q` (0..1) of `values`. */
export function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Statement ids that the service acknowledged, and every response seen on the way. */
export interface MixedLoadResult {
  acknowledged: string[];
  outcomes: Outcome[];
  /** Writes still unacknowledged when the load stopped (their last try failed). */
  unacknowledged: string[];
}

/**
 * `concurrency` workers, each alternating a read and a write until `stop()` is true; a failed write
 * is retried with the same id and key (250 ms apart) before the worker moves on, and a worker
 * gives up on its current write only at `deadline`.
 */
export async function mixedLoad(
  url: string,
  options: { concurrency: number; prefix: string; stop: () => boolean; deadline: number },
): Promise<MixedLoadResult> {
  const headers = await editorHeaders();
  const acknowledged: string[] = [];
  const unacknowledged: string[] = [];
  const outcomes: Outcome[] = [];
  const worker = async (w: number) => {
    for (let n = 0; !options.stop(); n += 1) {
      outcomes.push(await send(url, READ));
      const id = `statement:${options.prefix}-${w}-${n}`;
      for (;;) {
        const outcome = await send(url, ADD_STATEMENT, { input: statementInput(id), key: `${options.prefix}-${w}-${n}` }, headers);
        outcomes.push(outcome);
        if (outcome.ok && outcome.data?.addStatement?.statement?.id === id) {
          acknowledged.push(id);
          break;
        }
        if (outcome.ok || Date.now() > options.deadline) {
          unacknowledged.push(id);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  return { acknowledged, outcomes, unacknowledged };
}
