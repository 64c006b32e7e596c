import { ClientLimiter, type ClientLimitSettings, NO_CLIENT_LIMITS, TokenBuckets, addressKey } from '../../src/http/client-limits';
import { estimatedBits, weakSecretProblem } from '../../src/auth/secret-strength';

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('token buckets', () => {
  test('a full bucket allows a burst of its capacity, then one request per refill interval', () => {
    const clock = manualClock();
    // 60 a minute: one token a second; bursts of 3.
    const buckets = new TokenBuckets(60, 3, 100, clock.now);
    expect([1, 2, 3].map(() => buckets.take('a'))).toEqual([
      { ok: true, remaining: 2, resetSeconds: 1 },
      { ok: true, remaining: 1, resetSeconds: 2 },
      { ok: true, remaining: 0, resetSeconds: 3 },
    ]);
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 1, resetSeconds: 3 });
    clock.advance(500);
    // Half a token: still refused, and the wait is what is left of the second.
    expect(buckets.take('a')).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    clock.advance(500);
    expect(buckets.take('a')).toMatchObject({ ok: true, remaining: 0 });
    // A long pause refills to the capacity, never beyond.
    clock.advance(60_000);
    expect(buckets.take('a')).toMatchObject({ ok: true, remaining: 2 });
  });

  test('Retry-After is the time to the next token at slow rates', () => {
    const clock = manualClock();
    const buckets = new TokenBuckets(10, 10, 100, clock.now); // one token each 6 s
    for (let i = 0; i < 10; i += 1) expect(buckets.take('ip').ok).toBe(true);
    expect(buckets.take('ip')).toEqual({ ok: false, retryAfterSeconds: 6, resetSeconds: 60 });
    expect(buckets.wait('ip')).toBe(6);
    clock.advance(6_000);
    expect(buckets.wait('ip')).toBeNull();
    expect(buckets.wait('never-seen')).toBeNull();
  });

  test('each key has its own bucket', () => {
    const buckets = new TokenBuckets(60, 1, 100, manualClock().now);
    expect(buckets.take('a').ok).toBe(true);
    expect(buckets.take('a').ok).toBe(false);
    expect(buckets.take('b').ok).toBe(true);
  });

  test('memory is bounded: idle clients are forgotten, and past the cap the least recently seen', () => {
    const clock = manualClock();
    const buckets = new TokenBuckets(60, 2, 1_000, clock.now);
    for (let i = 0; i < 500; i += 1) buckets.take(`idle-${i}`);
    // Every bucket refills within 2 s; new clients then sweep the idle ones away as they come.
    clock.advance(5_000);
    for (let i = 0; i < 200; i += 1) buckets.take(`new-${i}`);
    expect(buckets.size).toBeLessThan(500);

    const capped = new TokenBuckets(60, 2, 100, clock.now);
    for (let i = 0; i < 100; i += 1) {
      capped.take(`busy-${i}`);
      capped.take(`busy-${i}`);
    }
    capped.take('busy-0'); // busy-0 is now the most recently seen, and empty
    for (let i = 0; i < 1_000; i += 1) capped.take(`flood-${i}`);
    expect(capped.size).toBeLessThanOrEqual(100);
    // The price of the bound: a client pushed out by the flood starts again with a full bucket.
    expect(capped.take('busy-0')).toMatchObject({ ok: true, remaining: 1 });
  });
});

