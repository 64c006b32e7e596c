/**
 * The id that ties one request's log lines together. A caller's (or proxy's) `x-request-id` is
 * kept when it is short and plain, so logs line up across services; anything else is replaced,
 * because the id lands in logs and response headers verbatim.
 */
import { randomUUID } from 'node:crypto';

/** The header that carries the id in and out. */
export const REQUEST_ID_HEADER = 'x-request-id';

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The incoming id when it is sane, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE.test(header) ? header : randomUUID();
}
