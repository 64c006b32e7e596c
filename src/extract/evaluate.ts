/**
 * Scoring a draft against a curated document of the same text: precision, recall and F1 for
 * (a) entities, (b) quotes with their speaker and (c) offices held. How each is matched:
 *
 * (a) Entities: people (Actor PERSON), organisations and groups (Actor ORGANIZATION or GROUP)
 *     and places (Country, Location). A drafted and a curated entity match when they are in the
 *     same one of these three classes and share a name: the name or any alias of one equals the
 *     name or any alias of the other after `nameKey` (the loader's: case, diacritics, punctuation,
 *     a leading "the" and doubled letters ignored). Matching is one-to-one: first every pair whose names equal, then pairs that
 *     meet through an alias, each in document order.
 * (b) Quotes: every drafted Statement of kind QUOTE is scored. It is correct when (1) its text
 *     overlaps a curated QUOTE or REPORTED statement's text substantially: the Dice coefficient
 *     of their sets of lower-case words, 2|A∩B| / (|A|+|B|), is at least 0.6; and (2) its SAID
 *     speaker is the actor that the curated statement is SAID (or REPORTED) by, "the same actor"
 *     meaning the drafted speaker was matched to that curated actor in (a). A quote without a
 *     speaker is never correct. Each curated statement is matched at most once. Recall is over
 *     the curated QUOTE statements (a correct match with a REPORTED statement raises precision
 *     only, as reported speech is not a quote and the rules do not draft it).
 * (c) Offices: every HOLDS relationship. A drafted and a curated HOLDS match when their holders
 *     were matched in (a) and the positions' titles have the same head office noun (the last
 *     office noun of lexicon.ts before the first "of", "for", "to" or "on", singular; without an
 *     office noun, any shared word of three letters or more). One-to-one.
 * (d) Quote texts and speakers: every curated QUOTE is found when a drafted quote's text overlaps it
 *     as in (b), whoever the drafted speaker is (one-to-one); speaker accuracy is, over the found
 *     quotes whose curated speaker is named, the share whose drafted speaker is that actor.
 * (e) Meetings: a drafted meeting has the right participants for a curated one when at least two of
 *     its participants (one, when the curated meeting has only one) were matched in (a) to that
 *     meeting's participants, and at least half of its participants were. One-to-one, each drafted
 *     meeting taking the curated one it shares most participants with.
 *
 * Entities are also scored per class (person, organisation, group, country, location): precision
 * over the drafted entities of the class, recall over the curated ones (a drafted group matched to
 * a curated organisation counts as right for both, as in (a)). Names listed in `ignore` (events,
 * market indexes, page furniture that are neither right nor wrong to draft) are left out of the
 * drafted entities before anything is scored.
 */
import type { EntityInput, FactsDocument } from '../facts/format';
import { isOfficeNoun } from './lexicon';
import { nameKey } from './names';

