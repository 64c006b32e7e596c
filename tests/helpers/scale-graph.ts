/**
 * A graph of its own for a test file, so the seeded test database stays as the other files expect:
 * loaded through the real loader, with the service on top, set up in beforeAll and closed in
 * afterAll. It lives on the scratch Neo4j that global setup started (test-neo4j.ts), wiped first,
 * or, for a file that kills its database (`ownProcess`) or when the scratch one is taken (jest
 * running files in parallel) or absent, on a throwaway Neo4j of its own.
 */
import { mkdir, mkdtemp, rm, rmdir } from 'node:fs/promises';
import neo4j from 'neo4j-driver';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Authenticator } from '../../src/auth/authenticator';
import { type Database, createDatabase } from '../../src/db/driver';
import { type LocalNeo4j, startLocalNeo4j } from '../../src/db/local-neo4j';
import { generateCorpus } from '../../src/facts/generate';
import { loadFacts } from '../../src/ingest/seed';
import { applySchema } from '../../src/repositories/schema-repository';
import { SCRATCH_LOCK_ENV, SCRATCH_URI_ENV, wipeGraph } from './test-database';
import { type TestServer, startTestServer } from './test-server';

/** Starting Neo4j, generating, loading and starting the service can take a while on a 2-core machine. */
const SETUP_TIMEOUT_MS = 300_000;

/** A graph of its own, as `useOwnGraph` returns it. */
export interface OwnGraph {
  readonly api: TestServer;
  readonly db: Database;
  readonly uri: string;
  /** What the service logged (JSON request lines and `[tag] ...` lines), for a test to show. */
  readonly log: string[];
  /** Ends the Neo4j process with SIGKILL (a crash); only with `ownProcess`. */
  kill(): Promise<void>;
  /** Starts Neo4j again on the same data and port, after `kill`; only with `ownProcess`. */
  restart(): Promise<void>;
}

/** How `useOwnGraph` builds the graph and the service. */
export interface OwnGraphOptions {
  /** The service is built with this authenticator. */
  auth?: Authenticator;
  /** A Neo4j process of the file's own, which `kill` and `restart` may end and start again. */
  ownProcess?: boolean;
}

/** Takes the scratch Neo4j for this file; undefined when there is none or another file holds it. */
async function takeScratch(): Promise<{ uri: string; release: () => Promise<void> } | undefined> {
  const uri = process.env[SCRATCH_URI_ENV];
  const lock = process.env[SCRATCH_LOCK_ENV];
  if (!uri || !lock) return undefined;
  try {
    await mkdir(lock);
  } catch {
    return undefined;
  }
  return { uri, release: () => rmdir(lock) };
}

/**
 * Empties the scratch Neo4j for the file that has just taken it. A transaction still running there
 * is a leftover of an earlier file (a load it killed mid-way, which Neo4j has not yet rolled back),
 * so it is ended first; the wipe is retried if it still meets one (a deadlock).
 */
async function clearScratch(db: Database): Promise<void> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const running = await session.run('SHOW TRANSACTIONS YIELD transactionId, currentQuery RETURN transactionId, currentQuery');
    const leftovers = running.records
      .filter((r) => !String(r.get('currentQuery')).startsWith('SHOW TRANSACTIONS'))
      .map((r) => r.get('transactionId') as string);
    if (leftovers.length) await session.run('TERMINATE TRANSACTIONS $ids', { ids: leftovers });
  } finally {
    await session.close();
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      await wipeGraph(db);
      return;
    } catch (error) {
      if (attempt >= 5 || !String((error as { code?: string }).code).startsWith('Neo.TransientError')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** A graph of its own, filled by `load`, with the service on top. */
export function useOwnGraph(load: (db: Database) => Promise<unknown>, options: OwnGraphOptions = {}): OwnGraph {
  const handle = {
    log: [] as string[],
    kill: () => handle.own().kill(),
    restart: async () => {
      handle.neo4j = await startLocalNeo4j({ homeDir: handle.homeDir!, port: handle.own().port, heapMb: 1024, pageCacheMb: 256, log: () => undefined });
    },
    own: () => {
      if (!handle.neo4j) throw new Error('kill and restart need useOwnGraph(..., { ownProcess: true })');
      return handle.neo4j;
    },
  } as OwnGraph & {
    api: TestServer;
    db: Database;
    uri: string;
    log: string[];
    neo4j?: LocalNeo4j;
    homeDir?: string;
    release?: () => Promise<void>;
    own(): LocalNeo4j;
  };
  beforeAll(async () => {
    const scratch = options.ownProcess ? undefined : await takeScratch();
    if (scratch) {
      handle.release = scratch.release;
      handle.uri = scratch.uri;
      handle.db = createDatabase({ uri: scratch.uri, user: 'neo4j', password: '' });
      await clearScratch(handle.db);
    } else {
      handle.homeDir = await mkdtemp(join(tmpdir(), 'newsgraph-own-neo4j-'));
      handle.neo4j = await startLocalNeo4j({ homeDir: handle.homeDir, heapMb: 1024, pageCacheMb: 256, log: () => undefined });
      handle.uri = handle.neo4j.uri;
      handle.db = createDatabase({ uri: handle.neo4j.uri, user: 'neo4j', password: '' });
    }
    await applySchema(handle.db);
    await load(handle.db);
    handle.api = await startTestServer(handle.db, handle.log, { auth: options.auth });
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await handle.api?.close();
    await handle.db?.driver.close();
    await handle.neo4j?.stop();
    if (handle.homeDir) await rm(handle.homeDir, { recursive: true, force: true });
    await handle.release?.();
  });
  return handle;
}

/** A generated graph at scale, in a graph of its own. */
export function useScaleApi(options: { relationships: number; seed: number }): { readonly api: TestServer; readonly db: Database } {
  return useOwnGraph((db) => loadFacts(db, generateCorpus(options)));
}
