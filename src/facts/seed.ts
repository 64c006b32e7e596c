/**
 * Seeding: read and validate every document first, and write only when all are valid, several
 * documents per transaction. Used by `npm run seed`, `npm run generate -- --load` and by
 * `npm start` on an empty graph.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/driver';
import { checkTypeConflicts, type LabelledDocument, type LoadSummary, labelsOf, loadBatch } from '../repositories/load-repository';
import { readFactsFile } from './read';
import { type Problem, type ValidDocument, validateFacts } from './validate';

/** Every problem found in the documents; nothing was written. */
export class InvalidFactsError extends Error {
  constructor(readonly problems: Problem[]) {
    const shown = problems.slice(0, 50).map((p) => `  ${p.path}: ${p.message}`);
    if (problems.length > shown.length) shown.push(`  ... and ${problems.length - shown.length} more`);
    super(`${problems.length} problem(s) in the facts files; nothing was written:\n${shown.join('\n')}`);
    this.name = 'InvalidFactsError';
  }
}

/** How a load is cut into transactions and reported. */
export interface LoadOptions {
  /** Progress lines go here (at most one per `progressEveryMs`) and a summary at the end. */
  log?: (line: string) => void;
  /**
   * A transaction ends with the first document that brings it to this many relationships. Bigger
   * batches mean fewer round trips and commits; a batch is all-or-nothing.
   */
  batchRelationships?: number;
  progressEveryMs?: number;
}

/** Relationships per transaction; measured best on the project machine (see README). */
export const DEFAULT_BATCH_RELATIONSHIPS = 5_000;

/** Files to read for the given paths: a directory stands for the `*.json` files in it, by name. */
export async function listFactsFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.endsWith('.json')).sort();
      files.push(...names.map((name) => join(path, name)));
    } else {
      files.push(path); // a missing file is reported by validation, with its name
    }
  }
  return files;
}

/** Validates all `files`; throws {@link InvalidFactsError} listing every problem in all of them. */
export async function validateFiles(files: string[]): Promise<ValidDocument[]> {
  const results = await mapLimited(files, 16, readFactsFile);
  return collect(results, files);
}

/**
 * Validates in-memory documents (parsed JSON or generated); problems are named
 * `<label>: <record path>`, the label defaulting to `document <n>`.
 */
export function validateDocuments(inputs: unknown[], labels?: string[]): ValidDocument[] {
  const names = labels ?? inputs.map((_, i) => `document ${i + 1}`);
  const results = inputs.map((input, i) => {
    const result = validateFacts(input);
    return result.ok ? result : { ok: false as const, problems: result.problems.map((p) => ({ ...p, path: `${names[i]}: ${p.path}` })) };
  });
  return collect(results, names);
}

/** Validates in-memory documents, then loads them; for tests and benchmarks that need no files. */
export async function loadFacts(db: Database, inputs: unknown[], options: LoadOptions = {}): Promise<LoadSummary[]> {
  const labels = inputs.map((input, i) => `document ${i + 1}${sourceIdOf(input)}`);
  const documents = validateDocuments(inputs, labels);
  return loadDocuments(
    db,
    documents.map((valid, i) => ({ valid, label: labels[i] })),
    options,
  );
}

/** Validates all files, then loads them. */
export async function seedFiles(db: Database, files: string[], log: (line: string) => void, options: Omit<LoadOptions, 'log'> = {}): Promise<LoadSummary[]> {
  const documents = await validateFiles(files);
  return loadDocuments(
    db,
    documents.map((valid, i) => ({ valid, label: files[i] })),
    { ...options, log },
  );
}

/**
 * Loads validated documents in batches, one write transaction each, and returns what each
 * transaction did. Conflicts with the graph (an id stored as another type) are looked for in all
 * documents before the first write, so a refused load writes nothing; each batch also re-checks
 * its own documents inside its transaction.
 */
