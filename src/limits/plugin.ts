/**
 * Refuses an operation whose measures (see measure.ts) exceed the configured limits, after
 * validation and before anything is resolved, with a coded error that names the limit.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { RequestLimitError } from '../errors';
import { measureOperation } from './measure';

/** The limits on one GraphQL request (config.limits). */
export interface RequestLimits {
  /** Deepest field nesting (GRAPHQL_MAX_DEPTH). */
  maxDepth: number;
  /** Aliases in the operation and the fragments it uses (GRAPHQL_MAX_ALIASES). */
  maxAliases: number;
  /** Directives in the operation and the fragments it uses (GRAPHQL_MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Estimated fields resolved, lists multiplied by their size (GRAPHQL_MAX_COST). */
  maxCost: number;
  /** Lexical tokens in the document, enforced by the parser (GRAPHQL_MAX_TOKENS). */
  maxTokens: number;
  /** Largest request body in bytes; larger ones get HTTP 413 (HTTP_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Longest a database transaction may run before Neo4j stops it (QUERY_TIMEOUT_MS). */
  queryTimeoutMs: number;
}

/** The plugin that enforces `limits` on every operation. */
export function requestLimitsPlugin<C extends BaseContext>(limits: RequestLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // Apollo itself refuses a request whose operation it cannot find.
          const m = measureOperation(schema, document, operation, request.variables ?? {});
          if (m.depth > limits.maxDepth) throw new RequestLimitError('QUERY_TOO_DEEP', 'a depth of', 'GRAPHQL_MAX_DEPTH', m.depth, limits.maxDepth);
          if (m.aliases > limits.maxAliases) throw new RequestLimitError('TOO_MANY_ALIASES', 'aliases:', 'GRAPHQL_MAX_ALIASES', m.aliases, limits.maxAliases);
          if (m.directives > limits.maxDirectives) throw new RequestLimitError('TOO_MANY_DIRECTIVES', 'directives:', 'GRAPHQL_MAX_DIRECTIVES', m.directives, limits.maxDirectives);
          if (m.cost > limits.maxCost) throw new RequestLimitError('QUERY_TOO_COMPLEX', 'an estimated cost of', 'GRAPHQL_MAX_COST', m.cost, limits.maxCost);
        },
      };
    },
  };
}
