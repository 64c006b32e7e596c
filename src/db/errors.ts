/**
 * Neo4j driver failures mapped to what a client should see. Connection-level failures become
 * DATABASE_UNAVAILABLE; anything else is internal and is logged, never sent with its Cypher.
 */
import { Neo4jError, isRetriableError } from 'neo4j-driver';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** True when the error says the database could not be reached (as opposed to a bad statement). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Neo4jError)) return false;
  return UNAVAILABLE_CODES.has(error.code) || isRetriableError(error) || /connect|connection/i.test(error.message);
}
