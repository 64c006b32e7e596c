/**
 * Name normalisation shared by the extractor and its evaluation: one way to turn a name into an id
 * word list, and one way to compare two names.
 */

/** Strips diacritics and apostrophes and lower-cases: "Zelenskyy’s" -> "zelenskyys". */
function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`]/g, '')
    .toLowerCase();
}

/** Lower-case ascii words joined by hyphens, as the id format wants: "Andrii Sybiha" -> "andrii-sybiha". */
export function kebab(name: string): string {
  const words = fold(name).match(/[a-z0-9]+/g) ?? [];
  return words.join('-') || 'unnamed';
}

/** An id with the given prefix: `makeId('actor', 'Steve Witkoff')` -> `actor:steve-witkoff`. */
export function makeId(prefix: string, name: string): string {
  return `${prefix}:${kebab(name)}`;
}

/** The comparison key of a name: folded words joined by single spaces, without a leading "the". */
export function nameKey(name: string): string {
  return (fold(name).match(/[a-z0-9]+/g) ?? []).filter((w, i) => !(i === 0 && w === 'the')).join(' ');
}

/** Removes a trailing possessive ("Putin’s" -> "Putin"); the second value says whether there was one. */
export function stripPossessive(word: string): [string, boolean] {
  const m = /^(.*?)(?:['’]s|s['’])$/u.exec(word);
  if (!m || m[1].length === 0) return [word, false];
  return [word.endsWith('s’') || word.endsWith("s'") ? `${m[1]}s` : m[1], true];
}
