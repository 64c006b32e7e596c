/**
 * The JSON Schema of facts files, generated from the zod schema the loader validates with, so
 * editors can check a file as it is written. `npm run facts:schema` writes it to
 * seed/facts.schema.json; a unit test fails when the committed file is out of date. Checks that
 * a schema cannot express (excerpts in their sentences, known relationship ends) are the loader's.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths';
import { FactsFile } from './format';

/** Where the schema is published in the repository. */
export const FACTS_SCHEMA_FILE = join(PROJECT_ROOT, 'seed', 'facts.schema.json');

/** The JSON Schema (draft 2020-12) of a facts file, as pretty JSON with a trailing newline. */
export function factsJsonSchema(): string {
  const schema = z.toJSONSchema(FactsFile, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ $id: 'https://news-facts-graph.local/facts.schema.json', title: 'News facts document', ...schema }, null, 2)}\n`;
}
