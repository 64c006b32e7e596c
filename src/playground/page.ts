/**
 * The playground: GraphiQL from the `graphiql` npm package (its UMD build, with React 18's UMD
 * builds), served by this service so that it works with no internet access. The page loads
 * nothing from any other host.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths';
import { EXAMPLES } from './examples';

interface Asset {
  contentType: string;
  body: () => Promise<Buffer>;
}

const modules = join(PROJECT_ROOT, 'node_modules');
const cache = new Map<string, Promise<Buffer>>();
const file = (contentType: string, path: string): Asset => ({
  contentType,
  body: () => {
    let body = cache.get(path);
    if (!body) {
      body = readFile(join(modules, path));
      cache.set(path, body);
    }
    return body;
  },
});

/** Static files of the playground, by URL path. */
export const PLAYGROUND_ASSETS = new Map<string, Asset>([
  ['/playground/react.js', file('text/javascript; charset=utf-8', 'react/umd/react.production.min.js')],
  ['/playground/react-dom.js', file('text/javascript; charset=utf-8', 'react-dom/umd/react-dom.production.min.js')],
  ['/playground/graphiql.js', file('text/javascript; charset=utf-8', 'graphiql/graphiql.min.js')],
  ['/playground/graphiql.css', file('text/css; charset=utf-8', 'graphiql/graphiql.min.css')],
]);

/**
 * The playground page, with the example operations as its opening tabs, and the SHA-256 (base64)
 * of its inline script, which the page's Content-Security-Policy allows by that hash alone.
 */
export function playgroundHtml(): { html: string; scriptHash: string } {
  const tabs = EXAMPLES.map((e) => ({ query: e.query, variables: e.variables }));
  // `<` is escaped so the JSON cannot close the script element.
  const config = JSON.stringify({ tabs }).replace(/</g, '\\u003c');
  const script = `
    const config = ${config};
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('playground')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultTabs: config.tabs,
        defaultEditorToolsVisibility: true,
        shouldPersistHeaders: false,
      }),
    );
  `;
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>News facts graph: GraphQL playground</title>
  <link rel="stylesheet" href="/playground/graphiql.css">
  <style>html, body, #playground { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="playground">Loading the playground…</div>
  <script src="/playground/react.js"></script>
  <script src="/playground/react-dom.js"></script>
  <script src="/playground/graphiql.js"></script>
  <script>${script}</script>
</body>
</html>`;
  return { html, scriptHash: createHash('sha256').update(script).digest('base64') };
}
