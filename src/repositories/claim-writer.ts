/**
 * Writes facts documents into the graph as claims (see ./storage.ts), several documents per write
 * transaction, all or nothing.
 *
 * A load appends: each source's claims are created beside the others', and nodes and relationships
 * are merged by id and key. A node or relationship that gets a claim agreeing with what it shows
 * only counts one more source; one that gets a disagreeing claim, or loses one, has its current
 * view worked out again from all its claims (src/facts/claims.ts currentView). So loading costs
 * what the batch holds, not what the hubs it touches hold.
 *
 * Reloading a source compares each of its claims with the stored one by digest: unchanged claims
 * are left alone, changed ones replaced, dropped ones deleted. Removing a source deletes its
 * claims, and then whatever no claim supports any more.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { type Database, rolledBackTransaction, runRows, writeTransaction } from '../db/driver';
import { type Claim, claimDigest, claimsOf, currentView, fieldsOf, firstSeenOf, shownField, storedValues } from '../facts/claims';
import type { EntityType, FactsDocument, RelationshipType } from '../facts/format';
import type { ValidDocument } from '../facts/validate';
import { describeNodes, type GraphEventInput, recordGraphEvents } from './graph-events';
import { checkTypes } from './resolution-lookups';
import { deleteResolutionRecordsOf, type ResolutionRecords, writeResolutionRecords } from './resolution-records';
import {
  type ClaimRow,
  ENTITY_LABELS,
  ENTITY_TYPES,
  fromClaimRow,
  isRelationshipKey,
  parseRelationshipKey,
  RELATIONSHIP_TYPES,
  SINGLE_VALUED_LINKS,
  claimRank,
  toClaimRow,
} from './storage';

/** What one load transaction did, counted by the database. */
export interface LoadSummary {
  /** The sources written, in order. */
  sourceIds: string[];
  /** How many of them were in the graph already (their old claims were replaced). */
  reloaded: number;
  /** Which ones those were. */
  reloadedIds: string[];
  entities: number;
  relationships: number;
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  /** The batch's nodes and relationships compared before and after the write. */
  changes: ChangeCounts;
  /** Wall time of the transaction, retries and commit included (0 inside a caller's transaction). */
  ms: number;
}

/** How many of a batch's nodes and relationships a write added, changed or left as they were. */
export interface ChangeCounts {
  nodes: { added: number; updated: number; unchanged: number };
  relationships: { added: number; updated: number; unchanged: number };
}

/** A document to write, with a label (its file, say) that names it in conflict messages. */
export interface LabelledDocument {
  valid: ValidDocument;
  label?: string;
  /** Its resolution merges and held-back entities, recorded with it (see ./resolution-records.ts). */
  records?: ResolutionRecords;
}

/** How a batch is written. */
export interface BatchOptions {
  /** Roll the transaction back at the end: report what would change, change nothing. */
  dryRun?: boolean;
  /**
   * Add the documents' facts to sources already in the graph instead of replacing what those
   * sources stated (curators' mutations). The source's metadata and text are left as they are.
   */
  append?: boolean;
}

/**
 * Loads documents in one write transaction: all of them or none. A source id may appear only once
 * per batch (the caller starts a new batch for a repeat, so the later version wins).
 */
export async function loadBatch(db: Database, documents: LabelledDocument[], options: BatchOptions = {}): Promise<LoadSummary> {
  const sourceIds = documents.map((d) => d.valid.doc.source.id);
  if (new Set(sourceIds).size !== sourceIds.length) throw new Error('loadBatch: a source appears twice in one batch');
  const transaction = options.dryRun ? rolledBackTransaction : writeTransaction;
  const started = performance.now();
  const summary = await transaction(db, async (tx) => {
    const written = await writeBatch(tx, documents, options.append ?? false);
    await recordGraphEvents(tx, loadEvents(documents, written));
    return written;
  });
  return { ...summary, ms: performance.now() - started };
}

/**
 * The change record of a load (see ./graph-events.ts): one event per source, loaded or replaced,
 * naming the source and its entities. Every write transaction records events; a caller of
 * {@link writeBatch} inside its own transaction records them itself.
 */
