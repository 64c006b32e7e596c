/** Any node by id, whatever its type: the `node(id)` query of the Node interface. */
import { toNode } from '../models/mappers';
import type { NodeModel } from '../models/models';
import type { GraphReader } from './graph-reader';

export class NodeRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<NodeModel | null> {
    const row = await this.graph.node('Node', id);
    return row && toNode(row.node, row.labels);
  }
}
