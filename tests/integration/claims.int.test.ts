/**
 * Claims: each source's say about a fact is kept apart. Two accounts of the same talks that
 * disagree on the date, a participant's role and the place both come back through `claims`, the
 * fields are flagged as disputed, the current value follows the documented rule, removing either
 * source leaves exactly what the other supports, an editor can pin a claim, a graph written by
 * the loader before claims existed is migrated when the schema is applied, and a curator's
 * addition repeated by a second editor adds nothing twice.
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createAuthenticator } from '../../src/auth/authenticator';
import { read, writeTransaction } from '../../src/db/driver';
import { PROJECT_ROOT } from '../../src/paths';
import { seedFiles } from '../../src/ingest/seed';
import { removeSource } from '../../src/repositories/claim-writer';
import { findResolutionCandidates } from '../../src/repositories/resolution-lookups';
import { applySchema } from '../../src/repositories/schema-repository';
import { graphState } from '../helpers/graph-state';
import { useOwnGraph } from '../helpers/scale-graph';
import { SEED_FILE } from '../helpers/seed-file';

const SECRET = 'claims-test-secret-0123456789abcdef-xyz';
const t = useOwnGraph((db) => seedFiles(db, [SEED_FILE], () => undefined), {
  auth: createAuthenticator({ jwt: { algorithm: 'HS256', secret: SECRET }, apiKeys: [], reads: 'open' }),
});
/** Sends `query` as a user with `role`; throws on errors, like `t.api.data`. */
async function asUser<T = any>(role: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await t.api.gql<T>(query, variables, await as(role));
  if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}
const as = async (role: string) => ({
  authorization: `Bearer ${await new SignJWT({ role }).setProtectedHeader({ alg: 'HS256' }).setSubject('erin').setExpirationTime('5m').sign(new TextEncoder().encode(SECRET))}`,
});

const SEED = 'source:observer-uae-talks';
const RIVAL = 'source:fixture-rival-account';
const MEETING = 'meeting:uae-trilateral-talks';
const WITKOFF_AT_TALKS = `PARTICIPATED_IN:actor:steve-witkoff->${MEETING}`;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-claims-test-'));
  await copyFile(join(PROJECT_ROOT, 'tests', 'fixtures', 'articles', 'followup-abu-dhabi.txt'), join(dir, 'rival.txt'));
});

/**
 * Another outlet's account of the first round (on the follow-up fixture's text): another date,
 * another role for Witkoff, and Abu Dhabi for the place where the seed says the UAE.
 */
async function rivalFile(id = RIVAL, publishedDate = '2026-02-01'): Promise<string> {
  const doc = {
    source: {
      id,
      title: 'A rival account',
      publisher: 'Fixture Wire (fictional)',
      publishedDate: { value: publishedDate, precision: 'DAY', inferred: false },
      textFile: 'rival.txt',
    },
    entities: [
      {
        id: 'meeting:rival-first-round',
        sameAs: MEETING,
        type: 'Meeting',
        name: 'Trilateral talks in the UAE',
        startDate: { value: '2026-01-22', precision: 'DAY', inferred: false },
        evidence: [{ sentence: 3, excerpt: 'a week after the first round in the UAE' }],
      },
      { id: 'actor:witkoff', type: 'Actor', name: 'Witkoff', kind: 'PERSON', evidence: [{ sentence: 5, excerpt: 'The US envoy Witkoff' }] },
      {
        id: 'location:abu-dhabi',
        type: 'Location',
        name: 'Abu Dhabi',
        kind: 'CITY',
        evidence: [{ sentence: 3, excerpt: 'Abu Dhabi, the capital of the United Arab Emirates' }],
      },
    ],
    relationships: [
      {
        type: 'PARTICIPATED_IN',
        from: 'actor:witkoff',
        to: 'meeting:rival-first-round',
        role: 'US envoy',
        evidence: [{ sentence: 5, excerpt: 'The US envoy Witkoff' }],
      },
      { type: 'HELD_IN', from: 'meeting:rival-first-round', to: 'location:abu-dhabi', evidence: [{ sentence: 3, excerpt: 'met again in Abu Dhabi' }] },
    ],
  };
  const file = join(dir, `${id.replace(/\W/g, '-')}.json`);
  await writeFile(file, JSON.stringify(doc));
  return file;
}