export function loadEvents(documents: LabelledDocument[], summary: LoadSummary): GraphEventInput[] {
  return documents.map(({ valid }) => {
    const sourceId = valid.doc.source.id;
    return {
      kind: summary.reloadedIds.includes(sourceId) ? 'SOURCE_REPLACED' : 'SOURCE_LOADED',
      ids: [sourceId, ...valid.doc.entities.map((e) => e.id)],
      sourceId,
    };
  });
}

/** Loads one valid document in one write transaction. */
export async function loadDocument(db: Database, valid: ValidDocument): Promise<LoadSummary> {
  return loadBatch(db, [{ valid }]);
}

const FIND_LOADED_SOURCES = `// findLoadedSources
  UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s.id AS id`;

const FIND_SOURCE_CLAIMS = `// findClaimsOfSources
  UNWIND $ids AS id MATCH (c:Claim {source: id}) RETURN c.of AS of, c.source AS source, c.digest AS digest, c.pinned AS pinned`;

const FIND_CLAIMS_OF_PAIRS = `// findClaimsBySubjectAndSource
  UNWIND $pairs AS p MATCH (c:Claim {of: p.of}) WHERE c.source = p.source RETURN c {.*} AS claim`;

const DELETE_CLAIMS = `// deleteClaims
  UNWIND $pairs AS p MATCH (c:Claim {of: p.of}) WHERE c.source = p.source DELETE c`;

const CREATE_CLAIMS = `// createClaims
  UNWIND $rows AS row CREATE (c:Claim) SET c = row`;

const MERGE_SOURCES = `// mergeSources
  UNWIND $rows AS row
  MERGE (s:Node {id: row.id}) SET s:Source SET s += row.props`;

/**
 * Merges a node per row. A new node takes the view its batch's claims give; an existing one
 * counts its new sources, and comes back when a claim gives a value it does not show (a name
 * included), or the row asks for its view to be worked out again.
 */
const mergeEntities = (type: EntityType) => `// mergeEntities ${type}
  UNWIND $rows AS row
  MERGE (n:Node {id: row.id})
  WITH n, row, n.sourceCount IS NULL AS created
  SET n:${ENTITY_LABELS[type]}
  FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET n += row.view)
  SET n.sourceCount = coalesce(n.sourceCount, 0) + row.added,
      n.firstSeen = CASE WHEN n.firstSeen IS NULL OR row.firstSeen < n.firstSeen THEN row.firstSeen ELSE n.firstSeen END
  WITH n, row, created
  WHERE row.recompute OR (NOT created AND (
    any(k IN keys(row.check) WHERE n[k] IS NULL OR n[k] <> row.check[k])
    OR any(t IN row.names WHERE t <> coalesce(n.name, n.title) AND NOT t IN coalesce(n.aliases, []))))
  RETURN n.id AS subject`;

const mergeRelationships = (type: RelationshipType) => `// mergeRelationships ${type}
  UNWIND $rows AS row
  MATCH (a:Node {id: row.from}) MATCH (b:Node {id: row.to})
  MERGE (a)-[r:${type} {key: row.key}]->(b)
  WITH r, row, r.sourceCount IS NULL AS created
  FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET r += row.view)
  SET r.sourceCount = coalesce(r.sourceCount, 0) + row.added,
      r.firstClaim = CASE WHEN r.firstClaim IS NULL OR row.firstClaim < r.firstClaim THEN row.firstClaim ELSE r.firstClaim END
  WITH r, row, created
  WHERE row.recompute OR (NOT created AND any(k IN keys(row.check) WHERE r[k] IS NULL OR r[k] <> row.check[k]))
  RETURN r.key AS subject`;

/** A subject's claims in this batch, one per source, and what the batch does to it. */
interface Subject {
  claims: Claim[];
  /** Claims of sources that had none on it before. */
  added: number;
  /** Its view must be worked out again from all its stored claims. */
  recompute: boolean;
}

/**
 * The body of {@link loadBatch}, inside its transaction (mutations run it in theirs). It records
 * no change event: the transaction's owner does, once, for the whole write.
 */
