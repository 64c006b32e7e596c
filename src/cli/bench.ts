/**
 * `npm run bench -- [--quick] [--scales seed,10k,100k,1m] [--arms floor,service,library]
 *   [--concurrency 1,4,16] [--duration-ms N] [--warmup-ms N] [--heap-mb N] [--pagecache-mb N] [--out DIR]
 *   [--graphs-dir DIR]`
 *
 * Compares this service with @neo4j/graphql and hand-written Cypher (the floor) on the same
 * Neo4j, at each scale (see src/bench/run.ts). `--quick` (seed and 10k, short runs) takes a few
 * minutes on a 2-core machine; the default runs all four scales for longer. Writes
 * bench/results/<timestamp>.json and .md and prints the Markdown; an older run's JSON is deleted
 * once later runs cover all its scales (its .md stays). `--graphs-dir` keeps each scale's
 * graph (and its load figures) there and reuses it on the next run. Never part of `npm test`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ARMS, type ArmName } from '../bench/arms';
import { markdown, runBench, SCALES } from '../bench/run';
import { PROJECT_ROOT } from '../paths';
import { runCli, UsageError } from './run';

const USAGE =
  'usage: npm run bench -- [--quick] [--scales seed,10k,100k,1m] [--arms floor,service,library] [--concurrency 1,4,16]\n' +
  '                        [--duration-ms N] [--warmup-ms N] [--heap-mb N] [--pagecache-mb N] [--out DIR] [--graphs-dir DIR]';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        quick: { type: 'boolean', default: false },
        scales: { type: 'string' },
        arms: { type: 'string', default: 'floor,service,library' },
        concurrency: { type: 'string', default: '1,4,16' },
        'duration-ms': { type: 'string' },
        'warmup-ms': { type: 'string' },
        'heap-mb': { type: 'string', default: '2048' },
        'pagecache-mb': { type: 'string', default: '1024' },
        out: { type: 'string', default: join(PROJECT_ROOT, 'bench', 'results') },
        'graphs-dir': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const list = (text: string) =>
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const scales = list(v.scales ?? (v.quick ? 'seed,10k' : 'seed,10k,100k,1m')).map((name) => {
    const scale = SCALES[name.toLowerCase()];
    if (!scale) throw new UsageError(`unknown scale ${name}; choose from ${Object.keys(SCALES).join(', ')}`);
    return scale;
  });
  const arms = list(v.arms).map((name) => {
    if (!(name in ARMS)) throw new UsageError(`unknown arm ${name}; choose from ${Object.keys(ARMS).join(', ')}`);
    return name as ArmName;
  });
  const number = (text: string, name: string) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number; got ${text}`);
    return n;
  };
  const concurrency = list(v.concurrency).map((c) => number(c, '--concurrency'));
  const { report, files, removed } = await runBench({
    scales,
    arms,
    concurrency,
    durationMs: number(v['duration-ms'] ?? (v.quick ? '1500' : '10000'), '--duration-ms'),
    warmupMs: number(v['warmup-ms'] ?? (v.quick ? '500' : '2000'), '--warmup-ms'),
    heapMb: number(v['heap-mb'], '--heap-mb'),
    pageCacheMb: number(v['pagecache-mb'], '--pagecache-mb'),
    outDir: v.out,
    graphsDir: v['graphs-dir'],
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(markdown(report));
  process.stderr.write(`[bench] wrote ${files.join(' and ')}\n`);
  if (removed.length) process.stderr.write(`[bench] deleted ${removed.length} older JSON result(s) that later runs cover: ${removed.join(', ')}\n`);
  return 0;
}

runCli(main, USAGE);
