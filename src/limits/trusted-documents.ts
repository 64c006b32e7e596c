/**
 * Trusted documents: the operations this service ships (the dashboard's and the playground's
 * examples), hashed at build time by codegen into a manifest, and the check each request passes.
 *
 * The manifest, src/dashboard/gql/persisted-documents.json, maps `sha256:<hex>` to a document's
 * normalized text (the client preset's rule: sorted, whitespace collapsed), and <hex> is the
 * SHA-256 of that text. A client names a manifest document the way Apollo's automatic persisted
 * queries (APQ) do, `extensions.persistedQuery: { version: 1, sha256Hash: <hex> }`, so Apollo
 * Server's own request parsing (POST and GET) carries it and Apollo clients speak it already.
 *
 * TRUSTED_DOCUMENTS=allow (default): a manifest hash always runs its document, without the
 * client ever registering it; any other document runs too, and APQ works as Apollo's default
 * (unknown hash: PERSISTED_QUERY_NOT_FOUND; hash and text together register the text).
 * TRUSTED_DOCUMENTS=only: only manifest documents run, named by hash or sent as their exact
 * manifest text; anything else is refused with OPERATION_NOT_TRUSTED (403) before it is parsed,
 * and APQ is off, so no registration can let a document in.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, parse } from 'graphql';
import { OperationNotTrustedError, PersistedQueryInvalidError } from '../errors';
import { PROJECT_ROOT } from '../paths';

/** TRUSTED_DOCUMENTS: `allow` runs manifest documents by hash and any other document; `only` runs manifest documents alone. */
export type TrustedDocumentsMode = 'allow' | 'only';

/** The committed, generated manifest (`npm run codegen`; `npm run codegen:check` fails when it is stale). */
export const TRUSTED_DOCUMENTS_MANIFEST = join(PROJECT_ROOT, 'src', 'dashboard', 'gql', 'persisted-documents.json');

/** The parts of a GraphQL request (over HTTP or a WebSocket) that name its document. */
export interface OperationRequest {
  query?: string;
  extensions?: Record<string, unknown>;
}

/** What a request may run: `query` is its document text (undefined: an unknown hash, left to APQ). */
export interface TrustedOperation {
  query: string | undefined;
  /** The SHA-256 (hex) of `query`, when known. */
  sha256Hash: string | undefined;
  /** Whether the document is a manifest document. */
  trusted: boolean;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const PREFIX = 'sha256:';

/** The manifest of trusted documents and the mode they are enforced in. */
export class TrustedDocuments {
  /** Manifest documents by the SHA-256 (hex) of their text. */
  private readonly byHash: ReadonlyMap<string, string>;
  /** Manifest hashes by operation name (codegen keeps operation names unique). */
  private readonly byOperation: ReadonlyMap<string, string>;

  constructor(
    readonly mode: TrustedDocumentsMode,
    manifest: Record<string, string>,
  ) {
    const byHash = new Map<string, string>();
    const byOperation = new Map<string, string>();
    for (const [key, text] of Object.entries(manifest)) {
      const hash = key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key;
      // A hand-edited or corrupt manifest must not make a hash name a different document.
      if (sha256(text) !== hash) throw new Error(`The trusted-documents manifest entry ${key} is not the SHA-256 of its text: run \`npm run codegen\`.`);
      byHash.set(hash, text);
      for (const definition of parse(text).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) byOperation.set(definition.name.value, hash);
      }
    }
    this.byHash = byHash;
    this.byOperation = byOperation;
  }

  /** Reads the manifest (TRUSTED_DOCUMENTS_MANIFEST unless `path` is given). */
  static load(mode: TrustedDocumentsMode, path = TRUSTED_DOCUMENTS_MANIFEST): TrustedDocuments {
    return new TrustedDocuments(mode, JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>);
  }

  /** How many documents the manifest holds. */
  get size(): number {
    return this.byHash.size;
  }

