/**
 * How many items a link field's plain list typically holds, from the graph's own counts: the
 * relationships of the field's type over the nodes of the type it is on. The request-cost
 * estimate (src/limits/measure.ts) multiplies by these instead of the most a list may return, so a
 * natural nested query is not refused for what the graph does not hold; what a request actually
 * reads is bounded separately, as it runs (GRAPHQL_MAX_ROWS, ./read-plan.ts).
 *
 * Both counts come from Neo4j's count store, so the statement costs the same at any scale.
 */
import { type Database, read } from '../db/driver';
import { LINK_FIELDS } from './link-fields';

/** Mean items per node of each plain link list, keyed `Type.field` (`Actor.meetings`). */
export async function typicalListSizes(db: Database): Promise<Record<string, number>> {
  const fields: { key: string; type: string; rel: string; both: boolean }[] = [];
  for (const [type, links] of Object.entries(LINK_FIELDS)) {
    for (const [name, link] of Object.entries(links)) {
      const rel = /\[r:([A-Z_]+)\]/.exec(link.pattern)?.[1];
      if (rel && !link.single) fields.push({ key: `${type}.${name}`, type, rel, both: !/->|<-/.test(link.pattern.slice(link.pattern.indexOf('[r:') - 2)) });
    }
  }
  const rels = [...new Set(fields.map((f) => f.rel))];
  const labels = [...new Set(fields.map((f) => f.type))];
  // Types and labels come from the constant table above, never from input.
  const parts = [
    ...rels.map((rel, i) => `CALL () { MATCH ()-[r:${rel}]->() RETURN count(r) AS r${i} }`),
    ...labels.map((label, i) => `CALL () { MATCH (n:${label}) RETURN count(n) AS n${i} }`),
  ];
  const columns = [...rels.map((_, i) => `r${i}`), ...labels.map((_, i) => `n${i}`)];
  const [row] = await read(db, `// typicalListSizes\n${parts.join('\n')}\nRETURN ${columns.join(', ')}`);
  const sizes: Record<string, number> = {};
  for (const f of fields) {
    const links = Number(row[`r${rels.indexOf(f.rel)}`]) * (f.both ? 2 : 1);
    const nodes = Number(row[`n${labels.indexOf(f.type)}`]);
    sizes[f.key] = nodes > 0 ? Math.max(1, Math.ceil(links / nodes)) : 1;
  }
  return sizes;
}
