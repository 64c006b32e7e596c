/**
 * The dashboard: analytics panels and the graph view, each filled by its own typed operation so
 * that one failing query shows its error in its panel and leaves the others working. The counts
 * and the timeline load again whenever the graph changes (./live.ts).
 * `?synthetic=N` draws N synthetic nodes in the graph view instead, to measure rendering.
 */
import './dashboard.css';
import { DEFAULT_ACTOR, setupGraph } from './graph';
import { followChanges } from './live';
import { loadCoOccurrence, loadStanceMatrix, loadStats, loadTimeline, setupTopActors } from './panels';

const graph = setupGraph();
const synthetic = Number(new URLSearchParams(location.search).get('synthetic') ?? 0);
const start = new URLSearchParams(location.search).get('actor') ?? DEFAULT_ACTOR;

const open = (id: string) => {
  document.getElementById('graph')?.scrollIntoView({ behavior: 'smooth' });
  void graph.open(id);
};

void Promise.all([
  loadStats(),
  setupTopActors(open),
  loadCoOccurrence(),
  loadTimeline(),
  loadStanceMatrix(),
  synthetic > 0 ? graph.renderSynthetic(Math.min(synthetic, 20000)) : graph.open(start),
]).then(() => {
  document.body.dataset.loaded = 'true';
});
// The counts and the timeline follow the graph as it changes (subscription over WebSocket).
followChanges(() => Promise.all([loadStats(), loadTimeline()]));

// For the browser tests and for poking at the graph from the devtools console.
(window as unknown as { dashboard: typeof graph }).dashboard = graph;
