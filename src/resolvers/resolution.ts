/** The review queue and merges, for curators; every field here needs the editor role. */
import { requireRole } from '../auth/require-role';
import type { Resolvers } from '../generated/resolvers-types';
import { listOf, pageRequest, toConnection } from './connection';

export const resolutionResolvers: Resolvers = {
  Mutation: {
    settleReviewItem: (_, { input, idempotencyKey }, ctx) => ctx.review.settle(requireRole(ctx, 'editor').id, input, idempotencyKey),
    unmerge: (_, { id, reason, idempotencyKey }, ctx) => ctx.review.unmerge(requireRole(ctx, 'editor').id, id, reason, idempotencyKey),
  },
  Query: {
    reviewItems: async (_, { status, sourceId, first, after }, ctx, info) => {
      requireRole(ctx, 'editor');
      const list = listOf(info, status);
      const page = pageRequest(first, after, list);
      return toConnection(await ctx.review.reviewItems({ status: status ?? 'OPEN', sourceId }, page), page, list);
    },
    merges: async (_, { nodeId, sourceId, first, after }, ctx, info) => {
      requireRole(ctx, 'editor');
      const list = listOf(info);
      const page = pageRequest(first, after, list);
      return toConnection(await ctx.review.merges({ nodeId, sourceId }, page), page, list);
    },
  },
  SettleReviewItemPayload: {
    reviewItem: (p) => p.result?.item ?? null,
    node: (p, _, ctx) => (p.result?.nodeId ? ctx.nodes.findById(p.result.nodeId) : null),
  },
  UnmergePayload: {
    node: (p, _, ctx) => (p.result ? ctx.nodes.findById(p.result.nodeId) : null),
    from: (p, _, ctx) => (p.result ? ctx.nodes.findById(p.result.fromId) : null),
  },
};
