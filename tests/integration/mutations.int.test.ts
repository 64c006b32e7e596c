/**
 * Curators' mutations over HTTP, on a seeded graph of their own: who may write, what a write
 * leaves (the fact, its evidence, its change record), what a refused write leaves (nothing), and
 * idempotency under 50 concurrent identical calls.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createAuthenticator } from '../../src/auth/authenticator';
import { PROJECT_ROOT } from '../../src/paths';
import { seedFiles } from '../../src/ingest/seed';
import { graphState } from '../helpers/graph-state';
import { useOwnGraph } from '../helpers/scale-graph';
import { SEED_FILE } from '../helpers/seed-file';

const SECRET = 'mutation-test-secret-0123456789abcdef';
const t = useOwnGraph((db) => seedFiles(db, [SEED_FILE], () => undefined), {
  auth: createAuthenticator({ jwt: { algorithm: 'HS256', secret: SECRET }, apiKeys: [], reads: 'open' }),
});

const sign = (claims: Record<string, unknown>, expires: string | number = '5m', secret = SECRET) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(claims.sub ?? 'alice'))
    .setExpirationTime(expires)
    .sign(new TextEncoder().encode(secret));
const as = async (claims: Record<string, unknown>) => ({ authorization: `Bearer ${await sign(claims)}` });

const SOURCE = 'source:observer-uae-talks';
// Sentence 13 of the seed article: "Kyiv is under serious pressure ..." is not a quote, but any exact excerpt will do.
const ADD_STATEMENT = `mutation ($input: AddStatementInput!, $key: String) {
  addStatement(input: $input, idempotencyKey: $key) {
    statement { id text speaker { id } evidence { sentence excerpt source { id } } }
    change { id userId action targetIds }
    userErrors { code message path }
  } }`;
const statementInput = (id: string, excerpt = 'Kyiv is under serious pressure') => ({
  sourceId: SOURCE,
  id,
  text: 'Kyiv is under serious pressure.',
  kind: 'REPORTED',
  speakerId: 'actor:tass',
  evidence: [{ sentence: 13, excerpt }],
});

test.each([
  ['no token', {}, 'UNAUTHENTICATED'],
  ['a forged token', { authorization: 'forged' }, 'UNAUTHENTICATED'],
  ['an expired token', 'expired', 'UNAUTHENTICATED'],
  ['a reader', { role: 'reader' }, 'FORBIDDEN'],
])('a mutation with %s is refused with %s and writes nothing', async (_name, who, code) => {
  let headers: Record<string, string> = {};
  if (who === 'expired') headers = { authorization: `Bearer ${await sign({ role: 'editor' }, Math.floor(Date.now() / 1000) - 60)}` };
  else if ((who as any).authorization === 'forged')
    headers = { authorization: `Bearer ${await sign({ role: 'editor' }, '5m', 'another-secret-0123456789abcdef-xyz')}` };
  else if ((who as any).role) headers = await as(who as Record<string, unknown>);
  const before = await graphState(t.db);
  const response = await t.api.gql(ADD_STATEMENT, { input: statementInput('statement:refused') }, headers);
  expect(response.errors?.[0].extensions?.code).toBe(code);
  expect(response.data?.addStatement ?? null).toBeNull();
  expect(await graphState(t.db)).toEqual(before);
});

test('an editor adds a statement with its evidence; the change is recorded and queryable; a retraction keeps what it removed', async () => {
  const editor = await as({ sub: 'erin', role: 'editor' });
  const added = await t.api.gql(ADD_STATEMENT, { input: statementInput('statement:tass-kyiv-pressure') }, editor);
  expect(added.errors).toBeUndefined();
  const payload = added.data.addStatement;
  expect(payload.userErrors).toEqual([]);
  expect(payload.statement).toEqual({
    id: 'statement:tass-kyiv-pressure',
    text: 'Kyiv is under serious pressure.',
    speaker: null, // REPORTED, not SAID
    evidence: [{ sentence: 13, excerpt: 'Kyiv is under serious pressure', source: { id: SOURCE } }],
  });
  expect(payload.change).toMatchObject({ userId: 'erin', action: 'ADD_STATEMENT', targetIds: ['statement:tass-kyiv-pressure', 'actor:tass'] });

  const log = await t.api.gql(`{ changes(targetId: "statement:tass-kyiv-pressure") { totalCount nodes { action userId } } }`, {}, editor);
  expect(log.errors).toBeUndefined();
  expect(log.data.changes).toEqual({ totalCount: 1, nodes: [{ action: 'ADD_STATEMENT', userId: 'erin' }] });
  const anonymousLog = await t.api.gql(`{ changes { totalCount } }`);
  expect(anonymousLog.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

  const retracted = await t.api.gql(
    `mutation { retractFact(id: "statement:tass-kyiv-pressure", reason: "a paraphrase, not a statement") { retractedId change { reason retracted } userErrors { code } } }`,
    {},
    editor,
  );
  expect(retracted.data.retractFact.retractedId).toBe('statement:tass-kyiv-pressure');
  expect(JSON.parse(retracted.data.retractFact.change.retracted).node.props.text).toBe('Kyiv is under serious pressure.');
  expect((await t.api.data(`{ statement(id: "statement:tass-kyiv-pressure") { id } }`)).statement).toBeNull();
  const history = await t.api.gql(`{ changes(targetId: "statement:tass-kyiv-pressure") { nodes { action reason } } }`, {}, editor);
  expect(history.data.changes.nodes).toEqual([
    { action: 'RETRACT_FACT', reason: 'a paraphrase, not a statement' },
    { action: 'ADD_STATEMENT', reason: null },
  ]);
});

test.each([
  ['an excerpt not in its sentence', statementInput('statement:bad-excerpt', 'words the article never says'), 'INVALID_INPUT', 'input.evidence[0].excerpt'],
  ['an unknown speaker', { ...statementInput('statement:bad-speaker'), speakerId: 'actor:nobody' }, 'NOT_FOUND', 'input'],
  ['an unknown source', { ...statementInput('statement:bad-source'), sourceId: 'source:nowhere' }, 'NOT_FOUND', 'input.sourceId'],
  ['an id the graph already has', statementInput('statement:ushakov-territorial-issue'), 'INVALID_INPUT', 'input.id'],
])('%s comes back as a typed user error and writes nothing', async (_name, input, code, path) => {
  const before = await graphState(t.db);
  const response = await t.api.gql(ADD_STATEMENT, { input }, await as({ role: 'editor' }));
  expect(response.errors).toBeUndefined();
  expect(response.data.addStatement).toMatchObject({ statement: null, change: null, userErrors: [expect.objectContaining({ code, path })] });
  expect(await graphState(t.db)).toEqual(before);
});

test('50 concurrent identical addStatement calls with one idempotency key create exactly one statement', async () => {
  const editor = await as({ sub: 'bot', role: 'editor' });
  const input = statementInput('statement:idempotent');
  const responses = await Promise.all(Array.from({ length: 50 }, () => t.api.gql(ADD_STATEMENT, { input, key: 'retry-42' }, editor)));
  expect(responses.find((r) => r.errors)?.errors).toBeUndefined();
  expect(responses.find((r) => r.data.addStatement.statement?.id !== 'statement:idempotent')?.data).toBeUndefined();
  expect(new Set(responses.map((r) => r.data.addStatement.change.id)).size).toBe(1);
  const log = await t.api.gql(`{ changes(targetId: "statement:idempotent") { totalCount } }`, {}, editor);
  expect(log.data.changes.totalCount).toBe(1);
  // One write: a second one would have appended the evidence again.
  const { statement } = await t.api.data(`{ statement(id: "statement:idempotent") { evidence { sentence } } }`);
  expect(statement.evidence).toEqual([{ sentence: 13 }]);

  const reused = await t.api.gql(ADD_STATEMENT, { input: { ...input, text: 'Something else.' }, key: 'retry-42' }, editor);
  expect(reused.data.addStatement.userErrors).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' })]);
});

test('addMeeting and linkActors write through the same path; ingestSource merges a whole document onto the graph', async () => {
  const editor = await as({ sub: 'erin', role: 'editor' });
  const meeting = await t.api.gql(
    `mutation ($input: AddMeetingInput!) { addMeeting(input: $input) { meeting { id name location { id } participants { actor { id } } } userErrors { message } } }`,
    {
      input: {
        sourceId: SOURCE,
        id: 'meeting:envoys-moscow-again',
        name: 'Envoys in Moscow',
        locationId: 'location:moscow',
        participantIds: ['actor:steve-witkoff', 'actor:vladimir-putin'],
        evidence: [{ sentence: 2, excerpt: 'the Russian president Vladimir Putin in Moscow' }],
      },
    },
    editor,
  );
  expect(meeting.data.addMeeting.userErrors).toEqual([]);
  expect(meeting.data.addMeeting.meeting.location.id).toBe('location:moscow');
  expect(meeting.data.addMeeting.meeting.participants.map((p: any) => p.actor.id).sort()).toEqual(['actor:steve-witkoff', 'actor:vladimir-putin']);

  const link = await t.api.gql(
    `mutation ($input: LinkActorsInput!) { linkActors(input: $input) { from { id relations { type other { id } } } userErrors { message } } }`,
    {
      input: {
        sourceId: SOURCE,
        fromId: 'actor:steve-witkoff',
        toId: 'actor:jared-kushner',
        relation: 'ENVOY_ALONGSIDE',
        evidence: [{ sentence: 2, excerpt: 'Jared Kushner and the US president’s special envoy, Steve Witkoff' }],
      },
    },
    editor,
  );
  expect(link.data.linkActors.userErrors).toEqual([]);
  expect(link.data.linkActors.from.relations).toEqual(
    expect.arrayContaining([expect.objectContaining({ type: 'ENVOY_ALONGSIDE', other: { id: 'actor:jared-kushner' } })]),
  );

  const document = JSON.parse(await readFile(join(PROJECT_ROOT, 'tests', 'fixtures', 'facts', 'followup-abu-dhabi.json'), 'utf8'));
  document.source.text = await readFile(join(PROJECT_ROOT, 'tests', 'fixtures', 'articles', 'followup-abu-dhabi.txt'), 'utf8');
  delete document.source.textFile;
  const ingest = `mutation ($doc: JSON!) { ingestSource(document: $doc) { source { id } nodesAdded merges userErrors { code path message } } }`;
  const ingested = await t.api.gql(ingest, { doc: document }, editor);
  expect(ingested.data.ingestSource.userErrors).toEqual([]);
  expect(ingested.data.ingestSource.nodesAdded).toBe(8);
  expect(ingested.data.ingestSource.merges).toContain('actor:zelenskyy -> actor:volodymyr-zelensky (by name)');

  document.entities[0].evidence[0].excerpt = 'not in the text';
  const before = await graphState(t.db);
  const bad = await t.api.gql(ingest, { doc: document }, editor);
  expect(bad.data.ingestSource.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', path: expect.stringContaining('entities[0]') })]);
  expect(await graphState(t.db)).toEqual(before);
});

test('a reason longer than REASON_MAX_CHARS (2,000 by default) is refused at its path, naming the setting, and writes nothing', async () => {
  const long = 'r'.repeat(2_001);
  const before = await graphState(t.db);
  const mutations: [string, string][] = [
    [`mutation ($r: String!) { retractFact(id: "statement:tass-kyiv-pressure", reason: $r) { userErrors { code message path } } }`, 'reason'],
    [
      `mutation ($r: String!) { pinClaim(input: { id: "actor:tass", sourceId: "${SOURCE}", reason: $r }) { userErrors { code message path } } }`,
      'input.reason',
    ],
    [`mutation ($r: String!) { unpinClaim(input: { id: "actor:tass", reason: $r }) { userErrors { code message path } } }`, 'input.reason'],
    [`mutation ($r: String!) { unmerge(id: "merge:none", reason: $r) { userErrors { code message path } } }`, 'reason'],
    [
      `mutation ($r: String) { settleReviewItem(input: { id: "review:none", decision: DROP, reason: $r }) { userErrors { code message path } } }`,
      'input.reason',
    ],
  ];
  for (const [mutation, path] of mutations) {
    const response = await t.api.gql(mutation, { r: long }, await as({ role: 'editor' }));
    expect(response.errors).toBeUndefined();
    const payload = Object.values(response.data ?? {})[0] as any;
    expect(payload.userErrors).toEqual([{ code: 'INVALID_INPUT', message: 'the reason has 2001 characters; the limit is 2000 (REASON_MAX_CHARS)', path }]);
  }
  expect(await graphState(t.db)).toEqual(before);
});
