/** Global setup of the reliability tests: the shared scratch Neo4j only (see test-neo4j.ts). */
import { startScratchNeo4j } from './test-neo4j';

export default async function globalSetup(): Promise<void> {
  await startScratchNeo4j();
}
