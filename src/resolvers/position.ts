/** Resolvers of Position, and the position queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { paginate } from './connection';

export const positionResolvers: Resolvers = {
  Query: {
    position: (_, { id }, ctx) => ctx.positions.findById(id),
    positions: (_, args, ctx) => paginate((filter, page) => ctx.positions.list(filter, page), args),
  },
  Position: {
    organization: (position, _, ctx) => ctx.positions.organization(position.id),
    holders: (position, _, ctx) => ctx.positions.holders(position),
  },
};
