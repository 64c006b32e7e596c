/**
 * How the command-line tools end: exit 0 on success, 2 on a bad command line (printed with the
 * usage), and 1 on bad input or any other failure, printed for a person to read.
 */
import { ConfigError } from '../config';
import { DatabaseUnreachableError } from '../db/connect';
import { LocalDatabaseBusyError } from '../db/owner-file';
import { InvalidFactsError } from '../ingest/seed';
import { LoadConflictError } from '../repositories/resolution-lookups';

/** A mistake in the command line: reported with the usage, exit code 2. */
export class UsageError extends Error {}

/** Runs a command's `main` and exits with its code, or with the code its error calls for. */
export function runCli(main: (argv: string[]) => Promise<number>, usage: string): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n${usage}`);
        process.exit(2);
      }
      if (
        error instanceof InvalidFactsError ||
        error instanceof ConfigError ||
        error instanceof LocalDatabaseBusyError ||
        error instanceof DatabaseUnreachableError
      )
        console.error(error.message);
      else if (error instanceof LoadConflictError) console.error(`A document conflicts with the graph; nothing was written:\n${error.message}`);
      else console.error(error);
      process.exit(1);
    },
  );
}
