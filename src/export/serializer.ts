/**
 * What an export format provides, and the writer that streams a graph through one to an HTTP
 * response page by page, honouring backpressure.
 */
import type { ServerResponse } from 'node:http';
import type { EvidenceModel, ExportEdgeModel, ExportGraphModel, ExportNodeModel } from '../models/models';

/**
 * An export format, as pieces of text: `begin`, `node` for each node, `between`, `edge` for each
 * edge, `end`. `first` says whether an item is the first of its kind (for separators).
 */
export interface GraphSerializer {
  contentType: string;
  extension: string;
  begin(truncated: boolean): string;
  node(node: ExportNodeModel, first: boolean): string;
  between(): string;
  edge(edge: ExportEdgeModel, first: boolean): string;
  end(): string;
}

/** Evidence as both formats write it: `source` is the source's id; offsets index `Source.text`, end exclusive. */
export function evidenceEntries(evidence: EvidenceModel[]): { source: string; sentence: number; excerpt: string; start: number; end: number }[] {
  return evidence.map((e) => ({ source: e.sourceId, sentence: e.sentence, excerpt: e.excerpt, start: e.start, end: e.end }));
}

/** Evidence as a JSON string (GraphML attributes hold text only). */
export function evidenceJson(evidence: EvidenceModel[]): string {
  return JSON.stringify(evidenceEntries(evidence));
}

/**
 * Writes `graph` to `res` in `format`. The first page of nodes is read before the status line, so
 * a database that fails at once still gets a proper error response from the caller (this throws).
 * After that a failure can only abort the response: the connection is destroyed, so a client sees
 * an incomplete transfer, never a file that merely looks complete. Each page is written as one
 * chunk, and the next page is not read until the socket has taken it ('drain'), so memory stays at
 * about one page whatever the size of the graph.
 */
export async function writeExport(res: ServerResponse, format: GraphSerializer, graph: ExportGraphModel, filename: string): Promise<void> {
  const nodes = graph.nodes[Symbol.asyncIterator]();
  const firstPage = await nodes.next();
  res.writeHead(200, {
    'content-type': format.contentType,
    'content-disposition': `attachment; filename="${filename}.${format.extension}"`,
    'x-export-truncated': String(graph.truncated),
    'cache-control': 'no-store',
  });
  try {
    let first = true;
    let chunk = format.begin(graph.truncated);
    for (let page = firstPage; !page.done; page = await nodes.next()) {
      for (const node of page.value) {
        chunk += format.node(node, first);
        first = false;
      }
      await write(res, chunk);
      chunk = '';
    }
    chunk = format.between();
    first = true;
    for await (const page of graph.edges) {
      for (const edge of page) {
        chunk += format.edge(edge, first);
        first = false;
      }
      await write(res, chunk);
      chunk = '';
    }
    res.end(chunk + format.end());
  } catch (error) {
    res.destroy();
    throw error;
  }
}

/** Writes a chunk; resolves at once if the socket buffer has room, else once it drains. */
function write(res: ServerResponse, chunk: string): Promise<void> {
  if (res.destroyed) return Promise.reject(new ClientGoneError());
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new ClientGoneError());
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

/** The client closed the connection before the export was written: nothing to report to it. */
export class ClientGoneError extends Error {}
