/**
 * Composition root of `npm start`: configuration -> database (a local Neo4j unless NEO4J_URI is
 * set) -> GraphQL server -> listen, then schema and seed as soon as the database answers (an
 * external database may still be down: /readyz says so, and GraphQL answers SERVICE_NOT_READY,
 * until it is prepared). Ctrl-C or SIGTERM stops accepting connections, lets the requests in
 * flight finish, then closes the driver and, last, the local Neo4j (in a process group of its
 * own, so a terminal's Ctrl-C does not stop it first).
 */
import { createAuthenticator } from './auth/authenticator';
import { ConfigError, loadConfig } from './config';
import { connect } from './db/connect';
import { LocalDatabaseBusyError } from './db/owner-file';
import { prepareWhenReachable } from './db/prepare';
import { InvalidFactsError, seedFiles } from './ingest/seed';
import { drain } from './http/drain';
import { createHttpServer } from './http/listener';
import { readyLines } from './http/start-log';
import { type Logger, createLogger, lineLogger } from './observability/logger';
import { applySchema, isGraphEmpty, readinessProblem } from './repositories/schema-repository';
import { createServer } from './server';

/** How long a clean shutdown (HTTP, driver, local Neo4j) may take before the process just exits. */
const SHUTDOWN_TIMEOUT_MS = 45_000;

async function main(log: (line: string) => void, logger: Logger): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  logger.level = config.observability.logLevel;
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
    log('[server] stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const connection = await connect(config.neo4j, log, { logError: lineLogger(logger, 'error'), shuttingDown: () => stopping });
  cleanups.push(() => connection.close());
  const { db } = connection;
  const preparation = prepareWhenReachable(async () => {
    await applySchema(db, log);
    if (config.seed.onStart === 'always' || (config.seed.onStart === 'if-empty' && (await isGraphEmpty(db)))) {
      await seedFiles(db, config.seed.files, log, { files: config.facts });
    }
    log('[neo4j] database prepared');
  }, log);
  cleanups.push(async () => preparation.stop());
  // A step cut short by shutdown (the driver closed under it) is no failure to report.
  preparation.done.catch((error: unknown) => stopping || fail(error));

  const server = await createServer({
    // Requests run under the query timeout; the schema and seed above are the service's own work.
    db: { ...db, timeoutMs: config.limits.queryTimeoutMs },
    log,
    logger,
    slowQueryMs: config.observability.slowQueryMs,
    readiness: async () => (stopping ? 'shutting down' : (connection.down() ?? preparation.problem() ?? (await readinessProblem(db)))),
    starting: () => preparation.problem(),
    liveness: () => connection.failing(),
    allowDebugDb: !config.production,
    auth: createAuthenticator(config.auth),
    limits: config.limits,
    exposure: config.exposure,
    trustedDocuments: config.trustedDocuments,
    textLimits: config.facts,
    clientLimits: config.clientLimits,
    subscriptions: config.subscriptions,
  });
  cleanups.push(() => server.stop());
  const http = createHttpServer((req, res) => {
    // While shutting down, tell keep-alive clients to open no more requests on this connection.
    if (stopping) res.setHeader('connection', 'close');
    void server.handle(req, res);
  }, config.httpServer);
  server.attach(http);
  cleanups.push(() => drain(http));
  // Before the drain (cleanups run last first): open WebSockets would hold it until they close.
  cleanups.push(() => server.subscriptions.close());
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.http.port, config.http.host, resolve);
  });
  const base = `http://${config.http.host}:${config.http.port}`;
  // "Ready" only once the data is there: until then GraphQL answers 503 SERVICE_NOT_READY.
  if (preparation.problem() !== null) {
    log(
      `[server] listening at ${base} in ${((Date.now() - started) / 1000).toFixed(1)} s; not ready yet: preparing the database (schema, seed), GraphQL answers 503 SERVICE_NOT_READY until then`,
    );
  }
  void preparation.done.then(
    () => {
      if (!stopping) for (const line of readyLines(base, config.exposure, (Date.now() - started) / 1000)) log(line);
    },
    () => undefined,
  );
}

function fail(error: unknown): never {
  // A list of problems for a person to fix reads better as plain lines than as one JSON string.
  if (error instanceof ConfigError || error instanceof InvalidFactsError || error instanceof LocalDatabaseBusyError) process.stderr.write(`${error.message}\n`);
  else lineLogger(logger, 'error')(`[server] failed to start: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
}

const logger = createLogger();
const log = lineLogger(logger);
main(log, logger).catch((error: unknown) => fail(error));
