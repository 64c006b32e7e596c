/**
 * The benchmark's library arm: our graph model served by the Neo4j GraphQL Library
 * (`@neo4j/graphql` 7), and the nine questions of src/bench/queries.ts in its dialect.
 *
 * The type definitions follow the stored graph as closely as the library allows: one `@node` type
 * per label (a country, `Actor:Location`, is read both as an Actor and as a Location, as it is in
 * the graph), the stored properties as fields, and each relationship type as a `@relationship`
 * field in its stored direction. The schema is read-only: `@mutation(operations: [])` removes every
 * create, update and delete, and subscriptions are off (the library's default).
 *
 * Where the library has no native way to ask a question, a `@cypher` field or query asks it. That
 * is as close as the library allows:
 * - `search`: the library's `@fulltext` reads one index for one type and takes a phrase; our
 *   question reads one index across six labels, with our Lucene string, ranked by score, so it is a
 *   `@cypher` query over `db.index.fulltext.queryNodes` with the service's label filter and order.
 * - `shortestPath`: the library has no path queries; `pathLength` is a `@cypher` query with the
 *   service's SHORTEST pattern (never through a Source, at most 6 hops).
 * - `topDegree`: the library cannot sort by relationship count; `Actor.degree` is a `@cypher`
 *   field (COUNT of all relationships, any type or direction), and the native `actors` list
 *   sorts by it and limits.
 * - `coOccurrence`: grouping pairs across a pattern has no library equivalent; `coOccurrence` is a
 *   `@cypher` query with the service's Cypher, returning a plain (non-node) object type.
 * Everything else (point lookup, nested connections with sort and `first`, filtered list with a
 * count, count only) uses the library's own generated queries.
 */
import type { Answers, BenchParams, QueryName } from '../queries';
import { luceneQuery } from '../../repositories/search-repository';
import { searchTerms } from '../../search/terms';

