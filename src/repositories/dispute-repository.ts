/** Reads about disagreement: the facts whose sources disagree (`disputes`), and one edge by key. */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { toGraphEdge, toNode } from '../models/mappers';
import type { FactModel, GraphEdgeModel } from '../models/models';
import { NodeRow, parseRow, RelRow, rowSchema, texts } from '../models/rows';
import { type GraphReader, nodeProps, type PageRequest, type ListPage } from './graph-reader';
import { isRelationshipKey, parseRelationshipKey } from './storage';

/** Which disputes to list (see the `DisputeWhere` input). */
export interface DisputeFilter {
  sourceId?: string | null;
  field?: string | null;
  type?: string | null;
}

/** A listed dispute: the fact's key, and the node id or edge id the API names it by. */
export interface DisputeModel {
  id: string;
  fact: FactModel;
}

const LIST_DISPUTES = `// listDisputes
  MATCH (d:Dispute)
  WHERE ($field IS NULL OR $field IN d.fields) AND ($type IS NULL OR d.subjectType = $type)
    AND ($sourceId IS NULL OR EXISTS { MATCH (c:Claim {of: d.of}) WHERE c.source = $sourceId })
  WITH d ORDER BY d.of
  WITH collect(d) AS found
  RETURN {total: size(found), page: [d IN found WHERE $after IS NULL OR d.of > $after | d {.of, .fields}][0..$limitPlusOne]} AS row`;

const FIND_EDGE = `// findEdgeByKey
  MATCH (a:Node {id: $from})-[r {key: $key}]->(b:Node {id: $to})
  RETURN {rel: {type: type(r), from: a.id, to: b.id, props: r {.*}}, from: {node: ${nodeProps('a')}, labels: labels(a)}, to: {node: ${nodeProps('b')}, labels: labels(b)}} AS row`;

/** The rows of the statements above. */
const DisputePageRow = rowSchema(z.object({ total: z.number(), page: z.array(z.object({ of: z.string(), fields: texts })) }));
const EdgeByKeyRow = rowSchema(z.object({ rel: RelRow, from: NodeRow, to: NodeRow }));

export class DisputeRepository {
  constructor(private readonly graph: GraphReader) {}

  /** One page of the facts whose sources disagree, by key. */
  async list(filter: DisputeFilter, page: PageRequest): Promise<ListPage<DisputeModel>> {
    const [found] = await this.graph.query('listDisputes', LIST_DISPUTES, {
      field: filter.field ?? null,
      type: filter.type ?? null,
      sourceId: filter.sourceId ?? null,
      after: page.after?.id ?? null,
      limitPlusOne: neo4j.int(page.limit + 1),
    });
    const row = parseRow('listDisputes', DisputePageRow, found);
    const disputes = row.page.map(({ of: key, fields }) => ({
      id: isRelationshipKey(key) ? edgeId(key) : key,
      fact: { key, sourceCount: 0, disputed: fields },
    }));
    return {
      items: disputes.slice(0, page.limit).map((node) => ({ node, sortKey: '', id: node.fact.key })),
      hasNextPage: disputes.length > page.limit,
      totalCount: row.total,
    };
  }

  /** The relationship with this key, as a GraphEdge; null when there is none. */
  async edge(key: string): Promise<GraphEdgeModel | null> {
    const { from, to } = parseRelationshipKey(key);
    const [found] = await this.graph.query('findEdgeByKey', FIND_EDGE, { key, from, to });
    if (!found) return null;
    const row = parseRow('findEdgeByKey', EdgeByKeyRow, found);
    const a = toNode(row.from.node, row.from.labels);
    const b = toNode(row.to.node, row.to.labels);
    return a && b ? toGraphEdge(row.rel, a, b) : null;
  }
}

/** The GraphEdge id of a relationship key: `TYPE:from->to[|relation]`. */
export function edgeId(key: string): string {
  const [from, type, to, relation] = key.split('|');
  return `${type}:${from}->${to}${relation ? `|${relation}` : ''}`;
}
