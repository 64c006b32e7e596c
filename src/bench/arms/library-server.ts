/**
 * `tsx src/bench/arms/library-server.ts`: the library arm's server. Serves LIBRARY_TYPE_DEFS
 * through `@neo4j/graphql` and Apollo Server at http://127.0.0.1:$PORT/graphql (POST JSON) over
 * the Neo4j at $NEO4J_URI ($NEO4J_USER, default neo4j; $NEO4J_PASSWORD, default empty), and
 * prints `ready http://127.0.0.1:$PORT/graphql` once it listens.
 *
 * Every Cypher statement the library sends is recorded, so the benchmark can count round trips
 * per request and PROFILE them: `POST /__reset` clears the record, `GET /__statements` returns
 * `[{cypher, params}]` since then (see ./statements.ts). The library's one-off version check is made before `ready`, so the
 * record starts empty. SIGTERM or SIGINT stops the server and closes the driver.
 */
import { ApolloServer } from '@apollo/server';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createServer, type ServerResponse } from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { executeGraphQL } from '../../http/router';
import { LIBRARY_TYPE_DEFS } from './library';
import { serveStatements } from './statements';

const log = (line: string) => console.error(line);

/**
 * Wraps a driver so that every `run` on a session, and on the transactions handed to
 * `executeRead`/`executeWrite` work (which is what the library's Executor calls: a session per
 * request, `session.executeRead(tx => tx.run(cypher, params))`), is recorded before it is sent.
 */
function recordingDriver(driver: Driver, record: (cypher: string, params: Record<string, unknown>) => void): Driver {
  const recordingRun =
    (runner: { run: (...args: any[]) => unknown }) =>
    (cypher: unknown, params?: Record<string, unknown>, ...rest: unknown[]) => {
      record(typeof cypher === 'string' ? cypher : String((cypher as { text?: string })?.text ?? cypher), params ?? {});
      return runner.run(cypher, params, ...rest);
    };
  /** A method of the driver's objects (each returns an object: a session, a transaction, a promise), called on its own object. */
  type Method = (this: unknown, ...args: unknown[]) => object;
  const wrapTx = <T extends object>(tx: T): T =>
    new Proxy(tx, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === 'run') return recordingRun(target as never);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const wrapSession = <T extends object>(session: T): T =>
    new Proxy(session, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === 'run') return recordingRun(target as never);
        if (prop === 'executeRead' || prop === 'executeWrite') {
          return (work: (tx: object) => unknown, config?: unknown) => (value as Method).call(target, (tx: object) => work(wrapTx(tx)), config);
        }
        if (prop === 'beginTransaction') return (...args: unknown[]) => wrapTx((value as Method).apply(target, args));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'session') return (...args: unknown[]) => wrapSession((value as Method).apply(target, args));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set');
  const port = Number(process.env.PORT ?? '4001');
  const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
  const statements = serveStatements();
  const recorded = recordingDriver(driver, statements.record);

  const schema = await new Neo4jGraphQL({ typeDefs: LIBRARY_TYPE_DEFS, driver: recorded }).getSchema();
  const apollo = new ApolloServer({ schema, includeStacktraceInErrorResponses: false, stopOnTerminationSignals: false });
  await apollo.start();
  // The library checks the Neo4j version (`CALL dbms.components()`) once per process, on its first
  // query; make that query now so no measured request carries it, and start the record empty.
  const warmUp = await apollo.executeOperation({ query: '{ actors(where: { id: { eq: "" } }) { id } }' });
  if (warmUp.body.kind === 'single' && warmUp.body.singleResult.errors) throw new Error(`warm-up: ${JSON.stringify(warmUp.body.singleResult.errors)}`);
  statements.clear();

  const http = createServer((req, res) => {
    if (statements.handle(req, res)) return;
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: `Nothing at ${url.pathname}.` });
      await executeGraphQL(apollo, req, res, url, method, () => ({}));
    })().catch((error: Error) => {
      log(`[library] ${error.stack ?? error.message}`);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error.' }] });
      else res.end();
    });
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`[library] ${signal}: shutting down`);
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeIdleConnections();
    await closed;
    await apollo.stop();
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', () => resolve());
  });
  const address = http.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`ready http://127.0.0.1:${actualPort}/graphql\n`);
}

main().catch((error: Error) => {
  log(`[library] ${error.stack ?? error.message}`);
  process.exit(1);
});
