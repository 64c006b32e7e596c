/**
 * The read compiler's Cypher, pinned: GraphQL goes in, the one statement and its parameters come
 * out, with no database. Each case runs the real resolvers through Apollo with a context whose
 * reads record the statement instead of sending it (and answer "nothing found", so no field below
 * the root runs). The integration suites check the answers the same statements give on Neo4j.
 *
 * A change to a snapshot is a change to what the service sends to Neo4j: read the diff.
 */
import { ApolloServer } from '@apollo/server';
import type { Context } from '../../src/context';
import { encodeCursor, listName } from '../../src/resolvers/connection';
import { compileRoot, type RootPlan, type RootRead } from '../../src/repositories/read-plan';
import { buildSchema } from '../../src/server';

let apollo: ApolloServer<Context>;

beforeAll(async () => {
  apollo = new ApolloServer<Context>({ schema: buildSchema() });
  await apollo.start();
});
afterAll(() => apollo.stop());

/** The statements a query sends, as `// name`, the Cypher, and the parameters, one per root field. */
async function cypherOf(query: string, variables: Record<string, unknown> = {}): Promise<string> {
  const sent: string[] = [];
  const empty = (plan: RootPlan): RootRead =>
    plan.kind === 'node'
      ? { kind: 'node', node: null }
      : plan.kind === 'nodes'
        ? { kind: 'nodes', byId: new Map() }
        : plan.kind === 'list'
          ? { kind: 'list', totalCount: 0, items: [] }
          : { kind: 'links', byId: new Map() };
  const reads = {
    read: async (name: string, plan: RootPlan) => {
      const { cypher, params } = compileRoot(plan);
      sent.push(`// ${name}\n${cypher}\n${JSON.stringify(params, (_, v) => (typeof v === 'object' && v && 'low' in v && 'high' in v ? Number(v.low) : v))}`);
      return empty(plan);
    },
    primeClaims: () => undefined,
  };
  const response = await apollo.executeOperation({ query, variables }, { contextValue: { reads } as unknown as Context });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const errors = response.body.singleResult.errors;
  return [...sent, ...(errors ? [`errors: ${JSON.stringify(errors.map((e) => [e.message, e.extensions?.code, e.path]))}`] : [])].join('\n\n');
}

describe('one node by id', () => {
  test('scalars only: only the selected properties are read', async () => {
    expect(await cypherOf('{ actor(id: "a1") { id name actorKind } }')).toMatchSnapshot();
  });
  test('a fuzzy date reads its value, precision, inference and expression', async () => {
    expect(await cypherOf('{ meeting(id: "m1") { name startDate { value precision } } }')).toMatchSnapshot();
  });
  test('evidence and claims read the claims; disputed reads them only when disputed', async () => {
    expect(await cypherOf('{ a: actor(id: "a1") { evidence { excerpt } } b: actor(id: "a2") { disputed { field } } }')).toMatchSnapshot();
  });
  test('a field with its own resolver makes the node read whole', async () => {
    expect(await cypherOf('{ actor(id: "a1") { name asLocation { id } } }')).toMatchSnapshot();
  });
  test('node(id) over the interface: each member type its own fields, its links guarded by label', async () => {
    expect(await cypherOf('{ node(id: "x") { id ... on Actor { name meetings { id } } ... on Meeting { name startDate { value } } } }')).toMatchSnapshot();
  });
});

describe('federation: _entities', () => {
  test('representations of several types and ids in one statement, each member type its own fields, its links guarded by label', async () => {
    const q = `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on Actor { name meetings { id } } ... on Meeting { name startDate { value } } ... on Source { title } } }`;
    const r = [
      { __typename: 'Actor', id: 'a1' },
      { __typename: 'Meeting', id: 'm1' },
      { __typename: 'Actor', id: 'a2' },
      { __typename: 'Source', id: 's1' },
      { __typename: 'Actor', id: 'a1' },
    ];
    expect(await cypherOf(q, { r })).toMatchSnapshot();
  });
});

describe('nesting', () => {
  test('nested2: a connection of connections in one statement', async () => {
    const q = '{ actor(id: "a1") { id meetingsConnection(first: 10) { nodes { id participantsConnection(first: 12) { nodes { actor { id } } } } } } }';
    expect(await cypherOf(q)).toMatchSnapshot();
  });
  test('nested3, ordered by date descending', async () => {
    const q = `{ actor(id: "a1") { id meetingsConnection(first: 10) { nodes { id participantsConnection(first: 12) { nodes { actor { id
      statementsConnection(first: 3, orderBy: { field: DATE, direction: DESC }) { nodes { id } } } } } } } } }`;
    expect(await cypherOf(q)).toMatchSnapshot();
  });
  test('plain lists to depth four (the query the old cost model refused)', async () => {
    const q = '{ actors(first: 20) { nodes { name meetings { name participants { actor { name statements { text } } } } } } }';
    expect(await cypherOf(q)).toMatchSnapshot();
  });
  test("a single-valued link (a meeting's place) picks the best supported one", async () => {
    expect(await cypherOf('{ meeting(id: "m1") { location { name partOf { name } } } }')).toMatchSnapshot();
  });
  test("a relationship's back-reference with a selection reads the parent again under each item", async () => {
    expect(await cypherOf('{ meeting(id: "m1") { participants { role evidence { excerpt } meeting { name } } } }')).toMatchSnapshot();
  });
  test('actor relations: both ends, in force on a date', async () => {
    expect(await cypherOf('{ actor(id: "a1") { relations(asOf: "2025") { type other { name } subject { id } } } }')).toMatchSnapshot();
  });
  test('offices during a range, as a connection with its count', async () => {
    expect(
      await cypherOf(
        '{ actor(id: "a1") { positionsConnection(during: { from: "2024", to: "2025-06" }, first: 5) { totalCount nodes { position { title } since { value } } } } }',
      ),
    ).toMatchSnapshot();
  });
  test('an interface list under a node (what a statement is about)', async () => {
    expect(
      await cypherOf('{ statement(id: "s1") { aboutConnection(first: 2) { nodes { id ... on Actor { name } ... on Location { locationKind } } } } }'),
    ).toMatchSnapshot();
  });
  test('places within a place follow part-of chains', async () => {
    expect(await cypherOf('{ location(id: "l1") { meetingsConnection(first: 3) { totalCount nodes { name } } } }')).toMatchSnapshot();
  });
});

