/**
 * What entity resolution leaves in the graph besides facts: a `MergeRecord` for every entity that
 * was resolved onto a node under another id (so it can be undone), and a `ReviewItem` for every
 * entity that matched several nodes and waits for a curator. Neither has the `Node` label: lists,
 * search and paths never see them. Both are written in the transaction that loads their document.
 */
import { createHash } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { type Database, read, runRows } from '../db/driver';
import type { EntityInput, RelationshipInput } from '../facts/format';
import type { HeldEntity, Merge } from '../facts/resolve';
import type { MergeRecordModel, ReviewItemModel, ReviewStatus } from '../models/models';
import { parseRow, required, rowSchema, text, texts } from '../models/rows';
import type { ListPage, PageRequest } from './graph-reader';

export type { MergeRecordModel, ReviewItemModel, ReviewStatus };

/** A resolution merge, as a load records it: the incoming record and what of its document touched the node. */
export interface MergeToRecord {
  merge: Merge;
  /** The record as written (its id the node's), and the relationships of its document at that node. */
  entity: EntityInput;
  relationships: RelationshipInput[];
}

/** What a document's load records about resolution (see LabelledDocument). */
export interface ResolutionRecords {
  merges: MergeToRecord[];
  held: HeldEntity[];
}

const ReviewRow = rowSchema(
  z.object({
    id: z.string(),
    sourceId: required(z.string()),
    document: required(z.string()),
    path: required(z.string()),
    entityId: required(z.string()),
    name: required(z.string()),
    entityType: required(z.string()),
    candidateIds: texts,
    entity: required(z.string()),
    relationships: required(z.string()),
    status: z.enum(['OPEN', 'MERGED', 'CREATED', 'DROPPED']),
    createdAt: required(z.string()),
    settledAt: text,
    settledBy: text,
    resolvedTo: text,
    reason: text,
  }),
);

const MergeRow = rowSchema(
  z.object({
    id: z.string(),
    sourceId: required(z.string()),
    entityId: required(z.string()),
    name: required(z.string()),
    nodeId: required(z.string()),
    how: required(z.string()),
    entity: required(z.string()),
    relationships: required(z.string()),
    status: z.enum(['ACTIVE', 'UNDONE']),
    at: required(z.string()),
    undoneAt: text,
    undoneBy: text,
  }),
);

// A reloaded source's merges and open items are those of its new version: the others go.
const DELETE_STALE_RECORDS = `// deleteStaleResolutionRecords
  UNWIND $sourceIds AS sourceId
  MATCH (r:MergeRecord|ReviewItem {sourceId: sourceId}) WHERE r.status IN ['ACTIVE', 'OPEN'] AND NOT r.id IN $keep DELETE r`;

// Ids are made from what a record says, so loading the same version again changes nothing.
const MERGE_MERGE_RECORDS = `// mergeMergeRecords
  UNWIND $rows AS row MERGE (m:MergeRecord {id: row.id}) ON CREATE SET m.at = $at
  SET m += row, m.status = 'ACTIVE', m.undoneAt = null, m.undoneBy = null`;

// A held entity of a reloaded source waits again, even if it was settled: the reload replaced what the settlement loaded.
const MERGE_REVIEW_ITEMS = `// mergeReviewItems
  UNWIND $rows AS row MERGE (r:ReviewItem {id: row.id}) ON CREATE SET r.createdAt = $at
  SET r += row, r.status = 'OPEN', r.settledAt = null, r.settledBy = null, r.resolvedTo = null, r.reason = null`;

const DELETE_RECORDS_OF_SOURCE = `// deleteResolutionRecordsOfSource
  MATCH (r:MergeRecord|ReviewItem {sourceId: $sourceId}) DELETE r`;

const FIND_REVIEW_ITEM = `// findReviewItem
  MATCH (r:ReviewItem {id: $id}) RETURN r {.*} AS item`;

const FIND_REVIEW_ITEMS_OF_ENTITIES = `// findReviewItemsOfEntities
  MATCH (r:ReviewItem {sourceId: $sourceId}) WHERE r.entityId IN $entityIds RETURN r {.*} AS item`;

const SETTLE_REVIEW_ITEM = `// settleReviewItem
  MATCH (r:ReviewItem {id: $id}) WHERE r.status = 'OPEN'
  SET r.status = $status, r.settledAt = $at, r.settledBy = $userId, r.resolvedTo = $resolvedTo, r.reason = $reason
  RETURN r {.*} AS item`;

