/**
 * The dashboard follows the graph live: with the page open, a source loaded by another writer
 * changes its counts and its timeline, with no reload, through its graphql-ws subscription.
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { seedFiles } from '../../src/ingest/seed';
import { PROJECT_ROOT } from '../../src/paths';
import { ensureDashboardBuilt, launchChromium, record } from '../helpers/browser';
import { useOwnGraph } from '../helpers/scale-graph';
import { SEED_FILE } from '../helpers/seed-file';

const t = useOwnGraph((db) => seedFiles(db, [SEED_FILE], () => undefined));
let browser: Browser;

beforeAll(async () => {
  ensureDashboardBuilt();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('a load while the dashboard is open changes its counts and timeline without a reload', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'newsgraph-dashboard-live-'));
  await copyFile(join(PROJECT_ROOT, 'tests', 'fixtures', 'articles', 'followup-abu-dhabi.txt'), join(dir, 'followup.txt'));
  const doc = JSON.parse(await readFile(join(PROJECT_ROOT, 'tests', 'fixtures', 'facts', 'followup-abu-dhabi.json'), 'utf8'));
  doc.source.textFile = 'followup.txt';
  await writeFile(join(dir, 'followup.json'), JSON.stringify(doc));

  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const rec = record(page);
  await page.goto(`${t.api.url}/dashboard`);
  await page.locator('body[data-loaded="true"][data-live="on"]').waitFor({ timeout: 30_000 });
  const summary = () => page.locator('#stats .stat-summary').innerText();
  const timelineTotal = () => page.locator('#timeline .bar').evaluateAll((bars) => bars.reduce((n, b) => n + Number((b as any).dataset.total), 0));
  expect(await summary()).toMatch(/^1 source\b/);
  const timelineBefore = await timelineTotal();
  // A mark on the page: a reload would lose it.
  await page.evaluate(() => ((globalThis as any).mark = 42));

  await seedFiles(t.db, [join(dir, 'followup.json')], () => undefined);

  await page.locator('body[data-refreshed-version]').waitFor({ timeout: 30_000 });
  await page.locator('#stats[data-state="ready"] .stat-summary', { hasText: /^2 sources/ }).waitFor({ timeout: 30_000 });
  await page.locator('#timeline[data-state="ready"]').waitFor({ timeout: 30_000 });
  const expected = (await t.api.data('{ stats { sources } }')).stats.sources;
  expect(expected).toBe(2);
  expect(await timelineTotal()).toBeGreaterThan(timelineBefore);
  expect(await page.evaluate(() => (globalThis as any).mark)).toBe(42);
  expect(rec.errors).toEqual([]);
  await page.close();
});
