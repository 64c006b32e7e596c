/**
 * Schema and seed steps that wait for the database: the service starts (and answers /healthz)
 * while its database is still down, and prepares the database as soon as it can be reached,
 * without a restart.
 */
import { isDatabaseUnavailable } from './errors';

/** Preparation under way: `problem()` says why the database is not ready yet, null once done. */
export interface Preparation {
  problem(): string | null;
  /** Settles when preparation is done or stopped; rejects on a failure that waiting cannot fix. */
  done: Promise<void>;
  stop(): void;
}

/**
 * Runs `prepare` until it succeeds, trying again every `retryMs` while the database is
 * unreachable. Any other failure (bad credentials, an invalid seed file) ends it: waiting would
 * not help.
 */
export function prepareWhenReachable(prepare: () => Promise<void>, log: (line: string) => void, retryMs = 2_000): Preparation {
  let problem: string | null = 'preparing the database (schema, seed)';
  let stopped = false;
  let wake: () => void = () => undefined;
  const done = (async () => {
    for (let attempt = 1; !stopped; attempt += 1) {
      try {
        await prepare();
        problem = null;
        return;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        problem = `waiting for the database: ${(error as Error).message.split('\n')[0]}`;
        if (attempt === 1) log(`[neo4j] database not reachable yet; trying again every ${retryMs / 1000} s (${problem})`);
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, retryMs).unref();
      });
    }
  })();
  return {
    problem: () => problem,
    done,
    stop: () => {
      stopped = true;
      wake();
    },
  };
}
