/**
 * Resolvers of what every node and relationship has (`claims`, `evidence`, `sourceCount`,
 * `disputed`), of claims and disputes, and of the pin mutations.
 */
import { requireRole } from '../auth/require-role';
import { type ClaimValue, isDate } from '../facts/claims';
import type { Context } from '../context';
import type { Resolvers } from '../generated/resolvers-types';
import type { FactModel, FuzzyDateModel } from '../models/models';
import { isRelationshipKey } from '../repositories/storage';
import { listOf, pageRequest, toConnection } from './connection';

/** The fields every node type and relationship type resolves from its `fact`. */
const factFields = {
  evidence: (m: { fact: FactModel }, _: unknown, ctx: Context) => ctx.nodes.evidence(m.fact.key),
  claims: (m: { fact: FactModel }, _: unknown, ctx: Context) => ctx.nodes.claims(m.fact.key),
  sourceCount: (m: { fact: FactModel }) => m.fact.sourceCount,
  disputed: (m: { fact: FactModel }, _: unknown, ctx: Context) => ctx.nodes.disputed(m.fact),
};

/** A value as the API shows it: text, a date's value, or a list's items joined. */
function asText(value: ClaimValue): string {
  if (isDate(value)) return value.value;
  return Array.isArray(value) ? value.join(', ') : value;
}

function asDate(value: ClaimValue): FuzzyDateModel | null {
  return isDate(value) ? { value: value.value, precision: value.precision, inferred: value.inferred, expression: value.expression ?? null } : null;
}

async function sourceOf(id: string, ctx: Context) {
  const source = await ctx.sources.findById(id);
  // A claim is written with its source, in one transaction, and removed with it.
  if (!source) throw new Error(`a claim cites missing source ${id}`);
  return source;
}

export const claimResolvers: Resolvers = {
  Actor: factFields,
  Location: factFields,
  Meeting: factFields,
  Position: factFields,
  Statement: factFields,
  Stance: factFields,
  Event: factFields,
  Participation: factFields,
  PositionHeld: factFields,
  ActorRelation: factFields,
  SourceCredit: factFields,
  EventActor: factFields,
  GraphEdge: factFields,
  Claim: {
    source: (claim, _, ctx) => sourceOf(claim.source, ctx),
    values: (claim) => Object.entries(claim.values).map(([field, value]) => ({ field, value: asText(value), date: asDate(value) })),
    names: (claim) => claim.names.map((n) => n.text),
  },
  CompetingValue: {
    value: (v) => asText(v.value),
    date: (v) => asDate(v.value),
    sources: (v, _, ctx) => Promise.all(v.sources.map((id) => sourceOf(id, ctx))),
  },
  Dispute: {
    node: (d, _, ctx) => (isRelationshipKey(d.fact.key) ? null : ctx.nodes.findById(d.fact.key)),
    edge: (d, _, ctx) => (isRelationshipKey(d.fact.key) ? ctx.disputes.edge(d.fact.key) : null),
    fields: (d, _, ctx) => ctx.nodes.disputed(d.fact),
  },
  Query: {
    disputes: async (_, { where, first, after }, ctx, info) => {
      const list = listOf(info);
      const page = pageRequest(first, after, list);
      return toConnection(await ctx.disputes.list(where ?? {}, page), page, list);
    },
  },
  Mutation: {
    pinClaim: (_, { input, idempotencyKey }, ctx) => ctx.curator.pinClaim(requireRole(ctx, 'editor').id, input, idempotencyKey),
    unpinClaim: (_, { input, idempotencyKey }, ctx) => ctx.curator.pinClaim(requireRole(ctx, 'editor').id, { ...input, sourceId: null }, idempotencyKey),
  },
  PinClaimPayload: {
    claim: async (p, _, ctx) => {
      if (!p.result?.sourceId) return null;
      return (await ctx.nodes.claims(p.result.key)).find((c) => c.source === p.result?.sourceId) ?? null;
    },
  },
};
