/**
 * A small built-in gazetteer: the countries of src/facts/countries.ts by their names, demonyms and
 * capitals, seats of government and news organisations. A capital is
 * also how news writing names a government ("Kyiv says"), so the extractor treats it as an alias
 * of the country unless the text places something in the city ("in Moscow").
 */

import { COUNTRIES, type CountryEntry } from '../facts/countries';
import { PLACE_VARIANTS } from '../facts/name-variants';

export { COUNTRIES, type CountryEntry } from '../facts/countries';

/** Adjectives of continents and regions: they name groups ("European countries") but no country. */
export const REGION_DEMONYMS: readonly string[] = ['European', 'African', 'Asian', 'Arab', 'Western', 'Nordic', 'Baltic', 'Latin American'];

/** How a word or phrase names a country. */
export type CountryVia = 'name' | 'demonym' | 'people' | 'capital';

/** A gazetteer hit: the country and how the phrase named it. */
export interface CountryHit {
  country: CountryEntry;
  via: CountryVia;
}

/** Capitals that are also given names ("Sofia Nunes"): a capitalised word says too little to take them as the country. */
const GIVEN_NAME_CAPITALS = new Set(['Sofia', 'Santiago', 'Kingston', 'Male', 'Victoria']);

const index = new Map<string, CountryHit>();
for (const country of COUNTRIES) {
  for (const n of [country.name, ...country.aliases]) index.set(n, { country, via: 'name' });
  for (const d of country.demonyms) {
    index.set(d, { country, via: 'demonym' });
    index.set(`${d}s`, { country, via: 'people' });
  }
  if (!index.has(country.capital) && !GIVEN_NAME_CAPITALS.has(country.capital)) index.set(country.capital, { country, via: 'capital' });
  // Other romanisations of the name or the capital ("Kiev", "Türkiye") name the same country.
  for (const group of PLACE_VARIANTS) {
    if (group.includes(country.name)) for (const v of group) if (!index.has(v)) index.set(v, { country, via: 'name' });
    if (group.includes(country.capital)) for (const v of group) if (!index.has(v)) index.set(v, { country, via: 'capital' });
  }
}
for (const d of ['French', 'British', 'Dutch', 'Swiss', 'Irish', 'Chinese', 'Japanese', 'Portuguese']) index.delete(`${d}s`);

/** Looks a phrase up exactly as written (case matters: "US" is a country, "us" is not). */
export function lookupCountry(phrase: string): CountryHit | undefined {
  return index.get(phrase);
}

/** The longest number of words of any gazetteer phrase, so scanners know how far to look. */
export const MAX_GAZETTEER_WORDS = Math.max(...[...index.keys()].map((k) => k.split(' ').length));

/**
 * Seats of government that news writing uses for the government itself ("the Kremlin said"): each
 * is drafted as an organisation standing for that country's government (metonymy), never as a place.
 */
export const INSTITUTIONS: ReadonlyMap<string, string> = new Map([
  ['Kremlin', 'Russia'],
  ['White House', 'United States'],
  ['Pentagon', 'United States'],
  ['Downing Street', 'United Kingdom'],
  ['Élysée', 'France'],
  ['Elysee', 'France'],
  ['Élysée Palace', 'France'],
  ['Blue House', 'South Korea'],
  ['Quai d’Orsay', 'France'],
  ['Zhongnanhai', 'China'],
]);

/**
 * Armed and political movements that reports name by one name alone, as a speaker does not tell
 * them from a person ("Hamas said", "the Taliban said"). The labelling guide's groups.
 */
export const KNOWN_GROUPS: ReadonlySet<string> = new Set([
  'Hamas',
  'Hezbollah',
  'Hizbollah',
  'Taliban',
  'Houthis',
  'Houthi',
  'Ansarallah',
  'Boko Haram',
  'ISIS',
  'ISIL',
  'Daesh',
  'Islamic State',
  'Al-Qaeda',
  'Al Qaeda',
  'PKK',
  'YPG',
  'HTS',
  'Hayat Tahrir al-Sham',
  'Fatah',
  'Islamic Jihad',
  'FARC',
  'ELN',
  'M23',
  'Wagner',
  'Al-Shabaab',
  'Al Shabaab',
]);

/** News agencies and broadcasters that reports credit by name alone ("Xinhua quoted ...", "(AA)"). */
export const NEWS_ORGANISATIONS: ReadonlySet<string> = new Set([
  'Reuters',
  'AFP',
  'Agence France-Presse',
  'AP',
  'Associated Press',
  'Xinhua',
  'Xinhua News Agency',
  'Bloomberg',
  'Tass',
  'TASS',
  'RIA Novosti',
  'RIA',
  'Interfax',
  'Yonhap',
  'dpa',
  'DPA',
  'IANS',
  'PTI',
  'ANI',
  'Anadolu',
  'Anadolu Agency',
  'AA',
  'QNA',
  'SANA',
  'WAM',
  'IRNA',
  'Kyodo',
  'ANSA',
  'EFE',
  'CNN',
  'BBC',
  'Al Jazeera',
  'MarketWatch',
  'Dow Jones',
  'Ukrinform',
  'Sputnik',
  'Bernama',
  'Antara',
  'KCNA',
  'Wafa',
  'MENA',
  'Efe',
  'Kazinform',
  'KUNA',
  'SPA',
  'Petra',
  'BSS',
  'APP',
  'NAN',
  'PNA',
  'UPI',
  'Kyodo News',
  'Prensa Latina',
  'Tanjug',
  'Notimex',
  'Lusa',
  'Belga',
  'Mehr',
  'Tasnim',
  'Fars',
  'ISNA',
  'NHK',
  'CCTV',
  'CGTN',
  'Global Times',
  'Press TV',
  'Geo News',
  'Dawn',
]);
