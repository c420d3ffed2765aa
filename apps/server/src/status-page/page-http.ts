/**
 * `GET /t/<id>`: the visitor's own ticket page (the QR on the ticket leads here), in the
 * visitor's language, rate-limited per address. An id that is malformed or unknown gets the
 * same "no such ticket" page, so ids cannot be probed.
 */
import type { Ticket } from '@queue/core';
import { type Route, route } from '../http-routes';
import type { QueueService } from '../queue-service';
import type { RateLimit } from '../rate-limit';
import { liveEstimateOf } from './live-estimate';
import { pickLanguage, renderNotFound, renderTicketStatus } from './render';

export interface StatusPageDeps {
  readonly queue: QueueService;
  readonly lookupTicket: (id: string) => Ticket | undefined;
  /** Whether the visit has been rated already (the page then thanks instead of asking). */
  readonly isRated?: (ticketId: string) => boolean;
  /** Shared with the live feed: one budget per address, not two. */
  readonly limit: RateLimit;
}

const TICKET_PATH = /^\/t\/([A-Za-z0-9_-]{8,64})\/?$/;
const ANY_TICKET_PATH = /^\/t\/.*$/;

export const statusPageRoutes = (deps: StatusPageDeps): readonly Route[] => {
  const page =
    (id: string | undefined): Route['handle'] =>
    ({ request, response, url, address }) => {
      if (!deps.limit.allow(address, Date.now())) {
        response.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' });
        return void response.end('Too many requests.');
      }
      const ticket = id ? deps.lookupTicket(id) : undefined;
      const language = pickLanguage(
        url.searchParams.get('lang'),
        request.headers['accept-language'],
        ticket?.language,
      );
      const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
      if (!ticket) {
        response.writeHead(404, headers);
        return void response.end(renderNotFound(language));
      }
      const estimate = liveEstimateOf(deps.queue, ticket);
      response.writeHead(200, headers);
      response.end(
        renderTicketStatus(
          deps.queue.centre,
          ticket,
          estimate,
          language,
          deps.isRated?.(ticket.id) ?? false,
          deps.queue.now(),
        ),
      );
    };
  return [
    route('GET', TICKET_PATH, (exchange) => page(exchange.params[0])(exchange)),
    route('GET', ANY_TICKET_PATH, page(undefined)),
  ];
};
