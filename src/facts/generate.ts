/**
 * A deterministic synthetic corpus in the facts format, for load tests and benchmarks at sizes no
 * real article set reaches. A seeded PRNG builds a made-up world first (countries with regions,
 * cities and venues; people, organisations and groups whose popularity follows a Zipf law; offices
 * and who holds them), then writes one short news article per meeting and cites every fact it
 * states by sentence and excerpt, so each document passes `validateFacts` like a curated one.
 *
 * World facts (an actor's name, aliases and offices, a meeting's date) are fixed once and repeated
 * verbatim in every document that mentions them, so loading the corpus merges the evidence of many
 * sources onto one node, as real coverage does. Every generated id contains `gen-`, so generated
 * facts never collide with the seed article's and can be removed by id.
 */
import type { EntityInput, EntityType, EvidenceInput, FactsDocument, FuzzyDateInput, RelationshipInput, RelationshipType } from './format';
import { RELATIONSHIP_RULES } from './format';
import { splitSentences } from './sentences';
import { relationshipKey } from './validate';

/** What to generate: the same options always give the same corpus, byte for byte. */
export interface GenerateOptions {
  /** PRNG seed, an integer from 0 to 2^32 - 1. */
  seed: number;
  /** Target total number of relationships over all documents; the corpus stops at the first document that reaches it. */
  relationships: number;
}

/** Generates the whole corpus in memory; see {@link generateDocuments} to stream it. */
export function generateCorpus(options: GenerateOptions): FactsDocument[] {
  return [...generateDocuments(options)];
}

