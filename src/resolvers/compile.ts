/**
 * The read compiler's GraphQL half: turns the selection under a root field (or under a link field
 * reached from a node read some other way) into a read plan (src/repositories/read-plan.ts), runs
 * it as one statement, and turns the result back into models. Each model carries the values of
 * its link fields, keyed by the field's AST node, so the link resolvers below answer from memory;
 * a request whose whole selection compiles costs one round trip.
 *
 * Fields the plan cannot read (search, paths, analytics, a country's `asLocation`, ...) keep their
 * own resolvers; a node with such a field selected is read whole, as those resolvers expect.
 */
import DataLoader from 'dataloader';
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isLeafType,
  isObjectType,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type GraphQLNamedType,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import type { Context } from '../context';
import { toActor, toEvent, toLocation, toMeeting, toNode, toPosition, toSource, toStance, toStatement, type Props } from '../models/mappers';
import type { NodeModel } from '../models/models';
import { inForceFilter, inForceRange } from '../repositories/date-range';
import { type Filter, type Label, NODE_PROPERTIES, type PageRequest } from '../repositories/graph-reader';
import { type LinkField, linkField, LINK_FIELDS, ROOT_LABELS } from '../repositories/link-fields';
import type { ClaimRead, ItemRead, LinkPlan, LinkRead, NodePlan, NodeRead } from '../repositories/read-plan';
import { type ListType, sortSpec, whereFilter } from '../repositories/where';
import { PLAIN_LIST_LIMIT } from '../paging';
import { checkRanges, inForce, listName, pageRequest, toConnection } from './connection';

/** Where a model keeps the values of its link fields that a compiled read already holds. */
const PRELOADED = Symbol('preloaded link fields');

