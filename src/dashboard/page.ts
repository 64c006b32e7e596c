/**
 * The dashboard page at `/dashboard`, and its bundle (`dashboard.js`, `dashboard.css`) that
 * `npm run build:dashboard` (run by `npm start` and `npm test` when stale) writes into
 * `.build/dashboard/`. Like the playground, the page loads nothing from any other host.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths';

/** Where tools/build-dashboard.mjs writes the bundle; ignored by git. */
export const DASHBOARD_BUILD_DIR = join(PROJECT_ROOT, '.build', 'dashboard');

/** The bundle's files by URL path, with their content types. */
export const DASHBOARD_ASSETS = new Map<string, { file: string; contentType: string }>([
  ['/dashboard/dashboard.js', { file: 'dashboard.js', contentType: 'text/javascript; charset=utf-8' }],
  ['/dashboard/dashboard.css', { file: 'dashboard.css', contentType: 'text/css; charset=utf-8' }],
  // The licences of the bundled packages, which the bundle's last comment points to.
  ['/dashboard/dashboard.js.LEGAL.txt', { file: 'dashboard.js.LEGAL.txt', contentType: 'text/plain; charset=utf-8' }],
]);

/**
 * Reads a bundle file for the URL path, or null when the path is not one of the bundle's or
 * the bundle has not been built. Read on each request (no cache) so a rebuild shows at once.
 */
export async function dashboardAsset(path: string): Promise<{ body: Buffer; contentType: string } | null> {
  const asset = DASHBOARD_ASSETS.get(path);
  if (!asset) return null;
  try {
    return { body: await readFile(join(DASHBOARD_BUILD_DIR, asset.file)), contentType: asset.contentType };
  } catch {
    return null;
  }
}

/** The page's HTML: the panel skeletons that the bundle fills. */
export function dashboardHtml(): string {
  const panel = (id: string, title: string, extra = '', wide = false) =>
    `<section class="panel${wide ? ' wide' : ''}" id="${id}" data-state="loading" aria-live="polite">
      <h2>${title}${extra}</h2>
      <div class="panel-body"><p class="panel-loading">Loading…</p></div>
    </section>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>News facts graph: dashboard</title>
  <link rel="stylesheet" href="/dashboard/dashboard.css">
</head>
<body>
  <header><h1>News facts graph</h1><span>dashboard</span><a href="/">GraphQL playground</a></header>
  <main>
    ${panel('stats', 'Counts')}
    ${panel('top-actors', 'Top actors', ' <span class="switch" role="group" aria-label="Rank by"><button type="button" data-by="DEGREE" aria-pressed="true">Degree</button> <button type="button" data-by="PAGERANK" aria-pressed="false">PageRank</button></span>')}
    ${panel('co-occurrence', 'Met together')}
    ${panel('stance-matrix', 'Stances by topic')}
    ${panel('timeline', 'Timeline, per month (2022–2026)', '', true)}
    <section class="panel wide" id="graph" data-state="loading">
      <h2>Graph <label>from <select id="actor-picker" aria-label="Start from actor"><option value="actor:vladimir-putin">Vladimir Putin</option></select></label></h2>
      <p id="graph-status">Loading…</p>
      <div class="graph-layout">
        <div id="cy" role="img" aria-label="Graph of the neighbourhood"></div>
        <aside id="evidence" aria-live="polite"><p class="panel-empty">Click a node or an edge to see the evidence behind it.</p></aside>
      </div>
    </section>
  </main>
  <script src="/dashboard/dashboard.js"></script>
</body>
</html>`;
}