export async function loadDocuments(db: Database, documents: LabelledDocument[], options: LoadOptions = {}): Promise<LoadSummary[]> {
  const { log = () => undefined, batchRelationships = DEFAULT_BATCH_RELATIONSHIPS, progressEveryMs = 2_000 } = options;
  const started = Date.now();
  let lastReport = started;
  let done = 0;
  let relationships = 0;
  const summaries: LoadSummary[] = [];
  const rate = () => Math.round(relationships / Math.max(0.001, (Date.now() - started) / 1000));
  await checkTypeConflicts(db, documents);

  let batch: LabelledDocument[] = [];
  let batchSources = new Set<string>();
  let batchRelationshipCount = 0;
  const flush = async () => {
    if (!batch.length) return;
    const summary = await loadBatch(db, batch);
    summaries.push(summary);
    done += batch.length;
    relationships += summary.relationships;
    batch = [];
    batchSources = new Set();
    batchRelationshipCount = 0;
    if (Date.now() - lastReport >= progressEveryMs && done < documents.length) {
      lastReport = Date.now();
      log(`[load] ${done}/${documents.length} documents, ${relationships} relationships, ${rate()} relationships/s, ${((Date.now() - started) / 1000).toFixed(1)} s elapsed`);
    }
  };
  for (const document of documents) {
    // A source loaded twice in one load: the later version must see the earlier one committed.
    if (batchSources.has(document.valid.doc.source.id)) await flush();
    batch.push(document);
    batchSources.add(document.valid.doc.source.id);
    batchRelationshipCount += document.valid.doc.relationships.length;
    if (batchRelationshipCount >= batchRelationships) await flush();
  }
  await flush();

  const total = (key: keyof Omit<LoadSummary, 'sourceIds'>) => summaries.reduce((n, s) => n + s[key], 0);
  const name = documents.length === 1 ? (documents[0].label ?? documents[0].valid.doc.source.id) : `${documents.length} documents`;
  log(
    `[seed] ${name}: ${total('entities')} entities, ${total('relationships')} relationships ` +
      `(${total('nodesCreated')} nodes and ${total('relationshipsCreated')} relationships created, ` +
      `${total('nodesDeleted') + total('relationshipsDeleted')} removed, ${total('reloaded')} sources reloaded) ` +
      `in ${Date.now() - started} ms, ${summaries.length} transaction(s), ${rate()} relationships/s`,
  );
  return summaries;
}

/** Gathers results; throws every problem at once, including ids typed differently across documents. */
function collect(results: ({ ok: true; value: ValidDocument } | { ok: false; problems: Problem[] })[], labels: string[]): ValidDocument[] {
  const problems = results.flatMap((r) => (r.ok ? [] : r.problems));
  if (problems.length) throw new InvalidFactsError(problems);
  const documents = results.map((r) => (r.ok ? r.value : (undefined as never)));
  const crossProblems = typeConflicts(documents, labels);
  if (crossProblems.length) throw new InvalidFactsError(crossProblems);
  return documents;
}

/**
 * One id must mean one kind of thing in every document of a load; otherwise a batch would merge
 * two things into one node. Caught here so that nothing is written.
 */
function typeConflicts(documents: ValidDocument[], labels: string[]): Problem[] {
  const first = new Map<string, { labels: string; type: string; where: string }>();
  const problems: Problem[] = [];
  documents.forEach(({ doc }, d) => {
    doc.entities.forEach((entity, i) => {
      const seen = first.get(entity.id);
      if (!seen) first.set(entity.id, { labels: labelsOf(entity.type), type: entity.type, where: labels[d] });
      else if (seen.labels !== labelsOf(entity.type)) {
        problems.push({ path: `${labels[d]}: entities[${i}] (${entity.id}).type`, message: `"${entity.id}" is a ${seen.type} in ${seen.where}, not a ${entity.type}` });
      }
    });
  });
  return problems;
}

function sourceIdOf(input: unknown): string {
  const id = (input as { source?: { id?: unknown } } | null)?.source?.id;
  return typeof id === 'string' ? ` (${id})` : '';
}

/** Like Promise.all over `items`, with at most `limit` calls in flight (thousands of files would exhaust file handles). */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
