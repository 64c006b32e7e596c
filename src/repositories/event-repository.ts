/** Reads about events: lookups, the list, the actors involved, place and meeting. */
import { toActor, toEvent, toEvidence, toLocation, toMeeting } from '../models/mappers';
import type { EventActorModel, EventModel, LocationModel, MeetingModel } from '../models/models';
import type { GraphReader, LinkSpec, ListPage } from './graph-reader';
import { namePredicate, type PageRequest } from './list-filters';

const INVOLVED: LinkSpec = { rel: 'INVOLVED_IN', dir: 'IN', label: 'Actor', order: 'name' };
const LOCATION: LinkSpec = { rel: 'OCCURRED_IN', dir: 'OUT', label: 'Location', order: 'name' };
const MEETING: LinkSpec = { rel: 'DURING', dir: 'OUT', label: 'Meeting', order: 'startDate' };

/** Filters of the `events` list. */
export interface EventFilter {
  id?: string | null;
  name?: string | null;
  actorId?: string | null;
}

export class EventRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<EventModel | null> {
    const row = await this.graph.node('Event', id);
    return row && toEvent(row.node);
  }

  list(filter: EventFilter, page: PageRequest): Promise<ListPage<EventModel>> {
    const predicates: string[] = [];
    if (filter.id != null) predicates.push('n.id = $id');
    if (filter.name != null) predicates.push(namePredicate('name'));
    if (filter.actorId != null) predicates.push('EXISTS { (:Actor {id: $actorId})-[:INVOLVED_IN]->(n) }');
    return this.graph.list('listEvents', { label: 'Event', predicates, params: { ...filter }, order: { key: 'date', desc: false }, ...page }, (r) => toEvent(r.node));
  }

  async involvement(eventId: string): Promise<EventActorModel[]> {
    return (await this.graph.linked(INVOLVED, eventId)).map((r) => ({
      actor: toActor(r.node, r.labels),
      role: (r.rel.role as string | undefined) ?? null,
      evidence: toEvidence(r.rel),
    }));
  }

  async location(eventId: string): Promise<LocationModel | null> {
    const [row] = await this.graph.linked(LOCATION, eventId);
    return row ? toLocation(row.node, row.labels) : null;
  }

  async meeting(eventId: string): Promise<MeetingModel | null> {
    const [row] = await this.graph.linked(MEETING, eventId);
    return row ? toMeeting(row.node) : null;
  }
}
