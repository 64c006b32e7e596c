/**
 * Many sources in one graph: a second article's entities land on the nodes the first one made
 * (by id, name, alias, surname or sameAs), a corrected version replaces only its own facts,
 * removing it leaves the first article's graph exactly as it was, an ambiguous match waits for
 * review, and a dangling match is refused before anything is written.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { InvalidFactsError, seedFiles } from '../../src/ingest/seed';
import { removeSource } from '../../src/repositories/claim-writer';
import { graphState } from '../helpers/graph-state';
import { openTestDatabase, testDatabaseSettings } from '../helpers/test-database';
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();
const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'facts', 'followup-abu-dhabi.json');
const FIXTURE_SOURCE = 'source:fixture-followup-abu-dhabi';
/** The fixture's text is `../articles/...`: outside its own directory, under FACTS_ROOT=tests/fixtures. */
const FIXTURES_ROOT = join(PROJECT_ROOT, 'tests', 'fixtures');
const FIXTURE_FILES = { files: { root: FIXTURES_ROOT, maxTextBytes: 2_000_000 } };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-sources-test-'));
  await copyFile(join(FIXTURES_ROOT, 'articles', 'followup-abu-dhabi.txt'), join(dir, 'followup-abu-dhabi.txt'));
});
// Whatever a failed test left behind, the shared graph goes back to the seed article alone.
// (Its own connection: the one useTestApi opened is closed by then.)
afterAll(async () => {
  const db = openTestDatabase();
  for (const id of [FIXTURE_SOURCE, 'source:fixture-witkoff-relative', 'source:fixture-only-witkoff']) await removeSource(db, id);
  await db.driver.close();
});

/** The follow-up fixture with a change applied, written next to a copy of its text. */
async function fixtureVariant(name: string, change: (doc: any) => void): Promise<string> {
  const doc = JSON.parse(await readFile(FIXTURE, 'utf8'));
  doc.source.textFile = 'followup-abu-dhabi.txt';
  change(doc);
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(doc));
  return file;
}

const ACTOR = `query ($id: ID!) { actor(id: $id) { id name aliases evidence { source { id } excerpt } meetings { id } statements { id } } }`;

test('a second source merges onto the same people, places and meetings; removing it restores the first source graph exactly', async () => {
  const seedOnly = await graphState(t.db);
  const log: string[] = [];
  const [summary] = await seedFiles(t.db, [FIXTURE], (line) => log.push(line), FIXTURE_FILES);
  expect(log.join('\n')).toContain('actor:zelenskyy -> actor:volodymyr-zelensky (by name)');
  expect(log.join('\n')).toContain('actor:andriy-sybiha -> actor:andrii-sybiha (by sameAs)');
  // "Russian Federation" is Russia's full name, which name keys fold (src/facts/name-variants.ts).
  expect(log.join('\n')).toContain('country:russian-federation -> country:russia (by name)');

  // Nodes under the fixture's own ids were never made.
  for (const id of ['actor:zelenskyy', 'actor:putin', 'actor:witkoff', 'country:russian-federation', 'meeting:first-round-uae']) {
    expect((await t.api.data(`query ($id: ID!) { node(id: $id) { id } }`, { id })).node).toBeNull();
  }
  const { actor: zelensky } = await t.api.data(ACTOR, { id: 'actor:volodymyr-zelensky' });
  expect(zelensky.name).toBe('Volodymyr Zelensky'); // the first source's name stays
  expect(zelensky.aliases).toEqual(expect.arrayContaining(['Zelensky', 'Volodymyr Zelenskyy', 'Zelenskyy']));
  expect(new Set(zelensky.evidence.map((e: any) => e.source.id))).toEqual(new Set(['source:observer-uae-talks', FIXTURE_SOURCE]));
  expect(zelensky.statements.map((s: any) => s.id)).toEqual(
    expect.arrayContaining(['statement:zelenskyy-talks-useful', 'statement:zelensky-desire-to-end-war']),
  );

  const { meeting } = await t.api.data(`{ meeting(id: "meeting:abu-dhabi-second-round") { location { id } participants { actor { id } } } }`);
  expect(meeting.location.id).toBe('location:abu-dhabi');
  expect(meeting.participants.map((p: any) => p.actor.id)).toEqual(
    expect.arrayContaining(['actor:steve-witkoff', 'actor:jared-kushner', 'actor:andrii-sybiha']),
  );
  const path = await t.api.data(`{ path(fromId: "meeting:uae-trilateral-talks", toId: "meeting:abu-dhabi-second-round", maxHops: 1) { edges { type } } }`);
  expect(path.path.edges.map((e: any) => e.type)).toEqual(['PRECEDED']);
  expect(summary.changes.nodes.added).toBe(8); // Abu Dhabi, the second round, a new official, his office, four statements

  // Loading it again changes nothing, and says so.
  const loaded = await graphState(t.db);
  const [again] = await seedFiles(t.db, [FIXTURE], () => undefined, FIXTURE_FILES);
  expect(again.changes.nodes).toMatchObject({ added: 0, updated: 0 });
  expect(again.changes.relationships).toMatchObject({ added: 0, updated: 0 });
  expect(await graphState(t.db)).toEqual(loaded);

  // Removing it takes away exactly what it contributed.
  const removed = await removeSource(t.db, FIXTURE_SOURCE);
  expect(removed).toMatchObject({ sourceId: FIXTURE_SOURCE });
  expect(await graphState(t.db)).toEqual(seedOnly);
  expect(await removeSource(t.db, FIXTURE_SOURCE)).toBeNull();
});

