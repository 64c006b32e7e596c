/** The graph-walking queries: paths between two nodes and the neighbourhood of a node. */
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../generated/resolvers-types';
import { NEIGHBOURHOOD_LIMITS, PATH_LIMITS } from '../repositories/graph-explorer-repository';
import { intArgument } from './arguments';
import { selects } from './connection';

const DEFAULTS = { maxHops: 4, k: 3, depth: 1, limit: 50 };

/** True when a path is asked for its length alone: its nodes and edges need not be read. */
function lengthOnly(info: GraphQLResolveInfo): boolean {
  return !selects(info, 'nodes') && !selects(info, 'edges');
}

export const graphResolvers: Resolvers = {
  Query: {
    path: async (_, { fromId, toId, maxHops }, ctx, info) => {
      const hops = intArgument('maxHops', maxHops, DEFAULTS.maxHops, PATH_LIMITS.maxHops);
      const [shortest] = await ctx.graph.shortestPaths(fromId, toId, hops, 1, !lengthOnly(info));
      return shortest ?? null;
    },
    paths: (_, { fromId, toId, maxHops, k }, ctx, info) =>
      ctx.graph.shortestPaths(
        fromId,
        toId,
        intArgument('maxHops', maxHops, DEFAULTS.maxHops, PATH_LIMITS.maxHops),
        intArgument('k', k, DEFAULTS.k, PATH_LIMITS.k),
        !lengthOnly(info),
      ),
    neighbourhood: (_, { id, depth, limit }, ctx) =>
      ctx.graph.neighbourhood(
        id,
        intArgument('depth', depth, DEFAULTS.depth, NEIGHBOURHOOD_LIMITS.depth),
        intArgument('limit', limit, DEFAULTS.limit, NEIGHBOURHOOD_LIMITS.limit),
      ),
  },
};
