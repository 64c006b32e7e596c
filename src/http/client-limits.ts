/**
 * Per-client limits on /graphql and /export, in the style of GitHub's and Stripe's API limits: a
 * token bucket per client (RATE_LIMIT_PER_MINUTE, RATE_LIMIT_BURST), a cap on the requests one
 * client may have in progress (MAX_CONCURRENT_PER_CLIENT), and a bucket per address for failed
 * authentications (AUTH_FAILURES_PER_MINUTE), so credentials cannot be guessed at full speed.
 *
 * The state lives in this process's memory: several replicas each keep their own, so a client
 * spread over N replicas gets N budgets. It is bounded: a client whose bucket has refilled is
 * forgotten (it would start afresh anyway), and past RATE_LIMIT_MAX_CLIENTS the least recently
 * seen client is forgotten even when its bucket is not full.
 */
import { isIPv6 } from 'node:net';

/** The settings (config.clientLimits); 0 turns a limit off. */
export interface ClientLimitSettings {
  /** RATE_LIMIT_PER_MINUTE: requests a client may make per minute, on average. */
  perMinute: number;
  /** RATE_LIMIT_BURST: requests a client may make at once after being idle (the bucket's size). */
  burst: number;
  /** MAX_CONCURRENT_PER_CLIENT: requests one client may have in progress. */
  maxConcurrent: number;
  /** RATE_LIMIT_MAX_CLIENTS: clients (and addresses) whose buckets are kept. */
  maxClients: number;
  /** AUTH_FAILURES_PER_MINUTE: refused credentials per client address per minute before further attempts are refused unchecked. */
  authFailuresPerMinute: number;
}

/** No per-client limit at all: what createServer uses when given none (tools, most tests). */
export const NO_CLIENT_LIMITS: ClientLimitSettings = { perMinute: 0, burst: 0, maxConcurrent: 0, maxClients: 10_000, authFailuresPerMinute: 0 };

/** A clock in milliseconds; injected by tests. */
export type Clock = () => number;
const monotonic: Clock = () => performance.now();

interface Bucket {
  tokens: number;
  at: number;
}

/** What taking a token found. */
export type Take = { ok: true; remaining: number; resetSeconds: number } | { ok: false; retryAfterSeconds: number; resetSeconds: number };

/**
 * Token buckets by key: each holds up to `capacity` tokens and refills at `perMinute` a minute.
 * Bounded to `maxKeys` buckets, least recently used forgotten first.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    readonly perMinute: number,
    readonly capacity: number,
    private readonly maxKeys: number,
    private readonly now: Clock = monotonic,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one token for `key` if it has one. */
  take(key: string): Take {
    const bucket = this.refilled(key);
    if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: this.secondsUntil(bucket, 1), resetSeconds: this.secondsUntil(bucket, this.capacity) };
    bucket.tokens -= 1;
    return { ok: true, remaining: Math.floor(bucket.tokens), resetSeconds: this.secondsUntil(bucket, this.capacity) };
  }

  /** Without taking a token: null when `key` has one, else how many seconds until it has. */
  wait(key: string): number | null {
    const bucket = this.buckets.get(key);
    if (!bucket) return null;
    this.refill(bucket);
    return bucket.tokens >= 1 ? null : this.secondsUntil(bucket, 1);
  }

  /** How many keys are tracked (for tests of the bound). */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.refill(bucket);
      // Map order is insertion order: re-inserting keeps the least recently used first.
      this.buckets.delete(key);
    } else {
      bucket = { tokens: this.capacity, at: this.now() };
      this.forgetIdle();
    }
    this.buckets.set(key, bucket);
    return bucket;
  }

  /**
   * Forgets buckets that have refilled (idle clients) among the least recently used few, then the
   * least recently used while at the bound. A few per new key keeps the cost constant.
   */
  private forgetIdle(): void {
    let checked = 0;
    for (const [key, bucket] of this.buckets) {
      if (checked++ >= 8) break;
      this.refill(bucket);
      if (bucket.tokens >= this.capacity) this.buckets.delete(key);
    }
    while (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
  }

  private refill(bucket: Bucket): void {
    const now = this.now();
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
  }

  private secondsUntil(bucket: Bucket, tokens: number): number {
    return Math.max(0, Math.ceil((tokens - bucket.tokens) / this.perMs / 1000));
  }
}

