/**
 * `npm run seed` when NEO4J_URI names a Neo4j that does not answer: `--check` validates the files
 * alone, says what it could not check and exits 3; the load says so in one line and exits 1. Neither
 * prints a stack trace.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { SEED_FILE } from '../helpers/seed-file';

/** A loopback port nothing listens on: bound once, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function seed(args: string[], uri: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
      [join(PROJECT_ROOT, 'src', 'cli', 'seed.ts'), ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, NEO4J_URI: uri } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

test('seed --check against a Neo4j that does not answer validates the files alone, says so and exits 3; the load exits 1 with one line', async () => {
  const uri = `bolt://127.0.0.1:${await closedPort()}`;
  const check = await seed(['--check', SEED_FILE], uri);
  expect(check.code).toBe(3);
  expect(check.stderr).toContain(`The Neo4j at ${uri} could not be reached`);
  expect(check.stderr).toContain('validation only; resolution, the review queue and conflicts with the graph were NOT checked');
  expect(check.stdout).toContain(`${SEED_FILE}: valid as a document`);
  const load = await seed([SEED_FILE], uri);
  expect(load.code).toBe(1);
  expect(load.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^The Neo4j at ${uri} could not be reached: .*ECONNREFUSED`))]);
  expect(check.stderr + load.stderr).not.toMatch(/\n\s+at /);
}, 60_000);
