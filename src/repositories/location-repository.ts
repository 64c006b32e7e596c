/** Reads about locations: lookups by id (lists and links are compiled reads: ./read-plan.ts). */
import { toLocation } from '../models/mappers';
import type { LocationModel } from '../models/models';
import type { GraphReader } from './graph-reader';

export class LocationRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<LocationModel | null> {
    const row = await this.graph.node('Location', id);
    return row && toLocation(row.node, row.labels);
  }
}
