/**
 * Subscriptions over graphql-ws against a real server and a real graph: an event for each kind of
 * write, with its ids and version; the filters; authentication like readers'; each limit's coded
 * refusal; the HTTP refusal; and a load by `npm run seed` in another process reaching a subscriber.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { createAuthenticator } from '../../src/auth/authenticator';
import { DEFAULT_SUBSCRIPTIONS } from '../../src/http/subscriptions';
import { seedFiles } from '../../src/ingest/seed';
import { PROJECT_ROOT } from '../../src/paths';
import { removeSource } from '../../src/repositories/claim-writer';
import { useOwnGraph } from '../helpers/scale-graph';
import { SEED_FILE } from '../helpers/seed-file';
import { subscribe, waitUntil, wsClient } from '../helpers/subscriptions';
import { startTestServer, type TestServer } from '../helpers/test-server';

const SECRET = 'subscription-test-secret-0123456789abcdef';
const t = useOwnGraph((db) => seedFiles(db, [SEED_FILE], () => undefined), {
  auth: createAuthenticator({ jwt: { algorithm: 'HS256', secret: SECRET }, apiKeys: [], reads: 'open' }),
});
const editor = async () => ({
  authorization: `Bearer ${await new SignJWT({ role: 'editor' }).setProtectedHeader({ alg: 'HS256' }).setSubject('erin').setExpirationTime('5m').sign(new TextEncoder().encode(SECRET))}`,
});

const CHANGES = `subscription ($actorId: ID, $nodeType: GraphNodeType, $sourceId: ID) {
  graphChanged(actorId: $actorId, nodeType: $nodeType, sourceId: $sourceId) { version at kind ids nodeTypes actorIds sourceId truncated } }`;
const SEED = 'source:observer-uae-talks';
const FOLLOWUP = 'source:fixture-followup-abu-dhabi';
let dir: string;
let followupFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-subscriptions-test-'));
  await copyFile(join(PROJECT_ROOT, 'tests', 'fixtures', 'articles', 'followup-abu-dhabi.txt'), join(dir, 'followup.txt'));
  const doc = JSON.parse(await readFile(join(PROJECT_ROOT, 'tests', 'fixtures', 'facts', 'followup-abu-dhabi.json'), 'utf8'));
  doc.source.textFile = 'followup.txt';
  followupFile = join(dir, 'followup.json');
  await writeFile(followupFile, JSON.stringify(doc));
});

/** Sends a mutation as an editor and fails the test on any error or user error. */
async function mutate(query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await t.api.gql(query, variables, await editor());
  if (response.errors?.length) throw new Error(JSON.stringify(response.errors));
  const payload = Object.values(response.data ?? {})[0] as any;
  expect(payload.userErrors).toEqual([]);
  return payload;
}

/** Subscribes on the test server and waits until the server has the subscription in place. */
async function listen(api: TestServer, variables: Record<string, unknown> = {}, params?: Record<string, unknown>) {
  const before = api.changes.opened;
  const { client, closed } = wsClient(api.wsUrl, params);
  const received = subscribe(client, CHANGES, variables);
  await waitUntil(() => api.changes.opened > before || received.errors.length > 0, 10_000, 'the subscription');
  return { client, closed, received };
}

