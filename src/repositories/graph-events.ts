/**
 * The graph's change record: every write transaction records what it changed as `GraphEvent`
 * nodes, in the same transaction, each under its own graph version. Subscriptions read this
 * record (src/subscriptions/change-feed.ts), so a write by any process, another replica or
 * `npm run seed`, reaches every subscriber of every process.
 *
 * The version lives on the one `GraphMeta` node; its MERGE locks that node, so concurrent writers
 * take versions one after another and a version is never reused. `GraphEvent` nodes carry no
 * `Node` label: lists, search, paths and exports never see them. Only the last GRAPH_EVENTS_KEPT
 * events are kept; each write deletes those that have fallen out of the window.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { type Database, read, runRows } from '../db/driver';
import { parseRow, rowSchema, text, texts } from '../models/rows';

/** What a write did, as subscribers see it (the `GraphChangeKind` enum of schema/subscription.graphql). */
export const GRAPH_EVENT_KINDS = [
  'SOURCE_LOADED',
  'SOURCE_REPLACED',
  'SOURCE_REMOVED',
  'STATEMENT_ADDED',
  'MEETING_ADDED',
  'LINK_ADDED',
  'FACT_RETRACTED',
  'CLAIM_PINNED',
  'CLAIM_UNPINNED',
  'REVIEW_SETTLED',
  'MERGE_UNDONE',
] as const;
export type GraphEventKind = (typeof GRAPH_EVENT_KINDS)[number];

/** How many events the graph keeps; older ones are deleted by the write that pushes them out. */
export const GRAPH_EVENTS_KEPT = 10_000;
/**
 * Most ids one event stores. A larger write (a bulk load) stores the first ones and is marked
 * `truncated`; filters by actor or node type then let it through, since it may concern anything.
 */
export const GRAPH_EVENT_MAX_IDS = 1_000;

/** An event to record: what happened, to which ids, from which source. */
export interface GraphEventInput {
  kind: GraphEventKind;
  /** Node ids and relationship (GraphEdge) ids affected, including the nodes at a link's ends. */
  ids: string[];
  sourceId: string | null;
  /**
   * Node labels and actor ids known to the caller, for nodes the write deleted (they cannot be
   * looked up afterwards); those of the ids still in the graph are looked up when recording.
   */
  nodeTypes?: string[];
  actorIds?: string[];
}

/** A recorded event, as subscribers receive it. */
export interface GraphEventModel {
  version: number;
  at: string;
  kind: GraphEventKind;
  ids: string[];
  /** Labels of the nodes affected: Actor, Location, Meeting, Position, Statement, Stance, Event, Source. */
  nodeTypes: string[];
  actorIds: string[];
  sourceId: string | null;
  /** More ids were affected than GRAPH_EVENT_MAX_IDS. */
  truncated: boolean;
}

// Versions are taken in one step for all the events (their number added to GraphMeta.version),
// then each event gets one, in order. Labels and actors of the ids still in the graph are looked
// up here, after the write, and joined with those the caller knew.
const RECORD_EVENTS = `// recordGraphEvents
  MERGE (m:GraphMeta {id: 'graph'})
  SET m.version = coalesce(m.version, 0) + size($events), m.lastLoadAt = $at
  WITH m.version - size($events) AS base
  UNWIND range(0, size($events) - 1) AS i
  WITH base, i, $events[i] AS e
  CALL (e) {
    OPTIONAL MATCH (n:Node) WHERE n.id IN e.ids
    WITH n, [l IN coalesce(labels(n), []) WHERE l <> 'Node'] AS found
    UNWIND CASE WHEN size(found) = 0 THEN [null] ELSE found END AS label
    RETURN collect(DISTINCT label) AS labels, collect(DISTINCT CASE WHEN label = 'Actor' THEN n.id END) AS actors
  }
  CREATE (g:GraphEvent {version: base + i + 1, at: $at, kind: e.kind, ids: e.ids, sourceId: e.sourceId, truncated: e.truncated,
    nodeTypes: reduce(acc = [], l IN e.nodeTypes + labels | CASE WHEN l IN acc THEN acc ELSE acc + l END),
    actorIds: reduce(acc = [], a IN e.actorIds + actors | CASE WHEN a IN acc THEN acc ELSE acc + a END)})
  RETURN max(g.version) AS version`;

