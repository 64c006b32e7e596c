// Counts the type assertions (`x as T`, not `as const`) in src/, without src/generated, by parsing
// each file with the TypeScript compiler, so comments and strings saying "as" are not counted.
//   node tools/count-casts.mjs            the total and the 25 files with the most
//   node tools/count-casts.mjs models/    the files whose path contains "models/"
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const counts = new Map();

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (relative(root, path) !== join('src', 'generated')) walk(path);
    } else if (/\.tsx?$/.test(entry.name)) count(path);
  }
}

function count(path) {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  let casts = 0;
  const visit = (node) => {
    const isConst = ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(source) === 'const';
    if (ts.isAsExpression(node) && !isConst) casts += 1;
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (casts) counts.set(relative(root, path), casts);
}

walk(join(root, 'src'));
const files = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
console.log(`${files.reduce((sum, [, n]) => sum + n, 0)} casts in src/ (without src/generated)`);
const filter = process.argv[2];
for (const [file, n] of filter ? files.filter(([f]) => f.includes(filter)) : files.slice(0, 25)) console.log(`${String(n).padStart(5)}  ${file}`);
