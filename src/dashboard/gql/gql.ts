/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query DashboardStats {\n  stats {\n    nodes {\n      type\n      count\n    }\n    relationships {\n      type\n      count\n    }\n    sources\n    lastLoadAt\n  }\n}\n\nquery DashboardTopActors($by: TopActorsBy!, $first: Int) {\n  topActors(by: $by, first: $first) {\n    rank\n    score\n    actor {\n      id\n      name\n      actorKind\n    }\n  }\n}\n\nquery DashboardCoOccurrence($first: Int) {\n  coOccurrence(kind: MEETING, first: $first) {\n    count\n    a {\n      id\n      name\n    }\n    b {\n      id\n      name\n    }\n  }\n}\n\nquery DashboardTimeline($from: PartialDate!, $to: PartialDate!) {\n  timelineBuckets(from: $from, to: $to, interval: MONTH) {\n    start\n    meetings\n    statements\n    events\n  }\n}\n\nquery DashboardStanceMatrix {\n  stanceMatrix {\n    actors {\n      id\n      name\n    }\n    topics\n    cells {\n      actor {\n        id\n      }\n      topic\n      stances {\n        id\n        stance\n        summary\n      }\n    }\n  }\n}": typeof types.DashboardStatsDocument,
    "fragment DashboardEvidence on Evidence {\n  source {\n    id\n    title\n    text\n  }\n  start\n  end\n  sentence\n  sentenceText\n  excerpt\n}\n\nfragment DashboardNode on Node {\n  __typename\n  id\n  ... on Actor {\n    name\n    actorKind\n  }\n  ... on Location {\n    name\n  }\n  ... on Meeting {\n    name\n  }\n  ... on Event {\n    name\n  }\n  ... on Position {\n    title\n  }\n  ... on Source {\n    title\n  }\n  ... on Statement {\n    text\n  }\n  ... on Stance {\n    topic\n    stance\n  }\n}\n\nquery DashboardNeighbourhood($id: ID!, $depth: Int, $limit: Int) {\n  neighbourhood(id: $id, depth: $depth, limit: $limit) {\n    center {\n      ...DashboardNode\n    }\n    nodes {\n      ...DashboardNode\n    }\n    edges {\n      id\n      type\n      role\n      relation\n      from {\n        id\n      }\n      to {\n        id\n      }\n      evidence {\n        ...DashboardEvidence\n      }\n    }\n    truncated\n  }\n}\n\nquery DashboardActors {\n  actors(first: 100) {\n    nodes {\n      id\n      name\n    }\n  }\n}": typeof types.DashboardEvidenceFragmentDoc,
    "subscription DashboardChanges {\n  graphChanged {\n    version\n    kind\n  }\n}": typeof types.DashboardChangesDocument,
};
const documents: Documents = {
    "query DashboardStats {\n  stats {\n    nodes {\n      type\n      count\n    }\n    relationships {\n      type\n      count\n    }\n    sources\n    lastLoadAt\n  }\n}\n\nquery DashboardTopActors($by: TopActorsBy!, $first: Int) {\n  topActors(by: $by, first: $first) {\n    rank\n    score\n    actor {\n      id\n      name\n      actorKind\n    }\n  }\n}\n\nquery DashboardCoOccurrence($first: Int) {\n  coOccurrence(kind: MEETING, first: $first) {\n    count\n    a {\n      id\n      name\n    }\n    b {\n      id\n      name\n    }\n  }\n}\n\nquery DashboardTimeline($from: PartialDate!, $to: PartialDate!) {\n  timelineBuckets(from: $from, to: $to, interval: MONTH) {\n    start\n    meetings\n    statements\n    events\n  }\n}\n\nquery DashboardStanceMatrix {\n  stanceMatrix {\n    actors {\n      id\n      name\n    }\n    topics\n    cells {\n      actor {\n        id\n      }\n      topic\n      stances {\n        id\n        stance\n        summary\n      }\n    }\n  }\n}": types.DashboardStatsDocument,
    "fragment DashboardEvidence on Evidence {\n  source {\n    id\n    title\n    text\n  }\n  start\n  end\n  sentence\n  sentenceText\n  excerpt\n}\n\nfragment DashboardNode on Node {\n  __typename\n  id\n  ... on Actor {\n    name\n    actorKind\n  }\n  ... on Location {\n    name\n  }\n  ... on Meeting {\n    name\n  }\n  ... on Event {\n    name\n  }\n  ... on Position {\n    title\n  }\n  ... on Source {\n    title\n  }\n  ... on Statement {\n    text\n  }\n  ... on Stance {\n    topic\n    stance\n  }\n}\n\nquery DashboardNeighbourhood($id: ID!, $depth: Int, $limit: Int) {\n  neighbourhood(id: $id, depth: $depth, limit: $limit) {\n    center {\n      ...DashboardNode\n    }\n    nodes {\n      ...DashboardNode\n    }\n    edges {\n      id\n      type\n      role\n      relation\n      from {\n        id\n      }\n      to {\n        id\n      }\n      evidence {\n        ...DashboardEvidence\n      }\n    }\n    truncated\n  }\n}\n\nquery DashboardActors {\n  actors(first: 100) {\n    nodes {\n      id\n      name\n    }\n  }\n}": types.DashboardEvidenceFragmentDoc,
    "subscription DashboardChanges {\n  graphChanged {\n    version\n    kind\n  }\n}": types.DashboardChangesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardStats {\n  stats {\n    nodes {\n      type\n      count\n    }\n    relationships {\n      type\n      count\n    }\n    sources\n    lastLoadAt\n  }\n}\n\nquery DashboardTopActors($by: TopActorsBy!, $first: Int) {\n  topActors(by: $by, first: $first) {\n    rank\n    score\n    actor {\n      id\n      name\n      actorKind\n    }\n  }\n}\n\nquery DashboardCoOccurrence($first: Int) {\n  coOccurrence(kind: MEETING, first: $first) {\n    count\n    a {\n      id\n      name\n    }\n    b {\n      id\n      name\n    }\n  }\n}\n\nquery DashboardTimeline($from: PartialDate!, $to: PartialDate!) {\n  timelineBuckets(from: $from, to: $to, interval: MONTH) {\n    start\n    meetings\n    statements\n    events\n  }\n}\n\nquery DashboardStanceMatrix {\n  stanceMatrix {\n    actors {\n      id\n      name\n    }\n    topics\n    cells {\n      actor {\n        id\n      }\n      topic\n      stances {\n        id\n        stance\n        summary\n      }\n    }\n  }\n}"): typeof import('./graphql').DashboardStatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment DashboardEvidence on Evidence {\n  source {\n    id\n    title\n    text\n  }\n  start\n  end\n  sentence\n  sentenceText\n  excerpt\n}\n\nfragment DashboardNode on Node {\n  __typename\n  id\n  ... on Actor {\n    name\n    actorKind\n  }\n  ... on Location {\n    name\n  }\n  ... on Meeting {\n    name\n  }\n  ... on Event {\n    name\n  }\n  ... on Position {\n    title\n  }\n  ... on Source {\n    title\n  }\n  ... on Statement {\n    text\n  }\n  ... on Stance {\n    topic\n    stance\n  }\n}\n\nquery DashboardNeighbourhood($id: ID!, $depth: Int, $limit: Int) {\n  neighbourhood(id: $id, depth: $depth, limit: $limit) {\n    center {\n      ...DashboardNode\n    }\n    nodes {\n      ...DashboardNode\n    }\n    edges {\n      id\n      type\n      role\n      relation\n      from {\n        id\n      }\n      to {\n        id\n      }\n      evidence {\n        ...DashboardEvidence\n      }\n    }\n    truncated\n  }\n}\n\nquery DashboardActors {\n  actors(first: 100) {\n    nodes {\n      id\n      name\n    }\n  }\n}"): typeof import('./graphql').DashboardEvidenceFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription DashboardChanges {\n  graphChanged {\n    version\n    kind\n  }\n}"): typeof import('./graphql').DashboardChangesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
