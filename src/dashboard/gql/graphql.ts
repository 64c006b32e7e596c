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

export type DatePrecision =
  | 'DAY'
  | 'MONTH'
  | 'YEAR';

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
  /** A curator undid a resolution merge (`unmerge`): the record is a node of its own again. */
  | 'MERGE_UNDONE'
  /** A curator settled a review item (`settleReviewItem`): merged, created or dropped, with the facts that waited for it. */
  | 'REVIEW_SETTLED'
  /** A source was loaded for the first time (`npm run seed` or `ingestSource`). */
  | 'SOURCE_LOADED'
  /** A source was removed (`npm run seed -- --remove`), with the facts only it supported. */
  | 'SOURCE_REMOVED'
  /** A source already in the graph was loaded again; its facts were replaced. */
  | 'SOURCE_REPLACED'
  /** A curator added a statement (`addStatement`). */
  | 'STATEMENT_ADDED';

export type LocationKind =
  | 'AREA'
  | 'CITY'
  | 'COUNTRY'
  | 'REGION'
  | 'VENUE';

/** The kinds of node `search` looks through, and what it matches in each. */
export type SearchType =
  /** Name, aliases and description. A country is an actor and a location. */
  | 'ACTOR'
  /** Name and description. */
  | 'EVENT'
  /** Name, aliases and description. */
  | 'LOCATION'
  /** Name, aliases and description. */
  | 'MEETING'
  /** Title and description. */
  | 'POSITION'
  /** The statement's text. */
  | 'STATEMENT';

export type StatementKind =
  /** The speaker's own words, quoted. */
  | 'QUOTE'
  /** A claim the source reports in its own words. */
  | 'REPORTED';

export type TimelineKind =
  | 'EVENT'
  | 'MEETING'
  | 'STATEMENT';

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

export type UaeTalksQueryVariables = Exact<{ [key: string]: never; }>;


export type UaeTalksQuery = { meetings: { nodes: Array<{ name: string, startDate: { value: string, precision: DatePrecision, inferred: boolean, expression: string | null } | null, endDate: { value: string } | null, location: { name: string } | null, participants: Array<{ role: string | null, actor: { name: string, actorKind: ActorKind }, evidence: Array<{ sentence: number, excerpt: string, source: { title: string } }> }> }> } };

export type FilterSortPageQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type FilterSortPageQuery = { meetings: { totalCount: number, nodes: Array<{ name: string, startDate: { value: string } | null, participantsConnection: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ role: string | null, actor: { name: string } }> } }> } };

export type EnvoysInMoscowQueryVariables = Exact<{ [key: string]: never; }>;


export type EnvoysInMoscowQuery = { meetings: { nodes: Array<{ name: string, followedBy: Array<{ name: string }>, participants: Array<{ role: string | null, actor: { name: string } }>, evidence: Array<{ sentence: number, excerpt: string, source: { title: string } }> }> } };

export type SybihaQueryVariables = Exact<{ [key: string]: never; }>;


export type SybihaQuery = { actor: { name: string, positions: Array<{ position: { title: string, organization: { name: string } | null }, evidence: Array<{ sentence: number, excerpt: string, source: { title: string } }> }>, statements: Array<{ statementKind: StatementKind, text: string, meeting: { name: string } | null, evidence: Array<{ sentence: number, excerpt: string, source: { title: string } }> }> } | null };

export type ZelenskyAndTrumpQueryVariables = Exact<{ [key: string]: never; }>;


export type ZelenskyAndTrumpQuery = { meetings: { nodes: Array<{ name: string, location: { name: string } | null, participants: Array<{ actor: { name: string } }>, evidence: Array<{ sentence: number, excerpt: string, source: { title: string } }> }> } };

export type RussiaStancesQueryVariables = Exact<{ [key: string]: never; }>;


export type RussiaStancesQuery = { stances: { nodes: Array<{ stance: string, topic: string, summary: string, about: Array<
        | { name: string, id: string }
        | { id: string }
        | { name: string, id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      >, evidence: Array<{ sentence: number, excerpt: string, source: { title: string } }> }> } };

export type StatementsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StatementsQuery = { statements: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { statementKind: StatementKind, text: string, speaker: { name: string } | null, reportedBy: { name: string } | null, evidence: Array<{ sentence: number, sentenceText: string, excerpt: string, start: number, end: number }> } }> } };

