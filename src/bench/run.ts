/**
 * The benchmark: for each scale, a throwaway local Neo4j loaded with a generated corpus (or the
 * seed article), then each arm in turn on it: every question's answer checked against the floor's,
 * its statements counted and PROFILEd, and its latency and throughput measured by a separate load
 * generator process at each concurrency. Results go to bench/results/<timestamp>.json and .md; the
 * JSON of a run is kept only while it is the latest of one of its scales (see results.ts).
 */
import { type ChildProcess, execFile, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Database, createDatabase, readTransaction } from '../db/driver';
import { startLocalNeo4j } from '../db/local-neo4j';
import { PROJECT_ROOT } from '../paths';
import { generateCorpus } from '../facts/generate';
import type { FactsDocument } from '../facts/format';
import { readFactsFile } from '../ingest/read';
import { loadFacts, tenthRates } from '../ingest/seed';
import { applySchema } from '../repositories/schema-repository';
import { ARMS, type ArmName, type ArmRequest, floorStatement, type RunningArm, startArm } from './arms';
import { decodeStatementParams } from './arms/statements';
import type { LoadResult, LoadSpec } from './load-generator';
import { type BenchParams, pickParams, QUERY_NAMES, type QueryName } from './queries';
import { pruneResults } from './results';

/**
 * The load generator: one separate process for the whole run (forked once: starting a TypeScript
 * process per measurement cost more than a quick run's measurements), sent one spec at a time.
 */
class LoadGenerator {
  private readonly child: ChildProcess = fork(join(PROJECT_ROOT, 'src', 'bench', 'load-generator.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });

  run(spec: LoadSpec): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code})`));
      this.child.once('exit', onExit);
      this.child.once('message', (message: LoadResult | { error: string }) => {
        this.child.off('exit', onExit);
        if ('error' in message) reject(new Error(message.error));
        else resolve(message);
      });
      this.child.send(spec);
    });
  }

  stop(): void {
    this.child.kill();
  }
}

/** A scale: a name and how many relationships to generate (0: the seed article). */
export interface Scale {
  name: string;
  relationships: number;
}

export const SCALES: Record<string, Scale> = {
  seed: { name: 'seed', relationships: 0 },
  '10k': { name: '10k', relationships: 10_000 },
  '100k': { name: '100k', relationships: 100_000 },
  '1m': { name: '1m', relationships: 1_000_000 },
};

export interface BenchOptions {
  scales: Scale[];
  arms: ArmName[];
  concurrency: number[];
  durationMs: number;
  warmupMs: number;
  heapMb: number;
  pageCacheMb: number;
  outDir: string;
  /**
   * Keeps each scale's graph in `<graphsDir>/<scale>` instead of a throwaway directory, and
   * reuses one found there (with the load figures measured when it was loaded), so a large
   * graph is loaded once and timed as often as wanted.
   */
  graphsDir?: string;
  log: (line: string) => void;
}

/** What one arm did with one question at one scale. */
export interface QueryResult {
  arm: ArmName;
  query: QueryName;
  /** Whether its answer equalled the floor's; timings are taken only when it did. */
  agrees: boolean;
  mismatch?: string;
  /** Statements and db hits of the first request (cold caches). */
  roundTrips: number | null;
  dbHits: number | null;
  /** The same for a repeat of it, as the timed requests run (the analytics cache is warm then). */
  warm: { roundTrips: number; dbHits: number } | null;
  load: Record<string, LoadResult>;
}

export interface ScaleResult {
  scale: string;
  relationships: number;
  /** The load that built the graph; `loadedAt` is earlier than the run when a kept graph was reused. */
  load: {
    documents: number;
    facts: number;
    relationships: number;
    seconds: number;
    factsPerSecond: number;
    relationshipsPerSecond: number;
    /** Relationships per second of transaction time over the first and the last tenth of the load. */
    firstTenthPerSecond?: number;
    lastTenthPerSecond?: number;
    /** Size of the Neo4j home after the load (data and transaction logs), in bytes. */
    diskBytes?: number;
    loadedAt: string;
  };
  params: BenchParams;
  results: QueryResult[];
  /** Per arm: latency of a request that reaches no database (concurrency 1). */
  fixedCost: Partial<Record<ArmName, LoadResult>>;
}

export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; neo4j: string; heapMb: number; pageCacheMb: number };
  settings: { concurrency: number[]; durationMs: number; warmupMs: number; arms: Record<string, string> };
  scales: ScaleResult[];
}

/**
 * Runs the benchmark and writes its results; returns the report, the files written and the older
 * JSON files that pruneResults removed.
 */
export async function runBench(options: BenchOptions): Promise<{ report: BenchReport; files: string[]; removed: string[] }> {
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      neo4j: '',
      heapMb: options.heapMb,
      pageCacheMb: options.pageCacheMb,
    },
    settings: {
      concurrency: options.concurrency,
      durationMs: options.durationMs,
      warmupMs: options.warmupMs,
      arms: Object.fromEntries(options.arms.map((a) => [a, ARMS[a].description])),
    },
    scales: [],
  };
  const generator = new LoadGenerator();
  try {
    for (const scale of options.scales) report.scales.push(await benchScale(scale, options, report, generator));
  } finally {
    generator.stop();
  }
  await mkdir(options.outDir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const files = [join(options.outDir, `${stamp}.json`), join(options.outDir, `${stamp}.md`)];
  await writeFile(files[0], `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files[1], markdown(report));
  return { report, files, removed: await pruneResults(options.outDir) };
}

