/** Resolvers of Actor and ActorRelation, and the actor queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { inForce, paginate, plainList } from './connection';

export const actorResolvers: Resolvers = {
  Query: {
    actor: (_, { id }, ctx) => ctx.actors.findById(id),
    actors: (_, args, ctx, info) => paginate((q) => ctx.actors.list(q), args, info),
  },
  Actor: {
    actorKind: (actor) => actor.kind,
    asLocation: (actor, _, ctx) => (actor.isLocation ? ctx.locations.findById(actor.id) : null),
    positions: (actor, { asOf }, ctx) => plainList((q) => ctx.actors.positions(actor, q, inForce(asOf, null))),
    positionsConnection: (actor, { asOf, during, ...args }, ctx, info) => paginate((q) => ctx.actors.positions(actor, q, inForce(asOf, during)), args, info),
    relations: (actor, { asOf }, ctx) => plainList((q) => ctx.actors.relations(actor, q, inForce(asOf, null))),
    relationsConnection: (actor, { asOf, during, ...args }, ctx, info) => paginate((q) => ctx.actors.relations(actor, q, inForce(asOf, during)), args, info),
    meetings: (actor, _, ctx) => plainList((q) => ctx.actors.meetings(actor.id, q)),
    meetingsConnection: (actor, args, ctx, info) => paginate((q) => ctx.actors.meetings(actor.id, q), args, info),
    statements: (actor, _, ctx) => plainList((q) => ctx.actors.statements(actor.id, q)),
    statementsConnection: (actor, args, ctx, info) => paginate((q) => ctx.actors.statements(actor.id, q), args, info),
    mentionedIn: (actor, _, ctx) => plainList((q) => ctx.actors.mentionedIn(actor.id, q)),
    mentionedInConnection: (actor, args, ctx, info) => paginate((q) => ctx.actors.mentionedIn(actor.id, q), args, info),
    stances: (actor, _, ctx) => plainList((q) => ctx.actors.stances(actor.id, q)),
    stancesConnection: (actor, args, ctx, info) => paginate((q) => ctx.actors.stances(actor.id, q), args, info),
    events: (actor, _, ctx) => plainList((q) => ctx.actors.events(actor.id, q)),
    eventsConnection: (actor, args, ctx, info) => paginate((q) => ctx.actors.events(actor.id, q), args, info),
  },
  ActorRelation: {
    other: (relation) => (relation.direction === 'OUTGOING' ? relation.object : relation.subject),
  },
};
