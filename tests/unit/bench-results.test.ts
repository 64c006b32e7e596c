/**
 * The bench results rule: every run's Markdown stays, and a run's JSON stays only while it is the
 * latest run of one of its scales.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pruneResults } from '../../src/bench/results';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-bench-results-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(stamp: string, scales: string[]): Promise<void> {
  await writeFile(join(dir, `${stamp}.json`), JSON.stringify({ startedAt: stamp, scales: scales.map((scale) => ({ scale })) }));
  await writeFile(join(dir, `${stamp}.md`), `# ${stamp}\n`);
}

test('a JSON result is deleted once later runs cover all its scales; the Markdown of every run and other files stay', async () => {
  await run('2026-11-26T09-25-53-728Z', ['seed', '10k']);
  await run('2026-11-26T09-43-18-888Z', ['10k', '100k']);
  await run('2026-11-26T12-19-50-054Z', ['seed', '10k', '100k', '1m']);
  await run('2026-12-01T20-31-54-788Z', ['10k', '100k']);
  await writeFile(join(dir, 'attacks-2026-12-01T17-23-00-492Z.md'), '# attacks\n');
  await writeFile(join(dir, 'notes.json'), 'not a report');

  const removed = await pruneResults(dir);

  expect(removed.map((file) => file.slice(dir.length + 1)).sort()).toEqual(['2026-11-26T09-25-53-728Z.json', '2026-11-26T09-43-18-888Z.json']);
  expect((await readdir(dir)).sort()).toEqual([
    '2026-11-26T09-25-53-728Z.md',
    '2026-11-26T09-43-18-888Z.md',
    // Still the latest run of seed and 1m.
    '2026-11-26T12-19-50-054Z.json',
    '2026-11-26T12-19-50-054Z.md',
    '2026-12-01T20-31-54-788Z.json',
    '2026-12-01T20-31-54-788Z.md',
    'attacks-2026-12-01T17-23-00-492Z.md',
    'notes.json',
  ]);
  expect(await pruneResults(dir)).toEqual([]);
});