export async function writeBatch(tx: ManagedTransaction, documents: LabelledDocument[], append = false): Promise<LoadSummary> {
  const sourceIds = documents.map((d) => d.valid.doc.source.id);
  const counts = { reloaded: 0, reloadedIds: [] as string[], nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };
  const run = async (cypher: string, params: Record<string, unknown>) => {
    const result = await tx.run(cypher, params);
    const c = result.summary.counters.updates();
    counts.nodesCreated += c.nodesCreated;
    counts.nodesDeleted += c.nodesDeleted;
    counts.relationshipsCreated += c.relationshipsCreated;
    counts.relationshipsDeleted += c.relationshipsDeleted;
    return result;
  };

  await checkTypes(tx, documents);
  const perDocument = documents.map((d) => claimsOf(d.valid));
  const all = perDocument.flatMap((c) => [...c.nodes.values(), ...c.relationships.values()]);
  const ends = new Map(perDocument.flatMap((c) => [...c.relationships].map(([key, r]) => [key, r] as const)));

  // What is stored already: a reloaded source's claims (to compare), or, for a curator's
  // addition, the claims the source has on the same facts (to add to).
  const stored = new Map<string, { digest: string; pinned: boolean }>();
  const pairKey = (of: string, source: string) => `${source}\u0000${of}`;
  if (append) {
    const rows = await runRows(tx, FIND_CLAIMS_OF_PAIRS, { pairs: all.map((c) => ({ of: c.subject, source: c.source })) });
    for (const row of rows) {
      const old = fromClaimRow(row.claim as Record<string, unknown>);
      const claim = all.find((c) => c.subject === old.subject && c.source === old.source)!;
      mergeClaims(claim, old);
      stored.set(pairKey(old.subject, old.source), { digest: '', pinned: old.pinned });
    }
  } else {
    const loaded = (await runRows(tx, FIND_LOADED_SOURCES, { ids: sourceIds })).map((r) => r.id as string);
    counts.reloaded = loaded.length;
    counts.reloadedIds = loaded;
    if (loaded.length) {
      for (const row of await runRows(tx, FIND_SOURCE_CLAIMS, { ids: loaded })) {
        stored.set(pairKey(row.of as string, row.source as string), { digest: row.digest as string, pinned: row.pinned === true });
      }
    }
  }

  const subjects = new Map<string, Subject>();
  const toDelete: { of: string; source: string }[] = [];
  const toCreate: ClaimRow[] = [];
  const unchanged = new Set<string>();
  const fresh = new Set(all.map((c) => pairKey(c.subject, c.source)));
  for (const claim of all) {
    const key = pairKey(claim.subject, claim.source);
    const digest = claimDigest(claim);
    const old = stored.get(key);
    if (old && old.digest === digest) {
      unchanged.add(claim.subject);
      continue;
    }
    if (old) toDelete.push({ of: claim.subject, source: claim.source });
    toCreate.push(toClaimRow(claim, digest, old?.pinned ?? false));
    const subject = subjects.get(claim.subject) ?? { claims: [], added: 0, recompute: false };
    subject.claims.push(claim);
    if (old) subject.recompute = true;
    else subject.added += 1;
    subjects.set(claim.subject, subject);
  }
  // A reloaded source's claims on facts its new version no longer states.
  const dropped: string[] = [];
  for (const key of stored.keys()) {
    if (fresh.has(key)) continue;
    const [source, of] = key.split('\u0000');
    toDelete.push({ of, source });
    dropped.push(of);
  }

  // Claims are not facts: the summary's counts leave them out (so `tx.run`, not `run`).
  if (toDelete.length) await tx.run(DELETE_CLAIMS, { pairs: toDelete });
  if (!append) await run(MERGE_SOURCES, { rows: documents.map(({ valid }) => sourceRow(valid)) });
  if (toCreate.length) await tx.run(CREATE_CLAIMS, { rows: toCreate });

  const recompute = new Set<string>(dropped);
  const created = { nodes: 0, relationships: 0 };
  const entityTypes = new Map(documents.flatMap((d) => d.valid.doc.entities.map((e) => [e.id, e.type] as const)));
  for (const type of ENTITY_TYPES) {
    const rows = [...subjects].filter(([id]) => entityTypes.get(id) === type).map(([id, s]) => ({ id, ...subjectRow(s, type) }));
    if (!rows.length) continue;
    const result = await run(mergeEntities(type), { rows });
    created.nodes += result.summary.counters.updates().nodesCreated;
    result.records.forEach((r) => recompute.add(r.get('subject') as string));
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = [...subjects]
      .filter(([key]) => ends.get(key)?.type === type)
      .map(([key, s]) => ({ key, from: ends.get(key)!.from, to: ends.get(key)!.to, ...subjectRow(s, type) }));
    if (!rows.length) continue;
    const result = await run(mergeRelationships(type), { rows });
    created.relationships += result.summary.counters.updates().relationshipsCreated;
    result.records.forEach((r) => recompute.add(r.get('subject') as string));
  }
  // A second place for a meeting (a single-valued link) disputes its `location`.
  for (const { type } of Object.values(SINGLE_VALUED_LINKS)) {
    const owners = [...subjects.keys()].filter((key) => ends.get(key)?.type === type).map((key) => ends.get(key)!.from);
    if (owners.length) (await runRows(tx, findSeveralLinks(type), { ids: owners })).forEach((r) => recompute.add(r.id as string));
  }
  if (recompute.size) await recomputeFacts(tx, [...recompute], run);
  const recorded = documents.map((d) => ({ sourceId: d.valid.doc.source.id, label: d.label ?? d.valid.doc.source.id, records: d.records }));
  await writeResolutionRecords(tx, recorded, append);

  const nodeSubjects = [...new Set([...subjects.keys(), ...unchanged])].filter((s) => !isRelationshipKey(s) && !sourceIds.includes(s));
  const relationshipSubjects = [...new Set([...subjects.keys(), ...unchanged])].filter(isRelationshipKey);
  const changed = (list: string[], added: number) => {
    const same = list.filter((s) => unchanged.has(s) && !subjects.has(s)).length;
    return { added, updated: list.length - added - same, unchanged: same };
  };
  return {
    sourceIds,
    entities: documents.reduce((n, d) => n + d.valid.doc.entities.length, 0),
    relationships: documents.reduce((n, d) => n + d.valid.doc.relationships.length, 0),
    ...counts,
    changes: { nodes: changed(nodeSubjects, created.nodes), relationships: changed(relationshipSubjects, created.relationships) },
    ms: 0,
  };
}

