/**
 * Reads across relationship types: shortest paths between two nodes and the neighbourhood of a
 * node. Both follow every stored relationship in either direction and never walk through a
 * `Source` (a source may be an end of a path or a member of a neighbourhood, never a step on the
 * way). Each statement returns whole nodes and relationships, so no node is fetched twice.
 */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { toGraphEdge, toStoredNode } from '../models/mappers';
import type { GraphEdgeModel, GraphPathModel, NodeModel, SubgraphModel } from '../models/models';
import { NodeRow, parseRow, RelRow, rowSchema } from '../models/rows';
import { type GraphReader, nodeProps } from './graph-reader';

/** Bounds the API layer checks before calling; repeated here because they become Cypher literals. */
export const PATH_LIMITS = { maxHops: { min: 1, max: 6 }, k: { min: 1, max: 10 } } as const;
export const NEIGHBOURHOOD_LIMITS = { depth: { min: 1, max: 3 }, limit: { min: 1, max: 500 } } as const;

/** Cypher projections of a node `n` and a relationship `x` into NodeRow and RelRow maps. */
const NODE_ROW = (n: string) => `{node: ${nodeProps(n)}, labels: labels(${n})}`;
const REL_ROW = (x: string) => `{type: type(${x}), from: startNode(${x}).id, to: endNode(${x}).id, props: ${x} {.*}}`;

/** The rows of the statements below: a path, and a neighbourhood. */
const PathRow = rowSchema(z.object({ length: z.number(), nodes: z.array(NodeRow), edges: z.array(RelRow) }));
const NeighbourhoodRow = rowSchema(z.object({ center: NodeRow, nodes: z.array(NodeRow), edges: z.array(RelRow), truncated: z.boolean() }));

export class GraphExplorerRepository {
  constructor(private readonly graph: GraphReader) {}

  /**
   * Up to `k` shortest paths from `fromId` to `toId` of at most `maxHops` relationships, shortest
   * first; [] when either id is unknown or nothing connects them within `maxHops`. Without
   * `withContent` the paths come back with their lengths only (no nodes or edges are read).
   */
  async shortestPaths(fromId: string, toId: string, maxHops: number, k: number, withContent = true): Promise<GraphPathModel[]> {
    // Cypher 5 takes SHORTEST k and quantifier bounds only as integer literals, not parameters;
    // these are checked integers in a small range, so at most 60 plans are ever cached.
    const hops = literal(maxHops, PATH_LIMITS.maxHops);
    const count = literal(k, PATH_LIMITS.k);
    // Cost: both ends are unique-index seeks; SHORTEST runs Neo4j's stateful shortest-path search
    // (bidirectional BFS) from both ends at once and stops when it has `k` paths or has exhausted
    // `hops` levels, so the work is bounded by the nodes within `hops` of the two ends, never by
    // the number of paths. The Source rule is checked per step while searching, and the
    // node-uniqueness rule (over the group variable `y`) is a path predicate the search applies
    // before selecting, so `k` paths come back whenever `k` simple paths exist.
    const rows = await this.graph.query(
      withContent ? 'findShortestPaths' : 'findShortestPathLengths',
      `MATCH (a:Node {id: $fromId}), (b:Node {id: $toId})
      MATCH p = SHORTEST ${count} ((a) (()-[r]-(y WHERE NOT y:Source OR y = b)){0,${hops}} (b)
        WHERE all(i IN range(0, size(y) - 1) WHERE y[i] <> a AND none(j IN range(i + 1, size(y) - 1) WHERE y[i] = y[j])))
      WITH p ORDER BY length(p)
      RETURN {length: length(p), ${withContent ? `nodes: [n IN nodes(p) | ${NODE_ROW('n')}], edges: [x IN relationships(p) | ${REL_ROW('x')}]` : 'nodes: [], edges: []'}} AS row`,
      { fromId, toId },
    );
    return rows
      .map((r) => {
        const row = parseRow(withContent ? 'findShortestPaths' : 'findShortestPathLengths', PathRow, r);
        const nodes = row.nodes.map(mapNode);
        const byId = new Map(nodes.map((n) => [n.id, n]));
        return { length: row.length, nodes, edges: row.edges.map((rel) => edge(rel, byId)) };
      })
      .sort((a, b) => a.length - b.length);
  }

