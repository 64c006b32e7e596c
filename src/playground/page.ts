/**
 * The playground: GraphiQL from the `graphiql` npm package (its UMD build, with React 18's UMD
 * builds), served by this service so that it works with no internet access. The page loads
 * nothing from any other host.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getOperationAST, parse } from 'graphql';
import type { TrustedDocuments } from '../limits/trusted-documents';
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

/** What the playground tells its users when the server runs trusted documents only. */
export const ONLY_TRUSTED_NOTICE =
  'This server runs only trusted documents (TRUSTED_DOCUMENTS=only): the example tabs run as they are, by their hash; an edited or new operation is refused with OPERATION_NOT_TRUSTED, and the schema is not fetched for the editor.';

/**
 * The playground page, with the example operations as its opening tabs, and the SHA-256 (base64)
 * of its inline script, which the page's Content-Security-Policy allows by that hash alone. An
 * example whose text is unedited is sent by its manifest hash (as an automatic persisted query),
 * so the examples run with TRUSTED_DOCUMENTS=only too; there the page says that nothing else does,
 * and does not ask for the schema (introspection is not a trusted document).
 */
export function playgroundHtml(trusted: TrustedDocuments): { html: string; scriptHash: string } {
  const tabs = EXAMPLES.map((e) => ({ query: e.query, variables: e.variables, hash: exampleHash(trusted, e.query) }));
  const only = trusted.mode === 'only';
  // `<` is escaped so the JSON cannot close the script element.
  const config = JSON.stringify({ tabs, only }).replace(/</g, '\\u003c');
  const script = `
    const config = ${config};
    const http = GraphiQL.createFetcher({ url: '/graphql' });
    const hashes = new Map(config.tabs.filter((t) => t.hash).map((t) => [t.query, t.hash]));
    const fetcher = (params, options) => {
      const hash = hashes.get(params.query);
      if (hash === undefined) return http(params, options);
      const { query, ...rest } = params;
      return http({ ...rest, extensions: { ...rest.extensions, persistedQuery: { version: 1, sha256Hash: hash } } }, options);
    };
    ReactDOM.createRoot(document.getElementById('playground')).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultTabs: config.tabs.map((t) => ({ query: t.query, variables: t.variables })),
        defaultEditorToolsVisibility: true,
        shouldPersistHeaders: false,
        ...(config.only ? { schema: null } : {}),
      }),
    );
  `;
  const notice = only ? `\n  <p id="trusted-notice" role="note">${ONLY_TRUSTED_NOTICE}</p>` : '';
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>News facts graph: GraphQL playground</title>
  <link rel="stylesheet" href="/playground/graphiql.css">
  <style>html, body { height: 100%; margin: 0; } body { display: flex; flex-direction: column; } #playground { flex: 1; min-height: 0; } #trusted-notice { margin: 0; padding: 6px 12px; font: 14px sans-serif; background: #fff4cc; border-bottom: 1px solid #d9c36a; }</style>
</head>
<body>${notice}
  <div id="playground">Loading the playground…</div>
  <script src="/playground/react.js"></script>
  <script src="/playground/react-dom.js"></script>
  <script src="/playground/graphiql.js"></script>
  <script>${script}</script>
</body>
</html>`;
  return { html, scriptHash: createHash('sha256').update(script).digest('base64') };
}

/** The manifest hash of an example (the one operation it names), or undefined when it is not in the manifest. */
function exampleHash(trusted: TrustedDocuments, query: string): string | undefined {
  const name = getOperationAST(parse(query))?.name?.value;
  return name === undefined ? undefined : trusted.hashOfOperation(name);
}
