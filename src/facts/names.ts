/**
 * How entities are recognised by name across sources. Two outlets rarely spell a name the same
 * way ("Zelensky", "Zelenskyy", "ZELENSKIY", "Vladimir Zelensky"; "Kiev", "Kyiv"), so names are
 * compared by key: lower case, diacritics and punctuation dropped, a leading "the" dropped, doubled
 * letters written once, and transliteration and given-name variants folded (name-variants.ts).
 */
import type { EntityInput } from './format';
import { COUNTRIES, COUNTRY_QUALIFIERS } from './countries';
import { foldVariants, LEGAL_FORMS } from './name-variants';

/**
 * The comparison key of a name: `"Zelenskyy"`, `"Zelenskiy"` and `"Zelensky"` all give `"zelensky"`,
 * `"Kiev"` and `"Kyiv"` both `"kyiv"`, `"Steve Witkoff"` and `"Steven Witkoff"` both `"steven witkof"`.
 */
export function nameKey(text: string): string {
  return remembered(nameKeys, text, () => foldVariants(plainKey(text)));
}

/** Keys already worked out: a load or a re-keying meets the same names again and again. */
const nameKeys = new Map<string, string>();
const personKeys = new Map<string, string>();
/** How many keys each memory holds before it starts again (a few MB at most). */
const REMEMBERED = 20_000;

function remembered(memory: Map<string, string>, text: string, work: () => string): string {
  let key = memory.get(text);
  if (key === undefined) {
    if (memory.size >= REMEMBERED) memory.clear();
    memory.set(text, (key = work()));
  }
  return key;
}

/** A name's words before variants are folded: lower case, no diacritics or punctuation, no leading "the". */
function plainKey(text: string): string {
  return institutionOrder(
    handleWords(text)
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
 * The words of a social-media handle: "@FaisalbinFarhan" is "Faisal bin Farhan", "@DrSJaishankar"
 * "Dr S Jaishankar" (split where a capital follows a small letter or starts a word after capitals,
 * and around Arabic particles). Anything that does not start with "@" is left as it is.
 */
function handleWords(text: string): string {
  if (!/^@[\p{L}\p{N}_]+$/u.test(text)) return text;
  return text
    .slice(1)
    .replace(/_/g, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{Ll}{2,})(bin|ibn|bint|al)(?= \p{Lu})/gu, '$1 $2');
}

/**
 * One word order for a ministry's or department's name: "ministry of foreign affairs of pakistan"
 * is keyed as "pakistan foreign ministry", as "Pakistan's Foreign Ministry" is; "department of
 * state" as "state department"; "X affairs ministry" as "X ministry".
 */
function institutionOrder(key: string): string {
  // Doubled letters are already written once here: "ofice", "afairs".
  const m = /^(ministry|department|ofice) of (?:the )?(.+?)(?: of (?:the )?(.+))?$/.exec(key);
  const ordered = m ? `${m[3] ? `${m[3]} ` : ''}${m[2]} ${m[1]}` : key;
  return ordered.replace(/ afairs (ministry|department)$/, ' $1');
}

/** Titles and honorifics that may stand before a person's name ("Sir Keir Starmer", "President Erdogan"). */
const TITLES = [
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Dr',
  'Sir',
  'Dame',
  'Lord',
  'Lady',
  'Sheikh',
  'Sheik',
  'Shaikh',
  'Prof',
  'Professor',
  'President',
  'Vice President',
  'Prime Minister',
  'Premier',
  'Chancellor',
  'King',
  'Queen',
  'Crown Prince',
  'Prince',
  'Princess',
  'Emir',
  'Sultan',
  'Pope',
  'General',
  'Gen',
  'Senator',
  'Sen',
  'Rep',
  'Governor',
  'Gov',
  'Mayor',
  'Ambassador',
  'Minister',
  'Foreign Minister',
  'Secretary',
  'Secretary of State',
  'Judge',
  'Rev',
  'Reverend',
  'Imam',
  'Ayatollah',
  'Colonel',
  'Col',
  'Captain',
  'Capt',
  'Admiral',
  'Adm',
  'Marshal',
  'Commander',
  'Honourable',
  'Hon',
  'Counsellor',
  // Honorifics of Myanmar, Malaysia, Nigeria and South Asia ("Daw Aung San Suu Kyi", "Tun Dr Mahathir Mohamad").
  'Daw',
  'Tun',
  'Tan Sri',
  'Datuk Seri',
  'Dato Seri',
  'Dato Sri',
  'Datuk',
  'Dato',
  'Datin',
  'Haji',
  'Alhaji',
  'Shri',
  'Maulana',
  'Mufti',
].map((t) => plainKey(t).split(' '));

/** Particles that begin a surname written alone ("al-Assad", "bin Salman", "von der Leyen", "da Silva"). */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'von', 'van', 'de', 'da', 'di', 'du', 'der', 'den', 'le', 'la', 'dos', 'das']);

