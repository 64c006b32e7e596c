/**
 * Full-text search over the seeded article, through HTTP: names, aliases, misspellings, statement
 * texts, the type filter, hostile input, paging by score, highlights, and bad arguments.
 */
import { useTestApi } from '../helpers/test-server';

const t = useTestApi();

const SEARCH = `query ($text: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(text: $text, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor
      node {
        score
        node { id __typename }
        highlights { field snippet matches { start end } }
      }
    }
  }
}`;

interface Hit {
  score: number;
  node: { id: string; __typename: string };
  highlights: { field: string; snippet: string; matches: { start: number; end: number }[] }[];
}

async function search(variables: Record<string, unknown>): Promise<{ totalCount: number; hits: Hit[]; pageInfo: any }> {
  const { search: result } = await t.api.data(SEARCH, variables);
  return { totalCount: result.totalCount, hits: result.edges.map((e: { node: Hit }) => e.node), pageInfo: result.pageInfo };
}

const ids = (hits: Hit[]) => hits.map((h) => h.node.id);

test('a name finds its node first', async () => {
  const { hits } = await search({ text: 'Andrii Sybiha' });
  expect(hits[0].node).toEqual({ id: 'actor:andrii-sybiha', __typename: 'Actor' });
  const { hits: emirates } = await search({ text: 'Emirates' });
  expect(ids(emirates)[0]).toBe('country:united-arab-emirates');
});

test('an alias finds its node: UAE is the United Arab Emirates, Kyiv is Ukraine', async () => {
  const uae = await search({ text: 'UAE', types: ['ACTOR'] });
  expect(ids(uae.hits)).toContain('country:united-arab-emirates');
  const hit = uae.hits.find((h) => h.node.id === 'country:united-arab-emirates')!;
  expect(hit.highlights).toContainEqual({ field: 'alias', snippet: 'UAE', matches: [{ start: 0, end: 3 }] });
  const { hits } = await search({ text: 'kyiv' });
  expect(ids(hits)[0]).toBe('country:ukraine');
});

test('misspellings are found within the edit distance, and rank below exact matches', async () => {
  expect(ids((await search({ text: 'Sybyha' })).hits)).toEqual(['actor:andrii-sybiha']);
  for (const text of ['Zelenskyy', 'Zelensky', 'zelenskiy']) {
    expect({ text, first: ids((await search({ text })).hits)[0] }).toEqual({ text, first: 'actor:volodymyr-zelensky' });
  }
  // `Sybiha` exactly in a name outranks `Sybiha’s` (two edits away) in a description.
  const sybiha = await search({ text: 'Sybiha' });
  expect(ids(sybiha.hits)).toEqual(['actor:andrii-sybiha', 'actor:ukrainians']);
  expect(sybiha.hits[0].score).toBeGreaterThan(sybiha.hits[1].score);
  expect(sybiha.hits[1].highlights).toEqual([
    { field: 'description', snippet: 'The people of Ukraine, named in Sybiha’s quote.', matches: [{ start: 32, end: 40 }] },
  ]);
});

test('statement text is searched', async () => {
  const { hits } = await search({ text: 'negotiation table missiles', types: ['STATEMENT'] });
  expect(ids(hits)[0]).toBe('statement:sybiha-negotiation-table');
  const [text] = hits[0].highlights;
  expect(text.field).toBe('text');
  expect(text.matches.map((m) => text.snippet.slice(m.start, m.end))).toEqual(['missiles', 'negotiation', 'table']);
});

test('types limits the hits to those node types; a country searched as a location comes back as one', async () => {
  const all = await search({ text: 'Zelensky', first: 100 });
  const kinds = new Set(all.hits.map((h) => h.node.__typename));
  expect(kinds.size).toBeGreaterThan(2);
  const statements = await search({ text: 'Zelensky', types: ['STATEMENT'], first: 100 });
  expect(statements.hits.length).toBeGreaterThan(0);
  expect(statements.hits.every((h) => h.node.__typename === 'Statement')).toBe(true);
  expect(statements.totalCount).toBe(all.hits.filter((h) => h.node.__typename === 'Statement').length);

  const places = await search({ text: 'Emirates', types: ['LOCATION', 'MEETING'] });
  expect(places.hits[0].node).toEqual({ id: 'country:united-arab-emirates', __typename: 'Location' });
  const positions = await search({ text: 'Emirates', types: ['POSITION'] });
  expect(positions).toMatchObject({ totalCount: 0, hits: [] });
});

