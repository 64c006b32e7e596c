/**
 * Writes validated facts documents into the graph, several documents per write transaction: their
 * sources, entities and relationships (MERGE on ids and relationship keys, so loading twice
 * changes nothing), and the removal of facts that only a reloaded source supported and that its
 * new version no longer states. If anything fails, the transaction rolls back and the graph is as
 * it was before that batch.
 *
 * Entities may be named by several sources. The first source to write a node owns its properties
 * (`definedBy`); later sources add their evidence and their names (each tagged with the source, in
 * `nameSource`/`nameText`/`nameKeys`), from which `aliases` and the resolution keys `matchKeys` are
 * derived. So removing or reloading a source takes away exactly what it contributed. When the
 * owner stops supporting a node that others still support, ownership passes to the next source
 * and the properties stay as they were.
 *
 * Cost grows with the batch, not with the graph: every write starts from an id (unique index),
 * and a source loaded before is cleaned up from the list of node ids it stored when it was
 * loaded (`Source.evidenceNodeIds`); only sources loaded by an older loader, which lack that
 * list, fall back to scanning the graph.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { type Database, read, readTransaction, rolledBackTransaction, runRows, writeTransaction } from '../db/driver';
import type { EntityInput, EntityType, FactsDocument, FuzzyDateInput, RelationshipType } from '../facts/format';
import { RELATIONSHIP_TYPES } from '../facts/format';
import { isNamed, type NameEntry, nameEntries } from '../facts/names';
import type { Candidate, GraphCandidates } from '../facts/resolve';
import { type ResolvedEvidence, type ValidDocument, relationshipKey } from '../facts/validate';

/** What one load transaction did, counted by the database. */
export interface LoadSummary {
  /** The sources written, in order. */
  sourceIds: string[];
  /** How many of them were in the graph already (their old evidence was replaced). */
  reloaded: number;
  entities: number;
  relationships: number;
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  /** The batch's nodes and relationships compared before and after the write. */
  changes: ChangeCounts;
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
}

/** A document that cannot be written as it is, e.g. an id already used by a node of another type. */
export class LoadConflictError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'LoadConflictError';
  }
}

/** Labels set on each entity type; a Country is an Actor and a Location. */
const LABELS: Record<EntityType, string> = {
  Actor: 'Actor',
  Country: 'Actor:Location',
  Location: 'Location',
  Meeting: 'Meeting',
  Position: 'Position',
  Statement: 'Statement',
  Stance: 'Stance',
  Event: 'Event',
};
const ENTITY_TYPES = Object.keys(LABELS) as EntityType[];
const NAMED_TYPES: EntityType[] = ['Actor', 'Country', 'Location', 'Meeting', 'Position', 'Event'];

/** The labels (other than Node) an entity type gets, in a comparable form. */
export function labelsOf(type: EntityType): string {
  return LABELS[type].split(':').sort().join(':');
}

/** The evidence lists every node and relationship carries, appended from `row.evidence`. */
const APPEND_EVIDENCE = (v: string) => `
  SET ${v}.evidenceSource = coalesce(${v}.evidenceSource, []) + row.evidence.source,
      ${v}.evidenceSentence = coalesce(${v}.evidenceSentence, []) + row.evidence.sentence,
      ${v}.evidenceExcerpt = coalesce(${v}.evidenceExcerpt, []) + row.evidence.excerpt,
      ${v}.evidenceStart = coalesce(${v}.evidenceStart, []) + row.evidence.start,
      ${v}.evidenceEnd = coalesce(${v}.evidenceEnd, []) + row.evidence.end`;

/**
 * Appends the names `row.names` (one source's) to `v` and derives `aliases` and `matchKeys`: in
 * full when the row's source owns the node (its name may have changed), else by adding what is
 * new, so a hub named by thousands of sources is not re-read name by name on every batch.
 */
const APPEND_NAMES = (v: string) => `
  SET ${v}.nameSource = coalesce(${v}.nameSource, []) + row.names.source,
      ${v}.nameText = coalesce(${v}.nameText, []) + row.names.text,
      ${v}.nameKeys = coalesce(${v}.nameKeys, []) + row.names.keys
  SET ${v}.aliases = CASE WHEN owns THEN ${ALIASES(v, `${v}.nameText`, '[]')} ELSE ${ALIASES(v, 'row.names.text', `${v}.aliases`)} END,
      ${v}.matchKeys = CASE WHEN owns THEN ${MATCH_KEYS(`${v}.nameKeys`, '[]')} ELSE ${MATCH_KEYS('row.names.keys', `${v}.matchKeys`)} END`;

