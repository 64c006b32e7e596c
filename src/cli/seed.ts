/**
 * `npm run seed -- [--check] [file...]`: validates the facts files (default: the built-in
 * article) and loads them into the configured Neo4j (NEO4J_URI, or the local one `npm start`
 * uses; stop `npm start` first, as a local database has one owner at a time). `--check` only
 * validates. Exits 1 on invalid input, having written nothing.
 */
import { ConfigError, loadConfig } from '../config';
import { connect } from '../db/connect';
import { InvalidFactsError, seedFiles, validateFiles } from '../facts/seed';
import { LoadConflictError } from '../repositories/load-repository';
import { applySchema } from '../repositories/schema-repository';

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const checkOnly = argv.includes('--check');
  const files = argv.filter((a) => !a.startsWith('--'));
  const targets = files.length ? files : config.seed.files;
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
    if (error instanceof InvalidFactsError || error instanceof ConfigError) console.error(error.message);
    else if (error instanceof LoadConflictError) console.error(`The file conflicts with the graph; that file was not written:\n${error.message}`);
    else console.error(error);
    process.exit(1);
  },
);
