/** Reads about sources: lookups by id (lists and links are compiled reads: ./read-plan.ts). */
import { toSource } from '../models/mappers';
import type { SourceModel } from '../models/models';
import type { GraphReader } from './graph-reader';

export class SourceRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<SourceModel | null> {
    const row = await this.graph.node('Source', id);
    return row && toSource(row.node);
  }
}