/** `aliases`: `start` plus every name in `texts` not in it yet, except the one `v` is shown by. */
const ALIASES = (v: string, texts: string, start: string) =>
  `reduce(acc = coalesce(${start}, []), t IN ${texts} | CASE WHEN t = coalesce(${v}.name, ${v}.title) OR t IN acc THEN acc ELSE acc + t END)`;

/** `matchKeys`: `start` plus every key of `entries` ('|'-joined keys per name) not in it yet (see src/facts/names.ts). */
const MATCH_KEYS = (entries: string, start: string) =>
  `reduce(acc = coalesce(${start}, []), k IN reduce(flat = [], e IN ${entries} | flat + split(e, '|')) | CASE WHEN k IN acc THEN acc ELSE acc + k END)`;

/** Both derived from all of `v`'s names again, after some were taken off. */
const DERIVE_NAMES = (v: string) => `
  SET ${v}.aliases = ${ALIASES(v, `${v}.nameText`, '[]')}, ${v}.matchKeys = ${MATCH_KEYS(`${v}.nameKeys`, '[]')}`;

/** Drops one source's names from `v` (a node that has names) and derives the rest again. */
const STRIP_NAMES = (v: string) => `
  WITH ${v}, [i IN range(0, size(coalesce(${v}.nameSource, [])) - 1) WHERE ${v}.nameSource[i] <> $sourceId] AS keepNames
  FOREACH (_ IN CASE WHEN ${v}.nameSource IS NULL THEN [] ELSE [1] END |
    SET ${v}.nameSource = [i IN keepNames | ${v}.nameSource[i]],
        ${v}.nameText = [i IN keepNames | ${v}.nameText[i]],
        ${v}.nameKeys = [i IN keepNames | ${v}.nameKeys[i]])
  WITH ${v} WHERE ${v}.nameSource IS NOT NULL ${DERIVE_NAMES(v)}`;

/** Drops one source's entries from the evidence lists of `v`, keeping the others in order. */
const STRIP_SOURCE = (v: string) => `
  WITH ${v}, [i IN range(0, size(${v}.evidenceSource) - 1) WHERE ${v}.evidenceSource[i] <> $sourceId] AS keep
  SET ${v}.evidenceSource = [i IN keep | ${v}.evidenceSource[i]],
      ${v}.evidenceSentence = [i IN keep | ${v}.evidenceSentence[i]],
      ${v}.evidenceExcerpt = [i IN keep | ${v}.evidenceExcerpt[i]],
      ${v}.evidenceStart = [i IN keep | ${v}.evidenceStart[i]],
      ${v}.evidenceEnd = [i IN keep | ${v}.evidenceEnd[i]]`;

const FIND_LOADED_SOURCES = `// findLoadedSources
  UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s.id AS id, s.evidenceNodeIds AS nodeIds`;

// A relationship a source states joins two entities of that source (or the source itself, for
// CREDITS), so the nodes it listed reach all of its relationships too.
const STRIP_NODES = `// stripSourceFromNodes
  UNWIND $nodeIds AS id MATCH (n:Node {id: id}) WHERE NOT n:Source AND $sourceId IN n.evidenceSource ${STRIP_SOURCE('n')} ${STRIP_NAMES('n')}`;

const STRIP_RELATIONSHIPS = `// stripSourceFromRelationships
  UNWIND $nodeIds AS id MATCH (:Node {id: id})-[r]-() WHERE $sourceId IN r.evidenceSource
  WITH DISTINCT r ${STRIP_SOURCE('r')}`;

const DELETE_UNSUPPORTED = `// deleteUnsupportedFacts
  CALL () { UNWIND $nodeIds AS id MATCH (:Node {id: id})-[r]-() WHERE r.evidenceSource = [] WITH DISTINCT r DELETE r }
  CALL () { UNWIND $nodeIds AS id MATCH (n:Node {id: id}) WHERE NOT n:Source AND n.evidenceSource = [] DETACH DELETE n }`;

// Sources written before `evidenceNodeIds` existed do not say which nodes they touched; reloading
// one of those is the only case that still scans the whole graph.
const SCAN_STRIP_NODES = `// stripSourceFromNodesByScan
  MATCH (n:Node) WHERE NOT n:Source AND $sourceId IN n.evidenceSource ${STRIP_SOURCE('n')} ${STRIP_NAMES('n')}`;

