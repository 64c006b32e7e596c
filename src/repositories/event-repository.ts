/** Reads about events: lookups by id (lists and links are compiled reads: ./read-plan.ts). */
import { toEvent } from '../models/mappers';
import type { EventModel } from '../models/models';
import type { GraphReader } from './graph-reader';

export class EventRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<EventModel | null> {
    const row = await this.graph.node('Event', id);
    return row && toEvent(row.node);
  }
}
