/**
 * The red team's attacks (issue 18), as traffic a benchmark can replay against a running service:
 * each attack runs for a while and tallies what the attacker was answered (HTTP status and error
 * code), so the benchmark can put it beside the latency that a legitimate one-node lookup had
 * meanwhile (src/bench/probe.ts). Nothing here asserts: the reliability suite does that.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** What an attack needs to know about the service under attack. */
export interface Target {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  /** API keys for attackers that act as distinct clients (readers). */
  attackerKeys: string[];
  /** An editor's API key (the mutation attacks need one). */
  editorKey: string;
  /** The service's own process id, when it runs on this machine (memory and the database child). */
  pid?: number;
  /** Lines the service has logged since it started (read fresh each call). */
  logLines?: () => Promise<string[]>;
}

/** What the attacker saw, and any figure the attack measured itself. */
export interface AttackResult {
  sent: number;
  /** Answers by "status CODE" (or `network`). */
  answers: Record<string, number>;
  notes: string[];
}

/** One attack: a name, what it does, and how to run it for `durationMs`. */
export interface Attack {
  name: string;
  description: string;
  run(target: Target, durationMs: number): Promise<AttackResult>;
}

const LOOKUP_FIELDS = 'totalCount nodes { id }';

/** How long an attacker waits for an answer before it gives up on the request. */
const ATTACKER_TIMEOUT_MS = 30_000;

/**
 * Sends one request and says how it was answered: `status CODE`, `status` alone, `no answer in
 * 30 s` or `network`.
 */
async function answer(input: string, init: RequestInit): Promise<string> {
  try {
    const response = await fetch(input, { ...init, signal: AbortSignal.timeout(ATTACKER_TIMEOUT_MS) });
    const text = await response.text();
    const code = /"code":"([A-Z_]+)"/.exec(text)?.[1];
    return code ? `${response.status} ${code}` : String(response.status);
  } catch (error) {
    return (error as Error).name === 'TimeoutError' ? `no answer in ${ATTACKER_TIMEOUT_MS / 1000} s` : 'network';
  }
}