const SCAN_STRIP_RELATIONSHIPS = `// stripSourceFromRelationshipsByScan
  MATCH ()-[r]->() WHERE $sourceId IN r.evidenceSource ${STRIP_SOURCE('r')}`;

const SCAN_DELETE_UNSUPPORTED = `// deleteUnsupportedFactsByScan
  CALL () { MATCH ()-[r]->() WHERE r.evidenceSource = [] DELETE r }
  CALL () { MATCH (n:Node) WHERE NOT n:Source AND n.evidenceSource = [] DETACH DELETE n }`;

const MERGE_SOURCES = `// mergeSources
  UNWIND $rows AS row
  MERGE (s:Node {id: row.id}) SET s:Source SET s += row.props
  SET s.evidenceSource = [], s.evidenceSentence = [], s.evidenceExcerpt = [], s.evidenceStart = [], s.evidenceEnd = []
  ${APPEND_EVIDENCE('s')}`;

const EXISTING_TYPES = `// findExistingLabels
  UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, labels(n) AS labels, n.definedBy AS definedBy`;

// Ownership of a node passes on when its owner no longer supports it (reloaded without it, or removed).
const PASS_OWNERSHIP = `// passOwnership
  UNWIND $nodeIds AS id MATCH (n:Node {id: id})
  WHERE n.definedBy IN $sourceIds AND NOT n.definedBy IN n.evidenceSource AND size(n.evidenceSource) > 0
  SET n.definedBy = n.evidenceSource[0]`;

/**
 * `row.owner` is the source whose properties the node should carry: the node's owner when that
 * source is in the batch, the first source of the batch for a new node, and null otherwise.
 */
const mergeEntities = (type: EntityType) => `// mergeEntities ${type}
  UNWIND $rows AS row
  MERGE (n:Node {id: row.id}) SET n:${LABELS[type]}
  WITH n, row, row.owner IS NOT NULL AND coalesce(n.definedBy, row.owner) = row.owner AS owns
  SET n.definedBy = CASE WHEN owns THEN row.owner ELSE n.definedBy END
  SET n += CASE WHEN owns THEN row.props ELSE {} END ${APPEND_EVIDENCE('n')}
  ${NAMED_TYPES.includes(type) ? APPEND_NAMES('n') : ''}`;

const mergeRelationships = (type: RelationshipType) => `// mergeRelationships ${type}
  UNWIND $rows AS row
  MATCH (a:Node {id: row.from}) MATCH (b:Node {id: row.to})
  MERGE (a)-[r:${type} {key: row.key}]->(b) SET r += row.props ${APPEND_EVIDENCE('r')}`;

/**
 * Every write transaction ends by bumping the graph version and recording when it ran, on the one
 * `GraphMeta` node (no `Node` label, so lists, search and paths never see it). Caches of derived
 * results (see src/analytics/cache.ts) compare this version to know when they are stale.
 */
export const STAMP_GRAPH_VERSION = `// stampGraphVersion
  MERGE (m:GraphMeta {id: 'graph'}) SET m.version = coalesce(m.version, 0) + 1, m.lastLoadAt = $at`;

/** Loads one valid document in one write transaction. */
export async function loadDocument(db: Database, valid: ValidDocument): Promise<LoadSummary> {
  return loadBatch(db, [{ valid }]);
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
  return transaction(db, (tx) => writeBatch(tx, documents, options.append ?? false));
}

