/** Stops the throwaway Neo4j that global setup started (its temporary data stays for post-mortems). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__NEWSGRAPH_TEST_NEO4J__?.stop();
}
