/**
 * Names in the extractor: ids and name keys are the loader's (src/facts/names.ts), so a draft's
 * names compare the way entity resolution will compare them.
 */

import { idWords } from '../facts/names';

export { nameKey } from '../facts/names';

/** An id with the given prefix: `makeId('actor', 'Steve Witkoff')` -> `actor:steve-witkoff`. */
export function makeId(prefix: string, name: string): string {
  return `${prefix}:${idWords(name)}`;
}

/** Removes a trailing possessive ("Putin’s" -> "Putin"); the second value says whether there was one. */
export function stripPossessive(word: string): [string, boolean] {
  const m = /^(.*?)(?:['’]s|s['’])$/u.exec(word);
  if (!m || m[1].length === 0) return [word, false];
  return [word.endsWith('s’') || word.endsWith("s'") ? `${m[1]}s` : m[1], true];
}
