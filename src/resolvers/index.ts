/** All resolvers, merged per type. */
import { type GraphQLResolveInfo, GraphQLScalarType } from 'graphql';
import type { Context } from '../context';
import type { Resolvers } from '../generated/resolvers-types';
import { actorResolvers } from './actor';
import { analyticsResolvers } from './analytics';
import { curationResolvers } from './curation';
import { eventResolvers } from './event';
import { graphResolvers } from './graph';
import { locationResolvers } from './location';
import { meetingResolvers } from './meeting';
import { positionResolvers } from './position';
import { searchResolvers } from './search';
import { sourceResolvers } from './source';
import { statementResolvers } from './statement';
import { timelineResolvers } from './timeline';

const parts: Resolvers[] = [
  actorResolvers,
  meetingResolvers,
  locationResolvers,
  positionResolvers,
  statementResolvers,
  eventResolvers,
  sourceResolvers,
  searchResolvers,
  graphResolvers,
  timelineResolvers,
  analyticsResolvers,
  curationResolvers,
];

/** Merges the per-domain resolver maps; a type's fields may come from several modules. */
const merged = parts.reduce<Record<string, object>>((merged, part) => {
  for (const [type, fields] of Object.entries(part)) merged[type] = merged[type] ? { ...merged[type], ...fields } : fields;
  return merged;
}, {});

type FieldResolver = (parent: unknown, args: unknown, ctx: Context, info: GraphQLResolveInfo) => unknown;

/**
 * Every field resolver of the read types runs through the request's prefetcher, which reads the
 * pages its selection nests in the same round trip (see prefetch.ts). Mutations are left as they
 * are, and so are scalars and `__resolveType`.
 */
export const resolvers = Object.fromEntries(
  Object.entries(merged).map(([type, fields]) => {
    if (type === 'Mutation' || fields instanceof GraphQLScalarType) return [type, fields];
    const wrapped = Object.entries(fields).map(([name, resolve]) =>
      typeof resolve === 'function' && !name.startsWith('__')
        ? [name, (parent: unknown, args: unknown, ctx: Context, info: GraphQLResolveInfo) => ctx.prefetch.run(info, () => (resolve as FieldResolver)(parent, args, ctx, info))]
        : [name, resolve],
    );
    return [type, Object.fromEntries(wrapped)];
  }),
) as Resolvers;
