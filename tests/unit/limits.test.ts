/**
 * The request measures (src/limits/measure.ts) and the default limits: every operation the
 * service itself ships (playground examples, dashboard operations, GraphiQL's introspection
 * query) stays under them, and the shapes an abuser sends do not.
 */
import { buildSchema, getIntrospectionQuery, getOperationAST, Kind, Lexer, parse, Source, TokenKind } from 'graphql';
import { defaultLimits } from '../../src/config';
import * as dashboard from '../../src/dashboard/gql/graphql';
import { measureOperation } from '../../src/limits/measure';
import { EXAMPLES } from '../../src/playground/examples';
import { loadTypeDefs } from '../../src/server';

const schema = buildSchema(loadTypeDefs().join('\n'));
const limits = defaultLimits();

function measure(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const document = parse(query);
  const operation = getOperationAST(document, operationName);
  if (!operation) throw new Error('no operation');
  return measureOperation(schema, document, operation, variables);
}

function tokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

// GraphiQL asks with every option on; it is the largest introspection query a client sends.
const INTROSPECTION = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
const DASHBOARD = Object.entries(dashboard)
  .filter(([name]) => name.endsWith('Document'))
  .map(([name, document]) => [name, String(document)] as const);
const SHIPPED: (readonly [string, string])[] = [...EXAMPLES.map((e) => [e.title, e.query] as const), ...DASHBOARD, ['introspection', INTROSPECTION]];

test('the dashboard operations are all measured', () => {
  expect(DASHBOARD.length).toBeGreaterThanOrEqual(7);
});

test.each(SHIPPED)('%s stays under every default limit, at the largest page size too', (_name, query) => {
  const document = parse(query);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const worst = measureOperation(schema, document, definition, { first: 100, limit: 100 });
    expect(worst.depth).toBeLessThanOrEqual(limits.maxDepth);
    expect(worst.aliases).toBeLessThanOrEqual(limits.maxAliases);
    expect(worst.directives).toBeLessThanOrEqual(limits.maxDirectives);
    expect(measureOperation(schema, document, definition, {}).cost).toBeLessThanOrEqual(limits.maxCost);
  }
  expect(tokens(query)).toBeLessThanOrEqual(limits.maxTokens);
});

test('a connection counts `first` items (20 without it); a plain list counts 100; a connection\'s own lists do not multiply again', () => {
  expect(measure('{ actors { nodes { id } } }').cost).toBe(1 + 20 * (1 + 1));
  expect(measure('{ actors(first: 5) { nodes { id name } } }').cost).toBe(1 + 5 * (1 + 2));
  expect(measure('query ($n: Int) { actors(first: $n) { nodes { id } } }', { n: 3 }).cost).toBe(1 + 3 * 2);
  expect(measure('{ topActors(by: DEGREE) { rank } }').cost).toBe(1 + 100 * 1);
  expect(measure('{ topActors(by: DEGREE, first: 7) { rank } }').cost).toBe(1 + 7 * 1);
  // Nested connections multiply: 20 actors, each with 20 meetings.
  expect(measure('{ actors { nodes { meetingsConnection { nodes { id } } } } }').cost).toBe(1 + 20 * (1 + 1 + 20 * (1 + 1)));
});

test('depth, aliases and directives are counted through fragments', () => {
  const query = `query { a: actors { ...F } b: actors { ...F } }
    fragment F on ActorConnection { nodes @include(if: true) { x: id y: name @skip(if: false) } }`;
  expect(measure(query)).toMatchObject({ depth: 3, aliases: 4, directives: 2 });
});

test('the shapes of an attack exceed the defaults', () => {
  let deep = 'id';
  for (let i = 0; i < 20; i++) deep = `meetingsConnection { nodes { participantsConnection { nodes { actor { ${deep} } } } } }`;
  expect(measure(`{ actors { nodes { ${deep} } } }`).depth).toBeGreaterThan(limits.maxDepth);
  const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: __typename`).join(' ');
  expect(measure(`{ ${aliases} }`).aliases).toBeGreaterThan(limits.maxAliases);
  expect(measure(`{ __typename ${'@include(if: true) '.repeat(100)} }`).directives).toBeGreaterThan(limits.maxDirectives);
  const wide = '{ actors(first: 100) { nodes { meetingsConnection(first: 100) { nodes { participants { actor { meetingsConnection(first: 100) { nodes { id } } } } } } } } }';
  expect(measure(wide).cost).toBeGreaterThan(limits.maxCost);
  // Introspection nested through types and fields grows tenfold per level.
  let nested = 'name';
  for (let i = 0; i < 7; i++) nested = `fields { type { ${nested} } }`;
  expect(measure(`{ __schema { types { ${nested} } } }`).cost).toBeGreaterThan(limits.maxCost);
});
