import { type Candidate, type MeetingCandidate, resolveEntities } from '../../src/facts/resolve';
import { validateFacts, type ValidDocument } from '../../src/facts/validate';
import { labelsOf } from '../../src/repositories/storage';

const TEXT = 'Zelenskyy met Putin in Moscow on Monday. The talks ended.';
const cite = (excerpt: string) => [{ sentence: 1, excerpt }];

function doc(sourceId: string, entities: Record<string, unknown>[], relationships: Record<string, unknown>[] = []): ValidDocument {
  const result = validateFacts({
    source: { id: sourceId, title: 'T', publisher: 'P', text: TEXT },
    entities: entities.map((e) => ({ evidence: cite('Zelenskyy'), ...e })),
    relationships: relationships.map((r) => ({ evidence: cite('met'), ...r })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const person = (id: string, name: string) => ({ id, type: 'Actor', kind: 'PERSON', name });
const node = (id: string, name: string, keys: string[], labels = 'Actor'): Candidate => ({ id, labels, name, keys });
const day = (value: string) => ({ value, precision: 'DAY', inferred: false });

const TWO_ZELENSKYS = {
  byId: new Map<string, Candidate>(),
  byKey: [
    node('actor:volodymyr-zelensky', 'Volodymyr Zelensky', ['volodymyr zelensky', '~zelensky']),
    node('actor:oleksandr-zelensky', 'Oleksandr Zelensky', ['oleksandr zelensky', '~zelensky']),
    node('actor:vladimir-putin', 'Vladimir Putin', ['vladimir putin', '~putin']),
    node('location:moscow', 'Moscow', ['moscow'], 'Location'),
  ],
};

test('with review, an entity matching two nodes is held with the relationships touching it; the rest of its document resolves', () => {
  const draft = doc(
    'source:a',
    [
      person('actor:zelenskyy', 'Zelenskyy'),
      person('actor:putin', 'Putin'),
      { id: 'meeting:talks', type: 'Meeting', name: 'Talks' },
      { id: 'location:moscow-city', type: 'Location', kind: 'CITY', name: 'Moscow' },
    ],
    [
      { type: 'PARTICIPATED_IN', from: 'actor:zelenskyy', to: 'meeting:talks' },
      { type: 'PARTICIPATED_IN', from: 'actor:putin', to: 'meeting:talks' },
      { type: 'HELD_IN', from: 'meeting:talks', to: 'location:moscow-city' },
    ],
  );
  const without = resolveEntities([draft], ['doc1'], TWO_ZELENSKYS, labelsOf);
  expect(without.problems[0]).toEqual([{ path: 'doc1: entities[0] (actor:zelenskyy)', message: expect.stringMatching(/"Zelenskyy" matches 2 nodes/) }]);

  const withReview = resolveEntities([draft], ['doc1'], TWO_ZELENSKYS, labelsOf, { review: true });
  expect(withReview.problems).toEqual([[]]);
  const [held] = withReview.held[0];
  expect(held.entity.id).toBe('actor:zelenskyy');
  expect(held.candidates.map((c) => c.id)).toEqual(['actor:volodymyr-zelensky', 'actor:oleksandr-zelensky']);
  // The relationship waits with it, its other end already resolved.
  expect(held.relationships).toEqual([expect.objectContaining({ type: 'PARTICIPATED_IN', from: 'actor:zelenskyy', to: 'meeting:talks' })]);
  const loaded = withReview.documents[0];
  expect(loaded.doc.entities.map((e) => e.id)).toEqual(['actor:vladimir-putin', 'meeting:talks', 'location:moscow']);
  expect(loaded.doc.relationships.map((r) => `${r.from}->${r.to}`)).toEqual(['actor:vladimir-putin->meeting:talks', 'meeting:talks->location:moscow']);
  // Evidence moved with its records: what was relationships[2] is now relationships[1].
  expect(loaded.evidence.get('relationships[1]')).toEqual(draft.evidence.get('relationships[2]'));
  expect(loaded.evidence.has('relationships[2]')).toBe(false);
  expect(loaded.evidence.get('entities[0]')).toEqual(draft.evidence.get('entities[1]'));
});

const MEETINGS: MeetingCandidate[] = [
  { id: 'meeting:first-round', name: 'Abu Dhabi talks', date: '2026-01-23', place: 'location:abu-dhabi', participants: ['actor:a', 'actor:b', 'actor:c'] },
  { id: 'meeting:second-round', name: 'Abu Dhabi talks', date: '2026-02-01', place: 'location:abu-dhabi', participants: ['actor:a', 'actor:b', 'actor:c'] },
];
const MEETING_GRAPH = {
  byId: new Map<string, Candidate>([
    ['actor:a', node('actor:a', 'A', [])],
    ['actor:b', node('actor:b', 'B', [])],
    ['location:abu-dhabi', node('location:abu-dhabi', 'Abu Dhabi', [], 'Location')],
    ['location:geneva', node('location:geneva', 'Geneva', [], 'Location')],
  ]),
  byKey: [],
  meetings: MEETINGS,
};

function meetingDoc(date: string, place: string, participants: string[], extra: Record<string, unknown> = {}) {
  const ids = [...participants, place];
  return doc(
    'source:m',
    [
      { id: 'meeting:talks-in-abu-dhabi', type: 'Meeting', name: 'Trilateral talks', startDate: day(date), ...extra },
      ...ids.map((id) => (id.startsWith('location:') ? { id, type: 'Location', kind: 'CITY', name: id } : person(id, id))),
    ],
    [
      ...participants.map((p) => ({ type: 'PARTICIPATED_IN', from: p, to: 'meeting:talks-in-abu-dhabi' })),
      { type: 'HELD_IN', from: 'meeting:talks-in-abu-dhabi', to: place },
    ],
  );
}

test('a meeting lands on the meeting of the same day, place and participants, whatever its name and id', () => {
  const result = resolveEntities([meetingDoc('2026-02-01', 'location:abu-dhabi', ['actor:a', 'actor:b'])], ['doc1'], MEETING_GRAPH, labelsOf);
  expect(result.problems).toEqual([[]]);
  expect(result.merges).toContainEqual({ document: 'doc1', entity: 'meeting:talks-in-abu-dhabi', node: 'meeting:second-round', how: 'meeting' });
  expect(result.documents[0].doc.relationships.filter((r) => r.type === 'PARTICIPATED_IN').map((r) => r.to)).toEqual([
    'meeting:second-round',
    'meeting:second-round',
  ]);
});

test.each([
  ['another day', meetingDoc('2026-02-02', 'location:abu-dhabi', ['actor:a', 'actor:b'])],
  ['another place', meetingDoc('2026-02-01', 'location:geneva', ['actor:a', 'actor:b'])],
  ['one shared participant of two named', meetingDoc('2026-02-01', 'location:abu-dhabi', ['actor:a', 'actor:z'])],
  ['sameAs null', meetingDoc('2026-02-01', 'location:abu-dhabi', ['actor:a', 'actor:b'], { sameAs: null })],
])('a meeting on %s stays a meeting of its own', (_, draft) => {
  const result = resolveEntities([draft], ['doc1'], MEETING_GRAPH, labelsOf);
  expect(result.problems).toEqual([[]]);
  expect(result.merges.filter((m) => m.how === 'meeting')).toEqual([]);
  expect(result.documents[0].doc.entities[0].id).toBe('meeting:talks-in-abu-dhabi');
});

test('a later document of the load finds a meeting of an earlier one by day, place and participants', () => {
  const first = meetingDoc('2026-03-05', 'location:abu-dhabi', ['actor:a', 'actor:b']);
  const second = doc(
    'source:n',
    [{ id: 'meeting:uae-round', type: 'Meeting', name: 'UAE round', startDate: day('2026-03-05') }, person('actor:a', 'A'), person('actor:b', 'B')],
    [
      { type: 'PARTICIPATED_IN', from: 'actor:a', to: 'meeting:uae-round' },
      { type: 'PARTICIPATED_IN', from: 'actor:b', to: 'meeting:uae-round' },
    ],
  );
  const result = resolveEntities([first, second], ['doc1', 'doc2'], MEETING_GRAPH, labelsOf);
  expect(result.problems).toEqual([[], []]);
  expect(result.merges).toContainEqual({ document: 'doc2', entity: 'meeting:uae-round', node: 'meeting:talks-in-abu-dhabi', how: 'meeting' });
});

test('two meetings matching on day and participants are held for review, not guessed', () => {
  const graph = { ...MEETING_GRAPH, meetings: [...MEETINGS, { ...MEETINGS[1], id: 'meeting:second-round-bis', place: null }] };
  const draft = meetingDoc('2026-02-01', 'location:abu-dhabi', ['actor:a', 'actor:b']);
  expect(resolveEntities([draft], ['doc1'], graph, labelsOf).problems[0]).toEqual([
    { path: 'doc1: entities[0] (meeting:talks-in-abu-dhabi)', message: expect.stringMatching(/matches 2 meetings/) },
  ]);
  const result = resolveEntities([draft], ['doc1'], graph, labelsOf, { review: true });
  expect(result.held[0].map((h) => h.candidates.map((c) => c.id))).toEqual([['meeting:second-round', 'meeting:second-round-bis']]);
  expect(result.held[0][0].relationships).toHaveLength(3);
  expect(result.documents[0].doc.relationships).toEqual([]);
});

test('a bare name meets the name with its kind word (party, province), never a person or another kind of thing', () => {
  const labour = doc('source:l', [{ id: 'actor:labour-party', type: 'Actor', kind: 'ORGANIZATION', name: 'Labour Party' }]);
  const bare = doc('source:b', [
    { id: 'actor:labour', type: 'Actor', kind: 'ORGANIZATION', name: 'Labour' },
    { id: 'location:idlib', type: 'Location', kind: 'REGION', name: 'Idlib' },
  ]);
  const province = doc('source:p', [{ id: 'location:idlib-province', type: 'Location', kind: 'REGION', name: 'Idlib province' }]);
  const result = resolveEntities([labour, province, bare], ['l', 'p', 'b'], { byId: new Map(), byKey: [] }, labelsOf);
  expect(result.problems).toEqual([[], [], []]);
  expect(result.documents[2].doc.entities.map((e) => e.id)).toEqual(['actor:labour-party', 'location:idlib-province']);
  const someone = doc('source:x', [person('actor:labour', 'Labour')]);
  expect(resolveEntities([labour, someone], ['l', 'x'], { byId: new Map(), byKey: [] }, labelsOf).documents[1].doc.entities[0].id).toBe('actor:labour');
});
