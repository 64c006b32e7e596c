/**
 * Injection payloads (Cypher, Lucene, regex, quoting, unicode, null bytes, very long text) sent
 * through every String and ID argument of every Query field, input-object fields included, found
 * by introspecting the schema over HTTP rather than listed by hand. Every answer must be data or a
 * coded error, never a 5xx, and the graph must be exactly as it was.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  type GraphQLInputType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLEnumType,
  GraphQLScalarType,
  type GraphQLSchema,
  isCompositeType,
  type IntrospectionQuery,
} from 'graphql';
import { graphState } from '../helpers/graph-state';
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();

const PAYLOADS = [
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

interface Target {
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

function targets(schema: GraphQLSchema): Target[] {
  const result: Target[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
    for (const arg of field.args) {
      for (const path of stringPaths(arg.type)) {
        const declared = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        result.push({
          field: field.name,
          path: [arg.name, ...path],
          query: `query (${declared}) { ${field.name}(${passed})${selection} }`,
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

test('every String and ID argument of every Query field takes every payload without a 5xx, a crash or a change to the graph', async () => {
  const introspection = await t.api.data<IntrospectionQuery>(getIntrospectionQuery());
  const schema = buildClientSchema(introspection);
  const all = targets(schema);
  // A sanity check on the discovery itself: the schema has dozens of such positions.
  expect(all.length).toBeGreaterThan(50);
  expect(all.map((a) => a.field)).toEqual(expect.arrayContaining(['search', 'actor', 'actors', 'node', 'path', 'neighbourhood']));

  const before = await graphState(t.db);
  const codes = new Map<string, number>();
  const problems: string[] = [];
  const requests = all.flatMap((target) => PAYLOADS.map((payload) => ({ target, payload })));
  let sent = 0;
  // Eight at a time: enough to finish quickly, few enough not to measure the machine instead.
  const worker = async () => {
    for (let next = requests.pop(); next; next = requests.pop()) {
      const { target, payload } = next;
      const response = await t.api.gql(target.query, target.variables(payload));
      sent++;
      const label = `${target.field}(${target.path.join('.')}) <- ${JSON.stringify(payload.slice(0, 40))}`;
      if (response.status >= 500) problems.push(`${label}: HTTP ${response.status}`);
      if (!response.errors && response.data === undefined) problems.push(`${label}: neither data nor errors`);
      for (const error of response.errors ?? []) {
        const code = String(error.extensions?.code ?? 'NO_CODE');
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (code === 'NO_CODE' || code === 'INTERNAL_SERVER_ERROR') problems.push(`${label}: ${code} ${error.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  console.log(`[injection] ${all.length} argument positions x ${PAYLOADS.length} payloads = ${sent} requests; errors by code: ${JSON.stringify(Object.fromEntries(codes))}`);
  expect(problems).toEqual([]);
  expect(await graphState(t.db)).toEqual(before);
}, 300_000);
