/** All resolvers, merged per type. */
import type { Resolvers } from '../generated/resolvers-types';
import { actorResolvers } from './actor';
import { analyticsResolvers } from './analytics';
import { claimResolvers } from './claims';
import { linkResolvers } from './compile';
import { curationResolvers } from './curation';
import { eventResolvers } from './event';
import { federationResolvers } from './federation';
import { graphResolvers } from './graph';
import { locationResolvers } from './location';
import { meetingResolvers } from './meeting';
import { positionResolvers } from './position';
import { resolutionResolvers } from './resolution';
import { searchResolvers } from './search';
import { sourceResolvers } from './source';
import { statementResolvers } from './statement';
import { subscriptionResolvers } from './subscription';
import { timelineResolvers } from './timeline';

const parts: Resolvers[] = [
  linkResolvers() as Resolvers,
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
  claimResolvers,
  federationResolvers,
  resolutionResolvers,
  subscriptionResolvers,
];

/** Merges the per-domain resolver maps; a type's fields may come from several modules. */
export const resolvers: Resolvers = parts.reduce<Record<string, object>>((merged, part) => {
  for (const [type, fields] of Object.entries(part)) merged[type] = merged[type] ? { ...merged[type], ...fields } : fields;
  return merged;
}, {}) as Resolvers;
