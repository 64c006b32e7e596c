// Bundles the dashboard (src/dashboard/app, with cytoscape and the generated operations) with
// esbuild into .build/dashboard/dashboard.js and dashboard.css. With --if-stale it does nothing
// when the bundle is newer than every input, so `npm start` and `npm test` can call it each time.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, '.build', 'dashboard');
const outputs = ['dashboard.js', 'dashboard.css'].map((f) => join(outdir, f));

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const inputs = ['src/dashboard/app', 'src/dashboard/gql', 'package-lock.json', 'tools/build-dashboard.mjs'].map((p) => join(root, p));
const stale = () => {
  if (!outputs.every(existsSync)) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return inputs.some((p) => newest(p) > built);
};

if (process.argv.includes('--if-stale') && !stale()) process.exit(0);

const { build } = await import('esbuild');
const started = Date.now();
await build({
  entryPoints: { dashboard: join(root, 'src/dashboard/app/main.ts') },
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  platform: 'browser',
  legalComments: 'linked',
  logLevel: 'warning',
  tsconfig: join(root, 'src/dashboard/tsconfig.json'),
});
console.error(`[setup] built the dashboard into .build/dashboard in ${Date.now() - started} ms`);
