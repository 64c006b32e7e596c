/**
 * Offices held, read from appositions around a person's name:
 *
 *   Ukraine's minister for foreign affairs, Andrii Sybiha     (owner's title, name)
 *   the Russian president Vladimir Putin                       (demonym title name)
 *   Putin's foreign policy adviser Yuri Ushakov                (person's title name)
 *   the US president's special envoy, Steve Witkoff            (owner phrase's title, name)
 *   US envoys Steve Witkoff and Jared Kushner                  (plural title, both names)
 *   Andrii Sybiha, Ukraine's minister for foreign affairs      (name, title)
 *
 * A title is a few words containing an office noun (lexicon.ts), optionally followed by "for ..."
 * or "of ..." ("minister for foreign affairs"). Each yields a Position entity, HOLDS from the
 * person and, when a country owns the title (by name, demonym or capital), POSITION_OF to it.
 */
import type { EvidenceInput } from '../facts/format';
import type { AnalysedText } from './document';
import { firstFrom, MENTION_REACH, type ResolvedMention } from './entities';
import { type CountryEntry, lookupCountry } from './gazetteer';
import { isOfficeNoun, KINSHIP } from './lexicon';
import { type Token, tokenize } from './tokens';

/** An office found next to a person's name. */
export interface OfficeFinding {
  holderId: string;
  /** A readable title with its owner: "President of Russia", "Foreign policy adviser of Vladimir Putin". */
  title: string;
  /** The country the office belongs to, when the text names one. */
  country?: CountryEntry;
  /** The title as written (evidence for the Position and POSITION_OF). */
  titleEvidence: EvidenceInput;
  /** The title and the name together (evidence for HOLDS). */
  holdsEvidence: EvidenceInput;
}

/** Styles a name may carry after its title: "Dr", "Datuk Seri", "Tan Sri", "Daw", "Alhaji". */
const STYLES = /^(?:Mr|Mrs|Ms|Dr|Daw|Tun|Datuk|Dato|Datin|Seri|Sri|Tan|Puan|Toh|Haji|Hajjah|Alhaji)$/;

/** Capitalised words that may start or sit inside a title ("Foreign Minister", "Prime Minister"). */
const TITLE_CAPITALS = new Set([
  'Prime',
  'Foreign',
  'Vice',
  'Deputy',
  'Special',
  'Defence',
  'Defense',
  'Finance',
  'Interior',
  'Chief',
  'Secretary',
  'General',
  'State',
]);
const MAX_TITLE_WORDS = 7;
/** Words that put an office in the past: "former", "previous", "late", "then", "ex-". */
const PAST_WORD = /^(?:former|previous|late|then|erstwhile|ex-.*)$/i;
const PAST = /\b(?:former|previous|late|then|erstwhile|ex)[-\s]+$/i;

interface Owner {
  /** Name used in the title ("Russia", "Vladimir Putin", "the US president"). */
  name?: string;
  country?: CountryEntry;
  start: number;
}

interface Title {
  words: Token[];
  owner: Owner;
  plural: boolean;
}

const isTitleWord = (t: Token) => !t.possessive && (/^[\p{Ll}][\p{Ll}-]*$/u.test(t.raw) || TITLE_CAPITALS.has(t.raw) || isOfficeNoun(t.raw));

/** The title is valid when it has an office noun, after which only "for/of/to ..." may follow. */
function checkTitle(words: Token[]): Token[] | undefined {
  let head = words.findIndex((t) => isOfficeNoun(t.word));
  if (head < 0 || words.some((t) => KINSHIP.has(t.word.toLowerCase()))) return undefined;
  // Modifiers may precede the head; after it, only a "for/of ..." complement.
  const lastOffice = words.map((t) => isOfficeNoun(t.word)).lastIndexOf(true);
  const tail = words.slice(lastOffice + 1);
  if (tail.length && !/^(for|of|on)$/.test(tail[0].word)) return undefined;
  // Words of a clause between two office nouns part them: in "Chairman praised the reforms of Finance
  // Minister", the title is the last one.
  if (words.slice(head, lastOffice).some((t) => /^\p{Ll}/u.test(t.raw) && !/^(?:of|for|and|on|to|the)$/.test(t.word))) head = lastOffice;
  // Drop leading words that are not part of a title ("met", "joined the", ...): keep from the first
  // word that is an adjective-like modifier next to the head.
  let from = head;
  while (
    from > 0 &&
    /^[\p{L}-]+$/u.test(words[from - 1].raw) &&
    !/^(the|a|an|and|or|with|met|meeting|joined|after|before|by|to|said|says|told|for|of|in|on|at)$/i.test(words[from - 1].word) &&
    // ("backed President Lena Sokol": a verb in the past is no part of the title.)
    !(words[from - 1].tags.has('PastTense') && /ed$/.test(words[from - 1].word))
  )
    from -= 1;
  return words.slice(from);
}

