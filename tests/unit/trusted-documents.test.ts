/**
 * The trusted-documents manifest (src/dashboard/gql/persisted-documents.json) stays in step with
 * the operations the service ships, and the check every transport calls decides as documented.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type DefinitionNode, Kind, Lexer, parse, Source, TokenKind, visit } from 'graphql';
import { loadConfig } from '../../src/config';
import * as dashboard from '../../src/dashboard/gql/graphql';
import { TRUSTED_DOCUMENTS_MANIFEST, TrustedDocuments } from '../../src/limits/trusted-documents';
import { PROJECT_ROOT } from '../../src/paths';
import { EXAMPLES } from '../../src/playground/examples';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const raw = JSON.parse(readFileSync(TRUSTED_DOCUMENTS_MANIFEST, 'utf8')) as Record<string, string>;
const manifest = TrustedDocuments.load('only');

const operationsDir = join(PROJECT_ROOT, 'src', 'dashboard', 'operations');
const dashboardSources = readdirSync(operationsDir)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => readFileSync(join(operationsDir, f), 'utf8'));

/** Each shipped operation with the fragments it uses, as the client preset hashes it. */
function shippedOperations(): { name: string; definitions: DefinitionNode[] }[] {
  const operations: { name: string; definitions: DefinitionNode[] }[] = [];
  for (const text of [...dashboardSources, ...EXAMPLES.map((e) => e.query)]) {
    const document = parse(text);
    const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const used = new Map<string, DefinitionNode>();
      const collect = (node: DefinitionNode) =>
        visit(node, {
          FragmentSpread(spread) {
            const fragment = fragments.get(spread.name.value);
            if (fragment && !used.has(spread.name.value)) {
              used.set(spread.name.value, fragment);
              collect(fragment);
            }
          },
        });
      collect(definition);
      operations.push({ name: definition.name!.value, definitions: [definition, ...used.values()] });
    }
  }
  return operations;
}

/**
 * The document's tokens as a sorted list: the same for two documents that differ only in layout,
 * comments and the order of selections (the manifest's normalized print sorts them), and
 * different as soon as a field, argument, value or fragment differs.
 */
function tokenBag(text: string): string[] {
  const lexer = new Lexer(new Source(text));
  const tokens: string[] = [];
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) tokens.push(`${token.kind}:${token.value ?? ''}`);
  return tokens.sort();
}
const printed = (definitions: DefinitionNode[]) => definitions.map((d) => (d.loc ? d.loc.source.body.slice(d.loc.start, d.loc.end) : '')).join('\n');

test('every manifest key is the SHA-256 of its document (the rule the client preset uses, with its prefix)', () => {
  const entries = Object.entries(raw);
  expect(entries.length).toBeGreaterThan(0);
  for (const [key, text] of entries) expect(key).toBe(`sha256:${sha256(text)}`);
  expect(manifest.size).toBe(entries.length);
});

test('the manifest holds exactly the shipped operations: the dashboard operations and the playground examples', () => {
  const shipped = shippedOperations();
  expect(shipped.length).toBe(manifest.size);
  for (const { name, definitions } of shipped) {
    const hash = manifest.hashOfOperation(name);
    expect({ name, inManifest: hash !== undefined }).toEqual({ name, inManifest: true });
    // The same document, up to layout, comments and selection order: an edited operation with a stale manifest fails here.
    expect({ name, tokens: tokenBag(manifest.document(hash!)!) }).toEqual({ name, tokens: tokenBag(printed(definitions)) });
  }
});

test('every hash the dashboard sends is a manifest key', () => {
  const documents = Object.entries(dashboard).filter(([name]) => name.endsWith('Document'));
  expect(documents.length).toBeGreaterThanOrEqual(7);
  for (const [name, document] of documents) {
    const hash = String((document as { __meta__?: { hash?: string } }).__meta__?.hash ?? '');
    expect({ name, hash }).toEqual({ name, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(manifest.document(hash.slice('sha256:'.length))).toBeDefined();
  }
});

test('a manifest entry whose key is not the hash of its text is refused when loaded', () => {
  const [key] = Object.keys(raw);
  expect(() => new TrustedDocuments('allow', { [key]: '{ __typename }' })).toThrow(/not the SHA-256 of its text/);
});

describe('the check every transport calls', () => {
  const [hash, text] = (() => {
    const [key, value] = Object.entries(raw)[0];
    return [key.slice('sha256:'.length), value] as const;
  })();
  const persisted = (sha256Hash: unknown, version: unknown = 1) => ({ persistedQuery: { version, sha256Hash } });
  const codeOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as { extensions?: { code?: string; http?: { status?: number } } }).extensions;
    }
    return undefined;
  };
  const other = '{ actors { nodes { id } } }';

  test.each(['allow', 'only'] as const)('%s: a manifest hash alone names its manifest document', (mode) => {
    expect(new TrustedDocuments(mode, raw).check({ extensions: persisted(hash) })).toEqual({ query: text, sha256Hash: hash, trusted: true });
  });

  test.each(['allow', 'only'] as const)("%s: a manifest document's exact text is trusted", (mode) => {
    expect(new TrustedDocuments(mode, raw).check({ query: text })).toEqual({ query: text, sha256Hash: hash, trusted: true });
  });

  test('allow: any other text runs, untrusted; an unknown hash alone is left to APQ', () => {
    const allow = new TrustedDocuments('allow', raw);
    expect(allow.check({ query: other })).toEqual({ query: other, sha256Hash: sha256(other), trusted: false });
    expect(allow.check({ extensions: persisted(sha256(other)) })).toEqual({ query: undefined, sha256Hash: sha256(other), trusted: false });
  });

  test('only: other text, an unknown hash, and text registered with its own hash are refused with 403 OPERATION_NOT_TRUSTED', () => {
    const only = new TrustedDocuments('only', raw);
    const refused = { code: 'OPERATION_NOT_TRUSTED', http: { status: 403 } };
    expect(codeOf(() => only.check({ query: other }))).toMatchObject(refused);
    expect(codeOf(() => only.check({ extensions: persisted(sha256(other)) }))).toMatchObject({ ...refused, sha256Hash: sha256(other) });
    expect(codeOf(() => only.check({ query: other, extensions: persisted(sha256(other)) }))).toMatchObject(refused);
  });

  test.each([
    ['a hash that is not of the text sent', { query: other, extensions: persisted(hash) }],
    ['version 2', { extensions: persisted(hash, 2) }],
    ['an upper-case hash', { extensions: persisted(hash.toUpperCase()) }],
    ['a prefixed hash', { extensions: persisted(`sha256:${hash}`) }],
    ['a number for a hash', { extensions: persisted(12) }],
    ['a persistedQuery that is not an object', { extensions: { persistedQuery: 'yes' } }],
  ])('%s is refused with 400 PERSISTED_QUERY_INVALID in either mode', (_name, request) => {
    for (const mode of ['allow', 'only'] as const) {
      expect(codeOf(() => new TrustedDocuments(mode, raw).check(request))).toMatchObject({ code: 'PERSISTED_QUERY_INVALID', http: { status: 400 } });
    }
  });
});

test('TRUSTED_DOCUMENTS is allow by default, takes only, and refuses anything else, naming itself', () => {
  expect(loadConfig({}).trustedDocuments).toBe('allow');
  expect(loadConfig({ NODE_ENV: 'production' }).trustedDocuments).toBe('allow');
  expect(loadConfig({ TRUSTED_DOCUMENTS: 'only' }).trustedDocuments).toBe('only');
  expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'strict' })).toThrow(/TRUSTED_DOCUMENTS/);
});
