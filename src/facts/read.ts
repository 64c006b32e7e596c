/**
 * Reading facts documents from disk. A file may name its text by `source.textFile` (a path
 * relative to the file) instead of inlining `source.text`; the reader inlines it, so everything
 * after this point sees one shape.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type Problem, type ValidationResult, validateFacts } from './validate';

/** Reads, parses and validates one facts file. Problems carry the file name in their path. */
export async function readFactsFile(file: string): Promise<ValidationResult> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return fail(file, '(document)', `cannot be read as JSON: ${(error as Error).message}`);
  }
  const source = (json as { source?: Record<string, unknown> })?.source;
  if (source && typeof source === 'object' && typeof source.textFile === 'string' && source.text === undefined) {
    const textPath = resolve(dirname(file), source.textFile);
    try {
      const { textFile: _, ...rest } = source;
      (json as { source: unknown }).source = { ...rest, text: await readFile(textPath, 'utf8') };
    } catch (error) {
      return fail(file, 'source.textFile', `cannot read ${textPath}: ${(error as Error).message}`);
    }
  }
  const result = validateFacts(json);
  return result.ok ? result : { ok: false, problems: result.problems.map((p) => ({ ...p, path: `${file}: ${p.path}` })) };
}

function fail(file: string, path: string, message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path: `${file}: ${path}`, message }] };
}
