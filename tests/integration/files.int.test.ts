/**
 * Files and texts, end to end: the real loader and `npm run seed` refuse text files outside the
 * facts file's directory and FACTS_ROOT (traversal, symlinks, kernel files) and oversized texts,
 * without quoting any file and without writing; the mutations over HTTP refuse `textFile`,
 * oversized texts, non-http(s) URLs and look-alike names; and an ingestSource that replaces a
 * source records the replaced document, which restores it.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createAuthenticator } from '../../src/auth/authenticator';
import { PROJECT_ROOT } from '../../src/paths';
import { InvalidFactsError, seedFiles } from '../../src/ingest/seed';
import { removeSource } from '../../src/repositories/claim-writer';
import { graphState } from '../helpers/graph-state';
import { openTestDatabase } from '../helpers/test-database';
import { useTestApi } from '../helpers/test-server';

const SECRET = 'files-test-secret-0123456789abcdef-xyz';
const MARKER = 'files-test-marker-value-must-never-be-shown';
const MAX_TEXT = 20_000;
const t = useTestApi({
  auth: createAuthenticator({ jwt: { algorithm: 'HS256', secret: SECRET }, apiKeys: [], reads: 'open' }),
  textLimits: { maxTextBytes: MAX_TEXT },
});
let editor: Record<string, string>;
let dir: string;

beforeAll(async () => {
  const token = await new SignJWT({ role: 'editor' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('fiona')
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(SECRET));
  editor = { authorization: `Bearer ${token}` };
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-files-int-'));
  await mkdir(join(dir, 'facts'));
  await writeFile(join(dir, 'secret.env'), `AUTH_JWT_SECRET=${MARKER}\n`);
});
const SOURCES = ['source:files-test-replace', 'source:files-test-traversal'];
afterAll(async () => {
  const db = openTestDatabase();
  for (const id of SOURCES) await removeSource(db, id);
  await db.driver.close();
  await rm(dir, { recursive: true, force: true });
});

const TEXT = 'Ivan Filetest met Petro Probenko in Lviv. They talked about nothing.';
function document(source: Record<string, unknown> = {}, entities?: unknown[]) {
  return {
    source: { id: 'source:files-test-replace', title: 'Files test', publisher: 'Tester', text: TEXT, ...source },
    entities: entities ?? [
      { id: 'actor:ivan-filetest', type: 'Actor', name: 'Ivan Filetest', kind: 'PERSON', evidence: [{ sentence: 1, excerpt: 'Ivan Filetest' }] },
      { id: 'actor:petro-probenko', type: 'Actor', name: 'Petro Probenko', kind: 'PERSON', evidence: [{ sentence: 1, excerpt: 'Petro Probenko' }] },
    ],
    relationships: [],
  };
}

const INGEST = `mutation ($doc: JSON!) { ingestSource(document: $doc) {
  source { id } change { id action targetIds summary replaced } userErrors { code message path } } }`;

/** Writes a facts document into the temp dir's facts/ directory. */
async function factsFile(name: string, source: Record<string, unknown>): Promise<string> {
  const file = join(dir, 'facts', name);
  const { text: _text, ...rest } = document(source).source;
  await writeFile(file, JSON.stringify({ ...document(), source: { ...rest, id: 'source:files-test-traversal', ...source } }));
  return file;
}