/** The body of {@link loadBatch}, inside its transaction (mutations run it in theirs). */
export async function writeBatch(tx: ManagedTransaction, documents: LabelledDocument[], append = false): Promise<LoadSummary> {
  const sourceIds = documents.map((d) => d.valid.doc.source.id);
  const counts = { reloaded: 0, nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };
  const run = async (cypher: string, params: Record<string, unknown>) => {
    const result = await tx.run(cypher, params);
    const c = result.summary.counters.updates();
    counts.nodesCreated += c.nodesCreated;
    counts.nodesDeleted += c.nodesDeleted;
    counts.relationshipsCreated += c.relationshipsCreated;
    counts.relationshipsDeleted += c.relationshipsDeleted;
    return result;
  };

  const existing = await checkTypes(tx, documents);
  const rows = buildRows(documents, existing, append);
  const loaded = append ? [] : ((await runRows(tx, FIND_LOADED_SOURCES, { ids: sourceIds })) as { id: string; nodeIds: string[] | null }[]);
  // Only a reloaded source can leave a fact as it was; without one, every fact the batch touches
  // and did not create gains evidence, so the write's own counters tell the change apart.
  const before = loaded.length ? await snapshot(tx, rows, loaded.map((l) => l.id)) : null;
  const created = { nodes: 0, relationships: 0 };

  const touched = new Set<string>();
  let scanned = false;
  if (!append) {
    counts.reloaded = loaded.length;
    for (const { id: sourceId, nodeIds } of loaded) {
      scanned = (await stripSource(run, sourceId, nodeIds, touched)) || scanned;
    }
    await run(MERGE_SOURCES, { rows: rows.sources });
  } else {
    await run(APPEND_TO_SOURCES, { rows: rows.sources });
  }
  for (const type of ENTITY_TYPES) {
    const typeRows = rows.entities.get(type);
    if (typeRows?.size) created.nodes += (await run(mergeEntities(type), { rows: [...typeRows.values()].map(withColumns) })).summary.counters.updates().nodesCreated;
  }
  for (const type of RELATIONSHIP_TYPES) {
    const typeRows = rows.relationships.get(type);
    if (typeRows?.size) {
      created.relationships += (await run(mergeRelationships(type), { rows: [...typeRows.values()].map(withColumns) })).summary.counters.updates().relationshipsCreated;
    }
  }
  // Only facts a reloaded source stripped can have lost their last evidence.
  if (scanned) await run(SCAN_DELETE_UNSUPPORTED, {});
  else if (touched.size) await run(DELETE_UNSUPPORTED, { nodeIds: [...touched] });
  if (touched.size) await run(PASS_OWNERSHIP, { nodeIds: [...touched], sourceIds });
  const changes = before ? compare(before, await snapshot(tx, rows, 'rows')) : countChanges(rows, created);
  // Not through `run`: the version stamp is bookkeeping, not a fact the summary counts.
  await tx.run(STAMP_GRAPH_VERSION, { at: new Date().toISOString() });

  return {
    sourceIds,
    entities: documents.reduce((n, d) => n + d.valid.doc.entities.length, 0),
    relationships: documents.reduce((n, d) => n + d.valid.doc.relationships.length, 0),
    ...counts,
    changes,
  };
}

type Run = (cypher: string, params: Record<string, unknown>) => Promise<unknown>;

/**
 * Takes one source's evidence and names off every node and relationship it touched (from the node
 * ids it stored, or by scanning for sources loaded before those were stored). Returns whether it
 * had to scan; adds the nodes it touched to `touched`.
 */
async function stripSource(run: Run, sourceId: string, nodeIds: string[] | null, touched: Set<string>): Promise<boolean> {
  if (nodeIds === null) {
    await run(SCAN_STRIP_NODES, { sourceId });
    await run(SCAN_STRIP_RELATIONSHIPS, { sourceId });
    return true;
  }
  const ids = [...nodeIds, sourceId];
  await run(STRIP_NODES, { sourceId, nodeIds: ids });
  await run(STRIP_RELATIONSHIPS, { sourceId, nodeIds: ids });
  ids.forEach((id) => touched.add(id));
  return false;
}

/** What removing a source did. */
export interface RemoveSummary {
  sourceId: string;
  nodesDeleted: number;
  relationshipsDeleted: number;
  /** Nodes and relationships that other sources still support, with this source's evidence taken off. */
  nodesKept: number;
}

/**
 * Removes a source and every fact only it supported, in one write transaction. Facts that other
 * sources support too lose this source's evidence and names, and stay. Returns null when the
 * graph has no such source.
 */
export async function removeSource(db: Database, sourceId: string, options: { dryRun?: boolean } = {}): Promise<RemoveSummary | null> {
  const transaction = options.dryRun ? rolledBackTransaction : writeTransaction;
  return transaction(db, (tx) => removeSourceIn(tx, sourceId));
}

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
  const touched = new Set<string>();
  const scanned = await stripSource(run, sourceId, found.nodeIds as string[] | null, touched);
  if (scanned) await run(SCAN_DELETE_UNSUPPORTED, {});
  else await run(DELETE_UNSUPPORTED, { nodeIds: [...touched] });
  if (touched.size) await run(PASS_OWNERSHIP, { nodeIds: [...touched], sourceIds: [sourceId] });
  const [kept] = await runRows(tx, COUNT_SUPPORTED, { nodeIds: [...touched].filter((id) => id !== sourceId) });
  await run(DELETE_SOURCE, { sourceId });
  await tx.run(STAMP_GRAPH_VERSION, { at: new Date().toISOString() });
  return { sourceId, ...counts, nodesKept: Number(kept?.count ?? 0) };
}