const MEETING_CLAIMS = `query ($id: ID!) {
  meeting(id: $id) {
    startDate { value } sourceCount location { name }
    claims { source { id } values { field value } pinned }
    disputed { field values { value current support sources { id } } }
    participants { actor { id } role sourceCount claims { source { id } values { field value } } disputed { field values { value current } } }
  } }`;

test('two sources that disagree: both claims come back, the fields are disputed, and the rule picks the current value', async () => {
  const [summary] = await seedFiles(t.db, [await rivalFile()], () => undefined);
  expect(summary.changes.nodes).toEqual({ added: 1, updated: 2, unchanged: 0 }); // Abu Dhabi is new

  const { meeting } = await t.api.data(MEETING_CLAIMS, { id: MEETING });
  expect(meeting.sourceCount).toBe(2);
  expect(meeting.claims.map((c: any) => c.source.id)).toEqual([SEED, RIVAL]); // earliest published first
  expect(meeting.claims[1].values).toEqual([
    { field: 'name', value: 'Trilateral talks in the UAE' },
    { field: 'startDate', value: '2026-01-22' },
  ]);
  // One source each: the earliest published source's value stays current.
  expect(meeting.startDate.value).toBe('2026-01-23');
  expect(meeting.location.name).toBe('United Arab Emirates');
  const disputed = Object.fromEntries(meeting.disputed.map((d: any) => [d.field, d.values]));
  expect(Object.keys(disputed).sort()).toEqual(['location', 'startDate']);
  expect(disputed.startDate).toEqual([
    { value: '2026-01-23', current: true, support: 1, sources: [{ id: SEED }] },
    { value: '2026-01-22', current: false, support: 1, sources: [{ id: RIVAL }] },
  ]);
  expect(disputed.location.map((v: any) => [v.value, v.current, v.sources.map((s: any) => s.id)])).toEqual([
    ['United Arab Emirates', true, [SEED]],
    ['Abu Dhabi', false, [RIVAL]],
  ]);
  const witkoff = meeting.participants.find((p: any) => p.actor.id === 'actor:steve-witkoff');
  expect(witkoff.role).toBe('US president’s special envoy');
  expect(witkoff.sourceCount).toBe(2);
  expect(witkoff.claims.map((c: any) => [c.source.id, c.values])).toEqual([
    [SEED, [{ field: 'role', value: 'US president’s special envoy' }]],
    [RIVAL, [{ field: 'role', value: 'US envoy' }]],
  ]);
  expect(witkoff.disputed).toEqual([
    {
      field: 'role',
      values: [
        { value: 'US president’s special envoy', current: true },
        { value: 'US envoy', current: false },
      ],
    },
  ]);

  // The disputes list names both facts; filters narrow it.
  const DISPUTES = `query ($where: DisputeWhere) { disputes(where: $where) { totalCount nodes { id node { id } edge { id } fields { field } } } }`;
  const all = (await t.api.data(DISPUTES)).disputes;
  expect(all.nodes.map((d: any) => d.id)).toEqual(expect.arrayContaining([MEETING, WITKOFF_AT_TALKS]));
  expect(all.nodes.find((d: any) => d.id === WITKOFF_AT_TALKS).edge.id).toBe(WITKOFF_AT_TALKS);
  const roles = (await t.api.data(DISPUTES, { where: { field: 'role', sourceId: RIVAL } })).disputes;
  expect(roles.nodes.map((d: any) => d.id)).toEqual([WITKOFF_AT_TALKS]);
  expect((await t.api.data(DISPUTES, { where: { type: 'Meeting' } })).disputes.nodes.map((d: any) => d.node.id)).toEqual([MEETING]);

  // Lists filter on their sources; analytics count by source.
  const FILTERS = `{
    byRival: actors(where: {sourceId: "${RIVAL}"}) { nodes { id } }
    corroborated: meetings(where: {minSources: 2}) { nodes { id } }
    disputed: meetings(where: {disputed: true}) { nodes { id } }
    agreed: meetings(where: {disputed: false}) { totalCount }
    sourceStats { source { id } nodes relationships disputed } }`;
  const filtered = await t.api.data(FILTERS);
  expect(filtered.byRival.nodes).toEqual([{ id: 'actor:steve-witkoff' }]);
  expect(filtered.corroborated.nodes).toEqual([{ id: MEETING }]);
  expect(filtered.disputed.nodes).toEqual([{ id: MEETING }]);
  expect(filtered.agreed.totalCount).toBe(3);
  expect(filtered.sourceStats).toEqual([
    { source: { id: SEED }, nodes: 62, relationships: 121, disputed: 2 },
    { source: { id: RIVAL }, nodes: 3, relationships: 2, disputed: 2 },
  ]);

  // Loading the same file again changes nothing, and says so.
  const before = await graphState(t.db);
  const [again] = await seedFiles(t.db, [await rivalFile()], () => undefined);
  expect(again.changes.nodes).toEqual({ added: 0, updated: 0, unchanged: 3 });
  expect(await graphState(t.db)).toEqual(before);

  // A second outlet agreeing with the rival makes its date the best supported one.
  await seedFiles(t.db, [await rivalFile('source:fixture-rival-second', '2026-02-02')], () => undefined);
  const agreed = (await t.api.data(MEETING_CLAIMS, { id: MEETING })).meeting;
  expect(agreed.startDate.value).toBe('2026-01-22');
  expect(agreed.location.name).toBe('Abu Dhabi');
  expect(await removeSource(t.db, 'source:fixture-rival-second')).toMatchObject({ nodesDeleted: 1 });
  expect(await graphState(t.db)).toEqual(before);
  await removeSource(t.db, RIVAL);
});

