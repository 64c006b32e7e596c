/** The position queries. Position's link fields: see ./compile.ts. */
import type { Resolvers } from '../generated/resolvers-types';
import { compiledList, compiledNode } from './compile';

export const positionResolvers: Resolvers = {
  Query: {
    position: compiledNode('Position') as never,
    positions: compiledList('Position') as never,
  },
};
