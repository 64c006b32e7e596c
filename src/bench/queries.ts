/**
 * The benchmark's fixed questions, asked of three arms over the same Neo4j: this service, the same
 * model served by @neo4j/graphql, and hand-written Cypher through the driver (the floor). Each
 * question has one normalised answer shape; an arm's answer is normalised to it, and all arms must
 * agree before anything is timed.
 *
 * Orders are part of each question (so that "the first 10" means the same 10 in every arm):
 * - meetings of an actor: by `startDate` ascending, then by meeting id;
 * - participants of a meeting: by `name` ascending, then by actor id;
 * - statements of an actor (SAID): by `date` descending, then by statement id descending;
 * - actors in the filtered list: by `name` ascending, then by id.
 */
import type { Database } from '../db/driver';
import { read } from '../db/driver';

/** Ids and words a run's questions are asked about, picked from the loaded graph. */
export interface BenchParams {
  /** A person with many meetings (the busiest person). */
  actorId: string;
  /** Two actors a few hops apart, for the shortest path. */
  pathFrom: string;
  pathTo: string;
  /** A person's full name, for the full-text search. */
  searchText: string;
}

export type QueryName = 'point' | 'nested2' | 'nested3' | 'filteredList' | 'countOnly' | 'search' | 'shortestPath' | 'topDegree' | 'coOccurrence';

/** Normalised answers, per question. Arrays are in the question's order unless said otherwise. */
export interface Answers {
  /** The actor `actorId`. */
  point: { id: string; name: string; kind: string };
  /** Its first 10 meetings, each with its first 12 participants (ids). */
  nested2: { id: string; meetings: { id: string; participants: string[] }[] };
  /** As nested2, each participant with the ids of its first 3 statements (SAID). */
  nested3: { id: string; meetings: { id: string; participants: { id: string; statements: string[] }[] }[] };
  /** The first 20 PERSON actors by name (ids), and how many persons there are. */
  filteredList: { totalCount: number; ids: string[] };
  /** How many actors of kind PERSON there are; nothing else is asked. */
  countOnly: { totalCount: number };
  /** Ids of the first 10 nodes (Actor, Location, Meeting, Position, Statement, Event) matching `searchText`, by score. */
  search: { ids: string[] };
  /** The length (hops) of a shortest path between `pathFrom` and `pathTo` that never passes a Source (max 6). */
  shortestPath: { length: number | null };
  /** The 10 actors with the most relationships of any type or direction, ties by name then id: [id, degree]. */
  topDegree: { actors: [string, number][] };
  /**
   * The 20 pairs of actors (a.id < b.id) that took part in the most meetings together (distinct
   * meetings), most first, ties by a.name, b.name, a.id, b.id: [a, b, count].
   */
  coOccurrence: { pairs: [string, string, number][] };
}

/** One question as this service is asked it, and how its response data is normalised. */
export interface ServiceOperation<Q extends QueryName> {
  query: string;
  variables: (p: BenchParams) => Record<string, unknown>;
  normalise: (data: any) => Answers[Q];
}

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

/** The questions in this service's API. */
export const SERVICE_OPERATIONS: { [Q in QueryName]: ServiceOperation<Q> } = {
  point: {
    query: 'query($id: ID!) { actor(id: $id) { id name kind } }',
    variables: (p) => ({ id: p.actorId }),
    normalise: (d) => d.actor,
  },
  nested2: {
    query: `query($id: ID!) { actor(id: $id) { id meetingsConnection(first: 10) { nodes { id
      participantsConnection(first: 12) { nodes { actor { id } } } } } } }`,
    variables: (p) => ({ id: p.actorId }),
    normalise: (d) => ({
      id: d.actor.id,
      meetings: d.actor.meetingsConnection.nodes.map((m: any) => ({ id: m.id, participants: m.participantsConnection.nodes.map((x: any) => x.actor.id) })),
    }),
  },
  nested3: {
    query: `query($id: ID!) { actor(id: $id) { id meetingsConnection(first: 10) { nodes { id
      participantsConnection(first: 12) { nodes { actor { id statementsConnection(first: 3, orderBy: { field: DATE, direction: DESC }) { nodes { id } } } } } } } } }`,
    variables: (p) => ({ id: p.actorId }),
    normalise: (d) => ({
      id: d.actor.id,
      meetings: d.actor.meetingsConnection.nodes.map((m: any) => ({
        id: m.id,
        participants: m.participantsConnection.nodes.map((x: any) => ({ id: x.actor.id, statements: ids(x.actor.statementsConnection.nodes) })),
      })),
    }),
  },
  filteredList: {
    query: '{ actors(where: { kind: PERSON }, orderBy: { field: NAME, direction: ASC }, first: 20) { totalCount nodes { id } } }',
    variables: () => ({}),
    normalise: (d) => ({ totalCount: d.actors.totalCount, ids: ids(d.actors.nodes) }),
  },
  countOnly: {
    query: '{ actors(where: { kind: PERSON }) { totalCount } }',
    variables: () => ({}),
    normalise: (d) => ({ totalCount: d.actors.totalCount }),
  },
  search: {
    query: 'query($text: String!) { search(text: $text, first: 10) { nodes { node { id } } } }',
    variables: (p) => ({ text: p.searchText }),
    normalise: (d) => ({ ids: d.search.nodes.map((h: any) => h.node.id) }),
  },
  shortestPath: {
    query: 'query($from: ID!, $to: ID!) { path(fromId: $from, toId: $to, maxHops: 6) { length } }',
    variables: (p) => ({ from: p.pathFrom, to: p.pathTo }),
    normalise: (d) => ({ length: d.path?.length ?? null }),
  },
  topDegree: {
    query: '{ topActors(by: DEGREE, first: 10) { score actor { id } } }',
    variables: () => ({}),
    normalise: (d) => ({ actors: d.topActors.map((r: any) => [r.actor.id, r.score]) }),
  },
  coOccurrence: {
    query: '{ coOccurrence(kind: MEETING, first: 20) { count a { id } b { id } } }',
    variables: () => ({}),
    normalise: (d) => ({ pairs: d.coOccurrence.map((p: any) => [p.a.id, p.b.id, p.count]) }),
  },
};

export const QUERY_NAMES = Object.keys(SERVICE_OPERATIONS) as QueryName[];

/** Picks the ids and words the questions are asked about, the same way for every arm and run. */
export async function pickParams(db: Database): Promise<BenchParams> {
  const [hub] = await read(
    db,
    `// benchPickActor
    MATCH (a:Actor {kind: 'PERSON'}) RETURN a.id AS id, a.name AS name ORDER BY COUNT { (a)-[:PARTICIPATED_IN]->() } DESC, a.id LIMIT 1`,
  );
  let [pair] = await read(
    db,
    `// benchPickPair
    MATCH (a:Actor)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(:Actor)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(b:Actor)
    WHERE a.id < b.id AND NOT EXISTS { (a)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(b) }
    RETURN a.id AS from, b.id AS to ORDER BY a.id, b.id LIMIT 1`,
  );
  [pair] = pair ? [pair] : [{ from: hub.id, to: hub.id }];
  return { actorId: hub.id as string, pathFrom: pair.from as string, pathTo: pair.to as string, searchText: hub.name as string };
}