test('removing either source leaves what the other supports; removing the second restores the seed-only graph exactly', async () => {
  const seedOnly = await graphState(t.db);
  await seedFiles(t.db, [await rivalFile()], () => undefined);
  await removeSource(t.db, SEED);
  const { meeting } = await t.api.data(MEETING_CLAIMS, { id: MEETING });
  expect(meeting.claims.map((c: any) => c.source.id)).toEqual([RIVAL]);
  expect(meeting.startDate.value).toBe('2026-01-22');
  expect(meeting.location.name).toBe('Abu Dhabi');
  expect(meeting.disputed).toEqual([]);
  expect(meeting.participants.map((p: any) => [p.actor.id, p.role])).toEqual([['actor:steve-witkoff', 'US envoy']]);
  // What only the seed said is gone.
  expect((await t.api.data(`{ meeting(id: "meeting:envoys-putin-moscow") { id } }`)).meeting).toBeNull();
  expect((await t.api.data(`{ disputes { totalCount } }`)).disputes.totalCount).toBe(0);

  await seedFiles(t.db, [SEED_FILE], () => undefined);
  await removeSource(t.db, RIVAL);
  expect(await graphState(t.db)).toEqual(seedOnly);
});

const PIN = `mutation ($input: PinClaimInput!) { pinClaim(input: $input) { claim { source { id } pinned } change { action targetIds } userErrors { code path } } }`;
const UNPIN = `mutation ($input: UnpinClaimInput!) { unpinClaim(input: $input) { change { action } userErrors { code } } }`;

