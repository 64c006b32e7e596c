/**
 * How tests reach the database global-setup prepared: its settings travel in environment
 * variables (set in global setup, inherited by the test workers).
 */
import { type Database, createDatabase } from '../../src/db/driver';

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
