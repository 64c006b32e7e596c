/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ActorKind =
  | 'COUNTRY'
  | 'GROUP'
  | 'ORGANIZATION'
  | 'PERSON';

/** What a write did to the graph, as its change record names it. */
export type GraphChangeKind =
  /** A curator pinned a source's claim on a fact (`pinClaim`). */
  | 'CLAIM_PINNED'
  /** A curator unpinned a fact (`pinClaim` with no source). */
  | 'CLAIM_UNPINNED'
  /** A curator retracted a node or relationship (`retractFact`). */
  | 'FACT_RETRACTED'
  /** A curator linked two actors (`linkActors`). */
  | 'LINK_ADDED'
  /** A curator added a meeting (`addMeeting`). */
  | 'MEETING_ADDED'
  /** A source was loaded for the first time (`npm run seed` or `ingestSource`). */
  | 'SOURCE_LOADED'
  /** A source was removed (`npm run seed -- --remove`), with the facts only it supported. */
  | 'SOURCE_REMOVED'
  /** A source already in the graph was loaded again; its facts were replaced. */
  | 'SOURCE_REPLACED'
  /** A curator added a statement (`addStatement`). */
  | 'STATEMENT_ADDED';

export type TopActorsBy =
  /** Relationships of any type. */
  | 'DEGREE'
  /** Meetings taken part in. */
  | 'MEETINGS'
  /** Statements that name the actor. */
  | 'MENTIONS'
  /**
   * PageRank over the actor graph in which two actors are linked once for every meeting they both
   * took part in (weighted by the number of shared meetings); damping 0.85, iterated until the
   * largest change is below 1e-6 or 50 rounds. Computed in the service from one read of the
   * co-participation pairs and cached until the graph changes.
   */
  | 'PAGERANK'
  /** Statements made. */
  | 'STATEMENTS';

export type DashboardStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardStatsQuery = { stats: { sources: number, lastLoadAt: string | null, nodes: Array<{ type: string, count: number }>, relationships: Array<{ type: string, count: number }> } };

export type DashboardTopActorsQueryVariables = Exact<{
  by: TopActorsBy;
  first?: number | null | undefined;
}>;


export type DashboardTopActorsQuery = { topActors: Array<{ rank: number, score: number, actor: { id: string, name: string, actorKind: ActorKind } }> };

export type DashboardCoOccurrenceQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type DashboardCoOccurrenceQuery = { coOccurrence: Array<{ count: number, a: { id: string, name: string }, b: { id: string, name: string } }> };

export type DashboardTimelineQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type DashboardTimelineQuery = { timelineBuckets: Array<{ start: string, meetings: number, statements: number, events: number }> };

export type DashboardStanceMatrixQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardStanceMatrixQuery = { stanceMatrix: { topics: Array<string>, actors: Array<{ id: string, name: string }>, cells: Array<{ topic: string, actor: { id: string }, stances: Array<{ id: string, stance: string, summary: string }> }> } };

export type DashboardEvidenceFragment = { start: number, end: number, sentence: number, sentenceText: string, excerpt: string, source: { id: string, title: string, text: string } };

type DashboardNode_Actor_Fragment = { __typename: 'Actor', name: string, actorKind: ActorKind, id: string };

type DashboardNode_Event_Fragment = { __typename: 'Event', name: string, id: string };

type DashboardNode_Location_Fragment = { __typename: 'Location', name: string, id: string };

type DashboardNode_Meeting_Fragment = { __typename: 'Meeting', name: string, id: string };

type DashboardNode_Position_Fragment = { __typename: 'Position', title: string, id: string };

type DashboardNode_Source_Fragment = { __typename: 'Source', title: string, id: string };

type DashboardNode_Stance_Fragment = { __typename: 'Stance', topic: string, stance: string, id: string };

type DashboardNode_Statement_Fragment = { __typename: 'Statement', text: string, id: string };

export type DashboardNodeFragment =
  | DashboardNode_Actor_Fragment
  | DashboardNode_Event_Fragment
  | DashboardNode_Location_Fragment
  | DashboardNode_Meeting_Fragment
  | DashboardNode_Position_Fragment
  | DashboardNode_Source_Fragment
  | DashboardNode_Stance_Fragment
  | DashboardNode_Statement_Fragment
;

