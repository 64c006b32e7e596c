/**
 * A real Neo4j Community server for local runs and tests, provisioned from Maven Central and run as
 * a child process on loopback. `tools/neo4j/pom.xml` pins the version; Maven copies the jars into
 * `.neo4j/lib-<version>` once; `tools/neo4j/Neo4jLauncher.java` runs the embedded DBMS with Bolt.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createInterface } from 'node:readline';
import { LOCAL_NEO4J_DIR, PROJECT_ROOT } from '../paths';

const run = promisify(execFile);

const TOOL_DIR = join(PROJECT_ROOT, 'tools', 'neo4j');

/** Options for {@link startLocalNeo4j}. */
export interface LocalNeo4jOptions {
  /** DBMS home: its databases and logs go here. Created if missing. */
  homeDir: string;
  /** Bolt port on 127.0.0.1; a free port is chosen when omitted. */
  port?: number;
  heapMb?: number;
  pageCacheMb?: number;
  /** Progress and log lines for a person to read; defaults to stderr. */
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

/**
 * A running local Neo4j. `stop()` shuts it down cleanly and is safe to call twice. `kill()` ends
 * it with SIGKILL, as a crash would, for fault tests; starting again with the same `homeDir` and
 * `port` brings the same database back.
 */
export interface LocalNeo4j {
  uri: string;
  port: number;
  homeDir: string;
  version: string;
  /** Settles when the process ends, however it ends (stop, kill, a crash). */
  exited: Promise<Neo4jExit>;
  /** Its last lines of output (standard output and error), oldest first. */
  lastOutput(): string[];
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** How a Neo4j process ended: its exit code, or the signal that ended it. */
export interface Neo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The Neo4j version pinned in tools/neo4j/pom.xml. */
export async function pinnedNeo4jVersion(): Promise<string> {
  const pom = await readFile(join(TOOL_DIR, 'pom.xml'), 'utf8');
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!match) throw new Error('tools/neo4j/pom.xml does not define <neo4j.version>');
  return match[1];
}

/**
 * Makes sure the Neo4j jars are in `.neo4j/lib-<version>`, running Maven the first time. Maven
 * honours MAVEN_OPTS (for example a `-Dmaven.repo.local`). Returns the jar directory.
 */
export function ensureNeo4jJars(log: (line: string) => void = defaultLog): Promise<string> {
  // Callers in one process (two test databases started side by side) share one download: each
  // would otherwise stage into the same `.partial-<pid>` folder and move it away from the other.
  fetching ??= fetchNeo4jJars(log).finally(() => {
    fetching = null;
  });
  return fetching;
}

/** The download in progress in this process, if any (see ensureNeo4jJars). */
let fetching: Promise<string> | null = null;

async function fetchNeo4jJars(log: (line: string) => void): Promise<string> {
  const version = await pinnedNeo4jVersion();
  const libDir = join(LOCAL_NEO4J_DIR, `lib-${version}`);
  if (existsSync(join(libDir, '.complete'))) return libDir;

  log(`[neo4j] first run: fetching Neo4j ${version} jars with Maven (about 130 MB, one time only)`);
  const staging = `${libDir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(LOCAL_NEO4J_DIR, { recursive: true });
  const started = Date.now();
  let downloaded = 0;
  const tail: string[] = [];
  const code = await new Promise<number | null>((resolveExit, reject) => {
    const mvn = spawn(
      'mvn',
      ['-B', '-f', join(TOOL_DIR, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`, '-DincludeScope=runtime'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    mvn.on('error', (error) => reject(new Error(`cannot run Maven ('mvn'): ${error.message}. Install Maven and Java 17 or 21.`)));
    for (const stream of [mvn.stdout, mvn.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        if (line.includes('Downloaded from')) {
          downloaded += 1;
          if (downloaded % 25 === 0) log(`[neo4j]   ${downloaded} files downloaded (${Math.round((Date.now() - started) / 1000)} s)`);
        }
      });
    }
    mvn.on('exit', resolveExit);
  });
  if (code !== 0) {
    await rm(staging, { recursive: true, force: true });
    throw new Error(`Maven could not fetch the Neo4j jars (exit ${code}). Its last lines:\n${tail.join('\n')}`);
  }
  const jars = (await readdir(staging)).filter((f) => f.endsWith('.jar')).length;
  await writeFile(join(staging, '.complete'), `${version}\n`);
  await rm(libDir, { recursive: true, force: true });
  await rename(staging, libDir);
  log(`[neo4j] ${jars} jars ready in ${Math.round((Date.now() - started) / 1000)} s (${downloaded} files downloaded)`);
  return libDir;
}

