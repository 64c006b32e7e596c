/**
 * Every relationship field of the API contract, resolved from the seeded graph over HTTP. Each
 * test names a field and a fact of the article that must come back through it.
 */
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();

const ids = (list: { id: string }[]) => list.map((n) => n.id).sort();

test('Actor: positions, relations, meetings, statements, mentionedIn, stances, events, asLocation', async () => {
  const data = await t.api.data(`{
    witkoff: actor(id: "actor:steve-witkoff") {
      actorKind aliases description
      positions { actor { id } position { id } since { value } until { value } evidence { excerpt } }
      relations { type subject { id } object { id } }
      meetings { id }
    }
    putin: actor(id: "actor:vladimir-putin") { mentionedIn { id } asLocation { id } }
    zelensky: actor(id: "actor:volodymyr-zelensky") { statements { id } stances { id } }
    trump: actor(id: "actor:donald-trump") { positions { position { id } since { value precision inferred expression } } events { id } }
    russia: actor(id: "country:russia") { actorKind asLocation { id locationKind } events { id } }
  }`);
  expect(data.witkoff.actorKind).toBe('PERSON');
  expect(data.witkoff.positions).toEqual([
    {
      actor: { id: 'actor:steve-witkoff' },
      position: { id: 'position:us-president-special-envoy' },
      since: null,
      until: null,
      evidence: [{ excerpt: 'the US president’s special envoy, Steve Witkoff' }],
    },
  ]);
  expect(data.witkoff.relations).toContainEqual({ type: 'SPECIAL_ENVOY_OF', subject: { id: 'actor:steve-witkoff' }, object: { id: 'actor:donald-trump' } });
  expect(ids(data.witkoff.meetings)).toEqual(['meeting:envoys-putin-moscow', 'meeting:uae-trilateral-talks']);
  expect(ids(data.putin.mentionedIn)).toEqual(['statement:sybiha-negotiation-table']);
  expect(data.putin.asLocation).toBeNull();
  expect(data.zelensky.statements.length).toBeGreaterThanOrEqual(4);
  expect(ids(data.zelensky.stances)).toContain('stance:zelensky-open-to-free-trade-zone');
  expect(data.trump.positions).toEqual([
    { position: { id: 'position:us-president' }, since: { value: '2025-01', precision: 'MONTH', inferred: true, expression: 'a year ago' } },
  ]);
  expect(ids(data.trump.events)).toContain('event:trump-return-to-office');
  expect(data.russia.actorKind).toBe('COUNTRY');
  expect(data.russia.asLocation).toEqual({ id: 'country:russia', locationKind: 'COUNTRY' });
  expect(ids(data.russia.events)).toContain('event:russian-strikes-second-day');
});

test('Meeting: location, participants, statements, events, precededBy, followedBy', async () => {
  const data = await t.api.data(`{
    meeting(id: "meeting:uae-trilateral-talks") {
      location { id }
      participants { actor { id } meeting { id } role }
      statements { id }
      events { id }
      precededBy { id }
      followedBy { id }
    }
  }`);
  const m = data.meeting;
  expect(m.location).toEqual({ id: 'country:united-arab-emirates' });
  expect(m.participants).toContainEqual({ actor: { id: 'country:ukraine' }, meeting: { id: 'meeting:uae-trilateral-talks' }, role: 'party' });
  expect(ids(m.statements)).toEqual(['statement:sybiha-night-of-russian-terror']);
  expect(ids(m.events)).toEqual(['event:russian-strikes-second-day']);
  expect(ids(m.precededBy)).toEqual(['meeting:envoys-putin-moscow']);
  expect(m.followedBy).toEqual([]);
});

test('Location: partOf, parts, meetings (through part-of), events', async () => {
  const data = await t.api.data(`{
    donbas: location(id: "location:donbas") { locationKind partOf { id partOf { id } } }
    ukraine: location(id: "country:ukraine") { parts { id } events { id } meetings { id } }
    moscow: location(id: "location:moscow") { asActor { id } meetings { id } }
  }`);
  expect(data.donbas).toEqual({ locationKind: 'REGION', partOf: { id: 'location:eastern-ukraine', partOf: { id: 'country:ukraine' } } });
  expect(ids(data.ukraine.parts)).toEqual(['location:eastern-ukraine']);
  expect(ids(data.ukraine.events)).toEqual(
    expect.arrayContaining(['event:full-scale-invasion', 'event:russian-strikes-second-day', 'event:attacks-on-energy-infrastructure']),
  );
  expect(data.ukraine.meetings).toEqual([]);
  expect(data.moscow).toEqual({ asActor: null, meetings: [{ id: 'meeting:envoys-putin-moscow' }] });
});

test('Position: organization and holders', async () => {
  const data = await t.api.data(`{
    position(id: "position:putin-foreign-policy-adviser") {
      title organization { id } holders { actor { id } position { id } evidence { excerpt } }
    }
  }`);
  expect(data.position).toEqual({
    title: 'Foreign policy adviser to the Russian president',
    organization: { id: 'country:russia' },
    holders: [
      {
        actor: { id: 'actor:yuri-ushakov' },
        position: { id: 'position:putin-foreign-policy-adviser' },
        evidence: [{ excerpt: 'Putin’s foreign policy adviser, Yuri Ushakov' }],
      },
    ],
  });
});