/** Finds offices around every person mention of the text. */
export function findOffices(doc: AnalysedText): OfficeFinding[] {
  const out: OfficeFinding[] = [];
  const nameOf: NameOf = (m) => doc.index.entities.get(m.entityId)?.name ?? m.name;
  for (const s of doc.sentences) {
    const tokens = tokenize(s.text);
    const mentions = doc.mentionsIn(s.number);
    let pluralBefore: { title: Title; end: number } | undefined;
    for (const person of mentions.filter((m) => m.kind === 'person' && !m.possessive && m.entityId)) {
      let title = titleBefore(s.text, tokens, mentions, nameOf, person);
      let start = title ? Math.min(title.owner.start, title.words[0].start) : person.start;
      let end = person.end;
      if (!title && pluralBefore && /^\s+and\s+$/.test(s.text.slice(pluralBefore.end, person.start))) {
        title = pluralBefore.title; // "US envoys Steve Witkoff and Jared Kushner"
        start = person.start;
      }
      if (!title) {
        title = titleAfter(s.text, tokens, mentions, nameOf, person);
        if (title) end = title.words[title.words.length - 1].end;
      }
      pluralBefore = title?.plural ? { title, end: person.end } : undefined;
      if (!title) continue;
      const titleStart = Math.min(title.owner.start, title.words[0].start);
      const titleEnd = title.words[title.words.length - 1].end;
      // "the previous German ambassador, Rolf Nike", "former President X": an office no longer held.
      if (PAST.test(s.text.slice(Math.max(0, titleStart - 12), titleStart)) || title.words.some((t) => PAST_WORD.test(t.word))) continue;
      out.push({
        holderId: person.entityId,
        title: titleText(title),
        country: title.owner.country,
        titleEvidence: doc.evidence(s.number, titleStart, titleEnd),
        holdsEvidence: doc.evidence(s.number, start, end),
      });
    }
  }
  return out;
}

/** "Minister for foreign affairs of Ukraine", "Envoy of the United States". */
function titleText(title: Title): string {
  // ("Norway’s new envoy": the envoy of Norway; "new" says when, not what.)
  const lead = title.words.findIndex((t, i) => i === title.words.length - 1 || !/^(?:new|newly|newly-appointed|incoming)$/i.test(t.word));
  const kept = title.words.slice(lead);
  const words = kept.map((t, i) => (i === kept.length - 1 || isOfficeNoun(t.word) ? singular(t.word) : t.word).toLowerCase());
  const phrase = words.join(' ');
  const owner = title.owner.name ? ` of ${title.owner.name}` : '';
  return `${phrase[0].toUpperCase()}${phrase.slice(1)}${owner}`;
}

function singular(word: string): string {
  return isOfficeNoun(word) && /s$/.test(word) && isOfficeNoun(word.slice(0, -1)) ? word.slice(0, -1) : word;
}

function countryName(country: CountryEntry): string {
  return /^(United|Netherlands|Czech)/.test(country.name) ? `the ${country.name}` : country.name;
}

/** The first mention (in text order) a token is part of; mentions may nest ("the Foreign Ministry of Pakistan"). */
function mentionAt(mentions: ResolvedMention[], t: Token): ResolvedMention | undefined {
  const after = firstFrom(mentions, t.start + 1, (m) => m.start);
  let found: ResolvedMention | undefined;
  for (let i = (after < 0 ? mentions.length : after) - 1; i >= 0 && mentions[i].start > t.start - MENTION_REACH; i -= 1) {
    if (t.start >= mentions[i].start && t.start < mentions[i].end) found = mentions[i];
  }
  return found;
}

/** The owner just before a title: a possessive name, a country or demonym, or "the X president’s". */
function ownerBefore(text: string, tokens: Token[], mentions: ResolvedMention[], nameOf: NameOf, i: number, fallback: number): Owner {
  const t = tokens[i];
  if (!t) return { start: fallback };
  const m = mentionAt(mentions, t);
  if (m && (m.kind === 'country' || m.kind === 'demonym' || m.kind === 'city')) {
    const the = tokens[i - 1]?.word === 'the' && tokens[i - 1].end === m.start - 1 ? tokens[i - 1].start : m.start;
    return { name: m.country ? countryName(m.country) : m.name, country: m.country, start: the };
  }
  if (m && t.possessive && (m.kind === 'person' || m.kind === 'organization') && m.entityId) {
    return { name: m.kind === 'person' ? nameOf(m) : m.name, start: m.start };
  }
  if (t.possessive && isOfficeNoun(t.word)) {
    // "the US president’s special envoy": the owner is itself an office, perhaps of a country.
    const inner = ownerBefore(text, tokens, mentions, nameOf, i - 1, t.start);
    const from = inner.name ? inner.start : tokens[i - 1]?.word === 'the' ? tokens[i - 1].start : t.start;
    return { name: text.slice(from, t.start + t.word.length), country: inner.country, start: from };
  }
  return { start: fallback };
}

/** Gives the full name of a mention's entity (a surname mention stands for the full name). */
type NameOf = (m: ResolvedMention) => string;

