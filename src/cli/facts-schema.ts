/** `npm run facts:schema`: writes seed/facts.schema.json from the zod facts schema. */
import { writeFile } from 'node:fs/promises';
import { FACTS_SCHEMA_FILE, factsJsonSchema } from '../facts/json-schema';
import { runCli } from './run';

runCli(async () => {
  await writeFile(FACTS_SCHEMA_FILE, factsJsonSchema());
  console.error(`wrote ${FACTS_SCHEMA_FILE}`);
  return 0;
}, 'usage: npm run facts:schema');
