/**
 * How tests reach the databases global setup prepared (test-neo4j.ts): their settings travel in
 * environment variables (set in global setup, inherited by the test workers).
 */
import neo4j from 'neo4j-driver';
import { type Database, createDatabase } from '../../src/db/driver';

/** The Bolt URI of the scratch Neo4j, when global setup started one. */
export const SCRATCH_URI_ENV = 'NEWSGRAPH_TEST_SCRATCH_URI';
/** A directory that exists while a test file uses the scratch Neo4j (mkdir is the lock). */
export const SCRATCH_LOCK_ENV = 'NEWSGRAPH_TEST_SCRATCH_LOCK';

/** Connection settings of the test database, as global setup published them. */
export function testDatabaseSettings() {
  const uri = process.env.NEWSGRAPH_TEST_BOLT_URI;
  if (!uri) throw new Error('integration tests must run through jest with tests/helpers/global-setup.ts');
  return {
    uri,
    user: process.env.NEWSGRAPH_TEST_USER ?? 'neo4j',
    password: process.env.NEWSGRAPH_TEST_PASSWORD ?? '',
    database: process.env.NEWSGRAPH_TEST_DATABASE || undefined,
  };
}

/** A driver on the test database; close it in afterAll. */
export function openTestDatabase(): Database {
  return createDatabase(testDatabaseSettings());
}

/**
 * Deletes every node and relationship, 10,000 nodes a transaction (constraints and indexes stay).
 * `CALL { } IN TRANSACTIONS` runs only in an auto-committed query, not in a managed transaction.
 */
export async function wipeGraph(db: Database): Promise<void> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}
