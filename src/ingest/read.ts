/**
 * Reading facts documents from disk. A file may name its text by `source.textFile` (a path
 * relative to the file) instead of inlining `source.text`; the reader inlines it, so everything
 * after this point sees one shape. This is the only module that reads a file a document names,
 * and it reads only inside the facts file's own directory or FACTS_ROOT: a document must not be
 * able to publish `/proc/self/environ` (the service's secrets) as a source text.
 *
 * No problem it reports quotes a file's content: an unreadable or refused file is named by its
 * path, a JSON syntax error by its line and column.
 */
import { constants } from 'node:fs';
import { type FileHandle, open, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PROJECT_ROOT } from '../paths';
import {
  DEFAULT_SOURCE_TEXT_MAX_BYTES,
  type Problem,
  type ProblemCode,
  type TextLimits,
  textTooLarge,
  type ValidationResult,
  validateFacts,
} from '../facts/validate';

/** Where text files may be read from, and how large a text may be (config.facts). */
export interface FileRules extends TextLimits {
  /**
   * FACTS_ROOT: a directory whose files any facts file may name as its text, besides the files
   * under the facts file's own directory.
   */
  root: string;
}

/** The default FACTS_ROOT: the project's `seed/` directory (its facts files name `../articles/...`). */
export const DEFAULT_FACTS_ROOT = join(PROJECT_ROOT, 'seed');

export const DEFAULT_FILE_RULES: FileRules = { root: DEFAULT_FACTS_ROOT, maxTextBytes: DEFAULT_SOURCE_TEXT_MAX_BYTES };

/**
 * A facts file holds its text (up to the text limit, plus JSON escapes) and its facts; one over
 * this many times the text limit is refused unread.
 */
export const FACTS_FILE_SIZE_FACTOR = 4;

/** Pseudo-filesystems: their "regular files" are the kernel's and the process's state, never a source. */
const PSEUDO_FILESYSTEMS = ['/proc', '/sys', '/dev'];

