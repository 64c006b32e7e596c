/**
 * GraphML (http://graphml.graphdrawing.org/) for yEd, Gephi, networkx and the like: one directed
 * graph, every attribute declared up front with a `<key>`, evidence kept as a JSON string per
 * node and edge (`evidence`) with its length (`evidenceCount`). Written in pieces so an export can
 * stream: `begin`, then `node` for each node, then `edge` for each edge, then `end`.
 */
import type { ExportEdgeModel, ExportNodeModel } from '../models/models';
import { type AttributeValue, attributes, nodeLabels, nodeLabel } from './attributes';
import { evidenceJson, type GraphSerializer } from './serializer';

type KeyType = 'string' | 'boolean' | 'int';
interface KeyDef {
  id: string;
  name: string;
  type: KeyType;
}

const DATE = (name: string): [string, KeyType][] => [
  [name, 'string'],
  [`${name}Precision`, 'string'],
  [`${name}Inferred`, 'boolean'],
  [`${name}Expression`, 'string'],
];

/** Node attributes: everything the node models carry (see attributes.ts), and evidence. */
const NODE_ATTRIBUTES: [string, KeyType][] = [
  ['type', 'string'],
  ['labels', 'string'],
  ['label', 'string'],
  ['name', 'string'],
  ['title', 'string'],
  ['kind', 'string'],
  ['aliases', 'string'],
  ['description', 'string'],
  ['outcome', 'string'],
  ['text', 'string'],
  ['topics', 'string'],
  ['topic', 'string'],
  ['stance', 'string'],
  ['summary', 'string'],
  ['publisher', 'string'],
  ['url', 'string'],
  ...DATE('startDate'),
  ...DATE('endDate'),
  ...DATE('date'),
  ...DATE('publishedDate'),
  ['evidence', 'string'],
  ['evidenceCount', 'int'],
];
const EDGE_ATTRIBUTES: [string, KeyType][] = [
  ['type', 'string'],
  ['role', 'string'],
  ['relation', 'string'],
  ...DATE('since'),
  ...DATE('until'),
  ['evidence', 'string'],
  ['evidenceCount', 'int'],
];

/** Key ids are the attribute name prefixed by its domain (`n_` node, `e_` edge, `g_` graph), so names may repeat. */
const NODE_KEYS = new Map<string, KeyDef>(NODE_ATTRIBUTES.map(([name, type]) => [name, { id: `n_${name}`, name, type }]));
const EDGE_KEYS = new Map<string, KeyDef>(EDGE_ATTRIBUTES.map(([name, type]) => [name, { id: `e_${name}`, name, type }]));

/** Characters XML 1.0 does not allow at all, even escaped: most C0 controls, U+FFFE/U+FFFF and lone surrogates. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** Escapes text for XML element content or a quoted attribute, dropping characters XML cannot hold. */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"'\r]/g, (c) => ENTITIES[c]);
}

function data(key: KeyDef | undefined, name: string, value: AttributeValue): string {
  // A model field with no declared key is a bug here, not bad data: fail rather than write invalid GraphML.
  if (!key) throw new Error(`GraphML export: no <key> declared for attribute ${name}`);
  const text = Array.isArray(value) ? JSON.stringify(value) : String(value);
  return `<data key="${key.id}">${xmlEscape(text)}</data>`;
}

function keyLine(domain: 'node' | 'edge' | 'graph', key: KeyDef): string {
  return `  <key id="${key.id}" for="${domain}" attr.name="${key.name}" attr.type="${key.type}"/>\n`;
}

/** Serializes a graph as GraphML, piece by piece. */
export const graphml: GraphSerializer = {
  contentType: 'application/graphml+xml; charset=utf-8',
  extension: 'graphml',
  begin: (truncated) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    keyLine('graph', { id: 'g_truncated', name: 'truncated', type: 'boolean' }) +
    [...NODE_KEYS.values()].map((k) => keyLine('node', k)).join('') +
    [...EDGE_KEYS.values()].map((k) => keyLine('edge', k)).join('') +
    `  <graph id="G" edgedefault="directed">\n    <data key="g_truncated">${truncated}</data>\n`,
  node: ({ node, evidence }: ExportNodeModel) => {
    const attrs: Record<string, AttributeValue> = { type: node.nodeType, labels: nodeLabels(node).join(':'), label: nodeLabel(node), ...attributes(node) };
    attrs.evidence = evidenceJson(evidence);
    attrs.evidenceCount = evidence.length;
    const body = Object.entries(attrs)
      .map(([name, value]) => data(NODE_KEYS.get(name), name, value))
      .join('');
    return `    <node id="${xmlEscape(node.id)}">${body}</node>\n`;
  },
  edge: (edge: ExportEdgeModel) => {
    const attrs: Record<string, AttributeValue> = { type: edge.type, ...attributes(edge) };
    attrs.evidence = evidenceJson(edge.evidence);
    attrs.evidenceCount = edge.evidence.length;
    const body = Object.entries(attrs)
      .map(([name, value]) => data(EDGE_KEYS.get(name), name, value))
      .join('');
    return `    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.fromId)}" target="${xmlEscape(edge.toId)}">${body}</edge>\n`;
  },
  between: () => '',
  end: () => '  </graph>\n</graphml>\n',
};
