/** Global setup of the browser tests: the seeded test database only (see test-neo4j.ts). */
import { startSeededDatabase } from './test-neo4j';

export default async function globalSetup(): Promise<void> {
  await startSeededDatabase();
}
