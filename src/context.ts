/**
 * The per-request context: fresh repositories (and so fresh DataLoader caches) for every request.
 */
import type { Database } from './db/driver';
import { ActorRepository } from './repositories/actor-repository';
import { EventRepository } from './repositories/event-repository';
import { GraphReader } from './repositories/graph-reader';
import { LocationRepository } from './repositories/location-repository';
import { MeetingRepository } from './repositories/meeting-repository';
import { NodeRepository } from './repositories/node-repository';
import { PositionRepository } from './repositories/position-repository';
import { SourceRepository } from './repositories/source-repository';
import { StanceRepository } from './repositories/stance-repository';
import { StatementRepository } from './repositories/statement-repository';

/** What every resolver receives as its third argument. */
export interface Context {
  nodes: NodeRepository;
  actors: ActorRepository;
  meetings: MeetingRepository;
  locations: LocationRepository;
  positions: PositionRepository;
  statements: StatementRepository;
  stances: StanceRepository;
  events: EventRepository;
  sources: SourceRepository;
}

/** Builds the context of one request. */
export function createContext(db: Database): Context {
  const graph = new GraphReader(db);
  return {
    nodes: new NodeRepository(graph),
    actors: new ActorRepository(graph),
    meetings: new MeetingRepository(graph),
    locations: new LocationRepository(graph),
    positions: new PositionRepository(graph),
    statements: new StatementRepository(graph),
    stances: new StanceRepository(graph),
    events: new EventRepository(graph),
    sources: new SourceRepository(graph, db),
  };
}