async function benchScale(scale: Scale, options: BenchOptions, report: BenchReport, generator: LoadGenerator): Promise<ScaleResult> {
  const homeDir = options.graphsDir ? join(options.graphsDir, scale.name) : await mkdtemp(join(tmpdir(), 'newsgraph-bench-'));
  await mkdir(homeDir, { recursive: true });
  const local = await startLocalNeo4j({ homeDir, heapMb: options.heapMb, pageCacheMb: options.pageCacheMb, log: () => undefined });
  report.machine.neo4j = `${local.version} Community`;
  const db = createDatabase({ uri: local.uri, user: 'neo4j', password: '' });
  const loadFile = join(homeDir, 'bench-load.json');
  try {
    await applySchema(db);
    let load: ScaleResult['load'];
    if (options.graphsDir && existsSync(loadFile)) {
      load = JSON.parse(await readFile(loadFile, 'utf8')) as ScaleResult['load'];
      options.log(`[bench] ${scale.name}: reusing the graph in ${homeDir}, loaded at ${load.loadedAt}`);
    } else {
      load = await loadScale(db, scale, options);
      load.diskBytes = await diskUsage(join(homeDir, 'data'));
      options.log(`[bench] ${scale.name}: the Neo4j data folder holds ${(load.diskBytes / 1e9).toFixed(2)} GB after the load`);
      if (options.graphsDir) await writeFile(loadFile, `${JSON.stringify(load, null, 2)}\n`);
    }
    const params = await pickParams(db);
    const results: QueryResult[] = [];
    const fixedCost: ScaleResult['fixedCost'] = {};
    // The floor first: its answers are the reference the others must match.
    const reference = new Map<QueryName, unknown>();
    for (const armName of ['floor', ...options.arms.filter((a) => a !== 'floor')] as ArmName[]) {
      const arm = ARMS[armName];
      const running = await startArm(arm, local.uri);
      try {
        for (const q of QUERY_NAMES) {
          const result = await benchQuery(db, armName, running, q, params, reference, options, generator);
          if (options.arms.includes(armName)) results.push(result);
        }
        if (options.arms.includes(armName)) {
          const spec: LoadSpec = { ...arm.ping(running.base), method: 'POST', concurrency: 1, durationMs: options.durationMs, warmupMs: options.warmupMs };
          fixedCost[armName] = await generator.run(spec);
        }
      } finally {
        await running.stop();
      }
    }
    return { scale: scale.name, relationships: scale.relationships, load, params, results, fixedCost };
  } finally {
    await db.driver.close();
    await local.stop();
    if (!options.graphsDir) await rm(homeDir, { recursive: true, force: true });
  }
}

/** Bytes under `dir`, as `du` counts them (files only, no following of links). */
async function diskUsage(dir: string): Promise<number> {
  const { stdout } = await promisify(execFile)('du', ['-sb', dir]);
  return Number(stdout.split(/\s/)[0]);
}

/** Generates the scale's corpus and loads it through the real loader, timing the load. */
async function loadScale(db: Database, scale: Scale, options: BenchOptions): Promise<ScaleResult['load']> {
  const corpus = scale.relationships > 0 ? generateCorpus({ seed: 1, relationships: scale.relationships }) : [await seedDocument()];
  const facts = corpus.reduce((n, d) => n + d.entities.length + d.relationships.length, 0);
  const relationships = corpus.reduce((n, d) => n + d.relationships.length, 0);
  options.log(`[bench] ${scale.name}: loading ${corpus.length} documents (${facts} facts, ${relationships} relationships)`);
  const loadedAt = new Date().toISOString();
  const started = performance.now();
  const summaries = await loadFacts(db, corpus, { log: options.log });
  const seconds = (performance.now() - started) / 1000;
  const tenths = tenthRates(summaries);
  const load = {
    documents: corpus.length,
    facts,
    relationships,
    seconds: round(seconds),
    factsPerSecond: Math.round(facts / seconds),
    relationshipsPerSecond: Math.round(relationships / seconds),
    firstTenthPerSecond: tenths.first,
    lastTenthPerSecond: tenths.last,
    loadedAt,
  };
  options.log(
    `[bench] ${scale.name}: loaded in ${load.seconds} s: ${load.factsPerSecond} facts/s, ${load.relationshipsPerSecond} relationships/s ` +
      `(writes: ${tenths.first} relationships/s over the first tenth, ${tenths.last} over the last)`,
  );
  return load;
}

