/** Resolvers of Statement and Stance, and their queries. Link fields: see ./compile.ts. */
import type { Resolvers } from '../generated/resolvers-types';
import { compiledLink, compiledList, compiledNode, requiredLink } from './compile';

export const statementResolvers: Resolvers = {
  Query: {
    statement: compiledNode('Statement') as never,
    statements: compiledList('Statement') as never,
    stance: compiledNode('Stance') as never,
    stances: compiledList('Stance') as never,
  },
  Statement: {
    statementKind: (statement) => statement.kind,
  },
  Stance: {
    // The loader refuses a stance without an actor, so this only fails on a damaged graph.
    actor: requiredLink(compiledLink, 'actor') as never,
  },
};
