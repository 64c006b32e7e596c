/**
 * The per-request context: fresh repositories (and so fresh DataLoader caches) for every request.
 */
import { randomUUID } from 'node:crypto';
import { AnalyticsCache } from './analytics/cache';
import type { AuthResult, User } from './auth/user';
import { Curator } from './ingest/curator';
import { ReviewDesk } from './ingest/review';
import type { TextLimits } from './facts/validate';
import { bookmarksOf, type Database, withBookmarks } from './db/driver';
import { ActorRepository } from './repositories/actor-repository';
import { AnalyticsRepository } from './repositories/analytics-repository';
import { DisputeRepository } from './repositories/dispute-repository';
import { EventRepository } from './repositories/event-repository';
import { GraphExplorerRepository } from './repositories/graph-explorer-repository';
import { type DbStats, GraphReader, type StatementTrace } from './repositories/graph-reader';
import { LocationRepository } from './repositories/location-repository';
import { MeetingRepository } from './repositories/meeting-repository';
import { NodeRepository } from './repositories/node-repository';
import { PositionRepository } from './repositories/position-repository';
import { ReadRepository } from './repositories/read-plan';
import { SearchRepository } from './repositories/search-repository';
import { SourceRepository } from './repositories/source-repository';
import { StanceRepository } from './repositories/stance-repository';
import { StatementRepository } from './repositories/statement-repository';
import { TimelineRepository } from './repositories/timeline-repository';
import { ChangeFeed } from './subscriptions/change-feed';

/** What every resolver receives as its third argument. */
export interface Context {
  /** Compiled reads: a selection's nodes and links in one statement (src/resolvers/compile.ts). */
  reads: ReadRepository;
  nodes: NodeRepository;
  /** Facts whose sources disagree. */
  disputes: DisputeRepository;
  actors: ActorRepository;
  meetings: MeetingRepository;
  locations: LocationRepository;
  positions: PositionRepository;
  statements: StatementRepository;
  stances: StanceRepository;
  events: EventRepository;
  sources: SourceRepository;
  search: SearchRepository;
  /** Paths and neighbourhoods across all relationship types. */
  graph: GraphExplorerRepository;
  timeline: TimelineRepository;
  /** Curators' writes and the change log. */
  curator: Curator;
  /** The review queue and unmerge (curators' side of entity resolution). */
  review: ReviewDesk;
  /** Whole-graph analytics, cached per server until the graph changes. */
  analytics: AnalyticsRepository;
  /** The graph's change record as this process follows it: what subscriptions read. */
  changes: ChangeFeed;
  /** Round trips and database time of this request, reported when `debugDb` is set. */
  dbStats: DbStats;
  /** Whether the response should carry `extensions.db` (header `x-debug-db: 1`). */
  debugDb: boolean;
  /** Names this request in the log and to the client (`x-request-id`, in and out), to match one to the other. */
  requestId: string;
  /** Who sent the request, when a credential was verified; write resolvers call requireRole first. */
  user: User | null;
  /** Whom the request's expensive work is counted against in the work queue: the user, or else the address. */
  clientKey: string;
  /** Why the credential sent was refused (plain words, never the credential itself). */
  authProblem?: string;
  /**
   * The driver bookmarks of what this request has read and written: a mutation's response carries
   * them (`extensions.bookmarks`, header `neo4j-bookmark`) so that a later request, to any replica,
   * can send them back and read its writes.
   */
  bookmarks: () => Promise<string[]>;
}

/** What the HTTP layer knows about a request that shapes its context. */
export interface RequestInfo {
  debugDb: boolean;
  /** Sees every statement the request sends (profiling tools only). */
  trace?: StatementTrace;
  /** The request's authentication, done once by the HTTP layer; none means anonymous. */
  auth?: AuthResult;
  /** Set by the HTTP layer, which also sends it as `x-request-id`; a fresh one otherwise. */
  requestId?: string;
  /** The caller as the work queue counts it (see clientKeyOf); `unknown` when not given. */
  clientKey?: string;
  /** Bookmarks the client sent back (header `neo4j-bookmark`): the request's reads wait for those writes. */
  bookmarks?: string[];
}

/** What lives as long as the server, shared by the contexts of all its requests. */
export interface ServerState {
  analyticsCache: AnalyticsCache;
  /** SOURCE_TEXT_MAX_BYTES for curators' mutations (the default limit without it). */
  textLimits?: TextLimits;
  /** GRAPHQL_MAX_ROWS: nodes and links one request's compiled reads may return (no bound without it). */
  maxRows?: number;
  /** The server's one change feed; a context without it gets one of its own (which polls only while subscribed). */
  changes?: ChangeFeed;
}

/**
 * Builds the context of one request. Without `state` the request gets a cache of its own (so
 * nothing is shared); a server passes the state it created once.
 */
export function createContext(
  shared: Database,
  request: RequestInfo = { debugDb: false },
  state: ServerState = { analyticsCache: new AnalyticsCache() },
): Context {
  // Each request follows its own chain of bookmarks, starting from those its client sent.
  const db = withBookmarks(shared, request.bookmarks ?? []);
  const graph = new GraphReader(db, request.trace);
  const curator = new Curator(db, state.textLimits);
  return {
    dbStats: graph.stats,
    debugDb: request.debugDb,
    requestId: request.requestId ?? randomUUID(),
    user: request.auth?.user ?? null,
    clientKey: request.clientKey ?? 'unknown',
    ...(request.auth?.problem ? { authProblem: request.auth.problem } : {}),
    bookmarks: () => bookmarksOf(db),
    reads: new ReadRepository(graph, state.maxRows),
    nodes: new NodeRepository(graph),
    disputes: new DisputeRepository(graph),
    actors: new ActorRepository(graph),
    meetings: new MeetingRepository(graph),
    locations: new LocationRepository(graph),
    positions: new PositionRepository(graph),
    statements: new StatementRepository(graph),
    stances: new StanceRepository(graph),
    events: new EventRepository(graph),
    sources: new SourceRepository(graph),
    search: new SearchRepository(graph),
    graph: new GraphExplorerRepository(graph),
    timeline: new TimelineRepository(graph),
    analytics: new AnalyticsRepository(graph, state.analyticsCache),
    curator,
    review: new ReviewDesk(db, curator, state.textLimits),
    changes: state.changes ?? new ChangeFeed(shared),
  };
}
