/**
 * Analytics over the whole graph: counts, actor rankings (PageRank included), co-occurrence of
 * actors, the stance matrix and timeline buckets.
 *
 * Results are cached in the server process (`AnalyticsCache`) per query, arguments and graph
 * version. The version lives on the one `GraphMeta` node, which every load transaction stamps
 * (`version` + 1, `lastLoadAt`); it has no `Node` label, so no list, search or path ever sees it.
 * A request reads the version once (a lookup by label and id) and reuses a cached result when the
 * version is unchanged, so a warm analytics request costs that one lookup.
 */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { AnalyticsCache } from '../analytics/cache';
import { bucketStart, bucketStarts, type Interval } from '../analytics/buckets';
import { pageRank } from '../analytics/pagerank';
import { RELATIONSHIP_TYPES } from '../facts/format';
import { toActor, toSource, toStance, toStoredNode } from '../models/mappers';
import type {
  SourceStatsModel,
  ActorModel,
  ActorPairModel,
  GraphStatsModel,
  RankedActorModel,
  StanceMatrixModel,
  StanceModel,
  TimelineBucketModel,
} from '../models/models';
import { count, NodeRow, parseRow, props, required, rowSchema, text } from '../models/rows';
import { periodStart } from './date-range';
import { type GraphReader, type Label, nodeProps } from './graph-reader';

/** The label and id of the node that carries the graph's version and last load time. */
export const GRAPH_META = { label: 'GraphMeta', id: 'graph' } as const;

/** Node labels counted by `stats` (the model types; `Node` is on all of them). */
const COUNTED_LABELS: Label[] = ['Actor', 'Location', 'Meeting', 'Position', 'Statement', 'Stance', 'Event', 'Source'];

export type TopActorsMeasure = 'DEGREE' | 'MEETINGS' | 'STATEMENTS' | 'MENTIONS' | 'PAGERANK';
export type ActorKind = ActorModel['kind'];
export type CoOccurrenceKind = 'MEETING' | 'STATEMENT';

/** Count measures as Cypher expressions over actor `a`; COUNT of one pattern uses the degree store. */
const COUNT_MEASURES: Record<Exclude<TopActorsMeasure, 'PAGERANK'>, string> = {
  DEGREE: 'COUNT { (a)--() }',
  MEETINGS: 'COUNT { (a)-[:PARTICIPATED_IN]->(:Meeting) }',
  STATEMENTS: 'COUNT { (a)-[:SAID]->(:Statement) }',
  MENTIONS: 'COUNT { (a)<-[:MENTIONS]-(:Statement) }',
};

/** How two actors share a node, per co-occurrence kind: `(a)` and `(b)` around shared `(x)`. */
const CO_OCCURRENCE: Record<CoOccurrenceKind, { pattern: string; order: string }> = {
  MEETING: { pattern: '(a:Actor)-[:PARTICIPATED_IN]->(x:Meeting)<-[:PARTICIPATED_IN]-(b:Actor)', order: "coalesce(x.startDate, '9999')" },
  // SAID runs actor -> statement and MENTIONS statement -> actor, so undirected is exact here.
  STATEMENT: { pattern: '(a:Actor)-[:SAID|MENTIONS]-(x:Statement)-[:SAID|MENTIONS]-(b:Actor)', order: "coalesce(x.date, '9999')" },
};

/** How many shared nodes an actor pair lists; how many actors and topics a stance matrix holds. */
export const TOGETHER_LIMIT = 20;
export const MATRIX_LIMIT = 50;
/** The most buckets `timelineBuckets` returns. */
export const MAX_BUCKETS = 1_000;

/** What goes into timeline buckets: a label and the date it sorts by. */
const DATED: { field: keyof Omit<TimelineBucketModel, 'start'>; label: Label; date: string }[] = [
  { field: 'meetings', label: 'Meeting', date: 'startDate' },
  { field: 'statements', label: 'Statement', date: 'date' },
  { field: 'events', label: 'Event', date: 'date' },
];

