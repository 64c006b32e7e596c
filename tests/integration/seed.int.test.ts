/**
 * The loader: re-seeding changes nothing, and a bad facts file is refused with every problem
 * named by record and field, before anything is written.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Database } from '../../src/db/driver';
import { PROJECT_ROOT } from '../../src/paths';
import { InvalidFactsError, seedFiles } from '../../src/ingest/seed';
import { readFactsFile } from '../../src/ingest/read';
import { loadDocument } from '../../src/repositories/claim-writer';
import { LoadConflictError } from '../../src/repositories/resolution-lookups';
import { graphState } from '../helpers/graph-state';
import { ARTICLE_FILE, SEED_FILE } from '../helpers/seed-file';
import { openTestDatabase, testDatabaseSettings } from '../helpers/test-database';

const run = promisify(execFile);
let db: Database;
let dir: string;

beforeAll(async () => {
  db = openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-seed-test-'));
  await copyFile(ARTICLE_FILE, join(dir, 'uae-talks.txt'));
});
afterAll(() => db.driver.close());

/** The seed document with a change applied, written next to a copy of the article. */
async function seedVariant(name: string, change: (doc: any) => void): Promise<string> {
  const doc = JSON.parse(await readFile(SEED_FILE, 'utf8'));
  doc.source.textFile = 'uae-talks.txt';
  change(doc);
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(doc));
  return file;
}

test('seeding the same file again leaves the graph exactly as it was', async () => {
  const before = await graphState(db);
  const [summary] = await seedFiles(db, [SEED_FILE], () => undefined);
  expect(summary).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0, relationshipsDeleted: 0 });
  expect(await graphState(db)).toEqual(before);
  expect(before.nodes).toMatchObject({ Node: 63, Source: 1, Actor: 20, Location: 8 });
  expect(Object.values(before.relationships).reduce((a, b) => a + b, 0)).toBe(121);
});

test('a file with errors is refused, naming each record and field, and nothing is written', async () => {
  const bad = await seedVariant('bad.json', (doc) => {
    const sybiha = doc.entities.findIndex((e: { id: string }) => e.id === 'actor:andrii-sybiha');
    doc.entities[sybiha].name = 'Andrii Sybiha (renamed)'; // a valid change that must not land
    doc.entities[sybiha].evidence[0].excerpt = 'words the article never says';
    const putin = doc.entities.findIndex((e: { id: string }) => e.id === 'actor:vladimir-putin');
    delete doc.entities[putin].name;
    doc.relationships[0].to = 'meeting:no-such-meeting';
  });
  const before = await graphState(db);

  const error = await seedFiles(db, [SEED_FILE, bad], () => undefined).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidFactsError);
  const paths = (error as InvalidFactsError).problems.map((p) => p.path);
  expect(paths).toHaveLength(1); // the shape check stops at the missing name; the rest is reported once that is fixed
  expect(paths[0]).toMatch(/bad\.json: entities\[\d+\] \(actor:vladimir-putin\)\.name$/);
  expect(await graphState(db)).toEqual(before);

  const shapeFixed = await seedVariant('bad2.json', (doc) => {
    const sybiha = doc.entities.findIndex((e: { id: string }) => e.id === 'actor:andrii-sybiha');
    doc.entities[sybiha].evidence[0].excerpt = 'words the article never says';
    doc.relationships[0].to = 'meeting:no-such-meeting';
  });
  const result = await readFactsFile(shapeFixed);
  expect(result.ok).toBe(false);
  const messages = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  expect(messages).toEqual([
    expect.stringMatching(/entities\[\d+\]\.evidence\[0\]\.excerpt: "words the article never says" is not in sentence \d+/),
    expect.stringMatching(/relationships\[0\]\.to: "meeting:no-such-meeting" is not the id of an entity in this document/),
  ]);
  expect(await graphState(db)).toEqual(before);
});

test('npm run seed on a bad file exits 1, prints the problem, and writes nothing', async () => {
  const bad = await seedVariant('bad-cli.json', (doc) => {
    doc.entities[0].evidence[0].sentence = 99;
  });
  const before = await graphState(db);
  const settings = testDatabaseSettings();
  const outcome = await run(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'src', 'cli', 'seed.ts'), bad], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: settings.uri, NEO4J_USER: settings.user, NEO4J_PASSWORD: settings.password },
  }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  );
  expect(outcome.code).toBe(1);
  expect(outcome.stderr).toContain('entities[0].evidence[0].sentence: the source has 26 sentences; there is no sentence 99');
  expect(outcome.stderr).toContain('nothing was written');
  expect(await graphState(db)).toEqual(before);
});

test('an id that the graph holds as another type is refused inside the transaction, leaving the graph as it was', async () => {
  const file = await seedVariant('conflict.json', (doc) => {
    doc.source = { ...doc.source, id: 'source:conflicting-copy', evidence: [] };
    const meeting = { id: 'meeting:talks-in-a-new-place', type: 'Meeting', name: 'Talks', evidence: [{ sentence: 3, excerpt: 'negotiations' }] };
    doc.entities = [meeting, { ...meeting, id: 'actor:tass', name: 'Tass as a meeting' }];
    doc.relationships = [];
  });
  const result = await readFactsFile(file);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const before = await graphState(db);
  const error = await loadDocument(db, result.value).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LoadConflictError);
  expect((error as Error).message).toMatch(/entities\[\d+\] \(actor:tass\)\.type: the graph already has "actor:tass" as Actor, not Meeting/);
  expect(await graphState(db)).toEqual(before);
});

test('a conflict in a later batch refuses the whole load: the earlier, valid batch is not written either', async () => {
  const good = await seedVariant('good-first.json', (doc) => {
    doc.source = { ...doc.source, id: 'source:good-first', evidence: [] };
    doc.entities = [{ id: 'meeting:a-good-meeting', type: 'Meeting', name: 'Good talks', evidence: [{ sentence: 3, excerpt: 'negotiations' }] }];
    doc.relationships = [];
  });
  const bad = await seedVariant('conflict-later.json', (doc) => {
    doc.source = { ...doc.source, id: 'source:conflict-later', evidence: [] };
    doc.entities = [{ id: 'actor:tass', type: 'Meeting', name: 'Tass as a meeting', evidence: [{ sentence: 3, excerpt: 'negotiations' }] }];
    doc.relationships = [];
  });
  const before = await graphState(db);
  // A batch ends as soon as it holds 0 relationships: each document is its own transaction.
  const error = await seedFiles(db, [good, bad], () => undefined, { batchRelationships: 0 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LoadConflictError);
  expect((error as Error).message).toMatch(/conflict-later\.json: entities\[0\] \(actor:tass\)\.type/);
  expect(await graphState(db)).toEqual(before);
});
