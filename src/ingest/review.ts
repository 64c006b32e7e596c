/**
 * Curators' side of entity resolution: the review queue (entities a load held back because they
 * matched several nodes) and undoing merges. Both write through the loader's write path inside one
 * recorded, idempotent change (see ./curator.ts), and need the editor role (checked by resolvers).
 */
import type { Database, ManagedTransaction } from '../db/driver';
import { claimsOf } from '../facts/claims';
import type { EntityInput, RelationshipInput } from '../facts/format';
import { DEFAULT_SOURCE_TEXT_MAX_BYTES, type TextLimits, type ValidDocument, validateFacts } from '../facts/validate';
import { recomputeFacts, writeBatch } from '../repositories/claim-writer';
import { CurationRepository, RefusedChange } from '../repositories/curation-repository';
import type { ListPage, PageRequest } from '../repositories/graph-reader';
import {
  type MergeRecordModel,
  ResolutionRecordRepository,
  type ResolutionRecords,
  type ReviewItemModel,
  type ReviewStatus,
} from '../repositories/resolution-records';
import { type Curator, type CurationResult, reasonError, refused, userError } from './curator';

export interface SettleReviewItem {
  id: string;
  decision: 'MERGE' | 'CREATE' | 'DROP';
  candidateId?: string | null;
  reason?: string | null;
}

/** What settleReviewItem did: the item, and the node its facts were loaded onto (none when dropped). */
export interface SettleResult {
  item: ReviewItemModel;
  nodeId: string | null;
}

/** What unmerge did: the node split out, and the node it left. */
export interface UnmergeResult {
  nodeId: string;
  fromId: string;
}

const refuse = (code: 'NOT_FOUND' | 'INVALID_INPUT', message: string, path: string) => new RefusedChange(refused([{ code, message, path }]));

export class ReviewDesk {
  private readonly repo: CurationRepository;
  private readonly records: ResolutionRecordRepository;

  constructor(
    db: Database,
    private readonly curator: Curator,
    private readonly limits: TextLimits = { maxTextBytes: DEFAULT_SOURCE_TEXT_MAX_BYTES },
  ) {
    this.repo = new CurationRepository(db);
    this.records = new ResolutionRecordRepository(db);
  }

  /** The review queue (see ResolutionRecordRepository.reviewItems). */
  reviewItems(filter: { status: ReviewStatus; sourceId?: string | null }, page: PageRequest): Promise<ListPage<ReviewItemModel>> {
    return this.records.reviewItems(filter, page);
  }

  /** Merges in force (see ResolutionRecordRepository.merges). */
  merges(filter: { nodeId?: string | null; sourceId?: string | null }, page: PageRequest): Promise<ListPage<MergeRecordModel>> {
    return this.records.merges(filter, page);
  }

