/**
 * Driver lifecycle and the two ways the repositories talk to Neo4j: `read` in a read transaction
 * (routed to followers on a cluster) and `write` in a write transaction. Both are managed
 * transactions, so the driver retries transient failures. Values come back as plain JSON-like data.
 */
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { StatementTooLargeError } from '../errors';
import { fromNeo4j } from './values';

/**
 * The transaction that readTransaction, writeTransaction and rolledBackTransaction hand to their
 * work, named here so that code above src/db can type that work without importing the driver.
 */
export type { ManagedTransaction };

/** How long a transaction is retried on transient failures (leader switch, brief outage). */
export const RETRY_BOUND_MS = 5_000;
/** How long one attempt waits for a TCP connection to the database. */
const CONNECTION_TIMEOUT_MS = 3_000;
/**
 * The documented bound on how long a request waits during an outage before it fails with
 * DATABASE_UNAVAILABLE. The driver retries 1 s apart at first, doubling (±20 %), and starts one
 * more attempt whenever the retry window has not yet passed: against a refused connection the
 * attempts start near 0, 1, 3 and 7 s (8.4 s at the latest); against a host that does not answer,
 * each attempt gives up after CONNECTION_TIMEOUT_MS and the last one ends by about 8 s.
 */
export const FAIL_FAST_BOUND_MS = 10_000;

/**
 * Transactions (and auto-committed queries) running now, in this process. The driver does not
 * expose its pool, so this is what /metrics reports as database concurrency, and what tests
 * read to see that nothing leaks.
 */
let inFlight = 0;

/** How many database transactions this process is running right now. */
export function inFlightTransactions(): number {
  return inFlight;
}

async function counted<T>(work: () => Promise<T>): Promise<T> {
  inFlight += 1;
  try {
    return await work();
  } finally {
    inFlight -= 1;
  }
}

/** Connection settings for a Neo4j server or cluster. */
export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

/** The handle repositories receive: a driver plus the database to use. */
export interface Database {
  driver: Driver;
  database?: string;
  /**
   * Longest a transaction may run before Neo4j itself stops it (QUERY_TIMEOUT_MS for the service);
   * unset, the database's own `db.transaction.timeout` applies. It is enforced by the database,
   * not the client, so a runaway statement stops using the server's CPU too.
   */
  timeoutMs?: number;
  /**
   * Largest read statement, Cypher plus parameters as JSON, that `read` sends (STATEMENT_MAX_BYTES
   * for the server's requests); a larger one is refused before it is sent with
   * StatementTooLargeError. Neo4j parses and plans a statement before the timeout can stop it, and
   * a huge one can hold a core for minutes.
   */
  maxStatementBytes?: number;
  /**
   * Causal consistency for one request (see withBookmarks): its reads wait until the database has
   * the writes these bookmarks name, and its writes add theirs. Without it, reads use the
   * driver's own bookmark manager (which orders `read` calls after this process's writes only).
   */
  bookmarks?: BookmarkManager;
}

/** Most bookmarks one request may send back (`neo4j-bookmark` header). */
export const MAX_BOOKMARKS = 16;
/** Longest bookmark accepted; Neo4j 5's are under 100 characters. */
export const MAX_BOOKMARK_LENGTH = 1_024;

/**
 * The handle for one request that reads its own and others' writes: its reads wait for the
 * writes `bookmarks` name (bookmarks another replica returned to the client), and what it writes
 * is added to them (bookmarksOf).
 */
export function withBookmarks(db: Database, bookmarks: string[]): Database {
  return { ...db, bookmarks: neo4j.bookmarkManager({ initialBookmarks: bookmarks }) };
}

/** The bookmarks of everything a request's handle has read after or written (empty without withBookmarks). */
export async function bookmarksOf(db: Database): Promise<string[]> {
  return db.bookmarks ? [...(await db.bookmarks.getBookmarks())] : [];
}

/** Creates a driver; routing URIs (`neo4j://`, `neo4j+s://`) work as the driver supports them. */
export function createDatabase(settings: Neo4jSettings): Database {
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    // Fail fast during an outage instead of hanging a request: a query waits for the database
    // to come back for at most FAIL_FAST_BOUND_MS before it fails with DATABASE_UNAVAILABLE.
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    maxTransactionRetryTime: RETRY_BOUND_MS,
    disableLosslessIntegers: false,
  });
  return { driver, database: settings.database };
}

function transactionConfig(db: Database): { timeout?: number } {
  return db.timeoutMs === undefined ? {} : { timeout: db.timeoutMs };
}

/** One row of a result, as plain values keyed by column. */
export type Row = Record<string, unknown>;

/**
 * Runs one statement in a read transaction (retried like any managed transaction) and returns its
 * rows as plain values. `executeQuery` pipelines the transaction's messages, which saves a network
 * round trip per statement over opening a session and calling `executeRead`.
 */
export async function read(db: Database, cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  if (db.maxStatementBytes !== undefined) {
    const bytes = statementBytes(cypher, params);
    if (bytes > db.maxStatementBytes) throw new StatementTooLargeError(bytes, db.maxStatementBytes);
  }
  const result = await counted(() =>
    db.driver.executeQuery(cypher, params, {
      database: db.database,
      routing: neo4j.routing.READ,
      transactionConfig: transactionConfig(db),
      ...(db.bookmarks ? { bookmarkManager: db.bookmarks } : {}),
    }),
  );
  return result.records.map((record) => fromNeo4j(record.toObject()) as Row);
}

/** The size of a statement as `maxStatementBytes` counts it: the Cypher's UTF-8 bytes plus its parameters' as JSON. */
export function statementBytes(cypher: string, params: Record<string, unknown>): number {
  const json = JSON.stringify(params, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  return Buffer.byteLength(cypher) + Buffer.byteLength(json);
}

/** Runs `work` in one read transaction. */
export async function readTransaction<T>(db: Database, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: db.bookmarks });
  try {
    return await counted(() => session.executeRead(work, transactionConfig(db)));
  } finally {
    await session.close();
  }
}

/** Runs `work` in one write transaction: everything it runs commits together or not at all. */
export async function writeTransaction<T>(db: Database, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE, bookmarkManager: db.bookmarks });
  try {
    return await counted(() => session.executeWrite(work, transactionConfig(db)));
  } finally {
    await session.close();
  }
}

/** Thrown inside a write transaction to roll it back on purpose. */
const ROLLBACK = Symbol('rollback');

/**
 * Runs `work` in a write transaction and always rolls it back: what `work` saw and counted is
 * what a real run would do, and the graph is left as it was (dry runs).
 */
export async function rolledBackTransaction<T>(db: Database, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  let result: { value: T } | undefined;
  try {
    await counted(() =>
      session.executeWrite(async (tx) => {
        result = { value: await work(tx) };
        throw ROLLBACK;
      }, transactionConfig(db)),
    );
  } catch (error) {
    if (error !== ROLLBACK || !result) throw error;
  } finally {
    await session.close();
  }
  return result!.value;
}

/** Runs one statement inside a transaction and returns its rows as plain values. */
export async function runRows(tx: ManagedTransaction, cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => fromNeo4j(record.toObject()) as Row);
}
