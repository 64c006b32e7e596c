/**
 * Exploring the graph over HTTP: paths between nodes, the neighbourhood of a node and the
 * timeline, checked against the seeded graph and against Cypher oracles written independently of
 * the service's statements. Read-only: the seed graph is shared by all test files.
 */
import { read } from '../../src/db/driver';
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();

const SYBIHA = 'actor:andrii-sybiha';
const PUTIN = 'actor:vladimir-putin';

interface Ev {
  sentenceText: string;
  excerpt: string;
  start: number;
  end: number;
  source: { text: string };
}
interface Edge {
  id: string;
  type: string;
  from: { id: string; __typename: string };
  to: { id: string; __typename: string };
  evidence: Ev[];
}
interface Path {
  length: number;
  nodes: { id: string; __typename: string }[];
  edges: Edge[];
}

const EDGE = 'id type from { id __typename } to { id __typename } role relation evidence { sentenceText excerpt start end source { text } }';
const PATH = `length nodes { id __typename } edges { ${EDGE} }`;

/** A path a user can trust: ends where asked, each edge joins its two nodes, every hop has real evidence. */
function expectValidPath(path: Path, fromId: string, toId: string): void {
  expect(path.nodes[0].id).toBe(fromId);
  expect(path.nodes.at(-1)!.id).toBe(toId);
  expect(path.edges).toHaveLength(path.length);
  expect(path.nodes).toHaveLength(path.length + 1);
  expect(new Set(path.nodes.map((n) => n.id)).size).toBe(path.nodes.length);
  path.edges.forEach((edge, i) => {
    const ends = [edge.from.id, edge.to.id].sort();
    expect(ends).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort());
    expect(edge.evidence.length).toBeGreaterThan(0);
    for (const e of edge.evidence) {
      expect(e.sentenceText).toContain(e.excerpt);
      expect(e.source.text.slice(e.start, e.end)).toBe(e.excerpt);
    }
  });
  for (const inner of path.nodes.slice(1, -1)) expect(inner.__typename).not.toBe('Source');
}

/** The shortest distance between two nodes not passing through a source, by Cypher's own shortestPath. */
async function oracleDistance(fromId: string, toId: string, maxHops: number): Promise<number | null> {
  const rows = await read(
    t.db,
    `MATCH (a:Node {id: $fromId}), (b:Node {id: $toId})
     MATCH p = shortestPath((a)-[*..${maxHops}]-(b)) WHERE none(n IN nodes(p)[1..-1] WHERE n:Source)
     RETURN length(p) AS length`,
    { fromId, toId },
  );
  return (rows[0]?.length as number | undefined) ?? null;
}

