/**
 * `tsx src/bench/arms/floor-server.ts`: the benchmark's floor arm over HTTP, with node:http only.
 *
 * `POST /ping` answers `{}` without touching the database (the HTTP layer's own cost).
 * `POST /q/<question>` with a JSON body of BenchParams runs that question's one statement
 * (FLOOR_QUERIES) with `driver.executeQuery` routed to readers and answers 200 with the JSON
 * answer; an unknown question is 404, a body that is not a JSON object 400, a database failure 500.
 * Reads NEO4J_URI, NEO4J_USER (default neo4j), NEO4J_PASSWORD (default empty), NEO4J_DATABASE
 * (optional) and PORT (default 0: any free port). Prints `ready http://127.0.0.1:PORT` once
 * listening; closes the HTTP server and the driver on SIGTERM or SIGINT.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { createDatabase } from '../../db/driver';
import { fromNeo4j } from '../../db/values';
import type { BenchParams, QueryName } from '../queries';
import { FLOOR_QUERIES } from './floor';

const uri = process.env.NEO4J_URI;
if (!uri) {
  process.stderr.write('floor-server: NEO4J_URI is required\n');
  process.exit(2);
}
const db = createDatabase({
  uri,
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  database: process.env.NEO4J_DATABASE || undefined,
});

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'POST' && req.url === '/ping') {
    await readBody(req);
    send(res, 200, {});
    return;
  }
  const match = /^\/q\/([A-Za-z0-9]+)$/.exec(req.url ?? '');
  const name = match?.[1];
  if (req.method !== 'POST' || !name || !Object.hasOwn(FLOOR_QUERIES, name)) {
    // Drain the body so the connection stays usable for the next request.
    await readBody(req);
    send(res, 404, { error: `no question ${req.method} ${req.url}` });
    return;
  }
  let params: BenchParams;
  try {
    params = JSON.parse(await readBody(req)) as BenchParams;
    if (params === null || typeof params !== 'object' || Array.isArray(params)) throw new SyntaxError('not an object');
  } catch (error) {
    send(res, 400, { error: `body is not a JSON object of BenchParams: ${(error as Error).message}` });
    return;
  }
  const question = FLOOR_QUERIES[name as QueryName];
  try {
    const result = await db.driver.executeQuery(question.cypher, question.params(params), { database: db.database, routing: neo4j.routing.READ });
    const rows = result.records.map((record) => fromNeo4j(record.toObject()) as Record<string, unknown>);
    send(res, 200, question.answer(rows));
  } catch (error) {
    send(res, 500, { error: (error as Error).message });
  }
}

const server = createServer({ keepAlive: true }, (req, res) => void handle(req, res));
// Benchmark clients reuse connections; keep idle ones well past a pause between rounds.
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`ready http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.driver.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
