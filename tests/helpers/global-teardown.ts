/** Stops the throwaway Neo4j servers that global setup started (their temporary data stays for post-mortems). */
import { stopTestNeo4j } from './test-neo4j';

export default async function globalTeardown(): Promise<void> {
  await stopTestNeo4j();
}
