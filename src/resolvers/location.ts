/** Resolvers of Location, and the location queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { paginate } from './connection';

export const locationResolvers: Resolvers = {
  Query: {
    location: (_, { id }, ctx) => ctx.locations.findById(id),
    locations: (_, args, ctx) => paginate((filter, page) => ctx.locations.list(filter, page), args),
  },
  Location: {
    asActor: (location, _, ctx) => (location.isActor ? ctx.actors.findById(location.id) : null),
    partOf: (location, _, ctx) => ctx.locations.partOf(location.id),
    parts: (location, _, ctx) => ctx.locations.parts(location.id),
    meetings: (location, _, ctx) => ctx.locations.meetings(location.id),
    events: (location, _, ctx) => ctx.locations.events(location.id),
  },
};
