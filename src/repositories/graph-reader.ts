/**
 * The generic reads the repositories are built on: nodes by id, the nodes linked to a node, the
 * claims about a fact, and any statement a repository writes, all through one per-request reader.
 *
 * Round trips are bounded twice over. Lookups by id and links are batched per field with
 * DataLoader, so resolving a field for twenty parents costs one statement, not twenty. And every
 * statement a request asks for while GraphQL resolves one step is held until that step has been
 * walked, then all of them run as one Cypher statement (each in its own `CALL` subquery). Most
 * reads go further: a root field and everything selected below it compile to one statement
 * (./read-plan.ts). Labels and relationship types come only from the constants below.
 */
import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import { type Database, type Row, read } from '../db/driver';
import type { Props } from '../models/mappers';
import { parseRow } from '../models/rows';
import { ClaimsRow, LinkPageRow, NodeByIdRow } from './reader-rows';

/** What one request cost in the database: statements sent and the time spent waiting for them. */
export interface DbStats {
  roundTrips: number;
  dbTimeMs: number;
}

/** Receives each statement a reader sends, with its parameters. */
export type StatementTrace = (cypher: string, params: Record<string, unknown>) => void;

/** A statement waiting for the end of the current resolution step. */
interface Pending {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
  resolve: (rows: Row[]) => void;
  reject: (error: unknown) => void;
}

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

/** Dates are stored flattened: the value and its precision, inference flag and expression. */
const DATE_PROPERTIES = ['startDate', 'endDate', 'date', 'publishedDate'].flatMap((d) => [d, `${d}Precision`, `${d}Inferred`, `${d}Expression`]);

/**
 * Every node property the models read. Evidence and claims are not properties: they are `Claim`
 * nodes (see ./storage.ts), which `GraphReader.claims` reads only when a client asks.
 */
export const NODE_PROPERTIES = [
  'id',
  'name',
  'title',
  'kind',
  'aliases',
  'description',
  'outcome',
  'text',
  'topics',
  'stance',
  'topic',
  'summary',
  'publisher',
  'url',
  'sentences',
  'sourceCount',
  'disputed',
  'pinnedSource',
  ...DATE_PROPERTIES,
];

/** A map projection of node `v`'s model properties (absent ones come back as null). */
export function nodeProps(v: string): string {
  return `${v} {${NODE_PROPERTIES.map((p) => `.${p}`).join(', ')}}`;
}

/**
 * Reads the claims about each of `$ids` (node ids or relationship keys), ordered as the
 * current-view rule orders them: earliest published source first, then by source id.
 */
export const READ_CLAIMS_BY_SUBJECT = `UNWIND $ids AS id
  OPTIONAL MATCH (c:Claim {of: id})
  WITH id, c ORDER BY coalesce(c.published, '9999'), c.source
  WITH id, collect(c {.*}) AS claims
  RETURN {id: id, claims: claims} AS row`;

/**
 * Sort keys, as Cypher expressions over `n` (the listed node) for ascending or descending order.
 * Keys are strings so a cursor can hold them; ties break on `n.id` in the same direction.
 * Undated and unnamed nodes come last either way.
 */
export const SORT_KEYS = {
  name: () => 'toLower(n.name)',
  title: () => 'toLower(n.title)',
  topic: () => 'toLower(n.topic)',
  id: () => 'n.id',
  startDate: (desc: boolean) => `coalesce(n.startDate, '${desc ? '' : '9999'}')`,
  date: (desc: boolean) => `coalesce(n.date, '${desc ? '' : '9999'}')`,
  /** Order of first appearance in the sources. */
  textPosition: () => "coalesce(n.firstSeen, '')",
  /**
   * For links only: the best supported relationship first (most sources, then the earliest
   * published source), as the current-view rule chooses a single value.
   */
  support: () => "right('0000000000' + toString(1000000000 - coalesce(r.sourceCount, 0)), 10) + '|' + coalesce(r.firstClaim, '')",
  /** Number of relationships of any type, zero-padded so it sorts as a string. */
  degree: () => "right('000000000' + toString(COUNT { (n)--() }), 10)",
  participantCount: () => "right('000000000' + toString(COUNT { (n)<-[:PARTICIPATED_IN]-() }), 10)",
  meetingCount: () => "right('000000000' + toString(COUNT { (n)-[:PARTICIPATED_IN]->() }), 10)",
  meetingsHeld: () => "right('000000000' + toString(COUNT { (n)<-[:HELD_IN]-() }), 10)",
  holderCount: () => "right('000000000' + toString(COUNT { (n)<-[:HOLDS]-() }), 10)",
} as const;
export type SortKey = keyof typeof SORT_KEYS;

/** A sort order: a key and a direction. */
export interface SortSpec {
  key: SortKey;
  desc: boolean;
}

/** Which links to follow: from a node along `rel` in direction `dir` to nodes labelled `label`. */
export interface LinkSpec {
  rel: RelType;
  dir: 'OUT' | 'IN';
  label: Label;
  order: SortKey;
}

