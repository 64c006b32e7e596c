import { readFileSync } from 'node:fs';
import { FACTS_SCHEMA_FILE, factsJsonSchema } from '../../src/facts/json-schema';

test('the published JSON Schema is the one the zod facts schema generates (run `npm run facts:schema` after changing the format)', () => {
  expect(readFileSync(FACTS_SCHEMA_FILE, 'utf8')).toBe(factsJsonSchema());
});

test('the JSON Schema describes a file: text inline or as a file, entities by type, relationships by type', () => {
  const schema = JSON.parse(factsJsonSchema());
  expect(schema.required).toEqual(['source', 'entities', 'relationships']);
  expect(Object.keys(schema.properties.source.properties)).toEqual(expect.arrayContaining(['text', 'textFile', 'publishedDate']));
  const types = schema.properties.entities.items.oneOf ?? schema.properties.entities.items.anyOf;
  expect(types.map((t: any) => t.properties.type.const)).toEqual(['Actor', 'Country', 'Location', 'Meeting', 'Position', 'Statement', 'Stance', 'Event']);
  expect(schema.properties.relationships.items.properties.type.enum).toContain('PARTICIPATED_IN');
});
