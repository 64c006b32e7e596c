/** The bootstrap interval extract:eval prints beside its corpus figures (src/extract/interval.ts). */
import { articleInterval } from '../../src/extract/interval';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

test('articles that all score the same give an interval of no width', () => {
  expect(articleInterval([0.8, 0.8, 0.8, 0.8], mean)).toEqual([0.8, 0.8]);
});

test('a hundred articles, half right and half wrong: the 95% interval of the mean is about 0.5 ± 0.1, the same on every run', () => {
  const items = Array.from({ length: 100 }, (_, i) => i % 2);
  const [low, high] = articleInterval(items, mean);
  // The normal approximation gives 0.5 ± 1.96 × 0.05.
  expect(low).toBeGreaterThan(0.38);
  expect(low).toBeLessThan(0.42);
  expect(high).toBeGreaterThan(0.58);
  expect(high).toBeLessThan(0.62);
  expect(articleInterval(items, mean)).toEqual([low, high]);
  // A narrower level gives a narrower interval.
  const [low50, high50] = articleInterval(items, mean, { level: 0.5 });
  expect(high50 - low50).toBeLessThan(high - low);
});

test('no articles give no interval', () => {
  expect(articleInterval([], mean)).toEqual([Number.NaN, Number.NaN]);
});
