/** Resolvers of Position, and the position queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { pageRequest, toConnection } from './connection';

export const positionResolvers: Resolvers = {
  Query: {
    position: (_, { id }, ctx) => ctx.positions.findById(id),
    positions: async (_, { where, first, after }, ctx) => {
      const request = pageRequest(first, after);
      return toConnection(await ctx.positions.list(where ?? {}, request), request);
    },
  },
  Position: {
    organization: (position, _, ctx) => ctx.positions.organization(position.id),
    holders: (position, _, ctx) => ctx.positions.holders(position),
  },
};
