/**
 * Spellings of one name that outlets write differently: transliterations of Ukrainian and Russian
 * names ("Zelenskyy", "Zelenskiy", "Zelensky"; "Umierov", "Umerov"), the Russian and the Ukrainian
 * form of one given name ("Kirill", "Kyrylo"), an English given name and its short form ("Steve",
 * "Steven"), and old and current romanisations of place names ("Kiev", "Kyiv"). names.ts folds every
 * name through `foldVariants`, so that each of these spellings gives the same key and entity
 * resolution lands them on one node.
 *
 * What is folded, and why it does not merge two different people:
 *
 * - Place names and given names are folded by table only: every entry is the same name written in
 *   another alphabet's romanisation or another language's form, never a different name.
 * - Given names are folded only as the first word of a name of two words or more, so a surname
 *   that happens to be a given name ("Stephen" in "Sarah Stephen") is not touched, and two people
 *   with the same surname keep apart unless their given names are one name ("Olena Zelenska" and
 *   "Volodymyr Zelensky" stay two; so do "George W. Bush" and "George H. W. Bush").
 * - Country names are folded as whole names only ("UK", "Britain", "United Kingdom"), so "US" inside
 *   "US State Department" stays a word of that name; initials written with stops are one word ("U.S."
 *   is "US", "George H. W. Bush" keeps "hw" apart from "George W. Bush"'s "w").
 * - British and American spellings of a word are one ("Defense Ministry", "Defence Ministry").
 * - A company's legal form at the end of a name of three words or more is dropped ("Air Liquide SA" is
 *   Air Liquide): it is how the company registered, not another company.
 * - Surnames are folded by rule only where transliteration systems disagree on a letter:
 *   the ending of "-skyi / -skiy / -ski / -sky", "-iy / -ii / -yi" at the end of a long word, and
 *   the Polish-style "ie" for a soft "e" ("Umierov"), a "ye" after a vowel ("Sergeyev") or a "y" for
 *   an "i" between consonants ("Ashymbayev", "Tymoshenko") in a word with a Slavic surname ending
 *   (-ov, -ev, -in, -enko, -uk ...), where no English name has it.
 */
import { COUNTRIES } from './countries';

/** The letters only: lower case, diacritics and doubled letters dropped, as nameKey compares them. */
function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\p{L})\1+/gu, '$1');
}

/**
 * Given names written differently in Ukrainian, Russian and English sources, and the short forms
 * English news uses for one person; the first of each list is the form keys use.
 */
const GIVEN_NAMES: readonly (readonly string[])[] = [
  ['Volodymyr', 'Vladimir', 'Wladimir', 'Wolodymyr', 'Volodimir'],
  ['Kyrylo', 'Kirill', 'Kiril', 'Kirilo'],
  ['Oleksandr', 'Aleksandr', 'Alexander', 'Aleksander', 'Alexandr', 'Olexander', 'Oleksander'],
  ['Oleksiy', 'Oleksii', 'Aleksei', 'Alexei', 'Alexey', 'Aleksey'],
  ['Serhiy', 'Serhii', 'Sergiy', 'Sergei', 'Sergey', 'Serguei', 'Sergej'],
  ['Dmytro', 'Dmitry', 'Dmitri', 'Dmitriy', 'Dmitrii'],
  ['Andriy', 'Andrii', 'Andrij', 'Andrei', 'Andrey'],
  ['Mykhailo', 'Mykhaylo', 'Mikhail', 'Mikhailo'],
  ['Mykola', 'Nikolai', 'Nikolay', 'Mikola'],
  ['Yuriy', 'Yurii', 'Yuri', 'Yury', 'Iurii', 'Jurij'],
  ['Yevhen', 'Yevgeny', 'Yevgeniy', 'Yevgenii', 'Evgeny', 'Evgeni', 'Evgenii'],
  ['Anatoliy', 'Anatolii', 'Anatoly', 'Anatoli'],
  ['Vitaliy', 'Vitalii', 'Vitaly', 'Vitali'],
  ['Valeriy', 'Valerii', 'Valery', 'Valeri'],
  ['Hennadiy', 'Hennadii', 'Gennady', 'Gennadiy', 'Gennadi'],
  ['Hryhoriy', 'Hryhorii', 'Grigory', 'Grigoriy'],
  ['Petro', 'Pyotr', 'Petr'],
  ['Pavlo', 'Pavel'],
  ['Olena', 'Yelena', 'Elena'],
  ['Tetiana', 'Tatiana', 'Tatyana'],
  ['Steven', 'Steve', 'Stephen'],
  ['Michael', 'Mike'],
  ['Anthony', 'Antony', 'Tony'],
  ['Joseph', 'Joe'],
  ['William', 'Bill'],
  ['Robert', 'Bob'],
];