  /**
   * Settles an open review item. MERGE and CREATE load its record and the relationships waiting
   * with it onto the chosen node, appended to its source's facts, and a MERGE is recorded as a
   * merge (so `unmerge` can undo it). A relationship whose other end is held by another open item
   * of the same source keeps waiting there; one whose other end was dropped is dropped.
   */
  async settle(userId: string, input: SettleReviewItem, idempotencyKey?: string | null): Promise<CurationResult<SettleResult>> {
    const badReason = reasonError(input.reason, 'input.reason', this.limits);
    if (badReason) return refused([badReason]);
    if (input.decision === 'MERGE' && !input.candidateId)
      return refused([{ code: 'INVALID_INPUT', message: 'MERGE needs candidateId: one of the item’s candidateIds', path: 'input.candidateId' }]);
    if (input.decision !== 'MERGE' && input.candidateId)
      return refused([{ code: 'INVALID_INPUT', message: `candidateId goes with MERGE only, not ${input.decision}`, path: 'input.candidateId' }]);
    const request = { userId, action: 'SETTLE_REVIEW_ITEM', idempotencyKey, request: JSON.stringify(input), reason: input.reason ?? null };
    return this.curator.run(request, async (tx) => {
      const item = await this.records.reviewItem(tx, input.id);
      if (!item) throw refuse('NOT_FOUND', `there is no review item "${input.id}"`, 'input.id');
      if (item.status !== 'OPEN')
        throw refuse('INVALID_INPUT', `review item "${item.id}" was settled already (${item.status} by ${item.settledBy})`, 'input.id');
      const target = input.decision === 'MERGE' ? input.candidateId! : item.entityId;
      if (input.decision === 'MERGE' && !item.candidateIds.includes(target))
        throw refuse('INVALID_INPUT', `"${target}" is not a candidate of this item; its candidates are ${item.candidateIds.join(', ')}`, 'input.candidateId');
      const exists = (await this.repo.existingIds(tx, [target])).length > 0;
      if (input.decision === 'MERGE' && !exists) throw refuse('NOT_FOUND', `the candidate "${target}" is no longer in the graph`, 'input.candidateId');
      if (input.decision === 'CREATE' && exists)
        throw refuse('INVALID_INPUT', `the graph has a node "${target}" now; MERGE into it, or DROP the item`, 'input.decision');

      let ends: string[] = [];
      if (input.decision !== 'DROP') {
        const relationships = await this.readyRelationships(tx, item, target);
        ends = relationships.flatMap((r) => [r.from, r.to]);
        const entity = { ...(JSON.parse(item.entity) as EntityInput), id: target };
        const records: ResolutionRecords = {
          merges:
            input.decision === 'MERGE'
              ? [{ merge: { document: item.document, entity: item.entityId, node: target, how: 'review' }, entity, relationships }]
              : [],
          held: [],
        };
        const valid = await this.document(item.sourceId, entity, relationships);
        await writeBatch(tx, [{ valid, label: item.path, records }], true);
      }
      const status = input.decision === 'MERGE' ? 'MERGED' : input.decision === 'CREATE' ? 'CREATED' : 'DROPPED';
      const nodeId = input.decision === 'DROP' ? null : target;
      const settled = await this.records.settle(tx, item.id, { status, resolvedTo: nodeId, userId, reason: input.reason ?? null });
      if (!settled) throw refuse('INVALID_INPUT', `review item "${item.id}" was settled meanwhile`, 'input.id');
      const what = input.decision === 'MERGE' ? `merged into ${target}` : input.decision === 'CREATE' ? `created as ${target}` : 'dropped';
      return {
        targetIds: [...new Set([...(nodeId ? [nodeId] : []), ...ends])],
        summary: `review item ${item.id} (${item.path}, "${item.name}" from ${item.sourceId}) ${what}`,
        result: { item: settled, nodeId },
        event: { kind: 'REVIEW_SETTLED' },
      };
    });
  }

