import { GraphQLError } from 'graphql';
import type { Claim } from '../../src/facts/claims';
import {
  toActor,
  toEvent,
  toEvidence,
  toExportEdge,
  toFact,
  toFuzzyDate,
  toLocation,
  toMeeting,
  toNode,
  toPosition,
  toSource,
  toStance,
  toStatement,
  toStoredNode,
} from '../../src/models/mappers';
import { parseRow, RowShapeError } from '../../src/models/rows';
import { nodeProps } from '../../src/repositories/graph-reader';
import { LinkPageRow, ListPageRow } from '../../src/repositories/reader-rows';
import { fromClaimRow, toClaimRow } from '../../src/repositories/storage';

/** What `fn` threw, so a test can look at it. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** A full row as `nodeProps` projects it: every property the models read, null where the node has none. */
function fullRow(props: Record<string, unknown>): Record<string, unknown> {
  const names = [...nodeProps('n').matchAll(/\.(\w+)/g)].map((m) => m[1]);
  return Object.fromEntries(names.map((name) => [name, props[name] ?? null]));
}

const noFact = (key: string) => ({ key, sourceCount: 0, disputed: [] });

describe('partial rows: a row with only some properties maps, the absent ones taking their defaults', () => {
  test('every node type maps from its id alone', () => {
    expect(toActor({ id: 'actor:a' })).toEqual({
      nodeType: 'Actor',
      id: 'actor:a',
      fact: noFact('actor:a'),
      name: null,
      kind: null,
      aliases: [],
      description: null,
      isLocation: false,
    });
    expect(toLocation({ id: 'location:a' })).toEqual({
      nodeType: 'Location',
      id: 'location:a',
      fact: noFact('location:a'),
      name: null,
      kind: null,
      aliases: [],
      description: null,
      isActor: false,
    });
    expect(toMeeting({ id: 'meeting:a' })).toEqual({
      nodeType: 'Meeting',
      id: 'meeting:a',
      fact: noFact('meeting:a'),
      name: null,
      aliases: [],
      description: null,
      startDate: null,
      endDate: null,
      outcome: null,
    });
    expect(toPosition({ id: 'position:a' })).toEqual({ nodeType: 'Position', id: 'position:a', fact: noFact('position:a'), title: null, description: null });
    expect(toStatement({ id: 'statement:a' })).toEqual({
      nodeType: 'Statement',
      id: 'statement:a',
      fact: noFact('statement:a'),
      text: null,
      kind: null,
      topics: [],
      date: null,
    });
    expect(toStance({ id: 'stance:a' })).toEqual({ nodeType: 'Stance', id: 'stance:a', fact: noFact('stance:a'), topic: null, stance: null, summary: null });
    expect(toEvent({ id: 'event:a' })).toEqual({
      nodeType: 'Event',
      id: 'event:a',
      fact: noFact('event:a'),
      name: null,
      kind: null,
      description: null,
      date: null,
    });
    expect(toSource({ id: 'source:a' })).toEqual({
      nodeType: 'Source',
      id: 'source:a',
      fact: noFact('source:a'),
      title: null,
      publisher: null,
      url: null,
      publishedDate: null,
      text: null,
      sentences: [],
    });
  });

  test('a selection of properties maps those and defaults the rest; labels inside the properties are ignored', () => {
    const props = { id: 'actor:andrii-sybiha', name: 'Andrii Sybiha', kind: 'PERSON', labels: ['Node', 'Actor'] };
    expect(toActor(props, ['Node', 'Actor'])).toEqual({
      nodeType: 'Actor',
      id: 'actor:andrii-sybiha',
      fact: noFact('actor:andrii-sybiha'),
      name: 'Andrii Sybiha',
      kind: 'PERSON',
      aliases: [],
      description: null,
      isLocation: false,
    });
    expect(toNode({ id: 'meeting:uae-talks', startDate: '2026-01-23', startDatePrecision: 'DAY' }, ['Node', 'Meeting'])).toMatchObject({
      nodeType: 'Meeting',
      name: null,
      startDate: { value: '2026-01-23', precision: 'DAY', inferred: false, expression: null },
      endDate: null,
    });
    // A country is an actor and a location by its kind even without its labels.
    expect(toActor({ id: 'country:ukraine', kind: 'COUNTRY' }).isLocation).toBe(true);
  });

  test('a missing property and a null one (what a full projection gives for a property the node lacks) map alike', () => {
    const partial = { id: 'statement:a', text: 'We are ready.', kind: 'QUOTE' };
    expect(toStatement(fullRow(partial))).toEqual(toStatement(partial));
    expect(toNode(fullRow({ id: 'event:a', name: 'Strikes' }), ['Node', 'Event'])).toEqual(toNode({ id: 'event:a', name: 'Strikes' }, ['Node', 'Event']));
  });

  test('a full row maps every property it holds', () => {
    const row = fullRow({
      id: 'meeting:uae-talks',
      name: 'Trilateral talks in the UAE',
      aliases: ['Trilateral meeting in the UAE'],
      description: 'Two days of talks.',
      outcome: 'Unclear.',
      sourceCount: 2,
      disputed: ['location'],
      startDate: '2026-01-23',
      startDatePrecision: 'DAY',
      startDateInferred: true,
      startDateExpression: 'this weekend',
      endDate: '2026-01',
      endDatePrecision: 'MONTH',
      endDateInferred: false,
    });
    expect(toMeeting(row)).toEqual({
      nodeType: 'Meeting',
      id: 'meeting:uae-talks',
      fact: { key: 'meeting:uae-talks', sourceCount: 2, disputed: ['location'] },
      name: 'Trilateral talks in the UAE',
      aliases: ['Trilateral meeting in the UAE'],
      description: 'Two days of talks.',
      startDate: { value: '2026-01-23', precision: 'DAY', inferred: true, expression: 'this weekend' },
      endDate: { value: '2026-01', precision: 'MONTH', inferred: false, expression: null },
      outcome: 'Unclear.',
    });
  });
});

