/**
 * The attack benchmark's prober, run as a separate process so that the attack traffic never shares
 * its event loop: it sends one legitimate one-node lookup at a steady rate (open loop: a slow answer
 * does not delay the next request) and, when asked, reports the latencies of the requests sent since
 * the last report. A request that has no answer within `timeoutMs` counts as failed.
 *
 * Messages in: `{ start: ProbeSpec }` and `{ report: true }`. Messages out: a ProbeReport per report.
 */
import { Agent, request } from 'node:http';

/** What to send and how often. */
export interface ProbeSpec {
  url: string;
  headers: Record<string, string>;
  body: string;
  perSecond: number;
  timeoutMs: number;
}

/** The requests sent since the previous report. */
export interface ProbeReport {
  latenciesMs: number[];
  /** Failed answers, by status and first error code (`timeout`, `network` when no answer came). */
  failures: Record<string, number>;
}

/** Results by period: a request belongs to the period in which it was sent. */
const periods = new Map<number, ProbeReport & { pending: Set<Promise<void>> }>();
let period = 0;

function current(): ProbeReport & { pending: Set<Promise<void>> } {
  let entry = periods.get(period);
  if (!entry) periods.set(period, (entry = { latenciesMs: [], failures: {}, pending: new Set() }));
  return entry;
}

function probeOnce(spec: ProbeSpec, agent: Agent, into: ProbeReport): Promise<void> {
  const fail = (kind: string) => void (into.failures[kind] = (into.failures[kind] ?? 0) + 1);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      spec.url,
      { method: 'POST', agent, headers: { ...spec.headers, 'content-length': Buffer.byteLength(spec.body) }, timeout: spec.timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const code = /"code":"([A-Z_]+)"/.exec(text)?.[1];
          if (res.statusCode === 200 && !code) into.latenciesMs.push(performance.now() - started);
          else fail(`${res.statusCode} ${code ?? ''}`.trim());
          resolve();
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => {
      fail(e.message === 'timeout' ? 'timeout' : 'network');
      resolve();
    });
    req.end(spec.body);
  });
}

function start(spec: ProbeSpec): void {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const interval = 1000 / spec.perSecond;
  const begun = performance.now();
  let sent = 0;
  const tick = () => {
    const entry = current();
    const done = probeOnce(spec, agent, entry).finally(() => entry.pending.delete(done));
    entry.pending.add(done);
    sent += 1;
    setTimeout(tick, Math.max(0, begun + sent * interval - performance.now()));
  };
  tick();
}

/** Closes the current period, waits for its requests' answers (or time-outs) and returns them. */
async function report(): Promise<ProbeReport> {
  const entry = current();
  periods.delete(period);
  period += 1;
  await Promise.all([...entry.pending]);
  return { latenciesMs: entry.latenciesMs, failures: entry.failures };
}

if (require.main === module && process.send) {
  process.on('message', (message: { start?: ProbeSpec; report?: boolean }) => {
    if (message.start) start(message.start);
    if (message.report) void report().then((r) => process.send!(r));
  });
}
