/**
 * Lists of one type, at the root (`actors`) or linked to a node (`Actor.meetingsConnection`), with
 * the type's `where` filter and `orderBy`. Plain list fields use the same reads: the default
 * order, no count, one capped page.
 */
import type { Filter, GraphReader, Label, LinkRow, ListPage, NodeRow, PageRequest } from './graph-reader';
import { type ListType, type ListTypes, type Order, sortSpec, whereFilter } from './where';

/** What a list read needs: filter, order, page, and whether to count all matches. */
export interface ListArgs<T extends ListType> {
  where?: ListTypes[T][0] | null;
  orderBy?: Order<ListTypes[T][1]> | null;
  page: PageRequest;
  count: boolean;
}

/** One page of the nodes of a type. */
export function listNodes<T extends ListType, M>(graph: GraphReader, name: string, type: T, args: ListArgs<T>, map: (row: NodeRow) => M): Promise<ListPage<M>> {
  const filter = whereFilter(type, args.where);
  return graph.list(name, { label: type as Label, ...filter, order: sortSpec(type, args.orderBy), ...args.page, count: args.count }, map);
}

/**
 * One page of the nodes of type `type` linked to `id` through `pattern` (from `(a)` to `(n)` via
 * `r`), filtered by the type's `where` and by `extra` (predicates on `r`, such as dates).
 */
export async function listLinks<T extends ListType, M>(
  graph: GraphReader,
  name: string,
  pattern: string,
  type: T,
  id: string,
  args: ListArgs<T>,
  map: (row: LinkRow) => M,
  extra: Filter = { predicates: [], params: {} },
): Promise<ListPage<M>> {
  const filter = whereFilter(type, args.where);
  const page = await graph.linkPage(
    {
      name,
      pattern,
      predicates: [...filter.predicates, ...extra.predicates],
      params: { ...filter.params, ...extra.params },
      order: sortSpec(type, args.orderBy),
      ...args.page,
      count: args.count,
    },
    id,
  );
  return { ...page, items: page.items.map((item) => ({ ...item, node: map(item.node) })) };
}
