import { generateCorpus } from '../../src/facts/generate';
import { validateFacts } from '../../src/facts/validate';

const small = { seed: 7, relationships: 3_000 };

test('the same options give byte-identical corpora; another seed gives another', () => {
  const a = JSON.stringify(generateCorpus(small));
  expect(JSON.stringify(generateCorpus(small))).toBe(a);
  expect(JSON.stringify(generateCorpus({ ...small, seed: 8 }))).not.toBe(a);
});

test('every document validates, is article-sized, and the total is close to the target', () => {
  const corpus = generateCorpus(small);
  const failures = corpus.flatMap((doc) => {
    const result = validateFacts(doc);
    return result.ok ? [] : result.problems.map((p) => `${doc.source.id} ${p.path}: ${p.message}`);
  });
  expect(failures).toEqual([]);
  const sizes = corpus.map((d) => d.relationships.length);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(80);
  const total = sizes.reduce((a, b) => a + b, 0);
  expect(Math.abs(total - small.relationships) / small.relationships).toBeLessThan(0.1);
});

test('generated ids are marked gen- and never reuse the seed article ids', () => {
  for (const doc of generateCorpus({ seed: 1, relationships: 1_000 })) {
    expect(doc.source.id).toMatch(/^source:gen-/);
    for (const entity of doc.entities) expect(entity.id).toMatch(/^[a-z]+:gen-/);
  }
});

test('an actor named by many documents has the same properties in each', () => {
  const seen = new Map<string, string>();
  const conflicts: string[] = [];
  for (const doc of generateCorpus(small)) {
    for (const { evidence: _evidence, ...fields } of doc.entities) {
      const json = JSON.stringify(fields);
      if (seen.has(fields.id) && seen.get(fields.id) !== json) conflicts.push(fields.id);
      seen.set(fields.id, json);
    }
  }
  expect(conflicts).toEqual([]);
});

test('meeting participation is skewed: the top 1% of actors take a large share, the typical actor few', () => {
  const corpus = generateCorpus({ seed: 3, relationships: 30_000 });
  const actors = new Set(corpus.flatMap((d) => d.entities.filter((e) => e.type === 'Actor' || e.type === 'Country').map((e) => e.id)));
  const pairs = new Set(corpus.flatMap((d) => d.relationships.filter((r) => r.type === 'PARTICIPATED_IN').map((r) => `${r.from} ${r.to}`)));
  const perActor = new Map<string, number>();
  for (const pair of pairs) {
    const actor = pair.split(' ')[0];
    perActor.set(actor, (perActor.get(actor) ?? 0) + 1);
  }
  const counts = [...actors].map((id) => perActor.get(id) ?? 0).sort((a, b) => b - a);
  const top = counts.slice(0, Math.ceil(counts.length / 100)).reduce((a, b) => a + b, 0);
  // Uniform popularity would give the top 1% about 1% of the participations.
  expect(top / pairs.size).toBeGreaterThan(0.15);
  expect(counts[Math.floor(counts.length / 2)]).toBeLessThanOrEqual(2);
  expect(counts[0]).toBeGreaterThan(100);
});

test('the corpus has the shapes the API serves: dated meetings, part-of chains, statements of both kinds, one stance taker each', () => {
  const corpus = generateCorpus(small);
  const entities = corpus.flatMap((d) => d.entities);
  const relationships = corpus.flatMap((d) => d.relationships);
  const types = new Set(relationships.map((r) => r.type));
  for (const type of [
    'PARTICIPATED_IN',
    'HELD_IN',
    'PART_OF',
    'PRECEDED',
    'HOLDS',
    'POSITION_OF',
    'SAID',
    'REPORTED',
    'MENTIONS',
    'ABOUT',
    'DURING',
    'TAKES_STANCE',
    'RELATED_TO',
    'INVOLVED_IN',
    'OCCURRED_IN',
    'CREDITS',
  ]) {
    expect(types).toContain(type);
  }
  const precisions = new Set(entities.flatMap((e) => (e.type === 'Meeting' && e.startDate ? [e.startDate.precision] : [])));
  expect([...precisions].sort()).toEqual(['DAY', 'MONTH', 'YEAR']);
  const kinds = new Set(entities.flatMap((e) => (e.type === 'Statement' ? [e.kind] : [])));
  expect([...kinds].sort()).toEqual(['QUOTE', 'REPORTED']);
  const participants = corpus.map((d) => d.relationships.filter((r) => r.type === 'PARTICIPATED_IN').length);
  expect(Math.min(...participants)).toBeGreaterThanOrEqual(2);
  expect(Math.max(...participants)).toBeLessThanOrEqual(12);
  expect(relationships.some((r) => r.type === 'HOLDS' && r.until)).toBe(true);
  expect(entities.some((e) => e.type === 'Actor' && e.aliases.length > 0)).toBe(true);
});

test('bad options are refused', () => {
  expect(() => generateCorpus({ seed: -1, relationships: 10 })).toThrow(RangeError);
  expect(() => generateCorpus({ seed: 1, relationships: 0 })).toThrow(RangeError);
});
