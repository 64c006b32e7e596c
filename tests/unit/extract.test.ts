import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { GoldArticle, goldToFacts } from '../../src/extract/corpus';
import { draftFacts, draftWithProvenance } from '../../src/extract/draft';
import { endsWithAbbreviation, extractionSentences } from '../../src/extract/sentences';
import { evaluateDraft } from '../../src/extract/evaluate';
import type { EntityInput, FactsDocument } from '../../src/facts/format';
import { splitSentences } from '../../src/facts/sentences';
import { relationshipKey, validateFacts } from '../../src/facts/validate';
import { ARTICLE_FILE } from '../helpers/seed-file';

/** Drafts `text` and insists that the draft validates, as the CLI does. */
function draft(text: string): FactsDocument {
  const doc = draftFacts(text, { id: 'source:test' });
  const result = validateFacts(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return doc;
}

const entity = (doc: FactsDocument, id: string) => doc.entities.find((e) => e.id === id);
const nameOf = (doc: FactsDocument, id: string) => {
  const e = entity(doc, id) as { name?: string; title?: string } | undefined;
  return e?.name ?? e?.title;
};

/** Each drafted quote's opening words and the name of its speaker (undefined when none). */
function speakers(doc: FactsDocument): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const s of doc.entities.filter((e): e is Extract<EntityInput, { type: 'Statement' }> => e.type === 'Statement')) {
    const said = doc.relationships.find((r) => r.type === 'SAID' && r.to === s.id);
    out[s.text.split(' ').slice(0, 3).join(' ')] = said ? nameOf(doc, said.from) : undefined;
  }
  return out;
}

/** HOLDS as "holder: title (country)". */
function offices(doc: FactsDocument): string[] {
  return doc.relationships
    .filter((r) => r.type === 'HOLDS')
    .map((h) => {
      const country = doc.relationships.find((r) => r.type === 'POSITION_OF' && r.from === h.to);
      return `${nameOf(doc, h.from)}: ${nameOf(doc, h.to)}${country ? ` (${nameOf(doc, country.to)})` : ''}`;
    });
}

/** Meetings as "name: participants @ place". */
function meetings(doc: FactsDocument): string[] {
  return doc.entities
    .filter((e) => e.type === 'Meeting')
    .map((m) => {
      const who = doc.relationships.filter((r) => r.type === 'PARTICIPATED_IN' && r.to === m.id).map((r) => nameOf(doc, r.from));
      const where = doc.relationships.find((r) => r.type === 'HELD_IN' && r.from === m.id);
      return `${who.join(', ')} @ ${where ? nameOf(doc, where.to) : '?'}`;
    });
}

describe('the draft of the seed article', () => {
  const text = readFileSync(ARTICLE_FILE, 'utf8');
  const doc = draftFacts(text, { id: 'source:uae-talks' });

  test('validates, is marked as a draft, and inlines the text with default title and publisher', () => {
    const result = validateFacts(doc);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(doc.draft).toBe(true);
    expect(doc.source).toMatchObject({ id: 'source:uae-talks', publisher: 'Unknown', text, title: text.split('\n')[0] });
  });

  test('uses the metadata it is given', () => {
    const withMeta = draftFacts('Talks began in Vienna.', { id: 'source:x', title: 'T', publisher: 'P', date: '2026-01-25', url: 'https://example.org/a' });
    expect(withMeta.source).toMatchObject({
      title: 'T',
      publisher: 'P',
      url: 'https://example.org/a',
      publishedDate: { value: '2026-01-25', precision: 'DAY', inferred: false },
    });
  });
});

