/**
 * The API on a generated graph of about 10,000 stored relationships (power-law degrees, part-of chains,
 * dated meetings and statements), loaded through the real loader into its own Neo4j: paging, totals,
 * filters and sorting agree with Cypher, plain lists stay capped, a nested question stays one round trip,
 * and search and paths work at this size.
 */
import { FLOOR_QUERIES } from '../../src/bench/arms/floor';
import { pickParams, SERVICE_OPERATIONS } from '../../src/bench/queries';
import { read } from '../../src/db/driver';
import { pageThrough } from '../helpers/paging';
import { useScaleApi } from '../helpers/scale-graph';

// Documents restate shared facts (offices, part-of), so 12,000 stated relationships store about 10,000.
const t = useScaleApi({ relationships: 12_000, seed: 20260126 });

async function rows(cypher: string, params: Record<string, unknown> = {}) {
  return read(t.db, cypher, params);
}

async function ids(cypher: string, params: Record<string, unknown> = {}): Promise<string[]> {
  return (await rows(cypher, params)).map((r) => r.id as string).sort();
}

/** The calendar period a partial date names, as [first day, last day]. */
function period(date: string): [string, string] {
  const [y, m, d] = date.split('-').map(Number);
  if (d) return [date, date];
  if (m) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(last).padStart(2, '0')}`];
  }
  return [`${date}-01-01`, `${date}-12-31`];
}

/** Whether a stored partial date overlaps [from, to], worked out with real calendar periods. */
function overlaps(date: string | null, from: string, to: string): boolean {
  if (date === null) return false;
  const [start, end] = period(date);
  return start <= period(to)[1] && end >= period(from)[0];
}

/** The actor in the most meetings. */
async function hubActor(): Promise<{ id: string; meetings: number }> {
  const [hub] = await rows(
    'MATCH (a:Actor) WITH a, COUNT { (a)-[:PARTICIPATED_IN]->() } AS meetings RETURN a.id AS id, meetings ORDER BY meetings DESC, id LIMIT 1',
  );
  return hub as { id: string; meetings: number };
}

test('the generated graph is at the intended scale and skewed', async () => {
  const [counts] = await rows('MATCH ()-[r]->() RETURN count(r) AS relationships');
  expect(counts.relationships).toBeGreaterThan(9_000);
  const hub = await hubActor();
  const [median] = await rows('MATCH (a:Actor) WITH COUNT { (a)-[:PARTICIPATED_IN]->() } AS m ORDER BY m WITH collect(m) AS ms RETURN ms[size(ms) / 2] AS m');
  expect(hub.meetings).toBeGreaterThan(100);
  expect(hub.meetings).toBeGreaterThan(10 * (median.m as number));
});

test("paging through a hub actor's meetings returns each exactly once, in order, with the right total; the plain list stops at 100", async () => {
  const hub = await hubActor();
  const query = `query($id: ID!, $first: Int, $after: String) { actor(id: $id) {
    meetings { id }
    meetingsConnection(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id startDate { value } } } }
  } }`;
  const { nodes, totalCounts } = await pageThrough<{ id: string; startDate: { value: string } | null }>(t.api, query, (d) => d.actor.meetingsConnection, 50, {
    id: hub.id,
  });
  const expected = await ids('MATCH (:Actor {id: $id})-[:PARTICIPATED_IN]->(m:Meeting) RETURN m.id AS id', { id: hub.id });
  expect(nodes.map((n) => n.id).sort()).toEqual(expected);
  expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
  expect(new Set(totalCounts)).toEqual(new Set([expected.length]));
  const dates = nodes.map((n) => n.startDate?.value ?? '9999');
  expect(dates).toEqual([...dates].sort());
  const plain = (await t.api.data(query, { id: hub.id, first: 1 })).actor.meetings;
  expect(plain).toHaveLength(100);
  expect(plain.map((m: { id: string }) => m.id)).toEqual(nodes.slice(0, 100).map((n) => n.id));
});

test('paging through all actors, 100 at a time, returns every actor exactly once', async () => {
  const { nodes, totalCounts, pages } = await pageThrough<{ id: string }>(
    t.api,
    'query($first: Int, $after: String) { actors(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }',
    (d) => d.actors,
    100,
  );
  const expected = await ids('MATCH (n:Actor) RETURN n.id AS id');
  expect(pages).toBeGreaterThan(3);
  expect(nodes.map((n) => n.id).sort()).toEqual(expected);
  expect(new Set(totalCounts)).toEqual(new Set([expected.length]));
});

describe('filters agree with Cypher at scale', () => {
  async function apiIds(field: string, where: string, variables: Record<string, unknown> = {}, vars = ''): Promise<string[]> {
    const { nodes, totalCounts } = await pageThrough<{ id: string }>(
      t.api,
      `query($first: Int, $after: String ${vars}) { ${field}(where: ${where}, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
      (d) => d[field],
      100,
      variables,
    );
    expect(new Set(totalCounts)).toEqual(new Set([nodes.length]));
    return nodes.map((n) => n.id).sort();
  }

  test('meetings anywhere in the country with the most meetings', async () => {
    const [country] = await rows(`MATCH (c:Actor:Location {kind: 'COUNTRY'})
      RETURN c.id AS id, COUNT { (c)<-[:PART_OF*0..]-(:Location)<-[:HELD_IN]-(:Meeting) } AS n ORDER BY n DESC LIMIT 1`);
    const expected = await ids('MATCH (:Location {id: $id})<-[:PART_OF*0..]-(:Location)<-[:HELD_IN]-(m:Meeting) RETURN DISTINCT m.id AS id', {
      id: country.id,
    });
    expect(expected.length).toBeGreaterThan(10);
    expect(await apiIds('meetings', '{ locationId: $loc }', { loc: country.id }, ', $loc: ID')).toEqual(expected);
  });

  test('meetings in a date range, by calendar overlap', async () => {
    const all = await rows('MATCH (m:Meeting) RETURN m.id AS id, m.startDate AS date');
    const years = all.flatMap((r) => (r.date ? [(r.date as string).slice(0, 4)] : [])).sort();
    const year = years[Math.floor(years.length / 2)];
    const [from, to] = [`${year}-03-15`, `${year}-07`];
    const expected = all
      .filter((r) => overlaps(r.date as string | null, from, to))
      .map((r) => r.id as string)
      .sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(await apiIds('meetings', '{ startDate: { from: $from, to: $to } }', { from, to }, ', $from: PartialDate, $to: PartialDate')).toEqual(expected);
  });

  test('who met the hub actor, excluding people', async () => {
    const hub = await hubActor();
    const expected = await ids(
      `MATCH (:Actor {id: $id})-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(a:Actor) WHERE a.id <> $id AND a.kind <> 'PERSON' RETURN DISTINCT a.id AS id`,
      { id: hub.id },
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await apiIds('actors', '{ metActorId: $id, NOT: { kind: PERSON } }', { id: hub.id }, ', $id: ID')).toEqual(expected);
  });

  test("the hub's quotes, or anything said in a year", async () => {
    const hub = await hubActor();
    const all = await rows('MATCH (s:Statement) RETURN s.id AS id, s.date AS date, s.kind AS kind, EXISTS { (:Actor {id: $id})-[:SAID]->(s) } AS byHub', {
      id: hub.id,
    });
    const year = ((all.find((r) => r.date)?.date as string) ?? '2025').slice(0, 4);
    const expected = all
      .filter((r) => (r.byHub && r.kind === 'QUOTE') || overlaps(r.date as string | null, year, year))
      .map((r) => r.id as string)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const where = '{ OR: [{ speakerId: $id, kind: QUOTE }, { date: { from: $year, to: $year } }] }';
    expect(await apiIds('statements', where, { id: hub.id, year }, ', $id: ID, $year: PartialDate')).toEqual(expected);
  });
});