async function benchQuery(
  db: Database,
  armName: ArmName,
  running: RunningArm,
  q: QueryName,
  params: BenchParams,
  reference: Map<QueryName, unknown>,
  options: BenchOptions,
  generator: LoadGenerator,
): Promise<QueryResult> {
  const arm = ARMS[armName];
  const request = arm.request(running.base, q, params);
  const result: QueryResult = { arm: armName, query: q, agrees: false, roundTrips: null, dbHits: null, warm: null, load: {} };
  // The answer, with the statements it took; then a repeat, for the statements of a warm request.
  let answer: unknown;
  let cold: { roundTrips: number; dbHits: number };
  try {
    ({ answer, cost: cold } = await askCounted(db, arm, armName, running, request, q, params));
    result.warm = (await askCounted(db, arm, armName, running, request, q, params)).cost;
  } catch (error) {
    result.mismatch = `error: ${(error as Error).message}`;
    options.log(`[bench] ${armName} ${q}: ${result.mismatch}`);
    return result;
  }
  result.roundTrips = cold.roundTrips;
  result.dbHits = cold.dbHits;
  if (armName === 'floor') reference.set(q, answer);
  const expected = reference.get(q);
  if (canonical(comparable(q, answer)) !== canonical(comparable(q, expected))) {
    result.mismatch = `expected ${JSON.stringify(expected).slice(0, 300)}, got ${JSON.stringify(answer).slice(0, 300)}`;
    options.log(`[bench] ${armName} ${q}: answer differs from the floor's; not timed. ${result.mismatch}`);
    return result;
  }
  result.agrees = true;
  for (const concurrency of options.concurrency) {
    const spec: LoadSpec = { ...request, method: 'POST', concurrency, durationMs: options.durationMs, warmupMs: options.warmupMs };
    const load = await generator.run(spec);
    result.load[String(concurrency)] = load;
    options.log(
      `[bench] ${armName} ${q} c=${concurrency}: p50 ${load.latencyMs.p50} ms, p95 ${load.latencyMs.p95} ms, p99 ${load.latencyMs.p99} ms, ` +
        `${load.requestsPerSecond} req/s${load.errors ? `, ${load.errors} errors (${load.firstError})` : ''}`,
    );
  }
  return result;
}

/** Asks an arm one question: its normalised answer, and the statements it sent with their PROFILEd db hits. */
async function askCounted(
  db: Database,
  arm: (typeof ARMS)[ArmName],
  armName: ArmName,
  running: RunningArm,
  request: ArmRequest,
  q: QueryName,
  params: BenchParams,
) {
  if (armName !== 'floor') await fetch(`${running.origin}/__reset`, { method: 'POST' });
  const answer = arm.answer(q, await (await send(request)).json());
  const statements =
    armName === 'floor'
      ? [floorStatement(q, params)]
      : ((await (await fetch(`${running.origin}/__statements`)).json()) as { cypher: string; params: Record<string, unknown> }[]);
  let dbHits = 0;
  for (const statement of statements) dbHits += await profiledDbHits(db, statement.cypher, decodeStatementParams(statement.params));
  return { answer, cost: { roundTrips: statements.length, dbHits } };
}

function send(request: ArmRequest): Promise<Response> {
  return fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
}

/** A cost of the first request, followed by the warm repeat's in parentheses when it differs. */
function coldWarm(result: QueryResult | undefined, cost: 'roundTrips' | 'dbHits'): string {
  if (!result || result[cost] === null) return '–';
  const warm = result.warm?.[cost];
  return warm === undefined || warm === result[cost] ? `${result[cost]}` : `${result[cost]} (warm ${warm})`;
}

/** JSON with object keys sorted, so that key order never makes two answers differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Equal answers may list tied search hits in another order: compare those as sets. */
function comparable(q: QueryName, answer: unknown): unknown {
  if (q === 'search' && answer && typeof answer === 'object') return { ids: [...((answer as { ids: string[] }).ids ?? [])].sort() };
  return answer;
}

interface Plan {
  dbHits: number;
  children: Plan[];
}

/** The db hits of one statement, by PROFILE. */
async function profiledDbHits(db: Database, cypher: string, params: Record<string, unknown>): Promise<number> {
  const result = await readTransaction(db, async (tx) => await tx.run(`PROFILE ${cypher.replace(/^\s*(CYPHER [^\n]*\n)?/, '')}`, params));
  const sum = (p: Plan): number => Number(p.dbHits) + p.children.reduce((n, c) => n + sum(c), 0);
  return sum(result.summary.profile as unknown as Plan);
}

