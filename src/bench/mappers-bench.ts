/**
 * Microbenchmark of the row -> model boundary: the old mappers, which cast what they read, against
 * the parsing ones (src/models/rows.ts), in one process, on rows shaped like the reads return them
 * for the seed article's nodes and relationships. No database: it times mapping only, so it can
 * run on a shared machine without disturbing anyone.
 *
 *   npm run bench:mappers
 *   npx tsx src/bench/mappers-bench.ts [rounds=21] [rowsPerRound=20000] [workload name regex]
 *
 * Workloads: one actor by id (the `point` question: envelope and toActor); a 20-row actor list
 * page (`filteredList`: envelope and toActor); a page of links to actors (envelope, toActor,
 * toFuzzyDate twice, toFact: what `nested2`'s participants cost per row); every seed node as a
 * full row (`nodeProps`, null for what a node lacks) through toNode; and partial actor rows
 * ({id, name, kind}, as a selection compiler projects them). Old and new alternate round by round,
 * so a neighbour's load falls on both; each figure is the median round, in CPU time of this
 * process (steadier on a shared machine) and in wall time.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { toActor, toFact, toFuzzyDate, toNode } from '../models/mappers';
import type {
  ActorModel,
  EventModel,
  FactModel,
  FuzzyDateModel,
  LocationModel,
  MeetingModel,
  NodeModel,
  PositionModel,
  SourceModel,
  StanceModel,
  StatementModel,
} from '../models/models';
import { parseRow } from '../models/rows';
import { PROJECT_ROOT } from '../paths';
import { nodeProps } from '../repositories/graph-reader';
import { LinkPageRow, ListPageRow, NodeByIdRow } from '../repositories/reader-rows';

type Props = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// The mappers as they were before rows were parsed (src/models/mappers.ts at be7a7ad, renamed
// cast*), for comparison only.

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const strs = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** How a stored node or relationship stands among its sources (see FactModel). */
function castToFact(props: Props, key: unknown): FactModel {
  return { key: key as string, sourceCount: typeof props.sourceCount === 'number' ? props.sourceCount : 0, disputed: strs(props.disputed) };
}

/** Reads the fuzzy date stored under `name`, or null when there is none. */
function castToFuzzyDate(props: Props, name: string): FuzzyDateModel | null {
  const value = str(props[name]);
  if (value === null) return null;
  return {
    value,
    precision: props[`${name}Precision`] as FuzzyDateModel['precision'],
    inferred: props[`${name}Inferred`] === true,
    expression: str(props[`${name}Expression`]),
  };
}

function castToActor(props: Props, labels: string[] = []): ActorModel {
  return {
    nodeType: 'Actor',
    id: props.id as string,
    fact: castToFact(props, props.id),
    name: props.name as string,
    kind: props.kind as ActorModel['kind'],
    aliases: strs(props.aliases),
    description: str(props.description),
    isLocation: labels.includes('Location') || props.kind === 'COUNTRY',
  };
}

function castToLocation(props: Props, labels: string[] = []): LocationModel {
  return {
    nodeType: 'Location',
    id: props.id as string,
    fact: castToFact(props, props.id),
    name: props.name as string,
    kind: props.kind as LocationModel['kind'],
    aliases: strs(props.aliases),
    description: str(props.description),
    isActor: labels.includes('Actor') || props.kind === 'COUNTRY',
  };
}

function castToMeeting(props: Props): MeetingModel {
  return {
    nodeType: 'Meeting',
    id: props.id as string,
    fact: castToFact(props, props.id),
    name: props.name as string,
    aliases: strs(props.aliases),
    description: str(props.description),
    startDate: castToFuzzyDate(props, 'startDate'),
    endDate: castToFuzzyDate(props, 'endDate'),
    outcome: str(props.outcome),
  };
}

function castToPosition(props: Props): PositionModel {
  return {
    nodeType: 'Position',
    id: props.id as string,
    fact: castToFact(props, props.id),
    title: props.title as string,
    description: str(props.description),
  };
}