/** Yields the corpus one document at a time, in publication order. */
export function* generateDocuments(options: GenerateOptions): Generator<FactsDocument> {
  const { seed, relationships } = options;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be an integer from 0 to ${0xffffffff}; got ${seed}`);
  if (!Number.isInteger(relationships) || relationships < 1) throw new RangeError(`relationships must be a positive integer; got ${relationships}`);
  const rng = new Rng(seed);
  const world = buildWorld(rng, relationships);
  const meetings: Meeting[] = [];
  let total = 0;
  for (let index = 1; total < relationships; index += 1) {
    const progress = total / relationships;
    // Some meetings get a second report from another outlet: the same meeting node then carries
    // evidence from two sources, and the second report adds statements of its own.
    const recover = meetings.length > 0 && rng.chance(0.12);
    const meeting = recover ? rng.pick(meetings.slice(-12)) : newMeeting(rng, world, meetings, progress);
    if (!recover) meetings.push(meeting);
    const doc = writeArticle(rng, world, meeting, { seed, index });
    total += doc.relationships.length;
    yield doc;
  }
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a small, fast 32-bit PRNG; good enough for test data and fully reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/**
 * Draws items with probability proportional to 1 / rank^exponent (rank 1 = the first item), the
 * law behind "a few actors are in most of the news": with exponent 1 the top 1% of a few thousand
 * actors get about a third of the draws.
 */
class Zipf<T> {
  private readonly cumulative: number[] = [];
  constructor(
    readonly items: readonly T[],
    exponent: number,
  ) {
    let sum = 0;
    for (let rank = 1; rank <= items.length; rank += 1) {
      sum += 1 / rank ** exponent;
      this.cumulative.push(sum);
    }
  }
  sample(rng: Rng): T {
    const u = rng.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo];
  }
  /** Up to `n` distinct items not in `taken` (fewer if the draws keep hitting taken ones). */
  sampleDistinct(rng: Rng, n: number, taken: Set<T>): T[] {
    const out: T[] = [];
    for (let tries = 0; out.length < n && tries < n * 20; tries += 1) {
      const item = this.sample(rng);
      if (!taken.has(item)) {
        taken.add(item);
        out.push(item);
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// The world: places, actors, offices

/** An entity's stored fields, without evidence (each document adds its own). */
type EntityFields = EntityInput extends infer E ? (E extends unknown ? Omit<E, 'evidence'> : never) : never;

interface Place {
  fields: EntityFields;
  name: string;
  kind: 'COUNTRY' | 'REGION' | 'CITY' | 'VENUE';
  parent?: Place;
  country: Actor;
  children: Place[];
}

interface Holding {
  position: EntityFields;
  /** How the text names the office: "foreign minister of Valdoria". */
  phrase: string;
  of: Actor;
  since: FuzzyDateInput;
  until?: FuzzyDateInput;
}

interface Actor {
  fields: EntityFields;
  name: string;
  aliases: string[];
  kind: 'PERSON' | 'ORGANIZATION' | 'GROUP' | 'COUNTRY';
  /** Set for countries: the country seen as a place. */
  place?: Place;
  holdings: Holding[];
  relations: { relation: string; to: Actor; phrase: string }[];
}

interface World {
  countries: Actor[];
  cities: Zipf<Place>;
  actors: Zipf<Actor>;
  persons: Actor[];
  organizations: Actor[];
  agencies: Actor[];
  photographers: Actor[];
  publishers: string[];
  series: Series[];
}

interface Series {
  name: string;
  topic: string;
  parties: Actor[];
  rounds: Meeting[];
}

interface Meeting {
  fields: EntityFields;
  id: string;
  name: string;
  /** How later sentences refer to it: "talks", "summit". */
  short: string;
  topic: string;
  place: Place;
  day: number;
  start: FuzzyDateInput;
  end?: FuzzyDateInput;
  participants: { actor: Actor; role: string }[];
  previous?: Meeting;
  outcome?: string;
}

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'st', 'tr', 'sh', 'ch', 'h', 'j'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'o', 'e', 'ai', 'ei'];
const CODAS = ['', '', '', '', 'n', 'r', 'l', 's', 'k', 'm', 'sh'];
const TOPICS = ['border', 'ceasefire', 'prisoner exchange', 'energy', 'trade', 'grain corridor', 'water rights', 'security', 'sanctions', 'reconstruction'];
const COUNTRY_TITLES = [
  'president',
  'prime minister',
  'foreign minister',
  'defence minister',
  'interior minister',
  'chief negotiator',
  'national security adviser',
];
const ORG_TITLES = ['secretary-general', 'chair', 'spokesperson', 'deputy chair', 'special envoy'];
const GROUP_TITLES = ['leader', 'spokesperson', 'political chief'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Meetings run from 2022 to the end of 2025; offices date back to 2012. */
const FIRST_DAY = dayNumber(2022, 1, 3);
const LAST_DAY = dayNumber(2025, 12, 19);

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function syllables(rng: Rng, n: number): string {
  let word = '';
  for (let i = 0; i < n; i += 1) word += rng.pick(ONSETS) + rng.pick(VOWELS) + (i === n - 1 ? rng.pick(CODAS) : '');
  return capitalize(word);
}

/** Hands out names (and the ids made from them) once each. */
class Names {
  private readonly used = new Set<string>();
  unique(make: () => string): string {
    for (let tries = 0; ; tries += 1) {
      const name = make();
      const key = slug(name);
      // A crowded name space (a million-relationship world) gets a longer name instead of looping.
      const candidate = tries < 100 ? name : `${name}${ONSETS[tries % ONSETS.length]}${VOWELS[(tries >> 4) % VOWELS.length]}`;
      const candidateKey = tries < 100 ? key : slug(candidate);
      if (candidate.length > 2 && !this.used.has(candidateKey)) {
        this.used.add(candidateKey);
        return candidate;
      }
    }
  }
}

/** A common misspelling: a doubled or dropped consonant, or a swapped vowel. */
function misspell(rng: Rng, name: string): string {
  const i = rng.int(1, name.length - 2);
  const ch = name[i];
  if (/[aeiou]/.test(ch)) return name.slice(0, i) + rng.pick(['a', 'e', 'i', 'o', 'u'].filter((v) => v !== ch)) + name.slice(i + 1);
  if (/[a-z]/.test(ch)) return rng.chance(0.5) ? name.slice(0, i) + ch + name.slice(i) : name.slice(0, i) + name.slice(i + 1);
  return `${name}e`;
}

function acronym(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}

function actorFields(id: string, name: string, kind: 'PERSON' | 'ORGANIZATION' | 'GROUP', aliases: string[], description: string): EntityFields {
  return { id, type: 'Actor', name, kind, aliases, description };
}

function buildWorld(rng: Rng, target: number): World {
  const names = new Names();
  const countryCount = Math.max(6, Math.min(200, Math.round(Math.sqrt(target) / 5)));
  const personCount = Math.max(30, Math.round(target / 30));
  const organizationCount = Math.max(6, Math.round(target / 250));
  const groupCount = Math.max(3, Math.round(target / 600));

  const countries: Actor[] = [];
  const allCities: Place[] = [];
  for (let c = 0; c < countryCount; c += 1) {
    const name = names.unique(() => syllables(rng, rng.int(1, 2)) + rng.pick(['ia', 'ar', 'and', 'istan', 'ora', 'esh', 'ania', 'ovia']));
    const country: Actor = { fields: undefined as never, name, aliases: [], kind: 'COUNTRY', holdings: [], relations: [] };
    const place: Place = { fields: undefined as never, name, kind: 'COUNTRY', country, children: [] };
    country.place = place;
    for (let r = rng.int(2, 4); r > 0; r -= 1) {
      const regionName = names.unique(() => syllables(rng, rng.int(2, 3)));
      const region: Place = {
        fields: placeFields(regionName, 'REGION', `A region of ${name}.`),
        name: regionName,
        kind: 'REGION',
        parent: place,
        country,
        children: [],
      };
      place.children.push(region);
      for (let k = rng.int(1, 3); k > 0; k -= 1) {
        const cityName = names.unique(() => syllables(rng, rng.int(1, 2)) + rng.pick(['', '', '', 'grad', 'ford', 'polis', 'abad', 'burg', 'ovo']));
        const city: Place = {
          fields: placeFields(cityName, 'CITY', `A city in ${regionName}, ${name}.`),
          name: cityName,
          kind: 'CITY',
          parent: region,
          country,
          children: [],
        };
        region.children.push(city);
        allCities.push(city);
        if (rng.chance(0.5)) {
          const venueName = names.unique(() => `${syllables(rng, 2)} ${rng.pick(['Palace', 'Conference Centre', 'House', 'Hall', 'Pavilion'])}`);
          city.children.push({
            fields: placeFields(venueName, 'VENUE', `A venue in ${cityName}.`),
            name: venueName,
            kind: 'VENUE',
            parent: city,
            country,
            children: [],
          });
        }
      }
    }
    // As in the news, a capital stands for its government: "Kessa said ...".
    const capital = place.children[0].children[0].name;
    country.aliases = [capital, `Republic of ${name}`];
    country.fields = { id: `country:gen-${slug(name)}`, type: 'Country', name, aliases: country.aliases, description: `A country; its capital is ${capital}.` };
    place.fields = country.fields;
    countries.push(country);
  }

  const persons: Actor[] = [];
  for (let p = 0; p < personCount; p += 1) persons.push(makePerson(rng, names, 'A political figure.'));
  const organizations: Actor[] = [];
  for (let o = 0; o < organizationCount; o += 1) {
    const name = names.unique(() =>
      [
        rng.chance(0.4)
          ? syllables(rng, 2)
          : rng.pick(['Northern', 'Eastern', 'Western', 'Southern', 'Central', 'Continental', 'Coastal', 'Highland', 'United', 'Free']),
        rng.pick(['Trade', 'Energy', 'Security', 'Grain', 'River', 'Border', 'Maritime', 'Monetary', 'Health', 'Peace']),
        rng.pick(['Council', 'Union', 'Alliance', 'Commission', 'Forum', 'Pact', 'Organisation', 'Bank']),
      ].join(' '),
    );
    const aliases = [acronym(name)];
    organizations.push({
      fields: actorFields(`actor:gen-${slug(name)}`, name, 'ORGANIZATION', aliases, 'An international organisation.'),
      name,
      aliases,
      kind: 'ORGANIZATION',
      holdings: [],
      relations: [],
    });
  }
  const groups: Actor[] = [];
  for (let g = 0; g < groupCount; g += 1) {
    const core = syllables(rng, 2);
    const name = names.unique(() => `${core} ${rng.pick(['Front', 'Movement', 'Brigade', 'Coalition', 'Guard', 'Resistance'])}`);
    // Aliases start with a capital: sentences may open with them.
    const aliases = rng.chance(0.5) ? [`${core}s`] : [];
    groups.push({
      fields: actorFields(`actor:gen-${slug(name)}`, name, 'GROUP', aliases, 'An armed or political group.'),
      name,
      aliases,
      kind: 'GROUP',
      holdings: [],
      relations: [],
    });
  }
  const agencies: Actor[] = [];
  for (let a = 0; a < 8 + Math.round(target / 50_000); a += 1) {
    const name = names.unique(() => `${syllables(rng, 2)} News Agency`);
    const aliases = [acronym(name)];
    agencies.push({
      fields: actorFields(`actor:gen-${slug(name)}`, name, 'ORGANIZATION', aliases, 'A news agency.'),
      name,
      aliases,
      kind: 'ORGANIZATION',
      holdings: [],
      relations: [],
    });
  }
  const photographers: Actor[] = [];
  for (let p = 0; p < 10 + Math.round(target / 20_000); p += 1) photographers.push(makePerson(rng, names, 'A news photographer.'));
  const publishers: string[] = [];
  for (let p = 0; p < 12; p += 1)
    publishers.push(`The ${allCities[p % allCities.length].name} ${rng.pick(['Herald', 'Courier', 'Observer', 'Tribune', 'Gazette', 'Daily'])}`);

  // Popularity: one ranking over every kind of actor, so a few people, organisations and
  // countries dominate the coverage and most actors appear once or twice.
  const ranked = rng.shuffle([...persons, ...organizations, ...groups, ...countries]);

  assignOffices(rng, persons, countries, organizations, groups);
  assignRelations(rng, persons, organizations, new Zipf(ranked, 1));

  return {
    countries,
    cities: new Zipf(rng.shuffle([...allCities]), 0.9),
    actors: new Zipf(ranked, 1),
    persons,
    organizations,
    agencies,
    photographers,
    publishers,
    series: [],
  };
}

function placeFields(name: string, kind: 'REGION' | 'CITY' | 'VENUE', description: string): EntityFields {
  return { id: `location:gen-${slug(name)}`, type: 'Location', name, kind, aliases: [], description };
}

function makePerson(rng: Rng, names: Names, description: string): Actor {
  let family = '';
  const name = names.unique(() => {
    family = syllables(rng, rng.int(1, 2)) + rng.pick(['', '', 'ov', 'enko', 'ski', 'ani', 'ez', 'sen', 'ard', 'ic']);
    return `${syllables(rng, rng.int(1, 2))} ${family}`;
  });
  const aliases: string[] = [];
  if (rng.chance(0.35)) aliases.push(family);
  // Transliterations and typos, as wire copy has them; fuzzy search should still find the person.
  if (rng.chance(0.2)) aliases.push(misspell(rng, name));
  return { fields: actorFields(`actor:gen-${slug(name)}`, name, 'PERSON', aliases, description), name, aliases, kind: 'PERSON', holdings: [], relations: [] };
}

function assignOffices(rng: Rng, persons: Actor[], countries: Actor[], organizations: Actor[], groups: Actor[]): void {
  const filled = new Set<string>();
  const countryPick = new Zipf(countries, 0.7);
  for (const person of persons) {
    for (let n = rng.chance(0.7) ? (rng.chance(0.25) ? 2 : 1) : 0; n > 0; n -= 1) {
      for (let tries = 0; tries < 6; tries += 1) {
        const roll = rng.next();
        const of = roll < 0.7 ? countryPick.sample(rng) : roll < 0.9 ? rng.pick(organizations) : rng.pick(groups);
        const title = rng.pick(of.kind === 'COUNTRY' ? COUNTRY_TITLES : of.kind === 'ORGANIZATION' ? ORG_TITLES : GROUP_TITLES);
        const phrase = `${title} of ${of.kind === 'COUNTRY' ? '' : 'the '}${of.name}`;
        const id = `position:gen-${slug(phrase)}`;
        if (filled.has(id)) continue;
        filled.add(id);
        const sinceDay = rng.int(dayNumber(2012, 1, 1), dayNumber(2023, 6, 30));
        // The second office is a past one: it ended before the first began or soon after.
        const untilDay = n === 2 ? Math.min(LAST_DAY, sinceDay + rng.int(200, 1500)) : undefined;
        person.holdings.push({
          position: { id, type: 'Position', title: capitalize(phrase), description: `An office of ${of.name}.` },
          phrase,
          of,
          since: fuzzy(sinceDay, rng.pick(['YEAR', 'MONTH', 'MONTH', 'DAY'] as const), false),
          until: untilDay === undefined ? undefined : fuzzy(untilDay, rng.pick(['YEAR', 'MONTH', 'DAY'] as const), false),
        });
        break;
      }
    }
  }
}

function assignRelations(rng: Rng, persons: Actor[], organizations: Actor[], popular: Zipf<Actor>): void {
  for (const person of persons) {
    if (rng.chance(0.3)) {
      const org = rng.pick(organizations);
      person.relations.push({ relation: 'MEMBER_OF', to: org, phrase: `is a member of the ${org.name}` });
    }
    if (rng.chance(0.2)) {
      const other = popular.sample(rng);
      if (other !== person && other.kind === 'PERSON') {
        const [relation, phrase] = rng.pick([
          ['ADVISER_TO', 'is an adviser to'],
          ['ALLY_OF', 'is a close ally of'],
          ['RIVAL_OF', 'is a long-time rival of'],
          ['DEPUTY_OF', 'is the deputy of'],
        ] as const);
        person.relations.push({ relation, to: other, phrase: `${phrase} ${other.name}` });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

function dayParts(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

function fuzzy(day: number, precision: 'YEAR' | 'MONTH' | 'DAY', inferred: boolean): FuzzyDateInput {
  const { year, month, date } = dayParts(day);
  const pad = (n: number) => String(n).padStart(2, '0');
  const value = precision === 'YEAR' ? `${year}` : precision === 'MONTH' ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(date)}`;
  return { value, precision, inferred };
}

