/**
 * `npm run extract:eval [-- --details]`: scores the extraction rules (src/extract) with
 * src/extract/evaluate.ts on (1) the seed article against its curated facts (in-sample: the rules
 * were written on it) and (2) the corpus of real reporting in tests/fixtures/real, its dev half and
 * its held-out half apart, per entity class and per article, with the pairwise precision and recall
 * of entity resolution's merges over each article's gold surface forms (src/extract/resolution-score.ts)
 * and the time extraction takes per article, warm. `--details` also lists, per corpus article, the
 * entities missed and drafted wrongly.
 *
 * `npm run extract:eval -- article.txt curated.json` scores one article against a curated facts file.
 * Exits 1 when a draft, a curated file or a gold list is invalid, 2 on bad arguments.
 */
import { readdir, readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { basename, extname, join } from 'node:path';
import { PROJECT_ROOT } from '../paths';
import { GoldArticle, goldToFacts } from '../extract/corpus';
import { draftFacts } from '../extract/draft';
import { ENTITY_CLASSES, evaluateDraft, type Evaluation, type Score, score } from '../extract/evaluate';
import { type PairScore, scoreResolution, sumPairs } from '../extract/resolution-score';
import type { FactsDocument } from '../facts/format';
import { idWords } from '../facts/names';
import { readFactsFile } from '../ingest/read';
import { formatProblem, validateFacts } from '../facts/validate';
import { loadConfig } from '../config';
import { readArticle } from './article';
import { articleInterval } from '../extract/interval';
import { runCli, UsageError } from './run';

const USAGE = 'usage: npm run extract:eval [-- --details] | npm run extract:eval -- article.txt curated.json';
const CORPUS_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'real');

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const row = (label: string, s: Score) =>
  `${label.padEnd(24)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}   ${`${s.correct}/${s.drafted}`.padStart(7)}   ${`${s.found}/${s.curated}`.padStart(7)}`;
const header = () => `${'what'.padEnd(24)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}   ${'correct'.padStart(7)}   ${'found'.padStart(7)}`;

/** Drafts `text` and fails loudly when the draft does not validate (a bug in the rules). */
function draftOf(text: string, name: string): FactsDocument | undefined {
  const draft = draftFacts(text, { id: `source:${idWords(name) || 'article'}` });
  const valid = validateFacts(draft);
  if (valid.ok) return draft;
  console.error(`The draft of ${name} does not pass validation (a bug in the extraction rules):`);
  for (const p of valid.problems) console.error(`  ${p.path}: ${p.message}`);
  return undefined;
}

/** The table of one evaluation (or of a sum of them). */
function table(e: Evaluation, perClass: boolean): string[] {
  const lines = [header(), row('entities', e.entities)];
  if (perClass) for (const c of ENTITY_CLASSES) lines.push(row(`  ${c}`, e.byClass[c]));
  lines.push(
    row('quotes with speaker', e.quotes),
    row('quote texts', e.quoteTexts),
    `${'speaker accuracy'.padEnd(24)}${pct(e.speakers.accuracy)}   (${e.speakers.right} of ${e.speakers.of} found quotes with a named speaker; ` +
      `${e.speakers.wrong} given another, ${e.speakers.none} none)`,
    `${'speakers without one'.padEnd(24)}${String(e.speakers.extra).padStart(7)}   (speakers drafted for found quotes whose curated speaker is nobody)`,
    row('meetings (participants)', e.meetings),
    row('offices (HOLDS)', e.offices),
  );
  return lines;
}

