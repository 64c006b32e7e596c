/**
 * What every benchmark arm exposes besides its API: the Cypher statements it sent since the last
 * `POST /__reset`, at `GET /__statements`, so the benchmark can count round trips and PROFILE
 * each statement the same way for every arm.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import neo4j, { isInt } from 'neo4j-driver';

/** One statement as sent to Neo4j; in JSON, Neo4j integers are written `{"$int": "<digits>"}`. */
export interface RecordedStatement {
  cypher: string;
  params: Record<string, unknown>;
}

/** A recorder and the handler of its two endpoints; `handle` returns false for other paths. */
export function serveStatements(): {
  record: (cypher: string, params: Record<string, unknown>) => void;
  clear: () => void;
  handle: (req: IncomingMessage, res: ServerResponse) => boolean;
} {
  let statements: RecordedStatement[] = [];
  return {
    record: (cypher, params) => void statements.push({ cypher, params: encode(params) as Record<string, unknown> }),
    clear: () => void (statements = []),
    handle: (req, res) => {
      if (req.url === '/__reset' && req.method === 'POST') {
        statements = [];
        res.writeHead(204).end();
        return true;
      }
      if (req.url === '/__statements' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(statements));
        return true;
      }
      return false;
    },
  };
}

function encode(value: unknown): unknown {
  if (isInt(value)) return { $int: value.toString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

/** A recorded statement's params ready to send again (to PROFILE it), integers as Neo4j integers. */
export function decodeStatementParams(params: Record<string, unknown>): Record<string, unknown> {
  const decode = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(decode);
    if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      if (entries.length === 1 && entries[0][0] === '$int' && typeof entries[0][1] === 'string') return neo4j.int(entries[0][1]);
      return Object.fromEntries(entries.map(([k, v]) => [k, decode(v)]));
    }
    return value;
  };
  return decode(params) as Record<string, unknown>;
}
