/**
 * A graphql-ws client for tests, as a dashboard or another service would use one: subscribe,
 * then read what arrives, or how the connection was closed.
 */
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** What one subscription has received so far. */
export interface Received {
  events: any[];
  errors: any[];
  /** The next event not yet taken (waits up to `ms`). */
  next(ms?: number): Promise<any>;
  /** Waits until `count` events have arrived in all (up to `ms`). */
  atLeast(count: number, ms?: number): Promise<any[]>;
  /** Resolves once the server ended the subscription with an error or completed it. */
  ended: Promise<'error' | 'complete'>;
  stop(): void;
}

/** A client over `url` (ws://.../graphql); `params` go in connection_init (credentials). */
export function wsClient(url: string, params?: Record<string, unknown>): { client: Client; closed: Promise<{ code: number; reason: string }> } {
  let onClosed: (event: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: params,
    retryAttempts: 0,
    lazy: false,
    // The tests read a refused connection from `closed`; graphql-ws would also print it.
    onNonLazyError: () => undefined,
    on: { closed: (event) => onClosed({ code: (event as WebSocket.CloseEvent).code, reason: String((event as WebSocket.CloseEvent).reason) }) },
  });
  return { client, closed };
}

/** Subscribes with `client` and collects what arrives. */
export function subscribe(client: Client, query: string, variables?: Record<string, unknown>): Received {
  const events: any[] = [];
  const errors: any[] = [];
  let taken = 0;
  let wake: () => void = () => undefined;
  let end: (how: 'error' | 'complete') => void = () => undefined;
  const ended = new Promise<'error' | 'complete'>((resolve) => (end = resolve));
  const stop = client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) events.push(result.data);
        wake();
      },
      error: (error) => {
        errors.push(...(Array.isArray(error) ? error : [error]));
        wake();
        end('error');
      },
      complete: () => end('complete'),
    },
  );
  const waitFor = async (done: () => boolean, ms: number, what: string) => {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(events)} ${JSON.stringify(errors)}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    }
  };
  return {
    events,
    errors,
    ended,
    stop,
    next: async (ms = 10_000) => {
      await waitFor(() => events.length > taken, ms, 'an event');
      return events[taken++];
    },
    atLeast: async (count, ms = 10_000) => {
      await waitFor(() => events.length >= count, ms, `${count} events`);
      return events;
    },
  };
}

/** Waits until `count()` reaches `n` (a server's open subscriptions, say). */
export async function waitUntil(check: () => boolean | Promise<boolean>, ms = 10_000, what = 'a condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The value of a gauge in a Prometheus text page (GET /metrics). */
export async function gauge(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}
