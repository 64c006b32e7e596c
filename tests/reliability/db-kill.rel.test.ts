/**
 * Neo4j killed with SIGKILL under mixed read/write load at concurrency 50, and started again on
 * the same data after a pause (10 s in full, 3 s in short). Every write the service acknowledged
 * is in the graph exactly once, with one change record (a retry after an unknown commit outcome
 * replays, it does not write twice); every error a client saw during the outage carries a code.
 */
import { read } from '../../src/db/driver';
import { seedFiles } from '../../src/ingest/seed';
import { FULL, AUTH, mixedLoad, send, READ } from '../helpers/load';
import { useOwnGraph } from '../helpers/scale-graph';
import { SEED_FILE } from '../helpers/seed-file';

const t = useOwnGraph((db) => seedFiles(db, [SEED_FILE], () => undefined), { auth: AUTH, ownProcess: true });
const PAUSE_MS = FULL ? 10_000 : 3_000;
/** Codes a client may see while the database is down; anything else is a bug. */
const OUTAGE_CODES = new Set(['DATABASE_UNAVAILABLE']);

test('a SIGKILLed Neo4j under load loses no acknowledged write, duplicates none, and every error is coded', async () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let stopping = false;
  const load = mixedLoad(t.api.url, { concurrency: 50, prefix: 'kill', stop: () => stopping, deadline: Date.now() + 240_000 });

  await sleep(3_000);
  const killedAt = performance.now();
  await t.kill();
  await sleep(PAUSE_MS);
  const restartAt = performance.now();
  await t.restart();
  const upAt = performance.now();
  // The first read to succeed after the restart began (polled every 50 ms, beside the load).
  let firstSuccess: number | undefined;
  while (firstSuccess === undefined) {
    const outcome = await send(t.api.url, READ);
    if (outcome.ok) firstSuccess = outcome.startedAt + outcome.ms;
    else await sleep(50);
  }
  await sleep(3_000);
  stopping = true;
  const { acknowledged, outcomes, unacknowledged } = await load;

  const rows = await read(t.db, "MATCH (s:Statement) WHERE s.id STARTS WITH 'statement:kill-' RETURN s.id AS id");
  const found = rows.map((r) => r.id as string);
  const changes = await read(t.db, "MATCH (c:Change) UNWIND c.targetIds AS id WITH id, count(c) AS n WHERE id STARTS WITH 'statement:kill-' RETURN id, n");
  const errors = outcomes.filter((o) => !o.ok);
  const codes = new Map<string, number>();
  for (const o of errors) for (const code of o.codes.length ? o.codes : [`HTTP_${o.status}`]) codes.set(code, (codes.get(code) ?? 0) + 1);
  console.log(
    [
      `db-kill (${FULL ? 'full' : 'short'}): concurrency 50, pause ${PAUSE_MS / 1000} s, ${outcomes.length} requests`,
      `  writes acknowledged ${acknowledged.length}, found ${found.length}, in the graph but unacknowledged ${found.filter((id) => !acknowledged.includes(id)).length}, given up ${unacknowledged.length}`,
      `  errors ${errors.length}: ${JSON.stringify(Object.fromEntries(codes))}`,
      // What a client got as INTERNAL_SERVER_ERROR, as the service logged it (class, driver code, cause).
      ...t.log.filter((line) => line.startsWith('[graphql] internal error')).map((line) => `  ${line.split('\n')[0]}`),
      `  Neo4j restart took ${((upAt - restartAt) / 1000).toFixed(1)} s; first success ${((firstSuccess - upAt) / 1000).toFixed(2)} s after it was up, ${((firstSuccess - killedAt) / 1000).toFixed(1)} s after the kill`,
    ].join('\n'),
  );

  expect(unacknowledged).toEqual([]);
  expect(new Set(acknowledged).size).toBe(acknowledged.length);
  expect([...found].sort()).toEqual([...acknowledged].sort());
  expect(changes.filter((c) => Number(c.n) !== 1)).toEqual([]);
  expect(changes.length).toBe(acknowledged.length);
  expect([...codes.keys()].filter((code) => !OUTAGE_CODES.has(code))).toEqual([]);
  expect(errors.filter((o) => o.status >= 500 && o.codes.length === 0)).toEqual([]);
}, 400_000);
