/** Any node by id, whatever its type (the `node(id)` query), and the evidence of any node. */
import { toEvidence, toNode } from '../models/mappers';
import type { EvidenceModel, NodeModel } from '../models/models';
import type { GraphReader } from './graph-reader';

export class NodeRepository {
  constructor(private readonly graph: GraphReader) {}

  async findById(id: string): Promise<NodeModel | null> {
    const row = await this.graph.node('Node', id);
    return row && toNode(row.node, row.labels);
  }

  /** The evidence of any node, read only when asked for (it can be long). */
  async evidence(id: string): Promise<EvidenceModel[]> {
    return toEvidence(await this.graph.evidence(id));
  }
}
