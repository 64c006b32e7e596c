/** Reads about sources: lookups, the list of sources, and the people and agencies they credit. */
import { toActor, toFact, toSource } from '../models/mappers';
import type { SourceCreditModel, SourceModel } from '../models/models';
import type { GraphReader, ListPage } from './graph-reader';
import { type ListArgs, listLinks, listNodes } from './lists';

export class SourceRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<SourceModel | null> {
    const row = await this.graph.node('Source', id);
    return row && toSource(row.node);
  }

  list(args: ListArgs<'Source'>): Promise<ListPage<SourceModel>> {
    return listNodes(this.graph, 'listSources', 'Source', args, (r) => toSource(r.node));
  }

  credits(sourceId: string, args: ListArgs<'Actor'>): Promise<ListPage<SourceCreditModel>> {
    return listLinks(this.graph, 'sourceCredits', '(a)-[r:CREDITS]->(n:Actor)', 'Actor', sourceId, args, (r) => ({
      actor: toActor(r.node, r.labels),
      role: (r.rel.role as string | undefined) ?? null,
      fact: toFact(r.rel, r.rel.key),
    }));
  }
}