  /**
   * The nodes within `depth` hops of `id` (at most `limit` of them besides the centre, nearest
   * first) and every relationship among them and the centre; null when the id is unknown.
   */
  async neighbourhood(id: string, depth: number, limit: number): Promise<SubgraphModel | null> {
    literal(depth, NEIGHBOURHOOD_LIMITS.depth);
    literal(limit, NEIGHBOURHOOD_LIMITS.limit);
    // Cost, for a centre with any number of relationships (say 50,000):
    // - Each layer is a breadth-first step from the previous layer that streams into
    //   DISTINCT + LIMIT limit+1, so it stops reading relationships as soon as it has one node more
    //   than can be returned; a layer is skipped when the layers before it already fill the
    //   limit. No layer holds more than limit+1 nodes, and no ORDER BY forces a full scan, so which
    //   nodes of the last layer a truncated answer keeps is up to the database.
    // - Edges among the kept nodes: for each kept node x, whichever is cheaper of reading x's
    //   outgoing relationships (when x has no more of them than there are kept nodes; the degree
    //   is a constant-time store lookup) or probing x against each kept node with Expand(Into),
    //   which walks the sparser end. So a hub costs at most one probe per kept node, never a scan
    //   of its 50,000 relationships, and the whole step is O(limit^2) in the worst case.
    const rows = await this.graph.query(
      'findNeighbourhood',
      `MATCH (c:Node {id: $id})
      CALL (c) {
        MATCH (c)--(n) WHERE n <> c
        WITH DISTINCT n LIMIT $limitPlusOne
        RETURN collect(n) AS l1
      }
      CALL (c, l1) {
        WITH c, l1 WHERE $depth >= 2 AND size(l1) <= $limit
        UNWIND l1 AS m
        MATCH (m)--(n) WHERE NOT m:Source AND n <> c AND NOT n IN l1
        WITH DISTINCT n LIMIT $limitPlusOne
        RETURN collect(n) AS l2
      }
      CALL (c, l1, l2) {
        WITH c, l1, l2 WHERE $depth >= 3 AND size(l1) + size(l2) <= $limit
        UNWIND l2 AS m
        MATCH (m)--(n) WHERE NOT m:Source AND n <> c AND NOT n IN l1 AND NOT n IN l2
        WITH DISTINCT n LIMIT $limitPlusOne
        RETURN collect(n) AS l3
      }
      WITH c, l1 + l2 + l3 AS found
      WITH c, found[..$limit] AS kept, size(found) > $limit AS truncated
      CALL (c, kept) {
        WITH [c] + kept AS members
        UNWIND members AS x
        CALL (x, members) {
          WITH x, members WHERE COUNT { (x)-->() } <= size(members)
          MATCH (x)-[r]->(y) WHERE y IN members
          RETURN r
          UNION ALL
          WITH x, members WHERE COUNT { (x)-->() } > size(members)
          UNWIND members AS y
          MATCH (x)-[r]->(y)
          RETURN r
        }
        RETURN collect(${REL_ROW('r')}) AS edges
      }
      RETURN {center: ${NODE_ROW('c')}, nodes: [n IN kept | ${NODE_ROW('n')}], edges: edges, truncated: truncated} AS row`,
      { id, depth: neo4j.int(depth), limit: neo4j.int(limit), limitPlusOne: neo4j.int(limit + 1) },
    );
    if (!rows[0]) return null;
    const row = parseRow('findNeighbourhood', NeighbourhoodRow, rows[0]);
    const center = mapNode(row.center);
    const nodes = row.nodes.map(mapNode);
    const byId = new Map([center, ...nodes].map((n) => [n.id, n]));
    const edges = row.edges.map((rel) => edge(rel, byId)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { center, nodes, edges, truncated: row.truncated };
  }
}

/** Checks a value that goes into Cypher as a literal; the API layer has already refused others. */
function literal(value: number, range: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) throw new RangeError(`${value} is outside ${range.min}..${range.max}`);
  return value;
}

function mapNode(row: NodeRow): NodeModel {
  return toStoredNode(row.node, row.labels);
}

function edge(rel: RelRow, byId: Map<string, NodeModel>): GraphEdgeModel {
  const from = byId.get(rel.from);
  const to = byId.get(rel.to);
  if (!from || !to) throw new Error(`relationship ${rel.type} ${rel.from}->${rel.to} joins a node the statement did not return`);
  return toGraphEdge(rel, from, to);
}
