/**
 * Neo4j driver failures mapped to what a client should see. Connection-level and transient
 * failures (after the driver's own retries) become DATABASE_UNAVAILABLE; anything else is
 * internal and is logged, never sent with its Cypher.
 */
import { Neo4jError, error as driverErrors } from 'neo4j-driver';

/**
 * The driver's codes for a lost or unreachable server: SERVICE_UNAVAILABLE (no connection, or the
 * socket closed: "Connection was closed by server", "Failed to establish connection") and
 * SESSION_EXPIRED (a cluster member went away). PROTOCOL_ERROR is left out on purpose: the driver
 * raises it for bytes that make no Bolt message, which is a bug to see in the log, while a socket
 * that dies mid-message ends as "Connection was closed by server".
 */
const UNAVAILABLE_CODES = new Set<string>([driverErrors.SERVICE_UNAVAILABLE, driverErrors.SESSION_EXPIRED]);

/**
 * Errors the driver raises with no code (`N/A`, not retryable) when it has no usable connection.
 * "Connection acquisition timed out" is the one a Neo4j that was killed or is starting up causes:
 * its port takes the TCP connection, but the Bolt handshake gets no answer before
 * connectionAcquisitionTimeout (connectionTimeout covers the TCP connect only). Under load during
 * a restart it surfaced as INTERNAL_SERVER_ERROR. "Pool is closed" follows driver.close() (the
 * service is shutting down). Matched on the message, as the driver gives nothing else.
 */
const UNAVAILABLE_MESSAGES = [/^Connection acquisition timed out/, /^Pool is closed/];

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
 * class 08 (connection exception), a socket error, or one of these anywhere in its cause chain.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causeChain(error).some((e) => {
    if (e instanceof Neo4jError) {
      if (UNAVAILABLE_CODES.has(e.code) || e.retryable || e.gqlStatus?.startsWith('08')) return true;
      if (e.code !== 'N/A') return false;
    }
    if (!(e instanceof Error)) return false;
    const code = (e as NodeJS.ErrnoException).code;
    return (typeof code === 'string' && SOCKET_CODES.has(code)) || UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message));
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
