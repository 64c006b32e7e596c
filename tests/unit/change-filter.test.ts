/** Which changes a subscription's arguments let through (src/subscriptions/change-feed.ts). */
import type { GraphEventModel } from '../../src/repositories/graph-events';
import { matchesFilter } from '../../src/subscriptions/change-feed';

const event = (over: Partial<GraphEventModel> = {}): GraphEventModel => ({
  version: 7,
  at: '2026-12-02T00:00:00.000Z',
  kind: 'MEETING_ADDED',
  ids: ['meeting:m', 'actor:a', 'location:l'],
  nodeTypes: ['Meeting', 'Actor', 'Location'],
  actorIds: ['actor:a'],
  sourceId: 'source:s',
  truncated: false,
  ...over,
});

test.each([
  [{}, true],
  [{ actorId: 'actor:a' }, true],
  [{ actorId: 'actor:b' }, false],
  [{ nodeType: 'Meeting' }, true],
  [{ nodeType: 'Statement' }, false],
  [{ sourceId: 'source:s' }, true],
  [{ sourceId: 'source:t' }, false],
  [{ actorId: 'actor:a', nodeType: 'Statement' }, false],
  [{ actorId: 'actor:a', nodeType: 'Location', sourceId: 'source:s' }, true],
])('filter %j lets the change through: %s', (filter, expected) => {
  expect(matchesFilter(event(), filter)).toBe(expected);
});

test('a truncated change (a large load) passes actor and type filters, but not another source', () => {
  const large = event({ kind: 'SOURCE_LOADED', truncated: true, actorIds: [], nodeTypes: ['Source'] });
  expect(matchesFilter(large, { actorId: 'actor:b', nodeType: 'Statement' })).toBe(true);
  expect(matchesFilter(large, { sourceId: 'source:t' })).toBe(false);
});
