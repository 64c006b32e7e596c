/**
 * `npm run generate -- --relationships N [--seed S] [--out DIR] [--load]`: generates a synthetic
 * corpus (src/facts/generate.ts). Without `--load` it writes one JSON file per document into DIR
 * (default `.generated/r<N>-s<S>`), ready for `npm run seed -- DIR`. With `--load` it validates
 * the documents and loads them straight into the configured Neo4j, as `npm run seed` would, and
 * writes files only when `--out` is given too. Exits 2 on bad arguments.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { PROJECT_ROOT } from '../paths';
import { generateCorpus } from '../facts/generate';
import { loadDocuments, prepareLoad, validateDocuments } from '../ingest/seed';
import { applySchema } from '../repositories/schema-repository';
import { runCli, UsageError } from './run';

const USAGE = 'usage: npm run generate -- --relationships N [--seed S] [--out DIR] [--load]';

interface Args {
  relationships: number;
  seed: number;
  out?: string;
  load: boolean;
}

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  let load = false;
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--load' && inline === undefined) load = true;
    else if (['--relationships', '--seed', '--out'].includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
      values.set(flag, value);
    } else throw new UsageError(`unknown argument "${argv[i]}"`);
  }
  const integer = (flag: string, text: string, min: number, max: number) => {
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
      throw new UsageError(`${flag} must be a whole number from ${min} to ${max}; got "${text}"`);
    return Number(text);
  };
  const relationships = values.get('--relationships');
  if (relationships === undefined) throw new UsageError('--relationships is required');
  return {
    relationships: integer('--relationships', relationships, 1, 50_000_000),
    seed: integer('--seed', values.get('--seed') ?? '1', 0, 0xffffffff),
    out: values.get('--out'),
    load,
  };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const config = args.load ? loadConfig() : undefined; // a bad environment fails before the work
  const log = (line: string) => console.error(line);

  let started = Date.now();
  const documents = generateCorpus({ seed: args.seed, relationships: args.relationships });
  const relationships = documents.reduce((n, d) => n + d.relationships.length, 0);
  const entities = documents.reduce((n, d) => n + d.entities.length, 0);
  log(`[generate] ${documents.length} documents, ${entities} entities, ${relationships} relationships (seed ${args.seed}) in ${Date.now() - started} ms`);

  const out = args.out ?? (args.load ? undefined : join(PROJECT_ROOT, '.generated', `r${args.relationships}-s${args.seed}`));
  if (out) {
    started = Date.now();
    await mkdir(out, { recursive: true });
    // Files of an earlier, larger run in the same folder would be loaded with this one.
    const stale = (await readdir(out)).filter((name) => /^doc-\d+\.json$/.test(name));
    await Promise.all(stale.map((name) => rm(join(out, name))));
    const width = String(documents.length).length;
    for (const [i, doc] of documents.entries()) {
      await writeFile(join(out, `doc-${String(i + 1).padStart(width, '0')}.json`), `${JSON.stringify(doc, null, 2)}\n`);
    }
    console.log(`wrote ${documents.length} files to ${out} in ${Date.now() - started} ms; load them with: npm run seed -- ${out}`);
  }
  if (!args.load || !config) return 0;

  started = Date.now();
  const valid = validateDocuments(
    documents,
    documents.map((d) => d.source.id),
  );
  log(`[generate] validated in ${Date.now() - started} ms`);
  const connection = await connect(config.neo4j, log, { useRunning: true, verify: true });
  try {
    await applySchema(connection.db, log);
    // The same path as `npm run seed`: entity resolution against the graph, then the load.
    const prepared = await prepareLoad(
      connection.db,
      valid.map((value) => ({ label: value.doc.source.id, result: { ok: true as const, value } })),
    );
    await loadDocuments(connection.db, prepared.documents, { log });
    return 0;
  } finally {
    await connection.close();
  }
}

runCli(main, USAGE);
