/**
 * `npm run seed -- [options] [file or directory...]`: validates facts files (default: the built-in
 * article; a directory stands for the `*.json` files in it), resolves their entities against the
 * graph and loads them into the configured Neo4j (NEO4J_URI, or the local one `npm start` uses:
 * through the running service's Neo4j while `npm start` runs, else started for the load).
 *
 *   --check         validate only; no database needed
 *   --dry-run       do everything in transactions that are rolled back; print what would change
 *   --skip-invalid  load the valid files and list the others (default: any problem writes nothing)
 *   --remove ID     remove source ID and the facts only it supported (with --dry-run: just report)
 *
 * Exits 1 on invalid input (having written nothing) and 2 on bad arguments.
 */
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { InvalidFactsError, listFactsFiles, loadDocuments, logMerges, prepareLoad, readFiles } from '../ingest/seed';
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
    const connection = await connect(config.neo4j, log, { useRunning: true });
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
  if (flag('--check')) {
    for (const { label, result } of results) {
      if (result.ok) console.log(`${label}: valid (${result.value.doc.entities.length} entities, ${result.value.doc.relationships.length} relationships)`);
      else console.log(`${label}: invalid\n${result.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    }
    return invalid.length ? 1 : 0;
  }

  const connection = await connect(config.neo4j, log, { useRunning: true });
  try {
    await applySchema(connection.db, log);
    const prepared = await prepareLoad(connection.db, results, flag('--skip-invalid'));
    for (const { label, problems } of prepared.skipped) {
      log(`[seed] skipped ${label} (${problems.length} problem(s)):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    }
    logMerges(prepared.merges, log);
    if (prepared.documents.length) await loadDocuments(connection.db, prepared.documents, { log, dryRun });
    return prepared.skipped.length ? 1 : 0;
  } finally {
    await connection.close();
  }
}

runCli(main, USAGE);
