/** Reads about positions (offices): lookups by id (lists and links are compiled reads: ./read-plan.ts). */
import { toPosition } from '../models/mappers';
import type { PositionModel } from '../models/models';
import type { GraphReader } from './graph-reader';

export class PositionRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<PositionModel | null> {
    const row = await this.graph.node('Position', id);
    return row && toPosition(row.node);
  }
}
