/** The meeting queries. Meeting's link fields: see ./compile.ts. */
import type { Resolvers } from '../generated/resolvers-types';
import { compiledList, compiledNode } from './compile';

export const meetingResolvers: Resolvers = {
  Query: {
    meeting: compiledNode('Meeting') as never,
    meetings: compiledList('Meeting') as never,
  },
};
