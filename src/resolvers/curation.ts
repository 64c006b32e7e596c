/** Curators' mutations and the change log; every field here needs the editor role. */
import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { requireRole } from '../auth/require-role';
import type { Resolvers } from '../generated/resolvers-types';
import { listOf, pageRequest, toConnection } from './connection';

/** Any JSON value, as sent. */
const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => (ast.kind === Kind.NULL ? null : valueFromASTUntyped(ast, variables)),
});

export const curationResolvers: Resolvers = {
  JSON: JSONScalar,
  Mutation: {
    ingestSource: (_, { document, idempotencyKey }, ctx) => ctx.curator.ingestSource(requireRole(ctx, 'editor').id, document, idempotencyKey),
    addStatement: (_, { input, idempotencyKey }, ctx) => ctx.curator.addStatement(requireRole(ctx, 'editor').id, input, idempotencyKey),
    addMeeting: (_, { input, idempotencyKey }, ctx) => ctx.curator.addMeeting(requireRole(ctx, 'editor').id, input, idempotencyKey),
    linkActors: async (_, { input, idempotencyKey }, ctx) => ({
      ...(await ctx.curator.linkActors(requireRole(ctx, 'editor').id, input, idempotencyKey)),
      ends: { fromId: input.fromId, toId: input.toId },
    }),
    retractFact: (_, { id, reason, idempotencyKey }, ctx) => ctx.curator.retractFact(requireRole(ctx, 'editor').id, id, reason, idempotencyKey),
  },
  Query: {
    changes: async (_, { targetId, userId, first, after }, ctx, info) => {
      requireRole(ctx, 'editor');
      const list = listOf(info);
      const page = pageRequest(first, after, list);
      return toConnection(await ctx.curator.changes({ targetId, userId }, page), page, list);
    },
  },
  IngestSourcePayload: {
    source: (p, _, ctx) => (p.result ? ctx.sources.findById(p.result.sourceId) : null),
    nodesAdded: (p) => p.result?.nodesAdded ?? 0,
    relationshipsAdded: (p) => p.result?.relationshipsAdded ?? 0,
    merges: (p) => p.result?.merges ?? [],
  },
  AddStatementPayload: {
    statement: (p, _, ctx) => (p.result ? ctx.statements.findById(p.result.id) : null),
  },
  AddMeetingPayload: {
    meeting: (p, _, ctx) => (p.result ? ctx.meetings.findById(p.result.id) : null),
  },
  LinkActorsPayload: {
    from: (p, _, ctx) => (p.result && p.ends ? ctx.actors.findById(p.ends.fromId) : null),
    to: (p, _, ctx) => (p.result && p.ends ? ctx.actors.findById(p.ends.toId) : null),
  },
  RetractFactPayload: {
    retractedId: (p) => p.result?.id ?? null,
  },
};
