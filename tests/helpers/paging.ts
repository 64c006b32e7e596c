/** Paging through a connection the way a client does: `first` items at a time, following `endCursor`. */
import type { TestServer } from './test-server';

interface Page {
  edges: { cursor: string; node: unknown }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * Follows a connection to its end. `query` takes `$first` and `$after`; `pick` finds the
 * connection in the response data. Returns every node in order and the totalCount of each page.
 */
export async function pageThrough<T>(api: TestServer, query: string, pick: (data: any) => Page, first: number, variables: Record<string, unknown> = {}) {
  const nodes: T[] = [];
  const totalCounts: number[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const page = pick(await api.data(query, { ...variables, first, after }));
    totalCounts.push(page.totalCount);
    nodes.push(...(page.edges.map((e) => e.node) as T[]));
    expect(page.edges.length).toBeLessThanOrEqual(first);
    if (!page.pageInfo.hasNextPage) return { nodes, totalCounts, pages };
    after = page.pageInfo.endCursor;
    if (pages > 10_000) throw new Error('paging did not end');
  }
}