/** The row shapes of the statements below, by statement. */
const ROWS = {
  findGraphVersion: rowSchema(z.number()),
  graphStats: rowSchema(z.object({ nodes: z.array(z.number()), relationships: z.array(z.number()), lastLoadAt: text })),
  sourceStats: rowSchema(z.object({ source: props, nodes: z.number(), relationships: z.number(), disputed: z.number() })),
  topActors: rowSchema(NodeRow.extend({ score: z.number() })),
  // An actor without a name or kind sorts and filters as null, as it always did.
  actorCoParticipation: rowSchema(
    z.object({
      actors: z.array(z.tuple([z.string(), required(z.string()), required(z.string())])),
      pairs: z.array(z.tuple([z.string(), z.string(), z.number()])),
    }),
  ),
  findActorsById: NodeRow,
  coOccurrence: rowSchema(
    z.object({ a: props, aLabels: z.array(z.string()), b: props, bLabels: z.array(z.string()), count: z.number(), together: z.array(NodeRow) }),
  ),
  stanceMatrixKeys: rowSchema(z.object({ actor: z.string(), name: required(z.string()), topic: z.string(), stance: z.string() })),
  timelineBuckets: rowSchema(z.object(Object.fromEntries(DATED.map(({ field }) => [field, z.array(z.tuple([z.string(), count]))])))),
};

export class AnalyticsRepository {
  private versionRead: Promise<number> | null = null;

  constructor(
    private readonly graph: GraphReader,
    private readonly cache: AnalyticsCache,
  ) {}

