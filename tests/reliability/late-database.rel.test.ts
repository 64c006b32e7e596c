/**
 * `npm start` with an external Neo4j (NEO4J_URI) that is down at start: the service starts
 * anyway, /healthz is 200, /readyz 503 with a reason and GraphQL 503 SERVICE_NOT_READY; when
 * Neo4j comes up the service applies the schema, seeds the empty graph and becomes ready without
 * a restart, and only then logs that it is ready.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalNeo4j, freePort, startLocalNeo4j } from '../../src/db/local-neo4j';
import { PROJECT_ROOT } from '../../src/paths';

let neo4j: LocalNeo4j | undefined;
let homeDir: string | undefined;
afterAll(async () => {
  await neo4j?.stop();
  if (homeDir) await rm(homeDir, { recursive: true, force: true });
});

test('the service starts before its database, says why it is not ready, and becomes ready when the database comes up', async () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const [port, boltPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'index.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, PORT: String(port), SEED_ON_START: 'if-empty' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  try {
    let health: Response | undefined;
    while (!health) {
      health = await fetch(`${url}/healthz`).catch(() => undefined);
      if (!health) await sleep(200);
    }
    const readiness = await fetch(`${url}/readyz`);
    const reason = ((await readiness.json()) as { reason?: string }).reason;
    const query = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }),
    });
    const queryBody = (await query.json()) as { errors?: { extensions?: { code?: string } }[] };

    homeDir = await mkdtemp(join(tmpdir(), 'newsgraph-late-neo4j-'));
    neo4j = await startLocalNeo4j({ homeDir, port: boltPort, log: () => undefined });
    const upAt = performance.now();
    let readyAt: number | undefined;
    while (readyAt === undefined) {
      if ((await fetch(`${url}/readyz`)).status === 200) readyAt = performance.now();
      else await sleep(200);
    }
    const actors = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }),
    });
    const actorsBody = (await actors.json()) as { data?: { actors: { totalCount: number } } };
    console.log(
      `late database: /readyz before Neo4j: ${readiness.status} (${reason}); ready ${((readyAt - upAt) / 1000).toFixed(1)} s after Neo4j was up (schema and seed included)`,
    );

    expect(health.status).toBe(200);
    expect(readiness.status).toBe(503);
    expect(reason).toEqual(expect.any(String));
    expect(query.status).toBe(503);
    expect(queryBody.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_NOT_READY']);
    expect(actorsBody.data?.actors.totalCount).toBeGreaterThan(0);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  expect(stderr).toContain('database prepared');
  expect(stderr.indexOf('"msg":"ready in')).toBeGreaterThan(stderr.indexOf('database prepared'));
  expect(stderr).not.toContain('GraphQL API listening');
}, 300_000);
