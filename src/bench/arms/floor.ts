/**
 * The benchmark's floor: each question as ONE hand-written, parameterised Cypher statement, sent
 * through neo4j-driver as it is (no batching, no DataLoader, no GraphQL). What the fastest code a
 * person would write by hand costs, against which the GraphQL arms are measured.
 *
 * Orders and tie-breaks repeat this service's exactly, so the answers are the same answers:
 * - link pages (meetings of an actor, participants of a meeting, statements of an actor) are pages
 *   of relationships, so they tie on `n.id + '|' + coalesce(r.key, '')` as graph-reader does;
 * - names sort as `toLower(name)` in link and root lists (SORT_KEYS.name), but as stored `name`
 *   in topActors and coOccurrence (analytics-repository);
 * - missing dates come last: `coalesce(startDate, '9999')` ascending, `coalesce(date, '')` descending.
 *
 * `answer` receives rows already converted by `fromNeo4j` (Integers are numbers).
 */
import { SEARCH_INDEX, luceneQuery } from '../../repositories/search-repository';
import { searchTerms } from '../../search/terms';
import type { Answers, BenchParams, QueryName } from '../queries';

/** One question as the floor asks it: its statement, its parameters, and its rows as the answer. */
export interface FloorQuery<Q extends QueryName> {
  cypher: string;
  params: (p: BenchParams) => Record<string, unknown>;
  answer: (rows: Record<string, unknown>[]) => Answers[Q];
}

/** The first 10 meetings of `a` by start date, each with its first 12 participants by name. */
const MEETINGS_OF_A = (participant: string) => `
  CALL (a) {
    MATCH (a)-[r:PARTICIPATED_IN]->(m:Meeting)
    WITH m, r ORDER BY coalesce(m.startDate, '9999'), m.id + '|' + coalesce(r.key, '') LIMIT 10
    CALL (m) {
      MATCH (m)<-[q:PARTICIPATED_IN]-(p:Actor)
      WITH p, q ORDER BY toLower(p.name), p.id + '|' + coalesce(q.key, '') LIMIT 12
      ${participant}
    }
    RETURN collect({id: m.id, participants: participants}) AS meetings
  }`;

/** The statement's one row as the answer; null (like the service's null) when nothing matched. */
const first = <T>(rows: Record<string, unknown>[]) => (rows[0] ?? null) as unknown as T;

/** The floor's statement for each question. */
export const FLOOR_QUERIES: { [Q in QueryName]: FloorQuery<Q> } = {
  point: {
    cypher: `// benchFloor point
      MATCH (a:Actor {id: $id}) RETURN a.id AS id, a.name AS name, a.kind AS kind`,
    params: (p) => ({ id: p.actorId }),
    answer: (rows) => first<Answers['point']>(rows),
  },
  nested2: {
    cypher: `// benchFloor nested2
      MATCH (a:Actor {id: $id})
      ${MEETINGS_OF_A('RETURN collect(p.id) AS participants')}
      RETURN a.id AS id, meetings`,
    params: (p) => ({ id: p.actorId }),
    answer: (rows) => first<Answers['nested2']>(rows),
  },
  nested3: {
    cypher: `// benchFloor nested3
      MATCH (a:Actor {id: $id})
      ${MEETINGS_OF_A(`CALL (p) {
        MATCH (p)-[s:SAID]->(st:Statement)
        WITH st, s ORDER BY coalesce(st.date, '') DESC, st.id + '|' + coalesce(s.key, '') DESC LIMIT 3
        RETURN collect(st.id) AS statements
      }
      RETURN collect({id: p.id, statements: statements}) AS participants`)}
      RETURN a.id AS id, meetings`,
    params: (p) => ({ id: p.actorId }),
    answer: (rows) => first<Answers['nested3']>(rows),
  },
  filteredList: {
    // No index on Actor.kind: one label scan for the count, one for the top 20 by name.
    cypher: `// benchFloor filteredList
      CALL () { MATCH (n:Actor {kind: $kind}) RETURN count(n) AS totalCount }
      CALL () {
        MATCH (n:Actor {kind: $kind})
        WITH n ORDER BY toLower(n.name), n.id LIMIT 20
        RETURN collect(n.id) AS ids
      }
      RETURN totalCount, ids`,
    params: () => ({ kind: 'PERSON' }),
    answer: (rows) => first<Answers['filteredList']>(rows),
  },
  countOnly: {
    // The count store holds counts per label, not per property value, so this one scans the label.
    cypher: `// benchFloor countOnly
      MATCH (n:Actor {kind: $kind}) RETURN count(n) AS totalCount`,
    params: () => ({ kind: 'PERSON' }),
    answer: (rows) => first<Answers['countOnly']>(rows),
  },
  search: {
    // The index holds only the six searchable labels, so no label filter; no `limit` option
    // either, since hits tied on score at the 10th place are broken by id as the service does.
    cypher: `// benchFloor search
      CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $lucene) YIELD node, score
      WITH node, score ORDER BY score DESC, node.id LIMIT 10
      RETURN collect(node.id) AS ids`,
    params: (p) => ({ lucene: luceneQuery(searchTerms(p.searchText)) }),
    answer: (rows) => first<Answers['search']>(rows),
  },
  shortestPath: {
    // A shortest walk never repeats a node, so the service's simple-path predicate cannot change
    // the length; the Source rule is checked per step during the bidirectional search.
    cypher: `// benchFloor shortestPath
      MATCH (a:Node {id: $from}), (b:Node {id: $to})
      MATCH p = SHORTEST 1 (a) (()--(y WHERE NOT y:Source OR y = b)){0,6} (b)
      RETURN length(p) AS length`,
    params: (p) => ({ from: p.pathFrom, to: p.pathTo }),
    answer: (rows) => ({ length: (rows[0]?.length as number | undefined) ?? null }),
  },
  topDegree: {
    // COUNT of a single untyped pattern reads the degree store, not the relationships.
    cypher: `// benchFloor topDegree
      MATCH (a:Actor)
      WITH a, COUNT { (a)--() } AS degree ORDER BY degree DESC, a.name, a.id LIMIT 10
      RETURN collect([a.id, degree]) AS actors`,
    params: () => ({}),
    answer: (rows) => first<Answers['topDegree']>(rows),
  },
  coOccurrence: {
    cypher: `// benchFloor coOccurrence
      MATCH (a:Actor)-[:PARTICIPATED_IN]->(x:Meeting)<-[:PARTICIPATED_IN]-(b:Actor) WHERE a.id < b.id
      WITH a, b, count(DISTINCT x) AS count ORDER BY count DESC, a.name, b.name, a.id, b.id LIMIT 20
      RETURN collect([a.id, b.id, count]) AS pairs`,
    params: () => ({}),
    answer: (rows) => first<Answers['coOccurrence']>(rows),
  },
};
