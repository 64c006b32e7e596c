/**
 * Mistakes a client can make that used to get a vague or no answer, each refused with a code and a
 * message that says what to change: a subscription, a document repeating one field 1,500 times,
 * an impossible date, and a cursor of another list or sort order.
 */
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();

test('a subscription is refused as OPERATION_NOT_SUPPORTED, not as an internal error', async () => {
  const response = await t.api.gql('subscription { graphChanged { version } }');
  expect(response.status).toBe(400);
  expect(response.errors).toEqual([
    { message: expect.stringContaining('WebSocket'), extensions: { code: 'OPERATION_NOT_SUPPORTED', operation: 'subscription' } },
  ]);
});

test('a query repeating one field 1,500 times gets TOO_MANY_REPEATED_FIELDS, not "Validation aborted."', async () => {
  const response = await t.api.gql(`{ ${'__typename '.repeat(1500)}}`);
  expect(response.status).toBe(400);
  expect(response.errors).toHaveLength(1);
  expect(response.errors?.[0].extensions?.code).toBe('TOO_MANY_REPEATED_FIELDS');
  expect(response.errors?.[0].message).toMatch(/repeats the same fields/);
  // The same field a few times is still fine: the fields merge.
  expect(await t.api.data('{ __typename __typename __typename }')).toEqual({ __typename: 'Query' });
});

describe('an impossible date in a filter is refused as BAD_USER_INPUT', () => {
  test.each(['2025-13-01', '2025-02-30', '2025-00', '2025-1-1'])('%s, written in the document', async (date) => {
    const response = await t.api.gql(`{ timeline(from: "${date}") { totalCount } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('must be a real date as YYYY, YYYY-MM or YYYY-MM-DD');
  });

  test('2025-13-01, as a variable of a nested filter', async () => {
    const response = await t.api.gql('query ($w: MeetingWhere) { meetings(where: $w) { totalCount } }', { w: { startDate: { from: '2025-13-01' } } });
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('must be a real date');
  });

  test('a real day, month or year is still accepted', async () => {
    const data = await t.api.data(
      '{ a: timeline(from: "2024-02-29") { totalCount } b: timeline(from: "2025-12") { totalCount } c: timeline(to: "2026") { totalCount } }',
    );
    expect(data.a.totalCount).toEqual(expect.any(Number));
  });
});

describe('a cursor is accepted only by the list and sort order it came from', () => {
  const ACTORS = 'query ($orderBy: ActorOrder, $after: String) { actors(first: 2, orderBy: $orderBy, after: $after) { nodes { id } pageInfo { endCursor } } }';

  test('the same list and order takes it', async () => {
    const first = await t.api.data(ACTORS, { orderBy: { field: 'DEGREE', direction: 'DESC' } });
    const next = await t.api.gql(ACTORS, { orderBy: { field: 'DEGREE', direction: 'DESC' }, after: first.actors.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    expect(next.data.actors.nodes).toHaveLength(2);
  });

  test('another sort order of the same list refuses it', async () => {
    const byName = await t.api.data(ACTORS, { orderBy: { field: 'NAME' } });
    const response = await t.api.gql(ACTORS, { orderBy: { field: 'DEGREE', direction: 'DESC' }, after: byName.actors.pageInfo.endCursor });
    expect(response.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(response.errors?.[0].message).toMatch(/cursor of another list or another sort order/);
  });

  test('another list refuses it', async () => {
    const actors = await t.api.data(ACTORS, {});
    for (const query of [
      'query ($after: String) { meetings(first: 2, after: $after) { totalCount } }',
      'query ($after: String) { timeline(first: 2, after: $after) { totalCount } }',
    ]) {
      const response = await t.api.gql(query, { after: actors.actors.pageInfo.endCursor });
      expect(response.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
    }
  });
});
