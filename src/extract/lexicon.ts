/**
 * Word lists the rules share: the nouns that name an office and the verbs that attribute speech.
 * They are general English, not names from any article.
 */

/** Head nouns of offices ("minister", "envoy"); a title must contain one to count as an office. */
export const OFFICE_NOUNS = [
  'president',
  'vice-president',
  'minister',
  'secretary',
  'envoy',
  'envoys',
  'adviser',
  'advisers',
  'advisor',
  'advisors',
  'ambassador',
  'chancellor',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'chief',
  'leader',
  'premier',
  'governor',
  'mayor',
  'senator',
  'negotiator',
  'negotiators',
  'director',
  'chairman',
  'chairwoman',
  'chair',
  'head',
  'king',
  'queen',
  'commander',
  'general',
  'representative',
  'aide',
  'aides',
  'deputy',
  'diplomat',
  'prosecutor',
  'judge',
  'ceo',
  'founder',
  'editor',
  'correspondent',
  'officer',
] as const;

const officeSet = new Set<string>(OFFICE_NOUNS);

/** True when `word` (any case) is an office head noun. */
export function isOfficeNoun(word: string): boolean {
  return officeSet.has(word.toLowerCase());
}

/** Kinship words: "Trump's son-in-law" is a relation, not an office. */
export const KINSHIP = new Set([
  'son',
  'daughter',
  'wife',
  'husband',
  'brother',
  'sister',
  'father',
  'mother',
  'son-in-law',
  'daughter-in-law',
  'cousin',
  'nephew',
  'niece',
  'uncle',
  'aunt',
]);

/** Verbs that attribute speech, in the forms news writing uses them. */
export const SPEECH_VERBS = [
  'said',
  'says',
  'told',
  'tells',
  'added',
  'adds',
  'explained',
  'stressed',
  'warned',
  'insisted',
  'noted',
  'wrote',
  'declared',
  'claimed',
  'argued',
  'asked',
  'replied',
  'continued',
  'announced',
  'stated',
  'tweeted',
  'posted',
  'reiterated',
  'emphasised',
  'emphasized',
  'confirmed',
  'admitted',
  'conceded',
  'acknowledged',
  'cautioned',
  'remarked',
  'recalled',
  'affirmed',
  'commented',
  'joked',
  'quipped',
  'responded',
  'observed',
  'suggested',
  'asserted',
  'concluded',
  'predicted',
  'boasted',
  'complained',
  'countered',
  'pointed out',
  // More verbs of saying, past and present (features write "she explains", "he notes").
  'underlined',
  'underscored',
  'highlighted',
  'maintained',
  'urged',
  'vowed',
  'pledged',
  'assured',
  'lamented',
  'mentioned',
  'disclosed',
  'revealed',
  'answered',
  'retorted',
  'contended',
  'exclaimed',
  'recounted',
  'explains',
  'notes',
  'writes',
  'argues',
  'insists',
  'warns',
  'recalls',
  'continues',
  'concludes',
  'admits',
  'claims',
  'stresses',
  'observes',
  'recounts',
  'points out',
];

/** A regex alternative of the speech verbs, for building patterns. */
export const SPEECH_VERB_PATTERN = SPEECH_VERBS.join('|');

/**
 * Titles written short with a stop before a name ("Mr. Dahl", "Col. Dipak Gurung", "Lt. Gen. Ann
 * Smith"): the stop ends neither the name nor the sentence.
 */
export const NAME_TITLE_ABBREVIATIONS = [
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'St',
  'Prof',
  'Gen',
  'Col',
  'Lt',
  'Maj',
  'Brig',
  'Sgt',
  'Capt',
  'Cmdr',
  'Adm',
  'Cpl',
  'Supt',
  'Insp',
  'Gov',
  'Sen',
  'Rep',
];
const NAME_TITLE_SET = new Set(NAME_TITLE_ABBREVIATIONS);

/** True when `word` (without its stop) is a title written short ("Col"). */
export function isNameTitleAbbreviation(word: string): boolean {
  return NAME_TITLE_SET.has(word);
}
