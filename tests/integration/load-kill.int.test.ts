/**
 * A load killed mid-way (SIGKILL, no chance to clean up) leaves every article either entirely in
 * the graph or entirely absent: each committed source has all of its relationships, and no
 * evidence names a source that is not there. Runs in a Neo4j of its own.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { read } from '../../src/db/driver';
import { PROJECT_ROOT } from '../../src/paths';
import { generateCorpus } from '../../src/facts/generate';
import { useOwnGraph } from '../helpers/scale-graph';

const t = useOwnGraph(async () => undefined);
const corpus = generateCorpus({ seed: 11, relationships: 30_000 });

test('killing `npm run seed` mid-load leaves each article entirely present or entirely absent', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'newsgraph-kill-test-'));
  await Promise.all(corpus.map((doc, i) => writeFile(join(dir, `${String(i).padStart(5, '0')}.json`), JSON.stringify(doc))));

  const child = spawn(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), [join(PROJECT_ROOT, 'src', 'cli', 'seed.ts'), dir], {
    env: { ...process.env, NEO4J_URI: t.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '' },
  });
  let stderr = '';
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  // The first progress line comes after at least one transaction committed and while later ones run.
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('[load]')) resolve();
    });
    void exited.then(() => resolve());
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  child.stdout.destroy();
  child.stderr.destroy();

  const loaded = new Set((await read(t.db, 'MATCH (s:Source) RETURN s.id AS id')).map((r) => r.id as string));
  expect(loaded.size).toBeGreaterThan(0);
  expect(loaded.size).toBeLessThan(corpus.length); // it really was cut short

  const perSource = await read(t.db, "MATCH (c:Claim) WHERE c.of CONTAINS '|' RETURN c.source AS source, count(*) AS relationships");
  const expected = new Map(corpus.map((doc) => [doc.source.id, doc.relationships.length]));
  for (const { source, relationships } of perSource) {
    expect(loaded.has(source as string)).toBe(true);
    expect([source, relationships]).toEqual([source, expected.get(source as string)]);
  }
  expect(perSource.length).toBe(loaded.size);
  const nodeSources = await read(t.db, "MATCH (c:Claim) WHERE NOT c.of CONTAINS '|' RETURN DISTINCT c.source AS source");
  expect(nodeSources.length).toBe(loaded.size);
  expect(nodeSources.every((r) => loaded.has(r.source as string))).toBe(true);
}, 240_000);
