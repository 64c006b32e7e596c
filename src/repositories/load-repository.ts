/**
 * Writes validated facts documents into the graph, several documents per write transaction: their
 * sources, entities and relationships (MERGE on ids and relationship keys, so loading twice
 * changes nothing), and the removal of facts that only a reloaded source supported and that its
 * new version no longer states. If anything fails, the transaction rolls back and the graph is as
 * it was before that batch.
 *
 * Cost grows with the batch, not with the graph: every write starts from an id (unique index),
 * and a source loaded before is cleaned up from the list of node ids it stored when it was
 * loaded (`Source.evidenceNodeIds`); only sources loaded by an older loader, which lack that
 * list, fall back to scanning the graph.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { type Database, readTransaction, runRows, writeTransaction } from '../db/driver';
import type { EntityInput, EntityType, FuzzyDateInput, RelationshipType } from '../facts/format';
import { RELATIONSHIP_TYPES } from '../facts/format';
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
  UNWIND $nodeIds AS id MATCH (n:Node {id: id}) WHERE NOT n:Source AND $sourceId IN n.evidenceSource ${STRIP_SOURCE('n')}`;

const STRIP_RELATIONSHIPS = `// stripSourceFromRelationships
  UNWIND $nodeIds AS id MATCH (:Node {id: id})-[r]-() WHERE $sourceId IN r.evidenceSource
  WITH DISTINCT r ${STRIP_SOURCE('r')}`;

const DELETE_UNSUPPORTED = `// deleteUnsupportedFacts
  CALL () { UNWIND $nodeIds AS id MATCH (:Node {id: id})-[r]-() WHERE r.evidenceSource = [] WITH DISTINCT r DELETE r }
  CALL () { UNWIND $nodeIds AS id MATCH (n:Node {id: id}) WHERE NOT n:Source AND n.evidenceSource = [] DETACH DELETE n }`;

// Sources written before `evidenceNodeIds` existed do not say which nodes they touched; reloading
// one of those is the only case that still scans the whole graph.
const SCAN_STRIP_NODES = `// stripSourceFromNodesByScan
  MATCH (n:Node) WHERE NOT n:Source AND $sourceId IN n.evidenceSource ${STRIP_SOURCE('n')}`;

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
  UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, labels(n) AS labels`;

const mergeEntities = (type: EntityType) => `// mergeEntities ${type}
  UNWIND $rows AS row
  MERGE (n:Node {id: row.id}) SET n:${LABELS[type]} SET n += row.props ${APPEND_EVIDENCE('n')}`;

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

/**
 * Loads documents in one write transaction: all of them or none. A source id may appear only once
 * per batch (the caller starts a new batch for a repeat, so the later version wins).
 */
