/**
 * The interactive graph view: a cytoscape canvas over neighbourhoods. Clicking an actor fetches its
 * neighbourhood and merges it in; clicking a node or an edge lists the evidence in the side panel,
 * with the excerpt marked inside the source text by its start/end offsets.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { request } from './client';
import { h, panel } from './dom';
import { DashboardActorsDocument, DashboardNeighbourhoodDocument, type DashboardEvidenceFragment, type DashboardNeighbourhoodQuery } from '../gql/graphql';

type Subgraph = NonNullable<DashboardNeighbourhoodQuery['neighbourhood']>;
type GraphNode = Subgraph['nodes'][number];
type GraphEdge = Subgraph['edges'][number];

/** The actor the view opens on. */
export const DEFAULT_ACTOR = 'actor:vladimir-putin';
/**
 * Above this many nodes the view uses the concentric layout (one pass: about 0.3 s for 1,000 nodes
 * in headless Chromium on 2 cores) instead of force-directed cose, which is nicer on a handful of
 * nodes but costs ~1.3 s at 40 nodes and ~40 s at 1,000 there.
 */
export const BIG_GRAPH = 30;
/** Characters of source text shown either side of an excerpt. */
const CONTEXT_CHARS = 280;

const COLOURS: Record<string, string> = {
  Actor: '#2563eb',
  Location: '#059669',
  Meeting: '#d97706',
  Event: '#dc2626',
  Position: '#7c3aed',
  Source: '#6b7280',
  Statement: '#0891b2',
  Stance: '#db2777',
};

function label(node: GraphNode): string {
  switch (node.__typename) {
    case 'Actor':
    case 'Location':
    case 'Meeting':
    case 'Event':
      return node.name;
    case 'Position':
    case 'Source':
      return node.title;
    case 'Statement':
      return node.text.length > 40 ? `${node.text.slice(0, 40)}…` : node.text;
    case 'Stance':
      return `${node.stance} ${node.topic}`;
  }
}

/** What the view holds beyond cytoscape's elements: edges' evidence and which actors are expanded. */
export interface GraphView {
  cy: Core;
  open(id: string): Promise<void>;
  expand(id: string): Promise<void>;
  /** Replaces the graph by `count` synthetic nodes and reports how long cytoscape took to draw them. */
  renderSynthetic(count: number): Promise<number>;
}

