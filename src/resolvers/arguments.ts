/** Checks of scalar arguments; a bad value is a BAD_USER_INPUT error naming the argument. */
import { BadUserInputError } from '../errors';
import { isOrderedRange } from '../repositories/date-range';

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
