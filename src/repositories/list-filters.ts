/** Predicate fragments the list queries share. All take their values from parameters. */

export type { PageRequest } from './graph-reader';

/** Case-insensitive match of `$<param>` against part of the name or of any alias of `n`. */
export function namePredicate(param: string, property: 'name' | 'title' = 'name'): string {
  const aliases = property === 'name' ? ` OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS toLower($${param}))` : '';
  return `(toLower(n.${property}) CONTAINS toLower($${param})${aliases})`;
}