test('each kind of write reaches a subscriber as one event, with its ids and the next graph version', async () => {
  const { client, received } = await listen(t.api);
  try {
    await seedFiles(t.db, [followupFile], () => undefined);
    await seedFiles(t.db, [followupFile], () => undefined);
    await mutate(`mutation ($input: AddStatementInput!) { addStatement(input: $input) { statement { id } userErrors { code } } }`, {
      input: {
        sourceId: SEED,
        id: 'statement:subscription-test',
        text: 'Kyiv is under serious pressure.',
        kind: 'REPORTED',
        speakerId: 'actor:tass',
        evidence: [{ sentence: 13, excerpt: 'Kyiv is under serious pressure' }],
      },
    });
    await mutate(`mutation ($input: AddMeetingInput!) { addMeeting(input: $input) { meeting { id } userErrors { code } } }`, {
      input: {
        sourceId: SEED,
        id: 'meeting:subscription-test',
        name: 'Envoys in Moscow',
        locationId: 'location:moscow',
        participantIds: ['actor:steve-witkoff', 'actor:vladimir-putin'],
        evidence: [{ sentence: 2, excerpt: 'the Russian president Vladimir Putin in Moscow' }],
      },
    });
    await mutate(`mutation ($input: LinkActorsInput!) { linkActors(input: $input) { from { id } userErrors { code } } }`, {
      input: {
        sourceId: SEED,
        fromId: 'actor:steve-witkoff',
        toId: 'actor:jared-kushner',
        relation: 'ENVOY_ALONGSIDE',
        evidence: [{ sentence: 2, excerpt: 'Jared Kushner and the US president’s special envoy, Steve Witkoff' }],
      },
    });
    const fact = 'PARTICIPATED_IN:actor:steve-witkoff->meeting:subscription-test';
    await mutate(`mutation ($input: PinClaimInput!) { pinClaim(input: $input) { change { id } userErrors { code } } }`, {
      input: { id: fact, sourceId: SEED, reason: 'test' },
    });
    await mutate(`mutation ($input: UnpinClaimInput!) { unpinClaim(input: $input) { change { id } userErrors { code } } }`, {
      input: { id: fact, reason: 'test' },
    });
    await mutate(`mutation { retractFact(id: "statement:subscription-test", reason: "test") { retractedId userErrors { code } } }`, {});
    await removeSource(t.db, FOLLOWUP);

    const events = (await received.atLeast(9)).map((e) => e.graphChanged);
    expect(events.map((e) => e.kind)).toEqual([
      'SOURCE_LOADED',
      'SOURCE_REPLACED',
      'STATEMENT_ADDED',
      'MEETING_ADDED',
      'LINK_ADDED',
      'CLAIM_PINNED',
      'CLAIM_UNPINNED',
      'FACT_RETRACTED',
      'SOURCE_REMOVED',
    ]);
    // One version per write, in commit order.
    events.slice(1).forEach((e, i) => expect(e.version).toBe(events[i].version + 1));
    const [loaded, , statement, meeting, link, pinned, unpinned, retracted, removed] = events;
    expect(loaded).toMatchObject({ sourceId: FOLLOWUP, truncated: false });
    expect(loaded.ids).toEqual(expect.arrayContaining([FOLLOWUP, 'meeting:abu-dhabi-second-round']));
    expect(loaded.nodeTypes).toEqual(expect.arrayContaining(['SOURCE', 'ACTOR', 'LOCATION', 'MEETING', 'STATEMENT', 'POSITION']));
    expect(statement).toMatchObject({ sourceId: SEED, nodeTypes: expect.arrayContaining(['STATEMENT', 'ACTOR']), actorIds: ['actor:tass'] });
    expect(statement.ids).toEqual(expect.arrayContaining(['statement:subscription-test', 'actor:tass']));
    expect(meeting.ids).toEqual(expect.arrayContaining(['meeting:subscription-test', 'actor:steve-witkoff', 'actor:vladimir-putin', 'location:moscow']));
    expect(link.ids).toEqual(expect.arrayContaining(['RELATED_TO:actor:steve-witkoff->actor:jared-kushner|ENVOY_ALONGSIDE', 'actor:jared-kushner']));
    expect(link.actorIds.sort()).toEqual(['actor:jared-kushner', 'actor:steve-witkoff']);
    expect(pinned).toMatchObject({ sourceId: SEED, ids: expect.arrayContaining([fact, 'actor:steve-witkoff']) });
    expect(unpinned).toMatchObject({ sourceId: null, ids: expect.arrayContaining([fact]) });
    // The retracted statement is gone from the graph; its event still says what it was.
    expect(retracted).toMatchObject({ ids: expect.arrayContaining(['statement:subscription-test']), nodeTypes: expect.arrayContaining(['STATEMENT']) });
    expect(removed).toMatchObject({ sourceId: FOLLOWUP, nodeTypes: expect.arrayContaining(['SOURCE', 'MEETING']) });
    expect(removed.ids).toEqual(expect.arrayContaining([FOLLOWUP, 'meeting:abu-dhabi-second-round']));
  } finally {
    await client.dispose();
  }
});

