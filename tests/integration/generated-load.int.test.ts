/**
 * A generated corpus loads into the shared test database with one node per distinct id and one
 * relationship per distinct key, loading it again changes nothing, and a changed document
 * replaces its own facts only. Everything loaded here is removed afterwards (all generated ids
 * contain `gen-`), so the other test files still see exactly the seed article.
 */
import { type Database, read } from '../../src/db/driver';
import type { FactsDocument } from '../../src/facts/format';
import { generateCorpus } from '../../src/facts/generate';
import { loadFacts } from '../../src/ingest/seed';
import { relationshipKey } from '../../src/facts/validate';
import { toEvidence } from '../../src/models/mappers';
import { type GraphState, graphState } from '../helpers/graph-state';
import { openTestDatabase } from '../helpers/test-database';

let db: Database;
let before: GraphState;
const corpus = generateCorpus({ seed: 5, relationships: 2_000 });

/** Removes every generated node (and so its relationships), including generated sources, and their claims. */
async function removeGenerated(): Promise<void> {
  await db.driver.executeQuery("MATCH (n:Node) WHERE n.id CONTAINS ':gen-' DETACH DELETE n", {}, { database: db.database });
  await db.driver.executeQuery("MATCH (c:Claim|Dispute) WHERE c.of CONTAINS ':gen-' DELETE c", {}, { database: db.database });
}

async function generatedCounts(): Promise<{ nodes: number; relationships: number; byType: Record<string, number> }> {
  const [nodes] = await read(db, "MATCH (n:Node) WHERE n.id CONTAINS ':gen-' RETURN count(n) AS count");
  const rels = await read(db, "MATCH ()-[r]->() WHERE r.key CONTAINS ':gen-' RETURN type(r) AS type, count(r) AS count ORDER BY type");
  const byType: Record<string, number> = Object.fromEntries(rels.map((r) => [r.type as string, r.count as number]));
  return { nodes: nodes.count as number, relationships: Object.values(byType).reduce((a, b) => a + b, 0), byType };
}

function distinct(docs: FactsDocument[]) {
  const ids = new Set(docs.flatMap((d) => [d.source.id, ...d.entities.map((e) => e.id)]));
  const keys = new Map<string, string>(docs.flatMap((d) => d.relationships.map((r) => [relationshipKey(r), r.type] as [string, string])));
  const byType: Record<string, number> = {};
  for (const type of keys.values()) byType[type] = (byType[type] ?? 0) + 1;
  return { nodes: ids.size, relationships: keys.size, byType };
}

beforeAll(async () => {
  db = openTestDatabase();
  await removeGenerated();
  before = await graphState(db);
});
afterAll(async () => {
  await removeGenerated();
  await db.driver.close();
});

test('the graph holds one node per distinct id and one relationship per distinct key, with every piece of evidence', async () => {
  const summaries = await loadFacts(db, corpus, { batchRelationships: 500 });
  expect(summaries.length).toBeGreaterThan(2); // several transactions
  const expected = distinct(corpus);
  const counts = await generatedCounts();
  expect(counts.nodes).toBe(expected.nodes);
  expect(counts.relationships).toBe(expected.relationships);
  expect(counts.byType).toEqual(Object.fromEntries(Object.entries(expected.byType).sort(([a], [b]) => a.localeCompare(b))));
  expect(summaries.reduce((n, s) => n + s.nodesCreated, 0)).toBe(expected.nodes);

  // Facts repeated across articles keep every source's claim, with its evidence, beside the others.
  const evidence = corpus.reduce((n, d) => n + d.entities.reduce((m, e) => m + e.evidence.length, 0), 0);
  const nodes = await read(
    db,
    `MATCH (n:Node) WHERE n.id CONTAINS ':gen-' AND NOT n:Source
     RETURN n.sourceCount AS sourceCount, COLLECT { MATCH (c:Claim {of: n.id}) RETURN c {.*} } AS claims`,
  );
  expect(nodes.reduce((sum, n) => sum + toEvidence(n.claims as Record<string, unknown>[]).length, 0)).toBe(evidence);
  expect(Math.max(...nodes.map((n) => (n.claims as unknown[]).length))).toBeGreaterThan(10);
  expect(nodes.filter((n) => n.sourceCount !== (n.claims as unknown[]).length)).toEqual([]);
});

test('loading the corpus again changes nothing', async () => {
  const loaded = await graphState(db);
  const summaries = await loadFacts(db, corpus, { batchRelationships: 500 });
  expect(summaries.reduce((n, s) => n + s.reloaded, 0)).toBe(corpus.length);
  expect(summaries.every((s) => s.nodesCreated + s.nodesDeleted + s.relationshipsCreated + s.relationshipsDeleted === 0)).toBe(true);
  expect(await graphState(db)).toEqual(loaded);
});

test('a changed document replaces only its own facts: a statement it no longer makes is gone', async () => {
  const original = corpus[0];
  const dropped = original.entities.filter((e) => e.type === 'Statement').at(-1)!.id;
  const changed: FactsDocument = {
    ...original,
    entities: original.entities.filter((e) => e.id !== dropped),
    relationships: original.relationships.filter((r) => r.from !== dropped && r.to !== dropped),
  };
  const gone = original.relationships.length - changed.relationships.length;
  const loaded = await generatedCounts();

  const [summary] = await loadFacts(db, [changed]);
  expect(summary).toMatchObject({ reloaded: 1, nodesDeleted: 1, relationshipsDeleted: gone, nodesCreated: 0, relationshipsCreated: 0 });
  expect(await read(db, 'MATCH (n:Node {id: $id}) RETURN n', { id: dropped })).toEqual([]);
  expect(await generatedCounts()).toMatchObject({ nodes: loaded.nodes - 1, relationships: loaded.relationships - gone });

  await loadFacts(db, [original]);
  expect(await generatedCounts()).toEqual(loaded);
});

test('removing the generated facts leaves the seed graph exactly as it was', async () => {
  await removeGenerated();
  expect(await graphState(db)).toEqual(before);
});