describe('paths', () => {
  test('Sybiha is connected to Putin, by a shortest path whose every hop carries evidence', async () => {
    const { path } = await t.api.data(`query ($from: ID!, $to: ID!) { path(fromId: $from, toId: $to) { ${PATH} } }`, { from: SYBIHA, to: PUTIN });
    expect(path).not.toBeNull();
    expectValidPath(path, SYBIHA, PUTIN);
    expect(path.length).toBe(await oracleDistance(SYBIHA, PUTIN, 4));
  });

  test('paths returns distinct simple paths, shortest first, the first as short as the shortest path', async () => {
    const { paths } = await t.api.data(`query ($from: ID!, $to: ID!) { paths(fromId: $from, toId: $to, k: 5) { ${PATH} } }`, { from: SYBIHA, to: PUTIN });
    expect(paths.length).toBeGreaterThan(1);
    expect(paths.length).toBeLessThanOrEqual(5);
    for (const p of paths as Path[]) expectValidPath(p, SYBIHA, PUTIN);
    const lengths = (paths as Path[]).map((p) => p.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    expect(lengths[0]).toBe(await oracleDistance(SYBIHA, PUTIN, 4));
    const signatures = (paths as Path[]).map((p) => p.edges.map((e) => e.id).join(' '));
    expect(new Set(signatures).size).toBe(signatures.length);
  });

  test('maxHops bounds the search: nothing shorter than the distance is found', async () => {
    const distance = (await oracleDistance(SYBIHA, PUTIN, 6))!;
    const data = await t.api.data(
      `query ($from: ID!, $to: ID!, $short: Int!, $exact: Int!) {
      short: path(fromId: $from, toId: $to, maxHops: $short) { length }
      shortList: paths(fromId: $from, toId: $to, maxHops: $short) { length }
      exact: path(fromId: $from, toId: $to, maxHops: $exact) { length }
    }`,
      { from: SYBIHA, to: PUTIN, short: distance - 1, exact: distance },
    );
    expect(data).toEqual({ short: null, shortList: [], exact: { length: distance } });
  });

  test('a path from a node to itself has length 0; unknown ids give null and []', async () => {
    const data = await t.api.data(`{
      self: path(fromId: "${SYBIHA}", toId: "${SYBIHA}") { length nodes { id } edges { id } }
      selfList: paths(fromId: "${SYBIHA}", toId: "${SYBIHA}") { length }
      unknown: path(fromId: "actor:nobody", toId: "${PUTIN}") { length }
      unknownList: paths(fromId: "${SYBIHA}", toId: "actor:nobody") { length }
    }`);
    expect(data).toEqual({
      self: { length: 0, nodes: [{ id: SYBIHA }], edges: [] },
      selfList: [{ length: 0 }],
      unknown: null,
      unknownList: [],
    });
  });

  test('edges name their stored type and direction, with role and relation where stored', async () => {
    const { path } = await t.api.data(
      `{ path(fromId: "actor:jared-kushner", toId: "actor:donald-trump", maxHops: 1) { edges { id type from { id } to { id } relation role } } }`,
    );
    expect(path.edges).toContainEqual({
      id: 'RELATED_TO:actor:jared-kushner->actor:donald-trump|SON_IN_LAW_OF',
      type: 'RELATED_TO',
      from: { id: 'actor:jared-kushner' },
      to: { id: 'actor:donald-trump' },
      relation: 'SON_IN_LAW_OF',
      role: null,
    });
  });
});

describe('neighbourhood', () => {
  const MEETING = 'meeting:uae-trilateral-talks';
  const SUBGRAPH = `center { id } nodes { id __typename } edges { ${EDGE} } truncated`;

  /** Every stored relationship among `ids`, as `TYPE:from->to` (relation appended), by Cypher. */
  async function oracleEdges(ids: string[]): Promise<string[]> {
    const rows = await read(
      t.db,
      `MATCH (x:Node)-[r]->(y:Node) WHERE x.id IN $ids AND y.id IN $ids
       RETURN type(r) + ':' + x.id + '->' + y.id + coalesce('|' + r.relation, '') AS id`,
      { ids },
    );
    return rows.map((r) => r.id as string).sort();
  }

  test('depth 1 of a meeting is exactly its stored neighbours and the relationships among them', async () => {
    const { neighbourhood } = await t.api.data(`{ neighbourhood(id: "${MEETING}") { ${SUBGRAPH} } }`);
    const neighbours = await read(t.db, 'MATCH (:Node {id: $id})--(n:Node) RETURN DISTINCT n.id AS id', { id: MEETING });
    const expected = neighbours.map((r) => r.id as string).sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(neighbourhood.center).toEqual({ id: MEETING });
    expect(neighbourhood.nodes.map((n: { id: string }) => n.id).sort()).toEqual(expected);
    expect(neighbourhood.truncated).toBe(false);
    expect(neighbourhood.edges.map((e: Edge) => e.id).sort()).toEqual(await oracleEdges([MEETING, ...expected]));
    for (const edge of neighbourhood.edges as Edge[]) {
      expect(edge.evidence.length).toBeGreaterThan(0);
      for (const e of edge.evidence) expect(e.sentenceText).toContain(e.excerpt);
    }
  });

  test('depth 2 lists every depth-1 node before any depth-2 node, and agrees with a Cypher oracle', async () => {
    const { neighbourhood } = await t.api.data(`{ neighbourhood(id: "${MEETING}", depth: 2, limit: 500) { ${SUBGRAPH} } }`);
    const rows = await read(
      t.db,
      `MATCH (c:Node {id: $id})
       MATCH p = shortestPath((c)-[*..2]-(n:Node)) WHERE n <> c AND none(m IN nodes(p)[1..-1] WHERE m:Source)
       RETURN n.id AS id, length(p) AS depth`,
      { id: MEETING },
    );
    const depthOf = new Map(rows.map((r) => [r.id as string, r.depth as number]));
    const ids: string[] = neighbourhood.nodes.map((n: { id: string }) => n.id);
    expect([...ids].sort()).toEqual([...depthOf.keys()].sort());
    expect(ids.some((id) => depthOf.get(id) === 2)).toBe(true);
    const depths = ids.map((id) => depthOf.get(id)!);
    expect([...depths].sort()).toEqual(depths);
    expect(neighbourhood.truncated).toBe(false);
    expect(neighbourhood.edges.map((e: Edge) => e.id).sort()).toEqual(await oracleEdges([MEETING, ...ids]));
  });

  test('limit cuts the neighbourhood short and says so; edges stay among the returned nodes', async () => {
    const { neighbourhood } = await t.api.data(`{ neighbourhood(id: "${MEETING}", depth: 2, limit: 3) { ${SUBGRAPH} } }`);
    expect(neighbourhood.nodes).toHaveLength(3);
    expect(neighbourhood.truncated).toBe(true);
    const neighbours = new Set((await read(t.db, 'MATCH (:Node {id: $id})--(n:Node) RETURN n.id AS id', { id: MEETING })).map((r) => r.id));
    for (const node of neighbourhood.nodes) expect(neighbours.has(node.id)).toBe(true);
    const ids = [MEETING, ...neighbourhood.nodes.map((n: { id: string }) => n.id)];
    expect(neighbourhood.edges.map((e: Edge) => e.id).sort()).toEqual(await oracleEdges(ids));
  });

  test('an exact fit is not truncated, and an unknown id gives null', async () => {
    const count = (await read(t.db, 'MATCH (:Node {id: $id})--(n:Node) RETURN count(DISTINCT n) AS n', { id: MEETING }))[0].n as number;
    const data = await t.api.data(`{
      fit: neighbourhood(id: "${MEETING}", limit: ${count}) { nodes { id } truncated }
      unknown: neighbourhood(id: "meeting:nothing") { truncated }
    }`);
    expect(data.fit.nodes).toHaveLength(count);
    expect(data.fit.truncated).toBe(false);
    expect(data.unknown).toBeNull();
  });
});

describe('timeline', () => {
  const TIMELINE = `query ($from: PartialDate, $to: PartialDate, $actorId: ID, $first: Int, $after: String) {
    timeline(from: $from, to: $to, actorId: $actorId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { kind date { value precision } node { id __typename } } }
    }
  }`;

  interface Dated {
    id: string;
    kind: string;
    date: string;
    end: string;
  }

  /** All dated entries, straight from the graph; a meeting spans from its start to its end. */
  async function oracleEntries(actorId?: string): Promise<Dated[]> {
    const rows = await read(
      t.db,
      `MATCH (n:Meeting|Statement|Event)
       WHERE coalesce(n.startDate, n.date) IS NOT NULL
         AND ($actorId IS NULL OR EXISTS { (:Actor {id: $actorId})-[:PARTICIPATED_IN|SAID|INVOLVED_IN]->(n) })
       RETURN n.id AS id, CASE WHEN n:Meeting THEN 'MEETING' WHEN n:Statement THEN 'STATEMENT' ELSE 'EVENT' END AS kind,
              coalesce(n.startDate, n.date) AS date, coalesce(n.endDate, n.startDate, n.date) AS end`,
      { actorId: actorId ?? null },
    );
    return rows as unknown as Dated[];
  }

  /** First and last day of the period a partial date names, as real dates. */
  function period(value: string): [Date, Date] {
    const [y, m, d] = value.split('-').map(Number);
    if (d) return [new Date(Date.UTC(y, m - 1, d)), new Date(Date.UTC(y, m - 1, d))];
    if (m) return [new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 0))];
    return [new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y, 11, 31))];
  }

  function overlaps(entry: Dated, from: string | null, to: string | null): boolean {
    const start = period(entry.date)[0];
    const end = period(entry.end)[1];
    return (from === null || end >= period(from)[0]) && (to === null || start <= period(to)[1]);
  }

  /** Entries in timeline order: the start of the date's period, then id. */
  const inOrder = (entries: Dated[]) =>
    [...entries].sort((a, b) => period(a.date)[0].getTime() - period(b.date)[0].getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((e) => e.id);

  async function all(variables: Record<string, unknown>): Promise<{ ids: string[]; totalCount: number; pages: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount = -1;
    let pages = 0;
    for (;;) {
      const { timeline }: { timeline: any } = await t.api.data(TIMELINE, { ...variables, after });
      pages += 1;
      totalCount = timeline.totalCount;
      expect(timeline.pageInfo.hasPreviousPage).toBe(after !== null);
      ids.push(...timeline.edges.map((e: { node: { node: { id: string } } }) => e.node.node.id));
      if (!timeline.pageInfo.hasNextPage) break;
      after = timeline.pageInfo.endCursor;
    }
    return { ids, totalCount, pages };
  }

  test('every dated meeting, statement and event, in date order, with its kind and date', async () => {
    const oracle = await oracleEntries();
    expect(oracle.length).toBeGreaterThan(3);
    const { timeline } = await t.api.data(TIMELINE, { first: 100 });
    expect(timeline.totalCount).toBe(oracle.length);
    expect(timeline.edges.map((e: { node: { node: { id: string } } }) => e.node.node.id)).toEqual(inOrder(oracle));
    const byId = new Map(oracle.map((e) => [e.id, e]));
    for (const { node: entry } of timeline.edges) {
      expect(entry.kind).toBe(byId.get(entry.node.id)!.kind);
      expect(entry.date.value).toBe(byId.get(entry.node.id)!.date);
      expect(entry.node.__typename).toBe({ MEETING: 'Meeting', STATEMENT: 'Statement', EVENT: 'Event' }[entry.kind as string]);
    }
  });

  test('paging forwards returns each entry once, in the same order as one page', async () => {
    const oracle = await oracleEntries();
    const { ids, totalCount, pages } = await all({ first: 2 });
    expect(ids).toEqual(inOrder(oracle));
    expect(totalCount).toBe(oracle.length);
    expect(pages).toBe(Math.ceil(oracle.length / 2));
  });

  test('from/to keep the entries whose period overlaps the range, as the oracle computes it', async () => {
    const oracle = await oracleEntries();
    const ranges: [string | null, string | null][] = [
      ['2025', null],
      [null, '2025-06'],
      ['2026-01-24', '2026-01-24'],
      ['2022-02-15', '2025-01-10'],
      ['2025-03', '2025-12'],
      ['2030', null],
    ];
    let nonEmpty = 0;
    for (const [from, to] of ranges) {
      const expected = inOrder(oracle.filter((e) => overlaps(e, from, to)));
      const { ids, totalCount } = await all({ from, to, first: 3 });
      expect({ from, to, ids }).toEqual({ from, to, ids: expected });
      expect(totalCount).toBe(expected.length);
      if (expected.length > 0 && expected.length < oracle.length) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(3);
  });

  test('actorId keeps what the actor took part in, said or was involved in', async () => {
    for (const actorId of ['country:russia', 'actor:donald-trump', SYBIHA]) {
      const expected = inOrder(await oracleEntries(actorId));
      const { ids, totalCount } = await all({ actorId, first: 100 });
      expect({ actorId, ids }).toEqual({ actorId, ids: expected });
      expect(totalCount).toBe(expected.length);
    }
    const russia = await all({ actorId: 'country:russia', first: 100 });
    expect(russia.ids).toEqual(expect.arrayContaining(['meeting:uae-trilateral-talks', 'event:full-scale-invasion']));
  });
});

