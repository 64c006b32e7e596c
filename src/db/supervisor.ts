/**
 * Keeps the local Neo4j alive: when its process dies without being asked to stop (a crash, the
 * OOM killer, a `kill -9`), the death is logged at error level with the exit code or signal and
 * the server's last lines of output, and the server is started again on the same home directory
 * and port, with exponential backoff between failed attempts. Meanwhile requests fail with
 * DATABASE_UNAVAILABLE (the driver cannot connect) and /readyz says the database is restarting;
 * the driver reconnects by itself once the server is back. If the server stays down longer than
 * the recovery timeout, `failing()` says so, and /healthz turns 503 so that an orchestrator
 * restarts the whole service.
 */
import type { LocalNeo4j, Neo4jExit } from './local-neo4j';

/** How the supervisor restarts a dead Neo4j (NEO4J_RESTART_BACKOFF_MS and friends). */
export interface RestartPolicy {
  /** Wait before the first restart attempt; doubled after each failed attempt. */
  backoffMs: number;
  /** The longest wait between two attempts. */
  maxBackoffMs: number;
  /** After this long down, `failing()` reports it (and /healthz fails). */
  recoveryTimeoutMs: number;
}

/** Where the supervisor reports: progress at info level, deaths and failed restarts at error level. */
export interface SupervisorLog {
  info(line: string): void;
  error(line: string): void;
}

/** A local Neo4j that is restarted when it dies. */
export interface SupervisedNeo4j {
  readonly uri: string;
  readonly port: number;
  readonly homeDir: string;
  readonly version: string;
  /** Why the database is down right now (it died and is being restarted), or null. */
  down(): string | null;
  /** Set once the database has been down longer than the recovery timeout, or null. */
  failing(): string | null;
  /** Stops the server and any restart under way; a death from here on is expected. */
  stop(): Promise<void>;
}

/** How many lines of the dead server's output go into the error log line. */
const LAST_LINES = 20;

/**
 * Starts Neo4j with `start(port)` (the first time with `port` as configured, possibly undefined,
 * then always on the port the first start got) and supervises it until `stop()`.
 * `shuttingDown` says whether the process is shutting down: the Neo4j child's exit then is no crash.
 */
export async function superviseNeo4j(
  start: (port: number | undefined) => Promise<LocalNeo4j>,
  options: { port?: number; policy: RestartPolicy; log: SupervisorLog; shuttingDown?: () => boolean },
): Promise<SupervisedNeo4j> {
  const { policy, log } = options;
  let current = await start(options.port);
  const { port, homeDir, uri, version } = current;
  let stopping = false;
  let downSince: number | undefined;
  let downReason = '';
  let restarting: Promise<void> | undefined;
  let attemptUnderWay: Promise<LocalNeo4j> | undefined;
  let wake: () => void = () => undefined;
  let upSince = Date.now();
  let backoffMs = policy.backoffMs;
  let failingTimer: NodeJS.Timeout | undefined;
  const expected = () => stopping || (options.shuttingDown?.() ?? false);

  const watch = (server: LocalNeo4j) => {
    void server.exited.then((exit) => {
      if (expected() || server !== current) return;
      downSince = Date.now();
      downReason = `the local Neo4j died (${describeExit(exit)}) and is being restarted`;
      const output = server.lastOutput().slice(-LAST_LINES);
      log.error(
        `[neo4j] the local Neo4j on port ${port} died (${describeExit(exit)}); restarting it on the same data. Its last output:\n${output.join('\n') || '(none)'}`,
      );
      // A server that crashes soon after it came up keeps the longer backoff: no tight crash loop.
      if (Date.now() - upSince > policy.maxBackoffMs) backoffMs = policy.backoffMs;
      failingTimer = setTimeout(() => {
        if (downSince !== undefined)
          log.error(`[neo4j] the local Neo4j is still down after ${policy.recoveryTimeoutMs / 1000} s (NEO4J_RECOVERY_TIMEOUT_MS): /healthz now fails`);
      }, policy.recoveryTimeoutMs);
      failingTimer.unref();
      restarting = restart();
    });
  };

  const restart = async () => {
    for (let attempt = 1; !expected(); attempt += 1) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, backoffMs).unref();
      });
      if (expected()) return;
      try {
        attemptUnderWay = start(port);
        const server = await attemptUnderWay;
        if (expected()) return void (await server.stop());
        current = server;
        log.info(`[neo4j] the local Neo4j is back on ${uri} after ${((Date.now() - downSince!) / 1000).toFixed(1)} s (attempt ${attempt})`);
        downSince = undefined;
        clearTimeout(failingTimer);
        upSince = Date.now();
        watch(server);
        return;
      } catch (error) {
        if (expected()) return;
        const lines = (error as Error).message.split('\n');
        log.error(
          `[neo4j] restart attempt ${attempt} failed; next in ${Math.min(backoffMs * 2, policy.maxBackoffMs) / 1000} s: ${lines.slice(0, 1 + LAST_LINES).join('\n')}`,
        );
        downReason = `the local Neo4j died and restart attempt ${attempt} failed: ${lines[0]}`;
        backoffMs = Math.min(backoffMs * 2, policy.maxBackoffMs);
      } finally {
        attemptUnderWay = undefined;
      }
    }
  };

  watch(current);
  return {
    uri,
    port,
    homeDir,
    version,
    down: () => (downSince === undefined ? null : downReason),
    failing: () =>
      downSince !== undefined && Date.now() - downSince > policy.recoveryTimeoutMs
        ? `the local Neo4j has been down for ${Math.round((Date.now() - downSince) / 1000)} s, longer than NEO4J_RECOVERY_TIMEOUT_MS (${policy.recoveryTimeoutMs / 1000} s): ${downReason}`
        : null,
    stop: async () => {
      stopping = true;
      clearTimeout(failingTimer);
      wake();
      const attempt = attemptUnderWay;
      await restarting;
      await attempt?.then(
        (server) => server.stop(),
        () => undefined,
      );
      await current.stop();
    },
  };
}

function describeExit(exit: Neo4jExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}
