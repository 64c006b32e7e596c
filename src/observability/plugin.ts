/**
 * One Apollo plugin for what every GraphQL request leaves behind: a JSON log line with its
 * request id, operation, outcome and database figures (a warning when it was slower than the
 * slow-query threshold), and its share of the Prometheus metrics.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { cutForLog, type Logger } from './logger';
import type { Metrics } from './metrics';

/** The SLOW_QUERY_MS default: a GraphQL request slower than this is logged as slow. */
export const DEFAULT_SLOW_QUERY_MS = 1_000;

/** What the plugin writes to. */
export interface ObservabilityDeps {
  logger: Logger;
  metrics: Metrics;
  /** Requests slower than this (SLOW_QUERY_MS) get a `slow operation` warning. */
  slowQueryMs: number;
}

/** Logs and measures each GraphQL request when its response is about to be sent. */
export function observabilityPlugin(deps: ObservabilityDeps): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, response, operationName, request }) {
          const ms = performance.now() - started;
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const errorCodes = errors.map((e) => String(e.extensions?.code ?? 'UNCODED'));
          const name = operationName ?? request.operationName ?? null;
          const operation = deps.metrics.operationLabel(name);
          const { roundTrips, dbTimeMs } = contextValue.dbStats;
          deps.metrics.observe({
            operation,
            outcome: errors.length ? 'error' : 'ok',
            errorCodes,
            seconds: ms / 1000,
            roundTrips,
            dbSeconds: dbTimeMs / 1000,
          });
          const fields = {
            requestId: contextValue.requestId,
            // Cut: the name is the client's to choose, and could be any length.
            operation: name === null ? null : cutForLog(name),
            ms: Math.round(ms * 10) / 10,
            roundTrips,
            dbTimeMs: Math.round(dbTimeMs * 10) / 10,
            ...(errorCodes.length ? { errorCodes } : {}),
          };
          if (ms >= deps.slowQueryMs) deps.logger.warn({ ...fields, slow: true }, `slow operation ${fields.operation ?? '(anonymous)'}: ${Math.round(ms)} ms`);
          else deps.logger.info(fields, 'graphql request');
        },
      };
    },
  };
}
