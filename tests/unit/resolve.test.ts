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
const resolve = (...documents: ValidDocument[]) =>
  resolveEntities(
    documents,
    documents.map((_, i) => `doc${i + 1}`),
    GRAPH,
    labelsOf,
  );

test('name keys fold case, diacritics, punctuation, a leading "the" and doubled letters', () => {
  expect(nameKey('Zelenskyy')).toBe(nameKey('ZELENSKY'));
  expect(nameKey('Volodymyr Zelenskýy')).toBe('volodymyr zelensky');
  // Initials with stops are one word, and a country's short names its full name (name-variants.ts).
  expect(nameKey('the U.S.')).toBe(nameKey('US'));
  expect(nameKey('the U.S.')).toBe(nameKey('United States'));
  // Transliterations fold too (name-variants.ts): "Kiev" is the old romanisation of "Kyiv".
  expect(nameKey('Kyiv')).toBe(nameKey('Kiev'));
  expect(nameKey('Kyiv')).not.toBe(nameKey('Kharkiv'));
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
    {
      path: 'doc2: entities[0] (actor:putin)',
      message: expect.stringMatching(/"Putin" matches 2 nodes: "actor:vladimir-putin" \(Vladimir Putin\), "actor:olena-putin" \(Olena Putin\)/),
    },
  ]);
  const picked = resolve(first, doc('source:b', [person('actor:putin', 'Putin', { sameAs: 'actor:olena-putin' })]));
  expect(picked.problems).toEqual([[], []]);
  expect(picked.documents[1].doc.entities[0].id).toBe('actor:olena-putin');
  const own = resolve(first, doc('source:b', [person('actor:putin', 'Putin', { sameAs: null })]));
  expect(own.problems).toEqual([[], []]);
  expect(own.documents[1].doc.entities[0].id).toBe('actor:putin');
});

test('a later document finds entities of an earlier one, by id or by name', () => {
  const result = resolve(
    doc('source:a', [person('actor:mykola-fiktyvenko', 'Mykola Fiktyvenko')]),
    doc('source:b', [person('actor:fiktyvenko', 'Fiktyvenko')]),
  );
  expect(result.merges).toEqual([{ document: 'doc2', entity: 'actor:fiktyvenko', node: 'actor:mykola-fiktyvenko', how: 'surname' }]);
});

test('meetings are matched by id or sameAs, never by name', () => {
  const meeting = { id: 'meeting:talks', type: 'Meeting', name: 'The talks' };
  const result = resolve(doc('source:a', [meeting]), doc('source:b', [{ ...meeting, id: 'meeting:talks-again' }]));
  expect(result.merges).toEqual([]);
  expect(result.documents[1].doc.entities[0].id).toBe('meeting:talks-again');
});

