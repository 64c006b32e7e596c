/**
 * The timeline: dated meetings, statements and events in one list, in date order. A partial date
 * sorts by the first day of its period (`2026-02` as `2026-02-01`), ties by id; a meeting is dated
 * by its start and spans to its end (or its start, when it has no end) for range filters.
 */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { toFuzzyDate, toStoredNode } from '../models/mappers';
import type { TimelineEntryModel } from '../models/models';
import { IdentifiedProps, NodeRow, parseRow, type Props, RowShapeError, rowSchema } from '../models/rows';
import { type DateRange, dateRangeFilter } from './date-range';
import { type GraphReader, type Label, type ListPage, nodeProps, type PageRequest } from './graph-reader';

/** Filters of the timeline. */
export interface TimelineFilter extends DateRange {
  /** Only entries this actor took part in (meetings), said (statements) or was involved in (events). */
  actorId?: string | null;
}

type Kind = TimelineEntryModel['kind'];

/** What goes on the timeline: a label, its date property, and how an actor is linked to it. */
const BRANCHES: { kind: Kind; label: Label; date: string; end: string | null; actorRel: string }[] = [
  { kind: 'MEETING', label: 'Meeting', date: 'startDate', end: 'endDate', actorRel: 'PARTICIPATED_IN' },
  { kind: 'STATEMENT', label: 'Statement', date: 'date', end: null, actorRel: 'SAID' },
  { kind: 'EVENT', label: 'Event', date: 'date', end: null, actorRel: 'INVOLVED_IN' },
];

/** The row of `listTimeline`: one page of dated nodes, each with its kind and the name of its date, and the total count. */
const TimelinePageRow = rowSchema(
  z.object({
    totalCount: z.number(),
    rows: z.array(NodeRow.extend({ node: IdentifiedProps, kind: z.enum(BRANCHES.map((b) => b.kind)), dateName: z.string(), sortKey: z.string() })),
  }),
);

/** The sort key of a stored partial date: the first day of its period (as `periodStart`). */
const sortKey = (date: string) => `left(${date} + '-01-01', 10)`;

export class TimelineRepository {
  constructor(private readonly graph: GraphReader) {}

  /** One page of the timeline with the total number of matching entries. */
  async page(filter: TimelineFilter, page: PageRequest): Promise<ListPage<TimelineEntryModel>> {
    const range = { from: filter.from ?? null, to: filter.to ?? null };
    const params: Record<string, unknown> = {};
    const union = (withCursor: boolean) =>
      BRANCHES.map((b) => {
        const date = `n.${b.date}`;
        // Overlap of [start, end] with [from, to]: the end must reach `from`, the start `to`.
        const fromFilter = dateRangeFilter(b.end ? `coalesce(n.${b.end}, ${date})` : date, { from: range.from }, 'rangeFrom');
        const toFilter = dateRangeFilter(date, { to: range.to }, 'rangeTo');
        Object.assign(params, fromFilter.params, toFilter.params);
        const predicates = [`${date} IS NOT NULL`, ...toFilter.predicates, ...fromFilter.predicates];
        if (filter.actorId != null) predicates.push(`EXISTS { (:Actor {id: $actorId})-[:${b.actorRel}]->(n) }`);
        if (withCursor) {
          // A date's sort key starts with its year, so the first bound can use the date index.
          predicates.push(`${date} >= left($afterKey, 4)`, `(${sortKey(date)} > $afterKey OR (${sortKey(date)} = $afterKey AND n.id > $afterId))`);
        }
        return `MATCH (n:${b.label}) WHERE ${predicates.join(' AND ')} RETURN n, '${b.kind}' AS kind, '${b.date}' AS dateName`;
      }).join('\n        UNION ALL\n        ');
    // Cost: each branch reads the dated nodes of its label that pass the filters (the range and
    // cursor bounds can be served by the date indexes); the page is a top-k sort over them, so
    // memory holds at most first+1 entries. The count reads the same matches without sorting.
    const cypher = `
      CALL () { CALL () {
        ${union(false)}
      } RETURN count(*) AS totalCount }
      CALL () {
        CALL () {
        ${union(page.after !== null)}
        }
        WITH n, kind, dateName, ${sortKey('n[dateName]')} AS sortKey ORDER BY sortKey, n.id LIMIT $limitPlusOne
        RETURN collect({node: ${nodeProps('n')}, labels: labels(n), kind: kind, dateName: dateName, sortKey: sortKey}) AS rows
      }
      RETURN {totalCount: totalCount, rows: rows} AS row`;
    const [found] = await this.graph.query('listTimeline', cypher, {
      ...params,
      actorId: filter.actorId ?? null,
      afterKey: page.after?.key ?? null,
      afterId: page.after?.id ?? null,
      limitPlusOne: neo4j.int(page.limit + 1),
    });
    const { rows, totalCount } = parseRow('listTimeline', TimelinePageRow, found);
    return {
      items: rows.slice(0, page.limit).map((row) => ({ node: toEntry(row), sortKey: row.sortKey, id: row.node.id })),
      hasNextPage: rows.length > page.limit,
      totalCount,
    };
  }
}

function toEntry(row: { node: Props; labels: string[]; kind: Kind; dateName: string }): TimelineEntryModel {
  const node = toStoredNode(row.node, row.labels);
  // The statement only returns nodes with the date property set.
  const date = toFuzzyDate(row.node, row.dateName);
  if (!date) throw new RowShapeError('listTimeline', [{ field: row.dateName, message: 'expected a date' }], row.node);
  return { id: node.id, kind: row.kind, date, node };
}
