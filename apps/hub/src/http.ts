/**
 * The hub's side of the one HTTP layer (`@queue/http`, shared with the centre's server): its
 * refusal codes and their statuses, and its secrets. Bearer tokens are compared in constant time where they are
 * secrets held by the hub (the administrator's); centre keys are looked up by their hash.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Route, dispatch as dispatchRoutes, jsonLayer } from '@queue/http';

export { bearer, route, sendJson, type HttpExchange, type Method, type Route } from '@queue/http';

export type HubErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'REVOKED'
  | 'NOT_FOUND'
  | 'GAP'
  | 'BEFORE_STREAM'
  | 'CONFLICT'
  | 'INTERNAL';

export interface HubError {
  readonly code: HubErrorCode;
  readonly message: string;
  /** With GAP and BEFORE_STREAM: the seq the hub expects next in this stream. */
  readonly expected?: number;
}

export type Ack<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: HubError };

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
export const refuse = (code: HubErrorCode, message: string, extra: Partial<HubError> = {}): Ack<never> => ({
  ok: false,
  error: { code, message, ...extra },
});

const STATUS_OF: Record<HubErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  REVOKED: 403,
  NOT_FOUND: 404,
  GAP: 409,
  BEFORE_STREAM: 409,
  CONFLICT: 409,
  INTERNAL: 500,
};

export const statusOf = (code: HubErrorCode): number => STATUS_OF[code];

const layer = jsonLayer<HubErrorCode>(statusOf, 'BAD_REQUEST');

export const { sendAck, jsonRoute } = layer;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Equal secrets, compared in constant time (of their hashes, so lengths leak nothing). */
export const sameSecret = (given: string | undefined, expected: string): boolean =>
  given !== undefined &&
  timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );

/** Answer with the route for the request: 404 for an unknown path, 405 (with Allow) for a known one. */
export const dispatch = async (
  routes: readonly Route[],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> => {
  const url = new URL(request.url ?? '/', 'http://hub.invalid');
  if (!(await dispatchRoutes(routes, request, response, url, {}))) {
    sendAck(response, refuse('NOT_FOUND', 'No such endpoint.'));
  }
};
