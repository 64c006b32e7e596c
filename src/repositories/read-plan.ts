/**
 * Read plans, and the one Cypher statement each compiles to. A plan says which stored properties
 * of a node to read, whether to read its claims, and which link fields to follow, each with its
 * filter, order and page, down to any depth. The statement reads exactly that: nested levels are
 * `COLLECT {}` subqueries inside map projections, so a request costs one round trip however deep it
 * goes, and a node's unselected properties, claims and links are never touched.
 *
 * The resolver layer builds plans from a GraphQL selection (src/resolvers/compile.ts); this module
 * knows nothing of GraphQL. Labels, types and patterns come only from constants (./link-fields.ts,
 * ./where.ts); values travel as parameters.
 */
import neo4j from 'neo4j-driver';
import { RequestLimitError } from '../errors';
import type { Props } from '../models/mappers';
import { parseRow, props, PropsList, rowSchema, texts } from '../models/rows';
import { z } from 'zod';
import { type Filter, type GraphReader, type Label, NODE_PROPERTIES, SORT_KEYS, type SortSpec } from './graph-reader';
import type { LinkField } from './link-fields';

/** Which claims of a node or relationship to read: all, only when it is disputed, or none. */
export type ClaimRead = 'all' | 'disputed' | 'none';

/** What to read of one node. */
export interface NodePlan {
  /** Stored properties (`id` is always read), or `all` model properties. */
  props: string[] | 'all';
  /** Whether to read its labels (a node of an interface type, or one read whole). */
  labels?: boolean;
  claims: ClaimRead;
  links: LinkPlan[];
}

/** A position in a sorted list: the sort key and tie-breaking id of the last item seen. */
export interface After {
  key: string;
  id: string;
}

/** One link field to follow from a node, and what to read of each linked node. */
export interface LinkPlan {
  field: LinkField;
  /** The field's `where` and any `asOf`/`during` predicates, over `n` and `r`. */
  filter: Filter;
  order: SortSpec;
  /** How many items to return; one more is read when `more` is set, to tell if there are more. */
  limit: number;
  more: boolean;
  after: After | null;
  /** Whether to count all matches (a selected `totalCount`). */
  count: boolean;
  node: NodePlan;
  /**
   * For a list of relationships (a Participation): which of each relationship's properties and
   * claims to read. Null when the field lists nodes.
   */
  rel: { props: string[]; claims: ClaimRead } | null;
  /** The parent read again under each item, for a relationship's field that shows it with a selection. */
  parent: NodePlan | null;
  /** Set on a field that only one member type of an interface has: read only for that label. */
  onLabel?: Label;
}

/**
 * A root read: one node by id, many nodes by id (of any labels: each id's node is read once, and
 * the caller checks its labels), one page of a label's nodes, or one link field of many nodes.
 */
export type RootPlan =
  | { kind: 'node'; label: Label; id: string; node: NodePlan }
  | { kind: 'nodes'; ids: readonly string[]; node: NodePlan }
  | { kind: 'list'; label: Label; filter: Filter; order: SortSpec; limit: number; after: After | null; count: boolean; node: NodePlan }
  | { kind: 'links'; ids: readonly string[]; link: LinkPlan };

/** A node as the statement returns it: its properties, labels, claims when read, and link results. */
export interface NodeRead {
  props: Props;
  labels: string[];
  claims: Props[] | null;
  links: LinkRead[];
}

/** One link field's result: the total count (-1 when not counted) and the items read. */
export interface LinkRead {
  totalCount: number;
  items: ItemRead[];
}

/** One linked item: the node, the relationship, and the sort key and id a cursor holds. */
export interface ItemRead {
  node: NodeRead;
  rel: Props;
  relClaims: Props[] | null;
  outgoing: boolean;
  parent: NodeRead | null;
  sortKey: string;
  tieId: string;
}

/** The result of a root plan. */
export type RootRead =
  | { kind: 'node'; node: NodeRead | null }
  | { kind: 'nodes'; byId: Map<string, NodeRead> }
  | { kind: 'list'; totalCount: number; items: { node: NodeRead; sortKey: string }[] }
  | { kind: 'links'; byId: Map<string, LinkRead> };

/** A compiled statement. */
export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * A node position whose links are read once per distinct node rather than once per occurrence:
 * the nodes two links deep (a meeting's participants under an actor's meetings), where the same
 * node recurs under many parents. `path` is the link indexes from the root's nodes to it.
 */
interface Deferred {
  path: number[];
  plan: NodePlan;
}

