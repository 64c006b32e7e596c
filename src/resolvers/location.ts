/** Resolvers of Location, and the location queries. Link fields: see ./compile.ts. */
import type { Resolvers } from '../generated/resolvers-types';
import { compiledList, compiledNode } from './compile';

export const locationResolvers: Resolvers = {
  Query: {
    location: compiledNode('Location') as never,
    locations: compiledList('Location') as never,
  },
  Location: {
    locationKind: (location) => location.kind,
    asActor: (location, _, ctx) => (location.isActor ? ctx.actors.findById(location.id) : null),
  },
};
