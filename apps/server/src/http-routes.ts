/**
 * The server's side of the one HTTP layer (`@queue/http`, shared with the city hub): every
 * endpoint is a `Route` in one table (see `http.ts`), each request carries the caller's
 * address, and refusals take their HTTP status from the one map below.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type HttpExchange as ExchangeOf,
  type Method,
  type Route as RouteOf,
  dispatch as dispatchRoutes,
  guarded as guardedRoutes,
  jsonLayer,
  route as routeOf,
} from '@queue/http';
import type { WireErrorCode } from '@queue/protocol';
import type { AddressReader } from './client-address';

export type { Method };

/** What the server adds to every request: the caller's address (behind a trusted proxy, the client's). */
interface ServerContext {
  readonly address: string;
}

export type HttpExchange = ExchangeOf<ServerContext>;
export type Route = RouteOf<ServerContext>;

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

const layer = jsonLayer<WireErrorCode, ServerContext>(statusOf, 'BAD_REQUEST');

/** Send an `Ack` as JSON with the status its outcome calls for (`okStatus` when it succeeded). */
export const sendAck = (
  response: ServerResponse,
  answer: Parameters<typeof layer.sendAck>[1],
  okStatus = 200,
): void => layer.sendAck(response, answer, okStatus);

export const route = (method: Method, path: string | RegExp, handle: Route['handle']): Route =>
  routeOf<ServerContext>(method, path, handle);

/**
 * A JSON endpoint: the body (or, for GET, the query string as an object) must pass `schema`;
 * `run` answers with an `Ack`, sent with its status (`okStatus`: 201 where something was created).
 */
export const jsonRoute = <S extends Parameters<typeof layer.jsonRoute>[2]>(
  method: Method,
  path: string | RegExp,
  schema: S,
  run: Parameters<typeof layer.jsonRoute<S>>[3],
  okStatus = 200,
): Route => layer.jsonRoute(method, path, schema, run, { okStatus });

export const guarded = (
  routes: readonly Route[],
  guard: (exchange: HttpExchange, method: Method) => boolean,
) => guardedRoutes<ServerContext>(routes, guard);

/**
 * Run the route for the request, if the table has its path: true when answered (405 with
 * `Allow` for a known path asked with another method), false when no route has the path.
 */
export const dispatch = (
  routes: readonly Route[],
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  addressOf: AddressReader,
): Promise<boolean> => dispatchRoutes(routes, request, response, url, { address: addressOf(request) });
