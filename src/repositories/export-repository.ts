/**
 * Reads for `GET /export`: the whole graph in pages, or the neighbourhood of one node as GraphQL's
 * `neighbourhood` returns it. Both give nodes with their own evidence and edges with theirs.
 */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { type Database, read } from '../db/driver';
import { toEvidence, toExportEdge, toStoredNode } from '../models/mappers';
import type { ExportEdgeModel, ExportGraphModel, ExportNodeModel, GraphEdgeModel } from '../models/models';
import { IdentifiedProps, NodeRow, parseRow, PropsList, RelRow, rowSchema } from '../models/rows';
import { GraphExplorerRepository, NEIGHBOURHOOD_LIMITS } from './graph-explorer-repository';
import { GraphReader, nodeProps } from './graph-reader';

/** Nodes per page of a whole-graph export (each with all its evidence entries). */
export const NODE_PAGE = 500;
/** Relationships per page of a whole-graph export. */
export const EDGE_PAGE = 2_000;

/** The rows of `exportNodes` and `exportRelationships` (each in the column `row`). */
const ExportNodeRow = rowSchema(z.object({ row: NodeRow.extend({ node: IdentifiedProps, claims: PropsList }) }));
const ExportEdgeRow = rowSchema(z.object({ row: z.object({ rid: z.string(), rel: RelRow, claims: PropsList }) }));

export class ExportRepository {
  constructor(
    private readonly db: Database,
    private readonly pages = { nodes: NODE_PAGE, edges: EDGE_PAGE },
  ) {}

  /**
   * Every node with the `Node` label, then every relationship between two of them, read page by
   * page as the caller iterates. Each page is its own read transaction, so a graph written to
   * during an export may come out as a mix of before and after (never a broken edge id, but an
   * edge may name a node written after the node pages were read).
   *
   * Cost: node pages are range seeks on the unique `Node.id` index from the last id of the page
   * before (ordered by the index, so no sort), O(page) each. Relationship pages walk start nodes
   * in the same index order and stop after EDGE_PAGE relationships; within one start node they
   * are ordered by elementId, which sorts only that node's outgoing relationships. So the whole
   * export reads each node once and each relationship about once, plus, for a start node whose
   * relationships span several pages, its outgoing relationships again on each of those pages.
   * The service holds one page at a time: memory is O(NODE_PAGE + EDGE_PAGE), not O(graph).
   */
  wholeGraph(): ExportGraphModel {
    return { truncated: false, nodes: this.nodePages(), edges: this.edgePages() };
  }

  /**
   * The neighbourhood of `id` (as GraphQL's `neighbourhood(id, depth, limit)` returns it, the
   * centre first) with every node's evidence; null when the id is unknown.
   */
  async neighbourhood(id: string, depth: number, limit: number = NEIGHBOURHOOD_LIMITS.limit.max): Promise<ExportGraphModel | null> {
    const reader = new GraphReader(this.db);
    const subgraph = await new GraphExplorerRepository(reader).neighbourhood(id, depth, limit);
    if (!subgraph) return null;
    const members = [subgraph.center, ...subgraph.nodes];
    // One statement for all of them: the reader batches evidence lookups made in the same tick.
    const [nodeClaims, edgeClaims] = await Promise.all([
      Promise.all(members.map((node) => reader.claims(node.id))),
      Promise.all(subgraph.edges.map((edge) => reader.claims(edge.fact.key))),
    ]);
    const nodes: ExportNodeModel[] = members.map((node, i) => ({ node, evidence: toEvidence(nodeClaims[i]) }));
    const edges = subgraph.edges.map(({ from, to, ...edge }: GraphEdgeModel, i): ExportEdgeModel => ({
      ...edge,
      fromId: from.id,
      toId: to.id,
      evidence: toEvidence(edgeClaims[i]),
    }));
    return { truncated: subgraph.truncated, nodes: once(nodes), edges: once(edges) };
  }

  private async *nodePages(): AsyncGenerator<ExportNodeModel[]> {
    let after = '';
    for (;;) {
      const found = await read(
        this.db,
        `// exportNodes
        MATCH (n:Node) WHERE n.id > $after
        WITH n ORDER BY n.id LIMIT $limit
        CALL (n) { ${CLAIMS_OF('n.id')} }
        RETURN {node: ${nodeProps('n')}, labels: labels(n), claims: claims} AS row`,
        { after, limit: neo4j.int(this.pages.nodes) },
      );
      if (found.length === 0) return;
      const rows = found.map((r) => parseRow('exportNodes', ExportNodeRow, r).row);
      yield rows.map(({ node, labels, claims }) => ({ node: toStoredNode(node, labels), evidence: toEvidence(claims) }));
      if (rows.length < this.pages.nodes) return;
      after = rows.at(-1)!.node.id;
    }
  }

  private async *edgePages(): AsyncGenerator<ExportEdgeModel[]> {
    // The cursor is the start node's id and the elementId of the last relationship read from it.
    let afterNode = '';
    let afterRel = '';
    for (;;) {
      const found = await read(
        this.db,
        `// exportRelationships
        MATCH (a:Node) WHERE a.id >= $afterNode
        WITH a ORDER BY a.id
        MATCH (a)-[r]->(b:Node)
        WITH a, r, b, elementId(r) AS rid WHERE a.id > $afterNode OR rid > $afterRel
        WITH a, r, b, rid ORDER BY a.id, rid LIMIT $limit
        CALL (r) { ${CLAIMS_OF('r.key')} }
        RETURN {rid: rid, rel: {type: type(r), from: a.id, to: b.id, props: r {.*}}, claims: claims} AS row`,
        { afterNode, afterRel, limit: neo4j.int(this.pages.edges) },
      );
      if (found.length === 0) return;
      const rows = found.map((r) => parseRow('exportRelationships', ExportEdgeRow, r).row);
      yield rows.map(({ rel, claims }) => ({ ...toExportEdge(rel), evidence: toEvidence(claims) }));
      if (rows.length < this.pages.edges) return;
      const last = rows.at(-1)!;
      afterNode = last.rel.from;
      afterRel = last.rid;
    }
  }
}

/** The claims about `key` (a node id or relationship key), in the rule's order, as `claims`. */
const CLAIMS_OF = (key: string) =>
  `OPTIONAL MATCH (c:Claim {of: ${key}}) WITH c ORDER BY coalesce(c.published, '9999'), c.source RETURN collect(c {.*}) AS claims`;

async function* once<T>(page: T[]): AsyncGenerator<T[]> {
  if (page.length) yield page;
}