export type SearchQueryVariables = Exact<{
  text: string;
  types?: Array<SearchType> | SearchType | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchQuery = { search: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ score: number, node:
        | { __typename: 'Actor', name: string, actorKind: ActorKind, id: string }
        | { __typename: 'Event', name: string, eventKind: string | null, id: string }
        | { __typename: 'Location', name: string, locationKind: LocationKind, id: string }
        | { __typename: 'Meeting', id: string }
        | { __typename: 'Position', id: string }
        | { __typename: 'Source', id: string }
        | { __typename: 'Stance', id: string }
        | { __typename: 'Statement', text: string, statementKind: StatementKind, id: string, speaker: { name: string } | null }
      , highlights: Array<{ field: string, snippet: string, matches: Array<{ start: number, end: number }> }> }> } };

export type AnyNodeQueryVariables = Exact<{ [key: string]: never; }>;


export type AnyNodeQuery = { node:
    | { __typename: 'Actor', name: string, aliases: Array<string>, id: string, asLocation: { parts: Array<{ name: string }>, meetings: Array<{ name: string }> } | null }
    | { __typename: 'Event', id: string }
    | { __typename: 'Location', id: string }
    | { __typename: 'Meeting', id: string }
    | { __typename: 'Position', id: string }
    | { __typename: 'Source', id: string }
    | { __typename: 'Stance', id: string }
    | { __typename: 'Statement', id: string }
   | null };

export type SybihaToPutinQueryVariables = Exact<{ [key: string]: never; }>;


