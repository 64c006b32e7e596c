/**
 * Prometheus metrics served at GET /metrics. Each server gets a registry of its own, so tests
 * that build several servers in one process do not collide on metric names.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { inFlightTransactions } from '../db/driver';
import { shippedOperationNames } from './operations';

/** What one finished GraphQL request adds to the metrics. */
export interface RequestOutcome {
  operation: string;
  /** `ok`, or `error` when the response carries any error. */
  outcome: 'ok' | 'error';
  errorCodes: string[];
  seconds: number;
  roundTrips: number;
  dbSeconds: number;
}

/** The service's metrics and the registry that renders them. */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors sent to clients, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly roundTrips = new Histogram({
    name: 'graphql_db_round_trips',
    help: 'Database round trips of the reads of one GraphQL request.',
    labelNames: ['operation'] as const,
    buckets: [0, 1, 2, 3, 5, 8, 13, 21],
    registers: [this.registry],
  });
  private readonly dbTime = new Histogram({
    name: 'graphql_db_time_seconds',
    help: 'Time one GraphQL request spent waiting on database reads.',
    labelNames: ['operation'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  /** `knownOperations`: the operation names that get a label of their own (the shipped ones by default). */
  constructor(private readonly knownOperations: ReadonlySet<string> = shippedOperationNames()) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'neo4j_transactions_in_flight',
      help: 'Database transactions this process is running now (the driver does not expose its pool).',
      registers: [this.registry],
      collect() {
        this.set(inFlightTransactions());
      },
    });
  }

  /**
   * The label for an operation name: a known operation's name, `anonymous` without a name, and
   * `other` for any other name, so the label values are a fixed set whatever clients send.
   */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    return this.knownOperations.has(name) ? name : 'other';
  }

  /** Records one finished request. */
  observe(request: RequestOutcome): void {
    this.requests.inc({ operation: request.operation, outcome: request.outcome });
    for (const code of request.errorCodes) this.errors.inc({ code });
    this.latency.observe({ operation: request.operation }, request.seconds);
    this.roundTrips.observe({ operation: request.operation }, request.roundTrips);
    this.dbTime.observe({ operation: request.operation }, request.dbSeconds);
  }
}