  /**
   * Undoes a merge: withdraws the claims its source made through the merged record (on the node
   * and on the relationships of its document there), works those facts out again from the claims
   * left, and loads the record as a node of its own under its document's id, with those
   * relationships, through the write path.
   */
  async unmerge(userId: string, id: string, reason: string, idempotencyKey?: string | null): Promise<CurationResult<UnmergeResult>> {
    const badReason = reasonError(reason, 'reason', this.limits, 'an unmerge');
    if (badReason) return refused([badReason]);
    const request = { userId, action: 'UNMERGE', idempotencyKey, request: JSON.stringify({ id, reason }), reason };
    return this.curator.run(request, async (tx) => {
      const merge = await this.records.mergeRecord(tx, id);
      if (!merge) throw refuse('NOT_FOUND', `there is no merge "${id}"`, 'id');
      if (merge.status !== 'ACTIVE') throw refuse('INVALID_INPUT', `merge "${id}" was undone already (by ${merge.undoneBy})`, 'id');
      if (merge.entityId === merge.nodeId) throw refuse('INVALID_INPUT', `merge "${id}" names one id on both sides`, 'id');
      if ((await this.repo.existingIds(tx, [merge.entityId])).length)
        throw refuse('INVALID_INPUT', `the graph has a node "${merge.entityId}" already; retract or rename it first`, 'id');
      const entity = JSON.parse(merge.entity) as EntityInput;
      const stated = JSON.parse(merge.relationships) as RelationshipInput[];
      // Ends retracted since are left out: their facts are gone.
      const others = [...new Set(stated.flatMap((r) => [r.from, r.to]).filter((e) => e !== merge.nodeId))];
      const present = new Set(await this.repo.existingIds(tx, others));
      const relationships = stated.filter((r) => [r.from, r.to].every((e) => e === merge.nodeId || present.has(e)));
      const at = (node: string) => {
        const to = (end: string) => (end === merge.nodeId ? node : end);
        return { entity: { ...entity, id: node }, relationships: relationships.map((r) => ({ ...r, from: to(r.from), to: to(r.to) })) };
      };
      const merged = at(merge.nodeId);
      const before = await this.document(merge.sourceId, merged.entity, merged.relationships);
      const claims = claimsOf(before);
      const subjects = [...claims.nodes.keys(), ...claims.relationships.keys()].filter((s) => s !== merge.sourceId);
      await this.records.withdrawClaims(tx, merge.sourceId, subjects);
      await recomputeFacts(tx, subjects);
      const own = at(merge.entityId);
      await writeBatch(tx, [{ valid: await this.document(merge.sourceId, own.entity, own.relationships), label: id }], true);
      if (!(await this.records.undo(tx, id, userId))) throw refuse('INVALID_INPUT', `merge "${id}" was undone meanwhile`, 'id');
      return {
        targetIds: [...new Set([merge.entityId, merge.nodeId, ...others.filter((o) => present.has(o))])],
        summary: `unmerged ${merge.entityId} ("${merge.name}", from ${merge.sourceId}) out of ${merge.nodeId}, where ${merge.how} had put it: ${relationships.length} relationship(s) moved with it`,
        result: { nodeId: merge.entityId, fromId: merge.nodeId },
        event: { kind: 'MERGE_UNDONE' },
      };
    });
  }

  /**
   * The relationships waiting with `item` that can load now, their ends at the item set to
   * `target`: an end held by another item of the same source counts once that item is settled.
   */
  private async readyRelationships(tx: ManagedTransaction, item: ReviewItemModel, target: string): Promise<RelationshipInput[]> {
    const waiting = JSON.parse(item.relationships) as RelationshipInput[];
    const otherEnds = [...new Set(waiting.flatMap((r) => [r.from, r.to]).filter((e) => e !== item.entityId))];
    const others = new Map((await this.records.reviewItemsOf(tx, item.sourceId, otherEnds)).map((o) => [o.entityId, o]));
    const ready: RelationshipInput[] = [];
    for (const rel of waiting) {
      const ends = [rel.from, rel.to].map((end) => {
        if (end === item.entityId) return target;
        const other = others.get(end);
        if (!other) return end;
        return other.status === 'MERGED' || other.status === 'CREATED' ? other.resolvedTo : null;
      });
      if (ends.every((e): e is string => typeof e === 'string')) ready.push({ ...rel, from: ends[0], to: ends[1] });
    }
    return ready;
  }

  /** A document of the source's facts to append: validated against its text, ends typed from the graph. */
  private async document(sourceId: string, entity: EntityInput, relationships: RelationshipInput[]): Promise<ValidDocument> {
    const source = await this.repo.source(sourceId);
    if (!source) throw refuse('NOT_FOUND', `the source "${sourceId}" is no longer in the graph`, 'id');
    const { sameAs: _sameAs, ...record } = entity as EntityInput & { sameAs?: unknown };
    const referenced = [...new Set(relationships.flatMap((r) => [r.from, r.to]))].filter((end) => end !== entity.id);
    const types = await this.repo.entityTypes(referenced);
    const document = { source: { id: source.id, title: source.title, publisher: source.publisher, text: source.text }, entities: [record], relationships };
    const validated = validateFacts(document, types, this.limits);
    if (!validated.ok) throw new RefusedChange(refused(validated.problems.map((p) => userError('INVALID_INPUT', { ...p, path: `record (${p.path})` }))));
    return validated.value;
  }
}
