/**
 * The dashboard's GraphQL client: posts a generated TypedDocumentString to this service's
 * `/graphql` and returns its typed `data`, or throws with the messages of the errors.
 *
 * Each operation goes by its hash alone, as an automatic persisted query
 * (`extensions.persistedQuery.sha256Hash`): codegen put every dashboard operation in the
 * trusted-documents manifest the server runs from, so this works with TRUSTED_DOCUMENTS=only. The
 * APQ form, not the `documentId` one, because Apollo Server 5 reads it in its own request
 * pipeline (POST and GET alike) and knows no `documentId`.
 */
import type { TypedDocumentString } from '../gql/graphql';

/** A failed operation: the GraphQL error messages (or the HTTP failure), ready to show. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly codes: string[] = [],
  ) {
    super(message);
  }
}

interface Response<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Runs one operation; rejects with a QueryError when the answer has errors or no data. */
export async function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
  const hash = String(document.__meta__?.hash ?? '').replace(/^sha256:/, '');
  if (!hash) return answer<TResult>(await post({ query: document.toString(), variables: variables ?? {} }));
  const byHash = await post({ variables: variables ?? {}, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
  // A server with another manifest (a bundle older than the server) does not know the hash; with
  // TRUSTED_DOCUMENTS=allow it still runs the text, as any APQ client would send next.
  if (byHash.body?.errors?.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
    return answer<TResult>(await post({ query: document.toString(), variables: variables ?? {} }));
  }
  return answer<TResult>(byHash);
}

/** POSTs one GraphQL request; the body is undefined when the answer is not JSON. */
async function post(payload: Record<string, unknown>): Promise<{ response: globalThis.Response; body: Response<unknown> | undefined }> {
  let response: globalThis.Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(payload),
    });
  } catch (error) {
    throw new QueryError(`The service could not be reached: ${(error as Error).message}`);
  }
  try {
    return { response, body: (await response.json()) as Response<unknown> };
  } catch {
    return { response, body: undefined };
  }
}

/** The typed `data` of an answer, or a QueryError with its errors. */
function answer<TResult>({ response, body: parsed }: { response: globalThis.Response; body: Response<unknown> | undefined }): TResult {
  if (parsed === undefined) throw new QueryError(`The service answered HTTP ${response.status} without a GraphQL response.`);
  const body = parsed as Response<TResult>;
  if (body.errors?.length) {
    throw new QueryError(
      body.errors.map((e) => e.message).join('; '),
      body.errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
    );
  }
  if (!body.data) throw new QueryError(`The service answered HTTP ${response.status} with no data.`);
  return body.data;
}
