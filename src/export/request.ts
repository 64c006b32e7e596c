/** The query string of `GET /export`, checked. */
import { NEIGHBOURHOOD_LIMITS } from '../repositories/graph-explorer-repository';
import { cytoscape } from './cytoscape';
import { graphml } from './graphml';
import type { GraphSerializer } from './serializer';

/** The export formats, by the name `format=` takes. */
export const EXPORT_FORMATS: Record<string, GraphSerializer> = { graphml, cytoscape };

/** A checked export request: the whole graph when `focus` is null, else its neighbourhood to `depth`. */
export interface ExportRequest {
  format: GraphSerializer;
  focus: string | null;
  depth: number;
  /** The download's file name, without extension. */
  filename: string;
}

/** Checks `format`, `focus` and `depth`; returns the request, or a message for a 400. */
export function parseExportRequest(params: URLSearchParams): ExportRequest | { error: string } {
  const name = params.get('format');
  const format = name !== null && Object.hasOwn(EXPORT_FORMATS, name) ? EXPORT_FORMATS[name] : null;
  if (!format) return { error: `format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}${name === null ? '' : `, not "${name}"`}.` };
  const focus = params.get('focus');
  if (focus === '') return { error: 'focus must be a node id.' };
  const rawDepth = params.get('depth');
  if (rawDepth !== null && focus === null) return { error: 'depth applies only with focus.' };
  const { min, max } = NEIGHBOURHOOD_LIMITS.depth;
  const depth = rawDepth === null ? 1 : /^\d{1,2}$/.test(rawDepth) ? Number(rawDepth) : NaN;
  if (!(depth >= min && depth <= max)) return { error: `depth must be an integer from ${min} to ${max}.` };
  const filename = focus === null ? 'graph' : `neighbourhood-${focus.replace(/[^A-Za-z0-9_-]+/g, '_')}-depth${depth}`;
  return { format, focus, depth, filename };
}
