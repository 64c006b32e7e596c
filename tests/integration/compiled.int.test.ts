/**
 * Production as the Dockerfile runs it: `npm run build`'s compiled JavaScript, `node dist/index.js`
 * in production mode, needing no dev dependency (tsx, TypeScript) at run time; its start log says
 * ready only when it is, and does not offer the playground, which is off.
 */
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../src/db/local-neo4j';
import { PROJECT_ROOT } from '../../src/paths';
import { testDatabaseSettings } from '../helpers/test-database';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await run(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(PROJECT_ROOT, 'tsconfig.build.json')], {
    cwd: PROJECT_ROOT,
  });
}, 180_000);

test('node dist/index.js serves GraphQL in production mode without any dev dependency, and logs "ready" without a playground link', async () => {
  const settings = testDatabaseSettings();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEO4J_URI: settings.uri,
    NEO4J_USER: settings.user,
    NEO4J_PASSWORD: settings.password,
    PORT: String(port),
    SEED_ON_START: 'never',
  };
  delete env.NODE_OPTIONS;
  if (settings.database) env.NEO4J_DATABASE = settings.database;
  const child = spawn(process.execPath, ['--require', join(PROJECT_ROOT, 'tests', 'helpers', 'forbid-dev-deps.js'), join(PROJECT_ROOT, 'dist', 'index.js')], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  try {
    for (let ready = false; !ready;) {
      if (child.exitCode !== null) throw new Error(`the compiled service exited:\n${stderr}`);
      ready = await fetch(`${url}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (!ready) await sleep(200);
    }
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actor(id: "actor:andrii-sybiha") { name actorKind } }' }),
    });
    expect(await response.json()).toEqual({ data: { actor: { name: 'Andrii Sybiha', actorKind: 'PERSON' } } });
    // The ready line follows the preparation, which /readyz already saw done.
    for (let wait = 0; wait < 100 && !stderr.includes('"msg":"ready in'); wait += 1) await sleep(100);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  expect(stderr).not.toContain('dev dependency');
  expect(stderr).toMatch(/"msg":"ready in [\d.]+ s: GraphQL API at http:\/\/127\.0\.0\.1:\d+\/graphql"/);
  expect(stderr).toContain('playground: off (PLAYGROUND=true turns it on)');
  expect(stderr).not.toContain(`open ${url}/ in a browser`);
}, 180_000);
