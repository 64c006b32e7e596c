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
 * Predicates that `expression` (a stored partial date, or null) overlaps `range`; `param` stores a
 * value as a parameter and returns its `$name`. Null dates never match a range.
 */
export function dateRangePredicates(expression: string, range: DateRange, param: (value: unknown) => string): string[] {
  const predicates: string[] = [];
  if (range.from != null) {
    // Every date overlapping the range is at least the range's first year, as a string.
    const from = param(periodStart(range.from));
    predicates.push(`${expression} >= ${param(range.from.slice(0, 4))}`, `left(${expression} + '-99-99', 10) >= ${from}`);
  }
  if (range.to != null) {
    // A partial date sorts before its own first day, so this bound is safe for the index.
    const to = param(periodEnd(range.to));
    predicates.push(`${expression} <= ${to}`, `left(${expression} + '-01-01', 10) <= ${to}`);
  }
  return predicates;
}

/** The same predicates as a filter whose parameter names start with `prefix`. */
export function dateRangeFilter(expression: string, range: DateRange, prefix: string): Filter {
  const params: Record<string, unknown> = {};
  const param = (value: unknown) => {
    const name = `${prefix}${Object.keys(params).length}`;
    params[name] = value;
    return `$${name}`;
  };
  return { predicates: dateRangePredicates(expression, range, param), params };
}

/** Whether a range's ends are in order (`from` not after `to`). */
export function isOrderedRange(range: DateRange): boolean {
  return range.from == null || range.to == null || periodStart(range.from) <= periodEnd(range.to);
}

/**
 * Predicates on a relationship `r` with `since`/`until` dates (an office held, a relation) that it
 * was in force at some time in `range`. Open or unknown ends do not exclude: a holding with no
 * dates counts as in force. Parameter names start with `prefix`.
 */
export function inForceFilter(range: DateRange, prefix: string): Filter {
  const params: Record<string, unknown> = {};
  const predicates: string[] = [];
  if (range.to != null) {
    params[`${prefix}To`] = periodEnd(range.to);
    predicates.push(`(r.since IS NULL OR left(r.since + '-01-01', 10) <= $${prefix}To)`);
  }
  if (range.from != null) {
    params[`${prefix}From`] = periodStart(range.from);
    predicates.push(`(r.until IS NULL OR left(r.until + '-99-99', 10) >= $${prefix}From)`);
  }
  return { predicates, params };
}

/** Dates an office or relation must have been in force in (`asOf` is a one-day range). */
export interface InForce {
  asOf?: string | null;
  during?: DateRange | null;
}

/** The range an `InForce` argument pair stands for. */
export function inForceRange({ asOf, during }: InForce): DateRange {
  return asOf != null ? { from: asOf, to: asOf } : (during ?? {});
}
