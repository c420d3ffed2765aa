/**
 * The one HTTP layer: every endpoint is a `Route` in one table (see `http.ts`), matched by
 * method and path, and every JSON endpoint goes through `jsonRoute`: body (size-limited) →
 * JSON → schema → handler → `Ack`, with one map from refusal codes to HTTP statuses. So a
 * bad body is answered alike everywhere (400 with what was wrong, 413 when too large), a
 * path with the wrong method gets 405 with `Allow`, and no feature writes its own parser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ack, WireErrorCode } from '@queue/protocol';
import type { z } from 'zod';
import type { AddressReader } from './client-address';
import { readJson, sendError, sendJson } from './http-io';
import { describeIssues } from './schema-issues';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpExchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly url: URL;
  /** The path's parameters: a RegExp route's capture groups, in order. */
  readonly params: readonly string[];
  readonly address: string;
}

export interface Route {
  readonly method: Method;
  /** An exact path, or a pattern whose groups become `params`. */
  readonly path: string | RegExp;
  readonly handle: (exchange: HttpExchange) => void | Promise<void>;
}

/** The HTTP status of each refusal; anything else the client got wrong is a 400. */
const STATUS_OF: Partial<Record<WireErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNPAIRED_TERMINAL: 403,
  OTHER_ORGANISATION: 403,
  NOT_FOUND: 404,
  UNKNOWN_TICKET: 404,
  BOOKING_DISABLED: 403,
  DESK_OCCUPIED: 409,
  ILLEGAL_TRANSITION: 409,
  SLOT_FULL: 409,
  SLOT_UNAVAILABLE: 409,
  PERSON_LIMIT: 409,
  DAY_LIMIT: 409,
  PUBLIC_LIMIT: 409,
  ADDRESS_LIMIT: 429,
  LOGIN_TAKEN: 409,
  CONFIG_CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  PRINTER_UNAVAILABLE: 503,
  REPORTS_PREPARING: 503,
  UNKNOWN_APPEAL: 404,
  NOT_CLASSIFIED: 409,
  NOT_ASSIGNED: 409,
  NOT_ASSIGNEE: 403,
  ALREADY_EXTENDED: 409,
  NOT_EXTENDABLE: 409,
  TERM_EXPIRED: 409,
  NEEDS_SUPERVISOR: 403,
  NOT_CLASS_C: 409,
  HIGHER_BODY_MISSING: 409,
};

export const statusOf = (code: WireErrorCode): number => STATUS_OF[code] ?? 400;

/** Send an `Ack` as JSON with the status its outcome calls for (`okStatus` when it succeeded). */
export const sendAck = (response: ServerResponse, answer: Ack<unknown>, okStatus = 200): void =>
  answer.ok
    ? sendJson(response, okStatus, answer)
    : sendError(response, statusOf(answer.error.code), answer.error.code, answer.error.message);

export const route = (method: Method, path: string | RegExp, handle: Route['handle']): Route => ({
  method,
  path,
  handle,
});

/**
 * A JSON endpoint: the body (or, for GET, the query string as an object) must pass `schema`;
 * `run` answers with an `Ack`, sent with its status.
 */
export const jsonRoute = <S extends z.ZodType>(
  method: Method,
  path: string | RegExp,
  schema: S,
  run: (input: z.infer<S>, exchange: HttpExchange) => Ack<unknown> | Promise<Ack<unknown>>,
  /** The status of a success: 201 where something was created. */
  okStatus = 200,
): Route =>
  route(method, path, async (exchange) => {
    const { request, response, url } = exchange;
    let input: unknown;
    if (method === 'GET' || method === 'DELETE') {
      input = Object.fromEntries(url.searchParams);
    } else {
      input = await readJson(request);
      if (input === 'too-large') {
        response.setHeader('connection', 'close');
        return sendError(response, 413, 'BAD_REQUEST', 'Request body too large.');
      }
      if (input === 'not-json') return sendError(response, 400, 'BAD_REQUEST', 'Body is not JSON.');
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return sendError(
        response,
        400,
        'BAD_REQUEST',
        `Invalid request: ${describeIssues(parsed.error, 'body')}`,
      );
    }
    sendAck(response, await run(parsed.data, exchange), okStatus);
  });

/** The same routes behind a guard that may answer first (a rate limit, say). */
export const guarded = (
  routes: readonly Route[],
  guard: (exchange: HttpExchange, method: Method) => boolean,
): Route[] =>
  routes.map((entry) => ({
    ...entry,
    handle: (exchange) => (guard(exchange, entry.method) ? entry.handle(exchange) : undefined),
  }));

const matchPath = (pattern: string | RegExp, path: string): readonly string[] | undefined => {
  if (typeof pattern === 'string') return pattern === path ? [] : undefined;
  const match = pattern.exec(path);
  return match ? match.slice(1).map((group) => group ?? '') : undefined;
};

/**
 * Run the route for the request, if the table has its path: true when answered (405 with
 * `Allow` for a known path asked with another method), false when no route has the path.
 */
export const dispatch = async (
  routes: readonly Route[],
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  addressOf: AddressReader,
): Promise<boolean> => {
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const allowed: Method[] = [];
  for (const candidate of routes) {
    const params = matchPath(candidate.path, url.pathname);
    if (!params) continue;
    if (candidate.method !== method) {
      allowed.push(candidate.method);
      continue;
    }
    await candidate.handle({ request, response, url, params, address: addressOf(request) });
    return true;
  }
  if (allowed.length === 0) return false;
  response.setHeader('allow', [...new Set(allowed)].join(', '));
  sendError(response, 405, 'BAD_REQUEST', 'Method not allowed.');
  return true;
};
