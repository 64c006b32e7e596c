/**
 * `npm run seed -- [--check] [file or directory...]`: validates the facts files (default: the
 * built-in article; a directory stands for the `*.json` files in it) and loads them into the
 * configured Neo4j (NEO4J_URI, or the local one `npm start` uses; stop `npm start` first, as a
 * local database has one owner at a time). `--check` only validates. Exits 1 on invalid input,
 * having written nothing, and 2 on bad arguments.
 */
import { ConfigError, loadConfig } from '../config';
import { connect } from '../db/connect';
import { InvalidFactsError, listFactsFiles, seedFiles, validateFiles } from '../facts/seed';
import { LoadConflictError } from '../repositories/load-repository';
import { applySchema } from '../repositories/schema-repository';

const USAGE = 'usage: npm run seed -- [--check] [file or directory...]';

/** A mistake in the command line: reported with the usage, exit code 2. */
class UsageError extends Error {}

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
  await validateFiles(targets); // fail before starting a database when the input is bad
  const connection = await connect(config.neo4j, log);
  try {
    await applySchema(connection.db);
    await seedFiles(connection.db, targets, log);
    return 0;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      process.exit(2);
    }
    if (error instanceof InvalidFactsError || error instanceof ConfigError) console.error(error.message);
    else if (error instanceof LoadConflictError) console.error(`A document conflicts with the graph; its transaction and the ones after it were not written:\n${error.message}`);
    else console.error(error);
    process.exit(1);
  },
);
