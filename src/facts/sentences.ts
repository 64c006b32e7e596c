/**
 * Sentence numbering for source texts. Evidence points at "sentence N" of a source, so the loader,
 * the API and anyone writing a facts file must split a text the same way; this module is that one way.
 *
 * Rules: every non-empty line is a paragraph; inside a paragraph a sentence ends at `.`, `?` or `!`
 * (optionally followed by a closing quote or bracket) when whitespace and then an upper-case letter,
 * a digit or an opening quote follow, unless that point lies inside a “curly-quoted” passage (a quote of
 * several sentences stays one sentence, so its evidence is one span). Numbering starts at 1 and runs over the whole text, page
 * furniture included, so that the numbers can be checked against the raw text by eye.
 */

/** One sentence of a source text with its character offsets (`end` exclusive) into that text. */
export interface Sentence {
  number: number;
  start: number;
  end: number;
  text: string;
}

const SENTENCE_END = /[.?!][”"’)\]]*(?=\s+[“"‘(\p{Lu}\p{N}])/gu;

/**
 * Splits `text` into numbered sentences; offsets index into `text` itself. Linear in the text's
 * length: the curly-quote depth is carried along from one candidate end to the next instead of
 * being counted again over each line's prefix (which made a long line quadratic).
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const lines = /[^\n]+/g;
  for (let line = lines.exec(text); line; line = lines.exec(text)) {
    const content = line[0];
    const lineStart = line.index;
    let cursor = 0;
    let depth = 0;
    let scanned = 0;
    for (const match of content.matchAll(SENTENCE_END)) {
      const end = match.index + match[0].length;
      depth = quoteDepth(content, scanned, end, depth);
      scanned = end;
      if (depth !== 0) continue;
      push(sentences, text, lineStart + cursor, lineStart + end);
      cursor = end;
    }
    push(sentences, text, lineStart + cursor, lineStart + content.length);
  }
  return sentences;
}

function push(sentences: Sentence[], text: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  if (end > start) {
    sentences.push({ number: sentences.length + 1, start, end, text: text.slice(start, end) });
  }
}

/** The quote depth after `line[from, to)`, starting at `depth`; a stray closing quote is ignored. */
function quoteDepth(line: string, from: number, to: number, depth: number): number {
  let d = depth;
  for (let i = from; i < to; i += 1) {
    const ch = line[i];
    if (ch === '“') d += 1;
    else if (ch === '”' && d > 0) d -= 1;
  }
  return d;
}
