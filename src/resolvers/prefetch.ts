/**
 * Plans the reads of a nested selection before they happen, so that `actor { meetingsConnection
 * { nodes { participantsConnection { ... } } } }` costs one database round trip instead of one per
 * level.
 *
 * When a field that returns nodes is about to be resolved, the planner walks its selection. For
 * each nested field that reads a page of links, it runs that field's own resolver once against a
 * capturing reader (GraphReader.capture), which records the link query the resolver would send
 * without sending anything. Those queries, nested as the selection nests them, are handed to the
 * reader (`withChildren`), which reads them in the same statement as the field's own read and
 * primes the loaders the nested resolvers will call. The resolvers stay the only place where
 * arguments become queries, so a planned page is exactly the page the resolver would have read;
 * anything the planner cannot see through is simply read later, as before.
 */
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
} from 'graphql';
import type { ChildPlan, GraphReader } from '../repositories/graph-reader';

/** The id a probed resolver is given as its parent's; a captured query asked about it is relative to the parent. */
const PROBE_ID = '\u0000probe';

/**
 * Element types that wrap a link rather than being the linked node, by the field that returns
 * them: which of their fields is the linked node (`n` of the link query). A Participation read
 * from `Meeting.participants` holds the participating actor in `actor`.
 */
const LINKED_NODE_FIELD: Record<string, string> = {
  'Meeting.participants': 'actor',
  'Meeting.participantsConnection': 'actor',
  'Actor.positions': 'position',
  'Actor.positionsConnection': 'position',
  'Position.holders': 'actor',
  'Position.holdersConnection': 'actor',
  'Actor.relations': 'other',
  'Actor.relationsConnection': 'other',
  'Event.involvement': 'actor',
  'Event.involvementConnection': 'actor',
};

/** A context whose repositories read through a capturing reader (and which plans nothing itself). */
export interface Probe<C> {
  reader: GraphReader;
  context: C;
}

/** Per request: plans nested reads for the resolvers, through a capturing copy of the context. */
export class Prefetcher<C> {
  private readonly plans = new Map<FieldNode, Map<string, ChildPlan[]>>();
  private probing?: Probe<C>;

  /** `reader` serves the request; `makeProbe` builds, when first needed, a context over a capturing reader. */
  constructor(
    private readonly reader: GraphReader,
    private readonly makeProbe: () => Probe<C>,
  ) {}

  /** Runs a resolver, first telling the reader which pages its selection will ask for below it. */
  run<T>(info: GraphQLResolveInfo, resolve: () => T): T {
    const children = this.childrenOf(info.parentType, info.fieldNodes, info);
    return children.length ? this.reader.withChildren(children, resolve) : resolve();
  }

  /** The pages that the selection of field `fieldNodes` (on `parent`) reads below each node it returns. */
  private childrenOf(parent: GraphQLObjectType, fieldNodes: readonly FieldNode[], info: GraphQLResolveInfo): ChildPlan[] {
    const byParent = this.plans.get(fieldNodes[0]) ?? new Map<string, ChildPlan[]>();
    this.plans.set(fieldNodes[0], byParent);
    let children = byParent.get(parent.name);
    if (!children) {
      const field = parent.getFields()[fieldNodes[0].name.value];
      children = field ? this.below(`${parent.name}.${field.name}`, getNamedType(field.type), selectionsOf(fieldNodes), info) : [];
      byParent.set(parent.name, children);
    }
    return children;
  }

  /** Plans below the nodes a field returns, given the field's return type and selection. */
  private below(owner: string, type: GraphQLNamedType, selections: readonly SelectionSetNode[], info: GraphQLResolveInfo): ChildPlan[] {
    if (!isObjectType(type)) return [];
    // A connection: its nodes are under `nodes` and `edges { node }`.
    const fields = type.getFields();
    if (fields.pageInfo && fields.nodes) {
      const element = getNamedType(fields.nodes.type);
      const nodes = [...fieldsNamed(type, selections, info, 'nodes'), ...fieldsNamed(getNamedType(fields.edges?.type) as GraphQLObjectType, selectionsOf(fieldsNamed(type, selections, info, 'edges')), info, 'node')];
      return this.below(owner, element, selectionsOf(nodes), info);
    }
    const linked = LINKED_NODE_FIELD[owner];
    if (linked && fields[linked]) {
      return this.below(`${type.name}.${linked}`, getNamedType(fields[linked].type), selectionsOf(fieldsNamed(type, selections, info, linked)), info);
    }
    if (!type.getInterfaces().some((i) => i.name === 'Node')) return [];
    const plans: ChildPlan[] = [];
    for (const node of collectFields(type, selections, info)) {
      const field = fields[node.name.value];
      const query = field?.resolve ? this.probe(type, field, node, info) : null;
      if (query) plans.push({ query, children: this.childrenOf(type, [node], info) });
    }
    return plans;
  }

  /** The link query `field`'s resolver would send for a parent node, or null when it sends none. */
  private probe(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, node: FieldNode, info: GraphQLResolveInfo) {
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, info.variableValues);
    } catch {
      return null; // the resolver will report the bad argument when it runs
    }
    const fieldInfo: GraphQLResolveInfo = { ...info, fieldName: field.name, fieldNodes: [node], returnType: field.type, parentType: type };
    this.probing ??= this.makeProbe();
    const { reader, context } = this.probing;
    const captured = reader.capture(() => field.resolve!({ id: PROBE_ID }, args, context, fieldInfo));
    return captured.length === 1 && captured[0].id === PROBE_ID ? captured[0].query : null;
  }
}

function selectionsOf(fields: readonly FieldNode[]): SelectionSetNode[] {
  return fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
}

/** The fields selected on `type`, through inline fragments and fragment spreads that apply to it. */
function collectFields(type: GraphQLObjectType, selections: readonly SelectionSetNode[], info: GraphQLResolveInfo): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || appliesTo(type, selection.typeCondition.name.value)) visit(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && appliesTo(type, fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  selections.forEach(visit);
  return fields;
}

function fieldsNamed(type: GraphQLObjectType, selections: readonly SelectionSetNode[], info: GraphQLResolveInfo, name: string): FieldNode[] {
  return collectFields(type, selections, info).filter((f) => f.name.value === name);
}

function appliesTo(type: GraphQLObjectType, condition: string): boolean {
  return condition === type.name || type.getInterfaces().some((i) => i.name === condition);
}
