/**
 * What curators' mutations do, between the resolvers and the repositories: turn an input into a
 * facts document, validate it with the loader's rules (and resolve its entities), and write it
 * through the loader's write path inside one recorded, idempotent change. Problems a caller can
 * fix come back as user errors, and then nothing is written.
 */
import type { Database, ManagedTransaction } from '../db/driver';
import type { ChangeModel, UserErrorModel } from '../models/models';
import type { EntityInput, RelationshipInput } from '../facts/format';
import { idWords } from '../facts/names';
import { InvalidFactsError, prepareLoad } from './seed';
import type { Problem } from '../facts/validate';
import { DEFAULT_REASON_MAX_CHARS, DEFAULT_SOURCE_TEXT_MAX_BYTES, type TextLimits, validateFacts } from '../facts/validate';
import { type ChangeOutcome, type ChangeRequest, CurationRepository, parseEdgeId, RefusedChange } from '../repositories/curation-repository';
import type { GraphEventKind } from '../repositories/graph-events';
import { storedDocumentOf, writeBatch } from '../repositories/claim-writer';

type UserError = UserErrorModel;
type UserErrorCode = UserErrorModel['code'];

/** A mutation's outcome: what it wrote (ids), its change record, or the user errors. */
export interface CurationResult<T> {
  result: T | null;
  change: ChangeModel | null;
  userErrors: UserError[];
}

export interface Evidence {
  sentence: number;
  excerpt: string;
}

export interface FuzzyDate {
  value: string;
  precision: 'YEAR' | 'MONTH' | 'DAY';
  inferred?: boolean | null;
  expression?: string | null;
}

export interface AddStatement {
  sourceId: string;
  id?: string | null;
  text: string;
  kind?: 'QUOTE' | 'REPORTED' | null;
  speakerId: string;
  topics?: string[] | null;
  date?: FuzzyDate | null;
  aboutIds?: string[] | null;
  evidence: Evidence[];
}

export interface AddMeeting {
  sourceId: string;
  id?: string | null;
  name: string;
  startDate?: FuzzyDate | null;
  locationId?: string | null;
  participantIds: string[];
  evidence: Evidence[];
}

export interface LinkActors {
  sourceId: string;
  fromId: string;
  toId: string;
  relation: string;
  evidence: Evidence[];
}

/** An addition to a source of the graph: new entities and relationships citing its text. */
interface Addition {
  sourceId: string;
  entities: Record<string, unknown>[];
  relationships: Record<string, unknown>[];
}

