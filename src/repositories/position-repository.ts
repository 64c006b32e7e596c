/** Reads about positions (offices): lookups, the list, holders and the organisation. */
import { toActor, toFact, toFuzzyDate, toPosition } from '../models/mappers';
import type { ActorModel, PositionHeldModel, PositionModel } from '../models/models';
import { type InForce, inForceFilter, inForceRange } from './date-range';
import type { GraphReader, LinkSpec, ListPage } from './graph-reader';
import { type ListArgs, listLinks, listNodes } from './lists';

const ORGANIZATION: LinkSpec = { rel: 'POSITION_OF', dir: 'OUT', label: 'Actor', order: 'name' };

export class PositionRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<PositionModel | null> {
    const row = await this.graph.node('Position', id);
    return row && toPosition(row.node);
  }

  list(args: ListArgs<'Position'>): Promise<ListPage<PositionModel>> {
    return listNodes(this.graph, 'listPositions', 'Position', args, (r) => toPosition(r.node));
  }

  async organization(positionId: string): Promise<ActorModel | null> {
    const [row] = await this.graph.linked(ORGANIZATION, positionId);
    return row ? toActor(row.node, row.labels) : null;
  }

  /** Who held the office, optionally only those in force on a date or during a range. */
  holders(position: PositionModel, args: ListArgs<'Actor'>, when: InForce = {}): Promise<ListPage<PositionHeldModel>> {
    return listLinks(
      this.graph,
      'positionHolders',
      '(a)<-[r:HOLDS]-(n:Actor)',
      'Actor',
      position.id,
      args,
      (r) => ({
        actor: toActor(r.node, r.labels),
        position,
        since: toFuzzyDate(r.rel, 'since'),
        until: toFuzzyDate(r.rel, 'until'),
        fact: toFact(r.rel, r.rel.key),
      }),
      inForceFilter(inForceRange(when), 'held'),
    );
  }
}