/**
 * The row that merges a subject: the view of its batch claims (what a new node or relationship
 * shows), the stored values they give (an existing one showing others must be worked out again),
 * and whether it must be anyway: when it lost a claim, or the batch's own claims disagree.
 */
function subjectRow(subject: Subject, type: Claim['subjectType']) {
  const fields = fieldsOf(type);
  const view = currentView(subject.claims, fields, null, shownField(type));
  const check: Record<string, unknown> = {};
  let disagree = view.disputed.length > 0;
  for (const claim of subject.claims) {
    for (const [key, value] of Object.entries(storedValues(pick(claim.values, fields)))) {
      if (value === null) continue;
      if (key in check && JSON.stringify(check[key]) !== JSON.stringify(value)) disagree = true;
      check[key] = value;
    }
  }
  const names = [...new Set(subject.claims.flatMap((c) => c.names.map((n) => n.text)))];
  const stored = storedValues(view.values);
  const named = type in ENTITY_LABELS ? { aliases: view.aliases, matchKeys: view.matchKeys } : {};
  return {
    view: { ...stored, ...named },
    check,
    names,
    added: subject.added,
    recompute: subject.recompute || disagree,
    firstSeen: subject.claims.map(firstSeenOf).sort()[0] ?? '',
    firstClaim: subject.claims.map(claimRank).sort()[0],
  };
}

function pick<T>(values: Record<string, T>, fields: string[]): Record<string, T | null> {
  return Object.fromEntries(fields.map((f) => [f, values[f] ?? null]));
}

