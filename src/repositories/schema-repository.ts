/**
 * The database schema the service relies on: uniqueness of ids (across all types through the
 * `Node` label, and per type so typed lookups use an index), indexes for common filters, and the
 * full-text index of `search`.
 * Every statement is idempotent, so applying the schema on each start is safe.
 */
import type { Database } from '../db/driver';
import { read, writeTransaction } from '../db/driver';
import { migrateGraph, rekeyNames } from './migrations';
import { SEARCH_INDEX } from './search-repository';

const NODE_LABELS = ['Node', 'Actor', 'Location', 'Meeting', 'Position', 'Statement', 'Stance', 'Event', 'Source'] as const;

const STATEMENTS = [
  ...NODE_LABELS.map((label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`),
  // One GraphMeta node holds the graph version; concurrent loads MERGE it, so it must be unique.
  'CREATE CONSTRAINT graph_meta_id IF NOT EXISTS FOR (m:GraphMeta) REQUIRE m.id IS UNIQUE',
  // Concurrent mutations with one idempotency key MERGE this node; the constraint makes them queue.
  'CREATE CONSTRAINT idempotency_key IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE k.key IS UNIQUE',
  'CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE',
  // Loads MERGE resolution records by id (see ./resolution-records.ts).
  'CREATE CONSTRAINT merge_record_id IF NOT EXISTS FOR (m:MergeRecord) REQUIRE m.id IS UNIQUE',
  'CREATE CONSTRAINT review_item_id IF NOT EXISTS FOR (r:ReviewItem) REQUIRE r.id IS UNIQUE',
  // The change record (./graph-events.ts) is read by version, and each version is one event's.
  'CREATE CONSTRAINT graph_event_version IF NOT EXISTS FOR (e:GraphEvent) REQUIRE e.version IS UNIQUE',
  // Claims are found by what they are about and by their source (see ./storage.ts).
  'CREATE INDEX claim_of IF NOT EXISTS FOR (c:Claim) ON (c.of)',
  'CREATE INDEX claim_source IF NOT EXISTS FOR (c:Claim) ON (c.source)',
  'CREATE CONSTRAINT dispute_of IF NOT EXISTS FOR (d:Dispute) REQUIRE d.of IS UNIQUE',
  'CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)',
  'CREATE INDEX location_name IF NOT EXISTS FOR (n:Location) ON (n.name)',
  'CREATE INDEX meeting_start IF NOT EXISTS FOR (n:Meeting) ON (n.startDate)',
  'CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)',
  'CREATE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date)',
  // Full-text search. `aliases` is a list of strings; Neo4j 5.26 indexes each element.
  `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:Actor|Location|Meeting|Event|Position|Statement)
    ON EACH [n.name, n.aliases, n.title, n.text, n.description]`,
];

/** Names of the constraints and indexes above; readiness checks for them. */
const EXPECTED = [
  ...NODE_LABELS.map((label) => `${label.toLowerCase()}_id`),
  'graph_meta_id',
  'idempotency_key',
  'change_id',
  'merge_record_id',
  'review_item_id',
  'graph_event_version',
  'claim_of',
  'claim_source',
  'dispute_of',
  'actor_name',
  'location_name',
  'meeting_start',
  'event_date',
  'statement_date',
  SEARCH_INDEX,
];

/**
 * Creates the constraints and indexes that do not exist yet and waits until they are online, then
 * brings data stored by an older version up to the shape this one reads (once per graph).
 */
export async function applySchema(db: Database, log?: (line: string) => void): Promise<void> {
  // Schema statements cannot share a transaction with each other's data, so one each.
  for (const statement of STATEMENTS) {
    await writeTransaction(db, (tx) => tx.run(`// applySchema\n${statement}`));
  }
  await read(db, '// awaitIndexes\nCALL db.awaitIndexes(300)');
  await migrateGraph(db, log);
  await rekeyNames(db, log);
}

/** True when every constraint and index of the schema exists and is online. */
export async function isSchemaApplied(db: Database): Promise<boolean> {
  const rows = await read(
    db,
    `// checkSchema
    SHOW INDEXES YIELD name, state WHERE name IN $names AND state = 'ONLINE' RETURN count(*) AS online`,
    { names: EXPECTED },
  );
  return rows[0]?.online === EXPECTED.length;
}

/** True when the graph holds no source yet (so start-up should load the seed). */
export async function isGraphEmpty(db: Database): Promise<boolean> {
  const rows = await read(db, '// countSources\nMATCH (s:Source) RETURN count(s) AS sources');
  return rows[0]?.sources === 0;
}

/** Why the service is not ready (database unreachable, schema missing), or null when it is. */
export async function readinessProblem(db: Database): Promise<string | null> {
  await db.driver.verifyConnectivity({ database: db.database });
  return (await isSchemaApplied(db)) ? null : 'the database schema is not applied';
}
