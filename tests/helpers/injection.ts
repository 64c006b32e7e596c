/**
 * Injection payloads and the argument positions they go through, found by introspecting the
 * schema: every String, ID and custom-scalar argument of a root type's fields, input-object fields
 * one level down included. Shared by the injection tests of queries and of mutations.
 */
import {
  getNamedType,
  getNullableType,
  type GraphQLInputType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLEnumType,
  GraphQLScalarType,
  type GraphQLSchema,
  isCompositeType,
} from 'graphql';

export const PAYLOADS = [
  "' OR 1=1 //",
  '"}) DETACH DELETE n //',
  "'}) MATCH (n) DETACH DELETE n RETURN 1 //",
  '\u0027 OR \u0027\u0027=\u0027',
  '`Actor` DETACH DELETE',
  'x` ]-() DETACH DELETE n //',
  '$param',
  '{id: $id}',
  'name:* OR *',
  'name:*',
  '*',
  '?',
  '~',
  'putin~0.1',
  '^10',
  'a^',
  '"',
  '"unterminated',
  '\\',
  '\\\\',
  '/.*/',
  '.*',
  '(?i).*',
  '[a-z',
  'AND OR NOT',
  '&& || !',
  '+-&&||!(){}[]^"~*?:\\/',
  '\u0000',
  'a\u0000b',
  '\u202e\u200b\ufeff',
  'Зеленський 泽连斯基 🇺🇦',
  '\ud83d',
  'x'.repeat(20_000),
  'word '.repeat(1_000),
  '',
  ' ',
];

/** A value of `type`: `payload` where a string goes, else a plain valid-looking value. */
function valueOf(type: GraphQLInputType, payload: string): unknown {
  const nullable = getNullableType(type);
  if (nullable instanceof GraphQLList) return [valueOf(nullable.ofType, payload)];
  if (nullable instanceof GraphQLEnumType) return nullable.getValues()[0].name;
  if (nullable instanceof GraphQLInputObjectType) {
    const fields = Object.values(nullable.getFields()).filter((f) => f.type instanceof GraphQLNonNull);
    return Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, payload)]));
  }
  const scalar = nullable as GraphQLScalarType;
  if (scalar.name === 'Int') return 1;
  if (scalar.name === 'Float') return 1;
  if (scalar.name === 'Boolean') return false;
  if (scalar.name === 'PartialDate') return '2025';
  return payload;
}

export interface Target {
  field: string;
  /** The argument, and the input-object fields below it, that carry the payload. */
  path: string[];
  query: string;
  variables: (payload: string) => Record<string, unknown>;
}

/** The String/ID/custom-scalar positions below `type`, as paths (into input objects one level down). */
function stringPaths(type: GraphQLInputType, depth = 0): string[][] {
  const named = getNamedType(type);
  if (named instanceof GraphQLScalarType) return ['String', 'ID', 'JSON', 'PartialDate'].includes(named.name) ? [[]] : [];
  if (!(named instanceof GraphQLInputObjectType) || depth > 1) return [];
  return Object.values(named.getFields()).flatMap((f) => stringPaths(f.type, depth + 1).map((p) => [f.name, ...p]));
}

/** Every payload position of the fields of `root` (the schema's query or mutation type). */
export function targets(schema: GraphQLSchema, root: 'query' | 'mutation'): Target[] {
  const result: Target[] = [];
  const type = root === 'query' ? schema.getQueryType() : schema.getMutationType();
  for (const field of Object.values(type!.getFields())) {
    const returned = getNamedType(field.type);
    // Mutation payloads report refused input as userErrors: those are answers too.
    const userErrors = returned instanceof GraphQLObjectType && returned.getFields().userErrors ? ' userErrors { code }' : '';
    const selection = isCompositeType(returned) ? ` { __typename${userErrors} }` : '';
    for (const arg of field.args) {
      for (const path of stringPaths(arg.type)) {
        const declared = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        result.push({
          field: field.name,
          path: [arg.name, ...path],
          query: `${root} (${declared}) { ${field.name}(${passed})${selection} }`,
          variables: (payload) => {
            const variables: Record<string, unknown> = {};
            for (const a of field.args) if (a.type instanceof GraphQLNonNull || a === arg) variables[a.name] = valueOf(a.type, payload);
            variables[arg.name] = place(arg.type, path, payload, variables[arg.name]);
            return variables;
          },
        });
      }
    }
  }
  return result;
}

/** `base` (a value of `type`) with `payload` put at `path`, as a list where the type is one. */
function place(type: GraphQLInputType, path: string[], payload: string, base: unknown): unknown {
  const nullable = getNullableType(type);
  if (nullable instanceof GraphQLList) return [place(nullable.ofType, path, payload, Array.isArray(base) ? base[0] : undefined)];
  if (path.length === 0) return payload;
  const input = nullable as GraphQLInputObjectType;
  const field = input.getFields()[path[0]];
  const object = (base && typeof base === 'object' ? base : valueOf(input, payload)) as Record<string, unknown>;
  return { ...object, [path[0]]: place(field.type, path.slice(1), payload, object[path[0]]) };
}

/** In npm test, a field with more payload positions than this takes each payload at one in this many of them. */
const STRIDE = 4;

/**
 * The requests an injection test sends. With `full` (RELIABILITY=full, npm run test:reliability),
 * every payload through every position. Otherwise (npm test), a field with more than STRIDE
 * positions (the list fields' `where` filters and the mutations' inputs, each field's positions
 * built and checked by the same code) takes each payload at one in STRIDE of its positions, in
 * rotation: every position still takes a share of the payloads, and every field takes every
 * payload. Fields with fewer positions (lookups by id, search, paths) take every payload at each.
 */
export function injectionRequests(all: Target[], full: boolean): { target: Target; payload: string }[] {
  const positions = new Map<string, number>();
  for (const target of all) positions.set(target.field, (positions.get(target.field) ?? 0) + 1);
  const seen = new Map<string, number>();
  return all.flatMap((target) => {
    const index = seen.get(target.field) ?? 0;
    seen.set(target.field, index + 1);
    const stride = full || positions.get(target.field)! <= STRIDE ? 1 : STRIDE;
    return PAYLOADS.filter((_, p) => (p + index) % stride === 0).map((payload) => ({ target, payload }));
  });
}
