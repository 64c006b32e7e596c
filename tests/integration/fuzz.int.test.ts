/**
 * Abuse over HTTP: documents generated from the schema (valid and invalid selections, deep
 * nesting, alias and directive bombs, huge documents, malformed text, random bytes) sent with
 * modest concurrency. No response may be a 5xx; each must be data or an error with a code; and
 * the server must still answer /healthz afterwards. FUZZ_DOCUMENTS sets how many (300 by default,
 * so `npm test` stays quick; 10,000 under `npm run test:reliability`); FUZZ_SEED makes a run
 * repeatable.
 */
import {
  buildSchema,
  getNamedType,
  getNullableType,
  type GraphQLField,
  GraphQLEnumType,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLObjectType,
  isCompositeType,
  isObjectType,
} from 'graphql';
import { loadTypeDefs } from '../../src/server';
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();
const schema = buildSchema(loadTypeDefs().join('\n'));
const DOCUMENTS = Number(process.env.FUZZ_DOCUMENTS ?? (process.env.RELIABILITY === 'full' ? 10_000 : 300));
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const CONCURRENCY = 8;

/** mulberry32: a small seeded generator, so a failing run can be repeated with its FUZZ_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(SEED);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)];

const WORDS = ['UAE', 'Putin', "' OR 1=1 //", 'name:*', '"', '\\', 'x'.repeat(300), 'actor:vladimir-putin', 'meeting:none', '', '🇺🇦'];

/** A literal for an input type: mostly plausible, sometimes of the wrong kind. */
function literal(type: GraphQLInputType, depth = 0): string {
  if (rand() < 0.03) return pick(['null', '1', '"x"', '{}', '[]', 'true', '-1', '1e400', 'NOPE']);
  const nullable = getNullableType(type);
  if (nullable instanceof GraphQLList) return `[${literal(nullable.ofType, depth + 1)}]`;
  if (nullable instanceof GraphQLEnumType) return pick(nullable.getValues()).name;
  if (nullable instanceof GraphQLInputObjectType) {
    const fields = Object.values(nullable.getFields()).filter((f) => f.type instanceof GraphQLNonNull || (depth < 2 && rand() < 0.3));
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type, depth + 1)}`).join(', ')} }`;
  }
  switch (getNamedType(type).name) {
    case 'Int':
      return String(pick([0, 1, 3, 20, 100, 101, -5, 2147483647]));
    case 'Float':
      return String(rand());
    case 'Boolean':
      return pick(['true', 'false']);
    case 'PartialDate':
      return JSON.stringify(pick(['2025', '2025-03', '2025-03-01', 'soon', '']));
    default:
      return JSON.stringify(pick(WORDS));
  }
}

