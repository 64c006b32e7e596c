/**
 * Turning mentions into entities: one entity per thing named, however often and however it is
 * named. A one-word person name merges into the one full name that ends with it ("Zelensky" into
 * "Volodymyr Zelensky"), or else begins with it ("Amarinder" into "Amarinder Singh"), and a shorter
 * name into the one full name it ends ("Suu Kyi" into "Aung San Suu Kyi"); when two full names
 * share the surname the word stays unresolved rather than guessed. "Maybe" mentions count only when they name an entity found this way.
 */
import type { EvidenceInput } from '../facts/format';
import type { CountryEntry } from './gazetteer';
import { type Mention, SHORT_TITLE } from './mentions';
import { familyNameFirst, type NamedEntity as FactsNamed, shortNames } from '../facts/names';
import { makeId, nameKey } from './names';

/** Head nouns that name no organisation alone ("the Ministry said"). */
const GENERIC_HEADS = new Set(
  'Ministry Department Government Army Military Navy Police Exchange Commission Committee Council Agency Embassy Office Parliament Senate Court Bank Company Party Presidency Cabinet Authority Bureau'.split(
    ' ',
  ),
);

/** What shortNames needs to know of an organisation's name: that it is one. */
const ORGANISATION: FactsNamed = { id: 'actor:organisation', type: 'Actor', kind: 'ORGANIZATION', name: '', aliases: [], evidence: [] };

/** Entity types the mention rules produce. */
export type NamedType = 'Actor' | 'Country' | 'Location';

/** An entity under construction; `draft.ts` turns it into a facts-format entity. */
export interface NamedEntity {
  id: string;
  type: NamedType;
  name: string;
  /** Actor: PERSON, ORGANIZATION or GROUP; Location: CITY, REGION or AREA. */
  kind?: 'PERSON' | 'ORGANIZATION' | 'GROUP' | 'CITY' | 'REGION' | 'AREA';
  aliases: Set<string>;
  /** The rules that typed its mentions (mentions.ts), for a curator to weigh the entity. */
  rules: Set<string>;
  /** For an institution named for its seat ("the Kremlin"): the country whose government it stands for. */
  standsFor?: string;
  evidence: EvidenceInput[];
  country?: CountryEntry;
}

/** No mention is longer than this many characters, so a mention that holds a given point starts at most this far before it. */
export const MENTION_REACH = 300;

/**
 * The index of the first of `items` (in text order) whose position is `at` or after, or -1: a binary
 * search, as one sentence of a hostile text may hold thousands of mentions.
 */
