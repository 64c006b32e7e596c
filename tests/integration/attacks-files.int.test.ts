/**
 * The red team's file and text attacks (issue 18), replayed against a real server: a facts file
 * among SEED_FILES whose `textFile` is `/proc/self/environ` or `../../etc/passwd` (it published
 * the service's AUTH_JWT_SECRET as a source text), the same through ingestSource, and a 900 KB
 * one-line source text sent by an editor (it froze every request, `/healthz` included, for 55 s,
 * and each addStatement citing it for 45 s more). Each refusal leaves the graph as it was.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createAuthenticator } from '../../src/auth/authenticator';
import { loadConfig } from '../../src/config';
import { InvalidFactsError, seedFiles } from '../../src/ingest/seed';
import { removeSource } from '../../src/repositories/claim-writer';
import { graphState } from '../helpers/graph-state';
import { openTestDatabase } from '../helpers/test-database';
import { useTestApi } from '../helpers/test-server';

const SECRET = 'attack-files-secret-0123456789abcdef-xyz';
const t = useTestApi({ auth: createAuthenticator({ jwt: { algorithm: 'HS256', secret: SECRET }, apiKeys: [], reads: 'open' }) });
const LONG_SOURCE = 'source:attack-long-line';
let dir: string;
let editor: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-attack-files-'));
  const token = await new SignJWT({ role: 'editor' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('mallory')
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(SECRET));
  editor = { authorization: `Bearer ${token}` };
});
afterAll(async () => {
  const db = openTestDatabase();
  await removeSource(db, LONG_SOURCE);
  await db.driver.close();
  await rm(dir, { recursive: true, force: true });
});

const evil = (textFile: string) => ({
  source: { id: 'source:attack-environ', title: 'Innocent', publisher: 'Nobody', textFile },
  entities: [],
  relationships: [],
});
const SOURCE_TEXT = `{ source(id: "source:attack-environ") { text } }`;

test.each(['/proc/self/environ', '../../etc/passwd', '../../../../../../../../proc/self/environ'])(
  'a seed file naming %s as its text is refused at start, and nothing is served',
  async (textFile) => {
    const file = join(dir, 'evil.json');
    await writeFile(file, JSON.stringify(evil(textFile)));
    // What `npm start` does with SEED_FILES, under the configuration it would have.
    const config = loadConfig({ SEED_FILES: file, AUTH_JWT_SECRET: SECRET });
    const before = await graphState(t.db);
    const error = await seedFiles(t.db, config.seed.files, () => undefined, { files: config.facts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidFactsError);
    expect((error as InvalidFactsError).problems.map((p) => p.code)).toEqual(['PATH_OUTSIDE_ROOT']);
    expect((error as Error).message).not.toContain(SECRET);
    expect((error as Error).message).not.toMatch(/root:x:0:0|PATH=/);
    expect(await graphState(t.db)).toEqual(before);
    expect((await t.api.data(SOURCE_TEXT)).source).toBeNull();
  },
);

test('the same document sent by an editor through ingestSource is refused without reading anything', async () => {
  const before = await graphState(t.db);
  const response = await t.api.gql(
    `mutation ($doc: JSON!) { ingestSource(document: $doc) { source { text } userErrors { code path } } }`,
    { doc: evil('/proc/self/environ') },
    editor,
  );
  expect(response.data.ingestSource).toEqual({ source: null, userErrors: [{ code: 'TEXT_FILE_NOT_ALLOWED', path: 'source.textFile' }] });
  expect(JSON.stringify(response)).not.toMatch(/PATH=|HOME=/);
  expect(await graphState(t.db)).toEqual(before);
  expect((await t.api.data(SOURCE_TEXT)).source).toBeNull();
});

test('a 900 KB one-line source text and an addStatement citing it leave /healthz answering while they are processed', async () => {
  // One line, no sentence break the splitter accepts, curly quotes all along: the former
  // splitter recounted the quotes of every prefix of it.
  // 900 KB of UTF-8 (a curly quote is 3 bytes), within the 1 MB request body limit.
  const text = `Start “of it. ${'And “more. '.repeat(70_000)}`.slice(0, 760_000);
  expect(Buffer.byteLength(text)).toBeGreaterThan(890_000);
  const doc = {
    source: { id: LONG_SOURCE, title: 'A long line', publisher: 'Mallory', text },
    entities: [{ id: 'event:attack-long-line', type: 'Event', name: 'The long line', evidence: [{ sentence: 1, excerpt: 'Start “of it.' }] }],
    relationships: [],
  };
  const healthz = async () => {
    const response = await fetch(`${t.api.url}/healthz`);
    return { status: response.status, body: await response.json() };
  };

  const ingest = t.api.gql(`mutation ($doc: JSON!) { ingestSource(document: $doc) { source { id } userErrors { code message } } }`, { doc }, editor);
  const [ingested, health] = await Promise.all([ingest, healthz()]);
  expect(health).toEqual({ status: 200, body: { status: 'ok' } });
  expect(ingested.data.ingestSource).toEqual({ source: { id: LONG_SOURCE }, userErrors: [] });

  const add = t.api.gql(
    `mutation ($input: AddStatementInput!) { addStatement(input: $input) { statement { id } userErrors { code message } } }`,
    {
      input: {
        sourceId: LONG_SOURCE,
        id: 'statement:attack-long-line',
        text: 'And more.',
        kind: 'REPORTED',
        speakerId: 'actor:tass',
        evidence: [{ sentence: 1, excerpt: 'And “more.' }],
      },
    },
    editor,
  );
  const [added, healthAgain] = await Promise.all([add, healthz()]);
  expect(healthAgain.status).toBe(200);
  expect(added.data.addStatement).toEqual({ statement: { id: 'statement:attack-long-line' }, userErrors: [] });

  // The graph holds the source as one sentence: the excerpt was located in it, not guessed.
  const { source } = await t.api.data(`{ source(id: "${LONG_SOURCE}") { sentences { number } } }`);
  expect(source.sentences).toHaveLength(1);
});