test('a corrected version replaces that source facts only; a dry run reports the change and writes nothing', async () => {
  await seedFiles(t.db, [FIXTURE], () => undefined, FIXTURE_FILES);
  const corrected = await fixtureVariant('corrected.json', (doc) => {
    doc.relationships = doc.relationships.filter((r: any) => !(r.type === 'PARTICIPATED_IN' && r.from === 'actor:kushner'));
  });
  const before = await graphState(t.db);
  const [dry] = await seedFiles(t.db, [corrected], () => undefined, { dryRun: true });
  expect(dry.relationshipsDeleted).toBe(1);
  // 19 entities and the 23 relationships left, all as they were; the dropped one is the deletion.
  expect(dry.changes).toEqual({ nodes: { added: 0, updated: 0, unchanged: 19 }, relationships: { added: 0, updated: 0, unchanged: 23 } });
  expect(await graphState(t.db)).toEqual(before);

  await seedFiles(t.db, [corrected], () => undefined);
  const { actor: kushner } = await t.api.data(ACTOR, { id: 'actor:jared-kushner' });
  const meetings = kushner.meetings.map((m: any) => m.id);
  expect(meetings).not.toContain('meeting:abu-dhabi-second-round');
  expect(meetings).toContain('meeting:uae-trilateral-talks'); // the seed article's fact is untouched
  await removeSource(t.db, FIXTURE_SOURCE);
});

test('an entity that matches two nodes is held for review with both named; the rest of the load is written', async () => {
  const relative = await fixtureVariant('relative.json', (doc) => {
    doc.source.id = 'source:fixture-witkoff-relative';
    doc.entities = [{ id: 'actor:olena-witkoff', type: 'Actor', name: 'Olena Witkoff', kind: 'PERSON', evidence: [{ sentence: 5, excerpt: 'Witkoff' }] }];
    doc.relationships = [];
  });
  const onlyWitkoff = await fixtureVariant('only-witkoff.json', (doc) => {
    doc.source.id = 'source:fixture-only-witkoff';
    doc.entities = doc.entities.filter((e: any) => e.id === 'actor:witkoff');
    doc.relationships = [];
  });
  const log: string[] = [];
  await seedFiles(t.db, [relative, onlyWitkoff], (line) => log.push(line));
  expect(log.join('\n')).toMatch(/only-witkoff\.json: entities\[0\] \(actor:witkoff\): "Witkoff" matches actor:steve-witkoff .*actor:olena-witkoff/);
  expect((await t.api.data(`{ actor(id: "actor:olena-witkoff") { id } }`)).actor).toEqual({ id: 'actor:olena-witkoff' });
  expect((await t.api.data(`{ actor(id: "actor:witkoff") { id } }`)).actor).toBeNull();
  expect((await t.api.data(`{ source(id: "source:fixture-only-witkoff") { id } }`)).source).toEqual({ id: 'source:fixture-only-witkoff' });
  for (const id of ['source:fixture-only-witkoff', 'source:fixture-witkoff-relative']) await removeSource(t.db, id);
});