/** Type definitions for `new Neo4jGraphQL({ typeDefs, driver })`. */
export const LIBRARY_TYPE_DEFS = /* GraphQL */ `
  extend schema @mutation(operations: [])

  enum ActorKind {
    PERSON
    ORGANIZATION
    GROUP
    COUNTRY
  }

  enum LocationKind {
    CITY
    REGION
    COUNTRY
    VENUE
    AREA
  }

  enum StatementKind {
    QUOTE
    REPORTED
  }

  "Any node the full-text search can return."
  interface SearchResult {
    id: ID!
  }

  type Actor implements SearchResult @node(labels: ["Actor"]) {
    id: ID!
    name: String!
    kind: ActorKind!
    aliases: [String!]
    description: String
    "Relationships of any type or direction (the library cannot sort by a relationship count)."
    degree: Int!
      @cypher(statement: "RETURN COUNT { (this)--() } AS degree", columnName: "degree")
    meetings: [Meeting!]! @relationship(type: "PARTICIPATED_IN", direction: OUT)
    statements: [Statement!]! @relationship(type: "SAID", direction: OUT)
    reported: [Statement!]! @relationship(type: "REPORTED", direction: OUT)
    mentionedIn: [Statement!]! @relationship(type: "MENTIONS", direction: IN)
    positions: [Position!]! @relationship(type: "HOLDS", direction: OUT)
    stances: [Stance!]! @relationship(type: "TAKES_STANCE", direction: OUT)
    relatedTo: [Actor!]! @relationship(type: "RELATED_TO", direction: OUT)
    relatedFrom: [Actor!]! @relationship(type: "RELATED_TO", direction: IN)
    events: [Event!]! @relationship(type: "INVOLVED_IN", direction: OUT)
    creditedBy: [Source!]! @relationship(type: "CREDITS", direction: IN)
  }

  type Location implements SearchResult @node(labels: ["Location"]) {
    id: ID!
    name: String!
    kind: LocationKind
    aliases: [String!]
    description: String
    partOf: [Location!]! @relationship(type: "PART_OF", direction: OUT)
    parts: [Location!]! @relationship(type: "PART_OF", direction: IN)
    meetingsHeld: [Meeting!]! @relationship(type: "HELD_IN", direction: IN)
    events: [Event!]! @relationship(type: "OCCURRED_IN", direction: IN)
  }

  type Meeting implements SearchResult @node(labels: ["Meeting"]) {
    id: ID!
    name: String!
    aliases: [String!]
    description: String
    "A fuzzy date, 'YYYY[-MM[-DD]]', so it sorts as a string."
    startDate: String
    endDate: String
    outcome: String
    participants: [Actor!]! @relationship(type: "PARTICIPATED_IN", direction: IN)
    location: [Location!]! @relationship(type: "HELD_IN", direction: OUT)
    statements: [Statement!]! @relationship(type: "DURING", direction: IN)
    events: [Event!]! @relationship(type: "DURING", direction: IN)
    precededBy: [Meeting!]! @relationship(type: "PRECEDED", direction: IN)
    followedBy: [Meeting!]! @relationship(type: "PRECEDED", direction: OUT)
  }

  type Position implements SearchResult @node(labels: ["Position"]) {
    id: ID!
    title: String!
    description: String
    holders: [Actor!]! @relationship(type: "HOLDS", direction: IN)
    organization: [Actor!]! @relationship(type: "POSITION_OF", direction: OUT)
  }

  type Statement implements SearchResult @node(labels: ["Statement"]) {
    id: ID!
    text: String!
    kind: StatementKind
    topics: [String!]
    date: String
    speakers: [Actor!]! @relationship(type: "SAID", direction: IN)
    reporters: [Actor!]! @relationship(type: "REPORTED", direction: IN)
    mentions: [Actor!]! @relationship(type: "MENTIONS", direction: OUT)
    during: [Meeting!]! @relationship(type: "DURING", direction: OUT)
  }

  type Stance @node(labels: ["Stance"]) {
    id: ID!
    topic: String!
    stance: String!
    summary: String!
    holders: [Actor!]! @relationship(type: "TAKES_STANCE", direction: IN)
  }

  type Event implements SearchResult @node(labels: ["Event"]) {
    id: ID!
    name: String!
    kind: String
    description: String
    date: String
    involved: [Actor!]! @relationship(type: "INVOLVED_IN", direction: IN)
    location: [Location!]! @relationship(type: "OCCURRED_IN", direction: OUT)
    during: [Meeting!]! @relationship(type: "DURING", direction: OUT)
  }

  type Source @node(labels: ["Source"]) {
    id: ID!
    title: String!
    publisher: String!
    url: String
    publishedDate: String
    credits: [Actor!]! @relationship(type: "CREDITS", direction: OUT)
  }

  "Two actors and how many distinct meetings both took part in (a.id < b.id)."
  type ActorPair {
    aId: ID!
    bId: ID!
    count: Int!
  }

  type Query {
    "Full-text search over search_text with a Lucene query, by score (highest first) then id."
    search(lucene: String!, first: Int!): [SearchResult!]!
      @cypher(
        statement: """
        CALL db.index.fulltext.queryNodes('search_text', $lucene) YIELD node AS n, score
        WHERE any(label IN labels(n) WHERE label IN ['Actor', 'Location', 'Meeting', 'Event', 'Position', 'Statement'])
        WITH n, score ORDER BY score DESC, n.id LIMIT $first
        RETURN n
        """
        columnName: "n"
      )

    "Hops on a shortest path between two nodes that never passes a Source (at most 6), or null."
    pathLength(fromId: ID!, toId: ID!): Int
      @cypher(
        statement: """
        MATCH (a:Node {id: $fromId}), (b:Node {id: $toId})
        MATCH p = SHORTEST 1 ((a) (()-[r]-(y WHERE NOT y:Source OR y = b)){0,6} (b)
          WHERE all(i IN range(0, size(y) - 1) WHERE y[i] <> a AND none(j IN range(i + 1, size(y) - 1) WHERE y[i] = y[j])))
        RETURN length(p) AS length
        """
        columnName: "length"
      )

    "Actor pairs by the number of distinct meetings both took part in; ties by names, then ids."
    coOccurrence(first: Int!): [ActorPair!]!
      @cypher(
        statement: """
        MATCH (a:Actor)-[:PARTICIPATED_IN]->(x:Meeting)<-[:PARTICIPATED_IN]-(b:Actor) WHERE a.id < b.id
        WITH a, b, count(DISTINCT x) AS count
        ORDER BY count DESC, a.name, b.name, a.id, b.id LIMIT $first
        RETURN {aId: a.id, bId: b.id, count: count} AS pair
        """
        columnName: "pair"
      )
  }
`;

