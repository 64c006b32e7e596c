/**
 * Finding mentions of people, organisations, groups and places in one sentence. A name is a run of
 * capitalised words (joined by single spaces, "of" allowed inside, a possessive ending the run);
 * the gazetteer names countries, and compromise's tags say whether the rest is a person, an
 * organisation or a place. What the rules cannot type is kept as a "maybe" mention, which counts
 * only if it names an entity found elsewhere (a surname at the start of a sentence, say).
 */
import { COUNTRIES, type CountryEntry, type CountryVia, lookupCountry, MAX_GAZETTEER_WORDS, REGION_DEMONYMS } from './gazetteer';
import { isOfficeNoun, SPEECH_VERBS } from './lexicon';
import { type Token, tokenize } from './tokens';

export type MentionKind = 'person' | 'organization' | 'group' | 'country' | 'demonym' | 'city' | 'place' | 'maybe';

/** One mention of a name in a sentence; `start`/`end` index the sentence text. */
export interface Mention {
  sentence: number;
  start: number;
  end: number;
  /** The words as written, without a trailing possessive: an exact substring of the sentence. */
  text: string;
  /** The name the entity goes by: the gazetteer's country name, or `text`. */
  name: string;
  kind: MentionKind;
  possessive: boolean;
  /** Set for country, demonym and capital-city mentions. */
  country?: CountryEntry;
  via?: CountryVia;
  /** For `place` mentions: what kind of place the rules could tell. */
  placeKind?: 'REGION' | 'AREA';
  /** Number of words in the name (a one-word person name is a surname or a lone name). */
  words: number;
  /** Set on group and area phrases, which win over the single words inside them. */
  phrase?: boolean;
}

