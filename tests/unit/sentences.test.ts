import { readFileSync } from 'node:fs';
import { splitSentences } from '../../src/facts/sentences';
import { ARTICLE_FILE } from '../helpers/seed-file';

test('splits at sentence ends followed by a capital, and numbers from 1 with offsets into the text', () => {
  const text = 'Talks began. They ended? Yes!\nA new paragraph';
  const sentences = splitSentences(text);
  expect(sentences.map((s) => [s.number, s.text])).toEqual([
    [1, 'Talks began.'],
    [2, 'They ended?'],
    [3, 'Yes!'],
    [4, 'A new paragraph'],
  ]);
  for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
});

test('does not split inside a curly-quoted passage or before a lower-case word', () => {
  const text = '“Peace efforts? Diplomacy? No.” He left. The U.S. envoy e.g. stayed.';
  expect(splitSentences(text).map((s) => s.text)).toEqual(['“Peace efforts? Diplomacy? No.”', 'He left.', 'The U.S. envoy e.g. stayed.']);
});

test('the seed article has 26 sentences, and a quote of several sentences stays one', () => {
  const sentences = splitSentences(readFileSync(ARTICLE_FILE, 'utf8'));
  expect(sentences).toHaveLength(26);
  expect(sentences[5].text).toBe('“Peace efforts? Trilateral meeting in the UAE? Diplomacy? For Ukrainians, this was another night of Russian terror.”');
  expect(sentences[25].text).toBe('Photograph by Oleksandr Magula/AFP via Getty Images');
});