function castToStatement(props: Props): StatementModel {
  return {
    nodeType: 'Statement',
    id: props.id as string,
    fact: castToFact(props, props.id),
    text: props.text as string,
    kind: props.kind as StatementModel['kind'],
    topics: strs(props.topics),
    date: castToFuzzyDate(props, 'date'),
  };
}

function castToStance(props: Props): StanceModel {
  return {
    nodeType: 'Stance',
    id: props.id as string,
    fact: castToFact(props, props.id),
    topic: props.topic as string,
    stance: props.stance as string,
    summary: props.summary as string,
  };
}

function castToEvent(props: Props): EventModel {
  return {
    nodeType: 'Event',
    id: props.id as string,
    fact: castToFact(props, props.id),
    name: props.name as string,
    kind: str(props.kind),
    description: str(props.description),
    date: castToFuzzyDate(props, 'date'),
  };
}

function castToSource(props: Props): SourceModel {
  return {
    nodeType: 'Source',
    id: props.id as string,
    fact: castToFact(props, props.id),
    title: props.title as string,
    publisher: props.publisher as string,
    url: str(props.url),
    publishedDate: castToFuzzyDate(props, 'publishedDate'),
    text: props.text as string,
    sentences: strs(props.sentences),
  };
}

/**
 * Maps a node of any type, given its labels, to its model. Actor wins over Location for a
 * country, so `node(id)` returns countries as actors.
 */
function castToNode(props: Props, labels: string[]): NodeModel | null {
  if (labels.includes('Actor')) return castToActor(props, labels);
  if (labels.includes('Location')) return castToLocation(props, labels);
  if (labels.includes('Meeting')) return castToMeeting(props);
  if (labels.includes('Position')) return castToPosition(props);
  if (labels.includes('Statement')) return castToStatement(props);
  if (labels.includes('Stance')) return castToStance(props);
  if (labels.includes('Event')) return castToEvent(props);
  if (labels.includes('Source')) return castToSource(props);
  return null;
}

const old = { toNode: castToNode, toActor: castToActor, toFact: castToFact, toFuzzyDate: castToFuzzyDate };

// ---------------------------------------------------------------------------------------------
// Rows as the reads return them, built from the seed article's facts.

interface SeedEntity {
  id: string;
  type: string;
  [field: string]: unknown;
}
interface SeedRelationship {
  type: string;
  from: string;
  to: string;
  [field: string]: unknown;
}

const SEED_FILE = join(PROJECT_ROOT, 'seed', 'data', 'uae-talks.json');
const LABELS: Record<string, string[]> = { Country: ['Node', 'Actor', 'Location'] };
/** The properties `nodeProps` projects, so the rows have the real projection's keys. */
const PROJECTED = [...nodeProps('n').matchAll(/\.(\w+)/g)].map((m) => m[1]);

/** An entity's stored properties: dates flattened, one source, nothing disputed. */
function stored(fields: Record<string, unknown>): Props {
  const props: Props = { sourceCount: 1, disputed: [] };
  for (const [key, value] of Object.entries(fields)) {
    if (['type', 'evidence', 'sameAs', 'from', 'to'].includes(key)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value) && 'precision' in value) {
      const date = value as { value: string; precision: string; inferred: boolean; expression?: string };
      Object.assign(props, {
        [key]: date.value,
        [`${key}Precision`]: date.precision,
        [`${key}Inferred`]: date.inferred,
        [`${key}Expression`]: date.expression ?? null,
      });
    } else props[key] = value;
  }
  return props;
}