/** One linked node: its properties and labels, the relationship's, and whether it points away. */
export interface LinkRow {
  node: Props;
  labels: string[];
  rel: Props;
  /** True when the relationship starts at the node whose links were read. */
  outgoing: boolean;
}

/** A stored node: properties and labels. */
export interface NodeRow {
  node: Props;
  labels: string[];
}

/**
 * Filters for a list, as Cypher predicates over `n` (and `r` for links) with their parameters.
 * `anchors`, when set, are patterns binding `n` that together find every node the predicates can
 * accept (from nodes looked up by id), so a root list need not scan its label.
 */
export interface Filter {
  predicates: string[];
  params: Record<string, unknown>;
  anchors?: string[] | null;
}

/** Limit and position of one page, already validated by the API layer. */
export interface PageRequest {
  limit: number;
  after: { key: string; id: string } | null;
}

/**
 * One page of the nodes linked to a node. `pattern` is a Cypher pattern from `(a)` (the node
 * whose links are read) to `(n)` (each linked node) through a relationship `r`; it is always a
 * constant of a repository, never built from input.
 */
export interface LinkQuery extends Filter, PageRequest {
  name: string;
  pattern: string;
  order: SortSpec;
  /** Whether to count all matches too (connections do; plain lists do not). */
  count: boolean;
}

/**
 * A page of models with the sort key and tie-breaking id of each (for cursors) and the total
 * matching count (-1 when it was not asked for).
 */