/** Reads, parses and validates one facts file. Problems carry the file name in their path. */
export async function readFactsFile(file: string, rules: FileRules = DEFAULT_FILE_RULES): Promise<ValidationResult> {
  const maxFileBytes = rules.maxTextBytes * FACTS_FILE_SIZE_FACTOR;
  const content = await readBounded(resolve(file), maxFileBytes);
  if ('problem' in content) {
    const { code, message } = content.problem;
    const limit = code === 'FILE_TOO_LARGE' ? `; a facts file may have ${maxFileBytes} bytes (${FACTS_FILE_SIZE_FACTOR} × SOURCE_TEXT_MAX_BYTES)` : '';
    return fail(file, '(document)', code, `${message}${limit}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(content.text);
  } catch {
    return fail(file, '(document)', 'INVALID_JSON', `is not valid JSON: ${syntaxErrorAt(content.text)}`);
  }
  const source = (json as { source?: Record<string, unknown> })?.source;
  if (source && typeof source === 'object' && typeof source.textFile === 'string' && source.text === undefined) {
    const text = await readTextFile(file, source.textFile, rules);
    if ('problem' in text) return { ok: false, problems: [{ ...text.problem, path: `${file}: ${text.problem.path}` }] };
    const { textFile: _, ...rest } = source;
    (json as { source: unknown }).source = { ...rest, text: text.text };
  }
  const result = validateFacts(json, undefined, rules);
  return result.ok ? result : { ok: false, problems: result.problems.map((p) => ({ ...p, path: `${file}: ${p.path}` })) };
}

/**
 * The text `textFile` names, read only if it lies (symlinks resolved) under the facts file's own
 * directory or `rules.root`, is a regular file and fits the text limit, which is checked before
 * anything is read.
 */
export async function readTextFile(factsFile: string, textFile: string, rules: FileRules): Promise<{ text: string } | { problem: Problem }> {
  const refuse = (code: ProblemCode, message: string) => ({ problem: { path: 'source.textFile', code, message } });
  const outside = `"${textFile}" is outside the facts file's directory and FACTS_ROOT; name a file under one of them, by a relative path`;
  if (isAbsolute(textFile))
    return refuse('PATH_OUTSIDE_ROOT', `"${textFile}" is an absolute path; name a file under the facts file's directory or FACTS_ROOT, by a relative path`);
  const ownDir = dirname(resolve(factsFile));
  const path = resolve(ownDir, textFile);
  const roots = [ownDir, resolve(rules.root)];
  // Refused on the path as written first, so an escape learns nothing about the files out there.
  if (!roots.some((root) => isInside(root, path))) return refuse('PATH_OUTSIDE_ROOT', outside);
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    return refuse('FILE_UNREADABLE', `cannot read "${textFile}" (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const realRoots = await Promise.all(roots.map((root) => realpath(root).catch(() => null)));
  if (!realRoots.some((root) => root !== null && isInside(root, real))) return refuse('PATH_OUTSIDE_ROOT', `${outside} (a symbolic link leads out)`);
  const read = await readBounded(real, rules.maxTextBytes);
  if ('problem' in read) {
    const { code, message, bytes } = read.problem;
    if (code === 'FILE_TOO_LARGE') return { problem: textTooLarge('source.textFile', bytes!, rules) };
    return refuse(code, `"${textFile}" ${message}`);
  }
  return { text: read.text };
}

export type ReadProblem = { code: 'FILE_UNREADABLE' | 'NOT_A_REGULAR_FILE' | 'FILE_TOO_LARGE'; message: string; bytes?: number };

/**
 * Reads a regular file of at most `maxBytes` bytes as UTF-8. Its size is checked before reading
 * and again while reading (a file may grow, and a kernel file reports size 0); a FIFO or device
 * is refused without waiting on it.
 */
export async function readBounded(path: string, maxBytes: number): Promise<{ text: string } | { problem: ReadProblem }> {
  const unreadable = (error: unknown) => ({
    problem: { code: 'FILE_UNREADABLE' as const, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` },
  });
  const notRegular = { problem: { code: 'NOT_A_REGULAR_FILE' as const, message: 'is not a regular file (a directory, device, FIFO or kernel file)' } };
  const tooLarge = (bytes: number) => ({ problem: { code: 'FILE_TOO_LARGE' as const, message: `has ${bytes} bytes`, bytes } });
  if (PSEUDO_FILESYSTEMS.some((root) => isInside(root, path))) return notRegular;
  let handle: FileHandle | undefined;
  try {
    const info = await stat(path);
    if (!info.isFile()) return notRegular;
    if (info.size > maxBytes) return tooLarge(info.size);
    // O_NONBLOCK: should the file have been swapped for a FIFO since, opening it does not hang.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!(await handle.stat()).isFile()) return notRegular;
    // Sized to the file (one byte more, to notice growth), grown only for a file that lied.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, info.size + 1 + (info.size === 0 ? 65_535 : 0)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return tooLarge(length);
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return tooLarge(length);
    return { text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return unreadable(error);
  } finally {
    await handle?.close();
  }
}

/** Whether `path` is `root` itself or under it (both absolute and normalised). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Where JSON.parse failed, as `line L, column C`, found by a small scanner of the JSON grammar:
 * Node's own messages quote the text ("root:x:0:0"... is not valid JSON), which may be a secret.
 */
export function syntaxErrorAt(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return 'syntax error';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return offset >= text.length ? `unexpected end of file (line ${line}, column ${column})` : `syntax error at line ${line}, column ${column}`;
}

/** The offset of the first character where `text` stops being JSON; -1 if it is JSON (or too deep to scan). */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
  };
  const string = () => {
    i += 1;
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i += 1;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i += 1;
    }
    i += 1;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i += 1;
      space();
      if (text[i] === close) {
        i += 1;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (text[i] !== '"') fail();
          string();
          space();
          if (text[i] !== ':') fail();
          i += 1;
        }
        value();
        space();
        if (text[i] === ',') i += 1;
        else if (text[i] === close) {
          i += 1;
          return;
        } else fail();
      }
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return -1;
  } catch (at) {
    return typeof at === 'number' ? at : -1;
  }
}

function fail(file: string, path: string, code: ProblemCode, message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path: `${file}: ${path}`, code, message }] };
}
