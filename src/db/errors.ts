/**
 * Neo4j driver failures mapped to what a client should see. Connection-level and transient
 * failures (after the driver's own retries) become DATABASE_UNAVAILABLE; anything else is
 * internal and is logged, never sent with its Cypher.
 */
import { Neo4jError } from 'neo4j-driver';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** True when the error says the database could not be reached or asked to be retried. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof Neo4jError && (UNAVAILABLE_CODES.has(error.code) || error.retryable);
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