test('orderBy DEGREE DESC puts the best-connected actors first', async () => {
  const data = await t.api.data('{ actors(first: 20, orderBy: { field: DEGREE, direction: DESC }) { nodes { id } } }');
  const degrees = new Map((await rows('MATCH (a:Actor) RETURN a.id AS id, COUNT { (a)--() } AS d')).map((r) => [r.id as string, r.d as number]));
  const seen = data.actors.nodes.map((n: { id: string }) => degrees.get(n.id)!);
  expect(seen).toEqual([...seen].sort((a, b) => b - a));
  expect(seen[0]).toBe(Math.max(...degrees.values()));
});

test('nested queries cost one round trip at this scale, however deep', async () => {
  const threeLevels = `{ actors(first: 20, orderBy: { field: DEGREE, direction: DESC }) { nodes { name
    meetingsConnection(first: 10) { totalCount nodes { name
      participantsConnection(first: 12) { totalCount nodes { role actor { name } } } } } } } }`;
  const fourLevels = `{ actors(first: 20, orderBy: { field: DEGREE, direction: DESC }) { nodes { name
    meetingsConnection(first: 10) { nodes { name location { name }
      participantsConnection(first: 12) { nodes { role actor { name statementsConnection(first: 5) { totalCount nodes { text } } } } } } } } } }`;
  for (const query of [threeLevels, fourLevels]) {
    const response = await t.api.gql(query, {}, { 'x-debug-db': '1' });
    expect(response.errors).toBeUndefined();
    const participations = response.data.actors.nodes.flatMap((a: any) => a.meetingsConnection.nodes.flatMap((m: any) => m.participantsConnection.nodes));
    expect(participations.length).toBeGreaterThan(200);
    expect(response.extensions?.db.roundTrips).toBe(1);
  }
});

