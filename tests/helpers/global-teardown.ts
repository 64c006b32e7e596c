/** Stops the throwaway Neo4j servers that global setup started (see stopTestNeo4j for what data stays). */
import { stopTestNeo4j } from './test-neo4j';

export default async function globalTeardown(): Promise<void> {
  await stopTestNeo4j();
}
