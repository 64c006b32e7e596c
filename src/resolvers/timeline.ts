/** The timeline query: dated meetings, statements and events in date order, paged by cursor. */
import type { Resolvers } from '../generated/resolvers-types';
import { dateRangeArguments } from './arguments';
import { pageRequest, toConnection } from './connection';

export const timelineResolvers: Resolvers = {
  Query: {
    timeline: async (_, { from, to, actorId, first, after }, ctx) => {
      const range = dateRangeArguments(from, to);
      const request = pageRequest(first, after);
      return toConnection(await ctx.timeline.page({ ...range, actorId }, request), request);
    },
  },
};