export type DashboardNeighbourhoodQueryVariables = Exact<{
  id: string | number;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type DashboardNeighbourhoodQuery = { neighbourhood: { truncated: boolean, center:
      | { __typename: 'Actor', name: string, actorKind: ActorKind, id: string }
      | { __typename: 'Event', name: string, id: string }
      | { __typename: 'Location', name: string, id: string }
      | { __typename: 'Meeting', name: string, id: string }
      | { __typename: 'Position', title: string, id: string }
      | { __typename: 'Source', title: string, id: string }
      | { __typename: 'Stance', topic: string, stance: string, id: string }
      | { __typename: 'Statement', text: string, id: string }
    , nodes: Array<
      | { __typename: 'Actor', name: string, actorKind: ActorKind, id: string }
      | { __typename: 'Event', name: string, id: string }
      | { __typename: 'Location', name: string, id: string }
      | { __typename: 'Meeting', name: string, id: string }
      | { __typename: 'Position', title: string, id: string }
      | { __typename: 'Source', title: string, id: string }
      | { __typename: 'Stance', topic: string, stance: string, id: string }
      | { __typename: 'Statement', text: string, id: string }
    >, edges: Array<{ id: string, type: string, role: string | null, relation: string | null, from:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , evidence: Array<{ start: number, end: number, sentence: number, sentenceText: string, excerpt: string, source: { id: string, title: string, text: string } }> }> } | null };

export type DashboardActorsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardActorsQuery = { actors: { nodes: Array<{ id: string, name: string }> } };

export type DashboardChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DashboardChangesSubscription = { graphChanged: { version: number, kind: GraphChangeKind } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DashboardEvidenceFragmentDoc = new TypedDocumentString(`
    fragment DashboardEvidence on Evidence {
  source {
    id
    title
    text
  }
  start
  end
  sentence
  sentenceText
  excerpt
}
    `, {"fragmentName":"DashboardEvidence"}) as unknown as TypedDocumentString<DashboardEvidenceFragment, unknown>;
export const DashboardNodeFragmentDoc = new TypedDocumentString(`
    fragment DashboardNode on Node {
  __typename
  id
  ... on Actor {
    name
    actorKind
  }
  ... on Location {
    name
  }
  ... on Meeting {
    name
  }
  ... on Event {
    name
  }
  ... on Position {
    title
  }
  ... on Source {
    title
  }
  ... on Statement {
    text
  }
  ... on Stance {
    topic
    stance
  }
}
    `, {"fragmentName":"DashboardNode"}) as unknown as TypedDocumentString<DashboardNodeFragment, unknown>;
export const DashboardStatsDocument = new TypedDocumentString(`
    query DashboardStats {
  stats {
    nodes {
      type
      count
    }
    relationships {
      type
      count
    }
    sources
    lastLoadAt
  }
}
    `) as unknown as TypedDocumentString<DashboardStatsQuery, DashboardStatsQueryVariables>;
export const DashboardTopActorsDocument = new TypedDocumentString(`
    query DashboardTopActors($by: TopActorsBy!, $first: Int) {
  topActors(by: $by, first: $first) {
    rank
    score
    actor {
      id
      name
      actorKind
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardTopActorsQuery, DashboardTopActorsQueryVariables>;
export const DashboardCoOccurrenceDocument = new TypedDocumentString(`
    query DashboardCoOccurrence($first: Int) {
  coOccurrence(kind: MEETING, first: $first) {
    count
    a {
      id
      name
    }
    b {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardCoOccurrenceQuery, DashboardCoOccurrenceQueryVariables>;
export const DashboardTimelineDocument = new TypedDocumentString(`
    query DashboardTimeline($from: PartialDate!, $to: PartialDate!) {
  timelineBuckets(from: $from, to: $to, interval: MONTH) {
    start
    meetings
    statements
    events
  }
}
    `) as unknown as TypedDocumentString<DashboardTimelineQuery, DashboardTimelineQueryVariables>;
export const DashboardStanceMatrixDocument = new TypedDocumentString(`
    query DashboardStanceMatrix {
  stanceMatrix {
    actors {
      id
      name
    }
    topics
    cells {
      actor {
        id
      }
      topic
      stances {
        id
        stance
        summary
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardStanceMatrixQuery, DashboardStanceMatrixQueryVariables>;
export const DashboardNeighbourhoodDocument = new TypedDocumentString(`
    query DashboardNeighbourhood($id: ID!, $depth: Int, $limit: Int) {
  neighbourhood(id: $id, depth: $depth, limit: $limit) {
    center {
      ...DashboardNode
    }
    nodes {
      ...DashboardNode
    }
    edges {
      id
      type
      role
      relation
      from {
        id
      }
      to {
        id
      }
      evidence {
        ...DashboardEvidence
      }
    }
    truncated
  }
}
    fragment DashboardEvidence on Evidence {
  source {
    id
    title
    text
  }
  start
  end
  sentence
  sentenceText
  excerpt
}
fragment DashboardNode on Node {
  __typename
  id
  ... on Actor {
    name
    actorKind
  }
  ... on Location {
    name
  }
  ... on Meeting {
    name
  }
  ... on Event {
    name
  }
  ... on Position {
    title
  }
  ... on Source {
    title
  }
  ... on Statement {
    text
  }
  ... on Stance {
    topic
    stance
  }
}`) as unknown as TypedDocumentString<DashboardNeighbourhoodQuery, DashboardNeighbourhoodQueryVariables>;
export const DashboardActorsDocument = new TypedDocumentString(`
    query DashboardActors {
  actors(first: 100) {
    nodes {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardActorsQuery, DashboardActorsQueryVariables>;
export const DashboardChangesDocument = new TypedDocumentString(`
    subscription DashboardChanges {
  graphChanged {
    version
    kind
  }
}
    `) as unknown as TypedDocumentString<DashboardChangesSubscription, DashboardChangesSubscriptionVariables>;