/**
 * Refuses an operation whose measures (see measure.ts) exceed the configured limits, after
 * validation and before anything is resolved, with a coded error that names the limit. Plain
 * link lists are sized by `typicalSizes` (see measure.ts), the graph's own averages.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { RequestLimitError } from '../errors';
import { measureOperation } from './measure';
import type { Ticket, WorkQueue, WorkQueueSettings } from './work-queue';

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
  /** Items (nodes and links) one request's compiled reads may return, counted as they run (GRAPHQL_MAX_ROWS). */
  maxRows: number;
  /** Deepest nesting of input objects, variables applied (GRAPHQL_MAX_FILTER_DEPTH). */
  maxFilterDepth: number;
  /** Entries of lists of input objects (AND/OR), all arguments together (GRAPHQL_MAX_FILTER_BRANCHES). */
  maxFilterBranches: number;
  /** Fields set in input objects, all arguments together (GRAPHQL_MAX_FILTER_FIELDS). */
  maxFilterFields: number;
  /** Expensive fields (search, paths, analytics ...) in one operation (GRAPHQL_MAX_EXPENSIVE_FIELDS). */
  maxExpensiveFields: number;
  /** Entity representations one request may send to `_entities`, the federation lookups (GRAPHQL_MAX_REPRESENTATIONS). */
  maxRepresentations: number;
  /** Largest read statement, Cypher plus parameters, sent to the database (STATEMENT_MAX_BYTES). */
  maxStatementBytes: number;
  /** How much expensive work runs and waits at once (EXPENSIVE_MAX_*). */
  queue: WorkQueueSettings;
  /** Lexical tokens in the document, enforced by the parser (GRAPHQL_MAX_TOKENS). */
  maxTokens: number;
  /** Largest request body in bytes; larger ones get HTTP 413 (HTTP_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Longest a database transaction may run before Neo4j stops it (QUERY_TIMEOUT_MS). */
  queryTimeoutMs: number;
}

/**
 * The plugin that enforces `limits` on every operation and, given `queue`, makes an operation that
 * selects an expensive field wait for its place there (as the client `contextValue.clientKey`),
 * giving the place up when the response is sent, whatever happened before.
 */
export function requestLimitsPlugin<C extends BaseContext & { clientKey?: string }>(
  limits: RequestLimits,
  queue?: WorkQueue,
  typicalSizes: () => Promise<Record<string, number>> = async () => ({}),
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      let ticket: Ticket | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return; // Apollo itself refuses a request whose operation it cannot find.
          const m = measureOperation(schema, document, operation, request.variables ?? {}, await typicalSizes());
          if (m.depth > limits.maxDepth) throw new RequestLimitError('QUERY_TOO_DEEP', 'a depth of', 'GRAPHQL_MAX_DEPTH', m.depth, limits.maxDepth);
          if (m.aliases > limits.maxAliases) throw new RequestLimitError('TOO_MANY_ALIASES', 'aliases:', 'GRAPHQL_MAX_ALIASES', m.aliases, limits.maxAliases);
          if (m.directives > limits.maxDirectives)
            throw new RequestLimitError('TOO_MANY_DIRECTIVES', 'directives:', 'GRAPHQL_MAX_DIRECTIVES', m.directives, limits.maxDirectives);
          if (m.cost > limits.maxCost) throw new RequestLimitError('QUERY_TOO_COMPLEX', 'an estimated cost of', 'GRAPHQL_MAX_COST', m.cost, limits.maxCost);
          if (m.inputDepth > limits.maxFilterDepth)
            throw new RequestLimitError(
              'FILTER_TOO_DEEP',
              'a filter (input object) nested to a depth of',
              'GRAPHQL_MAX_FILTER_DEPTH',
              m.inputDepth,
              limits.maxFilterDepth,
            );
          if (m.inputBranches > limits.maxFilterBranches)
            throw new RequestLimitError(
              'FILTER_TOO_WIDE',
              'filter branches (AND/OR entries):',
              'GRAPHQL_MAX_FILTER_BRANCHES',
              m.inputBranches,
              limits.maxFilterBranches,
            );
          if (m.inputFields > limits.maxFilterFields)
            throw new RequestLimitError('FILTER_TOO_LARGE', 'filter fields:', 'GRAPHQL_MAX_FILTER_FIELDS', m.inputFields, limits.maxFilterFields);
          if (m.expensive > limits.maxExpensiveFields)
            throw new RequestLimitError(
              'TOO_MANY_EXPENSIVE_FIELDS',
              'expensive fields (search, path, paths, neighbourhood, analytics):',
              'GRAPHQL_MAX_EXPENSIVE_FIELDS',
              m.expensive,
              limits.maxExpensiveFields,
            );
          if (m.representations > limits.maxRepresentations)
            throw new RequestLimitError(
              'TOO_MANY_REPRESENTATIONS',
              'entity representations (_entities):',
              'GRAPHQL_MAX_REPRESENTATIONS',
              m.representations,
              limits.maxRepresentations,
            );
          if (queue && m.expensive > 0) {
            ticket = queue.enter(contextValue.clientKey ?? 'unknown');
            await ticket.admitted;
          }
        },
        async willSendResponse() {
          ticket?.leave();
        },
      };
    },
  };
}