/** Adds what a source said before to what it says now (a curator's addition to a source). */
function mergeClaims(into: Claim, old: Claim): void {
  into.values = { ...old.values, ...into.values };
  const names = new Set(old.names.map((n) => n.text));
  into.names = [...old.names, ...into.names.filter((n) => !names.has(n.text))];
  const cited = new Set(old.evidence.map((e) => `${e.sentence}:${e.start}:${e.end}`));
  into.evidence = [...old.evidence, ...into.evidence.filter((e) => !cited.has(`${e.sentence}:${e.start}:${e.end}`))];
}

function sourceRow(valid: ValidDocument): Record<string, unknown> {
  const { doc } = valid;
  const { text, id, evidence: _evidence, publishedDate, ...meta } = doc.source;
  return {
    id,
    props: {
      url: null,
      ...meta,
      text,
      sentences: valid.sentences.map((s) => s.text),
      ...storedValues({ publishedDate: publishedDate ?? null }),
      document: storedDocument(doc),
    },
  };
}

const findSeveralLinks = (type: RelationshipType) => `// findNodesWithSeveralLinks ${type}
  UNWIND $ids AS id MATCH (a:Node {id: id}) WHERE COUNT { (a)-[:${type}]->() } > 1 RETURN DISTINCT a.id AS id`;

const countLinks = (type: RelationshipType) => `// countLinks ${type}
  UNWIND $ids AS id MATCH (a:Node {id: id}) RETURN a.id AS id, COUNT { (a)-[:${type}]->() } AS links`;

const READ_CLAIMS = `// readClaimsOfFacts
  UNWIND $subjects AS s MATCH (c:Claim {of: s}) RETURN c {.*} AS claim`;

const WRITE_NODE_VIEWS = `// writeNodeViews
  UNWIND $rows AS row MATCH (n:Node {id: row.id}) SET n += row.view`;

const writeRelationshipViews = (type: RelationshipType) => `// writeRelationshipViews ${type}
  UNWIND $rows AS row MATCH (:Node {id: row.from})-[r:${type} {key: row.key}]->(:Node {id: row.to}) SET r += row.view`;

// A node no claim supports goes, and with it its relationships and their claims and disputes.
const DELETE_CLAIMS_OF_UNSUPPORTED_NODES = `// deleteClaimsAroundUnsupportedNodes
  UNWIND $ids AS id MATCH (n:Node {id: id}) WHERE NOT n:Source
  CALL (n) { MATCH (n)-[r]-() WITH DISTINCT r.key AS key MATCH (c:Claim|Dispute {of: key}) DELETE c }
  CALL (n) { MATCH (d:Dispute {of: n.id}) DELETE d }`;

const DELETE_UNSUPPORTED_NODES = `// deleteUnsupportedNodes
  UNWIND $ids AS id MATCH (n:Node {id: id}) WHERE NOT n:Source DETACH DELETE n`;

const deleteUnsupportedRelationships = (type: RelationshipType) => `// deleteUnsupportedRelationships ${type}
  UNWIND $rows AS row MATCH (:Node {id: row.from})-[r:${type} {key: row.key}]->(:Node {id: row.to}) DELETE r`;

const SYNC_DISPUTES = `// syncDisputes
  UNWIND $rows AS row
  OPTIONAL MATCH (d:Dispute {of: row.of})
  FOREACH (_ IN CASE WHEN d IS NOT NULL AND size(row.fields) = 0 THEN [1] ELSE [] END | DELETE d)
  FOREACH (_ IN CASE WHEN d IS NULL AND size(row.fields) > 0 THEN [1] ELSE [] END |
    CREATE (:Dispute {of: row.of, subjectType: row.subjectType, fields: row.fields}))
  FOREACH (_ IN CASE WHEN d IS NOT NULL AND size(row.fields) > 0 THEN [1] ELSE [] END | SET d.fields = row.fields)`;

type Run = (cypher: string, params: Record<string, unknown>) => Promise<unknown>;

/**
 * Works out the current view of each subject (node id or relationship key) again from all its
 * stored claims, and deletes those no claim supports any more. Also keeps the `Dispute` records.
 */
