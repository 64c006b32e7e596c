/**
 * Seeding: read and validate every file first, and write only when all are valid, each file in
 * its own transaction. Used by `npm run seed` and by `npm start` on an empty graph.
 */
import type { Database } from '../db/driver';
import { LoadConflictError, type LoadSummary, loadDocument } from '../repositories/load-repository';
import { readFactsFile } from './read';
import type { Problem, ValidDocument } from './validate';

/** Every problem found in the files; nothing was written. */
export class InvalidFactsError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem(s) in the facts files; nothing was written:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'InvalidFactsError';
  }
}

/** Validates all `files`; throws {@link InvalidFactsError} listing every problem in all of them. */
export async function validateFiles(files: string[]): Promise<ValidDocument[]> {
  const results = await Promise.all(files.map(readFactsFile));
  const problems = results.flatMap((r) => (r.ok ? [] : r.problems));
  if (problems.length) throw new InvalidFactsError(problems);
  return results.map((r) => (r.ok ? r.value : (undefined as never)));
}

/** Validates all files, then loads them one transaction each. */
export async function seedFiles(db: Database, files: string[], log: (line: string) => void): Promise<LoadSummary[]> {
  const documents = await validateFiles(files);
  const summaries: LoadSummary[] = [];
  for (const [i, document] of documents.entries()) {
    const started = Date.now();
    const summary = await loadDocument(db, document).catch((error: unknown) => {
      if (!(error instanceof LoadConflictError)) throw error;
      throw new LoadConflictError(error.problems.map((p) => ({ ...p, path: `${files[i]}: ${p.path}` })));
    });
    summaries.push(summary);
    log(
      `[seed] ${files[i]}: ${summary.entities} entities, ${summary.relationships} relationships ` +
        `(${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships created, ` +
        `${summary.nodesDeleted + summary.relationshipsDeleted} removed) in ${Date.now() - started} ms`,
    );
  }
  return summaries;
}