function buildRows() {
  const doc = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as { entities: SeedEntity[]; relationships: SeedRelationship[] };
  const nodes = doc.entities.map((e) => {
    const props = stored({ ...e, kind: e.type === 'Country' ? 'COUNTRY' : e.kind });
    return { node: Object.fromEntries(PROJECTED.map((p) => [p, props[p] ?? null])), labels: LABELS[e.type] ?? ['Node', e.type] };
  });
  const byId = new Map(nodes.map((n) => [n.node.id as string, n]));
  const actors = nodes.filter((n) => n.labels.includes('Actor'));
  const listPage = { totalCount: actors.length, rows: actors.slice(0, 21).map((n) => ({ ...n, sortKey: String(n.node.name).toLowerCase() })) };
  const links = doc.relationships
    .filter((r) => byId.get(r.to)?.labels.includes('Actor'))
    .map((r) => {
      const rel = { key: `${r.from}|${r.type}|${r.to}`, firstClaim: '2026-01-25|source:observer-uae-talks', ...stored(r) };
      return { ...byId.get(r.to)!, rel, outgoing: true, sortKey: String(byId.get(r.to)!.node.name).toLowerCase(), tieId: `${r.to}|${rel.key}` };
    });
  const linkPage = { fromId: 'actor:andrii-sybiha', totalCount: links.length, rows: links };
  const partial = actors.map((n) => ({ node: { id: n.node.id, name: n.node.name, kind: n.node.kind }, labels: n.labels }));
  const byIdRow = { id: actors[0].node.id, ...actors[0] };
  return { nodes, byIdRow, listPage, linkPage, partial };
}

// ---------------------------------------------------------------------------------------------
// The workloads, old and new. Each returns the models it made and how many rows it mapped.

type Rows = ReturnType<typeof buildRows>;
interface Workload {
  name: string;
  old: (rows: Rows) => unknown[];
  new: (rows: Rows) => unknown[];
  rows: (rows: Rows) => number;
}

const linkModel =
  (toActorFn: (p: Props, l: string[]) => unknown, fact: (p: Props, k: unknown) => unknown, date: (p: Props, n: string) => unknown) =>
  (r: { node: Props; labels: string[]; rel: Props }) => ({
    other: toActorFn(r.node, r.labels),
    since: date(r.rel, 'since'),
    until: date(r.rel, 'until'),
    fact: fact(r.rel, r.rel.key),
  });

const WORKLOADS: Workload[] = [
  {
    name: 'point: one actor by id (envelope + toActor)',
    old: (r) => {
      const row = r.byIdRow as Record<string, unknown>;
      const found = { node: row.node as Props, labels: row.labels as string[] };
      return [old.toActor(found.node, found.labels)];
    },
    new: (r) => {
      const found = parseRow('findNodesById', NodeByIdRow, r.byIdRow);
      return [toActor(found.node, found.labels)];
    },
    rows: () => 1,
  },
  {
    name: 'filteredList: 20-actor list page (envelope + toActor)',
    old: (r) => {
      const page = r.listPage as unknown as { totalCount: number; rows: { node: Props; labels: string[]; sortKey: string }[] };
      return page.rows.slice(0, 20).map((row) => ({ node: old.toActor(row.node, row.labels), sortKey: row.sortKey, id: row.node.id as string }));
    },
    new: (r) => {
      const page = parseRow('listActors', ListPageRow, r.listPage);
      return page.rows.slice(0, 20).map((row) => ({ node: toActor(row.node, row.labels), sortKey: row.sortKey, id: row.node.id }));
    },
    rows: (r) => Math.min(20, r.listPage.rows.length),
  },
  {
    name: 'link page to actors (envelope + toActor + 2 dates + toFact)',
    old: (r) =>
      (r.linkPage as unknown as { rows: { node: Props; labels: string[]; rel: Props }[] }).rows.map(linkModel(old.toActor, old.toFact, old.toFuzzyDate)),
    new: (r) => parseRow('actorRelations', LinkPageRow, r.linkPage).rows.map(linkModel(toActor, toFact, toFuzzyDate)),
    rows: (r) => r.linkPage.rows.length,
  },
  {
    name: 'seed nodes of every type, full rows (toNode)',
    old: (r) => r.nodes.map((n) => old.toNode(n.node, n.labels)),
    new: (r) => r.nodes.map((n) => toNode(n.node, n.labels)),
    rows: (r) => r.nodes.length,
  },
  {
    name: 'partial actor rows {id, name, kind} (toActor)',
    old: (r) => r.partial.map((n) => old.toActor(n.node, n.labels)),
    new: (r) => r.partial.map((n) => toActor(n.node, n.labels)),
    rows: (r) => r.partial.length,
  },
];