test('an editor pins a claim: its values win, pinning again changes nothing, and both show in changes', async () => {
  await seedFiles(t.db, [await rivalFile()], () => undefined);
  const input = { id: WITKOFF_AT_TALKS, sourceId: RIVAL, reason: 'the rival outlet quotes the envoy’s own title' };
  expect((await t.api.gql(PIN, { input }, await as('reader'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');

  const pinned = (await asUser('editor', PIN, { input })).pinClaim;
  expect(pinned).toEqual({ claim: { source: { id: RIVAL }, pinned: true }, change: { action: 'PIN_CLAIM', targetIds: [WITKOFF_AT_TALKS] }, userErrors: [] });
  const role = async () => (await t.api.data(MEETING_CLAIMS, { id: MEETING })).meeting.participants.find((p: any) => p.actor.id === 'actor:steve-witkoff');
  expect((await role()).role).toBe('US envoy');
  expect((await role()).disputed[0].values).toEqual([
    { value: 'US president’s special envoy', current: false },
    { value: 'US envoy', current: true },
  ]);

  const before = await graphState(t.db);
  expect((await asUser('editor', PIN, { input })).pinClaim).toEqual({ claim: { source: { id: RIVAL }, pinned: true }, change: null, userErrors: [] });
  expect(await graphState(t.db)).toEqual(before);

  const changes = await asUser('editor', `{ changes(targetId: "${WITKOFF_AT_TALKS}") { nodes { action reason userId } } }`);
  expect(changes.changes.nodes).toEqual([{ action: 'PIN_CLAIM', reason: input.reason, userId: 'erin' }]);

  const missing = await asUser('editor', PIN, { input: { ...input, sourceId: 'source:nobody' } });
  expect(missing.pinClaim.userErrors).toEqual([{ code: 'NOT_FOUND', path: 'input.sourceId' }]);
  expect((await asUser('editor', UNPIN, { input: { id: WITKOFF_AT_TALKS, reason: 'settled' } })).unpinClaim.change).toEqual({ action: 'UNPIN_CLAIM' });
  expect((await role()).role).toBe('US president’s special envoy');
  await removeSource(t.db, RIVAL);
});

test('a graph written before claims is migrated once when the schema is applied, then removes a source exactly', async () => {
  await writeTransaction(t.db, (tx) => tx.run('MATCH (n:Change|IdempotencyKey) DELETE n'));
  const seedOnly = await graphState(t.db);
  const old = JSON.parse(await readFile(join(PROJECT_ROOT, 'tests', 'fixtures', 'old-format-graph.json'), 'utf8'));
  await writeTransaction(t.db, async (tx) => {
    await tx.run('MATCH (n) DETACH DELETE n');
    // One statement per combination of labels (labels cannot be parameters); all are known ones.
    const known = new Set(['Node', 'Source', 'Actor', 'Location', 'Meeting', 'Position', 'Statement', 'Stance', 'Event', 'GraphMeta']);
    const combos = new Set<string>(old.nodes.map((n: any) => [...n.labels].sort().join(':')));
    for (const combo of combos) {
      expect(combo.split(':').every((l) => known.has(l))).toBe(true);
      await tx.run(`UNWIND $rows AS row CREATE (n:${combo}) SET n = row.props`, {
        rows: old.nodes.filter((n: any) => [...n.labels].sort().join(':') === combo),
      });
    }
    for (const rel of old.relationships) {
      await tx.run(`MATCH (a:Node {id: $from}), (b:Node {id: $to}) CREATE (a)-[r:${rel.type}]->(b) SET r = $props`, rel);
    }
  });
  const log: string[] = [];
  await applySchema(t.db, (line) => log.push(line));
  expect(log.join('\n')).toMatch(/moved \d+ nodes and relationships from per-source lists to claims/);
  const again: string[] = [];
  await applySchema(t.db, (line) => again.push(line));
  expect(again).toEqual([]);

  // The evidence is what the lists held, source by source; each source has its claim.
  const oldZelensky = old.nodes.find((n: any) => n.props.id === 'actor:volodymyr-zelensky').props;
  const { actor } = await t.api.data(
    `{ actor(id: "actor:volodymyr-zelensky") { name sourceCount evidence { source { id } excerpt start } claims { source { id } } } }`,
  );
  expect(actor.evidence).toEqual(
    oldZelensky.evidenceSource.map((s: string, i: number) => ({
      source: { id: s },
      excerpt: oldZelensky.evidenceExcerpt[i],
      start: oldZelensky.evidenceStart[i],
    })),
  );
  expect(actor.claims.map((c: any) => c.source.id)).toEqual([SEED, 'source:fixture-followup-abu-dhabi']);
  expect(actor).toMatchObject({ name: 'Volodymyr Zelensky', sourceCount: 2 });

  // Removing the second source leaves the graph a fresh load of the seed gives.
  await removeSource(t.db, 'source:fixture-followup-abu-dhabi');
  expect(await graphState(t.db)).toEqual(seedOnly);
});

test('the same linkActors sent by two editors states the link once: its evidence lists the excerpt once', async () => {
  const LINK = `mutation ($input: LinkActorsInput!) { linkActors(input: $input) { userErrors { code message } change { action } } }`;
  const input = {
    sourceId: SEED,
    fromId: 'actor:steve-witkoff',
    toId: 'actor:jared-kushner',
    relation: 'ENVOY_ALONGSIDE',
    evidence: [{ sentence: 2, excerpt: 'Jared Kushner and the US president’s special envoy, Steve Witkoff' }],
  };
  for (const user of ['editor', 'editor'])
    expect((await asUser(user, LINK, { input })).linkActors).toEqual({ userErrors: [], change: { action: 'LINK_ACTORS' } });
  const { actor } = await t.api.data(
    `{ actor(id: "actor:steve-witkoff") { relations { type other { id } sourceCount evidence { sentence excerpt source { id } } } } }`,
  );
  const links = actor.relations.filter((r: any) => r.type === 'ENVOY_ALONGSIDE');
  expect(links).toEqual([
    {
      type: 'ENVOY_ALONGSIDE',
      other: { id: 'actor:jared-kushner' },
      sourceCount: 1,
      evidence: [{ sentence: 2, excerpt: input.evidence[0].excerpt, source: { id: SEED } }],
    },
  ]);
});

test('name keys stored under older name rules are worked out again once when the schema is applied, so resolution finds the node', async () => {
  const WITKOFF = 'actor:steve-witkoff';
  const keysOf = async () => (await read(t.db, 'MATCH (n:Node {id: $id}) RETURN n.matchKeys AS keys', { id: WITKOFF }))[0].keys as string[];
  const today = await keysOf();
  expect(today).toContain('steven witkof');
  // As an older version left it: other keys in each claim's body, an older names version on the graph.
  await writeTransaction(t.db, async (tx) => {
    const claims = await tx.run('MATCH (c:Claim {of: $id}) RETURN elementId(c) AS element, c.body AS body', { id: WITKOFF });
    for (const c of claims.records) {
      const body = JSON.parse(c.get('body'));
      body.names = body.names.map(([text]: [string, string[]]) => [text, [`old ${text}`]]);
      await tx.run('MATCH (c:Claim) WHERE elementId(c) = $element SET c.body = $body', { element: c.get('element'), body: JSON.stringify(body) });
    }
    await tx.run("MATCH (n:Node {id: $id}) SET n.matchKeys = ['old steve witkoff']", { id: WITKOFF });
    await tx.run("MATCH (m:GraphMeta {id: 'graph'}) SET m.namesVersion = 1");
  });
  expect((await findResolutionCandidates(t.db, { ids: [], keys: ['steven witkof'] })).byKey).toEqual([]);

  const log: string[] = [];
  await applySchema(t.db, (line) => log.push(line));
  expect(log.join('\n')).toMatch(/worked out the name keys of \d+ claims again \(name rules version \d+\)/);
  expect(await keysOf()).toEqual(today);
  expect((await findResolutionCandidates(t.db, { ids: [], keys: ['steven witkof'] })).byKey.map((c) => c.id)).toEqual([WITKOFF]);
  const again: string[] = [];
  await applySchema(t.db, (line) => again.push(line));
  expect(again).toEqual([]);
});
