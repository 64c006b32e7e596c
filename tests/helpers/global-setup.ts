/**
 * Global setup of the integration tests: the seeded test database and the scratch Neo4j that
 * test files needing a graph of their own share (see test-neo4j.ts), started side by side.
 */
import { startScratchNeo4j, startSeededDatabase } from './test-neo4j';

export default async function globalSetup(): Promise<void> {
  await Promise.all([startSeededDatabase(), startScratchNeo4j()]);
}
