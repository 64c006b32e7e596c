/**
 * What an operation would cost, read from its document before anything runs: how deep it nests,
 * how many aliases and directives it carries, and an estimate of the fields it could resolve.
 *
 * The estimate multiplies by list sizes, because that is where a small document turns into a big
 * response: a field inside a connection is resolved once per item of the page, so its cost is
 * counted `first` times (DEFAULT_PAGE_SIZE when `first` is not given); a field inside a plain list
 * is counted PLAIN_LIST_LIMIT times, the most such a list returns, unless `first`, `limit` or `k`
 * (given, or the argument's default in the schema) says how many it returns, or, for a link field
 * (`Actor.meetings`), as many times as such a list holds on average in the graph (`typicalSizes`,
 * from src/repositories/link-stats.ts): the estimate then describes this graph, not the worst one,
 * and what a request really reads is bounded as it runs (GRAPHQL_MAX_ROWS).
 * The lists of a connection (`nodes`, `edges`) hold that same page, so they do not multiply again.
 *
 * Input objects (`where` filters, mutation inputs) are measured too, with variables applied, since
 * each one becomes Cypher: a small document can carry a filter 600 `NOT`s deep or an `OR` of
 * 10,000 branches in its variables, and Neo4j's parser and planner, which no timeout stops, choke on
 * the statement that follows. And fields whose work grows with the graph (EXPENSIVE_FIELDS) are
 * counted, to bound them per request and to queue them (see work-queue.ts).
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLList,
  type GraphQLInputType,
  type GraphQLSchema,
  isCompositeType,
  isInputObjectType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  valueFromASTUntyped,
  visit,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, PLAIN_LIST_LIMIT } from '../paging';

/** The measures of one operation. */
export interface OperationMeasures {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
  /** Deepest nesting of input objects in one argument (a `where` inside `NOT` inside `OR` is 3). */
  inputDepth: number;
  /** Entries of lists of input objects (the `AND`s and `OR`s of filters), all arguments together. */
  inputBranches: number;
  /** Fields set in input objects, all arguments together. */
  inputFields: number;
  /** Expensive fields selected (EXPENSIVE_FIELDS), each alias counted. */
  expensive: number;
  /** Entity representations sent to `_entities` (the federation gateway's lookups), all aliases together. */
  representations: number;
}

/**
 * Fields whose work grows with the graph rather than with the page asked for: full-text search,
 * path finding, neighbourhoods, and the whole-graph analytics. An operation that selects any of
 * them is expensive: it waits for a place in the work queue.
 */
export const EXPENSIVE_FIELDS: ReadonlySet<string> = new Set([
  'Query.search',
  'Query.path',
  'Query.paths',
  'Query.neighbourhood',
  'Query.stats',
  'Query.topActors',
  'Query.coOccurrence',
  'Query.stanceMatrix',
  'Query.timelineBuckets',
  'Query.sourceStats',
  'Query.disputes',
]);

/**
 * Introspection lists are resolved in memory and bounded by the schema, so they count as a nominal
 * 10 items: the standard introspection query stays cheap, while `fields { type { fields ... } }`
 * nesting still grows tenfold per level and meets the cost limit.
 */
const INTROSPECTION_LIST_SIZE = 10;

/**
 * Measures `operation` of a document that has passed validation (so fragments exist and do not
 * form cycles); `variables` give the values of `first` and `limit` sent as variables.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
  typicalSizes: Record<string, number> = {},
): OperationMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // Variables not sent take their declared defaults, as execution will.
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) values[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  Object.assign(values, variables);
  const rootType = schema.getRootType(operation.operation);
  const used = new Set<FragmentDefinitionNode>();
  const inputs: InputMeasures = { depth: 0, branches: 0, fields: 0 };
  let expensive = 0;
  let representations = 0;
  const walk = (selections: SelectionSetNode, parent: GraphQLCompositeType | undefined | null): { depth: number; cost: number } => {
    let depth = 0;
    let cost = 0;
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(schema, parent, selection.name.value);
        const child = field ? getNamedType(field.type) : undefined;
        const inner = selection.selectionSet ? walk(selection.selectionSet, isCompositeType(child) ? child : undefined) : { depth: 0, cost: 0 };
        depth = Math.max(depth, 1 + inner.depth);
        const args = Object.fromEntries((selection.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, values)]));
        for (const arg of field?.args ?? []) {
          if (args[arg.name] != null && isFilter(arg.type)) addInputMeasures(inputs, args[arg.name], arg.type);
        }
        if (field && parent && EXPENSIVE_FIELDS.has(`${parent.name}.${field.name}`)) expensive += 1;
        // `_entities` resolves its selection once per representation.
        const entities = parent === schema.getQueryType() && field?.name === ENTITIES_FIELD ? representationCount(args.representations) : null;
        if (entities !== null) representations += entities;
        cost += 1 + (entities ?? (field && parent ? listSize(field, parent, args, typicalSizes) : 1)) * inner.cost;
      } else {
        const spread = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : undefined;
        if (spread) used.add(spread);
        const fragment = spread ?? (selection.kind === Kind.INLINE_FRAGMENT ? selection : undefined);
        if (!fragment) continue;
        const typeName = fragment.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        const inner = walk(fragment.selectionSet, isCompositeType(type) ? type : parent);
        depth = Math.max(depth, inner.depth);
        cost += inner.cost;
      }
    }
    return { depth, cost };
  };
  const { depth, cost } = walk(operation.selectionSet, rootType);
  // Aliases and directives are counted in the text actually sent for this operation, fragments included.
  let aliases = 0;
  let directives = 0;
  for (const node of [operation, ...used]) {
    visit(node, {
      Field: (field) => void (field.alias && aliases++),
      Directive: () => void directives++,
    });
  }
  return {
    depth,
    aliases,
    directives,
    cost,
    inputDepth: inputs.depth,
    inputBranches: inputs.branches,
    inputFields: inputs.fields,
    expensive,
    representations,
  };
}

/** The federation subgraph's root field that looks entities up by their representations. */
const ENTITIES_FIELD = '_entities';