describe('transliterations and given-name variants resolve to one node', () => {
  const graph = {
    byId: new Map<string, Candidate>(),
    byKey: [
      graphNode('actor:volodymyr-zelenskyy', 'Volodymyr Zelenskyy', [nameKey('Volodymyr Zelenskyy'), `~${nameKey('Zelenskyy')}`, nameKey('Zelenskyy')]),
      graphNode('actor:steve-witkoff', 'Steve Witkoff', [nameKey('Steve Witkoff'), `~${nameKey('Witkoff')}`, nameKey('Witkoff')]),
      graphNode('actor:kyrylo-budanov', 'Kyrylo Budanov', [nameKey('Kyrylo Budanov'), `~${nameKey('Budanov')}`]),
      graphNode('actor:rustem-umerov', 'Rustem Umerov', [nameKey('Rustem Umerov'), `~${nameKey('Umerov')}`]),
      graphNode('location:kyiv', 'Kyiv', [nameKey('Kyiv')], 'Location'),
      graphNode('location:zaporizhzhia', 'Zaporizhzhia', [nameKey('Zaporizhzhia')], 'Location'),
      graphNode('location:luhansk', 'Luhansk', [nameKey('Luhansk')], 'Location'),
    ],
  };
  const resolveIn = (...documents: ValidDocument[]) =>
    resolveEntities(
      documents,
      documents.map((_, i) => `doc${i + 1}`),
      graph,
      labelsOf,
    );
  const city = (id: string, name: string) => ({ id, type: 'Location', kind: 'CITY', name });

  test.each([
    ['Vladimir Zelensky', 'actor:volodymyr-zelenskyy', 'name'],
    ['Volodymyr Zelenskiy', 'actor:volodymyr-zelenskyy', 'name'],
    ['Zelensky', 'actor:volodymyr-zelenskyy', 'name'],
    ['Steven Witkoff', 'actor:steve-witkoff', 'name'],
    ['Kirill Budanov', 'actor:kyrylo-budanov', 'name'],
    ['K. Budanov', 'actor:kyrylo-budanov', 'surname'],
    ['Rustem Umierov', 'actor:rustem-umerov', 'name'],
  ])('"%s" lands on %s', (name, node, how) => {
    const result = resolveIn(doc('source:a', [person('actor:new', name)]));
    expect(result.problems).toEqual([[]]);
    expect(result.merges).toEqual([{ document: 'doc1', entity: 'actor:new', node, how }]);
  });

  test.each([
    ['Kiev', 'location:kyiv'],
    ['Zaporozhye', 'location:zaporizhzhia'],
    ['Lugansk', 'location:luhansk'],
  ])('the place "%s" lands on %s', (name, node) => {
    const result = resolveIn(doc('source:a', [city('location:new', name)]));
    expect(result.merges).toEqual([{ document: 'doc1', entity: 'location:new', node, how: 'name' }]);
  });

  test('different people with one surname stay apart: other given names, other middle initials', () => {
    const result = resolveIn(
      doc('source:a', [
        person('actor:olena-zelenska', 'Olena Zelenska'),
        person('actor:alex-witkoff', 'Alex Witkoff'),
        person('actor:maria-budanov', 'Maria Budanov'),
      ]),
    );
    expect(result.problems).toEqual([[]]);
    expect(result.merges).toEqual([]);
    const bushes = resolveEntities(
      [doc('source:a', [person('actor:george-w-bush', 'George W. Bush')])],
      ['doc1'],
      { byId: new Map(), byKey: [graphNode('actor:george-h-w-bush', 'George H. W. Bush', [nameKey('George H. W. Bush'), '~bush'])] },
      labelsOf,
    );
    expect(bushes.merges).toEqual([]);
  });

  test('an initial that fits two people is a problem naming both, never a guess', () => {
    const result = resolveIn(
      doc('source:a', [person('actor:kateryna-budanov', 'Kateryna Budanov')]),
      doc('source:b', [person('actor:k-budanov', 'K. Budanov')]),
    );
    expect(result.problems[0]).toEqual([]);
    expect(result.problems[1]).toEqual([{ path: 'doc2: entities[0] (actor:k-budanov)', message: expect.stringMatching(/"K. Budanov" matches 2 nodes/) }]);
  });
});

describe('acronyms and legal forms', () => {
  const org = (id: string, name: string) => ({ id, type: 'Actor', kind: 'ORGANIZATION', name });
  const none = { byId: new Map<string, Candidate>(), byKey: [] };
  const resolveAlone = (...documents: ValidDocument[]) =>
    resolveEntities(
      documents,
      documents.map((_, i) => `doc${i + 1}`),
      none,
      labelsOf,
    );

  test('an acronym meets the one organisation with those initials, either way round', () => {
    const result = resolveAlone(doc('source:a', [org('actor:scottish-national-party', 'Scottish National Party')]), doc('source:b', [org('actor:snp', 'SNP')]));
    expect(result.merges).toEqual([{ document: 'doc2', entity: 'actor:snp', node: 'actor:scottish-national-party', how: 'acronym' }]);
    const doubled = resolveAlone(doc('source:a', [org('actor:anadolu-agency', 'Anadolu Agency')]), doc('source:b', [org('actor:aa', 'AA')]));
    expect(doubled.merges).toEqual([{ document: 'doc2', entity: 'actor:aa', node: 'actor:anadolu-agency', how: 'acronym' }]);
    const reverse = resolveAlone(doc('source:a', [org('actor:hp', 'HP')]), doc('source:b', [org('actor:hewlett-packard', 'Hewlett-Packard')]));
    expect(reverse.merges).toEqual([{ document: 'doc2', entity: 'actor:hewlett-packard', node: 'actor:hp', how: 'acronym' }]);
  });

  test('two full names with the same initials stay apart, and an acronym of two organisations matches neither, without a problem', () => {
    const full = resolveAlone(
      doc('source:a', [org('actor:scottish-national-party', 'Scottish National Party')]),
      doc('source:b', [org('actor:swiss-national-park', 'Swiss National Park')]),
    );
    expect(full.merges).toEqual([]);
    const two = resolveAlone(
      doc('source:a', [org('actor:scottish-national-party', 'Scottish National Party'), org('actor:social-network-platform', 'Social Network Platform')]),
      doc('source:b', [org('actor:snp', 'SNP')]),
    );
    expect(two.problems).toEqual([[], []]);
    expect(two.merges).toEqual([]);
  });

  test('a person is never matched by initials, and a legal form does not make another company', () => {
    const person = resolveAlone(
      doc('source:a', [{ id: 'actor:john-kerry', type: 'Actor', kind: 'PERSON', name: 'John Kerry' }]),
      doc('source:b', [{ id: 'actor:jk', type: 'Actor', kind: 'PERSON', name: 'JK' }]),
    );
    expect(person.merges).toEqual([]);
    const company = resolveAlone(doc('source:a', [org('actor:air-liquide', 'Air Liquide')]), doc('source:b', [org('actor:air-liquide-sa', 'Air Liquide SA')]));
    expect(company.merges).toEqual([{ document: 'doc2', entity: 'actor:air-liquide-sa', node: 'actor:air-liquide', how: 'name' }]);
  });
});

