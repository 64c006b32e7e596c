/** Reads about stances: lookups, the list, who holds them and what they concern. */
import { toActor, toNode, toStance } from '../models/mappers';
import type { ActorModel, NodeModel, StanceModel } from '../models/models';
import type { GraphReader, LinkSpec, ListPage } from './graph-reader';
import type { PageRequest } from './list-filters';

const HOLDER: LinkSpec = { rel: 'TAKES_STANCE', dir: 'IN', label: 'Actor', order: 'name' };
const ABOUT: LinkSpec = { rel: 'ABOUT', dir: 'OUT', label: 'Node', order: 'id' };

/** Filters of the `stances` list. */
export interface StanceFilter {
  id?: string | null;
  actorId?: string | null;
  topic?: string | null;
  stance?: string | null;
}

export class StanceRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<StanceModel | null> {
    const row = await this.graph.node('Stance', id);
    return row && toStance(row.node);
  }

  list(filter: StanceFilter, page: PageRequest): Promise<ListPage<StanceModel>> {
    const predicates: string[] = [];
    if (filter.id != null) predicates.push('n.id = $id');
    if (filter.actorId != null) predicates.push('EXISTS { (:Actor {id: $actorId})-[:TAKES_STANCE]->(n) }');
    if (filter.topic != null) predicates.push('toLower(n.topic) CONTAINS toLower($topic)');
    if (filter.stance != null) predicates.push('n.stance = $stance');
    return this.graph.list('listStances', { label: 'Stance', predicates, params: { ...filter }, order: { key: 'id', desc: false }, ...page }, (r) => toStance(r.node));
  }

  /** The actor taking the stance; every stance has exactly one. */
  async actor(stanceId: string): Promise<ActorModel | null> {
    const [row] = await this.graph.linked(HOLDER, stanceId);
    return row ? toActor(row.node, row.labels) : null;
  }

  async about(stanceId: string): Promise<NodeModel[]> {
    return (await this.graph.linked(ABOUT, stanceId)).flatMap((r) => toNode(r.node, r.labels) ?? []);
  }
}
