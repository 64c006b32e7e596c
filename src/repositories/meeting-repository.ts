/** Reads about meetings: lookups, the meeting list, participants, place and what happened there. */
import { toActor, toEvent, toFact, toLocation, toMeeting, toStatement } from '../models/mappers';
import type { EventModel, LocationModel, MeetingModel, ParticipationModel, StatementModel } from '../models/models';
import type { GraphReader, LinkSpec, ListPage } from './graph-reader';
import { type ListArgs, listLinks, listNodes } from './lists';

/** A meeting's place: of several (sources that disagree), the best supported one. */
const LOCATION: LinkSpec = { rel: 'HELD_IN', dir: 'OUT', label: 'Location', order: 'support' };

export class MeetingRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<MeetingModel | null> {
    const row = await this.graph.node('Meeting', id);
    return row && toMeeting(row.node);
  }

  list(args: ListArgs<'Meeting'>): Promise<ListPage<MeetingModel>> {
    return listNodes(this.graph, 'listMeetings', 'Meeting', args, (r) => toMeeting(r.node));
  }

  async location(meetingId: string): Promise<LocationModel | null> {
    const [row] = await this.graph.linked(LOCATION, meetingId);
    return row ? toLocation(row.node, row.labels) : null;
  }

  /** Participations, ordered and filtered by the participating actor. */
  participants(meeting: MeetingModel, args: ListArgs<'Actor'>): Promise<ListPage<ParticipationModel>> {
    return listLinks(this.graph, 'meetingParticipants', '(a)<-[r:PARTICIPATED_IN]-(n:Actor)', 'Actor', meeting.id, args, (r) => ({
      actor: toActor(r.node, r.labels),
      meeting,
      role: (r.rel.role as string | undefined) ?? null,
      fact: toFact(r.rel, r.rel.key),
    }));
  }

  statements(meetingId: string, args: ListArgs<'Statement'>): Promise<ListPage<StatementModel>> {
    return listLinks(this.graph, 'meetingStatements', '(a)<-[r:DURING]-(n:Statement)', 'Statement', meetingId, args, (r) => toStatement(r.node));
  }

  events(meetingId: string, args: ListArgs<'Event'>): Promise<ListPage<EventModel>> {
    return listLinks(this.graph, 'meetingEvents', '(a)<-[r:DURING]-(n:Event)', 'Event', meetingId, args, (r) => toEvent(r.node));
  }

  precededBy(meetingId: string, args: ListArgs<'Meeting'>): Promise<ListPage<MeetingModel>> {
    return listLinks(this.graph, 'meetingPrecededBy', '(a)<-[r:PRECEDED]-(n:Meeting)', 'Meeting', meetingId, args, (r) => toMeeting(r.node));
  }

  followedBy(meetingId: string, args: ListArgs<'Meeting'>): Promise<ListPage<MeetingModel>> {
    return listLinks(this.graph, 'meetingFollowedBy', '(a)-[r:PRECEDED]->(n:Meeting)', 'Meeting', meetingId, args, (r) => toMeeting(r.node));
  }
}