const LIST_REVIEW_ITEMS = `// listReviewItems
  MATCH (r:ReviewItem)
  WHERE r.status = $status AND ($sourceId IS NULL OR r.sourceId = $sourceId)
  WITH r ORDER BY r.createdAt, r.id
  WITH collect(r) AS found
  WITH size(found) AS total,
    [r IN found WHERE $after IS NULL OR r.createdAt > $after.key OR (r.createdAt = $after.key AND r.id > $after.id)][0..$limit + 1] AS page
  RETURN total, [r IN page | r {.*}] AS page`;

const FIND_MERGE_RECORD = `// findMergeRecord
  MATCH (m:MergeRecord {id: $id}) RETURN m {.*} AS merge`;

const UNDO_MERGE_RECORD = `// undoMergeRecord
  MATCH (m:MergeRecord {id: $id}) WHERE m.status = 'ACTIVE' SET m.status = 'UNDONE', m.undoneAt = $at, m.undoneBy = $userId
  RETURN m {.*} AS merge`;

const LIST_MERGE_RECORDS = `// listMergeRecords
  MATCH (m:MergeRecord)
  WHERE m.status = 'ACTIVE' AND ($nodeId IS NULL OR m.nodeId = $nodeId) AND ($sourceId IS NULL OR m.sourceId = $sourceId)
  WITH m ORDER BY m.at, m.id
  WITH collect(m) AS found
  WITH size(found) AS total,
    [m IN found WHERE $after IS NULL OR m.at > $after.key OR (m.at = $after.key AND m.id > $after.id)][0..$limit + 1] AS page
  RETURN total, [m IN page | m {.*}] AS page`;

// A merge's claims are withdrawn before its record is split out again (see Curator.unmerge).
const DELETE_CLAIMS_OF_SOURCE_ON = `// deleteClaimsOfSourceOnSubjects
  UNWIND $subjects AS s MATCH (c:Claim {of: s}) WHERE c.source = $sourceId DELETE c`;

const ROWS = {
  item: rowSchema(z.object({ item: ReviewRow })),
  merge: rowSchema(z.object({ merge: MergeRow })),
  reviewPage: rowSchema(z.object({ total: z.number(), page: z.array(ReviewRow) })),
  mergePage: rowSchema(z.object({ total: z.number(), page: z.array(MergeRow) })),
};

/**
 * Records the resolution of the documents a batch writes. A full load of a source (not a curator's
 * addition) also drops the active merges and open review items its previous version had and this
 * one has not.
 */
export async function writeResolutionRecords(
  tx: ManagedTransaction,
  documents: { sourceId: string; label: string; records?: ResolutionRecords }[],
  append: boolean,
): Promise<void> {
  const merges = documents.flatMap(({ sourceId, records }) =>
    (records?.merges ?? []).map(({ merge, entity, relationships }) => ({
      id: `merge:${digest(sourceId, merge.entity, merge.node, merge.how)}`,
      sourceId,
      entityId: merge.entity,
      name: 'name' in entity ? entity.name : 'title' in entity ? entity.title : merge.entity,
      nodeId: merge.node,
      how: merge.how,
      entity: JSON.stringify(entity),
      relationships: JSON.stringify(relationships),
    })),
  );
  const items = documents.flatMap(({ sourceId, records }) =>
    (records?.held ?? []).map((held) => ({
      id: `review:${digest(sourceId, held.entity.id)}`,
      sourceId,
      document: held.document,
      path: held.path,
      entityId: held.entity.id,
      name: 'name' in held.entity ? held.entity.name : held.entity.id,
      entityType: held.entity.type,
      candidateIds: held.candidates.map((c) => c.id),
      entity: JSON.stringify(held.entity),
      relationships: JSON.stringify(held.relationships),
    })),
  );
  const keep = [...merges, ...items].map((r) => r.id);
  if (!append) await tx.run(DELETE_STALE_RECORDS, { sourceIds: documents.map((d) => d.sourceId), keep });
  const at = new Date().toISOString();
  if (merges.length) await tx.run(MERGE_MERGE_RECORDS, { rows: merges, at });
  if (items.length) await tx.run(MERGE_REVIEW_ITEMS, { rows: items, at });
}