test('special characters and operator words are plain text: every nasty input gets a normal answer', async () => {
  const nasty = [
    '+',
    '-',
    '&&',
    '||',
    '!',
    '(',
    ')',
    '{',
    '}',
    '[',
    ']',
    '^',
    '"',
    '~',
    '*',
    '?',
    ':',
    '\\',
    '/',
    '+-&&||!(){}[]^"~*?:\\/',
    'AND',
    'OR',
    'NOT',
    'AND OR NOT',
    'Putin AND',
    'OR Putin',
    'NOT NOT',
    'name:Putin',
    'Putin~',
    'Putin^100',
    'Pu*in',
    '"unclosed',
    '(Putin',
    'Putin)',
    '[a TO z]',
    '{a TO z}',
    '/regex/',
    'a\\',
    '\\\\',
    'UAE && Russia || !Ukraine',
    "O'Brien’s",
    '\u0000',
    'é',
    '日本',
    '🙂',
  ];
  for (const text of nasty) {
    const response = await t.api.gql(SEARCH, { text });
    expect({ text, errors: response.errors }).toEqual({ text, errors: undefined });
    expect(response.data.search.edges.length).toBe(Math.min(20, response.data.search.totalCount));
  }
  // Only punctuation: no words, so no hits.
  expect((await search({ text: '+-&&||!(){}[]^"~*?:\\/' })).totalCount).toBe(0);
  // Operators are words: `Putin AND` finds Putin (and nodes with the word `and`), not a syntax error.
  expect(ids((await search({ text: 'Putin AND', first: 100 })).hits)).toContain('actor:vladimir-putin');
  expect(ids((await search({ text: 'name:Putin' })).hits)).toContain('actor:vladimir-putin');
});

test('paging forwards visits every hit exactly once, in score order, and totalCount matches', async () => {
  const text = 'Ukraine Russia talks';
  const { totalCount, hits: all } = await search({ text, first: 100 });
  expect(totalCount).toBeGreaterThan(15);
  expect(all).toHaveLength(totalCount);
  const seen: Hit[] = [];
  let after: string | null = null;
  for (let pages = 0; ; pages += 1) {
    expect(pages).toBeLessThan(totalCount);
    const page: { totalCount: number; hits: Hit[]; pageInfo: any } = await search({ text, first: 4, after });
    expect(page.totalCount).toBe(totalCount);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    seen.push(...page.hits);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(ids(seen)).toEqual(ids(all));
  expect(new Set(ids(seen)).size).toBe(totalCount);
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1], seen[i]];
    expect(a.score > b.score || (a.score === b.score && a.node.id < b.node.id)).toBe(true);
  }
});

test('highlight spans point at words of the snippet that match the search', async () => {
  const terms = ['russia', 'strikes', 'kushner'];
  const { hits } = await search({ text: 'Russia strikes Kushner', first: 100 });
  let spans = 0;
  for (const hit of hits) {
    expect(hit.highlights.length).toBeGreaterThan(0);
    for (const h of hit.highlights) {
      expect(h.snippet.length).toBeLessThanOrEqual(160);
      expect(h.matches.length).toBeGreaterThan(0);
      for (const m of h.matches) {
        const word = h.snippet.slice(m.start, m.end).toLowerCase();
        // A whole word: not inside a longer run of letters.
        expect(/^[\p{L}’']+$/u.test(word)).toBe(true);
        expect(/\p{L}/u.test(h.snippet[m.start - 1] ?? ' ')).toBe(false);
        expect(/\p{L}/u.test(h.snippet[m.end] ?? ' ')).toBe(false);
        // A search word itself, or with an ending within two edits (`Russia’s`, `Russian`).
        expect({ word, ok: terms.some((term) => word === term || word.startsWith(term)) }).toEqual({ word, ok: true });
        spans += 1;
      }
    }
  }
  expect(spans).toBeGreaterThan(hits.length);
  // A long description is cut around its first match, and the mark still lands on the word.
  const { hits: winter } = await search({ text: 'winter', types: ['EVENT'] });
  const description = winter[0].highlights.find((h) => h.field === 'description')!;
  expect(description.snippet).toContain('…');
  expect(description.snippet.length).toBeLessThanOrEqual(160);
  expect(description.matches.map((m) => description.snippet.slice(m.start, m.end))).toEqual(['winter']);
});

test('bad arguments are BAD_USER_INPUT errors naming the argument', async () => {
  const someCursor = (await search({ text: 'Russia', first: 1 })).pageInfo.endCursor;
  const actorsCursor = (await t.api.data('{ actors(first: 1) { pageInfo { endCursor } } }')).actors.pageInfo.endCursor;
  for (const [variables, argument] of [
    [{ text: '' }, 'text'],
    [{ text: '   \n\t' }, 'text'],
    [{ text: 'x'.repeat(201) }, 'text'],
    [{ text: 'Russia', first: -1 }, 'first'],
    [{ text: 'Russia', first: 101 }, 'first'],
    [{ text: 'Russia', after: 'not-a-cursor' }, 'after'],
    [{ text: 'Russia', after: actorsCursor }, 'after'],
  ] as const) {
    const response = await t.api.gql(SEARCH, variables);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({ path: ['search'], extensions: { code: 'BAD_USER_INPUT', argument }, message: expect.stringContaining(argument) }),
    ]);
  }
  // The limits themselves are accepted.
  expect((await t.api.gql(SEARCH, { text: 'x'.repeat(200), first: 100, after: someCursor })).errors).toBeUndefined();
  expect((await search({ text: 'Russia', first: 0 })).hits).toEqual([]);
});

test('hits are the same whether or not totalCount is asked for (it is counted only when asked)', async () => {
  const withCount = await t.api.data(`{ search(text: "Putin Zelensky", first: 10) { totalCount nodes { score node { id } } } }`);
  const without = await t.api.data(`{ search(text: "Putin Zelensky", first: 10) { nodes { score node { id } } } }`);
  expect(without.search.nodes).toEqual(withCount.search.nodes);
  expect(withCount.search.totalCount).toBeGreaterThanOrEqual(withCount.search.nodes.length);
});