/** The longest idempotency key accepted. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export class Curator {
  private readonly repo: CurationRepository;

  /** `limits`: SOURCE_TEXT_MAX_BYTES (config.facts), the same limit the loader applies to files. */
  constructor(
    private readonly db: Database,
    private readonly limits: TextLimits = { maxTextBytes: DEFAULT_SOURCE_TEXT_MAX_BYTES },
  ) {
    this.repo = new CurationRepository(db);
  }

  /**
   * Loads or replaces a whole facts document, as `npm run seed` would, in one recorded change.
   * A replacement records the source's previous document in the change (`replaced`), so sending
   * that back restores it. The API reads no files: a document naming `source.textFile` is refused.
   */
  async ingestSource(
    userId: string,
    document: unknown,
    idempotencyKey?: string | null,
  ): Promise<CurationResult<{ sourceId: string; nodesAdded: number; relationshipsAdded: number; merges: string[] }>> {
    const source = (document as { source?: unknown } | null)?.source;
    if (source && typeof source === 'object' && 'textFile' in source) {
      return refused([
        {
          code: 'TEXT_FILE_NOT_ALLOWED',
          message: 'the API reads no files on the server: send the text inline as source.text (textFile is for `npm run seed`)',
          path: 'source.textFile',
        },
      ]);
    }
    const validated = validateFacts(document, undefined, this.limits);
    if (!validated.ok) return refused(validated.problems.map((p) => userError('INVALID_INPUT', p)));
    if (validated.value.doc.draft)
      return refused([
        { code: 'INVALID_INPUT', message: 'this is a draft from `npm run extract`; review every fact, then remove "draft": true', path: 'draft' },
      ]);
    let prepared;
    try {
      prepared = await prepareLoad(this.db, [{ label: 'document', result: validated }]);
    } catch (error) {
      if (!(error instanceof InvalidFactsError)) throw error;
      return refused(error.problems.map((p) => userError(/matches \d+ nodes/.test(p.message) ? 'AMBIGUOUS_MATCH' : 'INVALID_INPUT', p)));
    }
    const sourceId = validated.value.doc.source.id;
    return this.run({ userId, action: 'INGEST_SOURCE', idempotencyKey, request: JSON.stringify(document), sourceId }, async (tx) => {
      const replaced = await storedDocumentOf(tx, sourceId);
      const summary = await writeBatch(tx, prepared.documents);
      const merges = prepared.merges.map((m) => `${m.entity} -> ${m.node} (by ${m.how})`);
      const doc = prepared.documents[0].valid.doc;
      // The replaced version's entities too, so the change log about a fact it dropped finds it.
      const before = replaced ? (JSON.parse(replaced) as { entities: { id: string }[] }).entities.map((e) => e.id) : [];
      return {
        targetIds: [...new Set([sourceId, ...doc.entities.map((e) => e.id), ...before])],
        summary: `${summary.reloaded ? 'replaced' : 'loaded'} ${sourceId}: ${doc.entities.length} entities, ${doc.relationships.length} relationships`,
        result: { sourceId, nodesAdded: summary.changes.nodes.added, relationshipsAdded: summary.changes.relationships.added, merges },
        replaced,
        event: { kind: summary.reloaded ? 'SOURCE_REPLACED' : 'SOURCE_LOADED', ids: [...new Set([sourceId, ...doc.entities.map((e) => e.id), ...before])] },
      };
    });
  }

  async addStatement(userId: string, input: AddStatement, idempotencyKey?: string | null): Promise<CurationResult<{ id: string }>> {
    const id = input.id ?? newId('statement', input.speakerId.split(':')[1] ?? 'statement', input.text);
    const evidence = input.evidence;
    const entity = {
      id,
      type: 'Statement',
      text: input.text,
      kind: input.kind ?? 'QUOTE',
      topics: input.topics ?? [],
      ...(input.date ? { date: fuzzy(input.date) } : {}),
      evidence,
    };
    const relationships = [
      { type: input.kind === 'REPORTED' ? 'REPORTED' : 'SAID', from: input.speakerId, to: id, evidence },
      ...(input.aboutIds ?? []).map((about) => ({ type: 'ABOUT', from: id, to: about, evidence })),
    ];
    return this.add(
      userId,
      'ADD_STATEMENT',
      'STATEMENT_ADDED',
      { sourceId: input.sourceId, entities: [entity], relationships },
      input,
      idempotencyKey,
      id,
      `added statement ${id} by ${input.speakerId}`,
    );
  }

  async addMeeting(userId: string, input: AddMeeting, idempotencyKey?: string | null): Promise<CurationResult<{ id: string }>> {
    const id = input.id ?? newId('meeting', input.name);
    const evidence = input.evidence;
    const entity = { id, type: 'Meeting', name: input.name, ...(input.startDate ? { startDate: fuzzy(input.startDate) } : {}), evidence };
    const relationships = [
      ...input.participantIds.map((actor) => ({ type: 'PARTICIPATED_IN', from: actor, to: id, evidence })),
      ...(input.locationId ? [{ type: 'HELD_IN', from: id, to: input.locationId, evidence }] : []),
    ];
    return this.add(
      userId,
      'ADD_MEETING',
      'MEETING_ADDED',
      { sourceId: input.sourceId, entities: [entity], relationships },
      input,
      idempotencyKey,
      id,
      `added meeting ${id} with ${input.participantIds.length} participant(s)`,
    );
  }

  async linkActors(userId: string, input: LinkActors, idempotencyKey?: string | null): Promise<CurationResult<{ id: string }>> {
    const relationship = { type: 'RELATED_TO', from: input.fromId, to: input.toId, relation: input.relation, evidence: input.evidence };
    const edgeId = `RELATED_TO:${input.fromId}->${input.toId}|${input.relation}`;
    return this.add(
      userId,
      'LINK_ACTORS',
      'LINK_ADDED',
      { sourceId: input.sourceId, entities: [], relationships: [relationship] },
      input,
      idempotencyKey,
      edgeId,
      `linked ${input.fromId} ${input.relation} ${input.toId}`,
    );
  }

  /** Removes a fact, keeping what it was and why in the change log. */
  async retractFact(userId: string, id: string, reason: string, idempotencyKey?: string | null): Promise<CurationResult<{ id: string }>> {
    const badReason = reasonError(reason, 'reason', this.limits, 'a retraction');
    if (badReason) return refused([badReason]);
    return this.run({ userId, action: 'RETRACT_FACT', idempotencyKey, request: JSON.stringify({ id, reason }), reason }, async (tx) => {
      const retracted = await this.repo.retract(tx, id);
      if (!retracted)
        throw new RefusedChange<CurationResult<{ id: string }>>(
          refused([{ code: 'NOT_FOUND', message: `there is no node or relationship "${id}"`, path: 'id' }]),
        );
      // The node is gone by now: its labels come from what the retraction read before deleting it.
      const event = {
        kind: 'FACT_RETRACTED' as const,
        nodeTypes: retracted.labels,
        actorIds: retracted.labels.includes('Actor') ? [id] : [],
      };
      return { targetIds: retracted.targetIds, summary: `retracted ${id}: ${reason}`, result: { id }, retracted: retracted.retracted, event };
    });
  }

  /**
   * Pins the claim of `sourceId` on a node or relationship (null: unpins), so its values win over
   * the current-view rule. Pinning what is pinned already changes nothing and records nothing.
   */
  async pinClaim(
    userId: string,
    input: { id: string; sourceId: string | null; reason: string },
    idempotencyKey?: string | null,
  ): Promise<CurationResult<{ key: string; sourceId: string | null }>> {
    const badReason = reasonError(input.reason, 'input.reason', this.limits, 'a pin');
    if (badReason) return refused([badReason]);
    const action = input.sourceId === null ? 'UNPIN_CLAIM' : 'PIN_CLAIM';
    return this.run({ userId, action, idempotencyKey, request: JSON.stringify(input), sourceId: input.sourceId, reason: input.reason }, async (tx) => {
      const { status, key } = await this.repo.pin(tx, input.id, input.sourceId);
      const result = { key, sourceId: input.sourceId };
      if (status === 'no-fact')
        throw new RefusedChange(refused([{ code: 'NOT_FOUND', message: `there is no node or relationship "${input.id}"`, path: 'input.id' }]));
      if (status === 'no-claim')
        throw new RefusedChange(
          refused([{ code: 'NOT_FOUND', message: `the source "${input.sourceId}" makes no claim about "${input.id}"`, path: 'input.sourceId' }]),
        );
      if (status === 'unchanged') throw new RefusedChange<CurationResult<typeof result>>({ result, change: null, userErrors: [] });
      const summary =
        input.sourceId === null ? `unpinned ${input.id}: ${input.reason}` : `pinned the claim of ${input.sourceId} on ${input.id}: ${input.reason}`;
      const edge = parseEdgeId(input.id);
      const event = {
        kind: input.sourceId === null ? ('CLAIM_UNPINNED' as const) : ('CLAIM_PINNED' as const),
        ids: [input.id, ...(edge ? [edge.from, edge.to] : [])],
      };
      return { targetIds: [input.id], summary, result, event };
    });
  }

  /** The change log (see CurationRepository.changes). */
  changes(...args: Parameters<CurationRepository['changes']>) {
    return this.repo.changes(...args);
  }

  /** Validates an addition against its source's text and the graph, then writes it as one change. */
  private async add<I>(
    userId: string,
    action: string,
    kind: GraphEventKind,
    addition: Addition,
    input: I,
    idempotencyKey: string | null | undefined,
    id: string,
    summary: string,
  ): Promise<CurationResult<{ id: string }>> {
    const source = await this.repo.source(addition.sourceId);
    if (!source) return refused([{ code: 'NOT_FOUND', message: `there is no source "${addition.sourceId}" in the graph`, path: 'input.sourceId' }]);
    const declared = new Set(addition.entities.map((e) => e.id as string));
    const referenced = [...new Set(addition.relationships.flatMap((r) => [r.from as string, r.to as string]))].filter((ref) => !declared.has(ref));
    const types = await this.repo.entityTypes(referenced);
    const missing = referenced.filter((ref) => !types.has(ref));
    if (missing.length)
      return refused(missing.map((ref) => ({ code: 'NOT_FOUND' as const, message: `there is no node "${ref}" in the graph`, path: 'input' })));
    const document = {
      source: { id: source.id, title: source.title, publisher: source.publisher, text: source.text },
      entities: addition.entities as EntityInput[],
      relationships: addition.relationships as RelationshipInput[],
    };
    const validated = validateFacts(document, types, this.limits);
    if (!validated.ok) return refused(validated.problems.map((p) => userError('INVALID_INPUT', { ...p, path: inputPath(p.path) })));
    return this.run({ userId, action, idempotencyKey, request: JSON.stringify(input), sourceId: source.id }, async (tx) => {
      // Checked in the transaction, after the idempotency key: a replay must not trip over its own first write.
      const taken = await this.repo.existingIds(tx, [...declared]);
      if (taken.length)
        throw new RefusedChange(
          refused([{ code: 'INVALID_INPUT', message: `the graph already has a node "${taken[0]}"; choose another id`, path: 'input.id' }]),
        );
      await writeBatch(tx, [{ valid: validated.value, label: action }], true);
      const ends = parseEdgeId(id);
      return { targetIds: [id, ...referenced], summary, result: { id }, event: { kind, ids: [id, ...referenced, ...(ends ? [ends.from, ends.to] : [])] } };
    });
  }

  /** Runs `work` as one recorded, idempotent change (also for the review desk, ./review.ts). */
  async run<T>(request: ChangeRequest, work: (tx: ManagedTransaction) => Promise<ChangeOutcome<T>>): Promise<CurationResult<T>> {
    // The key is stored under a unique constraint, whose index refuses very long values.
    if (request.idempotencyKey != null && request.idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      return refused([
        {
          code: 'INVALID_INPUT',
          message: `an idempotency key has at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters; this one has ${request.idempotencyKey.length}`,
          path: 'idempotencyKey',
        },
      ]);
    }
    const outcome = await this.repo.change<T>(request, work);
    switch (outcome.status) {
      case 'key-reused':
        return refused([
          { code: 'IDEMPOTENCY_KEY_REUSED', message: 'this idempotency key was used before with different input; use a new key', path: 'idempotencyKey' },
        ]);
      case 'refused':
        return outcome.result as unknown as CurationResult<T>;
      default:
        return { result: outcome.result, change: outcome.change, userErrors: [] };
    }
  }
}