  /** The manifest hash (hex) of the operation named `name`, or undefined. */
  hashOfOperation(name: string): string | undefined {
    return this.byOperation.get(name);
  }

  /** The manifest document with this SHA-256 (hex), or undefined. */
  document(sha256Hash: string): string | undefined {
    return this.byHash.get(sha256Hash);
  }

  /**
   * Checks one operation, by hash (`extensions.persistedQuery.sha256Hash`) or by text (`query`),
   * and returns the document to run: the manifest's text for a manifest hash sent alone. Throws
   * PERSISTED_QUERY_INVALID for a malformed persisted query and, in `only` mode,
   * OPERATION_NOT_TRUSTED for anything not in the manifest. The HTTP plugin below and any other
   * transport (a WebSocket server) call this same check.
   */
  check(request: OperationRequest): TrustedOperation {
    const persisted = persistedHashOf(request);
    const query = request.query;
    if (persisted !== undefined) {
      if (query !== undefined && sha256(query) !== persisted) throw new PersistedQueryInvalidError('sha256Hash is not the SHA-256 of the query sent with it');
      const manifestText = this.byHash.get(persisted);
      if (manifestText !== undefined) return { query: manifestText, sha256Hash: persisted, trusted: true };
      if (this.mode === 'only') throw new OperationNotTrustedError('hash', persisted);
      return { query, sha256Hash: persisted, trusted: false };
    }
    if (query === undefined) return { query, sha256Hash: undefined, trusted: false };
    const hash = sha256(query);
    const trusted = this.byHash.has(hash);
    if (!trusted && this.mode === 'only') throw new OperationNotTrustedError('document');
    return { query, sha256Hash: hash, trusted };
  }

  /**
   * The Apollo plugin that applies `check` to every request before Apollo looks at its document.
   * A manifest document found by hash is handed to Apollo as plain text, so Apollo's APQ cache
   * neither answers nor stores it. A refused request's document is never parsed or validated:
   * Apollo answers a plugin's error with a bare 500 until the operation is resolved, so the
   * request goes on with a stand-in document and the refusal is thrown once it is resolved, where
   * Apollo sends it with its own status (403, 400) and the logs and metrics see it.
   */
  plugin<C extends BaseContext>(): ApolloServerPlugin<C> {
    return {
      requestDidStart: async ({ request }) => {
        let refusal: GraphQLError | undefined;
        try {
          const operation = this.check({ query: request.query, extensions: request.extensions });
          if (!operation.trusted || operation.query === undefined) return {};
          request.query = operation.query;
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          refusal = error;
          request.query = STAND_IN;
          request.operationName = undefined;
        }
        if (request.extensions) {
          const { persistedQuery: _handled, ...rest } = request.extensions;
          request.extensions = rest;
        }
        return {
          async didResolveOperation() {
            if (refusal) throw refusal;
          },
        };
      },
    };
  }
}

/** What Apollo parses in place of a refused document: the smallest valid one, never run. */
const STAND_IN = '{ __typename }';

/** The hash of `extensions.persistedQuery`, checked, or undefined when there is none. */
function persistedHashOf(request: OperationRequest): string | undefined {
  const persisted = request.extensions?.persistedQuery;
  if (persisted === undefined || persisted === null) return undefined;
  if (typeof persisted !== 'object') throw new PersistedQueryInvalidError('extensions.persistedQuery must be an object');
  const { version, sha256Hash } = persisted as Record<string, unknown>;
  if (version !== 1) throw new PersistedQueryInvalidError('extensions.persistedQuery.version must be 1');
  if (typeof sha256Hash !== 'string' || !SHA256_HEX.test(sha256Hash)) {
    throw new PersistedQueryInvalidError(
      'extensions.persistedQuery.sha256Hash must be 64 lowercase hex digits (the SHA-256 of the document, with no "sha256:" prefix)',
    );
  }
  return sha256Hash;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