test('arguments filter the events: by actor, by node type, by source', async () => {
  const byActor = await listen(t.api, { actorId: 'actor:vladimir-putin' });
  const byType = await listen(t.api, { nodeType: 'MEETING' });
  const bySource = await listen(t.api, { sourceId: FOLLOWUP });
  const all = await listen(t.api);
  try {
    await mutate(`mutation ($input: LinkActorsInput!) { linkActors(input: $input) { from { id } userErrors { code } } }`, {
      input: {
        sourceId: SEED,
        fromId: 'actor:steve-witkoff',
        toId: 'actor:jared-kushner',
        relation: 'TRAVELLED_WITH',
        evidence: [{ sentence: 2, excerpt: 'Jared Kushner and the US president’s special envoy, Steve Witkoff' }],
      },
    });
    await mutate(`mutation ($input: AddMeetingInput!) { addMeeting(input: $input) { meeting { id } userErrors { code } } }`, {
      input: {
        sourceId: SEED,
        id: 'meeting:subscription-filter-test',
        name: 'Envoys in Moscow again',
        participantIds: ['actor:vladimir-putin'],
        evidence: [{ sentence: 2, excerpt: 'the Russian president Vladimir Putin in Moscow' }],
      },
    });
    await seedFiles(t.db, [followupFile], () => undefined);
    const kinds = (events: any[]) => events.map((e) => e.graphChanged.kind);
    const everything = await all.received.atLeast(3);
    expect(kinds(everything)).toEqual(['LINK_ADDED', 'MEETING_ADDED', 'SOURCE_LOADED']);
    // What the actor filter must let through: the changes that name Putin's node.
    const naming = kinds(everything.filter((e) => e.graphChanged.actorIds.includes('actor:vladimir-putin')));
    expect(naming).toContain('MEETING_ADDED');
    expect(naming).not.toContain('LINK_ADDED');
    expect(kinds(await byActor.received.atLeast(naming.length))).toEqual(naming);
    expect(kinds(await byType.received.atLeast(2))).toEqual(['MEETING_ADDED', 'SOURCE_LOADED']);
    expect(kinds(await bySource.received.atLeast(1))).toEqual(['SOURCE_LOADED']);
    // Nothing more arrives for the filtered ones (a further poll or two).
    await new Promise((resolve) => setTimeout(resolve, 3 * DEFAULT_SUBSCRIPTIONS.pollMs));
    expect([byActor, byType, bySource].map((r) => r.received.events.length)).toEqual([naming.length, 2, 1]);
  } finally {
    for (const r of [byActor, byType, bySource, all]) await r.client.dispose();
  }
});

test('a subscription sent over HTTP is refused with OPERATION_NOT_SUPPORTED, naming the WebSocket endpoint', async () => {
  const response = await t.api.gql('subscription { graphChanged { version } }');
  expect(response.status).toBe(400);
  expect(response.errors).toEqual([
    { message: expect.stringContaining('graphql-ws'), extensions: { code: 'OPERATION_NOT_SUPPORTED', operation: 'subscription' } },
  ]);
});