/**
 * Maps the workload's rows until at least `target` rows are done; returns wall-clock and CPU
 * milliseconds (this process, user + system) per 10k rows. On a shared machine CPU time is the
 * steadier of the two: waiting for a core counts in wall time only.
 */
function time(run: (rows: Rows) => unknown[], rows: Rows, perRun: number, target: number): { wall: number; cpu: number } {
  const runs = Math.ceil(target / perRun);
  let sink = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < runs; i++) sink += run(rows).length;
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (sink === 0) throw new Error('nothing mapped');
  const per10k = 10_000 / (runs * perRun);
  return { wall: wall * per10k, cpu: ((used.user + used.system) / 1000) * per10k };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function main(): void {
  const rounds = Number(process.argv[2] ?? 21);
  const target = Number(process.argv[3] ?? 20_000);
  const only = process.argv[4];
  const rows = buildRows();
  // The old mappers gave the same models on full rows (nulls where the new ones give null).
  const same = rows.nodes.every((n) => isDeepStrictEqual(old.toNode(n.node, n.labels), toNode(n.node, n.labels)));
  console.log(`rows from ${SEED_FILE}: ${rows.nodes.length} nodes (${PROJECTED.length} projected properties each), ${rows.linkPage.rows.length} actor links`);
  console.log(`old and new models equal on every full row: ${same}`);
  console.log(
    `${rounds} rounds per workload, old and new alternating, >= ${target} rows per round; node ${process.version}, load average ${loadavg()
      .map((l) => round(l))
      .join(' ')}\n`,
  );
  const perRow = new Map<string, number>();
  for (const w of WORKLOADS.filter((x) => !only || new RegExp(only).test(x.name))) {
    const perRun = w.rows(rows);
    // Warm-up.
    for (let i = 0; i < 3; i++) {
      time(w.old, rows, perRun, target);
      time(w.new, rows, perRun, target);
    }
    const olds: { wall: number; cpu: number }[] = [];
    const news: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < rounds; i++) {
      olds.push(time(w.old, rows, perRun, target));
      news.push(time(w.new, rows, perRun, target));
    }
    console.log(w.name);
    for (const measure of ['cpu', 'wall'] as const) {
      const o = median(olds.map((t) => t[measure]));
      const n = median(news.map((t) => t[measure]));
      if (measure === 'cpu') perRow.set(w.name, (n - o) / 10);
      console.log(
        `  ${measure.padEnd(4)}  old (cast) ${round(o)} ms / 10k rows (${us(o)} us/row)   new (parse) ${round(n)} ms / 10k rows (${us(n)} us/row)   new/old ${round(n / o)}x, ${signed(us(n - o))} us/row`,
      );
    }
  }
  // What the parsing adds to a request, against the ~5 ms p50 of `point` and `filteredList` (README's bench).
  const added = (name: string, count: number) => {
    const key = [...perRow.keys()].find((k) => k.startsWith(name));
    return key === undefined ? null : perRow.get(key)! * count;
  };
  const estimates = [
    ['point (1 row)', added('point', 1)],
    ['filteredList (20 rows)', added('filteredList', 20)],
    ['nested2 (10 meeting + 120 participant link rows)', added('link page', 130)],
  ] as const;
  console.log('\nAdded CPU per request, from the medians above:');
  for (const [what, us] of estimates)
    if (us !== null) console.log(`  ${what}: ${signed(round(us, 1))} us = ${signed(round((us / 5000) * 100, 3))}% of a 5 ms request`);
}

const us = (msPer10k: number) => round(msPer10k / 10, 3);
const signed = (x: number) => (x >= 0 ? `+${x}` : `${x}`);

main();
