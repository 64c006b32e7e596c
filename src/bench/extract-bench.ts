/**
 * How long drafting takes for the largest text extraction accepts (EXTRACT_TEXT_MAX_BYTES), for
 * news and for texts built to be slow: what a user who feeds `npm run extract` a hostile file waits
 * at most. No database; it times `draftFacts` in this process.
 *
 *   npm run bench:extract
 *   npx tsx src/bench/extract-bench.ts [rounds=3] [bytes=EXTRACT_TEXT_MAX_BYTES]
 *
 * Texts, each cut to `bytes`: the corpus's articles one after another (news); one endless sentence
 * of short quotes ("“said Bob Putin met” …"); a list of one name ("Smith, Smith, …"); names joined
 * by "and"; short sentences that each name a new person and a quote; random bytes read as UTF-8.
 * Each figure is the median of `rounds` drafts, wall time, after one warm-up draft of a short text.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { draftFacts } from '../extract/draft';
import { PROJECT_ROOT } from '../paths';

const CORPUS_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'real');

/** `unit(i)` repeated until the text has at least `bytes` bytes, then cut back to at most `bytes` at a space. */
function repeated(bytes: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    parts.push(unit(i));
    size += Buffer.byteLength(parts[parts.length - 1]);
  }
  // Cut at the last space within `bytes` bytes (a space is one byte, so no character is split).
  const encoded = Buffer.from(parts.join(''));
  const space = encoded.lastIndexOf(0x20, bytes - 1);
  return encoded.subarray(0, space > 0 ? space : bytes).toString('utf8');
}

function texts(bytes: number): { name: string; text: string }[] {
  const articles = readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(CORPUS_DIR, f), 'utf8'));
  return [
    { name: 'news (corpus articles in a row)', text: repeated(bytes, (i) => `${articles[i % articles.length]}\n\n`) },
    { name: 'one sentence of quotes', text: repeated(bytes, (i) => (i % 2 ? '“said Bob ' : 'Putin met” ')) },
    { name: 'one sentence listing a name', text: repeated(bytes, () => 'Smith, ') },
    { name: 'one sentence of "and"', text: repeated(bytes, () => 'Putin and ') },
    { name: 'a new person per sentence', text: repeated(bytes, (i) => `“We agree,” said Bob Smith${i}. Putin met Xi. `) },
    { name: 'random bytes', text: repeated(bytes, () => randomBytes(4096).toString('utf8')) },
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  const rounds = Number(process.argv[2] ?? 3);
  const bytes = Number(process.argv[3] ?? loadConfig().extract.maxTextBytes);
  if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(bytes) || bytes < 100) {
    console.error('usage: npx tsx src/bench/extract-bench.ts [rounds>=1] [bytes>=100]');
    process.exit(2);
  }
  draftFacts('Vladimir Putin met Xi Jinping in Moscow. “We agree,” Putin said.', { id: 'source:warm-up' });
  console.log(`Drafting ${bytes}-byte texts, median of ${rounds}; ${cpus().length} cores (${cpus()[0]?.model.trim()}), load ${loadavg()[0].toFixed(2)}`);
  console.log(`${'text'.padEnd(34)}${'ms'.padStart(8)}${'entities'.padStart(10)}`);
  for (const { name, text } of texts(bytes)) {
    const times: number[] = [];
    let entities = 0;
    for (let r = 0; r < rounds; r += 1) {
      const start = performance.now();
      entities = draftFacts(text, { id: 'source:bench' }).entities.length;
      times.push(performance.now() - start);
    }
    console.log(`${name.padEnd(34)}${median(times).toFixed(0).padStart(8)}${String(entities).padStart(10)}`);
  }
  console.log(`load after: ${loadavg()[0].toFixed(2)}`);
}

main();
