/**
 * Highlights of a search hit: for each searched field of the node that contains a matching word, a
 * short snippet of that field and the offsets of the matching words in it. Computed from the node's
 * own properties and the search terms, with the same word rules and edit distances as the query.
 */
import type { NodeModel } from '../models/models';
import { type SearchTerm, matchesTerm, words } from './terms';

/** The longest snippet, in characters, including the `…` marks where the field was cut. */
export const SNIPPET_LENGTH = 160;
/** How much of the field a cut snippet shows before its first match. */
const LEAD = 40;
const ELLIPSIS = '…';

/** A span in a snippet: `start` inclusive, `end` exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/** One highlighted field of a hit (the GraphQL `SearchHighlight`). */
export interface SearchHighlight {
  field: 'name' | 'alias' | 'title' | 'text' | 'description';
  snippet: string;
  matches: TextSpan[];
}

/** The searched fields of a node with their values, in the order highlights are listed. */
function searchedFields(node: NodeModel): [SearchHighlight['field'], string][] {
  const fields: [SearchHighlight['field'], string | null][] = [];
  if ('name' in node) fields.push(['name', node.name]);
  if ('aliases' in node) fields.push(...node.aliases.map((alias): [SearchHighlight['field'], string] => ['alias', alias]));
  if (node.nodeType === 'Position') fields.push(['title', node.title]);
  if (node.nodeType === 'Statement') fields.push(['text', node.text]);
  if ('description' in node) fields.push(['description', node.description]);
  return fields.filter((f): f is [SearchHighlight['field'], string] => typeof f[1] === 'string' && f[1] !== '');
}

/** Every field of `node` with a word matching one of `terms`, as a snippet with the words marked. */
export function highlights(node: NodeModel, terms: SearchTerm[]): SearchHighlight[] {
  const result: SearchHighlight[] = [];
  for (const [field, value] of searchedFields(node)) {
    const matched = words(value).filter((w) => terms.some((term) => matchesTerm(w.word, term)));
    if (matched.length > 0) result.push({ field, ...snippet(value, matched) });
  }
  return result;
}

/**
 * The whole value when it is short enough, else a window of it that starts a little before the
 * first match, cut at spaces, with `…` marking each cut; spans are moved to snippet offsets.
 */
export function snippet(value: string, matched: TextSpan[]): { snippet: string; matches: TextSpan[] } {
  if (value.length <= SNIPPET_LENGTH) return { snippet: value, matches: matched.map(({ start, end }) => ({ start, end })) };
  const first = matched[0];
  const room = SNIPPET_LENGTH - 2 * ELLIPSIS.length;
  let start = Math.max(0, Math.min(first.start - LEAD, value.length - room));
  let end = Math.min(value.length, start + room);
  // Cut at spaces so no word is shown in part, unless that would drop the first match.
  if (start > 0) {
    const space = value.indexOf(' ', start - 1);
    if (space !== -1 && space < first.start) start = space + 1;
  }
  if (end < value.length) {
    const space = value.lastIndexOf(' ', end);
    if (space >= first.end) end = space;
  }
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < value.length ? ELLIPSIS : '';
  const shift = prefix.length - start;
  return {
    snippet: `${prefix}${value.slice(start, end)}${suffix}`,
    matches: matched.filter((m) => m.start >= start && m.end <= end).map((m) => ({ start: m.start + shift, end: m.end + shift })),
  };
}
