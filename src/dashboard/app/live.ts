/**
 * Live updates: a graphql-ws subscription to the graph's changes on this service's `/graphql`;
 * after each change (several close together count once) `refresh` runs, so the panels show the
 * graph as it is without a reload. The last version seen is kept in `body[data-graph-version]`.
 */
import { createClient } from 'graphql-ws';
import { DashboardChangesDocument, type DashboardChangesSubscription } from '../gql/graphql';

/** How long to wait after a change for more before refreshing: a load makes one change per source. */
const SETTLE_MS = 300;

/** Subscribes to changes and calls `refresh` after each burst of them. */
export function followChanges(refresh: () => Promise<unknown>): void {
  const client = createClient({ url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`, retryAttempts: Infinity });
  let timer: number | undefined;
  const hash = String(DashboardChangesDocument.__meta__?.hash ?? '').replace(/^sha256:/, '');
  client.subscribe<DashboardChangesSubscription>(
    // By hash, as the other operations go (./client.ts), so it runs with TRUSTED_DOCUMENTS=only.
    hash ? { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: hash } } } : { query: DashboardChangesDocument.toString() },
    {
      next: ({ data }) => {
        if (!data) return;
        document.body.dataset.graphVersion = String(data.graphChanged.version);
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          void refresh().then(() => (document.body.dataset.refreshedVersion = String(data.graphChanged.version)));
        }, SETTLE_MS);
      },
      error: () => (document.body.dataset.live = 'off'),
      complete: () => (document.body.dataset.live = 'off'),
    },
  );
  client.on('connected', () => (document.body.dataset.live = 'on'));
  client.on('closed', () => (document.body.dataset.live = 'off'));
}
