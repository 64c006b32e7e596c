/**
 * Sentences as the extraction rules read them. Evidence numbering (src/facts/sentences.ts) breaks
 * wherever a full stop is followed by a capital, so "the U.S. State Department", "Jan. 12" before a
 * capital, "Mr. Kerry" and "Mark V. Hurd" come out in two pieces; a name or a quote cut in two is
 * lost to the rules. An extraction sentence joins such pieces back together and keeps them as its
 * `parts`, so that evidence still names the loader's sentence numbers. The loader's numbering does not
 * change: it is what every facts file points into.
 */
import type { EvidenceInput } from '../facts/format';
import { type Sentence, splitSentences } from '../facts/sentences';
import { NAME_TITLE_ABBREVIATIONS } from './lexicon';

/** One sentence for the rules: consecutive evidence sentences joined where a break was false. */
export interface ExtractionSentence {
  /** 1-based, in text order (not the evidence number). */
  number: number;
  text: string;
  /** Offset of `text` in the whole text. */
  start: number;
  /** Paragraph number (each non-empty line is a paragraph). */
  paragraph: number;
  /** The evidence sentences it is made of, in order. */
  parts: Sentence[];
}

/**
 * Words that end with a full stop without ending the sentence: titles, months, common abbreviations
 * of news writing and US states. Lower-case comparison; the stop itself is not part of the word.
 */
const ABBREVIATIONS = new Set([
  ...NAME_TITLE_ABBREVIATIONS.map((t) => t.toLowerCase()),
  'rev',
  'hon',
  'jr',
  'sr',
  'messrs',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'inc',
  'corp',
  'co',
  'ltd',
  'bros',
  'no',
  'vs',
  'approx',
  'est',
  'dept',
  'univ',
  'ft',
  'mt',
  'ala',
  'ariz',
  'ark',
  'calif',
  'colo',
  'conn',
  'del',
  'fla',
  'ga',
  'ill',
  'ind',
  'kan',
  'ky',
  'la',
  'md',
  'mass',
  'mich',
  'minn',
  'miss',
  'mo',
  'mont',
  'neb',
  'nev',
  'okla',
  'ore',
  'pa',
  'tenn',
  'tex',
  'va',
  'vt',
  'wash',
  'wis',
  'wyo',
]);

/** True when `piece` ends with an abbreviation or initial, so the break after it is false. */
export function endsWithAbbreviation(piece: string): boolean {
  // Initialisms ("U.S.", "U.K.", "N.V.") and single-letter initials ("Mark V.", "J. K.").
  if (/(?:^|[\s(“"‘-])(?:\p{Lu}\.){2,}$/u.test(piece) || /(?:^|[\s(“"‘])\p{Lu}\.$/u.test(piece)) return true;
  const word = /(?:^|[\s(“"‘-])(\p{L}+)\.$/u.exec(piece);
  return !!word && ABBREVIATIONS.has(word[1].toLowerCase());
}

/** Splits `text` into extraction sentences (see the module comment). */
export function extractionSentences(text: string): ExtractionSentence[] {
  const out: ExtractionSentence[] = [];
  let paragraph = 0;
  let previousEnd = 0;
  for (const part of splitSentences(text)) {
    const between = text.slice(previousEnd, part.start);
    const newLine = between.includes('\n');
    paragraph += (between.match(/\n/g) ?? []).length;
    previousEnd = part.end;
    const last = out[out.length - 1];
    if (last && !newLine && endsWithAbbreviation(last.text)) {
      last.parts.push(part);
      last.text = text.slice(last.start, part.end);
      continue;
    }
    out.push({ number: out.length + 1, text: part.text, start: part.start, paragraph, parts: [part] });
  }
  return out;
}

/**
 * Evidence for characters `from`..`to` of sentence `s`: the evidence sentence holding most of them,
 * and the excerpt cut to that sentence (an excerpt must lie within one evidence sentence).
 */
export function evidenceIn(s: ExtractionSentence, from: number, to: number): EvidenceInput {
  const a = s.start + from;
  const b = s.start + to;
  let best = s.parts[0];
  let bestOverlap = -1;
  for (const p of s.parts) {
    const overlap = Math.min(b, p.end) - Math.max(a, p.start);
    if (overlap > bestOverlap) {
      best = p;
      bestOverlap = overlap;
    }
  }
  const excerpt = best.text.slice(Math.max(a, best.start) - best.start, Math.min(b, best.end) - best.start).trim();
  return { sentence: best.number, excerpt: excerpt || best.text };
}
