/**
 * What a load looks up before it writes: the types of the ids a batch names (an id already used by
 * another type is a conflict), and the nodes that entity resolution may match by id or name.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { z } from 'zod';
import { type Database, read, readTransaction, runRows } from '../db/driver';
import type { EntityInput } from '../facts/format';
import type { Candidate, GraphCandidates } from '../facts/resolve';
import type { LabelledDocument } from './claim-writer';
import { labelsOf } from './storage';

/** A document that cannot be written as it is, e.g. an id already used by a node of another type. */
export class LoadConflictError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'LoadConflictError';
  }
}

const EXISTING_TYPES = `// findExistingLabels
  UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, labels(n) AS labels`;

/**
 * Checks every document against the graph before a multi-batch load writes anything: throws
 * LoadConflictError naming each entity whose id the graph already has as another type.
 */
export async function checkTypeConflicts(db: Database, documents: LabelledDocument[]): Promise<void> {
  await readTransaction(db, (tx) => checkTypes(tx, documents));
}

/** Refuses ids that already belong to a node of another type (that would merge two things). */
export async function checkTypes(tx: ManagedTransaction, documents: LabelledDocument[]): Promise<void> {
  const ids = [...new Set(documents.flatMap((d) => d.valid.doc.entities.map((e) => e.id)))];
  const rows = await runRows(tx, EXISTING_TYPES, { ids });
  const existing = new Map(
    rows.map((r) => [
      r.id as string,
      (r.labels as string[])
        .filter((l) => l !== 'Node')
        .sort()
        .join(':'),
    ]),
  );
  const problems = documents.flatMap(({ valid, label }) =>
    valid.doc.entities.flatMap((entity: EntityInput, i) => {
      const found = existing.get(entity.id);
      return found !== undefined && found !== labelsOf(entity.type)
        ? [
            {
              path: `${label ? `${label}: ` : ''}entities[${i}] (${entity.id}).type`,
              message: `the graph already has "${entity.id}" as ${found}, not ${entity.type}`,
            },
          ]
        : [];
    }),
  );
  if (problems.length) throw new LoadConflictError(problems);
}

/**
 * Finds what entity resolution needs from the graph: the nodes with the given ids, and the nodes
 * any of whose name keys is among `keys`. The key search reads every node's keys once (there is no
 * index on list elements); see docs on loading for the figures.
 */
export async function findResolutionCandidates(
  db: Database,
  query: { ids: string[]; keys: string[]; dates?: string[]; sourceIds?: string[] },
): Promise<GraphCandidates> {
  const toCandidate = (r: Record<string, unknown>): Candidate => ({
    id: r.id as string,
    labels: (r.labels as string[])
      .filter((l) => l !== 'Node')
      .sort()
      .join(':'),
    name: (r.name as string | null) ?? null,
    keys: (r.keys as string[] | null) ?? [],
  });
  const byId = await read(db, FIND_BY_IDS, { ids: query.ids });
  const byKey = query.keys.length ? await read(db, FIND_BY_KEYS, { keys: query.keys }) : [];
  const meetings = query.dates?.length ? await read(db, FIND_MEETINGS_BY_DAY, { dates: query.dates }) : [];
  const settled = query.sourceIds?.length ? await read(db, FIND_SETTLED_REVIEWS, { sourceIds: query.sourceIds }) : [];
  return {
    byId: new Map(byId.map((r) => [r.id as string, toCandidate(r)])),
    byKey: byKey.map(toCandidate),
    meetings: meetings.map((r) => MeetingRow.parse(r)),
    settled: settled.map((r) => SettledRow.parse(r)),
  };
}

const SettledRow = z.object({
  sourceId: z.string(),
  entityId: z.string(),
  name: z.string(),
  status: z.enum(['MERGED', 'DROPPED']),
  resolvedTo: z.string().nullable(),
});

// A curator's merges and drops of these sources' records, which a reload applies again.
const FIND_SETTLED_REVIEWS = `// findSettledReviewItems
  UNWIND $sourceIds AS sourceId MATCH (r:ReviewItem {sourceId: sourceId}) WHERE r.status IN ['MERGED', 'DROPPED']
  RETURN r.sourceId AS sourceId, r.entityId AS entityId, r.name AS name, r.status AS status, r.resolvedTo AS resolvedTo`;

const MeetingRow = z.object({
  id: z.string(),
  name: z.string().nullable(),
  date: z.string(),
  place: z.string().nullable(),
  participants: z.array(z.string()),
});

// Uses the meeting_start index; a meeting's place and participants come with it.
const FIND_MEETINGS_BY_DAY = `// findMeetingCandidatesByDay
  UNWIND $dates AS day MATCH (m:Meeting {startDate: day}) WHERE m.startDatePrecision = 'DAY'
  RETURN m.id AS id, m.name AS name, m.startDate AS date,
    head([(m)-[:HELD_IN]->(l:Node) | l.id]) AS place, [(a:Node)-[:PARTICIPATED_IN]->(m) | a.id] AS participants`;

const FIND_BY_IDS = `// findResolutionCandidatesById
  UNWIND $ids AS id MATCH (n:Node {id: id}) WHERE NOT n:Source
  RETURN n.id AS id, labels(n) AS labels, coalesce(n.name, n.title) AS name, n.matchKeys AS keys`;

const FIND_BY_KEYS = `// findResolutionCandidatesByKey
  MATCH (n:Node) WHERE n.matchKeys IS NOT NULL AND any(k IN n.matchKeys WHERE k IN $keys)
  RETURN n.id AS id, labels(n) AS labels, coalesce(n.name, n.title) AS name, n.matchKeys AS keys`;
