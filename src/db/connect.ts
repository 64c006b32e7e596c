/**
 * Connects to the Neo4j the configuration names: an external server, or a local one provisioned,
 * started and supervised here (restarted when it dies). `close()` closes the driver and stops a
 * local server.
 */
import type { Config } from '../config';
import { type Database, createDatabase } from './driver';
import { startLocalNeo4j } from './local-neo4j';
import { superviseNeo4j } from './supervisor';

/** An open database handle and how to let it go. */
export interface Connection {
  db: Database;
  /** A URI a person can use to reach the same database (cypher-shell, the browser). */
  uri: string;
  /** Why the database is down right now (a local Neo4j being restarted), or null; for /readyz. */
  down(): string | null;
  /**
   * Set when the service cannot bring its database back (a local Neo4j down longer than
   * NEO4J_RECOVERY_TIMEOUT_MS), or null; for /healthz. Always null for an external Neo4j: the
   * service cannot restart it, and restarting the service would not bring it back.
   */
  failing(): string | null;
  close(): Promise<void>;
}

/** How `connect` reports a dead local Neo4j (at error level), and when its death is expected. */
export interface ConnectOptions {
  /** Where deaths and failed restarts go; `log` when omitted. */
  logError?: (line: string) => void;
  /** True once the process is shutting down: Ctrl-C reaches the Neo4j child too, and that is no crash. */
  shuttingDown?: () => boolean;
}

/**
 * Opens the configured database; for a local one, starts the server first and restarts it
 * whenever it dies (config.restart).
 */
export async function connect(config: Config['neo4j'], log: (line: string) => void, options: ConnectOptions = {}): Promise<Connection> {
  if (config.mode === 'external') {
    const db = createDatabase(config);
    log(`[neo4j] using the Neo4j at ${config.uri}${config.database ? ` (database ${config.database})` : ''}`);
    return { db, uri: config.uri, down: () => null, failing: () => null, close: () => db.driver.close() };
  }
  const server = await superviseNeo4j(
    (port) => startLocalNeo4j({ homeDir: config.dataDir, port, heapMb: config.heapMb, pageCacheMb: config.pageCacheMb, log }),
    { port: config.port, policy: config.restart, log: { info: log, error: options.logError ?? log }, shuttingDown: options.shuttingDown },
  );
  log(`[neo4j] local Neo4j ${server.version} on ${server.uri} (data in ${server.homeDir})`);
  const db = createDatabase({ uri: server.uri, user: 'neo4j', password: '', database: config.database });
  return {
    db,
    uri: server.uri,
    down: () => server.down(),
    failing: () => server.failing(),
    close: async () => {
      await db.driver.close();
      await server.stop();
    },
  };
}
