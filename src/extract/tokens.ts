/**
 * Word tokens of one sentence, with character offsets into the sentence and the part-of-speech
 * tags that compromise (an npm NLP library; rules and lexicon, no model download) gives them.
 * compromise is consulted only for tags; which words form a name is decided by our own rules
 * (mentions.ts), so its offsets and our tokens meet at a word's first character.
 */
import nlp from 'compromise';
import { lookupCountry, NEWS_ORGANISATIONS } from './gazetteer';
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
  /** Set on "Paris" of "Paris-based": the word names a place something is in. */
  basedIn?: boolean;
  /** Set on "Mumbai" of "Mumbai-listed", "US" of "US-led": the word describes the name after it and is not part of it. */
  modifier?: boolean;
}

/** Initialisms with stops ("U.S.", "N.V.") are one word; so are hyphenated and apostrophised words. */
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
/** What follows the hyphen of "US-led", "Kremlin-backed", "Paris-based": not part of a name. */
const COMPOUND_TAIL = /^(?:\p{Ll}+(?:ed|ing)|elect|designate|era|style|wide|born|run|made|type|class|level|like|free|long|owned|friendly|controlled)$/u;
/** Nouns after "Trump-Putin", "Russia-Ukraine": the compound names a relation between parties. */
const RELATION_NOUN =
  /^\s+(?:summit|talks|meeting|meetings|format|relations|ties|deal|border|axis|war|conflict|dialogue|alliance|pact|agreement|call|rapprochement|negotiations|framework|partnership|rivalry|trade)\b/;
/** Lower-case particles of Arabic names written with a hyphen: "al-Assad", "bin-Salman". */
const NAME_PARTICLE = /^(?:al|el|ad|ar|as|an|ash|at|az|ul|bin|ibn|bint)-\p{Lu}/u;
const NO_TAGS: ReadonlySet<string> = new Set();

interface TaggedTerm {
  tags: string[];
  offset: { start: number };
}

const pronounsOfNames = new Map<string, 'he' | 'she' | undefined>();

/**
 * The pronoun a person's first name takes by compromise's lists of given names ("Petro" he, "Anna"
 * she), or undefined when the name is on neither list.
 */
export function pronounOfName(name: string): 'he' | 'she' | undefined {
  if (!pronounsOfNames.has(name)) {
    const first = (nlp(name).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
    pronounsOfNames.set(name, first.includes('MaleName') ? 'he' : first.includes('FemaleName') ? 'she' : undefined);
  }
  return pronounsOfNames.get(name);
}

/**
 * The longest run of text compromise tags at once, in characters. Real sentences are far shorter
 * (the longest of the corpus has 479 characters); compromise's matching costs time in the square of
 * a sentence's length, so a hostile text of one endless sentence is tagged in pieces of this size,
 * cut at a space.
 */
const TAGGED_AT_ONCE = 2_000;

/** compromise tags keyed by the character offset where each of its terms starts. */
function tagsByOffset(text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + TAGGED_AT_ONCE);
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > from) to = space;
    }
    const json = nlp(text.slice(from, to)).json({ offset: true }) as { terms: TaggedTerm[] }[];
    for (const sentence of json) for (const term of sentence.terms) out.set(from + term.offset.start, new Set(term.tags));
    from = to;
  }
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
  const push = (raw: string, start: number, extra: Partial<Token> = {}) => {
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
      ...extra,
    });
    previousEnd = start + raw.length;
  };
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const parts = raw.split('-');
    if (parts.length > 1 && /^\p{Lu}/u.test(parts[0]) && /^\p{Ll}/u.test(parts[1])) {
      // "US-led", "Paris-based": the name is the first part. "Tae-yul" stays whole.
      if (COMPOUND_TAIL.test(parts.slice(1).join('-'))) {
        push(parts[0], m.index, { basedIn: parts[1] === 'based', modifier: true });
        previousEnd = m.index + raw.length;
        continue;
      }
    } else if (parts.length > 1 && parts.every((p) => /^\p{Lu}/u.test(p))) {
      // "Russia-Ukraine", "Trump-Putin summit": a compound of parties, each its own word.
      const after = text.slice(m.index + raw.length);
      // "Agence France-Presse" is one name, though "France" is a country.
      const previous = /(\p{L}+)\s+$/u.exec(text.slice(0, m.index))?.[1];
      const named = !!previous && NEWS_ORGANISATIONS.has(`${previous} ${stripPossessive(raw)[0]}`);
      if (!named && (parts.some((p) => lookupCountry(stripPossessive(p)[0])) || RELATION_NOUN.test(after))) {
        let at = m.index;
        for (const p of parts) {
          push(p, at);
          at += p.length + 1;
        }
        previousEnd = m.index + raw.length;
        continue;
      }
    }
    push(raw, m.index, NAME_PARTICLE.test(raw) || NEWS_ORGANISATIONS.has(raw) ? { capitalised: true } : {});
    previousEnd = m.index + raw.length;
  }
  return tokens;
}