export async function recomputeFacts(tx: ManagedTransaction, subjects: string[], run: Run = (c, p) => tx.run(c, p)): Promise<void> {
  // A relationship that is single-valued for its start node changes that node's view too.
  const linkTypes = new Set(Object.values(SINGLE_VALUED_LINKS).map((l) => l.type));
  const owners = subjects
    .filter(isRelationshipKey)
    .map(parseRelationshipKey)
    .filter((k) => linkTypes.has(k.type))
    .map((k) => k.from);
  const all = [...new Set([...subjects, ...owners])];
  const rows = await runRows(tx, READ_CLAIMS, { subjects: all });
  const claims = new Map<string, (Claim & { pinned: boolean })[]>();
  for (const row of rows) {
    const claim = fromClaimRow(row.claim as Record<string, unknown>);
    claims.set(claim.subject, [...(claims.get(claim.subject) ?? []), claim]);
  }
  const disputes: Record<string, unknown>[] = [];
  const viewOf = (found: (Claim & { pinned: boolean })[]) => {
    const type = found[0].subjectType;
    const pinned = found.find((c) => c.pinned)?.source ?? null;
    const view = currentView(found, fieldsOf(type), pinned, shownField(type));
    return { type, view, pinned };
  };

  // Relationships first: a node's single-valued links are counted after them.
  const relationshipViews = new Map<RelationshipType, Record<string, unknown>[]>();
  const relationshipsGone = new Map<RelationshipType, Record<string, unknown>[]>();
  const add = (map: Map<RelationshipType, Record<string, unknown>[]>, type: RelationshipType, row: Record<string, unknown>) =>
    map.set(type, [...(map.get(type) ?? []), row]);
  for (const subject of all.filter(isRelationshipKey)) {
    const found = claims.get(subject) ?? [];
    const { type, from, to } = parseRelationshipKey(subject);
    if (!found.length) {
      add(relationshipsGone, type, { key: subject, from, to });
      disputes.push({ of: subject, subjectType: type, fields: [] });
      continue;
    }
    const { view, pinned } = viewOf(found);
    const stored = {
      ...storedValues(view.values),
      sourceCount: view.sourceCount,
      firstClaim: found.map(claimRank).sort()[0],
      disputed: view.disputed.length ? view.disputed : null,
      pinnedSource: pinned,
    };
    add(relationshipViews, type, { key: subject, from, to, view: stored });
    disputes.push({ of: subject, subjectType: type, fields: view.disputed });
  }
  for (const [type, views] of relationshipViews) await run(writeRelationshipViews(type), { rows: views });
  for (const [type, keys] of relationshipsGone) await run(deleteUnsupportedRelationships(type), { rows: keys });

  const nodes = all.filter((s) => !isRelationshipKey(s));
  const links = new Map<string, number>();
  for (const [entityType, { type }] of Object.entries(SINGLE_VALUED_LINKS)) {
    const ids = nodes.filter((id) => claims.get(id)?.[0]?.subjectType === entityType);
    if (ids.length) (await runRows(tx, countLinks(type), { ids })).forEach((r) => links.set(r.id as string, Number(r.links)));
  }
  const nodeViews: Record<string, unknown>[] = [];
  const gone: string[] = [];
  for (const subject of nodes) {
    const found = claims.get(subject) ?? [];
    if (!found.length) {
      gone.push(subject);
      continue;
    }
    const { type, view, pinned } = viewOf(found);
    if (type === 'Source') continue;
    const link = SINGLE_VALUED_LINKS[type as EntityType];
    const disputed = link && (links.get(subject) ?? 0) > 1 ? [...view.disputed, link.field] : view.disputed;
    nodeViews.push({
      id: subject,
      view: {
        ...storedValues(view.values),
        aliases: view.aliases,
        matchKeys: view.matchKeys,
        sourceCount: view.sourceCount,
        firstSeen: view.firstSeen,
        disputed: disputed.length ? disputed : null,
        pinnedSource: pinned,
      },
    });
    disputes.push({ of: subject, subjectType: type, fields: disputed });
  }
  if (nodeViews.length) await run(WRITE_NODE_VIEWS, { rows: nodeViews });
  if (gone.length) {
    await tx.run(DELETE_CLAIMS_OF_UNSUPPORTED_NODES, { ids: gone });
    await run(DELETE_UNSUPPORTED_NODES, { ids: gone });
  }
  if (disputes.length) await tx.run(SYNC_DISPUTES, { rows: disputes });
}

