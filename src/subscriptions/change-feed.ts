/**
 * One process's view of the graph's change record (src/repositories/graph-events.ts): while
 * anyone is subscribed, one poller reads the events recorded since the last it saw, every
 * SUBSCRIPTION_POLL_MS, and hands each to the subscribers whose filters it matches. The events
 * come from the graph, not from this process, so writes by other replicas and by `npm run seed`
 * reach these subscribers as well as this process's own.
 */
import type { Database } from '../db/driver';
import { SubscriberTooSlowError } from '../errors';
import { type GraphEventModel, graphEventsAfter, graphVersion } from '../repositories/graph-events';

/** What a subscriber asks for: each given field narrows the events (all must match). */
export interface ChangeFilter {
  actorId?: string | null;
  /** A node label: Actor, Location, Meeting, Position, Statement, Stance, Event or Source. */
  nodeType?: string | null;
  sourceId?: string | null;
}

/** The feed's settings (config.subscriptions). */
export interface ChangeFeedSettings {
  /** SUBSCRIPTION_POLL_MS: how often the change record is read while anyone is subscribed. */
  pollMs: number;
}

/** Most events read in one poll; a poll that gets this many reads again at once. */
const POLL_BATCH = 500;
/**
 * Most events waiting for one subscriber that does not read them; a subscriber this far behind
 * is ended with an error (SUBSCRIBER_TOO_SLOW) rather than held in memory without bound.
 */
export const MAX_PENDING_EVENTS = 1_000;

/** Whether `event` is one that `filter` asks for. A truncated event may concern any actor or type. */
export function matchesFilter(event: GraphEventModel, filter: ChangeFilter): boolean {
  if (filter.sourceId != null && event.sourceId !== filter.sourceId) return false;
  if (filter.actorId != null && !event.truncated && !event.actorIds.includes(filter.actorId)) return false;
  if (filter.nodeType != null && !event.truncated && !event.nodeTypes.includes(filter.nodeType)) return false;
  return true;
}

interface Subscriber {
  filter: ChangeFilter;
  /** Only events above this version: those committed after the subscription started. */
  after: number;
  pending: GraphEventModel[];
  wake: (() => void) | null;
  ended: boolean;
  error: Error | null;
}

/** The poller and its subscribers, one per server. */
export class ChangeFeed {
  private readonly subscribers = new Set<Subscriber>();
  /** The last version read, or null when the poller is not running. */
  private seen: number | null = null;
  private starting: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly settings: ChangeFeedSettings = { pollMs: 250 },
    private readonly logError: (line: string) => void = (line) => console.error(line),
  ) {}

  /** Subscriptions made since the feed was created (open or not): tests wait on it. */
  opened = 0;

  /** How many subscriptions are open now. */
  get size(): number {
    return this.subscribers.size;
  }

  /**
   * Subscribes to the events that `filter` matches, committed from now on. Resolves once the
   * subscription is in place (the first one reads the current graph version first).
   */
  async subscribe(filter: ChangeFilter): Promise<AsyncIterableIterator<GraphEventModel>> {
    if (this.stopped) throw new Error('the change feed is stopped');
    const after = await this.position();
    const subscriber: Subscriber = { filter, after, pending: [], wake: null, ended: false, error: null };
    this.subscribers.add(subscriber);
    this.opened += 1;
    this.schedule();
    const end = () => {
      subscriber.ended = true;
      this.subscribers.delete(subscriber);
      subscriber.wake?.();
    };
    const iterator: AsyncIterableIterator<GraphEventModel> = {
      next: async () => {
        while (!subscriber.pending.length && !subscriber.ended) {
          await new Promise<void>((resolve) => (subscriber.wake = resolve));
          subscriber.wake = null;
        }
        if (subscriber.pending.length) return { value: subscriber.pending.shift()!, done: false };
        if (subscriber.error) throw subscriber.error;
        return { value: undefined, done: true };
      },
      return: async () => {
        end();
        subscriber.pending = [];
        return { value: undefined, done: true };
      },
      throw: async (error: unknown) => {
        end();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return iterator;
  }

  /** Ends every subscription and stops polling (server shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const subscriber of this.subscribers) {
      subscriber.ended = true;
      subscriber.wake?.();
    }
    this.subscribers.clear();
  }

  /** The version the poller has read up to, reading the graph's version when it is not running. */
  private async position(): Promise<number> {
    if (this.seen !== null) return this.seen;
    this.starting ??= graphVersion(this.db).finally(() => (this.starting = null));
    const version = await this.starting;
    this.seen ??= version;
    return this.seen;
  }

  private schedule(delay = this.settings.pollMs): void {
    if (this.timer || this.polling || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll();
    }, delay);
  }

  private async poll(): Promise<void> {
    if (!this.subscribers.size) {
      // Nobody listens: stop, and start again from the graph's version at the next subscription.
      this.seen = null;
      return;
    }
    this.polling = true;
    let again = false;
    try {
      const events = await graphEventsAfter(this.db, this.seen ?? 0, POLL_BATCH);
      for (const event of events) this.deliver(event);
      again = events.length === POLL_BATCH;
    } catch (error) {
      // A database outage: the events stay recorded, and the next poll reads them.
      this.logError(`[subscriptions] reading the change record failed: ${(error as Error).message}`);
    } finally {
      this.polling = false;
    }
    this.schedule(again ? 0 : this.settings.pollMs);
  }

  private deliver(event: GraphEventModel): void {
    this.seen = Math.max(this.seen ?? 0, event.version);
    for (const subscriber of this.subscribers) {
      if (event.version <= subscriber.after || !matchesFilter(event, subscriber.filter)) continue;
      if (subscriber.pending.length >= MAX_PENDING_EVENTS) {
        subscriber.error = new SubscriberTooSlowError(MAX_PENDING_EVENTS);
        subscriber.pending = [];
        subscriber.ended = true;
        this.subscribers.delete(subscriber);
      } else subscriber.pending.push(event);
      subscriber.wake?.();
    }
  }
}
