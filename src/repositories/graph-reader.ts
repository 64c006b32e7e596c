/**
 * The generic reads every aggregate repository is built on: nodes by id, the nodes linked to a
 * node by one relationship type, and one page of a filtered, sorted list. Lookups by id and links
 * are batched per request with DataLoader, so resolving a field for twenty parents costs one
 * statement, not twenty. Labels and relationship types come only from the constants below.
 */
import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import { type Database, read } from '../db/driver';
import type { Props } from '../models/mappers';

/** Node labels, as stored. `Node` is on every node and carries the unique id. */
export type Label = 'Node' | 'Actor' | 'Location' | 'Meeting' | 'Position' | 'Statement' | 'Stance' | 'Event' | 'Source';

/** Relationship types, as stored (the facts format's relationship types). */
export type RelType =
  | 'PARTICIPATED_IN'
  | 'HELD_IN'
  | 'PART_OF'
  | 'PRECEDED'
  | 'HOLDS'
  | 'POSITION_OF'
  | 'SAID'
  | 'REPORTED'
  | 'MENTIONS'
  | 'ABOUT'
  | 'DURING'
  | 'TAKES_STANCE'
  | 'RELATED_TO'
  | 'INVOLVED_IN'
  | 'OCCURRED_IN'
  | 'CREDITS';

/**
 * Sort orders for linked nodes and lists, as Cypher expressions over `n`. Keys are strings so a
 * cursor can hold them; ties break on `n.id`.
 */
export const SORT_KEYS = {
  name: 'toLower(n.name)',
  title: 'toLower(n.title)',
  id: 'n.id',
  /** Undated last. */
  startDate: "coalesce(n.startDate, '9999')",
  date: "coalesce(n.date, '9999')",
  /** Order of first appearance in the sources. */
  textPosition: "coalesce(n.evidenceSource[0], '') + '#' + right('000000000' + toString(coalesce(n.evidenceStart[0], 0)), 10)",
} as const;
export type SortKey = keyof typeof SORT_KEYS;

/** Which links to follow: from a node along `rel` in direction `dir` to nodes labelled `label`. */
export interface LinkSpec {
  rel: RelType;
  dir: 'OUT' | 'IN';
  label: Label;
  order: SortKey;
}

/** One linked node: its properties and labels, and the relationship's properties. */
export interface LinkRow {
  node: Props;
  labels: string[];
  rel: Props;
}

/** A stored node: properties and labels. */
export interface NodeRow {
  node: Props;
  labels: string[];
}

/** Filters for a list, as Cypher predicates over `n` with their parameters. */
export interface ListQuery {
  label: Label;
  predicates: string[];
  params: Record<string, unknown>;
  order: SortKey;
  limit: number;
  after: { key: string; id: string } | null;
}

/** A page of models with the sort key of each (for cursors) and the total matching count. */
export interface ListPage<T> {
  items: { node: T; sortKey: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Per-request reader: create one per GraphQL request so its caches never outlive the request. */
export class GraphReader {
  private readonly nodes: DataLoader<string, NodeRow | null>;
  private readonly links = new Map<string, DataLoader<string, LinkRow[]>>();

  constructor(private readonly db: Database) {
    this.nodes = new DataLoader((ids) => this.loadNodes(ids));
  }

  /** The node with this id and label, or null. */
  async node(label: Label, id: string): Promise<NodeRow | null> {
    const row = await this.nodes.load(id);
    return row && row.labels.includes(label) ? row : null;
  }

  /** Nodes linked to `id` as `spec` says, in the spec's order. */
  linked(spec: LinkSpec, id: string): Promise<LinkRow[]> {
    const key = `${spec.rel}:${spec.dir}:${spec.label}:${spec.order}`;
    let loader = this.links.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => this.loadLinks(spec, ids));
      this.links.set(key, loader);
    }
    return loader.load(id);
  }

  /** Runs a custom batched statement that returns `fromId`, `node`, `labels`, `rel` rows. */
  async linkedBy(name: string, cypher: string, id: string): Promise<LinkRow[]> {
    let loader = this.links.get(name);
    if (!loader) {
      loader = new DataLoader(async (ids) => groupRows(ids, await read(this.db, cypher, { ids })));
      this.links.set(name, loader);
    }
    return loader.load(id);
  }

  /** One page of a list, with the total count, in one statement. */
  async list<T>(name: string, query: ListQuery, map: (row: NodeRow) => T): Promise<ListPage<T>> {
    const key = SORT_KEYS[query.order];
    const where = query.predicates.length ? `WHERE ${query.predicates.join(' AND ')}` : '';
    const afterClause = query.after ? `AND (${key} > $afterKey OR (${key} = $afterKey AND n.id > $afterId))` : '';
    const cypher = `// ${name}
      CALL () { MATCH (n:${query.label}) ${where} RETURN count(n) AS totalCount }
      CALL () {
        MATCH (n:${query.label}) ${where || 'WHERE true'} ${afterClause}
        WITH n, ${key} AS sortKey ORDER BY sortKey, n.id LIMIT $limitPlusOne
        RETURN collect({node: n {.*}, labels: labels(n), sortKey: sortKey}) AS rows
      }
      RETURN totalCount, rows`;
    const params = Object.fromEntries(Object.entries(query.params).map(([k, v]) => [k, v ?? null]));
    const [result] = await read(this.db, cypher, {
      ...params,
      afterKey: query.after?.key ?? null,
      afterId: query.after?.id ?? null,
      limitPlusOne: neo4j.int(query.limit + 1),
    });
    const rows = result.rows as (NodeRow & { sortKey: string })[];
    return {
      items: rows.slice(0, query.limit).map((row) => ({ node: map(row), sortKey: row.sortKey })),
      hasNextPage: rows.length > query.limit,
      totalCount: result.totalCount as number,
    };
  }

  private async loadNodes(ids: readonly string[]): Promise<(NodeRow | null)[]> {
    const rows = await read(
      this.db,
      `// findNodesById
      UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, n {.*} AS node, labels(n) AS labels`,
      { ids },
    );
    const byId = new Map(rows.map((r) => [r.id as string, { node: r.node as Props, labels: r.labels as string[] }]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  private async loadLinks(spec: LinkSpec, ids: readonly string[]): Promise<LinkRow[][]> {
    const pattern = spec.dir === 'OUT' ? `-[r:${spec.rel}]->` : `<-[r:${spec.rel}]-`;
    const cypher = `// findLinked ${spec.rel} ${spec.dir} ${spec.label}
      UNWIND $ids AS id
      MATCH (a:Node {id: id})${pattern}(n:${spec.label})
      RETURN id AS fromId, n {.*} AS node, labels(n) AS labels, r {.*} AS rel
      ORDER BY ${SORT_KEYS[spec.order]}, n.id`;
    return groupRows(ids, await read(this.db, cypher, { ids }));
  }
}

function groupRows(ids: readonly string[], rows: Record<string, unknown>[]): LinkRow[][] {
  const grouped = new Map<string, LinkRow[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    grouped.get(row.fromId as string)?.push({ node: row.node as Props, labels: row.labels as string[], rel: row.rel as Props });
  }
  return ids.map((id) => grouped.get(id) ?? []);
}