/** Title words right before the name: "Ukraine’s president Volodymyr Zelensky". */
function titleBefore(text: string, tokens: Token[], mentions: ResolvedMention[], nameOf: NameOf, person: ResolvedMention): Title | undefined {
  let i = firstFrom(tokens, person.start, (t) => t.start) - 1;
  if (i < 0 || !/^\s*,?\s*$/.test(text.slice(tokens[i].end, person.start))) return undefined;
  // A style between the title and the name ("Foreign Minister Datuk Saifuddin Abdullah", "Minister Dr Anna Berg").
  while (i > 0 && STYLES.test(tokens[i].word) && tokens[i].gap === ' ') i -= 1;
  const words: Token[] = [];
  while (i >= 0 && words.length < MAX_TITLE_WORDS && isTitleWord(tokens[i]) && !mentionAt(mentions, tokens[i])) {
    words.unshift(tokens[i]);
    if (tokens[i].gap !== ' ') break;
    i -= 1;
  }
  const checked = words.length ? checkTitle(words) : undefined;
  if (!checked) return undefined;
  const first = checked[0].index;
  const owner = checked[0] === words[0] ? ownerBefore(text, tokens, mentions, nameOf, first - 1, checked[0].start) : { start: checked[0].start };
  return { words: checked, owner, plural: /s$/.test(checked[checked.length - 1].word) && isOfficeNoun(checked[checked.length - 1].word.slice(0, -1)) };
}

/** Title words after the name and a comma: "Andrii Sybiha, Ukraine’s minister for foreign affairs". */
function titleAfter(text: string, tokens: Token[], mentions: ResolvedMention[], nameOf: NameOf, person: ResolvedMention): Title | undefined {
  let i = firstFrom(tokens, person.end, (t) => t.start);
  if (i < 0 || !/^,\s*$/.test(tokens[i].gap)) return undefined;
  if (tokens[i].word === 'the') i += 1;
  let owner: Owner | undefined;
  const m = tokens[i] && mentionAt(mentions, tokens[i]);
  if (m && (m.kind === 'country' || m.kind === 'demonym' || (m.kind === 'person' && m.possessive))) {
    owner = { name: m.kind === 'person' ? nameOf(m) : m.country ? countryName(m.country) : m.name, country: m.country, start: tokens[i].start };
    while (tokens[i] && tokens[i].start < m.end) i += 1;
  }
  const words: Token[] = [];
  while (tokens[i] && words.length < MAX_TITLE_WORDS && isTitleWord(tokens[i]) && (words.length === 0 || tokens[i].gap === ' ')) {
    if (/^(who|which|that|and|said|says|told|has|had|was|is)$/.test(tokens[i].word)) break;
    words.push(tokens[i]);
    i += 1;
  }
  if (!words.length || (!isOfficeNoun(words[0].word) && !words.slice(0, 3).some((t) => isOfficeNoun(t.word)))) return undefined;
  // "of Ukraine" after the title names its country.
  if (!owner && words[words.length - 1].word === 'of' && tokens[i]) {
    const c = mentionAt(mentions, tokens[i]);
    if (c?.country) {
      owner = { name: countryName(c.country), country: c.country, start: words[0].start };
      words.pop();
    }
  }
  while (words.length && /^(for|of|on)$/.test(words[words.length - 1].word)) words.pop();
  const checked = checkTitle(words);
  if (!checked) return undefined;
  return { words: checked, owner: owner ?? { start: checked[0].start }, plural: false };
}

/**
 * Who "the Russian president" or "the foreign minister" is: the one person the text gave an office
 * with that head noun; among several, those of the country the words before the noun name ("the
 * Russian president" is not Syria's), and among several still, the one `namedLast` picks (the one
 * named last before the words).
 */
export function officeHolder(head: string, words: string, offices: OfficeFinding[], namedLast: (ids: string[]) => string | undefined): string | undefined {
  let holders = [...new Set(offices.filter((o) => titleHas(o.title, head)).map((o) => o.holderId))];
  if (holders.length <= 1) return holders[0];
  const country = words
    .split(/\s+/)
    .map((w) => lookupCountry(w)?.country.name)
    .find(Boolean);
  if (country) holders = holders.filter((h) => offices.some((o) => o.holderId === h && o.country?.name === country));
  if (holders.length <= 1) return holders[0];
  return namedLast(holders);
}

/** Nouns a report uses for an office whose title says it in other words ("the premier" for a prime minister). */
const HEAD_SYNONYMS: Record<string, RegExp> = {
  premier: /\b(?:premier|prime minister)\b/,
  ceo: /\b(?:ceo|chief executive)\b/,
  leader: /\b(?:leader|president|prime minister|premier|chancellor|king|emir|sultan)\b/,
};

/** Whether an office's title is one that `head` describes: a word of it ("the minister"), or a synonym ("the premier"). */
export function titleHas(title: string, head: string): boolean {
  const lower = title.toLowerCase();
  const synonym = HEAD_SYNONYMS[head.toLowerCase()];
  return synonym ? synonym.test(lower) : lower.split(/\s+/).includes(head.toLowerCase());
}
