/**
 * What stays in a bench results folder (bench/results): the Markdown summary of every run, and the
 * full JSON of a run only while no later run has measured all of its scales.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchReport } from './run';

/** A run's JSON file: its start time with `:` and `.` written as `-`. */
const RESULT_JSON = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.json$/;

/**
 * The rule for a results folder: every run's Markdown summary stays (the README quotes them), but a
 * run's full JSON only while it is the latest run of at least one of its scales; once later runs
 * cover all of its scales it is deleted (git history keeps it). Files that are not reports are left
 * alone. Returns the files deleted.
 */
export async function pruneResults(outDir: string): Promise<string[]> {
  // Newest first: the names are start times, which sort as they happened.
  const names = (await readdir(outDir))
    .filter((name) => RESULT_JSON.test(name))
    .sort()
    .reverse();
  const covered = new Set<string>();
  const removed: string[] = [];
  for (const name of names) {
    const file = join(outDir, name);
    let scales: string[];
    try {
      scales = (JSON.parse(await readFile(file, 'utf8')) as Pick<BenchReport, 'scales'>).scales.map((s) => s.scale);
    } catch {
      continue;
    }
    if (scales.some((scale) => !covered.has(scale))) {
      for (const scale of scales) covered.add(scale);
    } else {
      await rm(file);
      removed.push(file);
    }
  }
  return removed;
}