const COUNT_SUPPORTED = `// countNodesStillSupported
  UNWIND $nodeIds AS id MATCH (n:Node {id: id}) RETURN count(n) AS count`;

const DELETE_SOURCE = `// deleteSource
  MATCH (s:Source {id: $sourceId}) DETACH DELETE s`;

// A curator's addition: the source stays as it is; its list of touched nodes grows.
const APPEND_TO_SOURCES = `// appendToSources
  UNWIND $rows AS row
  MATCH (s:Source {id: row.id})
  SET s.evidenceNodeIds = coalesce(s.evidenceNodeIds, []) + [id IN row.props.evidenceNodeIds WHERE NOT id IN coalesce(s.evidenceNodeIds, [])]`;

/**
 * Finds what entity resolution needs from the graph: the nodes with the given ids, and the nodes
 * any of whose name keys is among `keys`. The key search reads every node's keys once (there is no
 * index on list elements); see the README's loader figures.
 */
export async function findResolutionCandidates(db: Database, query: { ids: string[]; keys: string[] }): Promise<GraphCandidates> {
  const toCandidate = (r: Record<string, unknown>): Candidate => ({
    id: r.id as string,
    labels: (r.labels as string[]).filter((l) => l !== 'Node').sort().join(':'),
    name: (r.name as string | null) ?? null,
    keys: (r.keys as string[] | null) ?? [],
  });
  const byId = await read(db, FIND_BY_IDS, { ids: query.ids });
  const byKey = query.keys.length ? await read(db, FIND_BY_KEYS, { keys: query.keys }) : [];
  return { byId: new Map(byId.map((r) => [r.id as string, toCandidate(r)])), byKey: byKey.map(toCandidate) };
}

const FIND_BY_IDS = `// findResolutionCandidatesById
  UNWIND $ids AS id MATCH (n:Node {id: id}) WHERE NOT n:Source
  RETURN n.id AS id, labels(n) AS labels, coalesce(n.name, n.title) AS name, n.matchKeys AS keys`;

const FIND_BY_KEYS = `// findResolutionCandidatesByKey
  MATCH (n:Node) WHERE n.matchKeys IS NOT NULL AND any(k IN n.matchKeys WHERE k IN $keys)
  RETURN n.id AS id, labels(n) AS labels, coalesce(n.name, n.title) AS name, n.matchKeys AS keys`;

/** The rows a batch writes, built once outside the transaction's retries. */
interface BatchRows {
  sources: Record<string, unknown>[];
  entities: Map<EntityType, Map<string, Row>>;
  relationships: Map<RelationshipType, Map<string, Row>>;
}

/**
 * One row per node or relationship: a popular actor named by most documents of the batch gets its
 * evidence appended once, in document order, instead of its lists being copied per mention.
 */
