/**
 * The HTTP side of the server, as one route table (`http-routes.ts`): health and the desk
 * list, staff sessions, pairing, the booking page, report exports, the visitor's status
 * page and its live feed, and the three front ends as static web apps. Requests to a
 * foreign host name are refused before anything else (DNS rebinding, `origin.ts`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ticket } from '@queue/core';
import { PROTOCOL_VERSION } from '@queue/protocol';
import type { Authenticator } from './auth';
import { type AddressReader, clientAddressReader } from './client-address';
import { faviconRoute } from './favicon';
import { sendError, sendJson } from '@queue/http';
import { type Route, dispatch, route } from './http-routes';
import type { Logger } from './logger';
import { hostAllowed } from './origin';
import { type PairingHttpDeps, pairingRoutes } from './pairing-http';
import type { QueueService } from './queue-service';
import type { RateLimit } from './rate-limit';
import { sessionRoutes } from './session-http';
import { type FrontEnd, frontEndRoutes } from './static-files';
import { statusPageRoutes } from './status-page/page-http';

export { FRONT_ENDS } from './static-files';

export interface HttpDeps extends PairingHttpDeps {
  readonly queue: QueueService;
  readonly auth: Authenticator;
  readonly logger: Logger;
  /** Folder holding a front end's build; usually `apps/<name>/dist`. */
  readonly frontEndDir: (name: FrontEnd) => string;
  readonly startedAt: number;
  /** Host names requests may be sent to besides IP addresses and localhost (origin.ts). */
  readonly ownHostNames: readonly string[];
  /** A ticket by its id, today's or older, for the visitor's status page. */
  readonly lookupTicket: (id: string) => Ticket | undefined;
  /** Close the live connections of credentials that just ended (a logout). */
  readonly closeConnections: (tokenHashes: readonly string[]) => void;
  /** Whether the visit has been rated already (the status page then thanks instead of asking). */
  readonly isRated?: (ticketId: string) => boolean;
  /** The features' routes: the booking page, report exports, the status page's live feed. */
  readonly routes?: readonly Route[];
  /** The status page's limit per address, shared with its live feed: one budget, not two. */
  readonly statusPageLimit: RateLimit;
  /** Whose request it is (the client behind a trusted proxy); the peer when absent. */
  readonly addressOf?: AddressReader;
}

/** Status-page requests allowed per address and minute. */
export const STATUS_PAGE_LIMIT = 60;

const coreRoutes = (deps: HttpDeps): readonly Route[] => [
  route('GET', '/health', ({ response }) =>
    sendJson(response, 200, {
      status: 'ok',
      protocol: PROTOCOL_VERSION,
      epoch: deps.queue.epoch,
      serviceDay: deps.queue.state.serviceDay ?? null,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
    }),
  ),
  // Public on purpose: the desk's login screen lists them, and their names are on the board.
  route('GET', '/api/desks', ({ response }) =>
    sendJson(response, 200, {
      ok: true,
      data: deps.queue.centre.desks.map((desk) => ({ id: desk.id, number: desk.number, name: desk.name })),
    }),
  ),
  ...sessionRoutes(deps),
  ...pairingRoutes(deps),
  faviconRoute(),
];

export const createHttpHandler = (deps: HttpDeps) => {
  const table: readonly Route[] = [
    ...coreRoutes(deps),
    ...(deps.routes ?? []),
    ...statusPageRoutes({
      queue: deps.queue,
      lookupTicket: deps.lookupTicket,
      limit: deps.statusPageLimit,
      ...(deps.isRated ? { isRated: deps.isRated } : {}),
    }),
    ...frontEndRoutes(deps.frontEndDir),
  ];

  const addressOf = deps.addressOf ?? clientAddressReader([]);
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = requestUrl(request.url);
    if (!url) return sendError(response, 400, 'BAD_REQUEST', 'Bad request path.');
    if (url.pathname.startsWith('/socket.io')) return; // socket.io answers these itself
    if (await dispatch(table, request, response, url, addressOf)) return;
    sendError(
      response,
      404,
      'NOT_FOUND',
      url.pathname.startsWith('/api/') ? 'No such endpoint.' : 'Not found.',
    );
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    if (!hostAllowed(request.headers.host, deps.ownHostNames)) {
      const name = String(request.headers.host).slice(0, 200);
      deps.logger.warn('request to a foreign host name refused', {
        host: name,
        address: request.socket.remoteAddress,
      });
      return sendError(
        response,
        421,
        'FORBIDDEN',
        `This server does not answer to the name ${name}; an administrator can add it to QUEUE_ALLOWED_HOSTS.`,
      );
    }
    handle(request, response).catch((error: unknown) => {
      deps.logger.error('http handler failed', { url: request.url, error });
      if (!response.headersSent) sendError(response, 500, 'INTERNAL', 'Internal error.');
      else response.end();
    });
  };
};

/**
 * The request's path and query, or undefined when they cannot be read: the target is taken as
 * a path on this server whatever it says (`//host/x` and absolute forms included).
 */
export const requestUrl = (target: string | undefined): URL | undefined => {
  const raw = target ?? '/';
  try {
    return new URL(raw.startsWith('/') ? `http://localhost${raw}` : raw, 'http://localhost');
  } catch {
    return undefined;
  }
};
