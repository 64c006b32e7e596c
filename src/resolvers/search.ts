/** Resolvers of the search query and its hits. */
import { BadUserInputError } from '../errors';
import type { QuerySearchArgs, Resolvers } from '../generated/resolvers-types';
import type { PageRequest } from '../repositories/graph-reader';
import type { SearchPage, SearchQuery } from '../repositories/search-repository';
import { highlights } from '../search/highlight';
import { searchTerms } from '../search/terms';
import { pageRequest, selects, toConnection } from './connection';

/** The longest search text accepted, in characters. */
export const MAX_SEARCH_TEXT = 200;

/** The list `search` cursors belong to (see listOf): there is one search field, and it has one order. */
const SEARCH_LIST = 'Query.search';

/** Checks the arguments of `search`; throws BAD_USER_INPUT naming the bad one. */
export function searchRequest(args: QuerySearchArgs, count = true): { query: SearchQuery; page: SearchPage; request: PageRequest } {
  if (args.text.trim() === '') throw new BadUserInputError('text must contain something to search for.', 'text');
  if (args.text.length > MAX_SEARCH_TEXT) {
    throw new BadUserInputError(`text must be at most ${MAX_SEARCH_TEXT} characters; got ${args.text.length}.`, 'text');
  }
  const request = pageRequest(args.first, args.after, SEARCH_LIST);
  const { limit, after } = request;
  // Search cursors hold a score; a cursor of another list holds a name or date there.
  const score = after && /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(after.key) ? Number(after.key) : null;
  if (after && score === null) {
    throw new BadUserInputError('after is not a cursor this API issued; use pageInfo.endCursor of a previous page.', 'after');
  }
  return {
    query: { terms: searchTerms(args.text), types: args.types ?? null },
    page: { limit, after: after && score !== null ? { score, id: after.id } : null, count },
    request,
  };
}

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_, args, ctx, info) => {
      // Counting every hit is a second pass over the index: only when totalCount is asked for.
      const { query, page, request } = searchRequest(args, selects(info, 'totalCount'));
      // Text of punctuation only has no words, and an empty Lucene query is a syntax error.
      const result = query.terms.length > 0 ? await ctx.search.search(query, page) : { items: [], hasNextPage: false, totalCount: 0 };
      return toConnection(result, request, SEARCH_LIST);
    },
  },
  SearchHit: {
    highlights: (hit) => highlights(hit.node, hit.terms),
  },
};