async function seedDocument(): Promise<FactsDocument> {
  const result = await readFactsFile(join(PROJECT_ROOT, 'seed', 'data', 'uae-talks.json'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value.doc;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The report as Markdown: the machine, then per scale one table of every question by arm. */
export function markdown(report: BenchReport): string {
  const m = report.machine;
  const c1 = String(report.settings.concurrency[0]);
  const cMax = String(report.settings.concurrency.at(-1));
  const lines = [
    `# Benchmark ${report.startedAt}`,
    '',
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, Neo4j ${m.neo4j} (heap ${m.heapMb} MiB, page cache ${m.pageCacheMb} MiB), all on one machine.`,
    `Each measurement: ${report.settings.warmupMs} ms warm-up, then ${report.settings.durationMs} ms, by a separate load-generator process; concurrency ${report.settings.concurrency.join(', ')}.`,
    'Round trips and db hits (PROFILE) are those of the first request; "(warm N)" gives a repeat\'s, as the timed requests run, where it differs (the analytics cache).',
    '',
    ...Object.entries(report.settings.arms).map(([name, d]) => `- **${name}**: ${d}`),
    '',
  ];
  for (const scale of report.scales) {
    lines.push(
      `## ${scale.scale}: ${scale.load.relationships.toLocaleString('en')} relationships`,
      '',
      `Load: ${scale.load.documents} documents, ${scale.load.facts} facts in ${scale.load.seconds} s = ${scale.load.factsPerSecond} facts/s, ${scale.load.relationshipsPerSecond} relationships/s` +
        `${scale.load.firstTenthPerSecond ? `; writes ${scale.load.firstTenthPerSecond} relationships/s over the first tenth, ${scale.load.lastTenthPerSecond} over the last` : ''}` +
        `${scale.load.diskBytes ? `; ${(scale.load.diskBytes / 1e9).toFixed(2)} GB on disk` : ''}` +
        `${scale.load.loadedAt < report.startedAt ? ` (a kept graph, loaded at ${scale.load.loadedAt})` : ''}.`,
      '',
      `| Question | p50 c=${c1}: floor / service / library (ms) | service ÷ floor | service ÷ library | req/s c=${cMax}: floor / service / library | service ÷ floor | round trips: service / library | db hits: floor / service / library |`,
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const q of QUERY_NAMES) {
      const get = (arm: ArmName) => scale.results.find((r) => r.arm === arm && r.query === q);
      const cell = (arm: ArmName, f: (r: QueryResult) => string) => {
        const r = get(arm);
        if (!r) return '–';
        return r.agrees ? f(r) : 'differs';
      };
      const p50 = (arm: ArmName) => get(arm)?.load[c1]?.latencyMs.p50;
      const rps = (arm: ArmName) => get(arm)?.load[cMax]?.requestsPerSecond;
      const ratio = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
      lines.push(
        `| ${q} | ${cell('floor', (r) => `${r.load[c1]?.latencyMs.p50}`)} / ${cell('service', (r) => `${r.load[c1]?.latencyMs.p50}`)} / ${cell('library', (r) => `${r.load[c1]?.latencyMs.p50}`)} ` +
          `| ${ratio(p50('service'), p50('floor'))} | ${ratio(p50('service'), p50('library'))} ` +
          `| ${cell('floor', (r) => `${r.load[cMax]?.requestsPerSecond}`)} / ${cell('service', (r) => `${r.load[cMax]?.requestsPerSecond}`)} / ${cell('library', (r) => `${r.load[cMax]?.requestsPerSecond}`)} ` +
          `| ${ratio(rps('service'), rps('floor'))} ` +
          `| ${coldWarm(get('service'), 'roundTrips')} / ${coldWarm(get('library'), 'roundTrips')} ` +
          `| ${coldWarm(get('floor'), 'dbHits')} / ${coldWarm(get('service'), 'dbHits')} / ${coldWarm(get('library'), 'dbHits')} |`,
      );
    }
    const fixed = (arm: ArmName) => scale.fixedCost?.[arm]?.latencyMs.p50 ?? '–';
    lines.push(
      '',
      `A request that reaches no database (\`{ __typename }\`; the floor's \`/ping\`), p50 at concurrency 1: floor ${fixed('floor')} ms / service ${fixed('service')} ms / library ${fixed('library')} ms.`,
    );
    const mismatches = scale.results.filter((r) => !r.agrees);
    if (mismatches.length) {
      lines.push('', 'Answers that differ from the floor (not timed):', ...mismatches.map((r) => `- ${r.arm} ${r.query}: ${r.mismatch}`));
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
