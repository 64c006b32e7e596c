/**
 * The analytics cache: results of analytics queries kept in the server process between requests,
 * keyed by the query and its arguments and valid for one graph version.
 *
 * Every write to the graph (each load transaction, and any future mutation) bumps the version
 * stored on the `GraphMeta` node, so an entry computed for an older version is never served: a
 * request reads the current version first (one lookup by id) and only then looks here. Because the
 * version is read before the result is computed, a result is never older than the version it is
 * stored under; a load that commits in between at worst makes the next request recompute.
 */

/** How many results one server keeps at most; the oldest go first. */
const DEFAULT_MAX_ENTRIES = 500;

/** One cache per server (see `createServer`); shared by all requests, never by two servers. */
export class AnalyticsCache {
  private version: number | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries = DEFAULT_MAX_ENTRIES) {}

  /**
   * The cached result of `key` at graph `version`, computing (and keeping) it when there is none.
   * A version other than the one held drops every entry; a failed computation is not kept.
   */
  get<T>(version: number, key: string, compute: () => Promise<T>): Promise<T> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert so the Map's order is least recently used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const result = compute();
    this.entries.set(key, result);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    result.catch(() => {
      if (this.entries.get(key) === result) this.entries.delete(key);
    });
    return result;
  }

  /** Number of results held (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }
}