/** How deep a node may sit before its links are read once per distinct node (see Deferred). */
const DEFER_DEPTH = 2;

/** Builds one statement: hands out fresh variable numbers and collects parameters. */
class Writer {
  readonly params: Record<string, unknown> = {};
  readonly deferred: Deferred[] = [];
  private next = 0;

  fresh(): number {
    return this.next++;
  }

  /** Adds a filter's parameters under `prefix`, returning its predicates with the names changed. */
  filter(filter: Filter, vars: Record<string, string>, prefix: string): string[] {
    for (const [name, value] of Object.entries(filter.params)) this.params[`${prefix}${name}`] = value ?? null;
    return filter.predicates.map((p) => rename(p, vars, prefix));
  }

  /**
   * The map projection of node `v` at `depth`, reached from the root's nodes by the link indexes
   * `path` (null where its links are never deferred, as a relationship's parent end read again).
   */
  node(plan: NodePlan, v: string, depth = 0, path: number[] | null = null): string {
    const props = plan.props === 'all' ? NODE_PROPERTIES : ['id', ...plan.props.filter((p) => p !== 'id')];
    const parts = props.map((p) => `.${p}`);
    if (plan.labels || plan.props === 'all') parts.push(`_labels: labels(${v})`);
    const claims = this.claims(plan.claims, `${v}.id`, `${v}.disputed`);
    if (claims) parts.push(`_claims: ${claims}`);
    if (path && depth >= DEFER_DEPTH && plan.links.length > 0) {
      // Read later, once per distinct node (see Deferred), and found again by element id.
      parts.push(`_eid: elementId(${v})`);
      this.deferred.push({ path, plan });
    } else {
      plan.links.forEach((link, i) => parts.push(`_${i}: ${this.link(link, v, depth, path && [...path, i])}`));
    }
    return `${v} {${parts.join(', ')}}`;
  }

  /** The links of node `v` alone, as a map of link results (a deferred node's). */
  links(plan: NodePlan, v: string): string {
    return `{${plan.links.map((link, i) => `_${i}: ${this.link(link, v)}`).join(', ')}}`;
  }

  private claims(read: ClaimRead, key: string, disputed: string): string | null {
    if (read === 'none') return null;
    const c = `c${this.fresh()}`;
    const all = `COLLECT { MATCH (${c}:Claim {of: ${key}}) WITH ${c} ORDER BY coalesce(${c}.published, '9999'), ${c}.source RETURN ${c} {.*} }`;
    return read === 'all' ? all : `CASE WHEN ${disputed} IS NULL THEN [] ELSE ${all} END`;
  }

  link(plan: LinkPlan, a: string, depth = 0, path: number[] | null = null): string {
    const k = this.fresh();
    const n = `n${k}`;
    const r = `r${k}`;
    const prefix = `l${k}_`;
    const vars = { a, n, r };
    const pattern = rename(plan.field.pattern, vars, prefix);
    const predicates = this.filter(plan.filter, vars, prefix);
    const where = predicates.length ? predicates.join(' AND ') : 'true';
    const sortKey = rename(SORT_KEYS[plan.order.key](plan.order.desc), vars, prefix);
    const tie = `${n}.id + '|' + coalesce(${r}.key, '')`;
    let after = '';
    if (plan.after) {
      const cmp = plan.order.desc ? '<' : '>';
      this.params[`${prefix}afterKey`] = plan.after.key;
      this.params[`${prefix}afterId`] = plan.after.id;
      after = ` AND (${sortKey} ${cmp} $${prefix}afterKey OR (${sortKey} = $${prefix}afterKey AND ${tie} ${cmp} $${prefix}afterId))`;
    }
    const count = plan.count ? `COUNT { MATCH ${pattern} WHERE ${where} WITH DISTINCT ${n}, ${r} RETURN ${n} }` : '-1';
    let items = '[]';
    if (plan.limit > 0 || plan.more) {
      this.params[`${prefix}limit`] = neo4j.int(plan.limit + (plan.more ? 1 : 0));
      const dir = plan.order.desc ? ' DESC' : '';
      const relClaims = plan.rel ? this.claims(plan.rel.claims, `${r}.key`, `${r}.disputed`) : null;
      const relProps = plan.rel?.props.length ? `${r} {${plan.rel.props.map((p) => `.${p}`).join(', ')}}` : '{}';
      const item = [
        `node: ${this.node(plan.node, n, depth + 1, path)}`,
        `rel: ${relProps}`,
        `relClaims: ${relClaims ?? 'null'}`,
        `outgoing: startNode(${r}) = ${a}`,
        `parent: ${plan.parent ? this.node(plan.parent, a, depth + 1) : 'null'}`,
        `sortKey: k${k}`,
        `tieId: t${k}`,
      ];
      items =
        `COLLECT { MATCH ${pattern} WHERE ${where}${after} WITH DISTINCT ${n}, ${r} ` +
        `WITH ${n}, ${r}, ${sortKey} AS k${k}, ${tie} AS t${k} ORDER BY k${k}${dir}, t${k}${dir} LIMIT $${prefix}limit ` +
        `RETURN {${item.join(', ')}} }`;
    }
    const read = `{totalCount: ${count}, items: ${items}}`;
    return plan.onLabel ? `CASE WHEN ${a}:${plan.onLabel} THEN ${read} ELSE null END` : read;
  }
}

