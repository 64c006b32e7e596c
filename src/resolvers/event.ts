/** Resolvers of Event, and the event queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { paginate, plainList } from './connection';

export const eventResolvers: Resolvers = {
  Query: {
    event: (_, { id }, ctx) => ctx.events.findById(id),
    events: (_, args, ctx, info) => paginate((q) => ctx.events.list(q), args, info),
  },
  Event: {
    eventKind: (event) => event.kind,
    actors: async (event, _, ctx) => (await plainList((q) => ctx.events.involvement(event.id, q))).map((i) => i.actor),
    involvement: (event, _, ctx) => plainList((q) => ctx.events.involvement(event.id, q)),
    involvementConnection: (event, args, ctx, info) => paginate((q) => ctx.events.involvement(event.id, q), args, info),
    location: (event, _, ctx) => ctx.events.location(event.id),
    meeting: (event, _, ctx) => ctx.events.meeting(event.id),
  },
};
