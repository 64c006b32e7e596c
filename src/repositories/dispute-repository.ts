/** Reads about disagreement: the facts whose sources disagree (`disputes`), and one edge by key. */
import neo4j from 'neo4j-driver';
import { type Props, type RelRow, toGraphEdge, toNode } from '../models/mappers';
import type { FactModel, GraphEdgeModel } from '../models/models';
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

export class DisputeRepository {
  constructor(private readonly graph: GraphReader) {}

  /** One page of the facts whose sources disagree, by key. */
  async list(filter: DisputeFilter, page: PageRequest): Promise<ListPage<DisputeModel>> {
    const [row] = await this.graph.query('listDisputes', LIST_DISPUTES, {
      field: filter.field ?? null,
      type: filter.type ?? null,
      sourceId: filter.sourceId ?? null,
      after: page.after?.id ?? null,
      limitPlusOne: neo4j.int(page.limit + 1),
    });
    const found = (row.page as Props[]).map((d) => {
      const key = d.of as string;
      const fact = { key, sourceCount: 0, disputed: (d.fields as string[]) ?? [] };
      return { id: isRelationshipKey(key) ? edgeId(key) : key, fact };
    });
    return {
      items: found.slice(0, page.limit).map((node) => ({ node, sortKey: '', id: node.fact.key })),
      hasNextPage: found.length > page.limit,
      totalCount: Number(row.total),
    };
  }

  /** The relationship with this key, as a GraphEdge; null when there is none. */
  async edge(key: string): Promise<GraphEdgeModel | null> {
    const { from, to } = parseRelationshipKey(key);
    const [found] = await this.graph.query('findEdgeByKey', FIND_EDGE, { key, from, to });
    if (!found) return null;
    const end = (n: Props) => toNode(n.node as Props, n.labels as string[]);
    const a = end(found.from as Props);
    const b = end(found.to as Props);
    return a && b ? toGraphEdge(found.rel as RelRow, a, b) : null;
  }
}

/** The GraphEdge id of a relationship key: `TYPE:from->to[|relation]`. */
export function edgeId(key: string): string {
  const [from, type, to, relation] = key.split('|');
  return `${type}:${from}->${to}${relation ? `|${relation}` : ''}`;
}
