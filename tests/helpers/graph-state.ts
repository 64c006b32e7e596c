/**
 * A fingerprint of the whole graph (claims included), for tests that must prove a write changed nothing: counts per
 * label and relationship type, plus a checksum over every node's and relationship's content.
 * The `GraphMeta` node and the `GraphEvent` change record are left out: every load bumps the version
 * and records an event, even one that changes no fact.
 */
import { createHash } from 'node:crypto';
import { type Database, read } from '../../src/db/driver';

export interface GraphState {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  checksum: string;
}

export async function graphState(db: Database): Promise<GraphState> {
  const nodes = await read(db, 'MATCH (n) WHERE NOT n:GraphMeta AND NOT n:GraphEvent UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label');
  const rels = await read(db, 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type');
  const content = await read(
    db,
    // Claims and disputes have no id: they are ordered by what they are about and their source.
    `MATCH (n) WHERE NOT n:GraphMeta AND NOT n:GraphEvent WITH n, coalesce(n.id, n.of + '|' + coalesce(n.source, ''), n.key) AS ordinal ORDER BY ordinal
     OPTIONAL MATCH (n)-[r]->(m) WITH n, ordinal, r, m ORDER BY ordinal, type(r), m.id, r.key
     RETURN ordinal AS id, labels(n) AS labels, properties(n) AS props, collect([type(r), m.id, properties(r)]) AS out`,
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