/** What the selection needs of the operation: its schema, fragments and variables. */
interface Operation {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** How the results of one link field become its value, beside its plan. */
interface LinkShape {
  /** The field's AST nodes: every one of them finds the value (see `preloaded`). */
  fieldNodes: readonly FieldNode[];
  kind: 'connection' | 'list' | 'single';
  field: LinkField;
  /** The list name a connection's cursors carry (see listName). */
  cursors: string;
  request: PageRequest;
  node: NodeShape;
  parent: NodeShape | null;
  /** A bad argument: the field answers with this error, and nothing is read for it. */
  error?: Error;
}

/** How the result of one node becomes its model, beside its plan. */
interface NodeShape {
  /** For an interface member's field: the label the node must have. */
  links: (LinkShape & { onLabel?: Label })[];
}

interface Planned {
  plan: NodePlan;
  shape: NodeShape;
}

const CLAIM_ORDER: ClaimRead[] = ['none', 'disputed', 'all'];
const moreClaims = (a: ClaimRead, b: ClaimRead): ClaimRead => (CLAIM_ORDER.indexOf(a) >= CLAIM_ORDER.indexOf(b) ? a : b);

/** Fields of every fact whose values come from its claims. */
const CLAIM_FIELDS = new Set(['evidence', 'claims']);
const DATE_SUFFIXES = ['', 'Precision', 'Inferred', 'Expression'];

/** Plans what to read of a node of `type` (an object type or an interface) for these selections. */
function planNode(op: Operation, type: GraphQLNamedType, groups: (readonly FieldNode[])[]): Planned {
  if (isAbstractType(type)) {
    // Each member's selection, its links read only for nodes with its label.
    const members = op.schema.getPossibleTypes(type).map((member) => ({ member, planned: planNode(op, member, groups) }));
    const all = members.some((m) => m.planned.plan.props === 'all');
    const plan: NodePlan = {
      props: all ? 'all' : [...new Set(members.flatMap((m) => m.planned.plan.props as string[]))],
      labels: true,
      claims: members.reduce<ClaimRead>((c, m) => moreClaims(c, m.planned.plan.claims), 'none'),
      links: [],
    };
    const shape: NodeShape = { links: [] };
    for (const { member, planned } of members) {
      planned.plan.links.forEach((link, i) => {
        plan.links.push({ ...link, onLabel: ROOT_LABELS[member.name] });
        shape.links.push({ ...planned.shape.links[i], onLabel: ROOT_LABELS[member.name] });
      });
    }
    return { plan, shape };
  }
  if (!isObjectType(type)) throw new Error(`cannot plan a read of ${String(type)}`);
  const props = new Set<string>();
  let all = false;
  let claims: ClaimRead = 'none';
  const plan: NodePlan = { props: [], claims, links: [] };
  const shape: NodeShape = { links: [] };
  for (const group of groups) {
    for (const nodes of collectSubfields(op.schema, op.fragments, op.variables, type, group).values()) {
      const name = nodes[0].name.value;
      if (name === '__typename') continue;
      const def = type.getFields()[name];
      const link = linkField(type.name, name);
      if (link) {
        const planned = planLink(op, type, def, nodes, link);
        plan.links.push(planned.plan);
        shape.links.push(planned.shape);
      } else if (CLAIM_FIELDS.has(name)) {
        claims = 'all';
      } else if (name === 'disputed') {
        props.add('disputed');
        claims = moreClaims(claims, 'disputed');
      } else if (getNamedType(def.type).name === 'FuzzyDate') {
        for (const suffix of DATE_SUFFIXES) props.add(`${name}${suffix}`);
      } else if (name.endsWith('Kind')) {
        props.add('kind');
      } else if (isLeafType(getNamedType(def.type)) && NODE_PROPERTIES.includes(name)) {
        props.add(name);
      } else if (type.name === 'Source' && name === 'sentences') {
        props.add('sentences');
      } else {
        // A field with a resolver of its own (asLocation, ...): it gets the whole model.
        all = true;
      }
    }
  }
  plan.props = all ? 'all' : [...props];
  plan.claims = claims;
  return { plan, shape };
}

/** Plans one link field: its arguments, page and what to read of each item. */
function planLink(
  op: Operation,
  type: GraphQLObjectType,
  def: GraphQLField<unknown, unknown>,
  nodes: readonly FieldNode[],
  link: LinkField,
): { plan: LinkPlan; shape: LinkShape } {
  const connection = def.name.endsWith('Connection');
  const kind = link.single ? 'single' : connection ? 'connection' : 'list';
  const args = getArgumentValues(def, nodes[0], op.variables) as {
    where?: unknown;
    orderBy?: { field: string; direction?: string | null } | null;
    first?: number | null;
    after?: string | null;
    asOf?: string | null;
    during?: { from?: string | null; to?: string | null } | null;
  };
  const cursors = listName(type.name, def.name, args.orderBy);
  const itemType = getNamedType(def.type);
  // What to read of each item: a node, or a relationship with its ends.
  const itemGroups: (readonly FieldNode[])[] = [];
  let counted = false;
  let onlyCount = true;
  if (kind === 'connection') {
    for (const sub of collectSubfields(op.schema, op.fragments, op.variables, itemType as GraphQLObjectType, nodes).values()) {
      const name = sub[0].name.value;
      if (name !== 'totalCount' && name !== '__typename') onlyCount = false;
      if (name === 'totalCount') counted = true;
      if (name === 'nodes') itemGroups.push(sub);
      if (name === 'edges') {
        const edgeType = getNamedType((itemType as GraphQLObjectType).getFields().edges.type) as GraphQLObjectType;
        for (const edgeSub of collectSubfields(op.schema, op.fragments, op.variables, edgeType, sub).values()) {
          if (edgeSub[0].name.value === 'node') itemGroups.push(edgeSub);
        }
      }
    }
  } else {
    itemGroups.push(nodes);
  }
  const elementType = kind === 'connection' ? getNamedType((itemType as GraphQLObjectType).getFields().nodes.type) : itemType;
  const { node, parent, rel } = link.ends
    ? planEnds(op, elementType as GraphQLObjectType, itemGroups, link)
    : { node: planNode(op, elementType, itemGroups), parent: null, rel: null };
  const shape: LinkShape = {
    fieldNodes: nodes,
    kind,
    field: link,
    cursors,
    request: { limit: 0, after: null },
    node: node.shape,
    parent: parent?.shape ?? null,
  };
  const plan: LinkPlan = {
    field: link,
    filter: { predicates: [], params: {} },
    order: { key: link.single ?? 'id', desc: false },
    limit: 0,
    more: false,
    after: null,
    count: false,
    node: node.plan,
    rel,
    parent: parent?.plan ?? null,
  };
  try {
    const type = link.type as ListType;
    let filter: Filter = whereFilter(type, args.where as never);
    if (link.inForce) {
      const when = inForce(args.asOf, kind === 'connection' ? args.during : null);
      const extra = inForceFilter(inForceRange(when), link.inForce);
      filter = { predicates: [...filter.predicates, ...extra.predicates], params: { ...filter.params, ...extra.params } };
    }
    plan.filter = filter;
    if (kind === 'single') {
      plan.limit = 1;
    } else if (kind === 'list') {
      plan.order = sortSpec(type, null);
      plan.limit = PLAIN_LIST_LIMIT;
    } else {
      checkRanges(args.where, 'where');
      const request = pageRequest(args.first, args.after, cursors);
      shape.request = request;
      plan.order = sortSpec(type, args.orderBy as never);
      // Asked for its count alone, a connection reads no page.
      const countOnly = request.after === null && onlyCount;
      plan.limit = countOnly ? 0 : request.limit;
      plan.more = !countOnly;
      plan.after = request.after;
      plan.count = counted;
    }
  } catch (error) {
    shape.error = error as Error;
    plan.limit = 0;
    plan.count = false;
  }
  return { plan, shape };
}

/** Plans a list of relationships (a Participation): its node end, its parent end, its claims. */
function planEnds(
  op: Operation,
  type: GraphQLObjectType,
  groups: (readonly FieldNode[])[],
  link: LinkField,
): { node: Planned; parent: Planned | null; rel: { props: string[]; claims: ClaimRead } } {
  const nodeGroups: (readonly FieldNode[])[] = [];
  const parentGroups: (readonly FieldNode[])[] = [];
  const props = new Set<string>();
  let claims: ClaimRead = 'none';
  let nodeType: GraphQLNamedType | null = null;
  let parentType: GraphQLNamedType | null = null;
  for (const group of groups) {
    for (const sub of collectSubfields(op.schema, op.fragments, op.variables, type, group).values()) {
      const name = sub[0].name.value;
      const end = link.ends?.[name];
      const endType = end ? getNamedType(type.getFields()[name].type) : null;
      if (end === 'node' || end === 'subjectEnd' || end === 'objectEnd') {
        nodeGroups.push(sub);
        nodeType = endType;
      }
      if (end === 'parent' || end === 'subjectEnd' || end === 'objectEnd') {
        parentGroups.push(sub);
        parentType = endType;
      }
      for (const prop of REL_PROPS[name] ?? []) props.add(prop);
      if (CLAIM_FIELDS.has(name)) claims = 'all';
      if (name === 'disputed') claims = moreClaims(claims, 'disputed');
    }
  }
  const node = nodeType ? planNode(op, nodeType, nodeGroups) : { plan: { props: [], claims: 'none' as const, links: [] }, shape: { links: [] } };
  const parent = parentType ? planNode(op, parentType, parentGroups) : null;
  return { node, parent, rel: { props: [...props], claims } };
}

/** The relationship properties each field of a relationship's model reads (see link-fields.ts). */
const REL_PROPS: Record<string, string[]> = {
  role: ['role'],
  type: ['relation'],
  since: DATE_SUFFIXES.map((s) => `since${s}`),
  until: DATE_SUFFIXES.map((s) => `until${s}`),
  sourceCount: ['sourceCount'],
  evidence: ['key'],
  claims: ['key'],
  disputed: ['key', 'disputed'],
};

/** The value a compiled read already holds for this field of `parent`, or `undefined`. */
function preloaded(parent: unknown, info: GraphQLResolveInfo): unknown {
  const values = (parent as { [PRELOADED]?: Map<FieldNode, unknown> } | null)?.[PRELOADED];
  const value = values?.get(info.fieldNodes[0]);
  if (value instanceof Error) throw value;
  return value;
}

/** Turns read results into models carrying their link fields' values. */
class Builder {
  constructor(private readonly ctx: Context) {}

