/**
 * A fair queue for expensive work (operations that select an expensive field, and `/export`):
 * at most `maxConcurrent` run at once across the process, at most `maxQueued` wait behind them, in
 * arrival order, for at most `maxWaitMs`, and one client holds at most `maxPerClient` of the
 * running and waiting places, so one client cannot fill the queue. Cheap operations never enter
 * it, so they never wait behind expensive ones. A request that cannot be queued, or waits too
 * long, is refused with SERVER_BUSY (HTTP 429 and `Retry-After`).
 */
import { ServerBusyError } from '../errors';

/** The bounds of the queue (config.limits.queue). */
export interface WorkQueueSettings {
  /** Expensive operations running at once (EXPENSIVE_MAX_CONCURRENT). */
  maxConcurrent: number;
  /** Expensive operations waiting for a place (EXPENSIVE_MAX_QUEUED). */
  maxQueued: number;
  /** Running and waiting expensive operations of one client (EXPENSIVE_MAX_PER_CLIENT). */
  maxPerClient: number;
  /** Longest an expensive operation waits for a place before it is refused (EXPENSIVE_MAX_WAIT_MS). */
  maxWaitMs: number;
}

/**
 * One request's place in the queue. `admitted` resolves when it may run (or rejects with
 * ServerBusyError when it waited too long); `leave` gives the place up, whether it ran or still
 * waits, and may be called any number of times.
 */
export interface Ticket {
  admitted: Promise<void>;
  leave(): void;
}

interface Waiter {
  admit: () => void;
  refuse: (error: ServerBusyError) => void;
}

/** The process-wide queue of expensive work; create one per server. */
export class WorkQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  /** Running plus waiting places per client. */
  private readonly perClient = new Map<string, number>();

  constructor(private readonly settings: WorkQueueSettings) {}

  /** How many expensive operations run, and how many wait (for /metrics and tests). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Takes a place for `client` (a user or an address): runs at once when a slot is free, queues
   * otherwise. Throws ServerBusyError when the client already holds its share or the queue is full.
   */
  enter(client: string): Ticket {
    const { maxConcurrent, maxQueued, maxPerClient, maxWaitMs } = this.settings;
    const retryAfter = Math.max(1, Math.ceil(maxWaitMs / 1000));
    const held = this.perClient.get(client) ?? 0;
    if (held >= maxPerClient)
      throw new ServerBusyError(`this client already has ${held} expensive operations running or waiting`, 'EXPENSIVE_MAX_PER_CLIENT', retryAfter);
    const runsNow = this.running < maxConcurrent && this.waiting.length === 0;
    if (!runsNow && this.waiting.length >= maxQueued)
      throw new ServerBusyError(`${this.waiting.length} expensive operations are already waiting`, 'EXPENSIVE_MAX_QUEUED', retryAfter);
    this.perClient.set(client, held + 1);

    let state: 'waiting' | 'running' | 'gone' = 'waiting';
    let timer: NodeJS.Timeout | undefined;
    let waiter: Waiter | undefined;
    const leave = () => {
      if (state === 'gone') return;
      if (timer) clearTimeout(timer);
      const wasWaiting = state === 'waiting' && waiter;
      if (state === 'running') this.running -= 1;
      else if (waiter) this.waiting.splice(this.waiting.indexOf(waiter), 1);
      state = 'gone';
      // Whoever still awaits `admitted` is told, rather than left waiting for ever.
      if (wasWaiting) waiter!.refuse(new ServerBusyError('the request left the queue before a place came free', 'EXPENSIVE_MAX_WAIT_MS', retryAfter));
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
      this.admitNext();
    };
    if (runsNow) {
      this.running += 1;
      state = 'running';
      return { admitted: Promise.resolve(), leave };
    }
    const admitted = new Promise<void>((resolve, reject) => {
      waiter = {
        admit: () => {
          clearTimeout(timer);
          this.running += 1;
          state = 'running';
          resolve();
        },
        refuse: reject,
      };
      this.waiting.push(waiter);
      timer = setTimeout(() => {
        waiter!.refuse = () => undefined;
        leave();
        reject(new ServerBusyError(`no place to run expensive work came free within ${maxWaitMs} ms`, 'EXPENSIVE_MAX_WAIT_MS', retryAfter));
      }, maxWaitMs);
    });
    // A ticket left before it was admitted may have nobody awaiting it; keep Node from reporting that.
    admitted.catch(() => undefined);
    return { admitted, leave };
  }

  private admitNext(): void {
    while (this.running < this.settings.maxConcurrent && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      next.admit();
    }
  }
}
