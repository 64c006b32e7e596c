import { type Claim, claimDigest, claimsOf, currentView, ENTITY_FIELDS } from '../../src/facts/claims';
import { validateFacts } from '../../src/facts/validate';

const day = (value: string) => ({ value, precision: 'DAY' as const, inferred: false });
const month = (value: string) => ({ value, precision: 'MONTH' as const, inferred: false });

function claim(source: string, published: string | null, values: Claim['values'], names: string[] = []): Claim {
  return {
    subject: 'meeting:m',
    subjectType: 'Meeting',
    source,
    published,
    values,
    names: names.map((text) => ({ text, keys: [text.toLowerCase()] })),
    evidence: [{ sourceId: source, sentence: 1, excerpt: 'x', start: source.length, end: source.length + 1 }],
  };
}

const FIELDS = ENTITY_FIELDS.Meeting;

test('the value most sources give wins, whatever the order the claims come in', () => {
  const claims = [
    claim('source:a', '2026-01-25', { startDate: day('2026-01-23') }),
    claim('source:b', '2026-02-01', { startDate: day('2026-01-22') }),
    claim('source:c', '2026-02-02', { startDate: day('2026-01-22') }),
  ];
  for (const order of [claims, [...claims].reverse(), [claims[1], claims[0], claims[2]]]) {
    const view = currentView(order, FIELDS);
    expect(view.values.startDate).toEqual(day('2026-01-22'));
    expect(view.disputed).toEqual(['startDate']);
    expect(view.sourceCount).toBe(3);
  }
});

test('a tie goes to the earliest published source; an undated source counts as published last', () => {
  const a = claim('source:z-early', '2026-01-01', { outcome: 'agreed' });
  const b = claim('source:a-late', '2026-03-01', { outcome: 'failed' });
  const undated = claim('source:0-undated', null, { outcome: 'postponed' });
  expect(currentView([b, undated, a], FIELDS).values.outcome).toBe('agreed');
  expect(currentView([b, undated], FIELDS).values.outcome).toBe('failed');
});

test('a less precise date supports a more precise one that agrees with it, and does not dispute it', () => {
  const view = currentView(
    [claim('source:a', '2026-01-01', { startDate: month('2026-01') }), claim('source:b', '2026-02-01', { startDate: day('2026-01-23') })],
    FIELDS,
  );
  expect(view.values.startDate).toEqual(day('2026-01-23'));
  expect(view.disputed).toEqual([]);
  // Two days of the same month contradict each other; the month supports both.
  const split = currentView(
    [
      claim('source:a', '2026-01-01', { startDate: month('2026-01') }),
      claim('source:b', '2026-02-01', { startDate: day('2026-01-23') }),
      claim('source:c', '2026-02-02', { startDate: day('2026-01-22') }),
    ],
    FIELDS,
  );
  expect(split.values.startDate).toEqual(day('2026-01-23'));
  expect(split.disputed).toEqual(['startDate']);
});

test('a pinned source gives the value even against the majority; fields it leaves out follow the rule', () => {
  const claims = [
    claim('source:a', '2026-01-01', { outcome: 'agreed', startDate: day('2026-01-23') }),
    claim('source:b', '2026-01-02', { outcome: 'agreed' }),
    claim('source:c', '2026-01-03', { outcome: 'failed' }),
  ];
  const view = currentView(claims, FIELDS, 'source:c');
  expect(view.values.outcome).toBe('failed');
  expect(view.values.startDate).toEqual(day('2026-01-23'));
});

test('names are never disputed: other names become aliases, in rule order', () => {
  const view = currentView(
    [
      claim('source:b', '2026-02-01', { name: 'UAE talks' }, ['UAE talks', 'Abu Dhabi talks']),
      claim('source:a', '2026-01-01', { name: 'Trilateral talks' }, ['Trilateral talks']),
    ],
    FIELDS,
  );
  expect(view.values.name).toBe('Trilateral talks');
  expect(view.aliases).toEqual(['UAE talks', 'Abu Dhabi talks']);
  expect(view.disputed).toEqual([]);
});

test('a document becomes one claim per fact, and a claim digest changes with anything the source says', () => {
  const text = 'Envoys met in Abu Dhabi. They talked.';
  const result = validateFacts({
    source: { id: 'source:x', title: 'X', publisher: 'P', text, publishedDate: day('2026-01-05') },
    entities: [
      { id: 'meeting:m', type: 'Meeting', name: 'Talks', startDate: day('2026-01-04'), evidence: [{ sentence: 1, excerpt: 'Envoys met' }] },
      { id: 'location:abu-dhabi', type: 'Location', name: 'Abu Dhabi', kind: 'CITY', evidence: [{ sentence: 1, excerpt: 'Abu Dhabi' }] },
    ],
    relationships: [{ type: 'HELD_IN', from: 'meeting:m', to: 'location:abu-dhabi', evidence: [{ sentence: 1, excerpt: 'met in Abu Dhabi' }] }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const { nodes, relationships } = claimsOf(result.value);
  expect([...nodes.keys()]).toEqual(['source:x', 'meeting:m', 'location:abu-dhabi']);
  expect(nodes.get('meeting:m')).toMatchObject({
    published: '2026-01-05',
    values: { name: 'Talks', startDate: day('2026-01-04') },
    names: [{ text: 'Talks' }],
  });
  const held = relationships.get('meeting:m|HELD_IN|location:abu-dhabi')!;
  expect(held.values).toEqual({});
  expect(held.evidence).toEqual([{ sourceId: 'source:x', sentence: 1, excerpt: 'met in Abu Dhabi', start: 7, end: 23 }]);
  const meeting = nodes.get('meeting:m')!;
  expect(claimDigest(meeting)).toBe(claimDigest({ ...meeting }));
  expect(claimDigest({ ...meeting, values: { ...meeting.values, outcome: 'x' } })).not.toBe(claimDigest(meeting));
});
