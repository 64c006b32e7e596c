/**
 * What an operation would cost, read from its document before anything runs: how deep it nests,
 * how many aliases and directives it carries, and an estimate of the fields it could resolve.
 *
 * The estimate multiplies by list sizes, because that is where a small document turns into a big
 * response: a field inside a connection is resolved once per item of the page, so its cost is
 * counted `first` times (DEFAULT_PAGE_SIZE when `first` is not given); a field inside a plain list
 * is counted PLAIN_LIST_LIMIT times, the most such a list returns, unless `first`, `limit` or `k`
 * (given, or the argument's default in the schema) says how many it returns.
 * The lists of a connection (`nodes`, `edges`) hold that same page, so they do not multiply again.
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLList,
  type GraphQLSchema,
  isCompositeType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  valueFromASTUntyped,
  visit,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, PLAIN_LIST_LIMIT } from '../resolvers/connection';

/** The measures of one operation. */
export interface OperationMeasures {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

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
): OperationMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const rootType = schema.getRootType(operation.operation);
  const used = new Set<FragmentDefinitionNode>();
  const walk = (selections: SelectionSetNode, parent: GraphQLCompositeType | undefined | null): { depth: number; cost: number } => {
    let depth = 0;
    let cost = 0;
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(schema, parent, selection.name.value);
        const child = field ? getNamedType(field.type) : undefined;
        const inner = selection.selectionSet ? walk(selection.selectionSet, isCompositeType(child) ? child : undefined) : { depth: 0, cost: 0 };
        depth = Math.max(depth, 1 + inner.depth);
        const args = Object.fromEntries((selection.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]));
        cost += 1 + (field && parent ? listSize(field, parent, args) : 1) * inner.cost;
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
  return { depth, aliases, directives, cost };
}

/** The arguments by which a client sizes a list, in the order they are looked for. */
const SIZE_ARGUMENTS = ['first', 'limit', 'k'];

/** How many times the selection under `field` (of type `parent`) is resolved, at most. */
function listSize(field: GraphQLField<unknown, unknown>, parent: GraphQLCompositeType, args: Record<string, unknown>): number {
  const sized = (fallback: number) => {
    for (const name of SIZE_ARGUMENTS) {
      const asked = args[name] ?? field.args.find((a) => a.name === name)?.defaultValue;
      if (typeof asked === 'number' && Number.isInteger(asked) && asked >= 0) return asked;
    }
    return fallback;
  };
  const isList = getNullableType(field.type) instanceof GraphQLList;
  if (field.name.startsWith('__') || parent.name.startsWith('__')) return isList ? INTROSPECTION_LIST_SIZE : 1;
  if (isList) return parent.name.endsWith('Connection') ? 1 : sized(PLAIN_LIST_LIMIT);
  return field.args.some((a) => a.name === 'first') ? sized(DEFAULT_PAGE_SIZE) : 1;
}

/** The definition of field `name` of `parent`, the introspection entry points included. */
function fieldOf(schema: GraphQLSchema, parent: GraphQLCompositeType | undefined | null, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parent === schema.getQueryType() && name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (parent === schema.getQueryType() && name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return parent && 'getFields' in parent ? parent.getFields()[name] : undefined;
}
