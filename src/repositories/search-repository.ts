/**
 * Full-text search over the `search_text` index (see schema-repository): builds the Lucene query
 * from the search terms and reads one page of hits by score, with the total count.
 */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { type Props, toActor, toEvent, toLocation, toMeeting, toPosition, toStatement } from '../models/mappers';
import type { NodeModel, SearchHitModel } from '../models/models';
import { NodeRow, parseRow, RowShapeError, rowSchema } from '../models/rows';
import type { SearchTerm } from '../search/terms';
import { type GraphReader, type Label, type ListPage, nodeProps } from './graph-reader';

/** The full-text index search reads; applySchema creates it. */
export const SEARCH_INDEX = 'search_text';

/** The kinds of node a search can be limited to (the GraphQL `SearchType`). */
export type SearchType = 'ACTOR' | 'LOCATION' | 'MEETING' | 'EVENT' | 'POSITION' | 'STATEMENT';

/**
 * Search types in the order a node's type is chosen when it has several labels: a country
 * (Actor and Location) is an actor unless the search is limited to locations.
 */
const TYPES: { type: SearchType; label: Label; map: (props: Props, labels: string[]) => NodeModel }[] = [
  { type: 'ACTOR', label: 'Actor', map: toActor },
  { type: 'LOCATION', label: 'Location', map: toLocation },
  { type: 'MEETING', label: 'Meeting', map: toMeeting },
  { type: 'EVENT', label: 'Event', map: toEvent },
  { type: 'POSITION', label: 'Position', map: toPosition },
  { type: 'STATEMENT', label: 'Statement', map: toStatement },
];

/** The row of `searchNodes`: one page of hits with their scores, and the total count (-1 when not asked for). */
const SearchPageRow = rowSchema(z.object({ totalCount: z.number(), rows: z.array(NodeRow.extend({ score: z.number() })) }));

/** How much more an exact word counts than the same word matched within its edit distance. */
const EXACT_BOOST = 4;

/** What to search for: at least one term, and the node types to look at (null = all). */
export interface SearchQuery {
  terms: SearchTerm[];
  types: SearchType[] | null;
}

/** Limit and position of one page of hits; `after` is the score and node id of the last hit seen. */
export interface SearchPage {
  limit: number;
  after: { score: number; id: string } | null;
  /** Whether to count all hits too (a second pass over the index); -1 when not. */
  count: boolean;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * The Lucene query for the terms: each word exactly (boosted) or within its edit distance, and a
 * node matches when any word does. Words hold only letters, digits, marks and inner apostrophes, and
 * are lower case (so `and`, `or`, `not` are words, not operators); escaping is a second guard.
 * `sybiha putin` -> `(sybiha^4 OR sybiha~2) OR (putin^4 OR putin~1)`.
 */
export function luceneQuery(terms: SearchTerm[]): string {
  return terms
    .map(({ word, maxEdits }) => {
      const escaped = word.replace(LUCENE_SPECIAL, '\\$&');
      return maxEdits > 0 ? `(${escaped}^${EXACT_BOOST} OR ${escaped}~${maxEdits})` : `${escaped}^${EXACT_BOOST}`;
    })
    .join(' OR ');
}

export class SearchRepository {
  constructor(private readonly graph: GraphReader) {}

  /** One page of hits, by score (highest first) then id, and the number of all hits. */
  async search(query: SearchQuery, page: SearchPage): Promise<ListPage<SearchHitModel>> {
    const allowed = query.types === null ? TYPES : TYPES.filter((t) => query.types?.includes(t.type));
    const cypher = `
      CALL () {
        ${
          page.count
            ? `CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $lucene) YIELD node AS n
        WHERE any(label IN labels(n) WHERE label IN $labels)
        RETURN count(n) AS totalCount`
            : 'RETURN -1 AS totalCount'
        }
      }
      CALL () {
        CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $lucene) YIELD node AS n, score
        WHERE any(label IN labels(n) WHERE label IN $labels)
          AND ($afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND n.id > $afterId))
        WITH n, score ORDER BY score DESC, n.id LIMIT $limitPlusOne
        RETURN collect({node: ${nodeProps('n')}, labels: labels(n), score: score}) AS rows
      }
      RETURN {totalCount: totalCount, rows: rows} AS row`;
    const [found] = await this.graph.query('searchNodes', cypher, {
      lucene: luceneQuery(query.terms),
      labels: allowed.map((t) => t.label),
      afterScore: page.after?.score ?? null,
      afterId: page.after?.id ?? null,
      limitPlusOne: neo4j.int(page.limit + 1),
    });
    const { rows, totalCount } = parseRow('searchNodes', SearchPageRow, found);
    return {
      items: rows.slice(0, page.limit).map((row) => {
        // The statement's filter guarantees one allowed label.
        const type = allowed.find((t) => row.labels.includes(t.label));
        if (!type) throw new RowShapeError('searchNodes', [{ field: 'labels', message: `none of ${JSON.stringify(row.labels)} is a searched type` }], row.node);
        const node = type.map(row.node, row.labels);
        return { node: { id: node.id, score: row.score, node, terms: query.terms }, sortKey: String(row.score), id: node.id };
      }),
      hasNextPage: rows.length > page.limit,
      totalCount,
    };
  }
}