/** Why a request was refused: the setting that refused it, and when to try again. */
export interface Refusal {
  limit: 'RATE_LIMIT_PER_MINUTE' | 'MAX_CONCURRENT_PER_CLIENT' | 'AUTH_FAILURES_PER_MINUTE';
  retryAfterSeconds: number;
  message: string;
}

/** What admitting a request decided, with the `RateLimit-*` headers to send either way. */
export type Admission = ({ admitted: true; release: () => void } | ({ admitted: false } & Refusal)) & { headers: Record<string, string> };

/** The per-client limits of one server. */
export class ClientLimiter {
  private readonly rate: TokenBuckets | null;
  private readonly authFailures: TokenBuckets | null;
  private readonly inFlight = new Map<string, number>();

  constructor(
    readonly settings: ClientLimitSettings,
    now: Clock = monotonic,
  ) {
    this.rate = settings.perMinute > 0 ? new TokenBuckets(settings.perMinute, settings.burst, settings.maxClients, now) : null;
    this.authFailures =
      settings.authFailuresPerMinute > 0 ? new TokenBuckets(settings.authFailuresPerMinute, settings.authFailuresPerMinute, settings.maxClients, now) : null;
  }

  /**
   * Admits a request of `client` (see clientKey), or refuses it. An admitted request holds one of
   * the client's MAX_CONCURRENT_PER_CLIENT places until `release()`.
   */
  admit(client: string): Admission {
    const headers: Record<string, string> = {};
    if (this.rate) {
      const taken = this.rate.take(client);
      headers['ratelimit-limit'] = String(this.rate.capacity);
      headers['ratelimit-remaining'] = String(taken.ok ? taken.remaining : 0);
      headers['ratelimit-reset'] = String(taken.resetSeconds);
      headers['ratelimit-policy'] = `${this.rate.capacity};w=${Math.round((60 * this.rate.capacity) / this.rate.perMinute)}`;
      if (!taken.ok) {
        const { perMinute, burst } = this.settings;
        const message = `Too many requests from this client: the limit RATE_LIMIT_PER_MINUTE is ${perMinute} a minute, in bursts of at most ${burst} (RATE_LIMIT_BURST). Try again in ${taken.retryAfterSeconds} s.`;
        return { admitted: false, limit: 'RATE_LIMIT_PER_MINUTE', retryAfterSeconds: taken.retryAfterSeconds, message, headers };
      }
    }
    const max = this.settings.maxConcurrent;
    if (max <= 0) return { admitted: true, release: () => undefined, headers };
    const running = this.inFlight.get(client) ?? 0;
    if (running >= max) {
      const message = `This client already has ${max} requests in progress, the limit MAX_CONCURRENT_PER_CLIENT. Wait for one to finish.`;
      return { admitted: false, limit: 'MAX_CONCURRENT_PER_CLIENT', retryAfterSeconds: 1, message, headers };
    }
    this.inFlight.set(client, running + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(client) ?? 1) - 1;
      if (left > 0) this.inFlight.set(client, left);
      else this.inFlight.delete(client);
    };
    return { admitted: true, release, headers };
  }

  /**
   * Whether `address` may present a credential now: null, or the refusal when it has used up
   * AUTH_FAILURES_PER_MINUTE. Checked before the credential is, so a guess costs nothing more.
   */
  authRefusal(address: string): Refusal | null {
    const wait = this.authFailures?.wait(address) ?? null;
    if (wait === null) return null;
    const retryAfterSeconds = Math.max(1, wait);
    return {
      limit: 'AUTH_FAILURES_PER_MINUTE',
      retryAfterSeconds,
      message: `Too many refused credentials from this address: the limit AUTH_FAILURES_PER_MINUTE is ${this.settings.authFailuresPerMinute} a minute. Try again in ${retryAfterSeconds} s.`,
    };
  }

  /** Counts a refused credential from `address`. */
  authFailed(address: string): void {
    this.authFailures?.take(address);
  }
}

/**
 * The address a limit applies to: the peer's IP (IPv4-mapped IPv6 as IPv4), and for IPv6 its
 * /64 network, since one host usually holds a whole /64 and could otherwise rotate addresses.
 */
export function addressKey(remoteAddress: string | undefined): string {
  if (!remoteAddress) return 'ip:unknown';
  const address = remoteAddress.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').replace(/%.*$/, '');
  if (!isIPv6(address)) return `ip:${address}`;
  const [head, tail] = address.toLowerCase().split('::');
  const front = head ? head.split(':') : [];
  const back = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  return `ip:${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
