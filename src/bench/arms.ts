/**
 * The three arms of the benchmark as the harness sees them: how to start each one (a separate
 * process on the same Neo4j), how to ask it a question over HTTP, and how to read its answer.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths';
import { FLOOR_QUERIES } from './arms/floor';
import { LIBRARY_OPERATIONS } from './arms/library';
import { type Answers, type BenchParams, type QueryName, SERVICE_OPERATIONS } from './queries';

export type ArmName = 'floor' | 'service' | 'library';

/** One HTTP request that asks a question. */
export interface ArmRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface Arm {
  name: ArmName;
  /** What it is, for the results. */
  description: string;
  script: string;
  request(base: string, q: QueryName, p: BenchParams): ArmRequest;
  /** A request that reaches no database: what the arm's HTTP and GraphQL layers cost alone. */
  ping(base: string): ArmRequest;
  /** The normalised answer in a response body. */
  answer(q: QueryName, body: any): Answers[QueryName];
}

const JSON_HEADERS = { 'content-type': 'application/json' };

function graphql(base: string, query: string, variables: Record<string, unknown>): ArmRequest {
  return { url: base, headers: JSON_HEADERS, body: JSON.stringify({ query, variables }) };
}

function data(body: any): any {
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data;
}

export const ARMS: Record<ArmName, Arm> = {
  floor: {
    name: 'floor',
    description: 'hand-written Cypher, one statement per question, through neo4j-driver behind node:http',
    script: 'src/bench/arms/floor-server.ts',
    request: (base, q, p) => ({ url: `${base}/q/${q}`, headers: JSON_HEADERS, body: JSON.stringify(p) }),
    answer: (_q, body) => body,
    ping: (base) => ({ url: `${base}/ping`, headers: JSON_HEADERS, body: '{}' }),
  },
  service: {
    name: 'service',
    description: 'this service (Apollo Server 5, its resolvers and repositories)',
    script: 'src/bench/arms/service-server.ts',
    request: (base, q, p) => graphql(base, SERVICE_OPERATIONS[q].query, SERVICE_OPERATIONS[q].variables(p)),
    answer: (q, body) => SERVICE_OPERATIONS[q].normalise(data(body)),
    ping: (base) => graphql(base, '{ __typename }', {}),
  },
  library: {
    name: 'library',
    description: '@neo4j/graphql 7 on Apollo Server 5, type definitions matching this model',
    script: 'src/bench/arms/library-server.ts',
    request: (base, q, p) => graphql(base, LIBRARY_OPERATIONS[q].query, LIBRARY_OPERATIONS[q].variables(p)),
    answer: (q, body) => LIBRARY_OPERATIONS[q].normalise(data(body)),
    ping: (base) => graphql(base, '{ __typename }', {}),
  },
};

/** The floor's statement for a question, for PROFILE. */
export function floorStatement(q: QueryName, p: BenchParams): { cypher: string; params: Record<string, unknown> } {
  return { cypher: FLOOR_QUERIES[q].cypher, params: FLOOR_QUERIES[q].params(p) };
}

/** A started arm: where it answers, and how to stop it. */
export interface RunningArm {
  base: string;
  /** Where its recorded statements are (`/__reset`, `/__statements`), when it records them. */
  origin: string;
  stop(): Promise<void>;
}

/** Starts an arm's server on the given Neo4j and waits for its `ready <url>` line. */
export function startArm(arm: Arm, neo4jUri: string): Promise<RunningArm> {
  const child: ChildProcess = spawn(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, arm.script)], {
    env: { ...process.env, NEO4J_URI: neo4jUri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '', PORT: '0', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => void (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${arm.name} did not start in 60 s: ${stderr.slice(-500)}`)), 60_000);
    child.on('exit', (code) => reject(new Error(`${arm.name} exited (${code}) before it was ready: ${stderr.slice(-1000)}`)));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /ready (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      const base = match[1];
      resolve({
        base,
        origin: new URL(base).origin,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
          }),
      });
    });
  });
}
