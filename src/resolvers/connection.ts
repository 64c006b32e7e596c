/**
 * Relay connections: argument checks, opaque cursors and the connection shape. A cursor holds the
 * sort key and id of the last node seen, not an offset, so pages stay right while facts are added.
 */
import { BadUserInputError } from '../errors';
import type { ListPage } from '../repositories/graph-reader';
import type { PageRequest } from '../repositories/list-filters';

/** Page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest `first` a client may ask for. */
export const MAX_PAGE_SIZE = 100;

/** Checks `first` and decodes `after`; throws BAD_USER_INPUT on a bad value. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}; got ${first}.`, 'first');
  }
  return { limit, after: after == null ? null : decodeCursor(after) };
}

/** Encodes a position in a sorted list as an opaque cursor. */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError('after is not a cursor this API issued; use pageInfo.endCursor of a previous page.', 'after');
}

/** A connection in the GraphQL shape, built from one page of a list. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** Adds cursors and page info to one page of a list. */
export function toConnection<T extends { id: string }>(page: ListPage<T>, request: PageRequest): Connection<T> {
  const edges = page.items.map(({ node, sortKey }) => ({ cursor: encodeCursor(sortKey, node.id), node }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: request.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: page.totalCount,
  };
}

/**
 * Runs one of the repositories' list methods for Relay arguments: checks `first` and `after`,
 * fetches the page and returns the connection.
 */
export async function paginate<F, T extends { id: string }>(
  list: (filter: F, page: PageRequest) => Promise<ListPage<T>>,
  args: { where?: F | null; first?: number | null; after?: string | null },
): Promise<Connection<T>> {
  const request = pageRequest(args.first, args.after);
  return toConnection(await list(args.where ?? ({} as F), request), request);
}
