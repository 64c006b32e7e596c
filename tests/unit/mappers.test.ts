import { toActor, toEvidence, toFuzzyDate, toNode } from '../../src/models/mappers';

test("the claims' evidence lists become evidence models, claim by claim", () => {
  expect(
    toEvidence([
      {
        source: 'source:a',
        body: JSON.stringify({
          values: {},
          names: [],
          evidence: [
            [1, 'x', 0, 1],
            [3, 'z', 20, 21],
          ],
        }),
      },
      { source: 'source:b', body: JSON.stringify({ values: {}, names: [], evidence: [[4, 'y', 10, 11]] }) },
    ]),
  ).toEqual([
    { sourceId: 'source:a', sentence: 1, excerpt: 'x', start: 0, end: 1 },
    { sourceId: 'source:a', sentence: 3, excerpt: 'z', start: 20, end: 21 },
    { sourceId: 'source:b', sentence: 4, excerpt: 'y', start: 10, end: 11 },
  ]);
  expect(toEvidence([])).toEqual([]);
});

test('flattened dates come back whole, and absent dates are null', () => {
  expect(
    toFuzzyDate({ startDate: '2026-01-23', startDatePrecision: 'DAY', startDateInferred: true, startDateExpression: 'this weekend' }, 'startDate'),
  ).toEqual({
    value: '2026-01-23',
    precision: 'DAY',
    inferred: true,
    expression: 'this weekend',
  });
  expect(toFuzzyDate({}, 'startDate')).toBeNull();
});

test('a country node maps to an actor that is also a location', () => {
  const props = { id: 'country:russia', name: 'Russia', kind: 'COUNTRY', aliases: ['Moscow'] };
  expect(toActor(props, ['Node', 'Actor', 'Location'])).toMatchObject({ nodeType: 'Actor', isLocation: true, aliases: ['Moscow'] });
  expect(toNode(props, ['Node', 'Actor', 'Location'])?.nodeType).toBe('Actor');
  expect(toNode({ id: 'location:moscow', name: 'Moscow', kind: 'CITY' }, ['Node', 'Location'])).toMatchObject({ nodeType: 'Location', isActor: false });
  expect(toNode({ id: 'x:y' }, ['Node'])).toBeNull();
});
