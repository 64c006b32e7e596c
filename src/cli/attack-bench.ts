/**
 * `npm run bench:attacks -- [--phase-ms N] [--only a,b] [--probe-rate N] [--out DIR]`
 *
 * Replays the red team's attacks (src/bench/attacks.ts) against the service as `npm start` runs it
 * (production mode, a local Neo4j in a temporary folder, seeded) and measures, during each attack,
 * the latency of a legitimate one-node lookup sent at a steady rate by a separate process with a
 * credential of its own. After each attack it waits until the lookup is fast again before the next
 * one. Last, it kills the database with SIGKILL and measures how long the service takes to answer
 * again. Writes bench/results/attacks-<timestamp>.md and prints it. Never part of `npm test`.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ATTACKS, type AttackResult, type Target } from '../bench/attacks';
import type { ProbeReport, ProbeSpec } from '../bench/probe';
import { freePort } from '../db/local-neo4j';
import { PROJECT_ROOT } from '../paths';
import { runCli, UsageError } from './run';

const USAGE = 'usage: npm run bench:attacks -- [--phase-ms N] [--only name,name] [--probe-rate N] [--out DIR]';
const LOOKUP = '{ actor(id: "actor:andrii-sybiha") { id name } }';
/** The lookup is "fast again" when a settle window's p95 is under this. */
const SETTLED_P95_MS = 100;
const SETTLE_WINDOW_MS = 3_000;
const SETTLE_MAX_MS = 90_000;

interface Row {
  attack: string;
  description: string;
  result: AttackResult | null;
  during: ProbeReport;
  settleMs: number | null;
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'phase-ms': { type: 'string', default: '15000' },
        only: { type: 'string' },
        'probe-rate': { type: 'string', default: '10' },
        out: { type: 'string', default: join(PROJECT_ROOT, 'bench', 'results') },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const phaseMs = Number(values['phase-ms']);
  const probeRate = Number(values['probe-rate']);
  if (!Number.isInteger(phaseMs) || phaseMs < 1000) throw new UsageError('--phase-ms must be a whole number of at least 1000');
  if (!Number.isInteger(probeRate) || probeRate < 1) throw new UsageError('--probe-rate must be a positive whole number');
  const only = values.only?.split(',').map((s) => s.trim());
  const names = [...ATTACKS.map((a) => a.name), 'kill-database'];
  for (const name of only ?? []) if (!names.includes(name)) throw new UsageError(`unknown attack ${name}; choose from ${names.join(', ')}`);