  /** The graph version (0 before the first stamped load); read at most once per request. */
  version(): Promise<number> {
    this.versionRead ??= this.graph
      .query('findGraphVersion', `OPTIONAL MATCH (m:${GRAPH_META.label} {id: $id}) RETURN coalesce(m.version, 0) AS row`, { id: GRAPH_META.id })
      .then(([version]) => parseRow('findGraphVersion', ROWS.findGraphVersion, version));
    return this.versionRead;
  }

  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.cache.get(await this.version(), key, compute);
  }

  /** Counts per label and relationship type, all from the count store, and the last load time. */
  stats(): Promise<GraphStatsModel> {
    return this.cached('stats', async () => {
      const labels = COUNTED_LABELS.map((label, i) => `CALL () { MATCH (n:${label}) RETURN count(n) AS n${i} }`);
      const types = RELATIONSHIP_TYPES.map((type, i) => `CALL () { MATCH ()-[r:${type}]->() RETURN count(r) AS r${i} }`);
      const cypher = `${[...labels, ...types].join('\n')}
        OPTIONAL MATCH (m:${GRAPH_META.label} {id: $id})
        RETURN {nodes: [${COUNTED_LABELS.map((_, i) => `n${i}`).join(', ')}], relationships: [${RELATIONSHIP_TYPES.map((_, i) => `r${i}`).join(', ')}], lastLoadAt: m.lastLoadAt} AS row`;
      const row = parseRow('graphStats', ROWS.graphStats, (await this.graph.query('graphStats', cypher, { id: GRAPH_META.id }))[0]);
      const nodes = COUNTED_LABELS.map((type, i) => ({ type, count: row.nodes[i] }));
      return {
        nodes,
        relationships: RELATIONSHIP_TYPES.map((type, i) => ({ type, count: row.relationships[i] })),
        sources: nodes.find((n) => n.type === 'Source')!.count,
        lastLoadAt: row.lastLoadAt,
      };
    });
  }

  /** Per source, the nodes and relationships it makes claims about and how many are disputed; most first. */
  sourceStats(first: number): Promise<SourceStatsModel[]> {
    return this.cached(`sourceStats|${first}`, async () => {
      if (first === 0) return [];
      const rows = await this.graph.query(
        'sourceStats',
        `MATCH (s:Source)
         CALL (s) {
           MATCH (c:Claim {source: s.id}) WHERE c.of <> s.id
           RETURN count(CASE WHEN c.of CONTAINS '|' THEN 1 END) AS relationships, count(CASE WHEN NOT c.of CONTAINS '|' THEN 1 END) AS nodes,
             count(CASE WHEN EXISTS { MATCH (:Dispute {of: c.of}) } THEN 1 END) AS disputed
         }
         WITH s, nodes, relationships, disputed ORDER BY nodes + relationships DESC, s.id LIMIT $first
         RETURN {source: ${nodeProps('s')}, nodes: nodes, relationships: relationships, disputed: disputed} AS row`,
        { first: neo4j.int(first) },
      );
      return rows.map((r) => {
        const { source, ...counts } = parseRow('sourceStats', ROWS.sourceStats, r);
        return { source: toSource(source), ...counts };
      });
    });
  }

  /** The `first` highest-ranked actors (of `kind`, when given) by a measure; ties by name, then id. */
  topActors(by: TopActorsMeasure, kind: ActorKind | null, first: number): Promise<RankedActorModel[]> {
    return this.cached(`topActors|${by}|${kind}|${first}`, async () => {
      if (first === 0) return [];
      if (by === 'PAGERANK') return this.topByPageRank(kind, first);
      const rows = await this.graph.query(
        `topActors ${by}`,
        `MATCH (a:Actor) WHERE $kind IS NULL OR a.kind = $kind
         WITH a, ${COUNT_MEASURES[by]} AS score
         ORDER BY score DESC, a.name, a.id LIMIT $first
         RETURN {node: ${nodeProps('a')}, labels: labels(a), score: score} AS row`,
        { kind, first: neo4j.int(first) },
      );
      return rows.map((r, i) => {
        const row = parseRow(`topActors ${by}`, ROWS.topActors, r);
        return { actor: toActor(row.node, row.labels), score: row.score, rank: i + 1 };
      });
    });
  }

  /** PageRank scores of every actor, from one read of the weighted co-participation pairs. */
  private pageRankScores(): Promise<{ scores: Map<string, number>; actors: { id: string; name: string; kind: string }[] }> {
    return this.cached('pageRankScores', async () => {
      const [found] = await this.graph.query(
        'actorCoParticipation',
        `CALL () { MATCH (a:Actor) RETURN collect([a.id, a.name, a.kind]) AS actors }
         CALL () {
           MATCH (a:Actor)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(b:Actor) WHERE a.id < b.id
           WITH a.id AS a, b.id AS b, count(DISTINCT m) AS weight
           RETURN collect([a, b, weight]) AS pairs
         }
         RETURN {actors: actors, pairs: pairs} AS row`,
      );
      const row = parseRow('actorCoParticipation', ROWS.actorCoParticipation, found);
      const actors = row.actors.map(([id, name, kind]) => ({ id, name, kind }));
      const pairs = row.pairs.map(([a, b, weight]) => ({ a, b, weight }));
      return {
        scores: pageRank(
          actors.map((a) => a.id),
          pairs,
        ),
        actors,
      };
    });
  }

  private async topByPageRank(kind: ActorKind | null, first: number): Promise<RankedActorModel[]> {
    const { scores, actors } = await this.pageRankScores();
    const top = actors
      .filter((a) => kind === null || a.kind === kind)
      .map((a) => ({ ...a, score: scores.get(a.id)! }))
      .sort((x, y) => y.score - x.score || compare(x.name, y.name) || compare(x.id, y.id))
      .slice(0, first);
    const byId = await this.actorsById(top.map((a) => a.id));
    return top.map((a, i) => ({ actor: byId.get(a.id)!, score: a.score, rank: i + 1 }));
  }

  private async actorsById(ids: string[]): Promise<Map<string, ActorModel>> {
    const rows = await this.graph.query(
      'findActorsById',
      `UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN {node: ${nodeProps('a')}, labels: labels(a)} AS row`,
      { ids },
    );
    return new Map(
      rows
        .map((r) => parseRow('findActorsById', ROWS.findActorsById, r))
        .map((row) => toActor(row.node, row.labels))
        .map((actor) => [actor.id, actor]),
    );
  }

  /**
   * Actor pairs sharing at least `minCount` meetings or statements, most first (ties by the
   * names), each with up to TOGETHER_LIMIT of the shared nodes, earliest first.
   */
  coOccurrence(kind: CoOccurrenceKind, minCount: number, first: number): Promise<ActorPairModel[]> {
    return this.cached(`coOccurrence|${kind}|${minCount}|${first}`, async () => {
      if (first === 0) return [];
      const { pattern, order } = CO_OCCURRENCE[kind];
      const rows = await this.graph.query(
        `coOccurrence ${kind}`,
        `MATCH ${pattern} WHERE a.id < b.id
         WITH a, b, count(DISTINCT x) AS count WHERE count >= $minCount
         ORDER BY count DESC, a.name, b.name, a.id, b.id LIMIT $first
         CALL (a, b) {
           MATCH ${pattern.replace('(a:Actor)', '(a)').replace('(b:Actor)', '(b)')}
           WITH DISTINCT x ORDER BY ${order}, x.id LIMIT ${TOGETHER_LIMIT}
           RETURN collect({node: ${nodeProps('x')}, labels: labels(x)}) AS together
         }
         RETURN {a: ${nodeProps('a')}, aLabels: labels(a), b: ${nodeProps('b')}, bLabels: labels(b), count: count, together: together} AS row`,
        { minCount: neo4j.int(minCount), first: neo4j.int(first) },
      );
      return rows.map((r) => {
        const row = parseRow(`coOccurrence ${kind}`, ROWS.coOccurrence, r);
        return {
          a: toActor(row.a, row.aLabels),
          b: toActor(row.b, row.bLabels),
          count: row.count,
          together: row.together.map((t) => toStoredNode(t.node, t.labels)),
        };
      });
    });
  }

  /**
   * The stances of `actorIds` (default: every actor holding one) on `topics` (default: every
   * topic they hold a stance on), topics matched exactly but in any case; at most MATRIX_LIMIT
   * actors (by name) and topics (alphabetically). Cells exist only where a stance does.
   */
  stanceMatrix(topics: string[] | null, actorIds: string[] | null): Promise<StanceMatrixModel> {
    return this.cached(`stanceMatrix|${JSON.stringify(topics)}|${JSON.stringify(actorIds)}`, async () => {
      // Asked-for topics keep the spelling given (first of case-insensitive repeats).
      const askedTopics = topics && [...new Map(topics.map((t) => [t.toLowerCase(), t])).values()];
      // First the matching stances as ids and names only (a big graph has thousands), then the
      // models of just the actors and stances that make it into the matrix.
      const found = await this.graph.query(
        'stanceMatrixKeys',
        `MATCH (a:Actor)-[:TAKES_STANCE]->(s:Stance)
         WHERE ($actorIds IS NULL OR a.id IN $actorIds) AND ($topics IS NULL OR toLower(s.topic) IN $topics)
         RETURN {actor: a.id, name: a.name, topic: s.topic, stance: s.id} AS row`,
        { actorIds, topics: askedTopics && askedTopics.map((t) => t.toLowerCase()) },
      );
      const rows = found.map((r) => parseRow('stanceMatrixKeys', ROWS.stanceMatrixKeys, r));
      let actorList: string[];
      if (actorIds) {
        actorList = [...new Set(actorIds)].slice(0, MATRIX_LIMIT);
      } else {
        const names = new Map(rows.map((r) => [r.actor, r.name]));
        actorList = [...names.keys()].sort((x, y) => compare(names.get(x)!, names.get(y)!) || compare(x, y)).slice(0, MATRIX_LIMIT);
      }
      const storedTopics = new Map<string, string>();
      for (const { topic } of rows) {
        const key = topic.toLowerCase();
        if (!storedTopics.has(key) || topic < storedTopics.get(key)!) storedTopics.set(key, topic);
      }
      const topicList = (askedTopics ?? [...storedTopics.values()].sort((x, y) => compare(x.toLowerCase(), y.toLowerCase()))).slice(0, MATRIX_LIMIT);
      const actorOrder = new Map(actorList.map((id, i) => [id, i]));
      const topicOrder = new Map(topicList.map((t, i) => [t.toLowerCase(), i]));
      const inMatrix = rows
        .filter((r) => actorOrder.has(r.actor) && topicOrder.has(r.topic.toLowerCase()))
        .sort(
          (x, y) =>
            actorOrder.get(x.actor)! - actorOrder.get(y.actor)! ||
            topicOrder.get(x.topic.toLowerCase())! - topicOrder.get(y.topic.toLowerCase())! ||
            compare(x.stance, y.stance),
        );
      const [actorsById, stancesById] = await Promise.all([this.actorsById(actorList), this.stancesById(inMatrix.map((r) => r.stance))]);
      // Every asked-for actor that exists, in the order asked, with or without stances.
      const actors = actorList.flatMap((id) => actorsById.get(id) ?? []);
      const cells = new Map<string, StanceMatrixModel['cells'][number]>();
      for (const row of inMatrix) {
        const topic = topicList[topicOrder.get(row.topic.toLowerCase())!];
        const key = `${row.actor}|${topic.toLowerCase()}`;
        const cell = cells.get(key) ?? cells.set(key, { actor: actorsById.get(row.actor)!, topic, stances: [] }).get(key)!;
        cell.stances.push(stancesById.get(row.stance)!);
      }
      return { actors, topics: topicList, cells: [...cells.values()] };
    });
  }

  private async stancesById(ids: string[]): Promise<Map<string, StanceModel>> {
    const rows = await this.graph.query('findStancesById', `UNWIND $ids AS id MATCH (s:Stance {id: id}) RETURN ${nodeProps('s')} AS row`, { ids });
    return new Map(rows.map((r) => toStance(r)).map((stance) => [stance.id, stance]));
  }

  /**
   * Dated meetings, statements and events counted per bucket from the bucket of `from` to that of
   * `lastDay`; an item counts where the first day of its date's period falls. The caller has
   * checked that the range is ordered and holds at most MAX_BUCKETS buckets.
   */
  timelineBuckets(from: string, lastDay: string, interval: Interval): Promise<TimelineBucketModel[]> {
    const firstDay = periodStart(from);
    const starts = bucketStarts(firstDay, lastDay, interval, MAX_BUCKETS);
    if (!starts) throw new Error(`timelineBuckets: more than ${MAX_BUCKETS} buckets`);
    return this.cached(`timelineBuckets|${firstDay}|${lastDay}|${interval}`, async () => {
      // One grouped read per label; `>= year` and `<= lastDay` let the date index find candidates.
      const branches = DATED.map(
        ({ field, label, date }) => `CALL () {
           MATCH (n:${label}) WHERE n.${date} >= $fromYear AND n.${date} <= $lastDay
           WITH left(n.${date} + '-01-01', 10) AS day WHERE day >= $firstDay AND day <= $lastDay
           WITH day, count(*) AS count
           RETURN collect([day, count]) AS ${field}
         }`,
      );
      const [found] = await this.graph.query(
        'timelineBuckets',
        `${branches.join('\n')} RETURN {${DATED.map((d) => `${d.field}: ${d.field}`).join(', ')}} AS row`,
        { fromYear: firstDay.slice(0, 4), firstDay, lastDay },
      );
      const row = parseRow('timelineBuckets', ROWS.timelineBuckets, found);
      const buckets = new Map(starts.map((start) => [start, { start, meetings: 0, statements: 0, events: 0 }]));
      for (const { field } of DATED) {
        for (const [day, count] of row[field]) buckets.get(bucketStart(day, interval))![field] += count;
      }
      return [...buckets.values()];
    });
  }
}

/** Code-point order, the same in every locale (like Cypher's string order). */
function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
