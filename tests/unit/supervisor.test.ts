/**
 * The local Neo4j supervisor over fake servers (no Java): a death that nobody asked for is logged
 * at error level with how it ended and the last output, the server is started again on the same
 * port, failed attempts back off, /healthz's `failing()` turns on past the recovery timeout, and a
 * requested stop or a shutdown never restarts anything.
 */
import type { LocalNeo4j, Neo4jExit } from '../../src/db/local-neo4j';
import { type RestartPolicy, superviseNeo4j } from '../../src/db/supervisor';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fake servers: `die()` ends the latest one as a crash would; `refuse` makes the next starts fail. */
function fakeNeo4j() {
  const started: { port: number | undefined; server: LocalNeo4j; die: (exit: Neo4jExit) => void; stopped: boolean }[] = [];
  const state = { refuse: 0 };
  const start = async (port: number | undefined): Promise<LocalNeo4j> => {
    if (state.refuse > 0) {
      state.refuse -= 1;
      throw new Error('Neo4j exited before it was ready (code 1, signal null). Last output:\nAddress already in use');
    }
    let die: (exit: Neo4jExit) => void = () => undefined;
    const exited = new Promise<Neo4jExit>((resolve) => (die = resolve));
    const entry = {
      port,
      die,
      stopped: false,
      server: {
        uri: `bolt://127.0.0.1:${port ?? 7999}`,
        port: port ?? 7999,
        homeDir: '/tmp/fake',
        version: '5.26.0',
        exited,
        lastOutput: () => ['started', 'then something went wrong'],
        stop: async () => {
          entry.stopped = true;
          die({ code: 0, signal: null });
        },
        kill: async () => die({ code: null, signal: 'SIGKILL' }),
      },
    };
    started.push(entry);
    return entry.server;
  };
  return { start, started, state };
}

function logs() {
  const lines = { info: [] as string[], error: [] as string[] };
  return { lines, log: { info: (l: string) => lines.info.push(l), error: (l: string) => lines.error.push(l) } };
}

const policy: RestartPolicy = { backoffMs: 10, maxBackoffMs: 40, recoveryTimeoutMs: 60_000 };

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) await sleep(10);
  expect(condition()).toBe(true);
}

test('a crash is logged at error level with its signal and last output, and Neo4j comes back on the same port', async () => {
  const fake = fakeNeo4j();
  const { lines, log } = logs();
  const supervised = await superviseNeo4j(fake.start, { port: undefined, policy, log });
  expect(supervised.down()).toBeNull();

  fake.started[0].die({ code: null, signal: 'SIGKILL' });
  await until(() => lines.error.length > 0);
  expect(lines.error[0]).toMatch(/died \(signal SIGKILL\)/);
  expect(lines.error[0]).toContain('then something went wrong');
  await until(() => fake.started.length === 2 && supervised.down() === null);
  expect(fake.started[1].port).toBe(7999);
  expect(lines.info.join('\n')).toMatch(/back on bolt:\/\/127\.0\.0\.1:7999/);

  // It keeps watching the new server: a second crash is caught too.
  fake.started[1].die({ code: 137, signal: null });
  await until(() => fake.started.length === 3 && supervised.down() === null);
  expect(lines.error[1]).toMatch(/died \(exit code 137\)/);
  await supervised.stop();
  expect(fake.started[2].stopped).toBe(true);
});

test('failed restarts are logged and retried with backoff until one succeeds', async () => {
  const fake = fakeNeo4j();
  const { lines, log } = logs();
  const supervised = await superviseNeo4j(fake.start, { port: 7687, policy, log });
  fake.state.refuse = 3;
  fake.started[0].die({ code: null, signal: 'SIGKILL' });
  await until(() => supervised.down() !== null);
  expect(supervised.down()).toMatch(/died/);
  await until(() => fake.started.length === 2 && supervised.down() === null);
  expect(lines.error.filter((l) => /restart attempt \d failed/.test(l))).toHaveLength(3);
  expect(lines.error.join('\n')).toMatch(/attempt 1 failed; next in 0\.02 s[\s\S]*attempt 2 failed; next in 0\.04 s[\s\S]*attempt 3 failed; next in 0\.04 s/);
  expect(fake.started[1].port).toBe(7687);
  await supervised.stop();
});

test('down longer than the recovery timeout, failing() says so; back up, it clears', async () => {
  const fake = fakeNeo4j();
  const { lines, log } = logs();
  const supervised = await superviseNeo4j(fake.start, { port: 7687, policy: { ...policy, recoveryTimeoutMs: 100 }, log });
  fake.state.refuse = Number.MAX_SAFE_INTEGER;
  fake.started[0].die({ code: null, signal: 'SIGKILL' });
  await until(() => supervised.failing() !== null);
  expect(supervised.failing()).toMatch(/longer than NEO4J_RECOVERY_TIMEOUT_MS/);
  await until(() => lines.error.some((l) => l.includes('/healthz now fails')));
  fake.state.refuse = 0;
  await until(() => supervised.failing() === null && supervised.down() === null);
  await supervised.stop();
});

test('stop() and a shutdown in progress never restart Neo4j', async () => {
  const fake = fakeNeo4j();
  const { lines, log } = logs();
  const supervised = await superviseNeo4j(fake.start, { port: 7687, policy, log });
  await supervised.stop();
  await sleep(100);
  expect(fake.started).toHaveLength(1);
  expect(lines.error).toEqual([]);

  let shuttingDown = false;
  const other = await superviseNeo4j(fake.start, { port: 7688, policy, log, shuttingDown: () => shuttingDown });
  shuttingDown = true;
  fake.started[1].die({ code: 130, signal: null }); // Ctrl-C reached the Neo4j child too
  await sleep(100);
  expect(fake.started).toHaveLength(2);
  expect(lines.error).toEqual([]);
  await other.stop();
});

test('stop() during a restart under way stops the server that attempt started', async () => {
  const fake = fakeNeo4j();
  const { log } = logs();
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const supervised = await superviseNeo4j(
    async (port) => {
      if (fake.started.length > 0) await gate; // the restart hangs until released
      return fake.start(port);
    },
    { port: 7687, policy, log },
  );
  fake.started[0].die({ code: null, signal: 'SIGKILL' });
  await sleep(50);
  const stopped = supervised.stop();
  release();
  await stopped;
  expect(fake.started.every((s) => s.stopped || s === fake.started[0])).toBe(true);
  expect(fake.started.length).toBeLessThanOrEqual(2);
});
