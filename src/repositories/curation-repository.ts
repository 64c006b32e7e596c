/**
 * Curators' writes: each runs in one write transaction that also claims its idempotency key and
 * records a `Change` (who, what, when), so a change is either entirely in the graph with its
 * record, or not at all. `Change` and `IdempotencyKey` nodes carry no `Node` label: lists, search
 * and paths never see them.
 */
import { randomUUID } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { type Database, read, runRows, writeTransaction } from '../db/driver';
import type { EntityType } from '../facts/format';
import type { ChangeModel } from '../models/models';
import { flag, parseRow, required, rowSchema, text, texts } from '../models/rows';
import type { ListPage, PageRequest } from './graph-reader';
import { recomputeFacts } from './claim-writer';
import { type GraphEventInput, recordGraphEvents } from './graph-events';

/** What a change's work reports, to be recorded. `result` is stored for idempotent replays. */
export interface ChangeOutcome<T> {
  targetIds: string[];
  summary: string;
  result: T;
  retracted?: string;
  /** The facts document an ingestSource replaced, as JSON (see storedDocumentOf). */
  replaced?: string | null;
  /**
   * What the change record of the graph says happened (./graph-events.ts); its ids default to
   * `targetIds` and its source to the request's.
   */
  event: Pick<GraphEventInput, 'kind' | 'nodeTypes' | 'actorIds'> & { ids?: string[] };
}

/** What happened to a change: done now, replayed from its idempotency key, or refused. */
export type ChangeResult<T> = { status: 'done' | 'replayed'; result: T; change: ChangeModel } | { status: 'key-reused' } | { status: 'refused'; result: T };

/** A change to make: by whom, under which idempotency key and request fingerprint. */
export interface ChangeRequest {
  userId: string;
  action: string;
  idempotencyKey?: string | null;
  /** The request's input, serialised: a key reused with other input is refused. */
  request: string;
  sourceId?: string | null;
  reason?: string | null;
}

/** Thrown by a change's work to roll back without recording (a user error found mid-write). */
export class RefusedChange<T> extends Error {
  constructor(readonly result: T) {
    super('refused');
  }
}

const CLAIM_KEY = `// claimIdempotencyKey
  MERGE (k:IdempotencyKey {key: $key})
  ON CREATE SET k.request = $request, k.fresh = true
  ON MATCH SET k.fresh = false
  RETURN k.fresh AS fresh, k.request AS request, k.result AS result, k.changeId AS changeId`;

const STORE_RESULT = `// storeIdempotentResult
  MATCH (k:IdempotencyKey {key: $key}) SET k.result = $result, k.changeId = $changeId, k.at = $at`;

const RECORD_CHANGE = `// recordChange
  CREATE (c:Change {id: $id, at: $at, userId: $userId, action: $action, targetIds: $targetIds,
    sourceId: $sourceId, summary: $summary, reason: $reason, retracted: $retracted, replaced: $replaced})`;

const FIND_CHANGE = `// findChange
  MATCH (c:Change {id: $id}) RETURN c {.*} AS change`;

const LIST_CHANGES = `// listChanges
  MATCH (c:Change)
  WHERE ($targetId IS NULL OR $targetId IN c.targetIds) AND ($userId IS NULL OR c.userId = $userId)
  WITH c ORDER BY c.at DESC, c.id DESC
  WITH collect(c) AS found
  WITH size(found) AS total,
    [c IN found WHERE $after IS NULL OR c.at < $after.key OR (c.at = $after.key AND c.id < $after.id)][0..$limit + 1] AS page
  // Properties of the page only: a change may carry a whole replaced document.
  RETURN total, [c IN page | c {.*}] AS page`;

const SOURCE_TEXT = `// findSourceForAddition
  MATCH (s:Source {id: $id}) RETURN s.id AS id, s.title AS title, s.publisher AS publisher, s.text AS text`;

const EXISTING_IDS = `// findExistingIds
  UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id`;

const ENTITY_TYPES = `// findEntityTypes
  UNWIND $ids AS id MATCH (n:Node {id: id}) WHERE NOT n:Source RETURN n.id AS id, labels(n) AS labels`;

/** The claims about `key`, as a retraction records them. */
const CLAIMS = (key: string) => `COLLECT { MATCH (c:Claim {of: ${key}}) RETURN c {.*, digest: null} }`;

/** What is removed by a retraction, read before it goes: the fact, its claims, and its relationships with theirs. */
const SNAPSHOT_NODE = `// snapshotForRetraction
  MATCH (n:Node {id: $id}) WHERE NOT n:Source
  OPTIONAL MATCH (n)-[r]-(m)
  RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, ${CLAIMS('n.id')} AS claims,
    collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r), claims: ${CLAIMS('r.key')}} END) AS relationships`;

