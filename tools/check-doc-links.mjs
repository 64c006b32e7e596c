#!/usr/bin/env node
/**
 * Checks the relative links of README.md and docs/*.md: every linked file exists, and every
 * `#anchor` names a heading of its file, as GitHub spells heading anchors. Also checks that the
 * repository paths the docs quote in backticks (`src/...`, `tests/...`, ...) exist, so a moved or
 * renamed file shows up here (a path written as "new file `...`" is one a recipe asks you to
 * create, and is not checked). Prints each problem and exits 1 when there is any.
 *
 *   node tools/check-doc-links.mjs
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's heading anchor: lower case, punctuation other than `-` and `_` dropped, spaces to `-`. */
function slug(heading) {
  const text = heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** The anchors of a markdown file, with GitHub's `-1`, `-2` suffixes for repeated headings. */
function anchorsOf(text) {
  const seen = new Map();
  const anchors = new Set();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = slug(m[2]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** The text outside fenced code blocks (links and paths in examples are not checked). */
function prose(text) {
  let fenced = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line;
    })
    .join('\n');
}

const anchorCache = new Map();
function anchorsOfFile(path) {
  if (!anchorCache.has(path)) anchorCache.set(path, anchorsOf(readFileSync(path, 'utf8')));
  return anchorCache.get(path);
}

const problems = [];
let links = 0;
let paths = 0;
for (const file of files) {
  const full = join(root, file);
  const text = prose(readFileSync(full, 'utf8'));
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1];
    if (/^[a-z]+:/i.test(target)) continue; // http:, https:, mailto:
    links += 1;
    const [pathPart, anchor] = target.split('#');
    const targetFile = pathPart ? resolve(dirname(full), pathPart) : full;
    if (!existsSync(targetFile)) {
      problems.push(`${file}: link to ${target}: no such file ${relative(root, targetFile)}`);
      continue;
    }
    if (anchor !== undefined) {
      if (!targetFile.endsWith('.md') || statSync(targetFile).isDirectory()) {
        problems.push(`${file}: link to ${target}: an anchor into a file that is not markdown`);
      } else if (!anchorsOfFile(targetFile).has(anchor)) {
        problems.push(`${file}: link to ${target}: ${relative(root, targetFile)} has no heading with anchor #${anchor}`);
      }
    }
  }
  // Repository paths quoted in backticks: `src/db/driver.ts`, `tests/integration/attacks-*.int.test.ts`.
  // A path written as "new file `...`" is one a recipe tells you to create.
  for (const m of text.matchAll(/`((?:src|tests|tools|schema|seed|bench|docs)\/[^`\s]*)`/g)) {
    if (/new file $/.test(text.slice(Math.max(0, m.index - 9), m.index))) continue;
    let path = m[1].replace(/[.,;:]+$/, '');
    if (/[<>]/.test(path)) continue; // a pattern such as bench/results/<timestamp>.json
    paths += 1;
    if (path.includes('*')) {
      const dir = join(root, dirname(path));
      const pattern = new RegExp(
        `^${path
          .split('/')
          .pop()
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')}$`,
      );
      if (!existsSync(dir) || !readdirSync(dir).some((f) => pattern.test(f))) problems.push(`${file}: \`${m[1]}\` matches no file`);
    } else if (!existsSync(join(root, path))) {
      problems.push(`${file}: \`${m[1]}\` does not exist`);
    }
  }
}

for (const p of problems) console.log(p);
console.log(`${files.length} files, ${links} relative links and ${paths} quoted paths checked; ${problems.length} problem(s).`);
process.exit(problems.length ? 1 : 0);
