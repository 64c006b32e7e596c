/** Reads about locations: lookups, the location list, containment, and what happened there. */
import { toEvent, toLocation, toMeeting } from '../models/mappers';
import type { EventModel, LocationModel, MeetingModel } from '../models/models';
import { type GraphReader, type LinkSpec, type ListPage, PLAIN_LIST_LIMIT } from './graph-reader';
import { namePredicate, type PageRequest } from './list-filters';

const PART_OF: LinkSpec = { rel: 'PART_OF', dir: 'OUT', label: 'Location', order: 'name' };
const PARTS: LinkSpec = { rel: 'PART_OF', dir: 'IN', label: 'Location', order: 'name' };

/** How deep part-of chains are followed (city -> region -> country -> ...). */
const MAX_PART_OF_DEPTH = 10;

/** Pattern of the nodes linked by `rel` to this location or to any place part of it (a country's cities). */
const within = (rel: 'HELD_IN' | 'OCCURRED_IN', label: 'Meeting' | 'Event') =>
  `(a)<-[:PART_OF*0..${MAX_PART_OF_DEPTH}]-(:Location)<-[r:${rel}]-(n:${label})`;

/** Filters of the `locations` list. */
export interface LocationFilter {
  id?: string | null;
  name?: string | null;
  kind?: LocationModel['kind'] | null;
}

export class LocationRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<LocationModel | null> {
    const row = await this.graph.node('Location', id);
    return row && toLocation(row.node, row.labels);
  }

  list(filter: LocationFilter, page: PageRequest): Promise<ListPage<LocationModel>> {
    const predicates: string[] = [];
    if (filter.id != null) predicates.push('n.id = $id');
    if (filter.name != null) predicates.push(namePredicate('name'));
    if (filter.kind != null) predicates.push('n.kind = $kind');
    return this.graph.list('listLocations', { label: 'Location', predicates, params: { ...filter }, order: { key: 'name', desc: false }, ...page }, (r) => toLocation(r.node, r.labels));
  }

  async partOf(locationId: string): Promise<LocationModel | null> {
    const [row] = await this.graph.linked(PART_OF, locationId);
    return row ? toLocation(row.node, row.labels) : null;
  }

  async parts(locationId: string): Promise<LocationModel[]> {
    return (await this.graph.linked(PARTS, locationId)).map((r) => toLocation(r.node, r.labels));
  }

  /** Meetings held here or in any place part of this one. */
  async meetings(locationId: string): Promise<MeetingModel[]> {
    const page = await this.graph.linkPage(
      { name: 'findMeetingsWithinLocation', pattern: within('HELD_IN', 'Meeting'), predicates: [], params: {}, order: { key: 'startDate', desc: false }, limit: PLAIN_LIST_LIMIT, after: null, count: false },
      locationId,
    );
    return page.items.map((item) => toMeeting(item.node.node));
  }

  /** Events that happened here or in any place part of this one. */
  async events(locationId: string): Promise<EventModel[]> {
    const page = await this.graph.linkPage(
      { name: 'findEventsWithinLocation', pattern: within('OCCURRED_IN', 'Event'), predicates: [], params: {}, order: { key: 'date', desc: false }, limit: PLAIN_LIST_LIMIT, after: null, count: false },
      locationId,
    );
    return page.items.map((item) => toEvent(item.node.node));
  }
}
