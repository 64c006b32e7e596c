/** Reads about actors: lookups, the actor list, and everything linked to an actor. */
import { toActor, toEvent, toFact, toFuzzyDate, toMeeting, toPosition, toStance, toStatement } from '../models/mappers';
import type {
  ActorModel,
  ActorRelationModel,
  EventModel,
  MeetingModel,
  PositionHeldModel,
  StanceModel,
  StatementModel,
} from '../models/models';
import { type InForce, inForceFilter, inForceRange } from './date-range';
import type { GraphReader, ListPage } from './graph-reader';
import { type ListArgs, listLinks, listNodes } from './lists';

export class ActorRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<ActorModel | null> {
    const row = await this.graph.node('Actor', id);
    return row && toActor(row.node, row.labels);
  }

  list(args: ListArgs<'Actor'>): Promise<ListPage<ActorModel>> {
    return listNodes(this.graph, 'listActors', 'Actor', args, (r) => toActor(r.node, r.labels));
  }

  meetings(actorId: string, args: ListArgs<'Meeting'>): Promise<ListPage<MeetingModel>> {
    return listLinks(this.graph, 'actorMeetings', '(a)-[r:PARTICIPATED_IN]->(n:Meeting)', 'Meeting', actorId, args, (r) => toMeeting(r.node));
  }

  /** Offices held, optionally only those in force on a date or during a range. */
  positions(actor: ActorModel, args: ListArgs<'Position'>, when: InForce = {}): Promise<ListPage<PositionHeldModel>> {
    return listLinks(
      this.graph,
      'actorPositions',
      '(a)-[r:HOLDS]->(n:Position)',
      'Position',
      actor.id,
      args,
      (r) => ({
        actor,
        position: toPosition(r.node),
        since: toFuzzyDate(r.rel, 'since'),
        until: toFuzzyDate(r.rel, 'until'),
        fact: toFact(r.rel, r.rel.key),
      }),
      inForceFilter(inForceRange(when), 'held'),
    );
  }

  statements(actorId: string, args: ListArgs<'Statement'>): Promise<ListPage<StatementModel>> {
    return listLinks(this.graph, 'actorStatements', '(a)-[r:SAID]->(n:Statement)', 'Statement', actorId, args, (r) => toStatement(r.node));
  }

  mentionedIn(actorId: string, args: ListArgs<'Statement'>): Promise<ListPage<StatementModel>> {
    return listLinks(this.graph, 'actorMentionedIn', '(a)<-[r:MENTIONS]-(n:Statement)', 'Statement', actorId, args, (r) => toStatement(r.node));
  }

  stances(actorId: string, args: ListArgs<'Stance'>): Promise<ListPage<StanceModel>> {
    return listLinks(this.graph, 'actorStances', '(a)-[r:TAKES_STANCE]->(n:Stance)', 'Stance', actorId, args, (r) => toStance(r.node));
  }

  events(actorId: string, args: ListArgs<'Event'>): Promise<ListPage<EventModel>> {
    return listLinks(this.graph, 'actorEvents', '(a)-[r:INVOLVED_IN]->(n:Event)', 'Event', actorId, args, (r) => toEvent(r.node));
  }

  /** Relations in both directions, ordered by the other actor, optionally only those in force. */
  relations(actor: ActorModel, args: ListArgs<'Actor'>, when: InForce = {}): Promise<ListPage<ActorRelationModel>> {
    return listLinks(
      this.graph,
      'actorRelations',
      '(a)-[r:RELATED_TO]-(n:Actor)',
      'Actor',
      actor.id,
      args,
      (r) => {
        const other = toActor(r.node, r.labels);
        return {
          type: r.rel.relation as string,
          direction: r.outgoing ? ('OUTGOING' as const) : ('INCOMING' as const),
          subject: r.outgoing ? actor : other,
          object: r.outgoing ? other : actor,
          since: toFuzzyDate(r.rel, 'since'),
          until: toFuzzyDate(r.rel, 'until'),
          fact: toFact(r.rel, r.rel.key),
        };
      },
      inForceFilter(inForceRange(when), 'related'),
    );
  }
}
