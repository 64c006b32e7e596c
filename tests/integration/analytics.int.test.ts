/**
 * Analytics over the seeded graph, as a client asks for them over HTTP, each checked against
 * Cypher run directly on the database; and the cache: reused while the graph is unchanged,
 * dropped when a load bumps the graph version. What this file loads it removes again, so other
 * test files see exactly the seed graph.
 */
import { read } from '../../src/db/driver';
import { loadFacts } from '../../src/ingest/seed';
import { RELATIONSHIP_TYPES } from '../../src/facts/format';
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();

const LABELS = ['Actor', 'Location', 'Meeting', 'Position', 'Statement', 'Stance', 'Event', 'Source'];

interface Ranked {
  rank: number;
  score: number;
  actor: { id: string; name: string; kind: string };
}

/** Sorted the way the API ranks: score descending, then name, then id. */
function ranked<T extends { score: number; name: string; id: string }>(rows: T[]): T[] {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...rows].sort((x, y) => y.score - x.score || cmp(x.name, y.name) || cmp(x.id, y.id));
}

async function cypherStats() {
  const nodes: Record<string, number> = {};
  for (const label of LABELS) nodes[label] = (await read(t.db, `MATCH (n:${label}) RETURN count(n) AS c`))[0].c as number;
  const rels = await read(t.db, 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS c');
  const relationships: Record<string, number> = Object.fromEntries(RELATIONSHIP_TYPES.map((type) => [type, 0]));
  for (const r of rels) relationships[r.type as string] = r.c as number;
  return { nodes, relationships };
}

const STATS = 'query { stats { sources lastLoadAt nodes { type count } relationships { type count } } }';

function asRecord(counts: { type: string; count: number }[]): Record<string, number> {
  return Object.fromEntries(counts.map((c) => [c.type, c.count]));
}

describe('stats', () => {
  test('counts equal Cypher counts per label and relationship type; lastLoadAt is the last load', async () => {
    const { stats } = await t.api.data(STATS);
    const expected = await cypherStats();
    expect(asRecord(stats.nodes)).toEqual(expected.nodes);
    expect(asRecord(stats.relationships)).toEqual(expected.relationships);
    expect(stats.sources).toBe(expected.nodes.Source);
    expect(stats.sources).toBeGreaterThan(0);
    const [meta] = await read(t.db, "MATCH (m:GraphMeta {id: 'graph'}) RETURN m.lastLoadAt AS at, m.version AS version");
    expect(meta.version).toBeGreaterThanOrEqual(1);
    expect(stats.lastLoadAt).toBe(meta.at);
    expect(Number.isNaN(Date.parse(stats.lastLoadAt))).toBe(false);
  });

  test('the counts come from the count store: no node or relationship scan', async () => {
    // The statement the repository sends for one label and one type, profiled.
    const result = await t.db.driver.executeQuery(
      'PROFILE CALL () { MATCH (n:Actor) RETURN count(n) AS n0 } CALL () { MATCH ()-[r:SAID]->() RETURN count(r) AS r0 } RETURN n0, r0',
      {},
      { database: t.db.database },
    );
    const operators: string[] = [];
    const walk = (plan: { operatorType: string; children: unknown[] }) => {
      operators.push(plan.operatorType);
      plan.children.forEach((c) => walk(c as never));
    };
    walk(result.summary.profile as never);
    expect(operators.some((o) => o.startsWith('NodeCountFromCountStore'))).toBe(true);
    expect(operators.some((o) => o.startsWith('RelationshipCountFromCountStore'))).toBe(true);
    expect(operators.some((o) => /Scan|Expand/.test(o))).toBe(false);
  });
});

describe('topActors', () => {
  const MEASURES: [string, string][] = [
    ['DEGREE', 'COUNT { (a)--() }'],
    ['MEETINGS', 'COUNT { (a)-[:PARTICIPATED_IN]->(:Meeting) }'],
    ['STATEMENTS', 'COUNT { (a)-[:SAID]->(:Statement) }'],
    ['MENTIONS', 'COUNT { (a)<-[:MENTIONS]-(:Statement) }'],
  ];

  test.each(MEASURES)('%s equals the Cypher count, ranked by score then name', async (by, measure) => {
    const { topActors } = await t.api.data<{ topActors: Ranked[] }>(
      `query($by: TopActorsBy!) { topActors(by: $by, first: 15) { rank score actor { id name kind } } }`,
      { by },
    );
    const rows = await read(t.db, `MATCH (a:Actor) RETURN a.id AS id, a.name AS name, ${measure} AS score`);
    const expected = ranked(rows as { id: string; name: string; score: number }[]).slice(0, 15);
    expect(topActors.map((r) => [r.rank, r.actor.id, r.score])).toEqual(expected.map((e, i) => [i + 1, e.id, e.score]));
    expect(topActors[0].score).toBeGreaterThan(0);
  });

  test('kind limits the ranking to actors of that kind', async () => {
    const { topActors } = await t.api.data<{ topActors: Ranked[] }>('{ topActors(by: MEETINGS, kind: COUNTRY, first: 100) { rank score actor { id kind } } }');
    const [count] = await read(t.db, "MATCH (a:Actor {kind: 'COUNTRY'}) RETURN count(a) AS c");
    expect(topActors.length).toBe(Math.min(100, count.c as number));
    expect(topActors.every((r) => r.actor.kind === 'COUNTRY')).toBe(true);
  });

  test('PAGERANK: scores of all actors sum to 1 and match a straightforward implementation', async () => {
    const [{ c: actorCount }] = await read(t.db, 'MATCH (a:Actor) RETURN count(a) AS c');
    expect(actorCount as number).toBeLessThanOrEqual(100); // so first: 100 returns every actor
    const { topActors } = await t.api.data<{ topActors: Ranked[] }>('{ topActors(by: PAGERANK, first: 100) { rank score actor { id name } } }');
    expect(topActors.length).toBe(actorCount);
    expect(topActors.reduce((s, r) => s + r.score, 0)).toBeCloseTo(1, 6);

    // Independent: a dense matrix from a different query shape, iterated a fixed 200 rounds.
    const ids = (await read(t.db, 'MATCH (a:Actor) RETURN a.id AS id ORDER BY id')).map((r) => r.id as string);
    const at = new Map(ids.map((id, i) => [id, i]));
    const n = ids.length;
    const w = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const r of await read(
      t.db,
      'MATCH (a:Actor)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(b:Actor) WHERE a <> b RETURN a.id AS a, b.id AS b, count(DISTINCT m) AS c',
    )) {
      w[at.get(r.a as string)!][at.get(r.b as string)!] = r.c as number;
    }
    const out = w.map((row) => row.reduce((s, x) => s + x, 0));
    let pr = new Array<number>(n).fill(1 / n);
    for (let round = 0; round < 200; round++) {
      const dangling = pr.reduce((s, p, i) => s + (out[i] === 0 ? p : 0), 0);
      pr = pr.map((_, j) => 0.15 / n + 0.85 * (dangling / n + pr.reduce((s, p, i) => s + (out[i] ? (p * w[i][j]) / out[i] : 0), 0)));
    }
    for (const r of topActors) expect(r.score).toBeCloseTo(pr[at.get(r.actor.id)!], 4);
    // Ranked by score, ties by name.
    for (let i = 1; i < topActors.length; i++) {
      const [x, y] = [topActors[i - 1], topActors[i]];
      expect(x.score > y.score || (x.score === y.score && x.actor.name <= y.actor.name)).toBe(true);
    }
    // An actor in no meeting scores least: it only gets the teleport and dangling share.
    const isolated = ids.filter((_, i) => out[i] === 0);
    const busiest = ids[out.indexOf(Math.max(...out))];
    const score = (id: string) => topActors.find((r) => r.actor.id === id)!.score;
    if (isolated.length) expect(score(isolated[0])).toBeLessThan(score(busiest));
  });
});

