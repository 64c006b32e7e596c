/**
 * Calendar buckets for `timelineBuckets`: the first day of the day, week (Monday start) or month a
 * day falls in, and every bucket between two days. Days are ISO strings (`2026-02-01`), handled
 * in UTC so no time zone moves a day.
 */

export type Interval = 'DAY' | 'WEEK' | 'MONTH';

const DAY_MS = 86_400_000;

function toTime(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function toDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The last day of the period a partial date names (`2026-02` -> `2026-02-28`). */
export function periodLastDay(date: string): string {
  const year = Number(date.slice(0, 4));
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) return toDay(Date.UTC(year, Number(date.slice(5, 7)), 0));
  return date;
}

/** The first day of the bucket `day` falls in. */
export function bucketStart(day: string, interval: Interval): string {
  if (interval === 'DAY') return toDay(toTime(day));
  if (interval === 'MONTH') return `${day.slice(0, 7)}-01`;
  const time = toTime(day);
  const sinceMonday = (new Date(time).getUTCDay() + 6) % 7;
  return toDay(time - sinceMonday * DAY_MS);
}

/** The first day of the bucket after the one starting on `start`. */
function nextBucket(start: string, interval: Interval): string {
  if (interval === 'MONTH') {
    const year = Number(start.slice(0, 4));
    const month = Number(start.slice(5, 7));
    return toDay(Date.UTC(year, month, 1));
  }
  return toDay(toTime(start) + (interval === 'DAY' ? 1 : 7) * DAY_MS);
}

/**
 * The first days of every bucket from the one holding `firstDay` to the one holding `lastDay`, or
 * null when there would be more than `max` of them.
 */
export function bucketStarts(firstDay: string, lastDay: string, interval: Interval, max: number): string[] | null {
  const starts: string[] = [];
  const end = bucketStart(lastDay, interval);
  for (let start = bucketStart(firstDay, interval); start <= end; start = nextBucket(start, interval)) {
    if (starts.length === max) return null;
    starts.push(start);
  }
  return starts;
}
