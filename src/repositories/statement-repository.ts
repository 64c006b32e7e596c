/** Reads about statements: lookups by id (lists and links are compiled reads: ./read-plan.ts). */
import { toStatement } from '../models/mappers';
import type { StatementModel } from '../models/models';
import type { GraphReader } from './graph-reader';

export class StatementRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<StatementModel | null> {
    const row = await this.graph.node('Statement', id);
    return row && toStatement(row.node);
  }
}