/** Precision, recall and F1 with the counts they come from. */
export interface Score {
  /** Drafted items that are correct. */
  correct: number;
  drafted: number;
  /** Curated items found by a correct drafted item. */
  found: number;
  curated: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The finer entity classes that scores are broken down by. */
export type EntityClassName = 'person' | 'organisation' | 'group' | 'country' | 'location';
export const ENTITY_CLASSES: readonly EntityClassName[] = ['person', 'organisation', 'group', 'country', 'location'];

/** What the scorer leaves out. */
export interface EvaluateOptions {
  /** Names no drafted entity is scored for (compared after `nameKey`). */
  ignore?: string[];
}

/**
 * Right speakers over found quotes whose curated speaker is named, with what became of the others.
 * `extra` counts speakers drafted for found quotes whose curated speaker is nobody: accuracy does not
 * see them, so a rule that guesses shows here.
 */
export interface SpeakerScore {
  right: number;
  of: number;
  accuracy: number;
  /** Found quotes with a named curated speaker that were given another one. */
  wrong: number;
  /** Found quotes with a named curated speaker that were given none. */
  none: number;
  /** Found quotes whose curated speaker is nobody that were given one. */
  extra: number;
}

/** The scores and what was missed or wrong, for a person to read. */
export interface Evaluation {
  entities: Score;
  /** Entities per finer class. */
  byClass: Record<EntityClassName, Score>;
  quotes: Score;
  /** Quote texts found whoever the drafted speaker is. */
  quoteTexts: Score;
  speakers: SpeakerScore;
  offices: Score;
  /** Meetings with the right participants. */
  meetings: Score;
  /** Curated entity names no drafted entity matched. */
  missedEntities: string[];
  /** Drafted entity names that matched no curated entity. */
  extraEntities: string[];
  /** Drafted entity id -> curated entity id. */
  entityMatches: Map<string, string>;
}

type Named = Extract<EntityInput, { type: 'Actor' | 'Country' | 'Location' }>;
type EntityClass = 'person' | 'organisation' | 'place';

function classOf(e: EntityInput): EntityClass | undefined {
  if (e.type === 'Country' || e.type === 'Location') return 'place';
  if (e.type === 'Actor') return e.kind === 'PERSON' ? 'person' : 'organisation';
  return undefined;
}

const isNamed = (e: EntityInput): e is Named => classOf(e) !== undefined;

/** The finer class of a named entity. */
export function finerClass(e: Named): EntityClassName {
  if (e.type === 'Country') return 'country';
  if (e.type === 'Location') return 'location';
  return e.kind === 'PERSON' ? 'person' : e.kind === 'GROUP' ? 'group' : 'organisation';
}
const keys = (e: Named) => new Set([e.name, ...e.aliases].map(nameKey).filter(Boolean));

/** Builds a score from counts; an empty side scores 0 rather than NaN. */
export function score(correct: number, drafted: number, found: number, curated: number): Score {
  const precision = drafted ? correct / drafted : 0;
  const recall = curated ? found / curated : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { correct, drafted, found, curated, precision, recall, f1 };
}

/** Scores `draft` against `curated`; see the module comment for the matching rules. */
export function evaluateDraft(draft: FactsDocument, curated: FactsDocument, options: EvaluateOptions = {}): Evaluation {
  const ignored = new Set((options.ignore ?? []).map(nameKey));
  const drafted = draft.entities.filter(isNamed).filter((d) => ![...keys(d)].some((k) => ignored.has(k)));
  const gold = curated.entities.filter(isNamed);
  const matches = new Map<string, string>();
  const taken = new Set<string>();
  const pass = (fits: (d: Named, g: Named) => boolean) => {
    for (const d of drafted) {
      if (matches.has(d.id)) continue;
      const g = gold.find((c) => !taken.has(c.id) && classOf(c) === classOf(d) && fits(d, c));
      if (g) {
        matches.set(d.id, g.id);
        taken.add(g.id);
      }
    }
  };
  pass((d, g) => nameKey(d.name) === nameKey(g.name));
  pass((d, g) => [...keys(d)].some((k) => keys(g).has(k)));
  const entities = score(matches.size, drafted.length, taken.size, gold.length);
  const byClass = Object.fromEntries(
    ENTITY_CLASSES.map((c) => {
      const d = drafted.filter((x) => finerClass(x) === c);
      const g = gold.filter((x) => finerClass(x) === c);
      return [c, score(d.filter((x) => matches.has(x.id)).length, d.length, g.filter((x) => taken.has(x.id)).length, g.length)];
    }),
  ) as Record<EntityClassName, Score>;

  return {
    entities,
    byClass,
    quotes: scoreQuotes(draft, curated, matches),
    ...scoreQuoteTexts(draft, curated, matches),
    offices: scoreOffices(draft, curated, matches),
    meetings: scoreMeetings(draft, curated, matches),
    missedEntities: gold.filter((g) => !taken.has(g.id)).map((g) => g.name),
    extraEntities: drafted.filter((d) => !matches.has(d.id)).map((d) => d.name),
    entityMatches: matches,
  };
}

const words = (text: string) => new Set(nameKey(text).split(' ').filter(Boolean));

/** The Dice coefficient of two texts' sets of lower-case words. */
export function textOverlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return x.size + y.size ? (2 * shared) / (x.size + y.size) : 0;
}

/** The overlap from which two quote texts count as the same quote. */
export const QUOTE_OVERLAP = 0.6;

function scoreQuotes(draft: FactsDocument, curated: FactsDocument, matches: Map<string, string>): Score {
  const speaker = (doc: FactsDocument, id: string, types: string[]) => doc.relationships.find((r) => types.includes(r.type) && r.to === id)?.from;
  const quotes = draft.entities.filter((e) => e.type === 'Statement' && e.kind === 'QUOTE') as Extract<EntityInput, { type: 'Statement' }>[];
  const gold = curated.entities.filter((e) => e.type === 'Statement') as Extract<EntityInput, { type: 'Statement' }>[];
  const used = new Set<string>();
  let correct = 0;
  let found = 0;
  for (const q of quotes) {
    const who = speaker(draft, q.id, ['SAID']);
    const curatedWho = who ? matches.get(who) : undefined;
    if (!curatedWho) continue;
    const g = gold.find((c) => !used.has(c.id) && textOverlap(q.text, c.text) >= QUOTE_OVERLAP && speaker(curated, c.id, ['SAID', 'REPORTED']) === curatedWho);
    if (!g) continue;
    used.add(g.id);
    correct += 1;
    if (g.kind === 'QUOTE') found += 1;
  }
  return score(correct, quotes.length, found, gold.filter((g) => g.kind === 'QUOTE').length);
}

