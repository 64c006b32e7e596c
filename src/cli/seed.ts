/**
 * `npm run seed -- [--check] [file or directory...]`: validates the facts files (default: the
 * built-in article; a directory stands for the `*.json` files in it) and loads them into the
 * configured Neo4j (NEO4J_URI, or the local one `npm start` uses; stop `npm start` first, as a
 * local database has one owner at a time). `--check` only validates. Exits 1 on invalid input,
 * having written nothing, and 2 on bad arguments.
 */
import { loadConfig } from '../config';
import { connect } from '../db/connect';
import { listFactsFiles, loadDocuments, validateFiles } from '../facts/seed';
import { applySchema } from '../repositories/schema-repository';
import { runCli, UsageError } from './run';

const USAGE = 'usage: npm run seed -- [--check] [file or directory...]';

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--check');
  if (unknown.length) throw new UsageError(`unknown option ${unknown.join(', ')}`);
  const config = loadConfig();
  const checkOnly = argv.includes('--check');
  const paths = argv.filter((a) => !a.startsWith('-'));
  const targets = await listFactsFiles(paths.length ? paths : config.seed.files);
  if (!targets.length) throw new UsageError(`no *.json facts files in ${paths.join(', ')}`);
  const log = (line: string) => console.error(line);

  if (checkOnly) {
    const documents = await validateFiles(targets);
    documents.forEach((d, i) => console.log(`${targets[i]}: valid (${d.doc.entities.length} entities, ${d.doc.relationships.length} relationships)`));
    return 0;
  }
  // Validate before starting a database, so bad input fails fast.
  const documents = await validateFiles(targets);
  const connection = await connect(config.neo4j, log);
  try {
    await applySchema(connection.db);
    await loadDocuments(connection.db, documents.map((valid, i) => ({ valid, label: targets[i] })), { log });
    return 0;
  } finally {
    await connection.close();
  }
}

runCli(main, USAGE);
