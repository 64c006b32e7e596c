/** Reads about stances: lookups by id (lists and links are compiled reads: ./read-plan.ts). */
import { toStance } from '../models/mappers';
import type { StanceModel } from '../models/models';
import type { GraphReader } from './graph-reader';

export class StanceRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<StanceModel | null> {
    const row = await this.graph.node('Stance', id);
    return row && toStance(row.node);
  }
}
