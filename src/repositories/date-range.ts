/**
 * Date-range filters over partial dates. A stored date such as `2026` or `2026-02` stands for the
 * whole period it names, so it matches a range when that period overlaps the range: `2026`
 * matches `from: 2026-03-01`. Dates are stored as ISO strings, which sort like the dates they are;
 * the predicate starts with plain comparisons so a range index on the property can serve it.
 */
import type { Filter } from './graph-reader';

/** An inclusive range of partial dates; either end may be open. */
export interface DateRange {
  from?: string | null;
  to?: string | null;
}

/** The first day of the period a partial date names (`2026-02` -> `2026-02-01`). */
export function periodStart(date: string): string {
  return `${date}-01-01`.slice(0, 10);
}

/**
 * An upper bound of the period a partial date names, as a string that sorts after every day in it
 * and before the next period (`2026-02` -> `2026-02-99`).
 */
export function periodEnd(date: string): string {
  return `${date}-99-99`.slice(0, 10);
}

/**
 * Predicates that `expression` (a stored partial date, or null) overlaps `range`. Parameter names
 * start with `param`. Null dates never match a range.
 */
export function dateRangeFilter(expression: string, range: DateRange, param: string): Filter {
  const predicates: string[] = [];
  const params: Record<string, unknown> = {};
  if (range.from != null) {
    // Every date overlapping the range is at least the range's first year, as a string.
    params[`${param}FromYear`] = range.from.slice(0, 4);
    params[`${param}From`] = periodStart(range.from);
    predicates.push(`${expression} >= $${param}FromYear`, `left(${expression} + '-99-99', 10) >= $${param}From`);
  }
  if (range.to != null) {
    // A partial date sorts before its own first day, so this bound is safe for the index.
    params[`${param}To`] = periodEnd(range.to);
    predicates.push(`${expression} <= $${param}To`, `left(${expression} + '-01-01', 10) <= $${param}To`);
  }
  return { predicates, params };
}
