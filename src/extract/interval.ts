/**
 * How far a corpus figure could move by the luck of which articles the corpus holds: a percentile
 * bootstrap over articles. The articles are drawn again with replacement, as many as there are,
 * `draws` times; the statistic is worked out on each draw, and the interval is the middle `level` of
 * those values. Articles, not quotes or entities, are what is drawn: the items of one article share
 * an outlet and a house style, so they do not vary on their own. Draws are seeded, so the same
 * corpus always prints the same interval.
 */

export interface IntervalOptions {
  /** How many samples are drawn (2,000 by default). */
  draws?: number;
  /** The share of the draws the interval holds (0.95 by default). */
  level?: number;
  /** The seed of the draws. */
  seed?: number;
}

/** The `level` percentile interval of `statistic` over samples of `items` drawn with replacement. */
export function articleInterval<T>(items: T[], statistic: (sample: T[]) => number, options: IntervalOptions = {}): [number, number] {
  const { draws = 2_000, level = 0.95, seed = 1 } = options;
  if (items.length === 0) return [Number.NaN, Number.NaN];
  let state = seed >>> 0 || 1;
  // xorshift32: small, seeded and good enough to pick articles.
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
  const values: number[] = [];
  for (let d = 0; d < draws; d += 1) {
    const sample = Array.from({ length: items.length }, () => items[Math.floor(next() * items.length)]);
    values.push(statistic(sample));
  }
  values.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))];
  return [at(tail), at(1 - tail)];
}
