/**
 * Word tokens of one sentence, with character offsets into the sentence and the part-of-speech
 * tags that compromise (an npm NLP library; rules and lexicon, no model download) gives them.
 * compromise is consulted only for tags; which words form a name is decided by our own rules
 * (mentions.ts), so its offsets and our tokens meet at a word's first character.
 */
import nlp from 'compromise';
import { stripPossessive } from './names';

/** One word of a sentence. `start`/`end` index the sentence text; `word` drops a possessive ’s. */
export interface Token {
  index: number;
  start: number;
  end: number;
  /** The word as written, possessive included. */
  raw: string;
  /** The word without a trailing possessive. */
  word: string;
  possessive: boolean;
  capitalised: boolean;
  /** The characters between the previous token and this one ("" for the first). */
  gap: string;
  /** compromise tags (ProperNoun, Person, FirstName, Place, City, Organization, Honorific, ...). */
  tags: ReadonlySet<string>;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const NO_TAGS: ReadonlySet<string> = new Set();

interface TaggedTerm {
  tags: string[];
  offset: { start: number };
}

/** compromise tags keyed by the character offset where each of its terms starts. */
function tagsByOffset(text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const json = nlp(text).json({ offset: true }) as { terms: TaggedTerm[] }[];
  for (const sentence of json) for (const term of sentence.terms) out.set(term.offset.start, new Set(term.tags));
  return out;
}

/**
 * Splits a sentence into word tokens. A hyphenated word whose first part is capitalised and whose
 * rest is not ("US-led", "Kremlin-backed") yields its first part only, so that the name is found.
 */
export function tokenize(text: string): Token[] {
  const tags = tagsByOffset(text);
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    let raw = m[0];
    const hyphen = /^(\p{Lu}[\p{L}\p{N}]*)-\p{Ll}/u.exec(raw);
    if (hyphen) raw = hyphen[1];
    const start = m.index;
    const [word, possessive] = stripPossessive(raw);
    tokens.push({
      index: tokens.length,
      start,
      end: start + raw.length,
      raw,
      word,
      possessive,
      capitalised: /^\p{Lu}/u.test(raw),
      gap: text.slice(previousEnd, start),
      tags: tags.get(start) ?? NO_TAGS,
    });
    previousEnd = start + m[0].length;
  }
  return tokens;
}