const HONORIFICS = new Set(
  ['president', 'prime', 'minister', 'foreign', 'secretary', 'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'senator', 'general', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'sheikh', 'governor', 'mayor', 'ambassador', 'envoy', 'judge', 'colonel', 'admiral'],
);
const DETERMINERS = new Set(['The', 'A', 'An']);
/** Last words that make a capitalised name an organisation ("Getty Images", "Associated Press"). */
const ORG_SUFFIXES = new Set(['Images', 'Press', 'Agency', 'News', 'Media', 'Times', 'Post', 'Group', 'Inc', 'Ltd', 'Corp', 'Corporation', 'Company', 'Bank', 'Council', 'Ministry', 'Party', 'Committee', 'Union', 'Organisation', 'Organization', 'Institute', 'University', 'Foundation', 'Commission', 'Parliament', 'Assembly', 'Office', 'Department', 'Service', 'Army', 'Navy', 'Guard']);
/** Plural nouns that turn a demonym into a group of people or states ("Russian officials"). */
const GROUP_NOUNS = 'officials|forces|troops|negotiators|diplomats|delegations?|soldiers|leaders|authorities|countries|nations|governments|lawmakers|politicians|ministers|allies|partners|citizens|civilians|residents|prosecutors|investigators';
const QUANTIFIERS = 'Some|Several|Many|Most|Other|Few|All|Two|Three|Four';
const COMPASS = 'northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western';

const hasTag = (t: Token, ...tags: string[]) => tags.some((tag) => t.tags.has(tag));

/** True when the token starts the sentence or a quoted or new clause, where any word is capitalised. */
function weakPosition(t: Token): boolean {
  return t.index === 0 || /[“"‘(:?!.]\s*$/.test(t.gap) || /^[“"‘(]/.test(t.gap.trim());
}

/** Finds the mentions in sentence number `sentence` whose text is `text`. */
export function findMentions(sentence: number, text: string): Mention[] {
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  for (const run of capitalisedRuns(tokens)) mentions.push(...classifyRun(sentence, text, tokens, run));
  mentions.push(...groupMentions(sentence, text), ...areaMentions(sentence, text));
  return dropOverlaps(mentions).sort((a, b) => a.start - b.start);
}

/** Runs of capitalised tokens that may form one name. */
function capitalisedRuns(tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    while (run.length && !run[run.length - 1].capitalised) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (const t of tokens) {
    const joins = run.length > 0 && t.gap === ' ' && !run[run.length - 1].possessive;
    if (t.capitalised) {
      if (!joins) close();
      run.push(t);
    } else if (joins && t.word === 'of' && run[run.length - 1].capitalised) {
      run.push(t);
    } else close();
    if (t.possessive) close();
  }
  close();
  return runs;
}

function mention(sentence: number, text: string, tokens: Token[], kind: MentionKind, extra: Partial<Mention> = {}): Mention {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const end = last.start + last.word.length;
  const surface = text.slice(first.start, end);
  return { sentence, start: first.start, end, text: surface, name: surface, kind, possessive: last.possessive, words: tokens.length, ...extra };
}

/** Types one run, splitting out gazetteer phrases it contains. */
function classifyRun(sentence: number, text: string, all: Token[], input: Token[]): Mention[] {
  let run = input;
  while (run.length && DETERMINERS.has(run[0].word)) run = run.slice(1);
  if (!run.length) return [];
  // A capitalised word at the start of a clause is only a name if something says so.
  const head = run[0];
  if (weakPosition(head) && !hasTag(head, 'ProperNoun', 'Person', 'Place', 'Organization') && !gazetteerAt(run, 0)) {
    const functionWord = hasTag(head, 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Verb', 'Adverb', 'QuestionWord');
    if (run.length === 1) return functionWord ? [] : [mention(sentence, text, run, 'maybe')];
    // "But Kyiv", "After Davos" lose the first word; an unknown first name ("Kenji Sato") keeps it.
    if (functionWord) run = run.slice(1);
  }
  // Gazetteer phrases (longest first) become their own mentions; the pieces between are typed below.
  const out: Mention[] = [];
  let piece: Token[] = [];
  for (let i = 0; i < run.length; ) {
    const hit = gazetteerAt(run, i);
    if (hit) {
      out.push(...typeName(sentence, text, all, piece));
      piece = [];
      out.push(countryMention(sentence, text, all, run.slice(i, i + hit.length), hit.entry.country, hit.entry.via));
      i += hit.length;
    } else {
      piece.push(run[i]);
      i += 1;
    }
  }
  out.push(...typeName(sentence, text, all, piece));
  return out;
}

function gazetteerAt(run: Token[], i: number): { length: number; entry: NonNullable<ReturnType<typeof lookupCountry>> } | undefined {
  for (let n = Math.min(MAX_GAZETTEER_WORDS, run.length - i); n >= 1; n -= 1) {
    const words = run.slice(i, i + n);
    if (words.slice(0, -1).some((w) => w.possessive)) continue;
    const entry = lookupCountry(words.map((w) => w.word).join(' '));
    if (entry) return { length: n, entry };
  }
  return undefined;
}

/** A gazetteer phrase: the country, its people, its demonym, or its capital (a city after "in"). */
function countryMention(sentence: number, text: string, all: Token[], words: Token[], country: CountryEntry, via: CountryVia): Mention {
  if (via === 'people') return mention(sentence, text, words, 'group');
  if (via === 'demonym') return mention(sentence, text, words, 'demonym', { country, via });
  if (via === 'capital' && placedIn(all, words[0])) return mention(sentence, text, words, 'city', { country, via });
  return mention(sentence, text, words, 'country', { country, via, name: country.name });
}

/** True when the word follows "in", "at", "to" or "from", which place something in it. */
function placedIn(all: Token[], first: Token): boolean {
  const before = all[first.index - 1];
  return !!before && /^(in|at|to|from|near)$/i.test(before.word) && before.end === first.start - first.gap.length;
}

/** Types a run that is not a gazetteer phrase. */
function typeName(sentence: number, text: string, all: Token[], input: Token[]): Mention[] {
  let run = input;
  while (run.length && !run[0].capitalised) run = run.slice(1);
  while (run.length && !run[run.length - 1].capitalised) run = run.slice(0, -1);
  // Titles before a name belong to the office, not the name ("President Vladimir Putin").
  while (run.length > 1 && (HONORIFICS.has(run[0].word.toLowerCase()) || hasTag(run[0], 'Honorific'))) run = run.slice(1);
  if (!run.length) return [];
  const last = run[run.length - 1];
  const next = all[last.index + 1];
  const acronym = run.length === 1 && /^\p{Lu}{2,6}$/u.test(last.word);
  if (run.some((t) => hasTag(t, 'Organization')) || ORG_SUFFIXES.has(last.word) || acronym) return [mention(sentence, text, run, 'organization')];
  if (run.some((t) => hasTag(t, 'FirstName', 'LastName', 'Person') && !hasTag(t, 'Honorific'))) return [mention(sentence, text, run, 'person')];
  if (next && /^(region|province|oblast|state)$/.test(next.word) && next.gap === ' ') return [mention(sentence, text, run, 'place', { placeKind: 'REGION' })];
  if (hasTag(last, 'Date', 'Month', 'WeekDay', 'Holiday')) return [];
  if (run.length === 1 && hasTag(last, 'Country')) {
    // A country compromise knows and the gazetteer does not: no demonyms or capital to go with it.
    const country: CountryEntry = { name: last.word, aliases: [], demonyms: [], capital: '' };
    return [mention(sentence, text, run, 'country', { country, via: 'name' })];
  }
  if (run.some((t) => hasTag(t, 'Place'))) {
    if (run.some((t) => hasTag(t, 'City'))) return [mention(sentence, text, run, 'city')];
    return [mention(sentence, text, run, 'place', { placeKind: run.some((t) => hasTag(t, 'Region')) ? 'REGION' : 'AREA' })];
  }
  if (run.length >= 2 && run.length <= 4 && !run.some((t) => t.word === 'of') && personCue(all, run)) return [mention(sentence, text, run, 'person')];
  if (placedIn(all, run[0])) return [mention(sentence, text, run, 'place', { placeKind: 'AREA' })];
  return run.length === 1 ? [mention(sentence, text, run, 'maybe')] : [];
}

/**
 * True when the words around an untyped name say it is a person: a speech verb next to it ("said
 * Andrii Sybiha", "Andrii Sybiha said"), "according to" before it, ", who" after it, or an office
 * noun just before or after it ("adviser Yuri Ushakov", "Yuri Ushakov, the Kremlin's adviser").
 */
function personCue(all: Token[], run: Token[]): boolean {
  const before = all[run[0].index - 1];
  const after = all[run[run.length - 1].index + 1];
  const speech = (t?: Token) => !!t && SPEECH_VERBS.includes(t.word);
  if (speech(before) || speech(after)) return true;
  if (before?.word === 'to' && all[before.index - 1]?.word.toLowerCase() === 'according') return true;
  if (after?.word === 'who' && after.gap.startsWith(',')) return true;
  if (before && isOfficeNoun(before.word)) return true;
  const following = all.slice(run[run.length - 1].index + 1, run[run.length - 1].index + 6);
  return !!after && after.gap.startsWith(',') && following.some((t) => isOfficeNoun(t.word));
}

/** "Russian officials", "Ukrainian and Russian officials", "Some European countries": groups. */
function groupMentions(sentence: number, text: string): Mention[] {
  const demonym = `(?:${[...REGION_DEMONYMS, ...demonymWords()].join('|')})`;
  const pattern = new RegExp(`(?:\\b(${QUANTIFIERS}) )?(${demonym}(?:(?:, | and | or )${demonym})*) (${GROUP_NOUNS})\\b`, 'gu');
  const out: Mention[] = [];
  for (const m of text.matchAll(pattern)) {
    const [, quantifier, list, noun] = m;
    const adjectives = list.split(/, | and | or /);
    for (const adjective of adjectives) {
      const name = `${quantifier && adjectives.length === 1 ? `${quantifier} ` : ''}${adjective} ${noun}`;
      const start = m.index + (adjectives.length === 1 ? 0 : (quantifier ? quantifier.length + 1 : 0) + list.indexOf(adjective));
      // The excerpt is the whole phrase, which always holds the group's words.
      out.push({ sentence, start, end: m.index + m[0].length, text: text.slice(start, m.index + m[0].length), name, kind: 'group', possessive: false, words: name.split(' ').length, phrase: true });
    }
  }
  return out;
}

/** "eastern Ukraine": an area of a named country. */
function areaMentions(sentence: number, text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(new RegExp(`\\b(${COMPASS}) (\\p{Lu}[\\p{L}]+(?: \\p{Lu}[\\p{L}]+)*)`, 'gu'))) {
    const hit = lookupCountry(m[2]);
    if (!hit || hit.via !== 'name') continue;
    const name = `${m[1][0].toUpperCase()}${m[1].slice(1)} ${hit.country.name}`;
    out.push({ sentence, start: m.index, end: m.index + m[0].length, text: m[0], name, kind: 'place', placeKind: 'AREA', possessive: false, words: 2, phrase: true });
  }
  return out;
}

function demonymWords(): string[] {
  return COUNTRIES.flatMap((c) => c.demonyms);
}

/** Group and area phrases win over the single words inside them, except country names. */
function dropOverlaps(mentions: Mention[]): Mention[] {
  const phrases = mentions.filter((m) => m.phrase);
  return mentions.filter((m) => {
    if (m.phrase || m.kind === 'country') return true;
    return !phrases.some((p) => p.sentence === m.sentence && m.start >= p.start && m.end <= p.end);
  });
}
