/**
 * Connects to the Neo4j the configuration names: an external server, or a local one provisioned
 * and started here. `close()` closes the driver and stops a local server.
 */
import type { Config } from '../config';
import { type Database, createDatabase } from './driver';
import { startLocalNeo4j } from './local-neo4j';

/** An open database handle and how to let it go. */
export interface Connection {
  db: Database;
  /** A URI a person can use to reach the same database (cypher-shell, the browser). */
  uri: string;
  close(): Promise<void>;
}

/** Opens the configured database; for a local one, starts the server first. */
export async function connect(config: Config['neo4j'], log: (line: string) => void): Promise<Connection> {
  if (config.mode === 'external') {
    const db = createDatabase(config);
    log(`[neo4j] using the Neo4j at ${config.uri}${config.database ? ` (database ${config.database})` : ''}`);
    return { db, uri: config.uri, close: () => db.driver.close() };
  }
  const server = await startLocalNeo4j({
    homeDir: config.dataDir,
    port: config.port,
    heapMb: config.heapMb,
    pageCacheMb: config.pageCacheMb,
    log,
  });
  log(`[neo4j] local Neo4j ${server.version} on ${server.uri} (data in ${server.homeDir})`);
  const db = createDatabase({ uri: server.uri, user: 'neo4j', password: '', database: config.database });
  return {
    db,
    uri: server.uri,
    close: async () => {
      await db.driver.close();
      await server.stop();
    },
  };
}
