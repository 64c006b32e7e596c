/**
 * Finding mentions of people, organisations, groups and places in one sentence. A name is a run of
 * capitalised words (joined by single spaces, "of" allowed inside, a possessive ending the run);
 * the gazetteer names countries, and compromise's tags say whether the rest is a person, an
 * organisation or a place. What the rules cannot type is kept as a "maybe" mention, which counts
 * only if it names an entity found elsewhere (a surname at the start of a sentence, say).
 */
import {
  COUNTRIES,
  type CountryEntry,
  type CountryVia,
  INSTITUTIONS,
  lookupCountry,
  MAX_GAZETTEER_WORDS,
  KNOWN_GROUPS,
  NEWS_ORGANISATIONS,
  REGION_DEMONYMS,
} from './gazetteer';
import { isNameTitleAbbreviation, isOfficeNoun, KINSHIP, SPEECH_VERB_PATTERN, SPEECH_VERBS } from './lexicon';
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
  /** For an institution named for its seat ("the Kremlin"): the country whose government it stands for. */
  standsFor?: string;
  /** The rule that typed the mention (see `classifyRun` and `typeName`). */
  rule?: string;
  /** A short title written right before a person's name ("CM" in "CM Chouhan"), which may stand for them alone. */
  title?: string;
}

const HONORIFICS = new Set([
  'president',
  'prime',
  'minister',
  'foreign',
  'secretary',
  'mr',
  'mrs',
  'ms',
  'dr',
  'sir',
  'dame',
  'lord',
  'senator',
  'general',
  'chancellor',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'sheikh',
  'honourable',
  'honorable',
  'counsellor',
  // Ranks, written out or cut short ("Col. Dipak Gurung", "Lt. Gen. Ann Smith").
  'col',
  'colonel',
  'lt',
  'lieutenant',
  'maj',
  'capt',
  'captain',
  'sgt',
  'sergeant',
  'brig',
  'brigadier',
  'cmdr',
  'adm',
  'admiral',
  'cpl',
  'corporal',
  'supt',
  'insp',
  'gov',
  'sen',
  'rep',
  'governor',
  'mayor',
  // Honorifics of Myanmar, Malaysia and Nigeria ("Daw Aung San Suu Kyi", "Tun Dr Mahathir Mohamad",
  // "Datuk Seri Anwar", "Alhaji Musa"); "Tan Sri" and "Puan Sri" below.
  'daw',
  'tun',
  'datuk',
  'dato',
  'datin',
  'puan',
  'haji',
  'hajjah',
  'alhaji',
  'ambassador',
  'envoy',
  'judge',
  'colonel',
  'admiral',
  'gen',
  'hh',
  'rtd',
  'mentri',
  'besar',
]);
const DETERMINERS = new Set(['The', 'A', 'An']);
/** Pronouns a tagger may take for a name when they open a sentence ("They agreed"). */
const PRONOUNS = new Set(['I', 'We', 'They', 'She', 'It', 'You', 'This', 'That', 'These', 'Those']); // not "He": a family name (He Lifeng)
/** Letters written after a person's name: a seat or an honour, not a name ("Jane Doe MP"). */
const POST_NOMINALS = new Set(['MP', 'MPs', 'MEP', 'MEPs', 'MSP', 'MLA', 'TD', 'QC', 'KC', 'OBE', 'CBE', 'MBE', 'KBE']);
/** Titles written short that may stand alone for the one person the text gives them ("CM said"). */
export const SHORT_TITLE = /^(?:PM|CM|FM)$/;
const SHORT_TITLE_BEFORE = /\b(PM|CM|FM)\s+$/;
/** Kenya's "CS" (cabinet secretary), "DP" (deputy president) and "CJ" (chief justice) before a name; alone they may be other bodies' initials. */
const SHORT_TITLE_BEFORE_NAME = /^(?:CS|DP|CJ)$/;
/** Chambers of a parliament that open what is left of a run after a title ("Chairman Senate X"). */
const CHAMBER =
  /^(?:the )?(?:Senate|National Assembly|Parliament|House of Representatives|House of Commons|House of Lords|Lok Sabha|Rajya Sabha|Duma|State Duma|Majlis|Knesset|Congress|Bundestag|Storting) /;
/** Currencies written short before an amount ("Rs 1.75", "RM44 billion", "Ksh 2,000"). */
const CURRENCY = /^(?:Rs|RM|Tk|Ksh|KSh|Sh|Rp|INR|PKR|USD|EUR|GBP|GH¢|N)\.?$/;
/** Last words that make a capitalised name an organisation ("Getty Images", "Associated Press"). */
const ORG_SUFFIXES = new Set([
  'Police',
  'Watch',
  'Force',
  'Airforce',
  'Images',
  'Press',
  'Agency',
  'News',
  'Media',
  'Times',
  'Post',
  'Journal',
  'Group',
  'Inc',
  'Ltd',
  'Corp',
  'Corporation',
  'Company',
  'Bank',
  'Council',
  'Ministry',
  'Party',
  'Committee',
  'Union',
  'Organisation',
  'Organization',
  'Institute',
  'University',
  'Foundation',
  'Commission',
  'Parliament',
  'Assembly',
  'Office',
  'Department',
  'Service',
  'Army',
  'Navy',
  'Guard',
  'Observatory',
  'Board',
  'Bureau',
  'Authority',
  'Court',
  'Democrats',
  'Republicans',
  'Conservatives',
  'Instruments',
  'Semiconductor',
  'Semiconductors',
  'Systems',
  'Communications',
  'Industries',
  'Holdings',
  'Technologies',
  'Airlines',
  'Airways',
  'Motors',
  'Helmets',
  'Reserve',
  'Exchange',
  'Association',
  'Federation',
  'Fund',
  'Forum',
  'Rights',
  'Novosti',
]);
/** First words that make a name with "of" an organisation ("Bank of America", "Ministry of Defence"). */
/** Countries that are also given names ("Chad Wolf", "Jordan Peterson"). */
const GIVEN_NAME_COUNTRIES = new Set(['Chad', 'Jordan', 'Georgia']);
const ORG_HEADS = new Set([
  'Bank',
  'Ministry',
  'Department',
  'Council',
  'Board',
  'Office',
  'Commission',
  'University',
  'Institute',
  'Bureau',
  'Agency',
  'Court',
  'Supreme',
  'Federal',
  'Central',
  'Organisation',
  'Organization',
  'Union',
  'League',
  'Church',
  'House',
  'Senate',
  'Parliament',
  'Committee',
]);
/** Legal forms after a company name; the name goes without them ("Qualcomm Inc." is Qualcomm). */
const LEGAL_FORMS = new Set(['Inc', 'Corp', 'Ltd', 'SA', 'AG', 'plc', 'Plc', 'PLC', 'N.V.', 'NV', 'LLC', 'GmbH', 'SpA', 'Co']);
/** Last words, and nouns right after a name, that make it an armed or political group. */
const GROUP_SUFFIXES = new Set(['Front', 'Brigade', 'Brigades', 'Militia', 'Movement', 'Alliance']);
const GROUP_AFTER =
  /^\s+(?:(?:rebel|armed|militant|jihadist|islamist|opposition|separatist)\s+)?(?:alliance|faction|militia|movement|rebels|fighters|insurgents)\b/;
/** Words of a title before a name ("Qualcomm Chief Executive Steve Mollenkopf", "General Staff Chief Andrey Gnatov"). */
const TITLE_WORDS = new Set([
  'ceo',
  'cfo',
  'coo',
  'fm',
  'pm',
  'cm',
  'md',
  'chairman',
  'chairwoman',
  'chief',
  'staff',
  'state',
  'executive',
  'deputy',
  'vice',
  'foreign',
  'defence',
  'defense',
  'education',
  'interior',
  'finance',
  'health',
  'justice',
  'trade',
  'special',
  'secretary',
  'attorney',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'acting',
  'former',
  'first',
  'lady',
  'speaker',
  'officer',
  'operating',
  'financial',
]);
/** Particles inside names: "Tahrir al Sham", "Abdullah bin Zayed Al Nahyan", "Ursula von der Leyen", "Joaquim Silva e Luna". */
const PARTICLES = new Set([
  'e',
  'al',
  'el',
  'es',
  'bin',
  'ibn',
  'bint',
  'ben',
  'de',
  'da',
  'di',
  'del',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'du',
  'dos',
  'das',
  'ul',
]);
/** Words of a state's form, which no person's name has ("President of the Republic of Ghana"). */
const STATE_FORMS = /^(?:Republic|Kingdom|Federation|Union|Emirates?|Confederation|Sultanate|Commonwealth|Principality)$/;
/** Plural nouns that turn a demonym into a group of people or states ("Russian officials"). */
const GROUP_NOUNS =
  'officials|forces|troops|negotiators|diplomats|delegations?|soldiers|leaders|authorities|countries|nations|governments|lawmakers|politicians|ministers|allies|partners|citizens|civilians|residents|prosecutors|investigators';
const QUANTIFIERS = 'Some|Several|Many|Most|Other|Few|All|Two|Three|Four';
const COMPASS = 'northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western';

const hasTag = (t: Token, ...tags: string[]) => tags.some((tag) => t.tags.has(tag));

/** Function words that open a clause, capitalised there. */
const OPENING_WORDS =
  /^(?:As|At|In|On|For|With|By|From|If|When|While|After|Before|But|And|Or|So|Yet|Since|Because|Although|Though|Under|Over|Into|To|Unlike|Despite|During|Without|Until|Once|Where|Whether)$/;

