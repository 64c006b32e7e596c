/**
 * Measures subscriptions (not a test: timings are reported, never asserted). Starts a throwaway
 * local Neo4j, seeds it, and runs the service as `npm start` does, in a child process. Then:
 *
 * 1. event delay: one subscriber; WRITES curator writes (addStatement over HTTP), a random 20-120 ms
 *    apart; for each, the time from the event's `at` (stamped in the write transaction just before
 *    its commit) to the subscriber's receipt, and from the mutation's response to the receipt;
 * 2. concurrent subscribers: connections of one subscription each, opened in steps of STEP up to
 *    MAX; at each step one write, the time until every subscriber has it, and the service's RSS.
 *
 *   npm run bench:subscriptions -- [WRITES=150] [STEP=1000] [MAX=5000]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { freePort, startLocalNeo4j } from '../db/local-neo4j';
import { PROJECT_ROOT } from '../paths';

const [WRITES, STEP, MAX] = [Number(process.argv[2] ?? 150), Number(process.argv[3] ?? 1000), Number(process.argv[4] ?? 5000)];
const SECRET = randomBytes(32).toString('hex');
const ADD = `mutation ($input: AddStatementInput!) { addStatement(input: $input) { statement { id } userErrors { message } } }`;
const SUBSCRIBE = 'subscription { graphChanged { version at kind } }';

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'newsgraph-subscription-bench-'));
  const neo4j = await startLocalNeo4j({ homeDir: home, heapMb: 1024, pageCacheMb: 256, log: () => undefined });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'index.ts')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      PORT: String(port),
      AUTH_JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: 'off',
      MAX_CONCURRENT_PER_CLIENT: 'off',
      HTTP_MAX_CONNECTIONS: String(MAX + 100),
      SUBSCRIPTION_MAX_CONNECTIONS: String(MAX + 100),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const clients: Client[] = [];
  try {
    while (
      !(await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      ))
    )
      await sleep(200);
    const token = await new SignJWT({ role: 'editor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('bench')
      .setExpirationTime('2h')
      .sign(new TextEncoder().encode(SECRET));
    let n = 0;
    const write = async () => {
      n += 1;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: ADD,
          variables: {
            input: {
              sourceId: 'source:observer-uae-talks',
              id: `statement:bench-${n}`,
              text: 'Kyiv is under serious pressure.',
              kind: 'REPORTED',
              speakerId: 'actor:tass',
              evidence: [{ sentence: 13, excerpt: 'Kyiv is under serious pressure' }],
            },
          },
        }),
      });
      const body = (await response.json()) as { data?: { addStatement: { userErrors: unknown[] } } };
      if (!body.data || body.data.addStatement.userErrors.length) throw new Error(`write failed: ${JSON.stringify(body)}`);
      return performance.now();
    };
    const rss = async () => {
      const text = await (await fetch(`${url}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith('process_resident_memory_bytes '));
      return Math.round(Number(line?.split(' ')[1]) / 2 ** 20);
    };
    const open = (onEvent: (event: { version: number; at: string }) => void) =>
      new Promise<Client>((resolve, reject) => {
        const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, keepAlive: 0 });
        client.on('connected', () => resolve(client));
        client.on('closed', (event) => reject(new Error(`closed: ${(event as WebSocket.CloseEvent).code} ${(event as WebSocket.CloseEvent).reason}`)));
        client.subscribe<{ graphChanged: { version: number; at: string } }>(
          { query: SUBSCRIBE },
          { next: (r) => r.data && onEvent(r.data.graphChanged), error: () => undefined, complete: () => undefined },
        );
      });

    // 1. Event delay.
    const received = new Map<number, { at: string; wall: number; receivedAt: number }>();
    clients.push(await open((event) => received.set(event.version, { at: event.at, wall: Date.now(), receivedAt: performance.now() })));
    await sleep(1_000);
    const answered: number[] = [];
    for (let i = 0; i < WRITES; i += 1) {
      answered.push(await write());
      await sleep(20 + Math.random() * 100);
    }
    await sleep(2_000);
    const events = [...received.values()];
    const fromCommit = events.map((e) => e.wall - Date.parse(e.at));
    const fromResponse = events.map((e, i) => e.receivedAt - answered[i]);
    const ms = (v: number) => `${Math.round(v)} ms`;
    console.log(`event delay over ${events.length} of ${WRITES} writes (SUBSCRIPTION_POLL_MS default 250):`);
    console.log(`  from commit stamp: p50 ${ms(quantile(fromCommit, 0.5))}, p95 ${ms(quantile(fromCommit, 0.95))}, max ${ms(Math.max(...fromCommit))}`);
    console.log(`  from the mutation's response: p50 ${ms(quantile(fromResponse, 0.5))}, p95 ${ms(quantile(fromResponse, 0.95))}`);

    // 2. Concurrent subscribers.
    let latest = 0;
    const seen = new Map<number, number>();
    const onEvent = (event: { version: number }) => seen.set(event.version, (seen.get(event.version) ?? 0) + 1);
    console.log(`subscribers (one connection each), RSS of the service process:`);
    console.log(`  before: ${await rss()} MiB`);
    while (clients.length < MAX) {
      const target = Math.min(MAX, clients.length - 1 + STEP + 1);
      try {
        while (clients.length < target) {
          const batch = await Promise.all(Array.from({ length: Math.min(100, target - clients.length) }, () => open(onEvent)));
          clients.push(...batch);
        }
      } catch (error) {
        console.log(`  stopped opening at ${clients.length} connections: ${(error as Error).message}`);
        break;
      }
      await sleep(1_000);
      const sent = await write();
      const expected = clients.length - 1;
      while ((seen.get((latest = Math.max(...seen.keys(), latest))) ?? 0) < expected) await sleep(10);
      const fanOut = performance.now() - sent;
      console.log(`  ${expected} subscribers: a write reached all of them ${ms(fanOut)} after its response; RSS ${await rss()} MiB`);
    }
  } finally {
    for (const client of clients) void client.dispose();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await neo4j.stop();
    await rm(home, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
