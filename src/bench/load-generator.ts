/**
 * The benchmark's HTTP load generator, run as a separate process so that it never shares an event
 * loop with the server it measures. Given a spec it keeps `concurrency` requests in flight for
 * `durationMs` (after `warmupMs` whose requests are not counted) and reports requests, errors,
 * requests/s and latency percentiles in ms. Each connection sends its next request as soon as the
 * previous answer has been read in full.
 *
 * The benchmark forks it once per run, with an IPC channel, and sends one spec message at a time;
 * it answers each with a result message.
 */
import { Agent, request } from 'node:http';

/** What to send, how hard and for how long. */
export interface LoadSpec {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
}

/** What a run measured. */
export interface LoadResult {
  requests: number;
  errors: number;
  /** The first failed response, to say why. */
  firstError: string | null;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
}

function send(spec: LoadSpec, agent: Agent): Promise<{ ok: boolean; ms: number; error?: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(spec.url, { method: spec.method, headers: { ...spec.headers, 'content-length': Buffer.byteLength(spec.body) }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - started;
        const text = Buffer.concat(chunks).toString('utf8');
        const ok = res.statusCode === 200 && !text.startsWith('{"errors"');
        resolve(ok ? { ok, ms } : { ok, ms, error: `${res.statusCode}: ${text.slice(0, 300)}` });
      });
    });
    req.on('error', (e) => resolve({ ok: false, ms: performance.now() - started, error: e.message }));
    req.end(spec.body);
  });
}

function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** Runs the load described by `spec`. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const start = performance.now();
  const measureFrom = start + spec.warmupMs;
  const end = measureFrom + spec.durationMs;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const loop = async () => {
    while (performance.now() < end) {
      const sentAt = performance.now();
      const outcome = await send(spec, agent);
      if (sentAt < measureFrom) continue;
      if (outcome.ok) latencies.push(outcome.ms);
      else {
        errors += 1;
        firstError ??= outcome.error ?? 'failed';
      }
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, loop));
  agent.destroy();
  const elapsedS = (performance.now() - measureFrom) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: latencies.length,
    errors,
    firstError,
    requestsPerSecond: round(latencies.length / elapsedS),
    latencyMs: {
      p50: round(percentile(latencies, 0.5)),
      p95: round(percentile(latencies, 0.95)),
      p99: round(percentile(latencies, 0.99)),
      mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
      max: round(latencies.at(-1) ?? 0),
    },
  };
}

if (require.main === module && process.send) {
  process.on('message', (spec: LoadSpec) => {
    runLoad(spec).then(
      (result) => process.send!(result),
      (error: unknown) => process.send!({ error: String(error) }),
    );
  });
}
