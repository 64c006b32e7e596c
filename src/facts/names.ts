/**
 * How entities are recognised by name across sources. Two outlets rarely spell a name the same
 * way ("Zelensky", "Zelenskyy", "ZELENSKIY", "Vladimir Zelensky"; "Kiev", "Kyiv"), so names are
 * compared by key: lower case, diacritics and punctuation dropped, a leading "the" dropped, doubled
 * letters written once, and transliteration and given-name variants folded (name-variants.ts).
 */
import type { EntityInput } from './format';
import { foldVariants } from './name-variants';

/**
 * The comparison key of a name: `"Zelenskyy"`, `"Zelenskiy"` and `"Zelensky"` all give `"zelensky"`,
 * `"Kiev"` and `"Kyiv"` both `"kyiv"`, `"Steve Witkoff"` and `"Steven Witkoff"` both `"steven witkof"`.
 */
export function nameKey(text: string): string {
  return foldVariants(
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .replace(/^the /, '')
      .replace(/(\p{L})\1+/gu, '$1'),
  );
}

/**
 * The words of an id made from a name: lower-case ascii words joined by hyphens, diacritics and
 * apostrophes dropped ("Zelenskyy’s office" -> "zelenskyys-office"); "unnamed" when none are left.
 */
export function idWords(text: string): string {
  const words =
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/['’‘`]/g, '')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? [];
  return words.join('-') || 'unnamed';
}

/** A person's surname key is also stored with this prefix, so that "Putin" alone can find them. */
export const SURNAME_PREFIX = '~';

/** The entity types that are matched by name; statements and stances are matched by id only. */
export type NamedEntity = Extract<EntityInput, { type: 'Actor' | 'Country' | 'Location' | 'Meeting' | 'Position' | 'Event' }>;

export function isNamed(entity: EntityInput): entity is NamedEntity {
  return entity.type !== 'Statement' && entity.type !== 'Stance';
}

/**
 * Whether resolution may match an entity by name. A name identifies a person, an organisation, a
 * place or an office; it does not identify an occurrence: two "drone strikes on Kharkiv" are two
 * events, so meetings and events are matched by id or sameAs only.
 */
export function isMatchedByName(entity: EntityInput): entity is NamedEntity {
  return entity.type === 'Actor' || entity.type === 'Country' || entity.type === 'Location' || entity.type === 'Position';
}

/** The name an entity is shown by: its name, or a position's title. */
export function displayName(entity: NamedEntity): string {
  return entity.type === 'Position' ? entity.title : entity.name;
}

function isPerson(entity: NamedEntity): boolean {
  return entity.type === 'Actor' && entity.kind === 'PERSON';
}

/** The initials of an organisation's name of several words are stored with this prefix: `^snp`. */
export const INITIALS_PREFIX = '^';
/** An organisation's name written as an acronym is stored with this prefix: `=snp`. */
export const ACRONYM_PREFIX = '=';

/** A name stored without its kind word ("Labour Party": `%labour`), which a bare name looks up. */
export const BARE_PREFIX = '%';

/** Kind words a report may leave off an organisation's or a place's name ("Labour", "Idlib"). */
const KIND_WORDS = ['news agency', 'party', 'alliance', 'province', 'region'];

/**
 * The bare-name keys of an organisation's, group's or place's name: a name ending in a kind word is
 * stored under the rest (`%labour` for "Labour Party"); a name without one looks that key up, so
 * "Labour" meets "Labour Party" and "Idlib" meets "Idlib province". Undefined for people.
 */
export function bareKeys(entity: NamedEntity, text: string): { stored?: string; lookup?: string } | undefined {
  const kinded = (entity.type === 'Actor' && entity.kind !== 'PERSON') || entity.type === 'Location';
  if (!kinded) return undefined;
  const key = nameKey(text);
  const kind = KIND_WORDS.find((k) => key.endsWith(` ${nameKey(k)}`));
  if (kind) return { stored: BARE_PREFIX + key.slice(0, -nameKey(kind).length - 1) };
  return { lookup: BARE_PREFIX + key };
}

const MINOR_WORDS = new Set(['of', 'and', 'for', 'the', 'de', 'des', 'du', 'la', 'le', 'on', 'in']);

/**
 * The acronym keys of an organisation's or group's name: the one it is stored under and the one it
 * looks up, so that an acronym and a full name meet and two full names (or two acronyms) never do
 * through their initials. A name of two words or more is stored under its initials ("Scottish
 * National Party", "Hewlett-Packard": `^snp`, `^hp`) and looks for that acronym written (`=snp`);
 * one word in capitals is stored as written (`"SNP"`: `=snp`) and looks for those initials (`^snp`).
 * Undefined for people, places and other names.
 */
export function acronymKeys(entity: NamedEntity, text: string): { stored: string; lookup: string } | undefined {
  if (entity.type !== 'Actor' || entity.kind === 'PERSON') return undefined;
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 1) {
    if (!/^\p{Lu}{2,6}$/u.test(words[0])) return undefined;
    const key = nameKey(words[0]);
    return { stored: ACRONYM_PREFIX + key, lookup: INITIALS_PREFIX + key };
  }
  const letters = words
    .filter((w) => !MINOR_WORDS.has(w.toLowerCase()))
    .map((w) => w[0].toLowerCase())
    .join('');
  // Doubled letters are folded as in nameKey, after counting them: "Anadolu Agency" is "AA", keyed "a".
  const initials = letters.replace(/(\p{L})\1+/gu, '$1');
  return letters.length >= 2 ? { stored: INITIALS_PREFIX + initials, lookup: ACRONYM_PREFIX + initials } : undefined;
}

