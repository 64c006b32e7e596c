/**
 * Conversion of driver values into plain data: Neo4j Integers become numbers (only within the
 * safe integer range; beyond it we fail loudly rather than round), nodes and relationships are
 * not expected here because every statement returns maps.
 */
import neo4j from 'neo4j-driver';

/** Recursively converts driver values (Integer, lists, maps) into plain JavaScript values. */
export function fromNeo4j(value: unknown): unknown {
  if (neo4j.isInt(value)) {
    if (!neo4j.integer.inSafeRange(value)) throw new RangeError(`Neo4j integer ${value.toString()} is outside the safe range`);
    return value.toNumber();
  }
  if (Array.isArray(value)) return value.map(fromNeo4j);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromNeo4j(v)]));
  }
  return value;
}
