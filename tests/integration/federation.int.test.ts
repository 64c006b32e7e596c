/**
 * The service as an Apollo Federation 2 subgraph. Its SDL (`_service { sdl }`) is composed with a
 * small second subgraph started here (`@apollo/composition`), the supergraph runs in
 * `@apollo/gateway` over both services on real ports, and queries cross from one to the other in
 * both directions. `_entities` is also asked directly: answers, unknown ids, bad representations,
 * the round trips a hundred representations cost, and the limit on their number.
 */
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, print } from 'graphql';
import { defaultLimits } from '../../src/config';
import { ENTITY_TYPES } from '../../src/resolvers/federation';
import { startTestServer, useTestApi } from '../helpers/test-server';

const t = useTestApi();

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on Node { id }
  ... on Actor { name actorKind meetings { id name } }
  ... on Meeting { name startDate { value } }
  ... on Location { name locationKind }
  ... on Source { title publisher }
  ... on Statement { text }
  ... on Event { name date { value } }
  ... on Position { title }
  ... on Stance { topic }
} }`;

/** The same fields as ENTITIES, asked of `node(id)`, the API's own lookup. */
const NODE = ENTITIES.replace('query ($r: [_Any!]!) { _entities(representations: $r) {', 'query ($id: ID!) { node(id: $id) {');

type Rep = { __typename: string; id: string };

/** Representations of real nodes of every entity type, as many as the seed holds, up to `n` in all. */
async function realRepresentations(n: number): Promise<Rep[]> {
  const lists = await t.api.data(`{
    actors(first: 100) { nodes { id } } meetings(first: 100) { nodes { id } } locations(first: 100) { nodes { id } }
    sourcesConnection(first: 100) { nodes { id } } statements(first: 100) { nodes { id } } events(first: 100) { nodes { id } }
    positions(first: 100) { nodes { id } } stances(first: 100) { nodes { id } }
  }`);
  const byType: Rep[][] = [
    ['Actor', lists.actors],
    ['Meeting', lists.meetings],
    ['Location', lists.locations],
    ['Source', lists.sourcesConnection],
    ['Statement', lists.statements],
    ['Event', lists.events],
    ['Position', lists.positions],
    ['Stance', lists.stances],
  ].map(([type, list]) => (list as { nodes: { id: string }[] }).nodes.map((node) => ({ __typename: type as string, id: node.id })));
  // Interleaved, so the types are mixed all through the list.
  const out: Rep[] = [];
  for (let i = 0; out.length < n && byType.some((list) => i < list.length); i++) {
    for (const list of byType) if (i < list.length && out.length < n) out.push(list[i]);
  }
  return out;
}

describe('_service', () => {
  test('the SDL declares federation 2 and a key on every node type, and keeps the API whole', async () => {
    const { _service } = await t.api.data('{ _service { sdl } }');
    const sdl: string = _service.sdl;
    expect(sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+", import: \["@key"\]\)/);
    const document = parse(sdl);
    const objects = document.definitions.filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION);
    const nodeTypes = objects.filter((d) => d.interfaces?.some((i) => i.name.value === 'Node')).map((d) => d.name.value);
    const keyed = objects.filter((d) => d.directives?.some((dir) => dir.name.value === 'key' && print(dir) === '@key(fields: "id")')).map((d) => d.name.value);
    expect(keyed.sort()).toEqual([...ENTITY_TYPES].sort());
    expect(nodeTypes.sort()).toEqual(keyed);
    // The SDL is the whole API: the root fields are there.
    const rootFields = document.definitions.flatMap((d) =>
      (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === 'Query'
        ? (d.fields ?? []).map((f) => f.name.value)
        : [],
    );
    expect(rootFields).toEqual(expect.arrayContaining(['node', 'actor', 'actors', 'search']));
  });

  test('without introspection (the production default) the SDL is refused as introspection is; entities are still served', async () => {
    const api = await startTestServer(t.db, [], { exposure: { introspection: false, playground: false, schemaHints: false, metrics: 'open' } });
    try {
      const refused = await api.gql('{ _service { sdl } }');
      expect(refused.status).toBe(400);
      expect(refused.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(refused.errors![0].message).toContain('GRAPHQL_INTROSPECTION');
      const { data } = await api.gql(ENTITIES, { r: [{ __typename: 'Actor', id: 'actor:steve-witkoff' }] });
      expect(data._entities[0]).toMatchObject({ id: 'actor:steve-witkoff', name: 'Steve Witkoff' });
    } finally {
      await api.close();
    }
  });
});

describe('_entities', () => {
  test('100 representations of mixed types come back in order, as node(id) answers them, in one round trip', async () => {
    // Every node of an entity type the seed holds (67), then some of them again and ids nobody has.
    const real = await realRepresentations(100);
    expect(real.length).toBeGreaterThan(50);
    expect(new Set(real.map((r) => r.__typename))).toEqual(new Set(ENTITY_TYPES));
    const unknown: Rep[] = ENTITY_TYPES.map((type) => ({ __typename: type, id: `${type.toLowerCase()}:not-in-the-graph` }));
    const again = real.slice(0, 100 - real.length - unknown.length);
    const reps = [...real, ...unknown, ...again];
    expect(reps).toHaveLength(100);
    const response = await t.api.gql(ENTITIES, { r: reps }, { 'x-debug-db': '1' });
    expect(response.errors).toBeUndefined();
    const entities = response.data._entities as ({ __typename: string; id: string } | null)[];
    expect(entities.map((e) => e && { __typename: e.__typename, id: e.id })).toEqual(reps.map((r) => (unknown.includes(r) ? null : r)));
    // The federation lookup and the API's own agree on every entity, link fields included.
    for (const [i, rep] of real.entries()) {
      const { node } = await t.api.data(NODE, { id: rep.id });
      // A country is both an Actor and a Location; node(id) answers it as an Actor.
      if (node.__typename === rep.__typename) expect(entities[i]).toEqual(node);
      else expect(entities[i]).toMatchObject({ __typename: rep.__typename, id: rep.id });
    }
    expect(response.extensions?.db.roundTrips).toBe(1);
  });

  test('unknown ids and ids of another type are null entities, without an error', async () => {
    const response = await t.api.gql(ENTITIES, {
      r: [
        { __typename: 'Actor', id: 'actor:nobody-at-all' },
        { __typename: 'Meeting', id: 'actor:steve-witkoff' },
        { __typename: 'Actor', id: 'actor:steve-witkoff' },
        { __typename: 'Actor', id: 12 },
      ],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data._entities).toEqual([
      null,
      null,
      expect.objectContaining({ __typename: 'Actor', id: 'actor:steve-witkoff', name: 'Steve Witkoff' }),
      null,
    ]);
  });

  test('a country can be asked for as the Actor and as the Location it is', async () => {
    const { _entities } = await t.api.data(ENTITIES, {
      r: [
        { __typename: 'Actor', id: 'country:russia' },
        { __typename: 'Location', id: 'country:russia' },
      ],
    });
    expect(_entities[0]).toMatchObject({ __typename: 'Actor', id: 'country:russia', actorKind: 'COUNTRY' });
    expect(_entities[1]).toMatchObject({ __typename: 'Location', id: 'country:russia', locationKind: 'COUNTRY' });
  });

  test('a bad representation is a BAD_USER_INPUT error at its own place; the others are answered', async () => {
    const bad = [
      'a string',
      { id: 'actor:steve-witkoff' },
      { __typename: 'PageInfo', id: 'x' },
      { __typename: 'Actor' },
      { __typename: 'Actor', id: { nested: 1 } },
      [1],
    ];
    const response = await t.api.gql(ENTITIES, { r: [{ __typename: 'Actor', id: 'actor:steve-witkoff' }, ...bad] });
    expect(response.status).toBe(200);
    expect(response.data._entities[0]).toMatchObject({ id: 'actor:steve-witkoff', name: 'Steve Witkoff' });
    expect(response.data._entities.slice(1)).toEqual(bad.map(() => null));
    expect(response.errors!.map((e) => [e.path, e.extensions?.code, e.extensions?.argument])).toEqual(
      bad.map((_, i) => [['_entities', i + 1], 'BAD_USER_INPUT', 'representations']),
    );
    expect(response.errors![0].message).toMatch(/^Representation 1 of _entities is not an object/);
    expect(response.errors![2].message).toContain('"PageInfo", which is not an entity type');
  });

  test(`more than GRAPHQL_MAX_REPRESENTATIONS are refused before anything is read; that many are answered`, async () => {
    const max = 5;
    const api = await startTestServer(t.db, [], { limits: { ...defaultLimits(), maxRepresentations: max } });
    try {
      const reps = await realRepresentations(max + 1);
      const refused = await api.gql(ENTITIES, { r: reps }, { 'x-debug-db': '1' });
      expect(refused.status).toBe(400);
      expect(refused.data).toBeUndefined();
      expect(refused.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REPRESENTATIONS', limit: 'GRAPHQL_MAX_REPRESENTATIONS', value: max + 1, max });
      const answered = await api.gql(ENTITIES, { r: reps.slice(0, max) });
      expect(answered.errors).toBeUndefined();
      expect(answered.data._entities.map((e: Rep) => e.id)).toEqual(reps.slice(0, max).map((r) => r.id));
    } finally {
      await api.close();
    }
  });
});

/** The second subgraph: who follows an actor, and reviews of actors. Its answers are made up here. */
const SOCIAL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Actor @key(fields: "id") {
    id: ID!
    followers: Int!
  }
  type Review @key(fields: "id") {
    id: ID!
    body: String!
    about: Actor!
  }
  type Query {
    reviews: [Review!]!
  }
`);

