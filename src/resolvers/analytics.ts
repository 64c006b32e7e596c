/** Whole-graph analytics: counts, rankings, co-occurrence, the stance matrix, timeline buckets. */
import type { Resolvers } from '../generated/resolvers-types';
import { MATRIX_LIMIT } from '../repositories/analytics-repository';
import { bucketRangeArguments, intArgument, listArgument } from './arguments';

/** Largest `first` of the analytics lists. */
const MAX_FIRST = 100;

export const analyticsResolvers: Resolvers = {
  Query: {
    stats: (_, __, ctx) => ctx.analytics.stats(),
    topActors: (_, { by, kind, first }, ctx) => ctx.analytics.topActors(by, kind ?? null, intArgument('first', first, 10, { min: 0, max: MAX_FIRST })),
    coOccurrence: (_, { kind, minCount, first }, ctx) =>
      ctx.analytics.coOccurrence(
        kind,
        intArgument('minCount', minCount, 1, { min: 1, max: 1_000_000_000 }),
        intArgument('first', first, 20, { min: 0, max: MAX_FIRST }),
      ),
    stanceMatrix: (_, { topics, actors }, ctx) =>
      ctx.analytics.stanceMatrix(listArgument('topics', topics, MATRIX_LIMIT), listArgument('actors', actors, MATRIX_LIMIT)),
    sourceStats: (_, { first }, ctx) => ctx.analytics.sourceStats(intArgument('first', first, 20, { min: 0, max: MAX_FIRST })),
    timelineBuckets: (_, { from, to, interval }, ctx) => {
      const range = bucketRangeArguments(from, to, interval);
      return ctx.analytics.timelineBuckets(range.from, range.lastDay, interval);
    },
  },
};
