/**
 * Two replicas of the service, two processes started as `npm start` starts one, on one Neo4j. A
 * write through one reaches a subscriber connected to the other, invalidates the other's analytics
 * cache, and can be read back at once through either (with the bookmarks its response carries).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../src/db/local-neo4j';
import { seedFiles } from '../../src/ingest/seed';
import { PROJECT_ROOT } from '../../src/paths';
import { ADD_STATEMENT, AUTH_ENV, editorHeaders, NO_CLIENT_LIMITS_ENV, statementInput } from '../helpers/load';
import { useOwnGraph } from '../helpers/scale-graph';
import { SEED_FILE } from '../helpers/seed-file';
import { gauge, subscribe, waitUntil, wsClient } from '../helpers/subscriptions';

const t = useOwnGraph((db) => seedFiles(db, [SEED_FILE], () => undefined));

interface Replica {
  url: string;
  child: ChildProcess;
  stderr: () => string;
}

async function startReplica(): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'index.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...AUTH_ENV, ...NO_CLIENT_LIMITS_ENV, NEO4J_URI: t.uri, PORT: String(port), SEED_ON_START: 'never', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    () =>
      fetch(`${url}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      ),
    120_000,
    `replica on ${port} to be ready`,
  );
  return { url, child, stderr: () => stderr };
}

let a: Replica;
let b: Replica;
beforeAll(async () => {
  [a, b] = await Promise.all([startReplica(), startReplica()]);
}, 180_000);
afterAll(async () => {
  for (const replica of [a, b]) {
    if (!replica || replica.child.exitCode !== null) continue;
    const exited = new Promise((resolve) => replica.child.once('exit', resolve));
    replica.child.kill('SIGTERM');
    await exited;
  }
});

async function post(replica: Replica, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${replica.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { headers: response.headers, body: (await response.json()) as any };
}

const STATEMENTS = `query { stats { nodes { type count } } }`;
const statementCount = (body: any) => body.data.stats.nodes.find((n: any) => n.type === 'Statement')?.count ?? 0;
const STATEMENT = `query ($id: ID!) { statement(id: $id) { id text } }`;

test('a write through one replica reaches a subscriber of the other, invalidates its analytics cache, and reads back through either', async () => {
  expect(a.child.pid).not.toBe(b.child.pid);
  // B's analytics cache holds the stats at the graph's version now.
  const before = await post(b, STATEMENTS);
  expect((await post(b, STATEMENTS, {}, { 'x-debug-db': '1' })).body.data).toEqual(before.body.data);

  const { client } = wsClient(`${b.url.replace('http', 'ws')}/graphql`);
  const received = subscribe(client, 'subscription { graphChanged { kind version ids } }');
  await waitUntil(async () => (await gauge(b.url, 'graphql_subscriptions_active')) === 1, 10_000, 'the subscription on B');
  try {
    const id = 'statement:written-on-replica-a';
    const written = await post(a, ADD_STATEMENT, { input: statementInput(id) }, await editorHeaders());
    expect(written.body.data.addStatement.userErrors).toEqual([]);
    // The write's bookmarks come back in the response, as an extension and a header.
    const bookmarks: string[] = written.body.extensions.bookmarks;
    expect(bookmarks.length).toBeGreaterThan(0);
    expect(written.headers.get('neo4j-bookmark')).toBe(bookmarks.join(','));

    // Read back at once, through either replica, sending the bookmarks back.
    for (const replica of [b, a]) {
      const read = await post(replica, STATEMENT, { id }, { 'neo4j-bookmark': bookmarks.join(',') });
      expect(read.body.data.statement).toEqual({ id, text: 'Kyiv is under serious pressure.' });
    }

    // B's subscriber hears of it, from the graph's change record.
    const event = (await received.next()).graphChanged;
    expect(event).toMatchObject({ kind: 'STATEMENT_ADDED', ids: expect.arrayContaining([id, 'actor:tass']) });

    // B's cached stats were for the older graph version: it counts again.
    const after = await post(b, STATEMENTS);
    expect(statementCount(after.body)).toBe(statementCount(before.body) + 1);
  } finally {
    await client.dispose();
  }
});

test('a bookmark header that is not a bookmark is refused with BAD_USER_INPUT', async () => {
  const response = await post(a, STATEMENT, { id: 'statement:x' }, { 'neo4j-bookmark': Array.from({ length: 20 }, (_, i) => `FB:${i}`).join(',') });
  expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', header: 'neo4j-bookmark' });
});
