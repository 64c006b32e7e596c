/** Reads about actors: lookups, the actor list, and everything linked to an actor. */
import {
  toActor,
  toEvent,
  toEvidence,
  toFuzzyDate,
  toMeeting,
  toPosition,
  toStance,
  toStatement,
} from '../models/mappers';
import type {
  ActorModel,
  ActorRelationModel,
  EventModel,
  MeetingModel,
  PositionHeldModel,
  StanceModel,
  StatementModel,
} from '../models/models';
import type { GraphReader, LinkSpec, ListPage } from './graph-reader';
import { namePredicate, type PageRequest } from './list-filters';

const MEETINGS: LinkSpec = { rel: 'PARTICIPATED_IN', dir: 'OUT', label: 'Meeting', order: 'startDate' };
const POSITIONS: LinkSpec = { rel: 'HOLDS', dir: 'OUT', label: 'Position', order: 'title' };
const SAID: LinkSpec = { rel: 'SAID', dir: 'OUT', label: 'Statement', order: 'textPosition' };
const MENTIONED_IN: LinkSpec = { rel: 'MENTIONS', dir: 'IN', label: 'Statement', order: 'textPosition' };
const STANCES: LinkSpec = { rel: 'TAKES_STANCE', dir: 'OUT', label: 'Stance', order: 'id' };
const EVENTS: LinkSpec = { rel: 'INVOLVED_IN', dir: 'OUT', label: 'Event', order: 'date' };
const RELATED_OUT: LinkSpec = { rel: 'RELATED_TO', dir: 'OUT', label: 'Actor', order: 'name' };
const RELATED_IN: LinkSpec = { rel: 'RELATED_TO', dir: 'IN', label: 'Actor', order: 'name' };

/** Filters of the `actors` list. */
export interface ActorFilter {
  id?: string | null;
  name?: string | null;
  kind?: ActorModel['kind'] | null;
}

export class ActorRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<ActorModel | null> {
    const row = await this.graph.node('Actor', id);
    return row && toActor(row.node, row.labels);
  }

  list(filter: ActorFilter, page: PageRequest): Promise<ListPage<ActorModel>> {
    const predicates: string[] = [];
    if (filter.id != null) predicates.push('n.id = $id');
    if (filter.name != null) predicates.push(namePredicate('name'));
    if (filter.kind != null) predicates.push('n.kind = $kind');
    return this.graph.list('listActors', { label: 'Actor', predicates, params: { ...filter }, order: { key: 'name', desc: false }, ...page }, (r) => toActor(r.node, r.labels));
  }

  async meetings(actorId: string): Promise<MeetingModel[]> {
    return (await this.graph.linked(MEETINGS, actorId)).map((r) => toMeeting(r.node));
  }

  async positions(actor: ActorModel): Promise<PositionHeldModel[]> {
    return (await this.graph.linked(POSITIONS, actor.id)).map((r) => ({
      actor,
      position: toPosition(r.node),
      since: toFuzzyDate(r.rel, 'since'),
      until: toFuzzyDate(r.rel, 'until'),
      evidence: toEvidence(r.rel),
    }));
  }

  async statements(actorId: string): Promise<StatementModel[]> {
    return (await this.graph.linked(SAID, actorId)).map((r) => toStatement(r.node));
  }

  async mentionedIn(actorId: string): Promise<StatementModel[]> {
    return (await this.graph.linked(MENTIONED_IN, actorId)).map((r) => toStatement(r.node));
  }

  async stances(actorId: string): Promise<StanceModel[]> {
    return (await this.graph.linked(STANCES, actorId)).map((r) => toStance(r.node));
  }

  async events(actorId: string): Promise<EventModel[]> {
    return (await this.graph.linked(EVENTS, actorId)).map((r) => toEvent(r.node));
  }

  /** Relations in both directions: outgoing first (this actor is the subject), then incoming. */
  async relations(actor: ActorModel): Promise<ActorRelationModel[]> {
    const [outgoing, incoming] = await Promise.all([this.graph.linked(RELATED_OUT, actor.id), this.graph.linked(RELATED_IN, actor.id)]);
    return [
      ...outgoing.map((r) => ({
        type: r.rel.relation as string,
        direction: 'OUTGOING' as const,
        subject: actor,
        object: toActor(r.node, r.labels),
        evidence: toEvidence(r.rel),
      })),
      ...incoming.map((r) => ({
        type: r.rel.relation as string,
        direction: 'INCOMING' as const,
        subject: toActor(r.node, r.labels),
        object: actor,
        evidence: toEvidence(r.rel),
      })),
    ];
  }
}