describe('general naming conventions of news reporting', () => {
  /** Each name in a document of its own, loaded in order into an empty graph: the node each lands on. */
  const landings = (entities: Record<string, unknown>[]) => {
    const documents = entities.map((e, i) => doc(`source:n${i}`, [e]));
    const result = resolveEntities(
      documents,
      documents.map((_, i) => `doc${i + 1}`),
      { byId: new Map(), byKey: [] },
      labelsOf,
    );
    expect(result.problems.flat()).toEqual([]);
    return result.documents.map((d) => d.doc.entities[0].id);
  };
  const org = (id: string, name: string) => ({ id, type: 'Actor', kind: 'ORGANIZATION', name });
  const country = (id: string, name: string) => ({ id, type: 'Country', name });

  test('a country named by its capital is that country; a city of that name is not', () => {
    expect(landings([country('country:russia', 'Russia'), country('country:moscow', 'Moscow')])).toEqual(['country:russia', 'country:russia']);
    expect(landings([country('country:ukraine', 'Ukraine'), country('country:kiev', 'Kiev')])).toEqual(['country:ukraine', 'country:ukraine']);
    expect(landings([country('country:russia', 'Russia'), { id: 'location:moscow', type: 'Location', kind: 'CITY', name: 'Moscow' }])).toEqual([
      'country:russia',
      'location:moscow',
    ]);
  });

  test("a state's institution with and without its country, in either word order, and never another state's", () => {
    expect(landings([org('org:us-sd', 'US State Department'), org('org:sd', 'State Department')])).toEqual(['org:us-sd', 'org:us-sd']);
    expect(landings([org('org:sd', 'State Department'), org('org:us-sd', 'U.S. State Department')])).toEqual(['org:sd', 'org:sd']);
    expect(landings([org('org:dos', 'Department of State'), org('org:sd', 'State Department')])).toEqual(['org:dos', 'org:dos']);
    expect(
      landings([
        org('org:pk', 'Ministry of Foreign Affairs of Pakistan'),
        org('org:ru', 'Ministry of Foreign Affairs of the Russian Federation'),
        org('org:pk-mofa', 'Pakistan MoFA'),
        org('org:mofa', 'MoFA'),
      ]),
    ).toEqual(['org:pk', 'org:ru', 'org:pk', 'org:pk']);
    expect(landings([org('org:tr', 'Turkish Foreign Ministry'), org('org:ru', 'Russian Foreign Ministry')])).toEqual(['org:tr', 'org:ru']);
    // A company keeps its country: American Express is not "Express".
    expect(landings([org('org:amex', 'American Express'), org('org:express', 'Express')])).toEqual(['org:amex', 'org:express']);
  });

  test("a party by its members' name or nickname, a company by its name without its trade, initials written with stops", () => {
    expect(landings([org('org:cp', 'Conservative Party'), org('org:c', 'Conservatives'), org('org:t', 'Tories')])).toEqual(['org:cp', 'org:cp', 'org:cp']);
    expect(landings([org('org:dp', 'Democratic Party'), org('org:d', 'Democrats')])).toEqual(['org:dp', 'org:dp']);
    expect(landings([org('org:cisco', 'Cisco Systems'), org('org:c', 'Cisco')])).toEqual(['org:cisco', 'org:cisco']);
    expect(landings([org('org:lulu', 'Lulu Group International'), org('org:l', 'Lulu Group')])).toEqual(['org:lulu', 'org:lulu']);
    // Two forms with their country meet through the name without it.
    expect(landings([org('org:usc', 'United States Congress'), org('org:u-s-c', 'U.S. Congress')])).toEqual(['org:usc', 'org:usc']);
    expect(landings([org('org:un', 'United Nations'), org('org:u-n', 'U.N.')])).toEqual(['org:un', 'org:un']);
    expect(landings([org('org:hts', 'Hayat Tahrir al-Sham'), org('org:h', 'HTS')])).toEqual(['org:hts', 'org:hts']);
  });

  test('people with titles, particles, the middle name they go by, or the family name first', () => {
    expect(landings([person('p:1', 'Sir Keir Starmer'), person('p:2', 'Keir Starmer'), person('p:3', 'Mr Starmer')])).toEqual(['p:1', 'p:1', 'p:1']);
    expect(landings([person('p:1', 'Bashar al-Assad'), person('p:2', 'al-Assad'), person('p:3', 'Assad')])).toEqual(['p:1', 'p:1', 'p:1']);
    expect(landings([person('p:1', 'Recep Tayyip Erdogan'), person('p:2', 'Tayyip Erdogan')])).toEqual(['p:1', 'p:1']);
    expect(landings([person('p:1', 'Cho Tae-yul'), person('p:2', 'Cho')])).toEqual(['p:1', 'p:1']);
    expect(landings([person('p:1', 'Xi Jinping'), person('p:2', 'Xi')])).toEqual(['p:1', 'p:1']);
    // An Arabic name with a nasab or family particles goes by its given name with a title.
    expect(landings([person('p:1', 'Prince Faisal bin Farhan'), person('p:2', 'Prince Faisal'), person('p:3', 'Faisal')])).toEqual(['p:1', 'p:1', 'p:1']);
    expect(landings([person('p:1', 'Sheikh Mishal al-Ahmad al-Jaber al-Sabah'), person('p:2', 'Sheikh Mishal')])).toEqual(['p:1', 'p:1']);
    // Different people stay apart.
    expect(landings([person('p:1', 'George W. Bush'), person('p:2', 'George H. W. Bush')])).toEqual(['p:1', 'p:2']);
    expect(landings([person('p:1', 'Hillary Clinton'), person('p:2', 'Bill Clinton')])).toEqual(['p:1', 'p:2']);
  });

  test('a lone given name is the one person who goes by it, after surnames and never one of two', () => {
    expect(landings([person('p:1', 'Raj Shanmugaraj'), person('p:2', 'Raj')])).toEqual(['p:1', 'p:1']);
    expect(landings([person('p:1', 'Tun Dr Mahathir Mohamad'), person('p:2', 'Dr Mahathir')])).toEqual(['p:1', 'p:1']);
    // Two people who go by "Raj": the word stays a node of its own.
    expect(landings([person('p:1', 'Raj Shanmugaraj'), person('p:2', 'Raj Patel'), person('p:3', 'Raj')])).toEqual(['p:1', 'p:2', 'p:3']);
    // A surname wins over a given name: "Khan" is Imran Khan, not Khan Smith.
    expect(landings([person('p:1', 'Imran Khan'), person('p:2', 'Khan Smith'), person('p:3', 'Khan')])).toEqual(['p:1', 'p:2', 'p:1']);
  });

  test('an acronym that takes a minor word’s letter or is written as a word, and a company without its trade words', () => {
    const ecowas = 'Economic Community of West African States';
    expect(landings([org('org:e', ecowas), org('org:a', 'ECOWAS')])).toEqual(['org:e', 'org:e']);
    expect(landings([org('org:e', ecowas), org('org:a', 'Ecowas')])).toEqual(['org:e', 'org:e']);
    expect(landings([org('org:n', 'North Atlantic Treaty Organization'), org('org:a', 'Nato')])).toEqual(['org:n', 'org:n']);
    // A word that is no one's initials stays its own organisation.
    expect(landings([org('org:n', 'North Atlantic Treaty Organization'), org('org:u', 'Unite')])).toEqual(['org:n', 'org:u']);
    expect(landings([org('org:f', 'Ford Motor Company'), org('org:a', 'Ford')])).toEqual(['org:f', 'org:f']);
    expect(landings([org('org:v', 'Vedanta Resources'), org('org:a', 'Vedanta')])).toEqual(['org:v', 'org:v']);
  });

  test('factions after a hyphen, commissions with their country, venues and addresses by their own name, a government as its country', () => {
    expect(landings([org('org:splm', "Sudan People's Liberation Movement-North"), org('org:s', 'SPLM-N')])).toEqual(['org:splm', 'org:splm']);
    expect(landings([org('org:nscn', 'National Socialist Council of Nagaland-Khaplang'), org('org:n', 'NSCN-K')])).toEqual(['org:nscn', 'org:nscn']);
    expect(landings([org('org:ftc', 'US Federal Trade Commission'), org('org:f', 'Federal Trade Commission')])).toEqual(['org:ftc', 'org:ftc']);
    const venue = (id: string, name: string) => ({ id, type: 'Location', kind: 'VENUE', name });
    expect(landings([venue('l:1', 'Diaoyutai State Guest House'), venue('l:2', 'Diaoyutai')])).toEqual(['l:1', 'l:1']);
    expect(landings([venue('l:1', '10 Downing Street'), venue('l:2', 'Downing Street')])).toEqual(['l:1', 'l:1']);
    expect(landings([country('country:pakistan', 'Pakistan'), country('country:gop', 'Government of Pakistan')])).toEqual([
      'country:pakistan',
      'country:pakistan',
    ]);
  });

  test('a country by its official style, a lone head noun for the one organisation it ends, "y" for "i" in Slavic surnames', () => {
    expect(landings([country('c:1', 'Republic of Ghana'), country('c:2', 'Ghana'), country('c:3', 'State of Kuwait'), country('c:4', 'Kuwait')])).toEqual([
      'c:1',
      'c:1',
      'c:3',
      'c:3',
    ]);
    expect(landings([country('c:1', 'Swiss Confederation'), country('c:2', 'Switzerland')])).toEqual(['c:1', 'c:1']);
    expect(landings([org('o:1', 'Federal Trade Commission'), org('o:2', 'Commission')])).toEqual(['o:1', 'o:1']);
    expect(landings([org('o:1', 'Ministry of Foreign Affairs'), org('o:2', 'Ministry')])).toEqual(['o:1', 'o:1']);
    // Two ministries: "Ministry" is neither, and no problem is raised.
    expect(landings([org('o:1', 'Ministry of Foreign Affairs'), org('o:2', 'Ministry of Defence'), org('o:3', 'Ministry')])).toEqual(['o:1', 'o:2', 'o:3']);
    expect(landings([person('p:1', 'Maulen Ashimbayev'), person('p:2', 'Ashymbayev')])).toEqual(['p:1', 'p:1']);
  });

  test('Malaysian styles, a party by its member, one military however named, British and American spellings, a head before "for"', () => {
    expect(landings([person('p:1', 'Datuk Seri Najib Abdul Razak'), person('p:2', 'Najib Abdul Razak')])).toEqual(['p:1', 'p:1']);
    expect(landings([org('o:1', 'Liberal Democrats'), org('o:2', 'Liberal Democrat')])).toEqual(['o:1', 'o:1']);
    expect(landings([org('o:1', 'Pakistani military'), org('o:2', 'Pakistani troops'), org('o:3', 'Indian troops')])).toEqual(['o:1', 'o:1', 'o:3']);
    expect(landings([org('o:1', 'Indian defence ministry'), org('o:2', 'defense ministry')])).toEqual(['o:1', 'o:1']);
    expect(landings([org('o:1', 'Independent Electoral Commission for Anjouan'), org('o:2', 'commission')])).toEqual(['o:1', 'o:1']);
    expect(landings([country('c:1', 'Central African Republic'), country('c:2', 'CAR')])).toEqual(['c:1', 'c:1']);
    expect(landings([org('o:1', 'CAR government'), org('o:2', 'CAR authorities'), org('o:3', 'CAR government troops'), org('o:4', 'CAR military')])).toEqual([
      'o:1',
      'o:1',
      'o:3',
      'o:3',
    ]);
    expect(landings([person('p:1', 'Datuk Seri Mohamed Khaled Nordin'), person('p:2', 'Mohamed Khaled')])).toEqual(['p:1', 'p:1']);
    // A node named by the surname alone meets the full name that comes later.
    expect(landings([person('p:1', 'Prime Minister Kvirikashvili'), person('p:2', 'Giorgi Kvirikashvili')])).toEqual(['p:1', 'p:1']);
  });
});