/** What removing a source did. */
export interface RemoveSummary {
  sourceId: string;
  nodesDeleted: number;
  relationshipsDeleted: number;
  /** Nodes that other sources still support, with this source's claims taken off. */
  nodesKept: number;
}

/**
 * Removes a source and every fact only it supported, in one write transaction. Facts that other
 * sources support too lose this source's claim and stay, showing what the others say. Returns
 * null when the graph has no such source.
 */
export async function removeSource(db: Database, sourceId: string, options: { dryRun?: boolean } = {}): Promise<RemoveSummary | null> {
  const transaction = options.dryRun ? rolledBackTransaction : writeTransaction;
  return transaction(db, (tx) => removeSourceIn(tx, sourceId));
}

const DELETE_SOURCE_CLAIMS = `// deleteClaimsOfSource
  MATCH (c:Claim {source: $sourceId}) WITH c, c.of AS of DELETE c RETURN DISTINCT of`;

const COUNT_SUPPORTED = `// countNodesStillSupported
  UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN count(n) AS count`;

const DELETE_SOURCE = `// deleteSource
  MATCH (s:Source {id: $sourceId}) DETACH DELETE s`;

/** The body of {@link removeSource}, inside its transaction. */
export async function removeSourceIn(tx: ManagedTransaction, sourceId: string): Promise<RemoveSummary | null> {
  const [found] = await runRows(tx, FIND_LOADED_SOURCES, { ids: [sourceId] });
  if (!found) return null;
  const counts = { nodesDeleted: 0, relationshipsDeleted: 0 };
  const run: Run = async (cypher, params) => {
    const c = (await tx.run(cypher, params)).summary.counters.updates();
    counts.nodesDeleted += c.nodesDeleted;
    counts.relationshipsDeleted += c.relationshipsDeleted;
  };
  const touched = (await runRows(tx, DELETE_SOURCE_CLAIMS, { sourceId })).map((r) => r.of as string).filter((of) => of !== sourceId);
  const nodeIds = touched.filter((s) => !isRelationshipKey(s));
  // Read before the facts only this source supported are deleted: the event names what they were.
  const described = await describeNodes(tx, [sourceId, ...nodeIds]);
  await recomputeFacts(tx, touched, run);
  const [kept] = await runRows(tx, COUNT_SUPPORTED, { ids: nodeIds });
  await run(DELETE_SOURCE, { sourceId });
  await deleteResolutionRecordsOf(tx, sourceId);
  await recordGraphEvents(tx, [{ kind: 'SOURCE_REMOVED', ids: [sourceId, ...nodeIds], sourceId, ...described }]);
  return { sourceId, ...counts, nodesKept: Number(kept?.count ?? 0) };
}

/**
 * The document a source was loaded from, as stored on its node (`document`), its text left out
 * (the node holds it as `text`): what an ingestSource that replaces the source records, so the
 * replaced version can be restored (see {@link storedDocumentOf}).
 */
function storedDocument(doc: FactsDocument): string {
  const { text: _text, ...source } = doc.source;
  return JSON.stringify({ ...doc, source });
}

const FIND_STORED_DOCUMENT = `// findStoredDocument
  MATCH (s:Source {id: $id}) RETURN s.document AS document, s.text AS text`;

/**
 * The facts document `sourceId` was last loaded (or ingested) from, its text inline, as JSON;
 * null when there is no such source or it was loaded before sources kept their documents.
 * Curators' additions since are not in it: they are changes of their own in the change log.
 */
export async function storedDocumentOf(tx: ManagedTransaction, sourceId: string): Promise<string | null> {
  const [row] = await runRows(tx, FIND_STORED_DOCUMENT, { id: sourceId });
  if (!row || typeof row.document !== 'string') return null;
  const doc = JSON.parse(row.document) as FactsDocument;
  return JSON.stringify({ ...doc, source: { ...doc.source, text: row.text } });
}
