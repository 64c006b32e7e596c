/** Reads about positions (offices): lookups, the list, holders and the organisation. */
import { toActor, toEvidence, toFuzzyDate, toPosition } from '../models/mappers';
import type { ActorModel, PositionHeldModel, PositionModel } from '../models/models';
import type { GraphReader, LinkSpec, ListPage } from './graph-reader';
import { namePredicate, type PageRequest } from './list-filters';

const HOLDERS: LinkSpec = { rel: 'HOLDS', dir: 'IN', label: 'Actor', order: 'name' };
const ORGANIZATION: LinkSpec = { rel: 'POSITION_OF', dir: 'OUT', label: 'Actor', order: 'name' };

/** Filters of the `positions` list. */
export interface PositionFilter {
  id?: string | null;
  name?: string | null;
}

export class PositionRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<PositionModel | null> {
    const row = await this.graph.node('Position', id);
    return row && toPosition(row.node);
  }

  list(filter: PositionFilter, page: PageRequest): Promise<ListPage<PositionModel>> {
    const predicates: string[] = [];
    if (filter.id != null) predicates.push('n.id = $id');
    if (filter.name != null) predicates.push(namePredicate('name', 'title'));
    return this.graph.list('listPositions', { label: 'Position', predicates, params: { ...filter }, order: { key: 'title', desc: false }, ...page }, (r) => toPosition(r.node));
  }

  async organization(positionId: string): Promise<ActorModel | null> {
    const [row] = await this.graph.linked(ORGANIZATION, positionId);
    return row ? toActor(row.node, row.labels) : null;
  }

  async holders(position: PositionModel): Promise<PositionHeldModel[]> {
    return (await this.graph.linked(HOLDERS, position.id)).map((r) => ({
      actor: toActor(r.node, r.labels),
      position,
      since: toFuzzyDate(r.rel, 'since'),
      until: toFuzzyDate(r.rel, 'until'),
      evidence: toEvidence(r.rel),
    }));
  }
}
