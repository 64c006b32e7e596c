import { toActor, toStatement } from '../../src/models/mappers';
import { luceneQuery } from '../../src/repositories/search-repository';
import { SNIPPET_LENGTH, highlights, snippet } from '../../src/search/highlight';
import { editDistance, matchesTerm, maxEditsFor, searchTerms, words } from '../../src/search/terms';

test('words are runs of letters and digits, apostrophes inside a word kept, in lower case', () => {
  expect(words('Putin’s US-led "talks" (20-point)').map((w) => w.word)).toEqual(['putin’s', 'us', 'led', 'talks', '20', 'point']);
  const text = 'Hi, Zelenskyy!';
  for (const w of words(text)) expect(text.slice(w.start, w.end).toLowerCase()).toBe(w.word);
  expect(words('+-&&||!(){}[]^"~*?:\\/')).toEqual([]);
});

test('search terms are distinct words with an edit tolerance by length; numbers are exact', () => {
  expect(searchTerms('UAE uae Kyiv Sybyha 2022')).toEqual([
    { word: 'uae', maxEdits: 0 },
    { word: 'kyiv', maxEdits: 1 },
    { word: 'sybyha', maxEdits: 2 },
    { word: '2022', maxEdits: 0 },
  ]);
  expect(maxEditsFor('123456')).toBe(0);
});

test('edit distance counts a transposition as one edit and stops past the limit', () => {
  expect(editDistance('sybyha', 'sybiha')).toBe(1);
  expect(editDistance('zelenskyy', 'zelensky')).toBe(1);
  expect(editDistance('kyiv', 'kyvi')).toBe(1);
  expect(editDistance('kitten', 'sitting')).toBe(3);
  expect(editDistance('', 'abc')).toBe(3);
  expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  expect(matchesTerm('sybiha', { word: 'sybyha', maxEdits: 2 })).toBe(true);
  expect(matchesTerm('us', { word: 'uae', maxEdits: 0 })).toBe(false);
});

test('the Lucene query boosts each exact word over its fuzzy form and never carries syntax from input', () => {
  expect(luceneQuery(searchTerms('Sybiha UAE'))).toBe('(sybiha^4 OR sybiha~2) OR uae^4');
  expect(luceneQuery(searchTerms('NOT (Putin) AND "Kyiv"~ OR x:y'))).toBe('not^4 OR (putin^4 OR putin~1) OR and^4 OR (kyiv^4 OR kyiv~1) OR or^4 OR x^4 OR y^4');
  expect(luceneQuery(searchTerms('a-b'))).toBe('a^4 OR b^4');
});

test('highlights mark exact and approximate words of every field that matches', () => {
  const actor = toActor({ id: 'actor:x', name: 'Andrii Sybiha', kind: 'PERSON', aliases: ['Sybiha'], description: 'Ukraine’s minister for foreign affairs.' });
  const result = highlights(actor, searchTerms('sybyha ukraine'));
  expect(result).toEqual([
    { field: 'name', snippet: 'Andrii Sybiha', matches: [{ start: 7, end: 13 }] },
    { field: 'alias', snippet: 'Sybiha', matches: [{ start: 0, end: 6 }] },
    // `ukraine’s` is within two edits of `ukraine`, as Lucene's fuzzy term sees it.
    { field: 'description', snippet: 'Ukraine’s minister for foreign affairs.', matches: [{ start: 0, end: 9 }] },
  ]);
  expect(highlights(actor, searchTerms('Putin'))).toEqual([]);
});

test('long fields are cut to a snippet around the first match, at spaces, with spans moved along', () => {
  const text = `${'word '.repeat(60)}the needle is here ${'more '.repeat(60)}`.trim();
  const statement = toStatement({ id: 'statement:x', text, kind: 'QUOTE' });
  const [h] = highlights(statement, searchTerms('needle'));
  expect(h.field).toBe('text');
  expect(h.snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
  expect(h.snippet.startsWith('…word ')).toBe(true);
  expect(h.snippet.endsWith(' more…')).toBe(true);
  expect(h.matches).toHaveLength(1);
  expect(h.snippet.slice(h.matches[0].start, h.matches[0].end)).toBe('needle');
});

test('matches outside a cut snippet are left out, those inside are kept', () => {
  const value = `alpha ${'x '.repeat(150)}alpha`;
  const spans = words(value).filter((w) => w.word === 'alpha');
  const cut = snippet(value, spans);
  expect(cut.matches).toEqual([{ start: 0, end: 5 }]);
  expect(cut.snippet.endsWith('…')).toBe(true);
  const end = snippet(value, spans.slice(1));
  expect(end.snippet.slice(end.matches[0].start, end.matches[0].end)).toBe('alpha');
  expect(end.snippet.endsWith('alpha')).toBe(true);
});
