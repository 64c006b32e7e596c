/**
 * `npm start`'s process (src/index.ts) under load receives SIGTERM: it stops accepting, every
 * request sent before the signal still gets its complete answer, and the process exits 0. It runs
 * as `npm start` does, `node --import tsx`: the `tsx` command would stand between the signal and
 * the service, and SIGKILLs a child that does not answer its relayed signal within 30 ms.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../src/db/local-neo4j';
import { PROJECT_ROOT } from '../../src/paths';
import { seedFiles } from '../../src/ingest/seed';
import { AUTH_ENV, NO_CLIENT_LIMITS_ENV, type Outcome, READ, send } from '../helpers/load';
import { useOwnGraph } from '../helpers/scale-graph';
import { SEED_FILE } from '../helpers/seed-file';

const t = useOwnGraph((db) => seedFiles(db, [SEED_FILE], () => undefined));
const SEARCH = `query Search { search(text: "talks", first: 20) { totalCount } }`;

test('SIGTERM under load: every request sent before the signal is answered in full, and the process exits 0', async () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'index.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...AUTH_ENV, ...NO_CLIENT_LIMITS_ENV, NEO4J_URI: t.uri, PORT: String(port), SEED_ON_START: 'never', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  for (let ready = false; !ready;) {
    ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (!ready) await sleep(200);
  }

  const outcomes: Outcome[] = [];
  let signalAt = Infinity;
  let inFlight = 0;
  let inFlightAtSignal = 0;
  const workers = Array.from({ length: 30 }, async (_, w) => {
    for (let n = 0; performance.now() < signalAt; n += 1) {
      inFlight += 1;
      outcomes.push(await send(url, n % 2 === w % 2 ? READ : SEARCH));
      inFlight -= 1;
    }
  });
  // Signal once the service is warm and answering, with requests of every worker in flight.
  while (outcomes.length < 300) await sleep(50);
  signalAt = performance.now();
  inFlightAtSignal = inFlight;
  child.kill('SIGTERM');
  const code = await exited;
  const stoppedAt = performance.now();
  await Promise.all(workers);

  const before = outcomes.filter((o) => o.startedAt < signalAt);
  const dropped = before.filter((o) => !o.ok);
  console.log(
    [
      `sigterm: ${before.length} requests sent before the signal, ${inFlightAtSignal} of them in flight at the signal; ${dropped.length} not answered in full`,
      `  exit ${code} ${((stoppedAt - signalAt) / 1000).toFixed(2)} s after SIGTERM`,
    ].join('\n'),
  );
  expect(inFlightAtSignal).toBeGreaterThan(0);
  expect(dropped).toEqual([]);
  expect(code).toBe(0);
  expect(stderr).not.toMatch(/"level":50|failed/);
}, 300_000);
