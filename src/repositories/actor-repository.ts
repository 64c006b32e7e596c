/** Reads about actors: lookups by id (lists and links are compiled reads: ./read-plan.ts). */
import { toActor } from '../models/mappers';
import type { ActorModel } from '../models/models';
import type { GraphReader } from './graph-reader';

export class ActorRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<ActorModel | null> {
    const row = await this.graph.node('Actor', id);
    return row && toActor(row.node, row.labels);
  }
}
