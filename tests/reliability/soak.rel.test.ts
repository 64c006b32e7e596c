/**
 * Load at a steady rate (10 minutes in full, 15 seconds in short), reads with a few writes among
 * them: reports latency quantiles, error rate and RSS growth, and checks that nothing leaks (no
 * transaction left running, in this process or in Neo4j) and that /metrics counted every request.
 * The short run (some 600 requests, one in ten a write) fails on any error, leak or miscount as the
 * long one does; only the long one shows drift over time.
 */
import { inFlightTransactions, read } from '../../src/db/driver';
import { seedFiles } from '../../src/ingest/seed';
import { ADD_STATEMENT, AUTH, FULL, type Outcome, READ, editorHeaders, quantile, send, statementInput } from '../helpers/load';
import { useOwnGraph } from '../helpers/scale-graph';
import { SEED_FILE } from '../helpers/seed-file';

const t = useOwnGraph((db) => seedFiles(db, [SEED_FILE], () => undefined), { auth: AUTH });
const DURATION_MS = FULL ? 600_000 : 15_000;
const RATE_PER_S = 40;
/** One request in this many is a write. */
const WRITE_EVERY = 10;
/** Beyond this many requests waiting, the client skips a tick rather than pile up without bound. */
const MAX_IN_FLIGHT = 200;

test('steady load: latency quantiles, error rate and RSS growth reported; no transaction leaks; every request counted', async () => {
  const headers = await editorHeaders();
  const baseline = await read(t.db, 'SHOW TRANSACTIONS YIELD currentQuery RETURN count(*) AS n');
  const rssBefore = process.memoryUsage().rss;
  const outcomes: (Outcome & { write: boolean })[] = [];
  const pending = new Set<Promise<void>>();
  let skipped = 0;
  let sent = 0;
  let writes = 0;
  const started = performance.now();
  for (let tick = 0; performance.now() - started < DURATION_MS; tick += 1) {
    const due = started + (tick * 1000) / RATE_PER_S;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    if (pending.size >= MAX_IN_FLIGHT) {
      skipped += 1;
      continue;
    }
    const n = sent++;
    const request =
      n % WRITE_EVERY === 0
        ? send(t.api.url, ADD_STATEMENT, { input: statementInput(`statement:soak-${n}`), key: `soak-${n}` }, headers).then((o) => ({ ...o, write: true }))
        : send(t.api.url, READ).then((o) => ({ ...o, write: false }));
    if (n % WRITE_EVERY === 0) writes += 1;
    const done = request.then((o) => void outcomes.push(o)).finally(() => pending.delete(done));
    pending.add(done);
  }
  await Promise.all(pending);
  const elapsed = performance.now() - started;
  const rssAfter = process.memoryUsage().rss;
  const after = await read(t.db, 'SHOW TRANSACTIONS YIELD currentQuery RETURN count(*) AS n');
  const metrics = await (await fetch(`${t.api.url}/metrics`)).text();
  const counted = (operation: string) =>
    Number(new RegExp(`^graphql_requests_total\\{operation="${operation}",outcome="ok"\\} (\\d+)$`, 'm').exec(metrics)?.[1] ?? 0);

  const ms = outcomes.map((o) => o.ms);
  const figures = (values: number[]) =>
    `p50 ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms, p99 ${quantile(values, 0.99).toFixed(1)} ms`;
  const errors = outcomes.filter((o) => !o.ok);
  console.log(
    [
      `soak (${FULL ? 'full' : 'short'}): ${outcomes.length} requests (${writes} writes) in ${(elapsed / 1000).toFixed(0)} s at ${RATE_PER_S}/s target, ${skipped} ticks skipped`,
      `  latency ${figures(ms)}, max ${Math.max(...ms).toFixed(1)} ms`,
      `  reads ${figures(outcomes.filter((o) => !o.write).map((o) => o.ms))}; writes ${figures(outcomes.filter((o) => o.write).map((o) => o.ms))}`,
      `  errors ${errors.length} (${((100 * errors.length) / outcomes.length).toFixed(3)} %)`,
      `  RSS of the test process (server and client) ${(rssBefore / 2 ** 20).toFixed(0)} MiB -> ${(rssAfter / 2 ** 20).toFixed(0)} MiB (${((rssAfter - rssBefore) / 2 ** 20).toFixed(1)} MiB)`,
      `  transactions in Neo4j before ${baseline[0].n}, after ${after[0].n}; in flight in the driver after ${inFlightTransactions()}`,
    ].join('\n'),
  );

  expect(errors).toEqual([]);
  expect(inFlightTransactions()).toBe(0);
  expect(after).toEqual(baseline);
  // Neither ReadActors nor AddStatement is an operation the service ships (playground examples,
  // dashboard), so /metrics counts both under the label `other`.
  expect(counted('other')).toBe(outcomes.length);
  expect(counted('ReadActors')).toBe(0);
}, 900_000);
