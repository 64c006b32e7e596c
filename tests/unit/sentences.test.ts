import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
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

/** The splitter as it was before it was made linear (quadratic on long lines): the reference. */
function referenceSplit(text: string): { number: number; start: number; end: number; text: string }[] {
  const END = /[.?!][”"’)\]]*(?=\s+[“"‘(\p{Lu}\p{N}])/gu;
  const depthOf = (prefix: string) => {
    let depth = 0;
    for (const ch of prefix) {
      if (ch === '“') depth += 1;
      else if (ch === '”' && depth > 0) depth -= 1;
    }
    return depth;
  };
  const out: { number: number; start: number; end: number; text: string }[] = [];
  const push = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && /\s/.test(text[start])) start += 1;
    while (end > start && /\s/.test(text[end - 1])) end -= 1;
    if (end > start) out.push({ number: out.length + 1, start, end, text: text.slice(start, end) });
  };
  const lines = /[^\n]+/g;
  for (let line = lines.exec(text); line; line = lines.exec(text)) {
    const content = line[0];
    let cursor = 0;
    const ends = [...content.matchAll(END)].map((m) => m.index + m[0].length).filter((end) => depthOf(content.slice(0, end)) === 0);
    for (const end of [...ends, content.length]) {
      push(line.index + cursor, line.index + end);
      cursor = end;
    }
  }
  return out;
}

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '“',
  '”',
  '"',
  '‘',
  '’',
  '.',
  '?',
  '!',
  ')',
  '(',
  ']',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  'A',
  'a',
  'É',
  'é',
  '7',
  'Talks',
  'he said',
  'U.S.',
  'e.g.',
  '😀',
  '\r\n',
];

test('splits exactly as the former (quadratic) splitter on varied texts, quotes spanning sentences and lines included', () => {
  for (let seed = 1; seed <= 2_000; seed += 1) {
    const next = random(seed);
    const length = Math.floor(next() * 80);
    let text = '';
    for (let i = 0; i < length; i += 1) text += PIECES[Math.floor(next() * PIECES.length)];
    const got = splitSentences(text);
    const expected = referenceSplit(text);
    if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`seed ${seed}: ${JSON.stringify(text)}`);
  }
  const article = readFileSync(ARTICLE_FILE, 'utf8');
  expect(splitSentences(article)).toEqual(referenceSplit(article));
  const fixture = readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'articles', 'followup-abu-dhabi.txt'), 'utf8');
  expect(splitSentences(fixture)).toEqual(referenceSplit(fixture));
});

test('a quote opened and never closed keeps the rest of its line one sentence; the next line starts afresh', () => {
  const text = 'He said. “It began. It went on. And on.\nNext line. Done.';
  expect(splitSentences(text).map((s) => s.text)).toEqual(['He said.', '“It began. It went on. And on.', 'Next line.', 'Done.']);
  expect(splitSentences(text)).toEqual(referenceSplit(text));
});

test('a 2 MB line full of sentence ends and open quotes is split (the former splitter took minutes on 900 KB)', () => {
  const text = '“A. B. '.repeat(300_000).slice(0, 2_000_000);
  const sentences = splitSentences(text);
  // Every quote opens and none closes: the whole line is one sentence.
  expect(sentences).toHaveLength(1);
  expect(sentences[0].end).toBe(text.trimEnd().length);
  const plain = 'It rained. '.repeat(180_000);
  expect(splitSentences(plain)).toHaveLength(180_000);
});