/**
 * Places whose names outlets romanise differently, the form keys use first: the Ukrainian
 * romanisation Ukraine and most outlets adopted against the Russian-based one that older and Russian
 * reporting keeps, and a few other romanisations news of the corpus's regions mix.
 */
export const PLACE_VARIANTS: readonly (readonly string[])[] = [
  ['Kyiv', 'Kiev'],
  ['Zaporizhzhia', 'Zaporozhye', 'Zaporozhe', 'Zaporozhie', 'Zaporizhia', 'Zaporizhzhya'],
  ['Luhansk', 'Lugansk'],
  ['Kharkiv', 'Kharkov'],
  ['Mykolaiv', 'Nikolaev', 'Nikolayev'],
  ['Chernihiv', 'Chernigov'],
  ['Lviv', 'Lvov'],
  ['Rivne', 'Rovno'],
  ['Zhytomyr', 'Zhitomir'],
  ['Vinnytsia', 'Vinnitsa'],
  ['Chornobyl', 'Chernobyl'],
  ['Dnipro', 'Dnepr'],
  ['Kryvyi Rih', 'Krivoy Rog', 'Kryvyy Rih'],
  ['Odesa', 'Odessa'],
  ['Chisinau', 'Kishinev'],
  ['Türkiye', 'Turkey'],
  ['Idlib', 'Idleb'],
  ['Beijing', 'Peking'],
];

/** Countries by their full, short and official names, the form keys use first. */
export const COUNTRY_NAMES: readonly (readonly string[])[] = [
  ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'America', 'United States of America'],
  ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'],
  ['United Arab Emirates', 'UAE', 'U.A.E.'],
  ['Russia', 'Russian Federation'],
  ['China', "People's Republic of China", 'PRC'],
  ['South Korea', 'Republic of Korea', 'ROK'],
  ['North Korea', 'DPRK', "Democratic People's Republic of Korea"],
  ['Czechia', 'Czech Republic'],
  ['Myanmar', 'Burma'],
  ['Ivory Coast', "Côte d'Ivoire", 'Cote d’Ivoire'],
  ['Türkiye', 'Turkey', 'Republic of Turkey', 'Republic of Türkiye'],
  ['Syria', 'Syrian Arab Republic'],
  ['Iran', 'Islamic Republic of Iran'],
  ['Saudi Arabia', 'Kingdom of Saudi Arabia', 'KSA'],
  ['Qatar', 'State of Qatar'],
  ['Israel', 'State of Israel'],
  ['Germany', 'Federal Republic of Germany'],
  ['France', 'French Republic'],
  ['India', 'Republic of India'],
  ['Pakistan', 'Islamic Republic of Pakistan'],
  ['Egypt', 'Arab Republic of Egypt'],
  ['Netherlands', 'Holland', 'Kingdom of the Netherlands'],
];

/** Legal forms of companies that end a name without changing whom it names. */
export const LEGAL_FORMS: readonly string[] = ['sa', 'ag', 'inc', 'corp', 'corporation', 'ltd', 'plc', 'nv', 'llc', 'gmbh', 'spa', 'co', 'limited'];
const legalForms = new Set(LEGAL_FORMS);

const givenNames = new Map<string, string>();
for (const [canonical, ...others] of GIVEN_NAMES) for (const name of others) givenNames.set(fold(name), fold(canonical));

