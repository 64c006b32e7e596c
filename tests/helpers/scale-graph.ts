/**
 * A graph of its own for a test file: a throwaway Neo4j (so the shared seed graph stays as the
 * other files expect), loaded through the real loader, and the service on top. Started in
 * beforeAll, stopped and deleted in afterAll.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Authenticator } from '../../src/auth/authenticator';
import { type Database, createDatabase } from '../../src/db/driver';
import { type LocalNeo4j, startLocalNeo4j } from '../../src/db/local-neo4j';
import { generateCorpus } from '../../src/facts/generate';
import { loadFacts } from '../../src/ingest/seed';
import { applySchema } from '../../src/repositories/schema-repository';
import { type TestServer, startTestServer } from './test-server';

/** Generating, loading and starting can take a while on a 2-core machine. */
const SETUP_TIMEOUT_MS = 300_000;

/** A graph of its own, as `useOwnGraph` returns it. */
export interface OwnGraph {
  readonly api: TestServer;
  readonly db: Database;
  readonly uri: string;
  /** What the service logged (JSON request lines and `[tag] ...` lines), for a test to show. */
  readonly log: string[];
  /** Ends the Neo4j process with SIGKILL (a crash). */
  kill(): Promise<void>;
  /** Starts Neo4j again on the same data and port, after `kill`. */
  restart(): Promise<void>;
}

/** A graph of its own, filled by `load`, with the service on top (built with `auth` when given). */
export function useOwnGraph(load: (db: Database) => Promise<unknown>, options: { auth?: Authenticator } = {}): OwnGraph {
  const handle = {
    log: [] as string[],
    kill: () => handle.neo4j.kill(),
    restart: async () => {
      handle.neo4j = await startLocalNeo4j({ homeDir: handle.homeDir, port: handle.neo4j.port, heapMb: 1024, pageCacheMb: 256, log: () => undefined });
    },
  } as OwnGraph & { api: TestServer; db: Database; neo4j: LocalNeo4j; homeDir: string; uri: string; log: string[] };
  beforeAll(async () => {
    handle.homeDir = await mkdtemp(join(tmpdir(), 'newsgraph-own-neo4j-'));
    handle.neo4j = await startLocalNeo4j({ homeDir: handle.homeDir, heapMb: 1024, pageCacheMb: 256, log: () => undefined });
    handle.uri = handle.neo4j.uri;
    handle.db = createDatabase({ uri: handle.neo4j.uri, user: 'neo4j', password: '' });
    await applySchema(handle.db);
    await load(handle.db);
    handle.api = await startTestServer(handle.db, handle.log, options);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await handle.api?.close();
    await handle.db?.driver.close();
    await handle.neo4j?.stop();
    if (handle.homeDir) await rm(handle.homeDir, { recursive: true, force: true });
  });
  return handle;
}

/** A generated graph at scale, in a Neo4j of its own. */
export function useScaleApi(options: { relationships: number; seed: number }): { readonly api: TestServer; readonly db: Database } {
  return useOwnGraph((db) => loadFacts(db, generateCorpus(options)));
}