function buildRows(documents: LabelledDocument[], existing: Map<string, { definedBy: string | null }>, append: boolean): BatchRows {
  const inBatch = new Set(documents.map((d) => d.valid.doc.source.id));
  const entities = new Map<EntityType, Map<string, Row>>();
  const relationships = new Map<RelationshipType, Map<string, Row>>();
  const sources = documents.map(({ valid }) => {
    const { doc } = valid;
    const sourceId = doc.source.id;
    doc.entities.forEach((entity, i) => {
      const rows = entities.get(entity.type) ?? entities.set(entity.type, new Map()).get(entity.type)!;
      const owner = ownerFor(entity.id, sourceId, existing, inBatch);
      const names = isNamed(entity) ? nameEntries(entity) : [];
      addRow(rows, entity.id, { id: entity.id, owner, props: entityProps(entity) }, valid.evidence.get(`entities[${i}]`)!, names, sourceId);
    });
    doc.relationships.forEach((rel, i) => {
      const rows = relationships.get(rel.type) ?? relationships.set(rel.type, new Map()).get(rel.type)!;
      const key = relationshipKey(rel);
      const props = { role: rel.role ?? null, relation: rel.relation ?? null, ...flatDate('since', rel.since), ...flatDate('until', rel.until) };
      addRow(rows, key, { from: rel.from, to: rel.to, key, owner: sourceId, props }, valid.evidence.get(`relationships[${i}]`)!, [], sourceId);
    });
    const { text, id, evidence: _evidence, publishedDate, ...meta } = doc.source;
    // Every node the source's facts touch, relationship ends included: a curator's link between
    // two nodes of the graph declares neither as an entity.
    const ends = doc.relationships.flatMap((r) => [r.from, r.to]).filter((id) => id !== doc.source.id);
    const evidenceNodeIds = [...new Set([...doc.entities.map((e) => e.id), ...ends])];
    return {
      id,
      props: append
        ? { evidenceNodeIds }
        : { url: null, ...meta, text, sentences: valid.sentences.map((s) => s.text), ...flatDate('publishedDate', publishedDate), evidenceNodeIds, document: storedDocument(doc) },
      evidence: evidenceColumns(valid.evidence.get('source') ?? []),
    };
  });
  return { sources, entities, relationships };
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

/** The source whose properties a node carries after this batch; see mergeEntities. */
function ownerFor(id: string, sourceId: string, existing: Map<string, { definedBy: string | null }>, inBatch: Set<string>): string | null {
  const node = existing.get(id);
  if (!node || node.definedBy === null) return sourceId;
  return inBatch.has(node.definedBy) ? node.definedBy : null;
}

/** What a node or relationship of the batch looked like, to tell added, updated and unchanged apart. */
interface Snapshot {
  nodes: Map<string, string>;
  relationships: Map<string, string>;
}

const SNAPSHOT_NODES = `// snapshotNodes
  UNWIND $ids AS id MATCH (n:Node {id: id})
  RETURN n.id AS id, [k IN $keys | n[k]] AS props,
    CASE WHEN size($sourceIds) = 0 THEN [] ELSE
      [i IN range(0, size(n.evidenceSource) - 1) WHERE n.evidenceSource[i] IN $sourceIds | [n.evidenceSource[i], n.evidenceExcerpt[i], n.evidenceStart[i]]] END AS evidence`;

const SNAPSHOT_RELATIONSHIPS = `// snapshotRelationships
  UNWIND $rows AS row MATCH (:Node {id: row.from})-[r {key: row.key}]->(:Node {id: row.to})
  RETURN r.key AS key, [k IN $keys | r[k]] AS props,
    CASE WHEN size($sourceIds) = 0 THEN [] ELSE
      [i IN range(0, size(r.evidenceSource) - 1) WHERE r.evidenceSource[i] IN $sourceIds | [r.evidenceSource[i], r.evidenceExcerpt[i], r.evidenceStart[i]]] END AS evidence`;

/**
 * Reads the properties of every node and relationship the batch writes, with their evidence from
 * `evidence`: before the write, the given (reloaded) sources' entries, read from the graph; after
 * it (`'rows'`), the batch's own entries, which are exactly what the write appended. Either way a
 * hub's long evidence lists are scanned only when a source is reloaded.
 */
async function snapshot(tx: ManagedTransaction, rows: BatchRows, evidence: string[] | 'rows'): Promise<Snapshot> {
  const entityRows = [...rows.entities.values()].flatMap((m) => [...m.values()]);
  const relationshipRows = [...rows.relationships.values()].flatMap((m) => [...m.values()]);
  const nodeKeys = [...new Set(entityRows.flatMap((r) => Object.keys(r.props))), 'aliases', 'definedBy'];
  const relationshipKeys = [...new Set(relationshipRows.flatMap((r) => Object.keys(r.props)))];
  const sourceIds = evidence === 'rows' ? [] : evidence;
  const nodes = await runRows(tx, SNAPSHOT_NODES, { ids: entityRows.map((r) => r.id), keys: nodeKeys, sourceIds });
  const rels = await runRows(tx, SNAPSHOT_RELATIONSHIPS, {
    rows: relationshipRows.map((r) => ({ from: r.from, to: r.to, key: r.key })),
    keys: relationshipKeys,
    sourceIds,
  });
  const fromRows = new Map([...entityRows.map((r) => [r.id, r] as const), ...relationshipRows.map((r) => [r.key, r] as const)]);
  const fingerprint = (key: string, props: unknown, stored: unknown) => {
    const row = fromRows.get(key);
    const entries = evidence === 'rows' && row ? row.evidence.map((e) => [e.sourceId, e.excerpt, e.start]) : stored;
    return JSON.stringify([props, entries]);
  };
  return {
    nodes: new Map(nodes.map((r) => [r.id as string, fingerprint(r.id as string, r.props, r.evidence)])),
    relationships: new Map(rels.map((r) => [r.key as string, fingerprint(r.key as string, r.props, r.evidence)])),
  };
}

/** The change counts of a batch that reloads no source: what it did not create, it added evidence to. */
function countChanges(rows: BatchRows, created: { nodes: number; relationships: number }): ChangeCounts {
  const size = (groups: Map<string, Map<string, Row>>) => [...groups.values()].reduce((n, m) => n + m.size, 0);
  const nodes = size(rows.entities);
  const relationships = size(rows.relationships);
  return {
    nodes: { added: created.nodes, updated: nodes - created.nodes, unchanged: 0 },
    relationships: { added: created.relationships, updated: relationships - created.relationships, unchanged: 0 },
  };
}

function compare(before: Snapshot, after: Snapshot): ChangeCounts {
  const count = (a: Map<string, string>, b: Map<string, string>) => {
    const out = { added: 0, updated: 0, unchanged: 0 };
    for (const [key, value] of b) {
      if (!a.has(key)) out.added += 1;
      else if (a.get(key) !== value) out.updated += 1;
      else out.unchanged += 1;
    }
    return out;
  };
  return { nodes: count(before.nodes, after.nodes), relationships: count(before.relationships, after.relationships) };
}

/**
 * Checks every document against the graph before a multi-batch load writes anything: throws
 * LoadConflictError naming each entity whose id the graph already has as another type.
 */
export async function checkTypeConflicts(db: Database, documents: LabelledDocument[]): Promise<void> {
  await readTransaction(db, (tx) => checkTypes(tx, documents));
}

/** Refuses ids that already belong to a node of another type (that would merge two things). */
async function checkTypes(tx: ManagedTransaction, documents: LabelledDocument[]): Promise<Map<string, { definedBy: string | null }>> {
  const ids = [...new Set(documents.flatMap((d) => d.valid.doc.entities.map((e) => e.id)))];
  const rows = await runRows(tx, EXISTING_TYPES, { ids });
  const existing = new Map(rows.map((r) => [r.id as string, (r.labels as string[]).filter((l) => l !== 'Node').sort().join(':')]));
  const problems = documents.flatMap(({ valid, label }) =>
    valid.doc.entities.flatMap((entity: EntityInput, i) => {
      const found = existing.get(entity.id);
      return found !== undefined && found !== labelsOf(entity.type)
        ? [{ path: `${label ? `${label}: ` : ''}entities[${i}] (${entity.id}).type`, message: `the graph already has "${entity.id}" as ${found}, not ${entity.type}` }]
        : [];
    }),
  );
  if (problems.length) throw new LoadConflictError(problems);
  return new Map(rows.map((r) => [r.id as string, { definedBy: (r.definedBy as string | null) ?? null }]));
}

/** The stored properties of an entity: every known field, null when absent, dates flattened. */
function entityProps(entity: EntityInput): Record<string, unknown> {
  const { id: _id, type: _type, evidence: _evidence, sameAs: _sameAs, ...fields } = entity;
  const { aliases: _aliases, ...rest } = fields as typeof fields & { aliases?: string[] };
  const props: Record<string, unknown> = { name: null, title: null, kind: null, description: null, outcome: null };
  for (const [key, value] of Object.entries(rest)) {
    if (isFuzzyDate(value)) Object.assign(props, flatDate(key, value));
    else props[key] = value ?? null;
  }
  if (entity.type === 'Country') props.kind = 'COUNTRY';
  for (const name of ['startDate', 'endDate', 'date']) if (!(name in fields)) Object.assign(props, flatDate(name, undefined));
  return props;
}

function isFuzzyDate(value: unknown): value is FuzzyDateInput {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'precision' in value;
}

/** `{value, precision, inferred, expression}` -> `<name>`, `<name>Precision`, ... (nulls remove). */
function flatDate(name: string, date: FuzzyDateInput | undefined): Record<string, unknown> {
  return {
    [name]: date?.value ?? null,
    [`${name}Precision`]: date?.precision ?? null,
    [`${name}Inferred`]: date?.inferred ?? null,
    [`${name}Expression`]: date?.expression ?? null,
  };
}

/** A row to merge: what identifies and describes the fact, its evidence and names from the batch. */
interface Row {
  id?: string;
  from?: string;
  to?: string;
  key?: string;
  owner: string | null;
  props: Record<string, unknown>;
  evidence: ResolvedEvidence[];
  names: { source: string; entry: NameEntry }[];
}

/**
 * Adds a fact to the batch's rows. The owner's properties win; for a relationship (which has no
 * owner) a later document's properties win, as they would one by one.
 */
function addRow(rows: Map<string, Row>, key: string, row: Omit<Row, 'evidence' | 'names'>, evidence: ResolvedEvidence[], names: NameEntry[], sourceId: string): void {
  const tagged = names.map((entry) => ({ source: sourceId, entry }));
  const seen = rows.get(key);
  if (!seen) {
    rows.set(key, { ...row, evidence: [...evidence], names: tagged });
    return;
  }
  if (row.id === undefined || seen.owner === sourceId) seen.props = row.props;
  seen.evidence.push(...evidence);
  seen.names.push(...tagged);
}

function withColumns({ names, ...row }: Row): Record<string, unknown> {
  return {
    ...row,
    evidence: evidenceColumns(row.evidence),
    names: { source: names.map((n) => n.source), text: names.map((n) => n.entry.text), keys: names.map((n) => n.entry.keys.join('|')) },
  };
}

/** Evidence as parallel columns; numbers go as Neo4j integers (a plain JS number would be a float). */
function evidenceColumns(items: ResolvedEvidence[]) {
  return {
    source: items.map((e) => e.sourceId),
    sentence: items.map((e) => neo4j.int(e.sentence)),
    excerpt: items.map((e) => e.excerpt),
    start: items.map((e) => neo4j.int(e.start)),
    end: items.map((e) => neo4j.int(e.end)),
  };
}

/** Bumped when the stored names change shape; `GraphMeta.namesVersion` says which a graph has. */
const NAMES_VERSION = 1;

const NAMES_VERSION_OF_GRAPH = `// namesVersion
  OPTIONAL MATCH (m:GraphMeta {id: 'graph'}) RETURN m.namesVersion AS version`;

const UNNAMED_NODES = `// findNodesWithoutNames
  MATCH (n:Node) WHERE n.nameKeys IS NULL AND (n:Actor OR n:Location OR n:Meeting OR n:Position OR n:Event)
  RETURN n.id AS id, labels(n) AS labels, n.name AS name, n.title AS title, n.kind AS kind, n.aliases AS aliases,
    coalesce(n.definedBy, n.evidenceSource[0]) AS source
  LIMIT $limit`;

const WRITE_NAMES = `// writeNames
  UNWIND $rows AS row MATCH (n:Node {id: row.id})
  SET n.definedBy = coalesce(n.definedBy, row.source), n.nameSource = row.names.source, n.nameText = row.names.text,
      n.nameKeys = row.names.keys
  ${DERIVE_NAMES('n')}`;

const STAMP_NAMES_VERSION = `// stampNamesVersion
  MERGE (m:GraphMeta {id: 'graph'}) SET m.namesVersion = $version`;

/**
 * Gives nodes written before names were stored per source (and so invisible to entity resolution)
 * their names and keys, attributed to the source that wrote them. Runs once per graph: the graph
 * remembers that it has the current shape.
 */
export async function upgradeStoredNames(db: Database, log: (line: string) => void = () => undefined): Promise<number> {
  const [state] = await read(db, NAMES_VERSION_OF_GRAPH);
  if (state.version === NAMES_VERSION) return 0;
  let upgraded = 0;
  for (;;) {
    const rows = await read(db, UNNAMED_NODES, { limit: neo4j.int(5_000) });
    if (!rows.length) break;
    const named = rows.map((r) => {
      const labels = r.labels as string[];
      const type: EntityType = labels.includes('Actor') && labels.includes('Location') ? 'Country' : (labels.find((l) => l !== 'Node') as EntityType);
      const entity = { type, name: r.name, title: r.title, kind: r.kind, aliases: (r.aliases as string[] | null) ?? [] } as unknown as EntityInput;
      const entries = isNamed(entity) && (r.name ?? r.title) ? nameEntries(entity) : [];
      const source = (r.source as string | null) ?? 'unknown';
      return { id: r.id, source, names: { source: entries.map(() => source), text: entries.map((e) => e.text), keys: entries.map((e) => e.keys.join('|')) } };
    });
    await writeTransaction(db, (tx) => tx.run(WRITE_NAMES, { rows: named }));
    upgraded += named.length;
  }
  if (upgraded) log(`[schema] gave ${upgraded} nodes loaded by an older version their names for entity resolution`);
  await writeTransaction(db, (tx) => tx.run(STAMP_NAMES_VERSION, { version: neo4j.int(NAMES_VERSION) }));
  return upgraded;
}