test('over WebSocket a query is refused with OPERATION_NOT_SUPPORTED, and a bad document with its code', async () => {
  const { client } = wsClient(t.api.wsUrl);
  try {
    const query = subscribe(client, '{ actor(id: "actor:vladimir-putin") { name } }');
    expect(await query.ended).toBe('error');
    expect(query.errors[0].extensions).toMatchObject({ code: 'OPERATION_NOT_SUPPORTED', operation: 'query' });
    const invalid = subscribe(client, 'subscription { graphChanged { nope } }');
    expect(await invalid.ended).toBe('error');
    expect(invalid.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  } finally {
    await client.dispose();
  }
});

describe('with AUTH_READS=authenticated, subscribers authenticate like readers', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(t.db, [], {
      auth: createAuthenticator({ jwt: null, apiKeys: [{ name: 'dash', key: 'reader-key-0123456789abcdef', roles: ['reader'] }], reads: 'authenticated' }),
    });
  });
  afterAll(() => api.close());

  test('no credential: closed with 4401', async () => {
    const { closed, client } = wsClient(api.wsUrl);
    subscribe(client, CHANGES);
    expect(await closed).toMatchObject({ code: 4401, reason: expect.stringContaining('AUTH_READS') });
  });
  test('a wrong key: closed with 4403', async () => {
    const { closed, client } = wsClient(api.wsUrl, { 'x-api-key': 'not-a-key' });
    subscribe(client, CHANGES);
    expect(await closed).toMatchObject({ code: 4403, reason: expect.stringContaining('unknown API key') });
  });
  test('a reader key in connection_init: events arrive', async () => {
    const { client, received } = await listen(api, {}, { authorization: 'Bearer reader-key-0123456789abcdef' });
    try {
      await seedFiles(t.db, [SEED_FILE], () => undefined);
      expect((await received.next()).graphChanged).toMatchObject({ kind: 'SOURCE_REPLACED', sourceId: SEED });
    } finally {
      await client.dispose();
    }
  });
});

describe('limits, each with its code', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(t.db, [], {
      subscriptions: { ...DEFAULT_SUBSCRIPTIONS, maxOperations: 2, maxConnections: 2, maxMessageBytes: 2_048, idleTimeoutMs: 500 },
    });
  });
  afterAll(() => api.close());

  test('SUBSCRIPTION_MAX_OPERATIONS: one subscription too many gets TOO_MANY_SUBSCRIPTIONS; the others stay', async () => {
    const { client } = wsClient(api.wsUrl);
    try {
      const first = subscribe(client, CHANGES);
      const second = subscribe(client, CHANGES);
      await waitUntil(() => api.changes.size === 2);
      const third = subscribe(client, CHANGES);
      expect(await third.ended).toBe('error');
      expect(third.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_SUBSCRIPTIONS', max: 2 });
      expect(api.changes.size).toBe(2);
      first.stop();
      second.stop();
    } finally {
      await client.dispose();
    }
  });

  test('SUBSCRIPTION_MAX_MESSAGE_BYTES: a larger message closes the connection with 1009', async () => {
    const { client, closed } = wsClient(api.wsUrl);
    subscribe(client, `subscription { graphChanged { version ${'at '.repeat(1_000)} } }`);
    expect((await closed).code).toBe(1009);
  });

  test('SUBSCRIPTION_IDLE_TIMEOUT_MS: a connection with no subscription is closed with 4408', async () => {
    const socket = new WebSocket(api.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    const [code, reason] = await new Promise<[number, Buffer]>((resolve) => socket.once('close', (c, r) => resolve([c, r])));
    expect(code).toBe(4408);
    expect(reason.toString()).toContain('SUBSCRIPTION_IDLE_TIMEOUT_MS');
  });

  test('SUBSCRIPTION_MAX_CONNECTIONS: a connection over the cap is closed with 4429', async () => {
    const open = [wsClient(api.wsUrl), wsClient(api.wsUrl)];
    const subs = open.map(({ client }) => subscribe(client, CHANGES));
    await waitUntil(() => api.changes.size === 2);
    const extra = wsClient(api.wsUrl);
    subscribe(extra.client, CHANGES);
    expect(await extra.closed).toMatchObject({ code: 4429, reason: expect.stringContaining('SUBSCRIPTION_MAX_CONNECTIONS') });
    subs.forEach((s) => s.stop());
    await Promise.all(open.map(({ client }) => client.dispose()));
  });
});

test('a load by `npm run seed` in another process reaches a subscriber', async () => {
  await removeSource(t.db, FOLLOWUP);
  const { client, received } = await listen(t.api, { sourceId: FOLLOWUP });
  try {
    const child = spawn(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'src', 'cli', 'seed.ts'), followupFile], {
      env: { ...process.env, NEO4J_URI: t.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '' },
      stdio: 'ignore',
    });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    const kinds = (await received.atLeast(1)).map((e) => e.graphChanged.kind);
    expect(kinds).toEqual(['SOURCE_LOADED']);
  } finally {
    await client.dispose();
  }
});
