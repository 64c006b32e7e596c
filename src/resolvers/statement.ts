/** Resolvers of Statement and Stance, and their queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { paginate, plainList } from './connection';

export const statementResolvers: Resolvers = {
  Query: {
    statement: (_, { id }, ctx) => ctx.statements.findById(id),
    statements: (_, args, ctx, info) => paginate((q) => ctx.statements.list(q), args, info),
    stance: (_, { id }, ctx) => ctx.stances.findById(id),
    stances: (_, args, ctx, info) => paginate((q) => ctx.stances.list(q), args, info),
  },
  Statement: {
    statementKind: (statement) => statement.kind,
    speaker: (statement, _, ctx) => ctx.statements.speaker(statement.id),
    reportedBy: (statement, _, ctx) => ctx.statements.reportedBy(statement.id),
    meeting: (statement, _, ctx) => ctx.statements.meeting(statement.id),
    about: (statement, _, ctx) => plainList((q) => ctx.statements.about(statement.id, q)),
    aboutConnection: (statement, args, ctx, info) => paginate((q) => ctx.statements.about(statement.id, q), args, info),
    mentions: (statement, _, ctx) => plainList((q) => ctx.statements.mentions(statement.id, q)),
    mentionsConnection: (statement, args, ctx, info) => paginate((q) => ctx.statements.mentions(statement.id, q), args, info),
  },
  Stance: {
    actor: async (stance, _, ctx) => {
      const actor = await ctx.stances.actor(stance.id);
      // The loader refuses a stance without an actor, so this only fires on a damaged graph.
      if (!actor) throw new Error(`stance ${stance.id} has no actor`);
      return actor;
    },
    about: (stance, _, ctx) => plainList((q) => ctx.stances.about(stance.id, q)),
    aboutConnection: (stance, args, ctx, info) => paginate((q) => ctx.stances.about(stance.id, q), args, info),
  },
};
