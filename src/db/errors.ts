/**
 * Neo4j driver failures mapped to what a client should see. Connection-level and transient
 * failures (after the driver's own retries) become DATABASE_UNAVAILABLE; anything else is
 * internal and is logged, never sent with its Cypher.
 */
import { Neo4jError, error as driverErrors } from 'neo4j-driver';

/**
 * The driver's codes for a lost or unreachable server: SERVICE_UNAVAILABLE (no connection, or the
 * socket closed) and SESSION_EXPIRED (a cluster member went away).
 */
const UNAVAILABLE_CODES = new Set<string>([driverErrors.SERVICE_UNAVAILABLE, driverErrors.SESSION_EXPIRED]);

/**
 * The driver's own messages for a connection that failed or was lost, whatever code they carry.
 * The code is not enough: when the socket dies while the driver logs in (HELLO/LOGON), which is
 * what a Neo4j being killed or starting up does to new connections, the driver re-raises the
 * failure as PROTOCOL_ERROR with the same message ("Connection was closed by server", or "Failed
 * to connect to server ... read ECONNRESET"; bolt-protocol-v1.js `_onLoginError`). Those reached
 * clients as INTERNAL_SERVER_ERROR during the kill test. A PROTOCOL_ERROR with any other message
 * (bytes that make no Bolt message) stays internal: it is a bug to see in the log. Two come with
 * no code at all (`N/A`): "Connection acquisition timed out" when the port takes the TCP
 * connection but the Bolt handshake gets no answer within connectionAcquisitionTimeout
 * (connectionTimeout covers the TCP connect only), and "Pool is closed" after driver.close()
 * (the service shutting down).
 */
const CONNECTION_LOST_MESSAGES = [
  /^Failed to connect to server/,
  /^Connection was closed by server/,
  /^Failed to establish connection in/,
  /^Connection lost\. Server didn't respond in/,
  /^Connection acquisition timed out/,
  /^Pool is closed/,
];

/** Node's socket error codes: the TCP connection to the database failed or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/** The error and its `cause`s, outermost first (bounded, in case a chain loops). */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && chain.length < 8 && !chain.includes(e); e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

/**
 * True when the error says the database could not be reached or asked to be retried: a driver
 * code for a lost connection, a retryable Neo4jError (`Neo.TransientError.*`), a GQL status of
 * class 08 (connection exception), one of the driver's connection-loss messages, a socket error,
 * or one of these anywhere in its cause chain.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causeChain(error).some((e) => {
    if (e instanceof Neo4jError && (UNAVAILABLE_CODES.has(e.code) || e.retryable || e.gqlStatus?.startsWith('08'))) return true;
    if (!(e instanceof Error)) return false;
    const code = (e as NodeJS.ErrnoException).code;
    return (typeof code === 'string' && SOCKET_CODES.has(code)) || CONNECTION_LOST_MESSAGES.some((pattern) => pattern.test(e.message));
  });
}

/**
 * What Neo4j reports when it stops a transaction that ran past its timeout: `TransactionTimedOut`
 * (its own `db.transaction.timeout`) or `TransactionTimedOutClientConfiguration` (the timeout the
 * driver sent) while a statement runs, and `LockClientStopped` or `Terminated` when the
 * transaction was waiting for a lock or between statements. The last two also follow an
 * operator's `TERMINATE TRANSACTION`, which for the client is the same outcome: the query was
 * stopped and nothing it did was kept.
 */
const STOPPED_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.ClientError.Transaction.Terminated',
]);

/** True when Neo4j stopped the transaction, normally because it ran past the query timeout. */
export function isQueryTimeout(error: unknown): boolean {
  return error instanceof Neo4jError && STOPPED_CODES.has(error.code);
}

/**
 * One log-ready description of an internal error: for each error of the cause chain its class,
 * Neo4j code, GQL status and whether the driver deems it retryable, then the outermost stack.
 * What a person needs to tell which driver failure surfaced as INTERNAL_SERVER_ERROR.
 */
export function describeError(error: unknown): string {
  const parts = causeChain(error).map((e) => {
    if (!(e instanceof Error)) return `thrown ${typeof e}: ${String(e)}`;
    const fields: string[] = [];
    if (e instanceof Neo4jError) fields.push(`code=${e.code}`, `gqlStatus=${e.gqlStatus}`, `retryable=${e.retryable}`);
    else if (typeof (e as NodeJS.ErrnoException).code === 'string') fields.push(`code=${(e as NodeJS.ErrnoException).code}`);
    return `${e.name}${fields.length ? ` [${fields.join(' ')}]` : ''}: ${e.message.split('\n')[0]}`;
  });
  const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `${parts.join(' <- caused by ')}${stack}`;
}