describe('the loader', () => {
  test.each([
    ['a .. traversal', '../secret.env'],
    ['../../etc/passwd', '../../../../../../../../etc/passwd'],
    ['/proc/self/environ', '/proc/self/environ'],
  ])('refuses %s as PATH_OUTSIDE_ROOT, quoting nothing of the file, and writes nothing', async (_name, textFile) => {
    const file = await factsFile('traversal.json', { textFile });
    const before = await graphState(t.db);
    const error = await seedFiles(t.db, [file], () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidFactsError);
    expect((error as InvalidFactsError).problems).toEqual([expect.objectContaining({ code: 'PATH_OUTSIDE_ROOT', path: `${file}: source.textFile` })]);
    expect((error as Error).message).toContain(`[PATH_OUTSIDE_ROOT] "${textFile}"`);
    expect((error as Error).message).not.toMatch(new RegExp(`${MARKER}|root:x:0:0|PATH=`));
    expect(await graphState(t.db)).toEqual(before);
    expect((await t.api.data(`{ source(id: "source:files-test-traversal") { id } }`)).source).toBeNull();
  });

  test('refuses a symbolic link that leads out of the root, and writes nothing', async () => {
    await symlink(join(dir, 'secret.env'), join(dir, 'facts', 'innocent.txt'));
    const file = await factsFile('symlink.json', { textFile: 'innocent.txt' });
    const before = await graphState(t.db);
    const error = await seedFiles(t.db, [file], () => undefined, { files: { root: join(dir, 'facts'), maxTextBytes: MAX_TEXT } }).catch((e: unknown) => e);
    expect((error as InvalidFactsError).problems).toEqual([expect.objectContaining({ code: 'PATH_OUTSIDE_ROOT' })]);
    expect((error as Error).message).not.toContain(MARKER);
    expect(await graphState(t.db)).toEqual(before);
  });

  test('npm run seed --check refuses a 50 MB text file and a 50 MB facts file from their sizes, and /proc even under FACTS_ROOT=/, quoting nothing', async () => {
    await writeFile(join(dir, 'facts', 'huge.txt'), '');
    await truncate(join(dir, 'facts', 'huge.txt'), 50_000_000);
    const hugeText = await factsFile('huge-text.json', { textFile: 'huge.txt' });
    const hugeFacts = join(dir, 'facts', 'huge-facts.json');
    await writeFile(hugeFacts, '');
    await truncate(hugeFacts, 50_000_000);
    const proc = await factsFile('proc.json', { textFile: '../../../../../../../../proc/self/environ' });
    const outcome = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
        [join(PROJECT_ROOT, 'src', 'cli', 'seed.ts'), '--check', hugeText, hugeFacts, proc],
        { cwd: PROJECT_ROOT, env: { ...process.env, FACTS_ROOT: '/', FILES_TEST_MARKER: MARKER } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(
      `${hugeText}: source.textFile: [TEXT_TOO_LARGE] the source text has 50000000 bytes; the limit is 2000000 (SOURCE_TEXT_MAX_BYTES)`,
    );
    expect(outcome.stderr).toContain(`${hugeFacts}: (document): [FILE_TOO_LARGE] has 50000000 bytes; a facts file may have 8000000 bytes`);
    expect(outcome.stderr).toContain(`${proc}: source.textFile: [NOT_A_REGULAR_FILE]`);
    expect(outcome.stderr + outcome.stdout).not.toContain(MARKER);
    expect(outcome.stderr).toContain('nothing was written');
  });
});

describe('the mutations', () => {
  test.each([
    ['a textFile', { textFile: '/proc/self/environ', text: undefined }, 'TEXT_FILE_NOT_ALLOWED', 'source.textFile'],
    ['a text over SOURCE_TEXT_MAX_BYTES', { text: `${TEXT} ${'Filler. '.repeat(3_000)}` }, 'TEXT_TOO_LARGE', 'source.text'],
    ['a javascript: URL', { url: 'javascript:alert(document.cookie)' }, 'URL_NOT_ALLOWED', 'source.url'],
  ])('ingestSource with %s is refused with its code, and nothing is written', async (_name, source, code, path) => {
    const before = await graphState(t.db);
    const response = await t.api.gql(INGEST, { doc: document(source) }, editor);
    expect(response.status).toBe(200);
    expect(response.data.ingestSource.userErrors).toEqual([expect.objectContaining({ code, path })]);
    expect(response.data.ingestSource.change).toBeNull();
    expect(JSON.stringify(response)).not.toMatch(/PATH=|HOME=/);
    expect(await graphState(t.db)).toEqual(before);
  });

  test('a look-alike name (a Cyrillic letter inside a Latin word) is CONFUSABLE_NAME, through ingestSource and addMeeting', async () => {
    const before = await graphState(t.db);
    const forged = document({}, [
      { id: 'actor:ivan-filetest', type: 'Actor', name: 'Ivan Filet\u0435st', kind: 'PERSON', evidence: [{ sentence: 1, excerpt: 'Ivan Filetest' }] },
    ]);
    const ingested = await t.api.gql(INGEST, { doc: forged }, editor);
    expect(ingested.data.ingestSource.userErrors).toEqual([
      expect.objectContaining({ code: 'CONFUSABLE_NAME', path: 'entities[0] (actor:ivan-filetest).name' }),
    ]);
    const meeting = await t.api.gql(
      `mutation ($input: AddMeetingInput!) { addMeeting(input: $input) { meeting { id } userErrors { code path } } }`,
      {
        input: {
          sourceId: 'source:observer-uae-talks',
          name: 'Abu Dh\u0430bi talks',
          participantIds: ['actor:steve-witkoff'],
          evidence: [{ sentence: 2, excerpt: 'Steve Witkoff' }],
        },
      },
      editor,
    );
    expect(meeting.data.addMeeting).toEqual({ meeting: null, userErrors: [expect.objectContaining({ code: 'CONFUSABLE_NAME' })] });
    expect(await graphState(t.db)).toEqual(before);
  });

  test('an ingestSource that replaces a source records the replaced document in the change log; sending it back restores the source', async () => {
    const v1 = document();
    const first = await t.api.gql(INGEST, { doc: v1 }, editor);
    expect(first.data.ingestSource.userErrors).toEqual([]);
    expect(first.data.ingestSource.change.replaced).toBeNull();
    const afterV1 = await t.api.data(`{ source(id: "source:files-test-replace") { text } node(id: "actor:petro-probenko") { id } }`);
    expect(afterV1.node).toEqual({ id: 'actor:petro-probenko' });

    // One editor replaces every fact of the source with a single one.
    const v2 = document({ text: 'Ivan Filetest stayed home.' }, [
      { id: 'actor:ivan-filetest', type: 'Actor', name: 'Ivan Filetest', kind: 'PERSON', evidence: [{ sentence: 1, excerpt: 'Ivan Filetest' }] },
    ]);
    const second = await t.api.gql(INGEST, { doc: v2 }, editor);
    const change = second.data.ingestSource.change;
    expect(change.summary).toMatch(/^replaced source:files-test-replace/);
    expect(change.targetIds).toEqual(expect.arrayContaining(['source:files-test-replace', 'actor:ivan-filetest', 'actor:petro-probenko']));
    expect(JSON.parse(change.replaced)).toMatchObject(v1);
    expect((await t.api.data(`{ node(id: "actor:petro-probenko") { id } }`)).node).toBeNull();

    // The change log about the dropped fact finds the replacement, with what it replaced.
    const log = await t.api.gql(`{ changes(targetId: "actor:petro-probenko") { nodes { id action replaced } } }`, {}, editor);
    expect(log.data.changes.nodes[0]).toEqual({ id: change.id, action: 'INGEST_SOURCE', replaced: change.replaced });

    const restored = await t.api.gql(INGEST, { doc: JSON.parse(change.replaced) }, editor);
    expect(restored.data.ingestSource.userErrors).toEqual([]);
    expect(JSON.parse(restored.data.ingestSource.change.replaced)).toMatchObject(v2);
    expect(await t.api.data(`{ source(id: "source:files-test-replace") { text } node(id: "actor:petro-probenko") { id } }`)).toEqual(afterV1);
  });
});