test.each([
  [
    'a sameAs naming nothing',
    (doc: any) => (doc.entities.find((e: any) => e.id === 'actor:andriy-sybiha').sameAs = 'actor:nobody'),
    /entities\[\d+\] \(actor:andriy-sybiha\)\.sameAs: "actor:nobody" is neither in the graph nor in an earlier document/,
  ],
  [
    'a sameAs to a node of another type',
    (doc: any) => (doc.entities.find((e: any) => e.id === 'actor:andriy-sybiha').sameAs = 'location:moscow'),
    /\.sameAs: "location:moscow" is Location, not Actor/,
  ],
  [
    'two entities resolving to one node',
    (doc: any) =>
      doc.entities.push({ id: 'actor:zelensky-again', type: 'Actor', name: 'Zelensky', kind: 'PERSON', evidence: [{ sentence: 1, excerpt: 'Abu Dhabi' }] }),
    /\(actor:zelensky-again\): resolves to "actor:volodymyr-zelensky", as entities\[\d+\] \(actor:zelenskyy\) does/,
  ],
  ['a missing field', (doc: any) => delete doc.entities[0].name, /entities\[0\] \([^)]+\)\.name: /],
  ['a wrong type', (doc: any) => (doc.relationships[0].evidence[0].sentence = 'three'), /relationships\[0\]\.evidence\[0\]\.sentence: .*number/],
  [
    'an excerpt not in its sentence',
    (doc: any) => (doc.entities[0].evidence[0].excerpt = 'words the article never says'),
    /entities\[0\]\.evidence\[0\]\.excerpt: "words the article never says" is not in sentence/,
  ],
  [
    'a dangling reference',
    (doc: any) => (doc.relationships[0].to = 'meeting:never-declared'),
    /relationships\[0\]\.to: "meeting:never-declared" is not the id of an entity in this document/,
  ],
  ['a duplicate id', (doc: any) => doc.entities.push({ ...doc.entities[0] }), /entities\[\d+\]\.id: id "[^"]+" is used twice/],
  ['a draft', (doc: any) => (doc.draft = true), /: draft: this is a draft/],
])('%s is refused with its record and field named, and nothing is written', async (_name, change, message) => {
  const file = await fixtureVariant('bad.json', change);
  const before = await graphState(t.db);
  const error = await seedFiles(t.db, [FIXTURE, file].slice(1), () => undefined).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidFactsError);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).toContain('bad.json: ');
  expect(await graphState(t.db)).toEqual(before);
});

/** Runs `npm run seed -- args` against the test database; resolves with its exit code and output. */
function seedCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const settings = testDatabaseSettings();
  return new Promise((resolve) => {
    execFile(
      join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
      [join(PROJECT_ROOT, 'src', 'cli', 'seed.ts'), ...args],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, FACTS_ROOT: FIXTURES_ROOT, NEO4J_URI: settings.uri, NEO4J_USER: settings.user, NEO4J_PASSWORD: settings.password },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

test('the seed command: --skip-invalid loads the good file and lists the bad one; --remove (and its dry run) takes a source away', async () => {
  const seedOnly = await graphState(t.db);
  const bad = await fixtureVariant('skip-me.json', (doc) => {
    doc.source.id = 'source:fixture-skip-me';
    doc.relationships[0].to = 'meeting:never-declared';
  });
  const skipped = await seedCli(['--skip-invalid', FIXTURE, bad]);
  expect(skipped.code).toBe(1);
  expect(skipped.stderr).toContain(`[seed] skipped ${bad} (1 problem(s))`);
  expect(skipped.stderr).toContain('relationships[0].to: "meeting:never-declared" is not the id of an entity in this document');
  expect(skipped.stderr).toMatch(/nodes: 8 added, 11 updated, 0 unchanged/);
  expect((await t.api.data(`{ source(id: "${FIXTURE_SOURCE}") { id } }`)).source).toEqual({ id: FIXTURE_SOURCE });
  expect((await t.api.data(`{ source(id: "source:fixture-skip-me") { id } }`)).source).toBeNull();

  const loaded = await graphState(t.db);
  const dry = await seedCli(['--dry-run', '--remove', FIXTURE_SOURCE]);
  expect(dry).toMatchObject({ code: 0 });
  expect(dry.stderr).toMatch(/\[remove\] dry run, nothing written: source:fixture-followup-abu-dhabi: \d+ nodes and \d+ relationships deleted/);
  expect(await graphState(t.db)).toEqual(loaded);

  expect((await seedCli(['--remove', FIXTURE_SOURCE])).code).toBe(0);
  expect(await graphState(t.db)).toEqual(seedOnly);
  const missing = await seedCli(['--remove', FIXTURE_SOURCE]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain(`There is no source "${FIXTURE_SOURCE}" in the graph; nothing was changed.`);
}, 120_000);
