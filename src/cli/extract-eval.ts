/**
 * `npm run extract:eval [-- article.txt curated.json]`: drafts facts from the article (default: the
 * built-in seed article) and scores the draft against the curated facts of the same text (default:
 * seed/data/uae-talks.json) with src/extract/evaluate.ts, printing precision, recall and F1 for
 * entities, quotes with their speaker, and offices held, then what was missed and what was extra.
 * Exits 1 when the draft or the curated file is invalid, 2 on bad arguments.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { PROJECT_ROOT } from '../db/local-neo4j';
import { draftFacts } from '../extract/draft';
import { evaluateDraft, type Score } from '../extract/evaluate';
import { idWords } from '../facts/names';
import { readFactsFile } from '../facts/read';
import { formatProblem, validateFacts } from '../facts/validate';
import { loadConfig } from '../config';
import { runCli, UsageError } from './run';

const USAGE = 'usage: npm run extract:eval [-- article.txt curated.json]';

async function main(argv: string[]): Promise<number> {
  if (argv.some((a) => a.startsWith('-'))) throw new UsageError(`unknown option ${argv.filter((a) => a.startsWith('-')).join(', ')}`);
  if (argv.length !== 0 && argv.length !== 2) throw new UsageError('give both the article and its curated facts file, or neither');
  const [articleFile, curatedFile] = argv.length
    ? argv
    : [join(PROJECT_ROOT, 'seed', 'articles', 'uae-talks.txt'), join(PROJECT_ROOT, 'seed', 'data', 'uae-talks.json')];

  // FACTS_ROOT says where the curated file's textFile may point (tests/fixtures for the fixture).
  const curated = await readFactsFile(curatedFile, loadConfig().facts);
  if (!curated.ok) {
    for (const p of curated.problems) console.error(formatProblem(p));
    return 1;
  }
  let text: string;
  try {
    text = await readFile(articleFile, 'utf8');
  } catch (error) {
    console.error(`cannot read ${articleFile}: ${(error as Error).message}`);
    return 1;
  }
  const draft = draftFacts(text, { id: `source:${idWords(basename(articleFile, extname(articleFile)))}` });
  const valid = validateFacts(draft);
  if (!valid.ok) {
    console.error('The draft does not pass validation (a bug in the extraction rules):');
    for (const p of valid.problems) console.error(`  ${p.path}: ${p.message}`);
    return 1;
  }

  const result = evaluateDraft(draft, curated.value.doc);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const row = (label: string, s: Score) =>
    `${label.padEnd(22)}${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}   ${`${s.correct}/${s.drafted}`.padStart(7)}   ${`${s.found}/${s.curated}`.padStart(7)}`;
  console.log(`Draft of ${basename(articleFile)} against ${basename(curatedFile)}`);
  console.log(`${'what'.padEnd(22)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}   ${'correct'.padStart(7)}   ${'found'.padStart(7)}`);
  console.log(row('entities', result.entities));
  console.log(row('quotes with speaker', result.quotes));
  console.log(row('offices (HOLDS)', result.offices));
  console.log('(correct = drafted items that match / all drafted; found = curated items matched / all curated)');
  console.log(`missed entities: ${result.missedEntities.join(', ') || 'none'}`);
  console.log(`extra entities: ${result.extraEntities.join(', ') || 'none'}`);
  const reported = curated.value.doc.entities.filter((e) => e.type === 'Statement' && e.kind === 'REPORTED').length;
  console.log(`not scored: ${reported} curated REPORTED statements (reported speech is not drafted)`);
  return 0;
}

runCli(main, USAGE);
