/** Reads about sources: lookups, the list of sources, and the people and agencies they credit. */
import { toActor, toEvidence, toSource } from '../models/mappers';
import type { SourceCreditModel, SourceModel } from '../models/models';
import type { GraphReader, LinkSpec } from './graph-reader';

const CREDITS: LinkSpec = { rel: 'CREDITS', dir: 'OUT', label: 'Actor', order: 'name' };

export class SourceRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<SourceModel | null> {
    const row = await this.graph.node('Source', id);
    return row && toSource(row.node);
  }

  /** All sources, by title. Sources are few next to the facts they hold. */
  async all(): Promise<SourceModel[]> {
    const rows = await this.graph.query('listSources', 'MATCH (n:Source) RETURN n {.*} AS row ORDER BY toLower(n.title), n.id');
    return rows.map((r) => toSource(r));
  }

  async credits(sourceId: string): Promise<SourceCreditModel[]> {
    return (await this.graph.linked(CREDITS, sourceId)).map((r) => ({
      actor: toActor(r.node, r.labels),
      role: (r.rel.role as string | undefined) ?? null,
      evidence: toEvidence(r.rel),
    }));
  }
}