describe('coOccurrence', () => {
  const ORACLES: [string, string][] = [
    ['MEETING', 'MATCH (a:Actor)-[:PARTICIPATED_IN]->(x:Meeting)<-[:PARTICIPATED_IN]-(b:Actor)'],
    [
      'STATEMENT',
      'MATCH (a:Actor) MATCH (b:Actor) MATCH (x:Statement) WHERE (EXISTS { (a)-[:SAID]->(x) } OR EXISTS { (x)-[:MENTIONS]->(a) }) AND (EXISTS { (b)-[:SAID]->(x) } OR EXISTS { (x)-[:MENTIONS]->(b) })',
    ],
  ];

  test.each(ORACLES)('%s: pair counts equal Cypher, most first, with the shared nodes behind them', async (kind, match) => {
    const { coOccurrence } = await t.api.data(
      `query($kind: CoOccurrenceKind!) { coOccurrence(kind: $kind, first: 100) { a { id name } b { id name } count together { id __typename } } }`,
      { kind },
    );
    const oracle = await read(
      t.db,
      `${match} ${match.includes('WHERE') ? 'AND' : 'WHERE'} a.id < b.id RETURN a.id + '|' + b.id AS pair, count(DISTINCT x) AS count, collect(DISTINCT x.id) AS shared`,
    );
    expect(oracle.length).toBeGreaterThan(0);
    const expected = new Map(oracle.map((r) => [r.pair as string, r]));
    expect(coOccurrence.length).toBe(Math.min(100, oracle.length));
    for (const pair of coOccurrence) {
      const row = expected.get(`${pair.a.id}|${pair.b.id}`)!;
      expect(row).toBeDefined();
      expect(pair.count).toBe(row.count);
      expect(pair.together.length).toBe(Math.min(20, row.count as number));
      expect(
        pair.together.every(
          (n: { id: string; __typename: string }) => (row.shared as string[]).includes(n.id) && n.__typename === (kind === 'MEETING' ? 'Meeting' : 'Statement'),
        ),
      ).toBe(true);
    }
    const counts = coOccurrence.map((p: { count: number }) => p.count);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    // The returned pairs are the most frequent ones.
    const threshold = counts.at(-1);
    expect(oracle.filter((r) => (r.count as number) > threshold).length).toBeLessThanOrEqual(coOccurrence.length);
  });

  test('minCount leaves out rarer pairs', async () => {
    const { coOccurrence } = await t.api.data('{ coOccurrence(kind: MEETING, minCount: 2, first: 100) { count } }');
    const [oracle] = await read(
      t.db,
      'MATCH (a:Actor)-[:PARTICIPATED_IN]->(x:Meeting)<-[:PARTICIPATED_IN]-(b:Actor) WHERE a.id < b.id WITH a, b, count(DISTINCT x) AS c WHERE c >= 2 RETURN count(*) AS pairs',
    );
    expect(coOccurrence.length).toBe(Math.min(100, oracle.pairs as number));
    expect(coOccurrence.every((p: { count: number }) => p.count >= 2)).toBe(true);
  });
});