describe('client limiter', () => {
  const settings: ClientLimitSettings = { perMinute: 60, burst: 2, maxConcurrent: 2, maxClients: 100, authFailuresPerMinute: 3 };

  test('refuses past the rate with the setting that refused, Retry-After and RateLimit headers', () => {
    const limiter = new ClientLimiter(settings, manualClock().now);
    const first = limiter.admit('api-key:bot');
    expect(first).toMatchObject({
      admitted: true,
      headers: { 'ratelimit-limit': '2', 'ratelimit-remaining': '1', 'ratelimit-reset': '1', 'ratelimit-policy': '2;w=2' },
    });
    if (first.admitted) first.release();
    const second = limiter.admit('api-key:bot');
    if (second.admitted) second.release();
    const third = limiter.admit('api-key:bot');
    expect(third).toMatchObject({ admitted: false, limit: 'RATE_LIMIT_PER_MINUTE', retryAfterSeconds: 1, headers: { 'ratelimit-remaining': '0' } });
    expect(!third.admitted && third.message).toMatch(/RATE_LIMIT_PER_MINUTE is 60 a minute, in bursts of at most 2/);
  });

  test('refuses a client with MAX_CONCURRENT_PER_CLIENT requests in progress until one is released', () => {
    const limiter = new ClientLimiter({ ...settings, perMinute: 0 });
    const a = limiter.admit('ip:10.0.0.1');
    const b = limiter.admit('ip:10.0.0.1');
    expect(limiter.admit('ip:10.0.0.1')).toMatchObject({ admitted: false, limit: 'MAX_CONCURRENT_PER_CLIENT', retryAfterSeconds: 1 });
    // Another client is not affected, and no RateLimit headers are sent with the rate limit off.
    expect(limiter.admit('ip:10.0.0.2')).toMatchObject({ admitted: true, headers: {} });
    if (a.admitted) {
      a.release();
      a.release(); // twice is harmless
    }
    expect(limiter.admit('ip:10.0.0.1').admitted).toBe(true);
    expect(limiter.admit('ip:10.0.0.1').admitted).toBe(false);
    expect(b.admitted).toBe(true);
  });

  test('an address is refused further credentials once it has used up AUTH_FAILURES_PER_MINUTE, until the bucket refills', () => {
    const clock = manualClock();
    const limiter = new ClientLimiter(settings, clock.now);
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.authRefusal('ip:10.0.0.9')).toBeNull();
      limiter.authFailed('ip:10.0.0.9');
    }
    expect(limiter.authRefusal('ip:10.0.0.9')).toMatchObject({ limit: 'AUTH_FAILURES_PER_MINUTE', retryAfterSeconds: 20 });
    expect(limiter.authRefusal('ip:10.0.0.8')).toBeNull();
    clock.advance(20_000);
    expect(limiter.authRefusal('ip:10.0.0.9')).toBeNull();
  });

  test('with no limits everything is admitted', () => {
    const limiter = new ClientLimiter(NO_CLIENT_LIMITS);
    for (let i = 0; i < 1_000; i += 1) expect(limiter.admit('ip:127.0.0.1').admitted).toBe(true);
    for (let i = 0; i < 100; i += 1) limiter.authFailed('ip:127.0.0.1');
    expect(limiter.authRefusal('ip:127.0.0.1')).toBeNull();
  });
});

test('clients are keyed by IPv4 address, and IPv6 by its /64', () => {
  expect(addressKey('203.0.113.7')).toBe('ip:203.0.113.7');
  expect(addressKey('::ffff:203.0.113.7')).toBe('ip:203.0.113.7');
  expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('ip:2001:db8:1:2::/64');
  expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('ip:2001:db8:1:2::/64');
  expect(addressKey('2001:db8::1')).toBe('ip:2001:db8:0:0::/64');
  expect(addressKey('::1')).toBe('ip:0:0:0:0::/64');
  expect(addressKey(undefined)).toBe('ip:unknown');
});

describe('secret strength', () => {
  test('refuses blank, few-character, repeated and low-entropy secrets; accepts random ones', () => {
    expect(weakSecretProblem(' '.repeat(32), 128)).toBe('is only whitespace');
    expect(weakSecretProblem('\t \n '.repeat(10), 128)).toBe('is only whitespace');
    expect(weakSecretProblem('abababababababababababababababab', 128)).toBe('has only 2 distinct characters (at least 10 are needed)');
    expect(weakSecretProblem('Tr0ub4dor&3!Tr0ub4dor&3!Tr0ub4dor&3!Tr', 128)).toBe('repeats a sequence of 12 characters');
    expect(weakSecretProblem('aaba1860c22c07efd2b134ed6b65d2f9', 128)).toMatch(/^has an estimated entropy of 1\d\d bits \(at least 128 are needed/);
    expect(weakSecretProblem('q3V9yXr0Zt+8WkLmPa2/Ns5HdJcE7uBfGh1oRiTx4vY=', 128)).toBeNull();
    expect(weakSecretProblem('integration-bot-key-0123456789abcdef', 96)).toBeNull();
  });

  test('the estimate is length times the entropy of the character frequencies', () => {
    expect(estimatedBits(Array.from('abcd'))).toBe(8);
    expect(estimatedBits(Array.from('aaaa'))).toBe(0);
    expect(estimatedBits(Array.from('0123456789abcdef'))).toBe(64);
  });
});
