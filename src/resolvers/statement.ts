/** Resolvers of Statement and Stance, and their queries. */
import type { Resolvers } from '../generated/resolvers-types';
import { paginate } from './connection';

export const statementResolvers: Resolvers = {
  Query: {
    statement: (_, { id }, ctx) => ctx.statements.findById(id),
    statements: (_, args, ctx) => paginate((filter, page) => ctx.statements.list(filter, page), args),
    stance: (_, { id }, ctx) => ctx.stances.findById(id),
    stances: (_, args, ctx) => paginate((filter, page) => ctx.stances.list(filter, page), args),
  },
  Statement: {
    speaker: (statement, _, ctx) => ctx.statements.speaker(statement.id),
    reportedBy: (statement, _, ctx) => ctx.statements.reportedBy(statement.id),
    meeting: (statement, _, ctx) => ctx.statements.meeting(statement.id),
    about: (statement, _, ctx) => ctx.statements.about(statement.id),
    mentions: (statement, _, ctx) => ctx.statements.mentions(statement.id),
  },
  Stance: {
    actor: async (stance, _, ctx) => {
      const actor = await ctx.stances.actor(stance.id);
      // The loader refuses a stance without an actor, so this only fires on a damaged graph.
      if (!actor) throw new Error(`stance ${stance.id} has no actor`);
      return actor;
    },
    about: (stance, _, ctx) => ctx.stances.about(stance.id),
  },
};