/** A refusal; the same problem found on several records (shared evidence) is reported once. */
/**
 * The user error for a curator's reason: missing when one is required (`what` needs a reason), or
 * longer than REASON_MAX_CHARS. Null when the reason is fine.
 */
export function reasonError(reason: string | null | undefined, path: string, limits: TextLimits, what?: string): UserError | null {
  if (what && !reason?.trim()) return { code: 'INVALID_INPUT', message: `${what} needs a reason`, path };
  const max = limits.maxReasonChars ?? DEFAULT_REASON_MAX_CHARS;
  if (reason && reason.length > max)
    return { code: 'INVALID_INPUT', message: `the reason has ${reason.length} characters; the limit is ${max} (REASON_MAX_CHARS)`, path };
  return null;
}

export function refused<T>(userErrors: UserError[]): CurationResult<T> {
  const seen = new Set<string>();
  const unique = userErrors.filter((e) => {
    const key = `${e.code}|${e.path}|${e.message}`;
    return !seen.has(key) && seen.add(key);
  });
  return { result: null, change: null, userErrors: unique };
}

/** The codes of problems that a mutation reports as they are; any other problem gets `fallback`. */
const PROBLEM_CODES = new Set<string>([
  'TEXT_TOO_LARGE',
  'TEXT_FILE_NOT_ALLOWED',
  'URL_NOT_ALLOWED',
  'CONFUSABLE_NAME',
  'EVIDENCE_TOO_COSTLY',
] satisfies UserErrorCode[]);

export function userError(fallback: UserErrorCode, problem: Problem): UserError {
  const code = problem.code && PROBLEM_CODES.has(problem.code) ? (problem.code as UserErrorCode) : fallback;
  return { code, message: problem.message, path: problem.path };
}

/** A document path of an addition, in terms of the mutation's input: evidence is `input.evidence`. */
function inputPath(path: string): string {
  const evidence = /\.evidence\[(\d+)\](.*)$/.exec(path);
  return evidence ? `input.evidence[${evidence[1]}]${evidence[2]}` : `input (${path})`;
}

function fuzzy(date: FuzzyDate) {
  return { value: date.value, precision: date.precision, inferred: date.inferred ?? false, ...(date.expression ? { expression: date.expression } : {}) };
}

/** `statement:putin-a-long-term-settlement-4f2a`: readable, and unique by its random tail. */
function newId(prefix: string, ...words: string[]): string {
  const slug = idWords(words.join(' ')).split('-').slice(0, 6).join('-');
  return `${prefix}:${slug}-${Math.random().toString(36).slice(2, 6)}`;
}