/**
 * One name an entity is known by, with the keys the graph stores for it: the name's key and, for
 * a person's name of several words, the surname key (`~putin` for "Vladimir Putin").
 */
export interface NameEntry {
  text: string;
  keys: string[];
}

/** Every name of an entity (its name or title first, then its aliases), each with its keys. */
export function nameEntries(entity: NamedEntity): NameEntry[] {
  const texts = [displayName(entity), ...('aliases' in entity ? entity.aliases : [])];
  return texts.map((text, i) => {
    const key = nameKey(text);
    const words = key.split(' ');
    const keys = [key];
    if (isPerson(entity) && words.length > 1) keys.push(SURNAME_PREFIX + words[words.length - 1]);
    // Only the name an entity goes by carries its initials: two agencies that both list "SNA" as an
    // alias must not meet another full name with those initials through it (their alias keys
    // still match an entity named "SNA").
    const acronym = i === 0 ? acronymKeys(entity, text) : undefined;
    if (acronym) keys.push(acronym.stored);
    const bare = i === 0 ? bareKeys(entity, text)?.stored : undefined;
    if (bare) keys.push(bare);
    return { text, keys };
  });
}

/**
 * The keys under which an entity looks for an existing node: its name's key, for a person named by
 * one word only the surname key that word would be, and for an organisation its acronym key.
 */
export function lookupKeys(entity: NamedEntity): string[] {
  const key = nameKey(displayName(entity));
  const acronym = acronymKeys(entity, displayName(entity));
  const bare = bareKeys(entity, displayName(entity))?.lookup;
  if (isPerson(entity) && !key.includes(' ')) return [key, SURNAME_PREFIX + key];
  return [key, ...(acronym ? [acronym.lookup] : []), ...(bare ? [bare] : [])];
}

/**
 * The surname key (`~budanov`) of a person's name of two words or more, or undefined: what a full
 * name that matches no node by its whole key looks for, to meet the same person under another
 * given name's spelling or an initial ("K. Budanov", "Mark V. Hurd").
 */
export function surnameKey(text: string): string | undefined {
  const words = nameKey(text).split(' ');
  return words.length > 1 ? SURNAME_PREFIX + words[words.length - 1] : undefined;
}

/**
 * True when two names with one surname may name one person: the given names are one after folding
 * ("Kirill" and "Kyrylo") or one is the other's initial ("K." and "Kyrylo"), and their middle names,
 * when both have some, are the same. "Olena Putin" and "Vladimir Putin" disagree; so do
 * "George W. Bush" and "George H. W. Bush". Names of one word, or of other surnames, never agree.
 */
export function givenNamesAgree(a: string, b: string): boolean {
  const x = nameKey(a).split(' ');
  const y = nameKey(b).split(' ');
  if (x.length < 2 || y.length < 2 || x[x.length - 1] !== y[y.length - 1]) return false;
  const initial = (p: string, q: string) => p === q || (p.length === 1 && q.startsWith(p)) || (q.length === 1 && p.startsWith(q));
  if (!initial(x[0], y[0])) return false;
  const mx = x.slice(1, -1);
  const my = y.slice(1, -1);
  return !mx.length || !my.length || (mx.length === my.length && mx.every((w, i) => initial(w, my[i])));
}

/** The scripts whose letters pass for each other ("а" Cyrillic, "a" Latin, "α" Greek). */
const CONFUSABLE_SCRIPTS = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
] as const;

/**
 * The first word of `text` that mixes Latin, Cyrillic and Greek letters, with the scripts it
 * mixes; null when every word is written in one script. "Putin" with a Cyrillic "а" looks like
 * "Putin" but is another name, so a look-alike duplicate would enter the graph unnoticed.
 */
export function mixedScriptWord(text: string): { word: string; scripts: string[] } | null {
  for (const [word] of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    const scripts = CONFUSABLE_SCRIPTS.filter(([, letters]) => letters.test(word)).map(([name]) => name);
    if (scripts.length > 1) return { word, scripts };
  }
  return null;
}
