/**
 * Relay connections: argument checks, opaque cursors and the connection shape. A cursor holds the
 * sort key and id of the last node seen, not an offset, so pages stay right while facts are added,
 * and a tag of the list and sort order it came from, since a sort key means nothing in another.
 */
import { createHash } from 'node:crypto';
import { type GraphQLResolveInfo, Kind } from 'graphql';
import { BadUserInputError } from '../errors';
import { type DateRange, type InForce, isOrderedRange } from '../repositories/date-range';
import type { ListPage, PageRequest } from '../repositories/graph-reader';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../paging';

/**
 * Names the list a connection field reads and its sort order (`Query.actors {"field":"NAME"}`),
 * for `pageRequest` and `toConnection`: a cursor is accepted only by the list it came from.
 */
export function listOf(info: GraphQLResolveInfo, orderBy?: unknown): string {
  return listName(info.parentType.name, info.fieldName, orderBy);
}

/** The list name of field `field` of type `type` in this order (see listOf). */
export function listName(type: string, field: string, orderBy?: unknown): string {
  return `${type}.${field}${orderBy == null ? '' : ` ${JSON.stringify(orderBy)}`}`;
}

/**
 * Checks `first` and decodes `after`, a cursor of `list` (see listOf); throws BAD_USER_INPUT on a
 * bad value, or on a cursor of another list or sort order.
 */
export function pageRequest(first: number | null | undefined, after: string | null | undefined, list: string): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}; got ${first}.`, 'first');
  }
  return { limit, after: after == null ? null : decodeCursor(after, list) };
}

/** Encodes a position in `list`, sorted as it is, as an opaque cursor. */
export function encodeCursor(key: string, id: string, list: string): string {
  return Buffer.from(JSON.stringify([key, id, listTag(list)]), 'utf8').toString('base64url');
}

/** A short digest of the list and its order: enough to tell lists apart, and it names no field. */
function listTag(list: string): string {
  return createHash('sha256').update(list).digest('base64url').slice(0, 8);
}

function decodeCursor(cursor: string, list: string): { key: string; id: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // refused below
  }
  if (Array.isArray(value) && value.length === 3 && value.every((part) => typeof part === 'string')) {
    if (value[2] !== listTag(list)) {
      throw new BadUserInputError(
        'after is a cursor of another list or another sort order; use pageInfo.endCursor of a previous page of this same field, with the same orderBy.',
        'after',
      );
    }
    return { key: value[0], id: value[1] };
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

/** Adds cursors (of `list`, see listOf) and page info to one page of a list. */
export function toConnection<T>(page: ListPage<T>, request: PageRequest, list: string): Connection<T> {
  const edges = page.items.map(({ node, sortKey, id }) => ({ cursor: encodeCursor(sortKey, id, list), node }));
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

/** Whether the field's selection may include the field `name` (a fragment counts as yes). */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((field) => field.selectionSet?.selections.some((s) => s.kind !== Kind.FIELD || s.name.value === name) ?? false);
}

/** Checks the `asOf`/`during` pair of a field on offices or relations. */
export function inForce(asOf: string | null | undefined, during: DateRange | null | undefined): InForce {
  if (asOf != null && during != null) throw new BadUserInputError('Give asOf or during, not both.', 'asOf');
  if (during != null && !isOrderedRange(during)) throw new BadUserInputError('during.from is after during.to.', 'during');
  return { asOf, during };
}

/** Rejects date ranges anywhere in a `where` whose `from` is after their `to`. */
export function checkRanges(value: unknown, path: string): void {
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (typeof record.from === 'string' && typeof record.to === 'string' && !isOrderedRange(record as DateRange)) {
    throw new BadUserInputError(`${path}.from is after ${path}.to.`, path.split('.')[0]);
  }
  for (const [key, inner] of Object.entries(record)) checkRanges(inner, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
}
