/** Resolvers of `Subscription.graphChanged` and the changes it sends (schema/subscription.graphql). */
import type { GraphNodeType, Resolvers } from '../generated/resolvers-types';
import type { GraphEventModel } from '../repositories/graph-events';

/** The API's node types -> the node labels the change record stores. */
const LABELS: Record<GraphNodeType, string> = {
  ACTOR: 'Actor',
  LOCATION: 'Location',
  MEETING: 'Meeting',
  POSITION: 'Position',
  STATEMENT: 'Statement',
  STANCE: 'Stance',
  EVENT: 'Event',
  SOURCE: 'Source',
};
const TYPES = new Map(Object.entries(LABELS).map(([type, label]) => [label, type as GraphNodeType]));

export const subscriptionResolvers: Resolvers = {
  Subscription: {
    graphChanged: {
      subscribe: (_, { actorId, nodeType, sourceId }, ctx) => ctx.changes.subscribe({ actorId, sourceId, nodeType: nodeType ? LABELS[nodeType] : null }),
      resolve: (event: GraphEventModel) => event,
    },
  },
  GraphChange: {
    nodeTypes: (event) => event.nodeTypes.flatMap((label) => TYPES.get(label) ?? []),
  },
};
