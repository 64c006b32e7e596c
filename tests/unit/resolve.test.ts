import { nameKey } from '../../src/facts/names';
import { type Candidate, resolveEntities } from '../../src/facts/resolve';
import { validateFacts, type ValidDocument } from '../../src/facts/validate';
import { labelsOf } from '../../src/repositories/storage';

const TEXT = 'Zelenskyy met Putin. The talks ended.';

/** A one-sentence document whose entities all cite "Zelenskyy". */
function doc(sourceId: string, entities: Record<string, unknown>[]): ValidDocument {
  const result = validateFacts({
    source: { id: sourceId, title: 'T', publisher: 'P', text: TEXT },
    entities: entities.map((e) => ({ evidence: [{ sentence: 1, excerpt: 'Zelenskyy' }], ...e })),
    relationships: [],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const person = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, type: 'Actor', kind: 'PERSON', name, ...extra });
const graphNode = (id: string, name: string, keys: string[], labels = 'Actor'): Candidate => ({ id, labels, name, keys });
const GRAPH = {
  byId: new Map<string, Candidate>(),
  byKey: [
    graphNode('actor:volodymyr-zelensky', 'Volodymyr Zelensky', ['volodymyr zelensky', '~zelensky', 'zelensky']),
    graphNode('actor:vladimir-putin', 'Vladimir Putin', ['vladimir putin', '~putin']),
    graphNode('location:moscow', 'Moscow', ['moscow'], 'Location'),
  ],
};
const resolve = (...documents: ValidDocument[]) => resolveEntities(documents, documents.map((_, i) => `doc${i + 1}`), GRAPH, labelsOf);

test('name keys fold case, diacritics, punctuation, a leading "the" and doubled letters', () => {
  expect(nameKey('Zelenskyy')).toBe(nameKey('ZELENSKY'));
  expect(nameKey('Volodymyr Zelenskýy')).toBe('volodymyr zelensky');
  expect(nameKey('the U.S.')).toBe('u s');
  expect(nameKey('Kyiv')).not.toBe(nameKey('Kiev'));
});

test('an entity lands on the node with its name, its alias, or (one-word person) its surname', () => {
  const result = resolve(doc('source:a', [person('actor:zelenskyy', 'Zelenskyy'), person('actor:putin', 'Putin')]));
  expect(result.problems).toEqual([[]]);
  expect(result.merges).toEqual([
    { document: 'doc1', entity: 'actor:zelenskyy', node: 'actor:volodymyr-zelensky', how: 'name' },
    { document: 'doc1', entity: 'actor:putin', node: 'actor:vladimir-putin', how: 'surname' },
  ]);
  expect(result.documents[0].doc.entities.map((e) => e.id)).toEqual(['actor:volodymyr-zelensky', 'actor:vladimir-putin']);
});

test('a name matches only a node of the same type', () => {
  const result = resolve(doc('source:a', [{ id: 'actor:moscow', type: 'Actor', kind: 'ORGANIZATION', name: 'Moscow' }]));
  expect(result.merges).toEqual([]);
});

test('two candidates are a problem naming both; sameAs picks one; sameAs null keeps a node of its own', () => {
  const first = doc('source:a', [person('actor:olena-putin', 'Olena Putin')]);
  const ambiguous = resolve(first, doc('source:b', [person('actor:putin', 'Putin')]));
  expect(ambiguous.problems[1]).toEqual([
    { path: 'doc2: entities[0] (actor:putin)', message: expect.stringMatching(/"Putin" matches 2 nodes: "actor:vladimir-putin" \(Vladimir Putin\), "actor:olena-putin" \(Olena Putin\)/) },
  ]);
  const picked = resolve(first, doc('source:b', [person('actor:putin', 'Putin', { sameAs: 'actor:olena-putin' })]));
  expect(picked.problems).toEqual([[], []]);
  expect(picked.documents[1].doc.entities[0].id).toBe('actor:olena-putin');
  const own = resolve(first, doc('source:b', [person('actor:putin', 'Putin', { sameAs: null })]));
  expect(own.problems).toEqual([[], []]);
  expect(own.documents[1].doc.entities[0].id).toBe('actor:putin');
});

test('a later document finds entities of an earlier one, by id or by name', () => {
  const result = resolve(doc('source:a', [person('actor:mykola-fiktyvenko', 'Mykola Fiktyvenko')]), doc('source:b', [person('actor:fiktyvenko', 'Fiktyvenko')]));
  expect(result.merges).toEqual([{ document: 'doc2', entity: 'actor:fiktyvenko', node: 'actor:mykola-fiktyvenko', how: 'surname' }]);
});

test('meetings are matched by id or sameAs, never by name', () => {
  const meeting = { id: 'meeting:talks', type: 'Meeting', name: 'The talks' };
  const result = resolve(doc('source:a', [meeting]), doc('source:b', [{ ...meeting, id: 'meeting:talks-again' }]));
  expect(result.merges).toEqual([]);
  expect(result.documents[1].doc.entities[0].id).toBe('meeting:talks-again');
});