test('out-of-range arguments, bad cursors and reversed ranges are BAD_USER_INPUT naming the argument', async () => {
  const cases: [string, string][] = [
    [`{ path(fromId: "${SYBIHA}", toId: "${PUTIN}", maxHops: 0) { length } }`, 'maxHops'],
    [`{ path(fromId: "${SYBIHA}", toId: "${PUTIN}", maxHops: 7) { length } }`, 'maxHops'],
    [`{ paths(fromId: "${SYBIHA}", toId: "${PUTIN}", maxHops: 99) { length } }`, 'maxHops'],
    [`{ paths(fromId: "${SYBIHA}", toId: "${PUTIN}", k: 0) { length } }`, 'k'],
    [`{ paths(fromId: "${SYBIHA}", toId: "${PUTIN}", k: 11) { length } }`, 'k'],
    [`{ neighbourhood(id: "${SYBIHA}", depth: 0) { truncated } }`, 'depth'],
    [`{ neighbourhood(id: "${SYBIHA}", depth: 4) { truncated } }`, 'depth'],
    [`{ neighbourhood(id: "${SYBIHA}", limit: 0) { truncated } }`, 'limit'],
    [`{ neighbourhood(id: "${SYBIHA}", limit: 501) { truncated } }`, 'limit'],
    ['{ timeline(first: 101) { totalCount } }', 'first'],
    ['{ timeline(first: -1) { totalCount } }', 'first'],
    ['{ timeline(after: "not-a-cursor") { totalCount } }', 'after'],
    ['{ timeline(from: "2026-02", to: "2026-01") { totalCount } }', 'from'],
    ['{ timeline(from: "2026-01-02", to: "2026-01-01") { totalCount } }', 'from'],
  ];
  for (const [query, argument] of cases) {
    const response = await t.api.gql(query);
    expect({ query, errors: response.errors }).toEqual({
      query,
      errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument }, message: expect.stringContaining(argument) })],
    });
  }
  // A range that is one period seen at two precisions is not reversed.
  const ok = await t.api.gql('{ timeline(from: "2026-01", to: "2026") { totalCount } }');
  expect(ok.errors).toBeUndefined();
});

test('a path asked for its length alone has the length of the full path', async () => {
  const args = `fromId: "actor:andrii-sybiha", toId: "actor:vladimir-putin", maxHops: 6`;
  const full = await t.api.data(`{ path(${args}) { length nodes { id } edges { type } } }`);
  const alone = await t.api.data(`{ path(${args}) { length } }`);
  expect(alone.path.length).toBe(full.path.length);
  expect(full.path.nodes).toHaveLength(full.path.length + 1);
  const none = await t.api.data(`{ path(fromId: "actor:andrii-sybiha", toId: "actor:nobody") { length } }`);
  expect(none.path).toBeNull();
});
