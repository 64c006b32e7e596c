/**
 * An outage longer than the driver's retry window: while Neo4j is down, reads and writes fail with
 * DATABASE_UNAVAILABLE within the documented bound (FAIL_FAST_BOUND_MS), /healthz stays 200 and
 * /readyz is 503 with a reason; once Neo4j is back on the same data the same server (same driver
 * and pool) answers again and /readyz is 200, with no transaction left running.
 */
import { FAIL_FAST_BOUND_MS, RETRY_BOUND_MS, inFlightTransactions, read } from '../../src/db/driver';
import { seedFiles } from '../../src/ingest/seed';
import { ADD_STATEMENT, AUTH, FULL, type Outcome, READ, editorHeaders, quantile, send, statementInput } from '../helpers/load';
import { useOwnGraph } from '../helpers/scale-graph';
import { SEED_FILE } from '../helpers/seed-file';

const t = useOwnGraph((db) => seedFiles(db, [SEED_FILE], () => undefined), { auth: AUTH, ownProcess: true });
/**
 * How long Neo4j stays down before it is started again: longer than the retry window, so each
 * client's requests run out of retries and fail (several windows in full).
 */
const DOWN_MS = FULL ? 30_000 : 2 * RETRY_BOUND_MS;

test('requests fail fast with DATABASE_UNAVAILABLE during a long outage, and the pool recovers after restart', async () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const headers = await editorHeaders();
  expect((await send(t.api.url, READ)).ok).toBe(true);
  const ready = await fetch(`${t.api.url}/readyz`);
  expect(ready.status).toBe(200);

  await t.kill();
  const downAt = performance.now();
  const outcomes: Outcome[] = [];
  let restarting = false;
  // Five clients, reads and writes in turn, while Neo4j is down and while it restarts.
  const clients = Array.from({ length: 5 }, async (_, c) => {
    for (let n = 0; !restarting; n += 1) {
      if (n % 2 === 0) outcomes.push(await send(t.api.url, READ));
      else outcomes.push(await send(t.api.url, ADD_STATEMENT, { input: statementInput(`statement:outage-${c}-${n}`), key: `outage-${c}-${n}` }, headers));
    }
  });
  await sleep(2_000);
  const health = await fetch(`${t.api.url}/healthz`);
  const readiness = await fetch(`${t.api.url}/readyz`);
  const readinessBody = (await readiness.json()) as { reason?: string };
  await sleep(Math.max(0, DOWN_MS - (performance.now() - downAt)));
  restarting = true;
  await Promise.all(clients);
  const restartAt = performance.now();
  await t.restart();
  const upAt = performance.now();
  let readyAt: number | undefined;
  while (readyAt === undefined) {
    if ((await fetch(`${t.api.url}/readyz`)).status === 200) readyAt = performance.now();
    else await sleep(100);
  }
  const after = await send(t.api.url, READ);
  const written = await send(t.api.url, ADD_STATEMENT, { input: statementInput('statement:outage-after'), key: 'outage-after' }, headers);
  const transactions = await read(t.db, 'SHOW TRANSACTIONS YIELD currentQuery RETURN count(*) AS n');

  const ms = outcomes.map((o) => o.ms);
  console.log(
    [
      `outage (${FULL ? 'full' : 'short'}): Neo4j down ${((restartAt - downAt) / 1000).toFixed(1)} s (+${((upAt - restartAt) / 1000).toFixed(1)} s to restart), retry window ${RETRY_BOUND_MS / 1000} s`,
      `  ${outcomes.length} requests during the outage, all DATABASE_UNAVAILABLE: ${outcomes.every((o) => o.codes.every((c) => c === 'DATABASE_UNAVAILABLE') && o.codes.length > 0)}`,
      `  time to fail: p50 ${quantile(ms, 0.5).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms (documented bound ${FAIL_FAST_BOUND_MS} ms)`,
      `  /readyz during the outage: ${readiness.status} ${JSON.stringify(readinessBody)}`,
      `  /readyz 200 again ${((readyAt - upAt) / 1000).toFixed(2)} s after Neo4j was up`,
    ].join('\n'),
  );

  expect(outcomes.length).toBeGreaterThan(0);
  expect(outcomes.filter((o) => o.status !== 200 || o.codes.length !== 1 || o.codes[0] !== 'DATABASE_UNAVAILABLE')).toEqual([]);
  expect(outcomes.filter((o) => o.ms > FAIL_FAST_BOUND_MS)).toEqual([]);
  expect(health.status).toBe(200);
  expect(readiness.status).toBe(503);
  expect(readinessBody.reason).toEqual(expect.any(String));
  expect(after.ok).toBe(true);
  expect(written).toMatchObject({ ok: true, data: { addStatement: { statement: { id: 'statement:outage-after' } } } });
  expect(inFlightTransactions()).toBe(0);
  expect(transactions).toEqual([{ n: 1 }]); // only SHOW TRANSACTIONS itself
}, 300_000);