function args(field: GraphQLField<unknown, unknown>): string {
  const chosen = field.args.filter((a) => a.type instanceof GraphQLNonNull || rand() < 0.3);
  return chosen.length ? `(${chosen.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : '';
}

/** A selection on `type`, `depth` levels deep at most; sometimes with a field the type lacks. */
function selection(type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields());
  const parts: string[] = [];
  for (let i = 1 + int(4); i > 0; i--) {
    if (rand() < 0.03) {
      parts.push(pick(['nope', '__schema', 'id { id }', '...on Nothing { id }']));
      continue;
    }
    const field = pick(fields);
    const named = getNamedType(field.type);
    const alias = rand() < 0.1 ? `a${int(1000)}: ` : '';
    if (!isCompositeType(named)) parts.push(`${alias}${field.name}${args(field)}`);
    else if (depth <= 0) parts.push('__typename');
    else if (isObjectType(named)) parts.push(`${alias}${field.name}${args(field)} { ${selection(named, depth - 1)} }`);
    else
      parts.push(
        `${alias}${field.name}${args(field)} { __typename ... on ${pick(schema.getPossibleTypes(named)).name} { ${selection(pick(schema.getPossibleTypes(named)), depth - 1)} } }`,
      );
  }
  return parts.join(' ');
}

function operation(): string {
  const root = rand() < 0.9 ? schema.getQueryType()! : schema.getMutationType()!;
  return `${root === schema.getQueryType() ? 'query' : 'mutation'} { ${selection(root, 1 + int(5))} }`;
}

/** One request body and what kind of abuse it is. */
type Case = { kind: string; body: string };

const KINDS: [string, () => Case['body']][] = [
  ['random selection', () => JSON.stringify({ query: operation() })],
  ['deep nesting', () => JSON.stringify({ query: deep() })],
  ['alias bomb', () => JSON.stringify({ query: `{ ${Array.from({ length: 20 + int(2000) }, (_, i) => `a${i}: actors { totalCount }`).join(' ')} }` })],
  ['directive bomb', () => JSON.stringify({ query: `{ ${'__typename @include(if: true) @skip(if: false) '.repeat(10 + int(500))}}` })],
  ['huge document', () => JSON.stringify({ query: `{ ${'__typename '.repeat(1000 + int(60_000))}}` })],
  ['malformed text', () => JSON.stringify({ query: mutate(operation()) })],
  ['random bytes', () => Buffer.from(Array.from({ length: 1 + int(2000) }, () => int(256))).toString('latin1')],
  [
    'odd envelope',
    () =>
      pick([
        '[]',
        '{}',
        'null',
        '42',
        '"{ __typename }"',
        '{"query": 5}',
        '{"query": "{ __typename }", "variables": 7}',
        '{"query": "{ __typename }", "operationName": {}}',
        '{"query": "query A { __typename } query B { __typename }"}',
        '[{"query": "{ __typename }"}]',
      ]),
  ],
];

/** Deep nesting built properly: every opened brace is closed. */
function deep(): string {
  const levels = 3 + int(12);
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `meetingsConnection { nodes { participants { actor { ${inner} } } } }`;
  return `{ actors { nodes { ${inner} } } }`;
}

/** Breaks a document: cut it, drop or duplicate a character, or splice in junk. */
function mutate(text: string): string {
  const at = int(text.length);
  switch (int(4)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + pick(['{', '}', '(', ')', '"', '$', '@', '...', '\u0000', '#', ':', '!']) + text.slice(at);
    default:
      return text.slice(0, at) + text.slice(at, at + 20).repeat(3) + text.slice(at);
  }
}

test(`${DOCUMENTS} abusive documents: no 5xx, every answer data or a coded error, and the server still up`, async () => {
  const cases: Case[] = Array.from({ length: DOCUMENTS }, () => {
    const [kind, make] = pick(KINDS);
    return { kind, body: make() };
  });
  const outcomes = new Map<string, number>();
  const byKind = new Map<string, number>();
  const problems: string[] = [];
  let answered = 0;
  let rejected = 0;
  const worker = async () => {
    for (let c = cases.pop(); c; c = cases.pop()) {
      byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
      const response = await fetch(`${t.api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: c.body });
      const text = await response.text();
      let body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } | undefined;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      const codes = (body?.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
      if (response.status >= 500) problems.push(`${c.kind}: HTTP ${response.status} ${text.slice(0, 200)}`);
      else if (!body || (body.data === undefined && codes.length === 0))
        problems.push(`${c.kind}: HTTP ${response.status} neither data nor coded errors: ${text.slice(0, 200)}`);
      else if (codes.some((code) => code === 'NO_CODE' || code === 'INTERNAL_SERVER_ERROR')) problems.push(`${c.kind}: ${text.slice(0, 300)}`);
      if (body?.data !== undefined && body.data !== null && codes.length === 0) answered++;
      else rejected++;
      const key = codes.length ? [...new Set(codes)].sort().join('+') : body?.data !== undefined ? 'answered' : `HTTP ${response.status}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const health = await fetch(`${t.api.url}/healthz`);
  const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort((a, b) => b[1] - a[1]));
  console.log(
    `[fuzz] seed ${SEED}: ${DOCUMENTS} documents (${JSON.stringify(sorted(byKind))}); answered without errors ${answered}, ` +
      `with errors ${rejected}; by outcome ${JSON.stringify(sorted(outcomes))}; 5xx ${problems.filter((p) => / HTTP 5/.test(p)).length}; /healthz ${health.status}`,
  );
  expect(problems).toEqual([]);
  expect(health.status).toBe(200);
}, 600_000);
