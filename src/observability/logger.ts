/**
 * Structured logs: one JSON object a line (pino), so a log pipeline can filter by request id,
 * operation or level. The older `log(line)` callers keep working through `lineLogger`.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** The service's root logger at `level`, writing JSON lines to `destination` (stderr by default). */
export function createLogger(level = 'info', destination: DestinationStream = pino.destination(2)): Logger {
  return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/**
 * A logger whose JSON lines go to `log`: how a caller that only has a `log(line)` function (the
 * tests, which collect lines) still receives the structured records.
 */
export function loggerOver(log: (line: string) => void, level = 'info'): Logger {
  return createLogger(level, { write: (chunk: string) => log(chunk.trimEnd()) });
}

/**
 * The `log(line)` function the rest of the code takes, over a structured logger, at `level`
 * (info by default; `lineLogger(logger, 'error')` for faults an operator must see). A leading
 * `[tag]` becomes the `component` field, so `[neo4j] ...` lines stay searchable by component.
 */
export function lineLogger(logger: Logger, level: 'info' | 'warn' | 'error' = 'info'): (line: string) => void {
  return (line) => {
    const match = /^\[([\w-]+)\]\s*(.*)$/s.exec(line);
    if (match) logger[level]({ component: match[1] }, match[2]);
    else logger[level](line);
  };
}

/** Longest client-chosen text (an operation name) a log line repeats before cutting it. */
export const MAX_LOGGED_NAME = 100;

/**
 * `text` cut to `max` characters with a marker saying how much was left out, so a client cannot
 * fill the logs through a field it chooses (a 900 KB operation name was logged whole).
 */
export function cutForLog(text: string, max = MAX_LOGGED_NAME): string {
  if (text.length <= max) return text;
  // Never split a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end)}…[cut: ${text.length - end} more characters]`;
}
