/**
 * The shapes repositories return and resolvers start from (codegen `mappers` point here). Nested
 * objects are resolved by field resolvers from ids, so models hold only a node's own data.
 */
import type { SearchTerm } from '../search/terms';
import type { UserErrorCode } from '../generated/resolvers-types';

/** One piece of evidence as stored: which source, which sentence, which exact span. */
export interface EvidenceModel {
  sourceId: string;
  sentence: number;
  excerpt: string;
  start: number;
  end: number;
}

/** A date with its precision, as in the facts format and the GraphQL `FuzzyDate`. */
export interface FuzzyDateModel {
  value: string;
  precision: 'YEAR' | 'MONTH' | 'DAY';
  inferred: boolean;
  expression: string | null;
}

/** Which GraphQL type a node model is; used to resolve the `Node` interface. */
export type NodeType = 'Actor' | 'Location' | 'Meeting' | 'Position' | 'Statement' | 'Stance' | 'Event' | 'Source';

/**
 * How a node or relationship stands among its sources: its key (a node's id, a relationship's
 * key), how many sources support it, and the fields they disagree on. Its claims and evidence are
 * not here: a well-cited node has thousands, so the `claims` and `evidence` fields read them by
 * key only when a client asks.
 */
export interface FactModel {
  key: string;
  sourceCount: number;
  disputed: string[];
}

/** A node's own data, and how it stands among its sources. */
interface NodeBase<T extends NodeType> {
  nodeType: T;
  id: string;
  fact: FactModel;
}

export interface ActorModel extends NodeBase<'Actor'> {
  name: string;
  kind: 'PERSON' | 'COUNTRY' | 'ORGANIZATION' | 'GROUP';
  aliases: string[];
  description: string | null;
  /** A country is an actor and a location in one node. */
  isLocation: boolean;
}

export interface LocationModel extends NodeBase<'Location'> {
  name: string;
  kind: 'CITY' | 'REGION' | 'COUNTRY' | 'VENUE' | 'AREA';
  aliases: string[];
  description: string | null;
  isActor: boolean;
}

export interface MeetingModel extends NodeBase<'Meeting'> {
  name: string;
  aliases: string[];
  description: string | null;
  startDate: FuzzyDateModel | null;
  endDate: FuzzyDateModel | null;
  outcome: string | null;
}

export interface PositionModel extends NodeBase<'Position'> {
  title: string;
  description: string | null;
}

export interface StatementModel extends NodeBase<'Statement'> {
  text: string;
  kind: 'QUOTE' | 'REPORTED';
  topics: string[];
  date: FuzzyDateModel | null;
}

export interface StanceModel extends NodeBase<'Stance'> {
  topic: string;
  stance: string;
  summary: string;
}

export interface EventModel extends NodeBase<'Event'> {
  name: string;
  kind: string | null;
  description: string | null;
  date: FuzzyDateModel | null;
}

export interface SourceModel extends NodeBase<'Source'> {
  title: string;
  publisher: string;
  url: string | null;
  publishedDate: FuzzyDateModel | null;
  text: string;
  /** Sentence texts, index = sentence number - 1. */
  sentences: string[];
}

export type NodeModel = ActorModel | LocationModel | MeetingModel | PositionModel | StatementModel | StanceModel | EventModel | SourceModel;

export interface ParticipationModel {
  actor: ActorModel;
  meeting: MeetingModel;
  role: string | null;
  fact: FactModel;
}

export interface PositionHeldModel {
  actor: ActorModel;
  position: PositionModel;
  since: FuzzyDateModel | null;
  until: FuzzyDateModel | null;
  fact: FactModel;
}

export interface ActorRelationModel {
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  subject: ActorModel;
  object: ActorModel;
  since: FuzzyDateModel | null;
  until: FuzzyDateModel | null;
  fact: FactModel;
}

export interface SourceCreditModel {
  actor: ActorModel;
  role: string | null;
  fact: FactModel;
}

export interface EventActorModel {
  actor: ActorModel;
  role: string | null;
  fact: FactModel;
}

/**
 * One search hit: the node, its Lucene score, and the search terms (highlights are worked out from
 * them only when asked for). `id` is the node's id, which cursors use.
 */
export interface SearchHitModel {
  id: string;
  score: number;
  node: NodeModel;
  terms: SearchTerm[];
}

/** A stored relationship with both end nodes, read `from` TYPE `to`. */
export interface GraphEdgeModel {
  id: string;
  type: string;
  from: NodeModel;
  to: NodeModel;
  role: string | null;
  relation: string | null;
  since: FuzzyDateModel | null;
  until: FuzzyDateModel | null;
  fact: FactModel;
}

/** A walk: `nodes[i]` and `nodes[i + 1]` are joined by `edges[i]`, in either direction. */
export interface GraphPathModel {
  length: number;
  nodes: NodeModel[];
  edges: GraphEdgeModel[];
}

/** The nodes around a centre (nearest first) and the relationships between all of them. */
export interface SubgraphModel {
  center: NodeModel;
  nodes: NodeModel[];
  edges: GraphEdgeModel[];
  truncated: boolean;
}

/** A dated node on the timeline. `id` is the node's id (cursors hold it). */
export interface TimelineEntryModel {
  id: string;
  date: FuzzyDateModel;
  kind: 'MEETING' | 'STATEMENT' | 'EVENT';
  node: NodeModel;
}

