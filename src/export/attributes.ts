/**
 * The flat attributes both export formats write for a node or an edge. Models hold fuzzy dates as
 * objects; here a date named `date` becomes `date`, `datePrecision`, `dateInferred` and
 * `dateExpression`, as the graph stores it (docs/facts.md, "Dates").
 */
import type { ExportEdgeModel, FuzzyDateModel, NodeModel } from '../models/models';

/** One attribute value: lists stay lists (GraphML writes them as JSON). */
export type AttributeValue = string | boolean | number | string[];

/**
 * Model fields an export leaves out: the id and type are written apart, `isLocation`/`isActor`
 * become labels, and `sentences` is left out because it is `text` split by the documented rule
 * (docs/facts.md, "Sentence numbering") and would double the size of every source. `fact` (how a node
 * stands among its sources) is read from claims, which an export does not write.
 */
const LEFT_OUT = new Set(['nodeType', 'id', 'isLocation', 'isActor', 'sentences', 'from', 'to', 'fromId', 'toId', 'type', 'evidence', 'fact']);

/** The stored labels of a node, sorted: `Node`, its type, and both `Actor` and `Location` for a country. */
export function nodeLabels(node: NodeModel): string[] {
  const labels = new Set(['Node', node.nodeType]);
  if (node.nodeType === 'Actor' && node.isLocation) labels.add('Location');
  if (node.nodeType === 'Location' && node.isActor) labels.add('Actor');
  return [...labels].sort();
}

/** A short human label for a node: its name, title or topic, else the start of its text, else its id. */
export function nodeLabel(node: NodeModel): string {
  const fields = node as unknown as Record<string, unknown>;
  for (const key of ['name', 'title', 'topic']) if (typeof fields[key] === 'string') return fields[key] as string;
  if (node.nodeType === 'Statement') return node.text.length > 80 ? `${node.text.slice(0, 79)}…` : node.text;
  return node.id;
}

/** The attributes of a node or an edge, without id, type, ends and evidence; absent values left out. */
export function attributes(model: NodeModel | ExportEdgeModel): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(model)) {
    if (LEFT_OUT.has(key) || value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length) out[key] = value as string[];
    } else if (typeof value === 'object') {
      const date = value as FuzzyDateModel;
      out[key] = date.value;
      out[`${key}Precision`] = date.precision;
      out[`${key}Inferred`] = date.inferred;
      if (date.expression !== null) out[`${key}Expression`] = date.expression;
    } else {
      out[key] = value as string | boolean | number;
    }
  }
  return out;
}
