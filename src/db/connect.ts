/**
 * Connects to the Neo4j the configuration names: an external server, or a local one provisioned,
 * started and supervised here (restarted when it dies). `close()` closes the driver and stops a
 * local server. A local server's owner is recorded in its data directory (owner-file.ts), so a
 * second process on the same data uses the running server or says in one line why it cannot.
 */
import { type Database, type Neo4jSettings, createDatabase } from './driver';
import { startLocalNeo4j } from './local-neo4j';
import { LocalDatabaseBusyError, readOwner, removeOwner, writeOwner } from './owner-file';
import { type RestartPolicy, type SupervisedNeo4j, superviseNeo4j } from './supervisor';

/**
 * Which Neo4j to use (the configuration's `neo4j`): an external server (NEO4J_URI set), or a local
 * one provisioned and started here, restarted by `restart` when it dies.
 */
export type Neo4jConnectionSettings = ExternalNeo4jSettings | LocalNeo4jSettings;

/** An external Neo4j server or cluster, reached with these credentials. */
export interface ExternalNeo4jSettings extends Neo4jSettings {
  mode: 'external';
}

/** A local Neo4j whose data lives in `dataDir` (NEO4J_LOCAL_*). */
export interface LocalNeo4jSettings {
  mode: 'local';
  dataDir: string;
  port?: number;
  heapMb: number;
  pageCacheMb: number;
  database?: string;
  restart: RestartPolicy;
}

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
  /** True once the process is shutting down: the local Neo4j's exit from then on is no crash. */
  shuttingDown?: () => boolean;
  /**
   * For the command-line tools: when another process (`npm start`) already runs the local
   * database, use it through its Bolt port. Without it, that case is a LocalDatabaseBusyError.
   */
  useRunning?: boolean;
  /**
   * For the command-line tools: make sure an external Neo4j answers before going on, and say so in
   * one line (a DatabaseUnreachableError) when it does not. The service itself starts without it
   * and reports the database on /readyz.
   */
  verify?: boolean;
}

/** An external Neo4j that does not answer (see ConnectOptions.verify). */
export class DatabaseUnreachableError extends Error {}

/**
 * Opens the configured database; for a local one, starts the server first and restarts it
 * whenever it dies (config.restart).
 */
export async function connect(config: Neo4jConnectionSettings, log: (line: string) => void, options: ConnectOptions = {}): Promise<Connection> {
  if (config.mode === 'external') {
    const db = createDatabase(config);
    if (options.verify) {
      try {
        await db.driver.verifyConnectivity({ database: db.database });
      } catch (error) {
        await db.driver.close();
        throw new DatabaseUnreachableError(`The Neo4j at ${config.uri} could not be reached: ${(error as Error).message}`);
      }
    }
    log(`[neo4j] using the Neo4j at ${config.uri}${config.database ? ` (database ${config.database})` : ''}`);
    return { db, uri: config.uri, down: () => null, failing: () => null, close: () => db.driver.close() };
  }
  const owner = await readOwner(config.dataDir);
  if (owner?.uri && options.useRunning) return useRunning(owner.uri, owner.pid, config, log);
  if (owner) {
    const where = owner.uri ? `Neo4j at ${owner.uri}` : 'its Neo4j still starting';
    throw new LocalDatabaseBusyError(
      `The local database in ${config.dataDir} is run by another process (pid ${owner.pid}, ${where}): ` +
        (options.useRunning ? 'try again once its /readyz says ready.' : 'stop it first, or give this one its own data with NEO4J_LOCAL_DIR.'),
    );
  }
  // Recorded before the server starts, which takes a while and holds the store lock meanwhile.
  await writeOwner(config.dataDir, null);
  let server: SupervisedNeo4j;
  try {
    server = await superviseNeo4j((port) => startLocalNeo4j({ homeDir: config.dataDir, port, heapMb: config.heapMb, pageCacheMb: config.pageCacheMb, log }), {
      port: config.port,
      policy: config.restart,
      log: { info: log, error: options.logError ?? log },
      shuttingDown: options.shuttingDown,
    });
  } catch (error) {
    await removeOwner(config.dataDir);
    throw error;
  }
  log(`[neo4j] local Neo4j ${server.version} on ${server.uri} (data in ${server.homeDir})`);
  await writeOwner(config.dataDir, server.uri);
  const db = createDatabase({ uri: server.uri, user: 'neo4j', password: '', database: config.database });
  return {
    db,
    uri: server.uri,
    down: () => server.down(),
    failing: () => server.failing(),
    close: async () => {
      await db.driver.close();
      await server.stop();
      await removeOwner(config.dataDir);
    },
  };
}

/** A connection to the local database another process runs (see ConnectOptions.useRunning); closing it leaves that server alone. */
async function useRunning(uri: string, pid: number, config: LocalNeo4jSettings, log: (line: string) => void): Promise<Connection> {
  const db = createDatabase({ uri, user: 'neo4j', password: '', database: config.database });
  try {
    await db.driver.verifyConnectivity({ database: db.database });
  } catch {
    await db.driver.close();
    throw new LocalDatabaseBusyError(
      `The local database in ${config.dataDir} is run by another process (pid ${pid}), whose Neo4j at ${uri} does not answer now: try again once its /readyz says ready.`,
    );
  }
  log(`[neo4j] using the local database of the running service (pid ${pid}) at ${uri}`);
  return { db, uri, down: () => null, failing: () => null, close: () => db.driver.close() };
}
