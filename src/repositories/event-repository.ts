/** Reads about events: lookups, the list, the actors involved, place and meeting. */
import { toActor, toEvent, toFact, toLocation, toMeeting } from '../models/mappers';
import type { EventActorModel, EventModel, LocationModel, MeetingModel } from '../models/models';
import type { GraphReader, LinkSpec, ListPage } from './graph-reader';
import { type ListArgs, listLinks, listNodes } from './lists';

const LOCATION: LinkSpec = { rel: 'OCCURRED_IN', dir: 'OUT', label: 'Location', order: 'name' };
const MEETING: LinkSpec = { rel: 'DURING', dir: 'OUT', label: 'Meeting', order: 'startDate' };

export class EventRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<EventModel | null> {
    const row = await this.graph.node('Event', id);
    return row && toEvent(row.node);
  }

  list(args: ListArgs<'Event'>): Promise<ListPage<EventModel>> {
    return listNodes(this.graph, 'listEvents', 'Event', args, (r) => toEvent(r.node));
  }

  /** The actors involved with their roles, ordered and filtered by actor. */
  involvement(eventId: string, args: ListArgs<'Actor'>): Promise<ListPage<EventActorModel>> {
    return listLinks(this.graph, 'eventInvolvement', '(a)<-[r:INVOLVED_IN]-(n:Actor)', 'Actor', eventId, args, (r) => ({
      actor: toActor(r.node, r.labels),
      role: (r.rel.role as string | undefined) ?? null,
      fact: toFact(r.rel, r.rel.key),
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
