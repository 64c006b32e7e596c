/** The timeline query: dated meetings, statements and events in date order, paged by cursor. */
import type { Resolvers } from '../generated/resolvers-types';
import { dateRangeArguments } from './arguments';
import { listOf, pageRequest, toConnection } from './connection';

export const timelineResolvers: Resolvers = {
  Query: {
    timeline: async (_, { from, to, actorId, first, after }, ctx, info) => {
      const range = dateRangeArguments(from, to);
      const list = listOf(info);
      const request = pageRequest(first, after, list);
      return toConnection(await ctx.timeline.page({ ...range, actorId }, request), request, list);
    },
  },
};
