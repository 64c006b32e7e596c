/**
 * Lists on the seeded graph, as a client pages, filters and sorts them over HTTP: root lists and
 * the connection twins of nested lists, checked against Cypher run directly on the database.
 */
import { read } from '../../src/db/driver';
import { pageThrough } from '../helpers/paging';
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();

/** Ids Cypher finds, sorted, to compare with what the API returned. */
async function oracle(cypher: string, params: Record<string, unknown> = {}): Promise<string[]> {
  return (await read(t.db, cypher, params)).map((r) => r.id as string).sort();
}

const ROOT_LISTS = [
  ['actors', 'Actor'],
  ['meetings', 'Meeting'],
  ['locations', 'Location'],
  ['positions', 'Position'],
  ['statements', 'Statement'],
  ['stances', 'Stance'],
  ['events', 'Event'],
  ['sourcesConnection', 'Source'],
] as const;

test.each(ROOT_LISTS)('paging through %s two at a time returns every node exactly once', async (field, label) => {
  const { nodes, totalCounts } = await pageThrough<{ id: string }>(
    t.api,
    `query($first: Int, $after: String) { ${field}(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
    (d) => d[field],
    2,
  );
  const ids = nodes.map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(await oracle(`MATCH (n:${label}) RETURN n.id AS id`));
  expect(new Set(totalCounts)).toEqual(new Set([ids.length]));
});

test('a nested connection pages through the same items as its plain list, with the right totalCount', async () => {
  const query = `query($first: Int, $after: String) {
    meeting(id: "meeting:uae-trilateral-talks") {
      participants { actor { id } role }
      participantsConnection(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { actor { id } role } } }
    }
  }`;
  const { nodes, totalCounts, pages } = await pageThrough<{ actor: { id: string } }>(t.api, query, (d) => d.meeting.participantsConnection, 3);
  const plain = (await t.api.data(query, { first: 1 })).meeting.participants as { actor: { id: string } }[];
  expect(pages).toBeGreaterThan(1);
  expect(nodes).toEqual(plain);
  const expected = await oracle('MATCH (a:Actor)-[:PARTICIPATED_IN]->(:Meeting {id: "meeting:uae-trilateral-talks"}) RETURN a.id AS id');
  expect(nodes.map((n) => n.actor.id).sort()).toEqual(expected);
  expect(totalCounts.every((c) => c === expected.length)).toBe(true);
});

describe('filters agree with Cypher', () => {
  const cases: [string, string, string, string][] = [
    [
      'meetings in the UAE, including anywhere part of it',
      'meetings(where: { locationId: "country:united-arab-emirates" }, first: 100)',
      'meetings',
      'MATCH (n:Meeting)-[:HELD_IN]->(:Location)-[:PART_OF*0..]->(:Location {id: "country:united-arab-emirates"}) RETURN DISTINCT n.id AS id',
    ],
    [
      'meetings Putin took part in OR held in 2026',
      'meetings(where: { OR: [{ participantId: "actor:vladimir-putin" }, { startDate: { from: "2026-01", to: "2026-12-31" } }] }, first: 100)',
      'meetings',
      `MATCH (n:Meeting) WHERE EXISTS { (:Actor {id: "actor:vladimir-putin"})-[:PARTICIPATED_IN]->(n) } OR n.startDate STARTS WITH "2026" RETURN n.id AS id`,
    ],
    [
      'people who are not named like "Z"',
      'actors(where: { kind: PERSON, NOT: { name: "z" } }, first: 100)',
      'actors',
      `MATCH (n:Actor {kind: "PERSON"}) WHERE NOT (toLower(n.name) CONTAINS "z" OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS "z")) RETURN n.id AS id`,
    ],
    [
      'who met Putin',
      'actors(where: { metActorId: "actor:vladimir-putin" }, first: 100)',
      'actors',
      `MATCH (:Actor {id: "actor:vladimir-putin"})-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(n:Actor) WHERE n.id <> "actor:vladimir-putin" RETURN DISTINCT n.id AS id`,
    ],
    [
      'statements by Zelensky on territory',
      'statements(where: { AND: [{ speakerId: "actor:volodymyr-zelensky" }, { topic: "territ" }] }, first: 100)',
      'statements',
      `MATCH (:Actor {id: "actor:volodymyr-zelensky"})-[:SAID]->(n:Statement) WHERE any(t IN n.topics WHERE toLower(t) CONTAINS "territ") RETURN n.id AS id`,
    ],
    [
      'Russian demands and refusals',
      'stances(where: { actorId: "country:russia", OR: [{ stance: "DEMANDS" }, { stance: "REFUSES" }] }, first: 100)',
      'stances',
      `MATCH (:Actor {id: "country:russia"})-[:TAKES_STANCE]->(n:Stance) WHERE n.stance IN ["DEMANDS", "REFUSES"] RETURN n.id AS id`,
    ],
    [
      'events dated in January 2026',
      'events(where: { date: { from: "2026-01-01", to: "2026-01-31" } }, first: 100)',
      'events',
      `MATCH (n:Event) WHERE n.date STARTS WITH "2026-01" OR n.date = "2026" RETURN n.id AS id`,
    ],
  ];

  test.each(cases)('%s', async (_name, field, key, cypher) => {
    const data = await t.api.data(`{ ${field} { totalCount nodes { id } } }`);
    const ids = (data[key].nodes as { id: string }[]).map((n) => n.id).sort();
    const expected = await oracle(cypher);
    expect(ids).toEqual(expected);
    expect(data[key].totalCount).toBe(expected.length);
  });

  test('the oracle cases are not all empty', async () => {
    const counts = await Promise.all(cases.map(async ([, , , cypher]) => (await oracle(cypher)).length));
    expect(counts.filter((c) => c > 0).length).toBeGreaterThanOrEqual(cases.length - 1);
  });
});

test('orderBy DEGREE DESC lists actors from most to least connected, and pages in that order', async () => {
  const { nodes } = await pageThrough<{ id: string }>(
    t.api,
    'query($first: Int, $after: String) { actors(orderBy: { field: DEGREE, direction: DESC }, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }',
    (d) => d.actors,
    5,
  );
  const degrees = new Map(
    (await read(t.db, 'MATCH (n:Actor) RETURN n.id AS id, COUNT { (n)--() } AS degree')).map((r) => [r.id as string, r.degree as number]),
  );
  const seen = nodes.map((n) => degrees.get(n.id)!);
  expect(seen.length).toBe(degrees.size);
  expect(seen).toEqual([...seen].sort((a, b) => b - a));
  expect(new Set(nodes.map((n) => n.id)).size).toBe(degrees.size);
});

test('orderBy NAME DESC on a nested connection reverses the plain order', async () => {
  const data = await t.api.data(`{ meeting(id: "meeting:uae-trilateral-talks") {
    participants { actor { name } }
    participantsConnection(orderBy: { field: NAME, direction: DESC }, first: 100) { nodes { actor { name } } }
  } }`);
  const plain = data.meeting.participants.map((p: { actor: { name: string } }) => p.actor.name);
  expect(data.meeting.participantsConnection.nodes.map((p: { actor: { name: string } }) => p.actor.name)).toEqual([...plain].reverse());
});

test('asOf keeps only offices in force on that date', async () => {
  const query = `query($asOf: PartialDate) { actor(id: "actor:donald-trump") { positions(asOf: $asOf) { position { id } since { value } } } }`;
  const before = await t.api.data(query, { asOf: '2024-06-01' });
  const after = await t.api.data(query, { asOf: '2026-01-24' });
  const all = await t.api.data(query, {});
  expect(all.actor.positions.map((p: { position: { id: string } }) => p.position.id)).toContain('position:us-president');
  expect(after.actor.positions.map((p: { position: { id: string } }) => p.position.id)).toContain('position:us-president');
  expect(before.actor.positions.map((p: { position: { id: string } }) => p.position.id)).not.toContain('position:us-president');
  const holders = await t.api.data(`{ position(id: "position:us-president") {
    in2024: holdersConnection(during: { from: "2024-01", to: "2024-12" }) { totalCount }
    in2025: holdersConnection(during: { from: "2025-01", to: "2025-12" }) { totalCount nodes { actor { id } } }
  } }`);
  expect(holders.position.in2024.totalCount).toBe(0);
  expect(holders.position.in2025.nodes).toEqual([{ actor: { id: 'actor:donald-trump' } }]);
});

test('x-debug-db reports the round trips: one for a whole nested selection, and nothing without the header', async () => {
  const query = `{ meetings(first: 10) { nodes { name
    participantsConnection(first: 5) { totalCount nodes { role actor { name statementsConnection(first: 3) { totalCount nodes { text } } } } }
    statements { text }
  } } }`;
  const withHeader = await t.api.gql(query, {}, { 'x-debug-db': '1' });
  expect(withHeader.errors).toBeUndefined();
  // Meetings, their participants and statements, and the participants' statements: one statement.
  expect(withHeader.extensions?.db.roundTrips).toBe(1);
  expect(withHeader.extensions?.db.dbTimeMs).toBeGreaterThan(0);
  const without = await t.api.gql(query);
  expect(without.extensions?.db).toBeUndefined();
});

test('a nested selection written with fragments, aliases and variables answers as its parts asked one by one, in one round trip', async () => {
  const nested = await t.api.gql(
    `query($n: Int) { actor(id: "actor:donald-trump") { ...Meetings few: meetingsConnection(first: 1) { nodes { id } } } }
     fragment Meetings on Actor { meetingsConnection(first: $n) { edges { node { ... on Meeting { id location { id }
       participants { role actor { id positions { position { id } } } } } } } } }`,
    { n: 5 },
    { 'x-debug-db': '1' },
  );
  expect(nested.errors).toBeUndefined();
  // The actor, its meetings (both aliases), their places and participants, the participants' offices.
  expect(nested.extensions?.db.roundTrips).toBe(1);
  const meetings = nested.data.actor.meetingsConnection.edges.map((e: any) => e.node);
  expect(meetings.length).toBeGreaterThan(0);
  expect(nested.data.actor.few.nodes).toEqual([{ id: meetings[0].id }]);
  for (const meeting of meetings) {
    const alone = await t.api.data(`query($id: ID!) { meeting(id: $id) { id location { id } participants { role actor { id } } } }`, { id: meeting.id });
    expect(meeting.location).toEqual(alone.meeting.location);
    expect(meeting.participants.map((p: any) => ({ role: p.role, actor: { id: p.actor.id } }))).toEqual(alone.meeting.participants);
    for (const participation of meeting.participants) {
      const actor = await t.api.data(`query($id: ID!) { actor(id: $id) { positions { position { id } } } }`, { id: participation.actor.id });
      expect(participation.actor.positions).toEqual(actor.actor.positions);
    }
  }
});

describe('bad list arguments are BAD_USER_INPUT naming the argument', () => {
  const cases: [string, string, string][] = [
    ['first above 100 on a nested connection', '{ actor(id: "actor:donald-trump") { meetingsConnection(first: 101) { totalCount } } }', 'first'],
    ['a cursor the API did not issue', '{ actor(id: "actor:donald-trump") { meetingsConnection(after: "bogus") { totalCount } } }', 'after'],
    ['a date range that ends before it starts', '{ meetings(where: { startDate: { from: "2026-02", to: "2026-01" } }) { totalCount } }', 'where'],
    [
      'during that ends before it starts',
      '{ actor(id: "actor:donald-trump") { positionsConnection(during: { from: "2026", to: "2025" }) { totalCount } } }',
      'during',
    ],
    ['asOf and during together', '{ actor(id: "actor:donald-trump") { positionsConnection(asOf: "2026", during: { from: "2025" }) { totalCount } } }', 'asOf'],
  ];
  test.each(cases)('%s', async (_name, query, argument) => {
    const response = await t.api.gql(query);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

test('an empty filter inside OR accepts everything; an empty AND or OR list constrains nothing', async () => {
  const data = await t.api.data(`{
    all: actors { totalCount }
    orWithEmpty: actors(where: { OR: [{}, { kind: PERSON }] }) { totalCount }
    emptyLists: actors(where: { AND: [], OR: [] }) { totalCount }
    people: actors(where: { OR: [{ kind: PERSON }] }) { totalCount }
  }`);
  expect(data.orWithEmpty.totalCount).toBe(data.all.totalCount);
  expect(data.emptyLists.totalCount).toBe(data.all.totalCount);
  expect(data.people.totalCount).toBeLessThan(data.all.totalCount);
});

test('a connection asked for its totalCount alone gives the same count as one that also lists its nodes', async () => {
  for (const where of [{}, { kind: 'PERSON' }, { name: 'putin' }]) {
    const full = await t.api.data(`query ($where: ActorWhere) { actors(where: $where, first: 100) { totalCount nodes { id } } }`, { where });
    const alone = await t.api.data(`query ($where: ActorWhere) { actors(where: $where) { totalCount } }`, { where });
    expect(alone.actors.totalCount).toBe(full.actors.totalCount);
    expect(full.actors.nodes).toHaveLength(full.actors.totalCount);
  }
  const none = await t.api.data(`{ meetings(first: 0) { totalCount pageInfo { hasNextPage } nodes { id } } }`);
  expect(none.meetings).toEqual({ totalCount: 4, pageInfo: { hasNextPage: true }, nodes: [] });
});
