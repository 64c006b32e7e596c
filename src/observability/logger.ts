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
 * (info unless said). A leading `[tag]` becomes the `component` field, so `[neo4j] ...` lines stay
 * searchable by component.
 */
export function lineLogger(logger: Logger, level: 'info' | 'warn' | 'error' = 'info'): (line: string) => void {
  return (line) => {
    const match = /^\[([\w-]+)\]\s*(.*)$/s.exec(line);
    if (match) logger[level]({ component: match[1] }, match[2]);
    else logger[level](line);
  };
}
