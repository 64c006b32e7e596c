/**
 * `npm run bench -- --relationships 10000 [--seed 1] [--iterations 50] [--profile]`
 *
 * Measures the service on a generated graph (or, with `--relationships 0`, on the seed article)
 * in a throwaway local Neo4j: load time, and for a
 * nested query, a search and a path query their round trips and latency (p50, p95) over HTTP.
 * With --profile it also runs PROFILE on every statement those requests sent and reports db hits
 * and any label scans. Figures depend on the machine: quote them with its cores and memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Database, createDatabase, read } from '../db/driver';
import { PROJECT_ROOT, startLocalNeo4j } from '../db/local-neo4j';
import { generateCorpus } from '../facts/generate';
import type { FactsDocument } from '../facts/format';
import { readFactsFile } from '../facts/read';
import { loadFacts } from '../facts/seed';
import { applySchema, readinessProblem } from '../repositories/schema-repository';
import { createServer } from '../server';

interface Measured {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      relationships: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      iterations: { type: 'string', default: '50' },
      profile: { type: 'boolean', default: false },
      'heap-mb': { type: 'string', default: '2048' },
      'pagecache-mb': { type: 'string', default: '1024' },
    },
  });
  const relationships = Number(values.relationships);
  const iterations = Number(values.iterations);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`[bench] ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

  const homeDir = await mkdtemp(join(tmpdir(), 'newsgraph-bench-'));
  const neo4j = await startLocalNeo4j({ homeDir, heapMb: Number(values['heap-mb']), pageCacheMb: Number(values['pagecache-mb']), log: () => undefined });
  const db = createDatabase({ uri: neo4j.uri, user: 'neo4j', password: '' });
  try {
    await applySchema(db);
    let started = performance.now();
    const corpus = relationships > 0 ? generateCorpus({ seed: Number(values.seed), relationships }) : [await seedDocument()];
    const generateMs = performance.now() - started;
    const facts = corpus.reduce((sum, doc) => sum + doc.entities.length + doc.relationships.length, 0);
    const rels = corpus.reduce((sum, doc) => sum + doc.relationships.length, 0);
    started = performance.now();
    await loadFacts(db, corpus, { log });
    const loadMs = performance.now() - started;
    log(
      `[bench] corpus of ${corpus.length} documents (${facts} facts, ${rels} relationships) made in ${(generateMs / 1000).toFixed(1)} s; ` +
        `loaded in ${(loadMs / 1000).toFixed(1)} s = ${Math.round(facts / (loadMs / 1000))} facts/s, ${Math.round(rels / (loadMs / 1000))} relationships/s`,
    );
    await measure(db, await requests(db), iterations, values.profile, log);
  } finally {
    await db.driver.close();
    await neo4j.stop();
    await rm(homeDir, { recursive: true, force: true });
  }
}

/** The seed article's facts, with its text inlined as the loader reads it. */
async function seedDocument(): Promise<FactsDocument> {
  const result = await readFactsFile(join(PROJECT_ROOT, 'seed', 'data', 'uae-talks.json'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value.doc;
}

/** The requests measured, with ids picked from the graph: its busiest actor, and a pair two meetings apart. */
async function requests(db: Database): Promise<Measured[]> {
  const [hub] = await read(db, 'MATCH (a:Actor {kind: "PERSON"}) RETURN a.id AS id, a.name AS name ORDER BY COUNT { (a)-[:PARTICIPATED_IN]->() } DESC, a.id LIMIT 1');
  let [pair] = await read(db, `MATCH (a:Actor)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(:Actor)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(b:Actor)
    WHERE a.id < b.id AND NOT EXISTS { (a)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(b) }
    RETURN a.id AS from, b.id AS to LIMIT 1`);
  // A small graph may have no such pair: take the two actors farthest apart instead.
  [pair] = pair
    ? [pair]
    : await read(db, `MATCH (a:Actor), (b:Actor) WHERE a.id < b.id MATCH p = shortestPath((a)-[*..6]-(b))
        RETURN a.id AS from, b.id AS to ORDER BY length(p) DESC, a.id, b.id LIMIT 1`);
  const [country] = await read(db, `MATCH (c:Actor:Location {kind: 'COUNTRY'})
    RETURN c.id AS id ORDER BY COUNT { (c)<-[:PART_OF*0..10]-(:Location)<-[:HELD_IN]-(:Meeting) } DESC LIMIT 1`);
  const last = (hub.name as string).split(' ').at(-1)!;
  const i = Math.floor(last.length / 2);
  return [
    {
      name: 'nested: actor > 10 meetings > 12 participants > 3 statements each',
      query: `query($id: ID!) { actor(id: $id) { name meetingsConnection(first: 10) { totalCount nodes { name startDate { value }
        participantsConnection(first: 12) { totalCount nodes { role actor { name statementsConnection(first: 3) { totalCount nodes { text } } } } } } } } }`,
      variables: { id: hub.id },
    },
    {
      name: 'search: a misspelt surname, 10 hits with highlights',
      query: 'query($text: String!) { search(text: $text, first: 10) { totalCount nodes { score node { id } highlights { field snippet } } } }',
      variables: { text: last.slice(0, i - 1) + last[i] + last[i - 1] + last.slice(i + 1) },
    },
    {
      name: 'root lists: actors by name; meetings in a country or with the hub; the hub\'s statements in a year',
      query: `query($id: ID!, $country: ID!) {
        actors(first: 20) { totalCount nodes { name } }
        meetings(first: 20, where: { OR: [{ locationId: $country }, { participantId: $id }] }) { totalCount nodes { name } }
        statements(first: 20, where: { speakerId: $id, date: { from: "2025", to: "2025" } }) { totalCount nodes { text } }
      }`,
      variables: { id: hub.id, country: country.id },
    },
    {
      name: 'analytics: stats, top 10 by PageRank, 20 co-occurring pairs, stance matrix, monthly buckets (cached after the first)',
      query: `{ stats { sources nodes { type count } relationships { type count } }
        topActors(by: PAGERANK, first: 10) { rank score actor { name } }
        coOccurrence(kind: MEETING, first: 20) { count a { name } b { name } }
        stanceMatrix { topics cells { topic actor { name } stances { stance } } }
        timelineBuckets(from: "2020-01", to: "2026-12", interval: MONTH) { start meetings statements events } }`,
      variables: {},
    },
    {
      name: 'path: shortest connection between two actors, with evidence',
      query: `query($from: ID!, $to: ID!) { path(fromId: $from, toId: $to, maxHops: 6) { length nodes { id } edges { type evidence { excerpt sentenceText } } } }`,
      variables: { from: pair.from, to: pair.to },
    },
  ];
}

async function measure(db: Database, measured: Measured[], iterations: number, profile: boolean, log: (line: string) => void): Promise<void> {
  const traced: { cypher: string; params: Record<string, unknown> }[] = [];
  let tracing = false;
  const server = await createServer({
    db,
    log,
    readiness: () => readinessProblem(db),
    trace: (cypher, params) => void (tracing && traced.push({ cypher, params })),
  });
  const http = createHttpServer((req, res) => void server.handle(req, res));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  const send = async (m: Measured) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-debug-db': '1' },
      body: JSON.stringify({ query: m.query, variables: m.variables }),
    });
    const body = (await response.json()) as { errors?: unknown[]; extensions?: { db: { roundTrips: number; dbTimeMs: number } } };
    if (body.errors) throw new Error(`${m.name}: ${JSON.stringify(body.errors)}`);
    return body.extensions!.db;
  };
  try {
    for (const m of measured) {
      const coldStarted = performance.now();
      await send(m);
      const coldMs = performance.now() - coldStarted;
      for (let i = 0; i < 4; i += 1) await send(m); // warm up plans and caches
      const times: number[] = [];
      const dbTimes: number[] = [];
      let roundTrips = 0;
      for (let i = 0; i < iterations; i += 1) {
        const started = performance.now();
        const db = await send(m);
        times.push(performance.now() - started);
        dbTimes.push(db.dbTimeMs);
        roundTrips = db.roundTrips;
      }
      const p = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))].toFixed(1);
      log(
        `[bench] ${m.name}: ${roundTrips} round trips, p50 ${p(times, 0.5)} ms, p95 ${p(times, 0.95)} ms ` +
          `(waiting for Neo4j: p50 ${p(dbTimes, 0.5)} ms; ${iterations} runs; first call ${coldMs.toFixed(1)} ms)`,
      );
      if (profile) {
        traced.length = 0;
        tracing = true;
        await send(m);
        tracing = false;
        for (const statement of traced) await profileStatement(db, statement.cypher, statement.params, log);
      }
    }
  } finally {
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await server.stop();
  }
}

interface Plan {
  operatorType: string;
  dbHits: number;
  arguments: Record<string, unknown>;
  children: Plan[];
}

/** Runs PROFILE on one statement and reports its db hits and any scans of a whole label. */
async function profileStatement(db: Database, cypher: string, params: Record<string, unknown>, log: (line: string) => void): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    const result = await session.run(`PROFILE ${cypher}`, params);
    const plan = result.summary.profile as unknown as Plan;
    const all: Plan[] = [];
    const walk = (p: Plan) => {
      all.push(p);
      p.children.forEach(walk);
    };
    walk(plan);
    const hits = all.reduce((sum, p) => sum + Number(p.dbHits), 0);
    const scans = all.filter((p) => /LabelScan|AllNodesScan|RelationshipTypeScan/.test(p.operatorType)).map((p) => `${p.operatorType}(${String(p.arguments.Details ?? '')})`);
    const name = cypher.match(/\/\/ ([^\n]+)/)?.[1] ?? 'statement';
    log(`[profile] ${name}: ${hits} db hits${scans.length ? `; scans: ${scans.join(', ')}` : '; no label scans'}`);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
