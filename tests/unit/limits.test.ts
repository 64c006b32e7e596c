/**
 * The request measures (src/limits/measure.ts) and the default limits: every operation the
 * service itself ships (playground examples, dashboard operations, GraphiQL's introspection
 * query) stays under them, and the shapes an abuser sends do not.
 */
import { getIntrospectionQuery, getOperationAST, Kind, Lexer, parse, Source, TokenKind } from 'graphql';
import { defaultLimits } from '../../src/config';
import * as dashboard from '../../src/dashboard/gql/graphql';
import { EXPENSIVE_FIELDS, measureOperation } from '../../src/limits/measure';
import { deepNot, wideOr } from '../helpers/filters';
import { EXAMPLES } from '../../src/playground/examples';
import { buildSchema } from '../../src/server';

// The schema the service runs: the federation fields (`_entities`, `_service`) included.
const schema = buildSchema();
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
const INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
});
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
    const usual = measureOperation(schema, document, definition, {});
    expect(usual.cost).toBeLessThanOrEqual(limits.maxCost);
    expect(usual.inputDepth).toBeLessThanOrEqual(limits.maxFilterDepth);
    expect(usual.inputBranches).toBeLessThanOrEqual(limits.maxFilterBranches);
    expect(usual.inputFields).toBeLessThanOrEqual(limits.maxFilterFields);
    expect(usual.expensive).toBeLessThanOrEqual(limits.maxExpensiveFields);
  }
  expect(tokens(query)).toBeLessThanOrEqual(limits.maxTokens);
});

test("a connection counts `first` items (20 without it); a plain list counts 100; a connection's own lists do not multiply again", () => {
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
  const wide =
    '{ actors(first: 100) { nodes { meetingsConnection(first: 100) { nodes { participants { actor { meetingsConnection(first: 100) { nodes { id } } } } } } } } }';
  expect(measure(wide).cost).toBeGreaterThan(limits.maxCost);
  // Introspection nested through types and fields grows tenfold per level.
  let nested = 'name';
  for (let i = 0; i < 7; i++) nested = `fields { type { ${nested} } }`;
  expect(measure(`{ __schema { types { ${nested} } } }`).cost).toBeGreaterThan(limits.maxCost);
});

describe('filters are measured with variables applied', () => {
  const byVariable = 'query ($w: ActorWhere) { actors(where: $w) { nodes { id } } }';

  test('a NOT nested 600 deep in a variable is 601 deep (the name filter inside counts too)', () => {
    expect(measure(byVariable, { w: deepNot(600) })).toMatchObject({ inputDepth: 601, inputBranches: 0, inputFields: 601 });
    expect(measure(byVariable, { w: deepNot(600) }).inputDepth).toBeGreaterThan(limits.maxFilterDepth);
  });

  test('an OR of 10,000 branches in a variable has 10,000 branches', () => {
    const m = measure(byVariable, { w: wideOr(10_000) });
    expect(m).toMatchObject({ inputDepth: 2, inputBranches: 10_000, inputFields: 10_001 });
    expect(m.inputBranches).toBeGreaterThan(limits.maxFilterBranches);
  });

  test('a filter written inline, or inline around a variable, is measured the same way', () => {
    let inline = '{ name: "a" }';
    for (let i = 0; i < 10; i++) inline = `{ NOT: ${inline} }`;
    expect(measure(`{ actors(where: ${inline}) { nodes { id } } }`).inputDepth).toBe(11);
    expect(measure('query ($w: ActorWhere) { actors(where: { AND: [$w, { kind: PERSON }] }) { nodes { id } } }', { w: deepNot(3) })).toMatchObject({
      inputDepth: 5,
      inputBranches: 2,
      inputFields: 1 + 4 + 1,
    });
  });

  test('each use of a variable counts: 30 aliases with one filter hold 30 times its branches', () => {
    const aliased = `query ($w: ActorWhere) { ${Array.from({ length: 30 }, (_, i) => `a${i}: actors(where: $w) { nodes { id } }`).join(' ')} }`;
    expect(measure(aliased, { w: wideOr(10) }).inputBranches).toBe(300);
  });

  test('a variable not sent takes its declared default; a date range inside a filter counts, the sort order is no filter', () => {
    expect(measure('query ($w: ActorWhere = { NOT: { NOT: { name: "a" } } }) { actors(where: $w) { nodes { id } } }').inputDepth).toBe(3);
    expect(measure('{ meetings(where: { startDate: { from: "2025" } }, orderBy: { field: NAME }) { nodes { id } } }')).toMatchObject({
      inputDepth: 2,
      inputFields: 2,
    });
  });

  test('mutation inputs are no filters: 30 evidence entries count as no branches', () => {
    const evidence = Array.from({ length: 30 }, (_, i) => ({ sentence: i + 1, excerpt: 'x' }));
    const input = { sourceId: 's', id: 'statement:x', text: 't', kind: 'REPORTED', speakerId: 'actor:a', evidence };
    const m = measure('mutation ($input: AddStatementInput!) { addStatement(input: $input) { statement { id } } }', { input });
    expect(m).toMatchObject({ inputDepth: 0, inputBranches: 0, inputFields: 0 });
  });

  test('a JSON scalar is one value, however large (ingestSource carries a whole facts document)', () => {
    const m = measure('mutation ($d: JSON!) { ingestSource(document: $d) { __typename } }', {
      d: { nodes: Array.from({ length: 1000 }, () => ({ a: { b: { c: 1 } } })) },
    });
    expect(m).toMatchObject({ inputDepth: 0, inputBranches: 0, inputFields: 0 });
  });

  test('a value nested 100,000 deep is measured without overflowing the stack', () => {
    expect(measure(byVariable, { w: deepNot(100_000) }).inputDepth).toBe(100_001);
  });
});