/** Deletes a removed source's merges and review items (see removeSourceIn). */
export async function deleteResolutionRecordsOf(tx: ManagedTransaction, sourceId: string): Promise<void> {
  await tx.run(DELETE_RECORDS_OF_SOURCE, { sourceId });
}

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);
}

/** Reads and writes review items and merge records for curators. */
export class ResolutionRecordRepository {
  constructor(private readonly db: Database) {}

  /** The review items with `status` (optionally of one source), oldest first. */
  async reviewItems(filter: { status: ReviewStatus; sourceId?: string | null }, page: PageRequest): Promise<ListPage<ReviewItemModel>> {
    const [found] = await read(this.db, LIST_REVIEW_ITEMS, {
      status: filter.status,
      sourceId: filter.sourceId ?? null,
      after: page.after,
      limit: neo4j.int(page.limit),
    });
    const row = parseRow('listReviewItems', ROWS.reviewPage, found);
    const items = row.page.slice(0, page.limit).map((node) => ({ node, sortKey: node.createdAt, id: node.id }));
    return { items, hasNextPage: row.page.length > page.limit, totalCount: row.total };
  }

  /** The active merges (optionally onto one node, or of one source), oldest first. */
  async merges(filter: { nodeId?: string | null; sourceId?: string | null }, page: PageRequest): Promise<ListPage<MergeRecordModel>> {
    const [found] = await read(this.db, LIST_MERGE_RECORDS, {
      nodeId: filter.nodeId ?? null,
      sourceId: filter.sourceId ?? null,
      after: page.after,
      limit: neo4j.int(page.limit),
    });
    const row = parseRow('listMergeRecords', ROWS.mergePage, found);
    const items = row.page.slice(0, page.limit).map((node) => ({ node, sortKey: node.at, id: node.id }));
    return { items, hasNextPage: row.page.length > page.limit, totalCount: row.total };
  }

  /** One review item, read inside a change's transaction; null when there is none. */
  async reviewItem(tx: ManagedTransaction, id: string): Promise<ReviewItemModel | null> {
    const [row] = await runRows(tx, FIND_REVIEW_ITEM, { id });
    return row ? parseRow('findReviewItem', ROWS.item, row).item : null;
  }

  /** The review items of `sourceId` holding back the given entity ids of its document. */
  async reviewItemsOf(tx: ManagedTransaction, sourceId: string, entityIds: string[]): Promise<ReviewItemModel[]> {
    if (!entityIds.length) return [];
    return (await runRows(tx, FIND_REVIEW_ITEMS_OF_ENTITIES, { sourceId, entityIds })).map((r) => parseRow('findReviewItemsOfEntities', ROWS.item, r).item);
  }

  /** Marks an open item settled; null when it is not open (settled meanwhile). */
  async settle(
    tx: ManagedTransaction,
    id: string,
    outcome: { status: Exclude<ReviewStatus, 'OPEN'>; resolvedTo: string | null; userId: string; reason: string | null },
  ): Promise<ReviewItemModel | null> {
    const [row] = await runRows(tx, SETTLE_REVIEW_ITEM, { id, at: new Date().toISOString(), ...outcome });
    return row ? parseRow('settleReviewItem', ROWS.item, row).item : null;
  }

  /** One merge record, read inside a change's transaction; null when there is none. */
  async mergeRecord(tx: ManagedTransaction, id: string): Promise<MergeRecordModel | null> {
    const [row] = await runRows(tx, FIND_MERGE_RECORD, { id });
    return row ? parseRow('findMergeRecord', ROWS.merge, row).merge : null;
  }

  /** Marks an active merge undone; null when it is not active. */
  async undo(tx: ManagedTransaction, id: string, userId: string): Promise<MergeRecordModel | null> {
    const [row] = await runRows(tx, UNDO_MERGE_RECORD, { id, userId, at: new Date().toISOString() });
    return row ? parseRow('undoMergeRecord', ROWS.merge, row).merge : null;
  }

  /** Deletes the claims `sourceId` makes on `subjects` (node ids, relationship keys); the caller recomputes them. */
  async withdrawClaims(tx: ManagedTransaction, sourceId: string, subjects: string[]): Promise<void> {
    await tx.run(DELETE_CLAIMS_OF_SOURCE_ON, { sourceId, subjects });
  }
}