/**
 * Renames the variables `vars` maps (whole identifiers, outside strings, not after `.`, `:` or `$`)
 * and prefixes every parameter name, so a constant fragment written over `a`, `n` and `r` can sit
 * at any depth of one statement.
 */
export function rename(cypher: string, vars: Record<string, string>, prefix: string): string {
  let out = '';
  let i = 0;
  while (i < cypher.length) {
    const ch = cypher[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < cypher.length && cypher[j] !== ch) j += cypher[j] === '\\' ? 2 : 1;
      out += cypher.slice(i, j + 1);
      i = j + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < cypher.length && /[A-Za-z0-9_]/.test(cypher[j])) j += 1;
      const word = cypher.slice(i, j);
      const before = cypher[i - 1];
      if (before === '$') out += `${prefix}${word}`;
      else if (before !== '.' && before !== ':' && Object.hasOwn(vars, word)) out += vars[word];
      else out += word;
      i = j;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** The nodes at the top of a root read's result (`row`), from which deferred paths start. */
const TOPS = {
  node: { cypher: '[row]', js: (row: Props) => [row] },
  nodes: { cypher: 'row.items', js: (row: Props) => row.items as Props[] },
  list: { cypher: '[it IN row.items | it.node]', js: (row: Props) => (row.items as Props[]).map((it) => it.node as Props) },
  links: {
    cypher: '[it IN coalesce(row.links.items, []) | it.node]',
    js: (row: Props) => (((row.links as Props | null)?.items as Props[] | undefined) ?? []).map((it) => it.node as Props),
  },
} as const;

/** The statement of a root plan; its rows have one column, `row`. */
export function compileRoot(plan: RootPlan): Statement {
  const w = new Writer();
  const { head, result } = compileMain(w, plan);
  if (w.deferred.length === 0) return { cypher: `${head} RETURN ${result} AS row`, params: w.params };
  // The main read makes `row`; each deferred position then reads the links of its distinct nodes
  // once, and the result carries them beside the tree (see joinDeferred).
  const stages = w.deferred.map((d, k) => {
    let nodes: string = TOPS[plan.kind].cypher;
    for (const i of d.path) nodes = `reduce(acc = [], m IN ${nodes} | acc + [it IN coalesce(m._${i}.items, []) | it.node])`;
    const x = `x${k}`;
    return (
      `CALL (row) { UNWIND [m IN ${nodes} WHERE m._eid IS NOT NULL | m._eid] AS eid WITH DISTINCT eid ` +
      `MATCH (${x}) WHERE elementId(${x}) = eid RETURN collect([eid, ${w.links(d.plan, x)}]) AS d${k} }`
    );
  });
  const deferred = w.deferred.map((_, k) => `d${k}`).join(', ');
  return { cypher: `${head} WITH ${result} AS row ${stages.join(' ')} RETURN {tree: row, deferred: [${deferred}]} AS row`, params: w.params };
}

/** The paths of a plan's deferred positions, in the order compileRoot reads them. */
function deferredPaths(plan: RootPlan): number[][] {
  const w = new Writer();
  compileMain(w, plan);
  return w.deferred.map((d) => d.path);
}

/** Puts the links read once per distinct node back under each of its occurrences. */
function joinDeferred(kind: RootPlan['kind'], row: Props, paths: number[][]): Props {
  if (!('tree' in row && 'deferred' in row)) return row;
  const tree = row.tree as Props;
  (row.deferred as [string, Props][][]).forEach((pairs, k) => {
    const byEid = new Map(pairs);
    let nodes: Props[] = TOPS[kind].js(tree);
    for (const i of paths[k]) nodes = nodes.flatMap((m) => (((m[`_${i}`] as Props | null)?.items as Props[] | undefined) ?? []).map((it) => it.node as Props));
    for (const m of nodes) if (typeof m._eid === 'string') Object.assign(m, byEid.get(m._eid));
  });
  return tree;
}

/** A root plan's read: the clauses, and the expression of each row's value. */
function compileMain(w: Writer, plan: RootPlan): { head: string; result: string } {
  const v = 'v';
  switch (plan.kind) {
    case 'node': {
      w.params.id = plan.id;
      const label = plan.label === 'Node' ? '' : ` WHERE ${v}:${plan.label}`;
      return { head: `MATCH (${v}:Node {id: $id})${label}`, result: w.node(plan.node, v, 0, []) };
    }
    case 'nodes': {
      // One row holding every node found, so deferred links are read once per distinct node.
      w.params.ids = plan.ids;
      return {
        head: `CALL () { UNWIND $ids AS id MATCH (${v}:Node {id: id}) RETURN collect(${w.node(plan.node, v, 0, [])}) AS items }`,
        result: '{items: items}',
      };
    }
    case 'list': {
      const vars = { n: v };
      const predicates = w.filter(plan.filter, vars, '');
      const where = predicates.length ? predicates.join(' AND ') : 'true';
      const anchors = plan.filter.anchors?.map((a) => rename(a, vars, ''));
      const matches = anchors
        ? `CALL () { ${anchors.map((a) => `MATCH ${a} WHERE ${v}:${plan.label} RETURN DISTINCT ${v}`).join(' UNION ')} } WITH ${v} WHERE ${where}`
        : `MATCH (${v}:${plan.label}) WHERE ${where}`;
      // Without predicates the count comes from the count store, not a scan.
      const count = !plan.count
        ? 'RETURN -1 AS totalCount'
        : predicates.length || anchors
          ? `${matches} RETURN count(${v}) AS totalCount`
          : `MATCH (${v}:${plan.label}) RETURN count(${v}) AS totalCount`;
      let page = 'RETURN [] AS items';
      // A count asked for alone (`first: 0`, or only `totalCount` selected) reads no page at all.
      if (plan.limit > 0 || !plan.count || plan.after) {
        const sortKey = rename(SORT_KEYS[plan.order.key](plan.order.desc), vars, '');
        const dir = plan.order.desc ? ' DESC' : '';
        let after = '';
        if (plan.after) {
          const cmp = plan.order.desc ? '<' : '>';
          w.params.afterKey = plan.after.key;
          w.params.afterId = plan.after.id;
          after = ` AND (${sortKey} ${cmp} $afterKey OR (${sortKey} = $afterKey AND ${v}.id ${cmp} $afterId))`;
        }
        w.params.limit = neo4j.int(plan.limit + 1);
        page =
          `${matches}${after} WITH ${v}, ${sortKey} AS sortKey ORDER BY sortKey${dir}, ${v}.id${dir} LIMIT $limit ` +
          `RETURN collect({node: ${w.node(plan.node, v, 0, [])}, sortKey: sortKey}) AS items`;
      }
      return { head: `CALL () { ${count} } CALL () { ${page} }`, result: '{totalCount: totalCount, items: items}' };
    }
    case 'links': {
      w.params.ids = plan.ids;
      return { head: `UNWIND $ids AS id MATCH (${v}:Node {id: id})`, result: `{id: id, links: ${w.link(plan.link, v, 0, [])}}` };
    }
  }
}

/** Runs a root plan through the request's reader (batched with the other statements of its step). */
export async function readRoot(graph: GraphReader, name: string, plan: RootPlan): Promise<RootRead> {
  const { cypher, params } = compileRoot(plan);
  const paths = deferredPaths(plan);
  const rows = (await graph.query(name, cypher, params)).map((row) => joinDeferred(plan.kind, row, paths));
  switch (plan.kind) {
    case 'node':
      return { kind: 'node', node: rows[0] ? toNodeRead(rows[0], plan.node) : null };
    case 'nodes': {
      const row = parseRow(`${name} nodes`, NodesRootRow, rows[0]);
      const nodes = row.items.map((item) => toNodeRead(item, plan.node));
      return { kind: 'nodes', byId: new Map(nodes.map((node) => [node.props.id as string, node])) };
    }
    case 'list': {
      const row = parseRow(`${name} page`, ListRootRow, rows[0]);
      return { kind: 'list', totalCount: row.totalCount, items: row.items.map((i) => ({ node: toNodeRead(i.node, plan.node), sortKey: i.sortKey })) };
    }
    case 'links':
      return {
        kind: 'links',
        byId: new Map(rows.map((r) => parseRow(`${name} links`, LinksRootRow, r)).map((r) => [r.id, toLinkRead(r.links, plan.link)])),
      };
  }
}

/** A root list's row: the total count (-1 when not counted) and the page's node maps with their sort keys. */
const ListRootRow = rowSchema(z.object({ totalCount: z.number(), items: z.array(z.object({ node: props, sortKey: z.string() })) }));

/** The row of a read of many nodes by id: the node maps of those found. */
const NodesRootRow = rowSchema(z.object({ items: z.array(props) }));

/** A row of a link field read for many parents: the parent's id and its link result. */
const LinksRootRow = rowSchema(z.object({ id: z.string(), links: props.nullable() }));

/** A node map of a compiled read: its properties beside `_labels`, `_claims` and its links `_0`, `_1`, ... */
const NodeMap = rowSchema(z.looseObject({ id: z.string(), _labels: texts.optional(), _claims: PropsList.optional() }));

/** One link field's result in a compiled read (its items' nodes are node maps, parsed in turn). */
const LinkMap = rowSchema(
  z.object({
    totalCount: z.number(),
    items: z.array(
      z.object({
        node: props,
        rel: props,
        relClaims: PropsList.nullable(),
        outgoing: z.boolean(),
        parent: props.nullable(),
        sortKey: z.string(),
        tieId: z.string(),
      }),
    ),
  }),
);

/** Splits a projected node map into its properties and what the plan asked for beside them. */
function toNodeRead(row: unknown, plan: NodePlan): NodeRead {
  const map = parseRow('compiled node', NodeMap, row);
  const props: Props = {};
  for (const [key, value] of Object.entries(map)) if (!key.startsWith('_')) props[key] = value;
  return {
    props,
    labels: map._labels ?? [],
    claims: map._claims ?? null,
    links: plan.links.map((link, i) => toLinkRead(map[`_${i}`], link)),
  };
}

function toLinkRead(row: unknown, plan: LinkPlan): LinkRead {
  if (row == null) return { totalCount: 0, items: [] };
  const map = parseRow(`compiled ${plan.field.name}`, LinkMap, row);
  return {
    totalCount: map.totalCount,
    items: map.items.map((item) => ({
      node: toNodeRead(item.node, plan.node),
      rel: item.rel,
      relClaims: item.relClaims,
      outgoing: item.outgoing,
      parent: plan.parent && item.parent ? toNodeRead(item.parent, plan.parent) : null,
      sortKey: item.sortKey,
      tieId: item.tieId,
    })),
  };
}

/**
 * Compiled reads for one request, through its reader (so they batch and count like any other).
 * Every node and link item they return counts against `maxRows` (GRAPHQL_MAX_ROWS) for the whole
 * request; past it, the read that crossed it fails with RESULT_TOO_LARGE.
 */
export class ReadRepository {
  private rows = 0;

  constructor(
    private readonly graph: GraphReader,
    private readonly maxRows = Number.POSITIVE_INFINITY,
  ) {}

  /** Runs a root plan; `name` tags the statement. */
  async read(name: string, plan: RootPlan): Promise<RootRead> {
    const result = await readRoot(this.graph, name, plan);
    this.rows += rowsOf(result);
    if (this.rows > this.maxRows) throw new RequestLimitError('RESULT_TOO_LARGE', 'read nodes and links:', 'GRAPHQL_MAX_ROWS', this.rows, this.maxRows);
    return result;
  }

  /** Keeps claims a plan read, so the `claims`, `evidence` and `disputed` fields need no statement. */
  primeClaims(subject: string, claims: Props[]): void {
    this.graph.primeClaims(subject, claims);
  }
}

/** How many nodes and link items a read returned, at every depth. */
function rowsOf(read: RootRead): number {
  const node = (n: NodeRead): number => 1 + n.links.reduce((sum, l) => sum + link(l), 0);
  const link = (l: LinkRead): number => l.items.reduce((sum, i) => sum + node(i.node) + (i.parent ? node(i.parent) : 0), 0);
  if (read.kind === 'node') return read.node ? node(read.node) : 0;
  if (read.kind === 'nodes') return [...read.byId.values()].reduce((sum, n) => sum + node(n), 0);
  if (read.kind === 'list') return read.items.reduce((sum, i) => sum + node(i.node), 0);
  return [...read.byId.values()].reduce((sum, l) => sum + link(l), 0);
}
