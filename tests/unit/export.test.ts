import type { ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { cytoscape } from '../../src/export/cytoscape';
import { graphml, xmlEscape } from '../../src/export/graphml';
import { parseExportRequest } from '../../src/export/request';
import { type GraphSerializer, writeExport } from '../../src/export/serializer';
import { toExportEdge, toNode } from '../../src/models/mappers';
import type { ExportEdgeModel, ExportGraphModel, ExportNodeModel } from '../../src/models/models';
import { parseXml } from '../helpers/xml';

const EVIL = 'He said "<b>Tom & Jerry</b>"\u0001 it\'s\r\nfine';
const ev = (excerpt: string) => ({ sourceId: 'source:a', sentence: 2, excerpt, start: 5, end: 5 + excerpt.length });

const NODES: ExportNodeModel[] = [
  {
    node: toNode({ id: 'country:russia', name: 'Russia', kind: 'COUNTRY', aliases: ['RF', 'Russian Federation'] }, ['Node', 'Actor', 'Location'])!,
    evidence: [ev('Russia')],
  },
  {
    node: toNode(
      { id: 'meeting:talks', name: 'Talks', startDate: '2026-01-23', startDatePrecision: 'DAY', startDateInferred: true, startDateExpression: 'this weekend' },
      ['Node', 'Meeting'],
    )!,
    evidence: [],
  },
  { node: toNode({ id: 'statement:x', text: EVIL, kind: 'QUOTE', topics: ['peace'] }, ['Node', 'Statement'])!, evidence: [ev(EVIL), ev('fine')] },
  { node: toNode({ id: 'source:a', title: 'A & B', publisher: 'P', text: 'full text', sentences: ['full text'] }, ['Node', 'Source'])!, evidence: [] },
];
const EDGES: ExportEdgeModel[] = [
  {
    ...toExportEdge({ type: 'PARTICIPATED_IN', from: 'country:russia', to: 'meeting:talks', props: { role: 'host' } }),
    evidence: [{ sourceId: 'source:a', sentence: 2, excerpt: 'x', start: 5, end: 6 }],
  },
  {
    ...toExportEdge({
      type: 'RELATED_TO',
      from: 'country:russia',
      to: 'statement:x',
      props: { relation: 'ALLY_OF', since: '2025', sincePrecision: 'YEAR', sinceInferred: false },
    }),
    evidence: [],
  },
];

async function* pages<T>(...ps: T[][]): AsyncGenerator<T[]> {
  for (const p of ps) yield p;
}
const graph = (truncated = false): ExportGraphModel => ({ truncated, nodes: pages(NODES.slice(0, 2), NODES.slice(2)), edges: pages(EDGES) });

/** Runs a serializer over a graph without HTTP. */
function render(format: GraphSerializer, truncated = false): string {
  let out = format.begin(truncated);
  NODES.forEach((n, i) => (out += format.node(n, i === 0)));
  out += format.between();
  EDGES.forEach((e, i) => (out += format.edge(e, i === 0)));
  return out + format.end();
}

describe('GraphML', () => {
  test('xmlEscape escapes markup and quotes and drops characters XML cannot hold', () => {
    expect(xmlEscape(EVIL)).toBe('He said &quot;&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;&quot; it&apos;s&#13;\nfine');
    expect(xmlEscape('a\u0000b\u001Fc\uFFFEd\uD800e\uD83D\uDE00')).toBe('abcde\uD83D\uDE00');
  });

  test('is well-formed, declares every key it uses for the right domain, and keeps values exactly', () => {
    const doc = parseXml(render(graphml));
    expect(doc.name).toBe('graphml');
    const keys = new Map(doc.children.filter((c) => c.name === 'key').map((k) => [k.attrs.id, k.attrs]));
    expect(new Set([...keys.values()].map((k) => `${k.for}/${k['attr.name']}`)).size).toBe(keys.size);
    const [g] = doc.children.filter((c) => c.name === 'graph');
    expect(g.attrs.edgedefault).toBe('directed');
    const nodes = g.children.filter((c) => c.name === 'node');
    const edges = g.children.filter((c) => c.name === 'edge');
    expect(nodes.map((n) => n.attrs.id)).toEqual(NODES.map((n) => n.node.id));
    expect(edges.map((e) => [e.attrs.source, e.attrs.target])).toEqual(EDGES.map((e) => [e.fromId, e.toId]));
    const dataOf = (el: (typeof nodes)[number]) =>
      Object.fromEntries(
        el.children.map((d) => {
          const key = keys.get(d.attrs.key);
          expect(key?.for).toBe(el.name);
          return [key!['attr.name'], d.text];
        }),
      );
    const statement = dataOf(nodes[2]);
    expect(statement.text).toBe(EVIL.replace('\u0001', ''));
    expect(statement.topics).toBe('["peace"]');
    expect(statement.evidenceCount).toBe('2');
    expect(JSON.parse(statement.evidence)).toEqual([
      { source: 'source:a', sentence: 2, excerpt: EVIL, start: 5, end: 5 + EVIL.length },
      { source: 'source:a', sentence: 2, excerpt: 'fine', start: 5, end: 9 },
    ]);
    expect(dataOf(nodes[0])).toMatchObject({ type: 'Actor', labels: 'Actor:Location:Node', kind: 'COUNTRY', evidenceCount: '1' });
    expect(dataOf(nodes[1])).toMatchObject({
      startDate: '2026-01-23',
      startDatePrecision: 'DAY',
      startDateInferred: 'true',
      startDateExpression: 'this weekend',
      evidence: '[]',
    });
    expect(dataOf(nodes[3])).not.toHaveProperty('sentences');
    expect(dataOf(edges[0])).toMatchObject({ type: 'PARTICIPATED_IN', role: 'host', evidenceCount: '1' });
    expect(dataOf(edges[1])).toMatchObject({ type: 'RELATED_TO', relation: 'ALLY_OF', since: '2025', sinceInferred: 'false', evidenceCount: '0' });
    expect(g.children[0]).toMatchObject({ name: 'data', attrs: { key: 'g_truncated' }, text: 'false' });
  });
});

describe('Cytoscape JSON', () => {
  test('parses, names every edge end among the nodes, and carries type, attributes and evidence', () => {
    const doc = JSON.parse(render(cytoscape, true));
    expect(doc.truncated).toBe(true);
    const { nodes, edges } = doc.elements;
    expect(nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual(NODES.map((n) => n.node.id));
    expect(nodes[0].data).toMatchObject({
      id: 'country:russia',
      label: 'Russia',
      type: 'Actor',
      labels: ['Actor', 'Location', 'Node'],
      aliases: ['RF', 'Russian Federation'],
    });
    expect(nodes[2].data.text).toBe(EVIL);
    expect(nodes[2].data.evidence).toHaveLength(2);
    const ids = new Set(nodes.map((n: { data: { id: string } }) => n.data.id));
    for (const e of edges) expect(ids.has(e.data.source) && ids.has(e.data.target)).toBe(true);
    expect(edges[0].data).toEqual({
      id: 'PARTICIPATED_IN:country:russia->meeting:talks',
      source: 'country:russia',
      target: 'meeting:talks',
      type: 'PARTICIPATED_IN',
      role: 'host',
      evidence: [{ source: 'source:a', sentence: 2, excerpt: 'x', start: 5, end: 6 }],
    });
    expect(edges[1].data).toMatchObject({ relation: 'ALLY_OF', since: '2025', sincePrecision: 'YEAR', sinceInferred: false });
  });
});

describe('request parsing', () => {
  const parse = (q: string) => parseExportRequest(new URLSearchParams(q));
  test('accepts the formats, focus and depths 1-3', () => {
    expect(parse('format=graphml')).toMatchObject({ format: graphml, focus: null, depth: 1, filename: 'graph' });
    expect(parse('format=cytoscape&focus=actor:a-b&depth=3')).toMatchObject({
      format: cytoscape,
      focus: 'actor:a-b',
      depth: 3,
      filename: 'neighbourhood-actor_a-b-depth3',
    });
  });
  test.each([
    '',
    'format=gexf',
    'format=toString',
    'format=graphml&focus=x&depth=0',
    'format=graphml&focus=x&depth=4',
    'format=graphml&focus=x&depth=1.5',
    'format=graphml&depth=2',
    'format=graphml&focus=',
  ])('refuses %p', (q) => expect(parse(q)).toHaveProperty('error'));
});

/** A response that takes one chunk, then reports a full buffer until told to drain. */
class SlowResponse extends EventEmitter {
  chunks: string[] = [];
  headers: Record<string, string> = {};
  destroyed = false;
  ended = false;
  writeHead(_status: number, headers: Record<string, string>) {
    this.headers = headers;
    return this;
  }
  write(chunk: string) {
    this.chunks.push(chunk);
    return false;
  }
  end(chunk: string) {
    this.chunks.push(chunk);
    this.ended = true;
  }
  destroy() {
    this.destroyed = true;
  }
}

describe('writeExport', () => {
  test('reads no further page until the response has drained', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<ExportNodeModel[]> {
      for (const n of NODES) {
        pulled += 1;
        yield [n];
      }
    }
    const res = new SlowResponse();
    const done = writeExport(res as unknown as ServerResponse, cytoscape, { truncated: false, nodes: counted(), edges: pages(EDGES) }, 'graph');
    await new Promise((r) => setTimeout(r, 20));
    expect(pulled).toBe(1);
    expect(res.chunks).toHaveLength(1);
    for (let i = 0; i < 10 && !res.ended; i++) {
      res.emit('drain');
      await new Promise((r) => setTimeout(r, 5));
    }
    await done;
    expect(pulled).toBe(NODES.length);
    expect(res.headers['content-disposition']).toBe('attachment; filename="graph.cyjs.json"');
    expect(JSON.parse(res.chunks.join('')).elements.nodes).toHaveLength(NODES.length);
  });

  test('a failure after the first page aborts the response instead of ending it', async () => {
    async function* failing(): AsyncGenerator<ExportNodeModel[]> {
      yield [NODES[0]];
      throw new Error('database went away');
    }
    const res = new SlowResponse();
    res.write = (chunk: string) => (res.chunks.push(chunk), true);
    await expect(writeExport(res as unknown as ServerResponse, graphml, { truncated: false, nodes: failing(), edges: pages(EDGES) }, 'graph')).rejects.toThrow(
      'database went away',
    );
    expect(res.destroyed).toBe(true);
    expect(res.ended).toBe(false);
  });

  test('streams a paged graph into the same document as one page', async () => {
    const res = new SlowResponse();
    res.write = (chunk: string) => (res.chunks.push(chunk), true);
    await writeExport(res as unknown as ServerResponse, graphml, graph(), 'graph');
    expect(res.chunks.join('')).toBe(render(graphml));
  });
});
