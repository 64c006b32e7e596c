/**
 * Reading the article a command drafts from (`extract`, `extract:eval -- article.txt`): a regular
 * file of at most EXTRACT_TEXT_MAX_BYTES, checked before it is read, with some text in it. Each
 * refusal is one line on stderr that starts with its code, so a script can tell them apart:
 *
 *   [TEXT_TOO_LARGE] book.txt has 30000000 bytes; extraction drafts from at most 100000 (EXTRACT_TEXT_MAX_BYTES) …
 *   [NOT_A_REGULAR_FILE] /dev/zero is not a regular file (…)
 *   [FILE_UNREADABLE] missing.txt cannot be read (ENOENT)
 *   [TEXT_EMPTY] blank.txt is empty: there is nothing to extract
 */
import { readBounded } from '../ingest/read';

/** The article's text, or undefined after printing why it cannot be drafted from. */
export async function readArticle(file: string, maxBytes: number): Promise<string | undefined> {
  const read = await readBounded(file, maxBytes);
  if ('problem' in read) {
    const { code, message, bytes } = read.problem;
    console.error(
      code === 'FILE_TOO_LARGE'
        ? `[TEXT_TOO_LARGE] ${file} has ${bytes} bytes; extraction drafts from at most ${maxBytes} (EXTRACT_TEXT_MAX_BYTES): ` +
            'give it one article at a time, or raise the setting'
        : `[${code}] ${file} ${message}`,
    );
    return undefined;
  }
  if (!read.text.trim()) {
    console.error(`[TEXT_EMPTY] ${file} is empty: there is nothing to extract`);
    return undefined;
  }
  return read.text;
}