/** The folded words of a phrase, initials written with stops joined ("u s" -> "us"). */
const words = (phrase: string) =>
  fold(phrase)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\b(\p{L}) (?=\p{L}\b)/gu, '$1');
const countries = new Map<string, string>();
for (const [canonical, ...others] of COUNTRY_NAMES) for (const name of others) countries.set(words(name), words(canonical));
// The gazetteer's short names too ("CAR", "DRC", "Swaziland"), where the table above has none.
for (const country of COUNTRIES) {
  const canonical = countries.get(words(country.name)) ?? words(country.name);
  for (const alias of country.aliases) if (!countries.has(words(alias)) && words(alias) !== canonical) countries.set(words(alias), canonical);
}

/** Folded place phrase -> folded canonical phrase, longest first so "krivoy rog" is read whole. */
const places = PLACE_VARIANTS.flatMap(([canonical, ...others]) =>
  others.map((o) => [fold(o).replace(/[^\p{L}\p{N}]+/gu, ' '), fold(canonical).replace(/[^\p{L}\p{N}]+/gu, ' ')] as const),
).sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);

/** Endings of Slavic surnames, where "ie" and "ye" are transliterations of one letter. */
const SLAVIC_ENDING = /(?:ov|ova|ev|eva|in|ina|enko|uk|yuk|chuk|ovich|evich|sky|ska|ko)$/;

/** One word's transliteration folds (see the module comment). */
/** British and American spellings of one word ("defense", "defence"), to the British one. */
const SPELLINGS = new Map([
  ['defense', 'defence'],
  ['organization', 'organisation'],
  ['organizations', 'organisations'],
  ['center', 'centre'],
]);

function foldWord(word: string): string {
  if (word.length < 5) return word;
  const spelled = SPELLINGS.get(word);
  if (spelled) return spelled;
  let w = word.replace(/([sz]k|ck)(?:iy|yi|ij|yj|i|y)$/, '$1y'); // Zelenskiy, Zelenskyi, Zelenski -> zelensky
  if (w.length >= 6) w = w.replace(/(?:iy|yi|ij|yj)$/, 'y'); // Zaluzhnyi, Zaluzhniy -> zaluzhny
  if (SLAVIC_ENDING.test(w))
    w = w
      .replace(/(?<=[bcdfghjklmnpqrstvwxz])ie(?=[bcdfghjklmnpqrstvwxz])/g, 'e')
      .replace(/(?<=[aeiou])ye/g, 'e')
      // "Ashymbayev", "Ashimbayev"; "Tymoshenko", "Timoshenko": a "y" between consonants is an "i".
      .replace(/(?<=[bcdfghjklmnpqrstvwxz])y(?=[bcdfghjklmnpqrstvwxz])/g, 'i');
  return w.replace(/(\p{L})\1+/gu, '$1'); // "Sergeyev" -> "sergeev" -> "sergev", as "Sergeev" is keyed
}

/**
 * Folds the spelling variants of a name already lower-cased, stripped of diacritics and
 * punctuation and with doubled letters written once (words separated by single spaces): place
 * variants to the current romanisation, a leading given name to its one form, and each word through
 * the transliteration rules. `foldVariants('vladimir zelenskiy') === foldVariants('volodymyr zelensky')`.
 */
export function foldVariants(key: string): string {
  // Initials written with stops: "u s" is "us", "george h w bush" is "george hw bush".
  const joined = key.replace(/\b(\p{L}) (?=\p{L}\b)/gu, '$1');
  const country = countries.get(joined);
  if (country) return country;
  const bare = joined.split(' ');
  // Only while two words are left: a key never shrinks to one word here, because a person's name
  // ("Vo Sa") would then look like a bare surname and meet everyone called Vo.
  while (bare.length > 2 && legalForms.has(bare[bare.length - 1])) bare.pop();
  let out = ` ${bare.join(' ')} `;
  for (const [variant, canonical] of places) out = out.split(` ${variant} `).join(` ${canonical} `);
  const words = out.trim().split(' ').filter(Boolean);
  if (words.length >= 2) words[0] = givenNames.get(words[0]) ?? words[0];
  return words.map(foldWord).join(' ');
}