describe('quotes and their speakers', () => {
  test('"…," said X / X said / X told reporters / according to X / X said: “…” / straight quotes', () => {
    const doc = draft(
      [
        '“We will not accept tariffs that hurt our workers,” said Maria Lopez, the mayor of the port.',
        '“Europe has to speak with one voice,” Henrik Dahl told reporters.',
        '“There can be no deal without guarantees,” according to Amara Okafor.',
        'Okafor later added: “The guarantees must be written down.”',
        '"We need more time to prepare," Lopez said.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({
      'We will not': 'Maria Lopez',
      'Europe has to': 'Henrik Dahl',
      'There can be': 'Amara Okafor',
      'The guarantees must': 'Amara Okafor',
      'We need more': 'Maria Lopez',
    });
  });

  test('"he said" takes the speaker of the attribution just before it, and a quote-only sentence continues its paragraph’s quote', () => {
    const doc = draft('Henrik Dahl said the port would reopen. “It will be ready by spring,” he said. “Nobody should doubt that.”');
    expect(speakers(doc)).toEqual({ 'It will be': 'Henrik Dahl', 'Nobody should doubt': 'Henrik Dahl' });
  });

  test('a quote is left without a speaker when "she" could be either of two people, or a surname belongs to two', () => {
    const doc = draft(
      [
        'Anna Schmidt and Paula Weber arrived late. “This changes everything for the region,” she said.',
        'John Baker and Jane Baker disagreed. “The figures simply do not add up,” Baker said.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'This changes everything': undefined, 'The figures simply': undefined });
    expect(doc.entities.filter((e) => e.type === 'Statement').map((e) => e.id)).toEqual([
      'statement:unattributed-this-changes-everything-for-the-region',
      'statement:unattributed-the-figures-simply-do-not-add',
    ]);
  });

  test('a paragraph that is only a quote goes on in the voice of the paragraph before, when its last quote was attributed', () => {
    const doc = draft(
      [
        '“The harbour is open again today,” said Henrik Dahl.',
        '“Ships are already waiting outside.”',
        '',
        'Anna Berg visited the docks in the afternoon.',
        '“The cranes are working again.”',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'The harbour is': 'Henrik Dahl', 'Ships are already': 'Henrik Dahl', 'The cranes are': undefined });
  });

  test('a quote-only sentence continues the speaker that the sentence before it reports, or whose quote of several sentences it ends', () => {
    const doc = draft(
      [
        'Trade must grow by half, said Anna Berg. “We will open two more ports this year.”',
        '“We lost this round. It was a good fight,” Henrik Dahl told reporters. “We will be back in four years.”',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'We will open': 'Anna Berg', 'We lost this': 'Henrik Dahl', 'We will be': 'Henrik Dahl' });
  });

  test('an organisation that quoted someone speaks for what follows: “…,” it said; “…,” it went on; the press release said', () => {
    const doc = draft(
      [
        'The British Foreign and Commonwealth Office quoted Foreign Secretary Tom Harris as saying the talks were useful, Nordic Wire reported.',
        '“The Foreign Secretary was clear about the road ahead,” it said in a press release Nordic Wire has received.',
        '“The ministers discussed the crisis in the north,” it went on.',
        '“Mr Harris also raised the question of the border,” the press release said.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({
      'The Foreign Secretary': 'British Foreign and Commonwealth Office',
      'The ministers discussed': 'British Foreign and Commonwealth Office',
      'Mr Harris also': 'British Foreign and Commonwealth Office',
    });
  });

  test('"he said" after "The Senate Chairman …" is the one holder of that office; after "The Labour leader …", whom the text gave no such office, no one', () => {
    const doc = draft(
      [
        'Senate Chairman Anna Berg met Henrik Dahl, the Norwegian Finance Minister, in Oslo.',
        'The Senate Chairman praised the reforms of Finance Minister Henrik Dahl.',
        '“The reforms must go on,” he said.',
        'The Labour leader spoke later to party leader John Swinney.',
        '“We will win this time,” he said.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'The reforms must': 'Anna Berg', 'We will win': undefined });
    expect(offices(doc)).not.toContainEqual(expect.stringMatching(/praised/));
  });

  test('a title after the name with one comma; a speaker named with its verb at the end of the quote’s sentence', () => {
    const doc = draft(
      [
        '“We are pursuing the attackers,” Mohamud Saleh, North Eastern Regional Commander said.',
        'Anna Berg held “frank and constructive” talks with Henrik Dahl in Oslo on Sunday, the Nordic Foreign Ministry reported, according to Reuters.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'We are pursuing': 'Mohamud Saleh', 'frank and constructive': 'Nordic Foreign Ministry' });
    expect(doc.entities.map((e) => nameOf(doc, e.id))).not.toContain('North Eastern Regional Commander');
  });

  test('"he said" after a sentence whose subject is a person described, not named, has no speaker', () => {
    const doc = draft(
      [
        '“The port is closed,” said Henrik Dahl.',
        'A senior police officer who spoke on condition of anonymity said the roads were shut.',
        '“Nobody may pass today,” he said.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'The port is': 'Henrik Dahl', 'Nobody may pass': undefined });
  });

  test('more verbs of saying after a quote, past and present: urged, underlined, explains, notes', () => {
    const doc = draft(
      'Anna Berg and the Nordic Council spoke in Oslo.\n“We must act now,” Berg urged. “Trade matters most,” the council underlined. ' +
        '“The port is open,” Berg explains. “Ships are waiting,” she notes.',
    );
    expect(speakers(doc)).toEqual({
      'We must act': 'Anna Berg',
      'Trade matters most': 'Nordic Council',
      'The port is': 'Anna Berg',
      'Ships are waiting': 'Anna Berg',
    });
  });

  test('a rank before a name is a title, cut short or not: “…,” Col. Dipak Gurung said', () => {
    const doc = draft(
      'Army Spokesman Col. Dipak Gurung said Wednesday that the rebels had withdrawn. “That is fiction,” Col. Gurung said. Lt. Gen. Ann Smith agreed.',
    );
    expect(speakers(doc)).toEqual({ 'That is fiction': 'Dipak Gurung' });
    const people = doc.entities.filter((e) => e.type === 'Actor' && e.kind === 'PERSON').map((e) => nameOf(doc, e.id));
    expect(people).toEqual(['Dipak Gurung', 'Ann Smith']);
  });

  test('an office described by its country’s possessive or in other words: “…,” Norway’s foreign minister said; the premier; the Swedish leader', () => {
    const base = 'Norwegian Foreign Minister Anna Berg and Swedish Prime Minister Eva Ek met in Oslo on Monday.\n';
    expect(speakers(draft(`${base}“We will not back down,” Norway’s foreign minister said.`))).toEqual({ 'We will not': 'Anna Berg' });
    expect(speakers(draft(`${base}“We will not back down,” the premier said.`))).toEqual({ 'We will not': 'Eva Ek' });
    expect(speakers(draft(`${base}The premier said: “We will not back down.”`))).toEqual({ 'We will not': 'Eva Ek' });
    expect(speakers(draft(`${base}“We will not back down,” the Swedish leader said.`))).toEqual({ 'We will not': 'Eva Ek' });
    expect(speakers(draft(`${base}Sweden’s leader said: “We will not back down.”`))).toEqual({ 'We will not': 'Eva Ek' });
  });
});

describe('offices from appositions', () => {
  test('owner’s title, name; demonym title name; person’s title name; plural titles; name, owner’s title', () => {
    const doc = draft(
      [
        'Germany’s chancellor, Olaf Scholz, arrived first.',
        'The French president Emmanuel Macron followed.',
        'Scholz’s economic adviser Lena Vogt took notes.',
        'British envoys Tom Harris and Paul Green stayed outside.',
        'Kenji Sato, Japan’s minister for trade, left early.',
      ].join('\n'),
    );
    expect(offices(doc)).toEqual([
      'Olaf Scholz: Chancellor of Germany (Germany)',
      'Emmanuel Macron: President of France (France)',
      'Lena Vogt: Economic adviser of Olaf Scholz',
      'Tom Harris: Envoy of the United Kingdom (United Kingdom)',
      'Paul Green: Envoy of the United Kingdom (United Kingdom)',
      'Kenji Sato: Minister for trade of Japan (Japan)',
    ]);
  });

  test('a country the gazetteer lacks but compromise knows still owns the office', () => {
    expect(offices(draft('Oman’s foreign minister Badr Albusaidi mediated.'))).toEqual(['Badr Albusaidi: Foreign minister of Oman (Oman)']);
  });

  test('a relative is not an office', () => {
    expect(offices(draft('The senator’s son-in-law Mark Evans travelled with him.'))).toEqual([]);
  });
});

describe('meetings', () => {
  test('X met Y in Z; after meeting Y in Z, X ...; joining the talks across sentences', () => {
    const doc = draft(
      [
        'Olaf Scholz met Emmanuel Macron in Paris on Monday.',
        'After meeting Macron in Paris, the Dutch prime minister Mark Rutte flew home.',
        'Polish and Czech officials met for two days of talks in Vienna.',
        'Amara Okafor, who took part in the talks, called them useful.',
      ].join('\n'),
    );
    expect(meetings(doc)).toEqual([
      'Olaf Scholz, Emmanuel Macron @ Paris',
      'Mark Rutte, Emmanuel Macron @ Paris',
      'Polish officials, Czech officials, Amara Okafor @ Vienna',
    ]);
    expect(entity(doc, 'location:paris')).toMatchObject({ type: 'Location', kind: 'CITY' });
  });

  test('talks that name no party are not drafted, talks named in another place are other talks, and a weekday is not a place', () => {
    const doc = draft('Talks in Oman\nIranian and American negotiators held indirect talks in Muscat on Saturday.');
    expect(meetings(doc)).toEqual(['Iranian negotiators, American negotiators @ Muscat']);
    expect(doc.entities.map((e) => e.id)).not.toContain('location:saturday');
  });
});

describe('entities', () => {
  test('a surname merges into the full name; countries come from names, capitals and demonym groups', () => {
    const doc = draft('Olaf Scholz spoke in Berlin. Scholz said Kyiv wanted peace. Ukrainians were tired. Some European countries hesitated.');
    expect(entity(doc, 'actor:olaf-scholz')).toMatchObject({ name: 'Olaf Scholz', kind: 'PERSON', aliases: ['Scholz'] });
    expect(entity(doc, 'actor:scholz')).toBeUndefined();
    expect(entity(doc, 'country:ukraine')).toMatchObject({ type: 'Country', name: 'Ukraine', aliases: ['Kyiv'] });
    expect(entity(doc, 'location:berlin')).toMatchObject({ type: 'Location', kind: 'CITY' });
    expect(entity(doc, 'actor:ukrainians')).toMatchObject({ kind: 'GROUP' });
    expect(entity(doc, 'actor:some-european-countries')).toMatchObject({ kind: 'GROUP' });
    // Every excerpt is exact text of the sentence it cites.
    for (const e of doc.entities) for (const ev of e.evidence) expect(doc.source.text).toContain(ev.excerpt);
  });
});

describe('evaluateDraft', () => {
  const text = 'Anna Berg met Omar Said in Oslo. “We agreed on the first steps of the plan,” said Berg, Norway’s minister. Said spoke too.';
  const ev = (excerpt: string, sentence = 1) => [{ sentence, excerpt }];
  const base = (entities: EntityInput[], relationships: FactsDocument['relationships']): FactsDocument => ({
    source: { id: 'source:t', title: 't', publisher: 'p', text, evidence: [] },
    entities,
    relationships,
  });
  const person = (id: string, name: string, aliases: string[] = []): EntityInput => ({
    id,
    type: 'Actor',
    kind: 'PERSON',
    name,
    aliases,
    evidence: ev('Anna'),
  });
  const curated = base(
    [
      person('actor:anna-berg', 'Anna Berg', ['Berg']),
      person('actor:omar-said', 'Omar Said', ['Said']),
      { id: 'location:oslo', type: 'Location', kind: 'CITY', name: 'Oslo', aliases: [], evidence: ev('Oslo') },
      { id: 'country:norway', type: 'Country', name: 'Norway', aliases: [], evidence: ev('Norway', 2) },
      { id: 'statement:q', type: 'Statement', kind: 'QUOTE', text: 'We agreed on the first steps of the plan', topics: [], evidence: ev('We agreed', 2) },
      { id: 'position:m', type: 'Position', title: 'Minister of Norway', evidence: ev('minister', 2) },
    ],
    [
      { type: 'SAID', from: 'actor:anna-berg', to: 'statement:q', evidence: ev('said Berg', 2) },
      { type: 'HOLDS', from: 'actor:anna-berg', to: 'position:m', evidence: ev('minister', 2) },
      { type: 'HOLDS', from: 'actor:omar-said', to: 'position:m', evidence: ev('Said', 3) },
    ],
  );
  const drafted = base(
    [
      person('actor:berg', 'Berg'), // matches Anna Berg through her alias
      { id: 'actor:oslo', type: 'Actor', kind: 'ORGANIZATION', name: 'Oslo', aliases: [], evidence: ev('Oslo') }, // wrong class
      { id: 'country:norway', type: 'Country', name: 'Norway', aliases: [], evidence: ev('Norway', 2) },
      person('actor:said', 'Said'), // a person named like Omar Said's alias
      { id: 'statement:a', type: 'Statement', kind: 'QUOTE', text: 'We agreed on the first steps', topics: [], evidence: ev('We agreed', 2) },
      { id: 'statement:b', type: 'Statement', kind: 'QUOTE', text: 'We agreed on the first steps of the plan', topics: [], evidence: ev('We agreed', 2) },
      { id: 'position:x', type: 'Position', title: 'Foreign minister of Norway', evidence: ev('minister', 2) },
      { id: 'position:y', type: 'Position', title: 'Envoy', evidence: ev('Said', 3) },
    ],
    [
      { type: 'SAID', from: 'actor:berg', to: 'statement:a', evidence: ev('said Berg', 2) },
      { type: 'SAID', from: 'actor:said', to: 'statement:b', evidence: ev('Said', 3) }, // wrong speaker
      { type: 'HOLDS', from: 'actor:berg', to: 'position:x', evidence: ev('minister', 2) },
      { type: 'HOLDS', from: 'actor:said', to: 'position:y', evidence: ev('Said', 3) }, // wrong title
    ],
  );

  test('computes precision, recall and F1 from one-to-one, type-aware matches', () => {
    const result = evaluateDraft(drafted, curated);
    expect(result.entities).toMatchObject({ correct: 3, drafted: 4, found: 3, curated: 4, precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(result.missedEntities).toEqual(['Oslo']);
    expect(result.extraEntities).toEqual(['Oslo']);
    expect(result.quotes).toMatchObject({ correct: 1, drafted: 2, found: 1, curated: 1, precision: 0.5, recall: 1 });
    expect(result.quotes.f1).toBeCloseTo(2 / 3);
    expect(result.offices).toMatchObject({ correct: 1, drafted: 2, found: 1, curated: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  test('says which found quotes got another speaker, none, or one where the curated quote has nobody', () => {
    const quote = (id: string, words: string): EntityInput => ({ id, type: 'Statement', kind: 'QUOTE', text: words, topics: [], evidence: ev('We', 2) });
    const said = (from: string, to: string) => ({ type: 'SAID' as const, from, to, evidence: ev('said', 2) });
    const gold = base(
      [
        person('actor:anna-berg', 'Anna Berg', ['Berg']),
        person('actor:omar-said', 'Omar Said', ['Said']),
        quote('statement:1', 'We agreed on the first steps of the plan'),
        quote('statement:2', 'The harbour opens in the spring of next year'),
        quote('statement:3', 'Nobody should doubt the strength of this port'),
        quote('statement:4', 'A banner on the quay read welcome to the city'),
      ],
      [said('actor:anna-berg', 'statement:1'), said('actor:anna-berg', 'statement:2'), said('actor:omar-said', 'statement:3')],
    );
    const guess = base(
      [
        person('actor:berg', 'Berg'),
        person('actor:said', 'Said'),
        quote('statement:a', 'We agreed on the first steps of the plan'),
        quote('statement:b', 'The harbour opens in the spring of next year'),
        quote('statement:c', 'Nobody should doubt the strength of this port'),
        quote('statement:d', 'A banner on the quay read welcome to the city'),
      ],
      [said('actor:berg', 'statement:a'), said('actor:berg', 'statement:c'), said('actor:said', 'statement:d')],
    );
    expect(evaluateDraft(guess, gold).speakers).toEqual({ right: 1, of: 3, accuracy: 1 / 3, wrong: 1, none: 1, extra: 1 });
  });

  test('an empty draft scores zero, not NaN', () => {
    const result = evaluateDraft(base([], []), curated);
    expect(result.entities).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

test('the CLI refuses a bad date with the usage and exit code 2', () => {
  const run = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/cli/extract.ts', ARTICLE_FILE, '--date', '2026-02-30'],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('--date must be a real day as YYYY-MM-DD');
  expect(run.stderr).toContain('usage: npm run -s extract');
  expect(run.stdout).toBe('');
});

test('the CLI refuses a text over EXTRACT_TEXT_MAX_BYTES, a directory and an empty file, each with a coded line and exit 1', () => {
  const extract = (file: string, env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/cli/extract.ts', file], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
  const bytes = Buffer.byteLength(readFileSync(ARTICLE_FILE, 'utf8'));
  const empty = join(mkdtempSync(join(tmpdir(), 'extract-')), 'blank.txt');
  writeFileSync(empty, ' \n\n ');
  const runs = [
    [
      extract(ARTICLE_FILE, { EXTRACT_TEXT_MAX_BYTES: '1000' }),
      `[TEXT_TOO_LARGE] ${ARTICLE_FILE} has ${bytes} bytes; extraction drafts from at most 1000 (EXTRACT_TEXT_MAX_BYTES)`,
    ],
    [extract(PROJECT_ROOT), `[NOT_A_REGULAR_FILE] ${PROJECT_ROOT} is not a regular file`],
    [extract(empty), `[TEXT_EMPTY] ${empty} is empty: there is nothing to extract`],
  ] as const;
  for (const [run, line] of runs) {
    expect({ status: run.status, stdout: run.stdout, lines: run.stderr.trim().split('\n').length }).toEqual({ status: 1, stdout: '', lines: 1 });
    expect(run.stderr.startsWith(line)).toBe(true);
  }
  // The same article within the bound is drafted.
  expect(extract(ARTICLE_FILE, { EXTRACT_TEXT_MAX_BYTES: String(bytes) }).status).toBe(0);
});

test('one endless sentence is read to its end: names, offices, quotes and meetings past its first thousands of characters', () => {
  const text = `The talks in Geneva went on ${'and on '.repeat(600)}until Russian Foreign Minister Sergei Lavrov met Antony Blinken, who said “we made progress on the prisoners” and left as Maria Rossi arrived.`;
  const doc = draft(text);
  // (Maria Rossi is a person by the tagger's word alone: tags past the first piece keep their offsets.)
  expect(doc.entities.filter((e) => e.type === 'Actor').map((e) => nameOf(doc, e.id))).toEqual(['Sergei Lavrov', 'Antony Blinken', 'Maria Rossi']);
  expect(offices(doc)).toEqual(['Sergei Lavrov: Foreign minister of Russia (Russia)']);
  expect(speakers(doc)).toEqual({ 'we made progress': 'Antony Blinken' });
  expect(meetings(doc)).toEqual(['Sergei Lavrov, Antony Blinken @ Geneva']);
});

describe('extraction sentences', () => {
  test('abbreviations and initials do not end a sentence for the rules; evidence keeps the loader’s numbering', () => {
    const text = 'The U.S. State Department said on Jan. 5 that Mr. Dahl met Mark V. Hurd in Oslo. Talks ended.';
    expect(splitSentences(text).length).toBeGreaterThan(2); // the loader breaks after "U.S.", "Mr." and "V."
    const sentences = extractionSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['The U.S. State Department said on Jan. 5 that Mr. Dahl met Mark V. Hurd in Oslo.', 'Talks ended.']);
    const doc = draft(text);
    expect(meetings(doc)).toEqual(['Dahl, Mark V. Hurd @ Oslo']);
    // Evidence points at the loader's sentences (draft() also checks that the draft validates).
    const [evidence] = entity(doc, 'actor:mark-v-hurd')!.evidence;
    expect(splitSentences(text)[evidence.sentence - 1].text).toContain(evidence.excerpt);
  });

  test('endsWithAbbreviation knows initialisms, initials, titles and months, not ordinary words', () => {
    expect(['the U.S.', 'Mark V.', 'Mr.', 'on Jan.', 'Santa Clara, Calif.'].map(endsWithAbbreviation)).toEqual([true, true, true, true, true]);
    expect(['it ended.', 'in Oslo.', 'the plan.'].map(endsWithAbbreviation)).toEqual([false, false, false]);
  });
});

describe('names in real house styles', () => {
  test('a headline and a dateline are not names; the agency in brackets is', () => {
    const doc = draft('Dahl Concedes Harbour Race To Lund\nOSLO (Reuters) - Henrik Dahl conceded the race to Erik Lund on Monday.');
    const names = doc.entities
      .filter((e) => e.type === 'Actor' || e.type === 'Location' || e.type === 'Country')
      .map((e) => `${e.type}:${(e as { name: string }).name}`);
    expect(names).toEqual(expect.arrayContaining(['Location:Oslo', 'Actor:Reuters', 'Actor:Henrik Dahl', 'Actor:Erik Lund']));
    expect(names.join()).not.toMatch(/Concedes|OSLO/);
  });

  test('hyphenated compounds of parties are not names; "-led" and "-based" keep their name', () => {
    const doc = draft('The Trump-Putin summit followed Russia-Ukraine talks. A US-led group met Paris-based Suez, a rival of Veolia.');
    const ids = doc.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['country:russia', 'country:ukraine', 'country:united-states', 'location:paris']));
    expect(ids.join()).not.toMatch(/trump-putin|russia-ukraine/);
    expect(entity(doc, 'location:paris')).toMatchObject({ kind: 'CITY' });
    expect(entity(doc, 'actor:suez')).toMatchObject({ kind: 'ORGANIZATION' });
  });

  test('titles are split from names, and what owns a corporate title is an organisation', () => {
    const doc = draft('Globex CEO Maria Rossi spoke first. Deputy Foreign Minister Ivan Petrov and White House Chief of Staff Anna Berg listened.');
    expect(entity(doc, 'actor:maria-rossi')).toMatchObject({ kind: 'PERSON' });
    expect(entity(doc, 'actor:globex')).toMatchObject({ kind: 'ORGANIZATION' });
    expect(entity(doc, 'actor:ivan-petrov')).toMatchObject({ kind: 'PERSON' });
    expect(entity(doc, 'actor:anna-berg')).toMatchObject({ kind: 'PERSON' });
    expect(doc.entities.map((e) => e.id).join()).not.toMatch(/ceo-maria|minister-ivan|staff-anna/);
  });

  test('Arabic names with particles stay whole; two sheikhs stay two people', () => {
    const doc = draft('Sheikh Abdullah bin Zayed Al Nahyan met Sheikh Mohamed bin Zayed Al Nahyan. Bashar al-Assad was not there.');
    expect(entity(doc, 'actor:abdullah-bin-zayed-al-nahyan')).toMatchObject({ kind: 'PERSON' });
    expect(entity(doc, 'actor:mohamed-bin-zayed-al-nahyan')).toMatchObject({ kind: 'PERSON' });
    expect(entity(doc, 'actor:bashar-al-assad')).toMatchObject({ kind: 'PERSON' });
    expect(entity(doc, 'actor:zayed-al-nahyan')).toBeUndefined();
  });

  test('the Kremlin is the Russian government, not a place; Kyiv and Washington as actors are their countries', () => {
    const doc = draft('The Kremlin said the talks were useful. Kyiv disagreed, and Washington stayed silent.');
    expect(entity(doc, 'actor:kremlin')).toMatchObject({ type: 'Actor', kind: 'ORGANIZATION', description: 'The government of Russia, named for its seat' });
    expect(entity(doc, 'country:ukraine')).toMatchObject({ aliases: ['Kyiv'] });
    expect(entity(doc, 'country:united-states')).toMatchObject({ aliases: ['Washington'] });
  });

  test('a state institution named by its country is an organisation and speaks; an army chief or army troops are not one', () => {
    const doc = draft(
      'The Pakistani military said 12 militants were killed. “We will not allow terrorists to operate,” the military said. ' +
        'Pakistan’s military later denied it. Pakistani army chief Asim Munir visited, and Indian army troops moved.',
    );
    expect(entity(doc, 'actor:pakistani-military')).toMatchObject({ type: 'Actor', kind: 'ORGANIZATION', aliases: ['Pakistan’s military'] });
    expect(speakers(doc)['We will not']).toBe('Pakistani military');
    expect(doc.entities.filter((e) => e.type === 'Actor' && /army/.test(e.name))).toEqual([]);
  });

  test('an institution the text names by a noun alone speaks as an organisation of that name; a named one keeps its name', () => {
    const doc = draft(
      'Troops clashed on the border, the nation’s defence ministry said on Sunday.\n' +
        '“Both sides suffered minor injuries,” the defence ministry said in its statement. “The government has asked for calm,” it added.\n' +
        'The incident took place in the Nakula area, the ministry added. “Our units held the line,” the army said.',
    );
    expect(entity(doc, 'actor:defence-ministry')).toMatchObject({ type: 'Actor', kind: 'ORGANIZATION', name: 'defence ministry' });
    expect(speakers(doc)).toMatchObject({ 'Both sides suffered': 'defence ministry', 'Our units held': 'army' });
    expect(doc.entities.filter((e) => e.type === 'Actor' && /^(?:ministry|government)$/.test(e.name))).toEqual([]);

    const named = draft('The Nordic Defence Ministry met on Monday. “We are ready,” the ministry said. “Stand firm,” the defence ministry said.');
    expect(speakers(named)).toEqual({ 'We are ready': 'Nordic Defence Ministry', 'Stand firm': 'Nordic Defence Ministry' });
  });

  test('an acronym in brackets or made of the initials is the organisation it stands for', () => {
    const doc = draft('The Northern Fisheries Council (NFC) met on Monday. The NFC said quotas would fall. Shares of Hollis-Marden rose after HM said so.');
    expect(entity(doc, 'actor:northern-fisheries-council')).toMatchObject({ aliases: ['NFC'] });
    expect(entity(doc, 'actor:nfc')).toBeUndefined();
    expect(entity(doc, 'actor:hollis-marden')).toMatchObject({ kind: 'ORGANIZATION', aliases: ['HM'] });
  });

  test('movements known by one name, and "the X said", are no people: Hamas, the Taliban, Human Rights Watch, Kenya Police, the Ghana Airforce', () => {
    const doc = draft(
      '“We will not disarm,” Hamas said on Monday. “The talks failed,” the Taliban said. ' +
        '“Civilians died,” Human Rights Watch said. “Two were arrested,” Kenya Police said. Sergei Lavrov spoke. “No,” Lavrov said. A guard was mounted by the Ghana Airforce.',
    );
    const kinds = Object.fromEntries(doc.entities.filter((e) => e.type === 'Actor').map((e) => [nameOf(doc, e.id), e.type === 'Actor' ? e.kind : '']));
    expect(kinds).toEqual({
      Hamas: 'GROUP',
      Taliban: 'GROUP',
      'Human Rights Watch': 'ORGANIZATION',
      'Kenya Police': 'ORGANIZATION',
      'Sergei Lavrov': 'PERSON',
      'Ghana Airforce': 'ORGANIZATION',
    });
    expect(speakers(doc)).toMatchObject({ 'We will not': 'Hamas', 'The talks failed': 'Taliban', 'Civilians died': 'Human Rights Watch' });
  });

  test('a party by the one word its members go by is an organisation: Labour, the Greens; a minister of labour holds a portfolio', () => {
    const doc = draft('“We will win,” Labour said on Monday. The Greens agreed. Omar Said, the Minister of Labour, disagreed.');
    const orgs = doc.entities.filter((e) => e.type === 'Actor' && e.kind === 'ORGANIZATION').map((e) => nameOf(doc, e.id));
    expect(orgs).toEqual(['Labour', 'Greens']);
    expect(speakers(doc)).toEqual({ 'We will win': 'Labour' });
  });

  test('a name with the word for its kind of place is that place: the Black Sea, Osun State, Davao City, Kachin state; not the Chinese state or Ohio State University', () => {
    const doc = draft(
      'Ships sailed into the Black Sea and the South China Sea. In Osun State, voters queued. The offer of Davao City Mayor Ana Cruz stood. ' +
        'Fighting spread in Kachin state and in Afghanistan’s Paktia province. The Chinese state media said nothing. Ohio State University closed. Active state-to-state dialogue resumed.',
    );
    const places = Object.fromEntries(doc.entities.filter((e) => e.type === 'Location').map((e) => [nameOf(doc, e.id), e.type === 'Location' ? e.kind : '']));
    expect(places).toEqual({
      'Black Sea': 'AREA',
      'South China Sea': 'AREA',
      'Osun State': 'REGION',
      'Davao City': 'CITY',
      Kachin: 'REGION',
      Paktia: 'REGION',
    });
    expect(entity(doc, 'location:kachin')).toMatchObject({ aliases: ['Kachin state'] });
  });

  test('a company by the first word of its name, after a modifier such as “Mumbai-listed”, is the company; letters after a name and a pronoun opening a sentence are no names', () => {
    const doc = draft(
      'Harlow Mining Corp agreed to the sale on Monday. Mumbai-listed Harlow has appealed. Harlow said it would pay. ' +
        'The UN Security Council met. The UN agreed. ' +
        'Jane Doe MP welcomed it. “The plan will not resolve the problems of the country. They also noted that the proper way is dialogue,” said the company.',
    );
    const named = Object.fromEntries(
      doc.entities.filter((e) => e.type === 'Actor' || e.type === 'Location').map((e) => [nameOf(doc, e.id), e.type === 'Actor' ? e.kind : e.type]),
    );
    expect(named).toEqual({ 'Harlow Mining': 'ORGANIZATION', 'UN Security Council': 'ORGANIZATION', UN: 'ORGANIZATION', 'Jane Doe': 'PERSON' });
    expect(entity(doc, 'actor:harlow-mining')).toMatchObject({ aliases: expect.arrayContaining(['Harlow']) });
  });

  test('a statement’s author speaks its quotes: “A Trade Ministry statement said …”, then “The statement said … “…”” and “…,” the statement said', () => {
    const doc = draft(
      'Ministers of Norway and Chile met on Saturday. ' +
        'A Trade Ministry statement released after talks with the Fisheries Council said the dispute resulted in “lost opportunities for cooperation”.\n' +
        'The statement said Norway hopes the difficulties can be handled, “creating favourable conditions for trade”.\n' +
        'A statement from the Coast Authority after talks with the Fisheries Council criticised the delay. “The delay cost us dearly,” the statement said.\n' +
        'Separately, Anna Berg spoke to reporters. “Talks were good,” she said.',
    );
    expect(speakers(doc)).toEqual({
      'lost opportunities for': 'Trade Ministry',
      'creating favourable conditions': 'Trade Ministry',
      'The delay cost': 'Coast Authority',
      'Talks were good': 'Anna Berg',
    });
  });

  test('“he” after “The envoy said he …” is the person named before when no one was given that title; after “the spokesman for X, Y, confirmed” it is Y', () => {
    const doc = draft(
      [
        '“We had detailed talks,” Norwegian diplomat Geir Olsen told reporters.',
        'The envoy said he would meet officials later in the day.',
        '“Let us see how we proceed,” he added.',
        'However, the spokesman for President-elect Adama Bako, Halima Sow, confirmed the talks went on.',
        '“It is not conclusive,” he said.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'We had detailed': 'Geir Olsen', 'Let us see': 'Geir Olsen', 'It is not': 'Halima Sow' });
    expect(entity(doc, 'actor:adama-bako')).toMatchObject({ name: 'Adama Bako' });
  });

  test('a name after its trade (“drug firm Eli Lilly”, “glass maker Corning”), after “-listed” or “a subsidiary of”, or set off as “a subsidiary”, is a company, ticker or not; “the company’s chief” is a person’s title', () => {
    const doc = draft(
      'He also met with drug firm Eli Lilly LLY.N, device company Medtronic MDT.N and glass maker Corning GLW.N. ' +
        'Tronox will buy the pigment business of Cristal, a subsidiary of Oslo-listed Tasnee. ' +
        '“We will grow,” Mark Hurd, the company’s chief executive, said.',
    );
    const kinds = Object.fromEntries(doc.entities.filter((e) => e.type === 'Actor').map((e) => [nameOf(doc, e.id), e.type === 'Actor' ? e.kind : '']));
    expect(kinds).toMatchObject({
      'Eli Lilly': 'ORGANIZATION',
      Medtronic: 'ORGANIZATION',
      Corning: 'ORGANIZATION',
      Cristal: 'ORGANIZATION',
      Tasnee: 'ORGANIZATION',
      'Mark Hurd': 'PERSON',
    });
  });

  test('a name set off as a trade’s business (“Foxconn, the Taiwanese manufacturing giant”, “Micron Technology, a US firm”) or after “chairman of” is a company; “X, a former bank executive” is not', () => {
    const doc = draft(
      'Sharp hopes to sell a stake to Terry Guo, chairman of Foxconn, the Taiwanese manufacturing giant. ' +
        'Micron Technology, a US firm, is seeking to purchase Elpida Memory, the Japanese chip maker which filed for bankruptcy. ' +
        '“It will not last,” said Halvard Brekke, a former bank executive.',
    );
    const kinds = Object.fromEntries(doc.entities.filter((e) => e.type === 'Actor').map((e) => [nameOf(doc, e.id), e.type === 'Actor' ? e.kind : '']));
    expect(kinds).toMatchObject({ Foxconn: 'ORGANIZATION', 'Micron Technology': 'ORGANIZATION', 'Elpida Memory': 'ORGANIZATION', 'Halvard Brekke': 'PERSON' });
  });

  test('a capital someone visits or that the text calls “the capital” is a city: “visited Banjul”, “the Turkish capital Ankara”; a capital as an actor stays its country', () => {
    const doc = draft('Envoys visited Banjul on Friday. He spoke in the Turkish capital Ankara. The town lies north of the capital, Juba. Ankara says no.');
    const places = doc.entities.filter((e) => e.type === 'Location').map((e) => nameOf(doc, e.id));
    expect(places).toEqual(['Banjul', 'Ankara', 'Juba']);
    expect(entity(doc, 'country:turkey')).toMatchObject({ aliases: ['Ankara'] });
  });

  test('“X of the African Union” is a person of a body; “Coventry MPs Bob Ainsworth”, “MP Jack Dromey” are people after their seat; “al Houthi” after a particle is a family name', () => {
    const doc = draft(
      '“They are in good spirits,” said Edem Kodjo of the African Union. Coventry MPs Bob Ainsworth and Jim Cole met. ' +
        'They went with MP Jack Dromey. On Saturday, Mohammed Ali al Houthi, head of the council, spoke. The Houthis fired. Bank of America fell.',
    );
    const kinds = Object.fromEntries(doc.entities.filter((e) => e.type === 'Actor').map((e) => [nameOf(doc, e.id), e.type === 'Actor' ? e.kind : '']));
    expect(kinds).toEqual({
      'Edem Kodjo': 'PERSON',
      'African Union': 'ORGANIZATION',
      'Bob Ainsworth': 'PERSON',
      'Jim Cole': 'PERSON',
      'Jack Dromey': 'PERSON',
      'Mohammed Ali al Houthi': 'PERSON',
      Houthis: 'GROUP',
      'Bank of America': 'ORGANIZATION',
    });
    expect(speakers(doc)).toEqual({ 'They are in': 'Edem Kodjo' });
  });

  test('a name its initials follow in brackets is a body, whatever its words look like; a country so written stays a country', () => {
    const doc = draft(
      'Leaders of the Nordic Harbour Dialogue (NHD) and the Coastal Democratic Congress (CDC) met in Oslo. ' +
        'Fighters of the Sudan Revolutionary Front (SRF) and the Free Darfur Movement-North (FDM-N) withdrew. The SRF said so. ' +
        'Envoys flew to the United Arab Emirates (UAE).',
    );
    const kinds = Object.fromEntries(
      doc.entities.filter((e) => e.type === 'Actor' || e.type === 'Country').map((e) => [nameOf(doc, e.id), e.type === 'Actor' ? e.kind : e.type]),
    );
    expect(kinds).toMatchObject({
      'Nordic Harbour Dialogue': 'ORGANIZATION',
      'Coastal Democratic Congress': 'ORGANIZATION',
      'Sudan Revolutionary Front': 'GROUP',
      'Free Darfur Movement-North': 'GROUP',
      Sudan: 'Country',
      'United Arab Emirates': 'Country',
    });
    expect(entity(doc, 'actor:sudan-revolutionary-front')).toMatchObject({ aliases: ['SRF'] });
    expect(entity(doc, 'actor:srf')).toBeUndefined();
  });
});

describe('quote attribution in common house styles', () => {
  test('"said in a statement" with a title, speaker before with a comma, short quotes, guillemets, and a quote over two sentences', () => {
    const doc = draft(
      [
        '“The time for talk is over,” Globex CEO Maria Rossi said in a statement.',
        'Henrik Dahl said in a video, “We have reached the port. Ships are waiting.”',
        'Amara Okafor said the deal was “a good start”.',
        '« Nobody wanted this outcome, » Ivan Petrov said.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({
      'The time for': 'Maria Rossi',
      'We have reached': 'Henrik Dahl',
      'a good start': 'Amara Okafor',
      'Nobody wanted this': 'Ivan Petrov',
    });
  });

  test('the statement added, the tweet added, he was quoted as saying, and quoted X as saying', () => {
    const doc = draft(
      [
        'The Northern Fisheries Council said in a statement that quotas would fall. “The stocks need two years to recover,” the statement added.',
        '“I accept the result,” Xinhua quoted Omar Haddad as saying.',
        'Henrik Dahl spoke next. “The port stays open,” he was quoted by local media as saying.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'The stocks need': 'Northern Fisheries Council', 'I accept the': 'Omar Haddad', 'The port stays': 'Henrik Dahl' });
  });

  test('"he said" goes to the last named person, and a described office holder to the one holding that office', () => {
    const doc = draft(
      [
        'Norway’s foreign minister, Anna Berg, arrived with Henrik Dahl. Anna Berg said the talks were hard.',
        '“We will meet again in May,” she said.',
        'The foreign minister said later that the deal was “close to done”.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'We will meet': 'Anna Berg', 'close to done': 'Anna Berg' });
  });
});

describe('quote attribution: more house styles', () => {
  test('"said <company> chief executive <Name>" goes to the person, not the company that owns the title', () => {
    const doc = draft(
      '“We will keep our plants open,” said Globex chief executive Maria Rossi.\n“Prices will rise,” said Initech Chief Executive Officer Omar Haddad on Tuesday.',
    );
    expect(speakers(doc)).toEqual({ 'We will keep': 'Maria Rossi', 'Prices will rise': 'Omar Haddad' });
  });

  test('an agency "reported that", "the agency said" and "it said" go to the organisation or group meant', () => {
    const doc = draft(
      [
        'The state news agency NORTA reported that the army “has restored calm to the city”.',
        'NORTA reported that the army had retaken the town. “The fighters fled toward the border,” the agency said.',
        'The dominant force there is the Northern Front alliance, formerly the Eastern Front. It said the truce was “a trap for our fighters”.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'has restored calm': 'NORTA', 'The fighters fled': 'NORTA', 'a trap for': 'Northern Front' });
  });

  test('"it said" stays unattributed when two organisations could be meant', () => {
    const doc = draft('Globex and Initech sued each other. It said the ruling was “a victory for common sense”.');
    expect(speakers(doc)).toEqual({ 'a victory for': undefined });
  });

  test('"Name: “…”" at the start of a paragraph is a speaker, not a dateline; "OSLO: “…”" still is a dateline', () => {
    const doc = draft('Henrik Dahl spoke to the press.\nDahl: “We are ready for the next round.”\nOSLO: “The port stays open,” Anna Berg said.');
    expect(speakers(doc)).toEqual({ 'We are ready': 'Henrik Dahl', 'The port stays': 'Anna Berg' });
    expect(doc.entities.filter((e) => e.type === 'Location').map((e) => (e as { name: string }).name)).toEqual(['Oslo']);
  });

  test('verbs of judgement, "according to" inside the sentence, a statement from X, a dash signature, an age for a name', () => {
    const doc = draft(
      [
        'Henrik Dahl called the decision “a disgrace for the country”.',
        'Anna Berg urged voters to “stay at home on Sunday”.',
        'The rebels, according to Erik Lund, were “tired of the war”.',
        'A statement from the Foreign Ministry said the talks were “useful and frank”.',
        '“The harbour is closed” – Maria Rossi',
        'Omar Haddad, 56, spoke in Oslo. “We did it at last,” the 56-year-old said.',
        'Ivan Petrov told Lena Sokol: “The deal is done.”',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({
      'a disgrace for': 'Henrik Dahl',
      'stay at home': 'Anna Berg',
      'tired of the': 'Erik Lund',
      'useful and frank': 'Foreign Ministry',
      'The harbour is': 'Maria Rossi',
      'We did it': 'Omar Haddad',
      'The deal is': 'Ivan Petrov',
    });
  });

  test('a guillemet quote of several sentences is attributed after it ends', () => {
    const doc = draft('« We are not going to accept this. The ceasefire must hold everywhere, » Ivan Petrov told reporters.');
    expect(speakers(doc)).toEqual({ 'We are not': 'Ivan Petrov' });
  });

  test('a quote left open at the end of a paragraph goes on in the next, with the same speaker; a new attribution wins', () => {
    const doc = draft('Ivan Petrov said: “We will win.\n“Our people are with us.”\n“Nobody asked us,” said Anna Berg.');
    expect(speakers(doc)).toEqual({ 'We will win.': 'Ivan Petrov', 'Our people are': 'Ivan Petrov', 'Nobody asked us': 'Anna Berg' });
  });
});

describe('quote attribution: rules from the second round of dev reports', () => {
  test('a surname is the person of that name named before it, though another of the name comes later; a "while" clause is the next quote’s', () => {
    const doc = draft(
      [
        'Minister Ravi Singh held talks with Omar Kasim in Oslo on Monday.',
        'Singh later told reporters ‘the chemistry was good’ while Kasim said, “We discussed all the issues.”',
        'Singh emphasised the need for progress.',
        '“We thought the meeting would help,” he said.',
        'It was the first contact since the Anil Singh government took power.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'the chemistry was': 'Ravi Singh', 'We discussed all': 'Omar Kasim', 'We thought the': 'Ravi Singh' });
  });

  test('"X joked: “…”", "X ..., but said that ... “…”", and "the Russian president added:" with two presidents in the text', () => {
    const doc = draft(
      [
        'Prime Minister Erik Lund held talks with Russian President Ivan Petrov.',
        'Syrian President Omar Haddad was not invited.',
        'Mr Lund joked: “I look forward to the judo with the president.”',
        'Mr Petrov made no reference to his stance on Damascus, but said that both sides “see eye-to-eye” on trade.',
        'The Russian president added: “We agreed to keep working.”',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'I look forward': 'Erik Lund', 'see eye-to-eye': 'Ivan Petrov', 'We agreed to': 'Ivan Petrov' });
  });

  test('a quote left open at the end of a paragraph runs to its closing mark in the next, and the attribution there covers both', () => {
    const doc = draft('Anna Berg met Henrik Dahl in Oslo.\n"An informal dinner was held yesterday.\nThey spoke for eight hours," Kari Moe said at a briefing.');
    expect(speakers(doc)).toEqual({ 'An informal dinner': 'Kari Moe', 'They spoke for': 'Kari Moe' });
  });

  test('a family name written first is the short name ("Xi"), and "said AU official X" is the official’s', () => {
    const doc = draft(
      [
        'Chinese President Xi Jinping met a delegation in Beijing.',
        'Xi said ties are “the most important in the world” for both.',
        '“We hope they will sign an agreement,” said AU official Boitshoko Mokgatlhe.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({ 'the most important': 'Xi Jinping', 'We hope they': 'Boitshoko Mokgatlhe' });
  });
});

describe('names: rules from the second round of dev reports', () => {
  const names = (doc: FactsDocument) => doc.entities.filter((e) => e.type === 'Actor' || e.type === 'Country').map((e) => nameOf(doc, e.id));
  test('a company by its short name is the company named in full; a country name before an organisation word is part of its name', () => {
    expect(names(draft('Cisco Systems agreed to buy Acacia Communications. Cisco said Acacia shareholders agreed.'))).toEqual([
      'Cisco Systems',
      'Acacia Communications',
    ]);
    expect(names(draft('Qatar Airways said the US State Department had agreed.'))).toEqual(['Qatar Airways', 'Qatar', 'US State Department', 'United States']);
    expect(names(draft('Results\nHenrique Capriles conceded.\nCopyright AFP (Agence France-Presse), 2012'))).toEqual([
      'Henrique Capriles',
      'Agence France-Presse',
    ]);
  });
});

describe('meetings: rules from the second round of dev reports', () => {
  test('"X has held talks at Y with Z", "he met Y" after a sentence naming X, and "he and Y gave ... following talks"', () => {
    expect(meetings(draft('Prime Minister Erik Lund has held talks at the Royal Palace with President Ivan Petrov.'))).toEqual([
      'Erik Lund, Ivan Petrov @ Royal Palace',
    ]);
    expect(meetings(draft('Anna Berg arrived in Oslo on Monday.\nShe met Henrik Dahl in the evening.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    // A time or place may open the sentence before the pronoun, with no comma.
    expect(meetings(draft('Anna Berg arrived in Oslo on Monday.\nOn Tuesday she held talks with Henrik Dahl.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Anna Berg arrived in Oslo on Monday.\nEarlier in the day she met Henrik Dahl.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(
      meetings(
        draft(
          'Foreign Minister Anna Berg and her Swedish counterpart, Henrik Dahl, spent two days together.\nDahl is in Oslo on his first visit.\nEarlier in the day, he and Berg gave a press conference following talks.',
        ),
      ),
    ).toEqual(['Henrik Dahl, Anna Berg @ ?']);
  });

  test('"X said following a meeting with Y" with titles before X is a meeting; one that is not ruled out is none', () => {
    expect(
      meetings(draft('Swedish Foreign Minister Anna Berg said following a meeting with her Finnish counterpart Henrik Dahl on Thursday that talks went well.')),
    ).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('The government does not rule out a meeting between Anna Berg and Henrik Dahl.'))).toEqual([]);
  });
});

describe('meetings: rules from the eighth round of dev reports', () => {
  test('"A and B have met for a second time" is a meeting of A and B; "X met the Unite union’s General Secretary Y" is a meeting with Y, not the union', () => {
    expect(meetings(draft('Anna Berg and Henrik Dahl have met for a second time to discuss a coalition.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('The council met for talks on Monday.'))).toEqual([]);
    expect(meetings(draft('Carlos Tavares met the Unite union’s General Secretary Len McCluskey yesterday.'))).toEqual(['Carlos Tavares, Len McCluskey @ ?']);
  });

  test('"after he met Y" is a meeting of the person named before and Y; "talks with rivals in Z" names no party after "in"', () => {
    expect(meetings(draft('Anna Berg spoke on Tuesday.\nHer remarks came after she met party leader Henrik Dahl on Tuesday afternoon.'))).toEqual([
      'Anna Berg, Henrik Dahl @ ?',
    ]);
    expect(meetings(draft('Former leader Anna Berg has held talks with electoral rivals in Norway, in an effort to mediate.'))).toEqual(['Anna Berg @ Norway']);
  });
});

describe('meetings in common house styles', () => {
  test('parties met together, talks between, held talks with, delegations from', () => {
    const doc = draft(
      [
        'Anna Berg and Henrik Dahl met in Oslo on Monday.',
        'The talks in Vienna between Ivan Petrov, Maria Rossi and Omar Haddad lasted hours.',
        'Erik Lund held talks with John Baker.',
        'Representatives from Norway, Sweden and Finland met in Helsinki.',
      ].join('\n'),
    );
    expect(meetings(doc)).toEqual(
      expect.arrayContaining([
        'Anna Berg, Henrik Dahl @ Oslo',
        'Ivan Petrov, Maria Rossi, Omar Haddad @ Vienna',
        'Erik Lund, John Baker @ ?',
        'Norway, Sweden, Finland @ Helsinki',
      ]),
    );
  });
});

describe('meetings: receptions, calls and talks after which parties acted', () => {
  test('hosted a reception for, received a newly-accredited ambassador, called on, paid a courtesy call on, presented credentials to, travelled to meet (not "will fly to meet", "called on X to unite" or "a meeting with X would be"), signed after face-to-face talks, time and place around "received"', () => {
    const lines = [
      'Foreign Minister Anna Berg on November 25 hosted a reception for Lao Ambassador Henrik Dahl.',
      'Later the same day, Minister Erik Lund received newly-accredited Ambassador of Saudi Arabia Omar Haddad.',
      'The Ambassador of Russia to Norway Ivan Petrov has called on the newly appointed Minister of Foreign Affairs Lena Sokol.',
      'Meanwhile the High Commissioner of Pakistan, Kenji Sato, has also paid a courtesy call on the Minister of Finance Laura Smith.',
      'President Paul Durand and Hans Weber, leader of the rebel forces, signed a truce after their first ever face-to-face talks in Geneva.',
      'President Muhammadu Buhari Friday at the Presidential Villa, Abuja, received the new Governor of Osun State, Senator Ademola Adeleke, promising help.',
      'President Mahmoud Abbas received Saturday evening, at the presidential headquarters in Ramallah, Labour Minister Ali Abed Al-Ridha.',
      'Norway’s new ambassador to Chile, Anna Berg, presented her credentials on Tuesday to Chilean President Lena Sokol.',
      'High Commissioner to Ghana, Ambassador Henrik Dahl has presented Letter of Credence to President Kenji Sato of Ghana.',
      'Greg Clark travelled to the French capital on Thursday to meet with French industry minister Christophe Sirugue.',
      'Anna Berg will fly to Oslo on Monday to meet Henrik Dahl.',
      'Emmerson Mnangagwa has called on Zimbabweans to unite. Lars Berg said a meeting with Omar Haddad would be his first priority.',
    ];
    expect(lines.map((line) => meetings(draft(line)).map((m) => m.split(' @ ')[0]))).toEqual([
      ['Anna Berg, Henrik Dahl'],
      ['Erik Lund, Omar Haddad'],
      ['Ivan Petrov, Lena Sokol'],
      ['Kenji Sato, Laura Smith'],
      ['Paul Durand, Hans Weber'],
      ['Muhammadu Buhari, Ademola Adeleke'],
      ['Mahmoud Abbas, Ali Abed Al-Ridha'],
      ['Anna Berg, Lena Sokol'],
      ['Henrik Dahl, Kenji Sato'],
      ['Greg Clark, Christophe Sirugue'],
      [],
      [],
    ]);
  });
});

describe('meetings: one with each party, and described hosts', () => {
  test('separate meetings with party chairs, talks with counterparts from several countries, and "the president" as the office holder', () => {
    const doc = draft(
      [
        'President Anna Berg won the vote on Sunday.',
        'The president held separate meetings with the Left Party (LP) Chair Henrik Dahl, the Green Party (GP) Chair Erik Lund and the Farmers Party (FP) Chair Omar Haddad.',
        'Foreign Minister Kenji Sato held talks with counterparts from Brazil, Mexico and Senegal.',
        'The foreign minister also met Fijian Prime Minister Laura Smith.',
      ].join('\n'),
    );
    expect(meetings(doc).map((m) => m.split(' @ ')[0])).toEqual([
      'Anna Berg, Henrik Dahl',
      'Anna Berg, Erik Lund',
      'Anna Berg, Omar Haddad',
      'Kenji Sato, Brazil',
      'Kenji Sato, Mexico',
      'Kenji Sato, Senegal',
      'Kenji Sato, Laura Smith',
    ]);
  });
});

describe('meetings: relative clauses and lists of titled people', () => {
  test('"X, who arrived last night, met President A, Premier B and C"', () => {
    const doc = draft('Prime Minister Anna Berg, who arrived here last night, met President Henrik Dahl, Premier Erik Lund and Omar Haddad.');
    expect(meetings(doc).map((m) => m.split(' @ ')[0])).toEqual(['Anna Berg, Henrik Dahl, Erik Lund, Omar Haddad']);
  });
});

describe('names: more house styles', () => {
  test('People’s inside a party’s name, "X-based" before a company, "Honourable" and "MD of" before a name, "Dar es Salaam", a demonym alone', () => {
    const doc = draft(
      [
        'The Governor, elected on the platform of the People’s Democratic Party, spoke.',
        'California-based Globex Inc said it would buy Initech.',
        'Honourable Susan Rodrigues and MD of Lulu Group International, Ananth Rao, met in Dar es Salaam.',
        'It was the first trip to the Asian country by African lawmakers.',
        'Xi Jinping met Anna Berg at the Great Hall of the People, then drove to the Presidential Villa.',
        'The attacks in Kathmandu, Lalitpur and Kirtipur continued.',
        'Minister for Political Affairs Amir Muqam told the Daily Mirror the talks went well.',
        'A million people fled, the UN says, as Grupo TCO and the London Stock Exchange Group cut ties.',
      ].join('\n'),
    );
    const names = doc.entities.filter((e) => e.type !== 'Statement' && e.type !== 'Position').map((e) => nameOf(doc, e.id));
    expect(names).toEqual(expect.arrayContaining(['People’s Democratic Party', 'Globex', 'Susan Rodrigues', 'Lulu Group International', 'Dar es Salaam']));
    expect(names).not.toContain('Democratic Party');
    expect(entity(doc, 'location:great-hall-of-the-people')).toMatchObject({ type: 'Location', name: 'Great Hall of the People' });
    expect(entity(doc, 'location:presidential-villa')).toMatchObject({ type: 'Location' });
    expect(entity(doc, 'location:lalitpur')).toMatchObject({ type: 'Location' });
    expect(entity(doc, 'actor:amir-muqam')).toMatchObject({ kind: 'PERSON' });
    expect(entity(doc, 'actor:daily-mirror')).toMatchObject({ kind: 'ORGANIZATION' });
    for (const id of ['actor:un', 'actor:grupo-tco', 'actor:london-stock-exchange-group']) expect(entity(doc, id)).toMatchObject({ kind: 'ORGANIZATION' });
    expect(entity(doc, 'country:united-kingdom')).toBeUndefined();
    expect(names).not.toEqual(expect.arrayContaining(['Asian']));
    expect(names).not.toEqual(expect.arrayContaining(['African']));
    expect(names.filter((n) => /based|Honourable|MD of/.test(n ?? ''))).toEqual([]);
  });
});

describe('meetings: titles before the visitor', () => {
  test('"PM" and "CM" are titles, not parties ("met CM Berg"); an adverb opening the sentence is no part of a name; talks the parties agreed to continue are not a meeting held', () => {
    const doc = draft(
      [
        'Syria tops agenda as PM meets Putin',
        'CM Anna Berg met investors in Oslo on Monday.',
        'Both men agreed to continue discussions between London and Moscow on the issue.',
        'Later Henrik Dahl met CM Berg.',
      ].join('\n'),
    );
    expect(meetings(doc)).toEqual(['Henrik Dahl, Anna Berg @ ?']);
    expect(doc.entities.filter((e) => e.type === 'Actor').map((e) => nameOf(doc, e.id))).toEqual(expect.arrayContaining(['Anna Berg']));
    expect(doc.entities.map((e) => nameOf(doc, e.id))).not.toContain('PM');
  });

  test('a headline and the story that tell the same meeting of the same parties draft one meeting', () => {
    const doc = draft('Berg meets Dahl in Oslo\n\nOSLO, June 19 -- Prime Minister Anna Berg met with Henrik Dahl at the palace on Monday.');
    expect(meetings(doc).map((m) => m.split(' @ ')[0])).toEqual(['Anna Berg, Henrik Dahl']);
  });

  test('the words after a person’s title are a name even when one of them is also a place: “Secretary of State Antony Blinken”', () => {
    const doc = draft('Chinese President Xi Jinping met with U.S. Secretary of State Antony Blinken at the Great Hall of the People on Monday.');
    expect(meetings(doc)).toEqual(['Xi Jinping, Antony Blinken @ ?']);
    expect(entity(doc, 'actor:antony-blinken')).toMatchObject({ type: 'Actor', kind: 'PERSON', name: 'Antony Blinken' });
  });

  test('“held a meeting with US Ambassador to Norway Henrik Dahl”: the person, not the country of the title, is the one met', () => {
    const doc = draft('Senate Chairman Anna Berg held a meeting with US Ambassador to Norway Henrik Dahl in Oslo.');
    expect(meetings(doc)).toEqual(['Anna Berg, Henrik Dahl @ Oslo']);
  });
});

describe('meetings: more house styles', () => {
  test('received, hosted, was received by, sat down with, had talks with, a meeting with, talks after which parties acted', () => {
    const lines = [
      'Anna Berg received Henrik Dahl in Oslo on Monday.',
      'Erik Lund hosted John Baker in Bergen.',
      'Omar Haddad was received by Maria Rossi in Rome.',
      'Ivan Petrov sat down with Lena Sokol in Minsk.',
      'Kenji Sato had talks with Laura Smith in Lagos.',
      'During his meeting with Paul Durand in Paris, Hans Weber said the deal was close.',
      'Sofia Nunes’s meeting with Tom Reed in Lisbon lasted two hours.',
      'Foreign Minister Ali Kaya and his Greek counterpart Nikos Pappas announced a truce after marathon talks in Geneva.',
      'Carla Diaz and Pedro Ruiz discussed trade during a meeting in Madrid.',
    ];
    expect(meetings(draft(lines.join('\n')))).toEqual([
      'Anna Berg, Henrik Dahl @ Oslo',
      'Erik Lund, John Baker @ Bergen',
      'Omar Haddad, Maria Rossi @ Rome',
      'Ivan Petrov, Lena Sokol @ Minsk',
      'Kenji Sato, Laura Smith @ Lagos',
      'Hans Weber, Paul Durand @ Paris',
      'Sofia Nunes, Tom Reed @ Lisbon',
      'Ali Kaya, Nikos Pappas @ Geneva',
      'Carla Diaz, Pedro Ruiz @ Madrid',
    ]);
  });

  test('planned meetings, letters received and decisions welcomed are no meetings; a named meeting absorbs "talks in Z" of its sentence', () => {
    const none = [
      'Anna Berg will hold talks with Henrik Dahl next week.',
      'Anna Berg received a letter from Henrik Dahl.',
      'Anna Berg welcomed the decision by Henrik Dahl.',
      'Anna Berg is expected to have a meeting with Henrik Dahl.',
    ];
    for (const line of none) expect(meetings(draft(line))).toEqual([]);
    expect(meetings(draft('Anna Berg and Henrik Dahl met on the sidelines of the summit in Oslo.'))).toEqual(['Anna Berg, Henrik Dahl @ Oslo']);
  });
});

describe('meetings told in other words', () => {
  test('"A and B had a meeting", "held talks", "discussed": two parties or more before the words, no "with" after', () => {
    expect(meetings(draft('Anna Berg and Henrik Dahl had a meeting on May 25 in the framework of the visit.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Anna Berg and her Swedish counterpart Henrik Dahl also discussed the plan.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Norway and Sweden held talks in Oslo.'))).toEqual(['Norway, Sweden @ Oslo']);
    expect(meetings(draft('Anna Berg and Henrik Dahl will hold talks in Oslo.'))).toEqual([]);
  });

  test('"exchanged views with", "conferred with", "negotiated with", "co-chaired … with", a visit to a person, and "A and B are meeting"', () => {
    expect(meetings(draft('Foreign Minister Anna Berg exchanged views with her Swedish counterpart Henrik Dahl in Oslo.'))).toEqual([
      'Anna Berg, Henrik Dahl @ Oslo',
    ]);
    expect(meetings(draft('Anna Berg and Henrik Dahl exchanged views on regional issues.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Anna Berg conferred with Henrik Dahl on Monday.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Anna Berg negotiated with Henrik Dahl for three hours.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Anna Berg co-chaired the joint economic commission with Henrik Dahl in Oslo.'))).toEqual(['Anna Berg, Henrik Dahl @ Oslo']);
    expect(meetings(draft('Anna Berg visited Henrik Dahl at his residence.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Henrik Dahl was visited by Anna Berg.'))).toEqual(['Henrik Dahl, Anna Berg @ ?']);
    expect(meetings(draft('Anna Berg visited Oslo with Henrik Dahl.'))).toEqual([]);
    expect(meetings(draft('Anna Berg and Henrik Dahl are meeting in Oslo.'))).toEqual(['Anna Berg, Henrik Dahl @ Oslo']);
    expect(meetings(draft('Anna Berg will negotiate with Henrik Dahl next week.'))).toEqual([]);
  });

  test('joint press conferences, "the meeting of A and B", a bilateral, "is meeting", "is hosting", "met separately with", and a meeting clause opening the sentence', () => {
    expect(meetings(draft('Anna Berg and Henrik Dahl held a joint press conference in Oslo.'))).toEqual(['Anna Berg, Henrik Dahl @ Oslo']);
    expect(meetings(draft('A joint news briefing by Foreign Minister Anna Berg and visiting Minister Henrik Dahl was delayed.'))).toEqual([
      'Anna Berg, Henrik Dahl @ ?',
    ]);
    expect(meetings(draft('The meeting of Anna Berg and Henrik Dahl lasted two hours.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Anna Berg held a bilateral with Henrik Dahl.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Anna Berg is meeting Henrik Dahl in Oslo today.'))).toEqual(['Anna Berg, Henrik Dahl @ Oslo']);
    expect(meetings(draft('Anna Berg is hosting Henrik Dahl in Oslo.'))).toEqual(['Anna Berg, Henrik Dahl @ Oslo']);
    expect(meetings(draft('Anna Berg met separately with Henrik Dahl and Omar Said.'))).toEqual(['Anna Berg, Henrik Dahl @ ?', 'Anna Berg, Omar Said @ ?']);
    expect(meetings(draft('At their meeting in Oslo, Anna Berg and Henrik Dahl agreed to cooperate.'))).toEqual(['Anna Berg, Henrik Dahl @ Oslo']);
    expect(meetings(draft('After the meeting, Anna Berg said she was pleased.'))).toEqual([]);
  });

  test('a relative clause between two parties joined by "and" names no party; "A told B during the talks" is a meeting of A and B', () => {
    expect(meetings(draft('Anna Berg, who is visiting Oslo, and Henrik Dahl discussed trade.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Henrik Dahl, who arrived on Monday, and Anna Berg met at the palace.'))).toEqual(['Henrik Dahl, Anna Berg @ ?']);
    expect(meetings(draft('Omar Said met Anna Berg, who is visiting Oslo, and Henrik Dahl.'))).toEqual(['Omar Said, Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Anna Berg told Henrik Dahl during the talks that trade mattered.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Anna Berg thanked Henrik Dahl at the meeting for his help.'))).toEqual(['Anna Berg, Henrik Dahl @ ?']);
    expect(meetings(draft('Anna Berg praised Henrik Dahl after the meeting with Omar Said.'))).toEqual(['Anna Berg, Omar Said @ ?']);
    expect(meetings(draft('Anna Berg criticised Henrik Dahl at a party meeting.'))).toEqual([]);
  });

  test('"the talks were led by A and B", "the meeting, attended by A and B", "brought together A and B": a meeting when the text told none before', () => {
    expect(meetings(draft('The talks were led by Henrik Dahl and Anna Berg.'))).toEqual(['Henrik Dahl, Anna Berg @ ?']);
    expect(meetings(draft('The meeting, attended by Henrik Dahl and Anna Berg, lasted an hour.'))).toEqual(['Henrik Dahl, Anna Berg @ ?']);
    expect(meetings(draft('The two-hour talks brought together Henrik Dahl and Anna Berg.'))).toEqual(['Henrik Dahl, Anna Berg @ ?']);
    expect(meetings(draft('Omar Said met Ali Kaya in Oslo.\nThe dinner was attended by Henrik Dahl and Anna Berg.'))).toEqual([
      'Omar Said, Ali Kaya, Henrik Dahl, Anna Berg @ Oslo',
    ]);
    expect(
      meetings(draft('Omar Said met Ali Kaya in Oslo.\nThey spoke.\nThey ate.\nThey left.\nThe dinner was attended by Henrik Dahl and Anna Berg.')),
    ).toEqual(['Omar Said, Ali Kaya @ Oslo']);
  });

  test('a name inside an apposition is not the subject of "met"', () => {
    expect(meetings(draft('Senator Anna Berg, a staunch supporter of President Henrik Dahl, met Ali Kaya on Sunday.'))).toEqual(['Anna Berg, Ali Kaya @ ?']);
  });

  test('people named before and after a meeting word no pattern reads met, with a low confidence', () => {
    const { doc, provenance } = draftWithProvenance('Ali Kaya, in town for a conference, met with a number of his counterparts, including Nikos Pappas.', {
      id: 'source:test',
    });
    expect(meetings(doc)).toEqual(['Ali Kaya, Nikos Pappas @ ?']);
    const meeting = doc.entities.find((e) => e.type === 'Meeting')!;
    expect(provenance.entities[meeting.id]).toEqual({ rules: ['co-mention'], confidence: 0.5 });
  });

  test('a meal or the sidelines of an event between two people named around it is such a meeting too', () => {
    expect(meetings(draft('Mark Ellery, the firm’s chairman, had lunch with Oliver Brandt, a local MP, on February 3.'))).toEqual([
      'Mark Ellery, Oliver Brandt @ ?',
    ]);
    expect(meetings(draft('Ana Lopez, on the sidelines of the forum, pressed Tomas Berg on trade.'))).toEqual(['Ana Lopez, Tomas Berg @ ?']);
  });

  test('not when the people all stand on one side of the word, are five, are countries, or the meeting is yet to come', () => {
    const none = [
      'Anna Berg said Henrik Dahl had a plan.',
      'The talks pleased Anna Berg and Henrik Dahl.',
      'Anna Berg, Henrik Dahl and Ali Kaya praised the talks, and Nikos Pappas and Omar Haddad agreed.',
      'Norway discussed the border with Sweden.',
      'Anna Berg hopes for talks with Henrik Dahl.',
    ];
    for (const line of none) expect(meetings(draft(line))).toEqual([]);
  });
});

describe('provenance of drafted facts', () => {
  test('every entity and relationship has its rules and a confidence between 0 and 1', () => {
    const { doc, provenance } = draftWithProvenance('“The port stays open,” said Henrik Dahl. Henrik Dahl met Anna Berg in Oslo. The Kremlin said nothing.', {
      id: 'source:t',
    });
    for (const e of doc.entities) expect(provenance.entities[e.id]).toEqual({ rules: expect.any(Array), confidence: expect.any(Number) });
    for (const r of doc.relationships) {
      const p = provenance.relationships[relationshipKey(r)];
      expect(p.rules.length).toBeGreaterThan(0);
      expect(p.confidence).toBeGreaterThan(0);
      expect(p.confidence).toBeLessThanOrEqual(1);
    }
    const said = doc.relationships.find((r) => r.type === 'SAID')!;
    expect(provenance.relationships[relationshipKey(said)]).toEqual({ rules: ['after'], confidence: 0.95 });
    expect(provenance.entities['actor:kremlin'].rules).toEqual(['institution']);
  });
});

describe('the evaluation corpus of real reporting', () => {
  const dir = join(PROJECT_ROOT, 'tests', 'fixtures', 'real');
  const slugs = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5));

  test('has at least 20 articles, half dev and half held-out, each with its text, source and a valid gold list', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(20);
    const golds = slugs.map((slug) => GoldArticle.parse(JSON.parse(readFileSync(join(dir, `${slug}.json`), 'utf8'))));
    const dev = golds.filter((g) => g.split === 'dev').length;
    expect(Math.abs(dev - (golds.length - dev))).toBeLessThanOrEqual(1);
    golds.forEach((gold, i) => {
      const text = readFileSync(join(dir, `${slugs[i]}.txt`), 'utf8');
      expect(gold.url).toMatch(/^https?:\/\//);
      // goldToFacts throws when a quote, meeting or office names an entity the list lacks.
      expect(goldToFacts(slugs[i], gold, text).entities.length).toBeGreaterThan(0);
      for (const q of gold.quotes) expect(text).toContain(q.text.slice(0, 20));
    });
  });

  test('meetings count when the drafted participants are the curated ones; quote texts count whoever the speaker is', () => {
    const text = 'Anna Berg met Henrik Dahl in Oslo. “We agreed on the plan,” said Erik Lund.';
    const gold = GoldArticle.parse({
      url: 'https://example.org/a',
      outlet: 'Example',
      site: 'example.org',
      published: null,
      attribution: 'test',
      split: 'dev',
      topic: 'test',
      entities: [
        { name: 'Anna Berg', class: 'person' },
        { name: 'Henrik Dahl', class: 'person' },
        { name: 'Erik Lund', class: 'person' },
        { name: 'Oslo', class: 'location', kind: 'CITY' },
      ],
      quotes: [{ text: 'We agreed on the plan', speaker: 'Anna Berg' }],
      meetings: [{ participants: ['Anna Berg', 'Henrik Dahl'], place: 'Oslo', date: null }],
      offices: [],
    });
    const result = evaluateDraft(draft(text), goldToFacts('t', gold, text));
    expect(result.meetings).toMatchObject({ correct: 1, drafted: 1, found: 1, curated: 1 });
    expect(result.quoteTexts).toMatchObject({ found: 1, curated: 1 });
    expect(result.speakers).toEqual({ right: 0, of: 1, accuracy: 0, wrong: 1, none: 0, extra: 0 }); // the draft says Erik Lund, the gold Anna Berg
    expect(result.byClass.person).toMatchObject({ correct: 3, drafted: 3 });
    expect(result.byClass.location).toMatchObject({ correct: 1, curated: 1 });
  });
});

describe('meetings: visitors by their full style, and who attended', () => {
  test('"received the President of the Republic of X, His Excellency Mr. Y", "the visiting U.S. Vice President Y", and the people the meeting "was attended by"', () => {
    const doc = draft(
      [
        'The President of Norway, Anna Berg, Thursday afternoon received the President of the Republic of Ghana, His Excellency Mr. Kwame Mensah Boateng, on an official visit.',
        'The meeting was attended by Foreign Minister Henrik Dahl and Trade Minister Erik Lund.',
        'President Omar Haddad on Monday received the visiting U.S. Vice President Laura Smith at the State House.',
      ].join('\n'),
    );
    expect(meetings(doc).map((m) => m.split(' @ ')[0])).toEqual(['Anna Berg, Kwame Mensah Boateng, Henrik Dahl, Erik Lund', 'Omar Haddad, Laura Smith']);
    // "the Republic" is no one.
    expect(doc.entities.filter((e) => e.type === 'Actor' && /Republic/.test(e.name))).toEqual([]);
  });

  test('a given name or the last words of a full name stand for that person: "Captain Amarinder", "Suu Kyi"', () => {
    const doc = draft(
      [
        'Punjab Chief Minister Captain Amarinder Singh met State Counsellor Aung San Suu Kyi in Mumbai.',
        '“We talked about trade,” Suu Kyi said.',
        'During his breakfast meeting with Captain Amarinder, John Ambani offered power to the state.',
      ].join('\n'),
    );
    expect(doc.entities.filter((e) => e.type === 'Actor').map((e) => e.name)).toEqual(['Amarinder Singh', 'Aung San Suu Kyi', 'John Ambani']);
    expect(speakers(doc)['We talked about']).toBe('Aung San Suu Kyi');
    expect(meetings(doc).map((m) => m.split(' @ ')[0])).toEqual(['Amarinder Singh, Aung San Suu Kyi', 'John Ambani, Amarinder Singh']);
  });
});

describe('quotes printed with a closing mark at both ends', () => {
  test('”…” is a quote when the first mark opens a word; a normal “…” pair is read as before', () => {
    const doc = draft(
      'Anna Berg met envoys in Oslo.\n”They are in good spirits,” said Anna Berg.\nHenrik Dahl called it ”a crisis of governance”. “We agreed,” Dahl said.',
    );
    expect(speakers(doc)).toEqual({ 'They are in': 'Anna Berg', 'a crisis of': 'Henrik Dahl', 'We agreed': 'Henrik Dahl' });
  });
});

describe('a speaker set off by an apposition with initials', () => {
  test('“X, the U.N. envoy to Norway, said “…”” is X’s: the stops of initials end no sentence', () => {
    const doc = draft(
      'The U.N. said troops would stay. Anna Berg, the U.N. secretary-general’s special representative to Norway, said “major strides” toward peace had been made since a truce was signed in Oslo.',
    );
    expect(speakers(doc)).toEqual({ 'major strides': 'Anna Berg' });
  });
});

describe('a presidential office named by its country', () => {
  test('“according to Norway’s presidential office” then “…,” it said: the office speaks', () => {
    const doc = draft(
      'Anna Berg and Henrik Dahl agreed to stay in touch, according to Norway’s presidential office.\nBerg and Dahl “agreed to strengthen communication,” it said.',
    );
    expect(speakers(doc)).toEqual({ 'agreed to strengthen': 'Norwegian presidential office' });
  });
});

describe('quotes a broadcaster reports', () => {
  test('“…,” state radio quoted X as telling supporters: X said it', () => {
    const doc = draft(
      'President Thabo Mbeki arrived in Harare.\n”In the revolution we shared the trenches,” Zimbabwe state radio quoted Mbeki as telling supporters.',
    );
    expect(speakers(doc)).toEqual({ 'In the revolution': 'Thabo Mbeki' });
  });
});

describe('quotes of organisations named before', () => {
  test('"the ministry said" is the ministry named before; "X, in a statement, said"; "the statement, issued by X, said"; a post on X’s account', () => {
    const doc = draft(
      [
        'The Pakistan Army shelled the border post on Monday.',
        'The Acme Group said it would help.',
        'The army said: “We will respond firmly to any attack.”',
        '“The toll may rise further,” the Foreign Ministry said.',
        'The Pentagon, in a statement, called the strike “a defensive measure”.',
        'The statement, issued by the Acme Group, said: “Our staff are safe now.”',
        'Prince Faisal “conveyed the greetings of the King to the leadership,” according to a post on the ministry’s Twitter account.',
      ].join('\n'),
    );
    expect(speakers(doc)).toEqual({
      'We will respond': 'Pakistan Army',
      'The toll may': 'Foreign Ministry',
      'a defensive measure': 'Pentagon',
      'Our staff are': 'Acme Group',
      'conveyed the greetings': 'Foreign Ministry',
    });
  });
});

describe('names in the styles of ordinary reporting from many countries', () => {
  test('a Malaysian, Myanmar or Nigerian style is not part of the name, and the title before it is the office', () => {
    const doc = draft('Foreign Minister Datuk Seri Amir Hassan met Tan Sri Rahim Noor and Daw Khin Myint in Kuala Lumpur.');
    const persons = doc.entities.filter((e) => e.type === 'Actor' && e.kind === 'PERSON').map((e) => ('name' in e ? e.name : ''));
    expect(persons).toEqual(['Amir Hassan', 'Rahim Noor', 'Khin Myint']);
    expect(offices(doc)).toEqual(['Amir Hassan: Foreign minister']);
  });

  test('a plural possessive inside an organisation’s name, a chamber of parliament, and "e" inside a Portuguese name', () => {
    const doc = draft("The Rail Workers’ Union and the Farmers' Party won seats in the Lower House, said Marcos Silva e Costa.");
    const named = (kind: string) => doc.entities.filter((e) => e.type === 'Actor' && e.kind === kind).map((e) => ('name' in e ? e.name : ''));
    expect(named('ORGANIZATION')).toEqual(['Rail Workers’ Union', "Farmers' Party", 'Lower House']);
    expect(named('PERSON')).toEqual(['Marcos Silva e Costa']);
  });
});

describe('venues named after their city, and words that open a clause', () => {
  test('"Dublin Airport" is a venue, not Ireland; "As NASA we …" inside a quote names NASA', () => {
    const doc = draft(
      'Ryanair moved six aircraft from Dublin Airport to Poland.\n“They did not answer us. As NASA we will not take part,” Musa Odhiambo said.',
    );
    const names = doc.entities.map((e) => ('name' in e ? e.name : ''));
    expect(names).toContain('Dublin Airport');
    expect(names).not.toContain('Ireland');
    expect(names).toContain('NASA');
    expect(names).not.toContain('As NASA');
  });
});

describe('pronouns that agree with a given name', () => {
  test('"she said" is not the man named first, by the given names compromise knows', () => {
    const doc = draft('Petro Novak met Inna Petrova, a lawyer, on Monday.\n“We do not want this war at any price,” she said.');
    expect(speakers(doc)['We do not']).toBe('Inna Petrova');
    const him = draft('Anna Berg met Henrik Dahl, a lawyer, on Monday.\n“We do not want this war at any price,” he said.');
    expect(speakers(him)['We do not']).toBe('Henrik Dahl');
  });
});

describe('names the rest of the text explains', () => {
  test('"CS Amina" is the cabinet secretary named in full before; "Zainal Abidin" is Zainal Abidin Bakar', () => {
    const doc = draft(
      [
        'Cabinet Secretary Amina Njoroge flew to Arusha on Sunday.',
        'CS Amina met Samia Hassan there.',
        'Ambassador Zainal Abidin Bakar welcomed the visit.',
        '“It is a good day for both countries,” Zainal Abidin said.',
      ].join('\n'),
    );
    expect(meetings(doc)).toEqual(['Amina Njoroge, Samia Hassan @ ?']);
    expect(speakers(doc)['It is a']).toBe('Zainal Abidin Bakar');
    const son = draft('Henrik Dahl Jr spoke first.\n“We will win,” Henrik Dahl said.');
    expect(speakers(son)['We will win']).toBe('Henrik Dahl');
  });

  test('"a militia called X" makes X an organisation, whole, whatever else its words name, and "it said" is it', () => {
    const doc = draft(['A militia called Tripoli Guardians accused its rivals of abductions.', '“We warn anyone who tries,” it said.'].join('\n'));
    expect(doc.entities.find((e) => 'name' in e && e.name === 'Tripoli Guardians')).toMatchObject({ type: 'Actor', kind: 'ORGANIZATION' });
    expect(speakers(doc)['We warn anyone']).toBe('Tripoli Guardians');
  });

  test('"the party named X as its candidate" names a person, not an organisation called X', () => {
    const doc = draft('The party named Anna Berg as its candidate on Sunday.\nThe group called Henrik Dahl a liar.');
    const kinds = doc.entities.filter((e) => e.type === 'Actor').map((e) => `${'name' in e ? e.name : ''}: ${'kind' in e ? e.kind : ''}`);
    expect(kinds).toEqual(['Anna Berg: PERSON', 'Henrik Dahl: PERSON']);
  });

  test('a rival is no organisation cue: "his rival Raila Odinga" is a person', () => {
    const doc = draft('Uhuru Kenyatta beat his rival Raila Odinga in the vote.\nOdinga said he would go to court.');
    expect(doc.entities.find((e) => 'name' in e && e.name === 'Raila Odinga')).toMatchObject({ type: 'Actor', kind: 'PERSON' });
  });
});

describe('quotes whose speaker the next words name in other house styles', () => {
  test('"union X" is an organisation and "the union said" is it; "said the statement" is its author; ", in Z, she said" is the person named before; a description with one comma', () => {
    const doc = draft(
      [
        'Rail workers union Norlink said its officials met Henrik Dahl.',
        '“The meeting was highly positive for all of us,” the union said in a statement.',
        'The Swiss government issued a statement on Monday.',
        '“The ceasefire will hold for now,” said the statement.',
        'Anna Berg met the rebels on Monday, her spokeswoman Ana Lopez said.',
        '“We met with them separately,” in southern Turkey, she said.',
        '“This is a real war, we are hiding,” Inna Petrova, a 48-year-old lawyer said.',
        '“We raised serious concerns today,” senior opposition official, Musa Odhiambo, said.',
      ].join('\n'),
    );
    expect(doc.entities.find((e) => 'name' in e && e.name === 'Norlink')).toMatchObject({ type: 'Actor', kind: 'ORGANIZATION' });
    expect(speakers(doc)).toEqual({
      'The meeting was': 'Norlink',
      'The ceasefire will': 'Swiss government',
      'We met with': 'Ana Lopez',
      'This is a': 'Inna Petrova',
      'We raised serious': 'Musa Odhiambo',
    });
  });
});

test('a speaker after the quote with an age, a described office naming a place, or where the speaker works between name and verb', () => {
  const doc = draft(
    [
      'Rebels advanced on the town overnight.',
      '"They are seeing soldiers fleeing," Bahati Maene, 19, told The Associated Press after fleeing his home.',
      '"The army is regrouping in town," the deputy mayor of Diabaly, Ousmane Diallo, told Reuters by telephone.',
      '“We cannot say this will last,” automotive professor Willi Dietz from the German Institute for Automotive Industries told news agency AFP.',
    ].join('\n'),
  );
  expect(doc.entities.find((e) => 'name' in e && e.name === 'Bahati Maene')).toMatchObject({ type: 'Actor', kind: 'PERSON' });
  expect(speakers(doc)).toEqual({ 'They are seeing': 'Bahati Maene', 'The army is': 'Ousmane Diallo', 'We cannot say': 'Willi Dietz' });
});

test('a quote after a participle goes to the subject of its clause: the sentence opener after a comma, the nearest name without one, the speaker of "he said, adding"', () => {
  const doc = draft(
    [
      'Anna Berg welcomed the envoy.',
      'Anna Berg thanked Henrik Dahl for his help, emphasising “the importance of trade between the two countries.”',
      'Defence Minister Marise Payne echoed her colleague, describing the relationship as “one of our highest priorities”.',
      'The two discussed the next round, Payne said, adding they will support “peace and stabilisation efforts.”',
    ].join('\n'),
  );
  expect(speakers(doc)).toEqual({ 'the importance of': 'Anna Berg', 'one of our': 'Marise Payne', 'peace and stabilisation': 'Marise Payne' });
});

test('a hyphenated surname alone is the person named in full with it ("Akufo-Addo" for Nana Akufo-Addo)', () => {
  const doc = draft('President Nana Akufo-Addo received the envoy on Monday.\n“We are brothers,” Akufo-Addo said.');
  expect(doc.entities.filter((e) => e.type === 'Actor').map((e) => 'name' in e && e.name)).toEqual(['Nana Akufo-Addo']);
  expect(speakers(doc)).toEqual({ 'We are brothers': 'Nana Akufo-Addo' });
});

test('a paragraph that is only a quote goes on in the voice of "X meanwhile welcomed …" just before it', () => {
  const doc = draft(
    [
      'The truce was signed on Saturday.',
      'Rebel spokesman Yasser Arman meanwhile welcomed the agreement as a first step.',
      '"It is an excellent step, but it is limited."',
    ].join('\n'),
  );
  expect(speakers(doc)).toEqual({ 'It is an': 'Yasser Arman' });
});

test('"…, Musk later tweeted." closing a quote’s sentence: an adverb between the name and the verb, and "X later said" shows X is a person', () => {
  const doc = draft('Elon Musk chose Berlin.\nSlated for an area near the capital, the plant “will build batteries and vehicles” soon, Musk later tweeted.');
  expect(speakers(doc)).toEqual({ 'will build batteries': 'Elon Musk' });
});

test('"“…,” agreed fellow resident X", and "“…,” the medical charity X, known by its French initials Y, said" with Y an alias of X', () => {
  const doc = draft(
    [
      '“It is a big opportunity for people living here,” agreed fellow resident Iris Siebman.',
      '“The situation is grave,” the medical charity Doctors Without Borders, known by its French initials MSF, said in a statement.',
      'MSF runs nine clinics.',
    ].join('\n'),
  );
  expect(speakers(doc)).toEqual({ 'It is a': 'Iris Siebman', 'The situation is': 'Doctors Without Borders' });
  expect(doc.entities.find((e) => 'name' in e && e.name === 'Doctors Without Borders')).toMatchObject({ kind: 'ORGANIZATION', aliases: ['MSF'] });
});

test('"X, Managing Director, Acme Foods, said" is the person’s, and "X, Director of Y Company said" names the company without the title', () => {
  const doc = draft(
    [
      'Colm Dore, Managing Director, Acme Foods, said: “It is a good start.”',
      'Colm Dore, Managing Director, Acme Foods, said this investment will help the company ‘maintain its position in the market’.',
      'Nguyen Hung, Director of An Phu Viet Company said "We expect a growth of 30% for this year."',
    ].join('\n'),
  );
  expect(speakers(doc)).toEqual({ 'It is a': 'Colm Dore', 'maintain its position': 'Colm Dore', 'We expect a': 'Nguyen Hung' });
  expect(doc.entities.find((e) => 'name' in e && e.name === 'An Phu Viet Company')).toMatchObject({ type: 'Actor', kind: 'ORGANIZATION' });
});

test('an office the text puts in the past ("the previous ambassador", "former President", "ex-minister") is no office held, and "the ambassador said" is not its holder', () => {
  const doc = draft(
    [
      'Norway’s new envoy, Henrik Dahl, presented his credentials on Tuesday.',
      'Dahl said the two countries were close.',
      '"It is a real honour for me to serve here," the ambassador said.',
      'The previous Norwegian ambassador, Lars Berg, left in June.',
      'Former President Erik Lund and ex-minister Omar Haddad backed President Lena Sokol.',
    ].join('\n'),
  );
  expect(speakers(doc)).toEqual({ 'It is a': 'Henrik Dahl' });
  expect(offices(doc)).toEqual(['Henrik Dahl: Envoy of Norway (Norway)', 'Lena Sokol: President']);
});

test('"X expressed (reiterated, acknowledged) that … “…”" is the subject’s, across other names', () => {
  const doc = draft(
    'In a meeting with 300 Norwegians at a hotel in Hanoi, Henrik Dahl expressed that his visit to Vietnam following Lars Berg’s visit to Norway "demonstrates the friendship between the two countries."',
  );
  expect(speakers(doc)).toEqual({ 'demonstrates the friendship': 'Henrik Dahl' });
});

test('"…, according to Y." closing the quote’s sentence names its source; "X reported, according to Y" stays X’s', () => {
  const doc = draft(
    [
      'Henrik Dahl is expected to stress the “limitless possibilities for cooperation” when he meets the leaders on Friday, according to Lars Berg.',
      'Anna Berg held "frank and constructive" talks with Erik Lund in Oslo on Sunday, the Norwegian Foreign Ministry reported, according to Reuters.',
    ].join('\n'),
  );
  expect(speakers(doc)).toEqual({ 'limitless possibilities for': 'Lars Berg', 'frank and constructive': 'Norwegian Foreign Ministry' });
});

test('a one-word name in "between X and its …" is an organisation, which "it said" then finds', () => {
  const doc = draft(
    [
      'The dispute between Norlink and its pilots has come to an end.',
      'Norlink said it would now reconsider its plans.',
      '“We will now bring this agreement to the board,” it said.',
    ].join('\n'),
  );
  expect(doc.entities.find((e) => 'name' in e && e.name === 'Norlink')).toMatchObject({ type: 'Actor', kind: 'ORGANIZATION' });
  expect(speakers(doc)).toEqual({ 'We will now': 'Norlink' });
});

test('"he" after a sentence that opens with a clause is the person after its comma, not the one inside it', () => {
  const doc = draft(
    [
      'Lars Berg and Henrik Dahl are tied for second place.',
      'Asked if he believed he would edge out Lars Berg for second place, Henrik Dahl declined to comment.',
      'He said, "I do not like to jump to conclusions. The results are in God’s hands."',
    ].join('\n'),
  );
  expect(speakers(doc)).toEqual({ 'I do not': 'Henrik Dahl' });
});

test('a state institution named by its country with a word before it ("Somalia’s Western-backed government") or after it ("the government of Myanmar") is the demonym’s institution', () => {
  const doc = draft('Somalia’s Western-backed government said so. The government of Myanmar denied it. Mali’s interim government agreed.');
  const orgs = doc.entities.filter((e) => e.type === 'Actor' && e.kind === 'ORGANIZATION').map((e) => nameOf(doc, e.id));
  expect(orgs).toEqual(['Somali government', 'Burmese government', 'Malian government']);
});

test('"High Representative of the Union Josep Borrell", "Secretary-General of the United Nations Antonio Guterres": the body owns the title and the name follows', () => {
  const doc = draft(
    '“I am here to reassure you”, High Representative of the Union Josep Borrell affirmed in Belgrade. She later met Secretary-General of the United Nations Antonio Guterres.',
  );
  const kinds = Object.fromEntries(doc.entities.filter((e) => e.type === 'Actor').map((e) => [nameOf(doc, e.id), 'kind' in e ? e.kind : '']));
  expect(kinds).toMatchObject({ 'Josep Borrell': 'PERSON', 'United Nations': 'ORGANIZATION', 'Antonio Guterres': 'PERSON' });
  expect(speakers(doc)).toEqual({ 'I am here': 'Josep Borrell' });
});

test('"First Pacific Co. Ltd." without its legal forms, "Ministry of Industry and Trade" whole, "Park Geun-hye" a person, "Co Longford" a county', () => {
  const doc = draft(
    'He said First Pacific Co. Ltd. will spend more. The Ministry of Industry and Trade agreed. He met Park Geun-hye in Seoul. Supporters gathered in Co Longford.',
  );
  const kinds = Object.fromEntries(doc.entities.filter((e) => 'name' in e).map((e) => [nameOf(doc, e.id), 'kind' in e ? e.kind : '']));
  expect(kinds).toMatchObject({
    'First Pacific': 'ORGANIZATION',
    'Ministry of Industry and Trade': 'ORGANIZATION',
    'Park Geun-hye': 'PERSON',
    'Co Longford': 'REGION',
  });
  expect(Object.keys(kinds)).not.toContain('Ltd');
});

test('a name the taggers do not know is a person after "incumbent" or before "son of"', () => {
  const doc = draft(
    'Far-right incumbent Jair Bolsonaro trailed in the count. Mutharika picked Atupele Muluzi son of former president Bakili Muluzi as his running mate.',
  );
  for (const name of ['Jair Bolsonaro', 'Atupele Muluzi'])
    expect(doc.entities.find((e) => 'name' in e && e.name === name)).toMatchObject({ type: 'Actor', kind: 'PERSON' });
});

test('a name the taggers do not know is a person when an occupation is set off after it ("X, a 48-year-old lawyer said")', () => {
  const doc = draft('Shelling went on overnight.\n“This is a real war,” Inna Drobyshevskaya, a 48-year-old lawyer said.');
  expect(doc.entities.find((e) => 'name' in e && e.name === 'Inna Drobyshevskaya')).toMatchObject({ type: 'Actor', kind: 'PERSON' });
  expect(speakers(doc)).toEqual({ 'This is a': 'Inna Drobyshevskaya' });
});

test('"“…,” X was quoted as saying" after the quote gives the quote to X', () => {
  const doc = draft('The vote was close. “It is over for now,” Henrik Dahl was quoted as saying by the agency.');
  expect(speakers(doc)['It is over']).toBe('Henrik Dahl');
});

test('"he said" after a sentence naming two people is its subject; "citing X as saying"; "X had said"; a border line is a place', () => {
  const doc = draft(
    [
      'Henrik Dahl met Anna Berg in Oslo on Monday. “We agreed on the plan,” he said.',
      '“As a matter of principle”, no posts may stand near the Durand Line, Dawn news reported citing Omar Haddad as saying.',
      '“We condemn the attack,” Erik Lund had said.',
    ].join('\n'),
  );
  expect(speakers(doc)).toEqual({ 'We agreed on': 'Henrik Dahl', 'As a matter': 'Omar Haddad', 'We condemn the': 'Erik Lund' });
  expect(doc.entities.find((e) => e.type !== 'Statement' && 'name' in e && e.name === 'Durand Line')).toMatchObject({ type: 'Location' });
});

test('a phrase quoted after a verb in the past is the words of the name right before the verb, not of a name in a prepositional phrase', () => {
  const doc = draft(
    [
      'Acme Group has announced a “major milestone” in its merger with Globex Inc.',
      'The talks dragged on, while Henrik Dahl refused to put an “artificial timescale” on them.',
      'Troops clashed near the home of Anna Berg, blaming “aggressive behavior on both sides”.',
    ].join('\n'),
  );
  expect(speakers(doc)).toEqual({ 'major milestone': 'Acme Group', 'artificial timescale': 'Henrik Dahl', 'aggressive behavior on': undefined });
});

test('a paragraph that is only a quote, after a paragraph ending on one speaker’s reported words, is that speaker’s', () => {
  const doc = draft(
    [
      'Henrik Dahl met Anna Berg in Oslo. Henrik Dahl said in a statement on Monday:',
      '“The talks were useful and we will continue them.”',
      'The two sides met again on Tuesday.',
      '“Nothing was agreed in the end.”',
    ].join('\n'),
  );
  expect(speakers(doc)).toEqual({ 'The talks were': 'Henrik Dahl', 'Nothing was agreed': undefined });
});

test('datelines with the agency after a dash or between slashes, a town after a place, and currencies before amounts', () => {
  const doc = draft(
    [
      'Accra, March 27, GNA- President Henrik Dahl on Monday received Anna Berg at the Jubilee House, Accra.',
      'Yerevan /Mediamax/. Anna Berg spoke at his office at Cantonments, Nairobi on the deal.',
      'She offered power at Rs 1.75 per unit and RM44 billion for a railway.',
    ].join('\n'),
  );
  const named = (type: string) => doc.entities.filter((e) => e.type === type).map((e) => ('name' in e ? e.name : ''));
  expect(named('Location')).toEqual(['Accra', 'Jubilee House', 'Yerevan', 'Cantonments', 'Nairobi']);
  expect(named('Country')).toEqual([]);
  expect(named('Actor')).toEqual(['GNA', 'Henrik Dahl', 'Anna Berg']);
});

test('a name after an occupation noun or alone in a byline is a person', () => {
  const doc = draft(
    [
      'By Servet Gunerigok',
      'The opposition named human rights lawyer Duma Boko, and minor contender Sinan Oğan won 5% of the vote.',
      '“It cannot work,” Greens party co-chairman Reinhard Buetikofer was quoted as saying.',
    ].join('\n'),
  );
  const persons = doc.entities.filter((e) => e.type === 'Actor' && e.kind === 'PERSON').map((e) => ('name' in e ? e.name : ''));
  expect(persons).toEqual(['Servet Gunerigok', 'Duma Boko', 'Sinan Oğan', 'Reinhard Buetikofer']);
  expect(speakers(doc)['It cannot work']).toBe('Reinhard Buetikofer');
});

test('an acronym that is no country owns the title after it; an agency’s name in capitals is the agency', () => {
  const doc = draft(['Henrik Dahl met UN Secretary General Ban Ki-moon and US Secretary of State Anna Berg in Oslo.', '- REUTERS'].join('\n'));
  const named = (type: string) => doc.entities.filter((e) => e.type === type).map((e) => ('name' in e ? e.name : ''));
  expect(named('Actor')).toEqual(['Henrik Dahl', 'UN', 'Ban Ki-moon', 'Anna Berg', 'Reuters']);
  expect(named('Country')).toEqual(['United States']);
});

test('an officer is an office: "District Police Officer X said" after a quote is X’s, and X holds the office', () => {
  const doc = draft('“The insurgents have offered a truce,” District Police Officer Arshad Majid said by telephone.');
  expect(speakers(doc)['The insurgents have']).toBe('Arshad Majid');
  expect(offices(doc)).toEqual(['Arshad Majid: Officer']);
});

test('the name after a title’s country is a person: "the Foreign Minister of Pakistan Bilawal Bhutto Zardari"', () => {
  const doc = draft('The Foreign Minister of Pakistan Bilawal Bhutto Zardari and the Foreign Minister of Iran Omar Haddad met in Islamabad.');
  const named = (type: string) => doc.entities.filter((e) => e.type === type).map((e) => ('name' in e ? e.name : ''));
  expect(named('Actor')).toEqual(['Bilawal Bhutto Zardari', 'Omar Haddad']);
  expect(named('Country')).toEqual(['Pakistan', 'Iran']);
  expect(meetings(doc)).toEqual(['Bilawal Bhutto Zardari, Omar Haddad @ Islamabad']);
});

test('a title and its country may open the sentence: "President of Armenia X received Y" is a meeting of X and Y', () => {
  const doc = draft('President of Armenia Lusine Harutyunyan on March 2 received Prime Minister of Georgia Tamar Beridze in Yerevan.');
  const named = (type: string) => doc.entities.filter((e) => e.type === type).map((e) => ('name' in e ? e.name : ''));
  expect(named('Actor')).toEqual(['Lusine Harutyunyan', 'Tamar Beridze']);
  expect(meetings(doc)).toEqual(['Lusine Harutyunyan, Tamar Beridze @ Yerevan']);
});

test('a chamber after a title is an organisation, and the name after it a person: "Speaker of the National Assembly X", "Chairman Senate Y"', () => {
  const doc = draft('He will call on the Speaker of the National Assembly Raja Pervaiz Ashraf and the Chairman Senate Sadiq Sanjrani.');
  const named = (kind: string) => doc.entities.filter((e) => e.type === 'Actor' && e.kind === kind).map((e) => ('name' in e ? e.name : ''));
  expect(named('PERSON')).toEqual(['Raja Pervaiz Ashraf', 'Sadiq Sanjrani']);
  expect(named('ORGANIZATION')).toContain('National Assembly');
});

test('a statement’s words: "according to the statement", "it read", "reads a statement from X"', () => {
  const doc = draft(
    [
      'Acme Group issued a statement on Monday.',
      'According to the statement, “the talks were useful and will go on”.',
      'Globex Inc released a statement.',
      '“Nothing was agreed in the end,” it read.',
      '“The port stays open for now,” reads a statement from Initech Corp.',
    ].join('\n'),
  );
  expect(speakers(doc)).toEqual({ 'the talks were': 'Acme Group', 'Nothing was agreed': 'Globex', 'The port stays': 'Initech' });
});

test('an untyped name opening a sentence counts when the text names that entity elsewhere', () => {
  const doc = draft('Deutsche Boerse has announced a “major milestone” in its merger. Shareholders of the Deutsche Boerse Group agreed.');
  expect(speakers(doc)['major milestone']).toBe('Deutsche Boerse Group');
  expect(doc.entities.filter((e) => e.type === 'Actor').map((e) => ('name' in e ? e.name : ''))).toEqual(['Deutsche Boerse Group']);
});

test('a short title alone ("CM said") is the one person the text wrote it before, and only then', () => {
  const doc = draft(
    'Chief Minister Shivraj Singh Chouhan met investors. CM Chouhan spoke first. When CM said, “Make a roadmap with the team now,” the officials agreed.',
  );
  expect(speakers(doc)['Make a roadmap']).toBe('Shivraj Singh Chouhan');
  expect(entity(doc, 'actor:shivraj-singh-chouhan')).toMatchObject({ aliases: ['Chouhan'] });
  const two = draft('CM Anna Berg and CM Henrik Dahl met investors. When CM said, “Make a roadmap with the team now,” the officials agreed.');
  expect(speakers(two)['Make a roadmap']).toBeUndefined();
});

test('a presidential press service is an organisation, and "“…,” adds the press service" is its quote', () => {
  const doc = draft('The Armenian presidential press service said the talks went well. “Both sides praised the ties,” adds the press service.');
  expect(speakers(doc)['Both sides praised']).toBe('Armenian presidential press service');
  // In a paragraph of its own, the noun is still the whole phrase's last word.
  const apart = draft(
    '“The parties agreed,” said the Armenian presidential press service.\n“They touched upon recent changes in Armenia,” adds the press service.',
  );
  expect(speakers(apart)['They touched upon']).toBe('Armenian presidential press service');
});

test('more countries, and not in a given name or a river delta: "Chad Wolf", "the Niger Delta", "the Central African Republic (CAR)"', () => {
  const doc = draft(
    'Chad Wolf said the border was secure. Chadian troops entered the Central African Republic (CAR) on Monday, and attacks in the Niger Delta went on.',
  );
  const named = (type: string) => doc.entities.filter((e) => e.type === type).map((e) => ('name' in e ? e.name : ''));
  expect(named('Country')).toEqual(['Central African Republic']);
  expect(named('Actor')).toEqual(['Chad Wolf', 'Chadian troops']);
  expect(named('Location')).toEqual(['Niger Delta']);
});

test('companies with their tickers, an ampersand or in a list with a company; a news site by its address; more agencies', () => {
  const doc = draft(
    [
      'He met the heads of Apple AAPL.O, Pfizer PFE.N, Mastercard MA.N, Cargill and others, Kazinform reported.',
      'Mahindra & Mahindra chairman Anand Mahindra spoke, as Qazet.az reported.',
    ].join('\n'),
  );
  expect(doc.entities.filter((e) => e.type === 'Actor' && e.kind === 'ORGANIZATION').map((e) => ('name' in e ? e.name : ''))).toEqual([
    'Apple',
    'Pfizer',
    'Mastercard',
    'Cargill',
    'Kazinform',
    'Mahindra & Mahindra',
    'Qazet.az',
  ]);
});

test('"CEO of X" names the company X; "the Ministry" alone is no organisation of its own', () => {
  const doc = draft('Henrik Dahl, CEO of Chia Tai Group, met the Ministry of Foreign Affairs. The Ministry said the talks went well.');
  expect(doc.entities.filter((e) => e.type === 'Actor' && e.kind === 'ORGANIZATION').map((e) => ('name' in e ? e.name : ''))).toEqual([
    'Chia Tai Group',
    'Ministry of Foreign Affairs',
  ]);
});

test('an agency dateline between slashes ("LONDON, September 21. /TASS/.") is the city', () => {
  const doc = draft('LONDON, September 21. /TASS/. It is too early to normalise relations, Boris Johnson said.');
  expect(doc.entities.filter((e) => e.type === 'Location').map((e) => ('name' in e ? e.name : ''))).toEqual(['London']);
  expect(doc.entities.some((e) => 'name' in e && e.name === 'LONDON')).toBe(false);
});

test('a country in its official style by its demonym ("the Swiss Confederation") is that country', () => {
  const doc = draft('Talks were held between Kuwait and the Swiss Confederation on Monday.');
  expect(doc.entities.filter((e) => e.type === 'Country').map((e) => ('name' in e ? e.name : ''))).toEqual(['Kuwait', 'Switzerland']);
});

test('an institution that owns a title is named ("Kazakh Senate Chairman X"); a platform link is no news site', () => {
  const doc = draft('Talks went well. Kazakh Senate Chairman Maulen Ashimbayev held a meeting with US Ambassador Daniel Rosenblum. pic.twitter.com/abc123');
  expect(doc.entities.filter((e) => e.type === 'Actor').map((e) => ('name' in e ? e.name : ''))).toEqual([
    'Kazakh Senate',
    'Maulen Ashimbayev',
    'Daniel Rosenblum',
  ]);
});

test('titles or a month alone are no one ("the Crown Prince", "General", "August"); "Gen." inside a name is a title', () => {
  const doc = draft('Talks went on. He met the Crown Prince in August, and National Police Gen. Alvaro Pico spoke to General Staff.');
  expect(doc.entities.filter((e) => e.type === 'Actor' && e.kind === 'PERSON').map((e) => ('name' in e ? e.name : ''))).toEqual(['Alvaro Pico']);
});

test('a capital in capitals opening a paragraph is the dateline city ("MOSCOW (… Sputnik …)", "ANKARA- …"); "Xinhua News Agency" is one agency', () => {
  const doc = draft('Talks.\nMOSCOW (UrduPoint News / Sputnik - 19th December, 2019) Sergey Lavrov met Toshimitsu Motegi, Xinhua News Agency reported.');
  expect(doc.entities.filter((e) => e.type === 'Location').map((e) => ('name' in e ? e.name : ''))).toEqual(['Moscow']);
  expect(doc.entities.filter((e) => e.type === 'Actor' && e.kind === 'ORGANIZATION').map((e) => ('name' in e ? e.name : ''))).toEqual([
    'UrduPoint News',
    'Sputnik',
    'Xinhua News Agency',
  ]);
});