describe('stanceMatrix', () => {
  const MATRIX = `query($topics: [String!], $actors: [ID!]) { stanceMatrix(topics: $topics, actors: $actors) {
    actors { id } topics cells { actor { id } topic stances { id stance } } } }`;

  test('by default every stance holder and topic, cells exactly where Cypher finds stances', async () => {
    const { stanceMatrix } = await t.api.data(MATRIX);
    const rows = await read(t.db, 'MATCH (a:Actor)-[:TAKES_STANCE]->(s:Stance) RETURN a.id AS actor, s.topic AS topic, s.id AS stance');
    expect(rows.length).toBeGreaterThan(0);
    expect([...stanceMatrix.actors.map((a: { id: string }) => a.id)].sort()).toEqual([...new Set(rows.map((r) => r.actor as string))].sort());
    expect([...stanceMatrix.topics].sort()).toEqual([...new Set(rows.map((r) => r.topic as string))].sort());
    const got = stanceMatrix.cells.flatMap((c: { actor: { id: string }; topic: string; stances: { id: string }[] }) =>
      c.stances.map((s) => `${c.actor.id}|${c.topic}|${s.id}`),
    );
    expect(got.sort()).toEqual(rows.map((r) => `${r.actor}|${r.topic}|${r.stance}`).sort());
  });

  test('topics match exactly but in any case; actors limit the rows', async () => {
    const [row] = await read(t.db, 'MATCH (a:Actor)-[:TAKES_STANCE]->(s:Stance) RETURN a.id AS actor, s.topic AS topic ORDER BY a.id, s.topic LIMIT 1');
    const asked = (row.topic as string).toUpperCase();
    const { stanceMatrix } = await t.api.data(MATRIX, { topics: [asked, 'no such topic'], actors: [row.actor] });
    expect(stanceMatrix.topics).toEqual([asked, 'no such topic']);
    expect(stanceMatrix.actors).toEqual([{ id: row.actor }]);
    const expected = await read(t.db, 'MATCH (:Actor {id: $actor})-[:TAKES_STANCE]->(s:Stance) WHERE toLower(s.topic) = toLower($topic) RETURN s.id AS id', {
      actor: row.actor,
      topic: asked,
    });
    expect(stanceMatrix.cells).toHaveLength(1);
    expect(stanceMatrix.cells[0].topic).toBe(asked);
    expect(stanceMatrix.cells[0].stances.map((s: { id: string }) => s.id).sort()).toEqual(expected.map((r) => r.id).sort());
    // A part of a topic is not the topic.
    const part = await t.api.data(MATRIX, { topics: [asked.slice(0, -1)] });
    expect(part.stanceMatrix.cells).toEqual([]);
  });
});

