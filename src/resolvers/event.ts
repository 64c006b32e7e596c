/** Resolvers of Event, and the event queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { paginate } from './connection';

export const eventResolvers: Resolvers = {
  Query: {
    event: (_, { id }, ctx) => ctx.events.findById(id),
    events: (_, args, ctx) => paginate((filter, page) => ctx.events.list(filter, page), args),
  },
  Event: {
    actors: async (event, _, ctx) => (await ctx.events.involvement(event.id)).map((i) => i.actor),
    involvement: (event, _, ctx) => ctx.events.involvement(event.id),
    location: (event, _, ctx) => ctx.events.location(event.id),
    meeting: (event, _, ctx) => ctx.events.meeting(event.id),
  },
};