export type SybihaToPutinQuery = { path: { length: number, nodes: Array<
      | { __typename: 'Actor', id: string }
      | { __typename: 'Event', id: string }
      | { __typename: 'Location', id: string }
      | { __typename: 'Meeting', id: string }
      | { __typename: 'Position', id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Stance', id: string }
      | { __typename: 'Statement', id: string }
    >, edges: Array<{ type: string, role: string | null, relation: string | null, from:
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
      , evidence: Array<{ sentence: number, excerpt: string, source: { title: string } }> }> } | null };

export type MoscowMeetingNeighbourhoodQueryVariables = Exact<{ [key: string]: never; }>;


export type MoscowMeetingNeighbourhoodQuery = { neighbourhood: { truncated: boolean, center:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
    , nodes: Array<
      | { __typename: 'Actor', id: string }
      | { __typename: 'Event', id: string }
      | { __typename: 'Location', id: string }
      | { __typename: 'Meeting', id: string }
      | { __typename: 'Position', id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Stance', id: string }
      | { __typename: 'Statement', id: string }
    >, edges: Array<{ id: string, type: string, role: string | null }> } | null };

export type TimelineQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TimelineQuery = { timeline: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ kind: TimelineKind, date: { value: string, precision: DatePrecision, inferred: boolean, expression: string | null }, node:
        | { id: string }
        | { name: string, id: string }
        | { id: string }
        | { name: string, id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
       }> } };

export type StatsAndCentralActorsQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsAndCentralActorsQuery = { stats: { sources: number, lastLoadAt: string | null, nodes: Array<{ type: string, count: number }>, relationships: Array<{ type: string, count: number }> }, topActors: Array<{ rank: number, score: number, actor: { name: string, actorKind: ActorKind } }> };

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
    `, {"hash":"sha256:c547488dc926362f1698c0ea02ccbfc8287add6928479d4f36fbeb5e2e94fee7"}) as unknown as TypedDocumentString<DashboardStatsQuery, DashboardStatsQueryVariables>;
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
    `, {"hash":"sha256:835026bae346788d0c985d542c9e91ef022fa0bc6b2f085d192054c0250b9e2c"}) as unknown as TypedDocumentString<DashboardTopActorsQuery, DashboardTopActorsQueryVariables>;
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
    `, {"hash":"sha256:4e830de5bc5632f6bd94295114b944b7004b34b5663362c0c99f2ff12b180836"}) as unknown as TypedDocumentString<DashboardCoOccurrenceQuery, DashboardCoOccurrenceQueryVariables>;
export const DashboardTimelineDocument = new TypedDocumentString(`
    query DashboardTimeline($from: PartialDate!, $to: PartialDate!) {
  timelineBuckets(from: $from, to: $to, interval: MONTH) {
    start
    meetings
    statements
    events
  }
}
    `, {"hash":"sha256:a1318efd7ca752d1c0bad32255a234bc9ff2d9cedfbf1e937ea2f1bc3a50ff87"}) as unknown as TypedDocumentString<DashboardTimelineQuery, DashboardTimelineQueryVariables>;
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
    `, {"hash":"sha256:2bd0b27cedd37a72a4fdc8ae9f6519a2751084d633de69f8c44a8464d2954121"}) as unknown as TypedDocumentString<DashboardStanceMatrixQuery, DashboardStanceMatrixQueryVariables>;
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
}`, {"hash":"sha256:ce53f961b4c6458c23632782c5bb073488992db82bdb1d2c12689c77dd2d4c5d"}) as unknown as TypedDocumentString<DashboardNeighbourhoodQuery, DashboardNeighbourhoodQueryVariables>;
export const DashboardActorsDocument = new TypedDocumentString(`
    query DashboardActors {
  actors(first: 100) {
    nodes {
      id
      name
    }
  }
}
    `, {"hash":"sha256:96dc0321b477c9fe2136260181f0b0075555f66cf52249a189b7231850b0dbd0"}) as unknown as TypedDocumentString<DashboardActorsQuery, DashboardActorsQueryVariables>;
export const DashboardChangesDocument = new TypedDocumentString(`
    subscription DashboardChanges {
  graphChanged {
    version
    kind
  }
}
    `, {"hash":"sha256:81a899a52ee063658980254fb5936a0e517e04387800cfbcaae9727a0ed3fab8"}) as unknown as TypedDocumentString<DashboardChangesSubscription, DashboardChangesSubscriptionVariables>;
export const UaeTalksDocument = new TypedDocumentString(`
    query UaeTalks {
  meetings(where: {name: "UAE"}) {
    nodes {
      name
      startDate {
        value
        precision
        inferred
        expression
      }
      endDate {
        value
      }
      location {
        name
      }
      participants {
        actor {
          name
          actorKind
        }
        role
        evidence {
          sentence
          excerpt
          source {
            title
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:c5fed5d8b5b09a7c35b5e1965b2118a29a7cdb63945e56e3f9f7b5d685468fae"}) as unknown as TypedDocumentString<UaeTalksQuery, UaeTalksQueryVariables>;
export const FilterSortPageDocument = new TypedDocumentString(`
    query FilterSortPage($after: String) {
  meetings(
    where: {OR: [{locationId: "country:united-arab-emirates"}, {participantId: "actor:vladimir-putin"}]}
    orderBy: {field: PARTICIPANT_COUNT, direction: DESC}
  ) {
    totalCount
    nodes {
      name
      startDate {
        value
      }
      participantsConnection(first: 3, after: $after, orderBy: {field: NAME}) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          role
          actor {
            name
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:7055e7615dc5f380f4bae0cf8d10c1f0fd25eda7ece6a1420e451d3b6e507033"}) as unknown as TypedDocumentString<FilterSortPageQuery, FilterSortPageQueryVariables>;
export const EnvoysInMoscowDocument = new TypedDocumentString(`
    query EnvoysInMoscow {
  meetings(where: {locationId: "location:moscow"}) {
    nodes {
      name
      followedBy {
        name
      }
      participants {
        actor {
          name
        }
        role
      }
      evidence {
        sentence
        excerpt
        source {
          title
        }
      }
    }
  }
}
    `, {"hash":"sha256:22b8e20ebc1402f7d6313d10b0f963ca0f77590c531a5d12d0729774621152da"}) as unknown as TypedDocumentString<EnvoysInMoscowQuery, EnvoysInMoscowQueryVariables>;
export const SybihaDocument = new TypedDocumentString(`
    query Sybiha {
  actor(id: "actor:andrii-sybiha") {
    name
    positions {
      position {
        title
        organization {
          name
        }
      }
      evidence {
        sentence
        excerpt
        source {
          title
        }
      }
    }
    statements {
      statementKind
      text
      meeting {
        name
      }
      evidence {
        sentence
        excerpt
        source {
          title
        }
      }
    }
  }
}
    `, {"hash":"sha256:2d7f3d9f552fdb0707a98afe3470bb1dc2f30f42bd6c27754528b4a9c14ebca6"}) as unknown as TypedDocumentString<SybihaQuery, SybihaQueryVariables>;
export const ZelenskyAndTrumpDocument = new TypedDocumentString(`
    query ZelenskyAndTrump {
  meetings(where: {participantId: "actor:volodymyr-zelensky"}) {
    nodes {
      name
      location {
        name
      }
      participants {
        actor {
          name
        }
      }
      evidence {
        sentence
        excerpt
        source {
          title
        }
      }
    }
  }
}
    `, {"hash":"sha256:e63e4642427de500202ba4060a6101231dce3e9fba12f747ad603437c316081e"}) as unknown as TypedDocumentString<ZelenskyAndTrumpQuery, ZelenskyAndTrumpQueryVariables>;
export const RussiaStancesDocument = new TypedDocumentString(`
    query RussiaStances {
  stances(where: {actorId: "country:russia"}) {
    nodes {
      stance
      topic
      summary
      about {
        id
        ... on Location {
          name
        }
        ... on Actor {
          name
        }
      }
      evidence {
        sentence
        excerpt
        source {
          title
        }
      }
    }
  }
}
    `, {"hash":"sha256:5625dc580e22c17d9b62d99a9878da0f31b78e4de6e86b1edcd8f288fd87593e"}) as unknown as TypedDocumentString<RussiaStancesQuery, RussiaStancesQueryVariables>;
export const StatementsDocument = new TypedDocumentString(`
    query Statements($first: Int, $after: String) {
  statements(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        statementKind
        text
        speaker {
          name
        }
        reportedBy {
          name
        }
        evidence {
          sentence
          sentenceText
          excerpt
          start
          end
        }
      }
    }
  }
}
    `, {"hash":"sha256:b27d46d9b9ea6659a926afbc391665105835d7b81bcb1fa699715e39eed9c495"}) as unknown as TypedDocumentString<StatementsQuery, StatementsQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($text: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(text: $text, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      score
      node {
        id
        __typename
        ... on Actor {
          name
          actorKind
        }
        ... on Location {
          name
          locationKind
        }
        ... on Statement {
          text
          statementKind
          speaker {
            name
          }
        }
        ... on Event {
          name
          eventKind
        }
      }
      highlights {
        field
        snippet
        matches {
          start
          end
        }
      }
    }
  }
}
    `, {"hash":"sha256:3b99d9a3379f150066881e7915abfac23ba532f800e0b6dc25be92da5a14b93f"}) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const AnyNodeDocument = new TypedDocumentString(`
    query AnyNode {
  node(id: "country:russia") {
    id
    __typename
    ... on Actor {
      name
      aliases
      asLocation {
        parts {
          name
        }
        meetings {
          name
        }
      }
    }
  }
}
    `, {"hash":"sha256:ed5fddb090237e3dd161d089fc28b6991604f91d8f8d20d3deaec6ac324c1b25"}) as unknown as TypedDocumentString<AnyNodeQuery, AnyNodeQueryVariables>;
export const SybihaToPutinDocument = new TypedDocumentString(`
    query SybihaToPutin {
  path(fromId: "actor:andrii-sybiha", toId: "actor:vladimir-putin", maxHops: 4) {
    length
    nodes {
      id
      __typename
    }
    edges {
      type
      from {
        id
      }
      to {
        id
      }
      role
      relation
      evidence {
        sentence
        excerpt
        source {
          title
        }
      }
    }
  }
}
    `, {"hash":"sha256:edc4614eb4ac56ac4d93d8902460f2bde74e61566ea38e6ef6306734077978dc"}) as unknown as TypedDocumentString<SybihaToPutinQuery, SybihaToPutinQueryVariables>;
export const MoscowMeetingNeighbourhoodDocument = new TypedDocumentString(`
    query MoscowMeetingNeighbourhood {
  neighbourhood(id: "meeting:envoys-putin-moscow", depth: 1, limit: 50) {
    center {
      id
    }
    nodes {
      id
      __typename
    }
    edges {
      id
      type
      role
    }
    truncated
  }
}
    `, {"hash":"sha256:f9846889094177feab01938eec5a439b9554ff5f7ba26578fe3418715fd932cd"}) as unknown as TypedDocumentString<MoscowMeetingNeighbourhoodQuery, MoscowMeetingNeighbourhoodQueryVariables>;
export const TimelineDocument = new TypedDocumentString(`
    query Timeline($from: PartialDate, $to: PartialDate, $first: Int, $after: String) {
  timeline(from: $from, to: $to, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      kind
      date {
        value
        precision
        inferred
        expression
      }
      node {
        id
        ... on Event {
          name
        }
        ... on Meeting {
          name
        }
      }
    }
  }
}
    `, {"hash":"sha256:70c0df338df4668ef9ab0d131f4b0665fd1c0f3b314e08644dac8ee843d04580"}) as unknown as TypedDocumentString<TimelineQuery, TimelineQueryVariables>;
export const StatsAndCentralActorsDocument = new TypedDocumentString(`
    query StatsAndCentralActors {
  stats {
    sources
    lastLoadAt
    nodes {
      type
      count
    }
    relationships {
      type
      count
    }
  }
  topActors(by: PAGERANK, first: 5) {
    rank
    score
    actor {
      name
      actorKind
    }
  }
}
    `, {"hash":"sha256:1cbc0d938ad5fb7db59b788b1f94164a80b68fb6f4752fc126329fca9d62c80c"}) as unknown as TypedDocumentString<StatsAndCentralActorsQuery, StatsAndCentralActorsQueryVariables>;