describe('expensive fields', () => {
  test('every expensive field exists in the schema', () => {
    for (const name of EXPENSIVE_FIELDS) {
      const [type, field] = name.split('.');
      const found = schema.getType(type);
      expect(found && 'getFields' in found ? Object.keys(found.getFields()) : []).toContain(field);
    }
  });

  test('each alias of an expensive field counts, through fragments too; cheap fields do not', () => {
    const searches = `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: search(text: "x") { totalCount }`).join(' ')} }`;
    expect(measure(searches).expensive).toBe(30);
    expect(measure(searches).expensive).toBeGreaterThan(limits.maxExpensiveFields);
    expect(measure('{ ...F } fragment F on Query { paths(fromId: "a", toId: "b") { length } n: neighbourhood(id: "a") { truncated } }').expensive).toBe(2);
    expect(measure('{ actor(id: "a") { id } actors { nodes { id } } timeline { totalCount } }').expensive).toBe(0);
    expect(measure('{ stats { sources } topActors(by: PAGERANK) { rank } }').expensive).toBe(2);
  });
});

describe('federation lookups', () => {
  const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Actor { name meetings { title } } } }';
  const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Actor', id: `actor:${i}` }));

  test('representations are counted with variables applied, every alias together', () => {
    expect(measure(ENTITIES, { r: reps(7) }).representations).toBe(7);
    expect(
      measure('{ a: _entities(representations: [{ __typename: "Actor", id: "x" }]) { __typename } b: _entities(representations: []) { __typename } }')
        .representations,
    ).toBe(1);
    expect(
      measure('query ($r: [_Any!]!) { x: _entities(representations: $r) { __typename } y: _entities(representations: $r) { __typename } }', { r: reps(3) })
        .representations,
    ).toBe(6);
    expect(measure('{ actor(id: "a") { id } }').representations).toBe(0);
  });

  test('the selection under _entities costs once per representation', () => {
    const one = measure(ENTITIES, { r: reps(1) }).cost;
    expect(measure(ENTITIES, { r: reps(100) }).cost - 1).toBe(100 * (one - 1));
  });

  test('the default limits allow a page of 100 entities with a link list under each', () => {
    const page = measure(ENTITIES, { r: reps(100) });
    expect(page.representations).toBeLessThanOrEqual(limits.maxRepresentations);
    expect(page.cost).toBeLessThanOrEqual(limits.maxCost);
  });
});