function post(target: Target, body: unknown, headers: Record<string, string> = {}): Promise<string> {
  return answer(`${target.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/**
 * Keeps `concurrency` senders busy until `durationMs` has passed; sender `i` sends with
 * `send(i)`. Resolves with the tally once every request has its answer.
 */
async function flood(concurrency: number, durationMs: number, send: (i: number) => Promise<string>): Promise<AttackResult> {
  const answers: Record<string, number> = {};
  let sent = 0;
  const end = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      while (performance.now() < end) {
        sent += 1;
        const outcome = await send(i);
        answers[outcome] = (answers[outcome] ?? 0) + 1;
      }
    }),
  );
  return { sent, answers, notes: [] };
}

function nestedNot(depth: number): Record<string, unknown> {
  let where: Record<string, unknown> = { name: 'a' };
  for (let i = 0; i < depth; i += 1) where = { NOT: where };
  return where;
}

const FILTERED = `query Filtered($w: ActorWhere) { actors(where: $w, first: 5) { ${LOOKUP_FIELDS} } }`;

function aliased(field: (i: number) => string): string {
  return `query Aliased { ${Array.from({ length: 30 }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;
}

/** A facts document whose text comes from `textFile`, or is `text` inline. */
function factsDocument(id: string, text: { textFile: string } | { text: string }, excerpt: string): unknown {
  return {
    source: { id, title: 'Attack', publisher: 'Attack', publishedDate: { value: '2026-01-25', precision: 'DAY', inferred: false }, ...text, evidence: [] },
    entities: [{ id: `country:${id.slice(7)}`, type: 'Country', name: `Attackland ${id.slice(7)}`, aliases: [], evidence: [{ sentence: 1, excerpt }] }],
    relationships: [],
  };
}

const INGEST = 'mutation Ingest($d: JSON!) { ingestSource(document: $d) { source { id } userErrors { code message } } }';

/** Reads the resident set size of a process, in MiB (Linux). */
async function rssMiB(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The attacks, in the order the benchmark runs them (the database kill last). */
export const ATTACKS: Attack[] = [
  {
    name: 'file-read',
    description: 'an editor ingests a facts document whose source.textFile is /proc/self/environ (and ../../../../etc/passwd)',
    async run(target, durationMs) {
      const result = await flood(1, durationMs, async (i) => {
        const file = i % 2 === 0 ? '/proc/self/environ' : '../../../../../../etc/passwd';
        const response = await fetch(`${target.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer(target.editorKey) },
          body: JSON.stringify({ query: INGEST, variables: { d: factsDocument('source:attack-file', { textFile: file }, 'root') } }),
          signal: AbortSignal.timeout(ATTACKER_TIMEOUT_MS),
        }).catch(() => null);
        if (!response) return 'network';
        const text = await response.text();
        const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? 'no code';
        const leaked = /root:x:0|AUTH_JWT_SECRET|PATH=/.test(text);
        return `${response.status} ${code}${leaked ? ' LEAKED CONTENT' : ''}`;
      });
      return result;
    },
  },
  {
    name: 'deep-not',
    description: '6 anonymous clients send a `where` variable nested 600 NOTs deep',
    run: (target, durationMs) => flood(6, durationMs, () => post(target, { query: FILTERED, variables: { w: nestedNot(600) } })),
  },
  {
    name: 'wide-or',
    description: '6 anonymous clients send a `where` variable with an OR of 10,000 branches',
    run: (target, durationMs) => {
      const w = { OR: Array.from({ length: 10_000 }, (_, i) => ({ name: `zz${i}` })) };
      return flood(6, durationMs, () => post(target, { query: FILTERED, variables: { w } }));
    },
  },
  {
    name: 'aliased-expensive',
    description: '40 concurrent requests from 10 credentials, each with 30 aliased search, paths or neighbourhood fields',
    run: (target, durationMs) => {
      const documents = [
        aliased((i) => `search(text: "a${i % 3}", first: 50) { totalCount }`),
        aliased(() => `paths(fromId: "actor:steve-witkoff", toId: "actor:andrii-sybiha", maxHops: 6, k: 10) { length }`),
        aliased(() => `neighbourhood(id: "actor:vladimir-putin", depth: 3, limit: 500) { truncated }`),
      ];
      let n = 0;
      return flood(40, durationMs, (i) => post(target, { query: documents[n++ % 3] }, bearer(target.attackerKeys[i % target.attackerKeys.length])));
    },
  },
  {
    name: 'export-flood',
    description: '100 concurrent GET /export?format=graphml from 10 credentials',
    run: (target, durationMs) =>
      flood(100, durationMs, (i) => answer(`${target.url}/export?format=graphml`, { headers: bearer(target.attackerKeys[i % target.attackerKeys.length]) })),
  },
  {
    name: 'big-text',
    description: 'an editor ingests a source whose text is one 900 KB line',
    run: (target, durationMs) => {
      const line = `${'Words without end keep coming here '.repeat(26_000)}and the end.`;
      let n = 0;
      return flood(1, durationMs, () =>
        post(
          target,
          { query: INGEST, variables: { d: factsDocument(`source:attack-big-${n++ % 2}`, { text: line }, 'Words without end') } },
          bearer(target.editorKey),
        ),
      );
    },
  },
  {
    name: 'key-guessing',
    description: '8 concurrent senders try random API keys on a mutation (a wrong key is told UNAUTHENTICATED) as fast as they are answered',
    async run(target, durationMs) {
      const mutation = 'mutation Guess { retractFact(id: "statement:none", reason: "guess") { userErrors { code } } }';
      const result = await flood(8, durationMs, () => post(target, { query: mutation }, { 'x-api-key': randomBytes(20).toString('hex') }));
      const checked = Object.entries(result.answers)
        .filter(([k]) => k.includes('UNAUTHENTICATED'))
        .reduce((sum, [, v]) => sum + v, 0);
      result.notes.push(`${(checked / (durationMs / 1000)).toFixed(1)} guesses checked per second`);
      return result;
    },
  },
  {
    name: 'long-operation-name',
    description: 'requests whose operationName is 900 KB long',
    async run(target, durationMs) {
      const name = `Op${'x'.repeat(900_000)}`;
      const result = await flood(2, durationMs, () => post(target, { query: 'query Op { __typename }', operationName: name }));
      if (target.logLines) {
        const longest = Math.max(0, ...(await target.logLines()).map((l) => l.length));
        result.notes.push(`longest service log line ${longest.toLocaleString('en')} characters`);
      }
      return result;
    },
  },
  {
    name: 'slow-sockets',
    description: 'sockets that send half a request header and then one byte every 5 s',
    async run(target, durationMs) {
      const count = Number(process.env.ATTACK_SLOW_SOCKETS ?? 5_000);
      const { hostname, port } = new URL(target.url);
      const sockets: Socket[] = [];
      const before = target.pid ? await rssMiB(target.pid) : NaN;
      for (let i = 0; i < count; i += 1) {
        const socket = connect(Number(port), hostname);
        socket.on('error', () => undefined);
        socket.write(`POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n`);
        sockets.push(socket);
        if (i % 500 === 499) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const drip = setInterval(() => sockets.forEach((s) => !s.destroyed && s.write('X-Drip: 1\r\n')), 5_000);
      let peak = before;
      const end = performance.now() + durationMs;
      while (performance.now() < end) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        if (target.pid) peak = Math.max(peak, await rssMiB(target.pid));
      }
      clearInterval(drip);
      const open = sockets.filter((s) => !s.destroyed).length;
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const after = target.pid ? await rssMiB(target.pid) : NaN;
      return {
        sent: count,
        answers: { 'closed by the server': count - open, 'still open at the end': open },
        notes: [`service RSS ${before.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB at most, ${after.toFixed(0)} MiB 2 s after`],
      };
    },
  },
];
