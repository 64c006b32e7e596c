import { GraphQLError } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, encodeCursor, pageRequest, toConnection } from '../../src/resolvers/connection';

test('defaults and limits of first', () => {
  expect(pageRequest(undefined, undefined)).toEqual({ limit: DEFAULT_PAGE_SIZE, after: null });
  expect(pageRequest(MAX_PAGE_SIZE, null).limit).toBe(MAX_PAGE_SIZE);
  for (const bad of [-1, MAX_PAGE_SIZE + 1]) {
    expect(() => pageRequest(bad, null)).toThrow(GraphQLError);
    try {
      pageRequest(bad, null);
    } catch (e) {
      expect((e as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    }
  }
});

test('cursors round-trip and garbage is refused', () => {
  expect(pageRequest(5, encodeCursor('kushner', 'actor:jared-kushner')).after).toEqual({ key: 'kushner', id: 'actor:jared-kushner' });
  for (const garbage of ['', '%%%', encodeCursor('x', 'y').slice(3), Buffer.from('[1,2]').toString('base64url')]) {
    expect(() => pageRequest(5, garbage)).toThrow(/not a cursor this API issued/);
  }
});

test('connections carry cursors of their last node and page info', () => {
  const request = pageRequest(2, encodeCursor('a', 'x:a'));
  const connection = toConnection(
    { items: [{ node: { id: 'x:b' }, sortKey: 'b', id: 'x:b' }, { node: { id: 'x:c' }, sortKey: 'c', id: 'x:c' }], hasNextPage: true, totalCount: 9 },
    request,
  );
  expect(connection.nodes).toEqual([{ id: 'x:b' }, { id: 'x:c' }]);
  expect(connection.pageInfo).toEqual({
    hasNextPage: true,
    hasPreviousPage: true,
    startCursor: encodeCursor('b', 'x:b'),
    endCursor: encodeCursor('c', 'x:c'),
  });
  expect(connection.totalCount).toBe(9);
});