/**
 * A person's name without the titles before it and, when what is left begins with a particle, without
 * the particles: "Sir Keir Starmer" is "keir starmer", "President al-Assad" is "asad" (a surname
 * alone, as "Assad" is). One word always stays.
 */
function personWords(text: string): string {
  const words = plainKey(text).split(' ');
  for (let stripped = true; stripped;) {
    stripped = false;
    for (const title of TITLES) {
      if (words.length > title.length && title.every((w, i) => words[i] === w)) {
        words.splice(0, title.length);
        stripped = true;
        break;
      }
    }
  }
  while (words.length > 1 && PARTICLES.has(words[0])) words.shift();
  return words.join(' ');
}

/** The key of a person's name: {@link nameKey} without titles and leading particles (`personWords`). */
export function personKey(text: string): string {
  return remembered(personKeys, text, () => foldVariants(personWords(text)));
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
/**
 * A person's given name is also stored with this prefix, so that a report naming them by it alone
 * ("Raj", "Dr Mahathir") finds them when no surname does.
 */
export const GIVEN_PREFIX = '+';

/**
 * The head noun of an organisation's name of several words is also stored with this prefix
 * (`#commission` for the Federal Trade Commission), so that a report's "the Commission" or "the
 * Ministry" finds the one organisation it is short for. Weak, as initials are: see resolve.ts.
 */
export const HEAD_PREFIX = '#';

/** Head nouns a report shortens an organisation's name to ("the Ministry", "the Commission", "the Party"). */
const HEAD_NOUNS = new Set(
  [
    'ministry',
    'commission',
    'committee',
    'council',
    'agency',
    'department',
    'bank',
    'court',
    'parliament',
    'assembly',
    'authority',
    'bureau',
    'embassy',
    'company',
    'corporation',
    'party',
    'alliance',
    'movement',
    'front',
    'union',
    'federation',
    'organisation',
    'organization',
    'foundation',
    'institute',
    'university',
    'senate',
    'congress',
  ].map((w) => nameKey(w)),
);

/** The head-noun key an organisation's name is stored under (several words) or looks up (the head noun alone). */
function headKey(entity: NamedEntity, text: string): { stored?: string; lookup?: string } {
  if (!isOrganisation(entity)) return {};
  // The head stands before "of" or "for" ("Independent Electoral Commission for Anjouan").
  const words = nameKey(text)
    .split(/ (?:of|for) /)[0]
    .split(' ');
  const head = words[words.length - 1];
  if (!HEAD_NOUNS.has(head)) return {};
  return words.length > 1 ? { stored: HEAD_PREFIX + head } : { lookup: HEAD_PREFIX + head };
}

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

/**
 * A name stored without its kind word or its country ("Labour Party": `%labour`; "US State
 * Department": `%state department`), which a bare name looks up.
 */
export const BARE_PREFIX = '%';

/**
 * Kind words a report may leave off an organisation's or group's name: parties and alliances
 * ("Labour"), legal forms ("Qualcomm"), and the trade a company's name ends with ("Cisco" for Cisco
 * Systems, "Acacia" for Acacia Communications).
 */
const ORGANISATION_KIND_WORDS = [
  'news agency',
  'party',
  'alliance',
  'group',
  'company',
  'holdings',
  ...LEGAL_FORMS,
  'systems',
  'communications',
  'technologies',
  'technology',
  'semiconductor',
  'semiconductors',
  'industries',
  'pharmaceuticals',
  'networks',
  'software',
  'electronics',
  'motors',
  'motor',
  'resources',
  'mining',
  'airlines',
  'energy',
  'enterprises',
  'international',
];

/** Short names of parties that are not their name's words ("Tories" for the Conservative Party), as bare keys. */
const PARTY_NICKNAMES = new Map([
  ['tories', 'conservative'],
  ['tory', 'conservative'],
  ['gop', 'republican'],
]);
/** Kind words a report may leave off a place's name ("Idlib", "Gaza", "Donetsk"). */
const PLACE_KIND_WORDS = [
  'province',
  'region',
  'city',
  'governorate',
  'oblast',
  'district',
  'county',
  'strip',
  'state',
  'municipality',
  // A venue by its own name ("Diaoyutai" for the Diaoyutai State Guest House).
  'state guest house',
  'guest house',
  'hotel',
  'palace',
];

/** Country names, short names and demonyms as they are written before an institution's name, longest first. */
const MAX_QUALIFIER_WORDS = Math.max(...[...COUNTRY_QUALIFIERS.keys()].map((q) => q.split(' ').length));

/**
 * Last words of a state's institutions, which a report names with or without their country ("US
 * State Department", "State Department"). A company keeps its country ("American Express" is not
 * "Express").
 */
const INSTITUTION_WORDS = new Set(
  [
    'ministry',
    'department',
    'office',
    'government',
    'parliament',
    'army',
    'forces',
    'navy',
    'force',
    'police',
    'embassy',
    'consulate',
    'agency',
    'service',
    'services',
    'council',
    'court',
    'assembly',
    'senate',
    'congress',
    'officials',
    'military',
    'troops',
    'soldiers',
    'guard',
    'administration',
    'cabinet',
    'presidency',
    'regime',
    'authorities',
    'delegation',
    'bank',
    'affairs',
    'defence',
    'defense',
    'intelligence',
    'state',
    'commission',
    'committee',
    'authority',
    'bureau',
  ].map((w) => nameKey(w)),
);

/** True when a name's last word is one of {@link INSTITUTION_WORDS} (after institutionOrder: "Ministry of Defence"). */
function isInstitution(name: string): boolean {
  const key = nameKey(name).split(' ');
  return key.length > 0 && INSTITUTION_WORDS.has(key[key.length - 1]);
}

function isOrganisation(entity: NamedEntity): boolean {
  return entity.type === 'Actor' && entity.kind !== 'PERSON';
}

/**
 * The shorter names an organisation's or place's name stands for, as written: without a country
 * before it or after "of" ("US State Department", "Ministry of Foreign Affairs of Pakistan",
 * "Pakistan MoFA": an organisation only), without a kind word at its end ("Labour Party",
 * "Idlib province", "Diaoyutai State Guest House"), or both; a street address also stands for its
 * street ("10 Downing Street"). A name that would be left empty is not shortened.
 */
export function shortNames(entity: NamedEntity, text: string): string[] {
  const kinded = isOrganisation(entity) || entity.type === 'Location';
  if (!kinded) return [];
  const out = new Set<string>();
  const trimmed = text.trim().replace(/^the\s+/i, '');
  // A street address stands for its street ("10 Downing Street").
  const street = entity.type === 'Location' ? /^\d+[a-z]?\s+(\p{L}.*)$/u.exec(trimmed)?.[1] : undefined;
  if (street) out.add(street);
  const state = isOrganisation(entity) ? stateInstitution(trimmed) : undefined;
  if (state) out.add(state.name);
  const kinds = isOrganisation(entity) ? ORGANISATION_KIND_WORDS : PLACE_KIND_WORDS;
  // Kind words go one at a time from the end ("Ford Motor Company", "Ford Motor", "Ford").
  for (const base of [trimmed, state?.name ?? trimmed]) {
    let words = base.split(/\s+/);
    for (;;) {
      const last = kinds
        .map((k) => k.split(' '))
        .find((k) => words.length > k.length && k.every((w, i) => words[words.length - k.length + i].toLowerCase().replace(/\.$/, '') === w));
      if (!last) break;
      words = words.slice(0, -last.length);
      out.add(words.join(' '));
    }
  }
  out.delete(trimmed);
  return [...out].filter((n) => nameKey(n));
}

/**
 * A state institution's name split into its country and the rest: "US State Department" is the
 * United States' "State Department", "Ministry of Foreign Affairs of Pakistan" and "Pakistan MoFA"
 * are Pakistan's. Only names whose rest ends in an institution word or is an acronym; undefined
 * for the rest ("American Express" is not split).
 */
function stateInstitution(text: string): { country: string; name: string } | undefined {
  const words = text.split(' ');
  // The longest country name or demonym the name begins with, else the one after its last " of (the)".
  let qualifier: string | undefined;
  let name = text;
  for (let n = Math.min(MAX_QUALIFIER_WORDS, words.length - 1); n >= 1 && !qualifier; n -= 1) {
    const q = words.slice(0, n).join(' ');
    if (COUNTRY_QUALIFIERS.has(q)) [qualifier, name] = [q, words.slice(n).join(' ')];
  }
  const of = qualifier ? -1 : text.lastIndexOf(' of ');
  if (of > 0) {
    const q = text.slice(of + 4).replace(/^the /, '');
    if (COUNTRY_QUALIFIERS.has(q)) [qualifier, name] = [q, text.slice(0, of)];
  }
  if (!qualifier || !(isInstitution(name) || acronymWord(name))) return undefined;
  // "Pakistani forces", "Pakistani troops", "Pakistan Army", "government troops": one military, as reports use them.
  // "CAR authorities", "the Syrian regime": the government.
  const one = /^(?:(?:government\s+)?(?:army|armed forces|forces|troops|soldiers)|military|defen[cs]e forces)$/i.test(name)
    ? 'military'
    : /^(?:authorities|regime)$/i.test(name)
      ? 'government'
      : name;
  return { country: COUNTRY_QUALIFIERS.get(qualifier)!.name, name: one };
}

/** The country an organisation's name says it belongs to ("Turkish Foreign Ministry": Turkey), or undefined. */
export function institutionCountry(text: string): string | undefined {
  return stateInstitution(text.trim().replace(/^the\s+/i, ''))?.country;
}

/**
 * The bare-name keys of a name: the keys it is stored under without its kind word or country
 * (`%labour` for "Labour Party", `%state department` for "US State Department"; an adjective in
 * "-atic" also as its noun, `%democrat` for "Democratic Party"), and the key it looks up as a bare
 * name (`%labour` for "Labour", `%democrat` for "Democrats"). Undefined for people.
 */
export function bareKeys(entity: NamedEntity, text: string): { stored: string[]; lookup: string[] } | undefined {
  const kinded = isOrganisation(entity) || entity.type === 'Location';
  if (!kinded) return undefined;
  const key = nameKey(text);
  const stored = shortNames(entity, text).flatMap((n) => {
    const short = nameKey(n);
    return short.endsWith('atic') ? [short, short.slice(0, -2)] : [short];
  });
  // "Liberal Democrats" and "Liberal Democrat": a party by its members or its member.
  if (isOrganisation(entity) && key.includes(' ') && /[^s]s$/.test(key)) stored.push(key.slice(0, -1));
  const lookup = [key];
  // The members for the party: "Democrats", "Republicans", "Conservatives", "Liberal Democrats".
  if (isOrganisation(entity) && key.length > 4 && /[^s]s$/.test(key)) lookup.push(key.slice(0, -1));
  const nickname = isOrganisation(entity) ? PARTY_NICKNAMES.get(key) : undefined;
  if (nickname) lookup.push(nickname);
  return { stored: stored.map((k) => BARE_PREFIX + k), lookup: lookup.map((k) => BARE_PREFIX + k) };
}

const MINOR_WORDS = new Set(['of', 'and', 'for', 'the', 'de', 'des', 'du', 'la', 'le', 'on', 'in']);

/** The letters of an acronym written with stops, in mixed case or with a hyphen: "U.N." is "UN", "MoFA" is "MFA", "SPLM-N" is "SPLMN". */
function acronymWord(text: string): string | undefined {
  const t = text.trim();
  if (/^(?:\p{Lu}\.){2,6}$/u.test(t) || /^(?:\p{Lu}\.){1,5}\p{Lu}$/u.test(t)) return t.replace(/\./g, '');
  if (/^\p{Lu}{2,6}$/u.test(t)) return t;
  // A faction's letter after a hyphen: "SPLM-N", "NSCN-K", "PML-N".
  if (/^\p{Lu}{2,6}-\p{Lu}{1,2}$/u.test(t)) return t.replace('-', '');
  if (/^\p{Lu}[\p{Ll}\p{Lu}]{1,5}$/u.test(t) && (t.match(/\p{Lu}/gu) ?? []).length >= 2) return t.replace(/\p{Ll}/gu, '');
  return undefined;
}

/**
 * The acronym keys of an organisation's or group's name: the ones it is stored under and the ones
 * it looks up, so that an acronym and a full name meet and two full names (or two acronyms) never
 * do through their initials. A name of two words or more is stored under its initials ("Scottish
 * National Party", "Hewlett-Packard": `^snp`, `^hp`; "Hayat Tahrir al-Sham" under `^hts` and
 * `^htas`, as Arabic article "al" may or may not give a letter) and looks for that acronym written
 * (`=snp`); an acronym ("SNP", "U.N.", "MoFA") is stored as written (`=snp`) and looks for those
 * initials (`^snp`). The shorter names of {@link shortNames} count too ("Ministry of Foreign Affairs
 * of Pakistan" is also `^mfa`). Undefined for people, places and other names.
 */
export function acronymKeys(entity: NamedEntity, text: string): { stored: string[]; lookup: string[] } | undefined {
  // Organisations, and regions known by initials ("NWFP" for North-West Frontier Province, "FATA").
  if (!isOrganisation(entity) && !(entity.type === 'Location' && entity.kind === 'REGION')) return undefined;
  const stored = new Set<string>();
  const lookup = new Set<string>();
  for (const name of [text, ...shortNames(entity, text)]) {
    // An acronym said as a word, which some house styles write as one: "Nato", "Ecowas", "Unicef".
    const acronym = acronymWord(name) ?? (/^\p{Lu}\p{Ll}{2,6}$/u.test(name.trim()) ? name.trim() : undefined);
    if (acronym) {
      const key = nameKey(acronym);
      stored.add(ACRONYM_PREFIX + key);
      lookup.add(INITIALS_PREFIX + key);
      continue;
    }
    const words = name
      .replace(/['’]s\b/gu, '')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    if (words.length < 2) continue;
    const initials = (minor: Set<string>) =>
      words
        .filter((w) => !minor.has(w.toLowerCase()))
        .map((w) => w[0].toLowerCase())
        .join('');
    // ("Economic Community of West African States" is ECOWAS: a minor word may give its letter too.)
    for (const letters of new Set([initials(MINOR_WORDS), initials(new Set([...MINOR_WORDS, 'al', 'el'])), initials(new Set())])) {
      if (letters.length < 2) continue;
      // Doubled letters are folded as in nameKey, after counting them: "Anadolu Agency" is "AA", keyed "a".
      const key = letters.replace(/(\p{L})\1+/gu, '$1');
      stored.add(INITIALS_PREFIX + key);
      lookup.add(ACRONYM_PREFIX + key);
    }
  }
  return stored.size ? { stored: [...stored], lookup: [...lookup] } : undefined;
}

/**
 * The country a country's name stands for when the name is its capital ("Moscow said", drafted as
 * the country), its government ("Government of Pakistan") or its official style ("Republic of
 * Ghana", "Swiss Confederation"): that country's key, which a country named by its capital is stored and looked up
 * under as well. Undefined for other names and other types.
 */
function capitalCountryKey(entity: NamedEntity, text: string): string | undefined {
  if (entity.type !== 'Country') return undefined;
  // "Government of Pakistan", "Republic of Ghana", "State of Kuwait": the country, by its government
  // or its official style; "Swiss Confederation", "Kyrgyz Republic": by its demonym and its form.
  const t = text.trim().replace(/^the\s+/i, '');
  const styled =
    /^(?:government|(?:(?:federal|islamic|democratic|people['’]s|arab|socialist|united)\s+)*(?:republic|state|kingdom|sultanate|emirate|principality|commonwealth|confederation|federation))\s+of\s+(?:the\s+)?(.+)$/i.exec(
      t,
    )?.[1] ?? /^(\p{Lu}[\p{L}-]+)\s+(?:republic|confederation|federation|kingdom)$/iu.exec(t)?.[1];
  const country = styled ? COUNTRY_QUALIFIERS.get(styled) : undefined;
  return country ? nameKey(country.name) : countryByCapitalKey.get(nameKey(text));
}

/** A capital's key ("kyiv", which "Kiev" has too) to its country's key. */
const countryByCapitalKey = new Map(COUNTRIES.map((c) => [nameKey(c.capital), nameKey(c.name)]));

/** Family names that Chinese, Korean and Vietnamese names put first ("Xi Jinping", "Kim Jong Un", "Nguyen Phu Trong"). */
const FAMILY_FIRST = new Set(
  [
    'Xi',
    'Li',
    'Wang',
    'Zhang',
    'Liu',
    'Chen',
    'Yang',
    'Zhao',
    'Huang',
    'Zhou',
    'Wu',
    'Xu',
    'Sun',
    'Hu',
    'Zhu',
    'Gao',
    'Lin',
    'Guo',
    'Luo',
    'Liang',
    'Zheng',
    'Xie',
    'Tang',
    'Feng',
    'Dong',
    'Xiao',
    'Cao',
    'Deng',
    'Peng',
    'Jiang',
    'Cai',
    'Wei',
    'Qin',
    'Kim',
    'Lee',
    'Park',
    'Choi',
    'Jung',
    'Jeong',
    'Kang',
    'Cho',
    'Yoon',
    'Jang',
    'Shin',
    'Kwon',
    'Hwang',
    'Ahn',
    'Moon',
    'Ban',
    'Chung',
    'Nguyen',
    'Tran',
    'Pham',
  ].map((w) => w.toLowerCase()),
);

/**
 * The family name of a person's name that puts it first: a name whose first word is a Chinese,
 * Korean or Vietnamese family name, or whose given name is written with a hyphen after it ("Cho
 * Tae-yul", "Moon Jae-in"). Such a person is stored under both surname keys, so that "Cho" alone
 * finds "Cho Tae-yul" as "Blinken" finds "Antony Blinken". Undefined for other names.
 */
export function familyNameFirst(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words[0].includes('-')) return undefined;
  const first = words[0].replace(/\.$/, '');
  const hyphenated = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(words[words.length - 1]);
  return hyphenated || FAMILY_FIRST.has(first.toLowerCase()) ? nameKey(first) : undefined;
}

/**
 * The given name an Arabic name is shortened to: a name with a nasab ("bin", "ibn", "bint") or
 * two family particles ("al-Ahmad al-Jaber al-Sabah") goes by its given name with a title ("Prince
 * Faisal" for Faisal bin Farhan, "Sheikh Mishal"), so that name is stored as a surname key too.
 */
function arabicGivenName(text: string): string | undefined {
  const words = personWords(text).split(' ');
  const particles = words.filter((w) => w === 'al' || w === 'el').length;
  if (words.length < 3 || !(words.some((w) => w === 'bin' || w === 'ibn' || w === 'bint') || particles >= 2)) return undefined;
  return foldVariants(words[0]);
}

/** The key of one of an entity's names: {@link personKey} for a person, {@link nameKey} for the rest. */
export function keyOf(entity: NamedEntity, text: string): string {
  return isPerson(entity) ? personKey(text) : nameKey(text);
}

/**
 * One name an entity is known by, with the keys the graph stores for it: the name's key and, for
 * a person's name of several words, the surname key (`~putin` for "Vladimir Putin") and the given
 * name's (`+vladimir`; for a name that puts the family name first, only surname keys).
 */
export interface NameEntry {
  text: string;
  keys: string[];
}

/** Every name of an entity (its name or title first, then its aliases), each with its keys. */
export function nameEntries(entity: NamedEntity): NameEntry[] {
  const texts = [displayName(entity), ...('aliases' in entity ? entity.aliases : [])];
  return texts.map((text, i) => {
    const key = keyOf(entity, text);
    const words = key.split(' ');
    const keys = [key];
    // A person named by one word ("Prime Minister Kvirikashvili") is named by the surname: a full name found later meets it.
    if (isPerson(entity)) keys.push(SURNAME_PREFIX + words[words.length - 1]);
    const family = isPerson(entity) ? (familyNameFirst(text) ?? arabicGivenName(text)) : undefined;
    if (family) keys.push(SURNAME_PREFIX + family);
    else if (isPerson(entity) && words.length > 1 && words[0].length > 1) {
      keys.push(GIVEN_PREFIX + words[0]);
      // "Mohamed Khaled" for Mohamed Khaled Nordin: the given names without the surname.
      if (words.length > 2) keys.push(GIVEN_PREFIX + words.slice(0, -1).join(' '));
    }
    const capital = capitalCountryKey(entity, text);
    if (capital) keys.push(capital);
    // Only the name an entity goes by carries its initials and bare names: two agencies that both
    // list "SNA" as an alias must not meet another full name with those initials through it (their
    // alias keys still match an entity named "SNA").
    if (i === 0) keys.push(...(acronymKeys(entity, text)?.stored ?? []), ...(bareKeys(entity, text)?.stored ?? []));
    const head = i === 0 ? headKey(entity, text).stored : undefined;
    if (head) keys.push(head);
    return { text, keys: [...new Set(keys)] };
  });
}

/**
 * The keys under which an entity looks for an existing node: its name's key, for a person named by
 * one word only the surname key that word would be, for a country named by its capital the
 * country's key, and for an organisation or a place its shorter names, bare-name and acronym keys
 * (and for an organisation named by a head noun alone, "Ministry", its head-noun key).
 */
export function lookupKeys(entity: NamedEntity): string[] {
  const name = displayName(entity);
  const key = keyOf(entity, name);
  if (isPerson(entity)) return key.includes(' ') ? [key] : [key, SURNAME_PREFIX + key];
  const capital = capitalCountryKey(entity, name);
  // A shorter name is looked up as a name and as another name's shorter name ("U.S. Congress" and
  // "United States Congress" meet through "Congress").
  const shorter = shortNames(entity, name).flatMap((n) => [nameKey(n), BARE_PREFIX + nameKey(n)]);
  const head = headKey(entity, name).lookup;
  return [
    ...new Set([
      key,
      ...(capital ? [capital] : []),
      ...shorter,
      ...(acronymKeys(entity, name)?.lookup ?? []),
      ...(bareKeys(entity, name)?.lookup ?? []),
      ...(head ? [head] : []),
    ]),
  ];
}

/**
 * The given-name key a person named by one or two words looks for when no name or surname matches
 * (`+raj` for "Raj", `+mohamed khaled` for "Mohamed Khaled"), or undefined for other names.
 */
export function givenNameLookup(entity: NamedEntity): string | undefined {
  if (!isPerson(entity)) return undefined;
  const key = personKey(displayName(entity));
  return key && key.split(' ').length <= 2 ? GIVEN_PREFIX + key : undefined;
}

/**
 * The surname key (`~budanov`) of a person's name of two words or more, or undefined: what a full
 * name that matches no node by its whole key looks for, to meet the same person under another
 * given name's spelling or an initial ("K. Budanov", "Mark V. Hurd").
 */
export function surnameKey(text: string): string | undefined {
  const words = personKey(text).split(' ');
  return words.length > 1 ? SURNAME_PREFIX + words[words.length - 1] : undefined;
}

/**
 * True when two names with one surname may name one person: the given names are one after folding
 * ("Kirill" and "Kyrylo") or one is the other's initial ("K." and "Kyrylo"), and their middle names,
 * when both have some, are the same; or one name has a single given name that is a middle name of
 * the other, the name the person goes by ("Tayyip Erdogan", "Recep Tayyip Erdogan"). "Olena Putin"
 * and "Vladimir Putin" disagree; so do "George W. Bush" and "George H. W. Bush". Names of one word,
 * or of other surnames, never agree. Titles before the names are not compared ("Sir Keir Starmer").
 */
export function givenNamesAgree(a: string, b: string): boolean {
  const x = personKey(a).split(' ');
  const y = personKey(b).split(' ');
  if (x.length < 2 || y.length < 2 || x[x.length - 1] !== y[y.length - 1]) return false;
  const initial = (p: string, q: string) => p === q || (p.length === 1 && q.startsWith(p)) || (q.length === 1 && p.startsWith(q));
  const mx = x.slice(1, -1);
  const my = y.slice(1, -1);
  if (!initial(x[0], y[0])) {
    const goesBy = (one: string[], other: string[]) => one.length === 2 && one[0].length > 1 && other.slice(1, -1).includes(one[0]);
    return goesBy(x, y) || goesBy(y, x);
  }
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
