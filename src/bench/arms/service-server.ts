/**
 * This service as a benchmark arm: `tsx src/bench/arms/service-server.ts` with NEO4J_URI and
 * PORT serves exactly what `npm start` serves (production mode off, so `x-debug-db: 1` reports
 * round trips) and prints `ready <url>` when it listens. Like the other arms, it keeps the Cypher
 * statements it sent since `POST /__reset` for `GET /__statements`, so the benchmark can PROFILE
 * them. Stops on SIGTERM. The request limits come from the environment as for `npm start`: one
 * load generator is one client to the work queue, so a run above concurrency 8 of expensive
 * operations (search, path, analytics) needs EXPENSIVE_MAX_PER_CLIENT raised, or it measures 429s.
 */
import { createServer as createHttpServer } from 'node:http';
import { loadConfig } from '../../config';
import { createDatabase } from '../../db/driver';
import { readinessProblem } from '../../repositories/schema-repository';
import { createServer } from '../../server';
import { serveStatements } from './statements';

async function main(): Promise<void> {
  const db = createDatabase({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
  const recorded = serveStatements();
  const server = await createServer({ db, readiness: () => readinessProblem(db), log: () => undefined, trace: recorded.record, limits: loadConfig().limits });
  const http = createHttpServer((req, res) => {
    if (recorded.handle(req, res)) return;
    void server.handle(req, res);
  });
  http.keepAliveTimeout = 60_000;
  http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = http.address() as { port: number };
    process.stdout.write(`ready http://127.0.0.1:${address.port}/graphql\n`);
  });
  process.on('SIGTERM', () => {
    http.close();
    http.closeAllConnections();
    void server
      .stop()
      .then(() => db.driver.close())
      .then(() => process.exit(0));
  });
}

void main();