describe("absent fields keep today's defaults", () => {
  test('dates: no value is no date; a value without its other parts has null precision, not inferred, no expression', () => {
    expect(toFuzzyDate({}, 'since')).toBeNull();
    expect(toFuzzyDate({ since: null, sincePrecision: null }, 'since')).toBeNull();
    expect(toFuzzyDate({ since: '2024' }, 'since')).toEqual({ value: '2024', precision: null, inferred: false, expression: null });
  });

  test('facts: no counts is zero sources and nothing disputed', () => {
    expect(toFact({}, 'a|HOLDS|b')).toEqual({ key: 'a|HOLDS|b', sourceCount: 0, disputed: [] });
    expect(toFact({ sourceCount: 3, disputed: ['since'] }, 'a|HOLDS|b')).toEqual({ key: 'a|HOLDS|b', sourceCount: 3, disputed: ['since'] });
  });

  test('relationships: no role, relation or dates are nulls', () => {
    expect(toExportEdge({ type: 'HOLDS', from: 'actor:a', to: 'position:b', props: { key: 'actor:a|HOLDS|position:b' } })).toEqual({
      id: 'HOLDS:actor:a->position:b',
      type: 'HOLDS',
      fromId: 'actor:a',
      toId: 'position:b',
      role: null,
      relation: null,
      since: null,
      until: null,
      fact: noFact('actor:a|HOLDS|position:b'),
    });
  });

  test('claims: no body is no evidence', () => {
    expect(toEvidence([{ source: 'source:a' }, { source: 'source:b', body: '{}' }])).toEqual([]);
  });
});

