/** Resolvers of Actor and ActorRelation, and the actor queries. Link fields: see ./compile.ts. */
import type { Resolvers } from '../generated/resolvers-types';
import { compiledList, compiledNode } from './compile';

export const actorResolvers: Resolvers = {
  Query: {
    actor: compiledNode('Actor') as never,
    actors: compiledList('Actor') as never,
  },
  Actor: {
    actorKind: (actor) => actor.kind,
    asLocation: (actor, _, ctx) => (actor.isLocation ? ctx.locations.findById(actor.id) : null),
  },
  ActorRelation: {
    other: (relation) => (relation.direction === 'OUTGOING' ? relation.object : relation.subject),
  },
};
