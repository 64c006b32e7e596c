/** The pure parts of analytics: PageRank, calendar buckets and the version-keyed cache. */
import { bucketStart, bucketStarts, periodLastDay } from '../../src/analytics/buckets';
import { AnalyticsCache } from '../../src/analytics/cache';
import { pageRank } from '../../src/analytics/pagerank';

describe('pageRank', () => {
  test('scores sum to 1 with dangling nodes, and a symmetric pair scores equally', () => {
    const scores = pageRank(
      ['a', 'b', 'c', 'lonely'],
      [
        { a: 'a', b: 'b', weight: 2 },
        { a: 'b', b: 'c', weight: 1 },
      ],
    );
    const total = [...scores.values()].reduce((s, x) => s + x, 0);
    expect(total).toBeCloseTo(1, 9);
    expect(scores.get('b')!).toBeGreaterThan(scores.get('a')!);
    expect(scores.get('a')!).toBeGreaterThan(scores.get('c')!);
    expect(scores.get('lonely')!).toBeLessThan(scores.get('c')!);
    const pair = pageRank(['x', 'y'], [{ a: 'x', b: 'y', weight: 3 }]);
    expect(pair.get('x')).toBeCloseTo(0.5, 9);
  });

  test('a star: the centre holds the stationary share of a weighted walk', () => {
    // Undirected star with 3 leaves: centre r = 0.15/4 + 0.85 * 3 * leaf; leaf = 0.15/4 + 0.85 * r/3.
    const scores = pageRank(
      ['c', 'l1', 'l2', 'l3'],
      ['l1', 'l2', 'l3'].map((l) => ({ a: 'c', b: l, weight: 1 })),
      { tolerance: 1e-12, maxIterations: 1000 },
    );
    const leaf = scores.get('l1')!;
    const centre = scores.get('c')!;
    expect(centre).toBeCloseTo(0.15 / 4 + 0.85 * 3 * leaf, 9);
    expect(leaf).toBeCloseTo(0.15 / 4 + (0.85 * centre) / 3, 9);
  });

  test('no nodes, no scores; every node gets 1/n without edges', () => {
    expect(pageRank([], []).size).toBe(0);
    expect([...pageRank(['a', 'b'], []).values()]).toEqual([0.5, 0.5]);
  });
});

describe('buckets', () => {
  test('weeks start on Monday, months on the 1st', () => {
    expect(bucketStart('2026-03-01', 'WEEK')).toBe('2026-02-23'); // a Sunday
    expect(bucketStart('2026-02-23', 'WEEK')).toBe('2026-02-23'); // a Monday
    expect(bucketStart('2026-02-17', 'MONTH')).toBe('2026-02-01');
    expect(bucketStart('2026-02-17', 'DAY')).toBe('2026-02-17');
  });

  test('every bucket between two days, across year ends; too many is null', () => {
    expect(bucketStarts('2025-11-15', '2026-02-01', 'MONTH', 10)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(bucketStarts('2025-12-30', '2026-01-02', 'DAY', 10)).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    expect(bucketStarts('2026-01-01', '2026-01-12', 'WEEK', 10)).toEqual(['2025-12-29', '2026-01-05', '2026-01-12']);
    expect(bucketStarts('2026-01-01', '2026-01-11', 'DAY', 10)).toBeNull();
    expect(bucketStarts('2026-01-01', '2026-01-10', 'DAY', 10)).toHaveLength(10);
  });

  test('the last day of a partial date', () => {
    expect(periodLastDay('2024-02')).toBe('2024-02-29');
    expect(periodLastDay('2026-12')).toBe('2026-12-31');
    expect(periodLastDay('2026')).toBe('2026-12-31');
    expect(periodLastDay('2026-03-04')).toBe('2026-03-04');
  });
});

describe('AnalyticsCache', () => {
  test('reuses a result for the same version and key, recomputes after a version change', async () => {
    const cache = new AnalyticsCache();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get(1, 'k', compute)).toBe(1);
    expect(await cache.get(1, 'k', compute)).toBe(1);
    expect(await cache.get(1, 'other', compute)).toBe(2);
    expect(await cache.get(2, 'k', compute)).toBe(3);
    expect(cache.size).toBe(1);
  });

  test('does not keep failures, and holds at most its size', async () => {
    const cache = new AnalyticsCache(2);
    await expect(cache.get(1, 'k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get(1, 'k', async () => 'ok')).toBe('ok');
    await cache.get(1, 'a', async () => 1);
    await cache.get(1, 'b', async () => 2);
    expect(cache.size).toBe(2);
    expect(await cache.get(1, 'k', async () => 'recomputed')).toBe('recomputed');
  });
});
