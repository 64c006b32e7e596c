/** Resolvers of Actor and ActorRelation, and the actor queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { paginate } from './connection';

export const actorResolvers: Resolvers = {
  Query: {
    actor: (_, { id }, ctx) => ctx.actors.findById(id),
    actors: (_, args, ctx) => paginate((filter, page) => ctx.actors.list(filter, page), args),
  },
  Actor: {
    asLocation: (actor, _, ctx) => (actor.isLocation ? ctx.locations.findById(actor.id) : null),
    positions: (actor, _, ctx) => ctx.actors.positions(actor),
    relations: (actor, _, ctx) => ctx.actors.relations(actor),
    meetings: (actor, _, ctx) => ctx.actors.meetings(actor.id),
    statements: (actor, _, ctx) => ctx.actors.statements(actor.id),
    mentionedIn: (actor, _, ctx) => ctx.actors.mentionedIn(actor.id),
    stances: (actor, _, ctx) => ctx.actors.stances(actor.id),
    events: (actor, _, ctx) => ctx.actors.events(actor.id),
  },
  ActorRelation: {
    other: (relation) => (relation.direction === 'OUTGOING' ? relation.object : relation.subject),
  },
};