/** True when the token starts the sentence or a quoted or new clause, where any word is capitalised. */
function weakPosition(t: Token): boolean {
  return t.index === 0 || /[“"‘(:?!.]\s*$/.test(t.gap) || /^[“"‘(]/.test(t.gap.trim());
}

/** What the caller knows about the sentence and its text. */
export interface SentenceOptions {
  /** A headline capitalises every word: its names count only where they name an entity found elsewhere. */
  headline?: boolean;
  /** The sentence starts a paragraph, where a dateline may stand ("BEIRUT:", "NEW YORK (AA) –"). */
  paragraphStart?: boolean;
  /** Names the whole text shows to be organisations ("shares in Veolia"); see `documentCues`. */
  organisations?: ReadonlySet<string>;
  /** One-word names the whole text shows to be people ("Lavrov said"); see `documentCues`. */
  persons?: ReadonlySet<string>;
  /** Institutions that speak in the text by a noun alone ("the defence ministry said"); see `documentCues`. */
  institutions?: ReadonlySet<string>;
}

/** What the text around a sentence says about names, for the sentence being read. */
let context: { orgs: ReadonlySet<string>; persons: ReadonlySet<string>; institutions: ReadonlySet<string> } = {
  orgs: new Set(),
  persons: new Set(),
  institutions: new Set(),
};

/** Nouns for a business, which a name may follow ("carmaker Geely") or be set off as ("Foxconn, the Taiwanese giant"). */
const TRADE_NOUNS =
  'firm|company|maker|manufacturer|producer|giant|retailer|carrier|lender|insurer|miner|conglomerate|supplier|chain|operator|developer|start-?up|telecoms?|automaker|carmaker|drugmaker|chipmaker|bank|charity|watchdog|regulator|broadcaster';
const NAME = String.raw`\p{Lu}[\p{L}\p{N}&’'-]*(?:\s\p{Lu}[\p{L}\p{N}&’'-]*)*`;
const ORG_CUES_BEFORE = new RegExp(
  String.raw`\b(?:[Ss]hares (?:of|in)|[Bb]uy|[Aa]cquire[sd]?|[Ss]take in|[Mm]erger with|[Tt]akeover of|[Bb]id for|acquired by|advis(?:ing|ors? to|ers? to)|-based|-listed|-headquartered|subsidiary of|unit of|` +
    // "a militia called Tripoli Revolutionaries", "a party known as X".
    // ("the party named Anna Berg as its candidate" names a person: only "a … called".)
    String.raw`\b[Aa]n?\s+(?:[\p{Ll}-]+\s+){0,2}(?:militia|group|faction|movement|party|coalition|alliance|company|firm|union|organi[sz]ation)\s+(?:called|known\s+as)|` +
    // "pharmaceutical firm Eli Lilly", "specialty glass maker Corning": the trade's noun before the name.
    String.raw`(?<![A-Z][\p{L}]*\s)(?:${TRADE_NOUNS}|union)|` +
    // "Terry Guo, chairman of Foxconn".
    String.raw`\b(?:chairman|chairwoman|chief executive|CEO|founder|co-founder) of)\s+(${NAME})`,
  'gu',
);
const ORG_CUES_AFTER = new RegExp(
  String.raw`(${NAME})(?:['’]s?)?\s+(?:shares|stock|board|boards|CEO|[Cc]hief [Ee]xecutive|[Cc]hairman|Inc|Corp|SA|AG|plc|N\.V\.|closing price|revenues?|advances|surged|climbed|rose|fell)\b|` +
    // "the dispute between Ryanair and its pilots": a person has "his" or "her" people.
    String.raw`(?<=\b(?:between|of|for|with|against)\s)(${NAME})\s+and\s+its\b`,
  'gu',
);
const PERSON_CUES = new RegExp(
  String.raw`(?:^|[\s“"”,])(?<!\p{Lu}[\p{L}.]*\s|\b[Tt]he\s)(\p{Lu}\p{Ll}+)\s+(?:(?:also|later|then|earlier|previously|again|further|separately)\s+)?(?:${SPEECH_VERBS.join('|')}|stressed|congratulated|emphasised|affirmed)\b|\b(?:said|says|added|told)\s+(\p{Lu}\p{Ll}+)[.,]`,
  'gu',
);

/**
 * Names the whole text types: an organisation where it is bought, rivals, has shares, a board or a
 * chief executive ("Shares in Veolia", "Airgas' closing price", "Paris-based Suez"); a one-word
 * person where it says or adds things ("Lavrov said", "said Price."), unless it is an organisation.
 */
export function documentCues(text: string): { organisations: Set<string>; persons: Set<string>; institutions: Set<string> } {
  const organisations = new Set<string>();
  // ("Saudi-listed Tasnee": the name without its modifier; "Corning GLW.N": without its ticker.)
  for (const m of text.matchAll(ORG_CUES_BEFORE)) {
    let name = m[1].replace(/^\p{Lu}[\p{L}.]*-\p{Ll}+\s+/u, '');
    if (/^\.\p{Lu}{1,2}\b/u.test(text.slice(m.index + m[0].length))) name = name.replace(/\s\p{Lu}{1,5}$/u, '');
    organisations.add(trimName(name));
  }
  for (const m of text.matchAll(ORG_CUES_AFTER)) organisations.add(trimName(m[1] ?? m[2]));
  // "Cristal, a subsidiary of Tasnee", "Foxconn, the Taiwanese manufacturing giant", "Micron
  // Technology, a US firm": a name set off as a subsidiary, a company or a trade's business (not
  // "Smith, a former bank executive").
  for (const m of text.matchAll(
    new RegExp(
      String.raw`(${NAME}),\s+(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,2}?(?:subsidiary|unit|division|${TRADE_NOUNS})\b(?!['’]|-|\s+(?:[\p{Ll}-]+\s+)?(?:executive|official|chief|analyst|manager|worker|employee|economist|spokes(?:man|woman|person)|director|chairman|boss|head|lawyer|source|union)s?\b)`,
      'gu',
    ),
  ))
    organisations.add(trimName(m[1]));
  // "Goldman Sachs and Bank of America are acting as financial advisors", "Barclays and BNP Paribas are advising".
  // (A list of at most ten before "and": an unbounded one is tried again from each of its names.)
  for (const m of text.matchAll(
    new RegExp(
      String.raw`(${NAME}(?:,\s${NAME}){0,9}(?:,?\sand\s${NAME})?)\s+(?:are|is|were|was)\s+(?:acting\s+as\s+)?(?:(?:financial|legal|lead)\s+)?advis`,
      'gu',
    ),
  )) {
    for (const name of m[1].split(/,\s|,?\sand\s/)) organisations.add(trimName(name));
  }
  for (const o of [...organisations]) if (lookupCountry(o) || DETERMINERS.has(o) || /^(?:The|He|She|It|They|Shares)$/.test(o)) organisations.delete(o);
  const persons = new Set<string>();
  for (const m of text.matchAll(PERSON_CUES)) {
    const name = m[1] ?? m[2];
    if (
      !organisations.has(name) &&
      !lookupCountry(name) &&
      !NEWS_ORGANISATIONS.has(name) &&
      !INSTITUTIONS.has(name) &&
      !ORG_SUFFIXES.has(name) &&
      !GROUP_SUFFIXES.has(name) &&
      !/^(?:The|He|She|It|They|This|That|We|I|But|And|Officials|Critics)$/.test(name)
    ) {
      persons.add(name);
    }
  }
  return { organisations, persons, institutions: unnamedInstitutions(text) };
}

/** Whether `at` lies inside a quotation that opens before it in its paragraph (“…” or "…"). */
function insideQuote(text: string, at: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', at) + 1, at);
  const count = (re: RegExp) => before.match(re)?.length ?? 0;
  return count(/“/g) > count(/”/g) || count(/"/g) % 2 === 1;
}

/** State institutions that may speak by a noun alone, longest first ("the defence ministry said"). */
const BARE_INSTITUTION =
  '(?:foreign|defen[cs]e|interior|health|finance) ministry|ministry|foreign office|(?:armed|security) forces|army|military|police|government|presidency|embassy|press service|cabinet|junta';

/** "the <noun> (also) said": one of `nouns` (a regex alternative) as the subject of a verb of saying. */
const institutionSpeaking = (nouns: string) => new RegExp(`\\b[Tt]he (${nouns}) (?:(?:also|has|had|later|further) )*(?:${SPEECH_VERB_PATTERN})\\b`, 'g');

/**
 * "“…,” the defence ministry said", "the army said" in a text that names no ministry or army (no
 * "Ministry", no "Pakistan's army", no "Indian defence ministry"): the institution speaks by that
 * noun alone, and it is an organisation of that name. Where the text names one, the noun is that one.
 */
function unnamedInstitutions(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(institutionSpeaking(BARE_INSTITUTION))) {
    if (insideQuote(text, m.index)) continue;
    const head = m[1].split(' ').pop()!;
    const capital = head[0].toUpperCase() + head.slice(1);
    const named = new RegExp(`(?<![.!?”"]\\s|^)\\b${capital}\\b|(?!(?:The|A|An)\\b)\\p{Lu}[\\p{L}.]*(?:['’]s?)? (?:(?!the )\\p{Ll}+ )?${head}\\b`, 'u');
    if (!named.test(text)) out.add(m[1]);
  }
  // "the defence ministry said … the ministry added": the longer noun is the institution meant.
  for (const noun of out) if ([...out].some((other) => other !== noun && other.endsWith(` ${noun}`))) out.delete(noun);
  return out;
}

function trimName(name: string): string {
  const words = name.replace(/['’]s?$/, '').split(/\s+/);
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1].replace(/\.$/, ''))) words.pop();
  return words.join(' ').replace(/\.$/, '');
}

/** First words of a paragraph that end in a colon or dash without being a dateline. */
const DATELINE_STOP = new Set([
  'source',
  'sources',
  'copyright',
  'update',
  'updated',
  'urgent',
  'breaking',
  'photo',
  'editing',
  'reporting',
  'by',
  'note',
  'related',
  'read',
  'watch',
  'exclusive',
  'analysis',
  'opinion',
  'comment',
  'video',
  'live',
  'quotes',
  'key',
]);

