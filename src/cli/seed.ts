/**
 * `npm run seed -- [options] [file or directory...]`: validates facts files (default: the built-in
 * article; a directory stands for the `*.json` files in it), resolves their entities against the
 * graph and loads them into the configured Neo4j (NEO4J_URI, or the local one `npm start` uses:
 * through the running service's Neo4j while `npm start` runs, else started for the load).
 *
 *   --check         run everything the load runs before writing (validation, resolution against
 *                   the graph, the review queue, type conflicts), read-only, and say per file what
 *                   the load would do; needs the database like the load (exit 3, after validating
 *                   the files alone, when it cannot be reached)
 *   --dry-run       do everything in transactions that are rolled back; print what would change
 *   --skip-invalid  load the valid files and list the others (default: any problem writes nothing)
 *   --remove ID     remove source ID and the facts only it supported (with --dry-run: just report)
 *
 * Entities that match several nodes are held back for review with the relationships touching them
 * (listed as `[review]`), and the rest of their file loads. Exits 1 on invalid input (having
 * written nothing), 2 on bad arguments, 3 when --check could not reach the database.
 */
import { type Config, loadConfig } from '../config';
import { connect } from '../db/connect';
import { checkLoad, type LabelledResult, InvalidFactsError, listFactsFiles, loadDocuments, logHeld, logMerges, prepareLoad, readFiles } from '../ingest/seed';
import { formatProblem } from '../facts/validate';
import { removeSource } from '../repositories/claim-writer';
import { applySchema } from '../repositories/schema-repository';
import { runCli, UsageError } from './run';

const USAGE = 'usage: npm run seed -- [--check] [--dry-run] [--skip-invalid] [file or directory...]\n       npm run seed -- [--dry-run] --remove <sourceId>';
const FLAGS = new Set(['--check', '--dry-run', '--skip-invalid']);

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const removeAt = args.indexOf('--remove');
  const removeId = removeAt >= 0 ? args.splice(removeAt, 2)[1] : undefined;
  if (removeAt >= 0 && (!removeId || removeId.startsWith('-'))) throw new UsageError('--remove needs a source id, e.g. --remove source:observer-uae-talks');
  const unknown = args.filter((a) => a.startsWith('-') && !FLAGS.has(a));
  if (unknown.length) throw new UsageError(`unknown option ${unknown.join(', ')}`);
  const flag = (name: string) => args.includes(name);
  const paths = args.filter((a) => !a.startsWith('-'));
  if (removeId && (paths.length || flag('--check') || flag('--skip-invalid')))
    throw new UsageError('--remove takes no files and no other option but --dry-run');
  const config = loadConfig();
  const log = (line: string) => console.error(line);
  const dryRun = flag('--dry-run');

  if (removeId) {
    const connection = await connect(config.neo4j, log, { useRunning: true, verify: true });
    try {
      const removed = await removeSource(connection.db, removeId, { dryRun });
      if (!removed) {
        log(`There is no source "${removeId}" in the graph; nothing was changed.`);
        return 1;
      }
      log(
        `[remove]${dryRun ? ' dry run, nothing written:' : ''} ${removeId}: ${removed.nodesDeleted} nodes and ${removed.relationshipsDeleted} relationships ` +
          `deleted (the source included); ${removed.nodesKept} nodes other sources support were kept, without its evidence`,
      );
      return 0;
    } finally {
      await connection.close();
    }
  }

  const targets = await listFactsFiles(paths.length ? paths : config.seed.files);
  if (!targets.length) throw new UsageError(`no *.json facts files in ${paths.join(', ')}`);
  // Validate before starting a database, so bad input fails fast.
  const results = await readFiles(targets, config.facts);
  const invalid = results.filter((r) => !r.result.ok);
  if (invalid.length && !flag('--skip-invalid')) throw new InvalidFactsError(invalid.flatMap((r) => (r.result.ok ? [] : r.result.problems)));
  if (flag('--check')) return check(results, flag('--skip-invalid'), config, log);

  const connection = await connect(config.neo4j, log, { useRunning: true, verify: true });
  try {
    await applySchema(connection.db, log);
    const prepared = await prepareLoad(connection.db, results, { skipInvalid: flag('--skip-invalid'), review: true });
    for (const { label, problems } of prepared.skipped) {
      log(`[seed] skipped ${label} (${problems.length} problem(s)):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    }
    logMerges(prepared.merges, log);
    logHeld(prepared, log);
    if (prepared.documents.length) await loadDocuments(connection.db, prepared.documents, { log, dryRun });
    return prepared.skipped.length ? 1 : 0;
  } finally {
    await connection.close();
  }
}

/**
 * `--check`: what the load would do with each file, found by the load's own steps against the
 * graph, read-only. Without a database only validation can run: it says so and exits 3.
 */
async function check(results: LabelledResult[], skipInvalid: boolean, config: Config, log: (line: string) => void): Promise<number> {
  let connection;
  try {
    connection = await connect(config.neo4j, log, { useRunning: true, verify: true });
  } catch (error) {
    log(
      `seed --check resolves entities against the graph as the load does. ${(error as Error).message}\n` +
        'Checked without the graph (validation only; resolution, the review queue and conflicts with the graph were NOT checked):',
    );
    for (const { label, result } of results) console.log(`${label}: ${result.ok ? 'valid as a document' : 'invalid'}`);
    return 3;
  }
  try {
    const { files, writesNothing } = await checkLoad(connection.db, results, skipInvalid);
    for (const file of files) {
      if (file.status === 'refused') {
        console.log(`${file.label}: refused\n${file.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
        continue;
      }
      const review = file.held.length ? `; ${file.held.length} entit${file.held.length === 1 ? 'y' : 'ies'} would wait for review` : '';
      console.log(`${file.label}: valid (${file.entities} entities, ${file.relationships} relationships would load${review})`);
      for (const h of file.held) console.log(`  review: ${h.path} matches ${h.candidates.map((c) => c.id).join(', ')}`);
    }
    if (writesNothing) console.log('The load would write nothing: a refused file (or a conflict with the graph) stops the whole load without --skip-invalid.');
    return files.some((f) => f.status === 'refused') ? 1 : 0;
  } finally {
    await connection.close();
  }
}

runCli(main, USAGE);
