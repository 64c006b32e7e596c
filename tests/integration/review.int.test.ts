/**
 * Entity resolution a curator can trust, on a seeded graph of its own: an entity matching two nodes
 * waits in the review queue while the rest of its file loads; settling it loads the held facts
 * through the write path; every merge is recorded and `unmerge` splits it back out with the facts
 * that came from it; `seed --check` reports what the load then does.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createAuthenticator } from '../../src/auth/authenticator';
import { read } from '../../src/db/driver';
import { checkLoad, InvalidFactsError, readFiles, seedFiles } from '../../src/ingest/seed';
import { LoadConflictError } from '../../src/repositories/resolution-lookups';
import { PROJECT_ROOT } from '../../src/paths';
import { graphState } from '../helpers/graph-state';
import { useOwnGraph } from '../helpers/scale-graph';
import { SEED_FILE } from '../helpers/seed-file';

const SECRET = 'review-test-secret-0123456789abcdef';
const t = useOwnGraph((db) => seedFiles(db, [SEED_FILE], () => undefined), {
  auth: createAuthenticator({ jwt: { algorithm: 'HS256', secret: SECRET }, apiKeys: [], reads: 'open' }),
});
const as = async (role: string, sub = 'rita') => ({
  authorization: `Bearer ${await new SignJWT({ role }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('5m').sign(new TextEncoder().encode(SECRET))}`,
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-review-test-'));
});

/** A facts file with an inline text of one sentence per line. */
async function factsFile(name: string, sourceId: string, sentences: string[], entities: unknown[], relationships: unknown[] = []): Promise<string> {
  const file = join(dir, name);
  const doc = { source: { id: sourceId, title: name, publisher: 'Test wire', text: sentences.join(' ') }, entities, relationships };
  await writeFile(file, JSON.stringify(doc));
  return file;
}
const cite = (sentence: number, excerpt: string) => [{ sentence, excerpt }];

const REVIEW_ITEMS = `query ($status: ReviewStatus) { reviewItems(status: $status) { totalCount nodes { id sourceId path entityId name candidateIds status resolvedTo settledBy relationships } } }`;
const SETTLE = `mutation ($input: SettleReviewItemInput!) { settleReviewItem(input: $input) {
  reviewItem { status resolvedTo settledBy } node { id } change { action userId targetIds } userErrors { code message path } } }`;
const MERGES = `query ($nodeId: ID, $sourceId: ID) { merges(nodeId: $nodeId, sourceId: $sourceId) { totalCount nodes { id entityId name nodeId how sourceId } } }`;
const UNMERGE = `mutation ($id: ID!) { unmerge(id: $id, reason: "another person of that name") { node { id } from { id } change { action targetIds reason } userErrors { code message } } }`;
const PARTICIPANTS = `query ($id: ID!) { meeting(id: $id) { participants { actor { id } } } }`;
const EVIDENCE = `query ($id: ID!) { actor(id: $id) { name evidence { source { id } } meetings { id } } }`;

/** A second Zelensky, so a one-word "Zelenskyy" matches two nodes. */
async function secondZelensky(): Promise<string> {
  return factsFile(
    'relative.json',
    'source:review-relative',
    ['Oleksandr Zelensky spoke in Kyiv.'],
    [{ id: 'actor:oleksandr-zelensky', type: 'Actor', kind: 'PERSON', name: 'Oleksandr Zelensky', evidence: cite(1, 'Oleksandr Zelensky') }],
  );
}

async function oneWordZelenskyy(name = 'one-word.json', sourceId = 'source:review-one-word', id = 'actor:zelenskyy'): Promise<string> {
  return factsFile(
    name,
    sourceId,
    ['Zelenskyy joined the talks in Abu Dhabi.', 'Putin did not.'],
    [
      { id, type: 'Actor', kind: 'PERSON', name: 'Zelenskyy', evidence: cite(1, 'Zelenskyy') },
      { id: 'meeting:review-abu-dhabi-talks', type: 'Meeting', name: 'Talks in Abu Dhabi', evidence: cite(1, 'the talks in Abu Dhabi') },
      { id: 'actor:putin', type: 'Actor', kind: 'PERSON', name: 'Putin', evidence: cite(2, 'Putin') },
    ],
    [{ type: 'PARTICIPATED_IN', from: id, to: 'meeting:review-abu-dhabi-talks', evidence: cite(1, 'Zelenskyy joined the talks') }],
  );
}