/** One question in the library's dialect, and how its response data is normalised. */
export interface LibraryOperation<Q extends QueryName> {
  query: string;
  variables: (p: BenchParams) => Record<string, unknown>;
  normalise: (data: any) => Answers[Q];
}

const edgeIds = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

/** Connection arguments for the contract's orders and page sizes. */
const MEETINGS = 'meetingsConnection(first: 10, sort: [{ node: { startDate: ASC } }, { node: { id: ASC } }])';
const PARTICIPANTS = 'participantsConnection(first: 12, sort: [{ node: { name: ASC } }, { node: { id: ASC } }])';
const STATEMENTS = 'statementsConnection(first: 3, sort: [{ node: { date: DESC } }, { node: { id: DESC } }])';

/** The nine questions as the library's schema is asked them. */
export const LIBRARY_OPERATIONS: { [Q in QueryName]: LibraryOperation<Q> } = {
  point: {
    query: 'query($id: ID!) { actors(where: { id: { eq: $id } }) { id name kind } }',
    variables: (p) => ({ id: p.actorId }),
    normalise: (d) => d.actors[0],
  },
  nested2: {
    query: `query($id: ID!) { actors(where: { id: { eq: $id } }) { id ${MEETINGS} { edges { node { id
      ${PARTICIPANTS} { edges { node { id } } } } } } } }`,
    variables: (p) => ({ id: p.actorId }),
    normalise: (d) => ({
      id: d.actors[0].id,
      meetings: d.actors[0].meetingsConnection.edges.map((m: any) => ({ id: m.node.id, participants: edgeIds(m.node.participantsConnection) })),
    }),
  },
  nested3: {
    query: `query($id: ID!) { actors(where: { id: { eq: $id } }) { id ${MEETINGS} { edges { node { id
      ${PARTICIPANTS} { edges { node { id ${STATEMENTS} { edges { node { id } } } } } } } } } } }`,
    variables: (p) => ({ id: p.actorId }),
    normalise: (d) => ({
      id: d.actors[0].id,
      meetings: d.actors[0].meetingsConnection.edges.map((m: any) => ({
        id: m.node.id,
        participants: m.node.participantsConnection.edges.map((x: any) => ({ id: x.node.id, statements: edgeIds(x.node.statementsConnection) })),
      })),
    }),
  },
  filteredList: {
    query: `{ actorsConnection(where: { kind: { eq: PERSON } }, first: 20, sort: [{ name: ASC }, { id: ASC }]) {
      totalCount edges { node { id } } } }`,
    variables: () => ({}),
    normalise: (d) => ({ totalCount: d.actorsConnection.totalCount, ids: edgeIds(d.actorsConnection) }),
  },
  countOnly: {
    query: '{ actorsConnection(where: { kind: { eq: PERSON } }) { totalCount } }',
    variables: () => ({}),
    normalise: (d) => ({ totalCount: d.actorsConnection.totalCount }),
  },
  search: {
    query: 'query($lucene: String!) { search(lucene: $lucene, first: 10) { id } }',
    variables: (p) => ({ lucene: luceneQuery(searchTerms(p.searchText)) }),
    normalise: (d) => ({ ids: d.search.map((n: any) => n.id) }),
  },
  shortestPath: {
    query: 'query($from: ID!, $to: ID!) { pathLength(fromId: $from, toId: $to) }',
    variables: (p) => ({ from: p.pathFrom, to: p.pathTo }),
    normalise: (d) => ({ length: d.pathLength ?? null }),
  },
  topDegree: {
    query: '{ actors(sort: [{ degree: DESC }, { name: ASC }, { id: ASC }], limit: 10) { id degree } }',
    variables: () => ({}),
    normalise: (d) => ({ actors: d.actors.map((a: any) => [a.id, a.degree]) }),
  },
  coOccurrence: {
    query: '{ coOccurrence(first: 20) { aId bId count } }',
    variables: () => ({}),
    normalise: (d) => ({ pairs: d.coOccurrence.map((p: any) => [p.aId, p.bId, p.count]) }),
  },
};
