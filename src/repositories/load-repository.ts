/**
 * Writes a validated facts document into the graph in one transaction: the document's source, its
 * entities and relationships (MERGE on ids and relationship keys, so loading twice changes
 * nothing), and the removal of facts that only this source supported and that the document no
 * longer states. If anything fails, the transaction rolls back and the graph is as it was.
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { type Database, runRows, writeTransaction } from '../db/driver';
import type { EntityInput, EntityType, FuzzyDateInput, RelationshipType } from '../facts/format';
import { RELATIONSHIP_TYPES } from '../facts/format';
import { type ResolvedEvidence, type ValidDocument, relationshipKey } from '../facts/validate';

/** What a load did, counted by the database. */
export interface LoadSummary {
  sourceId: string;
  entities: number;
  relationships: number;
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
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

const MERGE_SOURCE = `// mergeSource
  MERGE (s:Node {id: $sourceId}) SET s:Source SET s += $props
  SET s.evidenceSource = [], s.evidenceSentence = [], s.evidenceExcerpt = [], s.evidenceStart = [], s.evidenceEnd = []
  WITH s, $evidence AS evidence, {evidence: $evidence} AS row ${APPEND_EVIDENCE('s')}`;

const STRIP_NODES = `// stripSourceFromNodes
  MATCH (n:Node) WHERE NOT n:Source AND $sourceId IN n.evidenceSource ${STRIP_SOURCE('n')}`;

const STRIP_RELATIONSHIPS = `// stripSourceFromRelationships
  MATCH ()-[r]->() WHERE $sourceId IN r.evidenceSource ${STRIP_SOURCE('r')}`;

const EXISTING_TYPES = `// findExistingLabels
  UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, labels(n) AS labels`;

const mergeEntities = (type: EntityType) => `// mergeEntities ${type}
  UNWIND $rows AS row
  MERGE (n:Node {id: row.id}) SET n:${LABELS[type]} SET n += row.props ${APPEND_EVIDENCE('n')}`;

const mergeRelationships = (type: RelationshipType) => `// mergeRelationships ${type}
  UNWIND $rows AS row
  MATCH (a:Node {id: row.from}) MATCH (b:Node {id: row.to})
  MERGE (a)-[r:${type} {key: row.key}]->(b) SET r += row.props ${APPEND_EVIDENCE('r')}`;

const DELETE_UNSUPPORTED = `// deleteUnsupportedFacts
  CALL () { MATCH ()-[r]->() WHERE r.evidenceSource = [] DELETE r }
  CALL () { MATCH (n:Node) WHERE NOT n:Source AND n.evidenceSource = [] DETACH DELETE n }`;

/** Loads one valid document in one write transaction. */
export async function loadDocument(db: Database, valid: ValidDocument): Promise<LoadSummary> {
  const { doc } = valid;
  const sourceId = doc.source.id;
  const counts = { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0 };
  const run = async (tx: ManagedTransaction, cypher: string, params: Record<string, unknown>) => {
    const result = await tx.run(cypher, params);
    const c = result.summary.counters.updates();
    counts.nodesCreated += c.nodesCreated;
    counts.nodesDeleted += c.nodesDeleted;
    counts.relationshipsCreated += c.relationshipsCreated;
    counts.relationshipsDeleted += c.relationshipsDeleted;
    return result;
  };

  await writeTransaction(db, async (tx) => {
    await checkTypes(tx, doc.entities);
    const { text, id: _id, evidence: _evidence, publishedDate, ...meta } = doc.source;
    await run(tx, MERGE_SOURCE, {
      sourceId,
      props: { url: null, ...meta, text, sentences: valid.sentences.map((s) => s.text), ...flatDate('publishedDate', publishedDate) },
      evidence: evidenceColumns(valid.evidence.get('source') ?? []),
    });
    await run(tx, STRIP_NODES, { sourceId });
    await run(tx, STRIP_RELATIONSHIPS, { sourceId });

    for (const type of ENTITY_TYPES) {
      const rows = doc.entities.flatMap((entity, i) =>
        entity.type === type ? [{ id: entity.id, props: entityProps(entity), evidence: evidenceColumns(valid.evidence.get(`entities[${i}]`)!) }] : [],
      );
      if (rows.length) await run(tx, mergeEntities(type), { rows });
    }
    for (const type of RELATIONSHIP_TYPES) {
      const rows = doc.relationships.flatMap((rel, i) =>
        rel.type === type
          ? [{
              from: rel.from,
              to: rel.to,
              key: relationshipKey(rel),
              props: { role: rel.role ?? null, relation: rel.relation ?? null, ...flatDate('since', rel.since), ...flatDate('until', rel.until) },
              evidence: evidenceColumns(valid.evidence.get(`relationships[${i}]`)!),
            }]
          : [],
      );
      if (rows.length) await run(tx, mergeRelationships(type), { rows });
    }
    await run(tx, DELETE_UNSUPPORTED, {});
  });

  return { sourceId, entities: doc.entities.length, relationships: doc.relationships.length, ...counts };
}

/** Refuses ids that already belong to a node of another type (that would merge two things). */
async function checkTypes(tx: ManagedTransaction, entities: EntityInput[]): Promise<void> {
  const rows = await runRows(tx, EXISTING_TYPES, { ids: entities.map((e) => e.id) });
  const existing = new Map(rows.map((r) => [r.id as string, (r.labels as string[]).filter((l) => l !== 'Node').sort().join(':')]));
  const problems = entities.flatMap((entity, i) => {
    const found = existing.get(entity.id);
    const wanted = LABELS[entity.type].split(':').sort().join(':');
    return found !== undefined && found !== wanted
      ? [{ path: `entities[${i}] (${entity.id}).type`, message: `the graph already has "${entity.id}" as ${found}, not ${entity.type}` }]
      : [];
  });
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
