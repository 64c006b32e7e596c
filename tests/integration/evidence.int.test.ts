/**
 * Evidence is what this service stands on: every node and every relationship in the seeded graph
 * carries it, and every excerpt is exactly the article's text at the offsets and sentence given.
 */
import { readFileSync } from 'node:fs';
import { type Database, read } from '../../src/db/driver';
import { splitSentences } from '../../src/facts/sentences';
import { toEvidence } from '../../src/models/mappers';
import { ARTICLE_FILE } from '../helpers/seed-file';
import { openTestDatabase } from '../helpers/test-database';
import { startTestServer } from '../helpers/test-server';

let db: Database;
const article = readFileSync(ARTICLE_FILE, 'utf8');
const sentences = splitSentences(article);

beforeAll(() => {
  db = openTestDatabase();
});
afterAll(() => db.driver.close());

test('every node and relationship carries evidence whose excerpt is in the article at its offsets', async () => {
  const rows = await read(
    db,
    `MATCH (n:Node) WHERE NOT n:Source RETURN n.id AS what, COLLECT { MATCH (c:Claim {of: n.id}) RETURN c {.*} } AS claims
     UNION ALL
     MATCH (a)-[r]->(b) RETURN a.id + ' ' + type(r) + ' ' + b.id AS what, COLLECT { MATCH (c:Claim {of: r.key}) RETURN c {.*} } AS claims`,
  );
  expect(rows.length).toBeGreaterThan(150);
  const failures: string[] = [];
  for (const row of rows) {
    const evidence = toEvidence(row.claims as Record<string, unknown>[]);
    if (evidence.length === 0) failures.push(`${row.what}: no evidence`);
    for (const e of evidence) {
      const sentence = sentences[e.sentence - 1];
      if (e.sourceId !== 'source:observer-uae-talks') failures.push(`${row.what}: unknown source ${e.sourceId}`);
      if (article.slice(e.start, e.end) !== e.excerpt) failures.push(`${row.what}: "${e.excerpt}" is not at ${e.start}-${e.end}`);
      if (!sentence || e.start < sentence.start || e.end > sentence.end) failures.push(`${row.what}: "${e.excerpt}" is not inside sentence ${e.sentence}`);
    }
  }
  expect(failures).toEqual([]);
});

test('the stored source text is the article, verbatim', async () => {
  const api = await startTestServer(db);
  try {
    const data = await api.data('{ source(id: "source:observer-uae-talks") { text sentences { text } } }');
    expect(data.source.text).toBe(article);
    expect(data.source.sentences.map((s: { text: string }) => s.text)).toEqual(sentences.map((s) => s.text));
  } finally {
    await api.close();
  }
});

test('page furniture is not turned into facts', async () => {
  const furniture = ['Related articles:', 'Newsletters', 'Choose the newsletters you want to receive', 'View more'];
  const cited = await read(
    db,
    'MATCH (n) UNWIND n.evidenceSentence AS s RETURN DISTINCT s UNION MATCH ()-[r]->() UNWIND r.evidenceSentence AS s RETURN DISTINCT s',
  );
  const citedTexts = cited.map((r) => sentences[(r.s as number) - 1].text);
  for (const line of furniture) expect(citedTexts).not.toContain(line);
  expect(citedTexts.some((t) => t.startsWith('For information about how The Observer protects your data'))).toBe(false);
});
