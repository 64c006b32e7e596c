/** The graph-walking queries: paths between two nodes and the neighbourhood of a node. */
import type { Resolvers } from '../generated/resolvers-types';
import { NEIGHBOURHOOD_LIMITS, PATH_LIMITS } from '../repositories/graph-explorer-repository';
import { intArgument } from './arguments';

const DEFAULTS = { maxHops: 4, k: 3, depth: 1, limit: 50 };

export const graphResolvers: Resolvers = {
  Query: {
    path: async (_, { fromId, toId, maxHops }, ctx) => {
      const hops = intArgument('maxHops', maxHops, DEFAULTS.maxHops, PATH_LIMITS.maxHops);
      const [shortest] = await ctx.graph.shortestPaths(fromId, toId, hops, 1);
      return shortest ?? null;
    },
    paths: (_, { fromId, toId, maxHops, k }, ctx) =>
      ctx.graph.shortestPaths(
        fromId,
        toId,
        intArgument('maxHops', maxHops, DEFAULTS.maxHops, PATH_LIMITS.maxHops),
        intArgument('k', k, DEFAULTS.k, PATH_LIMITS.k),
      ),
    neighbourhood: (_, { id, depth, limit }, ctx) =>
      ctx.graph.neighbourhood(
        id,
        intArgument('depth', depth, DEFAULTS.depth, NEIGHBOURHOOD_LIMITS.depth),
        intArgument('limit', limit, DEFAULTS.limit, NEIGHBOURHOOD_LIMITS.limit),
      ),
  },
};
