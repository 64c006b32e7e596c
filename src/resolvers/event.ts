/** Resolvers of Event, and the event queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { pageRequest, toConnection } from './connection';

export const eventResolvers: Resolvers = {
  Query: {
    event: (_, { id }, ctx) => ctx.events.findById(id),
    events: async (_, { where, first, after }, ctx) => {
      const request = pageRequest(first, after);
      return toConnection(await ctx.events.list(where ?? {}, request), request);
    },
  },
  Event: {
    actors: async (event, _, ctx) => (await ctx.events.involvement(event.id)).map((i) => i.actor),
    involvement: (event, _, ctx) => ctx.events.involvement(event.id),
    location: (event, _, ctx) => ctx.events.location(event.id),
    meeting: (event, _, ctx) => ctx.events.meeting(event.id),
  },
};
