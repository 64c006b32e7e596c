/**
 * Cytoscape.js JSON: `{ truncated, elements: { nodes: [{ data }], edges: [{ data }] } }`, so
 * `cytoscape({ elements })` loads it as it is. Node data: `id`, `label`, `type`, `labels`, the
 * node's attributes (see attributes.ts) and `evidence`; edge data: `id`, `source`, `target`,
 * `type`, the edge's attributes and `evidence`. Evidence entries are `{source, sentence, excerpt,
 * start, end}`. Written in pieces so an export can stream.
 */
import type { ExportEdgeModel, ExportNodeModel } from '../models/models';
import { attributes, nodeLabel, nodeLabels } from './attributes';
import { evidenceEntries, type GraphSerializer } from './serializer';

/** Serializes a graph as Cytoscape.js elements JSON, piece by piece. */
export const cytoscape: GraphSerializer = {
  contentType: 'application/json; charset=utf-8',
  extension: 'cyjs.json',
  begin: (truncated) => `{"truncated":${truncated},"elements":{"nodes":[\n`,
  node: ({ node, evidence }: ExportNodeModel, first) =>
    (first ? '' : ',\n') +
    JSON.stringify({
      data: { ...attributes(node), id: node.id, label: nodeLabel(node), type: node.nodeType, labels: nodeLabels(node), evidence: evidenceEntries(evidence) },
    }),
  between: () => '\n],"edges":[\n',
  edge: (edge: ExportEdgeModel, first) =>
    (first ? '' : ',\n') +
    JSON.stringify({
      data: { ...attributes(edge), id: edge.id, source: edge.fromId, target: edge.toId, type: edge.type, evidence: evidenceEntries(edge.evidence) },
    }),
  end: () => '\n]}}\n',
};