test('an entity matching two nodes waits for review with what touches it, the rest of its file loads, and a curator settles it', async () => {
  await seedFiles(t.db, [await secondZelensky()], () => undefined);
  const log: string[] = [];
  await seedFiles(t.db, [await oneWordZelenskyy()], (line) => log.push(line));
  expect(log.join('\n')).toMatch(
    /\[review\] 1 entity waits for review[^\n]*\n {2}[^\n]*one-word\.json: entities\[0\] \(actor:zelenskyy\): "Zelenskyy" matches actor:volodymyr-zelensky \(Volodymyr Zelensky\), actor:oleksandr-zelensky \(Oleksandr Zelensky\); 1 relationship\(s\) wait with it/,
  );
  // The confident part loaded (the meeting, Putin onto the seed's Putin); the held record and its relationship did not.
  expect(await t.api.data(`{ actor(id: "actor:zelenskyy") { id } }`)).toEqual({ actor: null });
  expect((await t.api.data(PARTICIPANTS, { id: 'meeting:review-abu-dhabi-talks' })).meeting).toEqual({ participants: [] });
  expect((await t.api.data(EVIDENCE, { id: 'actor:vladimir-putin' })).actor.evidence.map((e: any) => e.source.id)).toContain('source:review-one-word');

  const editor = await as('editor');
  expect((await t.api.gql(REVIEW_ITEMS, {}, await as('reader'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const queue = (await t.api.gql(REVIEW_ITEMS, {}, editor)).data.reviewItems;
  expect(queue.totalCount).toBe(1);
  const [item] = queue.nodes;
  expect(item).toMatchObject({
    sourceId: 'source:review-one-word',
    entityId: 'actor:zelenskyy',
    name: 'Zelenskyy',
    candidateIds: ['actor:volodymyr-zelensky', 'actor:oleksandr-zelensky'],
    status: 'OPEN',
  });
  expect(JSON.parse(item.relationships)).toEqual([expect.objectContaining({ type: 'PARTICIPATED_IN', to: 'meeting:review-abu-dhabi-talks' })]);

  // A refused settlement writes nothing.
  const before = await graphState(t.db);
  const wrong = (await t.api.gql(SETTLE, { input: { id: item.id, decision: 'MERGE', candidateId: 'actor:vladimir-putin' } }, editor)).data.settleReviewItem;
  expect(wrong.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', path: 'input.candidateId' })]);
  expect(wrong.change).toBeNull();
  const noCandidate = (await t.api.gql(SETTLE, { input: { id: item.id, decision: 'MERGE' } }, editor)).data.settleReviewItem;
  expect(noCandidate.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', path: 'input.candidateId' })]);
  const unknown = (await t.api.gql(SETTLE, { input: { id: 'review:nope', decision: 'DROP' } }, editor)).data.settleReviewItem;
  expect(unknown.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', path: 'input.id' })]);
  expect((await t.api.gql(SETTLE, { input: { id: item.id, decision: 'DROP' } }, await as('reader'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(await graphState(t.db)).toEqual(before);

  const settled = (await t.api.gql(SETTLE, { input: { id: item.id, decision: 'MERGE', candidateId: 'actor:volodymyr-zelensky' } }, editor)).data
    .settleReviewItem;
  expect(settled.userErrors).toEqual([]);
  expect(settled.reviewItem).toEqual({ status: 'MERGED', resolvedTo: 'actor:volodymyr-zelensky', settledBy: 'rita' });
  expect(settled.node).toEqual({ id: 'actor:volodymyr-zelensky' });
  expect(settled.change).toMatchObject({ action: 'SETTLE_REVIEW_ITEM', userId: 'rita' });
  expect(settled.change.targetIds).toEqual(expect.arrayContaining(['actor:volodymyr-zelensky', 'meeting:review-abu-dhabi-talks']));
  // The held relationship loaded with its evidence, onto the chosen node.
  expect((await t.api.data(PARTICIPANTS, { id: 'meeting:review-abu-dhabi-talks' })).meeting.participants).toEqual([
    { actor: { id: 'actor:volodymyr-zelensky' } },
  ]);
  const zelensky = (await t.api.data(EVIDENCE, { id: 'actor:volodymyr-zelensky' })).actor;
  expect(zelensky.evidence.map((e: any) => e.source.id)).toContain('source:review-one-word');
  expect((await t.api.gql(REVIEW_ITEMS, {}, editor)).data.reviewItems.totalCount).toBe(0);
  expect((await t.api.gql(REVIEW_ITEMS, { status: 'MERGED' }, editor)).data.reviewItems.totalCount).toBe(1);
  const again = (await t.api.gql(SETTLE, { input: { id: item.id, decision: 'DROP' } }, editor)).data.settleReviewItem;
  expect(again.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/settled already \(MERGED by rita\)/) })]);

  // The settlement is a merge like any other: recorded, and undone by unmerge.
  const merges = (await t.api.gql(MERGES, { nodeId: 'actor:volodymyr-zelensky' }, editor)).data.merges;
  const merge = merges.nodes.find((m: any) => m.how === 'review');
  expect(merge).toMatchObject({ entityId: 'actor:zelenskyy', name: 'Zelenskyy', sourceId: 'source:review-one-word' });
  const undone = (await t.api.gql(UNMERGE, { id: merge.id }, editor)).data.unmerge;
  expect(undone.userErrors).toEqual([]);
  expect(undone).toMatchObject({
    node: { id: 'actor:zelenskyy' },
    from: { id: 'actor:volodymyr-zelensky' },
    change: { action: 'UNMERGE', reason: 'another person of that name' },
  });
  const split = (await t.api.data(EVIDENCE, { id: 'actor:zelenskyy' })).actor;
  expect(split).toEqual({ name: 'Zelenskyy', evidence: [{ source: { id: 'source:review-one-word' } }], meetings: [{ id: 'meeting:review-abu-dhabi-talks' }] });
  const left = (await t.api.data(EVIDENCE, { id: 'actor:volodymyr-zelensky' })).actor;
  expect(left.evidence.map((e: any) => e.source.id)).not.toContain('source:review-one-word');
  expect(left.meetings.map((m: any) => m.id)).not.toContain('meeting:review-abu-dhabi-talks');
  expect(left.name).toBe(zelensky.name);
  const twice = (await t.api.gql(UNMERGE, { id: merge.id }, editor)).data.unmerge;
  expect(twice.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/undone already/) })]);
});

test('a merge by name made by the load is recorded, and unmerge splits the record out with the facts that came from it', async () => {
  const file = await factsFile(
    'variant.json',
    'source:review-variant',
    ['Vladimir Zelensky held talks in Davos on Tuesday.'],
    [
      { id: 'actor:vladimir-zelensky', type: 'Actor', kind: 'PERSON', name: 'Vladimir Zelensky', evidence: cite(1, 'Vladimir Zelensky') },
      { id: 'meeting:review-davos-talks', type: 'Meeting', name: 'Talks in Davos', evidence: cite(1, 'talks in Davos') },
    ],
    [{ type: 'PARTICIPATED_IN', from: 'actor:vladimir-zelensky', to: 'meeting:review-davos-talks', evidence: cite(1, 'Vladimir Zelensky held talks') }],
  );
  const log: string[] = [];
  await seedFiles(t.db, [file], (line) => log.push(line));
  expect(log.join('\n')).toContain('actor:vladimir-zelensky -> actor:volodymyr-zelensky (by name)');
  const editor = await as('editor', 'uma');
  const merges = (await t.api.gql(MERGES, { nodeId: 'actor:volodymyr-zelensky' }, editor)).data.merges.nodes;
  const merge = merges.find((m: any) => m.sourceId === 'source:review-variant');
  expect(merge).toMatchObject({ entityId: 'actor:vladimir-zelensky', name: 'Vladimir Zelensky', how: 'name' });
  const aliasesBefore = (await t.api.data(`{ actor(id: "actor:volodymyr-zelensky") { aliases } }`)).actor.aliases;
  expect(aliasesBefore).toContain('Vladimir Zelensky');

  const undone = (await t.api.gql(UNMERGE, { id: merge.id }, editor)).data.unmerge;
  expect(undone.userErrors).toEqual([]);
  expect((await t.api.data(EVIDENCE, { id: 'actor:vladimir-zelensky' })).actor).toEqual({
    name: 'Vladimir Zelensky',
    evidence: [{ source: { id: 'source:review-variant' } }],
    meetings: [{ id: 'meeting:review-davos-talks' }],
  });
  expect((await t.api.data(PARTICIPANTS, { id: 'meeting:review-davos-talks' })).meeting.participants).toEqual([{ actor: { id: 'actor:vladimir-zelensky' } }]);
  const after = (await t.api.data(`{ actor(id: "actor:volodymyr-zelensky") { aliases evidence { source { id } } meetings { id } } }`)).actor;
  expect(after.meetings.map((m: any) => m.id)).not.toContain('meeting:review-davos-talks');
  expect(after.aliases).not.toContain('Vladimir Zelensky');
  expect(after.evidence.map((e: any) => e.source.id)).not.toContain('source:review-variant');
  const log2 = await t.api.gql(`{ changes(targetId: "actor:vladimir-zelensky") { nodes { action userId } } }`, {}, editor);
  expect(log2.data.changes.nodes).toEqual([{ action: 'UNMERGE', userId: 'uma' }]);
  // Loading the same file again keeps the split: the record's own id is a node now.
  const again: string[] = [];
  await seedFiles(t.db, [file], (line) => again.push(line));
  expect(again.join('\n')).not.toContain('actor:vladimir-zelensky -> ');
  expect((await t.api.gql(MERGES, { sourceId: 'source:review-variant' }, editor)).data.merges.nodes).toEqual([]);
});

/** Runs `npm run seed -- args` against this file's graph. */
function seedCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
      [join(PROJECT_ROOT, 'src', 'cli', 'seed.ts'), ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, FACTS_ROOT: dir, NEO4J_URI: t.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

test('seed --check reports what the load then does: a conflict with the graph refused, an ambiguous entity sent to review', async () => {
  // An id the graph has as a Country, typed here as a Location: the old --check called this valid.
  const conflict = await factsFile(
    'conflict.json',
    'source:review-conflict',
    ['Ukraine is a place.'],
    [{ id: 'country:ukraine', type: 'Location', kind: 'REGION', name: 'Ukraine', evidence: cite(1, 'Ukraine') }],
  );
  // (After the first test, "Zelenskyy" has a node of its own too: three candidates.)
  const ambiguous = await oneWordZelenskyy('ambiguous.json', 'source:review-ambiguous', 'actor:zelenskyy-again');
  const dangling = await factsFile(
    'dangling.json',
    'source:review-dangling',
    ['Zelenskyy spoke.'],
    [{ id: 'actor:someone', type: 'Actor', kind: 'PERSON', name: 'Someone Else', sameAs: 'actor:nobody', evidence: cite(1, 'Zelenskyy') }],
  );

  const before = await graphState(t.db);
  const checked = await checkLoad(t.db, await readFiles([conflict, ambiguous, dangling], { root: dir, maxTextBytes: 2_000_000 }));
  expect(await graphState(t.db)).toEqual(before);
  expect(checked.files.map((f) => [f.status, f.held.map((h) => h.entity.id)])).toEqual([
    ['refused', []],
    ['valid', ['actor:zelenskyy-again']],
    ['refused', []],
  ]);
  expect(checked.files[0].problems[0].message).toMatch(/the graph already has "country:ukraine" as Actor:Location, not Location/);
  expect(checked.files[2].problems[0].message).toMatch(/"actor:nobody" is neither in the graph nor in an earlier document/);

  // The load refuses the same files, and writes nothing for them.
  for (const [file, kind] of [
    [conflict, LoadConflictError],
    [dangling, InvalidFactsError],
  ] as const) {
    expect(await seedFiles(t.db, [file], () => undefined).catch((e: unknown) => e)).toBeInstanceOf(kind);
    expect(await graphState(t.db)).toEqual(before);
  }
  // And the command says the same before the load does it.
  const cli = await seedCli(['--check', conflict]);
  expect(cli.code).toBe(1);
  expect(cli.stdout).toContain(`${conflict}: refused`);
  const review = await seedCli(['--check', ambiguous]);
  expect(review).toMatchObject({ code: 0 });
  expect(review.stdout).toContain(`${ambiguous}: valid (2 entities, 0 relationships would load; 1 entity would wait for review)`);
  expect(review.stdout).toContain('review: ');
  expect(await graphState(t.db)).toEqual(before);
  const loaded = await seedCli([ambiguous]);
  expect(loaded.code).toBe(0);
  expect(loaded.stderr).toContain('[review] 1 entity waits for review');
  const [row] = await read(t.db, `MATCH (r:ReviewItem {sourceId: 'source:review-ambiguous'}) RETURN r.entityId AS id, r.status AS status`);
  expect(row).toEqual({ id: 'actor:zelenskyy-again', status: 'OPEN' });
}, 120_000);

test('a meeting resolves on its day, place and participants, whatever it is called; another day stays a meeting of its own', async () => {
  const file = await factsFile(
    'wire-round.json',
    'source:review-wire-round',
    ['Steven Witkoff and Jared Kushner sat down with both delegations in the UAE on Friday.', 'They met the same envoys again a week later.'],
    [
      { id: 'actor:wire-witkoff', type: 'Actor', kind: 'PERSON', name: 'Steven Witkoff', evidence: cite(1, 'Steven Witkoff') },
      { id: 'actor:wire-kushner', type: 'Actor', kind: 'PERSON', name: 'Jared Kushner', evidence: cite(1, 'Jared Kushner') },
      { id: 'country:wire-uae', type: 'Country', name: 'UAE', evidence: cite(1, 'the UAE') },
      {
        id: 'meeting:wire-friday-session',
        type: 'Meeting',
        name: 'Friday session with both delegations',
        startDate: { value: '2026-01-23', precision: 'DAY', inferred: false },
        evidence: cite(1, 'sat down with both delegations'),
      },
      {
        id: 'meeting:wire-week-later',
        type: 'Meeting',
        name: 'Friday session with both delegations',
        startDate: { value: '2026-01-30', precision: 'DAY', inferred: false },
        evidence: cite(2, 'met the same envoys again a week later'),
      },
    ],
    [
      {
        type: 'PARTICIPATED_IN',
        from: 'actor:wire-witkoff',
        to: 'meeting:wire-friday-session',
        evidence: cite(1, 'Steven Witkoff and Jared Kushner sat down'),
      },
      { type: 'PARTICIPATED_IN', from: 'actor:wire-kushner', to: 'meeting:wire-friday-session', evidence: cite(1, 'Jared Kushner sat down') },
      { type: 'HELD_IN', from: 'meeting:wire-friday-session', to: 'country:wire-uae', evidence: cite(1, 'in the UAE') },
      { type: 'PARTICIPATED_IN', from: 'actor:wire-witkoff', to: 'meeting:wire-week-later', evidence: cite(2, 'They met the same envoys again') },
      { type: 'PARTICIPATED_IN', from: 'actor:wire-kushner', to: 'meeting:wire-week-later', evidence: cite(2, 'They met the same envoys again') },
    ],
  );
  await seedFiles(t.db, [file], () => undefined);
  // The seed's meeting of 23 January in the UAE, with Witkoff and Kushner among its participants, is the one the wire meant.
  expect(await t.api.data(`{ meeting(id: "meeting:wire-friday-session") { id } }`)).toEqual({ meeting: null });
  const seedMeeting = await t.api.data(`{ meeting(id: "meeting:uae-trilateral-talks") { name evidence { source { id } } } }`);
  expect(seedMeeting.meeting.name).toBe('Trilateral talks in the UAE');
  expect(seedMeeting.meeting.evidence.map((e: any) => e.source.id)).toContain('source:review-wire-round');
  const merges = (await t.api.gql(MERGES, { sourceId: 'source:review-wire-round' }, await as('editor'))).data.merges.nodes;
  expect(merges).toContainEqual(expect.objectContaining({ entityId: 'meeting:wire-friday-session', nodeId: 'meeting:uae-trilateral-talks', how: 'meeting' }));
  // The same name and participants a week later is another meeting.
  const later = await t.api.data(`{ meeting(id: "meeting:wire-week-later") { participants { actor { id } } } }`);
  expect(later.meeting.participants.map((p: any) => p.actor.id).sort()).toEqual(['actor:jared-kushner', 'actor:steve-witkoff']);
});

test('a reload keeps what a curator settled: a merge stands, a drop stays out, and nothing waits again', async () => {
  const editor = await as('editor');
  const openItems = async (sourceId: string) =>
    (await t.api.gql(REVIEW_ITEMS, { status: 'OPEN' }, editor)).data.reviewItems.nodes.filter((n: any) => n.sourceId === sourceId);
  // (After the tests above, a one-word "Zelenskyy" matches several nodes.)
  const merged = await oneWordZelenskyy('kept-merge.json', 'source:review-kept-merge', 'actor:zelenskyy-kept');
  const dropped = await oneWordZelenskyy('kept-drop.json', 'source:review-kept-drop', 'actor:zelenskyy-dropped');
  await seedFiles(t.db, [merged, dropped], () => undefined);
  const [toMerge] = await openItems('source:review-kept-merge');
  const [toDrop] = await openItems('source:review-kept-drop');
  const settle = async (input: unknown) => (await t.api.gql(SETTLE, { input }, editor)).data.settleReviewItem.userErrors;
  expect(await settle({ id: toMerge.id, decision: 'MERGE', candidateId: 'actor:volodymyr-zelensky' })).toEqual([]);
  expect(await settle({ id: toDrop.id, decision: 'DROP' })).toEqual([]);

  // New versions of both sources: the same records, and a sentence more.
  const again = (name: string, sourceId: string, id: string) =>
    factsFile(
      name,
      sourceId,
      ['Zelenskyy joined the talks in Abu Dhabi.', 'Putin did not.', 'The talks went on late.'],
      [
        { id, type: 'Actor', kind: 'PERSON', name: 'Zelenskyy', evidence: cite(1, 'Zelenskyy') },
        { id: 'meeting:review-abu-dhabi-talks', type: 'Meeting', name: 'Talks in Abu Dhabi', evidence: cite(1, 'the talks in Abu Dhabi') },
      ],
      [{ type: 'PARTICIPATED_IN', from: id, to: 'meeting:review-abu-dhabi-talks', evidence: cite(1, 'Zelenskyy joined the talks') }],
    );
  const log: string[] = [];
  await seedFiles(
    t.db,
    [
      await again('kept-merge.json', 'source:review-kept-merge', 'actor:zelenskyy-kept'),
      await again('kept-drop.json', 'source:review-kept-drop', 'actor:zelenskyy-dropped'),
    ],
    (line) => log.push(line),
  );
  const said = log.join('\n');
  expect(said).toContain('kept-merge.json: actor:zelenskyy-kept -> actor:volodymyr-zelensky (by review)');
  expect(said).toMatch(
    /\[review\] 1 entity left out, as a curator dropped before[^\n]*\n {2}[^\n]*kept-drop\.json: entities\[0\] \(actor:zelenskyy-dropped\): "Zelenskyy"/,
  );
  expect(said).not.toContain('waits for review');
  expect(await openItems('source:review-kept-merge')).toEqual([]);
  expect(await openItems('source:review-kept-drop')).toEqual([]);
  // The merged record's facts of the new version are on the chosen node; the dropped one wrote nothing.
  const zelensky = (await t.api.data(EVIDENCE, { id: 'actor:volodymyr-zelensky' })).actor;
  expect(zelensky.evidence.map((e: any) => e.source.id)).toContain('source:review-kept-merge');
  expect(zelensky.evidence.map((e: any) => e.source.id)).not.toContain('source:review-kept-drop');
  expect(await t.api.data(`{ actor(id: "actor:zelenskyy-dropped") { id } }`)).toEqual({ actor: null });
  const merges = (await t.api.gql(MERGES, { sourceId: 'source:review-kept-merge' }, editor)).data.merges.nodes;
  expect(merges).toEqual([expect.objectContaining({ entityId: 'actor:zelenskyy-kept', nodeId: 'actor:volodymyr-zelensky', how: 'review' })]);

  // A record under another name is not the one the curator answered: it waits again.
  await seedFiles(
    t.db,
    [
      await factsFile(
        'kept-merge.json',
        'source:review-kept-merge',
        ['Mr Zelenskyy joined the talks in Abu Dhabi.'],
        [{ id: 'actor:zelenskyy-kept', type: 'Actor', kind: 'PERSON', name: 'Mr Zelenskyy', evidence: cite(1, 'Mr Zelenskyy') }],
      ),
    ],
    () => undefined,
  );
  expect((await openItems('source:review-kept-merge')).map((n: any) => n.name)).toEqual(['Mr Zelenskyy']);
});
