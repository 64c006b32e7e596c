/**
 * `GET /export` over HTTP against the seeded graph: both formats hold exactly the stored graph
 * (checked against Cypher counts), every fact keeps evidence that points into its source's text, a
 * focused export is GraphQL's `neighbourhood`, and bad requests get coded errors. Read-only.
 */
import { createDatabase, read } from '../../src/db/driver';
import { freePort } from '../../src/db/local-neo4j';
import { ExportRepository } from '../../src/repositories/export-repository';
import { startTestServer, useTestApi } from '../helpers/test-server';
import { type XmlElement, parseXml } from '../helpers/xml';

const t = useTestApi();

const MEETING = 'meeting:uae-trilateral-talks';
const SYBIHA = 'actor:andrii-sybiha';

interface Evidence {
  source: string;
  sentence: number;
  excerpt: string;
  start: number;
  end: number;
}
interface CyElement {
  data: { id: string; type: string; source?: string; target?: string; evidence: Evidence[]; [key: string]: unknown };
}
interface CyDoc {
  truncated: boolean;
  elements: { nodes: CyElement[]; edges: CyElement[] };
}

/** A GraphML document reduced to what the tests compare: nodes and edges with attributes by name. */
interface GraphmlGraph {
  truncated: string;
  nodes: { id: string; data: Record<string, string> }[];
  edges: { id: string; source: string; target: string; data: Record<string, string> }[];
}

function readGraphml(xml: string): GraphmlGraph {
  const doc = parseXml(xml);
  expect(doc.name).toBe('graphml');
  expect(doc.attrs.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
  const keys = new Map(doc.children.filter((c) => c.name === 'key').map((k) => [k.attrs.id, k.attrs]));
  const graphs = doc.children.filter((c) => c.name === 'graph');
  expect(graphs).toHaveLength(1);
  const data = (el: XmlElement) =>
    Object.fromEntries(
      el.children
        .filter((d) => d.name === 'data')
        .map((d) => {
          const key = keys.get(d.attrs.key);
          if (!key || key.for !== el.name) throw new Error(`<${el.name} id="${el.attrs.id}"> uses undeclared key ${d.attrs.key}`);
          return [key['attr.name'], d.text];
        }),
    );
  const g = graphs[0];
  return {
    truncated: data(g).truncated,
    nodes: g.children.filter((c) => c.name === 'node').map((n) => ({ id: n.attrs.id, data: data(n) })),
    edges: g.children.filter((c) => c.name === 'edge').map((e) => ({ id: e.attrs.id, source: e.attrs.source, target: e.attrs.target, data: data(e) })),
  };
}

async function get(query: string): Promise<Response> {
  return fetch(`${t.api.url}/export?${query}`);
}

/** What Cypher says the graph holds: Node-labelled nodes, relationships among them, source texts. */
async function oracle(): Promise<{ nodes: number; edges: number; texts: Map<string, string> }> {
  const [{ nodes }] = await read(t.db, 'MATCH (n:Node) RETURN count(n) AS nodes');
  const [{ edges }] = await read(t.db, 'MATCH (:Node)-[r]->(:Node) RETURN count(r) AS edges');
  const sources = await read(t.db, 'MATCH (s:Source) RETURN s.id AS id, s.text AS text');
  return { nodes: nodes as number, edges: edges as number, texts: new Map(sources.map((s) => [s.id as string, s.text as string])) };
}

/** Evidence a reader can trust: at least one entry, each excerpt exactly at [start, end) of its source's text. */
function expectEvidence(evidence: Evidence[], texts: Map<string, string>, what: string): void {
  if (evidence.length === 0) throw new Error(`${what} has no evidence`);
  for (const e of evidence) {
    const text = texts.get(e.source);
    if (text === undefined) throw new Error(`${what} cites unknown source ${e.source}`);
    expect(e.excerpt.length).toBeGreaterThan(0);
    expect(text.slice(e.start, e.end)).toBe(e.excerpt);
  }
}

describe('whole graph', () => {
  test('GraphML is well-formed XML with every stored node and relationship, each with its evidence', async () => {
    const response = await get('format=graphml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="graph.graphml"');
    const graph = readGraphml(await response.text());
    const { nodes, edges, texts } = await oracle();
    expect(graph.truncated).toBe('false');
    expect(graph.nodes).toHaveLength(nodes);
    expect(graph.edges).toHaveLength(edges);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(nodes);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(edges);
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const edge of graph.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(edge.id.startsWith(`${edge.data.type}:${edge.source}->${edge.target}`)).toBe(true);
      const evidence = JSON.parse(edge.data.evidence) as Evidence[];
      expect(Number(edge.data.evidenceCount)).toBe(evidence.length);
      expectEvidence(evidence, texts, `edge ${edge.id}`);
    }
    for (const node of graph.nodes) {
      if (node.data.type === 'Source') {
        expect(node.data.text).toBe(texts.get(node.id));
        continue;
      }
      expectEvidence(JSON.parse(node.data.evidence), texts, `node ${node.id}`);
    }
    // Attributes survive escaping: the Sybiha quote with its typographic quotes, and a country's two labels.
    const sybiha = graph.nodes.find((n) => n.id === SYBIHA)!;
    expect(sybiha.data).toMatchObject({ type: 'Actor', name: 'Andrii Sybiha' });
    expect(graph.nodes.some((n) => n.data.labels === 'Actor:Location:Node')).toBe(true);
  });

  test('Cytoscape JSON has the same nodes and edges, every edge joining two exported nodes', async () => {
    const response = await get('format=cytoscape');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await response.json()) as CyDoc;
    const { nodes, edges, texts } = await oracle();
    expect(doc.truncated).toBe(false);
    expect(doc.elements.nodes).toHaveLength(nodes);
    expect(doc.elements.edges).toHaveLength(edges);
    const ids = new Set(doc.elements.nodes.map((n) => n.data.id));
    expect(ids.size).toBe(nodes);
    for (const { data } of doc.elements.edges) {
      expect(ids.has(data.source!) && ids.has(data.target!)).toBe(true);
      expectEvidence(data.evidence, texts, `edge ${data.id}`);
    }
    for (const { data } of doc.elements.nodes) {
      expect(typeof data.label).toBe('string');
      if (data.type !== 'Source') expectEvidence(data.evidence, texts, `node ${data.id}`);
    }
    // Same graph as the GraphML export, edge for edge.
    const graphml = readGraphml(await (await get('format=graphml')).text());
    expect(doc.elements.edges.map((e) => e.data.id).sort()).toEqual(graphml.edges.map((e) => e.id).sort());
  });

  test('paging with a cursor reads every node and relationship exactly once, whatever the page size', async () => {
    const exports = new ExportRepository(t.db, { nodes: 7, edges: 5 });
    const graph = exports.wholeGraph();
    const nodeIds: string[] = [];
    const edgeIds: string[] = [];
    for await (const page of graph.nodes) nodeIds.push(...page.map((n) => n.node.id));
    for await (const page of graph.edges) edgeIds.push(...page.map((e) => e.id));
    const expectedNodes = await read(t.db, 'MATCH (n:Node) RETURN n.id AS id ORDER BY id');
    const expectedEdges = await read(t.db, "MATCH (a:Node)-[r]->(b:Node) RETURN type(r) + ':' + a.id + '->' + b.id + coalesce('|' + r.relation, '') AS id");
    expect(nodeIds).toEqual(expectedNodes.map((r) => r.id));
    expect([...edgeIds].sort()).toEqual(expectedEdges.map((r) => r.id as string).sort());
  });
});

