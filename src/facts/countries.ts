/**
 * Countries as general knowledge: names, short names, demonyms and capitals. Resolution reads it to
 * know that a country named by its capital ("Moscow said", drafted as the country) is that
 * country, and that "US State Department" and "State Department" name one ministry once the
 * country is set aside; the extractor's gazetteer (src/extract/gazetteer.ts) reads it to recognise
 * countries in text. Nothing here is a fact of any one article.
 */

/** One country. */
export interface CountryEntry {
  name: string;
  /** Other names and abbreviations ("US", "America"). */
  aliases: string[];
  /** Adjectives for its people and things ("Russian"); the plural noun is the adjective with "s". */
  demonyms: string[];
  /** The capital, which news writing also uses for the government ("Kyiv says"). */
  capital: string;
}

const c = (name: string, aliases: string[], demonyms: string[], capital: string): CountryEntry => ({ name, aliases, demonyms, capital });

/** The countries known by name, the most reported first (the extractor's order of preference). */
export const COUNTRIES: readonly CountryEntry[] = [
  c('Ukraine', [], ['Ukrainian'], 'Kyiv'),
  c('Russia', ['Russian Federation'], ['Russian'], 'Moscow'),
  c('United States', ['US', 'USA', 'U.S.', 'United States of America', 'America'], ['American'], 'Washington'),
  c('United Kingdom', ['UK', 'Britain', 'Great Britain'], ['British', 'Briton'], 'London'),
  c('United Arab Emirates', ['UAE', 'Emirates'], ['Emirati'], 'Abu Dhabi'),
  c('France', [], ['French'], 'Paris'),
  c('Germany', [], ['German'], 'Berlin'),
  c('Italy', [], ['Italian'], 'Rome'),
  c('Spain', [], ['Spanish', 'Spaniard'], 'Madrid'),
  c('Poland', [], ['Polish', 'Pole'], 'Warsaw'),
  c('Belarus', [], ['Belarusian'], 'Minsk'),
  c('Moldova', [], ['Moldovan'], 'Chisinau'),
  c('Romania', [], ['Romanian'], 'Bucharest'),
  c('Hungary', [], ['Hungarian'], 'Budapest'),
  c('Slovakia', [], ['Slovak'], 'Bratislava'),
  c('Czech Republic', ['Czechia'], ['Czech'], 'Prague'),
  c('Austria', [], ['Austrian'], 'Vienna'),
  c('Switzerland', [], ['Swiss'], 'Bern'),
  c('Netherlands', ['Holland'], ['Dutch'], 'Amsterdam'),
  c('Belgium', [], ['Belgian'], 'Brussels'),
  c('Denmark', [], ['Danish', 'Dane'], 'Copenhagen'),
  c('Norway', [], ['Norwegian'], 'Oslo'),
  c('Sweden', [], ['Swedish', 'Swede'], 'Stockholm'),
  c('Finland', [], ['Finnish', 'Finn'], 'Helsinki'),
  c('Estonia', [], ['Estonian'], 'Tallinn'),
  c('Latvia', [], ['Latvian'], 'Riga'),
  c('Lithuania', [], ['Lithuanian'], 'Vilnius'),
  c('Georgia', [], ['Georgian'], 'Tbilisi'),
  c('Armenia', [], ['Armenian'], 'Yerevan'),
  c('Azerbaijan', [], ['Azerbaijani', 'Azeri'], 'Baku'),
  c('Kazakhstan', [], ['Kazakh'], 'Astana'),
  c('Uzbekistan', [], ['Uzbek'], 'Tashkent'),
  c('Turkey', ['Türkiye'], ['Turkish', 'Turk'], 'Ankara'),
  c('Greece', [], ['Greek'], 'Athens'),
  c('Cyprus', [], ['Cypriot'], 'Nicosia'),
  c('Bulgaria', [], ['Bulgarian'], 'Sofia'),
  c('Serbia', [], ['Serbian', 'Serb'], 'Belgrade'),
  c('Croatia', [], ['Croatian', 'Croat'], 'Zagreb'),
  c('Slovenia', [], ['Slovenian', 'Slovene'], 'Ljubljana'),
  c('Bosnia and Herzegovina', ['Bosnia'], ['Bosnian'], 'Sarajevo'),
  c('Kosovo', [], ['Kosovar'], 'Pristina'),
  c('Albania', [], ['Albanian'], 'Tirana'),
  c('North Macedonia', ['Macedonia'], ['Macedonian'], 'Skopje'),
  c('Ireland', [], ['Irish'], 'Dublin'),
  c('Portugal', [], ['Portuguese'], 'Lisbon'),
  c('Iceland', [], ['Icelandic'], 'Reykjavik'),
  c('Canada', [], ['Canadian'], 'Ottawa'),
  c('Mexico', [], ['Mexican'], 'Mexico City'),
  c('Cuba', [], ['Cuban'], 'Havana'),
  c('Venezuela', [], ['Venezuelan'], 'Caracas'),
  c('Colombia', [], ['Colombian'], 'Bogota'),
  c('Peru', [], ['Peruvian'], 'Lima'),
  c('Chile', [], ['Chilean'], 'Santiago'),
  c('Brazil', [], ['Brazilian'], 'Brasília'),
  c('Argentina', [], ['Argentine', 'Argentinian'], 'Buenos Aires'),
  c('China', ["People's Republic of China"], ['Chinese'], 'Beijing'),
  c('Taiwan', [], ['Taiwanese'], 'Taipei'),
  c('Japan', [], ['Japanese'], 'Tokyo'),
  c('South Korea', [], ['South Korean'], 'Seoul'),
  c('North Korea', [], ['North Korean'], 'Pyongyang'),
  c('Mongolia', [], ['Mongolian'], 'Ulaanbaatar'),
  c('India', [], ['Indian'], 'New Delhi'),
  c('Pakistan', [], ['Pakistani'], 'Islamabad'),
  c('Afghanistan', [], ['Afghan'], 'Kabul'),
  c('Bangladesh', [], ['Bangladeshi'], 'Dhaka'),
  c('Sri Lanka', [], ['Sri Lankan'], 'Colombo'),
  c('Nepal', [], ['Nepali', 'Nepalese'], 'Kathmandu'),
  c('Myanmar', ['Burma'], ['Burmese'], 'Naypyidaw'),
  c('Thailand', [], ['Thai'], 'Bangkok'),
  c('Vietnam', [], ['Vietnamese'], 'Hanoi'),
  c('Cambodia', [], ['Cambodian'], 'Phnom Penh'),
  c('Malaysia', [], ['Malaysian'], 'Kuala Lumpur'),
  c('Singapore', [], ['Singaporean'], 'Singapore'),
  c('Indonesia', [], ['Indonesian'], 'Jakarta'),
  c('Philippines', [], ['Philippine', 'Filipino'], 'Manila'),
  c('Australia', [], ['Australian'], 'Canberra'),
  c('New Zealand', [], ['New Zealander'], 'Wellington'),
  c('Iran', [], ['Iranian'], 'Tehran'),
  c('Iraq', [], ['Iraqi'], 'Baghdad'),
  c('Syria', [], ['Syrian'], 'Damascus'),
  c('Lebanon', [], ['Lebanese'], 'Beirut'),
  c('Jordan', [], ['Jordanian'], 'Amman'),
  c('Israel', [], ['Israeli'], 'Jerusalem'),
  c('Egypt', [], ['Egyptian'], 'Cairo'),
  c('Libya', [], ['Libyan'], 'Tripoli'),
  c('Tunisia', [], ['Tunisian'], 'Tunis'),
  c('Algeria', [], ['Algerian'], 'Algiers'),
  c('Morocco', [], ['Moroccan'], 'Rabat'),
  c('Sudan', [], ['Sudanese'], 'Khartoum'),
  c('Ethiopia', [], ['Ethiopian'], 'Addis Ababa'),
  c('Somalia', [], ['Somali'], 'Mogadishu'),
  c('Kenya', [], ['Kenyan'], 'Nairobi'),
  c('Saudi Arabia', [], ['Saudi'], 'Riyadh'),
  c('Qatar', [], ['Qatari'], 'Doha'),
  c('Kuwait', [], ['Kuwaiti'], 'Kuwait City'),
  c('Bahrain', [], ['Bahraini'], 'Manama'),
  c('Oman', [], ['Omani'], 'Muscat'),
  c('Yemen', [], ['Yemeni'], 'Sanaa'),
  c('South Africa', [], ['South African'], 'Pretoria'),
  c('Nigeria', [], ['Nigerian'], 'Abuja'),
  c('Ghana', [], ['Ghanaian'], 'Accra'),
];

const byCapital = new Map<string, CountryEntry>();
for (const entry of COUNTRIES) byCapital.set(entry.capital, entry);

/** The country whose capital `text` is, as written ("Moscow" is Russia); undefined for anything else. */
export function countryOfCapital(text: string): CountryEntry | undefined {
  return byCapital.get(text);
}

/** Every way a country is named before an institution's name (names, aliases and demonyms: "US", "Turkish"), to its country. */
export const COUNTRY_QUALIFIERS: ReadonlyMap<string, CountryEntry> = new Map(
  COUNTRIES.flatMap((e) => [e.name, ...e.aliases, ...e.demonyms].map((q) => [q, e] as const)),
);
