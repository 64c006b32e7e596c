import { dateRangeArguments, intArgument } from '../../src/resolvers/arguments';

const RANGE = { min: 1, max: 6 };

test('intArgument takes the fallback for a missing value and refuses values out of range, naming the argument', () => {
  expect(intArgument('maxHops', undefined, 4, RANGE)).toBe(4);
  expect(intArgument('maxHops', null, 4, RANGE)).toBe(4);
  expect(intArgument('maxHops', 6, 4, RANGE)).toBe(6);
  for (const bad of [0, 7, -1, 2.5]) {
    expect(() => intArgument('maxHops', bad, 4, RANGE)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'maxHops' } }));
  }
});

test('dateRangeArguments refuses a range with no day in it, and compares partial dates by their periods', () => {
  expect(dateRangeArguments('2026-01', '2026')).toEqual({ from: '2026-01', to: '2026' });
  expect(dateRangeArguments('2026-01-31', '2026-01')).toEqual({ from: '2026-01-31', to: '2026-01' });
  expect(dateRangeArguments(undefined, '2026')).toEqual({ from: null, to: '2026' });
  expect(() => dateRangeArguments('2026-02', '2026-01-31')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'from' } }));
  expect(() => dateRangeArguments('2027', '2026')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'from' } }));
});