describe('timelineBuckets', () => {
  const BUCKETS =
    'query($from: PartialDate!, $to: PartialDate!, $interval: TimeInterval!) { timelineBuckets(from: $from, to: $to, interval: $interval) { start meetings statements events } }';

  async function datedIn(first: string, last: string) {
    const count = async (label: string, date: string) =>
      (
        await read(
          t.db,
          `MATCH (n:${label}) WHERE n.${date} IS NOT NULL AND left(n.${date} + '-01-01', 10) >= $first AND left(n.${date} + '-01-01', 10) <= $last RETURN count(n) AS c`,
          { first, last },
        )
      )[0].c as number;
    return { meetings: await count('Meeting', 'startDate'), statements: await count('Statement', 'date'), events: await count('Event', 'date') };
  }

  const sum = (buckets: Record<string, number>[], field: string) => buckets.reduce((s, b) => s + b[field], 0);

  test.each([
    ['MONTH', '2000', '2030', 31 * 12],
    ['WEEK', '2025-06', '2026-06', null],
    ['DAY', '2026-01-01', '2026-03-31', 90],
  ])('%s buckets from %s to %s: every bucket present, totals equal the dated items in range', async (interval, from, to, buckets) => {
    const { timelineBuckets } = await t.api.data(BUCKETS, { from, to, interval });
    if (buckets !== null) expect(timelineBuckets).toHaveLength(buckets);
    const starts = timelineBuckets.map((b: { start: string }) => b.start);
    expect(starts).toEqual([...starts].sort());
    expect(new Set(starts).size).toBe(starts.length);
    if (interval === 'WEEK') expect(starts.every((s: string) => new Date(`${s}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    if (interval === 'MONTH') expect(starts.every((s: string) => s.endsWith('-01'))).toBe(true);
    const first = `${from}-01-01`.slice(0, 10);
    const last = to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to;
    const expected = await datedIn(first, last);
    expect({ meetings: sum(timelineBuckets, 'meetings'), statements: sum(timelineBuckets, 'statements'), events: sum(timelineBuckets, 'events') }).toEqual(
      expected,
    );
    if (interval === 'MONTH') expect(expected.meetings + expected.statements + expected.events).toBeGreaterThan(0);
  });

  test('a partial date counts in the bucket of its first day', async () => {
    // The seed has events dated only to a month or a year.
    const [row] = await read(t.db, 'MATCH (n:Event) WHERE size(n.date) < 10 RETURN n.date AS d ORDER BY d LIMIT 1');
    expect(row).toBeDefined();
    const date = row.d as string;
    const first = `${date}-01-01`.slice(0, 10);
    const { timelineBuckets } = await t.api.data(BUCKETS, { from: date, to: date, interval: 'DAY' });
    const [{ c }] = await read(t.db, "MATCH (n:Event) WHERE left(n.date + '-01-01', 10) = $day RETURN count(n) AS c", { day: first });
    expect(c).toBeGreaterThan(0);
    expect(timelineBuckets[0]).toMatchObject({ start: first, events: c });
    expect(timelineBuckets.slice(1).every((b: { events: number }) => b.events <= (c as number))).toBe(true);
    // One bucket per day of the period, through its last day.
    const last = date.length === 4 ? `${date}-12-31` : new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).toISOString().slice(0, 10);
    expect(timelineBuckets.at(-1).start).toBe(last);
  });
});

describe('bad arguments are BAD_USER_INPUT naming the argument', () => {
  test.each([
    ['{ topActors(by: DEGREE, first: 101) { rank } }', 'first'],
    ['{ topActors(by: PAGERANK, first: -1) { rank } }', 'first'],
    ['{ coOccurrence(kind: MEETING, minCount: 0) { count } }', 'minCount'],
    ['{ coOccurrence(kind: STATEMENT, first: 1000) { count } }', 'first'],
    [`{ stanceMatrix(topics: [${Array.from({ length: 51 }, (_, i) => `"t${i}"`).join(', ')}]) { topics } }`, 'topics'],
    [`{ stanceMatrix(actors: [${Array.from({ length: 51 }, (_, i) => `"a${i}"`).join(', ')}]) { topics } }`, 'actors'],
    ['{ timelineBuckets(from: "2026-02", to: "2026-01", interval: MONTH) { start } }', 'from'],
    ['{ timelineBuckets(from: "2020", to: "2026", interval: DAY) { start } }', 'interval'],
  ])('%s', async (query, argument) => {
    const response = await t.api.gql(query);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

describe('the cache', () => {
  const DOC = {
    source: {
      id: 'source:analytics-test',
      title: 'Analytics test',
      publisher: 'Tests',
      text: 'Anna Testa met Bruno Testi in Testville. Bruno Testi said the talks went well.',
    },
    entities: [
      { id: 'actor:analytics-test-anna', type: 'Actor', name: 'Anna Testa', kind: 'PERSON', evidence: [{ sentence: 1, excerpt: 'Anna Testa' }] },
      { id: 'actor:analytics-test-bruno', type: 'Actor', name: 'Bruno Testi', kind: 'PERSON', evidence: [{ sentence: 1, excerpt: 'Bruno Testi' }] },
      { id: 'meeting:analytics-test', type: 'Meeting', name: 'Testville meeting', evidence: [{ sentence: 1, excerpt: 'met Bruno Testi in Testville' }] },
    ],
    relationships: [
      { type: 'PARTICIPATED_IN', from: 'actor:analytics-test-anna', to: 'meeting:analytics-test', evidence: [{ sentence: 1, excerpt: 'Anna Testa met' }] },
      { type: 'PARTICIPATED_IN', from: 'actor:analytics-test-bruno', to: 'meeting:analytics-test', evidence: [{ sentence: 1, excerpt: 'met Bruno Testi' }] },
    ],
  };

  async function removeTestFacts(): Promise<void> {
    await t.db.driver.executeQuery("MATCH (n:Node) WHERE n.id CONTAINS 'analytics-test' DETACH DELETE n", {}, { database: t.db.database });
    // A write outside the loader must bump the version itself, or caches would keep the old answers.
    await t.db.driver.executeQuery("MATCH (m:GraphMeta {id: 'graph'}) SET m.version = m.version + 1", {}, { database: t.db.database });
  }
  afterAll(removeTestFacts);

  test('a repeated request is answered from the cache with one version lookup; a load invalidates it', async () => {
    const debug = { 'x-debug-db': '1' };
    const query = `{ stats { sources lastLoadAt nodes { type count } relationships { type count } }
      topActors(by: PAGERANK, first: 3) { rank score actor { id } }
      coOccurrence(kind: MEETING, first: 3) { count a { id } b { id } } }`;
    const first = await t.api.gql(query, undefined, debug);
    const again = await t.api.gql(query, undefined, debug);
    expect(first.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(again.extensions?.db.roundTrips).toBe(1);

    const before = first.data.stats;
    await loadFacts(t.db, [DOC]);
    const after = (await t.api.gql(query, undefined, debug)).data.stats;
    expect(asRecord(after.nodes)).toEqual({
      ...asRecord(before.nodes),
      Actor: asRecord(before.nodes).Actor + 2,
      Meeting: asRecord(before.nodes).Meeting + 1,
      Source: before.sources + 1,
    });
    expect(asRecord(after.relationships).PARTICIPATED_IN).toBe(asRecord(before.relationships).PARTICIPATED_IN + 2);
    expect(after.sources).toBe(before.sources + 1);
    expect(after.lastLoadAt > before.lastLoadAt).toBe(true);
    const { coOccurrence } = await t.api.data('{ coOccurrence(kind: MEETING, first: 100) { count a { id } b { id } } }');
    expect(coOccurrence).toContainEqual({ count: 1, a: { id: 'actor:analytics-test-anna' }, b: { id: 'actor:analytics-test-bruno' } });

    await removeTestFacts();
    const restored = await t.api.data(STATS);
    expect(asRecord(restored.stats.nodes)).toEqual(asRecord(before.nodes));
    expect(asRecord(restored.stats.relationships)).toEqual(asRecord(before.relationships));
  });
});
