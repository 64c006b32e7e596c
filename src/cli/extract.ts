/**
 * `npm run extract -- article.txt [--title T] [--publisher P] [--date YYYY-MM-DD] [--url U] [--provenance P.json] > draft.json`:
 * drafts a facts document from a raw text (src/extract) and prints it as JSON on stdout, marked
 * `"draft": true`, with the text inlined and the source id taken from the file name. The draft is
 * validated like any facts file; an invalid draft is a bug in the rules and fails with exit 1.
 * Diagnostics go to stderr; bad arguments exit 2. npm itself prints a banner on stdout before
 * running a script, so redirect with `npm run -s extract -- ... > draft.json` (`-s`: silent).
 * `--provenance P.json` also writes which rules drafted each fact and how sure they are (the facts
 * format has no field for it): entities by id, relationships by "TYPE from -> to". A text over
 * EXTRACT_TEXT_MAX_BYTES, an empty one, or a path that is no regular file exits 1 (see article.ts).
 */
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { draftWithProvenance, type SourceMeta } from '../extract/draft';
import { idWords } from '../facts/names';
import { validateFacts } from '../facts/validate';
import { loadConfig } from '../config';
import { readArticle } from './article';
import { runCli, UsageError } from './run';

const USAGE = 'usage: npm run -s extract -- article.txt [--title T] [--publisher P] [--date YYYY-MM-DD] [--url U] [--provenance P.json] > draft.json';
const OPTIONS = ['--title', '--publisher', '--date', '--url', '--provenance'];

interface Args {
  file: string;
  meta: Omit<SourceMeta, 'id'>;
  provenance?: string;
}

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (!argv[i].startsWith('--')) {
      files.push(argv[i]);
      continue;
    }
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (!OPTIONS.includes(flag)) throw new UsageError(`unknown option "${argv[i]}"`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.trim() === '') throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  if (files.length !== 1) throw new UsageError(files.length ? `one text file at a time; got ${files.join(', ')}` : 'name the text file to extract from');
  const date = values.get('--date');
  if (date !== undefined && !isDay(date)) throw new UsageError(`--date must be a real day as YYYY-MM-DD; got "${date}"`);
  const url = values.get('--url');
  if (url !== undefined && !URL.canParse(url)) throw new UsageError(`--url must be an absolute URL; got "${url}"`);
  return { file: files[0], meta: { title: values.get('--title'), publisher: values.get('--publisher'), date, url }, provenance: values.get('--provenance') };
}

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

async function main(argv: string[]): Promise<number> {
  const { file, meta, provenance: provenanceFile } = parseArgs(argv);
  const text = await readArticle(file, loadConfig().extract.maxTextBytes);
  if (text === undefined) return 1;
  const id = `source:${idWords(basename(file, extname(file)))}`;
  const { doc: draft, provenance } = draftWithProvenance(text, { id, ...meta });
  const result = validateFacts(draft);
  if (!result.ok) {
    console.error(`The draft for ${file} does not pass validation (a bug in the extraction rules); nothing was printed:`);
    for (const p of result.problems) console.error(`  ${p.path}: ${p.message}`);
    return 1;
  }
  const count = (type: string) => draft.entities.filter((e) => e.type === type).length;
  const unattributed = draft.entities.filter((e) => e.type === 'Statement' && !draft.relationships.some((r) => r.type === 'SAID' && r.to === e.id)).length;
  console.error(
    `${file}: drafted ${draft.entities.length} entities (${count('Actor')} actors, ${count('Country')} countries, ${count('Location')} places, ` +
      `${count('Position')} positions, ${count('Statement')} quotes of which ${unattributed} without speaker, ${count('Meeting')} meetings) ` +
      `and ${draft.relationships.length} relationships; review it, then remove "draft": true`,
  );
  if (provenanceFile) {
    try {
      await writeFile(provenanceFile, `${JSON.stringify(provenance, null, 2)}\n`);
    } catch (error) {
      console.error(`cannot write ${provenanceFile}: ${(error as Error).message}`);
      return 1;
    }
  }
  process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
  return 0;
}

runCli(main, USAGE);