const PRUNE_EVENTS = `// pruneGraphEvents
  MATCH (g:GraphEvent) WHERE g.version <= $below DELETE g`;

const DESCRIBE_NODES = `// describeNodesForEvent
  UNWIND $ids AS id MATCH (n:Node {id: id})
  RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Node'] AS labels`;

const EVENTS_AFTER = `// findGraphEventsAfter
  MATCH (g:GraphEvent) WHERE g.version > $after
  WITH g ORDER BY g.version LIMIT $limit
  RETURN g {.*} AS event`;

const CURRENT_VERSION = `// findGraphVersion
  OPTIONAL MATCH (m:GraphMeta {id: 'graph'}) RETURN coalesce(m.version, 0) AS version`;

const EventRow = rowSchema(
  z.object({
    version: z.number(),
    at: z.string(),
    kind: z.enum(GRAPH_EVENT_KINDS),
    ids: texts,
    nodeTypes: texts,
    actorIds: texts,
    sourceId: text,
    truncated: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
  }),
);
const ROWS = {
  recordGraphEvents: rowSchema(z.object({ version: z.number() })),
  describeNodesForEvent: rowSchema(z.object({ id: z.string(), labels: z.array(z.string()) })),
  findGraphEventsAfter: rowSchema(z.object({ event: EventRow })),
  findGraphVersion: rowSchema(z.object({ version: z.number() })),
};

/**
 * Records `events` in the write transaction `tx`, bumps the graph version once per event, and
 * deletes events older than the last GRAPH_EVENTS_KEPT. Returns the graph version after the write.
 * Every write transaction calls this last (analytics caches compare the version too).
 */
export async function recordGraphEvents(tx: ManagedTransaction, events: GraphEventInput[], at = new Date().toISOString()): Promise<number> {
  if (!events.length) throw new Error('recordGraphEvents: a write records at least one event');
  const rows = events.map((e) => {
    const ids = [...new Set(e.ids)];
    return {
      kind: e.kind,
      ids: ids.slice(0, GRAPH_EVENT_MAX_IDS),
      truncated: ids.length > GRAPH_EVENT_MAX_IDS,
      sourceId: e.sourceId,
      nodeTypes: [...new Set(e.nodeTypes ?? [])],
      actorIds: [...new Set(e.actorIds ?? [])],
    };
  });
  const [row] = await runRows(tx, RECORD_EVENTS, { events: rows, at });
  const { version } = parseRow('recordGraphEvents', ROWS.recordGraphEvents, row);
  await tx.run(PRUNE_EVENTS, { below: neo4j.int(version - GRAPH_EVENTS_KEPT) });
  return version;
}

/**
 * The labels and actor ids of those of `ids` that are nodes, read inside a write before it deletes
 * them, for its event (see GraphEventInput.nodeTypes).
 */
export async function describeNodes(tx: ManagedTransaction, ids: string[]): Promise<{ nodeTypes: string[]; actorIds: string[] }> {
  const rows = (await runRows(tx, DESCRIBE_NODES, { ids: ids.slice(0, GRAPH_EVENT_MAX_IDS) })).map((r) =>
    parseRow('describeNodesForEvent', ROWS.describeNodesForEvent, r),
  );
  return {
    nodeTypes: [...new Set(rows.flatMap((r) => r.labels))],
    actorIds: rows.filter((r) => r.labels.includes('Actor')).map((r) => r.id),
  };
}

/** Events with a version above `after`, oldest first, at most `limit`. */
export async function graphEventsAfter(db: Database, after: number, limit: number): Promise<GraphEventModel[]> {
  const rows = await read(db, EVENTS_AFTER, { after: neo4j.int(after), limit: neo4j.int(limit) });
  return rows.map((r) => parseRow('findGraphEventsAfter', ROWS.findGraphEventsAfter, r).event);
}

/** The graph version now (0 before the first write). */
export async function graphVersion(db: Database): Promise<number> {
  const [row] = await read(db, CURRENT_VERSION);
  return parseRow('findGraphVersion', ROWS.findGraphVersion, row).version;
}