type Statement = Extract<EntityInput, { type: 'Statement' }>;
const saidBy = (doc: FactsDocument, id: string) => doc.relationships.find((r) => r.type === 'SAID' && r.to === id)?.from;

function scoreQuoteTexts(draft: FactsDocument, curated: FactsDocument, matches: Map<string, string>): { quoteTexts: Score; speakers: SpeakerScore } {
  const quotes = draft.entities.filter((e): e is Statement => e.type === 'Statement' && e.kind === 'QUOTE');
  const gold = curated.entities.filter((e): e is Statement => e.type === 'Statement' && e.kind === 'QUOTE');
  const used = new Set<string>();
  const speakers = { right: 0, of: 0, accuracy: 0, wrong: 0, none: 0, extra: 0 };
  for (const q of quotes) {
    const g = gold.find((c) => !used.has(c.id) && textOverlap(q.text, c.text) >= QUOTE_OVERLAP);
    if (!g) continue;
    used.add(g.id);
    const goldSpeaker = saidBy(curated, g.id);
    const who = saidBy(draft, q.id);
    if (!goldSpeaker) {
      if (who) speakers.extra += 1;
      continue;
    }
    speakers.of += 1;
    if (!who) speakers.none += 1;
    else if (matches.get(who) === goldSpeaker) speakers.right += 1;
    else speakers.wrong += 1;
  }
  speakers.accuracy = speakers.of ? speakers.right / speakers.of : 0;
  return { quoteTexts: score(used.size, quotes.length, used.size, gold.length), speakers };
}

function scoreMeetings(draft: FactsDocument, curated: FactsDocument, matches: Map<string, string>): Score {
  const participants = (doc: FactsDocument, id: string) => doc.relationships.filter((r) => r.type === 'PARTICIPATED_IN' && r.to === id).map((r) => r.from);
  const drafted = draft.entities.filter((e) => e.type === 'Meeting').map((e) => participants(draft, e.id));
  const gold = curated.entities.filter((e) => e.type === 'Meeting').map((e) => new Set(participants(curated, e.id)));
  const used = new Set<number>();
  for (const people of drafted) {
    let best = -1;
    let bestShared = 0;
    gold.forEach((g, i) => {
      if (used.has(i)) return;
      const shared = new Set(people.map((p) => matches.get(p)).filter((p): p is string => !!p && g.has(p))).size;
      if (shared >= Math.min(2, g.size) && shared * 2 >= people.length && shared > bestShared) {
        best = i;
        bestShared = shared;
      }
    });
    if (best >= 0) used.add(best);
  }
  return score(used.size, drafted.length, used.size, gold.length);
}

/** The head office noun of a title, or its longer words when it has no office noun. */
export function titleHead(title: string): Set<string> {
  const before = nameKey(title)
    .split(/ (?:of|for|to|on) /)[0]
    .split(' ');
  const offices = before.filter((w) => isOfficeNoun(w));
  if (offices.length) {
    const head = offices[offices.length - 1];
    return new Set([head.endsWith('s') && isOfficeNoun(head.slice(0, -1)) ? head.slice(0, -1) : head]);
  }
  return new Set(
    nameKey(title)
      .split(' ')
      .filter((w) => w.length >= 3),
  );
}

function scoreOffices(draft: FactsDocument, curated: FactsDocument, matches: Map<string, string>): Score {
  const titles = (doc: FactsDocument) => new Map(doc.entities.filter((e) => e.type === 'Position').map((e) => [e.id, (e as { title: string }).title]));
  const draftTitles = titles(draft);
  const goldTitles = titles(curated);
  const holds = draft.relationships.filter((r) => r.type === 'HOLDS');
  const gold = curated.relationships.filter((r) => r.type === 'HOLDS');
  const used = new Set<number>();
  let correct = 0;
  for (const h of holds) {
    const head = titleHead(draftTitles.get(h.to) ?? '');
    const i = gold.findIndex((g, n) => !used.has(n) && matches.get(h.from) === g.from && [...titleHead(goldTitles.get(g.to) ?? '')].some((w) => head.has(w)));
    if (i < 0) continue;
    used.add(i);
    correct += 1;
  }
  return score(correct, holds.length, used.size, gold.length);
}
