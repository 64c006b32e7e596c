/**
 * The dashboard's GraphQL client: posts a generated TypedDocumentString to this service's
 * `/graphql` and returns its typed `data`, or throws with the messages of the errors.
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
  let response: globalThis.Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch (error) {
    throw new QueryError(`The service could not be reached: ${(error as Error).message}`);
  }
  let body: Response<TResult>;
  try {
    body = (await response.json()) as Response<TResult>;
  } catch {
    throw new QueryError(`The service answered HTTP ${response.status} without a GraphQL response.`);
  }
  if (body.errors?.length) {
    throw new QueryError(
      body.errors.map((e) => e.message).join('; '),
      body.errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
    );
  }
  if (!body.data) throw new QueryError(`The service answered HTTP ${response.status} with no data.`);
  return body.data;
}