test("nested pages are the pages hand-written Cypher reads (the benchmark's nested questions), in one round trip", async () => {
  const params = await pickParams(t.db);
  for (const q of ['nested2', 'nested3'] as const) {
    const operation = SERVICE_OPERATIONS[q];
    const response = await t.api.gql(operation.query, operation.variables(params), { 'x-debug-db': '1' });
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.db.roundTrips).toBe(1);
    const floor = FLOOR_QUERIES[q];
    const expected = floor.answer(await rows(floor.cypher, floor.params(params)));
    expect(operation.normalise(response.data)).toEqual(expected);
    expect(expected.meetings.length).toBe(10);
  }
});

test('a nested page after a cursor is the next page', async () => {
  const hub = await hubActor();
  const query = `query($id: ID!, $after: String) { actor(id: $id) { meetingsConnection(first: 2) { nodes { id
    participantsConnection(first: 3, after: $after) { pageInfo { endCursor hasNextPage } nodes { actor { id } } } } } } }`;
  const first = await t.api.gql(query, { id: hub.id, after: null }, { 'x-debug-db': '1' });
  const meeting = first.data.actor.meetingsConnection.nodes[0];
  expect(meeting.participantsConnection.pageInfo.hasNextPage).toBe(true);
  const next = await t.api.gql(query, { id: hub.id, after: meeting.participantsConnection.pageInfo.endCursor }, { 'x-debug-db': '1' });
  const ordered = (
    await rows(
      `MATCH (:Meeting {id: $m})<-[r:PARTICIPATED_IN]-(a:Actor) WITH a, r ORDER BY toLower(a.name), a.id + '|' + coalesce(r.key, '') RETURN a.id AS id`,
      {
        m: meeting.id,
      },
    )
  ).map((r) => r.id as string);
  const seen = [...meeting.participantsConnection.nodes, ...next.data.actor.meetingsConnection.nodes[0].participantsConnection.nodes].map(
    (p: any) => p.actor.id,
  );
  expect(seen).toEqual(ordered.slice(0, 6));
});

test('search finds a generated actor by alias and by a misspelt name', async () => {
  const [actor] = await rows(`MATCH (a:Actor {kind: 'PERSON'}) WHERE size(a.aliases) > 0 AND size(a.name) >= 8
    RETURN a.id AS id, a.name AS name, a.aliases AS aliases ORDER BY a.id LIMIT 1`);
  const name = actor.name as string;
  const last = name.split(' ').at(-1)!;
  // Swap two letters in the middle of the last name: one edit for Lucene's fuzzy matching.
  const i = Math.floor(last.length / 2);
  const misspelt = last.slice(0, i - 1) + last[i] + last[i - 1] + last.slice(i + 1);
  for (const text of [(actor.aliases as string[])[0], misspelt]) {
    const data = await t.api.data('query($text: String!) { search(text: $text, types: [ACTOR], first: 10) { nodes { node { id } } } }', { text });
    expect(data.search.nodes.map((h: { node: { id: string } }) => h.node.id)).toContain(actor.id);
  }
});

test('the shortest path between two actors has the length Cypher finds, and evidence on every hop', async () => {
  const [pair] =
    await rows(`MATCH (a:Actor)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(:Actor)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(b:Actor)
    WHERE a.id < b.id AND NOT EXISTS { (a)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(b) }
    RETURN a.id AS a, b.id AS b ORDER BY a.id, b.id LIMIT 1`);
  const [oracle] = await rows(
    `MATCH p = shortestPath((a:Node {id: $a})-[*..6]-(b:Node {id: $b})) WHERE none(n IN nodes(p) WHERE n:Source) RETURN length(p) AS hops`,
    pair,
  );
  const data = await t.api.data(
    'query($a: ID!, $b: ID!) { path(fromId: $a, toId: $b, maxHops: 6) { length edges { type evidence { excerpt sentenceText } } } }',
    pair,
  );
  expect(data.path.length).toBe(oracle.hops);
  for (const edge of data.path.edges) {
    expect(edge.evidence.length).toBeGreaterThan(0);
    for (const e of edge.evidence) expect(e.sentenceText).toContain(e.excerpt);
  }
});