export function firstFrom<T>(items: T[], at: number, position: (item: T) => number): number {
  let [lo, hi] = [0, items.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (position(items[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo < items.length ? lo : -1;
}

/** A mention together with the entity it names. */
export interface ResolvedMention extends Mention {
  entityId: string;
}

/** All named entities of a document and the mentions resolved to them. */
export interface EntityIndex {
  entities: Map<string, NamedEntity>;
  /** Resolved mentions in text order (sentence, then offset). */
  mentions: ResolvedMention[];
  /** The country entity for a gazetteer entry, created (with the given evidence) on first use. */
  country(entry: CountryEntry, evidence: EvidenceInput): NamedEntity;
}

/** The mention kind that names an entity of this type and kind. */
function kindOf(entity: NamedEntity): Mention['kind'] {
  if (entity.type === 'Country') return 'country';
  if (entity.type === 'Location') return entity.kind === 'CITY' ? 'city' : 'place';
  return entity.kind === 'PERSON' ? 'person' : entity.kind === 'GROUP' ? 'group' : 'organization';
}

/**
 * Acronyms that stand for an organisation or group named in the text: written in brackets after it
 * ("Shanghai Cooperation Organisation (SCO)"), said to be its initials ("X, known by its French
 * initials MSF") or made of its initials ("HP" for Hewlett-Packard,
 * "TI" for Texas Instruments). Acronym -> full name.
 */
function acronymsOf(all: Mention[], text: string): Map<string, string> {
  const names = [...new Set(all.filter((m) => (m.kind === 'organization' || m.kind === 'group') && (m.words > 1 || /-/.test(m.name))).map((m) => m.name))];
  const out = new Map<string, string>();
  // ("Doctors Without Borders, known by its French initials MSF": initials of another language, said so.)
  for (const m of text.matchAll(
    /(\p{Lu}[\p{L}’'-]*(?:\s(?:of|and|for|the|\p{Lu}[\p{L}’'-]*))+)(?:\s\(|,\s+(?:also\s+)?known\s+(?:by\s+its\s+(?:\p{Lu}\p{Ll}+\s+)?(?:initials|acronym)|as)\s+)(\p{Lu}[\p{Lu}\p{Ll}-]{1,9})\b/gu,
  )) {
    const full = names.find((n) => m[1].endsWith(n));
    if (full) out.set(m[2], full);
  }
  for (const name of names) {
    const initials = name
      .split(/[\s-]+/)
      .filter((w) => /^\p{Lu}/u.test(w) && !/^(?:Inc|Corp|Ltd|SA|AG|Co|N\.V\.)$/.test(w))
      .map((w) => w[0])
      .join('');
    if (initials.length >= 2 && !out.has(initials)) out.set(initials, name);
  }
  return out;
}

/** The rule name of a mention typed by the general rules (gazetteer, compromise's tags, cues). */
function defaultRule(m: Mention): string {
  if (m.kind === 'country' || m.kind === 'demonym') return m.via === 'capital' ? 'capital' : 'gazetteer';
  if (m.kind === 'city' && m.via === 'capital') return 'capital-placed';
  if (m.kind === 'group') return 'group-phrase';
  if (m.kind === 'maybe') return 'known-name';
  if (m.kind === 'place') return m.phrase ? 'area-phrase' : 'place-tag';
  if (m.kind === 'city') return 'city-tag';
  return m.kind === 'person' ? 'person-cue' : 'organisation-tag';
}

/** How sure each mention rule is that it named and typed an entity right, 0..1. */
export const ENTITY_RULE_CONFIDENCE: Record<string, number> = {
  gazetteer: 0.95,
  capital: 0.85,
  'capital-placed': 0.9,
  institution: 0.95,
  'news-organisation': 0.95,
  'news-site': 0.85,
  'organisation-list': 0.7,
  'legal-form': 0.9,
  'organisation-head': 0.9,
  'demonym-organisation': 0.9,
  'state-institution': 0.85,
  'organisation-word': 0.85,
  'person-word': 0.85,
  'group-phrase': 0.85,
  'group-noun': 0.8,
  'area-phrase': 0.85,
  dateline: 0.8,
  'title-owner': 0.8,
  'after-title': 0.8,
  'town-of': 0.8,
  county: 0.8,
  'based-in': 0.8,
  'city-tag': 0.8,
  'place-tag': 0.7,
  'person-cue': 0.75,
  'document-organisation': 0.75,
  'document-person': 0.75,
  'organisation-tag': 0.7,
  'known-name': 0.7,
};

/** An entity's confidence: that of the surest rule that typed one of its mentions. */
export function entityConfidence(e: NamedEntity): number {
  return Math.max(0.5, ...[...e.rules].map((r) => ENTITY_RULE_CONFIDENCE[r] ?? 0.6));
}

/** How many pieces of evidence an entity keeps: its first mentions, one per sentence. */
const MAX_EVIDENCE = 3;

/**
 * Builds the entities of a document from the mentions of all its sentences. `evidenceOf` turns a
 * mention into evidence (the loader's sentence numbering may differ from the rules' sentences).
 */
export function resolveEntities(
  all: Mention[],
  evidenceOf: (m: Mention) => EvidenceInput = (m) => ({ sentence: m.sentence, excerpt: m.text }),
  text = '',
): EntityIndex {
  const acronyms = acronymsOf(all, text);
  const entities = new Map<string, NamedEntity>();
  const resolved: ResolvedMention[] = [];
  const add = (m: Mention, id: string, make: () => NamedEntity) => {
    let entity = entities.get(id);
    if (!entity) entities.set(id, (entity = make()));
    if (m.text !== entity.name && !/\s(and|or)\s/.test(m.text) && nameKey(m.text) !== nameKey(entity.name)) entity.aliases.add(m.text);
    const evidence = evidenceOf(m);
    if (entity.evidence.length < MAX_EVIDENCE && !entity.evidence.some((e) => e.sentence === evidence.sentence)) entity.evidence.push(evidence);
    entity.rules.add(m.rule ?? defaultRule(m));
    if (m.standsFor) entity.standsFor = m.standsFor;
    resolved.push({ ...m, entityId: id });
  };
  const blank = (id: string, type: NamedType, name: string, kind?: NamedEntity['kind'], country?: CountryEntry): NamedEntity => ({
    id,
    type,
    name,
    kind,
    aliases: new Set(),
    rules: new Set(),
    evidence: [],
    country,
  });

  // Full person names first, so that surnames can find them.
  const fullNames = all.filter((m) => m.kind === 'person' && m.words > 1);
  const bySurname = new Map<string, Set<string>>();
  for (const m of fullNames) {
    // "Xi Jinping" is "Xi" for short: a family name written first counts as a surname too.
    const family = familyNameFirst(m.name);
    // ("Akufo-Addo" for Nana Akufo-Addo: a hyphenated surname is one word as written, two as keyed.)
    const written = nameKey(m.name.split(/\s+/).pop()!);
    for (const surname of new Set([nameKey(m.name).split(' ').pop()!, written, ...(family ? [family] : [])]))
      bySurname.set(surname, (bySurname.get(surname) ?? new Set()).add(nameKey(m.name)));
  }
  // "Amarinder" for Captain Amarinder Singh, "Dr Mahathir" for Mahathir Mohamad: a word that is no one's
  // surname may be the given name of a full name (not of one that puts its family name first).
  const byGivenName = new Map<string, Set<string>>();
  for (const m of fullNames) {
    const given = nameKey(m.name).split(' ')[0];
    if (given.length > 1 && !familyNameFirst(m.name) && !bySurname.has(given))
      byGivenName.set(given, (byGivenName.get(given) ?? new Set()).add(nameKey(m.name)));
  }
  const before = (a: Mention, b: Mention) => a.sentence < b.sentence || (a.sentence === b.sentence && a.start < b.start);
  // Looked up once per text, not once per mention: a long text names hundreds of people.
  /** Each full name's key, to its first mention (`all` is in text order). */
  const firstNamed = new Map<string, Mention>();
  for (const f of fullNames) if (!firstNamed.has(nameKey(f.name))) firstNamed.set(nameKey(f.name), f);
  /** The keys of the full names that end with some last words, or open with some first words, by those words. */
  const endingWith = new Map<string, Set<string>>();
  const openingWith = new Map<string, Set<string>>();
  const index = (into: Map<string, Set<string>>, words: string, key: string) => (into.get(words) ?? into.set(words, new Set()).get(words)!).add(key);
  for (const f of fullNames) {
    const key = nameKey(f.name);
    const words = key.split(' ');
    const opens = !familyNameFirst(f.name) && !/\s(?:Jr|Sr|II|III|IV)\.?$/.test(f.name);
    for (let i = 1; i < words.length; i += 1) {
      index(endingWith, words.slice(i).join(' '), key);
      if (opens) index(openingWith, words.slice(0, i).join(' '), key);
    }
  }
  const personFor = (m: Mention): string | undefined => {
    if (m.words > 1) {
      // "Suu Kyi" for Aung San Suu Kyi, "Bhutto Zardari" for Bilawal Bhutto Zardari: the last words of
      // the one longer name that ends with them.
      const key = nameKey(m.name);
      // "Zainal Abidin" for Zainal Abidin Bakar: the given names of the one longer name that opens with
      // them (not a son's: "Donald Trump" is not Donald Trump Jr).
      const longer = endingWith.get(key) ?? openingWith.get(key);
      const owner = longer?.size === 1 ? firstNamed.get([...longer][0]) : undefined;
      return makeId('actor', owner ? owner.name : m.name);
    }
    const owners = bySurname.get(nameKey(m.name)) ?? byGivenName.get(nameKey(m.name));
    if (!owners) return undefined;
    // A surname stands for the one person of that surname named in full before it ("K Natwar Singh
    // ... Singh said", though a Manmohan Singh comes later); with none named before, for the one in
    // the whole text. Two people of the surname are never guessed between.
    const earlier = [...owners].filter((k) => before(firstNamed.get(k)!, m));
    const pool = earlier.length ? earlier : [...owners];
    if (pool.length !== 1) return '';
    return makeId('actor', firstNamed.get(pool[0])!.name);
  };

  // "Cisco" for Cisco Systems, "State Department" for the US State Department: the one organisation of
  // the text whose name without its trade, kind word or country (src/facts/names.ts) this name is.
  const byShortName = new Map<string, Set<string>>();
  for (const m of all.filter((x) => (x.kind === 'organization' || x.kind === 'group') && x.words > 1 && !x.possessive)) {
    for (const short of shortNames(ORGANISATION, m.name)) {
      const key = nameKey(short);
      (byShortName.get(key) ?? byShortName.set(key, new Set()).get(key)!).add(m.name);
    }
  }
  const longerName = (m: Mention): string | undefined => {
    const owners = byShortName.get(nameKey(m.name));
    return owners?.size === 1 && !owners.has(m.name) ? [...owners][0] : undefined;
  };
  // "Vedanta" after "Vedanta Resources": a lone word that is no one's name but the first word of one
  // organisation's name in the text is that organisation (also where the tagger took it for a person).
  const byFirstWord = new Map<string, Set<string>>();
  for (const x of all) if (x.kind === 'organization' && x.words > 1 && !x.possessive) index(byFirstWord, nameKey(x.name).split(' ')[0], x.name);
  const organisationOpening = (m: Mention): string | undefined => {
    // (An acronym is a body of its own: "UN" is not the UN Security Council.)
    if (m.words !== 1 || /^[\p{Lu}\d&.-]+$/u.test(m.name) || personFor(m) !== undefined) return undefined;
    const owners = byFirstWord.get(nameKey(m.name));
    return owners?.size === 1 ? [...owners][0] : undefined;
  };

  for (const m of all) {
    switch (m.kind) {
      case 'person': {
        const organisation = organisationOpening(m);
        if (organisation) {
          const id = makeId('actor', organisation);
          add({ ...m, kind: 'organization', rule: 'organisation-opening' }, id, () => blank(id, 'Actor', organisation, 'ORGANIZATION'));
          break;
        }
        const id = personFor(m) ?? makeId('actor', m.name);
        if (id) add(m, id, () => blank(id, 'Actor', m.name, 'PERSON'));
        break;
      }
      case 'organization':
      case 'group': {
        // "the Ministry", "the Department", "the Army" alone name no organisation of their own: the
        // one meant was named in full (and "the ministry said" finds it, quotes.ts).
        if (m.words === 1 && !m.standsFor && GENERIC_HEADS.has(m.name)) break;
        // A one-word "organisation" that is a known person's surname is that person ("President Zelensky’s office").
        const owner = m.words === 1 && !m.standsFor && (!m.rule || m.rule === 'organisation-tag') ? personFor(m) : undefined;
        if (owner) {
          add({ ...m, kind: 'person' }, owner, () => blank(owner, 'Actor', m.name, 'PERSON'));
          break;
        }
        const acronymOf = acronyms.get(m.name);
        const full = acronymOf ?? longerName(m) ?? organisationOpening(m);
        const id = makeId('actor', full ?? m.name);
        if (full && !entities.has(id)) entities.set(id, blank(id, 'Actor', full, m.kind === 'group' ? 'GROUP' : 'ORGANIZATION'));
        add(m, id, () => blank(id, 'Actor', m.name, m.kind === 'group' ? 'GROUP' : 'ORGANIZATION'));
        break;
      }
      case 'country': {
        const id = makeId('country', m.country!.name);
        add(m, id, () => blank(id, 'Country', m.country!.name, undefined, m.country));
        break;
      }
      case 'city': {
        const id = makeId('location', m.name);
        add(m, id, () => blank(id, 'Location', m.name, 'CITY', m.country));
        break;
      }
      case 'place': {
        // A word the tagger took for a place that is a known person's surname or given name is that
        // person ("In Amarinder’s absence").
        const owner = m.words === 1 && !m.rule && m.placeKind !== 'REGION' && (m.possessive || bySurname.has(nameKey(m.name))) ? personFor(m) : undefined;
        if (owner) {
          add({ ...m, kind: 'person' }, owner, () => blank(owner, 'Actor', m.name, 'PERSON'));
          break;
        }
        const id = makeId('location', m.name);
        add(m, id, () => blank(id, 'Location', m.name, m.placeKind ?? 'AREA'));
        break;
      }
      default:
        break; // demonyms and maybes are resolved below
    }
  }

  // A maybe-mention counts when exactly one entity has that name, alias or surname.
  const byKey = new Map<string, Set<string>>();
  const indexEntity = (e: NamedEntity) => [e.name, ...e.aliases].forEach((n) => index(byKey, nameKey(n), e.id));
  entities.forEach(indexEntity);
  for (const m of all.filter((x) => x.kind === 'maybe')) {
    // "CM said", after "CM Chouhan": a short title alone is the one person the text gave it (no alias).
    if (SHORT_TITLE.test(m.name)) {
      const holders = new Set(resolved.filter((r) => r.kind === 'person' && r.title === m.name).map((r) => r.entityId));
      if (holders.size === 1) resolved.push({ ...m, kind: 'person', entityId: [...holders][0] });
      continue;
    }
    const key = nameKey(m.name);
    // A headline's "Kerry Concedes" is no one unless an entity has exactly that name.
    const surnameOwner = m.words > 1 ? (entities.has(makeId('actor', m.name)) ? makeId('actor', m.name) : undefined) : personFor(m);
    const named = [...(byKey.get(key) ?? [])];
    const longer = longerName(m);
    if (longer && entities.has(makeId('actor', longer))) named.push(makeId('actor', longer));
    const candidates = new Set([...named, ...(surnameOwner ? [surnameOwner] : [])]);
    if (surnameOwner === '' || candidates.size !== 1) continue;
    const id = [...candidates][0];
    const entity = entities.get(id);
    add({ ...m, kind: entity ? kindOf(entity) : 'person' }, id, () => entity ?? blank(id, 'Actor', m.name, 'PERSON'));
    indexEntity(entities.get(id)!);
  }
  // Demonyms stand for their country where a relationship needs one; they are kept unresolved here.
  for (const m of all.filter((x) => x.kind === 'demonym')) resolved.push({ ...m, entityId: '' });

  resolved.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
  return {
    entities,
    mentions: resolved,
    country(entry, evidence) {
      const id = makeId('country', entry.name);
      let entity = entities.get(id);
      if (!entity) entities.set(id, (entity = blank(id, 'Country', entry.name, undefined, entry)));
      if (!entity.evidence.length) entity.evidence.push(evidence);
      return entity;
    },
  };
}