// The node's claims go with it, and so do its relationships' claims and disputes.
const DELETE_NODE = `// retractNode
  MATCH (n:Node {id: $id})
  CALL (n) { MATCH (n)-[r]-() WITH DISTINCT r.key AS key MATCH (c:Claim|Dispute {of: key}) DELETE c }
  CALL (n) { MATCH (c:Claim|Dispute {of: n.id}) DELETE c }
  DETACH DELETE n`;

const SNAPSHOT_RELATIONSHIP = `// snapshotRelationshipForRetraction
  MATCH (a:Node {id: $from})-[r {key: $key}]->(b:Node {id: $to}) WHERE type(r) = $type
  RETURN type(r) AS type, properties(r) AS props, ${CLAIMS('r.key')} AS claims`;

const DELETE_RELATIONSHIP = `// retractRelationship
  MATCH (a:Node {id: $from})-[r {key: $key}]->(b:Node {id: $to}) WHERE type(r) = $type
  CALL (r) { MATCH (c:Claim|Dispute {of: r.key}) DELETE c }
  DELETE r`;

const CLAIM_SOURCES = `// findClaimSources
  MATCH (c:Claim {of: $key}) RETURN c.source AS source, c.pinned AS pinned`;

const SET_PIN = `// pinClaim
  MATCH (c:Claim {of: $key}) SET c.pinned = coalesce(c.source = $sourceId, false)`;

/** A stored `Change`, as RECORD_CHANGE writes it: the change model itself. */
const ChangeRow = rowSchema(
  z.object({
    id: z.string(),
    at: required(z.string()),
    userId: required(z.string()),
    action: required(z.string()),
    targetIds: texts,
    sourceId: text,
    summary: required(z.string()),
    reason: text,
    retracted: text,
    replaced: text,
  }),
);

/** The rows of the statements above, by statement. */
const ROWS = {
  findSourceForAddition: rowSchema(z.object({ id: z.string(), title: required(z.string()), publisher: required(z.string()), text: required(z.string()) })),
  findEntityTypes: rowSchema(z.object({ id: z.string(), labels: z.array(z.string()) })),
  findExistingIds: rowSchema(z.object({ id: z.string() })),
  claimIdempotencyKey: rowSchema(z.object({ fresh: z.boolean(), request: text, result: text, changeId: text })),
  findChange: rowSchema(z.object({ change: ChangeRow })),
  // Only what the retraction reads; the whole row is kept as the retracted JSON.
  snapshotForRetraction: rowSchema(z.object({ labels: z.array(z.string()), relationships: z.array(z.object({ from: z.string(), to: z.string() })).nullish() })),
  findClaimSources: rowSchema(z.object({ source: required(z.string()), pinned: flag })),
  listChanges: rowSchema(z.object({ total: z.number(), page: z.array(ChangeRow) })),
};

/** Labels (other than Node) -> the facts format's entity type. */
function entityType(labels: string[]): EntityType {
  if (labels.includes('Actor') && labels.includes('Location')) return 'Country';
  return labels.find((l) => l !== 'Node') as EntityType;
}

export class CurationRepository {
  constructor(private readonly db: Database) {}

  /** The source a curator's addition cites, with its text; null when the graph has none. */
  async source(id: string): Promise<{ id: string; title: string; publisher: string; text: string } | null> {
    const [row] = await read(this.db, SOURCE_TEXT, { id });
    return row ? parseRow('findSourceForAddition', ROWS.findSourceForAddition, row) : null;
  }

  /** The entity types of those `ids` that are nodes of the graph. */
  async entityTypes(ids: string[]): Promise<Map<string, EntityType>> {
    const rows = (await read(this.db, ENTITY_TYPES, { ids })).map((r) => parseRow('findEntityTypes', ROWS.findEntityTypes, r));
    return new Map(rows.map((r) => [r.id, entityType(r.labels)]));
  }

  /** Those of `ids` that are nodes of the graph, read inside a change's transaction. */
  async existingIds(tx: ManagedTransaction, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return (await runRows(tx, EXISTING_IDS, { ids })).map((r) => parseRow('findExistingIds', ROWS.findExistingIds, r).id);
  }