describe('root lists', () => {
  test('filtered, ordered, counted', async () => {
    expect(
      await cypherOf('{ actors(where: { kind: PERSON }, orderBy: { field: NAME, direction: ASC }, first: 20) { totalCount nodes { id } } }'),
    ).toMatchSnapshot();
  });
  test('count only: no page is read, and the count comes from the filter', async () => {
    expect(await cypherOf('{ actors(where: { kind: PERSON }) { totalCount } }')).toMatchSnapshot();
  });
  test('count only without a filter: the count store', async () => {
    expect(await cypherOf('{ meetings { totalCount } }')).toMatchSnapshot();
  });
  test('an id filter anchors the list on the id index, inside OR too', async () => {
    expect(await cypherOf('{ statements(where: { OR: [{ speakerId: "a1" }, { meetingId: "m1" }] }, first: 5) { nodes { text } } }')).toMatchSnapshot();
  });
  test('AND, NOT, date ranges and support filters', async () => {
    const q =
      '{ meetings(where: { AND: [{ startDate: { from: "2025-01", to: "2026" } }, { NOT: { name: "summit" } }], minSources: 2, disputed: false }, orderBy: { field: PARTICIPANT_COUNT, direction: DESC }) { nodes { id } } }';
    expect(await cypherOf(q)).toMatchSnapshot();
  });
  test('every order of every list', async () => {
    const q = `{ a: actors(orderBy: { field: DEGREE }) { nodes { id } } b: actors(orderBy: { field: MEETING_COUNT, direction: DESC }) { nodes { id } }
      c: locations(orderBy: { field: MEETING_COUNT }) { nodes { id } } d: positions(orderBy: { field: HOLDER_COUNT }) { nodes { id } }
      e: statements(orderBy: { field: DATE }) { nodes { id } } f: stances(orderBy: { field: TOPIC }) { nodes { id } } g: events(orderBy: { field: NAME }) { nodes { id } }
      h: sourcesConnection { nodes { title } } i: sources { title } }`;
    expect(await cypherOf(q)).toMatchSnapshot();
  });
  test('a cursor continues after its sort key and id, below the root too', async () => {
    const root = encodeCursor('kushner', 'jared-kushner', listName('Query', 'actors'));
    const nested = encodeCursor('2025-01-01', 'm1|k1', listName('Actor', 'meetingsConnection', { field: 'NAME', direction: 'DESC' }));
    const q = `{ actors(first: 2, after: "${root}") { nodes { id meetingsConnection(first: 2, after: "${nested}", orderBy: { field: NAME, direction: DESC }) { nodes { id } } } } }`;
    expect(await cypherOf(q)).toMatchSnapshot();
  });
  test('a cursor of another list or order is refused, and nothing is sent', async () => {
    const other = encodeCursor('kushner', 'jared-kushner', listName('Query', 'meetings'));
    expect(await cypherOf(`{ actors(first: 2, after: "${other}") { nodes { id } } }`)).toMatchSnapshot();
  });
});

describe('the document: fragments, aliases, variables and directives', () => {
  test('named fragments and inline fragments merge into one read', async () => {
    const q = `query { actor(id: "a1") { ...Who meetings { ... on Meeting { name } } } }
      fragment Who on Actor { name aliases meetings { startDate { value } } }`;
    expect(await cypherOf(q)).toMatchSnapshot();
  });
  test('aliases of one field with different arguments are two reads', async () => {
    const q =
      '{ actor(id: "a1") { first: meetingsConnection(first: 1) { nodes { id } } byName: meetingsConnection(first: 2, orderBy: { field: NAME }) { nodes { name } } } }';
    expect(await cypherOf(q)).toMatchSnapshot();
  });
  test('variables, @include and @skip decide what is read', async () => {
    const q = `query($id: ID!, $n: Int, $withMeetings: Boolean!, $noNames: Boolean!) { actor(id: $id) { id name @skip(if: $noNames)
      meetingsConnection(first: $n) @include(if: $withMeetings) { nodes { id } } statements @include(if: $noNames) { id } } }`;
    expect(await cypherOf(q, { id: 'a9', n: 4, withMeetings: true, noNames: false })).toMatchSnapshot();
  });
  test('a bad argument below the root fails that field alone, and nothing is read for it', async () => {
    expect(await cypherOf('{ actor(id: "a1") { name meetingsConnection(first: 500) { nodes { id } } } }')).toMatchSnapshot();
  });
  test('several root fields: one statement each (the reader sends them as one)', async () => {
    expect(await cypherOf('{ a: actor(id: "a1") { name } m: meetings(first: 1) { nodes { id } } }')).toMatchSnapshot();
  });
});