/** Adds up the counts of several evaluations (micro-average). */
function sum(all: Evaluation[]): Evaluation {
  const add = (pick: (e: Evaluation) => Score) => {
    const s = all.map(pick);
    const t = (k: 'correct' | 'drafted' | 'found' | 'curated') => s.reduce((n, x) => n + x[k], 0);
    return score(t('correct'), t('drafted'), t('found'), t('curated'));
  };
  const count = (k: 'right' | 'of' | 'wrong' | 'none' | 'extra') => all.reduce((n, e) => n + e.speakers[k], 0);
  const [right, of] = [count('right'), count('of')];
  return {
    entities: add((e) => e.entities),
    byClass: Object.fromEntries(ENTITY_CLASSES.map((c) => [c, add((e) => e.byClass[c])])) as Evaluation['byClass'],
    quotes: add((e) => e.quotes),
    quoteTexts: add((e) => e.quoteTexts),
    speakers: { right, of, accuracy: of ? right / of : 0, wrong: count('wrong'), none: count('none'), extra: count('extra') },
    offices: add((e) => e.offices),
    meetings: add((e) => e.meetings),
    missedEntities: all.flatMap((e) => e.missedEntities),
    extraEntities: all.flatMap((e) => e.extraEntities),
    entityMatches: new Map(),
  };
}

async function evaluateOne(articleFile: string, curatedFile: string): Promise<number> {
  // FACTS_ROOT says where the curated file's textFile may point (tests/fixtures for the fixture).
  const config = loadConfig();
  const curated = await readFactsFile(curatedFile, config.facts);
  if (!curated.ok) {
    for (const p of curated.problems) console.error(formatProblem(p));
    return 1;
  }
  const text = await readArticle(articleFile, config.extract.maxTextBytes);
  if (text === undefined) return 1;
  const draft = draftOf(text, basename(articleFile, extname(articleFile)));
  if (!draft) return 1;
  const result = evaluateDraft(draft, curated.value.doc);
  console.log(`Draft of ${basename(articleFile)} against ${basename(curatedFile)}`);
  for (const line of table(result, false)) console.log(line);
  console.log('(correct = drafted items that match / all drafted; found = curated items matched / all curated)');
  console.log(`missed entities: ${result.missedEntities.join(', ') || 'none'}`);
  console.log(`extra entities: ${result.extraEntities.join(', ') || 'none'}`);
  const reported = curated.value.doc.entities.filter((e) => e.type === 'Statement' && e.kind === 'REPORTED').length;
  console.log(`not scored: ${reported} curated REPORTED statements (reported speech is not drafted)`);
  return 0;
}

interface Scored {
  slug: string;
  gold: GoldArticle;
  text: string;
  result: Evaluation;
  resolution: PairScore;
}

/** How many warm runs each article's timing takes the median of. */
const TIMING_RUNS = 5;

/** The median time, in milliseconds, that drafting `text` takes once the rules are loaded and warm. */
function warmDraftMs(text: string, name: string): number {
  const times: number[] = [];
  for (let i = 0; i < TIMING_RUNS; i += 1) {
    const start = performance.now();
    draftFacts(text, { id: `source:${idWords(name) || 'article'}` });
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(TIMING_RUNS / 2)];
}

/** The 95% intervals of the headline figures over this part's articles (see interval.ts). */
function intervals(part: Scored[]): string {
  const range = (statistic: (sample: Scored[]) => number) => {
    const [low, high] = articleInterval(part, statistic);
    return `${(low * 100).toFixed(1)}–${(high * 100).toFixed(1)}%`;
  };
  const results = (sample: Scored[]) => sum(sample.map((a) => a.result));
  return (
    `95% intervals, articles drawn again 2,000 times: entity F1 ${range((x) => results(x).entities.f1)}, ` +
    `speaker accuracy ${range((x) => results(x).speakers.accuracy)}, meetings found ${range((x) => results(x).meetings.recall)}, ` +
    `resolution F1 ${range((x) => sumPairs(x.map((a) => a.resolution)).f1)}`
  );
}

const pairRow = (label: string, s: PairScore) =>
  `${label.padEnd(24)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}   ${`${s.right}/${s.merged}`.padStart(7)}   ${`${s.right}/${s.gold}`.padStart(7)}`;

