/** Resolvers of Location, and the location queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { paginate, plainList } from './connection';

export const locationResolvers: Resolvers = {
  Query: {
    location: (_, { id }, ctx) => ctx.locations.findById(id),
    locations: (_, args, ctx, info) => paginate((q) => ctx.locations.list(q), args, info),
  },
  Location: {
    locationKind: (location) => location.kind,
    asActor: (location, _, ctx) => (location.isActor ? ctx.actors.findById(location.id) : null),
    partOf: (location, _, ctx) => ctx.locations.partOf(location.id),
    parts: (location, _, ctx) => plainList((q) => ctx.locations.parts(location.id, q)),
    partsConnection: (location, args, ctx, info) => paginate((q) => ctx.locations.parts(location.id, q), args, info),
    meetings: (location, _, ctx) => plainList((q) => ctx.locations.meetings(location.id, q)),
    meetingsConnection: (location, args, ctx, info) => paginate((q) => ctx.locations.meetings(location.id, q), args, info),
    events: (location, _, ctx) => plainList((q) => ctx.locations.events(location.id, q)),
    eventsConnection: (location, args, ctx, info) => paginate((q) => ctx.locations.events(location.id, q), args, info),
  },
};
