/**
 * A fingerprint of the whole graph, for tests that must prove a write changed nothing: counts per
 * label and relationship type, plus a checksum over every node's and relationship's content.
 * The `GraphMeta` node is left out: every load bumps its version, even one that changes no fact.
 */
import { createHash } from 'node:crypto';
import { type Database, read } from '../../src/db/driver';

export interface GraphState {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  checksum: string;
}

export async function graphState(db: Database): Promise<GraphState> {
  const nodes = await read(db, 'MATCH (n) WHERE NOT n:GraphMeta UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label');
  const rels = await read(db, 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type');
  const content = await read(
    db,
    `MATCH (n) WHERE NOT n:GraphMeta WITH n ORDER BY n.id
     OPTIONAL MATCH (n)-[r]->(m) WITH n, r, m ORDER BY n.id, type(r), m.id, r.key
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, collect([type(r), m.id, properties(r)]) AS out`,
  );
  return {
    nodes: Object.fromEntries(nodes.map((r) => [r.label, r.count])),
    relationships: Object.fromEntries(rels.map((r) => [r.type, r.count])),
    checksum: createHash('sha256').update(JSON.stringify(content, sortedKeys)).digest('hex'),
  };
}

/** JSON.stringify replacer that sorts object keys, so property order does not change the checksum. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
  }
  return value;
}
