/**
 * Starts a throwaway Neo4j for the integration tests (free port, temporary data folder), or uses
 * the one NEO4J_TEST_URI names (which is then wiped: only point it at a database for tests), and
 * loads the schema and the seed article into it.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../../src/db/driver';
import { type LocalNeo4j, startLocalNeo4j } from '../../src/db/local-neo4j';
import { seedFiles } from '../../src/ingest/seed';
import { applySchema } from '../../src/repositories/schema-repository';
import { SEED_FILE } from './seed-file';

declare global {
  var __NEWSGRAPH_TEST_NEO4J__: LocalNeo4j | undefined;
}

export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let uri = process.env.NEO4J_TEST_URI;
  if (uri) {
    process.env.NEWSGRAPH_TEST_USER = process.env.NEO4J_TEST_USER ?? 'neo4j';
    process.env.NEWSGRAPH_TEST_PASSWORD = process.env.NEO4J_TEST_PASSWORD ?? '';
    process.env.NEWSGRAPH_TEST_DATABASE = process.env.NEO4J_TEST_DATABASE ?? '';
  } else {
    const homeDir = await mkdtemp(join(tmpdir(), 'newsgraph-test-neo4j-'));
    const server = await startLocalNeo4j({ homeDir, heapMb: 768, pageCacheMb: 128, log });
    globalThis.__NEWSGRAPH_TEST_NEO4J__ = server;
    uri = server.uri;
    log(`\n[tests] throwaway Neo4j ${server.version} on ${uri} (data in ${homeDir})`);
  }
  process.env.NEWSGRAPH_TEST_BOLT_URI = uri;

  const db = createDatabase({
    uri,
    user: process.env.NEWSGRAPH_TEST_USER ?? 'neo4j',
    password: process.env.NEWSGRAPH_TEST_PASSWORD ?? '',
    database: process.env.NEWSGRAPH_TEST_DATABASE || undefined,
  });
  try {
    await db.driver.executeQuery('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS', {}, { database: db.database });
    await applySchema(db);
    await seedFiles(db, [SEED_FILE], () => undefined);
  } finally {
    await db.driver.close();
  }
}