export async function loadBatch(db: Database, documents: LabelledDocument[]): Promise<LoadSummary> {
  const sourceIds = documents.map((d) => d.valid.doc.source.id);
  if (new Set(sourceIds).size !== sourceIds.length) throw new Error('loadBatch: a source appears twice in one batch');
  const counts = { reloaded: 0, nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };
  const run = async (tx: ManagedTransaction, cypher: string, params: Record<string, unknown>) => {
    const result = await tx.run(cypher, params);
    const c = result.summary.counters.updates();
    counts.nodesCreated += c.nodesCreated;
    counts.nodesDeleted += c.nodesDeleted;
    counts.relationshipsCreated += c.relationshipsCreated;
    counts.relationshipsDeleted += c.relationshipsDeleted;
    return result;
  };

  // Rows are built once, outside the transaction, so a retried transaction only re-sends them.
  // One row per node or relationship: a popular actor named by most documents of the batch gets
  // its evidence appended once, in document order, instead of its lists being copied per mention.
  const entityRows = new Map<EntityType, Map<string, Row>>();
  const relationshipRows = new Map<RelationshipType, Map<string, Row>>();
  const sourceRows = documents.map(({ valid }) => {
    const { doc } = valid;
    doc.entities.forEach((entity, i) => {
      const rows = entityRows.get(entity.type) ?? entityRows.set(entity.type, new Map()).get(entity.type)!;
      addRow(rows, entity.id, { id: entity.id, props: entityProps(entity) }, valid.evidence.get(`entities[${i}]`)!);
    });
    doc.relationships.forEach((rel, i) => {
      const rows = relationshipRows.get(rel.type) ?? relationshipRows.set(rel.type, new Map()).get(rel.type)!;
      const key = relationshipKey(rel);
      addRow(
        rows,
        key,
        {
          from: rel.from,
          to: rel.to,
          key,
          props: { role: rel.role ?? null, relation: rel.relation ?? null, ...flatDate('since', rel.since), ...flatDate('until', rel.until) },
        },
        valid.evidence.get(`relationships[${i}]`)!,
      );
    });
    const { text, id, evidence: _evidence, publishedDate, ...meta } = doc.source;
    return {
      id,
      props: {
        url: null,
        ...meta,
        text,
        sentences: valid.sentences.map((s) => s.text),
        ...flatDate('publishedDate', publishedDate),
        evidenceNodeIds: [...new Set(doc.entities.map((e) => e.id))],
      },
      evidence: evidenceColumns(valid.evidence.get('source') ?? []),
    };
  });

  await writeTransaction(db, async (tx) => {
    Object.assign(counts, { reloaded: 0, nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 });
    await checkTypes(tx, documents);
    const loaded = await runRows(tx, FIND_LOADED_SOURCES, { ids: sourceIds });
    counts.reloaded = loaded.length;
    let scanned = false;
    const touched = new Set<string>();
    for (const { id: sourceId, nodeIds } of loaded as { id: string; nodeIds: string[] | null }[]) {
      if (nodeIds === null) {
        scanned = true;
        await run(tx, SCAN_STRIP_NODES, { sourceId });
        await run(tx, SCAN_STRIP_RELATIONSHIPS, { sourceId });
      } else {
        const ids = [...nodeIds, sourceId];
        await run(tx, STRIP_NODES, { sourceId, nodeIds: ids });
        await run(tx, STRIP_RELATIONSHIPS, { sourceId, nodeIds: ids });
        ids.forEach((id) => touched.add(id));
      }
    }
    await run(tx, MERGE_SOURCES, { rows: sourceRows });
    for (const type of ENTITY_TYPES) {
      const rows = entityRows.get(type);
      if (rows?.size) await run(tx, mergeEntities(type), { rows: [...rows.values()].map(withEvidenceColumns) });
    }
    for (const type of RELATIONSHIP_TYPES) {
      const rows = relationshipRows.get(type);
      if (rows?.size) await run(tx, mergeRelationships(type), { rows: [...rows.values()].map(withEvidenceColumns) });
    }
    // Only facts a reloaded source stripped can have lost their last evidence.
    if (scanned) await run(tx, SCAN_DELETE_UNSUPPORTED, {});
    else if (touched.size) await run(tx, DELETE_UNSUPPORTED, { nodeIds: [...touched] });
    // Not through `run`: the version stamp is bookkeeping, not a fact the summary counts.
    await tx.run(STAMP_GRAPH_VERSION, { at: new Date().toISOString() });
  });

  return {
    sourceIds,
    entities: documents.reduce((n, d) => n + d.valid.doc.entities.length, 0),
    relationships: documents.reduce((n, d) => n + d.valid.doc.relationships.length, 0),
    ...counts,
  };
}

/**
 * Checks every document against the graph before a multi-batch load writes anything: throws
 * LoadConflictError naming each entity whose id the graph already has as another type.
 */
export async function checkTypeConflicts(db: Database, documents: LabelledDocument[]): Promise<void> {
  await readTransaction(db, (tx) => checkTypes(tx, documents));
}

/** Refuses ids that already belong to a node of another type (that would merge two things). */
async function checkTypes(tx: ManagedTransaction, documents: LabelledDocument[]): Promise<void> {
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
}

/** The stored properties of an entity: every known field, null when absent, dates flattened. */
function entityProps(entity: EntityInput): Record<string, unknown> {
  const { id: _id, type: _type, evidence: _evidence, ...fields } = entity;
  const props: Record<string, unknown> = { name: null, title: null, kind: null, aliases: null, description: null, outcome: null };
  for (const [key, value] of Object.entries(fields)) {
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

/** A row to merge: what identifies and describes the fact, and its evidence from the batch. */
interface Row {
  id?: string;
  from?: string;
  to?: string;
  key?: string;
  props: Record<string, unknown>;
  evidence: ResolvedEvidence[];
}

/** Adds a fact to the batch's rows; a later document's properties win, as they would one by one. */
function addRow(rows: Map<string, Row>, key: string, row: Omit<Row, 'evidence'>, evidence: ResolvedEvidence[]): void {
  const seen = rows.get(key);
  if (seen) {
    seen.props = row.props;
    seen.evidence.push(...evidence);
  } else rows.set(key, { ...row, evidence: [...evidence] });
}

function withEvidenceColumns(row: Row): Record<string, unknown> {
  return { ...row, evidence: evidenceColumns(row.evidence) };
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