  /**
   * Runs `work` and records it as one change, in one write transaction. With an idempotency key,
   * the first call for the key does the work; later calls with the same input get its result
   * (the key's MERGE on a unique constraint makes concurrent calls wait for the first to commit).
   */
  async change<T>(request: ChangeRequest, work: (tx: ManagedTransaction) => Promise<ChangeOutcome<T>>): Promise<ChangeResult<T>> {
    const key = request.idempotencyKey ? `${request.userId}\u0000${request.idempotencyKey}` : null;
    try {
      return await writeTransaction(this.db, async (tx): Promise<ChangeResult<T>> => {
        if (key) {
          const claim = parseRow('claimIdempotencyKey', ROWS.claimIdempotencyKey, (await runRows(tx, CLAIM_KEY, { key, request: request.request }))[0]);
          if (!claim.fresh) {
            if (claim.request !== request.request) return { status: 'key-reused' };
            const [stored] = await runRows(tx, FIND_CHANGE, { id: claim.changeId });
            // The result was stored by the same action's code, which gives it type T.
            return { status: 'replayed', result: JSON.parse(claim.result ?? 'null') as T, change: parseRow('findChange', ROWS.findChange, stored).change };
          }
        }
        const outcome = await work(tx);
        const change: ChangeModel = {
          id: `change:${randomUUID()}`,
          at: new Date().toISOString(),
          userId: request.userId,
          action: request.action,
          targetIds: outcome.targetIds,
          sourceId: request.sourceId ?? null,
          summary: outcome.summary,
          reason: request.reason ?? null,
          retracted: outcome.retracted ?? null,
          replaced: outcome.replaced ?? null,
        };
        await tx.run(RECORD_CHANGE, change as unknown as Record<string, unknown>);
        if (key) await tx.run(STORE_RESULT, { key, result: JSON.stringify(outcome.result), changeId: change.id, at: change.at });
        const { ids, ...event } = outcome.event;
        await recordGraphEvents(tx, [{ ...event, ids: ids ?? outcome.targetIds, sourceId: change.sourceId }], change.at);
        return { status: 'done', result: outcome.result, change };
      });
    } catch (error) {
      if (error instanceof RefusedChange) return { status: 'refused', result: error.result as T };
      throw error;
    }
  }

  /**
   * Removes a node (with its relationships) or a relationship named by its GraphEdge id, and
   * returns what it was, as JSON; null when there is no such fact.
   */
  async retract(tx: ManagedTransaction, id: string): Promise<{ targetIds: string[]; retracted: string; labels: string[] } | null> {
    const edge = parseEdgeId(id);
    if (edge) {
      const [row] = await runRows(tx, SNAPSHOT_RELATIONSHIP, edge);
      if (!row) return null;
      await tx.run(DELETE_RELATIONSHIP, edge);
      return {
        targetIds: [id, edge.from, edge.to],
        labels: [],
        retracted: JSON.stringify({ relationship: { id, type: edge.type, from: edge.from, to: edge.to, ...row } }),
      };
    }
    const [row] = await runRows(tx, SNAPSHOT_NODE, { id });
    if (!row) return null;
    await tx.run(DELETE_NODE, { id });
    const snapshot = parseRow('snapshotForRetraction', ROWS.snapshotForRetraction, row);
    const neighbours = (snapshot.relationships ?? []).flatMap((r) => [r.from, r.to]).filter((other) => other !== id);
    const labels = snapshot.labels.filter((l) => l !== 'Node');
    return { targetIds: [id, ...new Set(neighbours)], retracted: JSON.stringify({ node: row }), labels };
  }

  /**
   * Makes the claim of `sourceId` about `id` (a node id or GraphEdge id) the pinned one, or
   * unpins (`sourceId` null), and works the fact's view out again. Says what it found: no such
   * fact, no claim of that source on it, nothing to change, or done (with the fact's key).
   */
  async pin(tx: ManagedTransaction, id: string, sourceId: string | null): Promise<{ status: 'no-fact' | 'no-claim' | 'unchanged' | 'done'; key: string }> {
    const key = parseEdgeId(id)?.key ?? id;
    const claims = (await runRows(tx, CLAIM_SOURCES, { key })).map((r) => parseRow('findClaimSources', ROWS.findClaimSources, r));
    if (!claims.length) return { status: 'no-fact', key };
    if (sourceId !== null && !claims.some((c) => c.source === sourceId)) return { status: 'no-claim', key };
    const pinned = claims.find((c) => c.pinned)?.source ?? null;
    if (pinned === sourceId) return { status: 'unchanged', key };
    await tx.run(SET_PIN, { key, sourceId });
    await recomputeFacts(tx, [key]);
    return { status: 'done', key };
  }

  /** The change log, newest first, optionally about one id or by one user. */
  async changes(filter: { targetId?: string | null; userId?: string | null }, page: PageRequest): Promise<ListPage<ChangeModel>> {
    const [found] = await read(this.db, LIST_CHANGES, {
      targetId: filter.targetId ?? null,
      userId: filter.userId ?? null,
      after: page.after,
      limit: neo4j.int(page.limit),
    });
    const row = parseRow('listChanges', ROWS.listChanges, found);
    const all: ChangeModel[] = row.page;
    const items = all.slice(0, page.limit).map((node) => ({ node, sortKey: node.at, id: node.id }));
    return { items, hasNextPage: all.length > page.limit, totalCount: row.total };
  }
}

/** `TYPE:from->to[|relation]` (a GraphEdge id) -> what finds the stored relationship. */
export function parseEdgeId(id: string): { type: string; from: string; to: string; key: string } | null {
  const match = /^([A-Z_]+):([a-z]+:[a-z0-9-]+)->([a-z]+:[a-z0-9-]+)(?:\|([A-Z_]+))?$/.exec(id);
  if (!match) return null;
  const [, type, from, to, relation] = match;
  return { type, from, to, key: `${from}|${type}|${to}${relation ? `|${relation}` : ''}` };
}