/** Drafts and scores every article of the corpus; undefined when one of them is invalid. */
async function evaluateCorpus(): Promise<Scored[] | undefined> {
  const slugs = (await readdir(CORPUS_DIR))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  const out: Scored[] = [];
  for (const slug of slugs) {
    const parsed = GoldArticle.safeParse(JSON.parse(await readFile(join(CORPUS_DIR, `${slug}.json`), 'utf8')));
    if (!parsed.success) {
      console.error(`${slug}.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return undefined;
    }
    const text = await readFile(join(CORPUS_DIR, `${slug}.txt`), 'utf8');
    const draft = draftOf(text, slug);
    if (!draft) return undefined;
    out.push({
      slug,
      gold: parsed.data,
      text,
      result: evaluateDraft(draft, goldToFacts(slug, parsed.data, text), { ignore: parsed.data.ignore }),
      resolution: scoreResolution(parsed.data),
    });
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const details = argv.includes('--details');
  const rest = argv.filter((a) => a !== '--details');
  if (rest.some((a) => a.startsWith('-'))) throw new UsageError(`unknown option ${rest.filter((a) => a.startsWith('-')).join(', ')}`);
  if (rest.length !== 0 && rest.length !== 2) throw new UsageError('give both the article and its curated facts file, or neither');
  if (rest.length === 2) return evaluateOne(rest[0], rest[1]);

  console.log('== Seed article (in-sample: the rules were written on it) ==');
  const seed = await evaluateOne(join(PROJECT_ROOT, 'seed', 'articles', 'uae-talks.txt'), join(PROJECT_ROOT, 'seed', 'data', 'uae-talks.json'));
  if (seed !== 0) return seed;

  const corpus = await evaluateCorpus();
  if (!corpus) return 1;
  const slugWidth = Math.max(40, ...corpus.map((a) => a.slug.length + 2));
  for (const split of ['dev', 'heldout'] as const) {
    const part = corpus.filter((a) => a.gold.split === split);
    console.log(
      `\n== Real reporting, ${split === 'dev' ? 'dev half (rules may be tuned on it)' : 'held-out half (never tuned on)'}: ${part.length} articles ==`,
    );
    for (const line of table(sum(part.map((a) => a.result)), true)) console.log(line);
    console.log(pairRow('resolution (pairs)', sumPairs(part.map((a) => a.resolution))));
    console.log(intervals(part));
  }
  console.log("(resolution: pairs of one article's gold surface forms that resolution puts on one node; correct = right/merged, found = right/gold pairs)");
  console.log('\nPer article: entities P / R / F1, quote texts found, right speakers, meetings found, offices F1');
  for (const { slug, gold, result: r } of corpus) {
    const e = r.entities;
    console.log(
      `${slug.padEnd(slugWidth)}${gold.split.padEnd(8)}${pct(e.precision)}${pct(e.recall)}${pct(e.f1)}` +
        `${`${r.quoteTexts.found}/${r.quoteTexts.curated}`.padStart(8)}${`${r.speakers.right}/${r.speakers.of}`.padStart(7)}` +
        `${`${r.meetings.found}/${r.meetings.curated}`.padStart(7)}${pct(r.offices.f1)}`,
    );
    if (details) {
      console.log(`    missed: ${r.missedEntities.join(', ') || 'none'}`);
      console.log(`    extra:  ${r.extraEntities.join(', ') || 'none'}`);
    }
  }

  console.log(`\nExtraction time per article, warm (median of ${TIMING_RUNS} runs after the scoring run), ms`);
  const times = corpus.map(({ slug, text }) => ({ slug, chars: text.length, ms: warmDraftMs(text, slug) }));
  for (const t of times) console.log(`${t.slug.padEnd(slugWidth)}${`${t.chars}`.padStart(7)} chars ${t.ms.toFixed(1).padStart(9)} ms`);
  const all = times.map((t) => t.ms).sort((a, b) => a - b);
  console.log(
    `${'mean'.padEnd(slugWidth)}${(all.reduce((a, b) => a + b, 0) / all.length).toFixed(1).padStart(23)} ms; median ${all[Math.floor(all.length / 2)].toFixed(1)} ms; max ${all[all.length - 1].toFixed(1)} ms`,
  );
  return 0;
}

runCli(main, USAGE);
