/**
 * The throwaway Neo4j servers of a test run, started by global setup in jest's own process and
 * published to the test files in environment variables (read by test-database.ts):
 *
 * - the seeded test database: every integration and browser file reads it, and it keeps the seed
 *   article as those files expect (or the database NEO4J_TEST_URI names, which is then wiped);
 * - the scratch Neo4j: one file at a time wipes it and loads a graph of its own (scale-graph.ts),
 *   instead of starting a Neo4j per file. A cold Neo4j costs a JVM start and slow first queries
 *   (tens of seconds on a busy 2-core machine); a warm one is wiped, given its schema and seeded in
 *   seconds. Files that kill their database still start their own.
 *
 * Each start is idempotent, so several global setup modules can ask for the same server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../../src/db/driver';
import { type LocalNeo4j, startLocalNeo4j } from '../../src/db/local-neo4j';
import { seedFiles } from '../../src/ingest/seed';
import { applySchema } from '../../src/repositories/schema-repository';
import { SEED_FILE } from './seed-file';
import { SCRATCH_LOCK_ENV, SCRATCH_URI_ENV, wipeGraph } from './test-database';

declare global {
  var __NEWSGRAPH_TEST_NEO4J__: { seeded?: Promise<LocalNeo4j | undefined>; scratch?: Promise<LocalNeo4j> } | undefined;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const servers = () => (globalThis.__NEWSGRAPH_TEST_NEO4J__ ??= {});

/**
 * Starts the seeded test database (a local Neo4j, unless NEO4J_TEST_URI names one), wipes it,
 * applies the schema and loads the seed article.
 */
export function startSeededDatabase(): Promise<LocalNeo4j | undefined> {
  return (servers().seeded ??= (async () => {
    let uri = process.env.NEO4J_TEST_URI;
    let server: LocalNeo4j | undefined;
    if (uri) {
      process.env.NEWSGRAPH_TEST_USER = process.env.NEO4J_TEST_USER ?? 'neo4j';
      process.env.NEWSGRAPH_TEST_PASSWORD = process.env.NEO4J_TEST_PASSWORD ?? '';
      process.env.NEWSGRAPH_TEST_DATABASE = process.env.NEO4J_TEST_DATABASE ?? '';
    } else {
      const homeDir = await mkdtemp(join(tmpdir(), 'newsgraph-test-neo4j-'));
      server = await startLocalNeo4j({ homeDir, heapMb: 768, pageCacheMb: 128, log });
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
      await wipeGraph(db);
      await applySchema(db);
      await seedFiles(db, [SEED_FILE], () => undefined);
    } finally {
      await db.driver.close();
    }
    return server;
  })());
}

/**
 * Starts the scratch Neo4j (always local: it is wiped by every file that uses it) with its schema
 * applied, and publishes its Bolt URI and the lock a file holds while it uses it.
 */
export function startScratchNeo4j(): Promise<LocalNeo4j> {
  return (servers().scratch ??= (async () => {
    const homeDir = await mkdtemp(join(tmpdir(), 'newsgraph-test-scratch-'));
    const server = await startLocalNeo4j({ homeDir, heapMb: 1024, pageCacheMb: 256, log });
    const db = createDatabase({ uri: server.uri, user: 'neo4j', password: '' });
    try {
      await applySchema(db);
    } finally {
      await db.driver.close();
    }
    process.env[SCRATCH_URI_ENV] = server.uri;
    process.env[SCRATCH_LOCK_ENV] = join(homeDir, 'in-use');
    log(`[tests] scratch Neo4j on ${server.uri} (data in ${homeDir})`);
    return server;
  })());
}

/**
 * Stops whichever of the two servers were started here. The seeded database's data stays for
 * post-mortems; the scratch one's holds only the last file's graph and its transaction logs (over
 * 100 MB), so it goes, as each file's own Neo4j went before.
 */
export async function stopTestNeo4j(): Promise<void> {
  const { seeded, scratch } = servers();
  await Promise.all([
    seeded?.then((server) => server?.stop()),
    scratch?.then(async (server) => {
      await server.stop();
      await rm(server.homeDir, { recursive: true, force: true });
    }),
  ]);
}
