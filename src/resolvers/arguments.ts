/** Checks of scalar arguments; a bad value is a BAD_USER_INPUT error naming the argument. */
import { BadUserInputError } from '../errors';
import { bucketStarts, type Interval, periodLastDay } from '../analytics/buckets';
import { MAX_BUCKETS } from '../repositories/analytics-repository';
import { isOrderedRange, periodStart } from '../repositories/date-range';

/** `value` (or `fallback` when null or absent), checked to be an integer in [range.min, range.max]. */
export function intArgument(name: string, value: number | null | undefined, fallback: number, range: { min: number; max: number }): number {
  const checked = value ?? fallback;
  if (!Number.isInteger(checked) || checked < range.min || checked > range.max) {
    throw new BadUserInputError(`${name} must be between ${range.min} and ${range.max}; got ${value}.`, name);
  }
  return checked;
}

/** A date range whose ends are in order: a range with no day in it is refused, naming `from`. */
export function dateRangeArguments(from: string | null | undefined, to: string | null | undefined): { from: string | null; to: string | null } {
  if (!isOrderedRange({ from, to })) {
    throw new BadUserInputError(`from (${from}) must not be after to (${to}).`, 'from');
  }
  return { from: from ?? null, to: to ?? null };
}

/**
 * A bucketed date range: `from` not after `to`, and at most MAX_BUCKETS buckets of `interval`
 * between them (too many is refused naming `interval`). Returns `from` and the last day of `to`.
 */
export function bucketRangeArguments(from: string, to: string, interval: Interval): { from: string; lastDay: string } {
  dateRangeArguments(from, to);
  const lastDay = periodLastDay(to);
  if (bucketStarts(periodStart(from), lastDay, interval, MAX_BUCKETS) === null) {
    throw new BadUserInputError(
      `from ${from} to ${to} holds more than ${MAX_BUCKETS} buckets of one ${interval.toLowerCase()}; choose a longer interval or a shorter range.`,
      'interval',
    );
  }
  return { from, lastDay };
}

/** An optional list argument of at most `max` items. */
export function listArgument<T>(name: string, value: readonly T[] | null | undefined, max: number): T[] | null {
  if (value == null) return null;
  if (value.length > max) throw new BadUserInputError(`${name} may hold at most ${max} items; got ${value.length}.`, name);
  return [...value];
}
