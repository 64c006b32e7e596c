/**
 * The bounds below the GraphQL layer: the work queue of expensive operations, the statement size
 * bound of `read`, and the `where` compiler's own refusal of giant filters.
 */
import { createDatabase, type Database, read, statementBytes } from '../../src/db/driver';
import { ServerBusyError, StatementTooLargeError } from '../../src/errors';
import { WorkQueue } from '../../src/limits/work-queue';
import { WHERE_MAX_DEPTH, WHERE_MAX_FIELDS, whereFilter } from '../../src/repositories/where';
import { deepNot, wideOr } from '../helpers/filters';

describe('the work queue', () => {
  const settings = { maxConcurrent: 2, maxQueued: 2, maxPerClient: 3, maxWaitMs: 60_000 };
  const flush = () => new Promise((resolve) => setImmediate(resolve));

  test('runs at most maxConcurrent, queues the next in arrival order, and admits them as places free', async () => {
    const queue = new WorkQueue(settings);
    const a = queue.enter('a');
    const b = queue.enter('b');
    const c = queue.enter('c');
    const d = queue.enter('d');
    const order: string[] = [];
    void c.admitted.then(() => order.push('c'));
    void d.admitted.then(() => order.push('d'));
    await a.admitted;
    await b.admitted;
    expect(queue.load).toEqual({ running: 2, waiting: 2 });
    a.leave();
    await flush();
    expect(order).toEqual(['c']);
    a.leave(); // twice is harmless
    expect(queue.load).toEqual({ running: 2, waiting: 1 });
    b.leave();
    c.leave();
    d.leave();
    await flush();
    expect(order).toEqual(['c', 'd']);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  test('a full queue refuses with SERVER_BUSY naming EXPENSIVE_MAX_QUEUED and a Retry-After', () => {
    const queue = new WorkQueue(settings);
    const tickets = ['a', 'b', 'c', 'd'].map((client) => queue.enter(client));
    const refusal = (() => {
      try {
        queue.enter('e');
      } catch (error) {
        return error as ServerBusyError;
      }
    })();
    expect(refusal).toBeInstanceOf(ServerBusyError);
    expect(refusal!.extensions).toMatchObject({ code: 'SERVER_BUSY', limit: 'EXPENSIVE_MAX_QUEUED', retryAfterSeconds: 60 });
    expect((refusal!.extensions.http as { status: number }).status).toBe(429);
    for (const ticket of tickets) ticket.leave(); // (no waiting timer outlives the test)
  });

  test('one client holds at most maxPerClient places, running and waiting; others still get in', () => {
    const queue = new WorkQueue({ ...settings, maxQueued: 10 });
    const tickets = [0, 1, 2].map(() => queue.enter('greedy'));
    expect(() => queue.enter('greedy')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'SERVER_BUSY', limit: 'EXPENSIVE_MAX_PER_CLIENT' }) }),
    );
    tickets.push(queue.enter('other'));
    for (const ticket of tickets) ticket.leave(); // (no waiting timer outlives the test)
  });

  test('a request that waits longer than maxWaitMs is refused and gives its place up', async () => {
    const queue = new WorkQueue({ ...settings, maxConcurrent: 1, maxWaitMs: 20 });
    const running = queue.enter('a');
    const waiting = queue.enter('b');
    await expect(waiting.admitted).rejects.toMatchObject({ extensions: { code: 'SERVER_BUSY', limit: 'EXPENSIVE_MAX_WAIT_MS' } });
    expect(queue.load).toEqual({ running: 1, waiting: 0 });
    running.leave();
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
    // Its client's share is free again.
    expect(() => queue.enter('b')).not.toThrow();
  });

  test('leaving while still waiting frees the place and tells whoever awaits admission', async () => {
    const queue = new WorkQueue({ ...settings, maxConcurrent: 1 });
    const running = queue.enter('a');
    const waiting = queue.enter('b');
    waiting.leave();
    await expect(waiting.admitted).rejects.toBeInstanceOf(ServerBusyError);
    running.leave();
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe('the statement bound', () => {
  // A driver that fails the test if anything is sent: the refusal must come first.
  const sent: string[] = [];
  const db: Database = {
    ...createDatabase({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: '' }),
    maxStatementBytes: 1_000,
  };
  db.driver.executeQuery = (async (cypher: string) => {
    sent.push(cypher);
    return { records: [] };
  }) as unknown as typeof db.driver.executeQuery;
  afterAll(() => db.driver.close());

  test('counts the Cypher and the parameters as JSON', () => {
    expect(statementBytes('RETURN $x', { x: 'ab' })).toBe(9 + '{"x":"ab"}'.length);
    expect(statementBytes('RETURN 1', { big: 1n })).toBe(8 + '{"big":"1"}'.length);
  });

  test('a statement over STATEMENT_MAX_BYTES is refused with STATEMENT_TOO_LARGE before it is sent; one under it is sent', async () => {
    await expect(read(db, 'RETURN $x', { x: 'y'.repeat(1_000) })).rejects.toBeInstanceOf(StatementTooLargeError);
    await expect(read(db, `RETURN ${'1 + '.repeat(300)}1`)).rejects.toMatchObject({
      extensions: { code: 'STATEMENT_TOO_LARGE', limit: 'STATEMENT_MAX_BYTES', max: 1_000 },
    });
    expect(sent).toEqual([]);
    await read(db, 'RETURN $x', { x: 'small' });
    expect(sent).toEqual(['RETURN $x']);
  });
});

describe('the where compiler refuses giant filters itself', () => {
  test(`deeper than ${WHERE_MAX_DEPTH}: FILTER_TOO_DEEP`, () => {
    expect(() => whereFilter('Actor', deepNot(WHERE_MAX_DEPTH - 1))).not.toThrow();
    expect(() => whereFilter('Actor', deepNot(WHERE_MAX_DEPTH))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FILTER_TOO_DEEP' }) }),
    );
    expect(() => whereFilter('Actor', deepNot(100_000))).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FILTER_TOO_DEEP' }) }));
  });

  test(`more than ${WHERE_MAX_FIELDS} fields: FILTER_TOO_LARGE`, () => {
    // The OR is one field, and each branch's name another.
    expect(() => whereFilter('Actor', wideOr(WHERE_MAX_FIELDS - 1))).not.toThrow();
    expect(() => whereFilter('Actor', wideOr(WHERE_MAX_FIELDS))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FILTER_TOO_LARGE' }) }),
    );
    expect(() => whereFilter('Actor', wideOr(10_000))).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FILTER_TOO_LARGE' }) }));
  });
});
