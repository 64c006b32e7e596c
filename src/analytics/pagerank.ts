/**
 * PageRank over an undirected weighted graph, by power iteration. Used for `topActors(by:
 * PAGERANK)` on the actor co-participation graph; pure, so it is tested without a database.
 */

/** An undirected edge between two node ids with a positive weight (shared meetings). */
export interface WeightedPair {
  a: string;
  b: string;
  weight: number;
}

export interface PageRankOptions {
  damping?: number;
  /** Stop when no score changes by more than this in a round. */
  tolerance?: number;
  maxIterations?: number;
}

/**
 * Scores of every node in `nodes` (all of them, linked or not), summing to 1. A node walks to a
 * neighbour with probability proportional to the edge weight; a node without edges (dangling)
 * spreads its mass evenly over all nodes, so no mass is lost. Pairs naming unknown ids are ignored.
 */
export function pageRank(nodes: string[], pairs: WeightedPair[], options: PageRankOptions = {}): Map<string, number> {
  const damping = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 50;
  const n = nodes.length;
  const scores = new Map<string, number>();
  if (n === 0) return scores;

  const index = new Map(nodes.map((id, i) => [id, i]));
  // Adjacency as flat arrays: for each node, its neighbours and the weights to them.
  const neighbours: number[][] = nodes.map(() => []);
  const weights: number[][] = nodes.map(() => []);
  const outWeight = new Float64Array(n);
  for (const { a, b, weight } of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j || !(weight > 0)) continue;
    neighbours[i].push(j);
    weights[i].push(weight);
    neighbours[j].push(i);
    weights[j].push(weight);
    outWeight[i] += weight;
    outWeight[j] += weight;
  }

  let rank = new Float64Array(n).fill(1 / n);
  for (let round = 0; round < maxIterations; round++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (outWeight[i] === 0) dangling += rank[i];
    const next = new Float64Array(n).fill((1 - damping) / n + (damping * dangling) / n);
    for (let i = 0; i < n; i++) {
      if (outWeight[i] === 0) continue;
      const share = (damping * rank[i]) / outWeight[i];
      const ns = neighbours[i];
      const ws = weights[i];
      for (let k = 0; k < ns.length; k++) next[ns[k]] += share * ws[k];
    }
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(next[i] - rank[i]));
    rank = next;
    if (change < tolerance) break;
  }
  nodes.forEach((id, i) => scores.set(id, rank[i]));
  return scores;
}