describe('focus and depth', () => {
  const SUBGRAPH = 'center { id } nodes { id } edges { id from { id } to { id } } truncated';

  test.each([
    [MEETING, 1],
    [MEETING, 2],
    [SYBIHA, 3],
  ])('the export of %s at depth %i is GraphQL neighbourhood(limit: 500)', async (id, depth) => {
    const { neighbourhood } = await t.api.data(`query ($id: ID!, $depth: Int) { neighbourhood(id: $id, depth: $depth, limit: 500) { ${SUBGRAPH} } }`, {
      id,
      depth,
    });
    const response = await get(`format=cytoscape&focus=${encodeURIComponent(id)}&depth=${depth}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-export-truncated')).toBe(String(neighbourhood.truncated));
    const doc = (await response.json()) as CyDoc;
    expect(doc.elements.nodes[0].data.id).toBe(id);
    expect(doc.elements.nodes.map((n) => n.data.id).sort()).toEqual([id, ...neighbourhood.nodes.map((n: { id: string }) => n.id)].sort());
    expect(doc.elements.edges.map((e) => `${e.data.id} ${e.data.source} ${e.data.target}`).sort()).toEqual(
      neighbourhood.edges.map((e: { id: string; from: { id: string }; to: { id: string } }) => `${e.id} ${e.from.id} ${e.to.id}`).sort(),
    );
    const { texts } = await oracle();
    for (const { data } of doc.elements.nodes) if (data.type !== 'Source') expectEvidence(data.evidence, texts, `node ${data.id}`);

    const graphml = await get(`format=graphml&focus=${encodeURIComponent(id)}&depth=${depth}`);
    expect(graphml.headers.get('content-disposition')).toMatch(/^attachment; filename="neighbourhood-[\w-]+-depth\d\.graphml"$/);
    const graph = readGraphml(await graphml.text());
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(doc.elements.nodes.map((n) => n.data.id).sort());
    expect(graph.edges.map((e) => e.id).sort()).toEqual(doc.elements.edges.map((e) => e.data.id).sort());
  });
});

describe('bad requests', () => {
  test.each([
    ['format=gexf', 400, 'BAD_USER_INPUT'],
    ['', 400, 'BAD_USER_INPUT'],
    [`format=graphml&focus=${MEETING}&depth=4`, 400, 'BAD_USER_INPUT'],
    [`format=graphml&focus=${MEETING}&depth=0`, 400, 'BAD_USER_INPUT'],
    [`format=cytoscape&focus=${MEETING}&depth=two`, 400, 'BAD_USER_INPUT'],
    ['format=graphml&focus=actor:nobody-at-all', 404, 'NOT_FOUND'],
  ])('%p answers %i %s', async (query, status, code) => {
    const response = await get(query);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: expect.any(String), code });
  });

  test('POST is not allowed', async () => {
    const response = await fetch(`${t.api.url}/export?format=graphml`, { method: 'POST' });
    expect(response.status).toBe(405);
  });

  test('with the database down, both kinds of export answer 503 DATABASE_UNAVAILABLE', async () => {
    const down = createDatabase({ uri: `bolt://127.0.0.1:${await freePort()}`, user: 'neo4j', password: '' });
    const log: string[] = [];
    const offline = await startTestServer(down, log);
    try {
      for (const query of ['format=graphml', `format=cytoscape&focus=${MEETING}&depth=2`]) {
        const response = await fetch(`${offline.url}/export?${query}`);
        expect(response.status).toBe(503);
        expect(await response.json()).toEqual({ error: expect.any(String), code: 'DATABASE_UNAVAILABLE' });
      }
    } finally {
      await offline.close();
      await down.driver.close();
    }
  });
});
