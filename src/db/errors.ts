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
