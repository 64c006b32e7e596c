/**
 * `npm start` on its own local Neo4j, as a newcomer uses it from a terminal: `npm run seed` while
 * it runs loads through the running service's database (and a second `npm start` on the same data
 * says in one line why it cannot); Ctrl-C (SIGINT to the whole foreground process group) drains the
 * requests in flight like SIGTERM and stops Neo4j last; and a service killed outright does not
 * leave its Neo4j behind. The service runs as `npm start` does, `node --import tsx`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../../src/db/driver';
import { freePort } from '../../src/db/local-neo4j';
import { PROJECT_ROOT } from '../../src/paths';
import { NO_CLIENT_LIMITS_ENV, type Outcome, READ, send } from '../helpers/load';
import { SEED_FILE } from '../helpers/seed-file';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SEARCH = `query Search { search(text: "talks", first: 20) { totalCount } }`;

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'newsgraph-local-service-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** The environment of a service or tool on the test's own local database (never an external one). */
function localEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...NO_CLIENT_LIMITS_ENV, NEO4J_LOCAL_DIR: dataDir, NEO4J_LOCAL_HEAP_MB: '512', ...extra };
  delete env.NEO4J_URI;
  return env;
}

interface Running {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<number | string | null>;
}

/** Runs a node script through tsx; `detached` puts it in a process group of its own, as a terminal does a job. */
function run(script: string, args: string[], env: NodeJS.ProcessEnv, detached = false): Omit<Running, 'url'> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { child, stderr: () => output, exited };
}

async function startService(): Promise<Running> {
  const port = await freePort();
  const service = { ...run('src/index.ts', [], localEnv({ PORT: String(port), SEED_ON_START: 'never' }), true), url: `http://127.0.0.1:${port}` };
  for (let ready = false; !ready;) {
    if (service.child.exitCode !== null) throw new Error(`the service exited early:\n${service.stderr()}`);
    ready = await fetch(`${service.url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (!ready) await sleep(250);
  }
  return service;
}

/** The Bolt URI the service recorded for its local Neo4j. */
async function ownerUri(): Promise<string> {
  return (JSON.parse(await readFile(join(dataDir, 'owner.json'), 'utf8')) as { uri: string }).uri;
}

async function boltAnswers(uri: string): Promise<boolean> {
  const db = createDatabase({ uri, user: 'neo4j', password: '' });
  try {
    await db.driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await db.driver.close();
  }
}

describe('npm start on a local Neo4j', () => {
  let service: Running;
  beforeAll(async () => {
    service = await startService();
  }, 300_000);
  afterAll(async () => {
    if (service?.child.exitCode === null) process.kill(-service.child.pid!, 'SIGKILL');
  });

  test('npm run seed while it runs loads through its database, and the service answers with the new data', async () => {
    const seed = run('src/cli/seed.ts', [SEED_FILE], localEnv());
    expect(await seed.exited).toBe(0);
    expect(seed.stderr()).toContain('using the local database of the running service');
    expect(seed.stderr()).not.toMatch(/Exception|\n\s+at /);
    const answer = await send(service.url, '{ actor(id: "actor:andrii-sybiha") { name } }');
    expect(answer.data).toEqual({ actor: { name: 'Andrii Sybiha' } });
  }, 300_000);

  test('a second npm start on the same data says in one line what to do', async () => {
    const second = run('src/index.ts', [], localEnv({ PORT: String(await freePort()) }));
    expect(await second.exited).toBe(1);
    const lines = second.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /is run by another process \(pid \d+, Neo4j at bolt:\/\/127\.0\.0\.1:\d+\): stop it first, or give this one its own data with NEO4J_LOCAL_DIR/,
    );
  }, 120_000);

  test('Ctrl-C (SIGINT to the process group) answers every request sent before it, keeps Neo4j up through the drain, stops it last and exits 0', async () => {
    const uri = await ownerUri();
    // A request still arriving when the signal comes: the drain waits for it, so Neo4j must too.
    const body = JSON.stringify({ query: '{ actor(id: "actor:andrii-sybiha") { name } }' });
    const slow = request(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const slowAnswer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      slow.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      slow.on('error', reject);
    });
    slow.write(body.slice(0, 10));

    const outcomes: Outcome[] = [];
    let signalAt = Infinity;
    let inFlight = 0;
    let inFlightAtSignal = 0;
    const workers = Array.from({ length: 20 }, async (_, w) => {
      for (let n = 0; performance.now() < signalAt; n += 1) {
        inFlight += 1;
        outcomes.push(await send(service.url, n % 2 === w % 2 ? READ : SEARCH));
        inFlight -= 1;
      }
    });
    while (outcomes.length < 200) await sleep(50);
    signalAt = performance.now();
    inFlightAtSignal = inFlight;
    process.kill(-service.child.pid!, 'SIGINT');
    await Promise.all(workers);
    while (!service.stderr().includes('SIGINT: shutting down')) await sleep(50);
    // Long enough for a Neo4j that got the signal too to have shut down (it takes about a second).
    await sleep(3_000);
    const upDuringDrain = await boltAnswers(uri);
    slow.end(body.slice(10));
    const answer = await slowAnswer;
    const code = await service.exited;

    const dropped = outcomes.filter((o) => o.startedAt < signalAt && !o.ok);
    expect(inFlightAtSignal).toBeGreaterThan(0);
    expect(dropped).toEqual([]);
    expect(upDuringDrain).toBe(true);
    expect(answer).toEqual({ status: 200, text: JSON.stringify({ data: { actor: { name: 'Andrii Sybiha' } } }) + '\n' });
    expect(code).toBe(0);
    expect(service.stderr()).not.toMatch(/"level":50|died/);
    expect(await boltAnswers(uri)).toBe(false);
    await expect(readFile(join(dataDir, 'owner.json'))).rejects.toThrow(/ENOENT/);
  }, 300_000);
});

test('a service killed outright (SIGKILL) does not leave its Neo4j running', async () => {
  const service = await startService();
  const uri = await ownerUri();
  expect(await boltAnswers(uri)).toBe(true);
  service.child.kill('SIGKILL');
  await service.exited;
  // Its Neo4j sees its standard input close and shuts down by itself.
  let answers = true;
  for (let attempt = 0; answers && attempt < 120; attempt += 1) {
    answers = await boltAnswers(uri);
    if (answers) await sleep(500);
  }
  expect(answers).toBe(false);
}, 300_000);