  node<M extends object>(read: NodeRead, shape: NodeShape, model: M): M {
    // A relationship's model may show the same node at two ends (an actor relation's `other`).
    if (PRELOADED in model) return model;
    const key = (read.props.id as string) ?? null;
    if (read.claims && key) this.ctx.reads.primeClaims(key, read.claims);
    const values = new Map<FieldNode, unknown>();
    shape.links.forEach((link, i) => {
      if (link.onLabel && !read.labels.includes(link.onLabel)) return;
      const value = link.error ?? this.link(read.links[i], link, model as unknown as NodeModel);
      for (const fieldNode of link.fieldNodes) values.set(fieldNode, value);
    });
    Object.defineProperty(model, PRELOADED, { value: values, enumerable: false });
    return model;
  }

  link(read: LinkRead, shape: LinkShape, parent: NodeModel): unknown {
    const limit = shape.kind === 'connection' ? shape.request.limit : Number.MAX_SAFE_INTEGER;
    const items = read.items.slice(0, limit).map((item) => ({ node: this.item(item, shape, parent), sortKey: item.sortKey, id: item.tieId }));
    if (shape.kind === 'single') return items[0]?.node ?? null;
    if (shape.kind === 'list') return items.map((i) => i.node);
    return toConnection({ items, hasNextPage: read.items.length > shape.request.limit, totalCount: read.totalCount }, shape.request, shape.cursors);
  }

