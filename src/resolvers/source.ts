/** Resolvers of Source, Evidence and the Node interface, and the source and node queries. */
import { GraphQLScalarType, Kind } from 'graphql';
import { BadUserInputError } from '../errors';
import { isCalendarDate } from '../facts/format';
import type { Resolvers } from '../generated/resolvers-types';
import { compiledList, compiledNode } from './compile';

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A PartialDate argument or variable: the form, and a month and day that exist (no `2025-13-01`). */
function parsePartialDate(value: unknown): string {
  if (typeof value === 'string' && PARTIAL_DATE.test(value) && isCalendarDate(value)) return value;
  const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : 'a value that is not a string';
  throw new BadUserInputError(`A PartialDate must be a real date as YYYY, YYYY-MM or YYYY-MM-DD; got ${shown}.`);
}

/** A stored date on its way out; the database holds only dates the facts format checked. */
function serializePartialDate(value: unknown): string {
  if (typeof value === 'string' && PARTIAL_DATE.test(value)) return value;
  throw new TypeError('PartialDate must be a string YYYY, YYYY-MM or YYYY-MM-DD');
}

export const sourceResolvers: Resolvers = {
  PartialDate: new GraphQLScalarType({
    name: 'PartialDate',
    serialize: serializePartialDate,
    parseValue: parsePartialDate,
    parseLiteral: (ast) => parsePartialDate(ast.kind === Kind.STRING ? ast.value : null),
  }),
  Query: {
    node: compiledNode('Node') as never,
    source: compiledNode('Source') as never,
    sources: compiledList('Source', true) as never,
    sourcesConnection: compiledList('Source') as never,
  },
  Node: {
    __resolveType: (node) => node.nodeType,
  },
  Source: {
    evidence: (source, _, ctx) => ctx.nodes.evidence(source.id),
    sentences: (source) => source.sentences.map((text, i) => ({ number: i + 1, text })),
  },
  Evidence: {
    source: async (evidence, _, ctx) => {
      const source = await ctx.sources.findById(evidence.sourceId);
      // The loader writes a source before any fact citing it, in the same transaction.
      if (!source) throw new Error(`evidence cites missing source ${evidence.sourceId}`);
      return source;
    },
    sentenceText: async (evidence, _, ctx) => {
      const source = await ctx.sources.findById(evidence.sourceId);
      return source?.sentences[evidence.sentence - 1] ?? '';
    },
  },
};