export interface ListPage<T> {
  items: { node: T; sortKey: string; id: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

/** How many nodes `linked` returns at most; it serves single-valued fields (a meeting's place). */
const LINKED_LIMIT = 100;

/** The Cypher pattern of a simple link. */
export function linkPattern(spec: Pick<LinkSpec, 'rel' | 'dir' | 'label'>): string {
  return spec.dir === 'OUT' ? `(a)-[r:${spec.rel}]->(n:${spec.label})` : `(a)<-[r:${spec.rel}]-(n:${spec.label})`;
}

/** Per-request reader: create one per GraphQL request so its caches never outlive the request. */
export class GraphReader {
  /** Round trips and database time of this request so far. */
  readonly stats: DbStats = { roundTrips: 0, dbTimeMs: 0 };
  private readonly nodes: DataLoader<string, NodeRow | null>;
  private readonly claimLists: DataLoader<string, Props[]>;
  private readonly pages = new Map<string, DataLoader<string, ListPage<LinkRow>>>();
  private pending: Pending[] = [];

  /** `trace`, when given, sees every statement sent (for profiling tools, never for answers). */
  constructor(
    private readonly db: Database,
    private readonly trace?: StatementTrace,
  ) {
    this.nodes = new DataLoader((ids) => this.loadNodes(ids));
    this.claimLists = new DataLoader((ids) => this.loadClaims(ids));
  }

  /**
   * The stored claims about a node (by id) or a relationship (by key), in the rule's order; empty
   * when there are none. Calls in one resolution step share one statement.
   */
  claims(subject: string): Promise<Props[]> {
    return this.claimLists.load(subject);
  }

  /** Records claims read by another statement (a compiled read), so `claims` need not read them again. */
  primeClaims(subject: string, claims: Props[]): void {
    this.claimLists.prime(subject, claims);
  }

  /**
   * Runs a read statement whose rows have one column, `row`, and returns those values. The
   * statement is sent together with every other one asked for in the same resolution step.
   * `name` tags the statement in logs and `SHOW TRANSACTIONS`.
   */
  query(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ name, cypher, params, resolve, reject });
    });
  }

  /** Sends the waiting statements as one: each in a `CALL` subquery collecting its rows. */
  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    let cypher: string;
    let params: Record<string, unknown>;
    if (batch.length === 1) {
      cypher = `// ${batch[0].name}\nCALL () {\n${batch[0].cypher}\n}\nRETURN collect(row) AS r0`;
      params = batch[0].params;
    } else {
      params = {};
      const parts = batch.map((item, i) => {
        for (const [key, value] of Object.entries(item.params)) params[`p${i}_${key}`] = value;
        const body = item.cypher.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, `$p${i}_$1`);
        return `CALL () {\n// ${item.name}\nCALL () {\n${body}\n}\nRETURN collect(row) AS r${i}\n}`;
      });
      cypher = `// batch of ${batch.length}: ${batch.map((b) => b.name).join(', ')}\n${parts.join('\n')}\nRETURN ${batch.map((_, i) => `r${i}`).join(', ')}`;
    }
    this.trace?.(cypher, params);
    const started = performance.now();
    try {
      const [result] = await read(this.db, cypher, params);
      batch.forEach((item, i) => item.resolve(result[`r${i}`] as Row[]));
    } catch (error) {
      for (const item of batch) item.reject(error);
    } finally {
      this.stats.roundTrips += 1;
      this.stats.dbTimeMs += performance.now() - started;
    }
  }

  /** The node with this id and label, or null. */
  async node(label: Label, id: string): Promise<NodeRow | null> {
    const row = await this.nodes.load(id);
    return row && row.labels.includes(label) ? row : null;
  }

  /** Nodes linked to `id` as `spec` says, in the spec's order, at most LINKED_LIMIT of them. */
  async linked(spec: LinkSpec, id: string): Promise<LinkRow[]> {
    const page = await this.linkPage(
      {
        name: `findLinked ${spec.rel} ${spec.dir} ${spec.label}`,
        pattern: linkPattern(spec),
        predicates: [],
        params: {},
        order: { key: spec.order, desc: false },
        limit: LINKED_LIMIT,
        after: null,
        count: false,
      },
      id,
    );
    return page.items.map((item) => item.node);
  }

  /**
   * One page of the links of `id` that `query` describes. Calls with the same query for many
   * parents (the same field on every item of a list) share one statement.
   */
  linkPage(query: LinkQuery, id: string): Promise<ListPage<LinkRow>> {
    const key = JSON.stringify(query);
    let loader = this.pages.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => this.loadLinkPages(query, ids));
      this.pages.set(key, loader);
    }
    return loader.load(id);
  }

  private async loadNodes(ids: readonly string[]): Promise<(NodeRow | null)[]> {
    const rows = await this.query(
      'findNodesById',
      `UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN {id: n.id, node: ${nodeProps('n')}, labels: labels(n)} AS row`,
      { ids },
    );
    const byId = new Map(rows.map((r) => parseRow('findNodesById', NodeByIdRow, r)).map(({ id, node, labels }) => [id, { node, labels }]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  private async loadClaims(ids: readonly string[]): Promise<Props[][]> {
    const rows = await this.query('findClaimsBySubject', READ_CLAIMS_BY_SUBJECT, { ids });
    const byId = new Map(rows.map((r) => parseRow('findClaimsBySubject', ClaimsRow, r)).map(({ id, claims }) => [id, claims]));
    return ids.map((id) => byId.get(id) ?? []);
  }

  private async loadLinkPages(query: LinkQuery, ids: readonly string[]): Promise<ListPage<LinkRow>[]> {
    const { expression, after, orderBy } = ordering(query.order, "n.id + '|' + coalesce(r.key, '')");
    const where = query.predicates.length ? query.predicates.join(' AND ') : 'true';
    const cypher = `
      UNWIND $ids AS id
      MATCH (a:Node {id: id})
      CALL (a) {
        ${query.count ? `MATCH ${query.pattern} WHERE ${where} WITH DISTINCT n, r RETURN count(*) AS totalCount` : 'RETURN -1 AS totalCount'}
      }
      CALL (a) {
        MATCH ${query.pattern} WHERE ${where} ${query.after ? `AND ${after}` : ''}
        WITH DISTINCT n, r
        WITH n, r, ${expression} AS sortKey, n.id + '|' + coalesce(r.key, '') AS tieId ORDER BY ${orderBy} LIMIT $limitPlusOne
        RETURN collect({node: ${nodeProps('n')}, labels: labels(n), rel: r {.*}, outgoing: startNode(r) = a, sortKey: sortKey, tieId: tieId}) AS rows
      }
      RETURN {fromId: id, totalCount: totalCount, rows: rows} AS row`;
    const results = await this.query(query.name, cypher, { ...pageParams(query), ids });
    const byId = new Map(results.map((r) => parseRow(query.name, LinkPageRow, r)).map((r) => [r.fromId, r]));
    return ids.map((id) => {
      const result = byId.get(id);
      const rows = result?.rows ?? [];
      return {
        items: rows.slice(0, query.limit).map(({ sortKey, tieId, ...row }) => ({ node: row, sortKey, id: tieId })),
        hasNextPage: rows.length > query.limit,
        totalCount: result?.totalCount ?? 0,
      };
    });
  }
}

/** The sort expression, the "comes after the cursor" predicate and the ORDER BY of a sort order. */
function ordering(order: SortSpec, tie: string): { expression: string; after: string; orderBy: string } {
  const expression = SORT_KEYS[order.key](order.desc);
  const cmp = order.desc ? '<' : '>';
  return {
    expression,
    after: `(${expression} ${cmp} $afterKey OR (${expression} = $afterKey AND ${tie} ${cmp} $afterId))`,
    orderBy: order.desc ? `sortKey DESC, ${tie} DESC` : `sortKey, ${tie}`,
  };
}

function pageParams(query: Filter & PageRequest): Record<string, unknown> {
  return {
    ...Object.fromEntries(Object.entries(query.params).map(([k, v]) => [k, v ?? null])),
    afterKey: query.after?.key ?? null,
    afterId: query.after?.id ?? null,
    limitPlusOne: neo4j.int(query.limit + 1),
  };
}
