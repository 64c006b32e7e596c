/**
 * Seeding: read and validate every document, resolve their entities against the graph, and write
 * only when all of that succeeded, several documents per transaction. Used by `npm run seed`,
 * `npm run generate -- --load` and by `npm start` on an empty graph.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/driver';
import { type ChangeCounts, type LabelledDocument, type LoadSummary, loadBatch } from '../repositories/claim-writer';
import { checkTypeConflicts, findResolutionCandidates, LoadConflictError } from '../repositories/resolution-lookups';
import { labelsOf } from '../repositories/storage';
import { DEFAULT_FILE_RULES, type FileRules, readFactsFile } from './read';
import { type HeldEntity, type Merge, type Resolution, resolutionQuery, resolveEntities } from '../facts/resolve';
import type { MergeToRecord } from '../repositories/resolution-records';
import { formatProblem, type Problem, type ValidationResult, type ValidDocument, validateFacts } from '../facts/validate';

/** Every problem found in the documents; nothing was written. */
export class InvalidFactsError extends Error {
  constructor(readonly problems: Problem[]) {
    const shown = problems.slice(0, 50).map((p) => `  ${formatProblem(p)}`);
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
  /** Run every transaction and roll it back: report what would change, change nothing. */
  dryRun?: boolean;
}

/** Relationships per transaction; measured best on the project machine (see docs/performance.md, "Loading with claims"). */
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

/**
 * Reads and validates every file, without stopping at the first bad one. `rules` (config.facts)
 * say where text files may be read from and how large a text may be.
 */
export async function readFiles(files: string[], rules: FileRules = DEFAULT_FILE_RULES): Promise<LabelledResult[]> {
  const results = await mapLimited(files, 16, (file) => readFactsFile(file, rules));
  return results.map((result, i) => ({ label: files[i], result }));
}

/**
 * Validates in-memory documents (parsed JSON or generated); problems are named
 * `<label>: <record path>`, the label defaulting to `document <n>`.
 */
export function validateDocuments(inputs: unknown[], labels?: string[]): ValidDocument[] {
  return collect(labelResults(inputs, labels));
}

/** A document as read: its label (a file name) and whether it validated. */
export interface LabelledResult {
  label: string;
  result: ValidationResult;
}

function labelResults(inputs: unknown[], labels?: string[]): LabelledResult[] {
  const names = labels ?? inputs.map((input, i) => `document ${i + 1}${sourceIdOf(input)}`);
  return inputs.map((input, i) => {
    const result = validateFacts(input);
    return { label: names[i], result: result.ok ? result : { ok: false, problems: result.problems.map((p) => ({ ...p, path: `${names[i]}: ${p.path}` })) } };
  });
}

/** Documents ready to write, and those left out (with `skipInvalid`) with their problems. */
export interface PreparedLoad {
  documents: LabelledDocument[];
  skipped: { label: string; problems: Problem[] }[];
  /** Entities that resolved to a node under another id. */
  merges: Merge[];
  /** Entities that matched several nodes, held back for review with what depends on them (with `review`). */
  held: HeldEntity[];
  /** Entities left out (with the relationships touching them) because a curator dropped them before. */
  dropped: Resolution['dropped'];
}

/** How {@link prepareLoad} treats problems and uncertain matches. */
export interface PrepareOptions {
  /** Leave out the documents with problems and list them, instead of refusing the whole load. */
  skipInvalid?: boolean;
  /**
   * Hold back an entity that matches several nodes (and the relationships touching it) for a
   * curator, and load the rest of its document; without it, such an entity is a problem.
   */
  review?: boolean;
}

/**
 * Everything a load checks before writing: validity, drafts, one type per id across documents,
 * and entity resolution against the graph. Throws {@link InvalidFactsError} with every problem,
 * unless `skipInvalid`, which leaves out the documents with problems and lists them.
 */
export async function prepareLoad(db: Database, results: LabelledResult[], options: PrepareOptions = {}): Promise<PreparedLoad> {
  const { skipInvalid = false, review = false } = options;
  const skipped = new Map<string, Problem[]>();
  const skip = (label: string, problems: Problem[]) => skipped.set(label, [...(skipped.get(label) ?? []), ...problems]);
  for (const { label, result } of results) {
    if (!result.ok) skip(label, result.problems);
    else if (result.value.doc.draft) {
      skip(label, [{ path: `${label}: draft`, message: 'this is a draft from `npm run extract`; review every fact, then remove "draft": true to load it' }]);
    }
  }
  for (;;) {
    const valid = results.filter((r) => !skipped.has(r.label) && r.result.ok);
    const documents = valid.map((r) => (r.result as { ok: true; value: ValidDocument }).value);
    const labels = valid.map((r) => r.label);
    const conflicts = typeConflicts(documents, labels);
    conflicts.forEach(({ index, problem }) => skip(labels[index], [problem]));
    if (conflicts.length && skipInvalid) continue;
    const graph = await findResolutionCandidates(db, resolutionQuery(documents));
    const resolution = resolveEntities(documents, labels, graph, labelsOf, { review });
    resolution.problems.forEach((problems, i) => problems.length && skip(labels[i], problems));
    const problems = [...skipped.values()].flat();
    if (problems.length && !skipInvalid) throw new InvalidFactsError(problems);
    // Leaving a document out can change how later ones resolve (a sameAs to it): resolve again.
    if (resolution.problems.some((p) => p.length)) continue;
    return {
      documents: resolution.documents.map((doc, i) => ({
        valid: doc,
        label: labels[i],
        records: {
          merges: mergesToRecord(
            doc,
            resolution.merges.filter((m) => m.document === labels[i]),
          ),
          held: resolution.held[i],
        },
      })),
      skipped: [...skipped].map(([label, problems]) => ({ label, problems })),
      merges: resolution.merges,
      held: resolution.held.flat(),
      dropped: resolution.dropped,
    };
  }
}

/** What `seed --check` says of one file: what the load would do with it. */
export interface FileVerdict {
  label: string;
  /** `valid`: it would load (perhaps with entities held for review); `refused`: it would not. */
  status: 'valid' | 'refused';
  problems: Problem[];
  held: HeldEntity[];
  entities: number;
  relationships: number;
}

/**
 * Runs everything a load runs before it writes (validation, resolution against the graph with the
 * review queue, the type conflicts with the graph), reading only, and says per file what the load
 * would do. `writesNothing`: the load would refuse as a whole (a problem without `skipInvalid`,
 * or a type conflict with the graph, which the load checks over all documents before writing).
 */
export async function checkLoad(db: Database, results: LabelledResult[], skipInvalid = false): Promise<{ files: FileVerdict[]; writesNothing: boolean }> {
  const prepared = await prepareLoad(db, results, { skipInvalid: true, review: true });
  const problems = new Map(prepared.skipped.map((s) => [s.label, s.problems]));
  let conflicts = false;
  try {
    await checkTypeConflicts(db, prepared.documents);
  } catch (error) {
    if (!(error instanceof LoadConflictError)) throw error;
    conflicts = true;
    for (const problem of error.problems) {
      const label = prepared.documents.find((d) => d.label && problem.path.startsWith(`${d.label}: `))?.label ?? '(load)';
      problems.set(label, [...(problems.get(label) ?? []), problem]);
    }
  }
  const documents = new Map(prepared.documents.map((d) => [d.label, d]));
  const files = results.map(({ label }): FileVerdict => {
    const found = problems.get(label) ?? [];
    const doc = documents.get(label);
    return {
      label,
      status: found.length ? 'refused' : 'valid',
      problems: found,
      held: found.length ? [] : (doc?.records?.held ?? []),
      entities: doc?.valid.doc.entities.length ?? 0,
      relationships: doc?.valid.doc.relationships.length ?? 0,
    };
  });
  return { files, writesNothing: conflicts || (problems.size > 0 && !skipInvalid) };
}

/** Each merge with the record it wrote and the relationships of its document at the node: what `unmerge` splits out. */
function mergesToRecord(valid: ValidDocument, merges: Merge[]): MergeToRecord[] {
  return merges.flatMap((merge) => {
    const entity = valid.doc.entities.find((e) => e.id === merge.node);
    if (!entity) return [];
    const relationships = valid.doc.relationships.filter((r) => r.from === merge.node || r.to === merge.node);
    return [{ merge, entity, relationships }];
  });
}

/** Validates in-memory documents, then loads them; for tests and benchmarks that need no files. */
export async function loadFacts(db: Database, inputs: unknown[], options: LoadOptions = {}): Promise<LoadSummary[]> {
  const prepared = await prepareLoad(db, labelResults(inputs));
  return loadDocuments(db, prepared.documents, options);
}

/** Validates all files (under `options.files`, config.facts), resolves their entities, then loads them. */
export async function seedFiles(
  db: Database,
  files: string[],
  log: (line: string) => void,
  options: Omit<LoadOptions, 'log'> & { files?: FileRules } = {},
): Promise<LoadSummary[]> {
  const prepared = await prepareLoad(db, await readFiles(files, options.files), { review: true });
  logMerges(prepared.merges, log);
  logHeld(prepared, log);
  return loadDocuments(db, prepared.documents, { ...options, log });
}

/**
 * Lists the entities held back for review, each with its candidates and what waits with it, and
 * those left out again because a curator dropped them before.
 */
export function logHeld({ held, dropped }: Pick<PreparedLoad, 'held' | 'dropped'>, log: (line: string) => void, limit = 20): void {
  if (dropped.length) {
    log(`[review] ${dropped.length} entit${dropped.length === 1 ? 'y' : 'ies'} left out, as a curator dropped before (settleReviewItem DROP):`);
    dropped.slice(0, limit).forEach((d) => log(`  ${d.path}: "${d.name}"`));
    if (dropped.length > limit) log(`  ... and ${dropped.length - limit} more`);
  }
  if (!held.length) return;
  log(`[review] ${held.length} entit${held.length === 1 ? 'y waits' : 'ies wait'} for review (curators: the reviewItems query, settleReviewItem):`);
  for (const h of held.slice(0, limit)) {
    const name = 'name' in h.entity ? h.entity.name : h.entity.id;
    const candidates = h.candidates.map((c) => `${c.id} (${c.name})`).join(', ');
    log(`  ${h.path}: "${name}" matches ${candidates}; ${h.relationships.length} relationship(s) wait with it`);
  }
  if (held.length > limit) log(`  ... and ${held.length - limit} more`);
}

/** Says which entities landed on nodes under other ids, so a curator can check the matches. */
export function logMerges(merges: Merge[], log: (line: string) => void, limit = 20): void {
  if (!merges.length) return;
  log(`[resolve] ${merges.length} entit${merges.length === 1 ? 'y' : 'ies'} matched existing nodes:`);
  merges.slice(0, limit).forEach((m) => log(`  ${m.document}: ${m.entity} -> ${m.node} (by ${m.how})`));
  if (merges.length > limit) log(`  ... and ${merges.length - limit} more`);
}

/**
 * Loads validated documents in batches, one write transaction each, and returns what each
 * transaction did. Conflicts with the graph (an id stored as another type) are looked for in all
 * documents before the first write, so a refused load writes nothing; each batch also re-checks
 * its own documents inside its transaction.
 */
export async function loadDocuments(db: Database, documents: LabelledDocument[], options: LoadOptions = {}): Promise<LoadSummary[]> {
  const { log = () => undefined, batchRelationships = DEFAULT_BATCH_RELATIONSHIPS, progressEveryMs = 2_000, dryRun = false } = options;
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
    const summary = await loadBatch(db, batch, { dryRun });
    summaries.push(summary);
    done += batch.length;
    relationships += summary.relationships;
    batch = [];
    batchSources = new Set();
    batchRelationshipCount = 0;
    if (Date.now() - lastReport >= progressEveryMs && done < documents.length) {
      lastReport = Date.now();
      log(
        `[load] ${done}/${documents.length} documents, ${relationships} relationships, ${rate()} relationships/s, ${((Date.now() - started) / 1000).toFixed(1)} s elapsed`,
      );
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

  const total = (key: Exclude<keyof LoadSummary, 'sourceIds' | 'reloadedIds' | 'changes' | 'ms'>) => summaries.reduce((n, s) => n + s[key], 0);
  const changes = sumChanges(summaries.map((s) => s.changes));
  const name = documents.length === 1 ? (documents[0].label ?? documents[0].valid.doc.source.id) : `${documents.length} documents`;
  const seconds = Math.max(0.001, (Date.now() - started) / 1000);
  const facts = total('entities') + total('relationships');
  const line = (c: ChangeCounts['nodes']) => `${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged`;
  log(
    `[seed]${dryRun ? ' dry run, nothing written:' : ''} ${name}: ${total('entities')} entities, ${total('relationships')} relationships ` +
      `in ${Math.round(seconds * 1000)} ms, ${summaries.length} transaction(s), ${Math.round(facts / seconds)} facts/s (${rate()} relationships/s)\n` +
      `  nodes: ${line(changes.nodes)}; relationships: ${line(changes.relationships)}; ` +
      `removed: ${total('nodesDeleted')} nodes, ${total('relationshipsDeleted')} relationships; ` +
      `sources: ${total('reloaded')} replaced, ${documents.length - total('reloaded')} new`,
  );
  return summaries;
}

/**
 * The write rate (relationships per second of transaction time) over the batches that wrote the
 * first tenth of a load's relationships, and over those that wrote the last tenth: a loader whose
 * cost grows with the graph shows a last tenth slower than its first.
 */
export function tenthRates(summaries: LoadSummary[]): { first: number; last: number } {
  const total = summaries.reduce((n, s) => n + s.relationships, 0);
  const rate = (batches: LoadSummary[]) => {
    const ms = batches.reduce((n, s) => n + s.ms, 0);
    return Math.round(batches.reduce((n, s) => n + s.relationships, 0) / Math.max(0.001, ms / 1000));
  };
  const upTo = (list: LoadSummary[]) => {
    const taken: LoadSummary[] = [];
    let count = 0;
    for (const s of list) {
      if (count >= total / 10) break;
      taken.push(s);
      count += s.relationships;
    }
    return taken;
  };
  return { first: rate(upTo(summaries)), last: rate(upTo([...summaries].reverse())) };
}

/** Gathers results; throws every problem at once, including ids typed differently across documents. */
function collect(results: LabelledResult[]): ValidDocument[] {
  const problems = results.flatMap(({ result }) => (result.ok ? [] : result.problems));
  if (problems.length) throw new InvalidFactsError(problems);
  const documents = results.map(({ result }) => (result.ok ? result.value : (undefined as never)));
  const crossProblems = typeConflicts(
    documents,
    results.map((r) => r.label),
  );
  if (crossProblems.length) throw new InvalidFactsError(crossProblems.map((c) => c.problem));
  return documents;
}

/** Adds up the change counts of several transactions. */
function sumChanges(all: ChangeCounts[]): ChangeCounts {
  const zero = () => ({ added: 0, updated: 0, unchanged: 0 });
  const out: ChangeCounts = { nodes: zero(), relationships: zero() };
  for (const c of all) {
    for (const part of ['nodes', 'relationships'] as const) {
      for (const k of ['added', 'updated', 'unchanged'] as const) out[part][k] += c[part][k];
    }
  }
  return out;
}

/**
 * One id must mean one kind of thing in every document of a load; otherwise a batch would merge
 * two things into one node. Caught here so that nothing is written; each problem names the later
 * document (by index), which is the one left out.
 */
function typeConflicts(documents: ValidDocument[], labels: string[]): { index: number; problem: Problem }[] {
  const first = new Map<string, { labels: string; type: string; where: string }>();
  const problems: { index: number; problem: Problem }[] = [];
  documents.forEach(({ doc }, d) => {
    doc.entities.forEach((entity, i) => {
      const seen = first.get(entity.id);
      if (!seen) first.set(entity.id, { labels: labelsOf(entity.type), type: entity.type, where: labels[d] });
      else if (seen.labels !== labelsOf(entity.type)) {
        problems.push({
          index: d,
          problem: {
            path: `${labels[d]}: entities[${i}] (${entity.id}).type`,
            message: `"${entity.id}" is a ${seen.type} in ${seen.where}, not a ${entity.type}`,
          },
        });
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
