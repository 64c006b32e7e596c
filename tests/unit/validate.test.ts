import { validateFacts } from '../../src/facts/validate';

const text = 'Kushner met Putin in Moscow. Putin said nothing.';

function doc(overrides: Record<string, unknown> = {}) {
  return {
    source: { id: 'source:test', title: 'Test', publisher: 'Tester', text },
    entities: [
      { id: 'actor:kushner', type: 'Actor', name: 'Jared Kushner', kind: 'PERSON', evidence: [{ sentence: 1, excerpt: 'Kushner' }] },
      { id: 'actor:putin', type: 'Actor', name: 'Vladimir Putin', kind: 'PERSON', evidence: [{ sentence: 2, excerpt: 'Putin' }] },
      { id: 'meeting:moscow', type: 'Meeting', name: 'Moscow meeting', evidence: [{ sentence: 1, excerpt: 'met Putin in Moscow' }] },
    ],
    relationships: [{ type: 'PARTICIPATED_IN', from: 'actor:kushner', to: 'meeting:moscow', evidence: [{ sentence: 1, excerpt: 'Kushner met' }] }],
    ...overrides,
  };
}

function problems(input: unknown): string[] {
  const result = validateFacts(input);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

test('a valid document passes, with each excerpt located in the text', () => {
  const result = validateFacts(doc());
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  const [evidence] = result.value.evidence.get('relationships[0]')!;
  expect(evidence).toEqual({ sourceId: 'source:test', sentence: 1, excerpt: 'Kushner met', start: 0, end: 11 });
  const [putin] = result.value.evidence.get('entities[1]')!;
  expect(text.slice(putin.start, putin.end)).toBe('Putin');
  expect(putin.start).toBeGreaterThan(text.indexOf('.'));
});

test('shape errors name the record by index and id, and the field', () => {
  const bad = doc();
  (bad.entities[1] as Record<string, unknown>).kind = 'ALIEN';
  (bad.entities[2] as Record<string, unknown>).evidence = [];
  (bad.entities[0] as Record<string, unknown>).id = 'Not An Id';
  expect(problems(bad)).toEqual([
    expect.stringMatching(/^entities\[0\] \(Not An Id\)\.id: must look like/),
    expect.stringMatching(/^entities\[1\] \(actor:putin\)\.kind: /),
    'entities[2] (meeting:moscow).evidence: every fact needs at least one piece of evidence',
  ]);
});

test('excerpts must be in the sentence they cite, and sentences must exist', () => {
  const bad = doc();
  bad.entities[0].evidence = [{ sentence: 2, excerpt: 'Kushner' }];
  bad.entities[1].evidence = [{ sentence: 3, excerpt: 'Putin' }];
  expect(problems(bad)).toEqual([
    'entities[0].evidence[0].excerpt: "Kushner" is not in sentence 2: "Putin said nothing."',
    'entities[1].evidence[0].sentence: the source has 2 sentences; there is no sentence 3',
  ]);
});

test('relationships must join known ids of the allowed types, once each', () => {
  const bad = doc({
    relationships: [
      { type: 'PARTICIPATED_IN', from: 'actor:kushner', to: 'meeting:nowhere', evidence: [{ sentence: 1, excerpt: 'met' }] },
      { type: 'HELD_IN', from: 'meeting:moscow', to: 'actor:putin', evidence: [{ sentence: 1, excerpt: 'in Moscow' }] },
      { type: 'RELATED_TO', from: 'actor:kushner', to: 'actor:putin', evidence: [{ sentence: 1, excerpt: 'met' }] },
    ],
  });
  expect(problems(bad)).toEqual(['relationships[2].relation: relation is required on RELATED_TO and allowed nowhere else']);
  bad.relationships.pop();
  bad.relationships.push(bad.relationships[0]);
  expect(problems(bad)).toEqual([
    'relationships[0].to: "meeting:nowhere" is not the id of an entity in this document',
    'relationships[1].to: HELD_IN cannot end at a Actor ("actor:putin"); allowed: Location',
    'relationships[2].to: "meeting:nowhere" is not the id of an entity in this document',
    'relationships[2]: the same relationship (actor:kushner|PARTICIPATED_IN|meeting:nowhere) is stated twice; merge the evidence',
  ]);
});

test('duplicate ids and impossible dates are reported', () => {
  const bad = doc();
  bad.entities.push({ ...bad.entities[0] });
  (bad.entities[2] as Record<string, unknown>).startDate = { value: '2026-02-30', precision: 'DAY', inferred: true };
  (bad.entities[1] as Record<string, unknown>).description = 'ok';
  expect(problems(bad)).toEqual(['entities[2] (meeting:moscow).startDate.value: value is not a real calendar date']);
  delete (bad.entities[2] as Record<string, unknown>).startDate;
  expect(problems(bad)).toEqual(['entities[3].id: id "actor:kushner" is used twice']);
});

test('a country counts as an actor and as a location', () => {
  const input = doc();
  input.entities.push({ id: 'country:russia', type: 'Country', name: 'Russia', evidence: [{ sentence: 1, excerpt: 'Moscow' }] } as never);
  input.relationships.push(
    { type: 'HELD_IN', from: 'meeting:moscow', to: 'country:russia', evidence: [{ sentence: 1, excerpt: 'in Moscow' }] },
    { type: 'PARTICIPATED_IN', from: 'country:russia', to: 'meeting:moscow', evidence: [{ sentence: 1, excerpt: 'Putin' }] },
  );
  expect(problems(input)).toEqual([]);
});

test('a stance needs exactly one actor taking it', () => {
  const input = doc();
  input.entities.push({
    id: 'stance:putin-silent',
    type: 'Stance',
    topic: 'talks',
    stance: 'SILENT',
    summary: 'Putin said nothing.',
    evidence: [{ sentence: 2, excerpt: 'said nothing' }],
  } as never);
  expect(problems(input)).toEqual(['entities[3]: stance "stance:putin-silent" needs exactly one TAKES_STANCE relationship from the actor taking it; found 0']);
  input.relationships.push({
    type: 'TAKES_STANCE',
    from: 'actor:putin',
    to: 'stance:putin-silent',
    evidence: [{ sentence: 2, excerpt: 'Putin said' }],
  } as never);
  expect(problems(input)).toEqual([]);
});