/** A follower count that only this subgraph knows: derived from the id, so the test can say what to expect. */
const followersOf = (id: string) => [...id].reduce((sum, ch) => sum + ch.charCodeAt(0), 0);

describe('composed with a second subgraph behind a gateway', () => {
  const REVIEWED = ['actor:steve-witkoff', 'country:russia', 'actor:volodymyr-zelensky'];
  let social: { url: string; stop: () => Promise<void> };
  let gateway: ApolloServer;
  /** `extensions.db` of each response the gateway received from this service. */
  const factsCosts: { roundTrips: number }[] = [];

  beforeAll(async () => {
    const reviews = REVIEWED.map((id, i) => ({ id: `review:${i}`, body: `Review ${i} of ${id}`, about: { id } }));
    const server = new ApolloServer({
      schema: buildSubgraphSchema({
        typeDefs: SOCIAL,
        resolvers: {
          Query: { reviews: () => reviews },
          Actor: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }), followers: (actor: { id: string }) => followersOf(actor.id) },
        } as never,
      }),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    social = { url, stop: () => server.stop() };

    const facts = `${t.api.url}/graphql`;
    const { _service } = await t.api.data('{ _service { sdl } }');
    const composed = composeServices([
      { name: 'facts', url: facts, typeDefs: parse(_service.sdl) },
      { name: 'social', url: social.url, typeDefs: SOCIAL },
    ]);
    expect(composed.errors).toBeUndefined();
    const supergraphSdl = composed.supergraphSdl!;
    expect(supergraphSdl).toContain('followers: Int! @join__field(graph: SOCIAL)');

    gateway = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl,
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource({
            url,
            willSendRequest: ({ request }) => {
              if (url === facts) request.http!.headers.set('x-debug-db', '1');
            },
            didReceiveResponse: async ({ response }) => {
              const db = (response.extensions as { db?: { roundTrips: number } } | undefined)?.db;
              if (url === facts && db) factsCosts.push(db);
              return response;
            },
          }),
      }),
    } as never);
    await gateway.start();
  });
  afterAll(async () => {
    await gateway?.stop();
    await social?.stop();
  });

  async function ask(query: string, variables: Record<string, unknown> = {}) {
    factsCosts.length = 0;
    const response = await gateway.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.errors).toBeUndefined();
    return response.body.singleResult.data as any;
  }

  test("from this service's actor to the other's followers, and back in one query", async () => {
    const data = await ask('{ actor(id: "actor:steve-witkoff") { id name followers meetings { name } } }');
    const own = await t.api.data('{ actor(id: "actor:steve-witkoff") { id name meetings { name } } }');
    expect(data.actor).toEqual({ ...own.actor, followers: followersOf('actor:steve-witkoff') });
    expect(data.actor.meetings.length).toBeGreaterThan(0);
  });

  test("from the other subgraph's reviews to this service's actors: their names, kinds and meetings, and their followers", async () => {
    const data = await ask('{ reviews { body about { id name actorKind followers meetings { name } } } }');
    const own = await t.api.data(`{ ${REVIEWED.map((id, i) => `a${i}: actor(id: "${id}") { id name actorKind meetings { name } }`).join(' ')} }`);
    expect(data.reviews).toEqual(REVIEWED.map((id, i) => ({ body: `Review ${i} of ${id}`, about: { ...own[`a${i}`], followers: followersOf(id) } })));
    // The gateway asked this service for the three actors, meetings included, in one round trip.
    expect(factsCosts).toEqual([expect.objectContaining({ roundTrips: 1 })]);
  });

  test('a list of this service crosses over item by item: every actor on a page gets its followers', async () => {
    const data = await ask('{ actors(first: 100) { nodes { id name followers } } }');
    const own = await t.api.data('{ actors(first: 100) { nodes { id name } } }');
    expect(data.actors.nodes).toEqual(own.actors.nodes.map((a: { id: string }) => ({ ...a, followers: followersOf(a.id) })));
    expect(data.actors.nodes.length).toBeGreaterThan(10);
  });
});