test('Statement: speaker, reportedBy, meeting, about (any node type), mentions, topics', async () => {
  const data = await t.api.data(`{
    statement(id: "statement:sybiha-night-of-russian-terror") {
      statementKind speaker { id } reportedBy { id } meeting { id }
      about { __typename id }
      mentions { id }
      topics
    }
  }`);
  const s = data.statement;
  expect(s).toMatchObject({
    statementKind: 'QUOTE',
    speaker: { id: 'actor:andrii-sybiha' },
    reportedBy: null,
    meeting: { id: 'meeting:uae-trilateral-talks' },
  });
  expect(s.about).toEqual(
    expect.arrayContaining([
      { __typename: 'Meeting', id: 'meeting:uae-trilateral-talks' },
      { __typename: 'Event', id: 'event:russian-strikes-second-day' },
    ]),
  );
  expect(ids(s.mentions)).toEqual(expect.arrayContaining(['country:russia', 'actor:ukrainians']));
  expect(s.topics.length).toBeGreaterThan(0);
});

test('Stance: actor, topic, stance, summary, about', async () => {
  const data = await t.api.data(`{
    stance(id: "stance:zelensky-open-to-free-trade-zone") { actor { id } topic stance summary about { __typename id } }
  }`);
  expect(data.stance).toMatchObject({ actor: { id: 'actor:volodymyr-zelensky' }, stance: 'OPEN_TO' });
  expect(data.stance.summary).toMatch(/free trade zone/);
  expect(data.stance.about).toContainEqual({ __typename: 'Location', id: 'location:eastern-ukraine' });
});

test('Event: actors, involvement, location, meeting, date', async () => {
  const data = await t.api.data(`{
    event(id: "event:full-scale-invasion") {
      eventKind date { value precision inferred } actors { id } involvement { actor { id } role } location { id } meeting { id }
    }
  }`);
  expect(data.event).toMatchObject({
    eventKind: 'INVASION',
    date: { value: '2022-02', precision: 'MONTH', inferred: false },
    location: { id: 'country:ukraine' },
    meeting: null,
  });
  expect(ids(data.event.actors)).toEqual(['country:russia', 'country:ukraine']);
  expect(data.event.involvement).toContainEqual({ actor: { id: 'country:russia' }, role: 'invader' });
});

test('Source: text, sentences, credits; Evidence.source', async () => {
  const data = await t.api.data(`{
    source(id: "source:observer-uae-talks") { title publisher url text sentences { number text } credits { actor { id } } }
    actor(id: "actor:tass") { evidence { source { id } } }
  }`);
  expect(data.source.publisher).toBe('The Observer');
  expect(data.source.url).toBeNull();
  expect(data.source.sentences).toHaveLength(26);
  expect(data.source.sentences[0]).toEqual({ number: 1, text: expect.stringMatching(/^Ukrainian and Russian officials met/) });
  expect(ids(data.source.credits.map((c: { actor: { id: string } }) => c.actor))).toEqual(['actor:afp', 'actor:getty-images', 'actor:oleksandr-magula']);
  expect(data.actor.evidence[0].source.id).toBe('source:observer-uae-talks');
});

test('node(id) resolves every type through the Node interface', async () => {
  const cases: [string, string][] = [
    ['actor:andrii-sybiha', 'Actor'],
    ['country:ukraine', 'Actor'],
    ['location:moscow', 'Location'],
    ['meeting:uae-trilateral-talks', 'Meeting'],
    ['position:us-president', 'Position'],
    ['statement:tass-buffer-zones', 'Statement'],
    ['stance:russia-demands-donbas', 'Stance'],
    ['event:twenty-point-roadmap', 'Event'],
    ['source:observer-uae-talks', 'Source'],
  ];
  for (const [id, type] of cases) {
    const data = await t.api.data(`query ($id: ID!) { node(id: $id) { __typename id } }`, { id });
    expect(data.node).toEqual({ __typename: type, id });
  }
});

test('every list query answers, with totals that match its nodes', async () => {
  const data = await t.api.data(`{
    actors(first: 100) { totalCount nodes { id } }
    meetings(first: 100) { totalCount nodes { id } }
    locations(first: 100) { totalCount nodes { id } }
    positions(first: 100) { totalCount nodes { id } }
    statements(first: 100) { totalCount nodes { id } }
    stances(first: 100) { totalCount nodes { id } }
    events(first: 100) { totalCount nodes { id } }
  }`);
  const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, (v as { totalCount: number }).totalCount]));
  // 16 actors plus 4 countries; 4 places plus the same 4 countries.
  expect(counts).toEqual({ actors: 20, meetings: 4, locations: 8, positions: 6, statements: 8, stances: 12, events: 8 });
  for (const list of Object.values(data) as { totalCount: number; nodes: unknown[] }[]) expect(list.nodes).toHaveLength(list.totalCount);
});
