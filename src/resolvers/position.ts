/** Resolvers of Position, and the position queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { inForce, paginate, plainList } from './connection';

export const positionResolvers: Resolvers = {
  Query: {
    position: (_, { id }, ctx) => ctx.positions.findById(id),
    positions: (_, args, ctx, info) => paginate((q) => ctx.positions.list(q), args, info),
  },
  Position: {
    organization: (position, _, ctx) => ctx.positions.organization(position.id),
    holders: (position, { asOf }, ctx) => plainList((q) => ctx.positions.holders(position, q, inForce(asOf, null))),
    holdersConnection: (position, { asOf, during, ...args }, ctx, info) => paginate((q) => ctx.positions.holders(position, q, inForce(asOf, during)), args, info),
  },
};