  const service = await startService();
  const probe = fork(join(PROJECT_ROOT, 'src', 'bench', 'probe.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const rows: Row[] = [];
  try {
    const spec: ProbeSpec = {
      url: `${service.target.url}/graphql`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${service.probeKey}` },
      body: JSON.stringify({ query: LOOKUP }),
      perSecond: probeRate,
      timeoutMs: 30_000,
    };
    probe.send({ start: spec });
    const report = () => probeReport(probe);
    await sleep(2_000);
    await report();
    console.error(`[attacks] baseline for ${phaseMs / 1000} s`);
    await sleep(phaseMs);
    rows.push({ attack: 'none (baseline)', description: 'the lookup alone', result: null, during: await report(), settleMs: 0 });

    for (const attack of ATTACKS.filter((a) => !only || only.includes(a.name))) {
      console.error(`[attacks] ${attack.name}: ${attack.description}`);
      const result = await attack.run(service.target, phaseMs);
      const during = await report();
      const settleMs = await settle(report);
      rows.push({ attack: attack.name, description: attack.description, result, during, settleMs });
      console.error(
        `[attacks]   ${summary(during)}; answers ${JSON.stringify(result.answers)}; settled in ${settleMs === null ? 'more than 90 s' : `${(settleMs / 1000).toFixed(1)} s`}`,
      );
    }
    if (!only || only.includes('kill-database')) rows.push(await killDatabase(service, report));
  } finally {
    probe.kill();
    await service.stop();
  }

  const markdown = render(rows, phaseMs, probeRate);
  await mkdir(values.out, { recursive: true });
  const file = join(values.out, `attacks-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
  await writeFile(file, markdown);
  console.log(markdown);
  console.error(`[attacks] written to ${file}`);
  return 0;
}

interface RunningService {
  target: Target;
  probeKey: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `npm start`'s service in production mode on a fresh local database, with API keys for each role the attacks play. */
async function startService(): Promise<RunningService> {
  const key = () => randomBytes(20).toString('hex');
  const probeKey = key();
  const editorKey = key();
  const attackerKeys = Array.from({ length: 10 }, key);
  const dataDir = await mkdtemp(join(tmpdir(), 'newsgraph-attacks-'));
  const port = await freePort();
  const logFile = join(dataDir, 'service.log');
  const apiKeys = [`probe:reader:${probeKey}`, `editor:editor:${editorKey}`, ...attackerKeys.map((k, i) => `attacker${i}:reader:${k}`)].join(',');
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'index.ts')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      NEO4J_LOCAL_DIR: join(dataDir, 'neo4j'),
      AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
      AUTH_API_KEYS: apiKeys,
      NEO4J_URI: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The service (and with it its Neo4j, which watches the service's stdin) never outlives this run.
  process.on('exit', () => child.kill('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const url = `http://127.0.0.1:${port}`;
  console.error(`[attacks] starting the service (production mode) on ${url}, data in ${dataDir}`);
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}):\n${lines.slice(-20).join('\n')}`);
    const ready = await fetch(`${url}/readyz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ready) break;
    if (performance.now() - started > 600_000) throw new Error('the service was not ready within 10 minutes');
    await sleep(1_000);
  }
  console.error(`[attacks] ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return {
    target: { url, attackerKeys, editorKey, pid: child.pid, logLines: async () => lines },
    probeKey,
    process: child,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(60_000)]);
      await writeFile(logFile, lines.join('\n')).catch(() => undefined);
      await rm(join(dataDir, 'neo4j'), { recursive: true, force: true });
    },
  };
}

/** SIGKILLs the service's Neo4j child and measures how long until the lookup succeeds again. */
async function killDatabase(service: RunningService, report: () => Promise<ProbeReport>): Promise<Row> {
  const description = 'the local Neo4j child is killed with SIGKILL';
  console.error(`[attacks] kill-database: ${description}`);
  const java = await childProcessOf(service.target.pid!, 'java');
  if (java === null)
    return {
      attack: 'kill-database',
      description,
      result: { sent: 0, answers: {}, notes: ['no Neo4j child process found'] },
      during: await report(),
      settleMs: null,
    };
  await report();
  process.kill(java, 'SIGKILL');
  const killedAt = performance.now();
  let recoveredMs: number | null = null;
  while (performance.now() - killedAt < 300_000) {
    const ok = await fetch(`${service.target.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${service.probeKey}` },
      body: JSON.stringify({ query: LOOKUP }),
    })
      .then(async (r) => r.status === 200 && !(await r.text()).includes('"errors"'))
      .catch(() => false);
    if (ok) {
      recoveredMs = performance.now() - killedAt;
      break;
    }
    await sleep(250);
  }
  const during = await report();
  const healthz = await fetch(`${service.target.url}/healthz`)
    .then((r) => r.status)
    .catch(() => 0);
  const notes = [
    recoveredMs === null ? 'no answer within 300 s of the kill' : `the lookup answered again ${(recoveredMs / 1000).toFixed(1)} s after the kill`,
    `/healthz ${healthz} at the end`,
  ];
  return { attack: 'kill-database', description, result: { sent: 0, answers: {}, notes }, during, settleMs: recoveredMs };
}

/** The pid of a direct child of `parent` whose command name is `name`, or null. */
async function childProcessOf(parent: number, name: string): Promise<number | null> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const match = /^\d+ \((.*)\) \S+ (\d+)/.exec(stat);
    if (match && match[1] === name && Number(match[2]) === parent) return Number(entry);
  }
  return null;
}

async function settle(report: () => Promise<ProbeReport>): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < SETTLE_MAX_MS) {
    await sleep(SETTLE_WINDOW_MS);
    const window = await report();
    if (Object.keys(window.failures).length === 0 && quantile(window.latenciesMs, 0.95) < SETTLED_P95_MS) return performance.now() - started;
  }
  return null;
}

function probeReport(probe: ChildProcess): Promise<ProbeReport> {
  return new Promise((resolve) => {
    probe.once('message', (message: ProbeReport) => resolve(message));
    probe.send({ report: true });
  });
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function summary(during: ProbeReport): string {
  const failures = Object.entries(during.failures)
    .map(([k, v]) => `${v}× ${k}`)
    .join(', ');
  return `lookup p50 ${quantile(during.latenciesMs, 0.5).toFixed(1)} ms, p95 ${quantile(during.latenciesMs, 0.95).toFixed(1)} ms, ${during.latenciesMs.length} ok${failures ? `, failed: ${failures}` : ''}`;
}

function render(rows: Row[], phaseMs: number, probeRate: number): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    `# Attacks: one-node lookup latency during each attack`,
    '',
    `${new Date().toISOString()}. Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    `The service runs as \`npm start\` does, with NODE_ENV=production, on a seeded local Neo4j. Each attack runs ${phaseMs / 1000} s while a separate process sends`,
    `\`${LOOKUP}\` ${probeRate} times a second with a reader API key of its own. "Settled" is how long after the attack the lookup's p95 was under ${SETTLED_P95_MS} ms again (3 s windows).`,
    '',
    '| attack | attacker was answered | lookup during: p50 / p95 (ok) | lookup failures | settled | notes |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const answers = row.result
      ? Object.entries(row.result.answers)
          .map(([k, v]) => `${v}× ${k}`)
          .join(', ')
      : '';
    const p = row.during.latenciesMs;
    const failures =
      Object.entries(row.during.failures)
        .map(([k, v]) => `${v}× ${k}`)
        .join(', ') || 'none';
    const settled = row.settleMs === null ? '> 90 s' : `${(row.settleMs / 1000).toFixed(1)} s`;
    lines.push(
      `| ${cell(row.attack)} | ${cell(answers)} | ${quantile(p, 0.5).toFixed(1)} / ${quantile(p, 0.95).toFixed(1)} ms (${p.length}) | ${cell(failures)} | ${settled} | ${cell(row.result?.notes.join('; ') ?? '')} |`,
    );
  }
  lines.push('', 'Attacks (src/bench/attacks.ts):', ...rows.map((r) => `- **${r.attack}**: ${r.description}.`), '');
  return lines.join('\n');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

runCli(main, USAGE);
