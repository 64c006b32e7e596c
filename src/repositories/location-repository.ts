/** Reads about locations: lookups, the location list, containment, and what happened there. */
import { toEvent, toLocation, toMeeting } from '../models/mappers';
import type { EventModel, LocationModel, MeetingModel } from '../models/models';
import type { GraphReader, LinkSpec, ListPage } from './graph-reader';
import { type ListArgs, listLinks, listNodes } from './lists';
import { MAX_PART_OF_DEPTH } from './where';

const PART_OF: LinkSpec = { rel: 'PART_OF', dir: 'OUT', label: 'Location', order: 'name' };

/** Pattern of the nodes linked by `rel` to this location or to any place part of it (a country's cities). */
const within = (rel: 'HELD_IN' | 'OCCURRED_IN', label: 'Meeting' | 'Event') =>
  `(a)<-[:PART_OF*0..${MAX_PART_OF_DEPTH}]-(:Location)<-[r:${rel}]-(n:${label})`;

export class LocationRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<LocationModel | null> {
    const row = await this.graph.node('Location', id);
    return row && toLocation(row.node, row.labels);
  }

  list(args: ListArgs<'Location'>): Promise<ListPage<LocationModel>> {
    return listNodes(this.graph, 'listLocations', 'Location', args, (r) => toLocation(r.node, r.labels));
  }

  async partOf(locationId: string): Promise<LocationModel | null> {
    const [row] = await this.graph.linked(PART_OF, locationId);
    return row ? toLocation(row.node, row.labels) : null;
  }

  parts(locationId: string, args: ListArgs<'Location'>): Promise<ListPage<LocationModel>> {
    return listLinks(this.graph, 'locationParts', '(a)<-[r:PART_OF]-(n:Location)', 'Location', locationId, args, (r) => toLocation(r.node, r.labels));
  }

  /** Meetings held here or in any place part of this one. */
  meetings(locationId: string, args: ListArgs<'Meeting'>): Promise<ListPage<MeetingModel>> {
    return listLinks(this.graph, 'locationMeetings', within('HELD_IN', 'Meeting'), 'Meeting', locationId, args, (r) => toMeeting(r.node));
  }

  /** Events that happened here or in any place part of this one. */
  events(locationId: string, args: ListArgs<'Event'>): Promise<ListPage<EventModel>> {
    return listLinks(this.graph, 'locationEvents', within('OCCURRED_IN', 'Event'), 'Event', locationId, args, (r) => toEvent(r.node));
  }
}
