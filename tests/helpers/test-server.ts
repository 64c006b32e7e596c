/**
 * The real service on a real HTTP port, over the test database: tests send GraphQL the way a
 * client does and read what a client would read.
 */
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Authenticator } from '../../src/auth/authenticator';
import type { Exposure } from '../../src/config';
import type { RequestLimits } from '../../src/limits/plugin';
import type { ClientLimitSettings } from '../../src/http/client-limits';
import { createHttpServer, type HttpServerSettings } from '../../src/http/listener';
import type { Database } from '../../src/db/driver';
import type { TextLimits } from '../../src/facts/validate';
import { readinessProblem } from '../../src/repositories/schema-repository';
import { openTestDatabase } from './test-database';
import { createServer } from '../../src/server';
import type { WorkQueue } from '../../src/limits/work-queue';
import type { TrustedDocumentsMode } from '../../src/limits/trusted-documents';
import type { SubscriptionSettings } from '../../src/http/subscriptions';
import type { ChangeFeed } from '../../src/subscriptions/change-feed';

/** A GraphQL response as a client sees it. */
export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, any>;
}

export interface TestServer {
  url: string;
  /** The WebSocket URL of subscriptions (ws://.../graphql). */
  wsUrl: string;
  /** The server's change feed (its `size` is the number of subscriptions open). */
  changes: ChangeFeed;
  /** POSTs a GraphQL operation; resolves with the HTTP status and the parsed body. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Like `gql`, but fails the test on any error and returns `data`. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The server's queue of expensive work: a test can take its places to hold it full. */
  work: WorkQueue;
  close(): Promise<void>;
}

/**
 * How a test server is built: `auth`, `limits`, `exposure`, `slowQueryMs`, `textLimits` and `clientLimits` as
 * in ServerDeps (no per-client limits unless given: the suite sends many requests quickly from
 * one address); `httpServer` as config.httpServer (the service's defaults unless given).
 */
export interface TestServerOptions {
  auth?: Authenticator;
  limits?: RequestLimits;
  exposure?: Exposure;
  slowQueryMs?: number;
  textLimits?: TextLimits;
  clientLimits?: ClientLimitSettings;
  httpServer?: HttpServerSettings;
  /** As ServerDeps.starting: why the service is still starting, or null (always null unless given). */
  starting?: () => string | null;
  /** TRUSTED_DOCUMENTS (`allow` unless given). */
  trustedDocuments?: TrustedDocumentsMode;
  /** As ServerDeps.subscriptions (the service's defaults unless given). */
  subscriptions?: SubscriptionSettings;
}

/** Starts the service on a free port; `log` collects what the server would log. */
export async function startTestServer(db: Database, log: string[] = [], options: TestServerOptions = {}): Promise<TestServer> {
  const server = await createServer({
    db,
    log: (line) => log.push(line),
    readiness: () => readinessProblem(db),
    starting: options.starting,
    auth: options.auth,
    limits: options.limits,
    exposure: options.exposure,
    slowQueryMs: options.slowQueryMs,
    textLimits: options.textLimits,
    clientLimits: options.clientLimits,
    trustedDocuments: options.trustedDocuments,
    subscriptions: options.subscriptions,
  });
  // The same http.Server settings as `npm start` (src/http/listener.ts), with its WebSocket subscriptions.
  const http: HttpServer = createHttpServer((req, res) => void server.handle(req, res), options.httpServer);
  server.attach(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const gql = async <T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  return {
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/graphql`,
    changes: server.changes,
    gql,
    work: server.work,
    data: async <T>(query: string, variables?: Record<string, unknown>) => {
      const response = await gql<T>(query, variables);
      if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
      return response.data as T;
    },
    close: async () => {
      await server.subscriptions.close();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
      await server.stop();
    },
  };
}

/**
 * For a test file: opens the test database and starts the service on it before the tests, and
 * closes both after them. Read `.api` and `.db` inside tests (they are set in beforeAll).
 */
export function useTestApi(options: TestServerOptions = {}): { readonly api: TestServer; readonly db: Database } {
  const handle = {} as { api: TestServer; db: Database };
  beforeAll(async () => {
    handle.db = openTestDatabase();
    handle.api = await startTestServer(handle.db, [], options);
  });
  afterAll(async () => {
    await handle.api?.close();
    await handle.db?.driver.close();
  });
  return handle;
}