  private item(item: ItemRead, shape: LinkShape, parent: NodeModel): unknown {
    const row = { node: item.node.props, labels: item.node.labels, rel: item.rel, outgoing: item.outgoing };
    const parentModel = shape.parent && item.parent ? (this.node(item.parent, shape.parent, modelOf(parent.nodeType, item.parent)) as NodeModel) : parent;
    const value = shape.field.map(row, parentModel) as Record<string, unknown> | null;
    if (value === null) return null;
    if (!shape.field.ends) return this.node(item.node, shape.node, value);
    if (item.relClaims) this.ctx.reads.primeClaims(item.rel.key as string, item.relClaims);
    for (const [field, end] of Object.entries(shape.field.ends)) {
      const model = value[field];
      if (model && typeof model === 'object' && model !== parentModel && end !== 'parent') this.node(item.node, shape.node, model);
    }
    return value;
  }
}

/** A node's model by its GraphQL type (a country read as an Actor stays one). */
function modelOf(type: string, read: NodeRead): object {
  const mappers: Record<string, (props: Props, labels: string[]) => object | null> = {
    Actor: toActor,
    Location: toLocation,
    Meeting: toMeeting,
    Position: toPosition,
    Statement: toStatement,
    Stance: toStance,
    Event: toEvent,
    Source: toSource,
  };
  return (mappers[type] ?? toNode)(read.props, read.labels) ?? {};
}

const operationOf = (info: GraphQLResolveInfo): Operation => ({ schema: info.schema, fragments: info.fragments, variables: info.variableValues });

/** `Query.actor(id)` and the like: one node of a type (or any node for `Node`) and all it selects. */
export function compiledNode(type: string) {
  return async (_: unknown, args: { id: string }, ctx: Context, info: GraphQLResolveInfo) => {
    const { plan, shape } = planNode(operationOf(info), getNamedType(info.returnType), [info.fieldNodes]);
    const read = await ctx.reads.read(`read ${info.fieldName}`, { kind: 'node', label: ROOT_LABELS[type], id: args.id, node: plan });
    if (read.kind !== 'node' || !read.node) return null;
    return new Builder(ctx).node(read.node, shape, modelOf(type, read.node));
  };
}

/** `Query.actors` and the like: one page (or, `plain`, the first PLAIN_LIST_LIMIT) of a type's nodes. */
export function compiledList(type: string, plain = false) {
  return async (
    _: unknown,
    args: { where?: unknown; orderBy?: unknown; first?: number | null; after?: string | null },
    ctx: Context,
    info: GraphQLResolveInfo,
  ) => {
    const op = operationOf(info);
    const cursors = listName(info.parentType.name, info.fieldName, args.orderBy);
    const request = plain ? { limit: PLAIN_LIST_LIMIT, after: null } : pageRequest(args.first, args.after, cursors);
    checkRanges(args.where, 'where');
    const itemGroups: (readonly FieldNode[])[] = [];
    let counted = false;
    let onlyCount = !plain;
    if (plain) {
      itemGroups.push(info.fieldNodes);
    } else {
      const connectionType = getNamedType(info.returnType) as GraphQLObjectType;
      for (const sub of collectSubfields(op.schema, op.fragments, op.variables, connectionType, info.fieldNodes).values()) {
        const name = sub[0].name.value;
        if (name !== 'totalCount' && name !== '__typename') onlyCount = false;
        if (name === 'totalCount') counted = true;
        if (name === 'nodes') itemGroups.push(sub);
        if (name === 'edges') {
          const edgeType = getNamedType(connectionType.getFields().edges.type) as GraphQLObjectType;
          for (const edgeSub of collectSubfields(op.schema, op.fragments, op.variables, edgeType, sub).values()) {
            if (edgeSub[0].name.value === 'node') itemGroups.push(edgeSub);
          }
        }
      }
    }
    const { plan, shape } = planNode(op, op.schema.getType(type) as GraphQLObjectType, itemGroups);
    const listType = type as ListType;
    // Asked for its count alone, a list reads no page; its count says whether there is one.
    const countOnly = !plain && request.after === null && counted && (onlyCount || request.limit === 0);
    const read = await ctx.reads.read(`read ${info.fieldName}`, {
      kind: 'list',
      label: ROOT_LABELS[type],
      filter: whereFilter(listType, args.where as never),
      order: sortSpec(listType, args.orderBy as never),
      limit: countOnly ? 0 : request.limit,
      after: request.after,
      count: counted,
      node: plan,
    });
    if (read.kind !== 'list') throw new Error('a list read returned another shape');
    const builder = new Builder(ctx);
    const items = read.items.slice(0, request.limit).map((item) => ({
      node: builder.node(item.node, shape, modelOf(type, item.node)),
      sortKey: item.sortKey,
      id: item.node.props.id as string,
    }));
    if (plain) return items.map((i) => i.node);
    const hasNextPage = countOnly ? read.totalCount > 0 : read.items.length > request.limit;
    return toConnection({ items, hasNextPage, totalCount: read.totalCount }, request, cursors);
  };
}

/** One entity a federation gateway asks for: its type and id (a representation, checked). */
export interface EntityReference {
  type: string;
  id: string;
}

/** Per request, per `_entities` selection: the loader that reads every entity asked for in one statement. */
const entityLoaders = new WeakMap<Context, Map<string, DataLoader<EntityReference, object | null, string>>>();

/**
 * An entity's `__resolveReference` (the node of `reference.type` with `reference.id`, and all the
 * `_entities` selection asks of it), or null when there is no such node. The references of one
 * `_entities` field, of any types, are read together in one compiled statement, planned once over
 * the selection of every entity type; a node whose labels do not match the type asked for is null,
 * as an unknown id is.
 */
export function compiledEntity(reference: EntityReference, ctx: Context, info: GraphQLResolveInfo): Promise<object | null> {
  let loaders = entityLoaders.get(ctx);
  if (!loaders) entityLoaders.set(ctx, (loaders = new Map()));
  const key = selectionKey(info.fieldNodes);
  let loader = loaders.get(key);
  if (!loader) {
    const op = operationOf(info);
    const entityType = getNamedType(info.returnType);
    loader = new DataLoader(
      async (references) => {
        const { plan, shape } = planNode(op, entityType, [info.fieldNodes]);
        const ids = [...new Set(references.map((r) => r.id))];
        const read = await ctx.reads.read(`read ${info.fieldName}`, { kind: 'nodes', ids, node: plan });
        if (read.kind !== 'nodes') throw new Error('a read of nodes returned another shape');
        const builder = new Builder(ctx);
        return references.map(({ type, id }) => {
          const node = read.byId.get(id);
          if (!node || !node.labels.includes(ROOT_LABELS[type])) return null;
          return builder.node(node, shape, modelOf(type, node));
        });
      },
      { cacheKeyFn: (r) => `${r.type}\u0000${r.id}` },
    );
    loaders.set(key, loader);
  }
  return loader.load(reference);
}

/** Per request, per field: the loader that reads one link field for every parent in one statement. */
const linkLoaders = new WeakMap<Context, Map<string, DataLoader<NodeModel, unknown, string>>>();

/** Numbers AST nodes, so a field's selection (one or more merged nodes) has a key. */
const fieldNodeIds = new WeakMap<FieldNode, number>();
let nextFieldNodeId = 0;
function selectionKey(nodes: readonly FieldNode[]): string {
  return nodes
    .map((node) => {
      let id = fieldNodeIds.get(node);
      if (id === undefined) fieldNodeIds.set(node, (id = nextFieldNodeId++));
      return id;
    })
    .join(',');
}

/**
 * A link field's resolver: the value a compiled read already holds, or else one compiled read of
 * this field (and everything selected below it) for all parents of this step together.
 */
function compiledLink(parent: NodeModel, _: unknown, ctx: Context, info: GraphQLResolveInfo): unknown {
  const value = preloaded(parent, info);
  if (value !== undefined) return value;
  let loaders = linkLoaders.get(ctx);
  if (!loaders) linkLoaders.set(ctx, (loaders = new Map()));
  const key = `${info.parentType.name}.${info.fieldName} ${selectionKey(info.fieldNodes)}`;
  let loader = loaders.get(key);
  if (!loader) {
    const op = operationOf(info);
    const type = info.parentType;
    const def = type.getFields()[info.fieldName];
    const link = linkField(type.name, info.fieldName)!;
    loader = new DataLoader(
      async (parents) => {
        const { plan, shape } = planLink(op, type, def, info.fieldNodes, link);
        if (shape.error) return parents.map(() => shape.error);
        const read = await ctx.reads.read(`read ${type.name}.${info.fieldName}`, { kind: 'links', ids: parents.map((p) => p.id), link: plan });
        if (read.kind !== 'links') throw new Error('a link read returned another shape');
        const builder = new Builder(ctx);
        return parents.map((p) => builder.link(read.byId.get(p.id) ?? { totalCount: 0, items: [] }, shape, p));
      },
      { cacheKeyFn: (p) => p.id },
    );
    loaders.set(key, loader);
  }
  return loader.load(parent);
}

/** The resolvers of every link field in the table (`Actor.meetings`, `Actor.meetingsConnection`, ...). */
export function linkResolvers(): Record<string, Record<string, typeof compiledLink>> {
  const out: Record<string, Record<string, typeof compiledLink>> = {};
  for (const [type, fields] of Object.entries(LINK_FIELDS)) {
    out[type] = {};
    for (const [name, link] of Object.entries(fields)) {
      out[type][name] = compiledLink;
      if (!link.single && !link.plainOnly) out[type][`${name}Connection`] = compiledLink;
    }
  }
  return out;
}

/** Stance.actor must exist: the loader refuses a stance without one. */
export function requiredLink(resolve: typeof compiledLink, what: string) {
  return async (parent: NodeModel, args: unknown, ctx: Context, info: GraphQLResolveInfo) => {
    const value = await resolve(parent, args, ctx, info);
    if (value == null) throw new Error(`${parent.nodeType.toLowerCase()} ${parent.id} has no ${what}`);
    return value;
  };
}
export { compiledLink };