describe('a present value of the wrong type is refused, naming the row shape and the field', () => {
  const refusal = (fn: () => unknown) => {
    const error = thrown(fn);
    expect(error).toBeInstanceOf(RowShapeError);
    // A bug, not a user's mistake: no GraphQLError, so clients see INTERNAL_SERVER_ERROR and the log has this message.
    expect(error).not.toBeInstanceOf(GraphQLError);
    return error as RowShapeError;
  };

  test('node properties', () => {
    const name = refusal(() => toActor({ id: 'actor:a', name: 5 }));
    expect(name.shape).toBe('Actor');
    expect(name.fields).toEqual(['name']);
    expect(name.message).toBe('Actor row (id "actor:a") does not have its expected shape: field "name": Invalid input: expected string, received number');

    expect(refusal(() => toActor({ id: 'actor:a', kind: 'ROBOT' })).message).toMatch(
      /^Actor row .* field "kind": Invalid option: expected one of "PERSON"\|"COUNTRY"\|"ORGANIZATION"\|"GROUP"$/,
    );
    expect(refusal(() => toActor({ id: 'actor:a', aliases: ['Kyiv', 3] })).fields).toEqual(['aliases[1]']);
    expect(refusal(() => toLocation({ id: 'location:a', description: ['x'] })).fields).toEqual(['description']);
    expect(refusal(() => toStatement({ id: 'statement:a', kind: 'RUMOUR' })).fields).toEqual(['kind']);
    expect(refusal(() => toSource({ id: 'source:a', sentences: 'one. two.' })).fields).toEqual(['sentences']);
    expect(refusal(() => toStance({ id: 'stance:a', sourceCount: '2' })).fields).toEqual(['sourceCount']);
    expect(refusal(() => toPosition({ id: 'position:a', disputed: 'title' })).fields).toEqual(['disputed']);
  });

  test('a row without an id, or with one that is no string', () => {
    expect(refusal(() => toEvent({ name: 'Strikes' })).fields).toEqual(['id']);
    expect(refusal(() => toNode({ id: 7 }, ['Node', 'Meeting'])).message).toMatch(/^Meeting row does not have its expected shape: field "id"/);
  });

  test('every wrong field at once', () => {
    const error = refusal(() => toEvent({ id: 'event:a', name: 1, kind: 2, description: 3 }));
    expect(error.fields).toEqual(['name', 'kind', 'description']);
  });

  test('a date part is named as stored, with the row it belongs to', () => {
    const error = refusal(() => toMeeting({ id: 'meeting:a', startDate: '2026-01', startDatePrecision: 'WEEK' }));
    expect(error.message).toMatch(/^Meeting row \(id "meeting:a"\) .* field "startDatePrecision": Invalid option: expected one of "YEAR"\|"MONTH"\|"DAY"$/);
    expect(refusal(() => toFuzzyDate({ since: 2024 }, 'since')).fields).toEqual(['since']);
    expect(refusal(() => toFuzzyDate({ since: '2024', sinceInferred: 'yes' }, 'since')).fields).toEqual(['sinceInferred']);
  });

  test('relationship properties and keys', () => {
    const error = refusal(() =>
      toExportEdge({ type: 'PARTICIPATED_IN', from: 'actor:a', to: 'meeting:b', props: { key: 'actor:a|PARTICIPATED_IN|meeting:b', role: 7 } }),
    );
    expect(error.message).toMatch(/^PARTICIPATED_IN relationship row \(key "actor:a\|PARTICIPATED_IN\|meeting:b"\) .* field "role"/);
    expect(refusal(() => toFact({}, 42)).fields).toEqual(['key']);
  });

  test('claims and their evidence', () => {
    expect(refusal(() => toEvidence([{ source: 3 }])).shape).toBe('Claim');
    const evidence = refusal(() => toEvidence([{ source: 'source:a', body: JSON.stringify({ evidence: [[1, 2, 0, 1]] }) }]));
    expect(evidence.shape).toBe('Claim body');
    expect(evidence.fields).toEqual(['evidence[0][1]']);
  });

  test('a stored node with no type label', () => {
    expect(toNode({ id: 'x:y' }, ['Node'])).toBeNull();
    const error = refusal(() => toStoredNode({ id: 'x:y' }, ['Node']));
    expect(error.message).toBe('Node row (id "x:y") does not have its expected shape: field "labels": none of ["Node"] names a node type');
  });

  test("the reader's page rows", () => {
    expect(refusal(() => parseRow('listActors', ListPageRow, { totalCount: 1, rows: [{ node: { id: 'actor:a' }, labels: ['Node', 'Actor'] }] })).message).toBe(
      'listActors row does not have its expected shape: field "rows[0].sortKey": Invalid input: expected string, received undefined',
    );
    expect(refusal(() => parseRow('listActors', ListPageRow, { totalCount: 1, rows: [{ node: { name: 'A' }, sortKey: 'a' }] })).fields).toEqual([
      'rows[0].node',
    ]);
    expect(refusal(() => parseRow('actorMeetings', LinkPageRow, { fromId: 'actor:a', totalCount: '3', rows: [] })).fields).toEqual(['totalCount']);
  });
});

test("the reader's page rows parse, absent labels reading as none", () => {
  const page = parseRow('listActors', ListPageRow, { totalCount: 2, rows: [{ node: { id: 'actor:a', name: 'A' }, sortKey: 'a' }] });
  expect(page).toEqual({ totalCount: 2, rows: [{ node: { id: 'actor:a', name: 'A' }, labels: [], sortKey: 'a' }] });
});

describe('stored claims', () => {
  const claim: Claim = {
    subject: 'meeting:uae-talks',
    subjectType: 'Meeting',
    source: 'source:observer',
    published: '2026-01-25',
    values: { name: 'Talks', aliases: ['Trilateral talks'], startDate: { value: '2026-01-23', precision: 'DAY', inferred: true, expression: 'this weekend' } },
    names: [{ text: 'Talks', keys: ['talks'] }],
    evidence: [{ sourceId: 'source:observer', sentence: 1, excerpt: 'Talks', start: 0, end: 5 }],
  };

  test('a claim comes back as it was stored', () => {
    expect(fromClaimRow({ ...toClaimRow(claim, 'digest', true) })).toEqual({ ...claim, pinned: true });
  });

  test('absent parts read as nothing: no body, no publication date, not pinned', () => {
    expect(fromClaimRow({ of: 'actor:a', subjectType: 'Actor', source: 'source:a' })).toEqual({
      subject: 'actor:a',
      subjectType: 'Actor',
      source: 'source:a',
      published: null,
      values: {},
      names: [],
      evidence: [],
      pinned: false,
    });
  });

  test('a wrongly typed claim or body is refused, naming the field', () => {
    const pinned = thrown(() => fromClaimRow({ of: 'actor:a', source: 'source:a', pinned: 'yes' })) as RowShapeError;
    expect(pinned.message).toBe('Claim row (of "actor:a") does not have its expected shape: field "pinned": Invalid input: expected boolean, received string');
    const subject = thrown(() => fromClaimRow({ of: 'actor:a', source: 'source:a', subjectType: 'Planet' })) as RowShapeError;
    expect(subject.fields).toEqual(['subjectType']);
    const body = thrown(() =>
      fromClaimRow({ of: 'actor:a', source: 'source:a', body: JSON.stringify({ values: { name: 3 }, names: [], evidence: [] }) }),
    ) as RowShapeError;
    expect(body).toBeInstanceOf(RowShapeError);
    expect(body.shape).toBe('Claim body');
    expect(body.fields).toEqual(['values.name']);
  });
});