/** How many representations an `_entities` argument holds (one value that is not a list is one, as input coercion makes it). */
function representationCount(value: unknown): number {
  if (value == null) return 0;
  return Array.isArray(value) ? value.length : 1;
}

/**
 * Whether an argument is a filter (a `*Where` input): what the where compiler turns into Cypher,
 * and so what the filter bounds apply to. Mutation inputs are validated by their own rules (a list
 * of 30 evidence entries is no filter branch).
 */
function isFilter(type: GraphQLInputType): boolean {
  return getNamedType(type).name.endsWith('Where');
}

/** Nesting, list entries and fields of input objects. */
export interface InputMeasures {
  depth: number;
  branches: number;
  fields: number;
}

/**
 * Adds the measures of `value`, given for an argument of type `type`, to `into` (depth as the
 * maximum, the counts as sums). Only input objects count: a scalar, even a JSON one, is one value.
 * The walk keeps its own stack, so a value nested 100,000 deep cannot overflow the call stack.
 */
export function addInputMeasures(into: InputMeasures, value: unknown, type: GraphQLInputType): void {
  const stack: { value: unknown; type: GraphQLInputType; level: number }[] = [{ value, type, level: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const nullable = getNullableType(item.type);
    if (item.value == null) continue;
    if (isListType(nullable)) {
      const entries = Array.isArray(item.value) ? item.value : [item.value];
      if (isInputObjectType(getNamedType(nullable))) into.branches += entries.length;
      for (const entry of entries) stack.push({ value: entry, type: nullable.ofType, level: item.level });
    } else if (isInputObjectType(nullable) && typeof item.value === 'object' && !Array.isArray(item.value)) {
      into.depth = Math.max(into.depth, item.level + 1);
      const fields = nullable.getFields();
      for (const [name, inner] of Object.entries(item.value)) {
        if (inner == null || !fields[name]) continue; // Unknown fields are refused when the value is coerced.
        into.fields += 1;
        stack.push({ value: inner, type: fields[name].type, level: item.level + 1 });
      }
    }
  }
}

/** The arguments by which a client sizes a list, in the order they are looked for. */
const SIZE_ARGUMENTS = ['first', 'limit', 'k'];

/**
 * Plain lists whose length the schema bounds: a fact's disputed fields and a claim's values are at
 * most the value fields of a type (src/facts/claims.ts: no type has more than 8), and the values
 * competing for one field are rarely more than a few. Counting them as PLAIN_LIST_LIMIT items
 * would refuse ordinary questions about disputes.
 */
const BOUNDED_LISTS: Record<string, number> = { disputed: 8, 'Claim.values': 8, 'Claim.names': 8, 'DisputedField.values': 8, 'Dispute.fields': 8 };

/** How many times the selection under `field` (of type `parent`) is resolved, at most. */
function listSize(
  field: GraphQLField<unknown, unknown>,
  parent: GraphQLCompositeType,
  args: Record<string, unknown>,
  typicalSizes: Record<string, number>,
): number {
  const sized = (fallback: number) => {
    for (const name of SIZE_ARGUMENTS) {
      const asked = args[name] ?? field.args.find((a) => a.name === name)?.defaultValue;
      if (typeof asked === 'number' && Number.isInteger(asked) && asked >= 0) return asked;
    }
    return fallback;
  };
  const isList = getNullableType(field.type) instanceof GraphQLList;
  if (field.name.startsWith('__') || parent.name.startsWith('__')) return isList ? INTROSPECTION_LIST_SIZE : 1;
  const bounded = BOUNDED_LISTS[`${parent.name}.${field.name}`] ?? BOUNDED_LISTS[field.name];
  if (isList && bounded !== undefined) return bounded;
  if (isList && parent.name.endsWith('Connection')) return 1;
  // A link field's plain list counts as many items as such a list holds on average in this graph.
  const typical = typicalSizes[`${parent.name}.${field.name}`];
  if (isList) return sized(typical === undefined ? PLAIN_LIST_LIMIT : Math.min(typical, PLAIN_LIST_LIMIT));
  return field.args.some((a) => a.name === 'first') ? sized(DEFAULT_PAGE_SIZE) : 1;
}

/** The definition of field `name` of `parent`, the introspection entry points included. */
function fieldOf(schema: GraphQLSchema, parent: GraphQLCompositeType | undefined | null, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parent === schema.getQueryType() && name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (parent === schema.getQueryType() && name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return parent && 'getFields' in parent ? parent.getFields()[name] : undefined;
}
