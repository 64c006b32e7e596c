/** Reads about meetings: lookups, the meeting list, participants, place and what happened there. */
import { toActor, toEvent, toEvidence, toLocation, toMeeting, toStatement } from '../models/mappers';
import type { EventModel, LocationModel, MeetingModel, ParticipationModel, StatementModel } from '../models/models';
import type { GraphReader, LinkSpec, ListPage } from './graph-reader';
import { namePredicate, type PageRequest } from './list-filters';

const PARTICIPANTS: LinkSpec = { rel: 'PARTICIPATED_IN', dir: 'IN', label: 'Actor', order: 'name' };
const LOCATION: LinkSpec = { rel: 'HELD_IN', dir: 'OUT', label: 'Location', order: 'name' };
const STATEMENTS: LinkSpec = { rel: 'DURING', dir: 'IN', label: 'Statement', order: 'textPosition' };
const EVENTS: LinkSpec = { rel: 'DURING', dir: 'IN', label: 'Event', order: 'date' };
const PRECEDED_BY: LinkSpec = { rel: 'PRECEDED', dir: 'IN', label: 'Meeting', order: 'startDate' };
const FOLLOWED_BY: LinkSpec = { rel: 'PRECEDED', dir: 'OUT', label: 'Meeting', order: 'startDate' };

/** Filters of the `meetings` list. */
export interface MeetingFilter {
  id?: string | null;
  name?: string | null;
  locationId?: string | null;
  participantId?: string | null;
}

export class MeetingRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<MeetingModel | null> {
    const row = await this.graph.node('Meeting', id);
    return row && toMeeting(row.node);
  }

  list(filter: MeetingFilter, page: PageRequest): Promise<ListPage<MeetingModel>> {
    const predicates: string[] = [];
    if (filter.id != null) predicates.push('n.id = $id');
    if (filter.name != null) predicates.push(namePredicate('name'));
    if (filter.locationId != null) {
      predicates.push('EXISTS { (n)-[:HELD_IN]->(:Location)-[:PART_OF*0..10]->(:Location {id: $locationId}) }');
    }
    if (filter.participantId != null) predicates.push('EXISTS { (:Actor {id: $participantId})-[:PARTICIPATED_IN]->(n) }');
    return this.graph.list('listMeetings', { label: 'Meeting', predicates, params: { ...filter }, order: { key: 'startDate', desc: false }, ...page }, (r) => toMeeting(r.node));
  }

  async location(meetingId: string): Promise<LocationModel | null> {
    const [row] = await this.graph.linked(LOCATION, meetingId);
    return row ? toLocation(row.node, row.labels) : null;
  }

  async participants(meeting: MeetingModel): Promise<ParticipationModel[]> {
    return (await this.graph.linked(PARTICIPANTS, meeting.id)).map((r) => ({
      actor: toActor(r.node, r.labels),
      meeting,
      role: (r.rel.role as string | undefined) ?? null,
      evidence: toEvidence(r.rel),
    }));
  }

  async statements(meetingId: string): Promise<StatementModel[]> {
    return (await this.graph.linked(STATEMENTS, meetingId)).map((r) => toStatement(r.node));
  }

  async events(meetingId: string): Promise<EventModel[]> {
    return (await this.graph.linked(EVENTS, meetingId)).map((r) => toEvent(r.node));
  }

  async precededBy(meetingId: string): Promise<MeetingModel[]> {
    return (await this.graph.linked(PRECEDED_BY, meetingId)).map((r) => toMeeting(r.node));
  }

  async followedBy(meetingId: string): Promise<MeetingModel[]> {
    return (await this.graph.linked(FOLLOWED_BY, meetingId)).map((r) => toMeeting(r.node));
  }
}
