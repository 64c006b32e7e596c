/** Resolvers of Event, and the event queries. Link fields: see ./compile.ts. */
import type { Resolvers } from '../generated/resolvers-types';
import { compiledList, compiledNode } from './compile';

export const eventResolvers: Resolvers = {
  Query: {
    event: compiledNode('Event') as never,
    events: compiledList('Event') as never,
  },
  Event: {
    eventKind: (event) => event.kind,
  },
};
