/**
 * Composition root of `npm start`: configuration -> database (a local Neo4j unless NEO4J_URI is
 * set) -> schema and seed -> GraphQL server -> listen. Ctrl-C or SIGTERM stops everything,
 * the local Neo4j included.
 */
import { createServer as createHttpServer } from 'node:http';
import { createAuthenticator } from './auth/authenticator';
import { ConfigError, loadConfig } from './config';
import { connect } from './db/connect';
import { InvalidFactsError, seedFiles } from './facts/seed';
import { applySchema, isGraphEmpty, readinessProblem } from './repositories/schema-repository';
import { createServer } from './server';

const log = (line: string) => console.error(line);
/** How long a clean shutdown (HTTP, driver, local Neo4j) may take before the process just exits. */
const SHUTDOWN_TIMEOUT_MS = 45_000;

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  let stopping = false;
  const cleanups: (() => Promise<void>)[] = [];
  const shutdown = async (signal: string) => {
    // Ctrl-C reaches npm and this process both, so a second signal is normal: ignore it.
    if (stopping) return;
    stopping = true;
    log(`[server] ${signal}: shutting down`);
    setTimeout(() => {
      log(`[server] shutdown took longer than ${SHUTDOWN_TIMEOUT_MS / 1000} s: exiting now`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e: Error) => log(`[server] during shutdown: ${e.message}`));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const connection = await connect(config.neo4j, log);
  cleanups.push(() => connection.close());
  const { db } = connection;
  await applySchema(db, log);
  if (config.seed.onStart === 'always' || (config.seed.onStart === 'if-empty' && (await isGraphEmpty(db)))) {
    await seedFiles(db, config.seed.files, log);
  }

  const server = await createServer({
    // Requests run under the query timeout; the schema and seed above are the service's own work.
    db: { ...db, timeoutMs: config.limits.queryTimeoutMs },
    log,
    readiness: () => readinessProblem(db),
    allowDebugDb: !config.production,
    auth: createAuthenticator(config.auth),
    limits: config.limits,
    exposure: config.exposure,
  });
  cleanups.push(() => server.stop());
  const http = createHttpServer((req, res) => void server.handle(req, res));
  cleanups.push(() => {
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeIdleConnections();
    return closed;
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.http.port, config.http.host, resolve);
  });
  const base = `http://${config.http.host}:${config.http.port}`;
  log(`[server] GraphQL API ready at ${base}/graphql in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`[server] playground: open ${base}/ in a browser; dashboard: ${base}/dashboard; health: ${base}/healthz, ${base}/readyz; Ctrl-C stops`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof InvalidFactsError) log(error.message);
  else log(`[server] failed to start: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