/** A node as an export writes it: the node and its own evidence. */
export interface ExportNodeModel {
  node: NodeModel;
  evidence: EvidenceModel[];
}

/** A relationship as an export writes it: an edge with its end nodes named by id only, and its evidence. */
export type ExportEdgeModel = Omit<GraphEdgeModel, 'from' | 'to'> & { fromId: string; toId: string; evidence: EvidenceModel[] };

/**
 * A graph to export, read lazily: `nodes` and then `edges` yield pages, so a caller can write
 * each page before the next is read. `truncated` is true when a node limit cut it short.
 */
export interface ExportGraphModel {
  truncated: boolean;
  nodes: AsyncIterable<ExportNodeModel[]>;
  edges: AsyncIterable<ExportEdgeModel[]>;
}

/** How many nodes of a label, or relationships of a type, the graph holds. */
export interface TypeCountModel {
  type: string;
  count: number;
}

/** Counts of the whole graph (analytics `stats`). */
export interface GraphStatsModel {
  nodes: TypeCountModel[];
  relationships: TypeCountModel[];
  sources: number;
  lastLoadAt: string | null;
}

/** An actor's place in a ranking; rank 1 is the highest score. */
/** What one source contributes: the facts it makes claims about, and how many of them are disputed. */
export interface SourceStatsModel {
  source: SourceModel;
  nodes: number;
  relationships: number;
  disputed: number;
}

export interface RankedActorModel {
  actor: ActorModel;
  score: number;
  rank: number;
}

/** Two actors that appear together `count` times, with (some of) the nodes they share. */
export interface ActorPairModel {
  a: ActorModel;
  b: ActorModel;
  count: number;
  together: NodeModel[];
}

/** The stances one actor takes on one topic. */
export interface StanceCellModel {
  actor: ActorModel;
  topic: string;
  stances: StanceModel[];
}

export interface StanceMatrixModel {
  actors: ActorModel[];
  topics: string[];
  cells: StanceCellModel[];
}

/** Dated items whose date sorts into the bucket starting on `start` (an ISO day). */
export interface TimelineBucketModel {
  start: string;
  meetings: number;
  statements: number;
  events: number;
}

/** A recorded curator's change (see src/repositories/curation-repository.ts). */
export interface ChangeModel {
  id: string;
  at: string;
  userId: string;
  action: string;
  targetIds: string[];
  sourceId: string | null;
  summary: string;
  reason: string | null;
  retracted: string | null;
  /** ingestSource: the facts document it replaced, as JSON. */
  replaced: string | null;
}

/** A problem with a mutation's input; the mutation wrote nothing. */
export interface UserErrorModel {
  code: UserErrorCode;
  message: string;
  path: string | null;
}

/** What an addition or retraction mutation returns before its fields are resolved. */
export interface AdditionPayloadModel {
  result: { id: string } | null;
  change: ChangeModel | null;
  userErrors: UserErrorModel[];
  /** linkActors: the two ends. */
  ends?: { fromId: string; toId: string };
}

/** What ingestSource returns before its fields are resolved. */
export interface IngestPayloadModel {
  result: { sourceId: string; nodesAdded: number; relationshipsAdded: number; merges: string[] } | null;
  change: ChangeModel | null;
  userErrors: UserErrorModel[];
}

export type ReviewStatus = 'OPEN' | 'MERGED' | 'CREATED' | 'DROPPED';

/** An entity held back for review, as stored. */
export interface ReviewItemModel {
  id: string;
  sourceId: string;
  /** The file (or document) it came from, and where in it. */
  document: string;
  path: string;
  /** The entity's id in its document, its name and type. */
  entityId: string;
  name: string;
  entityType: string;
  candidateIds: string[];
  /** The draft record (with its evidence) and the relationships that wait with it, as JSON. */
  entity: string;
  relationships: string;
  status: ReviewStatus;
  createdAt: string;
  settledAt: string | null;
  settledBy: string | null;
  /** The node it was merged into or created as; null while open or when dropped. */
  resolvedTo: string | null;
  reason: string | null;
}

/** A resolution merge, as stored. */
export interface MergeRecordModel {
  id: string;
  sourceId: string;
  /** The incoming record's id and name, and the node it was resolved onto, by which rule. */
  entityId: string;
  name: string;
  nodeId: string;
  how: string;
  entity: string;
  relationships: string;
  /** ACTIVE, or UNDONE once unmerged. */
  status: 'ACTIVE' | 'UNDONE';
  at: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

/** What settleReviewItem returns before its fields are resolved. */
export interface SettlePayloadModel {
  result: { item: ReviewItemModel; nodeId: string | null } | null;
  change: ChangeModel | null;
  userErrors: UserErrorModel[];
}

/** What unmerge returns before its fields are resolved. */
export interface UnmergePayloadModel {
  result: { nodeId: string; fromId: string } | null;
  change: ChangeModel | null;
  userErrors: UserErrorModel[];
}

/** What pinClaim and unpinClaim return before their fields are resolved. */
export interface PinPayloadModel {
  result: { key: string; sourceId: string | null } | null;
  change: ChangeModel | null;
  userErrors: UserErrorModel[];
}