/** Asks the OS for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Finds a Java that Neo4j 5.26 runs on (17 or 21): NEO4J_JAVA_HOME, then JAVA_HOME, then the
 * `java` on PATH, then the JDKs under /usr/lib/jvm.
 */
export async function findJava(): Promise<string> {
  const candidates = [process.env.NEO4J_JAVA_HOME, process.env.JAVA_HOME]
    .filter((home): home is string => Boolean(home))
    .map((home) => join(home, 'bin', 'java'));
  candidates.push('java');
  if (existsSync('/usr/lib/jvm')) {
    for (const dir of (await readdir('/usr/lib/jvm')).sort()) candidates.push(join('/usr/lib/jvm', dir, 'bin', 'java'));
  }
  const seen: string[] = [];
  for (const java of candidates) {
    const major = await javaMajor(java);
    if (major === 17 || major === 21) return java;
    if (major !== undefined) seen.push(`${java} (Java ${major})`);
  }
  throw new Error(`Neo4j 5.26 needs Java 17 or 21; found ${seen.length ? seen.join(', ') : 'no Java'}. Set NEO4J_JAVA_HOME to a JDK 17 or 21.`);
}

async function javaMajor(java: string): Promise<number | undefined> {
  try {
    const { stderr } = await run(java, ['-version']);
    const match = /version "(\d+)/.exec(stderr);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Provisions (first time) and starts a Neo4j server, resolving once Bolt answers. On failure the
 * error carries the server's last log lines. The server runs in its own process group, so a
 * terminal's Ctrl-C does not reach it; it stops by itself when this process exits, because it
 * watches its standard input.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? defaultLog;
  const version = await pinnedNeo4jVersion();
  const libDir = await ensureNeo4jJars(log);
  const java = await findJava();
  const port = options.port ?? (await freePort());
  await mkdir(options.homeDir, { recursive: true });

  const args = [
    `-Xmx${options.heapMb ?? 1024}m`,
    '-XX:+UseG1GC',
    '-cp',
    `${libDir}/*`,
    join(TOOL_DIR, 'Neo4jLauncher.java'),
    options.homeDir,
    String(port),
    String(options.pageCacheMb ?? 256),
  ];
  // In a process group of its own: Ctrl-C in a terminal signals the whole foreground group, and the
  // database must outlive the requests the service is still answering (the service stops it last).
  // It still stops when this process dies, however it dies: its standard input closes.
  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const exited = new Promise<Neo4jExit>((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  const output: string[] = [];
  const remember = (line: string) => {
    output.push(line);
    if (output.length > 200) output.shift();
  };

  const ready = new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Neo4j did not start within ${(options.startTimeoutMs ?? 180_000) / 1000} s`)),
      options.startTimeoutMs ?? 180_000,
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      remember(line);
      if (line.startsWith('NEO4J_READY')) {
        clearTimeout(timer);
        resolveReady();
      }
    });
    createInterface({ input: child.stderr! }).on('line', remember);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited before it was ready (code ${code}, signal ${signal})`));
    });
  });

  try {
    await ready;
  } catch (error) {
    child.kill('SIGKILL');
    const debugLog = await readFile(join(options.homeDir, 'logs', 'debug.log'), 'utf8').catch(() => '');
    const detail = [
      ...output,
      ...debugLog
        .split('\n')
        .filter((l) => /ERROR|WARN|Exception/.test(l))
        .slice(-20),
    ].join('\n');
    throw new Error(`${(error as Error).message}. Data: ${options.homeDir}. Last output:\n${detail}`);
  }
  // After ready, keep draining the pipes so the child never blocks on a full buffer.
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    homeDir: options.homeDir,
    version,
    exited,
    lastOutput: () => [...output],
    stop: () => stopChild(child),
    kill: () => killChild(child),
  };
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGKILL');
  await exited;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

function defaultLog(line: string): void {
  process.stderr.write(`${line}\n`);
}
