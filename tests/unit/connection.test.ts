import { GraphQLError } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../src/paging';
import { encodeCursor, pageRequest, toConnection } from '../../src/resolvers/connection';

const LIST = 'Query.actors';

test('defaults and limits of first', () => {
  expect(pageRequest(undefined, undefined, LIST)).toEqual({ limit: DEFAULT_PAGE_SIZE, after: null });
  expect(pageRequest(MAX_PAGE_SIZE, null, LIST).limit).toBe(MAX_PAGE_SIZE);
  for (const bad of [-1, MAX_PAGE_SIZE + 1]) {
    expect(() => pageRequest(bad, null, LIST)).toThrow(GraphQLError);
    try {
      pageRequest(bad, null, LIST);
    } catch (e) {
      expect((e as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    }
  }
});

test('cursors round-trip and garbage is refused', () => {
  expect(pageRequest(5, encodeCursor('kushner', 'actor:jared-kushner', LIST), LIST).after).toEqual({ key: 'kushner', id: 'actor:jared-kushner' });
  const unscoped = Buffer.from(JSON.stringify(['kushner', 'actor:jared-kushner'])).toString('base64url');
  for (const garbage of ['', '%%%', encodeCursor('x', 'y', LIST).slice(3), Buffer.from('[1,2]').toString('base64url'), unscoped]) {
    expect(() => pageRequest(5, garbage, LIST)).toThrow(/not a cursor this API issued/);
  }
});

test('a cursor of another list or sort order is refused, naming the argument', () => {
  const cursor = encodeCursor('kushner', 'actor:jared-kushner', LIST);
  for (const other of ['Query.meetings', 'Query.actors {"field":"NAME","direction":"DESC"}']) {
    expect(() => pageRequest(5, cursor, other)).toThrow(/cursor of another list or another sort order/);
  }
});

test('connections carry cursors of their last node and page info', () => {
  const request = pageRequest(2, encodeCursor('a', 'x:a', LIST), LIST);
  const connection = toConnection(
    {
      items: [
        { node: { id: 'x:b' }, sortKey: 'b', id: 'x:b' },
        { node: { id: 'x:c' }, sortKey: 'c', id: 'x:c' },
      ],
      hasNextPage: true,
      totalCount: 9,
    },
    request,
    LIST,
  );
  expect(connection.nodes).toEqual([{ id: 'x:b' }, { id: 'x:c' }]);
  expect(connection.pageInfo).toEqual({
    hasNextPage: true,
    hasPreviousPage: true,
    startCursor: encodeCursor('b', 'x:b', LIST),
    endCursor: encodeCursor('c', 'x:c', LIST),
  });
  expect(connection.totalCount).toBe(9);
});