/** "12 March 2025", "March 2025" or "2025", as precise as the date. */
function dateWords(date: FuzzyDateInput): string {
  const [year, month, day] = date.value.split('-').map(Number);
  if (date.precision === 'YEAR') return `${year}`;
  if (date.precision === 'MONTH') return `${MONTHS[month - 1]} ${year}`;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "on 12 March 2025", "in March 2025", "in 2025". */
function whenWords(date: FuzzyDateInput): string {
  return `${date.precision === 'DAY' ? 'on' : 'in'} ${dateWords(date)}`;
}

// ---------------------------------------------------------------------------------------------
// Meetings

const ROLES: Record<Actor['kind'], string[]> = {
  PERSON: ['head of delegation', 'envoy', 'mediator', 'adviser', 'observer', 'negotiator'],
  COUNTRY: ['party', 'guarantor', 'observer', 'mediator'],
  ORGANIZATION: ['mediator', 'observer', 'guarantor'],
  GROUP: ['party', 'observer'],
};

function newMeeting(rng: Rng, world: World, meetings: Meeting[], progress: number): Meeting {
  const index = meetings.length + 1;
  const day = Math.min(LAST_DAY, FIRST_DAY + Math.floor(progress * (LAST_DAY - FIRST_DAY)) + rng.int(0, 6));
  const city = world.cities.sample(rng);
  const place = city.children.length && rng.chance(0.4) ? city.children[0] : city;

  let series: Series | undefined;
  const open = world.series.slice(-25);
  if (open.length && rng.chance(0.3)) series = rng.pick(open);
  else if (rng.chance(0.35)) {
    const [a, b] = rng.shuffle([...world.countries]).slice(0, 2);
    const topic = rng.pick(TOPICS);
    series = { name: `${a.name}–${b.name} ${topic} talks`, topic, parties: [a, b], rounds: [] };
    world.series.push(series);
  }
  const topic = series?.topic ?? rng.pick(TOPICS);

  const taken = new Set<Actor>(series?.parties ?? []);
  const participants: Meeting['participants'] = (series?.parties ?? []).map((actor) => ({ actor, role: 'party' }));
  if (place.country !== undefined && !taken.has(place.country) && rng.chance(0.4)) {
    taken.add(place.country);
    participants.push({ actor: place.country, role: 'host' });
  }
  const size = 2 + Math.floor(10 * rng.next() ** 2);
  for (const actor of world.actors.sampleDistinct(rng, Math.max(0, size - participants.length), taken)) {
    participants.push({ actor, role: rng.pick(ROLES[actor.kind]) });
  }

  const round = (series?.rounds.length ?? 0) + 1;
  const name = series
    ? `${series.name}, round ${round}`
    : rng.pick([`${city.name} summit on ${topic}`, `${city.name} ${topic} conference`, `${rng.pick(world.organizations).name} meeting on ${topic}`]);
  const short = series ? 'talks' : name.includes('summit') ? 'summit' : name.includes('conference') ? 'conference' : 'meeting';
  const precision = rng.next() < 0.7 ? 'DAY' : rng.next() < 0.75 ? 'MONTH' : 'YEAR';
  const start = fuzzy(day, precision, false);
  const end = precision === 'DAY' && rng.chance(0.3) ? fuzzy(Math.min(LAST_DAY + 10, day + rng.int(1, 3)), 'DAY', false) : undefined;
  const outcome = rng.chance(0.5)
    ? rng.pick(['ended without agreement', 'agreed a prisoner exchange', 'agreed to meet again', 'agreed a local ceasefire', 'issued a joint statement'])
    : undefined;
  const id = `meeting:gen-${slug(name)}-${index}`;
  const aliases = series ? [`round ${round} of the ${series.name}`] : rng.chance(0.5) ? [`the ${city.name} ${short}`] : [];
  const fields: EntityFields = {
    id,
    type: 'Meeting',
    name,
    aliases,
    ...(start ? { startDate: start } : {}),
    ...(end ? { endDate: end } : {}),
    ...(outcome ? { outcome } : {}),
    description: `A ${short} on ${topic} in ${city.name}.`,
  };
  const meeting: Meeting = {
    fields,
    id,
    name,
    short,
    topic,
    place,
    day,
    start,
    end,
    participants: rng.shuffle(participants),
    previous: series?.rounds.at(-1),
    outcome,
  };
  series?.rounds.push(meeting);
  return meeting;
}

// ---------------------------------------------------------------------------------------------
// Articles

/** Collects sentences and the facts cited from them, then assembles a checked document. */
class Article {
  private readonly paragraphs: string[][] = [];
  private readonly sentences: string[] = [];
  private readonly entities = new Map<string, EntityInput>();
  private readonly relationships = new Map<string, RelationshipInput>();
  private readonly mentioned = new Set<string>();
  readonly sourceEvidence: EvidenceInput[] = [];

  constructor(
    private readonly rng: Rng,
    readonly sourceId: string,
  ) {}

  paragraph(): void {
    this.paragraphs.push([]);
  }

  /** Adds a sentence to the current paragraph; returns its number. */
  say(text: string): number {
    if (!this.paragraphs.length) this.paragraph();
    this.paragraphs.at(-1)!.push(text);
    this.sentences.push(text);
    return this.sentences.length;
  }

  /** How the text names an actor: the full name first, later now and then an alias. */
  ref(actor: Actor): string {
    const first = !this.mentioned.has(actor.fields.id);
    this.mentioned.add(actor.fields.id);
    return !first && actor.aliases.length && this.rng.chance(0.3) ? this.rng.pick(actor.aliases) : actor.name;
  }

  /** Cites an entity (adding it on first use) from sentence `n`. */
  cite(fields: EntityFields, n: number, excerpt: string): void {
    this.check(n, excerpt);
    let entity = this.entities.get(fields.id);
    if (!entity) {
      entity = { ...fields, evidence: [] } as EntityInput;
      this.entities.set(fields.id, entity);
    }
    addEvidence(entity.evidence, n, excerpt);
  }

  has(id: string): boolean {
    return this.entities.has(id);
  }

  /** States a relationship from sentence `n`; both ends must already be cited. */
  relate(rel: Omit<RelationshipInput, 'evidence'>, n: number, excerpt: string): void {
    this.check(n, excerpt);
    this.checkEnd(rel.type, 'from', rel.from);
    this.checkEnd(rel.type, 'to', rel.to);
    const key = relationshipKey(rel);
    let stated = this.relationships.get(key);
    if (!stated) {
      stated = { ...rel, evidence: [] };
      this.relationships.set(key, stated);
    }
    addEvidence(stated.evidence, n, excerpt);
  }

  get relationshipCount(): number {
    return this.relationships.size;
  }

  build(source: Omit<FactsDocument['source'], 'text' | 'evidence'>): FactsDocument {
    const text = `${this.paragraphs.map((p) => p.join(' ')).join('\n\n')}\n`;
    // The generator must number sentences exactly as the loader will; a mismatch is a bug here.
    const split = splitSentences(text).map((s) => s.text);
    if (split.length !== this.sentences.length || split.some((s, i) => s !== this.sentences[i])) {
      throw new Error(`generated text splits differently from how it was written: ${JSON.stringify(split.find((s, i) => s !== this.sentences[i]))}`);
    }
    return {
      source: { ...source, text, evidence: this.sourceEvidence },
      entities: [...this.entities.values()],
      relationships: [...this.relationships.values()],
    };
  }

  private check(n: number, excerpt: string): void {
    if (!this.sentences[n - 1]?.includes(excerpt)) throw new Error(`generator bug: "${excerpt}" is not in sentence ${n}: "${this.sentences[n - 1]}"`);
  }

  private checkEnd(type: RelationshipType, end: 'from' | 'to', id: string): void {
    const actual: EntityType | 'Source' | undefined = id === this.sourceId ? 'Source' : this.entities.get(id)?.type;
    const allowed: readonly string[] = RELATIONSHIP_RULES[type][end];
    const standsFor = actual === 'Country' ? ['Country', 'Actor', 'Location'] : [actual];
    if (!standsFor.some((t) => t !== undefined && allowed.includes(t))) throw new Error(`generator bug: ${type} cannot ${end} at ${id} (${actual})`);
  }
}

function addEvidence(list: EvidenceInput[], sentence: number, excerpt: string): void {
  if (!list.some((e) => e.sentence === sentence && e.excerpt === excerpt)) list.push({ sentence, excerpt });
}

const withoutStop = (sentence: string) => sentence.replace(/\.$/, '');
const article = (word: string) => (/^(host|head)/.test(word) ? `the ${word}` : /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

function writeArticle(rng: Rng, world: World, meeting: Meeting, at: { seed: number; index: number }): FactsDocument {
  const docKey = `s${at.seed}-d${at.index}`;
  const sourceId = `source:gen-${docKey}`;
  const a = new Article(rng, sourceId);
  const city = meeting.place.kind === 'VENUE' ? meeting.place.parent! : meeting.place;
  const [lead, second] = meeting.participants;

  a.say(`${lead.actor.name} and ${second?.actor.name ?? 'allies'} meet in ${city.name} for ${meeting.short} on ${meeting.topic}`);
  a.paragraph();
  const placeWords = meeting.place.kind === 'VENUE' ? `at the ${meeting.place.name} in ${city.name}` : `in ${city.name}`;
  let n = a.say(`${meeting.name} opened ${placeWords} ${whenWords(meeting.start)}.`);
  a.cite(meeting.fields, n, meeting.name);
  a.cite(meeting.place.fields, n, meeting.place.name);
  a.relate({ type: 'HELD_IN', from: meeting.id, to: meeting.place.fields.id }, n, `${meeting.name} opened ${placeWords}`);
  if (meeting.place.kind === 'VENUE') {
    a.cite(city.fields, n, city.name);
    a.relate({ type: 'PART_OF', from: meeting.place.fields.id, to: city.fields.id }, n, `the ${meeting.place.name} in ${city.name}`);
  }
  if (meeting.end) {
    n = a.say(`The ${meeting.short} ran until ${dateWords(meeting.end)}.`);
    a.cite(meeting.fields, n, withoutStop(`The ${meeting.short} ran until ${dateWords(meeting.end)}.`));
  }
  if (rng.chance(0.85)) {
    const region = city.parent!;
    const country = region.parent!;
    n = a.say(`${city.name} lies in the ${region.name} region of ${country.name}.`);
    a.cite(city.fields, n, city.name);
    a.cite(region.fields, n, `the ${region.name} region`);
    a.cite(country.fields, n, country.name);
    a.relate({ type: 'PART_OF', from: city.fields.id, to: region.fields.id }, n, `${city.name} lies in the ${region.name} region`);
    a.relate({ type: 'PART_OF', from: region.fields.id, to: country.fields.id }, n, `the ${region.name} region of ${country.name}`);
  }
  if (meeting.previous) {
    const prev = meeting.previous;
    n = a.say(`The meeting followed the previous round, ${prev.name}, ${whenWords(prev.start)}.`);
    a.cite(prev.fields, n, prev.name);
    a.relate({ type: 'PRECEDED', from: prev.id, to: meeting.id }, n, `The meeting followed the previous round, ${prev.name}`);
  }

  a.paragraph();
  for (const { actor, role } of meeting.participants) {
    const name = a.ref(actor);
    const sentence = rng.pick([
      `${name} attended as ${article(role)}.`,
      `${name} took part as ${article(role)}.`,
      `Also present was ${name}, as ${article(role)}.`,
      `${name} joined the ${meeting.short} as ${article(role)}.`,
    ]);
    n = a.say(sentence);
    a.cite(actor.fields, n, name);
    a.relate({ type: 'PARTICIPATED_IN', from: actor.fields.id, to: meeting.id, role }, n, withoutStop(sentence));
  }

  const people = meeting.participants.map((p) => p.actor).filter((actor) => actor.kind === 'PERSON');
  let backgrounds = 0;
  for (const person of people) {
    if (backgrounds >= 3) break;
    for (const holding of person.holdings) {
      if (backgrounds >= 3 || rng.chance(0.2)) continue;
      backgrounds += 1;
      const name = a.ref(person);
      const sentence = holding.until
        ? `${name} was ${holding.phrase} from ${dateWords(holding.since)} until ${dateWords(holding.until)}.`
        : `${name} has been ${holding.phrase} since ${dateWords(holding.since)}.`;
      n = a.say(sentence);
      a.cite(person.fields, n, name);
      a.cite(holding.position, n, holding.phrase);
      a.cite(holding.of.fields, n, holding.of.name);
      a.relate(
        { type: 'HOLDS', from: person.fields.id, to: holding.position.id, since: holding.since, ...(holding.until ? { until: holding.until } : {}) },
        n,
        withoutStop(sentence),
      );
      a.relate({ type: 'POSITION_OF', from: holding.position.id, to: holding.of.fields.id }, n, holding.phrase);
    }
  }
  let relations = 0;
  for (const person of people) {
    for (const relation of person.relations) {
      if (relations >= 2 || rng.chance(0.4)) continue;
      relations += 1;
      const name = a.ref(person);
      n = a.say(`${name} ${relation.phrase}.`);
      a.cite(person.fields, n, name);
      a.cite(relation.to.fields, n, relation.to.name);
      a.relate({ type: 'RELATED_TO', from: person.fields.id, to: relation.to.fields.id, relation: relation.relation }, n, `${name} ${relation.phrase}`);
    }
  }

  // Events come before the statements and stances so that those can be about them.
  const events: { fields: EntityFields; name: string }[] = [];
  const others = (not: Actor) => meeting.participants.map((p) => p.actor).filter((actor) => actor !== not);
  const someone = (not?: Actor): Actor => {
    const pool = not ? others(not) : meeting.participants.map((p) => p.actor);
    return pool.length && rng.chance(0.7) ? rng.pick(pool) : world.actors.sample(rng);
  };
  const eventCount = rng.chance(0.5) ? (rng.chance(0.3) ? 2 : 1) : 0;
  if (eventCount) a.paragraph();
  for (let e = 1; e <= eventCount; e += 1) {
    const where = rng.chance(0.6) ? rng.pick(city.country.place!.children.flatMap((r) => r.children)) : world.cities.sample(rng);
    const date = fuzzy(Math.max(FIRST_DAY - 30, meeting.day - rng.int(2, 60)), rng.chance(0.6) ? 'DAY' : 'MONTH', false);
    const id = `event:gen-${docKey}-${e}`;
    const kind = rng.pick(['STRIKE', 'PROTEST', 'CLASH', 'AGREEMENT'] as const);
    const x = someone();
    let y = someone(x);
    if (y === x) y = world.countries.find((c) => c !== x)!;
    const xn = a.ref(x);
    const yn = a.ref(y);
    let sentence: string;
    let name: string;
    if (kind === 'STRIKE') {
      name = `${where.name} drone strike`;
      sentence = `A drone strike by ${xn} hit ${where.name} ${whenWords(date)}.`;
    } else if (kind === 'PROTEST') {
      name = `${where.name} protests`;
      sentence = `Thousands protested against ${xn} in ${where.name} ${whenWords(date)}.`;
    } else if (kind === 'CLASH') {
      name = `${where.name} clashes`;
      sentence = `Forces of ${xn} and ${yn} clashed near ${where.name} ${whenWords(date)}.`;
    } else {
      name = `${where.name} accord`;
      sentence = `${xn} and ${yn} signed the ${where.name} accord during the ${meeting.short}.`;
    }
    const eventDate = kind === 'AGREEMENT' ? { ...meeting.start, inferred: true } : date;
    const fields: EntityFields = { id, type: 'Event', name, kind, date: eventDate, description: withoutStop(sentence) };
    n = a.say(sentence);
    a.cite(fields, n, withoutStop(sentence));
    a.cite(x.fields, n, xn);
    const roles = { STRIKE: ['attacker'], PROTEST: ['target'], CLASH: ['combatant', 'combatant'], AGREEMENT: ['signatory', 'signatory'] }[kind];
    a.relate({ type: 'INVOLVED_IN', from: x.fields.id, to: id, role: roles[0] }, n, xn);
    if (roles.length === 2) {
      a.cite(y.fields, n, yn);
      a.relate({ type: 'INVOLVED_IN', from: y.fields.id, to: id, role: roles[1] }, n, yn);
    }
    if (kind === 'AGREEMENT') {
      a.relate({ type: 'DURING', from: id, to: meeting.id }, n, `during the ${meeting.short}`);
    } else {
      a.cite(where.fields, n, where.name);
      a.relate({ type: 'OCCURRED_IN', from: id, to: where.fields.id }, n, where.name);
    }
    events.push({ fields, name });
  }

  a.paragraph();
  const places = [city, city.parent!, meeting.place.country.place!];
  const statements = rng.int(2, 6);
  for (let s = 1; s <= statements || (a.relationshipCount < 20 && s <= 12); s += 1) {
    const speakers = meeting.participants.map((p) => p.actor);
    const speaker = rng.pick(speakers.filter((x) => x.kind === 'PERSON').length && rng.chance(0.7) ? speakers.filter((x) => x.kind === 'PERSON') : speakers);
    const other = someone(speaker);
    const place = rng.chance(0.7) ? rng.pick(places) : world.cities.sample(rng);
    const topic = rng.chance(0.7) ? meeting.topic : rng.pick(TOPICS);
    const id = `statement:gen-${docKey}-${s}`;
    const speakerName = a.ref(speaker);
    const otherName = other === speaker ? '' : a.ref(other);
    const event = events.length && rng.chance(0.3) ? rng.pick(events) : undefined;
    let text: string;
    let about: { fields: EntityFields; words: string } | undefined;
    let mentions = false;
    const quote = rng.chance(0.6);
    const choice = rng.int(0, 3);
    if (quote) {
      if (event) [text, about] = [`The ${event.name} changed nothing at this table`, { fields: event.fields, words: event.name }];
      else if (choice === 0 || !otherName)
        [text, about] = [`We will not accept any deal on ${topic} that ignores ${place.name}`, { fields: place.fields, words: place.name }];
      else if (choice === 1) [text, mentions] = [`${otherName} must keep its promises on ${topic}`, true];
      else if (choice === 2)
        [text, mentions, about] = [
          `Our discussions with ${otherName} at ${meeting.short === 'talks' ? 'these' : 'this'} ${meeting.short} were frank and useful`,
          true,
          { fields: meeting.fields, words: meeting.short },
        ];
      else [text, mentions] = [`There can be no ${topic} agreement without ${otherName}`, true];
    } else if (choice === 0 || !otherName) [text, about] = [`talks on ${topic} would resume in ${place.name}`, { fields: place.fields, words: place.name }];
    else if (choice === 1)
      [text, mentions, about] = [`${otherName} had broken the ${topic} agreement near ${place.name}`, true, { fields: place.fields, words: place.name }];
    else [text, mentions] = [`${otherName} was ready to discuss ${topic}`, true];

    const during = rng.chance(0.6);
    const agency = !quote && rng.chance(0.35) ? rng.pick(world.agencies) : undefined;
    const agencyName = agency ? a.ref(agency) : '';
    const said = quote
      ? `“${text},” ${speakerName} said${during ? ` during the ${meeting.short}` : ''}`
      : `${speakerName} said${during ? ` during the ${meeting.short}` : ''} that ${text}`;
    n = a.say(agency ? `According to the ${agencyName}, ${said}.` : `${said}.`);
    const datePrecision =
      meeting.start.precision === 'DAY' && rng.chance(0.5) ? 'DAY' : meeting.start.precision === 'YEAR' || rng.chance(0.3) ? 'YEAR' : 'MONTH';
    a.cite({ id, type: 'Statement', text, kind: quote ? 'QUOTE' : 'REPORTED', topics: [topic], date: fuzzy(meeting.day, datePrecision, true) }, n, text);
    a.cite(speaker.fields, n, speakerName);
    a.relate({ type: 'SAID', from: speaker.fields.id, to: id }, n, said);
    if (during) a.relate({ type: 'DURING', from: id, to: meeting.id }, n, `said during the ${meeting.short}`);
    if (agency) {
      a.cite(agency.fields, n, agencyName);
      a.relate({ type: 'REPORTED', from: agency.fields.id, to: id }, n, `According to the ${agencyName}`);
    }
    if (mentions) {
      a.cite(other.fields, n, otherName);
      a.relate({ type: 'MENTIONS', from: id, to: other.fields.id }, n, otherName);
    }
    if (about) {
      a.cite(about.fields, n, about.words);
      a.relate({ type: 'ABOUT', from: id, to: about.fields.id }, n, about.words);
    }
  }

  const stances = rng.chance(0.85) ? (rng.chance(0.35) ? 2 : 1) : 0;
  for (let s = 1; s <= stances; s += 1) {
    const holder = rng.pick(meeting.participants).actor;
    const target = someone(holder);
    const place = rng.pick(places);
    const h = a.ref(holder);
    const t = target === holder ? a.ref(world.countries.find((c) => c !== holder)!) : a.ref(target);
    const targetActor = target === holder ? world.countries.find((c) => c !== holder)! : target;
    const event = events.length && rng.chance(0.4) ? rng.pick(events) : undefined;
    const choice = rng.int(0, 3);
    let stance: string;
    let topic: string;
    let sentence: string;
    let about: { fields: EntityFields; words: string };
    if (event)
      [stance, topic, sentence, about] = [
        'CONDEMNS',
        String((event.fields as { kind?: string }).kind).toLowerCase(),
        `${h} condemns the ${event.name}.`,
        { fields: event.fields, words: event.name },
      ];
    else if (choice === 0)
      [stance, topic, sentence, about] = [
        'DEMANDS',
        'troop withdrawal',
        `${h} demands the withdrawal of ${t}’s forces from ${place.name}.`,
        { fields: place.fields, words: place.name },
      ];
    else if (choice === 1)
      [stance, topic, sentence, about] = [
        'REJECTS',
        `${meeting.topic} mediation`,
        `${h} rejects any role for ${t} in the ${meeting.topic} talks.`,
        { fields: targetActor.fields, words: t },
      ];
    else if (choice === 2)
      [stance, topic, sentence, about] = [
        'SUPPORTS',
        meeting.topic,
        `${h} supports a ${meeting.topic} deal that includes ${place.name}.`,
        { fields: place.fields, words: place.name },
      ];
    else [stance, topic, sentence, about] = ['OPPOSES', 'sanctions', `${h} opposes new sanctions on ${t}.`, { fields: targetActor.fields, words: t }];
    const id = `stance:gen-${docKey}-${s}`;
    n = a.say(sentence);
    a.cite({ id, type: 'Stance', topic, stance, summary: sentence }, n, withoutStop(sentence));
    a.cite(holder.fields, n, h);
    a.relate({ type: 'TAKES_STANCE', from: holder.fields.id, to: id }, n, `${h} ${stance.toLowerCase()}`);
    a.cite(about.fields, n, about.words);
    a.relate({ type: 'ABOUT', from: id, to: about.fields.id }, n, about.words);
  }

  if (meeting.outcome) {
    n = a.say(`The ${meeting.short} ${meeting.outcome}.`);
    a.cite(meeting.fields, n, withoutStop(`The ${meeting.short} ${meeting.outcome}.`));
  }
  if (rng.chance(0.3)) {
    const photographer = rng.pick(world.photographers);
    const agency = rng.pick(world.agencies);
    a.paragraph();
    const credit = `Photograph by ${photographer.name}/${agency.name}`;
    n = a.say(credit);
    a.sourceEvidence.push({ sentence: n, excerpt: credit });
    a.cite(photographer.fields, n, photographer.name);
    a.relate({ type: 'CREDITS', from: sourceId, to: photographer.fields.id, role: 'photographer' }, n, `Photograph by ${photographer.name}`);
  }

  const published = fuzzy(Math.min(LAST_DAY + 14, meeting.day + rng.int(0, 2) + (meeting.end ? 3 : 0)), 'DAY', false);
  return a.build({
    id: sourceId,
    title: `${meeting.name}: ${lead.actor.name} and ${second?.actor.name ?? 'allies'} meet in ${city.name}`,
    publisher: rng.pick(world.publishers),
    url: `https://news.example/generated/${at.seed}/${at.index}`,
    publishedDate: published,
  });
}
