/**
 * A small built-in gazetteer: countries with their common short names, demonyms and capitals.
 * Names, demonyms and capitals are general knowledge, not facts of any one article; a capital is
 * also how news writing names a government ("Kyiv says"), so the extractor treats it as an alias
 * of the country unless the text places something in the city ("in Moscow").
 */

import { PLACE_VARIANTS } from '../facts/name-variants';

/** One country as the gazetteer knows it. */
export interface CountryEntry {
  name: string;
  /** Other names and abbreviations ("US", "America"). */
  aliases: string[];
  /** Adjectives and plural nouns for its people ("Russian", "Russians"). */
  demonyms: string[];
  capital: string;
}

const entry = (name: string, aliases: string[], demonyms: string[], capital: string): CountryEntry => ({ name, aliases, demonyms, capital });

/** The countries the extractor recognises by name. */
export const COUNTRIES: readonly CountryEntry[] = [
  entry('Ukraine', [], ['Ukrainian'], 'Kyiv'),
  entry('Russia', ['Russian Federation'], ['Russian'], 'Moscow'),
  entry('United States', ['US', 'USA', 'U.S.', 'United States of America', 'America'], ['American'], 'Washington'),
  entry('United Kingdom', ['UK', 'Britain', 'Great Britain'], ['British', 'Briton'], 'London'),
  entry('United Arab Emirates', ['UAE', 'Emirates'], ['Emirati'], 'Abu Dhabi'),
  entry('France', [], ['French'], 'Paris'),
  entry('Germany', [], ['German'], 'Berlin'),
  entry('Italy', [], ['Italian'], 'Rome'),
  entry('Spain', [], ['Spanish', 'Spaniard'], 'Madrid'),
  entry('Poland', [], ['Polish', 'Pole'], 'Warsaw'),
  entry('Belarus', [], ['Belarusian'], 'Minsk'),
  entry('Moldova', [], ['Moldovan'], 'Chisinau'),
  entry('Romania', [], ['Romanian'], 'Bucharest'),
  entry('Hungary', [], ['Hungarian'], 'Budapest'),
  entry('Slovakia', [], ['Slovak'], 'Bratislava'),
  entry('Czech Republic', ['Czechia'], ['Czech'], 'Prague'),
  entry('Austria', [], ['Austrian'], 'Vienna'),
  entry('Switzerland', [], ['Swiss'], 'Bern'),
  entry('Netherlands', ['Holland'], ['Dutch'], 'Amsterdam'),
  entry('Belgium', [], ['Belgian'], 'Brussels'),
  entry('Denmark', [], ['Danish', 'Dane'], 'Copenhagen'),
  entry('Norway', [], ['Norwegian'], 'Oslo'),
  entry('Sweden', [], ['Swedish', 'Swede'], 'Stockholm'),
  entry('Finland', [], ['Finnish', 'Finn'], 'Helsinki'),
  entry('Estonia', [], ['Estonian'], 'Tallinn'),
  entry('Latvia', [], ['Latvian'], 'Riga'),
  entry('Lithuania', [], ['Lithuanian'], 'Vilnius'),
  entry('Georgia', [], ['Georgian'], 'Tbilisi'),
  entry('Turkey', ['Türkiye'], ['Turkish', 'Turk'], 'Ankara'),
  entry('Greece', [], ['Greek'], 'Athens'),
  entry('Ireland', [], ['Irish'], 'Dublin'),
  entry('Portugal', [], ['Portuguese'], 'Lisbon'),
  entry('Canada', [], ['Canadian'], 'Ottawa'),
  entry('Mexico', [], ['Mexican'], 'Mexico City'),
  entry('Brazil', [], ['Brazilian'], 'Brasília'),
  entry('Argentina', [], ['Argentine', 'Argentinian'], 'Buenos Aires'),
  entry('China', ["People's Republic of China"], ['Chinese'], 'Beijing'),
  entry('Japan', [], ['Japanese'], 'Tokyo'),
  entry('South Korea', [], ['South Korean'], 'Seoul'),
  entry('North Korea', [], ['North Korean'], 'Pyongyang'),
  entry('India', [], ['Indian'], 'New Delhi'),
  entry('Pakistan', [], ['Pakistani'], 'Islamabad'),
  entry('Iran', [], ['Iranian'], 'Tehran'),
  entry('Iraq', [], ['Iraqi'], 'Baghdad'),
  entry('Syria', [], ['Syrian'], 'Damascus'),
  entry('Israel', [], ['Israeli'], 'Jerusalem'),
  entry('Egypt', [], ['Egyptian'], 'Cairo'),
  entry('Saudi Arabia', [], ['Saudi'], 'Riyadh'),
  entry('Qatar', [], ['Qatari'], 'Doha'),
  entry('South Africa', [], ['South African'], 'Pretoria'),
  entry('Nigeria', [], ['Nigerian'], 'Abuja'),
  entry('Australia', [], ['Australian'], 'Canberra'),
];

/** Adjectives of continents and regions: they name groups ("European countries") but no country. */
export const REGION_DEMONYMS: readonly string[] = ['European', 'African', 'Asian', 'Arab', 'Western', 'Nordic', 'Baltic', 'Latin American'];

/** How a word or phrase names a country. */
export type CountryVia = 'name' | 'demonym' | 'people' | 'capital';

/** A gazetteer hit: the country and how the phrase named it. */
export interface CountryHit {
  country: CountryEntry;
  via: CountryVia;
}

const index = new Map<string, CountryHit>();
for (const country of COUNTRIES) {
  for (const n of [country.name, ...country.aliases]) index.set(n, { country, via: 'name' });
  for (const d of country.demonyms) {
    index.set(d, { country, via: 'demonym' });
    index.set(`${d}s`, { country, via: 'people' });
  }
  index.set(country.capital, { country, via: 'capital' });
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

/** News agencies and broadcasters that reports credit by name alone ("Xinhua quoted ...", "(AA)"). */
export const NEWS_ORGANISATIONS: ReadonlySet<string> = new Set([
  'Reuters',
  'AFP',
  'Agence France-Presse',
  'AP',
  'Associated Press',
  'Xinhua',
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
]);
