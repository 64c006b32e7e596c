/** Reads about stances: lookups, the list, who holds them and what they concern. */
import { toActor, toNode, toStance } from '../models/mappers';
import type { ActorModel, NodeModel, StanceModel } from '../models/models';
import type { GraphReader, LinkSpec, ListPage, PageRequest } from './graph-reader';
import { type ListArgs, listLinks, listNodes } from './lists';

const HOLDER: LinkSpec = { rel: 'TAKES_STANCE', dir: 'IN', label: 'Actor', order: 'name' };

export class StanceRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<StanceModel | null> {
    const row = await this.graph.node('Stance', id);
    return row && toStance(row.node);
  }

  list(args: ListArgs<'Stance'>): Promise<ListPage<StanceModel>> {
    return listNodes(this.graph, 'listStances', 'Stance', args, (r) => toStance(r.node));
  }

  /** The actor taking the stance; every stance has exactly one. */
  async actor(stanceId: string): Promise<ActorModel | null> {
    const [row] = await this.graph.linked(HOLDER, stanceId);
    return row ? toActor(row.node, row.labels) : null;
  }

  /** The nodes the stance concerns, by id. */
  about(stanceId: string, args: { page: PageRequest; count: boolean }): Promise<ListPage<NodeModel>> {
    return listLinks(this.graph, 'stanceAbout', '(a)-[r:ABOUT]->(n:Node)', 'Node', stanceId, args, (r) => toNode(r.node, r.labels)!);
  }
}