/** A name written in capitals as names are written: "NEW YORK" → "New York". */
const titleCase = (words: string) => words.toLowerCase().replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());

/**
 * A dateline at the start of a paragraph: "BEIRUT:", "NEW YORK (AA) –", "Seoul, February 16 (QNA) -",
 * "Tal Tamr, Syria, Oct 18, 2019 (AFP) -". Its place is a city; the agency in brackets is typed as usual.
 */
function dateline(sentence: number, text: string, tokens: Token[]): Mention | undefined {
  // ("LONDON, September 21. /TASS/. It is ...": an agency's dateline between slashes.)
  // "MOSCOW (UrduPoint News / Sputnik - 19th December, 2019) Russian …", "ANKARA- Anadolu Agency":
  // a capital in capitals opening the paragraph is the dateline, whatever follows it.
  const capital = /^(\p{Lu}{4,}(?:\s\p{Lu}{3,}){0,2})(?=\s*[(,–—-])/u.exec(text)?.[1];
  const titled = capital && titleCase(capital);
  const known = titled ? lookupCountry(titled) : undefined;
  if (capital && titled && known?.via === 'capital')
    return {
      sentence,
      start: 0,
      end: capital.length,
      text: capital,
      name: titled,
      kind: 'city',
      possessive: false,
      words: capital.split(' ').length,
      rule: 'dateline',
      country: known.country,
      via: known.via,
    };
  const m =
    /^((?:\p{Lu}[\p{L}'’.-]*)(?:\s\p{Lu}[\p{L}'’.-]*){0,3})(?:,\s[^():–—\n]{1,40}?)?\s*(?:\([^)]{1,30}\))?\s*(?::|\s?[–—-](?=\s)|\.?\s*\/[\p{L}\s-]{1,20}\/\.?)(?:\s|$)/u.exec(
      text,
    );
  if (!m) return undefined;
  const words = tokens.filter((t) => t.end <= m[1].length);
  if (!words.length || words.some((t) => hasTag(t, 'Pronoun', 'Determiner', 'Conjunction', 'Preposition'))) return undefined;
  if (words.some((t) => DATELINE_STOP.has(t.word.toLowerCase()) || (hasTag(t, 'Adjective') && !hasTag(t, 'Place')))) return undefined;
  if (text.slice(m[0].length) && !/^[\p{Lu}\p{N}“"‘(]/u.test(text.slice(m[0].length))) return undefined; // "NOTE: not a report" is no dateline
  // "Dahl: “We are ready”" introduces a quote: a dateline is in capitals ("BEIRUT:") or names a place.
  if (
    /^[“"‘«]/u.test(text.slice(m[0].length)) &&
    /:\s$/.test(m[0]) &&
    !/^[\p{Lu}\s.'’-]+$/u.test(m[1]) &&
    !lookupCountry(m[1]) &&
    !words.some((t) => hasTag(t, 'Place'))
  )
    return undefined;
  const surface = text.slice(0, words[words.length - 1].end);
  const name = /^[\p{Lu}\s.'’-]+$/u.test(surface) && surface.length > 3 ? titleCase(surface) : surface;
  const hit = lookupCountry(surface);
  if (hit?.via === 'name')
    return {
      sentence,
      start: 0,
      end: surface.length,
      text: surface,
      name: hit.country.name,
      kind: 'country',
      country: hit.country,
      via: 'name',
      possessive: false,
      words: words.length,
      rule: 'dateline',
    };
  return {
    sentence,
    start: 0,
    end: surface.length,
    text: surface,
    name,
    kind: 'city',
    possessive: false,
    words: words.length,
    rule: 'dateline',
    ...(hit ? { country: hit.country, via: hit.via } : {}),
  };
}

/**
 * A run joined by "and" or "for" is one name only when it ends like an organisation ("Justice and
 * Development Party", "Syrian Observatory for Human Rights"); otherwise it is split there ("Russia and
 * Ukraine", "Holborn and St Pancras" stays whole as a constituency only through its capitals).
 */
function splitJoined(run: Token[]): Token[][] {
  if (!run.some((t) => t.word === 'and' || t.word === 'for')) return [run];
  const last = run[run.length - 1];
  const joiner = run.findIndex((t) => t.word === 'and' || t.word === 'for');
  // One word before "and", after a leading "The" or demonym ("the British Foreign and Commonwealth Office").
  let lead = 0;
  while (lead < joiner && (run[lead].word === 'The' || hasTag(run[lead], 'Demonym') || lookupCountry(run[lead].word)?.via === 'demonym')) lead += 1;
  const oneEachSide = run.filter((t) => t.word === 'and').length <= 1 && (run[joiner].word === 'for' || (joiner === 1 + lead && run.length - joiner - 1 <= 3));
  if (ORG_SUFFIXES.has(last.word) && !last.possessive && oneEachSide && !context.orgs.has(run[0].word)) return [run];
  // "Ministry of Industry and Trade", "Department of Agriculture and Food": one word after "and" ends
  // the portfolio of a ministry or department.
  if (
    /^(?:Ministry|Department)$/.test(run[lead].word) &&
    run[lead + 1]?.word === 'of' &&
    run[run.length - 2]?.word === 'and' &&
    !hasTag(last, 'Person', 'Organization', 'Place', 'Country')
  )
    return [run];
  const out: Token[][] = [];
  let piece: Token[] = [];
  for (const t of run) {
    if (t.word === 'and' || t.word === 'for') {
      if (piece.length) out.push(piece);
      piece = [];
    } else piece.push(t);
  }
  if (piece.length) out.push(piece);
  return out
    .map((p) => {
      while (p.length && !p[p.length - 1].capitalised) p = p.slice(0, -1);
      return p;
    })
    .filter((p) => p.length);
}

/** Finds the mentions in sentence number `sentence` whose text is `text`. */
export function findMentions(sentence: number, text: string, options: SentenceOptions = {}): Mention[] {
  let tokens = tokenize(text);
  const mentions: Mention[] = [];
  if (options.paragraphStart) {
    const place = dateline(sentence, text, tokens);
    if (place) {
      mentions.push(place);
      tokens = tokens.map((t) => (t.start < place.end ? { ...t, capitalised: false } : t));
    }
  }
  context = { orgs: options.organisations ?? new Set(), persons: options.persons ?? new Set(), institutions: options.institutions ?? new Set() };
  for (const run of capitalisedRuns(tokens).flatMap((r) => withoutTicker(text, r)))
    mentions.push(...splitJoined(run).flatMap((r) => classifyRun(sentence, text, tokens, r)));
  mentions.push(
    ...groupMentions(sentence, text),
    ...institutionMentions(sentence, text),
    ...areaMentions(sentence, text),
    ...geographyMentions(sentence, text),
    ...siteMentions(sentence, text),
  );
  const found = placesInLists(
    text,
    dropOverlaps(mentions).sort((a, b) => a.start - b.start),
  );
  for (const m of found) {
    const short = m.kind === 'person' || m.kind === 'maybe' ? SHORT_TITLE_BEFORE.exec(text.slice(0, m.start)) : null;
    if (short) m.title = short[1];
  }
  if (!options.headline) return found.filter((m) => !titleOnly(m));
  return found.map((m) => (m.kind === 'country' || m.kind === 'demonym' ? m : { ...m, kind: 'maybe' as const }));
}

/**
 * "in Kathmandu, Lalitpur and Bhaktapur": an untyped name in a list with a town or place is one
 * too (a list joined by commas and one "and" or "or").
 */
function placesInLists(text: string, mentions: Mention[]): Mention[] {
  const out = [...mentions];
  let i = 0;
  while (i < out.length) {
    let j = i;
    // (A wire report's ticker may follow each name: "Apple AAPL.O, Pfizer PFE.N and Cargill".)
    while (j + 1 < out.length && /^(?:\s+\p{Lu}{1,5}\.\p{Lu}{1,2})?(?:,\s+|,?\s+(?:and|or)\s+)$/u.test(text.slice(out[j].end, out[j + 1].start))) j += 1;
    const list = out.slice(i, j + 1);
    const place = list.find((m) => m.kind === 'city' || m.kind === 'place');
    // "the heads of Apple, Pfizer, Mastercard and Cargill": companies listed with a company.
    const companies = list.some((m) => m.kind === 'organization') && !list.some((m) => m.kind === 'person' || m.kind === 'country');
    for (let k = i; k <= j && list.length > 2; k += 1) {
      if (out[k].kind !== 'maybe') continue;
      if (place) out[k] = { ...out[k], kind: place.kind, placeKind: place.placeKind, rule: 'place-list' };
      else if (companies) out[k] = { ...out[k], kind: 'organization', rule: 'organisation-list' };
    }
    i = j + 1;
  }
  return out;
}

/** A person or untyped mention that is only titles or a date ("Crown Prince", "General", "August"): no one. */
function titleOnly(m: Mention): boolean {
  if (m.kind !== 'person' && m.kind !== 'maybe') return false;
  const words = m.text.split(/[\s.]+/).filter(Boolean);
  return words.every(
    (w) =>
      HONORIFICS.has(w.toLowerCase()) ||
      /^(?:Crown|Highness|Excellency|January|February|March|April|June|July|August|September|October|November|December)$/.test(w),
  );
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
    const previous = run[run.length - 1];
    // "Mark V. Hurd", "Mr. Dahl": an initial or a title with its stop goes on with the name.
    // ("First Pacific Co. Ltd.": a legal form with its stop goes on with another.)
    const afterStop =
      !!previous &&
      t.gap === '. ' &&
      t.capitalised &&
      (/^\p{Lu}$/u.test(previous.word) || isNameTitleAbbreviation(previous.word) || (LEGAL_FORMS.has(previous.word) && LEGAL_FORMS.has(t.word)));
    const joins =
      run.length > 0 &&
      // "Mahindra & Mahindra", "Procter & Gamble": an ampersand joins a company's name.
      (t.gap === ' ' || afterStop || (t.gap === ' & ' && t.capitalised) || pluralPossessiveName(tokens, t)) &&
      !run[run.length - 1].modifier && // "California-based HP", "Mumbai-listed Vedanta": the modifier ends there
      (!run[run.length - 1].possessive || (t.capitalised && (ORG_SUFFIXES.has(t.word) || peoplesName(tokens, run[run.length - 1]))));
    if (t.capitalised) {
      if (!joins) close();
      run.push(t);
    } else if (joins && (t.word === 'of' || t.word === 'and' || t.word === 'for' || PARTICLES.has(t.word)) && run[run.length - 1].capitalised) {
      run.push(t);
    } else if (joins && t.word === 'the' && run[run.length - 1].word === 'of') {
      run.push(t); // "Ministry of Foreign Affairs of the Russian Federation"
    } else close();
    // "Republican People's Party": a possessive inside an organisation's name does not end it.
    const next = tokens[t.index + 1];
    if (t.possessive && !(next && next.capitalised && next.gap === ' ' && (ORG_SUFFIXES.has(next.word) || peoplesName(tokens, t)))) close();
  }
  close();
  return runs;
}

/**
 * A plural possessive inside an organisation's name, its mark left in the gap: "Irish Air Line
 * Pilots’ Association", "Peoples' Democratic Party", "Workers' Party".
 */
function pluralPossessiveName(tokens: Token[], t: Token): boolean {
  const before = tokens[t.index - 1];
  if (!before?.capitalised || !/s$/.test(before.word) || !/^['’] $/.test(t.gap)) return false;
  for (const next of tokens.slice(t.index, t.index + 3)) {
    if (!next.capitalised || (next !== t && next.gap !== ' ')) return false;
    if (ORG_SUFFIXES.has(next.word) || /^(?:Congress|Front|Movement|Alliance|Liberation)$/.test(next.word)) return true;
  }
  return false;
}

/** "People’s" inside an organisation's name: "People’s Democratic Party", "National People’s Congress". */
function peoplesName(tokens: Token[], possessive: Token): boolean {
  if (possessive.word !== 'People') return false;
  const after = tokens.slice(possessive.index + 1, possessive.index + 4);
  for (const t of after) {
    if (!t.capitalised || t.gap !== ' ') return false;
    if (ORG_SUFFIXES.has(t.word) || /^(?:Congress|Front|Movement|Alliance|Republic|Liberation|Assembly)$/.test(t.word)) return true;
  }
  return false;
}

function mention(sentence: number, text: string, tokens: Token[], kind: MentionKind, extra: Partial<Mention> = {}): Mention {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const end = last.start + last.word.length;
  const surface = text.slice(first.start, end);
  return { sentence, start: first.start, end, text: surface, name: surface, kind, possessive: last.possessive, words: tokens.length, ...extra };
}

/**
 * Where, in a run followed by its initials in brackets ("Asian Cooperation Dialogue (ACD)"), the
 * name they spell starts: the earliest word from which the capitalised words' initials (two or
 * more) appear in the bracket in order, the first of them first, with at most two letters more
 * ("ECOWAS"). -1 when no initials follow the run.
 */
function spelledOutAt(text: string, run: Token[]): number {
  if (run.length < 2) return -1;
  const bracket = /^ \((\p{Lu}[\p{L}&-]{1,9})\)/u.exec(text.slice(run[run.length - 1].end));
  const letters = bracket?.[1].replace(/[^\p{Lu}]/gu, '') ?? '';
  if (letters.length < 2) return -1;
  for (let i = 0; i < run.length - 1; i += 1) {
    if (!run[i].capitalised) continue;
    const initials = run
      .slice(i)
      .filter((t) => t.capitalised && !/^(?:The|Of|And|For)$/.test(t.word))
      .map((t) => t.word[0]);
    if (initials.length < 2 || initials[0] !== letters[0] || letters.length > initials.length + 2) continue;
    let at = 0;
    for (const c of letters) if (c === initials[at]) at += 1;
    if (at === initials.length) return i;
  }
  return -1;
}

/** Types one run, splitting out gazetteer phrases it contains. */
function classifyRun(sentence: number, text: string, all: Token[], input: Token[], readInitials = true): Mention[] {
  let run = input;
  while (run.length && DETERMINERS.has(run[0].word)) run = run.slice(1);
  // "Kwasi Kwarteng MP": letters after a name are no part of it; "Coventry South MP Jim Cunningham":
  // a seat's letters in the middle part the seat from the name.
  while (run.length > 1 && POST_NOMINALS.has(run[run.length - 1].word)) run = run.slice(0, -1);
  while (run.length > 2 && POST_NOMINALS.has(run[0].word)) run = run.slice(1); // "MP Jack Dromey"
  const seat = run.findIndex((t, i) => i > 0 && POST_NOMINALS.has(t.word));
  if (seat > 0) return [...classifyRun(sentence, text, all, run.slice(0, seat)), ...classifyRun(sentence, text, all, run.slice(seat + 1))];
  if (!run.length || (run.length === 1 && PRONOUNS.has(run[0].word))) return [];
  // "Rs 1.75", "RM44-billion": a currency before an amount names no one.
  if (run.length === 1 && CURRENCY.test(run[0].word) && /^\s*\d/.test(text.slice(run[0].end, run[0].end + 3))) return [];
  // "a militia called Tripoli Revolutionaries": a name the text shows to be an organisation's is one
  // whole, whatever place or person its words also name.
  if (
    run.length > 1 &&
    !run.some((t) => isTitleHead(t) || HONORIFICS.has(t.word.toLowerCase()) || hasTag(t, 'FirstName', 'Person')) &&
    context.orgs.has(run.map((t) => t.word).join(' '))
  )
    return [mention(sentence, text, run, 'organization', { rule: 'document-organisation' })];
  // Seats of government and news agencies, by name, wherever they stand in the run.
  for (let i = 0; i < run.length; i += 1) {
    for (let n = Math.min(3, run.length - i); n >= 1; n -= 1) {
      const words = run.slice(i, i + n);
      if (words.slice(0, -1).some((w) => w.possessive)) continue;
      const phrase = words.map((w) => w.word).join(' ');
      // ("Mohammed Ali al Houthi": after a name's particle, a movement's name is a family name.)
      const familyName = i > 0 && PARTICLES.has(run[i - 1].word);
      if (!familyName && (KNOWN_GROUPS.has(phrase) || KNOWN_GROUPS.has(titleCase(phrase))))
        return [
          ...classifyRun(sentence, text, all, run.slice(0, i)),
          mention(sentence, text, words, 'group', { rule: 'known-group' }),
          ...classifyRun(sentence, text, all, run.slice(i + n)),
        ];
      const standsFor = INSTITUTIONS.get(phrase);
      // ("- REUTERS": an agency's name in capitals, as a signature writes it.)
      const titled = /^[\p{Lu}\s]{4,}$/u.test(phrase) ? titleCase(phrase) : phrase;
      if (!standsFor && !NEWS_ORGANISATIONS.has(phrase) && !NEWS_ORGANISATIONS.has(titled)) continue;
      const rest = [run.slice(0, i), run.slice(i + n)];
      return [
        ...classifyRun(sentence, text, all, rest[0]),
        {
          ...mention(sentence, text, words, 'organization', { rule: standsFor ? 'institution' : 'news-organisation', ...(standsFor ? { standsFor } : {}) }),
          ...(!standsFor && !NEWS_ORGANISATIONS.has(phrase) ? { name: titled } : {}),
        },
        ...classifyRun(sentence, text, all, rest[1]),
      ];
    }
  }
  // "National Democratic Congress (NDC)", "Economic Community of West African States (ECOWAS)":
  // a name its own initials follow in brackets is a body's, whatever its words look like; people
  // are not written so. A country or place so written ("United Arab Emirates (UAE)", "Democratic
  // Republic of Congo (DRC)") stays one.
  const spelledAt = readInitials ? spelledOutAt(text, run) : -1;
  if (spelledAt >= 0) {
    const named = run.slice(spelledAt);
    const typed = classifyRun(sentence, text, all, named, false);
    const whole = typed.length === 1 && typed[0].start === named[0].start && typed[0].end === named[named.length - 1].end;
    const state = typed.some((m) => m.kind === 'country') && named.some((t) => STATE_FORMS.test(t.word)); // "Democratic Republic of Congo (DRC)"
    if (!state && (!whole || !/^(?:country|city|place|group|organization)$/.test(typed[0].kind)))
      return [
        ...classifyRun(sentence, text, all, run.slice(0, spelledAt)),
        mention(
          sentence,
          text,
          named,
          typed.some((m) => m.kind === 'group') || GROUP_SUFFIXES.has(named[named.length - 1].word.split('-')[0]) ? 'group' : 'organization',
          {
            rule: 'spelled-out',
          },
        ),
        ...countriesNamedIn(sentence, text, all, named),
      ];
  }
  // A capitalised word at the start of a clause is only a name if something says so.
  const head = run[0];
  const known = run.some((_, n) =>
    context.orgs.has(
      run
        .slice(0, n + 1)
        .map((t) => t.word)
        .join(' '),
    ),
  );
  // "As NASA we will …", "But Kyiv": a function word opening a clause is no part of a name, whatever the tagger says of the run.
  if (weakPosition(head) && !known && run.length > 1 && OPENING_WORDS.test(head.word)) return classifyRun(sentence, text, all, run.slice(1), readInitials);
  if (weakPosition(head) && !known && !hasTag(head, 'ProperNoun', 'Person', 'Place', 'Organization') && !gazetteerAt(run, 0)) {
    const functionWord = hasTag(head, 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Verb', 'Adverb', 'QuestionWord');
    if (run.length === 1) return functionWord ? [] : [mention(sentence, text, run, 'maybe')];
    // "But Kyiv", "After Davos" lose the first word; an unknown first name ("Kenji Sato") keeps it;
    // "Shares of Hollis-Marden" loses "Shares of"; "President of Armenia X" keeps its title, which the rules below take apart.
    if (functionWord) run = run.slice(1);
    else if (run[1]?.word === 'of' && !ORG_HEADS.has(head.word) && !isTitleHead(head)) return classifyRun(sentence, text, all, run.slice(2));
  }
  // "CEO of Chia Tai Group", "MD of State Industrial Development Corporation": a title before the
  // organisation it is of, which the title owner's rules name apart.
  const titleOf = run.findIndex((t) => t.word === 'of');
  if (
    titleOf > 0 &&
    run.length > titleOf + 1 &&
    run
      .slice(0, titleOf)
      .every((t) => TITLE_WORDS.has(t.word.toLowerCase()) || /^(?:CEO|MD|CFO|COO|Chief|Executive|Office|Officer|Managing|Director)$/.test(t.word))
  ) {
    const rest = classifyRun(sentence, text, all, run.slice(titleOf + 1));
    if (rest.some((m) => m.kind === 'organization' && m.start === run[titleOf + 1].start)) return rest;
  }
  // "Ministry of Foreign Affairs of the Russian Federation", "Bank of America": one organisation,
  // the country inside it mentioned too.
  const ofAt = run.findIndex((t) => t.word === 'of');
  if (ofAt > 0 && ORG_HEADS.has(run[ofAt - 1].word) && run[run.length - 1].capitalised) {
    return [mention(sentence, text, run, 'organization', { rule: 'organisation-head' }), ...countriesNamedIn(sentence, text, all, run.slice(ofAt + 1))];
  }
  // "Edem Kodjo of the African Union": a name with nothing of a body about it, then the body the
  // person is of.
  if (ofAt >= 2 && ofAt <= 3) {
    const who = run.slice(0, ofAt);
    const plain = (t: Token) =>
      t.capitalised && !t.possessive && !ORG_HEADS.has(t.word) && !ORG_SUFFIXES.has(t.word) && !isTitleWord(t) && !HONORIFICS.has(t.word.toLowerCase());
    if (who.every(plain) && !who.some((_, i) => gazetteerAt(who, i))) {
      const body = run.slice(run[ofAt + 1]?.word === 'the' ? ofAt + 2 : ofAt + 1);
      const rest = classifyRun(sentence, text, all, body);
      if (rest[0] && rest[0].start === body[0].start && (rest[0].kind === 'organization' || rest[0].kind === 'group'))
        return [mention(sentence, text, who, 'person', { rule: 'person-of' }), ...rest];
    }
  }
  // "Dublin Airport", "Kabul International Airport": a venue named after its city is the venue, not the city.
  if (run.length > 1 && VENUE_WORDS.has(run[run.length - 1].word) && gazetteerAt(run, 0) && !run.some((t) => t.word === 'of'))
    return [mention(sentence, text, run, 'place', { placeKind: 'AREA', rule: 'venue' })];
  // Gazetteer phrases (longest first) become their own mentions; the pieces between are typed below.
  const out: Mention[] = [];
  let piece: Token[] = [];
  for (let i = 0; i < run.length;) {
    // "Chad Wolf", "Jordan Peterson": a country that is also a given name, opening a two-word name.
    const givenName = GIVEN_NAME_COUNTRIES.has(run[i].word) && run.length === i + 2 && !gazetteerAt(run, i + 1);
    const found =
      givenName && hasTag(run[i + 1], 'Person', 'LastName', 'FirstName', 'ProperNoun') && !ORG_SUFFIXES.has(run[i + 1].word) ? undefined : gazetteerAt(run, i);
    // "the Niger Delta", "the Congo Basin": a region named after the country's river, not the country.
    const hit = found && /^(?:Delta|River|Basin|Valley)$/.test(run[i + found.length]?.word ?? '') ? undefined : found;
    if (hit) {
      out.push(...typeName(sentence, text, all, piece));
      piece = [];
      const rest = run.slice(i + hit.length);
      // "Swiss Confederation", "Kyrgyz Republic": the country in its official style.
      if (hit.entry.via === 'demonym' && rest.length === 1 && STATE_FORMS.test(rest[0].word)) {
        out.push({ ...mention(sentence, text, run.slice(i), 'country', { country: hit.entry.country, via: 'name' }), name: hit.entry.country.name });
        return out;
      }
      // "the Foreign Minister of Pakistan Bilawal Bhutto Zardari": after a title's country, the name.
      if (
        i >= 2 &&
        run[i - 1].word === 'of' &&
        isTitleHead(run[i - 2]) &&
        rest.length >= 2 &&
        rest.length <= 4 &&
        !rest.some((t) => t.word === 'of' || hasTag(t, 'Country') || ORG_SUFFIXES.has(t.word) || gazetteerAt(rest, rest.indexOf(t)))
      ) {
        out.push(countryMention(sentence, text, all, run.slice(i, i + hit.length), hit.entry.country, hit.entry.via));
        out.push(mention(sentence, text, rest, 'person', { rule: 'after-title' }));
        return out;
      }
      // ("London Stock Exchange": a capital too, without mentioning its country.)
      const typed =
        (hit.entry.via === 'demonym' || hit.entry.via === 'name' || hit.entry.via === 'capital') && rest.length ? typeName(sentence, text, all, rest) : [];
      if (typed[0]?.kind === 'organization' && typed[0].start === rest[0].start) {
        // "Russian Foreign Ministry", "Syrian Observatory for Human Rights": the demonym is part of the
        // name. "Qatar Airways", "US State Department": so is a country's name, and the country is
        // mentioned too. ("Kazakh Senate Chairman Maulen Ashimbayev": the person after the title stays.)
        const end = typed[0].start + typed[0].text.length;
        out.push(
          mention(
            sentence,
            text,
            run.slice(i).filter((t) => t.start < end),
            'organization',
            { rule: 'demonym-organisation' },
          ),
        );
        out.push(...typed.slice(1));
        if (hit.entry.via === 'name') out.push(countryMention(sentence, text, all, run.slice(i, i + hit.length), hit.entry.country, hit.entry.via));
        return out;
      }
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

/** The countries a body's name names by their names ("Bank of Japan", "Sudan Revolutionary Front"): mentioned too. */
function countriesNamedIn(sentence: number, text: string, all: Token[], words: Token[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const hit = gazetteerAt(words, i);
    if (hit?.entry.via === 'name') out.push(countryMention(sentence, text, all, words.slice(i, i + hit.length), hit.entry.country, hit.entry.via));
  }
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

/** The countries named in the words before a title ("Republican" names none; "US" names one). */
function ownerPlaces(sentence: number, text: string, all: Token[], owner: Token[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < owner.length;) {
    const hit = gazetteerAt(owner, i);
    if (hit) out.push(countryMention(sentence, text, all, owner.slice(i, i + hit.length), hit.entry.country, hit.entry.via));
    i += hit ? hit.length : 1;
  }
  return out;
}

function lastIndexWhere<T>(items: T[], test: (x: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i -= 1) if (test(items[i])) return i;
  return -1;
}

/** The head word of a title: an honorific, an office noun, "CEO", "Chairman", "Chief", "FM". */
function isTitleHead(t: Token): boolean {
  const w = t.word.toLowerCase();
  return (
    !t.possessive &&
    (HONORIFICS.has(w) || isOfficeNoun(w) || /^(?:ceo|cfo|coo|fm|chairman|chairwoman|chief|secretary|spokesman|spokeswoman|spokesperson|speaker)$/.test(w))
  );
}

/** A word of a title: an honorific, an office noun or a word that titles carry ("Chief", "Foreign"). */
function isTitleWord(t: Token): boolean {
  const w = t.word.toLowerCase();
  return !t.possessive && (HONORIFICS.has(w) || TITLE_WORDS.has(w) || isOfficeNoun(w));
}

/** True when the word follows "in", "at", "to" or "from", which place something in it. */
function placedIn(all: Token[], first: Token): boolean {
  if (first.basedIn) return true;
  const before = all[first.index - 1];
  if (!!before && /^(in|at|to|from|near)$/i.test(before.word) && before.end === first.start - first.gap.length) return true;
  // "visited Banjul", "in the Turkish capital Ankara", "the capital, Juba": a city someone goes to or is in.
  if (!!before && /^(?:visited|visiting|visit|capital)$/.test(before.word) && /^,?\s+$/.test(first.gap)) return true;
  // "at the Jubilee House, Accra", "at Cantonments, Accra": the town after a place, set off by a comma.
  if (!before?.capitalised || !/^,\s*$/.test(first.gap)) return false;
  let i = before.index;
  while (i > 0 && all[i - 1].capitalised && all[i - 1].end === all[i].start - all[i].gap.length && all[i].gap === ' ') i -= 1;
  if (all[i - 1]?.word.toLowerCase() === 'the') i -= 1;
  return /^(?:in|at)$/i.test(all[i - 1]?.word ?? '');
}

/** Words of a minister's portfolio after "of" in a title ("Minister of Foreign Affairs"). */
const PORTFOLIO_WORDS = new Set([
  'foreign',
  'political',
  'economic',
  'affairs',
  'finance',
  'defence',
  'defense',
  'interior',
  'justice',
  'trade',
  'health',
  'education',
  'agriculture',
  'energy',
  'commerce',
  'industry',
  'home',
  'external',
]);

/** The last word of a venue's or street's name (before any "of"). */
const VENUE_WORDS = new Set([
  'Hall',
  'Palace',
  'Square',
  'Street',
  'Avenue',
  'Road',
  'Drive',
  'Hotel',
  'Stadium',
  'Airport',
  'Camp',
  'Mosque',
  'Cathedral',
  'Temple',
  'Tower',
  'Villa',
  'Castle',
  'Fort',
  // Lines and crossings of a border ("the Durand Line", "the Line of Control", "Rafah Crossing").
  'Line',
  'Crossing',
  'Corridor',
  'Bridge',
]);

/** Capitalised adverbs that open sentences. */
const SENTENCE_ADVERBS = new Set([
  'Later',
  'Earlier',
  'Meanwhile',
  'Also',
  'However',
  'Then',
  'Yesterday',
  'Today',
  'Separately',
  'Previously',
  'Afterwards',
  'Subsequently',
]);

/** Types a run that is not a gazetteer phrase. */
function typeName(sentence: number, text: string, all: Token[], input: Token[]): Mention[] {
  let run = input;
  while (run.length && !run[0].capitalised) run = run.slice(1);
  while (run.length && !run[run.length - 1].capitalised) run = run.slice(0, -1);
  // Titles before a name belong to the office, not the name ("President Vladimir Putin").
  // ("Foreign Ministry" keeps its first word: it is the organisation's name.)
  // "Secretary of State Antony Blinken": the words of a leading title go, "of" with them.
  const leadingTitle = (t: Token) =>
    HONORIFICS.has(t.word.toLowerCase()) ||
    // "His Excellency", "Her Majesty", "His Highness".
    (/^(?:His|Her)$/.test(t.word) && /^(?:Excellency|Majesty|Highness|Royal)$/.test(all[t.index + 1]?.word ?? '')) ||
    /^(?:Excellency|Majesty|Highness)$/.test(t.word) ||
    // "Tan Sri Muhyiddin Yassin", "Datuk Seri Anwar": the second word of a Malaysian style.
    (t.word === 'Tan' && all[t.index + 1]?.word === 'Sri') ||
    (/^(?:Sri|Seri)$/.test(t.word) && /^(?:Tan|Puan|Datuk|Dato|Toh)$/.test(all[t.index - 1]?.word ?? '')) ||
    hasTag(t, 'Honorific') ||
    SHORT_TITLE.test(t.word) || // "CM Chouhan"
    (SHORT_TITLE_BEFORE_NAME.test(t.word) && run.length > 1 && run[1].capitalised) || // "CS Amina"
    (run.length > 2 && (t.word === 'of' || TITLE_WORDS.has(t.word.toLowerCase())));
  // "Muhammadu Buhari Friday received …": a day or month after a name is not part of it.
  while (run.length > 1 && hasTag(run[run.length - 1], 'WeekDay', 'Month')) run = run.slice(0, -1);
  // "Later Henrik Dahl met …": an adverb opening the sentence is not part of the name.
  while (run.length > 1 && run[0].index === 0 && SENTENCE_ADVERBS.has(run[0].word)) run = run.slice(1);
  // "Director of An Phu Viet Company": an office of the organisation the rest names.
  if (run.length > 3 && isOfficeNoun(run[0].word.toLowerCase()) && run[1].word === 'of' && ORG_SUFFIXES.has(run[run.length - 1].word))
    return typeName(sentence, text, all, run.slice(run[2].word === 'the' ? 3 : 2));
  const untitled = run;
  // A run split off after "for" ("Minister for | Political Affairs Amir Muqam") starts with the portfolio.
  let afterOf = run.length > 0 && run[0].index > 0 && /^(?:for|of)$/.test(all[run[0].index - 1].word);
  while (
    run.length > 1 &&
    (leadingTitle(run[0]) || (afterOf && run.length > 2 && PORTFOLIO_WORDS.has(run[0].word.toLowerCase()))) &&
    !ORG_SUFFIXES.has(run[run.length - 1].word)
  ) {
    afterOf ||= run[0].word === 'of' || run[0].word === 'for'; // "Minister of Foreign Affairs Lena Sokol", "Minister for Political Affairs Amir Muqam"
    run = run.slice(1);
  }
  if (!run.length) return [];
  // A person's title stood before what is left ("Secretary of State Antony Blinken").
  const titled =
    run !== untitled && (isTitleHead(untitled[0]) || untitled.slice(0, untitled.indexOf(run[0])).some((t) => HONORIFICS.has(t.word.toLowerCase())));
  // "Chairman of the Senate Sadiq Sanjrani", "Speaker National Assembly Raja Pervaiz Ashraf": a
  // chamber after the title is an organisation, and the name follows it.
  const chamber = titled ? CHAMBER.exec(run.map((t) => t.word).join(' ')) : null;
  if (chamber) {
    const words = chamber[0].trim().split(' ').length;
    const rest = run.slice(words);
    const named = run.slice(run[0].word === 'the' ? 1 : 0, words);
    if (rest.length >= 2 && rest.length <= 4 && !rest.some((t) => t.word === 'of'))
      return [mention(sentence, text, named, 'organization', { rule: 'title-owner' }), mention(sentence, text, rest, 'person', { rule: 'after-title' })];
  }
  // "High Representative of the Union Josep Borrell", "Secretary-General of the United Nations Antonio
  // Guterres": a title of a body, the body, then the name in two words.
  const ofAt = run.findIndex((t) => t.word === 'of');
  if (ofAt > 0 && (isTitleHead(run[ofAt - 1]) || /^(?:Secretary|Director)-General$/i.test(run[ofAt - 1].word)) && run.length - ofAt >= 4) {
    const name = run.slice(-2);
    const body = run.slice(ofAt + (run[ofAt + 1].word === 'the' ? 2 : 1), -2);
    const end = body[body.length - 1];
    if (
      end &&
      (ORG_SUFFIXES.has(end.word) || /^(?:Union|Nations|Council|Commission|Committee)$/.test(end.word)) &&
      !name.some((t) => !t.capitalised || ORG_SUFFIXES.has(t.word) || lookupCountry(t.word) || hasTag(t, 'Place', 'Country'))
    )
      return [mention(sentence, text, body, 'organization', { rule: 'title-owner' }), mention(sentence, text, name, 'person', { rule: 'after-title' })];
  }
  // A title inside the run: "Qualcomm Chief Executive Steve Mollenkopf", "White House Chief of Staff
  // Andrew Card". What stands before the title owns it (an organisation); the name follows it.
  let titleAt = lastIndexWhere(run, (t) => isTitleHead(t));
  while (titleAt >= 0 && titleAt < run.length - 1 && isTitleWord(run[titleAt + 1])) titleAt += 1; // "Chief Executive"
  if (titleAt >= 0 && titleAt < run.length - 1 && run[titleAt + 1].capitalised) {
    const tail = run.slice(titleAt + 1);
    if (tail.length >= 2 || hasTag(tail[0], 'Person', 'LastName', 'FirstName') || context.persons.has(tail[0].word)) {
      let firstTitle = lastIndexWhere(run.slice(0, titleAt + 1), (t) => isTitleHead(t));
      while (firstTitle > 0 && (isTitleWord(run[firstTitle - 1]) || run[firstTitle - 1].word === 'of')) firstTitle -= 1;
      const owner = run.slice(0, firstTitle);
      const ownerMention = owner.length && owner[owner.length - 1].capitalised ? [mention(sentence, text, owner, 'organization', { rule: 'title-owner' })] : [];
      const corporate = /^(?:CEO|Chairman|Chairwoman)$/.test(run[firstTitle].word) || /^Chief Executive/.test(text.slice(run[firstTitle].start));
      // "UN Secretary General Ban Ki-moon", "NATO Secretary General": an acronym that is no country owns the title.
      const body = owner.length === 1 && /^\p{Lu}{2,6}$/u.test(owner[0].word) && !lookupCountry(owner[0].word);
      return [
        ...(owner.length && (corporate || body) ? ownerMention : ownerPlaces(sentence, text, all, owner)),
        ...typeName(sentence, text, all, tail).map((m) =>
          m.kind === 'maybe' && tail.length >= 2 && !tail.some((t) => STATE_FORMS.test(t.word)) ? { ...m, kind: 'person' as const, rule: 'after-title' } : m,
        ),
      ];
    }
  }
  const last = run[run.length - 1];
  // "Co Longford", "Co. Cork": an Irish county.
  if (run.length === 2 && run[0].word === 'Co' && !LEGAL_FORMS.has(last.word))
    return [mention(sentence, text, run, 'place', { placeKind: 'REGION', rule: 'county' })];
  // "Qualcomm Inc.", "Air Liquide SA": the company goes by its name without the legal form.
  if (run.length > 1 && LEGAL_FORMS.has(last.word)) {
    // ("First Pacific Co. Ltd.": every legal form at the end goes.)
    let name = run.slice(0, -1);
    while (name.length > 1 && LEGAL_FORMS.has(name[name.length - 1].word)) name = name.slice(0, -1);
    return [{ ...mention(sentence, text, run, 'organization', { rule: 'legal-form' }), name: text.slice(name[0].start, name[name.length - 1].end) }];
  }
  const next = all[last.index + 1];
  const acronym =
    run.length === 1 &&
    /^\p{Lu}{2,6}$/u.test(last.word) &&
    // A tagger's guess that capitals are a verb does not hold after "the" ("the UN says").
    (!hasTag(last, 'Adjective', 'Expression', 'Verb', 'Adverb') || all[last.index - 1]?.word.toLowerCase() === 'the') &&
    !TITLE_WORDS.has(last.word.toLowerCase());
  // "CM said": a short title alone, which resolution gives to the one person the text titled so.
  if (run.length === 1 && SHORT_TITLE.test(last.word) && untitled.length === 1) return [mention(sentence, text, run, 'maybe', { rule: 'title-alone' })];
  // "Foreign Ministers", "Russian FM", "North Eastern Regional Commander": office holders, not a name.
  if (
    TITLE_WORDS.has(last.word.toLowerCase()) ||
    (/s$/.test(last.word) && isOfficeNoun(last.word.slice(0, -1))) ||
    (run.length > 1 && isOfficeNoun(last.word.toLowerCase()) && !run.some((t) => t.word === 'of'))
  )
    return [];
  const phrase = run.map((t) => t.word).join(' ');
  // "said Wednesday": a day or month alone names no one; nor does a demonym alone ("the Asian country").
  if (
    run.length === 1 &&
    (hasTag(last, 'Date', 'Month', 'WeekDay', 'Holiday', 'Demonym') || /^(?:Asian|African|Arab|European|Eastern|Western|Northern|Southern)$/.test(last.word))
  )
    return [];
  if (GROUP_SUFFIXES.has(last.word) || (next && GROUP_AFTER.test(text.slice(last.end)))) return [mention(sentence, text, run, 'group', { rule: 'group-noun' })];
  // "the Great Hall of the People", "Presidential Villa", "Shiv Chanderpaul Drive": a venue or street.
  const of = run.findIndex((t) => t.word === 'of');
  // ("Lower House", "Upper House": a chamber of parliament, an organisation.)
  if (run.length === 2 && /^(?:Lower|Upper)$/.test(run[0].word) && /^(?:House|Chamber)$/.test(last.word))
    return [mention(sentence, text, run, 'organization', { rule: 'organisation-word' })];
  if (run.length > 1 && VENUE_WORDS.has((of > 0 ? run[of - 1] : last).word))
    return [mention(sentence, text, run, 'place', { placeKind: 'AREA', rule: 'venue' })];
  if (context.orgs.has(phrase)) return [mention(sentence, text, run, 'organization', { rule: 'document-organisation' })];
  if (ORG_SUFFIXES.has(last.word) || acronym) return [mention(sentence, text, run, 'organization', { rule: 'organisation-word' })];
  // "Labour said", "the Greens": a party by the one word its members go by.
  if (run.length === 1 && /^(?:Labour|Tories|Greens|Liberals|Nationals)$/.test(last.word) && !/\b(?:of|for)\s+$/.test(text.slice(0, last.start)))
    return [mention(sentence, text, run, 'organization', { rule: 'organisation-word' })];
  // "Grupo TCO", "Banco Santander": a company by its first word.
  if (run.length > 1 && /^(?:Grupo|Groupe|Banco|Banca|Compagnie|Société|Societe)$/.test(run[0].word))
    return [mention(sentence, text, run, 'organization', { rule: 'organisation-word' })];
  // "Daily Mirror", "Radio Havana": a newspaper or broadcaster by its first word.
  if (run.length > 1 && /^(?:Daily|Radio)$/.test(run[0].word)) return [mention(sentence, text, run, 'organization', { rule: 'organisation-word' })];
  if (next && /^\s+(?:CEO|chief executive|chairman|spokesman|spokesperson|shares)\b/i.test(text.slice(last.end)) && !run.some((t) => hasTag(t, 'Person')))
    return [mention(sentence, text, run, 'organization', { rule: 'title-owner' })];
  // "the town of Ras al-Ain".
  if (/\b(?:town|city|village|port|capital|province|district|region) of\s+$/.test(text.slice(Math.max(0, run[0].start - 30), run[0].start)))
    return [mention(sentence, text, run, 'city', { rule: 'town-of' })];
  if (run.length <= 4 && context.persons.has(last.word) && !run.some((t) => t.word === 'of'))
    return [mention(sentence, text, run, 'person', { rule: 'document-person' })];
  if (run.some((t) => hasTag(t, 'FirstName', 'LastName', 'Person') && !hasTag(t, 'Honorific')))
    return [mention(sentence, text, run, 'person', { rule: 'person-word' })];
  // "Park Geun-hye", "Ban Ki-moon": a family name and a Korean given name of two syllables joined.
  if (run.length === 2 && run[0].word.length <= 5 && /^\p{Lu}\p{Ll}{1,5}-\p{Ll}{1,5}$/u.test(last.word))
    return [mention(sentence, text, run, 'person', { rule: 'person-word' })];
  // Two to four words right after a person's title are a name, whatever else they could be ("Antony" is also a town).
  if (titled && run.length >= 2 && run.length <= 4 && !run.some((t) => t.word === 'of' || hasTag(t, 'Country') || STATE_FORMS.test(t.word)))
    return [mention(sentence, text, run, 'person', { rule: 'after-title' })];
  if (run.some((t) => hasTag(t, 'Organization'))) return [mention(sentence, text, run, 'organization', { rule: 'organisation-tag' })];
  if (next && /^(region|province|oblast|state)$/.test(next.word) && next.gap === ' ') return [mention(sentence, text, run, 'place', { placeKind: 'REGION' })];
  if (hasTag(last, 'Date', 'Month', 'WeekDay', 'Holiday')) return [];
  if (run.length === 1 && hasTag(last, 'Country')) {
    // A country compromise knows and the gazetteer does not: no demonyms or capital to go with it.
    const country: CountryEntry = { name: last.word, aliases: [], demonyms: [], capital: '' };
    return [mention(sentence, text, run, 'country', { country, via: 'name' })];
  }
  if (last.basedIn) return [mention(sentence, text, run, 'city', { rule: 'based-in' })];
  if (run.some((t) => hasTag(t, 'Place'))) {
    if (run.some((t) => hasTag(t, 'City'))) return [mention(sentence, text, run, 'city')];
    return [mention(sentence, text, run, 'place', { placeKind: run.some((t) => hasTag(t, 'Region')) ? 'REGION' : 'AREA' })];
  }
  if (run.length >= 2 && run.length <= 4 && !run.some((t) => t.word === 'of') && personCue(all, run)) return [mention(sentence, text, run, 'person')];
  if (placedIn(all, run[0])) return [mention(sentence, text, run, 'place', { placeKind: 'AREA' })];
  // Untyped names are kept as maybes, which count only where the text names that entity elsewhere
  // ("Deutsche Boerse has announced …" opening a sentence, "Deutsche Boerse Group" later).
  return run.length <= 4 ? [mention(sentence, text, run, 'maybe')] : [];
}

/** Nouns for a person that a name may follow, with or without a comma ("his Japanese counterpart, Toshimitsu Motegi"). */
const PERSON_NOUNS = new Set([
  'counterpart',
  'counterparts',
  'colleague',
  'rival',
  'opponent',
  'successor',
  'predecessor',
  'challenger',
  'wife',
  'husband',
  'official',
  // occupations ("human rights lawyer Duma Boko", "minor contender Sinan Oğan")
  'lawyer',
  'attorney',
  'activist',
  'journalist',
  'analyst',
  'economist',
  'businessman',
  'businesswoman',
  'tycoon',
  'billionaire',
  'entrepreneur',
  'candidate',
  'contender',
  'co-chairman',
  'co-chair',
  'politician',
  'lawmaker',
  'legislator',
  'professor',
  'researcher',
  'expert',
  'reporter',
  'incumbent',
  // people a report quotes for what they saw or live through ("fellow resident Iris Siebman")
  'resident',
  'teacher',
  'student',
  'farmer',
  'voter',
  'witness',
  'trader',
  'nurse',
  'pensioner',
  'shopkeeper',
]);

/** Person nouns a company or a party may also be called ("a rival", "the candidate"). */
const RIVAL_NOUNS = new Set([
  'rival',
  'opponent',
  'successor',
  'predecessor',
  'challenger',
  'candidate',
  'contender',
  'counterpart',
  'counterparts',
  'colleague',
]);

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
  // "By Servet Gunerigok": a byline, the name alone after "By".
  if (before?.word === 'By' && before.index === 0 && !after) return true;
  if (after?.word === 'who' && after.gap.startsWith(',')) return true;
  // "Atupele Muluzi, son of Bakili Muluzi".
  if (after && KINSHIP.has(after.word.toLowerCase()) && all[after.index + 1]?.word === 'of') return true;
  // "Bahati Maene, 19, told": an age set off after the name.
  if (after && after.gap.startsWith(',') && /^\d{1,3}$/.test(after.word) && all[after.index + 1]?.gap.startsWith(',')) return true;
  if (before && (isOfficeNoun(before.word) || PERSON_NOUNS.has(before.word.toLowerCase()))) return true;
  // "the President of the Republic of Ghana, Nana Addo Dankwa Akufo-Addo": a name set off after a title.
  const preceding = all.slice(Math.max(0, run[0].index - 7), run[0].index);
  if (run.length >= 2 && run[0].gap.startsWith(',') && preceding.some((t) => isOfficeNoun(t.word.toLowerCase()))) return true;
  const following = all.slice(run[run.length - 1].index + 1, run[run.length - 1].index + 6);
  // "Inna Drobyshevskaya, a 48-year-old lawyer said": an occupation set off after the name.
  const occupation = (t: Token) => PERSON_NOUNS.has(t.word.toLowerCase()) && !RIVAL_NOUNS.has(t.word.toLowerCase());
  return !!after && after.gap.startsWith(',') && following.some((t) => isOfficeNoun(t.word) || occupation(t));
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
      out.push(phraseMention(sentence, start, text.slice(start, m.index + m[0].length), name, 'group'));
    }
  }
  return out;
}

/**
 * State institutions a report names by their country only, in lower case ("the Pakistani military",
 * "Pakistan's army", "the Chinese foreign ministry"). Multi-word ones first, so the longest wins.
 */
const STATE_INSTITUTION_NOUNS =
  'ministry of (?:foreign affairs|defen[cs]e|interior|health|finance)|(?:foreign|defen[cs]e|interior|health|finance) ministry|foreign office|' +
  'armed forces|security forces|air force|coast guard|state (?:media|television|news agency)|(?:presidential )?press (?:service|office)|presidential office|government|military|army|navy|police|parliament|cabinet|junta|regime|embassy|presidency';
/** Words after such a phrase that make it part of a title or a group of people ("army chief", "military officials"). */
const AFTER_INSTITUTION =
  /^\s+(?:chiefs?|troops|soldiers|units|spokes(?:man|woman|person)|officials?|officers?|sources?|personnel|commanders?|leaders?|members?|delegations?)\b/;

let statePatternsMade: { pattern: RegExp; ofPattern: RegExp } | undefined;

/** The patterns of `institutionMentions`, made once: every country's name and demonym, longest first. */
function statePatterns(): { pattern: RegExp; ofPattern: RegExp } {
  if (statePatternsMade) return statePatternsMade;
  const country = COUNTRIES.flatMap((c) => [c.name, ...c.demonyms]).sort((a, b) => b.length - a.length);
  const names = country.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // ("Somalia's Western-backed government", "Mali's interim government": one word may qualify it.)
  const qualifier = `(?:(?:[\\p{L}]+-[\\p{Ll}]+|new|interim|transitional|civilian|federal|central|national) )?`;
  statePatternsMade = {
    pattern: new RegExp(`\\b(${names})(?:(?:['’]s)? ${qualifier}|['’]s )(${STATE_INSTITUTION_NOUNS})\\b`, 'gu'),
    // "the government of Myanmar", "the army of Sudan".
    ofPattern: new RegExp(`\\b[Tt]he (${STATE_INSTITUTION_NOUNS}) of (${names})\\b`, 'gu'),
  };
  return statePatternsMade;
}

/**
 * "the Pakistani military said", "Pakistan's army": a state institution named by its country, an
 * organisation named after the demonym ("Pakistani military") whichever form the text uses.
 */
function institutionMentions(sentence: number, text: string): Mention[] {
  const out: Mention[] = [];
  for (const noun of context.institutions)
    for (const m of text.matchAll(institutionSpeaking(noun)))
      if (!insideQuote(text, m.index)) out.push(phraseMention(sentence, m.index + 4, m[1], m[1], 'organization', { rule: 'institution-by-noun' }));
  const { pattern, ofPattern } = statePatterns();
  const found = [
    ...[...text.matchAll(pattern)].map((m) => ({ at: m.index, phrase: m[0], country: m[1], noun: m[2] })),
    ...[...text.matchAll(ofPattern)].map((m) => ({ at: m.index + 4, phrase: m[0].slice(4), country: m[2], noun: m[1] })),
  ];
  for (const m of found) {
    if (AFTER_INSTITUTION.test(text.slice(m.at + m.phrase.length))) continue;
    const entry = COUNTRIES.find((c) => c.name === m.country || c.demonyms.includes(m.country));
    if (!entry) continue;
    const name = `${entry.demonyms[0] ?? entry.name} ${m.noun}`;
    out.push(phraseMention(sentence, m.at, m.phrase, name, 'organization', { rule: 'state-institution' }));
  }
  return out;
}

/**
 * A run without the stock ticker a wire report puts after a company ("Apple AAPL.O", "Pfizer PFE.N");
 * a run that is only a ticker's exchange letters ("O", "N" after "AAPL.") is empty.
 */
function withoutTicker(text: string, run: Token[]): Token[][] {
  const ticker = (t: Token) => /^\p{Lu}{1,5}$/u.test(t.word) && /^\.\p{Lu}{1,2}\b/u.test(text.slice(t.start + t.word.length));
  const exchange = (t: Token) => /^\p{Lu}{1,2}$/u.test(t.word) && /\p{Lu}\.$/u.test(text.slice(0, t.start));
  if (!run.some((t) => ticker(t) || exchange(t))) return [run];
  const pieces: Token[][] = [[]];
  for (const t of run) {
    if (ticker(t) || exchange(t)) pieces.push([]);
    else pieces[pieces.length - 1].push(t);
  }
  // What is left of a piece starts and ends with a capitalised word ("N and Mahindra": "Mahindra").
  return pieces.map((p) => p.slice(p.findIndex((t) => t.capitalised))).filter((p) => p.length && p[0].capitalised);
}

/** A news site named by its address ("Qazet.az reported", "(davaotoday.com)"): an organisation. */
function siteMentions(sentence: number, text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\d./-])[\p{L}\d-]{3,}\.(?:com|net|org|info|news|az|am|uz|kz|in|pk|lk|ng|my|ph|co\.uk)\b/gu)) {
    // A platform's links ("pic.twitter.com/…") name no news site.
    if (/^(?:twitter|facebook|instagram|youtube|tiktok|linkedin|telegram)\./i.test(m[0])) continue;
    out.push(phraseMention(sentence, m.index, m[0], m[0], 'organization', { rule: 'news-site' }));
  }
  return out;
}

/** A mention of a phrase a pattern found (not a run of names): it wins over the single words inside it. */
function phraseMention(sentence: number, start: number, surface: string, name: string, kind: MentionKind, extra: Partial<Mention> = {}): Mention {
  return { sentence, start, end: start + surface.length, text: surface, name, kind, possessive: false, words: name.split(' ').length, phrase: true, ...extra };
}

/** "eastern Ukraine": an area of a named country. */
function areaMentions(sentence: number, text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(new RegExp(`\\b(${COMPASS}) (\\p{Lu}[\\p{L}]+(?: \\p{Lu}[\\p{L}]+)*)`, 'gu'))) {
    const hit = lookupCountry(m[2]);
    if (!hit || hit.via !== 'name') continue;
    const name = `${m[1][0].toUpperCase()}${m[1].slice(1)} ${hit.country.name}`;
    out.push(phraseMention(sentence, m.index, m[0], name, 'place', { placeKind: 'AREA', words: 2 }));
  }
  return out;
}

/**
 * Words that end a place's name and belong to it: "the Black Sea", "the Indian Ocean", "Osun State",
 * "Davao City". Lower-case ones ("Kachin state", "the Doklam plateau") only after a name that is not a
 * country or its adjective ("the Chinese state" names no place).
 */
const GEOGRAPHY_HEADS: ReadonlyMap<string, 'CITY' | 'REGION' | 'AREA'> = new Map([
  ...['Sea', 'Ocean', 'Gulf', 'Strait', 'Bay', 'Peninsula', 'Plateau', 'Valley', 'Mountains', 'Desert', 'River', 'Islands', 'Canal'].map(
    (w) => [w, 'AREA'] as const,
  ),
  ...['plateau', 'valley'].map((w) => [w, 'AREA'] as const),
  ...['State', 'Province', 'Region', 'state', 'province', 'region'].map((w) => [w, 'REGION'] as const),
  ['City', 'CITY'],
]);
const GEOGRAPHY = new RegExp(`((?:\\p{Lu}[\\p{L}'’-]*\\s){1,3})(${[...GEOGRAPHY_HEADS.keys()].join('|')})\\b(?!-|\\s+of\\b)`, 'gu');
/** Capitalised words that open a sentence, not a name ("In Osun State", "The Black Sea"). */
const LEADING_WORDS =
  /^(?:(?:The|A|An|In|At|On|From|To|Into|Across|Along|Near|Off|Over|Through|Around|Inside|Beyond|Within|Both|And|But|While|When|Since|For|By|With)\s)+/u;
/** Words after a lower-case head that make it an adjective ("Texas state officials", "the Kachin state government"). */
const AFTER_LOWERCASE_HEAD =
  /^\s+(?:officials?|media|television|government|police|forces|troops|governor|legislature|assembly|house|capital|level|elections?|authorities|run|owned)\b/;

/** "the Black Sea", "Osun State", "Kachin state": a name with the word for the kind of place it is. */
function geographyMentions(sentence: number, text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(GEOGRAPHY)) {
    // "Afghanistan's Paktia province": the place's name starts after the owner.
    const owner = /^.*['’]s\s/u.exec(m[1])?.[0] ?? '';
    const lead = owner || (LEADING_WORDS.exec(m[1])?.[0] ?? '');
    const words = m[1].slice(lead.length).trim();
    const head = m[2];
    // "Ohio State University" names more than a place; "Davao City Mayor Sara …" does not.
    const next = /^\s+(\p{Lu}[\p{L}]*)/u.exec(text.slice(m.index + m[0].length));
    if (!words || (next && !HONORIFICS.has(next[1].toLowerCase()) && !TITLE_WORDS.has(next[1].toLowerCase()))) continue;
    const surface = `${words} ${head}`;
    if (lookupCountry(surface) || KNOWN_GROUPS.has(surface)) continue; // "United States", "Islamic State"
    const country = lookupCountry(words) !== undefined || REGION_DEMONYMS.includes(words);
    const lowercase = head === head.toLowerCase();
    if (lowercase && (country || AFTER_LOWERCASE_HEAD.test(text.slice(m.index + m[0].length)))) continue;
    if (head === 'State' && country) continue; // "the Russian State"
    // A lower-case head is a description ("Kachin state"): the place goes by the name before it.
    const name = lowercase ? words : surface;
    const extra = { rule: 'geographic-name', words: name.split(' ').length };
    const start = m.index + lead.length;
    if (head === 'City') out.push(phraseMention(sentence, start, surface, name, 'city', extra));
    else out.push(phraseMention(sentence, start, surface, name, 'place', { ...extra, placeKind: GEOGRAPHY_HEADS.get(head) === 'REGION' ? 'REGION' : 'AREA' }));
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
