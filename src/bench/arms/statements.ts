/**
 * What every benchmark arm exposes besides its API: the Cypher statements it sent since the last
 * `POST /__reset`, at `GET /__statements`, so the benchmark can count round trips and PROFILE
 * each statement the same way for every arm.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One statement as sent to Neo4j. */
export interface RecordedStatement {
  cypher: string;
  params: Record<string, unknown>;
}

/** A recorder and the handler of its two endpoints; `handle` returns false for other paths. */
export function serveStatements(): { record: (cypher: string, params: Record<string, unknown>) => void; handle: (req: IncomingMessage, res: ServerResponse) => boolean } {
  let statements: RecordedStatement[] = [];
  return {
    record: (cypher, params) => void statements.push({ cypher, params }),
    handle: (req, res) => {
      if (req.url === '/__reset' && req.method === 'POST') {
        statements = [];
        res.writeHead(204).end();
        return true;
      }
      if (req.url === '/__statements' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(statements, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
        return true;
      }
      return false;
    },
  };
}
