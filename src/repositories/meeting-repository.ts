/** Reads about meetings: lookups by id (lists and links are compiled reads: ./read-plan.ts). */
import { toMeeting } from '../models/mappers';
import type { MeetingModel } from '../models/models';
import type { GraphReader } from './graph-reader';

export class MeetingRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<MeetingModel | null> {
    const row = await this.graph.node('Meeting', id);
    return row && toMeeting(row.node);
  }
}
