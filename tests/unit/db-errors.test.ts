/**
 * Which driver failures clients see as DATABASE_UNAVAILABLE. The errors are the driver's own,
 * raised against loopback sockets that behave as a dead or half-started Neo4j does (no database
 * needed): refused, closed at once, closed or reset while the driver logs in (the errors that
 * surfaced as INTERNAL_SERVER_ERROR while Neo4j was killed and restarted under load), and accepted
 * but never answered.
 */
import { type Server, type Socket, createServer } from 'node:net';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { describeError, isDatabaseUnavailable, isQueryTimeout } from '../../src/db/errors';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterAll(() => {
  sockets.forEach((s) => s.destroy());
  servers.forEach((s) => s.close());
});

/** A loopback TCP server that does `onConnection` with each socket; resolves to its port. */
async function listen(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.push(socket);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** The error a query through a fresh driver to `port` fails with. */
async function failureAt(port: number, config: Record<string, unknown> = {}): Promise<unknown> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', ''), { maxTransactionRetryTime: 0, ...config });
  try {
    await driver.executeQuery('RETURN 1');
    throw new Error('the query should have failed');
  } catch (error) {
    return error;
  } finally {
    await driver.close();
  }
}

test('a refused connection (Neo4j is dead) is DATABASE_UNAVAILABLE', async () => {
  const port = await listen(() => undefined);
  servers.pop()!.close();
  const error = await failureAt(port);
  expect(error).toMatchObject({ name: 'Neo4jError', code: 'ServiceUnavailable' });
  expect(isDatabaseUnavailable(error)).toBe(true);
});

test('a connection the server closes ("Connection was closed by server") is DATABASE_UNAVAILABLE', async () => {
  const error = await failureAt(await listen((socket) => socket.destroy()));
  expect(error).toMatchObject({ code: 'ServiceUnavailable', message: 'Connection was closed by server' });
  expect(isDatabaseUnavailable(error)).toBe(true);
});

/** A server that accepts the Bolt handshake (choosing 5.4), then drops the connection as the driver logs in. */
function dropsAtLogin(drop: (socket: Socket) => void): (socket: Socket) => void {
  return (socket) => {
    let handshaken = false;
    socket.on('data', () => {
      if (handshaken) return drop(socket);
      handshaken = true;
      socket.write(Buffer.from([0, 0, 4, 5]));
    });
  };
}

test('a connection lost while the driver logs in, re-raised by the driver as ProtocolError, is DATABASE_UNAVAILABLE', async () => {
  // The two errors that reached clients as INTERNAL_SERVER_ERROR while Neo4j was killed and restarted under load.
  const closed = await failureAt(await listen(dropsAtLogin((socket) => socket.destroy())));
  expect(closed).toMatchObject({ name: 'Neo4jError', code: 'ProtocolError', retryable: false, message: 'Connection was closed by server' });
  expect(isDatabaseUnavailable(closed)).toBe(true);
  const reset = await failureAt(await listen(dropsAtLogin((socket) => socket.resetAndDestroy())));
  expect(reset).toMatchObject({ name: 'Neo4jError', code: 'ProtocolError', retryable: false });
  expect((reset as Error).message).toMatch(/^Failed to connect to server\. [\s\S]*ECONNRESET/);
  expect(isDatabaseUnavailable(reset)).toBe(true);
});

test('a handshake that gets no answer ends in an uncoded acquisition timeout, and that is DATABASE_UNAVAILABLE too', async () => {
  // As the service configures it: connectionTimeout covers the TCP connect only, so a port that
  // accepts but never speaks Bolt (a Neo4j starting up, or frozen) fails at the acquisition timeout.
  const error = await failureAt(await listen(() => undefined), { connectionTimeout: 3_000, connectionAcquisitionTimeout: 300 });
  expect(error).toBeInstanceOf(Neo4jError);
  expect(error).toMatchObject({ code: 'N/A', retryable: false });
  expect((error as Error).message).toMatch(/^Connection acquisition timed out in 300 ms/);
  expect(isDatabaseUnavailable(error)).toBe(true);
});

test('transient server errors, socket errors and unavailability in a cause chain are DATABASE_UNAVAILABLE', () => {
  const transient = new Neo4jError('database is starting', 'Neo.TransientError.General.DatabaseUnavailable', '50N42', 'unavailable');
  expect(isDatabaseUnavailable(transient)).toBe(true);
  const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
  expect(isDatabaseUnavailable(reset)).toBe(true);
  const lost = new Neo4jError('Connection was closed by server', 'ServiceUnavailable', '50N42', 'lost');
  expect(isDatabaseUnavailable(new Error('loading the actor failed', { cause: lost }))).toBe(true);
  const connectionException = new Neo4jError('connection lost', 'N/A', '08N06', 'connection exception');
  expect(isDatabaseUnavailable(connectionException)).toBe(true);
  // As src/internal/pool/pool.js of neo4j-driver-core raises it for a request made while the driver closes.
  const poolClosed = new Neo4jError('Pool is closed, it is no more able to serve requests.', 'N/A', '50N42', 'general processing exception');
  expect(isDatabaseUnavailable(poolClosed)).toBe(true);
});

test('client mistakes, bugs and timeouts are not DATABASE_UNAVAILABLE', () => {
  const syntax = new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax error');
  expect(isDatabaseUnavailable(syntax)).toBe(false);
  expect(isDatabaseUnavailable(new Neo4jError('Wrong struct size', 'ProtocolError', '50N42', 'protocol'))).toBe(false);
  expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'r0')"))).toBe(false);
  expect(isDatabaseUnavailable(new Error('Ignored either because of an error or RESET'))).toBe(false);
  const timedOut = new Neo4jError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '25N06', 'timeout');
  expect(isDatabaseUnavailable(timedOut)).toBe(false);
  expect(isQueryTimeout(timedOut)).toBe(true);
});

test('describeError names the class, driver code, GQL status and cause of each error in the chain', () => {
  const lost = new Neo4jError('Connection was closed by server', 'ServiceUnavailable', '50N42', 'lost');
  const line = describeError(new Error('loading the actor failed', { cause: lost }));
  expect(line).toMatch(
    /^Error: loading the actor failed <- caused by Neo4jError \[code=ServiceUnavailable gqlStatus=50N42 retryable=true\]: Connection was closed by server\n/,
  );
  expect(describeError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toMatch(/^Error \[code=ECONNRESET\]: read ECONNRESET/);
});