export function setupGraph(): GraphView {
  const p = panel('graph');
  const container = document.getElementById('cy')!;
  const status = document.getElementById('graph-status')!;
  const evidencePanel = document.getElementById('evidence')!;
  const picker = document.getElementById('actor-picker') as HTMLSelectElement;
  const evidence = new Map<string, DashboardEvidenceFragment[]>();
  const expanded = new Set<string>();

  const cy = cytoscape({
    container,
    minZoom: 0.05,
    maxZoom: 4,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': '#999',
          label: 'data(label)',
          'font-size': 9,
          'text-valign': 'bottom',
          'text-margin-y': 2,
          width: 18,
          height: 18,
          'min-zoomed-font-size': 7,
        },
      },
      ...Object.entries(COLOURS).map(([type, colour]) => ({ selector: `node[type = "${type}"]`, style: { 'background-color': colour } })),
      { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#111827' } },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'line-color': '#cbd5e1',
          'target-arrow-color': '#cbd5e1',
          'target-arrow-shape': 'triangle',
          'curve-style': 'straight',
          'arrow-scale': 0.6,
        },
      },
      { selector: ':selected', style: { 'background-color': '#facc15', 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b' } },
    ],
  });

  const layout = (fit = true) =>
    new Promise<void>((resolve) => {
      const big = cy.nodes().length > BIG_GRAPH;
      // Concentric puts the expanded nodes in the middle, then the others by degree.
      const rank = (n: cytoscape.NodeSingular) => (n.data('expanded') ? 1_000_000 : 0) + n.degree(false);
      const l = cy.layout(
        big
          ? { name: 'concentric', animate: false, fit, minNodeSpacing: 4, concentric: rank, levelWidth: () => 2 }
          : { name: 'cose', animate: false, fit, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 60, numIter: 300 },
      );
      l.one('layoutstop', () => resolve());
      l.run();
    });

  const describe = () => {
    status.textContent = `${cy.nodes().length} nodes, ${cy.edges().length} edges; click an actor to expand it, a node or edge for its evidence.`;
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
  };

  const merge = (g: Subgraph) => {
    const elements: ElementDefinition[] = [];
    for (const n of [g.center, ...g.nodes]) {
      if (cy.getElementById(n.id).nonempty()) continue;
      elements.push({ group: 'nodes', data: { id: n.id, label: label(n), type: n.__typename } });
    }
    for (const e of g.edges) {
      evidence.set(e.id, e.evidence);
      if (cy.getElementById(e.id).nonempty()) continue;
      elements.push({ group: 'edges', data: { id: e.id, source: e.from.id, target: e.to.id, type: e.type, label: edgeLabel(e) } });
    }
    cy.add(elements);
    return elements.length;
  };

  const fetchNeighbourhood = async (id: string) => {
    const { neighbourhood } = await request(DashboardNeighbourhoodDocument, { id, depth: 1, limit: 100 });
    if (!neighbourhood) throw new Error(`There is no node ${id}.`);
    return neighbourhood;
  };

  const view: GraphView = {
    cy,
    async open(id) {
      p.root.dataset.state = 'loading';
      status.textContent = `Loading the neighbourhood of ${id}…`;
      try {
        const g = await fetchNeighbourhood(id);
        cy.elements().remove();
        evidence.clear();
        expanded.clear();
        merge(g);
        expanded.add(id);
        cy.getElementById(id).data('expanded', true);
        await layout();
        describe();
        if (picker.value !== id) picker.value = id;
        p.root.dataset.state = 'ready';
        p.root.dataset.center = id;
      } catch (error) {
        p.root.dataset.state = 'error';
        status.replaceChildren(h('span', { class: 'panel-error', role: 'alert' }, `The graph query failed: ${(error as Error).message}`));
      }
    },
    async expand(id) {
      if (expanded.has(id)) return;
      expanded.add(id);
      p.root.dataset.state = 'loading';
      try {
        const added = merge(await fetchNeighbourhood(id));
        cy.getElementById(id).data('expanded', true);
        if (added) await layout();
        describe();
        p.root.dataset.state = 'ready';
      } catch (error) {
        expanded.delete(id);
        p.root.dataset.state = 'error';
        status.replaceChildren(h('span', { class: 'panel-error', role: 'alert' }, `Expanding ${id} failed: ${(error as Error).message}`));
      }
    },
    async renderSynthetic(count) {
      const elements: ElementDefinition[] = [];
      for (let i = 0; i < count; i++) {
        elements.push({ group: 'nodes', data: { id: `n${i}`, label: `node ${i}`, type: Object.keys(COLOURS)[i % 8] } });
        if (i > 0)
          elements.push({ group: 'edges', data: { id: `e${i}`, source: `n${Math.floor(Math.sqrt(i * 37)) % i}`, target: `n${i}`, type: 'SYNTHETIC' } });
      }
      const started = performance.now();
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements);
      });
      const added = performance.now();
      await layout();
      const laidOut = performance.now();
      // Wait for the frame that draws the laid-out graph.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const ms = performance.now() - started;
      describe();
      const parts = `add ${(added - started).toFixed(0)} ms, layout ${(laidOut - added).toFixed(0)} ms, first paint ${(started + ms - laidOut).toFixed(0)} ms`;
      status.textContent = `Synthetic graph: ${cy.nodes().length} nodes and ${cy.edges().length} edges drawn in ${ms.toFixed(0)} ms (${parts}).`;
      p.root.dataset.state = 'ready';
      p.root.dataset.renderMs = ms.toFixed(1);
      p.root.dataset.renderParts = parts;
      return ms;
    },
  };

  cy.on('tap', 'node', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    const items = node.connectedEdges().map((e) => ({ edge: e.data('label') as string, other: otherEnd(node, e), evidence: evidence.get(e.id()) ?? [] }));
    showEvidence(evidencePanel, { kind: 'node', id: node.id(), title: node.data('label') as string }, items);
    if (node.data('type') === 'Actor') void view.expand(node.id());
  });
  cy.on('tap', 'edge', (event) => {
    const edge = event.target as cytoscape.EdgeSingular;
    showEvidence(
      evidencePanel,
      { kind: 'edge', id: edge.id(), title: `${edge.source().data('label')} → ${edge.target().data('label')} (${edge.data('label')})` },
      [{ edge: edge.data('label') as string, other: null, evidence: evidence.get(edge.id()) ?? [] }],
    );
  });

  picker.addEventListener('change', () => void view.open(picker.value));
  void request(DashboardActorsDocument).then(
    ({ actors }) => {
      const current = picker.value;
      picker.replaceChildren(...actors.nodes.map((a) => h('option', { value: a.id }, a.name)));
      picker.value = actors.nodes.some((a) => a.id === current) ? current : DEFAULT_ACTOR;
    },
    () => undefined, // The picker keeps its one default option; the graph panel reports query failures itself.
  );
  return view;
}

function edgeLabel(e: GraphEdge): string {
  return [e.type, e.role, e.relation].filter(Boolean).join(' · ');
}

function otherEnd(node: cytoscape.NodeSingular, edge: cytoscape.EdgeSingular): string {
  const other = edge.source().id() === node.id() ? edge.target() : edge.source();
  return other.data('label') as string;
}

interface EvidenceGroup {
  edge: string;
  other: string | null;
  evidence: DashboardEvidenceFragment[];
}

/** Lists each piece of evidence: the source, the sentence, and the excerpt marked in the source text. */
function showEvidence(target: HTMLElement, selected: { kind: string; id: string; title: string }, groups: EvidenceGroup[]): void {
  target.dataset.selected = selected.id;
  target.dataset.kind = selected.kind;
  const items = groups.flatMap((g) =>
    g.evidence.map((e) => {
      const text = e.source.text;
      const from = Math.max(0, e.start - CONTEXT_CHARS);
      const to = Math.min(text.length, e.end + CONTEXT_CHARS);
      const matches = text.slice(e.start, e.end) === e.excerpt;
      return h(
        'li',
        { class: 'evidence-item' },
        h('p', { class: 'evidence-fact' }, g.other ? `${g.edge} — ${g.other}` : g.edge),
        h('p', { class: 'evidence-source' }, `${e.source.title}, sentence ${e.sentence}`),
        h('blockquote', { class: 'evidence-sentence' }, e.sentenceText),
        h(
          'p',
          { class: 'evidence-context', 'data-start': e.start, 'data-end': e.end },
          from > 0 ? '…' : '',
          text.slice(from, e.start),
          h('mark', {}, text.slice(e.start, e.end)),
          text.slice(e.end, to),
          to < text.length ? '…' : '',
        ),
        matches ? null : h('p', { class: 'panel-error', role: 'alert' }, `The offsets ${e.start}-${e.end} do not match the excerpt "${e.excerpt}".`),
      );
    }),
  );
  target.replaceChildren(
    h('h3', {}, selected.title),
    h('p', { class: 'evidence-id' }, `${selected.kind} ${selected.id}`),
    items.length ? h('ol', { class: 'evidence-list' }, ...items) : h('p', { class: 'panel-empty' }, 'No evidence on the relationships shown here.'),
  );
}
