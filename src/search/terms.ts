/**
 * The words of a search and how loosely each may match. The Lucene query (search-repository) and
 * the highlighter are both built from these, so what is marked in a snippet is what Lucene matched.
 *
 * Words are split the way Lucene's standard tokenizer splits them for the texts we store: runs of
 * letters, digits and combining marks, with apostrophes inside a word kept (`Putin’s` is one word),
 * and compared in lower case.
 */

/** One word of a search text and the edit distance it tolerates (0 = exact only). */
export interface SearchTerm {
  word: string;
  maxEdits: number;
}

/** A word of a text with its position: `start` inclusive, `end` exclusive. */
export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
const LETTER = /\p{L}/u;

/** The words of `text`, lower-cased, with their offsets in `text`. */
export function words(text: string): WordSpan[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/**
 * How many edits a word tolerates: none below 4 letters (`US` must not match every two-letter
 * word), 1 for 4-5 letters, 2 (Lucene's maximum) from 6 letters. Numbers are exact.
 */
export function maxEditsFor(word: string): number {
  if (!LETTER.test(word)) return 0;
  const length = [...word].length;
  return length < 4 ? 0 : length < 6 ? 1 : 2;
}

/** The distinct words of a search text, in order, each with its tolerance. */
export function searchTerms(text: string): SearchTerm[] {
  const distinct = [...new Set(words(text).map((w) => w.word))];
  return distinct.map((word) => ({ word, maxEdits: maxEditsFor(word) }));
}

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment), over
 * code points: the distance Lucene's fuzzy queries use. Stops early once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[t.length];
}

/** Whether a (lower-cased) word of a text matches a search term, exactly or within its edits. */
export function matchesTerm(word: string, term: SearchTerm): boolean {
  return word === term.word || (term.maxEdits > 0 && editDistance(word, term.word, term.maxEdits) <= term.maxEdits);
}
